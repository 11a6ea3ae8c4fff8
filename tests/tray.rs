//! Tray.io CDK: every field of connector.json and of the deployment response given every kind
//! of wrong value; the deploy request's base64 against a reference encoder; the paths against
//! every kind of segment.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use connect_preflight::{
    tray_deploy_path, tray_status_path, validate_tray_connector, validate_tray_deploy_request,
    validate_tray_deployment_response, Code, Report,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Every JSON kind, and containers holding each.
fn kinds() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(0),
        json!(1.5),
        json!(""),
        json!("x"),
        json!("Acme TMDB"),
        json!([]),
        json!([1]),
        json!(["a"]),
        json!({}),
        json!({ "enabled": "x" }),
    ]
}

fn key(report: &Report) -> Vec<(Code, String)> {
    report.issues().map(|i| (i.code, i.path.clone())).collect()
}

/// Every (field, wrong value) of `valid`: the verdict is the same from the value and from its
/// text, and a value the field does not take is an error at the field or inside it.
fn every_position(valid: &Value, check: impl Fn(&Value) -> Report, text_check: impl Fn(&str) -> Report) -> usize {
    assert!(check(valid).valid(), "{valid}");
    let mut cases = 0;
    for (field, good) in valid.as_object().expect("an object") {
        for wrong in kinds() {
            let mut payload = valid.clone();
            payload[field] = wrong.clone();
            let report = check(&payload);
            let text = serde_json::to_string(&payload).expect("serializes");
            assert_eq!(key(&report), key(&text_check(&text)), "{field} = {wrong}");
            if wrong != *good && std::mem::discriminant(&wrong) != std::mem::discriminant(good) {
                let at = format!("/{field}");
                assert!(
                    report
                        .errors
                        .iter()
                        .any(|i| i.path == at || i.path.starts_with(&format!("{at}/"))),
                    "{field} = {wrong}: {:?}",
                    key(&report)
                );
            }
            cases += 1;
        }
    }
    cases
}

#[test]
fn every_connector_field_takes_only_its_kind() {
    let valid = json!({
        "name": "acme-tmdb", "version": "1.0", "title": "TMDB", "description": "",
        "service": { "name": "tmdb", "version": "1" }, "tags": ["service"], "isTrigger": false,
        "rawHttp": { "enabled": true }
    });
    let cases = every_position(&valid, |v| validate_tray_connector(v), |t| validate_tray_connector(t));
    eprintln!("tray connector.json: {cases} generated payloads");
    assert_eq!(cases, 8 * kinds().len());
}

#[test]
fn every_response_field_takes_only_its_kind() {
    let valid = json!({
        "id": "3c5e0000-0000-4000-8000-000000002387", "deploymentStatus": "Deployed",
        "connectorName": "acme-tmdb", "connectorVersion": "1.0", "repeatDeployment": false
    });
    let cases = every_position(
        &valid,
        |v| validate_tray_deployment_response(v),
        |t| validate_tray_deployment_response(t),
    );
    eprintln!("tray deployment response: {cases} generated payloads");
    assert_eq!(cases, 5 * kinds().len());
}

/// A reference base64 encoder (RFC 4648, standard alphabet, padded), written here.
fn encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Any bytes, encoded: never an error; the decoded size in the warning is the byte count; a
/// zip header (and enough bytes) is what makes it clean. One character changed to one that is
/// no base64 is always an error.
#[test]
fn base64_is_read_as_the_reference_writes_it() {
    let bytes = (
        any::<bool>(),
        proptest::collection::vec(any::<u8>(), 0..1200),
        0usize..2000,
        any::<u8>(),
    );
    common::hits::assert_hit_rate(
        "tray deploy request: a zip that is clean",
        600,
        0.15,
        bytes,
        |(zip, mut body, at, junk)| {
            if zip {
                body.splice(0..0, *b"PK\x03\x04");
            }
            let text = encode(&body);
            let report = validate_tray_deploy_request(&json!({ "connectorSourceCode": text }), None);
            if text.is_empty() {
                // No zip at all: an error, not a small zip (seeds other than CI's reach it).
                prop_assert_eq!(
                    key(&report),
                    vec![(Code::InvalidField, "/connectorSourceCode".to_owned())]
                );
                return Ok(false);
            }
            prop_assert!(report.valid(), "{:?}", key(&report));
            let clean = report.warnings.is_empty();
            if let Some(w) = report.warnings.first() {
                prop_assert_eq!(w.params.get("decodedBytes"), Some(&json!(body.len())));
            }
            prop_assert_eq!(clean, zip && body.len() >= 512);
            if !text.is_empty() {
                let bad = [b' ', b'.', b'*', b'\n', b'-'][usize::from(junk) % 5];
                let mut spoiled = text.clone().into_bytes();
                let at = at % spoiled.len();
                spoiled[at] = bad;
                let spoiled = String::from_utf8(spoiled).expect("ascii");
                let report = validate_tray_deploy_request(&json!({ "connectorSourceCode": spoiled }), None);
                prop_assert_eq!(
                    key(&report),
                    vec![(Code::InvalidField, "/connectorSourceCode".to_owned())]
                );
            }
            Ok(clean)
        },
    );
}

/// Every kind of segment in every position of both paths: a path exactly when the report is
/// valid, and then each segment appears in it percent-encoded, so that splitting the path at
/// `/` gives the segments back.
#[test]
fn paths_never_change_shape() {
    let segments = [
        json!("acme-tmdb"),
        json!("1.0"),
        json!("latest"),
        json!("550e8400-e29b-41d4-a716-446655440001"),
        json!("a b"),
        json!("a/b"),
        json!(".."),
        json!("."),
        json!(""),
        json!("a\u{0}b"),
        json!("a\u{7f}"),
        json!("%2F"),
        json!("?x#y"),
        json!("é"),
        json!(5),
        json!(null),
        json!(["a"]),
    ];
    let mut built = 0;
    let mut cases = 0;
    for name in &segments {
        for version in &segments {
            let deploy = tray_deploy_path(name, version);
            assert_eq!(deploy.path.is_some(), deploy.report.valid());
            for id in &segments {
                let status = tray_status_path(name, version, id);
                assert_eq!(status.path.is_some(), status.report.valid(), "{name} {version} {id}");
                cases += 1;
                if let Some(path) = status.path {
                    built += 1;
                    let parts: Vec<&str> = path.split('/').collect();
                    assert_eq!(parts.len(), 9, "{path}");
                    assert!(!parts[8].is_empty() && parts[8] != "." && parts[8] != "..");
                    assert!(path.bytes().all(|b| b.is_ascii_graphic()), "{path}");
                }
            }
        }
    }
    eprintln!("tray paths: {cases} generated calls, {built} paths built");
    assert!(built >= 6, "{built}");
}
