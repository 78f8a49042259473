//! A small app with the kit's four forms, built by `scripts/size.sh` to measure what the kit
//! costs in a release build.

use leptos::prelude::*;
use leptos_loginrocket::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let locale = RwSignal::new(Locale::EN);
        view! {
            <LoginRocketProvider url="http://127.0.0.1:4000" locale=locale>
                <LoginForm on_login=|l: loginrocket::FullLogin| leptos::logging::log!("{}", l.account)/>
                <SignupForm fields=SignupFields { name: FieldMode::Optional, ..Default::default() }/>
                <ForgotPasswordForm/>
                <ResetPasswordForm token="tpw:probe"/>
            </LoginRocketProvider>
        }
    })
}
