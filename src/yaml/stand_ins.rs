//! Text that saphyr-parser reads otherwise than yaml@2 (the official validator's reader), and
//! what its scanner is given in its place: as many characters, so every line, column and
//! index stays where it is. A scalar whose text held a stand-in gets the original back.
//!
//! | in the text | saphyr-parser | yaml@2 | the scanner reads |
//! |---|---|---|---|
//! | NUL | the end of the input | a control character | U+FDD0 |
//! | a byte-order mark inside a line, or starting one that goes on a scalar | an error | text (in a scalar, a comment) | U+FDD1 |
//! | CR not followed by LF | a line break | text (beside indicators: a blank) | U+FDD2 (refused in a plain scalar) |
//! | `\uD83D\uDE00` (a surrogate pair as two escapes, as JSON writers escape) | an error | one character | `\a\U0001F600` (the BEL is dropped) |
//! | `\uD800` alone (also `\U0000D800`) | an error | a lone surrogate | `\uFFFD` |
//! | a tab right after a key's `:` | an error before a letter or `-` | the separator | a space |
//! | a `%YAML` directive that another follows | an error | ignored (the last one counts) | `#` for its `%` (a malformed one is left to the scanner) |
//!
//! A lone surrogate cannot be held by a Rust string: it reads as U+FFFD, as a lone surrogate
//! in a JS object does (`json_text::without_lone_surrogates`). U+FDD0–U+FDD2 are
//! noncharacters: a scalar holding one of its own *and* a stand-in of the same kind could get
//! the wrong one back (we know of no text that does).

use saphyr_parser::ScalarStyle;
use std::borrow::Cow;

const NUL: char = '\u{FDD0}';
const BOM: char = '\u{FDD1}';
const CR: char = '\u{FDD2}';
const BEL: char = '\u{7}';

#[derive(Default)]
pub(crate) struct StandIns {
    /// What the scanner reads at a character index, where it is not the text's character
    /// (sorted by index).
    by_index: Vec<(usize, char)>,
    /// Each replacement, by the index of its first character.
    replaced: Vec<Replaced>,
}

struct Replaced {
    at: usize,
    kind: Kind,
}

enum Kind {
    /// One character for another.
    Char { original: char, stand_in: char },
    /// A surrogate escape; `joined` is the character a pair makes.
    Escape {
        original: String,
        given: String,
        joined: Option<char>,
    },
    /// Read otherwise in no scalar: a tab as a space, a directive's `%` as `#`.
    Outside,
}

/// Whether `text` has a CR that no LF follows (the fast path reads CR LF only).
pub(crate) fn has_lone_cr(text: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices('\r').any(|(i, _)| b.get(i + 1) != Some(&b'\n'))
}

impl StandIns {
    /// The stand-ins of `text` (the document text, a leading byte-order mark removed).
    pub(crate) fn of(text: &str) -> StandIns {
        let mut found = StandIns::default();
        // A directive starts a line: a `%` elsewhere (a description's "50 %") needs no scan.
        let directive = text.starts_with('%') || text.contains("\n%");
        if !directive && !text.contains(['\0', '\u{feff}', '\r', '\t', '\\']) {
            return found;
        }
        // Byte offsets, in order, as the characters are met (so the stand-ins come in order).
        let lines = crate::yaml::tabs::found(text);
        let mut separators = lines.separators.into_iter().peekable();
        let mut text_boms = lines.text_boms.into_iter().peekable();
        let mut directives = repeated_version_directives(text).into_iter().peekable();
        let mut line_start = true; // only spaces so far on this line
        let mut backslashes = 0; // the run of `\` just before
        let mut skip_to = 0;
        for (index, (byte, c)) in text.char_indices().enumerate() {
            if index < skip_to {
                continue;
            }
            let odd_backslashes = backslashes % 2 == 1;
            backslashes = if c == '\\' { backslashes + 1 } else { 0 };
            let stand_in = match c {
                '\0' => Some(NUL),
                // At the start of a line it is a byte-order mark to saphyr and yaml@2 alike
                // (between documents), or text (a line that goes on a scalar: `tabs`), or
                // refused (`tabs::line_problem`).
                '\u{feff}' if !line_start || text_boms.next_if_eq(&byte).is_some() => Some(BOM),
                '\r' if text.as_bytes().get(byte + 1) != Some(&b'\n') => Some(CR),
                '\t' if separators.next_if_eq(&byte).is_some() => {
                    found.add(index, ' ', Kind::Outside);
                    None
                }
                '%' if directives.next_if_eq(&byte).is_some() => {
                    found.add(index, '#', Kind::Outside);
                    None
                }
                '\\' if !odd_backslashes => {
                    if let Some((original, given, joined)) = surrogate_escape(&text[byte..]) {
                        found
                            .by_index
                            .extend(given.chars().enumerate().map(|(k, g)| (index + k, g)));
                        skip_to = index + original.len();
                        backslashes = 0;
                        found.replaced.push(Replaced {
                            at: index,
                            kind: Kind::Escape {
                                original: original.to_owned(),
                                given,
                                joined,
                            },
                        });
                    }
                    None
                }
                _ => None,
            };
            if let Some(stand_in) = stand_in {
                found.add(index, stand_in, Kind::Char { original: c, stand_in });
            }
            line_start = match c {
                '\n' => true,
                ' ' => line_start,
                _ => false,
            };
        }
        found
    }

    fn add(&mut self, index: usize, read: char, kind: Kind) {
        self.by_index.push((index, read));
        self.replaced.push(Replaced { at: index, kind });
    }

    /// What the scanner reads at character `index` instead of the text's character.
    pub(crate) fn at(&self, index: usize) -> Option<char> {
        if self.by_index.is_empty() {
            return None;
        }
        let k = self.by_index.binary_search_by_key(&index, |&(i, _)| i).ok()?;
        Some(self.by_index[k].1)
    }

    /// The scalar that saphyr read from characters `start..end`, with the originals back.
    pub(crate) fn restore<'a>(&self, raw: Cow<'a, str>, style: ScalarStyle, start: usize, end: usize) -> Cow<'a, str> {
        let mut inside = self.inside(start, end).peekable();
        if inside.peek().is_none() {
            return raw; // most scalars hold no stand-in: no copy
        }
        let mut value = raw.into_owned();
        let mut from = 0; // the replacements are in text order, and so are their readings
        for replaced in inside {
            let (read, original): (Cow<'_, str>, Cow<'_, str>) = match &replaced.kind {
                Kind::Char { original, stand_in } => (stand_in.to_string().into(), original.to_string().into()),
                Kind::Escape { joined, original, .. } if matches!(style, ScalarStyle::DoubleQuoted) => match joined {
                    Some(c) => (
                        format!("{}{c}", BEL.to_string().repeat(marks(original))).into(),
                        c.to_string().into(),
                    ),
                    None => continue, // a lone surrogate: U+FFFD stays
                },
                // Outside a double-quoted scalar an escape is text.
                Kind::Escape { original, given, .. } => (given.as_str().into(), original.as_str().into()),
                Kind::Outside => continue,
            };
            if let Some(i) = value[from..].find(read.as_ref()).map(|i| i + from) {
                value.replace_range(i..i + read.len(), &original);
                from = i + original.len();
            }
        }
        Cow::Owned(value)
    }

    /// Whether characters `start..end` hold a CR without a LF. In a plain scalar yaml@2 reads
    /// it beside indicators as a blank and elsewhere as text, which no 1.2 reader does; such a
    /// scalar is refused (`yaml::events`), as every lone CR was before the stand-ins.
    pub(crate) fn has_lone_cr(&self, start: usize, end: usize) -> bool {
        self.inside(start, end)
            .any(|r| matches!(r.kind, Kind::Char { original: '\r', .. }))
    }

    /// The replacements among characters `start..end`, in order.
    fn inside(&self, start: usize, end: usize) -> impl Iterator<Item = &Replaced> {
        let first = self.replaced.partition_point(|r| r.at < start);
        self.replaced[first..].iter().take_while(move |r| r.at < end)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.replaced.is_empty()
    }
}

/// The `%YAML` directives of the prologue (the lines before the document: directives,
/// comments, blank lines), each well-formed one (`%YAML 1.1`, a comment after it allowed) as
/// its byte offset and version.
pub(crate) fn version_directives(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if !(bare.starts_with('%') || bare.trim().is_empty() || bare.starts_with('#')) {
            break;
        }
        let words: Vec<&str> = bare
            .split(" #")
            .next()
            .unwrap_or("")
            .split([' ', '\t'])
            .filter(|w| !w.is_empty())
            .collect();
        if let ["%YAML", version] = words[..] {
            found.push((offset, version));
        }
        offset += line.len();
    }
    found
}

/// The byte offsets of every well-formed `%YAML` directive but the last: each reads as a
/// comment (yaml@2 lets the last one count; `yaml::Schema::of` reads the last one).
fn repeated_version_directives(text: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = version_directives(text).into_iter().map(|(at, _)| at).collect();
    offsets.pop();
    offsets
}

/// The `\a` marks a pair's stand-in holds: what makes up its length beyond `\U0001F600`.
fn marks(original: &str) -> usize {
    (original.len() - 10) / 2
}

/// A surrogate escape at the start of `text` (`\uD83D\uDE00`, `\uD800`, `\U0000DC00`): the
/// escape, what the scanner is given (as many characters), and the character a pair makes.
fn surrogate_escape(text: &str) -> Option<(&str, String, Option<char>)> {
    let code = |at: usize| -> Option<(u32, usize)> {
        let rest = text.get(at..)?;
        let digits = match rest.as_bytes().get(..2)? {
            b"\\u" => 4,
            b"\\U" => 8,
            _ => return None,
        };
        let hex = rest.get(2..2 + digits)?;
        let code = u32::from_str_radix(hex, 16)
            .ok()
            .filter(|_| hex.bytes().all(|b| b.is_ascii_hexdigit()))?;
        Some((code, 2 + digits))
    };
    let (high, len) = code(0).filter(|(c, _)| (0xD800..=0xDFFF).contains(c))?;
    if (0xD800..=0xDBFF).contains(&high) {
        if let Some((low, low_len)) = code(len).filter(|(c, _)| (0xDC00..=0xDFFF).contains(c)) {
            let joined = char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
            // 12, 16 or 20 characters: `\U0001F600` and as many `\a` as make up the length.
            let whole = len + low_len;
            let given = format!("{}\\U{:08X}", "\\a".repeat((whole - 10) / 2), u32::from(joined));
            return Some((&text[..whole], given, Some(joined)));
        }
    }
    let given = if len == 6 { "\\uFFFD" } else { "\\U0000FFFD" };
    Some((&text[..len], given.to_owned(), None))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn escapes_keep_their_length() {
        let (orig, given, joined) = surrogate_escape("\\ud83d\\ude00 x").unwrap();
        assert_eq!(
            (orig, given.as_str(), joined),
            ("\\ud83d\\ude00", "\\a\\U0001F600", Some('😀'))
        );
        assert_eq!(surrogate_escape("\\uDE00\\ud83d").unwrap().1, "\\uFFFD");
        assert_eq!(
            surrogate_escape("\\ud83d\\U0000DE00").unwrap().1,
            "\\a\\a\\a\\U0001F600"
        );
        assert_eq!(
            surrogate_escape("\\U0000D83D\\U0000DE00").unwrap().1,
            "\\a\\a\\a\\a\\a\\U0001F600"
        );
        assert_eq!(surrogate_escape("\\U0000D800").unwrap().1, "\\U0000FFFD");
        assert!(surrogate_escape("\\u0041").is_none());
        assert!(surrogate_escape("\\uD8").is_none());
        // An escaped backslash: `\\uD800` is text, no escape.
        assert!(StandIns::of("a: \"\\\\uD800\"").is_empty());
        assert!(!StandIns::of("a: \"\\\\\\uD800\"").is_empty());
        let two = StandIns::of("%YAML 1.1\n# c\n%YAML 1.2\n---\na: 1\n");
        assert_eq!((two.at(0), two.at(14)), (Some('#'), None));
    }
}
