use leptos::prelude::*;
use loginrocket::{LoginRocket, Secret, UpdatePasswordParams};

use super::{check_required, no_session, run_opt, session_of, FieldMode, FormCore, FormStatus};
use crate::context::use_loginrocket;
use crate::logic::fields::FieldId;
use crate::logic::form_state::{Flow, Outcome};

/// Options for [`use_change_password_form_with_options`].
#[derive(Clone, Default)]
pub struct UseChangePasswordFormOptions {
    /// Whether a confirmation field is shown (default hidden; a show-password toggle instead).
    pub confirm_password: FieldMode,
    /// Changed.
    pub on_success: Option<Callback<()>>,
}

/// What [`use_change_password_form`] returns.
#[derive(Clone, Copy)]
pub struct UseChangePasswordFormReturn {
    /// The current password; cleared after success.
    pub current_password: RwSignal<String>,
    /// The new password; cleared after success.
    pub password: RwSignal<String>,
    /// The confirmation; cleared after success.
    pub password_confirmation: RwSignal<String>,
    /// Whether the confirmation field is shown.
    pub confirm_password: FieldMode,
    /// The form's state and messages.
    pub status: FormStatus,
    /// Changes the password (`POST profile/password`, with the session store's session).
    pub submit: Callback<()>,
}

/// The password change, headless: always the current password and the new one.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyPasswordChange() -> impl IntoView {
///     let form = use_change_password_form();
///     view! {
///         <input type="password" bind:value=form.current_password autocomplete="current-password"/>
///         <input type="password" bind:value=form.password autocomplete="new-password"/>
///         <button on:click=move |_| form.submit.run(())>"Change"</button>
///         <p role="status">{move || form.status.message.get()}</p>
///     }
/// }
/// ```
pub fn use_change_password_form() -> UseChangePasswordFormReturn {
    use_change_password_form_with_options(UseChangePasswordFormOptions::default())
}

/// The password change, with a confirmation field or a callback.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_change_password_form_with_options(UseChangePasswordFormOptions {
///     confirm_password: FieldMode::Required,
///     ..Default::default()
/// });
/// ```
pub fn use_change_password_form_with_options(
    options: UseChangePasswordFormOptions,
) -> UseChangePasswordFormReturn {
    let ctx = use_loginrocket();
    let confirm_password = options.confirm_password;
    let mut shown = vec![FieldId::CurrentPassword, FieldId::Password];
    if confirm_password.shown() {
        shown.push(FieldId::PasswordConfirmation);
    }
    let core =
        FormCore::new(Flow::WithSession, shown).relabelled(FieldId::Password, "field-new-password");
    let (current, new, confirm) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let on_success = options.on_success;
    let submit = Callback::new(move |()| {
        let Some(session) = session_of(ctx, &None) else {
            return no_session(&core);
        };
        let mut must = vec![
            (FieldId::CurrentPassword, current.get_untracked()),
            (FieldId::Password, new.get_untracked()),
        ];
        if confirm_password == FieldMode::Required {
            must.push((FieldId::PasswordConfirmation, confirm.get_untracked()));
        }
        if !check_required(&core, &must) {
            return;
        }
        let mut params = UpdatePasswordParams::new(
            session,
            Secret::new(current.get_untracked()),
            Secret::new(new.get_untracked()),
        );
        if confirm_password.shown() {
            params.password_confirmation = Some(Secret::new(confirm.get_untracked()));
        }
        core.run(
            ctx,
            Box::new(move |c: LoginRocket| {
                Box::pin(async move { c.update_password(&params).await })
            }),
            Box::new(move |o: &Outcome| {
                if matches!(o, Outcome::Done) {
                    for s in [current, new, confirm] {
                        s.try_set(String::new());
                    }
                    run_opt(on_success, &());
                }
            }),
        );
    });
    UseChangePasswordFormReturn {
        current_password: current,
        password: new,
        password_confirmation: confirm,
        confirm_password,
        status: core.status(ctx),
        submit,
    }
}
