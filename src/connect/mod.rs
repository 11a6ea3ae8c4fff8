//! commercetools Connect: connect.yaml, the DeploymentDraft and redeploy, the ConnectorStaged
//! and its update actions, the context they are checked against, and the status machines.
//!
//! From the bottom: the vocabulary (`identifiers`, `enums`, `cron`, `secrets`), the context
//! (`context`: a connector from connect.yaml or JSON), then one module per payload.

pub(crate) mod connect_yaml;
pub(crate) mod connector_actions;
pub(crate) mod connector_staged;
pub(crate) mod connector_update;
pub(crate) mod context;
pub(crate) mod cron;
pub(crate) mod deployment;
pub(crate) mod draft_builder;
#[cfg(feature = "draft-fast-path")]
pub(crate) mod draft_fast;
pub(crate) mod draft_rules;
pub(crate) mod enums;
pub(crate) mod identifiers;
pub(crate) mod machines;
pub(crate) mod properties;
pub(crate) mod secrets;
