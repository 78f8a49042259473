use leptos::prelude::*;
use leptos::task::spawn_local;

use super::store_message;
use crate::context::{use_loginrocket, SessionStore};
use crate::logic::form_state::FormState;
use crate::logic::session::SessionState;

/// What [`use_session`] returns.
#[derive(Clone, Copy)]
pub struct UseSessionReturn {
    /// Signed out, conditional (with the next step), or signed in.
    pub state: Signal<SessionState>,
    /// The last session call's state (see [`SessionStore::status`]).
    pub status: Signal<FormState>,
    /// The one localized message for that state: a refresh that could not reach the service,
    /// a session that expired, a sign-out the server could not be told of; empty otherwise.
    pub message: Signal<String>,
    /// Refreshes the session (single-flight).
    pub refresh: Callback<()>,
    /// Selects another account.
    pub switch_account: Callback<String>,
    /// Signs out (locally whatever the server says).
    pub logout: Callback<()>,
    /// The store itself, for awaiting calls.
    pub store: SessionStore,
}

/// The session of the nearest provider: who is signed in, and the calls that change it.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Account() -> impl IntoView {
///     let session = use_session();
///     view! {
///         <Show when=move || session.state.get().is_signed_in() fallback=|| "Signed out">
///             <button on:click=move |_| session.logout.run(())>"Sign out"</button>
///         </Show>
///     }
/// }
/// ```
pub fn use_session() -> UseSessionReturn {
    let ctx = use_loginrocket();
    let store = ctx.session();
    UseSessionReturn {
        state: store.state(),
        status: store.status(),
        message: store_message(ctx),
        refresh: Callback::new(move |()| spawn_local(store.refresh())),
        switch_account: Callback::new(move |account: String| {
            spawn_local(store.switch_account(account))
        }),
        logout: Callback::new(move |()| spawn_local(store.logout())),
        store,
    }
}
