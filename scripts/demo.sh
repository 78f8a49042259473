#!/usr/bin/env bash
# Starts the demo: the local LoginRocket emulator (built-in demo seed) on 127.0.0.1:4000 and
# the demo app on http://127.0.0.1:8080 (trunk serve --release, strict CSP). Ctrl-C stops both.
# LR_URL=https://YOUR-REALM.e2.loginrocket.com/ points the app at a real realm instead.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PORT="${EMULATOR_PORT:-4000}"
export LR_URL="${LR_URL:-http://127.0.0.1:$PORT}"

cargo build --locked --release -p loginrocket-emulator
# the demo's failure lab, on the demo's origin, is the one web page that may use the control API
./target/release/loginrocket-emulator --port "$PORT" \
  --control-origin http://127.0.0.1:8080 --control-origin http://localhost:8080 \
  --login-url http://127.0.0.1:8080/auth/callback --login-url http://localhost:8080/auth/callback &
EMU_PID=$!
trap 'kill $EMU_PID 2>/dev/null || true' EXIT INT TERM

cat <<EOT

LoginRocket emulator: http://127.0.0.1:$PORT/v2/   (control API: http://127.0.0.1:$PORT/_emulator/)
Demo app (after the first build, about 2 minutes): http://127.0.0.1:8080/

Demo users (password for all: demo-password)
  ann@example.com   plain user, one organization
  tom@example.com   two-factor; current code: curl -s 'http://127.0.0.1:$PORT/_emulator/totp?email=tom@example.com'
                    (or add the TOTP secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP to an authenticator app)
  mia@example.com   two organizations (asks which one); saved locale: es
  una@example.com   email not verified yet

Ctrl-C stops both.
EOT
# The CSP in Trunk.toml lets the page talk to the default emulator only; another LoginRocket
# URL gets a copy of the config with that origin in connect-src.
CONFIG=Trunk.toml
ORIGIN=$(printf '%s' "$LR_URL" | sed -E 's#^([a-zA-Z]+://[^/]+).*#\1#')
if [ "$ORIGIN" != "http://127.0.0.1:4000" ]; then
  CONFIG=Trunk.local.toml
  sed "s#connect-src 'self' http://127.0.0.1:4000#connect-src 'self' $ORIGIN#" Trunk.toml >"$CONFIG"
fi
RUSTFLAGS=$DEMO_RUSTFLAGS trunk serve --release --offline --config "$CONFIG"
