//! Request building for all eleven calls: method, path, query vs body, headers.
#![cfg(all(feature = "mock", not(target_arch = "wasm32")))]

use std::sync::Arc;
use std::time::Duration;

use loginrocket::transport::{HttpRequest, Method, MockTransport, TransportError};
use loginrocket::*;
use serde_json::{json, Value};

const BASE: &str = "https://sample.e2.loginrocket.test/v2/";

fn setup(locale: Option<&str>) -> (LoginRocket, Arc<MockTransport>) {
    let mock = Arc::new(MockTransport::new());
    let mut config = Config::new("https://sample.e2.loginrocket.test");
    config.locale = locale.map(str::to_owned);
    (
        LoginRocket::with_transport(config, mock.clone()).unwrap(),
        mock,
    )
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

fn query_pairs(req: &HttpRequest) -> Vec<(String, String)> {
    let query = req.url.split_once('?').map(|(_, q)| q).unwrap_or("");
    let mut pairs: Vec<_> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    pairs.sort();
    pairs
}

fn body(req: &HttpRequest) -> Value {
    serde_json::from_str(req.body.as_deref().expect("a body")).unwrap()
}

/// Sends one call with a scripted `okay` and returns the request it made.
fn sent<F, Fut>(locale: Option<&str>, call: F) -> HttpRequest
where
    F: FnOnce(LoginRocket) -> Fut,
    Fut: std::future::Future<Output = Result<Response, Error>>,
{
    let (client, mock) = setup(locale);
    mock.push_json(200, json!({"result": "okay"}));
    let response = block_on(call(client)).unwrap();
    assert!(matches!(response, Response::Okay(_)));
    let requests = mock.requests();
    assert_eq!(requests.len(), 1, "exactly one request per call");
    requests.into_iter().next().unwrap()
}

fn assert_common(req: &HttpRequest, method: Method, path: &str, locale: Option<&str>) {
    assert_eq!(req.method, method);
    assert_eq!(req.url.split('?').next().unwrap(), format!("{BASE}{path}"));
    assert_eq!(req.header("accept"), Some("application/json"));
    assert_eq!(
        req.header("lr-agent"),
        Some(concat!("LoginRocket/rust v", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(req.header("accept-language"), locale);
    assert_eq!(req.timeout, Duration::from_secs(10));
    if method.params_in_query() {
        assert_eq!(req.body, None, "{method:?} sends no body");
        assert_eq!(req.header("content-type"), None);
    } else {
        assert_eq!(req.header("content-type"), Some("application/json"));
        assert!(!req.url.contains('?'), "{method:?} sends no query");
    }
}

#[test]
fn all_eleven_calls_with_and_without_locale() {
    for locale in [None, Some("es")] {
        let r = sent(locale, |c| async move {
            c.login(&LoginParams::new("ann@x.test", "pw")).await
        });
        assert_common(&r, Method::Post, "login", locale);
        assert_eq!(body(&r), json!({"email": "ann@x.test", "password": "pw"}));

        let r = sent(locale, |c| async move {
            c.verify_login(&VerifyLoginParams::new("kss_1", "012345"))
                .await
        });
        assert_common(&r, Method::Post, "login/verify", locale);
        assert_eq!(body(&r), json!({"session": "kss_1", "code": "012345"}));

        let r = sent(locale, |c| async move {
            c.logout(&LogoutParams::new("kss_1")).await
        });
        assert_common(&r, Method::Delete, "session", locale);
        assert_eq!(query_pairs(&r), vec![("session".into(), "kss_1".into())]);

        let r = sent(locale, |c| async move {
            let mut p = GetSessionParams::new("kss_1");
            p.account = Some("org_2".into());
            c.get_session(&p).await
        });
        assert_common(&r, Method::Get, "session", locale);
        assert_eq!(
            query_pairs(&r),
            vec![
                ("account".into(), "org_2".into()),
                ("session".into(), "kss_1".into())
            ]
        );

        let r = sent(locale, |c| async move {
            c.get_session(&GetSessionParams::new("kss_1")).await
        });
        assert_eq!(
            query_pairs(&r),
            vec![("session".into(), "kss_1".into())],
            "unset account left out"
        );

        let r = sent(locale, |c| async move {
            c.forgot_password(&ForgotPasswordParams::new("ann@x.test"))
                .await
        });
        assert_common(&r, Method::Post, "password/forgot", locale);
        assert_eq!(body(&r), json!({"email": "ann@x.test"}));

        let r = sent(locale, |c| async move {
            let mut p = ResetPasswordParams::new("tpw:abc", "new-pw");
            p.password_confirmation = Some("new-pw".into());
            c.reset_password(&p).await
        });
        assert_common(&r, Method::Post, "password/reset", locale);
        assert_eq!(
            body(&r),
            json!({"token": "tpw:abc", "password": "new-pw", "password_confirmation": "new-pw"})
        );

        let r = sent(locale, |c| async move {
            c.update_password(&UpdatePasswordParams::new("kss_1", "old", "new"))
                .await
        });
        assert_common(&r, Method::Post, "profile/password", locale);
        assert_eq!(
            body(&r),
            json!({"session": "kss_1", "current_password": "old", "password": "new"})
        );

        let r = sent(locale, |c| async move {
            let mut p = UpdateProfileParams::new("kss_1");
            p.first_name = Some("Ann".into());
            p.org_name = Some("Acme".into());
            c.update_profile(&p).await
        });
        assert_common(&r, Method::Put, "profile", locale);
        assert_eq!(
            body(&r),
            json!({"session": "kss_1", "first_name": "Ann", "org_name": "Acme"})
        );

        let r = sent(locale, |c| async move {
            c.request_invitation(&RequestInvitationParams::new("bo@x.test"))
                .await
        });
        assert_common(&r, Method::Post, "signup/request", locale);
        assert_eq!(body(&r), json!({"email": "bo@x.test"}));

        let r = sent(locale, |c| async move {
            let mut p = SignupParams::new("bo@x.test", "pw");
            p.last_name = Some("Bo".into());
            p.token = Some("inv".into());
            c.signup(&p).await
        });
        assert_common(&r, Method::Post, "signup", locale);
        assert_eq!(
            body(&r),
            json!({"email": "bo@x.test", "password": "pw", "last_name": "Bo", "token": "inv"})
        );

        let r = sent(locale, |c| async move {
            c.verify_email(&VerifyEmailParams::new("tve:1")).await
        });
        assert_common(&r, Method::Post, "email/verify", locale);
        assert_eq!(body(&r), json!({"token": "tve:1"}));
    }
}

#[test]
fn unknown_extra_params_are_forwarded_in_body_and_query() {
    let r = sent(None, |c| async move {
        let mut p = LoginParams::new("a@x.test", "pw");
        p.extra = Extra::new()
            .with("remember", true)
            .with("redirect_uri", "https://app.test/");
        c.login(&p).await
    });
    assert_eq!(
        body(&r),
        json!({"email": "a@x.test", "password": "pw", "remember": true, "redirect_uri": "https://app.test/"})
    );
    let r = sent(None, |c| async move {
        let mut p = GetSessionParams::new("kss_1");
        p.extra = Extra::new()
            .with("n", 3)
            .with("flag", false)
            .with("none", Value::Null)
            .with("list", json!(["a b", 1]))
            .with("obj", json!({"k": "v"}));
        c.get_session(&p).await
    });
    assert_eq!(
        query_pairs(&r),
        vec![
            ("flag".into(), "false".into()),
            ("list[]".into(), "1".into()),
            ("list[]".into(), "a b".into()),
            ("n".into(), "3".into()),
            ("obj".into(), r#"{"k":"v"}"#.into()),
            ("session".into(), "kss_1".into()),
        ]
    );
}

#[test]
fn query_values_are_percent_encoded() {
    let r = sent(None, |c| async move {
        c.get_session(&GetSessionParams::new("kss_a&b=c d+é")).await
    });
    assert_eq!(
        query_pairs(&r),
        vec![("session".into(), "kss_a&b=c d+é".into())]
    );
    assert!(!r.url.contains(' ') && !r.url.contains('é'), "{}", r.url);
}

#[test]
fn locale_change_between_requests_changes_the_header() {
    let (client, mock) = setup(None);
    mock.push_json(200, json!({"result": "okay"}));
    mock.push_json(200, json!({"result": "okay"}));
    mock.push_json(200, json!({"result": "okay"}));
    let p = ForgotPasswordParams::new("a@x.test");
    block_on(client.forgot_password(&p)).unwrap();
    client.set_locale(Some("ja"));
    block_on(client.forgot_password(&p)).unwrap();
    client.set_locale(Some(""));
    block_on(client.forgot_password(&p)).unwrap();
    let langs: Vec<_> = mock
        .requests()
        .iter()
        .map(|r| r.header("accept-language").map(str::to_owned))
        .collect();
    assert_eq!(langs, vec![None, Some("ja".to_owned()), None]);
}

#[test]
fn url_change_between_requests_changes_the_target() {
    let (client, mock) = setup(None);
    mock.push_json(200, json!({"result": "okay"}));
    mock.push_json(200, json!({"result": "okay"}));
    let p = VerifyEmailParams::new("tve:1");
    block_on(client.verify_email(&p)).unwrap();
    client.set_lr_url("https://other.test/custom").unwrap();
    block_on(client.verify_email(&p)).unwrap();
    let urls: Vec<_> = mock.requests().into_iter().map(|r| r.url).collect();
    assert_eq!(
        urls,
        vec![
            format!("{BASE}email/verify"),
            "https://other.test/custom/v2/email/verify".to_owned()
        ]
    );
}

#[test]
fn missing_url_is_err_and_sends_nothing() {
    let mock = Arc::new(MockTransport::new());
    let client = LoginRocket::with_transport(Config::default(), mock.clone()).unwrap();
    let got = block_on(client.login(&LoginParams::new("a", "b")));
    assert_eq!(got, Err(Error::MissingUrl));
    assert!(mock.requests().is_empty());
}

#[test]
fn unusable_locale_is_err_and_sends_nothing() {
    let (client, mock) = setup(Some("en\r\nX-Evil: 1"));
    let got = block_on(client.login(&LoginParams::new("a", "b")));
    assert!(matches!(got, Err(Error::InvalidRequest(_))), "{got:?}");
    assert!(mock.requests().is_empty());
}

#[test]
fn build_failure_is_err_and_never_echoes_the_query() {
    let (client, mock) = setup(None);
    mock.push(Err(TransportError::Build(
        "bad URL https://x.test/v2/session?session=kss_secret".into(),
    )));
    let got = block_on(client.logout(&LogoutParams::new("kss_secret"))).unwrap_err();
    let text = format!("{got} {got:?}");
    assert!(!text.contains("kss_secret"), "{text}");
}

#[test]
fn network_failures_resolve_as_login_rocket_error_with_a_typed_cause() {
    let cases = [
        (TransportError::Timeout, Failure::Timeout),
        (TransportError::Offline, Failure::Offline),
        (
            TransportError::Network("Failed to fetch".into()),
            Failure::Network("Failed to fetch".into()),
        ),
    ];
    for (err, failure) in cases {
        let (client, mock) = setup(None);
        mock.push(Err(err));
        let response = block_on(client.login(&LoginParams::new("a", "b"))).unwrap();
        assert_eq!(
            serde_json::to_value(&response).unwrap(),
            json!({
                "result": "error",
                "error": "An unexpected error occurred; please wait a minute and try again.",
                "errors": ["An unexpected error occurred; please wait a minute and try again."],
                "source": "LoginRocketError"
            })
        );
        let e = response.as_error().unwrap();
        assert_eq!(e.failure(), Some(&failure));
        assert!(!e.is_validation());
    }
}

#[test]
fn network_detail_never_carries_the_session_query() {
    let (client, mock) = setup(None);
    mock.push(Err(TransportError::Network(
        "could not reach ?session=kss_zzz".into(),
    )));
    let response = block_on(client.get_session(&GetSessionParams::new("kss_zzz"))).unwrap();
    let dbg = format!("{response:?}");
    assert!(!dbg.contains("kss_zzz"), "{dbg}");
}

#[test]
fn debug_output_of_params_requests_and_responses_hides_secrets() {
    let mut p = SignupParams::new("a@x.test", "pa55word-SENTINEL");
    p.password_confirmation = Some("pa55word-SENTINEL".into());
    p.token = Some("inv-SENTINEL".into());
    p.extra = Extra::new().with("code", "123456-SENTINEL");
    let dbg = format!("{p:?}");
    assert!(!dbg.contains("SENTINEL"), "{dbg}");
    assert!(dbg.contains("a@x.test"), "{dbg}");

    let (client, mock) = setup(None);
    mock.push_json(
        200,
        json!({
            "result": "full_login", "session": "kss_SENTINEL", "account": "org_1",
            "token": "aaa.bbb.SENTINEL", "refresh": "SENTINEL"
        }),
    );
    let response = block_on(client.get_session(&GetSessionParams::new("kss_SENTINEL"))).unwrap();
    assert!(matches!(response, Response::FullLogin(_)));
    let dbg = format!("{response:?} {:?}", mock.requests());
    assert!(!dbg.contains("SENTINEL"), "{dbg}");
}

#[test]
fn params_round_trip_through_serde_keeping_unknown_fields() {
    let text =
        r#"{"email":"a@x.test","password":"pw","password_confirmation":"pw","color":"blue"}"#;
    let p: SignupParams = serde_json::from_str(text).unwrap();
    assert_eq!(p.email, "a@x.test");
    assert_eq!(p.password.expose(), "pw");
    assert_eq!(
        p.password_confirmation.as_ref().map(Secret::expose),
        Some("pw")
    );
    assert_eq!(p.extra.get("color"), Some(&json!("blue")));
    let back: Value = serde_json::to_value(&p).unwrap();
    assert_eq!(back, serde_json::from_str::<Value>(text).unwrap());
    // missing required fields default to empty rather than failing
    let empty: UpdatePasswordParams = serde_json::from_str("{}").unwrap();
    assert!(empty.session.is_empty());
}
