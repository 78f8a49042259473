use leptos::prelude::*;

use super::alert::live_region;

/// A polite `role="status"` region: progress ("Signing in…"), the rate-limit countdown and
/// confirmations, announced without interrupting.
#[component]
pub(crate) fn StatusRegion(
    /// Its id.
    #[prop(optional, into)]
    id: Option<String>,
    /// Its class (default `lr-form__status`).
    #[prop(optional)]
    class: Option<&'static str>,
    /// The message; the region stays in the page when it is empty.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    live_region(
        class.unwrap_or("lr-form__status"),
        Some("status"),
        id,
        None,
        None,
        text,
    )
}
