//! Every kit component a page hydrates, by name, for both modes: the ssr mode
//! (`tests/render.rs`) renders each on the server into one fixture file ([`FIXTURES`]), and the
//! hydrate mode (`tests/hydrate.rs`) hydrates each over its markup in the browser.

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;

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

/// The fixture file, from the repository root: every server render, as [`record`]s.
pub const FIXTURES: &str = "target/hydration-fixtures/components.txt";

// ASCII's unit and record separators: never in markup
const NAME_END: char = '\u{1f}';
const RECORD_END: char = '\u{1e}';

/// One component's server render, as the fixture file holds it.
pub fn record(name: &str, html: &str) -> String {
    format!("{name}{NAME_END}{html}{RECORD_END}")
}

/// The server render of `name` in the fixture file's `text`.
pub fn server_html<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    text.split(RECORD_END)
        .filter_map(|r| r.split_once(NAME_END))
        .find(|(n, _)| *n == name)
        .map(|(_, html)| html)
}
