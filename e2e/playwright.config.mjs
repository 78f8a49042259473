// End-to-end tests: the release demo (target/e2e-dist, built by scripts/test.sh with
// LR_URL=http://127.0.0.1:4790) served with the production CSP, against the emulator, in
// Debian's Chromium. One worker: the tests share one emulator and reset it before each test.
import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { APP, APP_PORT, CHROMIUM, EMULATOR, EMULATOR_PORT, EXAMPLE_APP_PORT, EXAMPLE_SPLIT_PORT, SSR_APP, SSR_APP_PORT } from "./common.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export default defineConfig({
  testDir: "./tests",
  outputDir: resolve(root, "target/e2e-artifacts/results"),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  use: {
    baseURL: APP,
    browserName: "chromium",
    viewport: { width: 1100, height: 900 },
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM,
  },
  webServer: [
    {
      // the demo's failure lab (served from APP) uses the control API
      // the hosted pages send sign-ins back to both demos (the kit's callback page; demo-ssr's
      // hand-off)
      command: `${process.env.EMULATOR_BIN ?? "target/debug/loginrocket-emulator"} --port ${EMULATOR_PORT} --control-origin ${APP} --login-url ${APP}/auth/callback --login-url ${SSR_APP}/session/new --login-url ${SSR_APP}/auth/callback`,
      cwd: root,
      url: `${EMULATOR}/_emulator/health`,
      stderr: "ignore", // its request log (no secrets in it, but long)
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node e2e/serve.mjs --dir target/e2e-dist --port ${APP_PORT} --lr ${EMULATOR}`,
      cwd: root,
      url: `${APP}/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // an app outside the workspace with the kit from git (scripts/example-app.sh)
      command: `node e2e/serve.mjs --dir target/example-app-dist --port ${EXAMPLE_APP_PORT} --lr ${EMULATOR}`,
      cwd: root,
      url: `http://127.0.0.1:${EXAMPLE_APP_PORT}/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // the split example, outside the workspace, split by the installed hook
      // (scripts/example-app.sh split)
      command: `node e2e/serve.mjs --dir target/example-split-dist --port ${EXAMPLE_SPLIT_PORT} --lr ${EMULATOR}`,
      cwd: root,
      url: `http://127.0.0.1:${EXAMPLE_SPLIT_PORT}/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // the server-rendered demo (demo-ssr/): axum renders, the browser hydrates
      // what LoginRocket said of a session is remembered for 1 s (the liveness test waits it out)
      command: `target/demo-ssr/debug/demo-ssr --port ${SSR_APP_PORT} --site target/demo-ssr/site --lr-url ${EMULATOR}/v2/ --liveness-secs 1`,
      cwd: root,
      url: `${SSR_APP}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
