use leptos::prelude::*;

use crate::components::ChangePasswordForm;
use crate::routes::page::PageFrame;
use crate::routes::{AuthConfig, AuthPage, RequireSession};

/// The change-password page, signed in only: [`ChangePasswordForm`](crate::components::ChangePasswordForm).
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::change_password`](crate::routes::AuthPaths::change_password);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::ChangePasswordPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <ChangePasswordPage/> }
/// }
/// ```
#[component]
pub fn ChangePasswordPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    view! {
        <PageFrame page=AuthPage::ChangePassword config=cfg.clone()>
            <RequireSession paths=cfg.paths><ChangePasswordForm min_password_length=cfg.min_password_length/></RequireSession>
        </PageFrame>
    }
}
