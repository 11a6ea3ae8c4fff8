//! buildDeploymentDraft with every kind of source (none, connect.yaml text, Connector,
//! `{ deployment }`, ConnectorStaged), the input as text and as a value; then with the
//! sentinel planted in every securedConfiguration and, when the source declares `API_SECRET`
//! secured, as its value in every application of `values` and in `globalValues`. Only the
//! report is held to the secret rule: the built draft carries the values (API.md §3).
#![no_main]

mod common;

use common::{check_report, Input};
use connect_preflight::build_deployment_draft;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(input) = Input::parse(data) else {
        return;
    };
    let Some(source) = input.source() else {
        return;
    };
    let built: Vec<_> = input
        .payloads()
        .into_iter()
        .map(|p| build_deployment_draft(p, &source))
        .collect();
    for b in &built {
        check_report(&b.report);
        assert!(
            b.draft.as_ref().is_none_or(|d| d.is_object()),
            "a built draft that is not an object"
        );
    }
    if let [from_text, from_value] = built.as_slice() {
        common::assert_same_issues(&from_text.report, &from_value.report);
        assert_eq!(
            from_text.draft, from_value.draft,
            "the input as text and as a value build different drafts"
        );
    }
    if let Some(value) = &input.value {
        let mut variants = common::planted(value, false);
        if input.source_declares_secret() {
            variants.extend(common::planted_values(value));
        }
        let baselines: Vec<_> = built.iter().map(|b| &b.report).collect();
        common::check_planted(&input, &baselines, &variants, |p| build_deployment_draft(p, &source).report);
    }
});
