//! The server half: axum renders [`App`](example_ssr::App) with leptos_axum, serves the
//! browser half from `site/pkg`, and mounts loginrocket-axum's routes (the hand-off that
//! turns a sign-in into the session cookie, and sign-out) on http://127.0.0.1:3000.

use axum::routing::get;
use axum::Router;
use example_ssr::{App, LR_URL};
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use loginrocket_axum::{HttpKeys, LoginRocketAuth, SessionConfig, Verifier, VerifierConfig};

/// What the routes share: Leptos' options (the shell and `/pkg`) and the session's verifier.
#[derive(Clone, axum::extract::FromRef)]
struct AppState {
    leptos_options: LeptosOptions,
    auth: LoginRocketAuth,
}

/// The document around the app, with the kit's stylesheet and Leptos' hydration script.
fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="stylesheet" href="/kit.css"/>
                <HydrationScripts options/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[tokio::main]
async fn main() {
    let lr_url = format!("{}/v2/", LR_URL.trim_end_matches('/'));
    // tokens are verified against the realm's keys (its JWKS), and must be this realm's
    // (`rl_emulator` is the emulator's; a real realm's id is in AuthRocket's console)
    let verifier = Verifier::new(
        HttpKeys::for_loginrocket(&lr_url),
        VerifierConfig {
            realm: Some(option_env!("LR_REALM").unwrap_or("rl_emulator").into()),
            ..VerifierConfig::default()
        },
    );
    let auth = LoginRocketAuth::new(
        verifier,
        SessionConfig {
            after_login: "/account",
            // plain HTTP on 127.0.0.1 only: behind TLS, leave this off (the cookie is Secure)
            plain_http: true,
            ..SessionConfig::default()
        },
    );
    let leptos_options = LeptosOptions::builder()
        .output_name("example_ssr")
        .site_root("site")
        .site_pkg_dir("pkg")
        .build();
    let state = AppState {
        leptos_options: leptos_options.clone(),
        auth: auth.clone(),
    };
    let routes = generate_route_list(App);
    // the server functions and the pages find the verifier in context
    let context = {
        let auth = auth.clone();
        move || provide_context(auth.clone())
    };
    let page = {
        let options = leptos_options.clone();
        move || shell(options.clone())
    };
    let app = Router::<AppState>::new()
        .leptos_routes_with_context(&state, routes, context, page)
        .merge(auth.routes())
        .route(
            "/kit.css",
            get(|| async {
                (
                    [(axum::http::header::CONTENT_TYPE, "text/css")],
                    leptos_loginrocket::components::STYLESHEET,
                )
            }),
        )
        .route_service(
            &leptos_axum::site_pkg_dir_service_route_path(&leptos_options),
            leptos_axum::site_pkg_dir_service(&leptos_options),
        )
        .with_state(state);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 3000))
        .await
        .expect("127.0.0.1:3000 is free");
    println!("listening on http://127.0.0.1:3000");
    axum::serve(listener, app).await.expect("serving");
}
