//! The emulator is safe to leave running on a developer's machine: its control API answers
//! no web page but the ones named for it, never takes a simple request, answers loopback host
//! names only, and no value makes it drop a connection.

mod common;

use common::*;
use loginrocket::*;
use loginrocket_emulator::seed::Seed;
use serde_json::{json, Value};

const APP: &str = "http://127.0.0.1:8080";

fn port_of(url: &str) -> &str {
    url.rsplit(':').next().unwrap()
}

async fn with_origin(
    emu: &Emu,
    method: reqwest::Method,
    path: &str,
    origin: &str,
) -> reqwest::Response {
    emu.http
        .request(method, format!("{}{path}", emu.running.url))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .send()
        .await
        .unwrap()
}

fn allowed(r: &reqwest::Response) -> Option<String> {
    r.headers()
        .get("access-control-allow-origin")
        .map(|v| v.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn the_control_api_answers_no_origin_but_the_ones_named_for_it() {
    // the demo seed allows every origin for the API
    let emu = start().await;
    for path in [
        "/_emulator/totp?email=tom@example.com",
        "/_emulator/outbox",
        "/_emulator/reset",
    ] {
        for method in [reqwest::Method::OPTIONS, reqwest::Method::GET] {
            let r = with_origin(&emu, method.clone(), path, "http://evil.test").await;
            assert_eq!(
                allowed(&r),
                None,
                "{method} {path} answered CORS for a stranger"
            );
        }
    }
    let r = with_origin(
        &emu,
        reqwest::Method::OPTIONS,
        "/v2/login",
        "http://evil.test",
    )
    .await;
    assert_eq!(
        allowed(&r).as_deref(),
        Some("http://evil.test"),
        "the API keeps `*`"
    );

    // one origin named for the control API (here through the seed; the binary: --control-origin)
    let mut seed = Seed::demo();
    seed.control_origins = vec![APP.into()];
    let emu = start_with(seed).await;
    let r = with_origin(&emu, reqwest::Method::OPTIONS, "/_emulator/faults", APP).await;
    assert_eq!(allowed(&r).as_deref(), Some(APP));
    let r = with_origin(
        &emu,
        reqwest::Method::OPTIONS,
        "/_emulator/faults",
        "http://evil.test",
    )
    .await;
    assert_eq!(allowed(&r), None);

    // `*` can never be named for it
    let mut seed = Seed::demo();
    seed.control_origins = vec!["*".into()];
    let err = loginrocket_emulator::spawn(seed)
        .await
        .err()
        .expect("refused");
    assert!(err.contains("control"), "{err}");
}

#[tokio::test]
async fn control_posts_are_never_simple_requests() {
    let emu = start().await;
    let url = format!("{}/_emulator/reset", emu.running.url);
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
    ] {
        let mut req = emu.http.post(&url).body("{}");
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        let r = req.send().await.unwrap();
        assert_eq!(r.status().as_u16(), 415, "{content_type:?}");
        let body: Value = r.json().await.unwrap();
        assert!(
            body["error"].as_str().unwrap().contains("application/json"),
            "{body}"
        );
    }
    let r = emu
        .http
        .post(&url)
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let r = emu
        .http
        .post(&url)
        .header("x-emulator-control", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
}

#[tokio::test]
async fn only_loopback_host_names_are_answered() {
    let emu = start().await;
    let port = port_of(&emu.running.url).to_owned();
    let other_port = port.parse::<u16>().unwrap().wrapping_add(1);
    let hosts = [
        (format!("127.0.0.1:{port}"), true),
        (format!("localhost:{port}"), true),
        (format!("[::1]:{port}"), true),
        (format!("evil.test:{port}"), false),
        (format!("127.0.0.1.evil.test:{port}"), false),
        ("evil.test".to_owned(), false),
        (format!("127.0.0.1:{other_port}"), false),
        (format!("localhost.:{port}"), false),
    ];
    for path in ["/_emulator/health", "/v2/session?session=kss_x"] {
        for (host, answered) in &hosts {
            let r = emu
                .http
                .get(format!("{}{path}", emu.running.url))
                .header("host", host)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status().as_u16() != 421, *answered, "{host} {path}");
        }
    }
}

#[tokio::test]
async fn no_clock_or_realm_value_drops_the_connection() {
    let emu = start().await;
    let login = || async {
        emu.client
            .login(&LoginParams::new("ann@example.com", PASSWORD))
            .await
            .unwrap()
    };
    let (status, body) = emu
        .control_raw("POST", "clock", Some(json!({"advance_secs": u64::MAX})))
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        matches!(login().await, Response::FullLogin(_)),
        "still serving"
    );
    for key in [
        "jwt_ttl_secs",
        "session_ttl_secs",
        "token_ttl_secs",
        "rate_limit_window_secs",
        "lockout_secs",
    ] {
        let (status, body) = emu
            .control_raw("PUT", "realm", Some(json!({ key: u64::MAX })))
            .await;
        assert_eq!(status, 422, "{key}: {body}");
        assert!(body["error"].as_str().unwrap().contains(key), "{body}");
        assert!(
            matches!(login().await, Response::FullLogin(_)),
            "{key}: still serving"
        );
    }
    // the largest advance that is allowed works, and everything still answers after it
    let (status, body) = emu
        .control_raw(
            "POST",
            "clock",
            Some(json!({"advance_secs": 100 * 365 * 24 * 3600u64})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(matches!(login().await, Response::FullLogin(_)));
    let (status, body) = emu
        .control_raw("POST", "clock", Some(json!({"advance_secs": 1u64 << 40})))
        .await;
    assert_eq!(status, 422, "{body}");
}

#[tokio::test]
async fn an_authenticator_apps_80_bit_secret_works_and_a_bad_one_says_why() {
    let emu = start().await;
    let user = emu
        .control("POST", "users", Some(json!({"email": "otp@example.com", "password": PASSWORD, "orgs": ["O"], "totp_secret": "JBSWY3DPEHPK3PXP"})))
        .await;
    assert_eq!(user["two_factor"], true);
    let r = emu
        .client
        .login(&LoginParams::new("otp@example.com", PASSWORD))
        .await
        .unwrap();
    let Response::ConditionalLogin(c) = r else {
        panic!("{r:?}")
    };
    assert!(c.has(&Condition::MustVerifyLogin));
    let code = emu.control("GET", "totp?email=otp@example.com", None).await["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = emu
        .client
        .verify_login(&VerifyLoginParams::new(c.session.expose(), code.as_str()))
        .await
        .unwrap();
    assert!(matches!(r, Response::FullLogin(_)), "{r:?}");

    for bad in ["not base32!", "JBSWY3DP", ""] {
        let (status, body) = emu
            .control_raw(
                "POST",
                "users",
                Some(json!({"email": "bad@example.com", "password": PASSWORD, "totp_secret": bad})),
            )
            .await;
        assert_eq!(status, 422, "{bad:?}: {body}");
        let msg = body["error"].as_str().unwrap();
        assert!(
            msg.contains("TOTP secret") && !msg.contains("Code is invalid"),
            "{bad:?}: {msg}"
        );
    }
}
