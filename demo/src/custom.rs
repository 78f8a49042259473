//! `/custom/sign-in`: a sign-in page with markup of its own, built only on the kit's hooks
//! (`use_login_form`, `use_two_factor_form`) — no kit component, none of the kit's classes.
//! It shows what a headless user gets: field messages per field, and one ready, localized
//! message for every form state (rate limit countdown, offline, timeout, server error).

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Which step the page is on.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Password,
    Code,
}

#[component]
pub fn CustomSignIn() -> impl IntoView {
    let step = RwSignal::new(Step::Password);
    let navigate = use_navigate();
    let home =
        Callback::new(move |_: loginrocket::FullLogin| navigate("/", NavigateOptions::default()));
    let login = use_login_form_with_options(UseLoginFormOptions {
        on_login: Some(home),
        on_conditional: Some(Callback::new(move |next: loginrocket::ConditionalLogin| {
            if next.conditions.first() == Some(&loginrocket::Condition::MustVerifyLogin) {
                step.set(Step::Code);
            }
        })),
    });
    let code = use_two_factor_form_with_options(UseTwoFactorFormOptions {
        on_login: Some(home),
        ..Default::default()
    });
    view! {
        <section class="custom-card">
            <h1 class="custom-title">"Welcome back"</h1>
            <p class="custom-lede">"A sign-in page of the app's own, on the kit's hooks."</p>
            <Show
                when=move || step.get() == Step::Password
                fallback=move || view! { <CodeStep form=code/> }
            >
                <PasswordStep form=login/>
            </Show>
        </section>
    }
}

#[component]
fn PasswordStep(form: UseLoginFormReturn) -> impl IntoView {
    let status = form.status;
    view! {
        <CustomForm status submit=form.submit label="Continue" pending_label="Signing in…" retry=true>
            <CustomField id="custom-email" label="Email" field=FieldId::Email input_type="email"
                autocomplete="username" value=form.email status/>
            <CustomField id="custom-password" label="Password" field=FieldId::Password input_type="password"
                autocomplete="current-password" value=form.password status/>
        </CustomForm>
    }
}

#[component]
fn CodeStep(form: UseTwoFactorFormReturn) -> impl IntoView {
    let status = form.status;
    view! {
        <CustomForm status submit=form.submit label="Verify" pending_label="Verify" retry=false>
            <CustomField id="custom-code" label="Code from your authenticator app" field=FieldId::Code
                input_type="text" inputmode="numeric" autocomplete="one-time-code" value=form.code
                status code=true/>
        </CustomForm>
    }
}

/// The page's form: its fields, the hook's one message, submit (and a retry when the
/// service could not be reached).
#[component]
fn CustomForm(
    status: FormStatus,
    submit: Callback<()>,
    label: &'static str,
    pending_label: &'static str,
    retry: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <form
            class="custom-form"
            novalidate=true
            aria-busy=move || status.pending().to_string()
            on:submit=move |ev| {
                ev.prevent_default();
                submit.run(());
            }
        >
            {children()}
            <p class="custom-message" role="status" lang=move || status.server_lang().map(|l| l.to_string())>{move || status.message.get()}</p>
            <div class="custom-actions">
                <button class="custom-button" type="submit" disabled=move || !status.can_submit()>
                    {move || if status.pending() { pending_label } else { label }}
                </button>
                <Show when=move || retry && status.state.get().retryable()>
                    <button class="custom-button custom-button--quiet" type="button" on:click=move |_| submit.run(())>
                        "Try again"
                    </button>
                </Show>
            </div>
        </form>
    }
}

/// A label, its input bound to the hook's value, and the field's messages under it.
#[component]
fn CustomField(
    id: &'static str,
    label: &'static str,
    field: FieldId,
    input_type: &'static str,
    autocomplete: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] code: bool,
    value: RwSignal<String>,
    status: FormStatus,
) -> impl IntoView {
    let class = if code {
        "custom-input custom-input--code"
    } else {
        "custom-input"
    };
    view! {
        <label class="custom-label" for=id>{label}</label>
        <input
            class=class
            id=id
            name=field.api_name()
            type=input_type
            inputmode=inputmode
            autocomplete=autocomplete
            bind:value=value
            on:input=move |_| status.edited(field)
        />
        // the server's words keep their language after a switch: say which it is
        <p class="custom-error" id=format!("{id}-error") lang=move || status.field_lang(field).map(|l| l.to_string())>
            {move || status.errors_for(field).join(" ")}
        </p>
    }
}
