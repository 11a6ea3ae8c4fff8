//! The Code registry (src/report/codes.rs) is the one source of the TypeScript `Code` union and the
//! docs table. This test renders both and compares them with the committed files;
//! `BLESS=1 cargo test --test catalog` rewrites the generated blocks instead.
#![cfg(not(target_arch = "wasm32"))]

use connect_preflight::{error_catalog, Code};
use std::path::Path;

fn ts_union() -> String {
    let mut out = String::from("export type Code =\n");
    for code in Code::ALL {
        out.push_str(&format!("  | '{}'\n", code.as_str()));
    }
    out.pop();
    out.push_str(";\n");
    out
}

fn docs_table() -> String {
    let mut out = String::from("| code | HTTP status | origin | system | message template |\n|---|---|---|---|---|\n");
    for code in Code::ALL {
        let template = code.message_template().replace('|', "\\|");
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            code.as_str(),
            code.http_status(),
            code.origin().as_str(),
            code.system().as_str().unwrap_or("any"),
            template
        ));
    }
    out
}

/// The TypeScript type of a template param (by its name: the API's ErrorObject fields).
fn param_type(name: &str) -> &'static str {
    match name {
        "version" | "expectedVersion" | "currentVersion" | "omittedErrors" | "omittedWarnings" => "number",
        "invalidValue" => "string | number | boolean | null",
        "allowedTypes" | "value" | "duplicateValue" => "unknown",
        _ => "string",
    }
}

/// `IssueParams`: for each code, the params its template names (optional: an issue leaves out
/// a value that could be a secret). `Issue` is the union of one issue type per code over it.
fn ts_params() -> String {
    let mut out = String::from("export interface IssueParams {\n");
    for code in Code::ALL {
        let params: Vec<String> = code
            .template_params()
            .iter()
            .map(|p| format!("{p}?: {}", param_type(p)))
            .collect();
        let body = if params.is_empty() {
            "{}".to_owned()
        } else {
            format!("{{ {} }}", params.join("; "))
        };
        out.push_str(&format!("  {}: {body};\n", code.as_str()));
    }
    out.push_str("}\n");
    out
}

/// Checks (or with BLESS=1 rewrites) the text between the BEGIN/END GENERATED lines.
fn in_step(relative: &str, block: &str, expected: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{relative}: {e}"));
    let begin_marker = format!("BEGIN GENERATED: {block}");
    let end_marker = format!("END GENERATED: {block}");
    let begin = text
        .find(&begin_marker)
        .and_then(|i| text[i..].find('\n').map(|j| i + j + 1));
    let end = text
        .find(&end_marker)
        .and_then(|i| text[..i].rfind('\n').map(|j| j + 1));
    let (Some(begin), Some(end)) = (begin, end) else {
        panic!("{relative} lacks the {begin_marker} / {end_marker} lines");
    };
    let current = &text[begin..end];
    if current == expected {
        return;
    }
    if std::env::var_os("BLESS").is_some() {
        let updated = format!("{}{}{}", &text[..begin], expected, &text[end..]);
        std::fs::write(&path, updated).expect("write");
        return;
    }
    panic!("{relative} is out of step with src/report/codes.rs; run `BLESS=1 cargo test --test catalog`.\nexpected:\n{expected}\ncurrent:\n{current}");
}

#[test]
fn typescript_union_in_step() {
    in_step("pkg-template/index.d.ts", "Code", &ts_union());
}

#[test]
fn typescript_issue_params_in_step() {
    in_step("pkg-template/index.d.ts", "IssueParams", &ts_params());
}

#[test]
fn docs_table_in_step() {
    in_step("docs/error-codes.md", "codes", &docs_table());
}

#[test]
fn catalog_lists_every_code_with_its_status() {
    let catalog = serde_json::to_value(error_catalog()).expect("serializes");
    let rows = catalog.as_array().expect("array");
    assert_eq!(rows.len(), Code::ALL.len());
    let row = rows
        .iter()
        .find(|r| r["code"] == "ConcurrentModification")
        .expect("row");
    assert_eq!(row["httpStatus"], 409);
    assert_eq!(row["origin"], "api");
    assert!(rows
        .iter()
        .all(|r| r["message"].as_str().is_some_and(|m| !m.is_empty())));
    assert!(rows
        .iter()
        .any(|r| r["code"] == "UnknownField" && r["origin"] == "preflight"));
}
