use leptos::prelude::*;
use leptos::task::spawn_local;
use loginrocket::{ConditionalLogin, FullLogin, LoginRocket, ResetPasswordParams, Secret};

use super::{check_required, emailed_token, run_opt, FieldMode, FormCore, FormStatus};
use crate::context::{use_loginrocket, StepKind};
use crate::logic::fields::FieldId;
use crate::logic::form_state::{Flow, FormState, Outcome};

/// What to do after a successful reset (LoginRocket answers `full_login`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AfterReset {
    /// Continue signed in: `on_login` gets the `full_login` (like the hosted pages).
    #[default]
    ContinueSignedIn,
    /// Ask the user to sign in with the new password: the new session is ended and
    /// `on_success` runs.
    SignIn,
}

/// Options for [`use_reset_password_form_with_options`].
#[derive(Clone, Default)]
pub struct UseResetPasswordFormOptions {
    /// The emailed token. `None`: read once from `?token=` in the address bar, which is then
    /// removed from it.
    pub token: Option<String>,
    /// Whether a confirmation field is shown.
    pub confirm_password: FieldMode,
    /// What happens after the reset.
    pub after_reset: AfterReset,
    /// Signed in after the reset ([`AfterReset::ContinueSignedIn`]).
    pub on_login: Option<Callback<FullLogin>>,
    /// A `conditional_login` after the reset (for example 2FA).
    pub on_conditional: Option<Callback<ConditionalLogin>>,
    /// The reset succeeded and the user should sign in ([`AfterReset::SignIn`]).
    pub on_success: Option<Callback<()>>,
}

/// What [`use_reset_password_form`] returns.
#[derive(Clone, Copy)]
pub struct UseResetPasswordFormReturn {
    /// The new password; cleared after success.
    pub password: RwSignal<String>,
    /// The confirmation; cleared after success.
    pub password_confirmation: RwSignal<String>,
    /// Whether there is a token at all. Without one the state is
    /// [`FormState::LinkMissing`] from the start: offer a new link.
    pub has_token: Signal<bool>,
    /// Whether the confirmation field is shown.
    pub confirm_password: FieldMode,
    /// The form's state and messages: `LinkExpired` when the link is invalid, used or
    /// expired, `LinkMissing` when the page has no token.
    pub status: FormStatus,
    /// Sets the new password.
    pub submit: Callback<()>,
}

/// The reset-password flow, token from `?token=`, headless.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyReset() -> impl IntoView {
///     let form = use_reset_password_form();
///     let expired = move || {
///         matches!(form.status.state.get(), FormState::LinkExpired | FormState::LinkMissing)
///     };
///     view! {
///         <form on:submit=move |ev| { ev.prevent_default(); form.submit.run(()); }>
///             <input type="password" bind:value=form.password autocomplete="new-password"/>
///             <p role="alert">{move || form.status.message.get()}</p>
///             <Show when=expired><a href="/forgot">"Get a new link"</a></Show>
///             <button type="submit">"Set password"</button>
///         </form>
///     }
/// }
/// ```
pub fn use_reset_password_form() -> UseResetPasswordFormReturn {
    use_reset_password_form_with_options(UseResetPasswordFormOptions::default())
}

/// The reset-password flow, with a token of its own, a confirmation field, what to do after
/// the reset, and callbacks.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_reset_password_form_with_options(UseResetPasswordFormOptions {
///     after_reset: AfterReset::SignIn,
///     on_success: Some(Callback::new(|()| leptos::logging::log!("sign in again"))),
///     ..Default::default()
/// });
/// ```
pub fn use_reset_password_form_with_options(
    options: UseResetPasswordFormOptions,
) -> UseResetPasswordFormReturn {
    let ctx = use_loginrocket();
    let mut fields = vec![FieldId::Password];
    if options.confirm_password.shown() {
        fields.push(FieldId::PasswordConfirmation);
    }
    let core = FormCore::new(Flow::ResetPassword, fields);
    // asked to sign in again: the session the reset opens is ended, never the app's
    let core = match options.after_reset {
        AfterReset::SignIn => core.detached(),
        AfterReset::ContinueSignedIn => core,
    };
    let has_token = RwSignal::new(true);
    // in a server-rendered app the server may have taken the link's token (it posts the form)
    let held = ctx.held_step(StepKind::ResetPassword).is_some();
    let token = emailed_token(
        options.token.clone(),
        Box::new(move |t| {
            if t.is_none() && !held {
                has_token.set(false);
                core.show(FormState::LinkMissing);
            }
        }),
    );
    let (password, password_confirmation) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let confirm = options.confirm_password;
    let submit = Callback::new(move |()| {
        let Some(token_value) = token.get_value() else {
            return core.fail_locally(FormState::LinkMissing);
        };
        let mut values = vec![(FieldId::Password, password.get_untracked())];
        if confirm == FieldMode::Required {
            values.push((
                FieldId::PasswordConfirmation,
                password_confirmation.get_untracked(),
            ));
        }
        if !check_required(&core, &values) {
            return;
        }
        let mut params =
            ResetPasswordParams::new(token_value, Secret::new(password.get_untracked()));
        if confirm.shown() {
            params.password_confirmation = Some(Secret::new(password_confirmation.get_untracked()));
        }
        let options = options.clone();
        let client = ctx.client();
        core.run(
            ctx,
            Box::new(move |client: LoginRocket| {
                Box::pin(async move { client.reset_password(&params).await })
            }),
            Box::new(move |outcome: &Outcome| {
                if matches!(
                    outcome,
                    Outcome::SignedIn(_) | Outcome::Conditional(_) | Outcome::Done
                ) {
                    password.try_set(String::new());
                    password_confirmation.try_set(String::new());
                }
                match (outcome, options.after_reset) {
                    (Outcome::SignedIn(f), AfterReset::ContinueSignedIn) => {
                        run_opt(options.on_login, f)
                    }
                    (Outcome::Conditional(c), AfterReset::ContinueSignedIn) => {
                        run_opt(options.on_conditional, c)
                    }
                    (
                        Outcome::SignedIn(_) | Outcome::Conditional(_) | Outcome::Done,
                        AfterReset::SignIn,
                    ) => {
                        let session = match outcome {
                            Outcome::SignedIn(f) => Some(f.session.clone()),
                            Outcome::Conditional(c) => Some(c.session.clone()),
                            _ => None,
                        };
                        if let Some(session) = session {
                            // the user signs in again: end the session the reset opened
                            spawn_local(async move {
                                let _ = client
                                    .logout(&loginrocket::LogoutParams::new(session))
                                    .await;
                            });
                        }
                        run_opt(options.on_success, &());
                    }
                    (Outcome::Done, AfterReset::ContinueSignedIn) => {
                        run_opt(options.on_success, &())
                    }
                    _ => {}
                }
            }),
        );
    });
    UseResetPasswordFormReturn {
        password,
        password_confirmation,
        has_token: has_token.into(),
        confirm_password: confirm,
        status: core.status(ctx),
        submit,
    }
}
