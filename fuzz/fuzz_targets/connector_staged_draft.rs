//! validateConnectorStagedDraft, the payload as text and as a value, then with the sentinel
//! planted in every securedConfiguration member. The function takes no context: the context
//! byte is read (the corpus has one layout for every target) and otherwise ignored.
#![no_main]

mod common;

use common::Input;
use connect_preflight::validate_connector_staged_draft;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(input) = Input::parse(data) else {
        return;
    };
    common::fuzz_report_function(&input, false, |p| validate_connector_staged_draft(p));
});
