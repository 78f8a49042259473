use leptos::prelude::*;

use super::{Field, FieldKind, FormKind, FormShell};
use crate::hooks::{use_request_invitation_form_with_options, UseRequestInvitationFormOptions};
use crate::logic::fields::FieldId;

/// Invitation request (`POST signup/request`), over
/// [`use_request_invitation_form`](crate::hooks::use_request_invitation_form): the same
/// confirmation whether or not the email can be invited (no enumeration).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Invite() -> impl IntoView {
///     view! { <RequestInvitationForm on_success=|()| leptos::logging::log!("requested")/> }
/// }
/// ```
#[component]
pub fn RequestInvitationForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-invitation-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The confirmation is shown.
    #[prop(optional, into)]
    on_success: Option<Callback<()>>,
) -> impl IntoView {
    let form =
        use_request_invitation_form_with_options(UseRequestInvitationFormOptions { on_success });
    view! {
        <FormShell kind=FormKind::Invitation status=form.status submit=form.submit class id on_request_new=None>
            <Field field=FieldId::Email kind=FieldKind::Email value=form.email autocomplete="email" required=true/>
        </FormShell>
    }
}
