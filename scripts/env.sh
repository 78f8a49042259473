# Sourced by the other scripts: paths and settings shared by setup, tests and the demo.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# wasm-opt 132 from npm first (Debian bookworm's binaryen 108 produces a wasm that fails at load)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# the demo's builds: Leptos type-erases every component's view, 7 kB gzip less wasm for the
# demo (it makes the smaller size probe 1.8 kB larger, so it is not set for every build)
# --emit-relocs: wasm-split-cli needs the relocations to split the demo (loginrocket-split)
DEMO_RUSTFLAGS="--cfg erase_components -C link-arg=--emit-relocs"
# the server-rendered demo's builds, both halves: erased views are 20 kB gzip less wasm, and a
# server and a browser must agree on it (an erased browser half fails to hydrate the markup of
# an unerased server, and the other way round)
DEMO_SSR_RUSTFLAGS="--cfg erase_components"
# the emulator of the end-to-end suite and the benchmark (see e2e/playwright.config.mjs)
E2E_LR_URL=http://127.0.0.1:4790
# the kit's browser tests run on this address, which the emulator names as its one control
# origin (its control API answers no other web page)
KIT_TEST_ADDRESS=127.0.0.1:4793
TRUNK_VERSION=0.21.14 # 0.22.x needs rustc >= 1.96.1
WASM_SPLIT_VERSION=0.2.4 # the splitter leptos 0.8's #[lazy] needs (wasm_split_helpers 0.2.3)
# the wasm-bindgen CLI must equal the library version in Cargo.lock
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")

# each step says when it started, so a CI log shows what each one took
step() { printf '\n==> %s (%s)\n' "$*" "$(date +%T)"; }
