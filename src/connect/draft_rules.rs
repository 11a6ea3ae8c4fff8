//! The DeploymentDraft's fields and their rules, stated once (issue 12). Three readers walk
//! this one table: the full check (`deployment::check_shape`: issues, paths, hints), the fast
//! path for clean text (`draft_fast`: a serde walker, no tree) and the JS object filter
//! (`bindings.js`: its functions are written from this table by `js_filter`, and a test
//! fails when they are out of step). A rule every reader knows is stated here and nowhere
//! else; each reader implements each kind of rule once.
//!
//! The fast path and the JS filter answer only "clean": where they do not know a rule
//! (`Schedule` in JS, `RetryPolicy` in both) they decline and the full check answers.

use crate::connect::enums::REGIONS;
use crate::report::table::{self, field, required};

/// What a field's value must be.
pub(crate) enum Rule {
    /// A key: 2 to 256 of `[A-Za-z0-9_-]` (`checker::key_problem`).
    Key,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// A `DeploymentType`, which must fit the connector: `preview` for a ConnectorStaged
    /// (`connector.staged: true`), `sandbox` or `production` for a Connector.
    DeploymentType,
    /// A boolean: whether the connector is a ConnectorStaged (read by `DeploymentType`).
    Staged,
    Boolean,
    /// A string that is not blank (JavaScript's `trim()`).
    NonBlank,
    /// Any string: a configuration value (never echoed in a secured block or for a key the
    /// context declares secured).
    Text,
    /// An integer of at least this.
    IntegerAtLeast(i64),
    /// An object of this shape.
    Object(&'static Shape),
    /// An array of objects of this shape.
    List(&'static Shape),
    /// A cron expression (`properties::check_schedule`).
    Schedule,
    /// A retry policy override (`properties::check_retry_policy`).
    RetryPolicy,
    /// The resource's version: an integer of at least 1 that matches the context's.
    Version,
    /// A DeploymentUpdate's actions: a list, each action checked by the shape it names
    /// (`REDEPLOY`, the only one).
    UpdateActions,
}

/// A field of a draft's table (`report::table`).
pub(crate) type Field = table::Field<Rule>;

pub(crate) struct Shape {
    pub(crate) fields: &'static [Field],
    /// At least one of these fields must be there; when none is, the first is reported as
    /// required, with this tail.
    pub(crate) one_of: Option<(&'static [&'static str], &'static str)>,
    /// Its entries' values are secrets (a `securedConfiguration` block).
    pub(crate) secured: bool,
}

impl Shape {
    pub(crate) fn names(&self) -> Vec<&'static str> {
        table::names(self.fields)
    }
}

/// A `DeploymentDraft`.
pub(crate) const DRAFT: Shape = Shape {
    fields: &[
        field("key", Rule::Key),
        required(
            "connector",
            Rule::Object(&CONNECTOR),
            " (a reference to the Connector, by id or key)",
        ),
        required("region", Rule::OneOf(REGIONS), ""),
        field("type", Rule::DeploymentType),
        required(
            "configurations",
            Rule::List(&APPLICATION),
            " (one entry per application; [] when there are none)",
        ),
        field("globalConfiguration", Rule::Object(&GLOBAL)),
    ],
    one_of: None,
    secured: false,
};

/// The `connector` reference of a draft.
pub(crate) const CONNECTOR: Shape = Shape {
    fields: &[
        field("id", Rule::NonBlank),
        field("key", Rule::Key),
        field("version", Rule::IntegerAtLeast(1)),
        field("staged", Rule::Staged),
    ],
    one_of: Some((&["key", "id"], " (or 'id'): the Connector is referenced by id or key")),
    secured: false,
};

/// A `DeploymentUpdate` (only the full check reads it).
pub(crate) const UPDATE: Shape = Shape {
    fields: &[
        required("version", Rule::Version, " (the Deployment's current version)"),
        required(
            "actions",
            Rule::UpdateActions,
            " (a list of update actions, e.g. [{ \"action\": \"redeploy\" }])",
        ),
    ],
    one_of: None,
    secured: false,
};

/// The actions of a DeploymentUpdate.
pub(crate) const UPDATE_ACTIONS: &[&str] = &["redeploy"];

/// A `DeploymentRedeployAction` (an action of a DeploymentUpdate; only the full check reads it).
pub(crate) const REDEPLOY: Shape = Shape {
    fields: &[
        required(
            "action",
            Rule::OneOf(UPDATE_ACTIONS),
            " (\"redeploy\", the only Deployment update action)",
        ),
        field("skipScripts", Rule::Boolean),
        field("updateConnector", Rule::Boolean),
        field("configurationValues", Rule::List(&APPLICATION)),
        field("globalConfiguration", Rule::Object(&GLOBAL)),
    ],
    one_of: None,
    secured: false,
};

/// A `DeploymentConfigurationApplication` (an entry of `configurations`, and of a redeploy's
/// `configurationValues`).
pub(crate) const APPLICATION: Shape = Shape {
    fields: &[
        required(
            "applicationName",
            Rule::Key,
            " (the name of the application in connect.yaml)",
        ),
        required(
            "standardConfiguration",
            Rule::List(&STANDARD_VALUE),
            " (use [] when there are no values)",
        ),
        required(
            "securedConfiguration",
            Rule::List(&SECURED_VALUE),
            " (use [] when there are no values)",
        ),
        field("schedule", Rule::Schedule),
        field("retryPolicy", Rule::RetryPolicy),
    ],
    one_of: None,
    secured: false,
};

/// `globalConfiguration` (of a draft, and of a redeploy).
pub(crate) const GLOBAL: Shape = Shape {
    fields: &[
        field("standardConfiguration", Rule::List(&STANDARD_VALUE)),
        field("securedConfiguration", Rule::List(&SECURED_VALUE)),
    ],
    one_of: None,
    secured: false,
};

const VALUE_FIELDS: &[Field] = &[
    required("key", Rule::NonBlank, ""),
    required("value", Rule::Text, " (values are strings; use \"\" for an empty one)"),
];

/// A `ConfigurationValue` of a standard block.
pub(crate) const STANDARD_VALUE: Shape = Shape {
    fields: VALUE_FIELDS,
    one_of: None,
    secured: false,
};

/// A `ConfigurationValue` of a secured block.
pub(crate) const SECURED_VALUE: Shape = Shape {
    fields: VALUE_FIELDS,
    one_of: None,
    secured: true,
};

/// The JS object filter for [`DRAFT`], as `bindings.js` holds it between its GENERATED marks:
/// one function per shape ([`JsWriter::object`], as every payload's filter), each rule one
/// expression over the helpers of `bindings.js`, and one function per list of a shape.
/// Written out (not interpreted at run time) for speed.
#[cfg(test)]
pub(crate) fn js_filter() -> String {
    use crate::connect::enums::DEPLOYMENT_TYPES;
    use crate::report::table_fast::{JsField, JsWriter};
    const NAME: &str = "isCleanDraft";
    let mut w = JsWriter::new(NAME);
    // Every shape the draft reaches, numbered as first met; and those a list holds.
    let mut shapes: Vec<&'static Shape> = vec![&DRAFT];
    let mut lists: Vec<usize> = Vec::new();
    let number = |shapes: &mut Vec<&'static Shape>, shape: &'static Shape| -> usize {
        shapes.iter().position(|s| std::ptr::eq(*s, shape)).unwrap_or_else(|| {
            shapes.push(shape);
            shapes.len() - 1
        })
    };
    w.function(&format!("function {NAME}(o) {{\n  return {NAME}Shape0(o);\n}}"));
    let mut done = 0;
    while done < shapes.len() {
        let shape = shapes[done];
        let mut fields = Vec::new();
        for field in shape.fields {
            let test = match &field.rule {
                Rule::Key => "isKey(v)".to_owned(),
                Rule::OneOf(values) => format!("{}.has(v)", w.set(values)),
                Rule::DeploymentType => format!(
                    "{}.has(v) && (v === 'preview') === isWrittenTrue(o.connector, 'staged')",
                    w.set(DEPLOYMENT_TYPES)
                ),
                Rule::Staged | Rule::Boolean => "typeof v === 'boolean'".to_owned(),
                Rule::NonBlank => "isText(v) && isVisible(v)".to_owned(),
                Rule::Text => "isText(v)".to_owned(),
                Rule::IntegerAtLeast(min) => format!("Number.isSafeInteger(v) && v >= {min}"),
                Rule::Object(inner) => format!("{NAME}Shape{}(v)", number(&mut shapes, inner)),
                Rule::List(inner) => {
                    let k = number(&mut shapes, inner);
                    if !lists.contains(&k) {
                        lists.push(k);
                    }
                    format!("{NAME}List{k}(v)")
                }
                // Rust checks these.
                Rule::Schedule | Rule::RetryPolicy | Rule::Version | Rule::UpdateActions => "false".to_owned(),
            };
            fields.push(JsField {
                name: field.name,
                test,
                required: field.required.is_some(),
                named: shape.one_of.is_some_and(|(any, _)| any.contains(&field.name)),
            });
        }
        w.object(&format!("{NAME}Shape{done}"), &fields);
        done += 1;
    }
    // An array of each shape that a list holds.
    for k in lists {
        w.function(&format!(
            "function {NAME}List{k}(v) {{\n  if (!isPlainArray(v)) return false;\n  for (let i = 0; i < v.length; i++) if (!{NAME}Shape{k}(v[i])) return false;\n  return true;\n}}"
        ));
    }
    w.finish()
}

/// Asserts that `src/bindings.js` holds `expected` between `// GENERATED by {by}: do not edit.`
/// and `// END GENERATED`; with `BLESS=1` set, writes it there instead.
#[cfg(test)]
pub(crate) fn assert_generated(by: &str, expected: &str, bless: &str) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/bindings.js");
    let text = std::fs::read_to_string(path).expect("bindings.js");
    let begin = format!("// GENERATED by {by}: do not edit.\n");
    let start = text.find(&begin).expect("the GENERATED mark") + begin.len();
    let end = start
        + text[start..]
            .find("// END GENERATED\n")
            .expect("the END GENERATED mark");
    if text[start..end] == *expected {
        return;
    }
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, format!("{}{expected}{}", &text[..start], &text[end..])).expect("write");
        return;
    }
    panic!("src/bindings.js is out of step with the rule table of {by}; run `{bless}`");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JS filter in `bindings.js` is the one the table writes; `BLESS=1` rewrites it.
    #[test]
    fn the_js_filter_is_written_from_the_table() {
        assert_generated(
            "src/connect/draft_rules.rs (js_filter)",
            &js_filter(),
            "BLESS=1 cargo test --lib draft_rules",
        );
    }

    #[test]
    fn every_field_of_every_shape_is_in_the_js_filter() {
        let js = js_filter();
        let mut seen = 0;
        fn walk(shape: &Shape, js: &str, seen: &mut usize) {
            for field in shape.fields {
                *seen += 1;
                assert!(js.contains(&format!("case '{}':", field.name)), "{}", field.name);
                if let Rule::Object(inner) | Rule::List(inner) = &field.rule {
                    walk(inner, js, seen);
                }
            }
        }
        walk(&DRAFT, &js, &mut seen);
        assert!(seen >= 20, "{seen} fields");
        assert!(REGIONS.iter().all(|r| js.contains(&format!("'{r}'"))));
    }
}
