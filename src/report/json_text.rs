//! JSON text input: parsing, `InvalidJsonInput` with positions, and positions for issues.
//!
//! Payloads given as text are parsed with serde_json (its recursion limit of 128 levels keeps
//! deep input from exhausting the stack). Positions are only computed when a report has
//! issues: one pass over the text records the offsets of the pointers the issues name.

use crate::report::budget::{MAX_DEPTH, MAX_INPUT_BYTES, MAX_NODES};
use crate::report::codes::Code;
use crate::report::pointer_tree::{PointerTree, Step};
use crate::report::{Issue, Report};
use serde_json::Value;

/// A payload: JSON text (parsed here, with positions on issues) or an already parsed value.
#[derive(Clone, Copy, Debug)]
pub enum Payload<'a> {
    /// JSON text, as read from a file or a request body.
    Text(&'a str),
    /// A parsed JSON value.
    Value(&'a Value),
}

impl<'a> From<&'a str> for Payload<'a> {
    fn from(text: &'a str) -> Self {
        Payload::Text(text)
    }
}

impl<'a> From<&'a String> for Payload<'a> {
    fn from(text: &'a String) -> Self {
        Payload::Text(text)
    }
}

impl<'a> From<&'a Value> for Payload<'a> {
    fn from(value: &'a Value) -> Self {
        Payload::Value(value)
    }
}

/// Runs `check` on a payload; for text, parses it first and puts line/column on every issue.
pub(crate) fn check_payload(payload: Payload<'_>, check: impl FnOnce(&Value) -> Report) -> Report {
    with_payload(payload, |value| ((), check(value))).1
}

/// [`check_payload`] for a check that also produces something (`None` when the text is not JSON).
pub(crate) fn with_payload<T>(payload: Payload<'_>, check: impl FnOnce(&Value) -> (T, Report)) -> (Option<T>, Report) {
    match payload {
        Payload::Value(value) => {
            let (result, report) = check(value);
            (Some(result), report)
        }
        Payload::Text(text) => with_text(text, |value| check(value)),
    }
}

/// JSON text parsed and checked, with positions from the text on the report; the check owns
/// the parsed value for the call (the secret masking changes it in place instead of copying it).
pub(crate) fn with_text<T>(text: &str, check: impl FnOnce(&mut Value) -> (T, Report)) -> (Option<T>, Report) {
    let text = strip_bom(text);
    match parse(text) {
        Ok(mut value) => {
            let (result, mut report) = check(&mut value);
            add_positions(&mut report, text);
            (Some(result), report)
        }
        Err(issue) => (None, Report::from_error(issue)),
    }
}

/// JSON text as a value (a leading byte-order mark skipped), within the budgets
/// (docs/api-notes.md): at most `MAX_INPUT_BYTES`,
/// about `MAX_NODES` values, `MAX_DEPTH` levels (serde_json's own limit). Anything else is
/// one `InvalidJsonInput` issue.
pub(crate) fn parse(text: &str) -> Result<Value, Issue> {
    let text = strip_bom(text);
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large(format!(
            "the text is {} bytes; the limit is {MAX_INPUT_BYTES} bytes (5 MiB)",
            text.len()
        )));
    }
    if !within_node_budget_by_length(text) && count_values(text.as_bytes()) > MAX_NODES {
        return Err(too_large(format!(
            "it holds more than {MAX_NODES} values, the limit for one payload"
        )));
    }
    serde_json::from_str::<Value>(text).or_else(|err| match without_lone_surrogates(text) {
        // Read as JSON.parse reads it, U+FFFD for the lone surrogate (as a JS string's lone
        // surrogate reads on every other path). Same length: positions stay right.
        Some(repaired) => serde_json::from_str::<Value>(&repaired).map_err(|err| invalid_json_issue(&repaired, &err)),
        None => Err(invalid_json_issue(text, &err)),
    })
}

/// [`parse`] for the `JSON.stringify` of a JS object: the caller never saw that text, so an
/// issue that points into it (serde_json's, a depth past the budget) is said as every other
/// failure to read an object is ([`unreadable_object`]), without a position.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the bindings' (and tests')
pub(crate) fn parse_unseen(text: &str) -> Result<Value, Issue> {
    parse(text).map_err(|issue| match issue.line {
        Some(_) => {
            let detail = issue.params.get("detailedErrorMessage").and_then(Value::as_str);
            unreadable_object(detail.unwrap_or_default().to_owned())
        }
        None => issue,
    })
}

/// A JS object that cannot be read as JSON, and why (`detail`, in our words).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the bindings' (and tests')
pub(crate) fn unreadable_object(detail: String) -> Issue {
    Issue::new(
        Code::InvalidJsonInput,
        "",
        format!("The payload cannot be read as JSON: {detail}."),
    )
    .param("detailedErrorMessage", detail)
}

/// Whether `text` is too short to hold more than `MAX_NODES` values: a value takes at least two
/// bytes (one and a separator). Longer text must be counted (`parse`); the fast paths, which do
/// not count, leave it to the full path.
pub(crate) fn within_node_budget_by_length(text: &str) -> bool {
    text.len() <= 2 * MAX_NODES
}

/// `text` with every `\u` escape of a lone surrogate (which JSON.stringify writes for one, and
/// serde_json refuses) replaced by `\ufffd`; `None` when it has none.
fn without_lone_surrogates(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        let hex = b.get(at..at + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        hex[2..]
            .iter()
            .try_fold(0u16, |n, &d| Some(n << 4 | (d as char).to_digit(16)? as u16))
    };
    let mut lone = Vec::new();
    let (mut i, mut in_string) = (0, false);
    while i < b.len() {
        match b[i] {
            b'"' => in_string = !in_string,
            b'\\' if in_string => match unit(i) {
                Some(0xD800..=0xDBFF) if matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) => {
                    i += 12;
                    continue;
                }
                Some(0xD800..=0xDFFF) => {
                    lone.push(i);
                    i += 6;
                    continue;
                }
                _ => i += 1, // skips the escaped character
            },
            _ => {}
        }
        i += 1;
    }
    if lone.is_empty() {
        return None;
    }
    let mut out = text.to_owned();
    for at in lone {
        out.replace_range(at..at + 6, "\\ufffd");
    }
    Some(out)
}

/// The `InvalidJsonInput` issue of a payload over a budget.
pub(crate) fn too_large(detail: String) -> Issue {
    Issue::new(
        Code::InvalidJsonInput,
        "",
        format!("The payload is too large to check: {detail}."),
    )
    .param("detailedErrorMessage", detail)
}

/// An upper bound of the values in JSON text: containers and separators outside strings.
fn count_values(b: &[u8]) -> usize {
    let (mut count, mut in_string, mut escaped) = (1, false, false);
    for &byte in b {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
        } else {
            match byte {
                b'"' => in_string = true,
                b',' | b'[' | b'{' => count += 1,
                _ => {}
            }
        }
    }
    count
}

/// A file saved with a byte-order mark is still JSON to a user; columns are counted after it.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn invalid_json_issue(text: &str, err: &serde_json::Error) -> Issue {
    // serde_json gives a 1-based line and a byte column pointing at the offending byte; at
    // end of input it points at the last byte, but the problem is after it.
    let offset = if err.is_eof() {
        text.len()
    } else {
        (line_start(text, err.line()) + err.column().saturating_sub(1)).min(text.len())
    };
    let (line, column) = positions(text, &[offset])[0];
    let detail = match without_position(&err.to_string()) {
        // serde_json's limit is the depth budget; say it in the budget's words.
        d if d == "recursion limit exceeded" => {
            format!("it is nested deeper than {MAX_DEPTH} levels, the limit for one payload")
        }
        d => d,
    };
    Issue::new(
        Code::InvalidJsonInput,
        "",
        format!("Request body does not contain valid JSON: {detail} (line {line}, column {column})."),
    )
    .param("detailedErrorMessage", detail)
    .at(line, column)
}

/// serde_json's messages end in " at line L column C"; we give our own UTF-16 position.
fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Byte offset at which 1-based `line` starts.
fn line_start(text: &str, line: usize) -> usize {
    match line {
        0 | 1 => 0,
        n => text.match_indices('\n').nth(n - 2).map_or(text.len(), |(i, _)| i + 1),
    }
}

/// 1-based line and 1-based UTF-16 column of each byte offset, in one sweep over the text
/// (sorting the offsets first), so a report with many issues stays linear in the text.
pub(crate) fn positions(text: &str, offsets: &[usize]) -> Vec<(u32, u32)> {
    let order = crate::report::sorted_indices(offsets.len(), &|a, b| offsets[a].cmp(&offsets[b]));
    let mut out = vec![(1, 1); offsets.len()];
    let (mut line, mut column, mut chars) = (1usize, 0usize, text.char_indices().peekable());
    for i in order {
        while let Some(&(at, ch)) = chars.peek() {
            if at >= offsets[i] {
                break;
            }
            if ch == '\n' {
                line += 1;
                column = 0;
            } else {
                column += ch.len_utf16();
            }
            chars.next();
        }
        out[i] = (to_u32(line), to_u32(column + 1));
    }
    out
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Puts line/column on every issue whose path (or, for a missing field, nearest existing
/// ancestor) is found in the text.
pub(crate) fn add_positions(report: &mut Report, text: &str) {
    // An issue about a context document (`source`) has its position in that document.
    let mut tree = PointerTree::new();
    let nodes: Vec<Option<usize>> = report
        .issues()
        .map(|issue| (!issue.params.contains_key("source")).then(|| tree.insert(&issue.path)))
        .collect();
    if nodes.iter().all(Option::is_none) {
        return;
    }
    let found = value_offsets(text, &tree);
    let offsets: Vec<Option<usize>> = nodes
        .iter()
        .map(|node| node.and_then(|node| tree.up_from(node).find_map(|n| found[n])))
        .collect();
    let known: Vec<usize> = offsets.iter().flatten().copied().collect();
    let mut located = positions(text, &known).into_iter();
    for (issue, offset) in report.issues_mut().zip(offsets) {
        if offset.is_some() {
            if let Some((line, column)) = located.next() {
                issue.line = Some(line);
                issue.column = Some(column);
            }
        }
    }
}

/// An open container that holds a wanted node: its node in the tree, and for an array the
/// index of the item being read.
enum Frame {
    Object { node: usize },
    Array { node: usize, index: usize },
}

/// The byte offset at which the value at each node of `tree` starts, by node (`None` where
/// the text has no such node). `text` must be valid JSON (it has been parsed); only
/// containers with a wanted node beneath are descended into, the rest are skipped bracket by
/// bracket, so this is one linear pass. With duplicate keys the last one wins, as in
/// serde_json: what was found in the one before is forgotten.
fn value_offsets(text: &str, tree: &PointerTree<'_>) -> Vec<Option<usize>> {
    let b = text.as_bytes();
    let mut found = vec![None; tree.len()];
    let mut stack: Vec<Frame> = Vec::new();
    // Where the value at `i` is in the tree (`None`: nothing wanted at or beneath it).
    let mut at = Some(PointerTree::ROOT);
    let mut i = skip_ws(b, 0);
    loop {
        if i >= b.len() {
            return found;
        }
        if let Some(node) = at {
            // A key written twice: the last one is the value (as in serde_json and
            // JSON.parse), so nothing found in the one before it stands.
            if found[node].replace(i).is_some() {
                tree.below(node).for_each(|n| found[n] = None);
            }
        }
        match (b[i], at) {
            (b'{' | b'[', Some(node)) if tree.has_children(node) => {
                let is_object = b[i] == b'{';
                i = skip_ws(b, i + 1);
                if b.get(i) == Some(&if is_object { b'}' } else { b']' }) {
                    i += 1;
                } else if is_object {
                    stack.push(Frame::Object { node });
                    (at, i) = enter_member(text, i, tree, node);
                    continue;
                } else {
                    stack.push(Frame::Array { node, index: 0 });
                    at = tree.child(node, Step::Item(0));
                    continue;
                }
            }
            _ => i = skip_value(b, i),
        }
        // After a value: commas move to the next member, closers pop frames.
        loop {
            i = skip_ws(b, i);
            let Some(frame) = stack.last_mut() else {
                return found;
            };
            match b.get(i) {
                Some(b',') => {
                    i = skip_ws(b, i + 1);
                    match frame {
                        Frame::Object { node } => (at, i) = enter_member(text, i, tree, *node),
                        Frame::Array { node, index } => {
                            *index += 1;
                            at = tree.child(*node, Step::Item(*index));
                        }
                    }
                    break;
                }
                Some(b'}' | b']') => {
                    stack.pop();
                    i += 1;
                }
                _ => return found,
            }
        }
    }
}

/// At an object member's key: the member's node under `parent` (if wanted) and the value's
/// offset.
fn enter_member(text: &str, i: usize, tree: &PointerTree<'_>, parent: usize) -> (Option<usize>, usize) {
    let b = text.as_bytes();
    let end = skip_string(b, i);
    let raw = text.get(i..end).unwrap_or("\"\"");
    let node = if raw.contains('\\') {
        // Read as a Value, not a String: a String's type error formats floats (size, issue 16).
        let key = serde_json::from_str::<Value>(raw)
            .or_else(|_| serde_json::from_str::<Value>(&without_lone_surrogates(raw).unwrap_or_default()))
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        tree.child(parent, Step::Member(&key))
    } else {
        tree.child(parent, Step::Member(raw.trim_matches('"')))
    };
    let colon = skip_ws(b, end);
    (node, skip_ws(b, colon + 1))
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// From an opening quote to just past the closing quote.
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// Skips one whole value of valid JSON, iteratively.
fn skip_value(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = skip_string(b, i);
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The offsets of the `wanted` pointers that the text has.
    fn offsets(text: &str, wanted: &[&str]) -> BTreeMap<String, usize> {
        let mut tree = PointerTree::new();
        let nodes: Vec<usize> = wanted.iter().map(|p| tree.insert(p)).collect();
        let found = value_offsets(text, &tree);
        (wanted.iter().zip(nodes))
            .filter_map(|(p, node)| Some(((*p).to_owned(), found[node]?)))
            .collect()
    }

    /// The depth budget is serde_json's own limit: a value `MAX_DEPTH` levels deep (inside
    /// `MAX_DEPTH - 1` containers) is read, one level more is an issue that names the budget,
    /// in objects and in arrays alike.
    #[test]
    fn nesting_past_the_depth_budget_is_named() {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = |containers: usize| format!("{}1{}", open.repeat(containers), close.repeat(containers));
            assert!(parse(&text(MAX_DEPTH - 1)).is_ok(), "{open} × {}", MAX_DEPTH - 1);
            let issue = parse(&text(MAX_DEPTH)).unwrap_err();
            assert_eq!(issue.code, Code::InvalidJsonInput);
            assert!(
                issue.message.contains("nested deeper than 128 levels"),
                "{}",
                issue.message
            );
        }
    }

    /// A key written twice: what only the first holds has no position (its nearest ancestor
    /// in the last one answers), in objects and in arrays.
    #[test]
    fn a_repeated_key_forgets_the_first() {
        let text = "{\"r\": {\"tag\": 1, \"url\": 2},\n\"r\": {\"url\": 3}}";
        let found = offsets(text, &["/r", "/r/tag", "/r/url"]);
        assert_eq!(&text[found["/r/url"]..found["/r/url"] + 1], "3");
        assert_eq!(&text[found["/r"]..found["/r"] + 1], "{");
        assert!(found["/r"] > text.find('\n').unwrap());
        assert!(!found.contains_key("/r/tag"));
        let text = "{\"c\": [{\"a\": 1}],\n\"c\": [{}]}";
        let found = offsets(text, &["/c", "/c/0", "/c/0/a"]);
        assert!(!found.contains_key("/c/0/a"));
        assert_eq!(&text[found["/c/0"]..found["/c/0"] + 2], "{}");
    }

    /// The text of a JS object (its JSON.stringify) is no one's to point into.
    #[test]
    fn an_unseen_text_has_no_positions() {
        let deep = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        let issue = parse_unseen(&deep).unwrap_err();
        assert_eq!(
            (issue.code, issue.line, issue.column),
            (Code::InvalidJsonInput, None, None)
        );
        assert_eq!(
            issue.message,
            "The payload cannot be read as JSON: it is nested deeper than 128 levels, the limit for one payload."
        );
        assert!(parse(&deep).unwrap_err().line.is_some());
    }

    #[test]
    fn finds_nested_values_and_skips_the_rest() {
        let text = r#"{"a": {"x": [1, {"y": "z"}]}, "b/c": [true, "q\"]", {"d": null}], "e~": 5}"#;
        let found = offsets(text, &["", "/b~1c", "/b~1c/2", "/b~1c/2/d", "/e~0"]);
        assert_eq!(found[""], 0);
        assert_eq!(&text[found["/b~1c/2/d"]..found["/b~1c/2/d"] + 4], "null");
        assert_eq!(&text[found["/e~0"]..found["/e~0"] + 1], "5");
        assert!(!found.contains_key("/a"));
    }

    #[test]
    fn lone_surrogate_escapes_read_as_u_fffd() {
        // A high, a low, a pair, an escaped backslash before a `u`, a lone high before a pair.
        let cases = [
            (r#"{"a\ud800": "\udc00x"}"#, "{\"a\u{fffd}\":\"\u{fffd}x\"}"),
            (r#"["\ud83d\ude00", "\ud83d"]"#, "[\"\u{1f600}\",\"\u{fffd}\"]"),
            (r#"["\\ud800"]"#, r#"["\\ud800"]"#),
            (r#"["\ud800\ud800\udc00"]"#, "[\"\u{fffd}\u{10000}\"]"),
        ];
        for (text, want) in cases {
            let got = parse(text).ok().map(|v| v.to_string());
            assert_eq!(got.as_deref(), Some(want), "{text}");
        }
        let text = "{\n  \"k\\ud800\": 1}";
        let found = offsets(text, &["", "/k\u{fffd}"]);
        assert_eq!(&text[found["/k\u{fffd}"]..found["/k\u{fffd}"] + 1], "1");
    }

    #[test]
    fn escaped_keys_and_duplicates() {
        let text = "{\"k\\u0065y\": 1,\n \"key\": 2}";
        let found = offsets(text, &["", "/key"]);
        assert_eq!(&text[found["/key"]..found["/key"] + 1], "2");
    }

    #[test]
    fn positions_count_utf16_units() {
        let text = "{\"a\": \"😀\", \"b\": 1}";
        let at_b = text.find('1').unwrap();
        // "{"a": "😀", "b": " — the emoji is 2 UTF-16 units but 4 bytes.
        assert_eq!(positions(text, &[at_b, 0, text.len()]), [(1, 18), (1, 1), (1, 20)]);
        assert_eq!(positions("a\nbc\n", &[4, 2, 6]), [(2, 3), (2, 1), (3, 1)]);
    }

    #[test]
    fn invalid_json_has_line_and_column() {
        let report = check_payload(Payload::Text("{\n  \"key\": \n"), |_| Report::default());
        let issue = &report.errors[0];
        assert_eq!(issue.code, Code::InvalidJsonInput);
        assert_eq!(issue.line, Some(3));
        assert_eq!(issue.column, Some(1));
        let report = check_payload(Payload::Text("{\"é\": x}"), |_| Report::default());
        assert_eq!((report.errors[0].line, report.errors[0].column), (Some(1), Some(7)));
        assert!(!report.errors[0].message.contains(" at line "));
    }

    #[test]
    fn bom_is_not_an_error() {
        let report = check_payload(Payload::Text("\u{feff}{}"), |_| Report::default());
        assert!(report.valid());
    }
}
