//! The server side of **leptos-loginrocket** on axum: what an app's own backend needs to
//! trust a LoginRocket sign-in and keep it. AuthRocket's answer for Node backends is authrocket-node; this is
//! the Rust one.
//!
//! This version has the first part, [`Verifier`]: it verifies a LoginRocket JWT against the
//! realm's signing keys (its JWKS, `/connect/jwks`), with a well-kept JWT crate
//! (`jsonwebtoken`), not hand-written crypto. It checks the signature, `exp` and `nbf` with a
//! small leeway, and the issuer, audience and realm where you name them; it caches the keys,
//! fetches them again for a key id it doesn't know (at most once per
//! [`refetch_interval`](VerifierConfig::refetch_interval)), never accepts a token on keys
//! older than [`keys_lifetime`](VerifierConfig::keys_lifetime), and takes each key's
//! algorithm from the key, so `alg: none` and algorithm confusion (an HMAC token "signed"
//! with the public key) are refused.
//!
//! ```no_run
//! use loginrocket_axum::{HttpKeys, Verifier, VerifierConfig};
//!
//! # async fn check(token: &str) -> Result<(), loginrocket_axum::VerifyError> {
//! let verifier = Verifier::new(
//!     HttpKeys::for_loginrocket("https://sample.e2.loginrocket.com/"),
//!     VerifierConfig { realm: Some("rl_123".into()), ..VerifierConfig::default() },
//! );
//! let claims = verifier.verify(token).await?;
//! println!("signed in: {}", claims.subject().unwrap_or("?"));
//! # Ok(()) }
//! ```
//!
//! On it, [`LoginRocketAuth`] keeps the session in the app's own HttpOnly cookie: its
//! hand-off route receives the kit's `Handoff::Backend` navigation (`?token=<JWT>&redirect=…`),
//! its sign-out route clears the cookie, both refuse cross-site requests, and the
//! [`LoginRocketSession`] extractor gives handlers the verified claims.

#![deny(missing_docs)]

mod session;
mod verify;

pub use session::{LoginRocketAuth, LoginRocketSession, SessionConfig, SessionRejection};
pub use verify::{Claims, Fetch, HttpKeys, KeySource, Verifier, VerifierConfig, VerifyError};
