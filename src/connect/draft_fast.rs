//! A fast path for DeploymentDraft text that is entirely clean (no error, no warning), the
//! common case of a build script or a form that is filled in: the text is walked by the rule
//! table (`draft_rules`) as serde_json reads it — no tree, no string copies — and each value is
//! checked as soon as it is read.
//!
//! It answers only "clean"; anything else — an unknown or repeated field, a null, a retry
//! policy, any rule that fails — stops the reading, and the full path reads the text and
//! writes the report. The rules are the same predicates the full path uses (`key_problem`,
//! the cron check, ...); a property test checks that whatever this path calls clean, the full
//! path does too.

use crate::connect::cron::is_valid_schedule;
use crate::connect::draft_rules::{Rule, Shape, DRAFT};
use crate::connect::enums::DEPLOYMENT_TYPES;
use crate::report::checker::{is_blank, key_problem};
use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Whether `text` is a DeploymentDraft with no error and no warning on its own rules. `false`
/// means "not sure", never "invalid".
pub(crate) fn is_clean(text: &str) -> bool {
    if !crate::report::json_text::within_node_budget_by_length(text) {
        return false;
    }
    let mut facts = Facts::default();
    let mut reader = serde_json::Deserializer::from_str(text);
    let read = Walk {
        shape: &DRAFT,
        facts: &mut facts,
    }
    .deserialize(&mut reader)
    .is_ok()
        && reader.end().is_ok();
    // The deployment type fits the connector: `preview` for a ConnectorStaged only.
    read && facts.deployment_type.is_none_or(|t| (t == "preview") == facts.staged)
}

/// What a rule that reads a neighbour needs, noted while reading (the type may come first).
#[derive(Default)]
struct Facts {
    deployment_type: Option<&'static str>,
    staged: bool,
}

/// Not clean: the reading stops (the message is never shown).
fn not_clean<E: Error>() -> E {
    E::custom("not clean")
}

/// An object of `shape`: every field known, none twice, every required one there.
struct Walk<'f> {
    shape: &'static Shape,
    facts: &'f mut Facts,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = 0u64; // a bit per field of the shape (a shape has fewer than 64)
        while let Some(index) = map.next_key_seed(FieldOf(self.shape))? {
            if seen & (1 << index) != 0 {
                return Err(not_clean()); // a repeated field: the full path reports it
            }
            seen |= 1 << index;
            let rule = &self.shape.fields[index].rule;
            map.next_value_seed(Check {
                rule,
                facts: &mut *self.facts,
            })?;
        }
        let has = |name: &str| {
            self.shape
                .fields
                .iter()
                .position(|f| f.name == name)
                .is_some_and(|i| seen & (1 << i) != 0)
        };
        let required = self
            .shape
            .fields
            .iter()
            .enumerate()
            .all(|(i, f)| f.required.is_none() || seen & (1 << i) != 0);
        let named = self
            .shape
            .one_of
            .is_none_or(|(any, _)| any.iter().any(|name| has(name)));
        if required && named {
            Ok(())
        } else {
            Err(not_clean())
        }
    }
}

/// A key: the index of the shape's field it names.
struct FieldOf(&'static Shape);

impl<'de> DeserializeSeed<'de> for FieldOf {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for FieldOf {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: Error>(self, name: &str) -> Result<usize, E> {
        self.0.fields.iter().position(|f| f.name == name).ok_or_else(not_clean)
    }
}

/// One value by its rule.
struct Check<'f> {
    rule: &'static Rule,
    facts: &'f mut Facts,
}

impl<'de> DeserializeSeed<'de> for Check<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.rule {
            Rule::Object(shape) => deserializer.deserialize_map(Walk {
                shape,
                facts: self.facts,
            }),
            Rule::List(_) => deserializer.deserialize_seq(self),
            Rule::Staged | Rule::Boolean => deserializer.deserialize_bool(self),
            Rule::IntegerAtLeast(_) => deserializer.deserialize_i64(self),
            Rule::RetryPolicy => Err(not_clean()),
            _ => deserializer.deserialize_str(self),
        }
    }
}

impl<'de> Visitor<'de> for Check<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a clean value")
    }

    fn visit_str<E: Error>(self, s: &str) -> Result<(), E> {
        let clean = match self.rule {
            Rule::Key => key_problem(s).is_none(),
            Rule::OneOf(allowed) => allowed.contains(&s),
            Rule::DeploymentType => match DEPLOYMENT_TYPES.iter().find(|t| **t == s) {
                Some(t) => {
                    self.facts.deployment_type = Some(t);
                    true
                }
                None => false,
            },
            Rule::NonBlank => !is_blank(s),
            Rule::Text => true,
            Rule::Schedule => is_valid_schedule(s),
            _ => false,
        };
        if clean {
            Ok(())
        } else {
            Err(not_clean())
        }
    }

    fn visit_bool<E: Error>(self, b: bool) -> Result<(), E> {
        match self.rule {
            Rule::Staged => {
                self.facts.staged = b;
                Ok(())
            }
            Rule::Boolean => Ok(()),
            _ => Err(not_clean()),
        }
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<(), E> {
        match self.rule {
            Rule::IntegerAtLeast(min) if i128::from(n) >= i128::from(*min) => Ok(()),
            _ => Err(not_clean()),
        }
    }

    fn visit_i64<E: Error>(self, n: i64) -> Result<(), E> {
        match self.rule {
            Rule::IntegerAtLeast(min) if n >= *min => Ok(()),
            _ => Err(not_clean()),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Rule::List(shape) = self.rule else {
            return Err(not_clean());
        };
        while seq
            .next_element_seed(Walk {
                shape,
                facts: &mut *self.facts,
            })?
            .is_some()
        {}
        Ok(())
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::is_clean;
    use crate::connect::deployment::validate_deployment_draft;
    use proptest::prelude::*;

    const TEMPLATE: &str = r#"{"key": "my-deployment", "type": "sandbox",
  "connector": {"key": "my-connector", "id": "x", "version": 1, "staged": false},
  "region": "europe-west1.gcp",
  "configurations": [
    {"applicationName": "service", "standardConfiguration": [{"key": "A", "value": "a"}], "securedConfiguration": [{"key": "S", "value": ""}]},
    {"applicationName": "job", "standardConfiguration": [], "securedConfiguration": [], "schedule": "0 0 * * *"}
  ],
  "globalConfiguration": {"standardConfiguration": [{"key": "G", "value": "g"}]}
}"#;

    /// Whatever the fast path calls clean, the full path finds no error and no warning in.
    fn agrees(text: &str) -> bool {
        let clean = is_clean(text);
        if clean {
            // The full check of the parsed value: text would take this fast path itself.
            let value: serde_json::Value = serde_json::from_str(text).expect("the fast path read it");
            let report = validate_deployment_draft(&value);
            assert!(
                report.errors.is_empty() && report.warnings.is_empty(),
                "{text}\n{report:?}"
            );
        }
        clean
    }

    #[test]
    fn the_template_is_clean_and_typical_problems_are_not() {
        assert!(agrees(TEMPLATE));
        // Escaped strings are read too (the walker does not need borrowed text).
        assert!(agrees(&TEMPLATE.replacen(
            "\"value\": \"a\"",
            "\"value\": \"a\\u0041\"",
            1
        )));
        // A repeated field is the full path's to report.
        assert!(!agrees(&TEMPLATE.replacen(
            "\"region\"",
            "\"region\": \"us-central1.gcp\", \"region\"",
            1
        )));
        for (from, to) in [
            ("\"sandbox\"", "\"preview\""),
            ("my-deployment", "my deployment"),
            ("\"europe-west1.gcp\"", "\"europe\""),
            ("\"version\": 1", "\"version\": 0"),
            ("\"version\": 1", "\"version\": 1.5"),
            ("\"key\": \"A\"", "\"key\": \" \""),
            ("\"id\": \"x\"", "\"id\": null"),
            ("\"schedule\": \"0 0 * * *\"", "\"schedule\": \"daily\""),
            ("\"schedule\": \"0 0 * * *\"", "\"retryPolicy\": {}"),
            ("\"region\"", "\"regoin\""),
            // A derived struct would take an array of its fields in order: these must not.
            (
                "{\"standardConfiguration\": [{\"key\": \"G\", \"value\": \"g\"}]}",
                "[]",
            ),
            ("{\"key\": \"A\", \"value\": \"a\"}", "[\"A\", \"a\"]"),
        ] {
            let text = TEMPLATE.replacen(from, to, 1);
            assert_ne!(text, TEMPLATE, "{from}");
            assert!(!agrees(&text), "{from} → {to} must take the full path");
        }
    }

    /// Drafts with a random value in every field, most of them clean: clean by the fast path
    /// means clean by the full one. At least a third of the drafts are found clean (the fast
    /// path is compared on them); before the weights, none of 4,000 was.
    #[test]
    fn random_fields_agree() {
        // The first of each list is clean, and weighted so that about half the drafts are.
        fn mostly<T: Clone + std::fmt::Debug + 'static>(clean: T, others: Vec<T>) -> impl Strategy<Value = T> {
            let others = prop::sample::select(others);
            prop_oneof![12 => Just(clean), 1 => others]
        }
        let strategy = (
            (
                mostly(r#""k1""#, vec![r#""a b""#, "null", "1", r#""""#]),
                mostly(r#""sandbox""#, vec![r#""preview""#, r#""prod""#, "null"]),
                mostly(
                    r#"{"key": "c1"}"#,
                    vec![
                        r#"{"id": " "}"#,
                        r#"{"id": "x", "staged": true}"#,
                        r#"{"key": "c1", "version": 0}"#,
                        r#"{"key": "c1", "extra": 1}"#,
                        "{}",
                    ],
                ),
                mostly(r#""us-east-2.aws""#, vec![r#""us-east-2""#, "null"]),
                mostly(r#""svc""#, vec![r#""s/v""#, "1"]),
            ),
            (
                mostly(r#""v""#, vec![r#""""#, "1", "null", "\"\n\""]),
                mostly(r#""K""#, vec![r#"" ""#, "2"]),
                mostly(
                    "",
                    vec![
                        r#", "schedule": "*/5 * * * *""#,
                        r#", "schedule": "x""#,
                        r#", "schedule": null"#,
                    ],
                ),
                mostly(
                    "",
                    vec![
                        r#", "globalConfiguration": {}"#,
                        r#", "globalConfiguration": {"securedConfiguration": null}"#,
                        r#", "globalConfiguration": []"#,
                        r#", "globalConfiguration": [[]]"#,
                    ],
                ),
            ),
        );
        crate::hits::assert_hit_rate(
            "draft_fast random_fields_agree: found clean",
            4000,
            0.2,
            strategy,
            |((key, deployment_type, connector, region, name), (value, entry_key, schedule, global))| {
                let text = format!(
                    r#"{{"key": {key}, "type": {deployment_type}, "connector": {connector}, "region": {region},
                "configurations": [{{"applicationName": {name}, "standardConfiguration": [{{"key": {entry_key}, "value": {value}}}],
                "securedConfiguration": []{schedule}}}]{global}}}"#
                );
                Ok(agrees(&text))
            },
        );
    }

    /// Random edits of a clean draft: clean by the fast path means clean by the full one.
    /// Junk anywhere finds the drafts the fast path must decline; blanks between tokens and
    /// another deployment key keep it clean, so the fast path is compared on a fifth at least
    /// (junk alone left 4 % clean).
    #[test]
    fn edits_agree() {
        #[derive(Clone, Debug)]
        enum Edit {
            Junk(usize, String, usize),
            /// Blanks after the n-th `,` `:` `{` `[` outside strings.
            Blank(usize, String),
            Key(String),
        }
        let edit = prop_oneof![
            2 => (0usize..600, "[ -~]{0,6}", 0usize..4).prop_map(|(a, j, c)| Edit::Junk(a, j, c)),
            2 => (0usize..200, "[ \\n\\t]{1,3}").prop_map(|(n, b)| Edit::Blank(n, b)),
            1 => "[a-z][a-z0-9-]{0,10}[a-z0-9]".prop_map(Edit::Key),
        ];
        let strategy = prop::collection::vec(edit, 1..3);
        crate::hits::assert_hit_rate("draft_fast edits_agree: still clean", 4000, 0.2, strategy, |edits| {
            let mut text = TEMPLATE.to_owned();
            for edit in edits {
                match edit {
                    Edit::Junk(at, junk, cut) => {
                        let at = at % text.len();
                        let end = (at + cut).min(text.len());
                        if text.is_char_boundary(at) && text.is_char_boundary(end) {
                            text.replace_range(at..end, &junk);
                        }
                    }
                    Edit::Blank(n, blank) => {
                        let mut in_string = false;
                        let places: Vec<usize> = text
                            .char_indices()
                            .filter_map(|(i, c)| {
                                if c == '"' && !text[..i].ends_with('\\') {
                                    in_string = !in_string;
                                }
                                (!in_string && ",:{[".contains(c)).then_some(i + 1)
                            })
                            .collect();
                        if !places.is_empty() {
                            text.insert_str(places[n % places.len()], &blank);
                        }
                    }
                    Edit::Key(key) => text = text.replacen("my-deployment", &key, 1),
                }
            }
            Ok(agrees(&text))
        });
    }
}
