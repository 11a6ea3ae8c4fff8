//! ConnectorStaged (issue 5): the update-action diff, proved by applying it (property test);
//! the update rules never panic on random input.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use connect_preflight::{
    apply_connector_update, build_connector_update_actions, validate_connector_staged_draft, validate_connector_update,
    Context, Payload, INTEGRATION_TYPES, REGIONS,
};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// A valid ConnectorStagedDraft with a random subset of the optional fields.
fn draft() -> impl Strategy<Value = Value> {
    let optional_text = prop::option::of("[A-Za-z][A-Za-z ]{0,8}");
    let url = prop::option::of("[a-z]{1,6}").prop_map(|p| p.map(|p| format!("https://example.com/{p}")));
    // Lists without repeats (a repeat is a DuplicateField), in any order.
    let list =
        |items: &'static [&'static str], min: usize| prop::sample::subsequence(items.to_vec(), min..4).prop_shuffle();
    let projects = prop::collection::btree_set(
        (prop::sample::select(REGIONS.to_vec()), "[a-z]{2,6}").prop_map(|(r, k)| format!("{r}:{k}")),
        0..4,
    )
    .prop_map(|set| set.into_iter().collect::<Vec<_>>())
    .prop_shuffle();
    (
        (
            "[A-Za-z][A-Za-z ]{0,8}",
            optional_text.clone(),
            list(INTEGRATION_TYPES, 0),
            url.clone(),
        ),
        (
            optional_text.clone(),
            optional_text.clone(),
            optional_text,
            "[a-z]{1,5}@[a-z]{1,5}\\.co",
            prop::option::of(1..50u32),
            url.clone(),
            url,
        ),
        ("[a-z]{1,6}", "v[0-9]\\.[0-9]{1,2}", list(REGIONS, 1), projects),
    )
        .prop_map(
            |((name, description, types, docs), creator, (repo, tag, regions, projects))| {
                let (creator_name, title, company, email, contributors, support, logo) = creator;
                let mut c = Map::new();
                c.insert("email".into(), json!(email));
                for (field, value) in [
                    ("name", creator_name),
                    ("title", title),
                    ("company", company),
                    ("supportUrl", support),
                    ("logoUrl", logo),
                ] {
                    if let Some(v) = value {
                        c.insert(field.into(), json!(v));
                    }
                }
                if let Some(n) = contributors {
                    c.insert("noOfContributors".into(), json!(n));
                }
                let mut d = json!({
                    "key": "generated", "name": name, "integrationTypes": types, "creator": c,
                    "repository": {"url": format!("git@github.com:example/{repo}.git"), "tag": tag},
                    "supportedRegions": regions, "privateProjects": projects,
                });
                if let Some(v) = description {
                    d["description"] = json!(v);
                }
                if let Some(v) = docs {
                    d["documentationUrl"] = json!(v);
                }
                d
            },
        )
}

/// The fields a draft can set, with lists as sets: what the diff must carry over.
fn settable(resource: &Value) -> Value {
    let set = |field: &str| {
        let mut items: Vec<String> = resource[field]
            .as_array()
            .into_iter()
            .flatten()
            .map(Value::to_string)
            .collect();
        items.sort();
        items.dedup();
        json!(items)
    };
    json!({
        "name": resource["name"], "description": resource["description"], "documentationUrl": resource["documentationUrl"],
        "creator": resource["creator"], "repository": resource["repository"],
        "integrationTypes": set("integrationTypes"), "supportedRegions": set("supportedRegions"),
        "privateProjects": set("privateProjects"),
    })
}

/// Applying the built actions to `before` gives `after` on every field a draft can set,
/// and the update they form is valid against `before`. The branch: some action was built
/// (two equal drafts give none).
#[test]
fn applying_the_built_actions_gives_after() {
    let strategy = (draft(), draft(), 1..1000i64);
    common::hits::assert_hit_rate(
        "applying the built actions: actions built",
        500,
        0.2,
        strategy,
        |(before, after, version)| {
            prop_assert!(validate_connector_staged_draft(&before).errors.is_empty());
            prop_assert!(validate_connector_staged_draft(&after).errors.is_empty());
            let mut before = before;
            before["version"] = json!(version);
            before["private"] = json!(true);
            let actions = build_connector_update_actions(&before, &after).expect("objects");
            let update = json!({"version": version, "actions": actions});
            let applied = apply_connector_update(&before, &update);
            prop_assert!(applied.report.valid(), "{:?}\n{update}", applied.report.errors);
            let result = applied.connector_staged.expect("applied");
            prop_assert_eq!(settable(&result), settable(&after), "{}", update);
            prop_assert_eq!(&result["version"], &json!(version + 1));
            // Nothing to do when nothing changed.
            prop_assert_eq!(
                build_connector_update_actions(&after, &after).expect("objects"),
                Vec::<Value>::new()
            );
            Ok(!actions.is_empty())
        },
    );
}

/// Random values in every action field, against resources in odd states: never a panic, and
/// validateConnectorUpdate (the resource as context) and applyConnectorUpdate (the resource
/// as argument) give the same issues; the result is there exactly when the update is valid.
/// The branch: the update is valid and applied (at least a fifth).
#[test]
fn random_updates_are_reports() {
    let name = prop::sample::select(vec![
        "setName",
        "setRepository",
        "addPrivateProject",
        "publish",
        "setSupportedRegions",
        "nope",
    ]);
    let value = prop_oneof![
        4 => "[a-z]{1,8}".prop_map(|s| json!(s)),
        1 => prop_oneof![Just(json!(null)), Just(json!([])), Just(json!("")), Just(json!(true)), Just(json!(-1)), "\\PC{0,12}".prop_map(|s| json!(s))],
    ];
    let staged = prop_oneof![
        3 => Just(json!({"version": 1, "private": true})),
        1 => Just(json!({})),
        1 => Just(json!({"private": false, "status": "Processing", "isPreviewable": "pending", "version": "x"})),
    ];
    let strategy = (name, value, staged);
    common::hits::assert_hit_rate(
        "random updates: valid and applied",
        1000,
        0.2,
        strategy,
        |(name, value, staged)| {
            let mut action = json!({"action": name});
            let fields: &[&str] = match name {
                "setName" => &["name"],
                "setRepository" => &["url", "tag"],
                "addPrivateProject" => &["privateProject"],
                "setSupportedRegions" => &["regions"],
                _ => &[],
            };
            for field in fields {
                action[*field] = value.clone();
            }
            // A project and a region from the lists, now and then, so that some are valid.
            if value.as_str().is_some_and(|v| v.len() % 2 == 0) {
                if name == "addPrivateProject" {
                    action["privateProject"] = json!(format!("europe-west1.gcp:{value}").replace('"', ""));
                }
                if name == "setSupportedRegions" {
                    action["regions"] = json!(["us-east-2.aws"]);
                }
                if name == "setRepository" {
                    action["url"] = json!("https://github.com/o/r.git");
                }
            }
            let update = json!({"version": 1, "actions": [action]});
            let context = Context::from_json(&json!({"connectorStaged": staged})).expect("context");
            let report = validate_connector_update(Payload::Value(&update), &context);
            let applied = apply_connector_update(&staged, Payload::Value(&update));
            let key = |r: &connect_preflight::Report| {
                r.issues()
                    .map(|i| (i.code.as_str().to_owned(), i.path.clone()))
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(key(&report), key(&applied.report), "{}", update);
            prop_assert_eq!(applied.connector_staged.is_some(), applied.report.valid());
            Ok(applied.connector_staged.is_some())
        },
    );
}

/// Resources of the wrong shape and extreme versions: reports, never a panic.
#[test]
fn odd_resources_are_reports() {
    let update = json!({"version": i64::MAX, "actions": [{"action": "setName", "name": "n"}, {"action": "setCreatorLogo", "logoUrl": "https://e.com/l.png"}]});
    for staged in [json!(5), json!([]), json!(null), json!("x")] {
        let applied = apply_connector_update(&staged, Payload::Value(&update));
        assert!(
            applied.connector_staged.is_none() && !applied.report.valid(),
            "{staged}"
        );
    }
    let staged = json!({"version": i64::MAX, "creator": 3, "repository": [], "privateProjects": {}, "private": true});
    let applied = apply_connector_update(&staged, Payload::Value(&update));
    let result = applied.connector_staged.expect("applied");
    assert_eq!(result["version"], json!(i64::MAX));
    assert_eq!(result["creator"]["logoUrl"], "https://e.com/l.png");
    let both = json!({"version": i64::MAX, "actions": [{"action": "setRepository", "tag": "v2"}, {"action": "addPrivateProject", "privateProject": "us-east-2.aws:pp"}]});
    let applied = apply_connector_update(&staged, Payload::Value(&both));
    let result = applied.connector_staged.expect("applied");
    assert_eq!(
        (
            result["repository"]["tag"].as_str(),
            result["privateProjects"][0].as_str()
        ),
        (Some("v2"), Some("us-east-2.aws:pp"))
    );
}

/// The private projects as a naive list would have them after each action: the reference the
/// set kept by `applyConnectorUpdate`/`validateConnectorUpdate` is checked against.
fn naive_projects(start: &[String], actions: &[(bool, String)]) -> (Vec<String>, Vec<(usize, &'static str)>) {
    let mut list = start.to_vec();
    let mut issues = Vec::new();
    for (i, (add, project)) in actions.iter().enumerate() {
        let listed = list.contains(project);
        match (add, listed) {
            (true, true) => issues.push((i, "warning")),
            (true, false) => list.push(project.clone()),
            (false, false) => issues.push((i, "error")),
            (false, true) => list.retain(|p| p != project),
        }
    }
    (list, issues)
}

fn project_update(actions: &[(bool, String)]) -> Value {
    let actions: Vec<Value> = actions
        .iter()
        .map(|(add, p)| json!({"action": if *add { "addPrivateProject" } else { "removePrivateProject" }, "privateProject": p}))
        .collect();
    json!({"version": 1, "actions": actions})
}

/// Adds and removes of projects from a small pool (so they meet listed and unlisted ones,
/// and lists that hold a project twice): the same issues and the same final list as the naive
/// list. Counts how often each of the four branches was reached.
#[test]
fn private_project_actions_match_a_naive_list() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let pool: Vec<String> = (0..6).map(|i| format!("europe-west1.gcp:p{i}")).collect();
    let project = prop::sample::select(pool.clone());
    let strategy = (
        prop::collection::vec(project.clone(), 0..6),
        prop::collection::vec((any::<bool>(), project), 0..12),
    );
    let mut reached = [0usize; 4]; // add new, add listed, remove listed, remove unlisted
    let mut runner = TestRunner::default();
    for _ in 0..2_000 {
        let (start, actions) = strategy.new_tree(&mut runner).expect("tree").current();
        let (want_list, want_issues) = naive_projects(&start, &actions);
        let mut list = start.clone();
        for (add, p) in &actions {
            let listed = list.contains(p);
            reached[match (add, listed) {
                (true, false) => 0,
                (true, true) => 1,
                (false, true) => 2,
                (false, false) => 3,
            }] += 1;
            if *add && !listed {
                list.push(p.clone())
            } else if !*add {
                list.retain(|x| x != p)
            }
        }
        let staged =
            json!({"id": "s", "version": 1, "private": true, "privateProjects": start, "creator": {"email": "a@b.co"}});
        let update = project_update(&actions);
        let context = Context::from_json(&json!({"connectorStaged": staged})).expect("context");
        let report = validate_connector_update(Payload::Value(&update), &context);
        let mut got: Vec<(usize, &'static str)> = report
            .errors
            .iter()
            .map(|e| (e, "error"))
            .chain(report.warnings.iter().map(|w| (w, "warning")))
            .map(|(issue, kind)| {
                assert_eq!(issue.code.as_str(), "InvalidOperation", "{issue:?}");
                let i: usize = issue
                    .path
                    .split('/')
                    .nth(2)
                    .and_then(|n| n.parse().ok())
                    .expect("action path");
                (i, kind)
            })
            .collect();
        got.sort();
        assert_eq!(got, want_issues, "{update}");
        let applied = apply_connector_update(&staged, Payload::Value(&update));
        match applied.connector_staged {
            Some(after) => {
                assert!(want_issues.iter().all(|(_, kind)| *kind == "warning"));
                assert_eq!(after["privateProjects"], json!(want_list), "{update}");
            }
            None => assert!(want_issues.iter().any(|(_, kind)| *kind == "error")),
        }
    }
    eprintln!(
        "private project actions: add new {}, add listed {}, remove listed {}, remove unlisted {}",
        reached[0], reached[1], reached[2], reached[3]
    );
    assert!(reached.iter().all(|&n| n >= 500), "{reached:?}");
}

/// 20,000 project actions against 20,000 private projects: the projects are a set while the
/// actions run (a list scanned and copied per action took 16 s for 10,000 × 10,000). Checked
/// for the result; the time is in `bench/robustness.mjs`.
#[test]
fn many_private_project_actions_stay_linear() {
    let n = 20_000;
    let start: Vec<String> = (0..n).map(|i| format!("europe-west1.gcp:p{i}")).collect();
    // Remove every even one, add a new one for every odd one.
    let actions: Vec<(bool, String)> = (0..n)
        .map(|i| {
            if i % 2 == 0 {
                (false, start[i].clone())
            } else {
                (true, format!("{}-new", start[i]))
            }
        })
        .collect();
    let staged =
        json!({"id": "s", "version": 1, "private": true, "privateProjects": start, "creator": {"email": "a@b.co"}});
    let update = project_update(&actions);
    let applied = apply_connector_update(&staged, Payload::Value(&update));
    assert!(applied.report.valid(), "{:?}", applied.report.errors.first());
    let (want, _) = naive_projects(&start, &actions);
    assert_eq!(
        applied.connector_staged.expect("applied")["privateProjects"],
        json!(want)
    );
    let comments = json!({"version": 1, "actions": (0..n).map(|i| json!({"action": "addCertificationComment", "comment": format!("c{i}")})).collect::<Vec<_>>()});
    let applied = apply_connector_update(&staged, Payload::Value(&comments));
    let after = applied.connector_staged.expect("applied");
    assert_eq!(after["certificationInfo"]["comments"].as_array().map(Vec::len), Some(n));
    assert_eq!(
        after["certificationInfo"]["comments"][n - 1]["comment"],
        json!(format!("c{}", n - 1))
    );
}

/// A ConnectorStaged declares secured keys and holds no values: a value (or an unknown member,
/// whose name could be the secret) that the caller's copy carries under any
/// `securedConfiguration`, in any shape, is not handed back by applyConnectorUpdate; the
/// declarations are, unchanged. Generated: every block shape × every value type.
#[test]
fn applied_resources_carry_no_secured_values() {
    let secret = "SENTINEL-SECRET-staged";
    let values = [
        json!(secret),
        json!(987_654_321_987_i64),
        json!([secret]),
        json!({"s": secret}),
        json!({secret: 1}),
    ];
    let mut cases = 0;
    for value in &values {
        let declaration = json!({"key": "API_KEY", "description": "the key", "required": true});
        let mut with_value = declaration.clone();
        with_value["value"] = value.clone();
        with_value[secret] = value.clone();
        let blocks = [
            json!([with_value]),
            json!([declaration, with_value]),
            json!({"API_KEY": value}),
            json!([value]),
            value.clone(),
        ];
        for (b, block) in blocks.iter().enumerate() {
            for place in ["application", "global", "nested"] {
                let mut staged = json!({"id": "s", "version": 3, "key": "k", "name": "n", "creator": {"email": "a@b.co"},
                    "configurations": [{"applicationName": "app", "standardConfiguration": [], "securedConfiguration": []}]});
                match place {
                    "application" => staged["configurations"][0]["securedConfiguration"] = block.clone(),
                    "global" => staged["globalConfiguration"] = json!({"securedConfiguration": block}),
                    _ => staged["extra"] = json!([{"deeper": {"securedConfiguration": block}}]),
                }
                let update = json!({"version": 3, "actions": [{"action": "setName", "name": "m"}]});
                let applied = apply_connector_update(&staged, Payload::Value(&update));
                let after = applied.connector_staged.expect("applied");
                cases += 1;
                let out = serde_json::to_string(&after).expect("json");
                assert!(!out.contains(secret) && !out.contains("987654321987"), "{out}");
                assert_eq!(after["name"], "m");
                if place == "application" && b < 2 {
                    let first = &after["configurations"][0]["securedConfiguration"][0];
                    assert_eq!(
                        (&first["key"], &first["description"], &first["required"]),
                        (&json!("API_KEY"), &json!("the key"), &json!(true))
                    );
                }
            }
        }
    }
    eprintln!("applied resources with secured values: {cases} searched");
    assert_eq!(cases, values.len() * 5 * 3);
}
