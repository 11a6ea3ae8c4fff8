//! `ConnectorStagedDraft` (the body of `POST /connectors/drafts`) and `ConnectorUpdate` (its
//! 19 update actions), connect-domain.md §2.4–2.6; with a ConnectorStaged in the context, what
//! its current state allows.
//!
//! Every field has one [`Rule`]; the draft and the actions name the rule of each of their
//! fields, so a name, a URL or a region list is checked the same way wherever it appears.

use crate::connect::connector_actions::{action_named, Effect, Field, Rule, StagedState, ACTIONS};
use crate::connect::context::Context;
use crate::connect::enums::{INTEGRATION_TYPES, REGIONS};
use crate::connect::identifiers::check_project_identifier;
use crate::report::checker::{Checker, Echo, Strictness};
use crate::report::codes::Code;
use crate::report::json_text::{check_payload, Payload};
use crate::report::table::{self, field, required};
use crate::report::{pointer_index, pointer_push, Issue, Loc, Report};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

static DRAFT_FIELDS: &[Field] = &[
    field("key", Rule::Key),
    required("name", Rule::Name, ""),
    field("description", Rule::Text),
    field("integrationTypes", Rule::IntegrationTypes),
    required("creator", Rule::Creator, ""),
    required("repository", Rule::Repository, ""),
    field("supportedRegions", Rule::Regions),
    field("privateProjects", Rule::Projects),
    field("documentationUrl", Rule::Url),
];
static CREATOR_FIELDS: &[Field] = &[
    field("name", Rule::Text),
    field("title", Rule::Text),
    required("email", Rule::Email, ""),
    field("company", Rule::Text),
    field("logoUrl", Rule::SoftUrl),
    field("noOfContributors", Rule::Count),
    field("supportUrl", Rule::SoftUrl),
];
static REPOSITORY_FIELDS: &[Field] = &[required("url", Rule::RepositoryUrl, ""), required("tag", Rule::Tag, "")];

/// Fields of a ConnectorStaged that a draft cannot set, and where they come from.
const NOT_IN_DRAFT: &[(&str, &str)] = &[
    ("configurations", "it comes from connect.yaml in the repository"),
    ("globalConfiguration", "it comes from connect.yaml in the repository"),
    ("apiClient", "it comes from connect.yaml in the repository"),
    ("id", "the server sets it"),
    ("version", "the server sets it"),
    ("createdAt", "the server sets it"),
    ("lastModifiedAt", "the server sets it"),
    ("status", "the server sets it (publish starts a change)"),
    (
        "isPreviewable",
        "the server sets it (updatePreviewable requests a change)",
    ),
    ("previewableReport", "the server sets it"),
    ("publishingReport", "the server sets it"),
    (
        "certificationInfo",
        "the server sets it (addCertificationComment adds to it)",
    ),
    (
        "private",
        "the server sets it from publish (certification: false makes it private)",
    ),
    ("hasChanges", "the server sets it"),
    ("alreadyListed", "the server sets it"),
    ("certified", "the server sets it"),
];

/// Checks a `ConnectorStagedDraft`, given as JSON text or as a parsed value.
///
/// ```
/// use connect_preflight::validate_connector_staged_draft;
/// let report = validate_connector_staged_draft(r#"{"key": "my-connector", "name": "My connector",
///   "creator": {"email": "jane@example.com"},
///   "repository": {"url": "git@github.com:example/my-connector.git", "tag": "v1.0.0"}}"#);
/// assert!(report.valid());
/// let report = validate_connector_staged_draft(r#"{"name": "x", "creator": {"email": "jane"}, "repository": {"url": "https://github.com/e/r", "tag": "v1"}}"#);
/// assert_eq!(report.errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["/creator/email", "/repository/url"]);
/// ```
pub fn validate_connector_staged_draft<'a>(draft: impl Into<Payload<'a>>) -> Report {
    let draft = draft.into();
    // Clean text needs no tree (docs/decisions.md, "Fast paths from the tables").
    if crate::report::table_fast::is_clean_text(draft, DRAFT_FIELDS) {
        return Report::default();
    }
    check_payload(draft, |value| {
        let mut c = Checker::default();
        if let Some(draft) = c.root_object(value, "A ConnectorStagedDraft") {
            check_fields(&mut c, draft, "", DRAFT_FIELDS);
            for name in draft
                .keys()
                .filter(|k| !DRAFT_FIELDS.iter().any(|f| f.name == k.as_str()))
            {
                match NOT_IN_DRAFT.iter().find(|(field, _)| *field == name.as_str()) {
                    Some((_, why)) => c.unknown_field(
                        name,
                        "",
                        &[],
                        Strictness::Warn,
                        &format!(" It is a field of the ConnectorStaged that a draft does not set: {why}."),
                    ),
                    None => c.unknown_field(name, "", &table::names(DRAFT_FIELDS), Strictness::Warn, ""),
                }
            }
        }
        c.finish()
    })
}

/// The fields of `object` by their rules; unknown ones are left to the caller.
fn check_fields(c: &mut Checker, object: &Map<String, Value>, path: &str, fields: &[Field]) {
    table::check_fields(c, object, path, fields, |c, field, value| {
        check_rule(c, field.rule, value, path, field.name);
    });
}

fn check_rule(c: &mut Checker, rule: Rule, value: &Value, parent: &str, field: &str) {
    let at = Loc::Field(parent, field);
    match rule {
        Rule::Key => c.key(value, at, field),
        Rule::Name => c.non_empty_string(value, at, field, Echo::Yes),
        Rule::Text => {
            c.string(value, at, field, Echo::Yes);
        }
        Rule::Email => {
            if let Some(s) = c.string(value, at, field, Echo::Yes) {
                if !is_email(s) {
                    c.invalid(
                        at,
                        field,
                        value,
                        "must be an email address (name@example.com)",
                        Echo::Yes,
                    );
                }
            }
        }
        Rule::Count => c.integer_at_least(value, at, field, 1),
        Rule::Url | Rule::SoftUrl => {
            if let Some(s) = c.string(value, at, field, Echo::Yes) {
                if !is_http_url(s) {
                    let expected = "must be an absolute http(s) URL (https://…)";
                    if rule == Rule::Url {
                        c.invalid(at, field, value, expected, Echo::Yes);
                    } else {
                        let message = format!(
                            "Field '{field}' {expected}: the API stores any text, but no browser could open it."
                        );
                        c.warning(
                            Issue::new(Code::InvalidField, at.pointer(), message)
                                .param("field", field)
                                .param("invalidValue", s),
                        );
                    }
                }
            }
        }
        Rule::RepositoryUrl => check_repository_url(c, value, at, field),
        Rule::Tag => {
            if let Some(s) = c.string(value, at, field, Echo::Yes) {
                if let Some(problem) = tag_problem(s) {
                    c.invalid(at, field, value, problem, Echo::Yes);
                }
            }
        }
        Rule::Regions | Rule::RegionsAtLeastOne => check_list(
            c,
            value,
            parent,
            field,
            rule == Rule::RegionsAtLeastOne,
            |c, item, at| c.one_of(item, at, field, REGIONS),
        ),
        Rule::IntegrationTypes => check_list(c, value, parent, field, false, |c, item, at| {
            c.one_of(item, at, field, INTEGRATION_TYPES)
        }),
        Rule::Project => check_project_identifier(c, value, at, field),
        Rule::Projects => check_list(c, value, parent, field, false, |c, item, at| {
            check_project_identifier(c, item, at, field)
        }),
        Rule::Boolean => c.boolean(value, at, field),
        Rule::Creator | Rule::Repository => {
            let path = at.pointer();
            let Some(object) = c.object(value, at, field) else {
                return;
            };
            let fields = if rule == Rule::Creator {
                CREATOR_FIELDS
            } else {
                REPOSITORY_FIELDS
            };
            check_fields(c, object, &path, fields);
            c.unknown_fields(object, &path, &table::names(fields), Strictness::Warn);
        }
    }
}

/// An array whose items each pass `item`, with no item twice (`DuplicateField` at the second).
fn check_list(
    c: &mut Checker,
    value: &Value,
    parent: &str,
    field: &str,
    at_least_one: bool,
    mut item: impl FnMut(&mut Checker, &Value, Loc<'_>),
) {
    let path = pointer_push(parent, field);
    let Some(items) = c.array(value, Loc::At(&path), field) else {
        return;
    };
    if at_least_one && items.is_empty() {
        c.invalid(Loc::At(&path), field, value, "must list at least one", Echo::Yes);
    }
    let mut seen = BTreeSet::new();
    for (i, value) in items.iter().enumerate() {
        item(c, value, Loc::Item(&path, i));
        if let Some(s) = value.as_str().filter(|s| !seen.insert(*s)) {
            c.duplicate(pointer_index(&path, i), field, s);
        }
    }
}

/// `^[^\s@]+@[^\s@]+\.[^\s@]+$`
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let plain = |part: &str| !part.is_empty() && !part.contains('@') && !has_white_space(part, false);
    plain(local)
        && plain(domain)
        && domain
            .char_indices()
            .any(|(i, ch)| ch == '.' && i > 0 && i + 1 < domain.len())
}

/// Whether `s` holds white space (Unicode's), or with `control` a control character too;
/// ASCII text by its bytes (most text: no character decoding).
fn has_white_space(s: &str, control: bool) -> bool {
    if s.is_ascii() {
        s.bytes()
            .any(|b| b.is_ascii_whitespace() || b == 0x0B || (control && (b < 0x20 || b == 0x7F)))
    } else {
        s.chars().any(|c| c.is_whitespace() || (control && c.is_control()))
    }
}

/// `http://` or `https://`, a host, no whitespace.
fn is_http_url(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.starts_with(['/', '?', '#']) && !rest.is_empty() && !has_white_space(s, true))
}

/// The host of a repository URL by the official CLI's pattern,
/// `^((https)|(git@[\w.]+))(:(\/\/)?)([\w.@:/\-~]+)(\.git)$`, and whether it is the HTTPS form;
/// `None` when it does not match.
fn repository_host(s: &str) -> Option<(&str, bool)> {
    let path_ok = |p: &str| {
        p.strip_suffix(".git").is_some_and(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'@' | b':' | b'/' | b'-' | b'~'))
        })
    };
    if let Some(rest) = s.strip_prefix("https://") {
        let host = rest.split('/').next().unwrap_or_default();
        path_ok(rest).then_some((host, true))
    } else if let Some(rest) = s.strip_prefix("git@") {
        let (host, path) = rest.split_once(':').unwrap_or((rest, ""));
        let host_ok = !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'));
        let path = path.strip_prefix("//").unwrap_or(path);
        (host_ok && path_ok(path)).then_some((host, false))
    } else {
        None
    }
}

/// The repository URL: the official CLI's pattern (`repository_host`); a host other than
/// github.com, and the HTTPS form (private repositories need SSH), are warnings.
fn check_repository_url(c: &mut Checker, value: &Value, at: Loc<'_>, field: &str) {
    let Some(s) = c.string(value, at, field, Echo::Yes) else {
        return;
    };
    let Some((host, https)) = repository_host(s) else {
        c.invalid(
            at,
            field,
            value,
            "must be a GitHub URL ending in .git: https://github.com/owner/repo.git or git@github.com:owner/repo.git",
            Echo::Yes,
        );
        return;
    };
    let warn = |c: &mut Checker, message: String| {
        c.warning(
            Issue::new(Code::InvalidField, at.pointer(), message)
                .param("field", field)
                .param("invalidValue", s),
        );
    };
    if host != "github.com" {
        warn(
            c,
            format!("Connect reads connectors from GitHub; '{host}' is not github.com."),
        );
    }
    if https {
        warn(
            c,
            "A private repository must use the SSH URL (git@github.com:owner/repo.git) and give read access to the GitHub user connect-mu; the HTTPS URL works for public ones only.".to_owned(),
        );
    }
}

/// What a clean value of each rule is, for the fast paths (`report::table_fast`): the same
/// predicates the full check reports with.
#[cfg(any(test, feature = "draft-fast-path"))]
impl crate::report::table_fast::FastRule for Rule {
    fn clean(&self) -> crate::report::table_fast::Clean<Rule> {
        use crate::report::table_fast::{Clean, Item};
        match self {
            Rule::Key => Clean::Text {
                test: |s| crate::report::checker::key_problem(s).is_none(),
                js: "isKey",
            },
            Rule::Name => Clean::non_blank(),
            Rule::Text => Clean::any_text(),
            Rule::Email => Clean::Text {
                test: is_email,
                js: "isEmail",
            },
            Rule::Url | Rule::SoftUrl => Clean::Text {
                test: is_http_url,
                js: "isHttpUrl",
            },
            Rule::RepositoryUrl => Clean::Text {
                test: |s| repository_host(s) == Some(("github.com", false)),
                js: "isGithubSshUrl",
            },
            Rule::Tag => Clean::Text {
                test: |s| tag_problem(s).is_none(),
                js: "isTag",
            },
            Rule::Count => Clean::Count(1),
            Rule::Regions => Clean::List {
                item: Item::OneOf(REGIONS),
                unique: true,
            },
            Rule::IntegrationTypes => Clean::List {
                item: Item::OneOf(INTEGRATION_TYPES),
                unique: true,
            },
            Rule::Projects => Clean::List {
                item: Item::Text {
                    test: crate::connect::identifiers::is_clean_project_identifier,
                    js: "isProjectIdentifier",
                },
                unique: true,
            },
            Rule::Creator => Clean::Object(CREATOR_FIELDS),
            Rule::Repository => Clean::Object(REPOSITORY_FIELDS),
            // Not in the draft's tables.
            Rule::RegionsAtLeastOne | Rule::Project | Rule::Boolean => Clean::Never,
        }
    }
}

/// The official CLI's pattern, `^(?!.*\.{2,})(?!\*)[^\W_][\w.@/-]{0,254}$`, and what git
/// itself refuses in a tag name (a final `.`, `/` or `.lock`, `//`, `@{`).
fn tag_problem(s: &str) -> Option<&'static str> {
    let first_ok = s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric());
    let rest_ok = s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'@' | b'/' | b'-'));
    if s.is_empty() || s.len() > 255 {
        Some("must be a git tag of 1 to 255 characters")
    } else if !first_ok {
        Some("must start with a letter or digit")
    } else if !rest_ok {
        Some("may only contain letters, digits and '_', '.', '@', '/', '-'")
    } else if s.as_bytes().windows(2).any(|w| matches!(w, b".." | b"//" | b"@{")) {
        Some("may not contain '..', '//' or '@{' (git refuses them)")
    } else if s.ends_with('.') || s.ends_with('/') || s.ends_with(".lock") {
        Some("may not end with '.', '/' or '.lock' (git refuses them)")
    } else {
        None
    }
}

/// The JS object filter for the ConnectorStagedDraft (`report::table_fast::js_filter`), with
/// the Connect regions its project identifiers are checked against.
#[cfg(test)]
pub(crate) fn js_filter() -> String {
    let regions: Vec<String> = REGIONS.iter().map(|r| format!("'{r}'")).collect();
    format!(
        "const CONNECT_REGIONS = [{}];\n{}",
        regions.join(", "),
        crate::report::table_fast::js_filter(
            "isCleanConnectorStagedDraft",
            &[DRAFT_FIELDS, CREATOR_FIELDS, REPOSITORY_FIELDS]
        )
    )
}

// ---- ConnectorUpdate ----------------------------------------------------------------------

/// Checks a `ConnectorUpdate` (`{ version, actions }`): every action and exactly its fields;
/// with `context.connectorStaged` (or a ConnectorStaged as `context.connector`), what its
/// state allows, the actions taken in order.
///
/// ```
/// use connect_preflight::{validate_connector_update, Context};
/// let report = validate_connector_update(r#"{"version": 1, "actions": [{"action": "setCreatorLogo", "creatorLogoUrl": "https://e.com/l.png"}]}"#, &Context::none());
/// assert_eq!(report.warnings[0].params["didYouMean"], "logoUrl");
/// ```
pub fn validate_connector_update<'a>(update: impl Into<Payload<'a>>, context: &Context) -> Report {
    check_payload(update.into(), |value| {
        let mut c = Checker::default();
        check_update(&mut c, value, staged_of(context));
        c.finish()
    })
}

/// The ConnectorStaged of a context: `connectorStaged`, else `connector` when it is one.
pub(crate) fn staged_of(context: &Context) -> Option<&Value> {
    context.staged_resource.as_ref().or(context.connector_resource.as_ref())
}

/// Checks the update and returns the ConnectorStaged as the actions leave it (when `staged`
/// is given and every action could be read): `applyConnectorUpdate`'s result.
pub(crate) fn check_update(c: &mut Checker, value: &Value, staged: Option<&Value>) -> Option<Value> {
    let update = c.root_object(value, "A ConnectorUpdate")?;
    match update.get("version") {
        None => c.required("", "version", " (the ConnectorStaged's current version)"),
        Some(version) => {
            c.integer_at_least(version, "/version".into(), "version", 1);
            let current = staged
                .and_then(|s| s.get("version"))
                .and_then(crate::report::checker::as_integer);
            let id = staged.and_then(|s| s.get("id")).and_then(Value::as_str);
            c.version_matches(version, current, id);
        }
    }
    c.unknown_fields(update, "", &["version", "actions"], Strictness::Warn);
    let Some(actions) = update.get("actions") else {
        c.required(
            "",
            "actions",
            " (a list of update actions, e.g. [{ \"action\": \"setName\", \"name\": \"…\" }])",
        );
        return None;
    };
    let actions = c.array(actions, "/actions".into(), "actions")?;
    // The state the actions meet: each one sees the resource as the ones before it left it.
    let mut state = staged.cloned().map(StagedState::new);
    if let Some(status) = staged.and_then(|s| s.get("status")).and_then(Value::as_str) {
        if status == "Processing" && !actions.is_empty() {
            c.error(
                Issue::new(
                    Code::InvalidOperation,
                    "/actions",
                    "The ConnectorStaged is being published (status Processing): it cannot be updated until publishing completes.",
                )
                .param("status", status),
            );
        }
    }
    for (i, action) in actions.iter().enumerate() {
        let path = pointer_index("/actions", i);
        let Some(name) = check_action(c, action, &path) else {
            state = None; // an unreadable action: the state after it is unknown
            continue;
        };
        if let Some(current) = state.as_mut() {
            check_action_state(c, name, action, &path, current);
            current.apply(name, action);
        }
    }
    state.map(StagedState::into_resource)
}

/// One action's own rules; its name when it is one of the 19.
fn check_action<'v>(c: &mut Checker, value: &'v Value, path: &str) -> Option<&'v str> {
    let action = c.object(value, Loc::At(path), "actions")?;
    let Some(name_value) = action.get("action") else {
        c.required(path, "action", " (the update action's name, e.g. \"setName\")");
        return None;
    };
    let names: Vec<&str> = ACTIONS.iter().map(|a| a.name).collect();
    c.one_of(name_value, Loc::Field(path, "action"), "action", &names);
    let name = name_value.as_str()?;
    let fields = action_named(name)?.fields;
    check_fields(c, action, path, fields);
    let known: Vec<&str> = ["action"].into_iter().chain(fields.iter().map(|f| f.name)).collect();
    let why = format!(" {name} takes {}.", describe_fields(fields));
    for extra in action.keys().filter(|k| !known.contains(&k.as_str())) {
        c.unknown_field(extra, path, &known, Strictness::Warn, &why);
    }
    Some(name)
}

fn describe_fields(fields: &[Field]) -> String {
    if fields.is_empty() {
        return "no fields".to_owned();
    }
    fields.iter().map(|f| f.name).collect::<Vec<_>>().join(" and ")
}

/// What the ConnectorStaged's state (as the earlier actions left it) allows.
fn check_action_state(c: &mut Checker, name: &str, action: &Value, path: &str, state: &StagedState) {
    let Some(found) = action_named(name) else {
        return;
    };
    let staged = state.resource();
    let text = |field: &str| staged.get(field).and_then(Value::as_str);
    match found.effect {
        Effect::AddProject | Effect::RemoveProject => {
            if staged.get("private").and_then(Value::as_bool) == Some(false) {
                c.error(Issue::new(
                    Code::ConnectorStagedNotPrivate,
                    path,
                    format!("{name}: the ConnectorStaged is not private (private: false), so it has no private projects to change."),
                ));
                return;
            }
            let Some(project) = action.get("privateProject").and_then(Value::as_str) else {
                return;
            };
            let listed = state.has_project(project);
            let at = pointer_push(path, "privateProject");
            if matches!(found.effect, Effect::AddProject) && listed {
                // Adding what is there changes nothing: a warning (docs/api-notes.md).
                c.warning(
                    Issue::new(
                        Code::InvalidOperation,
                        at,
                        format!("{project} is already one of the privateProjects: this action changes nothing."),
                    )
                    .param("privateProject", project),
                );
            } else if matches!(found.effect, Effect::RemoveProject) && !listed {
                c.error(
                    Issue::new(
                        Code::InvalidOperation,
                        at,
                        format!("{project} is not one of the privateProjects: there is nothing to remove."),
                    )
                    .param("privateProject", project),
                );
            }
        }
        Effect::RequestPreview if text("isPreviewable") == Some("pending") => c.error(Issue::new(
            Code::ConnectorStagedPreviewRequestUnderProcess,
            path,
            "A preview request for the ConnectorStaged is already in progress (isPreviewable is \"pending\").",
        )),
        Effect::Publish => {
            if text("status") == Some("InCertification") {
                c.error(Issue::new(
                    Code::ConnectorStagedInCertification,
                    path,
                    "The ConnectorStaged is already in certification: wait for the outcome before publishing again.",
                ));
            } else if action.get("certification") == Some(&Value::Bool(true))
                && staged.get("certified").and_then(Value::as_bool) == Some(true)
            {
                c.error(Issue::new(
                    Code::ConnectorAlreadyCertified,
                    pointer_push(path, "certification"),
                    "The ConnectorStaged is already certified: publish with certification: false to publish changes.",
                ));
            }
        }
        _ => {}
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte path of `has_white_space` agrees with the character path on every ASCII byte.
    #[test]
    fn white_space_by_bytes_is_white_space_by_characters() {
        for b in 0u8..128 {
            let c = char::from(b);
            for control in [false, true] {
                let by_chars = c.is_whitespace() || (control && c.is_control());
                assert_eq!(has_white_space(&format!("a{c}é"), control), by_chars, "{b} non-ASCII");
                assert_eq!(has_white_space(&format!("a{c}"), control), by_chars, "{b}");
            }
        }
    }

    /// Whatever the fast path calls clean, the full path finds no error and no warning in.
    fn agrees(text: &str) -> bool {
        let clean = crate::report::table_fast::is_clean_text(Payload::Text(text), DRAFT_FIELDS);
        if clean {
            // The full check of the parsed value: text would take the fast path itself.
            let value: Value = serde_json::from_str(text).expect("the walker read it");
            let report = validate_connector_staged_draft(Payload::Value(&value));
            assert!(
                report.errors.is_empty() && report.warnings.is_empty(),
                "{text}\n{report:?}"
            );
        }
        clean
    }

    /// Drafts with a random value in every field, most of them clean (the first of each list,
    /// weighted): clean by the fast path means clean by the full one. At least a third of the
    /// drafts are found clean, and at least a tenth are not (both sides are compared).
    #[test]
    fn fast_path_random_fields_agree() {
        fn mostly(clean: &'static str, others: Vec<&'static str>) -> impl Strategy<Value = &'static str> {
            prop_oneof![14 => Just(clean), 1 => prop::sample::select(others)]
        }
        let strategy = (
            (
                mostly(
                    r#""key": "my-connector","#,
                    vec![r#""key": "my connector","#, r#""key": 1,"#, "", r#""key": "a","#],
                ),
                mostly(
                    r#""name": "My connector","#,
                    vec![r#""name": " ","#, r#""name": null,"#, r#""name": "x\u0041","#],
                ),
                mostly(
                    r#""description": "d","#,
                    vec![r#""description": 2,"#, "", r#""descriptio": "d","#],
                ),
                mostly(
                    r#""integrationTypes": ["psp", "other"],"#,
                    vec![
                        r#""integrationTypes": ["psp", "psp"],"#,
                        r#""integrationTypes": ["payments"],"#,
                        r#""integrationTypes": [],"#,
                        r#""integrationTypes": {},"#,
                    ],
                ),
                mostly(
                    r#""supportedRegions": ["europe-west1.gcp"],"#,
                    vec![
                        r#""supportedRegions": ["eu"],"#,
                        r#""supportedRegions": ["us-east-2.aws", "us-east-2.aws"],"#,
                        r#""supportedRegions": [null],"#,
                    ],
                ),
            ),
            (
                mostly(
                    r#""privateProjects": ["europe-west1.gcp:shop-prod"],"#,
                    vec![
                        r#""privateProjects": ["shop-prod"],"#,
                        r#""privateProjects": ["eu:shop-prod"],"#,
                        r#""privateProjects": ["us-east-2.aws:a1", "us-east-2.aws:a1"],"#,
                        r#""privateProjects": ["us-east-2.aws:a\u0031"],"#,
                    ],
                ),
                mostly(
                    r#""documentationUrl": "https://example.com/docs","#,
                    vec![
                        r#""documentationUrl": "docs","#,
                        r#""documentationUrl": "https://","#,
                        r#""documentationUrl": "http://a b","#,
                    ],
                ),
                mostly(
                    r#""email": "jane@example.com""#,
                    vec![r#""email": "jane""#, r#""email": "a@b@c.d""#, r#""email": null"#],
                ),
                mostly(
                    r#", "noOfContributors": 3"#,
                    vec![
                        r#", "noOfContributors": 0"#,
                        r#", "noOfContributors": 3.0"#,
                        r#", "noOfContributors": -1"#,
                        r#", "noOfContributors": "3""#,
                    ],
                ),
                mostly(
                    r#", "logoUrl": "https://example.com/l.png""#,
                    vec![
                        r#", "logoUrl": "l.png""#,
                        r#", "logoUrl": "https://example.com/l.png", "logoUrl": "x""#,
                        r#", "logo": "x""#,
                    ],
                ),
                mostly(
                    r#""url": "git@github.com:example/c.git""#,
                    vec![
                        r#""url": "https://github.com/example/c.git""#,
                        r#""url": "git@gitlab.com:example/c.git""#,
                        r#""url": "git@github.com:example/c""#,
                        r#""url": "git@github.com://example/c.git""#,
                    ],
                ),
                mostly(
                    r#""tag": "v1.2.0""#,
                    vec![
                        r#""tag": "-v1""#,
                        r#""tag": "v1..2""#,
                        r#""tag": "v1.lock""#,
                        r#""tag": """#,
                    ],
                ),
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
        assert!(
            rate <= 0.9,
            "too few drafts that are not clean ({} declined)",
            declined.get()
        );
    }
}
