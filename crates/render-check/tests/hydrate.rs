//! The kit's components as `tests/render.rs` rendered them on the server, hydrated in
//! headless Chromium: each becomes live with no hydration error and nothing said on the
//! console, and what the user typed before the wasm arrived is still there. `scripts/test.sh`
//! runs the server half first.
#![cfg(all(feature = "hydrate", target_arch = "wasm32"))]

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

use render_check::forms;

/// Every server render `tests/render.rs` wrote (`forms::FIXTURES`: `include_str!` takes a
/// literal).
const SERVER_HTML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../target/hydration-fixtures/components.txt"
));

/// What Leptos' hydration script (`HydrationScripts`, in every hydrated page's head) defines
/// before the wasm runs: the server's serialized values (none here), which the kit reads for
/// what the server said of forms posted without the wasm.
fn leptos_hydration_globals() {
    js_sys::eval(
        "globalThis.__RESOLVED_RESOURCES ??= []; globalThis.__SERIALIZED_ERRORS ??= []; \
         globalThis.__INCOMPLETE_CHUNKS ??= [];",
    )
    .unwrap();
}

/// The server's markup of `name` in a new host element in the document.
fn host_with(name: &str) -> web_sys::HtmlElement {
    leptos_hydration_globals();
    let html = forms::server_html(SERVER_HTML, name)
        .unwrap_or_else(|| panic!("no server render of {name}: run the ssr mode first"));
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_inner_html(html);
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// Records what is said on `console.warn` and `console.error` from now on (and still says it).
fn record_console() -> js_sys::Array {
    let seen = js_sys::Array::new();
    let install = js_sys::Function::new_with_args(
        "seen",
        "for (const level of ['warn', 'error']) {
           const said = console[level];
           console[level] = (...args) => { seen.push(level + ': ' + args.join(' ')); said.apply(console, args); };
         }",
    );
    install.call1(&JsValue::NULL, &seen).unwrap();
    seen
}

#[wasm_bindgen_test]
async fn every_server_rendered_component_hydrates_with_nothing_on_the_console() {
    let said = record_console();
    for (name, form) in forms::FORMS {
        let host = host_with(name);
        let handle = leptos::mount::hydrate_from(host.clone(), move || forms::provided(*form));
        leptos::task::tick().await;
        let warnings: Vec<String> = said.iter().filter_map(|v| v.as_string()).collect();
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        // live: a form's submit button, disabled in the server's markup, is enabled
        if let Some(submit) = host.query_selector("button[type=submit]").unwrap() {
            let submit: web_sys::HtmlButtonElement = submit.unchecked_into();
            assert!(!submit.disabled(), "{name}: enabled once hydrated");
        }
        drop(handle);
        host.remove();
    }
}

fn input(id: &str) -> web_sys::HtmlInputElement {
    document().get_element_by_id(id).unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn the_server_rendered_sign_in_form_hydrates_and_keeps_what_was_typed() {
    let host = host_with("login");
    // typed before the wasm arrived
    input("lr-login-1-email").set_value("ann@example.com");
    input("lr-login-1-password").set_value("early-typed-password");

    let handle = leptos::mount::hydrate_from(host.clone(), || {
        view! { <LoginRocketProvider url=forms::LR_URL><LoginForm/></LoginRocketProvider> }
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
    drop(handle);
    host.remove();
}

/// Where the kit keeps a session with `Persistence::LOCAL_STORAGE`.
const KEY: &str = "leptos-loginrocket.session";

fn local() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// The server's markup of the component `name`, hydrated under a provider that keeps the
/// session in `localStorage`, where `stored` was kept: its host, what keeps it mounted, and
/// what the console said since.
fn hydrate_with_stored(
    name: &str,
    stored: &str,
) -> (web_sys::HtmlElement, Box<dyn std::any::Any>, js_sys::Array) {
    local().set_item(KEY, stored).unwrap();
    let said = record_console();
    // the server rendered it for a signed-out visitor: a server has no web storage
    let host = host_with(name);
    let form = forms::FORMS.iter().find(|(n, _)| *n == name).unwrap().1;
    let handle = leptos::mount::hydrate_from(host.clone(), move || {
        view! {
            <LoginRocketProvider url=forms::LR_URL persistence=Persistence::LOCAL_STORAGE>
                {form()}
            </LoginRocketProvider>
        }
    });
    (host, Box::new(handle), said)
}

/// Waits for `cond`, up to 4 s.
async fn until(what: &str, cond: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !cond() {
        assert!(js_sys::Date::now() - start < 4000.0, "timed out: {what}");
        leptos::task::tick().await;
    }
}

#[wasm_bindgen_test]
async fn a_session_kept_in_storage_is_shown_once_hydrated_and_the_form_submits_what_it_shows() {
    // {"sub":"usr_1","email":"ann@example.com","given_name":"Ann","family_name":"Lee","exp":4102444800}
    const TOKEN: &str = "e30.eyJzdWIiOiJ1c3JfMSIsImVtYWlsIjoiYW5uQGV4YW1wbGUuY29tIiwiZ2l2ZW5fbmFtZSI6IkFubiIsImZhbWlseV9uYW1lIjoiTGVlIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2ln";
    let stored = format!(
        r#"{{"result":"full_login","session":"kss_1","account":"org_1","token":"{TOKEN}"}}"#
    );
    let (host, handle, said) = hydrate_with_stored("profile", &stored);
    let value = |name: &str| -> String {
        let el = host
            .query_selector(&format!("input[name={name}]"))
            .unwrap()
            .unwrap_or_else(|| panic!("no input {name}"));
        el.unchecked_into::<web_sys::HtmlInputElement>().value()
    };
    until("the stored session's email is shown", || {
        value("email") == "ann@example.com"
    })
    .await;
    assert_eq!(value("first_name"), "Ann");
    assert_eq!(value("last_name"), "Lee");
    let warnings: Vec<String> = said.iter().filter_map(|v| v.as_string()).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    drop(handle);
    host.remove();
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_hand_edited_stored_step_does_not_break_hydration() {
    // a conditional login with an account list, as nothing the kit writes has
    let (host, handle, said) = hydrate_with_stored(
        "account-picker",
        r#"{"result":"conditional_login","session":"kss_1","account":null,"conditions":["no_account_selected"],"accounts":[{"id":"org_1","name":"One"},{"id":"org_2","name":"Two"}]}"#,
    );
    leptos::task::tick().await;
    until("the stored step is applied after hydration", || {
        host.text_content().unwrap_or_default().contains("Two")
    })
    .await;
    let warnings: Vec<String> = said.iter().filter_map(|v| v.as_string()).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    drop(handle);
    host.remove();
    local().clear().unwrap();
}
