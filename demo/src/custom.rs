//! `/custom/sign-in`: a sign-in page with markup of its own, built only on the kit's hooks
//! (`use_login_form`, `use_two_factor_form`) — no kit component, none of the kit's classes.
//! It shows what a headless user gets: field messages per field, and one ready, localized
//! message for every form state (rate limit countdown, offline, timeout, server error).

use leptos::prelude::*;
use leptos_loginrocket::*;
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
    let errors = move |field| move || status.errors_for(field).join(" ");
    view! {
        <form
            class="custom-form"
            novalidate=true
            aria-busy=move || status.pending().to_string()
            on:submit=move |ev| {
                ev.prevent_default();
                form.submit.run(());
            }
        >
            <label class="custom-label" for="custom-email">"Email"</label>
            <input
                class="custom-input"
                id="custom-email"
                name="email"
                type="email"
                autocomplete="username"
                bind:value=form.email
                on:input=move |_| status.edited(FieldId::Email)
            />
            <p class="custom-error" id="custom-email-error">{errors(FieldId::Email)}</p>
            <label class="custom-label" for="custom-password">"Password"</label>
            <input
                class="custom-input"
                id="custom-password"
                name="password"
                type="password"
                autocomplete="current-password"
                bind:value=form.password
                on:input=move |_| status.edited(FieldId::Password)
            />
            <p class="custom-error" id="custom-password-error">{errors(FieldId::Password)}</p>
            <p class="custom-message" role="status">{move || status.message.get()}</p>
            <div class="custom-actions">
                <button class="custom-button" type="submit" disabled=move || !status.can_submit()>
                    {move || if status.pending() { "Signing in…" } else { "Continue" }}
                </button>
                <Show when=move || status.state.get().retryable()>
                    <button class="custom-button custom-button--quiet" type="button" on:click=move |_| form.submit.run(())>
                        "Try again"
                    </button>
                </Show>
            </div>
        </form>
    }
}

#[component]
fn CodeStep(form: UseTwoFactorFormReturn) -> impl IntoView {
    let status = form.status;
    view! {
        <form
            class="custom-form"
            novalidate=true
            aria-busy=move || status.pending().to_string()
            on:submit=move |ev| {
                ev.prevent_default();
                form.submit.run(());
            }
        >
            <label class="custom-label" for="custom-code">"Code from your authenticator app"</label>
            <input
                class="custom-input custom-input--code"
                id="custom-code"
                name="code"
                type="text"
                inputmode="numeric"
                autocomplete="one-time-code"
                bind:value=form.code
                on:input=move |_| status.edited(FieldId::Code)
            />
            <p class="custom-error" id="custom-code-error">{move || status.errors_for(FieldId::Code).join(" ")}</p>
            <p class="custom-message" role="status">{move || status.message.get()}</p>
            <div class="custom-actions">
                <button class="custom-button" type="submit" disabled=move || !status.can_submit()>"Verify"</button>
            </div>
        </form>
    }
}
