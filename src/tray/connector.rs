//! `connector.json`, as `tray-cdk init` writes it (connect-domain.md §5; the CDK's template
//! and `init`): one table, `CONNECTOR`. The name and version rules are also the rules of the
//! deployment paths and of a deploy request's connector (`deployments`).

use crate::report::budget::shown;
use crate::report::checker::{Checker, Echo};
use crate::report::codes::Code;
use crate::report::json_text::{check_payload, Payload};
use crate::report::table::{self, field, required, Field};
use crate::report::{Issue, Loc, Report};
use serde_json::{Map, Value};

/// What a connector.json value must be.
#[derive(Clone, Copy)]
pub(crate) enum TrayRule {
    /// The connector's name: lower-case letters, digits, single dashes (`connector_name_problem`).
    Name,
    /// The connector's version: `"1.0"`, the only one the Deployments API takes.
    Version,
    /// Any string (`""` included: the template's description is empty).
    Text,
    Boolean,
    /// An array of strings.
    Strings,
    /// An object of this table.
    Object(&'static [Field<TrayRule>]),
}

/// `connector.json`.
pub(crate) static CONNECTOR: &[Field<TrayRule>] = &[
    required(
        "name",
        TrayRule::Name,
        " (the connector's kebab-case name, e.g. acme-tmdb)",
    ),
    required(
        "version",
        TrayRule::Version,
        " (\"1.0\", the version the Deployments API takes)",
    ),
    field("title", TrayRule::Text),
    field("description", TrayRule::Text),
    field("service", TrayRule::Object(SERVICE)),
    field("tags", TrayRule::Strings),
    field("isTrigger", TrayRule::Boolean),
    field("rawHttp", TrayRule::Object(RAW_HTTP)),
];

/// The service a connector authenticates against (the template: `{ "name", "version": "1" }`).
static SERVICE: &[Field<TrayRule>] = &[field("name", TrayRule::Text), field("version", TrayRule::Text)];
static RAW_HTTP: &[Field<TrayRule>] = &[required("enabled", TrayRule::Boolean, "")];

/// The one connector version the Deployments API supports (seed 002: "Currently, only version
/// 1.0 is supported").
pub(crate) const SUPPORTED_VERSION: &str = "1.0";

/// Checks a `connector.json` (a value or JSON text).
///
/// ```
/// let report = connect_preflight::validate_tray_connector(&serde_json::json!({"name": "acme-tmdb", "version": "1.0"}));
/// assert!(report.valid());
/// let report = connect_preflight::validate_tray_connector(&serde_json::json!({"name": "Acme TMDB", "version": "1.0"}));
/// assert!(report.errors[0].message.contains("'acme-tmdb'"));
/// ```
pub fn validate_tray_connector<'a>(connector_json: impl Into<Payload<'a>>) -> Report {
    let connector_json = connector_json.into();
    // Clean text needs no tree (docs/decisions.md, "Fast paths from the tables").
    if crate::report::table_fast::is_clean_text(connector_json, CONNECTOR) {
        return Report::default();
    }
    check_payload(connector_json, |value| {
        let mut c = Checker::default();
        check_connector(&mut c, value, "connector.json");
        c.finish()
    })
}

/// connector.json's rules, into `c` (a deploy request checks its connector with them).
pub(crate) fn check_connector(c: &mut Checker, value: &Value, what: &str) {
    if let Some(object) = c.root_object(value, what) {
        check_object(c, object, "", CONNECTOR);
    }
}

/// The fields of `object` by `fields`, then every other field an `UnknownField` warning.
fn check_object(c: &mut Checker, object: &Map<String, Value>, path: &str, fields: &'static [Field<TrayRule>]) {
    table::check_fields(c, object, path, fields, |c, field, value| {
        check_rule(c, field.rule, value, path, field.name);
    });
    c.unknown_fields(
        object,
        path,
        &table::names(fields),
        crate::report::checker::Strictness::Warn,
    );
}

fn check_rule(c: &mut Checker, rule: TrayRule, value: &Value, parent: &str, name: &str) {
    let at = Loc::Field(parent, name);
    match rule {
        TrayRule::Name => check_name(c, value, at, name),
        TrayRule::Version => check_version(c, value, at),
        TrayRule::Text => {
            c.string(value, at, name, Echo::Yes);
        }
        TrayRule::Boolean => c.boolean(value, at, name),
        TrayRule::Strings => {
            let path = at.pointer();
            if let Some(items) = c.array(value, Loc::At(&path), name) {
                for (i, item) in items.iter().enumerate() {
                    c.string(item, Loc::Item(&path, i), name, Echo::Yes);
                }
            }
        }
        TrayRule::Object(fields) => {
            let path = at.pointer();
            if let Some(object) = c.object(value, Loc::At(&path), name) {
                check_object(c, object, &path, fields);
            }
        }
    }
}

/// A connector name (in `field`): `InvalidField` unless lower-case letters, digits and
/// single dashes.
pub(crate) fn check_name(c: &mut Checker, value: &Value, at: Loc<'_>, field: &str) {
    let Some(name) = c.string(value, at, field, Echo::Yes) else {
        return;
    };
    if let Some(problem) = connector_name_problem(name) {
        c.invalid(at, field, value, &problem, Echo::Yes);
    }
}

/// What is wrong with a connector name, said as `tray-cdk` would have done it.
pub(crate) fn connector_name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("must not be empty".to_owned());
    }
    if is_kebab(name) {
        return None;
    }
    if name.contains("[namespace]") || (name.starts_with('[') && name.contains(']')) {
        return Some(
            "still holds the template's placeholder: replace [namespace] with your Tray namespace (words separated by dashes), e.g. acme-tmdb".to_owned(),
        );
    }
    let kebab = kebab_case(name);
    // What init makes from letters outside ASCII is no valid name either: no suggestion then.
    Some(if !is_kebab(&kebab) {
        "must be kebab-case: lower-case letters a-z, digits and single dashes".to_owned()
    } else {
        format!(
            "must be kebab-case (lower-case letters, digits and single dashes): tray-cdk init would have named it '{}'",
            shown(&kebab)
        )
    })
}

/// Lower-case ASCII letters and digits, in words joined by single dashes.
/// A connector name with nothing to report.
#[cfg(any(test, feature = "draft-fast-path"))]
pub(crate) fn is_clean_name(name: &str) -> bool {
    connector_name_problem(name).is_none()
}

/// The versions the Deployments API takes.
#[cfg(any(test, feature = "draft-fast-path"))]
const SUPPORTED_VERSIONS: &[&str] = &[SUPPORTED_VERSION];

/// What a clean value of each rule is, for the fast paths (`report::table_fast`).
#[cfg(any(test, feature = "draft-fast-path"))]
impl crate::report::table_fast::FastRule for TrayRule {
    fn clean(&self) -> crate::report::table_fast::Clean<TrayRule> {
        use crate::report::table_fast::{Clean, Item};
        match self {
            TrayRule::Name => Clean::Text {
                test: is_clean_name,
                js: "isKebab",
            },
            TrayRule::Version => Clean::OneOf(SUPPORTED_VERSIONS),
            TrayRule::Text => Clean::any_text(),
            TrayRule::Boolean => Clean::Bool(None),
            TrayRule::Strings => Clean::List {
                item: Item::Text { test: |_| true, js: "" },
                unique: false,
            },
            TrayRule::Object(fields) => Clean::Object(fields),
        }
    }
}

#[cfg(test)]
pub(crate) fn js_filter() -> String {
    crate::report::table_fast::js_filter("isCleanTrayConnector", &[CONNECTOR, SERVICE, RAW_HTTP])
}

fn is_kebab(name: &str) -> bool {
    name.split('-')
        .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// The name `tray-cdk init` makes (lodash `kebabCase`, for ASCII): words split at anything
/// that is not a letter or a digit, at a lower-to-upper case change, before the last capital
/// of a run of capitals followed by a lower-case letter, and between letters and digits;
/// lower-cased and joined by dashes. A character outside ASCII stays in its word as it is (the
/// name is then no valid one, and no suggestion is made): Unicode's case tables would cost the
/// browser build more than the suggestion is worth.
pub(crate) fn kebab_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for (i, &ch) in chars.iter().enumerate() {
        if ch.is_ascii() && !ch.is_ascii_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        if !word.is_empty() {
            // The character before, as written (the word holds it lower-cased).
            let prev = chars[i - 1];
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            let boundary = (prev.is_ascii_lowercase() && ch.is_ascii_uppercase())
                || (prev.is_ascii_uppercase() && ch.is_ascii_uppercase() && next.is_ascii_lowercase())
                || (prev.is_ascii_digit() != ch.is_ascii_digit());
            if boundary {
                words.push(std::mem::take(&mut word));
            }
        }
        word.push(ch.to_ascii_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.join("-")
}

/// A connector version: the string `"1.0"`.
pub(crate) fn check_version(c: &mut Checker, value: &Value, at: Loc<'_>) {
    match value.as_str() {
        Some(SUPPORTED_VERSION) => {}
        Some(other) => c.error(
            Issue::new(
                Code::InvalidField,
                at.pointer(),
                format!(
                    "Version '{}' cannot be deployed: the Deployments API supports only version \"1.0\" (tray-cdk init writes it).",
                    shown(other)
                ),
            )
            .param("field", "version")
            .param("invalidValue", other)
            .param("allowedValues", vec![SUPPORTED_VERSION]),
        ),
        None if value.is_number() => c.invalid(
            at,
            "version",
            value,
            "must be the string \"1.0\", not a number",
            Echo::Yes,
        ),
        None => c.invalid(at, "version", value, "must be the string \"1.0\"", Echo::Yes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_is_what_init_makes() {
        for (name, kebab) in [
            ("My Connector", "my-connector"),
            ("myConnector", "my-connector"),
            ("XMLHttp request", "xml-http-request"),
            ("acme_tmdb", "acme-tmdb"),
            ("salesforce2", "salesforce-2"),
            ("--a--b--", "a-b"),
            ("TMDB", "tmdb"),
            ("ÉTÉ", "ÉtÉ"),
        ] {
            assert_eq!(kebab_case(name), kebab, "{name}");
        }
    }

    #[test]
    fn names_are_kebab_case() {
        for ok in ["tmdb", "acme-tmdb", "a1-b2", "x"] {
            assert_eq!(connector_name_problem(ok), None, "{ok}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a_b",
            "a b",
            "a.b",
            "[namespace]-tmdb",
            "é",
        ] {
            assert!(connector_name_problem(bad).is_some(), "{bad}");
        }
    }
}
