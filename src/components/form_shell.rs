use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use super::alert::live_region;
use super::{Alert, StatusRegion};
use crate::context::{use_loginrocket, LoginRocketContext, StepKind};
use crate::hooks::{AfterReset, FormStatus};
use crate::logic::fields::FieldId;
use crate::logic::form_state::FormState;
use crate::platform;

/// Which kit form a shell frames: its class, its button and its progress and success texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FormKind {
    Login,
    Signup,
    Forgot,
    Reset(AfterReset),
    TwoFactor,
    CompleteProfile,
    Invitation,
    Profile,
    ChangePassword,
}

impl FormKind {
    /// The name in the form's class (`lr-form--login`) and default id (`lr-login-1`).
    fn name(self) -> &'static str {
        match self {
            FormKind::Login => "login",
            FormKind::Signup => "signup",
            FormKind::Forgot => "forgot",
            FormKind::Reset(_) => "reset",
            FormKind::TwoFactor => "two-factor",
            FormKind::CompleteProfile => "complete-profile",
            FormKind::Invitation => "invitation",
            FormKind::Profile => "profile",
            FormKind::ChangePassword => "change-password",
        }
    }

    /// The submit button's and the progress message's Fluent keys.
    fn keys(self) -> (&'static str, &'static str) {
        match self {
            FormKind::Login => ("login-submit", "login-pending"),
            FormKind::Signup => ("signup-submit", "signup-pending"),
            FormKind::Forgot => ("forgot-submit", "forgot-pending"),
            FormKind::Reset(_) => ("reset-submit", "reset-pending"),
            FormKind::TwoFactor => ("two-factor-submit", "two-factor-pending"),
            FormKind::CompleteProfile => ("complete-profile-submit", "complete-profile-pending"),
            FormKind::Invitation => ("invitation-submit", "invitation-pending"),
            FormKind::Profile => ("profile-submit", "profile-pending"),
            FormKind::ChangePassword => ("password-change-submit", "password-change-pending"),
        }
    }

    /// The form's name in the backend's form posts (`<form_posts>/<name>`), for the forms
    /// that work before the wasm; the others wait for it.
    fn post_name(self) -> Option<&'static str> {
        match self {
            FormKind::Login => Some("login"),
            FormKind::Signup => Some("signup"),
            FormKind::Forgot => Some("forgot"),
            FormKind::Reset(_) => Some("reset"),
            FormKind::TwoFactor => Some("two-factor"),
            _ => None,
        }
    }

    /// The step whose secret the server may hold for this form: then it always posts there.
    fn held_step(self) -> Option<StepKind> {
        match self {
            FormKind::TwoFactor => Some(StepKind::TwoFactor),
            FormKind::Reset(_) => Some(StepKind::ResetPassword),
            _ => None,
        }
    }

    /// The confirmation shown after a success, if the form shows one (the others move on).
    fn success_key(self) -> Option<&'static str> {
        match self {
            FormKind::Forgot => Some("forgot-sent"),
            FormKind::Reset(AfterReset::ContinueSignedIn) => Some("reset-done"),
            FormKind::Reset(AfterReset::SignIn) => Some("reset-done-sign-in"),
            FormKind::Invitation => Some("invitation-sent"),
            FormKind::Profile => Some("profile-saved"),
            FormKind::ChangePassword => Some("password-changed"),
            _ => None,
        }
    }
}

/// Where a page's forms post when the wasm isn't running (a page of
/// [`AuthRoutes`](crate::routes::AuthRoutes) with [`AuthConfig::form_posts`](crate::routes::AuthConfig::form_posts)).
#[derive(Clone, Debug)]
pub(crate) struct FormPosts {
    /// The backend's form posts' path.
    pub(crate) base: &'static str,
    /// This page (path and query), to come back to with the answer.
    pub(crate) back: String,
    /// The destination after the sign-in, if the page carries one.
    pub(crate) redirect: Option<String>,
}

impl FormPosts {
    /// Where the form called `name` posts.
    pub(crate) fn action(&self, name: &str) -> String {
        format!("{}/{name}", self.base)
    }

    /// What the backend needs besides the fields: the way back, the destination, the page's
    /// language (hidden inputs).
    pub(crate) fn hidden(self, ctx: LoginRocketContext) -> impl IntoView {
        let FormPosts { back, redirect, .. } = self;
        view! {
            <input type="hidden" name="lr_back" value=back/>
            <input type="hidden" name="lr_redirect" value=redirect/>
            <input type="hidden" name="lr_locale" value=move || ctx.locale().get().to_string()/>
        }
    }
}

/// What a shell shares with the fields inside it.
#[derive(Clone)]
pub(crate) struct Shell {
    /// The form's id; control ids derive from it.
    pub(crate) form_id: String,
    pub(crate) status: FormStatus,
    /// The value each field's control is read into at submit (autofill included).
    pub(crate) bindings: StoredValue<Vec<(FieldId, RwSignal<String>)>>,
    /// Submits so far (a password shown in clear is masked again by the next one).
    pub(crate) submits: RwSignal<u32>,
}

impl Shell {
    /// The shell of the form being built. A field outside any shell (a kit bug) still
    /// renders, on a form of its own that never submits.
    pub(crate) fn current(ctx: LoginRocketContext) -> Self {
        use_context::<Shell>().unwrap_or_else(|| Shell {
            form_id: "lr-field".into(),
            status: FormStatus::inert(ctx),
            bindings: StoredValue::new(Vec::new()),
            submits: RwSignal::new(0),
        })
    }
}

/// One kit form around its fields: a real `<form novalidate>`, the alert for messages that
/// belong to no field, the submit button (disabled while in flight or cooling down), a retry
/// when the service could not be reached, a new link when an emailed one expired, and a
/// polite status region. At submit it reads
/// every field's control into its value (autofill included) and runs `submit`; after a
/// failure it moves focus to the first invalid field, else the alert; after a success it
/// empties the secret inputs.
///
/// Not generic on purpose: one copy serves every form (wasm size).
#[component]
pub(crate) fn FormShell(
    /// Which form.
    kind: FormKind,
    /// The hook's state.
    status: FormStatus,
    /// The hook's submit.
    submit: Callback<()>,
    /// Extra classes on the `<form>`.
    class: MaybeProp<String>,
    /// The form's id; default `lr-<kind>-N`.
    id: Option<String>,
    /// A reset form's "request a new link" button, offered when the emailed link is invalid,
    /// expired or incomplete.
    on_request_new: Option<Callback<()>>,
    /// The fields.
    children: Children,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let id = id.unwrap_or_else(|| format!("lr-{}-{}", kind.name(), ctx.next_form_number()));
    let (bindings, submits) = (StoredValue::new(Vec::new()), RwSignal::new(0));
    provide_context(Shell {
        form_id: id.clone(),
        status,
        bindings,
        submits,
    });
    // a page's form that works before the wasm: where it posts, and whether it always does
    // (the server holds its step's secret)
    // (server-rendered builds only: a client-rendered app has no markup before its wasm, and
    // carries none of this)
    let posts = kind
        .post_name()
        .filter(|_| cfg!(any(feature = "ssr", feature = "hydrate")))
        .and_then(|name| Some((use_context::<FormPosts>()?, name)));
    let native = posts.is_some() && kind.held_step().is_some_and(|k| ctx.held_step(k).is_some());
    let fields = children();
    // the server's answer to this form, posted before the wasm ran: shown as the wasm would
    if let Some(answer) = kind.post_name().and_then(|name| ctx.take_posted(name)) {
        status.show_posted(ctx, &answer);
        for (field, value) in bindings.get_value() {
            if let Some((_, typed)) = answer.values.iter().find(|(n, _)| n == field.api_name()) {
                value.set(typed.clone());
            }
        }
    }
    let form_ref = NodeRef::<html::Form>::new();
    let alert_id = format!("{id}-alert");
    let status_id = format!("{id}-status");
    let on_submit = move |ev: SubmitEvent| {
        if native {
            return; // the browser posts it to the server, which holds the step
        }
        ev.prevent_default();
        submits.update(|n| *n += 1);
        if let Some(form) = form_ref.get_untracked() {
            for (field, value) in bindings.get_value() {
                if let Some(v) = platform::form_value(&form, field.api_name()) {
                    value.set(v);
                }
            }
        }
        submit.run(());
    };
    let state = status.state;
    // a password or code is cleared from the page once the call it was for succeeded
    // (each `watch` acts on a change of its value: the form's state signal changes with
    // anything the form shows, a cooldown's every second included)
    Effect::watch(
        move || state.get() == FormState::Succeeded,
        move |succeeded, before, _| {
            let now = *succeeded && before != Some(succeeded);
            if let (true, Some(Some(form))) = (now, form_ref.try_get_untracked()) {
                platform::clear_secrets(&form);
            }
        },
        false,
    );
    Effect::watch(
        move || status.failures.get(),
        move |n, before, _| {
            if *n > 0 && before != Some(n) {
                request_animation_frame(move || {
                    // the form may be gone by the next frame
                    if let Some(Some(form)) = form_ref.try_get_untracked() {
                        platform::focus_first_invalid(&form);
                    }
                });
            }
        },
        false,
    );
    // server markup, and the hydrating browser's first render (which must match it), have the
    // submit button disabled: a submit before the wasm is live would post the fields to the
    // page. A form that posts to the backend (`AuthConfig::form_posts`) works from the start.
    // Effects run only in the browser, once hydrated. Client-side rendering starts live.
    let live =
        RwSignal::new(cfg!(not(any(feature = "ssr", feature = "hydrate"))) || posts.is_some());
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    Effect::new(move |_| live.set(true));
    let cooldown = status.cooldown;
    let (submit_key, pending_key) = kind.keys();
    let success_key = kind.success_key();
    // a rate-limit wait is announced twice: when it starts (the alert's message, which names
    // its length and does not change) and when it ends; the countdown ticks outside both
    let progress = Signal::derive(move || match state.get() {
        FormState::Submitting => ctx.t(pending_key),
        FormState::Succeeded => success_key.map(|k| ctx.t(k)).unwrap_or_default(),
        _ if status.wait_over() => ctx.t("rate-limit-over"),
        _ => String::new(),
    });
    // not a live region: read on demand, never announced
    let countdown = live_region(
        "lr-form__countdown",
        None,
        None,
        None,
        None,
        Signal::derive(move || match cooldown.get() {
            0 => String::new(),
            left => ctx.t_with(
                "rate-limit-countdown",
                &[("seconds", i64::from(left).into())],
            ),
        }),
    );
    let classes = super::classes(format!("lr-form lr-form--{}", kind.name()), class);
    let retry = move |_| {
        if let Some(form) = form_ref.get_untracked() {
            platform::request_submit(&form);
        }
    };
    // what the backend needs besides the fields: the way back, the destination, the language
    // (a client-rendered build's view has no place for them at all: no code, no bytes)
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    let (action, hidden) = match posts {
        Some((posts, name)) => (Some(posts.action(name)), Some(posts.hidden(ctx))),
        None => (None, None),
    };
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    let (action, hidden) = (posts.map(|_| ""), ());
    view! {
        <form
            node_ref=form_ref
            id=id
            class=classes
            method="post"
            action=action
            novalidate=true
            aria-busy=move || (state.get() == FormState::Submitting).to_string()
            on:submit=on_submit
        >
            <Alert id=alert_id text=status.message of=status/>
            {hidden}
            {fields}
            <div class="lr-form__actions">
                <button type="submit" class="lr-button lr-form__submit" disabled=move || !live.get() || !status.can_submit()>
                    {ctx.text_of(submit_key)}
                </button>
                <Show when=move || state.get().retryable()>
                    <button type="button" class="lr-button lr-button--secondary lr-form__retry" on:click=retry>
                        {ctx.text_of("retry")}
                    </button>
                </Show>
                {move || {
                    let reset = matches!(kind, FormKind::Reset(_));
                    let dead_link = matches!(state.get(), FormState::LinkExpired | FormState::LinkMissing);
                    (reset && dead_link).then(|| view! {
                        <button
                            type="button"
                            class="lr-button lr-button--secondary lr-form__request-new"
                            on:click=move |_| {
                                if let Some(cb) = on_request_new {
                                    cb.run(());
                                }
                            }
                        >
                            {ctx.text_of("reset-request-new")}
                        </button>
                    })
                }}
            </div>
            {countdown}
            <StatusRegion id=status_id text=progress/>
        </form>
    }
    .into_any()
}
