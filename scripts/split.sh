#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): splits the demo's wasm at its #[lazy] split points, so
# each drop-in page but sign-in is a chunk fetched with its route (the kit's lazy-pages feature). Trunk has staged its own
# unsplit build; this replaces it under the same hashed names:
#   1. wasm-split-cli on cargo's raw wasm (linked with --emit-relocs: DEMO_RUSTFLAGS);
#   2. wasm-bindgen --keep-lld-exports on the main module (the chunks link to its exports);
#   3. wasm-opt -Oz on the main module and on every chunk.
#   4. scripts/hash-chunks.mjs names the chunks and their loader for this build
#      (split_lr_<page>-<build>.wasm, __wasm_split-<build>.js), and makes the loader refuse a
#      chunk whose bytes are not this build's: a tab left open across a deploy asks for its
#      own build's chunks, and a chunk of another build is its page's failure state.
set -euo pipefail
source "$(dirname "$0")/env.sh"

STAGE=${TRUNK_STAGING_DIR:?this is Trunk\'s post_build hook}
PROFILE=${TRUNK_PROFILE:-release}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
# the app Trunk staged (the demo, or the bench's yardstick, which has no split points: it goes
# through the same steps, so that both ship the same way and neither keeps the relocations)
BG=$(find "$STAGE" -maxdepth 1 -name '*_bg.wasm' | head -1)
[ -n "$BG" ] || { echo "split.sh: no wasm staged in $STAGE"; exit 1; }
STEM=$(basename "$BG" _bg.wasm)   # <bin>-<hash>
RAW="$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/${STEM%-*}.wasm"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

wasm-split-cli --target web --out-name "$STEM" "$RAW" "$WORK/split"
wasm-bindgen --target web --no-typescript --keep-lld-exports \
  --out-dir "$WORK/bindgen" --out-name "$STEM" "$WORK/split/$STEM.wasm"
cp "$WORK/bindgen/$STEM.js" "$STAGE/$STEM.js"
if [ -d "$WORK/bindgen/snippets" ]; then cp -r "$WORK/bindgen/snippets" "$STAGE/"; fi
OPT=(-Oz)
[ "$PROFILE" = release ] || OPT=(-O0)
wasm-opt "${OPT[@]}" "$WORK/bindgen/${STEM}_bg.wasm" -o "$STAGE/${STEM}_bg.wasm"
for chunk in "$WORK"/split/*.wasm; do
  [ "$(basename "$chunk")" = "$STEM.wasm" ] && continue
  wasm-opt "${OPT[@]}" "$chunk" -o "$STAGE/$(basename "$chunk")"
done
# the chunks' loader, when there are chunks, then the build's names and checks
if compgen -G "$WORK/split/*.js" >/dev/null; then
  cp "$WORK"/split/*.js "$STAGE/"
  node "$ROOT/scripts/hash-chunks.mjs" "$STAGE" "$STEM"
fi
echo "split.sh: $(find "$WORK/split" -name '*.wasm' | wc -l) modules (the main one and its chunks)"
