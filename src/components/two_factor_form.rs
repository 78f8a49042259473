use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin, Secret};

use super::{Field, FieldKind, FormKind, FormShell};
use crate::hooks::{use_two_factor_form_with_options, UseTwoFactorFormOptions};
use crate::logic::fields::FieldId;

/// The second factor (`must_verify_login`): one code field, over
/// [`use_two_factor_form`](crate::hooks::use_two_factor_form).
///
/// The input is `type="text" inputmode="numeric" autocomplete="one-time-code"`; a pasted
/// `123 456` or `123-456` is sent once as `123456` (see
/// [`normalize_code`](crate::hooks::normalize_code)). Requires a provider; the session comes from the
/// session store unless given.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Code() -> impl IntoView {
///     view! { <TwoFactorForm on_login=|_: loginrocket::FullLogin| leptos::logging::log!("in")/> }
/// }
/// ```
#[component]
pub fn TwoFactorForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-two-factor-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The session of the `conditional_login` (default: the session store's).
    #[prop(optional, into)]
    session: Option<Secret>,
    /// Signed in.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
    /// Another step is needed.
    #[prop(optional, into)]
    on_conditional: Option<Callback<ConditionalLogin>>,
) -> impl IntoView {
    let form = use_two_factor_form_with_options(UseTwoFactorFormOptions {
        session,
        on_login,
        on_conditional,
    });
    view! {
        <FormShell kind=FormKind::TwoFactor status=form.status submit=form.submit class id on_request_new=None>
            <Field field=FieldId::Code kind=FieldKind::Code value=form.code autocomplete="one-time-code" required=true/>
        </FormShell>
    }
}
