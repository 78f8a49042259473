//! The leptos-loginrocket demo: every auth page of the kit, a protected page, a locale
//! switcher and a failure lab, against the local emulator by default.
//!
//! The LoginRocket URL is fixed at build time: `LR_URL` (default `http://127.0.0.1:4000`, the
//! emulator `scripts/demo.sh` starts). Point it at a real realm's LoginRocket URL to use that
//! realm instead (the failure lab then has nothing to talk to).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_loginrocket::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use serde_json::json;

mod custom;

const LR_URL: &str = match option_env!("LR_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4000",
};

/// The emulator's demo users (its built-in seed).
const DEMO_USERS: &[(&str, &str)] = &[
    ("ann@example.com", "plain user"),
    (
        "tom@example.com",
        "two-factor (code: GET /_emulator/totp?email=tom@example.com)",
    ),
    ("mia@example.com", "two organizations; saved locale: es"),
    ("una@example.com", "email not verified yet"),
];

fn main() {
    leptos::mount::mount_to_body(App);
}

/// The demo's own setting (not a secret): keep the session in `localStorage`, shared by every
/// tab, instead of memory.
const REMEMBER_KEY: &str = "demo.remember";

fn remembered() -> bool {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(REMEMBER_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

#[component]
fn App() -> impl IntoView {
    let locale = RwSignal::new(Locale::En);
    // the document's language follows the switcher (screen readers, hyphenation, fonts)
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", locale.get().as_str());
        }
    });
    view! {
        <LoginRocketProvider
            url=LR_URL
            locale=locale
            persistence=if remembered() { Persistence::LocalStorage } else { Persistence::Memory }
        >
            <Router>
                <header class="demo-header">
                    <nav class="demo-nav" aria-label="Demo">
                        <A href="/">"Home"</A>
                        <A href="/protected">"Protected"</A>
                        <A href="/auth/sign-in">"Sign in"</A>
                                                <A href="/auth/sign-up">"Sign up"</A>
                        <A href="/custom/sign-in">"Custom sign-in"</A>
                    </nav>
                    <LocaleSwitcher locale=locale/>
                </header>
                <main class="demo-main">
                    <Routes fallback=|| view! { <h1>"Page not found"</h1><p><A href="/">"Home"</A></p> }>
                        <Route path=path!("/") view=Home/>
                        <Route path=path!("/protected") view=|| view! { <RequireSession><Protected/></RequireSession> }/>
                                                <Route path=path!("/custom/sign-in") view=custom::CustomSignIn/>
                        <AuthRoutes/>
                    </Routes>
                </main>
                <FailureLab/>
            </Router>
        </LoginRocketProvider>
    }
}

#[component]
fn LocaleSwitcher(locale: RwSignal<Locale>) -> impl IntoView {
    let choose = move |l: Locale| move |_| locale.set(l);
    view! {
        <div class="demo-locales" role="group" aria-label="Language">
            <button type="button" aria-pressed=move || (locale.get() == Locale::En).to_string() on:click=choose(Locale::En)>"English"</button>
            <button type="button" aria-pressed=move || (locale.get() == Locale::Es).to_string() on:click=choose(Locale::Es)>"Español"</button>
            <button type="button" aria-pressed=move || (locale.get() == Locale::Ja).to_string() on:click=choose(Locale::Ja)>"日本語"</button>
        </div>
    }
}

#[component]
fn Home() -> impl IntoView {
    let session = use_session();
    let state = move || match session.state.get() {
        SessionState::SignedOut => "Signed out".to_owned(),
        SessionState::Conditional(c) => format!("Conditional: {:?}", c.conditions),
        SessionState::SignedIn { login, claims } => {
            format!(
                "Signed in as {} (account {})",
                claims.email().unwrap_or("?"),
                login.account
            )
        }
    };
    view! {
        <h1>"leptos-loginrocket demo"</h1>
        <p id="session-state" role="status">{state}</p>
        <Remember/>
        <h2>"Demo users"</h2>
        <p>"Password for all: " <code>"demo-password"</code></p>
        <ul class="demo-users">
            {DEMO_USERS.iter().map(|(email, what)| view! { <li><code>{*email}</code>" — "{*what}</li> }).collect_view()}
        </ul>
    }
}

/// Opting in to `localStorage` (the kit's default is memory); the page reloads to apply it.
#[component]
fn Remember() -> impl IntoView {
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        if let Some(storage) = window().local_storage().ok().flatten() {
            let _ = if on {
                storage.set_item(REMEMBER_KEY, "1")
            } else {
                storage.remove_item(REMEMBER_KEY)
            };
        }
        let _ = window().location().reload();
    };
    view! {
        <p>
            <label>
                <input type="checkbox" id="remember" checked=remembered() on:change=toggle/>
                " Keep me signed in on this device (every tab shares the session; reloads the page)"
            </label>
        </p>
    }
}

#[component]
fn Protected() -> impl IntoView {
    let session = use_session();
    // "which account?": a user with several gets the list (this page's guard sends them to the
    // kit's account page, and back here after the choice); a user with one stays as is
    let switch = move |_| spawn_local(session.store.choose_account());
    let claims = move || match session.state.get() {
        SessionState::SignedIn { claims, .. } => {
            // the session id is a secret: not even on screen (or in a screenshot)
            let mut shown = claims.0.clone();
            if let Some(sid) = shown.get_mut("sid") {
                *sid = "(hidden)".into();
            }
            serde_json::to_string_pretty(&shown).unwrap_or_default()
        }
        _ => String::new(),
    };
    view! {
        <h1>"Protected page"</h1>
        <p>"Token claims (decoded for display only; the backend verifies the signature):"</p>
        <pre id="claims">{claims}</pre>
        <div class="demo-actions">
            <button type="button" on:click=move |_| session.refresh.run(())>"Refresh session"</button>
            <button type="button" on:click=switch>"Switch account"</button>
            <LogoutButton/>
        </div>
        <nav class="demo-links" aria-label="Account">
            <A href="/auth/profile">"Edit profile"</A>
            <A href="/auth/change-password">"Change password"</A>
        </nav>
    }
}

/// Buttons that make the emulator's next request fail, to see each UI state of the kit.
#[component]
fn FailureLab() -> impl IntoView {
    let note = RwSignal::new(String::new());
    let fault = move |label: &'static str, body: serde_json::Value| {
        move |_| {
            let body = body.clone();
            spawn_local(async move {
                let base = LR_URL.trim_end_matches('/');
                let sent = gloo_net::http::Request::post(&format!("{base}/_emulator/faults"))
                    .json(&body)
                    .map(|r| r.send());
                let ok = match sent {
                    Ok(fut) => fut.await.map(|r| r.ok()).unwrap_or(false),
                    Err(_) => false,
                };
                note.set(if ok {
                    format!("Next request: {label}")
                } else {
                    "The emulator is not reachable".into()
                });
            });
        }
    };
    view! {
        <aside class="demo-lab" aria-label="Failure lab">
            <h2>"Failure lab"</h2>
            <button type="button" on:click=fault("rate limited (5 s)", json!({"path": "*", "status": 429, "headers": {"Retry-After": "5"}, "body": {"result": "error"}}))>"Rate limit"</button>
            <button type="button" on:click=fault("hangs past the timeout", json!({"path": "*", "delay_ms": 15000}))>"Time out"</button>
            <button type="button" on:click=fault("server error", json!({"path": "*", "status": 500, "body": "<h1>Internal Server Error</h1>", "content_type": "text/html"}))>"Server error"</button>
            <button type="button" on:click=fault("garbage body", json!({"path": "*", "status": 200, "body": "<html>captive portal</html>", "content_type": "text/html"}))>"Garbage"</button>
            <button type="button" on:click=fault("session expired", json!({"path": "*", "status": 403, "body": {"result": "error"}}))>"Session expired"</button>
            <p role="status">{move || note.get()}</p>
        </aside>
    }
}
