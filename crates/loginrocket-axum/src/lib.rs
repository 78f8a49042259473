//! The server side of **leptos-loginrocket**: what an app's own backend needs to trust a
//! LoginRocket sign-in. AuthRocket's answer for Node backends is authrocket-node; this is
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
//! Still to come in this crate: the axum handler that receives the kit's
//! `Handoff::Backend` request and keeps the session in an HttpOnly cookie, an extractor for
//! handlers, and sign-out.

#![deny(missing_docs)]

mod verify;

pub use verify::{Claims, Fetch, HttpKeys, KeySource, Verifier, VerifierConfig, VerifyError};
