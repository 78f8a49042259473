//! The drop-in pages, split by route with the `lazy-pages` feature: the first load carries
//! sign-in and English only, and every other page (and language) is a chunk fetched when it
//! is first shown. `trunk build --release` with `loginrocket-split` installed (see
//! `Trunk.toml` and `.cargo/config.toml`); the code is the same as without the feature.

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
    view! {
        <LoginRocketProvider url=LR_URL locale=locale>
            <LoginRocketStyles/>
            <Router>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=|| view! { <A href="/auth/sign-in">"Sign in"</A> }/>
                        <Route path=path!("/account") view=|| view! { <RequireSession><p>"Your account"</p></RequireSession> }/>
                        <AuthRoutes config=AuthConfig { app_name: Some("Acme"), ..AuthConfig::default() }/>
                    </Routes>
                </main>
            </Router>
        </LoginRocketProvider>
    }
}
