//! The yardstick `scripts/bench` measures beside the demo: what the issue calls "a bare Leptos
//! form with router and one request" — two routes, a sign-in form, one `POST /v2/login` with
//! gloo-net, the answer shown as text. No kit, no i18n, no error handling worth the name.
//! Built with the demo's release settings so both figures come from the same build and harness.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

mod form;

use form::SignIn;

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <nav><A href="/">"Home"</A>" "<A href="/auth/sign-in">"Sign in"</A></nav>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=|| view! { <h1>"Home"</h1> }/>
                    <Route path=path!("/auth/sign-in") view=SignIn/>
                </Routes>
            </Router>
        }
    })
}
