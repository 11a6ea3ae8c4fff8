//! The Connect API's enumerations (connect-domain.md §2.3, RAML @5867aa2).

/// `Region`: where a Deployment runs (AWS regions added 2026-05-27).
pub const REGIONS: &[&str] = &[
    "europe-west1.gcp",
    "us-central1.gcp",
    "australia-southeast1.gcp",
    "us-east-2.aws",
    "eu-central-1.aws",
];

/// `DeploymentType`.
pub const DEPLOYMENT_TYPES: &[&str] = &["preview", "sandbox", "production"];

/// `DeploymentStatus`.
pub const DEPLOYMENT_STATUSES: &[&str] = &[
    "Draft",
    "Queued",
    "Deploying",
    "Deployed",
    "Failed",
    "Undeploying",
    "UndeployFailed",
];

/// `IntegrationType` (`giftcard` added 2025-01-07).
pub const INTEGRATION_TYPES: &[&str] = &[
    "tax",
    "marketplace",
    "oms",
    "psp",
    "pim",
    "promotion",
    "search",
    "erp",
    "crm",
    "email",
    "analytics",
    "shipping",
    "giftcard",
    "other",
];

/// `ConnectorStatus`.
pub const CONNECTOR_STATUSES: &[&str] = &[
    "Draft",
    "Processing",
    "ReadyForCertification",
    "InCertification",
    "Published",
    "Failed",
];

/// `IsPreviewable`: a string enum, not a boolean.
pub const PREVIEWABLE_STATES: &[&str] = &["none", "pending", "true", "false"];
