use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin};

use super::{Field, FieldKind, FormKind, FormShell};
use crate::hooks::{
    use_reset_password_form_with_options, AfterReset, FieldMode, UseResetPasswordFormOptions,
};
use crate::logic::fields::FieldId;
use crate::platform::no_referrer_while_mounted;

/// The reset-password form, for the link emailed by the forgot-password flow, over
/// [`use_reset_password_form`](crate::hooks::use_reset_password_form).
///
/// The token comes from the `token` prop or, once, from `?token=` (then removed from the
/// address bar). While mounted, `<meta name="referrer" content="no-referrer">` keeps the token
/// out of `Referer` headers. An invalid, used or expired link shows `error-link-expired` and a
/// "request a new link" button (`on_request_new`). Requires a
/// [`LoginRocketProvider`](crate::context::LoginRocketProvider) above it.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// // mounted at the URL the reset email links to: `/reset?token=tpw:…`
/// #[component]
/// fn Reset() -> impl IntoView {
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <ResetPasswordForm
///                 confirm_password=FieldMode::Required
///                 on_login=|login: loginrocket::FullLogin| leptos::logging::log!("signed in to {}", login.account)
///                 on_request_new=|()| leptos::logging::log!("go to the forgot-password page")
///             />
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[component]
pub fn ResetPasswordForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-reset-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The emailed token; default: `?token=` from the address bar.
    #[prop(optional, into)]
    token: Option<String>,
    /// Whether a confirmation field is shown (default: hidden; a show-password toggle instead).
    #[prop(optional)]
    confirm_password: FieldMode,
    /// The realm's minimum password length, shown as a hint under the password. A number, or
    /// an `Option` (`None`: no hint).
    #[prop(default = None, into)]
    min_password_length: Option<usize>,
    /// Continue signed in (default) or ask the user to sign in.
    #[prop(optional)]
    after_reset: AfterReset,
    /// Signed in with the new password.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
    /// Signed in, with another step to do.
    #[prop(optional, into)]
    on_conditional: Option<Callback<ConditionalLogin>>,
    /// The password changed and the user should sign in ([`AfterReset::SignIn`]).
    #[prop(optional, into)]
    on_success: Option<Callback<()>>,
    /// The user wants a new link (shown when the link is invalid or expired).
    #[prop(optional, into)]
    on_request_new: Option<Callback<()>>,
) -> impl IntoView {
    no_referrer_while_mounted();
    let form = use_reset_password_form_with_options(UseResetPasswordFormOptions {
        token,
        confirm_password,
        after_reset,
        on_login,
        on_conditional,
        on_success,
    });
    view! {
        <FormShell kind=FormKind::Reset(after_reset) status=form.status submit=form.submit class id on_request_new>
            <Field field=FieldId::Password kind=FieldKind::Password value=form.password autocomplete="new-password" required=true min_length=min_password_length/>
            {confirm_password.shown().then(|| view! {
                <Field field=FieldId::PasswordConfirmation kind=FieldKind::Password value=form.password_confirmation autocomplete="new-password" required={confirm_password == FieldMode::Required}/>
            })}
        </FormShell>
    }
}
