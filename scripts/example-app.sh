#!/usr/bin/env bash
# Builds examples/quick-start the way an app outside this workspace gets the kit: a copy in
# target/example-app whose dependency is this repository from git (the commit checked out,
# HEAD), built by Trunk's release pipeline into target/example-app-dist. The end-to-end
# suite serves it under the strict CSP and checks that the kit's styles arrive with it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

OUT=target/example-app
rm -rf "$OUT" target/example-app-dist
mkdir -p "$OUT"
cp -r examples/quick-start/{Cargo.toml,Trunk.toml,index.html,start.js,app.css,src} "$OUT"/
REV=$(git rev-parse HEAD)
sed -i "s|^leptos-loginrocket = .*|leptos-loginrocket = { git = \"file://$ROOT\", rev = \"$REV\" }|" "$OUT/Cargo.toml"
grep -q "git = \"file://$ROOT\"" "$OUT/Cargo.toml"
if ! git diff --quiet HEAD -- src locales style build.rs Cargo.toml crates/loginrocket crates/ftl crates/macros; then
  echo "note: the example builds the kit as committed (HEAD $REV), not the uncommitted changes"
fi
# the workspace's lock, so the app gets the same versions (cargo drops what it doesn't use)
cp Cargo.lock "$OUT/"
cargo fetch --manifest-path "$OUT/Cargo.toml"
# the demo's target directory and flags: the dependencies the demo's build compiled are reused
(cd "$OUT" && CARGO_TARGET_DIR="$ROOT/target" RUSTFLAGS=$DEMO_RUSTFLAGS LR_URL=$E2E_LR_URL \
  trunk build --release --offline --dist "$ROOT/target/example-app-dist")
