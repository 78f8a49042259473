//! Every kit component a page hydrates, each by the name of its fixture file
//! (`target/hydration-fixtures/<name>.html`). Included by both halves: `crates/ssr-check`
//! renders each on the server, `crates/hydrate-check` (with `#[path]`) hydrates each over
//! that markup in the browser.

use leptos::prelude::*;
use leptos_loginrocket::*;

/// The LoginRocket URL both halves give the provider.
pub const LR_URL: &str = "https://sample.e2.loginrocket.com/";

/// A component, built inside the provider by [`provided`].
pub type Form = fn() -> AnyView;

/// `(fixture name, component)`, for every component that renders markup.
pub const FORMS: &[(&str, Form)] = &[
    ("login", || view! { <LoginForm/> }.into_any()),
    ("signup", || view! { <SignupForm/> }.into_any()),
    ("forgot-password", || {
        view! { <ForgotPasswordForm/> }.into_any()
    }),
    ("reset-password", || {
        view! { <ResetPasswordForm token="tpw_1".to_owned()/> }.into_any()
    }),
    ("two-factor", || view! { <TwoFactorForm/> }.into_any()),
    ("complete-profile", || {
        view! { <CompleteProfileForm/> }.into_any()
    }),
    ("profile", || view! { <ProfileForm/> }.into_any()),
    ("change-password", || {
        view! { <ChangePasswordForm/> }.into_any()
    }),
    ("request-invitation", || {
        view! { <RequestInvitationForm/> }.into_any()
    }),
    ("verify-email", || {
        view! { <VerifyEmail token="tve_1".to_owned()/> }.into_any()
    }),
    ("account-picker", || view! { <AccountPicker/> }.into_any()),
    ("logout", || view! { <LogoutButton/> }.into_any()),
    ("next-step", || view! { <NextStepFallback/> }.into_any()),
];

/// `form` inside its provider, as a page renders it (built in the provider's children, so it
/// finds the provider's context).
pub fn provided(form: Form) -> AnyView {
    view! { <LoginRocketProvider url=LR_URL>{form()}</LoginRocketProvider> }.into_any()
}
