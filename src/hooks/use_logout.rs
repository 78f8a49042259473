use leptos::prelude::*;
use leptos::task::spawn_local;

use super::run_opt;
use crate::context::use_loginrocket;
use crate::logic::form_state::FormState;

/// Options for [`use_logout_with_options`].
#[derive(Clone, Default)]
pub struct UseLogoutOptions {
    /// Signed out (locally; [`UseLogoutReturn::message`] says when the server could not be
    /// told).
    pub on_logout: Option<Callback<()>>,
}

/// What [`use_logout`] returns.
#[derive(Clone, Copy)]
pub struct UseLogoutReturn {
    /// Signs out: on the server, and always locally, also offline.
    pub logout: Callback<()>,
    /// Whether this sign-out is running (only this one: signing out stays possible while a
    /// refresh is slow).
    pub pending: Signal<bool>,
    /// Empty, or the localized "signed out on this device only" when the server could not be
    /// told.
    pub message: Signal<String>,
}

/// Signing out, headless.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MySignOut() -> impl IntoView {
///     let out = use_logout();
///     view! {
///         <button on:click=move |_| out.logout.run(()) disabled=out.pending>"Sign out"</button>
///         <span role="status">{move || out.message.get()}</span>
///     }
/// }
/// ```
pub fn use_logout() -> UseLogoutReturn {
    use_logout_with_options(UseLogoutOptions::default())
}

/// Signing out, with a callback.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_logout_with_options(UseLogoutOptions {
///     on_logout: Some(Callback::new(|()| leptos::logging::log!("bye"))),
/// });
/// ```
pub fn use_logout_with_options(options: UseLogoutOptions) -> UseLogoutReturn {
    let ctx = use_loginrocket();
    let store = ctx.session();
    let signing_out = RwSignal::new(false);
    let on_logout = options.on_logout;
    let logout = Callback::new(move |()| {
        signing_out.set(true);
        spawn_local(async move {
            store.logout().await;
            signing_out.try_set(false);
            run_opt(on_logout, &());
        });
    });
    let status = store.status();
    UseLogoutReturn {
        logout,
        pending: signing_out.into(),
        message: Signal::derive(move || match status.get() {
            FormState::Failed(n) => ctx.t(n.key()),
            _ => String::new(),
        }),
    }
}
