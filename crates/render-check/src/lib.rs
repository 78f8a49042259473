//! The kit's components as a server renders them for hydration, in two modes built apart
//! (Leptos' `ssr` and `hydrate` exclude each other): [`forms::FORMS`] is the one list that
//! `tests/render.rs` renders (feature `ssr`) and `tests/hydrate.rs` hydrates in headless
//! Chromium (feature `hydrate`, wasm32), so both halves build the same view.

pub mod forms;
