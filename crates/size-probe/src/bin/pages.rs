//! A small routed app as a new user writes it (a home and a guarded page) with the kit's
//! drop-in pages: `<AuthRoutes/>` and `<RequireSession>`. Measured by `scripts/size.sh` beside
//! `pages_bare` (the same app without the kit): the difference is what the drop-in pages cost
//! such an app.

use leptos::prelude::*;
use leptos_loginrocket::context::LoginRocketProvider;
use leptos_loginrocket::i18n::Catalog;
use leptos_loginrocket::routes::{AuthRoutes, RequireSession};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

fn main() {
    leptos::mount::mount_to_body(|| {
        let locale = RwSignal::new(Catalog::new().browser_locale());
        view! {
            <LoginRocketProvider url="http://127.0.0.1:4000" locale=locale>
                <Router>
                    <nav><A href="/">"Home"</A>" "<A href="/account">"Account"</A></nav>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=|| view! { <h1>"Home"</h1> }/>
                        <Route path=path!("/account") view=|| view! {
                            <RequireSession><h1>"Your account"</h1></RequireSession>
                        }/>
                        <AuthRoutes/>
                    </Routes>
                </Router>
            </LoginRocketProvider>
        }
    })
}
