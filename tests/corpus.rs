//! Every connect.yaml of ../shared/corpus/connect-yaml gets the official validator's verdict
//! recorded in its SOURCES.md (when the folder is there; CI has it beside the clone), and the
//! failing ones fail for the reason SOURCES.md gives.
#![cfg(not(target_arch = "wasm32"))]

use connect_preflight::{parse_connect_yaml, Code};
use std::path::Path;

/// The reason each failing file fails, as the code we must report for it.
const EXPECTED_FAILURES: &[(&str, Code)] = &[
    (
        "PayDock__e-commerce-commercetools-payment-connector__connect.yaml",
        Code::NotAllowedForApplicationType,
    ),
    (
        "Relewise__relewise-integrations-commercetools-connect__connect__at-35ebfdf.yaml",
        Code::NotAllowedForApplicationType,
    ),
    (
        "commercetools-demo__contentools__connect__at-02228a8.yaml",
        Code::UnknownField,
    ),
    (
        "commercetools__connect-application-kit__application-templates_typescript_connect__at-ae5e0c0.yaml",
        Code::LegacyConnectYamlFormat,
    ),
    (
        "commercetools__connect-application-kit__application-templates_typescript_connect__at-d5c6249.yaml",
        Code::LegacyConnectYamlFormat,
    ),
    (
        "fulfillmenttools__commercetools-connector__connect__at-b55ae50.yaml",
        Code::InvalidField,
    ),
    (
        "mediaopt__paypal-commercetools-connector__connect__at-6202147.yaml",
        Code::NotAllowedForApplicationType,
    ),
];

#[test]
fn corpus_verdicts_match_sources_md() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/connect-yaml");
    // Missing is a failure, not a skip: a green run must have checked the corpus.
    let sources = std::fs::read_to_string(dir.join("SOURCES.md")).unwrap_or_else(|e| {
        panic!(
            "the corpus is not at {} ({e}): clone ../shared beside the project",
            dir.display()
        )
    });
    let mut checked = 0;
    let mut failures = Vec::new();
    for row in sources.lines().filter(|l| l.starts_with("| ") && l.contains(".yaml |")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (file, verdict) = (cells[1], cells[6]);
        let text = std::fs::read_to_string(dir.join(file)).expect("corpus file");
        let parsed = parse_connect_yaml(&text);
        let report = &parsed.report;
        checked += 1;
        let summary: Vec<String> = report
            .errors
            .iter()
            .map(|i| {
                format!(
                    "{}:{} {} {} {}",
                    i.line.unwrap_or(0),
                    i.column.unwrap_or(0),
                    i.code.as_str(),
                    i.path,
                    i.message
                )
            })
            .collect();
        match verdict {
            "OK" if !report.valid() => failures.push(format!(
                "{file}: official OK, ours invalid:\n  {}",
                summary.join("\n  ")
            )),
            "FAIL" if report.valid() => failures.push(format!("{file}: official FAIL, ours valid")),
            "FAIL" => {
                let expected = EXPECTED_FAILURES.iter().find(|(f, _)| *f == file).map(|(_, c)| *c);
                if !expected.is_some_and(|code| report.errors.iter().any(|i| i.code == code)) {
                    failures.push(format!(
                        "{file}: expected {expected:?} among:\n  {}",
                        summary.join("\n  ")
                    ));
                }
            }
            _ => {}
        }
        if parsed.spec.is_none() {
            failures.push(format!("{file}: no spec"));
        }
        assert!(
            report.issues().all(|i| i.line.is_some() && i.column.is_some()),
            "{file}: an issue without a position"
        );
    }
    assert_eq!(checked, 37, "SOURCES.md rows read");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
