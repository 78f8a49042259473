// The split build (loginrocket-split, the Trunk hook of scripts/split.sh): every drop-in page but sign-in is a wasm chunk of its
// own (the kit's are split_lr_<page>-<build>.wasm). Sign-in fetches none; a deep link to any
// other page, and a reload there, fetches that page's chunk and renders it; a chunk that can't
// be fetched, or is not this build's, is a state of the page, with a retry.
import { readdirSync, readFileSync } from "node:fs";
import { test, expect, visit, signedIn, shot, axe, submitButton } from "./fixtures.mjs";

// every chunk is named for its build (loginrocket-split)
const CHUNK = /\/(split_[a-z0-9_]+|chunk_\d+)-([0-9a-f]{16})\.wasm$/;
const DIST = new URL("../../target/e2e-dist/", import.meta.url);

/** The chunk names (without the build) the page requests from now on. */
function chunksOf(page) {
  const seen = [];
  page.on("request", (r) => {
    const m = CHUNK.exec(new URL(r.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

/** The built file of chunk `name` (`split_lr_sign_up`). */
function chunkFile(name) {
  const file = readdirSync(DIST).find((f) => CHUNK.exec(`/${f}`)?.[1] === name);
  expect(file, `a chunk ${name} in target/e2e-dist`).toBeTruthy();
  return file;
}

test("the sign-in page loads no chunk", async ({ page }) => {
  const chunks = chunksOf(page);
  await visit(page, "/auth/sign-in");
  await expect(page.locator("form button[type=submit]")).toBeEnabled();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  expect(chunks).toEqual([]);
});

for (const [path, chunk, who] of [
  ["/auth/sign-up", "sign_up"],
  ["/auth/forgot-password", "forgot_password"],
  ["/auth/reset-password?token=tpw:none", "reset_password"],
  ["/auth/verify-email?token=tve:none", "verify_email"],
  ["/auth/request-invitation", "request_invitation"],
  ["/auth/next-step", "next_step"],
  // the signed-in pages, for a signed-in user (the session is kept for the reload)
  ["/auth/profile", "profile", "ann@example.com"],
  ["/auth/change-password", "change_password", "ann@example.com"],
]) {
  test(`a deep link to ${path} and a reload there load its chunk`, async ({ page, secrets }) => {
    if (who) {
      await page.goto("/");
      await page.evaluate(() => localStorage.setItem("demo.remember", "1"));
      await signedIn(page, who, secrets);
    }
    for (const load of ["deep link", "reload"]) {
      const chunks = chunksOf(page);
      if (load === "deep link") await visit(page, path);
      else await page.reload();
      await expect(page).toHaveURL(new RegExp(`${path.split("?")[0]}`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect
        .poll(() => chunks.includes(`split_lr_${chunk}`), { message: `${load}: split_lr_${chunk}` })
        .toBe(true);
      page.removeAllListeners("request");
    }
    if (who) {
      // signing out clears what this device kept
      await visit(page, "/protected");
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.locator("main h1")).toHaveText("Sign in");
    }
  });
}

// a sign-in step's page opened without its step (a deep link, a reload) loads its chunk and
// then sends the user to sign in, which says why
for (const [path, chunk] of [
  ["/auth/two-factor", "two_factor"],
  ["/auth/choose-account", "choose_account"],
  ["/auth/complete-profile", "complete_profile"],
]) {
  test(`a deep link to ${path} without its step loads its chunk, then goes to sign in`, async ({ page }) => {
    const chunks = chunksOf(page);
    await visit(page, path);
    await expect(page).toHaveURL(/\/auth\/sign-in/);
    await expect(page.locator(".lr-page__notice")).toHaveText("That sign-in step is no longer open. Please sign in again.");
    expect(chunks, `split_lr_${chunk}`).toContain(`split_lr_${chunk}`);
  });
}

// a chunk that can't be fetched (offline, a failing server) is a state of its page: the page's
// card says so, with a retry that loads it; the app keeps running (a failed load must not
// abort the wasm module, which would leave a frozen page)
test("a page whose chunk can't be fetched says so, and loads on retry", async ({ page }) => {
  await visit(page, "/auth/sign-in");
  await expect(page.locator("form button[type=submit]")).toBeEnabled();
  const refuse = (route) => route.abort("internetdisconnected");
  await page.route(/\/split_lr_sign_up-[0-9a-f]+\.wasm$/, refuse);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/auth\/sign-up$/);
  await expect(page.locator("main h1")).toHaveText("Create your account");
  await expect(page.locator("main [role=alert]")).toHaveText("This page could not be loaded. Check your connection and try again.");
  await expect(page).toHaveTitle("Create your account · LoginRocket Demo");
  await axe(page, "a page whose chunk can't be fetched");
  await shot(page, "state-chunk-unavailable");
  // the rest of the app still runs
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.locator("main [role=alert]")).toHaveText(/ページを読み込めませんでした/);
  await page.getByRole("button", { name: "English" }).click();
  await page.unroute(/\/split_lr_sign_up-[0-9a-f]+\.wasm$/, refuse);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator("main form.lr-form--signup")).toBeVisible();
  await expect(page.getByText("This page could not be loaded.", { exact: false })).toHaveCount(0);
});

// a chunk of another build (a cache, a deploy that replaced the files under an open tab) is not
// instantiated into this module, where it would call the wrong functions: it is the page's
// failure state, and the app keeps running
for (const [what, served] of [
  ["another page's chunk", "split_lr_forgot_password"],
  ["a chunk of another build", null],
]) {
  test(`${what} served for sign-up's is the page's failure state, not a dead app`, async ({ page }) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await visit(page, "/auth/sign-in");
    await expect(page.locator("form button[type=submit]")).toBeEnabled();
    const ours = readFileSync(new URL(chunkFile("split_lr_sign_up"), DIST));
    // another build's: the same chunk, a byte changed (what a rebuild with one change makes)
    const bytes = served ? readFileSync(new URL(chunkFile(served), DIST)) : Buffer.from(ours);
    if (!served) bytes[bytes.length - 1] ^= 0xff;
    const swap = (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: bytes });
    const pattern = /\/split_lr_sign_up-[0-9a-f]+\.wasm$/;
    await page.route(pattern, swap);
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page).toHaveURL(/\/auth\/sign-up$/);
    await expect(page.locator("main [role=alert]")).toHaveText("This page could not be loaded. Check your connection and try again.");
    // the app still runs: this build's chunk loads on retry
    await page.unroute(pattern, swap);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator("main form.lr-form--signup")).toBeVisible();
    expect(errors, "uncaught errors").toEqual([]);
  });
}

test("a build's chunks and their loader are named for the build", async ({ page }) => {
  const files = readdirSync(DIST);
  const builds = new Set(files.map((f) => CHUNK.exec(`/${f}`)?.[2]).filter(Boolean));
  expect(builds.size, `one build id: ${[...builds]}`).toBe(1);
  const [build] = builds;
  expect(files).toContain(`__wasm_split-${build}.js`);
  expect(files.filter((f) => f.endsWith(".wasm") && !f.includes(build) && !f.endsWith("_bg.wasm"))).toEqual([]);
  expect(files).not.toContain("__wasm_split.js");
  // and the page asks for them by those names
  const chunks = chunksOf(page);
  await visit(page, "/auth/forgot-password");
  await expect(page.locator("main form.lr-form--forgot")).toBeVisible();
  expect(chunks).toContain("split_lr_forgot_password");
});

// Every language but English is a chunk of its own too: the kit's Spanish and Japanese
// (split_lr_locale_<lang>) and the demo's own strings (split_demo_<lang>, French with its kit
// strings). The first load carries English only; a switch keeps the language on show until the
// new one is in; one that can't be fetched is a state, and the old language stays.
const LOCALE_CHUNK = /\/split_(lr_locale|demo)_(es|fr|ja)-[0-9a-f]+\.wasm$/;

/** Holds every request for `lang`'s chunks until the returned function is called. */
async function holdLocale(page, lang) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  const held = [];
  await page.route(LOCALE_CHUNK, async (route) => {
    if (LOCALE_CHUNK.exec(new URL(route.request().url()).pathname)[2] !== lang) return route.continue();
    held.push(route.request().url());
    await released;
    await route.continue();
  });
  return { held, release };
}

test("a language is fetched when it is picked, and shows once it is in", async ({ page }) => {
  const chunks = chunksOf(page);
  await visit(page, "/auth/sign-in");
  await expect(submitButton(page)).toBeEnabled();
  expect(chunks).toEqual([]);
  const { held, release } = await holdLocale(page, "es");
  await page.getByRole("button", { name: "Español" }).click();
  await expect.poll(() => held.length).toBe(2);
  // on its way: the page stays in English, whole (no keys, no blank)
  await expect(page.locator("main h1")).toHaveText("Sign in");
  await expect(submitButton(page)).toHaveText("Sign in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("body")).toBeVisible();
  release();
  await expect(page.locator("main h1")).toHaveText("Iniciar sesión");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.locator(".demo-nav")).toContainText("Inicio");
  expect(chunks.sort()).toEqual(["split_demo_es", "split_lr_locale_es"]);
  // fetched once: back to English and to Spanish again loads nothing
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("main h1")).toHaveText("Sign in");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.locator("main h1")).toHaveText("Iniciar sesión");
  expect(chunks.length).toBe(2);
});

test("a language that can't be fetched is a state: the old one stays, and the page says so", async ({ page }) => {
  await visit(page, "/auth/sign-in");
  await expect(submitButton(page)).toBeEnabled();
  const refuse = (route) => route.abort("internetdisconnected");
  await page.route(LOCALE_CHUNK, refuse);
  await page.getByRole("button", { name: "日本語" }).click();
  const notice = page.locator(".lr-page__notice");
  await expect(notice).toHaveText("That language could not be loaded. Check your connection and choose it again.");
  await expect(page.locator("main h1")).toHaveText("Sign in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await axe(page, "a language that can't be fetched");
  await shot(page, "state-locale-unavailable");
  // the form still works meanwhile
  await expect(submitButton(page)).toBeEnabled();
  // back online, picking it again loads it
  await page.unroute(LOCALE_CHUNK, refuse);
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.locator("main h1")).toHaveText("ログイン");
  await expect(notice).toHaveText("");
});

test.describe("a browser that prefers Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("starts in Japanese, hidden until it is in: no English first", async ({ page }) => {
    const { held, release } = await holdLocale(page, "ja");
    page.allowUrl("/auth/sign-in");
    await page.goto("/auth/sign-in");
    await expect.poll(() => held.length).toBe(2);
    // the app has rendered (in English, waiting) but shows nothing
    await expect(page.locator("html")).toHaveAttribute("data-lr-locale", "pending");
    await expect(page.locator("main h1")).toHaveText("Sign in");
    await expect(page.locator("main h1")).toBeHidden();
    release();
    await expect(page.locator("main h1")).toHaveText("ログイン");
    await expect(page.locator("main h1")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("data-lr-locale", "ready");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  });

  test("starts in English, saying so, when its language can't be fetched", async ({ page }) => {
    await page.route(LOCALE_CHUNK, (route) => route.abort("internetdisconnected"));
    await visit(page, "/auth/sign-in");
    await expect(page.locator("main h1")).toHaveText("Sign in");
    await expect(page.locator(".lr-page__notice")).toHaveText(/That language could not be loaded/);
    await expect(submitButton(page)).toBeEnabled();
  });
});
