//! The browser transport, on gloo-net's `fetch` wrapper.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Headers, RequestBuilder};
use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, ReferrerPolicy, RequestCache, RequestCredentials, RequestRedirect};

use super::{BoxFuture, HttpRequest, HttpResponse, Transport, TransportError};
use crate::normalize::MAX_BODY_BYTES;

/// Sends requests with `fetch`: `redirect: "manual"` (a 3xx is never followed to another
/// origin; it shows as status 0 and is answered as a `LoginRocketError`), `cache: "no-store"`
/// (session ids in GET queries never reach the HTTP cache), `credentials: "omit"`,
/// `referrerPolicy: "no-referrer"`, and an `AbortController` that ends the exchange when the
/// request's timeout passes (its timer is cleared when the exchange ends first). The body is
/// read from its stream up to [`MAX_BODY_BYTES`] and one byte more, then the exchange is
/// ended: a larger body is refused by the normalizer, as on the native transport.
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

/// Reads a body from its stream, stopping one byte past `limit` (the normalizer refuses
/// larger bodies): a huge or endless body costs at most that much memory.
async fn read_capped(
    stream: Option<web_sys::ReadableStream>,
    limit: usize,
) -> Result<Vec<u8>, JsValue> {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let call = |target: &JsValue, method: &str| -> Result<JsValue, JsValue> {
        get(target, method)?
            .dyn_into::<js_sys::Function>()?
            .call0(target)
    };
    let Some(stream) = stream.map(JsValue::from) else {
        return Ok(Vec::new());
    };
    let reader = call(&stream, "getReader")?;
    let mut body = Vec::new();
    while body.len() <= limit {
        let promise = call(&reader, "read")?.dyn_into::<js_sys::Promise>()?;
        let chunk = wasm_bindgen_futures::JsFuture::from(promise).await?;
        if get(&chunk, "done")?.as_bool().unwrap_or(true) {
            return Ok(body);
        }
        let bytes = get(&chunk, "value")?.dyn_into::<js_sys::Uint8Array>()?;
        let take = (bytes.length() as usize).min(limit + 1 - body.len());
        let at = body.len();
        body.resize(at + take, 0);
        bytes.subarray(0, take as u32).copy_to(&mut body[at..]);
    }
    let _ = call(&reader, "cancel");
    Ok(body)
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
            let pairs = crate::query::parse(query);
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
                let (timed_out, controller) = (timed_out.clone(), controller.clone());
                Timeout::new(millis, move || {
                    timed_out.set(true);
                    controller.abort();
                })
            };
            let failed = |err: String| {
                if timed_out.get() {
                    TransportError::Timeout
                } else if !is_online() {
                    TransportError::Offline
                } else {
                    TransportError::Network(err)
                }
            };

            let response = built.send().await.map_err(|e| failed(e.to_string()))?;
            let status = response.status();
            let headers = response.headers().entries().collect();
            let body = read_capped(response.body(), MAX_BODY_BYTES)
                .await
                .map_err(|e| failed(format!("{e:?}")))?;
            // the rest of a body past the limit is not wanted: end the exchange
            controller.abort();
            drop(timer); // clears the timeout
            Ok(HttpResponse {
                status,
                headers,
                body,
            })
        })
    }
}
