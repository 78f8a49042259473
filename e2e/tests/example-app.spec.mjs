// examples/quick-start: an app outside the workspace that takes the kit from git (built by
// scripts/example-app.sh). The kit's styles come from <LoginRocketStyles/>: no CSS file copied
// out of the kit, no <style> element, and the strict CSP (no 'unsafe-inline') is kept. The
// app themes it with its own linked sheet, as apps do.
import { test, expect, axe, shot, PASSWORD } from "./fixtures.mjs";
import { EXAMPLE_APP } from "../common.mjs";

test("an app with the kit from git is styled by the dependency under the strict CSP, and signs in", async ({ page, secrets }) => {
  secrets.add(PASSWORD);
  await page.goto(`${EXAMPLE_APP}/`);
  const submit = page.locator(".lr-form button[type=submit]");
  await expect(submit).toHaveText("Sign in");

  // the kit's styles came with the wasm: one constructed sheet, nothing inline; the one
  // linked sheet is the app's own theme (examples/quick-start/app.css)
  const sheets = await page.evaluate(() => ({
    documentSheets: [...document.styleSheets].map((s) => new URL(s.href).pathname),
    adopted: document.adoptedStyleSheets.length,
    rules: document.adoptedStyleSheets[0]?.cssRules[0]?.cssRules?.length ?? 0,
    inline: document.querySelectorAll("style, [style]").length,
  }));
  expect(sheets.documentSheets).toEqual([expect.stringMatching(/^\/app-[0-9a-f]+\.css$/)]);
  expect(sheets.inline).toBe(0);
  expect(sheets.adopted).toBe(1);
  expect(sheets.rules).toBeGreaterThan(40);
  // and the app's tokens win over the kit's sheet, adopted after the app's: the submit button
  // has the app's accent and the app's text on it, in light and in dark
  await expect(submit).toHaveCSS("background-color", "rgb(109, 40, 217)");
  await expect(submit).toHaveCSS("color", "rgb(255, 255, 255)");
  await expect(page.locator(".lr-page")).not.toHaveCSS("border-radius", "0px");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(submit).toHaveCSS("background-color", "rgb(196, 181, 253)");
  await expect(submit).toHaveCSS("color", "rgb(30, 16, 51)");
  // the kit's own dark tokens still apply where the app set none
  await expect(page.locator(".lr-page")).toHaveCSS("background-color", "rgb(22, 27, 34)");
  await axe(page, "example app, dark");
  await page.emulateMedia({ colorScheme: "light" });
  // the button's colours transition (120 ms): judge them once they are the light ones
  await expect(submit).toHaveCSS("background-color", "rgb(109, 40, 217)");
  await axe(page, "example app");
  await shot(page, "example-app");

  // and the kit works there: a sign-in against the emulator
  const signedIn = page.waitForEvent("console", (m) => m.text().startsWith("signed in to account"));
  await page.locator("input[name=email]").fill("ann@example.com");
  await page.locator("input[name=password]").fill(PASSWORD);
  await submit.click();
  await signedIn;
});
