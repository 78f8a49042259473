#!/usr/bin/env bash
# Trunk's post_build hook of the demo and of the bench's yardstick (Trunk.toml): the hook an app
# installs, loginrocket-split (crates/split), built from this checkout. It splits the staged
# wasm at the kit's #[lazy] split points (each drop-in page but sign-in a chunk fetched with its
# route: the lazy-pages feature), names every chunk for its build and makes the loader check
# each one; wasm-split-cli, wasm-bindgen and wasm-opt come from PATH (env.sh). An app outside
# this repository runs the installed tool instead (examples/split).
set -euo pipefail
source "$(dirname "$0")/env.sh"
# the hook itself is a host program: built without the wasm build's flags
RUSTFLAGS= cargo run --quiet --locked --release --manifest-path "$ROOT/Cargo.toml" \
  -p loginrocket-split
