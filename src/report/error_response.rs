//! `toErrorResponse`: a Report in the API's own error envelope (connect-domain.md §2.7).

use crate::report::budget::{cut, MAX_ECHO_CHARS, MAX_MESSAGE_CHARS};
use crate::report::codes::Code;
use crate::report::{param_value, Report};
use serde_json::{json, Map, Value};

/// The Report's errors as the API would send them:
/// `{ statusCode, message, errors: ErrorObject[] }`, where `message` is the first error's
/// message and each ErrorObject is `{ code, message, ...params }` (no `path`/`line`/`column`,
/// which the API does not send). `statusCode` is the first error's HTTP status (400 for every
/// code a payload check emits). A valid report has no error response: `None`.
///
/// ```
/// use connect_preflight::{to_error_response, validate_deployment_draft};
/// let response = to_error_response(&validate_deployment_draft("{}")).unwrap();
/// assert_eq!(response["statusCode"], 400);
/// assert_eq!(response["errors"][0]["code"], "RequiredField");
/// ```
pub fn to_error_response(report: &Report) -> Option<Value> {
    let errors = serde_json::to_value(&report.errors).ok()?;
    error_response_from_errors(&errors).ok().flatten()
}

/// [`to_error_response`] for a report given as JSON (as the JS binding receives it).
/// `Err` says why the value is not a Report; `Ok(None)` for a report without errors.
pub fn error_response_from_report_json(report: &Value) -> Result<Option<Value>, String> {
    let errors = report
        .get("errors")
        .ok_or("toErrorResponse expects a Report: an object with an 'errors' array")?;
    error_response_from_errors(errors)
}

fn error_response_from_errors(errors: &Value) -> Result<Option<Value>, String> {
    let errors = errors
        .as_array()
        .ok_or("toErrorResponse expects a Report whose 'errors' is an array")?;
    let mut objects = Vec::with_capacity(errors.len());
    for issue in errors {
        let issue = issue
            .as_object()
            .ok_or("toErrorResponse expects every error of the Report to be an Issue object")?;
        let text = |field: &str| {
            issue
                .get(field)
                .and_then(Value::as_str)
                .ok_or_else(|| format!("toErrorResponse expects every error of the Report to have a '{field}' string"))
        };
        // A report given by the caller holds to the same budgets as one of ours: the message
        // cut to MAX_MESSAGE_CHARS, every param by the rule of `Issue::param`.
        let mut object = Map::new();
        object.insert(
            "code".to_owned(),
            Value::String(cut(text("code")?, MAX_ECHO_CHARS).into_owned()),
        );
        object.insert(
            "message".to_owned(),
            Value::String(cut(text("message")?, MAX_MESSAGE_CHARS).into_owned()),
        );
        for (name, value) in issue {
            if matches!(name.as_str(), "code" | "message" | "path" | "line" | "column") {
                continue;
            }
            if let Some(value) = param_value(name, value.clone()) {
                object.insert(cut(name, MAX_ECHO_CHARS).into_owned(), value);
            }
        }
        objects.push(Value::Object(object));
    }
    let Some(first) = objects.first() else {
        return Ok(None);
    };
    let status = first
        .get("code")
        .and_then(Value::as_str)
        .and_then(Code::from_wire)
        .map_or(400, Code::http_status);
    let message = first.get("message").cloned().unwrap_or(Value::String(String::new()));
    Ok(Some(
        json!({ "statusCode": status, "message": message, "errors": objects }),
    ))
}
