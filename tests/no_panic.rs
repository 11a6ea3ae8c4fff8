//! No input panics: property tests over arbitrary JSON text, arbitrary JSON values, and
//! drafts with random values in every field, plus a few hostile inputs.
#![cfg(not(target_arch = "wasm32"))]

use connect_preflight::{
    allowed_transitions, build_deployment_draft, can_redeploy, check_transition, parse_connect_yaml, to_error_response,
    validate_connect_yaml, validate_deployment_draft, validate_deployment_draft_with, validate_deployment_update,
    validate_key, validate_project_identifier, Context, Payload, Report,
};
use proptest::prelude::*;
use serde_json::{json, Value};

fn well_formed(report: &Report) {
    use connect_preflight::budget::{MAX_ECHO_CHARS, MAX_ISSUES, MAX_MESSAGE_CHARS};
    assert_eq!(report.valid(), report.errors.is_empty());
    assert!(report.issues().count() <= MAX_ISSUES + 1, "the issue budget");
    for issue in report.issues() {
        assert!(!issue.message.is_empty());
        assert!(
            issue.message.chars().count() <= MAX_MESSAGE_CHARS + 1,
            "the message budget"
        );
        for (name, value) in &issue.params {
            let strings = std::iter::once(value).chain(value.as_array().into_iter().flatten());
            for s in strings.filter_map(Value::as_str) {
                assert!(
                    s.chars().count() <= MAX_ECHO_CHARS + 1,
                    "param {name} over the echo budget"
                );
            }
        }
        let invalid = issue.params.get("invalidValue");
        assert!(
            !invalid.is_some_and(|v| v.is_array() || v.is_object()),
            "invalidValue is a scalar"
        );
        assert!(issue.path.is_empty() || issue.path.starts_with('/'), "{}", issue.path);
        assert!(issue.line.is_some() == issue.column.is_some());
    }
    let response = to_error_response(report);
    assert_eq!(response.is_some(), !report.valid());
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("europe-west1.gcp"),
            Just("c1"),
            Just(""),
            Just("a b"),
            Just("preview")
        ]
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        let field = prop_oneof![
            Just("key".to_owned()),
            Just("value".to_owned()),
            Just("connector".to_owned()),
            Just("region".to_owned()),
            Just("configurations".to_owned()),
            Just("applicationName".to_owned()),
            Just("id".to_owned()),
            Just("standardConfiguration".to_owned()),
            Just("securedConfiguration".to_owned()),
            Just("globalConfiguration".to_owned()),
            Just("version".to_owned()),
            Just("staged".to_owned()),
            Just("actions".to_owned()),
            Just("action".to_owned()),
            Just("configurationValues".to_owned()),
            Just("values".to_owned()),
            Just("service".to_owned()),
            Just("CTP_REGION".to_owned()),
            Just("schedule".to_owned()),
            Just("retryPolicy".to_owned()),
            ".{0,6}".prop_map(|s| s),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((field, inner), 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A connect.yaml using most of the format, for mutations.
const TEMPLATE: &str = "deployAs:
  - name: service
    applicationType: service
    endpoint: /service
    scripts:
      postDeploy: npm run post
    healthCheck: {path: /h, intervalSeconds: 5}
    configuration:
      standardConfiguration:
        - key: CTP_REGION
          description: region
          required: true
          default: europe-west1.gcp
      securedConfiguration:
        - key: SECRET
          description: secret
  - name: job
    applicationType: job
    endpoint: /job
    properties:
      schedule: '0 0 * * *'
  - name: mc
    applicationType: merchant-center-custom-application
    configuration:
      standardConfiguration:
        - &k {key: CUSTOM_APPLICATION_ID, description: id, required: true}
        - key: ENTRY_POINT_URI_PATH
          description: path
          required: true
inheritAs:
  configuration:
    standardConfiguration:
      - key: CLOUD_IDENTIFIER
        description: cloud
        required: true
  apiClient:
    scopes: [manage_orders]
";

fn connect_yaml_well_formed(text: &str) {
    let parsed = parse_connect_yaml(text);
    well_formed(&parsed.report);
    assert!(
        parsed.report.issues().all(|i| i.line.is_some()),
        "every connect.yaml issue has a position"
    );
    assert_eq!(validate_connect_yaml(text), parsed.report);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        well_formed(&validate_deployment_draft(text.as_str()));
        connect_yaml_well_formed(&text);
        well_formed(&validate_key(&text));
        well_formed(&validate_project_identifier(&text));
    }

    #[test]
    fn yaml_like_text(text in "[-:{}\\[\\],&*!|>'\"#\n\t abc12.~@?%\u{1F600}]{0,120}") {
        connect_yaml_well_formed(&text);
    }

    #[test]
    fn mutated_connect_yaml(ops in prop::collection::vec((0usize..40, 0usize..6, "[ -~]{0,8}"), 1..6)) {
        let mut lines: Vec<String> = TEMPLATE.lines().map(str::to_owned).collect();
        for (at, op, junk) in ops {
            if lines.is_empty() { break; }
            let i = at % lines.len();
            match op {
                0 => { lines.remove(i); }
                1 => { let line = lines[i].clone(); lines.insert(i, line); }
                2 => lines[i].insert(0, ' '),
                3 => { let cut = lines[i].len() / 2; lines[i].truncate(cut); }
                4 => lines[i].push_str(&junk),
                _ => { let j = (i + 1) % lines.len(); lines.swap(i, j); }
            }
        }
        connect_yaml_well_formed(&lines.join("\n"));
    }

    #[test]
    fn json_like_text(text in "[\\[\\]{}\",:0-9a-z\\\\ \\n\u{1F600}]{0,80}") {
        well_formed(&validate_deployment_draft(text.as_str()));
    }

    #[test]
    fn arbitrary_values(value in json_value()) {
        well_formed(&validate_deployment_draft(&value));
        let text = serde_json::to_string(&value).expect("serializes");
        let from_text = validate_deployment_draft(text.as_str());
        well_formed(&from_text);
        // The same codes and paths whichever way the payload comes.
        let from_value = validate_deployment_draft(&value);
        let key = |r: &Report| r.issues().map(|i| (i.code, i.path.clone())).collect::<Vec<_>>();
        prop_assert_eq!(key(&from_value), key(&from_text));
    }

    #[test]
    fn drafts_with_random_fields(
        key in json_value(), connector in json_value(), region in json_value(),
        application in json_value(), values in json_value(), global in json_value(),
    ) {
        let draft = json!({
            "key": key, "connector": connector, "region": region,
            "configurations": [application, {"applicationName": "a1", "standardConfiguration": values.clone(), "securedConfiguration": [values]}],
            "globalConfiguration": global,
        });
        well_formed(&validate_deployment_draft(&draft));
        let text = serde_json::to_string_pretty(&draft).expect("serializes");
        well_formed(&validate_deployment_draft(Payload::Text(&text)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// The deployment functions with context, on random payloads and random contexts.
    #[test]
    fn deployments_with_context(payload in json_value(), resource in json_value(), status in json_value()) {
        let contexts = [
            Context::from_json(&json!({ "connectYaml": TEMPLATE, "projectKey": "p" })),
            Context::from_json(&json!({ "connector": {"configurations": [resource.clone()], "isPreviewable": "pending", "private": true} })),
            Context::from_json(&json!({ "deployment": {"status": status, "version": 2, "applications": [resource.clone()], "connector": resource.clone()} })),
            Context::from_json(&resource),
            Context::from_source(&resource),
        ];
        let text = serde_json::to_string(&payload).expect("serializes");
        for context in contexts.iter().flatten() {
            for p in [Payload::Value(&payload), Payload::Text(&text)] {
                well_formed(&validate_deployment_draft_with(p, context));
                well_formed(&validate_deployment_update(p, context));
                well_formed(&build_deployment_draft(p, context).report);
            }
        }
        well_formed(&can_redeploy(&status));
        for machine in ["connectDeployment", "trackerDeployment"] {
            well_formed(&check_transition(machine, &status, &payload).expect("a machine"));
            let _ = allowed_transitions(machine, status.as_str().unwrap_or(""));
        }
    }
}

#[test]
fn the_template_is_valid() {
    let report = validate_connect_yaml(TEMPLATE);
    assert!(report.valid(), "{report:?}");
}

#[test]
fn hostile_inputs() {
    let deep = "[".repeat(100_000);
    let report = validate_deployment_draft(deep.as_str());
    assert_eq!(report.errors[0].code.as_str(), "InvalidJsonInput");
    let deep_objects = "{\"a\":".repeat(50_000);
    assert!(!validate_deployment_draft(deep_objects.as_str()).valid());
    let long = format!("{{\"key\": \"{}\"}}", "x".repeat(5_000_000));
    let report = validate_deployment_draft(long.as_str());
    well_formed(&report);
    // A long invalid value is cut in the message (it stays whole in invalidValue).
    assert!(report.errors.iter().all(|i| i.message.len() < 1_000));
    let many = format!("[{}]", vec!["{}"; 200_000].join(","));
    well_formed(&validate_deployment_draft(many.as_str()));
    for text in [
        "\u{feff}",
        "\u{feff}\u{feff}{}",
        "nul\0l",
        "\"\\ud800\"",
        "1e999",
        "-",
        "{\"a\":1}}",
    ] {
        well_formed(&validate_deployment_draft(text));
    }
}
