// French, a locale the kit doesn't ship: the demo registers it from its own .ftl with French
// plural rules (demo/locales/fr/kit.ftl). The kit's strings, their plurals, the server's
// messages and the document follow it.
import {
  test, expect, emu, visit, axe, alertOf, fieldError, fill, submit, submitButton, PASSWORD,
} from "./fixtures.mjs";

test.describe("a browser that prefers French", () => {
  test.use({ locale: "fr-FR" });

  test("starts in French: the kit, the server, plurals and the document", async ({ page, secrets }) => {
    secrets.add(PASSWORD);
    await visit(page, "/auth/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
    await expect(page).toHaveTitle("Connexion · LoginRocket Demo");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "true");
    // our own required-field message, with the French field name
    await submit(page);
    await expect(await fieldError(page, "email")).toHaveText("Veuillez remplir le champ « E-mail ».");
    // French plurals: 1 is singular, 2 plural
    await emu.fault({ path: "login", status: 429, headers: { "Retry-After": "1" }, body: { result: "error" } });
    await fill(page, { email: "ann@example.com", password: PASSWORD });
    await submit(page);
    await expect(alertOf(page)).toHaveText("Trop de tentatives. Réessayez dans 1 seconde.");
    await expect(submitButton(page)).toBeEnabled({ timeout: 5_000 });
    await expect(page.locator("form [role=status]")).toHaveText("Vous pouvez réessayer.");
    await emu.fault({ path: "login", status: 429, headers: { "Retry-After": "2" }, body: { result: "error" } });
    await submit(page);
    await expect(alertOf(page)).toHaveText("Trop de tentatives. Réessayez dans 2 secondes.");
    await expect(submitButton(page)).toBeEnabled({ timeout: 5_000 });
    await axe(page, "sign-in in French");
    // the server answers in French: the request said so
    const request = page.waitForRequest((r) => r.url().endsWith("/login") && r.method() === "POST");
    await page.locator("form input[name=password]").fill("wrong-password");
    secrets.add("wrong-password");
    await submit(page);
    expect((await request).headers()["accept-language"]).toBe("fr");
    await expect(alertOf(page)).toHaveText("Échec de la connexion");
  });
});

test("the server's field messages keep their language, and say so, after a switch (WCAG 3.1.2)", async ({ page, secrets }) => {
  secrets.add(PASSWORD);
  await visit(page, "/auth/sign-up");
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("アカウントを作成");
  // an address that is taken: the server's message, in Japanese, at the email field
  await fill(page, { email: "ann@example.com", password: PASSWORD });
  await submit(page);
  const error = await fieldError(page, "email");
  await expect(error).toContainText("メールアドレス");
  await expect(error).toHaveAttribute("lang", "ja");
  const said = await error.textContent();
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  // the server's words as they came, marked as Japanese on a Spanish page
  await expect(error).toHaveText(said);
  await expect(error).toHaveAttribute("lang", "ja");
  await axe(page, "sign-up, Japanese server messages on a Spanish page");
});
