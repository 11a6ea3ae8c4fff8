//! `Report` and `Issue`, the result shape of every check (API.md §3).

/// `Serialize` for an answer that holds a report beside what was built (`{ draft, report }`,
/// `{ path, report }`, …): each field under its JS name, in the order given.
macro_rules! serialize_answer {
    ($type:ident { $($js:literal => $field:ident),+ $(,)? }) => {
        impl serde::ser::Serialize for $type {
            fn serialize<S: serde::ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let mut s = serializer.serialize_struct(stringify!($type), [$($js),+].len())?;
                $(s.serialize_field($js, &self.$field)?;)+
                s.end()
            }
        }
    };
}
pub(crate) use serialize_answer;

pub mod budget;
pub(crate) mod checker;
pub mod codes;
pub(crate) mod error_response;
pub(crate) mod json_text;
pub(crate) mod machine;
pub(crate) mod pointer_tree;
pub(crate) mod table;
pub(crate) mod table_fast;
pub(crate) mod url;
pub mod wire;

use crate::report::budget::{cut, MAX_ECHO_CHARS, MAX_MESSAGE_CHARS};
use crate::report::codes::Code;
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// One problem found in a payload.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// The stable code (API.md §5).
    pub code: Code,
    /// One human sentence; never contains a secured value.
    pub message: String,
    /// RFC 6901 JSON Pointer into the input (`""` is the root).
    pub path: String,
    /// 1-based line, where the input was text.
    pub line: Option<u32>,
    /// 1-based column in UTF-16 code units, where the input was text.
    pub column: Option<u32>,
    /// Code-specific fields, named as in the API's ErrorObject (`field`, `invalidValue`, ...).
    pub params: Map<String, Value>,
}

impl Issue {
    /// An issue with no params yet. The message is cut to the budget (docs/api-notes.md).
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Issue {
        let mut message = message.into();
        if let std::borrow::Cow::Owned(shorter) = cut(&message, MAX_MESSAGE_CHARS) {
            message = shorter;
        }
        Issue {
            code,
            message,
            path: path.into(),
            line: None,
            column: None,
            params: Map::new(),
        }
    }

    /// Adds a code-specific field. Strings are cut to the echo budget, and `invalidValue` is
    /// only ever a scalar: a non-scalar is described by its type in the message (it may be a
    /// container on the way to a secret, and it could be as large as the input).
    #[must_use]
    pub fn param(mut self, name: &str, value: impl Into<Value>) -> Issue {
        if let Some(value) = param_value(name, value.into()) {
            self.params.insert(name.to_owned(), value);
        }
        self
    }

    /// Sets `line` and `column`.
    #[must_use]
    pub fn at(mut self, line: u32, column: u32) -> Issue {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

/// A param as a report may hold it (the one rule for every param, ours or one given to
/// `toErrorResponse`): strings cut to the echo budget; `invalidValue` only a scalar.
pub(crate) fn param_value(name: &str, value: Value) -> Option<Value> {
    if name == "invalidValue" && (value.is_array() || value.is_object()) {
        return None;
    }
    Some(bounded(value))
}

/// A param value within the echo budget: every string in it (member names too) cut to
/// `MAX_ECHO_CHARS`.
fn bounded(value: Value) -> Value {
    match value {
        Value::String(s) => match cut(&s, MAX_ECHO_CHARS) {
            std::borrow::Cow::Owned(shorter) => Value::String(shorter),
            std::borrow::Cow::Borrowed(_) => Value::String(s),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(bounded).collect()),
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(name, v)| (cut(&name, MAX_ECHO_CHARS).into_owned(), bounded(v)))
                .collect(),
        ),
        other => other,
    }
}

// Serialized flat, as the API's ErrorObject is: params sit beside code and message.
// Absent line/column are left out (never `null`, never `undefined`).
impl Serialize for Issue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("path", &self.path)?;
        if let Some(line) = self.line {
            map.serialize_entry("line", &line)?;
        }
        if let Some(column) = self.column {
            map.serialize_entry("column", &column)?;
        }
        for (name, value) in &self.params {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// The answer of every check: `valid` is true exactly when `errors` is empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Every error found, in a deterministic order (the order the input is walked in).
    pub errors: Vec<Issue>,
    /// Accepted by the API but probably wrong.
    pub warnings: Vec<Issue>,
}

impl Report {
    /// True exactly when there are no errors.
    pub fn valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// Every issue, errors first.
    pub fn issues(&self) -> impl Iterator<Item = &Issue> {
        self.errors.iter().chain(self.warnings.iter())
    }

    pub(crate) fn issues_mut(&mut self) -> impl Iterator<Item = &mut Issue> {
        self.errors.iter_mut().chain(self.warnings.iter_mut())
    }

    /// A report holding one error.
    pub fn from_error(issue: Issue) -> Report {
        Report {
            errors: vec![issue],
            warnings: Vec::new(),
        }
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Report", 3)?;
        s.serialize_field("valid", &self.valid())?;
        s.serialize_field("errors", &self.errors)?;
        s.serialize_field("warnings", &self.warnings)?;
        s.end()
    }
}

/// `items` in the order `compare` gives (stable). Every sort of the library goes through this
/// one, on indices with a `dyn` comparison: each `sort_by` of another element type or closure
/// is another copy of the sort's code in the wasm (about 6 KB gzipped for six sorts; issue 16).
pub(crate) fn sorted<T>(items: Vec<T>, compare: &dyn Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The indices `0..n` in the order `compare` gives them (stable).
pub(crate) fn sorted_indices(n: usize, compare: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Where a node is: a JSON Pointer, or a parent's pointer and one more step. Turned into a
/// pointer string only when an issue names the node, so walking a valid payload builds no
/// paths (it was a large share of the allocations).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Loc<'a> {
    /// This pointer.
    At(&'a str),
    /// Member `.1` of the object at `.0`.
    Field(&'a str, &'a str),
    /// Item `.1` of the array at `.0`.
    Item(&'a str, usize),
}

impl Loc<'_> {
    /// The JSON Pointer.
    pub(crate) fn pointer(self) -> String {
        match self {
            Loc::At(pointer) => pointer.to_owned(),
            Loc::Field(parent, field) => pointer_push(parent, field),
            Loc::Item(parent, index) => pointer_index(parent, index),
        }
    }
}

impl<'a> From<&'a str> for Loc<'a> {
    fn from(pointer: &'a str) -> Loc<'a> {
        Loc::At(pointer)
    }
}

impl<'a> From<&'a String> for Loc<'a> {
    fn from(pointer: &'a String) -> Loc<'a> {
        Loc::At(pointer)
    }
}

/// The pointers whose positions a report needs: every issue's path and all its ancestors
/// (a missing field is placed at the nearest node that exists).
pub(crate) fn pointers_to_locate(report: &Report) -> BTreeSet<&str> {
    let mut wanted = BTreeSet::new();
    for issue in report.issues() {
        for (i, _) in issue.path.match_indices('/') {
            wanted.insert(&issue.path[..i]);
        }
        wanted.insert(issue.path.as_str());
    }
    wanted
}

/// What `found` holds for `path` or, failing that, for its nearest ancestor; with whether it
/// is the path itself.
pub(crate) fn nearest<'f, T>(found: &'f BTreeMap<String, T>, path: &str) -> Option<(&'f T, bool)> {
    let mut at = path;
    loop {
        if let Some(hit) = found.get(at) {
            return Some((hit, at.len() == path.len()));
        }
        at = &at[..at.rfind('/')?];
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` as `~0` and `/` as `~1`.
pub fn pointer_push(pointer: &str, token: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    pointer_append(&mut out, token);
    out
}

/// `pointer_push` in place.
pub(crate) fn pointer_append(pointer: &mut String, token: &str) {
    pointer.push('/');
    if !token.contains(['~', '/']) {
        pointer.push_str(token);
        return;
    }
    for ch in token.chars() {
        match ch {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            _ => pointer.push(ch),
        }
    }
}

/// Appends an array index to a JSON Pointer.
pub fn pointer_index(pointer: &str, index: usize) -> String {
    let mut out = String::with_capacity(pointer.len() + 4);
    out.push_str(pointer);
    pointer_append_index(&mut out, index);
    out
}

/// `pointer_index` in place.
pub(crate) fn pointer_append_index(pointer: &mut String, index: usize) {
    use std::fmt::Write as _;
    let _ = write!(pointer, "/{index}");
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape() {
        let p = pointer_push(&pointer_push("", "a/b"), "m~n");
        assert_eq!(p, "/a~1b/m~0n");
        assert_eq!(pointer_index("/x", 3), "/x/3");
        assert_eq!(Loc::Field("/a", "b/c").pointer(), "/a/b~1c");
        assert_eq!(Loc::Item("", 0).pointer(), "/0");
        assert_eq!(Loc::At("/k").pointer(), "/k");
    }

    #[test]
    fn issue_serializes_flat_without_absent_fields() {
        let issue = Issue::new(Code::InvalidField, "/key", "bad").param("field", "key");
        let json = serde_json::to_value(&issue).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code":"InvalidField","message":"bad","path":"/key","field":"key"})
        );
        let report = Report::from_error(issue.at(2, 5));
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["valid"], false);
        assert_eq!(json["errors"][0]["line"], 2);
        assert_eq!(json["warnings"], serde_json::json!([]));
    }
}
