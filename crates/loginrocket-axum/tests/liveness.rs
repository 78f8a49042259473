//! A session that ended at LoginRocket ends here too (`checking_liveness`), against the
//! emulator: what LoginRocket said is remembered for the configured time, an ended session
//! clears the cookie, and an outage there signs nobody out.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::Router;
use common::{emulator_control, emulator_sign_in};
use loginrocket::LogoutParams;
use loginrocket_axum::{
    HttpKeys, LoginRocketAuth, LoginRocketSession, SessionConfig, Verifier, VerifierConfig,
};
use serde_json::json;
use tower::ServiceExt;

/// An app whose `/account` needs a session, checked at `emu` every `every`; `/maybe` takes an
/// optional one.
fn app(emu: &loginrocket_emulator::Running, every: Duration) -> Router {
    let verifier = Verifier::new(
        HttpKeys::for_loginrocket(&emu.lr_url()),
        VerifierConfig::default(),
    );
    let auth = LoginRocketAuth::new(verifier, SessionConfig::default())
        .checking_liveness(&emu.lr_url(), every)
        .unwrap();
    Router::new()
        .route(
            "/account",
            get(
                |s: LoginRocketSession| async move { s.claims().email().unwrap_or("?").to_owned() },
            ),
        )
        .route(
            "/maybe",
            get(|s: Option<LoginRocketSession>| async move {
                if s.is_some() {
                    "in"
                } else {
                    "out"
                }
            }),
        )
        .with_state(auth)
}

async fn get_with(app: &Router, path: &str, token: &str) -> axum::response::Response {
    let request = Request::builder()
        .uri(path)
        .header("cookie", format!("__Host-lr_session={token}"))
        .body(Body::empty())
        .unwrap();
    app.clone().oneshot(request).await.unwrap()
}

#[tokio::test]
async fn a_session_signed_out_at_loginrocket_is_no_session_once_what_was_said_has_aged() {
    let emu = loginrocket_emulator::spawn(loginrocket_emulator::seed::Seed::demo())
        .await
        .unwrap();
    let (client, login) = emulator_sign_in(&emu).await;
    let token = login.token.expose().to_owned();
    // checked on every request (nothing remembered for long)
    let fresh = app(&emu, Duration::ZERO);
    // what LoginRocket said is remembered for an hour
    let cached = app(&emu, Duration::from_secs(3600));
    assert_eq!(
        get_with(&fresh, "/account", &token).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        get_with(&cached, "/account", &token).await.status(),
        StatusCode::OK
    );

    // signed out elsewhere (another device, the hosted pages)
    client
        .logout(&LogoutParams::new(login.session.clone()))
        .await
        .unwrap();

    let r = get_with(&fresh, "/account", &token).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let cleared = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cleared.starts_with("__Host-lr_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    let maybe = get_with(&fresh, "/maybe", &token).await;
    assert_eq!(
        axum::body::to_bytes(maybe.into_body(), 1024).await.unwrap(),
        "out"
    );
    // the remembered answer holds until it has aged
    assert_eq!(
        get_with(&cached, "/account", &token).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn what_loginrocket_said_is_remembered_and_an_outage_there_signs_nobody_out() {
    let emu = loginrocket_emulator::spawn(loginrocket_emulator::seed::Seed::demo())
        .await
        .unwrap();
    let (_, login) = emulator_sign_in(&emu).await;
    let token = login.token.expose().to_owned();
    let cached = app(&emu, Duration::from_secs(3600));
    assert_eq!(
        get_with(&cached, "/account", &token).await.status(),
        StatusCode::OK
    );
    // the next GET session would say "gone": a remembered answer does not ask
    emulator_control(&emu, reqwest::Method::POST, "faults", json!({"method": "GET", "path": "session", "status": 403, "body": {"result": "error", "error": "gone"}})).await;
    assert_eq!(
        get_with(&cached, "/account", &token).await.status(),
        StatusCode::OK
    );
    let queued = emulator_control(&emu, reqwest::Method::GET, "faults", json!(null)).await;
    assert_eq!(
        queued.as_array().map(Vec::len),
        Some(1),
        "LoginRocket was not asked: {queued}"
    );
    emulator_control(&emu, reqwest::Method::DELETE, "faults", json!(null)).await;

    // LoginRocket down: the session is kept (and nothing is remembered)
    let fresh = app(&emu, Duration::ZERO);
    emulator_control(
        &emu,
        reqwest::Method::POST,
        "faults",
        json!({"method": "GET", "path": "session", "status": 503, "body": "down", "times": 2}),
    )
    .await;
    assert_eq!(
        get_with(&fresh, "/account", &token).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        get_with(&fresh, "/account", &token).await.status(),
        StatusCode::OK
    );
    // and asked again once it is back
    assert_eq!(
        get_with(&fresh, "/account", &token).await.status(),
        StatusCode::OK
    );
}
