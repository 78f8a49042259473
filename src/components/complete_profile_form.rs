use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin};

use super::{Field, FieldKind, FormKind, FormShell};
use crate::hooks::{use_complete_profile_form_with_options, UseCompleteProfileFormOptions};
use crate::logic::fields::FieldId;

/// Profile completion (`must_complete_profile`): asks for the organization name and sends it
/// with `PUT profile`, over
/// [`use_complete_profile_form`](crate::hooks::use_complete_profile_form).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Complete() -> impl IntoView {
///     view! { <CompleteProfileForm on_login=|_: loginrocket::FullLogin| leptos::logging::log!("in")/> }
/// }
/// ```
#[component]
pub fn CompleteProfileForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-complete-profile-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Signed in.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
    /// Another step is needed.
    #[prop(optional, into)]
    on_conditional: Option<Callback<ConditionalLogin>>,
) -> impl IntoView {
    let form = use_complete_profile_form_with_options(UseCompleteProfileFormOptions {
        on_login,
        on_conditional,
    });
    view! {
        <FormShell kind=FormKind::CompleteProfile status=form.status submit=form.submit class id on_request_new=None>
            <Field field=FieldId::OrgName kind=FieldKind::Text value=form.org_name autocomplete="organization" required=true/>
        </FormShell>
    }
}
