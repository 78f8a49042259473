// Each UI state the kit promises, made by the emulator's faults, as a user sees it.
import { test, expect, emu, visit, axe, shot, alertOf, signIn, submitButton, PASSWORD } from "./fixtures.mjs";

const retryButton = (page) => page.getByRole("button", { name: "Try again" });

/** Not busy, submit usable: no stuck spinner. */
async function settled(page) {
  await expect(page.locator("form")).toHaveAttribute("aria-busy", "false");
  await expect(submitButton(page)).toBeEnabled();
}

test.beforeEach(async ({ page, secrets }) => {
  secrets.add(PASSWORD);
  await visit(page, "/auth/sign-in");
});

test("rate limited: a countdown, submit disabled, then enabled again", async ({ page }) => {
  await emu.fault({ path: "login", status: 429, headers: { "Retry-After": "2" }, body: { result: "error" } });
  await signIn(page, "ann@example.com");
    // the wait is said once, in the alert; the countdown ticks outside the live regions
  // (behaviour.spec.mjs counts the announcements)
  await expect(alertOf(page)).toHaveText(/^Too many attempts\. Try again in [12] seconds?\.$/);
  await expect(submitButton(page)).toBeDisabled();
  await expect(submitButton(page)).toBeEnabled({ timeout: 5_000 });
  await expect(page.locator("form [role=status]")).toHaveText("You can try again now.");
  await submitButton(page).click();
  await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");
});

test("session expired (403) on a session call: signed out and sent to sign in", async ({ page }) => {
  await signIn(page, "ann@example.com");
  await page.getByRole("link", { name: "Protected" }).click();
  await expect(page.locator("#claims")).toContainText("ann@example.com");
  await emu.fault({ path: "session", method: "GET", status: 403, body: { result: "error", error: "Session expired" } });
  await page.getByRole("button", { name: "Refresh session" }).click();
  await expect(page).toHaveURL("/auth/sign-in?redirect=%2Fprotected");
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page.locator("#session-state")).toHaveText("Signed out");
});

for (const [what, fault, message] of [
  [
    "server error (500)",
    { status: 500, body: "<h1>Internal Server Error</h1>", content_type: "text/html" },
    "We can't reach the sign-in service right now. Please try again in a moment.",
  ],
  [
    "garbage body",
    { status: 200, body: "<html>captive portal</html>", content_type: "text/html" },
    "We can't reach the sign-in service right now. Please try again in a moment.",
  ],
]) {
  test(`${what}: a retryable state, no stuck spinner`, async ({ page }) => {
    await emu.fault({ path: "login", ...fault });
    await signIn(page, "ann@example.com");
    await expect(alertOf(page)).toHaveText(message);
    await settled(page);
    await expect(retryButton(page)).toBeVisible();
    await axe(page, `sign-in ${what}`);
    await shot(page, `state-${what.split(" ")[0]}`);
    await retryButton(page).click();
    await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");
  });
}

test("timeout (the server hangs): a retryable state after the client's 10 s", async ({ page }) => {
  test.setTimeout(45_000);
  await emu.fault({ path: "login", delay_ms: 20_000 });
  await signIn(page, "ann@example.com");
  await expect(page.locator("form")).toHaveAttribute("aria-busy", "true");
  await expect(submitButton(page)).toBeDisabled();
  await expect(alertOf(page)).toHaveText(
    "The sign-in service took too long to answer. Please try again.",
    { timeout: 15_000 },
  );
  await settled(page);
  await shot(page, "state-timeout");
  await retryButton(page).click();
  await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");
});

test("CORS misconfiguration: the can't-reach-the-service state", async ({ page }) => {
  await emu.realm({ allowed_origins: ["https://elsewhere.example"] });
  await signIn(page, "ann@example.com");
  await expect(alertOf(page)).toHaveText(
    "We can't reach the sign-in service right now. Please try again in a moment.",
  );
  await settled(page);
  await shot(page, "state-cors");
  await emu.realm({ allowed_origins: ["*"] });
  await retryButton(page).click();
  await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");
});

test("offline: the offline state, and the form works once back online", async ({ page, context }) => {
  await context.setOffline(true);
  await signIn(page, "ann@example.com");
  await expect(alertOf(page)).toHaveText("You appear to be offline. Check your connection and try again.");
  await settled(page);
  await context.setOffline(false);
  await retryButton(page).click();
  await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");
});

test("double submit sends one request", async ({ page }) => {
  const logins = [];
  page.on("request", (r) => r.url().endsWith("/v2/login") && r.method() === "POST" && logins.push(r));
  await emu.fault({ path: "login", delay_ms: 1_000 }); // slow enough to click again
  await page.locator("input[name=email]").fill("ann@example.com");
  await page.locator("input[name=password]").fill(PASSWORD);
  await submitButton(page).dblclick();
  await page.locator("input[name=password]").press("Enter"); // and once more by keyboard
  await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");
  expect(logins.length).toBe(1);
});

test("the demo's failure lab queues the fault it names", async ({ page }) => {
  await page.getByRole("button", { name: "Server error" }).click();
  await expect(page.getByRole("complementary", { name: "Failure lab" }).getByRole("status")).toHaveText(
    "Next request: server error",
  );
  await signIn(page, "ann@example.com");
  await expect(alertOf(page)).toHaveText(
    "We can't reach the sign-in service right now. Please try again in a moment.",
  );
  await retryButton(page).click();
  await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");
});
