//! `applyConnectorUpdate` (the resource after the actions, as the API would return it) and
//! `buildConnectorUpdateActions` (the actions that turn one ConnectorStaged into another).
//!
//! Both know the same thing — what each action does — from one table,
//! `connector_actions::ACTIONS`; a property test checks that applying the built actions gives
//! the target back.

use crate::connect::connector_actions::{get, Effect, Rule, ACTIONS};
use crate::connect::connector_staged::check_update;
use crate::report::checker::{as_integer, Checker};
use crate::report::json_text::{with_payload, Payload};
use crate::report::{serialize_answer, Report};
use serde_json::{json, Map, Value};

/// `applyConnectorUpdate`'s answer.
#[derive(Clone, Debug, PartialEq)]
pub struct AppliedUpdate {
    /// The ConnectorStaged after the actions (version + 1); `None` when the update has errors
    /// (the API would apply none of it).
    pub connector_staged: Option<Value>,
    /// The update's report, checked against the ConnectorStaged.
    pub report: Report,
}

serialize_answer!(AppliedUpdate { "connectorStaged" => connector_staged, "report" => report });

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
    for action in ACTIONS {
        let name = action.name;
        let field = action.fields.first().map_or("", |f| f.name);
        match action.effect {
            Effect::Value(at) => {
                let (old, new) = (get(before, at), get(after, at));
                // A required field cannot be unset: its absence is no action.
                let unsettable = action.fields.first().is_some_and(|f| f.required.is_some());
                if old != new && !(new.is_none() && unsettable) {
                    push(name, new.map(|v| vec![(field, v.clone())]).unwrap_or_default());
                }
            }
            Effect::List(at) => {
                let (old, new) = (as_set(get(before, &[at])), as_set(get(after, &[at])));
                let value = get(after, &[at]).cloned().unwrap_or_else(|| json!([]));
                // A list that needs at least one item (regions): clearing it is not an action.
                let empty = value.as_array().is_none_or(Vec::is_empty);
                let needs_one = action.fields.first().is_some_and(|f| f.rule == Rule::RegionsAtLeastOne);
                if old != new && !(empty && needs_one) {
                    push(name, vec![(field, value)]);
                }
            }
            Effect::Repository => {
                let part = |v: &Value, f: &str| get(v, &["repository", f]).cloned();
                let changed = ["url", "tag"].iter().any(|f| part(before, f) != part(after, f));
                // The tag is required by setRepository; without one there is no action to send.
                if let (true, Some(tag)) = (changed, part(after, "tag")) {
                    let mut fields: Vec<(&str, Value)> = part(after, "url").map(|u| ("url", u)).into_iter().collect();
                    fields.push(("tag", tag));
                    push(name, fields);
                }
            }
            // Projects are compared below; the rest are no field of the resource to diff.
            _ => {}
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
    let items: Vec<String> = list
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(Value::to_string)
        .collect();
    let mut items = crate::report::sorted(items, &|a, b| a.cmp(b));
    items.dedup();
    items
}
