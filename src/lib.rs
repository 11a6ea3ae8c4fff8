//! # connect-preflight
//!
//! Checks and builds deployment payloads *before* they reach an API, and answers with the
//! API's own error codes. Every check returns a [`Report`]: `valid`, `errors`, `warnings`,
//! each [`Issue`] with a stable [`Code`], a message, a JSON Pointer `path` and, for text
//! input, a `line` and `column` (UTF-16 units, as JS editors count).
//!
//! ```
//! use connect_preflight::{validate_deployment_draft, Code};
//!
//! let report = validate_deployment_draft(r#"{"connector": {"key": "my-connector"},
//!     "region": "europe-west1", "configurations": []}"#);
//! assert!(!report.valid());
//! let issue = &report.errors[0];
//! assert_eq!(issue.code, Code::InvalidField);
//! assert_eq!(issue.path, "/region");
//! assert_eq!((issue.line, issue.column), (Some(2), Some(15)));
//! ```
//!
//! Payloads are JSON text (`&str`) or a parsed [`serde_json::Value`]; see [`Payload`].
//! The same functions are exported to JavaScript (camelCase) by the npm package
//! `connect-preflight`; the bindings live in one module compiled for wasm32 only.

// The layout (docs/decisions.md, "How the code is organised"): the shared report machinery
// at the bottom, the YAML reader beside it, one folder per system above them, the machine
// registry and the bindings on top.
mod connect;
#[cfg(test)]
mod fast_path_tests;
/// Hit rates of the property tests, shared with the integration tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/common/hits.rs"]
mod hits;
mod machines;
pub mod report;
mod tracker;
mod tray;
mod yaml;

pub use report::{budget, codes};

#[cfg(target_arch = "wasm32")]
pub mod bindings;

pub use connect::connect_yaml::{
    connect_yaml_schema, parse_connect_yaml, validate_connect_yaml, ParsedConnectYaml, APPLICATION_TYPES,
};
pub use connect::connector_staged::{validate_connector_staged_draft, validate_connector_update};
pub use connect::connector_update::{apply_connector_update, build_connector_update_actions, AppliedUpdate};
pub use connect::context::Context;
pub use connect::deployment::{
    can_redeploy, validate_deployment_draft, validate_deployment_draft_with, validate_deployment_update,
};
pub use connect::draft_builder::{build_deployment_draft, BuiltDraft};
pub use connect::enums::{
    CONNECTOR_STATUSES, DEPLOYMENT_STATUSES, DEPLOYMENT_TYPES, INTEGRATION_TYPES, PREVIEWABLE_STATES, REGIONS,
};
pub use connect::identifiers::{
    validate_key, validate_key_value, validate_project_identifier, validate_project_identifier_value,
};
pub use machines::{
    allowed_transitions, check_transition, Machine, CONNECTOR_PREVIEWABLE, CONNECTOR_STAGED, CONNECT_DEPLOYMENT,
    MACHINES, TRACKER_DEPLOYMENT, TRAY_DEPLOYMENT,
};
pub use report::codes::{error_catalog, CatalogEntry, Code, Origin, System};
pub use report::error_response::{error_response_from_report_json, to_error_response};
pub use report::json_text::Payload;
pub use report::{Issue, Report};
pub use tracker::query::{normalize_tracker_query, QueryInput, TrackerQuery};
pub use tracker::records::{validate_tracker_deployment, validate_tracker_status_update};
pub use tracker::views::{tracker_latest, tracker_matrix, TrackerLatest, TrackerMatrix};
pub use tray::connector::validate_tray_connector;
pub use tray::deployments::{
    tray_deploy_path, tray_status_path, validate_tray_deploy_request, validate_tray_deployment_response, TrayPath,
};
