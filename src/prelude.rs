//! What an app writes, in one import: the provider, the components, the hooks, the drop-in
//! pages and the locale. Every item here is documented at its own path, where it lives
//! ([`components`](crate::components), [`hooks`](crate::hooks),
//! [`context`](crate::context), [`i18n`](crate::i18n), [`routes`](crate::routes)).
//!
//! It sits beside leptos' own prelude without a clash:
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_loginrocket::prelude::*;
//!
//! const PROVIDERS: &[Provider] = &[Provider::new("google", "Google")];
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     let locale = RwSignal::new(Locale::EN);
//!     view! {
//!         <LoginRocketProvider url="https://sample.e2.loginrocket.com/" locale=locale>
//!             <LoginRocketStyles />
//!             <LoginForm />
//!             <HostedOptions hosted=HostedSignIn { providers: PROVIDERS, ..HostedSignIn::default() } />
//!         </LoginRocketProvider>
//!     }
//! }
//! ```
//!
//! Left out, to be named by their path: the stylesheet's text, and what only a custom setup
//! names (the `Translator`, compiled Fluent and its chunks, the session store's calls and
//! notices, the routes' page names).

#[doc(no_inline)]
pub use crate::components::{
    AccountPicker, ChangePasswordForm, CompleteProfileForm, ForgotPasswordForm, HostedCallback,
    HostedOptions, HostedSignIn, LoginForm, LoginRocketStyles, LogoutButton, NextStepFallback,
    ProfileForm, Provider, RequestInvitationForm, ResetPasswordForm, SignupForm, TwoFactorForm,
    VerifyEmail,
};
#[doc(no_inline)]
pub use crate::context::{
    use_loginrocket, KitOptions, LoginRocketContext, LoginRocketProvider, Persistence,
    SessionState, SessionStore,
};
#[cfg(feature = "lazy-pages")]
#[doc(no_inline)]
pub use crate::ftl_chunk;
#[doc(no_inline)]
pub use crate::hooks::*;
#[doc(no_inline)]
pub use crate::i18n::{Catalog, Locale};
#[cfg(feature = "router")]
#[doc(no_inline)]
pub use crate::routes::{AuthConfig, AuthPage, AuthPaths, AuthRoutes, RequireSession};
#[doc(no_inline)]
pub use crate::{ftl, loginrocket};
