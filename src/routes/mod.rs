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
//! ([`safe_redirect`](crate::safe_redirect)), else to [`AuthConfig::after_login`]; a
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
//!   [`SessionStore::take_notice`](crate::SessionStore::take_notice)).
//! - [`RequireSession`] replaces the history entry it redirects from.
//!
//! With the `lazy-pages` feature, every page but sign-in is a wasm chunk of its own, loaded
//! with its route; the build must then be split with `wasm-split-cli` (the README shows the
//! Trunk pipeline).

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::{NavigateOptions, StaticSegment};
use loginrocket::{Condition, ConditionalLogin, FullLogin};

use crate::components::HostedSignIn;
use crate::hooks::SignupFields;
use loginrocket::redirect::checked_redirect;

mod chunks;
mod guard;
mod page;
mod pages;

pub use guard::RequireSession;
pub use pages::*;

/// A page of [`AuthRoutes`].
///
/// ```
/// use leptos_loginrocket::{AuthPage, AuthPaths};
///
/// assert_eq!(AuthPaths::default().path(AuthPage::SignIn), "/auth/sign-in");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthPage {
    /// Sign in.
    SignIn,
    /// Sign up.
    SignUp,
    /// Forgot password.
    ForgotPassword,
    /// Reset password (the emailed link).
    ResetPassword,
    /// Verify email (the emailed link).
    VerifyEmail,
    /// The 2FA code.
    TwoFactor,
    /// Choose an account.
    ChooseAccount,
    /// Complete the profile.
    CompleteProfile,
    /// Profile (signed in).
    Profile,
    /// Change password (signed in).
    ChangePassword,
    /// Request an invitation.
    RequestInvitation,
    /// A step the kit does not know: the hosted pages.
    NextStep,
    /// The return from the realm's hosted pages (`?token=`).
    Callback,
}

/// Path segments of the auth pages (`&'static str`: set them from constants).
///
/// ```
/// use leptos_loginrocket::{AuthPage, AuthPaths};
///
/// let paths = AuthPaths { base: "account", sign_in: "login", ..AuthPaths::default() };
/// assert_eq!(paths.path(AuthPage::SignIn), "/account/login");
/// assert_eq!(paths.path(AuthPage::SignUp), "/account/sign-up");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthPaths {
    /// The base, without slashes (default `auth`).
    pub base: &'static str,
    /// Default `sign-in`.
    pub sign_in: &'static str,
    /// Default `sign-up`.
    pub sign_up: &'static str,
    /// Default `forgot-password`.
    pub forgot_password: &'static str,
    /// Default `reset-password`.
    pub reset_password: &'static str,
    /// Default `verify-email`.
    pub verify_email: &'static str,
    /// Default `two-factor`.
    pub two_factor: &'static str,
    /// Default `choose-account`.
    pub choose_account: &'static str,
    /// Default `complete-profile`.
    pub complete_profile: &'static str,
    /// Default `profile`.
    pub profile: &'static str,
    /// Default `change-password`.
    pub change_password: &'static str,
    /// Default `request-invitation`.
    pub request_invitation: &'static str,
    /// Default `next-step`.
    pub next_step: &'static str,
    /// Default `callback`: with the base, the path to list among the realm's Login URLs.
    pub callback: &'static str,
}

impl Default for AuthPaths {
    fn default() -> Self {
        Self {
            base: "auth",
            sign_in: "sign-in",
            sign_up: "sign-up",
            forgot_password: "forgot-password",
            reset_password: "reset-password",
            verify_email: "verify-email",
            two_factor: "two-factor",
            choose_account: "choose-account",
            complete_profile: "complete-profile",
            profile: "profile",
            change_password: "change-password",
            request_invitation: "request-invitation",
            next_step: "next-step",
            callback: "callback",
        }
    }
}

impl AuthPage {
    /// The step the server may hold the secret of on this page (form posts).
    pub(crate) fn held_step(self) -> Option<crate::context::StepKind> {
        use crate::context::StepKind;
        match self {
            AuthPage::TwoFactor => Some(StepKind::TwoFactor),
            AuthPage::ChooseAccount => Some(StepKind::ChooseAccount),
            AuthPage::ResetPassword => Some(StepKind::ResetPassword),
            _ => None,
        }
    }

    /// The Fluent key of the page's title (`page-sign-in`, …).
    pub fn title_key(self) -> &'static str {
        match self {
            AuthPage::SignIn => "page-sign-in",
            AuthPage::SignUp => "page-sign-up",
            AuthPage::ForgotPassword => "page-forgot-password",
            AuthPage::ResetPassword => "page-reset-password",
            AuthPage::VerifyEmail => "page-verify-email",
            AuthPage::TwoFactor => "page-two-factor",
            AuthPage::ChooseAccount => "page-choose-account",
            AuthPage::CompleteProfile => "page-complete-profile",
            AuthPage::Profile => "page-profile",
            AuthPage::ChangePassword => "page-change-password",
            AuthPage::RequestInvitation => "page-request-invitation",
            AuthPage::NextStep => "page-next-step",
            AuthPage::Callback => "page-callback",
        }
    }
}

impl AuthPaths {
    /// The segment of `page`.
    pub fn segment(&self, page: AuthPage) -> &'static str {
        match page {
            AuthPage::SignIn => self.sign_in,
            AuthPage::SignUp => self.sign_up,
            AuthPage::ForgotPassword => self.forgot_password,
            AuthPage::ResetPassword => self.reset_password,
            AuthPage::VerifyEmail => self.verify_email,
            AuthPage::TwoFactor => self.two_factor,
            AuthPage::ChooseAccount => self.choose_account,
            AuthPage::CompleteProfile => self.complete_profile,
            AuthPage::Profile => self.profile,
            AuthPage::ChangePassword => self.change_password,
            AuthPage::RequestInvitation => self.request_invitation,
            AuthPage::NextStep => self.next_step,
            AuthPage::Callback => self.callback,
        }
    }

    /// The absolute path of `page` (`/auth/sign-in`).
    pub fn path(&self, page: AuthPage) -> String {
        format!("/{}/{}", self.base.trim_matches('/'), self.segment(page))
    }
}

/// How a `full_login` reaches the app's backend.
///
/// ```
/// use leptos_loginrocket::{AuthConfig, Handoff};
///
/// // the backend's handler gets `?token=…&redirect=…` and sets its own session cookie
/// let config = AuthConfig { handoff: Handoff::Backend("/session/new"), ..AuthConfig::default() };
/// # let _ = config;
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Handoff {
    /// Keep the token in the session store; the app sends it as `Authorization: Bearer …`
    /// ([`SessionStore::authorization_header`](crate::SessionStore::authorization_header)).
    #[default]
    KeepToken,
    /// Navigate to the backend's login handler with `?token=<JWT>&redirect=<destination>`
    /// (AuthRocket's documented pattern: the backend verifies the token, sets its own
    /// httpOnly cookie, strips the token from the URL and redirects).
    Backend(&'static str),
}

/// The URL a [`Handoff::Backend`] navigates to.
pub(crate) fn backend_handoff_url(handler: &str, token: &str, destination: &str) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("token", token)
        .append_pair("redirect", destination)
        .finish();
    let sep = if handler.contains('?') { '&' } else { '?' };
    format!("{handler}{sep}{query}")
}

/// How the auth pages behave.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::{AuthConfig, AuthRoutes, LoginRocketProvider};
/// use leptos_router::components::{Router, Routes};
///
/// #[component]
/// fn App() -> impl IntoView {
///     let config = AuthConfig {
///         app_name: Some("Acme"),
///         after_login: "/dashboard",
///         min_password_length: Some(12),
///         ..AuthConfig::default()
///     };
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <Router>
///                 <Routes fallback=|| "Not found">
///                     <AuthRoutes config=config/>
///                 </Routes>
///             </Router>
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[derive(Clone, Debug)]
pub struct AuthConfig {
    /// Path segments.
    pub paths: AuthPaths,
    /// Where to go after signing in when `?redirect=` is absent or not a same-origin path.
    pub after_login: &'static str,
    /// The query parameter that carries the destination (default `redirect`).
    pub redirect_param: &'static str,
    /// Signup fields.
    pub signup_fields: SignupFields,
    /// How a sign-in reaches the app's backend.
    pub handoff: Handoff,
    /// The realm's minimum password length, said under every new password (sign up, reset,
    /// change) before the user types. Default 8 (the emulator's realm): set your realm's;
    /// `None` says nothing.
    pub min_password_length: Option<usize>,
    /// The app's name: at the top of each page's card, and after the page's name in the
    /// document title ("Sign in · Acme"). Default none.
    pub app_name: Option<&'static str>,
    /// A logo's URL, shown before [`app_name`](Self::app_name) (decorative: the name says
    /// what it is; without a name no logo is shown). Default none.
    pub logo: Option<&'static str>,
    /// The realm's hosted ways to sign in (social providers, "More ways to sign in") that
    /// the sign-in and sign-up pages offer next to their forms. Default none.
    pub hosted: HostedSignIn,
    /// Server-rendered apps whose backend takes the kit's form posts
    /// (`loginrocket_axum::LoginRocketAuth::with_form_posts`): its path (`/session/form`).
    /// The pages' forms then work before the wasm: sign-in, two-factor, account choice,
    /// sign-up, forgot and reset password post there (`<path>/login`, …) until the wasm runs,
    /// and the server's answer comes back to the form. Default none: the submit button
    /// waits for the wasm. Used by `ssr` and `hydrate` builds only (a client-rendered app has
    /// no markup before its wasm).
    pub form_posts: Option<&'static str>,
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            paths: AuthPaths::default(),
            after_login: "/",
            redirect_param: "redirect",
            signup_fields: SignupFields::default(),
            handoff: Handoff::KeepToken,
            min_password_length: Some(8),
            app_name: None,
            logo: None,
            hosted: HostedSignIn::default(),
            form_posts: None,
        }
    }
}

impl AuthConfig {
    /// The destination in the address bar (`?redirect=`), when it is a same-origin path.
    fn carried(&self, query: Memo<leptos_router::params::ParamsMap>) -> Option<String> {
        checked_redirect(
            query
                .with_untracked(|q| q.get(self.redirect_param))
                .as_deref(),
        )
    }

    /// The sign-in page's path with the way back to `destination`: where an app's own guard
    /// sends a visitor who is not signed in (a server-side check of the session cookie, say).
    /// After the sign-in, the pages lead back there.
    ///
    /// ```
    /// use leptos_loginrocket::AuthConfig;
    ///
    /// let config = AuthConfig::default();
    /// assert_eq!(config.sign_in_path("/account"), "/auth/sign-in?redirect=%2Faccount");
    /// ```
    pub fn sign_in_path(&self, destination: &str) -> String {
        self.path_to(AuthPage::SignIn, Some(destination))
    }

    /// `page`'s path, with the destination carried on.
    fn path_to(&self, page: AuthPage, destination: Option<&str>) -> String {
        with_destination(&self.paths.path(page), self.redirect_param, destination)
    }
}

/// A navigation to a history entry that takes the current one's place.
fn replacing() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        ..NavigateOptions::default()
    }
}

/// The page for a `conditional_login`'s first condition.
///
/// ```
/// use leptos_loginrocket::{page_for, AuthPaths};
///
/// /// Where to send a user with a step left.
/// fn next_path(next: &loginrocket::ConditionalLogin) -> String {
///     AuthPaths::default().path(page_for(next))
/// }
/// ```
pub fn page_for(conditional: &ConditionalLogin) -> AuthPage {
    match conditional.conditions.first() {
        Some(Condition::MustVerifyLogin) => AuthPage::TwoFactor,
        Some(Condition::NoAccountSelected) => AuthPage::ChooseAccount,
        Some(Condition::MustCompleteProfile) => AuthPage::CompleteProfile,
        _ => AuthPage::NextStep,
    }
}

/// `path` with `?<param>=<destination>` when there is a destination to carry.
pub(crate) fn with_destination(path: &str, param: &str, destination: Option<&str>) -> String {
    match destination.filter(|d| !d.is_empty()) {
        Some(d) => format!(
            "{path}?{}",
            form_urlencoded::Serializer::new(String::new())
                .append_pair(param, d)
                .finish()
        ),
        None => path.to_owned(),
    }
}

/// Where a page's flow leads: the next page for a step, the destination after a sign-in.
#[derive(Clone, Copy)]
pub(crate) struct Navigator {
    /// Goes to an auth page, keeping `?redirect=`.
    pub(crate) to_page: Callback<AuthPage>,
    /// Signed in: to the destination (or the backend's handler).
    pub(crate) signed_in: Callback<FullLogin>,
    /// Signed in: to the destination given (else the one carried), or the backend's handler.
    pub(crate) signed_in_to: Callback<(FullLogin, Option<String>)>,
    /// A step left: to its page.
    pub(crate) conditional: Callback<ConditionalLogin>,
}

impl Navigator {
    pub(crate) fn new(config: &AuthConfig) -> Self {
        let (to_page, to_destination) = navigator(config);
        let to_page = Callback::new(to_page);
        let signed_in_to = Callback::new(move |(login, dest): (FullLogin, Option<String>)| {
            to_destination(&login, dest)
        });
        Self {
            to_page,
            signed_in: Callback::new(move |login: FullLogin| signed_in_to.run((login, None))),
            signed_in_to,
            conditional: Callback::new(move |c: ConditionalLogin| to_page.run(page_for(&c))),
        }
    }
}

fn navigator(
    config: &AuthConfig,
) -> (
    impl Fn(AuthPage) + Clone + Send + Sync + 'static,
    impl Fn(&FullLogin, Option<String>) + Clone + Send + Sync + 'static,
) {
    let navigate = use_navigate();
    let query = use_query_map();
    let (nav1, cfg1) = (navigate.clone(), config.clone());
    // each follows a form's answer: the next page's first field gets focus
    let to_page = move |page: AuthPage| {
        page::focus_first_field_next();
        nav1(
            &cfg1.path_to(page, cfg1.carried(query).as_deref()),
            NavigateOptions::default(),
        );
    };
    let cfg2 = config.clone();
    let to_destination = move |login: &FullLogin, given: Option<String>| {
        let dest = given
            .or_else(|| cfg2.carried(query))
            .unwrap_or_else(|| cfg2.after_login.to_owned());
        match cfg2.handoff {
            // the auth page is done with: Back skips it
            Handoff::KeepToken => navigate(&dest, replacing()),
            Handoff::Backend(handler) => crate::platform::navigate(&backend_handoff_url(
                handler,
                login.token.expose(),
                &dest,
            )),
        }
    };
    (to_page, to_destination)
}

/// Every auth page under the configured base path, for an app's `<Routes>`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_router::components::{Route, Router, Routes};
/// use leptos_router::path;
/// use leptos_loginrocket::*;
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
    // each route names its own page, so each page's code is reached from its route only (and,
    // under `lazy-pages`, is a chunk of its own: see `chunks`)
    let c = StoredValue::new(cfg);
    view! {
        <ParentRoute path=StaticSegment(p.base) view=Outlet>
            <Route path=StaticSegment(p.sign_in) view=move || view! { <SignInPage config=c.get_value()/> }/>
            <Route path=StaticSegment(p.sign_up) view=move || chunks::sign_up(c.get_value())/>
            <Route path=StaticSegment(p.forgot_password) view=move || chunks::forgot_password(c.get_value())/>
            <Route path=StaticSegment(p.reset_password) view=move || chunks::reset_password(c.get_value())/>
            <Route path=StaticSegment(p.verify_email) view=move || chunks::verify_email(c.get_value())/>
            <Route path=StaticSegment(p.two_factor) view=move || chunks::two_factor(c.get_value())/>
            <Route path=StaticSegment(p.choose_account) view=move || chunks::choose_account(c.get_value())/>
            <Route path=StaticSegment(p.complete_profile) view=move || chunks::complete_profile(c.get_value())/>
            <Route path=StaticSegment(p.profile) view=move || chunks::profile(c.get_value())/>
            <Route path=StaticSegment(p.change_password) view=move || chunks::change_password(c.get_value())/>
            <Route path=StaticSegment(p.request_invitation) view=move || chunks::request_invitation(c.get_value())/>
            <Route path=StaticSegment(p.next_step) view=move || chunks::next_step(c.get_value())/>
            <Route path=StaticSegment(p.callback) view=move || chunks::callback(c.get_value())/>
        </ParentRoute>
    }
    .into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;
    use loginrocket::normalize::from_http;
    use loginrocket::Response;
    use serde_json::json;

    fn conditional(conditions: &[&str]) -> ConditionalLogin {
        let body = json!({"result": "conditional_login", "session": "kss_1", "account": null, "conditions": conditions});
        match from_http(200, &[], body.to_string().as_bytes()) {
            Response::ConditionalLogin(c) => c,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_condition_lands_on_its_page() {
        assert_eq!(
            page_for(&conditional(&["must_verify_login"])),
            AuthPage::TwoFactor
        );
        assert_eq!(
            page_for(&conditional(&["no_account_selected"])),
            AuthPage::ChooseAccount
        );
        assert_eq!(
            page_for(&conditional(&[
                "must_complete_profile",
                "no_account_selected"
            ])),
            AuthPage::CompleteProfile
        );
        assert_eq!(
            page_for(&conditional(&["must_accept_terms"])),
            AuthPage::NextStep
        );
        assert_eq!(page_for(&conditional(&[])), AuthPage::NextStep);
    }

    #[test]
    fn backend_handoff_carries_the_token_and_the_destination() {
        assert_eq!(
            backend_handoff_url("/session/login", "a.b.c", "/billing?x=1"),
            "/session/login?token=a.b.c&redirect=%2Fbilling%3Fx%3D1"
        );
        assert_eq!(
            backend_handoff_url("https://api.test/login?v=2", "t", "/"),
            "https://api.test/login?v=2&token=t&redirect=%2F"
        );
    }

    #[test]
    fn paths_are_configurable() {
        let p = AuthPaths::default();
        assert_eq!(p.path(AuthPage::SignIn), "/auth/sign-in");
        assert_eq!(p.path(AuthPage::ResetPassword), "/auth/reset-password");
        let custom = AuthPaths {
            base: "account",
            sign_in: "login",
            ..AuthPaths::default()
        };
        assert_eq!(custom.path(AuthPage::SignIn), "/account/login");
        assert_eq!(
            with_destination("/auth/two-factor", "redirect", Some("/billing?x=1")),
            "/auth/two-factor?redirect=%2Fbilling%3Fx%3D1"
        );
        assert_eq!(
            with_destination("/auth/two-factor", "redirect", None),
            "/auth/two-factor"
        );
    }
}
