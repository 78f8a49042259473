//! A sign-in in a modal of the app's own markup, on the kit's hooks alone: `use_login_form`,
//! then `use_two_factor_form` when the realm asks for a code. No kit component and none of
//! the kit's classes; the hooks bring the state, the server's messages at their fields, and
//! one localized message for every form state (a rate limit's countdown, offline, a timeout).

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;

/// Your realm's LoginRocket URL, fixed at build time; the emulator's by default.
const LR_URL: &str = match option_env!("LR_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4000",
};

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <LoginRocketProvider url=LR_URL>
                <App/>
            </LoginRocketProvider>
        }
    });
}

/// Where the modal is.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Closed,
    Password,
    Code,
}

#[component]
fn App() -> impl IntoView {
    let step = RwSignal::new(Step::Closed);
    let session = use_session();
    let signed_in = Callback::new(move |_: loginrocket::FullLogin| step.set(Step::Closed));
    let login = use_login_form_with_options(UseLoginFormOptions {
        on_login: Some(signed_in),
        on_conditional: Some(Callback::new(move |next: loginrocket::ConditionalLogin| {
            if next.has(&loginrocket::Condition::MustVerifyLogin) {
                step.set(Step::Code);
            }
        })),
    });
    let code = use_two_factor_form_with_options(UseTwoFactorFormOptions {
        on_login: Some(signed_in),
        ..Default::default()
    });
    view! {
        <header>
            <Show
                when=move || session.state.with(SessionState::is_signed_in)
                fallback=move || view! { <button type="button" on:click=move |_| step.set(Step::Password)>"Sign in"</button> }
            >
                <LogoutButton/>
            </Show>
        </header>
        <Show when=move || step.get() != Step::Closed>
            <div role="dialog" aria-modal="true" aria-labelledby="modal-title">
                <h2 id="modal-title">"Sign in"</h2>
                <Show
                    when=move || step.get() == Step::Password
                    fallback=move || view! {
                        <Form status=code.status submit=code.submit>
                            <Input label="Code" field=FieldId::Code value=code.code status=code.status autocomplete="one-time-code"/>
                        </Form>
                    }
                >
                    <Form status=login.status submit=login.submit>
                        <Input label="Email" field=FieldId::Email value=login.email status=login.status autocomplete="username"/>
                        <Input label="Password" field=FieldId::Password value=login.password status=login.status autocomplete="current-password" password=true/>
                    </Form>
                </Show>
                <button type="button" on:click=move |_| step.set(Step::Closed)>"Cancel"</button>
            </div>
        </Show>
    }
}

/// A form: its fields, the hook's one message for the form's state, and submit.
#[component]
fn Form(status: FormStatus, submit: Callback<()>, children: Children) -> impl IntoView {
    view! {
        <form novalidate=true on:submit=move |ev| { ev.prevent_default(); submit.run(()); }>
            {children()}
            <p role="alert" lang=move || status.server_lang().map(|l| l.to_string())>{move || status.message.get()}</p>
            <button type="submit" disabled=move || !status.can_submit()>"Continue"</button>
        </form>
    }
}

/// A label, an input bound to the hook's value, and the field's own messages.
#[component]
fn Input(
    label: &'static str,
    field: FieldId,
    value: RwSignal<String>,
    status: FormStatus,
    autocomplete: &'static str,
    #[prop(optional)] password: bool,
) -> impl IntoView {
    view! {
        <label>
            {label}
            <input
                type=if password { "password" } else { "text" }
                autocomplete=autocomplete
                aria-invalid=move || (!status.errors_for(field).is_empty()).to_string()
                bind:value=value
            />
        </label>
        <p lang=move || status.field_lang(field).map(|l| l.to_string())>{move || status.errors_for(field).join(" ")}</p>
    }
}
