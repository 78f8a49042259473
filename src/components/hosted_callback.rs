use leptos::prelude::*;
use loginrocket::ConditionalLogin;

use super::Alert;
use crate::context::use_loginrocket;
use crate::hooks::{use_hosted_callback_with_options, HostedLogin, UseHostedCallbackOptions};
use crate::logic::hosted::CallbackState;

/// The return from the realm's hosted pages, over
/// [`use_hosted_callback`](crate::hooks::use_hosted_callback): "Checking your sign-in…", then
/// signed in; "Continue as …?" for a return this tab did not start; a message and the way
/// back to sign in when the link can't be used; a retry when LoginRocket can't be reached.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Callback() -> impl IntoView {
///     view! { <HostedCallback sign_in="/login" on_login=|back: HostedLogin| leptos::logging::log!("{:?}", back.destination)/> }
/// }
/// ```
#[component]
pub fn HostedCallback(
    /// Signed in: the sign-in and where the user was going.
    #[prop(optional, into)]
    on_login: Option<Callback<HostedLogin>>,
    /// Signed in with a step left.
    #[prop(optional, into)]
    on_conditional: Option<Callback<ConditionalLogin>>,
    /// The sign-in page's path, offered when the return can't be used (default
    /// `/auth/sign-in`).
    #[prop(optional, into)]
    sign_in: Option<String>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let back = use_hosted_callback_with_options(UseHostedCallbackOptions {
        on_login,
        on_conditional,
    });
    let sign_in = sign_in.unwrap_or_else(|| "/auth/sign-in".into());
    let state = back.state;
    let checking = move || {
        matches!(state.get(), CallbackState::Checking | CallbackState::Done)
            .then(|| ctx.t("callback-checking"))
            .unwrap_or_default()
    };
    let alert = Signal::derive(move || match state.get() {
        CallbackState::Confirm => String::new(),
        _ => back.message.get(),
    });
    let question = move || {
        let account = back.account.get().unwrap_or_default();
        ctx.t_with("callback-confirm", &[("account", account.into())])
    };
    let again = sign_in.clone();
    view! {
        <div class="lr-callback">
            <p class="lr-callback__status" role="status">{checking}</p>
            <Show when=move || state.get() == CallbackState::Confirm>
                <p class="lr-callback__question">{question}</p>
                <p>{move || back.message.get()}</p>
                <div class="lr-form__actions">
                    <button type="button" class="lr-button" on:click=move |_| back.confirm.run(())>{ctx.text_of("callback-continue")}</button>
                    <a class="lr-button lr-button--secondary" href=again.clone()>{ctx.text_of("callback-sign-in-again")}</a>
                </div>
            </Show>
            <Alert text=alert/>
            {move || {
                let s = state.get();
                if s.is_dead_end() {
                    let href = sign_in.clone();
                    view! { <a class="lr-button" href=href>{ctx.text_of("callback-sign-in-again")}</a> }.into_any()
                } else if matches!(s, CallbackState::Unavailable(_)) {
                    view! { <button type="button" class="lr-button" on:click=move |_| back.retry.run(())>{ctx.text_of("retry")}</button> }.into_any()
                } else {
                    ().into_any()
                }
            }}
        </div>
    }
}
