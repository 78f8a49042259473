//! Every drop-in page under `/auth/…`, a home page, and an account page behind
//! `<RequireSession>`, with the session kept in `localStorage`: a reload keeps the user signed
//! in, and every tab follows a sign-in or a sign-out. `trunk serve` it (the `Trunk.toml` and
//! `start.js` beside it load it under a strict CSP).

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// Your realm's LoginRocket URL, fixed at build time; the emulator's by default.
const LR_URL: &str = match option_env!("LR_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4000",
};

fn main() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let locale = RwSignal::new(Catalog::new().browser_locale());
    let config = AuthConfig {
        app_name: Some("Acme"),
        // where a sign-in goes when no `?redirect=` says otherwise
        after_login: "/account",
        ..AuthConfig::default()
    };
    view! {
        // a reload keeps the session; see the book's "Persistence and security" for the
        // choice (memory is the default, and the safest)
        <LoginRocketProvider url=LR_URL locale=locale persistence=Persistence::LOCAL_STORAGE>
            <LoginRocketStyles/>
            <Router>
                // one landmark around every page, the kit's among them
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=Home/>
                        <Route path=path!("/account") view=|| view! { <RequireSession><Account/></RequireSession> }/>
                        <AuthRoutes config=config/>
                    </Routes>
                </main>
            </Router>
        </LoginRocketProvider>
    }
}

#[component]
fn Home() -> impl IntoView {
    let session = use_session();
    view! {
        <h1>"Acme"</h1>
        <Show
            when=move || session.state.with(SessionState::is_signed_in)
            fallback=|| view! { <A href="/auth/sign-in">"Sign in"</A> " or " <A href="/auth/sign-up">"create an account"</A> }
        >
            <A href="/account">"Your account"</A>
        </Show>
    }
}

#[component]
fn Account() -> impl IntoView {
    let session = use_session();
    let email = move || match session.state.get() {
        SessionState::SignedIn { claims, .. } => claims.email().map(str::to_owned),
        _ => None,
    };
    view! {
        <h1>"Your account"</h1>
        <p>"Signed in as " {email}</p>
        <A href="/auth/profile">"Edit your profile"</A>
        " · "
        <A href="/auth/change-password">"Change your password"</A>
        <LogoutButton/>
    }
}
