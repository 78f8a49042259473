//! The one place where HTTP statuses are interpreted: an HTTP answer (or its absence) becomes
//! a [`Response`], exactly as loginrocket.js 1.0.1 does, and stricter where it is lax.
//!
//! | HTTP | result |
//! |---|---|
//! | 2xx, 409, 422 | the body, decoded strictly |
//! | 403 | error, [`Source::AccessDenied`], [`ACCESS_DENIED`] |
//! | 404 | error, [`Source::RecordNotFound`], [`UNEXPECTED`] |
//! | 429 | error, [`Source::RateLimited`], [`RATE_LIMITED`], with [`RetryAfter`] when given |
//! | any other status, no response, timeout | error, [`Source::LoginRocketError`], [`UNEXPECTED`] |
//!
//! A normalized error is `{"result":"error","error":msg,"errors":[msg],"source":"<Source>"}`.
//!
//! Where this crate is stricter than loginrocket.js (documented deltas):
//! - a 2xx/409/422 body that is not a JSON object with a string `result` (HTML, empty, `null`,
//!   an array, invalid UTF-8, truncated JSON), or a known `result` whose documented keys are
//!   missing or mistyped, becomes a `LoginRocketError` with [`Failure::UnexpectedBody`];
//!   loginrocket.js would resolve with the raw string or value. **\[ours\]**: a `full_login` or
//!   `conditional_login` whose `session` does not start with `kss_`, or a `full_login` whose
//!   `token` is not shaped like a JWT, counts as such a body;
//! - a body larger than [`MAX_BODY_BYTES`] is not decoded (same error);
//! - where it is as lax as `JSON.parse` (see [`decode_body`]): a byte order mark, unpaired
//!   surrogate escapes, and unknown keys whose values serde_json cannot hold;
//! - an `error` result with `error` but no `errors` (a 409/422 with one message) gets
//!   `errors: [error]`; one with `errors` but no `error` gets `error` made of them;
//! - a 1xx or 3xx status is a `LoginRocketError`; loginrocket.js rejects its promise instead.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::response::{ErrorResponse, Failure, Response, RetryAfter, Source};
use crate::secret::Extra;

/// loginrocket.js's message for [`Source::AccessDenied`].
pub const ACCESS_DENIED: &str = "Session expired or access denied.";
/// loginrocket.js's message for [`Source::RateLimited`].
pub const RATE_LIMITED: &str = "Rate limited; wait before trying again.";
/// loginrocket.js's message for [`Source::RecordNotFound`] and [`Source::LoginRocketError`].
pub const UNEXPECTED: &str = "An unexpected error occurred; please wait a minute and try again.";

/// **\[ours\]**: bodies larger than this are not decoded (1 MiB; real ones are under 10 kB).
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Whether loginrocket.js hands the body of a response with this status to the caller.
pub fn passes_body(status: u16) -> bool {
    (200..300).contains(&status) || status == 409 || status == 422
}

/// Builds a normalized error for `source`.
pub fn normalized_error(source: Source, failure: Failure) -> ErrorResponse {
    let msg = match source {
        Source::AccessDenied => ACCESS_DENIED,
        Source::RateLimited => RATE_LIMITED,
        Source::RecordNotFound | Source::LoginRocketError => UNEXPECTED,
    };
    ErrorResponse {
        error: msg.to_owned(),
        errors: vec![msg.to_owned()],
        source: Some(source),
        extra: Extra::new(),
        failure: Some(failure),
        retry_after: None,
        content_language: None,
    }
}

/// Decodes a body that must be a LoginRocket result object.
///
/// Lenient where a browser's `JSON.parse` is, so that no good message is lost: a UTF-8 byte
/// order mark before the JSON is skipped; an escaped unpaired UTF-16 surrogate (`"\ud800"`)
/// reads as U+FFFD; and a number beyond `f64` (`1e400`) under a key this crate does not know
/// is kept as its raw JSON text in a string rather than failing the body. A value nested
/// deeper than 128 fails the whole body, wherever it is: kept as text, it would read as a
/// string, a type it never had.
pub fn decode_body(body: &[u8]) -> Option<Response> {
    if body.len() > MAX_BODY_BYTES {
        return None;
    }
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let body = repair_surrogates(body);
    let raw: BTreeMap<String, Box<RawValue>> = match serde_json::from_slice(&body) {
        Ok(raw) => raw,
        Err(_) => return None,
    };
    let mut map = Map::new();
    for (key, value) in raw {
        // from bytes, as above: one copy of serde_json's reader in a wasm build
        let value = match serde_json::from_slice::<Value>(value.get().as_bytes()) {
            Ok(value) => value,
            Err(e) if !Response::KNOWN_KEYS.contains(&key.as_str()) && out_of_range(&e) => {
                Value::String(value.get().to_owned())
            }
            Err(_) => return None,
        };
        map.insert(key, value);
    }
    Response::from_map(map).ok()
}

/// Whether serde_json refused a value only for a number it cannot hold (`1e400`), not for
/// its depth.
fn out_of_range(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("number out of range")
}

/// Rewrites the `\uXXXX` escapes of unpaired UTF-16 surrogates inside JSON strings as
/// `\uFFFD` (what `JSON.parse` followed by display shows); borrows when there are none.
fn repair_surrogates(body: &[u8]) -> Cow<'_, [u8]> {
    let hex = |at: usize| -> Option<u16> {
        let digits = std::str::from_utf8(body.get(at..at + 4)?).ok()?;
        u16::from_str_radix(digits, 16).ok()
    };
    let mut out: Option<Vec<u8>> = None;
    let (mut i, mut in_string) = (0, false);
    while i < body.len() {
        let (b, mut step, mut bad) = (body[i], 1, false);
        match (in_string, b) {
            (_, b'"') => in_string = !in_string,
            (true, b'\\') if body.get(i + 1) == Some(&b'u') => {
                step = 6;
                match hex(i + 2) {
                    Some(0xD800..=0xDBFF) => {
                        let paired = body.get(i + 6..i + 8) == Some(b"\\u")
                            && matches!(hex(i + 8), Some(0xDC00..=0xDFFF));
                        if paired {
                            step = 12;
                        } else {
                            bad = true;
                        }
                    }
                    Some(0xDC00..=0xDFFF) => bad = true,
                    _ => {}
                }
            }
            (true, b'\\') => step = 2,
            _ => {}
        }
        let end = (i + step).min(body.len());
        if bad {
            out.get_or_insert_with(|| body[..i].to_vec())
                .extend_from_slice(b"\\uFFFD");
        } else if let Some(out) = out.as_mut() {
            out.extend_from_slice(&body[i..end]);
        }
        i = end;
    }
    match out {
        Some(out) => Cow::Owned(out),
        None => Cow::Borrowed(body),
    }
}

/// Turns an HTTP answer into a [`Response`]. Header names are compared case-insensitively.
/// Never panics, whatever the input.
pub fn from_http(status: u16, headers: &[(String, String)], body: &[u8]) -> Response {
    if passes_body(status) {
        return match decode_body(body) {
            Some(Response::Error(mut error)) => {
                error.content_language = content_language(headers);
                Response::Error(error)
            }
            Some(response) => response,
            None => Response::Error(normalized_error(
                Source::LoginRocketError,
                Failure::UnexpectedBody { status },
            )),
        };
    }
    let source = match status {
        403 => Source::AccessDenied,
        404 => Source::RecordNotFound,
        429 => Source::RateLimited,
        _ => Source::LoginRocketError,
    };
    let mut error = normalized_error(source, Failure::Status(status));
    if source == Source::RateLimited {
        error.retry_after = retry_after(headers);
    }
    Response::Error(error)
}

/// The first language tag of `Content-Language`, when there is a plausible one.
fn content_language(headers: &[(String, String)]) -> Option<String> {
    let value = crate::transport::find_header(headers, "content-language")?;
    let tag = value[..value.find(',').unwrap_or(value.len())].trim();
    let plausible = (2..=35).contains(&tag.len())
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    plausible.then(|| tag.to_owned())
}

/// When to retry, from `Retry-After` (delay-seconds or HTTP-date), else `Ratelimit-Reset`
/// (delay-seconds as in the IETF draft, or an HTTP date as AuthRocket's docs suggest).
/// Unreadable values are ignored.
pub fn retry_after(headers: &[(String, String)]) -> Option<RetryAfter> {
    ["retry-after", "ratelimit-reset"]
        .iter()
        .find_map(|name| crate::transport::find_header(headers, name).and_then(parse_retry_value))
}

/// Parses delay-seconds (ASCII digits only) or an HTTP date.
pub fn parse_retry_value(value: &str) -> Option<RetryAfter> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return value
            .parse::<u64>()
            .ok()
            .map(|s| RetryAfter::Delay(Duration::from_secs(s)));
    }
    crate::http_date::parse(value).map(RetryAfter::At)
}
