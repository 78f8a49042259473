#!/usr/bin/env bash
# Measures what the kit costs: builds crates/size-probe's apps (the four forms; the quick
# start, provider + <LoginForm>; a bare Leptos form with one POST; a small routed app with the
# drop-in pages, and the same app without them) in release (opt-level z, LTO,
# one codegen unit), runs wasm-bindgen and wasm-opt -Oz, and prints raw, gzip -9 and
# brotli -q 11 sizes of the wasm and the JS glue, the quick start's cost over the bare form
# and the drop-in pages' over the app without them. A measurement, not a test.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
OUT=${1:-target/size-probe}
cargo build --locked -p size-probe --bins --target wasm32-unknown-unknown --release
rm -rf "$OUT" && mkdir -p "$OUT"
row() {
  local f=$1 raw gz br
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-22s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  TOTAL_RAW=$((TOTAL_RAW + raw)); TOTAL_GZ=$((TOTAL_GZ + gz)); TOTAL_BR=$((TOTAL_BR + br))
}
# measure BIN: wasm-bindgen and wasm-opt -Oz as a release app ships, then a table; sets $TOTAL_GZ
measure() {
  local bin=$1 dir="$OUT/$1"
  mkdir -p "$dir"
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name app \
    "target/wasm32-unknown-unknown/release/$bin.wasm"
  wasm-opt -Oz "$dir/app_bg.wasm" -o "$dir/app_bg.wasm"
  TOTAL_RAW=0 TOTAL_GZ=0 TOTAL_BR=0
  printf '\n%s\n%-22s %10s %10s %10s\n' "$2" file raw gzip brotli
  row "$dir/app_bg.wasm"
  row "$dir/app.js"
  printf '%-22s %10d %10d %10d\n' "wasm + js" "$TOTAL_RAW" "$TOTAL_GZ" "$TOTAL_BR"
}

measure size-probe "the four forms (crates/size-probe)"
printf 'budget: 160 kB gzip of wasm + JS -> %s\n' "$([ "$TOTAL_GZ" -le 160000 ] && echo within || echo OVER)"
measure quickstart "the quick start: provider + <LoginForm> (src/bin/quickstart.rs)"
QUICK=$TOTAL_GZ
measure bare_form "a bare Leptos form with one POST (src/bin/bare_form.rs)"
BARE=$TOTAL_GZ
printf '\nthe quick start over the bare form: %d B gzip (target: 30000 -> %s)\n' \
  "$((QUICK - BARE))" "$([ $((QUICK - BARE)) -le 30000 ] && echo within || echo OVER)"
measure pages "a routed app with the drop-in pages: <AuthRoutes/> + <RequireSession> (src/bin/pages.rs)"
PAGES=$TOTAL_GZ
measure pages_bare "the same app without the kit (src/bin/pages_bare.rs)"
PAGES_BARE=$TOTAL_GZ
printf '\nthe drop-in pages over the same app without them (unsplit): %d B gzip (target: 60000 -> %s)\n' \
  "$((PAGES - PAGES_BARE))" "$([ $((PAGES - PAGES_BARE)) -le 60000 ] && echo within || echo OVER)"
