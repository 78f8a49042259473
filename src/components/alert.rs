use leptos::prelude::*;

use crate::hooks::FormStatus;

/// A `lang` for a form's message: the server's language while its messages are shown (they
/// keep it after a language switch), else none (the page's).
pub(super) fn messages_lang(
    status: FormStatus,
) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    move || status.server_lang().map(|l| l.as_str().to_owned())
}

/// A message region's markup: one element type for the live regions (and the countdown,
/// which is not one: `role` none), so that they share one copy of the rendering code (wasm
/// size).
pub(super) fn live_region(
    class: &'static str,
    role: Option<&'static str>,
    id: Option<String>,
    tabindex: Option<&'static str>,
    of: Option<FormStatus>,
    text: Signal<String>,
) -> impl IntoView {
    let lang = of.map(messages_lang);
    // `data-empty` while there is nothing to say: the stylesheet gives an empty region no room.
    // `:empty` alone misses a server's render, which writes an empty text as a space
    let empty = move || text.with(String::is_empty).then_some("");
    view! { <div class=class role=role id=id tabindex=tabindex lang=lang data-empty=empty>{text}</div> }
}

/// A `role="alert"` region: messages that need attention now (a failure, an expired link).
/// Focusable, so a failed submit can move focus to it.
#[component]
pub(crate) fn Alert(
    /// Its id (for focus and `aria-describedby`).
    #[prop(optional, into)]
    id: Option<String>,
    /// The message; the region stays in the page when it is empty.
    #[prop(into)]
    text: Signal<String>,
    /// The form whose messages these are (their `lang`, when they are the server's).
    #[prop(optional)]
    of: Option<FormStatus>,
) -> impl IntoView {
    live_region("lr-form__alert", Some("alert"), id, Some("-1"), of, text)
}
