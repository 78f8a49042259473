//! Headless hooks, one per flow (`use_x()` and `use_x_with_options(UseXOptions)` returning
//! `UseXReturn`): each owns its flow's state machine and hands out field values, read-only
//! signals ([`FormStatus`]) and callbacks. The `components` are thin
//! views over them; apps that want their own markup use the hooks directly.
//!
//! Every hook needs a [`LoginRocketProvider`](crate::context::LoginRocketProvider) above it.

use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin, Secret};

use crate::context::LoginRocketContext;
use crate::logic::form_state::Outcome;

mod form_core;
mod use_account_picker;
mod use_change_password_form;
mod use_complete_profile_form;
mod use_forgot_password_form;
mod use_hosted_callback;
pub(crate) mod use_hosted_sign_in;
mod use_login_form;
mod use_logout;
mod use_profile_form;
mod use_request_invitation_form;
mod use_reset_password_form;
mod use_session;
mod use_signup_form;
mod use_two_factor_form;
mod use_verify_email;

pub use crate::logic::fields::FieldId;
pub use crate::logic::form_state::{normalize_code, FormState, Notice, Unavailable};
pub use crate::logic::hosted::CallbackState;
pub(crate) use form_core::state_message;
pub(crate) use form_core::FormCore;
pub use form_core::FormStatus;
pub use use_account_picker::*;
pub use use_change_password_form::*;
pub use use_complete_profile_form::*;
pub use use_forgot_password_form::*;
pub use use_hosted_callback::*;
pub use use_hosted_sign_in::{
    use_hosted_sign_in, use_hosted_sign_in_with_options, UseHostedSignInOptions,
    UseHostedSignInReturn,
};
pub use use_login_form::*;
pub use use_logout::*;
pub use use_profile_form::*;
pub use use_request_invitation_form::*;
pub use use_reset_password_form::*;
pub use use_session::*;
pub use use_signup_form::*;
pub use use_two_factor_form::*;
pub use use_verify_email::*;

/// Whether a form field is shown and asked for.
///
/// ```
/// use leptos_loginrocket::hooks::FieldMode;
///
/// assert!(FieldMode::Optional.shown());
/// assert!(!FieldMode::default().shown());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FieldMode {
    /// Not shown, never sent.
    #[default]
    Hidden,
    /// Shown; sent when filled in.
    Optional,
    /// Shown; checked before sending.
    Required,
}

impl FieldMode {
    /// Whether the field is shown.
    pub fn shown(self) -> bool {
        self != FieldMode::Hidden
    }
}

/// Checks the required `values`; when one is empty the form shows why, without a request.
/// Returns whether all are there.
pub(crate) fn check_required(core: &FormCore, values: &[(FieldId, String)]) -> bool {
    let missing: Vec<FieldId> = values
        .iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(f, _)| *f)
        .collect();
    let ok = missing.is_empty();
    if !ok {
        core.reject_missing(missing);
    }
    ok
}

/// What the login-shaped flows do with an outcome: `on_login` for a `full_login`,
/// `on_conditional` for a `conditional_login`.
pub(crate) fn login_callbacks(
    on_login: Option<Callback<FullLogin>>,
    on_conditional: Option<Callback<ConditionalLogin>>,
) -> Box<dyn FnOnce(&Outcome)> {
    Box::new(move |outcome: &Outcome| match outcome {
        Outcome::SignedIn(f) => run_opt(on_login, f),
        Outcome::Conditional(c) => run_opt(on_conditional, c),
        _ => {}
    })
}

/// `on_success` when the outcome is a plain success (`okay`).
pub(crate) fn on_done(on_success: Option<Callback<()>>) -> Box<dyn FnOnce(&Outcome)> {
    Box::new(move |outcome: &Outcome| {
        if matches!(outcome, Outcome::Done) {
            run_opt(on_success, &());
        }
    })
}

pub(crate) fn run_opt<T: Clone + Send + Sync + 'static>(cb: Option<Callback<T>>, value: &T) {
    if let Some(cb) = cb {
        cb.run(value.clone());
    }
}

/// The machinery of a form that asks only for an email and answers `okay` (forgot password,
/// invitation request): the email, the state and the submit. `call` builds the request.
pub(crate) fn email_form(
    flow: crate::logic::form_state::Flow,
    call: fn(String) -> form_core::Request,
    on_success: Option<Callback<()>>,
) -> (RwSignal<String>, FormStatus, Callback<()>) {
    let ctx = crate::context::use_loginrocket();
    let core = FormCore::new(flow, vec![FieldId::Email]);
    let email = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        if check_required(&core, &[(FieldId::Email, email.get_untracked())]) {
            core.run(
                ctx,
                call(email.get_untracked().trim().to_owned()),
                on_done(on_success),
            );
        }
    });
    (email, core.status(ctx), submit)
}

/// The one localized message for the session store's last call (refresh, account switch).
pub(crate) fn store_message(ctx: LoginRocketContext) -> Signal<String> {
    state_message(ctx, ctx.session().status(), None, Signal::stored(0))
}

/// The session a call is made with: the one given, else the session store's.
pub(crate) fn session_of(ctx: LoginRocketContext, given: &Option<Secret>) -> Option<Secret> {
    given.clone().or_else(|| ctx.session().session_untracked())
}

/// A call that needs a session found none: the form shows "session expired".
pub(crate) fn no_session(core: &FormCore) {
    core.fail_locally(FormState::SessionExpired);
}

/// An emailed link's token: the one given, else `?token=` read once from the address bar
/// (then removed from it). Known after the first render, in an effect, so that rendering
/// never needs a browser; then `found` runs with it.
/// Not generic on purpose (wasm size): `found` is boxed.
pub(crate) fn emailed_token(
    given: Option<String>,
    found: Box<dyn Fn(Option<Secret>)>,
) -> StoredValue<Option<Secret>> {
    let given = given.filter(|t| !t.is_empty()).map(Secret::new);
    let token = StoredValue::new(given.clone());
    crate::platform::after_render(Box::new(move || {
        let t = given.or_else(|| crate::platform::take_query_param_token().map(Secret::new));
        token.set_value(t.clone());
        found(t);
    }));
    token
}
