//! The status machines by name (API.md §4): `checkTransition` and `allowedTransitions` read
//! them, and the README shows them. Each table lives with its system; the engine in
//! `report::machine`.

pub use crate::connect::machines::{CONNECTOR_PREVIEWABLE, CONNECTOR_STAGED, CONNECT_DEPLOYMENT};
pub use crate::report::machine::Machine;
use crate::report::Report;
pub use crate::tracker::TRACKER_DEPLOYMENT;
pub use crate::tray::TRAY_DEPLOYMENT;
use serde_json::Value;

/// Every machine, by name.
pub const MACHINES: &[&Machine] = &[
    &CONNECT_DEPLOYMENT,
    &CONNECTOR_STAGED,
    &CONNECTOR_PREVIEWABLE,
    &TRAY_DEPLOYMENT,
    &TRACKER_DEPLOYMENT,
];

fn machine(name: &str) -> Result<&'static Machine, String> {
    MACHINES.iter().copied().find(|m| m.name == name).ok_or_else(|| {
        let names: Vec<&str> = MACHINES.iter().map(|m| m.name).collect();
        format!(
            "unknown machine '{}'; the machines are {}",
            crate::report::budget::shown(name),
            names.join(", ")
        )
    })
}

/// Whether `machine` may move from `from` to `to`. `Err` for a machine name that does not
/// exist (API misuse); a state the machine does not have is an `InvalidField` issue.
///
/// ```
/// use connect_preflight::check_transition;
/// assert!(check_transition("connectDeployment", &"Failed".into(), &"Queued".into()).unwrap().valid());
/// let report = check_transition("connectDeployment", &"Deploying".into(), &"Queued".into()).unwrap();
/// assert_eq!(report.errors[0].message, "Invalid status change: Already deploying.");
/// ```
pub fn check_transition(machine_name: &str, from: &Value, to: &Value) -> Result<Report, String> {
    Ok(machine(machine_name)?.check(from, to))
}

/// The states `machine` may move to from `from`; empty for a state it does not have. `Err`
/// for a machine name that does not exist (API misuse).
pub fn allowed_transitions(machine_name: &str, from: &str) -> Result<Vec<&'static str>, String> {
    Ok(machine(machine_name)?.allowed(from).to_vec())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_closed_and_complete() {
        for machine in MACHINES {
            assert_eq!(machine.transitions.len(), machine.states.len(), "{}", machine.name);
            for (from, to) in machine.transitions {
                assert!(machine.states.contains(from), "{} {from}", machine.name);
                assert!(to.iter().all(|s| machine.states.contains(s)), "{} {from}", machine.name);
            }
        }
    }

    #[test]
    fn redeploy_edges_match_can_redeploy() {
        for status in crate::connect::enums::DEPLOYMENT_STATUSES {
            let by_machine = CONNECT_DEPLOYMENT.allowed(status).contains(&"Queued");
            let by_rule = crate::connect::deployment::can_redeploy(&Value::from(*status)).valid();
            // Queued → Queued is not a transition, but it is the "Already queued" refusal.
            assert_eq!(by_machine, by_rule, "{status}");
        }
    }
}
