//! connect.yaml: every rule of the official specification (connect-domain.md §1), with a line
//! and column on every issue, and the file in the API's own shape (`ConnectSpec`).
//!
//! The YAML is read by `yaml` (typed as the official parser types it); the rules run on the
//! resulting JSON value with the shared `Checker`; positions come from the YAML tree.

use crate::connect::properties::{check_retry_policy, check_schedule};
use crate::report::budget::shown;
use crate::report::checker::{a_kind, describe, Checker, Echo, Strictness};
use crate::report::codes::Code;
use crate::report::table::{self, field, required, Field};
use crate::report::{nearest, pointer_index, pointer_push, pointers_to_locate, serialize_answer, Issue, Loc, Report};
use crate::yaml;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

mod schema;
pub use schema::connect_yaml_schema;

/// What a connect.yaml value must be. Each object of the file is a table of these below
/// (`report::table`); its fields outside the table are errors (`extra_fields`: the official
/// schema is strict).
#[derive(Clone, Copy, PartialEq, Eq)]
enum YamlRule {
    /// A non-empty string: a description, a default, a script.
    NonEmpty,
    Boolean,
    /// A path: `[A-Za-z0-9_/-]`, no `//` (`check_endpoint`).
    Path,
    /// A whole number in this range.
    IntegerIn(i64, i64),
    /// A cron expression (`properties::check_schedule`).
    Schedule,
    /// At least one scope, each a non-empty string.
    Scopes,
    /// A configuration entry's key (`check_key`: reserved words, `^[a-zA-Z0-9_]{2,256}$`, keys
    /// Connect provides).
    ConfigurationKey,
    /// An object or a list with a walk of its own, named after the field (`check_application`,
    /// `check_configuration`, …): what it holds is in its own table.
    Part,
}

type Fields = [Field<YamlRule>];

static TOP: &Fields = &[
    required(
        "deployAs",
        YamlRule::Part,
        " (the list of applications; [] when there are none)",
    ),
    field("inheritAs", YamlRule::Part),
];
static INHERIT: &Fields = &[
    field("configuration", YamlRule::Part),
    field("apiClient", YamlRule::Part),
];
static API_CLIENT: &Fields = &[required(
    "scopes",
    YamlRule::Scopes,
    " (at least one scope, e.g. manage_orders)",
)];
static CONFIGURATION: &Fields = &[
    field("standardConfiguration", YamlRule::Part),
    field("securedConfiguration", YamlRule::Part),
];
static STANDARD_ENTRY: &Fields = &[
    required("key", YamlRule::ConfigurationKey, ""),
    required("description", YamlRule::NonEmpty, ""),
    field("required", YamlRule::Boolean),
    field("default", YamlRule::NonEmpty),
];
static SECURED_ENTRY: &Fields = &[
    required("key", YamlRule::ConfigurationKey, ""),
    required("description", YamlRule::NonEmpty, ""),
    field("required", YamlRule::Boolean),
];
static SCRIPTS: &Fields = &[
    field("postDeploy", YamlRule::NonEmpty),
    field("preUndeploy", YamlRule::NonEmpty),
];
static HEALTH_CHECK: &Fields = &[
    required("path", YamlRule::Path, " (the HTTP path to probe, e.g. /health)"),
    field("intervalSeconds", YamlRule::IntegerIn(1, 20)),
    field("timeoutSeconds", YamlRule::IntegerIn(1, 20)),
    field("unhealthyThreshold", YamlRule::IntegerIn(1, 20)),
];
static PROPERTIES: &Fields = &[required(
    "schedule",
    YamlRule::Schedule,
    " (a cron expression, e.g. '0 0 * * *')",
)];

/// An application's fields before its type is known (`name` and `applicationType` are read
/// first: the type says which of the others it has).
const NAME: Field<YamlRule> = required("name", YamlRule::Part, " (the application's folder in the repository)");
const APPLICATION_TYPE: Field<YamlRule> = required("applicationType", YamlRule::Part, "");
const ENDPOINT: Field<YamlRule> = required(
    "endpoint",
    YamlRule::Path,
    " (the path the application serves, e.g. /service)",
);
const CONFIGURATION_PART: Field<YamlRule> = field("configuration", YamlRule::Part);
const SCRIPTS_PART: Field<YamlRule> = field("scripts", YamlRule::Part);
const HEALTH_CHECK_PART: Field<YamlRule> = field("healthCheck", YamlRule::Part);
const RETRY_POLICY_PART: Field<YamlRule> = field("retryPolicy", YamlRule::Part);
static SERVICE: &Fields = &[
    NAME,
    APPLICATION_TYPE,
    ENDPOINT,
    CONFIGURATION_PART,
    SCRIPTS_PART,
    HEALTH_CHECK_PART,
];
static EVENT: &Fields = &[
    NAME,
    APPLICATION_TYPE,
    ENDPOINT,
    CONFIGURATION_PART,
    SCRIPTS_PART,
    HEALTH_CHECK_PART,
    RETRY_POLICY_PART,
];
static JOB: &Fields = &[
    NAME,
    APPLICATION_TYPE,
    ENDPOINT,
    CONFIGURATION_PART,
    SCRIPTS_PART,
    required(
        "properties",
        YamlRule::Part,
        " (a job needs properties.schedule, e.g. '0 0 * * *')",
    ),
];
static ASSETS: &Fields = &[NAME, APPLICATION_TYPE];
static MERCHANT_CENTER: &Fields = &[NAME, APPLICATION_TYPE, CONFIGURATION_PART, SCRIPTS_PART];
/// Every field some application type has.
static ANY_APPLICATION: &Fields = &[
    NAME,
    APPLICATION_TYPE,
    ENDPOINT,
    CONFIGURATION_PART,
    SCRIPTS_PART,
    HEALTH_CHECK_PART,
    RETRY_POLICY_PART,
    field("properties", YamlRule::Part),
];
/// The application types of the API (`mc-app` is accepted too, with a warning).
pub const APPLICATION_TYPES: &[&str] = &[
    "service",
    "event",
    "job",
    "assets",
    "merchant-center-custom-application",
    "merchant-center-custom-view",
];
const RESERVED_KEYS: &[&str] = &["PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION"];
/// Set by Connect for every application when `inheritAs.apiClient` is set.
const API_CLIENT_KEYS: &[&str] = &[
    "CTP_CLIENT_ID",
    "CTP_CLIENT_SECRET",
    "CTP_CLIENT_SCOPE",
    "CTP_CLIENT_REGION",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum AppType {
    Service,
    Event,
    Job,
    Assets,
    /// `merchant-center-custom-application`, or the deprecated `mc-app`.
    McApp,
    McView,
}

impl AppType {
    fn parse(s: &str) -> Option<AppType> {
        Some(match s {
            "service" => AppType::Service,
            "event" => AppType::Event,
            "job" => AppType::Job,
            "assets" => AppType::Assets,
            "merchant-center-custom-application" | "mc-app" => AppType::McApp,
            "merchant-center-custom-view" => AppType::McView,
            _ => return None,
        })
    }

    fn fields(self) -> &'static Fields {
        match self {
            AppType::Service => SERVICE,
            AppType::Event => EVENT,
            AppType::Job => JOB,
            AppType::Assets => ASSETS,
            AppType::McApp | AppType::McView => MERCHANT_CENTER,
        }
    }

    fn is_merchant_center(self) -> bool {
        matches!(self, AppType::McApp | AppType::McView)
    }

    /// Standard keys a Merchant Center application must declare with `required: true`.
    fn required_mc_keys(self) -> &'static [&'static str] {
        match self {
            AppType::McApp => &["CUSTOM_APPLICATION_ID", "ENTRY_POINT_URI_PATH"],
            AppType::McView => &["CUSTOM_VIEW_ID"],
            _ => &[],
        }
    }
}

/// `parseConnectYaml`'s answer: the file in the API's shape (None when it cannot be read at
/// all) and the report.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedConnectYaml {
    /// `ConnectSpec`: `{ configurations, globalConfiguration?, apiClient? }`.
    pub spec: Option<Value>,
    /// Every issue, each with `line` and `column`.
    pub report: Report,
}

serialize_answer!(ParsedConnectYaml { "spec" => spec, "report" => report });

/// Checks connect.yaml text against every rule of the official specification.
///
/// ```
/// let report = connect_preflight::validate_connect_yaml("deployAs:\n  - name: app\n    applicationType: service\n    endpoint: /svc\n");
/// assert!(report.valid());
/// let report = connect_preflight::validate_connect_yaml("deployAs:\n  - name: app\n    applicationType: service\n    endpoints: /svc\n");
/// assert_eq!(report.errors[0].code.as_str(), "UnknownField");      // with "Did you mean 'endpoint'?"
/// assert_eq!((report.errors[0].line, report.errors[0].column), (Some(4), Some(5)));
/// ```
pub fn validate_connect_yaml(text: &str) -> Report {
    read(text, false, None).report
}

/// Reads connect.yaml: the report, and the file in the API's own shape (`spec`), present
/// whenever the applications can be read, even when some rules fail.
pub fn parse_connect_yaml(text: &str) -> ParsedConnectYaml {
    read(text, true, None)
}

/// What a context needs of the document as written, beyond the spec (which leaves out what is
/// in error): every key it declares secured, and each application's name by its place.
#[derive(Default)]
pub(crate) struct DocumentFacts {
    pub(crate) secured_keys: BTreeSet<String>,
    /// `deployAs[i].name` when it is a string.
    pub(crate) names: Vec<Option<String>>,
}

/// The file read for a context: the spec, the report and the [`DocumentFacts`].
pub(crate) fn parse_connect_yaml_for_context(text: &str) -> (ParsedConnectYaml, DocumentFacts) {
    let mut facts = DocumentFacts::default();
    let parsed = read(text, true, Some(&mut facts));
    (parsed, facts)
}

/// The report, and the spec when `want_spec` (validating alone skips building its entries);
/// the facts of the document into `facts` when given. (Not generic: one copy of the whole
/// reader in the wasm.)
fn read(text: &str, want_spec: bool, facts: Option<&mut DocumentFacts>) -> ParsedConnectYaml {
    let (value, reader) = match yaml::parse(text) {
        Ok(Some(read)) => read,
        Ok(None) => {
            let issue = Issue::new(
                Code::RequiredField,
                "/deployAs",
                "connect.yaml is empty: it needs at least a deployAs list.",
            )
            .param("field", "deployAs")
            .at(1, 1);
            return ParsedConnectYaml {
                spec: None,
                report: Report::from_error(issue),
            };
        }
        Err(issue) => {
            return ParsedConnectYaml {
                spec: None,
                report: Report::from_error(issue),
            }
        }
    };
    if let Some(facts) = facts {
        facts.secured_keys = crate::connect::secrets::declared_secured_keys(&value);
        let applications = value.get("deployAs").and_then(Value::as_array);
        facts.names = applications
            .into_iter()
            .flatten()
            .map(|a| a.get("name").and_then(Value::as_str).map(str::to_owned))
            .collect();
    }
    let mut c = Checker::default();
    let spec = check_file(&mut c, &value, want_spec).filter(|_| want_spec);
    let mut report = c.finish();
    add_positions(&mut report, text, reader);
    ParsedConnectYaml { spec, report }
}

/// Puts a line and column on every issue: of the node its path names or, for a missing
/// field, of the nearest node that exists. An issue about a field being there points at its
/// key; any other at the value.
fn add_positions(report: &mut Report, text: &str, reader: yaml::ReadBy) {
    let wanted = pointers_to_locate(report);
    if wanted.is_empty() {
        return;
    }
    let found = yaml::locate_in(text, &wanted, reader);
    for issue in report.issues_mut() {
        let at_key = matches!(
            issue.code,
            Code::UnknownField | Code::LegacyConnectYamlFormat | Code::NotAllowedForApplicationType
        );
        let pos = match nearest(&found, &issue.path) {
            Some((located, true)) if at_key => located.key.unwrap_or(located.value),
            Some((located, _)) => located.value,
            None => yaml::Pos { line: 1, column: 1 },
        };
        issue.line = Some(pos.line);
        issue.column = Some(pos.column);
    }
}

/// A configuration entry as read, for the cross-rules (Merchant Center, duplicates).
struct KeyInfo<'v> {
    /// Borrowed from the value: no copy per entry.
    key: &'v str,
    required: bool,
    has_default: bool,
    path: String,
}

#[derive(Default)]
struct Block<'v> {
    standard: Vec<KeyInfo<'v>>,
    secured: Vec<KeyInfo<'v>>,
    spec: Option<Value>,
}

/// What the rules of a configuration block need to know about the file.
struct BlockRules<'a> {
    /// Keys of `inheritAs.configuration` (an application may not repeat them).
    global_keys: &'a BTreeSet<String>,
    api_client: bool,
    has_merchant_center: bool,
    /// Whether the entries' spec form is wanted (not when only validating).
    want_spec: bool,
}

fn check_file(c: &mut Checker, root: &Value, want_spec: bool) -> Option<Value> {
    let Some(top) = root.as_object() else {
        c.error(Issue::new(
            Code::InvalidField,
            "",
            format!(
                "connect.yaml must be a mapping with a deployAs list; got {}.",
                describe(root)
            ),
        ));
        return None;
    };
    extra_fields(c, top, "", TOP, None);

    // What the rules of one part need from the others, read before any is checked.
    let inherit = top.get("inheritAs").and_then(Value::as_object);
    let global_configuration = inherit.and_then(|i| i.get("configuration"));
    let global_keys: BTreeSet<String> = entries_of(global_configuration)
        .map(|(key, _)| key.to_owned())
        .collect();
    let global_cloud_identifier = entries_of(global_configuration)
        .any(|(key, entry)| key == "CLOUD_IDENTIFIER" && entry.get("required") == Some(&Value::Bool(true)));
    let ctx = BlockRules {
        want_spec,
        global_keys: &global_keys,
        api_client: inherit.is_some_and(|i| i.contains_key("apiClient")),
        has_merchant_center: top.get("deployAs").and_then(Value::as_array).is_some_and(|apps| {
            apps.iter().any(|a| {
                a.get("applicationType")
                    .and_then(Value::as_str)
                    .and_then(AppType::parse)
                    .is_some_and(AppType::is_merchant_center)
            })
        }),
    };

    let mut spec = Map::new();
    let mut applications = None;
    table::check_fields(c, top, "", TOP, |c, field, value| match field.name {
        "deployAs" => applications = check_deploy_as(c, value, &ctx, global_cloud_identifier),
        _ => check_inherit_as(c, value, &ctx, &mut spec),
    });
    spec.insert("configurations".into(), Value::Array(applications?));
    Some(Value::Object(spec))
}

/// `deployAs`: the applications, each in its spec form when its name is readable.
fn check_deploy_as(
    c: &mut Checker,
    value: &Value,
    ctx: &BlockRules<'_>,
    global_cloud_identifier: bool,
) -> Option<Vec<Value>> {
    if value.is_null() {
        c.invalid(
            "/deployAs".into(),
            "deployAs",
            value,
            "must be a list of applications (write [] for none)",
            Echo::Yes,
        );
        return None;
    }
    let applications = c.array(value, "/deployAs".into(), "deployAs")?;
    let mut spec_applications = Vec::new();
    let mut names = BTreeSet::new();
    for (i, application) in applications.iter().enumerate() {
        let path = pointer_index("/deployAs", i);
        if let Some(spec) = check_application(c, application, &path, &mut names, ctx, global_cloud_identifier) {
            spec_applications.push(spec);
        }
    }
    Some(spec_applications)
}

/// `inheritAs`: the global configuration and the API client, added to `spec`.
fn check_inherit_as(c: &mut Checker, value: &Value, ctx: &BlockRules<'_>, spec: &mut Map<String, Value>) {
    let Some(inherit) = c.object(value, "/inheritAs".into(), "inheritAs") else {
        return;
    };
    extra_fields(c, inherit, "/inheritAs", INHERIT, None);
    table::check_fields(c, inherit, "/inheritAs", INHERIT, |c, field, value| match field.name {
        "configuration" => {
            let no_globals = BTreeSet::new();
            let global_ctx = BlockRules {
                global_keys: &no_globals,
                ..*ctx
            };
            let block = check_configuration(c, value, "/inheritAs/configuration", None, &global_ctx);
            if let Some(block_spec) = block.spec {
                spec.insert("globalConfiguration".into(), block_spec);
            }
        }
        _ => {
            if let Some(scopes) = check_api_client(c, value) {
                spec.insert("apiClient".into(), json!({ "scopes": scopes }));
            }
        }
    });
}

/// The `(key, entry)` pairs of a configuration block's two lists, for look-ups before checks.
fn entries_of(configuration: Option<&Value>) -> impl Iterator<Item = (&str, &Map<String, Value>)> {
    CONFIGURATION
        .iter()
        .filter_map(move |field| configuration.and_then(|c| c.get(field.name)).and_then(Value::as_array))
        .flatten()
        .filter_map(|entry| {
            let entry = entry.as_object()?;
            Some((entry.get("key")?.as_str()?, entry))
        })
}

/// Fields outside `allowed`: the legacy format's fields get a migration message, fields
/// that another application type has get `NotAllowedForApplicationType`, the rest
/// `UnknownField`; all are errors (the official schema is strict).
fn extra_fields(
    c: &mut Checker,
    object: &Map<String, Value>,
    path: &str,
    allowed: &'static Fields,
    application_type: Option<&str>,
) {
    let known = |name: &str| allowed.iter().any(|f| f.name == name);
    for (name, value) in object.iter().filter(|(k, _)| !known(k)) {
        let field_path = pointer_push(path, name);
        match (name.as_str(), application_type) {
            ("appPath", _) => c.error(
                Issue::new(
                    Code::LegacyConnectYamlFormat,
                    field_path,
                    format!(
                        "'appPath' is the connect.yaml format of before December 2022: rename it to 'endpoint' (endpoint: {}).",
                        value.as_str().unwrap_or("/path")
                    ),
                )
                .param("field", "appPath"),
            ),
            ("configurationType", _) => c.error(
                Issue::new(Code::LegacyConnectYamlFormat, field_path, configuration_type_migration(value))
                    .param("field", "configurationType"),
            ),
            (_, Some(application_type)) if ANY_APPLICATION.iter().any(|f| f.name == name) => c.error(
                Issue::new(
                    Code::NotAllowedForApplicationType,
                    field_path,
                    format!("Field '{}' is not allowed for applicationType '{application_type}'.", shown(name)),
                )
                .param("field", name.as_str())
                .param("applicationType", application_type),
            ),
            ("default", _) if std::ptr::eq(allowed, SECURED_ENTRY) => {
                let why = " A secured entry cannot have a default: its value is set on each deployment.";
                c.unknown_field(name, path, &table::names(allowed), Strictness::Error, why);
            }
            _ => c.unknown_field(name, path, &table::names(allowed), Strictness::Error, ""),
        }
    }
}

/// The migration of a legacy `configurationType: { KEY: standard | secret }` map.
fn configuration_type_migration(value: &Value) -> String {
    let mut standard = Vec::new();
    let mut secured = Vec::new();
    for (key, kind) in value.as_object().into_iter().flatten() {
        if kind.as_str() == Some("secret") {
            secured.push(key.as_str());
        } else {
            standard.push(key.as_str());
        }
    }
    format!(
        "'configurationType' is the connect.yaml format of before June 2023: replace it with configuration.standardConfiguration and configuration.securedConfiguration, lists of {{key, description, required, default}} entries (standard: {}; secured: {}).",
        if standard.is_empty() { "none".to_owned() } else { standard.join(", ") },
        if secured.is_empty() { "none".to_owned() } else { secured.join(", ") },
    )
}

fn check_application(
    c: &mut Checker,
    value: &Value,
    path: &str,
    names: &mut BTreeSet<String>,
    ctx: &BlockRules<'_>,
    global_cloud_identifier: bool,
) -> Option<Value> {
    let application = c.object(value, Loc::At(path), "deployAs")?;
    let name = match application.get(NAME.name) {
        Some(name) => {
            c.key(name, Loc::Field(path, "name"), "name");
            name.as_str()
        }
        None => {
            c.required(path, NAME.name, NAME.required.unwrap_or_default());
            None
        }
    };
    if let Some(name) = name {
        if !names.insert(name.to_owned()) {
            c.error(
                Issue::new(
                    Code::DuplicateApplicationName,
                    pointer_push(path, "name"),
                    format!("Duplicate application name found: {}.", shown(name)),
                )
                .param("applicationName", name),
            );
        }
    }
    let type_path = pointer_push(path, "applicationType");
    let Some(type_value) = application.get(APPLICATION_TYPE.name) else {
        c.required(path, APPLICATION_TYPE.name, "");
        extra_fields(c, application, path, ANY_APPLICATION, None);
        return None;
    };
    let type_name = type_value.as_str().unwrap_or_default();
    let Some(app_type) = AppType::parse(type_name) else {
        c.one_of(type_value, Loc::At(&type_path), "applicationType", APPLICATION_TYPES);
        extra_fields(c, application, path, ANY_APPLICATION, None);
        return None;
    };
    if type_name == "mc-app" {
        c.warning(
            Issue::new(
                Code::DeprecatedApplicationType,
                type_path,
                "applicationType 'mc-app' is deprecated since 30 Jan 2024: use 'merchant-center-custom-application'.",
            )
            .param("field", "applicationType")
            .param("invalidValue", "mc-app"),
        );
    }
    extra_fields(c, application, path, app_type.fields(), Some(type_name));

    let mut spec = Map::new();
    spec.insert("applicationName".into(), json!(name));
    spec.insert("applicationType".into(), json!(type_name));
    // A legacy appPath already says to rename it: no second issue for the missing endpoint.
    let legacy = application.contains_key("appPath") && !application.contains_key("endpoint");
    let rest = app_type.fields()[2..]
        .iter()
        .filter(|f| !(legacy && f.name == "endpoint"));
    let mut configuration = None;
    let mut block = Block::default();
    table::check_fields(c, application, path, rest, |c, field, value| {
        let at = pointer_push(path, field.name);
        let as_given = match field.name {
            "endpoint" => check_endpoint(c, value, &at, "endpoint"),
            "configuration" => {
                configuration = Some(value);
                block = check_configuration(c, value, &at, Some(app_type), ctx);
                false
            }
            "scripts" => check_scripts(c, value, &at),
            "healthCheck" => check_health_check(c, value, &at),
            "retryPolicy" => check_retry_policy(c, value, &at),
            _ => {
                if let Some(schedule) = check_properties(c, value, &at) {
                    spec.insert("schedule".into(), json!(schedule));
                }
                false
            }
        };
        if as_given {
            spec.insert(field.name.into(), value.clone());
        }
    });
    let block_spec = block
        .spec
        .clone()
        .unwrap_or_else(|| json!({"standardConfiguration": [], "securedConfiguration": []}));
    if let Value::Object(lists) = block_spec {
        spec.extend(lists);
    }
    if app_type.is_merchant_center() {
        check_merchant_center(
            c,
            app_type,
            name.unwrap_or_default(),
            path,
            configuration,
            &block,
            global_cloud_identifier,
        );
    }
    name.map(|_| Value::Object(spec))
}

/// Endpoint paths: non-empty, only `[A-Za-z0-9_/-]`, no `//`. Checked in one pass (the
/// official regex backtracks for seconds on a 30-character string). Nested paths are fine.
fn check_endpoint(c: &mut Checker, value: &Value, path: &str, field: &str) -> bool {
    let Some(endpoint) = c.string(value, Loc::At(path), field, Echo::Yes) else {
        return false;
    };
    let problem = if endpoint.is_empty() {
        Some("must not be empty".to_owned())
    } else if let Some(bad) = endpoint
        .chars()
        .find(|&ch| !(ch.is_ascii_alphanumeric() || matches!(ch, '_' | '-' | '/')))
    {
        Some(format!(
            "may only contain letters, digits, '_', '-' and '/' (found '{bad}')"
        ))
    } else if endpoint.contains("//") {
        Some("must not contain '//'".to_owned())
    } else {
        None
    };
    match problem {
        Some(problem) => {
            c.invalid(Loc::At(path), field, value, &problem, Echo::Yes);
            false
        }
        None => {
            // The official pattern `([…]{0,256})+` means 256 at most and, by its `+`, lets any
            // length pass: the verdict follows the validator, a warning says what it meant.
            let length = endpoint.chars().count();
            if length > MAX_ENDPOINT_CHARS {
                c.warning(
                    Issue::new(
                        Code::InvalidField,
                        path,
                        format!("{field} is {length} characters long: the official pattern means at most {MAX_ENDPOINT_CHARS} (it does not enforce it), and such a path is unusual."),
                    )
                    .param("field", field)
                    .param("maxLength", MAX_ENDPOINT_CHARS),
                );
            }
            true
        }
    }
}

/// The endpoint length the official pattern states (docs/decisions.md).
const MAX_ENDPOINT_CHARS: usize = 256;

fn check_configuration<'v>(
    c: &mut Checker,
    value: &'v Value,
    path: &str,
    app_type: Option<AppType>,
    ctx: &BlockRules<'_>,
) -> Block<'v> {
    let mut block = Block::default();
    let Some(configuration) = c.object(value, Loc::At(path), "configuration") else {
        return block;
    };
    extra_fields(c, configuration, path, CONFIGURATION, None);
    let mut seen = BTreeSet::new();
    let mut spec = Map::new();
    for (field, secured) in [("standardConfiguration", false), ("securedConfiguration", true)] {
        let list_path = pointer_push(path, field);
        let entries = match configuration.get(field) {
            None => None,
            Some(Value::Null) => {
                c.invalid(
                    Loc::At(&list_path),
                    field,
                    &Value::Null,
                    "must be a list (an empty key is null: write [] or remove it)",
                    Echo::Yes,
                );
                None
            }
            Some(list) => c.array(list, Loc::At(&list_path), field),
        };
        let mut spec_entries = Vec::new();
        for (i, entry) in entries.into_iter().flatten().enumerate() {
            let entry_path = pointer_index(&list_path, i);
            if let Some((info, entry_spec)) = check_entry(c, entry, entry_path, secured, app_type, ctx) {
                if !seen.insert(info.key) {
                    c.error(duplicate_key(
                        Code::DuplicateConfigurationKey,
                        &info,
                        "Duplicate key found",
                    ));
                } else if ctx.global_keys.contains(info.key) {
                    c.error(duplicate_key(
                        Code::DuplicateGlobalConfigurationKey,
                        &info,
                        "Duplicate global key found",
                    ));
                }
                spec_entries.push(entry_spec);
                if secured {
                    &mut block.secured
                } else {
                    &mut block.standard
                }
                .push(info);
            }
        }
        spec.insert(field.into(), Value::Array(spec_entries));
    }
    block.spec = Some(Value::Object(spec));
    block
}

fn duplicate_key(code: Code, info: &KeyInfo<'_>, what: &str) -> Issue {
    Issue::new(
        code,
        pointer_push(&info.path, "key"),
        format!("{what} {}.", shown(info.key)),
    )
    .param("configurationKey", info.key)
}

/// One standard or secured entry. Returns what the cross-rules need and its spec form, when
/// its key is readable.
fn check_entry<'v>(
    c: &mut Checker,
    value: &'v Value,
    entry_path: String,
    secured: bool,
    app_type: Option<AppType>,
    ctx: &BlockRules<'_>,
) -> Option<(KeyInfo<'v>, Value)> {
    let path = entry_path.as_str();
    let entry = c.object(
        value,
        Loc::At(path),
        if secured {
            "securedConfiguration"
        } else {
            "standardConfiguration"
        },
    )?;
    let fields = if secured { SECURED_ENTRY } else { STANDARD_ENTRY };
    extra_fields(c, entry, path, fields, None);
    let mut key = None;
    table::check_fields(c, entry, path, fields, |c, field, value| match field.rule {
        YamlRule::ConfigurationKey => key = check_key(c, value, path, app_type, ctx),
        rule => check_value(c, rule, value, path, field.name),
    });
    let required = entry.get("required") == Some(&Value::Bool(true));
    let default = entry.get("default").filter(|_| !secured);
    let key = key?;
    let info = KeyInfo {
        key,
        required,
        has_default: default.is_some(),
        path: entry_path,
    };
    if !ctx.want_spec {
        return Some((info, Value::Null));
    }
    let mut spec = Map::new();
    spec.insert("key".into(), json!(key));
    spec.insert(
        "description".into(),
        entry
            .get("description")
            .filter(|d| d.is_string())
            .cloned()
            .unwrap_or(json!("")),
    );
    spec.insert("required".into(), json!(required));
    if let Some(default) = default.filter(|d| d.is_string()) {
        spec.insert("default".into(), default.clone());
    }
    Some((info, Value::Object(spec)))
}

/// An entry's key: a string, not a reserved word, `^[a-zA-Z0-9_]{2,256}$`; a key Connect
/// provides is a warning. The key when it is a string.
fn check_key<'v>(
    c: &mut Checker,
    value: &'v Value,
    path: &str,
    app_type: Option<AppType>,
    ctx: &BlockRules<'_>,
) -> Option<&'v str> {
    let key_path = pointer_push(path, "key");
    let key = c.string(value, Loc::At(&key_path), "key", Echo::Yes)?;
    if RESERVED_KEYS.iter().any(|r| r.eq_ignore_ascii_case(key)) {
        c.error(
            Issue::new(
                Code::ReservedConfigurationKey,
                key_path.as_str(),
                format!("Key \"{}\" is a reserved word: Connect's runtime sets it.", shown(key)),
            )
            .param("configurationKey", key),
        );
    } else if let Some(problem) = configuration_key_problem(key) {
        c.invalid(Loc::At(&key_path), "key", value, problem, Echo::Yes);
    } else if is_provided(key, app_type, ctx) {
        c.warning(
            Issue::new(
                Code::ProvidedConfigurationKey,
                key_path.as_str(),
                format!(
                    "Connect provides {} itself; declaring it here has no effect or overrides it.",
                    shown(key)
                ),
            )
            .param("configurationKey", key),
        );
    }
    Some(key)
}

/// The rules that need nothing but the value (the others' walks are named after their field).
fn check_value(c: &mut Checker, rule: YamlRule, value: &Value, path: &str, name: &str) {
    let at = Loc::Field(path, name);
    match rule {
        YamlRule::NonEmpty => c.non_empty_string(value, at, name, Echo::Yes),
        YamlRule::Boolean => c.boolean(value, at, name),
        YamlRule::Path => {
            check_endpoint(c, value, &at.pointer(), name);
        }
        YamlRule::IntegerIn(min, max) => {
            c.integer_in(value, at, name, min, max);
        }
        YamlRule::Schedule => {
            if let Some(text) = c.string(value, at, name, Echo::Yes) {
                check_schedule(c, text, &at.pointer());
            }
        }
        YamlRule::Scopes => check_scopes(c, value, &at.pointer()),
        YamlRule::ConfigurationKey | YamlRule::Part => {}
    }
}

/// `^[a-zA-Z0-9_]{2,256}$`
fn configuration_key_problem(key: &str) -> Option<&'static str> {
    if !(2..=256).contains(&key.len()) {
        Some("must be 2 to 256 characters long")
    } else if !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        Some("may only contain letters, digits and '_'")
    } else {
        None
    }
}

/// A variable Connect sets itself: CONNECT_*, the apiClient credentials when `apiClient` is
/// set, and APPLICATION_URL for Merchant Center applications.
fn is_provided(key: &str, app_type: Option<AppType>, ctx: &BlockRules<'_>) -> bool {
    let merchant_center = match app_type {
        Some(t) => t.is_merchant_center(),
        None => ctx.has_merchant_center,
    };
    key.starts_with("CONNECT_")
        || (ctx.api_client && API_CLIENT_KEYS.contains(&key))
        || (merchant_center && key == "APPLICATION_URL")
}

fn check_merchant_center(
    c: &mut Checker,
    app_type: AppType,
    name: &str,
    path: &str,
    configuration: Option<&Value>,
    block: &Block,
    global_cloud_identifier: bool,
) {
    // Where a missing key belongs: its list, else the application entry.
    let standard_path = configuration.and_then(|c| c.get("standardConfiguration")).map_or_else(
        || path.to_owned(),
        |_| pointer_push(&pointer_push(path, "configuration"), "standardConfiguration"),
    );
    let missing = |key: &str, path: &str, why: &str| {
        Issue::new(
            Code::MissingMerchantCenterConfiguration,
            path,
            format!("Application {} is missing {key} configuration: {why}", shown(name)),
        )
        .param("applicationName", name)
        .param("configurationKey", key)
    };
    for &key in app_type.required_mc_keys() {
        match block.standard.iter().find(|k| k.key == key) {
            Some(info) if info.required => {}
            Some(info) => c.error(missing(key, &info.path, "its standard entry needs required: true.")),
            None => c.error(missing(
                key,
                &standard_path,
                "add a standard entry with required: true.",
            )),
        }
    }
    if !global_cloud_identifier
        && !block
            .standard
            .iter()
            .any(|k| k.key == "CLOUD_IDENTIFIER" && (k.required || k.has_default))
    {
        let at = block
            .standard
            .iter()
            .find(|k| k.key == "CLOUD_IDENTIFIER")
            .map_or(standard_path.as_str(), |k| k.path.as_str());
        c.error(missing(
            "CLOUD_IDENTIFIER",
            at,
            "add a standard entry that is required or has a default (e.g. gcp-eu), or a required one in inheritAs.",
        ));
    }
    if !block.secured.is_empty() {
        let what = if app_type == AppType::McView {
            "custom view"
        } else {
            "custom application"
        };
        c.error(
            Issue::new(
                Code::NotAllowedForApplicationType,
                pointer_push(&pointer_push(path, "configuration"), "securedConfiguration"),
                format!("Secured configuration is not allowed in a Merchant Center {what}: its values would reach the browser."),
            )
            .param("field", "securedConfiguration")
            .param("applicationType", if app_type == AppType::McView { "merchant-center-custom-view" } else { "merchant-center-custom-application" }),
        );
    }
}

/// `postDeploy` / `preUndeploy`: non-empty commands. Whether it is an object.
fn check_scripts(c: &mut Checker, value: &Value, path: &str) -> bool {
    check_leaves(c, value, path, "scripts", SCRIPTS)
}

fn check_health_check(c: &mut Checker, value: &Value, path: &str) -> bool {
    check_leaves(c, value, path, "healthCheck", HEALTH_CHECK)
}

/// An object whose fields need nothing but their values. Whether it is an object.
fn check_leaves(c: &mut Checker, value: &Value, path: &str, name: &str, fields: &'static Fields) -> bool {
    let Some(object) = c.object(value, Loc::At(path), name) else {
        return false;
    };
    extra_fields(c, object, path, fields, None);
    table::check_fields(c, object, path, fields, |c, field, value| {
        check_value(c, field.rule, value, path, field.name);
    });
    true
}

/// A job's `properties`: `schedule`, a cron string. Returns the schedule when it is valid.
fn check_properties(c: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let properties = c.object(value, Loc::At(path), "properties")?;
    extra_fields(c, properties, path, PROPERTIES, None);
    let mut valid = None;
    table::check_fields(c, properties, path, PROPERTIES, |c, field, value| {
        let at = pointer_push(path, field.name);
        if let Some(text) = c.string(value, Loc::At(&at), field.name, Echo::Yes) {
            if check_schedule(c, text, &at) {
                valid = Some(text.to_owned());
            }
        }
    });
    valid
}

/// `inheritAs.apiClient`: `{ scopes: [non-empty strings, at least one] }`. Returns the scopes
/// when they are a list.
fn check_api_client(c: &mut Checker, value: &Value) -> Option<Value> {
    let path = "/inheritAs/apiClient";
    let api_client = c.object(value, Loc::At(path), "apiClient")?;
    extra_fields(c, api_client, path, API_CLIENT, None);
    table::check_fields(c, api_client, path, API_CLIENT, |c, field, value| {
        check_value(c, field.rule, value, path, field.name);
    });
    api_client.get("scopes").filter(|s| s.is_array()).cloned()
}

/// At least one scope, each a non-empty string.
fn check_scopes(c: &mut Checker, scopes: &Value, path: &str) {
    let Some(list) = c.array(scopes, Loc::At(path), "scopes") else {
        return;
    };
    if list.is_empty() {
        c.invalid(
            Loc::At(path),
            "scopes",
            scopes,
            "must list at least one scope",
            Echo::Yes,
        );
    }
    for (i, scope) in list.iter().enumerate() {
        if scope.as_str().is_some_and(str::is_empty) {
            c.invalid(Loc::Item(path, i), "scopes", scope, "must not be empty", Echo::Yes);
        } else if !scope.is_string() {
            c.invalid(
                Loc::Item(path, i),
                "scopes",
                scope,
                &format!("must be a string, not {}", a_kind(scope)),
                Echo::Yes,
            );
        }
    }
}
