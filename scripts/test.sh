#!/usr/bin/env bash
# Every check and test: formatting, clippy (host and wasm32), docs, native tests, and the
# browser tests in headless Chromium. Exits non-zero on the first failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

# the browser crates: everything but the native-only servers
WASM_PKGS=(-p loginrocket -p leptos-loginrocket)
NATIVE_FEATURES=loginrocket/rustls,loginrocket/mock # rustls implies native

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (host)"
cargo clippy --locked --workspace --all-targets --features "$NATIVE_FEATURES" -- -D warnings

step "clippy (wasm32-unknown-unknown)"
cargo clippy --locked "${WASM_PKGS[@]}" --all-targets --features loginrocket/mock \
  --target wasm32-unknown-unknown -- -D warnings

step "docs build without warnings"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps "${WASM_PKGS[@]}" --features "$NATIVE_FEATURES"

step "native tests"
cargo test --locked --workspace --features "$NATIVE_FEATURES"

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo build --locked -p echo-server
ECHO_LOG=$(mktemp)
./target/debug/echo-server --port 0 >"$ECHO_LOG" 2>&1 &
ECHO_PID=$!
trap 'kill $ECHO_PID 2>/dev/null || true; rm -f "$ECHO_LOG"' EXIT
LR_ECHO_URL=""
for _ in $(seq 100); do # wait up to 10 s for the "listening on" line
  LR_ECHO_URL=$(sed -n 's/^listening on //p' "$ECHO_LOG")
  [ -n "$LR_ECHO_URL" ] && break
  kill -0 $ECHO_PID 2>/dev/null || break
  sleep 0.1
done
[ -n "$LR_ECHO_URL" ] || { echo "echo-server did not start:"; cat "$ECHO_LOG"; exit 1; }
export LR_ECHO_URL
cargo test --locked -p loginrocket --features mock --target wasm32-unknown-unknown --test browser
