#!/usr/bin/env bash
# Refreshes the screenshots in docs/ from the last end-to-end run (scripts/test.sh saves
# every page and state in target/e2e-artifacts/screenshots/): every drop-in page in the light
# and dark schemes (docs/pages/), and the README's gallery (docs/*.png).
set -euo pipefail
cd "$(dirname "$0")/.."
SHOTS=target/e2e-artifacts/screenshots
[ -f "$SHOTS/docs-sign-in-light.png" ] || { echo "no screenshots: run scripts/test.sh first"; exit 1; }
mkdir -p docs/pages
for f in "$SHOTS"/docs-*.png; do
  cp "$f" "docs/pages/$(basename "$f" | sed 's/^docs-//')"
done
for f in docs/*.png; do
  cp "$SHOTS/$(basename "$f")" "$f"
done
ls docs/pages | wc -l | xargs echo "pages:"
