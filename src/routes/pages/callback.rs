use leptos::prelude::*;

use crate::components::HostedCallback;
use crate::hooks::HostedLogin;
use crate::routes::page::PageFrame;
use crate::routes::Navigator;
use crate::routes::{AuthConfig, AuthPage};

/// The return from the realm's hosted pages: [`HostedCallback`](crate::components::HostedCallback),
/// then the destination the sign-in started with (or [`AuthConfig::after_login`]), through
/// [`AuthConfig::handoff`] like every sign-in. List its URL (`https://app.example/auth/callback`)
/// among the realm's Login URLs.
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::callback`](crate::routes::AuthPaths::callback);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::CallbackPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <CallbackPage/> }
/// }
/// ```
#[component]
pub fn CallbackPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    let nav = Navigator::new(&cfg);
    // the destination is the one the sign-in kept for this tab (the address carries none)
    let on_login = Callback::new(move |back: HostedLogin| {
        nav.signed_in_to.run((back.login, back.destination));
    });
    let sign_in = cfg.paths.path(AuthPage::SignIn);
    view! {
        <PageFrame page=AuthPage::Callback config=cfg.clone()>
            <HostedCallback on_login=on_login on_conditional=nav.conditional sign_in=sign_in/>
        </PageFrame>
    }
}
