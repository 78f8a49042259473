//! The kit in a server-rendered app: axum renders the pages (the kit's auth pages among them),
//! the browser hydrates them, and a sign-in ends in the backend's HttpOnly cookie. The kit's
//! `Handoff::Backend` hands the token to `loginrocket_axum::LoginRocketAuth`, which verifies
//! it against the realm's keys, sets the cookie and redirects: the browser never keeps the
//! token.
//!
//! [`App`] is compiled twice: with `ssr` into the server (`src/main.rs`), with `hydrate` into
//! the wasm that [`hydrate`] starts. Build and run (the emulator on 127.0.0.1:4000):
//!
//! ```sh
//! cargo build --lib --release --target wasm32-unknown-unknown --features hydrate
//! wasm-bindgen --target web --no-typescript --out-dir site/pkg --out-name example_ssr \
//!   target/wasm32-unknown-unknown/release/example_ssr.wasm
//! cargo run --features ssr          # http://127.0.0.1:3000
//! ```

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;
use leptos_loginrocket::routes::Handoff;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, SsrMode};

/// Your realm's LoginRocket URL, the same in both halves (fixed at build time); the
/// emulator's by default.
pub const LR_URL: &str = match option_env!("LR_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4000/",
};

/// The backend's hand-off and sign-out routes (`loginrocket_axum::SessionConfig`'s defaults).
pub const HANDOFF_PATH: &str = "/session/new";
/// See [`HANDOFF_PATH`].
pub const LOGOUT_PATH: &str = "/session/logout";

/// The email of the request's session cookie's user, or `None` without a valid session. The
/// server's render calls it directly; after hydration, a navigation calls it over HTTP.
#[server]
pub async fn signed_in_email() -> Result<Option<String>, ServerFnError> {
    use loginrocket_axum::{LoginRocketAuth, LoginRocketSession};
    let auth = use_context::<LoginRocketAuth>()
        .ok_or_else(|| ServerFnError::new("the server provides LoginRocketAuth"))?;
    // an invalid or expired cookie is no session
    let session: Option<LoginRocketSession> = leptos_axum::extract_with_state(&auth).await?;
    Ok(session.and_then(|s| s.claims().email().map(str::to_owned)))
}

/// The app, on the server and in the browser.
#[component]
pub fn App() -> impl IntoView {
    let config = AuthConfig {
        // a sign-in goes to the backend, which sets its cookie and goes on to the account
        handoff: Handoff::Backend(HANDOFF_PATH),
        after_login: "/account",
        app_name: Some("SSR example"),
        ..AuthConfig::default()
    };
    view! {
        <LoginRocketProvider url=LR_URL>
            <Router>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=Home/>
                        <Route path=path!("/account") view=Account ssr=SsrMode::Async/>
                        <AuthRoutes config=config/>
                    </Routes>
                </main>
            </Router>
        </LoginRocketProvider>
    }
}

#[component]
fn Home() -> impl IntoView {
    view! {
        <h1>"SSR example"</h1>
        <p><A href="/auth/sign-in">"Sign in"</A> " · " <A href="/account">"Your account"</A></p>
    }
}

/// Only a signed-in user's, read from the backend's cookie by the server.
#[component]
fn Account() -> impl IntoView {
    let email = Resource::new_blocking(|| (), |()| signed_in_email());
    view! {
        <h1>"Your account"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || email.get().map(|email| match email {
                Ok(Some(email)) => view! {
                    <p>"Signed in as " {email}</p>
                    // a plain form: it works before hydration; the backend refuses it cross-site
                    <form method="post" action=LOGOUT_PATH>
                        <button type="submit">"Sign out"</button>
                    </form>
                }.into_any(),
                Ok(None) => view! {
                    <p><A href="/auth/sign-in?redirect=%2Faccount">"Sign in"</A> " to see your account."</p>
                }.into_any(),
                Err(e) => view! { <p role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

/// The browser half's entry: hydrates the server's markup (`HydrationScripts` calls it).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_body(App);
}
