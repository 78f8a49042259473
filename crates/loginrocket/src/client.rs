//! The client: configuration, request building, and the eleven calls.

use std::fmt;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;

use crate::normalize;
use crate::params::*;
use crate::response::{Failure, Response, Source};
use crate::transport::{HttpRequest, Method, Transport, TransportError};

/// The `LR-Agent` header value: `LoginRocket/rust v<crate version>`.
pub const LR_AGENT: &str = concat!("LoginRocket/rust v", env!("CARGO_PKG_VERSION"));

/// **\[ours\]**: the default request timeout (loginrocket.js uses 4 s).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a call could not even be attempted: the only failures loginrocket.js throws on.
///
/// Everything else — HTTP errors, network failures, CORS rejections, timeouts — resolves to
/// [`Response::Error`], as in loginrocket.js.
///
/// ```
/// use loginrocket::{check_lr_url, Error};
///
/// assert!(matches!(check_lr_url("http://example.com/"), Err(Error::InvalidUrl(_))));
/// assert!(check_lr_url("http://127.0.0.1:4000").is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// No LoginRocket URL is configured.
    MissingUrl,
    /// The request could not be built: an unusable URL, or a header value (such as the
    /// locale) that HTTP cannot carry. The text never contains params.
    InvalidRequest(String),
    /// The LoginRocket URL was refused when it was configured: it must be `https:`, or
    /// `http:` on a loopback host (`127.0.0.1`, `[::1]`, `localhost`) for a local emulator,
    /// with no user info, query or fragment. The text says why.
    InvalidUrl(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // loginrocket.js's wording, kept so that ports of JS code read the same.
            Error::MissingUrl => f.write_str("Missing LR url: set Config::url or call set_lr_url"),
            Error::InvalidRequest(why) => write!(f, "invalid request: {why}"),
            Error::InvalidUrl(why) => write!(
                f,
                "invalid LoginRocket URL ({why}): use https://, or http:// on 127.0.0.1, [::1] or localhost"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// How to build a [`LoginRocket`] client.
///
/// ```
/// # use std::sync::Arc;
/// # use loginrocket::transport::MockTransport;
/// use std::time::Duration;
/// use loginrocket::{Config, LoginRocket};
///
/// let config = Config::new("https://sample.e2.loginrocket.com")
///     .locale("es")
///     .timeout(Duration::from_secs(5));
/// # let client = LoginRocket::with_transport(config, Arc::new(MockTransport::new())).unwrap();
/// // let client = LoginRocket::new(config)?;
/// assert_eq!(client.lr_url().unwrap(), "https://sample.e2.loginrocket.com/v2/");
/// assert_eq!(client.locale().as_deref(), Some("es"));
/// assert_eq!(client.timeout(), Duration::from_secs(5));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The realm's LoginRocket URL, e.g. `https://SAMPLE.e2.loginrocket.com/`; normalized by
    /// the same rules as [`LoginRocket::set_lr_url`].
    pub url: Option<String>,
    /// The locale sent as `Accept-Language`; `None` or empty sends no header.
    pub locale: Option<String>,
    /// How long one request may take, body included. Default [`DEFAULT_TIMEOUT`].
    pub timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            url: None,
            locale: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

impl Config {
    /// A config for the LoginRocket URL `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            ..Self::default()
        }
    }

    /// Sets the locale (builder style).
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// Sets the timeout (builder style).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }
}

/// Applies loginrocket.js's URL rules: an empty value is ignored (`None`); a missing trailing
/// `/` is added; then `v2/` is appended unless the URL already ends in `v2/`.
///
/// ```
/// use loginrocket::normalize_lr_url;
/// assert_eq!(normalize_lr_url("http://from.config").as_deref(), Some("http://from.config/v2/"));
/// assert_eq!(normalize_lr_url("http://from.config/v2").as_deref(), Some("http://from.config/v2/"));
/// assert_eq!(normalize_lr_url(""), None);
/// ```
pub fn normalize_lr_url(url: &str) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    let mut url = url.to_owned();
    if !url.ends_with('/') {
        url.push('/');
    }
    if !url.ends_with("v2/") {
        url.push_str("v2/");
    }
    Some(url)
}

/// Checks a LoginRocket URL before it is used (see [`Error::InvalidUrl`]): passwords must
/// never travel in clear, and the URL must never be something a link could run, since the
/// kit builds hosted-page links from it. An empty URL is accepted (it means "none yet").
///
/// ```
/// use loginrocket::check_lr_url;
/// assert!(check_lr_url("https://sample.e2.loginrocket.com/").is_ok());
/// assert!(check_lr_url("http://127.0.0.1:4000").is_ok());
/// assert!(check_lr_url("http://sample.e2.loginrocket.com/").is_err());
/// assert!(check_lr_url("javascript:alert(1)").is_err());
/// ```
pub fn check_lr_url(url: &str) -> Result<(), Error> {
    let refuse = |why: &str| Err(Error::InvalidUrl(why.to_owned()));
    if url.is_empty() {
        return Ok(());
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '\\' | '?' | '#'))
    {
        return refuse("white space, a backslash, a query or a fragment");
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return refuse("not an absolute URL");
    };
    let authority = rest.split('/').next().unwrap_or_default();
    if authority.contains('@') {
        return refuse("user info");
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((host, "")) => (host, ""),
            Some((host, rest)) => (host, rest.strip_prefix(':').unwrap_or("x")),
            None => return refuse("an unclosed IPv6 address"),
        },
        None => authority.split_once(':').unwrap_or((authority, "")),
    };
    if host.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
        return refuse("no host, or a bad port");
    }
    if scheme.eq_ignore_ascii_case("https") {
        return Ok(());
    }
    let loopback = ["127.0.0.1", "::1", "localhost"]
        .iter()
        .any(|h| host.eq_ignore_ascii_case(h));
    if scheme.eq_ignore_ascii_case("http") && loopback {
        Ok(())
    } else if scheme.eq_ignore_ascii_case("http") {
        refuse("http on a host other than the local machine")
    } else {
        refuse("not https")
    }
}

#[derive(Debug)]
struct State {
    url: Option<String>,
    locale: Option<String>,
    timeout: Duration,
}

struct Inner {
    state: RwLock<State>,
    transport: Arc<dyn Transport>,
}

/// A LoginRocket API client: loginrocket.js's `LoginRocket` class in Rust.
///
/// Cheap to clone; clones share the URL, locale and timeout, so a setter called through one
/// handle applies to the next request of every handle (for example an app's locale signal
/// driving `Accept-Language`). `Send + Sync`.
///
/// ```
/// # use std::sync::Arc;
/// # use loginrocket::transport::MockTransport;
/// use loginrocket::{Config, LoginRocket};
///
/// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), Arc::new(MockTransport::new())).unwrap();
/// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
/// let for_the_forms = client.clone();
/// // the user picked another language: every handle's next request says so
/// client.set_locale(Some("ja"));
/// assert_eq!(for_the_forms.locale().as_deref(), Some("ja"));
/// // a URL that isn't https (or http on a loopback host) is refused, and the old one kept
/// assert!(client.set_lr_url("http://example.com/").is_err());
/// assert_eq!(client.lr_url().unwrap(), "https://sample.e2.loginrocket.com/v2/");
/// ```
#[derive(Clone)]
pub struct LoginRocket {
    inner: Arc<Inner>,
}

impl fmt::Debug for LoginRocket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoginRocket")
            .field("state", &*self.read())
            .finish_non_exhaustive()
    }
}

#[cfg(target_arch = "wasm32")]
fn default_transport() -> Arc<dyn Transport> {
    Arc::new(crate::transport::BrowserTransport::new())
}

#[cfg(all(feature = "native", not(target_arch = "wasm32")))]
fn default_transport() -> Arc<dyn Transport> {
    Arc::new(crate::transport::NativeTransport::new())
}

impl LoginRocket {
    /// A client on the platform's transport: `fetch` in the browser, reqwest natively
    /// (feature `native`, which needs a tokio runtime to run the calls on).
    ///
    /// [`Error::InvalidUrl`] when `config.url` is not `https:` (or `http:` on a loopback
    /// host; see [`check_lr_url`]).
    ///
    /// ```no_run
    /// use loginrocket::{Config, LoginRocket};
    /// let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// # let _ = client;
    /// # Ok::<(), loginrocket::Error>(())
    /// ```
    #[cfg(any(target_arch = "wasm32", feature = "native"))]
    #[cfg_attr(docsrs, doc(cfg(any(target_arch = "wasm32", feature = "native"))))]
    pub fn new(config: Config) -> Result<Self, Error> {
        Self::with_transport(config, default_transport())
    }

    /// A client on a transport of your choice (for example the `MockTransport` of the
    /// `mock` feature, in tests). Checks the URL like `new` (in the browser, or natively with
    /// the `native` feature).
    pub fn with_transport(config: Config, transport: Arc<dyn Transport>) -> Result<Self, Error> {
        if let Some(url) = &config.url {
            check_lr_url(url)?;
        }
        Ok(Self::build(config, transport))
    }

    /// A client with no URL yet, like loginrocket.js's `new LoginRocket()`: every call is
    /// [`Error::MissingUrl`] until [`set_lr_url`](Self::set_lr_url) gives one.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use loginrocket::{transport::MockTransport, LoginRocket};
    /// let client = LoginRocket::unconfigured(Arc::new(MockTransport::new()));
    /// assert!(client.lr_url().is_err());
    /// client.set_lr_url("https://sample.e2.loginrocket.com/")?;
    /// # Ok::<(), loginrocket::Error>(())
    /// ```
    pub fn unconfigured(transport: Arc<dyn Transport>) -> Self {
        Self::build(Config::default(), transport)
    }

    fn build(config: Config, transport: Arc<dyn Transport>) -> Self {
        let state = State {
            url: config.url.as_deref().and_then(normalize_lr_url),
            locale: config.locale.filter(|l| !l.is_empty()),
            timeout: config.timeout,
        };
        Self {
            inner: Arc::new(Inner {
                state: RwLock::new(state),
                transport,
            }),
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.inner
            .state
            .read()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, State> {
        self.inner
            .state
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The normalized LoginRocket URL (ending in `v2/`), or [`Error::MissingUrl`].
    pub fn lr_url(&self) -> Result<String, Error> {
        self.read().url.clone().ok_or(Error::MissingUrl)
    }

    /// The realm's hosted LoginRocket page `path` (`login`, `accounts`, …) for `session`:
    /// the LoginRocket URL without its `v2/`, then `path?session=…`. The hosted pages take a
    /// session, so the user does not sign in twice. The URL carries the session id: build it
    /// when the user asks to go there, and never log it or render it before.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::{transport::MockTransport, Config, LoginRocket, Secret};
    /// let client = LoginRocket::with_transport(Config::new("https://s.e2.loginrocket.com/"), Arc::new(MockTransport::new()))?;
    /// assert_eq!(
    ///     client.hosted_page_url("accounts", &Secret::new("kss_1"))?,
    ///     "https://s.e2.loginrocket.com/accounts?session=kss_1"
    /// );
    /// # Ok::<(), loginrocket::Error>(())
    /// ```
    pub fn hosted_page_url(&self, path: &str, session: &crate::Secret) -> Result<String, Error> {
        self.hosted_url(path, &[("session", session.expose())])
    }

    /// The realm's hosted LoginRocket page `path` (LoginRocket Web: `login`, `signup`,
    /// `accounts`, `profile`, `logout`) with `params` as its query, in order: the LoginRocket
    /// URL without its `v2/`, then `path?…`.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::{transport::MockTransport, Config, LoginRocket};
    /// let client = LoginRocket::with_transport(Config::new("https://s.e2.loginrocket.com/"), Arc::new(MockTransport::new()))?;
    /// assert_eq!(
    ///     client.hosted_url("login", &[("redirect_uri", "https://app.test/auth/callback"), ("prompt", "login")])?,
    ///     "https://s.e2.loginrocket.com/login?redirect_uri=https%3A%2F%2Fapp.test%2Fauth%2Fcallback&prompt=login"
    /// );
    /// # Ok::<(), loginrocket::Error>(())
    /// ```
    pub fn hosted_url(&self, path: &str, params: &[(&str, &str)]) -> Result<String, Error> {
        let base = self.lr_url()?;
        let base = base.strip_suffix("v2/").unwrap_or(&base);
        let mut query = crate::query::Query::new();
        for (key, value) in params {
            query.append_pair(key, value);
        }
        let query = query.finish();
        let path = path.trim_start_matches('/');
        Ok(if query.is_empty() {
            format!("{base}{path}")
        } else {
            format!("{base}{path}?{query}")
        })
    }

    /// Changes the LoginRocket URL for the next requests, by [`normalize_lr_url`]'s rules:
    /// an empty value is ignored and the old URL kept. A URL [`check_lr_url`] refuses is an
    /// error, and the old URL is kept.
    pub fn set_lr_url(&self, url: &str) -> Result<(), Error> {
        check_lr_url(url)?;
        if let Some(url) = normalize_lr_url(url) {
            self.write().url = Some(url);
        }
        Ok(())
    }

    /// The locale sent as `Accept-Language`, if any.
    pub fn locale(&self) -> Option<String> {
        self.read().locale.clone()
    }

    /// Sets the locale for the next requests; `None` or an empty string removes the header.
    pub fn set_locale(&self, locale: Option<&str>) {
        self.write().locale = locale.filter(|l| !l.is_empty()).map(str::to_owned);
    }

    /// The request timeout.
    pub fn timeout(&self) -> Duration {
        self.read().timeout
    }

    /// Changes the request timeout for the next requests.
    pub fn set_timeout(&self, timeout: Duration) {
        self.write().timeout = timeout;
    }

    /// Builds the HTTP request for `method path` with `params`, without sending it.
    pub fn build_request<P: Serialize>(
        &self,
        method: Method,
        path: &str,
        params: &P,
    ) -> Result<HttpRequest, Error> {
        self.build_request_value(method, path, to_value(params)?)
    }

    /// [`build_request`](Self::build_request) on params already turned into JSON (not generic:
    /// one copy serves every call).
    fn build_request_value(
        &self,
        method: Method,
        path: &str,
        params: Value,
    ) -> Result<HttpRequest, Error> {
        let (base, locale, timeout) = {
            let state = self.read();
            (
                state.url.clone().ok_or(Error::MissingUrl)?,
                state.locale.clone(),
                state.timeout,
            )
        };
        let mut url = format!("{base}{}", path.trim_start_matches('/'));
        let mut headers = vec![
            ("Accept".to_owned(), "application/json".to_owned()),
            ("LR-Agent".to_owned(), LR_AGENT.to_owned()),
        ];
        if let Some(locale) = locale {
            if !is_header_value(&locale) {
                return Err(Error::InvalidRequest(
                    "the locale is not a valid header value".into(),
                ));
            }
            headers.push(("Accept-Language".to_owned(), locale));
        }
        let body = if method.params_in_query() {
            let query = query_string(&params);
            if !query.is_empty() {
                url.push(if url.contains('?') { '&' } else { '?' });
                url.push_str(&query);
            }
            None
        } else {
            headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
            Some(crate::json::to_string(&params))
        };
        Ok(HttpRequest {
            method,
            url,
            headers,
            body,
            timeout,
        })
    }

    /// Sends `method path` with `params` and normalizes the answer. The eleven calls below are
    /// this with their method and path; use it for endpoints this version does not wrap.
    pub async fn request<P: Serialize>(
        &self,
        method: Method,
        path: &str,
        params: &P,
    ) -> Result<Response, Error> {
        let params = to_value(params)?;
        self.request_value(method, path, params).await
    }

    /// [`request`](Self::request) on params already turned into JSON (not generic: one copy of
    /// the exchange serves every call, which keeps the wasm small).
    async fn request_value(
        &self,
        method: Method,
        path: &str,
        params: Value,
    ) -> Result<Response, Error> {
        let request = self.build_request_value(method, path, params)?;
        let url = request.url.clone();
        let failure = match self.inner.transport.send(request).await {
            Ok(answer) => {
                return Ok(normalize::from_http(
                    answer.status,
                    &answer.headers,
                    &answer.body,
                ))
            }
            Err(TransportError::Build(why)) => {
                return Err(Error::InvalidRequest(redact(&why, &url)))
            }
            Err(TransportError::Timeout) => Failure::Timeout,
            Err(TransportError::Offline) => Failure::Offline,
            Err(TransportError::Network(why)) => Failure::Network(redact(&why, &url)),
        };
        Ok(Response::Error(normalize::normalized_error(
            Source::LoginRocketError,
            failure,
        )))
    }

    /// `POST login`: `full_login`, or `conditional_login`; a wrong password is a 422
    /// `Login failed` (localized).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": "e30.e30.c2ln"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// let answer = client.login(&LoginParams::new("ann@example.com", "demo-password")).await?;
    /// match answer {
    ///     Response::FullLogin(login) => println!("signed in to {}", login.account),
    ///     // 2FA, an account to choose: finish with verify_login / get_session
    ///     Response::ConditionalLogin(next) => println!("one more step: {:?}", next.conditions),
    ///     // a wrong password is a validation error: its message, localized, for the user
    ///     Response::Error(e) if e.is_validation() => println!("{}", e.error),
    ///     other => println!("{:?}", other.as_error().and_then(|e| e.source)),
    /// }
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn login(&self, params: &LoginParams) -> Result<Response, Error> {
        self.request_value(Method::Post, "login", params.to_json())
            .await
    }

    /// `POST login/verify`: finishes a `must_verify_login` with the 2FA code.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": "e30.e30.c2ln"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// // after a `conditional_login` with `must_verify_login`: its session and the user's code
    /// let answer = client.verify_login(&VerifyLoginParams::new("kss_1", "123456")).await?;
    /// assert!(matches!(answer, Response::FullLogin(_)));
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn verify_login(&self, params: &VerifyLoginParams) -> Result<Response, Error> {
        self.request_value(Method::Post, "login/verify", params.to_json())
            .await
    }

    /// `DELETE session`: ends the session (`okay`).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "okay"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// let answer = client.logout(&LogoutParams::new("kss_1")).await?;
    /// assert!(matches!(answer, Response::Okay(_)));
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn logout(&self, params: &LogoutParams) -> Result<Response, Error> {
        self.request_value(Method::Delete, "session", params.to_json())
            .await
    }

    /// `GET session`: `full_login` with a fresh token, `conditional_login` when an account
    /// must be chosen, `AccessDenied` when the session is over.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": "e30.e30.c2ln"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// // a fresh token for the session; `account` switches to another of the user's accounts
    /// let mut params = GetSessionParams::new("kss_1");
    /// params.account = Some("org_1".into());
    /// match client.get_session(&params).await? {
    ///     Response::FullLogin(login) => println!("token for {}", login.account),
    ///     r if r.as_error().and_then(|e| e.source) == Some(Source::AccessDenied) => println!("signed out"),
    ///     other => println!("{other:?}"),
    /// }
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn get_session(&self, params: &GetSessionParams) -> Result<Response, Error> {
        self.request_value(Method::Get, "session", params.to_json())
            .await
    }

    /// `POST password/forgot`: emails a reset link (`okay`).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "okay"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// // `okay` whether or not the address has an account: nothing to enumerate
    /// let answer = client.forgot_password(&ForgotPasswordParams::new("ann@example.com")).await?;
    /// assert!(matches!(answer, Response::Okay(_)));
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn forgot_password(&self, params: &ForgotPasswordParams) -> Result<Response, Error> {
        self.request_value(Method::Post, "password/forgot", params.to_json())
            .await
    }

    /// `POST password/reset`: sets a new password with the emailed token (`full_login`).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": "e30.e30.c2ln"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// // the token from the emailed link, and the new password
    /// let params = ResetPasswordParams::new("tpw:from-the-email", "a-new-password");
    /// match client.reset_password(&params).await? {
    ///     Response::FullLogin(login) => println!("signed in to {}", login.account),
    ///     r if r.as_error().and_then(|e| e.source) == Some(Source::RecordNotFound) => println!("the link has expired"),
    ///     other => println!("{other:?}"),
    /// }
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn reset_password(&self, params: &ResetPasswordParams) -> Result<Response, Error> {
        self.request_value(Method::Post, "password/reset", params.to_json())
            .await
    }

    /// `POST profile/password`: changes the password of a signed-in user (`okay`).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "okay"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// let params = UpdatePasswordParams::new("kss_1", "demo-password", "a-new-password");
    /// let answer = client.update_password(&params).await?;
    /// assert!(matches!(answer, Response::Okay(_)));
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn update_password(&self, params: &UpdatePasswordParams) -> Result<Response, Error> {
        self.request_value(Method::Post, "profile/password", params.to_json())
            .await
    }

    /// `PUT profile`: updates profile fields (`full_login` with a fresh token).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": "e30.e30.c2ln"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// // only the fields that are set are sent
    /// let mut params = UpdateProfileParams::new("kss_1");
    /// params.first_name = Some("Ann".into());
    /// let answer = client.update_profile(&params).await?;
    /// assert!(matches!(answer, Response::FullLogin(_)));
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn update_profile(&self, params: &UpdateProfileParams) -> Result<Response, Error> {
        self.request_value(Method::Put, "profile", params.to_json())
            .await
    }

    /// `POST signup/request`: asks for an invitation (`okay`).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "okay"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// let answer = client.request_invitation(&RequestInvitationParams::new("new@example.com")).await?;
    /// assert!(matches!(answer, Response::Okay(_)));
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn request_invitation(
        &self,
        params: &RequestInvitationParams,
    ) -> Result<Response, Error> {
        self.request_value(Method::Post, "signup/request", params.to_json())
            .await
    }

    /// `POST signup`: creates a user (`full_login`, or `conditional_login`).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": "e30.e30.c2ln"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// let mut params = SignupParams::new("new@example.com", "a-long-password");
    /// params.first_name = Some("Nia".into());
    /// match client.signup(&params).await? {
    ///     Response::FullLogin(login) => println!("signed up, in {}", login.account),
    ///     // "Email has already been taken", "Password is too short …": each at its field
    ///     Response::Error(e) if e.is_validation() => println!("{:?}", e.errors),
    ///     other => println!("{other:?}"),
    /// }
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn signup(&self, params: &SignupParams) -> Result<Response, Error> {
        self.request_value(Method::Post, "signup", params.to_json())
            .await
    }

    /// `POST email/verify`: confirms an email with the emailed token (`okay`).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use loginrocket::transport::MockTransport;
    /// use loginrocket::*;
    ///
    /// # async fn run() -> Result<(), Error> {
    /// # let mock = Arc::new(MockTransport::new());
    /// # mock.push_json(200, serde_json::json!({"result": "okay"}));
    /// # let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock)?;
    /// // let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/"))?;
    /// let answer = client.verify_email(&VerifyEmailParams::new("tve:from-the-email")).await?;
    /// assert!(matches!(answer, Response::Okay(_)));
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub async fn verify_email(&self, params: &VerifyEmailParams) -> Result<Response, Error> {
        self.request_value(Method::Post, "email/verify", params.to_json())
            .await
    }
}

fn to_value<P: Serialize>(params: &P) -> Result<Value, Error> {
    serde_json::to_value(params)
        .map_err(|_| Error::InvalidRequest("params are not serializable".into()))
}

/// Visible ASCII, space and tab: what `fetch` and reqwest accept in a header value.
fn is_header_value(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
}

/// Params as a query string: strings, numbers and booleans as `key=value`; `null` left out;
/// arrays as `key[]=value` (as axios does); nested objects as their JSON text.
fn query_string(params: &Value) -> String {
    let mut query = crate::query::Query::new();
    if let Value::Object(map) = params {
        for (key, value) in map {
            match value {
                Value::Null => {}
                Value::String(s) => {
                    query.append_pair(key, s);
                }
                Value::Array(items) => {
                    let key = format!("{key}[]");
                    for item in items {
                        match item {
                            Value::Null => {}
                            Value::String(s) => {
                                query.append_pair(&key, s);
                            }
                            other => {
                                query.append_pair(&key, &crate::json::to_string(other));
                            }
                        }
                    }
                }
                other => {
                    query.append_pair(key, &crate::json::to_string(other));
                }
            }
        }
    }
    query.finish()
}

/// Removes the request's query string (session ids) and body from a transport's message.
fn redact(message: &str, url: &str) -> String {
    match url.split_once('?') {
        Some((_, query)) if !query.is_empty() => message.replace(query, "***"),
        _ => message.to_owned(),
    }
}
