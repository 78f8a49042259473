// Every page in its idle state passes axe-core and is captured; keyboard-only sign in; the
// locale switcher changes everything at once.
import { test, expect, emu, visit, axe, shot, alertOf, PASSWORD } from "./fixtures.mjs";

const pages = [
  ["home", "/", "leptos-loginrocket demo"],
  ["sign-in", "/auth/sign-in", "Sign in"],
  ["sign-up", "/auth/sign-up", "Create your account"],
  ["forgot-password", "/auth/forgot-password", "Forgot your password?"],
  ["reset-password-no-token", "/auth/reset-password", "Choose a new password"],
  ["verify-email-no-token", "/auth/verify-email", "Verify your email"],
  ["two-factor", "/auth/two-factor", "Enter your verification code"],
  ["choose-account", "/auth/choose-account", "Choose an account"],
  ["complete-profile", "/auth/complete-profile", "Complete your profile"],
  ["request-invitation", "/auth/request-invitation", "Request an invitation"],
  ["next-step", "/auth/next-step", "One more step"],
  ["not-found", "/nowhere", "Page not found"],
];

for (const [name, path, heading] of pages) {
  test(`axe: ${name} (idle)`, async ({ page }) => {
    await visit(page, path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await axe(page, `${name} idle`);
    await shot(page, `page-${name}`);
  });
}

test("axe: every form's client-side required errors", async ({ page }) => {
  for (const path of ["/auth/sign-in", "/auth/sign-up", "/auth/forgot-password", "/auth/request-invitation"]) {
    await visit(page, path);
    await page.locator("form button[type=submit]").click();
    await expect(page.locator("form input[aria-invalid=true]").first()).toBeVisible();
    await axe(page, `${path} required errors`);
  }
});

test("keyboard only: tab to the form, type, submit with Enter", async ({ page, secrets }) => {
  secrets.add(PASSWORD);
  await visit(page, "/auth/sign-in");
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("name"));
  for (let i = 0; i < 20 && (await focused()) !== "email"; i++) await page.keyboard.press("Tab");
  expect(await focused()).toBe("email");
  await page.keyboard.type("ann@example.com");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("password");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Tab"); // the show-password toggle
  await page.keyboard.press("Tab"); // the submit button
  await expect(page.locator("form button[type=submit]")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");
});

test("the locale switch changes the kit's strings and the server's messages (ja)", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-in");
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログイン");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  secrets.add("wrong-password-sentinel");
  await page.locator("input[name=email]").fill("ann@example.com");
  await page.locator("input[name=password]").fill("wrong-password-sentinel");
  await page.locator("form button[type=submit]").click();
  await expect(alertOf(page)).toHaveText("ログインに失敗しました");
  await axe(page, "sign-in error (ja)");
  await shot(page, "sign-in-error-ja");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
});
