use leptos::prelude::*;

use crate::components::TwoFactorForm;
use crate::routes::page::{Audience, PageFrame};
use crate::routes::Navigator;
use crate::routes::{AuthConfig, AuthPage};

/// The 2FA code page: [`TwoFactorForm`](crate::components::TwoFactorForm).
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::two_factor`](crate::routes::AuthPaths::two_factor);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::TwoFactorPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <TwoFactorPage/> }
/// }
/// ```
#[component]
pub fn TwoFactorPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    let nav = Navigator::new(&cfg);
    view! {
        <PageFrame page=AuthPage::TwoFactor config=cfg.clone() audience=Audience::MidStep>
            <TwoFactorForm on_login=nav.signed_in on_conditional=nav.conditional/>
        </PageFrame>
    }
}
