//! A payload's fields as data (issue 12): each field's name, whether it is required (and what
//! the `RequiredField` message then adds) and its rule. Every system has its own rule enum —
//! what a value must be there — and states each payload once as a table of `Field`s; the walk
//! over a table (which fields are there, which required ones are missing) is this one.

use crate::report::checker::Checker;
use serde_json::{Map, Value};

pub(crate) struct Field<R: 'static> {
    pub(crate) name: &'static str,
    pub(crate) rule: R,
    /// `Some(tail)` when the field is required: what the `RequiredField` message adds.
    pub(crate) required: Option<&'static str>,
}

/// An optional field.
pub(crate) const fn field<R>(name: &'static str, rule: R) -> Field<R> {
    Field {
        name,
        rule,
        required: None,
    }
}

/// A required field; `tail` is added to its `RequiredField` message (`""` for none).
pub(crate) const fn required<R>(name: &'static str, rule: R, tail: &'static str) -> Field<R> {
    Field {
        name,
        rule,
        required: Some(tail),
    }
}

/// The names of `fields`, in their order (for `UnknownField` and its did-you-mean).
pub(crate) fn names<R>(fields: &[Field<R>]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

/// The fields of `object` (at `path`) in the table's order: `check` for each one present, a
/// `RequiredField` for each required one missing. Fields outside the table are the caller's
/// (a system decides whether they are errors or warnings, and whether they come first).
pub(crate) fn check_fields<'v, 'f, R: 'static>(
    c: &mut Checker,
    object: &'v Map<String, Value>,
    path: &str,
    fields: impl IntoIterator<Item = &'f Field<R>>,
    mut check: impl FnMut(&mut Checker, &'f Field<R>, &'v Value),
) {
    for field in fields {
        match object.get(field.name) {
            Some(value) => check(c, field, value),
            None => {
                if let Some(tail) = field.required {
                    c.required(path, field.name, tail);
                }
            }
        }
    }
}
