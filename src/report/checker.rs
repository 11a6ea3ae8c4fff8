//! The field rules every payload shares: required, type, enum, pattern, unknown fields.
//!
//! A `Checker` collects issues while a payload is walked; each payload module only says which
//! rule applies where. Messages name the field and what was expected, and never repeat a value
//! flagged as secured.

use crate::report::budget::{shown, MAX_ISSUES};
use crate::report::codes::Code;
use crate::report::{pointer_push, Issue, Loc, Report};
use serde_json::{Map, Value};

/// Collects the issues of one check, at most `MAX_ISSUES` of them (the rest are counted).
#[derive(Default)]
pub(crate) struct Checker {
    report: Report,
    omitted_errors: usize,
    omitted_warnings: usize,
}

/// Whether a value may be echoed in messages and `invalidValue`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Echo {
    Yes,
    /// A secured configuration value: never repeated anywhere in the output.
    Secured,
    /// Described by its JSON type only: what stands where a container belongs (it may be a
    /// container on the way to a secret in the wrong shape, `securedConfiguration: "S3CRET"`).
    Kind,
}

/// Whether an unknown field is an error (strict formats) or a warning (JSON payloads).
#[derive(Clone, Copy)]
pub(crate) enum Strictness {
    /// connect.yaml: the official schema rejects unknown keys.
    Error,
    /// JSON payloads: the API ignores unknown fields, but they are probably typos.
    Warn,
}

/// Names users write for a field that is not the nearest by spelling (connect.yaml scripts;
/// the irregular field names of the ConnectorStaged update actions).
const CONFUSIONS: &[(&str, &str)] = &[
    ("preDeploy", "postDeploy"),
    ("postUndeploy", "preUndeploy"),
    ("creatorLogoUrl", "logoUrl"),
    ("creatorLogo", "logoUrl"),
    ("supportedRegions", "regions"),
    ("privateProjects", "privateProject"),
    ("creatorNumberOfContributors", "creatorNoOfContributors"),
    ("limit", "take"),
    ("pageSize", "take"),
    ("offset", "skip"),
];

impl Checker {
    /// The report; past the issue budget, one `TooManyIssues` issue says how many more were
    /// found (an error when any omitted issue is one, so `valid` stays what it was).
    pub(crate) fn finish(mut self) -> Report {
        let (errors, warnings) = (self.omitted_errors, self.omitted_warnings);
        if errors + warnings > 0 {
            let message = format!(
                "{errors} more errors and {warnings} more warnings were found and not listed: a report lists at most {MAX_ISSUES} issues."
            );
            let issue = Issue::new(Code::TooManyIssues, "", message)
                .param("omittedErrors", errors)
                .param("omittedWarnings", warnings);
            if errors > 0 {
                self.report.errors.push(issue);
            } else {
                self.report.warnings.push(issue);
            }
        }
        self.report
    }

    /// Adds the issues of another check's report, within this one's budget (its own
    /// `TooManyIssues` becomes this one's count).
    pub(crate) fn absorb(&mut self, report: Report) {
        let counted = |issue: &Issue, name: &str| issue.params.get(name).and_then(Value::as_u64).unwrap_or(0) as usize;
        for issue in report.errors {
            if issue.code == Code::TooManyIssues {
                self.omitted_errors += counted(&issue, "omittedErrors");
                self.omitted_warnings += counted(&issue, "omittedWarnings");
            } else {
                self.error(issue);
            }
        }
        for issue in report.warnings {
            if issue.code == Code::TooManyIssues {
                self.omitted_warnings += counted(&issue, "omittedWarnings");
            } else {
                self.warning(issue);
            }
        }
    }

    /// How many errors were found so far (listed or counted past the budget).
    pub(crate) fn error_count(&self) -> usize {
        self.report.errors.len() + self.omitted_errors
    }

    /// Whether the report holds as many issues as it may: later ones are only counted.
    pub(crate) fn is_full(&self) -> bool {
        self.report.errors.len() + self.report.warnings.len() >= MAX_ISSUES
    }

    /// Past the budget an error takes the place of a listed warning (then counted among the
    /// omitted ones): a report full of warnings still lists its errors.
    pub(crate) fn error(&mut self, issue: Issue) {
        if !self.is_full() {
            self.report.errors.push(issue);
        } else if self.report.warnings.pop().is_some() {
            self.omitted_warnings += 1;
            self.report.errors.push(issue);
        } else {
            self.omitted_errors += 1;
        }
    }

    pub(crate) fn warning(&mut self, issue: Issue) {
        if self.is_full() {
            self.omitted_warnings += 1;
        } else {
            self.report.warnings.push(issue);
        }
    }

    /// `ConcurrentModification` when an update's `version` is not the resource's (every
    /// commercetools resource with a version answers so).
    pub(crate) fn version_matches(&mut self, version: &Value, current: Option<i64>, id: Option<&str>) {
        let (Some(sent), Some(current)) = (as_integer(version), current) else {
            return;
        };
        if sent != current {
            let mut issue = Issue::new(
                Code::ConcurrentModification,
                "/version",
                format!(
                    "Object {} has a different version than expected. Expected: {sent} - Actual: {current}.",
                    id.unwrap_or("…")
                ),
            )
            .param("expectedVersion", sent)
            .param("currentVersion", current);
            if let Some(id) = id {
                issue = issue.param("resourceId", id);
            }
            self.error(issue);
        }
    }

    /// `RequiredField` for `field` of the object at `parent`.
    /// `expected` (e.g. " (1 to 600 seconds)") follows the field's name in the message.
    pub(crate) fn required(&mut self, parent: &str, field: &str, expected: &str) {
        let message = format!("Field '{field}' is required{expected}.");
        self.error(Issue::new(Code::RequiredField, pointer_push(parent, field), message).param("field", field));
    }

    /// `InvalidField` for the value at `path`, saying what was expected.
    pub(crate) fn invalid(&mut self, path: Loc<'_>, field: &str, value: &Value, expected: &str, echo: Echo) {
        let message = match echo {
            Echo::Yes => format!("Field '{field}' {expected}; got {}.", describe(value)),
            Echo::Secured => format!(
                "Field '{field}' {expected}; got {} (a secured value, not shown).",
                a_kind(value)
            ),
            Echo::Kind => format!("Field '{field}' {expected}; got {}.", a_kind(value)),
        };
        let mut issue = Issue::new(Code::InvalidField, path.pointer(), message).param("field", field);
        if echo == Echo::Yes {
            issue = issue.param("invalidValue", value.clone());
        }
        self.error(issue);
    }

    /// The payload itself as an object, or an `InvalidField` issue at the root.
    pub(crate) fn root_object<'v>(&mut self, value: &'v Value, what: &str) -> Option<&'v Map<String, Value>> {
        let object = value.as_object();
        if object.is_none() {
            let message = format!("{what} must be a JSON object; got {}.", a_kind(value));
            self.error(Issue::new(Code::InvalidField, "", message));
        }
        object
    }

    /// The value as an object, or an `InvalidField` issue.
    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: Loc<'_>,
        field: &str,
    ) -> Option<&'v Map<String, Value>> {
        let object = value.as_object();
        if object.is_none() {
            self.invalid(path, field, value, "must be an object", Echo::Kind);
        }
        object
    }

    /// The value as an array, or an `InvalidField` issue.
    pub(crate) fn array<'v>(&mut self, value: &'v Value, path: Loc<'_>, field: &str) -> Option<&'v Vec<Value>> {
        let array = value.as_array();
        if array.is_none() {
            self.invalid(path, field, value, "must be an array", Echo::Kind);
        }
        array
    }

    /// The value as a string, or an `InvalidField` issue.
    pub(crate) fn string<'v>(&mut self, value: &'v Value, path: Loc<'_>, field: &str, echo: Echo) -> Option<&'v str> {
        let string = value.as_str();
        if string.is_none() {
            self.invalid(path, field, value, "must be a string", echo);
        }
        string
    }

    /// A non-empty string (not only whitespace, by [`is_blank`]), or an `InvalidField` issue.
    pub(crate) fn non_empty_string(&mut self, value: &Value, path: Loc<'_>, field: &str, echo: Echo) {
        if let Some(s) = self.string(value, path, field, echo) {
            if is_blank(s) {
                self.invalid(path, field, value, "must not be empty", echo);
            }
        }
    }

    /// A boolean, or an `InvalidField` issue.
    pub(crate) fn boolean(&mut self, value: &Value, path: Loc<'_>, field: &str) {
        if !value.is_boolean() {
            self.invalid(path, field, value, "must be a boolean (true or false)", Echo::Yes);
        }
    }

    /// A whole number of at least `min`, or an `InvalidField` issue.
    pub(crate) fn integer_at_least(&mut self, value: &Value, path: Loc<'_>, field: &str, min: i64) {
        self.integer_in(value, path, field, min, i64::MAX);
    }

    /// A whole number from `min` to `max`, or an `InvalidField` issue.
    pub(crate) fn integer_in(&mut self, value: &Value, path: Loc<'_>, field: &str, min: i64, max: i64) -> Option<i64> {
        match as_integer(value) {
            Some(n) if (min..=max).contains(&n) => return Some(n),
            Some(_) if max == i64::MAX => {
                self.invalid(path, field, value, &format!("must be at least {min}"), Echo::Yes)
            }
            Some(_) => self.invalid(path, field, value, &format!("must be from {min} to {max}"), Echo::Yes),
            None => self.invalid(path, field, value, "must be an integer", Echo::Yes),
        }
        None
    }

    /// One of `allowed`, or an `InvalidField` issue with `allowedValues` and a hint.
    pub(crate) fn one_of(&mut self, value: &Value, path: Loc<'_>, field: &str, allowed: &[&str]) {
        let Some(s) = self.string(value, path, field, Echo::Yes) else {
            return;
        };
        if allowed.contains(&s) {
            return;
        }
        let message = format!(
            "Field '{field}' must be one of {}; got {}.",
            allowed.join(", "),
            describe(value)
        );
        let issue = Issue::new(Code::InvalidField, path.pointer(), message)
            .param("field", field)
            .param("invalidValue", s)
            .param("allowedValues", allowed.to_vec());
        self.error(with_hint(issue, did_you_mean(s, allowed.iter().copied())));
    }

    /// A UUID (`8-4-4-4-12` hexadecimal digits), or an `InvalidField` issue. The UUID when it is one.
    pub(crate) fn uuid<'v>(&mut self, value: &'v Value, path: Loc<'_>, field: &str) -> Option<&'v str> {
        let s = self.string(value, path, field, Echo::Yes)?;
        if is_uuid(s) {
            return Some(s);
        }
        self.invalid(
            path,
            field,
            value,
            "must be a UUID (8-4-4-4-12 hexadecimal digits)",
            Echo::Yes,
        );
        None
    }

    /// A resource key or application name: 2..256 of `[A-Za-z0-9_-]`.
    pub(crate) fn key(&mut self, value: &Value, path: Loc<'_>, field: &str) {
        if let Some(s) = self.string(value, path, field, Echo::Yes) {
            if let Some(problem) = key_problem(s) {
                self.invalid(path, field, value, problem, Echo::Yes);
            }
        }
    }

    /// `UnknownField` for every member of `object` not in `known`, with a did-you-mean hint.
    pub(crate) fn unknown_fields(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        known: &[&str],
        strictness: Strictness,
    ) {
        for name in object.keys().filter(|k| !known.contains(&k.as_str())) {
            let makes_room = matches!(strictness, Strictness::Error) && !self.report.warnings.is_empty();
            if self.is_full() && !makes_room {
                // Counted only: no hint, no message (a million unknown fields stay linear).
                match strictness {
                    Strictness::Error => self.omitted_errors += 1,
                    Strictness::Warn => self.omitted_warnings += 1,
                }
                continue;
            }
            self.unknown_field(name, path, known, strictness, "");
        }
    }

    /// `UnknownField` for member `name` of the object at `path`; `why` is added to the message.
    pub(crate) fn unknown_field(&mut self, name: &str, path: &str, known: &[&str], strictness: Strictness, why: &str) {
        let hint = CONFUSIONS
            .iter()
            .find(|(wrong, right)| *wrong == name && known.contains(right))
            .map(|(_, right)| *right)
            .or_else(|| did_you_mean(name, known.iter().copied()));
        let message = format!("Unknown field '{}'.{why}", shown(name));
        let issue = with_hint(
            Issue::new(Code::UnknownField, pointer_push(path, name), message).param("field", name),
            hint,
        );
        match strictness {
            Strictness::Error => self.error(issue),
            Strictness::Warn => self.warning(issue),
        }
    }

    /// `DuplicateField` at the second occurrence of `value` in `field`.
    pub(crate) fn duplicate(&mut self, path: impl Into<String>, field: &str, value: &str) {
        let message = format!("'{}' appears twice in {field}: each may appear once.", shown(value));
        self.error(
            Issue::new(Code::DuplicateField, path, message)
                .param("field", field)
                .param("duplicateValue", value),
        );
    }
}

/// `8-4-4-4-12` hexadecimal digits (either case).
pub(crate) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &ch)| match i {
            8 | 13 | 18 | 23 => ch == b'-',
            _ => ch.is_ascii_hexdigit(),
        })
}

/// `issue` with " Did you mean 'h'?" at the end of its message and `didYouMean` beside it,
/// when there is a hint.
pub(crate) fn with_hint(mut issue: Issue, hint: Option<&str>) -> Issue {
    match hint {
        Some(h) => {
            issue.message.push_str(&format!(" Did you mean '{h}'?"));
            issue.param("didYouMean", h)
        }
        None => issue,
    }
}

/// Why `s` is not a valid resource key, if it is not: 2..256 of `[A-Za-z0-9_-]`.
pub(crate) fn key_problem(s: &str) -> Option<&'static str> {
    let allowed = s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    // The allowed characters are ASCII: then characters and bytes are the same count.
    let len = if allowed { s.len() } else { s.chars().count() };
    if !(2..=256).contains(&len) {
        Some("must be 2 to 256 characters long")
    } else if !allowed {
        Some("may only contain letters, digits, '_' and '-'")
    } else {
        None
    }
}

/// A whole number: JSON integers, and floats with no fractional part (JS has only doubles).
pub(crate) fn as_integer(value: &Value) -> Option<i64> {
    let n = value.as_number()?;
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    let f = n.as_f64()?;
    // 2^63 as f64; within ±2^63 the cast is exact for integral values.
    (f.fract() == 0.0 && f.abs() < 9.223_372_036_854_776e18).then_some(f as i64)
}

/// A short description of a value for messages: strings quoted and cut, others by kind.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::String(s) if s.chars().count() > 60 => {
            format!("\"{}…\"", s.chars().take(60).collect::<String>())
        }
        Value::String(s) => format!("\"{s}\""),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".to_owned(),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// The JSON type of a value with its article, revealing nothing of the value itself.
pub(crate) fn a_kind(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null => "null",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// How many candidates a did-you-mean hint looks at.
const MAX_HINT_CANDIDATES: usize = 128;

/// The longest input a did-you-mean hint considers: long inputs are not typos of short field
/// names, and this bounds the work (and lets the rows live on the stack).
const MAX_HINT_INPUT: usize = 64;

/// The closest candidate to `input`, when it is close enough to be a likely typo: the same
/// ignoring case, or within an edit distance of about a third of its length (a swap of two
/// neighbouring letters counts as one edit, so `regoin` suggests `region`), or the start of
/// a candidate at least four letters long (`standardConfig` suggests `standardConfiguration`).
/// The first of equally close candidates wins. Nothing is allocated: this runs for every
/// unknown field, and five vectors per candidate were a sixth of a small report's time.
pub(crate) fn did_you_mean<'c>(input: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    if input.len() > MAX_HINT_INPUT {
        return None;
    }
    let mut folded = ['\0'; MAX_HINT_INPUT];
    let mut length = 0;
    for ch in input.chars() {
        folded[length] = ch.to_ascii_lowercase();
        length += 1;
    }
    let lower = &folded[..length];
    let limit = (length / 3).max(1);
    let mut best: Option<(usize, &'c str)> = None;
    // A hint is for typos among a handful of names; this also bounds the work on huge lists.
    for c in candidates.take(MAX_HINT_CANDIDATES) {
        let c_length = c.chars().count();
        let d = if c_length == length && folded_eq(c, lower) {
            0
        } else if length >= 4 && c_length > length && folded_starts_with(c, lower) {
            1 // an abbreviation: standardConfig for standardConfiguration
        } else if c_length.abs_diff(length) > limit {
            continue; // the distance is at least the difference in length
        } else {
            match edit_distance_within(lower, c, limit) {
                Some(d) => d,
                None => continue,
            }
        };
        if d <= limit && best.is_none_or(|(least, _)| d < least) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

fn folded_eq(candidate: &str, lower: &[char]) -> bool {
    candidate
        .chars()
        .map(|ch| ch.to_ascii_lowercase())
        .eq(lower.iter().copied())
}

fn folded_starts_with(candidate: &str, lower: &[char]) -> bool {
    let mut chars = candidate.chars().map(|ch| ch.to_ascii_lowercase());
    lower.iter().all(|&l| chars.next() == Some(l))
}

/// The widest candidate the distance is computed for: the input's length plus the limit.
const MAX_HINT_CANDIDATE: usize = MAX_HINT_INPUT + MAX_HINT_INPUT / 3 + 1;

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions) between `a`
/// (folded) and `b` folded, or `None` as soon as it must exceed `limit`; three rolling rows on
/// the stack (`b` is at most `limit` longer than `a`, which is at most `MAX_HINT_INPUT`).
fn edit_distance_within(a: &[char], b: &str, limit: usize) -> Option<usize> {
    let mut b_folded = ['\0'; MAX_HINT_CANDIDATE];
    let mut width = 0;
    for ch in b.chars() {
        *b_folded.get_mut(width)? = ch.to_ascii_lowercase();
        width += 1;
    }
    let b = &b_folded[..width];
    // Distances never exceed the row's length (at most MAX_HINT_CANDIDATE): a byte holds them.
    let mut rows = [[0u8; MAX_HINT_CANDIDATE + 1]; 3];
    let (mut before, mut previous, mut current) = (0, 1, 2);
    for (j, cell) in rows[previous].iter_mut().enumerate().take(width + 1) {
        *cell = j as u8;
    }
    let limit = u8::try_from(limit).unwrap_or(u8::MAX);
    for i in 1..=a.len() {
        rows[current][0] = i as u8;
        for j in 1..=width {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[previous][j] + 1)
                .min(rows[current][j - 1] + 1)
                .min(rows[previous][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[before][j - 2] + 1);
            }
            rows[current][j] = d;
        }
        // Every path to the end passes through this row (a transposition only skips one).
        let least = |row: usize| rows[row][..=width].iter().copied().min().unwrap_or(0);
        if least(current) > limit && least(previous) > limit {
            return None;
        }
        (before, previous, current) = (previous, current, before);
    }
    Some(usize::from(rows[previous][width]))
}

/// Whether a string is empty or only whitespace as JavaScript's `trim()` sees it (the official
/// validator's "cannot be only whitespace"): ECMAScript's WhiteSpace and LineTerminator, which
/// include U+FEFF and leave out U+0085, unlike Rust's `str::trim`. The one rule for blank
/// strings, in every check.
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        matches!(
            c,
            '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
                ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
        )
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_typos_only() {
        let fields = [
            "key",
            "connector",
            "region",
            "type",
            "configurations",
            "globalConfiguration",
        ];
        assert_eq!(did_you_mean("regoin", fields.iter().copied()), Some("region"));
        assert_eq!(did_you_mean("Region", fields.iter().copied()), Some("region"));
        assert_eq!(
            did_you_mean("configuration", fields.iter().copied()),
            Some("configurations")
        );
        assert_eq!(did_you_mean("colour", fields.iter().copied()), None);
    }

    #[test]
    fn keys() {
        assert_eq!(key_problem("ab"), None);
        assert_eq!(key_problem(&"a".repeat(256)), None);
        assert!(key_problem("a").is_some());
        assert!(key_problem(&"a".repeat(257)).is_some());
        assert!(key_problem("my.key").is_some());
        assert!(key_problem("é-é").is_some());
    }

    #[test]
    fn integers() {
        assert_eq!(as_integer(&serde_json::json!(3)), Some(3));
        assert_eq!(as_integer(&serde_json::json!(3.0)), Some(3));
        assert_eq!(as_integer(&serde_json::json!(3.5)), None);
        assert_eq!(as_integer(&serde_json::json!(1e300)), None);
        assert_eq!(as_integer(&serde_json::json!("3")), None);
    }
}
