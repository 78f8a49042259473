use leptos::prelude::*;

use crate::components::CompleteProfileForm;
use crate::routes::page::{Audience, PageFrame};
use crate::routes::Navigator;
use crate::routes::{AuthConfig, AuthPage};

/// The profile completion page: [`CompleteProfileForm`](crate::components::CompleteProfileForm).
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::complete_profile`](crate::routes::AuthPaths::complete_profile);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::CompleteProfilePage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <CompleteProfilePage/> }
/// }
/// ```
#[component]
pub fn CompleteProfilePage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    let nav = Navigator::new(&cfg);
    view! {
        <PageFrame page=AuthPage::CompleteProfile config=cfg.clone() audience=Audience::MidStep>
            <CompleteProfileForm on_login=nav.signed_in on_conditional=nav.conditional/>
        </PageFrame>
    }
}
