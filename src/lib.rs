//! **leptos-loginrocket**: Leptos components for AuthRocket's LoginRocket API.
//!
//! The component kit arrives with the next issues; for now this crate re-exports the typed
//! client, [`loginrocket`], that every component is built on.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use loginrocket;
