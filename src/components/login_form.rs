use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin};

use super::{Field, FieldKind, FormKind, FormShell};
use crate::hooks::{use_login_form_with_options, UseLoginFormOptions};
use crate::logic::fields::FieldId;

/// The sign-in form (email or username, password), over
/// [`use_login_form`](crate::hooks::use_login_form).
///
/// Requires a [`LoginRocketProvider`](crate::context::LoginRocketProvider) above it. Fluent keys:
/// `field-email`, `field-password`, `login-submit`, `login-pending`, `login-failed`, and the
/// shared state messages. Every failure that could reveal whether an account exists reads the
/// same (`login-failed`, or the server's `Login failed`).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn SignIn() -> impl IntoView {
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <LoginForm
///                 on_login=|login: loginrocket::FullLogin| leptos::logging::log!("signed in to {}", login.account)
///                 on_conditional=|next: loginrocket::ConditionalLogin| leptos::logging::log!("then: {:?}", next.conditions)
///             />
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[component]
pub fn LoginForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id (control ids derive from it); default `lr-login-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Signed in: the session, the account and the token.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
    /// The login needs another step (2FA, account choice, profile completion).
    #[prop(optional, into)]
    on_conditional: Option<Callback<ConditionalLogin>>,
) -> impl IntoView {
    let form = use_login_form_with_options(UseLoginFormOptions {
        on_login,
        on_conditional,
    });
    view! {
        <FormShell kind=FormKind::Login status=form.status submit=form.submit class id on_request_new=None>
            <Field field=FieldId::Email kind=FieldKind::EmailOrUsername value=form.email autocomplete="username" required=true/>
            <Field field=FieldId::Password kind=FieldKind::Password value=form.password autocomplete="current-password" required=true/>
        </FormShell>
    }
}
