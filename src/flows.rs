//! The other LoginRocket flows — second factor, account choice, profile completion, email
//! verification, invitation requests, profile and password changes, sign-out — each a hook
//! and a thin component, with the same states, accessibility and form rules as the first
//! four. Calls made with a session take it from the session store (or a `session` prop).

use leptos::prelude::*;
use leptos::task::spawn_local;
use loginrocket::{
    AccountChoice, FullLogin, LoginRocket, RequestInvitationParams, Secret, UpdatePasswordParams,
    UpdateProfileParams, VerifyEmailParams, VerifyLoginParams,
};
use web_sys::HtmlFormElement;

use crate::components::{form_id, kit_form, set_from, FormParts, KitField};
use crate::dom;
use crate::hooks::{login_callbacks, run_opt, FieldMode, FormCore};
use crate::provider::{use_loginrocket, LoginRocketContext};
use crate::session::SessionState;
use crate::state::{FieldId, Flow, FormState, Outcome};

/// Fluent keys of this module.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const KEYS: &[&str] = &[
    "two-factor-submit",
    "two-factor-pending",
    "account-picker-hosted",
    "complete-profile-submit",
    "complete-profile-pending",
    "verify-email-verifying",
    "verify-email-done",
    "invitation-submit",
    "invitation-pending",
    "invitation-sent",
    "profile-submit",
    "profile-pending",
    "profile-saved",
    "password-change-submit",
    "password-change-pending",
    "password-changed",
    "logout",
    "next-step-unknown",
    "next-step-continue",
];

/// A 2FA code as typed or pasted: `123 456` and `123-456` become `123456` (leading zeros
/// kept); anything with other characters is sent trimmed, as typed, for the server to judge.
pub fn normalize_code(raw: &str) -> String {
    let trimmed = raw.trim();
    if trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-' || c == '\u{a0}')
    {
        trimmed.chars().filter(char::is_ascii_digit).collect()
    } else {
        trimmed.to_owned()
    }
}

/// Opens the hosted page `path` for the store's session. The URL, which carries the session
/// id, is built only when the user asks for it: it is never in the DOM.
fn hosted_page_opener(ctx: &LoginRocketContext, path: &'static str) -> impl Fn() + Clone {
    let (client, store) = (ctx.client.clone(), ctx.session);
    move || {
        let url = store
            .state
            .with_untracked(|s| s.session().cloned())
            .and_then(|s| client.hosted_page_url(path, &s).ok());
        if let Some(url) = url {
            crate::dom::navigate(&url);
        }
    }
}

fn session_of(ctx: &LoginRocketContext, given: &Option<Secret>) -> Option<Secret> {
    given
        .clone()
        .or_else(|| ctx.session.state.with_untracked(|s| s.session().cloned()))
}

fn no_session(core: &FormCore) {
    core.fail_locally(FormState::SessionExpired);
}

// ---------------------------------------------------------------------------------------

/// Options for [`use_two_factor_form_with_options`].
#[derive(Clone, Default)]
pub struct UseTwoFactorFormOptions {
    /// The session of the `conditional_login` (default: the session store's).
    pub session: Option<Secret>,
    /// Signed in.
    pub on_login: Option<Callback<FullLogin>>,
    /// Another step is needed.
    pub on_conditional: Option<Callback<loginrocket::ConditionalLogin>>,
}

/// What [`use_two_factor_form`] returns.
#[derive(Clone, Copy)]
pub struct UseTwoFactorFormReturn {
    /// The form state and messages.
    pub core: FormCore,
    /// The code as typed or pasted (sent normalized, see [`normalize_code`]).
    pub code: RwSignal<String>,
    /// Sends the code (`POST login/verify`; single-flight; checks that there is a code and a
    /// session first).
    pub submit: Callback<()>,
}

/// The second factor (`must_verify_login`), headless: bring your own markup.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::*;
///
/// #[component]
/// fn MyTwoFactor() -> impl IntoView {
///     let form = use_two_factor_form();
///     view! {
///         <form on:submit=move |ev| { ev.prevent_default(); form.submit.run(()); }>
///             <input bind:value=form.code inputmode="numeric" autocomplete="one-time-code"/>
///             <p>{move || form.core.errors_for(FieldId::Code).join(" ")}</p>
///             <button type="submit" disabled=move || !form.core.can_submit().get()>"Verify"</button>
///         </form>
///     }
/// }
/// ```
pub fn use_two_factor_form() -> UseTwoFactorFormReturn {
    use_two_factor_form_with_options(UseTwoFactorFormOptions::default())
}

/// The second factor, with a session of its own or callbacks.
pub fn use_two_factor_form_with_options(
    options: UseTwoFactorFormOptions,
) -> UseTwoFactorFormReturn {
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::WithSession, vec![FieldId::Code]);
    let code = RwSignal::new(String::new());
    let UseTwoFactorFormOptions {
        session,
        on_login,
        on_conditional,
    } = options;
    let submit = Callback::new(move |()| {
        let Some(session) = session_of(&ctx, &session) else {
            return no_session(&core);
        };
        let value = normalize_code(&code.get_untracked());
        if value.is_empty() {
            return core.reject_locally(crate::hooks::required_messages(
                &ctx,
                &[(FieldId::Code, value)],
            ));
        }
        let params = VerifyLoginParams::new(session, value);
        core.run(
            &ctx,
            Box::new(move |c: LoginRocket| Box::pin(async move { c.verify_login(&params).await })),
            login_callbacks(on_login, on_conditional),
        );
    });
    UseTwoFactorFormReturn { core, code, submit }
}

/// The second factor (`must_verify_login`): one code field, over [`use_two_factor_form`].
///
/// The input is `type="text" inputmode="numeric" autocomplete="one-time-code"`; a pasted
/// `123 456` or `123-456` is sent once as `123456` (see [`normalize_code`]). Requires a
/// provider; the session comes from the session store unless given.
#[component]
pub fn TwoFactorForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-two-factor-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The session of the `conditional_login` (default: the session store's).
    #[prop(optional, into)]
    session: Option<Secret>,
    /// Signed in.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
    /// Another step is needed.
    #[prop(optional, into)]
    on_conditional: Option<Callback<loginrocket::ConditionalLogin>>,
) -> impl IntoView {
    let UseTwoFactorFormReturn { core, code, submit } =
        use_two_factor_form_with_options(UseTwoFactorFormOptions {
            session,
            on_login,
            on_conditional,
        });
    let id = form_id("two-factor", id);
    let fields = view! {
        <KitField core form_id=id.clone() field=FieldId::Code input_type="text" inputmode="numeric" autocomplete="one-time-code" required=true/>
    };
    let read = move |form: &HtmlFormElement| set_from(form, FieldId::Code, code);
    let parts = FormParts {
        core,
        id,
        flow: "two-factor",
        submit_key: "two-factor-submit",
        pending_key: "two-factor-pending",
        success_key: Signal::stored(None),
        class,
    };
    kit_form(
        parts,
        Box::new(read),
        submit,
        fields.into_any(),
        ().into_any(),
    )
}

// ---------------------------------------------------------------------------------------

/// The account choice (`no_account_selected`): a button per account when the response lists
/// them; otherwise a link to the realm's hosted accounts page for this session.
#[component]
pub fn AccountPicker(
    /// Extra classes on the list.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Signed in to the chosen account.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let store = ctx.session;
    let accounts = Memo::new(move |_| match store.state.get() {
        SessionState::Conditional(c) => c.accounts(),
        _ => None,
    });
    let hosted = hosted_page_opener(&ctx, "accounts");
    // signed in after a choice
    Effect::new(move |_| {
        if let SessionState::SignedIn { login, .. } = store.state.get() {
            run_opt(on_login, &login);
        }
    });
    let choose = move |account: AccountChoice| spawn_local(store.switch_account(account.id));
    let (t1, t2) = (ctx.clone(), ctx.clone());
    let busy = move || store.status.get() == FormState::Submitting;
    let classes = move || format!("lr-accounts {}", class.get().unwrap_or_default());
    view! {
        <div class=classes aria-busy=move || busy().to_string()>
            {move || match accounts.get() {
                Some(list) => {
                    view! {
                        <ul class="lr-accounts__list">
                            {list.into_iter().map(|a| {
                                let label = a.name.clone();
                                view! {
                                    <li><button type="button" class="lr-button lr-button--secondary lr-accounts__choice" disabled=busy on:click=move |_| choose(a.clone())>{label}</button></li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
                None => {
                    let (t, hosted) = (t1.clone(), hosted.clone());
                    view! { <button type="button" class="lr-button lr-accounts__hosted" on:click=move |_| hosted()>{move || t.t("account-picker-hosted")}</button> }.into_any()
                }
            }}
            <p class="lr-form__alert" role="alert">{move || store.status.get().alert_key().map(|k| t2.t(k)).unwrap_or_default()}</p>
        </div>
    }
}

// ---------------------------------------------------------------------------------------

/// Profile completion (`must_complete_profile`): asks for the organization name and sends it
/// with `PUT profile`.
#[component]
pub fn CompleteProfileForm(
    /// Extra classes on the `<form>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The form's id; default `lr-complete-profile-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Signed in.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
    /// Another step is needed.
    #[prop(optional, into)]
    on_conditional: Option<Callback<loginrocket::ConditionalLogin>>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::WithSession, vec![FieldId::OrgName]);
    let org = RwSignal::new(String::new());
    let submit = Callback::new({
        let ctx = ctx.clone();
        move |()| {
            let Some(session) = session_of(&ctx, &None) else {
                return no_session(&core);
            };
            let missing =
                crate::hooks::required_messages(&ctx, &[(FieldId::OrgName, org.get_untracked())]);
            if !missing.is_empty() {
                return core.reject_locally(missing);
            }
            let mut params = UpdateProfileParams::new(session);
            params.org_name = Some(org.get_untracked().trim().to_owned());
            core.run(
                &ctx,
                Box::new(move |c: LoginRocket| {
                    Box::pin(async move { c.update_profile(&params).await })
                }),
                login_callbacks(on_login, on_conditional),
            );
        }
    });
    let id = form_id("complete-profile", id);
    let fields = view! { <KitField core form_id=id.clone() field=FieldId::OrgName input_type="text" autocomplete="organization" required=true/> };
    let read = move |form: &HtmlFormElement| set_from(form, FieldId::OrgName, org);
    let parts = FormParts {
        core,
        id,
        flow: "complete-profile",
        submit_key: "complete-profile-submit",
        pending_key: "complete-profile-pending",
        success_key: Signal::stored(None),
        class,
    };
    kit_form(
        parts,
        Box::new(read),
        submit,
        fields.into_any(),
        ().into_any(),
    )
}

// ---------------------------------------------------------------------------------------

/// What [`use_verify_email`] returns.
#[derive(Clone, Copy)]
pub struct UseVerifyEmailReturn {
    /// `Submitting` while verifying, `Succeeded`, `LinkExpired`, or a retryable state.
    pub state: Signal<FormState>,
    /// Verifies again (after a retryable failure).
    pub retry: Callback<()>,
}

/// Email verification: takes the token (given, else `?token=` once, then removed from the
/// address bar) and verifies it once.
pub fn use_verify_email(
    token: Option<String>,
    on_success: Option<Callback<()>>,
) -> UseVerifyEmailReturn {
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::ResetPassword, vec![]);
    let token = token
        .filter(|t| !t.is_empty())
        .or_else(dom::take_query_param_token)
        .map(Secret::new);
    let token = StoredValue::new(token);
    let verify = Callback::new(move |()| {
        let Some(token) = token.get_value() else {
            core.state.set(FormState::LinkExpired);
            return;
        };
        let params = VerifyEmailParams::new(token);
        core.run(
            &ctx,
            Box::new(move |c: LoginRocket| Box::pin(async move { c.verify_email(&params).await })),
            Box::new(move |o: &Outcome| {
                if matches!(o, Outcome::Done) {
                    run_opt(on_success, &());
                }
            }),
        );
    });
    verify.run(());
    UseVerifyEmailReturn {
        state: core.state.into(),
        retry: verify,
    }
}

/// Email verification page content: verifying → verified, or "invalid or expired link", or
/// a retryable error. Keeps the token out of `Referer` headers while mounted.
#[component]
pub fn VerifyEmail(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The emailed token (`tve:…`); default: `?token=`.
    #[prop(optional, into)]
    token: Option<String>,
    /// Verified.
    #[prop(optional, into)]
    on_success: Option<Callback<()>>,
) -> impl IntoView {
    let referrer = StoredValue::new_local(dom::NoReferrer::add());
    on_cleanup(move || referrer.update_value(dom::NoReferrer::remove));
    let ctx = use_loginrocket();
    let v = use_verify_email(token, on_success);
    let (t1, t2, t3) = (ctx.clone(), ctx.clone(), ctx);
    let status = move || match v.state.get() {
        FormState::Submitting => t1.t("verify-email-verifying"),
        FormState::Succeeded => t1.t("verify-email-done"),
        _ => String::new(),
    };
    let alert = move || {
        v.state
            .get()
            .alert_key()
            .map(|k| t2.t(k))
            .unwrap_or_default()
    };
    let classes = move || format!("lr-verify-email {}", class.get().unwrap_or_default());
    view! {
        <div class=classes aria-busy=move || (v.state.get() == FormState::Submitting).to_string()>
            <p class="lr-form__alert" role="alert">{alert}</p>
            <p class="lr-form__status" role="status">{status}</p>
            <Show when=move || v.state.get().retryable()>
                <button type="button" class="lr-button lr-form__retry" on:click=move |_| v.retry.run(())>{let t = t3.clone(); move || t.t("retry")}</button>
            </Show>
        </div>
    }
}

// ---------------------------------------------------------------------------------------

/// Invitation request (`POST signup/request`): the same confirmation whether or not the email
/// can be invited (no enumeration).
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
    let ctx = use_loginrocket();
    let core = FormCore::new(Flow::ForgotPassword, vec![FieldId::Email]);
    let email = RwSignal::new(String::new());
    let submit = Callback::new({
        let ctx = ctx.clone();
        move |()| {
            let missing =
                crate::hooks::required_messages(&ctx, &[(FieldId::Email, email.get_untracked())]);
            if !missing.is_empty() {
                return core.reject_locally(missing);
            }
            let params = RequestInvitationParams::new(email.get_untracked().trim());
            core.run(
                &ctx,
                Box::new(move |c: LoginRocket| {
                    Box::pin(async move { c.request_invitation(&params).await })
                }),
                Box::new(move |o: &Outcome| {
                    if matches!(o, Outcome::Done) {
                        run_opt(on_success, &());
                    }
                }),
            );
        }
    });
    let id = form_id("invitation", id);
    let fields = view! { <KitField core form_id=id.clone() field=FieldId::Email input_type="email" autocomplete="email" required=true/> };
    let read = move |form: &HtmlFormElement| set_from(form, FieldId::Email, email);
    let parts = FormParts {
        core,
        id,
        flow: "invitation",
        submit_key: "invitation-submit",
        pending_key: "invitation-pending",
        success_key: Signal::stored(Some("invitation-sent")),
        class,
    };
    kit_form(
        parts,
        Box::new(read),
        submit,
        fields.into_any(),
        ().into_any(),
    )
}

// ---------------------------------------------------------------------------------------

/// Which profile fields are shown.
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

/// Profile update (`PUT profile`): the fields shown, prefilled from the token's claims; the
/// fresh `full_login` updates the session.
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
    let ctx = use_loginrocket();
    let mut shown = Vec::new();
    if fields.name.shown() {
        shown.extend([FieldId::FirstName, FieldId::LastName]);
    }
    if fields.email.shown() {
        shown.push(FieldId::Email);
    }
    if fields.username.shown() {
        shown.push(FieldId::Username);
    }
    let core = FormCore::new(Flow::WithSession, shown.clone());
    let values = RwSignal::new(Vec::<(FieldId, String)>::new());
    let claim = |f: FieldId| {
        let key = match f {
            FieldId::FirstName => "given_name",
            FieldId::LastName => "family_name",
            FieldId::Email => "email",
            _ => "preferred_username",
        };
        ctx.session.state.with_untracked(|s| match s {
            SessionState::SignedIn { claims, .. } => claims
                .0
                .get(key)
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            _ => None,
        })
    };
    let submit = Callback::new({
        let ctx = ctx.clone();
        let shown = shown.clone();
        move |()| {
            let Some(session) = session_of(&ctx, &None) else {
                return no_session(&core);
            };
            let get = |f: FieldId| {
                values.with_untracked(|vs| {
                    vs.iter()
                        .find(|(id, _)| *id == f)
                        .map(|(_, v)| v.trim().to_owned())
                })
            };
            let mut params = UpdateProfileParams::new(session);
            for f in &shown {
                let v = get(*f);
                match f {
                    FieldId::FirstName => params.first_name = v,
                    FieldId::LastName => params.last_name = v,
                    FieldId::Email => params.email = v,
                    FieldId::Username => params.username = v,
                    _ => {}
                }
            }
            core.run(
                &ctx,
                Box::new(move |c: LoginRocket| {
                    Box::pin(async move { c.update_profile(&params).await })
                }),
                Box::new(move |o: &Outcome| {
                    if let Outcome::SignedIn(f) = o {
                        run_opt(on_login, f);
                    }
                }),
            );
        }
    });
    let id = form_id("profile", id);
    let views = shown
        .iter()
        .map(|f| {
            let (ty, ac) = match f {
                FieldId::FirstName => ("text", "given-name"),
                FieldId::LastName => ("text", "family-name"),
                FieldId::Email => ("email", "email"),
                _ => ("text", "username"),
            };
            view! { <KitField core form_id=id.clone() field=*f input_type=ty autocomplete=ac value=claim(*f).unwrap_or_default()/> }
        })
        .collect_view();
    let read = move |form: &HtmlFormElement| {
        let read: Vec<(FieldId, String)> = shown
            .iter()
            .filter_map(|f| Some((*f, dom::form_value(form, f.api_name())?)))
            .collect();
        values.set(read);
    };
    let parts = FormParts {
        core,
        id,
        flow: "profile",
        submit_key: "profile-submit",
        pending_key: "profile-pending",
        success_key: Signal::stored(Some("profile-saved")),
        class,
    };
    kit_form(
        parts,
        Box::new(read),
        submit,
        views.into_any(),
        ().into_any(),
    )
}

// ---------------------------------------------------------------------------------------

/// Password change (`POST profile/password`): always the current password and the new one
/// (R14); both are cleared after success (R07).
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
    /// The realm's minimum password length, shown as a hint under the new password (R04).
    #[prop(optional)]
    min_password_length: Option<usize>,
    /// Changed.
    #[prop(optional, into)]
    on_success: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let mut shown = vec![FieldId::CurrentPassword, FieldId::Password];
    if confirm_password.shown() {
        shown.push(FieldId::PasswordConfirmation);
    }
    let core = FormCore::new(Flow::WithSession, shown);
    let (current, new, confirm) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let submit = Callback::new({
        let ctx = ctx.clone();
        move |()| {
            let Some(session) = session_of(&ctx, &None) else {
                return no_session(&core);
            };
            let mut must = vec![
                (FieldId::CurrentPassword, current.get_untracked()),
                (FieldId::Password, new.get_untracked()),
            ];
            if confirm_password == FieldMode::Required {
                must.push((FieldId::PasswordConfirmation, confirm.get_untracked()));
            }
            let missing = crate::hooks::required_messages(&ctx, &must);
            if !missing.is_empty() {
                return core.reject_locally(missing);
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
                &ctx,
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
        }
    });
    let id = form_id("change-password", id);
    let fields = view! {
        <KitField core form_id=id.clone() field=FieldId::CurrentPassword input_type="password" autocomplete="current-password" required=true/>
        <KitField core form_id=id.clone() field=FieldId::Password input_type="password" autocomplete="new-password" required=true min_length=min_password_length/>
        {confirm_password.shown().then(|| view! {
            <KitField core form_id=id.clone() field=FieldId::PasswordConfirmation input_type="password" autocomplete="new-password" required={confirm_password == FieldMode::Required}/>
        })}
    };
    let read = move |form: &HtmlFormElement| {
        set_from(form, FieldId::CurrentPassword, current);
        set_from(form, FieldId::Password, new);
        set_from(form, FieldId::PasswordConfirmation, confirm);
    };
    let parts = FormParts {
        core,
        id,
        flow: "change-password",
        submit_key: "password-change-submit",
        pending_key: "password-change-pending",
        success_key: Signal::stored(Some("password-changed")),
        class,
    };
    kit_form(
        parts,
        Box::new(read),
        submit,
        fields.into_any(),
        ().into_any(),
    )
}

// ---------------------------------------------------------------------------------------

/// A sign-out button: ends the session on the server and always locally, also offline (R42),
/// saying so when the server could not be told.
#[component]
pub fn LogoutButton(
    /// Extra classes on the button.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Signed out (locally; see the session store's status for the server's side).
    #[prop(optional, into)]
    on_logout: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let store = ctx.session;
    let (t1, t2) = (ctx.clone(), ctx);
    // disabled only while its own sign-out runs: signing out stays possible during a refresh
    let signing_out = RwSignal::new(false);
    let click = move |_| {
        signing_out.set(true);
        spawn_local(async move {
            store.logout().await;
            signing_out.try_set(false);
            run_opt(on_logout, &());
        });
    };
    let message = move || match store.status.get() {
        FormState::Failed(n) => t2.t(n.key()),
        _ => String::new(),
    };
    let classes = move || {
        format!(
            "lr-button lr-button--secondary lr-logout {}",
            class.get().unwrap_or_default()
        )
    };
    view! {
        <button type="button" class=classes on:click=click disabled=signing_out>{move || t1.t("logout")}</button>
        <span class="lr-logout__status" role="status">{message}</span>
    }
}

/// For a condition the kit does not know: a clear message and the realm's hosted pages for
/// this session, never a dead end.
#[component]
pub fn NextStepFallback(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let hosted = hosted_page_opener(&ctx, "login");
    let (t1, t2) = (ctx.clone(), ctx);
    let classes = move || format!("lr-next-step {}", class.get().unwrap_or_default());
    view! {
        <div class=classes>
            <p role="status">{move || t1.t("next-step-unknown")}</p>
            <button type="button" class="lr-button" on:click=move |_| hosted()>{move || t2.t("next-step-continue")}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalized_once_with_leading_zeros() {
        assert_eq!(normalize_code("123456"), "123456");
        assert_eq!(normalize_code("123 456"), "123456");
        assert_eq!(normalize_code("123-456"), "123456");
        assert_eq!(normalize_code(" 012 345 "), "012345");
        assert_eq!(normalize_code("000000"), "000000");
        assert_eq!(normalize_code("12a456"), "12a456");
        assert_eq!(normalize_code(""), "");
    }
}
