//! Thin components, one per flow, each built only on its hook.
//!
//! Every form: one real `<form novalidate>` with a submit button; a `<label for>` per control;
//! ids unique per form (`lr-login-1-email`, …) and stable while mounted; `autocomplete`
//! tokens; values read from the DOM at submit (autofill included); a show-password toggle on
//! password fields; messages next to their fields (`aria-invalid`, `aria-describedby`); a
//! `role="alert"` area for messages that belong to no field; a polite `role="status"` region
//! for "Signing in…", the rate-limit countdown and confirmations; focus on the first invalid
//! field (or the alert) after a failed submit. Server text is only ever rendered as text.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin};
use web_sys::HtmlFormElement;

use crate::dom;
use crate::hooks::*;
use crate::provider::use_loginrocket;
use crate::state::{FieldId, FormState};

/// Fluent keys the components use (besides field names and state messages).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const KEYS: &[&str] = &[
    "password-show",
    "password-hint",
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
    "error-rate-limited",
    "retry",
    "field-required",
];

static NEXT_FORM: AtomicUsize = AtomicUsize::new(1);

pub(crate) fn form_id(flow: &str, given: Option<String>) -> String {
    given.unwrap_or_else(|| format!("lr-{flow}-{}", NEXT_FORM.fetch_add(1, Ordering::Relaxed)))
}

/// One labelled control with its messages.
#[component]
pub(crate) fn KitField(
    core: FormCore,
    form_id: String,
    field: FieldId,
    input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] value: Option<String>,
    /// A realm's minimum password length, shown as a hint linked to the field (R04).
    #[prop(optional_no_strip)]
    min_length: Option<usize>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let id = format!("{form_id}-{}", field.api_name().replace('_', "-"));
    let error_id = format!("{id}-error");
    let hint_id = min_length.map(|_| format!("{id}-hint"));
    let errors = Memo::new(move |_| core.errors_for(field));
    let invalid = move || !errors.with(Vec::is_empty);
    let is_password = input_type == "password";
    let shown = RwSignal::new(false);
    // back to masked on every submit
    Effect::new(move |_| {
        if core.state.get() == FormState::Submitting {
            shown.set(false);
        }
    });
    let kind = move || {
        if is_password && shown.get() {
            "text"
        } else {
            input_type
        }
    };
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let ids: Vec<&str> = hint_id
                .iter()
                .map(String::as_str)
                .chain(invalid().then_some(error_id.as_str()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let hint = min_length.zip(hint_id).map(|(n, hint_id)| {
        let ctx = ctx.clone();
        view! {
            <p class="lr-field__hint" id=hint_id>
                {move || ctx.t_with("password-hint", &[("count", (n as i64).into())])}
            </p>
        }
    });
    let toggle = is_password.then(|| {
        let ctx = ctx.clone();
        let controls = id.clone();
        view! {
            <button
                type="button"
                class="lr-field__toggle"
                aria-controls=controls
                aria-pressed=move || shown.get().to_string()
                on:click=move |_| shown.update(|s| *s = !*s)
            >
                {move || ctx.t("password-show")}
            </button>
        }
    });
    view! {
        <div class="lr-field">
            <label class="lr-field__label" for=id.clone()>{move || ctx.t(field.label_key())}</label>
            <div class="lr-field__control">
                <input
                    class="lr-field__input"
                    id=id
                    name=field.api_name()
                    type=kind
                    autocomplete=autocomplete
                    inputmode=inputmode
                    required=required
                    aria-required=required.then_some("true")
                    value=value
                    data-lr-secret=(is_password || field == FieldId::Code).then_some("")
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=described
                    on:input=move |_| core.clear_field(field)
                />
                {toggle}
            </div>
            {hint}
            <p class="lr-field__error" id=error_id hidden=move || !invalid()>
                {move || errors.get().join(" ")}
            </p>
        </div>
    }
}

/// The parts every kit form shares.
pub(crate) struct FormParts {
    pub core: FormCore,
    pub id: String,
    pub flow: &'static str,
    pub submit_key: &'static str,
    pub pending_key: &'static str,
    pub success_key: Signal<Option<&'static str>>,
    pub class: MaybeProp<String>,
}

/// Not generic on purpose: one copy of the form's markup and behaviour serves every flow
/// (wasm size).
pub(crate) fn kit_form(
    parts: FormParts,
    read: Box<dyn Fn(&HtmlFormElement)>,
    submit: Callback<()>,
    fields: AnyView,
    after: AnyView,
) -> AnyView {
    let ctx = use_loginrocket();
    let FormParts {
        core,
        id,
        flow,
        submit_key,
        pending_key,
        success_key,
        class,
    } = parts;
    let form_ref = NodeRef::<html::Form>::new();
    let alert_id = format!("{id}-alert");
    let status_id = format!("{id}-status");
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if let Some(form) = form_ref.get_untracked() {
            read(&form);
        }
        submit.run(());
    };
    // a password or code is cleared from the page once the call it was for succeeded
    Effect::watch(
        move || core.state.get() == FormState::Succeeded,
        move |succeeded, _, _| {
            if let (true, Some(Some(form))) = (*succeeded, form_ref.try_get_untracked()) {
                dom::clear_secrets(&form);
            }
        },
        false,
    );
    let focus_target = alert_id.clone();
    Effect::watch(
        move || core.failures.get(),
        move |n, _, _| {
            if *n > 0 {
                let target = focus_target.clone();
                request_animation_frame(move || {
                    // the form may be gone by the next frame
                    if let Some(Some(form)) = form_ref.try_get_untracked() {
                        dom::focus_first_invalid(&form, &target);
                    }
                });
            }
        },
        false,
    );
    let (t_alert, t_status, t_submit, t_retry) =
        (ctx.clone(), ctx.clone(), ctx.clone(), ctx.clone());
    let alert_text = move || {
        let mut parts = core.form_errors.get();
        if let Some(key) = core.state.get().alert_key() {
            parts.push(t_alert.t(key));
        }
        parts.join(" ")
    };
    let status_text = move || match core.state.get() {
        FormState::Submitting => t_status.t(pending_key),
        FormState::CoolingDown => t_status.t_with(
            "error-rate-limited",
            &[("seconds", i64::from(core.cooldown.get()).into())],
        ),
        FormState::Succeeded => success_key.get().map(|k| t_status.t(k)).unwrap_or_default(),
        _ => String::new(),
    };
    let classes = move || match class.get() {
        Some(extra) => format!("lr-form lr-form--{flow} {extra}"),
        None => format!("lr-form lr-form--{flow}"),
    };
    let retry = move |_| {
        if let Some(form) = form_ref.get_untracked() {
            dom::request_submit(&form);
        }
    };
    view! {
        <form
            node_ref=form_ref
            id=id
            class=classes
            method="post"
            novalidate=true
            aria-busy=move || (core.state.get() == FormState::Submitting).to_string()
            on:submit=on_submit
        >
            <div class="lr-form__alert" role="alert" id=alert_id tabindex="-1">
                {alert_text}
            </div>
            {fields}
            <div class="lr-form__actions">
                <button type="submit" class="lr-button lr-form__submit" disabled=move || !core.can_submit().get()>
                    {move || t_submit.t(submit_key)}
                </button>
                <Show when=move || core.state.get().retryable()>
                    <button type="button" class="lr-button lr-button--secondary lr-form__retry" on:click=retry>
                        {let t = t_retry.clone(); move || t.t("retry")}
                    </button>
                </Show>
                {after}
            </div>
            <p class="lr-form__status" role="status" id=status_id>
                {status_text}
            </p>
        </form>
    }
    .into_any()
}

pub(crate) fn set_from(form: &HtmlFormElement, field: FieldId, signal: RwSignal<String>) {
    if let Some(v) = dom::form_value(form, field.api_name()) {
        signal.set(v);
    }
}

/// The sign-in form (email or username, password).
///
/// Requires a [`LoginRocketProvider`](crate::LoginRocketProvider) above it. Fluent keys:
/// `field-email`, `field-password`, `login-submit`, `login-pending`, `login-failed`, and the
/// shared state messages. Every failure that could reveal whether an account exists reads the
/// same (`login-failed`, or the server's `Login failed`).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::*;
///
/// #[component]
/// fn SignIn() -> impl IntoView {
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <LoginForm
///                 on_login=|login: loginrocket::FullLogin| leptos::logging::log!("signed in to {}", login.account)
///                 on_conditional=|next: loginrocket::ConditionalLogin| leptos::logging::log!("then: {:?}", next.conditions)
///             />
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[component]
pub fn LoginForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id (control ids derive from it); default `lr-login-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Signed in: the session, the account and the token.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
    /// The login needs another step (2FA, account choice, profile completion).
    #[prop(optional, into)]
    on_conditional: Option<Callback<ConditionalLogin>>,
) -> impl IntoView {
    let hook = use_login_form_with_options(UseLoginFormOptions {
        on_login,
        on_conditional,
    });
    let id = form_id("login", id);
    let core = hook.core;
    let fields = view! {
        <KitField core form_id=id.clone() field=FieldId::Email input_type="text" inputmode="email" autocomplete="username" required=true/>
        <KitField core form_id=id.clone() field=FieldId::Password input_type="password" autocomplete="current-password" required=true/>
    };
    let read = move |form: &HtmlFormElement| {
        set_from(form, FieldId::Email, hook.email);
        set_from(form, FieldId::Password, hook.password);
    };
    let parts = FormParts {
        core,
        id,
        flow: "login",
        submit_key: "login-submit",
        pending_key: "login-pending",
        success_key: Signal::stored(None),
        class,
    };
    kit_form(
        parts,
        Box::new(read),
        hook.submit,
        fields.into_any(),
        ().into_any(),
    )
}

/// The sign-up form: email and password, plus the fields `fields` turns on.
///
/// Requires a [`LoginRocketProvider`](crate::LoginRocketProvider) above it. Only the shown
/// fields are sent. Fluent keys: the `field-*` names, `signup-submit`, `signup-pending`,
/// `signup-failed`, and the shared state messages.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::*;
///
/// #[component]
/// fn Join() -> impl IntoView {
///     let fields = SignupFields { name: FieldMode::Required, org_name: FieldMode::Optional, ..Default::default() };
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <SignupForm fields=fields on_login=|login: loginrocket::FullLogin| leptos::logging::log!("welcome to {}", login.account)/>
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[component]
pub fn SignupForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-signup-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Which optional fields are shown.
    #[prop(optional)]
    fields: SignupFields,
    /// An invitation token to fill in (otherwise `?token=` when the invitation field is shown).
    #[prop(optional, into)]
    token: Option<String>,
    /// The realm's minimum password length, shown as a hint under the password (R04).
    #[prop(optional)]
    min_password_length: Option<usize>,
    /// Signed in with the new account.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
    /// The new account needs another step.
    #[prop(optional, into)]
    on_conditional: Option<Callback<ConditionalLogin>>,
) -> impl IntoView {
    let hook = use_signup_form_with_options(UseSignupFormOptions {
        fields,
        on_login,
        on_conditional,
    });
    let id = form_id("signup", id);
    let core = hook.core;
    let invitation = if fields.invitation.shown() {
        token
            .filter(|t| !t.is_empty())
            .or_else(dom::take_query_param_token)
    } else {
        None
    };
    let req = |f: FieldId| fields.mode(f) == FieldMode::Required;
    let field = |f: FieldId, ty: &'static str, ac: Option<&'static str>| {
        view! { <KitField core form_id=id.clone() field=f input_type=ty autocomplete=ac.unwrap_or("on") required=req(f)/> }
    };
    let shown = fields.shown();
    let views: Vec<_> = shown
        .iter()
        .map(|f| match f {
            FieldId::Email => field(*f, "email", Some("email")).into_any(),
            FieldId::FirstName => field(*f, "text", Some("given-name")).into_any(),
            FieldId::LastName => field(*f, "text", Some("family-name")).into_any(),
            FieldId::Username => field(*f, "text", Some("username")).into_any(),
            FieldId::OrgName => field(*f, "text", Some("organization")).into_any(),
            FieldId::Password => view! {
                <KitField core form_id=id.clone() field=*f input_type="password" autocomplete="new-password" required=true min_length=min_password_length/>
            }
            .into_any(),
            FieldId::PasswordConfirmation => field(*f, "password", Some("new-password")).into_any(),
            FieldId::Token => view! {
                <KitField core form_id=id.clone() field=*f input_type="text" required=req(*f) value=invitation.clone().unwrap_or_default()/>
            }
            .into_any(),
            _ => ().into_any(),
        })
        .collect();
    let read = move |form: &HtmlFormElement| {
        for f in &shown {
            if let Some(v) = dom::form_value(form, f.api_name()) {
                hook.set(*f, v);
            }
        }
    };
    let parts = FormParts {
        core,
        id: id.clone(),
        flow: "signup",
        submit_key: "signup-submit",
        pending_key: "signup-pending",
        success_key: Signal::stored(None),
        class,
    };
    kit_form(
        parts,
        Box::new(read),
        hook.submit,
        views.into_any(),
        ().into_any(),
    )
}

/// The forgot-password form. The same confirmation shows whether or not an account exists.
///
/// Requires a [`LoginRocketProvider`](crate::LoginRocketProvider) above it. Fluent keys:
/// `field-email`, `forgot-submit`, `forgot-pending`, `forgot-sent`, and the shared state
/// messages.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::*;
///
/// #[component]
/// fn Forgot() -> impl IntoView {
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <ForgotPasswordForm on_success=|()| leptos::logging::log!("check your inbox")/>
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[component]
pub fn ForgotPasswordForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-forgot-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The confirmation is shown.
    #[prop(optional, into)]
    on_success: Option<Callback<()>>,
) -> impl IntoView {
    let hook = use_forgot_password_form_with_options(UseForgotPasswordFormOptions { on_success });
    let id = form_id("forgot", id);
    let core = hook.core;
    let fields = view! {
        <KitField core form_id=id.clone() field=FieldId::Email input_type="email" autocomplete="email" required=true/>
    };
    let read = move |form: &HtmlFormElement| set_from(form, FieldId::Email, hook.email);
    let parts = FormParts {
        core,
        id,
        flow: "forgot",
        submit_key: "forgot-submit",
        pending_key: "forgot-pending",
        success_key: Signal::stored(Some("forgot-sent")),
        class,
    };
    kit_form(
        parts,
        Box::new(read),
        hook.submit,
        fields.into_any(),
        ().into_any(),
    )
}

/// The reset-password form, for the link emailed by the forgot-password flow.
///
/// The token comes from the `token` prop or, once, from `?token=` (then removed from the
/// address bar). While mounted, `<meta name="referrer" content="no-referrer">` keeps the token
/// out of `Referer` headers. An invalid, used or expired link shows `error-link-expired` and a
/// "request a new link" button (`on_request_new`). Requires a
/// [`LoginRocketProvider`](crate::LoginRocketProvider) above it.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::*;
///
/// // mounted at the URL the reset email links to: `/reset?token=tpw:…`
/// #[component]
/// fn Reset() -> impl IntoView {
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <ResetPasswordForm
///                 confirm_password=FieldMode::Required
///                 on_login=|login: loginrocket::FullLogin| leptos::logging::log!("signed in to {}", login.account)
///                 on_request_new=|()| leptos::logging::log!("go to the forgot-password page")
///             />
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[component]
pub fn ResetPasswordForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-reset-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The emailed token; default: `?token=` from the address bar.
    #[prop(optional, into)]
    token: Option<String>,
    /// Whether a confirmation field is shown (default: hidden; a show-password toggle instead).
    #[prop(optional)]
    confirm_password: FieldMode,
    /// The realm's minimum password length, shown as a hint under the password (R04).
    #[prop(optional)]
    min_password_length: Option<usize>,
    /// Continue signed in (default) or ask the user to sign in.
    #[prop(optional)]
    after_reset: AfterReset,
    /// Signed in with the new password.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
    /// Signed in, with another step to do.
    #[prop(optional, into)]
    on_conditional: Option<Callback<ConditionalLogin>>,
    /// The password changed and the user should sign in ([`AfterReset::SignIn`]).
    #[prop(optional, into)]
    on_success: Option<Callback<()>>,
    /// The user wants a new link (shown when the link is invalid or expired).
    #[prop(optional, into)]
    on_request_new: Option<Callback<()>>,
) -> impl IntoView {
    let referrer = StoredValue::new_local(dom::NoReferrer::add());
    on_cleanup(move || referrer.update_value(dom::NoReferrer::remove));
    let hook = use_reset_password_form_with_options(UseResetPasswordFormOptions {
        token,
        confirm_password,
        after_reset,
        on_login,
        on_conditional,
        on_success,
    });
    let id = form_id("reset", id);
    let core = hook.core;
    if !hook.has_token.get_untracked() {
        core.state.set(FormState::LinkExpired);
    }
    let fields = view! {
        <KitField core form_id=id.clone() field=FieldId::Password input_type="password" autocomplete="new-password" required=true min_length=min_password_length/>
        {confirm_password.shown().then(|| view! {
            <KitField core form_id=id.clone() field=FieldId::PasswordConfirmation input_type="password" autocomplete="new-password" required={confirm_password == FieldMode::Required}/>
        })}
    };
    let read = move |form: &HtmlFormElement| {
        set_from(form, FieldId::Password, hook.password);
        set_from(
            form,
            FieldId::PasswordConfirmation,
            hook.password_confirmation,
        );
    };
    let ctx = use_loginrocket();
    let request_new = move || {
        let ctx = ctx.clone();
        (core.state.get() == FormState::LinkExpired).then(|| {
            view! {
                <button
                    type="button"
                    class="lr-button lr-button--secondary lr-form__request-new"
                    on:click=move |_| {
                        if let Some(cb) = on_request_new {
                            cb.run(());
                        }
                    }
                >
                    {move || ctx.t("reset-request-new")}
                </button>
            }
        })
    };
    let success = match after_reset {
        AfterReset::ContinueSignedIn => "reset-done",
        AfterReset::SignIn => "reset-done-sign-in",
    };
    let parts = FormParts {
        core,
        id,
        flow: "reset",
        submit_key: "reset-submit",
        pending_key: "reset-pending",
        success_key: Signal::stored(Some(success)),
        class,
    };
    kit_form(
        parts,
        Box::new(read),
        hook.submit,
        fields.into_any(),
        request_new.into_any(),
    )
}
