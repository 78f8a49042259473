import { test, expect, visit, axe, shot, alertOf, signIn, PASSWORD } from "./fixtures.mjs";

test("sign in, see the claims on the protected page, sign out", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-in");
  await axe(page, "sign-in idle");
  await shot(page, "sign-in");
  secrets.add(PASSWORD);
  await signIn(page, "ann@example.com");
  await expect(page).toHaveURL("/");
  await expect(page.locator("#session-state")).toHaveText("Signed in as ann@example.com (account Ann's Team)");
  await page.getByRole("link", { name: "Protected" }).click();
  await expect(page.locator("#claims")).toContainText('"email": "ann@example.com"');
  await axe(page, "protected");
  await shot(page, "protected");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page.locator("#session-state")).toHaveText("Signed out");
});

for (const [lang, button, heading, message] of [
  ["en", "English", "Sign in", "Login failed"],
  ["es", "Español", "Iniciar sesión", "Error al iniciar sesión"],
  ["fr", "Français", "Connexion", "Échec de la connexion"],
]) {
  test(`wrong password shows the server's message in the form's alert (${lang})`, async ({ page, secrets }) => {
    await visit(page, "/auth/sign-in");
    await page.getByRole("button", { name: button }).click();
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    secrets.add("wrong-password-sentinel");
    const form = page.locator("form");
    await form.locator("input[name=email]").fill("ann@example.com");
    await form.locator("input[name=password]").fill("wrong-password-sentinel");
    await form.locator("button[type=submit]").click();
    await expect(alertOf(page)).toContainText(message);
    await axe(page, `sign-in error (${lang})`);
    await shot(page, `sign-in-error-${lang}`);
  });
}
