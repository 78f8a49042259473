use leptos::prelude::*;

use crate::components::VerifyEmail;
use crate::routes::page::{PageFrame, PageLinks};
use crate::routes::{AuthConfig, AuthPage};

/// The verify-email page (the emailed link): [`VerifyEmail`](crate::components::VerifyEmail); a link to sign in.
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::verify_email`](crate::routes::AuthPaths::verify_email);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::VerifyEmailPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <VerifyEmailPage/> }
/// }
/// ```
#[component]
pub fn VerifyEmailPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    view! {
        <PageFrame page=AuthPage::VerifyEmail config=cfg.clone()>
            <VerifyEmail/>
            <PageLinks config=cfg.clone() links=&[(AuthPage::SignIn, "link-sign-in")]/>
        </PageFrame>
    }
}
