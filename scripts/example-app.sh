#!/usr/bin/env bash
# Builds an example the way an app outside this workspace gets the kit: a copy whose
# dependency is this repository from git (the commit checked out, HEAD), built by Trunk's
# release pipeline. The end-to-end suite serves each build under the strict CSP.
#
#   scripts/example-app.sh [quick-start]   examples/quick-start → target/example-app-dist: the
#                                          kit's styles arrive with it (example-app.spec.mjs)
#   scripts/example-app.sh split           examples/split → target/example-split-dist, split by
#                                          the installed Trunk hook loginrocket-split
#                                          (example-split.spec.mjs)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

NAME=${1:-quick-start}
case $NAME in
  quick-start) OUT=target/example-app ;;
  split) OUT=target/example-split ;;
  *) echo "unknown example $NAME (quick-start, split)"; exit 2 ;;
esac
rm -rf "$OUT" "$OUT-dist"
mkdir -p "$OUT"
cp -r "examples/$NAME/." "$OUT"/
rm -rf "$OUT/target" "$OUT/dist"
REV=$(git rev-parse HEAD)
sed -i "s|path = \"../..\"|git = \"file://$ROOT\", rev = \"$REV\"|" "$OUT/Cargo.toml"
grep -q "git = \"file://$ROOT\"" "$OUT/Cargo.toml"
if ! git diff --quiet HEAD -- src locales style build.rs Cargo.toml crates/loginrocket crates/ftl crates/macros; then
  echo "note: the example builds the kit as committed (HEAD $REV), not the uncommitted changes"
fi
# the workspace's lock, so the app gets the same versions (cargo drops what it doesn't use)
cp Cargo.lock "$OUT/"
cargo fetch --manifest-path "$OUT/Cargo.toml"
if [ "$NAME" = split ]; then
  # the hook, installed as an app installs it (cargo install), here from this checkout
  cargo install --locked --quiet --path crates/split --root target/tools
  export PATH="$ROOT/target/tools/bin:$PATH"
fi
# the demo's target directory and flags: the dependencies the demo's build compiled are reused
# (its flags include the --emit-relocs of the split example's .cargo/config.toml)
(cd "$OUT" && CARGO_TARGET_DIR="$ROOT/target" RUSTFLAGS=$DEMO_RUSTFLAGS LR_URL=$E2E_LR_URL \
  trunk build --release --offline --dist "$ROOT/$OUT-dist")
