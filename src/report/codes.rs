//! The one registry of issue codes.
//!
//! Every code's wire string, HTTP status, origin and message template is written here once.
//! `errorCatalog()`, the TypeScript `Code` union in `pkg-template/index.d.ts` and the table in
//! `docs/error-codes.md` are all derived from [`Code::ALL`]; the test `catalog_in_step` keeps
//! the committed files identical to what this registry renders.
//!
//! HTTP statuses follow the Connect API errors page: general errors by the status section they
//! are listed under, every Connect-specific error 400. Codes of our own (`origin: "preflight"`)
//! say 400 too: they describe a request the API would reject as a bad request.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// Who defines a code: the API (the exact wire code the server sends) or this library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A wire code of the Connect API or the commercetools platform API.
    Api,
    /// A code of connect-preflight's own, for a problem the API has no code for.
    Preflight,
}

impl Origin {
    /// `"api"` or `"preflight"`, as `errorCatalog()` reports it.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Api => "api",
            Origin::Preflight => "preflight",
        }
    }
}

/// Which API defines a code: the one whose wire code (or documented HTTP status) it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum System {
    /// commercetools (Connect and the platform's general errors).
    Connect,
    /// Tray.io's Deployments API (its documented HTTP statuses: it sends no codes).
    Tray,
    /// connect-preflight's own codes, used by every system.
    Any,
}

impl System {
    /// `"connect"` or `"tray"`, as `errorCatalog()` reports it; `None` for codes of every system.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            System::Connect => Some("connect"),
            System::Tray => Some("tray"),
            System::Any => None,
        }
    }
}

macro_rules! codes {
    ($( [$system:ident] $( $(#[$doc:meta])* $name:ident = ($status:literal, $origin:ident, $template:literal); )* )*) => {
        /// A stable, machine-readable issue code. The wire string is the variant's name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $( $(#[$doc])* $name, )* )*
        }

        impl Code {
            /// Every code, in catalog order.
            pub const ALL: &'static [Code] = &[$( $(Code::$name,)* )*];

            /// The wire string, e.g. `"DeploymentUnsupportedRegion"`.
            pub fn as_str(self) -> &'static str {
                match self { $( $(Code::$name => stringify!($name),)* )* }
            }

            /// The HTTP status the API answers with for this code.
            pub fn http_status(self) -> u16 {
                match self { $( $(Code::$name => $status,)* )* }
            }

            /// Whether the API or this library defines the code.
            pub fn origin(self) -> Origin {
                match self { $( $(Code::$name => Origin::$origin,)* )* }
            }

            /// The API whose code it is.
            pub fn system(self) -> System {
                match self { $( $(Code::$name => System::$system,)* )* }
            }

            /// The message template, with `$param` placeholders as the API documents them.
            pub fn message_template(self) -> &'static str {
                match self { $( $(Code::$name => $template,)* )* }
            }

            /// The `$params` the message template names, in order, once each: what an issue of
            /// this code carries (the TypeScript `IssueParams` are written from them).
            pub fn template_params(self) -> Vec<&'static str> {
                let mut params: Vec<&'static str> = Vec::new();
                for rest in self.message_template().split('$').skip(1) {
                    let name = rest.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
                    if !name.is_empty() && !params.contains(&name) {
                        params.push(name);
                    }
                }
                params
            }

            /// The code for a wire string, if it is one of ours.
            pub fn from_wire(s: &str) -> Option<Code> {
                match s { $( $(stringify!($name) => Some(Code::$name),)* )* _ => None }
            }
        }
    };
}

codes! {
    [Connect]
    // ---- Connect API: Connector and ConnectorStaged -------------------------------------
    ConnectorAlreadyCertified = (400, Api, "The ConnectorStaged is already certified.");
    ConnectorStagedInCertification = (400, Api, "The ConnectorStaged is already in certification.");
    ConnectorStagedNotPreviewable = (400, Api, "Connector id=$connectorId or key=$connectorKey with version $version is not previewable.");
    ConnectorStagedNotPrivate = (400, Api, "The ConnectorStaged is not private: private projects cannot be added or removed.");
    ConnectorStagedPreviewRequestUnderProcess = (400, Api, "A preview request for the ConnectorStaged is already in progress.");
    GitRepositoryNotReachable = (400, Api, "Repository with the tag is not reachable.");
    ConnectorSpecificationFileNotFound = (400, Api, "The file connect.yaml at $url with the tag $tag was not found.");
    ConnectorSpecificationFileNotValid = (400, Api, "The file connect.yaml at $url with the tag $tag is not valid.");
    ConnectorReferenceNotFound = (400, Api, "Connector '$identifier' with version $version not found.");
    // ---- Connect API: Deployments ---------------------------------------------------------
    DeploymentConnectorUpdateFailure = (400, Api, "Updating the Connector of the Deployment failed (cause: $cause).");
    DeploymentInvalidStatusTransition = (400, Api, "Invalid status change: Already $status.");
    DeploymentUnknownApplicationConfiguration = (400, Api, "Deployment does not require configuration for application named '$unknownApplicationName'.");
    DeploymentUnknownApplicationConfigurationKey = (400, Api, "Deployment does not require (secret|standard) configuration with key $configurationKey for application named $applicationName.");
    DeploymentUnsupportedRegion = (400, Api, "Deployment unsupported region $region.");
    DeploymentApplicationDoNotBelong = (400, Api, "Deployment with id=$id or key=$key does not include application: $applicationName.");
    DeploymentApplicationRequired = (400, Api, "A Deployment requires at least one application.");
    DeploymentUnknownGlobalConfigurationKey = (400, Api, "Deployment global configuration does not require (secret|standard) with key $configurationKey.");
    DeploymentMissingGlobalConfigurationKey = (400, Api, "Deployment global configuration requires (secret|standard) with key $configurationKey.");
    DeploymentEmptyRequiredGlobalConfigurationKey = (400, Api, "Deployment requires a non empty value for (secret|standard) global configuration with key $configurationKey.");
    DeploymentInvalidType = (400, Api, "The Connector cannot be deployed as a '$type' type. Only '$allowedTypes' types are allowed.");
    DeploymentProductionDeactivated = (400, Api, "Production deployments are deactivated for this Project.");
    DeploymentApplicationDoesNotExist = (400, Api, "The Deployment has no application named $applicationName.");
    DeploymentLogInvalidDate = (400, Api, "The date of the deployment logs query is invalid.");
    DeploymentLogInvalidPageToken = (400, Api, "The page token of the deployment logs query is invalid.");
    DeploymentLogMissingApplicationName = (400, Api, "The deployment logs query needs an applicationName.");
    /// Newer than the RAML snapshot: docs release of 23 Oct 2026.
    DeploymentInvalidRetryPolicy = (400, Api, "The retry policy of application $applicationName is invalid.");
    /// Newer than the RAML snapshot: docs release of 23 Oct 2026.
    DeploymentRetryPolicyOverrideNotAllowed = (400, Api, "A retry policy can only be set for event applications; $applicationName is not one.");
    // ---- General API errors ----------------------------------------------------------------
    ConcurrentModification = (409, Api, "Object $resourceId has a different version than expected. Expected: $expectedVersion - Actual: $currentVersion.");
    DuplicateField = (400, Api, "A duplicate value $duplicateValue exists for field $field.");
    FieldValueNotFound = (400, Api, "The value $value of field $field was not found.");
    InvalidJsonInput = (400, Api, "Request body does not contain valid JSON.");
    InvalidPathParam = (400, Api, "An invalid path parameter has been sent.");
    InvalidQueryParam = (400, Api, "An invalid query parameter has been sent.");
    ResourceNotFound = (404, Api, "The Resource with ID $resourceId was not found.");
    General = (500, Api, "An unexpected server error occurred.");
    BadGateway = (502, Api, "A downstream service did not answer in time.");
    AuthenticationError = (401, Api, "invalid_token");
    AuthorizationError = (403, Api, "Insufficient scope.");
    // ---- Platform API codes used for field rules ------------------------------------------
    RequiredField = (400, Api, "A value is required for field $field.");
    InvalidField = (400, Api, "The value $invalidValue is not valid for field $field.");
    InvalidInput = (400, Api, "The input is not valid.");
    InvalidOperation = (400, Api, "The operation is not allowed in the current state.");
    [Tray]
    // ---- Tray.io Deployments API: the documented HTTP statuses of both endpoints (seed 002;
    // the API sends no code, so these name the status for a client's message table) -----
    TrayInvalidInput = (400, Api, "Invalid input.");
    TrayUnauthorized = (401, Api, "Unauthorized - Verify the token validity.");
    TrayForbidden = (403, Api, "Forbidden.");
    TrayNotFound = (404, Api, "Not found.");
    TrayLimitExceeded = (429, Api, "Limit exceeded.");
    TrayInternal = (500, Api, "Internal error.");
    /// validateTrayDeploymentResponse (warning): `repeatDeployment: true`, a 200 whose deployment was skipped.
    TrayRepeatDeployment = (200, Preflight, "The deployment was skipped: deployment $id is already in progress for this connector.");
    [Any]
    // ---- connect-preflight's own codes ----------------------------------------------------
    InvalidYaml = (400, Preflight, "connect.yaml is not valid YAML: $detail.");
    UnknownField = (400, Preflight, "Unknown field $field.");
    DuplicateApplicationName = (400, Preflight, "Duplicate application name found: $applicationName.");
    DuplicateConfigurationKey = (400, Preflight, "Duplicate key found $configurationKey.");
    DuplicateGlobalConfigurationKey = (400, Preflight, "Duplicate global key found $configurationKey.");
    ReservedConfigurationKey = (400, Preflight, "Key \"$configurationKey\" is a reserved word.");
    NotAllowedForApplicationType = (400, Preflight, "Field $field is not allowed for applicationType $applicationType.");
    MissingMerchantCenterConfiguration = (400, Preflight, "Application $applicationName is missing $configurationKey configuration.");
    InvalidSchedule = (400, Preflight, "The schedule $invalidValue is not a valid cron expression.");
    LegacyConnectYamlFormat = (400, Preflight, "Field $field belongs to the pre-2023 connect.yaml format.");
    DeprecatedApplicationType = (400, Preflight, "applicationType mc-app is deprecated; use merchant-center-custom-application.");
    ProvidedConfigurationKey = (400, Preflight, "Connect provides $configurationKey itself; do not declare it.");
    DeploymentMissingApplicationConfigurationKey = (400, Preflight, "Deployment requires (secret|standard) configuration with key $configurationKey for application named $applicationName.");
    DeploymentEmptyRequiredApplicationConfigurationKey = (400, Preflight, "Deployment requires a non empty value for (secret|standard) configuration with key $configurationKey for application named $applicationName.");
    InvalidStatusTransition = (400, Preflight, "The status cannot change from $from to $to.");
    /// A private Connector that the deploying project is not one of the privateProjects of.
    ConnectorNotAvailableToProject = (400, Preflight, "The Connector is private and $projectIdentifier is not one of its privateProjects.");
    /// buildDeploymentDraft (warning): a value not given whose connect.yaml default applies.
    ConfigurationDefaultApplies = (400, Preflight, "$configurationKey is not given: its default applies.");
    /// The report reached its issue budget (docs/api-notes.md): the issue after the last kept one.
    TooManyIssues = (400, Preflight, "$omittedErrors more errors and $omittedWarnings more warnings were found and not listed.");
    /// The library itself failed on this input (a bug); the instance is replaced, the next call works.
    InternalError = (500, Preflight, "connect-preflight failed on this input; the module was restarted.");
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One row of the error catalog, as `errorCatalog()` returns it.
#[derive(Clone, Copy, Debug)]
pub struct CatalogEntry(pub Code);

impl Serialize for CatalogEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("code", self.0.as_str())?;
        map.serialize_entry("httpStatus", &self.0.http_status())?;
        map.serialize_entry("origin", self.0.origin().as_str())?;
        map.serialize_entry("system", &self.0.system().as_str())?;
        map.serialize_entry("message", self.0.message_template())?;
        map.end()
    }
}

/// Every code this library can emit and every documented API code.
pub fn error_catalog() -> Vec<CatalogEntry> {
    Code::ALL.iter().copied().map(CatalogEntry).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn wire_strings_round_trip_and_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for &code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate {}", code.as_str());
            assert_eq!(Code::from_wire(code.as_str()), Some(code));
            // InternalError is ours (API.md §5): not a wire code with a stray suffix.
            assert!(
                !code.as_str().ends_with("Error") || code.as_str().starts_with("Auth") || code == Code::InternalError
            );
        }
        assert_eq!(Code::from_wire("DeploymentApplicationRequiredError"), None);
    }

    #[test]
    fn catalog_has_the_seeded_api_codes() {
        // 36 codes of the API spec, 2 newer retry-policy codes, 4 platform codes, and the six
        // HTTP statuses of Tray's Deployments API.
        let api = Code::ALL.iter().filter(|c| c.origin() == Origin::Api).count();
        assert_eq!(api, 36 + 2 + 4 + 6);
        let tray: Vec<u16> = Code::ALL
            .iter()
            .filter(|c| c.system() == System::Tray && c.origin() == Origin::Api)
            .map(|c| c.http_status())
            .collect();
        assert_eq!(tray, [400, 401, 403, 404, 429, 500]);
        assert!(Code::ALL
            .iter()
            .all(|c| (c.origin() == Origin::Preflight) == (c.system() == System::Any) || c.system() == System::Tray));
        assert_eq!(Code::ConcurrentModification.http_status(), 409);
        assert_eq!(Code::ResourceNotFound.http_status(), 404);
        assert_eq!(
            Code::DeploymentMissingApplicationConfigurationKey.origin(),
            Origin::Preflight
        );
    }
}
