//! `demo-ssr [--port N] [--site DIR] [--lr-url URL] [--realm ID] [--liveness-secs N]`
//!
//! Serves the server-rendered demo on 127.0.0.1 (default port 3000; 0 picks a free one) and
//! prints `listening on http://127.0.0.1:PORT`. Without `--lr-url` it starts a LoginRocket
//! emulator in this process (the built-in demo seed); with one, it uses that LoginRocket
//! (`…/v2/`), whose tokens must carry `--realm` (default the emulator's, `rl_emulator`).
//! `--site` is where `scripts/demo-ssr.sh` put the browser half (`pkg/`). A session signed out
//! at LoginRocket ends here once what LoginRocket said of it is older than `--liveness-secs`
//! (default 30).

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, SET_COOKIE,
};
use axum::http::HeaderValue;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use demo_ssr::{App, ACCOUNT_PATH, LR_URL_META};
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes, ResponseOptions};
use leptos_meta::MetaTags;
use loginrocket_axum::{
    emailed_links, HttpKeys, LoginRocketAuth, LoginRocketSession, SessionConfig, Verifier,
    VerifierConfig,
};
use loginrocket_emulator::cli;

const USAGE: &str =
    "usage: demo-ssr [--port N] [--site DIR] [--lr-url URL] [--realm ID] [--liveness-secs N]";

struct Args {
    port: u16,
    site: String,
    lr_url: Option<String>,
    realm: String,
    /// How long what LoginRocket said of a session is remembered (`checking_liveness`).
    liveness_secs: u64,
}

/// The command line, read (exits with the usage on a bad one).
fn args() -> Args {
    let mut args = Args {
        port: 3000,
        site: "target/demo-ssr/site".into(),
        lr_url: None,
        realm: "rl_emulator".into(),
        liveness_secs: 30,
    };
    cli::read_flags(USAGE, |flag, value| {
        match flag {
            "--port" => args.port = cli::port(&value)?,
            "--site" => args.site = value,
            "--lr-url" => args.lr_url = Some(value),
            "--realm" => args.realm = value,
            "--liveness-secs" => {
                args.liveness_secs = value
                    .parse()
                    .map_err(|_| "--liveness-secs takes a number of seconds".to_string())?
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
        Ok(())
    });
    args
}

/// What the routes share: Leptos' options (for the shell and `/pkg`) and the session.
#[derive(Clone, axum::extract::FromRef)]
struct AppState {
    leptos_options: LeptosOptions,
    auth: LoginRocketAuth,
}

/// The document around [`App`]: the kit's stylesheet as a file (styled before the wasm
/// arrives), the LoginRocket URL for the hydrating app, and Leptos' hydration script, which
/// carries the request's CSP nonce.
fn shell(options: LeptosOptions, lr_url: String) -> impl IntoView {
    // the visitor's language: the one they chose (the language links' cookie), else their
    // browser's (Accept-Language); leptos_axum provides the request's parts
    let headers = use_context::<axum::http::request::Parts>().map(|parts| parts.headers);
    let header = |name| {
        headers
            .as_ref()
            .and_then(|h| h.get(name))
            .and_then(|v| v.to_str().ok())
    };
    let chosen = header(axum::http::header::COOKIE).and_then(demo_ssr::chosen_locale);
    let locale = chosen.unwrap_or_else(|| {
        demo_ssr::catalog().accept_language(header(axum::http::header::ACCEPT_LANGUAGE))
    });
    view! {
        <!DOCTYPE html>
        <html lang=locale.to_string()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name=LR_URL_META content=lr_url.clone()/>
                // each page's <title>, in the visitor's language (leptos_meta)
                <MetaTags/>
                <link rel="stylesheet" href="/kit.css"/>
                <link rel="stylesheet" href="/site.css"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options/>
            </head>
            <body>
                <App lr_url locale/>
            </body>
        </html>
    }
}

/// The policy of every page: scripts only from here or with this response's nonce (Leptos'
/// hydration and resource scripts), no inline styles, forms post only here, and fetches only
/// to here and the LoginRocket origin.
fn csp(nonce: &str, lr_origin: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; \
         form-action 'self'; connect-src 'self' {lr_origin}"
    )
}

/// `scheme://host[:port]` of `url`.
fn origin(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..]
        .find('/')
        .map_or(url, |i| &url[..after_scheme + i])
}

#[tokio::main]
async fn main() {
    let args = args();
    // the embedded emulator lives as long as `main`
    let mut _emulator = None;
    let lr_url = match args.lr_url {
        Some(url) => url,
        None => {
            let mut seed = loginrocket_emulator::seed::Seed::demo();
            // the hosted pages send sign-ins back to this app (its hand-off, and the kit's
            // callback page for the hosted accounts page)
            let app = format!("http://127.0.0.1:{}", args.port);
            seed.realm.login_urls = vec![
                format!("{app}{}", demo_ssr::HANDOFF_PATH),
                format!("{app}/auth/callback"),
            ];
            let users = demo_users(&seed);
            let two_factor = seed.users.iter().any(|u| u.totp_secret.is_some());
            match loginrocket_emulator::spawn(seed).await {
                Ok(running) => {
                    let url = running.lr_url();
                    println!("LoginRocket emulator: {url}\n{users}");
                    if two_factor {
                        println!(
                            "Two-factor code: curl -s '{}/_emulator/totp?email=EMAIL'",
                            running.url
                        );
                    }
                    _emulator = Some(running);
                    url
                }
                Err(e) => {
                    eprintln!("cannot start the emulator: {e}");
                    std::process::exit(1);
                }
            }
        }
    };

    let verifier = Verifier::new(
        HttpKeys::for_loginrocket(&lr_url),
        VerifierConfig {
            realm: Some(args.realm),
            ..VerifierConfig::default()
        },
    );
    let auth = LoginRocketAuth::new(
        verifier,
        SessionConfig {
            handoff_path: demo_ssr::HANDOFF_PATH,
            logout_path: demo_ssr::LOGOUT_PATH,
            start_path: demo_ssr::START_PATH,
            after_login: ACCOUNT_PATH,
            // this demo serves plain HTTP on 127.0.0.1: the cookie can't be Secure (a real
            // app behind TLS leaves this off, whatever Host its proxy sends)
            plain_http: true,
            ..SessionConfig::default()
        },
    )
    // sign-out ends the LoginRocket session too, as the kit's own sign-out does
    .ending_loginrocket_sessions(&lr_url)
    .map_err(|e| e.to_string())
    // "Continue with Google" starts at the backend, which takes the hosted page's return
    .and_then(|auth| auth.with_hosted_login(&lr_url, &format!("http://127.0.0.1:{}", args.port)))
    // a session signed out elsewhere (the hosted pages, another device) ends here too
    .and_then(|auth| {
        auth.checking_liveness(&lr_url, std::time::Duration::from_secs(args.liveness_secs))
            .map_err(|e| e.to_string())
    })
    // the kit's forms work before the wasm: the backend posts them for the browser
    .and_then(|auth| auth.with_form_posts(&lr_url, &form_key()));
    let auth = match auth {
        Ok(auth) => auth,
        Err(e) => {
            eprintln!("--lr-url {lr_url}: {e}");
            std::process::exit(2);
        }
    };
    let leptos_options = LeptosOptions::builder()
        .output_name("demo_ssr")
        .site_root(args.site)
        .site_pkg_dir("pkg")
        .build();
    let state = AppState {
        leptos_options: leptos_options.clone(),
        auth: auth.clone(),
    };

    let app_url = lr_url.clone();
    let routes = generate_route_list(
        move || view! { <App lr_url=app_url.clone() locale=leptos_loginrocket::i18n::Locale::EN/> },
    );
    let lr_origin = origin(&lr_url).to_owned();
    let context = {
        let auth = auth.clone();
        move || {
            provide_context(auth.clone());
            // what the backend says of the kit's forms posted without the wasm (an answer is
            // shown once: its cookie goes with this page)
            if let Some(parts) = use_context::<axum::http::request::Parts>() {
                let (forms, cookies) = auth.server_forms(&parts.headers);
                provide_context(forms);
                if let Some(response) = use_context::<ResponseOptions>() {
                    for cookie in cookies.iter().filter_map(|c| HeaderValue::from_str(c).ok()) {
                        response.append_header(SET_COOKIE, cookie);
                    }
                }
            }
            // a page's response: its CSP names the nonce its scripts carry
            if let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) {
                if let Ok(value) = HeaderValue::from_str(&csp(&nonce.to_string(), &lr_origin)) {
                    response.insert_header(CONTENT_SECURITY_POLICY, value);
                }
                // the origin only: the backend's login-CSRF check falls back to the Referer's
                // origin where a browser sends no Fetch Metadata (Safari before 16.4;
                // no-referrer broke it), and no path or query leaves a page (the callback
                // page's address holds a token until the kit takes it out)
                response.insert_header(REFERRER_POLICY, HeaderValue::from_static("strict-origin"));
                // a page may be a signed-in user's, and carries a per-response nonce: no cache
                // keeps it (nor shows it again after sign-out)
                response.insert_header(CACHE_CONTROL, HeaderValue::from_static("no-store"));
            }
        }
    };
    let page = {
        let options = leptos_options.clone();
        move || shell(options.clone(), lr_url.clone())
    };
    let app = Router::<AppState>::new()
        .leptos_routes_with_context(&state, routes, context.clone(), page.clone())
        .merge(auth.routes())
        .route(
            "/kit.css",
            get(|| css(leptos_loginrocket::components::STYLESHEET)),
        )
        .route("/locale/{tag}", get(choose_locale))
        .route("/site.css", get(|| css(SITE_CSS)))
        .route("/favicon.svg", get(favicon))
        .route_service(
            &leptos_axum::site_pkg_dir_service_route_path(&leptos_options),
            leptos_axum::site_pkg_dir_service(&leptos_options),
        )
        // any other path: the app's "not found" page, a 404
        .fallback(leptos_axum::render_app_to_stream_with_context(
            context, page,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), account_guard))
        // an emailed reset or verification link: the server takes its token first
        .layer(middleware::from_fn_with_state(auth.clone(), emailed_links))
        .with_state(state);

    cli::serve_on_port(args.port, |listener| async move {
        axum::serve(listener, app).await
    })
    .await;
}

/// The key that signs the form posts' cookies: random at each start (what they hold lives
/// minutes; a deployment with several instances shares one key instead).
fn form_key() -> [u8; 32] {
    let mut key = [0u8; 32];
    if let Err(e) = getrandom::getrandom(&mut key) {
        eprintln!("no random source for the form posts' key: {e}");
        std::process::exit(1);
    }
    key
}

/// The seed's users, a line each, to sign in with.
fn demo_users(seed: &loginrocket_emulator::seed::Seed) -> String {
    let mut text = String::from("Demo users:");
    for u in &seed.users {
        let mut notes = vec![format!("password {}", u.password)];
        if u.totp_secret.is_some() {
            notes.push("two-factor".into());
        }
        if u.orgs.len() > 1 {
            notes.push(format!("{} organizations", u.orgs.len()));
        }
        if u.email_verified == Some(false) {
            notes.push("email not verified".into());
        }
        text.push_str(&format!("\n  {:<20} {}", u.email, notes.join(", ")));
    }
    text
}

/// The account page is for a signed-in user only: anyone else is sent to sign in (a `303`,
/// with the way back) before anything is rendered; while the realm's keys can't be fetched, a
/// `503`.
async fn account_guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if normalized(request.uri().path()) != ACCOUNT_PATH {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    match Option::<LoginRocketSession>::from_request_parts(&mut parts, &state).await {
        Ok(Some(_)) => next.run(Request::from_parts(parts, body)).await,
        Ok(None) => {
            Redirect::to(&demo_ssr::auth_config().sign_in_path(ACCOUNT_PATH)).into_response()
        }
        Err(keys_unavailable) => keys_unavailable.into_response(),
    }
}

/// `path` as the router matches it: `.` and `..` segments resolved, empty segments (`//`,
/// a trailing `/`) dropped. `/account/`, `/./account` and `/x/../account` are `/account`.
fn normalized(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    format!("/{}", segments.join("/"))
}

/// The demo's own few rules, beside the kit's stylesheet.
const SITE_CSS: &str = "body { margin: 0; font-family: system-ui, sans-serif; }
header.site { padding: 0.75rem 1.5rem; border-bottom: 1px solid #8884; }
header.site nav { display: flex; gap: 1rem; }
header.site { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; }
nav.languages a { padding: 0.25rem; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dd { margin: 0; }
";

/// `GET /locale/{tag}?back=<path>`: the visitor chose a language. A cookie keeps it (it is
/// no secret, and lasts a year), and the page they were on is rendered again in it: a plain
/// link, so it works before the wasm and after. An unknown language or a `back` off this
/// origin is ignored.
async fn choose_locale(
    axum::extract::Path(tag): axum::extract::Path<String>,
    axum::extract::Query(query): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Response {
    let back = leptos_loginrocket::loginrocket::redirect::safe_redirect(
        query.get("back").map(String::as_str),
        "/",
    );
    let mut response = Redirect::to(&back).into_response();
    if let Some(locale) = demo_ssr::chosen_locale(&format!("{}={tag}", demo_ssr::LOCALE_COOKIE)) {
        let cookie = format!(
            "{}={locale}; Path=/; SameSite=Lax; Max-Age=31536000",
            demo_ssr::LOCALE_COOKIE
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            response
                .headers_mut()
                .insert(axum::http::header::SET_COOKIE, v);
        }
    }
    response
}

async fn css(text: &'static str) -> impl axum::response::IntoResponse {
    ([(CONTENT_TYPE, "text/css; charset=utf-8")], text)
}

/// The main demo's icon.
async fn favicon() -> impl axum::response::IntoResponse {
    (
        [(CONTENT_TYPE, "image/svg+xml")],
        include_str!("../../public/favicon.svg"),
    )
}
