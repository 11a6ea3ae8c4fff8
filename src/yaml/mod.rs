//! YAML text to a JSON value, with the position of every node, typed as the official
//! connect.yaml parser (npm `yaml` v2, YAML 1.2 core schema) types it.
//!
//! saphyr-parser supplies events with positions through its pull API (it does not recurse).
//! The value is built straight from the events, iteratively, with a depth cap and a budget
//! for alias expansion; scalars are typed by our own resolver. Positions are found only when
//! a report has issues, by a second pass that records just the pointers the issues name
//! (docs/decisions.md has the measurements behind these choices).

mod block;
mod stand_ins;
mod tabs;

use crate::report::budget::{shown, MAX_ALIAS_BYTES, MAX_ALIAS_NODES, MAX_DEPTH, MAX_INPUT_BYTES, MAX_NODES};
use crate::report::codes::Code;
use crate::report::{pointer_index, pointer_push, Issue};
use crate::yaml::stand_ins::{has_lone_cr, StandIns};
use saphyr_parser::{Event, Input, Parser, ScalarStyle, ScanError, Span, Tag};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

// The budgets (crate::report::budget): real connect.yaml files are 6 levels deep and use no aliases;
// the depth cap bounds every recursion on the value (drop, serialization, checks), the alias
// budgets (nodes and bytes: one long scalar aliased many times is small text but huge memory)
// and the node budget bound its memory. The official parser refuses alias bombs too.

/// 1-based line and 1-based column in UTF-16 code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos {
    pub(crate) line: u32,
    pub(crate) column: u32,
}

/// Converts saphyr's markers (1-based line, 0-based column in code points) to our `Pos`.
struct Columns<'t> {
    text: &'t str,
    /// Only when the text has characters outside the BMP do code points and UTF-16 units differ.
    line_starts: Option<Vec<usize>>,
}

impl<'t> Columns<'t> {
    fn new(text: &'t str) -> Columns<'t> {
        let astral = !text.is_ascii() && text.chars().any(|c| u32::from(c) > 0xFFFF);
        let line_starts = astral.then(|| {
            let mut starts = vec![0];
            starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        });
        Columns { text, line_starts }
    }

    fn pos(&self, line: usize, col: usize) -> Pos {
        let column = match &self.line_starts {
            None => col,
            Some(starts) => {
                let start = starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
                self.text
                    .get(start..)
                    .map_or(col, |rest| rest.chars().take(col).map(char::len_utf16).sum())
            }
        };
        Pos {
            line: to_u32(line.max(1)),
            column: to_u32(column + 1),
        }
    }

    fn at(&self, span: &Span) -> Pos {
        self.pos(span.start.line(), span.start.col())
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn yaml_error(pos: Pos, detail: &str) -> Issue {
    Issue::new(
        Code::InvalidYaml,
        "",
        format!(
            "connect.yaml is not valid YAML: {detail} (line {}, column {}).",
            pos.line, pos.column
        ),
    )
    .param("detail", detail)
    .at(pos.line, pos.column)
}

/// saphyr-parser's input, with characters read fast. Its `StrInput` decodes UTF-8 again on
/// every peek and skip; in the size-optimised wasm build those calls are not inlined and took
/// most of the parse time (docs/decisions.md). ASCII text (nearly every file) is read in
/// place, byte by byte; other text is decoded once into characters, unless it is large (four
/// bytes a character would put a file of the input budget over the memory budget), when it is decoded as
/// it is read. Semantics are `StrInput`'s: past the end, characters read as '\0'.
struct CharInput<'t> {
    chars: Chars<'t>,
    stand_ins: &'t StandIns,
    /// Characters read so far (for `Utf8`, `byte` is where that is in the text).
    pos: usize,
    byte: usize,
    lookahead: usize,
}

enum Chars<'t> {
    Ascii(&'t [u8]),
    Decoded(Vec<char>),
    Utf8(&'t str),
}

/// Non-ASCII texts longer than this are decoded as they are read, not all at once.
const DECODE_ONCE_BYTES: usize = 1024 * 1024;

impl<'t> CharInput<'t> {
    fn new(text: &'t str, stand_ins: &'t StandIns) -> CharInput<'t> {
        let chars = if text.is_ascii() {
            Chars::Ascii(text.as_bytes())
        } else if text.len() <= DECODE_ONCE_BYTES {
            Chars::Decoded(text.chars().collect())
        } else {
            Chars::Utf8(text)
        };
        CharInput {
            chars,
            stand_ins,
            pos: 0,
            byte: 0,
            lookahead: 0,
        }
    }

    /// The character `n` after the current one, if there is one.
    fn get(&self, n: usize) -> Option<char> {
        let c = match &self.chars {
            Chars::Ascii(bytes) => bytes.get(self.pos + n).map(|&b| char::from(b)),
            Chars::Decoded(chars) => chars.get(self.pos + n).copied(),
            Chars::Utf8(text) => text[self.byte..].chars().nth(n),
        }?;
        Some(self.stand_ins.at(self.pos + n).unwrap_or(c))
    }

    fn at(&self, n: usize) -> char {
        self.get(n).unwrap_or('\0')
    }
}

impl Input for CharInput<'_> {
    fn lookahead(&mut self, count: usize) {
        self.lookahead = self.lookahead.max(count);
    }

    fn buflen(&self) -> usize {
        self.lookahead
    }

    fn bufmaxlen(&self) -> usize {
        128
    }

    fn raw_read_ch(&mut self) -> char {
        let c = self.at(0);
        self.skip();
        c
    }

    fn raw_read_non_breakz_ch(&mut self) -> Option<char> {
        let c = self.get(0)?;
        // A break, the end, or a byte-order mark ends the run (saphyr's is_yaml_non_break).
        if matches!(c, '\0' | '\n' | '\r' | '\u{feff}') {
            return None;
        }
        self.skip();
        Some(c)
    }

    fn skip(&mut self) {
        self.skip_n(1);
    }

    fn skip_n(&mut self, count: usize) {
        match &self.chars {
            Chars::Ascii(bytes) => self.pos = (self.pos + count).min(bytes.len()),
            Chars::Decoded(chars) => self.pos = (self.pos + count).min(chars.len()),
            Chars::Utf8(text) => {
                for c in text[self.byte..].chars().take(count) {
                    self.byte += c.len_utf8();
                    self.pos += 1;
                }
            }
        }
    }

    fn peek(&self) -> char {
        self.at(0)
    }

    fn peek_nth(&self, n: usize) -> char {
        self.at(n)
    }

    fn peek_opt(&self) -> Option<char> {
        self.get(0)
    }
}

/// The text of the document: without a leading byte-order mark, so columns do not count it.
fn body(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The events of `body` as the scanner reads it with `stand_ins`, each with its position
/// and, for a scalar, its value as written; scanner errors as `InvalidYaml` issues.
fn events<'t>(body: &'t str, stand_ins: &'t StandIns) -> impl Iterator<Item = Result<(Event<'t>, Pos), Issue>> + 't {
    let columns = Columns::new(body);
    Parser::new(CharInput::new(body, stand_ins)).map(move |next| match next {
        Ok((Event::Scalar(raw, style, anchor, tag), span)) if !stand_ins.is_empty() => {
            let (start, end) = (span.start.index(), span.end.index());
            if matches!(style, ScalarStyle::Plain) && stand_ins.has_lone_cr(start, end) {
                let why = "a carriage return without a line feed in a plain scalar (a line break is LF or CR LF)";
                return Err(yaml_error(columns.at(&span), why));
            }
            let raw = stand_ins.restore(raw, style, start, end);
            Ok((Event::Scalar(raw, style, anchor, tag), columns.at(&span)))
        }
        Ok((event, span)) => Ok((event, columns.at(&span))),
        Err(err) => Err(scan_error(&columns, &err)),
    })
}

fn scan_error(columns: &Columns<'_>, err: &ScanError) -> Issue {
    yaml_error(columns.pos(err.marker().line(), err.marker().col()), err.info())
}

/// A collection being read.
enum Open {
    Seq(Vec<Value>),
    /// The mapping, and the key read that waits for its value.
    Map(Map<String, Value>, Option<(String, Pos)>),
}

struct Frame {
    open: Open,
    anchor: usize,
    /// Nodes, scalar bytes and depth of what is read so far (for anchors: what an alias
    /// would add).
    nodes: usize,
    bytes: usize,
    depth: usize,
    /// Keys a YAML 1.1 merge (`<<`) put in the mapping: a key of its own replaces them.
    merged: BTreeSet<String>,
}

/// A value some anchor names, with its size, for the alias budgets.
struct Anchored {
    value: Value,
    nodes: usize,
    bytes: usize,
    depth: usize,
}

/// Parses YAML text into a JSON value; `None` for a file with no document (empty, or only
/// comments). Duplicate keys, a second document, complex keys, nesting deeper than
/// `MAX_DEPTH` and alias bombs are `InvalidYaml` issues, as in the official parser.
/// The [`ReadBy`] that answered goes with the value, for [`locate_in`].
pub(crate) fn parse(text: &str) -> Result<Option<(Value, ReadBy)>, Issue> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large(text.len()));
    }
    if let Some((at, why)) = unread_by_yaml2(text) {
        return Err(yaml_error(pos_of(text, at), why));
    }
    let body = body(text);
    // The fast path has no node budget of its own: a text that may exceed it goes to the
    // full parser, which counts exactly. It reads CR LF, not a CR alone (text, for yaml@2).
    if !may_exceed_node_budget(body) && !has_lone_cr(body) {
        if let Some(value) = crate::yaml::block::parse(body) {
            return Ok(Some((value, ReadBy::FastPath)));
        }
    }
    Ok(parse_events(text)?.map(|value| (value, ReadBy::Full)))
}

/// Text that yaml@2 (the official validator's reader) does not read as a YAML reader that
/// follows the 1.2 spec would: a second byte-order mark at the start (yaml@2 takes it as part
/// of the first key), one that starts a line where a node starts, and tabs as indentation
/// (`tabs`). All make the official verdict "invalid"; saphyr would read them. (What
/// saphyr refuses and yaml@2 reads is given to saphyr as yaml@2 reads it: `yaml_stand_ins`.)
/// The byte offset and why.
fn unread_by_yaml2(text: &str) -> Option<(usize, &'static str)> {
    if text.starts_with("\u{feff}\u{feff}") {
        return Some((3, "a second byte-order mark (U+FEFF) at the start of the file"));
    }
    crate::yaml::tabs::line_problem(text)
}

/// The line and column (1-based, UTF-16 units, a leading BOM not counted) of a byte offset.
fn pos_of(text: &str, at: usize) -> Pos {
    let before = &text[..at.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count();
    let mut column: usize = before[line_start..].encode_utf16().count();
    if line == 0 && before.starts_with('\u{feff}') {
        column -= 1;
    }
    Pos {
        line: to_u32(line + 1),
        column: to_u32(column + 1),
    }
}

/// Whether the block fast path could build more than `MAX_NODES` values from `text`: it
/// makes at most three a line (`- key: value`), plus one per flow-list comma.
fn may_exceed_node_budget(text: &str) -> bool {
    text.len() > MAX_NODES / 3 && text.bytes().filter(|&b| b == b'\n' || b == b',').count() * 3 + 3 > MAX_NODES
}

/// Which reader read a text: the fast path (`yaml::block`) or the full parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReadBy {
    FastPath,
    Full,
}

/// The positions of the `wanted` pointers in a text that `reader` read: the fast path finds
/// them in a fraction of a parse where it can, the full parser otherwise.
pub(crate) fn locate_in(text: &str, wanted: &BTreeSet<&str>, reader: ReadBy) -> BTreeMap<String, Located> {
    let body = body(text);
    let fast = match reader {
        ReadBy::FastPath => crate::yaml::block::locate(body, wanted),
        ReadBy::Full => None,
    };
    fast.unwrap_or_else(|| locate(text, wanted))
}

/// [`parse`] by the full parser (saphyr-parser's events).
pub(crate) fn parse_events(text: &str) -> Result<Option<Value>, Issue> {
    let schema = Schema::of(text);
    let body = body(text);
    let stand_ins = StandIns::of(body);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: BTreeMap<usize, Anchored> = BTreeMap::new();
    let mut root = None;
    let mut documents = 0;
    let (mut alias_nodes, mut alias_bytes, mut total_nodes) = (MAX_ALIAS_NODES, MAX_ALIAS_BYTES, 0usize);
    for next in events(body, &stand_ins) {
        let (event, pos) = next?;
        let (value, anchor, nodes, bytes, depth) = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(yaml_error(
                        pos,
                        "a second document (---) in the file; connect.yaml holds one document",
                    ));
                }
                continue;
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    NodeKind::Seq
                } else {
                    NodeKind::Map
                };
                if let Some(why) = tag.as_deref().and_then(|t| unsupported_tag(t, kind)) {
                    return Err(yaml_error(pos, &why));
                }
                if let Some(Frame {
                    open: Open::Map(_, None),
                    ..
                }) = stack.last()
                {
                    return Err(yaml_error(pos, "a mapping or sequence used as a mapping key"));
                }
                // The new container and a value in it: one level past MAX_DEPTH is refused,
                // as serde_json counts (report::budget::MAX_DEPTH).
                if stack.len() + 1 >= MAX_DEPTH {
                    return Err(yaml_error(pos, &format!("nesting deeper than {MAX_DEPTH} levels")));
                }
                let open = if matches!(event, Event::SequenceStart(..)) {
                    Open::Seq(Vec::new())
                } else {
                    Open::Map(Map::new(), None)
                };
                stack.push(Frame {
                    open,
                    anchor,
                    nodes: 1,
                    bytes: 0,
                    depth: 1,
                    merged: BTreeSet::new(),
                });
                total_nodes += 1;
                if total_nodes > MAX_NODES {
                    return Err(too_many_nodes(pos));
                }
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else { continue };
                let value = match frame.open {
                    Open::Seq(items) => Value::Array(items),
                    Open::Map(map, _) => Value::Object(map),
                };
                (value, frame.anchor, frame.nodes, frame.bytes, frame.depth)
            }
            Event::Scalar(raw, style, anchor, tag) => {
                total_nodes += 1;
                if total_nodes > MAX_NODES {
                    return Err(too_many_nodes(pos));
                }
                let bytes = raw.len();
                if let Some(why) = unsupported(&raw, style, tag.as_deref(), schema) {
                    return Err(yaml_error(pos, &why));
                }
                (resolve(raw, style, tag.as_deref(), schema), anchor, 1, bytes, 0)
            }
            Event::Alias(id) => {
                // An anchor is registered when its node is complete, so an alias inside its own
                // anchor's node is "unknown" here: no cycles.
                let Some(anchored) = anchors.get(&id) else {
                    return Err(yaml_error(
                        pos,
                        "an alias to an unknown anchor, or to a node that contains it",
                    ));
                };
                if anchored.nodes > alias_nodes || stack.len() + anchored.depth > 2 * MAX_DEPTH {
                    return Err(yaml_error(pos, "aliases expand to too many nodes (an alias bomb?)"));
                }
                if anchored.bytes > alias_bytes {
                    return Err(yaml_error(
                        pos,
                        "aliases expand to too much text (more than 1 MiB: an alias bomb?)",
                    ));
                }
                alias_nodes -= anchored.nodes;
                alias_bytes -= anchored.bytes;
                total_nodes += anchored.nodes;
                if total_nodes > MAX_NODES {
                    return Err(too_many_nodes(pos));
                }
                (
                    anchored.value.clone(),
                    0,
                    anchored.nodes,
                    anchored.bytes,
                    anchored.depth,
                )
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => continue,
        };
        if anchor > 0 {
            anchors.insert(
                anchor,
                Anchored {
                    value: value.clone(),
                    nodes,
                    bytes,
                    depth,
                },
            );
        }
        let Some(parent) = stack.last_mut() else {
            root = Some(value);
            continue;
        };
        parent.nodes += nodes;
        parent.bytes += bytes;
        parent.depth = parent.depth.max(depth + 1);
        match &mut parent.open {
            Open::Seq(items) => items.push(value),
            Open::Map(map, pending) => match pending.take() {
                Some((key, key_pos)) => {
                    // `<<: *a` (or a list of them) under %YAML 1.1 merges, as yaml@2 does: keys
                    // the mapping has of its own win, wherever they stand.
                    if schema == Schema::Yaml11 && key == "<<" {
                        let sources = match value {
                            Value::Array(items) => items,
                            other => vec![other],
                        };
                        for source in sources {
                            let Value::Object(entries) = source else {
                                return Err(yaml_error(
                                    key_pos,
                                    "a merge key (<<) needs a mapping or a list of mappings",
                                ));
                            };
                            for (k, v) in entries {
                                if !map.contains_key(&k) {
                                    parent.merged.insert(k.clone());
                                    map.insert(k, v);
                                }
                            }
                        }
                        continue;
                    }
                    if parent.merged.remove(&key) {
                        map.insert(key, value);
                        continue;
                    }
                    if map.contains_key(&key) {
                        return Err(yaml_error(
                            key_pos,
                            &format!("the key '{}' appears twice in one mapping", shown(&key)),
                        ));
                    }
                    map.insert(key, value);
                }
                None => *pending = Some((key_string(value), pos)),
            },
        }
    }
    Ok(root)
}

/// The `InvalidYaml` issue of a text of at least `bytes` bytes, over `MAX_INPUT_BYTES`.
pub(crate) fn too_large(bytes: usize) -> Issue {
    let detail = format!("the file is at least {bytes} bytes; the limit is {MAX_INPUT_BYTES} bytes (5 MiB)");
    yaml_error(Pos { line: 1, column: 1 }, &detail)
}

fn too_many_nodes(pos: Pos) -> Issue {
    yaml_error(
        pos,
        &format!("more than {MAX_NODES} values in one file, the limit for one document"),
    )
}

/// A mapping key as the official parser turns it into a JS object key (`String(value)`).
fn key_string(value: Value) -> String {
    match value {
        Value::String(s) => s,
        Value::Null => String::new(),
        // `String(1.0)` is "1" in JS; serde_json writes "1.0".
        Value::Number(n) if n.is_f64() => match n.as_f64() {
            // Integral and below 1e21, it fits an i128 exactly (and -0 is "0"); not `{:.0}`,
            // which brings float formatting into the wasm (size, issue 16).
            #[allow(clippy::cast_possible_truncation)]
            Some(f) if f.fract() == 0.0 && f.abs() < 1e21 => (f as i128).to_string(),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// Where the node at a pointer is: its value, and its key when it is a mapping member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Located {
    pub(crate) value: Pos,
    pub(crate) key: Option<Pos>,
}

/// The positions of the nodes at `wanted` pointers, from a second pass over the events of
/// text that `parse` accepted. Nodes inside an alias's expansion are not found (their
/// nearest ancestor is: the alias).
pub(crate) fn locate(text: &str, wanted: &BTreeSet<&str>) -> BTreeMap<String, Located> {
    enum Kind {
        Seq(usize),
        Map(Option<(String, Pos)>),
    }
    let schema = Schema::of(text);
    let mut found = BTreeMap::new();
    // Each frame: the collection's kind and the pointer length of the collection itself.
    let mut stack: Vec<(Kind, usize)> = Vec::new();
    let mut ptr = String::new();
    let body = body(text);
    let stand_ins = StandIns::of(body);
    for next in events(body, &stand_ins) {
        let Ok((event, pos)) = next else { break };
        let (opens, key_value) = match &event {
            Event::SequenceStart(..) | Event::MappingStart(..) => (true, None),
            Event::Scalar(raw, style, _, tag) => (
                false,
                Some(key_string(resolve(Cow::Borrowed(raw), *style, tag.as_deref(), schema))),
            ),
            Event::Alias(_) => (false, None),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((_, len)) = stack.pop() {
                    ptr.truncate(len);
                }
                continue;
            }
            _ => continue,
        };
        // Name this node: the next item of a sequence, the value of a pending key, or a key.
        let mut key_pos = None;
        let base = ptr.len();
        match stack.last_mut() {
            None => {}
            Some((Kind::Seq(index), _)) => {
                ptr = pointer_index(&ptr, *index);
                *index += 1;
            }
            Some((Kind::Map(pending), _)) => match pending.take() {
                Some((key, at)) => {
                    ptr = pointer_push(&ptr, &key);
                    key_pos = Some(at);
                }
                None => {
                    *pending = key_value.map(|key| (key, pos));
                    continue;
                }
            },
        }
        if wanted.contains(ptr.as_str()) {
            let value = match event {
                Event::SequenceStart(..) if key_pos.is_some() => at_its_dash(body, pos),
                _ => pos,
            };
            found.insert(ptr.clone(), Located { value, key: key_pos });
        }
        if opens {
            let kind = if matches!(event, Event::SequenceStart(..)) {
                Kind::Seq(0)
            } else {
                Kind::Map(None)
            };
            stack.push((kind, base));
        } else {
            ptr.truncate(base);
        }
    }
    found
}

/// Where a block sequence that is a key's value starts: at its first `-`, as yaml@2 (the
/// official parser) has it. saphyr marks a sequence written at its key's own indentation
/// (`key:` then `- x` below it) at the first item's content instead, and one indented
/// deeper at the `-`: the same list would be in two places by how it is indented.
fn at_its_dash(body: &str, pos: Pos) -> Pos {
    let line = body
        .split('\n')
        .nth((pos.line as usize).saturating_sub(1))
        .unwrap_or("");
    // Only a line that is blanks, `-` and blanks before the mark (all ASCII: units are bytes).
    let before = line.get(..(pos.column as usize).saturating_sub(1)).unwrap_or("");
    let dash = before.trim_end_matches(' ');
    if dash.trim_start_matches(' ') == "-" && dash.len() < before.len() {
        Pos {
            line: pos.line,
            column: to_u32(dash.len()),
        }
    } else {
        pos
    }
}

/// Types a scalar as yaml@2 does with its default YAML 1.2 core schema: untagged plain scalars
/// by the core patterns, quoted and block scalars as strings; `!!str/int/float/bool/null`
/// force a type when the text fits it (and give a string when it does not, as yaml@2 does);
/// other tags give a string. `.inf` and `.nan` have no JSON form and read as null.
fn resolve(raw: Cow<'_, str>, style: ScalarStyle, tag: Option<&Tag>, schema: Schema) -> Value {
    if schema == Schema::Yaml11 && tag.is_none() && matches!(style, ScalarStyle::Plain) {
        return yaml11(&raw).0;
    }
    // A 1.1 core tag resolves by that tag's 1.1 tests only (`!!int 0b101` is 5); text none of
    // them match stays a string, as in yaml@2.
    if let (Schema::Yaml11, Some(tag)) = (schema, tag.filter(|t| t.is_yaml_core_schema())) {
        if matches!(tag.suffix.as_str(), "null" | "bool" | "int" | "float") {
            let (value, family) = yaml11(&raw);
            return if family == tag.suffix {
                value
            } else {
                Value::String(raw.into_owned())
            };
        }
    }
    let typed = match tag {
        Some(tag) if tag.is_yaml_core_schema() => match tag.suffix.as_str() {
            "null" => null(&raw),
            "bool" => boolean(&raw),
            "int" => integer(&raw),
            "float" => float(&raw),
            _ => None,
        },
        Some(_) => None,
        None if matches!(style, ScalarStyle::Plain) => match raw.as_bytes().first() {
            // Most plain scalars are words: only these first bytes can start a core type.
            Some(b'0'..=b'9' | b'-' | b'+' | b'.') => integer(&raw).or_else(|| float(&raw)),
            Some(b'n' | b'N' | b'~' | b't' | b'T' | b'f' | b'F') | None => null(&raw).or_else(|| boolean(&raw)),
            Some(_) => None,
        },
        None => None,
    };
    // The scanner's string is moved, not copied, when the scalar stays a string.
    typed.unwrap_or_else(|| Value::String(raw.into_owned()))
}

/// Which schema types the plain scalars: yaml@2 reads a document with `%YAML 1.1` by its
/// YAML 1.1 schema (`yes`/`on`/`off` are booleans, `1_000` an integer, dates are dates), and
/// every other by the 1.2 core schema.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Schema {
    Core,
    Yaml11,
}

impl Schema {
    /// From the directives before the document: the last `%YAML 1.1` or `%YAML 1.2` counts,
    /// as for yaml@2 (which warns about another version and keeps the one it had).
    fn of(text: &str) -> Schema {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let known = stand_ins::version_directives(text)
            .into_iter()
            .rfind(|(_, v)| matches!(*v, "1.1" | "1.2"));

        if known.is_some_and(|(_, v)| v == "1.1") {
            Schema::Yaml11
        } else {
            Schema::Core
        }
    }
}

/// A plain scalar as yaml@2's YAML 1.1 schema types it: its tests in its order
/// (`yaml/dist/schema/yaml-1.1`), each resolved as it resolves them (underscores dropped,
/// `parseInt`/`parseFloat`, NaN and infinities as null), with the tag of the test that
/// matched (`str` when none did). A date is refused by [`unsupported`].
fn yaml11(raw: &str) -> (Value, &'static str) {
    if let Some(v) = null(raw) {
        return (v, "null");
    }
    match raw {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return (Value::Bool(true), "bool")
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return (Value::Bool(false), "bool")
        }
        _ => {}
    }
    let negative = raw.starts_with('-');
    let unsigned = raw.strip_prefix(['-', '+']).unwrap_or(raw);
    let digits_of = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c == '_' || c.is_digit(radix));
    let signed = |n: f64| Number::from_f64(if negative { -n } else { n }).map_or(Value::Null, Value::Number);
    // intBin `0b[0-1_]+`, intOct `0[0-7_]+`, int `[0-9][0-9_]*`, intHex `0x[0-9a-fA-F_]+`.
    let int = match unsigned.as_bytes() {
        [b'0', b'b', rest @ ..] if digits_of(&unsigned[2..], 2) && !rest.is_empty() => Some((&unsigned[2..], 2)),
        [b'0', _, ..] if digits_of(&unsigned[1..], 8) => Some((&unsigned[1..], 8)),
        [b'0'..=b'9', ..] if digits_of(unsigned, 10) => Some((unsigned, 10)),
        [b'0', b'x', ..] if digits_of(&unsigned[2..], 16) => Some((&unsigned[2..], 16)),
        _ => None,
    };
    if let Some((digits, radix)) = int {
        let digits = digits.replace('_', "");
        if digits.is_empty() {
            return (Value::Null, "int"); // parseInt('') is NaN
        }
        let n = match u64::from_str_radix(&digits, radix) {
            Ok(n) if !negative => Value::from(n),
            Ok(n) if n <= i64::MAX as u64 => Value::from(-(n as i64)),
            _ => signed(approximate(&digits, radix)),
        };
        return (n, "int");
    }
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(raw, ".nan" | ".NaN" | ".NAN") {
        return (Value::Null, "float");
    }
    // floatExp `(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+`, float `(?:[0-9][0-9_]*)?\.[0-9_]*`.
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').map_or((mantissa, None), |(w, f)| (w, Some(f)));
    let shaped = (whole.is_empty() || (whole.starts_with(|c: char| c.is_ascii_digit()) && digits_of(whole, 10)))
        && fraction.is_none_or(|f| f.is_empty() || digits_of(f, 10))
        && exponent.is_none_or(|e| all_digits(e.strip_prefix(['-', '+']).unwrap_or(e), 10));
    if shaped && (exponent.is_some() || fraction.is_some()) {
        let (whole, fraction) = (whole.replace('_', ""), fraction.unwrap_or("").replace('_', ""));
        if whole.is_empty() && fraction.is_empty() {
            return (Value::Null, "float"); // parseFloat('.') is NaN
        }
        let text = format!("0{whole}.{fraction}0e{}", exponent.unwrap_or("0"));
        return (signed(text.parse::<f64>().unwrap_or(f64::NAN)), "float");
    }
    // intTime `[0-9][0-9_]*(?::[0-5]?[0-9])+`, floatTime: the same and `\.[0-9_]*`.
    let mut parts = unsigned.split(':');
    let first = parts
        .next()
        .filter(|p| p.starts_with(|c: char| c.is_ascii_digit()) && digits_of(p, 10));
    let rest: Vec<&str> = parts.collect();
    let (Some(first), Some((last, middle))) = (first, rest.split_last()) else {
        return (Value::String(raw.to_owned()), "str");
    };
    let sixty = |p: &str| p.len() <= 2 && all_digits(p, 10) && p.parse::<u32>().is_ok_and(|n| n < 60);
    let (last_int, last_fraction) = last.split_once('.').map_or((*last, None), |(i, f)| (i, Some(f)));
    if !(middle.iter().all(|p| sixty(p))
        && sixty(last_int)
        && last_fraction.is_none_or(|f| f.is_empty() || digits_of(f, 10)))
    {
        return (Value::String(raw.to_owned()), "str");
    }
    let seconds = match last_fraction {
        Some(f) => format!("{last_int}.{}0", f.replace('_', ""))
            .parse::<f64>()
            .unwrap_or(0.0),
        None => last_int.parse::<f64>().unwrap_or(0.0),
    };
    let n = middle.iter().fold(approximate(&first.replace('_', ""), 10), |acc, p| {
        acc * 60.0 + p.parse::<f64>().unwrap_or(0.0)
    });
    let n = n * 60.0 + seconds;
    if last_fraction.is_none() && n.fract() == 0.0 && n < 9.007_199_254_740_992e15 {
        #[allow(clippy::cast_possible_truncation)]
        let n = n as i64;
        return (Value::from(if negative { -n } else { n }), "int");
    }
    (signed(n), if last_fraction.is_some() { "float" } else { "int" })
}

/// The kind of node a tag is on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NodeKind {
    Scalar,
    Map,
    Seq,
}

/// Tags of YAML 1.1's type repository that yaml@2 resolves on the kind of node it is on (to a
/// date, a binary buffer, a set, an ordered map, a merge symbol) — or refuses — and no field of
/// connect.yaml takes: the official validator refuses them all. On another kind of node yaml@2
/// ignores the tag, and so do we.
fn unsupported_tag(tag: &Tag, kind: NodeKind) -> Option<String> {
    if !tag.is_yaml_core_schema() {
        return None;
    }
    let what = match (tag.suffix.as_str(), kind) {
        ("timestamp", NodeKind::Scalar) => "date",
        ("binary", NodeKind::Scalar) => "binary buffer",
        ("merge", NodeKind::Scalar) => "merge key",
        ("set", NodeKind::Map) => "set",
        ("omap" | "pairs", NodeKind::Seq) => "ordered map",
        _ => return None,
    };
    Some(format!(
        "the tag !!{} makes a {what} of it, which no field of connect.yaml takes",
        tag.suffix
    ))
}

/// What yaml@2 reads as a value no field takes: a tag of [`unsupported_tag`], or under
/// `%YAML 1.1` an untagged plain date (`2001-12-14`).
fn unsupported(raw: &str, style: ScalarStyle, tag: Option<&Tag>, schema: Schema) -> Option<String> {
    if let Some(why) = tag.and_then(|t| unsupported_tag(t, NodeKind::Scalar)) {
        return Some(why);
    }
    let plain = tag.is_none() && matches!(style, ScalarStyle::Plain);
    let date = schema == Schema::Yaml11 && plain && is_yaml11_timestamp(raw);
    date.then(|| {
        format!(
            "under %YAML 1.1, {} is a date, which no field of connect.yaml takes",
            shown(raw)
        )
    })
}

/// yaml@2's YAML 1.1 timestamp test, exactly: `YYYY-M(M)-D(D)`, optionally `t`, `T` or blanks
/// and `H(H):M(M):S(S)(.s+)`, then blanks and `Z` or `[-+][012]?D(:DD)?`.
fn is_yaml11_timestamp(raw: &str) -> bool {
    let b = raw.as_bytes();
    let digits = |i: &mut usize, min: usize, max: usize| {
        let n = b[*i..].iter().take(max).take_while(|c| c.is_ascii_digit()).count();
        *i += n;
        n >= min
    };
    let sep = |i: &mut usize, c: u8| {
        let ok = b.get(*i) == Some(&c);
        *i += usize::from(ok);
        ok
    };
    let blanks = |i: &mut usize| {
        let n = b[*i..].iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
        *i += n;
        n
    };
    let mut i = 0;
    let date =
        digits(&mut i, 4, 4) && sep(&mut i, b'-') && digits(&mut i, 1, 2) && sep(&mut i, b'-') && digits(&mut i, 1, 2);
    if !date {
        return false;
    }
    if i == b.len() {
        return true;
    }
    if matches!(b[i], b't' | b'T') {
        i += 1;
    } else if blanks(&mut i) == 0 {
        return false;
    }
    let time =
        digits(&mut i, 1, 2) && sep(&mut i, b':') && digits(&mut i, 1, 2) && sep(&mut i, b':') && digits(&mut i, 1, 2);
    if !time {
        return false;
    }
    if sep(&mut i, b'.') && !digits(&mut i, 1, usize::MAX) {
        return false;
    }
    if i == b.len() {
        return true;
    }
    blanks(&mut i);
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'-' | b'+') => {
            i += 1;
            // `[012]?[0-9]`: a second digit only after 0, 1 or 2.
            if matches!(b.get(i), Some(b'0'..=b'2')) && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if !digits(&mut i, 1, 1) {
                return false;
            }
            if sep(&mut i, b':') && !digits(&mut i, 2, 2) {
                return false;
            }
            i == b.len()
        }
        _ => false,
    }
}

/// An untagged plain scalar, typed by the core schema (for the fast path in `yaml::block`).
pub(crate) fn resolve_plain(raw: &str) -> Value {
    resolve(Cow::Borrowed(raw), ScalarStyle::Plain, None, Schema::Core)
}

fn null(raw: &str) -> Option<Value> {
    matches!(raw, "" | "~" | "null" | "Null" | "NULL").then_some(Value::Null)
}

fn boolean(raw: &str) -> Option<Value> {
    match raw {
        "true" | "True" | "TRUE" => Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => Some(Value::Bool(false)),
        _ => None,
    }
}

fn all_digits(s: &str, radix: u32) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_digit(radix))
}

/// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+` (a sign only on decimals, as in yaml@2).
fn integer(raw: &str) -> Option<Value> {
    let (radix, digits, negative) = if let Some(d) = raw.strip_prefix("0o") {
        (8, d, false)
    } else if let Some(d) = raw.strip_prefix("0x") {
        (16, d, false)
    } else if let Some(d) = raw.strip_prefix('-') {
        (10, d, true)
    } else {
        (10, raw.strip_prefix('+').unwrap_or(raw), false)
    };
    if !all_digits(digits, radix) {
        return None;
    }
    let value = match u64::from_str_radix(digits, radix) {
        Ok(n) if !negative => Value::from(n),
        Ok(n) if n <= i64::MAX as u64 => Value::from(-(n as i64)),
        // Beyond 64 bits JS has only an approximate double, as yaml@2 gives.
        _ => Number::from_f64(approximate(digits, radix) * if negative { -1.0 } else { 1.0 })
            .map_or(Value::Null, Value::Number),
    };
    Some(value)
}

fn approximate(digits: &str, radix: u32) -> f64 {
    if radix == 10 {
        // Correctly rounded, as JS reads it.
        return digits.parse().unwrap_or(f64::MAX);
    }
    digits
        .chars()
        .filter_map(|c| c.to_digit(radix))
        .fold(0.0, |acc, d| acc * f64::from(radix) + f64::from(d))
}

/// `[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)`, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)[eE][-+]?[0-9]+`,
/// `[-+]?\.(inf|Inf|INF)`,
/// `\.(nan|NaN|NAN)`.
fn float(raw: &str) -> Option<Value> {
    let unsigned = raw.strip_prefix(['-', '+']).unwrap_or(raw);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(raw, ".nan" | ".NaN" | ".NAN") {
        return Some(Value::Null);
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            (all_digits(int, 10) && (frac.is_empty() || all_digits(frac, 10)))
                || (int.is_empty() && all_digits(frac, 10))
        }
        None => all_digits(mantissa, 10),
    };
    let exponent_ok = exponent.is_none_or(|e| all_digits(e.strip_prefix(['-', '+']).unwrap_or(e), 10));
    // A float has a dot or an exponent; `1` alone is an integer (and `!!float 1` a string).
    if !mantissa_ok || !exponent_ok || (exponent.is_none() && !mantissa.contains('.')) {
        return None;
    }
    Some(
        raw.parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or(Value::Null, Value::Number),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn value(text: &str) -> Value {
        parse(text).unwrap().unwrap().0
    }

    fn at(text: &str, pointer: &str) -> Located {
        locate(text, &BTreeSet::from([pointer]))[pointer]
    }

    /// What yaml@2 reads differently from a 1.2 reader, found by the textual differential
    /// test (tests/node/differential-text.test.mjs): read the way yaml@2 reads it.
    #[test]
    fn read_as_yaml2_reads() {
        let v11 = |body: &str| value(&format!("%YAML 1.1\n---\n{body}"));
        assert_eq!(
            v11("a: yes\nb: Off\nc: 1_000\nd: 0o17\ne: 12:30:00\nf: ~\ng: 0b1010"),
            json!({"a": true, "b": false, "c": 1000, "d": "0o17", "e": 45000, "f": null, "g": 10})
        );
        // Each as yaml@2.9.0 reads it under %YAML 1.1 (node -e, 2026-12-02).
        let cases = [
            ("0x_FF", json!(255)),
            ("+0x1F", json!(31)),
            ("-0x1F", json!(-31)),
            ("1:2:3.5", json!(3723.5)),
            ("-1:30.5", json!(-90.5)),
            ("1_000.5", json!(1000.5)),
            ("+1_000", json!(1000)),
            ("0b_1", json!(1)),
            ("017", json!(15)),
            ("-017", json!(-15)),
            ("09", json!(9)),
            ("1__0", json!(10)),
            ("0_1", json!(1)),
            ("_1", json!("_1")),
            ("0x", json!("0x")),
            ("0o17", json!("0o17")),
            ("1:60", json!("1:60")),
            ("190:20:30", json!(685_230)),
            ("0:30", json!(30)),
            ("1_2e3", json!(12000.0)),
            ("+0b11", json!(3)),
            ("685.230_15e+03", json!(685_230.15)),
            ("685_230.15", json!(685_230.15)),
            ("1,000", json!("1,000")),
            ("tRUE", json!("tRUE")),
            ("0b2", json!("0b2")),
            ("1.", json!(1.0)),
            ("+.5", json!(0.5)),
            ("e3", json!(null)),
            // Not yaml@2's timestamp: text.
            ("2001-12-14-5", json!("2001-12-14-5")),
            ("2001-123-1", json!("2001-123-1")),
            ("2001-12-14T21:59", json!("2001-12-14T21:59")),
            ("2001-12-14T", json!("2001-12-14T")),
            (".", json!(null)),
            ("+.inf", json!(null)),
            ("True", json!(true)),
            ("0.5e3", json!(500.0)),
        ];
        for (raw, want) in cases {
            assert_eq!(v11(&format!("a: {raw}")), json!({ "a": want }), "{raw}");
        }
        assert_eq!(value("a: yes\nb: 0o17"), json!({"a": "yes", "b": 15}));
        assert_eq!(value("%YAML 1.2\n%YAML 1.1\n---\na: yes"), json!({"a": true}));
        assert_eq!(value("%YAML 1.1\n%YAML 1.2\n---\na: yes"), json!({"a": "yes"}));
        assert_eq!(value("# c\n%YAML 1.1\n---\na: 0o17"), json!({"a": "0o17"}));
        assert_eq!(
            v11("a: !!int 0b101\nb: !!int 1_0\nc: !!bool yes\nd: !!int 0o17\ne: !!float 1\nf: !!float 1_0.5\ng: !!null ~"),
            json!({"a": 5, "b": 10, "c": true, "d": "0o17", "e": "1", "f": 10.5, "g": null})
        );
        assert_eq!(value("%YAML 1.1\n%YAML 1.3\n---\na: 0o17"), json!({"a": "0o17"}));
        assert_eq!(
            v11("- &a {p: 1, q: 2}\n- <<: *a\n  q: 3"),
            json!([{"p": 1, "q": 2}, {"p": 1, "q": 3}])
        );
        assert_eq!(value("a: !!set x\nb: !!timestamp [1]"), json!({"a": "x", "b": [1]}));
        assert_eq!(value("a: x\u{0}y # \u{0}"), json!({"a": "x\u{0}y"}));
        // What saphyr refuses and yaml@2 reads, given to the scanner as stand-ins
        // (`yaml_stand_ins`): values as yaml@2 has them, positions unmoved.
        assert_eq!(
            value("a: \"\\ud83d\\ude00 \\uD800\"\nb: '\\ud83d\\ude00'\nc: x\u{feff}y # \u{feff}\nd: \"\\\\ud800\"\ne: \"p\u{0}q\rr\"\nf:\tg\n"),
            json!({"a": "😀 \u{fffd}", "b": "\\ud83d\\ude00", "c": "x\u{feff}y", "d": "\\ud800", "e": "p\u{0}q\rr", "f": "g"})
        );
        // A byte-order mark that starts a line going on a scalar or a flow list: text (yaml@2).
        assert_eq!(
            value("a: |\n  \u{feff}x\nb: \"p\n  \u{feff}q\"\nc: [x,\n  \u{feff}y]\nd: plain\n  \u{feff}more\n"),
            json!({"a": "\u{feff}x\n", "b": "p \u{feff}q", "c": ["x", "\u{feff}y"], "d": "plain \u{feff}more"})
        );
        let text = "a: \"\\ud83d\\ude00\"\nb:\tc\n";
        assert_eq!(at(text, "/b").key, Some(Pos { line: 2, column: 1 }));
        assert_eq!(at(text, "/b").value, Pos { line: 2, column: 4 });
        for bad in [
            "%YAML 1.1\n---\na: 2001-12-14",
            "%YAML 1.1 1.2\n%YAML 1.2\n---\na: 1",
            "%YAML 1.1\n---\na: 2001-12-14\t21:59:43",
            "%YAML 1.1\n---\na: 2001-1-4t1:2:3.5 -5:30",
            "a: !!timestamp 2001-12-14",
            "a: !!binary eA==",
            "a: !!set {x: 1}",
            "a: !!omap [x]",
            "\u{feff}\u{feff}a: 1",
            "a: 1\rb: 2",
            "a: x\r# c",
            "- \ra",
            "a: b\n\u{feff}c: 1",
            "a:\n  -\tb: 1",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn core_schema_typing_as_yaml2() {
        let v = value(
            "a: true\nb: yes\nc: 8080\nd: '8080'\ne: 014\nf: 0o14\ng: 0x1F\nh: -0x14\ni: 0b101\nj: 1.5\nk: .5\nl: 1e3\nm: ~\nn:\no: Null\np: !!str 12\nq: !!int \"12\"\nr: !!float 1\ns: .inf\nt: NULL\nu: 1_000\nv: +12\nw: 1.\nx: !foo 1\n",
        );
        assert_eq!(
            v,
            json!({"a": true, "b": "yes", "c": 8080, "d": "8080", "e": 14, "f": 12, "g": 31, "h": "-0x14", "i": "0b101",
                   "j": 1.5, "k": 0.5, "l": 1000.0, "m": null, "n": null, "o": null, "p": "12", "q": 12, "r": "1",
                   "s": null, "t": null, "u": "1_000", "v": 12, "w": 1.0, "x": "1"})
        );
    }

    #[test]
    fn positions_are_1_based_utf16_and_skip_the_bom() {
        let text = "\u{feff}a:\n  - x: 😀\n    y: z\n";
        assert_eq!(at(text, "/a/0/y").value, Pos { line: 3, column: 8 });
        assert_eq!(at(text, "/a/0/y").key, Some(Pos { line: 3, column: 5 }));
        assert_eq!(at(text, "/a").key, Some(Pos { line: 1, column: 1 }));
        assert_eq!(at(text, "/a/0").value, Pos { line: 2, column: 5 });
        let text = "k: \"😀\"\n😀: [a, b]\n";
        assert_eq!(at(text, "/😀/1").value, Pos { line: 2, column: 9 });
        assert_eq!(at(text, "").value, Pos { line: 1, column: 1 });
    }

    #[test]
    fn crlf_and_comments_do_not_shift_positions() {
        assert_eq!(
            at("# c\r\na: 1 # c\r\nb:\r\n  c: 2\r\n", "/b/c").value,
            Pos { line: 4, column: 6 }
        );
    }

    #[test]
    fn number_keys_are_named_as_js_names_them() {
        assert_eq!(
            value("1.0: a\n2.5: b\n-0.0: c\n3: d\n1e3: e"),
            json!({"1": "a", "2.5": "b", "0": "c", "3": "d", "1000": "e"})
        );
        assert_eq!(value("a: \"\\ud83d\\U0000DE00\""), json!({"a": "😀"}));
    }

    #[test]
    fn keys_are_named_as_the_value_pass_names_them() {
        let text = "1: a\ntrue: b\n~: c\n\"x/y\": d\n";
        assert_eq!(value(text), json!({"1": "a", "true": "b", "": "c", "x/y": "d"}));
        assert_eq!(at(text, "/x~1y").value, Pos { line: 4, column: 8 });
        assert_eq!(at(text, "/1").value, Pos { line: 1, column: 4 });
    }

    /// A list that is a key's value starts at its first `-`, however it is indented (yaml@2
    /// has it so; saphyr marks one at its key's own indentation at the first item).
    #[test]
    fn a_list_starts_at_its_dash() {
        for (text, column) in [("a:\n- x\n", 1), ("a:\n  - x\n", 3), ("b:\n  a:\n  -   x: 1\n", 3)] {
            let pointer = if text.starts_with("b") { "/b/a" } else { "/a" };
            assert_eq!(
                at(text, pointer).value,
                Pos {
                    line: text.lines().count() as u32,
                    column
                },
                "{text:?}"
            );
        }
        // A flow list, and a list inside a list, are where they are.
        assert_eq!(at("a: [x]\n", "/a").value, Pos { line: 1, column: 4 });
        assert_eq!(at("- - x\n", "/0").value, Pos { line: 1, column: 3 });
    }

    /// The same depth budget as JSON (report::budget::MAX_DEPTH): a value inside
    /// `MAX_DEPTH - 1` containers is read, one container more is an issue, for flow and
    /// block collections alike.
    #[test]
    fn nesting_past_the_depth_budget_is_an_issue() {
        let flow = |containers: usize| format!("{}1{}", "[".repeat(containers), "]".repeat(containers));
        let block = |containers: usize| {
            (0..containers - 1)
                .map(|i| format!("{}k:", "  ".repeat(i)))
                .chain([format!("{}k: 1", "  ".repeat(containers - 1))])
                .collect::<Vec<_>>()
                .join("\n")
        };
        for text in [flow as fn(usize) -> String, block] {
            let inner = text(MAX_DEPTH - 1);
            assert!(parse(&inner).is_ok(), "{}", &inner[..40]);
            let issue = parse(&text(MAX_DEPTH)).unwrap_err();
            assert!(
                issue.message.contains("nesting deeper than 128 levels"),
                "{}",
                issue.message
            );
        }
    }

    #[test]
    fn errors_are_issues() {
        for text in [
            "a: [",
            "a: 1\na: 2",
            "---\na: 1\n---\nb: 2",
            "a: *x",
            "{[a]: 1}",
            "a: &x [*x]",
        ] {
            let err = parse(text).unwrap_err();
            assert_eq!(err.code, Code::InvalidYaml, "{text}");
            assert!(err.line.is_some(), "{text}");
        }
        assert_eq!(parse("a: 1\na: 2").unwrap_err().line, Some(2));
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# only a comment\n").unwrap(), None);
    }

    #[test]
    fn aliases_expand() {
        assert_eq!(
            value("a: &x {k: [1, 2]}\nb: *x\n"),
            json!({"a": {"k": [1, 2]}, "b": {"k": [1, 2]}})
        );
    }

    #[test]
    fn hostile_input_is_bounded() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (prev, next) in ["a", "b", "c", "d", "e", "f", "g"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h"])
        {
            bomb.push_str(&format!(
                "{next}: &{next} [{}]\n",
                vec![format!("*{prev}"); 9].join(", ")
            ));
        }
        assert_eq!(parse(&bomb).unwrap_err().code, Code::InvalidYaml);
        let deep = format!("{}1", "- ".repeat(10_000));
        assert_eq!(parse(&deep).err().map(|e| e.code), Some(Code::InvalidYaml));
        let flow = "[".repeat(100_000);
        assert_eq!(parse(&flow).err().map(|e| e.code), Some(Code::InvalidYaml));
    }
}
