use leptos::prelude::*;

use crate::components::RequestInvitationForm;
use crate::routes::page::{PageFrame, PageLinks};
use crate::routes::{AuthConfig, AuthPage};

/// The invitation request page: [`RequestInvitationForm`](crate::components::RequestInvitationForm); a link to sign in.
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::request_invitation`](crate::routes::AuthPaths::request_invitation);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::RequestInvitationPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <RequestInvitationPage/> }
/// }
/// ```
#[component]
pub fn RequestInvitationPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    view! {
        <PageFrame page=AuthPage::RequestInvitation config=cfg.clone()>
            <RequestInvitationForm/>
            <PageLinks config=cfg.clone() links=&[(AuthPage::SignIn, "link-sign-in")]/>
        </PageFrame>
    }
}
