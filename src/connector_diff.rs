//! `applyConnectorUpdate` (the resource after the actions, as the API would return it) and
//! `buildConnectorUpdateActions` (the actions that turn one ConnectorStaged into another).
//!
//! Both know the same thing — which field each action sets — from one table, [`SETTERS`];
//! a property test checks that applying the built actions gives the target back.

use crate::checks::{as_integer, Checker};
use crate::connector_staged::check_update;
use crate::json_text::{with_payload, Payload};
use crate::report::Report;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::{json, Map, Value};

/// What an action sets, in the order the diff emits the actions (the API reference's order).
enum Setter {
    /// The action, its field, and where the value lives in the resource (`creator.x`).
    Value(&'static str, &'static str, &'static [&'static str]),
    /// A list compared as a set (its order does not matter).
    List(&'static str, &'static str, &'static str),
    /// `setRepository` sets `repository.url` and `repository.tag`.
    Repository,
}

const SETTERS: &[Setter] = &[
    Setter::Value("setName", "name", &["name"]),
    Setter::Value("setDescription", "description", &["description"]),
    Setter::Repository,
    Setter::List("setSupportedRegions", "regions", "supportedRegions"),
    Setter::Value("setDocumentationUrl", "documentationUrl", &["documentationUrl"]),
    Setter::List("setIntegrationTypes", "integrationTypes", "integrationTypes"),
    Setter::Value("setCreatorName", "creatorName", &["creator", "name"]),
    Setter::Value("setCreatorTitle", "creatorTitle", &["creator", "title"]),
    Setter::Value("setCreatorEmail", "creatorEmail", &["creator", "email"]),
    Setter::Value("setCreatorCompany", "creatorCompany", &["creator", "company"]),
    Setter::Value(
        "setCreatorNoOfContributors",
        "creatorNoOfContributors",
        &["creator", "noOfContributors"],
    ),
    Setter::Value("setCreatorSupportUrl", "creatorSupportUrl", &["creator", "supportUrl"]),
    Setter::Value("setCreatorLogo", "logoUrl", &["creator", "logoUrl"]),
];

/// Fields no action can remove (the API has no way to unset them).
const REQUIRED: &[&str] = &["setName", "setCreatorEmail"];

fn get<'v>(resource: &'v Value, at: &[&str]) -> Option<&'v Value> {
    at.iter()
        .try_fold(resource, |v, step| v.get(step))
        .filter(|v| !v.is_null())
}

fn set(resource: &mut Value, at: &[&str], value: Option<&Value>) {
    let Some((last, parents)) = at.split_last() else {
        return;
    };
    let mut target = resource;
    for step in parents {
        if !target.get(*step).is_some_and(Value::is_object) {
            target[*step] = json!({});
        }
        target = &mut target[*step];
    }
    if let Some(object) = target.as_object_mut() {
        match value {
            Some(v) => {
                object.insert((*last).to_owned(), v.clone());
            }
            None => {
                object.remove(*last);
            }
        }
    }
}

/// What one (valid) action does to the resource.
pub(crate) fn apply_action(resource: &mut Value, name: &str, action: &Value) {
    if !resource.is_object() {
        return;
    }
    for setter in SETTERS {
        match *setter {
            Setter::Value(setter, field, at) if setter == name => set(resource, at, action.get(field)),
            Setter::List(setter, field, at) if setter == name => set(resource, &[at], action.get(field)),
            _ => continue,
        }
        resource["hasChanges"] = json!(true);
        return;
    }
    let projects = |resource: &mut Value| -> Vec<Value> {
        resource
            .get("privateProjects")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    match name {
        "setRepository" => {
            for field in ["url", "tag"] {
                if let Some(value) = action.get(field) {
                    set(resource, &["repository", field], Some(value));
                }
            }
            resource["hasChanges"] = json!(true);
        }
        "addPrivateProject" => {
            let mut list = projects(resource);
            if let Some(project) = action.get("privateProject").filter(|p| !list.contains(p)) {
                list.push(project.clone());
            }
            resource["privateProjects"] = Value::Array(list);
        }
        "removePrivateProject" => {
            let mut list = projects(resource);
            list.retain(|p| Some(p) != action.get("privateProject"));
            resource["privateProjects"] = Value::Array(list);
        }
        "updatePreviewable" => resource["isPreviewable"] = json!("pending"),
        "publish" => resource["status"] = json!("Processing"),
        "unlist" => resource["alreadyListed"] = json!(false),
        "addCertificationComment" => {
            let mut comments = resource
                .pointer("/certificationInfo/comments")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            comments.push(json!({ "comment": action.get("comment") }));
            resource["certificationInfo"] = json!({ "comments": comments });
        }
        _ => {}
    }
}

/// `applyConnectorUpdate`'s answer.
#[derive(Clone, Debug, PartialEq)]
pub struct AppliedUpdate {
    /// The ConnectorStaged after the actions (version + 1); `None` when the update has errors
    /// (the API would apply none of it).
    pub connector_staged: Option<Value>,
    /// The update's report, checked against the ConnectorStaged.
    pub report: Report,
}

impl Serialize for AppliedUpdate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("AppliedUpdate", 2)?;
        s.serialize_field("connectorStaged", &self.connector_staged)?;
        s.serialize_field("report", &self.report)?;
        s.end()
    }
}

/// Applies an update to a ConnectorStaged (or a draft) as the API would: checked first
/// against it, then every action in order, `version` + 1. Useful for optimistic UIs.
///
/// ```
/// use connect_preflight::apply_connector_update;
/// let staged = serde_json::json!({"version": 4, "name": "Old", "creator": {"email": "a@b.co"}});
/// let applied = apply_connector_update(&staged, r#"{"version": 4, "actions": [{"action": "setName", "name": "New"}]}"#);
/// let after = applied.connector_staged.unwrap();
/// assert_eq!((after["name"].as_str(), after["version"].as_i64()), (Some("New"), Some(5)));
/// ```
pub fn apply_connector_update<'a>(connector_staged: &Value, update: impl Into<Payload<'a>>) -> AppliedUpdate {
    if !connector_staged.is_object() {
        let mut c = Checker::default();
        c.root_object(connector_staged, "The ConnectorStaged to apply the update to");
        return AppliedUpdate {
            connector_staged: None,
            report: c.finish(),
        };
    }
    let (applied, report) = with_payload(update.into(), |value| {
        let mut c = Checker::default();
        let after = check_update(&mut c, value, Some(connector_staged));
        let report = c.finish();
        // With errors the API applies none of it.
        let applied = after.filter(|_| report.valid()).map(|mut resource| {
            let version = resource.get("version").and_then(as_integer).unwrap_or(0);
            resource["version"] = json!(version.saturating_add(1));
            resource
        });
        (applied, report)
    });
    AppliedUpdate {
        connector_staged: applied.flatten(),
        report,
    }
}

/// The shortest list of update actions that turns `before` into `after` (ConnectorStaged or
/// ConnectorStagedDraft), in a stable order: one set-action per changed field (creator fields
/// separately; lists compared as sets), `setRepository` when the url or the tag changed, then
/// `addPrivateProject` and `removePrivateProject` per project. Unchanged fields give nothing.
/// What no action can do (change the key, clear the regions, remove the name or the email) is
/// left out. `Err` when either is not an object (API misuse).
///
/// ```
/// use connect_preflight::build_connector_update_actions;
/// let before = serde_json::json!({"name": "A", "privateProjects": ["europe-west1.gcp:p1"]});
/// let after = serde_json::json!({"name": "B", "privateProjects": ["europe-west1.gcp:p2"]});
/// let actions = build_connector_update_actions(&before, &after).unwrap();
/// assert_eq!(actions, vec![
///     serde_json::json!({"action": "setName", "name": "B"}),
///     serde_json::json!({"action": "addPrivateProject", "privateProject": "europe-west1.gcp:p2"}),
///     serde_json::json!({"action": "removePrivateProject", "privateProject": "europe-west1.gcp:p1"}),
/// ]);
/// ```
pub fn build_connector_update_actions(before: &Value, after: &Value) -> Result<Vec<Value>, String> {
    if !before.is_object() || !after.is_object() {
        return Err(
            "buildConnectorUpdateActions expects two ConnectorStaged or ConnectorStagedDraft objects".to_owned(),
        );
    }
    let mut actions = Vec::new();
    let mut push = |name: &str, fields: Vec<(&str, Value)>| {
        let mut action = Map::new();
        action.insert("action".to_owned(), json!(name));
        action.extend(fields.into_iter().map(|(k, v)| (k.to_owned(), v)));
        actions.push(Value::Object(action));
    };
    for setter in SETTERS {
        match *setter {
            Setter::Value(name, field, at) => {
                let (old, new) = (get(before, at), get(after, at));
                if old != new && !(new.is_none() && REQUIRED.contains(&name)) {
                    push(name, new.map(|v| vec![(field, v.clone())]).unwrap_or_default());
                }
            }
            Setter::List(name, field, at) => {
                let (old, new) = (as_set(get(before, &[at])), as_set(get(after, &[at])));
                let value = get(after, &[at]).cloned().unwrap_or_else(|| json!([]));
                // setSupportedRegions needs at least one region: clearing them is not an action.
                let empty = value.as_array().is_none_or(Vec::is_empty);
                if old != new && !(empty && name == "setSupportedRegions") {
                    push(name, vec![(field, value)]);
                }
            }
            Setter::Repository => {
                let part = |v: &Value, f: &str| get(v, &["repository", f]).cloned();
                let changed = ["url", "tag"].iter().any(|f| part(before, f) != part(after, f));
                // The tag is required by setRepository; without one there is no action to send.
                if let (true, Some(tag)) = (changed, part(after, "tag")) {
                    let mut fields: Vec<(&str, Value)> = part(after, "url").map(|u| ("url", u)).into_iter().collect();
                    fields.push(("tag", tag));
                    push("setRepository", fields);
                }
            }
        }
    }
    let projects = |v: &Value| -> Vec<Value> {
        get(v, &["privateProjects"])
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let (old, new) = (projects(before), projects(after));
    // Membership by set (lists of tens of thousands made `contains` quadratic), order kept.
    let set = |list: &[Value]| {
        list.iter()
            .map(Value::to_string)
            .collect::<std::collections::BTreeSet<_>>()
    };
    let (old_set, new_set) = (set(&old), set(&new));
    for project in new.iter().filter(|p| !old_set.contains(&p.to_string())) {
        push("addPrivateProject", vec![("privateProject", project.clone())]);
    }
    for project in old.iter().filter(|p| !new_set.contains(&p.to_string())) {
        push("removePrivateProject", vec![("privateProject", project.clone())]);
    }
    Ok(actions)
}

/// A list as a sorted set of its items' JSON texts (absent = empty).
fn as_set(list: Option<&Value>) -> Vec<String> {
    let mut items: Vec<String> = list
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(Value::to_string)
        .collect();
    items.sort();
    items.dedup();
    items
}
