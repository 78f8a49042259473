//! The gloo-net transport in headless Chromium, against `echo-server` (started by
//! `scripts/test.sh`, its address passed in at compile time as `LR_ECHO_URL`).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use loginrocket::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn echo_url() -> &'static str {
    match option_env!("LR_ECHO_URL") {
        Some(url) => url,
        None => panic!("LR_ECHO_URL must name a running echo-server (scripts/test.sh starts one)"),
    }
}

fn client(prefix: &str) -> LoginRocket {
    LoginRocket::new(
        Config::new(format!("{}/{prefix}", echo_url())).timeout(Duration::from_secs(5)),
    )
    .unwrap()
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
async fn post_sends_method_headers_and_json_body() {
    let c = client("echo");
    c.set_locale(Some("ja"));
    let mut p = ResetPasswordParams::new("tpw:abc", "new-pw");
    p.password_confirmation = Some("new-pw".into());
    let Response::Okay(okay) = c.reset_password(&p).await.unwrap() else {
        panic!("okay expected")
    };
    assert_eq!(okay.extra["method"], "POST");
    assert_eq!(okay.extra["path"], "/echo/v2/password/reset");
    assert_eq!(okay.extra["query"], Value::Null);
    assert_eq!(
        okay.extra["body"],
        json!({"token": "tpw:abc", "password": "new-pw", "password_confirmation": "new-pw"})
    );
    let h = &okay.extra["headers"];
    assert_eq!(h["content-type"], "application/json");
    assert_eq!(h["accept"], "application/json");
    assert_eq!(h["accept-language"], "ja");
    assert_eq!(h["lr-agent"], LR_AGENT);
    assert!(h.get("cookie").is_none());
    assert!(h.get("referer").is_none(), "no-referrer policy");
}

#[wasm_bindgen_test]
async fn put_and_delete_use_body_and_query() {
    let c = client("echo");
    c.set_locale(Some("ja"));
    c.set_locale(None);
    let mut p = UpdateProfileParams::new("kss_1");
    p.email = Some("new@x.test".into());
    let Response::Okay(okay) = c.update_profile(&p).await.unwrap() else {
        panic!()
    };
    assert_eq!(okay.extra["method"], "PUT");
    assert_eq!(
        okay.extra["body"],
        json!({"session": "kss_1", "email": "new@x.test"})
    );
    // With no locale the client sets no Accept-Language; the browser may add its own default.
    assert_ne!(
        okay.extra["headers"].get("accept-language"),
        Some(&json!("ja"))
    );

    let Response::Okay(okay) = c.logout(&LogoutParams::new("kss_a b")).await.unwrap() else {
        panic!()
    };
    assert_eq!(okay.extra["method"], "DELETE");
    assert_eq!(okay.extra["path"], "/echo/v2/session");
    assert_eq!(okay.extra["query"], "session=kss_a+b");
    assert_eq!(okay.extra["body"], Value::Null);
    assert!(okay.extra["headers"].get("content-type").is_none());
}

#[wasm_bindgen_test]
async fn statuses_are_normalized_and_exposed_headers_read() {
    let r = client("status/429")
        .login(&LoginParams::new("a", "b"))
        .await
        .unwrap();
    let e = r.as_error().unwrap();
    assert_eq!(e.source, Some(Source::RateLimited));
    assert_eq!(
        e.retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(7)))
    );

    let r = client("status/403")
        .get_session(&GetSessionParams::new("kss_1"))
        .await
        .unwrap();
    assert_eq!(r.as_error().unwrap().source, Some(Source::AccessDenied));

    let r = client("status/503")
        .login(&LoginParams::new("a", "b"))
        .await
        .unwrap();
    assert_eq!(r.as_error().unwrap().failure(), Some(&Failure::Status(503)));

    // 2xx with HTML: stricter than loginrocket.js
    let r = client("status/200")
        .login(&LoginParams::new("a", "b"))
        .await
        .unwrap();
    assert_eq!(
        r.as_error().unwrap().failure(),
        Some(&Failure::UnexpectedBody { status: 200 })
    );
}

#[wasm_bindgen_test]
async fn redirects_are_not_followed() {
    let r = client("redirect")
        .login(&LoginParams::new("a", "b"))
        .await
        .unwrap();
    let e = r.as_error().unwrap();
    assert_eq!(e.source, Some(Source::LoginRocketError));
    assert_eq!(e.failure(), Some(&Failure::Status(0)));
}

#[wasm_bindgen_test]
async fn a_hung_request_times_out_within_timeout_plus_half_a_second() {
    let c = client("slow");
    c.set_timeout(Duration::from_millis(400));
    let start = now_ms();
    let r = c.login(&LoginParams::new("a", "b")).await.unwrap();
    let took = now_ms() - start;
    let e = r.as_error().unwrap();
    assert_eq!(e.source, Some(Source::LoginRocketError));
    assert_eq!(e.failure(), Some(&Failure::Timeout));
    assert!((400.0..900.0).contains(&took), "took {took} ms");
}

#[wasm_bindgen_test]
async fn a_body_past_the_size_limit_is_refused_without_reading_it_all() {
    // the echo server's /huge body never ends: reading all of it would run into the timeout
    let r = client("huge")
        .get_session(&GetSessionParams::new("kss_1"))
        .await
        .unwrap();
    let e = r.as_error().unwrap();
    assert_eq!(e.source, Some(Source::LoginRocketError));
    assert_eq!(
        e.failure(),
        Some(&Failure::UnexpectedBody { status: 200 }),
        "refused for its size, not timed out"
    );
}

#[wasm_bindgen_test]
async fn an_unreachable_server_is_a_network_failure() {
    // Nothing listens on port 9 (discard) here; Chromium may also refuse it as unsafe. Either
    // way fetch rejects without a response.
    let c = LoginRocket::new(Config::new("http://127.0.0.1:9").timeout(Duration::from_secs(5)))
        .unwrap();
    let r = c
        .get_session(&GetSessionParams::new("kss_SENTINEL"))
        .await
        .unwrap();
    let e = r.as_error().unwrap();
    assert_eq!(e.source, Some(Source::LoginRocketError));
    assert!(
        matches!(e.failure(), Some(Failure::Network(_))),
        "{:?}",
        e.failure()
    );
    assert!(!format!("{e:?}").contains("SENTINEL"));
}

#[wasm_bindgen_test]
async fn a_url_the_transport_cannot_use_is_an_err() {
    // passes the configuration check (https), but no port is that large
    let c = LoginRocket::new(Config::new("https://127.0.0.1:99999")).unwrap();
    let err = c
        .get_session(&GetSessionParams::new("kss_SENTINEL"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert!(!err.to_string().contains("SENTINEL"), "{err}");
}

#[wasm_bindgen_test]
fn the_json_reader_reads_numbers_with_the_engines_parser_as_natively() {
    // the nearest f64 (serde_json's default reader is one unit off on the second)
    for (text, want) in [
        ("1.5", 1.5),
        ("-6.488094638949993e-245", -6.488094638949993e-245),
        ("2.2250738585072011e-308", 2.225_073_858_507_201e-308),
        ("1e-400", 0.0),
        ("18446744073709551616", 18446744073709551616.0),
    ] {
        let got = json::parse(text.as_bytes()).and_then(|v| v.as_f64());
        assert_eq!(got, Some(want), "{text}");
    }
    assert_eq!(
        json::parse(b"[1, -0, 9007199254740993]"),
        Some(json!([1, -0.0, 9007199254740993u64]))
    );
    assert_eq!(json::parse(b"[1e400]"), None);
    assert_eq!(json::parse(b"[-1e999]"), None);
    let body = br#"{"result":"okay","n":0.1,"nested":{"a":[1.25e2]}}"#;
    let Response::Okay(okay) = normalize::from_http(200, &[], body) else {
        panic!("okay expected")
    };
    assert_eq!(okay.extra["n"], json!(0.1));
    assert_eq!(okay.extra["nested"], json!({"a": [125.0]}));
}
