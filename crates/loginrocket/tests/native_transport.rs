//! The native (reqwest) transport against a real HTTP server started in the test.
#![cfg(all(feature = "native", not(target_arch = "wasm32")))]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::any;
use axum::Router;
use loginrocket::*;
use serde_json::{json, Value};

#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Counter {
    fn hit(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
    fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

async fn server(counter: Counter) -> String {
    // echo-server's routes (`/echo/…` echoes the request), and these
    let app = Router::new()
        .route(
            "/v2/slow",
            any(|State(c): State<Counter>| async move {
                c.hit();
                tokio::time::sleep(Duration::from_secs(30)).await;
                "never"
            }),
        )
        .route(
            "/v2/fail",
            any(|State(c): State<Counter>| async move {
                c.hit();
                (StatusCode::INTERNAL_SERVER_ERROR, "<h1>oops</h1>")
            }),
        )
        .route(
            "/v2/limited",
            any(|State(c): State<Counter>| async move {
                c.hit();
                (StatusCode::TOO_MANY_REQUESTS, [("Retry-After", "17")], "slow down")
            }),
        )
        .route(
            "/v2/moved",
            any(|State(c): State<Counter>| async move {
                c.hit();
                (StatusCode::FOUND, [("Location", "https://elsewhere.test/v2/login")], "")
            }),
        )
        .route(
            "/v2/login",
            any(|State(c): State<Counter>| async move {
                c.hit();
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    axum::Json(json!({"result": "error", "error": "Login failed", "errors": ["Login failed"]})),
                )
            }),
        )
        .with_state(counter)
        .merge(echo_server::app());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

/// A raw TCP server: `reply` is written after the request headers arrive (or at once when
/// `None`, before reading), then the connection is held open until the test ends.
async fn raw_server(reply: Option<&'static [u8]>, accepted: Counter) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((mut sock, _)) = listener.accept().await {
            accepted.hit();
            match reply {
                Some(bytes) => {
                    let mut buf = [0u8; 4096];
                    let _ = sock.read(&mut buf).await;
                    let _ = sock.write_all(bytes).await;
                    held.push(sock);
                }
                None => drop(sock), // accept, then close without answering
            }
        }
    });
    url
}

fn client(url: &str, timeout: Duration) -> LoginRocket {
    LoginRocket::new(Config::new(url).timeout(timeout)).unwrap()
}

#[tokio::test]
async fn sends_method_path_headers_and_json_body() {
    let url = server(Counter::default()).await;
    let c = LoginRocket::new(Config::new(format!("{url}/echo")).locale("es")).unwrap();
    let mut p = SignupParams::new("ann@x.test", "pw");
    p.first_name = Some("Ann".into());
    let Response::Okay(okay) = c.signup(&p).await.unwrap() else {
        panic!("okay expected")
    };
    assert_eq!(okay.extra["method"], "POST");
    assert_eq!(okay.extra["path"], "/echo/v2/signup");
    assert_eq!(
        okay.extra["body"],
        json!({"email": "ann@x.test", "password": "pw", "first_name": "Ann"})
    );
    let headers = &okay.extra["headers"];
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["accept"], "application/json");
    assert_eq!(headers["accept-language"], "es");
    assert_eq!(headers["lr-agent"], LR_AGENT);
}

#[tokio::test]
async fn get_and_delete_send_params_in_the_query() {
    let url = server(Counter::default()).await;
    let c = LoginRocket::new(Config::new(format!("{url}/echo"))).unwrap();
    let mut p = GetSessionParams::new("kss_a b&c");
    p.account = Some("org_1".into());
    let Response::Okay(okay) = c.get_session(&p).await.unwrap() else {
        panic!()
    };
    assert_eq!(okay.extra["method"], "GET");
    assert_eq!(okay.extra["path"], "/echo/v2/session");
    assert_eq!(okay.extra["query"], "account=org_1&session=kss_a+b%26c");
    assert_eq!(okay.extra["body"], Value::Null);
    assert!(okay.extra["headers"].get("content-type").is_none());
    assert!(okay.extra["headers"].get("accept-language").is_none());

    let Response::Okay(okay) = c.logout(&LogoutParams::new("kss_1")).await.unwrap() else {
        panic!()
    };
    assert_eq!(okay.extra["method"], "DELETE");
    assert_eq!(okay.extra["query"], "session=kss_1");
}

#[tokio::test]
async fn validation_errors_and_statuses_are_normalized_end_to_end() {
    let counter = Counter::default();
    let url = server(counter.clone()).await;
    let c = client(&url, Duration::from_secs(5));
    let r = c.login(&LoginParams::new("a", "b")).await.unwrap();
    assert_eq!(
        serde_json::to_value(&r).unwrap(),
        json!({"result": "error", "error": "Login failed", "errors": ["Login failed"]})
    );

    let r = c
        .request(transport::Method::Post, "limited", &json!({}))
        .await
        .unwrap();
    let e = r.as_error().unwrap();
    assert_eq!(e.source, Some(Source::RateLimited));
    assert_eq!(
        e.retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(17)))
    );

    let r = c
        .request(transport::Method::Post, "fail", &json!({}))
        .await
        .unwrap();
    assert_eq!(r.as_error().unwrap().failure(), Some(&Failure::Status(500)));

    let r = c
        .request(transport::Method::Get, "nowhere", &json!({}))
        .await
        .unwrap();
    assert_eq!(r.as_error().unwrap().source, Some(Source::RecordNotFound));
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let counter = Counter::default();
    let url = server(counter.clone()).await;
    let r = client(&url, Duration::from_secs(5))
        .request(transport::Method::Post, "moved", &json!({}))
        .await
        .unwrap();
    let e = r.as_error().unwrap();
    assert_eq!(e.source, Some(Source::LoginRocketError));
    assert_eq!(e.failure(), Some(&Failure::Status(302)));
    assert_eq!(counter.get(), 1);
}

#[tokio::test]
async fn a_hung_request_times_out_within_timeout_plus_half_a_second() {
    let counter = Counter::default();
    let url = server(counter.clone()).await;
    let timeout = Duration::from_millis(400);
    let start = Instant::now();
    let r = client(&url, timeout)
        .request(transport::Method::Post, "slow", &json!({}))
        .await
        .unwrap();
    let took = start.elapsed();
    assert_eq!(r.as_error().unwrap().failure(), Some(&Failure::Timeout));
    assert_eq!(r.as_error().unwrap().source, Some(Source::LoginRocketError));
    assert!(
        took >= timeout && took < timeout + Duration::from_millis(500),
        "took {took:?}"
    );
    assert_eq!(counter.get(), 1, "no retry");
}

#[tokio::test]
async fn a_stalled_body_times_out_too() {
    let accepted = Counter::default();
    let head: &'static [u8] = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"result\":";
    let url = raw_server(Some(head), accepted.clone()).await;
    let timeout = Duration::from_millis(400);
    let start = Instant::now();
    let r = client(&url, timeout)
        .login(&LoginParams::new("a", "b"))
        .await
        .unwrap();
    let took = start.elapsed();
    assert_eq!(r.as_error().unwrap().failure(), Some(&Failure::Timeout));
    assert!(took < timeout + Duration::from_millis(500), "took {took:?}");
    assert_eq!(accepted.get(), 1);
}

#[tokio::test]
async fn connection_refused_is_a_login_rocket_error_with_network_cause() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    }; // closed again: nothing listens there
    let c = client(&format!("http://127.0.0.1:{port}"), Duration::from_secs(5));
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
    assert!(!format!("{e:?}").contains("SENTINEL"), "{e:?}");
}

#[tokio::test]
async fn a_dropped_connection_is_not_retried() {
    let accepted = Counter::default();
    let url = raw_server(None, accepted.clone()).await;
    let c = client(&url, Duration::from_secs(5));
    for call in 0..3 {
        let r = match call {
            0 => c.login(&LoginParams::new("a", "b")).await,
            1 => c.get_session(&GetSessionParams::new("kss_1")).await,
            _ => c.logout(&LogoutParams::new("kss_1")).await,
        }
        .unwrap();
        assert_eq!(r.as_error().unwrap().source, Some(Source::LoginRocketError));
        assert!(matches!(
            r.as_error().unwrap().failure(),
            Some(Failure::Network(_))
        ));
        assert_eq!(accepted.get(), call + 1, "exactly one connection per call");
    }
}

#[tokio::test]
async fn no_retry_on_server_errors() {
    let counter = Counter::default();
    let url = server(counter.clone()).await;
    let c = client(&url, Duration::from_secs(5));
    c.request(transport::Method::Get, "fail", &json!({}))
        .await
        .unwrap();
    c.request(transport::Method::Post, "limited", &json!({}))
        .await
        .unwrap();
    assert_eq!(counter.get(), 2);
}

#[tokio::test]
async fn a_url_the_transport_cannot_use_is_an_err() {
    // passes the configuration check (https), but no port is that large
    let c = LoginRocket::new(Config::new("https://127.0.0.1:99999")).unwrap();
    let got = c.get_session(&GetSessionParams::new("kss_SENTINEL")).await;
    let err = got.unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert!(!err.to_string().contains("SENTINEL"), "{err}");
}
