//! No input panics: property tests over arbitrary JSON text, arbitrary JSON values, and
//! drafts with random values in every field, plus a few hostile inputs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use connect_preflight::{
    allowed_transitions, build_deployment_draft, can_redeploy, check_transition, parse_connect_yaml, to_error_response,
    validate_connect_yaml, validate_deployment_draft, validate_deployment_draft_with, validate_deployment_update,
    validate_key, validate_project_identifier, Context, Payload, Report,
};
use proptest::prelude::*;
use serde_json::{json, Value};

fn well_formed(report: &Report) {
    use connect_preflight::budget::{MAX_ECHO_CHARS, MAX_ISSUES, MAX_MESSAGE_CHARS};
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
    assert_eq!(response.is_some(), !report.errors.is_empty());
}

/// Whether the input got past reading to the payload's rules: its report is more than the one
/// issue that says the input cannot be read.
fn read(report: &Report) -> bool {
    !report
        .issues()
        .any(|i| i.path.is_empty() && matches!(i.code.as_str(), "InvalidJsonInput" | "InvalidYaml"))
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

fn connect_yaml_well_formed(text: &str) -> bool {
    let parsed = parse_connect_yaml(text);
    well_formed(&parsed.report);
    assert!(
        parsed.report.issues().all(|i| i.line.is_some()),
        "every connect.yaml issue has a position"
    );
    assert_eq!(validate_connect_yaml(text), parsed.report);
    read(&parsed.report)
}

/// Text of any characters, now and then inside a valid document (so that it is read): never a
/// panic, always a well-formed report. The branch: the text was read (at least a fifth).
#[test]
fn arbitrary_text() {
    let text = prop_oneof![
        "\\PC{0,200}",
        ("\\PC{0,12}", 0usize..400).prop_map(|(junk, at)| {
            let mut t = TEMPLATE.to_owned();
            let mut at = at % t.len();
            while !t.is_char_boundary(at) {
                at -= 1;
            }
            t.insert_str(at, &junk);
            t
        }),
    ];
    common::hits::assert_hit_rate(
        "no_panic arbitrary_text: read as connect.yaml",
        2000,
        0.2,
        text,
        |text: String| {
            well_formed(&validate_deployment_draft(text.as_str()));
            well_formed(&validate_key(&text));
            well_formed(&validate_project_identifier(&text));
            Ok(connect_yaml_well_formed(&text))
        },
    );
}

/// YAML's punctuation at random: never a panic. Such text is rarely read, so it is put into a
/// line of the template half the time. The branch: read (at least a fifth).
#[test]
fn yaml_like_text() {
    let junk = "[-:{}\\[\\],&*!|>'\"#\n\t abc12.~@?%\u{1F600}]{0,120}";
    let text = prop_oneof![
        junk.prop_map(|s| s),
        ("[-:{}\\[\\],&*!|>'\"#\t abc12.~@?%]{0,6}", 0usize..40)
            .prop_map(|(junk, line)| { common::hits::line_edits(TEMPLATE, vec![(line, 4, junk)]) }),
    ];
    common::hits::assert_hit_rate("no_panic yaml_like_text: read", 2000, 0.2, text, |text: String| {
        Ok(connect_yaml_well_formed(&text))
    });
}

/// Line edits of a valid connect.yaml: never a panic, every issue with a position. The
/// branch: still read as YAML (the rules ran).
#[test]
fn mutated_connect_yaml() {
    let strategy = prop::collection::vec((0usize..40, 0usize..6, "[ -~]{0,8}"), 1..3);
    common::hits::assert_hit_rate("no_panic mutated_connect_yaml: read", 2000, 0.2, strategy, |ops| {
        // Ops 0-5 and 7 (no unindent), as before the edits were shared.
        let ops = ops
            .into_iter()
            .map(|(at, op, junk)| (at, if op == 5 { 7 } else { op }, junk))
            .collect();
        Ok(connect_yaml_well_formed(&common::hits::line_edits(TEMPLATE, ops)))
    });
}

/// JSON's punctuation at random, or a JSON value's text with a character put in: never a
/// panic. The branch: read as JSON.
#[test]
fn json_like_text() {
    let text = prop_oneof![
        1 => "[\\[\\]{}\",:0-9a-z\\\\ \\n\u{1F600}]{0,80}",
        3 => (json_value(), "[\\[\\]{}\",:0-9a-z\\\\ ]", 0usize..200).prop_map(|(value, junk, at)| {
            let mut t = value.to_string();
            let mut at = at % (t.len() + 1);
            while !t.is_char_boundary(at) { at -= 1; }
            t.insert_str(at, &junk);
            t
        }),
    ];
    common::hits::assert_hit_rate("no_panic json_like_text: read", 2000, 0.2, text, |text: String| {
        let report = validate_deployment_draft(text.as_str());
        well_formed(&report);
        Ok(read(&report))
    });
}

/// Any JSON value: never a panic, and the same codes and paths whether it comes as a value or
/// as text. The branch: an object (the draft's rules run past the root).
#[test]
fn arbitrary_values() {
    common::hits::assert_hit_rate(
        "no_panic arbitrary_values: an object",
        2000,
        0.2,
        json_value(),
        |value| {
            well_formed(&validate_deployment_draft(&value));
            let text = serde_json::to_string(&value).expect("serializes");
            let from_text = validate_deployment_draft(text.as_str());
            well_formed(&from_text);
            let from_value = validate_deployment_draft(&value);
            let key = |r: &Report| r.issues().map(|i| (i.code, i.path.clone())).collect::<Vec<_>>();
            prop_assert_eq!(key(&from_value), key(&from_text));
            Ok(value.is_object())
        },
    );
}

/// Drafts with any value in every field: never a panic, as a value and as text. The branch:
/// a random field holds an object or array (where the deeper rules run).
#[test]
fn drafts_with_random_fields() {
    let strategy = (
        json_value(),
        json_value(),
        json_value(),
        json_value(),
        json_value(),
        json_value(),
    );
    common::hits::assert_hit_rate(
        "no_panic drafts_with_random_fields: a container in a field",
        2000,
        0.2,
        strategy,
        |(key, connector, region, application, values, global)| {
            let deep = [&connector, &application, &values, &global]
                .iter()
                .any(|v| v.is_object() || v.is_array());
            let draft = json!({
                "key": key, "connector": connector, "region": region,
                "configurations": [application, {"applicationName": "a1", "standardConfiguration": values.clone(), "securedConfiguration": [values]}],
                "globalConfiguration": global,
            });
            well_formed(&validate_deployment_draft(&draft));
            let text = serde_json::to_string_pretty(&draft).expect("serializes");
            well_formed(&validate_deployment_draft(Payload::Text(&text)));
            Ok(deep)
        },
    );
}

/// The deployment functions with context, on random payloads and random contexts. The branch:
/// the random resource makes a context (not misuse) besides the fixed ones.
#[test]
fn deployments_with_context() {
    // A third of the resources are shaped like a connector, so that they make a context.
    let resource = prop_oneof![2 => json_value(), 1 => json_value().prop_map(|v| json!({"configurations": [v]}))];
    let strategy = (json_value(), resource, json_value());
    common::hits::assert_hit_rate(
        "no_panic deployments_with_context: a random context read",
        1000,
        0.2,
        strategy,
        |(payload, resource, status)| {
            let contexts = [
                Context::from_json(&json!({ "connectYaml": TEMPLATE, "projectKey": "p" })),
                Context::from_json(
                    &json!({ "connector": {"configurations": [resource.clone()], "isPreviewable": "pending", "private": true} }),
                ),
                Context::from_json(
                    &json!({ "deployment": {"status": status, "version": 2, "applications": [resource.clone()], "connector": resource.clone()} }),
                ),
                Context::from_json(&resource),
                Context::from_source(&resource),
            ];
            let random_read = contexts[3..].iter().any(Result::is_ok);
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
            Ok(random_read)
        },
    );
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
