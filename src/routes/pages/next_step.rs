use leptos::prelude::*;

use crate::components::NextStepFallback;
use crate::routes::page::PageFrame;
use crate::routes::{AuthConfig, AuthPage};

/// The page for a step the kit does not know: [`NextStepFallback`](crate::components::NextStepFallback), the realm's hosted pages.
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::next_step`](crate::routes::AuthPaths::next_step);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::NextStepPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <NextStepPage/> }
/// }
/// ```
#[component]
pub fn NextStepPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    view! {
        <PageFrame page=AuthPage::NextStep config=cfg.clone()>
            <NextStepFallback/>
        </PageFrame>
    }
}
