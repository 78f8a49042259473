//! The client's one JSON reader and writer: LoginRocket's bodies, a stored session and a
//! token's claims become [`serde_json::Value`]s without serde's deserializer, and requests and
//! a stored session become text without serde_json's writer, which a browser build then does
//! not carry (measured in the README's figures). [`to_string`] writes what
//! `serde_json::to_string` writes, byte for byte.
//!
//! It reads what `JSON.parse` reads (RFC 8259), and no more: no comments, no trailing commas,
//! no leading zeros, no raw control characters in strings, nothing after the value. Where
//! loginrocket.js, on `fetch` and `JSON.parse`, is more lenient, so is this reader:
//! - a UTF-8 byte order mark before the JSON is skipped (`fetch` drops it when it decodes);
//! - an escaped unpaired UTF-16 surrogate (`"\ud800"`) reads as U+FFFD, as its display does.
//!
//! Where it must refuse what `JSON.parse` would read, it refuses the whole text (`None`) and
//! never changes a value's type:
//! - a number that `f64` cannot hold (`1e400`; `JSON.parse` gives `Infinity`, which a
//!   [`serde_json::Value`] cannot hold, and a string of its text would be a different type);
//! - arrays and objects nested deeper than [`MAX_DEPTH`];
//! - text that is not UTF-8.
//!
//! Numbers read as serde_json reads them (an integer that fits in `u64` or `i64` stays an
//! integer; any other number is an `f64`), and as exactly as `JSON.parse`: the nearest `f64`,
//! where serde_json without its `float_roundtrip` feature may be one unit off.
//!
//! ```
//! use loginrocket::json;
//! use serde_json::json;
//!
//! assert_eq!(json::parse(br#"{"a": [1, -2.5, "\u00e9", null]}"#), Some(json!({"a": [1, -2.5, "é", null]})));
//! assert_eq!(json::parse(br#"{"a": 1,}"#), None);
//! assert_eq!(json::parse(br#"{"a": 1e400}"#), None);
//! ```

use serde_json::{Map, Number, Value};

/// How deeply arrays and objects may nest, counting the outermost one; deeper text is refused
/// as a whole. LoginRocket's bodies nest three deep.
///
/// ```
/// use loginrocket::json::{parse, MAX_DEPTH};
///
/// let nested = |n: usize| "[".repeat(n) + &"]".repeat(n);
/// assert!(parse(nested(MAX_DEPTH).as_bytes()).is_some());
/// assert_eq!(parse(nested(MAX_DEPTH + 1).as_bytes()), None);
/// ```
pub const MAX_DEPTH: usize = 128;

/// Reads `text` as one JSON value. `None` when it is not JSON, or is JSON this reader refuses
/// (see the [module](self)). Never panics, whatever the input.
///
/// ```
/// use loginrocket::json;
///
/// let value = json::parse(b"\xEF\xBB\xBF[1, 18446744073709551616, \"\\ud800\"]").unwrap();
/// assert_eq!(value[0], 1);
/// assert_eq!(value[1].as_f64(), Some(18446744073709551616.0)); // past u64: a float
/// assert_eq!(value[2], "\u{FFFD}"); // an unpaired surrogate, as JSON.parse shows it
/// assert_eq!(json::parse(b"[1e400]"), None); // Infinity: no JSON value holds it
/// ```
pub fn parse(text: &[u8]) -> Option<Value> {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    std::str::from_utf8(text).ok()?;
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(MAX_DEPTH)?;
    reader.space();
    (reader.at == text.len()).then_some(value)
}

/// Reads `text` as one JSON object, as [`parse`] does; `None` for any other value.
///
/// ```
/// let map = loginrocket::json::parse_object(br#"{"result": "okay"}"#).unwrap();
/// assert_eq!(map["result"], "okay");
/// assert_eq!(loginrocket::json::parse_object(b"[]"), None);
/// ```
pub fn parse_object(text: &[u8]) -> Option<Map<String, Value>> {
    match parse(text)? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

/// `value` as compact JSON text: byte for byte what `serde_json::to_string` writes (keys in
/// the map's order, `/` and non-ASCII as they are, control characters escaped).
///
/// ```
/// use serde_json::json;
/// let value = json!({"b": [1, 2.5, null], "a": "\"é\"\n"});
/// assert_eq!(loginrocket::json::to_string(&value), r#"{"a":"\"é\"\n","b":[1,2.5,null]}"#);
/// ```
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write(item, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let b = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[b >> 4]));
                out.push(char::from(HEX[b & 0xF]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A cursor over UTF-8 text already checked to be UTF-8.
struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Skips white space, then `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let next = self.peek() == Some(byte);
        self.at += usize::from(next);
        next
    }

    /// One value, with at most `depth` levels of arrays and objects.
    fn value(&mut self, depth: usize) -> Option<Value> {
        self.space();
        let (word, value): (&[u8], Value) = match self.peek()? {
            b'{' | b'[' if depth == 0 => return None,
            b'{' => return self.object(depth - 1).map(Value::Object),
            b'[' => return self.array(depth - 1).map(Value::Array),
            b'"' => return self.string().map(Value::String),
            b't' => (b"true", Value::Bool(true)),
            b'f' => (b"false", Value::Bool(false)),
            b'n' => (b"null", Value::Null),
            _ => return self.number().map(Value::Number),
        };
        self.text[self.at..].starts_with(word).then(|| {
            self.at += word.len();
            value
        })
    }

    fn object(&mut self, depth: usize) -> Option<Map<String, Value>> {
        self.at += 1;
        let mut map = Map::new();
        if self.eat(b'}') {
            return Some(map);
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return None;
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return None;
            }
            // a repeated key keeps its last value, as `JSON.parse`'s does
            map.insert(key, self.value(depth)?);
            if self.eat(b'}') {
                return Some(map);
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Vec<Value>> {
        self.at += 1;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Some(items);
        }
        loop {
            items.push(self.value(depth)?);
            if self.eat(b']') {
                return Some(items);
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let byte = self.peek()?;
            self.at += 1;
            match byte {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let c = match self.peek()? {
                        b'u' => {
                            self.at += 1;
                            self.unicode_escape()?
                        }
                        escaped => {
                            self.at += 1;
                            char::from(match escaped {
                                b'"' | b'\\' | b'/' => escaped,
                                b'b' => 0x08,
                                b'f' => 0x0C,
                                b'n' => b'\n',
                                b'r' => b'\r',
                                b't' => b'\t',
                                _ => return None,
                            })
                        }
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                0..=0x1F => return None,
                _ => out.push(byte),
            }
        }
    }

    /// The character of a `\uXXXX` escape whose `XXXX` is next (and of the low surrogate's
    /// escape after it, when it pairs): an unpaired surrogate is U+FFFD.
    fn unicode_escape(&mut self) -> Option<char> {
        let unit = self.hex4()?;
        if !(0xD800..0xDC00).contains(&unit) {
            return Some(char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        let rest = &self.text[self.at..];
        if rest.starts_with(b"\\u") {
            let save = self.at;
            self.at += 2;
            match self.hex4() {
                Some(low @ 0xDC00..0xE000) => {
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    return char::from_u32(code);
                }
                // not a low surrogate: read again as an escape of its own
                Some(_) => self.at = save,
                None => return None,
            }
        }
        Some(char::REPLACEMENT_CHARACTER)
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        let mut unit = 0;
        for &d in digits {
            unit = unit * 16 + char::from(d).to_digit(16)?;
        }
        self.at += 4;
        Some(unit)
    }

    /// A number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
    fn number(&mut self) -> Option<Number> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        self.at += usize::from(negative);
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
            integer = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
            integer = false;
        }
        // ASCII only, checked above
        let text = std::str::from_utf8(&self.text[start..self.at]).ok()?;
        if integer {
            // as serde_json: -0 is a float, the rest an integer while one holds it
            let whole = if negative {
                text.parse::<i64>()
                    .ok()
                    .filter(|n| *n != 0)
                    .map(Number::from)
            } else {
                text.parse::<u64>().ok().map(Number::from)
            };
            if whole.is_some() {
                return whole;
            }
        }
        Number::from_f64(parse_float(text)?)
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Option<()> {
        let start = self.at;
        self.digits();
        (self.at > start).then_some(())
    }
}

/// The nearest `f64` to a JSON number's text (`inf` beyond its range). In the browser it is
/// the engine's own parser: Rust's would add its tables, about 14 kB of wasm.
#[cfg(target_arch = "wasm32")]
fn parse_float(text: &str) -> Option<f64> {
    Some(js_sys::Number::parse_float(text))
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_float(text: &str) -> Option<f64> {
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_what_json_parse_reads() {
        let text = br#" {"s": "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "n": [0, -0, 1, -1, 1.5, 2e3, 1E-2, 18446744073709551615, -9223372036854775808, 18446744073709551616],
            "b": [true, false, null], "o": {}, "a": [], "k": 1, "k": 2} "#;
        let got = parse(text).expect("valid JSON");
        assert_eq!(got["s"], "a\"\\/\u{8}\u{c}\n\r\t\u{e9}\u{1F600}");
        assert_eq!(
            got["n"],
            json!([
                0,
                -0.0,
                1,
                -1,
                1.5,
                2000.0,
                0.01,
                u64::MAX,
                i64::MIN,
                18446744073709551616.0
            ])
        );
        assert_eq!(got["b"], json!([true, false, null]));
        assert_eq!(got["o"], json!({}));
        assert_eq!(got["a"], json!([]));
        assert_eq!(got["k"], 2, "the last of a repeated key");
    }

    #[test]
    fn refuses_what_json_parse_refuses() {
        let bad: &[&[u8]] = &[
            b"",
            b" ",
            b"{",
            b"}",
            b"[1,]",
            b"{\"a\":1,}",
            b"{\"a\" 1}",
            b"{a:1}",
            b"{'a':1}",
            b"[01]",
            b"[-]",
            b"[1.]",
            b"[.5]",
            b"[+1]",
            b"[1e]",
            b"[1e+]",
            b"[0x10]",
            b"[NaN]",
            b"[Infinity]",
            b"[tru]",
            b"[nul]",
            b"\"a\tb\"",
            b"\"\\x\"",
            b"\"\\u12\"",
            b"\"\\u12g4\"",
            b"\"abc",
            b"1 2",
            b"{} x",
            b"/* c */ {}",
            b"\xff",
            b"\"\xc3\"",
        ];
        for text in bad {
            assert_eq!(parse(text), None, "{:?}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn is_lenient_where_fetch_and_json_parse_are() {
        assert_eq!(parse(b"\xEF\xBB\xBF{}"), Some(json!({})));
        let lone = parse(br#"["\ud800", "\udc00x", "\ud800\u0041", "\ud800\ud800\udc00"]"#);
        assert_eq!(
            lone,
            Some(json!([
                "\u{FFFD}",
                "\u{FFFD}x",
                "\u{FFFD}A",
                "\u{FFFD}\u{10000}"
            ]))
        );
        // a high surrogate whose next escape is malformed is malformed
        assert_eq!(parse(br#""\ud800\u00""#), None);
    }

    #[test]
    fn refuses_what_a_value_cannot_hold_rather_than_change_its_type() {
        assert_eq!(parse(b"[1e400]"), None);
        assert_eq!(parse(b"[-1e999]"), None);
        assert_eq!(
            parse(b"[1e-400]"),
            Some(json!([0.0])),
            "underflow is 0, as in JS"
        );
        let nest = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(nest(MAX_DEPTH).as_bytes()).is_some());
        assert_eq!(parse(nest(MAX_DEPTH + 1).as_bytes()), None);
        assert_eq!(parse(nest(100_000).as_bytes()), None);
    }
}
