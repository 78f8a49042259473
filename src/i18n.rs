//! The kit's own strings: Fluent catalogs for `en`, `es` and `ja`, owned by the kit.
//!
//! Why a kit-owned bundle on `fluent-bundle` (not leptos-fluent): the kit must work inside any
//! app whatever its own i18n choice, so it keeps its catalogs to itself and takes only a
//! locale signal from the app; `fluent-bundle` alone is the smallest way to get real Fluent
//! (plurals, selectors) into the wasm. Apps override or extend strings per locale with
//! [`Catalog::with_overrides`] (for example to rename a field to match a realm's own
//! field names).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

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

    fn index(self) -> usize {
        self as usize
    }

    fn source(self) -> &'static str {
        match self {
            Locale::En => include_str!("../locales/en/kit.ftl"),
            Locale::Es => include_str!("../locales/es/kit.ftl"),
            Locale::Ja => include_str!("../locales/ja/kit.ftl"),
        }
    }
}

/// The kit's catalogs, one Fluent bundle per locale. `Send + Sync`.
pub struct Catalog {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").finish_non_exhaustive()
    }
}

fn bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let langid: LanguageIdentifier = locale.as_str().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // no Unicode isolation marks around placeables: messages are plain text
    bundle.set_use_isolating(false);
    // the kit's own files parse without errors (a test checks); keep what parsed otherwise
    let resource =
        FluentResource::try_new(locale.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

impl Default for Catalog {
    fn default() -> Self {
        Self {
            bundles: Locale::ALL.into_iter().map(bundle).collect(),
        }
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
        let (resource, errors) = match FluentResource::try_new(ftl.to_owned()) {
            Ok(r) => (r, Vec::new()),
            Err((partial, errors)) => (partial, errors.iter().map(ToString::to_string).collect()),
        };
        if let Some(b) = self.bundles.get_mut(locale.index()) {
            b.add_resource_overriding(resource);
        }
        (self, errors)
    }

    /// The message `key` in `locale`; English when the locale lacks it; the key itself when
    /// no locale has it.
    pub fn text(&self, locale: Locale, key: &str) -> String {
        self.format(locale, key, None)
    }

    /// The message `key` with arguments.
    pub fn text_with(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            fargs.set(*name, value.clone());
        }
        self.format(locale, key, Some(&fargs))
    }

    fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for l in [locale, Locale::En] {
            let Some(bundle) = self.bundles.get(l.index()) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        key.to_owned()
    }

    /// Whether `locale` defines `key` itself.
    pub fn has(&self, locale: Locale, key: &str) -> bool {
        self.bundles
            .get(locale.index())
            .is_some_and(|b| b.has_message(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for key in crate::i18n_keys_used() {
            for locale in Locale::ALL {
                assert!(catalog.has(locale, key), "{locale:?} lacks {key}");
            }
        }
    }

    #[test]
    fn plurals_and_arguments() {
        let c = Catalog::new();
        let n = |n: i64| [("seconds", FluentValue::from(n))];
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

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::from_tag("es-MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("JA"), Some(Locale::Ja));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(""), None);
    }
}
