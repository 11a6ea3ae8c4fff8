//! The status machines (API.md §4): which status may follow which. One table per machine;
//! `checkTransition` and `allowedTransitions` read them, and the README shows them.

use crate::checks::Checker;
use crate::codes::Code;
use crate::report::{Issue, Report};
use serde_json::Value;

/// A status machine: its states and, for each, the states it may move to.
pub struct Machine {
    /// The name `checkTransition` takes.
    pub name: &'static str,
    /// Every state, in the order the API lists them.
    pub states: &'static [&'static str],
    /// `(from, [to, ...])` for every state.
    pub transitions: &'static [(&'static str, &'static [&'static str])],
    /// The code of a transition the machine does not have.
    code: Code,
    /// Transitions the API refuses with a code and words of its own: `(from, to, code, message)`.
    refusals: &'static [(&'static str, &'static str, Code, &'static str)],
}

/// A Connect Deployment (`DeploymentStatus`), from the status descriptions of the API
/// reference: a draft or a redeploy is queued, then deploys, and succeeds or fails; a
/// delete undeploys (a deleted Deployment has no status), which may fail. A redeploy
/// starts only from Draft, Deployed, Failed or UndeployFailed (DeploymentRedeployAction).
pub const CONNECT_DEPLOYMENT: Machine = Machine {
    name: "connectDeployment",
    states: crate::enums::DEPLOYMENT_STATUSES,
    transitions: &[
        ("Draft", &["Queued"]),
        ("Queued", &["Deploying"]),
        ("Deploying", &["Deployed", "Failed"]),
        ("Deployed", &["Queued", "Undeploying"]),
        ("Failed", &["Queued", "Undeploying"]),
        ("Undeploying", &["UndeployFailed"]),
        ("UndeployFailed", &["Queued", "Undeploying"]),
    ],
    code: Code::DeploymentInvalidStatusTransition,
    // The API's own words for a redeploy of a busy Deployment.
    refusals: &[
        (
            "Queued",
            "Queued",
            Code::DeploymentInvalidStatusTransition,
            "Invalid status change: Already queued.",
        ),
        (
            "Deploying",
            "Queued",
            Code::DeploymentInvalidStatusTransition,
            "Invalid status change: Already deploying.",
        ),
        (
            "Undeploying",
            "Queued",
            Code::DeploymentInvalidStatusTransition,
            "Invalid status change: Already undeploying.",
        ),
    ],
};

/// A ConnectorStaged (`ConnectorStatus`), from the status descriptions of the API reference:
/// `publish` starts processing; with `certification: true` a processed connector becomes ready
/// for certification, then is certified (Published) or not (Failed); without, it is Published
/// or Failed directly. A published or failed connector may be published again.
pub const CONNECTOR_STAGED: Machine = Machine {
    name: "connectorStaged",
    states: crate::enums::CONNECTOR_STATUSES,
    transitions: &[
        ("Draft", &["Processing"]),
        ("Processing", &["ReadyForCertification", "Published", "Failed"]),
        ("ReadyForCertification", &["InCertification"]),
        ("InCertification", &["Published", "Failed"]),
        ("Published", &["Processing"]),
        ("Failed", &["Processing"]),
    ],
    code: Code::InvalidStatusTransition,
    refusals: &[(
        "InCertification",
        "Processing",
        Code::ConnectorStagedInCertification,
        "The ConnectorStaged is already in certification: it cannot be published again until certification ends.",
    )],
};

/// A ConnectorStaged's `isPreviewable` (a string, not a boolean): `updatePreviewable` makes it
/// `pending`; validation makes it `true` or `false`; either may be requested again.
pub const CONNECTOR_PREVIEWABLE: Machine = Machine {
    name: "connectorPreviewable",
    states: crate::enums::PREVIEWABLE_STATES,
    transitions: &[
        ("none", &["pending"]),
        ("pending", &["true", "false"]),
        ("true", &["pending"]),
        ("false", &["pending"]),
    ],
    code: Code::InvalidStatusTransition,
    refusals: &[(
        "pending",
        "pending",
        Code::ConnectorStagedPreviewRequestUnderProcess,
        "A preview request for the ConnectorStaged is already in progress.",
    )],
};

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

/// Every machine, by name.
pub const MACHINES: &[&Machine] = &[
    &CONNECT_DEPLOYMENT,
    &CONNECTOR_STAGED,
    &CONNECTOR_PREVIEWABLE,
    &TRACKER_DEPLOYMENT,
];

fn machine(name: &str) -> Result<&'static Machine, String> {
    MACHINES.iter().copied().find(|m| m.name == name).ok_or_else(|| {
        let names: Vec<&str> = MACHINES.iter().map(|m| m.name).collect();
        format!(
            "unknown machine '{}'; the machines are {}",
            crate::budget::shown(name),
            names.join(", ")
        )
    })
}

impl Machine {
    /// The states `from` may move to (none for a state the machine does not have).
    pub fn allowed(&self, from: &str) -> &'static [&'static str] {
        self.transitions
            .iter()
            .find(|(state, _)| *state == from)
            .map_or(&[], |(_, to)| to)
    }
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
    let machine = machine(machine_name)?;
    let mut c = Checker::default();
    c.one_of(from, "/from".into(), "from", machine.states);
    c.one_of(to, "/to".into(), "to", machine.states);
    let (Some(from), Some(to)) = (from.as_str(), to.as_str()) else {
        return Ok(c.finish());
    };
    if !machine.states.contains(&from) || !machine.states.contains(&to) {
        return Ok(c.finish());
    }
    let allowed = machine.allowed(from);
    if !allowed.contains(&to) {
        let refusal = machine.refusals.iter().find(|r| r.0 == from && r.1 == to);
        let (code, message) = match refusal {
            Some(&(_, _, code, message)) => (code, message.to_owned()),
            None => (
                machine.code,
                format!(
                    "The status cannot change from {from} to {to}; from {from} it can change to {}.",
                    allowed.join(", ")
                ),
            ),
        };
        c.error(
            Issue::new(code, "/to", message)
                .param("from", from)
                .param("to", to)
                .param("allowedValues", allowed.to_vec()),
        );
    }
    Ok(c.finish())
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
        for status in crate::enums::DEPLOYMENT_STATUSES {
            let by_machine = CONNECT_DEPLOYMENT.allowed(status).contains(&"Queued");
            let by_rule = crate::deployment::can_redeploy(&Value::from(*status)).valid();
            // Queued → Queued is not a transition, but it is the "Already queued" refusal.
            assert_eq!(by_machine, by_rule, "{status}");
        }
    }
}
