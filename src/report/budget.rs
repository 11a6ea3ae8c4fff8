//! The budgets every call runs within (docs/api-notes.md, "Budgets"): what no input can make
//! the library exceed, so that no input can exhaust memory, take unbounded time or produce an
//! unbounded report. Each budget is stated once, here.

/// The longest input text (JSON or YAML, or the JSON text of a JS object), in UTF-8 bytes:
/// a thousand times a large real payload. Reading a text costs several times its size in
/// memory at the peak (the copy into wasm, the parser's buffers, the values); at this size the
/// worst measured case stays near 30 MiB, within the 64 MiB the package promises.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// The most values (objects, arrays, scalars) one JSON or YAML document may hold. Real
/// payloads hold a few thousand; a parsed value costs tens of bytes each.
pub const MAX_NODES: usize = 250_000;

/// The deepest nesting of a JSON or YAML document, counting the innermost value as a level
/// (so at most `MAX_DEPTH - 1` containers inside one another): serde_json's own recursion
/// limit, and the YAML reader counts the same way.
pub const MAX_DEPTH: usize = 128;

/// What YAML aliases may add to a document: nodes, and bytes of scalar and key text.
pub const MAX_ALIAS_NODES: usize = 10_000;
/// See [`MAX_ALIAS_NODES`].
pub const MAX_ALIAS_BYTES: usize = 1024 * 1024;

/// The most issues (errors and warnings together) a report lists; one `TooManyIssues` issue
/// after them says how many more were found.
pub const MAX_ISSUES: usize = 1_000;

/// The most characters of a string from the input that a message or a param repeats; a longer
/// one is cut and ends in `…`.
pub const MAX_ECHO_CHARS: usize = 200;

/// The most characters of a message (a safety net: echoed pieces are already cut).
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// The most UTF-16 units of a string argument that is no payload (a key, a status, a path
/// parameter) that is read: one unit more is read, so that a longer one is seen to be longer.
pub const MAX_PLAIN_UNITS: usize = 65_536;

/// `s`, or its first `max` characters and `…`.
pub(crate) fn cut(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    // No more bytes than the limit: no more characters either (most strings; no count).
    if s.len() <= max {
        return s.into();
    }
    match s.char_indices().nth(max) {
        None => s.into(),
        Some((end, _)) => format!("{}…", &s[..end]).into(),
    }
}

/// A string from the input as a message or a param may repeat it: at most [`MAX_ECHO_CHARS`].
pub(crate) fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    cut(s, MAX_ECHO_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_counts_characters_not_bytes() {
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "abc…");
        assert_eq!(cut("ééééé", 2), "éé…");
        assert_eq!(shown(&"x".repeat(MAX_ECHO_CHARS)).chars().count(), MAX_ECHO_CHARS);
        assert_eq!(
            shown(&"x".repeat(MAX_ECHO_CHARS + 1)).chars().count(),
            MAX_ECHO_CHARS + 1
        );
    }
}
