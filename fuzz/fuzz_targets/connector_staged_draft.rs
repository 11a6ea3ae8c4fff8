//! validateConnectorStagedDraft, the payload as text and as a value, then with the sentinel
//! planted in every securedConfiguration member. The function takes no context: the context
//! byte is read (the corpus has one layout for every target) and otherwise ignored.
#![no_main]

mod common;

use common::{check_report, Input};
use connect_preflight::validate_connector_staged_draft;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(input) = Input::parse(data) else {
        return;
    };
    let reports: Vec<_> = input
        .payloads()
        .into_iter()
        .map(|p| validate_connector_staged_draft(p))
        .collect();
    for report in &reports {
        check_report(report);
    }
    if let [from_text, from_value] = reports.as_slice() {
        common::assert_same_issues(from_text, from_value);
    }
    if let Some(value) = &input.value {
        let variants = common::planted(value, false);
        let baselines: Vec<_> = reports.iter().collect();
        common::check_planted(&input, &baselines, &variants, |p| validate_connector_staged_draft(p));
    }
});
