//! The deployment tracker (`/api/v1/deployments`, API.md §4). Its payload checks arrive with
//! issue 13; its status machine is stated here.

use crate::report::codes::Code;
use crate::report::machine::Machine;

/// The deployment tracker's records (API.md §4, exactly as specified there).
pub const TRACKER_DEPLOYMENT: Machine = Machine {
    name: "trackerDeployment",
    states: &["pending", "in_progress", "succeeded", "failed", "rolled_back"],
    transitions: &[
        ("pending", &["in_progress", "failed"]),
        ("in_progress", &["succeeded", "failed"]),
        ("succeeded", &["rolled_back"]),
        ("failed", &["pending"]),
        ("rolled_back", &["pending"]),
    ],
    code: Code::InvalidStatusTransition,
    refusals: &[],
};
