//! Job schedules: the cron check of the official connect.yaml schema, anchored.
//!
//! The official check is the unanchored regex
//! `(@(annually|…|reboot))|(@every (\d+(ns|us|µs|ms|s|m|h))+)|((((\d+,)+\d+|((\d+|\*)(\/|-)\d+)|\d+|\*) ?){5,7})`:
//! any string that *contains* a match passes (`hello * * * * * world`). We accept what it
//! intends: the whole string is a macro, an `@every` duration, or 5 to 7 fields separated by
//! single spaces, each a number, `*`, a list of numbers, or a range or step. Names (`MON`,
//! `JAN`) and `?` are rejected, as the official check rejects them. Linear time, no regex.

const MACROS: &[&str] = &["annually", "yearly", "monthly", "weekly", "daily", "hourly", "reboot"];
const UNITS: &[&str] = &["ns", "us", "µs", "ms", "s", "m", "h"];

/// Whether `schedule` is a valid job schedule.
pub(crate) fn is_valid_schedule(schedule: &str) -> bool {
    if let Some(rest) = schedule.strip_prefix('@') {
        return MACROS.contains(&rest) || rest.strip_prefix("every ").is_some_and(is_duration);
    }
    let fields: Vec<&str> = schedule.split(' ').collect();
    (5..=7).contains(&fields.len()) && fields.iter().all(|f| is_field(f))
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `(\d+,)+\d+` | `(\d+|\*)(/|-)\d+` | `\d+` | `*`
fn is_field(field: &str) -> bool {
    if field == "*" || is_number(field) {
        return true;
    }
    if field.contains(',') {
        return field.split(',').all(is_number);
    }
    match field.split_once(['/', '-']) {
        Some((from, to)) => (from == "*" || is_number(from)) && is_number(to),
        None => false,
    }
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
        ] {
            assert!(is_valid_schedule(ok), "{ok}");
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
            "1-5/2 * * * *",
            "0 0 * * 1,",
            "@weekly2",
            "0,* * * * *",
        ] {
            assert!(!is_valid_schedule(bad), "{bad:?}");
        }
    }
}
