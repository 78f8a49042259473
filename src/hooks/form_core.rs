//! Headless hooks, one per flow: each owns its form's state machine and returns a named
//! struct of signals and callbacks. The components are thin views over them; apps that want
//! their own markup use the hooks directly.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use loginrocket::{
    ConditionalLogin, ForgotPasswordParams, FullLogin, LoginParams, LoginRocket,
    ResetPasswordParams, Response, Secret, SignupParams,
};

use crate::provider::{use_loginrocket, LoginRocketContext};
use crate::session::SessionState;
use crate::session_store::SessionStore;
use crate::state::{classify, cooldown_secs, FieldId, Flow, FormState, Outcome};

/// A request to run: given the client, the call's future.
pub type Request = Box<
    dyn FnOnce(LoginRocket) -> Pin<Box<dyn Future<Output = Result<Response, loginrocket::Error>>>>,
>;

/// The state every kit form shares: what the view renders and the submit machinery.
///
/// `Copy`: every part is an arena handle.
#[derive(Clone, Copy)]
pub struct FormCore {
    /// The UI state.
    pub state: RwSignal<FormState>,
    /// Server messages next to their fields.
    pub field_errors: RwSignal<Vec<(FieldId, String)>>,
    /// Server messages that belong to no field (shown in the form's alert).
    pub form_errors: RwSignal<Vec<String>>,
    /// Seconds left in a rate-limit cooldown (0 when none).
    pub cooldown: RwSignal<u32>,
    /// Submits that ended in an error, counted (views move focus when it changes).
    pub failures: RwSignal<u32>,
    /// The last outcome.
    pub outcome: RwSignal<Option<Outcome>>,
    seq: StoredValue<u64>,
    timer: StoredValue<Option<IntervalHandle>>,
    flow: Flow,
    fields: StoredValue<Vec<FieldId>>,
    /// Whether the session store follows this form's sign-ins (not after a reset that asks
    /// the user to sign in again).
    feeds_session: bool,
}

impl FormCore {
    /// A fresh core for `flow` whose form shows `fields`. Stops its timers when its owner is
    /// cleaned up; a response arriving after that is dropped.
    pub fn new(flow: Flow, fields: Vec<FieldId>) -> Self {
        let core = Self {
            state: RwSignal::new(FormState::Idle),
            field_errors: RwSignal::new(Vec::new()),
            form_errors: RwSignal::new(Vec::new()),
            cooldown: RwSignal::new(0),
            failures: RwSignal::new(0),
            outcome: RwSignal::new(None),
            seq: StoredValue::new(0),
            timer: StoredValue::new(None),
            flow,
            fields: StoredValue::new(fields),
            feeds_session: true,
        };
        on_cleanup(move || core.stop_timer());
        core
    }

    /// This form's sign-ins are not the app's session: the store is left alone.
    pub(crate) fn detached(self) -> Self {
        Self {
            feeds_session: false,
            ..self
        }
    }

    /// Whether a request is in flight.
    pub fn pending(&self) -> Signal<bool> {
        let state = self.state;
        Signal::derive(move || state.get() == FormState::Submitting)
    }

    /// Whether submit is allowed now (not in flight, not cooling down).
    pub fn can_submit(&self) -> Signal<bool> {
        let (state, cooldown) = (self.state, self.cooldown);
        Signal::derive(move || state.get() != FormState::Submitting && cooldown.get() == 0)
    }

    /// The messages for `field`.
    pub fn errors_for(&self, field: FieldId) -> Vec<String> {
        self.field_errors.with(|e| {
            e.iter()
                .filter(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
                .collect()
        })
    }

    /// Clears `field`'s messages (the user edited it).
    pub fn clear_field(&self, field: FieldId) {
        if self
            .field_errors
            .with_untracked(|e| e.iter().any(|(f, _)| *f == field))
        {
            self.field_errors.update(|e| e.retain(|(f, _)| *f != field));
        }
    }

    /// Abandons the request in flight, if any: its answer will be dropped, and the form is
    /// ready again.
    pub fn cancel(&self) {
        self.seq.update_value(|s| *s += 1);
        if self.state.get_untracked() == FormState::Submitting {
            self.state.set(FormState::Idle);
        }
    }

    /// Back to idle, all messages cleared (a flow switch, or a fresh start).
    pub fn reset(&self) {
        self.cancel();
        self.stop_timer();
        self.cooldown.set(0);
        self.state.set(FormState::Idle);
        self.field_errors.set(Vec::new());
        self.form_errors.set(Vec::new());
    }

    /// Client-side checks failed: shows `errors` as if the server had, without a request.
    /// Ignored while a request is in flight or a cooldown runs (the form is not submittable,
    /// and its pending state must not be lost).
    pub fn reject_locally(&self, errors: Vec<(FieldId, String)>) {
        if !self.can_submit().get_untracked() {
            return;
        }
        self.field_errors.set(errors);
        self.form_errors.set(Vec::new());
        self.state.set(FormState::Rejected);
        self.failures.update(|n| *n += 1);
    }

    /// A submit that cannot be sent at all (no session, no token): shows `state`. Ignored,
    /// like [`reject_locally`](Self::reject_locally), while the form is not submittable.
    pub(crate) fn fail_locally(&self, state: FormState) {
        if !self.can_submit().get_untracked() {
            return;
        }
        self.state.set(state);
        self.failures.update(|n| *n += 1);
    }

    fn stop_timer(&self) {
        if let Some(Some(handle)) = self.timer.try_update_value(Option::take) {
            handle.clear();
        }
    }

    fn start_cooldown(&self, secs: u32) {
        self.stop_timer();
        self.cooldown.set(secs);
        let core = *self;
        let tick = move || {
            let Some(left) = core.cooldown.try_get_untracked() else {
                return;
            };
            if left <= 1 {
                core.stop_timer();
                core.cooldown.try_set(0);
                if core.state.try_get_untracked() == Some(FormState::CoolingDown) {
                    core.state.try_set(FormState::Idle);
                }
            } else {
                core.cooldown.try_set(left - 1);
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
            self.timer.set_value(Some(handle));
        }
    }

    /// Runs one request, single-flight: ignored while one is in flight or a cooldown runs.
    /// The answer is classified for this form's flow and applied, unless the form was
    /// cancelled, resubmitted or unmounted meanwhile; then `done` runs with the outcome.
    /// Returns whether a request was started.
    ///
    /// Not generic on purpose: one copy of this machinery serves every flow (wasm size).
    pub fn run(
        &self,
        ctx: &LoginRocketContext,
        request: Request,
        done: Box<dyn FnOnce(&Outcome)>,
    ) -> bool {
        if !self.can_submit().get_untracked() {
            return false;
        }
        let my_seq = self.seq.get_value() + 1;
        self.seq.set_value(my_seq);
        self.state.set(FormState::Submitting);
        self.field_errors.set(Vec::new());
        self.form_errors.set(Vec::new());
        ctx.sync_locale();
        let names: Vec<(FieldId, String)> = {
            let locale = ctx.locale.get_untracked();
            self.fields
                .get_value()
                .into_iter()
                .map(|f| (f, ctx.catalog.text(locale, f.label_key())))
                .collect()
        };
        let (core, client, options, expired, feeds_session) = (
            *self,
            ctx.client.clone(),
            ctx.options,
            ctx.on_session_expired,
            self.feeds_session,
        );
        let ctx = ctx.clone();
        spawn_local(async move {
            let answer = request(client).await;
            // dropped: unmounted (disposed), cancelled, or superseded
            if core.seq.try_get_value() != Some(my_seq) {
                return;
            }
            let outcome = classify(core.flow, answer, &names);
            core.apply(&outcome, options);
            // the session store follows every login the forms see
            match &outcome {
                _ if !feeds_session => {}
                Outcome::SignedIn(f) => ctx.session.set(SessionState::signed_in(f.clone())),
                Outcome::Conditional(c) => ctx.session.set(SessionState::Conditional(c.clone())),
                Outcome::State(FormState::SessionExpired) => {
                    ctx.session.set(SessionState::SignedOut);
                    run_opt(expired, &());
                }
                _ => {}
            }
            done(&outcome);
            core.outcome.try_set(Some(outcome));
        });
        true
    }

    fn apply(&self, outcome: &Outcome, options: crate::provider::KitOptions) {
        let state = outcome.state();
        match outcome {
            Outcome::Rejected(a) => {
                self.field_errors.set(a.fields.clone());
                self.form_errors.set(a.form.clone());
            }
            Outcome::RateLimited(retry) => {
                self.start_cooldown(cooldown_secs(
                    *retry,
                    (options.clock)(),
                    options.default_cooldown_secs,
                ));
            }
            _ => {}
        }
        self.state.set(state);
        if !matches!(state, FormState::Succeeded | FormState::Submitting) {
            self.failures.update(|n| *n += 1);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Session

/// What [`use_session`] returns.
#[derive(Clone, Copy)]
pub struct UseSessionReturn {
    /// Signed out, conditional (with the next step), or signed in.
    pub state: Signal<SessionState>,
    /// The last session call's state (see [`SessionStore::status`]).
    pub status: Signal<FormState>,
    /// Refreshes the session (single-flight).
    pub refresh: Callback<()>,
    /// Selects another account.
    pub switch_account: Callback<String>,
    /// Signs out (locally whatever the server says).
    pub logout: Callback<()>,
    /// The store itself, for awaiting calls.
    pub store: SessionStore,
}

/// The session of the nearest provider.
pub fn use_session() -> UseSessionReturn {
    let store = use_loginrocket().session;
    UseSessionReturn {
        state: store.state.into(),
        status: store.status.into(),
        refresh: Callback::new(move |()| spawn_local(store.refresh())),
        switch_account: Callback::new(move |account: String| {
            spawn_local(store.switch_account(account))
        }),
        logout: Callback::new(move |()| spawn_local(store.logout())),
        store,
    }
}

/// Required fields that are empty, as field messages (`field-required`).
pub(crate) fn required_messages(
    ctx: &LoginRocketContext,
    values: &[(FieldId, String)],
) -> Vec<(FieldId, String)> {
    let locale = ctx.locale.get_untracked();
    values
        .iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(f, _)| {
            let name = ctx.catalog.text(locale, f.label_key());
            (
                *f,
                ctx.catalog
                    .text_with(locale, "field-required", &[("field", name.into())]),
            )
        })
        .collect()
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

pub(crate) fn run_opt<T: Clone + Send + Sync + 'static>(cb: Option<Callback<T>>, value: &T) {
    if let Some(cb) = cb {
        cb.run(value.clone());
    }
}

// ---------------------------------------------------------------------------------------
// Login

/// Options for [`use_login_form_with_options`].
#[derive(Clone, Default)]
pub struct UseLoginFormOptions {
    /// A `full_login`: the user is signed in.
    pub on_login: Option<Callback<FullLogin>>,
    /// A `conditional_login`: the next step (2FA, account choice, profile completion).
    pub on_conditional: Option<Callback<ConditionalLogin>>,
}

/// What [`use_login_form`] returns.
#[derive(Clone, Copy)]
pub struct UseLoginFormReturn {
    /// The form state and messages.
    pub core: FormCore,
    /// The email (or username). Components write the DOM's value here at submit.
    pub email: RwSignal<String>,
    /// The password; cleared after a sign-in.
    pub password: RwSignal<String>,
    /// Sends the login (single-flight; checks required fields first).
    pub submit: Callback<()>,
}

/// The sign-in flow, headless: bring your own markup.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::*;
///
/// #[component]
/// fn MySignIn() -> impl IntoView {
///     let form = use_login_form();
///     let pending = form.core.pending();
///     view! {
///         <form on:submit=move |ev| { ev.prevent_default(); form.submit.run(()); }>
///             <input bind:value=form.email autocomplete="username"/>
///             <input type="password" bind:value=form.password autocomplete="current-password"/>
///             <p>{move || form.core.form_errors.get().join(" ")}</p>
///             <button type="submit" disabled=pending>"→"</button>
///         </form>
///     }
/// }
/// ```
pub fn use_login_form() -> UseLoginFormReturn {
    use_login_form_with_options(UseLoginFormOptions::default())
}

/// The sign-in flow, with callbacks.
pub fn use_login_form_with_options(options: UseLoginFormOptions) -> UseLoginFormReturn {
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::Login, vec![FieldId::Email, FieldId::Password]);
    let (email, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = Callback::new(move |()| {
        let values = [
            (FieldId::Email, email.get_untracked()),
            (FieldId::Password, password.get_untracked()),
        ];
        let missing = required_messages(&ctx, &values);
        if !missing.is_empty() {
            return core.reject_locally(missing);
        }
        let params = LoginParams::new(
            email.get_untracked().trim(),
            Secret::new(password.get_untracked()),
        );
        let options = options.clone();
        core.run(
            &ctx,
            Box::new(move |client: LoginRocket| {
                Box::pin(async move { client.login(&params).await })
            }),
            Box::new(move |outcome: &Outcome| match outcome {
                Outcome::SignedIn(f) => {
                    password.try_set(String::new());
                    run_opt(options.on_login, f);
                }
                Outcome::Conditional(c) => {
                    password.try_set(String::new());
                    run_opt(options.on_conditional, c);
                }
                _ => {}
            }),
        );
    });
    UseLoginFormReturn {
        core,
        email,
        password,
        submit,
    }
}

// ---------------------------------------------------------------------------------------
// Signup

/// Whether a signup field is shown.
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

/// Which signup fields an app shows (email and password always are).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SignupFields {
    /// First and last name.
    pub name: FieldMode,
    /// Username.
    pub username: FieldMode,
    /// Organization name.
    pub org_name: FieldMode,
    /// A second `new-password` field (R13: off by default; a show-password toggle instead).
    pub confirm_password: FieldMode,
    /// An invitation token field (for invitation-only realms); a token given as a prop or
    /// in `?token=` fills it.
    pub invitation: FieldMode,
}

impl SignupFields {
    /// The fields shown, in form order.
    pub fn shown(&self) -> Vec<FieldId> {
        let mut fields = vec![FieldId::Email];
        if self.name.shown() {
            fields.extend([FieldId::FirstName, FieldId::LastName]);
        }
        if self.username.shown() {
            fields.push(FieldId::Username);
        }
        if self.org_name.shown() {
            fields.push(FieldId::OrgName);
        }
        fields.push(FieldId::Password);
        if self.confirm_password.shown() {
            fields.push(FieldId::PasswordConfirmation);
        }
        if self.invitation.shown() {
            fields.push(FieldId::Token);
        }
        fields
    }

    /// How `field` is asked for (email and password are always required).
    pub fn mode(&self, field: FieldId) -> FieldMode {
        match field {
            FieldId::Email | FieldId::Password => FieldMode::Required,
            FieldId::FirstName | FieldId::LastName => self.name,
            FieldId::Username => self.username,
            FieldId::OrgName => self.org_name,
            FieldId::PasswordConfirmation => self.confirm_password,
            FieldId::Token => self.invitation,
            _ => FieldMode::Hidden,
        }
    }
}

/// Options for [`use_signup_form_with_options`].
#[derive(Clone, Default)]
pub struct UseSignupFormOptions {
    /// Which fields are shown.
    pub fields: SignupFields,
    /// A `full_login`: the account exists and the user is signed in.
    pub on_login: Option<Callback<FullLogin>>,
    /// A `conditional_login`.
    pub on_conditional: Option<Callback<ConditionalLogin>>,
}

/// What [`use_signup_form`] returns.
#[derive(Clone, Copy)]
pub struct UseSignupFormReturn {
    /// The form state and messages.
    pub core: FormCore,
    /// The values of every possible field (only the shown ones are sent).
    pub values: RwSignal<Vec<(FieldId, String)>>,
    /// The fields shown.
    pub fields: SignupFields,
    /// Sends the signup.
    pub submit: Callback<()>,
}

impl UseSignupFormReturn {
    /// Sets a field's value.
    pub fn set(&self, field: FieldId, value: String) {
        self.values
            .update(|vs| match vs.iter_mut().find(|(f, _)| *f == field) {
                Some(slot) => slot.1 = value,
                None => vs.push((field, value)),
            });
    }

    /// A field's value.
    pub fn get(&self, field: FieldId) -> String {
        self.values.with_untracked(|vs| {
            vs.iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
    }
}

/// The signup flow with email and password only.
pub fn use_signup_form() -> UseSignupFormReturn {
    use_signup_form_with_options(UseSignupFormOptions::default())
}

/// The signup flow.
pub fn use_signup_form_with_options(options: UseSignupFormOptions) -> UseSignupFormReturn {
    let ctx = use_loginrocket();
    let fields = options.fields;
    let core = FormCore::new(Flow::Signup, fields.shown());
    let values = RwSignal::new(Vec::<(FieldId, String)>::new());
    let ret = UseSignupFormReturn {
        core,
        values,
        fields,
        submit: Callback::new(|()| {}),
    };
    let submit = Callback::new(move |()| {
        let shown: Vec<(FieldId, String)> = fields
            .shown()
            .into_iter()
            .map(|f| (f, ret.get(f)))
            .collect();
        let must: Vec<(FieldId, String)> = shown
            .iter()
            .filter(|(f, _)| fields.mode(*f) == FieldMode::Required)
            .cloned()
            .collect();
        let missing = required_messages(&ctx, &must);
        if !missing.is_empty() {
            return core.reject_locally(missing);
        }
        let value = |f: FieldId| {
            shown
                .iter()
                .find(|(id, _)| *id == f)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.trim().is_empty())
        };
        let mut params = SignupParams::new(
            ret.get(FieldId::Email).trim(),
            Secret::new(ret.get(FieldId::Password)),
        );
        params.password_confirmation = value(FieldId::PasswordConfirmation).map(Secret::new);
        params.first_name = value(FieldId::FirstName);
        params.last_name = value(FieldId::LastName);
        params.username = value(FieldId::Username);
        params.org_name = value(FieldId::OrgName);
        params.token = value(FieldId::Token).map(Secret::new);
        let options = options.clone();
        core.run(
            &ctx,
            Box::new(move |client: LoginRocket| {
                Box::pin(async move { client.signup(&params).await })
            }),
            login_callbacks(options.on_login, options.on_conditional),
        );
    });
    UseSignupFormReturn { submit, ..ret }
}

// ---------------------------------------------------------------------------------------
// Forgot password

/// Options for [`use_forgot_password_form_with_options`].
#[derive(Clone, Default)]
pub struct UseForgotPasswordFormOptions {
    /// The confirmation is shown (also for unknown emails: no enumeration).
    pub on_success: Option<Callback<()>>,
}

/// What [`use_forgot_password_form`] returns.
#[derive(Clone, Copy)]
pub struct UseForgotPasswordFormReturn {
    /// The form state and messages.
    pub core: FormCore,
    /// The email.
    pub email: RwSignal<String>,
    /// Asks for a reset link.
    pub submit: Callback<()>,
}

/// The forgot-password flow.
pub fn use_forgot_password_form() -> UseForgotPasswordFormReturn {
    use_forgot_password_form_with_options(UseForgotPasswordFormOptions::default())
}

/// The forgot-password flow, with a callback.
pub fn use_forgot_password_form_with_options(
    options: UseForgotPasswordFormOptions,
) -> UseForgotPasswordFormReturn {
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::ForgotPassword, vec![FieldId::Email]);
    let email = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        let missing = required_messages(&ctx, &[(FieldId::Email, email.get_untracked())]);
        if !missing.is_empty() {
            return core.reject_locally(missing);
        }
        let params = ForgotPasswordParams::new(email.get_untracked().trim());
        let on_success = options.on_success;
        core.run(
            &ctx,
            Box::new(move |client: LoginRocket| {
                Box::pin(async move { client.forgot_password(&params).await })
            }),
            Box::new(move |outcome: &Outcome| {
                if matches!(outcome, Outcome::Done) {
                    run_opt(on_success, &());
                }
            }),
        );
    });
    UseForgotPasswordFormReturn {
        core,
        email,
        submit,
    }
}

// ---------------------------------------------------------------------------------------
// Reset password

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
    /// The form state and messages.
    pub core: FormCore,
    /// The new password; cleared after success.
    pub password: RwSignal<String>,
    /// The confirmation; cleared after success.
    pub password_confirmation: RwSignal<String>,
    /// Whether a token is there at all (none: the link is incomplete).
    pub has_token: Signal<bool>,
    /// Whether the confirmation field is shown.
    pub confirm_password: FieldMode,
    /// Sets the new password.
    pub submit: Callback<()>,
}

/// The reset-password flow, token from `?token=`.
pub fn use_reset_password_form() -> UseResetPasswordFormReturn {
    use_reset_password_form_with_options(UseResetPasswordFormOptions::default())
}

/// The reset-password flow.
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
    let token = options
        .token
        .clone()
        .filter(|t| !t.is_empty())
        .or_else(crate::dom::take_query_param_token);
    let token = StoredValue::new(token.map(Secret::new));
    let has_token = Signal::derive(move || token.with_value(Option::is_some));
    let (password, password_confirmation) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let confirm = options.confirm_password;
    let submit = Callback::new(move |()| {
        let Some(token_value) = token.get_value() else {
            return core.fail_locally(FormState::LinkExpired);
        };
        let mut values = vec![(FieldId::Password, password.get_untracked())];
        if confirm == FieldMode::Required {
            values.push((
                FieldId::PasswordConfirmation,
                password_confirmation.get_untracked(),
            ));
        }
        let missing = required_messages(&ctx, &values);
        if !missing.is_empty() {
            return core.reject_locally(missing);
        }
        let mut params =
            ResetPasswordParams::new(token_value, Secret::new(password.get_untracked()));
        if confirm.shown() {
            params.password_confirmation = Some(Secret::new(password_confirmation.get_untracked()));
        }
        let options = options.clone();
        let client = ctx.client.clone();
        core.run(
            &ctx,
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
        core,
        password,
        password_confirmation,
        has_token,
        confirm_password: confirm,
        submit,
    }
}
