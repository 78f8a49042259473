//! Reusable auth pages on leptos_router (feature `router`, on by default): drop
//! [`AuthRoutes`] into `<Routes>` to get every page under a base path, wired so each flow leads
//! to the next, and wrap protected pages in [`RequireSession`].
//!
//! Default paths (change any with [`AuthPaths`]):
//!
//! | page | path |
//! |---|---|
//! | sign in | `/auth/sign-in` |
//! | sign up | `/auth/sign-up` |
//! | forgot password | `/auth/forgot-password` |
//! | reset password (emailed link) | `/auth/reset-password?token=…` |
//! | verify email (emailed link) | `/auth/verify-email?token=…` |
//! | 2FA code | `/auth/two-factor` |
//! | choose account | `/auth/choose-account` |
//! | complete profile | `/auth/complete-profile` |
//! | profile | `/auth/profile` (signed in) |
//! | change password | `/auth/change-password` (signed in) |
//! | request invitation | `/auth/request-invitation` |
//! | another step the kit does not know | `/auth/next-step` |
//! | the return from the realm's hosted pages | `/auth/callback?token=…` |
//!
//! After a sign-in the user goes to `?redirect=` when it is a same-origin path
//! ([`safe_redirect`](crate::loginrocket::redirect::safe_redirect)), else to [`AuthConfig::after_login`]; a
//! `conditional_login` first goes to the page for its condition. Every link and navigation between the pages keeps a
//! same-origin `?redirect=` (and drops any other).
//!
//! How the pages behave around their forms:
//! - Each sets a localized document title, "Sign in · App" with [`AuthConfig::app_name`],
//!   and gives the app's own title back when the user leaves.
//! - After a navigation, focus moves to the new page's heading, or to its first field when
//!   the user came from a submit (sign-in → two-factor).
//! - Sign in, sign up and forgot password make no sense while signed in: a signed-in user
//!   who opens one (Back, a bookmark) goes on to the destination, and the page's history
//!   entry is replaced, so Back is not trapped. The pages of a sign-in step (two-factor,
//!   choose account, complete profile) opened without that step (a reload, a bookmark) go
//!   to sign in, which says why.
//! - The page the user lands on after signing out says so (see
//!   [`SessionStore::take_notice`](crate::context::SessionStore::take_notice)).
//! - [`RequireSession`] replaces the history entry it redirects from.
//!
//! With the `lazy-pages` feature, every page but sign-in is a wasm chunk of its own, loaded
//! with its route; the build must then be split with `wasm-split-cli` (the README shows the
//! Trunk pipeline).

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{ChooseView, StaticSegment};

mod chunks;
mod config;
mod guard;
mod navigation;
mod page;
mod pages;
mod paths;

pub use config::{AuthConfig, Handoff};
pub use guard::RequireSession;
use navigation::replacing;
pub(crate) use navigation::Navigator;
pub use pages::*;
use paths::with_destination;
pub use paths::{page_for, AuthPage, AuthPaths};

/// Every auth page under the configured base path, for an app's `<Routes>`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_router::components::{Route, Router, Routes};
/// use leptos_router::path;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn App() -> impl IntoView {
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <Router>
///                 <Routes fallback=|| "Not found">
///                     <Route path=path!("/") view=|| view! { <RequireSession><p>"Welcome"</p></RequireSession> }/>
///                     <AuthRoutes/>
///                 </Routes>
///             </Router>
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[component(transparent)]
pub fn AuthRoutes(
    /// Paths and destinations (defaults documented in the module).
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl leptos_router::MatchNestedRoutes + Clone {
    let cfg = config.unwrap_or_default();
    let p = cfg.paths;
    let config = StoredValue::new(cfg);
    // one route per page, flat (no parent route and outlet), and every route of one type
    // (its view a `PageView`, not a closure of its own): the router's matching and rendering
    // are instantiated once for the thirteen (wasm size). Each page's code is reached from its
    // arm of `chunks::page` only (under `lazy-pages`, a chunk of its own).
    let route = move |page| {
        let path = (StaticSegment(p.base), StaticSegment(p.segment(page)));
        view! { <Route path view=PageView { page, config }/> }.into_inner()
    };
    let routes = (
        route(AuthPage::SignIn),
        route(AuthPage::SignUp),
        route(AuthPage::ForgotPassword),
        route(AuthPage::ResetPassword),
        route(AuthPage::VerifyEmail),
        route(AuthPage::TwoFactor),
        route(AuthPage::ChooseAccount),
        route(AuthPage::CompleteProfile),
        route(AuthPage::Profile),
        route(AuthPage::ChangePassword),
        route(AuthPage::RequestInvitation),
        route(AuthPage::NextStep),
        route(AuthPage::Callback),
    );
    // type-erased components (`--cfg erase_components`): the component returns the erased
    // route its macro names
    #[cfg(erase_components)]
    let routes = leptos_router::any_nested_route::IntoAnyNestedRoute::into_any_nested_route(routes);
    routes
}

/// A route's view: `page`, with the pages' configuration.
#[derive(Clone)]
struct PageView {
    page: AuthPage,
    config: StoredValue<AuthConfig>,
}

impl ChooseView for PageView {
    async fn choose(self) -> AnyView {
        chunks::page(self.page, self.config.get_value())
    }

    async fn preload(&self) {}
}
