//! Every hook without its component: mounted bare under a provider on the mock transport,
//! driven through its values and callbacks, read through its signals.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;
use loginrocket::transport::{Method, TransportError};
use loginrocket::FullLogin;
use serde_json::json;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A 422 whose `error` is the first message only (support's `invalid` joins them all).
fn invalid(messages: &[&str]) -> serde_json::Value {
    json!({"result": "error", "error": messages[0], "errors": messages})
}

fn sign_in(session: &UseSessionReturn, session_id: &str) {
    let login: loginrocket::Response = serde_json::from_value(full(session_id, "org_1")).unwrap();
    if let loginrocket::Response::FullLogin(f) = login {
        session.store.set(SessionState::signed_in(f));
    }
}

#[wasm_bindgen_test]
async fn login_hook_states_and_messages() {
    let (page, f, session) = bare(use_login_form).await;
    f.submit.run(());
    assert_eq!(f.status.state.get_untracked(), FormState::Rejected);
    assert_eq!(
        f.status.errors_for(FieldId::Email),
        vec!["Please fill in Email.".to_owned()]
    );
    f.status.edited(FieldId::Email);
    assert!(f.status.errors_for(FieldId::Email).is_empty());
    f.email.set("ann@example.com".into());
    f.password.set("pw".into());
    page.mock.push(Err(TransportError::Offline));
    f.submit.run(());
    until("offline", || {
        f.status.state.get_untracked() == FormState::Unavailable(Unavailable::Offline)
    })
    .await;
    assert_eq!(
        f.status.message.get_untracked(),
        "You appear to be offline. Check your connection and try again."
    );
    page.mock.push_json(200, full("kss_1", "org_1"));
    f.submit.run(());
    until("signed in", || session.state.get_untracked().is_signed_in()).await;
    assert_eq!(f.password.get_untracked(), "", "the password is cleared");
    assert_eq!(f.status.message.get_untracked(), "");
    // the session's own calls have their one message too
    page.mock.push(Err(TransportError::Offline));
    session.refresh.run(());
    until("refresh failed", || {
        session.status.get_untracked() == FormState::Unavailable(Unavailable::Offline)
    })
    .await;
    assert_eq!(
        session.message.get_untracked(),
        "You appear to be offline. Check your connection and try again."
    );
    assert!(
        session.state.get_untracked().is_signed_in(),
        "kept while offline"
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn signup_hook_sends_the_shown_fields_and_the_invitation_token_given() {
    let (page, f, _) = bare(|| {
        use_signup_form_with_options(UseSignupFormOptions {
            fields: SignupFields {
                name: FieldMode::Optional,
                invitation: FieldMode::Required,
                ..Default::default()
            },
            token: Some("tin:given".into()),
            ..Default::default()
        })
    })
    .await;
    assert_eq!(
        f.get(FieldId::Token),
        "tin:given",
        "the token fills its field"
    );
    assert!(
        f.value(FieldId::Username).is_none(),
        "a field not shown has no value"
    );
    f.set(FieldId::Email, "new@example.com".into());
    f.set(FieldId::Password, "a-long-password".into());
    f.set(FieldId::FirstName, "Nia".into());
    // the server's message lands at its field, the rest in the one message
    page.mock.push_json(
        422,
        invalid(&["Email has already been taken", "Try another one"]),
    );
    f.submit.run(());
    until("rejected", || {
        f.status.state.get_untracked() == FormState::Rejected
    })
    .await;
    assert_eq!(
        f.status.errors_for(FieldId::Email),
        vec!["Email has already been taken".to_owned()]
    );
    assert_eq!(f.status.message.get_untracked(), "Try another one");
    page.mock.push_json(200, full("kss_2", "org_2"));
    f.submit.run(());
    until("sent", || {
        f.status.state.get_untracked() == FormState::Succeeded
    })
    .await;
    assert_eq!(json_body(&page.mock.requests()[0])["token"], "tin:given");
    let body = json_body(&page.mock.requests()[1]);
    assert_eq!(body["first_name"], "Nia");
    assert!(
        body.get("last_name").is_none(),
        "an empty optional field is not sent"
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn forgot_and_invitation_hooks_confirm_without_enumeration() {
    let (page, (forgot, invite), _) =
        bare(|| (use_forgot_password_form(), use_request_invitation_form())).await;
    forgot.email.set("nobody@example.com".into());
    page.mock.push_json(
        404,
        json!({"result": "error", "error": "Not found", "source": "record_not_found"}),
    );
    forgot.submit.run(());
    until("forgot done", || {
        forgot.status.state.get_untracked() == FormState::Succeeded
    })
    .await;
    invite.email.set("x@example.com".into());
    page.mock.push_json(200, json!({"result": "okay"}));
    invite.submit.run(());
    until("invitation done", || {
        invite.status.state.get_untracked() == FormState::Succeeded
    })
    .await;
    assert!(page.mock.requests()[1].url.ends_with("/v2/signup/request"));
    page.unmount();
}

#[wasm_bindgen_test]
async fn reset_hook_owns_the_missing_link_state() {
    let (page, f, _) = bare(use_reset_password_form).await;
    // no token anywhere: the link is reported, no request
    until("no link", || {
        f.status.state.get_untracked() == FormState::LinkMissing
    })
    .await;
    assert!(!f.has_token.get_untracked());
    assert_eq!(
        f.status.message.get_untracked(),
        "This password reset link is incomplete. Please request a new one."
    );
    f.password.set("a-new-password".into());
    f.submit.run(());
    settle().await;
    assert!(page.mock.requests().is_empty());
    page.unmount();
}

#[wasm_bindgen_test]
async fn profile_hooks_need_a_session_then_send_with_it() {
    let (page, (complete, password), session) =
        bare(|| (use_complete_profile_form(), use_change_password_form())).await;
    // signed out: "session expired", nothing sent
    complete.org_name.set("Acme".into());
    complete.submit.run(());
    assert_eq!(
        complete.status.state.get_untracked(),
        FormState::SessionExpired
    );
    assert!(page.mock.requests().is_empty());

    sign_in(&session, "kss_p");
    complete.submit.run(());
    page.mock.push_json(200, full("kss_p", "org_1"));
    until("completed", || {
        complete.status.state.get_untracked() == FormState::Succeeded
    })
    .await;
    assert_eq!(
        json_body(&page.mock.requests()[0]),
        json!({"session": "kss_p", "org_name": "Acme"})
    );

    password.current_password.set("old".into());
    password.password.set("new-password".into());
    page.mock.push_json(200, json!({"result": "okay"}));
    password.submit.run(());
    until("changed", || {
        password.status.state.get_untracked() == FormState::Succeeded
    })
    .await;
    assert_eq!(
        password.current_password.get_untracked(),
        "",
        "cleared after success"
    );
    assert_eq!(
        page.mock.requests()[1].url.rsplit("/v2/").next(),
        Some("profile/password")
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn profile_hook_prefills_from_the_token() {
    // the hook is created once the user is signed in, as on a guarded page
    let ready = RwSignal::new(false);
    let form = RwSignal::new_local(None::<UseProfileFormReturn>);
    let session = RwSignal::new_local(None::<UseSessionReturn>);
    let page = mount(move || {
        session.set(Some(use_session()));
        move || ready.get().then(|| form.set(Some(use_profile_form())))
    });
    settle().await;
    sign_in(&session.get_untracked().unwrap(), "kss_q");
    ready.set(true);
    settle().await;
    let f = form.get_untracked().unwrap();
    assert_eq!(f.value(FieldId::FirstName).unwrap().get_untracked(), "Ann");
    assert_eq!(
        f.value(FieldId::Email).unwrap().get_untracked(),
        "ann@example.com"
    );
    f.value(FieldId::FirstName).unwrap().set("Anna".into());
    page.mock.push_json(200, full("kss_q", "org_1"));
    f.submit.run(());
    until("saved", || {
        f.status.state.get_untracked() == FormState::Succeeded
    })
    .await;
    let body = json_body(&page.mock.requests()[0]);
    assert_eq!(
        (body["first_name"].as_str(), body["email"].as_str()),
        (Some("Anna"), Some("ann@example.com"))
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn verify_email_hook_verifies_once_after_render() {
    let slot = RwSignal::new_local(None::<UseVerifyEmailReturn>);
    let page = mount(move || {
        slot.set(Some(use_verify_email_with_options(UseVerifyEmailOptions {
            token: Some("tve:1".into()),
            ..Default::default()
        })))
    });
    // mounted, not yet verifying: that happens after render
    assert!(page.mock.requests().is_empty());
    page.mock.push(Err(TransportError::Timeout));
    let v = slot.get_untracked().unwrap();
    until("timed out", || {
        v.state.get_untracked() == FormState::Unavailable(Unavailable::Timeout)
    })
    .await;
    assert_eq!(
        v.message.get_untracked(),
        "The sign-in service took too long to answer. Please try again."
    );
    page.mock.push_json(200, json!({"result": "okay"}));
    v.retry.run(());
    until("verified", || {
        v.state.get_untracked() == FormState::Succeeded
    })
    .await;
    assert_eq!(page.mock.requests().len(), 2);
    page.unmount();
}

#[wasm_bindgen_test]
async fn account_picker_and_logout_hooks() {
    let (page, (picker, out), session) = bare(|| (use_account_picker(), use_logout())).await;
    let conditional: loginrocket::Response = serde_json::from_value(json!({
        "result": "conditional_login", "session": "kss_a", "account": null,
        "conditions": ["no_account_selected"],
        "accounts": [{"id": "org_1", "name": "One"}, {"id": "org_2", "name": "Two"}]
    }))
    .unwrap();
    if let loginrocket::Response::ConditionalLogin(c) = conditional {
        session.store.set(SessionState::Conditional(c));
    }
    assert_eq!(picker.accounts.get_untracked().map(|a| a.len()), Some(2));
    page.mock.push_json(200, full("kss_a", "org_2"));
    picker.choose.run("org_2".into());
    until("chosen", || session.state.get_untracked().is_signed_in()).await;
    assert!(page.mock.requests()[0].url.contains("account=org_2"));

    page.mock.push(Err(TransportError::Offline));
    out.logout.run(());
    until("signed out", || {
        !out.pending.get_untracked() && !session.state.get_untracked().is_signed_in()
    })
    .await;
    assert_eq!(page.mock.requests()[1].method, Method::Delete);
    assert!(out
        .message
        .get_untracked()
        .starts_with("You're signed out on this device"));
    page.unmount();
}

#[wasm_bindgen_test]
async fn our_messages_follow_the_locale_and_the_servers_keep_their_language() {
    let (page, f, _) = bare(use_login_form).await;
    f.submit.run(());
    assert_eq!(
        f.status.errors_for(FieldId::Email),
        vec!["Please fill in Email.".to_owned()]
    );
    assert_eq!(
        f.status.server_lang(),
        None,
        "ours are in the page's language"
    );
    page.locale.set(Locale::JA);
    assert_eq!(
        f.status.errors_for(FieldId::Email),
        vec!["メールアドレスを入力してください。".to_owned()]
    );
    page.locale.set(Locale::EN);
    f.email.set("ann@example.com".into());
    f.password.set("pw".into());
    page.mock
        .push_json(422, invalid(&["Email is invalid", "Login failed"]));
    f.submit.run(());
    until("rejected", || {
        f.status.state.get_untracked() == FormState::Rejected
    })
    .await;
    page.locale.set(Locale::ES);
    assert_eq!(
        f.status.errors_for(FieldId::Email),
        vec!["Email is invalid".to_owned()],
        "the server's message stays as it came"
    );
    assert_eq!(f.status.message.get_untracked(), "Login failed");
    assert_eq!(
        f.status.server_lang(),
        Some(Locale::EN),
        "in the request's language"
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn change_password_labels_the_new_field_as_new_and_names_it_so_when_missing() {
    let (page, f, session) = bare(use_change_password_form).await;
    sign_in(&session, "kss_1");
    assert_eq!(f.status.label_key(FieldId::Password), "field-new-password");
    assert_eq!(
        f.status.label_key(FieldId::CurrentPassword),
        "field-current-password"
    );
    f.submit.run(());
    assert_eq!(
        f.status.errors_for(FieldId::Password),
        vec!["Please fill in New password.".to_owned()]
    );
    page.unmount();
}

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
