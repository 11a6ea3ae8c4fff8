//! Secrets by construction (API.md §3): before a payload that can hold secrets is checked,
//! every secret in it is replaced by a mask of the same JSON type, so no check can put one in
//! a message or a param, whatever it reports and however it describes what it found. The
//! checks still describe secured values as such (`Echo::Secured`); this is what makes that a
//! promise rather than a rule every check must remember.
//!
//! What is secret:
//! - everything under a `securedConfiguration` member, at any depth and whatever its type,
//!   except the `key` names of its `{key, value}` entries (they come from connect.yaml);
//! - the `value` of any `{key, value}` entry whose `key` the context declares secured,
//!   wherever it is sent (standard block, redeploy values, global configuration).
//!
//! A mask keeps what the checks look at: the JSON type, an array's length, whether a string is
//! blank (a blank string is kept: it has nothing to hide), and an entry's field names.

use crate::report::json_text::{with_text, Payload};
use crate::report::Report;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// What a non-blank secret string reads as, for the checks.
pub(crate) const MASK: &str = "\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}";

const SECURED: &str = "securedConfiguration";

/// `value` as the checks may see it: unchanged (borrowed) when it holds no secret.
pub(crate) fn masked<'v>(value: &'v Value, secured_keys: &BTreeSet<&str>) -> Cow<'v, Value> {
    if holds_secret(value, secured_keys) {
        let mut copy = value.clone();
        mask_secrets(&mut copy, secured_keys);
        Cow::Owned(copy)
    } else {
        Cow::Borrowed(value)
    }
}

/// Every key a document declares secured: the `key` of each entry of every
/// `securedConfiguration` list, at any depth, whatever is wrong around it (an application of
/// an unknown type or without a name still declares its secrets). A number or boolean key is
/// taken as its text, the way a draft would send it.
pub(crate) fn declared_secured_keys(document: &Value) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    // A stack, not recursion: a document built natively has no depth budget.
    let mut stack = vec![document];
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) => {
                // A list of entries, or (a mistake in the file) one entry or a map by key name:
                // whatever could name a key counts.
                let entries: &[Value] = match map.get(SECURED) {
                    Some(Value::Array(entries)) => entries,
                    Some(one @ Value::Object(members)) => {
                        keys.extend(members.keys().cloned());
                        std::slice::from_ref(one)
                    }
                    _ => &[],
                };
                for key in entries.iter().filter_map(|e| e.get("key")) {
                    match key {
                        Value::String(k) => keys.insert(k.clone()),
                        Value::Number(_) | Value::Bool(_) => keys.insert(key.to_string()),
                        _ => false,
                    };
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    keys
}

/// What of an entry under `securedConfiguration` is shown: the members named here keep their
/// names (any other name could be the secret: renamed by position), and those in `kept` their
/// value too when it is a string or a boolean; everything else is masked.
struct Shown {
    named: &'static [&'static str],
    kept: &'static [&'static str],
}

/// A `{key, value}` entry of a payload: only the key.
const VALUE_ENTRY: Shown = Shown {
    named: &["key", "value"],
    kept: &["key"],
};

/// A declaration of a secured key, as a ConnectorStaged has it: no value.
const DECLARATION: Shown = Shown {
    named: &["key", "value", "description", "required"],
    kept: &["key", "description", "required"],
};

fn mask_entry(entry: &Value, shown: &Shown) -> Value {
    let Value::Object(fields) = entry else {
        return mask_all(entry);
    };
    let member = |(i, (name, v)): (usize, (&String, &Value))| {
        let keep = shown.kept.contains(&name.as_str()) && (v.is_string() || v.is_boolean());
        let name = if shown.named.contains(&name.as_str()) {
            name.clone()
        } else {
            format!("{MASK}{i}")
        };
        (name, if keep { v.clone() } else { mask_all(v) })
    };
    Value::Object(fields.iter().enumerate().map(member).collect())
}

/// A `securedConfiguration` value: each entry as `shown` says; a block of any other shape is
/// masked whole.
fn mask_block(block: &Value, shown: &Shown) -> Value {
    match block {
        Value::Array(entries) => Value::Array(entries.iter().map(|e| mask_entry(e, shown)).collect()),
        other => mask_all(other),
    }
}

/// A resource the package hands back (`applyConnectorUpdate`'s ConnectorStaged) without a
/// secret the caller's copy may carry: in every `securedConfiguration`, each entry keeps its
/// declaration (`key`, `description`, `required`); a `value`, any other member (renamed by
/// position) and a block or entry of any other shape are masked.
pub(crate) fn mask_secured_declarations(resource: &mut Value) {
    mask_in_place(resource, &DECLARATION, |_| false);
}

/// In a set of secured keys: every key is secured (a connect.yaml given as context that cannot
/// be read says nothing of which keys are secrets, so all are).
pub(crate) const EVERY_KEY: &str = "\u{0}every key";

/// Whether `entry` is a `{key, value}` entry of a key the context declares secured.
fn is_secured_entry(entry: &Map<String, Value>, secured_keys: &BTreeSet<&str>) -> bool {
    entry.contains_key("value")
        && entry
            .get("key")
            .and_then(Value::as_str)
            .is_some_and(|k| secured_keys.contains(k) || secured_keys.contains(EVERY_KEY))
}

fn holds_secret(value: &Value, secured_keys: &BTreeSet<&str>) -> bool {
    match value {
        Value::Object(map) => {
            map.contains_key(SECURED)
                || is_secured_entry(map, secured_keys)
                || map.values().any(|v| holds_secret(v, secured_keys))
        }
        Value::Array(items) => items.iter().any(|v| holds_secret(v, secured_keys)),
        _ => false,
    }
}

/// Every secret in `value` replaced by its mask, in place: only the secrets are rebuilt (a
/// copy of the whole payload was a third of the time of a large draft with issues).
fn mask_secrets(value: &mut Value, secured_keys: &BTreeSet<&str>) {
    mask_in_place(value, &VALUE_ENTRY, |entry| is_secured_entry(entry, secured_keys));
}

/// Every `securedConfiguration` block in `value` masked as `shown` says, and every object
/// `secret_entry` names masked as an entry, wherever they are.
fn mask_in_place(value: &mut Value, shown: &Shown, secret_entry: impl Fn(&Map<String, Value>) -> bool) {
    // A stack, not recursion: a value built natively has no depth budget.
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) if secret_entry(map) => *value = mask_entry(value, shown),
            Value::Object(map) => {
                for (name, member) in map.iter_mut() {
                    if name == SECURED {
                        *member = mask_block(member, shown);
                    } else {
                        stack.push(member);
                    }
                }
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
}

/// Nothing of `value` but its shape: strings masked, numbers 0, booleans false, object
/// members renamed by position (a name could be the secret), array lengths kept.
fn mask_all(value: &Value) -> Value {
    match value {
        Value::String(s) if crate::report::checker::is_blank(s) => value.clone(),
        Value::String(_) => Value::String(MASK.to_owned()),
        Value::Number(_) => Value::from(0),
        Value::Bool(_) => Value::Bool(false),
        Value::Null => Value::Null,
        Value::Array(items) => Value::Array(items.iter().map(mask_all).collect()),
        Value::Object(map) => Value::Object(
            map.values()
                .enumerate()
                .map(|(i, v)| (format!("{MASK}{i}"), mask_all(v)))
                .collect(),
        ),
    }
}

/// [`crate::report::json_text::check_payload`] for a payload that may hold secrets: `check` sees it
/// with every secret masked ([`masked`]), so no issue it builds can carry one.
pub(crate) fn check_secret_payload(
    payload: Payload<'_>,
    secured_keys: &BTreeSet<&str>,
    check: impl FnOnce(&Value) -> Report,
) -> Report {
    match payload {
        Payload::Value(value) => check(&masked(value, secured_keys)),
        // The value parsed from the text is this call's own: masked where it is.
        Payload::Text(text) => {
            with_text(text, |value| {
                mask_secrets(value, secured_keys);
                ((), check(value))
            })
            .1
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn keys<'a>(k: &[&'a str]) -> BTreeSet<&'a str> {
        k.iter().copied().collect()
    }

    #[test]
    fn nothing_secret_is_borrowed() {
        let draft = json!({"configurations": [{"standardConfiguration": [{"key": "A", "value": "x"}]}]});
        assert!(matches!(masked(&draft, &keys(&["B"])), Cow::Borrowed(_)));
    }

    #[test]
    fn secured_blocks_of_every_shape_keep_only_their_shape_and_key_names() {
        let s = "S3CRET";
        for block in [
            json!(s),
            json!({"API_KEY": s}),
            json!([s]),
            json!([["API_KEY", s]]),
            json!([{"key": "API_KEY", "value": s, "extra": [s], "S3CRET": 1}]),
            json!([{"key": {"nested": s}, "value": 12345}]),
            json!(12345),
        ] {
            let draft =
                json!({"configurations": [{"securedConfiguration": block}], "x": {"securedConfiguration": block}});
            let out = masked(&draft, &keys(&[])).into_owned();
            let text = out.to_string();
            assert!(!text.contains(s) || text.contains("\"S3CRET\":"), "{text}");
            assert!(!text.contains("12345"), "{text}");
            // Shapes are kept: types and lengths.
            let got = &out["configurations"][0]["securedConfiguration"];
            assert_eq!(std::mem::discriminant(got), std::mem::discriminant(&block));
        }
        let entry = json!([{"key": "API_KEY", "value": "S3CRET"}]);
        let out = mask_block(&entry, &VALUE_ENTRY);
        assert_eq!(out, json!([{"key": "API_KEY", "value": MASK}]));
        assert_eq!(
            mask_block(&json!([{"key": "K", "value": "  "}]), &VALUE_ENTRY),
            json!([{"key": "K", "value": "  "}])
        );
    }

    #[test]
    fn values_of_declared_secured_keys_are_masked_wherever_sent() {
        let draft = json!({"standardConfiguration": [{"key": "TOKEN", "value": "S3CRET"}, {"key": "OTHER", "value": "plain"}],
                           "actions": [{"configurationValues": [{"standardConfiguration": [{"key": "TOKEN", "value": ["S3CRET"]}]}]}]});
        let out = masked(&draft, &keys(&["TOKEN"])).into_owned();
        assert!(!out.to_string().contains("S3CRET"));
        assert_eq!(out["standardConfiguration"][1]["value"], "plain");
        assert_eq!(out["standardConfiguration"][0]["value"], MASK);
    }
}
