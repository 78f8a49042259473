use leptos::prelude::*;

use super::{Field, FieldKind, FormKind, FormShell};
use crate::hooks::{
    use_change_password_form_with_options, FieldMode, UseChangePasswordFormOptions,
};
use crate::logic::fields::FieldId;

/// Password change (`POST profile/password`), over
/// [`use_change_password_form`](crate::hooks::use_change_password_form): always the current
/// password and the new one; both are cleared after success.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Password() -> impl IntoView {
///     view! { <RequireSession><ChangePasswordForm min_password_length=12/></RequireSession> }
/// }
/// ```
#[component]
pub fn ChangePasswordForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-change-password-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Whether a confirmation field is shown (default hidden; a show-password toggle instead).
    #[prop(optional)]
    confirm_password: FieldMode,
    /// The realm's minimum password length, shown as a hint under the new password. A number, or
    /// an `Option` (`None`: no hint).
    #[prop(default = None, into)]
    min_password_length: Option<usize>,
    /// Changed.
    #[prop(optional, into)]
    on_success: Option<Callback<()>>,
) -> impl IntoView {
    let form = use_change_password_form_with_options(UseChangePasswordFormOptions {
        confirm_password,
        on_success,
    });
    view! {
        <FormShell kind=FormKind::ChangePassword status=form.status submit=form.submit class id on_request_new=None>
            <Field field=FieldId::CurrentPassword kind=FieldKind::Password value=form.current_password autocomplete="current-password" required=true/>
            <Field field=FieldId::Password kind=FieldKind::Password value=form.password autocomplete="new-password" required=true min_length=min_password_length/>
            {confirm_password.shown().then(|| view! {
                <Field field=FieldId::PasswordConfirmation kind=FieldKind::Password value=form.password_confirmation autocomplete="new-password" required={confirm_password == FieldMode::Required}/>
            })}
        </FormShell>
    }
}
