//! The ConnectorStaged's update actions, one table (connect-domain.md §2.6): each action's
//! fields with their rules, and its effect. The check (`connector_staged`), the state an update
//! moves through (`StagedState`: what each action does, and what a state allows is read by
//! effect) and `applyConnectorUpdate`/`buildConnectorUpdateActions` (`connector_update`) all
//! read it; a property test checks that applying the built actions gives the target back.

use crate::report::table::{self, field, required};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// How one field is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// A resource key: 2..256 of `[A-Za-z0-9_-]`.
    Key,
    /// A non-empty string.
    Name,
    /// Any string.
    Text,
    /// `^[^\s@]+@[^\s@]+\.[^\s@]+$`, as the official CLI checks it.
    Email,
    /// A whole number of at least 1.
    Count,
    /// An absolute http(s) URL.
    Url,
    /// An absolute http(s) URL, or a warning (the API takes any string; a page would not work).
    SoftUrl,
    /// An HTTPS or SSH GitHub URL ending in `.git`.
    RepositoryUrl,
    /// A git tag name.
    Tag,
    /// `Region[]`, no duplicates; `RegionsAtLeastOne` for `setSupportedRegions`.
    Regions,
    RegionsAtLeastOne,
    /// `IntegrationType[]`, no duplicates.
    IntegrationTypes,
    /// `ProjectIdentifier`.
    Project,
    /// `ProjectIdentifier[]`, no duplicates.
    Projects,
    Boolean,
    /// The `creator` object.
    Creator,
    /// The `repository` object.
    Repository,
}

/// A field of an action or of the draft (`report::table`).
pub(crate) type Field = table::Field<Rule>;

/// What an action does to the ConnectorStaged.
pub(crate) enum Effect {
    /// Sets (or, when its field is absent, removes) the value at this path to its one field.
    Value(&'static [&'static str]),
    /// Sets a list at this member, compared as a set by the diff (its order does not matter).
    List(&'static str),
    /// Sets `repository.url` (when given) and `repository.tag`.
    Repository,
    AddProject,
    RemoveProject,
    /// `isPreviewable` becomes `pending` (refused while it is).
    RequestPreview,
    /// `status` becomes `Processing` (refused in certification, or certified and asked again).
    Publish,
    /// `alreadyListed` becomes false.
    Unlist,
    /// A comment is added to `certificationInfo.comments`.
    Comment,
}

pub(crate) struct Action {
    pub(crate) name: &'static str,
    /// Exactly its fields: name, required, rule.
    pub(crate) fields: &'static [Field],
    pub(crate) effect: Effect,
}

const fn action(name: &'static str, fields: &'static [Field], effect: Effect) -> Action {
    Action { name, fields, effect }
}

/// Every update action, in the order of the API reference (the order the diff emits them).
pub(crate) const ACTIONS: &[Action] = &[
    action("setName", &[required("name", Rule::Name, "")], Effect::Value(&["name"])),
    action(
        "setDescription",
        &[field("description", Rule::Text)],
        Effect::Value(&["description"]),
    ),
    // The CLI made url optional (0.0.12): the tag alone may change.
    action(
        "setRepository",
        &[field("url", Rule::RepositoryUrl), required("tag", Rule::Tag, "")],
        Effect::Repository,
    ),
    action(
        "setSupportedRegions",
        &[required("regions", Rule::RegionsAtLeastOne, "")],
        Effect::List("supportedRegions"),
    ),
    action(
        "setDocumentationUrl",
        &[field("documentationUrl", Rule::Url)],
        Effect::Value(&["documentationUrl"]),
    ),
    action(
        "setIntegrationTypes",
        &[required("integrationTypes", Rule::IntegrationTypes, "")],
        Effect::List("integrationTypes"),
    ),
    action(
        "setCreatorName",
        &[field("creatorName", Rule::Text)],
        Effect::Value(&["creator", "name"]),
    ),
    action(
        "setCreatorTitle",
        &[field("creatorTitle", Rule::Text)],
        Effect::Value(&["creator", "title"]),
    ),
    action(
        "setCreatorEmail",
        &[required("creatorEmail", Rule::Email, "")],
        Effect::Value(&["creator", "email"]),
    ),
    action(
        "setCreatorCompany",
        &[field("creatorCompany", Rule::Text)],
        Effect::Value(&["creator", "company"]),
    ),
    action(
        "setCreatorNoOfContributors",
        &[field("creatorNoOfContributors", Rule::Count)],
        Effect::Value(&["creator", "noOfContributors"]),
    ),
    action(
        "setCreatorSupportUrl",
        &[field("creatorSupportUrl", Rule::SoftUrl)],
        Effect::Value(&["creator", "supportUrl"]),
    ),
    action(
        "setCreatorLogo",
        &[field("logoUrl", Rule::SoftUrl)],
        Effect::Value(&["creator", "logoUrl"]),
    ),
    action(
        "addPrivateProject",
        &[required("privateProject", Rule::Project, "")],
        Effect::AddProject,
    ),
    action(
        "removePrivateProject",
        &[required("privateProject", Rule::Project, "")],
        Effect::RemoveProject,
    ),
    action("updatePreviewable", &[], Effect::RequestPreview),
    action(
        "publish",
        &[required("certification", Rule::Boolean, "")],
        Effect::Publish,
    ),
    action("unlist", &[], Effect::Unlist),
    action(
        "addCertificationComment",
        &[required("comment", Rule::Name, "")],
        Effect::Comment,
    ),
];

pub(crate) fn action_named(name: &str) -> Option<&'static Action> {
    ACTIONS.iter().find(|a| a.name == name)
}

pub(crate) fn get<'v>(resource: &'v Value, at: &[&str]) -> Option<&'v Value> {
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
        // Not `target[step]`: indexing brings in its panic's formatting (size, issue 16).
        let Some(object) = target.as_object_mut() else {
            return;
        };
        let slot = object.entry(*step).or_insert_with(|| json!({}));
        if !slot.is_object() {
            *slot = json!({});
        }
        target = slot;
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
        let Some(found) = action_named(name) else {
            return;
        };
        if !self.resource.is_object() {
            return;
        }
        let project = action.get("privateProject").and_then(Value::as_str);
        match (&found.effect, project) {
            (Effect::AddProject, Some(project)) => {
                self.projects_changed = true;
                if !self.first.contains_key(project) {
                    self.first.insert(project.to_owned(), self.projects.len());
                    self.projects.push(Some(Value::String(project.to_owned())));
                    self.next_same.push(None);
                }
            }
            (Effect::RemoveProject, Some(project)) => {
                self.projects_changed = true;
                let mut at = self.first.remove(project);
                while let Some(i) = at {
                    self.projects[i] = None;
                    at = self.next_same[i];
                }
            }
            // A project that is no string makes the update invalid: nothing to keep.
            (Effect::AddProject | Effect::RemoveProject, None) => {}
            (effect, _) => apply_effect(&mut self.resource, found, effect, action),
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
fn apply_effect(resource: &mut Value, action: &Action, effect: &Effect, given: &Value) {
    match effect {
        Effect::Value(at) => set(resource, at, action.fields.first().and_then(|f| given.get(f.name))),
        Effect::List(at) => set(resource, &[at], action.fields.first().and_then(|f| given.get(f.name))),
        Effect::Repository => {
            for field in ["url", "tag"] {
                if let Some(value) = given.get(field) {
                    set(resource, &["repository", field], Some(value));
                }
            }
        }
        Effect::RequestPreview => {
            resource["isPreviewable"] = json!("pending");
            return;
        }
        Effect::Publish => {
            resource["status"] = json!("Processing");
            return;
        }
        Effect::Unlist => {
            resource["alreadyListed"] = json!(false);
            return;
        }
        Effect::Comment => {
            // Taken, not cloned: a copy per action made many comments quadratic.
            let mut comments = match resource.pointer_mut("/certificationInfo/comments") {
                Some(Value::Array(list)) => std::mem::take(list),
                _ => Vec::new(),
            };
            comments.push(json!({ "comment": given.get("comment") }));
            // Not `json!`: it serializes its arguments, a copy of the list.
            let mut info = Map::new();
            info.insert("comments".to_owned(), Value::Array(comments));
            resource["certificationInfo"] = Value::Object(info);
            return;
        }
        Effect::AddProject | Effect::RemoveProject => return,
    }
    // What the setters change is a change of the listing.
    resource["hasChanges"] = json!(true);
}
