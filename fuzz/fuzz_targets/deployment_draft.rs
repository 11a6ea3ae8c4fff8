//! validateDeploymentDraft with every kind of context (none, connect.yaml, Connector,
//! Deployment, ConnectorStaged), the payload as text and as a value; then with the sentinel
//! planted in every securedConfiguration (and, when the context declares `API_SECRET`
//! secured, in every standardConfiguration).
#![no_main]

mod common;

use common::Input;
use connect_preflight::validate_deployment_draft_with;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(input) = Input::parse(data) else {
        return;
    };
    let Some(context) = input.context() else {
        return;
    };
    common::fuzz_report_function(&input, input.context_declares_secret(), |p| validate_deployment_draft_with(p, &context));
});
