//! The kit in a server-rendered Leptos app. axum renders every page (the kit's auth pages
//! among them) on the server, the browser hydrates them, and a sign-in ends in the backend's
//! own HttpOnly cookie: the kit's `Handoff::Backend("/session/new")` hands the token to
//! `loginrocket_axum::LoginRocketAuth`, which verifies it, sets the cookie and redirects. The
//! browser never keeps the token.
//!
//! The same [`App`] is compiled twice: with `ssr` into the server (`src/main.rs`), with
//! `hydrate` into the wasm that [`hydrate`] starts. `scripts/demo-ssr.sh` builds both and runs
//! the server.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_loginrocket::components::{HostedSignIn, Provider};
use leptos_loginrocket::context::{use_loginrocket, LoginRocketProvider};
use leptos_loginrocket::ftl;
use leptos_loginrocket::i18n::{plural, Catalog, Locale};
use leptos_loginrocket::routes::{AuthConfig, AuthRoutes, Handoff};
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Redirect, Route, Router, Routes, A};
use leptos_router::{path, SsrMode};
use serde::{Deserialize, Serialize};

/// The backend's hand-off and sign-out routes (`loginrocket_axum::SessionConfig`'s defaults).
pub const HANDOFF_PATH: &str = "/session/new";
/// See [`HANDOFF_PATH`].
pub const LOGOUT_PATH: &str = "/session/logout";
/// Where the kit's forms post before the wasm runs (`loginrocket_axum::SessionConfig`'s
/// default `forms_path`).
pub const FORMS_PATH: &str = "/session/form";
/// The page only a signed-in user gets.
pub const ACCOUNT_PATH: &str = "/account";
/// Where the LoginRocket URL is written for the browser: the server knows it (an embedded
/// emulator picks its port when it starts), and the hydrating app must render the same one.
pub const LR_URL_META: &str = "loginrocket-url";

/// The signed-in user, as the server read them from the verified session cookie. Only what
/// the page shows: never the token or its session id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The user id (`sub`).
    pub user_id: String,
    /// Their name, when the token has one.
    pub name: Option<String>,
    /// Their email, when the token has one.
    pub email: Option<String>,
    /// When the session ends (`exp`, seconds since the epoch).
    pub expires_at: Option<u64>,
    /// The name of the account the session selected (the token's memberships).
    pub account_name: Option<String>,
}

/// The user of the request's session cookie, or `None` without a valid one. On the server the
/// page's render calls it directly; after hydration, a client-side navigation calls it over
/// HTTP (`POST /api/...`, with the cookie).
#[server]
pub async fn current_account() -> Result<Option<Account>, ServerFnError> {
    use loginrocket_axum::{LoginRocketAuth, LoginRocketSession};
    let auth = use_context::<LoginRocketAuth>()
        .ok_or_else(|| ServerFnError::new("the server provides LoginRocketAuth"))?;
    // an invalid or expired cookie is no session; keys that can't be fetched are an error
    let session: Option<LoginRocketSession> = leptos_axum::extract_with_state(&auth).await?;
    Ok(session.map(|s| {
        let c = s.claims();
        Account {
            user_id: c.subject().unwrap_or_default().to_owned(),
            name: c.get("name").and_then(|v| v.as_str()).map(str::to_owned),
            email: c.email().map(str::to_owned),
            expires_at: c.expires_at(),
            account_name: c.selected_membership().and_then(|m| m.name),
        }
    }))
}

/// The backend's route that starts a sign-in on the realm's hosted pages
/// (`LoginRocketAuth::with_hosted_login`).
pub const START_PATH: &str = "/session/start";

/// The backend's start route opening the realm's hosted accounts page, back to the account
/// page (`START_PATH`, `page=accounts`, `redirect=ACCOUNT_PATH`).
const SWITCH_ACCOUNT: &str = "/session/start?page=accounts&redirect=%2Faccount";

/// The realm's social providers this demo offers (the emulator's seed turns Google on).
const PROVIDERS: &[Provider] = &[Provider::new("google", "Google (emulated)")];

/// The kit's pages, configured for this app: a sign-in goes to the backend's hand-off, and
/// "Continue with Google" is a link to the backend's start route (it works before the wasm).
pub fn auth_config() -> AuthConfig {
    AuthConfig {
        handoff: Handoff::Backend(HANDOFF_PATH),
        after_login: ACCOUNT_PATH,
        app_name: Some("SSR demo"),
        hosted: HostedSignIn {
            providers: PROVIDERS,
            backend_start: Some(START_PATH),
            ..HostedSignIn::default()
        },
        // the forms work before the wasm (and without it): they post to the backend
        form_posts: Some(FORMS_PATH),
        ..AuthConfig::default()
    }
}

/// The cookie the language links set (`GET /locale/{tag}`).
pub const LOCALE_COOKIE: &str = "lr_locale";

/// French: a language the kit doesn't ship, registered from the CSR demo's `.ftl`.
fn french() -> Locale {
    Locale::new("fr").expect("a language tag")
}

/// The languages the language links offer: the catalog's, each named in itself.
fn languages() -> [(Locale, &'static str); 4] {
    [
        (Locale::EN, "English"),
        (Locale::ES, "Español"),
        (french(), "Français"),
        (Locale::JA, "日本語"),
    ]
}

/// The kit's catalog with French registered and this demo's own words added, one Fluent
/// file per language (compiled while the demo builds): the server and the browser render
/// from the same one. Built once per process, not per request.
pub fn catalog() -> Arc<Catalog> {
    static CATALOG: std::sync::OnceLock<Arc<Catalog>> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| Arc::new(build_catalog())).clone()
}

fn build_catalog() -> Catalog {
    let catalog = Catalog::new()
        .with_locale(french(), plural::FR, ftl!("../demo/locales/fr/kit.ftl"))
        .expect("the demo's French is valid Fluent");
    [
        (Locale::EN, ftl!("locales/en/demo.ftl")),
        (Locale::ES, ftl!("locales/es/demo.ftl")),
        (french(), ftl!("locales/fr/demo.ftl")),
        (Locale::JA, ftl!("locales/ja/demo.ftl")),
    ]
    .into_iter()
    .fold(catalog, |catalog, (locale, ftl)| {
        catalog
            .with_ftl(locale, ftl)
            .expect("the demo's strings are valid Fluent")
    })
}

/// The language a `Cookie` header's [`LOCALE_COOKIE`] names, when the catalog has it.
///
/// ```
/// use leptos_loginrocket::i18n::Locale;
///
/// assert_eq!(demo_ssr::chosen_locale("a=1; lr_locale=es"), Some(Locale::ES));
/// assert_eq!(demo_ssr::chosen_locale("lr_locale=de"), None);
/// assert_eq!(demo_ssr::chosen_locale("lr_locale=<x>"), None);
/// ```
pub fn chosen_locale(cookies: &str) -> Option<Locale> {
    let tag = cookies.split(';').find_map(|c| {
        let (name, value) = c.trim().split_once('=')?;
        (name == LOCALE_COOKIE).then_some(value)
    })?;
    let locale = Locale::new(tag)?;
    languages()
        .iter()
        .any(|(l, _)| *l == locale)
        .then_some(locale)
}

/// The whole app: what the server renders into `<body>` and the browser hydrates.
#[component]
pub fn App(
    /// The LoginRocket URL (an emulator's `…/v2/`).
    lr_url: String,
    /// The visitor's language (the server's `Catalog::accept_language`; the browser reads it
    /// from `<html lang>`).
    locale: Locale,
) -> impl IntoView {
    // each page names the document (the kit's pages too), in the server's markup
    provide_meta_context();
    let locale = RwSignal::new(locale);
    view! {
        <LoginRocketProvider url=lr_url locale=locale catalog=catalog()>
            <Router>
                <Header/>
                <main id="main">
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=Home/>
                        // the whole page once the session is read: it works without JavaScript
                        // (out-of-order streaming would need a script to put the account in)
                        <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                        <AuthRoutes config=auth_config()/>
                    </Routes>
                </main>
            </Router>
        </LoginRocketProvider>
    }
}

/// The site's navigation and the language links.
#[component]
fn Header() -> impl IntoView {
    let ctx = use_loginrocket();
    view! {
        <header class="site">
            <nav aria-label=move || ctx.t("nav-site")>
                <A href="/">{move || ctx.t("nav-home")}</A>
                <A href=ACCOUNT_PATH>{move || ctx.t("nav-account")}</A>
            </nav>
            <LanguageLinks/>
        </header>
    }
}

/// The document's title for a page of the demo's own.
#[component]
fn SiteTitle(
    /// The page's name's key, or none for the site's name alone.
    #[prop(optional)]
    page: Option<&'static str>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let text = move || match page {
        Some(key) => format!("{} · {}", ctx.t(key), ctx.t("site-title")),
        None => ctx.t("site-title"),
    };
    view! { <Title text=text/> }
}

/// A link per language: the server keeps the choice in a cookie and renders the page again
/// in it (`rel="external"`: a full navigation, which works before the wasm too).
#[component]
fn LanguageLinks() -> impl IntoView {
    let ctx = use_loginrocket();
    let location = leptos_router::hooks::use_location();
    let links = languages()
        .into_iter()
        .map(|(locale, name)| {
            let tag = locale.to_string();
            let href = move || {
                // the router's search has no `?`
                let (path, search) = (location.pathname.get(), location.search.get());
                let back = if search.is_empty() {
                    path
                } else {
                    format!("{path}?{search}")
                };
                let back: String = form_urlencoded::byte_serialize(back.as_bytes()).collect();
                format!("/locale/{locale}?back={back}")
            };
            view! { <a href=href rel="external" lang=tag.clone() hreflang=tag>{name}</a> }
        })
        .collect_view();
    view! { <nav class="languages" aria-label=move || ctx.t("nav-language")>{links}</nav> }
}

/// Any other path: a 404 from the server, the app's own page in the browser.
#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let ctx = use_loginrocket();
    view! {
        <SiteTitle page="not-found"/>
        <h1>{move || ctx.t("not-found")}</h1>
        <p><A href="/">{move || ctx.t("nav-home")}</A></p>
    }
}

#[component]
fn Home() -> impl IntoView {
    let ctx = use_loginrocket();
    let t = move |key: &'static str| move || ctx.t(key);
    view! {
        <SiteTitle/>
        <h1>{t("home-title")}</h1>
        <p>{t("home-intro")}</p>
        <ul>
            <li><A href="/auth/sign-in">{t("home-sign-in")}</A></li>
            <li><A href="/auth/sign-up">{t("home-sign-up")}</A></li>
            <li><A href=ACCOUNT_PATH>{t("home-account")}</A>" "{t("home-account-note")}</li>
        </ul>
    }
}

/// Rendered on the server from the session cookie, for a signed-in user only. The server
/// refuses anyone else before rendering (`main.rs`: a redirect to sign-in); the resource is
/// blocking, so a signed-in user's page arrives whole, and after hydration the same server
/// function answers a client-side visit.
#[component]
fn AccountPage() -> impl IntoView {
    let ctx = use_loginrocket();
    let account = Resource::new_blocking(|| (), |()| current_account());
    view! {
        <SiteTitle page="account-title"/>
        <Suspense fallback=move || view! { <p role="status">{move || ctx.t("account-loading")}</p> }>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(Some(a)) => view! { <AccountView account=a/> }.into_any(),
                    // sign in, coming back here
                    Ok(None) => view! { <Redirect path=auth_config().sign_in_path(ACCOUNT_PATH)/> }
                        .into_any(),
                    Err(_) => view! {
                        <h1>{move || ctx.t("account-title")}</h1>
                        <p role="alert">{move || ctx.t("account-unavailable")}</p>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountView(account: Account) -> impl IntoView {
    let Account {
        user_id,
        name,
        email,
        expires_at,
        account_name,
    } = account;
    let expires = expires_at.map(utc);

    let ctx = use_loginrocket();
    let t = move |key: &'static str| move || ctx.t(key);
    view! {
        <h1>{t("account-title")}</h1>
        <p class="signed-in">{t("account-signed-in-as")}" "<strong>{name.clone().or(email.clone()).unwrap_or(user_id.clone())}</strong></p>
        <dl>
            <dt>{t("account-user")}</dt><dd data-field="user">{user_id}</dd>
            <dt>{t("account-email")}</dt><dd data-field="email">{email}</dd>
            <dt>{t("account-account")}</dt><dd data-field="account">{account_name}</dd>
            <dt>{t("account-ends")}</dt><dd>{expires}</dd>
        </dl>
        <p>{t("account-source")}</p>
        // the realm's hosted accounts page for this session, back here through the hand-off
        // (a server route: rel="external" keeps the router from taking the click)
        <p><a href=SWITCH_ACCOUNT rel="external">{t("account-switch")}</a></p>
        // a plain form: it works before hydration, and the backend refuses it cross-site
        <form method="post" action=LOGOUT_PATH>
            <button type="submit" class="lr-button">{t("account-sign-out")}</button>
        </form>
    }
}

/// `secs` since 1970 as `2026-12-06 08:30 UTC` (the same text on the server and in the
/// hydrating browser, whatever their time zones).
fn utc(secs: u64) -> String {
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // days to a civil date (H. Hinnant's algorithm), in u64: no date before 1970 arrives
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year}-{month:02}-{day:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn utc_formats_civil_dates() {
        assert_eq!(super::utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(super::utc(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(super::utc(1_796_545_800), "2026-12-06 08:30 UTC");
    }
}

/// The browser's entry: hydrates the server's `<body>`. Called by the script Leptos'
/// `HydrationScripts` puts in the page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    let lr_url = document()
        .query_selector(&format!("meta[name={LR_URL_META}]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    // the language the server rendered in
    let locale = document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::new(&tag))
        .unwrap_or(Locale::EN);
    leptos::mount::hydrate_body(move || view! { <App lr_url locale/> });
    // the wasm runs now (the end-to-end tests wait for this mark: the forms work either way)
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-hydrated", "");
    }
}
