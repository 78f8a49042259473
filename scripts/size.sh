#!/usr/bin/env bash
# Measures what the kit costs: builds crates/size-probe's apps (the four forms; the quick
# start, provider + <LoginForm>; a bare Leptos form with one POST; a small routed app with the
# drop-in pages, and the same app without them) in release (opt-level z, LTO,
# one codegen unit), runs wasm-bindgen and wasm-opt -Oz, and prints raw, gzip -9 and
# brotli -q 11 sizes of the wasm and the JS glue, the quick start's cost over the bare form
# and the drop-in pages' over the app without them, unsplit and split with `lazy-pages` (as
# the README tells users to: wasm-split-cli, then wasm-bindgen and wasm-opt on each module).
# A measurement, not a test.
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
for kept in session_storage local_storage; do
  measure "quickstart_$kept" "the quick start with the session in $kept (src/bin/quickstart_$kept.rs)"
  printf 'keeping the session in %s costs: %d B gzip over memory\n' "$kept" "$((TOTAL_GZ - QUICK))"
done
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

# the same routed app split with the kit's lazy-pages: each drop-in page but sign-in a chunk.
# Its own target directory: the relocations wasm-split-cli needs change every artifact.
SPLIT_TARGET=target/size-split
RUSTFLAGS="-C link-arg=--emit-relocs" cargo build --locked -p size-probe --bin pages \
  --features lazy-pages --target wasm32-unknown-unknown --release --target-dir "$SPLIT_TARGET"
dir="$OUT/pages-split"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dir"
wasm-split-cli --target web --out-name app \
  "$SPLIT_TARGET/wasm32-unknown-unknown/release/pages.wasm" "$work/split" >/dev/null
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$dir" --out-name app \
  "$work/split/app.wasm"
wasm-opt -Oz "$dir/app_bg.wasm" -o "$dir/app_bg.wasm"
for chunk in "$work"/split/*.wasm; do
  [ "$(basename "$chunk")" = app.wasm ] && continue
  wasm-opt -Oz "$chunk" -o "$dir/$(basename "$chunk")" 2>/dev/null
done
cp "$work"/split/*.js "$dir/"
TOTAL_RAW=0 TOTAL_GZ=0 TOTAL_BR=0
printf '\n%s\n%-22s %10s %10s %10s\n' "the routed app with the drop-in pages, split (lazy-pages)" file raw gzip brotli
row "$dir/app_bg.wasm"
row "$dir/app.js"
row "$dir/__wasm_split.js"
printf '%-22s %10d %10d %10d\n' "first load" "$TOTAL_RAW" "$TOTAL_GZ" "$TOTAL_BR"
SPLIT_FIRST=$TOTAL_GZ
CHUNKS_GZ=0
for chunk in "$dir"/*.wasm; do
  [ "$(basename "$chunk")" = app_bg.wasm ] && continue
  CHUNKS_GZ=$((CHUNKS_GZ + $(gzip -9 -c "$chunk" | wc -c)))
done
printf '%-22s %10s %10d   (%d chunks)\n' "every page" "" "$((SPLIT_FIRST + CHUNKS_GZ))" \
  "$(find "$dir" -name '*.wasm' ! -name app_bg.wasm | wc -l)"
printf '\nthe drop-in pages over the same app without them (split, first load): %d B gzip (target: 60000 -> %s)\n' \
  "$((SPLIT_FIRST - PAGES_BARE))" "$([ $((SPLIT_FIRST - PAGES_BARE)) -le 60000 ] && echo within || echo OVER)"
