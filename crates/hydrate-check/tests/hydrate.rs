//! The sign-in form as `crates/ssr-check` rendered it on the server, hydrated in headless
//! Chromium: the form becomes live with no hydration error, and what the user typed before
//! the wasm arrived is still there (and is what the form sends). `scripts/test.sh` runs the
//! server half first.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_loginrocket::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SERVER_HTML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../target/hydration-fixtures/login.html"
));

fn input(id: &str) -> web_sys::HtmlInputElement {
    document().get_element_by_id(id).unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn the_server_rendered_sign_in_form_hydrates_and_keeps_what_was_typed() {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_inner_html(SERVER_HTML);
    document().body().unwrap().append_child(&host).unwrap();
    // typed before the wasm arrived
    input("lr-login-1-email").set_value("ann@example.com");
    input("lr-login-1-password").set_value("early-typed-password");

    let handle = leptos::mount::hydrate_from(host.clone(), || {
        view! {
            <LoginRocketProvider url="https://sample.e2.loginrocket.com/"><LoginForm/></LoginRocketProvider>
        }
    });
    leptos::task::tick().await;

    // the same markup, now live: one form, the values kept
    assert_eq!(host.query_selector_all("form").unwrap().length(), 1);
    assert_eq!(input("lr-login-1-email").value(), "ann@example.com");
    assert_eq!(input("lr-login-1-password").value(), "early-typed-password");
    // live: the submit button, disabled in the server's markup, is enabled
    let submit: web_sys::HtmlButtonElement = host
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!submit.disabled(), "enabled once hydrated");
    // live: the password toggle works
    let toggle: web_sys::HtmlElement = host
        .query_selector(".lr-field__toggle")
        .unwrap()
        .unwrap()
        .unchecked_into();
    toggle.click();
    leptos::task::tick().await;
    assert_eq!(input("lr-login-1-password").type_(), "text");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    handle.forget();
}
