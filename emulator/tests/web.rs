//! LoginRocket Web, the hosted pages: sign-in, 2FA, account choice, signup, profile, logout
//! and the emulated social providers, driven as a browser would (forms, cookies, redirects).

mod common;

use common::*;
use reqwest::redirect::Policy;
use reqwest::StatusCode;
use serde_json::{json, Value};

const APP: &str = "http://127.0.0.1:8080/auth/callback";

/// An emulator whose realm sends sign-ins back to [`APP`]'s origin.
async fn hosted() -> Emu {
    let emu = start().await;
    emu.realm(json!({ "login_urls": [APP] })).await;
    emu
}

/// A browser-ish client: no redirects followed, `Sec-Fetch-Site: same-origin` on posts.
struct Browser<'a> {
    emu: &'a Emu,
    http: reqwest::Client,
    cookie: Option<String>,
}

struct Page {
    status: StatusCode,
    location: Option<String>,
    set_cookie: Option<String>,
    body: String,
}

impl<'a> Browser<'a> {
    fn new(emu: &'a Emu) -> Self {
        let http = reqwest::Client::builder()
            .redirect(Policy::none())
            .build()
            .unwrap();
        Browser {
            emu,
            http,
            cookie: None,
        }
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Page {
        let req = match &self.cookie {
            Some(c) => req.header("cookie", format!("lr_web={c}")),
            None => req,
        };
        let resp = req.send().await.unwrap();
        let header = |n: &str| {
            resp.headers()
                .get(n)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        let (location, set_cookie) = (header("location"), header("set-cookie"));
        if let Some(c) = &set_cookie {
            let value = c.split(';').next().unwrap().trim_start_matches("lr_web=");
            self.cookie = Some(value.to_owned()).filter(|v| !v.is_empty());
        }
        Page {
            status: resp.status(),
            location,
            set_cookie,
            body: resp.text().await.unwrap(),
        }
    }

    async fn get(&mut self, path_and_query: &str) -> Page {
        let url = format!("{}{path_and_query}", self.emu.running.url);
        self.send(self.http.get(url)).await
    }

    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        let url = format!("{}{path}", self.emu.running.url);
        let req = self
            .http
            .post(url)
            .form(form)
            .header("sec-fetch-site", "same-origin");
        self.send(req).await
    }
}

/// The token a `303` carries back to the app, after checking where it goes.
fn returned_token(page: &Page, to: &str) -> String {
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let location = page.location.as_deref().expect("a Location");
    let url = url::Url::parse(location).unwrap();
    assert!(location.starts_with(to), "{location} should go to {to}");
    url.query_pairs()
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.into_owned())
        .expect("?token=")
}

fn query(path: &str, pairs: &[(&str, &str)]) -> String {
    let q = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("{path}?{q}")
}

#[tokio::test]
async fn the_sign_in_page_is_localized_accessible_html_with_the_realms_providers() {
    let emu = hosted().await;
    let mut browser = Browser::new(&emu);
    let page = browser
        .get(&query("/login", &[("redirect_uri", APP), ("locale", "es")]))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = &page.body;
    assert!(
        html.starts_with("<!doctype html><html lang=\"es\">"),
        "{html}"
    );
    assert!(html.contains("<title>Inicia sesión en Demo realm</title>"));
    assert!(html.contains("<main><h1>Inicia sesión en Demo realm</h1>"));
    assert!(html.contains("<label for=\"email\">Correo electrónico</label><input id=\"email\""));
    assert!(html.contains("autocomplete=\"current-password\""));
    assert!(html.contains(">Continuar con Google (emulado)</a>"));
    assert!(html.contains("href=\"/social/google?redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fauth%2Fcallback&amp;locale=es\""));
    // Accept-Language when no `locale=` is given
    let ja = browser
        .send(
            browser
                .http
                .get(format!("{}/login", emu.running.url))
                .header("accept-language", "ja"),
        )
        .await;
    assert!(ja.body.contains("<html lang=\"ja\">"));
}

#[tokio::test]
async fn a_sign_in_goes_back_to_the_redirect_uri_with_a_token_of_a_live_session() {
    let emu = hosted().await;
    let mut browser = Browser::new(&emu);
    let back = format!("{APP}?state=s1");
    let page = browser
        .post(
            "/login",
            &[
                ("email", "ann@example.com"),
                ("password", PASSWORD),
                ("redirect_uri", &back),
            ],
        )
        .await;
    let token = returned_token(&page, &format!("{back}&token="));
    let claims = verified_claims(&emu, &token).await;
    assert_eq!(claims["iss"], "https://authrocket.com");
    assert_eq!(claims["email"], "ann@example.com");
    let cookie = page.set_cookie.unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    // the token names a session the API knows
    let sid = claims["sid"].as_str().unwrap();
    let session = emu
        .client
        .get_session(&loginrocket::GetSessionParams::new(sid))
        .await
        .unwrap();
    assert!(
        matches!(session, loginrocket::Response::FullLogin(_)),
        "{session:?}"
    );
}

#[tokio::test]
async fn a_wrong_password_shows_the_form_again_with_the_message_and_the_email() {
    let emu = hosted().await;
    let mut browser = Browser::new(&emu);
    let page = browser
        .post(
            "/login",
            &[
                ("email", "ann@example.com"),
                ("password", "nope"),
                ("redirect_uri", APP),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.body
            .contains("role=\"alert\"><ul><li>Login failed</li>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("value=\"ann@example.com\""));
    assert!(page.body.contains("aria-invalid=\"true\""));
    assert!(page.location.is_none() && browser.cookie.is_none());
}

#[tokio::test]
async fn a_redirect_uri_off_the_login_urls_is_a_page_never_a_redirect() {
    let emu = hosted().await;
    let mut browser = Browser::new(&emu);
    for uri in [
        "https://evil.test/steal",
        "http://127.0.0.1:8081/auth/callback",
        "javascript:alert(1)",
    ] {
        let page = browser
            .get(&query("/login", &[("redirect_uri", uri)]))
            .await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(page.location.is_none());
        assert!(
            page.body
                .contains("This address can&#39;t receive a sign-in"),
            "{}",
            page.body
        );
        let post = browser
            .post(
                "/login",
                &[
                    ("email", "ann@example.com"),
                    ("password", PASSWORD),
                    ("redirect_uri", uri),
                ],
            )
            .await;
        assert_eq!(post.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(post.location.is_none() && post.set_cookie.is_none());
    }
    // `*` in allowed_origins is no Login URL
    let open = start().await;
    let mut browser = Browser::new(&open);
    let page = browser
        .get(&query("/login", &[("redirect_uri", APP)]))
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_hosted_session_signs_in_again_at_once_unless_prompt_login() {
    let emu = hosted().await;
    let mut browser = Browser::new(&emu);
    let first = browser
        .post(
            "/login",
            &[
                ("email", "ann@example.com"),
                ("password", PASSWORD),
                ("redirect_uri", APP),
            ],
        )
        .await;
    returned_token(&first, APP);
    let again = browser
        .get(&query("/login", &[("redirect_uri", APP)]))
        .await;
    let token = returned_token(&again, APP);
    assert_eq!(
        verified_claims(&emu, &token).await["email"],
        "ann@example.com"
    );
    let forced = browser
        .get(&query(
            "/login",
            &[("redirect_uri", APP), ("prompt", "login")],
        ))
        .await;
    assert_eq!(forced.status, StatusCode::OK);
    assert!(forced.body.contains("name=\"password\""));
    // without redirect_uri: the first Login URL
    let default = browser.get("/login").await;
    returned_token(&default, APP);
}

#[tokio::test]
async fn two_factor_and_account_choice_are_pages() {
    let emu = hosted().await;
    let mut browser = Browser::new(&emu);
    let page = browser
        .post(
            "/login",
            &[
                ("email", "tom@example.com"),
                ("password", PASSWORD),
                ("redirect_uri", APP),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("action=\"/login/verify\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("autocomplete=\"one-time-code\""));
    let wrong = browser
        .post(
            "/login/verify",
            &[("code", "000000"), ("redirect_uri", APP)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let code = emu.control("GET", "totp?email=tom@example.com", None).await["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let done = browser
        .post("/login/verify", &[("code", &code), ("redirect_uri", APP)])
        .await;
    returned_token(&done, APP);

    let mut browser = Browser::new(&emu);
    let page = browser
        .post(
            "/login",
            &[
                ("email", "mia@example.com"),
                ("password", PASSWORD),
                ("redirect_uri", APP),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(">Globex</button>"), "{}", page.body);
    let globex = page
        .body
        .split("value=\"")
        .nth(3)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert!(globex.starts_with("org_"), "{}", page.body);
    let chosen = browser
        .post("/accounts", &[("account", &globex), ("redirect_uri", APP)])
        .await;
    let claims = verified_claims(&emu, &returned_token(&chosen, APP)).await;
    let selected: Vec<&Value> = claims["orgs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["selected"] == true)
        .collect();
    assert_eq!(selected.len(), 1);
    assert_eq!(selected[0]["name"], "Globex");
    // the hosted accounts page switches back
    let list = browser
        .get(&query("/accounts", &[("redirect_uri", APP)]))
        .await;
    assert!(
        list.body.contains("aria-current=\"true\">Globex"),
        "{}",
        list.body
    );
    let acme = list
        .body
        .split("value=\"")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let switched = browser
        .post("/accounts", &[("account", &acme), ("redirect_uri", APP)])
        .await;
    let claims = verified_claims(&emu, &returned_token(&switched, APP)).await;
    assert!(claims["orgs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["selected"] == true && o["name"] == "Acme"));
    // another user's account: no
    let foreign = browser
        .post(
            "/accounts",
            &[("account", "org_nope"), ("redirect_uri", APP)],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_api_session_opens_the_accounts_page_and_leaves_the_address() {
    let emu = hosted().await;
    let session = emu
        .control(
            "POST",
            "sessions",
            Some(json!({"email": "mia@example.com"})),
        )
        .await["session"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut browser = Browser::new(&emu);
    let page = browser
        .get(&query(
            "/accounts",
            &[("session", &session), ("redirect_uri", APP)],
        ))
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let location = page.location.unwrap();
    assert!(!location.contains("kss_"), "{location}");
    assert_eq!(browser.cookie.as_deref(), Some(session.as_str()));
    let list = browser.get(&location).await;
    assert!(list.body.contains(">Acme</button>") && list.body.contains(">Globex</button>"));
    // no session at all: to sign in first
    let stranger = Browser::new(&emu)
        .get(&query("/accounts", &[("redirect_uri", APP)]))
        .await;
    assert_eq!(stranger.status, StatusCode::SEE_OTHER);
    assert!(stranger
        .location
        .unwrap()
        .starts_with("/login?redirect_uri="));
}

#[tokio::test]
async fn a_social_sign_in_signs_up_a_new_user_and_links_an_existing_one_by_email() {
    let emu = hosted().await;
    let mut browser = Browser::new(&emu);
    let consent = browser
        .get(&query("/social/google", &[("redirect_uri", APP)]))
        .await;
    assert_eq!(consent.status, StatusCode::OK);
    assert!(
        consent.body.contains("<h1>Google (emulated)</h1>"),
        "{}",
        consent.body
    );
    let new = browser
        .post(
            "/social/google",
            &[
                ("email", "gia@example.com"),
                ("first_name", "Gia"),
                ("last_name", "Google"),
                ("redirect_uri", APP),
            ],
        )
        .await;
    let claims = verified_claims(&emu, &returned_token(&new, APP)).await;
    assert_eq!(
        (claims["email"].as_str(), claims["name"].as_str()),
        (Some("gia@example.com"), Some("Gia Google"))
    );
    assert_eq!(claims["email_verified"], true);

    let mut browser = Browser::new(&emu);
    let linked = browser
        .post(
            "/social/google",
            &[("email", "ANN@example.com"), ("redirect_uri", APP)],
        )
        .await;
    let claims = verified_claims(&emu, &returned_token(&linked, APP)).await;
    assert_eq!(claims["email"], "ann@example.com");
    assert_eq!(
        claims["name"], "Ann Example",
        "the existing user, not a new one"
    );

    // a provider the realm does not have
    let none = Browser::new(&emu).get("/social/github").await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    // a new user where signup is closed
    emu.realm(json!({"signup": "closed"})).await;
    let closed = Browser::new(&emu)
        .post(
            "/social/google",
            &[("email", "zed@example.com"), ("redirect_uri", APP)],
        )
        .await;
    assert_eq!(closed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(closed.body.contains("Signup is not available"));
}

#[tokio::test]
async fn a_social_sign_in_still_owes_the_users_second_factor() {
    let emu = hosted().await;
    let mut browser = Browser::new(&emu);
    let page = browser
        .post(
            "/social/google",
            &[("email", "tom@example.com"), ("redirect_uri", APP)],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("action=\"/login/verify\""));
}

#[tokio::test]
async fn signup_profile_and_logout() {
    let emu = hosted().await;
    let mut browser = Browser::new(&emu);
    let form = browser
        .get(&query("/signup", &[("redirect_uri", APP)]))
        .await;
    assert!(form.body.contains("autocomplete=\"new-password\""));
    let short = browser
        .post(
            "/signup",
            &[
                ("email", "sam@example.com"),
                ("password", "x"),
                ("redirect_uri", APP),
            ],
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        short.body.contains("Password is too short"),
        "{}",
        short.body
    );
    let done = browser
        .post(
            "/signup",
            &[
                ("email", "sam@example.com"),
                ("password", PASSWORD),
                ("first_name", "Sam"),
                ("redirect_uri", APP),
            ],
        )
        .await;
    returned_token(&done, APP);

    let profile = browser
        .get(&query("/profile", &[("redirect_uri", APP)]))
        .await;
    assert!(profile.body.contains("value=\"Sam\""), "{}", profile.body);
    let saved = browser
        .post(
            "/profile",
            &[
                ("first_name", "Samuel"),
                ("last_name", "Signup"),
                ("redirect_uri", APP),
            ],
        )
        .await;
    assert_eq!(
        verified_claims(&emu, &returned_token(&saved, APP)).await["name"],
        "Samuel Signup"
    );

    let sid = browser.cookie.clone().unwrap();
    let out = browser
        .get(&query("/logout", &[("redirect_uri", APP)]))
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location.as_deref(), Some(APP));
    assert!(out.set_cookie.unwrap().contains("Max-Age=0"));
    let ended = emu
        .client
        .get_session(&loginrocket::GetSessionParams::new(sid.as_str()))
        .await
        .unwrap();
    assert!(ended.as_error().is_some(), "{ended:?}");
    // a foreign redirect_uri on logout: the page that says so
    let foreign = browser
        .get(&query("/logout", &[("redirect_uri", "https://evil.test/")]))
        .await;
    assert_eq!(foreign.status, StatusCode::BAD_REQUEST);
    let plain = browser.get("/logout").await;
    assert_eq!(plain.location.as_deref(), Some("/login"));
}

#[tokio::test]
async fn a_form_posted_from_another_site_is_refused() {
    let emu = hosted().await;
    let http = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    for site in ["cross-site", "same-site"] {
        let resp = http
            .post(format!("{}/login", emu.running.url))
            .header("sec-fetch-site", site)
            .form(&[
                ("email", "ann@example.com"),
                ("password", PASSWORD),
                ("redirect_uri", APP),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::FORBIDDEN, "{site}");
        assert!(resp.headers().get("location").is_none());
    }
}

#[tokio::test]
async fn rate_limits_and_faults_apply_to_the_pages() {
    let emu = hosted().await;
    emu.realm(json!({"rate_limit_max": 1})).await;
    let mut browser = Browser::new(&emu);
    let form = [
        ("email", "ann@example.com"),
        ("password", "wrong"),
        ("redirect_uri", APP),
    ];
    assert_eq!(
        browser.post("/login", &form).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let limited = browser.post("/login", &form).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("Too many attempts"));

    emu.control(
        "POST",
        "faults",
        Some(json!({"path": "/login", "status": 503, "body": "down"})),
    )
    .await;
    let down = browser.get("/login").await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn the_pages_send_no_referrer_and_cannot_be_framed() {
    let emu = hosted().await;
    let resp = reqwest::get(format!("{}/login", emu.running.url))
        .await
        .unwrap();
    let h = resp.headers();
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert_eq!(h["cache-control"], "no-store");
    assert!(h["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
}
