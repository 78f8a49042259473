//! The way back from the realm's hosted pages, and the hosted ways on the sign-in page: the
//! callback page signs in only with LoginRocket's answer (and, for a return this tab did not
//! start, only on a click), and "Last used" marks the way, never who.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use leptos_loginrocket::components::Provider;
use leptos_loginrocket::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use serde_json::json;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOOGLE: &[Provider] = &[Provider::new("google", "Google")];
const LAST_USED: &str = "leptos-loginrocket.last-sign-in";

fn hosted_app(remember: bool) -> impl Fn() -> AnyView + Copy {
    move || {
        let config = AuthConfig {
            hosted: HostedSignIn {
                providers: GOOGLE,
                remember_last_used: remember,
                ..HostedSignIn::default()
            },
            ..AuthConfig::default()
        };
        view! {
            <Router>
                <Routes fallback=|| "not found">
                    <Route path=path!("/billing") view=|| view! { <p id="billing">"billing"</p> }/>
                    <AuthRoutes config=config/>
                </Routes>
            </Router>
        }
        .into_any()
    }
}

/// Signs in with the password form, and waits for the destination.
async fn signed_in_with_password(page: &Page) {
    page.type_into("input[name=email]", "ann@example.com");
    page.type_into("input[name=password]", "pw");
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": SUB_ONLY_JWT}),
    );
    page.click("button[type=submit]");
    until("destination", || page.q("#billing").is_some()).await;
}

fn local() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn the_way_used_last_is_marked_and_kept_and_an_app_can_turn_it_off() {
    local().set_item(LAST_USED, "google").unwrap();
    go("/auth/sign-in?redirect=%2Fbilling");
    let page = mount(hosted_app(true));
    until("Last used on Google", || {
        page.q(".lr-hosted__choice .lr-badge").is_some()
    })
    .await;
    assert!(page
        .text(".lr-hosted__choice")
        .contains("Continue with Google"));
    signed_in_with_password(&page).await;
    assert_eq!(
        local().get_item(LAST_USED).unwrap().as_deref(),
        Some("password")
    );
    page.unmount();

    // off: nothing is shown, and nothing is written
    local().set_item(LAST_USED, "google").unwrap();
    go("/auth/sign-in?redirect=%2Fbilling");
    let page = mount(hosted_app(false));
    until("sign-in page", || page.q(".lr-hosted__choice").is_some()).await;
    signed_in_with_password(&page).await;
    assert!(page.q(".lr-badge").is_none());
    assert_eq!(
        local().get_item(LAST_USED).unwrap().as_deref(),
        Some("google")
    );
    local().remove_item(LAST_USED).unwrap();
    page.unmount();
    go("/");
}

/// A token with a session and an expiry an hour away.
fn returned_token() -> String {
    let exp = js_sys::Date::now() / 1000.0 + 3600.0;
    let claims = json!({"sub": "usr_1", "sid": "kss_9", "exp": exp, "email": "ann@example.com"});
    use base64::Engine;
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims.to_string());
    format!("e30.{payload}.c2ln")
}

#[wasm_bindgen_test]
async fn a_return_this_tab_started_signs_in_and_goes_where_it_was_going() {
    let state = "ab".repeat(16);
    let session = window().session_storage().unwrap().unwrap();
    session
        .set_item("leptos-loginrocket.hosted", &format!("{state}\n/billing"))
        .unwrap();
    let token = returned_token();
    go(&format!("/auth/callback?state={state}&token={token}"));
    let page = mount(hosted_app(true));
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_9", "account": "org_1", "token": token}),
    );
    until("destination", || page.q("#billing").is_some()).await;
    assert_eq!(here(), "/billing");
    // the state is good once, and LoginRocket was asked about the token's session
    assert_eq!(session.get_item("leptos-loginrocket.hosted").unwrap(), None);
    let asked = page.mock.requests();
    assert!(asked.iter().any(|r| r.url.contains("session=kss_9")));
    page.unmount();
    go("/");
}

#[wasm_bindgen_test]
async fn a_return_with_another_state_asks_first() {
    let session = window().session_storage().unwrap().unwrap();
    session
        .set_item(
            "leptos-loginrocket.hosted",
            &format!("{}\n/billing", "ab".repeat(16)),
        )
        .unwrap();
    let token = returned_token();
    go(&format!(
        "/auth/callback?state={}&token={token}",
        "cd".repeat(16)
    ));
    let page = mount(hosted_app(true));
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_9", "account": "org_1", "token": token}),
    );
    until("the question", || {
        page.q(".lr-callback__question").is_some()
    })
    .await;
    assert_eq!(
        page.text(".lr-callback__question"),
        "Continue as ann@example.com?"
    );
    // the address lost the token and the state before anything else
    assert_eq!(here(), "/auth/callback");
    page.click(".lr-callback .lr-form__actions button");
    // no destination from another sign-in's state: the default one
    until("signed in", || here() == "/").await;
    page.unmount();
    go("/");
}
