//! The list query of `GET /api/v1/deployments` (seed 004): filters `componentId`,
//! `environmentId`, `status`, pages `skip` (default 0) and `take` (default 20, at most 100).
//! Read from an object, JSON text or a query string; one table.

use crate::report::checker::{as_integer, describe, Checker, Echo, Strictness};
use crate::report::codes::Code;
use crate::report::json_text::{with_payload, Payload};
use crate::report::table::{self, field, Field};
use crate::report::url::{form_decode, percent_encode};
use crate::report::{pointer_push, serialize_answer, Issue, Loc, Report};
use crate::tracker::STATUSES;
use serde_json::{json, Map, Value};

#[derive(Clone, Copy, PartialEq, Eq)]
enum QueryRule {
    /// A whole number from this to this; a string of digits counts (a query string has no numbers).
    Count(i64, i64),
    Uuid,
    Status,
}

/// The parameters, in the order the canonical query string lists them (filters, then pages,
/// as the seed's examples do).
static QUERY: &[Field<QueryRule>] = &[
    field("componentId", QueryRule::Uuid),
    field("environmentId", QueryRule::Uuid),
    field("status", QueryRule::Status),
    field("skip", QueryRule::Count(0, MAX_SAFE_INTEGER)),
    field("take", QueryRule::Count(1, MAX_TAKE)),
];

const DEFAULT_TAKE: i64 = 20;
/// The seed: "max take=100". Above it is an error, not capped.
const MAX_TAKE: i64 = 100;
/// 2^53 − 1: the largest whole number a JS number holds exactly.
const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// `normalizeTrackerQuery`'s answer: the query with its defaults, the canonical query string
/// (`?componentId=…&skip=0&take=20`), and the report; both are `None` when it has errors.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackerQuery {
    pub query: Option<Value>,
    pub search: Option<String>,
    pub report: Report,
}

serialize_answer!(TrackerQuery { "query" => query, "search" => search, "report" => report });

/// Where the parameters come from.
pub enum QueryInput<'a> {
    /// A parsed object (or any value: what is not an object is an issue).
    Value(&'a Value),
    /// Text: JSON when it starts with `{` or `[` (after blanks), else a query string (`?` optional).
    Text(&'a str),
}

/// Normalizes the parameters of a list query.
///
/// ```
/// use connect_preflight::{normalize_tracker_query, QueryInput};
/// let answer = normalize_tracker_query(QueryInput::Text("?take=50&status=succeeded"));
/// assert_eq!(answer.search.as_deref(), Some("?status=succeeded&skip=0&take=50"));
/// let answer = normalize_tracker_query(QueryInput::Text("take=500"));
/// assert_eq!(answer.query, None);
/// assert_eq!(answer.report.errors[0].path, "/take");
/// ```
pub fn normalize_tracker_query(input: QueryInput<'_>) -> TrackerQuery {
    let (query, report) = match input {
        // `[` too: no query string of this API starts with one, and JSON's answer (an array
        // is no query) says more than a parameter named "[1]".
        QueryInput::Text(text) if text.trim_start().starts_with(['{', '[']) => {
            let (query, report) = with_payload(Payload::Text(text), normalize);
            (query.flatten(), report)
        }
        QueryInput::Text(text) => {
            let mut c = Checker::default();
            let params = read_query_string(&mut c, text);
            let mut query = None;
            if c.error_count() == 0 {
                let (normalized, report) = normalize(&Value::Object(params));
                c.absorb(report);
                query = normalized;
            }
            let report = c.finish();
            (query.filter(|_| report.valid()), report)
        }
        QueryInput::Value(Value::Null) => normalize(&json!({})),
        QueryInput::Value(value) => normalize(value),
    };
    let search = query.as_ref().map(search_of);
    TrackerQuery { query, search, report }
}

/// A query string's parameters (every value a string); a key given twice is a
/// `DuplicateField` at the second.
fn read_query_string(c: &mut Checker, text: &str) -> Map<String, Value> {
    let mut params = Map::new();
    let text = text.strip_prefix('?').unwrap_or(text);
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = match form_decode(raw_key) {
            Ok(key) => key,
            Err(why) => {
                c.error(Issue::new(
                    Code::InvalidQueryParam,
                    "",
                    format!("A parameter name {why}: {}.", describe(&Value::from(raw_key))),
                ));
                continue;
            }
        };
        let path = pointer_push("", &key);
        let value = match form_decode(raw_value) {
            Ok(value) => value,
            Err(why) => {
                c.invalid(Loc::At(&path), &key, &Value::from(raw_value), why, Echo::Yes);
                continue;
            }
        };
        if params.contains_key(&key) {
            c.duplicate(path, "the query string", &key);
            continue;
        }
        params.insert(key, Value::from(value));
    }
    params
}

/// The query from `value`'s parameters, with the defaults; `None` when there are errors.
fn normalize(value: &Value) -> (Option<Value>, Report) {
    let mut c = Checker::default();
    let Some(params) = value.as_object() else {
        c.error(Issue::new(
            Code::InvalidField,
            "",
            format!(
                "A tracker query must be an object, JSON text or a query string such as \"?skip=0&take=20\"; got {}.",
                crate::report::checker::a_kind(value)
            ),
        ));
        return (None, c.finish());
    };
    let mut query = Map::new();
    query.insert("skip".into(), json!(0));
    query.insert("take".into(), json!(DEFAULT_TAKE));
    table::check_fields(&mut c, params, "", QUERY, |c, field, value| {
        let at = Loc::Field("", field.name);
        let normalized = match field.rule {
            QueryRule::Count(min, max) => count(c, value, at, field.name, min, max).map(Value::from),
            QueryRule::Uuid => c.uuid(value, at, field.name).map(Value::from),
            QueryRule::Status => {
                c.one_of(value, at, field.name, STATUSES);
                value.as_str().filter(|s| STATUSES.contains(s)).map(Value::from)
            }
        };
        if let Some(normalized) = normalized {
            query.insert(field.name.into(), normalized);
        }
    });
    c.unknown_fields(params, "", &table::names(QUERY), Strictness::Warn);
    let report = c.finish();
    (report.valid().then_some(Value::Object(query)), report)
}

/// A whole number in `min..=max`, from a number or a string of ASCII digits.
fn count(c: &mut Checker, value: &Value, at: Loc<'_>, name: &str, min: i64, max: i64) -> Option<i64> {
    let n = match value {
        Value::String(s) if !s.is_empty() && s.len() <= 16 && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse::<i64>().ok()
        }
        Value::String(_) => {
            c.invalid(at, name, value, "must be a whole number (digits only)", Echo::Yes);
            return None;
        }
        _ => as_integer(value),
    };
    match n {
        Some(n) if (min..=max).contains(&n) => Some(n),
        Some(n) if name == "take" && n > max => {
            c.invalid(
                at,
                name,
                value,
                &format!("must be at most {MAX_TAKE}, the API's largest page (it is not capped: ask for more pages with skip)"),
                Echo::Yes,
            );
            None
        }
        Some(_) => {
            let most = if max == MAX_SAFE_INTEGER {
                "2^53 - 1".to_owned()
            } else {
                max.to_string()
            };
            c.invalid(at, name, value, &format!("must be from {min} to {most}"), Echo::Yes);
            None
        }
        None => {
            c.invalid(at, name, value, "must be a whole number", Echo::Yes);
            None
        }
    }
}

/// The canonical query string of a normalized query: its parameters in `QUERY`'s order,
/// percent-encoded, after a `?`.
fn search_of(query: &Value) -> String {
    let parts: Vec<String> = QUERY
        .iter()
        .filter_map(|f| {
            let value = query.get(f.name)?;
            let text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
            Some(format!("{}={}", f.name, percent_encode(&text)))
        })
        .collect();
    format!("?{}", parts.join("&"))
}
