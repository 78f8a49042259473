// The split build (scripts/split.sh): every drop-in page but sign-in is a wasm chunk of its
// own. Sign-in fetches none; a deep link to any other page, and a reload there, fetches that
// page's chunk and renders it.
import { test, expect, visit, signedIn } from "./fixtures.mjs";

const CHUNK = /\/(split_[a-z_]+_\d+|chunk_\d+)\.wasm$/;

/** Every chunk URL the page requests from now on. */
function chunksOf(page) {
  const seen = [];
  page.on("request", (r) => CHUNK.test(new URL(r.url()).pathname) && seen.push(new URL(r.url()).pathname));
  return seen;
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
        .poll(() => chunks.some((c) => c.startsWith(`/split_${chunk}_`)), { message: `${load}: split_${chunk}` })
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
    expect(chunks.some((c) => c.startsWith(`/split_${chunk}_`)), `split_${chunk}`).toBe(true);
  });
}
