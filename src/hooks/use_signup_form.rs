use leptos::prelude::*;
use loginrocket::{ConditionalLogin, FullLogin, LoginRocket, Secret, SignupParams};

use super::{check_required, emailed_token, login_callbacks, FieldMode, FormCore, FormStatus};
use crate::context::use_loginrocket;
use crate::logic::fields::FieldId;
use crate::logic::form_state::Flow;

/// Which signup fields an app shows (email and password always are).
///
/// ```
/// use leptos_loginrocket::prelude::*;
///
/// let fields = SignupFields { name: FieldMode::Required, ..Default::default() };
/// assert_eq!(fields.shown(), [FieldId::Email, FieldId::FirstName, FieldId::LastName, FieldId::Password]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SignupFields {
    /// First and last name.
    pub name: FieldMode,
    /// Username.
    pub username: FieldMode,
    /// Organization name.
    pub org_name: FieldMode,
    /// A second `new-password` field (off by default; a show-password toggle instead).
    pub confirm_password: FieldMode,
    /// An invitation token field (for invitation-only realms); a token given as an option
    /// or in `?token=` fills it.
    pub invitation: FieldMode,
}

impl SignupFields {
    /// The fields shown, in form order.
    pub fn shown(&self) -> Vec<FieldId> {
        let mut fields = vec![FieldId::Email];
        if self.name.shown() {
            fields.extend([FieldId::FirstName, FieldId::LastName]);
        }
        if self.username.shown() {
            fields.push(FieldId::Username);
        }
        if self.org_name.shown() {
            fields.push(FieldId::OrgName);
        }
        fields.push(FieldId::Password);
        if self.confirm_password.shown() {
            fields.push(FieldId::PasswordConfirmation);
        }
        if self.invitation.shown() {
            fields.push(FieldId::Token);
        }
        fields
    }

    /// How `field` is asked for (email and password are always required).
    pub fn mode(&self, field: FieldId) -> FieldMode {
        match field {
            FieldId::Email | FieldId::Password => FieldMode::Required,
            FieldId::FirstName | FieldId::LastName => self.name,
            FieldId::Username => self.username,
            FieldId::OrgName => self.org_name,
            FieldId::PasswordConfirmation => self.confirm_password,
            FieldId::Token => self.invitation,
            _ => FieldMode::Hidden,
        }
    }
}

/// Options for [`use_signup_form_with_options`].
#[derive(Clone, Default)]
pub struct UseSignupFormOptions {
    /// Which fields are shown.
    pub fields: SignupFields,
    /// The invitation token, when the invitation field is shown. `None`: read once from
    /// `?token=` in the address bar (then removed from it).
    pub token: Option<String>,
    /// A `full_login`: the account exists and the user is signed in.
    pub on_login: Option<Callback<FullLogin>>,
    /// A `conditional_login`.
    pub on_conditional: Option<Callback<ConditionalLogin>>,
}

/// What [`use_signup_form`] returns.
#[derive(Clone, Copy)]
pub struct UseSignupFormReturn {
    /// The fields shown.
    pub fields: SignupFields,
    /// The form's state and messages.
    pub status: FormStatus,
    /// Sends the signup (checks the required fields first; only shown fields are sent).
    pub submit: Callback<()>,
    values: StoredValue<Vec<(FieldId, RwSignal<String>)>>,
}

impl UseSignupFormReturn {
    /// The value of a shown field, to bind an input to (`None` for a field not shown).
    pub fn value(&self, field: FieldId) -> Option<RwSignal<String>> {
        self.values
            .with_value(|vs| vs.iter().find(|(f, _)| *f == field).map(|(_, v)| *v))
    }

    /// Sets a shown field's value.
    pub fn set(&self, field: FieldId, value: String) {
        if let Some(v) = self.value(field) {
            v.set(value);
        }
    }

    /// A field's value (empty for a field not shown).
    pub fn get(&self, field: FieldId) -> String {
        self.value(field)
            .map(|v| v.get_untracked())
            .unwrap_or_default()
    }
}

/// The signup flow with email and password only.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MySignup() -> impl IntoView {
///     let form = use_signup_form();
///     let (email, password) = (form.value(FieldId::Email), form.value(FieldId::Password));
///     view! {
///         <form on:submit=move |ev| { ev.prevent_default(); form.submit.run(()); }>
///             <input bind:value=email.unwrap() autocomplete="email"/>
///             <input type="password" bind:value=password.unwrap() autocomplete="new-password"/>
///             <p role="status">{move || form.status.message.get()}</p>
///             <button type="submit">"Create account"</button>
///         </form>
///     }
/// }
/// ```
pub fn use_signup_form() -> UseSignupFormReturn {
    use_signup_form_with_options(UseSignupFormOptions::default())
}

/// The signup flow, with the fields an app shows, an invitation token and callbacks.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Invited() -> impl IntoView {
///     let form = use_signup_form_with_options(UseSignupFormOptions {
///         fields: SignupFields { invitation: FieldMode::Required, ..Default::default() },
///         ..Default::default() // the token comes from `?token=`
///     });
///     view! { <p>{move || form.status.message.get()}</p> }
/// }
/// ```
pub fn use_signup_form_with_options(options: UseSignupFormOptions) -> UseSignupFormReturn {
    let ctx = use_loginrocket();
    let fields = options.fields;
    let core = FormCore::new(Flow::Signup, fields.shown());
    let values = StoredValue::new(
        fields
            .shown()
            .into_iter()
            .map(|f| (f, RwSignal::new(String::new())))
            .collect::<Vec<_>>(),
    );
    let ret = UseSignupFormReturn {
        fields,
        status: core.status(ctx),
        submit: Callback::new(|()| {}),
        values,
    };
    if fields.invitation.shown() {
        emailed_token(
            options.token.clone(),
            Box::new(move |t| {
                if let Some(t) = t {
                    ret.set(FieldId::Token, t.expose().to_owned());
                }
            }),
        );
    }
    let submit = Callback::new(move |()| {
        let shown: Vec<(FieldId, String)> = fields
            .shown()
            .into_iter()
            .map(|f| (f, ret.get(f)))
            .collect();
        let must: Vec<(FieldId, String)> = shown
            .iter()
            .filter(|(f, _)| fields.mode(*f) == FieldMode::Required)
            .cloned()
            .collect();
        if !check_required(&core, &must) {
            return;
        }
        let value = |f: FieldId| Some(ret.get(f)).filter(|v| !v.trim().is_empty());
        let mut params = SignupParams::new(
            ret.get(FieldId::Email).trim(),
            Secret::new(ret.get(FieldId::Password)),
        );
        params.password_confirmation = value(FieldId::PasswordConfirmation).map(Secret::new);
        params.first_name = value(FieldId::FirstName);
        params.last_name = value(FieldId::LastName);
        params.username = value(FieldId::Username);
        params.org_name = value(FieldId::OrgName);
        params.token = value(FieldId::Token).map(Secret::new);
        let options = options.clone();
        core.run(
            ctx,
            Box::new(move |client: LoginRocket| {
                Box::pin(async move { client.signup(&params).await })
            }),
            login_callbacks(options.on_login, options.on_conditional),
        );
    });
    UseSignupFormReturn { submit, ..ret }
}
