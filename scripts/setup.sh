#!/usr/bin/env bash
# Installs everything the demo and the tests need on a fresh Debian 12 machine (as root, with
# only the package registries reachable). Idempotent: skips what is already there.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

step "rust targets and components"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

step "chromium + chromedriver, fonts (Latin and CJK, for the ja screenshots), brotli (Debian packages)"
APT_PACKAGES=(chromium chromium-driver fonts-liberation fonts-noto-cjk brotli)
if ! dpkg -s "${APT_PACKAGES[@]}" >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${APT_PACKAGES[@]}"
fi
chromium --version 2>/dev/null | grep -v '^\[' || true

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  # no --locked: its lockfile pins webpki-roots 1.0.11, which the registry here does not serve
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

step "trunk $TRUNK_VERSION"
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

step "wasm-split-cli $WASM_SPLIT_VERSION (route-level code splitting of release builds)"
# no --version flag: cargo's install list says which version is there
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

step "npm packages (binaryen 132 for wasm-opt, Playwright and axe-core; no browser downloads)"
if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
wasm-opt --version

step "cargo fetch (trunk runs cargo --offline)"
cargo fetch --locked
# the server-rendered demo is a workspace of its own (scripts/demo-ssr.sh)
cargo fetch --locked --manifest-path demo-ssr/Cargo.toml
