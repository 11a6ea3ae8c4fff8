//! `connectYamlSchema()`: the JSON Schema (draft 2020-12) of connect.yaml for editors, made
//! from the same tables as the checks above (each object of the file, one table per
//! application type) and the same rules (a table field's `YamlRule` says what its value is).
//! Every file `validate_connect_yaml` accepts is valid against it; rules a schema cannot say
//! (duplicates, cron fields, keys across blocks, Merchant Center keys) stay the validator's.

use super::{
    AppType, Fields, YamlRule, API_CLIENT, APPLICATION_TYPES, CONFIGURATION, HEALTH_CHECK, INHERIT, PROPERTIES,
    RESERVED_KEYS, SCRIPTS, SECURED_ENTRY, STANDARD_ENTRY, TOP,
};
use crate::connect::properties::{BACKOFF_FIELDS, BACKOFF_SECONDS, IMMEDIATE_FIELDS, MAX_ATTEMPTS, RETRY_STRATEGIES};
use serde_json::{json, Map, Value};

/// The schema's `$id`: where SchemaStore and the package publish it.
const SCHEMA_ID: &str = "https://unpkg.com/connect-preflight/connect.schema.json";

/// The JSON Schema of connect.yaml.
///
/// ```
/// let schema = connect_preflight::connect_yaml_schema();
/// assert_eq!(schema["required"], serde_json::json!(["deployAs"]));
/// ```
pub fn connect_yaml_schema() -> Value {
    let mut schema = object(TOP, "");
    schema["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    schema["$id"] = json!(SCHEMA_ID);
    schema["title"] = json!("commercetools Connect connect.yaml");
    schema["description"] =
        json!("The applications of a commercetools Connect connector (connect.yaml), as connect-preflight checks it.");
    schema
}

/// An object of the file: its table's fields, the required ones, nothing else (the official
/// schema is strict). `at` names the object for the descriptions of its `Part`s.
fn object(fields: &Fields, at: &str) -> Value {
    let mut properties = Map::new();
    for field in fields {
        properties.insert(field.name.into(), value_schema(field.name, field.rule, at));
    }
    let required: Vec<&str> = fields.iter().filter(|f| f.required.is_some()).map(|f| f.name).collect();
    let mut schema = json!({ "type": "object", "properties": properties, "additionalProperties": false });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

/// What a field's value is: its rule's schema, or its part's (a `Part` is named after its field).
fn value_schema(name: &str, rule: YamlRule, at: &str) -> Value {
    let mut schema = match rule {
        YamlRule::NonEmpty | YamlRule::Schedule => json!({ "type": "string", "minLength": 1 }),
        YamlRule::Boolean => json!({ "type": "boolean" }),
        // check_endpoint: [A-Za-z0-9_/-], no '//' (in one pass: no backtracking regex here either).
        YamlRule::Path => json!({ "type": "string", "pattern": "^[A-Za-z0-9_/-]+$", "not": { "pattern": "//" } }),
        YamlRule::IntegerIn(min, max) => json!({ "type": "integer", "minimum": min, "maximum": max }),
        YamlRule::Scopes => json!({ "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }),
        YamlRule::ConfigurationKey => configuration_key(),
        YamlRule::Part => part(name),
    };
    if let Some(text) = description(name, at) {
        schema["description"] = json!(text);
    }
    schema
}

/// The objects and lists with a walk of their own.
fn part(name: &str) -> Value {
    match name {
        "deployAs" => json!({ "type": "array", "items": application() }),
        "inheritAs" => object(INHERIT, "inheritAs"),
        "configuration" => {
            let mut block = object(CONFIGURATION, "configuration");
            block["properties"]["standardConfiguration"] = entries(STANDARD_ENTRY, "standard");
            block["properties"]["securedConfiguration"] = entries(SECURED_ENTRY, "secured");
            block
        }
        "apiClient" => object(API_CLIENT, "apiClient"),
        "scripts" => object(SCRIPTS, "scripts"),
        "healthCheck" => object(HEALTH_CHECK, "healthCheck"),
        "properties" => object(PROPERTIES, "properties"),
        "retryPolicy" => retry_policy(),
        "name" => json!({ "type": "string", "pattern": "^[A-Za-z0-9_-]{2,256}$" }),
        "applicationType" => {
            json!({ "enum": APPLICATION_TYPES.iter().copied().chain(["mc-app"]).collect::<Vec<_>>() })
        }
        _ => json!({}),
    }
}

fn entries(fields: &Fields, kind: &str) -> Value {
    json!({ "type": "array", "items": object(fields, kind) })
}

/// An application: every field some type has (for completion), then per `applicationType`
/// the fields that type has and the ones it requires.
fn application() -> Value {
    let mut schema = object(super::ANY_APPLICATION, "application");
    schema["required"] = json!(["name", "applicationType"]);
    let mut by_type = Vec::new();
    for &name in APPLICATION_TYPES.iter().chain(&["mc-app"]) {
        let Some(app_type) = AppType::parse(name) else {
            continue; // every name of the list parses
        };
        let fields = app_type.fields();
        let allowed: Map<String, Value> = fields.iter().map(|f| (f.name.to_owned(), json!(true))).collect();
        let required: Vec<&str> = fields.iter().filter(|f| f.required.is_some()).map(|f| f.name).collect();
        by_type.push(json!({
            "if": { "properties": { "applicationType": { "const": name } }, "required": ["applicationType"] },
            "then": { "properties": allowed, "required": required, "additionalProperties": false },
        }));
    }
    schema["allOf"] = json!(by_type);
    schema
}

/// `check_key`: `[A-Za-z0-9_]{2,256}`, not a reserved word (in any case).
fn configuration_key() -> Value {
    let any_case = |word: &str| -> String {
        word.chars()
            .map(|c| {
                if c.is_ascii_alphabetic() {
                    format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    let reserved: Vec<String> = RESERVED_KEYS.iter().map(|w| any_case(w)).collect();
    json!({
        "type": "string",
        "pattern": "^[A-Za-z0-9_]{2,256}$",
        "not": { "pattern": format!("^({})$", reserved.join("|")) },
    })
}

/// `properties::check_retry_policy`: `immediate` alone, or `exponential-backoff` with its bounds.
fn retry_policy() -> Value {
    let seconds = json!({ "type": "integer", "minimum": BACKOFF_SECONDS.0, "maximum": BACKOFF_SECONDS.1 });
    let immediate: Map<String, Value> = IMMEDIATE_FIELDS
        .iter()
        .map(|f| ((*f).to_owned(), json!(true)))
        .collect();
    json!({
        "type": "object",
        "required": ["strategy"],
        "properties": {
            "strategy": { "enum": RETRY_STRATEGIES },
            "minBackoffSeconds": seconds,
            "maxBackoffSeconds": seconds,
            "maxAttempts": { "type": "integer", "minimum": MAX_ATTEMPTS.0, "maximum": MAX_ATTEMPTS.1 },
        },
        "allOf": [
            { "if": { "properties": { "strategy": { "const": RETRY_STRATEGIES[0] } } },
              "then": { "properties": immediate, "additionalProperties": false } },
            { "if": { "properties": { "strategy": { "const": RETRY_STRATEGIES[1] } } },
              "then": { "properties": { "minBackoffSeconds": true, "maxBackoffSeconds": true },
                        "required": ["minBackoffSeconds", "maxBackoffSeconds"],
                        "propertyNames": { "enum": BACKOFF_FIELDS } } },
        ],
    })
}

/// What an editor shows on hover for a field (the rules themselves are in the schema).
fn description(name: &str, at: &str) -> Option<&'static str> {
    Some(match (at, name) {
        ("", "deployAs") => "The connector's applications, each deployed from the repository folder of its name.",
        ("", "inheritAs") => "What every application inherits: a global configuration and an API client.",
        ("inheritAs", "configuration") => "Configuration shared by every application (globalConfiguration in the API).",
        ("inheritAs", "apiClient") => "Connect creates an API client with these scopes and sets CTP_CLIENT_ID, CTP_CLIENT_SECRET, CTP_CLIENT_SCOPE and CTP_CLIENT_REGION.",
        ("apiClient", "scopes") => "The API client's scopes, e.g. manage_orders.",
        ("application", "name") => "The application's folder in the repository; unique in the file.",
        ("application", "applicationType") => "service, event, job, assets, merchant-center-custom-application or merchant-center-custom-view ('mc-app' is deprecated).",
        ("application", "endpoint") => "The path the application serves, e.g. /service (service, event and job).",
        ("application", "configuration") => "The application's configuration keys: standard and secured.",
        ("application", "scripts") => "Commands Connect runs after deploying and before undeploying.",
        ("application", "healthCheck") => "The HTTP probe of a service or event application.",
        ("application", "retryPolicy") => "How Connect retries an event application's messages.",
        ("application", "properties") => "A job's schedule.",
        ("configuration", "standardConfiguration") => "Keys whose values are given in plain text on each deployment.",
        ("configuration", "securedConfiguration") => "Keys whose values are secrets, given on each deployment and never shown.",
        ("standard" | "secured", "key") => "The environment variable's name: 2 to 256 letters, digits or '_'; not PORT, K_SERVICE, K_REVISION or K_CONFIGURATION.",
        ("standard" | "secured", "description") => "What the value is for (shown when deploying).",
        ("standard" | "secured", "required") => "Whether a deployment must give a value.",
        ("standard", "default") => "The value when a deployment gives none (a string).",
        ("scripts", "postDeploy") => "A command run after the application is deployed.",
        ("scripts", "preUndeploy") => "A command run before the application is undeployed.",
        ("healthCheck", "path") => "The HTTP path to probe, e.g. /health.",
        ("healthCheck", "intervalSeconds") => "Seconds between probes (1 to 20).",
        ("healthCheck", "timeoutSeconds") => "Seconds a probe may take (1 to 20).",
        ("healthCheck", "unhealthyThreshold") => "Failed probes before the application is unhealthy (1 to 20).",
        ("properties", "schedule") => "A cron expression (five fields), e.g. '0 0 * * *'.",
        _ => return None,
    })
}
