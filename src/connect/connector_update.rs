//! `applyConnectorUpdate` (the resource after the actions, as the API would return it) and
//! `buildConnectorUpdateActions` (the actions that turn one ConnectorStaged into another).
//!
//! Both know the same thing — which field each action sets — from one table, [`SETTERS`];
//! a property test checks that applying the built actions gives the target back.

use crate::connect::connector_staged::check_update;
use crate::report::checker::{as_integer, Checker};
use crate::report::json_text::{with_payload, Payload};
use crate::report::Report;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

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

/// The ConnectorStaged as the actions leave it, one action at a time. Its private projects
/// are kept as an ordered set while the actions run: a list copied and scanned per action made
/// 10,000 `addPrivateProject` against 10,000 projects take 16 s.
pub(crate) struct StagedState {
    resource: Value,
    /// `privateProjects` in order; `None` where a project was removed.
    projects: Vec<Option<Value>>,
    /// Where each project (a string) first stands in `projects`…
    first: BTreeMap<String, usize>,
    /// …and, per place, the next place holding the same project (a list may hold one twice).
    next_same: Vec<Option<usize>>,
    /// Whether a project action ran, so `privateProjects` is written back.
    projects_changed: bool,
}

impl StagedState {
    pub(crate) fn new(resource: Value) -> Self {
        let projects: Vec<Option<Value>> = match resource.get("privateProjects") {
            Some(Value::Array(list)) => list.iter().cloned().map(Some).collect(),
            _ => Vec::new(),
        };
        let mut first = BTreeMap::new();
        let mut last: BTreeMap<String, usize> = BTreeMap::new();
        let mut next_same = vec![None; projects.len()];
        for (i, project) in projects.iter().enumerate() {
            if let Some(Value::String(p)) = project {
                match last.insert(p.clone(), i) {
                    Some(before) => next_same[before] = Some(i),
                    None => {
                        first.insert(p.clone(), i);
                    }
                }
            }
        }
        StagedState {
            resource,
            projects,
            first,
            next_same,
            projects_changed: false,
        }
    }

    /// The resource as the earlier actions left it (its `privateProjects` as they were).
    pub(crate) fn resource(&self) -> &Value {
        &self.resource
    }

    pub(crate) fn has_project(&self, project: &str) -> bool {
        self.first.contains_key(project)
    }

    /// What one (valid) action does to the resource.
    pub(crate) fn apply(&mut self, name: &str, action: &Value) {
        if !self.resource.is_object() {
            return;
        }
        let project = action.get("privateProject").and_then(Value::as_str);
        match (name, project) {
            ("addPrivateProject", Some(project)) => {
                self.projects_changed = true;
                if !self.first.contains_key(project) {
                    self.first.insert(project.to_owned(), self.projects.len());
                    self.projects.push(Some(Value::String(project.to_owned())));
                    self.next_same.push(None);
                }
            }
            ("removePrivateProject", Some(project)) => {
                self.projects_changed = true;
                let mut at = self.first.remove(project);
                while let Some(i) = at {
                    self.projects[i] = None;
                    at = self.next_same[i];
                }
            }
            // A project that is no string makes the update invalid: nothing to keep.
            ("addPrivateProject" | "removePrivateProject", None) => {}
            _ => apply_action(&mut self.resource, name, action),
        }
    }

    pub(crate) fn into_resource(self) -> Value {
        let mut resource = self.resource;
        if self.projects_changed {
            resource["privateProjects"] = Value::Array(self.projects.into_iter().flatten().collect());
        }
        resource
    }
}

/// What one (valid) action does to the resource (the private projects aside).
fn apply_action(resource: &mut Value, name: &str, action: &Value) {
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
    match name {
        "setRepository" => {
            for field in ["url", "tag"] {
                if let Some(value) = action.get(field) {
                    set(resource, &["repository", field], Some(value));
                }
            }
            resource["hasChanges"] = json!(true);
        }
        "updatePreviewable" => resource["isPreviewable"] = json!("pending"),
        "publish" => resource["status"] = json!("Processing"),
        "unlist" => resource["alreadyListed"] = json!(false),
        "addCertificationComment" => {
            // Taken, not cloned: a copy per action made many comments quadratic.
            let mut comments = match resource.pointer_mut("/certificationInfo/comments") {
                Some(Value::Array(list)) => std::mem::take(list),
                _ => Vec::new(),
            };
            comments.push(json!({ "comment": action.get("comment") }));
            // Not `json!`: it serializes its arguments, a copy of the list.
            let mut info = Map::new();
            info.insert("comments".to_owned(), Value::Array(comments));
            resource["certificationInfo"] = Value::Object(info);
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
            // A ConnectorStaged declares secured keys and holds no values: one carried by
            // the caller's copy is not handed back.
            crate::connect::secrets::mask_secured_declarations(&mut resource);
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
