//! Where each page is: [`AuthPage`], [`AuthPaths`], the page for a step left, and a path
//! with the destination carried on.

use loginrocket::{Condition, ConditionalLogin};

/// A page of [`AuthRoutes`](super::AuthRoutes).
///
/// ```
/// use leptos_loginrocket::routes::{AuthPage, AuthPaths};
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
/// use leptos_loginrocket::routes::{AuthPage, AuthPaths};
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

/// The page for a `conditional_login`'s first condition.
///
/// ```
/// use leptos_loginrocket::routes::{page_for, AuthPaths};
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
pub(super) fn with_destination(path: &str, param: &str, destination: Option<&str>) -> String {
    match destination.filter(|d| !d.is_empty()) {
        Some(d) => format!(
            "{path}?{}",
            loginrocket::query::Query::new()
                .append_pair(param, d)
                .finish()
        ),
        None => path.to_owned(),
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

    /// The backend (which doesn't depend on the kit) answers its form posts and emailed links
    /// with the kit's pages: its defaults are the kit's, and this keeps them so.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_backends_default_pages_are_the_kits_default_paths() {
        let kit = AuthPaths::default();
        let backend = loginrocket_axum::FormPages::default();
        for (page, theirs) in [
            (AuthPage::SignIn, backend.sign_in),
            (AuthPage::TwoFactor, backend.two_factor),
            (AuthPage::ChooseAccount, backend.choose_account),
            (AuthPage::ResetPassword, backend.reset_password),
            (AuthPage::VerifyEmail, backend.verify_email),
        ] {
            assert_eq!(kit.path(page), theirs, "{page:?}");
        }
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
