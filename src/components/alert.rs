use leptos::prelude::*;

/// A live region's markup: one element type for both kinds, so that they share one copy of
/// the rendering code (wasm size).
pub(super) fn live_region(
    class: &'static str,
    role: &'static str,
    id: Option<String>,
    tabindex: Option<&'static str>,
    text: Signal<String>,
) -> impl IntoView {
    view! { <div class=class role=role id=id tabindex=tabindex>{text}</div> }
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
) -> impl IntoView {
    live_region("lr-form__alert", "alert", id, Some("-1"), text)
}
