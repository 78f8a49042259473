use leptos::prelude::*;

use crate::components::ForgotPasswordForm;
use crate::routes::page::{Audience, PageFrame, PageLinks};
use crate::routes::{AuthConfig, AuthPage};

/// The forgot-password page: [`ForgotPasswordForm`](crate::components::ForgotPasswordForm); a link to sign in.
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::forgot_password`](crate::routes::AuthPaths::forgot_password);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::ForgotPasswordPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <ForgotPasswordPage/> }
/// }
/// ```
#[component]
pub fn ForgotPasswordPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    view! {
        <PageFrame page=AuthPage::ForgotPassword config=cfg.clone() audience=Audience::SignedOut>
            <ForgotPasswordForm/>
            <PageLinks config=cfg.clone() links=&[(AuthPage::SignIn, "link-sign-in")]/>
        </PageFrame>
    }
}
