use leptos::prelude::*;

use crate::components::{HostedOptions, LoginForm};
use crate::context::use_loginrocket;
use crate::hooks::use_hosted_sign_in::{last_used, remember_method};
use crate::logic::hosted::PASSWORD_METHOD;
use crate::routes::page::{Audience, PageFrame, PageLinks};
use crate::routes::Navigator;
use crate::routes::{AuthConfig, AuthPage};

/// The sign-in page: [`LoginForm`](crate::components::LoginForm), then the destination or the next step; [`AuthConfig::hosted`]'s ways next to it (the one this browser used last marked); links to forgot password and sign up.
///
/// [`AuthRoutes`](crate::routes::AuthRoutes) mounts it at [`AuthPaths::sign_in`](crate::routes::AuthPaths::sign_in);
/// an app with routes of its own can mount it anywhere.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::routes::SignInPage;
///
/// #[component]
/// fn Mine() -> impl IntoView {
///     view! { <SignInPage/> }
/// }
/// ```
#[component]
pub fn SignInPage(
    /// Paths and destinations.
    #[prop(optional)]
    config: Option<AuthConfig>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let cfg = config.unwrap_or_default();
    let nav = Navigator::new(&cfg);
    // with more than one way to sign in, the password form is one to remember ("Last used")
    let remember = cfg.hosted.offered() && cfg.hosted.remember_last_used;
    let used_password = move || {
        if remember {
            remember_method(PASSWORD_METHOD);
        }
    };
    let on_login = Callback::new(move |login| {
        used_password();
        nav.signed_in.run(login);
    });
    let on_conditional = Callback::new(move |step| {
        used_password();
        nav.conditional.run(step);
    });
    let last = last_used(remember);
    let marked = move || last.with(|l| l.as_deref() == Some(PASSWORD_METHOD));
    view! {
        <PageFrame page=AuthPage::SignIn config=cfg.clone() audience=Audience::SignedOut>
            <div class="lr-method" data-last-used=move || marked().then_some("")>
                <Show when=marked>
                    <p class="lr-badge">{ctx.text_of("hosted-last-used")}</p>
                </Show>
                <LoginForm on_login=on_login on_conditional=on_conditional/>
            </div>
            <HostedOptions hosted=cfg.hosted/>
            <PageLinks config=cfg.clone() links=&[(AuthPage::ForgotPassword, "link-forgot-password"), (AuthPage::SignUp, "link-sign-up")]/>
        </PageFrame>
    }
}
