use leptos::prelude::*;

use crate::components::LoginForm;
use crate::routes::page::{Audience, PageFrame, PageLinks};
use crate::routes::Navigator;
use crate::routes::{AuthConfig, AuthPage};

/// The sign-in page: [`LoginForm`](crate::LoginForm), then the destination or the next step; links to forgot password and sign up.
///
/// [`AuthRoutes`](crate::AuthRoutes) mounts it at [`AuthPaths::sign_in`](crate::AuthPaths::sign_in);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::SignInPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <SignInPage/> }
/// }
/// ```
#[component]
pub fn SignInPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    let nav = Navigator::new(&cfg);
    view! {
        <PageFrame page=AuthPage::SignIn config=cfg.clone() audience=Audience::SignedOut>
            <LoginForm on_login=nav.signed_in on_conditional=nav.conditional/>
            <PageLinks config=cfg.clone() links=&[(AuthPage::ForgotPassword, "link-forgot-password"), (AuthPage::SignUp, "link-sign-up")]/>
        </PageFrame>
    }
}
