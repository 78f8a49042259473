//! The browser transport, on gloo-net's `fetch` wrapper.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Headers, RequestBuilder};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use web_sys::{AbortController, ReferrerPolicy, RequestCache, RequestCredentials, RequestRedirect};

use super::{BoxFuture, HttpRequest, HttpResponse, Transport, TransportError};

/// Sends requests with `fetch`: `redirect: "manual"` (a 3xx is never followed to another
/// origin; it shows as status 0 and is answered as a `LoginRocketError`), `cache: "no-store"`
/// (session ids in GET queries never reach the HTTP cache), `credentials: "omit"`,
/// `referrerPolicy: "no-referrer"`, and an `AbortController` that ends the exchange when the
/// request's timeout passes (its timer is cleared when the exchange ends first).
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserTransport;

impl BrowserTransport {
    /// The transport.
    pub fn new() -> Self {
        Self
    }
}

/// `navigator.onLine`, in a window or a worker; `true` when unknown.
fn is_online() -> bool {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &JsValue::from_str("navigator"))
        .and_then(|nav| js_sys::Reflect::get(&nav, &JsValue::from_str("onLine")))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

fn build_error(err: impl std::fmt::Display) -> TransportError {
    TransportError::Build(err.to_string())
}

impl Transport for BrowserTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let raw_headers = web_sys::Headers::new().map_err(|_| build_error("headers"))?;
            for (name, value) in &request.headers {
                raw_headers
                    .set(name, value)
                    .map_err(|_| build_error(format_args!("invalid header {name}")))?;
            }
            let controller = AbortController::new().map_err(|_| build_error("AbortController"))?;
            // gloo-net appends its own query to the URL's (with a stray `&` when its own is
            // empty): hand it the pairs instead.
            let (base, query) = request.url.split_once('?').unwrap_or((&request.url, ""));
            let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect();
            let builder = RequestBuilder::new(base)
                .query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                .method(match request.method {
                    super::Method::Get => gloo_net::http::Method::GET,
                    super::Method::Post => gloo_net::http::Method::POST,
                    super::Method::Put => gloo_net::http::Method::PUT,
                    super::Method::Delete => gloo_net::http::Method::DELETE,
                })
                .headers(Headers::from_raw(raw_headers))
                .redirect(RequestRedirect::Manual)
                .cache(RequestCache::NoStore)
                .credentials(RequestCredentials::Omit)
                .referrer_policy(ReferrerPolicy::NoReferrer)
                .abort_signal(Some(&controller.signal()));
            let built = match request.body {
                Some(body) => builder.body(body),
                None => builder.build(),
            };
            let built = built.map_err(build_error)?;

            let timed_out = Rc::new(Cell::new(false));
            // setTimeout fires at once for delays above 2^31-1 ms: cap it.
            let millis = request.timeout.as_millis().min(i32::MAX as u128) as u32;
            let timer = {
                let timed_out = timed_out.clone();
                Timeout::new(millis, move || {
                    timed_out.set(true);
                    controller.abort();
                })
            };
            let failed = |err: gloo_net::Error| {
                if timed_out.get() {
                    TransportError::Timeout
                } else if !is_online() {
                    TransportError::Offline
                } else {
                    TransportError::Network(err.to_string())
                }
            };

            let response = built.send().await.map_err(failed)?;
            let status = response.status();
            let headers = response.headers().entries().collect();
            let body = response.binary().await.map_err(failed)?;
            drop(timer); // clears the timeout
            Ok(HttpResponse {
                status,
                headers,
                body,
            })
        })
    }
}
