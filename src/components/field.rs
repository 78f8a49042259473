use leptos::prelude::*;

use super::form_shell::Shell;
use crate::context::use_loginrocket;
use crate::logic::fields::FieldId;

/// What a field asks for: its input `type` and `inputmode`, and whether it is a secret
/// (masked, with a show toggle, emptied after use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldKind {
    /// Plain text.
    Text,
    /// An email address.
    Email,
    /// An email address or a username (sign-in).
    EmailOrUsername,
    /// A password: masked, with a show toggle.
    Password,
    /// A one-time code: digits, emptied after use.
    Code,
    /// An invitation token: text from an emailed link, shown (it is filled in from the link).
    Token,
}

impl FieldKind {
    /// What a field asks for and its `autocomplete` token, where a form has nothing more
    /// specific to say (a new account's or a profile's fields). Every field has its own arm:
    /// a new one must be given its token here, never a catch-all's.
    pub(crate) fn of(field: FieldId) -> (Self, &'static str) {
        match field {
            FieldId::Email => (FieldKind::Email, "email"),
            FieldId::FirstName => (FieldKind::Text, "given-name"),
            FieldId::LastName => (FieldKind::Text, "family-name"),
            FieldId::Username => (FieldKind::Text, "username"),
            FieldId::OrgName => (FieldKind::Text, "organization"),
            FieldId::Password | FieldId::PasswordConfirmation => {
                (FieldKind::Password, "new-password")
            }
            FieldId::CurrentPassword => (FieldKind::Password, "current-password"),
            FieldId::Code => (FieldKind::Code, "one-time-code"),
            // a code sent by email, for a manager or the system to fill in from the message
            FieldId::Token => (FieldKind::Token, "one-time-code"),
        }
    }

    fn input_type(self) -> &'static str {
        match self {
            FieldKind::Email => "email",
            FieldKind::Password => "password",
            _ => "text",
        }
    }

    fn inputmode(self) -> Option<&'static str> {
        match self {
            FieldKind::EmailOrUsername => Some("email"),
            FieldKind::Code => Some("numeric"),
            _ => None,
        }
    }
}

/// One labelled control inside a [`FormShell`](super::FormShell), with its messages next to
/// it (`aria-invalid`, `aria-describedby`), a hint for a minimum length, and a show toggle
/// on passwords. Its control is read into `value` at submit (autofill included). Until the
/// user types, it shows what the hook puts there (a token from the link, a prefilled claim);
/// a secret's value is never written into the page (its `value` attribute stays unset).
#[component]
pub(crate) fn Field(
    /// Which field (its name, label and messages).
    field: FieldId,
    /// What it asks for.
    kind: FieldKind,
    /// The hook's value for it.
    value: RwSignal<String>,
    /// The `autocomplete` token.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Whether it must be filled in.
    #[prop(optional)]
    required: bool,
    /// A realm's minimum password length, shown as a hint linked to the field.
    #[prop(optional_no_strip)]
    min_length: Option<usize>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let shell = Shell::current(ctx);
    shell.bindings.update_value(|b| b.push((field, value)));
    let status = shell.status;
    let id = format!("{}-{}", shell.form_id, field.api_name().replace('_', "-"));
    let error_id = format!("{id}-error");
    let hint_id = min_length.map(|_| format!("{id}-hint"));
    let errors = Memo::new(move |_| status.errors_for(field));
    let invalid = move || !errors.with(Vec::is_empty);
    let is_password = kind == FieldKind::Password;
    let secret = matches!(kind, FieldKind::Password | FieldKind::Code);
    // shown in clear since which submit: back to masked on every submit
    let (submits, shown_at) = (shell.submits, RwSignal::new(None::<u32>));
    let shown = move || shown_at.get() == Some(submits.get());
    let input_type = move || {
        if is_password && shown() {
            "text"
        } else {
            kind.input_type()
        }
    };
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let ids: Vec<&str> = hint_id
                .iter()
                .map(String::as_str)
                .chain(invalid().then_some(error_id.as_str()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let hint = min_length.zip(hint_id).map(|(n, hint_id)| {
        view! {
            <p class="lr-field__hint" id=hint_id>
                {move || ctx.t_with("password-hint", &[("count", (n as i64).into())])}
            </p>
        }
    });
    let toggle = is_password.then(|| {
        view! {
            <button
                type="button"
                class="lr-field__toggle"
                aria-controls=id.clone()
                aria-pressed=move || shown().to_string()
                on:click=move |_| {
                    shown_at.set((!shown()).then(|| submits.get_untracked()))
                }
            >
                // says what a press will do; `aria-pressed` says what it did
                {move || ctx.t(if shown() { "password-hide" } else { "password-show" })}
            </button>
        }
    });

    view! {
        <div class="lr-field">
            <label class="lr-field__label" for=id.clone()>{ctx.text_of(status.label_key(field))}</label>
            <div class="lr-field__control">
                <input
                    class="lr-field__input"
                    id=id
                    name=field.api_name()
                    type=input_type
                    autocomplete=autocomplete
                    inputmode=kind.inputmode()
                    required=required
                    aria-required=required.then_some("true")
                    value=move || (!secret).then(|| value.get())
                    data-lr-secret=secret.then_some("")
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=described
                    on:input=move |_| status.edited(field)
                />
                {toggle}
            </div>
            {hint}
            <p class="lr-field__error" id=error_id hidden=move || !invalid() lang=move || status.field_lang(field).map(|l| l.as_str().to_owned())>
                {move || errors.get().join(" ")}
            </p>
        </div>
    }
}
