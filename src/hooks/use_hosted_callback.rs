use leptos::prelude::*;
use leptos::task::spawn_local;
use loginrocket::redirect::checked_redirect;
use loginrocket::{ConditionalLogin, FullLogin, GetSessionParams};

use super::run_opt;
use crate::context::use_loginrocket;
use crate::logic::hosted::{
    judge, read_returned, CallbackState, Pending, Proof, Returned, PENDING_KEY,
};
use crate::logic::session::{DisplayClaims, SessionState};
use crate::platform;

/// A sign-in that came back from the hosted pages, and where the user was going.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct HostedLogin {
    /// The sign-in, as LoginRocket answered for the returned token's session.
    pub login: FullLogin,
    /// The destination the sign-in started with in this tab (a same-origin path), if any.
    pub destination: Option<String>,
}

/// Options for [`use_hosted_callback_with_options`].
#[derive(Clone, Default)]
pub struct UseHostedCallbackOptions {
    /// Signed in (the session store has the session): the app goes on, to the destination
    /// or its own.
    pub on_login: Option<Callback<HostedLogin>>,
    /// Signed in with a step left (an account to choose, say).
    pub on_conditional: Option<Callback<ConditionalLogin>>,
}

/// What [`use_hosted_callback`] returns.
#[derive(Clone, Copy)]
pub struct UseHostedCallbackReturn {
    /// Where the return stands.
    pub state: Signal<CallbackState>,
    /// The one localized message for the state (empty while checking and once done).
    pub message: Signal<String>,
    /// For [`CallbackState::Confirm`]: the account the return would sign in (its email,
    /// from LoginRocket's answer), to show in "Continue as …?".
    pub account: Signal<Option<String>>,
    /// Signs in after [`CallbackState::Confirm`].
    pub confirm: Callback<()>,
    /// Asks LoginRocket again after a retryable state.
    pub retry: Callback<()>,
}

/// The return from the realm's hosted pages (a sign-in, an account switch), headless. After
/// the first render, and before anything else happens, it takes `?token=` and `?state=` out
/// of the address bar. It reads the token's session, and asks LoginRocket about it (the
/// browser can't check a signature: LoginRocket's answer is the proof). Then it signs in the
/// kit's usual way (the session store; `on_login` does the rest).
///
/// A return this tab did not start (no state, or another one) is not signed in until the
/// user confirms the account: [`CallbackState::Confirm`]. A forged, changed, expired,
/// other realm's or ended token is a state with a message, never a sign-in.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyCallback() -> impl IntoView {
///     let back = use_hosted_callback();
///     view! {
///         <p role="status">{move || back.message.get()}</p>
///         <Show when=move || back.state.get() == CallbackState::Confirm>
///             <button on:click=move |_| back.confirm.run(())>
///                 {move || format!("Continue as {}", back.account.get().unwrap_or_default())}
///             </button>
///         </Show>
///     }
/// }
/// ```
pub fn use_hosted_callback() -> UseHostedCallbackReturn {
    use_hosted_callback_with_options(UseHostedCallbackOptions::default())
}

/// The hosted return, with what happens once signed in.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_hosted_callback_with_options(UseHostedCallbackOptions {
///     on_login: Some(Callback::new(|back: HostedLogin| {
///         leptos::logging::log!("signed in, going to {:?}", back.destination)
///     })),
///     ..UseHostedCallbackOptions::default()
/// });
/// ```
pub fn use_hosted_callback_with_options(
    options: UseHostedCallbackOptions,
) -> UseHostedCallbackReturn {
    let ctx = use_loginrocket();
    let state = RwSignal::new(CallbackState::Checking);
    let account = RwSignal::new(None::<String>);
    let destination = StoredValue::new(None::<String>);
    let returned = StoredValue::new(None::<Returned>);
    let solicited = StoredValue::new(false);
    // what LoginRocket proved, held until the user confirms a return this tab did not start
    let held = StoredValue::new(None::<Proof>);
    let session = ctx.session();

    let finish = move |proof: Proof| match proof {
        Proof::Proven(login) => {
            session.set(SessionState::signed_in(login.clone()));
            state.set(CallbackState::Done);
            let destination = destination.get_value();
            run_opt(options.on_login, &HostedLogin { login, destination });
        }
        Proof::Step(step) => {
            session.set(SessionState::Conditional(step.clone()));
            state.set(CallbackState::Done);
            run_opt(options.on_conditional, &step);
        }
        Proof::Failed(why) => state.set(why),
    };
    let prove = Callback::new(move |()| {
        let Some(r) = returned.get_value() else {
            return;
        };
        state.set(CallbackState::Checking);
        let mut params = GetSessionParams::new(r.session.clone());
        params.account = r.account.clone();
        let client = ctx.client();
        spawn_local(async move {
            let proof = judge(&r, client.get_session(&params).await);
            match proof {
                Proof::Failed(_) => finish(proof),
                _ if solicited.get_value() => finish(proof),
                _ => {
                    let email = match &proof {
                        Proof::Proven(login) => DisplayClaims::decode(login.token.expose())
                            .and_then(|c| c.email().map(str::to_owned)),
                        _ => None,
                    };
                    account.set(email.or(r.email));
                    held.set_value(Some(proof));
                    state.set(CallbackState::Confirm);
                }
            }
        });
    });
    let confirm = Callback::new(move |()| {
        if let Some(proof) = held.try_update_value(Option::take).flatten() {
            finish(proof);
        }
    });

    platform::after_render(Box::new(move || {
        let mut taken = platform::take_query_params(&["token", "state"]);
        let (given_state, token) = (taken.pop().flatten(), taken.pop().flatten());
        // the pending sign-in is good for one return
        let pending = platform::read_stored(false, PENDING_KEY)
            .flatten()
            .and_then(|t| Pending::decode(&t));
        platform::write_stored(false, PENDING_KEY, None);
        let ours = pending.filter(|p| p.matches(given_state.as_deref()));
        solicited.set_value(ours.is_some());
        destination.set_value(ours.and_then(|p| checked_redirect(p.destination.as_deref())));
        let Some(token) = token else {
            return state.set(CallbackState::Missing);
        };
        match read_returned(&token, platform::now()) {
            Ok(r) => {
                returned.set_value(Some(r));
                prove.run(());
            }
            Err(why) => state.set(why),
        }
    }));

    let message = Signal::derive(move || {
        state
            .get()
            .message_key()
            .map(|key| ctx.t(key))
            .unwrap_or_default()
    });
    UseHostedCallbackReturn {
        state: state.into(),
        message,
        account: account.into(),
        confirm,
        retry: prove,
    }
}
