//! Level 1: the fixture corpus, natively, through the Rust API (value and JSON text).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use connect_preflight::{
    apply_connector_update, build_connector_update_actions, build_deployment_draft, can_redeploy, check_transition,
    validate_connect_yaml, validate_connector_staged_draft, validate_connector_update, validate_deployment_draft_with,
    validate_deployment_update, validate_key_value, validate_project_identifier_value, Context, Payload,
};
use connect_preflight::{
    normalize_tracker_query, tracker_latest, tracker_matrix, tray_deploy_path, tray_status_path,
    validate_tracker_deployment, validate_tracker_status_update, validate_tray_connector, validate_tray_deploy_request,
    validate_tray_deployment_response, QueryInput,
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
        ("validateTrayConnector", payload) => validate_tray_connector(payload),
        ("validateTrayDeployRequest", payload) => validate_tray_deploy_request(payload, second.map(Payload::Value)),
        ("validateTrayDeploymentResponse", payload) => validate_tray_deployment_response(payload),
        ("trayDeployPath", Payload::Value(v)) => {
            return serde_json::to_value(tray_deploy_path(&v["name"], &v["version"])).expect("serializes");
        }
        ("trayStatusPath", Payload::Value(v)) => {
            return serde_json::to_value(tray_status_path(&v["name"], &v["version"], &v["id"])).expect("serializes");
        }
        ("validateTrackerDeployment", payload) => validate_tracker_deployment(payload),
        ("validateTrackerStatusUpdate", payload) => {
            validate_tracker_status_update(payload, second).expect("a current of the right kind")
        }
        ("normalizeTrackerQuery", payload) => {
            let input = match payload {
                Payload::Text(text) => QueryInput::Text(text),
                Payload::Value(value) => QueryInput::Value(value),
            };
            return serde_json::to_value(normalize_tracker_query(input)).expect("serializes");
        }
        ("trackerMatrix", payload) => return serde_json::to_value(tracker_matrix(payload)).expect("serializes"),
        ("trackerLatest", payload) => {
            let latest = tracker_latest(payload, second.unwrap_or(&Value::Null));
            return serde_json::to_value(latest).expect("serializes");
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

/// The string leaves of `value`, as JSON Pointers.
fn string_leaves(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::String(_) => out.push(at),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| string_leaves(v, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| string_leaves(v, format!("{at}/{i}"), out)),
        _ => {}
    }
}

/// Every issue in a result (a Report, or `{ report }`) within the budgets of docs/api-notes.md.
fn assert_within_budgets(result: &Value, what: &str) {
    use connect_preflight::budget::{MAX_ECHO_CHARS, MAX_ISSUES, MAX_MESSAGE_CHARS};
    let report = result.get("report").unwrap_or(result);
    let issues: Vec<&Value> = ["errors", "warnings"]
        .iter()
        .flat_map(|k| report[*k].as_array().into_iter().flatten())
        .collect();
    assert!(issues.len() <= MAX_ISSUES + 1, "{what}: {} issues", issues.len());
    for issue in issues {
        for (name, value) in issue.as_object().expect("an issue object") {
            let limit = match name.as_str() {
                "path" => continue,
                "message" => MAX_MESSAGE_CHARS,
                _ => MAX_ECHO_CHARS,
            };
            let strings = std::iter::once(value).chain(value.as_array().into_iter().flatten());
            for s in strings.filter_map(Value::as_str) {
                assert!(
                    s.chars().count() <= limit + 1,
                    "{what}: {name} has {} characters",
                    s.chars().count()
                );
            }
            if name == "invalidValue" {
                assert!(!value.is_array() && !value.is_object(), "{what}: invalidValue {value}");
            }
        }
    }
}

/// Generated: every string of every fixture payload replaced by a 20,000-character one, and
/// every array of objects grown to 1,200 copies of its first element with long strings: the
/// reports stay within the echo, message and issue budgets.
#[test]
fn long_strings_and_many_entries_stay_within_the_budgets() {
    let long = "K".repeat(20_000);
    let (mut placements, mut grown) = (0, 0);
    for case in common::cases() {
        let common::Input::Value(input) = &case.input else {
            continue;
        };
        if !input.is_object() || case.function == "buildConnectorUpdateActions" {
            continue;
        }
        let mut leaves = Vec::new();
        string_leaves(input, String::new(), &mut leaves);
        for leaf in leaves.iter().filter(|l| *l != "/machine") {
            // (A machine name that does not exist is API misuse, not a report.)
            let mut attacked = input.clone();
            *attacked.pointer_mut(leaf).expect("a leaf") = Value::String(long.clone());
            let result = run(&case.function, Payload::Value(&attacked), case.second.as_ref());
            assert_within_budgets(&result, &format!("{} with {leaf} long", case.name()));
            placements += 1;
        }
        // Arrays of objects (applications, configuration entries, actions): 1,200 copies (past the issue budget).
        let mut arrays = Vec::new();
        collect_object_arrays(input, String::new(), &mut arrays);
        for array in arrays.iter().take(3) {
            let mut attacked = input.clone();
            let target = attacked
                .pointer_mut(array)
                .and_then(Value::as_array_mut)
                .expect("an array");
            let mut first = target[0].clone();
            let mut strings = Vec::new();
            string_leaves(&first, String::new(), &mut strings);
            for s in &strings {
                *first.pointer_mut(s).expect("a leaf") = Value::String("n".repeat(500));
            }
            *target = (0..1_200)
                .map(|i| {
                    let mut copy = first.clone();
                    if let Some(key) = copy.get_mut("key") {
                        *key = Value::String(format!("K{i}{}", "k".repeat(500)));
                    }
                    copy
                })
                .collect();
            let result = run(&case.function, Payload::Value(&attacked), case.second.as_ref());
            assert_within_budgets(&result, &format!("{} with {array} × 1,200", case.name()));
            grown += 1;
        }
    }
    eprintln!("budgets: {placements} long-string placements, {grown} grown arrays");
    assert!(placements > 1_600, "the generator shrank: {placements} placements");
    assert!(grown > 200, "the generator shrank: {grown} grown arrays");
}

fn collect_object_arrays(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            if items.first().is_some_and(Value::is_object) {
                out.push(at.clone());
            }
            for (i, v) in items.iter().enumerate() {
                collect_object_arrays(v, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            collect_object_arrays(v, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)
        }),
        _ => {}
    }
}

/// Every `$param` a code's message template names is a param its issues carry (the catalog
/// promised `$connectorId`, `$version`, `$id`, … that no issue had). Collected from every issue
/// of every fixture case: each code that the fixtures make must carry each of its template's
/// params in at least one of them, and a code with template params must be made by some case.
#[test]
fn template_params_are_carried_by_the_issues() {
    use std::collections::{BTreeMap, BTreeSet};
    let mut carried: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut issues = 0;
    for case in common::cases() {
        let payload = match &case.input {
            common::Input::Value(value) => Payload::Value(value),
            common::Input::Text(text) => Payload::Text(text),
        };
        let result = run(&case.function, payload, case.second.as_ref());
        let report = result.get("report").unwrap_or(&result);
        for issue in ["errors", "warnings"]
            .iter()
            .filter_map(|k| report.get(*k)?.as_array())
            .flatten()
        {
            issues += 1;
            let code = issue["code"].as_str().expect("code").to_owned();
            let names = issue.as_object().expect("issue").keys().cloned();
            carried.entry(code).or_default().extend(names);
        }
    }
    let mut missing = Vec::new();
    let mut checked = 0;
    for code in connect_preflight::Code::ALL {
        let params = code.template_params();
        let Some(seen) = carried.get(code.as_str()) else {
            continue; // not a code our checks make (an API-only code): its template is the API's
        };
        for param in params {
            checked += 1;
            if !seen.contains(param) {
                missing.push(format!("{}: ${param} (its issues carry {seen:?})", code.as_str()));
            }
        }
    }
    eprintln!(
        "template params: {checked} checked over {} codes made by {issues} fixture issues",
        carried.len()
    );
    assert!(checked >= 20, "only {checked} template params checked");
    assert!(
        missing.is_empty(),
        "template params no issue carries:\n{}",
        missing.join("\n")
    );
}
