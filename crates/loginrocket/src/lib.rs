//! A typed Rust client for AuthRocket's **LoginRocket API**: a port of `loginrocket.js` 1.0.1
//! that runs in the browser (`wasm32`, on gloo-net's `fetch`) and natively (feature `native`,
//! on reqwest), with no Leptos and no web-sys in its public API.
//!
//! - The eleven calls of loginrocket.js, each with a typed params struct:
//!   [`login`](LoginRocket::login), [`verify_login`](LoginRocket::verify_login),
//!   [`logout`](LoginRocket::logout), [`get_session`](LoginRocket::get_session),
//!   [`forgot_password`](LoginRocket::forgot_password),
//!   [`reset_password`](LoginRocket::reset_password),
//!   [`update_password`](LoginRocket::update_password),
//!   [`update_profile`](LoginRocket::update_profile),
//!   [`request_invitation`](LoginRocket::request_invitation), [`signup`](LoginRocket::signup),
//!   [`verify_email`](LoginRocket::verify_email).
//! - Its URL and locale rules ([`normalize_lr_url`], [`LoginRocket::set_locale`]).
//! - Its error normalization ([`normalize`]): every HTTP answer and every transport failure
//!   becomes a [`Response`]; `Err` is only for calls that cannot be attempted ([`Error`]).
//!   `serde_json::to_value(&response)` is the object loginrocket.js resolves with.
//! - [`Source`] is an exhaustive enum; [`ErrorResponse::failure`] tells a timeout or an
//!   offline device from a server error; [`ErrorResponse::retry_after`] reads `Retry-After`.
//! - Secrets are [`Secret`]s: `Debug` prints `***`, and no error message carries them.
//! - The URL is checked when it is configured ([`check_lr_url`]): `https:`, or `http:` on a
//!   loopback host for a local emulator; anything else is [`Error::InvalidUrl`].
//!
//! Natively, enable the `native` feature (reqwest; add `rustls` for HTTPS) and run the calls
//! inside a tokio runtime. In the browser the `fetch` transport needs nothing.
//!
//! # Quick start
//!
//! ```no_run
//! use loginrocket::{Config, LoginParams, LoginRocket, Response, Source};
//!
//! # async fn run() -> Result<(), loginrocket::Error> {
//! let client = LoginRocket::new(Config::new("https://sample.e2.loginrocket.com/").locale("en"))?;
//! let response = client.login(&LoginParams::new("ann@example.com", "correct horse")).await?;
//! match response {
//!     Response::FullLogin(login) => println!("signed in to account {}", login.account),
//!     Response::ConditionalLogin(c) => println!("next: {:?}", c.conditions),
//!     Response::Error(e) if e.source == Some(Source::RateLimited) => {
//!         println!("slow down: {:?}", e.retry_after())
//!     }
//!     Response::Error(e) => println!("{}", e.error), // 409/422 messages are localized
//!     other => println!("{}", other.result()),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Decisions this crate takes where AuthRocket documents nothing (**\[ours\]**)
//!
//! - [`DEFAULT_TIMEOUT`] is 10 s (loginrocket.js: 4 s); there are never automatic retries.
//! - `LR-Agent` is [`LR_AGENT`], `LoginRocket/rust v<version>`.
//! - [`VerifyLoginParams`] sends `session` + `code`; [`Condition::MustVerifyLogin`] is
//!   `must_verify_login`; [`ConditionalLogin::accounts`] reads an `accounts` list.
//! - The strictness deltas and size limit listed in [`normalize`].
//! - Query strings encode arrays as `key[]=v` and nested objects as JSON text.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// docs.rs (`--cfg docsrs`, nightly) marks each feature-gated item with its feature
#![cfg_attr(docsrs, feature(doc_cfg))]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod claims;
mod client;
mod http_date;
pub mod json;
pub mod language;
pub mod normalize;
mod params;
pub mod query;
pub mod redirect;
mod response;
mod secret;
pub mod server_forms;
pub mod transport;

pub use client::{
    check_lr_url, normalize_lr_url, Config, Error, LoginRocket, DEFAULT_TIMEOUT, LR_AGENT,
};
pub use params::*;
pub use response::{
    AccountChoice, Condition, ConditionalLogin, ErrorResponse, Failure, FullLogin, Okay, Response,
    RetryAfter, Source, Success, UnknownResult,
};
pub use secret::{Extra, Secret};

// The README's example compiles as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctest;
