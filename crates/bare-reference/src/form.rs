//! The bare sign-in form both yardsticks share: `crates/bare-reference` (with a router, for
//! `scripts/bench`) and the size probe's `bare_form` (alone, for `scripts/size.sh`). One
//! `POST /v2/login` with gloo-net, the answer shown as text; no kit, no i18n.

use leptos::prelude::*;
use leptos::task::spawn_local;

const LR_URL: &str = match option_env!("LR_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4000",
};

/// The form.
#[component]
pub fn SignIn() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let answer = RwSignal::new(String::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = serde_json::json!({ "email": email.get_untracked(), "password": password.get_untracked() });
        spawn_local(async move {
            let sent = gloo_net::http::Request::post(&format!("{LR_URL}/v2/login"))
                .json(&body)
                .map(|r| r.send());
            let text = match sent {
                Ok(pending) => match pending.await {
                    Ok(r) => r.text().await.unwrap_or_default(),
                    Err(e) => e.to_string(),
                },
                Err(e) => e.to_string(),
            };
            answer.set(text);
        });
    };
    view! {
        <form class="lr-form--login" on:submit=on_submit>
            <label for="email">"Email"</label>
            <input id="email" name="email" type="email" bind:value=email/>
            <label for="password">"Password"</label>
            <input id="password" name="password" type="password" bind:value=password/>
            <button type="submit">"Sign in"</button>
            <p role="status">{move || answer.get()}</p>
        </form>
    }
}
