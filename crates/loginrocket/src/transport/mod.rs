//! The HTTP seam: the client builds an [`HttpRequest`], a [`Transport`] performs it.
//!
//! Implementations: `BrowserTransport` (gloo-net, on `wasm32`), `NativeTransport`
//! (reqwest, feature `native`) and `MockTransport` (scripted, feature `mock`). A transport
//! performs exactly one attempt: it never retries, never follows redirects, and applies the
//! request's timeout to the whole exchange, body included.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(feature = "mock")]
mod mock;
#[cfg(all(feature = "native", not(target_arch = "wasm32")))]
mod native;

#[cfg(target_arch = "wasm32")]
#[cfg_attr(docsrs, doc(cfg(target_arch = "wasm32")))]
pub use browser::BrowserTransport;
#[cfg(feature = "mock")]
#[cfg_attr(docsrs, doc(cfg(feature = "mock")))]
pub use mock::{MockResponder, MockTransport};
#[cfg(all(feature = "native", not(target_arch = "wasm32")))]
#[cfg_attr(docsrs, doc(cfg(all(feature = "native", not(target_arch = "wasm32")))))]
pub use native::NativeTransport;

/// A boxed future: `Send` on native targets (for multi-threaded runtimes), not on `wasm32`
/// (browser futures hold JS values).
#[cfg(not(target_arch = "wasm32"))]
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;
/// A boxed future: `Send` on native targets (for multi-threaded runtimes), not on `wasm32`
/// (browser futures hold JS values).
#[cfg(target_arch = "wasm32")]
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + 'static>>;

/// Performs one HTTP exchange.
///
/// An app's own transport: say, one that answers from a fixture, or wraps another with
/// logging.
///
/// ```
/// use std::sync::Arc;
/// use loginrocket::transport::{BoxFuture, HttpRequest, HttpResponse, Transport, TransportError};
/// use loginrocket::{Config, LoginRocket, LogoutParams, Response};
///
/// /// Answers every call with `okay`, and logs what it was asked (never the query: a session
/// /// travels there on DELETE).
/// struct Canned;
///
/// impl Transport for Canned {
///     fn send(&self, request: HttpRequest) -> BoxFuture<Result<HttpResponse, TransportError>> {
///         println!("{:?} {}", request.method, request.url_without_query());
///         Box::pin(async { Ok(HttpResponse::new(200, r#"{"result":"okay"}"#)) })
///     }
/// }
///
/// # async fn run() -> Result<(), loginrocket::Error> {
/// let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), Arc::new(Canned))?;
/// let answer = client.logout(&LogoutParams::new("kss_1")).await?;
/// assert!(matches!(answer, Response::Okay(_)));
/// # Ok(()) }
/// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
/// ```
pub trait Transport: Send + Sync + 'static {
    /// Sends `request` once and returns the answer, whatever its status.
    fn send(&self, request: HttpRequest) -> BoxFuture<Result<HttpResponse, TransportError>>;
}

/// The HTTP methods LoginRocket uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`: params in the query string.
    Get,
    /// `POST`: params as a JSON body.
    Post,
    /// `PUT`: params as a JSON body.
    Put,
    /// `DELETE`: params in the query string.
    Delete,
}

impl Method {
    /// The method name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// Whether params travel in the query string (GET, DELETE) rather than a JSON body.
    pub fn params_in_query(self) -> bool {
        matches!(self, Method::Get | Method::Delete)
    }
}

/// A request ready to send.
///
/// `Debug` shows the method, the URL without its query string, the header names and the body
/// length: the query and the body carry session ids, passwords and tokens.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The absolute URL, with the query string for GET and DELETE.
    pub url: String,
    /// Header names and values.
    pub headers: Vec<(String, String)>,
    /// The JSON body, for POST and PUT.
    pub body: Option<String>,
    /// How long the whole exchange may take.
    pub timeout: Duration,
}

impl HttpRequest {
    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The URL without its query string: safe to log.
    pub fn url_without_query(&self) -> &str {
        self.url.split(['?', '#']).next().unwrap_or_default()
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url_without_query())
            .field(
                "headers",
                &self.headers.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            )
            .field("body_len", &self.body.as_ref().map(String::len))
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// An HTTP answer, whatever its status.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code (0 for a redirect the browser did not follow).
    pub status: u16,
    /// Header names and values as readable by the client (a browser shows only the
    /// CORS-safelisted and exposed ones).
    pub headers: Vec<(String, String)>,
    /// The raw body.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A response with a body and no headers.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// Adds a header (builder style).
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The first value of a header, by case-insensitive name.
    ///
    /// ```
    /// use loginrocket::transport::HttpResponse;
    ///
    /// let answer = HttpResponse::new(429, "").with_header("Retry-After", "30");
    /// assert_eq!(answer.header("retry-after"), Some("30"));
    /// assert_eq!(answer.header("Content-Language"), None);
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field(
                "headers",
                &self.headers.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            )
            .field("body_len", &self.body.len())
            .finish()
    }
}

pub(crate) fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Why a transport got no HTTP answer.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportError {
    /// The request could not be built (for example an unparsable URL). The client returns
    /// this as `Err`, like loginrocket.js throws.
    Build(String),
    /// No answer within the request's timeout.
    Timeout,
    /// The device is offline.
    Offline,
    /// The request failed without an answer (DNS, refused connection, TLS, CORS).
    Network(String),
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransportError::Build(m) => write!(f, "request could not be built: {m}"),
            TransportError::Timeout => f.write_str("request timed out"),
            TransportError::Offline => f.write_str("device is offline"),
            TransportError::Network(m) => write!(f, "network error: {m}"),
        }
    }
}

impl std::error::Error for TransportError {}
