use leptos::prelude::*;

use crate::components::ResetPasswordForm;
use crate::routes::page::PageFrame;
use crate::routes::Navigator;
use crate::routes::{AuthConfig, AuthPage};

/// The reset-password page (the emailed link): [`ResetPasswordForm`](crate::components::ResetPasswordForm); an expired link leads to the forgot-password page.
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::reset_password`](crate::routes::AuthPaths::reset_password);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::ResetPasswordPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <ResetPasswordPage/> }
/// }
/// ```
#[component]
pub fn ResetPasswordPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    let nav = Navigator::new(&cfg);
    view! {
        <PageFrame page=AuthPage::ResetPassword config=cfg.clone()>
            <ResetPasswordForm min_password_length=cfg.min_password_length on_login=nav.signed_in on_conditional=nav.conditional on_request_new=move |()| nav.to_page.run(AuthPage::ForgotPassword)/>
        </PageFrame>
    }
}
