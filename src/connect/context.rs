//! What the cross-checks know about a connector and the resources around a payload (API.md §6).
//!
//! A connector can be given four ways — connect.yaml text, a `Connector` or a
//! `ConnectorStaged` as the API returns it, or a `ConnectSpec` from `parseConnectYaml` — and
//! all four become the same [`Connector`]: its applications with their declared keys, its
//! global configuration, and what the resource adds (supported regions, preview, privacy).
//! Resources from the API are read leniently: they are the server's own answers, so a
//! member that is missing or malformed is simply not known.

use crate::connect::connect_yaml::parse_connect_yaml_for_context;
use crate::report::codes::Code;
use crate::report::Issue;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Standard (plain text) or secured (secret) configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Standard,
    Secured,
}

impl Kind {
    pub(crate) const BOTH: [Kind; 2] = [Kind::Standard, Kind::Secured];

    /// The field of a configuration block: `standardConfiguration` or `securedConfiguration`.
    pub(crate) fn field(self) -> &'static str {
        match self {
            Kind::Standard => "standardConfiguration",
            Kind::Secured => "securedConfiguration",
        }
    }

    /// The word the API's messages use: `standard` or `secret`.
    pub(crate) fn word(self) -> &'static str {
        match self {
            Kind::Standard => "standard",
            Kind::Secured => "secret",
        }
    }
}

/// One declared configuration key.
#[derive(Clone, Debug)]
pub(crate) struct KeyDef {
    pub(crate) key: String,
    pub(crate) required: bool,
    pub(crate) default: Option<String>,
}

impl KeyDef {
    /// A value must be given: required and no default to fall back on.
    pub(crate) fn must_be_given(&self) -> bool {
        self.required && self.default.is_none()
    }
}

/// The keys of one configuration block (an application's, or the global one).
#[derive(Clone, Debug, Default)]
pub(crate) struct Declared {
    pub(crate) standard: Vec<KeyDef>,
    pub(crate) secured: Vec<KeyDef>,
    /// Key → its kind and place: look-ups stay logarithmic for connectors with many keys.
    index: BTreeMap<String, (Kind, usize)>,
}

impl Declared {
    pub(crate) fn of(&self, kind: Kind) -> &[KeyDef] {
        match kind {
            Kind::Standard => &self.standard,
            Kind::Secured => &self.secured,
        }
    }

    /// The kind a key is declared as, and its definition (the first, if declared twice).
    pub(crate) fn find(&self, key: &str) -> Option<(Kind, &KeyDef)> {
        let &(kind, i) = self.index.get(key)?;
        Some((kind, &self.of(kind)[i]))
    }

    fn read(block: Option<&Value>) -> Declared {
        let list = |kind: Kind| -> Vec<KeyDef> {
            block
                .and_then(|b| b.get(kind.field()))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|entry| {
                    Some(KeyDef {
                        key: entry.get("key")?.as_str()?.to_owned(),
                        required: entry.get("required").and_then(Value::as_bool) == Some(true),
                        // Secured entries have no default (connect.yaml forbids it).
                        default: entry
                            .get("default")
                            .and_then(Value::as_str)
                            .filter(|_| kind == Kind::Standard)
                            .map(str::to_owned),
                    })
                })
                .collect()
        };
        let (standard, secured) = (list(Kind::Standard), list(Kind::Secured));
        let mut index = BTreeMap::new();
        for (kind, defs) in [(Kind::Standard, &standard), (Kind::Secured, &secured)] {
            for (i, d) in defs.iter().enumerate() {
                index.entry(d.key.clone()).or_insert((kind, i));
            }
        }
        Declared {
            standard,
            secured,
            index,
        }
    }
}

/// One application of a connector.
#[derive(Clone, Debug)]
pub(crate) struct Application {
    pub(crate) name: String,
    /// `service`, `event`, `job`, ... when known.
    pub(crate) application_type: Option<String>,
    pub(crate) configuration: Declared,
}

/// The `source` of an issue about a connect.yaml given as context (API.md §3).
pub(crate) const SOURCE_CONNECT_YAML: &str = "connectYaml";

/// The parts of a connect.yaml in error: the cross-checks that depend on them are skipped.
#[derive(Clone, Debug, Default)]
pub(crate) struct Broken {
    /// Applications (by name) with an error of their own.
    applications: BTreeSet<String>,
    /// An application in error whose name cannot be read: any unknown name may be it.
    unnamed: bool,
    /// `inheritAs.configuration` has an error.
    pub(crate) global: bool,
}

impl Broken {
    fn of(errors: &[Issue], names: &[Option<String>]) -> Broken {
        let mut broken = Broken::default();
        for issue in errors {
            let mut steps = issue.path.split('/').skip(1);
            match (steps.next(), steps.next().and_then(|i| i.parse::<usize>().ok())) {
                (Some("deployAs"), Some(i)) => match names.get(i).cloned().flatten() {
                    Some(name) => {
                        broken.applications.insert(name);
                    }
                    None => broken.unnamed = true,
                },
                (Some("inheritAs"), _) => broken.global = true,
                _ => {}
            }
        }
        broken
    }

    /// Whether the application of this name is in error, so its values cannot be judged.
    pub(crate) fn application(&self, name: &str) -> bool {
        self.applications.contains(name)
    }

    /// Whether a name the connector does not have may be one of its applications in error.
    pub(crate) fn may_be(&self, name: &str) -> bool {
        self.unnamed || self.applications.contains(name)
    }
}

/// A connector as the cross-checks see it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Connector {
    pub(crate) applications: Vec<Application>,
    /// Application name → its place in `applications` (the first, if named twice).
    by_name: BTreeMap<String, usize>,
    pub(crate) global: Declared,
    /// Empty: deployable in every region.
    pub(crate) supported_regions: Vec<String>,
    /// A ConnectorStaged's `isPreviewable` (`"true"`, `"false"`, `"pending"`, `"none"`).
    pub(crate) is_previewable: Option<String>,
    pub(crate) private: Option<bool>,
    pub(crate) private_projects: Vec<String>,
    /// Every key the document declares secured, read from the document as given — also
    /// under applications the checks cannot use (no name, an unknown type): secrets all.
    pub(crate) secured_keys: BTreeSet<String>,
    /// What of a connect.yaml is in error (nothing for a resource from the API).
    pub(crate) broken: Broken,
}

impl Connector {
    pub(crate) fn application(&self, name: &str) -> Option<&Application> {
        self.applications.get(*self.by_name.get(name)?)
    }

    /// A Connector, ConnectorStaged, DeploymentConnector or ConnectSpec. `Err` says why the
    /// value is none of them (API misuse: the caller passed the wrong thing).
    pub(crate) fn from_resource(value: &Value, what: &str) -> Result<Connector, String> {
        let Some(object) = value.as_object() else {
            return Err(format!(
                "{what} must be a Connector, a ConnectorStaged or a ConnectSpec (an object); got {}",
                crate::report::checker::a_kind(value)
            ));
        };
        let Some(configurations) = object.get("configurations").and_then(Value::as_array) else {
            return Err(format!(
                "{what} must be a Connector, a ConnectorStaged or a ConnectSpec: it has no configurations array"
            ));
        };
        let text = |field: &str| object.get(field).and_then(Value::as_str).map(str::to_owned);
        let strings = |field: &str| -> Vec<String> {
            object
                .get(field)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        };
        let applications: Vec<Application> = configurations
            .iter()
            .filter_map(|app| {
                Some(Application {
                    name: app.get("applicationName")?.as_str()?.to_owned(),
                    application_type: app.get("applicationType").and_then(Value::as_str).map(str::to_owned),
                    configuration: Declared::read(Some(app)),
                })
            })
            .collect();
        let mut by_name = BTreeMap::new();
        for (i, application) in applications.iter().enumerate() {
            by_name.entry(application.name.clone()).or_insert(i);
        }
        Ok(Connector {
            applications,
            by_name,
            global: Declared::read(object.get("globalConfiguration")),
            supported_regions: strings("supportedRegions"),
            is_previewable: text("isPreviewable"),
            private: object.get("private").and_then(Value::as_bool),
            private_projects: strings("privateProjects"),
            secured_keys: crate::connect::secrets::declared_secured_keys(value),
            broken: Broken::default(),
        })
    }

    /// connect.yaml text, and the file's own errors (API.md §6: the context is checked
    /// first), each with `source: "connectYaml"` and its path, line and column in the file.
    /// The parts in error are marked [`Broken`], so that the cross-checks that depend on them
    /// are skipped rather than blamed on the payload. A file that cannot be read at all gives
    /// the issue that says why (at the file's line and column).
    pub(crate) fn from_connect_yaml(text: &str, what: &str) -> Result<(Connector, Vec<Issue>), Issue> {
        let (parsed, facts) = parse_connect_yaml_for_context(text);
        let own: Vec<Issue> = parsed
            .report
            .errors
            .iter()
            .map(|e| {
                let mut issue = e.clone().param("source", SOURCE_CONNECT_YAML);
                let message = format!("In the connector's connect.yaml: {}", issue.message);
                issue.message =
                    crate::report::budget::cut(&message, crate::report::budget::MAX_MESSAGE_CHARS).into_owned();
                issue
            })
            .collect();
        match parsed.spec {
            Some(spec) => {
                let connector = Connector::from_resource(&spec, what)
                    .map_err(|why| Issue::new(Code::InvalidYaml, "", why).param("source", SOURCE_CONNECT_YAML))?;
                let broken = Broken::of(&own, &facts.names);
                Ok((
                    Connector {
                        // The file's, not the spec's: the spec leaves out the applications in error.
                        secured_keys: facts.secured_keys,
                        broken,
                        ..connector
                    },
                    own,
                ))
            }
            None => {
                let first = parsed.report.errors.first();
                let why = first.map_or("it is empty", |e| e.message.as_str());
                let mut issue = Issue::new(
                    Code::InvalidYaml,
                    first.map_or("", |e| e.path.as_str()),
                    format!(
                        "The connector's connect.yaml ({what}) cannot be read: {why} The cross-checks did not run."
                    ),
                )
                .param("source", SOURCE_CONNECT_YAML);
                if let Some((line, column)) = first.and_then(|e| e.line.zip(e.column)) {
                    issue = issue.at(line, column);
                }
                Err(issue)
            }
        }
    }
}

/// A Deployment as the API returns it, for redeploy checks.
#[derive(Clone, Debug, Default)]
pub(crate) struct Deployment {
    pub(crate) id: Option<String>,
    pub(crate) key: Option<String>,
    pub(crate) version: Option<i64>,
    pub(crate) status: Option<String>,
    /// The names of its applications (`applications[].applicationName`).
    pub(crate) applications: Option<Vec<String>>,
    /// Its `connector` (a DeploymentConnector carries the configurations).
    pub(crate) connector: Option<Connector>,
    /// The keys it holds or declares as secured (any `securedConfiguration` in it): secrets
    /// wherever they are sent next.
    pub(crate) secured_keys: BTreeSet<String>,
}

impl Deployment {
    fn from_resource(value: &Value) -> Result<Deployment, String> {
        let Some(object) = value.as_object() else {
            return Err("context.deployment must be a Deployment (an object)".to_owned());
        };
        let text = |field: &str| object.get(field).and_then(Value::as_str).map(str::to_owned);
        Ok(Deployment {
            id: text("id"),
            key: text("key"),
            version: object.get("version").and_then(crate::report::checker::as_integer),
            status: text("status"),
            applications: object.get("applications").and_then(Value::as_array).map(|apps| {
                apps.iter()
                    .filter_map(|a| a.get("applicationName")?.as_str().map(str::to_owned))
                    .collect()
            }),
            connector: object
                .get("connector")
                .and_then(|c| Connector::from_resource(c, "context.deployment.connector").ok()),
            secured_keys: crate::connect::secrets::declared_secured_keys(value),
        })
    }
}

const CONTEXT_FIELDS: &[&str] = &[
    "connectYaml",
    "connector",
    "deployment",
    "connectorStaged",
    "projectKey",
];

/// The optional `context` of a check (API.md §4): what the payload is checked against.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub(crate) connector: Option<Connector>,
    /// A connect.yaml given as context that cannot be read: reported, no cross-checks run.
    pub(crate) unreadable: Option<Issue>,
    /// The errors of a connect.yaml given as context that can be read (`source` set).
    pub(crate) own_issues: Vec<Issue>,
    pub(crate) deployment: Option<Deployment>,
    pub(crate) connector_staged: Option<Connector>,
    pub(crate) project_key: Option<String>,
    /// The resources as given, for the ConnectorStaged rules (which read and update them).
    pub(crate) connector_resource: Option<Value>,
    pub(crate) staged_resource: Option<Value>,
}

impl Context {
    /// No context: only the payload's own rules are checked.
    pub fn none() -> Context {
        Context::default()
    }

    /// Reads `{ connectYaml?, connector?, deployment?, connectorStaged?, projectKey? }`.
    /// `Err` is API misuse (a context of the wrong shape), with a message saying what was
    /// expected; `null` is no context. A connect.yaml that cannot be read is not misuse: the
    /// checks report it.
    pub fn from_json(value: &Value) -> Result<Context, String> {
        let object = match value {
            Value::Null => return Ok(Context::none()),
            Value::Object(object) => object,
            _ => return Err("context must be an object (or undefined/null), e.g. { connectYaml: text }".to_owned()),
        };
        if let Some(unknown) = object.keys().find(|k| !CONTEXT_FIELDS.contains(&k.as_str())) {
            let hint = crate::report::checker::did_you_mean(unknown, CONTEXT_FIELDS.iter().copied())
                .map(|h| format!(" (did you mean '{h}'?)"))
                .unwrap_or_default();
            return Err(format!(
                "context has no field '{}'{hint}; it takes {}",
                crate::report::budget::shown(unknown),
                CONTEXT_FIELDS.join(", ")
            ));
        }
        let mut context = Context::none();
        match object.get("connectYaml") {
            None | Some(Value::Null) => {}
            Some(Value::String(text)) => context.read_connect_yaml(text, "context.connectYaml"),
            Some(_) => return Err("context.connectYaml must be the text of connect.yaml (a string)".to_owned()),
        }
        // A ConnectorStaged for the update rules may be a draft-like object: no configurations needed.
        context.connector_staged = optional(object, "connectorStaged", |v| {
            v.is_object()
                .then(|| {
                    Connector::from_resource(v, "context.connectorStaged").unwrap_or_else(|_| Connector {
                        secured_keys: crate::connect::secrets::declared_secured_keys(v),
                        ..Connector::default()
                    })
                })
                .ok_or_else(|| "context.connectorStaged must be a ConnectorStaged (an object)".to_owned())
        })?;
        context.staged_resource = object.get("connectorStaged").filter(|v| v.is_object()).cloned();
        context.connector_resource = object.get("connector").filter(|v| v.is_object()).cloned();
        if let Some(connector) = optional(object, "connector", |v| {
            Connector::from_resource(v, "context.connector")
        })? {
            context.connector = Some(match context.connector.take() {
                // Both: the file says what the applications declare, the resource the rest.
                Some(from_yaml) => Connector {
                    applications: from_yaml.applications,
                    by_name: from_yaml.by_name,
                    global: from_yaml.global,
                    secured_keys: from_yaml.secured_keys.union(&connector.secured_keys).cloned().collect(),
                    broken: from_yaml.broken,
                    ..connector
                },
                None => connector,
            });
        }
        context.deployment = optional(object, "deployment", Deployment::from_resource)?;
        context.project_key = optional(object, "projectKey", |v| {
            v.as_str()
                .map(str::to_owned)
                .ok_or_else(|| "context.projectKey must be a string (the project's key)".to_owned())
        })?;
        Ok(context)
    }

    /// A connect.yaml text or a connector resource, as `buildDeploymentDraft` takes its `source`.
    pub fn from_source(source: &Value) -> Result<Context, String> {
        let mut context = Context::none();
        match source {
            Value::String(text) => context.read_connect_yaml(text, "source"),
            _ => context.connector = Some(Connector::from_resource(source, "source")?),
        }
        Ok(context)
    }

    /// No context at all: nothing to cross-check (the fast paths' condition).
    #[cfg(any(feature = "draft-fast-path", target_arch = "wasm32"))]
    #[cfg_attr(not(feature = "draft-fast-path"), allow(dead_code))] // the fast path's question
    pub(crate) fn is_empty(&self) -> bool {
        self.connector.is_none()
            && self.unreadable.is_none()
            && self.deployment.is_none()
            && self.connector_staged.is_none()
            && self.project_key.is_none()
    }

    /// The connector from connect.yaml text, or the issue that says why the file cannot be read.
    fn read_connect_yaml(&mut self, text: &str, what: &str) {
        match Connector::from_connect_yaml(text, what) {
            Ok((connector, own)) => {
                self.connector = Some(connector);
                self.own_issues = own;
            }
            Err(issue) => self.unreadable = Some(issue),
        }
    }

    /// The connector to check against: the one given, else the deployment's own.
    pub(crate) fn connector(&self) -> Option<&Connector> {
        self.connector
            .as_ref()
            .or_else(|| self.deployment.as_ref().and_then(|d| d.connector.as_ref()))
    }

    /// What says whether the ConnectorStaged can be previewed: `connectorStaged`, else the
    /// connector when it is one.
    pub(crate) fn is_previewable(&self) -> Option<&str> {
        self.connector_staged
            .as_ref()
            .and_then(|c| c.is_previewable.as_deref())
            .or_else(|| self.connector.as_ref().and_then(|c| c.is_previewable.as_deref()))
    }

    /// Every key a document of the context declares or holds as secured (any application,
    /// valid or not, or global): their values are never echoed, even when sent in a standard
    /// block.
    pub(crate) fn secret_keys(&self) -> BTreeSet<&str> {
        let deployed = self.deployment.as_ref().and_then(|d| d.connector.as_ref());
        [self.connector.as_ref(), deployed, self.connector_staged.as_ref()]
            .into_iter()
            .flatten()
            .map(|c| &c.secured_keys)
            .chain(self.deployment.iter().map(|d| &d.secured_keys))
            .flatten()
            .map(String::as_str)
            .chain(self.unreadable.as_ref().map(|_| crate::connect::secrets::EVERY_KEY))
            .collect()
    }

    /// The context's own problems, to report first: a connect.yaml that cannot be read, or
    /// the errors of one that can (each with `source`).
    pub(crate) fn own_problems(&self) -> impl Iterator<Item = &Issue> {
        self.unreadable.iter().chain(&self.own_issues)
    }

    /// The private connector's projects, when it is private.
    pub(crate) fn private_projects(&self) -> Option<&[String]> {
        [self.connector_staged.as_ref(), self.connector.as_ref()]
            .into_iter()
            .flatten()
            .find(|c| c.private.is_some())
            .filter(|c| c.private == Some(true))
            .map(|c| c.private_projects.as_slice())
    }
}

fn optional<T>(
    object: &Map<String, Value>,
    field: &str,
    read: impl FnOnce(&Value) -> Result<T, String>,
) -> Result<Option<T>, String> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => read(value).map(Some),
    }
}
