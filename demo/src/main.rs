//! The leptos-loginrocket demo: every auth page of the kit, a protected page, a locale
//! switcher and a failure lab, against the local emulator by default.
//!
//! The LoginRocket URL is fixed at build time: `LR_URL` (default `http://127.0.0.1:4000`, the
//! emulator `scripts/demo.sh` starts). Point it at a real realm's LoginRocket URL to use that
//! realm instead (the failure lab then has nothing to talk to).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_loginrocket::i18n;
use leptos_loginrocket::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

mod custom;

const LR_URL: &str = match option_env!("LR_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4000",
};

/// The emulator's demo users (its built-in seed), each with the key of what it shows.
const DEMO_USERS: &[(&str, &str)] = &[
    ("ann@example.com", "demo-user-ann"),
    ("tom@example.com", "demo-user-tom"),
    ("mia@example.com", "demo-user-mia"),
    ("una@example.com", "demo-user-una"),
];

/// French: a locale the kit doesn't ship, from the demo's own `.ftl` (the kit's keys, and
/// the demo's) and French plural rules.
fn french() -> Locale {
    Locale::new("fr").expect("a language tag")
}

/// The kit's catalog with French registered and the demo's own strings, one Fluent file per
/// locale, added: the kit's machinery serves the app's chrome too. The files are compiled
/// while the demo builds (`ftl!`), so its wasm carries no Fluent parser, and every language
/// but English is a chunk of its own (`ftl_chunk!`), fetched when it is first picked, as the
/// kit's Spanish and Japanese are: the first load carries English only.
fn catalog() -> Catalog {
    Catalog::new()
        .with_ftl(Locale::EN, ftl!("locales/en/demo.ftl"))
        .and_then(|c| {
            let fr = ftl_chunk!(demo_fr, "locales/fr/kit.ftl", "locales/fr/demo.ftl");
            c.with_locale_chunk(french(), i18n::plural::FR, fr)
        })
        .and_then(|c| c.with_ftl_chunk(Locale::ES, ftl_chunk!(demo_es, "locales/es/demo.ftl")))
        .and_then(|c| c.with_ftl_chunk(Locale::JA, ftl_chunk!(demo_ja, "locales/ja/demo.ftl")))
        .expect("the demo's strings are valid Fluent")
}

/// The drop-in pages' settings: the demo's name on their cards and in their titles.
fn auth_config() -> AuthConfig {
    AuthConfig {
        app_name: Some("LoginRocket Demo"),
        // the emulator's seed turns Google on; a real realm names its own providers
        hosted: HostedSignIn {
            providers: PROVIDERS,
            more_ways: true,
            ..HostedSignIn::default()
        },
        ..AuthConfig::default()
    }
}

/// The realm's social providers the sign-in and sign-up pages offer.
const PROVIDERS: &[Provider] = &[Provider::new("google", "Google (emulated)")];

/// Names the document after a page of the demo's own, in the current locale.
fn titled(key: &'static str) {
    let ctx = use_loginrocket();
    Effect::new(move |_| document().set_title(&ctx.t(key)));
}

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
    let catalog = catalog();
    // the browser's preferred language, until the user picks one
    let locale = RwSignal::new(catalog.browser_locale());
    view! {
        <LoginRocketProvider
            url=LR_URL
            locale=locale
            // the document's language follows the switcher
            sync_html_lang=true
            catalog=std::sync::Arc::new(catalog)
            persistence=if remembered() { Persistence::LOCAL_STORAGE } else { Persistence::MEMORY }
        >
            <Router>
                <Header locale=locale/>
                <main class="demo-main">
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=|| Suspend::new(home())/>
                        <Route path=path!("/protected") view=|| view! { <RequireSession>{Suspend::new(protected())}</RequireSession> }/>
                        <Route path=path!("/custom/sign-in") view=|| Suspend::new(custom_sign_in())/>
                        <AuthRoutes config=auth_config()/>
                    </Routes>
                </main>
                <FailureLab/>
            </Router>
        </LoginRocketProvider>
    }
}

// The demo's own pages are wasm chunks too, like the kit's (scripts/split.sh): the sign-in
// page, where most visits start, loads none of them.
#[lazy]
fn home() -> AnyView {
    view! { <Home/> }.into_any()
}

#[lazy]
fn protected() -> AnyView {
    view! { <Protected/> }.into_any()
}

#[lazy]
fn custom_sign_in() -> AnyView {
    view! { <custom::CustomSignIn/> }.into_any()
}

/// The text of the demo's string `key` in the current locale, for a view.
fn tr(key: &'static str) -> impl Fn() -> String + Copy {
    let ctx = use_loginrocket();
    move || ctx.t(key)
}

#[component]
fn Header(locale: RwSignal<Locale>) -> impl IntoView {
    view! {
        <header class="demo-header">
            <nav class="demo-nav" aria-label=tr("demo-nav")>
                <A href="/">{tr("demo-nav-home")}</A>
                <A href="/protected">{tr("demo-nav-protected")}</A>
                <A href="/auth/sign-in">{tr("demo-nav-sign-in")}</A>
                <A href="/auth/sign-up">{tr("demo-nav-sign-up")}</A>
                <A href="/custom/sign-in">{tr("demo-nav-custom")}</A>
            </nav>
            <LocaleSwitcher locale=locale/>
        </header>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    titled("demo-not-found");
    view! { <h1>{tr("demo-not-found")}</h1><p><A href="/">{tr("demo-nav-home")}</A></p> }
}

#[component]
fn LocaleSwitcher(locale: RwSignal<Locale>) -> impl IntoView {
    // each language's name is in that language (lang marks it for screen readers)
    let choices = [
        (Locale::EN, "English"),
        (Locale::ES, "Español"),
        (french(), "Français"),
        (Locale::JA, "日本語"),
    ];
    view! {
        <div class="demo-locales" role="group" aria-label=tr("demo-language")>
            {choices
                .into_iter()
                .map(|(l, name)| view! {
                    <button type="button" lang=l.to_string() aria-pressed=move || (locale.get() == l).to_string() on:click=move |_| locale.set(l)>{name}</button>
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn Home() -> impl IntoView {
    titled("demo-title");
    let ctx = use_loginrocket();
    let session = use_session();
    // what the kit's pages left to say (a sign-out that landed here)
    let notice = ctx.session().take_notice();
    let state = move || match session.state.get() {
        SessionState::SignedOut => ctx.t("demo-signed-out"),
        SessionState::Conditional(c) => ctx.t_with(
            "demo-conditional",
            &[("conditions", format!("{:?}", c.conditions).into())],
        ),
        SessionState::SignedIn { login, claims } => ctx.t_with(
            "demo-signed-in",
            &[
                ("email", claims.email().unwrap_or("?").to_owned().into()),
                // the selected account's name, from the token's memberships
                (
                    "account",
                    claims
                        .selected_membership()
                        .and_then(|m| m.name)
                        .unwrap_or_else(|| login.account.clone())
                        .into(),
                ),
            ],
        ),
    };
    view! {
        <h1>{tr("demo-title")}</h1>
        <p role="status">{move || notice.map(|taken| ctx.t(ctx.session().notice_key(taken)))}</p>
        <p id="session-state" role="status">{state}</p>
        <Remember/>
        <h2>{tr("demo-users")}</h2>
        <p>{tr("demo-password-for-all")}" " <code>"demo-password"</code></p>
        <ul class="demo-users">
            {DEMO_USERS.iter().map(|&(email, what)| view! { <li><code>{email}</code>" — "{tr(what)}</li> }).collect_view()}
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
                " "{tr("demo-remember")}
            </label>
        </p>
    }
}

#[component]
fn Protected() -> impl IntoView {
    titled("demo-protected-title");
    let session = use_session();
    // "which account?": a user with several gets the list (this page's guard sends them to the
    // kit's account page, and back here after the choice); a user with one stays as is
    let switch = move |_| spawn_local(session.store.choose_account());
    // the realm's hosted accounts page, and back through the kit's callback page
    let hosted_accounts = use_hosted_page_with_options(
        HostedPage::Accounts,
        UseHostedPageOptions {
            callback: Some("/auth/callback".into()),
            destination: Some("/protected".into()),
        },
    );
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
    // the account the session selected, and the user's permissions there (for display only)
    let ctx = use_loginrocket();
    let selected = move || match session.state.get() {
        SessionState::SignedIn { claims, .. } => claims.selected_membership().map(|m| {
            ctx.t_with(
                "demo-selected-account",
                &[
                    ("name", m.name.unwrap_or(m.account).into()),
                    ("count", m.permissions.len().into()),
                    ("permissions", m.permissions.join(", ").into()),
                ],
            )
        }),
        _ => None,
    };
    view! {
        <h1>{tr("demo-protected")}</h1>
        <p id="selected-account">{selected}</p>
        <p>{tr("demo-claims")}</p>
        <pre id="claims">{claims}</pre>
        <div class="demo-actions">
            <button type="button" on:click=move |_| session.refresh.run(())>{tr("demo-refresh")}</button>
            <button type="button" on:click=switch>{tr("demo-switch-account")}</button>
            <button type="button" on:click=move |_| hosted_accounts.run(())>{tr("demo-hosted-accounts")}</button>
            <LogoutButton/>
        </div>
        <nav class="demo-links" aria-label=tr("demo-account")>
            <A href="/auth/profile">{tr("demo-edit-profile")}</A>
            <A href="/auth/change-password">{tr("demo-change-password")}</A>
        </nav>
    }
}

/// Buttons that make the emulator's next request fail, to see each UI state of the kit.
#[component]
fn FailureLab() -> impl IntoView {
    let ctx = use_loginrocket();
    // the key of what happened, and the fault's name's key
    let note = RwSignal::new(None::<(&'static str, &'static str)>);
    // each fault is JSON text as written (no serde_json values built in the first page's wasm)
    let fault = move |label: &'static str, body: &'static str| {
        move |_| {
            spawn_local(async move {
                let base = LR_URL.trim_end_matches('/');
                let sent = gloo_net::http::Request::post(&format!("{base}/_emulator/faults"))
                    .header("Content-Type", "application/json")
                    .body(body)
                    .map(|r| r.send());
                let ok = match sent {
                    Ok(fut) => fut.await.map(|r| r.ok()).unwrap_or(false),
                    Err(_) => false,
                };
                note.set(Some(if ok {
                    ("demo-lab-queued", label)
                } else {
                    ("demo-lab-unreachable", label)
                }));
            });
        }
    };
    view! {
                <aside class="demo-lab" aria-label=tr("demo-lab")>
            <h2>{tr("demo-lab")}</h2>
            <button type="button" on:click=fault("demo-lab-rate-limit-next", r#"{"path": "*", "status": 429, "headers": {"Retry-After": "5"}, "body": {"result": "error"}}"#)>{tr("demo-lab-rate-limit")}</button>
            <button type="button" on:click=fault("demo-lab-timeout-next", r#"{"path": "*", "delay_ms": 15000}"#)>{tr("demo-lab-timeout")}</button>
            <button type="button" on:click=fault("demo-lab-server-error-next", r#"{"path": "*", "status": 500, "body": "<h1>Internal Server Error</h1>", "content_type": "text/html"}"#)>{tr("demo-lab-server-error")}</button>
            <button type="button" on:click=fault("demo-lab-garbage-next", r#"{"path": "*", "status": 200, "body": "<html>captive portal</html>", "content_type": "text/html"}"#)>{tr("demo-lab-garbage")}</button>
            <button type="button" on:click=fault("demo-lab-expired-next", r#"{"path": "*", "status": 403, "body": {"result": "error"}}"#)>{tr("demo-lab-expired")}</button>
            <p role="status">
                {move || note.get().map(|(what, fault)| ctx.t_with(what, &[("fault", ctx.t(fault).into())]))}
            </p>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo's French translates every key the kit ships in English, and nothing else.
    #[test]
    fn french_is_complete() {
        let en = Catalog::new();
        let fr = catalog();
        let ftl = include_str!("../locales/fr/kit.ftl");
        let mut defined = 0;
        for line in ftl.lines() {
            let Some((key, _)) = line
                .split_once(" = ")
                .filter(|_| !line.starts_with([' ', '#', '-']))
            else {
                continue;
            };
            assert!(en.has(Locale::EN, key), "the kit has no key {key}");
            defined += 1;
        }
        let english = include_str!("../../locales/en/kit.ftl")
            .lines()
            .filter(|l| l.contains(" = ") && !l.starts_with([' ', '#']))
            .count();
        assert_eq!(defined, english, "French defines every kit key");
        // French is a chunk of its own (fetched when picked; natively it is in at once)
        assert!(!fr.is_ready(french()));
        let mut load = std::pin::pin!(fr.load(french()));
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        let done = std::future::Future::poll(load.as_mut(), &mut cx);
        assert!(matches!(done, std::task::Poll::Ready(Ok(()))));
        assert_eq!(
            fr.text_with(french(), "error-rate-limited", &[("seconds", 1.into())]),
            "Trop de tentatives. Réessayez dans 1 seconde."
        );
        assert!(fr.text(french(), "error-timeout").starts_with("Le service"));
    }
}
