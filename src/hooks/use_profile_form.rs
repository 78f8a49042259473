use leptos::prelude::*;
use loginrocket::{FullLogin, LoginRocket, UpdateProfileParams};

use super::{no_session, run_opt, session_of, FieldMode, FormCore, FormStatus};
use crate::context::use_loginrocket;
use crate::logic::fields::FieldId;
use crate::logic::form_state::{Flow, Outcome};
use crate::logic::session::SessionState;

/// Which profile fields are shown.
///
/// ```
/// use leptos_loginrocket::prelude::*;
///
/// let fields = ProfileFields { username: FieldMode::Optional, ..Default::default() };
/// assert_eq!(fields.shown().len(), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfileFields {
    /// First and last name.
    pub name: FieldMode,
    /// Email.
    pub email: FieldMode,
    /// Username.
    pub username: FieldMode,
}

impl Default for ProfileFields {
    fn default() -> Self {
        Self {
            name: FieldMode::Optional,
            email: FieldMode::Optional,
            username: FieldMode::Hidden,
        }
    }
}

impl ProfileFields {
    /// The fields shown, in form order.
    pub fn shown(&self) -> Vec<FieldId> {
        let mut shown = Vec::new();
        if self.name.shown() {
            shown.extend([FieldId::FirstName, FieldId::LastName]);
        }
        if self.email.shown() {
            shown.push(FieldId::Email);
        }
        if self.username.shown() {
            shown.push(FieldId::Username);
        }
        shown
    }
}

/// Options for [`use_profile_form_with_options`].
#[derive(Clone, Default)]
pub struct UseProfileFormOptions {
    /// Which fields are shown.
    pub fields: ProfileFields,
    /// Saved, with the fresh login (the session store has it too).
    pub on_login: Option<Callback<FullLogin>>,
}

/// What [`use_profile_form`] returns.
#[derive(Clone, Copy)]
pub struct UseProfileFormReturn {
    /// The fields shown.
    pub fields: ProfileFields,
    /// The form's state and messages.
    pub status: FormStatus,
    /// Saves the shown fields (`PUT profile`, with the session store's session).
    pub submit: Callback<()>,
    values: StoredValue<Vec<(FieldId, RwSignal<String>)>>,
}

impl UseProfileFormReturn {
    /// The value of a shown field, prefilled from the token's claims (`None` for a field not
    /// shown).
    pub fn value(&self, field: FieldId) -> Option<RwSignal<String>> {
        self.values
            .with_value(|vs| vs.iter().find(|(f, _)| *f == field).map(|(_, v)| *v))
    }
}

/// The claim a profile field is prefilled from.
fn claim_of(field: FieldId) -> &'static str {
    match field {
        FieldId::FirstName => "given_name",
        FieldId::LastName => "family_name",
        FieldId::Email => "email",
        _ => "preferred_username",
    }
}

/// The profile (names and email), headless: values prefilled from the signed-in token.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn MyProfile() -> impl IntoView {
///     let form = use_profile_form();
///     let email = form.value(FieldId::Email).unwrap();
///     view! {
///         <input type="email" bind:value=email/>
///         <button on:click=move |_| form.submit.run(())>"Save"</button>
///         <p role="status">{move || form.status.message.get()}</p>
///     }
/// }
/// ```
pub fn use_profile_form() -> UseProfileFormReturn {
    use_profile_form_with_options(UseProfileFormOptions::default())
}

/// The profile, with the fields an app shows and a callback.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_profile_form_with_options(UseProfileFormOptions {
///     fields: ProfileFields { username: FieldMode::Optional, ..Default::default() },
///     ..Default::default()
/// });
/// ```
pub fn use_profile_form_with_options(options: UseProfileFormOptions) -> UseProfileFormReturn {
    let ctx = use_loginrocket();
    let fields = options.fields;
    let shown = fields.shown();
    let core = FormCore::new(Flow::WithSession, shown.clone());
    let prefill = move |f: FieldId| {
        ctx.session().state().with_untracked(|s| match s {
            SessionState::SignedIn { claims, .. } => claims
                .0
                .get(claim_of(f))
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            _ => None,
        })
    };
    let values = StoredValue::new(
        shown
            .iter()
            .map(|f| (*f, RwSignal::new(prefill(*f).unwrap_or_default())))
            .collect::<Vec<_>>(),
    );
    // a session that arrives after the first render (restored from storage once a
    // server-rendered page has hydrated, or another tab's sign-in) fills in what it prefills,
    // where the user has not changed it: the form submits what it shows
    let prefilled = StoredValue::new(
        values.with_value(|v| v.iter().map(|(_, s)| s.get_untracked()).collect::<Vec<_>>()),
    );
    crate::platform::effect(Box::new(move || {
        ctx.session().state().track();
        values.with_value(|values| {
            prefilled.update_value(|was| {
                for ((f, value), was) in values.iter().zip(was.iter_mut()) {
                    let now = prefill(*f).unwrap_or_default();
                    if *was != now && value.with_untracked(|v| v == was) {
                        value.set(now.clone());
                    }
                    *was = now;
                }
            })
        })
    }));
    let on_login = options.on_login;
    let submit = Callback::new(move |()| {
        let Some(session) = session_of(ctx, &None) else {
            return no_session(&core);
        };
        let mut params = UpdateProfileParams::new(session);
        for (f, v) in values.get_value() {
            let v = Some(v.get_untracked().trim().to_owned());
            match f {
                FieldId::FirstName => params.first_name = v,
                FieldId::LastName => params.last_name = v,
                FieldId::Email => params.email = v,
                FieldId::Username => params.username = v,
                _ => {}
            }
        }
        core.run(
            ctx,
            Box::new(move |c: LoginRocket| {
                Box::pin(async move { c.update_profile(&params).await })
            }),
            Box::new(move |o: &Outcome| {
                if let Outcome::SignedIn(f) = o {
                    run_opt(on_login, f);
                }
            }),
        );
    });
    UseProfileFormReturn {
        fields,
        status: core.status(ctx),
        submit,
        values,
    }
}
