//! The kit's pure logic, free of Leptos signals and the DOM, tested natively: which field a
//! server message belongs to and which UI state an answer puts a form in
//! ([`form_state`]), the session's rules ([`session`]: what to keep, when to refresh), and
//! which redirect targets are safe ([`redirect`]).

pub(crate) mod form_state;
pub(crate) mod redirect;
pub(crate) mod session;
