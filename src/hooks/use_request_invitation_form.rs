use leptos::prelude::*;
use loginrocket::{LoginRocket, RequestInvitationParams};

use super::{email_form, FormStatus};
use crate::logic::form_state::Flow;

/// Options for [`use_request_invitation_form_with_options`].
#[derive(Clone, Default)]
pub struct UseRequestInvitationFormOptions {
    /// The confirmation is shown (whether or not the email can be invited).
    pub on_success: Option<Callback<()>>,
}

/// What [`use_request_invitation_form`] returns.
#[derive(Clone, Copy)]
pub struct UseRequestInvitationFormReturn {
    /// The email.
    pub email: RwSignal<String>,
    /// The form's state and messages.
    pub status: FormStatus,
    /// Asks for an invitation (`POST signup/request`).
    pub submit: Callback<()>,
}

/// The invitation request, headless: the same confirmation whether or not the email can be
/// invited (no enumeration).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyInvite() -> impl IntoView {
///     let form = use_request_invitation_form();
///     view! {
///         <input type="email" bind:value=form.email/>
///         <button on:click=move |_| form.submit.run(())>"Request"</button>
///         <p role="status">{move || form.status.message.get()}</p>
///     }
/// }
/// ```
pub fn use_request_invitation_form() -> UseRequestInvitationFormReturn {
    use_request_invitation_form_with_options(UseRequestInvitationFormOptions::default())
}

/// The invitation request, with a callback.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_request_invitation_form_with_options(UseRequestInvitationFormOptions {
///     on_success: Some(Callback::new(|()| leptos::logging::log!("requested"))),
/// });
/// ```
pub fn use_request_invitation_form_with_options(
    options: UseRequestInvitationFormOptions,
) -> UseRequestInvitationFormReturn {
    // its answers read like forgot password's: the same confirmation for every email
    let (email, status, submit) = email_form(
        Flow::ForgotPassword,
        |email| {
            let params = RequestInvitationParams::new(email);
            Box::new(move |c: LoginRocket| {
                Box::pin(async move { c.request_invitation(&params).await })
            })
        },
        options.on_success,
    );
    UseRequestInvitationFormReturn {
        email,
        status,
        submit,
    }
}
