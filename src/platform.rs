//! Every touch of the browser the kit makes: the address bar, `<head>`, storage, Web Locks,
//! the clock, form controls. Each fails quietly (no panics on DOM paths), and off the browser
//! (native tests, server rendering) each is a no-op, so rendering never needs a `window`.
//! Components call these only from effects and event handlers.

use std::sync::Arc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlFormElement};

/// The browser window; `None` off the browser.
fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// A value only the browser's work keeps (a session call in flight, a tag in `<head>`), and
/// which can't leave its thread. In the browser it lives in the reactive owner like any stored
/// value. A server renders requests across threads and may clean a request's values up on
/// another thread than made them, where a thread-bound value panics (and cuts the response
/// short); the browser's work never runs there, so off the browser it holds nothing.
pub(crate) struct BrowserCell<T: 'static> {
    #[cfg(target_arch = "wasm32")]
    value: leptos::prelude::StoredValue<Option<T>, leptos::prelude::LocalStorage>,
    #[cfg(not(target_arch = "wasm32"))]
    value: std::marker::PhantomData<fn() -> T>,
}

impl<T: 'static> Clone for BrowserCell<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for BrowserCell<T> {}

impl<T: 'static> BrowserCell<T> {
    /// An empty cell, owned by the current reactive owner.
    pub(crate) fn new() -> Self {
        Self {
            #[cfg(target_arch = "wasm32")]
            value: leptos::prelude::StoredValue::new_local(None),
            #[cfg(not(target_arch = "wasm32"))]
            value: std::marker::PhantomData,
        }
    }

    /// `f` over the value; `None` once the owner is gone.
    pub(crate) fn with<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> Option<R> {
        #[cfg(target_arch = "wasm32")]
        {
            use leptos::prelude::WithValue;
            self.value.try_with_value(|v| f(v.as_ref()))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Some(f(None))
        }
    }

    /// Replaces the value (off the browser, drops it).
    pub(crate) fn set(&self, value: Option<T>) {
        #[cfg(target_arch = "wasm32")]
        {
            use leptos::prelude::SetValue;
            self.value.try_set_value(value);
        }
        #[cfg(not(target_arch = "wasm32"))]
        drop(value);
    }

    /// Takes the value out.
    pub(crate) fn take(&self) -> Option<T> {
        #[cfg(target_arch = "wasm32")]
        {
            use leptos::prelude::UpdateValue;
            self.value.try_update_value(Option::take).flatten()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            None
        }
    }
}

/// The current time: `Date.now()` in the browser (where `SystemTime::now` panics).
pub(crate) fn now() -> std::time::SystemTime {
    #[cfg(target_arch = "wasm32")]
    {
        let ms = js_sys::Date::now().max(0.0) as u64;
        std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
    }
}

/// The transport of a client the app did not give: `fetch` in the browser; elsewhere none
/// (every call fails as unreachable: pass a client to the provider).
pub(crate) fn default_transport() -> Arc<dyn loginrocket::transport::Transport> {
    #[cfg(target_arch = "wasm32")]
    {
        Arc::new(loginrocket::transport::BrowserTransport)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Arc::new(NoTransport)
    }
}

#[cfg(not(target_arch = "wasm32"))]
struct NoTransport;

#[cfg(not(target_arch = "wasm32"))]
impl loginrocket::transport::Transport for NoTransport {
    fn send(
        &self,
        _: loginrocket::transport::HttpRequest,
    ) -> loginrocket::transport::BoxFuture<
        Result<loginrocket::transport::HttpResponse, loginrocket::transport::TransportError>,
    > {
        Box::pin(async {
            Err(loginrocket::transport::TransportError::Network(
                "no default transport on this target: pass a client".into(),
            ))
        })
    }
}

/// Runs `work` once, after the first render, in the browser only (an effect: never on a
/// server). Not generic on purpose: one copy serves every caller (wasm size).
pub(crate) fn after_render(work: Box<dyn FnOnce()>) {
    let mut work = Some(work);
    leptos::prelude::Effect::new(move |_| {
        if let Some(work) = work.take() {
            leptos::prelude::untrack(work);
        }
    });
}

/// Runs `work` after the first render and again whenever a signal it reads changes (an
/// effect: in the browser only, never on a server). Not generic on purpose: one copy serves
/// every caller (wasm size).
pub(crate) fn effect(work: Box<dyn Fn()>) {
    leptos::prelude::Effect::new(move |_| work());
}

/// `localStorage` when `shared`, else `sessionStorage`.
fn storage(shared: bool) -> Option<web_sys::Storage> {
    let window = window()?;
    let storage = if shared {
        window.local_storage()
    } else {
        window.session_storage()
    };
    storage.ok().flatten()
}

/// The text stored under `key`: `None` when there is no such storage (no browser, or
/// storage is off), `Some(None)` when nothing is stored.
pub(crate) fn read_stored(shared: bool, key: &str) -> Option<Option<String>> {
    Some(storage(shared)?.get_item(key).ok().flatten())
}

/// Stores `text` under `key`, or removes the key (`None`).
pub(crate) fn write_stored(shared: bool, key: &str, text: Option<&str>) {
    if let Some(s) = storage(shared) {
        let _ = match text {
            Some(text) => s.set_item(key, text),
            None => s.remove_item(key),
        };
    }
}

/// Reads `?token=` from the address bar once and removes it (with `history.replaceState`),
/// so the token does not stay in the history, in bookmarks or in a `Referer`.
pub(crate) fn take_query_param_token() -> Option<String> {
    take_query_params(&["token"]).pop().flatten()
}

/// Reads the query parameters `names` (an empty one reads as absent) and takes every one of
/// them out of the address bar at once (with `history.replaceState`, before anything else
/// is fetched from the page). Off the browser, all absent.
pub(crate) fn take_query_params(names: &[&str]) -> Vec<Option<String>> {
    let taken = (|| {
        let window = window()?;
        let url = web_sys::Url::new(&window.location().href().ok()?).ok()?;
        let params = url.search_params();
        let values: Vec<Option<String>> = names
            .iter()
            .map(|n| params.get(n).filter(|v| !v.is_empty()))
            .collect();
        if names.iter().any(|n| params.has(n)) {
            for name in names {
                params.delete(name);
            }
            url.set_search(&params.to_string().as_string().unwrap_or_default());
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&url.href()),
                );
            }
        }
        Some(values)
    })();
    taken.unwrap_or_else(|| vec![None; names.len()])
}

/// The page's origin (`https://app.example`), in the browser.
pub(crate) fn origin() -> Option<String> {
    window()?.location().origin().ok()
}

/// 16 bytes from the browser's cryptographic generator, as hex: a state no other page can
/// guess. `None` off the browser.
pub(crate) fn random_hex() -> Option<String> {
    let mut bytes = [0u8; 16];
    window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Adds `<meta name="referrer" content="no-referrer">` to `<head>` while alive.
pub(crate) struct NoReferrer(Option<web_sys::Element>);

impl NoReferrer {
    /// Adds the tag.
    pub(crate) fn add() -> Self {
        let meta = (|| {
            let document = window()?.document()?;
            let meta = document.create_element("meta").ok()?;
            meta.set_attribute("name", "referrer").ok()?;
            meta.set_attribute("content", "no-referrer").ok()?;
            meta.set_attribute("data-lr", "").ok()?;
            document.head()?.append_child(&meta).ok()?;
            Some(meta)
        })();
        Self(meta)
    }

    /// Removes the tag.
    pub(crate) fn remove(&mut self) {
        if let Some(meta) = self.0.take() {
            meta.remove();
        }
    }
}

/// Keeps `<meta name="referrer" content="no-referrer">` in `<head>` while the calling
/// component is mounted, added after render (an emailed token must not leak in `Referer`).
pub(crate) fn no_referrer_while_mounted() {
    let meta = BrowserCell::<NoReferrer>::new();
    after_render(Box::new(move || meta.set(Some(NoReferrer::add()))));
    leptos::prelude::on_cleanup(move || {
        if let Some(mut m) = meta.take() {
            m.remove();
        }
    });
}

/// The current value of the control named `name` in `form` (autofill included).
pub(crate) fn form_value(form: &HtmlFormElement, name: &str) -> Option<String> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    data.get(name).as_string()
}

/// Focuses the first control marked `aria-invalid="true"` in `form`, else the form's alert
/// (looked up inside the form: ids are unique per provider, not per document).
pub(crate) fn focus_first_invalid(form: &HtmlFormElement) {
    let target = ["[aria-invalid=\"true\"]", ".lr-form__alert"]
        .into_iter()
        .find_map(|selector| form.query_selector(selector).ok().flatten());
    if let Some(el) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Runs `work` holding the Web Lock `name` (one holder at a time across the origin's tabs),
/// or at once where the browser has no `navigator.locks`.
pub(crate) fn with_tab_lock(
    name: &'static str,
    work: futures::future::LocalBoxFuture<'static, ()>,
) -> futures::future::LocalBoxFuture<'static, ()> {
    use futures::FutureExt;
    use wasm_bindgen::JsValue;
    let get =
        |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key)).ok();
    let request = window()
        .and_then(|w| get(&w, "navigator"))
        .and_then(|navigator| get(&navigator, "locks"))
        .filter(|locks| locks.is_object())
        .and_then(|locks| {
            let request = get(&locks, "request")?
                .dyn_into::<js_sys::Function>()
                .ok()?;
            Some((locks, request))
        });
    let Some((locks, request)) = request else {
        return work;
    };
    async move {
        let (done_tx, done_rx) = futures::channel::oneshot::channel::<()>();
        // shared with the callback, so that the work can be taken back if the request throws
        let slot = std::rc::Rc::new(std::cell::Cell::new(Some((work, done_tx))));
        let in_lock = slot.clone();
        // the lock is held until the promise the callback returns settles
        let held = wasm_bindgen::closure::Closure::once_into_js(move |_lock: JsValue| {
            let promise = match in_lock.take() {
                Some((work, done_tx)) => wasm_bindgen_futures::future_to_promise(async move {
                    work.await;
                    let _ = done_tx.send(());
                    Ok(JsValue::UNDEFINED)
                }),
                None => js_sys::Promise::resolve(&JsValue::UNDEFINED),
            };
            JsValue::from(promise)
        });
        if request
            .call2(&locks, &JsValue::from_str(name), &held)
            .is_ok()
        {
            let _ = done_rx.await;
        } else if let Some((work, _)) = slot.take() {
            // no lock to be had: the work still runs
            work.await;
        }
    }
    .boxed_local()
}

/// Leaves the app for `url` (a hosted LoginRocket page).
pub(crate) fn navigate(url: &str) {
    if let Some(window) = window() {
        let _ = window.location().assign(url);
    }
}

/// Empties the form's secret inputs (passwords, codes: marked `data-lr-secret`).
pub(crate) fn clear_secrets(form: &HtmlFormElement) {
    let Ok(inputs) = form.query_selector_all("[data-lr-secret]") else {
        return;
    };
    for i in 0..inputs.length() {
        if let Some(input) = inputs
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value("");
        }
    }
}

/// Submits `form` as if its submit button was pressed (runs the submit handler).
pub(crate) fn request_submit(form: &HtmlFormElement) {
    let _ = form.request_submit();
}

/// The browser's preferred languages (`navigator.languages`, best first); empty off the
/// browser.
pub(crate) fn languages() -> Vec<String> {
    let Some(window) = window() else {
        return Vec::new();
    };
    let navigator = window.navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

thread_local! {
    /// The address the app was loaded at, and the document's title before any kit page set
    /// its own.
    static LANDING: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

fn href() -> Option<String> {
    window()?.location().href().ok()
}

/// Notes the address the app was loaded at and the app's own document title (once: the
/// provider calls it as the app starts).
pub(crate) fn note_landing() {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    LANDING.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| (href().unwrap_or_default(), doc.title()));
    });
}

/// Whether the address is still the one the app was loaded at.
pub(crate) fn at_landing() -> bool {
    LANDING.with(|l| {
        l.borrow()
            .as_ref()
            .is_some_and(|(first, _)| Some(first) == href().as_ref())
    })
}

/// Sets `<html lang>`.
pub(crate) fn set_document_lang(tag: &str) {
    if let Some(html) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", tag);
    }
}

/// Marks `<html data-lr-locale="pending">` while the locale an app starts in is on its way
/// (the kit's stylesheet keeps the page hidden meanwhile: no English first), `"ready"` after.
#[cfg(feature = "lazy-pages")]
pub(crate) fn mark_locale(pending: bool) {
    if let Some(html) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("data-lr-locale", if pending { "pending" } else { "ready" });
    }
}

/// Adds `css` to the document's adopted style sheets, once per page (a constructed sheet:
/// no `<style>` element, so a CSP without `'unsafe-inline'` allows it).
pub(crate) fn adopt_stylesheet(css: &str) {
    thread_local! {
        static ADOPTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ADOPTED.get() {
        return;
    }
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    if sheet.replace_sync(css).is_ok() {
        let sheets = doc.adopted_style_sheets();
        sheets.push(&sheet);
        doc.set_adopted_style_sheets(&sheets);
        ADOPTED.set(true);
    }
}

/// Sets the document's title.
pub(crate) fn set_title(title: &str) {
    if let Some(doc) = window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Gives the document back the app's own title, unless someone else has set one since
/// `ours` (a page of the app's own that names itself).
pub(crate) fn restore_title(ours: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if doc.title() == ours {
        if let Some(app) = LANDING.with(|l| l.borrow().as_ref().map(|(_, t)| t.clone())) {
            doc.set_title(&app);
        }
    }
}

/// Moves focus into a page that was just navigated to: to its first form control when
/// `field` (the user came from a submit) and there is one, else to `heading`.
pub(crate) fn focus_page(page: &HtmlElement, heading: &HtmlElement, field: bool) {
    let control = field
        .then(|| {
            page.query_selector("input:not([type=hidden]), select, textarea")
                .ok()
                .flatten()
        })
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    let _ = control.as_ref().unwrap_or(heading).focus();
}
