//! Shared by every fuzz target: how an input is split into a context and a payload, the fixed
//! realistic context documents, the invariants of API.md §2–3 (`check_report`) and the secret
//! rule (`planted`, `check_planted`, `assert_no_secret`).
//!
//! Input layout (every target):
//!
//! ```text
//! byte 0      context kind, modulo 5: 0 none, 1 connectYaml, 2 connector, 3 deployment,
//!             4 connectorStaged
//! bytes 1..   UTF-8 text (anything else is skipped). For kinds 1-4:
//!               "<context document>\0<payload>"  the context is built from the bytes
//!                                                (connect.yaml text for kind 1, JSON otherwise)
//!               "<payload>" (no NUL)             the fixed realistic document of that kind
//! ```
//!
//! The payload is checked as text and, when it parses as JSON, also as a `serde_json::Value`.
#![allow(dead_code)]

use connect_preflight::{parse_connect_yaml, to_error_response, Context, Issue, Payload, Report};
use serde_json::{json, Map, Value};

/// Planted in every secured place of a payload; must never come back in a report.
pub const SENTINEL: &str = "FUZZ-SECRET-7f3a";
/// A secret sent as a number (an issue about its type must not repeat it either).
pub const SENTINEL_NUMBER: u64 = 987_654_321_987;
/// The key the fixed contexts declare secured (in the application `service`).
pub const SECRET_KEY: &str = "API_SECRET";

/// The report budget (API.md §5 `TooManyIssues`, src/report/budget.rs): this many issues, plus one
/// `TooManyIssues` saying how many more were found.
pub const MAX_ISSUES: usize = 1_000;
/// A string repeated from the input is cut to 200 characters and ends in `…` (every string
/// param, and every string of a list param).
pub const MAX_PARAM_CHARS: usize = 201;
/// A message is cut to 1,000 characters and ends in `…`.
pub const MAX_MESSAGE_CHARS: usize = 1_001;

// ---- Splitting the input ---------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    None,
    ConnectYaml,
    Connector,
    Deployment,
    ConnectorStaged,
}

impl Kind {
    pub fn from_byte(byte: u8) -> Kind {
        match byte % 5 {
            0 => Kind::None,
            1 => Kind::ConnectYaml,
            2 => Kind::Connector,
            3 => Kind::Deployment,
            _ => Kind::ConnectorStaged,
        }
    }

    /// The member of `context` this kind fills.
    pub fn field(self) -> Option<&'static str> {
        match self {
            Kind::None => None,
            Kind::ConnectYaml => Some("connectYaml"),
            Kind::Connector => Some("connector"),
            Kind::Deployment => Some("deployment"),
            Kind::ConnectorStaged => Some("connectorStaged"),
        }
    }
}

/// A context document: connect.yaml text, or a JSON resource.
#[derive(Clone, Debug)]
pub enum Document {
    Yaml(String),
    Json(Value),
}

impl Document {
    pub fn to_value(&self) -> Value {
        match self {
            Document::Yaml(text) => Value::String(text.clone()),
            Document::Json(value) => value.clone(),
        }
    }
}

pub struct Input<'a> {
    pub kind: Kind,
    /// `None` for `Kind::None`.
    pub document: Option<Document>,
    /// The document is the fixed realistic one (it declares `API_SECRET` secured).
    pub fixed: bool,
    /// The payload as text.
    pub text: &'a str,
    /// The payload as a value, when the text is JSON.
    pub value: Option<Value>,
    raw: &'a [u8],
}

/// The context kind and the rest as text, without looking for a context document.
pub fn kind_and_text(data: &[u8]) -> Option<(Kind, &str)> {
    let (&first, rest) = data.split_first()?;
    Some((Kind::from_byte(first), std::str::from_utf8(rest).ok()?))
}

impl<'a> Input<'a> {
    /// `None` when the input is empty, not UTF-8, or names a JSON context document that is
    /// not JSON.
    pub fn parse(data: &'a [u8]) -> Option<Input<'a>> {
        let (kind, rest) = kind_and_text(data)?;
        let (document, fixed, text) = match (kind, rest.split_once('\0')) {
            (Kind::None, _) => (None, false, rest),
            (Kind::ConnectYaml, Some((doc, payload))) => (Some(Document::Yaml(doc.to_owned())), false, payload),
            (_, Some((doc, payload))) => (
                Some(Document::Json(serde_json::from_str(doc).ok()?)),
                false,
                payload,
            ),
            (kind, None) => (fixed_document(kind), true, rest),
        };
        let value = serde_json::from_str(text).ok();
        Some(Input {
            kind,
            document,
            fixed,
            text,
            value,
            raw: data,
        })
    }

    /// The payload: as text, and as a value when it is JSON.
    pub fn payloads(&self) -> Vec<Payload<'_>> {
        let mut out = vec![Payload::Text(self.text)];
        if let Some(value) = &self.value {
            out.push(Payload::Value(value));
        }
        out
    }

    /// The `context` argument: `{ <kind's field>: document }`, `null` for no context. The
    /// fixed ConnectorStaged (private) comes with the projectKey of one of its projects.
    pub fn context_value(&self) -> Value {
        let (Some(field), Some(document)) = (self.kind.field(), &self.document) else {
            return Value::Null;
        };
        let mut object = Map::new();
        object.insert(field.to_owned(), document.to_value());
        if self.fixed && self.kind == Kind::ConnectorStaged {
            object.insert("projectKey".to_owned(), json!("shop-prod"));
        }
        Value::Object(object)
    }

    /// The context of the validate functions; `None` when `Context::from_json` refuses it
    /// (API misuse: a resource of the wrong shape), which is not what these targets test.
    pub fn context(&self) -> Option<Context> {
        Context::from_json(&self.context_value()).ok()
    }

    /// The `source` of buildDeploymentDraft: connect.yaml text or a connector resource
    /// (`Context::from_source`); a deployment is given as `{ deployment }` (its connector).
    pub fn source(&self) -> Option<Context> {
        match (self.kind, &self.document) {
            (Kind::None, _) | (_, None) => Some(Context::none()),
            (Kind::Deployment, _) => self.context(),
            (_, Some(document)) => Context::from_source(&document.to_value()).ok(),
        }
    }

    /// The context declares `API_SECRET` secured for the deployment checks (the fixed
    /// connect.yaml, Connector and Deployment; a ConnectorStaged context is not read for it).
    pub fn context_declares_secret(&self) -> bool {
        self.fixed && matches!(self.kind, Kind::ConnectYaml | Kind::Connector | Kind::Deployment)
    }

    /// The source declares `API_SECRET` secured (every fixed document).
    pub fn source_declares_secret(&self) -> bool {
        self.fixed && self.kind != Kind::None
    }

    /// The ConnectorStaged to apply updates to: the context document when it is a resource
    /// object, else the fixed one.
    pub fn staged_resource(&self) -> Value {
        match (&self.document, self.kind) {
            (Some(Document::Json(value)), Kind::Connector | Kind::ConnectorStaged) if value.is_object() => {
                value.clone()
            }
            _ => fixed_staged(),
        }
    }

    /// Whether the input itself holds the sentinel (raw, or decoded from JSON escapes or
    /// YAML): then a report may repeat it legitimately and the secret rule is not checked.
    pub fn mentions_sentinel(&self) -> bool {
        contains_bytes(self.raw, SENTINEL.as_bytes())
            || self.value.as_ref().is_some_and(value_mentions_sentinel)
            || match &self.document {
                // The fixed documents hold no sentinel.
                _ if self.fixed => false,
                None => false,
                Some(Document::Json(value)) => value_mentions_sentinel(value),
                Some(Document::Yaml(text)) => yaml_mentions_sentinel(text),
            }
    }
}

pub fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn value_mentions_sentinel(value: &Value) -> bool {
    serde_json::to_string(value).is_ok_and(|s| s.contains(SENTINEL))
}

/// connect.yaml text that holds the sentinel, raw or once read (escapes, aliases).
pub fn yaml_mentions_sentinel(text: &str) -> bool {
    text.contains(SENTINEL) || {
        let parsed = parse_connect_yaml(text);
        parsed.spec.as_ref().is_some_and(value_mentions_sentinel) || report_mentions(&parsed.report, SENTINEL)
    }
}

// ---- The fixed realistic documents -----------------------------------------------------

/// The fixtures' shop connector (tests/fixtures/defs/connectors.json) with `API_SECRET` as
/// the service's secured key.
pub const FIXED_CONNECT_YAML: &str = "deployAs:
  - name: service
    applicationType: service
    endpoint: /service
    configuration:
      standardConfiguration:
        - key: CTP_REGION
          description: commercetools region
          required: true
        - key: LOG_LEVEL
          description: log level
          required: true
          default: info
      securedConfiguration:
        - key: API_SECRET
          description: the API client's secret
          required: true
  - name: events
    applicationType: event
    endpoint: /events
    configuration:
      securedConfiguration:
        - key: WEBHOOK_TOKEN
          description: an optional token
  - name: nightly
    applicationType: job
    endpoint: /job
    properties:
      schedule: '0 3 * * *'
inheritAs:
  configuration:
    standardConfiguration:
      - key: PROJECT_KEY
        description: the project key
        required: true
    securedConfiguration:
      - key: SHARED_SECRET
        description: a secret all applications share
        required: true
";

pub fn fixed_document(kind: Kind) -> Option<Document> {
    match kind {
        Kind::None => None,
        Kind::ConnectYaml => Some(Document::Yaml(FIXED_CONNECT_YAML.to_owned())),
        Kind::Connector => Some(Document::Json(fixed_connector())),
        Kind::Deployment => Some(Document::Json(fixed_deployment())),
        Kind::ConnectorStaged => Some(Document::Json(fixed_staged())),
    }
}

/// The `configurations` of FIXED_CONNECT_YAML as the API shows them.
fn fixed_configurations() -> Value {
    json!([
        {
            "applicationName": "service",
            "applicationType": "service",
            "standardConfiguration": [
                {"key": "CTP_REGION", "description": "commercetools region", "required": true},
                {"key": "LOG_LEVEL", "description": "log level", "required": true, "default": "info"}
            ],
            "securedConfiguration": [
                {"key": SECRET_KEY, "description": "the API client's secret", "required": true}
            ]
        },
        {
            "applicationName": "events",
            "applicationType": "event",
            "standardConfiguration": [],
            "securedConfiguration": [
                {"key": "WEBHOOK_TOKEN", "description": "an optional token", "required": false}
            ]
        },
        {
            "applicationName": "nightly",
            "applicationType": "job",
            "standardConfiguration": [],
            "securedConfiguration": []
        }
    ])
}

fn fixed_global_configuration() -> Value {
    json!({
        "standardConfiguration": [
            {"key": "PROJECT_KEY", "description": "the project key", "required": true}
        ],
        "securedConfiguration": [
            {"key": "SHARED_SECRET", "description": "a secret all applications share", "required": true}
        ]
    })
}

/// A Connector as `GET /connectors/key=shop-connector` returns it.
pub fn fixed_connector() -> Value {
    json!({
        "id": "a49aa2c5-15b6-41c4-88af-4b7afdcc07a5",
        "key": "shop-connector",
        "version": 3,
        "name": "Shop connector",
        "description": "The fuzz targets' connector",
        "integrationTypes": ["other"],
        "creator": {"name": "Jane Doe", "email": "jane@example.com"},
        "repository": {"url": "git@github.com:example/shop-connector.git", "tag": "v1.0.0"},
        "configurations": fixed_configurations(),
        "globalConfiguration": fixed_global_configuration(),
        "certified": false,
        "supportedRegions": ["europe-west1.gcp", "us-central1.gcp"],
        "documentationUrl": "https://example.com/docs"
    })
}

/// A Deployment of the fixed connector, Deployed.
pub fn fixed_deployment() -> Value {
    json!({
        "id": "13c72c44-7a8e-44f2-a570-b5e991f7021a",
        "key": "shop-deployment",
        "version": 4,
        "type": "sandbox",
        "connector": fixed_connector(),
        "deployedRegion": "europe-west1.gcp",
        "preview": false,
        "status": "Deployed",
        "applications": [
            {
                "id": "c9c3b342-c2ca-11ed-afa1-0242ac120002",
                "applicationName": "service",
                "standardConfiguration": [{"key": "CTP_REGION", "value": "europe-west1.gcp"}],
                "securedConfiguration": [{"key": SECRET_KEY, "value": "****"}],
                "url": "service.commercetools.app"
            },
            {
                "id": "c9c3b342-c2ca-11ed-afa1-0242ac120003",
                "applicationName": "events",
                "standardConfiguration": [],
                "securedConfiguration": [],
                "topic": "events-topic"
            }
        ]
    })
}

/// The same connector as a private ConnectorStaged, previewable, in Draft.
pub fn fixed_staged() -> Value {
    json!({
        "id": "a49aa2c5-15b6-41c4-88af-4b7afdcc07a5",
        "key": "shop-connector",
        "version": 7,
        "name": "Shop connector",
        "description": "The fuzz targets' connector",
        "integrationTypes": ["other"],
        "creator": {"name": "Jane Doe", "email": "jane@example.com"},
        "repository": {"url": "git@github.com:example/shop-connector.git", "tag": "v1.0.0"},
        "configurations": fixed_configurations(),
        "globalConfiguration": fixed_global_configuration(),
        "certified": false,
        "supportedRegions": [],
        "documentationUrl": "https://example.com/docs",
        "private": true,
        "privateProjects": ["europe-west1.gcp:shop-prod"],
        "hasChanges": false,
        "alreadyListed": false,
        "status": "Draft",
        "isPreviewable": "true"
    })
}

// ---- The invariants of API.md §2–3 -------------------------------------------------------

/// The first characters of an issue's Debug form, for assertion messages (an issue may hold
/// megabytes of input).
pub fn brief(issue: &Issue) -> String {
    let text = format!("{issue:?}");
    match text.char_indices().nth(600) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// Every invariant a report keeps, whatever the input.
pub fn check_report(report: &Report) {
    assert_eq!(
        report.valid(),
        report.errors.is_empty(),
        "valid must be true exactly when errors is empty"
    );
    let count = report.errors.len() + report.warnings.len();
    assert!(
        count <= MAX_ISSUES + 1,
        "{count} issues: a report lists at most {MAX_ISSUES} plus one TooManyIssues"
    );
    let too_many: Vec<&Issue> = report.issues().filter(|i| i.code.as_str() == "TooManyIssues").collect();
    assert!(too_many.len() <= 1, "{} TooManyIssues issues in one report", too_many.len());
    if count > MAX_ISSUES {
        assert_eq!(too_many.len(), 1, "{count} issues and no TooManyIssues");
    }
    for list in [&report.errors, &report.warnings] {
        if let Some(at) = list.iter().position(|i| i.code.as_str() == "TooManyIssues") {
            assert_eq!(at + 1, list.len(), "TooManyIssues is not the last issue of its list");
        }
    }
    for issue in report.issues() {
        check_issue(issue);
    }
    let response = to_error_response(report);
    assert_eq!(
        response.is_some(),
        !report.valid(),
        "toErrorResponse is an envelope exactly when the report has errors"
    );
    serde_json::to_string(report).expect("a report serializes");
}

pub fn check_issue(issue: &Issue) {
    assert!(!issue.message.is_empty(), "an issue without a message: {}", brief(issue));
    let chars = issue.message.chars().count();
    assert!(
        chars <= MAX_MESSAGE_CHARS,
        "a message of {chars} characters (at most {MAX_MESSAGE_CHARS}): {}",
        brief(issue)
    );
    assert!(
        issue.path.is_empty() || issue.path.starts_with('/'),
        "a path that is not a JSON Pointer: {}",
        brief(issue)
    );
    assert_eq!(
        issue.line.is_some(),
        issue.column.is_some(),
        "line without column or column without line: {}",
        brief(issue)
    );
    assert!(issue.line.is_none_or(|l| l >= 1), "line 0: {}", brief(issue));
    assert!(issue.column.is_none_or(|c| c >= 1), "column 0: {}", brief(issue));
    for (name, value) in &issue.params {
        // A string param, or a string in a list param (allowedValues, ...).
        let strings = std::iter::once(value).chain(value.as_array().into_iter().flatten());
        for s in strings.filter_map(Value::as_str) {
            let chars = s.chars().count();
            assert!(
                chars <= MAX_PARAM_CHARS,
                "param {name} of {chars} characters (at most {MAX_PARAM_CHARS}): {}",
                brief(issue)
            );
        }
        if name == "invalidValue" {
            assert!(
                !value.is_array() && !value.is_object(),
                "invalidValue is an array or an object: {}",
                brief(issue)
            );
        }
    }
}

/// The same codes at the same paths, in the same order (a payload as text and as a value).
pub fn assert_same_issues(a: &Report, b: &Report) {
    assert_eq!(
        issue_keys(a),
        issue_keys(b),
        "the payload as text and as a value give different issues"
    );
}

type IssueKeys = Vec<(&'static str, String)>;

fn issue_keys(report: &Report) -> (IssueKeys, IssueKeys) {
    fn list(issues: &[Issue]) -> IssueKeys {
        issues.iter().map(|i| (i.code.as_str(), i.path.clone())).collect()
    }
    (list(report.errors.as_slice()), list(report.warnings.as_slice()))
}

// ---- The secret rule (API.md §3) ---------------------------------------------------------

pub fn report_mentions(report: &Report, needle: &str) -> bool {
    serde_json::to_string(report).is_ok_and(|s| s.contains(needle))
        || to_error_response(report).is_some_and(|r| r.to_string().contains(needle))
}

/// `secret` appears nowhere in the report as JSON, nor in its error response.
pub fn assert_no_secret(report: &Report, secret: &str) {
    let json = serde_json::to_string(report).expect("a report serializes");
    // The numeric sentinel is planted beside the string one (nothing else produces it).
    assert!(
        !json.contains(&SENTINEL_NUMBER.to_string()),
        "a secured value sent as a number is in the report"
    );
    if json.contains(secret) {
        let culprit = report
            .issues()
            .find(|i| serde_json::to_string(i).is_ok_and(|s| s.contains(secret)))
            .map(brief)
            .unwrap_or_default();
        panic!("a secured value ({secret}) is in the report: {culprit}");
    }
    if let Some(response) = to_error_response(report) {
        assert!(
            !response.to_string().contains(secret),
            "a secured value ({secret}) is in the error response"
        );
    }
}

#[derive(Clone, Copy)]
enum Plant {
    /// Entries holding the sentinel pushed into every `securedConfiguration` array.
    PushSecured,
    /// Every `securedConfiguration` value replaced by the sentinel string.
    ReplaceSecured,
    /// `{ key: API_SECRET, value: … }` entries pushed into every `standardConfiguration` array.
    PushStandard,
}

fn secured_entries() -> [Value; 6] {
    [
        json!({"key": SECRET_KEY, "value": SENTINEL}),
        json!(SENTINEL),
        json!({"key": SECRET_KEY, "value": [SENTINEL]}),
        json!({"key": SECRET_KEY, "value": {"v": SENTINEL}}),
        json!({"value": SENTINEL}),
        json!({"key": SECRET_KEY, "value": SENTINEL_NUMBER}),
    ]
}

fn standard_entries() -> [Value; 4] {
    [
        json!({"key": SECRET_KEY, "value": SENTINEL_NUMBER}),
        json!({"key": SECRET_KEY, "value": SENTINEL}),
        json!({"key": SECRET_KEY, "value": [SENTINEL]}),
        json!({"key": SECRET_KEY, "value": {"v": SENTINEL}}),
    ]
}

/// Plants the sentinel in place; whether anything changed.
fn plant(value: &mut Value, how: Plant) -> bool {
    let mut changed = false;
    match value {
        Value::Object(map) => {
            for (name, member) in map.iter_mut() {
                match (how, name.as_str()) {
                    (Plant::ReplaceSecured, "securedConfiguration") => {
                        *member = json!(SENTINEL);
                        changed = true;
                    }
                    (Plant::PushSecured, "securedConfiguration") => {
                        changed |= plant(member, how);
                        if let Value::Array(items) = member {
                            items.extend(secured_entries());
                            changed = true;
                        }
                    }
                    (Plant::PushStandard, "standardConfiguration") => {
                        changed |= plant(member, how);
                        if let Value::Array(items) = member {
                            items.extend(standard_entries());
                            changed = true;
                        }
                    }
                    _ => changed |= plant(member, how),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                changed |= plant(item, how);
            }
        }
        _ => {}
    }
    changed
}

/// The payload with the sentinel planted in every secured place: entries pushed into every
/// `securedConfiguration` array, every `securedConfiguration` replaced by the sentinel and,
/// when the context declares `API_SECRET` secured (`secret_key`), `API_SECRET` entries in
/// every `standardConfiguration` array. Only the variants that differ from the payload.
pub fn planted(value: &Value, secret_key: bool) -> Vec<Value> {
    let mut hows = vec![Plant::PushSecured, Plant::ReplaceSecured];
    if secret_key {
        hows.push(Plant::PushStandard);
    }
    hows.into_iter()
        .filter_map(|how| {
            let mut variant = value.clone();
            plant(&mut variant, how).then_some(variant)
        })
        .collect()
}

/// buildDeploymentDraft's input with a value for `API_SECRET` in every application of
/// `values` and in `globalValues` (as a string, then as an array).
pub fn planted_values(value: &Value) -> Vec<Value> {
    [json!(SENTINEL), json!([SENTINEL])]
        .into_iter()
        .filter_map(|secret| {
            let mut variant = value.clone();
            let object = variant.as_object_mut()?;
            let mut changed = false;
            if let Some(Value::Object(applications)) = object.get_mut("values") {
                for given in applications.values_mut() {
                    if let Value::Object(given) = given {
                        given.insert(SECRET_KEY.to_owned(), secret.clone());
                        changed = true;
                    }
                }
            }
            if let Some(Value::Object(given)) = object.get_mut("globalValues") {
                given.insert(SECRET_KEY.to_owned(), secret.clone());
                changed = true;
            }
            changed.then_some(variant)
        })
        .collect()
}

/// Runs `check` on every variant, as JSON text and as a value: the invariants hold on each
/// report and, unless the input or a report of the unplanted payload (`baselines`) already
/// holds the sentinel, the sentinel is in none of them.
pub fn check_planted(
    input: &Input<'_>,
    baselines: &[&Report],
    variants: &[Value],
    check: impl Fn(Payload<'_>) -> Report,
) {
    if variants.is_empty() {
        return;
    }
    let tainted = input.mentions_sentinel() || baselines.iter().any(|r| report_mentions(r, SENTINEL));
    for variant in variants {
        let text = serde_json::to_string(variant).expect("a value serializes");
        for payload in [Payload::Text(&text), Payload::Value(variant)] {
            let report = check(payload);
            check_report(&report);
            if !tainted {
                assert_no_secret(&report, SENTINEL);
            }
        }
    }
}

/// The whole run of a target whose function takes a payload and gives a report: the
/// invariants on the payload as text and as a value (the same issues both ways), then the
/// sentinel planted (`secret_key`: also under keys the context declares secured).
#[allow(dead_code)] // not every target uses it
pub fn fuzz_report_function(input: &Input<'_>, secret_key: bool, check: impl Fn(Payload<'_>) -> Report) {
    let reports: Vec<_> = input.payloads().into_iter().map(&check).collect();
    for report in &reports {
        check_report(report);
    }
    if let [from_text, from_value] = reports.as_slice() {
        assert_same_issues(from_text, from_value);
    }
    if let Some(value) = &input.value {
        let variants = planted(value, secret_key);
        let baselines: Vec<_> = reports.iter().collect();
        check_planted(input, &baselines, &variants, check);
    }
}
