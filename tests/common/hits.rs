//! Property tests that say how often they reached what they are about (a property test that
//! never reaches its branch checks nothing). Shared by the integration tests
//! (`tests/common`) and the unit tests in `src/` (included there by path).
//!
//! The seed is proptest's: fixed by `PROPTEST_RNG_SEED` (scripts/test-all.sh sets and prints
//! it), so a failure reproduces with the same variable.
#![allow(dead_code, unreachable_pub)]

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::cell::Cell;

/// Runs `cases` cases of `strategy` through `test` (which fails by `prop_assert!` or a panic,
/// shrunk by proptest as usual, and answers whether the case reached the branch under test); then
/// asserts that at least `min_rate` of the cases reached it, and prints the rate.
pub fn assert_hit_rate<S: Strategy>(
    name: &str,
    cases: u32,
    min_rate: f64,
    strategy: S,
    test: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) -> f64 {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let (hits, runs) = (Cell::new(0u32), Cell::new(0u32));
    let result = runner.run(&strategy, |value| {
        runs.set(runs.get() + 1);
        if test(value)? {
            hits.set(hits.get() + 1);
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{name}: {failure}");
    }
    let rate = f64::from(hits.get()) / f64::from(runs.get().max(1));
    eprintln!(
        "{name}: {} of {} cases reached the branch ({:.1} %)",
        hits.get(),
        runs.get(),
        rate * 100.0
    );
    assert!(
        rate >= min_rate,
        "{name}: only {:.1} % of the cases reached the branch (at least {:.0} % wanted)",
        rate * 100.0,
        min_rate * 100.0
    );
    rate
}

/// A line edit of a text, as a mutation test draws it: (which line, which edit, junk).
pub type LineEdit = (usize, usize, String);

/// `template` with the line edits applied: delete, duplicate, indent, cut in half, junk at
/// the end or in the middle, unindent, swap with the next line. Shared by the mutation tests
/// of the YAML readers. Ends in a line break.
pub fn line_edits(template: &str, edits: Vec<LineEdit>) -> String {
    let mut lines: Vec<String> = template.lines().map(str::to_owned).collect();
    for (at, op, junk) in edits {
        if lines.is_empty() {
            break;
        }
        let i = at % lines.len();
        match op % 8 {
            0 if lines.len() > 1 => {
                lines.remove(i);
            }
            1 => {
                let line = lines[i].clone();
                lines.insert(i, line);
            }
            2 => lines[i].insert(0, ' '),
            3 => {
                let cut = lines[i].len() / 2;
                if lines[i].is_char_boundary(cut) {
                    lines[i].truncate(cut);
                }
            }
            4 => lines[i].push_str(&junk),
            5 => {
                let at = lines[i].len() / 2;
                if lines[i].is_char_boundary(at) {
                    lines[i].insert_str(at, &junk);
                }
            }
            6 => lines[i] = lines[i].trim_start().to_owned(),
            _ => {
                let j = (i + 1) % lines.len();
                lines.swap(i, j);
            }
        }
    }
    format!("{}\n", lines.join("\n"))
}
