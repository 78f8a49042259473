// How the drop-in pages behave around the forms: history, focus, titles, announcements, and
// what a user sees when they arrive somewhere without what the page needs.
import {
  test,
  expect,
  emu,
  visit,
  axe,
  shot,
  alertOf,
  signIn,
  signedIn,
  fieldError,
  fill,
  submit,
  submitButton,
  PASSWORD,
} from "./fixtures.mjs";

const heading = (page) => page.getByRole("heading", { level: 1 });
const pageNotice = (page) => page.locator(".lr-page__notice");
const APP = "LoginRocket Demo";

/** An in-app navigation to `path` (what a click on a link of the app's own does). */
const go = (page, path) =>
  page.evaluate((p) => {
    history.pushState({}, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
const historyLength = (page) => page.evaluate(() => history.length);

test("a signed-out click on a protected page leaves no trap in the history", async ({ page, secrets }) => {
  await visit(page, "/");
  await page.getByRole("link", { name: "Protected" }).click();
  await expect(page).toHaveURL("/auth/sign-in?redirect=%2Fprotected");
  await page.goBack();
  await expect(page).toHaveURL("/");
  await expect(heading(page)).toHaveText("leptos-loginrocket demo");
  // signed in, Back from the destination skips the sign-in page too
  await page.getByRole("link", { name: "Protected" }).click();
  secrets.add(PASSWORD);
  await signIn(page, "ann@example.com");
  await expect(page).toHaveURL("/protected");
  await page.goBack();
  await expect(page).toHaveURL("/");
});

test("the password rule is on the page before any error", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-up");
  const password = page.locator("form input[name=password]");
  await expect(password).toHaveAccessibleDescription("At least 8 characters.");
  await signedIn(page, "ann@example.com", secrets);
  await page.getByRole("link", { name: "Protected" }).click();
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.locator("form input[name=password]")).toHaveAccessibleDescription("At least 8 characters.");
});

test("each page has its own localized document title, with the app's name", async ({ page }) => {
  await visit(page, "/auth/sign-in");
  await expect(page).toHaveTitle(`Sign in · ${APP}`);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveTitle(`Create your account · ${APP}`);
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page).toHaveTitle(`アカウントを作成 · ${APP}`);
  await page.getByRole("link", { name: "ホーム" }).click();
  await expect(page).toHaveTitle("leptos-loginrocket デモ");
});

test("messages follow a language switch: ours are re-rendered, the server's keep their language", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-in");
  await submit(page);
  await expect(await fieldError(page, "email")).toHaveText("Please fill in Email.");
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(await fieldError(page, "email")).toHaveText("メールアドレスを入力してください。");
  await page.getByRole("button", { name: "English" }).click();
  secrets.add("wrong-password-sentinel");
  await signIn(page, "ann@example.com", "wrong-password-sentinel");
  await expect(alertOf(page)).toHaveText("Login failed");
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(heading(page)).toHaveText("ログイン");
  // the server said it in English: it stays, marked as English for screen readers
  await expect(alertOf(page)).toHaveText("Login failed");
  await expect(alertOf(page)).toHaveAttribute("lang", "en");
  await axe(page, "sign-in, an English server message on a Japanese page");
});

test("the new password on change-password is labelled as new, and the server's message still finds it", async ({ page, secrets }) => {
  await signedIn(page, "ann@example.com", secrets);
  await page.getByRole("link", { name: "Protected" }).click();
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByLabel("New password", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  await submit(page);
  await expect(await fieldError(page, "password")).toHaveText("Please fill in New password.");
  await fill(page, { current_password: PASSWORD, password: "short" });
  secrets.add("short");
  await submit(page);
  await expect(await fieldError(page, "password")).toHaveText("Password is too short (minimum is 8 characters)");
});

test("focus moves to the new page: its first field after a submit, else its heading", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-in");
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(heading(page)).toBeFocused();
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(heading(page)).toBeFocused();
  secrets.add(PASSWORD);
  await signIn(page, "tom@example.com");
  await expect(page).toHaveURL("/auth/two-factor");
  await expect(page.locator("form input[name=code]")).toBeFocused();
});

test("a rate-limit wait is announced when it starts and when it ends, and ticks outside the live regions", async ({ page }) => {
  await visit(page, "/auth/sign-in");
  await page.evaluate(() => {
    window.__announced = { alert: [], status: [] };
    const watch = (selector, into) => {
      const el = document.querySelector(selector);
      const record = () => el.textContent && into.push(el.textContent);
      new MutationObserver(record).observe(el, { childList: true, characterData: true, subtree: true });
    };
    watch("form [role=alert]", window.__announced.alert);
    watch("form [role=status]", window.__announced.status);
  });
  await emu.fault({ path: "login", status: 429, headers: { "Retry-After": "3" }, body: { result: "error" } });
  await signIn(page, "ann@example.com");
  await expect(alertOf(page)).toHaveText(/^Too many attempts\. Try again in [23] seconds\.$/);
  await expect(alertOf(page)).toBeFocused();
  await expect(page.locator(".lr-form__countdown")).toHaveText(/^[123] seconds? left$/);
  await expect(submitButton(page)).toBeDisabled();
  await axe(page, "sign-in rate limited");
  await shot(page, "state-rate-limited");
  await expect(submitButton(page)).toBeEnabled({ timeout: 6_000 });
  await expect(page.locator("form [role=status]")).toHaveText("You can try again now.");
  await expect(alertOf(page)).toBeEmpty();
  const announced = await page.evaluate(() => window.__announced);
  expect(announced.alert).toHaveLength(1);
  // "Signing in…", then the end of the wait: nothing in between
  expect(announced.status).toEqual(["Signing in…", "You can try again now."]);
});

test("signing out says so on the page the user lands on", async ({ page, secrets }) => {
  await signedIn(page, "ann@example.com", secrets);
  await page.getByRole("link", { name: "Protected" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(heading(page)).toHaveText("Sign in");
  await expect(pageNotice(page)).toHaveText("You're signed out.");
  await expect(pageNotice(page)).toHaveAttribute("role", "status");
  await axe(page, "sign-in after signing out");
  // the notice is for the page the user landed on, not the next one
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(heading(page)).toHaveText("Create your account");
  await expect(pageNotice(page)).toBeEmpty();
});

test("a sign-out the server could not be told of says so on the landing page", async ({ page, secrets }) => {
  await signedIn(page, "ann@example.com", secrets);
  await page.getByRole("link", { name: "Protected" }).click();
  await emu.fault({ path: "session", method: "DELETE", status: 500, body: "<h1>down</h1>", content_type: "text/html" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(heading(page)).toHaveText("Sign in");
  await expect(pageNotice(page)).toHaveText(
    "You're signed out on this device, but we couldn't reach the sign-in service to end the session everywhere.",
  );
});

test("a signed-in user on sign-in, sign-up or forgot password goes on to the app, and Back is not trapped", async ({ page, secrets }) => {
  await signedIn(page, "ann@example.com", secrets);
  const before = await historyLength(page);
  for (const path of ["/auth/sign-in", "/auth/sign-up", "/auth/forgot-password"]) {
    await go(page, path);
    await expect(page).toHaveURL("/");
    await expect(page.locator("#session-state")).toContainText("Signed in as ann@example.com");
  }
  // each visit replaced its own entry: Back goes where it went before
  expect(await historyLength(page)).toBe(before + 3);
});

test("links between auth pages keep a safe ?redirect=, and drop an unsafe one", async ({ page, secrets }) => {
  await visit(page, "/protected");
  await expect(page).toHaveURL("/auth/sign-in?redirect=%2Fprotected");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL("/auth/forgot-password?redirect=%2Fprotected");
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL("/auth/sign-up?redirect=%2Fprotected");
  secrets.add(PASSWORD);
  await fill(page, { email: "new-user@example.com", password: PASSWORD });
  await submit(page);
  await expect(page).toHaveURL("/protected");
  await expect(page.locator("#claims")).toContainText("new-user@example.com");

  await visit(page, "/auth/sign-in?redirect=%2F%2Fevil.com");
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/auth/sign-up");
});

for (const [path, name] of [
  ["/auth/two-factor", "two-factor"],
  ["/auth/choose-account", "choose-account"],
  ["/auth/complete-profile", "complete-profile"],
]) {
  test(`${name} without its sign-in step goes to sign in and says why`, async ({ page }) => {
    await visit(page, "/");
    const before = await historyLength(page);
    await go(page, `${path}?redirect=%2Fprotected`);
    await expect(page).toHaveURL("/auth/sign-in?redirect=%2Fprotected");
    await expect(heading(page)).toHaveText("Sign in");
    await expect(pageNotice(page)).toHaveText("That sign-in step is no longer open. Please sign in again.");
    await axe(page, `sign-in after ${name} without its step`);
    // the step's entry was replaced: Back goes home
    expect(await historyLength(page)).toBe(before + 1);
    await page.goBack();
    await expect(page).toHaveURL("/");
  });
}

test.describe("a Japanese browser", () => {
  test.use({ locale: "ja-JP" });

  test("starts in Japanese, the demo's own chrome too", async ({ page }) => {
    await visit(page, "/auth/sign-in");
    await expect(heading(page)).toHaveText("ログイン");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("link", { name: "ホーム" })).toBeVisible();
    await axe(page, "sign-in, Japanese browser");
    await shot(page, "sign-in-ja-browser");
  });
});

test("the page's card carries the app's brand", async ({ page }) => {
  await visit(page, "/auth/sign-in");
  await expect(page.locator(".lr-page .lr-page__brand")).toHaveText(APP);
});
