use leptos::prelude::*;

use super::{Alert, StatusRegion};
use crate::context::use_loginrocket;
use crate::hooks::{use_verify_email_with_options, UseVerifyEmailOptions};
use crate::logic::form_state::FormState;
use crate::platform::no_referrer_while_mounted;

/// Email verification page content, over [`use_verify_email`](crate::hooks::use_verify_email):
/// verifying → verified, or "invalid or expired link", or a retryable error. Keeps the token
/// out of `Referer` headers while mounted.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// // mounted at the URL the verification email links to: `/verify?token=tve:…`
/// #[component]
/// fn Verify() -> impl IntoView {
///     view! { <VerifyEmail on_success=|()| leptos::logging::log!("verified")/> }
/// }
/// ```
#[component]
pub fn VerifyEmail(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The emailed token (`tve:…`); default: `?token=`.
    #[prop(optional, into)]
    token: Option<String>,
    /// Verified.
    #[prop(optional, into)]
    on_success: Option<Callback<()>>,
) -> impl IntoView {
    no_referrer_while_mounted();
    let ctx = use_loginrocket();
    let v = use_verify_email_with_options(UseVerifyEmailOptions { token, on_success });
    let progress = Signal::derive(move || match v.state.get() {
        FormState::Submitting => ctx.t("verify-email-verifying"),
        FormState::Succeeded => ctx.t("verify-email-done"),
        _ => String::new(),
    });
    let classes = super::classes("lr-verify-email".into(), class);
    view! {
        <div class=classes aria-busy=move || (v.state.get() == FormState::Submitting).to_string()>
            <Alert text=v.message/>
            <StatusRegion text=progress/>
            <Show when=move || v.state.get().retryable()>
                <button type="button" class="lr-button lr-form__retry" on:click=move |_| v.retry.run(())>{ctx.text_of("retry")}</button>
            </Show>
        </div>
    }
}
