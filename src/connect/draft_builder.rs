//! `buildDeploymentDraft`: a `DeploymentDraft` from plain values per application, each sorted
//! into `standardConfiguration` or `securedConfiguration` by what the connector declares, as
//! the official CLI builds it (one entry per application, empty arrays included).
//!
//! Nothing the user did not give is filled in: defaults stay server-side, and the report
//! says which will apply. The built draft is then checked like any other, and the issues
//! are pointed back at the input (`/values/{application}/{KEY}`), where the user can fix them.

use crate::connect::context::{Application, Context, Declared, Kind};
use crate::connect::deployment::{unknown_application, validate_deployment_draft_with};
use crate::report::budget::shown;
use crate::report::checker::{did_you_mean, with_hint, Checker, Echo, Strictness};
use crate::report::codes::Code;
use crate::report::json_text::{with_payload, Payload};
use crate::report::{pointer_push, serialize_answer, Issue, Loc, Report};
use serde_json::{json, Map, Value};

const INPUT_FIELDS: &[&str] = &[
    "key",
    "connector",
    "region",
    "type",
    "values",
    "globalValues",
    "overrides",
];
/// What `overrides.{application}` may hold: copied to that application's entry as given.
const OVERRIDE_FIELDS: &[&str] = &["schedule", "retryPolicy"];
/// Copied to the draft as given (the draft's own checks judge them).
const COPIED_FIELDS: &[&str] = &["key", "connector", "region", "type"];

/// `buildDeploymentDraft`'s answer.
#[derive(Clone, Debug, PartialEq)]
pub struct BuiltDraft {
    /// The `DeploymentDraft`; `None` when the input or the source cannot be read at all.
    pub draft: Option<Value>,
    /// Every issue of the input and of the built draft, with paths into the input.
    pub report: Report,
}

serialize_answer!(BuiltDraft { "draft" => draft, "report" => report });

/// Builds a `DeploymentDraft` from `{ key?, connector, region, type?, values: { app: { KEY:
/// value } }, globalValues?: { KEY: value }, overrides?: { app: { schedule?, retryPolicy? } } }`
/// and a source (`context`: a connect.yaml or a
/// connector, see [`Context::from_source`]).
///
/// ```
/// use connect_preflight::{build_deployment_draft, Context};
/// let source = Context::from_source(&serde_json::json!(
///     "deployAs:\n  - name: service\n    applicationType: service\n    endpoint: /svc\n    configuration:\n      standardConfiguration:\n        - key: REGION\n          description: r\n      securedConfiguration:\n        - key: API_KEY\n          description: k\n          required: true\n")).unwrap();
/// let built = build_deployment_draft(r#"{"connector": {"key": "c1"}, "region": "europe-west1.gcp",
///     "values": {"service": {"API_KEY": "s3cret", "REGION": "eu"}}}"#, &source);
/// assert!(built.report.valid());
/// let draft = built.draft.unwrap();
/// assert_eq!(draft["configurations"][0]["securedConfiguration"][0]["key"], "API_KEY");
/// assert_eq!(draft["configurations"][0]["standardConfiguration"][0]["value"], "eu");
/// ```
pub fn build_deployment_draft<'a>(input: impl Into<Payload<'a>>, source: &Context) -> BuiltDraft {
    let (draft, report) = with_payload(input.into(), |value| build(value, source));
    BuiltDraft {
        draft: draft.flatten(),
        report,
    }
}

fn build(input: &Value, source: &Context) -> (Option<Value>, Report) {
    let mut c = Checker::default();
    let Some(input) = c.root_object(input, "The input of buildDeploymentDraft") else {
        return (None, c.finish());
    };
    if let Some(issue) = &source.unreadable {
        c.error(issue.clone());
        return (None, c.finish());
    }

    let Some(connector) = source.connector() else {
        return (None, c.finish());
    };
    // The source's own problems first (API.md §6), then the input's.
    for issue in source.own_problems() {
        c.error(issue.clone());
    }
    c.unknown_fields(input, "", INPUT_FIELDS, Strictness::Warn);
    let values = object_member(&mut c, input, "values");
    let global_values = object_member(&mut c, input, "globalValues");
    let overrides = object_member(&mut c, input, "overrides");

    // Values for applications or keys the connector does not have.
    for (name, given) in values.into_iter().flatten() {
        let path = pointer_push("/values", name);
        match connector.application(name) {
            // An application of the connect.yaml in error: reported with `source` below.
            None if connector.broken.may_be(name) => {}
            Some(application) if connector.broken.application(&application.name) => {}
            None => c.error(unknown_application(connector, name, path)),
            Some(application) => {
                if let Some(given) = c.object(given, Loc::At(&path), name) {
                    check_given(&mut c, given, &path, &application.configuration, Some(name));
                }
            }
        }
    }
    if let Some(given) = global_values {
        check_given(&mut c, given, "/globalValues", &connector.global, None);
    }
    // Overrides for applications the connector does not have; their members are judged by
    // the draft's own rules once copied (schedule only on jobs, retryPolicy only on events).
    for (name, given) in overrides.into_iter().flatten() {
        let path = pointer_push("/overrides", name);
        match connector.application(name) {
            None if connector.broken.may_be(name) => {}
            None => c.error(unknown_application(connector, name, path)),
            Some(_) => {
                if let Some(given) = c.object(given, Loc::At(&path), name) {
                    c.unknown_fields(given, &path, OVERRIDE_FIELDS, Strictness::Warn);
                }
            }
        }
    }

    let mut draft = Map::new();
    for field in COPIED_FIELDS {
        if let Some(value) = input.get(*field) {
            draft.insert((*field).to_owned(), value.clone());
        }
    }
    let configurations: Vec<Value> = connector
        .applications
        .iter()
        .map(|application| {
            let given = values.and_then(|v| v.get(&application.name)).and_then(Value::as_object);
            let path = pointer_push("/values", &application.name);
            // An application of the connect.yaml in error: its missing values are not judged.
            let mut ignored = Checker::default();
            let checker = if connector.broken.application(&application.name) {
                &mut ignored
            } else {
                &mut c
            };
            let mut entry = configuration_block(checker, &application.configuration, given, &path, Some(application));
            entry.insert("applicationName".to_owned(), json!(application.name));
            let overridden = overrides
                .and_then(|o| o.get(&application.name))
                .and_then(Value::as_object);
            for field in OVERRIDE_FIELDS {
                if let Some(value) = overridden.and_then(|o| o.get(*field)) {
                    entry.insert((*field).to_owned(), value.clone());
                }
            }
            Value::Object(entry)
        })
        .collect();
    draft.insert("configurations".to_owned(), Value::Array(configurations));
    if global_values.is_some() || !(connector.global.standard.is_empty() && connector.global.secured.is_empty()) {
        let block = configuration_block(&mut c, &connector.global, global_values, "/globalValues", None);
        draft.insert("globalConfiguration".to_owned(), Value::Object(block));
    }
    let draft = Value::Object(draft);

    // The draft's own rules and the cross-checks, pointed back at the input, within the same
    // issue budget as the rest.
    let mut checked = validate_deployment_draft_with(Payload::Value(&draft), source);
    // The source's own problems (with `source`) are listed above already.
    checked.errors.retain(|i| !i.params.contains_key("source"));
    for issue in checked.issues_mut() {
        issue.path = input_path(&issue.path, &draft);
    }
    c.absorb(checked);
    let report = c.finish();
    (Some(draft), report)
}

/// An optional member that must be an object of `KEY: value` pairs.
fn object_member<'v>(c: &mut Checker, input: &'v Map<String, Value>, field: &str) -> Option<&'v Map<String, Value>> {
    let value = input.get(field)?;
    c.object(value, Loc::Field("", field), field)
}

/// The given values of one block: strings, for keys it declares.
fn check_given(
    c: &mut Checker,
    given: &Map<String, Value>,
    path: &str,
    declared: &Declared,
    application: Option<&str>,
) {
    for (key, value) in given {
        let value_path = pointer_push(path, key);
        let kind = declared.find(key).map(|(kind, _)| kind);
        // A value for an unknown key may be a secret put in the wrong place: never echoed.
        let echo = if kind == Some(Kind::Standard) {
            Echo::Yes
        } else {
            Echo::Secured
        };
        c.string(value, Loc::At(&value_path), key, echo);
        if kind.is_some() {
            continue;
        }
        let all = Kind::BOTH
            .into_iter()
            .flat_map(|k| declared.of(k).iter().map(|d| d.key.as_str()));
        let (code, message) = match application {
            Some(name) => (
                Code::DeploymentUnknownApplicationConfigurationKey,
                format!(
                    "The application {} declares no configuration key {}.",
                    shown(name),
                    shown(key)
                ),
            ),
            None => (
                Code::DeploymentUnknownGlobalConfigurationKey,
                format!("The global configuration declares no key {}.", shown(key)),
            ),
        };
        let mut issue = Issue::new(code, value_path, message).param("configurationKey", key.as_str());
        if let Some(name) = application {
            issue = issue.param("applicationName", name);
        }
        c.error(with_hint(issue, did_you_mean(key, all)));
    }
}

/// `{ standardConfiguration, securedConfiguration }` from the given values, in the order the
/// connector declares its keys; a warning for each default that will apply.
fn configuration_block(
    c: &mut Checker,
    declared: &Declared,
    given: Option<&Map<String, Value>>,
    path: &str,
    application: Option<&Application>,
) -> Map<String, Value> {
    let mut block = Map::new();
    for kind in Kind::BOTH {
        let mut values = Vec::new();
        for definition in declared.of(kind) {
            match given.and_then(|g| g.get(&definition.key)) {
                Some(Value::String(value)) => values.push(json!({ "key": definition.key, "value": value })),
                Some(_) => {} // not a string: reported by check_given
                None => {
                    if let Some(default) = &definition.default {
                        let whose =
                            application.map_or_else(|| "the global configuration".to_owned(), |a| a.name.clone());
                        c.warning(
                            Issue::new(
                                Code::ConfigurationDefaultApplies,
                                path,
                                format!(
                                    "{} of {whose} is not given: its default \"{default}\" from connect.yaml applies.",
                                    definition.key
                                ),
                            )
                            .param("configurationKey", definition.key.as_str())
                            .param("default", default.as_str()),
                        );
                    }
                }
            }
        }
        block.insert(kind.field().to_owned(), Value::Array(values));
    }
    block
}

/// Where an issue of the built draft belongs in the input: a value at
/// `/values/{application}/{KEY}` (or `/globalValues/{KEY}`), a block at
/// `/values/{application}`, the list at `/values`, an override at
/// `/overrides/{application}/{field}/…`; the copied fields keep their paths.
fn input_path(path: &str, draft: &Value) -> String {
    let tokens: Vec<&str> = path.split('/').skip(1).collect();
    let key_at = |block: &Value, tokens: &[&str]| -> Option<String> {
        let entry = block
            .get(*tokens.first()?)?
            .get(tokens.get(1)?.parse::<usize>().ok()?)?;
        entry.get("key")?.as_str().map(str::to_owned)
    };
    match tokens.as_slice() {
        ["configurations", index, rest @ ..] => {
            let entry = index.parse::<usize>().ok().and_then(|i| draft["configurations"].get(i));
            let Some(name) = entry.and_then(|e| e.get("applicationName")).and_then(Value::as_str) else {
                return "/values".to_owned();
            };
            if let Some(field) = rest.first().filter(|f| OVERRIDE_FIELDS.contains(f)) {
                let mut at = pointer_push(&pointer_push("/overrides", name), field);
                for token in &rest[1..] {
                    at = format!("{at}/{token}"); // already escaped: a pointer's own tokens
                }
                return at;
            }
            let application = pointer_push("/values", name);
            match entry.and_then(|e| key_at(e, rest)) {
                Some(key) => pointer_push(&application, &key),
                None => application,
            }
        }
        ["configurations"] => "/values".to_owned(),
        ["globalConfiguration", rest @ ..] => match key_at(&draft["globalConfiguration"], rest) {
            Some(key) => pointer_push("/globalValues", &key),
            None => "/globalValues".to_owned(),
        },
        _ => path.to_owned(),
    }
}
