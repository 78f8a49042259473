//! The values every call resolves with: loginrocket.js's response objects, typed.

use std::fmt;
use std::time::{Duration, SystemTime};

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::secret::{Extra, Secret};

/// What a LoginRocket call resolved with.
///
/// `serde_json::to_value(&response)` gives, key for key, the object loginrocket.js 1.0.1
/// resolves with for the same HTTP response (where loginrocket.js resolves at all; see
/// [`crate::normalize`] for where this crate is stricter). Unknown keys are kept in each
/// variant's `extra`, so nothing the server sent is lost.
///
/// ```
/// use loginrocket::{normalize::from_http, Response};
///
/// let body = br#"{"result":"full_login","session":"kss_1","account":"org_1","token":"e30.e30.c2ln"}"#;
/// let answer = from_http(200, &[], body);
/// assert_eq!(answer.result(), "full_login");
/// assert!(matches!(&answer, Response::FullLogin(login) if login.account == "org_1"));
/// // the object loginrocket.js resolves with
/// assert_eq!(serde_json::to_value(&answer).unwrap()["session"], "kss_1");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// `result: "okay"`: the call succeeded and there is nothing more to do.
    Okay(Okay),
    /// `result: "full_login"`: the user is signed in.
    FullLogin(FullLogin),
    /// `result: "conditional_login"`: a session exists, but something must happen first.
    ConditionalLogin(ConditionalLogin),
    /// `result: "error"`: a server validation error (409/422) or a normalized failure.
    Error(ErrorResponse),
    /// Any other `result` value, kept whole so a newer server cannot crash an older client.
    Unknown(UnknownResult),
}

impl Response {
    /// The `result` string, as on the wire.
    pub fn result(&self) -> &str {
        match self {
            Response::Okay(_) => "okay",
            Response::FullLogin(_) => "full_login",
            Response::ConditionalLogin(_) => "conditional_login",
            Response::Error(_) => "error",
            Response::Unknown(u) => &u.result,
        }
    }

    /// The error, when this is one.
    ///
    /// ```
    /// use loginrocket::normalize::from_http;
    ///
    /// let body = br#"{"result":"error","error":"Email is invalid","errors":["Email is invalid"]}"#;
    /// let answer = from_http(422, &[], body);
    /// assert!(answer.is_error());
    /// assert_eq!(answer.as_error().map(|e| e.error.as_str()), Some("Email is invalid"));
    /// ```
    pub fn as_error(&self) -> Option<&ErrorResponse> {
        match self {
            Response::Error(e) => Some(e),
            _ => None,
        }
    }

    /// Whether this is an error result.
    pub fn is_error(&self) -> bool {
        matches!(self, Response::Error(_))
    }

    /// For the answer to [`logout`](crate::LoginRocket::logout): whether the session is over,
    /// because it ended now (`okay`) or had ended before (`AccessDenied`). Any other answer
    /// (offline, a server error) leaves it open on LoginRocket's side.
    ///
    /// ```
    /// use loginrocket::normalize::from_http;
    ///
    /// assert!(from_http(200, &[], br#"{"result":"okay"}"#).session_ended());
    /// assert!(from_http(403, &[], b"").session_ended());
    /// assert!(!from_http(503, &[], b"").session_ended());
    /// ```
    pub fn session_ended(&self) -> bool {
        match self {
            Response::Okay(_) => true,
            Response::Error(e) => e.source == Some(Source::AccessDenied),
            _ => false,
        }
    }

    /// The answer as a `Result`, for callers who would rather use `?` than match on
    /// [`Response::Error`]: `Ok` for every result that is not an error (an unknown one
    /// included), `Err` with the (boxed) [`ErrorResponse`] otherwise. The value itself is
    /// unchanged.
    ///
    /// ```
    /// use loginrocket::{normalize::from_http, Success};
    /// let answer = from_http(422, &[], br#"{"result":"error","error":"Email is invalid","errors":["Email is invalid"]}"#);
    /// let err = answer.into_result().unwrap_err();
    /// assert_eq!(err.to_string(), "Email is invalid");
    /// let answer = from_http(200, &[], br#"{"result":"okay"}"#);
    /// assert!(matches!(answer.into_result(), Ok(Success::Okay(_))));
    /// ```
    pub fn into_result(self) -> Result<Success, Box<ErrorResponse>> {
        match self {
            Response::Okay(o) => Ok(Success::Okay(o)),
            Response::FullLogin(f) => Ok(Success::FullLogin(f)),
            Response::ConditionalLogin(c) => Ok(Success::ConditionalLogin(c)),
            Response::Unknown(u) => Ok(Success::Unknown(u)),
            Response::Error(e) => Err(Box::new(e)),
        }
    }
}

/// What [`Response::into_result`] gives when the answer is not an error.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Success {
    /// `result: "okay"`.
    Okay(Okay),
    /// `result: "full_login"`.
    FullLogin(FullLogin),
    /// `result: "conditional_login"`.
    ConditionalLogin(ConditionalLogin),
    /// A `result` this version does not know.
    Unknown(UnknownResult),
}

/// `result: "okay"`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Okay {
    /// Any other keys of the body.
    pub extra: Extra,
}

/// `result: "full_login"`: `session`, `account` and `token` are always present.
#[derive(Clone, Debug, PartialEq)]
pub struct FullLogin {
    /// The LoginRocket session id (`kss_…`).
    pub session: Secret,
    /// The selected account (`org_…`).
    pub account: String,
    /// An RS256 JWT for the app's backend. Decode it for display only; never trust it in the
    /// browser.
    pub token: Secret,
    /// Any other keys of the body.
    pub extra: Extra,
}

/// `result: "conditional_login"`: a session exists, but `conditions` must be met first.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionalLogin {
    /// The LoginRocket session id (`kss_…`), needed to finish the login.
    pub session: Secret,
    /// The selected account, or `None` (JSON `null`) when none is selected yet.
    pub account: Option<String>,
    /// What must happen before the login is complete.
    pub conditions: Vec<Condition>,
    /// Any other keys of the body (for example `accounts`, see [`ConditionalLogin::accounts`]).
    pub extra: Extra,
}

impl ConditionalLogin {
    /// Whether `condition` is among the conditions.
    ///
    /// ```
    /// use loginrocket::{normalize::from_http, Condition, Response};
    ///
    /// let body = br#"{"result":"conditional_login","session":"kss_1","account":null,"conditions":["must_verify_login"]}"#;
    /// let Response::ConditionalLogin(next) = from_http(200, &[], body) else { unreachable!() };
    /// assert!(next.has(&Condition::MustVerifyLogin));
    /// assert!(!next.has(&Condition::NoAccountSelected));
    /// ```
    pub fn has(&self, condition: &Condition) -> bool {
        self.conditions.contains(condition)
    }

    /// The accounts to choose from for [`Condition::NoAccountSelected`], when the response
    /// lists them as `accounts: [{id, name}]`.
    ///
    /// **\[ours\]**: AuthRocket documents no such list; the project's emulator sends one. `None`
    /// when the key is absent or not a list of objects with string `id`s (callers then fall
    /// back to the hosted accounts page). Entries without a string `name` use the `id`.
    ///
    /// ```
    /// use loginrocket::{normalize::from_http, Response};
    ///
    /// let body = br#"{"result":"conditional_login","session":"kss_1","account":null,
    ///   "conditions":["no_account_selected"],"accounts":[{"id":"org_1","name":"Acme"},{"id":"org_2"}]}"#;
    /// let Response::ConditionalLogin(next) = from_http(200, &[], body) else { unreachable!() };
    /// let accounts = next.accounts().unwrap();
    /// assert_eq!((accounts[0].id.as_str(), accounts[0].name.as_str()), ("org_1", "Acme"));
    /// // no name: the id stands in
    /// assert_eq!(accounts[1].name, "org_2");
    /// ```
    pub fn accounts(&self) -> Option<Vec<AccountChoice>> {
        let list = self.extra.get("accounts")?.as_array()?;
        list.iter()
            .map(|item| {
                let obj = item.as_object()?;
                let id = obj.get("id")?.as_str()?.to_owned();
                let name = obj
                    .get("name")
                    .and_then(Value::as_str)
                    .map_or_else(|| id.clone(), str::to_owned);
                Some(AccountChoice { id, name })
            })
            .collect()
    }
}

/// One account a user may pick after [`Condition::NoAccountSelected`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountChoice {
    /// The account id (`org_…`), sent back as `account` to [`crate::LoginRocket::get_session`].
    pub id: String,
    /// The account's display name.
    pub name: String,
}

/// A condition of a `conditional_login`: an open set.
///
/// ```
/// use loginrocket::Condition;
///
/// assert_eq!(Condition::from("must_verify_login"), Condition::MustVerifyLogin);
/// // a condition this version doesn't know is kept, not refused
/// assert_eq!(Condition::from("must_accept_terms"), Condition::Other("must_accept_terms".into()));
/// assert_eq!(Condition::MustCompleteProfile.as_str(), "must_complete_profile");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Condition {
    /// `no_account_selected`: the user belongs to several accounts and must choose one.
    NoAccountSelected,
    /// `must_complete_profile`: required profile data (such as an org name) is missing.
    MustCompleteProfile,
    /// `must_verify_login`: a second factor (TOTP code) is required. **\[ours\]**: the real
    /// condition name is undocumented.
    MustVerifyLogin,
    /// Any condition this version does not know, kept as sent.
    Other(String),
}

impl Condition {
    /// The condition as on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Condition::NoAccountSelected => "no_account_selected",
            Condition::MustCompleteProfile => "must_complete_profile",
            Condition::MustVerifyLogin => "must_verify_login",
            Condition::Other(s) => s,
        }
    }
}

impl From<&str> for Condition {
    fn from(s: &str) -> Self {
        match s {
            "no_account_selected" => Condition::NoAccountSelected,
            "must_complete_profile" => Condition::MustCompleteProfile,
            "must_verify_login" => Condition::MustVerifyLogin,
            other => Condition::Other(other.to_owned()),
        }
    }
}

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|s| Condition::from(s.as_str()))
    }
}

/// Why a call failed, in loginrocket.js's terms: the class of the error it normalized.
///
/// Present only on errors the client normalized (never on 409/422 validation errors).
///
/// ```
/// use loginrocket::{normalize::from_http, Source};
///
/// let answer = from_http(403, &[], b"");
/// assert_eq!(answer.as_error().unwrap().source, Some(Source::AccessDenied));
/// // a 409/422 is the server's own validation error: no source
/// let body = br#"{"result":"error","error":"Code is invalid","errors":["Code is invalid"]}"#;
/// assert_eq!(from_http(422, &[], body).as_error().unwrap().source, None);
/// assert_eq!(Source::RateLimited.to_string(), "RateLimited");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    /// HTTP 403: the session expired or access was denied.
    AccessDenied,
    /// HTTP 404: the record (for example an emailed token) was not found.
    RecordNotFound,
    /// HTTP 429: too many requests; wait before trying again.
    RateLimited,
    /// Anything else: other 4xx, 5xx, no response (network, CORS, timeout), or a body this
    /// client could not understand.
    LoginRocketError,
}

impl Source {
    /// The source as on the wire (the loginrocket.js class name).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::AccessDenied => "AccessDenied",
            Source::RecordNotFound => "RecordNotFound",
            Source::RateLimited => "RateLimited",
            Source::LoginRocketError => "LoginRocketError",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "AccessDenied" => Source::AccessDenied,
            "RecordNotFound" => Source::RecordNotFound,
            "RateLimited" => Source::RateLimited,
            "LoginRocketError" => Source::LoginRocketError,
            _ => return None,
        })
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What went wrong below the LoginRocket protocol, for errors the client normalized.
///
/// loginrocket.js has no key for this: it is not serialized, and is read with
/// [`ErrorResponse::failure`]. It lets a UI say "offline" or "timed out" instead of a
/// generic message.
///
/// ```
/// use loginrocket::{normalize::from_http, Failure};
///
/// let answer = from_http(503, &[], b"");
/// assert_eq!(answer.as_error().unwrap().failure(), Some(&Failure::Status(503)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The server answered with this HTTP status, which is not 2xx, 409 or 422.
    /// (A redirect the browser was told not to follow shows as status 0.)
    Status(u16),
    /// The server answered with a status whose body must be a LoginRocket result
    /// (2xx, 409, 422), but the body was not a JSON object with the expected keys.
    UnexpectedBody {
        /// The HTTP status of that response.
        status: u16,
    },
    /// No response within the configured timeout.
    Timeout,
    /// The device reported being offline when the request failed.
    Offline,
    /// The request failed without a response: DNS, refused connection, TLS, CORS rejection.
    /// The detail is the transport's own text, with the request's query string removed.
    Network(String),
}

impl Failure {
    /// Whether the server refused the request itself (a 4xx status other than those with a
    /// [`Source`] of their own: 403, 404, 409, 422, 429), rather than failing to answer it:
    /// what a flow that must not tell accounts apart reads like a refused credential.
    ///
    /// ```
    /// use loginrocket::normalize::from_http;
    ///
    /// let failure = |status| from_http(status, &[], b"").as_error().and_then(|e| e.failure().cloned());
    /// assert!(failure(400).is_some_and(|f| f.is_client_error()));
    /// assert!(failure(503).is_some_and(|f| !f.is_client_error()));
    /// ```
    pub fn is_client_error(&self) -> bool {
        matches!(self, Failure::Status(status) if (400..500).contains(status))
    }
}

/// When a rate-limited call may be tried again, from `Retry-After` or `Ratelimit-Reset`.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use loginrocket::{normalize::from_http, RetryAfter};
///
/// let headers = [("Retry-After".to_owned(), "30".to_owned())];
/// let wait = from_http(429, &headers, b"").as_error().unwrap().retry_after();
/// assert_eq!(wait, Some(RetryAfter::Delay(Duration::from_secs(30))));
/// assert_eq!(wait.unwrap().delay_from(SystemTime::now()), Duration::from_secs(30));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// A delay from when the response arrived.
    Delay(Duration),
    /// An absolute time (an HTTP date).
    At(SystemTime),
}

impl RetryAfter {
    /// How long to wait, counted from `now` (pass the current time; on `wasm32`,
    /// `SystemTime::now()` is not available, so compute it from `Date.now()`).
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match *self {
            RetryAfter::Delay(d) => d,
            RetryAfter::At(t) => t.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// `result: "error"`.
///
/// For 409/422 the server wrote `error` and `errors`, localized, and `source` is `None`. For
/// every other failure the client normalized it like loginrocket.js: `error` is one of
/// loginrocket.js's English sentences (see [`crate::normalize`]) — show a localized text chosen
/// by [`source`](Self::source) instead — and `errors == [error]`.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorResponse {
    /// All messages as one string, for display.
    pub error: String,
    /// The messages, one per entry.
    pub errors: Vec<String>,
    /// Set when the client normalized the failure.
    pub source: Option<Source>,
    /// Any other keys of the body.
    pub extra: Extra,
    pub(crate) failure: Option<Failure>,
    pub(crate) retry_after: Option<RetryAfter>,
    pub(crate) content_language: Option<String>,
}

impl ErrorResponse {
    /// A validation-style error as a server would send it (no `source`).
    ///
    /// ```
    /// use loginrocket::ErrorResponse;
    ///
    /// let e = ErrorResponse::new(vec!["Email is invalid.".into(), "Password is too short.".into()]);
    /// assert!(e.is_validation());
    /// assert_eq!(e.error, "Email is invalid. Password is too short.");
    /// assert_eq!(e.to_string(), e.error);
    /// ```
    pub fn new(errors: Vec<String>) -> Self {
        Self {
            error: errors.join(" "),
            errors,
            source: None,
            extra: Extra::new(),
            failure: None,
            retry_after: None,
            content_language: None,
        }
    }

    /// The transport-level cause, when the client normalized this error.
    pub fn failure(&self) -> Option<&Failure> {
        self.failure.as_ref()
    }

    /// When to try again, for [`Source::RateLimited`] responses that said so.
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.retry_after
    }

    /// The language the server says its messages are in: the first tag of the response's
    /// `Content-Language`, when it sent one (a CORS-safelisted header: a browser shows it to
    /// the page without `Access-Control-Expose-Headers`). Without it, the messages are in
    /// the language of the request's `Accept-Language` when the realm localizes that one.
    ///
    /// ```
    /// use loginrocket::normalize::from_http;
    /// let headers = [("Content-Language".to_owned(), "ja".to_owned())];
    /// let body = r#"{"result":"error","error":"無効です","errors":["無効です"]}"#.as_bytes();
    /// let answer = from_http(422, &headers, body);
    /// assert_eq!(answer.as_error().unwrap().content_language(), Some("ja"));
    /// assert_eq!(from_http(422, &[], body).as_error().unwrap().content_language(), None);
    /// ```
    pub fn content_language(&self) -> Option<&str> {
        self.content_language.as_deref()
    }

    /// Whether the server wrote this error (a 409/422 validation error), as opposed to one
    /// the client normalized from a status or a transport failure.
    ///
    /// ```
    /// use loginrocket::normalize::from_http;
    ///
    /// let body = br#"{"result":"error","error":"Email is invalid","errors":["Email is invalid"]}"#;
    /// assert!(from_http(422, &[], body).as_error().unwrap().is_validation());
    /// assert!(!from_http(500, &[], b"").as_error().unwrap().is_validation());
    /// ```
    pub fn is_validation(&self) -> bool {
        self.source.is_none() && self.failure.is_none()
    }
}

/// The `error` text: the server's localized messages, or loginrocket.js's sentence for a
/// normalized failure.
impl fmt::Display for ErrorResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.error)
    }
}

impl std::error::Error for ErrorResponse {}

/// A `result` value this version does not know.
#[derive(Clone, Debug, PartialEq)]
pub struct UnknownResult {
    /// The `result` value.
    pub result: String,
    /// Every other key of the body.
    pub extra: Extra,
}

/// Why a body is not a LoginRocket result. Internal: mapped to a `LoginRocketError`.
#[derive(Debug)]
pub(crate) struct Malformed(pub &'static str);

fn take_string(map: &mut Map<String, Value>, key: &'static str) -> Result<String, Malformed> {
    match map.remove(key) {
        Some(Value::String(s)) => Ok(s),
        _ => Err(Malformed(key)),
    }
}

fn take_strings(map: &mut Map<String, Value>, key: &'static str) -> Result<Vec<String>, Malformed> {
    match map.remove(key) {
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|v| match v {
                Value::String(s) => Ok(s),
                _ => Err(Malformed(key)),
            })
            .collect(),
        _ => Err(Malformed(key)),
    }
}

/// **\[ours\]**: the shape checks on session ids and tokens. A session must start with
/// `kss_`; a token must look like a JWT (three non-empty dot-separated base64url parts).
fn check_session(session: &str) -> Result<(), Malformed> {
    if session.starts_with("kss_") && session.len() > 4 {
        Ok(())
    } else {
        Err(Malformed("session"))
    }
}

fn check_token(token: &str) -> Result<(), Malformed> {
    let parts: Vec<&str> = token.split('.').collect();
    let base64url = |p: &&str| {
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'=')
    };
    if parts.len() == 3 && parts.iter().all(base64url) {
        Ok(())
    } else {
        Err(Malformed("token"))
    }
}

impl Response {
    /// Decodes a LoginRocket result object strictly: a string `result`, and for the known
    /// results their documented keys with the right types.
    pub(crate) fn from_map(mut map: Map<String, Value>) -> Result<Self, Malformed> {
        let result = take_string(&mut map, "result")?;
        Ok(match result.as_str() {
            "okay" => Response::Okay(Okay { extra: map.into() }),
            "full_login" => {
                let session = take_string(&mut map, "session")?;
                check_session(&session)?;
                let account = take_string(&mut map, "account")?;
                let token = take_string(&mut map, "token")?;
                check_token(&token)?;
                Response::FullLogin(FullLogin {
                    session: session.into(),
                    account,
                    token: token.into(),
                    extra: map.into(),
                })
            }
            "conditional_login" => {
                let session = take_string(&mut map, "session")?;
                check_session(&session)?;
                let account = match map.remove("account") {
                    Some(Value::String(s)) => Some(s),
                    Some(Value::Null) => None,
                    _ => return Err(Malformed("account")),
                };
                let conditions = take_strings(&mut map, "conditions")?
                    .iter()
                    .map(|s| Condition::from(s.as_str()))
                    .collect();
                Response::ConditionalLogin(ConditionalLogin {
                    session: session.into(),
                    account,
                    conditions,
                    extra: map.into(),
                })
            }
            "error" => {
                // one of the two may be missing: the server's message is never dropped
                let (error, errors) = match (map.contains_key("error"), map.contains_key("errors"))
                {
                    (true, false) => {
                        let error = take_string(&mut map, "error")?;
                        (error.clone(), vec![error])
                    }
                    (false, true) => {
                        let errors = take_strings(&mut map, "errors")?;
                        (errors.join(" "), errors)
                    }
                    _ => (
                        take_string(&mut map, "error")?,
                        take_strings(&mut map, "errors")?,
                    ),
                };
                // A `source` this version knows is typed; any other value stays in `extra`.
                let source = match map
                    .get("source")
                    .and_then(Value::as_str)
                    .and_then(Source::parse)
                {
                    Some(source) => {
                        map.remove("source");
                        Some(source)
                    }
                    None => None,
                };
                Response::Error(ErrorResponse {
                    error,
                    errors,
                    source,
                    extra: map.into(),
                    failure: None,
                    retry_after: None,
                    content_language: None,
                })
            }
            _ => Response::Unknown(UnknownResult {
                result,
                extra: map.into(),
            }),
        })
    }

    /// The response as the JSON object loginrocket.js would resolve with.
    pub fn to_map(&self) -> Map<String, Value> {
        let (mut map, pairs): (Map<String, Value>, Vec<(&str, Value)>) = match self {
            Response::Okay(o) => (o.extra.0.clone(), vec![]),
            Response::FullLogin(f) => (
                f.extra.0.clone(),
                vec![
                    ("session", f.session.expose().into()),
                    ("account", f.account.clone().into()),
                    ("token", f.token.expose().into()),
                ],
            ),
            Response::ConditionalLogin(c) => (
                c.extra.0.clone(),
                vec![
                    ("session", c.session.expose().into()),
                    (
                        "account",
                        c.account.clone().map_or(Value::Null, Value::String),
                    ),
                    (
                        "conditions",
                        c.conditions
                            .iter()
                            .map(|c| Value::from(c.as_str()))
                            .collect(),
                    ),
                ],
            ),
            Response::Error(e) => {
                let mut pairs = vec![
                    ("error", e.error.clone().into()),
                    (
                        "errors",
                        e.errors.iter().map(|s| Value::from(s.as_str())).collect(),
                    ),
                ];
                if let Some(source) = e.source {
                    pairs.push(("source", source.as_str().into()));
                }
                (e.extra.0.clone(), pairs)
            }
            Response::Unknown(u) => (u.extra.0.clone(), vec![]),
        };
        map.insert("result".into(), self.result().into());
        for (k, v) in pairs {
            map.insert(k.into(), v);
        }
        map
    }
}

impl Serialize for Response {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_map().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = Map::<String, Value>::deserialize(deserializer)?;
        Response::from_map(map)
            .map_err(|m| D::Error::custom(format_args!("not a LoginRocket result: bad `{}`", m.0)))
    }
}
