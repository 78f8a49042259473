#!/usr/bin/env bash
# Every check and test: formatting, clippy (host and wasm32), docs, native tests, the server
# render and hydration checks, the browser tests in headless Chromium, and the end-to-end suite
# (Playwright) against the release demo and the server-rendered demo.
#
#   scripts/test.sh            every stage, in this order (what CI runs)
#   scripts/test.sh STAGE...   only these: lint, native, ssr, browser, e2e
#
# Exits non-zero on the first failure. E2E screenshots: target/e2e-artifacts/screenshots/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

# Builds for tests carry no debug info and no incremental caches. A cold run builds seven
# target directories (three workspaces of their own, wasm32 and release builds), and with both
# it needed more disk than CI has (a CI run failed with "No space left on device"). Panics
# still name their file and line. Set either variable to override.
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}
export CARGO_PROFILE_DEV_DEBUG=${CARGO_PROFILE_DEV_DEBUG:-0}
export CARGO_PROFILE_TEST_DEBUG=${CARGO_PROFILE_TEST_DEBUG:-0}

# the browser crates: everything but the native-only servers
WASM_PKGS=(-p loginrocket -p loginrocket-ftl -p leptos-loginrocket)
WASM_APPS=(-p demo -p size-probe -p bare-reference -p example-drop-in-pages -p example-headless)
NATIVE_FEATURES=loginrocket/rustls,loginrocket/mock # rustls implies native
# the crates published to crates.io, in dependency order
PUBLISHED=(-p loginrocket-ftl -p leptos-loginrocket-macros -p loginrocket -p leptos-loginrocket -p loginrocket-split
  -p loginrocket-axum -p loginrocket-emulator)

# own_workspace MANIFEST TARGET_DIR CARGO_ARGS...: a workspace of its own (it needs Leptos
# features the main one can't have): fmt --check, then clippy -D warnings and the tests, with
# CARGO_ARGS
own_workspace() {
  local manifest=$1 target=$2
  shift 2
  cargo fmt --manifest-path "$manifest" --check
  cargo clippy --locked --manifest-path "$manifest" --target-dir "$target" --all-targets "$@" -- -D warnings
  cargo test --locked --manifest-path "$manifest" --target-dir "$target" "$@"
}

lint() {
step "cargo fmt --check"
cargo fmt --all --check

step "kit hygiene: no inner_html, no autocomplete=off, no paste blocking (R10, R20)"
if grep -rnE 'inner_html|autocomplete="off"|on:paste' src/; then
  echo "forbidden in the kit (see above)"; exit 1
fi

step "clippy (host)"
cargo clippy --locked --workspace --all-targets --features "$NATIVE_FEATURES" -- -D warnings

step "clippy (wasm32-unknown-unknown)"
cargo clippy --locked "${WASM_PKGS[@]}" --all-targets --features loginrocket/mock \
  --target wasm32-unknown-unknown -- -D warnings

step "clippy (wasm32-unknown-unknown): the demo, the size probe, the bench yardstick and the examples"
cargo clippy --locked "${WASM_APPS[@]}" --target wasm32-unknown-unknown -- -D warnings

step "docs build without warnings"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps "${WASM_PKGS[@]}" -p loginrocket-axum \
  -p loginrocket-emulator --features "$NATIVE_FEATURES"

step "docs as docs.rs builds them: the packages' docs.rs metadata, --cfg docsrs (nightly's doc_cfg)"
# docs.rs runs nightly rustdoc; RUSTC_BOOTSTRAP lets this stable one take doc_cfg the same way
RUSTC_BOOTSTRAP=1 RUSTDOCFLAGS="--cfg docsrs -D warnings" cargo doc --locked --no-deps \
  -p leptos-loginrocket --features lazy-pages
RUSTC_BOOTSTRAP=1 RUSTDOCFLAGS="--cfg docsrs -D warnings" cargo doc --locked --no-deps \
  -p loginrocket --all-features

step "the published crates package as crates.io takes them, each built from its .crate"
# metadata, include lists and no path-only dependency; the workspace's unpublished crates are
# served to each other from a local registry. --allow-dirty: what is checked is the tree as is
# cargo extracts a local registry's crate once per version and reuses it on the next run, so
# a warm machine would build an earlier run's sources: drop those extractions first
rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*
cargo package --locked --allow-dirty "${PUBLISHED[@]}"
}

native() {
step "native tests"
cargo test --locked --workspace --features "$NATIVE_FEATURES"
}

ssr() {
step "server rendering (crates/render-check, its own workspace, Leptos ssr): every component and drop-in page"
# its tests also write target/hydration-fixtures/, which the next step hydrates
own_workspace crates/render-check/Cargo.toml target/render-check --features ssr

step "hydration (crates/render-check, Leptos hydrate) in headless Chromium, over that server render"
own_workspace crates/render-check/Cargo.toml target/render-check --features hydrate \
  --target wasm32-unknown-unknown

step "the server-rendered demo (demo-ssr/, its own workspace): fmt, clippy on both halves, tests"
# with the flags of its build (scripts/demo-ssr.sh), so the test build's artifacts serve it too
RUSTFLAGS=$DEMO_SSR_RUSTFLAGS own_workspace demo-ssr/Cargo.toml target/demo-ssr --features ssr
RUSTFLAGS=$DEMO_SSR_RUSTFLAGS cargo clippy --locked --manifest-path demo-ssr/Cargo.toml \
  --target-dir target/demo-ssr --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings

step "examples/ssr (its own workspace): fmt, clippy on both halves, with demo-ssr's build"
# demo-ssr's target directory and flags: the dependencies its build compiled are reused
RUSTFLAGS=$DEMO_SSR_RUSTFLAGS own_workspace examples/ssr/Cargo.toml target/demo-ssr --features ssr
RUSTFLAGS=$DEMO_SSR_RUSTFLAGS cargo clippy --locked --manifest-path examples/ssr/Cargo.toml \
  --target-dir target/demo-ssr --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings
}

browser() {
step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo build --locked -p echo-server -p loginrocket-emulator
PIDS=()
LOGS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; rm -f "${LOGS[@]}"' EXIT
# start_server NAME CMD...: runs CMD, waits (up to 20 s) for its "listening on URL" line, sets $URL
start_server() {
  local name=$1 log
  shift
  log=$(mktemp)
  LOGS+=("$log")
  "$@" >"$log" 2>&1 &
  PIDS+=($!)
  URL=""
  for _ in $(seq 200); do
    URL=$(sed -n 's/^listening on //p' "$log")
    [ -n "$URL" ] && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name did not start:"; cat "$log"; exit 1
}
start_server echo-server ./target/debug/echo-server --port 0
export LR_ECHO_URL=$URL
start_server loginrocket-emulator ./target/debug/loginrocket-emulator --port 0 \
  --control-origin "http://$KIT_TEST_ADDRESS"
export LR_EMULATOR_URL=$URL
cargo test --locked -p loginrocket --features mock --target wasm32-unknown-unknown --test browser
WASM_BINDGEN_TEST_ADDRESS=$KIT_TEST_ADDRESS cargo test --locked -p leptos-loginrocket \
  --target wasm32-unknown-unknown --test forms --test i18n --test hooks --test session --test routes --test hosted --test emulator_e2e
}

e2e() {
step "end-to-end: the release demo under the production CSP, against the emulator (Playwright + Chromium)"
# e2e/playwright.config.mjs starts the emulator on 4790 and serves this build on 4791
RUSTFLAGS=$DEMO_RUSTFLAGS LR_URL=$E2E_LR_URL trunk build --release --offline --dist target/e2e-dist
# and the apps outside the workspace that take the kit from git (e2e/tests/example-*.spec.mjs):
# the quick start, and the split example with the installed hook
scripts/example-app.sh quick-start
scripts/example-app.sh split
# and the server-rendered demo, both halves (e2e/tests/ssr.spec.mjs)
scripts/demo-ssr.sh --build-only
npx playwright test -c e2e
echo "screenshots: target/e2e-artifacts/screenshots/"
}

STAGES=(lint native ssr browser e2e)
[ $# -gt 0 ] && STAGES=("$@")
for stage in "${STAGES[@]}"; do
  case $stage in
    lint | native | ssr | browser | e2e) "$stage" ;;
    *) echo "unknown stage $stage (lint, native, ssr, browser, e2e)"; exit 2 ;;
  esac
done
