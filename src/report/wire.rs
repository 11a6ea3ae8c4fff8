//! The report wire: a Report as one string for the JS bindings, which build the Report object
//! from it (`reportFromWire` in src/bindings.js). `JSON.parse` of a report's JSON took more
//! time than the whole check of a small draft, and splitting a string on separators not much
//! less (each part is a new string); here JS reads numbers with `charCodeAt` and makes a
//! string only for each text a user reads (docs/decisions.md, "Reports crossing").
//!
//! The string is a sequence of numbers and texts. A number `n` below 0xD800 is the character
//! `n`; any other is U+E000 and three characters of 11 bits each, high first. A text is its
//! length in UTF-16 units (a number) and then itself. In order:
//! - the names table: where this call's new names start in it, how many follow, and each (a
//!   text). Codes and param names cross once per instance; later reports name them by index.
//! - the error count and the warning count;
//! - per issue: its code (an index into the names), the message and the path (texts), the
//!   line and the column plus one (0 when absent), the number of params, and per param its
//!   name (an index), its kind (0: the value is the text; 1: the text is the value's JSON),
//!   and the text.

use super::Report;
use serde_json::Value;

/// The names already sent to this instance's JS side, by index.
#[derive(Default)]
pub struct WireNames {
    sent: Vec<String>,
}

impl WireNames {
    fn index(&mut self, name: &str, fresh: &mut Vec<String>) -> u32 {
        let found = self.sent.iter().chain(fresh.iter()).position(|known| known == name);
        let index = found.unwrap_or_else(|| {
            fresh.push(name.to_owned());
            self.sent.len() + fresh.len() - 1
        });
        u32::try_from(index).unwrap_or(u32::MAX)
    }
}

/// The report's wire string; `names` remembers what this instance's JS side has been sent.
pub fn encode(report: &Report, names: &mut WireNames) -> String {
    let mut fresh = Vec::new();
    let mut body = String::with_capacity(160 * (report.errors.len() + report.warnings.len()) + 8);
    number(&mut body, count(report.errors.len()));
    number(&mut body, count(report.warnings.len()));
    for issue in report.issues() {
        number(&mut body, names.index(issue.code.as_str(), &mut fresh));
        text(&mut body, &issue.message);
        text(&mut body, &issue.path);
        number(&mut body, issue.line.map_or(0, |n| n.saturating_add(1)));
        number(&mut body, issue.column.map_or(0, |n| n.saturating_add(1)));
        number(&mut body, count(issue.params.len()));
        for (name, value) in &issue.params {
            number(&mut body, names.index(name, &mut fresh));
            match value {
                Value::String(s) => {
                    number(&mut body, 0);
                    text(&mut body, s);
                }
                other => {
                    number(&mut body, 1);
                    text(&mut body, &other.to_string());
                }
            }
        }
    }
    let mut out = String::with_capacity(body.len() + 16 * fresh.len() + 4);
    number(&mut out, count(names.sent.len()));
    number(&mut out, count(fresh.len()));
    for name in &fresh {
        text(&mut out, name);
    }
    out.push_str(&body);
    names.sent.extend(fresh);
    out
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn number(out: &mut String, n: u32) {
    match char::from_u32(n).filter(|_| n < 0xD800) {
        Some(ch) => out.push(ch),
        None => {
            out.push('\u{E000}');
            for shift in [22, 11, 0] {
                // 11 bits are below 0xD800: always a character.
                out.push(char::from_u32((n >> shift) & 0x7FF).unwrap_or('\0'));
            }
        }
    }
}

fn text(out: &mut String, s: &str) {
    let units = if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    };
    number(out, count(units));
    out.push_str(s);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::report::codes::Code;
    use crate::report::Issue;
    use proptest::prelude::*;

    /// The decoder of src/bindings.js, in Rust: the wire's JSON must equal the report's.
    struct Reader {
        units: Vec<u16>,
        at: usize,
    }

    impl Reader {
        fn number(&mut self) -> u32 {
            let c = u32::from(self.units[self.at]);
            self.at += 1;
            if c != 0xE000 {
                return c;
            }
            let mut n = 0u32;
            for _ in 0..3 {
                n = (n << 11) | u32::from(self.units[self.at]);
                self.at += 1;
            }
            n
        }
        fn text(&mut self) -> String {
            let n = self.number() as usize;
            let s = String::from_utf16(&self.units[self.at..self.at + n]).unwrap();
            self.at += n;
            s
        }
    }

    fn decode(wire: &str, table: &mut Vec<String>) -> Value {
        let mut r = Reader {
            units: wire.encode_utf16().collect(),
            at: 0,
        };
        let start = r.number() as usize;
        table.truncate(start);
        for _ in 0..r.number() {
            let name = r.text();
            table.push(name);
        }
        let (errors, warnings) = (r.number(), r.number());
        let mut issues = |n: u32| -> Value {
            (0..n)
                .map(|_| {
                    let mut issue = serde_json::Map::new();
                    issue.insert("code".into(), table[r.number() as usize].clone().into());
                    issue.insert("message".into(), r.text().into());
                    issue.insert("path".into(), r.text().into());
                    for field in ["line", "column"] {
                        let n = r.number();
                        if n > 0 {
                            issue.insert(field.into(), (n - 1).into());
                        }
                    }
                    for _ in 0..r.number() {
                        let name = table[r.number() as usize].clone();
                        let kind = r.number();
                        let text = r.text();
                        // JSON text stays text: JS's JSON.parse reads it (serde_json's float
                        // parsing is not exact without a feature the library does not use).
                        let value = if kind == 0 {
                            Value::String(text)
                        } else {
                            serde_json::json!({ "$json": text })
                        };
                        issue.insert(name, value);
                    }
                    Value::Object(issue)
                })
                .collect()
        };
        let errors = issues(errors);
        let warnings = issues(warnings);
        assert_eq!(r.at, r.units.len(), "the whole wire is read");
        serde_json::json!({ "valid": errors.as_array().unwrap().is_empty(), "errors": errors, "warnings": warnings })
    }

    /// The report's JSON, with each param that is not a string as `{"$json": its JSON text}`.
    fn json_marked(report: &Report) -> Value {
        let mut marked = report.clone();
        for issue in marked.errors.iter_mut().chain(marked.warnings.iter_mut()) {
            for value in issue.params.values_mut() {
                if !value.is_string() {
                    *value = serde_json::json!({ "$json": value.to_string() });
                }
            }
        }
        serde_json::to_value(&marked).unwrap()
    }

    fn any_text() -> impl Strategy<Value = String> {
        // Long runs, NUL, every plane (UTF-16 pairs), the escape character itself.
        prop_oneof![
            ".{0,40}",
            "[\u{0}\u{E000}\u{FFFF}\u{10000}\u{D7FF}a]{0,8}",
            Just("x".repeat(70_000))
        ]
    }

    fn any_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            any_text().prop_map(Value::String),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            any::<bool>().prop_map(Value::Bool),
            Just(Value::Null),
        ]
    }

    fn any_issue() -> impl Strategy<Value = Issue> {
        let codes: Vec<Code> = Code::ALL.to_vec();
        (
            proptest::sample::select(codes),
            any_text(),
            any_text(),
            proptest::option::of(any::<u32>()),
            proptest::option::of(any::<u32>()),
            proptest::collection::vec(("[a-zA-Z_]{1,12}|__proto__", any_value()), 0..4),
        )
            .prop_map(|(code, message, path, line, column, params)| {
                let mut issue = Issue::new(code, path, message);
                issue.line = line;
                issue.column = column;
                for (name, value) in params {
                    issue.params.insert(name, value);
                }
                issue
            })
    }

    #[test]
    fn wire_decodes_to_the_reports_json() {
        let reports = proptest::collection::vec(
            (
                proptest::collection::vec(any_issue(), 0..6),
                proptest::collection::vec(any_issue(), 0..6),
            ),
            1..4,
        );
        // One instance's names across several reports, then a fresh instance (the guard's
        // replacement) against the same JS table.
        crate::hits::assert_hit_rate("report wire", 256, 0.3, reports, |reports| {
            let mut table = Vec::new();
            let mut escaped = false;
            for names in [&mut WireNames::default(), &mut WireNames::default()] {
                for (errors, warnings) in &reports {
                    let report = Report {
                        errors: errors.clone(),
                        warnings: warnings.clone(),
                    };
                    let wire = encode(&report, names);
                    escaped |= wire.contains('\u{E000}');
                    prop_assert_eq!(decode(&wire, &mut table), json_marked(&report));
                }
            }
            Ok(escaped) // the branch: a number or text at or above 0xD800
        });
    }
}
