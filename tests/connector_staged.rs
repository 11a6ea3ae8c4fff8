//! ConnectorStaged (issue 5): the update-action diff, proved by applying it (property test);
//! the update rules never panic on random input.
#![cfg(not(target_arch = "wasm32"))]

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Applying the built actions to `before` gives `after` on every field a draft can set,
    /// and the update they form is valid against `before`.
    #[test]
    fn applying_the_built_actions_gives_after(before in draft(), after in draft(), version in 1..1000i64) {
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
        prop_assert_eq!(build_connector_update_actions(&after, &after).expect("objects"), Vec::<Value>::new());
    }

    /// Random values in every action field: reports, never a panic.
    #[test]
    fn random_updates_are_reports(
        name in prop::sample::select(vec!["setName", "setRepository", "addPrivateProject", "publish", "setSupportedRegions", "nope"]),
        value in prop_oneof![Just(json!(null)), Just(json!([])), Just(json!("")), Just(json!(true)), Just(json!(-1)), "\\PC{0,12}".prop_map(|s| json!(s))],
        staged in prop_oneof![Just(json!({})), Just(json!({"private": false, "status": "Processing", "isPreviewable": "pending", "version": "x"}))],
    ) {
        let mut action = json!({"action": name});
        for field in ["name", "url", "tag", "privateProject", "certification", "regions"] {
            action[field] = value.clone();
        }
        let update = json!({"version": 1, "actions": [action, action]});
        let context = Context::from_json(&json!({"connectorStaged": staged})).expect("context");
        let report = validate_connector_update(Payload::Value(&update), &context);
        prop_assert_eq!(report.valid(), report.errors.is_empty());
        let applied = apply_connector_update(&staged, Payload::Value(&update));
        prop_assert_eq!(applied.connector_staged.is_some(), applied.report.valid());
    }
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
