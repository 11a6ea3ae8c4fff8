//! The tracker's `/matrix` and `/latest` views (seed 004), computed from records as a
//! dashboard holds them (API.md §4). Which record wins, per component and environment: among
//! the `succeeded` ones, a record with a `deployedAt` beats one without; between two with one,
//! the later instant; otherwise (no dates, or equal instants), the later in the list. That is
//! one total order (`rank`), so the answer never depends on which pair is compared first.

use crate::report::checker::{Checker, Strictness};
use crate::report::codes::Code;
use crate::report::json_text::{with_payload, Payload};
use crate::report::{pointer_index, serialize_answer, sorted, Issue, Loc, Report};
use crate::tracker::records::{check_object, instant, RECORD};
use serde_json::{Map, Value};

/// `trackerMatrix`'s answer: `None` only when the records are not a list.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackerMatrix {
    pub matrix: Option<Value>,
    pub report: Report,
}

/// `trackerLatest`'s answer: `None` when the records are not a list or the component id is
/// not a UUID.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackerLatest {
    pub latest: Option<Value>,
    pub report: Report,
}

serialize_answer!(TrackerMatrix { "matrix" => matrix, "report" => report });

serialize_answer!(TrackerLatest { "latest" => latest, "report" => report });

/// The members of the list response (`GET /api/v1/deployments`, seed 004).
const LIST_RESPONSE: &[&str] = &["data", "total", "skip", "take"];

/// A valid record, with what the views compare.
struct Record<'v> {
    object: &'v Map<String, Value>,
    path: String,
    component_id: &'v str,
    environment_id: &'v str,
    rank: (bool, i128, usize),
}

impl<'v> Record<'v> {
    fn text(&self, name: &str) -> Option<&'v str> {
        self.object.get(name).and_then(Value::as_str)
    }

    /// The environment's key in the matrix and its sort key in `/latest`.
    fn environment_label(&self) -> &'v str {
        self.text("environmentName").unwrap_or(self.environment_id)
    }

    /// `{ version, deployedAt? }` plus the `extra` fields it has.
    fn entry(&self, extra: &[&str]) -> Map<String, Value> {
        let mut entry = Map::new();
        for name in ["version", "deployedAt"].iter().chain(extra) {
            if let Some(value) = self.object.get(*name) {
                entry.insert((*name).into(), value.clone());
            }
        }
        entry
    }
}

/// The records, each checked (an invalid one is skipped, its issues at its path); `None`, with
/// an issue, when `value` is neither a list nor the list response (`{ data: [...] }`).
fn read_records<'v>(c: &mut Checker, value: &'v Value) -> Option<Vec<Record<'v>>> {
    let (list, base) = match value {
        Value::Array(list) => (list, ""),
        Value::Object(response) if response.get("data").is_some_and(Value::is_array) => {
            c.unknown_fields(response, "", LIST_RESPONSE, Strictness::Warn);
            (response["data"].as_array()?, "/data")
        }
        _ => {
            c.error(Issue::new(
                Code::InvalidField,
                "",
                format!(
                    "The records must be a list of tracker deployments (or the list response, {{ data: [...] }}); got {}.",
                    crate::report::checker::a_kind(value)
                ),
            ));
            return None;
        }
    };
    let mut records = Vec::new();
    for (index, item) in list.iter().enumerate() {
        let path = pointer_index(base, index);
        let Some(object) = c.object(item, Loc::At(&path), "records") else {
            continue;
        };
        let before = c.error_count();
        check_object(c, object, &path, RECORD);
        if c.error_count() > before {
            continue;
        }
        if object.get("status").and_then(Value::as_str) != Some("succeeded") {
            continue;
        }
        let text = |name: &str| object.get(name).and_then(Value::as_str).unwrap_or_default();
        let at = object.get("deployedAt").and_then(Value::as_str).and_then(instant);
        records.push(Record {
            object,
            path,
            component_id: text("componentId"),
            environment_id: text("environmentId"),
            rank: (at.is_some(), at.unwrap_or(0), index),
        });
    }
    Some(records)
}

/// The winner per (component, environment), grouped by component, each group in rank order.
/// (Sorting a list, not maps: each map type would be more code in the browser build.)
fn winners<'r, 'v>(records: &'r [Record<'v>]) -> Vec<&'r Record<'v>> {
    let all = sorted(records.iter().collect(), &|a: &&Record<'v>, b: &&Record<'v>| {
        (a.component_id, a.environment_id, a.rank).cmp(&(b.component_id, b.environment_id, b.rank))
    });
    let mut winners: Vec<&Record<'v>> = Vec::new();
    for (i, record) in all.iter().enumerate() {
        let next = all.get(i + 1);
        if next.is_none_or(|n| (n.component_id, n.environment_id) != (record.component_id, record.environment_id)) {
            winners.push(record);
        }
    }
    sorted(winners, &|a, b| (a.component_id, a.rank).cmp(&(b.component_id, b.rank)))
}

/// The `/matrix` view: per component, its latest successful version in each environment.
///
/// ```
/// use serde_json::json;
/// let c = "550e8400-e29b-41d4-a716-446655440001";
/// let e = "550e8400-e29b-41d4-a716-446655440010";
/// let records = json!([
///     {"componentId": c, "environmentId": e, "environmentName": "staging", "version": "v1", "status": "succeeded", "deployedAt": "2026-12-01T10:00:00Z"},
///     {"componentId": c, "environmentId": e, "environmentName": "staging", "version": "v2", "status": "failed", "deployedAt": "2026-12-02T10:00:00Z"},
/// ]);
/// let answer = connect_preflight::tracker_matrix(&records);
/// assert_eq!(answer.matrix.unwrap()[0]["environments"]["staging"]["version"], "v1");
/// ```
pub fn tracker_matrix<'a>(records: impl Into<Payload<'a>>) -> TrackerMatrix {
    let (matrix, report) = with_payload(records.into(), |value| {
        let mut c = Checker::default();
        let matrix = read_records(&mut c, value).map(|records| matrix_of(&mut c, &records));
        (matrix, c.finish())
    });
    TrackerMatrix {
        matrix: matrix.flatten(),
        report,
    }
}

fn matrix_of(c: &mut Checker, records: &[Record<'_>]) -> Value {
    let winners = winners(records);
    let mut rows: Vec<(String, &str, Value)> = Vec::new();
    for group in winners.chunk_by(|a, b| a.component_id == b.component_id) {
        let component_id = group[0].component_id;
        let mut environments: Map<String, Value> = Map::new();
        let mut holders: Vec<(&str, &Record<'_>)> = Vec::new();
        // In rank order: of two environments with one name, the later winner is shown.
        for record in group {
            let label = record.environment_label();
            match holders.iter_mut().find(|(l, _)| *l == label) {
                Some(slot) => {
                    let shadowed = std::mem::replace(&mut slot.1, record);
                    c.warning(
                        Issue::new(
                            Code::DuplicateField,
                            shadowed.path.as_str(),
                            format!(
                                "Environments {} and {} are both named '{}': the matrix shows the later deployment ({}).",
                                shadowed.environment_id,
                                record.environment_id,
                                crate::report::budget::shown(label),
                                record.path
                            ),
                        )
                        .param("field", "environmentName")
                        .param("duplicateValue", label),
                    );
                }
                None => holders.push((label, record)),
            }
            environments.insert(label.to_owned(), Value::Object(record.entry(&[])));
        }
        let name = group.iter().rev().find_map(|r| r.text("componentName"));
        let mut row = Map::new();
        row.insert("componentId".into(), Value::from(component_id));
        if let Some(name) = name {
            row.insert("componentName".into(), Value::from(name));
        }
        row.insert("environments".into(), Value::Object(environments));
        rows.push((
            name.unwrap_or(component_id).to_owned(),
            component_id,
            Value::Object(row),
        ));
    }
    let rows = sorted(rows, &|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    Value::Array(rows.into_iter().map(|(_, _, row)| row).collect())
}

/// The `/latest` view: a component's latest successful deployment in each environment.
///
/// ```
/// use serde_json::json;
/// let c = "550e8400-e29b-41d4-a716-446655440001";
/// let records = json!([{"componentId": c, "environmentId": "550e8400-e29b-41d4-a716-446655440010", "version": "v1", "status": "succeeded"}]);
/// let answer = connect_preflight::tracker_latest(&records, &json!(c));
/// assert_eq!(answer.latest.unwrap()[0]["version"], "v1");
/// ```
pub fn tracker_latest<'a>(records: impl Into<Payload<'a>>, component_id: &Value) -> TrackerLatest {
    let (latest, report) = with_payload(records.into(), |value| {
        let mut c = Checker::default();
        let wanted = c.uuid(component_id, Loc::At("/componentId"), "componentId");
        let records = read_records(&mut c, value);
        let latest = match (records, wanted) {
            (Some(records), Some(wanted)) => Some(latest_of(&records, wanted)),
            _ => None,
        };
        (latest, c.finish())
    });
    TrackerLatest {
        latest: latest.flatten(),
        report,
    }
}

fn latest_of(records: &[Record<'_>], component_id: &str) -> Value {
    let rows: Vec<(&str, &str, Value)> = winners(records)
        .into_iter()
        .filter(|r| r.component_id == component_id)
        .map(|r| {
            let mut row = r.entry(&["environmentName", "id"]);
            row.insert("environmentId".into(), Value::from(r.environment_id));
            (r.environment_label(), r.environment_id, Value::Object(row))
        })
        .collect();
    let rows = sorted(rows, &|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    Value::Array(rows.into_iter().map(|(_, _, row)| row).collect())
}
