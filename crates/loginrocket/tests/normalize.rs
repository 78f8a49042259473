//! The normalization table: status x body -> the value loginrocket.js 1.0.1 resolves with
//! (or, where it is lax, our documented stricter value). Never a panic.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use loginrocket::normalize::{from_http, parse_retry_value, MAX_BODY_BYTES};
use loginrocket::{Condition, Failure, Response, RetryAfter, Source};
use proptest::prelude::*;
use serde_json::{json, Value};

const UNEXPECTED: &str = "An unexpected error occurred; please wait a minute and try again.";
const JWT: &str = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.c2ln";

fn normalized(source: &str, msg: &str) -> Value {
    json!({"result": "error", "error": msg, "errors": [msg], "source": source})
}

fn unexpected() -> Value {
    normalized("LoginRocketError", UNEXPECTED)
}

/// Which typed cause a case must carry.
#[derive(Debug)]
enum Cause {
    /// None: the server's own result (no `failure()`).
    Server,
    Status(u16),
    Body(u16),
}

fn case(status: u16, body: &[u8], want: Value, cause: Cause) {
    let response = from_http(status, &[], body);
    let got = serde_json::to_value(&response).unwrap();
    assert_eq!(
        got,
        want,
        "status {status}, body {:?}",
        String::from_utf8_lossy(body)
    );
    let failure = response.as_error().and_then(|e| e.failure()).cloned();
    let want_failure = match cause {
        Cause::Server => None,
        Cause::Status(s) => Some(Failure::Status(s)),
        Cause::Body(s) => Some(Failure::UnexpectedBody { status: s }),
    };
    assert_eq!(failure, want_failure, "status {status}");
}

#[test]
fn success_bodies_pass_through_key_for_key() {
    let okay = json!({"result": "okay"});
    case(
        200,
        okay.to_string().as_bytes(),
        okay.clone(),
        Cause::Server,
    );
    case(
        201,
        okay.to_string().as_bytes(),
        okay.clone(),
        Cause::Server,
    );
    case(204, okay.to_string().as_bytes(), okay, Cause::Server);
    let okay_extra =
        json!({"result": "okay", "message": "Email sent", "n": 1.5, "nested": {"a": [1, null]}});
    case(
        200,
        okay_extra.to_string().as_bytes(),
        okay_extra,
        Cause::Server,
    );

    let full =
        json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": JWT});
    case(200, full.to_string().as_bytes(), full, Cause::Server);
    let full_extra = json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": JWT, "user": {"id": "usr_1"}, "future": true});
    case(
        200,
        full_extra.to_string().as_bytes(),
        full_extra,
        Cause::Server,
    );

    let cond = json!({"result": "conditional_login", "session": "kss_2", "account": null, "conditions": ["no_account_selected"]});
    case(200, cond.to_string().as_bytes(), cond, Cause::Server);
    let cond2 = json!({"result": "conditional_login", "session": "kss_2", "account": "org_9", "conditions": ["must_complete_profile", "brand_new_condition"], "accounts": [{"id": "org_1", "name": "A"}]});
    case(200, cond2.to_string().as_bytes(), cond2, Cause::Server);

    let unknown = json!({"result": "something_new", "data": [1, 2], "session": 5});
    case(200, unknown.to_string().as_bytes(), unknown, Cause::Server);
}

#[test]
fn validation_errors_409_422_pass_through_without_source() {
    let e = json!({"result": "error", "error": "Email is invalid. Password is too short (minimum is 8 characters).", "errors": ["Email is invalid.", "Password is too short (minimum is 8 characters)."]});
    case(422, e.to_string().as_bytes(), e.clone(), Cause::Server);
    case(409, e.to_string().as_bytes(), e.clone(), Cause::Server);
    let es = json!({"result": "error", "error": "Error al iniciar sesión", "errors": ["Error al iniciar sesión"]});
    case(422, es.to_string().as_bytes(), es, Cause::Server);
    let extra =
        json!({"result": "error", "error": "x", "errors": ["x"], "fields": {"email": ["x"]}});
    case(422, extra.to_string().as_bytes(), extra, Cause::Server);
    // an error result may arrive on a 2xx too: still the server's
    let e200 = json!({"result": "error", "error": "x", "errors": ["x"]});
    case(200, e200.to_string().as_bytes(), e200, Cause::Server);
    // an unknown `source` from a server stays as it was sent
    let odd = json!({"result": "error", "error": "x", "errors": ["x"], "source": "Mystery"});
    case(422, odd.to_string().as_bytes(), odd, Cause::Server);
    let known = json!({"result": "error", "error": "x", "errors": ["x"], "source": "RateLimited"});
    case(422, known.to_string().as_bytes(), known, Cause::Server);
}

#[test]
fn statuses_are_normalized_like_loginrocket_js() {
    let html = b"<html><body>Forbidden</body></html>";
    let json_err =
        json!({"result": "error", "error": "ignored", "errors": ["ignored"]}).to_string();
    for body in [&html[..], json_err.as_bytes(), b""] {
        case(
            403,
            body,
            normalized("AccessDenied", "Session expired or access denied."),
            Cause::Status(403),
        );
        case(
            404,
            body,
            normalized("RecordNotFound", UNEXPECTED),
            Cause::Status(404),
        );
        case(
            429,
            body,
            normalized("RateLimited", "Rate limited; wait before trying again."),
            Cause::Status(429),
        );
        for status in [400, 401, 405, 410, 418, 499, 500, 502, 503, 504, 599] {
            case(status, body, unexpected(), Cause::Status(status));
        }
    }
}

#[test]
fn statuses_loginrocket_js_rejects_on_are_login_rocket_errors_here() {
    for status in [
        0,
        100,
        199,
        300,
        301,
        302,
        303,
        304,
        307,
        308,
        399,
        600,
        999,
        u16::MAX,
    ] {
        case(
            status,
            br#"{"result":"okay"}"#,
            unexpected(),
            Cause::Status(status),
        );
    }
}

#[test]
fn a_server_message_without_errors_is_kept_as_the_only_message() {
    for status in [409, 422] {
        let got = from_http(
            status,
            &[],
            br#"{"result":"error","error":"Error al iniciar sesi\u00f3n"}"#,
        );
        let e = got.as_error().expect("an error");
        assert_eq!(e.error, "Error al iniciar sesión");
        assert_eq!(e.errors, vec!["Error al iniciar sesión".to_owned()]);
        assert_eq!(e.source, None, "the server's message, not a normalized one");
        assert!(e.is_validation());
        // only `errors`: the display string is made from them
        let got = from_http(status, &[], br#"{"result":"error","errors":["A.","B."]}"#);
        let e = got.as_error().expect("an error");
        assert_eq!(e.error, "A. B.");
        assert_eq!(e.errors, vec!["A.".to_owned(), "B.".to_owned()]);
        assert_eq!(e.source, None);
    }
}

#[test]
fn a_byte_order_mark_before_the_json_is_ignored() {
    let got = from_http(200, &[], b"\xEF\xBB\xBF{\"result\":\"okay\"}");
    assert!(matches!(got, Response::Okay(_)), "{got:?}");
    let got = from_http(
        422,
        &[],
        "\u{FEFF}{\"result\":\"error\",\"error\":\"x\",\"errors\":[\"x\"]}".as_bytes(),
    );
    assert_eq!(
        got.as_error().map(|e| e.errors.clone()),
        Some(vec!["x".to_owned()])
    );
}

#[test]
fn an_unknown_key_is_kept_as_the_value_it_is() {
    let body = format!(
        r#"{{"result":"full_login","session":"kss_1","account":"org_1","token":"{JWT}","fine":2,"tiny":1e-400,"big":18446744073709551616}}"#
    );
    match from_http(200, &[], body.as_bytes()) {
        Response::FullLogin(f) => {
            assert_eq!(f.session.expose(), "kss_1");
            assert_eq!(f.extra.get("fine"), Some(&json!(2)));
            assert_eq!(f.extra.get("tiny"), Some(&json!(0.0)), "0, as in JS");
            assert_eq!(f.extra.get("big"), Some(&json!(18446744073709551616.0)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_number_beyond_f64_refuses_the_body_rather_than_change_its_type() {
    // loginrocket.js reads these as Infinity, which no JSON value here holds; as text they
    // would read as strings, a type they never had (issue 27: the whole body is refused,
    // wherever the number is, as any other unreadable body)
    let huge = format!(
        r#"{{"result":"full_login","session":"kss_1","account":"org_1","token":"{JWT}","huge":1e400}}"#
    );
    case(200, huge.as_bytes(), unexpected(), Cause::Body(200));
    let nested = br#"{"result":"okay","meta":{"n":[1,-1e999]}}"#;
    case(200, nested, unexpected(), Cause::Body(200));
    let known =
        format!(r#"{{"result":"full_login","session":"kss_1","account":1e400,"token":"{JWT}"}}"#);
    case(200, known.as_bytes(), unexpected(), Cause::Body(200));
}

#[test]
fn a_lone_surrogate_escape_costs_one_character_not_the_message() {
    let body = br#"{"result":"error","error":"Email \ud800 is invalid","errors":["Email \ud800 is invalid","\udc00x","ok \ud83d\ude00"]}"#;
    let got = from_http(422, &[], body);
    let e = got.as_error().expect("an error");
    assert_eq!(e.error, "Email \u{FFFD} is invalid");
    assert_eq!(
        e.errors,
        vec![
            "Email \u{FFFD} is invalid".to_owned(),
            "\u{FFFD}x".to_owned(),
            "ok \u{1F600}".to_owned(),
        ]
    );
    // an escaped backslash before `u` is no escape
    let got = from_http(
        422,
        &[],
        br#"{"result":"error","error":"a\\ud800","errors":["a\\ud800"]}"#,
    );
    assert_eq!(got.as_error().map(|e| e.error.as_str()), Some("a\\ud800"));
    // a body cut short after a high surrogate is still malformed, and not read past its end
    case(
        200,
        br#"{"result":"okay","x":"\ud800"#,
        unexpected(),
        Cause::Body(200),
    );
    case(
        200,
        br#"{"result":"okay","x":"\ud8"#,
        unexpected(),
        Cause::Body(200),
    );
}

#[test]
fn malformed_bodies_on_passing_statuses_are_login_rocket_errors() {
    let bad: Vec<&[u8]> = vec![
        b"",
        b"   ",
        b"null",
        b"true",
        b"42",
        b"\"okay\"",
        b"[]",
        b"[{\"result\":\"okay\"}]",
        b"{}",
        b"{\"result\":null}",
        b"{\"result\":1}",
        b"{\"result\":[\"okay\"]}",
        b"{\"result\":\"okay\"",
        b"{\"result\":\"okay\"} trailing",
        b"<!DOCTYPE html><html><body>Captive portal</body></html>",
        b"\xff\xfe{\"result\":\"okay\"}",
        b"{\"result\":\"ok\xffay\"}",
        // known results with missing or mistyped keys
        b"{\"result\":\"full_login\"}",
        b"{\"result\":\"full_login\",\"session\":\"kss_1\",\"account\":\"org_1\"}",
        b"{\"result\":\"full_login\",\"session\":\"kss_1\",\"account\":1,\"token\":\"a.b.c\"}",
        b"{\"result\":\"full_login\",\"session\":\"sess_1\",\"account\":\"org_1\",\"token\":\"a.b.c\"}",
        b"{\"result\":\"full_login\",\"session\":\"kss_1\",\"account\":\"org_1\",\"token\":\"not-a-jwt\"}",
        b"{\"result\":\"full_login\",\"session\":\"kss_1\",\"account\":\"org_1\",\"token\":\"a..c\"}",
        b"{\"result\":\"conditional_login\",\"session\":\"kss_1\",\"conditions\":[]}",
        b"{\"result\":\"conditional_login\",\"session\":\"kss_1\",\"account\":null,\"conditions\":\"must_verify_login\"}",
        b"{\"result\":\"conditional_login\",\"session\":\"kss_1\",\"account\":null,\"conditions\":[1]}",
        b"{\"result\":\"conditional_login\",\"session\":null,\"account\":null,\"conditions\":[]}",
        b"{\"result\":\"error\"}",
        b"{\"result\":\"error\",\"errors\":null}",
        b"{\"result\":\"error\",\"error\":null}",
        b"{\"result\":\"error\",\"error\":\"x\",\"errors\":\"x\"}",
        b"{\"result\":\"error\",\"error\":[\"x\"],\"errors\":[\"x\"]}",
        b"{\"result\":\"error\",\"error\":\"x\",\"errors\":[null]}",
    ];
    for status in [200, 409, 422] {
        for body in &bad {
            case(status, body, unexpected(), Cause::Body(status));
        }
    }
}

#[test]
fn huge_and_deeply_nested_bodies_are_refused_without_panicking() {
    let mut huge = br#"{"result":"okay","pad":""#.to_vec();
    huge.extend(std::iter::repeat_n(b'x', MAX_BODY_BYTES));
    huge.extend(br#""}"#);
    case(200, &huge, unexpected(), Cause::Body(200));

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    case(200, deep.as_bytes(), unexpected(), Cause::Body(200));
    let deep_result = format!(
        r#"{{"result":{}"okay"{}}}"#,
        "[".repeat(5000),
        "]".repeat(5000)
    );
    case(200, deep_result.as_bytes(), unexpected(), Cause::Body(200));
    // too deep for a JSON value, even under a key nobody knows: the whole body is refused, as
    // any other unreadable one (loginrocket.js returns the value; a string of its text would
    // change its type, which no caller could tell from a real string)
    let deep_extra = format!(
        r#"{{"result":"okay","x":{}1{}}}"#,
        "{\"a\":".repeat(5000),
        "}".repeat(5000)
    );
    case(200, deep_extra.as_bytes(), unexpected(), Cause::Body(200));
    // as deep as a value may be, it is the value itself
    let deep_ok = format!(
        r#"{{"result":"okay","x":{}1{}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    match from_http(200, &[], deep_ok.as_bytes()) {
        Response::Okay(o) => assert!(o.extra.get("x").is_some_and(Value::is_array)),
        other => panic!("{other:?}"),
    }

    // just under the limit is fine
    let mut big = br#"{"result":"okay","pad":""#.to_vec();
    big.extend(std::iter::repeat_n(b'x', MAX_BODY_BYTES - 100));
    big.extend(br#""}"#);
    assert!(matches!(from_http(200, &[], &big), Response::Okay(_)));
}

#[test]
fn typed_views_of_conditional_logins() {
    let body = json!({"result": "conditional_login", "session": "kss_2", "account": null,
        "conditions": ["no_account_selected", "must_verify_login", "must_complete_profile", "x_new"],
        "accounts": [{"id": "org_1", "name": "Acme"}, {"id": "org_2"}]});
    let Response::ConditionalLogin(c) = from_http(200, &[], body.to_string().as_bytes()) else {
        panic!("conditional_login expected")
    };
    assert_eq!(
        c.conditions,
        vec![
            Condition::NoAccountSelected,
            Condition::MustVerifyLogin,
            Condition::MustCompleteProfile,
            Condition::Other("x_new".into())
        ]
    );
    assert!(c.has(&Condition::MustVerifyLogin));
    assert_eq!(c.account, None);
    assert_eq!(c.session.expose(), "kss_2");
    let accounts = c.accounts().unwrap();
    assert_eq!(accounts.len(), 2);
    assert_eq!(
        (accounts[0].id.as_str(), accounts[0].name.as_str()),
        ("org_1", "Acme")
    );
    assert_eq!(
        accounts[1].name, "org_2",
        "a missing name falls back to the id"
    );

    for accounts in [
        json!(null),
        json!("org_1"),
        json!([{"name": "no id"}]),
        json!([1]),
    ] {
        let body = json!({"result": "conditional_login", "session": "kss_2", "account": null,
            "conditions": ["no_account_selected"], "accounts": accounts});
        let Response::ConditionalLogin(c) = from_http(200, &[], body.to_string().as_bytes()) else {
            panic!()
        };
        assert_eq!(c.accounts(), None, "{accounts}");
    }
}

#[test]
fn source_serializes_as_the_class_names() {
    for (source, name) in [
        (Source::AccessDenied, "AccessDenied"),
        (Source::RecordNotFound, "RecordNotFound"),
        (Source::RateLimited, "RateLimited"),
        (Source::LoginRocketError, "LoginRocketError"),
    ] {
        assert_eq!(serde_json::to_value(source).unwrap(), json!(name));
        assert_eq!(
            serde_json::from_value::<Source>(json!(name)).unwrap(),
            source
        );
        assert_eq!(source.to_string(), name);
    }
}

#[test]
fn responses_deserialize_from_what_they_serialize() {
    let bodies = [
        json!({"result": "okay", "x": 1}),
        json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": JWT}),
        json!({"result": "conditional_login", "session": "kss_1", "account": null, "conditions": ["a"]}),
        json!({"result": "error", "error": "x", "errors": ["x"], "source": "AccessDenied"}),
        json!({"result": "brand_new"}),
    ];
    for body in bodies {
        let response: Response = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(serde_json::to_value(&response).unwrap(), body);
    }
    assert!(serde_json::from_value::<Response>(json!({"result": "full_login"})).is_err());
    assert!(serde_json::from_value::<Response>(json!([1])).is_err());
}

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn retry_of(pairs: &[(&str, &str)]) -> Option<RetryAfter> {
    from_http(429, &headers(pairs), b"")
        .as_error()
        .unwrap()
        .retry_after()
}

#[test]
fn rate_limit_headers_are_read_in_every_documented_form() {
    let date = UNIX_EPOCH + Duration::from_secs(1_784_000_000);
    let date_text = httpdate_fmt(date);
    assert_eq!(
        retry_of(&[("Retry-After", "30")]),
        Some(RetryAfter::Delay(Duration::from_secs(30)))
    );
    assert_eq!(
        retry_of(&[("retry-after", " 0 ")]),
        Some(RetryAfter::Delay(Duration::ZERO))
    );
    assert_eq!(
        retry_of(&[("Retry-After", &date_text)]),
        Some(RetryAfter::At(date))
    );
    assert_eq!(
        retry_of(&[("RateLimit-Reset", &date_text)]),
        Some(RetryAfter::At(date))
    );
    assert_eq!(
        retry_of(&[("Ratelimit-Reset", "12")]),
        Some(RetryAfter::Delay(Duration::from_secs(12)))
    );
    // Retry-After wins over Ratelimit-Reset; a garbage Retry-After falls through to it
    assert_eq!(
        retry_of(&[("Ratelimit-Reset", "12"), ("Retry-After", "3")]),
        Some(RetryAfter::Delay(Duration::from_secs(3)))
    );
    assert_eq!(
        retry_of(&[("Retry-After", "soon"), ("Ratelimit-Reset", "12")]),
        Some(RetryAfter::Delay(Duration::from_secs(12)))
    );
    // garbage is ignored
    for garbage in [
        "",
        "soon",
        "-5",
        "1.5",
        "+3",
        "99999999999999999999999",
        "Mon, 99 Foo 2026 99:99:99 GMT",
        "３",
    ] {
        assert_eq!(retry_of(&[("Retry-After", garbage)]), None, "{garbage:?}");
        assert_eq!(parse_retry_value(garbage), None, "{garbage:?}");
    }
    assert_eq!(retry_of(&[]), None);
    // only 429 reads them
    let e = from_http(503, &headers(&[("Retry-After", "30")]), b"");
    assert_eq!(e.as_error().unwrap().retry_after(), None);
}

#[test]
fn retry_delay_counts_from_now_and_never_goes_negative() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1000);
    assert_eq!(
        RetryAfter::Delay(Duration::from_secs(5)).delay_from(now),
        Duration::from_secs(5)
    );
    assert_eq!(
        RetryAfter::At(now + Duration::from_secs(7)).delay_from(now),
        Duration::from_secs(7)
    );
    assert_eq!(
        RetryAfter::At(now - Duration::from_secs(7)).delay_from(now),
        Duration::ZERO
    );
}

fn httpdate_fmt(t: SystemTime) -> String {
    httpdate::fmt_http_date(t)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_any_bytes(status in any::<u16>(), body in proptest::collection::vec(any::<u8>(), 0..512),
                                 hname in "[A-Za-z-]{0,16}", hvalue in ".{0,40}") {
        let response = from_http(status, &[(hname, hvalue.clone()), ("Retry-After".into(), hvalue)], &body);
        let _ = serde_json::to_value(&response).unwrap();
    }

    #[test]
    fn never_panics_on_json_shaped_bodies(status in prop_oneof![Just(200u16), Just(409), Just(422), any::<u16>()],
                                          body in json_body()) {
        let text = body.to_string();
        let response = from_http(status, &[], text.as_bytes());
        let value = serde_json::to_value(&response).unwrap();
        // whatever passes strict decoding comes back key for key; an error result that
        // has only one of `error` and `errors` gains the other
        if response.as_error().is_none_or(|e| e.failure().is_none()) {
            let mut want = body;
            if let (Some(e), Some(map)) = (response.as_error(), want.as_object_mut()) {
                map.entry("error").or_insert_with(|| e.error.clone().into());
                map.entry("errors").or_insert_with(|| e.errors.clone().into());
            }
            prop_assert_eq!(value, want);
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "(kss_|org_|usr_)?[a-z0-9._]{0,12}".prop_map(Value::from),
        Just(Value::from(JWT)),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map("[a-z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn json_body() -> impl Strategy<Value = Value> {
    let result = prop_oneof![
        Just(json!("okay")),
        Just(json!("full_login")),
        Just(json!("conditional_login")),
        Just(json!("error")),
        "[a-z_]{0,10}".prop_map(Value::from),
        json_value(),
    ];
    let keys = prop_oneof![
        Just("session".to_owned()),
        Just("account".to_owned()),
        Just("token".to_owned()),
        Just("conditions".to_owned()),
        Just("error".to_owned()),
        Just("errors".to_owned()),
        Just("source".to_owned()),
        Just("accounts".to_owned()),
        "[a-z]{1,6}",
    ];
    let values = prop_oneof![
        json_value(),
        proptest::collection::vec("[a-z_ ]{0,12}".prop_map(Value::from), 0..3)
            .prop_map(Value::from),
        Just(json!("AccessDenied")),
    ];
    (result, proptest::collection::btree_map(keys, values, 0..6)).prop_map(|(result, map)| {
        let mut obj: serde_json::Map<String, Value> = map.into_iter().collect();
        obj.insert("result".into(), result);
        Value::Object(obj)
    })
}

#[test]
fn into_result_splits_successes_from_errors_without_changing_the_value() {
    let answer = |status: u16, body: Value| from_http(status, &[], body.to_string().as_bytes());
    let full = answer(
        200,
        json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": JWT}),
    );
    let before = serde_json::to_value(&full).unwrap();
    match full.clone().into_result() {
        Ok(loginrocket::Success::FullLogin(f)) => assert_eq!(f.account, "org_1"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        serde_json::to_value(&full).unwrap(),
        before,
        "parity with loginrocket.js stays"
    );
    assert!(matches!(
        answer(200, json!({"result": "okay"})).into_result(),
        Ok(loginrocket::Success::Okay(_))
    ));
    assert!(matches!(
        answer(200, json!({"result": "conditional_login", "session": "kss_1", "account": null, "conditions": []})).into_result(),
        Ok(loginrocket::Success::ConditionalLogin(_))
    ));
    assert!(matches!(
        answer(200, json!({"result": "from_the_future", "x": 1})).into_result(),
        Ok(loginrocket::Success::Unknown(u)) if u.result == "from_the_future"
    ));
    // errors: the server's validation messages and the normalized failures alike
    let invalid = answer(
        422,
        json!({"result": "error", "error": "Email is invalid", "errors": ["Email is invalid"]}),
    );
    let err = invalid.into_result().unwrap_err();
    assert_eq!(err.errors, vec!["Email is invalid".to_owned()]);
    assert_eq!(err.to_string(), "Email is invalid");
    let limited = from_http(429, &[], b"").into_result().unwrap_err();
    assert_eq!(limited.source, Some(Source::RateLimited));
    let as_error: &dyn std::error::Error = &limited;
    assert_eq!(
        as_error.to_string(),
        "Rate limited; wait before trying again."
    );
}
