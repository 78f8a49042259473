//! The quick start with the session in `Persistence::LOCAL_STORAGE` (localStorage: kept across restarts, shared by every tab (one refreshes at a time)): measured by
//! `scripts/size.sh` beside `quickstart` (the default, memory), the difference is what the
//! choice costs in bytes.

use leptos::prelude::*;
use leptos_loginrocket::components::LoginForm;
use leptos_loginrocket::context::{LoginRocketProvider, Persistence};
use leptos_loginrocket::i18n::Catalog;
use leptos_loginrocket::loginrocket;

fn main() {
    leptos::mount::mount_to_body(|| {
        let locale = RwSignal::new(Catalog::new().browser_locale());
        view! {
            <LoginRocketProvider url="http://127.0.0.1:4000" locale=locale persistence=Persistence::LOCAL_STORAGE>
                <LoginForm on_login=|login: loginrocket::FullLogin| leptos::logging::log!("{}", login.account)/>
            </LoginRocketProvider>
        }
    })
}
