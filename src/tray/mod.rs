//! Tray.io CDK deployments (seed 002, connect-domain.md §5): `connector.json`, the Deployments
//! API's paths, its deploy request and its response, and the `trayDeployment` machine.

pub(crate) mod connector;
pub(crate) mod deployments;

use crate::report::codes::Code;
use crate::report::machine::Machine;

/// A Tray CDK deployment (seed 002's `deploymentStatus`; case-sensitive): it is in progress,
/// then deployed or failed, and never moves again (a new deploy is a new deployment).
pub const TRAY_DEPLOYMENT: Machine = Machine {
    name: "trayDeployment",
    states: &["Deploying", "Deployed", "Failed"],
    transitions: &[
        ("Deploying", &["Deployed", "Failed"]),
        ("Deployed", &[]),
        ("Failed", &[]),
    ],
    code: Code::InvalidStatusTransition,
    refusals: &[],
};
