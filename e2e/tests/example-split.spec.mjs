// examples/split: an app outside the workspace that takes the kit from git with `lazy-pages`,
// split by the installed Trunk hook loginrocket-split (scripts/example-app.sh split), as an
// app of its own is. Sign-in loads no page's chunk; another page fetches its own, named for the
// build, renders, and works.
import { test, expect, axe, shot } from "./fixtures.mjs";
import { EXAMPLE_SPLIT } from "../common.mjs";

const CHUNK = /\/(split_[a-z0-9_]+|chunk_\d+)-([0-9a-f]{16})\.wasm$/;

test("an app outside the workspace splits by route with the installed hook", async ({ page }) => {
  const chunks = [];
  page.on("request", (r) => {
    const m = CHUNK.exec(new URL(r.url()).pathname);
    if (m) chunks.push(m[1]);
  });
  await page.goto(`${EXAMPLE_SPLIT}/auth/sign-in`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.locator(".lr-form button[type=submit]")).toBeEnabled();
  expect(chunks.filter((c) => c.startsWith("split_lr_"))).toEqual([]);

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/auth\/forgot-password/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(chunks).toContain("split_lr_forgot_password");
  // and the page works: the emulator answers the same way whether or not the account exists
  await page.locator("input[name=email]").fill("nobody@example.com");
  await page.locator(".lr-form button[type=submit]").click();
  await expect(page.locator(".lr-form [role=status]")).not.toBeEmpty();
  await axe(page, "example split, forgot password");
  await shot(page, "example-split-forgot-password");
});
