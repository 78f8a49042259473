//! The kit's own strings: Fluent catalogs for `en`, `es` and `ja` in `locales/<lang>/kit.ftl`,
//! owned by the kit, run by a small Fluent runtime of its own; the keys the code uses are
//! listed and checked against every catalog, both ways.
//!
//! Why a kit-owned catalog: the kit must work inside any app whatever its own i18n choice, so
//! it keeps its strings to itself and takes only a locale signal from the app. The files are
//! real Fluent (plurals through selectors), run by the kit's small Fluent runtime
//! (why not `fluent-bundle`: about 60 kB of wasm for three locales). Apps override or extend strings
//! per locale with [`Catalog::with_overrides`] (for example to rename a field the way the
//! realm's server messages name it).

use std::collections::HashMap;

mod fluent;
#[cfg(test)]
pub(crate) mod keys;

use fluent::{Arg, Message};

/// A locale the kit speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
    /// Japanese.
    Ja,
}

impl Locale {
    /// Every locale.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Es, Locale::Ja];

    /// The language tag (also sent as `Accept-Language`).
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::Ja => "ja",
        }
    }

    /// The locale for a language tag (`es-MX` → `Es`), if the kit speaks it.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.as_str() == primary)
    }

    /// The first of `tags` (a user's preferred languages, best first) that the kit speaks,
    /// else the default, English.
    ///
    /// ```
    /// use leptos_loginrocket::Locale;
    ///
    /// assert_eq!(Locale::best_of(["fr-CA", "ja-JP", "en"]), Locale::Ja);
    /// assert_eq!(Locale::best_of(["de"]), Locale::En);
    /// ```
    pub fn best_of<T: AsRef<str>>(tags: impl IntoIterator<Item = T>) -> Self {
        tags.into_iter()
            .find_map(|t| Self::from_tag(t.as_ref()))
            .unwrap_or_default()
    }

    /// The kit's best locale for the browser's preferred languages (`navigator.languages`,
    /// best first; see [`best_of`](Self::best_of)): what an app starts in before the user
    /// picks. English off the browser (a server render, native tests).
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_loginrocket::Locale;
    ///
    /// let locale = RwSignal::new(Locale::from_browser());
    /// ```
    pub fn from_browser() -> Self {
        Self::best_of(crate::platform::languages())
    }

    fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn source(self) -> &'static str {
        match self {
            Locale::En => include_str!("../../locales/en/kit.ftl"),
            Locale::Es => include_str!("../../locales/es/kit.ftl"),
            Locale::Ja => include_str!("../../locales/ja/kit.ftl"),
        }
    }
}

/// An argument to a message (`("seconds", 5.into())`).
pub use fluent::Arg as FluentArg;

/// The kit's catalogs, one per locale. `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Catalog {
    messages: Vec<HashMap<String, Message>>,
}

impl Default for Catalog {
    fn default() -> Self {
        let messages = Locale::ALL
            .into_iter()
            // the kit's own files parse without errors (a test checks)
            .map(|l| fluent::parse(l.source()).0.into_iter().collect())
            .collect();
        Self { messages }
    }
}

impl Catalog {
    /// The kit's built-in strings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces or adds messages for `locale` from Fluent source `ftl`. Returns the parse
    /// errors, if any, as text (what parsed is still applied).
    pub fn with_overrides(mut self, locale: Locale, ftl: &str) -> (Self, Vec<String>) {
        let (parsed, errors) = fluent::parse(ftl);
        if let Some(map) = self.messages.get_mut(locale.index()) {
            map.extend(parsed);
        }
        (self, errors)
    }

    /// The message `key` in `locale`; English when the locale lacks it; the key itself when
    /// no locale has it.
    pub fn text(&self, locale: Locale, key: &str) -> String {
        self.text_with(locale, key, &[])
    }

    /// The message `key` with arguments.
    pub fn text_with(&self, locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        for l in [locale, Locale::En] {
            if let Some(m) = self.messages.get(l.index()).and_then(|map| map.get(key)) {
                return m.format(l.as_str(), args);
            }
        }
        key.to_owned()
    }

    /// Whether `locale` defines `key` itself.
    pub fn has(&self, locale: Locale, key: &str) -> bool {
        self.messages
            .get(locale.index())
            .is_some_and(|map| map.contains_key(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

    fn keys(locale: Locale) -> Vec<String> {
        let resource =
            FluentResource::try_new(locale.source().to_owned()).expect("parses without errors");
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_locale_has_every_key_and_parses_cleanly() {
        let en = keys(Locale::En);
        assert!(en.len() > 30, "{en:?}");
        for locale in [Locale::Es, Locale::Ja] {
            let mut theirs = keys(locale);
            let mut ours = en.clone();
            theirs.sort();
            ours.sort();
            assert_eq!(
                theirs, ours,
                "{locale:?} must define exactly the English keys"
            );
        }
    }

    #[test]
    fn every_key_used_in_the_code_exists() {
        let catalog = Catalog::new();
        for key in keys::used() {
            for locale in Locale::ALL {
                assert!(catalog.has(locale, key), "{locale:?} lacks {key}");
            }
        }
    }

    #[test]
    fn every_key_a_locale_defines_is_used_by_the_code() {
        let used = keys::used();
        for locale in Locale::ALL {
            for key in keys(locale) {
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
            c.text_with(Locale::En, "error-rate-limited", &n(1)),
            "Too many attempts. Try again in 1 second."
        );
        assert_eq!(
            c.text_with(Locale::En, "error-rate-limited", &n(5)),
            "Too many attempts. Try again in 5 seconds."
        );
        assert_eq!(
            c.text_with(Locale::Es, "error-rate-limited", &n(1)),
            "Demasiados intentos. Inténtalo de nuevo en 1 segundo."
        );
        assert_eq!(
            c.text_with(Locale::Ja, "error-rate-limited", &n(3)),
            "試行回数が多すぎます。3秒後にもう一度お試しください。"
        );
        assert_eq!(
            c.text_with(Locale::En, "field-required", &[("field", "Email".into())]),
            "Please fill in Email."
        );
    }

    #[test]
    fn overrides_and_fallbacks() {
        let (c, errors) =
            Catalog::new().with_overrides(Locale::Es, "field-email = Correo\nextra-key = Hola\n");
        assert!(errors.is_empty());
        assert_eq!(c.text(Locale::Es, "field-email"), "Correo");
        assert_eq!(c.text(Locale::Es, "extra-key"), "Hola");
        assert_eq!(c.text(Locale::Ja, "extra-key"), "extra-key");
        assert_eq!(c.text(Locale::En, "no-such-key"), "no-such-key");
        let (_, errors) = Catalog::new().with_overrides(Locale::En, "broken = { \n");
        assert!(!errors.is_empty());
    }

    /// Every message, every locale, several arguments: this runtime and `fluent-bundle` agree.
    #[test]
    fn same_output_as_fluent_bundle() {
        let ours = Catalog::new();
        for locale in Locale::ALL {
            let (_, errors) = fluent::parse(locale.source());
            assert!(errors.is_empty(), "{locale:?}: {errors:?}");
            let mut bundle = FluentBundle::new(vec![locale
                .as_str()
                .parse::<unic_langid::LanguageIdentifier>()
                .unwrap()]);
            bundle.set_use_isolating(false);
            bundle
                .add_resource(FluentResource::try_new(locale.source().to_owned()).unwrap())
                .unwrap();
            for key in keys(locale) {
                for n in [0i64, 1, 2, 5, 11, 21, 100, 1_000_000] {
                    let mut args = FluentArgs::new();
                    args.set("seconds", FluentValue::from(n));
                    args.set("field", FluentValue::from("Campo"));
                    let pattern = bundle.get_message(&key).unwrap().value().unwrap();
                    let mut errs = vec![];
                    let theirs = bundle
                        .format_pattern(pattern, Some(&args), &mut errs)
                        .into_owned();
                    let mine = ours.text_with(
                        locale,
                        &key,
                        &[("seconds", n.into()), ("field", "Campo".into())],
                    );
                    assert_eq!(mine, theirs, "{locale:?} {key} n={n}");
                }
            }
        }
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::from_tag("es-MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("JA"), Some(Locale::Ja));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(""), None);
    }
}
