//! Tabs where yaml@2 (the official validator's reader) refuses them and saphyr-parser does
//! not: as indentation (before a line's first node, also right after a `-` when a mapping
//! follows), and before a block scalar's indentation. yaml@2 follows the YAML 1.2 spec here
//! (tabs are never indentation); saphyr reads such text. A scan of the lines, only run on text
//! that has a tab: what it must know of YAML is where block scalars, multi-line quoted scalars
//! and flow collections are, whose lines it leaves alone.

/// The byte offset of the first tab yaml@2 refuses, and why.
pub(crate) fn tab_problem(text: &str) -> Option<(usize, &'static str)> {
    scan(text, &mut Vec::new())
}

/// The byte offsets of tabs right after a key's `:` (`key:\tvalue`): YAML 1.2 and yaml@2 read
/// such a tab as the separator it is; saphyr-parser refuses it when a letter or `-` follows.
/// Only meaningful for text without a [`tab_problem`].
pub(crate) fn separator_tabs(text: &str) -> Vec<usize> {
    let mut found = Vec::new();
    scan(text, &mut found);
    found
}

fn scan(text: &str, separators: &mut Vec<usize>) -> Option<(usize, &'static str)> {
    if !text.contains('\t') {
        return None;
    }
    let mut state = State::Block;
    // The indentation of the last line whose value is a plain scalar: a more indented line
    // after it may continue that scalar, and a tab there is text.
    let mut plain_at: Option<usize> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += raw.len();
        match state {
            State::Quoted(quote) => {
                if let Some(rest) = close_quote(line, quote) {
                    state = after_value(rest, 0);
                }
                continue;
            }
            State::Flow(depth) => {
                state = flow(line, depth);
                continue;
            }
            State::BlockScalar { parent, content } => {
                let spaces = line.len() - line.trim_start_matches(' ').len();
                let rest = &line[spaces..];
                let blank = rest.trim_start_matches([' ', '\t']).is_empty();
                if rest.starts_with('\t') {
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
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let mut rest = &line[spaces..];
        let mut at = start + spaces;
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
        while let Some(after) = rest.strip_prefix('-').filter(|a| a.starts_with([' ', '\t'])) {
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
        state = after_value(value, column);
        let plain = !value.is_empty() && !value.starts_with(['"', '\'', '[', '{', '|', '>', '#', '&', '*', '!']);
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
fn after_value(value: &str, indent: usize) -> State {
    match value.chars().next() {
        Some(q @ ('"' | '\'')) => match close_quote(&value[1..], q) {
            Some(_) => State::Block,
            None => State::Quoted(q),
        },
        Some('[' | '{') => flow(value, 0),
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

/// The flow state after `line`, `depth` brackets deep before it (quotes inside skipped).
fn flow(line: &str, mut depth: usize) -> State {
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return State::Block;
                }
            }
            '"' | '\'' => {
                let rest = chars.as_str();
                match close_quote(rest, c) {
                    Some(after) => chars = after.chars(),
                    None => return State::Quoted(c), // approximate: the flow resumes unknown
                }
            }
            '#' => break,
            _ => {}
        }
    }
    if depth == 0 {
        State::Block
    } else {
        State::Flow(depth)
    }
}

#[cfg(test)]
mod tests {
    use super::tab_problem;

    #[test]
    fn refuses_what_yaml2_refuses() {
        for text in [
            "deployAs:\n  -\tname: ab\n    applicationType: assets\n",
            "deployAs:\n \t- name: ab\n",
            "a:\n  b: 1\n  \tc: 2\n",
            "a: |-\n  ab\n\t\nb: 1\n",
            "a:\n  b: >-\n      ab\n    \t# c\n",
            "\tdeployAs: []\n",
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
            "\t# comment\na: 1\n",
            "a: 1\n\t\nb: 2\n",
            "a: text that\n  \tgoes on\n",
        ] {
            assert_eq!(tab_problem(text), None, "{text:?}");
        }
    }
}
