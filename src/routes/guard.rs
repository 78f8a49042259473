//! The guard for pages that need a signed-in user.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use super::{page_for, replacing, with_destination, AuthPage, AuthPaths};
use crate::hooks::use_session;
use crate::logic::session::SessionState;

/// Shows its children to signed-in users. A session with a step left (`conditional_login`,
/// e.g. "which account?" after [`SessionStore::choose_account`](crate::context::SessionStore::choose_account))
/// goes to that step's page, everyone else to sign in — both with the current path as
/// `?redirect=`, so they come back here. The redirect replaces the current history entry:
/// Back from the sign-in page goes where the user was before, not here again.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::RequireSession;
///
/// #[component]
/// fn Account() -> impl IntoView {
///     view! { <RequireSession><p>"Only for signed-in users"</p></RequireSession> }
/// }
/// ```
#[component]
pub fn RequireSession(
    /// The auth pages' paths (default [`AuthPaths::default`]).
    #[prop(optional)]
    paths: Option<AuthPaths>,
    /// The sign-in path (default: the sign-in page of `paths`).
    #[prop(optional, into)]
    sign_in: Option<String>,
    /// The destination parameter (default `redirect`).
    #[prop(optional)]
    redirect_param: Option<&'static str>,
    /// The protected content.
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let paths = paths.unwrap_or_default();
    let sign_in = sign_in.unwrap_or_else(|| paths.path(AuthPage::SignIn));
    let param = redirect_param.unwrap_or("redirect");
    // where to go instead; a memo, so a new token (refresh, profile update) does not re-create
    // the children
    let elsewhere = Memo::new(move |_| {
        session.state.with(|s| match s {
            SessionState::SignedIn { .. } => None,
            SessionState::Conditional(c) => Some(paths.path(page_for(c))),
            SessionState::SignedOut => Some(sign_in.clone()),
        })
    });
    move || match elsewhere.get() {
        None => children().into_any(),
        Some(page) => {
            let here = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            let target = with_destination(&page, param, Some(&here));
            view! { <Redirect path=target options=replacing()/> }.into_any()
        }
    }
}
