// /custom/sign-in: the demo's own sign-in page, built only on the kit's hooks (its own markup
// and classes, no kit component). Every UI state reaches it through the hooks' one message.
import { test, expect, emu, visit, axe, shot, PASSWORD } from "./fixtures.mjs";

const email = (page) => page.locator("#custom-email");
const password = (page) => page.locator("#custom-password");
const message = (page) => page.locator(".custom-message");
const submit = (page) => page.locator(".custom-form button[type=submit]");
const home = (page) => page.locator("#session-state");

async function credentials(page, who) {
  await email(page).fill(who);
  await password(page).fill(PASSWORD);
  await submit(page).click();
}

test.beforeEach(async ({ page, secrets }) => {
  secrets.add(PASSWORD);
  await visit(page, "/custom/sign-in");
  // no kit component on this page: its markup is the app's own
  await expect(page.locator(".custom-form")).toBeVisible();
  await expect(page.locator("[class*=lr-]")).toHaveCount(0);
});

test("headless sign-in with a second factor, field messages next to the fields", async ({ page, secrets }) => {
  await axe(page, "custom sign-in idle");
  await submit(page).click();
  await expect(page.locator("#custom-email-error")).toHaveText("Please fill in Email.");
  await expect(page.locator("#custom-password-error")).toHaveText("Please fill in Password.");
  await credentials(page, "tom@example.com");
  await expect(page.locator("#custom-code")).toBeVisible();
  await page.locator("#custom-code").fill("000000");
  await submit(page).click();
  await expect(page.locator("#custom-code-error")).toHaveText("Code is invalid");
  await axe(page, "custom two-factor error");
  await shot(page, "custom-two-factor");
  const code = await emu.totp("tom@example.com");
  secrets.add(code);
  await page.locator("#custom-code").fill(code);
  await submit(page).click();
  await expect(page).toHaveURL("/");
  await expect(home(page)).toContainText("Signed in as tom@example.com");
});

test("headless rate limit: the hook's message counts down, submit waits for it", async ({ page }) => {
  await emu.fault({ path: "login", status: 429, headers: { "Retry-After": "2" }, body: { result: "error" } });
  await credentials(page, "ann@example.com");
  await expect(message(page)).toHaveText(/^Too many attempts\. Try again in [12] seconds?\.$/);
  await expect(submit(page)).toBeDisabled();
  await shot(page, "custom-rate-limited");
  await expect(submit(page)).toBeEnabled({ timeout: 5_000 });
  await expect(message(page)).toBeEmpty();
  await submit(page).click();
  await expect(home(page)).toContainText("Signed in as ann@example.com");
});

test("headless offline: the hook's message says so, and a retry works once back online", async ({ page, context }) => {
  await context.setOffline(true);
  await credentials(page, "ann@example.com");
  await expect(message(page)).toHaveText("You appear to be offline. Check your connection and try again.");
  await expect(page.locator(".custom-form")).toHaveAttribute("aria-busy", "false");
  await shot(page, "custom-offline");
  await context.setOffline(false);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(home(page)).toContainText("Signed in as ann@example.com");
});

test("an app's own page on the hooks tags the server's messages with their language too (WCAG 3.1.2)", async ({ page, secrets }) => {
  await credentials(page, "tom@example.com");
  await expect(page.locator("#custom-code")).toBeVisible();
  await page.getByRole("button", { name: "日本語" }).click();
  await page.locator("#custom-code").fill("000000");
  await submit(page).click();
  const error = page.locator("#custom-code-error");
  await expect(error).toContainText("不正");
  await expect(error).toHaveAttribute("lang", "ja");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(error).toContainText("不正");
  await expect(error).toHaveAttribute("lang", "ja");
  // our own message for an empty field follows the page, with no lang of its own
  await page.locator("#custom-code").fill("");
  await submit(page).click();
  await expect(error).not.toContainText("不正");
  await expect(error).not.toHaveAttribute("lang", /./);
});
