//! The catalog against the shipped files, and registration. The engine's own tests, and its
//! output against `fluent-bundle`, are in `crates/ftl`.

use super::shipped::SHIPPED;
use super::*;
use fluent_bundle::FluentResource;

fn keys(source: &str) -> Vec<String> {
    let resource = FluentResource::try_new(source.to_owned()).expect("parses without errors");
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The shipped `.ftl` files, as `build.rs` compiles them.
const SOURCES: [(Locale, &str); 3] = [
    (Locale::EN, include_str!("../../locales/en/kit.ftl")),
    (Locale::ES, include_str!("../../locales/es/kit.ftl")),
    (Locale::JA, include_str!("../../locales/ja/kit.ftl")),
];

fn shipped() -> impl Iterator<Item = (Locale, &'static str)> {
    SOURCES.into_iter()
}

#[test]
fn the_compiled_catalogs_are_the_files() {
    for ((locale, source), (shipped, _, compiled)) in shipped().zip(SHIPPED) {
        assert_eq!(locale, shipped);
        let (parsed, problems) = loginrocket_ftl::parse(source);
        assert!(problems.is_empty(), "{locale:?}: {problems:?}");
        assert_eq!(
            loginrocket_ftl::decode(compiled).as_ref(),
            Some(&parsed),
            "{locale:?}"
        );
        assert_eq!(loginrocket_ftl::encode(&parsed), compiled, "{locale:?}");
    }
}

#[test]
fn compiled_fluent_registers_as_its_text_does() {
    let fr = Locale::new("fr").unwrap();
    let as_text = Catalog::new()
        .with_locale(
            fr,
            plural::FR,
            include_str!("../../demo/locales/fr/kit.ftl"),
        )
        .unwrap();
    let compiled = Catalog::new()
        .with_locale(fr, plural::FR, crate::ftl!("demo/locales/fr/kit.ftl"))
        .unwrap();
    for key in keys(SOURCES[0].1) {
        for n in [0, 1, 2, 5] {
            let args = [("seconds", FluentArg::from(n)), ("count", n.into())];
            assert_eq!(
                compiled.text_with(fr, &key, &args),
                as_text.text_with(fr, &key, &args),
                "{key}"
            );
        }
    }
    assert_eq!(compiled.text(fr, "logout"), "Se déconnecter");
    // a message added to a shipped locale, compiled, overrides as text does
    let app = Catalog::new()
        .with_ftl(Locale::EN, crate::ftl!("tests/fixtures/app.ftl"))
        .unwrap();
    assert_eq!(app.text(Locale::EN, "field-email"), "Work email at Acme");
    assert_eq!(app.text(Locale::ES, "field-email"), "Correo electrónico");
}

#[test]
fn damaged_compiled_fluent_is_an_error_and_changes_nothing() {
    let damaged = CompiledFtl::__from_ftl_macro(b"\xff\x01");
    let err = Catalog::new().with_ftl(Locale::EN, damaged).unwrap_err();
    assert_eq!(err.locale(), Locale::EN);
    assert!(err.problems()[0].contains("ftl!"), "{err}");
    // a reference to nothing is found at registration, compiled or not
    let dangling = Catalog::new().with_ftl(Locale::EN, crate::ftl!("tests/fixtures/dangling.ftl"));
    assert!(dangling.unwrap_err().problems()[0].contains("nowhere"));
}

#[test]
fn every_locale_has_every_key_and_parses_cleanly() {
    let en = keys(SOURCES[0].1);
    assert!(en.len() > 30, "{en:?}");
    for (locale, source) in shipped() {
        let (_, problems) = loginrocket_ftl::parse(source);
        assert!(problems.is_empty(), "{locale:?}: {problems:?}");
        let mut theirs = keys(source);
        let mut ours = en.clone();
        theirs.sort();
        ours.sort();
        assert_eq!(
            theirs, ours,
            "{locale:?} must define exactly the English keys"
        );
    }
    for (_, rules, _) in SHIPPED {
        rules.parse().unwrap();
    }
}

#[test]
fn a_shipped_locale_is_read_when_first_used() {
    let catalog = Catalog::new();
    let parsed = |c: &Catalog| -> Vec<Locale> {
        c.locales
            .iter()
            .filter(|s| s.entries.get().is_some())
            .map(|s| s.locale)
            .collect()
    };
    assert_eq!(parsed(&catalog), []);
    assert_eq!(catalog.text(Locale::EN, "login-submit"), "Sign in");
    assert_eq!(parsed(&catalog), [Locale::EN]);
    assert_eq!(catalog.text(Locale::JA, "login-submit"), "ログイン");
    assert_eq!(parsed(&catalog), [Locale::EN, Locale::JA]);
    // changing a locale not read yet starts from its shipped text
    let catalog = catalog
        .with_ftl(Locale::ES, "field-email = Correo\n")
        .unwrap();
    assert_eq!(catalog.text(Locale::ES, "field-email"), "Correo");
    assert_eq!(catalog.text(Locale::ES, "login-submit"), "Iniciar sesión");
}

#[test]
fn every_key_used_in_the_code_exists() {
    let catalog = Catalog::new();
    for key in keys::used() {
        for locale in catalog.locales() {
            assert!(catalog.has(locale, key), "{locale:?} lacks {key}");
        }
    }
}

#[test]
fn every_key_a_locale_defines_is_used_by_the_code() {
    let used = keys::used();
    for (locale, source) in shipped() {
        for key in keys(source) {
            assert!(
                used.contains(&key.as_str()),
                "{locale:?} defines {key}, which no code uses"
            );
        }
    }
}

#[test]
fn plurals_and_arguments() {
    let c = Catalog::new();
    let n = |n: i64| [("seconds", Arg::from(n))];
    assert_eq!(
        c.text_with(Locale::EN, "error-rate-limited", &n(1)),
        "Too many attempts. Try again in 1 second."
    );
    assert_eq!(
        c.text_with(Locale::EN, "error-rate-limited", &n(5)),
        "Too many attempts. Try again in 5 seconds."
    );
    assert_eq!(
        c.text_with(Locale::ES, "error-rate-limited", &n(1)),
        "Demasiados intentos. Inténtalo de nuevo en 1 segundo."
    );
    assert_eq!(
        c.text_with(Locale::JA, "error-rate-limited", &n(3)),
        "試行回数が多すぎます。3秒後にもう一度お試しください。"
    );
    assert_eq!(
        c.text_with(Locale::EN, "field-required", &[("field", "Email".into())]),
        "Please fill in Email."
    );
}

#[test]
fn registered_locales_overrides_and_fallbacks() {
    let c = Catalog::new()
        .with_ftl(Locale::ES, "field-email = Correo\nextra-key = Hola\n")
        .unwrap();
    assert_eq!(c.text(Locale::ES, "field-email"), "Correo");
    assert_eq!(c.text(Locale::ES, "extra-key"), "Hola");
    assert_eq!(c.text(Locale::new("es-MX").unwrap(), "extra-key"), "Hola");
    assert_eq!(c.text(Locale::JA, "extra-key"), "extra-key");
    assert_eq!(c.text(Locale::EN, "no-such-key"), "no-such-key");

    let fr = Locale::new("fr").unwrap();
    let err = Catalog::new().with_ftl(fr, "a = b").unwrap_err();
    assert_eq!(err.locale(), fr);
    let c = Catalog::new()
        .with_locale(fr, plural::FR, "login-submit = Se connecter\n")
        .unwrap();
    assert_eq!(
        c.locales().collect::<Vec<_>>(),
        [Locale::EN, Locale::ES, Locale::JA, fr]
    );
    assert_eq!(c.text(fr, "login-submit"), "Se connecter");
    assert_eq!(
        c.text(Locale::new("fr-CA").unwrap(), "login-submit"),
        "Se connecter"
    );
    assert_eq!(
        c.text(fr, "logout"),
        "Sign out",
        "English for what French lacks"
    );
    assert!(c.has(fr, "login-submit") && !c.has(fr, "logout"));
    assert_eq!(c.negotiate(["fr-BE", "es"]), fr);
    assert_eq!(c.negotiate(["de", "zz", "es-419"]), Locale::ES);
    let c = c.with_ftl(fr, "logout = Se déconnecter").unwrap();
    assert_eq!(c.text(fr, "logout"), "Se déconnecter");
}

#[test]
fn problems_are_errors_at_registration_and_change_nothing() {
    let fr = Locale::new("fr").unwrap();
    let base = Catalog::new()
        .with_locale(fr, plural::FR, "a = A\n")
        .unwrap();
    for (bad, what) in [
        ("a = changed\nb = { oops\n", "line 2"),
        ("a = { DATETIME($d) }", "DATETIME"),
        ("a = { NUMBER($n, style: \"percent\") }", "style"),
        ("a = { missing }", "missing"),
        ("a = { -term }", "-term"),
        ("a = { b }\nb = { a }", "cycle"),
        ("a = x\n    .title = { a.nope }", "a.nope"),
    ] {
        let err = base.clone().with_ftl(fr, bad).unwrap_err();
        assert!(err.to_string().contains(what), "{bad:?}: {err}");
    }
    let err = Catalog::new()
        .with_locale(fr, PluralRules::cardinal("one: n == 1"), "a = A")
        .unwrap_err();
    assert!(err.to_string().contains("n == 1"), "{err}");
    let err = Catalog::new()
        .with_locale(
            Locale::new("es-AR").unwrap(),
            PluralRules::cardinal("one: n = 1"),
            "a = { NUMBER($n, type: \"ordinal\") ->\n *[other] x\n}",
        )
        .unwrap_err();
    assert!(err.to_string().contains("ordinal"), "{err}");
    // a failed registration left the catalog as it was
    let after = base.clone().with_ftl(fr, "a = changed\nb = { oops\n");
    assert!(after.is_err());
    assert_eq!(base.text(fr, "a"), "A");
}
