use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin, LoginRocket, Secret, VerifyLoginParams};

use super::{check_required, login_callbacks, no_session, session_of, FormCore, FormStatus};
use crate::context::use_loginrocket;
use crate::logic::fields::FieldId;
use crate::logic::form_state::{normalize_code, Flow};

/// Options for [`use_two_factor_form_with_options`].
#[derive(Clone, Default)]
pub struct UseTwoFactorFormOptions {
    /// The session of the `conditional_login` (default: the session store's).
    pub session: Option<Secret>,
    /// Signed in.
    pub on_login: Option<Callback<FullLogin>>,
    /// Another step is needed.
    pub on_conditional: Option<Callback<ConditionalLogin>>,
}

/// What [`use_two_factor_form`] returns.
#[derive(Clone, Copy)]
pub struct UseTwoFactorFormReturn {
    /// The code as typed or pasted (sent normalized, see [`normalize_code`]).
    pub code: RwSignal<String>,
    /// The form's state and messages.
    pub status: FormStatus,
    /// Sends the code (`POST login/verify`; single-flight; checks that there is a code and a
    /// session first).
    pub submit: Callback<()>,
}

/// The second factor (`must_verify_login`), headless: bring your own markup.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyTwoFactor() -> impl IntoView {
///     let form = use_two_factor_form();
///     let status = form.status;
///     view! {
///         <form on:submit=move |ev| { ev.prevent_default(); form.submit.run(()); }>
///             <input bind:value=form.code inputmode="numeric" autocomplete="one-time-code"/>
///             <p>{move || status.errors_for(FieldId::Code).join(" ")}</p>
///             <p role="status">{move || status.message.get()}</p>
///             <button type="submit" disabled=move || !status.can_submit()>"Verify"</button>
///         </form>
///     }
/// }
/// ```
pub fn use_two_factor_form() -> UseTwoFactorFormReturn {
    use_two_factor_form_with_options(UseTwoFactorFormOptions::default())
}

/// The second factor, with a session of its own or callbacks.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_two_factor_form_with_options(UseTwoFactorFormOptions {
///     on_login: Some(Callback::new(|login: loginrocket::FullLogin| {
///         leptos::logging::log!("signed in to {}", login.account)
///     })),
///     ..Default::default()
/// });
/// ```
pub fn use_two_factor_form_with_options(
    options: UseTwoFactorFormOptions,
) -> UseTwoFactorFormReturn {
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::WithSession, vec![FieldId::Code]);
    let code = RwSignal::new(String::new());
    let UseTwoFactorFormOptions {
        session,
        on_login,
        on_conditional,
    } = options;
    let submit = Callback::new(move |()| {
        let Some(session) = session_of(ctx, &session) else {
            return no_session(&core);
        };
        let value = normalize_code(&code.get_untracked());
        if !check_required(&core, &[(FieldId::Code, value.clone())]) {
            return;
        }
        let params = VerifyLoginParams::new(session, value);
        core.run(
            ctx,
            Box::new(move |c: LoginRocket| Box::pin(async move { c.verify_login(&params).await })),
            login_callbacks(on_login, on_conditional),
        );
    });
    UseTwoFactorFormReturn {
        code,
        status: core.status(ctx),
        submit,
    }
}
