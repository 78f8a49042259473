//! **leptos-loginrocket**: Leptos components for AuthRocket's LoginRocket API — sign-in,
//! sign-up, password reset, 2FA, email verification, account choice and profile pages — with
//! the server's localized validation messages inline next to their fields, and rate limits,
//! expired links and network failures shown as UI states rather than English sentences.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_loginrocket::prelude::*;
//!
//! #[component]
//! fn SignIn() -> impl IntoView {
//!     // the kit's strings and Accept-Language; en, es and ja ship, apps add more (`i18n`)
//!     let locale = RwSignal::new(Locale::EN);
//!     view! {
//!         <LoginRocketProvider url="https://sample.e2.loginrocket.com/" locale=locale>
//!             <LoginForm
//!                 on_login=|login: loginrocket::FullLogin| leptos::logging::log!("signed in to {}", login.account)
//!                 on_conditional=|next: loginrocket::ConditionalLogin| leptos::logging::log!("next: {:?}", next.conditions)
//!             />
//!         </LoginRocketProvider>
//!     }
//! }
//! ```
//!
//! # The data path
//!
//! The folders of `src/` are its layers; each uses only the layers below it.
//!
//! ```text
//! routes/      drop-in pages on leptos_router, one file per page, and the session guard
//!   ↓
//! components/  one thin view per flow, over its hook, on shared pieces (form shell, field,
//!   ↓          alert, status region)
//! hooks/       one file per flow: use_x() / use_x_with_options() → UseXReturn, and the
//!   ↓          submit machine they share
//! context.rs   <LoginRocketProvider>: the client, the locale, the strings, the session store
//!   ↓
//! logic/       pure rules, tested natively: form state and the attribution of server
//!   ↓          messages to fields, cooldown, session rules, redirect validation
//! loginrocket  the typed client (its own crate, no Leptos inside)
//!
//! i18n/        beside every layer: locales, the catalog and its Leptos glue, the key list
//!              (the Fluent engine is the crate loginrocket-ftl)
//! platform.rs  every touch of the browser, each a no-op off it (rendering needs no window)
//! ```
//!
//! Headless use: every flow's hook (in [`hooks`]) returns field values to bind inputs to,
//! read-only state ([`FormStatus`](hooks::FormStatus), with one localized `message` for the whole form state)
//! and callbacks; the [`components`] are the same hooks with the kit's markup. Styles are
//! static CSS in `style/loginrocket.css` (no inline styles): link it, or put
//! [`LoginRocketStyles`](components::LoginRocketStyles) in the app to adopt it from the dependency.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// docs.rs (`--cfg docsrs`, nightly) marks each feature-gated item with its feature
#![cfg_attr(docsrs, feature(doc_cfg))]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

// `ftl!` expands to `::leptos_loginrocket::…`, which the kit's own tests use too
#[cfg(test)]
extern crate self as leptos_loginrocket;

pub mod components;
pub mod context;
pub mod hooks;
pub mod i18n;
mod logic;
mod platform;
pub mod prelude;
#[cfg(feature = "router")]
#[cfg_attr(docsrs, doc(cfg(feature = "router")))]
pub mod routes;

/// Compiles an app's own `.ftl` file while the app builds, for
/// [`Catalog::with_locale`](i18n::Catalog::with_locale) and
/// [`Catalog::with_ftl`](i18n::Catalog::with_ftl): the app's wasm then carries no Fluent parser, and a syntax error is
/// a compile error naming the file and line (see [`i18n::CompiledFtl`]). The path is relative
/// to the crate's `Cargo.toml`.
///
/// ```
/// use leptos_loginrocket::ftl;
/// use leptos_loginrocket::i18n::{plural, Catalog, Locale};
///
/// let fr = Locale::new("fr").unwrap();
/// // in an app: ftl!("locales/fr/kit.ftl"), next to its Cargo.toml
/// let catalog = Catalog::new()
///     .with_locale(fr, plural::FR, ftl!("demo/locales/fr/kit.ftl"))
///     .unwrap();
/// assert_eq!(catalog.text(fr, "logout"), "Se déconnecter");
/// ```
///
/// A syntax error stops the build ("tests/fixtures/broken.ftl:2: …"):
///
/// ```compile_fail
/// const BROKEN: leptos_loginrocket::i18n::CompiledFtl =
///     leptos_loginrocket::ftl!("tests/fixtures/broken.ftl");
/// ```
pub use leptos_loginrocket_macros::ftl;
/// The typed client the kit runs on (its own crate, no Leptos inside): the calls, their
/// answers and errors, for an app that names them without a dependency of its own.
pub use loginrocket;

// Every Rust snippet of the README and of the book compiles (and runs) as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeSnippets;

#[cfg(doctest)]
mod book {
    macro_rules! chapters {
        ($($name:ident: $file:literal),* $(,)?) => {$(
            #[doc = include_str!(concat!("../docs/book/src/", $file))]
            struct $name;
        )*};
    }
    chapters! {
        GettingStarted: "getting-started.md",
        DropInPages: "drop-in-pages.md",
        Headless: "headless.md",
        Theming: "theming.md",
        Locales: "locales.md",
        Persistence: "persistence.md",
        Social: "social.md",
        Backend: "backend.md",
        Ssr: "ssr.md",
        Splitting: "splitting.md",
        Client: "client.md",
        FromLoginrocketJs: "from-loginrocket-js.md",
    }
}
