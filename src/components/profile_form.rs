use leptos::prelude::*;
use loginrocket::FullLogin;

use super::{Field, FieldKind, FormKind, FormShell};
use crate::hooks::{use_profile_form_with_options, ProfileFields, UseProfileFormOptions};

/// Profile update (`PUT profile`), over [`use_profile_form`](crate::hooks::use_profile_form):
/// the fields shown, prefilled from the token's claims; the fresh `full_login` updates the
/// session.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Me() -> impl IntoView {
///     view! { <RequireSession><ProfileForm/></RequireSession> }
/// }
/// ```
#[component]
pub fn ProfileForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-profile-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Which fields are shown.
    #[prop(optional)]
    fields: ProfileFields,
    /// Saved (with the fresh login).
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
) -> impl IntoView {
    let form = use_profile_form_with_options(UseProfileFormOptions { fields, on_login });
    // built inside the shell, whose fields they are
    let views = move || {
        fields
            .shown()
            .into_iter()
            .filter_map(|f| {
                let value = form.value(f)?;
                let (kind, autocomplete) = FieldKind::of(f);
                Some(view! { <Field field=f kind value autocomplete/> })
            })
            .collect_view()
    };
    view! {
        <FormShell kind=FormKind::Profile status=form.status submit=form.submit class id on_request_new=None>
            {views()}
        </FormShell>
    }
}
