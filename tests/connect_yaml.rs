//! parseConnectYaml's spec (the API's shape) and hostile connect.yaml input.
#![cfg(not(target_arch = "wasm32"))]

use connect_preflight::{parse_connect_yaml, validate_connect_yaml, Code, Report};
use serde_json::json;

/// The ConnectorStaged example of the API reference (seed 001/003), as connect.yaml.
const API_EXAMPLE: &str = "\
deployAs:
  - name: app-1
    applicationType: service
    endpoint: /app-1
    configuration:
      standardConfiguration:
        - key: CONFIG_KEY
          description: config key description
          required: true
          default: config default value
      securedConfiguration:
        - key: CONFIG_SECRET_KEY
          description: config secret description
          required: true
";

#[test]
fn spec_equals_what_the_api_shows() {
    let parsed = parse_connect_yaml(API_EXAMPLE);
    assert!(parsed.report.valid(), "{:?}", parsed.report);
    let mut spec = parsed.spec.expect("spec");
    // The file's endpoint is kept beside the API's fields (API.md: ConnectSpec).
    assert_eq!(spec["configurations"][0]["endpoint"], "/app-1");
    spec["configurations"][0]
        .as_object_mut()
        .expect("object")
        .remove("endpoint");
    // Byte for byte the `configurations` of the API's ConnectorStaged example.
    let api: serde_json::Value = serde_json::from_str(r#"{"configurations": [{"applicationName": "app-1","applicationType": "service","standardConfiguration": [{"key": "CONFIG_KEY","description": "config key description","required": true,"default": "config default value"}],"securedConfiguration": [{"key": "CONFIG_SECRET_KEY","description": "config secret description","required": true}]}]}"#).expect("json");
    assert_eq!(spec, api);
}

#[test]
fn spec_carries_every_application_field_and_the_global_parts() {
    let text = "\
deployAs:
  - name: job
    applicationType: job
    endpoint: /job
    properties:
      schedule: '0 0 * * *'
    scripts:
      postDeploy: npm run post
  - name: ev
    applicationType: event
    endpoint: /
    healthCheck: {path: /health, intervalSeconds: 5}
    retryPolicy: {strategy: immediate}
  - name: assets
    applicationType: assets
inheritAs:
  configuration:
    securedConfiguration:
      - key: TOKEN
        description: token
  apiClient:
    scopes: [manage_orders]
";
    let spec = parse_connect_yaml(text).spec.expect("spec");
    assert_eq!(
        spec,
        json!({
            "configurations": [
                {"applicationName": "job", "applicationType": "job", "endpoint": "/job", "schedule": "0 0 * * *",
                 "scripts": {"postDeploy": "npm run post"}, "standardConfiguration": [], "securedConfiguration": []},
                {"applicationName": "ev", "applicationType": "event", "endpoint": "/", "healthCheck": {"path": "/health", "intervalSeconds": 5},
                 "retryPolicy": {"strategy": "immediate"}, "standardConfiguration": [], "securedConfiguration": []},
                {"applicationName": "assets", "applicationType": "assets", "standardConfiguration": [], "securedConfiguration": []}
            ],
            "globalConfiguration": {"standardConfiguration": [], "securedConfiguration": [{"key": "TOKEN", "description": "token", "required": false}]},
            "apiClient": {"scopes": ["manage_orders"]}
        })
    );
}

#[test]
fn spec_is_present_when_rules_fail_and_null_when_unreadable() {
    let failing =
        parse_connect_yaml("deployAs:\n  - name: s\n    applicationType: service\n    endpoint: /a b\n    extra: 1\n");
    assert!(!failing.report.valid());
    assert_eq!(failing.spec.expect("spec")["configurations"][0]["applicationName"], "s");
    for unreadable in [
        "deployAs: [",
        "- a\n- b\n",
        "inheritAs: {}\n",
        "deployAs:\n",
        "",
        "deployAs: 5\n",
    ] {
        let parsed = parse_connect_yaml(unreadable);
        assert!(parsed.spec.is_none(), "{unreadable:?}");
        assert!(!parsed.report.valid(), "{unreadable:?}");
    }
}

fn timed(what: &str, text: &str) -> Report {
    let start = std::time::Instant::now();
    let report = validate_connect_yaml(text);
    eprintln!("{what}: {} bytes in {:?}", text.len(), start.elapsed());
    assert_eq!(report.valid(), report.errors.is_empty());
    assert!(report.issues().all(|i| i.line.is_some()));
    report
}

fn alias_bomb() -> String {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    let names: Vec<char> = "abcdefghi".chars().collect();
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(", ");
        text.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    text.push_str("deployAs: []\n");
    text
}

/// A large but well-formed connect.yaml: `apps` service applications with 20 keys each.
pub fn generated(apps: usize) -> String {
    let mut text = String::from("deployAs:\n");
    for i in 0..apps {
        text.push_str(&format!("  - name: app-{i}\n    applicationType: service\n    endpoint: /app-{i}\n    configuration:\n      standardConfiguration:\n"));
        for k in 0..20 {
            text.push_str(&format!(
                "        - key: KEY_{k}\n          description: the key number {k}\n          required: true\n"
            ));
        }
    }
    text
}

#[test]
fn hostile_yaml_returns_reports() {
    let report = timed("alias bomb", &alias_bomb());
    assert_eq!(report.errors[0].code, Code::InvalidYaml);
    let report = timed(
        "10,000 nested block sequences",
        &format!("deployAs:\n{}1\n", "- ".repeat(10_000)),
    );
    assert_eq!(report.errors[0].code, Code::InvalidYaml);
    let report = timed(
        "10,000 nested flow sequences",
        &format!("deployAs: {}", "[".repeat(10_000)),
    );
    assert_eq!(report.errors[0].code, Code::InvalidYaml);
    let report = timed(
        "10,000 nested mappings",
        &format!("deployAs: {}", "{a: ".repeat(10_000)),
    );
    assert_eq!(report.errors[0].code, Code::InvalidYaml);
    let big = generated(1_400);
    assert!(big.len() > 2_000_000);
    assert!(timed("2 MB connect.yaml", &big).valid());
    // Over the node budget (crate::budget::MAX_NODES): refused with a report that says so.
    let huge = format!("deployAs: []\nx:\n{}", "- 0\n".repeat(300_000));
    let report = timed("1.2 MB connect.yaml, 300,000 values", &huge);
    assert_eq!(report.errors.len(), 1);
    assert!(
        report.errors[0].message.contains("more than 250000 values"),
        "{}",
        report.errors[0].message
    );
    // Aliases by bytes: one 700 KB scalar aliased 100 times is 70 MB of text.
    let scalar = "x".repeat(700_000);
    let aliased = format!(
        "deployAs: []
a: &a \"{scalar}\"
b: [{}]
",
        vec!["*a"; 100].join(", ")
    );
    let report = timed("a 700 KB scalar aliased 100 times", &aliased);
    assert!(
        report.errors[0].message.contains("too much text"),
        "{}",
        report.errors[0].message
    );
    // Over the input budget: refused before it is read.
    let report = timed("11 MB of text", &"#".repeat(11 * 1024 * 1024));
    assert!(
        report.errors[0].message.contains("the limit is 5242880 bytes"),
        "{}",
        report.errors[0].message
    );
    let long = format!(
        "deployAs:\n  - name: s1\n    applicationType: service\n    endpoint: /{}\n",
        "a".repeat(1_000_000)
    );
    assert!(timed("a 1 MB scalar", &long).valid());
    let long_bad = format!(
        "deployAs:\n  - name: s1\n    applicationType: service\n    endpoint: /{}.\n",
        "a".repeat(1_000_000)
    );
    let report = timed("a 1 MB invalid endpoint", &long_bad);
    assert!(report.errors[0].message.len() < 500, "messages cut long values");
    let wide_flow = format!("deployAs: []\nx: [{}]\n", vec!["1"; 500_000].join(","));
    assert!(!timed("a 1 MB flow sequence", &wide_flow).valid());
    let many_keys = format!(
        "deployAs: []\nx:\n{}",
        (0..100_000).map(|i| format!("  k{i}: {i}\n")).collect::<String>()
    );
    assert!(!timed("100,000 keys in one mapping", &many_keys).valid());
    let endpoint = format!(
        "deployAs:\n  - name: s1\n    applicationType: service\n    endpoint: /{}.\n",
        "a".repeat(28)
    );
    assert!(!timed("the official regex's pathological endpoint", &endpoint).valid());
}
