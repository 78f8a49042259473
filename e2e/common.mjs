// What the end-to-end suite and the benchmark share: where the emulator and the served demo
// listen (scripts/env.sh builds the demo for EMULATOR as E2E_LR_URL), and how Chromium starts
// on this machine (its closed network refuses the background connections).
export const EMULATOR_PORT = 4790;
export const APP_PORT = 4791;
// the benchmark's yardstick (crates/bare-reference)
export const YARDSTICK_PORT = 4792;
export const EMULATOR = `http://127.0.0.1:${EMULATOR_PORT}`;
export const APP = `http://127.0.0.1:${APP_PORT}`;
// examples/quick-start, built by scripts/example-app.sh (the kit from git)
export const EXAMPLE_APP_PORT = 4794;
export const EXAMPLE_APP = `http://127.0.0.1:${EXAMPLE_APP_PORT}`;
// examples/split, built by scripts/example-app.sh split (the kit from git, the installed hook)
export const EXAMPLE_SPLIT_PORT = 4796;
export const EXAMPLE_SPLIT = `http://127.0.0.1:${EXAMPLE_SPLIT_PORT}`;
// demo-ssr's server (scripts/demo-ssr.sh --build-only builds it), on the same emulator
export const SSR_APP_PORT = 4795;
export const SSR_APP = `http://127.0.0.1:${SSR_APP_PORT}`;
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
