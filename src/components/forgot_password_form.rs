use leptos::prelude::*;

use super::{Field, FieldKind, FormKind, FormShell};
use crate::hooks::{use_forgot_password_form_with_options, UseForgotPasswordFormOptions};
use crate::logic::fields::FieldId;

/// The forgot-password form, over
/// [`use_forgot_password_form`](crate::hooks::use_forgot_password_form). The same
/// confirmation shows whether or not an account exists.
///
/// Requires a [`LoginRocketProvider`](crate::context::LoginRocketProvider) above it. Fluent keys:
/// `field-email`, `forgot-submit`, `forgot-pending`, `forgot-sent`, and the shared state
/// messages.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
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
    let form = use_forgot_password_form_with_options(UseForgotPasswordFormOptions { on_success });
    view! {
        <FormShell kind=FormKind::Forgot status=form.status submit=form.submit class id on_request_new=None>
            <Field field=FieldId::Email kind=FieldKind::Email value=form.email autocomplete="email" required=true/>
        </FormShell>
    }
}
