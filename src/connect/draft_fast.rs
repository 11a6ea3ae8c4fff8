//! A fast path for DeploymentDraft text that is entirely clean (no error, no warning), the
//! common case of a build script or a form that is filled in: the text is read straight into
//! borrowed structs (no tree, no string copies) and the draft's own rules run on them.
//!
//! It answers only "clean"; anything else — an unknown field, a null, an escaped string, a
//! retry policy, any rule that fails — returns `false`, and the full path reads the text and
//! writes the report. The rules are the same predicates the full path uses (`key_problem`,
//! `REGIONS`, the cron check, ...); a property test checks that whatever this path calls clean,
//! the full path does too.

use crate::connect::cron::is_valid_schedule;
use crate::connect::enums::{DEPLOYMENT_TYPES, REGIONS};
use crate::report::checker::key_problem;
use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A field that may be absent but, when present, must be a `T` (unlike `Option`, a `null`
/// does not pass: the full path reports it).
struct Given<T>(Option<T>);

impl<T> Default for Given<T> {
    fn default() -> Self {
        Given(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Given<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(|value| Given(Some(value)))
    }
}

/// A struct read from a JSON object only. (Derived structs also accept an array of their
/// fields in order; the full path calls that an `InvalidField`, so this path must not.)
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OnlyMaps<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for OnlyMaps<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        deserializer.deserialize_map(OnlyMaps(PhantomData)).map(Object)
    }
}

/// Something read from the text that is clean or not by its own rules.
trait Clean {
    fn is_clean(&self) -> bool;
}

impl<T: Clean> Clean for Object<T> {
    fn is_clean(&self) -> bool {
        self.0.is_clean()
    }
}

/// A JSON array whose elements are all clean `T`s. Each is checked as soon as it is read and
/// none is kept (no allocation); the first that is not clean stops the reading.
struct CleanList<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + Clean> Deserialize<'de> for CleanList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Elements<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Clean> Visitor<'de> for Elements<T> {
            type Value = CleanList<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while let Some(element) = seq.next_element::<T>()? {
                    if !element.is_clean() {
                        return Err(A::Error::custom("not clean"));
                    }
                }
                Ok(CleanList(PhantomData))
            }
        }
        deserializer.deserialize_seq(Elements(PhantomData))
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Draft<'a> {
    #[serde(default, borrow)]
    key: Given<&'a str>,
    #[serde(borrow)]
    connector: Object<Connector<'a>>,
    #[serde(borrow)]
    region: &'a str,
    #[serde(default, borrow, rename = "type")]
    deployment_type: Given<&'a str>,
    #[serde(borrow)]
    #[allow(dead_code)] // checked while read
    configurations: CleanList<Object<Application<'a>>>,
    #[serde(default, borrow, rename = "globalConfiguration")]
    #[allow(dead_code)] // checked while read
    global: Given<Object<Global<'a>>>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Connector<'a> {
    #[serde(default, borrow)]
    id: Given<&'a str>,
    #[serde(default, borrow)]
    key: Given<&'a str>,
    #[serde(default)]
    version: Given<u64>,
    #[serde(default)]
    staged: Given<bool>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Application<'a> {
    #[serde(borrow, rename = "applicationName")]
    name: &'a str,
    #[serde(borrow, rename = "standardConfiguration")]
    #[allow(dead_code)] // checked while read
    standard: CleanList<Object<ConfigurationValue<'a>>>,
    #[serde(borrow, rename = "securedConfiguration")]
    #[allow(dead_code)]
    secured: CleanList<Object<ConfigurationValue<'a>>>,
    #[serde(default, borrow)]
    schedule: Given<&'a str>,
    /// Its rules live in connect_yaml's check; a draft with one takes the full path.
    #[serde(default, rename = "retryPolicy")]
    retry_policy: Given<IgnoredAny>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // both lists are checked while read
struct Global<'a> {
    #[serde(default, borrow, rename = "standardConfiguration")]
    standard: Given<CleanList<Object<ConfigurationValue<'a>>>>,
    #[serde(default, borrow, rename = "securedConfiguration")]
    secured: Given<CleanList<Object<ConfigurationValue<'a>>>>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigurationValue<'a> {
    #[serde(borrow)]
    key: &'a str,
    #[serde(borrow)]
    #[allow(dead_code)] // any string is a valid value; it is read to be sure it is one
    value: &'a str,
}

/// Whether `text` is a DeploymentDraft with no error and no warning on its own rules. `false`
/// means "not sure", never "invalid".
pub(crate) fn is_clean(text: &str) -> bool {
    serde_json::from_str::<Object<Draft<'_>>>(text).is_ok_and(|draft| draft.is_clean())
}

impl Clean for Draft<'_> {
    fn is_clean(&self) -> bool {
        let key_ok = self.key.0.is_none_or(|k| key_problem(k).is_none());
        let staged = self.connector.0.staged.0 == Some(true);
        let type_ok = self
            .deployment_type
            .0
            .is_none_or(|t| DEPLOYMENT_TYPES.contains(&t) && (t == "preview") == staged);
        // The lists (configurations, the values) were checked while they were read.
        key_ok && self.connector.is_clean() && REGIONS.contains(&self.region) && type_ok
    }
}

impl Clean for Connector<'_> {
    fn is_clean(&self) -> bool {
        (self.id.0.is_some() || self.key.0.is_some())
            && self.id.0.is_none_or(|id| !crate::report::checker::is_blank(id))
            && self.key.0.is_none_or(|k| key_problem(k).is_none())
            && self.version.0.is_none_or(|v| v >= 1)
    }
}

impl Clean for Application<'_> {
    fn is_clean(&self) -> bool {
        key_problem(self.name).is_none()
            && self.schedule.0.is_none_or(is_valid_schedule)
            && self.retry_policy.0.is_none()
    }
}

impl Clean for ConfigurationValue<'_> {
    fn is_clean(&self) -> bool {
        !crate::report::checker::is_blank(self.key)
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
            let report = validate_deployment_draft(text);
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
            ("\"value\": \"a\"", "\"value\": \"a\\u0041\""),
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
