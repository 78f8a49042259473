#!/usr/bin/env bash
# The server-rendered demo (demo-ssr/): builds its browser half (Leptos hydrate, release wasm,
# wasm-bindgen, wasm-opt) into target/demo-ssr/site/pkg and its axum server (Leptos ssr), then
# serves it on http://127.0.0.1:3000 with a LoginRocket emulator inside the server. Ctrl-C stops it.
#   scripts/demo-ssr.sh [SERVER ARGS...]   e.g. --port 3001, --lr-url http://127.0.0.1:4000/v2/
#   scripts/demo-ssr.sh --build-only       builds both halves (scripts/test.sh, for the E2E suite)
# demo-ssr is a workspace of its own: its two halves must never be unified in one build.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
TARGET=target/demo-ssr
MANIFEST=(--locked --manifest-path demo-ssr/Cargo.toml --target-dir "$TARGET")
# both halves alike (see env.sh)
export RUSTFLAGS=$DEMO_SSR_RUSTFLAGS

step "demo-ssr: the browser half (hydrate)"
cargo build "${MANIFEST[@]}" --lib --release --target wasm32-unknown-unknown --features hydrate
rm -rf "$TARGET/site/pkg" # no file of an earlier build stays
mkdir -p "$TARGET/site/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$TARGET/site/pkg" --out-name demo_ssr \
  "$TARGET/wasm32-unknown-unknown/release/demo_ssr.wasm"
wasm-opt -Oz \
  "$TARGET/site/pkg/demo_ssr_bg.wasm" -o "$TARGET/site/pkg/demo_ssr_bg.wasm"

step "demo-ssr: the server (ssr)"
cargo build "${MANIFEST[@]}" --bin demo-ssr --features ssr

[ "${1:-}" = "--build-only" ] && exit 0
exec "$TARGET/debug/demo-ssr" --site "$TARGET/site" "$@"
