//! A fast path for ConnectorStagedDraft text that is entirely clean (no error, no warning),
//! as `draft_fast` is for the DeploymentDraft: the text is walked by the draft's own field
//! tables (`connector_staged`) as serde_json reads it — no tree, no string copies — and each
//! string is checked by `connector_staged::is_clean_text`, the predicates the full check
//! reports with. It answers only "clean"; anything else (an unknown or repeated field, a
//! float count, a warning's URL, ...) stops the reading and the full path writes the report.
//! A property test checks that whatever this path calls clean, the full path does too.

use crate::connect::connector_actions::{Field, Rule};
use crate::connect::connector_staged::{draft_fields, is_clean_text, object_fields};
use crate::connect::enums::{INTEGRATION_TYPES, REGIONS};
use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeSet;
use std::fmt;

/// Whether `text` is a ConnectorStagedDraft with no error and no warning. `false` means "not
/// sure", never "invalid".
pub(crate) fn is_clean(text: &str) -> bool {
    let mut reader = serde_json::Deserializer::from_str(text);
    Walk(draft_fields()).deserialize(&mut reader).is_ok() && reader.end().is_ok()
}

/// Not clean: the reading stops (the message is never shown).
fn not_clean<E: Error>() -> E {
    E::custom("not clean")
}

/// An object of these fields: every field known, none twice, every required one there.
struct Walk(&'static [Field]);

impl<'de> DeserializeSeed<'de> for Walk {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Walk {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = 0u64; // a bit per field (a table has fewer than 64)
        while let Some(index) = map.next_key_seed(FieldOf(self.0))? {
            if seen & (1 << index) != 0 {
                return Err(not_clean()); // a repeated field: the full path reports it
            }
            seen |= 1 << index;
            map.next_value_seed(Check(&self.0[index].rule))?;
        }
        let required = (self.0.iter().enumerate()).all(|(i, f)| f.required.is_none() || seen & (1 << i) != 0);
        if required {
            Ok(())
        } else {
            Err(not_clean())
        }
    }
}

/// A key: the index of the table's field it names.
struct FieldOf(&'static [Field]);

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
        self.0.iter().position(|f| f.name == name).ok_or_else(not_clean)
    }
}

/// One value by its rule.
struct Check<'r>(&'r Rule);

impl<'de> DeserializeSeed<'de> for Check<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.0 {
            Rule::Creator | Rule::Repository => match object_fields(self.0) {
                Some(fields) => deserializer.deserialize_map(Walk(fields)),
                None => Err(not_clean()),
            },
            Rule::Regions | Rule::IntegrationTypes | Rule::Projects => deserializer.deserialize_seq(self),
            Rule::Count => deserializer.deserialize_u64(self),
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
        if is_clean_text(self.0, s) {
            Ok(())
        } else {
            Err(not_clean())
        }
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<(), E> {
        match self.0 {
            Rule::Count if n >= 1 => Ok(()),
            _ => Err(not_clean()),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // Each item clean and none twice (a duplicate is the full path's error).
        match self.0 {
            Rule::Regions | Rule::IntegrationTypes => {
                let allowed = if matches!(self.0, Rule::Regions) { REGIONS } else { INTEGRATION_TYPES };
                let mut seen = 0u64; // a bit per allowed value (fewer than 64)
                while let Some(index) = seq.next_element_seed(OneOf(allowed))? {
                    if seen & (1 << index) != 0 {
                        return Err(not_clean());
                    }
                    seen |= 1 << index;
                }
                Ok(())
            }
            Rule::Projects => {
                let mut seen = BTreeSet::new();
                while let Some(project) = seq.next_element::<std::borrow::Cow<'de, str>>()? {
                    if !is_clean_text(&Rule::Project, &project) || !seen.insert(project) {
                        return Err(not_clean());
                    }
                }
                Ok(())
            }
            _ => Err(not_clean()),
        }
    }
}

/// An item that is one of `allowed`: its index.
struct OneOf(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for OneOf {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for OneOf {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an allowed value")
    }
    fn visit_str<E: Error>(self, s: &str) -> Result<usize, E> {
        self.0.iter().position(|allowed| *allowed == s).ok_or_else(not_clean)
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::is_clean;
    use crate::connect::connector_staged::validate_connector_staged_draft;
    use crate::report::json_text::Payload;
    use proptest::prelude::*;

    /// Whatever the fast path calls clean, the full path finds no error and no warning in.
    fn agrees(text: &str) -> bool {
        let clean = is_clean(text);
        if clean {
            let report = validate_connector_staged_draft(Payload::Text(text));
            assert!(report.errors.is_empty() && report.warnings.is_empty(), "{text}\n{report:?}");
        }
        clean
    }

    /// Drafts with a random value in every field, most of them clean (the first of each list,
    /// weighted): clean by the fast path means clean by the full one. At least a third of the
    /// drafts are found clean, and at least a tenth are not (both sides are compared).
    #[test]
    fn random_fields_agree() {
        fn mostly(clean: &'static str, others: Vec<&'static str>) -> impl Strategy<Value = &'static str> {
            prop_oneof![14 => Just(clean), 1 => prop::sample::select(others)]
        }
        let strategy = (
            (
                mostly(r#""key": "my-connector","#, vec![r#""key": "my connector","#, r#""key": 1,"#, "", r#""key": "a","#]),
                mostly(r#""name": "My connector","#, vec![r#""name": " ","#, r#""name": null,"#, r#""name": "x\u0041","#]),
                mostly(r#""description": "d","#, vec![r#""description": 2,"#, "", r#""descriptio": "d","#]),
                mostly(r#""integrationTypes": ["psp", "other"],"#, vec![r#""integrationTypes": ["psp", "psp"],"#, r#""integrationTypes": ["payments"],"#, r#""integrationTypes": [],"#, r#""integrationTypes": {},"#]),
                mostly(r#""supportedRegions": ["europe-west1.gcp"],"#, vec![r#""supportedRegions": ["eu"],"#, r#""supportedRegions": ["us-east-2.aws", "us-east-2.aws"],"#, r#""supportedRegions": [null],"#]),
            ),
            (
                mostly(r#""privateProjects": ["europe-west1.gcp:shop-prod"],"#, vec![r#""privateProjects": ["shop-prod"],"#, r#""privateProjects": ["eu:shop-prod"],"#, r#""privateProjects": ["us-east-2.aws:a1", "us-east-2.aws:a1"],"#, r#""privateProjects": ["us-east-2.aws:a\u0031"],"#]),
                mostly(r#""documentationUrl": "https://example.com/docs","#, vec![r#""documentationUrl": "docs","#, r#""documentationUrl": "https://","#, r#""documentationUrl": "http://a b","#]),
                mostly(r#""email": "jane@example.com""#, vec![r#""email": "jane""#, r#""email": "a@b@c.d""#, r#""email": null"#]),
                mostly(r#", "noOfContributors": 3"#, vec![r#", "noOfContributors": 0"#, r#", "noOfContributors": 3.0"#, r#", "noOfContributors": -1"#, r#", "noOfContributors": "3""#]),
                mostly(r#", "logoUrl": "https://example.com/l.png""#, vec![r#", "logoUrl": "l.png""#, r#", "logoUrl": "https://example.com/l.png", "logoUrl": "x""#, r#", "logo": "x""#]),
                mostly(r#""url": "git@github.com:example/c.git""#, vec![r#""url": "https://github.com/example/c.git""#, r#""url": "git@gitlab.com:example/c.git""#, r#""url": "git@github.com:example/c""#, r#""url": "git@github.com://example/c.git""#]),
                mostly(r#""tag": "v1.2.0""#, vec![r#""tag": "-v1""#, r#""tag": "v1..2""#, r#""tag": "v1.lock""#, r#""tag": """#]),
            ),
        );
        let declined = std::cell::Cell::new(0u32);
        let rate = crate::hits::assert_hit_rate("connector fast path: clean", 3000, 0.33, strategy, |top| {
            let ((key, name, description, types, regions), (projects, docs, email, count, logo, url, tag)) = top;
            let text = format!(
                r#"{{{key} {name} {description} {types} {regions} {projects} {docs} "creator": {{{email}{count}{logo}}}, "repository": {{{url}, {tag}}}}}"#
            );
            let clean = agrees(&text);
            declined.set(declined.get() + u32::from(!clean));
            Ok(clean)
        });
        assert!(rate <= 0.9, "too few drafts that are not clean ({} declined)", declined.get());
    }
}
