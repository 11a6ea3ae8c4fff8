//! The Tray.io Deployments API (seed 002): the two paths, the deploy request's body and the
//! response both endpoints give. Each body is one table; the connector's name and version are
//! checked by connector.json's own rules (`connector`).

use crate::report::budget::shown;
use crate::report::checker::{did_you_mean, is_uuid, with_hint, Checker, Echo, Strictness};
use crate::report::codes::Code;
use crate::report::json_text::{check_payload, Payload};
use crate::report::table::{self, field, required, Field};
use crate::report::url::percent_encode;
use crate::report::{serialize_answer, Issue, Loc, Report};
use crate::tray::connector::{check_name, check_version, validate_tray_connector};
use serde_json::{Map, Value};

/// What a value of a deploy request or response must be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum DeployRule {
    /// Standard base64 of the connector's zip (`check_source_code`).
    SourceCode,
    /// A non-empty string.
    NonEmpty,
    /// A connector name, by connector.json's rule.
    Name,
    /// Any string.
    Text,
    /// `Deploying`, `Deployed` or `Failed` (the `trayDeployment` machine's states).
    Status,
    /// `repeatDeployment`: a boolean; `true` is a warning.
    Repeat,
}

/// The body of `POST …/deploy-connector-from-source`.
pub(crate) static DEPLOY_REQUEST: &[Field<DeployRule>] = &[required(
    "connectorSourceCode",
    DeployRule::SourceCode,
    " (the base64 of the connector's zip: tray-cdk deploy sends dist/connector.zip)",
)];

/// The 200 response of the deploy and of the status endpoint (seed 002's response schema and
/// samples: every sample has the four; `repeatDeployment` only the deploy response).
pub(crate) static DEPLOYMENT_RESPONSE: &[Field<DeployRule>] = &[
    required("id", DeployRule::NonEmpty, " (the deployment id)"),
    required(
        "deploymentStatus",
        DeployRule::Status,
        " (Deploying, Deployed or Failed)",
    ),
    required("connectorName", DeployRule::Name, ""),
    required("connectorVersion", DeployRule::Text, ""),
    field("repeatDeployment", DeployRule::Repeat),
];

/// The statuses of a Tray deployment, as the `trayDeployment` machine has them.
pub(crate) const STATUSES: &[&str] = &["Deploying", "Deployed", "Failed"];

/// A status the seed does not list but a public CDK deploy action treats as in progress
/// (docs/api-notes.md): accepted with a warning, read as `Deploying`.
const UNDOCUMENTED_IN_PROGRESS: &str = "Building";

/// A decoded zip smaller than this cannot hold a built connector (an empty zip is 22 bytes;
/// the CDK template's `dist/` zips to a few KB).
const SMALL_ZIP_BYTES: usize = 512;

/// `trayDeployPath` / `trayStatusPath`'s answer: the path (`None` when the report has errors)
/// and the report.
#[derive(Clone, Debug, PartialEq)]
pub struct TrayPath {
    pub path: Option<String>,
    pub report: Report,
}

serialize_answer!(TrayPath { "path" => path, "report" => report });

/// The deploy path for a connector: `/cdk/v1/deployments/connectors/{name}/versions/{version}/deploy-connector-from-source`.
///
/// ```
/// use serde_json::json;
/// let answer = connect_preflight::tray_deploy_path(&json!("acme-tmdb"), &json!("1.0"));
/// assert_eq!(answer.path.as_deref(), Some("/cdk/v1/deployments/connectors/acme-tmdb/versions/1.0/deploy-connector-from-source"));
/// assert_eq!(connect_preflight::tray_deploy_path(&json!("../x"), &json!("1.0")).path, None);
/// ```
pub fn tray_deploy_path(name: &Value, version: &Value) -> TrayPath {
    let mut c = Checker::default();
    let segments = connector_segments(&mut c, name, version);
    finish_path(
        c,
        segments.map(|(n, v)| format!("{}/deploy-connector-from-source", base(&n, &v))),
    )
}

/// The status path of one deployment: `/cdk/v1/deployments/connectors/{name}/versions/{version}/{id}`;
/// `id` is a deployment id (the deploy response's `id`) or `latest`.
///
/// ```
/// use serde_json::json;
/// let answer = connect_preflight::tray_status_path(&json!("acme-tmdb"), &json!("1.0"), &json!("latest"));
/// assert_eq!(answer.path.as_deref(), Some("/cdk/v1/deployments/connectors/acme-tmdb/versions/1.0/latest"));
/// ```
pub fn tray_status_path(name: &Value, version: &Value, id: &Value) -> TrayPath {
    let mut c = Checker::default();
    let segments = connector_segments(&mut c, name, version);
    let id = check_id(&mut c, id);
    let path = match (segments, id) {
        (Some((n, v)), Some(id)) => Some(format!("{}/{}", base(&n, &v), percent_encode(&id))),
        _ => None,
    };
    finish_path(c, path)
}

fn base(name: &str, version: &str) -> String {
    format!(
        "/cdk/v1/deployments/connectors/{}/versions/{}",
        percent_encode(name),
        percent_encode(version)
    )
}

fn finish_path(c: Checker, path: Option<String>) -> TrayPath {
    let report = c.finish();
    TrayPath {
        path: path.filter(|_| report.valid()),
        report,
    }
}

/// The name and the version as path segments: each must be a segment that cannot change the
/// path, then pass connector.json's rule.
fn connector_segments(c: &mut Checker, name: &Value, version: &Value) -> Option<(String, String)> {
    let errors = c.error_count();
    let name = segment(c, name, "name").inspect(|_| check_name(c, name, Loc::At("/name"), "name"));
    let version = segment(c, version, "version").inspect(|_| check_version(c, version, Loc::At("/version")));
    match (name, version) {
        (Some(n), Some(v)) if c.error_count() == errors => Some((n.to_owned(), v.to_owned())),
        _ => None,
    }
}

/// A string that is one path segment, or an `InvalidPathParam` issue.
fn segment<'v>(c: &mut Checker, value: &'v Value, name: &str) -> Option<&'v str> {
    let path = format!("/{name}");
    let s = c.string(value, Loc::At(&path), name, Echo::Yes)?;
    // First the length: only so much of a string argument is read, and a path built from part
    // of one (or judged by part of it) would name another resource.
    let problem = if s.encode_utf16().count() > crate::report::budget::MAX_PLAIN_UNITS {
        Some("is longer than 65,536 characters")
    } else if s.is_empty() {
        Some("is empty")
    } else if s == "." || s == ".." {
        Some("is a dot segment, which names another path")
    } else if s.contains('/') || s.contains('\\') {
        Some("holds a slash, which would change the path")
    } else if s.chars().any(char::is_control) {
        Some("holds a control character")
    } else {
        None
    };
    match problem {
        Some(problem) => {
            c.error(
                Issue::new(
                    Code::InvalidPathParam,
                    path.as_str(),
                    format!(
                        "The path parameter {name} {}; got {}.",
                        problem,
                        crate::report::checker::describe(value)
                    ),
                )
                .param("field", name)
                .param("invalidValue", s),
            );
            None
        }
        None => Some(s),
    }
}

/// A deployment id or `latest`; an id not shaped like the deploy response's (a UUID) is a
/// warning.
fn check_id(c: &mut Checker, value: &Value) -> Option<String> {
    let id = segment(c, value, "id")?;
    if id != "latest" && !is_uuid(id) {
        let issue = Issue::new(
            Code::InvalidPathParam,
            "/id",
            format!(
                "The id '{}' is not shaped like a deployment id (the deploy response's id, a UUID), nor 'latest': the status endpoint will likely answer 404.",
                shown(id)
            ),
        )
        .param("field", "id")
        .param("invalidValue", id);
        c.warning(with_hint(issue, did_you_mean(id, ["latest"].into_iter())));
    }
    Some(id.to_owned())
}

/// Checks the body of a deploy request; with `connector_json`, also that connector.json is
/// deployable (its issues carry `source: "connectorJson"`).
///
/// ```
/// use serde_json::json;
/// let report = connect_preflight::validate_tray_deploy_request(&json!({"connectorSourceCode": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="}), None);
/// assert!(report.valid());                                   // an empty zip: valid, with a warning
/// assert_eq!(report.warnings.len(), 1);
/// ```
pub fn validate_tray_deploy_request<'a>(body: impl Into<Payload<'a>>, connector_json: Option<Payload<'_>>) -> Report {
    let body = body.into();
    // Clean text needs no tree (docs/decisions.md, "Fast paths from the tables").
    let report = if crate::report::table_fast::is_clean_text(body, DEPLOY_REQUEST) {
        Report::default()
    } else {
        check_deploy_request(body)
    };
    match connector_json {
        Some(connector_json) => with_connector_issues(report, validate_tray_connector(connector_json)),
        None => report,
    }
}

fn check_deploy_request(body: Payload<'_>) -> Report {
    check_payload(body, |value| {
        let mut c = Checker::default();
        if let Some(body) = c.root_object(value, "A deploy request body") {
            check_body(&mut c, body, DEPLOY_REQUEST);
        }
        c.finish()
    })
}

/// A deploy request's report with connector.json's own issues (`own`) first, each marked
/// `source: "connectorJson"`, within one report's budget.
pub(crate) fn with_connector_issues(report: Report, mut own: Report) -> Report {
    for issue in own.issues_mut().filter(|i| i.code != Code::TooManyIssues) {
        issue.params.insert("source".into(), Value::from("connectorJson"));
    }
    let mut c = Checker::default();
    c.absorb(own);
    c.absorb(report);
    c.finish()
}

/// Checks the 200 response of the deploy or the status endpoint.
///
/// ```
/// use serde_json::json;
/// let response = json!({"id": "3c5e0000-0000-4000-8000-000000002387", "deploymentStatus": "Deploying", "connectorName": "acme-tmdb", "connectorVersion": "1.0", "repeatDeployment": true});
/// let report = connect_preflight::validate_tray_deployment_response(&response);
/// assert!(report.valid());
/// assert!(report.warnings[0].message.contains("skipped"));
/// ```
pub fn validate_tray_deployment_response<'a>(json: impl Into<Payload<'a>>) -> Report {
    let json = json.into();
    if crate::report::table_fast::is_clean_text(json, DEPLOYMENT_RESPONSE) {
        return Report::default();
    }
    check_payload(json, |value| {
        let mut c = Checker::default();
        if let Some(response) = c.root_object(value, "A deployment response") {
            check_body(&mut c, response, DEPLOYMENT_RESPONSE);
        }
        c.finish()
    })
}

fn check_body(c: &mut Checker, object: &Map<String, Value>, fields: &'static [Field<DeployRule>]) {
    table::check_fields(c, object, "", fields, |c, field, value| {
        let at = Loc::Field("", field.name);
        match field.rule {
            DeployRule::SourceCode => check_source_code(c, value),
            DeployRule::NonEmpty => c.non_empty_string(value, at, field.name, Echo::Yes),
            DeployRule::Name => check_name(c, value, at, field.name),
            DeployRule::Text => {
                c.string(value, at, field.name, Echo::Yes);
            }
            DeployRule::Status => check_status(c, value),
            DeployRule::Repeat => check_repeat(c, value, object),
        }
    });
    let why = if std::ptr::eq(fields, DEPLOY_REQUEST) {
        " The Deployments API reads only connectorSourceCode from the body."
    } else {
        ""
    };
    for name in object.keys().filter(|k| !fields.iter().any(|f| f.name == k.as_str())) {
        c.unknown_field(name, "", &table::names(fields), Strictness::Warn, why);
    }
}

fn check_status(c: &mut Checker, value: &Value) {
    if value.as_str() == Some(UNDOCUMENTED_IN_PROGRESS) {
        c.warning(
            Issue::new(
                Code::InvalidField,
                "/deploymentStatus",
                "deploymentStatus 'Building' is not one the API documents (Deploying, Deployed, Failed): treat it as Deploying, still in progress, and keep polling.",
            )
            .param("field", "deploymentStatus")
            .param("invalidValue", UNDOCUMENTED_IN_PROGRESS)
            .param("allowedValues", STATUSES.to_vec()),
        );
        return;
    }
    c.one_of(value, Loc::At("/deploymentStatus"), "deploymentStatus", STATUSES);
}

fn check_repeat(c: &mut Checker, value: &Value, response: &Map<String, Value>) {
    c.boolean(value, Loc::At("/repeatDeployment"), "repeatDeployment");
    if value.as_bool() == Some(true) {
        let id = response.get("id").and_then(Value::as_str).unwrap_or("the id above");
        c.warning(
            Issue::new(
                Code::TrayRepeatDeployment,
                "/repeatDeployment",
                format!(
                    "This deployment was skipped: one is already in progress for this connector. Poll that one ({}) rather than treating a different id as a failure.",
                    shown(id)
                ),
            )
            .param("field", "repeatDeployment")
            .param("id", id),
        );
    }
}

/// `connectorSourceCode`: a non-empty string of standard base64 (no line breaks, padded to a
/// multiple of 4); what it decodes to should be a zip of some size.
fn check_source_code(c: &mut Checker, value: &Value) {
    let at = Loc::At("/connectorSourceCode");
    let field = "connectorSourceCode";
    // The text is a zip: never echoed (a value of megabytes says nothing in a message).
    let Some(text) = c.string(value, at, field, Echo::Kind) else {
        return;
    };
    let problem = base64_problem(text);
    if let Some(problem) = problem {
        c.invalid(at, field, value, &problem, Echo::Kind);
        return;
    }
    let (size, zip) = decoded_zip(text);
    let issue = if !zip {
        Some(format!(
            "connectorSourceCode decodes to {size} bytes that are not a zip archive (a zip starts with PK): tray-cdk deploy sends the base64 of dist/connector.zip."
        ))
    } else if size < SMALL_ZIP_BYTES {
        Some(format!(
            "connectorSourceCode decodes to a zip of only {size} bytes: a built connector is larger; was it zipped before the build?"
        ))
    } else {
        None
    };
    if let Some(message) = issue {
        c.warning(
            Issue::new(Code::InvalidField, "/connectorSourceCode", message)
                .param("field", field)
                .param("decodedBytes", size),
        );
    }
}

/// What standard base64 decodes to: its size in bytes, and whether it starts as a zip does.
fn decoded_zip(text: &str) -> (usize, bool) {
    let pads = text.bytes().rev().take_while(|&b| b == b'=').count();
    let head = decode_head(text);
    (
        text.len() / 4 * 3 - pads,
        head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06"),
    )
}

/// A clean `connectorSourceCode` (no error, no warning): base64 of a zip of some size.
#[cfg(any(test, feature = "draft-fast-path"))]
fn is_clean_source_code(text: &str) -> bool {
    base64_problem(text).is_none() && matches!(decoded_zip(text), (size, true) if size >= SMALL_ZIP_BYTES)
}

/// What a clean value of each rule is, for the fast paths (`report::table_fast`).
#[cfg(any(test, feature = "draft-fast-path"))]
impl crate::report::table_fast::FastRule for DeployRule {
    fn clean(&self) -> crate::report::table_fast::Clean<DeployRule> {
        use crate::report::table_fast::Clean;
        match self {
            DeployRule::SourceCode => Clean::Text {
                test: is_clean_source_code,
                js: "isZipBase64",
            },
            DeployRule::NonEmpty => Clean::non_blank(),
            DeployRule::Name => Clean::Text {
                test: crate::tray::connector::is_clean_name,
                js: "isKebab",
            },
            DeployRule::Text => Clean::any_text(),
            DeployRule::Status => Clean::OneOf(STATUSES),
            DeployRule::Repeat => Clean::Bool(Some(false)), // true: a skipped deployment, a warning
        }
    }
}

#[cfg(test)]
pub(crate) fn js_filter_request() -> String {
    crate::report::table_fast::js_filter("isCleanTrayDeployRequest", &[DEPLOY_REQUEST])
}

#[cfg(test)]
pub(crate) fn js_filter_response() -> String {
    crate::report::table_fast::js_filter("isCleanTrayDeploymentResponse", &[DEPLOYMENT_RESPONSE])
}

/// Why `text` is not standard, unwrapped, padded base64 (RFC 4648 §4).
fn base64_problem(text: &str) -> Option<String> {
    if text.is_empty() {
        return Some("must not be empty: it is the base64 of the connector's zip".to_owned());
    }
    let body = text.trim_end_matches('=');
    let pads = text.len() - body.len();
    // The clean case in one pass by a table (a zip's base64 is megabytes: 1.7 ns a byte with
    // the two passes below, which then only find what the message names).
    if body.bytes().all(|b| IS_BASE64_DIGIT[usize::from(b)]) {
        return (pads > 2 || text.len() % 4 != 0).then(|| unpadded(text.len()));
    }
    // By bytes, not characters: a zip's base64 is megabytes of ASCII.
    if text.bytes().any(|b| b == b'\n' || b == b'\r') {
        return Some("must be base64 on one line: encode without line breaks (base64 -w 0, or Buffer.from(zip).toString('base64'))".to_owned());
    }
    let stray = body.bytes().position(|b| !IS_BASE64_DIGIT[usize::from(b)]);
    if let Some((i, ch)) = stray.and_then(|i| Some((i, body[i..].chars().next()?))) {
        return Some(if ch == '-' || ch == '_' {
            "must be standard base64 ('+' and '/'), not base64url ('-' and '_')".to_owned()
        } else if ch == '=' {
            format!("has '=' at index {i}: padding belongs at the end only")
        } else {
            format!(
                "must be base64: found {} at index {i}",
                crate::report::checker::describe(&Value::from(ch.to_string()))
            )
        });
    }
    (pads > 2 || text.len() % 4 != 0).then(|| unpadded(text.len()))
}

fn unpadded(len: usize) -> String {
    format!("must be padded base64: its length ({len}) must be a multiple of 4, with at most two '=' at the end")
}

/// The 64 digits of standard base64 (`A-Z a-z 0-9 + /`), by byte.
const IS_BASE64_DIGIT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'+' || c == b'/';
        b += 1;
    }
    table
};

/// The first bytes `text` (valid base64) decodes to.
fn decode_head(text: &str) -> Vec<u8> {
    let sextet = |b: u8| -> u32 {
        match b {
            b'A'..=b'Z' => u32::from(b - b'A'),
            b'a'..=b'z' => u32::from(b - b'a') + 26,
            b'0'..=b'9' => u32::from(b - b'0') + 52,
            b'+' => 62,
            _ => 63,
        }
    };
    let mut out = Vec::new();
    for chunk in text.as_bytes().chunks(4).take(2) {
        let n = chunk.iter().take_while(|&&b| b != b'=').count();
        let bits = chunk[..n].iter().fold(0u32, |acc, &b| (acc << 6) | sextet(b)) << (6 * (4 - n));
        for k in 0..n.saturating_sub(1) {
            out.push((bits >> (16 - 8 * k)) as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_heads_decode() {
        assert_eq!(decode_head("UEsDBA=="), b"PK\x03\x04");
        assert_eq!(decode_head("UEsFBgAA"), b"PK\x05\x06\x00\x00");
        assert_eq!(decode_head("TWE="), b"Ma");
    }

    #[test]
    fn ids_are_uuids() {
        assert!(is_uuid("550e8400-e29b-41d4-a716-446655440001"));
        assert!(!is_uuid("3c5exxx-xxxx-xxxx-xxxx-xxxxxxxx2387"));
    }
}
