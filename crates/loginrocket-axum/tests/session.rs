//! The session routes and extractor: the hand-off sets an HttpOnly cookie and redirects to a
//! local path only; sign-out clears it; cross-site requests are refused; bad input is a 4xx
//! (a 503 while the keys can't be fetched) that never echoes the token.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use common::{claims, jwks, keys, now, Keys};
use http_body_util::BodyExt;
use loginrocket_axum::{
    LoginRocketAuth, LoginRocketSession, SessionConfig, Verifier, VerifierConfig,
};
use serde_json::json;
use tower::ServiceExt;

fn app(source: &Keys) -> Router {
    let auth = LoginRocketAuth::new(
        Verifier::new(source.clone(), VerifierConfig::default()),
        SessionConfig::default(),
    );
    Router::new()
        .route(
            "/account",
            get(|s: LoginRocketSession| async move {
                format!("account of {}", s.claims().email().unwrap_or("?"))
            }),
        )
        .route(
            "/",
            get(|s: Option<LoginRocketSession>| async move {
                match s {
                    Some(s) => format!("hello {}", s.claims().subject().unwrap_or("?")),
                    None => "hello stranger".to_owned(),
                }
            }),
        )
        .merge(auth.routes())
        .with_state(auth)
}

/// A request to `uri` on host `app.example.com` from a page of the same origin.
fn same_origin(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("host", "app.example.com")
        .header("sec-fetch-site", "same-origin")
}

async fn send(app: &Router, request: axum::http::request::Builder) -> Response {
    app.clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap()
}

async fn text(response: Response) -> String {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn header<'r>(response: &'r Response, name: &str) -> &'r str {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

#[tokio::test]
async fn the_hand_off_sets_an_http_only_cookie_and_redirects_without_the_token() {
    let (old, _) = keys();
    let app = app(&Keys::serving(jwks(&[old])));
    let token = old.sign(&claims());
    let r = send(
        &app,
        same_origin(
            "GET",
            &format!("/session/new?token={token}&redirect=/account%3Ftab%3D2"),
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&r, "location"), "/account?tab=2");
    let cookie = header(&r, "set-cookie");
    assert!(
        cookie.starts_with(&format!(
            "__Host-lr_session={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age="
        )),
        "{cookie}"
    );
    let max_age: u64 = cookie
        .split("Max-Age=")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (590..=600).contains(&max_age),
        "until the token expires: {max_age}"
    );
    assert!(cookie.ends_with("; Secure"), "{cookie}");
    assert_eq!(header(&r, "cache-control"), "no-store");
    assert_eq!(header(&r, "referrer-policy"), "no-referrer");

    // the cookie signs the next requests in
    let with_cookie = |uri: &str| {
        same_origin("GET", uri).header(
            "cookie",
            format!("theme=dark; __Host-lr_session={token}; x=1"),
        )
    };
    let r = send(&app, with_cookie("/account")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(text(r).await, "account of ann@example.com");
    assert_eq!(
        text(send(&app, with_cookie("/")).await).await,
        "hello usr_1"
    );
}

#[tokio::test]
async fn the_cookie_is_secure_and_host_only_whatever_the_host_unless_plain_http_is_asked() {
    let (old, _) = keys();
    let token = old.sign(&claims());
    // a TLS-terminating proxy may send a loopback Host upstream: still Secure
    let app = app(&Keys::serving(jwks(&[old])));
    for host in [
        "127.0.0.1:3000",
        "localhost:8080",
        "[::1]:3000",
        "app.example.com",
    ] {
        let request = Request::builder()
            .uri(format!("/session/new?token={token}"))
            .header("host", host)
            .header("sec-fetch-site", "same-origin");
        let r = send(&app, request).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{host}");
        let cookie = header(&r, "set-cookie");
        assert!(cookie.starts_with("__Host-lr_session="), "{host}: {cookie}");
        assert!(cookie.ends_with("; Secure"), "{host}: {cookie}");
        assert!(!cookie.contains("Domain"), "{cookie}");
    }
    // development over plain HTTP, said explicitly
    let source = Keys::serving(jwks(&[old]));
    let auth = LoginRocketAuth::new(
        Verifier::new(source, VerifierConfig::default()),
        SessionConfig {
            plain_http: true,
            ..SessionConfig::default()
        },
    );
    let plain: Router = Router::new().merge(auth.routes()).with_state(auth);
    let r = send(
        &plain,
        same_origin("GET", &format!("/session/new?token={token}")),
    )
    .await;
    let cookie = header(&r, "set-cookie");
    assert!(cookie.starts_with("lr_session="), "{cookie}");
    assert!(!cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn a_sibling_subdomains_plain_cookie_signs_nobody_in() {
    // a cookie named lr_session (planted by a sibling subdomain, which cannot set a __Host-
    // one) is not the session
    let (old, _) = keys();
    let app = app(&Keys::serving(jwks(&[old])));
    let token = old.sign(&claims());
    let r = send(
        &app,
        same_origin("GET", "/account").header("cookie", format!("lr_session={token}")),
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_hand_off_answers_only_a_top_level_navigation_started_by_a_page_of_the_app() {
    let (old, _) = keys();
    let app = app(&Keys::serving(jwks(&[old])));
    let token = old.sign(&claims());
    let hand_off = || {
        Request::builder()
            .uri(format!("/session/new?token={token}"))
            .header("host", "app.example.com")
    };
    // your own hand-off link, opened from a mail client, a chat, a PDF or a QR code: the
    // browser says no page started it; it would sign the reader in as you (login CSRF)
    let r = send(&app, hand_off().header("sec-fetch-site", "none")).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(header(&r, "set-cookie").is_empty());
    // a same-origin subresource (an <img src> on a page that shows user content)
    let r = send(
        &app,
        hand_off()
            .header("sec-fetch-site", "same-origin")
            .header("sec-fetch-mode", "no-cors")
            .header("sec-fetch-dest", "image"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(header(&r, "set-cookie").is_empty());
    // a frame
    let r = send(
        &app,
        hand_off()
            .header("sec-fetch-site", "same-origin")
            .header("sec-fetch-mode", "navigate")
            .header("sec-fetch-dest", "iframe"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // what the kit does: a top-level navigation from a page of the app
    let r = send(
        &app,
        hand_off()
            .header("sec-fetch-site", "same-origin")
            .header("sec-fetch-mode", "navigate")
            .header("sec-fetch-dest", "document"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_redirect_is_a_local_path_or_the_default() {
    let (old, _) = keys();
    let app = app(&Keys::serving(jwks(&[old])));
    let token = old.sign(&claims());
    for redirect in [
        "",
        "//evil.example",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "/\r\nSet-Cookie: x=1",
        "account",
    ] {
        let encoded: String = form_urlencoded(redirect);
        let r = send(
            &app,
            same_origin(
                "GET",
                &format!("/session/new?token={token}&redirect={encoded}"),
            ),
        )
        .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{redirect:?}");
        assert_eq!(header(&r, "location"), "/", "{redirect:?}");
    }
}

fn form_urlencoded(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn cross_site_requests_are_refused() {
    let (old, _) = keys();
    let app = app(&Keys::serving(jwks(&[old])));
    let token = old.sign(&claims());
    let uri = format!("/session/new?token={token}");
    let base = || {
        Request::builder()
            .uri(&uri)
            .header("host", "app.example.com")
    };
    for (what, request, allowed) in [
        (
            "cross-site",
            base().header("sec-fetch-site", "cross-site"),
            false,
        ),
        (
            "same-site (a sibling subdomain)",
            base().header("sec-fetch-site", "same-site"),
            false,
        ),
        (
            // nothing the kit does: it always reaches the hand-off from a page of the app
            "typed, bookmarked, or opened from outside the browser",
            base().header("sec-fetch-site", "none"),
            false,
        ),
        (
            "no fetch metadata, another origin",
            base().header("origin", "https://evil.example"),
            false,
        ),
        (
            "no fetch metadata, another page",
            base().header("referer", "https://evil.example/x"),
            false,
        ),
        (
            "no fetch metadata, this origin's page",
            base().header("referer", "https://app.example.com/auth/sign-in"),
            true,
        ),
        ("nothing said", base(), false),
    ] {
        let r = send(&app, request).await;
        let expected = if allowed {
            StatusCode::SEE_OTHER
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(r.status(), expected, "{what}");
        assert_eq!(r.headers().contains_key("set-cookie"), allowed, "{what}");
    }
    let r = send(
        &app,
        Request::builder()
            .method("POST")
            .uri("/session/logout")
            .header("host", "app.example.com")
            .header("sec-fetch-site", "cross-site"),
    )
    .await;
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "a page elsewhere can't sign the user out"
    );
}

#[tokio::test]
async fn bad_input_is_a_4xx_that_never_echoes_the_token() {
    let (old, _) = keys();
    let source = Keys::serving(jwks(&[old]));
    let app = app(&source);
    let mut expired = claims();
    expired["exp"] = json!(now() - 3600);
    let expired = old.sign(&expired);
    for (uri, status) in [
        ("/session/new".to_owned(), StatusCode::BAD_REQUEST),
        ("/session/new?token=".to_owned(), StatusCode::BAD_REQUEST),
        (
            "/session/new?token=%ZZ%".to_owned(),
            StatusCode::UNAUTHORIZED,
        ),
        (
            "/session/new?token=not.a.jwt".to_owned(),
            StatusCode::UNAUTHORIZED,
        ),
        (
            format!("/session/new?token={expired}"),
            StatusCode::UNAUTHORIZED,
        ),
    ] {
        let r = send(&app, same_origin("GET", &uri)).await;
        assert_eq!(r.status(), status, "{uri}");
        assert!(!r.headers().contains_key("set-cookie"), "{uri}");
        assert!(
            !text(r).await.contains("eyJ"),
            "{uri}: the token is not echoed"
        );
    }
    for cookie in [
        String::new(),
        "__Host-lr_session=".into(),
        "__Host-lr_session=garbage".into(),
        format!("__Host-lr_session={expired}"),
    ] {
        let r = send(
            &app,
            same_origin("GET", "/account").header("cookie", &cookie),
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{cookie}");
        let r = send(&app, same_origin("GET", "/").header("cookie", &cookie)).await;
        assert_eq!(text(r).await, "hello stranger", "{cookie}");
    }
    // the realm's keys down: the server's problem (503), not a signed-out user
    let down = Keys::serving(String::new());
    down.set(Err("connection refused".into()));
    let app = self::app(&down);
    let good = format!("__Host-lr_session={}", old.sign(&claims()));
    for uri in ["/account", "/"] {
        let r = send(&app, same_origin("GET", uri).header("cookie", &good)).await;
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE, "{uri}");
    }
}

#[tokio::test]
async fn sign_out_clears_the_cookie() {
    let (old, _) = keys();
    let app = app(&Keys::serving(jwks(&[old])));
    let r = send(
        &app,
        same_origin("POST", "/session/logout").header(
            "cookie",
            format!("__Host-lr_session={}", old.sign(&claims())),
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&r, "location"), "/");
    assert_eq!(
        header(&r, "set-cookie"),
        "__Host-lr_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure"
    );
}

/// With `ending_loginrocket_sessions`, sign-out ends the LoginRocket session too (the
/// emulator's `GET session` for it is then a 403); without it, the session lives on.
#[tokio::test]
async fn sign_out_can_end_the_loginrocket_session() {
    use loginrocket::{GetSessionParams, Response as LrResponse, Source};
    use loginrocket_axum::HttpKeys;
    let emu = loginrocket_emulator::spawn(loginrocket_emulator::seed::Seed::demo())
        .await
        .unwrap();
    for ends in [false, true] {
        let (client, login) = common::emulator_sign_in(&emu).await;
        let mut auth = LoginRocketAuth::new(
            Verifier::new(
                HttpKeys::for_loginrocket(&emu.lr_url()),
                VerifierConfig::default(),
            ),
            SessionConfig::default(),
        );
        if ends {
            auth = auth.ending_loginrocket_sessions(&emu.lr_url()).unwrap();
        }
        let app: Router = auth.routes().with_state(auth);
        let r = send(
            &app,
            same_origin("POST", "/session/logout").header(
                "cookie",
                format!("__Host-lr_session={}", login.token.expose()),
            ),
        )
        .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(header(&r, "set-cookie").contains("Max-Age=0"));
        let after = client
            .get_session(&GetSessionParams::new(login.session.clone()))
            .await;
        if ends {
            assert!(
                matches!(after, Ok(LrResponse::Error(ref e)) if e.source == Some(Source::AccessDenied)),
                "{after:?}"
            );
        } else {
            assert!(matches!(after, Ok(LrResponse::FullLogin(_))), "{after:?}");
        }
    }
}

const LR_URL: &str = "https://sample.e2.loginrocket.com/";

/// The app, with sign-in on the realm's hosted pages.
fn hosted_app(source: &Keys) -> Router {
    let auth = LoginRocketAuth::new(
        Verifier::new(source.clone(), VerifierConfig::default()),
        SessionConfig::default(),
    )
    .with_hosted_login(LR_URL, "https://app.example.com")
    .unwrap();
    Router::new().merge(auth.routes()).with_state(auth)
}

/// The query parameter `name` of `url`.
fn param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    form_urlencoded::parse(query.as_bytes())
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.into_owned())
}

/// A hosted page's return: a cross-site top-level navigation to `uri`, with `cookie`.
fn hosted_return(uri: &str, cookie: Option<&str>) -> axum::http::request::Builder {
    let request = Request::builder()
        .uri(uri)
        .header("host", "app.example.com")
        .header("sec-fetch-site", "cross-site")
        .header("sec-fetch-mode", "navigate")
        .header("sec-fetch-dest", "document");
    match cookie {
        Some(c) => request.header("cookie", c),
        None => request,
    }
}

#[tokio::test]
async fn a_hosted_sign_in_starts_with_a_state_cookie_and_returns_signed_in_once() {
    let (old, _) = keys();
    let app = hosted_app(&Keys::serving(jwks(&[old])));
    let r = send(
        &app,
        same_origin("GET", "/session/start?redirect=%2Faccount"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let location = header(&r, "location").to_owned();
    assert!(
        location.starts_with("https://sample.e2.loginrocket.com/login?redirect_uri="),
        "{location}"
    );
    let redirect_uri = param(&location, "redirect_uri").unwrap();
    assert!(
        redirect_uri.starts_with("https://app.example.com/session/new?"),
        "{redirect_uri}"
    );
    assert_eq!(
        param(&redirect_uri, "redirect").as_deref(),
        Some("/account")
    );
    let state = param(&redirect_uri, "state").unwrap();
    assert!(state.len() >= 32, "{state}");
    let set = header(&r, "set-cookie");
    assert!(
        set.starts_with(&format!(
            "__Host-lr_state={state}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600; Secure"
        )),
        "{set}"
    );
    assert_eq!(header(&r, "cache-control"), "no-store");
    // a second start is another state
    let again = send(&app, same_origin("GET", "/session/start")).await;
    let other = param(
        &param(header(&again, "location"), "redirect_uri").unwrap(),
        "state",
    );
    assert_ne!(other.as_deref(), Some(state.as_str()));
    // prompt=login forces a fresh sign-in there
    let fresh = send(&app, same_origin("GET", "/session/start?prompt=login")).await;
    assert!(header(&fresh, "location").ends_with("&prompt=login"));
    // a social provider is asked for by its id; anything else is left out
    let google = send(&app, same_origin("GET", "/session/start?provider=google")).await;
    assert!(header(&google, "location").ends_with("&provider=google"));
    for odd in ["Google", "a%26b%3Dc", "x%22", ""] {
        let sent = send(
            &app,
            same_origin("GET", &format!("/session/start?provider={odd}")),
        )
        .await;
        assert!(!header(&sent, "location").contains("provider="), "{odd}");
    }

    // the hosted page comes back with ?token=: cross-site, with the state cookie
    let token = old.sign(&claims());
    let back = format!("{redirect_uri}&token={token}");
    let path = back.trim_start_matches("https://app.example.com");
    let r = send(
        &app,
        hosted_return(path, Some(&format!("__Host-lr_state={state}"))),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&r, "location"), "/account");
    let cookies: Vec<&str> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with(&format!("__Host-lr_session={token};"))),
        "{cookies:?}"
    );
    // the state is spent with it
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("__Host-lr_state=;") && c.contains("Max-Age=0")),
        "{cookies:?}"
    );
    // and the same return again, the cookie gone: not signed in (the token leaves the
    // address, and nothing is set)
    let r = send(&app, hosted_return(path, None)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&r, "location"), "/session/new");
    assert!(!r.headers().contains_key("set-cookie"));
}

#[tokio::test]
async fn a_hosted_return_this_browser_did_not_start_signs_nobody_in_and_says_so() {
    let (old, _) = keys();
    let hosted = hosted_app(&Keys::serving(jwks(&[old])));
    let token = old.sign(&claims());
    for (what, uri, cookie) in [
        // a bookmarked hosted page, or a link an attacker sent (their own token)
        (
            "no state at all",
            format!("/session/new?token={token}"),
            None,
        ),
        (
            "a state, no cookie",
            format!("/session/new?state=abc&token={token}"),
            None,
        ),
        (
            "another state than the cookie's",
            format!("/session/new?state=abc&token={token}"),
            Some("__Host-lr_state=def"),
        ),
        (
            "a cookie that was never a __Host- one",
            format!("/session/new?state=abc&token={token}"),
            Some("lr_state=abc"),
        ),
    ] {
        // first the token leaves the address bar (and the history): the same route, bare
        let r = send(&hosted, hosted_return(&uri, cookie)).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{what}");
        assert_eq!(header(&r, "location"), "/session/new", "{what}");
        assert!(!r.headers().contains_key("set-cookie"), "{what}");
        // then, still a navigation no page of the app started, the page that says why
        let r = send(&hosted, hosted_return("/session/new", cookie)).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{what}");
        assert!(!r.headers().contains_key("set-cookie"), "{what}");
        let page = text(r).await;
        assert!(page.contains("did not start in this browser"), "{what}");
        assert!(page.contains("href=\"/session/start\""), "{what}");
        assert!(!page.contains("eyJ"), "{what}: the token is not echoed");
    }
    // with the state, but as an image: no
    let r = send(
        &hosted,
        Request::builder()
            .uri(format!("/session/new?state=abc&token={token}"))
            .header("host", "app.example.com")
            .header("sec-fetch-site", "cross-site")
            .header("sec-fetch-mode", "no-cors")
            .header("sec-fetch-dest", "image")
            .header("cookie", "__Host-lr_state=abc"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // without hosted sign-in, there is no start route
    let plain = app(&Keys::serving(jwks(&[old])));
    assert_eq!(
        send(&plain, same_origin("GET", "/session/start"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_hosted_accounts_page_opens_for_the_cookies_session_and_comes_back_through_the_hand_off(
) {
    let (old, _) = keys();
    let app = hosted_app(&Keys::serving(jwks(&[old])));
    let token = old.sign(&claims());
    let signed_in =
        |uri: &str| same_origin("GET", uri).header("cookie", format!("__Host-lr_session={token}"));
    let r = send(
        &app,
        signed_in("/session/start?page=accounts&redirect=%2Fbilling"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let location = header(&r, "location");
    assert!(
        location.starts_with("https://sample.e2.loginrocket.com/accounts?redirect_uri="),
        "{location}"
    );
    // the session it is for, as AuthRocket documents (`session=`)
    assert_eq!(param(location, "session").as_deref(), Some("kss_secret"));
    let back = param(location, "redirect_uri").unwrap();
    assert!(
        back.starts_with("https://app.example.com/session/new?state="),
        "{back}"
    );
    assert_eq!(param(&back, "redirect").as_deref(), Some("/billing"));
    let state = param(&back, "state").unwrap();
    assert!(header(&r, "set-cookie").starts_with(&format!("__Host-lr_state={state};")));
    // the profile page too
    let r = send(&app, signed_in("/session/start?page=profile")).await;
    assert!(header(&r, "location").starts_with("https://sample.e2.loginrocket.com/profile?"));

    // without a session there is nothing to open; an unknown page is no page
    let r = send(&app, same_origin("GET", "/session/start?page=accounts")).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(!r.headers().contains_key("set-cookie"));
    let r = send(&app, signed_in("/session/start?page=billing")).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // a forged cookie opens nothing either
    let forged = same_origin("GET", "/session/start?page=accounts")
        .header("cookie", "__Host-lr_session=e30.e30.c2ln");
    assert_eq!(send(&app, forged).await.status(), StatusCode::UNAUTHORIZED);
}
