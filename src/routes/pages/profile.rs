use leptos::prelude::*;

use crate::components::ProfileForm;
use crate::routes::page::PageFrame;
use crate::routes::{AuthConfig, AuthPage, RequireSession};

/// The profile page, signed in only: [`ProfileForm`](crate::components::ProfileForm).
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::profile`](crate::routes::AuthPaths::profile);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::ProfilePage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <ProfilePage/> }
/// }
/// ```
#[component]
pub fn ProfilePage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    view! {
        <PageFrame page=AuthPage::Profile config=cfg.clone()>
            <RequireSession paths=cfg.paths><ProfileForm/></RequireSession>
        </PageFrame>
    }
}
