//! The auth pages on leptos_router: each outcome leads to the right page, success goes to the
//! validated destination, and the guard sends visitors to sign in.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use serde_json::json;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn app() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| "not found">
                <Route path=path!("/") view=|| view! { <RequireSession><p id="home">"home"</p></RequireSession> }/>
                <Route path=path!("/billing") view=|| view! { <p id="billing">"billing"</p> }/>
                <AuthRoutes/>
            </Routes>
        </Router>
    }
}

#[wasm_bindgen_test]
async fn sign_in_then_two_factor_then_the_destination() {
    go("/auth/sign-in?redirect=%2Fbilling");
    let page = mount(app);
    until("sign-in page", || page.q("form.lr-form--login").is_some()).await;
    assert_eq!(page.text("h1"), "Sign in");
    page.type_into("input[name=email]", "tom@example.com");
    page.type_into("input[name=password]", "pw");
    page.mock.push_json(200, json!({"result": "conditional_login", "session": "kss_1", "account": null, "conditions": ["must_verify_login"]}));
    page.click("button[type=submit]");
    until("2FA page", || page.q("input[name=code]").is_some()).await;
    assert_eq!(here(), "/auth/two-factor?redirect=%2Fbilling");
    page.type_into("input[name=code]", "123456");
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": SUB_ONLY_JWT}),
    );
    page.click("button[type=submit]");
    until("destination", || page.q("#billing").is_some()).await;
    assert_eq!(here(), "/billing");
    page.unmount();
    go("/");
}

#[wasm_bindgen_test]
async fn a_hostile_destination_falls_back_and_the_picker_comes_first() {
    go("/auth/sign-in?redirect=%2F%2Fevil.com");
    let page = mount(app);
    until("sign-in page", || page.q("form.lr-form--login").is_some()).await;
    page.type_into("input[name=email]", "mia@example.com");
    page.type_into("input[name=password]", "pw");
    page.mock.push_json(200, json!({"result": "conditional_login", "session": "kss_2", "account": null,
        "conditions": ["no_account_selected"], "accounts": [{"id": "org_1", "name": "Acme"}, {"id": "org_2", "name": "Globex"}]}));
    page.click("button[type=submit]");
    until("picker", || page.q(".lr-accounts__choice").is_some()).await;
    assert!(here().starts_with("/auth/choose-account"));
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_2", "account": "org_2", "token": SUB_ONLY_JWT}),
    );
    page.click(".lr-accounts__list li:nth-child(2) button");
    until("home, not evil.com", || page.q("#home").is_some()).await;
    assert_eq!(here(), "/");
    page.unmount();
}

#[wasm_bindgen_test]
async fn the_guard_sends_visitors_to_sign_in_with_the_way_back() {
    go("/");
    let page = mount(app);
    until("redirected", || page.q("form.lr-form--login").is_some()).await;
    assert_eq!(here(), "/auth/sign-in?redirect=%2F");
    assert!(page.q("#home").is_none());
    // links between pages keep the way back
    page.click("a[href='/auth/sign-up?redirect=%2F']");
    until("sign-up page", || page.q("form.lr-form--signup").is_some()).await;
    assert_eq!(here(), "/auth/sign-up?redirect=%2F");
    page.unmount();
    go("/");
}

#[component]
fn GuardedHome() -> impl IntoView {
    let session = use_session();
    let switch = move |_| {
        leptos::task::spawn_local(session.store.choose_account());
    };
    let clicks = RwSignal::new(0);
    view! {
        <p id="home">"home"</p>
        <button id="count" on:click=move |_| clicks.update(|n| *n += 1)>{move || clicks.get()}</button>
        <button id="refresh" on:click=move |_| session.refresh.run(())>"refresh"</button>
        <button id="switch" on:click=switch>"switch"</button>
    }
}

#[wasm_bindgen_test]
async fn the_guard_keeps_its_content_across_new_tokens_and_sends_a_pending_step_to_its_page() {
    go("/auth/sign-in");
    let page = mount(|| {
        view! {
            <Router>
                <Routes fallback=|| "not found">
                    <Route path=path!("/") view=|| view! { <RequireSession><GuardedHome/></RequireSession> }/>
                    <AuthRoutes/>
                </Routes>
            </Router>
        }
    });
    until("sign-in page", || page.q("form.lr-form--login").is_some()).await;
    page.type_into("input[name=email]", "mia@example.com");
    page.type_into("input[name=password]", "pw");
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_3", "account": "org_1", "token": SUB_ONLY_JWT}),
    );
    page.click("button[type=submit]");
    until("home", || page.q("#home").is_some()).await;
    // a refresh brings a new token: the guarded content keeps its state
    page.click("#count");
    until("counted", || page.text("#count") == "1").await;
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_3", "account": "org_1", "token": format!("{SUB_ONLY_JWT}x")}),
    );
    page.click("#refresh");
    until("the refresh was sent", || page.mock.requests().len() == 2).await;
    settle().await;
    assert_eq!(page.text("#count"), "1");
    // "which account?": the guard sends the pending step to its page, with the way back
    page.mock.push_json(200, json!({"result": "conditional_login", "session": "kss_3", "account": null,
        "conditions": ["no_account_selected"], "accounts": [{"id": "org_1", "name": "Acme"}, {"id": "org_2", "name": "Globex"}]}));
    page.click("#switch");
    until("picker", || page.q(".lr-accounts__choice").is_some()).await;
    assert_eq!(here(), "/auth/choose-account?redirect=%2F");
    page.unmount();
    go("/");
}
