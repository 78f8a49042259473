// Every page in its idle state passes axe-core and is captured; keyboard-only sign in; the
// locale switcher changes everything at once.
import { test, expect, arrived, emu, visit, axe, shot, alertOf, signIn, PASSWORD } from "./fixtures.mjs";

const pages = [
  ["home", "/", "leptos-loginrocket demo"],
  ["sign-in", "/auth/sign-in", "Sign in"],
  ["sign-up", "/auth/sign-up", "Create your account"],
  ["forgot-password", "/auth/forgot-password", "Forgot your password?"],
  ["reset-password-no-token", "/auth/reset-password", "Choose a new password"],
  ["verify-email-no-token", "/auth/verify-email", "Verify your email"],
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

// Every drop-in page in both colour schemes: axe on each, and the screenshots in docs/
// (scripts/screenshots.sh copies them there). Pages that need a sign-in step get one.
for (const scheme of ["light", "dark"]) {
  test(`axe and screenshots: every page, ${scheme} scheme`, async ({ page, secrets }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    const capture = async (name) => {
      await axe(page, `${name} (${scheme})`);
      await shot(page, `docs-${name}-${scheme}`);
    };
    for (const [name, path] of [
      ["sign-in", "/auth/sign-in"],
      ["sign-up", "/auth/sign-up"],
      ["forgot-password", "/auth/forgot-password"],
      ["reset-password", "/auth/reset-password"],
      ["verify-email", "/auth/verify-email"],
      ["request-invitation", "/auth/request-invitation"],
      ["next-step", "/auth/next-step"],
      ["custom-sign-in", "/custom/sign-in"],
    ]) {
      await visit(page, path);
      await capture(name);
    }
    await visit(page, "/auth/sign-in");
    await page.locator("form button[type=submit]").click();
    await expect(page.locator("form input[aria-invalid=true]").first()).toBeFocused();
    await capture("sign-in-required");

    secrets.add(PASSWORD);
    await signIn(page, "tom@example.com");
    await arrived(page, "/auth/two-factor");
    await capture("two-factor");

    await visit(page, "/auth/sign-in");
    await signIn(page, "mia@example.com");
    await expect(page.getByRole("button", { name: "Globex" })).toBeVisible();
    await capture("choose-account");
    await page.getByRole("button", { name: "Globex" }).click();
    await expect(page).toHaveURL("/");
    await page.getByRole("link", { name: "Protected" }).click();
    await page.getByRole("link", { name: "Edit profile" }).click();
    await expect(page.locator("form input[name=first_name]")).toBeVisible();
        await capture("profile");
    await page.getByRole("link", { name: "Protected" }).click();
    await page.getByRole("link", { name: "Change password" }).click();
    await expect(page.locator("form input[name=current_password]")).toBeVisible();
    await capture("change-password");

    await emu.realm({ org_name_field: "required" });
    await emu.user({ email: "nora@example.com", password: PASSWORD, orgs: [] });
    await page.getByRole("link", { name: "Protected" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await signIn(page, "nora@example.com");
        // signed out from the protected page: the destination is carried through the step
    await arrived(page, "/auth/complete-profile?redirect=%2Fprotected");
    await capture("complete-profile");
  });
}

test("a 320 px phone: the card fits without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/auth/sign-in", "/auth/sign-up"]) {
    await visit(page, path);
    await page.locator("form button[type=submit]").click();
    await expect(page.locator("form input[aria-invalid=true]").first()).toBeFocused();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await axe(page, `${path} at 320 px`);
  }
  await shot(page, "phone-sign-up");
});

test("a 320 px phone: the demo's header links and buttons are targets of 24 px at least (WCAG 2.5.8)", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", "/auth/sign-in"]) {
    await visit(page, path);
    const targets = await page.locator(".demo-header a, .demo-header button").evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.textContent.trim(), x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    expect(targets.length, path).toBeGreaterThanOrEqual(4);
    for (const t of targets) {
      expect(t.h, `${path}: "${t.name}" is ${t.h} px tall`).toBeGreaterThanOrEqual(24);
      expect(t.w, `${path}: "${t.name}" is ${t.w} px wide`).toBeGreaterThanOrEqual(24);
    }
    // and no two of them overlap
    for (const [i, a] of targets.entries()) {
      for (const b of targets.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${path}: "${a.name}" and "${b.name}" overlap`).toBe(true);
      }
    }
  }
  await shot(page, "phone-demo-header");
});
