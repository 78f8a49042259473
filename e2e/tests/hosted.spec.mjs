// The realm's hosted pages (LoginRocket Web, served by the emulator) and the way back into
// both demos: social sign-up and sign-in through an emulated Google, "More ways to sign in",
// the hosted accounts page, a return this browser did not start, and tokens that must not
// sign anyone in. Afterwards the returned token is in no URL, history entry, storage, console
// or Referer (the fixtures check storage, console and URLs; these tests, history and Referer).
import { test, expect, emu, visit, axe, shot, signIn, arrived, PASSWORD, EMULATOR } from "./fixtures.mjs";
import { APP, SSR_APP } from "../common.mjs";

const home = (page) => page.locator("#session-state");

/**
 * Watches the returns: every `?token=` a page of ours receives is a secret (its one arrival
 * URL allowed), and every Referer is kept for `noTraceOf`.
 */
function watchReturns(page, secrets) {
  const seen = { tokens: [], referers: [] };
  page.on("request", (req) => {
    const referer = req.headers()["referer"];
    if (referer) seen.referers.push(referer);
    const url = new URL(req.url());
    const token = url.searchParams.get("token");
    if (token && (url.origin === APP || url.origin === SSR_APP)) {
      seen.tokens.push(token);
      secrets.add(token);
      page.allowUrl(req.url());
    }
  });
  return seen;
}

/** The returned tokens are in no Referer and no history entry. */
async function noTraceOf(page, seen) {
  expect(seen.tokens.length, "a token came back").toBeGreaterThan(0);
  for (const token of seen.tokens) {
    expect(seen.referers.find((r) => r.includes(token)), "a token in a Referer").toBeUndefined();
  }
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send("Page.getNavigationHistory");
  for (const e of entries) expect(e.url, "a token in a history entry").not.toContain("token=");
}

/** A JWT-shaped token with these claims (unsigned: the browser can't check a signature). */
function forged(claims) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${b64({ alg: "RS256", kid: "nope" })}.${b64(claims)}.c2ln`;
}

/** A real token of `email`'s, from the API. */
async function realToken(email) {
  const res = await fetch(`${EMULATOR}/v2/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return (await res.json()).token;
}

/** Signs out with the demo's button (on its protected page, reached in the app: the
 * session lives in memory, so a reload would sign out by itself). */
async function signOut(page) {
  await page.getByRole("link", { name: "Protected" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
}

const claimsOf = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString());

test("a social sign-up through Google (emulated) comes back signed in, and Google is then marked Last used", async ({ page, secrets }) => {
  const seen = watchReturns(page, secrets);
  await visit(page, "/auth/sign-in");
  await axe(page, "sign-in with hosted options");
  await shot(page, "sign-in-hosted-options");
  await page.getByRole("button", { name: "Continue with Google (emulated)" }).click();
  // the emulator's stand-in for Google
  await expect(page.getByRole("heading", { level: 1, name: "Google (emulated)" })).toBeVisible();
  expect(page.url().startsWith(`${EMULATOR}/social/google?`)).toBe(true);
  await axe(page, "emulated consent page");
  await shot(page, "hosted-consent");
  await page.getByLabel("Email").fill("gia@example.com");
  await page.getByLabel("First name").fill("Gia");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(home(page)).toContainText("Signed in as gia@example.com");
  await expect(page).toHaveURL(`${APP}/`);
  await noTraceOf(page, seen);

  await signOut(page);
  await visit(page, "/auth/sign-in");
  const google = page.getByRole("button", { name: /Continue with Google \(emulated\)/ });
  await expect(google.locator(".lr-badge")).toHaveText("Last used");
  await expect(page.locator(".lr-method .lr-badge")).toHaveCount(0);
  await axe(page, "sign-in with Last used");
  // the way only, never who
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain("gia@example.com");
});

test("a social sign-in links the existing user by email; after a password sign-in, the form is Last used", async ({ page, secrets }) => {
  const seen = watchReturns(page, secrets);
  await visit(page, "/auth/sign-in");
  await page.getByRole("button", { name: "Continue with Google (emulated)" }).click();
  await page.getByLabel("Email").fill("ANN@example.com");
  await page.getByRole("button", { name: "Allow" }).click();
  // Ann's own account (her name and address), not a new user
  await expect(home(page)).toContainText("Signed in as ann@example.com");
  await noTraceOf(page, seen);
  const back = claimsOf(seen.tokens[0]);
  expect(back.name).toBe("Ann Example");

  await signOut(page);
  await visit(page, "/auth/sign-in");
  secrets.add(PASSWORD);
  await signIn(page, "ann@example.com");
  await expect(home(page)).toContainText("Signed in as ann@example.com");
  await signOut(page);
  await visit(page, "/auth/sign-in");
  await expect(page.locator(".lr-method .lr-badge")).toHaveText("Last used");
  await expect(page.locator(".lr-hosted .lr-badge")).toHaveCount(0);
});

test("More ways to sign in: the hosted sign-in and 2FA pages, then the destination the sign-in started with", async ({ page, secrets }) => {
  const seen = watchReturns(page, secrets);
  await visit(page, "/auth/sign-in?redirect=%2Fprotected");
  await page.getByRole("button", { name: "More ways to sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Demo realm" })).toBeVisible();
  await axe(page, "hosted sign-in page");
  await shot(page, "hosted-sign-in");
  secrets.add(PASSWORD);
  await page.getByLabel("Email").fill("tom@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Two-step verification" })).toBeVisible();
  await axe(page, "hosted 2FA page");
  const code = await emu.totp("tom@example.com");
  secrets.add(code);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await arrived(page, `${APP}/protected`);
  await expect(page.locator("#selected-account")).toContainText("Tom's Shop");
  await noTraceOf(page, seen);

  // the hosted profile page, in the hosted pages' own session: saving comes back with a
  // fresh token (a return this tab did not start: it asks first)
  const profile = `${EMULATOR}/profile?redirect_uri=${encodeURIComponent(`${APP}/auth/callback`)}`;
  page.allowUrl(profile);
  await page.goto(profile);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await axe(page, "hosted profile page");
  await page.getByLabel("First name").fill("Thomas");
  await page.getByRole("button", { name: "Save and return" }).click();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(home(page)).toContainText("Signed in as tom@example.com");
  await noTraceOf(page, seen);
});

test("the hosted sign-up page, reached from More ways, comes back signed in", async ({ page, secrets }) => {
  const seen = watchReturns(page, secrets);
  await visit(page, "/auth/sign-up");
  await page.getByRole("button", { name: "More ways to sign in" }).click();
  await page.getByRole("link", { name: "No account yet? Sign up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create your Demo realm account" })).toBeVisible();
  await axe(page, "hosted sign-up page");
  secrets.add("Hosted-Password-41");
  await page.getByLabel("Email").fill("hal@example.com");
  await page.getByLabel("Password").fill("Hosted-Password-41");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(home(page)).toContainText("Signed in as hal@example.com");
  await noTraceOf(page, seen);
});

test("the hosted accounts page switches account and comes back signed in to the one chosen", async ({ page, secrets }) => {
  const seen = watchReturns(page, secrets);
  await visit(page, "/protected");
  secrets.add(PASSWORD);
  await signIn(page, "mia@example.com");
  await page.getByRole("button", { name: "Acme" }).click();
  await arrived(page, `${APP}/protected`);
  await expect(page.locator("#selected-account")).toContainText("Acme");
  await page.getByRole("button", { name: "Switch on the hosted page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Choose an account" })).toBeVisible();
  // the session id left the hosted page's address at once
  expect(page.url()).not.toContain("kss_");
  await axe(page, "hosted accounts page");
  await page.getByRole("button", { name: "Globex" }).click();
  await arrived(page, `${APP}/protected`);
  await expect(page.locator("#selected-account")).toContainText("Globex");
  await noTraceOf(page, seen);
});

test("a return this browser did not start asks first, and signs in only on Continue", async ({ page, secrets }) => {
  const seen = watchReturns(page, secrets);
  // a bookmarked hosted page: it returns to the app's callback without the kit's state
  page.allowUrl(`${EMULATOR}/login?redirect_uri=${encodeURIComponent(`${APP}/auth/callback`)}`);
  await page.goto(`${EMULATOR}/login?redirect_uri=${encodeURIComponent(`${APP}/auth/callback`)}`);
  secrets.add(PASSWORD);
  await page.getByLabel("Email").fill("ann@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Continue as ann@example.com?")).toBeVisible();
  await expect(page).toHaveURL(`${APP}/auth/callback`);
  // nobody is signed in yet: not in this tab's store, nor in storage
  expect(await page.evaluate(() => localStorage.getItem("leptos-loginrocket.session"))).toBeNull();
  await axe(page, "callback: confirm");
  await shot(page, "callback-confirm");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(home(page)).toContainText("Signed in as ann@example.com");
  await noTraceOf(page, seen);
});

test("a tampered, expired, other realm's or ended token is a clear state with the way back to sign in", async ({ page, secrets }) => {
  const token = await realToken("ann@example.com");
  secrets.add(token);
  const claims = claimsOf(token);
  const future = Math.floor(Date.now() / 1000) + 3600;
  const cases = [
    ["another user's claims on a real session", forged({ ...claims, sub: "usr_someone_else" }), "This sign-in link isn't valid, or its sign-in has ended."],
    ["a forged session", forged({ ...claims, sid: "kss_forged_0000" }), "This sign-in link isn't valid, or its sign-in has ended."],
    ["another realm's", forged({ sub: "usr_x", sid: "kss_of_another_realm", rid: "rl_other", exp: future }), "This sign-in link isn't valid, or its sign-in has ended."],
    ["an expired token", forged({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }), "This sign-in link has expired."],
    ["no token at all", "", "This sign-in link is incomplete."],
  ];
  for (const [what, bad, message] of cases) {
    if (bad) secrets.add(bad);
    const url = `/auth/callback${bad ? `?token=${bad}` : ""}`;
    page.allowUrl(url);
    await page.goto(url);
    await expect(page.locator("[role=alert]"), what).toHaveText(message);
    await expect(page, what).toHaveURL(`${APP}/auth/callback`);
    await expect(page.getByRole("link", { name: "Sign in again" }), what).toHaveAttribute("href", "/auth/sign-in");
    expect(await page.evaluate(() => localStorage.length), what).toBe(0);
  }
  await axe(page, "callback: dead end");
  await shot(page, "callback-invalid");

  // an ended session: signed out at LoginRocket, then its token comes back
  await fetch(`${EMULATOR}/v2/session?session=${claims.sid}`, { method: "DELETE" });
  page.allowUrl(`/auth/callback?token=${token}`);
  await page.goto(`/auth/callback?token=${token}`);
  await expect(page.locator("[role=alert]")).toHaveText("This sign-in link isn't valid, or its sign-in has ended.");
});

test("LoginRocket out of reach at the return is a retry, then the sign-in", async ({ page, secrets }) => {
  // a token from a sign-in this browser started
  await visit(page, "/auth/sign-in");
  const seen = watchReturns(page, secrets);
  await emu.fault({ method: "GET", path: "session", status: 503, body: "down" });
  await page.getByRole("button", { name: "More ways to sign in" }).click();
  secrets.add(PASSWORD);
  await page.getByLabel("Email").fill("ann@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("[role=alert]")).toHaveText("We can't reach the sign-in service right now. Please try again in a moment.");
  await axe(page, "callback: unavailable");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(home(page)).toContainText("Signed in as ann@example.com");
  await noTraceOf(page, seen);
});

test.describe("demo-ssr", () => {
  test.use({ baseURL: SSR_APP });

  test("Continue with Google is a link to the backend's start, and a social sign-up lands in its cookie", async ({ page, secrets }) => {
    const seen = watchReturns(page, secrets);
    // the server's markup already has the link: it works before the wasm arrives
    const html = await (await page.request.get("/auth/sign-in?redirect=%2Faccount")).text();
    expect(html).toContain('href="/session/start?redirect=%2Faccount&amp;provider=google" rel="external"');
    await page.goto("/auth/sign-in?redirect=%2Faccount");
    await axe(page, "ssr sign-in with hosted options");
    await page.getByRole("link", { name: "Continue with Google (emulated)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Google (emulated)" })).toBeVisible();
    await page.getByLabel("Email").fill("sam@example.com");
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(`${SSR_APP}/account`);
    await expect(page.locator("p.signed-in")).toContainText("sam@example.com");
    const cookie = (await page.context().cookies(SSR_APP)).find((c) => c.name === "lr_session" || c.name === "__Host-lr_session");
    expect(cookie?.httpOnly).toBe(true);
    await noTraceOf(page, seen);
  });

  test("the hosted accounts page, opened from the account page, comes back signed in to the account chosen", async ({ page, secrets }) => {
    const seen = watchReturns(page, secrets);
    await page.goto("/auth/sign-in?redirect=%2Faccount");
    await expect(page.locator("form button[type=submit]")).toBeEnabled();
    secrets.add(PASSWORD);
    await page.getByLabel("Email", { exact: true }).fill("mia@example.com");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("button", { name: "Acme" }).click();
    await expect(page).toHaveURL(`${SSR_APP}/account`);
    await expect(page.locator("[data-field=account]")).toHaveText("Acme");
    await page.getByRole("link", { name: "Switch account on the hosted page" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Choose an account" })).toBeVisible();
    expect(page.url()).not.toContain("kss_");
    await page.getByRole("button", { name: "Globex" }).click();
    await expect(page).toHaveURL(`${SSR_APP}/account`);
    await expect(page.locator("[data-field=account]")).toHaveText("Globex");
    await noTraceOf(page, seen);
  });

  test("a return this browser did not start signs nobody in, and says how to sign in", async ({ page, secrets }) => {
    const seen = watchReturns(page, secrets);
    const hosted = `${EMULATOR}/login?redirect_uri=${encodeURIComponent(`${SSR_APP}/session/new`)}`;
    page.allowUrl(hosted);
    await page.goto(hosted);
    secrets.add(PASSWORD);
    await page.getByLabel("Email").fill("ann@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("did not start in this browser")).toBeVisible();
    await axe(page, "ssr unsolicited return");
    const cookies = await page.context().cookies(SSR_APP);
    expect(cookies.find((c) => c.name.endsWith("lr_session"))).toBeUndefined();
    expect(seen.tokens.length).toBe(1);
  });
});
