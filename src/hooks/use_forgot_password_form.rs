use leptos::prelude::*;
use loginrocket::{ForgotPasswordParams, LoginRocket};

use super::{check_required, on_done, FormCore, FormStatus};
use crate::context::use_loginrocket;
use crate::logic::form_state::{FieldId, Flow};

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
/// use leptos_loginrocket::*;
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
/// use leptos_loginrocket::*;
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
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::ForgotPassword, vec![FieldId::Email]);
    let email = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        if !check_required(ctx, &core, &[(FieldId::Email, email.get_untracked())]) {
            return;
        }
        let params = ForgotPasswordParams::new(email.get_untracked().trim());
        core.run(
            ctx,
            Box::new(move |client: LoginRocket| {
                Box::pin(async move { client.forgot_password(&params).await })
            }),
            on_done(options.on_success),
        );
    });
    UseForgotPasswordFormReturn {
        email,
        status: core.status(ctx),
        submit,
    }
}
