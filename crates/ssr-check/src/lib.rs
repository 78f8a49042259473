//! The kit's components as a server renders them for hydration: [`forms::FORMS`] is the one
//! list that this crate's `tests/render.rs` renders (Leptos `ssr`) and `crates/hydrate-check`
//! hydrates (Leptos `hydrate`), so both halves build the same view.

pub mod forms;
