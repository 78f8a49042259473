//! The kit's own strings: Fluent catalogs for `en`, `es` and `ja` in `locales/<lang>/kit.ftl`,
//! run by a small Fluent runtime of the kit's own; the keys the code uses are listed and
//! checked against every catalog, both ways.
//!
//! - A [`Locale`] is a language tag. An app registers any other locale (or overrides a
//!   shipped one) from its own `.ftl` text with [`Catalog::with_locale`] and that language's
//!   [plural rules](plural); `Accept-Language` follows the tag.
//! - The runtime reads real Fluent: messages, terms, references, attributes, selectors,
//!   `NUMBER()` and literals. What it doesn't support is an error at registration
//!   ([`FtlError`]), never silently different text. Why not `fluent-bundle`: about 59 kB
//!   gzip of wasm; a test checks this runtime prints what `fluent-bundle` prints.
//! - An app with its own Fluent setup can serve the kit's keys from its own bundle through a
//!   [`Translator`].
//!
//! ```
//! use leptos_loginrocket::{i18n::plural, Catalog, Locale};
//!
//! let fr = Locale::new("fr").unwrap();
//! let catalog = Catalog::new()
//!     .with_locale(fr, plural::FR, "login-submit = Se connecter\n")
//!     .expect("valid Fluent");
//! assert_eq!(catalog.text(fr, "login-submit"), "Se connecter");
//! // what French doesn't define comes in English
//! assert_eq!(catalog.text(fr, "logout"), "Sign out");
//! ```

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

#[cfg(feature = "lazy-pages")]
mod chunks;
mod fluent;
#[cfg(test)]
pub(crate) mod keys;
pub mod plural;

#[cfg(feature = "lazy-pages")]
pub use chunks::{ChunkFetch, FtlChunk};
use fluent::{Arg, Bundle, Entry};
pub use plural::{PluralCategory, PluralRules};

/// A locale: a language tag such as `en`, `fr-CA` or `zh-Hant`, kept as language, script and
/// region (variants and extensions are dropped). `Copy`; the default is English.
///
/// ```
/// use leptos_loginrocket::Locale;
///
/// let l = Locale::new("pt_br").unwrap();
/// assert_eq!(l.as_str(), "pt-BR");
/// assert_eq!(l.language(), "pt");
/// assert_eq!(Locale::new("sr-latn-rs-u-nu-latn").unwrap().as_str(), "sr-Latn-RS");
/// assert_eq!(Locale::new("not a tag"), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale {
    len: u8,
    tag: [u8; 12],
}

impl Default for Locale {
    fn default() -> Self {
        Self::EN
    }
}

impl fmt::Debug for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Locale({})", self.as_str())
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Locale {
    /// English, which the kit ships.
    pub const EN: Locale = Locale::two(*b"en");
    /// Spanish, which the kit ships.
    pub const ES: Locale = Locale::two(*b"es");
    /// Japanese, which the kit ships.
    pub const JA: Locale = Locale::two(*b"ja");

    const fn two(lang: [u8; 2]) -> Self {
        let mut tag = [0; 12];
        tag[0] = lang[0];
        tag[1] = lang[1];
        Self { len: 2, tag }
    }

    /// The locale for a language tag (`fr`, `es-MX`, `pt_BR`, `zh-Hant-TW`), in its canonical
    /// case; `None` when it isn't one.
    pub fn new(tag: &str) -> Option<Self> {
        let mut parts = tag.trim().split(['-', '_']);
        let lang = parts.next()?;
        if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let mut out = lang.to_ascii_lowercase();
        let mut next = parts.next();
        if let Some(script) =
            next.filter(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            out.push('-');
            out.push_str(&script[..1].to_ascii_uppercase());
            out.push_str(&script[1..].to_ascii_lowercase());
            next = parts.next();
        }
        if let Some(region) = next.filter(|r| {
            (r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()))
                || (r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
        }) {
            out.push('-');
            out.push_str(&region.to_ascii_uppercase());
        }
        let mut tag = [0; 12];
        tag[..out.len()].copy_from_slice(out.as_bytes());
        Some(Self {
            len: out.len() as u8,
            tag,
        })
    }

    /// The language tag (also sent as `Accept-Language`).
    pub fn as_str(&self) -> &str {
        // only ASCII is ever stored
        std::str::from_utf8(&self.tag[..usize::from(self.len)]).unwrap_or("en")
    }

    /// The language subtag (`fr` of `fr-CA`).
    pub fn language(&self) -> &str {
        let tag = self.as_str();
        tag.split('-').next().unwrap_or(tag)
    }

    /// The locale of the language subtag alone (`fr` of `fr-CA`).
    fn language_only(&self) -> Self {
        let len = self.language().len();
        let mut tag = [0; 12];
        tag[..len].copy_from_slice(&self.tag[..len]);
        Self {
            len: len as u8,
            tag,
        }
    }
}

/// An argument to a message (`("seconds", 5.into())`).
pub use fluent::Arg as FluentArg;

/// Fluent text that could not be registered: the locale and each problem, with its line.
///
/// ```
/// use leptos_loginrocket::{Catalog, Locale};
///
/// let err = Catalog::new().with_ftl(Locale::EN, "ok = fine\nbad = { $x\n").unwrap_err();
/// assert_eq!(err.locale(), Locale::EN);
/// assert!(err.problems()[0].starts_with("line 2:"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FtlError {
    locale: Locale,
    problems: Vec<String>,
}

impl FtlError {
    /// The locale being registered.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// What is wrong, one entry per problem (`"line 3: expected `}`"`).
    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

impl fmt::Display for FtlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Fluent for {}: {}",
            self.locale,
            self.problems.join("; ")
        )
    }
}

impl std::error::Error for FtlError {}

/// Fluent compiled while the app builds, by [`ftl!`](crate::ftl): what
/// [`Catalog::with_locale`] and [`Catalog::with_ftl`] take instead of text when the app's wasm
/// should carry no Fluent parser (5.7 kB gzip less in the demo). Its syntax was checked at
/// compile time; references between messages are checked when it is registered, as for text.
///
/// ```
/// use leptos_loginrocket::{ftl, i18n::CompiledFtl, Catalog, Locale};
///
/// // the path is relative to the crate's Cargo.toml; a syntax error is a compile error
/// const APP_EN: CompiledFtl = ftl!("locales/en/kit.ftl");
/// let catalog = Catalog::new().with_ftl(Locale::EN, APP_EN).unwrap();
/// assert_eq!(catalog.text(Locale::EN, "logout"), "Sign out");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompiledFtl(&'static [u8]);

impl CompiledFtl {
    /// What `ftl!` expands to; not for use by hand.
    #[doc(hidden)]
    pub const fn __from_ftl_macro(bytes: &'static [u8]) -> Self {
        Self(bytes)
    }
}

/// Fluent that [`Catalog::with_locale`] and [`Catalog::with_ftl`] take: text (`&str`,
/// `&String`), parsed when it is registered, or [`CompiledFtl`] from [`ftl!`](crate::ftl),
/// checked while the app builds. Only the kinds an app passes are in its wasm: an app that
/// registers no text carries no parser.
pub trait FtlSource: sealed::Entries {}

impl FtlSource for &str {}
impl FtlSource for &String {}
impl FtlSource for CompiledFtl {}

mod sealed {
    use super::{fluent, CompiledFtl, Entry};

    /// The entries, or the problems with their lines.
    pub trait Entries {
        fn entries(self) -> Result<Vec<(String, Entry)>, Vec<String>>;
    }

    impl Entries for &str {
        fn entries(self) -> Result<Vec<(String, Entry)>, Vec<String>> {
            let (parsed, problems) = fluent::parse(self);
            if problems.is_empty() {
                Ok(parsed)
            } else {
                Err(problems
                    .into_iter()
                    .map(|(line, p)| format!("line {line}: {p}"))
                    .collect())
            }
        }
    }

    impl Entries for &String {
        fn entries(self) -> Result<Vec<(String, Entry)>, Vec<String>> {
            self.as_str().entries()
        }
    }

    impl Entries for CompiledFtl {
        fn entries(self) -> Result<Vec<(String, Entry)>, Vec<String>> {
            fluent::decode(self.0).ok_or_else(|| {
                vec!["not Fluent compiled by this version of the kit's ftl!".to_owned()]
            })
        }
    }
}

/// A shipped catalog's messages, from its compiled form (`build.rs`; tests check it
/// against the `.ftl` file).
fn shipped_entries(compiled: &[u8]) -> HashMap<String, Entry> {
    fluent::decode(compiled)
        .unwrap_or_default()
        .into_iter()
        .collect()
}

macro_rules! compiled {
    ($lang:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $lang, ".ftlc"))
    };
}

/// The locales the kit ships: tag, plural rules, the catalog compiled from
/// `locales/<lang>/kit.ftl` by `build.rs`.
const SHIPPED: [(Locale, PluralRules, &[u8]); 3] = [
    (Locale::EN, plural::EN, compiled!("en")),
    (Locale::ES, plural::ES, SHIPPED_ES),
    (Locale::JA, plural::JA, SHIPPED_JA),
];

// A split build (`lazy-pages` in the browser) fetches Spanish and Japanese as chunks of their
// own the first time they are used (`chunks`); elsewhere they are in the module.
#[cfg(not(all(feature = "lazy-pages", target_family = "wasm")))]
const SHIPPED_ES: &[u8] = compiled!("es");
#[cfg(not(all(feature = "lazy-pages", target_family = "wasm")))]
const SHIPPED_JA: &[u8] = compiled!("ja");
#[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
const SHIPPED_ES: &[u8] = &[];
#[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
const SHIPPED_JA: &[u8] = &[];

/// The shipped locales that are chunks of their own, with their chunk.
#[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
fn shipped_chunk(locale: Locale) -> Option<FtlChunk> {
    /// The chunk `$chunk` holding the shipped catalog of `$lang`.
    macro_rules! shipped {
        ($chunk:ident, $lang:literal) => {{
            #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn fetch() -> Result<&'static [CompiledFtl], leptos::wasm_split::SplitLoaderError> {
                const FILES: &[CompiledFtl] = &[CompiledFtl(compiled!($lang))];
                Ok(FILES)
            }
            fn start() -> ChunkFetch {
                Box::pin(async { fetch().await.ok() })
            }
            FtlChunk::shipped(start)
        }};
    }
    match locale {
        Locale::ES => Some(shipped!(lr_locale_es, "es")),
        Locale::JA => Some(shipped!(lr_locale_ja, "ja")),
        _ => None,
    }
}

/// One locale's strings.
#[derive(Clone, Debug)]
struct Strings {
    locale: Locale,
    plurals: plural::Parsed,
    /// A shipped locale's compiled catalog (else empty), read the first time the locale is
    /// used: an app in English never reads the Spanish and Japanese ones.
    shipped: &'static [u8],
    entries: OnceLock<HashMap<String, Entry>>,
    /// What comes with the locale's chunks, in order (`chunks`): the entries are set once
    /// they are in.
    #[cfg(feature = "lazy-pages")]
    later: Vec<chunks::Later>,
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
/// use leptos_loginrocket::{Catalog, Locale};
///
/// let catalog = Catalog::new().with_ftl(Locale::EN, "field-email = Work email\n").unwrap();
/// assert_eq!(catalog.text(Locale::EN, "field-email"), "Work email");
/// assert_eq!(catalog.text(Locale::ES, "field-email"), "Correo electrónico");
/// ```
#[derive(Clone, Debug)]
pub struct Catalog {
    locales: Vec<Strings>,
}

impl Default for Catalog {
    fn default() -> Self {
        let locales = SHIPPED
            .into_iter()
            .map(|(locale, rules, shipped)| {
                // the shipped rules and files are valid (tests check)
                #[allow(unused_mut)]
                let mut strings = Strings::new(locale, plural::Parsed::shipped(rules), shipped);
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
    /// use leptos_loginrocket::{i18n::plural, Catalog, Locale};
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
    fn with_plurals(&mut self, locale: Locale, plurals: plural::Parsed) -> usize {
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
    fn registered(&self, locale: Locale) -> Result<usize, FtlError> {
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
    /// use leptos_loginrocket::{Catalog, Locale};
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
    /// use leptos_loginrocket::{Catalog, Locale};
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
    /// use leptos_loginrocket::{Catalog, Locale};
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
    /// use leptos_loginrocket::Catalog;
    ///
    /// let catalog = Catalog::new();
    /// let locale = RwSignal::new(catalog.browser_locale());
    /// ```
    pub fn browser_locale(&self) -> Locale {
        self.negotiate(crate::platform::languages())
    }

    fn strings(&self, locale: Locale) -> Option<&Strings> {
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
    /// use leptos_loginrocket::{Catalog, Locale};
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

type TranslateFn = dyn Fn(Locale, &str, &[(&str, FluentArg<'_>)]) -> Option<String> + Send + Sync;

/// The app's own translations for the kit's keys: a key, the kit's locale and the arguments
/// in, the text out (or `None` to use the kit's catalog for that key). Give it to
/// `<LoginRocketProvider translator=…>` so one Fluent bundle serves the app and the kit.
///
/// The kit calls it wherever it shows text, inside reactive closures: a translator that
/// reads the app's own signals (a bundle loaded later, say) is followed like the locale.
///
/// ```
/// use leptos_loginrocket::{FluentArg, Locale, Translator};
///
/// let t = Translator::new(|locale: Locale, key: &str, _args: &[(&str, FluentArg<'_>)]| {
///     (locale.language() == "fr" && key == "login-submit").then(|| "Se connecter".to_owned())
/// });
/// assert_eq!(t.translate(Locale::new("fr").unwrap(), "login-submit", &[]).as_deref(), Some("Se connecter"));
/// assert_eq!(t.translate(Locale::EN, "login-submit", &[]), None);
/// ```
#[derive(Clone)]
pub struct Translator(Arc<TranslateFn>);

impl Translator {
    /// A translator from a function.
    pub fn new(
        f: impl Fn(Locale, &str, &[(&str, FluentArg<'_>)]) -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        Self(Arc::new(f))
    }

    /// The app's text for `key`, if it has one.
    pub fn translate(
        &self,
        locale: Locale,
        key: &str,
        args: &[(&str, FluentArg<'_>)],
    ) -> Option<String> {
        (self.0)(locale, key, args)
    }
}

impl fmt::Debug for Translator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Translator(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

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
            let (parsed, problems) = fluent::parse(source);
            assert!(problems.is_empty(), "{locale:?}: {problems:?}");
            assert_eq!(
                fluent::decode(compiled).as_ref(),
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
        let dangling =
            Catalog::new().with_ftl(Locale::EN, crate::ftl!("tests/fixtures/dangling.ftl"));
        assert!(dangling.unwrap_err().problems()[0].contains("nowhere"));
    }

    #[test]
    fn every_locale_has_every_key_and_parses_cleanly() {
        let en = keys(SOURCES[0].1);
        assert!(en.len() > 30, "{en:?}");
        for (locale, source) in shipped() {
            let (_, problems) = fluent::parse(source);
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

    /// Everything the runtime claims, beyond what the kit's own files use.
    const FEATURES: &str = r#"
# comments, group comments and resource comments are skipped
## Group
### Resource
-brand = Rocket
    .gender = feminine
-thing = { $case ->
   *[nom] thing
    [gen] thing's
}
plain = Just text
var = Hi { $field }!
multiline =
    First line
      indented more

    after a blank line
inline-then-block = Start
    continued { $field }
wait = { $seconds ->
    [0] now
    [one] in { $seconds } unit
    [two] in { $seconds } units (two)
    [few] in { $seconds } units (few)
    [many] in { $seconds } units (many)
   *[other] in { $seconds } units
}
exact-first = { $seconds ->
    [1] exactly one
    [one] category one
   *[other] other
}
term = Welcome to { -brand }.
    .title = { -brand } home
term-args = { -thing(case: "gen") } / { -thing }
term-attr-select = { -brand.gender ->
    [feminine] she
   *[other] it
}
refs = { term } ({ term.title })
literals = { "Quote: \" backslash: \\ \u00e9 \U01F680" } { "{" } { 42 } { -7 } { 1.50 }
number = { NUMBER($seconds) } / { NUMBER($seconds, minimumFractionDigits: 2) }
number-select = { NUMBER($seconds, minimumFractionDigits: 1) ->
    [one] one
   *[other] other
}
ordinal = { NUMBER($seconds, type: "ordinal") ->
    [one] { $seconds }-one
    [two] { $seconds }-two
    [few] { $seconds }-few
    [many] { $seconds }-many
   *[other] { $seconds }-other
}
string-select = { $field ->
    [Campo] matched
   *[other] unmatched
}
literal-select = { "b" ->
    [a] A
    [b] B
   *[c] C
}
nested = { { "deep" } }
attrs-only =
    .label = Only an attribute
"#;

    /// The locales the differential test runs in: where `fluent-bundle`'s plural data agrees
    /// with the current CLDR on the numbers used (see the plural rules' tests for those
    /// where it doesn't).
    const DIFFERENTIAL: &[(&str, PluralRules)] = &[
        ("en", plural::EN),
        ("es", plural::ES),
        ("ja", plural::JA),
        ("fr", plural::FR),
        ("ru", plural::RU),
        ("pl", plural::PL),
        ("cs", plural::CS),
        ("sl", plural::SL),
        ("it", plural::IT),
    ];

    fn bundle_of(lang: &str, source: &str) -> FluentBundle<FluentResource> {
        let mut bundle = FluentBundle::new(vec![lang
            .parse::<unic_langid::LanguageIdentifier>()
            .unwrap()]);
        bundle.set_use_isolating(false);
        bundle.add_builtins().unwrap();
        bundle
            .add_resource(FluentResource::try_new(source.to_owned()).unwrap())
            .unwrap();
        bundle
    }

    fn message_keys(bundle: &FluentBundle<FluentResource>, source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_owned()).unwrap();
        let mut out = Vec::new();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let id = m.id.name;
                if m.value.is_some() {
                    out.push(id.to_owned());
                }
                for a in &m.attributes {
                    out.push(format!("{id}.{}", a.id.name));
                }
            }
        }
        assert!(bundle.has_message(&out[0]));
        out
    }

    fn theirs(bundle: &FluentBundle<FluentResource>, key: &str, args: &FluentArgs) -> String {
        let (id, attr) = key
            .split_once('.')
            .map_or((key, None), |(i, a)| (i, Some(a)));
        let message = bundle.get_message(id).unwrap();
        let pattern = match attr {
            Some(a) => message.get_attribute(a).unwrap().value(),
            None => message.value().unwrap(),
        };
        let mut errors = vec![];
        bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned()
    }

    /// Every shipped message in its locale, and every Fluent feature the runtime claims in
    /// several languages' plural rules, with integer and decimal arguments: this runtime and
    /// `fluent-bundle` print the same.
    #[test]
    fn same_output_as_fluent_bundle() {
        let numbers: [f64; 19] = [
            0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 11.0, 12.0, 21.0, 22.0, 23.0, 100.0, 101.0, 111.0,
            0.5, 1.5, 2.25, 1234.0,
        ];
        let mut cases: Vec<(String, PluralRules, &str)> = shipped()
            .zip(SHIPPED)
            .map(|((l, src), (_, rules, _))| (l.as_str().to_owned(), rules, src))
            .collect();
        for (lang, rules) in DIFFERENTIAL {
            cases.push(((*lang).to_owned(), *rules, FEATURES));
        }
        let mut compared = 0;
        for (lang, rules, source) in cases {
            let locale = Locale::new(&lang).unwrap();
            let ours = Catalog::new().with_locale(locale, rules, source).unwrap();
            let bundle = bundle_of(&lang, source);
            for key in message_keys(&bundle, source) {
                for n in numbers {
                    // ordinals are for whole numbers (`fluent-bundle` reads 1.5 as 1)
                    if key == "ordinal" && n.fract() != 0.0 {
                        continue;
                    }
                    for field in ["Campo", "x"] {
                        let mut args = FluentArgs::new();
                        args.set("seconds", FluentValue::from(n));
                        args.set("field", FluentValue::from(field));
                        let mine = ours.text_with(
                            locale,
                            &key,
                            &[("seconds", n.into()), ("field", field.into())],
                        );
                        assert_eq!(mine, theirs(&bundle, &key, &args), "{lang} {key} n={n}");
                        compared += 1;
                    }
                }
            }
            // without arguments, missing variables print as Fluent prints them
            for key in message_keys(&bundle, source) {
                assert_eq!(
                    ours.text(locale, &key),
                    theirs(&bundle, &key, &FluentArgs::new()),
                    "{lang} {key} without arguments"
                );
            }
        }
        assert!(compared > 5_000, "{compared}");
    }

    #[test]
    fn locale_tags() {
        let tag = |s: &str| Locale::new(s).map(|l| l.as_str().to_owned());
        assert_eq!(tag("es-MX").as_deref(), Some("es-MX"));
        assert_eq!(tag("JA").as_deref(), Some("ja"));
        assert_eq!(tag("zh_hant_tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(tag("es-419").as_deref(), Some("es-419"));
        assert_eq!(tag("de-CH-1996").as_deref(), Some("de-CH"));
        assert_eq!(tag("fil").as_deref(), Some("fil"));
        assert_eq!(tag(""), None);
        assert_eq!(tag("*"), None);
        assert_eq!(tag("english"), None);
        assert_eq!(tag("e1"), None);
        assert_eq!(Locale::new("fr-CA").unwrap().language(), "fr");
        assert_eq!(format!("{:?}", Locale::JA), "Locale(ja)");
        assert_eq!(Locale::default(), Locale::EN);
    }
}
