//! Helpers for the kit's browser tests: mount, act like a user, wait for conditions.
#![allow(dead_code)]

use std::sync::Arc;

use leptos::prelude::*;
use leptos_loginrocket::i18n::Translator;
use leptos_loginrocket::prelude::*;
use loginrocket::transport::MockTransport;
use loginrocket::{Config, LoginRocket};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub struct Page {
    pub root: HtmlElement,
    pub mock: Arc<MockTransport>,
    pub locale: RwSignal<Locale>,
    _handle: Box<dyn std::any::Any>,
}

pub fn client(mock: &Arc<MockTransport>) -> LoginRocket {
    LoginRocket::with_transport(Config::new("https://lr.test"), mock.clone()).unwrap()
}

/// Mounts `view` inside a provider on a mock transport, in a fresh `<section>`.
pub fn mount<V: IntoView + 'static>(view: impl Fn() -> V + Send + 'static) -> Page {
    mount_with(Locale::EN, view)
}

pub fn mount_with<V: IntoView + 'static>(
    initial: Locale,
    view: impl Fn() -> V + Send + 'static,
) -> Page {
    mount_i18n(initial, Catalog::new(), None, view)
}

/// [`mount_with`] with the app's own catalog and translator.
pub fn mount_i18n<V: IntoView + 'static>(
    initial: Locale,
    catalog: Catalog,
    translator: Option<Translator>,
    view: impl Fn() -> V + Send + 'static,
) -> Page {
    let catalog = Arc::new(catalog);
    let document = document();
    let root: HtmlElement = document.create_element("section").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let mock = Arc::new(MockTransport::new());
    let locale = RwSignal::new(initial);
    let c = client(&mock);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let (c, catalog) = (c.clone(), catalog.clone());
        match translator.clone() {
            Some(t) => view! {
                <LoginRocketProvider client=c locale=locale catalog=catalog translator=t>{view()}</LoginRocketProvider>
            }
            .into_any(),
            None => view! {
                <LoginRocketProvider client=c locale=locale catalog=catalog>{view()}</LoginRocketProvider>
            }
            .into_any(),
        }
    });
    Page {
        root,
        mock,
        locale,
        _handle: Box::new(handle),
    }
}

impl Page {
    pub fn q(&self, css: &str) -> Option<Element> {
        self.root.query_selector(css).unwrap()
    }

    pub fn el(&self, css: &str) -> Element {
        self.q(css)
            .unwrap_or_else(|| panic!("no element {css}: {}", self.root.inner_html()))
    }

    pub fn text(&self, css: &str) -> String {
        self.q(css)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    pub fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.el(css).get_attribute(name)
    }

    pub fn input(&self, css: &str) -> HtmlInputElement {
        self.el(css).unchecked_into()
    }

    /// Types like a user: sets the value and fires `input`.
    pub fn type_into(&self, css: &str, value: &str) {
        let input = self.input(css);
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }

    pub fn click(&self, css: &str) {
        self.el(css).unchecked_into::<HtmlElement>().click();
    }

    pub fn submit_disabled(&self) -> bool {
        self.el("button[type=submit]").has_attribute("disabled")
    }

    /// Unmounts (drops the mount handle) and removes the section.
    pub fn unmount(self) {
        drop(self._handle);
        self.root.remove();
    }
}

/// Waits until `cond` holds, up to 4 s (polling every 10 ms): never a fixed sleep.
pub async fn until(what: &str, cond: impl Fn() -> bool) {
    until_within(4000.0, what, cond).await
}

/// Waits like [`until`], but up to `ms` (for the real timers of refreshes and retries).
pub async fn until_within(ms: f64, what: &str, cond: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    loop {
        leptos::task::tick().await;
        if cond() {
            return;
        }
        assert!(
            js_sys::Date::now() - start < ms,
            "timed out waiting for: {what}"
        );
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

/// Lets pending futures and DOM updates run.
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

pub fn json_body(req: &loginrocket::transport::HttpRequest) -> serde_json::Value {
    serde_json::from_str(req.body.as_deref().unwrap_or("null")).unwrap()
}

/// Puts the app at `path` (replacing the history entry), before a router mounts there.
pub fn go(path: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// The app's path and query now.
pub fn here() -> String {
    let l = web_sys::window().unwrap().location();
    format!("{}{}", l.pathname().unwrap(), l.search().unwrap())
}

/// A token for Ann Example, valid until 2033, as the kit reads tokens (for display only):
/// `{"sub":"usr_1","given_name":"Ann","family_name":"Example","email":"ann@example.com","exp":2000000000}`.
pub const JWT: &str = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3JfMSIsImdpdmVuX25hbWUiOiJBbm4iLCJmYW1pbHlfbmFtZSI6IkV4YW1wbGUiLCJlbWFpbCI6ImFubkBleGFtcGxlLmNvbSIsImV4cCI6MjAwMDAwMDAwMH0.c2ln";

/// A token with no claim but its subject, `{"sub":"usr_1"}`: who is signed in has no name.
pub const SUB_ONLY_JWT: &str = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.c2ln";

/// A `full_login` answer for `session` and `account`, with [`JWT`].
pub fn full(session: &str, account: &str) -> serde_json::Value {
    serde_json::json!({"result": "full_login", "session": session, "account": account, "token": JWT})
}

/// Mounts `hook` alone under a provider (no component) and hands out what it returned, with
/// the provider's session.
pub async fn bare<T: Clone + 'static>(
    hook: impl Fn() -> T + Send + 'static,
) -> (Page, T, UseSessionReturn) {
    let slot = RwSignal::new_local(None::<(T, UseSessionReturn)>);
    let page = mount(move || slot.set(Some((hook(), use_session()))));
    settle().await;
    let (value, session) = slot.get_untracked().expect("mounted");
    (page, value, session)
}

/// A 422 with `messages` (its `error` is all of them, joined).
pub fn invalid(messages: &[&str]) -> serde_json::Value {
    serde_json::json!({"result": "error", "error": messages.join(" "), "errors": messages})
}

/// Types a valid email and a sentinel password into the sign-in form.
pub fn fill_login(page: &Page) {
    page.type_into("input[name=email]", "ann@example.com");
    page.type_into("input[name=password]", "pw-SENTINEL");
}

thread_local! {
    static SESSION: std::cell::Cell<Option<UseSessionReturn>> = const { std::cell::Cell::new(None) };
}

/// Captures `use_session()` of the mounted provider.
pub fn capture_session() {
    let s = use_session();
    SESSION.with(|c| c.set(Some(s)));
}

/// The `use_session()` that [`capture_session`] captured in the last mounted provider.
pub fn session() -> UseSessionReturn {
    SESSION.with(|c| c.get().expect("captured"))
}

/// Puts the captured session in the state a `full_login` or `conditional_login` answer leads to.
pub fn sign_in_with(state: serde_json::Value) {
    let s = session();
    let response: loginrocket::Response = serde_json::from_value(state).unwrap();
    let next = match response {
        loginrocket::Response::FullLogin(f) => SessionState::signed_in(f),
        loginrocket::Response::ConditionalLogin(c) => SessionState::Conditional(c),
        _ => SessionState::SignedOut,
    };
    s.store.set(next);
}
