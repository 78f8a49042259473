#!/usr/bin/env bash
# Measures what the kit costs: builds crates/size-probe (an app with the four forms) in
# release (opt-level z, LTO, one codegen unit), runs wasm-bindgen and wasm-opt -Oz, and prints
# raw, gzip -9 and brotli -q 11 sizes of the wasm and the JS glue. A measurement, not a test.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
OUT=${1:-target/size-probe}
cargo build --locked -p size-probe --target wasm32-unknown-unknown --release
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" --out-name app \
  target/wasm32-unknown-unknown/release/size-probe.wasm
wasm-opt -Oz "$OUT/app_bg.wasm" -o "$OUT/app_bg.wasm"
row() {
  local f=$1 raw gz br
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-14s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  TOTAL_RAW=$((TOTAL_RAW + raw)); TOTAL_GZ=$((TOTAL_GZ + gz)); TOTAL_BR=$((TOTAL_BR + br))
}
TOTAL_RAW=0 TOTAL_GZ=0 TOTAL_BR=0
printf '%-14s %10s %10s %10s\n' file raw gzip brotli
row "$OUT/app_bg.wasm"
row "$OUT/app.js"
printf '%-14s %10d %10d %10d\n' "wasm + js" "$TOTAL_RAW" "$TOTAL_GZ" "$TOTAL_BR"
printf 'budget: 160 kB gzip of wasm + JS -> %s\n' "$([ "$TOTAL_GZ" -le 160000 ] && echo within || echo OVER)"
