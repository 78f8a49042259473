//! The kit's pure logic, free of Leptos signals and the DOM, tested natively: which field a
//! server message belongs to ([`fields`]), which UI state an answer puts a form in
//! ([`form_state`]), the session's rules ([`session`]: what to keep, when to refresh), and
//! how a return from the realm's hosted pages is judged ([`hosted`]).
//! Which redirect targets are safe is the client crate's (`loginrocket::redirect`), shared
//! with the backend crate.

pub(crate) mod fields;
pub(crate) mod form_state;
pub(crate) mod hosted;
pub(crate) mod session;
