//! validateConnectorUpdate with every kind of context, applyConnectorUpdate against the
//! context's ConnectorStaged (or the fixed one), and buildConnectorUpdateActions on two JSON
//! values: `{ before, after }` or `[before, after]` when the payload is one, and the
//! ConnectorStaged with the payload either way round. The actions it builds are then checked
//! and applied as an update. The payload is checked as text and as a value, and with the
//! sentinel planted in every securedConfiguration member.
#![no_main]

mod common;

use common::{check_report, Input};
use connect_preflight::{
    apply_connector_update, build_connector_update_actions, validate_connector_update, AppliedUpdate, Context,
    Payload,
};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let Some(input) = Input::parse(data) else {
        return;
    };
    let Some(context) = input.context() else {
        return;
    };
    let staged = input.staged_resource();

    // validateConnectorUpdate
    let reports: Vec<_> = input
        .payloads()
        .into_iter()
        .map(|p| validate_connector_update(p, &context))
        .collect();
    for report in &reports {
        check_report(report);
    }
    if let [from_text, from_value] = reports.as_slice() {
        common::assert_same_issues(from_text, from_value);
    }

    // applyConnectorUpdate
    let applied: Vec<_> = input
        .payloads()
        .into_iter()
        .map(|p| apply_connector_update(&staged, p))
        .collect();
    for a in &applied {
        check_applied(a);
    }
    if let [from_text, from_value] = applied.as_slice() {
        common::assert_same_issues(&from_text.report, &from_value.report);
        assert_eq!(
            from_text.connector_staged, from_value.connector_staged,
            "the update as text and as a value apply differently"
        );
    }

    // buildConnectorUpdateActions, then the actions as an update
    if let Some(value) = &input.value {
        let mut pairs: Vec<(&Value, &Value)> = vec![(&staged, value), (value, &staged)];
        match value {
            Value::Object(object) => {
                if let (Some(before), Some(after)) = (object.get("before"), object.get("after")) {
                    pairs.push((before, after));
                }
            }
            Value::Array(items) if items.len() == 2 => pairs.push((&items[0], &items[1])),
            _ => {}
        }
        for (before, after) in pairs {
            check_actions(before, after);
        }
    }

    // The secret rule
    if let Some(value) = &input.value {
        let variants = common::planted(value, false);
        let mut baselines: Vec<_> = reports.iter().collect();
        baselines.extend(applied.iter().map(|a| &a.report));
        common::check_planted(&input, &baselines, &variants, |p| validate_connector_update(p, &context));
        common::check_planted(&input, &baselines, &variants, |p| {
            let applied = apply_connector_update(&staged, p);
            check_applied(&applied);
            applied.report
        });
    }
});

/// An applied update: the report's invariants, and no resource when the update has errors
/// (the API applies none of it).
fn check_applied(applied: &AppliedUpdate) {
    check_report(&applied.report);
    if !applied.report.valid() {
        assert!(
            applied.connector_staged.is_none(),
            "an update with errors was applied"
        );
    }
    assert!(
        applied.connector_staged.as_ref().is_none_or(Value::is_object),
        "an applied ConnectorStaged that is not an object"
    );
}

fn check_actions(before: &Value, after: &Value) {
    let result = build_connector_update_actions(before, after);
    assert_eq!(
        result.is_ok(),
        before.is_object() && after.is_object(),
        "buildConnectorUpdateActions is Err exactly when before or after is not an object"
    );
    let Ok(actions) = result else {
        return;
    };
    if before == after {
        assert!(actions.is_empty(), "actions between two equal resources");
    }
    for action in &actions {
        assert!(
            action.get("action").is_some_and(Value::is_string),
            "an update action without an action name"
        );
    }
    let version = before.get("version").cloned().unwrap_or(json!(1));
    let update = json!({ "version": version, "actions": actions });
    if let Ok(context) = Context::from_json(&json!({ "connectorStaged": before })) {
        check_report(&validate_connector_update(Payload::Value(&update), &context));
    }
    check_applied(&apply_connector_update(before, Payload::Value(&update)));
}
