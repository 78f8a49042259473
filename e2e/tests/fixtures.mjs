// Shared fixtures of the end-to-end suite: the emulator's control API, and a `page` that
// records everything the checks after each test need (page errors, CSP violations, console
// text, app URLs, secrets seen on the wire), then fails the test if any of them went wrong.
import { test as base, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { APP, EMULATOR } from "../common.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHOTS = resolve(root, "target/e2e-artifacts/screenshots");
mkdirSync(SHOTS, { recursive: true });

export { EMULATOR };
export const PASSWORD = "demo-password";

/** The emulator's control API (`/_emulator/…`). */
export const emu = {
  async call(method, path, body) {
    const res = await fetch(`${EMULATOR}/_emulator/${path}`, {
      method,
      // control POSTs are never simple requests: always a JSON content type
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  },
  reset: () => emu.call("POST", "reset"),
  fault: (fault) => emu.call("POST", "faults", fault),
  outbox: () => emu.call("GET", "outbox"),
  realm: (patch) => emu.call("PUT", "realm", patch),
  user: (seed) => emu.call("POST", "users", seed),
  clock: (secs) => emu.call("POST", "clock", { advance_secs: secs }),
  async totp(email) {
    return (await emu.call("GET", `totp?email=${encodeURIComponent(email)}`)).code;
  },
  /** The newest emailed token of `kind` sent to `to`. */
  async mail(to, kind) {
    const mails = (await emu.outbox()).filter((m) => m.to === to && m.kind === kind);
    expect(mails.length, `an email of kind ${kind} to ${to}`).toBeGreaterThan(0);
    return mails[mails.length - 1].token;
  },
};

// records CSP violations from the first byte of every document
const cspProbe = () => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
};

export const test = base.extend({
  /** Secrets the test used or the server sent; none may be at rest, in a URL or the console. */
  secrets: async ({}, use) => {
    await use(new Set());
  },

  page: async ({ page, secrets, javaScriptEnabled }, use, testInfo) => {
    await emu.reset();
    const errors = [];
    const console = [];
    const urls = [];
    const csp = [];
    const allowedUrls = new Set();
    const fromServer = new Set(); // session ids and JWTs: not even on screen
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      console.push(m.text());
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    page.on("framenavigated", (f) => f === page.mainFrame() && urls.push(f.url()));
    // every session id and token the server hands out is a secret
    page.on("response", async (res) => {
      if (!res.url().startsWith(EMULATOR) || res.request().method() === "OPTIONS") return;
      const body = await res.json().catch(() => null);
      for (const key of ["session", "token"]) {
        if (typeof body?.[key] === "string" && body[key].length > 8) {
          secrets.add(body[key]);
          fromServer.add(body[key]);
        }
      }
    });
    await page.addInitScript(cspProbe);
    page.allowUrl = (url) => allowedUrls.add(new URL(url, APP).href);
    await use(page);

    // after the test: nothing broke, nothing leaked
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach("console", { body: console.join("\n"), contentType: "text/plain" });
    }
    if (!page.isClosed()) {
      // with JavaScript off (demo-ssr's no-JS tests) no script can have stored anything or
      // broken the CSP: the page's markup and address are what there is to check
      const at = javaScriptEnabled
        ? await page.evaluate(() => ({
            csp: window.__csp ?? [],
            local: JSON.stringify({ ...localStorage }),
            session: JSON.stringify({ ...sessionStorage }),
            cookies: document.cookie,
            url: location.href,
            text: document.body.innerText,
          }))
        : { csp: [], local: "", session: "", cookies: "", url: page.url(), text: await page.content() };
      csp.push(...at.csp);
      for (const s of fromServer) {
        expect(at.text.includes(s), "a session id or token on screen").toBe(false);
      }
      // an HttpOnly cookie can only come from a backend, which is where a session belongs
      // (demo-ssr's: ssr.spec.mjs checks its flags); no script can read or set one
      const cookies = (await page.context().cookies())
        .filter((c) => !c.httpOnly)
        .map((c) => c.value)
        .join("\n");
      for (const s of secrets) {
        for (const [where, text] of [
          ["localStorage", at.local],
          ["sessionStorage", at.session],
          ["document.cookie", at.cookies],
          ["the browser's cookies", cookies],
          ["the URL", at.url],
        ]) {
          expect(text.includes(s), `a secret in ${where}`).toBe(false);
        }
      }
    }
    for (const s of secrets) {
      const urlLeak = urls.filter((u) => !allowedUrls.has(u)).find((u) => u.includes(s));
      expect(urlLeak, "a secret in an app URL").toBeUndefined();
      expect(console.find((t) => t.includes(s)), "a secret in the console").toBeUndefined();
    }
    expect(errors, "page errors").toEqual([]);
    expect(csp, "CSP violations").toEqual([]);
  },
});
export { expect };

/** Opens `path` and waits until the app has rendered into it. */
export async function visit(page, path) {
  page.allowUrl(path);
  await page.goto(path);
  await expect(page.locator("main.demo-main > *").first()).toBeVisible();
}

/**
 * Waits until the app is at `url` and its page has rendered: in the split build a page's
 * chunk may still be on its way when the URL has already changed.
 */
export async function arrived(page, url) {
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** axe-core over the whole page: no violations. */
export async function axe(page, label) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document);
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  });
  expect(violations, `axe violations: ${label}`).toEqual([]);
}

/** Saves a screenshot of the page as a test artifact (target/e2e-artifacts/screenshots). */
export async function shot(page, name) {
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
}

/** The form's `role="alert"` area. */
export const alertOf = (page) => page.locator("form [role=alert]");

/** Fills the sign-in form and submits it. */
export async function signIn(page, email, password = PASSWORD) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Sign-in through the page, then wait for the home page's signed-in state. */
export async function signedIn(page, email, secrets) {
  await visit(page, "/auth/sign-in");
  secrets?.add(PASSWORD);
  await signIn(page, email);
  await expect(page.locator("#session-state")).toContainText(`Signed in as ${email}`);
}

/** The message shown next to the form's `name` field (linked with aria-describedby). */
export async function fieldError(page, name) {
  const input = page.locator(`form input[name=${name}]`);
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const ids = (await input.getAttribute("aria-describedby")) ?? "";
  const error = ids.split(/\s+/).find((id) => id.endsWith("-error"));
  expect(error, `${name} is described by its error`).toBeTruthy();
  return page.locator(`[id="${error}"]`);
}

/** Fills the current form's fields by `name`. */
export async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) {
    await page.locator(`form input[name=${name}]`).fill(value);
  }
}

/** The current form's submit button. */
export const submitButton = (page) => page.locator("form button[type=submit]");

/** Submits the current form with its submit button. */
export const submit = (page) => submitButton(page).click();
