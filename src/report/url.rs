//! Percent-encoding for the paths and query strings the library builds or reads (Tray's
//! Deployments API paths, the tracker's query string).

/// Percent-encodes every byte but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`).
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A query string component decoded as `URLSearchParams` reads it (`+` is a space, `%XX` a
/// byte), but strictly: a `%` not followed by two hex digits, or bytes that are not UTF-8,
/// are an `Err` saying why.
pub(crate) fn form_decode(s: &str) -> Result<String, &'static str> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = |k: usize| bytes.get(k).and_then(|b| char::from(*b).to_digit(16));
                let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2)) else {
                    return Err("holds a '%' that is not followed by two hexadecimal digits");
                };
                out.push((hi * 16 + lo) as u8);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| "decodes to bytes that are not UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_decodes() {
        assert_eq!(percent_encode("a b?#%é/"), "a%20b%3F%23%25%C3%A9%2F");
        assert_eq!(form_decode("a+b%20c%C3%A9").as_deref(), Ok("a b cé"));
        assert!(form_decode("%zz").is_err());
        assert!(form_decode("%4").is_err());
        assert!(form_decode("%FF").is_err());
        for s in ["", "x", "a b", "é~-._", "100%", "\u{1F600}&="] {
            assert_eq!(form_decode(&percent_encode(s)).as_deref(), Ok(s));
        }
    }
}
