//! A bare Leptos sign-in form with one POST (gloo-net, JSON) and the answer shown as text:
//! what `quickstart` is measured against by `scripts/size.sh`. No router, no kit.

use leptos::prelude::*;
use leptos::task::spawn_local;

fn main() {
    leptos::mount::mount_to_body(|| {
        let email = RwSignal::new(String::new());
        let password = RwSignal::new(String::new());
        let answer = RwSignal::new(String::new());
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let body = serde_json::json!({ "email": email.get_untracked(), "password": password.get_untracked() });
            spawn_local(async move {
                let sent = gloo_net::http::Request::post("http://127.0.0.1:4000/v2/login")
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
            <form on:submit=on_submit>
                <label for="email">"Email"</label>
                <input id="email" name="email" type="email" bind:value=email/>
                <label for="password">"Password"</label>
                <input id="password" name="password" type="password" bind:value=password/>
                <button type="submit">"Sign in"</button>
                <p role="status">{move || answer.get()}</p>
            </form>
        }
    })
}
