use leptos::prelude::*;

use crate::components::{HostedOptions, SignupForm};
use crate::routes::page::{Audience, PageFrame, PageLinks};
use crate::routes::Navigator;
use crate::routes::{AuthConfig, AuthPage};

/// The sign-up page: [`SignupForm`](crate::components::SignupForm), with [`AuthConfig::hosted`]'s ways next to it with the configured fields; a link to sign in.
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::sign_up`](crate::routes::AuthPaths::sign_up);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::SignUpPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <SignUpPage/> }
/// }
/// ```
#[component]
pub fn SignUpPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    let nav = Navigator::new(&cfg);
    view! {
        <PageFrame page=AuthPage::SignUp config=cfg.clone() audience=Audience::SignedOut>
            <SignupForm fields=cfg.signup_fields min_password_length=cfg.min_password_length on_login=nav.signed_in on_conditional=nav.conditional/>
            <HostedOptions hosted=cfg.hosted/>
            <PageLinks config=cfg.clone() links=&[(AuthPage::SignIn, "link-sign-in")]/>
        </PageFrame>
    }
}
