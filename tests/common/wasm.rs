//! Levels 2 and 3: the same fixtures through the wasm exports, with JS values and JSON text
//! crossing the real boundary. Included by `tests/wasm_node.rs` (Node) and
//! `tests/wasm_browser.rs` (headless Chromium).

use super::{cases, check, takes_payload, Input};
use connect_preflight::bindings;
use js_sys::{Object, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn call(function: &str, input: JsValue, second: JsValue) -> JsValue {
    let member = |name: &str| Reflect::get(&input, &name.into()).expect("member");
    match function {
        "validateDeploymentDraft" => bindings::validate_deployment_draft(input, second).expect("no throw"),
        "validateDeploymentUpdate" => bindings::validate_deployment_update(input, second).expect("no throw"),
        "buildDeploymentDraft" => bindings::build_deployment_draft(input, second).expect("no throw"),
        "validateKey" => bindings::validate_key(input),
        "validateConnectYaml" => bindings::validate_connect_yaml(input).expect("no throw"),
        "validateProjectIdentifier" => bindings::validate_project_identifier(input),
        "canRedeploy" => bindings::can_redeploy(input),
        "validateConnectorStagedDraft" => bindings::validate_connector_staged_draft(input),
        "validateConnectorUpdate" => bindings::validate_connector_update(input, second).expect("no throw"),
        "applyConnectorUpdate" => bindings::apply_connector_update(second, input).expect("no throw"),
        "buildConnectorUpdateActions" => {
            bindings::build_connector_update_actions(member("before"), member("after")).expect("no throw")
        }
        "checkTransition" => {
            bindings::check_transition(member("machine"), member("from"), member("to")).expect("no throw")
        }
        "validateTrayConnector" => bindings::validate_tray_connector(input),
        "validateTrayDeployRequest" => bindings::validate_tray_deploy_request(input, second),
        "validateTrayDeploymentResponse" => bindings::validate_tray_deployment_response(input),
        "trayDeployPath" => bindings::tray_deploy_path(member("name"), member("version")),
        "trayStatusPath" => bindings::tray_status_path(member("name"), member("version"), member("id")),
        "validateTrackerDeployment" => bindings::validate_tracker_deployment(input),
        "validateTrackerStatusUpdate" => bindings::validate_tracker_status_update(input, second).expect("no throw"),
        "normalizeTrackerQuery" => bindings::normalize_tracker_query(input),
        "trackerMatrix" => bindings::tracker_matrix(input),
        "trackerLatest" => bindings::tracker_latest(input, second),
        other => panic!("no wasm runner for {other}"),
    }
}

fn to_json(value: &JsValue) -> Value {
    let text = JSON::stringify(value)
        .expect("stringify")
        .as_string()
        .unwrap_or_else(|| "null".into());
    serde_json::from_str(&text).expect("parse")
}

fn js(value: &Value) -> JsValue {
    JSON::parse(&value.to_string()).expect("parse")
}

#[wasm_bindgen_test]
fn every_fixture_case() {
    let mut failures = Vec::new();
    for case in cases() {
        let second = || case.second.as_ref().map_or(JsValue::UNDEFINED, js);
        match &case.input {
            Input::Value(value) => {
                let result = to_json(&call(&case.function, js(value), second()));
                failures.extend(check(&case, &result, false).err());
                if takes_payload(&case.function) {
                    let text = JsValue::from_str(&serde_json::to_string_pretty(value).expect("serializes"));
                    let result = to_json(&call(&case.function, text, second()));
                    failures.extend(check(&case, &result, false).err());
                }
            }
            Input::Text(text) => {
                let result = to_json(&call(&case.function, JsValue::from_str(text), second()));
                failures.extend(check(&case, &result, true).err());
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[wasm_bindgen_test]
fn values_json_cannot_hold_are_reports_not_traps() {
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).expect("set");
    let report = to_json(&bindings::validate_deployment_draft(cyclic.into(), JsValue::UNDEFINED).expect("no throw"));
    assert_eq!(report["errors"][0]["code"], "InvalidJsonInput");
    let big = js_sys::BigInt::from(5u32);
    let report = to_json(&bindings::validate_deployment_draft(big.into(), JsValue::NULL).expect("no throw"));
    assert_eq!(report["errors"][0]["code"], "InvalidJsonInput");
    // Nothing JSON can send (a request with it has no body), and null, which is JSON.
    let report =
        to_json(&bindings::validate_deployment_draft(JsValue::UNDEFINED, JsValue::UNDEFINED).expect("no throw"));
    assert_eq!(report["errors"][0]["code"], "InvalidJsonInput");
    let report = to_json(&bindings::validate_deployment_draft(JsValue::NULL, JsValue::UNDEFINED).expect("no throw"));
    assert_eq!(report["errors"][0]["code"], "InvalidField");
    // The module still answers after all of that.
    let report = to_json(&bindings::validate_key(JsValue::from_str("ok-key")));
    assert_eq!(report["valid"], true);
}

#[wasm_bindgen_test]
fn misuse_throws() {
    assert!(bindings::validate_deployment_draft(JsValue::from_str("{}"), JsValue::from(5)).is_err());
    assert!(bindings::validate_deployment_draft(JsValue::from_str("{}"), JsValue::from_str("ctx")).is_err());
    assert!(bindings::validate_deployment_draft(JsValue::from_str("{}"), Object::new().into()).is_ok());
    assert!(bindings::to_error_response(JsValue::from(3)).is_err());
    assert!(bindings::validate_connect_yaml(JsValue::from(3)).is_err());
    assert!(bindings::parse_connect_yaml(Object::new().into()).is_err());
    let parsed = to_json(&bindings::parse_connect_yaml(JsValue::from_str("deployAs: []\n")).expect("text"));
    assert_eq!(parsed["spec"], serde_json::json!({"configurations": []}));
}

#[wasm_bindgen_test]
fn catalog_and_error_response() {
    let catalog = to_json(&bindings::error_catalog());
    assert_eq!(
        catalog.as_array().map(Vec::len),
        Some(connect_preflight::Code::ALL.len())
    );
    let report =
        bindings::validate_deployment_draft(JsValue::from_str("{\"key\": "), JsValue::UNDEFINED).expect("no throw");
    let response = to_json(&bindings::to_error_response(report).expect("a report"));
    assert_eq!(response["statusCode"], 400);
    assert_eq!(response["errors"][0]["code"], "InvalidJsonInput");
    assert!(response["errors"][0].get("path").is_none());
    let valid = bindings::validate_key(JsValue::from_str("ok-key"));
    assert!(bindings::to_error_response(valid).expect("a report").is_null());
}
