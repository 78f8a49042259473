use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin};

use super::{Field, FieldKind, FormKind, FormShell};
use crate::hooks::{use_signup_form_with_options, FieldMode, SignupFields, UseSignupFormOptions};
use crate::logic::fields::FieldId;

/// The sign-up form: email and password, plus the fields `fields` turns on, over
/// [`use_signup_form`](crate::hooks::use_signup_form).
///
/// Requires a [`LoginRocketProvider`](crate::context::LoginRocketProvider) above it. Only the shown
/// fields are sent. Fluent keys: the `field-*` names, `signup-submit`, `signup-pending`,
/// `signup-failed`, and the shared state messages.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Join() -> impl IntoView {
///     let fields = SignupFields { name: FieldMode::Required, org_name: FieldMode::Optional, ..Default::default() };
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <SignupForm fields=fields on_login=|login: loginrocket::FullLogin| leptos::logging::log!("welcome to {}", login.account)/>
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[component]
pub fn SignupForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-signup-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Which optional fields are shown.
    #[prop(optional)]
    fields: SignupFields,
    /// An invitation token to fill in (otherwise `?token=` when the invitation field is shown).
    #[prop(optional, into)]
    token: Option<String>,
    /// The realm's minimum password length, shown as a hint under the password. A number, or
    /// an `Option` (`None`: no hint).
    #[prop(default = None, into)]
    min_password_length: Option<usize>,
    /// Signed in with the new account.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
    /// The new account needs another step.
    #[prop(optional, into)]
    on_conditional: Option<Callback<ConditionalLogin>>,
) -> impl IntoView {
    let form = use_signup_form_with_options(UseSignupFormOptions {
        fields,
        token,
        on_login,
        on_conditional,
    });
    // built inside the shell, whose fields they are
    let views = move || {
        fields
            .shown()
            .into_iter()
            .filter_map(|f| {
                let value = form.value(f)?;
                let (kind, autocomplete) = FieldKind::of(f);
                let min_length = (f == FieldId::Password)
                    .then_some(min_password_length)
                    .flatten();
                let required = fields.mode(f) == FieldMode::Required;
                Some(view! { <Field field=f kind value autocomplete required min_length/> })
            })
            .collect_view()
    };
    view! {
        <FormShell kind=FormKind::Signup status=form.status submit=form.submit class id on_request_new=None>
            {views()}
        </FormShell>
    }
}
