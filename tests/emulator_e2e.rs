//! `<LoginForm>` end to end: headless Chromium, the real `fetch` transport, and the local
//! LoginRocket emulator (started by `scripts/test.sh`, its address passed in as
//! `LR_EMULATOR_URL` at compile time).
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;
use loginrocket::{Condition, ConditionalLogin, Config, FullLogin, LoginRocket};
use serde_json::json;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn emulator() -> &'static str {
    match option_env!("LR_EMULATOR_URL") {
        Some(url) => url,
        None => panic!(
            "LR_EMULATOR_URL must name a running loginrocket-emulator (scripts/test.sh starts one)"
        ),
    }
}

async fn control(path: &str, body: serde_json::Value) {
    let resp = gloo_net::http::Request::post(&format!("{}/_emulator/{path}", emulator()))
        .json(&body)
        .unwrap()
        .send()
        .await
        .unwrap();
    assert!(resp.ok(), "control {path}: {}", resp.status());
}

struct Live {
    root: HtmlElement,
    locale: RwSignal<Locale>,
    login: RwSignal<Option<FullLogin>>,
    next: RwSignal<Option<ConditionalLogin>>,
    _handle: Box<dyn std::any::Any>,
}

impl Live {
    fn text(&self, css: &str) -> String {
        self.root
            .query_selector(css)
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }
    fn type_into(&self, css: &str, value: &str) {
        let input: web_sys::HtmlInputElement = self
            .root
            .query_selector(css)
            .unwrap()
            .unwrap()
            .unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }
    fn submit(&self) {
        self.root
            .query_selector("button[type=submit]")
            .unwrap()
            .unwrap()
            .unchecked_into::<HtmlElement>()
            .click();
    }
    fn disabled(&self) -> bool {
        self.root
            .query_selector("button[type=submit]")
            .unwrap()
            .unwrap()
            .has_attribute("disabled")
    }
}

fn mount_live() -> Live {
    let document = document();
    let root: HtmlElement = document.create_element("section").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let (locale, login, next) = (
        RwSignal::new(Locale::EN),
        RwSignal::new(None),
        RwSignal::new(None),
    );
    let client = LoginRocket::new(Config::new(emulator())).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let client = client.clone();
        view! {
            <LoginRocketProvider client=client locale=locale>
                <LoginForm on_login=move |f| login.set(Some(f)) on_conditional=move |c| next.set(Some(c))/>
            </LoginRocketProvider>
        }
    });
    Live {
        root,
        locale,
        login,
        next,
        _handle: Box::new(handle),
    }
}

#[wasm_bindgen_test]
async fn login_form_against_the_emulator() {
    control("reset", json!({})).await;
    let page = mount_live();
    settle().await;

    // wrong password: the server's localized message, in the form's alert
    page.type_into("input[name=email]", "ann@example.com");
    page.type_into("input[name=password]", "wrong-password");
    page.submit();
    until("Login failed", || {
        page.text("[role=alert]") == "Login failed"
    })
    .await;
    page.locale.set(Locale::ES);
    page.submit();
    until("Error al iniciar sesión", || {
        page.text("[role=alert]") == "Error al iniciar sesión"
    })
    .await;

    // rate limited: the countdown from the exposed Retry-After, then submit again
    control("faults", json!({"path": "login", "status": 429, "headers": {"Retry-After": "1"}, "body": {"result": "error"}})).await;
    page.submit();
    until("cooldown", || {
        page.text("[role=alert]").starts_with("Demasiados intentos")
    })
    .await;
    assert!(page.disabled());
    until("re-enabled", || !page.disabled()).await;

    // the right password
    page.type_into("input[name=password]", "demo-password");
    page.submit();
    until("signed in", || page.login.with_untracked(Option::is_some)).await;
    let login = page.login.get_untracked().unwrap();
    assert!(login.account.starts_with("org_"));
    assert!(login.session.expose().starts_with("kss_"));

    // a 2FA user: the next step, with no token
    page.type_into("input[name=email]", "tom@example.com");
    page.type_into("input[name=password]", "demo-password");
    page.submit();
    until("conditional", || page.next.with_untracked(Option::is_some)).await;
    assert_eq!(
        page.next.get_untracked().unwrap().conditions,
        vec![Condition::MustVerifyLogin]
    );

    // a hung request: the timeout state, and the form is usable again
    control("faults", json!({"path": "login", "delay_ms": 3000})).await;
    let slow =
        LoginRocket::new(Config::new(emulator()).timeout(std::time::Duration::from_millis(300)))
            .unwrap();
    let r = slow
        .login(&loginrocket::LoginParams::new(
            "ann@example.com",
            "demo-password",
        ))
        .await
        .unwrap();
    assert_eq!(
        r.as_error().unwrap().failure(),
        Some(&loginrocket::Failure::Timeout)
    );
    control("reset", json!({})).await;
    drop(page._handle);
    page.root.remove();
}

async fn control_get(path: &str) -> serde_json::Value {
    gloo_net::http::Request::get(&format!("{}/_emulator/{path}", emulator()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

struct App {
    root: HtmlElement,
    session: RwSignal<Option<UseSessionReturn>>,
    _handle: Box<dyn std::any::Any>,
}

impl App {
    fn q(&self, css: &str) -> Option<web_sys::Element> {
        self.root.query_selector(css).unwrap()
    }
    fn type_into(&self, css: &str, value: &str) {
        let input: web_sys::HtmlInputElement = self.q(css).unwrap().unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }
    fn click(&self, css: &str) {
        self.q(css)
            .unwrap_or_else(|| panic!("no {css}"))
            .unchecked_into::<HtmlElement>()
            .click();
    }
    fn state(&self) -> SessionState {
        self.session.get_untracked().unwrap().state.get_untracked()
    }
}

/// The auth pages on the real client and the emulator.
fn mount_app() -> App {
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::path;
    let document = document();
    let root: HtmlElement = document.create_element("section").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let session = RwSignal::new(None);
    let client = LoginRocket::new(Config::new(emulator())).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let client = client.clone();
        view! {
            <LoginRocketProvider client=client>
                {session.set(Some(use_session()))}
                <Router>
                    <Routes fallback=|| "not found">
                        <Route path=path!("/") view=|| view! { <RequireSession><p id="home">"home"</p><LogoutButton/></RequireSession> }/>
                        <AuthRoutes/>
                    </Routes>
                </Router>
            </LoginRocketProvider>
        }
    });
    App {
        root,
        session,
        _handle: Box::new(handle),
    }
}

#[wasm_bindgen_test]
async fn two_factor_user_signs_in_through_the_auth_pages() {
    control("reset", json!({})).await;
    go("/auth/sign-in");
    let app = mount_app();
    until("sign-in", || app.q("form.lr-form--login").is_some()).await;
    app.type_into("input[name=email]", "tom@example.com");
    app.type_into("input[name=password]", "demo-password");
    app.click("button[type=submit]");
    until("2FA page", || app.q("input[name=code]").is_some()).await;
    assert!(matches!(app.state(), SessionState::Conditional(_)));
    let code = control_get("totp?email=tom@example.com").await["code"]
        .as_str()
        .unwrap()
        .to_owned();
    // pasted with a space, as from an authenticator app
    app.type_into(
        "input[name=code]",
        &format!("{} {}", &code[..3], &code[3..]),
    );
    app.click("button[type=submit]");
    until("home", || app.q("#home").is_some()).await;
    assert!(app.state().is_signed_in());
    assert_eq!(here(), "/");

    // sign out, then the session is over on the server too
    let session = app.state().session().cloned().unwrap();
    app.click(".lr-logout");
    until("signed out", || app.state() == SessionState::SignedOut).await;
    until("back to sign-in", || app.q("form.lr-form--login").is_some()).await;
    let r = LoginRocket::new(Config::new(emulator()))
        .unwrap()
        .get_session(&loginrocket::GetSessionParams::new(session))
        .await
        .unwrap();
    assert_eq!(
        r.as_error().unwrap().source,
        Some(loginrocket::Source::AccessDenied)
    );
    drop(app._handle);
    app.root.remove();
    go("/");
}

#[wasm_bindgen_test]
async fn multi_org_user_signs_in_through_the_picker() {
    control("reset", json!({})).await;
    go("/auth/sign-in");
    let app = mount_app();
    until("sign-in", || app.q("form.lr-form--login").is_some()).await;
    app.type_into("input[name=email]", "mia@example.com");
    app.type_into("input[name=password]", "demo-password");
    app.click("button[type=submit]");
    until("picker", || {
        app.root
            .query_selector_all(".lr-accounts__choice")
            .unwrap()
            .length()
            == 2
    })
    .await;
    assert_eq!(
        app.q(".lr-accounts__list li:nth-child(2) button")
            .unwrap()
            .text_content()
            .unwrap(),
        "Globex"
    );
    app.click(".lr-accounts__list li:nth-child(2) button");
    until("home", || app.q("#home").is_some()).await;
    match app.state() {
        // every membership is in the token, the chosen one selected (as AuthRocket's are)
        SessionState::SignedIn { claims, .. } => {
            let orgs = claims.0["orgs"].as_array().unwrap();
            let selected: Vec<_> = orgs.iter().filter(|o| o["selected"] == true).collect();
            assert_eq!(orgs.len(), 2);
            assert_eq!(selected.len(), 1);
            assert_eq!(selected[0]["name"], "Globex");
        }
        other => panic!("{other:?}"),
    }
    drop(app._handle);
    app.root.remove();
    go("/");
}
