//! A fast path for the YAML that connect.yaml files are written in: block mappings and
//! sequences, plain and quoted one-line scalars, comments, `[]`/`{}` and one-line flow lists
//! of scalars. It reads bytes, not characters, and builds the value directly.
//!
//! It answers only when it is sure to give exactly what the full parser (saphyr-parser plus
//! our resolver) gives; anything else — anchors, aliases, tags, block scalars, multi-line
//! scalars, other flow collections, tabs, quoted keys, duplicate keys, document markers, any
//! error — returns `None`, and the full parser reads the text (errors always come from there).
//! It also finds the positions of nodes for reports with issues (`locate`), declining where
//! it is not certain to match the full parser (empty values, nodes inside flow lists). The
//! unit tests below check values and positions against the full parser on every input this
//! path accepts.

use crate::report::pointer_tree::{PointerTree, Step};
use crate::yaml::{resolve_plain, Located, Pos};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Deeper block nesting is left to the full parser (real files are 6 levels deep).
const MAX_DEPTH: usize = 32;

struct Line<'t> {
    /// 1-based.
    number: usize,
    /// The whole line, without a trailing `\r` (for columns).
    raw: &'t str,
    indent: usize,
    /// The line after its indentation, trailing spaces trimmed.
    content: &'t str,
}

impl Line<'_> {
    /// The position of `part`, a slice of this line (UTF-16 column, as everywhere).
    fn pos(&self, part: &str) -> Pos {
        let offset = (part.as_ptr() as usize)
            .saturating_sub(self.raw.as_ptr() as usize)
            .min(self.raw.len());
        let column = self.raw.get(..offset).map_or(offset, |before| {
            if before.is_ascii() {
                offset
            } else {
                before.encode_utf16().count()
            }
        });
        Pos {
            line: u32::try_from(self.number).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }
}

/// The value of `text`, or `None` when the full parser must read it.
pub(crate) fn parse(text: &str) -> Option<Value> {
    read(text, None).map(|(value, _)| value)
}

/// The positions of the `wanted` pointers (as `yaml::locate` gives them), or `None` when the
/// full parser must find them. Only for a text that [`parse`] read: it rebuilds no values,
/// repeats none of the checks that reading made, and passes over a subtree with nothing wanted
/// in it by indentation alone (the second pass costs a fraction of the first).
pub(crate) fn locate(text: &str, wanted: &BTreeSet<&str>) -> Option<BTreeMap<String, Located>> {
    read(text, Some(wanted)).map(|(_, found)| found)
}

fn read(text: &str, wanted: Option<&BTreeSet<&str>>) -> Option<(Value, BTreeMap<String, Located>)> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut number = 0;
    while start <= bytes.len() {
        let end = line_end(bytes, start)?;
        number += 1;
        let raw = text.get(start..end)?;
        start = end + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let content = raw.trim_start_matches(' ');
        // Tabs as indentation: the full parser's business.
        if content.starts_with('\t') {
            return None;
        }
        let content = content.trim_end_matches([' ', '\t']);
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if raw.starts_with("---") || raw.starts_with("...") || raw.starts_with('%') {
            return None;
        }
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        lines.push(Line {
            number,
            raw,
            indent,
            content,
        });
    }
    let first = lines.first()?;
    if first.indent != 0 {
        return None;
    }
    let root = first.pos(first.content);
    let wanted = wanted.map(PointerTree::of);
    let top = wanted.as_ref().map(|_| PointerTree::ROOT);
    let mut reader = LineReader {
        lines,
        next: 0,
        wanted,
        found: BTreeMap::new(),
        unsure: false,
    };
    reader.record(top, root, None);
    let value = reader.block(0, 0, top)?;
    (reader.next == reader.lines.len() && !reader.unsure).then_some((value, reader.found))
}

/// The end of the line starting at `start` (its `\n`, or the end of the text), or `None` when
/// the line holds a control character other than a tab (or a CR before the LF).
fn line_end(bytes: &[u8], start: usize) -> Option<usize> {
    // Any byte of `x` below 0x20 (exact as a yes/no; the classic "has less than" bit trick).
    const fn has_control(x: u64) -> bool {
        x.wrapping_sub(0x2020_2020_2020_2020) & !x & 0x8080_8080_8080_8080 != 0
    }
    let mut i = start;
    loop {
        // Eight bytes at a time while none is a control character (the usual case).
        if let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            if !has_control(u64::from_le_bytes(chunk)) {
                i += 8;
                continue;
            }
        }
        match bytes.get(i) {
            None | Some(b'\n') => return Some(i),
            Some(&b) if b < 0x20 && b != b'\t' && !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) => return None,
            Some(_) => i += 1,
        }
    }
}

/// Where the walk is in the [`PointerTree`] of the wanted pointers: a node, or `None` in a
/// subtree with nothing wanted in it (and always `None` when only reading).
type At = Option<usize>;

struct LineReader<'t, 'w> {
    lines: Vec<Line<'t>>,
    next: usize,
    /// When locating: the pointers whose positions are wanted, and those found.
    wanted: Option<PointerTree<'w>>,
    found: BTreeMap<String, Located>,
    /// A wanted node whose position might differ from the full parser's.
    unsure: bool,
}

fn is_item(content: &str) -> bool {
    content == "-" || content.starts_with("- ")
}

impl<'t> LineReader<'t, '_> {
    fn peek(&self) -> Option<&Line<'t>> {
        self.lines.get(self.next)
    }

    /// Where a member (`Ok(key)`) or item (`Err(index)`) of the node at `parent` is.
    fn child(&self, parent: At, step: Step<'_>) -> At {
        self.wanted.as_ref()?.child(parent?, step)
    }

    /// Where `part` (a slice of line `line`) is, the position of the node at `at`; computed
    /// only when locating, and only at or above a wanted node (the column is counted in UTF-16
    /// units: for every node of a file, that was most of the locating pass).
    fn pos(&self, line: usize, part: &str, at: At) -> Pos {
        match at {
            Some(_) => self.lines[line].pos(part),
            None => Pos { line: 0, column: 0 },
        }
    }

    fn record(&mut self, at: At, value: Pos, key: Option<Pos>) {
        let pointer = self.wanted.as_ref().zip(at).and_then(|(w, at)| w.pointer(at));
        if let Some(pointer) = pointer {
            self.found.insert(pointer.to_owned(), Located { value, key });
        }
    }

    /// Whether the node at `at` is passed over: when locating, a node with nothing wanted in
    /// it is skipped by its lines' indentation alone, as the first pass read it already.
    fn passes_over(&self, at: At) -> bool {
        self.wanted.is_some() && at.is_none()
    }

    /// Past the lines indented deeper than `indent`: what an item at `indent` holds.
    fn skip_deeper(&mut self, indent: usize) {
        while self.peek().is_some_and(|l| l.indent > indent) {
            self.next += 1;
        }
    }

    /// Past the value of `key:` at `indent` with nothing after it ([`Self::nested`]): a
    /// deeper block, or a sequence at the key's own indentation.
    fn skip_nested(&mut self, indent: usize) {
        if self.peek().is_some_and(|l| l.indent > indent) {
            self.skip_deeper(indent);
            return;
        }
        while self.peek().is_some_and(|l| l.indent == indent && is_item(l.content)) {
            self.next += 1;
            self.skip_deeper(indent);
        }
    }

    /// Declines when the node at `at` or one beneath it is wanted (every tree node is):
    /// we do not reproduce its position.
    fn unsure_of(&mut self, at: At) {
        self.unsure |= at.is_some();
    }

    /// The block collection starting at the next line, whose indentation is `indent`.
    fn block(&mut self, indent: usize, depth: usize, at: At) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        let line = self.peek()?;
        if line.indent != indent {
            return None;
        }
        if is_item(line.content) {
            self.sequence(indent, depth, at)
        } else {
            let mut map = Map::new();
            self.mapping(indent, depth, &mut map, at)?;
            Some(Value::Object(map))
        }
    }

    fn sequence(&mut self, indent: usize, depth: usize, at: At) -> Option<Value> {
        let mut items = Vec::new();
        while let Some(line) = self.peek() {
            if line.indent != indent || !is_item(line.content) {
                break;
            }
            let at_line = self.next;
            let content = line.content;
            self.next += 1;
            let rest = content[1..].trim_start_matches(' ');
            let child = self.child(at, Step::Item(items.len()));
            if self.passes_over(child) {
                self.skip_deeper(indent);
                items.push(Value::Null);
                continue;
            }
            if rest.is_empty() {
                // `-` then another `-` at the same indentation: two null items, not a nested
                // sequence (that reading is for a key's value). Rare: left to the full parser.
                if self.peek().is_some_and(|l| l.indent == indent && is_item(l.content)) {
                    return None;
                }
                let value = self.nested_value(indent, depth, child, None)?;
                items.push(value);
            } else if rest.starts_with('#') {
                return None;
            } else if let Some((key, value)) = split_entry(rest) {
                // `- key: value`: a mapping whose keys line up with `key`, placed at `key`.
                let pos = self.pos(at_line, key, child);
                self.record(child, pos, None);
                let key_indent = indent + (content.len() - rest.len());
                let mut map = Map::new();
                self.entry(at_line, (key, value), key_indent, depth + 1, &mut map, child)?;
                self.mapping(key_indent, depth + 1, &mut map, child)?;
                items.push(Value::Object(map));
            } else {
                let pos = self.pos(at_line, rest, child);
                self.record(child, pos, None);
                items.push(self.inline_value(rest, child)?);
                self.no_continuation(indent)?;
            }
        }
        Some(Value::Array(items))
    }

    /// Entries at `indent` into `map`.
    fn mapping(&mut self, indent: usize, depth: usize, map: &mut Map<String, Value>, at: At) -> Option<()> {
        while let Some(line) = self.peek() {
            if line.indent < indent || (line.indent == indent && is_item(line.content)) {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let entry = split_entry(line.content)?;
            let at_line = self.next;
            self.next += 1;
            self.entry(at_line, entry, indent, depth, map, at)?;
        }
        Some(())
    }

    /// One `key: value` (or `key:` with a nested block), read from line `at_line`, of a
    /// mapping at `indent`.
    fn entry(
        &mut self,
        at_line: usize,
        (key, value): (&str, &str),
        indent: usize,
        depth: usize,
        map: &mut Map<String, Value>,
        at: At,
    ) -> Option<()> {
        let child = self.child(at, Step::Member(key));
        if self.passes_over(child) {
            if value.is_empty() {
                self.skip_nested(indent);
            }
            return Some(());
        }
        let key_pos = self.pos(at_line, key, child);
        let value = if value.is_empty() {
            self.nested_value(indent, depth, child, Some(key_pos))?
        } else {
            let pos = self.pos(at_line, value, child);
            self.record(child, pos, Some(key_pos));
            let v = self.inline_value(value, child)?;
            self.no_continuation(indent)?;
            v
        };
        if self.wanted.is_some() {
            return Some(()); // values are not kept when locating
        }
        // A duplicate key is an error: the full parser reports it, with its position.
        map.insert(key.to_owned(), value).is_none().then_some(())
    }

    /// [`Self::nested`], recording where the nested collection starts.
    fn nested_value(&mut self, indent: usize, depth: usize, at: At, key: Option<Pos>) -> Option<Value> {
        let pos = at.and(self.peek()).and_then(|line| {
            if line.indent > indent {
                Some(line.pos(line.content))
            } else {
                // A sequence at its key's own indentation starts at its `-` too, as in yaml@2
                // (`yaml::at_its_dash`); with nothing after the `-`, the full parser's mark is
                // elsewhere.
                let first = line.content.get(1..)?.trim_start_matches(' ');
                (!first.is_empty()).then(|| line.pos(line.content))
            }
        });
        let value = self.nested(indent, depth, at)?;
        match (pos, &value) {
            (Some(pos), Value::Object(_) | Value::Array(_)) => self.record(at, pos, key),
            // Where the full parser puts an empty value is its own affair.
            _ => self.unsure_of(at),
        }
        Some(value)
    }

    /// A one-line value; positions inside a flow list are left to the full parser. When
    /// locating, the value was read already: only whether it is a list matters.
    fn inline_value(&mut self, text: &str, at: At) -> Option<Value> {
        let Some(wanted) = &self.wanted else {
            return inline(text);
        };
        // A node inside the list is wanted.
        if text.starts_with('[') && at.is_some_and(|at| wanted.has_children(at)) {
            self.unsure = true;
        }
        Some(Value::Null)
    }

    /// The value of `key:` or `-` with nothing after it: a block indented deeper (or, under a
    /// key, a sequence at the key's own indentation), else null.
    fn nested(&mut self, indent: usize, depth: usize, at: At) -> Option<Value> {
        match self.peek() {
            Some(line) if line.indent > indent => {
                let inner = line.indent;
                self.block(inner, depth + 1, at)
            }
            Some(line) if line.indent == indent && is_item(line.content) => self.sequence(indent, depth + 1, at),
            _ => Some(Value::Null),
        }
    }

    /// After a one-line value, a deeper line would continue it (a multi-line scalar).
    fn no_continuation(&self, indent: usize) -> Option<()> {
        match self.peek() {
            Some(line) if line.indent > indent => None,
            _ => Some(()),
        }
    }
}

/// `key: value` or `key:` (spaces before the colon allowed) with a simple key: letters, digits and `_-./`, not starting with
/// an indicator. The value is what follows `: `, comments and spaces trimmed later.
fn split_entry(content: &str) -> Option<(&str, &str)> {
    let bytes = content.as_bytes();
    let key_len = bytes
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/'))
        .count();
    let key = &content[..key_len];
    // `KEY : value` too: a plain key ends before its trailing spaces (the legacy templates).
    let after = content[key_len..].trim_start_matches(' ').strip_prefix(':')?;
    if key.is_empty() || key.starts_with(['-', '.', '/']) || !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let value = after.trim_start_matches(' ');
    Some((key, if value.starts_with('#') { "" } else { value }))
}

/// A one-line value: a quoted scalar, a plain scalar, `[]`, `{}` or a flow list of scalars.
fn inline(text: &str) -> Option<Value> {
    let (value, rest) = match text.as_bytes().first()? {
        b'"' => double_quoted(text)?,
        b'\'' => single_quoted(text)?,
        b'[' => flow_list(text)?,
        b'{' => (Value::Object(Map::new()), text.strip_prefix("{}")?),
        _ => return plain(text),
    };
    // A comment must be separated from the value by a blank (`'x'#c` is an error).
    let after = rest.trim_start_matches(' ');
    let separated = after.len() < rest.len();
    (after.is_empty() || (separated && after.starts_with('#'))).then_some(value)
}

/// A plain scalar up to a comment. Anything a plain scalar may not hold, or that would make
/// the line mean something else, is left to the full parser.
fn plain(text: &str) -> Option<Value> {
    let bytes = text.as_bytes();
    let starts_badly = matches!(
        bytes.first()?,
        b'&' | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'%'
            | b'@'
            | b'`'
            | b'?'
            | b':'
            | b'-'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'"'
            | b'\''
    );
    if starts_badly {
        return None;
    }
    // One pass: a comment (` #`) ends the scalar; `: ` or a final `:` would make the line a
    // mapping, and a tab is the full parser's business.
    let mut end = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\t' => return None,
            b' ' if bytes.get(i + 1) == Some(&b'#') => {
                end = i;
                break;
            }
            b':' if matches!(bytes.get(i + 1), None | Some(b' ')) => return None,
            _ => {}
        }
    }
    Some(resolve_plain(text[..end].trim_end_matches(' ')))
}

/// `"..."` with the common escapes; returns the string and what follows the closing quote.
fn double_quoted(text: &str) -> Option<(Value, &str)> {
    let body = &text[1..];
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((Value::String(out), &body[i + 1..])),
            '\\' => out.push(match chars.next()?.1 {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'n' => '\n',
                't' => '\t',
                _ => return None,
            }),
            _ => out.push(c),
        }
    }
    None
}

/// `'...'` with `''` for a quote; returns the string and what follows the closing quote.
fn single_quoted(text: &str) -> Option<(Value, &str)> {
    let body = &text[1..];
    let mut out = String::new();
    let mut rest = body;
    loop {
        let i = rest.find('\'')?;
        out.push_str(&rest[..i]);
        if rest[i + 1..].starts_with('\'') {
            out.push('\'');
            rest = &rest[i + 2..];
        } else {
            return Some((Value::String(out), &rest[i + 1..]));
        }
    }
}

/// `[a, b, 'c']` on one line: plain words and quoted scalars only.
fn flow_list(text: &str) -> Option<(Value, &str)> {
    let close = text.find(']')?;
    let inner = &text[1..close];
    let mut items = Vec::new();
    if !inner.trim_matches(' ').is_empty() {
        for item in inner.split(',') {
            let item = item.trim_matches(' ');
            let value = match item.as_bytes().first()? {
                b'"' => {
                    let (v, rest) = double_quoted(item)?;
                    rest.is_empty().then_some(v)?
                }
                b'\'' => {
                    let (v, rest) = single_quoted(item)?;
                    rest.is_empty().then_some(v)?
                }
                _ if item
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/' | b':'))
                    && !item.ends_with(':') =>
                {
                    if item.contains("'") || item.contains('"') || item.starts_with('-') {
                        return None;
                    }
                    resolve_plain(item)
                }
                _ => return None,
            };
            items.push(value);
        }
    }
    Some((Value::Array(items), &text[close + 1..]))
}

// proptest is a native-only dev-dependency. Test code: its unwraps and panics are the
// assertions, and none of it is compiled into the library or the wasm module.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{locate, parse};
    use crate::report::{pointer_index, pointer_push};
    use crate::yaml::{self, parse_events};
    use proptest::prelude::*;
    use serde_json::Value;
    use std::collections::BTreeSet;

    fn pointers(value: &Value, at: &str, out: &mut BTreeSet<String>) {
        out.insert(at.to_owned());
        match value {
            Value::Object(map) => map.iter().for_each(|(k, v)| pointers(v, &pointer_push(at, k), out)),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| pointers(v, &pointer_index(at, i), out)),
            _ => {}
        }
    }

    /// Whether the fast path read `text` and located every node of it (by then `agrees` has
    /// checked the positions against the full parser's, and each node alone).
    fn located_all(text: &str) -> bool {
        let Some(value) = parse(text) else {
            return false;
        };
        let mut owned = BTreeSet::new();
        pointers(&value, "", &mut owned);
        let all: BTreeSet<&str> = owned.iter().map(String::as_str).collect();
        locate(text, &all).is_some()
    }

    /// Whenever the fast path answers, the full parser gives the very same value; and
    /// whenever it locates, the very same positions, for every node.
    fn agrees(text: &str) -> bool {
        let Some(fast) = parse(text) else {
            return false;
        };
        match parse_events(text) {
            Ok(Some(full)) => assert_eq!(fast, full, "fast path differs on:\n{text}"),
            other => panic!("fast path accepted what the full parser answers {other:?}:\n{text}"),
        }
        let mut owned = BTreeSet::new();
        pointers(&fast, "", &mut owned);
        let all: BTreeSet<&str> = owned.iter().map(String::as_str).collect();
        let all_located = locate(text, &all);
        if let Some(found) = &all_located {
            assert_eq!(*found, yaml::locate(text, &all), "positions differ on:\n{text}");
        }
        // Asked for one node at a time too (declining is per wanted set, and only for a node
        // it is unsure of: where it locates all, it locates each, passing over the rest).
        for pointer in &all {
            let one = BTreeSet::from([*pointer]);
            match locate(text, &one) {
                Some(found) => assert_eq!(
                    found,
                    yaml::locate(text, &one),
                    "position of {pointer} differs on:\n{text}"
                ),
                None => assert!(all_located.is_none(), "{pointer} alone declined on:\n{text}"),
            }
        }
        true
    }

    #[test]
    fn corpus_files_take_the_fast_path_and_agree() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/connect-yaml");
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("the corpus is not at {}: {e}", dir.display()));
        let (mut files, mut fast, mut located) = (0, 0, 0);
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                files += 1;
                let text = std::fs::read_to_string(&path).unwrap();
                fast += usize::from(agrees(&text));
                located += usize::from(located_all(&text));
            }
        }
        assert_eq!(files, 37);
        // Declined, rightly: a multi-line plain scalar (NunoMonteiroNkt).
        assert_eq!(fast, 36, "{fast} of {files} corpus files take the fast path");
        assert_eq!(
            located, 36,
            "{located} of {files} corpus files located by the fast path"
        );
    }

    #[test]
    fn fixture_texts_agree() {
        let fixtures: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/connect-yaml.json")).unwrap();
        for case in fixtures["cases"].as_array().unwrap() {
            let text = match (case.get("inputLines"), case.get("inputText")) {
                (Some(lines), _) => format!(
                    "{}\n",
                    lines
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|l| l.as_str().unwrap())
                        .collect::<Vec<_>>()
                        .join("\n")
                ),
                (_, Some(text)) => text.as_str().unwrap().to_owned(),
                _ => continue,
            };
            agrees(text.strip_prefix('\u{feff}').unwrap_or(&text));
        }
    }

    #[test]
    fn declines_what_it_does_not_know() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: |\n  text\n",
            "a: !!str 1\n",
            "a: b\n  c\n",
            "a: 1\na: 2\n",
            "a:\n\t- 1\n",
            "'a': 1\n",
            "a: {b: 1}\n",
            "a: [[1]]\n",
            "---\na: 1\n",
            "a: b: c\n",
            "- - 1\n",
            "a: \"\\x41\"\n",
            // Found by mutations_agree once it reached the fast path: no blank before `#`.
            "a: 'x'#c\n",
            "a: \"x\"#c\n",
            "a: [x]#c\n",
            "a: {}#c\n",
            // Control characters, found eight bytes at a time or one by one (a CR only before LF).
            "a: abcdefghijklmnop\u{1}q\n",
            "a: 1\rb: 2\n",
            "a: 1\u{b}\n",
            "  a: 1\n",
            "",
        ] {
            assert!(parse(text).is_none(), "{text:?}");
        }
    }

    const TEMPLATE: &str = "deployAs:\n  - name: service\n    applicationType: service\n    endpoint: /service # comment\n    scripts:\n      postDeploy: npm run post\n    configuration:\n      standardConfiguration:\n        - key: CTP_REGION\n          description: \"region: \\\"eu\\\"\"\n          required: true\n          default: 'it''s 8080'\n      securedConfiguration: []\n  - name: job\n    applicationType: job\n    properties:\n      schedule: '0 0 * * *'\ninheritAs:\n  apiClient:\n    scopes: [manage_orders, 'view_products', 12]\n  configuration: {}\n  x: ~\n  y: 0x1F\n  z: 15\n";

    /// Line edits of a template the fast path takes: whenever the fast path reads the text,
    /// it reads it as the full parser does. At least a fifth of the texts are read by it (with
    /// the template's last line one it declines, about 10 of 3,000 were).
    #[test]
    fn mutations_agree() {
        assert!(agrees(TEMPLATE), "the template itself must take the fast path");
        let strategy = prop::collection::vec((0usize..40, 0usize..8, "[ -~]{0,6}"), 0..4);
        crate::hits::assert_hit_rate(
            "yaml_block mutations_agree: read by the fast path",
            3000,
            0.2,
            strategy,
            |ops| Ok(agrees(&crate::hits::line_edits(TEMPLATE, ops))),
        );
    }

    /// A block-style YAML tree (mappings, sequences, scalars of every kind, comments) rendered
    /// at random, now and then with punctuation put into one line: the same property on
    /// shapes no template has. At least a fifth are read by the fast path (raw punctuation
    /// alone gave 3 %).
    #[test]
    fn yaml_like_text_agrees() {
        #[derive(Clone, Debug)]
        enum Node {
            Scalar(&'static str),
            /// Entries; `true` writes a list value at its key's own indentation.
            Map(Vec<(String, Node, bool)>),
            List(Vec<Node>),
        }
        fn render(node: &Node, indent: usize, out: &mut Vec<String>, lead: String) {
            let pad = " ".repeat(indent);
            match node {
                Node::Scalar(s) => out.push(format!("{lead}{s}")),
                Node::Map(entries) if entries.is_empty() => out.push(format!("{lead}{{}}")),
                Node::List(items) if items.is_empty() => out.push(format!("{lead}[]")),
                Node::Map(entries) => {
                    for (i, (key, value, flush)) in entries.iter().enumerate() {
                        // The first entry of a map in a list item shares the dash's line.
                        let head = if i == 0 && lead.ends_with("- ") {
                            lead.clone()
                        } else {
                            pad.clone()
                        };
                        match value {
                            Node::Scalar(s) => out.push(format!("{head}{key}: {s}")),
                            Node::List(items) if *flush && !items.is_empty() => {
                                out.push(format!("{head}{key}:"));
                                render(value, indent, out, pad.clone());
                            }
                            nested => {
                                out.push(format!("{head}{key}:"));
                                render(nested, indent + 2, out, " ".repeat(indent + 2));
                            }
                        }
                    }
                }
                Node::List(items) => {
                    for item in items {
                        match item {
                            Node::Scalar(s) => out.push(format!("{pad}- {s}")),
                            nested => render(nested, indent + 2, out, format!("{pad}- ")),
                        }
                    }
                }
            }
        }
        let scalar = prop::sample::select(vec![
            "x",
            "b c",
            "'q'",
            "\"d q\"",
            "1",
            "true",
            "~",
            "[]",
            "{}",
            "[a, 'b']",
            "x # c",
            "'it''s'",
            "\"\\\"\"",
            "a:b",
            "/p-1",
            "0 3 * * *",
        ])
        .prop_map(Node::Scalar);
        let tree = scalar.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                // `/` in a key is `~1` in its pointer.
                prop::collection::vec(("[a-c][a-c/]{0,2}", inner.clone(), any::<bool>()), 0..4).prop_map(|entries| {
                    // Keys once each: a repeated key is the full parser's (an error).
                    let mut seen = BTreeSet::new();
                    Node::Map(entries.into_iter().filter(|(k, _, _)| seen.insert(k.clone())).collect())
                }),
                prop::collection::vec(inner, 0..4).prop_map(Node::List),
            ]
        });
        let junk = prop::option::weighted(0.3, (0usize..40, "[-:#'\",\\[\\]{}]{1,2}"));
        let strategy = (tree, junk).prop_map(|(tree, junk)| {
            let mut lines = Vec::new();
            render(&tree, 0, &mut lines, String::new());
            if let Some((at, junk)) = junk {
                let i = at % lines.len();
                let mid = lines[i].len() / 2;
                if lines[i].is_char_boundary(mid) {
                    lines[i].insert_str(mid, &junk);
                }
            }
            format!("{}\n", lines.join("\n"))
        });
        crate::hits::assert_hit_rate(
            "yaml_block yaml_like_text_agrees: read by the fast path",
            3000,
            0.2,
            strategy.clone(),
            |text: String| Ok(agrees(&text)),
        );
        // The positions too: every node located by the fast path, as the full parser does.
        crate::hits::assert_hit_rate(
            "yaml_block yaml_like_text_agrees: every node located by the fast path",
            3000,
            0.25,
            strategy,
            |text: String| Ok(agrees(&text) && located_all(&text)),
        );
    }
}
