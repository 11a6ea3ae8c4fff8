//! The tests of the fast paths written from the tables (`report::table_fast`) that need every
//! system: the JS object filters of all of them in one generated block, and the text walker of
//! each Tray.io and tracker table against its full check. (The report layer may not name the
//! systems above it: tests/layout.rs.)
//! Test code only (`#[cfg(test)]` in lib.rs): an `unwrap` here fails a test, never a call.
#![allow(clippy::unwrap_used)]

use crate::report::json_text::Payload;
use crate::report::table::Field;
use crate::report::Report;
use serde_json::{json, Value};

/// Every member of `template` (and a new member of each object, named by `names`) set to
/// each of `values`, alone: whatever the text walker calls clean, the full check finds
/// nothing in. Returns (cases, called clean).
#[cfg(feature = "draft-fast-path")]
fn every_position_every_value<R: crate::report::table_fast::FastRule>(
    template: &Value,
    fields: &'static [Field<R>],
    full: impl Fn(&Value) -> Report,
    values: &[Value],
    names: &[&str],
) -> (usize, usize) {
    fn places(v: &Value, at: &mut Vec<String>, out: &mut Vec<(Vec<String>, Vec<String>)>, names: &[&str]) {
        match v {
            Value::Object(map) => {
                let mut keys: Vec<String> = map.keys().cloned().collect();
                keys.extend(names.iter().map(|n| (*n).to_owned()));
                out.push((at.clone(), keys));
                for (k, child) in map {
                    at.push(k.clone());
                    places(child, at, out, names);
                    at.pop();
                }
            }
            Value::Array(items) => {
                out.push((at.clone(), (0..items.len()).map(|i| i.to_string()).collect()));
                for (i, child) in items.iter().enumerate() {
                    at.push(i.to_string());
                    places(child, at, out, names);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    places(template, &mut Vec::new(), &mut all, names);
    let (mut cases, mut clean) = (0, 0);
    for (at, keys) in all {
        for key in keys {
            for value in values {
                let mut payload = template.clone();
                let mut target = &mut payload;
                for step in &at {
                    target = match target {
                        Value::Object(map) => map.get_mut(step).unwrap(),
                        Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
                        _ => unreachable!(),
                    };
                }
                match target {
                    Value::Object(map) => {
                        map.insert(key.clone(), value.clone());
                    }
                    Value::Array(items) => items[key.parse::<usize>().unwrap()] = value.clone(),
                    _ => unreachable!(),
                }
                let text = payload.to_string();
                cases += 1;
                if crate::report::table_fast::is_clean_text(Payload::Text(&text), fields) {
                    clean += 1;
                    // The text reads within the budgets (depth, values) as the full path
                    // reads it, and the full check of its value finds nothing.
                    assert!(
                        crate::report::json_text::parse(&text).is_ok(),
                        "called clean: {}",
                        crate::report::budget::shown(&text)
                    );
                    let report = full(&payload);
                    assert!(
                        report.errors.is_empty() && report.warnings.is_empty(),
                        "called clean: {text}\n{report:?}"
                    );
                }
            }
        }
    }
    (cases, clean)
}

/// Values at the edges of the rules of every table: UUIDs, commits, names, versions,
/// statuses, base64, texts, numbers, containers.
fn edge_values() -> Vec<Value> {
    let zip = |size: usize, head: &[u8]| {
        let mut bytes = head.to_vec();
        bytes.resize(size, 0);
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
            for k in 0..4 {
                out.push(if k <= chunk.len() {
                    char::from(alphabet[(n >> (18 - 6 * k) & 63) as usize])
                } else {
                    '='
                });
            }
        }
        Value::from(out)
    };
    let mut values = vec![
        json!(""),
        json!(" "),
        json!("\u{85}"),
        json!("a"),
        json!("ab"),
        json!("x\u{2003}y"),
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(1),
        json!(-1),
        json!(1.5),
        json!(3.0),
        json!([]),
        json!({}),
        json!(["a"]),
        json!(["a", "a"]),
        json!([1]),
        json!({"a": [1, {"b": null}]}),
        json!("550e8400-e29b-41d4-a716-446655440001"),
        json!("550e8400-e29b-41d4-a716-44665544000"),
        json!("550e8400_e29b-41d4-a716-446655440001"),
        json!("550E8400-E29B-41D4-A716-446655440001"),
        json!("a1b2c3d"),
        json!("a1b2c3"),
        json!("A1B2C3D4E5F6"),
        json!("a1b2c3g"),
        json!("a".repeat(40)),
        json!("a".repeat(41)),
        json!("acme-tmdb"),
        json!("Acme TMDB"),
        json!("acme--tmdb"),
        json!("-acme"),
        json!("acme-"),
        json!("[namespace]-tmdb"),
        json!("acme2-v3"),
        json!("1.0"),
        json!("1"),
        json!("2.0"),
        json!("Deploying"),
        json!("Deployed"),
        json!("Failed"),
        json!("Building"),
        json!("deploying"),
        json!("pending"),
        json!("in_progress"),
        json!("succeeded"),
        json!("rolled_back"),
        json!("done"),
        json!("2026-12-01T10:00:00Z"),
        json!("2026-02-30T10:00:00Z"),
        zip(600, b"PK\x03\x04"),
        zip(600, b"PK\x05\x06"),
        zip(400, b"PK\x03\x04"),
        zip(600, b"MZ"),
        zip(512, b"PK\x03\x04"),
        zip(511, b"PK\x03\x04"),
    ];
    // Nesting around the depth budget (`MAX_DEPTH`), in objects and in arrays: where a value
    // lands decides whether its text is too deep, so the walker must count as `parse` does.
    let limit = crate::report::budget::MAX_DEPTH;
    for depth in limit - 4..=limit + 2 {
        let (mut in_objects, mut in_arrays) = (json!(1), json!(1));
        for _ in 0..depth {
            in_objects = json!({ "a": in_objects });
            in_arrays = json!([in_arrays]);
        }
        values.extend([in_objects, in_arrays]);
    }
    if let Some(Value::String(s)) = values
        .iter()
        .find(|v| v.as_str().is_some_and(|s| s.len() > 700))
        .cloned()
    {
        values.push(Value::from(s.replace('+', "-")));
        values.push(Value::from(format!("{s}=")));
        values.push(Value::from(format!("{}\n{}", &s[..400], &s[400..])));
    }
    values
}

/// The text walker of each Tray.io and tracker table against its full check, every
/// position × every edge value (the connector's is in connector_staged's tests).
#[cfg(feature = "draft-fast-path")]
#[test]
fn tray_and_tracker_text_walkers_call_clean_only_clean_payloads() {
    use crate::tracker::records::{DEPLOYMENT, STATUS_UPDATE};
    use crate::tray::connector::CONNECTOR;
    use crate::tray::deployments::{DEPLOYMENT_RESPONSE, DEPLOY_REQUEST};
    let values = edge_values();
    let zip = values
        .iter()
        .find(|v| v.as_str().is_some_and(|s| s.len() > 700))
        .cloned()
        .unwrap();
    let names = ["extra", "name", "version", "status", "id"];
    let mut total = (0, 0);
    let mut add = |name: &str, (cases, clean): (usize, usize)| {
        eprintln!("{name}: {cases} cases, {clean} called clean");
        assert!(clean >= 3 && clean < cases, "{name}: {clean} of {cases}");
        total = (total.0 + cases, total.1 + clean);
    };
    let connector = json!({"name": "acme-tmdb", "version": "1.0", "title": "T", "description": "", "service": {"name": "s", "version": "1"}, "tags": ["a"], "isTrigger": false, "rawHttp": {"enabled": true}});
    add(
        "tray connector.json",
        every_position_every_value(
            &connector,
            CONNECTOR,
            |v| crate::validate_tray_connector(v),
            &values,
            &names,
        ),
    );
    let request = json!({"connectorSourceCode": zip});
    add(
        "tray deploy request",
        every_position_every_value(
            &request,
            DEPLOY_REQUEST,
            |v| crate::validate_tray_deploy_request(v, None),
            &values,
            &names,
        ),
    );
    let response = json!({"id": "d1", "deploymentStatus": "Deployed", "connectorName": "acme-tmdb", "connectorVersion": "1.0", "repeatDeployment": false});
    add(
        "tray deployment response",
        every_position_every_value(
            &response,
            DEPLOYMENT_RESPONSE,
            |v| crate::validate_tray_deployment_response(v),
            &values,
            &names,
        ),
    );
    let deployment = json!({"componentId": "550e8400-e29b-41d4-a716-446655440001", "environmentId": "550e8400-e29b-41d4-a716-446655440010", "version": "v1", "deployedBy": "ci", "commitSha": "a1b2c3d4", "description": "d", "metadata": {"url": "https://ci.example.com"}});
    add(
        "tracker deployment",
        every_position_every_value(
            &deployment,
            DEPLOYMENT,
            |v| crate::validate_tracker_deployment(v),
            &values,
            &names,
        ),
    );
    let update = json!({"status": "succeeded"});
    add(
        "tracker status update",
        every_position_every_value(
            &update,
            STATUS_UPDATE,
            |v| crate::validate_tracker_status_update(v, None).unwrap(),
            &values,
            &names,
        ),
    );
    eprintln!(
        "tray and tracker text walkers: {} cases, {} called clean",
        total.0, total.1
    );
}

/// Every JS object filter in `bindings.js` is the one its tables write, named in
/// `CLEAN_OBJECT_FILTERS` by the API function it serves (the guard, pkg-template/web/guard.js,
/// asks by that name); `BLESS=1 cargo test --lib fast_path_tests` rewrites them.
#[test]
fn the_js_filters_are_written_from_the_tables() {
    // (the API function, the filter, its text)
    let filters = [
        (
            "validateConnectorStagedDraft",
            "isCleanConnectorStagedDraft",
            crate::connect::connector_staged::js_filter(),
        ),
        (
            "validateTrayConnector",
            "isCleanTrayConnector",
            crate::tray::connector::js_filter(),
        ),
        (
            "validateTrayDeployRequest",
            "isCleanTrayDeployRequest",
            crate::tray::deployments::js_filter_request(),
        ),
        (
            "validateTrayDeploymentResponse",
            "isCleanTrayDeploymentResponse",
            crate::tray::deployments::js_filter_response(),
        ),
        (
            "validateTrackerDeployment",
            "isCleanTrackerDeployment",
            crate::tracker::records::js_filter_deployment(),
        ),
        (
            "validateTrackerStatusUpdate",
            "isCleanTrackerStatusUpdate",
            crate::tracker::records::js_filter_status_update(),
        ),
    ];
    // The budgets the filters keep to (src/bindings.js, `withinBudget`), stated once in Rust.
    let mut js = format!(
        "const MAX_INPUT_BYTES = {};\nconst MAX_NODES = {};\n",
        crate::report::budget::MAX_INPUT_BYTES,
        crate::report::budget::MAX_NODES
    );
    for (_, name, filter) in &filters {
        assert!(filter.contains(&format!("function {name}(o)")), "{name}");
        js.push_str(filter);
    }
    let entries: Vec<String> = filters
        .iter()
        .map(|(function, name, _)| format!("{function}: {name}"))
        .collect();
    js.push_str(&format!("const CLEAN_OBJECT_FILTERS = {{ {} }};\n", entries.join(", ")));
    crate::connect::draft_rules::assert_generated(
        "src/report/table_fast.rs (js_filter)",
        &js,
        "BLESS=1 cargo test --lib fast_path_tests",
    );
}
