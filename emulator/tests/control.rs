//! CORS, fault injection, the control API, and the binary itself.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use loginrocket::*;
use serde_json::{json, Value};

async fn preflight(emu: &Emu, origin: &str) -> reqwest::Response {
    emu.http
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/v2/login", emu.running.url),
        )
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type,lr-agent,accept-language",
        )
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn cors_preflights_and_exposed_headers() {
    let emu = start().await;
    let r = preflight(&emu, "http://127.0.0.1:8080").await;
    assert!(r.status().is_success());
    let h = r.headers();
    assert_eq!(h["access-control-allow-origin"], "http://127.0.0.1:8080");
    let methods = h["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .to_ascii_uppercase();
    for m in ["GET", "POST", "PUT", "DELETE"] {
        assert!(methods.contains(m), "{methods}");
    }
    let allowed = h["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for name in ["content-type", "accept", "accept-language", "lr-agent"] {
        assert!(allowed.contains(name), "{allowed}");
    }

    emu.realm(json!({"rate_limit_max": 0})).await;
    let r = emu
        .http
        .post(format!("{}/v2/login", emu.running.url))
        .header("origin", "http://127.0.0.1:8080")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    let exposed = r.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for name in [
        "retry-after",
        "ratelimit-limit",
        "ratelimit-remaining",
        "ratelimit-reset",
    ] {
        assert!(exposed.contains(name), "{exposed}");
    }

    // a realm that lists its origins refuses the others
    emu.realm(json!({"allowed_origins": ["http://app.test"]}))
        .await;
    let r = preflight(&emu, "http://evil.test").await;
    assert!(r.headers().get("access-control-allow-origin").is_none());
    let r = preflight(&emu, "http://app.test").await;
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "http://app.test"
    );
}

#[tokio::test]
async fn faults_replace_matching_responses_a_set_number_of_times() {
    let emu = start().await;
    emu.control("POST", "faults", Some(json!({"path": "login", "status": 500, "body": "<h1>boom</h1>", "content_type": "text/html", "times": 2}))).await;
    assert_eq!(
        emu.control("GET", "faults", None)
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
    for _ in 0..2 {
        let r = emu
            .client
            .login(&LoginParams::new("ann@example.com", PASSWORD))
            .await
            .unwrap();
        assert_eq!(r.as_error().unwrap().failure(), Some(&Failure::Status(500)));
    }
    let r = emu
        .client
        .login(&LoginParams::new("ann@example.com", PASSWORD))
        .await
        .unwrap();
    assert!(matches!(r, Response::FullLogin(_)), "used up");
    assert!(emu
        .control("GET", "faults", None)
        .await
        .as_array()
        .unwrap()
        .is_empty());

    // garbage with a 200
    emu.control(
        "POST",
        "faults",
        Some(json!({"path": "/v2/password/forgot", "status": 200, "body": "{\"result\":"})),
    )
    .await;
    let r = emu
        .client
        .forgot_password(&ForgotPasswordParams::new("a@b.test"))
        .await
        .unwrap();
    assert_eq!(
        r.as_error().unwrap().failure(),
        Some(&Failure::UnexpectedBody { status: 200 })
    );

    // a JSON body, headers, and a method filter
    emu.control("POST", "faults", Some(json!({"method": "GET", "path": "session", "status": 429, "body": {"result": "error"}, "headers": {"Retry-After": "9"}}))).await;
    let session = match emu
        .client
        .login(&LoginParams::new("ann@example.com", PASSWORD))
        .await
        .unwrap()
    {
        Response::FullLogin(f) => f.session,
        other => panic!("{other:?}"),
    };
    let r = emu
        .client
        .logout(&LogoutParams::new(session.clone()))
        .await
        .unwrap();
    assert!(
        matches!(r, Response::Okay(_)),
        "DELETE does not match a GET fault"
    );
    let r = emu
        .client
        .get_session(&GetSessionParams::new(session))
        .await
        .unwrap();
    let e = r.as_error().unwrap();
    assert_eq!(e.source, Some(Source::RateLimited));
    assert_eq!(
        e.retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(9)))
    );

    // any path
    emu.control("POST", "faults", Some(json!({"path": "*", "status": 503})))
        .await;
    let r = emu
        .client
        .verify_email(&VerifyEmailParams::new("tve:x"))
        .await
        .unwrap();
    assert_eq!(r.as_error().unwrap().failure(), Some(&Failure::Status(503)));

    // cleared
    emu.control("POST", "faults", Some(json!({"path": "*", "status": 503})))
        .await;
    emu.control("DELETE", "faults", None).await;
    assert!(matches!(
        emu.client
            .forgot_password(&ForgotPasswordParams::new("a@b.test"))
            .await
            .unwrap(),
        Response::Okay(_)
    ));

    let (status, _) = emu
        .control_raw(
            "POST",
            "faults",
            Some(json!({"path": "login", "status": 42})),
        )
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_delay_longer_than_the_client_timeout_is_a_hang() {
    let emu = start().await;
    emu.control(
        "POST",
        "faults",
        Some(json!({"path": "login", "delay_ms": 3000})),
    )
    .await;
    let client =
        LoginRocket::new(Config::new(emu.running.url.clone()).timeout(Duration::from_millis(300)))
            .unwrap();
    let start = Instant::now();
    let r = client
        .login(&LoginParams::new("ann@example.com", PASSWORD))
        .await
        .unwrap();
    assert_eq!(r.as_error().unwrap().failure(), Some(&Failure::Timeout));
    assert!(start.elapsed() < Duration::from_millis(800));

    // a delay alone serves the real answer afterwards
    emu.control(
        "POST",
        "faults",
        Some(json!({"path": "login", "delay_ms": 200})),
    )
    .await;
    let start = Instant::now();
    let r = emu
        .client
        .login(&LoginParams::new("ann@example.com", PASSWORD))
        .await
        .unwrap();
    assert!(matches!(r, Response::FullLogin(_)));
    assert!(start.elapsed() >= Duration::from_millis(200));
}

#[tokio::test]
async fn control_api_users_sessions_tokens_and_reset() {
    let emu = start().await;
    assert_eq!(
        emu.control("GET", "health", None).await,
        json!({"ok": true})
    );
    let user = emu
        .control("POST", "users", Some(json!({"email": "zed@example.com", "password": PASSWORD, "orgs": ["Z"], "email_verified": false})))
        .await;
    assert!(user["id"].as_str().unwrap().starts_with("usr_"));
    assert_eq!(user["email_verified"], false);
    assert!(user.get("password").is_none() && user.get("password_hash").is_none());
    let (status, body) = emu
        .control_raw(
            "POST",
            "users",
            Some(json!({"email": "zed@example.com", "password": "x"})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let (status, _) = emu
        .control_raw(
            "POST",
            "users",
            Some(json!({"email": "q@example.com", "pasword": "typo"})),
        )
        .await;
    assert!(status >= 400);

    let session = emu
        .control(
            "POST",
            "sessions",
            Some(json!({"email": "zed@example.com"})),
        )
        .await["session"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = emu
        .client
        .get_session(&GetSessionParams::new(session))
        .await
        .unwrap();
    assert!(matches!(r, Response::FullLogin(_)));

    let token = emu
        .control(
            "POST",
            "tokens",
            Some(json!({"email": "zed@example.com", "kind": "email_verification"})),
        )
        .await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(token.starts_with("tve:"));
    assert!(
        emu.outbox().await.is_empty(),
        "minted tokens are not emails"
    );
    assert!(matches!(
        emu.client
            .verify_email(&VerifyEmailParams::new(token))
            .await
            .unwrap(),
        Response::Okay(_)
    ));
    let (status, _) = emu
        .control_raw(
            "POST",
            "tokens",
            Some(json!({"email": "zed@example.com", "kind": "bogus"})),
        )
        .await;
    assert_eq!(status, 400);
    let (status, _) = emu
        .control_raw(
            "POST",
            "sessions",
            Some(json!({"email": "nobody@example.com"})),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = emu
        .control_raw("PUT", "realm", Some(json!({"org_mode": "sideways"})))
        .await;
    assert_eq!(status, 400);
    let (status, _) = emu
        .control_raw("PUT", "realm", Some(json!({"no_such_setting": 1})))
        .await;
    assert_eq!(status, 400);

    emu.realm(json!({"signup": "closed"})).await;
    emu.client
        .forgot_password(&ForgotPasswordParams::new("ann@example.com"))
        .await
        .unwrap();
    emu.control("POST", "faults", Some(json!({"path": "*", "status": 500})))
        .await;
    emu.control("POST", "reset", None).await;
    assert!(emu.outbox().await.is_empty());
    assert!(emu
        .control("GET", "faults", None)
        .await
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(emu.control("GET", "realm", None).await["signup"], "open");
    let r = emu
        .client
        .login(&LoginParams::new("zed@example.com", PASSWORD))
        .await
        .unwrap();
    assert_eq!(
        messages(&r),
        vec!["Login failed"],
        "users created after the seed are gone"
    );
}

/// Runs the real binary; returns its base URL and the child.
fn run_binary(args: &[&str]) -> (String, std::process::Child) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_loginrocket-emulator"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("first line: {line:?}"))
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    (url, child)
}

#[tokio::test]
async fn the_binary_starts_with_no_configuration_and_logs_no_secrets() {
    let (url, mut child) = run_binary(&["--port", "0"]);
    let client = LoginRocket::new(Config::new(url.clone())).unwrap();
    let f = match client
        .login(&LoginParams::new("ann@example.com", PASSWORD))
        .await
        .unwrap()
    {
        Response::FullLogin(f) => f,
        other => panic!("{other:?}"),
    };
    client
        .get_session(&GetSessionParams::new(f.session.clone()))
        .await
        .unwrap();
    client
        .logout(&LogoutParams::new(f.session.clone()))
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let code: Value = http
        .get(format!("{url}/_emulator/totp?email=tom@example.com"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let code = code["code"].as_str().unwrap().to_owned();
    child.kill().unwrap();
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    child.wait().unwrap();
    assert!(log.contains("POST /v2/login 200"), "{log}");
    assert!(log.contains("GET /v2/session 200"), "{log}");
    assert!(log.contains("DELETE /v2/session 200"), "{log}");
    for secret in [
        PASSWORD,
        f.session.expose(),
        f.token.expose(),
        &code,
        "kss_",
        "eyJ",
    ] {
        assert!(!log.contains(secret), "the log holds a secret: {log}");
    }
}

#[tokio::test]
async fn the_binary_loads_a_seed_and_takes_allowed_origins() {
    let dir = std::env::temp_dir().join(format!("lr-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed = dir.join("seed.toml");
    std::fs::write(
        &seed,
        r#"
[realm]
signup = "closed"
password_min_length = 12
[[users]]
email = "only@example.com"
password = "only-password-1"
orgs = ["Only"]
"#,
    )
    .unwrap();
    let (url, mut child) = run_binary(&[
        "--port",
        "0",
        "--seed",
        seed.to_str().unwrap(),
        "--allow-origin",
        "http://a.test",
        "--allow-origin",
        "http://b.test",
        "--control-origin",
        "http://c.test",
    ]);
    let client = LoginRocket::new(Config::new(url.clone())).unwrap();
    let r = client
        .login(&LoginParams::new("only@example.com", "only-password-1"))
        .await
        .unwrap();
    assert!(matches!(r, Response::FullLogin(_)), "{r:?}");
    let r = client
        .login(&LoginParams::new("ann@example.com", PASSWORD))
        .await
        .unwrap();
    assert!(r.is_error(), "the demo users are not there");
    let realm: Value = reqwest::get(format!("{url}/_emulator/realm"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        realm["allowed_origins"],
        json!(["http://a.test", "http://b.test"])
    );
    assert_eq!(realm["password_min_length"], 12);
    // the control API answers the origin named for it, and not the API's
    for (origin, answered) in [("http://c.test", true), ("http://a.test", false)] {
        let r = reqwest::Client::new()
            .get(format!("{url}/_emulator/health"))
            .header("origin", origin)
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.headers().get("access-control-allow-origin").is_some(),
            answered,
            "{origin}"
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_binary_refuses_bad_arguments() {
    for args in [
        &["--port", "x"][..],
        &["--bogus"],
        &["--seed", "/no/such/file.toml"],
        &["--port"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_loginrocket-emulator"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn the_demo_seed_parses_and_has_the_documented_users() {
    let seed =
        loginrocket_emulator::seed::Seed::from_toml(loginrocket_emulator::seed::DEMO_SEED).unwrap();
    let emails: Vec<&str> = seed.users.iter().map(|u| u.email.as_str()).collect();
    assert_eq!(
        emails,
        vec![
            "ann@example.com",
            "tom@example.com",
            "mia@example.com",
            "una@example.com"
        ]
    );
    assert!(seed.users[1].totp_secret.is_some());
    assert_eq!(seed.users[2].orgs.len(), 2);
    assert_eq!(seed.users[3].email_verified, Some(false));
}

/// Ann's sign-in: the token.
async fn ann_token(emu: &Emu) -> String {
    let r = emu
        .client
        .login(&LoginParams::new("ann@example.com", PASSWORD))
        .await
        .unwrap();
    match r {
        Response::FullLogin(f) => f.token.expose().to_owned(),
        other => panic!("{other:?}"),
    }
}

async fn served_kids(emu: &Emu) -> Vec<String> {
    emu.jwks().await["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn keys_rotate_through_the_control_api_and_old_ones_are_served_until_removed() {
    let emu = start().await;
    let kid = |token: &str| jsonwebtoken::decode_header(token).unwrap().kid.unwrap();
    let first = kid(&ann_token(&emu).await);
    let rotated = emu.control("POST", "keys", None).await["kid"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(rotated, first);
    // the new key signs from now on; the old one is still served
    assert_eq!(kid(&ann_token(&emu).await), rotated);
    assert_eq!(
        served_kids(&emu).await,
        vec![first.clone(), rotated.clone()]
    );
    assert_eq!(emu.control("GET", "keys", None).await["signing"], rotated);
    // the key that signs can't be removed; the old one can, and is no longer served
    let (status, _) = emu
        .control_raw("DELETE", &format!("keys/{rotated}"), None)
        .await;
    assert_eq!(status, 409);
    let (status, _) = emu.control_raw("DELETE", "keys/k_nothing", None).await;
    assert_eq!(status, 404);
    emu.control("DELETE", &format!("keys/{first}"), None).await;
    assert_eq!(served_kids(&emu).await, vec![rotated]);
}

#[tokio::test]
async fn a_realm_can_sign_with_an_hs256_secret_which_is_never_served() {
    let emu = start().await;
    const SECRET: &str = "jsk_0123456789abcdefghijklmnopqrstuvwxyz";
    // a secret too short is refused
    let (status, _) = emu
        .control_raw(
            "PUT",
            "realm",
            Some(json!({"jwt_algorithm": "HS256", "jwt_secret": "jsk_short"})),
        )
        .await;
    assert_eq!(status, 422);
    emu.realm(json!({"jwt_algorithm": "HS256", "jwt_secret": SECRET}))
        .await;
    let token = ann_token(&emu).await;
    let header = jsonwebtoken::decode_header(&token).unwrap();
    assert_eq!(header.alg, jsonwebtoken::Algorithm::HS256);
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    validation.validate_aud = false;
    let claims = jsonwebtoken::decode::<Value>(
        &token,
        &jsonwebtoken::DecodingKey::from_secret(SECRET.as_bytes()),
        &validation,
    )
    .expect("signed with the realm's secret")
    .claims;
    assert_eq!(claims["iss"], "https://authrocket.com");
    let jwks = emu.jwks().await.to_string();
    assert!(!jwks.contains("jsk_"), "the secret is never published");
    assert!(!jwks.contains("oct"));
}
