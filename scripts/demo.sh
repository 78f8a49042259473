#!/usr/bin/env bash
# Starts the demo. Today: the local LoginRocket emulator with the built-in demo seed (the web
# app on `trunk serve` arrives with a later issue). Ctrl-C stops it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PORT="${EMULATOR_PORT:-4000}"

cargo build --locked --release -p loginrocket-emulator
./target/release/loginrocket-emulator --port "$PORT" &
EMU_PID=$!
trap 'kill $EMU_PID 2>/dev/null || true' EXIT INT TERM

cat <<EOT

LoginRocket emulator: http://127.0.0.1:$PORT/v2/   (control API: http://127.0.0.1:$PORT/_emulator/)

Demo users (password for all: demo-password)
  ann@example.com   plain user, one organization
  tom@example.com   two-factor; current code: curl -s 'http://127.0.0.1:$PORT/_emulator/totp?email=tom@example.com'
                    (or add the TOTP secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP to an authenticator app)
  mia@example.com   two organizations (asks which one); saved locale: es
  una@example.com   email not verified yet

The demo web app (trunk serve) arrives with a later issue. Ctrl-C stops the emulator.
EOT
wait $EMU_PID
