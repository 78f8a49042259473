//! The README's quick start as an app: the provider and `<LoginForm>`, nothing else. Measured
//! by `scripts/size.sh` beside `bare_form` (the same form in bare Leptos): the difference is
//! what the kit's base costs an app before its second flow.

use leptos::prelude::*;
use leptos_loginrocket::components::LoginForm;
use leptos_loginrocket::context::LoginRocketProvider;
use leptos_loginrocket::i18n::Catalog;
use leptos_loginrocket::loginrocket;

fn main() {
    leptos::mount::mount_to_body(|| {
        let locale = RwSignal::new(Catalog::new().browser_locale());
        view! {
            <LoginRocketProvider url="http://127.0.0.1:4000" locale=locale>
                <LoginForm on_login=|login: loginrocket::FullLogin| leptos::logging::log!("{}", login.account)/>
            </LoginRocketProvider>
        }
    })
}
