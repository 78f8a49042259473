//! The control API under `/_emulator/` (loopback clients only); see the crate docs.

use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::seed::{Realm, UserSeed};
use crate::store::{Fault, Store, TokenKind, User};
use crate::{control_error, crypto, Shared};

pub fn routes(app: Shared) -> Router<Shared> {
    Router::new()
        .route("/health", get(|| async { Json(json!({ "ok": true })) }))
        .route("/outbox", get(outbox).delete(clear_outbox))
        .route("/realm", get(get_realm).put(put_realm))
        .route("/users", post(create_user))
        .route("/sessions", post(create_session))
        .route("/tokens", post(create_token))
        .route(
            "/faults",
            post(add_fault).get(list_faults).delete(clear_faults),
        )
        .route("/totp", get(totp))
        .route("/clock", post(advance_clock))
        .route("/keys", get(list_keys).post(rotate_key))
        .route("/keys/{kid}", axum::routing::delete(remove_key))
        .route("/reset", post(reset))
        .layer(middleware::from_fn(never_simple))
        .layer(middleware::from_fn_with_state(app, loopback_only))
}

/// The header that, like a JSON content type, marks a control POST as no simple request.
pub const CONTROL_HEADER: &str = "x-emulator-control";

/// Refuses (415) a POST a page could send without a CORS preflight: one needs a JSON content
/// type or the [`CONTROL_HEADER`].
async fn never_simple(req: Request, next: Next) -> Response {
    let json = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.trim()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    if req.method() == axum::http::Method::POST
        && !json
        && !req.headers().contains_key(CONTROL_HEADER)
    {
        return control_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "control POSTs take Content-Type: application/json (or an X-Emulator-Control header)",
        );
    }
    next.run(req).await
}

async fn loopback_only(req: Request, next: Next) -> Response {
    let loopback = req
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .is_none_or(|c| c.0.ip().is_loopback());
    if loopback {
        next.run(req).await
    } else {
        control_error(
            StatusCode::FORBIDDEN,
            "the control API answers loopback clients only",
        )
    }
}

/// A control-API failure: `{"error": msg}` with a status.
struct ControlError(StatusCode, String);

impl IntoResponse for ControlError {
    fn into_response(self) -> Response {
        control_error(self.0, self.1)
    }
}

type Control = Result<Json<Value>, ControlError>;

fn bad(msg: impl Into<String>) -> ControlError {
    ControlError(StatusCode::BAD_REQUEST, msg.into())
}

/// A well-formed request with a value out of range (422).
fn invalid(msg: impl Into<String>) -> ControlError {
    ControlError(StatusCode::UNPROCESSABLE_ENTITY, msg.into())
}

fn user_index(store: &Store, email: &str) -> Result<usize, ControlError> {
    store
        .find_user(email)
        .ok_or_else(|| ControlError(StatusCode::NOT_FOUND, format!("no user {email:?}")))
}

async fn outbox(State(app): State<Shared>) -> Json<Value> {
    Json(json!(app.store().outbox))
}

async fn clear_outbox(State(app): State<Shared>) -> Json<Value> {
    app.store().outbox.clear();
    Json(json!({ "ok": true }))
}

async fn get_realm(State(app): State<Shared>) -> Json<Value> {
    Json(json!(app.store().realm))
}

async fn put_realm(State(app): State<Shared>, Json(patch): Json<Value>) -> Control {
    let mut store = app.store();
    let Value::Object(patch) = patch else {
        return Err(bad("expected a JSON object"));
    };
    let mut merged = serde_json::to_value(&store.realm).map_err(|e| bad(e.to_string()))?;
    if let Value::Object(map) = &mut merged {
        map.extend(patch);
    }
    let realm = serde_json::from_value::<Realm>(merged).map_err(|e| bad(e.to_string()))?;
    realm.check().map_err(invalid)?;
    store.realm = realm;
    Ok(Json(json!(store.realm)))
}

async fn create_user(State(app): State<Shared>, Json(seed): Json<UserSeed>) -> Control {
    let mut store = app.store();
    let id = store.create_user(&seed).map_err(|msgs| {
        let texts: Vec<String> = msgs.iter().map(|m| m.text("en")).collect();
        invalid(texts.join("; "))
    })?;
    let user = store
        .users
        .iter()
        .find(|u| u.id == id)
        .map(public)
        .unwrap_or_default();
    Ok(Json(user))
}

#[derive(Deserialize)]
struct EmailBody {
    email: String,
}

async fn create_session(State(app): State<Shared>, Json(body): Json<EmailBody>) -> Control {
    let mut store = app.store();
    let i = user_index(&store, &body.email)?;
    let user_id = store.users[i].id.clone();
    Ok(Json(
        json!({ "session": store.create_session(&user_id, false) }),
    ))
}

#[derive(Deserialize)]
struct TokenBody {
    email: String,
    kind: String,
}

async fn create_token(State(app): State<Shared>, Json(body): Json<TokenBody>) -> Control {
    let mut store = app.store();
    let kind = TokenKind::parse(&body.kind)
        .filter(|k| *k != TokenKind::InvitationRequest)
        .ok_or_else(|| bad("kind must be password_reset or email_verification"))?;
    let i = user_index(&store, &body.email)?;
    let user = store.users[i].clone();
    let locale = user
        .locale
        .clone()
        .unwrap_or_else(|| store.realm.default_locale.clone());
    let token = store.issue_token(kind, Some(user.id), &user.email, &locale);
    // minted directly, not emailed: keep the outbox for what the API sent
    store.outbox.retain(|e| e.token != token);
    Ok(Json(json!({ "token": token })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FaultBody {
    method: Option<String>,
    path: String,
    status: Option<u16>,
    body: Option<Value>,
    content_type: Option<String>,
    #[serde(default)]
    headers: serde_json::Map<String, Value>,
    delay_ms: Option<u64>,
    times: Option<u32>,
}

async fn add_fault(State(app): State<Shared>, Json(f): Json<FaultBody>) -> Control {
    if let Some(status) = f.status {
        if !(100..=599).contains(&status) {
            return Err(bad("status must be 100..=599"));
        }
    }
    let path = match f.path.trim() {
        "*" => "*".to_owned(),
        p if p.starts_with('/') => p.to_owned(),
        p => format!("/v2/{p}"),
    };
    let fault = Fault {
        method: f.method,
        path,
        status: f.status,
        body: f.body.map(|b| match b {
            Value::String(s) => s,
            other => other.to_string(),
        }),
        content_type: f.content_type,
        headers: f
            .headers
            .into_iter()
            .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
            .collect(),
        delay_ms: f.delay_ms,
        times: f.times.unwrap_or(1).max(1),
    };
    let mut store = app.store();
    store.faults.push(fault);
    Ok(Json(json!({ "queued": store.faults.len() })))
}

async fn list_faults(State(app): State<Shared>) -> Json<Value> {
    Json(json!(app.store().faults))
}

async fn clear_faults(State(app): State<Shared>) -> Json<Value> {
    app.store().faults.clear();
    Json(json!({ "ok": true }))
}

async fn totp(State(app): State<Shared>, Query(q): Query<EmailBody>) -> Control {
    let store = app.store();
    let i = user_index(&store, &q.email)?;
    let secret = store.users[i]
        .totp_secret
        .clone()
        .ok_or_else(|| bad("that user has no TOTP secret"))?;
    let code =
        crypto::totp_code(&secret, store.now()).ok_or_else(|| bad("unusable TOTP secret"))?;
    Ok(Json(json!({ "code": code })))
}

#[derive(Deserialize)]
struct ClockBody {
    advance_secs: u64,
}

async fn advance_clock(State(app): State<Shared>, Json(body): Json<ClockBody>) -> Control {
    let now = app
        .store()
        .advance_clock(body.advance_secs)
        .map_err(invalid)?;
    Ok(Json(json!({ "now": now })))
}

async fn list_keys(State(app): State<Shared>) -> Json<Value> {
    let keys = app.keys();
    let (kids, signing) = keys.kids();
    Json(json!({ "keys": kids, "signing": signing }))
}

async fn rotate_key(State(app): State<Shared>) -> Control {
    let kid = app
        .keys()
        .rotate()
        .map_err(|e| ControlError(StatusCode::INTERNAL_SERVER_ERROR, e))?;
    Ok(Json(json!({ "kid": kid })))
}

async fn remove_key(
    State(app): State<Shared>,
    axum::extract::Path(kid): axum::extract::Path<String>,
) -> Control {
    let mut keys = app.keys();
    if !keys.kids().0.contains(&kid.as_str()) {
        return Err(ControlError(
            StatusCode::NOT_FOUND,
            format!("no key {kid:?}"),
        ));
    }
    keys.remove(&kid)
        .map_err(|e| ControlError(StatusCode::CONFLICT, e))?;
    Ok(Json(json!({ "ok": true })))
}

async fn reset(State(app): State<Shared>) -> Response {
    match Store::from_seed(&app.seed) {
        Ok(fresh) => {
            // `--allow-origin` was written into the seed, so it outlives a reset
            *app.store() = fresh;
            Json(json!({ "ok": true })).into_response()
        }
        Err(e) => control_error(StatusCode::INTERNAL_SERVER_ERROR, e),
    }
}

/// The user as the control API shows it (no password hash, no TOTP secret).
fn public(user: &User) -> Value {
    json!({
        "id": user.id, "email": user.email, "username": user.username,
        "first_name": user.first_name, "last_name": user.last_name, "locale": user.locale,
        "email_verified": user.email_verified, "two_factor": user.totp_secret.is_some(),
        "orgs": user.orgs, "social": user.social,
    })
}
