//! What each route of [`AuthRoutes`](super::AuthRoutes) shows. With the `lazy-pages` feature,
//! every page but sign-in is a split point: its code is a wasm chunk of its own, fetched the
//! first time its route is shown, so the first page loads only what sign-in needs. A build
//! with the feature must be split (`wasm-split-cli`; the demo's `scripts/split.sh` is the
//! Trunk hook); an unsplit one fails at load on the `__wasm_split_placeholder__` import,
//! which is why the feature is off by default.

use leptos::prelude::*;

use super::pages::*;
use super::AuthConfig;

/// `$name(config)`: the view of `$page`, lazily loaded under `lazy-pages`.
macro_rules! chunk {
    ($($name:ident => $page:ident),* $(,)?) => {$(
        #[cfg(not(feature = "lazy-pages"))]
        pub(super) fn $name(config: AuthConfig) -> impl IntoView {
            view! { <$page config=config/> }
        }

        #[cfg(feature = "lazy-pages")]
        pub(super) fn $name(config: AuthConfig) -> impl IntoView {
            #[leptos::lazy($name)]
            fn load(config: AuthConfig) -> AnyView {
                view! { <$page config=config/> }.into_any()
            }
            Suspend::new(async move { load(config).await })
        }
    )*};
}

chunk! {
    sign_up => SignUpPage,
    forgot_password => ForgotPasswordPage,
    reset_password => ResetPasswordPage,
    verify_email => VerifyEmailPage,
    two_factor => TwoFactorPage,
    choose_account => ChooseAccountPage,
    complete_profile => CompleteProfilePage,
    profile => ProfilePage,
    change_password => ChangePasswordPage,
    request_invitation => RequestInvitationPage,
    next_step => NextStepPage,
}
