// examples/trunk-app: an app outside the workspace that takes the kit from git (built by
// scripts/example-app.sh). Its only styling step is <LoginRocketStyles/>: no CSS file copied
// out of the kit, no <style> element, and the strict CSP (no 'unsafe-inline') is kept.
import { test, expect, axe, shot, PASSWORD } from "./fixtures.mjs";
import { EXAMPLE_APP } from "../common.mjs";

test("an app with the kit from git is styled by the dependency under the strict CSP, and signs in", async ({ page, secrets }) => {
  secrets.add(PASSWORD);
  await page.goto(`${EXAMPLE_APP}/`);
  const submit = page.locator(".lr-form button[type=submit]");
  await expect(submit).toHaveText("Sign in");

  // the styles came with the wasm: one constructed sheet, nothing linked or inline
  const sheets = await page.evaluate(() => ({
    documentSheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
    rules: document.adoptedStyleSheets[0]?.cssRules.length ?? 0,
    elements: document.querySelectorAll("style, link[rel=stylesheet], [style]").length,
  }));
  expect(sheets.documentSheets).toBe(0);
  expect(sheets.elements).toBe(0);
  expect(sheets.adopted).toBe(1);
  expect(sheets.rules).toBeGreaterThan(40);
  // and they apply: the button has the kit's accent, the card its radius
  await expect(submit).toHaveCSS("background-color", "rgb(11, 92, 173)");
  await expect(submit).toHaveCSS("color", "rgb(255, 255, 255)");
  await expect(page.locator(".lr-page")).not.toHaveCSS("border-radius", "0px");
  await axe(page, "example app");
  await shot(page, "example-app");

  // and the kit works there: a sign-in against the emulator
  const signedIn = page.waitForEvent("console", (m) => m.text().startsWith("signed in to account"));
  await page.locator("input[name=email]").fill("ann@example.com");
  await page.locator("input[name=password]").fill(PASSWORD);
  await submit.click();
  await signedIn;
});
