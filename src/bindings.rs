//! The JavaScript API: the only module that names wasm_bindgen, JsValue or js_sys.
//!
//! Every export does three things: decode the arguments, call the core, encode the result.
//! Payloads cross as JSON text (docs/decisions.md: measured faster than serde-wasm-bindgen
//! here, and it turns cyclic, BigInt or absurdly deep JS values into an `InvalidJsonInput`
//! issue instead of a trap that would kill the module); reports cross as the report wire
//! (`report::wire`), which `src/bindings.js` turns into the Report object, and a clean report is
//! built in JS. A payload object that is certainly clean never gets here: the guard
//! (pkg-template/web/guard.js) answers it with the filters of `src/bindings.js`.
//!
//! Nothing here calls JS that can throw: every touch of a caller's value (getters, Proxy
//! traps, `toJSON`) goes through a helper of `src/bindings.js` that catches everything, since
//! an exception unwinding through wasm would leak the shadow stack and an externref slot.
//! Misuse errors are returned (`Err`), and thrown by the glue after the call has returned.

use crate::connect::context::Context;
use crate::report::budget::MAX_INPUT_BYTES;
use crate::report::json_text::Payload;
use crate::report::{Issue, Report};
use js_sys::{JsString, JSON};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// A JS value as a payload: strings are JSON text (parsed in Rust), anything else is
/// serialized by `JSON.stringify` and parsed here. A value JSON cannot represent becomes an
/// `InvalidJsonInput` report.
enum Decoded {
    Text(String),
    Value(Value),
}

impl Decoded {
    fn payload(&self) -> Payload<'_> {
        match self {
            Decoded::Text(text) => Payload::Text(text),
            Decoded::Value(value) => Payload::Value(value),
        }
    }
}

// One call each instead of several crossings (src/bindings.js, docs/decisions.md). None of
// them throws.
#[wasm_bindgen(module = "/src/bindings.js")]
extern "C" {
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &JsString, memory: &JsValue, ptr: u32, len: u32) -> u32;
    #[wasm_bindgen(js_name = utf8Bound)]
    fn utf8_bound(text: &JsString) -> f64;
    fn head(text: &JsString, max: u32) -> JsString;
    #[wasm_bindgen(js_name = cleanReport)]
    fn clean_report() -> JsValue;
    #[wasm_bindgen(js_name = misuseError)]
    fn misuse_error(message: &str) -> JsValue;
    #[wasm_bindgen(js_name = isArray)]
    fn is_array(value: &JsValue) -> bool;
    #[wasm_bindgen(js_name = plainJson)]
    fn plain_json(value: &JsValue) -> JsString;
    #[wasm_bindgen(js_name = jsonText)]
    fn json_text(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = takeFailure)]
    fn take_failure() -> JsString;
    #[wasm_bindgen(js_name = reportFromWire)]
    fn report_from_wire(wire: &str) -> JsValue;
}

/// A JS value as text: a string's text, a string over the input budget, or not a string.
enum JsText {
    Text(String),
    /// At least this many UTF-8 bytes: more than `MAX_INPUT_BYTES`, so it was not copied.
    TooLarge(usize),
    NotString,
}

/// A JS string's text. `TextEncoder.encodeInto` writes it straight into wasm memory:
/// `JsValue::as_string` encodes in a JS loop, one character at a time, which took 8 of the
/// 11 µs a 3 KB connect.yaml cost (docs/decisions.md). Lone surrogates become U+FFFD either
/// way. A string over the input budget is not copied at all.
fn js_text(value: &JsValue) -> JsText {
    let Some(text) = value.dyn_ref::<JsString>() else {
        return JsText::NotString;
    };
    let units = text.length() as usize; // one crossing: read it once
    if units < 32 {
        // Short: the loop beats creating a Uint8Array.
        return value.as_string().map_or(JsText::NotString, JsText::Text);
    }
    // At most 3 UTF-8 bytes per UTF-16 unit, at least 1. Between the two bounds, JS counts
    // (an upper bound), so that no more than the budget is ever allocated.
    if units > MAX_INPUT_BYTES {
        return JsText::TooLarge(units);
    }
    let capacity = if units * 3 <= MAX_INPUT_BYTES {
        units * 3
    } else {
        utf8_bound(text) as usize
    };
    if capacity > MAX_INPUT_BYTES {
        return JsText::TooLarge(capacity);
    }
    // The view is made in JS after the allocation (which may grow the memory and detach older
    // views); no Rust reference to `bytes` lives across the call, and the bytes are read only
    // after it.
    let mut bytes = vec![0u8; capacity];
    let written = encode_into(
        text,
        &wasm_bindgen::memory(),
        bytes.as_mut_ptr() as usize as u32,
        bytes.len() as u32,
    );
    bytes.truncate(written as usize);
    String::from_utf8(bytes).map_or(JsText::NotString, JsText::Text)
}

/// A JS string's text, or `None` for any other value; a string over the budget is an issue
/// built by `too_large`.
fn js_string(value: &JsValue, too_large: impl FnOnce(usize) -> Issue) -> Result<Option<String>, Issue> {
    match js_text(value) {
        JsText::Text(text) => Ok(Some(text)),
        JsText::TooLarge(bytes) => Err(too_large(bytes)),
        JsText::NotString => Ok(None),
    }
}

fn too_large_json(bytes: usize) -> Issue {
    crate::report::json_text::too_large(format!(
        "the text is at least {bytes} bytes; the limit is {MAX_INPUT_BYTES} bytes (5 MiB)"
    ))
}

fn decode_payload(input: &JsValue) -> Result<Decoded, Report> {
    match js_string(input, too_large_json) {
        Ok(Some(text)) => Ok(Decoded::Text(text)),
        Ok(None) => to_json_value(input).map(Decoded::Value).map_err(Report::from_error),
        Err(issue) => Err(Report::from_error(issue)),
    }
}

/// Any JS value as JSON (within the budgets). What JSON cannot represent (a cycle, a BigInt;
/// `undefined`, a function or a symbol, which JSON.stringify writes nothing for), or what
/// throws while it is read, is the issue.
fn to_json_value(input: &JsValue) -> Result<Value, Issue> {
    let text = json_text(input);
    if text.is_undefined() {
        return Err(crate::report::json_text::unreadable_object(
            String::from(take_failure()),
        ));
    }
    match js_string(&text, too_large_json)? {
        Some(text) => crate::report::json_text::parse_unseen(&text),
        None => Ok(Value::Null),
    }
}

/// A Report as a plain JS object; the clean one is made in JS directly (a fifth of the cost),
/// any other from the report wire (src/report/wire.rs).
fn encode_report(report: &Report) -> JsValue {
    if report.errors.is_empty() && report.warnings.is_empty() {
        clean_report()
    } else {
        WIRE_NAMES.with(|names| report_from_wire(&crate::report::wire::encode(report, &mut names.borrow_mut())))
    }
}

thread_local! {
    /// The names this instance has sent to `reportFromWire` (src/report/wire.rs).
    static WIRE_NAMES: std::cell::RefCell<crate::report::wire::WireNames> = Default::default();
}

/// A result as a plain JS object, through JSON (no Map, no undefined, no BigInt).
fn encode<T: Serialize>(result: &T) -> JsValue {
    // Serializing our own types to a String cannot fail: they are maps of strings, numbers,
    // booleans and serde_json values; and JSON.parse cannot fail on serde_json's output.
    let text = serde_json::to_string(result).unwrap_or_else(|_| "null".to_owned());
    JSON::parse(&text).unwrap_or(JsValue::NULL)
}

/// API misuse (not bad input) throws a JS `Error`, marked as misuse for the guard.
fn misuse(message: &str) -> JsValue {
    misuse_error(message)
}

/// `context` (`undefined`, `null` or an object, API.md §4); anything else, or an object of
/// the wrong shape, is API misuse.
fn decode_context(context: &JsValue) -> Result<Context, JsValue> {
    if context.is_undefined() || context.is_null() {
        return Ok(Context::none());
    }
    if !context.is_object() || is_array(context) {
        return Err(misuse(
            "context must be an object (or undefined/null), e.g. { connectYaml: text }",
        ));
    }
    let value = to_json_value(context).map_err(|e| misuse(&format!("context cannot be read as JSON: {}", why(&e))))?;
    Context::from_json(&value).map_err(|e| misuse(&e))
}

/// `buildDeploymentDraft`'s `source`: connect.yaml text or a connector object.
fn decode_source(source: &JsValue) -> Result<Context, JsValue> {
    let text = js_string(source, too_large_yaml).map_err(|e| misuse(&format!("source: {}", why(&e))))?;
    let value = match text {
        Some(text) => Value::String(text),
        None if source.is_object() && !is_array(source) => {
            to_json_value(source).map_err(|e| misuse(&format!("source cannot be read as JSON: {}", why(&e))))?
        }
        None => {
            return Err(misuse(
                "source must be connect.yaml text or a Connector, ConnectorStaged or ConnectSpec object",
            ))
        }
    };
    Context::from_source(&value).map_err(|e| misuse(&e))
}

fn run(input: &JsValue, check: impl FnOnce(Payload<'_>) -> Report) -> JsValue {
    match decode_payload(input) {
        Ok(decoded) => encode_report(&check(decoded.payload())),
        Err(report) => encode_report(&report),
    }
}

/// A JS string argument that is no payload, cut one UTF-16 unit past `MAX_PLAIN_UNITS` (far
/// more than any valid one, and enough for a check to see that it is longer: a path parameter
/// must not be built from a cut string); `None` for others.
fn plain_string(value: &JsValue) -> Option<String> {
    let text = value.dyn_ref::<JsString>()?;
    head(text, crate::report::budget::MAX_PLAIN_UNITS as u32 + 1).as_string()
}

/// A plain value argument (not JSON text): strings stay strings, containers are described
/// by their type only (nothing of them is read).
fn plain_value(input: &JsValue) -> Value {
    match plain_string(input) {
        Some(s) => Value::String(s),
        None => plain_json(input)
            .as_string()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or(Value::Null),
    }
}

/// Traps (`unreachable`) when given `"trap"`: the package's tests use it to check that the
/// guard (web/guard.js) replaces a dead instance. Not part of the public API.
#[wasm_bindgen(js_name = __forceTrap)]
pub fn force_trap(value: JsValue) {
    if value.as_string().as_deref() == Some("trap") {
        std::process::abort();
    }
}

#[wasm_bindgen(js_name = validateKey)]
pub fn validate_key(value: JsValue) -> JsValue {
    encode_report(&crate::validate_key_value(&plain_value(&value)))
}

#[wasm_bindgen(js_name = validateProjectIdentifier)]
pub fn validate_project_identifier(value: JsValue) -> JsValue {
    encode_report(&crate::validate_project_identifier_value(&plain_value(&value)))
}

#[wasm_bindgen(js_name = validateDeploymentDraft)]
pub fn validate_deployment_draft(draft: JsValue, context: JsValue) -> Result<JsValue, JsValue> {
    let context = decode_context(&context)?;
    Ok(run(&draft, |payload| {
        crate::validate_deployment_draft_with(payload, &context)
    }))
}

#[wasm_bindgen(js_name = validateDeploymentUpdate)]
pub fn validate_deployment_update(update: JsValue, context: JsValue) -> Result<JsValue, JsValue> {
    let context = decode_context(&context)?;
    Ok(run(&update, |payload| {
        crate::validate_deployment_update(payload, &context)
    }))
}

#[wasm_bindgen(js_name = buildDeploymentDraft)]
pub fn build_deployment_draft(input: JsValue, source: JsValue) -> Result<JsValue, JsValue> {
    let source = decode_source(&source)?;
    Ok(match decode_payload(&input) {
        Ok(decoded) => encode(&crate::build_deployment_draft(decoded.payload(), &source)),
        Err(report) => encode(&crate::BuiltDraft { draft: None, report }),
    })
}

#[wasm_bindgen(js_name = validateConnectorStagedDraft)]
pub fn validate_connector_staged_draft(draft: JsValue) -> JsValue {
    run(&draft, |payload| crate::validate_connector_staged_draft(payload))
}

#[wasm_bindgen(js_name = validateConnectorUpdate)]
pub fn validate_connector_update(update: JsValue, context: JsValue) -> Result<JsValue, JsValue> {
    let context = decode_context(&context)?;
    Ok(run(&update, |payload| {
        crate::validate_connector_update(payload, &context)
    }))
}

/// A resource argument (not a payload): an object, or JSON text of one; anything else is misuse.
fn resource(value: &JsValue, function: &str, what: &str) -> Result<Value, JsValue> {
    let text = js_string(value, too_large_json).map_err(|e| misuse(&format!("{function}: {what}: {}", why(&e))))?;
    let parsed = match text {
        Some(text) => crate::report::json_text::parse(&text)
            .map_err(|e| misuse(&format!("{function}: {what} is not JSON: {}", why(&e))))?,
        None => to_json_value(value)
            .map_err(|e| misuse(&format!("{function}: {what} cannot be read as JSON: {}", why(&e))))?,
    };
    if parsed.is_object() {
        Ok(parsed)
    } else {
        Err(misuse(&format!("{function} expects {what} to be an object")))
    }
}

#[wasm_bindgen(js_name = buildConnectorUpdateActions)]
pub fn build_connector_update_actions(before: JsValue, after: JsValue) -> Result<JsValue, JsValue> {
    let function = "buildConnectorUpdateActions";
    let before = resource(&before, function, "before (a ConnectorStaged or ConnectorStagedDraft)")?;
    let after = resource(&after, function, "after (a ConnectorStaged or ConnectorStagedDraft)")?;
    let actions = crate::build_connector_update_actions(&before, &after).map_err(|e| misuse(&e))?;
    Ok(encode(&actions))
}

#[wasm_bindgen(js_name = applyConnectorUpdate)]
pub fn apply_connector_update(connector_staged: JsValue, update: JsValue) -> Result<JsValue, JsValue> {
    let staged = resource(
        &connector_staged,
        "applyConnectorUpdate",
        "connectorStaged (a ConnectorStaged)",
    )?;
    Ok(match decode_payload(&update) {
        Ok(decoded) => encode(&crate::apply_connector_update(&staged, decoded.payload())),
        Err(report) => encode(&crate::AppliedUpdate {
            connector_staged: None,
            report,
        }),
    })
}

#[wasm_bindgen(js_name = canRedeploy)]
pub fn can_redeploy(status: JsValue) -> JsValue {
    encode_report(&crate::can_redeploy(&plain_value(&status)))
}

/// A machine name is always a string; anything else is misuse.
fn machine_name(machine: &JsValue) -> Result<String, JsValue> {
    plain_string(machine).ok_or_else(|| misuse("the machine must be a string, e.g. \"connectDeployment\""))
}

#[wasm_bindgen(js_name = checkTransition)]
pub fn check_transition(machine: JsValue, from: JsValue, to: JsValue) -> Result<JsValue, JsValue> {
    let report = crate::check_transition(&machine_name(&machine)?, &plain_value(&from), &plain_value(&to));
    report.map(|r| encode_report(&r)).map_err(|e| misuse(&e))
}

#[wasm_bindgen(js_name = allowedTransitions)]
pub fn allowed_transitions(machine: JsValue, from: JsValue) -> Result<JsValue, JsValue> {
    let from = plain_string(&from).unwrap_or_default();
    let states = crate::allowed_transitions(&machine_name(&machine)?, &from).map_err(|e| misuse(&e))?;
    Ok(encode(&states))
}

/// connect.yaml is always text; anything else is API misuse.
/// connect.yaml's text, or the `InvalidYaml` issue of a text over the budget.
fn yaml_text(text: &JsValue, function: &str) -> Result<Result<String, Issue>, JsValue> {
    match js_string(text, too_large_yaml) {
        Ok(Some(text)) => Ok(Ok(text)),
        Ok(None) => Err(misuse(&format!(
            "{function} expects the text of connect.yaml (a string)"
        ))),
        Err(issue) => Ok(Err(issue)),
    }
}

fn too_large_yaml(bytes: usize) -> Issue {
    crate::yaml::too_large(bytes)
}

/// Why a value could not be read, for a misuse message: the issue's detail.
fn why(issue: &Issue) -> &str {
    issue
        .params
        .get("detailedErrorMessage")
        .or_else(|| issue.params.get("detail"))
        .and_then(Value::as_str)
        .unwrap_or(&issue.message)
}

#[wasm_bindgen(js_name = validateConnectYaml)]
pub fn validate_connect_yaml(text: JsValue) -> Result<JsValue, JsValue> {
    let report = match yaml_text(&text, "validateConnectYaml")? {
        Ok(text) => crate::validate_connect_yaml(&text),
        Err(issue) => Report::from_error(issue),
    };
    Ok(encode_report(&report))
}

#[wasm_bindgen(js_name = parseConnectYaml)]
pub fn parse_connect_yaml(text: JsValue) -> Result<JsValue, JsValue> {
    let parsed = match yaml_text(&text, "parseConnectYaml")? {
        Ok(text) => crate::parse_connect_yaml(&text),
        Err(issue) => crate::ParsedConnectYaml {
            spec: None,
            report: Report::from_error(issue),
        },
    };
    Ok(encode(&parsed))
}

#[wasm_bindgen(js_name = errorCatalog)]
pub fn error_catalog() -> JsValue {
    encode(&crate::error_catalog())
}

#[wasm_bindgen(js_name = toErrorResponse)]
pub fn to_error_response(report: JsValue) -> Result<JsValue, JsValue> {
    // A Report, or its JSON text (as every payload argument takes, API.md §2).
    let read = match js_string(&report, too_large_json) {
        Ok(Some(text)) => crate::report::json_text::parse(&text),
        Ok(None) => to_json_value(&report),
        Err(issue) => Err(issue),
    };
    let value = read.map_err(|e| misuse(&format!("toErrorResponse expects a Report: {}", why(&e))))?;
    match crate::error_response_from_report_json(&value) {
        Ok(Some(response)) => Ok(encode(&response)),
        Ok(None) => Ok(JsValue::NULL),
        Err(message) => Err(misuse(&message)),
    }
}

// ---- Tray.io CDK -------------------------------------------------------------------------

#[wasm_bindgen(js_name = validateTrayConnector)]
pub fn validate_tray_connector(connector_json: JsValue) -> JsValue {
    run(&connector_json, |payload| crate::validate_tray_connector(payload))
}

#[wasm_bindgen(js_name = trayDeployPath)]
pub fn tray_deploy_path(name: JsValue, version: JsValue) -> JsValue {
    encode(&crate::tray_deploy_path(&plain_value(&name), &plain_value(&version)))
}

#[wasm_bindgen(js_name = trayStatusPath)]
pub fn tray_status_path(name: JsValue, version: JsValue, id: JsValue) -> JsValue {
    encode(&crate::tray_status_path(
        &plain_value(&name),
        &plain_value(&version),
        &plain_value(&id),
    ))
}

#[wasm_bindgen(js_name = validateTrayDeployRequest)]
pub fn validate_tray_deploy_request(body: JsValue, connector_json: JsValue) -> JsValue {
    let no_connector = connector_json.is_undefined() || connector_json.is_null();
    let body = match decode_payload(&body) {
        Ok(decoded) => decoded,
        Err(report) => return encode_report(&report),
    };
    if no_connector {
        return encode_report(&crate::validate_tray_deploy_request(body.payload(), None));
    }
    let report = match decode_payload(&connector_json) {
        Ok(connector) => crate::validate_tray_deploy_request(body.payload(), Some(connector.payload())),
        // connector.json that cannot be read is its own issue, beside the body's.
        Err(own) => crate::tray::deployments::with_connector_issues(
            crate::validate_tray_deploy_request(body.payload(), None),
            own,
        ),
    };
    encode_report(&report)
}

#[wasm_bindgen(js_name = validateTrayDeploymentResponse)]
pub fn validate_tray_deployment_response(json: JsValue) -> JsValue {
    run(&json, |payload| crate::validate_tray_deployment_response(payload))
}

// ---- Deployment tracker ------------------------------------------------------------------

#[wasm_bindgen(js_name = validateTrackerDeployment)]
pub fn validate_tracker_deployment(payload: JsValue) -> JsValue {
    run(&payload, |payload| crate::validate_tracker_deployment(payload))
}

#[wasm_bindgen(js_name = validateTrackerStatusUpdate)]
pub fn validate_tracker_status_update(update: JsValue, current: JsValue) -> Result<JsValue, JsValue> {
    let function = "validateTrackerStatusUpdate";
    let no_current = current.is_undefined() || current.is_null();
    let current = if no_current {
        None
    } else if current.is_string() {
        Some(plain_value(&current))
    } else if current.is_object() && !is_array(&current) {
        Some(
            to_json_value(&current)
                .map_err(|e| misuse(&format!("{function}: current cannot be read as JSON: {}", why(&e))))?,
        )
    } else {
        return Err(misuse(&format!(
            "{function}: current must be a tracker deployment record, its status string, or undefined"
        )));
    };
    let decoded = match decode_payload(&update) {
        Ok(decoded) => decoded,
        Err(report) => return Ok(encode_report(&report)),
    };
    crate::validate_tracker_status_update(decoded.payload(), current.as_ref())
        .map(|report| encode_report(&report))
        .map_err(|e| misuse(&e))
}

#[wasm_bindgen(js_name = normalizeTrackerQuery)]
pub fn normalize_tracker_query(params: JsValue) -> JsValue {
    let answer = match js_string(&params, too_large_json) {
        Ok(Some(text)) => crate::normalize_tracker_query(crate::QueryInput::Text(&text)),
        Ok(None) if params.is_undefined() || params.is_null() => {
            crate::normalize_tracker_query(crate::QueryInput::Value(&Value::Null))
        }
        Ok(None) => match to_json_value(&params) {
            Ok(value) => crate::normalize_tracker_query(crate::QueryInput::Value(&value)),
            Err(issue) => no_query(issue),
        },
        Err(issue) => no_query(issue),
    };
    encode(&answer)
}

fn no_query(issue: Issue) -> crate::TrackerQuery {
    crate::TrackerQuery {
        query: None,
        search: None,
        report: Report::from_error(issue),
    }
}

#[wasm_bindgen(js_name = trackerMatrix)]
pub fn tracker_matrix(records: JsValue) -> JsValue {
    encode(&match decode_payload(&records) {
        Ok(decoded) => crate::tracker_matrix(decoded.payload()),
        Err(report) => crate::TrackerMatrix { matrix: None, report },
    })
}

#[wasm_bindgen(js_name = trackerLatest)]
pub fn tracker_latest(records: JsValue, component_id: JsValue) -> JsValue {
    encode(&match decode_payload(&records) {
        Ok(decoded) => crate::tracker_latest(decoded.payload(), &plain_value(&component_id)),
        Err(report) => crate::TrackerLatest { latest: None, report },
    })
}

/// The version of this package, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> JsString {
    JsString::from(env!("CARGO_PKG_VERSION"))
}
