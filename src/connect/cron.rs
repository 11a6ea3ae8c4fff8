//! Job schedules: the cron check of the official connect.yaml schema, anchored, with the
//! ranges of cron's fields.
//!
//! The official check is the unanchored regex
//! `(@(annually|…|reboot))|(@every (\d+(ns|us|µs|ms|s|m|h))+)|((((\d+,)+\d+|((\d+|\*)(\/|-)\d+)|\d+|\*) ?){5,7})`:
//! any string that *contains* a match passes (`hello * * * * * world`). We accept what it
//! intends: the whole string is a macro, an `@every` duration, or 5 to 7 fields separated by
//! single spaces, each `*` or cron's list of numbers, ranges and steps (`0 9-17/2 * * *`). Names (`MON`,
//! `JAN`) and `?` are rejected, as the official check rejects them. Linear time, no regex.
//!
//! Where the official check is wrong we are right (docs/decisions.md): a number out of its
//! field's range (`60 * * * *`, `0 24 * * *`, `* * 32 * *`, `* * * 13 *`, `* * * * 8`, also in
//! lists, ranges and steps), a range that runs backwards (`5-1`) and a step of 0 are invalid.
//! Five fields are minute, hour, day of month, month, day of week; six put seconds first;
//! seven add the year last.

const MACROS: &[&str] = &["annually", "yearly", "monthly", "weekly", "daily", "hourly", "reboot"];
const UNITS: &[&str] = &["ns", "us", "µs", "ms", "s", "m", "h"];

/// A cron field: its name and the numbers it takes.
type Field = (&'static str, u32, u32);
const SECOND: Field = ("second", 0, 59);
const FIVE: [Field; 5] = [
    ("minute", 0, 59),
    ("hour", 0, 23),
    ("day of month", 1, 31),
    ("month", 1, 12),
    ("day of week", 0, 7),
];
const YEAR: Field = ("year", 1970, 2099);

/// Whether `schedule` is a valid job schedule (the fast path's question).
#[cfg(any(test, feature = "draft-fast-path"))]
pub(crate) fn is_valid_schedule(schedule: &str) -> bool {
    schedule_problem(schedule).is_none()
}

/// Why `schedule` is not a valid job schedule: `Some("")` when it is not cron's shape at all,
/// `Some(why)` for a number out of its field's range; `None` when it is valid.
pub(crate) fn schedule_problem(schedule: &str) -> Option<String> {
    if let Some(rest) = schedule.strip_prefix('@') {
        let ok = MACROS.contains(&rest) || rest.strip_prefix("every ").is_some_and(is_duration);
        return (!ok).then(String::new);
    }
    let values: Vec<&str> = schedule.split(' ').collect();
    let fields: Vec<Field> = match values.len() {
        5 => FIVE.to_vec(),
        6 => [SECOND].into_iter().chain(FIVE).collect(),
        7 => [SECOND].into_iter().chain(FIVE).chain([YEAR]).collect(),
        _ => return Some(String::new()),
    };
    if !values.iter().all(|v| is_field(v)) {
        return Some(String::new());
    }
    values
        .iter()
        .zip(fields)
        .find_map(|(value, field)| out_of_range(value, field))
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A field: `*`, or a list of items, each a number, a range `a-b`, or either (or `*`) with a
/// step `/n` — cron's own grammar, which the official regex lets pass (unanchored, it finds
/// its pattern inside `0 9-17/2 * * *` and `1-5,7 * * * *`). A list holding `*` is refused.
fn is_field(field: &str) -> bool {
    field == "*" || field.split(',').all(|item| is_item(item, !field.contains(',')))
}

fn is_item(item: &str, alone: bool) -> bool {
    let (base, step) = match item.split_once('/') {
        Some((base, step)) => (base, Some(step)),
        None => (item, None),
    };
    if step.is_some_and(|s| !is_number(s)) {
        return false;
    }
    match base.split_once('-') {
        Some((from, to)) => is_number(from) && is_number(to),
        None => is_number(base) || (base == "*" && alone && step.is_some()),
    }
}

/// What is wrong with a field of the right shape, if anything.
fn out_of_range(value: &str, (name, min, max): Field) -> Option<String> {
    // Digits only here (is_field): a number too long for u32 is out of range too.
    let number = |s: &str| s.parse::<u32>().ok().filter(|n| (min..=max).contains(n));
    let bad = |s: &str| format!("{s} is not a {name} ({min}-{max})");
    if value == "*" {
        return None;
    }
    value.split(',').find_map(|item| {
        let (base, step) = match item.split_once('/') {
            Some((base, step)) => (base, Some(step)),
            None => (item, None),
        };
        if let Some(step) = step {
            if !step.parse::<u32>().is_ok_and(|n| n >= 1 && n <= max.max(1)) {
                return Some(format!("the step {step} of the {name} must be 1 to {}", max.max(1)));
            }
        }
        match base.split_once('-') {
            Some((from, to)) => match (number(from), number(to)) {
                (None, _) => Some(bad(from)),
                (_, None) => Some(bad(to)),
                (Some(a), Some(b)) if a > b => Some(format!("the {name} range {base} runs backwards")),
                _ => None,
            },
            None if base == "*" => None,
            None => number(base).is_none().then(|| bad(base)),
        }
    })
}

/// `(\d+(ns|us|µs|ms|s|m|h))+`, e.g. `1h30m`.
fn is_duration(mut s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    while !s.is_empty() {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        s = &s[digits..];
        match UNITS.iter().find(|u| s.starts_with(*u)) {
            Some(unit) => s = &s[unit.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_valid_schedule;

    #[test]
    fn accepts_what_the_official_check_intends() {
        for ok in [
            "0 0 * * *",
            "*/5 * * * *",
            "0 * * * 7",
            "0 0 1,15 * *",
            "0 9-17 * * 1-5",
            "0 0 * * * *",
            "0 0 * * * * 2030",
            "@daily",
            "@reboot",
            "@every 1h30m",
            "@every 500ms",
            "@every 10µs",
            "0/5 * * * *",
            // Cron's own grammar, which the official (unanchored) regex lets pass too.
            "0 9-17/2 * * *",
            "0 0-23/6 * * *",
            "1-5,7 * * * *",
            "0 0 * * 1-5,0",
            "0,30 8-18/2 1,15 */3 1-5",
        ] {
            assert!(is_valid_schedule(ok), "{ok}");
        }
    }

    /// Every field × below, at and above its range, alone and inside a list, a range and a
    /// step (generated: the official regex accepts all of them).
    #[test]
    fn numbers_out_of_their_fields_range_are_invalid() {
        use super::{schedule_problem, FIVE, SECOND, YEAR};
        let mut checked = 0;
        for count in [5usize, 6, 7] {
            let fields: Vec<_> = match count {
                5 => FIVE.to_vec(),
                6 => [SECOND].into_iter().chain(FIVE).collect(),
                _ => [SECOND].into_iter().chain(FIVE).chain([YEAR]).collect(),
            };
            for (i, &(name, min, max)) in fields.iter().enumerate() {
                let below = min.checked_sub(1);
                let forms = |n: u32| {
                    let other = if n == min { max } else { min };
                    let (low, high) = (n.min(other), n.max(other));
                    vec![
                        n.to_string(),
                        format!("{other},{n}"),
                        format!("{low}-{high}"),
                        format!("{n}/2"),
                        format!("*/{}", n.max(1)),
                    ]
                };
                for (n, valid) in [
                    (Some(min), true),
                    (Some(max), true),
                    (below, false),
                    (Some(max + 1), false),
                ] {
                    let Some(n) = n else { continue };
                    for (k, form) in forms(n).into_iter().enumerate() {
                        // A step may be up to the field's maximum whatever the field's minimum.
                        let valid = valid || (k == 4 && n <= max);
                        let mut parts = vec!["*".to_owned(); count];
                        parts[i] = form;
                        let schedule = parts.join(" ");
                        let problem = schedule_problem(&schedule);
                        assert_eq!(problem.is_none(), valid, "{name}: {schedule} {problem:?}");
                        if let Some(why) = problem {
                            assert!(why.contains(name), "{schedule}: {why}");
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked >= 200, "{checked}");
        for bad in ["5-1 * * * *", "*/0 * * * *", "* * 0 * *", "99999999999 * * * *"] {
            assert!(schedule_problem(bad).is_some_and(|w| !w.is_empty()), "{bad}");
        }
    }

    #[test]
    fn rejects_names_question_marks_and_surrounding_text() {
        for bad in [
            "0 0 * * MON",
            "0 0 1 JAN *",
            "0 0 ? * *",
            "hello * * * * * world",
            "run @daily please",
            "@daily ",
            "* * * *",
            "* * * * * * * *",
            "*  * * * *",
            "",
            "@every",
            "@every 1",
            "@every h",
            "@every 1d",
            "0 0 * * 1,",
            "@weekly2",
            "0,* * * * *",
        ] {
            assert!(!is_valid_schedule(bad), "{bad:?}");
        }
    }
}
