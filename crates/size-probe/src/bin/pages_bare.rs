//! `pages` without the kit: the same routed app (a home and an account page), for
//! `scripts/size.sh` to measure the drop-in pages against.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <nav><A href="/">"Home"</A>" "<A href="/account">"Account"</A></nav>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=|| view! { <h1>"Home"</h1> }/>
                    <Route path=path!("/account") view=|| view! { <h1>"Your account"</h1> }/>
                </Routes>
            </Router>
        }
    })
}
