// How the drop-in pages behave for a careful user: what each control says, and no dead ends.
import { test, expect, visit, axe, alertOf } from "./fixtures.mjs";

test("the show-password toggle says what a press will do", async ({ page }) => {
  await visit(page, "/auth/sign-in");
  const password = page.locator("input[name=password]");
  const toggle = page.locator(".lr-field__toggle");
  await expect(toggle).toHaveAccessibleName("Show password");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(password).toHaveAttribute("type", "text");
  await expect(toggle).toHaveAccessibleName("Hide password");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(password).toHaveAttribute("type", "password");
  await expect(toggle).toHaveAccessibleName("Show password");
});

test("a reset page without its token reads as an incomplete link, with a way forward", async ({ page }) => {
  await visit(page, "/auth/reset-password");
  await expect(alertOf(page)).toHaveText("This password reset link is incomplete. Please request a new one.");
  await axe(page, "reset link missing");
  await page.getByRole("button", { name: "Request a new link" }).click();
  await expect(page).toHaveURL("/auth/forgot-password");
});
