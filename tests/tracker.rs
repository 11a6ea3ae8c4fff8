//! The tracker's views against a naive reference computed here, on generated record lists in
//! generated orders; and its query and status rules on generated inputs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use connect_preflight::{
    normalize_tracker_query, tracker_latest, tracker_matrix, validate_tracker_status_update, Code, QueryInput,
    TRACKER_DEPLOYMENT,
};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const COMPONENTS: [&str; 3] = [
    "550e8400-e29b-41d4-a716-446655440001",
    "550e8400-e29b-41d4-a716-446655440002",
    "550e8400-e29b-41d4-a716-446655440003",
];
const ENVIRONMENTS: [&str; 3] = [
    "550e8400-e29b-41d4-a716-446655440010",
    "550e8400-e29b-41d4-a716-446655440011",
    "550e8400-e29b-41d4-a716-446655440012",
];
const STATUSES: [&str; 5] = ["succeeded", "succeeded", "failed", "pending", "rolled_back"];
/// Date-times with their instant in seconds, known here (not computed by the library): equal
/// instants written with different offsets, so that ties happen.
const DATES: [(&str, i64); 6] = [
    ("2026-12-01T10:00:00Z", 1_796_119_200),
    ("2026-12-01T11:00:00+01:00", 1_796_119_200),
    ("2026-12-01T09:30:00Z", 1_796_117_400),
    ("2026-12-01T12:00:00-01:00", 1_796_126_400),
    ("2026-11-30T23:59:59.5Z", 1_796_083_199),
    ("2027-01-01T00:00:00+14:00", 1_798_711_200),
];
const NAMES: [&str; 3] = ["alpha", "beta", "alpha"];

/// One generated record: indices into the tables above; `valid: false` spoils its componentId.
#[derive(Clone, Debug)]
struct Gen {
    component: usize,
    environment: usize,
    status: usize,
    date: Option<usize>,
    component_name: Option<usize>,
    environment_name: Option<usize>,
    valid: bool,
}

fn gen() -> impl Strategy<Value = Gen> {
    (
        0..3usize,
        0..3usize,
        0..5usize,
        proptest::option::weighted(0.7, 0..6usize),
        proptest::option::of(0..3usize),
        proptest::option::weighted(0.4, 0..3usize),
        proptest::bool::weighted(0.92),
    )
        .prop_map(
            |(component, environment, status, date, component_name, environment_name, valid)| Gen {
                component,
                environment,
                status,
                date,
                component_name,
                environment_name,
                valid,
            },
        )
}

fn record(g: &Gen, n: usize) -> Value {
    let mut r = Map::new();
    r.insert(
        "componentId".into(),
        json!(if g.valid { COMPONENTS[g.component] } else { "not-a-uuid" }),
    );
    r.insert("environmentId".into(), json!(ENVIRONMENTS[g.environment]));
    r.insert("version".into(), json!(format!("v{n}")));
    r.insert("status".into(), json!(STATUSES[g.status]));
    if let Some(d) = g.date {
        r.insert("deployedAt".into(), json!(DATES[d].0));
    }
    if let Some(k) = g.component_name {
        r.insert("componentName".into(), json!(NAMES[k]));
    }
    if let Some(k) = g.environment_name {
        r.insert("environmentName".into(), json!(format!("env-{}", NAMES[k])));
    }
    Value::Object(r)
}

/// Whether `a` beats `b` (API.md §4 as docs/api-notes.md states it), compared pairwise.
fn beats(a: (&Gen, usize), b: (&Gen, usize)) -> bool {
    match (a.0.date, b.0.date) {
        (Some(_), None) => true,
        (None, Some(_)) => false,
        (Some(x), Some(y)) if DATES[x].1 != DATES[y].1 => DATES[x].1 > DATES[y].1,
        _ => a.1 > b.1,
    }
}

/// The winners per (component, environment), naively: each candidate against every other.
fn reference_winners(list: &[Gen]) -> Vec<usize> {
    let candidates: Vec<usize> = (0..list.len())
        .filter(|&i| list[i].valid && STATUSES[list[i].status] == "succeeded")
        .collect();
    let mut winners: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| {
            candidates.iter().all(|&j| {
                j == i
                    || (list[j].component, list[j].environment) != (list[i].component, list[i].environment)
                    || beats((&list[i], i), (&list[j], j))
            })
        })
        .collect();
    // In rank order: the later in the order `beats` defines comes last.
    winners.sort_by(|&a, &b| {
        if beats((&list[a], a), (&list[b], b)) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Less
        }
    });
    winners
}

fn reference_matrix(list: &[Gen]) -> (Value, usize) {
    let winners = reference_winners(list);
    let mut collisions = 0;
    let mut rows = Vec::new();
    for (c, component) in COMPONENTS.iter().enumerate() {
        let mine: Vec<usize> = winners.iter().copied().filter(|&i| list[i].component == c).collect();
        if mine.is_empty() {
            continue;
        }
        let mut environments = Map::new();
        for &i in &mine {
            let label = list[i].environment_name.map_or_else(
                || ENVIRONMENTS[list[i].environment].to_owned(),
                |k| format!("env-{}", NAMES[k]),
            );
            let mut entry = Map::new();
            entry.insert("version".into(), json!(format!("v{i}")));
            if let Some(d) = list[i].date {
                entry.insert("deployedAt".into(), json!(DATES[d].0));
            }
            if environments.insert(label, Value::Object(entry)).is_some() {
                collisions += 1;
            }
        }
        let name = mine
            .iter()
            .rev()
            .find_map(|&i| list[i].component_name.map(|k| NAMES[k]));
        let mut row = Map::new();
        row.insert("componentId".into(), json!(component));
        if let Some(name) = name {
            row.insert("componentName".into(), json!(name));
        }
        row.insert("environments".into(), Value::Object(environments));
        rows.push((name.unwrap_or(component).to_owned(), *component, Value::Object(row)));
    }
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    (Value::Array(rows.into_iter().map(|r| r.2).collect()), collisions)
}

/// Records and an order of them (a permutation drawn as sort keys).
fn lists() -> impl Strategy<Value = Vec<Gen>> {
    proptest::collection::vec((gen(), any::<u32>()), 0..24).prop_map(|mut v| {
        v.sort_by_key(|(_, key)| *key);
        v.into_iter().map(|(g, _)| g).collect()
    })
}

/// The branch: some cell had two or more succeeded candidates whose winner is not simply the
/// last of them in the list (a date decided it).
fn decided_by_date(list: &[Gen]) -> bool {
    let winners = reference_winners(list);
    winners.iter().any(|&w| {
        (w + 1..list.len()).any(|j| {
            list[j].valid
                && STATUSES[list[j].status] == "succeeded"
                && (list[j].component, list[j].environment) == (list[w].component, list[w].environment)
        })
    })
}

#[test]
fn the_matrix_is_the_naive_reference_in_any_order() {
    common::hits::assert_hit_rate(
        "tracker matrix: a winner decided by its date, not its place",
        1500,
        0.2,
        lists(),
        |list| {
            let records: Vec<Value> = list.iter().enumerate().map(|(n, g)| record(g, n)).collect();
            let answer = tracker_matrix(&Value::Array(records.clone()));
            let (expected, collisions) = reference_matrix(&list);
            prop_assert_eq!(answer.matrix.as_ref(), Some(&expected));
            let invalid = list.iter().filter(|g| !g.valid).count();
            prop_assert_eq!(answer.report.errors.len(), invalid);
            let shadowed = answer
                .report
                .warnings
                .iter()
                .filter(|i| i.code == Code::DuplicateField)
                .count();
            prop_assert_eq!(shadowed, collisions);
            // The same from the list response and from JSON text.
            let text = serde_json::to_string(&json!({ "data": records })).expect("serializes");
            prop_assert_eq!(tracker_matrix(text.as_str()).matrix, Some(expected));
            Ok(decided_by_date(&list))
        },
    );
}

#[test]
fn latest_is_the_matrix_of_one_component() {
    common::hits::assert_hit_rate(
        "tracker latest: a component with two or more environments",
        800,
        0.3,
        (lists(), 0..3usize),
        |(list, c)| {
            let records: Vec<Value> = list.iter().enumerate().map(|(n, g)| record(g, n)).collect();
            let latest = tracker_latest(&Value::Array(records), &json!(COMPONENTS[c])).latest;
            let winners: Vec<usize> = reference_winners(&list)
                .into_iter()
                .filter(|&i| list[i].component == c)
                .collect();
            let mut expected: Vec<(String, &str, String)> = winners
                .iter()
                .map(|&i| {
                    let id = ENVIRONMENTS[list[i].environment];
                    let label = list[i]
                        .environment_name
                        .map_or(id.to_owned(), |k| format!("env-{}", NAMES[k]));
                    (label, id, format!("v{i}"))
                })
                .collect();
            expected.sort();
            let got: Vec<(String, &str, String)> = latest
                .as_ref()
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|row| {
                    let id = row["environmentId"].as_str().unwrap_or_default();
                    let id = ENVIRONMENTS.iter().copied().find(|e| *e == id).unwrap_or("?");
                    let label = row
                        .get("environmentName")
                        .and_then(Value::as_str)
                        .map_or(id.to_owned(), str::to_owned);
                    (label, id, row["version"].as_str().unwrap_or_default().to_owned())
                })
                .collect();
            prop_assert_eq!(got, expected);
            Ok(winners.len() >= 2)
        },
    );
}

/// Every pair of statuses, from a status and from a record: valid exactly when the machine
/// has the move.
#[test]
fn status_updates_follow_the_machine() {
    let mut checked = 0;
    for from in TRACKER_DEPLOYMENT.states {
        for to in TRACKER_DEPLOYMENT.states {
            let allowed = TRACKER_DEPLOYMENT.allowed(from).contains(to);
            for current in [json!(from), json!({ "id": "d-1", "status": from })] {
                let report =
                    validate_tracker_status_update(&json!({ "status": to }), Some(&current)).expect("a current");
                assert_eq!(report.valid(), allowed, "{from} → {to}");
                if !allowed {
                    assert_eq!(report.errors[0].code, Code::InvalidStatusTransition);
                    assert_eq!(report.errors[0].path, "/status");
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 50);
    assert!(validate_tracker_status_update(&json!({ "status": "pending" }), Some(&json!(5))).is_err());
}

/// A query read from an object, from its JSON text and from its query string gives one
/// answer; a normalized query read back from its `search` is itself.
#[test]
fn queries_read_alike_from_every_form() {
    let value = prop_oneof![
        3 => Just(Value::Null),
        3 => (1i64..=100).prop_map(Value::from),
        2 => (0i64..150).prop_map(|n| Value::from(n.to_string())),
        1 => Just(json!("x")),
        1 => Just(json!(-1)),
    ];
    let status = prop_oneof![3 => Just(None), 2 => Just(Some("succeeded")), 1 => Just(Some("in_progress")), 1 => Just(Some("done"))];
    let component = prop_oneof![3 => Just(None), 2 => Just(Some(COMPONENTS[0])), 1 => Just(Some("user service"))];
    common::hits::assert_hit_rate(
        "tracker query: a valid query (its search read back)",
        1000,
        0.2,
        (value.clone(), value, status, component),
        |(skip, take, status, component)| {
            let mut object = Map::new();
            for (name, v) in [("skip", skip), ("take", take)] {
                if !v.is_null() {
                    object.insert(name.into(), v);
                }
            }
            if let Some(s) = status {
                object.insert("status".into(), json!(s));
            }
            if let Some(c) = component {
                object.insert("componentId".into(), json!(c));
            }
            let object = Value::Object(object);
            let from_value = normalize_tracker_query(QueryInput::Value(&object));
            let text = object.to_string();
            let from_text = normalize_tracker_query(QueryInput::Text(&text));
            prop_assert_eq!(&from_value.query, &from_text.query);
            let pairs: Vec<String> = object
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| {
                    let v = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
                    format!("{k}={}", v.replace(' ', "+"))
                })
                .collect();
            let from_string = normalize_tracker_query(QueryInput::Text(&pairs.join("&")));
            let codes =
                |r: &connect_preflight::Report| r.errors.iter().map(|i| (i.code, i.path.clone())).collect::<Vec<_>>();
            prop_assert_eq!(codes(&from_value.report), codes(&from_string.report));
            let Some(search) = from_value.search.clone() else {
                prop_assert!(from_value.query.is_none());
                return Ok(false);
            };
            let again = normalize_tracker_query(QueryInput::Text(&search));
            prop_assert_eq!(again.search.as_ref(), Some(&search));
            prop_assert_eq!(&again.query, &from_value.query);
            Ok(true)
        },
    );
}
