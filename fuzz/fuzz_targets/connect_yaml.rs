//! validateConnectYaml and parseConnectYaml on any text; the text then serves as the
//! connector of a deployment check, chosen by the context byte:
//! 0 nothing more, 1 a DeploymentDraft with `{ connectYaml: text }`, 2 the same draft with
//! `{ connector: spec }`, 3 a redeploy against a Deployment of that connector, 4
//! buildDeploymentDraft with the text as its source. The draft and the redeploy carry the
//! sentinel in every securedConfiguration value, whatever the connector declares.
//! A payload that is JSON (JSON is YAML) is also checked with the sentinel planted.
#![no_main]

mod common;

use common::{assert_no_secret, check_report, Kind, SENTINEL};
use connect_preflight::{
    build_deployment_draft, parse_connect_yaml, validate_connect_yaml, validate_deployment_draft_with,
    validate_deployment_update, Context, Payload, Report,
};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let Some((kind, text)) = common::kind_and_text(data) else {
        return;
    };
    let report = validate_connect_yaml(text);
    check_report(&report);
    let parsed = parse_connect_yaml(text);
    check_report(&parsed.report);
    assert_eq!(report, parsed.report, "validateConnectYaml and parseConnectYaml disagree");
    for issue in report.issues() {
        assert!(
            issue.line.is_some() && issue.column.is_some(),
            "a connect.yaml issue without a position: {}",
            common::brief(issue)
        );
    }

    let tainted = common::contains_bytes(data, SENTINEL.as_bytes())
        || parsed.spec.as_ref().is_some_and(common::value_mentions_sentinel)
        || common::report_mentions(&report, SENTINEL);

    // The secret rule on connect.yaml itself: JSON text is YAML.
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        for variant in common::planted(&value, false) {
            let planted = serde_json::to_string(&variant).expect("a value serializes");
            let report = validate_connect_yaml(&planted);
            check_report(&report);
            let parsed = parse_connect_yaml(&planted);
            check_report(&parsed.report);
            if !tainted {
                assert_no_secret(&report, SENTINEL);
                assert_no_secret(&parsed.report, SENTINEL);
            }
        }
    }

    let spec = parsed.spec.as_ref();
    let draft = draft_for(spec);
    match kind {
        Kind::None => {}
        Kind::ConnectYaml => {
            if let Ok(context) = Context::from_json(&json!({ "connectYaml": text })) {
                check_secured(&draft, tainted, |p| validate_deployment_draft_with(p, &context));
            }
        }
        Kind::Connector => {
            if let Some(Ok(context)) = spec.map(|s| Context::from_json(&json!({ "connector": s }))) {
                check_secured(&draft, tainted, |p| validate_deployment_draft_with(p, &context));
            }
        }
        Kind::Deployment => {
            if let Some(spec) = spec {
                let mut deployment = common::fixed_deployment();
                deployment["connector"] = spec.clone();
                if let Ok(context) = Context::from_json(&json!({ "deployment": deployment })) {
                    let update = json!({
                        "version": 4,
                        "actions": [{
                            "action": "redeploy",
                            "configurationValues": draft["configurations"].clone(),
                            "globalConfiguration": draft["globalConfiguration"].clone(),
                        }],
                    });
                    check_secured(&update, tainted, |p| validate_deployment_update(p, &context));
                }
            }
        }
        Kind::ConnectorStaged => {
            if let Ok(source) = Context::from_source(&Value::String(text.to_owned())) {
                let input = build_input_for(spec);
                let from_value = build_deployment_draft(Payload::Value(&input), &source);
                check_report(&from_value.report);
                let input_text = serde_json::to_string(&input).expect("a value serializes");
                let from_text = build_deployment_draft(Payload::Text(&input_text), &source);
                check_report(&from_text.report);
                common::assert_same_issues(&from_value.report, &from_text.report);
                assert_eq!(
                    from_value.draft, from_text.draft,
                    "the input as text and as a value build different drafts"
                );
            }
        }
    }
});

/// A payload whose secured values are the sentinel, as pretty JSON text and as a value: the
/// invariants hold and (unless the connect.yaml itself holds the sentinel) no report repeats it.
fn check_secured(payload: &Value, tainted: bool, check: impl Fn(Payload<'_>) -> Report) {
    let text = serde_json::to_string_pretty(payload).expect("a value serializes");
    for p in [Payload::Text(&text), Payload::Value(payload)] {
        let report = check(p);
        check_report(&report);
        if !tainted {
            assert_no_secret(&report, SENTINEL);
        }
    }
}

/// The names of the declared keys of one block (`standardConfiguration` or
/// `securedConfiguration`) of a ConnectSpec application or global configuration.
fn declared(block: Option<&Value>, field: &str) -> Vec<String> {
    block
        .and_then(|b| b.get(field))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.get("key")?.as_str().map(str::to_owned))
        .collect()
}

/// A DeploymentDraft with a value for every key the spec declares: standard values are
/// plain words, secured values are the sentinel; plus an `API_SECRET` secured value for the
/// first application.
fn draft_for(spec: Option<&Value>) -> Value {
    let block = |owner: Option<&Value>| {
        let standard: Vec<Value> = declared(owner, "standardConfiguration")
            .into_iter()
            .map(|key| json!({"key": key, "value": "plain-value"}))
            .collect();
        let secured: Vec<Value> = declared(owner, "securedConfiguration")
            .into_iter()
            .map(|key| json!({"key": key, "value": SENTINEL}))
            .collect();
        (standard, secured)
    };
    let mut configurations: Vec<Value> = spec
        .and_then(|s| s.get("configurations"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|application| {
            let (standard, secured) = block(Some(application));
            json!({
                "applicationName": application.get("applicationName").cloned().unwrap_or(Value::Null),
                "standardConfiguration": standard,
                "securedConfiguration": secured,
            })
        })
        .collect();
    match configurations.first_mut().and_then(|c| c["securedConfiguration"].as_array_mut()) {
        Some(secured) => secured.push(json!({"key": common::SECRET_KEY, "value": SENTINEL})),
        None => configurations.push(json!({
            "applicationName": "service",
            "standardConfiguration": [],
            "securedConfiguration": [{"key": common::SECRET_KEY, "value": SENTINEL}],
        })),
    }
    let (standard, secured) = block(spec.and_then(|s| s.get("globalConfiguration")));
    json!({
        "key": "fuzz-deployment",
        "connector": {"key": "shop-connector"},
        "region": "europe-west1.gcp",
        "configurations": configurations,
        "globalConfiguration": {"standardConfiguration": standard, "securedConfiguration": secured},
    })
}

/// buildDeploymentDraft's input with a plain value for every standard key the spec declares
/// (secured keys are left out: the source may declare any key either way).
fn build_input_for(spec: Option<&Value>) -> Value {
    let values: serde_json::Map<String, Value> = spec
        .and_then(|s| s.get("configurations"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|application| {
            let name = application.get("applicationName")?.as_str()?.to_owned();
            let given: serde_json::Map<String, Value> = declared(Some(application), "standardConfiguration")
                .into_iter()
                .map(|key| (key, json!("plain-value")))
                .collect();
            Some((name, Value::Object(given)))
        })
        .collect();
    let global: serde_json::Map<String, Value> =
        declared(spec.and_then(|s| s.get("globalConfiguration")), "standardConfiguration")
            .into_iter()
            .map(|key| (key, json!("plain-value")))
            .collect();
    json!({
        "key": "fuzz-deployment",
        "connector": {"key": "shop-connector"},
        "region": "europe-west1.gcp",
        "values": values,
        "globalValues": global,
    })
}
