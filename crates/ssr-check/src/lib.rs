//! Nothing here: `tests/render.rs` renders the kit on the server (see Cargo.toml).
