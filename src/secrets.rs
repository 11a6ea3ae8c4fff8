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

use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// What a non-blank secret string reads as, for the checks.
pub(crate) const MASK: &str = "\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}";

const SECURED: &str = "securedConfiguration";

/// `value` as the checks may see it: unchanged (borrowed) when it holds no secret.
pub(crate) fn masked<'v>(value: &'v Value, secured_keys: &BTreeSet<&str>) -> Cow<'v, Value> {
    if holds_secret(value, secured_keys) {
        Cow::Owned(mask_secrets(value, secured_keys))
    } else {
        Cow::Borrowed(value)
    }
}

/// Whether `entry` is a `{key, value}` entry of a key the context declares secured.
fn is_secured_entry(entry: &Map<String, Value>, secured_keys: &BTreeSet<&str>) -> bool {
    entry.contains_key("value")
        && entry
            .get("key")
            .and_then(Value::as_str)
            .is_some_and(|k| secured_keys.contains(k))
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

fn mask_secrets(value: &Value, secured_keys: &BTreeSet<&str>) -> Value {
    match value {
        Value::Object(map) => {
            let secured_entry = is_secured_entry(map, secured_keys);
            let masked = map.iter().map(|(name, member)| {
                let member = if name == SECURED {
                    mask_block(member)
                } else if secured_entry && name == "value" {
                    mask_all(member)
                } else {
                    mask_secrets(member, secured_keys)
                };
                (name.clone(), member)
            });
            Value::Object(masked.collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| mask_secrets(v, secured_keys)).collect()),
        other => other.clone(),
    }
}

/// A `securedConfiguration` value: entries keep their field names and their `key` string,
/// everything else is masked; a block or entry of any other shape is masked whole.
fn mask_block(block: &Value) -> Value {
    let Value::Array(entries) = block else {
        return mask_all(block);
    };
    let entry = |entry: &Value| match entry {
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(name, v)| {
                    let kept = if name == "key" && v.is_string() {
                        v.clone()
                    } else {
                        mask_all(v)
                    };
                    (name.clone(), kept)
                })
                .collect(),
        ),
        other => mask_all(other),
    };
    Value::Array(entries.iter().map(entry).collect())
}

/// Nothing of `value` but its shape: strings masked, numbers 0, booleans false, object
/// members renamed by position (a name could be the secret), array lengths kept.
fn mask_all(value: &Value) -> Value {
    match value {
        Value::String(s) if s.trim().is_empty() => value.clone(),
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
        let out = mask_block(&entry);
        assert_eq!(out, json!([{"key": "API_KEY", "value": MASK}]));
        assert_eq!(
            mask_block(&json!([{"key": "K", "value": "  "}])),
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
