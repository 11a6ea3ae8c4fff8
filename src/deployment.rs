//! `DeploymentDraft`: the body of `POST /{projectKey}/deployments` (connect-domain.md §2.5).
//!
//! Without context only the draft's own rules are checked: every field's type, pattern and
//! enum, required fields, and unknown fields (warnings, with a did-you-mean hint).

use crate::checks::{Checker, Echo, Strictness};
use crate::enums::{DEPLOYMENT_TYPES, REGIONS};
use crate::json_text::{check_payload, Payload};
use crate::report::{pointer_index, pointer_push, Loc, Report};
use serde_json::{Map, Value};

const DRAFT_FIELDS: &[&str] = &[
    "key",
    "type",
    "connector",
    "configurations",
    "globalConfiguration",
    "region",
];
const CONNECTOR_FIELDS: &[&str] = &["id", "key", "version", "staged"];
const APPLICATION_FIELDS: &[&str] = &[
    "applicationName",
    "standardConfiguration",
    "securedConfiguration",
    "schedule",
    "retryPolicy",
];
const GLOBAL_FIELDS: &[&str] = &["standardConfiguration", "securedConfiguration"];
const VALUE_FIELDS: &[&str] = &["key", "value"];

/// Checks a `DeploymentDraft`, given as JSON text or as a parsed value.
///
/// ```
/// use connect_preflight::validate_deployment_draft;
/// let report = validate_deployment_draft(r#"{
///   "connector": {"key": "my-connector"},
///   "region": "europe-west1.gcp",
///   "configurations": [{"applicationName": "service", "standardConfiguration": [], "securedConfiguration": []}]
/// }"#);
/// assert!(report.valid());
///
/// let report = validate_deployment_draft(r#"{"connector": {"key": "c1"}, "regoin": "eu", "configurations": []}"#);
/// assert_eq!(report.errors[0].code.as_str(), "RequiredField");
/// assert_eq!(report.errors[0].path, "/region");
/// assert_eq!(report.warnings[0].path, "/regoin"); // UnknownField, "Did you mean 'region'?"
/// ```
pub fn validate_deployment_draft<'a>(draft: impl Into<Payload<'a>>) -> Report {
    check_payload(draft.into(), |value| {
        let mut c = Checker::default();
        check_draft(&mut c, value);
        c.finish()
    })
}

fn check_draft(c: &mut Checker, value: &Value) {
    let Some(draft) = c.root_object(value, "A DeploymentDraft") else {
        return;
    };
    if let Some(key) = draft.get("key") {
        c.key(key, "/key".into(), "key");
    }
    match draft.get("connector") {
        Some(connector) => check_connector(c, connector),
        None => c.required("", "connector", " (a reference to the Connector, by id or key)"),
    }
    match draft.get("region") {
        Some(region) => c.one_of(region, "/region".into(), "region", REGIONS),
        None => c.required("", "region", ""),
    }
    if let Some(deployment_type) = draft.get("type") {
        c.one_of(deployment_type, "/type".into(), "type", DEPLOYMENT_TYPES);
    }
    match draft.get("configurations") {
        Some(configurations) => {
            if let Some(applications) = c.array(configurations, "/configurations".into(), "configurations") {
                for (i, application) in applications.iter().enumerate() {
                    check_application(c, application, &pointer_index("/configurations", i));
                }
            }
        }
        None => c.required(
            "",
            "configurations",
            " (one entry per application; [] when there are none)",
        ),
    }
    if let Some(global) = draft.get("globalConfiguration") {
        if let Some(global) = c.object(global, "/globalConfiguration".into(), "globalConfiguration") {
            for (field, echo) in [
                ("standardConfiguration", Echo::Yes),
                ("securedConfiguration", Echo::Secured),
            ] {
                if let Some(values) = global.get(field) {
                    check_values(c, values, &pointer_push("/globalConfiguration", field), field, echo);
                }
            }
            c.unknown_fields(global, "/globalConfiguration", GLOBAL_FIELDS, Strictness::Warn);
        }
    }
    c.unknown_fields(draft, "", DRAFT_FIELDS, Strictness::Warn);
}

fn check_connector(c: &mut Checker, value: &Value) {
    let Some(connector) = c.object(value, "/connector".into(), "connector") else {
        return;
    };
    match (connector.get("id"), connector.get("key")) {
        (None, None) => c.required(
            "/connector",
            "key",
            " (or 'id'): the Connector is referenced by id or key",
        ),
        (id, key) => {
            if let Some(id) = id {
                c.non_empty_string(id, "/connector/id".into(), "id", Echo::Yes);
            }
            if let Some(key) = key {
                c.key(key, "/connector/key".into(), "key");
            }
        }
    }
    if let Some(version) = connector.get("version") {
        c.integer_at_least(version, "/connector/version".into(), "version", 1);
    }
    if let Some(staged) = connector.get("staged") {
        c.boolean(staged, "/connector/staged".into(), "staged");
    }
    c.unknown_fields(connector, "/connector", CONNECTOR_FIELDS, Strictness::Warn);
}

fn check_application(c: &mut Checker, value: &Value, path: &str) {
    let Some(application) = c.object(value, Loc::At(path), "configurations") else {
        return;
    };
    match application.get("applicationName") {
        Some(name) => c.key(name, Loc::Field(path, "applicationName"), "applicationName"),
        None => c.required(
            path,
            "applicationName",
            " (the name of the application in connect.yaml)",
        ),
    }
    for (field, echo) in [
        ("standardConfiguration", Echo::Yes),
        ("securedConfiguration", Echo::Secured),
    ] {
        match application.get(field) {
            Some(values) => check_values(c, values, &pointer_push(path, field), field, echo),
            None => c.required(path, field, " (use [] when there are no values)"),
        }
    }
    if let Some(schedule) = application.get("schedule") {
        c.non_empty_string(schedule, Loc::Field(path, "schedule"), "schedule", Echo::Yes);
    }
    if let Some(retry_policy) = application.get("retryPolicy") {
        c.object(retry_policy, Loc::Field(path, "retryPolicy"), "retryPolicy");
    }
    c.unknown_fields(application, path, APPLICATION_FIELDS, Strictness::Warn);
}

/// A `ConfigurationValue[]`: `{key, value}` objects with string members. Values of the
/// secured block are never echoed.
fn check_values(c: &mut Checker, value: &Value, path: &str, field: &str, echo: Echo) {
    let Some(values) = c.array(value, Loc::At(path), field) else {
        return;
    };
    for (i, entry) in values.iter().enumerate() {
        let entry_path = pointer_index(path, i);
        let Some(entry) = c.object(entry, Loc::At(&entry_path), field) else {
            continue;
        };
        check_value_entry(c, entry, &entry_path, echo);
    }
}

fn check_value_entry(c: &mut Checker, entry: &Map<String, Value>, path: &str, echo: Echo) {
    match entry.get("key") {
        Some(key) => c.non_empty_string(key, Loc::Field(path, "key"), "key", Echo::Yes),
        None => c.required(path, "key", ""),
    }
    match entry.get("value") {
        Some(value) => {
            c.string(value, Loc::Field(path, "value"), "value", echo);
        }
        None => c.required(path, "value", " (values are strings; use \"\" for an empty one)"),
    }
    c.unknown_fields(entry, path, VALUE_FIELDS, Strictness::Warn);
}
