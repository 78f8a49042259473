//! loginrocket.js's URL and locale rules (its `client_test.js`, and more).
#![cfg(all(feature = "mock", not(target_arch = "wasm32")))]

use std::sync::Arc;
use std::time::Duration;

use loginrocket::transport::MockTransport;
use loginrocket::{normalize_lr_url, Config, Error, LoginRocket, DEFAULT_TIMEOUT};

fn client(config: Config) -> LoginRocket {
    LoginRocket::with_transport(config, Arc::new(MockTransport::new())).expect("a valid URL")
}

#[test]
fn lr_url_unset_is_an_error_not_a_panic() {
    assert_eq!(client(Config::default()).lr_url(), Err(Error::MissingUrl));
    let c = client(Config {
        url: None,
        ..Config::default()
    });
    assert_eq!(c.lr_url(), Err(Error::MissingUrl));
    assert!(c
        .lr_url()
        .unwrap_err()
        .to_string()
        .starts_with("Missing LR url"));
}

#[test]
fn lr_url_from_config_is_normalized() {
    assert_eq!(
        client(Config::new("https://from.config")).lr_url().unwrap(),
        "https://from.config/v2/"
    );
    assert_eq!(
        client(Config::new("https://from.config/v2"))
            .lr_url()
            .unwrap(),
        "https://from.config/v2/"
    );
    assert_eq!(
        client(Config::new("https://from.config/v2/"))
            .lr_url()
            .unwrap(),
        "https://from.config/v2/"
    );
    assert_eq!(
        client(Config::new("https://from.config/"))
            .lr_url()
            .unwrap(),
        "https://from.config/v2/"
    );
    assert_eq!(client(Config::new("")).lr_url(), Err(Error::MissingUrl));
}

#[test]
fn normalization_table() {
    let cases = [
        (
            "https://sample.e2.loginrocket.com/",
            Some("https://sample.e2.loginrocket.com/v2/"),
        ),
        (
            "https://sample.e2.loginrocket.com",
            Some("https://sample.e2.loginrocket.com/v2/"),
        ),
        (
            "https://login.example.com/lr",
            Some("https://login.example.com/lr/v2/"),
        ),
        (
            "https://login.example.com/lr/v2",
            Some("https://login.example.com/lr/v2/"),
        ),
        // loginrocket.js only checks the end: "/xv2/" already ends in "v2/"
        ("https://x.test/xv2/", Some("https://x.test/xv2/")),
        ("https://x.test/v2/v2", Some("https://x.test/v2/v2/")),
        ("https://x.test/v1/", Some("https://x.test/v1/v2/")),
        ("/", Some("/v2/")),
        ("", None),
    ];
    for (input, want) in cases {
        assert_eq!(normalize_lr_url(input).as_deref(), want, "input {input:?}");
    }
}

#[test]
fn set_lr_url_ignores_empty_and_normalizes() {
    let c = client(Config::new("https://a.test"));
    assert_eq!(c.set_lr_url(""), Ok(()));
    assert_eq!(c.lr_url().unwrap(), "https://a.test/v2/");
    c.set_lr_url("https://OTHER.e2.loginrocket.com").unwrap();
    assert_eq!(c.lr_url().unwrap(), "https://OTHER.e2.loginrocket.com/v2/");
    let unset = client(Config::default());
    unset.set_lr_url("https://late.test/v2").unwrap();
    assert_eq!(unset.lr_url().unwrap(), "https://late.test/v2/");
}

#[test]
fn locale_rules() {
    assert_eq!(client(Config::default()).locale(), None);
    let c = client(Config::default().locale("es"));
    assert_eq!(c.locale().as_deref(), Some("es"));
    c.set_locale(Some("en"));
    assert_eq!(c.locale().as_deref(), Some("en"));
    c.set_locale(Some(""));
    assert_eq!(c.locale(), None);
    c.set_locale(Some("ja"));
    c.set_locale(None);
    assert_eq!(c.locale(), None);
    assert_eq!(client(Config::default().locale("")).locale(), None);
}

#[test]
fn clones_share_url_locale_and_timeout() {
    let a = client(Config::new("https://a.test"));
    let b = a.clone();
    a.set_locale(Some("ja"));
    a.set_lr_url("https://b.test").unwrap();
    a.set_timeout(Duration::from_millis(1500));
    assert_eq!(b.locale().as_deref(), Some("ja"));
    assert_eq!(b.lr_url().unwrap(), "https://b.test/v2/");
    assert_eq!(b.timeout(), Duration::from_millis(1500));
}

#[test]
fn default_timeout_is_ten_seconds() {
    assert_eq!(DEFAULT_TIMEOUT, Duration::from_secs(10));
    assert_eq!(
        client(Config::new("https://a.test")).timeout(),
        DEFAULT_TIMEOUT
    );
    let c = client(Config::new("https://a.test").timeout(Duration::from_secs(3)));
    assert_eq!(c.timeout(), Duration::from_secs(3));
}

#[test]
fn client_is_send_sync_and_debug_shows_no_secrets() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<LoginRocket>();
    let c = client(Config::new("https://a.test").locale("es"));
    let dbg = format!("{c:?}");
    assert!(
        dbg.contains("https://a.test/v2/") && dbg.contains("es"),
        "{dbg}"
    );
}

#[test]
fn only_https_or_loopback_http_urls_are_accepted() {
    for ok in [
        "https://sample.e2.loginrocket.com/",
        "HTTPS://Sample.E2.LoginRocket.com",
        "https://login.example.com:8443/lr",
        "http://127.0.0.1:4000",
        "http://127.0.0.1",
        "http://localhost:4000/",
        "http://LOCALHOST:4000/",
        "http://[::1]:4000",
        "http://[::1]/",
    ] {
        let c = LoginRocket::with_transport(Config::new(ok), Arc::new(MockTransport::new()));
        assert!(c.is_ok(), "{ok:?} must be accepted");
    }
    for bad in [
        "http://sample.e2.loginrocket.com/",
        "http://127.0.0.1.evil.com/",
        "http://localhost.evil.com:4000/",
        "http://evil.com#@127.0.0.1/",
        "http://127.0.0.1@evil.com/",
        "http://user:pw@localhost/",
        "http://[::2]:4000",
        "javascript:alert(1)",
        "javascript://127.0.0.1/%0aalert(1)",
        "JavaScript:alert(document.domain)//",
        "data:text/html,hi",
        "ftp://files.example.com/",
        "//sample.e2.loginrocket.com/",
        "/lr",
        "sample.e2.loginrocket.com",
        "https://",
        "https:///path",
        "https://exa mple.com/",
        "https://example.com/\n",
        " https://example.com/",
        "https://example.com/?x=1",
        "https://example.com/#top",
        "https://exa\\mple.com/",
    ] {
        let got = LoginRocket::with_transport(Config::new(bad), Arc::new(MockTransport::new()));
        assert!(
            matches!(got, Err(Error::InvalidUrl(_))),
            "{bad:?} must be refused, got {got:?}"
        );
    }
    // no URL at all is still loginrocket.js's late `MissingUrl`, and `set_lr_url` checks too
    let c = client(Config::default());
    assert!(matches!(
        c.set_lr_url("http://insecure.example.com"),
        Err(Error::InvalidUrl(_))
    ));
    assert_eq!(
        c.lr_url(),
        Err(Error::MissingUrl),
        "a refused URL is not kept"
    );
    assert_eq!(c.set_lr_url("https://ok.example.com"), Ok(()));
    assert!(Error::InvalidUrl("x".into()).to_string().contains("https"));
}

#[test]
fn hosted_page_urls_carry_the_session_next_to_the_other_url_rules() {
    let c = client(Config::new("https://s.e2.loginrocket.com/"));
    let session = loginrocket::Secret::new("kss_1 &x");
    assert_eq!(
        c.hosted_page_url("accounts", &session).as_deref(),
        Ok("https://s.e2.loginrocket.com/accounts?session=kss_1+%26x")
    );
    let nested = client(Config::new("https://login.example.com/lr/v2"));
    assert_eq!(
        nested
            .hosted_page_url("login", &loginrocket::Secret::new("kss_2"))
            .as_deref(),
        Ok("https://login.example.com/lr/login?session=kss_2")
    );
    assert_eq!(
        client(Config::default()).hosted_page_url("login", &session),
        Err(Error::MissingUrl)
    );
}
