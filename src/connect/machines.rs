//! The status machines of Connect (API.md §4), from the status descriptions of the API
//! reference. A redeploy is the move to `Queued`: the statuses it starts from are this table's.

use crate::report::codes::Code;
use crate::report::machine::Machine;

/// A Connect Deployment (`DeploymentStatus`), from the status descriptions of the API
/// reference: a draft or a redeploy is queued, then deploys, and succeeds or fails; a
/// delete undeploys (a deleted Deployment has no status), which may fail. A redeploy
/// starts only from Draft, Deployed, Failed or UndeployFailed (DeploymentRedeployAction).
pub const CONNECT_DEPLOYMENT: Machine = Machine {
    name: "connectDeployment",
    states: crate::connect::enums::DEPLOYMENT_STATUSES,
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
    states: crate::connect::enums::CONNECTOR_STATUSES,
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
    states: crate::connect::enums::PREVIEWABLE_STATES,
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
