// The server-rendered demo (demo-ssr/): axum renders the kit's pages, the browser hydrates
// them, and a sign-in ends in the backend's HttpOnly cookie (the kit's Handoff::Backend to
// loginrocket-axum). Same emulator and fixtures as the rest of the suite.
import { request as httpRequest } from "node:http";
import { test, expect, emu, axe, shot, signIn, PASSWORD, EMULATOR } from "./fixtures.mjs";
import { SSR_APP } from "../common.mjs";

test.use({ baseURL: SSR_APP });

const ACCOUNT = "/account";
const SIGN_IN_BACK = "/auth/sign-in?redirect=%2Faccount";

/** The wasm runs: the demo marks `<html>` once it has hydrated the page. */
async function hydrated(page) {
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
}

/** Holds the browser half back until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/pkg/demo_ssr_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Console warnings and errors (a hydration mismatch is reported there). */
function watchConsole(page) {
  const seen = [];
  page.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") seen.push(`${m.type()}: ${m.text()}`);
  });
  return seen;
}

/** Enters `email`'s current two-factor code on the page's two-factor form and submits it. */
async function verifyTwoFactor(page, email, secrets) {
  const code = await emu.totp(email);
  secrets.add(code);
  await page.getByLabel(/code/i).first().fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

/** The session cookie, as the browser keeps it. */
async function sessionCookie(page) {
  return (await page.context().cookies(SSR_APP)).find((c) => c.name === "lr_session");
}

test("the server sends each auth page as real markup under a nonce CSP, and the browser hydrates it with no warnings", async ({ page }) => {
  const warnings = watchConsole(page);
  for (const [path, heading] of [
    ["/auth/sign-in", "Sign in"],
    ["/auth/sign-up", "Create your account"],
    ["/auth/forgot-password", "Forgot your password?"],
    ["/auth/request-invitation", "Request an invitation"],
  ]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    const html = await res.text();
    // (less Leptos' hydration markers, `<!>`)
    expect(html.replaceAll("<!>", ""), path).toContain(`>${heading}</h1>`);
    expect(html, path).toMatch(/<form[^>]*method="post"/);
    // a form that works before the wasm posts to the backend, its button live in the markup
    // (AuthConfig::form_posts); the others (request an invitation) wait for the wasm
    const posts = { "/auth/sign-in": "login", "/auth/sign-up": "signup", "/auth/forgot-password": "forgot" }[path];
    if (posts) {
      expect(html, path).toMatch(new RegExp(`<form[^>]*action="/session/form/${posts}"`));
      expect(html, `${path}: submit live before hydration`).not.toMatch(/<button[^>]*type="submit"[^>]*disabled/);
    } else {
      expect(html, `${path}: submit disabled until hydrated`).toMatch(/<button[^>]*type="submit"[^>]*disabled/);
    }
    const csp = res.headers()["content-security-policy"];
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+' 'wasm-unsafe-eval'/);
    expect(csp, path).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(csp)[1];
    expect(html, `${path}: the hydration script carries the nonce`).toContain(`nonce="${nonce}"`);

    await page.goto(path);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    // empty live regions take no room (a server renders an empty text as a space)
    await expect(page.locator(".lr-page__notice"), path).toBeHidden();
    expect((await page.locator("form [role=alert]").boundingBox()).height, path).toBe(0);
  }
  await axe(page, "ssr request invitation");
  expect(warnings, "console warnings or errors while hydrating").toEqual([]);
});

test("a sign-in submitted before the wasm arrives goes through the server, and the page it lands on hydrates", async ({ page, secrets }) => {
  // hold the browser half back until the form is submitted
  const release = await holdWasm(page);
  await page.goto(SIGN_IN_BACK);
  const submit = page.locator("form button[type=submit]");
  await expect(submit).toBeEnabled(); // server markup, posting to the backend
  await expect(page.locator("html[data-hydrated]")).not.toBeAttached();
  secrets.add(PASSWORD);
  await page.getByLabel("Email", { exact: true }).fill("ann@example.com");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await submit.click();
  await expect(page).toHaveURL(ACCOUNT);
  await expect(page.locator("[data-field=email]")).toHaveText("ann@example.com");
  release();
  await hydrated(page);
  await expect(page.locator("[data-field=email]")).toHaveText("ann@example.com");
});

test("sign in: the account page comes from the server's cookie, survives a reload, and holds no token; sign out, and it is refused", async ({ page, secrets }) => {
  await page.goto(SIGN_IN_BACK);
  await hydrated(page);
  await axe(page, "ssr sign-in");
  await shot(page, "ssr-sign-in");
  secrets.add(PASSWORD);
  await signIn(page, "ann@example.com");
  await expect(page).toHaveURL(ACCOUNT);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.locator("[data-field=email]")).toHaveText("ann@example.com");
  await axe(page, "ssr account");
  await shot(page, "ssr-account");

  // the session is the backend's HttpOnly cookie, and nothing else holds the token
  const cookie = await sessionCookie(page);
  expect(cookie, "the backend's session cookie").toBeTruthy();
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  // the cookie holds the JWT: a secret (the fixture checks URLs and the console for it too)
  expect(cookie.value.split("."), "a JWT").toHaveLength(3);
  secrets.add(cookie.value);
  const tokens = [cookie.value];
  const at = await page.evaluate(() => ({
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    cookies: document.cookie,
    html: document.documentElement.outerHTML,
  }));
  for (const token of tokens) {
    expect(at.storage.includes(token), "a token in Web Storage").toBe(false);
    expect(at.cookies.includes(token), "a token readable by scripts").toBe(false);
    expect(at.html.includes(token), "a token in the DOM").toBe(false);
  }

  // a reload is a new server render, from the cookie
  await page.reload();
  await expect(page.locator("[data-field=email]")).toHaveText("ann@example.com");
  const served = await page.request.get(ACCOUNT, { maxRedirects: 0 });
  expect(served.status()).toBe(200);
  expect(await served.text()).toContain("ann@example.com");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  expect(await sessionCookie(page), "sign-out clears the cookie").toBeUndefined();

  // refused: the server answers the account page with a redirect to sign-in, not a page
  const refused = await page.request.get(ACCOUNT, { maxRedirects: 0 });
  expect(refused.status()).toBe(303);
  expect(refused.headers()["location"]).toBe(SIGN_IN_BACK);
  expect(await refused.text()).not.toContain("ann@example.com");
  await page.goto(ACCOUNT);
  await expect(page).toHaveURL(SIGN_IN_BACK);
  await hydrated(page);
});

test("a two-factor sign-in goes through the hydrated pages, client-side, to the backend", async ({ page, secrets }) => {
  await page.goto(SIGN_IN_BACK);
  await hydrated(page);
  secrets.add(PASSWORD);
  await signIn(page, "tom@example.com");
  // the two-factor page is a client-side navigation of the hydrated router
  await expect(page).toHaveURL("/auth/two-factor?redirect=%2Faccount");
  await verifyTwoFactor(page, "tom@example.com", secrets);
  await expect(page).toHaveURL(ACCOUNT);
  await expect(page.locator("[data-field=email]")).toHaveText("tom@example.com");
});

test("after hydration, the account link asks the server for the session", async ({ page, secrets }) => {
  const warnings = watchConsole(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // signed out: a client-side navigation to the account page ends at sign-in
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(SIGN_IN_BACK);
  await hydrated(page);
  secrets.add(PASSWORD);
  await signIn(page, "ann@example.com");
  await expect(page).toHaveURL(ACCOUNT);
  // signed in: home, then the account page again, both client-side
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL("/");
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Account" }).click();
  await expect(page.locator("[data-field=email]")).toHaveText("ann@example.com");
  expect(warnings).toEqual([]);
});

test("sign up, then verify the email from its link: server-rendered, hydrated, to the backend", async ({ page, secrets }) => {
  await page.goto("/auth/sign-up?redirect=%2Faccount");
  await hydrated(page);
  secrets.add("Sentinel-Password-31");
  await page.locator("form input[name=email]").fill("vera@example.com");
  await page.locator("form input[name=password]").fill("Sentinel-Password-31");
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(ACCOUNT);
  await expect(page.locator("[data-field=email]")).toHaveText("vera@example.com");

  const token = await emu.mail("vera@example.com", "email_verification");
  secrets.add(token);
  const link = `/auth/verify-email?token=${encodeURIComponent(token)}`;
  page.allowUrl(SSR_APP + link);
  await page.goto(link);
  await expect(page.locator("[role=status]").filter({ hasText: "Your email address is verified." })).toBeVisible();
  await expect(page).toHaveURL("/auth/verify-email"); // the token left the address bar
});

test("forgot password, then the emailed link: the server's page holds no token, and the new password signs in to the backend", async ({ page, secrets }) => {
  await page.goto("/auth/forgot-password");
  await hydrated(page);
  await page.locator("form input[name=email]").fill("ann@example.com");
  await page.locator("form button[type=submit]").click();
  await expect(page.locator("form [role=status]")).toContainText("If an account exists for that email");

  const token = await emu.mail("ann@example.com", "password_reset");
  secrets.add(token);
  const link = `/auth/reset-password?token=${encodeURIComponent(token)}`;
  const served = await (await page.request.get(link)).text();
  expect(served.includes(token), "the reset token in the server's markup").toBe(false);
  page.allowUrl(SSR_APP + link);
  await page.goto(link);
  await hydrated(page);
  await expect(page).toHaveURL("/auth/reset-password"); // the token left the address bar
  await axe(page, "ssr reset password");
  secrets.add("Brand-New-Password-77");
  await page.locator("form input[name=password]").fill("Brand-New-Password-77");
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(ACCOUNT);
  await expect(page.locator("[data-field=email]")).toHaveText("ann@example.com");
});

test("an unknown path is the app's own page, answered with a 404", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("leptos-loginrocket, server-rendered");
});

/** A raw GET of `path` as written (no client-side normalization of `.` and `..`). */
function rawGet(path, headers = {}) {
  const { hostname, port } = new URL(SSR_APP);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: "GET", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res));
    });
    req.on("error", reject);
    req.end();
  });
}

test("the account page is guarded however its path is written, as the router matches it", async () => {
  for (const path of ["/account", "/account/", "/./account", "/x/../account", "//account"]) {
    const res = await rawGet(path);
    expect(res.statusCode, path).toBe(303);
    expect(res.headers.location, path).toBe(SIGN_IN_BACK);
  }
});

// the origin, not no-referrer: where a browser sends no Fetch Metadata (Safari before 16.4),
// the backend's login-CSRF check reads the Referer's origin (loginrocket-axum's tests cover
// that rule); no path or query leaves a page (the callback page's holds a token at first)
test("pages are not kept by caches, and send their origin alone as Referer (the backend's fallback without Fetch Metadata)", async ({ page }) => {
  await page.goto("/");
  for (const path of ["/", "/auth/sign-in"]) {
    const res = await page.request.get(path);
    expect(res.headers()["cache-control"], path).toBe("no-store");
    expect(res.headers()["referrer-policy"], path).toBe("strict-origin");
  }
});

test("a session signed out at LoginRocket (another device, the hosted pages) ends here too, once what LoginRocket said has aged", async ({ page, secrets }) => {
  await page.goto(SIGN_IN_BACK);
  await hydrated(page);
  secrets.add(PASSWORD);
  await signIn(page, "ann@example.com");
  await expect(page).toHaveURL(`${SSR_APP}${ACCOUNT}`);
  await expect(page.locator("p.signed-in")).toContainText("Ann");
  // the session id, from the HttpOnly cookie the browser keeps (no script of the page can read it)
  const cookie = (await page.context().cookies(SSR_APP)).find((c) => c.name.endsWith("lr_session"));
  const sid = JSON.parse(Buffer.from(cookie.value.split(".")[1], "base64url").toString()).sid;
  secrets.add(sid);
  const ended = await fetch(`${EMULATOR}/v2/session?session=${encodeURIComponent(sid)}`, { method: "DELETE" });
  expect(ended.status).toBe(200);
  // past the remembered answer (1 s here), the account page is a signed-out visitor's
  await expect
    .poll(
      async () => {
        const res = await page.request.get(ACCOUNT, { maxRedirects: 0 });
        return res.status();
      },
      { timeout: 10_000 },
    )
    .toBe(303);
  await page.goto(ACCOUNT);
  await expect(page).toHaveURL(`${SSR_APP}${SIGN_IN_BACK}`);
});

test.describe("in the visitor's language", () => {
  test.use({ locale: "es-ES" });

  test("a Spanish visitor gets the kit's pages in Spanish from the server, and the browser hydrates them as they are", async ({ page }) => {
    const warnings = watchConsole(page);
    const res = await page.request.get("/auth/sign-in", { headers: { "accept-language": "es-ES,es;q=0.9" } });
    const html = (await res.text()).replaceAll("<!>", "");
    expect(html).toContain('<html lang="es">');
    expect(html).toContain(">Iniciar sesión</h1>");
    // the document's title, from the server, in Spanish (before any script runs)
    expect(html).toContain("<title>Iniciar sesión · SSR demo</title>");
    expect(html).toMatch(/<label[^>]*>Correo electrónico<\/label>/);
    // a language the catalog doesn't have: English
    const de = await (await page.request.get("/auth/sign-in", { headers: { "accept-language": "de" } })).text();
    expect(de).toContain('<html lang="en">');

    await page.goto("/auth/sign-in");
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
    await expect(page).toHaveTitle("Iniciar sesión · SSR demo");
    await axe(page, "ssr sign-in in Spanish");
    expect(warnings, "console warnings or errors while hydrating").toEqual([]);
  });
});

test("the language links keep the visitor's choice in a cookie, before the wasm and after", async ({ page }) => {
  const warnings = watchConsole(page);
  // in the server's markup: plain links to the server, back to this page
  const html = await (await page.request.get("/auth/sign-in?redirect=%2Faccount")).text();
  expect(html).toContain('href="/locale/es?back=%2Fauth%2Fsign-in%3Fredirect%3D%252Faccount"');
  await page.goto("/auth/sign-in?redirect=%2Faccount");
  await hydrated(page);
  await page.getByRole("link", { name: "Español" }).click();
  await expect(page).toHaveURL(`${SSR_APP}/auth/sign-in?redirect=%2Faccount`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await hydrated(page);
  // the choice outlives the browser's own language
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
  await axe(page, "ssr sign-in after choosing Spanish");
  // an unknown language, or a way back off this origin, is ignored
  const odd = await page.request.get("/locale/xx?back=https%3A%2F%2Fevil.test%2F", { maxRedirects: 0 });
  expect(odd.status()).toBe(303);
  expect(odd.headers()["location"]).toBe("/");
  expect(odd.headers()["set-cookie"]).toBeUndefined();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  expect(warnings, "console warnings or errors").toEqual([]);
});

// the same in French (a language the demo registers, not the kit) and Japanese: server markup
// and title in the language, hydrated with nothing on the console, and a sign-in through the
// hydrated page to the account page, in the language too
for (const [locale, tag, heading, account] of [
  ["fr-FR", "fr", "Connexion", "Votre compte"],
  ["ja-JP", "ja", "ログイン", "あなたのアカウント"],
]) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test(`the pages come from the server in ${tag}, hydrate as they are, and sign in`, async ({ page, secrets }) => {
      const warnings = watchConsole(page);
      await page.goto(SIGN_IN_BACK);
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await expect(page).toHaveTitle(`${heading} · SSR demo`);
      await hydrated(page);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await axe(page, `ssr sign-in in ${tag}`);
      secrets.add(PASSWORD);
      await page.locator("form input[name=email]").fill("ann@example.com");
      await page.locator("form input[name=password]").fill(PASSWORD);
      await page.locator("form button[type=submit]").click();
      await expect(page).toHaveURL(ACCOUNT);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(account);
      await expect(page).toHaveTitle(`${account} · ${tag === "fr" ? "leptos-loginrocket · démo SSR" : "leptos-loginrocket · SSR デモ"}`);
      expect(warnings, "console warnings or errors").toEqual([]);
    });
  });
}

test("a sign-in step the hydrated page made itself is finished there, not by an older one the server keeps", async ({ page, secrets }) => {
  secrets.add(PASSWORD);
  // a step the server keeps: a sign-in posted while the wasm was held back, then left
  const release = await holdWasm(page);
  await page.goto(SIGN_IN_BACK);
  await page.getByLabel("Email", { exact: true }).fill("tom@example.com");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL("/auth/two-factor?redirect=%2Faccount");
  release();
  // back to sign in, hydrated: the browser's own sign-in, and its own two-factor step
  await page.goto(SIGN_IN_BACK);
  await hydrated(page);
  const posted = [];
  page.on("request", (r) => r.method() === "POST" && posted.push(new URL(r.url()).pathname));
  await signIn(page, "tom@example.com");
  await expect(page).toHaveURL("/auth/two-factor?redirect=%2Faccount");
  await verifyTwoFactor(page, "tom@example.com", secrets);
  await expect(page).toHaveURL(ACCOUNT);
  expect(posted, "the code went from the browser, not through the server's old step").not.toContain("/session/form/two-factor");
});
