//! Languages in headless Chromium, on a scripted mock transport: the kit's strings follow
//! the locale, an app's own locales and translator serve them, and the server's messages
//! keep the language they were written in.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use leptos_loginrocket::i18n::{self, FluentArg, Translator};
use leptos_loginrocket::prelude::*;
use loginrocket::transport::{HttpResponse, TransportError};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn server_messages_land_next_to_their_fields_in_spanish() {
    let page = mount_with(
        Locale::ES,
        || view! { <SignupForm fields=SignupFields { org_name: FieldMode::Optional, ..Default::default() }/> },
    );
    settle().await;
    assert_eq!(
        page.text("label[for$='-org-name']"),
        "Nombre de la organización"
    );
    page.type_into("input[name=email]", "ann@example.com");
    page.type_into("input[name=password]", "x");
    page.mock.push_json(
        422,
        invalid(&[
            "Correo electrónico ya está en uso",
            "Contraseña es demasiado corto (el mínimo es 8 caracteres)",
            "Nombre de la organización no puede estar en blanco",
        ]),
    );
    page.click("button[type=submit]");
    until("field errors", || {
        !page.text("[id$='-email-error']").is_empty()
    })
    .await;
    assert_eq!(
        page.text("[id$='-email-error']"),
        "Correo electrónico ya está en uso"
    );
    assert_eq!(
        page.text("[id$='-password-error']"),
        "Contraseña es demasiado corto (el mínimo es 8 caracteres)"
    );
    assert_eq!(
        page.text("[id$='-org-name-error']"),
        "Nombre de la organización no puede estar en blanco"
    );
    assert_eq!(page.text("[role=alert]"), "");
    let req = page.mock.last_request().unwrap();
    assert_eq!(req.header("accept-language"), Some("es"));
    page.unmount();
}

#[wasm_bindgen_test]
async fn locale_switch_rerenders_and_changes_the_next_request() {
    let page = mount(|| view! { <LoginForm/> });
    settle().await;
    assert_eq!(page.text("label[for$='-email']"), "Email");
    assert_eq!(page.text("button[type=submit]"), "Sign in");
    page.locale.set(Locale::ES);
    until("spanish", || {
        page.text("label[for$='-email']") == "Correo electrónico"
    })
    .await;
    assert_eq!(page.text("button[type=submit]"), "Iniciar sesión");
    fill_login(&page);
    page.mock.push(Err(TransportError::Offline));
    page.click("button[type=submit]");
    until("state in spanish", || {
        page.text("[role=alert]")
            .starts_with("Parece que no tienes conexión")
    })
    .await;
    assert_eq!(
        page.mock.last_request().unwrap().header("accept-language"),
        Some("es")
    );
    page.locale.set(Locale::JA);
    until("japanese", || {
        page.text("[role=alert]")
            .starts_with("オフラインのようです")
    })
    .await;
    assert_eq!(page.text("label[for$='-email']"), "メールアドレス");
    page.unmount();
}

#[wasm_bindgen_test]
async fn the_provider_keeps_html_lang_on_the_locale_when_asked() {
    let html = document().document_element().unwrap();
    html.set_attribute("lang", "en").unwrap();
    let root: web_sys::HtmlElement = document()
        .create_element("section")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let locale = RwSignal::new(Locale::ES);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoginRocketProvider url="https://lr.test" locale=locale sync_html_lang=true><p/></LoginRocketProvider> }
    });
    until("es", || html.get_attribute("lang").as_deref() == Some("es")).await;
    locale.set(Locale::JA);
    until("ja", || html.get_attribute("lang").as_deref() == Some("ja")).await;
    drop(handle);
    root.remove();
    // off by default: the document is the app's
    html.set_attribute("lang", "en").unwrap();
    let page = mount_with(Locale::JA, || view! { <p/> });
    settle().await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    page.unmount();
}

/// French, which the kit doesn't ship: the app registers it from its own Fluent with French
/// plural rules, and the kit's strings, the plurals and the server's language follow.
#[wasm_bindgen_test]
async fn an_app_registered_locale_drives_the_kit_and_the_server() {
    let fr = Locale::new("fr").unwrap();
    let catalog = Catalog::new()
        .with_locale(
            fr,
            i18n::plural::FR,
            "field-email = E-mail\nfield-password = Mot de passe\nlogin-submit = Se connecter\n\
             password-hint = Au moins { $count ->\n    [one] { $count } caractère\n   *[other] { $count } caractères\n}.\n",
        )
        .unwrap();
    let page = mount_i18n(fr, catalog, None, || view! { <LoginForm/> });
    settle().await;
    assert_eq!(page.text("button[type=submit]"), "Se connecter");
    assert_eq!(page.text("label[for$='-email']"), "E-mail");
    page.type_into("input[name=email]", "ann@example.com");
    page.type_into("input[name=password]", "pw");
    page.mock
        .push_json(422, invalid(&["E-mail n'est pas valide"]));
    page.click("button[type=submit]");
    until("the field error", || {
        !page.text("[id$='-email-error']").is_empty()
    })
    .await;
    assert_eq!(page.text("[id$='-email-error']"), "E-mail n'est pas valide");
    assert_eq!(
        page.mock.last_request().unwrap().header("accept-language"),
        Some("fr")
    );
    page.unmount();

    let catalog = Catalog::new()
        .with_locale(fr, i18n::plural::FR, "password-hint = Au moins { $count ->\n    [one] { $count } caractère\n   *[other] { $count } caractères\n}.\n")
        .unwrap();
    let page = mount_i18n(
        fr,
        catalog,
        None,
        || view! { <SignupForm min_password_length=1/> },
    );
    settle().await;
    assert_eq!(page.text("[id$='-password-hint']"), "Au moins 1 caractère.");
    page.unmount();
}

/// An app with its own `fluent-bundle` serves the kit's keys through it: one bundle for the
/// app and the kit, following the locale; what it lacks comes from the kit's catalog.
#[wasm_bindgen_test]
async fn a_translator_serves_the_kit_from_the_apps_own_fluent_bundle() {
    use fluent_bundle::concurrent::FluentBundle;
    use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

    let mut bundle = FluentBundle::new_concurrent(vec!["de".parse().unwrap()]);
    bundle.set_use_isolating(false);
    let ftl = "login-submit = Anmelden\n\
               password-hint = Mindestens { $count ->\n    [one] ein Zeichen\n   *[other] { $count } Zeichen\n}.\n\
               app-title = Meine App\n";
    bundle
        .add_resource(FluentResource::try_new(ftl.to_owned()).unwrap())
        .unwrap();
    let bundle = std::sync::Arc::new(bundle);
    let translator = Translator::new(move |locale, key, args| {
        if locale.language() != "de" {
            return None;
        }
        let message = bundle.get_message(key)?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                FluentArg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
                FluentArg::Decimal(d) => fluent_args.set(*name, FluentValue::try_number(d)),
                FluentArg::Text(t) => fluent_args.set(*name, FluentValue::from(t.to_string())),
            }
        }
        let mut errors = vec![];
        Some(
            bundle
                .format_pattern(message.value()?, Some(&fluent_args), &mut errors)
                .into_owned(),
        )
    });
    let de = Locale::new("de").unwrap();
    let page = mount_i18n(de, Catalog::new(), Some(translator), || {
        view! { <SignupForm min_password_length=8/> }
    });
    settle().await;
    assert_eq!(page.text("[id$='-password-hint']"), "Mindestens 8 Zeichen.");
    // the bundle has no `field-email`: the kit's catalog answers (English: no German there)
    assert_eq!(page.text("label[for$='-email']"), "Email");
    page.locale.set(Locale::ES);
    until("Spanish from the kit's catalog", || {
        page.text("label[for$='-email']") == "Correo electrónico"
    })
    .await;
    page.locale.set(de);
    until("German again", || {
        page.text("[id$='-password-hint']") == "Mindestens 8 Zeichen."
    })
    .await;
    page.unmount();
    let page = mount_i18n(de, Catalog::new(), None, || view! { <LoginForm/> });
    settle().await;
    assert_eq!(
        page.text("button[type=submit]"),
        "Sign in",
        "without the translator"
    );
    page.unmount();
}

/// A 422 with `messages`, saying (or not) which language they are in.
fn invalid_in(language: Option<&str>, messages: &[&str]) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse {
        status: 422,
        headers: language
            .map(|l| ("Content-Language".to_owned(), l.to_owned()))
            .into_iter()
            .collect(),
        body: invalid(messages).to_string().into_bytes(),
    })
}

#[wasm_bindgen_test]
async fn each_fields_server_messages_keep_the_language_the_server_wrote_them_in() {
    let page = mount_with(Locale::JA, || view! { <LoginForm/> });
    settle().await;
    fill_login(&page);
    page.mock
        .push(invalid_in(Some("ja"), &["メールアドレスは不正な値です"]));
    page.click("button[type=submit]");
    until("the server's message", || {
        !page.text("[id$='-email-error']").is_empty()
    })
    .await;
    page.locale.set(Locale::ES);
    settle().await;
    assert_eq!(
        page.text("[id$='-email-error']"),
        "メールアドレスは不正な値です"
    );
    assert_eq!(
        page.attr("[id$='-email-error']", "lang").as_deref(),
        Some("ja"),
        "read with Japanese rules on a Spanish page"
    );
    // a field with only our message follows the page
    page.type_into("input[name=email]", "");
    page.type_into("input[name=password]", "");
    page.click("button[type=submit]");
    until("ours", || {
        page.text("[id$='-email-error']").starts_with("Rellena")
    })
    .await;
    assert_eq!(page.attr("[id$='-email-error']", "lang"), None);
    page.unmount();
}

#[wasm_bindgen_test]
async fn a_message_in_a_language_the_realm_does_not_localize_is_not_tagged_with_it() {
    let de = Locale::new("de").unwrap();
    let page = mount_with(de, || view! { <LoginForm/> });
    settle().await;
    fill_login(&page);
    // the realm answered a German request in English, and did not say so
    page.mock.push(invalid_in(None, &["Email is invalid"]));
    page.click("button[type=submit]");
    until("the server's message", || {
        !page.text("[id$='-email-error']").is_empty()
    })
    .await;
    assert_eq!(
        page.attr("[id$='-email-error']", "lang").as_deref(),
        Some("en"),
        "an English message marked German"
    );
    page.unmount();
}
