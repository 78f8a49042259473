#!/usr/bin/env bash
# Starts the demo: the local LoginRocket emulator and `trunk serve`.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
echo "The demo app arrives with a later issue (the emulator and the Trunk app are not built yet)."
echo "Today this repository ships the typed client; run the tests with: scripts/setup.sh && scripts/test.sh"
