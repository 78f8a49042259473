//! The other flows and the session store, in headless Chromium, on the mock transport.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;
use loginrocket::transport::{HttpResponse, Method, TransportError};
use loginrocket::FullLogin;
use serde_json::json;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static SESSION: std::cell::Cell<Option<UseSessionReturn>> = const { std::cell::Cell::new(None) };
}

/// Captures `use_session()` of the mounted provider.
fn capture_session() {
    let s = use_session();
    SESSION.with(|c| c.set(Some(s)));
}

fn session() -> UseSessionReturn {
    SESSION.with(|c| c.get().expect("captured"))
}

fn sign_in_with(state: serde_json::Value) {
    let s = session();
    let response: loginrocket::Response = serde_json::from_value(state).unwrap();
    let next = match response {
        loginrocket::Response::FullLogin(f) => SessionState::signed_in(f),
        loginrocket::Response::ConditionalLogin(c) => SessionState::Conditional(c),
        _ => SessionState::SignedOut,
    };
    s.store.set(next);
}

fn capture() {
    capture_session();
}

#[wasm_bindgen_test]
async fn two_factor_code_is_pasted_once_normalized_and_signs_in() {
    let got = RwSignal::new(None::<FullLogin>);
    let page = mount(move || {
        capture();
        view! { <TwoFactorForm session=loginrocket::Secret::new("kss_2") on_login=move |f| got.set(Some(f))/> }
    });
    settle().await;
    let input = page.input("input[name=code]");
    assert_eq!(input.type_(), "text");
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
    assert_eq!(
        input.get_attribute("autocomplete").as_deref(),
        Some("one-time-code")
    );

    page.type_into("input[name=code]", "012-345");
    page.mock.push_json(
        422,
        json!({"result": "error", "error": "Code is invalid", "errors": ["Code is invalid"]}),
    );
    page.click("button[type=submit]");
    until("attributed", || {
        page.text("[id$='-code-error']") == "Code is invalid"
    })
    .await;
    assert_eq!(
        json_body(&page.mock.requests()[0]),
        json!({"session": "kss_2", "code": "012345"})
    );

    page.type_into("input[name=code]", "123 456");
    page.mock.push_json(200, full("kss_2", "org_1"));
    page.click("button[type=submit]");
    page.click("button[type=submit]");
    until("signed in", || got.with_untracked(Option::is_some)).await;
    assert_eq!(page.mock.requests().len(), 2, "one request per submit");
    assert_eq!(json_body(&page.mock.requests()[1])["code"], "123456");
    assert!(
        session().state.get_untracked().is_signed_in(),
        "the session store follows"
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn account_picker_lists_accounts_and_signs_in_to_the_choice() {
    let got = RwSignal::new(None::<FullLogin>);
    let page = mount(move || {
        capture();
        view! { <AccountPicker on_login=move |f| got.set(Some(f))/> }
    });
    settle().await;
    sign_in_with(
        json!({"result": "conditional_login", "session": "kss_3", "account": null,
        "conditions": ["no_account_selected"], "accounts": [{"id": "org_1", "name": "Acme"}, {"id": "org_2", "name": "Globex"}]}),
    );
    until("listed", || {
        page.root
            .query_selector_all(".lr-accounts__choice")
            .unwrap()
            .length()
            == 2
    })
    .await;
    assert_eq!(
        page.text(".lr-accounts__list li:nth-child(2) button"),
        "Globex"
    );
    page.mock.push_json(200, full("kss_3", "org_2"));
    page.click(".lr-accounts__list li:nth-child(2) button");
    until("signed in", || got.with_untracked(Option::is_some)).await;
    let req = &page.mock.requests()[0];
    assert_eq!(req.method, Method::Get);
    assert!(
        req.url.contains("account=org_2") && req.url.contains("session=kss_3"),
        "{}",
        req.url_without_query()
    );
    assert_eq!(got.get_untracked().unwrap().account, "org_2");
    page.unmount();
}

#[wasm_bindgen_test]
async fn account_picker_without_a_list_offers_the_hosted_page_without_the_session_in_the_dom() {
    let page = mount(|| {
        capture();
        view! { <AccountPicker/><NextStepFallback/> }
    });
    settle().await;
    sign_in_with(
        json!({"result": "conditional_login", "session": "kss_4", "account": null, "conditions": ["no_account_selected"]}),
    );
    until("hosted link", || page.q(".lr-accounts__hosted").is_some()).await;
    // the URL (with the session id) is built on click, never rendered
    assert_eq!(page.el(".lr-accounts__hosted").tag_name(), "BUTTON");
    let html = page.root.outer_html();
    assert!(!html.contains("kss_4"), "{html}");
    assert!(!html.contains("href"), "{html}");
    page.unmount();
}

#[wasm_bindgen_test]
async fn complete_profile_sends_the_org_name_with_the_session() {
    let got = RwSignal::new(None::<FullLogin>);
    let page = mount(move || {
        capture();
        view! { <CompleteProfileForm on_login=move |f| got.set(Some(f))/> }
    });
    settle().await;
    sign_in_with(
        json!({"result": "conditional_login", "session": "kss_5", "account": null, "conditions": ["must_complete_profile"]}),
    );
    assert_eq!(
        page.attr("input[name=org_name]", "autocomplete").as_deref(),
        Some("organization")
    );
    page.type_into("input[name=org_name]", "Acme");
    page.mock.push_json(200, full("kss_5", "org_9"));
    page.click("button[type=submit]");
    until("signed in", || got.with_untracked(Option::is_some)).await;
    let req = &page.mock.requests()[0];
    assert_eq!(req.method, Method::Put);
    assert_eq!(
        json_body(req),
        json!({"session": "kss_5", "org_name": "Acme"})
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn verify_email_runs_once_on_mount_with_every_state() {
    let page = mount(|| view! { <VerifyEmail token="tve:1"/> });
    page.mock.push_json(200, json!({"result": "okay"}));
    until("verified", || {
        page.text("[role=status]") == "Your email address is verified."
    })
    .await;
    assert_eq!(page.mock.requests().len(), 1);
    assert_eq!(
        json_body(&page.mock.requests()[0]),
        json!({"token": "tve:1"})
    );
    page.unmount();

    let page = mount(|| view! { <VerifyEmail token="tve:old"/> });
    page.mock.push(Ok(HttpResponse::new(404, "")));
    until("expired", || {
        page.text("[role=alert]") == "This link is invalid or has expired."
    })
    .await;
    page.unmount();

    let page = mount(|| view! { <VerifyEmail token="tve:2"/> });
    page.mock.push(Err(TransportError::Offline));
    until("offline", || page.q(".lr-form__retry").is_some()).await;
    page.mock.push_json(200, json!({"result": "okay"}));
    page.click(".lr-form__retry");
    until("verified after retry", || {
        page.text("[role=status]") == "Your email address is verified."
    })
    .await;
    assert_eq!(page.mock.requests().len(), 2);
    page.unmount();
}

#[wasm_bindgen_test]
async fn invitation_requests_confirm_the_same_way() {
    for reply in [
        Ok(HttpResponse::new(200, r#"{"result":"okay"}"#)),
        Ok(HttpResponse::new(404, "")),
    ] {
        let page = mount(|| view! { <RequestInvitationForm/> });
        settle().await;
        page.type_into("input[name=email]", "guest@example.com");
        page.mock.push(reply);
        page.click("button[type=submit]");
        until("sent", || page.text("[role=status]").starts_with("Thanks!")).await;
        assert_eq!(page.text("[role=alert]"), "");
        page.unmount();
    }
}

#[wasm_bindgen_test]
async fn change_password_needs_the_current_one_and_clears_after_success() {
    let page = mount(|| {
        capture();
        view! { <ChangePasswordForm/> }
    });
    settle().await;
    sign_in_with(full("kss_6", "org_1"));
    assert_eq!(
        page.attr("input[name=current_password]", "autocomplete")
            .as_deref(),
        Some("current-password")
    );
    assert_eq!(
        page.attr("input[name=password]", "autocomplete").as_deref(),
        Some("new-password")
    );
    page.type_into("input[name=password]", "a-new-password");
    page.click("button[type=submit]");
    until("current required", || {
        page.text("[id$='-current-password-error']") == "Please fill in Current password."
    })
    .await;
    assert!(page.mock.requests().is_empty());

    page.type_into("input[name=current_password]", "wrong");
    page.mock.push_json(
        422,
        json!({"result": "error", "error": "x", "errors": ["Current password does not match"]}),
    );
    page.click("button[type=submit]");
    until("attributed", || {
        page.text("[id$='-current-password-error']") == "Current password does not match"
    })
    .await;
    assert_eq!(
        page.attr("input[name=password]", "aria-invalid"),
        None,
        "not the new password's"
    );

    page.type_into("input[name=current_password]", "right-one");
    page.mock.push_json(200, json!({"result": "okay"}));
    page.click("button[type=submit]");
    until("changed", || {
        page.text("[role=status]") == "Your password has been changed."
    })
    .await;
    assert_eq!(
        json_body(&page.mock.requests()[1]),
        json!({"session": "kss_6", "current_password": "right-one", "password": "a-new-password"})
    );
    assert_eq!(
        page.input("input[name=current_password]").value(),
        "",
        "cleared (R07)"
    );
    assert_eq!(page.input("input[name=password]").value(), "");
    page.unmount();
}

#[wasm_bindgen_test]
async fn profile_form_is_prefilled_and_updates_the_session() {
    let page = mount(|| {
        capture();
        view! { <ProfileForm/> }
    });
    settle().await;
    sign_in_with(full("kss_7", "org_1"));
    page.unmount();
    // mount again now that the session has claims to prefill from
    let page = mount(|| {
        capture();
        sign_in_with(full("kss_7", "org_1"));
        view! { <ProfileForm/> }
    });
    settle().await;
    assert_eq!(page.input("input[name=first_name]").value(), "Ann");
    assert_eq!(page.input("input[name=email]").value(), "ann@example.com");
    page.type_into("input[name=first_name]", "Annie");
    page.mock.push_json(200, full("kss_7", "org_1"));
    page.click("button[type=submit]");
    until("saved", || {
        page.text("[role=status]") == "Your profile has been updated."
    })
    .await;
    assert_eq!(
        json_body(&page.mock.requests()[0]),
        json!({"session": "kss_7", "first_name": "Annie", "last_name": "Example", "email": "ann@example.com"})
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn logout_signs_out_locally_even_offline_and_says_so() {
    let page = mount(|| {
        capture();
        view! { <LogoutButton/> }
    });
    settle().await;
    sign_in_with(full("kss_8", "org_1"));
    page.mock.push(Err(TransportError::Offline));
    page.click(".lr-logout");
    until("signed out", || {
        session().state.get_untracked() == SessionState::SignedOut
    })
    .await;
    until("said so", || {
        page.text(".lr-logout__status")
            .starts_with("You're signed out on this device")
    })
    .await;
    assert_eq!(page.mock.requests()[0].method, Method::Delete);
    page.unmount();
}

#[wasm_bindgen_test]
async fn refresh_is_single_flight_and_only_access_denied_signs_out() {
    let page = mount(|| {
        capture();
    });
    settle().await;
    sign_in_with(full("kss_9", "org_1"));
    let s = session();

    let responder = page.mock.push_deferred();
    let (a, b, c) = (s.store.refresh(), s.store.refresh(), s.store.refresh());
    let all = futures_join(a, b, c);
    settle().await;
    responder.respond(Ok(HttpResponse::new(503, "")));
    all.await;
    assert_eq!(page.mock.requests().len(), 1, "three callers, one request");
    assert!(page.mock.requests()[0].url.contains("account=org_1"));
    assert!(
        s.state.get_untracked().is_signed_in(),
        "a 503 keeps the session"
    );
    assert_eq!(
        s.status.get_untracked(),
        FormState::Unavailable(Unavailable::Server)
    );

    for (reply, signed_in) in [
        (HttpResponse::new(429, ""), true),
        (HttpResponse::new(200, "<html>"), true),
        (HttpResponse::new(403, ""), false),
    ] {
        page.mock.push(Ok(reply));
        s.store.refresh().await;
        assert_eq!(s.state.get_untracked().is_signed_in(), signed_in);
    }
    page.unmount();
}

async fn futures_join(
    a: impl std::future::Future<Output = ()>,
    b: impl std::future::Future<Output = ()>,
    c: impl std::future::Future<Output = ()>,
) {
    a.await;
    b.await;
    c.await;
}

#[wasm_bindgen_test]
async fn nothing_secret_is_stored_by_default_and_only_the_login_when_opted_in() {
    let storage = |local: bool| {
        let w = window();
        if local {
            w.local_storage()
        } else {
            w.session_storage()
        }
        .unwrap()
        .unwrap()
    };
    storage(true).clear().unwrap();
    storage(false).clear().unwrap();
    let page = mount(|| {
        capture();
        view! { <LoginForm/> }
    });
    settle().await;
    page.type_into("input[name=email]", "ann@example.com");
    page.type_into("input[name=password]", "pw-SENTINEL");
    page.mock.push_json(200, full("kss_SENTINEL", "org_1"));
    page.click("button[type=submit]");
    until("signed in", || {
        session().state.get_untracked().is_signed_in()
    })
    .await;
    assert_eq!(storage(true).length().unwrap(), 0);
    assert_eq!(storage(false).length().unwrap(), 0);
    assert!(!window().location().href().unwrap().contains("SENTINEL"));
    page.unmount();

    // opted in: sessionStorage holds the login, never the password
    let root: web_sys::HtmlElement = document()
        .create_element("section")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let mock = std::sync::Arc::new(loginrocket::transport::MockTransport::new());
    let c = client(&mock);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let c = c.clone();
        view! { <LoginRocketProvider client=c persistence=Persistence::SESSION_STORAGE>{capture()}</LoginRocketProvider> }
    });
    settle().await;
    sign_in_with(full("kss_10", "org_1"));
    let stored = storage(false)
        .get_item("leptos-loginrocket.session")
        .unwrap()
        .expect("stored");
    assert!(stored.contains("kss_10") && !stored.contains("password"));
    assert_eq!(storage(true).length().unwrap(), 0);
    drop(handle);
    root.remove();
    storage(false).clear().unwrap();
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
async fn the_two_factor_hook_works_without_its_component() {
    let form = RwSignal::new_local(None::<UseTwoFactorFormReturn>);
    let got = RwSignal::new(None::<FullLogin>);
    let page = mount(move || {
        capture_session();
        form.set(Some(use_two_factor_form_with_options(
            UseTwoFactorFormOptions {
                on_login: Some(Callback::new(move |f| got.set(Some(f)))),
                ..Default::default()
            },
        )));
    });
    settle().await;
    let f = form.get_untracked().unwrap();
    // no session yet: nothing is sent, and the form says the session is over
    f.code.set("123456".into());
    f.submit.run(());
    settle().await;
    assert_eq!(f.status.state.get_untracked(), FormState::SessionExpired);
    assert!(page.mock.requests().is_empty());

    sign_in_with(
        json!({"result": "conditional_login", "session": "kss_tf", "account": null, "conditions": ["must_verify_login"]}),
    );
    // an empty code is a field message, not a request
    f.code.set("  ".into());
    f.submit.run(());
    settle().await;
    assert_eq!(f.status.state.get_untracked(), FormState::Rejected);
    assert_eq!(
        f.status.errors_for(FieldId::Code),
        vec!["Please fill in Code.".to_owned()]
    );
    assert!(page.mock.requests().is_empty());

    // a pasted code is sent once, normalized, with the store's session
    f.code.set("012 345".into());
    page.mock.push_json(200, full("kss_tf", "org_1"));
    f.submit.run(());
    until("signed in", || got.get_untracked().is_some()).await;
    assert_eq!(
        json_body(&page.mock.requests()[0]),
        json!({"session": "kss_tf", "code": "012345"})
    );
    assert_eq!(page.mock.requests().len(), 1);
    page.unmount();
}
