//! A dev-only HTTP server for the tests of the client's transports: the browser tests run
//! the `echo-server [--port N]` binary (it binds 127.0.0.1 and prints
//! `listening on http://127.0.0.1:PORT`), the native ones serve [`app`] in the test. It
//! answers any origin with CORS (exposing `Retry-After` and `Ratelimit-*`):
//!
//! - `/echo/...`: `200 {"result":"okay","method","path","query","headers","body"}`;
//! - `/slow/...`: never answers within 30 s (timeouts);
//! - `/status/{code}/...`: that status, `Retry-After: 7`, an HTML body;
//! - `/redirect/...`: `302` to another origin;
//! - `/huge/...`: `200` with a JSON body that never ends (streamed until the client stops
//!   reading, at most 1 GiB).

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::{header, HeaderMap, HeaderName, Method, StatusCode, Uri};
use axum::response::IntoResponse;
use axum::routing::any;
use axum::{Json, Router};
use serde_json::{json, Value};
use tower_http::cors::{AllowHeaders, AllowMethods, AllowOrigin, CorsLayer};

/// Echoes what arrived, as an `okay` result: the method, the path, the raw query string, the
/// headers and the JSON body (`null` when there is none).
async fn echo(
    method: Method,
    uri: Uri,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Json<Value> {
    let headers: serde_json::Map<String, Value> = headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                Value::from(v.to_str().unwrap_or("?")),
            )
        })
        .collect();
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    Json(json!({
        "result": "okay",
        "method": method.as_str(),
        "path": uri.path(),
        "query": query,
        "headers": headers,
        "body": body,
    }))
}

async fn status(Path((code, _rest)): Path<(u16, String)>) -> impl IntoResponse {
    let code = StatusCode::from_u16(code).unwrap_or(StatusCode::IM_A_TEAPOT);
    (
        code,
        [(header::RETRY_AFTER, "7")],
        "<html><body>status</body></html>",
    )
}

async fn huge() -> impl IntoResponse {
    let head = Bytes::from_static(br#"{"result":"okay","pad":""#);
    let pad = Bytes::from(vec![b'x'; 64 * 1024]);
    let chunks = std::iter::once(head).chain(std::iter::repeat_n(pad, 16 * 1024));
    let stream = futures_util::stream::iter(chunks.map(Ok::<_, std::convert::Infallible>));
    (
        [(header::CONTENT_TYPE, "application/json")],
        axum::body::Body::from_stream(stream),
    )
}

/// The routes above, with CORS for any origin.
pub fn app() -> Router {
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods(AllowMethods::mirror_request())
        .allow_headers(AllowHeaders::mirror_request())
        .expose_headers([
            header::RETRY_AFTER,
            HeaderName::from_static("ratelimit-limit"),
            HeaderName::from_static("ratelimit-remaining"),
            HeaderName::from_static("ratelimit-reset"),
        ]);
    Router::new()
        .route("/echo/{*rest}", any(echo))
        .route(
            "/slow/{*rest}",
            any(|| async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                "late"
            }),
        )
        .route("/status/{code}/{*rest}", any(status))
        .route("/huge/{*rest}", any(huge))
        .route(
            "/redirect/{*rest}",
            any(|| async {
                (
                    StatusCode::FOUND,
                    [(header::LOCATION, "http://localhost:9/elsewhere")],
                )
            }),
        )
        .layer(cors)
}
