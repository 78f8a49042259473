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
//!
//! After a sign-in the user goes to `?redirect=` when it is a same-origin path
//! ([`safe_redirect`]), else to [`AuthConfig::after_login`]; a `conditional_login` first
//! goes to the page for its condition, keeping `?redirect=`.

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, A};
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::{NavigateOptions, StaticSegment};
use loginrocket::{Condition, ConditionalLogin, FullLogin};

use crate::components::{ForgotPasswordForm, LoginForm, ResetPasswordForm, SignupForm};
use crate::flows::{
    AccountPicker, ChangePasswordForm, CompleteProfileForm, NextStepFallback, ProfileForm,
    RequestInvitationForm, TwoFactorForm, VerifyEmail,
};
use crate::hooks::use_session;
use crate::hooks::SignupFields;
use crate::provider::use_loginrocket;
use crate::redirect::safe_redirect;
use crate::session::SessionState;

/// A page of [`AuthRoutes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
}

/// Path segments of the auth pages (`&'static str`: set them from constants).
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
        }
    }

    /// The absolute path of `page` (`/auth/sign-in`).
    pub fn path(&self, page: AuthPage) -> String {
        format!("/{}/{}", self.base.trim_matches('/'), self.segment(page))
    }
}

/// How a `full_login` reaches the app's backend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
pub fn backend_handoff_url(handler: &str, token: &str, destination: &str) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("token", token)
        .append_pair("redirect", destination)
        .finish();
    let sep = if handler.contains('?') { '&' } else { '?' };
    format!("{handler}{sep}{query}")
}

/// How the auth pages behave.
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
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            paths: AuthPaths::default(),
            after_login: "/",
            redirect_param: "redirect",
            signup_fields: SignupFields::default(),
            handoff: Handoff::KeepToken,
        }
    }
}

/// The page for a `conditional_login`'s first condition.
pub fn page_for(conditional: &ConditionalLogin) -> AuthPage {
    match conditional.conditions.first() {
        Some(Condition::MustVerifyLogin) => AuthPage::TwoFactor,
        Some(Condition::NoAccountSelected) => AuthPage::ChooseAccount,
        Some(Condition::MustCompleteProfile) => AuthPage::CompleteProfile,
        _ => AuthPage::NextStep,
    }
}

/// `path` with `?<param>=<destination>` when there is a destination to carry.
pub fn with_destination(path: &str, param: &str, destination: Option<&str>) -> String {
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

fn navigator(
    config: &AuthConfig,
) -> (
    impl Fn(AuthPage) + Clone + 'static,
    impl Fn(&FullLogin) + Clone + 'static,
) {
    let navigate = use_navigate();
    let query = use_query_map();
    let cfg = config.clone();
    let raw = move || query.with_untracked(|q| q.get(cfg.redirect_param));
    let (nav1, cfg1, raw1) = (navigate.clone(), config.clone(), raw);
    let to_page = move |page: AuthPage| {
        let path = with_destination(
            &cfg1.paths.path(page),
            cfg1.redirect_param,
            raw1().as_deref(),
        );
        nav1(&path, NavigateOptions::default());
    };
    let cfg2 = config.clone();
    let to_destination = move |login: &FullLogin| {
        let dest = safe_redirect(raw().as_deref(), cfg2.after_login);
        match cfg2.handoff {
            Handoff::KeepToken => navigate(&dest, NavigateOptions::default()),
            Handoff::Backend(handler) => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().assign(&backend_handoff_url(
                        handler,
                        login.token.expose(),
                        &dest,
                    ));
                }
            }
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
    let page = move |page: AuthPage| {
        let cfg = cfg.clone();
        move || view! { <AuthPageView page=page config=cfg.clone()/> }
    };
    view! {
        <ParentRoute path=StaticSegment(p.base) view=Outlet>
            <Route path=StaticSegment(p.sign_in) view=page(AuthPage::SignIn)/>
            <Route path=StaticSegment(p.sign_up) view=page(AuthPage::SignUp)/>
            <Route path=StaticSegment(p.forgot_password) view=page(AuthPage::ForgotPassword)/>
            <Route path=StaticSegment(p.reset_password) view=page(AuthPage::ResetPassword)/>
            <Route path=StaticSegment(p.verify_email) view=page(AuthPage::VerifyEmail)/>
            <Route path=StaticSegment(p.two_factor) view=page(AuthPage::TwoFactor)/>
            <Route path=StaticSegment(p.choose_account) view=page(AuthPage::ChooseAccount)/>
            <Route path=StaticSegment(p.complete_profile) view=page(AuthPage::CompleteProfile)/>
            <Route path=StaticSegment(p.profile) view=page(AuthPage::Profile)/>
            <Route path=StaticSegment(p.change_password) view=page(AuthPage::ChangePassword)/>
            <Route path=StaticSegment(p.request_invitation) view=page(AuthPage::RequestInvitation)/>
            <Route path=StaticSegment(p.next_step) view=page(AuthPage::NextStep)/>
        </ParentRoute>
    }
    .into_inner()
}

/// One auth page: a heading, its form, and links to the neighbouring pages.
#[component]
pub fn AuthPageView(
    /// Which page.
    page: AuthPage,
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let cfg = config.unwrap_or_default();
    let ctx = use_loginrocket();
    let (to_page, to_destination) = navigator(&cfg);
    let signed_in = {
        let to_destination = to_destination.clone();
        Callback::new(move |login: FullLogin| to_destination(&login))
    };
    let conditional = {
        let to_page = to_page.clone();
        Callback::new(move |c: ConditionalLogin| to_page(page_for(&c)))
    };
    // links to the neighbouring pages, in a landmark named apart from the app's own navigation
    let links = |targets: &[(AuthPage, &'static str)]| {
        let label = {
            let ctx = ctx.clone();
            move || ctx.t("links-label")
        };
        let items = targets
            .iter()
            .map(|&(target, key)| {
                let ctx = ctx.clone();
                let href = cfg.paths.path(target);
                view! { <A href=href attr:class="lr-link">{move || ctx.t(key)}</A> }
            })
            .collect_view();
        view! { <nav class="lr-links" aria-label=label>{items}</nav> }
    };
    let title_key = match page {
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
    };
    let body = match page {
        AuthPage::SignIn => view! {
            <LoginForm on_login=signed_in on_conditional=conditional/>
            {links(&[(AuthPage::ForgotPassword, "link-forgot-password"), (AuthPage::SignUp, "link-sign-up")])}
        }
        .into_any(),
        AuthPage::SignUp => view! {
            <SignupForm fields=cfg.signup_fields on_login=signed_in on_conditional=conditional/>
            {links(&[(AuthPage::SignIn, "link-sign-in")])}
        }
        .into_any(),
        AuthPage::ForgotPassword => view! {
            <ForgotPasswordForm/>
            {links(&[(AuthPage::SignIn, "link-sign-in")])}
        }
        .into_any(),
        AuthPage::ResetPassword => {
            let to_page = to_page.clone();
            view! {
                <ResetPasswordForm on_login=signed_in on_conditional=conditional on_request_new=move |()| to_page(AuthPage::ForgotPassword)/>
            }
            .into_any()
        }
        AuthPage::VerifyEmail => view! {
            <VerifyEmail/>
            {links(&[(AuthPage::SignIn, "link-sign-in")])}
        }
        .into_any(),
        AuthPage::TwoFactor => view! { <TwoFactorForm on_login=signed_in on_conditional=conditional/> }.into_any(),
        AuthPage::ChooseAccount => view! { <AccountPicker on_login=signed_in/> }.into_any(),
        AuthPage::CompleteProfile => view! { <CompleteProfileForm on_login=signed_in on_conditional=conditional/> }.into_any(),
        AuthPage::Profile => view! {
            <RequireSession paths=cfg.paths><ProfileForm/></RequireSession>
        }
        .into_any(),
        AuthPage::ChangePassword => view! {
            <RequireSession paths=cfg.paths><ChangePasswordForm/></RequireSession>
        }
        .into_any(),
        AuthPage::RequestInvitation => view! {
            <RequestInvitationForm/>
            {links(&[(AuthPage::SignIn, "link-sign-in")])}
        }
        .into_any(),
        AuthPage::NextStep => view! { <NextStepFallback/> }.into_any(),
    };
    let ctx2 = use_loginrocket();
    view! {
        <section class="lr-page" data-page=title_key>
            <h1 class="lr-page__title">{move || ctx2.t(title_key)}</h1>
            {body}
        </section>
    }
}

/// Shows its children to signed-in users. A session with a step left (`conditional_login`,
/// e.g. "which account?" after [`SessionStore::choose_account`](crate::SessionStore::choose_account))
/// goes to that step's page, everyone else to sign in — both with the current path as
/// `?redirect=`, so they come back here.
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
            view! { <Redirect path=target/> }.into_any()
        }
    }
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
