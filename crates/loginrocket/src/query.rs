//! Query strings as a browser's `URLSearchParams` writes and reads them
//! (`application/x-www-form-urlencoded`): the client's `GET`/`DELETE` params, the hosted
//! pages' URLs, and the kit's own links. Small on purpose: the `form_urlencoded` crate's
//! tables and generic adapters cost the browser build more than these few lines (wasm size).
//!
//! ```
//! use loginrocket::query::{parse, Query};
//!
//! let mut query = Query::new();
//! query.append_pair("redirect", "/billing?x=1").append_pair("name", "Zoë B");
//! let text = query.finish();
//! assert_eq!(text, "redirect=%2Fbilling%3Fx%3D1&name=Zo%C3%AB+B");
//! assert_eq!(parse(&text), [("redirect".into(), "/billing?x=1".into()), ("name".into(), "Zoë B".into())]);
//! ```

/// A query string being built, pair by pair.
///
/// ```
/// let mut query = loginrocket::query::Query::new();
/// assert_eq!(query.append_pair("a b", "c&d").finish(), "a+b=c%26d");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query(String);

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `key=value`, each encoded (`&` between pairs).
    pub fn append_pair(&mut self, key: &str, value: &str) -> &mut Self {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        encode_into(&mut self.0, key);
        self.0.push('=');
        encode_into(&mut self.0, value);
        self
    }

    /// The query's text (empty when no pair was appended), without a leading `?`.
    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

/// Appends `text` encoded: ASCII letters, digits and `*-._` as they are, a space as `+`, every
/// other byte of its UTF-8 as `%XX` (upper case).
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 15)]));
            }
        }
    }
}

/// The pairs of a query string (without its `?`), decoded: `+` is a space, `%XX` a byte, and
/// bytes that are not UTF-8 become U+FFFD. Empty pieces are skipped; a piece without `=` is a
/// key with an empty value.
///
/// ```
/// use loginrocket::query::parse;
///
/// assert_eq!(parse("a=1&&b&c=%E2%9C%93+x"), [("a".into(), "1".into()), ("b".into(), String::new()), ("c".into(), "✓ x".into())]);
/// ```
pub fn parse(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
            (decode(key), decode(value))
        })
        .collect()
}

/// `text` decoded: `+` as a space, `%XX` as its byte (a `%` not followed by two hex digits
/// kept as it is).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: Option<&u8>) -> Option<u8> {
    char::from(*byte?).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same text as the `form_urlencoded` crate (what `URLSearchParams` writes), both
    /// ways, over every byte and some awkward strings.
    #[test]
    fn it_writes_and_reads_what_form_urlencoded_does() {
        let every_char: String = (0u32..0x300).filter_map(char::from_u32).collect();
        let samples = [
            "",
            "plain",
            "a b+c&d=e?f#g/h%i",
            "Zoë ✓ 日本 🎉",
            "%zz %4 %41%",
            "*-._~!'()",
            &every_char,
        ];
        for key in samples {
            for value in samples {
                let mut ours = Query::new();
                ours.append_pair(key, value).append_pair("k", "v");
                let theirs = form_urlencoded::Serializer::new(String::new())
                    .append_pair(key, value)
                    .append_pair("k", "v")
                    .finish();
                let text = ours.finish();
                assert_eq!(text, theirs);
                let parsed: Vec<(String, String)> = form_urlencoded::parse(text.as_bytes())
                    .into_owned()
                    .collect();
                assert_eq!(parse(&text), parsed);
            }
        }
        for raw in [
            "a=%zz&b=%4&c=%41%&d=%e2%9c%93",
            "x&=y&&z=",
            "%FF%FE=1",
            "a=b=c",
        ] {
            let theirs: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
                .into_owned()
                .collect();
            assert_eq!(parse(raw), theirs, "{raw}");
        }
        assert!(Query::new().finish().is_empty());
    }
}
