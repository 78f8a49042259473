//! [`Catalog`]: each locale's strings, what the app registers, and lookup with English as
//! every message's fallback.

use std::collections::HashMap;
use std::sync::OnceLock;

#[cfg(feature = "lazy-pages")]
use super::chunks;
#[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
use super::shipped::shipped_chunk;
use super::shipped::SHIPPED;
use super::{plural, shipped_entries, Arg, Entry, FtlError, FtlSource, Locale, PluralRules};
use loginrocket_ftl::{self as fluent, Bundle};

/// One locale's strings.
#[derive(Clone, Debug)]
pub(super) struct Strings {
    pub(super) locale: Locale,
    pub(super) plurals: plural::Parsed,
    /// A shipped locale's compiled catalog (else empty), read the first time the locale is
    /// used: an app in English never reads the Spanish and Japanese ones.
    pub(super) shipped: &'static [u8],
    pub(super) entries: OnceLock<HashMap<String, Entry>>,
    /// What comes with the locale's chunks, in order (`chunks`): the entries are set once
    /// they are in.
    #[cfg(feature = "lazy-pages")]
    pub(super) later: Vec<chunks::Later>,
}

impl Strings {
    fn new(locale: Locale, plurals: plural::Parsed, shipped: &'static [u8]) -> Self {
        Self {
            locale,
            plurals,
            shipped,
            entries: OnceLock::new(),
            #[cfg(feature = "lazy-pages")]
            later: Vec::new(),
        }
    }

    fn entries(&self) -> &HashMap<String, Entry> {
        // a locale that waits for its chunk has nothing yet (English shows)
        #[cfg(feature = "lazy-pages")]
        if self.pending() {
            static NONE: OnceLock<HashMap<String, Entry>> = OnceLock::new();
            return NONE.get_or_init(HashMap::new);
        }
        self.entries.get_or_init(|| shipped_entries(self.shipped))
    }

    /// Takes the messages out (to change them and put them back with `OnceLock::from`).
    fn take_entries(&mut self) -> HashMap<String, Entry> {
        self.entries
            .take()
            .unwrap_or_else(|| shipped_entries(self.shipped))
    }

    fn bundle(&self) -> Bundle<'_> {
        Bundle {
            entries: self.entries(),
            plurals: &self.plurals,
        }
    }
}

/// The kit's strings, per locale: the shipped `en`, `es` and `ja`, and what the app
/// registers. `Send + Sync`.
///
/// A message a locale doesn't define comes in English; a key no locale defines prints as
/// itself. `fr-CA` uses `fr` when only `fr` is registered.
///
/// ```
/// use leptos_loginrocket::i18n::{Catalog, Locale};
///
/// let catalog = Catalog::new().with_ftl(Locale::EN, "field-email = Work email\n").unwrap();
/// assert_eq!(catalog.text(Locale::EN, "field-email"), "Work email");
/// assert_eq!(catalog.text(Locale::ES, "field-email"), "Correo electrónico");
/// ```
#[derive(Clone, Debug)]
pub struct Catalog {
    pub(super) locales: Vec<Strings>,
}

impl Default for Catalog {
    fn default() -> Self {
        let locales = SHIPPED
            .into_iter()
            .map(|(locale, rules, shipped)| {
                // the shipped rules and files are valid (tests check)
                #[allow(unused_mut)]
                let mut strings = Strings::new(locale, plural::Parsed::trusted(rules), shipped);
                #[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
                // (its entries are not read yet: nothing to keep before the chunk)
                if let Some(chunk) = shipped_chunk(locale) {
                    strings.later.push(chunks::Later::Chunk(chunk));
                }
                strings
            })
            .collect();
        Self { locales }
    }
}

impl Catalog {
    /// The kit's built-in strings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers `locale` with its plural rules and Fluent text `ftl`, or, for a locale
    /// already there, replaces its rules and adds or replaces messages. Nothing changes
    /// when the text has a problem.
    ///
    /// ```
    /// use leptos_loginrocket::i18n::{plural, Catalog, Locale};
    ///
    /// // an app's `locales/fr/kit.ftl`, say, through `include_str!`
    /// let ftl = "\
    /// -service = le service de connexion
    /// error-rate-limited = Trop de tentatives. Réessayez dans { $seconds ->
    ///     [one] { $seconds } seconde
    ///    *[other] { $seconds } secondes
    /// }.
    /// error-unavailable = Impossible de joindre { -service }.
    /// ";
    /// let fr = Locale::new("fr").unwrap();
    /// let catalog = Catalog::new().with_locale(fr, plural::FR, ftl).unwrap();
    /// let wait = |n: i64| catalog.text_with(fr, "error-rate-limited", &[("seconds", n.into())]);
    /// assert_eq!(wait(0), "Trop de tentatives. Réessayez dans 0 seconde.");
    /// assert_eq!(wait(2), "Trop de tentatives. Réessayez dans 2 secondes.");
    /// assert_eq!(catalog.text(fr, "error-unavailable"), "Impossible de joindre le service de connexion.");
    /// ```
    pub fn with_locale(
        mut self,
        locale: Locale,
        plurals: PluralRules,
        ftl: impl FtlSource,
    ) -> Result<Self, FtlError> {
        let error = |problems| FtlError { locale, problems };
        let plurals = plurals.parse().map_err(|e| error(vec![e]))?;
        let index = self.with_plurals(locale, plurals);
        self.merge(index, ftl.entries().map_err(error)?)
            .map_err(error)?;
        Ok(self)
    }

    /// Gives `locale` these plural rules, registering it (with no strings) if it is not, and
    /// says where its strings are.
    pub(super) fn with_plurals(&mut self, locale: Locale, plurals: plural::Parsed) -> usize {
        match self.locales.iter().position(|s| s.locale == locale) {
            Some(i) => {
                self.locales[i].plurals = plurals;
                i
            }
            None => {
                self.locales.push(Strings::new(locale, plurals, &[]));
                self.locales.len() - 1
            }
        }
    }

    /// The index of `locale`'s strings, or the error for a locale not registered.
    pub(super) fn registered(&self, locale: Locale) -> Result<usize, FtlError> {
        self.locales
            .iter()
            .position(|s| s.locale == locale)
            .ok_or_else(|| FtlError {
                locale,
                problems: vec![format!(
                    "{locale} is not registered: add it with Catalog::with_locale and its plural rules"
                )],
            })
    }

    /// Adds or replaces messages of a registered locale (a shipped one, or one added with
    /// [`with_locale`](Self::with_locale)): renaming a field the way the realm's server
    /// messages name it, or adding the app's own strings. Nothing changes when the text has
    /// a problem.
    ///
    /// ```
    /// use leptos_loginrocket::i18n::{Catalog, Locale};
    ///
    /// let catalog = Catalog::new()
    ///     .with_ftl(Locale::EN, "-app = Acme\nfield-email = { -app } email\n")
    ///     .unwrap();
    /// assert_eq!(catalog.text(Locale::EN, "field-email"), "Acme email");
    /// assert!(Catalog::new().with_ftl(Locale::EN, "bad = { DATETIME($d) }").is_err());
    /// ```
    pub fn with_ftl(mut self, locale: Locale, ftl: impl FtlSource) -> Result<Self, FtlError> {
        let index = self.registered(locale)?;
        let error = |problems| FtlError { locale, problems };
        self.merge(index, ftl.entries().map_err(error)?)
            .map_err(error)?;
        Ok(self)
    }

    /// Not generic: one copy, whatever kinds of Fluent the app registers.
    fn merge(&mut self, index: usize, parsed: Vec<(String, Entry)>) -> Result<(), Vec<String>> {
        // in place, keeping what is replaced to put it back on a problem (no copy of the map)
        let strings = &mut self.locales[index];
        // a locale that waits for its chunk takes these after it, checked then
        #[cfg(feature = "lazy-pages")]
        if strings.pending() {
            strings.defer(chunks::Later::entries(parsed, Some(fluent::check)));
            return Ok(());
        }
        let mut entries = strings.take_entries();
        let replaced: Vec<(String, Option<Entry>)> = parsed
            .into_iter()
            .map(|(id, entry)| {
                let old = entries.insert(id.clone(), entry);
                (id, old)
            })
            .collect();
        let problems = fluent::check(&entries, strings.plurals.has_ordinal());
        if !problems.is_empty() {
            for (id, old) in replaced.into_iter().rev() {
                match old {
                    Some(entry) => entries.insert(id, entry),
                    None => entries.remove(&id),
                };
            }
        }
        strings.entries = OnceLock::from(entries);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The registered locales, the shipped ones first.
    pub fn locales(&self) -> impl Iterator<Item = Locale> + '_ {
        self.locales.iter().map(|s| s.locale)
    }

    /// The first of `tags` (a user's preferred languages, best first) that the catalog has,
    /// by its tag or its language (`fr-CA` → `fr`); else English.
    ///
    /// ```
    /// use leptos_loginrocket::i18n::{Catalog, Locale};
    ///
    /// assert_eq!(Catalog::new().negotiate(["fr-CA", "ja-JP", "en"]), Locale::JA);
    /// assert_eq!(Catalog::new().negotiate(["de"]), Locale::EN);
    /// ```
    pub fn negotiate<T: AsRef<str>>(&self, tags: impl IntoIterator<Item = T>) -> Locale {
        tags.into_iter()
            .filter_map(|t| Locale::new(t.as_ref()))
            .find_map(|wanted| {
                [wanted, wanted.language_only()]
                    .into_iter()
                    .find(|l| self.locales().any(|have| have == *l))
            })
            .unwrap_or_default()
    }

    /// The catalog's best locale for an HTTP request's `Accept-Language` header (its tags by
    /// `q`, then by order; `q=0` and `*` left out; see [`negotiate`](Self::negotiate)): what
    /// a server renders a visitor's page in. English without the header.
    ///
    /// ```
    /// use leptos_loginrocket::i18n::{Catalog, Locale};
    ///
    /// let catalog = Catalog::new();
    /// assert_eq!(catalog.accept_language(Some("fr;q=0.9, es-MX;q=0.95, en;q=0.1")), Locale::ES);
    /// assert_eq!(catalog.accept_language(Some("ja;q=0, de, *")), Locale::EN);
    /// assert_eq!(catalog.accept_language(None), Locale::EN);
    /// ```
    pub fn accept_language(&self, header: Option<&str>) -> Locale {
        self.negotiate(loginrocket::language::preferred(header.unwrap_or_default()))
    }

    /// The catalog's best locale for the browser's preferred languages
    /// (`navigator.languages`; see [`negotiate`](Self::negotiate)): what an app starts in
    /// before the user picks. English off the browser (a server render, native tests).
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_loginrocket::i18n::Catalog;
    ///
    /// let catalog = Catalog::new();
    /// let locale = RwSignal::new(catalog.browser_locale());
    /// ```
    pub fn browser_locale(&self) -> Locale {
        self.negotiate(crate::platform::languages())
    }

    pub(super) fn strings(&self, locale: Locale) -> Option<&Strings> {
        let find = |l: Locale| self.locales.iter().find(|s| s.locale == l);
        find(locale).or_else(|| find(locale.language_only()))
    }

    /// The message `key` (or `key.attribute`) in `locale`; English when the locale lacks
    /// it; the key itself when no locale has it.
    pub fn text(&self, locale: Locale, key: &str) -> String {
        self.text_with(locale, key, &[])
    }

    /// The message `key` with arguments.
    ///
    /// ```
    /// use leptos_loginrocket::i18n::{Catalog, Locale};
    ///
    /// let c = Catalog::new();
    /// let text = c.text_with(Locale::EN, "error-rate-limited", &[("seconds", 1.into())]);
    /// assert_eq!(text, "Too many attempts. Try again in 1 second.");
    /// ```
    pub fn text_with(&self, locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        [self.strings(locale), self.strings(Locale::EN)]
            .into_iter()
            .flatten()
            .find_map(|s| s.bundle().format(key, args))
            .unwrap_or_else(|| key.to_owned())
    }

    /// Whether `locale` (or its language) defines `key` itself.
    pub fn has(&self, locale: Locale, key: &str) -> bool {
        self.strings(locale).is_some_and(|s| s.bundle().has(key))
    }
}
