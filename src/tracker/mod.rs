//! The deployment tracker (`/api/v1/deployments`, seed 004, API.md §4): the record a
//! deployment is recorded with, its status update, the list query, and the `/matrix` and
//! `/latest` views computed from records. Its status machine is stated here.

pub(crate) mod query;
pub(crate) mod records;
pub(crate) mod views;

use crate::report::codes::Code;
use crate::report::machine::Machine;

/// The statuses of a tracker deployment (seed 004), in its order.
pub(crate) const STATUSES: &[&str] = &["pending", "in_progress", "succeeded", "failed", "rolled_back"];

/// The deployment tracker's records (API.md §4, exactly as specified there).
pub const TRACKER_DEPLOYMENT: Machine = Machine {
    name: "trackerDeployment",
    states: STATUSES,
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
