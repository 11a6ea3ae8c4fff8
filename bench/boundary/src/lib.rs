//! Two ways across the boundary, each way: serde-wasm-bindgen vs JSON text.
use connect_preflight::{validate_deployment_draft, Report};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

fn input_swb(v: JsValue) -> Value {
    serde_wasm_bindgen::from_value(v).unwrap_or(Value::Null)
}

fn input_json(v: &JsValue) -> Value {
    let text = js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn output_swb(r: &Report) -> JsValue {
    r.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

fn output_json(r: &Report) -> JsValue {
    js_sys::JSON::parse(&serde_json::to_string(r).unwrap_or_default()).unwrap_or(JsValue::NULL)
}

/// Object in through serde-wasm-bindgen; returns the error count only (isolates input cost).
#[wasm_bindgen(js_name = inSwb)]
pub fn in_swb(v: JsValue) -> usize {
    validate_deployment_draft(&input_swb(v)).errors.len()
}

/// Object in through JSON.stringify + serde_json.
#[wasm_bindgen(js_name = inJson)]
pub fn in_json(v: JsValue) -> usize {
    validate_deployment_draft(&input_json(&v)).errors.len()
}

/// JSON text in, parsed by serde_json.
#[wasm_bindgen(js_name = inText)]
pub fn in_text(s: String) -> usize {
    validate_deployment_draft(s.as_str()).errors.len()
}

/// Text in, report out through serde-wasm-bindgen (json_compatible).
#[wasm_bindgen(js_name = outSwb)]
pub fn out_swb(s: String) -> JsValue {
    output_swb(&validate_deployment_draft(s.as_str()))
}

/// Text in, report out through serde_json text + JSON.parse.
#[wasm_bindgen(js_name = outJson)]
pub fn out_json(s: String) -> JsValue {
    output_json(&validate_deployment_draft(s.as_str()))
}
