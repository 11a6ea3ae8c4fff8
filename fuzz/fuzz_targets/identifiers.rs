//! validateKey, validateProjectIdentifier, canRedeploy, and checkTransition /
//! allowedTransitions for every machine of `connect_preflight::MACHINES`, on the payload as
//! a string and (when it is JSON) as a value. Transitions are tried between the payload's
//! `from`/`to` (an object like the fixtures' `{ machine, from, to }`, a two-item array, or two
//! lines of text), the payload itself, and every state of the machine, both ways.
//! No payload here carries configuration values, so the secret rule has nothing to plant;
//! the context byte is read (one corpus layout for every target) and otherwise ignored: the
//! whole rest is the payload.
#![no_main]

mod common;

use common::check_report;
use connect_preflight::{
    allowed_transitions, can_redeploy, check_transition, validate_key, validate_key_value,
    validate_project_identifier, validate_project_identifier_value, Machine, MACHINES,
};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    // The whole text after the context byte is the payload (no context document here).
    let Some((_, text)) = common::kind_and_text(data) else {
        return;
    };
    let parsed: Option<Value> = serde_json::from_str(text).ok();
    let as_string = Value::String(text.to_owned());
    let mut values = vec![&as_string];
    values.extend(parsed.as_ref());

    for value in &values {
        check_report(&validate_key_value(value));
        check_report(&validate_project_identifier_value(value));
        check_report(&can_redeploy(value));
    }
    assert_eq!(validate_key(text), validate_key_value(&as_string));
    assert_eq!(
        validate_project_identifier(text),
        validate_project_identifier_value(&as_string)
    );

    // The (from, to) pairs to try.
    let null = Value::Null;
    let mut pairs: Vec<(Value, Value)> = values.iter().map(|v| ((*v).clone(), (*v).clone())).collect();
    let mut named_machine = None;
    match &parsed {
        Some(Value::Object(object)) => {
            pairs.push((
                object.get("from").unwrap_or(&null).clone(),
                object.get("to").unwrap_or(&null).clone(),
            ));
            named_machine = object.get("machine").and_then(Value::as_str);
        }
        Some(Value::Array(items)) if items.len() == 2 => pairs.push((items[0].clone(), items[1].clone())),
        _ => {}
    }
    if let Some((from, to)) = text.split_once('\n') {
        pairs.push((Value::String(from.to_owned()), Value::String(to.to_owned())));
    }

    for machine in MACHINES {
        for (from, to) in &pairs {
            check_pair(machine, from, to);
            // Every state both ways (skipped for long texts: each check repeats the value).
            if text.len() > 4_096 {
                continue;
            }
            for state in machine.states {
                let state = Value::String((*state).to_owned());
                check_pair(machine, &state, to);
                check_pair(machine, from, &state);
            }
        }
        for from in values.iter().filter_map(|v| v.as_str()) {
            let allowed = allowed_transitions(machine.name, from).expect("a machine of MACHINES");
            assert_eq!(allowed, machine.allowed(from), "allowedTransitions and the machine's table differ");
        }
    }

    // A machine name that is not one is API misuse: Err, never a panic.
    for name in named_machine.into_iter().chain([text]) {
        let known = MACHINES.iter().any(|m| m.name == name);
        let checked = check_transition(name, &null, &null);
        assert_eq!(checked.is_ok(), known, "check_transition on machine name {name:?}");
        if let Ok(report) = checked {
            check_report(&report);
        }
        assert_eq!(allowed_transitions(name, text).is_ok(), known);
    }
});

/// checkTransition's report keeps the invariants; between two states of the machine it is
/// valid exactly when the machine's table has the transition.
fn check_pair(machine: &Machine, from: &Value, to: &Value) {
    let report = check_transition(machine.name, from, to).expect("a machine of MACHINES");
    check_report(&report);
    if let (Some(f), Some(t)) = (from.as_str(), to.as_str()) {
        if machine.states.contains(&f) && machine.states.contains(&t) {
            assert_eq!(
                report.valid(),
                machine.allowed(f).contains(&t),
                "{}: {f} -> {t} disagrees with the machine's table",
                machine.name
            );
            for next in allowed_transitions(machine.name, f).expect("a machine of MACHINES") {
                assert!(machine.states.contains(&next), "{}: {f} -> {next} leaves the machine", machine.name);
            }
        }
    }
}
