//! The few DOM operations the kit needs, each failing quietly (no panics on DOM paths).

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlFormElement};

/// Reads `?token=` from the address bar once and removes it (with `history.replaceState`),
/// so the token does not stay in the history, in bookmarks or in a `Referer`.
pub fn take_query_param_token() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let href = location.href().ok()?;
    let url = web_sys::Url::new(&href).ok()?;
    let params = url.search_params();
    let token = params.get("token").filter(|t| !t.is_empty())?;
    params.delete("token");
    let search = params.to_string().as_string().unwrap_or_default();
    url.set_search(&search);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
    Some(token)
}

/// Adds `<meta name="referrer" content="no-referrer">` to `<head>` while alive.
pub struct NoReferrer(Option<web_sys::Element>);

impl NoReferrer {
    /// Adds the tag.
    pub fn add() -> Self {
        let meta = (|| {
            let document = web_sys::window()?.document()?;
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
    pub fn remove(&mut self) {
        if let Some(meta) = self.0.take() {
            meta.remove();
        }
    }
}

/// The current value of the control named `name` in `form` (autofill included).
pub fn form_value(form: &HtmlFormElement, name: &str) -> Option<String> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    data.get(name).as_string()
}

/// Focuses the first control marked `aria-invalid="true"` in `form`, else `fallback_id`.
pub fn focus_first_invalid(form: &HtmlFormElement, fallback_id: &str) {
    let target = form
        .query_selector("[aria-invalid=\"true\"]")
        .ok()
        .flatten()
        .or_else(|| {
            web_sys::window()?
                .document()?
                .get_element_by_id(fallback_id)
        });
    if let Some(el) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Runs `work` holding the Web Lock `name` (one holder at a time across the origin's tabs),
/// or at once where the browser has no `navigator.locks`.
pub fn with_tab_lock(
    name: &'static str,
    work: futures::future::LocalBoxFuture<'static, ()>,
) -> futures::future::LocalBoxFuture<'static, ()> {
    use futures::FutureExt;
    use wasm_bindgen::JsValue;
    let get =
        |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key)).ok();
    let request = web_sys::window()
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
pub fn navigate(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// Empties the form's secret inputs (passwords, codes: marked `data-lr-secret`).
pub fn clear_secrets(form: &HtmlFormElement) {
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
pub fn request_submit(form: &HtmlFormElement) {
    let _ = form.request_submit();
}
