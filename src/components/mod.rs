//! Thin components, one per flow, each one hook plus a view, built on shared pieces (a form
//! shell, a field, an alert, a status region). No component reads the URL, the session store
//! or a form's machinery itself: its hook does.
//!
//! Every form: one real `<form novalidate>` with a submit button; a `<label for>` per control;
//! ids unique per form (`lr-login-1-email`, …) and stable while mounted; `autocomplete`
//! tokens; values read from the DOM at submit (autofill included); a show-password toggle on
//! password fields; messages next to their fields (`aria-invalid`, `aria-describedby`); a
//! `role="alert"` area for messages that belong to no field; a polite `role="status"` region
//! for "Signing in…", the rate-limit countdown and confirmations; focus on the first invalid
//! field (or the alert) after a failed submit. Server text is only ever rendered as text.

mod account_picker;
mod alert;
mod change_password_form;
mod complete_profile_form;
mod field;
mod forgot_password_form;
mod form_shell;
mod hosted_callback;
mod hosted_options;
mod login_form;
mod logout_button;
mod next_step_fallback;
mod profile_form;
mod request_invitation_form;
mod reset_password_form;
mod signup_form;
mod status_region;
mod styles;
mod two_factor_form;
mod verify_email;

pub use account_picker::AccountPicker;
pub(crate) use alert::Alert;
pub use change_password_form::ChangePasswordForm;
pub use complete_profile_form::CompleteProfileForm;
pub(crate) use field::{Field, FieldKind};
pub use forgot_password_form::ForgotPasswordForm;
pub(crate) use form_shell::{FormKind, FormPosts, FormShell};
pub use hosted_callback::HostedCallback;
pub use hosted_options::{HostedOptions, HostedSignIn, Provider};
pub use login_form::LoginForm;
pub use logout_button::LogoutButton;
pub use next_step_fallback::NextStepFallback;
pub use profile_form::ProfileForm;
pub use request_invitation_form::RequestInvitationForm;
pub use reset_password_form::ResetPasswordForm;
pub use signup_form::SignupForm;
pub(crate) use status_region::StatusRegion;
pub use styles::{LoginRocketStyles, STYLESHEET};
pub use two_factor_form::TwoFactorForm;
pub use verify_email::VerifyEmail;

use leptos::prelude::{Get, MaybeProp};

/// A component's `class`: its own classes, then the app's (its `class` prop) when it gives
/// some. One closure type for every component.
pub(crate) fn classes(
    own: String,
    extra: MaybeProp<String>,
) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    move || match extra.get().filter(|e| !e.trim().is_empty()) {
        Some(extra) => format!("{own} {extra}"),
        None => own.clone(),
    }
}
