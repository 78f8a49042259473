//! The native transport, on reqwest (feature `native`; HTTPS with feature `rustls`).

use super::{BoxFuture, HttpRequest, HttpResponse, Method, Transport, TransportError};
use crate::normalize::MAX_BODY_BYTES;

/// Sends requests with reqwest: no redirects followed, no retries, no proxy from the
/// environment, the request's timeout over the whole exchange. Bodies are read up to
/// [`MAX_BODY_BYTES`] and one byte more.
///
/// The calls must run inside a **tokio** runtime (reqwest's requirement), for example under
/// `#[tokio::main]`; plain `http://` only, unless the `rustls` feature adds HTTPS.
#[derive(Clone, Debug)]
pub struct NativeTransport {
    /// `Err` when the client could not be built (the TLS backend failed to initialize): each
    /// request then fails as a build error instead of the constructor panicking.
    client: Result<reqwest::Client, String>,
}

impl NativeTransport {
    /// A transport with its own connection pool.
    pub fn new() -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .map_err(|e| e.to_string());
        Self { client }
    }

    /// A transport on a client the app configured (proxy, TLS roots, …). Redirects should
    /// stay disabled: a 3xx is answered as a `LoginRocketError`.
    pub fn with_client(client: reqwest::Client) -> Self {
        Self { client: Ok(client) }
    }
}

impl Default for NativeTransport {
    fn default() -> Self {
        Self::new()
    }
}

fn classify(err: reqwest::Error) -> TransportError {
    if err.is_builder() {
        return TransportError::Build(err.without_url().to_string());
    }
    if err.is_timeout() {
        return TransportError::Timeout;
    }
    // `without_url` keeps the session id of GET/DELETE queries out of the message.
    let err = err.without_url();
    let mut msg = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(cause) = source {
        msg.push_str(": ");
        msg.push_str(&cause.to_string());
        source = cause.source();
    }
    TransportError::Network(msg)
}

impl Transport for NativeTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<Result<HttpResponse, TransportError>> {
        let client = self.client.clone();
        Box::pin(async move {
            let client = client.map_err(TransportError::Build)?;
            let method = match request.method {
                Method::Get => reqwest::Method::GET,
                Method::Post => reqwest::Method::POST,
                Method::Put => reqwest::Method::PUT,
                Method::Delete => reqwest::Method::DELETE,
            };
            let mut builder = client
                .request(method, &request.url)
                .timeout(request.timeout);
            for (name, value) in &request.headers {
                builder = builder.header(name, value);
            }
            if let Some(body) = request.body {
                builder = builder.body(body);
            }
            let mut response = builder.send().await.map_err(classify)?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned())))
                .collect();
            // Read at most one byte past the limit: the normalizer refuses larger bodies.
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(classify)? {
                body.extend_from_slice(&chunk);
                if body.len() > MAX_BODY_BYTES {
                    break;
                }
            }
            Ok(HttpResponse {
                status,
                headers,
                body,
            })
        })
    }
}
