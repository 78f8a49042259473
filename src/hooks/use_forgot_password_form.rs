use leptos::prelude::*;
use loginrocket::{ForgotPasswordParams, LoginRocket};

use super::{email_form, FormStatus};
use crate::logic::form_state::Flow;

/// Options for [`use_forgot_password_form_with_options`].
#[derive(Clone, Default)]
pub struct UseForgotPasswordFormOptions {
    /// The confirmation is shown (also for unknown emails: no enumeration).
    pub on_success: Option<Callback<()>>,
}

/// What [`use_forgot_password_form`] returns.
#[derive(Clone, Copy)]
pub struct UseForgotPasswordFormReturn {
    /// The email.
    pub email: RwSignal<String>,
    /// The form's state and messages; `Succeeded` once the link is on its way.
    pub status: FormStatus,
    /// Asks for a reset link.
    pub submit: Callback<()>,
}

/// The forgot-password flow, headless. The same success shows whether or not an account
/// exists.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyForgot() -> impl IntoView {
///     let form = use_forgot_password_form();
///     view! {
///         <form on:submit=move |ev| { ev.prevent_default(); form.submit.run(()); }>
///             <input type="email" bind:value=form.email autocomplete="email"/>
///             <p role="status">{move || form.status.message.get()}</p>
///             <button type="submit">"Send me a link"</button>
///         </form>
///     }
/// }
/// ```
pub fn use_forgot_password_form() -> UseForgotPasswordFormReturn {
    use_forgot_password_form_with_options(UseForgotPasswordFormOptions::default())
}

/// The forgot-password flow, with a callback.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyForgot() -> impl IntoView {
///     let form = use_forgot_password_form_with_options(UseForgotPasswordFormOptions {
///         on_success: Some(Callback::new(|()| leptos::logging::log!("check your inbox"))),
///     });
///     view! { <button on:click=move |_| form.submit.run(())>"Send"</button> }
/// }
/// ```
pub fn use_forgot_password_form_with_options(
    options: UseForgotPasswordFormOptions,
) -> UseForgotPasswordFormReturn {
    let (email, status, submit) = email_form(
        Flow::ForgotPassword,
        |email| {
            let params = ForgotPasswordParams::new(email);
            Box::new(move |c: LoginRocket| {
                Box::pin(async move { c.forgot_password(&params).await })
            })
        },
        options.on_success,
    );
    UseForgotPasswordFormReturn {
        email,
        status,
        submit,
    }
}
