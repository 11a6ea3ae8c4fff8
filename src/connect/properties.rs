//! What an application runs by, declared in connect.yaml (`properties.schedule` of a job,
//! `retryPolicy` of an event application) and overridden in a DeploymentDraft: one rule each,
//! used by both.

use crate::connect::cron::schedule_problem;
use crate::report::checker::{describe, Checker, Echo, Strictness};
use crate::report::codes::Code;
use crate::report::{Issue, Loc};
use serde_json::{json, Value};

pub(crate) const RETRY_STRATEGIES: [&str; 2] = ["immediate", "exponential-backoff"];
pub(crate) const IMMEDIATE_FIELDS: &[&str] = &["strategy"];
pub(crate) const BACKOFF_FIELDS: &[&str] = &["strategy", "minBackoffSeconds", "maxBackoffSeconds", "maxAttempts"];
/// The bounds of `minBackoffSeconds`/`maxBackoffSeconds` and of `maxAttempts`.
pub(crate) const BACKOFF_SECONDS: (i64, i64) = (1, 600);
pub(crate) const MAX_ATTEMPTS: (i64, i64) = (5, 100);

/// `{strategy: immediate}` or `{strategy: exponential-backoff, minBackoffSeconds 1..600,
/// maxBackoffSeconds 1..600, maxAttempts? 5..100}` with min ≤ max.
pub(crate) fn check_retry_policy(c: &mut Checker, value: &Value, path: &str) -> bool {
    let Some(policy) = c.object(value, Loc::At(path), "retryPolicy") else {
        return false;
    };
    let strategy = match policy.get("strategy") {
        None => {
            c.required(path, "strategy", " (immediate or exponential-backoff)");
            None
        }
        Some(strategy) => {
            c.one_of(strategy, Loc::Field(path, "strategy"), "strategy", &RETRY_STRATEGIES);
            strategy.as_str()
        }
    };
    match strategy {
        Some(s) if s == RETRY_STRATEGIES[0] => c.unknown_fields(policy, path, IMMEDIATE_FIELDS, Strictness::Error),
        Some(s) if s == RETRY_STRATEGIES[1] => {
            c.unknown_fields(policy, path, BACKOFF_FIELDS, Strictness::Error);
            let mut bound = |field: &str| match policy.get(field) {
                Some(n) => c.integer_in(n, Loc::Field(path, field), field, BACKOFF_SECONDS.0, BACKOFF_SECONDS.1),
                None => {
                    c.required(path, field, " (1 to 600 seconds)");
                    None
                }
            };
            let (min, max) = (bound("minBackoffSeconds"), bound("maxBackoffSeconds"));
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    let field = "minBackoffSeconds";
                    c.invalid(
                        Loc::Field(path, field),
                        field,
                        &json!(min),
                        &format!("must be less than or equal to maxBackoffSeconds ({max})"),
                        Echo::Yes,
                    );
                }
            }
            if let Some(n) = policy.get("maxAttempts") {
                c.integer_in(
                    n,
                    Loc::Field(path, "maxAttempts"),
                    "maxAttempts",
                    MAX_ATTEMPTS.0,
                    MAX_ATTEMPTS.1,
                );
            }
        }
        _ => {}
    }
    true
}

/// Blanks around a schedule, which the official check lets pass (docs/decisions.md).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `InvalidSchedule` unless `schedule` is a valid cron expression (`cron`); blanks around a
/// valid one are a warning. Whether it is valid.
pub(crate) fn check_schedule(c: &mut Checker, schedule: &str, path: &str) -> bool {
    let trimmed = schedule.trim_matches(is_blank);
    let problem = schedule_problem(trimmed);
    if problem.is_none() && trimmed.len() != schedule.len() {
        // Accepted, as the official check accepts it; but it is sent as written.
        c.warning(
            Issue::new(
                Code::InvalidSchedule,
                path,
                format!(
                    "The schedule {} has blanks around it (a block scalar adds a line break): it is accepted, but it is sent as written; write {} to be sure the scheduler reads it.",
                    describe(&json!(schedule)),
                    describe(&json!(trimmed))
                ),
            )
            .param("field", "schedule")
            .param("invalidValue", schedule),
        );
        return true;
    }
    let Some(why) = problem else {
        return true;
    };
    let message = if why.is_empty() {
        format!(
            "The schedule {} is not a valid cron expression: use 5 to 7 space-separated fields of numbers, '*', ranges (1-5), steps (*/5) or lists (1,15), or @daily, @hourly, … or @every 1h30m. Names (MON, JAN) and '?' are not accepted.",
            describe(&json!(schedule))
        )
    } else {
        format!(
            "The schedule {} is not a valid cron expression: {why}. The fields are minute (0-59), hour (0-23), day of month (1-31), month (1-12) and day of week (0-7); six fields put seconds first, seven add the year.",
            describe(&json!(schedule))
        )
    };
    c.error(
        Issue::new(Code::InvalidSchedule, path, message)
            .param("field", "schedule")
            .param("invalidValue", schedule),
    );
    false
}
