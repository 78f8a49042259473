use leptos::prelude::*;

use super::StatusRegion;
use crate::context::use_loginrocket;
use crate::hooks::{use_logout_with_options, UseLogoutOptions};

/// A sign-out button, over [`use_logout`](crate::hooks::use_logout): ends the session on the
/// server and always locally, also offline, saying so when the server could not be told.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Header() -> impl IntoView {
///     view! { <LogoutButton on_logout=|()| leptos::logging::log!("signed out")/> }
/// }
/// ```
#[component]
pub fn LogoutButton(
    /// Extra classes on the button.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Signed out (locally; the message says when the server could not be told).
    #[prop(optional, into)]
    on_logout: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let out = use_logout_with_options(UseLogoutOptions { on_logout });
    let classes = super::classes("lr-button lr-button--secondary lr-logout".into(), class);
    view! {
        <button type="button" class=classes on:click=move |_| out.logout.run(()) disabled=out.pending>{ctx.text_of("logout")}</button>
        <StatusRegion class="lr-logout__status" text=out.message/>
    }
}
