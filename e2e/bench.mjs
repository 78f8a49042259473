// Measures the release demo in headless Chromium (see scripts/bench): time to an interactive
// sign-in form (CPU 4× slower; then also on a slow network with brotli), and the kit's own
// overhead per call (submit → request sent, response → DOM updated). Prints medians. With
// --yardstick, the bare Leptos form of crates/bare-reference is timed the same way, its loads
// alternating with the demo's so that both see the same machine.
//   node e2e/bench.mjs --dist target/bench-dist [--yardstick target/bench-bare] [--runs 15] [--calls 30]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { dirname, extname, resolve } from "node:path";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { APP, APP_PORT, CHROMIUM, EMULATOR, EMULATOR_PORT, YARDSTICK_PORT } from "./common.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opts } = parseArgs({
  options: {
    dist: { type: "string", default: "target/bench-dist" },
    yardstick: { type: "string" },
    runs: { type: "string", default: "15" },
    calls: { type: "string", default: "30" },
    emulator: { type: "string", default: "target/release/loginrocket-emulator" },
  },
});
const runs = Number(opts.runs);
const calls = Number(opts.calls);

const children = [];
process.on("exit", () => children.forEach((c) => c.kill()));
async function start(cmd, args, url) {
  const child = spawn(cmd, args, { cwd: root, stdio: "ignore" });
  children.push(child);
  for (let i = 0; i < 300; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100)); // polling a server's start, not a test
  }
  throw new Error(`${cmd} did not start`);
}
await start(opts.emulator, ["--port", String(EMULATOR_PORT)], `${EMULATOR}/_emulator/health`);
await start("node", ["e2e/serve.mjs", "--dir", opts.dist, "--port", String(APP_PORT), "--lr", EMULATOR], `${APP}/index.html`);
const YARDSTICK = `http://127.0.0.1:${YARDSTICK_PORT}`;
if (opts.yardstick) {
  const args = ["e2e/serve.mjs", "--dir", opts.yardstick, "--port", String(YARDSTICK_PORT), "--lr", EMULATOR];
  await start("node", args, `${YARDSTICK}/index.html`);
}

const browser = await chromium.launch(CHROMIUM);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, p90 ${pct(xs, 0.9).toFixed(0)}, n=${xs.length})`;

// when the sign-in form's submit button first exists, in ms since navigation start
const readyProbe = () => {
  new MutationObserver((_, obs) => {
    if (document.querySelector("form.lr-form--login button[type=submit]")) {
      window.__ready = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

// one cold load of `origin`/auth/sign-in: ms from navigation start to the form's submit button
async function load(origin, network, encodings) {
  const context = await browser.newContext(); // cold: no HTTP or code cache
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
  }
  page.on("response", (r) => r.url().endsWith(".wasm") && encodings.add(r.headers()["content-encoding"] ?? "none"));
  await page.addInitScript(readyProbe);
  await page.goto(`${origin}/auth/sign-in`);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60_000 });
  const ready = await page.evaluate(() => window.__ready);
  await context.close();
  return ready;
}

// What a user downloads, in gzip -9 bytes of the files as built (the shipped-files table's
// measure): those fetched before the sign-in form is interactive, then those fetched by the
// time every page in `paths` has been opened. Returns the sizes and the file names.
async function bytes(origin, dist, paths) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = new Set();
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin) return;
    // client-side routes are the app's index.html
    fetched.add(extname(url.pathname) === "" ? "index.html" : url.pathname.slice(1));
  });
  await page.addInitScript(readyProbe);
  await page.goto(`${origin}/auth/sign-in`);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60_000 });
  const gz = (names) =>
    [...names].reduce((sum, n) => sum + gzipSync(readFileSync(resolve(root, dist, n)), { level: 9 }).length, 0);
  const first = gz(fetched);
  const firstFiles = [...fetched];
  for (const path of paths) {
    await page.goto(`${origin}${path}`);
    await page.locator("h1").first().waitFor({ timeout: 30_000 });
  }
  await context.close();
  return { first, firstFiles, all: gz(fetched), allFiles: fetched.size };
}

// the demo's loads, and the yardstick's in between when there is one
async function timeToInteractive(network) {
  const times = [];
  const yardstick = [];
  const encodings = new Set();
  for (let i = 0; i < runs; i++) {
    times.push(await load(APP, network, encodings));
    if (opts.yardstick) yardstick.push(await load(YARDSTICK, network, new Set()));
  }
  return { times, yardstick, encodings: [...encodings].join(",") };
}

async function perCall() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${APP}/auth/sign-in`);
  await page.locator("input[name=email]").fill("nobody@example.com");
  await page.locator("input[name=password]").fill("not-the-password");
  const toRequest = [];
  const toDom = [];
  for (let i = 0; i < calls; i++) {
    const [sent, answered, settled] = await page.evaluate(async () => {
      const form = document.querySelector("form.lr-form--login");
      const button = form.querySelector("button[type=submit]");
      performance.clearResourceTimings();
      let clicked = 0;
      const done = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (form.getAttribute("aria-busy") === "false") {
            obs.disconnect();
            resolve(performance.now());
          }
        });
        obs.observe(form, { attributes: true, attributeFilter: ["aria-busy"] });
      });
      clicked = performance.now();
      button.click();
            const settled = await done;
      // the request's timing entry is queued at its end and may land after the DOM update
      const entry = await new Promise((resolve) => {
        new PerformanceObserver((list, obs) => {
          const found = list.getEntries().find((e) => e.name.endsWith("/v2/login"));
          if (found) {
            obs.disconnect();
            resolve(found);
          }
        }).observe({ type: "resource", buffered: true });
      });
      return [entry.startTime - clicked, entry.responseEnd, settled];
    });
    toRequest.push(sent);
    toDom.push(settled - answered);
  }
  await context.close();
  return { toRequest, toDom };
}

const AUTH_PAGES = ["sign-up", "forgot-password", "reset-password?token=tpw:bench", "verify-email?token=tve:bench",
  "two-factor", "choose-account", "complete-profile", "profile", "change-password", "request-invitation", "next-step"];
const demoBytes = await bytes(APP, opts.dist, ["/", "/protected", "/custom/sign-in", ...AUTH_PAGES.map((p) => `/auth/${p}`)]);
console.log(`first load of the sign-in page, until interactive: ${demoBytes.first} B gzip (${demoBytes.firstFiles.join(", ")})`);
console.log(`every page visited: ${demoBytes.all} B gzip (${demoBytes.allFiles} files)`);
if (opts.yardstick) {
  const bare = await bytes(YARDSTICK, opts.yardstick, ["/"]);
  console.log(`  yardstick: first load ${bare.first} B gzip; both of its pages ${bare.all} B gzip`);
}
const fast = await timeToInteractive(false);
console.log(`sign-in interactive, CPU 4× slower, no network throttling: ${fmt(fast.times)} [wasm ${fast.encodings}]`);
if (opts.yardstick) console.log(`  yardstick (bare Leptos form), same conditions: ${fmt(fast.yardstick)}`);
const slow = await timeToInteractive(true);
console.log(`sign-in interactive, CPU 4× slower, 150 ms RTT, 1.6 Mbps: ${fmt(slow.times)} [wasm ${slow.encodings}]`);
if (opts.yardstick) console.log(`  yardstick (bare Leptos form), same conditions: ${fmt(slow.yardstick)}`);
const call = await perCall();
console.log(`per call, submit → request sent: ${fmt(call.toRequest)}`);
console.log(`per call, response → DOM updated: ${fmt(call.toDom)}`);
await browser.close();
process.exit(0);
