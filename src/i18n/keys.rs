//! Every Fluent key the code uses, in one place. Tests check both ways: each key is in every
//! locale, and each key a locale defines is used (see the catalog's tests); each key listed
//! by hand here is also used by the code outside this list.

use crate::logic::fields::FieldId;
use crate::logic::form_state::{FormState, Notice, Unavailable};
use crate::logic::hosted::CallbackState;

/// Keys the components and pages name in their code (the rest come from the logic's types:
/// field labels, notices, state messages).
const LISTED: &[&str] = &[
    // shared pieces
    "password-show",
    "password-hide",
    "password-hint",
    "error-rate-limited",
    "rate-limit-countdown",
    "rate-limit-over",
    "retry",
    "field-required",
    "field-new-password",
    // forms: submit, progress, confirmation
    "login-submit",
    "login-pending",
    "signup-submit",
    "signup-pending",
    "forgot-submit",
    "forgot-pending",
    "forgot-sent",
    "reset-submit",
    "reset-pending",
    "reset-done",
    "reset-done-sign-in",
    "reset-request-new",
    "two-factor-submit",
    "two-factor-pending",
    "complete-profile-submit",
    "complete-profile-pending",
    "invitation-submit",
    "invitation-pending",
    "invitation-sent",
    "profile-submit",
    "profile-pending",
    "profile-saved",
    "password-change-submit",
    "password-change-pending",
    "password-changed",
    // the other flows
    "account-picker-hosted",
    "verify-email-verifying",
    "verify-email-done",
    "logout",
    "next-step-unknown",
    "next-step-continue",
    // pages
    "page-load-failed",
    "locale-load-failed",
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
    "page-title",
    "page-callback",
    // the hosted sign-in and its return
    "hosted-or",
    "hosted-continue-with",
    "hosted-more-ways",
    "hosted-last-used",
    "callback-checking",
    "callback-confirm",
    "callback-continue",
    "callback-sign-in-again",
    // notices the next page shows
    "logged-out",
    "step-expired",
];

/// Every Fluent key the code uses.
pub(crate) fn used() -> Vec<&'static str> {
    let mut keys = LISTED.to_vec();
    keys.extend(FieldId::ALL.iter().map(|f| f.label_key()));
    keys.extend(
        [
            Notice::LoginFailed,
            Notice::SignupFailed,
            Notice::Generic,
            Notice::LoggedOutLocally,
        ]
        .map(|n| n.key()),
    );
    for s in [
        FormState::SessionExpired,
        FormState::LinkExpired,
        FormState::LinkMissing,
        FormState::Unavailable(Unavailable::Offline),
        FormState::Unavailable(Unavailable::Timeout),
        FormState::Unavailable(Unavailable::Server),
    ] {
        keys.extend(s.alert_key());
    }
    for s in [
        CallbackState::Confirm,
        CallbackState::Missing,
        CallbackState::Expired,
        CallbackState::Invalid,
    ] {
        keys.extend(s.message_key());
    }
    keys
}

fn sources(dir: &std::path::Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/keys.rs") {
            // the code, not its tests (which name keys to check them)
            let text = std::fs::read_to_string(path).unwrap();
            out.push_str(
                text.split("#[cfg(test)]\nmod tests")
                    .next()
                    .unwrap_or_default(),
            );
        }
    }
}

#[test]
fn every_listed_key_is_used_outside_its_list() {
    let mut source = String::new();
    sources(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut source,
    );
    for key in LISTED {
        assert!(
            source.contains(&format!("\"{key}\"")),
            "{key} is listed, but no code uses it"
        );
    }
}
