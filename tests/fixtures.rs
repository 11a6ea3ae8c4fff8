//! Level 1: the fixture corpus, natively, through the Rust API (value and JSON text).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use connect_preflight::{
    apply_connector_update, build_connector_update_actions, build_deployment_draft, can_redeploy, check_transition,
    validate_connect_yaml, validate_connector_staged_draft, validate_connector_update, validate_deployment_draft_with,
    validate_deployment_update, validate_key_value, validate_project_identifier_value, Context, Payload,
};
use serde_json::Value;

fn run(function: &str, payload: Payload<'_>, second: Option<&Value>) -> Value {
    let context = || Context::from_json(second.unwrap_or(&Value::Null)).expect("a well-formed context");
    let result = match (function, payload) {
        ("validateDeploymentDraft", payload) => validate_deployment_draft_with(payload, &context()),
        ("validateDeploymentUpdate", payload) => validate_deployment_update(payload, &context()),
        ("buildDeploymentDraft", payload) => {
            let source = Context::from_source(second.expect("a source")).expect("a well-formed source");
            return serde_json::to_value(build_deployment_draft(payload, &source)).expect("serializes");
        }
        ("validateConnectorStagedDraft", payload) => validate_connector_staged_draft(payload),
        ("validateConnectorUpdate", payload) => validate_connector_update(payload, &context()),
        ("applyConnectorUpdate", payload) => {
            let applied = apply_connector_update(second.expect("a connectorStaged"), payload);
            return serde_json::to_value(applied).expect("serializes");
        }
        ("buildConnectorUpdateActions", Payload::Value(v)) => {
            let actions = build_connector_update_actions(&v["before"], &v["after"]).expect("two objects");
            return serde_json::to_value(actions).expect("serializes");
        }
        ("validateConnectYaml", Payload::Text(text)) => validate_connect_yaml(text),
        ("validateKey", Payload::Value(v)) => validate_key_value(v),
        ("validateProjectIdentifier", Payload::Value(v)) => validate_project_identifier_value(v),
        ("canRedeploy", Payload::Value(v)) => can_redeploy(v),
        ("checkTransition", Payload::Value(v)) => {
            check_transition(v["machine"].as_str().expect("machine"), &v["from"], &v["to"]).expect("a machine")
        }
        (other, _) => panic!("no native runner for {other}"),
    };
    serde_json::to_value(result).expect("a report serializes")
}

#[test]
fn every_fixture_case() {
    let mut failures = Vec::new();
    let mut count = 0;
    for case in common::cases() {
        count += 1;
        let mut outcomes = Vec::new();
        match &case.input {
            common::Input::Value(value) => {
                outcomes.push(common::check(
                    &case,
                    &run(&case.function, Payload::Value(value), case.second.as_ref()),
                    false,
                ));
                if common::takes_payload(&case.function) {
                    let text = serde_json::to_string_pretty(value).expect("serializes");
                    outcomes.push(common::check(
                        &case,
                        &run(&case.function, Payload::Text(&text), case.second.as_ref()),
                        false,
                    ));
                }
            }
            common::Input::Text(text) => {
                outcomes.push(common::check(
                    &case,
                    &run(&case.function, Payload::Text(text), case.second.as_ref()),
                    true,
                ));
            }
        }
        failures.extend(outcomes.into_iter().filter_map(Result::err));
    }
    assert!(count >= 50, "only {count} cases: is the corpus loaded?");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_fixture_file_is_listed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for entry in std::fs::read_dir(dir).expect("fixtures folder") {
        let name = entry.expect("entry").file_name().into_string().expect("utf-8 name");
        if name.ends_with(".json") {
            assert!(
                common::FIXTURE_FILES.iter().any(|(f, _)| *f == name),
                "{name} is not in tests/common/mod.rs FIXTURE_FILES"
            );
        }
    }
}
