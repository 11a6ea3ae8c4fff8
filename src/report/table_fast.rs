//! The fast paths for clean payloads, written from a system's field tables (`report::table`):
//! each rule says what a *clean* value of it is (`FastRule::clean`), and two readers follow
//! that one description —
//! - `is_clean_text` walks JSON text as serde_json reads it (no tree, no string copies) and
//!   checks each value as soon as it is read (the Node build; issue 16);
//! - `js_filter` writes the JS object filter that src/bindings.js holds between GENERATED marks
//!   (both builds), so that a clean object never crosses into wasm.
//!
//! Both answer only "clean": anything else (an unknown or repeated field, a value a rule
//! warns about, anything they do not know) is "not sure", and the full check reads the
//! payload and writes the report. The predicates are the ones the full checks report with;
//! property tests check that whatever these call clean, the full check finds nothing in.

use crate::report::table::Field;

/// What a clean value of a rule is. (`js` is read by the generator, a test; the browser build
/// has no text walker: there this is read by nothing.)
#[cfg_attr(not(all(test, feature = "draft-fast-path")), allow(dead_code))]
pub(crate) enum Clean<R: 'static> {
    /// A string that passes `test`; `js` names the helper of src/bindings.js that tests the
    /// same or less (`""`: any string).
    Text { test: fn(&str) -> bool, js: &'static str },
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// A boolean: any, or only this one (the other draws a warning).
    Bool(Option<bool>),
    /// A whole number of at least this.
    Count(u64),
    /// An object of this table.
    Object(&'static [Field<R>]),
    /// Any object: what it holds is not checked.
    AnyObject,
    /// An array of strings that each pass `item`, with none twice when `unique`.
    List { item: Item, unique: bool },
    /// Never clean here: the full check answers.
    Never,
}

#[cfg_attr(not(feature = "draft-fast-path"), allow(dead_code))] // the browser build: only tests
impl<R> Clean<R> {
    /// Any string.
    pub(crate) fn any_text() -> Clean<R> {
        Clean::Text { test: |_| true, js: "" }
    }

    /// A string that is not blank (`checker::is_blank`); in JS, conservatively, one with a
    /// printable ASCII character.
    pub(crate) fn non_blank() -> Clean<R> {
        Clean::Text {
            test: |s| !crate::report::checker::is_blank(s),
            js: "isVisible",
        }
    }
}

/// An item of a `Clean::List`.
#[cfg_attr(not(all(test, feature = "draft-fast-path")), allow(dead_code))]
pub(crate) enum Item {
    Text { test: fn(&str) -> bool, js: &'static str },
    OneOf(&'static [&'static str]),
}

impl Item {
    #[cfg(feature = "draft-fast-path")]
    fn passes(&self, s: &str) -> bool {
        match self {
            Item::Text { test, .. } => test(s),
            Item::OneOf(values) => values.contains(&s),
        }
    }
}

/// A rule enum whose rules say what their clean values are.
#[cfg_attr(not(feature = "draft-fast-path"), allow(dead_code))]
pub(crate) trait FastRule: Sized + 'static {
    fn clean(&self) -> Clean<Self>;
}

/// Whether `payload` is JSON text of an object of `fields` with nothing to report; `false`
/// means "not sure".
#[cfg(feature = "draft-fast-path")]
pub(crate) fn is_clean_text<R: FastRule>(
    payload: crate::report::json_text::Payload<'_>,
    fields: &'static [Field<R>],
) -> bool {
    match payload {
        crate::report::json_text::Payload::Text(text) => walk::is_clean(text, fields),
        crate::report::json_text::Payload::Value(_) => false,
    }
}

/// Without the text walker (the browser build, for size): never sure.
#[cfg(not(feature = "draft-fast-path"))]
pub(crate) fn is_clean_text<R>(_: crate::report::json_text::Payload<'_>, _: &'static [Field<R>]) -> bool {
    false
}

#[cfg(feature = "draft-fast-path")]
mod walk {
    use super::nested::Nested;
    use super::{Clean, FastRule};
    use crate::report::table::Field;
    use serde::de::{DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use std::borrow::Cow;
    use std::collections::BTreeSet;
    use std::fmt;

    pub(super) fn is_clean<R: FastRule>(text: &str, fields: &'static [Field<R>]) -> bool {
        if !crate::report::json_text::within_node_budget_by_length(text) {
            return false;
        }
        let mut reader = serde_json::Deserializer::from_str(text);
        Walk(fields).deserialize(&mut reader).is_ok() && reader.end().is_ok()
    }

    /// Not clean: the reading stops (the message is never shown).
    fn not_clean<E: Error>() -> E {
        E::custom("not clean")
    }

    /// An object of these fields: every field known, none twice, every required one there.
    struct Walk<R: 'static>(&'static [Field<R>]);

    impl<'de, R: FastRule> DeserializeSeed<'de> for Walk<R> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_map(self)
        }
    }

    impl<'de, R: FastRule> Visitor<'de> for Walk<R> {
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
                map.next_value_seed(Check(self.0[index].rule.clean()))?;
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
    struct FieldOf<R: 'static>(&'static [Field<R>]);

    impl<'de, R> DeserializeSeed<'de> for FieldOf<R> {
        type Value = usize;
        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
            deserializer.deserialize_str(self)
        }
    }

    impl<'de, R> Visitor<'de> for FieldOf<R> {
        type Value = usize;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a field name")
        }
        fn visit_str<E: Error>(self, name: &str) -> Result<usize, E> {
            self.0.iter().position(|f| f.name == name).ok_or_else(not_clean)
        }
    }

    /// One value by what is clean for its rule.
    struct Check<R: 'static>(Clean<R>);

    impl<'de, R: FastRule> DeserializeSeed<'de> for Check<R> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            match self.0 {
                Clean::Text { .. } | Clean::OneOf(_) => deserializer.deserialize_str(self),
                Clean::Bool(_) => deserializer.deserialize_bool(self),
                Clean::Count(_) => deserializer.deserialize_u64(self),
                Clean::Object(fields) => deserializer.deserialize_map(Walk(fields)),
                Clean::AnyObject | Clean::List { .. } => deserializer.deserialize_any(self),
                Clean::Never => Err(not_clean()),
            }
        }
    }

    impl<'de, R: FastRule> Visitor<'de> for Check<R> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a clean value")
        }

        fn visit_str<E: Error>(self, s: &str) -> Result<(), E> {
            let clean = match self.0 {
                Clean::Text { test, .. } => test(s),
                Clean::OneOf(values) => values.contains(&s),
                _ => false,
            };
            clean.then_some(()).ok_or_else(not_clean)
        }

        fn visit_bool<E: Error>(self, b: bool) -> Result<(), E> {
            match self.0 {
                Clean::Bool(want) if want.is_none_or(|w| w == b) => Ok(()),
                _ => Err(not_clean()),
            }
        }

        fn visit_u64<E: Error>(self, n: u64) -> Result<(), E> {
            match self.0 {
                Clean::Count(min) if n >= min => Ok(()),
                _ => Err(not_clean()),
            }
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let Clean::AnyObject = self.0 else {
                return Err(not_clean());
            };
            // What it holds is not checked, but read through (it must be JSON).
            while map.next_entry::<IgnoredAny, Nested>()?.is_some() {}
            Ok(())
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let Clean::List { item, unique } = self.0 else {
                return Err(not_clean());
            };
            let mut seen = BTreeSet::new();
            while let Some(s) = seq.next_element::<Cow<'de, str>>()? {
                if !item.passes(&s) || (unique && !seen.insert(s)) {
                    return Err(not_clean());
                }
            }
            Ok(())
        }
    }
}

#[cfg(feature = "draft-fast-path")]
mod nested {
    use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    /// Any JSON value, read and dropped through `deserialize_any`, so that serde_json counts
    /// its nesting against the same limit as the full path (`MAX_DEPTH`). `IgnoredAny` skips a
    /// value without counting, which made deep `metadata` clean from text and
    /// `InvalidJsonInput` from an object.
    pub(super) struct Nested;

    impl<'de> Deserialize<'de> for Nested {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Nested, D::Error> {
            deserializer.deserialize_any(Nested)
        }
    }

    impl<'de> Visitor<'de> for Nested {
        type Value = Nested;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Nested, E> {
            Ok(Nested)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Nested, E> {
            Ok(Nested)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Nested, E> {
            Ok(Nested)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Nested, E> {
            Ok(Nested)
        }
        fn visit_str<E>(self, _: &str) -> Result<Nested, E> {
            Ok(Nested)
        }
        fn visit_unit<E>(self) -> Result<Nested, E> {
            Ok(Nested)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Nested, A::Error> {
            while map.next_entry::<IgnoredAny, Nested>()?.is_some() {}
            Ok(Nested)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Nested, A::Error> {
            while seq.next_element::<Nested>()?.is_some() {}
            Ok(Nested)
        }
    }
}

/// One field of a generated JS object filter: its name, the test of its value `v` (one
/// expression over the helpers of src/bindings.js; it may read the object `o`), whether it is
/// required, and whether it is one of a group of which one must be there (`named`).
#[cfg(test)]
pub(crate) struct JsField {
    pub(crate) name: &'static str,
    pub(crate) test: String,
    pub(crate) required: bool,
    pub(crate) named: bool,
}

/// Writes the JS object filters that src/bindings.js holds between GENERATED marks (every
/// payload's, the DeploymentDraft's too): the set constants, then the functions, every name
/// starting with the filter's.
#[cfg(test)]
pub(crate) struct JsWriter {
    name: String,
    sets: Vec<&'static [&'static str]>,
    set_tests: Vec<String>,
    out: String,
}

#[cfg(test)]
impl JsWriter {
    pub(crate) fn new(name: &str) -> JsWriter {
        JsWriter {
            name: name.to_owned(),
            sets: Vec::new(),
            set_tests: Vec::new(),
            out: String::new(),
        }
    }

    /// The constant holding `values` (one per list of values, however many fields name it).
    pub(crate) fn set(&mut self, values: &'static [&'static str]) -> String {
        let k = self
            .sets
            .iter()
            .position(|s| std::ptr::eq(*s, values))
            .unwrap_or_else(|| {
                self.sets.push(values);
                self.sets.len() - 1
            });
        format!("{}_SET_{k}", self.name)
    }

    /// A function testing membership of `values`, made once beside its set (not a closure
    /// per call).
    pub(crate) fn set_test(&mut self, values: &'static [&'static str]) -> String {
        let set = self.set(values);
        if !self.set_tests.contains(&set) {
            self.set_tests.push(set.clone());
        }
        format!("{set}_has")
    }

    /// A function as it is (and a blank line).
    pub(crate) fn function(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    /// `function {function}(o)`, true for a plain object of `fields`: one `for…in` (the fields
    /// JSON writes, in the order it reads them, so that a getter that changes a sibling is
    /// seen as JSON would see it) with a `switch` over the names, each case reading its field
    /// by name (an inline cache of its own: the `o[name]` it replaced was one load shared by
    /// every shape, 170 → 100 ns for connector.json, docs/decisions.md) and testing it; then
    /// every required field there, and one of the `named` ones when there are such.
    pub(crate) fn object(&mut self, function: &str, fields: &[JsField]) {
        use std::fmt::Write;
        let out = &mut self.out;
        let group = fields.iter().any(|f| f.named);
        let _ = writeln!(out, "function {function}(o) {{");
        let _ = writeln!(out, "  if (!isPlainObject(o)) return false;\n  let required = 0;");
        if group {
            let _ = writeln!(out, "  let named = false;");
        }
        let _ = writeln!(out, "  for (const name in o) {{\n    let v;\n    switch (name) {{");
        for field in fields {
            // Read as `o.name`: every field name of the tables is an identifier.
            assert!(
                field.name.chars().all(|c| c.is_ascii_alphabetic()),
                "{function}: the field '{}' cannot be read as o.{}",
                field.name,
                field.name
            );
            let mut then = String::new();
            if field.required {
                then.push_str(" required++;");
            }
            if field.named {
                then.push_str(" named = true;");
            }
            let _ = writeln!(
                out,
                "      case '{0}':\n        v = o.{0};\n        if (!({1})) return false;{then}\n        break;",
                field.name, field.test
            );
        }
        let _ = writeln!(out, "      default:\n        return false;\n    }}\n  }}");
        let required = fields.iter().filter(|f| f.required).count();
        let named = if group { " && named" } else { "" };
        let _ = writeln!(out, "  return required === {required}{named};\n}}\n");
    }

    /// The constants, then the functions.
    pub(crate) fn finish(self) -> String {
        use std::fmt::Write;
        let mut head = String::new();
        for (k, values) in self.sets.iter().enumerate() {
            let list: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
            let _ = writeln!(head, "const {}_SET_{k} = new Set([{}]);", self.name, list.join(", "));
        }
        for set in &self.set_tests {
            let _ = writeln!(head, "const {set}_has = (s) => {set}.has(s);");
        }
        format!("{head}\n{}", self.out)
    }
}

/// The JS object filter of `tables` (the first is the payload's; every table an `Object` rule
/// names must be among them): `function {name}(o)` for the payload and one function per table
/// ([`JsWriter::object`]), each rule's clean values one expression.
#[cfg(test)]
pub(crate) fn js_filter<R: FastRule>(name: &str, tables: &[&'static [Field<R>]]) -> String {
    let mut w = JsWriter::new(name);
    let table = |fields: &'static [Field<R>]| -> String {
        let k = tables
            .iter()
            .position(|t| std::ptr::eq(*t, fields))
            .expect("every nested table is listed");
        format!("{name}Shape{k}")
    };
    let text = |js: &str| {
        if js.is_empty() {
            "isText(v)".to_owned()
        } else {
            format!("isText(v) && {js}(v)")
        }
    };
    w.function(&format!("function {name}(o) {{\n  return {name}Shape0(o);\n}}"));
    for (k, fields) in tables.iter().enumerate() {
        let fields: Vec<JsField> = fields
            .iter()
            .map(|field| {
                let test = match field.rule.clean() {
                    Clean::Text { js, .. } => text(js),
                    Clean::OneOf(values) => format!("{}.has(v)", w.set(values)),
                    Clean::Bool(None) => "typeof v === 'boolean'".to_owned(),
                    Clean::Bool(Some(b)) => format!("v === {b}"),
                    Clean::Count(min) => format!("Number.isSafeInteger(v) && v >= {min}"),
                    Clean::Object(inner) => format!("{}(v)", table(inner)),
                    Clean::AnyObject => "isPlainJsonObject(v)".to_owned(),
                    Clean::List {
                        item: Item::Text { js, .. },
                        unique,
                    } => {
                        let js = if js.is_empty() { "null" } else { js };
                        format!("isStringList(v, {js}, {unique})")
                    }
                    Clean::List {
                        item: Item::OneOf(values),
                        unique,
                    } => format!("isStringList(v, {}, {unique})", w.set_test(values)),
                    Clean::Never => "false".to_owned(),
                };
                JsField {
                    name: field.name,
                    test,
                    required: field.required.is_some(),
                    named: false,
                }
            })
            .collect();
        w.object(&format!("{name}Shape{k}"), &fields);
    }
    w.finish()
}
