use leptos::prelude::*;
use loginrocket::{LoginRocket, VerifyEmailParams};

use super::{emailed_token, on_done, FormCore};
use crate::context::use_loginrocket;
use crate::logic::form_state::{Flow, FormState};

/// Options for [`use_verify_email_with_options`].
#[derive(Clone, Default)]
pub struct UseVerifyEmailOptions {
    /// The emailed token (`tve:…`). `None`: read once from `?token=` (then removed from the
    /// address bar).
    pub token: Option<String>,
    /// Verified.
    pub on_success: Option<Callback<()>>,
}

/// What [`use_verify_email`] returns.
#[derive(Clone, Copy)]
pub struct UseVerifyEmailReturn {
    /// `Submitting` while verifying, `Succeeded`, `LinkExpired`, or a retryable state.
    pub state: Signal<FormState>,
    /// The one localized message for the state (link expired, offline, …); empty while
    /// verifying and once verified.
    pub message: Signal<String>,
    /// Verifies again (after a retryable failure).
    pub retry: Callback<()>,
}

/// Email verification, headless: takes the token from `?token=` and verifies it once, after
/// the first render (never on a server).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyVerify() -> impl IntoView {
///     let v = use_verify_email();
///     view! {
///         <p role="status">{move || match v.state.get() {
///             FormState::Succeeded => "Verified".to_owned(),
///             _ => v.message.get(),
///         }}</p>
///     }
/// }
/// ```
pub fn use_verify_email() -> UseVerifyEmailReturn {
    use_verify_email_with_options(UseVerifyEmailOptions::default())
}

/// Email verification with a token of its own or a callback.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_verify_email_with_options(UseVerifyEmailOptions {
///     token: Some("tve:from-my-router".into()),
///     on_success: Some(Callback::new(|()| leptos::logging::log!("verified"))),
/// });
/// ```
pub fn use_verify_email_with_options(options: UseVerifyEmailOptions) -> UseVerifyEmailReturn {
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::ResetPassword, vec![]);
    let token = StoredValue::new(None);
    let verify = Callback::new(move |()| {
        let Some(token) = token.get_value() else {
            core.show(FormState::LinkExpired);
            return;
        };
        let params = VerifyEmailParams::new(token);
        core.run(
            ctx,
            Box::new(move |c: LoginRocket| Box::pin(async move { c.verify_email(&params).await })),
            on_done(options.on_success),
        );
    });
    // in a server-rendered app the server may have verified the link already
    match ctx.take_posted("verify-email") {
        Some(answer) => core.show_posted(ctx, &answer),
        None => {
            emailed_token(
                options.token,
                Box::new(move |t| {
                    token.set_value(t);
                    verify.run(());
                }),
            );
        }
    }
    let status = core.status(ctx);
    UseVerifyEmailReturn {
        state: status.state,
        message: status.message,
        retry: verify,
    }
}
