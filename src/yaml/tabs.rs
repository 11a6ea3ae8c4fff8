//! What starts a line where yaml@2 (the official validator's reader) and saphyr-parser read
//! it differently. Tabs yaml@2 refuses and saphyr does not: as indentation (before a line's
//! first node, also right after a `-` when a mapping follows), and before a block scalar's
//! indentation (yaml@2 follows the YAML 1.2 spec here: tabs are never indentation). A
//! byte-order mark that starts a line: before the first node and after `...` it is one for
//! both; where a node starts yaml@2 refuses it; on a line that goes on a scalar or a flow
//! collection yaml@2 reads it as text (`yaml::stand_ins` gives saphyr a stand-in). A scan of
//! the lines, only run on text with a tab or a byte-order mark: what it must know of YAML is
//! where block scalars, multi-line quoted scalars and flow collections are.

const BOM: char = '\u{feff}';

/// The byte offset of the first tab or byte-order mark yaml@2 refuses, and why.
pub(crate) fn line_problem(text: &str) -> Option<(usize, &'static str)> {
    scan(text, &mut Found::default())
}

/// What [`scan`] finds for the stand-ins (byte offsets), in text without a [`line_problem`].
#[derive(Default)]
pub(crate) struct Found {
    /// Tabs right after a key's `:` (`key:\tvalue`): YAML 1.2 and yaml@2 read such a tab as the
    /// separator it is; saphyr-parser refuses it when a letter or `-` follows.
    pub(crate) separators: Vec<usize>,
    /// Byte-order marks that start a line going on a scalar or a flow collection: text.
    pub(crate) text_boms: Vec<usize>,
}

pub(crate) fn found(text: &str) -> Found {
    let mut found = Found::default();
    scan(text, &mut found);
    found
}

/// The separator tabs alone (tests).
#[cfg(test)]
fn separator_tabs(text: &str) -> Vec<usize> {
    found(text).separators
}

fn scan(text: &str, found: &mut Found) -> Option<(usize, &'static str)> {
    let bom_inside = text.strip_prefix(BOM).unwrap_or(text).contains(BOM);
    if !text.contains('\t') && !bom_inside {
        return None;
    }
    let separators = &mut found.separators;
    let text_boms = &mut found.text_boms;
    let mut outside = true; // no node of a document read yet, or after `...`
    let mut state = State::Block;
    // The indentation of the last line whose value is a plain scalar: a more indented line
    // after it may continue that scalar, and a tab there is text.
    let mut plain_at: Option<usize> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += raw.len();
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let bom_first = line[spaces..].starts_with(BOM);
        if bom_first && !matches!(state, State::Block) {
            text_boms.push(start + spaces); // a line that goes on a scalar or a collection
        }
        match state {
            State::Quoted(quote) => {
                if let Some(rest) = close_quote(line, quote) {
                    state = after_value(rest, 0, None);
                }
                continue;
            }
            State::Flow(depth) => {
                state = flow(line, depth, Some((start, &mut *separators)));
                continue;
            }
            State::BlockScalar { parent, content } => {
                let spaces = line.len() - line.trim_start_matches(' ').len();
                let rest = &line[spaces..];
                let blank = rest.trim_start_matches([' ', '\t']).is_empty();
                if rest.starts_with('\t') {
                    // The first line of text sets the indentation: a tab after it is text.
                    if content.is_none() && spaces > parent && !blank {
                        state = State::BlockScalar {
                            parent,
                            content: Some(spaces),
                        };
                        continue;
                    }
                    // A tab where the block's indentation is (yaml@2: "Block scalar lines must
                    // not be less indented than their first line"); past it, a tab is text.
                    if content.is_none_or(|indent| spaces < indent) {
                        return Some((start + spaces, "a tab before the indentation of a block scalar"));
                    }
                    continue;
                }
                if blank {
                    continue;
                }
                if spaces > parent {
                    if content.is_none() {
                        state = State::BlockScalar {
                            parent,
                            content: Some(spaces),
                        };
                    }
                    continue;
                }
                state = State::Block; // the scalar ended: this line is read below
            }
            State::Block => {}
        }
        // A block line: its indentation, then `- ` indicators, then a node.
        let mut rest = &line[spaces..];
        let mut at = start + spaces;
        if bom_first {
            let continues_plain = plain_at.is_some_and(|indent| spaces > indent);
            if continues_plain {
                text_boms.push(at);
            } else if !outside && at > 0 {
                return Some((
                    at,
                    "a byte-order mark (U+FEFF) inside the document, where a node starts",
                ));
            }
            rest = rest.trim_start_matches(BOM);
            at += line[spaces..].len() - rest.len();
        }
        let bare = rest.trim_end();
        let after_end = bare.strip_prefix("...").map(str::trim_start);
        if after_end.is_some_and(|r| r.is_empty() || r.starts_with('#')) {
            outside = true;
        } else if !(bare.is_empty() || bare.starts_with('#') || bare.starts_with('%') || bare == "---") {
            outside = false;
        }
        if rest.starts_with('\t') {
            let content = rest.trim_start_matches([' ', '\t']);
            let continues_plain = plain_at.is_some_and(|indent| spaces > indent);
            if !(content.is_empty() || content.starts_with('#') || continues_plain) {
                return Some((at, "a tab as indentation"));
            }
            continue;
        }
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        if plain_at.is_some_and(|indent| spaces > indent) && !starts_mapping(rest) {
            continue; // a continuation line of a plain scalar
        }
        plain_at = None;
        let mut column = spaces;
        let mut dash_column = spaces; // where the last `-` stands (a list item's indentation)
        while let Some(after) = rest.strip_prefix('-').filter(|a| a.starts_with([' ', '\t'])) {
            dash_column = column;
            let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
            let node = &after[gap..];
            if after[..gap].contains('\t') && starts_mapping(node) {
                return Some((at + 1, "a tab after '-' before a mapping (a tab is not indentation)"));
            }
            at += 1 + gap;
            column += 1 + gap;
            rest = node;
        }
        let value = value_part(rest);
        // `value` is a suffix of `rest`; before it, when there is a key: `:` and blanks.
        let key_end = rest[..rest.len() - value.len()].trim_end_matches([' ', '\t']).len();
        if key_end > 0 && rest[key_end..].starts_with('\t') {
            separators.push(at + key_end);
        }
        let value_at = at + (rest.len() - value.len());
        // A block scalar's text is indented past its parent: the key's, or the list item's.
        let parent = if key_end > 0 { column } else { dash_column };
        state = after_value(value, parent, Some((value_at, &mut *separators)));
        let value = without_properties(value);
        let plain = !value.is_empty() && !value.starts_with(['"', '\'', '[', '{', '|', '>', '#', '*']);
        if plain && matches!(state, State::Block) {
            plain_at = Some(spaces);
        }
    }
    None
}

#[derive(Clone, Copy)]
enum State {
    Block,
    /// Inside a quoted scalar that continues on the next line.
    Quoted(char),
    /// Inside a flow collection, this many brackets deep.
    Flow(usize),
    /// Inside a block scalar whose parent line is indented `parent` spaces; `content` is the
    /// indentation of its first line once known.
    BlockScalar {
        parent: usize,
        content: Option<usize>,
    },
}

/// Whether a node starts a block mapping on this line: a key (plain or quoted) then `:`.
fn starts_mapping(node: &str) -> bool {
    let body = match node.chars().next() {
        Some(q @ ('"' | '\'')) => match close_quote(&node[1..], q) {
            Some(rest) => return rest.trim_start_matches([' ', '\t']).starts_with(':'),
            None => return false,
        },
        Some('#' | '[' | '{' | '|' | '>' | '&' | '*' | '!') | None => return false,
        Some(_) => node,
    };
    let bytes = body.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b':' && bytes.get(i + 1).is_none_or(|n| matches!(n, b' ' | b'\t')) && !body[..i].contains(" #")
    })
}

/// The value of a block line: what follows its key's `:` (or the whole node when no key).
fn value_part(node: &str) -> &str {
    if node.starts_with(['"', '\'']) {
        let q = node.chars().next().unwrap_or('"');
        return match close_quote(&node[1..], q) {
            Some(rest) => {
                let rest = rest.trim_start_matches([' ', '\t']);
                rest.strip_prefix(':')
                    .map_or(node, |v| v.trim_start_matches([' ', '\t']))
            }
            None => node,
        };
    }
    let bytes = node.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t')) {
            return node;
        }
        if b == b':' && bytes.get(i + 1).is_none_or(|n| matches!(n, b' ' | b'\t')) {
            return node[i + 1..].trim_start_matches([' ', '\t']);
        }
    }
    node
}

/// What the next lines are, after a value starting with `value` on a line indented `indent`.
/// The offset of a text in the whole text, and where the separator tabs found go.
type Sink<'s> = Option<(usize, &'s mut Vec<usize>)>;

/// A node without its properties (`&anchor`, `!tag`): what follows them decides its kind.
fn without_properties(mut value: &str) -> &str {
    while value.starts_with(['&', '!']) {
        let end = value.find([' ', '\t']).unwrap_or(value.len());
        value = value[end..].trim_start_matches([' ', '\t']);
    }
    value
}

fn after_value(value: &str, indent: usize, found: Sink<'_>) -> State {
    let bare = without_properties(value);
    let found = found.map(|(at, separators)| (at + (value.len() - bare.len()), separators));
    let value = bare;
    match value.chars().next() {
        Some(q @ ('"' | '\'')) => match close_quote(&value[1..], q) {
            Some(_) => State::Block,
            None => State::Quoted(q),
        },
        Some('[' | '{') => flow(value, 0, found),
        Some('|' | '>') => {
            let header = value[1..].split('#').next().unwrap_or("").trim_end_matches([' ', '\t']);
            if header.chars().all(|c| matches!(c, '+' | '-' | '0'..='9')) {
                State::BlockScalar {
                    parent: indent,
                    content: None,
                }
            } else {
                State::Block
            }
        }
        _ => State::Block,
    }
}

/// After the closing quote of a scalar opened before `text`, or `None` when it stays open.
fn close_quote(text: &str, quote: char) -> Option<&str> {
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && text[i + 1..].starts_with('\'') {
                chars.next();
                continue;
            }
            return Some(&text[i + 1..]);
        }
    }
    None
}

/// The flow state after `line`, `depth` brackets deep before it (quoted scalars inside
/// skipped: a quote opens one only where a node starts; `#` is a comment only after a blank).
/// A tab right after a `:` indicator is a separator tab, recorded when `found` says where.
fn flow(line: &str, mut depth: usize, mut found: Sink<'_>) -> State {
    let mut i = 0;
    let mut prev = ' ';
    while let Some(c) = line[i..].chars().next() {
        i += c.len_utf8();
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return State::Block;
                }
            }
            '"' | '\'' if matches!(prev, ' ' | '\t' | '[' | '{' | ',' | ':') => match close_quote(&line[i..], c) {
                Some(after) => i = line.len() - after.len(),
                None => return State::Quoted(c), // approximate: the flow resumes unknown
            },
            ':' if line[i..].starts_with('\t') => {
                if let Some((at, separators)) = found.as_mut() {
                    separators.push(*at + i);
                }
            }
            '#' if matches!(prev, ' ' | '\t') => break,
            _ => {}
        }
        prev = c;
    }
    if depth == 0 {
        State::Block
    } else {
        State::Flow(depth)
    }
}

#[cfg(test)]
mod tests {
    use super::line_problem as tab_problem;

    #[test]
    fn refuses_what_yaml2_refuses() {
        for text in [
            "deployAs:\n  -\tname: ab\n    applicationType: assets\n",
            "deployAs:\n \t- name: ab\n",
            "a:\n  b: 1\n  \tc: 2\n",
            "a: |-\n  ab\n\t\nb: 1\n",
            "a:\n  b: >-\n      ab\n    \t# c\n",
            "\tdeployAs: []\n",
            "a: [it's]\nb:\n  -\tc: 1\n",
        ] {
            assert!(tab_problem(text).is_some(), "{text:?}");
        }
    }

    #[test]
    fn finds_the_tabs_after_a_keys_colon() {
        use super::separator_tabs;
        assert_eq!(separator_tabs("a:\tb\n- c:\t\td\ne: \tf\n"), [2, 9]);
        assert_eq!(separator_tabs("a: \"x:\ty\"\nb: |\n  c:\td\n\"k\":\tv\n"), [26]);
        assert!(separator_tabs("a\tb: c\n# x:\ty\n").is_empty());
        // In a flow mapping too; not inside a block scalar after a tag or an anchor.
        assert_eq!(separator_tabs("a: {b:\tc}\n"), [6]);
        assert!(separator_tabs("a: !!str |\n  k:\tv\nb: &x |\n  k:\tv\n").is_empty());
    }

    #[test]
    fn leaves_what_yaml2_reads() {
        for text in [
            "a:\tb\n",
            "a: b\t# c\n",
            "- \tx\n",
            "-\tscalar\n",
            "a: |\n  x\ty\n  \tz\n",
            "a: \"x\n\ty\"\n",
            "a: [x,\n\ty]\n",
            "a: 'it''s\n\tz'\n",
            "a: [it's]\nb:\tc\n",
            "a: [x#y]\nb: 1\n",
            "a: &x |\n  \tx\n",
            "a:\n  - |\n   \tv\n",
            "a: !!str |\n  \tx\n",
            "\t# comment\na: 1\n",
            "a: 1\n\t\nb: 2\n",
            "a: text that\n  \tgoes on\n",
        ] {
            assert_eq!(tab_problem(text), None, "{text:?}");
        }
    }
}
