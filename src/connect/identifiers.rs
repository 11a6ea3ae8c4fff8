//! Identifiers used across the Connect API: resource keys and project identifiers.

use crate::connect::enums::REGIONS;
use crate::report::checker::{Checker, Echo};
use crate::report::codes::Code;
use crate::report::{Issue, Loc, Report};
use serde_json::Value;

/// Checks a resource key (Deployment, Connector, applicationName): 2..256 of `[A-Za-z0-9_-]`.
///
/// ```
/// assert!(connect_preflight::validate_key("my-deployment").valid());
/// assert!(!connect_preflight::validate_key("my deployment").valid());
/// ```
pub fn validate_key(key: &str) -> Report {
    validate_key_value(&Value::String(key.to_owned()))
}

/// [`validate_key`] for a value of any JSON type (a non-string is an `InvalidField`).
pub fn validate_key_value(value: &Value) -> Report {
    let mut c = Checker::default();
    c.key(value, "".into(), "key");
    c.finish()
}

/// Checks a ProjectIdentifier, `"{region}:{projectKey}"`, against the API's pattern
/// `^[a-zA-Z0-9-_.]+:[a-zA-Z0-9-_]{2,36}$`; a region part that is not a Connect region is a
/// warning (the pattern accepts it, but no project can match it).
///
/// ```
/// assert!(connect_preflight::validate_project_identifier("europe-west1.gcp:my-project").valid());
/// assert!(!connect_preflight::validate_project_identifier("my-project:europe-west1.gcp").valid());
/// ```
pub fn validate_project_identifier(identifier: &str) -> Report {
    validate_project_identifier_value(&Value::String(identifier.to_owned()))
}

/// [`validate_project_identifier`] for a value of any JSON type.
pub fn validate_project_identifier_value(value: &Value) -> Report {
    let mut c = Checker::default();
    check_project_identifier(&mut c, value, Loc::At(""), "projectIdentifier");
    c.finish()
}

/// A ProjectIdentifier at `at`: `InvalidField` unless it matches the pattern; a warning when
/// its region part is not a Connect region.
pub(crate) fn check_project_identifier(c: &mut Checker, value: &Value, at: Loc<'_>, field: &str) {
    let Some(s) = c.string(value, at, field, Echo::Yes) else {
        return;
    };
    if let Some(problem) = project_identifier_problem(s) {
        c.invalid(at, field, value, problem, Echo::Yes);
        return;
    }
    let region = s.split(':').next().unwrap_or_default();
    if !has_connect_region(s) {
        c.warning(
            Issue::new(
                Code::InvalidField,
                at.pointer(),
                format!(
                    "Region '{region}' of the project identifier is not a Connect region ({}).",
                    REGIONS.join(", ")
                ),
            )
            .param("field", field)
            .param("invalidValue", region)
            .param("allowedValues", REGIONS.to_vec()),
        );
    }
}

/// Whether a project identifier is clean: well formed, and its region a Connect region.
#[cfg(any(test, feature = "draft-fast-path"))]
pub(crate) fn is_clean_project_identifier(s: &str) -> bool {
    project_identifier_problem(s).is_none() && has_connect_region(s)
}

/// Whether the region part (before the `:`) is one of Connect's (else a warning).
fn has_connect_region(s: &str) -> bool {
    REGIONS.contains(&s.split(':').next().unwrap_or_default())
}

fn project_identifier_problem(s: &str) -> Option<&'static str> {
    let Some((region, project_key)) = s.split_once(':') else {
        return Some("must have the form '{region}:{projectKey}', e.g. 'europe-west1.gcp:my-project'");
    };
    let region_ok = !region.is_empty()
        && region
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let key_ok = (2..=36).contains(&project_key.len())
        && project_key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
    if !region_ok {
        Some("must start with a region of letters, digits, '-', '_' or '.' before the ':'")
    } else if !key_ok {
        Some("must end with a project key of 2 to 36 letters, digits, '-' or '_' after the ':'")
    } else {
        None
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn project_identifiers() {
        assert!(validate_project_identifier("europe-west1.gcp:my-project-key").valid());
        assert!(validate_project_identifier("us-east-2.aws:ab").valid());
        let r = validate_project_identifier("mars-1.gcp:abc");
        assert!(r.valid() && r.warnings.len() == 1);
        for bad in [
            "",
            ":abc",
            "europe-west1.gcp:",
            "europe-west1.gcp:a",
            "eu:a:b",
            "eu:my project",
            &format!("eu:{}", "a".repeat(37)),
        ] {
            assert!(!validate_project_identifier(bad).valid(), "{bad}");
        }
        assert!(!validate_project_identifier_value(&serde_json::json!(5)).valid());
    }
}
