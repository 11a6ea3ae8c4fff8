//! validateDeploymentDraft with every kind of context (none, connect.yaml, Connector,
//! Deployment, ConnectorStaged), the payload as text and as a value; then with the sentinel
//! planted in every securedConfiguration (and, when the context declares `API_SECRET`
//! secured, in every standardConfiguration).
#![no_main]

mod common;

use common::{check_report, Input};
use connect_preflight::validate_deployment_draft_with;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(input) = Input::parse(data) else {
        return;
    };
    let Some(context) = input.context() else {
        return;
    };
    let reports: Vec<_> = input
        .payloads()
        .into_iter()
        .map(|p| validate_deployment_draft_with(p, &context))
        .collect();
    for report in &reports {
        check_report(report);
    }
    if let [from_text, from_value] = reports.as_slice() {
        common::assert_same_issues(from_text, from_value);
    }
    if let Some(value) = &input.value {
        let variants = common::planted(value, input.context_declares_secret());
        let baselines: Vec<_> = reports.iter().collect();
        common::check_planted(&input, &baselines, &variants, |p| {
            validate_deployment_draft_with(p, &context)
        });
    }
});
