// What an attacker or a race would try: a late refresh after sign-out, a crafted redirect,
// a sign-out in another tab, a form the app failed to intercept.
import { test, expect, emu, visit, signIn, signedIn, PASSWORD } from "./fixtures.mjs";
import { APP } from "../common.mjs";


test("signing out during a slow refresh stays signed out", async ({ page, secrets }) => {
  const login = page.waitForResponse((r) => r.url().endsWith("/v2/login") && r.request().method() === "POST");
  await signedIn(page, "ann@example.com", secrets);
  const fullLogin = await (await login).json();
  expect(fullLogin.result).toBe("full_login");
  await page.getByRole("link", { name: "Protected" }).click();
  await expect(page.getByRole("heading", { name: "Protected page" })).toBeVisible();
  // the next GET session answers with a valid full_login for this session, 3 s late
  await emu.fault({ method: "GET", path: "session", delay_ms: 3000, status: 200, body: fullLogin });
  const sent = page.waitForRequest((r) => r.url().includes("/v2/session") && r.method() === "GET");
  const late = page.waitForResponse((r) => r.url().includes("/v2/session") && r.request().method() === "GET");
  await page.getByRole("button", { name: "Refresh session" }).click();
  await sent;
  const signOut = page.getByRole("button", { name: "Sign out" });
  expect(await signOut.isEnabled(), "signing out is possible while the refresh is pending").toBe(true);
  await signOut.click({ timeout: 1000 });
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect((await late).status(), "the late refresh did answer").toBe(200);
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page.locator("#session-state")).toHaveText("Signed out");
  await page.getByRole("link", { name: "Protected" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" }), "the guard still sends to sign-in").toBeVisible();
});

test("a crafted ?redirect=/.//evil.com lands on the default page and the app keeps working", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-in?redirect=/.//evil.com");
  secrets.add(PASSWORD);
  await signIn(page, "ann@example.com");
  await expect(page).toHaveURL(`${APP}/`);
  await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");
  await page.getByRole("link", { name: "Protected" }).click();
  await expect(page.getByRole("heading", { name: "Protected page" })).toBeVisible();
});

test("with the session kept on this device, a second tab signs out when the first one does", async ({ page, secrets }) => {
  await visit(page, "/");
  await page.locator("#remember").check(); // reloads with localStorage persistence
  await expect(page.locator("#remember")).toBeChecked();
  secrets.add(PASSWORD);
  await page.getByRole("link", { name: "Sign in" }).click();
  await signIn(page, "ann@example.com");
  await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");

  const second = await page.context().newPage();
  const secondErrors = [];
  second.on("pageerror", (e) => secondErrors.push(String(e)));
  await second.goto("/protected");
  await expect(second.getByRole("heading", { name: "Protected page" }), "the second tab shares the session").toBeVisible();

  await page.getByRole("link", { name: "Protected" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(second.getByRole("heading", { name: "Sign in" }), "the second tab signed out too").toBeVisible();
  expect(await second.evaluate(() => localStorage.getItem("leptos-loginrocket.session"))).toBeNull();
  expect(secondErrors).toEqual([]);
  await second.close();
  await page.evaluate(() => localStorage.removeItem("demo.remember"));
});

test("the served CSP forbids form submissions to any URL", async ({ page }) => {
  await visit(page, "/auth/sign-in");
  await expect(page.locator("form.lr-form--login")).toHaveAttribute("method", "post");
  const res = await page.request.get("/");
  expect(res.headers()["content-security-policy"]).toContain("form-action 'none'");
});
