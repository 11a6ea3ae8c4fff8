//! The fixture corpus and its comparison rules, shared by the native runner
//! (`tests/fixtures.rs`) and the wasm runners (`tests/wasm_node.rs`, `tests/wasm_browser.rs`).
#![allow(dead_code, unreachable_pub)]

use serde_json::Value;

/// Every fixture file; `tests/fixtures.rs` checks that none in the folder is missing here.
pub const FIXTURE_FILES: &[(&str, &str)] = &[
    ("connect-yaml.json", include_str!("../fixtures/connect-yaml.json")),
    (
        "deployment-draft.json",
        include_str!("../fixtures/deployment-draft.json"),
    ),
    (
        "deployment-draft-context.json",
        include_str!("../fixtures/deployment-draft-context.json"),
    ),
    (
        "deployment-update.json",
        include_str!("../fixtures/deployment-update.json"),
    ),
    (
        "build-deployment-draft.json",
        include_str!("../fixtures/build-deployment-draft.json"),
    ),
    ("can-redeploy.json", include_str!("../fixtures/can-redeploy.json")),
    (
        "connector-staged-draft.json",
        include_str!("../fixtures/connector-staged-draft.json"),
    ),
    (
        "connector-update.json",
        include_str!("../fixtures/connector-update.json"),
    ),
    (
        "apply-connector-update.json",
        include_str!("../fixtures/apply-connector-update.json"),
    ),
    (
        "connector-update-actions.json",
        include_str!("../fixtures/connector-update-actions.json"),
    ),
    ("transitions.json", include_str!("../fixtures/transitions.json")),
    ("key.json", include_str!("../fixtures/key.json")),
    (
        "project-identifier.json",
        include_str!("../fixtures/project-identifier.json"),
    ),
    ("tray-connector.json", include_str!("../fixtures/tray-connector.json")),
    ("tray-paths.json", include_str!("../fixtures/tray-paths.json")),
    (
        "tray-status-paths.json",
        include_str!("../fixtures/tray-status-paths.json"),
    ),
    (
        "tray-deploy-request.json",
        include_str!("../fixtures/tray-deploy-request.json"),
    ),
    (
        "tray-deployment-response.json",
        include_str!("../fixtures/tray-deployment-response.json"),
    ),
    (
        "tracker-deployment.json",
        include_str!("../fixtures/tracker-deployment.json"),
    ),
    (
        "tracker-status-update.json",
        include_str!("../fixtures/tracker-status-update.json"),
    ),
    ("tracker-query.json", include_str!("../fixtures/tracker-query.json")),
    ("tracker-matrix.json", include_str!("../fixtures/tracker-matrix.json")),
    ("tracker-latest.json", include_str!("../fixtures/tracker-latest.json")),
];

pub enum Input {
    /// A JSON value; payload functions also get it as JSON text.
    Value(Value),
    /// Raw JSON text: run as text only, positions checked.
    Text(String),
}

pub struct Case {
    pub file: &'static str,
    pub function: String,
    pub description: String,
    pub input: Input,
    /// The second argument: `context` (validate functions) or `source` (buildDeploymentDraft),
    /// with `"$ref:name"` values replaced from `fixtures/defs/connectors.json`.
    pub second: Option<Value>,
    pub expected: Value,
}

/// The connectors and deployments fixtures refer to as `"$ref:name"`.
pub fn defs() -> Value {
    serde_json::from_str(include_str!("../fixtures/defs/connectors.json")).expect("defs parse")
}

/// `value` with every `"$ref:name"` string (at any depth) replaced by `defs[name]`.
pub fn resolve(value: &Value, defs: &Value) -> Value {
    match value {
        Value::String(s) if s.starts_with("$ref:") => {
            let name = &s["$ref:".len()..];
            defs.get(name).cloned().unwrap_or_else(|| panic!("no def {name}"))
        }
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), resolve(v, defs))).collect()),
        Value::Array(items) => Value::Array(items.iter().map(|v| resolve(v, defs)).collect()),
        other => other.clone(),
    }
}

impl Case {
    pub fn name(&self) -> String {
        format!("{} › {}", self.file, self.description)
    }
}

pub fn cases() -> Vec<Case> {
    let defs = defs();
    let mut out = Vec::new();
    for (file, text) in FIXTURE_FILES {
        let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let function = doc["function"].as_str().expect("function").to_owned();
        for case in doc["cases"].as_array().expect("cases") {
            let input = if let Some(text) = case.get("inputText") {
                Input::Text(text.as_str().expect("inputText is a string").to_owned())
            } else if let Some(lines) = case.get("inputLines").and_then(Value::as_array) {
                let lines: Vec<&str> = lines
                    .iter()
                    .map(|l| l.as_str().expect("inputLines are strings"))
                    .collect();
                Input::Text(format!("{}\n", lines.join("\n")))
            } else {
                Input::Value(resolve(
                    case.get("input").expect("input, inputText or inputLines"),
                    &defs,
                ))
            };
            let second = case
                .get("context")
                .or(case.get("source"))
                .or(case.get("connectorStaged"))
                .or(case.get("connectorJson"))
                .or(case.get("current"))
                .or(case.get("componentId"))
                .map(|v| resolve(v, &defs));
            out.push(Case {
                file,
                function: function.clone(),
                description: case["description"].as_str().unwrap_or("").to_owned(),
                input,
                second,
                expected: case.clone(),
            });
        }
    }
    out
}

/// Payload functions accept JSON text; the others take a plain value (a string is the value).
pub fn takes_payload(function: &str) -> bool {
    !matches!(
        function,
        "validateKey"
            | "validateProjectIdentifier"
            | "canRedeploy"
            | "checkTransition"
            | "buildConnectorUpdateActions"
            | "trayDeployPath"
            | "trayStatusPath"
    )
}

/// What a case may expect beside the report, and where the result holds it.
const RESULT_FIELDS: &[(&str, &str)] = &[
    ("draft", "draft"),
    ("result", "connectorStaged"),
    ("path", "path"),
    ("query", "query"),
    ("search", "search"),
    ("matrix", "matrix"),
    ("latest", "latest"),
];

/// Compares a report (as JSON) with the case. `positions`: also compare line/column.
/// A result that holds a report beside something else (`{ draft, report }`) is checked on
/// its report, and on `draft` when the case gives one.
pub fn check(case: &Case, actual: &Value, positions: bool) -> Result<(), String> {
    let fail = |what: String| Err(format!("{}: {what}\nactual: {actual}", case.name()));
    if let Some(actions) = case.expected.get("actions") {
        return if actual == actions {
            Ok(())
        } else {
            fail(format!("actions: expected {actions}"))
        };
    }
    if let Some(report) = actual.get("report") {
        for (expected, got) in RESULT_FIELDS {
            if let Some(want) = case.expected.get(expected) {
                if actual.get(got) != Some(want) {
                    return fail(format!("{got}: expected {want}"));
                }
            }
        }
        return check(case, report, positions);
    }
    let empty = Vec::new();
    for kind in ["errors", "warnings"] {
        let expected = case.expected.get(kind).and_then(Value::as_array).unwrap_or(&empty);
        let Some(got) = actual.get(kind).and_then(Value::as_array) else {
            return fail(format!("no {kind} array"));
        };
        let summary = |list: &[Value]| {
            list.iter()
                .map(|i| {
                    format!(
                        "{} {}",
                        i["code"].as_str().unwrap_or("?"),
                        i["path"].as_str().unwrap_or("?")
                    )
                })
                .collect::<Vec<_>>()
        };
        if summary(expected) != summary(got) {
            return fail(format!(
                "{kind}: expected {:?}, got {:?}",
                summary(expected),
                summary(got)
            ));
        }
        for (want, issue) in expected.iter().zip(got) {
            if issue["message"].as_str().is_none_or(str::is_empty) {
                return fail(format!("{kind}: an issue without a message: {issue}"));
            }
            if positions {
                for field in ["line", "column"] {
                    if let Some(n) = want.get(field) {
                        if issue.get(field) != Some(n) {
                            return fail(format!(
                                "{kind}: {} {field} expected {n}, got {:?}",
                                want["path"],
                                issue.get(field)
                            ));
                        }
                    }
                }
            }
            if let Some(params) = want.get("params").and_then(Value::as_object) {
                for (name, value) in params {
                    if issue.get(name) != Some(value) {
                        return fail(format!(
                            "{kind}: {} param {name} expected {value}, got {:?}",
                            want["path"],
                            issue.get(name)
                        ));
                    }
                }
            }
            for name in want.get("absentParams").and_then(Value::as_array).unwrap_or(&empty) {
                let name = name.as_str().unwrap_or_default();
                if issue.get(name).is_some() {
                    return fail(format!("{kind}: {} has {name}, which must be absent", want["path"]));
                }
            }
        }
    }
    let errors_empty = actual["errors"].as_array().is_some_and(Vec::is_empty);
    if actual.get("valid") != Some(&Value::Bool(errors_empty)) {
        return fail("valid must be true exactly when errors is empty".to_owned());
    }
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
pub mod hits;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
