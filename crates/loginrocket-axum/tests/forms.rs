//! The kit's forms posted without the wasm (`with_form_posts`), against the emulator: a
//! sign-in sets the session cookie, a step waits in a signed cookie, an error comes back to its
//! form in a signed flash with no secret in it, and nothing is taken from another site, a
//! script, or a cookie the server did not sign.

mod common;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use common::emulator_control;
use loginrocket::server_forms::{Exchange, HeldStep};
use loginrocket::Response;
use loginrocket_axum::{HttpKeys, LoginRocketAuth, SessionConfig, Verifier, VerifierConfig};
use tower::ServiceExt;

const KEY: [u8; 32] = [9; 32];

fn auth(emu: &loginrocket_emulator::Running, key: &[u8]) -> LoginRocketAuth {
    let verifier = Verifier::new(
        HttpKeys::for_loginrocket(&emu.lr_url()),
        VerifierConfig::default(),
    );
    LoginRocketAuth::new(
        verifier,
        SessionConfig {
            plain_http: true,
            ..SessionConfig::default()
        },
    )
    .with_form_posts(&emu.lr_url(), key)
    .unwrap()
}

fn app(auth: &LoginRocketAuth) -> Router {
    auth.routes().with_state(auth.clone())
}

/// A form of the app, submitted by the browser with no script: a top-level same-origin
/// navigation.
fn posted(form: &str, body: &str, cookies: &str) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri(format!("/session/form/{form}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .header("sec-fetch-mode", "navigate")
        .header("sec-fetch-dest", "document")
        .header("cookie", cookies)
        .body(Body::from(body.to_owned()))
        .unwrap()
}

/// `form` posted with `body` and `cookies` to the app of `auth`: its answer.
async fn send(
    auth: &LoginRocketAuth,
    form: &str,
    body: &str,
    cookies: &str,
) -> axum::response::Response {
    app(auth)
        .oneshot(posted(form, body, cookies))
        .await
        .unwrap()
}

/// The response's `Set-Cookie`s as `name=value` (attributes dropped).
fn set_cookies(response: &axum::response::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .collect()
}

fn location(response: &axum::response::Response) -> &str {
    response.headers()["location"].to_str().unwrap()
}

/// What the page rendered next would be told, given the cookies `set`.
fn next_page(auth: &LoginRocketAuth, set: &[String]) -> loginrocket::server_forms::ServerForms {
    let mut headers = HeaderMap::new();
    headers.insert("cookie", set.join("; ").parse().unwrap());
    auth.server_forms(&headers).0
}

async fn emulator() -> loginrocket_emulator::Running {
    loginrocket_emulator::spawn(loginrocket_emulator::seed::Seed::demo())
        .await
        .unwrap()
}

const ANN: &str =
    "lr_back=%2Fauth%2Fsign-in%3Fredirect%3D%252Faccount&lr_redirect=%2Faccount&lr_locale=es&email=ann%40example.com";

#[tokio::test]
async fn a_sign_in_sets_the_session_cookie_and_goes_to_the_destination() {
    let emu = emulator().await;
    let auth = auth(&emu, &KEY);
    let answer = send(&auth, "login", &format!("{ANN}&password=demo-password"), "").await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&answer), "/account");
    let cookies = set_cookies(&answer);
    assert!(
        cookies.iter().any(|c| c.starts_with("lr_session=ey")),
        "{cookies:?}"
    );
    let all = answer.headers().get_all("set-cookie");
    assert!(all.iter().all(|c| c.to_str().unwrap().contains("HttpOnly")));
}

#[tokio::test]
async fn a_wrong_password_comes_back_to_the_form_in_the_visitors_language_with_no_secret() {
    let emu = emulator().await;
    let auth = auth(&emu, &KEY);
    let answer = send(&auth, "login", &format!("{ANN}&password=Not-It-42"), "").await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&answer), "/auth/sign-in?redirect=%2Faccount");
    let cookies = set_cookies(&answer);
    assert!(!cookies.iter().any(|c| c.contains("Not-It-42")));
    let told = next_page(&auth, &cookies);
    let posted = told.answer.expect("the answer, for the form");
    assert_eq!(posted.form, "login");
    assert_eq!(
        posted.values,
        vec![("email".to_owned(), "ann@example.com".to_owned())]
    );
    let Response::Error(e) = posted.exchange.response() else {
        panic!("an error")
    };
    assert_eq!(e.error, "Error al iniciar sesión");
    assert_eq!(e.content_language(), Some("es"));
    // shown once: the page's response clears it
    let (_, clear) = auth.server_forms(&{
        let mut h = HeaderMap::new();
        h.insert("cookie", cookies.join("; ").parse().unwrap());
        h
    });
    assert!(clear
        .iter()
        .any(|c| c.starts_with("lr_flash=;") && c.contains("Max-Age=0")));
}

#[tokio::test]
async fn a_two_factor_step_waits_in_a_signed_cookie_and_the_code_finishes_it() {
    let emu = emulator().await;
    let auth = auth(&emu, &KEY);
    let body = "lr_back=%2Fauth%2Fsign-in&lr_redirect=%2Faccount&email=tom%40example.com&password=demo-password";
    let answer = send(&auth, "login", body, "").await;
    assert_eq!(location(&answer), "/auth/two-factor?redirect=%2Faccount");
    let cookies = set_cookies(&answer);
    let pending = cookies
        .iter()
        .find(|c| c.starts_with("lr_pending="))
        .unwrap();
    assert_eq!(next_page(&auth, &cookies).steps, vec![HeldStep::TwoFactor]);

    let code = emulator_control(
        &emu,
        reqwest::Method::GET,
        "totp?email=tom%40example.com",
        serde_json::Value::Null,
    )
    .await["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = format!("lr_back=%2Fauth%2Ftwo-factor&code={code}");
    let answer = app(&auth)
        .oneshot(posted("two-factor", &body, pending))
        .await
        .unwrap();
    assert_eq!(location(&answer), "/account", "the sign-in's destination");
    let cookies = set_cookies(&answer);
    assert!(cookies.iter().any(|c| c.starts_with("lr_session=ey")));
    assert!(
        cookies.iter().any(|c| c == "lr_pending="),
        "the step is spent"
    );
}

#[tokio::test]
async fn a_cookie_the_server_did_not_sign_holds_no_step_and_no_answer() {
    let emu = emulator().await;
    let ours = auth(&emu, &KEY);
    let body = "lr_back=%2Fauth%2Fsign-in&email=tom%40example.com&password=demo-password";
    let answer = send(&ours, "login", body, "").await;
    let cookies = set_cookies(&answer);
    // another key (another app, or a forger) reads nothing of it
    let theirs = auth(&emu, &[1; 32]);
    assert_eq!(next_page(&theirs, &cookies), Default::default());
    // nor does a value tampered with
    let tampered: Vec<String> = cookies.iter().map(|c| format!("{c}x")).collect();
    assert_eq!(next_page(&ours, &tampered), Default::default());
    // and a two-factor post with it is sent back to its page, with nothing called
    let forged = "lr_pending=eyJhbGciOiJIUzI1NiJ9.eyJ1c2UiOiJwZW5kaW5nIn0.AAAA";
    let answer = app(&ours)
        .oneshot(posted(
            "two-factor",
            "lr_back=%2Fauth%2Ftwo-factor&code=123456",
            forged,
        ))
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&answer), "/auth/two-factor");
    assert!(set_cookies(&answer)
        .iter()
        .all(|c| !c.starts_with("lr_session")));
}

#[tokio::test]
async fn another_site_a_script_or_a_frame_can_not_post() {
    let emu = emulator().await;
    let auth = auth(&emu, &KEY);
    let body = format!("{ANN}&password=demo-password");
    let refuse = |site: &str, mode: &str, dest: &str| {
        Request::builder()
            .method("POST")
            .uri("/session/form/login")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("sec-fetch-site", site)
            .header("sec-fetch-mode", mode)
            .header("sec-fetch-dest", dest)
            .body(Body::from(body.clone()))
            .unwrap()
    };
    for request in [
        refuse("cross-site", "navigate", "document"), // login CSRF
        refuse("same-site", "navigate", "document"),  // a sibling subdomain
        refuse("same-origin", "cors", "empty"),       // a fetch
        refuse("same-origin", "navigate", "iframe"),  // a frame
    ] {
        let answer = app(&auth).oneshot(request).await.unwrap();
        assert_eq!(answer.status(), StatusCode::FORBIDDEN);
        assert!(set_cookies(&answer).is_empty());
    }
    // without Fetch Metadata: the Origin decides
    let request = Request::builder()
        .method("POST")
        .uri("/session/form/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("host", "app.example")
        .header("origin", "https://evil.example")
        .body(Body::from(body.clone()))
        .unwrap();
    assert_eq!(
        app(&auth).oneshot(request).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_way_back_or_a_destination_off_this_origin_is_not_followed() {
    let emu = emulator().await;
    let auth = auth(&emu, &KEY);
    let body = "lr_back=https%3A%2F%2Fevil.example%2F&lr_redirect=%2F%2Fevil.example&email=ann%40example.com&password=";
    let answer = send(&auth, "login", body, "").await;
    assert_eq!(location(&answer), "/auth/sign-in");
    let body = "lr_redirect=%2F%2Fevil.example&email=ann%40example.com&password=demo-password";
    let answer = send(&auth, "login", body, "").await;
    assert_eq!(location(&answer), "/");
}

#[tokio::test]
async fn a_rate_limit_reaches_the_form_with_its_wait() {
    let emu = emulator().await;
    emulator_control(
        &emu,
        reqwest::Method::POST,
        "faults",
        serde_json::json!({"path": "login", "status": 429, "headers": {"Retry-After": "30"}, "body": {"result": "error"}}),
    )
    .await;
    let auth = auth(&emu, &KEY);
    let answer = send(&auth, "login", &format!("{ANN}&password=demo-password"), "").await;
    let told = next_page(&auth, &set_cookies(&answer));
    let exchange = told.answer.unwrap().exchange;
    assert!(matches!(exchange, Exchange::Answered { status: 429, .. }));
    let Response::Error(e) = exchange.response() else {
        panic!("an error")
    };
    assert!(e.retry_after().is_some());
}

#[test]
fn a_short_key_is_refused() {
    let verifier = Verifier::new(
        HttpKeys::for_loginrocket("https://sample.e2.loginrocket.com/"),
        VerifierConfig::default(),
    );
    let refused = LoginRocketAuth::new(verifier, SessionConfig::default())
        .with_form_posts("https://sample.e2.loginrocket.com/", &[1; 16]);
    assert!(refused.is_err());
}

#[tokio::test]
async fn an_emailed_link_leaves_the_address_before_its_page_is_rendered() {
    use axum::middleware;
    let emu = emulator().await;
    let auth = auth(&emu, &KEY);
    let page = || async { "the page" };
    let app = Router::new()
        .route("/auth/reset-password", axum::routing::get(page))
        .route("/auth/verify-email", axum::routing::get(page))
        .layer(middleware::from_fn_with_state(
            auth.clone(),
            loginrocket_axum::emailed_links,
        ));
    let get = |uri: &str| Request::builder().uri(uri).body(Body::empty()).unwrap();

    // a reset link: the token into a signed HttpOnly cookie, the page without it
    let answer = app
        .clone()
        .oneshot(get(
            "/auth/reset-password?token=tpr%3Asecret&redirect=%2Faccount",
        ))
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&answer),
        "/auth/reset-password?redirect=%2Faccount"
    );
    let cookies = set_cookies(&answer);
    assert!(cookies
        .iter()
        .all(|c| !c.contains("tpr:secret") && !c.contains("tpr%3Asecret")));
    assert_eq!(
        next_page(&auth, &cookies).steps,
        vec![HeldStep::ResetPassword]
    );

    // a verification link: verified at once (an unknown token here), the answer for the page
    let answer = app
        .clone()
        .oneshot(get("/auth/verify-email?token=tve%3Anot-known"))
        .await
        .unwrap();
    assert_eq!(location(&answer), "/auth/verify-email");
    let told = next_page(&auth, &set_cookies(&answer)).answer.unwrap();
    assert_eq!(told.form, "verify-email");
    assert!(matches!(told.exchange.response(), Response::Error(_)));

    // any other request passes
    let answer = app.oneshot(get("/auth/reset-password")).await.unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_new_sign_in_goes_to_its_own_destination_not_a_left_steps() {
    let emu = emulator().await;
    let auth = auth(&emu, &KEY);
    // a two-factor step left for /account
    let body = "lr_redirect=%2Faccount&email=tom%40example.com&password=demo-password";
    let left = set_cookies(&send(&auth, "login", body, "").await);
    let pending = left.iter().find(|c| c.starts_with("lr_pending=")).unwrap();
    // a new sign-in, for /other, with that cookie still there
    let body = "lr_redirect=%2Fother&email=mia%40example.com&password=demo-password";
    let answer = send(&auth, "login", body, pending).await;
    assert_eq!(location(&answer), "/auth/choose-account?redirect=%2Fother");
}
