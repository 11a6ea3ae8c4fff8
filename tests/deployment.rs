//! Deployments with context (issue 4): the four kinds of connector source give identical
//! reports; secured values never reach the output on any code path; a draft built with every
//! required value validates cleanly (property test).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use connect_preflight::{
    build_deployment_draft, parse_connect_yaml, to_error_response, validate_deployment_draft_with,
    validate_deployment_update, Context, Payload,
};
use proptest::prelude::*;
use serde_json::{json, Value};

fn report_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("serializes")
}

/// The reports a secret could reach, as JSON: the draft as a value and as text, the update.
fn three_reports(draft: &Value, update: &Value, context: &Context) -> [String; 3] {
    [
        report_json(&validate_deployment_draft_with(Payload::Value(draft), context)),
        report_json(&validate_deployment_draft_with(
            Payload::Text(&draft.to_string()),
            context,
        )),
        report_json(&validate_deployment_update(Payload::Value(update), context)),
    ]
}

/// connect.yaml text, the Connector and the ConnectorStaged as the API returns them, and the
/// ConnectSpec that parseConnectYaml gives: the same connector four ways.
fn four_sources(defs: &Value) -> Vec<(&'static str, Value)> {
    let yaml = defs["shopYaml"].as_str().expect("shopYaml");
    let spec = parse_connect_yaml(yaml).spec.expect("the fixture's connect.yaml reads");
    vec![
        ("connect.yaml", Value::String(yaml.to_owned())),
        ("Connector", defs["shopConnector"].clone()),
        ("ConnectorStaged", defs["shopStaged"].clone()),
        ("ConnectSpec", spec),
    ]
}

#[test]
fn the_four_source_kinds_give_identical_reports() {
    let defs = common::defs();
    let sources = four_sources(&defs);
    let mut compared = 0;
    for case in common::cases() {
        let common::Input::Value(input) = &case.input else {
            continue;
        };
        let uses_shop = |v: Option<&Value>| v == Some(&defs["shopYaml"]);
        let mut reports = Vec::new();
        for (kind, source) in &sources {
            let as_context = match source {
                Value::String(text) => json!({ "connectYaml": text }),
                resource => json!({ "connector": resource }),
            };
            let report = match case.function.as_str() {
                "validateDeploymentDraft" if uses_shop(case.second.as_ref().and_then(|c| c.get("connectYaml"))) => {
                    let context = Context::from_json(&as_context).expect("context");
                    report_json(&validate_deployment_draft_with(Payload::Value(input), &context))
                }
                "validateDeploymentUpdate" if uses_shop(case.second.as_ref().and_then(|c| c.get("connectYaml"))) => {
                    let mut context = as_context.clone();
                    context["deployment"] = case.second.as_ref().expect("context")["deployment"].clone();
                    let context = Context::from_json(&context).expect("context");
                    report_json(&validate_deployment_update(Payload::Value(input), &context))
                }
                "buildDeploymentDraft" if uses_shop(case.second.as_ref()) => {
                    let source = Context::from_source(source).expect("source");
                    report_json(&build_deployment_draft(Payload::Value(input), &source))
                }
                _ => break,
            };
            reports.push((kind, report));
        }
        if let Some(((_, first), rest)) = reports.split_first().map(|(f, r)| (f.clone(), r.to_vec())) {
            for (kind, report) in rest {
                assert_eq!(&report, &first, "{}: {kind} differs from connect.yaml", case.name());
            }
            compared += 1;
        }
    }
    assert!(compared >= 30, "only {compared} cases compared");
}

const SENTINEL: &str = "SENTINEL-SECRET";

/// Every fixture case of the deployment functions, as value and as text: no secured value
/// (every one in the fixtures starts with SENTINEL-SECRET) appears in any report or error
/// response. (A built draft carries the values by design; only its report is searched.)
#[test]
fn no_secured_value_reaches_a_report() {
    let mut searched = 0;
    for case in common::cases() {
        let common::Input::Value(input) = &case.input else {
            continue;
        };
        let text = serde_json::to_string(input).expect("serializes");
        for payload in [Payload::Value(input), Payload::Text(&text)] {
            let report = match case.function.as_str() {
                "validateDeploymentDraft" | "validateDeploymentUpdate" => {
                    let context = Context::from_json(case.second.as_ref().unwrap_or(&Value::Null)).expect("context");
                    if case.function == "validateDeploymentDraft" {
                        validate_deployment_draft_with(payload, &context)
                    } else {
                        validate_deployment_update(payload, &context)
                    }
                }
                "buildDeploymentDraft" => {
                    let source = Context::from_source(case.second.as_ref().expect("source")).expect("source");
                    build_deployment_draft(payload, &source).report
                }
                _ => break,
            };
            let out = report_json(&(&report, to_error_response(&report)));
            assert!(!out.contains(SENTINEL), "{}: a secret leaked:\n{out}", case.name());
            searched += 1;
        }
    }
    assert!(searched >= 100, "only {searched} reports searched");
}

/// Secrets in the places a careless message would echo them: wrong types, empty values, a
/// secured key sent in a standard block, an unknown key in buildDeploymentDraft.
#[test]
fn secrets_in_odd_places_are_not_echoed() {
    let defs = common::defs();
    let context = Context::from_json(&json!({ "connectYaml": defs["shopYaml"] })).expect("context");
    let secret = format!("{SENTINEL}-odd");
    let draft = json!({
        "connector": {"key": "shop-connector"}, "region": "europe-west1.gcp",
        "configurations": [{"applicationName": "service",
            "standardConfiguration": [{"key": "CTP_CLIENT_SECRET", "value": [secret]}, {"key": "CTP_REGION", "value": "x"}],
            "securedConfiguration": [{"key": "NOPE", "value": {"s": secret}}]}],
        "globalConfiguration": {"standardConfiguration": [{"key": "SHARED_SECRET", "value": 424242424242_i64}]}
    });
    let report = validate_deployment_draft_with(Payload::Value(&draft), &context);
    assert!(report.errors.len() >= 4, "{report:?}");
    let out = report_json(&report);
    assert!(!out.contains(SENTINEL) && !out.contains("424242424242"), "{out}");

    let source = Context::from_source(&defs["shopYaml"]).expect("source");
    let input = json!({"connector": {"key": "c"}, "region": "europe-west1.gcp",
        "values": {"service": {"CTP_CLIENT_SECRET": 424242424242_i64, "NOT_DECLARED": secret}}});
    let built = build_deployment_draft(Payload::Value(&input), &source);
    let out = report_json(&built.report);
    assert!(!out.contains(SENTINEL) && !out.contains("424242424242"), "{out}");
}

/// Found by tests/node/leak.test.mjs: with only a ConnectorStaged as context, a key it
/// declares secured, sent in the standard block as a number, was echoed ("got 987654321987").
#[test]
fn keys_secured_by_a_connector_staged_alone_are_secrets() {
    let defs = common::defs();
    let context = Context::from_json(&json!({ "connectorStaged": defs["shopStaged"] })).expect("context");
    let draft = json!({
        "connector": {"key": "shop-connector"}, "region": "europe-west1.gcp",
        "configurations": [{"applicationName": "service",
            "standardConfiguration": [{"key": "CTP_CLIENT_SECRET", "value": 987654321987_i64}], "securedConfiguration": []}],
        "globalConfiguration": {"standardConfiguration": [{"key": "SHARED_SECRET", "value": -987654321987_i64}]}
    });
    for payload in [Payload::Value(&draft), Payload::Text(&draft.to_string())] {
        let report = validate_deployment_draft_with(payload, &context);
        assert!(
            report.errors.iter().any(|e| e.code.as_str() == "InvalidField"),
            "{report:?}"
        );
        let out = report_json(&report);
        assert!(!out.contains("987654321987"), "{out}");
    }
}

/// Found by an outside attack: a Deployment as the only context lists keys as secured in its
/// own configurations; a number sent under one in the standard block was echoed.
#[test]
fn keys_a_deployment_holds_as_secured_are_secrets() {
    let deployment = json!({"id": "d1", "version": 1, "status": "Deployed",
        "configurations": [{"applicationName": "app", "standardConfiguration": [], "securedConfiguration": [{"key": "API_PIN", "value": "****"}]}],
        "globalConfiguration": {"securedConfiguration": [{"key": "G_PIN", "value": "****"}]}});
    let context = Context::from_json(&json!({ "deployment": deployment })).expect("context");
    let update = json!({"version": 1, "actions": [{"action": "redeploy", "configurationValues": [{"applicationName": "app",
        "standardConfiguration": [{"key": "API_PIN", "value": 482913482913_i64}, {"key": "G_PIN", "value": 482913482913_i64}], "securedConfiguration": []}]}]});
    let report = validate_deployment_update(Payload::Value(&update), &context);
    assert!(
        report.errors.iter().any(|e| e.code.as_str() == "InvalidField"),
        "{report:?}"
    );
    assert!(!report_json(&report).contains("482913482913"));
}

/// A connector with random applications and keys, as the API returns it.
fn connector() -> impl Strategy<Value = Value> {
    let key = (
        "[A-Z]{2}[A-Z_0-9]{0,6}",
        any::<bool>(),
        any::<bool>(),
        prop::option::of("[a-z]{1,5}"),
    );
    let application = (
        prop::sample::select(vec!["service", "event", "job", "assets"]),
        prop::collection::vec(key.clone(), 0..5),
    );
    (
        prop::collection::vec(application, 1..4),
        prop::collection::vec(key, 0..3),
    )
        .prop_map(|(apps, global)| {
            let block = |keys: &[(String, bool, bool, Option<String>)]| {
                let mut seen = std::collections::BTreeSet::new();
                let (mut standard, mut secured) = (Vec::new(), Vec::new());
                for (key, secured_kind, required, default) in keys {
                    if !seen.insert(key.clone()) {
                        continue;
                    }
                    let mut entry = json!({"key": key, "description": "d", "required": required});
                    if *secured_kind {
                        secured.push(entry);
                    } else {
                        if let Some(d) = default {
                            entry["default"] = json!(d);
                        }
                        standard.push(entry);
                    }
                }
                json!({"standardConfiguration": standard, "securedConfiguration": secured})
            };
            let configurations: Vec<Value> = apps
                .iter()
                .enumerate()
                .map(|(i, (application_type, keys))| {
                    let mut app = block(keys);
                    app["applicationName"] = json!(format!("app-{i}"));
                    app["applicationType"] = json!(application_type);
                    app
                })
                .collect();
            json!({"key": "generated", "configurations": configurations, "globalConfiguration": block(&global)})
        })
}

/// Whenever every required value is given (non-empty; with spaces too), the built draft
/// validates cleanly against the same connector, and so does the build itself. The branch:
/// the connector declares a key to give (at least a fifth of the connectors).
#[test]
fn a_draft_built_with_every_required_value_validates() {
    let strategy = (connector(), "[a-z][ -~]{0,8}", any::<bool>());
    common::hits::assert_hit_rate(
        "a draft built with every required value: keys given",
        300,
        0.2,
        strategy,
        |(connector, value, optional)| {
            let mut values = serde_json::Map::new();
            let mut global_values = serde_json::Map::new();
            let given = |block: &Value, out: &mut serde_json::Map<String, Value>| {
                for kind in ["standardConfiguration", "securedConfiguration"] {
                    for entry in block[kind].as_array().into_iter().flatten() {
                        if entry["required"] == json!(true) || optional {
                            out.insert(entry["key"].as_str().unwrap_or_default().to_owned(), json!(value));
                        }
                    }
                }
            };
            for app in connector["configurations"].as_array().into_iter().flatten() {
                let mut app_values = serde_json::Map::new();
                given(app, &mut app_values);
                values.insert(
                    app["applicationName"].as_str().unwrap_or_default().to_owned(),
                    Value::Object(app_values),
                );
            }
            given(&connector["globalConfiguration"], &mut global_values);
            let input = json!({"connector": {"key": "generated"}, "region": "us-east-2.aws",
            "values": values, "globalValues": global_values});
            let source = Context::from_source(&connector).expect("source");
            let built = build_deployment_draft(Payload::Value(&input), &source);
            prop_assert!(built.report.valid(), "{:?}", built.report.errors);
            let draft = built.draft.expect("a draft");
            let context = Context::from_json(&json!({"connector": connector})).expect("context");
            let report = validate_deployment_draft_with(Payload::Value(&draft), &context);
            prop_assert!(report.valid(), "{:?}\n{draft}", report.errors);
            prop_assert!(report.warnings.is_empty(), "{:?}", report.warnings);
            let gave =
                !global_values.is_empty() || values.values().any(|v| v.as_object().is_some_and(|m| !m.is_empty()));
            Ok(gave)
        },
    );
}

/// Leaving one required value out is always caught, at the application's values. The branch:
/// the connector has a required key without default to leave out (it returned early, unseen,
/// on the others).
#[test]
fn a_missing_required_value_is_always_reported() {
    let strategy = (connector(), "[a-z]{1,4}");
    common::hits::assert_hit_rate(
        "a missing required value: one left out",
        300,
        0.2,
        strategy,
        |(connector, value)| {
            let mut first_required = None;
            let mut values = serde_json::Map::new();
            for app in connector["configurations"].as_array().into_iter().flatten() {
                let name = app["applicationName"].as_str().unwrap_or_default().to_owned();
                let mut app_values = serde_json::Map::new();
                for kind in ["standardConfiguration", "securedConfiguration"] {
                    for entry in app[kind].as_array().into_iter().flatten() {
                        let key = entry["key"].as_str().unwrap_or_default().to_owned();
                        let must = entry["required"] == json!(true) && entry.get("default").is_none();
                        if must && first_required.is_none() {
                            first_required = Some((name.clone(), key));
                            continue;
                        }
                        app_values.insert(key, json!(value));
                    }
                }
                values.insert(name, Value::Object(app_values));
            }
            let Some((app, key)) = first_required else {
                return Ok(false);
            };
            let global: serde_json::Map<String, Value> = ["standardConfiguration", "securedConfiguration"]
                .iter()
                .flat_map(|k| {
                    connector["globalConfiguration"][k]
                        .as_array()
                        .cloned()
                        .unwrap_or_default()
                })
                .map(|e| (e["key"].as_str().unwrap_or_default().to_owned(), json!(value)))
                .collect();
            let input =
                json!({"connector": {"key": "g"}, "region": "us-east-2.aws", "values": values, "globalValues": global});
            let built = build_deployment_draft(
                Payload::Value(&input),
                &Context::from_source(&connector).expect("source"),
            );
            let missing: Vec<_> = built
                .report
                .errors
                .iter()
                .filter(|e| e.code.as_str() == "DeploymentMissingApplicationConfigurationKey")
                .map(|e| (e.path.clone(), e.params["configurationKey"].clone()))
                .collect();
            prop_assert_eq!(missing, vec![(format!("/values/{app}"), json!(key))]);
            Ok(true)
        },
    );
}

/// Thousands of declared keys and of values, most of them unknown: every look-up is by index
/// and every hint looks at a bounded number of names, so this stays fast (quadratic work here
/// would be 10^8 comparisons and edit distances, minutes).
#[test]
fn large_connectors_and_drafts_stay_linear() {
    let n = 10_000;
    let declared: Vec<Value> = (0..n)
        .map(|i| json!({"key": format!("KEY_{i}"), "description": "d", "required": i % 2 == 0}))
        .collect();
    let connector = json!({"configurations": [{"applicationName": "app", "standardConfiguration": declared, "securedConfiguration": []}]});
    let values: Vec<Value> = (0..n)
        .map(|i| json!({"key": format!("OTHER_{i}"), "value": "v"}))
        .collect();
    let names: Vec<Value> = (0..n)
        .map(
            |i| json!({"applicationName": format!("app-{i}"), "standardConfiguration": [], "securedConfiguration": []}),
        )
        .collect();
    let mut configurations =
        vec![json!({"applicationName": "app", "standardConfiguration": values, "securedConfiguration": []})];
    configurations.extend(names);
    let draft = json!({"connector": {"key": "c1"}, "region": "us-east-2.aws", "configurations": configurations});
    let context = Context::from_json(&json!({"connector": connector})).expect("context");
    let report = validate_deployment_draft_with(Payload::Value(&draft), &context);
    // Every unknown key, every unknown application, and the required keys left out: the first
    // 1,000 listed, the rest counted by one TooManyIssues issue (the report budget).
    assert_eq!(report.errors.len(), connect_preflight::budget::MAX_ISSUES + 1);
    let last = report.errors.last().expect("an issue");
    assert_eq!(last.code.as_str(), "TooManyIssues");
    assert_eq!(
        last.params["omittedErrors"],
        json!(n + n + n / 2 - connect_preflight::budget::MAX_ISSUES)
    );
    assert_eq!(last.params["omittedWarnings"], json!(0));
}

/// Found by an outside attack: 1,500 warnings before an error (unknown fields of a draft, or
/// of a connect.yaml context) left the error out of the report, counted only. An error takes
/// the place of a listed warning; the context's own problems come before the draft's.
#[test]
fn errors_are_listed_past_a_budget_of_warnings() {
    use connect_preflight::budget::MAX_ISSUES;
    for n in [MAX_ISSUES - 1, MAX_ISSUES, MAX_ISSUES + 500] {
        let mut draft = serde_json::Map::new();
        for i in 0..n {
            draft.insert(format!("unknown{i:05}"), json!(1));
        }
        // `key` is required (missing: an error found after every unknown field's warning).
        draft.insert("region".into(), json!("europe-west1.gcp"));
        let report = validate_deployment_draft_with(Payload::Value(&Value::Object(draft)), &Context::default());
        let codes: Vec<&str> = report.errors.iter().map(|e| e.code.as_str()).collect();
        assert!(codes.contains(&"RequiredField"), "{n} warnings: errors {codes:?}");
        assert!(report.errors.len() + report.warnings.len() <= MAX_ISSUES + 1, "{n}");
        let omitted = report
            .errors
            .iter()
            .chain(&report.warnings)
            .find(|i| i.code.as_str() == "TooManyIssues");
        let listed_warnings = report
            .warnings
            .iter()
            .filter(|w| w.code.as_str() == "UnknownField")
            .count();
        let omitted_warnings = omitted.map_or(0, |i| i.params["omittedWarnings"].as_u64().unwrap_or(0) as usize);
        assert_eq!(listed_warnings + omitted_warnings, n, "every warning listed or counted");
    }
    // A connect.yaml context whose file has an error after 1,200 warnings (schedules sent as
    // written): the file's error is listed, first, with its source.
    let mut yaml = String::from("deployAs:\n");
    for i in 0..1_200 {
        yaml.push_str(&format!("  - name: job{i}\n    applicationType: job\n    endpoint: /j\n    properties:\n      schedule: ' 0 0 * * *'\n"));
    }
    yaml.push_str("  - name: broken\n    applicationType: servce\n");
    let own = connect_preflight::validate_connect_yaml(&yaml);
    assert!(
        own.errors.iter().any(|e| e.code.as_str() == "InvalidField"),
        "{:?}",
        own.errors.first()
    );
    let context = Context::from_json(&json!({ "connectYaml": yaml })).expect("context");
    let draft = json!({"key": "d1", "connector": {"key": "c1"}, "region": "europe-west1.gcp", "unknownField": 1});
    let report = validate_deployment_draft_with(Payload::Value(&draft), &context);
    let first = report.errors.first().expect("the context's error");
    assert_eq!(
        (first.code.as_str(), first.params.get("source")),
        ("InvalidField", Some(&json!("connectYaml")))
    );
    // buildDeploymentDraft too: the source's error before the input's (a value for no application).
    let source = Context::from_source(&json!(yaml)).expect("source");
    let input = json!({"connector": {"key": "c1"}, "region": "europe-west1.gcp", "values": {"nowhere": {"K": "v"}}});
    let built = connect_preflight::build_deployment_draft(Payload::Value(&input), &source);
    let sources: Vec<Option<&Value>> = built.report.errors.iter().map(|e| e.params.get("source")).collect();
    assert_eq!(
        sources.first(),
        Some(&Some(&json!("connectYaml"))),
        "{:?}",
        built.report.errors
    );
    assert!(
        sources.iter().skip_while(|s| s.is_some()).all(Option::is_none),
        "the source's first, once"
    );
    assert_eq!(sources.iter().filter(|s| s.is_some()).count(), 1);
}

/// Found by an outside attack: a key declared secured under an application the checks cannot
/// use (an unknown type, a name that is no string, `assets`, ...) was no secret, so a number
/// sent under it was echoed. Generated: every kind of broken application × every context
/// that can carry it × every place a value is sent × every JSON type of the value.
#[test]
fn keys_secured_under_broken_applications_are_secrets() {
    const PIN: i64 = 731_731_731_731;
    let secret_text = format!("{SENTINEL}-broken");
    // What makes the application unusable, as connect.yaml lines (after `- `).
    let broken: &[&str] = &[
        "name: 123\n    applicationType: service\n    endpoint: /b",
        "name: [a, b]\n    applicationType: service\n    endpoint: /b",
        "name: {a: b}\n    applicationType: job\n    properties: {schedule: '* * * * *'}",
        "applicationType: service\n    endpoint: /b",
        "name: broken\n    applicationType: nope",
        "name: broken\n    applicationType: assets",
        "name: broken",
        "name: broken\n    applicationType: 7",
        "name: 'bad name!'\n    applicationType: service\n    endpoint: /b",
        "name: service\n    applicationType: service\n    endpoint: /dup",
        "name: broken\n    applicationType: event\n    endpoint: 5",
    ];
    let yaml = |b: &str| {
        format!(
            "deployAs:\n  - name: service\n    applicationType: service\n    endpoint: /s\n  - {b}\n    configuration:\n      standardConfiguration: 5\n      securedConfiguration:\n        - key: HIDDEN_PIN\n          description: d\n"
        )
    };
    let values = [
        json!(PIN),
        json!(secret_text),
        json!([PIN]),
        json!({"v": secret_text}),
        json!(-PIN),
    ];
    let mut cases = 0;
    for b in broken {
        let text = yaml(b);
        // The same broken application as a resource: applicationName of the wrong type.
        let resource = json!({"key": "c", "configurations": [
            {"applicationName": "service", "applicationType": "service", "standardConfiguration": [], "securedConfiguration": []},
            {"applicationName": 123, "applicationType": "nope", "standardConfiguration": 5, "securedConfiguration": [{"key": "HIDDEN_PIN"}]}]});
        let staged_without_configurations = json!({"id": "s", "version": 1, "configurations": {"x": {"securedConfiguration": [{"key": "HIDDEN_PIN"}]}}});
        let contexts = [
            json!({"connectYaml": text}),
            json!({"connectYaml": text, "connector": resource}),
            json!({"connector": resource}),
            json!({"connectorStaged": resource}),
            json!({"connectorStaged": staged_without_configurations}),
            json!({"deployment": {"id": "d", "version": 1, "status": "Deployed", "connector": resource}}),
        ];
        for context in &contexts {
            let context = Context::from_json(context).expect("context");
            for value in &values {
                let entry = json!([{"key": "HIDDEN_PIN", "value": value}]);
                let draft = json!({"connector": {"key": "c"}, "region": "europe-west1.gcp",
                    "configurations": [{"applicationName": "service", "standardConfiguration": entry, "securedConfiguration": []}],
                    "globalConfiguration": {"standardConfiguration": entry}});
                let update = json!({"version": 1, "actions": [{"action": "redeploy", "configurationValues": [
                    {"applicationName": "service", "standardConfiguration": entry, "securedConfiguration": []}]}]});
                for out in three_reports(&draft, &update, &context) {
                    cases += 1;
                    assert!(!out.contains(SENTINEL) && !out.contains("731731731731"), "{b}: {out}");
                }
            }
        }
        let source = Context::from_source(&json!(text)).expect("source");
        for value in &values {
            let input = json!({"connector": {"key": "c"}, "region": "europe-west1.gcp", "values": {"service": {"HIDDEN_PIN": value}}});
            // The draft holds the secret where it belongs; the report must not.
            let out = report_json(&build_deployment_draft(Payload::Value(&input), &source).report);
            cases += 1;
            assert!(!out.contains(SENTINEL) && !out.contains("731731731731"), "{b}: {out}");
        }
    }
    eprintln!("secured keys under broken applications: {cases} reports searched");
    assert_eq!(cases, broken.len() * (6 * 5 * 3 + 5));
}

/// A secured entry's member names other than `key` and `value` are not shown (a name could be
/// the secret): an unknown field there is reported without its name.
#[test]
fn unknown_member_names_in_secured_entries_are_not_echoed() {
    let name = format!("{SENTINEL}_as_a_name");
    let context = Context::from_json(&json!({"connectYaml": common::defs()["shopYaml"]})).expect("context");
    let entry = json!({"key": "CTP_CLIENT_SECRET", "value": "v", name.clone(): 1});
    let draft = json!({"connector": {"key": "shop-connector"}, "region": "europe-west1.gcp",
        "configurations": [{"applicationName": "service", "standardConfiguration": [entry], "securedConfiguration": [entry]}]});
    let report = validate_deployment_draft_with(Payload::Value(&draft), &context);
    let unknown = report
        .errors
        .iter()
        .chain(&report.warnings)
        .filter(|i| i.code.as_str() == "UnknownField")
        .count();
    assert!(unknown >= 2, "{report:?}");
    assert!(!report_json(&report).contains(SENTINEL), "{}", report_json(&report));
}

/// A report given to toErrorResponse holds to the budgets of ours: generated issues with
/// every field × every JSON type (long strings, containers, long names). The message is cut to
/// MAX_MESSAGE_CHARS, every other string to MAX_ECHO_CHARS (each then ends in `…`, one
/// character more), `invalidValue` is only a scalar,
/// and an error whose code or message is no string is misuse.
#[test]
fn to_error_response_bounds_a_given_report() {
    use connect_preflight::budget::{MAX_ECHO_CHARS, MAX_MESSAGE_CHARS};
    use connect_preflight::error_response_from_report_json;
    let long = "x".repeat(50_000);
    let kinds = [
        json!(null),
        json!(true),
        json!(7),
        json!(long),
        json!([long, 1]),
        json!({"a": long}),
        json!("short"),
    ];
    let fields = [
        "code",
        "message",
        "path",
        "line",
        "invalidValue",
        "field",
        long.as_str(),
    ];
    let longest = |v: &Value| -> usize {
        let mut max = 0;
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::String(s) => max = max.max(s.chars().count()),
                Value::Array(items) => stack.extend(items),
                Value::Object(map) => {
                    max = max.max(map.keys().map(|k| k.chars().count()).max().unwrap_or(0));
                    stack.extend(map.values());
                }
                _ => {}
            }
        }
        max
    };
    let (mut answered, mut refused) = (0, 0);
    for field in fields {
        for kind in &kinds {
            let mut issue = json!({"code": "InvalidField", "message": long, "path": "/a"});
            issue[field] = kind.clone();
            match error_response_from_report_json(&json!({"errors": [issue.clone(), issue]})) {
                Ok(Some(response)) => {
                    answered += 1;
                    for error in response["errors"].as_array().expect("errors") {
                        let message = error["message"].as_str().expect("message");
                        assert!(message.chars().count() <= MAX_MESSAGE_CHARS + 1);
                        let mut rest = error.clone();
                        rest.as_object_mut().expect("object").remove("message");
                        assert!(longest(&rest) <= MAX_ECHO_CHARS + 1, "{field}: {}", longest(&rest));
                        assert!(error
                            .get("invalidValue")
                            .is_none_or(|v| !v.is_array() && !v.is_object()));
                        assert!(error.get("path").is_none() && error.get("line").is_none());
                    }
                    assert!(longest(&response["message"]) <= MAX_MESSAGE_CHARS + 1);
                }
                Ok(None) => panic!("errors given, no response"),
                Err(why) => {
                    refused += 1;
                    assert!(
                        matches!(field, "code" | "message") && !kind.is_string(),
                        "{field} {kind}: {why}"
                    );
                    assert!(why.contains(&format!("'{field}' string")), "{why}");
                }
            }
        }
    }
    eprintln!("toErrorResponse of given reports: {answered} answered, {refused} refused as misuse");
    assert_eq!(refused, 2 * (kinds.len() - 2));
    assert_eq!(answered + refused, fields.len() * kinds.len());
}

/// API.md §6: a key sent in the wrong block is both of the API's answers when it is required
/// without a default (unknown where sent, missing where it belongs), and both messages say it
/// is one mistake; an optional key in the wrong block is only unknown. Every kind × both
/// scopes (an application's, the global one).
#[test]
fn a_key_in_the_wrong_block_is_both_answers() {
    let connector = json!({"configurations": [{"applicationName": "app",
        "standardConfiguration": [{"key": "STD_REQ", "required": true}, {"key": "STD_OPT"}],
        "securedConfiguration": [{"key": "SEC_REQ", "required": true}, {"key": "SEC_OPT"}]}],
        "globalConfiguration": {"standardConfiguration": [{"key": "G_STD", "required": true}], "securedConfiguration": [{"key": "G_SEC", "required": true}]}});
    let context = Context::from_json(&json!({"connector": connector})).expect("context");
    let entry = |k: &str| json!({"key": k, "value": "v"});
    let mut checked = 0;
    for (key, declared_secured, required) in [
        ("STD_REQ", false, true),
        ("STD_OPT", false, false),
        ("SEC_REQ", true, true),
        ("SEC_OPT", true, false),
    ] {
        // Everything else in its place; `key` in the other block.
        let mut standard: Vec<Value> = ["STD_REQ", "STD_OPT"]
            .iter()
            .filter(|k| **k != key)
            .map(|k| entry(k))
            .collect();
        let mut secured: Vec<Value> = ["SEC_REQ", "SEC_OPT"]
            .iter()
            .filter(|k| **k != key)
            .map(|k| entry(k))
            .collect();
        if declared_secured {
            standard.push(entry(key))
        } else {
            secured.push(entry(key))
        }
        let draft = json!({"connector": {"key": "c1"}, "region": "europe-west1.gcp",
            "configurations": [{"applicationName": "app", "standardConfiguration": standard, "securedConfiguration": secured}],
            "globalConfiguration": {"standardConfiguration": [entry("G_STD")], "securedConfiguration": [entry("G_SEC")]}});
        let report = validate_deployment_draft_with(Payload::Value(&draft), &context);
        let codes: Vec<&str> = report.errors.iter().map(|e| e.code.as_str()).collect();
        let want: &[&str] = if required {
            &[
                "DeploymentUnknownApplicationConfigurationKey",
                "DeploymentMissingApplicationConfigurationKey",
            ]
        } else {
            &["DeploymentUnknownApplicationConfigurationKey"]
        };
        assert_eq!(codes, want, "{key}: {report:?}");
        for error in &report.errors {
            assert_eq!(error.params["configurationKey"], json!(key));
            assert_eq!(
                error.message.contains("one mistake"),
                required,
                "{key}: {}",
                error.message
            );
        }
        checked += 1;
    }
    // The global scope: G_SEC sent as standard.
    let draft = json!({"connector": {"key": "c1"}, "region": "europe-west1.gcp",
        "configurations": [{"applicationName": "app", "standardConfiguration": [entry("STD_REQ")], "securedConfiguration": [entry("SEC_REQ")]}],
        "globalConfiguration": {"standardConfiguration": [entry("G_STD"), entry("G_SEC")], "securedConfiguration": []}});
    let report = validate_deployment_draft_with(Payload::Value(&draft), &context);
    let codes: Vec<&str> = report.errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "DeploymentUnknownGlobalConfigurationKey",
            "DeploymentMissingGlobalConfigurationKey"
        ]
    );
    assert!(report.errors.iter().all(|e| e.message.contains("one mistake")));
    assert_eq!(checked + 1, 5);
}

/// Found by an outside attack: a number sent under a key the connect.yaml declares secured was
/// echoed when the file's `securedConfiguration` had the wrong shape (one entry, not a list)
/// or the file could not be read at all (a syntax error, a duplicate key). Unreadable: every
/// key is taken as secured, since nothing says which are not.
#[test]
fn secured_keys_of_a_malformed_or_unreadable_connect_yaml_are_secrets() {
    let head = "deployAs:\n  - name: svc\n    applicationType: service\n    endpoint: /s\n    configuration:\n      securedConfiguration:\n";
    let files = [
        format!("{head}        key: TOKEN\n        description: d\n"),
        format!("{head}        TOKEN: {{description: d}}\n"),
        format!("{head}        - key: TOKEN\n          description: d\n        - key: TOKEN\n          key: again\n"),
        format!("{head}        - key: TOKEN\n      [unclosed\n"),
    ];
    let mut cases = 0;
    for file in &files {
        let context = Context::from_json(&json!({"connectYaml": file})).expect("context");
        for value in [json!(731_731_731_731_i64), json!(true), json!([731_731_731_731_i64])] {
            let block = json!([{"key": "TOKEN", "value": value}]);
            let draft = json!({"connector": {"key": "cc1"}, "region": "europe-west1.gcp",
                "configurations": [{"applicationName": "svc", "standardConfiguration": block, "securedConfiguration": []}]});
            let update = json!({"version": 1, "actions": [{"action": "redeploy", "configurationValues": [{"applicationName": "svc", "standardConfiguration": block, "securedConfiguration": []}]}]});
            for out in three_reports(&draft, &update, &context) {
                cases += 1;
                assert!(!out.contains("731731731731"), "{file}: {out}");
            }
        }
    }
    assert_eq!(cases, files.len() * 3 * 3);
}
