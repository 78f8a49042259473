// demo-ssr with JavaScript off: the kit's server-rendered forms post to the backend
// (loginrocket-axum's form posts), which calls LoginRocket and answers with the next page, or
// the same form with LoginRocket's answer at its fields. Same emulator and fixtures as the rest
// of the suite; the fixture's checks (no secret in a URL, a readable cookie, storage) apply.
import { test, expect, emu, axe, PASSWORD } from "./fixtures.mjs";
import { SSR_APP } from "../common.mjs";

test.use({ baseURL: SSR_APP, javaScriptEnabled: false });

const ACCOUNT = "/account";
const SIGN_IN_BACK = "/auth/sign-in?redirect=%2Faccount";

const email = (page) => page.locator("form input[name=email]");
const password = (page) => page.locator("form input[name=password]");
const submit = (page) => page.locator("form button[type=submit]").first();

/** Every cookie the browser keeps for the app is HttpOnly, and none holds `secret`. */
async function cookiesHold(page, secret) {
  const cookies = await page.context().cookies(SSR_APP);
  for (const c of cookies.filter((c) => c.name !== "lr_locale")) {
    expect(c.httpOnly, `${c.name} is HttpOnly`).toBe(true);
  }
  return cookies.some((c) => c.value.includes(secret));
}

async function signInWithoutJs(page, who, secrets) {
  await page.goto(SIGN_IN_BACK);
  secrets.add(PASSWORD);
  await email(page).fill(who);
  await password(page).fill(PASSWORD);
  await submit(page).click();
}

test("sign in and out with no JavaScript: the form posts to the backend, which sets the session cookie", async ({ page, secrets }) => {
  await page.goto(SIGN_IN_BACK);
  // the form works as served: it posts to the backend, its button is live
  await expect(page.locator("form.lr-form--login")).toHaveAttribute("action", "/session/form/login");
  await expect(submit(page)).toBeEnabled();
  await signInWithoutJs(page, "ann@example.com", secrets);
  await expect(page).toHaveURL(ACCOUNT);
  await expect(page.locator("[data-field=email]")).toHaveText("ann@example.com");
  expect(await cookiesHold(page, PASSWORD)).toBe(false);
  const html = await page.content();
  expect(html.includes(PASSWORD), "the password in the markup").toBe(false);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  const left = (await page.context().cookies(SSR_APP)).map((c) => c.name);
  expect(left).not.toContain("lr_session");
});

test("a wrong password comes back to the form: the server's message, the email kept, the password gone", async ({ page, secrets }) => {
  await page.goto(SIGN_IN_BACK);
  secrets.add("Not-The-Password-9");
  await email(page).fill("ann@example.com");
  await password(page).fill("Not-The-Password-9");
  await submit(page).click();
  await expect(page).toHaveURL(SIGN_IN_BACK);
  await expect(page.locator("form [role=alert]")).toHaveText("Login failed");
  await expect(email(page)).toHaveValue("ann@example.com");
  await expect(password(page)).toHaveValue("");
  expect((await page.content()).includes("Not-The-Password-9")).toBe(false);
  // the answer is shown once: a reload is the plain form again
  await page.reload();
  await expect(page.locator("form [role=alert]")).toHaveText("");
});

test("a field error lands at its field, and a rate limit is the form's cooldown", async ({ page, secrets }) => {
  await page.goto("/auth/sign-up?redirect=%2Faccount");
  secrets.add("short");
  await email(page).fill("sid@example.com");
  await password(page).fill("short");
  await submit(page).click();
  const field = password(page);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const described = await field.getAttribute("aria-describedby");
  const error = page.locator(`[id="${described.split(" ").pop()}"]`);
  await expect(error).toContainText("Password");
  await expect(email(page)).toHaveValue("sid@example.com");

  await emu.fault({ path: "login", status: 429, headers: { "Retry-After": "30" }, body: { result: "error" } });
  await signInWithoutJs(page, "ann@example.com", secrets);
  await expect(page.locator("form [role=alert]")).toHaveText(/^Too many attempts\. Try again in (30|29) seconds\.$/);
  await expect(submit(page)).toBeDisabled();
});

test("two-factor with no JavaScript: the server keeps the step, and the code signs in", async ({ page, secrets }) => {
  await signInWithoutJs(page, "tom@example.com", secrets);
  await expect(page).toHaveURL("/auth/two-factor?redirect=%2Faccount");
  await expect(page.locator("form.lr-form--two-factor")).toHaveAttribute("action", "/session/form/two-factor");
  // a wrong code: LoginRocket's message at the code field
  await page.locator("form input[name=code]").fill("000000");
  await submit(page).click();
  await expect(page.locator("form input[name=code]")).toHaveAttribute("aria-invalid", "true");
  const code = await emu.totp("tom@example.com");
  secrets.add(code);
  await page.locator("form input[name=code]").fill(code);
  await submit(page).click();
  await expect(page).toHaveURL(ACCOUNT);
  await expect(page.locator("[data-field=email]")).toHaveText("tom@example.com");
  const names = (await page.context().cookies(SSR_APP)).map((c) => c.name);
  expect(names, "the step's cookie is spent").not.toContain("lr_pending");
});

test("account choice with no JavaScript: a button per account, the chosen one signed in", async ({ page, secrets }) => {
  await signInWithoutJs(page, "mia@example.com", secrets);
  await expect(page).toHaveURL("/auth/choose-account?redirect=%2Faccount");
  await page.getByRole("button", { name: "Globex" }).click();
  await expect(page).toHaveURL(ACCOUNT);
  await expect(page.locator("[data-field=account]")).toHaveText("Globex");
});

test("sign up, and verify the email from its link, with no JavaScript", async ({ page, secrets }) => {
  await page.goto("/auth/sign-up?redirect=%2Faccount");
  secrets.add("Sentinel-Password-32");
  await email(page).fill("nora@example.com");
  await password(page).fill("Sentinel-Password-32");
  await submit(page).click();
  await expect(page).toHaveURL(ACCOUNT);
  await expect(page.locator("[data-field=email]")).toHaveText("nora@example.com");

  const token = await emu.mail("nora@example.com", "email_verification");
  secrets.add(token);
  const link = `/auth/verify-email?token=${encodeURIComponent(token)}`;
  page.allowUrl(SSR_APP + link);
  await page.goto(link);
  await expect(page).toHaveURL("/auth/verify-email"); // the token left the address bar
  await expect(page.locator("[role=status]").filter({ hasText: "Your email address is verified." })).toBeVisible();
});

test("forgot password, then the emailed link, with no JavaScript: the new password signs in", async ({ page, secrets }) => {
  await page.goto("/auth/forgot-password");
  await email(page).fill("ann@example.com");
  await submit(page).click();
  await expect(page.locator("form [role=status]")).toContainText("If an account exists for that email");

  const token = await emu.mail("ann@example.com", "password_reset");
  secrets.add(token);
  const link = `/auth/reset-password?token=${encodeURIComponent(token)}`;
  page.allowUrl(SSR_APP + link);
  await page.goto(link);
  await expect(page).toHaveURL("/auth/reset-password"); // the token left the address bar
  expect((await page.content()).includes(token), "the token in the markup").toBe(false);
  expect(await cookiesHold(page, token), "the token readable in a cookie").toBe(false);
  secrets.add("Brand-New-Password-78");
  await password(page).fill("Brand-New-Password-78");
  await submit(page).click();
  await expect(page).toHaveURL(ACCOUNT);
  await expect(page.locator("[data-field=email]")).toHaveText("ann@example.com");
});

test("a form on another site can't post to the backend (login CSRF)", async ({ page }) => {
  const res = await page.request.post("/session/form/login", {
    form: { email: "ann@example.com", password: PASSWORD },
    headers: { origin: "https://evil.test", "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  // nor can a script of this origin post it as a fetch
  const fetched = await page.request.post("/session/form/login", {
    form: { email: "ann@example.com", password: PASSWORD },
    headers: { "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors", "sec-fetch-dest": "empty" },
    maxRedirects: 0,
  });
  expect(fetched.status()).toBe(403);
});

test.describe("in the visitor's language", () => {
  for (const [locale, heading, failed] of [
    ["es-ES", "Iniciar sesión", "Error al iniciar sesión"],
    ["fr-FR", "Connexion", "Échec de la connexion"],
    ["ja-JP", "ログイン", "ログインに失敗しました"],
  ]) {
    test.describe(locale, () => {
      test.use({ locale });
      test(`sign-in works with no JavaScript, in ${locale}`, async ({ page, secrets }) => {
        await page.goto(SIGN_IN_BACK);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        secrets.add("Not-The-Password-9");
        await email(page).fill("ann@example.com");
        await password(page).fill("Not-The-Password-9");
        await submit(page).click();
        await expect(page.locator("form [role=alert]")).not.toHaveText("");
        if (failed) await expect(page.locator("form [role=alert]")).toHaveText(failed);
        await expect(page.locator("form [role=alert]")).not.toHaveText("Login failed");
        await password(page).fill(PASSWORD);
        secrets.add(PASSWORD);
        await submit(page).click();
        await expect(page).toHaveURL(ACCOUNT);
      });
    });
  }
});

// axe needs JavaScript: the same states, reached with JavaScript on and the wasm held back (it
// never arrives), so that the page is the server's markup and its forms post as above
test.describe("as served, for axe", () => {
  test.use({ javaScriptEnabled: true });

  test("every state of the forms without the wasm passes axe", async ({ page, secrets }) => {
    await page.route("**/pkg/demo_ssr_bg.wasm", () => {}); // held: never answered
    await page.goto(SIGN_IN_BACK);
    await axe(page, "no-wasm sign-in");
    secrets.add("Not-The-Password-9");
    await email(page).fill("ann@example.com");
    await password(page).fill("Not-The-Password-9");
    await submit(page).click();
    await expect(page.locator("form [role=alert]")).toHaveText("Login failed");
    await axe(page, "no-wasm login failed");

    await page.goto("/auth/sign-up?redirect=%2Faccount");
    await email(page).fill("sid@example.com");
    await password(page).fill("short");
    await submit(page).click();
    await expect(password(page)).toHaveAttribute("aria-invalid", "true");
    await axe(page, "no-wasm field error");

    await emu.fault({ path: "login", status: 429, headers: { "Retry-After": "30" }, body: { result: "error" } });
    await signInWithoutJs(page, "ann@example.com", secrets);
    await expect(submit(page)).toBeDisabled();
    await axe(page, "no-wasm rate limited");

    await signInWithoutJs(page, "tom@example.com", secrets);
    await expect(page).toHaveURL("/auth/two-factor?redirect=%2Faccount");
    await axe(page, "no-wasm two-factor");
    await page.context().clearCookies();

    await signInWithoutJs(page, "mia@example.com", secrets);
    await expect(page).toHaveURL("/auth/choose-account?redirect=%2Faccount");
    await axe(page, "no-wasm choose account");
    await page.context().clearCookies();

    await page.goto("/auth/forgot-password");
    await email(page).fill("ann@example.com");
    await submit(page).click();
    await expect(page.locator("form [role=status]")).toContainText("If an account exists for that email");
    await axe(page, "no-wasm forgot sent");
    const token = await emu.mail("ann@example.com", "password_reset");
    secrets.add(token);
    const link = `/auth/reset-password?token=${encodeURIComponent(token)}`;
    page.allowUrl(SSR_APP + link);
    await page.goto(link);
    await expect(page).toHaveURL("/auth/reset-password");
    await axe(page, "no-wasm reset password");
  });
});
