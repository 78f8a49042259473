// Every flow, as a user does it, against the emulator.
import {
  test, expect, arrived, emu, visit, axe, shot, alertOf, signIn, signedIn, fieldError, fill, submit, PASSWORD,
} from "./fixtures.mjs";

const home = (page) => page.locator("#session-state");

for (const [lang, button, tooShort] of [
  ["en", "English", "Password is too short (minimum is 8 characters)"],
  ["es", "Español", "Contraseña es demasiado corto (el mínimo es 8 caracteres)"],
  // a locale the kit doesn't ship: the demo registers it (demo/locales/fr/kit.ftl)
  ["fr", "Français", "Mot de passe est trop court (au moins 8 caractères)"],
]) {
  test(`sign up: the server's field error next to its field, then signed in (${lang})`, async ({ page, secrets }) => {
    await visit(page, "/auth/sign-up");
    await page.getByRole("button", { name: button }).click();
    await axe(page, `sign-up idle (${lang})`);
    await shot(page, `sign-up-${lang}`);
    const email = `new-${lang}@example.com`;
    secrets.add("short");
    await fill(page, { email, password: "short" });
    await submit(page);
    await expect(await fieldError(page, "password")).toHaveText(tooShort);
    await axe(page, `sign-up error (${lang})`);
    await shot(page, `sign-up-error-${lang}`);
    secrets.add("Sentinel-Password-31");
    await fill(page, { password: "Sentinel-Password-31" });
    await submit(page);
        await expect(page).toHaveURL("/");
    // the demo's own line is in the page's language too
    await expect(home(page)).toContainText(email);
  });
}

test("forgot password → emailed link → new password → signed in; the link then reads as expired", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await axe(page, "forgot idle");
  await fill(page, { email: "ann@example.com" });
  await submit(page);
  await expect(page.locator("form [role=status]")).toContainText("If an account exists for that email");
  await shot(page, "forgot-password-sent");
  const token = await emu.mail("ann@example.com", "password_reset");
  secrets.add(token);
  await visit(page, `/auth/reset-password?token=${encodeURIComponent(token)}`);
  await arrived(page, "/auth/reset-password"); // the token left the address bar
  await axe(page, "reset idle");
  await shot(page, "reset-password");
  secrets.add("Brand-New-Password-77");
  await fill(page, { password: "Brand-New-Password-77" });
  await submit(page);
  await expect(page).toHaveURL("/");
  await expect(home(page)).toContainText("Signed in as ann@example.com");

  // the same link again: used up
  await visit(page, `/auth/reset-password?token=${encodeURIComponent(token)}`);
  await fill(page, { password: "Another-Password-78" });
  secrets.add("Another-Password-78");
  await submit(page);
  await expect(alertOf(page)).toContainText("This link is invalid or has expired.");
  await expect(page.getByRole("button", { name: "Request a new link" })).toBeVisible();
  await axe(page, "reset expired");
  await shot(page, "reset-password-expired");
  await page.getByRole("button", { name: "Request a new link" }).click();
  await expect(page).toHaveURL("/auth/forgot-password");
});

test("an expired reset link reads as expired", async ({ page, secrets }) => {
  await visit(page, "/auth/forgot-password");
  await fill(page, { email: "ann@example.com" });
  await submit(page);
  await expect(page.locator("form [role=status]")).toContainText("If an account exists");
  const token = await emu.mail("ann@example.com", "password_reset");
  secrets.add(token);
  await emu.clock(2 * 3600); // past the realm's one-hour token lifetime
  await visit(page, `/auth/reset-password?token=${encodeURIComponent(token)}`);
  secrets.add("Brand-New-Password-77");
  await fill(page, { password: "Brand-New-Password-77" });
  await submit(page);
  await expect(alertOf(page)).toContainText("This link is invalid or has expired.");
});

test("two-factor sign in with the authenticator's code", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-in");
  secrets.add(PASSWORD);
  await signIn(page, "tom@example.com");
  await arrived(page, "/auth/two-factor");
  await axe(page, "two-factor idle");
  await shot(page, "two-factor");
  await fill(page, { code: "000000" });
  await submit(page);
  await expect(await fieldError(page, "code")).toHaveText("Code is invalid");
  await axe(page, "two-factor error");
  const code = await emu.totp("tom@example.com");
  secrets.add(code);
  await fill(page, { code });
  await submit(page);
  await expect(page).toHaveURL("/");
  await expect(home(page)).toContainText("Signed in as tom@example.com");
});

test("account picker for a user in two organizations", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-in");
  secrets.add(PASSWORD);
  await signIn(page, "mia@example.com");
  await expect(page).toHaveURL("/auth/choose-account");
  await expect(page.getByRole("button", { name: "Globex" })).toBeVisible();
  await axe(page, "choose-account");
  await shot(page, "choose-account");
  await page.getByRole("button", { name: "Globex" }).click();
  await expect(page).toHaveURL("/");
  await expect(home(page)).toContainText("Signed in as mia@example.com");
});

test("profile completion when the realm needs an organization name", async ({ page, secrets }) => {
  await emu.realm({ org_name_field: "required" });
  await emu.user({ email: "nora@example.com", password: PASSWORD, orgs: [] });
  await visit(page, "/auth/sign-in");
  secrets.add(PASSWORD);
  await signIn(page, "nora@example.com");
  await arrived(page, "/auth/complete-profile");
  await axe(page, "complete-profile idle");
  await shot(page, "complete-profile");
  await fill(page, { org_name: "Nora's Nook" });
  await submit(page);
  await expect(page).toHaveURL("/");
  await expect(home(page)).toContainText("Signed in as nora@example.com");
});

test("email verification from the emailed link", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-up");
  secrets.add("Sentinel-Password-31");
  await fill(page, { email: "vera@example.com", password: "Sentinel-Password-31" });
  await submit(page);
  await expect(home(page)).toContainText("Signed in as vera@example.com");
  const token = await emu.mail("vera@example.com", "email_verification");
  secrets.add(token);
  await visit(page, `/auth/verify-email?token=${encodeURIComponent(token)}`);
  await expect(page.locator("[role=status]").filter({ hasText: "Your email address is verified." })).toBeVisible();
  await arrived(page, "/auth/verify-email");
  await axe(page, "verify-email done");
  await shot(page, "verify-email");
  // used up
  await visit(page, `/auth/verify-email?token=${encodeURIComponent(token)}`);
  await expect(page.getByText("This link is invalid or has expired.")).toBeVisible();
});

test("profile update and password change, then sign in with the new password", async ({ page, secrets }) => {
  await signedIn(page, "ann@example.com", secrets);
  // in-app navigation: the session lives in memory, a reload would sign out (R36)
  await page.getByRole("link", { name: "Protected" }).click();
  await page.getByRole("link", { name: "Edit profile" }).click();
  await expect(page.locator("form input[name=first_name]")).toHaveValue("Ann");
  await axe(page, "profile idle");
  await shot(page, "profile");
  await fill(page, { first_name: "Annie" });
  await submit(page);
  await expect(page.locator("form [role=status]")).toContainText("Your profile has been updated.");

  await page.getByRole("link", { name: "Protected" }).click();
  await page.getByRole("link", { name: "Change password" }).click();
  await axe(page, "change-password idle");
  await shot(page, "change-password");
  secrets.add("wrong-current-1");
  await fill(page, { current_password: "wrong-current-1", password: "Changed-Password-55" });
  secrets.add("Changed-Password-55");
  await submit(page);
  await expect(await fieldError(page, "current_password")).toHaveText("Current password does not match");
  await axe(page, "change-password error");
  await fill(page, { current_password: PASSWORD, password: "Changed-Password-55" });
  await submit(page);
  await expect(page.locator("form [role=status]")).toContainText("Your password has been changed.");

  await page.getByRole("link", { name: "Protected" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signIn(page, "ann@example.com", "Changed-Password-55");
  await expect(page).toHaveURL("/protected"); // back where the sign-out happened
  await expect(page.locator("#claims")).toContainText('"name": "Annie Example"');
});

test("invitation request: refused by an open realm, accepted by an invitation-only one", async ({ page }) => {
  await visit(page, "/auth/request-invitation");
  await fill(page, { email: "ivy@example.com" });
  await submit(page);
  await expect(alertOf(page)).toHaveText("Invitation requests are not accepted");
  await emu.realm({ signup: "invitation" });
  await visit(page, "/auth/request-invitation");
  await axe(page, "request-invitation idle");
  await shot(page, "request-invitation");
  await fill(page, { email: "ivy@example.com" });
  await submit(page);
  await expect(page.locator("form [role=status]")).toContainText("Thanks! If an invitation can be sent");
  await emu.mail("ivy@example.com", "invitation_request");
});

test("a signed-out visit to the protected page goes to sign in and comes back", async ({ page, secrets }) => {
  await visit(page, "/protected");
  await expect(page).toHaveURL(/\/auth\/sign-in\?redirect=%2Fprotected$/);
  secrets.add(PASSWORD);
  await signIn(page, "ann@example.com");
  await expect(page).toHaveURL("/protected");
  await expect(page.locator("#claims")).toContainText("ann@example.com");
});

test("account switch from the protected page", async ({ page, secrets }) => {
  await visit(page, "/auth/sign-in");
  secrets.add(PASSWORD);
  await signIn(page, "mia@example.com");
  await page.getByRole("button", { name: "Acme" }).click();
  await expect(home(page)).toContainText("Signed in as mia@example.com");
  await page.getByRole("link", { name: "Protected" }).click();
  // a token lists every membership: the selected one is the account the user is in
  await expect(page.locator("#selected-account")).toHaveText("Account: Acme. Permissions there: billing.");
  await page.getByRole("button", { name: "Switch account" }).click();
  await arrived(page, "/auth/choose-account?redirect=%2Fprotected");
  await axe(page, "choose-account (switch)");
  await page.getByRole("button", { name: "Globex" }).click();
  await expect(page).toHaveURL("/protected");
  await expect(page.locator("#selected-account")).toHaveText("Account: Globex. Permissions there: billing.");
});
