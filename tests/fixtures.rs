//! Level 1: the fixture corpus, natively, through the Rust API (value and JSON text).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use connect_preflight::{
    validate_connect_yaml, validate_deployment_draft, validate_key_value, validate_project_identifier_value, Payload,
    Report,
};
use serde_json::Value;

fn run(function: &str, payload: Payload<'_>) -> Report {
    match (function, payload) {
        ("validateDeploymentDraft", payload) => validate_deployment_draft(payload),
        ("validateConnectYaml", Payload::Text(text)) => validate_connect_yaml(text),
        ("validateKey", Payload::Value(v)) => validate_key_value(v),
        ("validateProjectIdentifier", Payload::Value(v)) => validate_project_identifier_value(v),
        (other, _) => panic!("no native runner for {other}"),
    }
}

fn as_json(report: &Report) -> Value {
    serde_json::to_value(report).expect("a report serializes")
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
                    &as_json(&run(&case.function, Payload::Value(value))),
                    false,
                ));
                if common::takes_payload(&case.function) {
                    let text = serde_json::to_string_pretty(value).expect("serializes");
                    outcomes.push(common::check(
                        &case,
                        &as_json(&run(&case.function, Payload::Text(&text))),
                        false,
                    ));
                }
            }
            common::Input::Text(text) => {
                outcomes.push(common::check(
                    &case,
                    &as_json(&run(&case.function, Payload::Text(text))),
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
