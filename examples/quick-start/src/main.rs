//! The quick start as an app of its own: the provider, the kit's styles from the dependency
//! (`<LoginRocketStyles/>`, no CSS file to copy), and the sign-in form.

use leptos::prelude::*;
use leptos_loginrocket::components::{LoginForm, LoginRocketStyles};
use leptos_loginrocket::context::LoginRocketProvider;
use leptos_loginrocket::i18n::Catalog;

/// The realm's LoginRocket URL, fixed at build time (the end-to-end suite's emulator).
const LR_URL: &str = match option_env!("LR_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4000",
};

fn main() {
    leptos::mount::mount_to_body(|| {
        let locale = RwSignal::new(Catalog::new().browser_locale());
        view! {
            <LoginRocketProvider url=LR_URL locale=locale>
                <LoginRocketStyles/>
                <main class="lr-page">
                    <h1 class="lr-page__title">"Sign in"</h1>
                    <LoginForm on_login=|login: leptos_loginrocket::loginrocket::FullLogin| {
                        leptos::logging::log!("signed in to account {}", login.account)
                    }/>
                </main>
            </LoginRocketProvider>
        }
    });
}
