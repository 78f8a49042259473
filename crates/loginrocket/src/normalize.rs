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
//! - where it is as lax as `fetch` and `JSON.parse` (see [`decode_body`]): a byte order mark
//!   and unpaired surrogate escapes. A body with a value that JSON's number or nesting limits
//!   here cannot hold as the type it has (`1e400`, which `JSON.parse` reads as `Infinity`) is
//!   refused whole, wherever the value is, rather than kept as a value of another type;
//! - an `error` result with `error` but no `errors` (a 409/422 with one message) gets
//!   `errors: [error]`; one with `errors` but no `error` gets `error` made of them;
//! - a 1xx or 3xx status is a `LoginRocketError`; loginrocket.js rejects its promise instead.

use std::time::Duration;

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

/// Decodes a body that must be a LoginRocket result object, with [`crate::json`]'s reader:
/// as lenient as `fetch` and `JSON.parse` (a byte order mark, unpaired surrogate escapes),
/// and refusing the whole body where a value could not be kept as the type it has (a number
/// beyond `f64`, nesting deeper than [`crate::json::MAX_DEPTH`]).
pub fn decode_body(body: &[u8]) -> Option<Response> {
    if body.len() > MAX_BODY_BYTES {
        return None;
    }
    Response::from_map(crate::json::parse_object(body)?).ok()
}

/// Turns an HTTP answer into a [`Response`]. Header names are compared case-insensitively.
/// Never panics, whatever the input.
///
/// ```
/// use loginrocket::{normalize::from_http, Source};
///
/// // what loginrocket.js resolves with for a 404: a normalized error
/// let answer = from_http(404, &[], b"Not Found");
/// assert_eq!(answer.as_error().unwrap().source, Some(Source::RecordNotFound));
/// // a body that isn't JSON on a passing status is an error too, never a panic
/// assert!(from_http(200, &[], b"<html>").is_error());
/// ```
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
