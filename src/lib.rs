//! **leptos-loginrocket**: Leptos components for AuthRocket's LoginRocket API — sign-in,
//! sign-up, forgot and reset password — with the server's localized validation messages
//! inline next to their fields, and rate limits, expired links and network failures shown as
//! UI states rather than English sentences.
//!
//! Layers, top to bottom: components ([`LoginForm`], [`SignupForm`], [`ForgotPasswordForm`],
//! [`ResetPasswordForm`]) → headless hooks ([`use_login_form`], …) → pure state logic
//! ([`state`]) → the typed client ([`loginrocket`]). [`LoginRocketProvider`] shares one
//! client, a locale signal and the kit's Fluent strings ([`i18n`]). Styles are static CSS in
//! `style/loginrocket.css` (no inline styles, nothing injected at run time).
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_loginrocket::*;
//!
//! #[component]
//! fn SignIn() -> impl IntoView {
//!     let locale = RwSignal::new(Locale::Es);
//!     view! {
//!         <LoginRocketProvider url="https://sample.e2.loginrocket.com/" locale=locale>
//!             <LoginForm
//!                 on_login=|login: loginrocket::FullLogin| leptos::logging::log!("signed in to {}", login.account)
//!                 on_conditional=|next: loginrocket::ConditionalLogin| leptos::logging::log!("next: {:?}", next.conditions)
//!             />
//!         </LoginRocketProvider>
//!     }
//! }
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod components;
mod dom;
mod flows;
mod fluent;
mod hooks;
pub mod i18n;
mod options;
mod provider;
pub mod redirect;
#[cfg(feature = "router")]
pub mod routes;
pub mod session;
mod session_store;
pub mod state;

pub use components::{ForgotPasswordForm, LoginForm, ResetPasswordForm, SignupForm};
pub use flows::{
    normalize_code, use_two_factor_form, use_two_factor_form_with_options, use_verify_email,
    AccountPicker, ChangePasswordForm, CompleteProfileForm, LogoutButton, NextStepFallback,
    ProfileFields, ProfileForm, RequestInvitationForm, TwoFactorForm, UseTwoFactorFormOptions,
    UseTwoFactorFormReturn, UseVerifyEmailReturn, VerifyEmail,
};
pub use hooks::*;
pub use i18n::{Catalog, Locale};
pub use loginrocket;
pub use provider::{use_loginrocket, KitOptions, LoginRocketContext, LoginRocketProvider};
#[cfg(feature = "router")]
pub use routes::{
    page_for, AuthConfig, AuthPage, AuthPageView, AuthPaths, AuthRoutes, RequireSession,
};
pub use session::{Persistence, SessionState};
pub use session_store::SessionStore;
pub use state::{FieldId, Flow, FormState, Notice, Outcome, Unavailable};

/// Fluent keys of the auth pages.
#[cfg(test)]
const ROUTE_KEYS: &[&str] = &[
    "page-sign-in",
    "page-sign-up",
    "page-forgot-password",
    "page-reset-password",
    "page-verify-email",
    "page-two-factor",
    "page-choose-account",
    "page-complete-profile",
    "page-profile",
    "page-change-password",
    "page-request-invitation",
    "page-next-step",
    "link-forgot-password",
    "link-sign-up",
    "link-sign-in",
    "links-label",
];

/// The keys the modules list by hand (the rest come from the code itself: field labels,
/// notices, state messages).
#[cfg(test)]
fn listed_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = components::KEYS.to_vec();
    keys.extend(flows::KEYS);
    keys.extend(ROUTE_KEYS);
    keys
}

/// Every Fluent key the code uses (a test checks each is in every locale, and that every key
/// a locale defines is here).
#[cfg(test)]
pub(crate) fn i18n_keys_used() -> Vec<&'static str> {
    let mut keys = listed_keys();
    keys.extend(state::FieldId::ALL.iter().map(|f| f.label_key()));
    keys.extend(
        [
            state::Notice::LoginFailed,
            state::Notice::SignupFailed,
            state::Notice::Generic,
            state::Notice::LoggedOutLocally,
        ]
        .map(|n| n.key()),
    );
    for s in [
        FormState::SessionExpired,
        FormState::LinkExpired,
        FormState::Unavailable(Unavailable::Offline),
        FormState::Unavailable(Unavailable::Timeout),
        FormState::Unavailable(Unavailable::Server),
    ] {
        keys.extend(s.alert_key());
    }
    keys
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_listed_key_is_used_outside_its_list() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut source = String::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                // the code, not its tests (which name keys to check them)
                let text = std::fs::read_to_string(path).unwrap();
                let code = text
                    .split("#[cfg(test)]\nmod tests")
                    .next()
                    .unwrap_or_default();
                source.push_str(code);
            }
        }
        for key in super::listed_keys() {
            let quoted = format!("\"{key}\"");
            assert!(
                source.matches(&quoted).count() >= 2,
                "{key} is listed, but no code uses it"
            );
        }
    }
}
