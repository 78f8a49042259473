//! The forms in headless Chromium, on a scripted mock transport: each component's markup,
//! its states and messages, and what it sends.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;
use loginrocket::transport::{HttpResponse, Method, TransportError};
use loginrocket::{ConditionalLogin, FullLogin};
use serde_json::json;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn login_form_idle_render_is_labelled_and_unique() {
    let page = mount(|| view! { <LoginForm/><LoginForm id="second"/> });
    settle().await;
    let forms = page.root.query_selector_all("form").unwrap();
    assert_eq!(forms.length(), 2);
    let inputs = page.root.query_selector_all("input").unwrap();
    let mut ids = Vec::new();
    for i in 0..inputs.length() {
        let input: web_sys::Element = inputs.item(i).unwrap().unchecked_into();
        let id = input.id();
        assert!(!id.is_empty());
        let label = page.el(&format!("label[for='{id}']"));
        assert!(!label.text_content().unwrap().is_empty(), "label for {id}");
        ids.push(id);
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids unique: {ids:?}");
    assert!(ids.contains(&"second-email".to_owned()));

    let email = page.input("form:first-of-type input[name=email]");
    assert_eq!(
        email.get_attribute("autocomplete").as_deref(),
        Some("username")
    );
    assert_eq!(email.type_(), "text");
    assert_eq!(email.get_attribute("inputmode").as_deref(), Some("email"));
    let pw = page.input("form:first-of-type input[name=password]");
    assert_eq!(pw.type_(), "password");
    assert_eq!(
        pw.get_attribute("autocomplete").as_deref(),
        Some("current-password")
    );
    assert_eq!(
        page.text("form:first-of-type label[for$='-email']"),
        "Email"
    );
    assert_eq!(
        page.attr("form:first-of-type button[type=submit]", "type")
            .as_deref(),
        Some("submit")
    );
    assert_eq!(
        page.text("form:first-of-type button[type=submit]"),
        "Sign in"
    );
    assert_eq!(
        page.attr("form:first-of-type .lr-field__toggle", "type")
            .as_deref(),
        Some("button")
    );
    assert!(page.q("form:first-of-type [role=alert]").is_some());
    assert!(page.q("form:first-of-type [role=status]").is_some());
    assert!(
        pw.get_attribute("aria-invalid").is_none(),
        "not invalid before a submit"
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn show_password_toggle_never_submits_and_remasks_on_submit() {
    let page = mount(|| view! { <LoginForm/> });
    settle().await;
    page.click(".lr-field__toggle");
    settle().await;
    assert_eq!(page.input("input[name=password]").type_(), "text");
    assert_eq!(
        page.attr(".lr-field__toggle", "aria-pressed").as_deref(),
        Some("true")
    );
    assert!(
        page.mock.requests().is_empty(),
        "the toggle does not submit"
    );
    fill_login(&page);
    let _hold = page.mock.push_deferred();
    page.click("button[type=submit]");
    settle().await;
    assert_eq!(page.input("input[name=password]").type_(), "password");
    page.unmount();
}

#[wasm_bindgen_test]
async fn empty_submit_shows_required_messages_and_sends_nothing() {
    let page = mount(|| view! { <LoginForm/> });
    settle().await;
    page.click("button[type=submit]");
    until("required messages", || {
        page.text("[id$='-email-error']") == "Please fill in Email."
    })
    .await;
    assert_eq!(
        page.text("[id$='-password-error']"),
        "Please fill in Password."
    );
    assert!(page.mock.requests().is_empty());
    let email = page.input("input[name=email]");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        email.get_attribute("aria-describedby"),
        Some(format!("{}-error", email.id()))
    );
    until("focus on the first invalid field", || {
        document().active_element().map(|e| e.id()) == Some(email.id())
    })
    .await;
    // editing the field clears its message
    page.type_into("input[name=email]", "a");
    until("cleared", || page.text("[id$='-email-error']").is_empty()).await;
    assert!(page
        .input("input[name=email]")
        .get_attribute("aria-invalid")
        .is_none());
    page.unmount();
}

#[wasm_bindgen_test]
async fn server_messages_land_next_to_their_fields_in_english() {
    let page = mount(
        || view! { <SignupForm fields=SignupFields { confirm_password: FieldMode::Optional, ..Default::default() }/> },
    );
    settle().await;
    page.type_into("input[name=email]", "x@y");
    page.type_into("input[name=password]", "short");
    page.type_into("input[name=password_confirmation]", "other");
    page.mock.push_json(
        422,
        invalid(&[
            "Password confirmation doesn't match Password",
            "Password is too short (minimum is 8 characters)",
            "Email is invalid",
            "Signups are paused today",
        ]),
    );
    page.click("button[type=submit]");
    until("field errors", || {
        !page.text("[id$='-password-error']").is_empty()
    })
    .await;
    assert_eq!(
        page.text("[id$='-password-confirmation-error']"),
        "Password confirmation doesn't match Password"
    );
    assert_eq!(
        page.text("[id$='-password-error']"),
        "Password is too short (minimum is 8 characters)"
    );
    assert_eq!(page.text("[id$='-email-error']"), "Email is invalid");
    assert_eq!(page.text("[role=alert]"), "Signups are paused today");
    for name in ["email", "password", "password_confirmation"] {
        assert_eq!(
            page.attr(&format!("input[name={name}]"), "aria-invalid")
                .as_deref(),
            Some("true"),
            "{name}"
        );
    }
    page.unmount();
}

#[wasm_bindgen_test]
async fn signup_sends_only_the_fields_shown() {
    let fields = SignupFields {
        name: FieldMode::Required,
        ..Default::default()
    };
    let page = mount(move || view! { <SignupForm fields=fields/> });
    settle().await;
    assert!(page.q("input[name=username]").is_none());
    assert_eq!(
        page.attr("input[name=first_name]", "autocomplete")
            .as_deref(),
        Some("given-name")
    );
    assert_eq!(
        page.attr("input[name=last_name]", "autocomplete")
            .as_deref(),
        Some("family-name")
    );
    assert_eq!(
        page.attr("input[name=password]", "autocomplete").as_deref(),
        Some("new-password")
    );
    assert_eq!(
        page.attr("input[name=email]", "type").as_deref(),
        Some("email")
    );
    page.type_into("input[name=email]", "new@example.com");
    page.type_into("input[name=password]", "long-password");
    page.type_into("input[name=first_name]", "Nia");
    page.click("button[type=submit]");
    until("last name required", || {
        page.text("[id$='-last-name-error']") == "Please fill in Last name."
    })
    .await;
    assert!(page.mock.requests().is_empty());
    page.type_into("input[name=last_name]", "New");
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": SUB_ONLY_JWT}),
    );
    page.click("button[type=submit]");
    until("sent", || page.mock.requests().len() == 1).await;
    assert_eq!(
        json_body(&page.mock.requests()[0]),
        json!({"email": "new@example.com", "password": "long-password", "first_name": "Nia", "last_name": "New"})
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn an_unmatched_message_goes_to_the_alert_and_xss_stays_text() {
    let page = mount(|| view! { <LoginForm/> });
    settle().await;
    fill_login(&page);
    let payload = "<img src=x onerror=\"window.__pwned=1\">Login failed";
    page.mock.push_json(422, invalid(&[payload]));
    page.click("button[type=submit]");
    until("alert", || !page.text("[role=alert]").is_empty()).await;
    assert_eq!(page.text("[role=alert]"), payload);
    assert!(
        page.q("img").is_none(),
        "no element created from server text"
    );
    assert!(js_sys::Reflect::get(&window(), &"__pwned".into())
        .unwrap()
        .is_undefined());
    until("focus on the alert", || {
        document().active_element().map(|e| e.get_attribute("role")) == Some(Some("alert".into()))
    })
    .await;
    page.unmount();
}

#[wasm_bindgen_test]
async fn rate_limited_counts_down_then_reenables_submit() {
    let page = mount(|| view! { <LoginForm/> });
    settle().await;
    fill_login(&page);
    page.mock.push(Ok(
        HttpResponse::new(429, "").with_header("Retry-After", "2")
    ));
    page.click("button[type=submit]");
    // said once, in the alert, with the wait's length; the countdown ticks outside it
    until("cooldown", || {
        page.text("[role=alert]") == "Too many attempts. Try again in 2 seconds."
    })
    .await;
    assert!(page.submit_disabled());
    assert_eq!(page.text(".lr-form__countdown"), "2 seconds left");
    assert_eq!(
        page.text("[role=status]"),
        "",
        "nothing polite while waiting"
    );
    until("counting down", || {
        page.text(".lr-form__countdown") == "1 second left"
    })
    .await;
    assert_eq!(
        page.text("[role=alert]"),
        "Too many attempts. Try again in 2 seconds.",
        "the announcement does not tick"
    );
    assert!(page.submit_disabled());
    page.click("button[type=submit]");
    assert_eq!(
        page.mock.requests().len(),
        1,
        "no request while cooling down"
    );
    until("re-enabled", || !page.submit_disabled()).await;
    assert_eq!(page.text("[role=status]"), "You can try again now.");
    assert_eq!(page.text("[role=alert]"), "");
    page.unmount();
}

#[wasm_bindgen_test]
async fn transport_failures_are_retryable_states_not_credential_errors() {
    let cases = [
        (
            Err(TransportError::Offline),
            "You appear to be offline. Check your connection and try again.",
        ),
        (
            Err(TransportError::Timeout),
            "The sign-in service took too long to answer. Please try again.",
        ),
        (
            Ok(HttpResponse::new(503, "<html>")),
            "We can't reach the sign-in service right now. Please try again in a moment.",
        ),
        (
            Ok(HttpResponse::new(200, "garbage")),
            "We can't reach the sign-in service right now. Please try again in a moment.",
        ),
    ];
    for (reply, text) in cases {
        let page = mount(|| view! { <LoginForm/> });
        settle().await;
        fill_login(&page);
        page.mock.push(reply);
        page.click("button[type=submit]");
        until("state", || page.text("[role=alert]") == text).await;
        assert!(!page.submit_disabled(), "every pending state ends");
        assert_eq!(page.attr("form", "aria-busy").as_deref(), Some("false"));
        // retry sends the same form again
        page.mock.push_json(
            200,
            json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": SUB_ONLY_JWT}),
        );
        page.click(".lr-form__retry");
        until("retried", || page.mock.requests().len() == 2).await;
        until("cleared", || page.text("[role=alert]").is_empty()).await;
        page.unmount();
    }
}

#[wasm_bindgen_test]
async fn double_submit_sends_one_request() {
    let got = RwSignal::new(0u32);
    let page =
        mount(move || view! { <LoginForm on_login=move |_: FullLogin| got.update(|n| *n += 1)/> });
    settle().await;
    fill_login(&page);
    let responder = page.mock.push_deferred();
    let form: web_sys::HtmlFormElement = page.el("form").unchecked_into();
    page.click("button[type=submit]");
    page.click("button[type=submit]");
    form.request_submit().unwrap(); // Enter
    form.request_submit().unwrap();
    settle().await;
    assert_eq!(page.mock.requests().len(), 1);
    assert!(page.submit_disabled());
    assert_eq!(page.text("[role=status]"), "Signing in…");
    assert_eq!(page.attr("form", "aria-busy").as_deref(), Some("true"));
    responder.respond_json(
        200,
        json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": SUB_ONLY_JWT}),
    );
    until("signed in", || got.get_untracked() == 1).await;
    assert_eq!(page.mock.requests().len(), 1);
    page.unmount();
}

#[wasm_bindgen_test]
async fn callbacks_get_the_login_and_the_conditions() {
    let login = RwSignal::new(None::<FullLogin>);
    let next = RwSignal::new(None::<ConditionalLogin>);
    let page = mount(
        move || view! { <LoginForm on_login=move |f| login.set(Some(f)) on_conditional=move |c| next.set(Some(c))/> },
    );
    settle().await;
    fill_login(&page);
    page.mock.push_json(200, json!({"result": "conditional_login", "session": "kss_2", "account": null, "conditions": ["must_verify_login"]}));
    page.click("button[type=submit]");
    until("conditional", || next.with_untracked(Option::is_some)).await;
    assert_eq!(
        next.get_untracked().unwrap().conditions,
        vec![loginrocket::Condition::MustVerifyLogin]
    );
    fill_login(&page);
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_3", "account": "org_9", "token": SUB_ONLY_JWT}),
    );
    page.click("button[type=submit]");
    until("full", || login.with_untracked(Option::is_some)).await;
    let f = login.get_untracked().unwrap();
    assert_eq!((f.session.expose(), f.account.as_str()), ("kss_3", "org_9"));
    let body = json_body(&page.mock.requests()[1]);
    assert_eq!(
        body,
        json!({"email": "ann@example.com", "password": "pw-SENTINEL"}),
        "values read from the DOM"
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn a_response_after_unmount_is_dropped() {
    let got = RwSignal::new(0u32);
    // made outside the mounted tree, so unmounting does not dispose it: only the form's own
    // guard can keep a late answer from reaching it
    let on_login = Callback::new(move |_: FullLogin| got.update(|n| *n += 1));
    let page = mount(move || view! { <LoginForm on_login=on_login/> });
    settle().await;
    fill_login(&page);
    let responder = page.mock.push_deferred();
    page.click("button[type=submit]");
    settle().await;
    page.unmount();
    responder.respond_json(
        200,
        json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": SUB_ONLY_JWT}),
    );
    settle().await;
    assert_eq!(got.get_untracked(), 0, "no callback after unmount");
}

#[wasm_bindgen_test]
async fn a_superseded_response_is_dropped_latest_wins() {
    let got = RwSignal::new(Vec::<String>::new());
    let page = mount(move || {
        let hook = use_login_form_with_options(UseLoginFormOptions {
            on_login: Some(Callback::new(move |f: FullLogin| {
                got.update(|v| v.push(f.account.clone()))
            })),
            on_conditional: None,
        });
        HOOK.with(|h| h.set(Some(hook)));
    });
    settle().await;
    let hook: UseLoginFormReturn = page_hook(&page);
    hook.email.set("a@b.test".into());
    hook.password.set("pw".into());
    let a = page.mock.push_deferred();
    let b = page.mock.push_deferred();
    hook.submit.run(());
    hook.status.cancel(); // the user goes back, then submits again
    hook.submit.run(());
    settle().await;
    assert_eq!(page.mock.requests().len(), 2);
    b.respond_json(422, invalid(&["Login failed"]));
    until("B applied", || {
        hook.status.state.get_untracked() == FormState::Rejected
    })
    .await;
    a.respond_json(
        200,
        json!({"result": "full_login", "session": "kss_1", "account": "org_A", "token": SUB_ONLY_JWT}),
    );
    settle().await;
    assert_eq!(
        hook.status.state.get_untracked(),
        FormState::Rejected,
        "A was dropped"
    );
    assert!(got.get_untracked().is_empty());
    page.unmount();
}

/// Finds the hook provided inside `page` (the test mounted it under the provider).
fn page_hook(_page: &Page) -> UseLoginFormReturn {
    HOOK.with(|h| h.get().expect("hook captured"))
}

thread_local! {
    static HOOK: std::cell::Cell<Option<UseLoginFormReturn>> = const { std::cell::Cell::new(None) };
}

#[wasm_bindgen_test]
async fn forgot_password_confirms_the_same_way_whether_or_not_the_account_exists() {
    for reply in [
        Ok(HttpResponse::new(200, r#"{"result":"okay"}"#)),
        Ok(HttpResponse::new(404, "")),
    ] {
        let done = RwSignal::new(false);
        let page =
            mount(move || view! { <ForgotPasswordForm on_success=move |_| done.set(true)/> });
        settle().await;
        assert_eq!(
            page.attr("input[name=email]", "autocomplete").as_deref(),
            Some("email")
        );
        page.type_into("input[name=email]", "who@example.com");
        page.mock.push(reply);
        page.click("button[type=submit]");
        until("confirmation", || {
            page.text("[role=status]")
                == "If an account exists for that email, we've sent a link to reset its password."
        })
        .await;
        assert!(done.get_untracked());
        assert_eq!(page.text("[role=alert]"), "");
        page.unmount();
    }
}

fn set_url(search: &str) {
    let history = window().history().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("/{search}")),
        )
        .unwrap();
}

#[wasm_bindgen_test]
async fn reset_takes_the_token_from_the_url_once_and_removes_it() {
    set_url("?x=1&token=tpw:SENTINEL");
    let login = RwSignal::new(None::<FullLogin>);
    let page = mount(move || view! { <ResetPasswordForm on_login=move |f| login.set(Some(f))/> });
    settle().await;
    let search = window().location().search().unwrap();
    assert_eq!(search, "?x=1", "the token left the address bar");
    let meta = document()
        .query_selector("meta[name=referrer]")
        .unwrap()
        .expect("no-referrer while mounted");
    assert_eq!(
        meta.get_attribute("content").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(
        page.attr("input[name=password]", "autocomplete").as_deref(),
        Some("new-password")
    );
    page.type_into("input[name=password]", "a-new-password");
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": SUB_ONLY_JWT}),
    );
    page.click("button[type=submit]");
    until("signed in", || login.with_untracked(Option::is_some)).await;
    assert_eq!(
        json_body(&page.mock.requests()[0]),
        json!({"token": "tpw:SENTINEL", "password": "a-new-password"})
    );
    assert_eq!(
        page.text("[role=status]"),
        "Your password has been changed."
    );
    page.unmount();
    assert!(
        document()
            .query_selector("meta[name=referrer]")
            .unwrap()
            .is_none(),
        "removed on unmount"
    );
    set_url("");
}

#[wasm_bindgen_test]
async fn an_expired_reset_link_offers_a_new_one() {
    let asked = RwSignal::new(false);
    let page = mount(
        move || view! { <ResetPasswordForm token="tpw:old" on_request_new=move |_| asked.set(true)/> },
    );
    settle().await;
    assert!(page.q(".lr-form__request-new").is_none());
    page.type_into("input[name=password]", "a-new-password");
    page.mock.push(Ok(HttpResponse::new(404, "")));
    page.click("button[type=submit]");
    until("expired", || {
        page.text("[role=alert]") == "This link is invalid or has expired."
    })
    .await;
    page.click(".lr-form__request-new");
    assert!(asked.get_untracked());
    page.unmount();

    // no token at all: an incomplete link (not an expired one), a new link offered, and
    // nothing is sent
    set_url("");
    let page = mount(|| view! { <ResetPasswordForm/> });
    settle().await;
    assert_eq!(
        page.text("[role=alert]"),
        "This password reset link is incomplete. Please request a new one."
    );
    assert!(page.q(".lr-form__request-new").is_some());
    page.type_into("input[name=password]", "a-new-password");
    page.click("button[type=submit]");
    settle().await;
    assert!(page.mock.requests().is_empty());
    page.unmount();
}

#[wasm_bindgen_test]
async fn reset_can_send_the_user_to_sign_in_instead() {
    let done = RwSignal::new(false);
    let page = mount(
        move || view! { <ResetPasswordForm token="tpw:1" after_reset=AfterReset::SignIn on_success=move |_| done.set(true)/> },
    );
    settle().await;
    page.type_into("input[name=password]", "a-new-password");
    page.mock.push_json(
        200,
        json!({"result": "full_login", "session": "kss_9", "account": "org_1", "token": SUB_ONLY_JWT}),
    );
    page.mock.push_json(200, json!({"result": "okay"}));
    page.click("button[type=submit]");
    until("done", || done.get_untracked()).await;
    until("the reset's session is ended", || {
        page.mock.requests().len() == 2
    })
    .await;
    let logout = &page.mock.requests()[1];
    assert_eq!(logout.method, loginrocket::transport::Method::Delete);
    assert!(logout.url.ends_with("session?session=kss_9"));
    assert_eq!(
        page.text("[role=status]"),
        "Your password has been changed. Please sign in with your new password."
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn login_failures_read_the_same_whatever_the_status() {
    for status in [403u16, 404, 401] {
        let page = mount(|| view! { <LoginForm/> });
        settle().await;
        fill_login(&page);
        page.mock.push(Ok(HttpResponse::new(status, "")));
        page.click("button[type=submit]");
        until("failed", || {
            page.text("[role=alert]") == "Sign-in failed. Check your details and try again."
        })
        .await;
        assert!(
            page.q(".lr-form__retry").is_none(),
            "not offered as a transport retry"
        );
        page.unmount();
    }
}

#[wasm_bindgen_test]
async fn reset_treats_access_denied_like_an_expired_link() {
    let page = mount(|| view! { <ResetPasswordForm token="tpw:x"/> });
    settle().await;
    page.type_into("input[name=password]", "a-new-password");
    page.mock.push(Ok(HttpResponse::new(403, "")));
    page.click("button[type=submit]");
    until("expired", || {
        page.text("[role=alert]") == "This link is invalid or has expired."
    })
    .await;
    assert!(page.q(".lr-form__request-new").is_some());
    page.unmount();
}

#[wasm_bindgen_test]
async fn a_password_hint_is_linked_to_the_field_with_its_errors() {
    let page = mount(|| view! { <SignupForm min_password_length=12usize/> });
    settle().await;
    let pw = page.input("input[name=password]");
    let hint_id = format!("{}-hint", pw.id());
    assert_eq!(page.text(&format!("#{hint_id}")), "At least 12 characters.");
    assert_eq!(pw.get_attribute("aria-describedby"), Some(hint_id.clone()));
    assert!(
        page.q("input[name=email][aria-describedby]").is_none(),
        "no hint on other fields"
    );
    page.type_into("input[name=email]", "a@b.test");
    page.type_into("input[name=password]", "short");
    page.mock.push_json(
        422,
        invalid(&["Password is too short (minimum is 12 characters)"]),
    );
    page.click("button[type=submit]");
    until("error linked too", || {
        page.input("input[name=password]")
            .get_attribute("aria-describedby")
            == Some(format!("{hint_id} {}-error", pw.id()))
    })
    .await;
    page.locale.set(Locale::ES);
    until("hint in spanish", || {
        page.text(&format!("#{hint_id}")) == "Al menos 12 caracteres."
    })
    .await;
    page.unmount();
}

#[wasm_bindgen_test]
async fn every_rendered_field_of_every_form_has_its_own_autocomplete_token() {
    // what the markup says at run time: a token built at run time escapes a grep of the source
    let every = FieldMode::Optional;
    let page = mount(move || {
        view! {
            <LoginForm/>
            <SignupForm fields=SignupFields { name: every, username: every, org_name: every, confirm_password: every, invitation: every }/>
            <ForgotPasswordForm/>
            <ResetPasswordForm token="tpw_1".to_owned()/>
            <TwoFactorForm/>
            <CompleteProfileForm/>
            <ProfileForm fields=ProfileFields { name: every, email: every, username: every }/>
            <ChangePasswordForm/>
            <RequestInvitationForm/>
        }
    });
    settle().await;
    let inputs = page.root.query_selector_all("input").unwrap();
    assert!(inputs.length() >= 20, "{} inputs", inputs.length());
    let mut seen = Vec::new();
    for i in 0..inputs.length() {
        let input: web_sys::Element = inputs.item(i).unwrap().unchecked_into();
        let name = input.get_attribute("name").unwrap_or_default();
        let token = input.get_attribute("autocomplete");
        assert!(
            matches!(
                token.as_deref(),
                Some(
                    "username"
                        | "email"
                        | "current-password"
                        | "new-password"
                        | "one-time-code"
                        | "given-name"
                        | "family-name"
                        | "organization"
                )
            ),
            "{name}: autocomplete={token:?}"
        );
        seen.push((name, token.unwrap_or_default()));
    }
    // the invitation token: a code from an email, filled in from the link, never `off`
    let token = page.el("input[name=token]");
    assert_eq!(
        token.get_attribute("autocomplete").as_deref(),
        Some("one-time-code")
    );
    assert_eq!(token.get_attribute("type").as_deref(), Some("text"));
    assert_eq!(token.get_attribute("inputmode"), None, "not digits only");
    assert!(seen.iter().any(|(n, _)| n == "org_name"), "{seen:?}");
    page.unmount();
}

#[wasm_bindgen_test]
async fn two_factor_code_is_pasted_once_normalized_and_signs_in() {
    let got = RwSignal::new(None::<FullLogin>);
    let page = mount(move || {
        capture_session();
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
        capture_session();
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
        capture_session();
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
        capture_session();
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
        capture_session();
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
        capture_session();
        view! { <ProfileForm/> }
    });
    settle().await;
    sign_in_with(full("kss_7", "org_1"));
    page.unmount();
    // mount again now that the session has claims to prefill from
    let page = mount(|| {
        capture_session();
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
