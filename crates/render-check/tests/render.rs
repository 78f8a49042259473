//! Every kit component and every drop-in page rendered on the server (Leptos `ssr`): real
//! markup, no browser, no panic. Browser-only work (storage, history, timers, focus) runs in
//! effects and event handlers, which a server render never runs.
#![cfg(feature = "ssr")]

use leptos::prelude::*;
use leptos_loginrocket::loginrocket::server_forms::{
    Exchange, HeldStep, PostedAnswer, ServerForms,
};
use leptos_loginrocket::loginrocket::AccountChoice;
use leptos_loginrocket::prelude::*;
use leptos_router::components::{provide_server_redirect, Router, Routes};
use leptos_router::location::RequestUrl;

/// `view` inside a provider, rendered to HTML on the server.
fn render<V: IntoView + 'static>(view: impl FnOnce() -> V + Send + 'static) -> String {
    render_told(ServerForms::default(), view)
}

/// `view` inside a provider, rendered on the server of an app whose backend said `forms` of
/// the kit's forms posted without the wasm.
fn render_told<V: IntoView + 'static>(
    forms: ServerForms,
    view: impl FnOnce() -> V + Send + 'static,
) -> String {
    let owner = Owner::new();
    owner.set();
    provide_context(forms);
    let html = view! {
        <LoginRocketProvider url="https://sample.e2.loginrocket.com/">{view()}</LoginRocketProvider>
    }
    .to_html();
    drop(owner);
    html
}

#[test]
fn every_form_renders_real_markup() {
    let login = render(|| view! { <LoginForm/> });
    assert!(login.contains("<form"), "{login}");
    assert!(
        login.contains(r#"method="post""#),
        "a submit before hydration never puts fields into a URL: {login}"
    );
    assert!(
        login.contains(r#"autocomplete="username""#) || login.contains(r#"autocomplete="email""#),
        "{login}"
    );
    assert!(
        login.contains(r#"autocomplete="current-password""#),
        "{login}"
    );
    assert!(login.contains("Sign in"), "{login}");
    for (name, html) in [
        ("signup", render(|| view! { <SignupForm/> })),
        ("forgot", render(|| view! { <ForgotPasswordForm/> })),
        (
            "reset",
            render(|| view! { <ResetPasswordForm token="tpw_1".to_owned()/> }),
        ),
        ("two-factor", render(|| view! { <TwoFactorForm/> })),
        (
            "complete-profile",
            render(|| view! { <CompleteProfileForm/> }),
        ),
        ("profile", render(|| view! { <ProfileForm/> })),
        (
            "change-password",
            render(|| view! { <ChangePasswordForm/> }),
        ),
        ("invitation", render(|| view! { <RequestInvitationForm/> })),
    ] {
        assert!(html.contains("<form"), "{name}: {html}");
        assert!(html.contains("<input"), "{name}: {html}");
        assert!(html.contains(r#"type="submit""#), "{name}: {html}");
    }
    for (name, html) in [
        (
            "verify-email",
            render(|| view! { <VerifyEmail token="tve_1".to_owned()/> }),
        ),
        ("account-picker", render(|| view! { <AccountPicker/> })),
        ("logout", render(|| view! { <LogoutButton/> })),
        ("next-step", render(|| view! { <NextStepFallback/> })),
        ("styles", render(|| view! { <LoginRocketStyles/> })),
    ] {
        assert!(!html.is_empty() || name == "styles", "{name}");
    }
}

#[test]
fn the_reset_token_is_never_in_the_markup() {
    let html = render(|| view! { <ResetPasswordForm token="tpw_secret_1".to_owned()/> });
    assert!(!html.contains("tpw_secret_1"), "{html}");
}

/// `page` rendered at its path for a signed-out visitor: the HTML, and where the server
/// was asked to redirect.
fn render_page(page: AuthPage) -> (String, Option<String>) {
    let url = AuthPaths::default().path(page);
    let redirected = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let to = redirected.clone();
    let html = render(move || {
        provide_context(RequestUrl::new(&url));
        provide_server_redirect(move |path: &str| *to.lock().unwrap() = Some(path.to_owned()));
        view! {
            <Router>
                <Routes fallback=|| "not found">
                    <AuthRoutes config=AuthConfig::default()/>
                </Routes>
            </Router>
        }
    });
    let to = redirected.lock().unwrap().clone();
    (html, to)
}

#[test]
fn every_drop_in_page_renders_on_the_server() {
    for page in [
        AuthPage::SignIn,
        AuthPage::SignUp,
        AuthPage::ForgotPassword,
        AuthPage::ResetPassword,
        AuthPage::VerifyEmail,
        AuthPage::RequestInvitation,
        AuthPage::NextStep,
    ] {
        let (html, redirected) = render_page(page);
        assert_eq!(redirected, None, "{page:?}");
        assert!(html.contains(r#"class="lr-page""#), "{page:?}: {html}");
        assert!(html.contains("<h1"), "{page:?}: {html}");
    }
}

#[test]
fn a_step_page_without_its_step_redirects_to_sign_in_on_the_server() {
    for page in [
        AuthPage::TwoFactor,
        AuthPage::ChooseAccount,
        AuthPage::CompleteProfile,
    ] {
        let (html, redirected) = render_page(page);
        assert_eq!(redirected.as_deref(), Some("/auth/sign-in"), "{page:?}");
        assert!(!html.contains("<form"), "{page:?}: {html}");
    }
}

#[test]
fn a_signed_in_page_sends_a_signed_out_visitor_to_sign_in_on_the_server() {
    for (page, back) in [
        (AuthPage::Profile, "%2Fauth%2Fprofile"),
        (AuthPage::ChangePassword, "%2Fauth%2Fchange-password"),
    ] {
        let (html, redirected) = render_page(page);
        let expected = format!("/auth/sign-in?redirect={back}");
        assert_eq!(redirected.as_deref(), Some(expected.as_str()), "{page:?}");
        assert!(!html.contains("<form"), "{page:?}: {html}");
    }
}

/// Every component as a server renders it for hydration (with the shared context that
/// numbers hydration ids), written for the hydrate mode (`tests/hydrate.rs`) to hydrate in the browser.
#[test]
fn every_component_rendered_for_hydration() {
    use render_check::forms::{provided, record, FIXTURES, FORMS};
    let mut text = String::new();
    for (name, form) in FORMS {
        let owner = Owner::new_root(Some(std::sync::Arc::new(
            hydration_context::SsrSharedContext::new(),
        )));
        let html = owner.with(|| provided(*form).to_html());
        assert!(!html.is_empty(), "{name}");
        text.push_str(&record(name, &html));
    }
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(FIXTURES);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, text).unwrap();
}

/// Form ids are numbered per provider: every server render numbers its forms from 1, as the
/// browser does when it hydrates that render (a count per process would drift apart).
#[test]
fn form_ids_are_numbered_per_render() {
    for _ in 0..3 {
        let html = render(|| view! { <LoginForm/><SignupForm/> });
        assert!(html.contains(r#"id="lr-login-1""#), "{html}");
        assert!(html.contains(r#"id="lr-signup-2""#), "{html}");
    }
}

/// The submit button is disabled in server markup: a submit before the wasm is live would post
/// the fields (the password) to the page. The browser enables it once hydrated
/// (the hydrate mode, `tests/hydrate.rs`).
#[test]
fn submit_buttons_are_disabled_until_hydration() {
    for html in [
        render(|| view! { <LoginForm/> }),
        render(|| view! { <SignupForm/> }),
        render(|| view! { <ChangePasswordForm/> }),
    ] {
        let at = html
            .find(r#"<button type="submit""#)
            .expect("a submit button");
        let tag = &html[at..at + html[at..].find('>').unwrap()];
        assert!(tag.contains(" disabled"), "{tag}");
    }
}

/// An empty live region says so (`data-empty`), for the stylesheet to give it no room: a server
/// writes its empty text as a space, which CSS's `:empty` does not match.
#[test]
fn empty_live_regions_are_marked_empty() {
    let html = render(|| view! { <LoginForm/> });
    let at = html.find(r#"role="alert""#).expect("the form's alert");
    let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
    assert!(tag.contains("data-empty"), "{tag}");
}

/// A server renders a request on one thread and may clean its reactive values up on another
/// (axum on tokio's worker threads: the response stream is polled where it is polled). A value
/// that must stay on its thread (a `SendWrapper`) panics there and cuts the response short.
#[test]
fn a_render_can_be_cleaned_up_on_another_thread() {
    for (name, form) in render_check::forms::FORMS {
        let owner = Owner::new();
        let html = owner.with(|| render_check::forms::provided(*form).to_html());
        assert!(!html.is_empty(), "{name}");
        let cleaned = std::thread::spawn(move || owner.cleanup()).join();
        assert!(
            cleaned.is_ok(),
            "{name}: cleaning up on another thread panicked"
        );
    }
}

/// `page` of the pages posting to the backend, rendered on the server told `forms`: the HTML,
/// and where the server was asked to redirect.
fn render_posting(page: AuthPage, forms: ServerForms) -> (String, Option<String>) {
    let url = AuthPaths::default().path(page);
    let redirected = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let to = redirected.clone();
    let html = render_told(forms, move || {
        provide_context(RequestUrl::new(&url));
        provide_server_redirect(move |path: &str| *to.lock().unwrap() = Some(path.to_owned()));
        let config = AuthConfig {
            form_posts: Some("/session/form"),
            ..AuthConfig::default()
        };
        view! {
            <Router>
                <Routes fallback=|| "not found">
                    <AuthRoutes config=config/>
                </Routes>
            </Router>
        }
    });
    let to = redirected.lock().unwrap().clone();
    (html.replace("<!>", ""), to)
}

#[test]
fn a_form_posting_to_the_backend_is_live_in_the_markup_and_shows_the_servers_answer() {
    let (plain, _) = render_posting(AuthPage::SignIn, ServerForms::default());
    assert!(plain.contains(r#"action="/session/form/login""#), "{plain}");
    assert!(
        plain.contains(r#"name="lr_back" value="/auth/sign-in""#),
        "{plain}"
    );
    assert!(plain.contains(r#"name="lr_locale" value="en""#), "{plain}");
    assert!(
        !plain.contains("disabled"),
        "the submit button is live: {plain}"
    );

    let answer = PostedAnswer {
        form: "login".into(),
        exchange: Exchange::Answered {
            status: 422,
            content_language: Some("es".into()),
            retry_after: None,
            body: r#"{"result":"error","error":"Error al iniciar sesión"}"#.into(),
        },
        values: vec![("email".into(), "ann@example.com".into())],
    };
    let told = ServerForms {
        answer: Some(answer),
        steps: vec![],
    };
    let (html, _) = render_posting(AuthPage::SignIn, told);
    // the alert, in the server's language, and the typed value back
    assert!(html.contains(r#"lang="es""#), "{html}");
    assert!(html.contains("Error al iniciar sesión"), "{html}");
    assert!(html.contains(r#"value="ann@example.com""#), "{html}");
}

#[test]
fn a_step_the_server_holds_is_its_pages_form_not_a_redirect() {
    let held = |step| ServerForms {
        answer: None,
        steps: vec![step],
    };
    let (html, redirected) = render_posting(AuthPage::TwoFactor, held(HeldStep::TwoFactor));
    assert_eq!(redirected, None);
    assert!(
        html.contains(r#"action="/session/form/two-factor""#),
        "{html}"
    );

    let accounts = vec![
        AccountChoice {
            id: "org_1".into(),
            name: "Acme".into(),
        },
        AccountChoice {
            id: "org_2".into(),
            name: "Globex".into(),
        },
    ];
    let (html, redirected) = render_posting(
        AuthPage::ChooseAccount,
        held(HeldStep::ChooseAccount { accounts }),
    );
    assert_eq!(redirected, None);
    assert!(html.contains(r#"action="/session/form/account""#), "{html}");
    assert!(html.contains(r#"name="account" value="org_2""#), "{html}");

    // without it, the step pages still send a visitor to sign in
    let (_, redirected) = render_posting(AuthPage::TwoFactor, ServerForms::default());
    assert_eq!(redirected.as_deref(), Some("/auth/sign-in"));
}
