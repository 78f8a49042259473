//! A local **LoginRocket v2** server for the demo and every test: the real HTTP contract
//! (`../shared/spec/loginrocket-api.md`), realm settings, seeded users, an outbox for emailed
//! tokens, rate limiting and fault injection. Nobody needs an AuthRocket account.
//!
//! # The LoginRocket API (under `/v2/`)
//!
//! The eleven endpoints of loginrocket.js, with JSON bodies (form-encoded bodies are accepted
//! too) on POST/PUT and query strings on GET/DELETE; statuses and results as in the contract:
//! 2xx results, 422 validation errors localized from `Accept-Language` (then the user's saved
//! locale, then the realm default, then `en`), 403 for a dead session, 404 for an unknown or
//! used emailed token, 429 with `Retry-After` and `Ratelimit-*` headers. `GET /connect/jwks`
//! serves the realm's RSA keys (the newest signs every `full_login` token; a realm set to
//! `jwt_algorithm = "HS256"` signs with its `jwt_secret` instead).
//!
//! Decisions where AuthRocket documents nothing (**\[ours\]**, each in one place):
//! `POST login/verify` takes `session` + `code`; the 2FA condition is `must_verify_login`;
//! `no_account_selected` responses carry `accounts: [{id, name}]`; invitation tokens are
//! `inv:…` and come from `POST signup/request`; an account id the user does not belong to is a
//! 404; validation errors are always 422; a password reset ends the user's other sessions and
//! marks the email verified; unknown emails get `okay` from `password/forgot` and
//! `signup/request` (no enumeration); an error's messages come with `Content-Language`, the
//! language they are in; the emulator also speaks French, beyond AuthRocket's documented
//! English, Spanish and Japanese; a token's memberships have `mb_` ids, and a seeded user's
//! permissions are the same in each of their accounts.
//!
//! Tokens are shaped as AuthRocket's (`../shared/spec/loginrocket-api.md` §6.1, read in its
//! SDKs): `iss` is `https://authrocket.com`, and `orgs[]` lists every membership with `mid`,
//! `oid`, `name`, `perm` and `selected`, and `ref` and `cs` where the seed sets them.
//!
//! # LoginRocket Web (the hosted pages, at the root)
//!
//! `/login`, `/signup`, `/accounts`, `/profile`, `/logout` and an emulated consent page per
//! social provider (`/social/{provider}`), server-rendered and localized; a sign-in goes back
//! to the app as `redirect_uri?token=<JWT>`, only on the origin of one of the realm's
//! `login_urls` (`--login-url`). The pages' contract and their **\[ours\]** decisions are in
//! the `web` module's docs (`emulator/src/web/mod.rs`).
//!
//! # The control API (under `/_emulator/`, loopback clients only)
//!
//! It hands out 2FA codes and emailed tokens, so no web page may use it unless its origin is
//! named for it (`--control-origin`, or the seed's `control_origins`; never `*`, whatever the
//! API's `allowed_origins` say); its POSTs take `Content-Type: application/json` (or an
//! `X-Emulator-Control` header), so a page can never send one as a simple request. Like the
//! API, it answers only `Host` names `127.0.0.1`, `localhost` and `[::1]` with its own port
//! (421 otherwise), which defeats DNS rebinding.
//!
//! | call | what |
//! |---|---|
//! | `GET /_emulator/health` | `{"ok": true}` |
//! | `GET /_emulator/outbox` | emails sent, oldest first: `[{to, kind, token, locale, created_at}]`, `kind` one of `password_reset`, `email_verification`, `invitation_request` |
//! | `DELETE /_emulator/outbox` | empties it |
//! | `GET /_emulator/realm`, `PUT /_emulator/realm` | read, or merge (JSON, the seed's names) the realm settings |
//! | `POST /_emulator/users` | create a user (JSON, the seed's fields) → the user with its `id` |
//! | `POST /_emulator/sessions` `{email}` | a live session for that user → `{session}` |
//! | `POST /_emulator/tokens` `{email, kind}` | a `password_reset` or `email_verification` token → `{token}` |
//! | `POST /_emulator/faults` `{method?, path, status?, body?, content_type?, headers?, delay_ms?, times?}` | the next `times` (default 1) requests matching `path` (`login`, `/v2/login`, or `*`) and `method` are delayed by `delay_ms`, then answered with `status`/`body` (a JSON value, or a string sent as is; `content_type` defaults to JSON) and `headers` when a status is given, or served normally |
//! | `GET /_emulator/faults`, `DELETE /_emulator/faults` | list, or drop, queued faults |
//! | `GET /_emulator/totp?email=…` | the current 2FA code of a user with a TOTP secret → `{code}` |
//! | `POST /_emulator/clock` `{advance_secs}` | moves the emulator's clock forward (sessions, tokens, rate limits, TOTP) → `{now}` |
//! | `GET /_emulator/keys` | the RSA keys served → `{keys: [kid…], signing: kid}` |
//! | `POST /_emulator/keys` | key rotation: a new key signs from now on, the old ones are still served → `{kid}` |
//! | `DELETE /_emulator/keys/{kid}` | stops serving a key (409 for the one that signs) |
//! | `POST /_emulator/reset` | back to the seed state (the signing keys are kept) |
//!
//! Each request is logged on stderr as one line: method, path (never the query), status,
//! milliseconds. Passwords, codes, tokens and session ids are never logged.

#![forbid(unsafe_code)]

mod api;
pub mod cli;
mod control;
pub mod crypto;
pub mod i18n;
pub mod login;
pub mod seed;
pub mod store;
mod web;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, FromRequest, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::{json, Map, Value};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::i18n::Msg;
use crate::seed::Seed;
use crate::store::Store;

/// The running emulator's shared state.
pub struct App {
    store: Mutex<Store>,
    seed: Seed,
    keys: Mutex<crypto::Keyring>,
    quiet: bool,
    /// The port [`serve`] listens on: the only one a `Host` header may name.
    port: OnceLock<u16>,
}

/// Shared handle to the state.
pub type Shared = Arc<App>;

impl App {
    /// A fresh state from `seed`. `quiet` turns request logging off. Refuses `*` among the
    /// seed's control origins.
    pub fn new(seed: Seed, quiet: bool) -> Result<Shared, String> {
        if seed.control_origins.iter().any(|o| o == "*") {
            return Err(
                "the control API never allows every origin: name each control origin".into(),
            );
        }
        let store = Store::from_seed(&seed)?;
        let keys = crypto::Keyring::generate()?;
        Ok(Arc::new(App {
            store: Mutex::new(store),
            seed,
            keys: Mutex::new(keys),
            quiet,
            port: OnceLock::new(),
        }))
    }

    /// Locks the state. A handler that panicked leaves consistent data (no invariant spans
    /// an unwind), so a poisoned lock is used as is.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Locks the signing keys (taken after the store where a handler needs both).
    pub fn keys(&self) -> MutexGuard<'_, crypto::Keyring> {
        self.keys.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The whole HTTP surface: the API, `/connect/jwks`, the control API, CORS, faults, logging.
pub fn router(app: Shared) -> Router {
    let cors_app = app.clone();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(
            move |origin: &HeaderValue, parts: &axum::http::request::Parts| {
                let origin = origin.to_str().unwrap_or_default();
                if parts.uri.path().starts_with("/_emulator") {
                    // the control API: only origins named for it, never `*`
                    return cors_app.seed.control_origins.iter().any(|o| o == origin);
                }
                cors_app
                    .store()
                    .realm
                    .allowed_origins
                    .iter()
                    .any(|o| o == "*" || o == origin)
            },
        ))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::ACCEPT_LANGUAGE,
            HeaderName::from_static("lr-agent"),
            HeaderName::from_static(control::CONTROL_HEADER),
        ])
        .expose_headers([
            header::RETRY_AFTER,
            HeaderName::from_static("ratelimit-limit"),
            HeaderName::from_static("ratelimit-remaining"),
            HeaderName::from_static("ratelimit-reset"),
        ])
        .max_age(Duration::from_secs(600));
    Router::new()
        .merge(api::routes())
        .merge(web::routes())
        .nest("/_emulator", control::routes(app.clone()))
        .fallback(|| async {
            api::error_response(StatusCode::NOT_FOUND, vec![Msg::NotFound.text("en")], "en")
        })
        .layer(middleware::from_fn_with_state(app.clone(), faults))
        .layer(middleware::from_fn_with_state(app.clone(), log))
        .layer(cors)
        .layer(middleware::from_fn_with_state(app.clone(), loopback_host))
        .with_state(app)
}

/// Refuses (421) a request whose `Host` is not `127.0.0.1`, `localhost` or `[::1]` with the
/// port the emulator listens on, so that a page on a rebound DNS name cannot reach it.
async fn loopback_host(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok());
    if host.is_some_and(|h| is_loopback_host(h, app.port.get().copied())) {
        next.run(req).await
    } else {
        control_error(
            StatusCode::MISDIRECTED_REQUEST,
            "the emulator answers the host names 127.0.0.1, localhost and [::1] only",
        )
    }
}

/// Whether `host` (a `Host` header) names this machine's loopback on `port` (any port when
/// it is not known).
fn is_loopback_host(host: &str, port: Option<u16>) -> bool {
    let (name, rest) = match host.strip_prefix("[::1]") {
        Some(rest) => ("[::1]", rest),
        None => host.split_once(':').map_or((host, ""), |(n, p)| (n, p)),
    };
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let port_ok = match (port, rest) {
        (None, _) => true,
        (Some(80), "") => true,
        (Some(p), given) => given.parse::<u16>() == Ok(p),
    };
    let name_ok = name == "127.0.0.1" || name == "[::1]" || name.eq_ignore_ascii_case("localhost");
    name_ok && port_ok
}

/// Serves `router(app)` on `listener` until the task is dropped.
pub async fn serve(listener: tokio::net::TcpListener, app: Shared) -> std::io::Result<()> {
    let _ = app.port.set(listener.local_addr()?.port());
    axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

/// An emulator running in this process (for tests): its base URL and state.
pub struct Running {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    /// The state, for direct inspection.
    pub app: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    /// The LoginRocket URL (`<url>/v2/`).
    pub fn lr_url(&self) -> String {
        format!("{}/v2/", self.url)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Starts a quiet emulator with `seed` on a free loopback port.
pub async fn spawn(seed: Seed) -> Result<Running, String> {
    let app = App::new(seed, true)?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .map_err(|e| e.to_string())?;
    let url = format!(
        "http://{}",
        listener.local_addr().map_err(|e| e.to_string())?
    );
    let served = app.clone();
    let task = tokio::spawn(async move {
        let _ = serve(listener, served).await;
    });
    Ok(Running { url, app, task })
}

/// The client address of a request (loopback when unknown).
fn client_ip(req: &Request) -> IpAddr {
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |c| c.0.ip())
}

/// One log line per request: method, path (no query), status, time.
async fn log(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let start = Instant::now();
    let response = next.run(req).await;
    if !app.quiet {
        eprintln!(
            "{method} {path} {} {}ms",
            response.status().as_u16(),
            start.elapsed().as_millis()
        );
    }
    response
}

/// Applies the next queued fault that matches the request.
async fn faults(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if req.method() == Method::OPTIONS || path.starts_with("/_emulator") {
        return next.run(req).await;
    }
    let fault = {
        let mut store = app.store();
        let found = store
            .faults
            .iter()
            .position(|f| f.matches(req.method().as_str(), path));
        found.map(|i| {
            let fault = store.faults[i].clone();
            if store.faults[i].times <= 1 {
                store.faults.remove(i);
            } else {
                store.faults[i].times -= 1;
            }
            fault
        })
    };
    let Some(fault) = fault else {
        return next.run(req).await;
    };
    if let Some(ms) = fault.delay_ms {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    let Some(status) = fault.status else {
        return next.run(req).await;
    };
    let mut response = Response::new(Body::from(fault.body.unwrap_or_default()));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let content_type = fault.content_type.as_deref().unwrap_or("application/json");
    if let Ok(v) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    for (name, value) in fault.headers {
        if let (Ok(n), Ok(v)) = (HeaderName::try_from(name), HeaderValue::from_str(&value)) {
            response.headers_mut().append(n, v);
        }
    }
    response
}

/// A request's params (query for GET/DELETE; JSON or form body for POST/PUT), its client
/// address and its `Accept-Language`.
pub struct Req {
    ip: IpAddr,
    accept_language: Option<String>,
    params: Map<String, Value>,
    /// The hosted pages' own session (their cookie), if any.
    web_session: Option<String>,
    /// `Sec-Fetch-Site`, when the browser sent it.
    fetch_site: Option<String>,
}

impl Req {
    /// A string param (numbers and booleans as text).
    fn s(&self, key: &str) -> Option<String> {
        match self.params.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// A string param, empty when absent.
    fn text(&self, key: &str) -> String {
        self.s(key).unwrap_or_default()
    }

    /// The response locale, given the user's saved locale.
    fn locale(&self, store: &Store, user_locale: Option<&str>) -> &'static str {
        i18n::negotiate(
            self.accept_language.as_deref(),
            user_locale,
            &store.realm.default_locale,
        )
    }
}

fn pairs_to_map(pairs: form_urlencoded::Parse<'_>) -> Map<String, Value> {
    let mut map = Map::new();
    for (k, v) in pairs {
        if let Some(base) = k.strip_suffix("[]") {
            let entry = map
                .entry(base.to_owned())
                .or_insert_with(|| Value::Array(vec![]));
            if let Value::Array(items) = entry {
                items.push(Value::String(v.into_owned()));
            }
        } else {
            map.insert(k.into_owned(), Value::String(v.into_owned()));
        }
    }
    map
}

impl FromRequest<Shared> for Req {
    type Rejection = Response;

    async fn from_request(req: Request, app: &Shared) -> Result<Self, Self::Rejection> {
        let ip = client_ip(&req);
        let (accept_language, fetch_site, web_session) = {
            let header = |name: &str| {
                req.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            (
                header("accept-language"),
                header("sec-fetch-site"),
                header("cookie").and_then(|c| web::session_cookie(&c)),
            )
        };
        let is_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
        let bad_request = |app: &Shared, al: Option<&str>| {
            let locale = i18n::negotiate(al, None, &app.store().realm.default_locale);
            api::error_response(
                StatusCode::BAD_REQUEST,
                vec![Msg::BadRequest.text(locale)],
                locale,
            )
        };
        let params = if matches!(*req.method(), Method::GET | Method::DELETE) {
            pairs_to_map(form_urlencoded::parse(
                req.uri().query().unwrap_or("").as_bytes(),
            ))
        } else {
            let body = Bytes::from_request(req, app)
                .await
                .map_err(|_| bad_request(app, accept_language.as_deref()))?;
            if body.iter().all(u8::is_ascii_whitespace) {
                Map::new()
            } else if is_form {
                pairs_to_map(form_urlencoded::parse(&body))
            } else {
                match serde_json::from_slice::<Value>(&body) {
                    Ok(Value::Object(map)) => map,
                    _ => return Err(bad_request(app, accept_language.as_deref())),
                }
            }
        };
        Ok(Req {
            ip,
            accept_language,
            params,
            web_session,
            fetch_site,
        })
    }
}

/// `{"error": msg}` with a status, for the control API.
fn control_error(status: StatusCode, msg: impl Into<String>) -> Response {
    (status, axum::Json(json!({ "error": msg.into() }))).into_response()
}
