//! `DeploymentDraft` (the body of `POST /{projectKey}/deployments`) and `DeploymentUpdate`
//! (redeploy), connect-domain.md §2.5; their cross-checks against a connector and a
//! deployment (API.md §6); whether a status allows a redeploy.
//!
//! Each payload is walked twice: once for its own rules (types, patterns, enums, required
//! and unknown fields), then, with a context, against the connector and the deployment.
//! The second walk skips whatever the first found malformed (it is reported already).

use crate::connect::context::{Connector, Context, Declared, Deployment, Kind};
use crate::connect::draft_rules::{Field, Rule, Shape, DRAFT, REDEPLOY, UPDATE, UPDATE_ACTIONS};
use crate::connect::enums::{DEPLOYMENT_STATUSES, DEPLOYMENT_TYPES, REGIONS};
use crate::connect::machines::CONNECT_DEPLOYMENT;
use crate::connect::properties::{check_retry_policy, check_schedule};
use crate::connect::secrets::check_secret_payload;
use crate::report::budget::shown;
use crate::report::checker::{did_you_mean, with_hint, Checker, Echo, Strictness};
use crate::report::codes::Code;
use crate::report::json_text::Payload;
use crate::report::table::check_fields;
use crate::report::{pointer_index, pointer_push, Issue, Loc, Report};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// Checks a `DeploymentDraft`, given as JSON text or as a parsed value, on its own rules.
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
    validate_deployment_draft_with(draft, &Context::none())
}

/// Checks a `DeploymentDraft` and, with a connector in the context, cross-checks its
/// configuration values, region and preview rules against it (API.md §6).
///
/// ```
/// use connect_preflight::{validate_deployment_draft_with, Context};
/// let context = Context::from_json(&serde_json::json!({ "connectYaml":
///     "deployAs:\n  - name: service\n    applicationType: service\n    endpoint: /svc\n    configuration:\n      securedConfiguration:\n        - key: API_KEY\n          description: the key\n          required: true\n" })).unwrap();
/// let report = validate_deployment_draft_with(r#"{"connector": {"key": "c1"}, "region": "europe-west1.gcp",
///   "configurations": [{"applicationName": "service", "securedConfiguration": [],
///                       "standardConfiguration": [{"key": "API_KEY", "value": "s3cret"}]}]}"#, &context);
/// assert_eq!(report.errors[0].code.as_str(), "DeploymentUnknownApplicationConfigurationKey"); // belongs in securedConfiguration
/// assert!(!report.errors.iter().any(|e| e.message.contains("s3cret")));
/// ```
pub fn validate_deployment_draft_with<'a>(draft: impl Into<Payload<'a>>, context: &Context) -> Report {
    let draft = draft.into();
    // Clean text without a context needs no tree (docs/decisions.md, "DeploymentDraft speed").
    #[cfg(feature = "draft-fast-path")]
    if let (Payload::Text(text), true) = (draft, context.is_empty()) {
        if crate::connect::draft_fast::is_clean(text) {
            return Report::default();
        }
    }
    let secrets = context.secret_keys();
    check_secret_payload(draft, &secrets, |value| {
        let mut c = Checker::default();
        context_first(&mut c, context);
        check_draft(&mut c, value, &secrets);
        if let Some(draft) = value.as_object() {
            cross_check_draft(&mut c, draft, context);
        }
        c.finish()
    })
}

/// Checks a `DeploymentUpdate` (`{ version, actions: [{ action: "redeploy", ... }] }`) and,
/// with a context, its configuration values against the connector, and the redeploy against
/// the deployment (status, applications, version).
///
/// ```
/// use connect_preflight::{validate_deployment_update, Context};
/// let context = Context::from_json(&serde_json::json!({ "deployment": {"id": "d1", "version": 3, "status": "Deploying"} })).unwrap();
/// let report = validate_deployment_update(r#"{"version": 3, "actions": [{"action": "redeploy"}]}"#, &context);
/// assert_eq!(report.errors[0].code.as_str(), "DeploymentInvalidStatusTransition"); // "Already deploying"
/// ```
pub fn validate_deployment_update<'a>(update: impl Into<Payload<'a>>, context: &Context) -> Report {
    check_secret_payload(update.into(), &context.secret_keys(), |value| {
        let mut c = Checker::default();
        context_first(&mut c, context);
        check_update(&mut c, value, context);
        c.finish()
    })
}

/// Whether a Deployment in `status` may be redeployed: `DeploymentInvalidStatusTransition`
/// unless it is Draft, Deployed, Failed or UndeployFailed.
///
/// ```
/// use connect_preflight::can_redeploy;
/// assert!(can_redeploy(&"Failed".into()).valid());
/// assert_eq!(can_redeploy(&"Queued".into()).errors[0].message, "Invalid status change: Already queued.");
/// ```
pub fn can_redeploy(status: &Value) -> Report {
    let mut c = Checker::default();
    if let Some(issue) = redeploy_blocked(&mut c, status, Loc::At("")) {
        c.error(issue);
    }
    c.finish()
}

/// The issue that forbids a redeploy from `status`, if one does; an unknown status is an
/// `InvalidField` issue of its own.
fn redeploy_blocked(c: &mut Checker, status: &Value, at: Loc<'_>) -> Option<Issue> {
    let s = status.as_str().filter(|s| DEPLOYMENT_STATUSES.contains(s));
    let Some(s) = s else {
        c.one_of(status, at, "status", DEPLOYMENT_STATUSES);
        return None;
    };
    // A redeploy queues the Deployment: the statuses it starts from, and the API's words
    // when it cannot ("Invalid status change: Already deploying."), are the machine's.
    let redeployable = CONNECT_DEPLOYMENT.states_before("Queued");
    if redeployable.contains(&s) {
        return None;
    }
    let (code, message) = CONNECT_DEPLOYMENT.refusal(s, "Queued").unwrap_or((
        Code::DeploymentInvalidStatusTransition,
        "Invalid status change: the Deployment cannot be redeployed now.",
    ));
    Some(
        Issue::new(code, at.pointer(), message)
            .param("status", s)
            .param("allowedValues", redeployable),
    )
}

fn check_draft(c: &mut Checker, value: &Value, secrets: &BTreeSet<&str>) {
    let Some(draft) = c.root_object(value, "A DeploymentDraft") else {
        return;
    };
    check_shape(c, draft, "", &DRAFT, secrets);
}

/// The fields of `object` (at `path`) by the rules of `shape` (`draft_rules`), in the table's
/// order, then the fields the shape does not have.
fn check_shape(c: &mut Checker, object: &Map<String, Value>, path: &str, shape: &Shape, secrets: &BTreeSet<&str>) {
    if let Some((any, tail)) = shape.one_of {
        if !any.iter().any(|name| object.contains_key(*name)) {
            c.required(path, any[0], tail);
        }
    }
    check_fields(c, object, path, shape.fields, |c, field, value| {
        check_rule(c, value, path, field, object, shape, secrets);
    });
    c.unknown_fields(object, path, &shape.names(), Strictness::Warn);
}

/// One field's rule. `object` is the object the field is in, for the rules that read a
/// neighbour (the deployment type reads `connector.staged`; a value reads its entry's key).
fn check_rule(
    c: &mut Checker,
    value: &Value,
    path: &str,
    field: &Field,
    object: &Map<String, Value>,
    shape: &Shape,
    secrets: &BTreeSet<&str>,
) {
    let name = field.name;
    let at = Loc::Field(path, name);
    match &field.rule {
        Rule::Key => c.key(value, at, name),
        Rule::OneOf(allowed) => c.one_of(value, at, name, allowed),
        Rule::DeploymentType => {
            c.one_of(value, at, name, DEPLOYMENT_TYPES);
            check_type_for_connector(c, value, object.get("connector"));
        }
        Rule::Staged | Rule::Boolean => c.boolean(value, at, name),
        Rule::NonBlank => c.non_empty_string(value, at, name, Echo::Yes),
        Rule::Text => {
            // Values of the secured block are never echoed, nor values of keys the connector
            // declares as secured wherever they are sent (`secrets`).
            let key = object.get("key").and_then(Value::as_str);
            let secret = shape.secured || key.is_some_and(|k| secrets.contains(k));
            c.string(value, at, name, if secret { Echo::Secured } else { Echo::Yes });
        }
        Rule::IntegerAtLeast(min) => c.integer_at_least(value, at, name, *min),
        Rule::Object(inner) => {
            let inner_path = at.pointer();
            if let Some(inner_object) = c.object(value, Loc::At(&inner_path), name) {
                check_shape(c, inner_object, &inner_path, inner, secrets);
            }
        }
        Rule::List(item) => check_list(c, value, &at.pointer(), name, item, secrets),
        Rule::Schedule => {
            if let Some(text) = c.string(value, at, name, Echo::Yes) {
                check_schedule(c, text, &at.pointer());
            }
        }
        Rule::RetryPolicy => check_retry_policy_override(c, value, &at.pointer(), object),
        // What the context adds (the version it has, the status it redeploys from) is
        // `check_update`'s.
        Rule::Version => c.integer_at_least(value, at, name, 1),
        Rule::UpdateActions => {
            c.array(value, at, name);
        }
    }
}

/// An array at `path` of objects of `item`'s shape (`field` names the array in messages).
fn check_list(c: &mut Checker, value: &Value, path: &str, field: &str, item: &Shape, secrets: &BTreeSet<&str>) {
    if let Some(items) = c.array(value, Loc::At(path), field) {
        for (i, entry) in items.iter().enumerate() {
            let entry_path = pointer_index(path, i);
            if let Some(object) = c.object(entry, Loc::At(&entry_path), field) {
                check_shape(c, object, &entry_path, item, secrets);
            }
        }
    }
}

/// A ConnectorStaged (`staged: true`) deploys only as `preview`; a Connector never does.
fn check_type_for_connector(c: &mut Checker, deployment_type: &Value, connector: Option<&Value>) {
    let Some(t) = deployment_type.as_str().filter(|t| DEPLOYMENT_TYPES.contains(t)) else {
        return;
    };
    let staged = connector.and_then(|c| c.get("staged")).and_then(Value::as_bool) == Some(true);
    let allowed: &[&str] = if staged {
        &["preview"]
    } else {
        &["sandbox", "production"]
    };
    if !allowed.contains(&t) {
        let what = if staged {
            "A ConnectorStaged (staged: true)"
        } else {
            "A Connector"
        };
        c.error(
            Issue::new(
                Code::DeploymentInvalidType,
                "/type",
                format!(
                    "{what} cannot be deployed as a '{t}' type. Only '{}' types are allowed.",
                    allowed.join("', '")
                ),
            )
            .param("type", t)
            .param("allowedTypes", allowed.to_vec()),
        );
    }
}

/// A `retryPolicy` override: the connect.yaml ranges, each problem a `DeploymentInvalidRetryPolicy`.
fn check_retry_policy_override(c: &mut Checker, value: &Value, path: &str, application: &Map<String, Value>) {
    let mut inner = Checker::default();
    check_retry_policy(&mut inner, value, path);
    let name = application.get("applicationName").and_then(Value::as_str);
    for mut issue in inner.finish().errors {
        issue.code = Code::DeploymentInvalidRetryPolicy;
        if let Some(name) = name {
            issue = issue.param("applicationName", name);
        }
        c.error(issue);
    }
}

// ---- Cross-checks (API.md §6) -----------------------------------------------------------

/// Whether a cross-check of configuration values also reports required keys that are absent
/// (a draft must carry them; a redeploy keeps the values it does not name).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Absent {
    Report,
    Keep,
}

/// The context's own problems come first (API.md §6): the payload's follow.
fn context_first(c: &mut Checker, context: &Context) {
    for issue in context.own_problems() {
        c.error(issue.clone());
    }
}

fn cross_check_draft(c: &mut Checker, draft: &Map<String, Value>, context: &Context) {
    let region = draft.get("region").and_then(Value::as_str);
    let staged = draft
        .get("connector")
        .and_then(|r| r.get("staged"))
        .and_then(Value::as_bool)
        == Some(true);
    if staged {
        check_previewable(c, draft.get("connector"), context);
    }
    if let (Some(projects), Some(project_key), Some(region)) =
        (context.private_projects(), context.project_key.as_deref(), region)
    {
        let identifier = format!("{region}:{project_key}");
        if !projects.contains(&identifier) {
            c.error(
                Issue::new(
                    Code::ConnectorNotAvailableToProject,
                    "/connector",
                    format!("The Connector is private and {identifier} is not one of its privateProjects: only those projects can deploy it."),
                )
                .param("projectIdentifier", identifier.as_str()),
            );
        }
    }
    let Some(connector) = context.connector() else {
        return;
    };
    if let Some(region) = region.filter(|r| !connector.supported_regions.is_empty() && REGIONS.contains(r)) {
        if !connector.supported_regions.iter().any(|s| s == region) {
            c.error(
                Issue::new(
                    Code::DeploymentUnsupportedRegion,
                    "/region",
                    format!(
                        "Deployment unsupported region {region}. The Connector supports {}.",
                        connector.supported_regions.join(", ")
                    ),
                )
                .param("region", region)
                .param("allowedValues", connector.supported_regions.clone()),
            );
        }
    }
    if let Some(applications) = draft.get("configurations").and_then(Value::as_array) {
        cross_check_applications(
            c,
            applications,
            "/configurations",
            Some(connector),
            None,
            Absent::Report,
        );
    }
    cross_check_global(
        c,
        draft.get("globalConfiguration"),
        "/globalConfiguration",
        connector,
        Absent::Report,
    );
}

/// `staged: true` needs a ConnectorStaged whose `isPreviewable` is `"true"`.
fn check_previewable(c: &mut Checker, reference: Option<&Value>, context: &Context) {
    let Some(previewable) = context.is_previewable() else {
        return;
    };
    if previewable == "true" {
        return;
    }
    // The connector as the draft names it, else as the context's resource says.
    let resource = context.staged_resource.as_ref().or(context.connector_resource.as_ref());
    let known = |field: &str| -> Option<Value> {
        [reference, resource]
            .into_iter()
            .flatten()
            .find_map(|r| r.get(field).filter(|v| v.is_string() || v.is_u64()).cloned())
    };
    let named = |field: &str| match known(field) {
        Some(Value::String(s)) => crate::report::budget::shown(&s).into_owned(),
        Some(other) => other.to_string(),
        None => "…".to_owned(),
    };
    let why = match previewable {
        "pending" => "a preview request is still being processed",
        "false" => "its preview checks failed (see previewableReport)",
        _ => "no preview was requested (updatePreviewable)",
    };
    let mut issue = Issue::new(
        Code::ConnectorStagedNotPreviewable,
        "/connector/staged",
        format!(
            "Connector id={} or key={} with version {} is not previewable: isPreviewable is \"{previewable}\" ({why}).",
            named("id"),
            named("key"),
            named("version")
        ),
    )
    .param("isPreviewable", previewable);
    // The API's params, where known.
    for (param, field) in [("connectorId", "id"), ("connectorKey", "key"), ("version", "version")] {
        if let Some(value) = known(field) {
            issue = issue.param(param, value);
        }
    }
    c.error(issue);
}

/// The configuration values of each application against the connector's declarations and,
/// for a redeploy, the deployment's applications (either may be unknown). Returns how many
/// entries name an application that passes both.
fn cross_check_applications(
    c: &mut Checker,
    applications: &[Value],
    path: &str,
    connector: Option<&Connector>,
    deployment: Option<&Deployment>,
    absent: Absent,
) -> usize {
    let deployment_applications = deployment.and_then(|d| d.applications.as_deref());
    let mut seen = BTreeSet::new();
    let mut valid = 0;
    for (i, entry) in applications.iter().enumerate() {
        let Some(name) = entry.get("applicationName").and_then(Value::as_str) else {
            continue;
        };
        let entry_path = pointer_index(path, i);
        let name_path = pointer_push(&entry_path, "applicationName");
        if !seen.insert(name) {
            c.duplicate(name_path, "applicationName", name);
            continue;
        }
        let application = match connector {
            // An application of the connect.yaml in error: reported with `source`, its values
            // cannot be judged (API.md §6).
            Some(connector) if connector.broken.may_be(name) && connector.application(name).is_none() => {
                valid += 1;
                continue;
            }
            Some(connector) => match connector.application(name) {
                Some(application) => Some(application),
                None => {
                    c.error(unknown_application(connector, name, name_path));
                    continue;
                }
            },
            None => None,
        };
        if let Some(included) = deployment_applications.filter(|apps| !apps.iter().any(|a| a == name)) {
            let mut issue = Issue::new(
                Code::DeploymentApplicationDoNotBelong,
                name_path,
                format!(
                    "The Deployment does not include application: {name} (it has {}).",
                    included.join(", ")
                ),
            )
            .param("applicationName", name);
            // The API's params, where the context's Deployment has them.
            let known = deployment
                .map(|d| [("id", &d.id), ("key", &d.key)])
                .into_iter()
                .flatten();
            for (param, value) in known {
                if let Some(value) = value {
                    issue = issue.param(param, value.as_str());
                }
            }
            c.error(issue);
            continue;
        }
        valid += 1;
        let Some(application) = application.filter(|a| !connector.is_some_and(|c| c.broken.application(&a.name)))
        else {
            continue;
        };
        let scope = Scope::Application(name);
        cross_check_values(c, entry, &entry_path, &application.configuration, scope, absent);
        let application_type = application.application_type.as_deref();
        for (field, allowed_type) in [("schedule", "job"), ("retryPolicy", "event")] {
            if entry.get(field).is_some() && application_type.is_some_and(|t| t != allowed_type) {
                c.error(override_not_allowed(
                    field,
                    name,
                    application_type.unwrap_or(""),
                    &entry_path,
                ));
            }
        }
    }
    if let (Some(connector), Absent::Report) = (connector, absent) {
        for application in connector
            .applications
            .iter()
            .filter(|a| !seen.contains(a.name.as_str()) && !connector.broken.application(&a.name))
        {
            report_missing(
                c,
                &application.configuration,
                Scope::Application(&application.name),
                path,
            );
        }
    }
    valid
}

/// `DeploymentUnknownApplicationConfiguration`, with the connector's applications and a hint.
pub(crate) fn unknown_application(connector: &Connector, name: &str, path: String) -> Issue {
    let names = || connector.applications.iter().map(|a| a.name.as_str());
    let issue = Issue::new(
        Code::DeploymentUnknownApplicationConfiguration,
        path,
        format!(
            "Deployment does not require configuration for application named '{}'.",
            shown(name)
        ),
    )
    .param("unknownApplicationName", name)
    .param("allowedValues", names().collect::<Vec<_>>());
    with_hint(issue, did_you_mean(name, names()))
}

fn override_not_allowed(field: &str, name: &str, application_type: &str, entry_path: &str) -> Issue {
    let name = &*shown(name);
    let path = pointer_push(entry_path, field);
    if field == "retryPolicy" {
        return Issue::new(
            Code::DeploymentRetryPolicyOverrideNotAllowed,
            path,
            format!(
                "A retry policy can only be set for event applications; {name} is a {application_type} application."
            ),
        )
        .param("applicationName", name);
    }
    Issue::new(
        Code::NotAllowedForApplicationType,
        path,
        format!("A schedule can only be set for job applications; {name} is a {application_type} application."),
    )
    .param("field", field)
    .param("applicationType", application_type)
    .param("applicationName", name)
}

fn cross_check_global(c: &mut Checker, global: Option<&Value>, path: &str, connector: &Connector, absent: Absent) {
    if connector.broken.global {
        return; // inheritAs in error: reported with `source`, not judged here
    }
    match global {
        Some(global) if global.is_object() => {
            cross_check_values(c, global, path, &connector.global, Scope::Global, absent);
        }
        Some(_) => {} // not an object: reported by the shape checks
        None if absent == Absent::Report => {
            report_missing(c, &connector.global, Scope::Global, path);
        }
        None => {}
    }
}

/// Whose configuration: an application's, or the global one (different codes and words).
#[derive(Clone, Copy)]
enum Scope<'a> {
    Application(&'a str),
    Global,
}

/// What is wrong with one configuration key.
#[derive(Clone, Copy)]
enum KeyProblem {
    /// Not declared, or declared as the other kind (`Some`: the kind it is declared as).
    Unknown(Option<Kind>),
    Missing,
    Empty,
}

impl Scope<'_> {
    /// The issue, with the API's code and words for this scope.
    fn issue(self, problem: KeyProblem, kind: Kind, key: &str, path: String) -> Issue {
        let word = kind.word();
        // Names from the input are cut before formatting: a long name times many keys.
        let (key, name) = match self {
            Scope::Application(name) => (shown(key), shown(name)),
            Scope::Global => (shown(key), "".into()),
        };
        let (code, message) = match (problem, self) {
            (KeyProblem::Unknown(_), Scope::Application(_)) => (
                Code::DeploymentUnknownApplicationConfigurationKey,
                format!("Deployment does not require {word} configuration with key {key} for application named {name}."),
            ),
            (KeyProblem::Unknown(_), Scope::Global) => (
                Code::DeploymentUnknownGlobalConfigurationKey,
                format!("Deployment global configuration does not require {word} with key {key}."),
            ),
            (KeyProblem::Missing, Scope::Application(_)) => (
                Code::DeploymentMissingApplicationConfigurationKey,
                format!("Deployment requires {word} configuration with key {key} for application named {name}."),
            ),
            (KeyProblem::Missing, Scope::Global) => (
                Code::DeploymentMissingGlobalConfigurationKey,
                format!("Deployment global configuration requires {word} with key {key}."),
            ),
            (KeyProblem::Empty, Scope::Application(_)) => (
                Code::DeploymentEmptyRequiredApplicationConfigurationKey,
                format!("Deployment requires a non empty value for {word} configuration with key {key} for application named {name}."),
            ),
            (KeyProblem::Empty, Scope::Global) => (
                Code::DeploymentEmptyRequiredGlobalConfigurationKey,
                format!("Deployment requires a non empty value for {word} global configuration with key {key}."),
            ),
        };
        let mut issue = self.with_params(Issue::new(code, path, message), &key);
        if let KeyProblem::Unknown(Some(other)) = problem {
            issue.message.push_str(&format!(
                " {key} is declared as {}: put it in {}.",
                other.word(),
                other.field()
            ));
        }
        issue
    }

    fn with_params(self, issue: Issue, key: &str) -> Issue {
        let issue = issue.param("configurationKey", key);
        match self {
            Scope::Application(name) => issue.param("applicationName", name),
            Scope::Global => issue,
        }
    }
}

/// The values of one block (`entry` holds `standardConfiguration` and
/// `securedConfiguration`) against what is declared for it.
fn cross_check_values(
    c: &mut Checker,
    entry: &Value,
    path: &str,
    declared: &Declared,
    scope: Scope<'_>,
    absent: Absent,
) {
    let mut given = BTreeSet::new();
    // Given in the block it is declared in, and sent in the other one (API.md §6: a key in the
    // wrong block is both of the API's answers, unknown where sent and missing where it belongs).
    let (mut in_place, mut misplaced) = (BTreeSet::new(), BTreeSet::new());
    for kind in Kind::BOTH {
        let list_path = pointer_push(path, kind.field());
        for (j, value) in entry
            .get(kind.field())
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let Some(key) = value.get("key").and_then(Value::as_str) else {
                continue;
            };
            let value_path = pointer_index(&list_path, j);
            if !given.insert(key) {
                c.duplicate(pointer_push(&value_path, "key"), "key", key);
                continue;
            }
            match declared.find(key) {
                Some((declared_kind, definition)) if declared_kind == kind => {
                    in_place.insert(key);
                    let empty = value
                        .get("value")
                        .and_then(Value::as_str)
                        .is_some_and(crate::report::checker::is_blank);
                    if definition.required && empty {
                        c.error(scope.issue(KeyProblem::Empty, kind, key, pointer_push(&value_path, "value")));
                    }
                }
                Some((other, definition)) => {
                    let path = pointer_push(&value_path, "key");
                    let mut issue = scope.issue(KeyProblem::Unknown(Some(other)), kind, key, path);
                    if definition.must_be_given() && absent == Absent::Report {
                        issue.message.push_str(&format!(
                            " {} therefore lacks it too: one mistake, reported twice as the API does.",
                            other.field()
                        ));
                    }
                    misplaced.insert(key);
                    c.error(issue);
                }
                None => {
                    let path = pointer_push(&value_path, "key");
                    let issue = scope.issue(KeyProblem::Unknown(None), kind, key, path);
                    let hint = did_you_mean(key, declared.of(kind).iter().map(|d| d.key.as_str()));
                    c.error(with_hint(issue, hint));
                }
            }
        }
    }
    if absent == Absent::Report {
        let present = |kind: Kind| {
            entry
                .get(kind.field())
                .filter(|v| v.is_array())
                .map(|_| pointer_push(path, kind.field()))
        };
        let missing: Vec<_> = Kind::BOTH
            .into_iter()
            .flat_map(|kind| declared.of(kind).iter().map(move |d| (kind, d)))
            .filter(|(_, d)| d.must_be_given() && !in_place.contains(d.key.as_str()))
            .collect();
        for (kind, definition) in missing {
            let at = present(kind).unwrap_or_else(|| path.to_owned());
            let mut issue = scope.issue(KeyProblem::Missing, kind, &definition.key, at);
            if misplaced.contains(definition.key.as_str()) {
                let sent_in = Kind::BOTH.into_iter().find(|k| *k != kind).map_or("", Kind::field);
                issue.message.push_str(&format!(
                    " It was sent in {sent_in} instead (reported there): one mistake, move it here."
                ));
            }
            c.error(issue);
        }
    }
}

/// Every key that must be given, for a block whose entry is absent altogether: reported at
/// `path`, where the entry belongs.
fn report_missing(c: &mut Checker, declared: &Declared, scope: Scope<'_>, path: &str) {
    for kind in Kind::BOTH {
        for definition in declared.of(kind).iter().filter(|d| d.must_be_given()) {
            c.error(scope.issue(KeyProblem::Missing, kind, &definition.key, path.to_owned()));
        }
    }
}

// ---- DeploymentUpdate (redeploy) ----------------------------------------------------------

fn check_update(c: &mut Checker, value: &Value, context: &Context) {
    let Some(update) = c.root_object(value, "A DeploymentUpdate") else {
        return;
    };
    let deployment = context.deployment.as_ref();
    let secrets = context.secret_keys();
    check_fields(c, update, "", UPDATE.fields, |c, field, value| match field.rule {
        Rule::Version => {
            check_rule(c, value, "", field, update, &UPDATE, &secrets);
            c.version_matches(
                value,
                deployment.and_then(|d| d.version),
                deployment.and_then(|d| d.id.as_deref()),
            );
        }
        Rule::UpdateActions => {
            if let Some(actions) = c.array(value, "/actions".into(), "actions") {
                for (i, action) in actions.iter().enumerate() {
                    check_redeploy(c, action, &pointer_index("/actions", i), context, &secrets);
                }
            }
        }
        _ => check_rule(c, value, "", field, update, &UPDATE, &secrets),
    });
    c.unknown_fields(update, "", &UPDATE.names(), Strictness::Warn);
}

fn check_redeploy(c: &mut Checker, value: &Value, path: &str, context: &Context, secrets: &BTreeSet<&str>) {
    let Some(action) = c.object(value, Loc::At(path), "actions") else {
        return;
    };
    // Only a redeploy is checked further: its fields mean nothing to another action.
    match action.get("action") {
        None => {
            c.required(path, "action", REDEPLOY.fields[0].required.unwrap_or(""));
            return;
        }
        Some(name) if name.as_str() != Some("redeploy") => {
            c.one_of(name, Loc::Field(path, "action"), "action", UPDATE_ACTIONS);
            return;
        }
        Some(_) => check_shape(c, action, path, &REDEPLOY, secrets),
    }
    let values_path = pointer_push(path, "configurationValues");
    let global_path = pointer_push(path, "globalConfiguration");

    let deployment = context.deployment.as_ref();
    if let Some(status) = deployment.and_then(|d| d.status.as_deref()) {
        let mut ignored = Checker::default(); // a status the API does not have: not the payload's fault
        if let Some(mut issue) = redeploy_blocked(&mut ignored, &Value::from(status), Loc::At(path)) {
            issue = issue.param("deploymentStatus", status);
            c.error(issue);
        }
    }
    let values = action.get("configurationValues").and_then(Value::as_array);
    let included = deployment.and_then(|d| d.applications.as_deref());
    if let Some(values) = values.filter(|_| context.connector().is_some() || included.is_some()) {
        let valid = cross_check_applications(c, values, &values_path, context.connector(), deployment, Absent::Keep);
        if valid == 0 && !values.is_empty() {
            c.error(Issue::new(
                Code::DeploymentApplicationRequired,
                values_path.as_str(),
                "A Deployment requires at least one application: configurationValues names none that the Deployment has.",
            ));
        }
    }
    if let Some(connector) = context.connector() {
        cross_check_global(
            c,
            action.get("globalConfiguration"),
            &global_path,
            connector,
            Absent::Keep,
        );
    }
}
