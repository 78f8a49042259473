//! Nothing here: `tests/hydrate.rs` hydrates the kit in the browser (see Cargo.toml).
