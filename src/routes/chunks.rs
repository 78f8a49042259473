//! What each route of [`AuthRoutes`](super::AuthRoutes) shows. With the `lazy-pages` feature,
//! every page but sign-in is a split point: its code is a wasm chunk of its own
//! (`split_lr_<page>.wasm`), fetched the first time its route is shown, so the first page
//! loads only what sign-in needs. A build with the feature must be split (Trunk's hook
//! `loginrocket-split`, which the book's "Code splitting" sets up); an unsplit one fails at load on the
//! `__wasm_split_placeholder__` import, which is why the feature is off by default.
//!
//! A chunk that can't be fetched (offline, a failing server) is a state of its page, not a
//! crash: the page's card says so and offers to try again.

use leptos::prelude::*;

use super::pages::*;
use super::{AuthConfig, AuthPage};

/// `page(page, config)`: the view of `page`. Sign-in's is in place; under `lazy-pages` every
/// other page's is loaded from the chunk of its row (`split_lr_<page>`), each row's loader a
/// function pointer handed to one copy of the loading view (no generic per page).
macro_rules! chunk {
    ($($page:ident in $chunk:ident as $which:ident),* $(,)?) => {
        #[cfg(not(feature = "lazy-pages"))]
        pub(super) fn page(page: AuthPage, config: AuthConfig) -> AnyView {
            match page {
                $(AuthPage::$which => view! { <$page config=config/> }.into_any(),)*
                AuthPage::SignIn => view! { <SignInPage config=config/> }.into_any(),
            }
        }

        #[cfg(feature = "lazy-pages")]
        pub(super) fn page(page: AuthPage, config: AuthConfig) -> AnyView {
            $(
                // `fallible`: a failed fetch is an `Err` here (by default it would panic, and
                // a panic aborts the whole wasm module)
                #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn $chunk(config: AuthConfig) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                    Ok(view! { <$page config=config/> }.into_any())
                }
            )*
            let load: fn(AuthConfig) -> lazy::Loading = match page {
                $(AuthPage::$which => |config| Box::pin($chunk(config)),)*
                AuthPage::SignIn => return view! { <SignInPage config=config/> }.into_any(),
            };
            lazy::page(page, config, load).into_any()
        }
    };
}

chunk! {
    SignUpPage in lr_sign_up as SignUp,
    ForgotPasswordPage in lr_forgot_password as ForgotPassword,
    ResetPasswordPage in lr_reset_password as ResetPassword,
    VerifyEmailPage in lr_verify_email as VerifyEmail,
    TwoFactorPage in lr_two_factor as TwoFactor,
    ChooseAccountPage in lr_choose_account as ChooseAccount,
    CompleteProfilePage in lr_complete_profile as CompleteProfile,
    ProfilePage in lr_profile as Profile,
    ChangePasswordPage in lr_change_password as ChangePassword,
    RequestInvitationPage in lr_request_invitation as RequestInvitation,
    NextStepPage in lr_next_step as NextStep,
    CallbackPage in lr_callback as Callback,
}

#[cfg(feature = "lazy-pages")]
mod lazy {
    use std::future::Future;
    use std::pin::Pin;

    use leptos::prelude::*;
    use leptos::wasm_split::SplitLoaderError;

    use super::{AuthConfig, AuthPage};
    use crate::components::Alert;
    use crate::context::use_loginrocket;
    use crate::routes::page::PageFrame;

    /// A page's chunk, loading: its view, or why it could not be fetched.
    pub(super) type Loading =
        Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>> + Send>>;

    /// `page`, from its chunk: shown when the chunk is in; if it can't be fetched, the page's
    /// card with the reason and "Try again" (a new fetch: failures are not cached). One copy
    /// for every page (a function pointer, not a generic).
    pub(super) fn page(
        page: AuthPage,
        config: AuthConfig,
        load: fn(AuthConfig) -> Loading,
    ) -> impl IntoView {
        let attempt = RwSignal::new(0_u32);
        move || {
            attempt.track();
            let config = config.clone();
            Suspend::new(async move {
                match load(config.clone()).await {
                    Ok(view) => view,
                    Err(_) => failed(page, config, attempt),
                }
            })
        }
    }

    fn failed(page: AuthPage, config: AuthConfig, attempt: RwSignal<u32>) -> AnyView {
        let ctx = use_loginrocket();
        view! {
            <PageFrame page=page config=config>
                // laid out as a form's alert and retry are
                <div class="lr-form">
                    <Alert text=ctx.text_of("page-load-failed")/>
                    <button type="button" class="lr-button lr-form__retry" on:click=move |_| attempt.update(|n| *n += 1)>
                        {ctx.text_of("retry")}
                    </button>
                </div>
            </PageFrame>
        }
        .into_any()
    }
}
