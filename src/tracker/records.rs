//! The tracker's records (seed 004): the POST body that records a deployment, the PATCH body
//! that changes its status, and a record as the API returns it (read by the views). One
//! table each.

use crate::report::checker::{Checker, Echo, Strictness};
use crate::report::json_text::{check_payload, Payload};
use crate::report::table::{self, field, required, Field};
use crate::report::{pointer_push, Loc, Report};
use crate::tracker::{STATUSES, TRACKER_DEPLOYMENT};
use serde_json::{Map, Value};

/// What a tracker value must be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TrackerRule {
    Uuid,
    /// A non-empty string.
    NonEmpty,
    /// Any string.
    Text,
    /// A git commit: 7 to 40 hexadecimal digits.
    CommitSha,
    /// Any object.
    Object,
    /// One of the machine's five statuses.
    Status,
    /// An RFC 3339 date-time (`instant`).
    DateTime,
}

/// `POST /api/v1/deployments` (the seed's example names every field).
pub(crate) static DEPLOYMENT: &[Field<TrackerRule>] = &[
    required("componentId", TrackerRule::Uuid, " (the component's UUID)"),
    required("environmentId", TrackerRule::Uuid, " (the environment's UUID)"),
    required("version", TrackerRule::NonEmpty, " (e.g. v2.3.1)"),
    field("deployedBy", TrackerRule::Text),
    field("commitSha", TrackerRule::CommitSha),
    field("description", TrackerRule::Text),
    field("metadata", TrackerRule::Object),
];

/// `PATCH /api/v1/deployments/:id`.
pub(crate) static STATUS_UPDATE: &[Field<TrackerRule>] = &[required(
    "status",
    TrackerRule::Status,
    " (pending, in_progress, succeeded, failed or rolled_back)",
)];

/// A record as the API lists it (`GET /api/v1/deployments`'s `data`): the fields the views
/// read. Other fields (`deployedBy`, `createdAt`, …) are the API's and pass unchecked.
pub(crate) static RECORD: &[Field<TrackerRule>] = &[
    field("id", TrackerRule::Text),
    required("componentId", TrackerRule::Uuid, ""),
    field("componentName", TrackerRule::Text),
    required("environmentId", TrackerRule::Uuid, ""),
    field("environmentName", TrackerRule::Text),
    required("version", TrackerRule::NonEmpty, ""),
    required("status", TrackerRule::Status, ""),
    field("deployedAt", TrackerRule::DateTime),
];

/// What a clean value of each rule is, for the fast paths (`report::table_fast`).
#[cfg(any(test, feature = "draft-fast-path"))]
impl crate::report::table_fast::FastRule for TrackerRule {
    fn clean(&self) -> crate::report::table_fast::Clean<TrackerRule> {
        use crate::report::table_fast::Clean;
        match self {
            TrackerRule::Uuid => Clean::Text {
                test: crate::report::checker::is_uuid,
                js: "isUuid",
            },
            TrackerRule::NonEmpty => Clean::non_blank(),
            TrackerRule::Text => Clean::any_text(),
            TrackerRule::CommitSha => Clean::Text {
                test: is_commit_sha,
                js: "isCommitSha",
            },
            TrackerRule::Object => Clean::AnyObject,
            TrackerRule::Status => Clean::OneOf(STATUSES),
            TrackerRule::DateTime => Clean::Text {
                test: |s| instant(s).is_some(),
                js: "notCheckedHere",
            },
        }
    }
}

#[cfg(test)]
pub(crate) fn js_filter_deployment() -> String {
    crate::report::table_fast::js_filter("isCleanTrackerDeployment", &[DEPLOYMENT])
}

#[cfg(test)]
pub(crate) fn js_filter_status_update() -> String {
    crate::report::table_fast::js_filter("isCleanTrackerStatusUpdate", &[STATUS_UPDATE])
}

/// A git commit: 7 to 40 hexadecimal digits.
fn is_commit_sha(sha: &str) -> bool {
    (7..=40).contains(&sha.len()) && sha.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Checks the body that records a deployment.
///
/// ```
/// use serde_json::json;
/// let body = json!({"componentId": "550e8400-e29b-41d4-a716-446655440001",
///     "environmentId": "550e8400-e29b-41d4-a716-446655440010", "version": "v2.3.1", "commitSha": "a1b2c3d4e5f6"});
/// assert!(connect_preflight::validate_tracker_deployment(&body).valid());
/// ```
pub fn validate_tracker_deployment<'a>(payload: impl Into<Payload<'a>>) -> Report {
    let payload = payload.into();
    // Clean text needs no tree (docs/decisions.md, "Fast paths from the tables").
    if crate::report::table_fast::is_clean_text(payload, DEPLOYMENT) {
        return Report::default();
    }
    check_payload(payload, |value| {
        let mut c = Checker::default();
        if let Some(body) = c.root_object(value, "A tracker deployment") {
            check_object(&mut c, body, "", DEPLOYMENT);
            c.unknown_fields(body, "", &table::names(DEPLOYMENT), Strictness::Warn);
        }
        c.finish()
    })
}

/// Checks a status update; with `current` (a record, or its status), also that the machine
/// has the move. `Err` when `current` is neither (API misuse).
///
/// ```
/// use serde_json::json;
/// let report = connect_preflight::validate_tracker_status_update(&json!({"status": "succeeded"}), Some(&json!("pending"))).unwrap();
/// assert_eq!(report.errors[0].code.as_str(), "InvalidStatusTransition");
/// ```
pub fn validate_tracker_status_update<'a>(
    update: impl Into<Payload<'a>>,
    current: Option<&Value>,
) -> Result<Report, String> {
    let current = match current {
        None | Some(Value::Null) => None,
        Some(Value::String(status)) => Some((Value::from(status.as_str()), "")),
        Some(Value::Object(record)) => Some((record.get("status").cloned().unwrap_or(Value::Null), "/status")),
        Some(_) => return Err(
            "validateTrackerStatusUpdate: current must be a tracker deployment record, its status string, or undefined"
                .to_owned(),
        ),
    };
    let update = update.into();
    // Clean text with no current status needs no tree (docs/decisions.md, "Fast paths from the tables").
    if current.is_none() && crate::report::table_fast::is_clean_text(update, STATUS_UPDATE) {
        return Ok(Report::default());
    }
    Ok(check_payload(update, |value| {
        let mut c = Checker::default();
        let Some(update) = c.root_object(value, "A status update") else {
            return c.finish();
        };
        check_object(&mut c, update, "", STATUS_UPDATE);
        c.unknown_fields(update, "", &table::names(STATUS_UPDATE), Strictness::Warn);
        let (Some((from, from_path)), Some(to)) = (current, update.get("status")) else {
            return c.finish();
        };
        // The current status is not the payload's: its problems say so (`source: "current"`).
        let mut own = Checker::default();
        own.one_of(&from, Loc::At(from_path), "status", STATUSES);
        for issue in own.finish().errors {
            c.error(issue.param("source", "current"));
        }
        if from.as_str().is_some_and(|s| STATUSES.contains(&s)) && to.as_str().is_some_and(|s| STATUSES.contains(&s)) {
            for mut issue in TRACKER_DEPLOYMENT.check(&from, to).errors {
                issue.path = "/status".into();
                c.error(issue);
            }
        }
        c.finish()
    }))
}

/// The fields of `object` by `fields` (unknown ones are the caller's).
pub(crate) fn check_object(
    c: &mut Checker,
    object: &Map<String, Value>,
    path: &str,
    fields: &'static [Field<TrackerRule>],
) {
    table::check_fields(c, object, path, fields, |c, field, value| {
        check_rule(c, field.rule, value, path, field.name);
    });
}

fn check_rule(c: &mut Checker, rule: TrackerRule, value: &Value, parent: &str, name: &str) {
    let at = Loc::Field(parent, name);
    match rule {
        TrackerRule::Uuid => {
            c.uuid(value, at, name);
        }
        TrackerRule::NonEmpty => c.non_empty_string(value, at, name, Echo::Yes),
        TrackerRule::Text => {
            c.string(value, at, name, Echo::Yes);
        }
        TrackerRule::CommitSha => {
            if let Some(sha) = c.string(value, at, name, Echo::Yes) {
                if !is_commit_sha(sha) {
                    c.invalid(
                        at,
                        name,
                        value,
                        "must be a git commit: 7 to 40 hexadecimal digits",
                        Echo::Yes,
                    );
                }
            }
        }
        TrackerRule::Object => {
            c.object(value, Loc::At(&pointer_push(parent, name)), name);
        }
        TrackerRule::Status => c.one_of(value, at, name, STATUSES),
        TrackerRule::DateTime => {
            if let Some(s) = c.string(value, at, name, Echo::Yes) {
                if instant(s).is_none() {
                    c.invalid(
                        at,
                        name,
                        value,
                        "must be an RFC 3339 date-time, e.g. 2026-12-01T10:00:00Z",
                        Echo::Yes,
                    );
                }
            }
        }
    }
}

/// An RFC 3339 date-time (`2026-12-01T10:00:00.5+01:00`) as nanoseconds since 1970 UTC, for
/// comparing records; `None` when it is not one.
pub(crate) fn instant(s: &str) -> Option<i128> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| -> Option<i64> {
        let part = b.get(from..from + n)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0')))
    };
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&month) || day < 1 || day > month_days[(month - 1) as usize] {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut i = 19;
    let mut nanos: i64 = 0;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
        let fraction = &s[start..i.min(start + 9)];
        nanos = fraction.parse::<i64>().ok()? * 10i64.pow(9 - fraction.len() as u32);
    }
    let offset_minutes = match b.get(i) {
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if i + 6 == b.len() && b[i + 3] == b':' => {
            let (h, m) = (digits(i + 1, 2)?, digits(i + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            if *sign == b'+' {
                h * 60 + m
            } else {
                -(h * 60 + m)
            }
        }
        _ => return None,
    };
    // Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(i128::from(seconds) * 1_000_000_000 + i128::from(nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_compare_across_offsets() {
        let utc = instant("2026-12-01T10:00:00Z").unwrap_or_default();
        assert_eq!(utc, 1_796_119_200 * 1_000_000_000);
        assert_eq!(instant("2026-12-01T11:00:00+01:00"), Some(utc));
        assert_eq!(instant("2026-12-01t10:00:00.5z"), Some(utc + 500_000_000));
        assert_eq!(instant("1970-01-01T00:00:00Z"), Some(0));
        assert!(instant("2024-02-29T00:00:00Z").is_some());
        for bad in [
            "2025-02-29T00:00:00Z",
            "2026-12-01",
            "2026-12-01T10:00:00",
            "2026-13-01T10:00:00Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T10:00:00.Z",
            "2026-12-01T10:00:00+0100",
            "2026-12-01T10:00:00Z ",
            "２０２６-12-01T10:00:00Z",
        ] {
            assert_eq!(instant(bad), None, "{bad}");
        }
    }
}
