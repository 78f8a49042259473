use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin, LoginRocket, UpdateProfileParams};

use super::{check_required, login_callbacks, no_session, session_of, FormCore, FormStatus};
use crate::context::use_loginrocket;
use crate::logic::fields::FieldId;
use crate::logic::form_state::Flow;

/// Options for [`use_complete_profile_form_with_options`].
#[derive(Clone, Default)]
pub struct UseCompleteProfileFormOptions {
    /// Signed in.
    pub on_login: Option<Callback<FullLogin>>,
    /// Another step is needed.
    pub on_conditional: Option<Callback<ConditionalLogin>>,
}

/// What [`use_complete_profile_form`] returns.
#[derive(Clone, Copy)]
pub struct UseCompleteProfileFormReturn {
    /// The organization name.
    pub org_name: RwSignal<String>,
    /// The form's state and messages.
    pub status: FormStatus,
    /// Sends it (`PUT profile`, with the session store's session).
    pub submit: Callback<()>,
}

/// Profile completion (`must_complete_profile`), headless: asks for the organization name.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyCompletion() -> impl IntoView {
///     let form = use_complete_profile_form();
///     view! {
///         <input bind:value=form.org_name autocomplete="organization"/>
///         <button on:click=move |_| form.submit.run(())>"Continue"</button>
///         <p role="status">{move || form.status.message.get()}</p>
///     }
/// }
/// ```
pub fn use_complete_profile_form() -> UseCompleteProfileFormReturn {
    use_complete_profile_form_with_options(UseCompleteProfileFormOptions::default())
}

/// Profile completion, with callbacks.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_complete_profile_form_with_options(UseCompleteProfileFormOptions {
///     on_login: Some(Callback::new(|_: loginrocket::FullLogin| leptos::logging::log!("done"))),
///     ..Default::default()
/// });
/// ```
pub fn use_complete_profile_form_with_options(
    options: UseCompleteProfileFormOptions,
) -> UseCompleteProfileFormReturn {
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::WithSession, vec![FieldId::OrgName]);
    let org_name = RwSignal::new(String::new());
    let UseCompleteProfileFormOptions {
        on_login,
        on_conditional,
    } = options;
    let submit = Callback::new(move |()| {
        let Some(session) = session_of(ctx, &None) else {
            return no_session(&core);
        };
        if !check_required(&core, &[(FieldId::OrgName, org_name.get_untracked())]) {
            return;
        }
        let mut params = UpdateProfileParams::new(session);
        params.org_name = Some(org_name.get_untracked().trim().to_owned());
        core.run(
            ctx,
            Box::new(move |c: LoginRocket| {
                Box::pin(async move { c.update_profile(&params).await })
            }),
            login_callbacks(on_login, on_conditional),
        );
    });
    UseCompleteProfileFormReturn {
        org_name,
        status: core.status(ctx),
        submit,
    }
}
