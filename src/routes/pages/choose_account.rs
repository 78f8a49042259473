use leptos::prelude::*;

use crate::components::AccountPicker;
use crate::routes::page::{Audience, PageFrame};
use crate::routes::Navigator;
use crate::routes::{AuthConfig, AuthPage};

/// The account choice page: [`AccountPicker`](crate::components::AccountPicker).
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::choose_account`](crate::routes::AuthPaths::choose_account);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::ChooseAccountPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <ChooseAccountPage/> }
/// }
/// ```
#[component]
pub fn ChooseAccountPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    let nav = Navigator::new(&cfg);
    view! {
        <PageFrame page=AuthPage::ChooseAccount config=cfg.clone() audience=Audience::MidStep>
            <AccountPicker on_login=nav.signed_in/>
        </PageFrame>
    }
}
