//! The session store in headless Chromium, on the mock transport: sign-out and refresh,
//! what is stored and where, and races, restores, failures and several tabs.
#![cfg(target_arch = "wasm32")]

mod support;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;
use loginrocket::transport::{HttpResponse, Method, MockTransport, TransportError};
use serde_json::json;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "leptos-loginrocket.session";

fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

fn base64url(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn jwt(claims: serde_json::Value) -> String {
    format!("e30.{}.c2ln", base64url(claims.to_string().as_bytes()))
}

/// A `full_login` whose token has these claims.
fn full_with(session: &str, account: &str, claims: serde_json::Value) -> serde_json::Value {
    json!({"result": "full_login", "session": session, "account": account, "token": jwt(claims)})
}

fn local() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn session_storage() -> web_sys::Storage {
    window().session_storage().unwrap().unwrap()
}

/// A provider with `persistence`, on its own mock transport.
struct App {
    root: web_sys::HtmlElement,
    mock: Arc<MockTransport>,
    session: RwSignal<Option<UseSessionReturn>, LocalStorage>,

    _handle: Box<dyn std::any::Any>,
}

impl App {
    fn mount(persistence: Persistence) -> Self {
        Self::mount_with(persistence, || ().into_any())
    }

    /// With `view` inside the provider.
    fn mount_with(persistence: Persistence, view: fn() -> AnyView) -> Self {
        let root: web_sys::HtmlElement = document()
            .create_element("section")
            .unwrap()
            .unchecked_into();
        document().body().unwrap().append_child(&root).unwrap();
        let mock = Arc::new(MockTransport::new());
        let session = RwSignal::new_local(None);

        let c = client(&mock);
        let handle = leptos::mount::mount_to(root.clone(), move || {
            let c = c.clone();
            view! {
                <LoginRocketProvider client=c persistence=persistence>
                    {
                        session.set(Some(use_session()));

                    }
                    {view()}
                </LoginRocketProvider>
            }
        });
        App {
            root,
            mock,
            session,
            _handle: Box::new(handle),
        }
    }

    fn store(&self) -> SessionStore {
        self.session.get_untracked().unwrap().store
    }

    fn state(&self) -> SessionState {
        self.store().state().get_untracked()
    }

    fn token(&self) -> Option<String> {
        match self.state() {
            SessionState::SignedIn { login, .. } => Some(login.token.expose().to_owned()),
            _ => None,
        }
    }

    fn sign_in(&self, answer: serde_json::Value) {
        let login = match serde_json::from_value(answer).unwrap() {
            loginrocket::Response::FullLogin(f) => f,
            other => panic!("{other:?}"),
        };
        self.store().set(SessionState::signed_in(login));
    }

    fn unmount(self) {
        drop(self._handle);
        self.root.remove();
    }
}

/// What the store writes, for a restore.
fn stored(answer: serde_json::Value) -> String {
    answer.to_string()
}

fn hour_token() -> serde_json::Value {
    json!({"sub": "usr_1", "iat": now_secs(), "exp": now_secs() + 3600})
}

#[wasm_bindgen_test]
async fn a_sign_out_during_a_refresh_stays_signed_out() {
    local().clear().unwrap();
    let app = App::mount(Persistence::LOCAL_STORAGE);
    settle().await;
    app.sign_in(full_with("kss_1", "org_1", hour_token()));
    let late = app.mock.push_deferred();
    let refresh = app.store().refresh();
    leptos::task::spawn_local(refresh.clone());
    until("the refresh is sent", || app.mock.requests().len() == 1).await;

    app.mock.push_json(200, json!({"result": "okay"}));
    app.store().logout().await;
    assert_eq!(app.state(), SessionState::SignedOut);
    // the refresh's answer arrives after the sign-out: it must change nothing
    late.respond_json(200, full_with("kss_1", "org_1", hour_token()));
    refresh.await;
    settle().await;
    assert_eq!(
        app.state(),
        SessionState::SignedOut,
        "a late refresh signed the user back in"
    );
    assert_eq!(
        local().get_item(KEY).unwrap(),
        None,
        "and wrote the session back"
    );
    assert_ne!(app.store().status().get_untracked(), FormState::Submitting);
    let methods: Vec<Method> = app.mock.requests().iter().map(|r| r.method).collect();
    assert_eq!(methods, vec![Method::Get, Method::Delete]);
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_account_switch_made_during_a_refresh_is_not_lost() {
    let app = App::mount(Persistence::MEMORY);
    settle().await;
    app.sign_in(full_with("kss_2", "org_1", hour_token()));
    let refresh_answer = app.mock.push_deferred();
    app.mock
        .push_json(200, full_with("kss_2", "org_2", hour_token()));
    let refresh = app.store().refresh();
    let switch = app.store().switch_account("org_2".into());
    leptos::task::spawn_local(refresh.clone());
    leptos::task::spawn_local(switch.clone());
    until("the refresh is sent", || app.mock.requests().len() == 1).await;
    refresh_answer.respond_json(200, full_with("kss_2", "org_1", hour_token()));
    refresh.await;
    switch.await;
    let requests = app.mock.requests();
    assert_eq!(requests.len(), 2, "the switch is its own request");
    assert!(
        requests[1].url.contains("account=org_2"),
        "{}",
        requests[1].url
    );
    match app.state() {
        SessionState::SignedIn { login, .. } => assert_eq!(login.account, "org_2"),
        other => panic!("{other:?}"),
    }
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_restored_session_whose_token_expired_is_refreshed_at_once_or_signed_out() {
    let expired = json!({"sub": "usr_1", "iat": now_secs() - 7200, "exp": now_secs() - 3600});
    // refreshed at once
    session_storage()
        .set_item(KEY, &stored(full_with("kss_3", "org_1", expired.clone())))
        .unwrap();
    let app = App::mount(Persistence::SESSION_STORAGE);
    let fresh = full_with("kss_3", "org_1", hour_token());
    app.mock.push_json(200, fresh.clone());
    until("a refresh on restore", || app.mock.requests().len() == 1).await;
    until("the new token", || {
        app.token().as_deref() == fresh["token"].as_str()
    })
    .await;
    assert_eq!(app.mock.requests()[0].method, Method::Get);
    app.unmount();

    // and when that refresh cannot reach the service, an expired token is not kept
    session_storage()
        .set_item(KEY, &stored(full_with("kss_3", "org_1", expired)))
        .unwrap();
    let app = App::mount(Persistence::SESSION_STORAGE);
    app.mock.push(Err(TransportError::Offline));
    until("signed out", || {
        app.mock.requests().len() == 1 && app.state() == SessionState::SignedOut
    })
    .await;
    assert_eq!(session_storage().get_item(KEY).unwrap(), None);
    assert_eq!(
        app.store().status().get_untracked(),
        FormState::Unavailable(Unavailable::Offline),
        "and says why"
    );
    app.unmount();
    session_storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_restored_session_is_refreshed_before_its_token_expires() {
    // restored with 2 s left: refreshed within about a second, not never
    let soon = json!({"sub": "usr_1", "exp": now_secs() + 2});
    session_storage()
        .set_item(KEY, &stored(full_with("kss_4", "org_1", soon)))
        .unwrap();
    let app = App::mount(Persistence::SESSION_STORAGE);
    settle().await;
    assert!(app.state().is_signed_in());
    assert!(app.mock.requests().is_empty(), "not due yet");
    app.mock
        .push_json(200, full_with("kss_4", "org_1", hour_token()));
    until("a scheduled refresh", || app.mock.requests().len() == 1).await;
    app.unmount();
    session_storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_failed_refresh_is_retried_while_the_token_is_valid() {
    // restored with 4 s left: the refresh at 2 s fails; the retry (5 s later, or when the
    // token expires if that is sooner) works
    let soon = json!({"sub": "usr_1", "exp": now_secs() + 4});
    session_storage()
        .set_item(KEY, &stored(full_with("kss_5", "org_1", soon)))
        .unwrap();
    let app = App::mount(Persistence::SESSION_STORAGE);
    app.mock.push(Ok(HttpResponse::new(503, "")));
    let fresh = full_with("kss_5", "org_1", hour_token());
    app.mock.push_json(200, fresh.clone());
    until("the first refresh", || app.mock.requests().len() == 1).await;
    until("it failed, the session is kept", || {
        app.store().status().get_untracked() == FormState::Unavailable(Unavailable::Server)
    })
    .await;
    assert!(app.state().is_signed_in());
    until_within(9000.0, "a retry", || app.mock.requests().len() == 2).await;
    until("the new token", || {
        app.token().as_deref() == fresh["token"].as_str()
    })
    .await;
    app.unmount();
    session_storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn only_one_tab_refreshes_a_shared_session_at_a_time() {
    local().clear().unwrap();
    let expired = json!({"sub": "usr_1", "exp": now_secs() - 10});
    local()
        .set_item(KEY, &stored(full_with("kss_6", "org_1", expired)))
        .unwrap();
    // two providers on one localStorage: two tabs of the app
    let (a, b) = (
        App::mount(Persistence::LOCAL_STORAGE),
        App::mount(Persistence::LOCAL_STORAGE),
    );
    let (answer_a, answer_b) = (a.mock.push_deferred(), b.mock.push_deferred());
    until("one tab refreshes", || {
        a.mock.requests().len() + b.mock.requests().len() == 1
    })
    .await;
    settle().await;
    let fresh = full_with("kss_6", "org_1", hour_token());
    let first = if a.mock.requests().len() == 1 {
        answer_a
    } else {
        answer_b
    };
    first.respond_json(200, fresh.clone());
    for app in [&a, &b] {
        until("both tabs have the new token", || {
            app.token().as_deref() == fresh["token"].as_str()
        })
        .await;
    }
    settle().await;
    assert_eq!(
        a.mock.requests().len() + b.mock.requests().len(),
        1,
        "one refresh for both tabs"
    );
    a.unmount();
    b.unmount();
    local().clear().unwrap();
}

fn storage_event(new_value: Option<&str>) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(KEY));
    init.set_new_value(new_value);
    init.set_storage_area(Some(&local()));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn another_tabs_sign_out_and_new_token_are_followed() {
    local().clear().unwrap();
    let app = App::mount(Persistence::LOCAL_STORAGE);
    settle().await;
    app.sign_in(full_with("kss_7", "org_1", hour_token()));
    // another tab signed out (it removed the key)
    local().remove_item(KEY).unwrap();
    storage_event(None);
    until("signed out here too", || {
        app.state() == SessionState::SignedOut
    })
    .await;
    // another tab signed in
    let other = full_with("kss_8", "org_1", hour_token());
    local().set_item(KEY, &stored(other.clone())).unwrap();
    storage_event(Some(&stored(other.clone())));
    until("signed in here too", || {
        app.token().as_deref() == other["token"].as_str()
    })
    .await;
    assert!(
        app.mock.requests().is_empty(),
        "following another tab costs no request"
    );
    app.unmount();
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_reset_that_asks_to_sign_in_again_leaves_nobody_signed_in() {
    session_storage().clear().unwrap();
    let done = RwSignal::new(false);
    let page = mount(move || {
        view! {
            <ResetPasswordForm token="tpw:1" after_reset=AfterReset::SignIn on_success=move |()| done.set(true)/>
            {move || use_session().state.get().is_signed_in().then_some(view! { <p class="signed-in"/> })}
        }
    });
    settle().await;
    page.type_into("input[name=password]", "a-new-password");
    page.mock
        .push_json(200, full_with("kss_9", "org_1", hour_token()));
    page.mock.push_json(200, json!({"result": "okay"}));
    page.click("button[type=submit]");
    until("done", || done.get_untracked()).await;
    until("the reset's session is ended", || {
        page.mock.requests().len() == 2
    })
    .await;
    assert_eq!(page.mock.requests()[1].method, Method::Delete);
    settle().await;
    assert!(
        page.q(".signed-in").is_none(),
        "the store must not be signed in"
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn passwords_leave_the_page_once_their_call_succeeded() {
    let page = mount(|| view! { <LoginForm/><ResetPasswordForm token="tpw:2"/> });
    settle().await;
    for form in page.root.query_selector_all("form").unwrap().values() {
        let form: web_sys::Element = form.unwrap().unchecked_into();
        assert_eq!(form.get_attribute("method").as_deref(), Some("post"));
    }
    page.type_into("form.lr-form--login input[name=email]", "ann@example.com");
    page.type_into("form.lr-form--login input[name=password]", "pw-SENTINEL-1");
    page.mock
        .push_json(200, full_with("kss_10", "org_1", hour_token()));
    page.click("form.lr-form--login button[type=submit]");
    until("the login's password is gone", || {
        page.input("form.lr-form--login input[name=password]")
            .value()
            .is_empty()
    })
    .await;
    page.type_into("form.lr-form--reset input[name=password]", "pw-SENTINEL-2");
    page.mock
        .push_json(200, full_with("kss_11", "org_1", hour_token()));
    page.click("form.lr-form--reset button[type=submit]");
    until("the reset's password is gone", || {
        page.input("form.lr-form--reset input[name=password]")
            .value()
            .is_empty()
    })
    .await;
    assert!(!page.root.outer_html().contains("SENTINEL"));
    page.unmount();
}

#[wasm_bindgen_test]
async fn a_headless_submit_while_one_is_pending_sends_nothing() {
    let form = RwSignal::new_local(None::<UseLoginFormReturn>);
    let page = mount(move || form.set(Some(use_login_form())));
    settle().await;
    let f = form.get_untracked().unwrap();
    f.email.set("ann@example.com".into());
    f.password.set("pw".into());
    let answer = page.mock.push_deferred();
    f.submit.run(());
    settle().await;
    assert_eq!(f.status.state.get_untracked(), FormState::Submitting);
    // the user empties a field and submits again while the first request is pending
    f.password.set(String::new());
    f.submit.run(());
    settle().await;
    assert_eq!(
        f.status.state.get_untracked(),
        FormState::Submitting,
        "still pending"
    );
    assert!(f.status.field_errors.get_untracked().is_empty());
    assert_eq!(page.mock.requests().len(), 1, "no second request");
    answer.respond_json(200, full_with("kss_12", "org_1", hour_token()));
    until("signed in", || {
        f.status.state.get_untracked() == FormState::Succeeded
    })
    .await;
    assert_eq!(page.mock.requests().len(), 1);
    page.unmount();
}

#[wasm_bindgen_test]
async fn the_sign_out_button_works_while_a_refresh_is_slow() {
    let app = App::mount_with(Persistence::MEMORY, || view! { <LogoutButton/> }.into_any());
    settle().await;
    app.sign_in(full_with("kss_13", "org_1", hour_token()));
    let page_root = app.root.clone();
    let _slow = app.mock.push_deferred();
    leptos::task::spawn_local(app.store().refresh());
    until("refreshing", || {
        app.store().status().get_untracked() == FormState::Submitting
    })
    .await;
    let el: web_sys::HtmlElement = page_root
        .query_selector(".lr-logout")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!el.has_attribute("disabled"), "sign-out must stay possible");
    app.mock.push_json(200, json!({"result": "okay"}));
    el.click();
    until("signed out", || app.state() == SessionState::SignedOut).await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_refresh_answered_after_another_tab_signed_out_does_not_sign_the_user_back_in() {
    local().clear().unwrap();
    let app = App::mount(Persistence::LOCAL_STORAGE);
    settle().await;
    app.sign_in(full_with("kss_1", "org_1", hour_token()));
    assert!(local().get_item(KEY).unwrap().is_some());
    let late = app.mock.push_deferred();
    let refresh = app.store().refresh();
    leptos::task::spawn_local(refresh.clone());
    until("the refresh is sent", || app.mock.requests().len() == 1).await;

    // another tab signs out: its `storage` event has not reached this tab yet
    local().remove_item(KEY).unwrap();
    late.respond_json(200, full_with("kss_1", "org_1", hour_token()));
    refresh.await;
    settle().await;
    assert_eq!(
        local().get_item(KEY).unwrap(),
        None,
        "the refresh's answer brought the ended session back into storage"
    );
    assert_eq!(
        app.state(),
        SessionState::SignedOut,
        "what storage holds is what this tab shows"
    );
    app.unmount();
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_late_or_forged_storage_event_does_not_sign_a_signed_out_tab_back_in() {
    local().clear().unwrap();
    let app = App::mount(Persistence::LOCAL_STORAGE);
    settle().await;
    let before = full_with("kss_2", "org_1", hour_token());
    app.sign_in(before.clone());
    app.mock.push_json(200, json!({"result": "okay"}));
    app.store().logout().await;
    assert_eq!(local().get_item(KEY).unwrap(), None);

    // another tab's refresh was written just before the sign-out; its event comes after
    let refreshed = full_with("kss_2", "org_1", hour_token());
    storage_event(Some(&stored(refreshed)));
    // or a script on the page forges one
    storage_event(Some(&stored(before)));
    settle().await;
    assert_eq!(
        app.state(),
        SessionState::SignedOut,
        "an event's newValue was believed over storage"
    );
    assert_eq!(app.store().authorization_header(), None);
    app.unmount();
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn logout_signs_out_locally_even_offline_and_says_so() {
    let page = mount(|| {
        capture_session();
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
        capture_session();
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
        capture_session();
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
        view! { <LoginRocketProvider client=c persistence=Persistence::SESSION_STORAGE>{capture_session()}</LoginRocketProvider> }
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
