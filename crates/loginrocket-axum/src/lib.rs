//! The server side of **leptos-loginrocket** on axum: what an app's own backend needs to
//! trust a LoginRocket sign-in and keep it. AuthRocket's answer for Node backends is authrocket-node; this is
//! the Rust one.
//!
//! [`Verifier`] verifies a LoginRocket JWT against the realm's signing keys (its JWKS,
//! `/connect/jwks`), or a realm's HS256 secret ([`Verifier::hs256`]), with a well-kept JWT
//! crate (`jsonwebtoken`), not hand-written crypto. It checks the signature, `exp` and `nbf`
//! with a small leeway, the issuer ([`AUTHROCKET_ISSUER`] by default, required), and the
//! audience and realm where you name them; it caches the keys, fetches them again for a key
//! id it doesn't know (at most once per
//! [`refetch_interval`](VerifierConfig::refetch_interval)), keeps the last good keys for
//! [`stale_if_error`](VerifierConfig::stale_if_error) past their
//! [`keys_lifetime`](VerifierConfig::keys_lifetime) while the endpoint fails, and takes each
//! key's algorithm from the key, so `alg: none` and algorithm confusion (an HMAC token
//! "signed" with the public key) are refused. [`Claims`] give the user's memberships and
//! their permissions.
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
//! hand-off route receives the kit's `Handoff::Backend` navigation (`?token=<JWT>&redirect=…`)
//! and sets a `__Host-`, `Secure` cookie, its sign-out route clears it, both refuse
//! cross-site requests (the hand-off also anything but a top-level navigation from a page of
//! the app), and the
//! [`LoginRocketSession`] extractor gives handlers the verified claims. With
//! [`checking_liveness`](LoginRocketAuth::checking_liveness), a session that ended at
//! LoginRocket (signed out elsewhere) ends here too.

#![deny(missing_docs)]

mod forms;
mod liveness;
mod session;
mod verify;

pub use forms::{emailed_links, FormPages};
pub use loginrocket::claims::Membership;
pub use session::{LoginRocketAuth, LoginRocketSession, SessionConfig, SessionRejection};
pub use verify::{
    Claims, Fetch, HttpKeys, KeySource, Verifier, VerifierConfig, VerifyError, AUTHROCKET_ISSUER,
};
