use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin, LoginParams, LoginRocket, Secret};

use super::{check_required, run_opt, FormCore, FormStatus};
use crate::context::use_loginrocket;
use crate::logic::fields::FieldId;
use crate::logic::form_state::{Flow, Outcome};

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
    /// The email (or username). Bind an input to it, or write the DOM's value at submit.
    pub email: RwSignal<String>,
    /// The password; cleared after a sign-in.
    pub password: RwSignal<String>,
    /// The form's state and messages.
    pub status: FormStatus,
    /// Sends the login (single-flight; checks required fields first).
    pub submit: Callback<()>,
}

/// The sign-in flow, headless: bring your own markup.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MySignIn() -> impl IntoView {
///     let form = use_login_form();
///     let status = form.status;
///     view! {
///         <form on:submit=move |ev| { ev.prevent_default(); form.submit.run(()); }>
///             <input bind:value=form.email autocomplete="username"/>
///             <input type="password" bind:value=form.password autocomplete="current-password"/>
///             <p role="status">{move || status.message.get()}</p>
///             <button type="submit" disabled=move || !status.can_submit()>"→"</button>
///         </form>
///     }
/// }
/// ```
pub fn use_login_form() -> UseLoginFormReturn {
    use_login_form_with_options(UseLoginFormOptions::default())
}

/// The sign-in flow, with callbacks.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MySignIn() -> impl IntoView {
///     let form = use_login_form_with_options(UseLoginFormOptions {
///         on_login: Some(Callback::new(|login: loginrocket::FullLogin| {
///             leptos::logging::log!("signed in to {}", login.account)
///         })),
///         ..Default::default()
///     });
///     view! { <button on:click=move |_| form.submit.run(())>"Sign in"</button> }
/// }
/// ```
pub fn use_login_form_with_options(options: UseLoginFormOptions) -> UseLoginFormReturn {
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::Login, vec![FieldId::Email, FieldId::Password]);
    let (email, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = Callback::new(move |()| {
        let values = [
            (FieldId::Email, email.get_untracked()),
            (FieldId::Password, password.get_untracked()),
        ];
        if !check_required(&core, &values) {
            return;
        }
        let params = LoginParams::new(
            email.get_untracked().trim(),
            Secret::new(password.get_untracked()),
        );
        let options = options.clone();
        core.run(
            ctx,
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
        email,
        password,
        status: core.status(ctx),
        submit,
    }
}
