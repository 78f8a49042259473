use leptos::prelude::*;
use leptos::task::spawn_local;
use loginrocket::{AccountChoice, FullLogin};

use super::{run_opt, store_message};
use crate::context::use_loginrocket;
use crate::hooks::use_hosted_sign_in::{hosted_round_trip, HostedReturn};
use crate::logic::form_state::FormState;
use crate::logic::session::SessionState;

/// Options for [`use_account_picker_with_options`].
#[derive(Clone, Default)]
pub struct UseAccountPickerOptions {
    /// Signed in to the chosen account.
    pub on_login: Option<Callback<FullLogin>>,
}

/// What [`use_account_picker`] returns.
#[derive(Clone, Copy)]
pub struct UseAccountPickerReturn {
    /// The accounts to choose from, when the `conditional_login` lists them (`None`: offer
    /// [`open_hosted`](Self::open_hosted) instead).
    pub accounts: Signal<Option<Vec<AccountChoice>>>,
    /// Chooses an account by its id.
    pub choose: Callback<String>,
    /// Opens the realm's hosted accounts page for this session.
    pub open_hosted: Callback<()>,
    /// The state of the choice: `Submitting` while it is sent, a retryable state when it
    /// failed.
    pub state: Signal<FormState>,
    /// The one localized message for that state (empty when there is nothing to say).
    pub message: Signal<String>,
}

/// The account choice (`no_account_selected`), headless.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyAccounts() -> impl IntoView {
///     let picker = use_account_picker();
///     view! {
///         <For each=move || picker.accounts.get().unwrap_or_default() key=|a| a.id.clone() let:a>
///             <button on:click=move |_| picker.choose.run(a.id.clone())>{a.name.clone()}</button>
///         </For>
///         <p role="alert">{move || picker.message.get()}</p>
///     }
/// }
/// ```
pub fn use_account_picker() -> UseAccountPickerReturn {
    use_account_picker_with_options(UseAccountPickerOptions::default())
}

/// The account choice, with a callback.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_account_picker_with_options(UseAccountPickerOptions {
///     on_login: Some(Callback::new(|login: loginrocket::FullLogin| {
///         leptos::logging::log!("now in {}", login.account)
///     })),
/// });
/// ```
pub fn use_account_picker_with_options(options: UseAccountPickerOptions) -> UseAccountPickerReturn {
    let ctx = use_loginrocket();
    let store = ctx.session();
    let state = store.state();
    let accounts = Memo::new(move |_| match state.get() {
        SessionState::Conditional(c) => c.accounts(),
        _ => None,
    });
    // signed in after a choice
    let on_login = options.on_login;
    Effect::new(move |_| {
        if let SessionState::SignedIn { login, .. } = state.get() {
            run_opt(on_login, &login);
        }
    });
    UseAccountPickerReturn {
        accounts: accounts.into(),
        choose: Callback::new(move |id: String| spawn_local(store.switch_account(id))),
        open_hosted: use_hosted_page(HostedPage::Accounts),
        state: store.status(),
        message: store_message(ctx),
    }
}

/// A page of the realm's hosted LoginRocket pages that the current session can open
/// ([`use_hosted_page`]): the session id goes along, so the user does not sign in again.
///
/// ```
/// use leptos_loginrocket::hooks::HostedPage;
///
/// assert_eq!(HostedPage::Accounts.path(), "accounts");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum HostedPage {
    /// `/login`: the hosted sign-in, which takes the session on through a step the kit does
    /// not know.
    Login,
    /// `/profile`: the user's profile.
    Profile,
    /// `/accounts`: the user's accounts, to choose or switch.
    Accounts,
}

impl HostedPage {
    /// Its path at the realm's LoginRocket URL.
    pub fn path(self) -> &'static str {
        match self {
            HostedPage::Login => "login",
            HostedPage::Profile => "profile",
            HostedPage::Accounts => "accounts",
        }
    }
}

/// Options for [`use_hosted_page_with_options`].
#[derive(Clone, Debug, Default)]
pub struct UseHostedPageOptions {
    /// The app's callback page (`/auth/callback`): the hosted page sends the user back there
    /// with a token (an account chosen there is the one signed in). `None`: on the pages of
    /// [`AuthRoutes`](crate::routes::AuthRoutes), theirs; elsewhere, a one-way trip.
    pub callback: Option<String>,
    /// Where to go once back (a same-origin path).
    pub destination: Option<String>,
}

/// Opens the realm's hosted LoginRocket page `page` for the current session. The URL, which carries the session id, is built only when the
/// callback runs: it is never in the DOM. On the pages of [`AuthRoutes`](crate::routes::AuthRoutes),
/// the hosted page sends the user back to the callback page with a token; elsewhere, it is a
/// one-way trip ([`use_hosted_page_with_options`] names a way back).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Hosted() -> impl IntoView {
///     let open = use_hosted_page(HostedPage::Profile);
///     view! { <button on:click=move |_| open.run(())>"Manage on AuthRocket"</button> }
/// }
/// ```
pub fn use_hosted_page(page: HostedPage) -> Callback<()> {
    use_hosted_page_with_options(page, UseHostedPageOptions::default())
}

/// Opens the realm's hosted page `page` for the current session, and comes back to the
/// callback page: switching account on the hosted accounts page comes back signed in to it.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn SwitchAccount() -> impl IntoView {
///     let open = use_hosted_page_with_options(HostedPage::Accounts, UseHostedPageOptions {
///         callback: Some("/auth/callback".into()),
///         destination: Some("/dashboard".into()),
///     });
///     view! { <button on:click=move |_| open.run(())>"Switch account"</button> }
/// }
/// ```
pub fn use_hosted_page_with_options(
    page: HostedPage,
    options: UseHostedPageOptions,
) -> Callback<()> {
    let path = page.path();
    let ctx = use_loginrocket();
    // on the pages of AuthRoutes: theirs
    let routes_return = use_context::<HostedReturn>();
    let back = match options.callback {
        Some(callback) => Some(HostedReturn {
            callback,
            destination: options.destination,
        }),
        None => routes_return,
    };
    Callback::new(move |()| {
        let Some(session) = ctx.session().session_untracked() else {
            return;
        };
        let url = match &back {
            Some(back) => hosted_round_trip(
                ctx,
                path,
                &back.callback,
                back.destination.clone(),
                &[("session", session.expose())],
            ),
            None => ctx.client().hosted_page_url(path, &session).ok(),
        };
        if let Some(url) = url {
            crate::platform::navigate(&url);
        }
    })
}
