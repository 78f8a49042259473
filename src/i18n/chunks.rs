//! Locales whose strings are wasm chunks of their own (the `lazy-pages` feature): fetched the
//! first time the locale is used, so that the first load carries only the language it shows.
//!
//! The kit's Spanish and Japanese are such chunks in a split build; an app registers its own
//! with [`Catalog::with_locale_chunk`] and [`Catalog::with_ftl_chunk`] and the
//! [`ftl_chunk!`](crate::ftl_chunk) macro. Until a locale's chunks are in, the catalog does not
//! count it as ready ([`Catalog::is_ready`]); the provider keeps showing the language it
//! showed until [`Catalog::load`] has fetched them (see
//! [`LocaleStatus`](crate::context::LocaleStatus)).

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use super::{Catalog, CompiledFtl, FtlError, Locale, PluralRules, Strings};
use loginrocket_ftl::{self as fluent, Entry};

/// A chunk's fetch under way: the Fluent it holds, or `None` when it could not be fetched.
pub type ChunkFetch = Pin<Box<dyn Future<Output = Option<&'static [CompiledFtl]>> + Send>>;

/// Fluent that is a wasm chunk of its own, made by [`ftl_chunk!`](crate::ftl_chunk): what
/// [`Catalog::with_locale_chunk`] and [`Catalog::with_ftl_chunk`] take. `Copy` (function
/// pointers).
///
/// ```
/// use leptos_loginrocket::i18n::{CompiledFtl, FtlChunk};
///
/// // what ftl_chunk! makes, by hand: a fetch that resolves at once
/// const FR: &[CompiledFtl] = &[leptos_loginrocket::ftl!("demo/locales/fr/kit.ftl")];
/// let chunk = FtlChunk::new(|| Box::pin(async { Some(FR) }));
/// # let _ = chunk;
/// ```
#[derive(Clone, Copy)]
pub struct FtlChunk {
    fetch: fn() -> ChunkFetch,
    /// How its Fluent is checked once it is in (references between messages); none for the
    /// kit's own, which tests check. A pointer, so that an app registering none of its own
    /// carries no checker.
    check: Option<Checker>,
}

/// The registration check: the problems of a locale's entries.
pub(super) type Checker = fn(&HashMap<String, Entry>, bool) -> Vec<String>;

/// Adds entries registered in the main module to a locale's.
type Apply = fn(&[(String, Entry)], &mut HashMap<String, Entry>);

impl FtlChunk {
    /// A chunk from the function that fetches it.
    pub const fn new(fetch: fn() -> ChunkFetch) -> Self {
        Self {
            fetch,
            check: Some(fluent::check),
        }
    }

    /// One of the kit's shipped catalogs (checked by the kit's tests).
    #[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
    pub(super) const fn shipped(fetch: fn() -> ChunkFetch) -> Self {
        Self { fetch, check: None }
    }
}

impl std::fmt::Debug for FtlChunk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FtlChunk(..)")
    }
}

/// What a locale gets once its chunks are in, in the order it was registered.
#[derive(Clone, Debug)]
pub(super) enum Later {
    /// Fluent in a chunk.
    Chunk(FtlChunk),
    /// Fluent registered in the main module after a chunk (an app's override), applied after
    /// it, and how to check it. Pointers, so that an app registering none carries neither.
    Entries {
        parsed: Vec<(String, Entry)>,
        apply: Apply,
        check: Option<Checker>,
    },
}

impl Later {
    /// Fluent registered in the main module, to apply after a chunk.
    pub(super) fn entries(parsed: Vec<(String, Entry)>, check: Option<Checker>) -> Self {
        fn apply(parsed: &[(String, Entry)], to: &mut HashMap<String, Entry>) {
            to.extend(parsed.iter().cloned());
        }
        Later::Entries {
            parsed,
            apply,
            check,
        }
    }

    fn check(&self) -> Option<Checker> {
        match self {
            Later::Chunk(chunk) => chunk.check,
            Later::Entries { check, .. } => *check,
        }
    }
}

impl Strings {
    /// Whether the locale waits for a chunk.
    pub(super) fn pending(&self) -> bool {
        !self.later.is_empty() && self.entries.get().is_none()
    }

    /// Keeps `later` for the locale's next load, after all it has.
    pub(super) fn defer(&mut self, later: Later) {
        if let Some(entries) = self.entries.take() {
            // what the locale has comes first, whole: its shipped text and every chunk and
            // override applied so far are in it (checked when they were)
            self.shipped = &[];
            self.later = vec![Later::entries(entries.into_iter().collect(), None)];
        }
        self.later.push(later);
    }
}

impl Catalog {
    /// Registers `locale` with its plural rules and Fluent that is a wasm chunk of its own
    /// (made by [`ftl_chunk!`](crate::ftl_chunk)), fetched the first time the locale is used.
    /// As [`with_locale`](Self::with_locale), but nothing of the text is in the first load.
    /// English can't be a chunk (it is every message's fallback).
    ///
    /// ```
    /// use leptos_loginrocket::i18n::{plural, Catalog, CompiledFtl, FtlChunk, Locale};
    ///
    /// const FR: &[CompiledFtl] = &[leptos_loginrocket::ftl!("demo/locales/fr/kit.ftl")];
    /// let fr = Locale::new("fr").unwrap();
    /// // in a split app: ftl_chunk!(app_fr, "locales/fr/kit.ftl")
    /// let chunk = FtlChunk::new(|| Box::pin(async { Some(FR) }));
    /// let catalog = Catalog::new().with_locale_chunk(fr, plural::FR, chunk).unwrap();
    /// assert!(!catalog.is_ready(fr));
    /// assert_eq!(catalog.text(fr, "logout"), "Sign out"); // English until it is in
    /// use futures::FutureExt; // (this chunk is in at once)
    /// catalog.load(fr).now_or_never().unwrap().unwrap();
    /// assert_eq!(catalog.text(fr, "logout"), "Se déconnecter");
    /// ```
    pub fn with_locale_chunk(
        mut self,
        locale: Locale,
        plurals: PluralRules,
        chunk: FtlChunk,
    ) -> Result<Self, FtlError> {
        let error = |problems| FtlError { locale, problems };
        let plurals = plurals.parse().map_err(|e| error(vec![e]))?;
        self.with_plurals(locale, plurals);
        self.with_ftl_chunk(locale, chunk)
    }

    /// Adds Fluent that is a wasm chunk of its own to a registered locale (see
    /// [`with_ftl`](Self::with_ftl)): the app's strings for a language, fetched with it.
    pub fn with_ftl_chunk(mut self, locale: Locale, chunk: FtlChunk) -> Result<Self, FtlError> {
        let index = self.registered(locale)?;
        if locale == Locale::EN {
            return Err(FtlError {
                locale,
                problems: vec!["English is every message's fallback: it can't be a chunk".into()],
            });
        }
        self.locales[index].defer(Later::Chunk(chunk));
        Ok(self)
    }

    /// Whether `locale`'s strings are all in (always, but for a locale whose chunk has not
    /// been fetched yet). A locale the catalog doesn't have is ready: it shows English.
    pub fn is_ready(&self, locale: Locale) -> bool {
        self.strings(locale).is_none_or(|s| !s.pending())
    }

    /// Fetches `locale`'s chunks, if it waits for some, and makes its strings ready. An error
    /// when one can't be fetched (offline, say: a later call tries again) or its Fluent has a
    /// problem; the locale then stays as it was.
    pub async fn load(&self, locale: Locale) -> Result<(), FtlError> {
        let Some(strings) = self.strings(locale).filter(|s| s.pending()) else {
            return Ok(());
        };
        let locale = strings.locale;
        let error = |problem: &str| FtlError {
            locale,
            problems: vec![problem.to_owned()],
        };
        // every chunk of the locale at once: one round trip
        let fetches = strings.later.iter().filter_map(|later| match later {
            Later::Chunk(chunk) => Some((chunk.fetch)()),
            Later::Entries { .. } => None,
        });
        let mut fetched = all(fetches.collect()).await.into_iter();
        let mut entries: HashMap<String, Entry> = super::shipped_entries(strings.shipped);
        for later in &strings.later {
            let parsed = match later {
                Later::Entries { parsed, apply, .. } => {
                    apply(parsed, &mut entries);
                    continue;
                }
                Later::Chunk(_) => {
                    let files = fetched
                        .next()
                        .flatten()
                        .ok_or_else(|| error("its chunk could not be fetched"))?;
                    let mut parsed = Vec::new();
                    for file in files {
                        parsed.extend(fluent::decode(file.0).ok_or_else(|| {
                            error("not Fluent compiled by this version of the kit's ftl!")
                        })?);
                    }
                    parsed
                }
            };
            entries.extend(parsed);
        }
        let check = strings.later.iter().find_map(Later::check);
        let problems = check.map_or_else(Vec::new, |check| {
            check(&entries, strings.plurals.has_ordinal())
        });
        if !problems.is_empty() {
            return Err(FtlError { locale, problems });
        }
        // a load that ran alongside may have set them first: the same strings
        let _ = strings.entries.set(entries);
        Ok(())
    }
}

/// Every fetch's outcome, in order, the fetches running together (one round trip). Not
/// `join_all`, whose general machinery costs the first load more than the strings it moves
/// out of it.
async fn all(mut fetches: Vec<ChunkFetch>) -> Vec<Option<&'static [CompiledFtl]>> {
    let mut done: Vec<Option<Option<&'static [CompiledFtl]>>> = vec![None; fetches.len()];
    std::future::poll_fn(|cx| {
        for (fetch, out) in fetches.iter_mut().zip(done.iter_mut()) {
            if out.is_none() {
                if let std::task::Poll::Ready(files) = fetch.as_mut().poll(cx) {
                    *out = Some(files);
                }
            }
        }
        if done.iter().all(Option::is_some) {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    done.into_iter().flatten().collect()
}

/// Fluent compiled while the app builds, as [`ftl!`](crate::ftl) does, into a wasm chunk of its
/// own (`split_<name>.wasm`) that is fetched the first time its locale is used: for
/// [`Catalog::with_locale_chunk`] and [`Catalog::with_ftl_chunk`]. Several files may share
/// the chunk. With the `lazy-pages` feature, in a split build (see the README); the name must
/// be unique in the app.
///
/// ```no_run
/// use leptos_loginrocket::ftl_chunk;
/// use leptos_loginrocket::i18n::{plural, Catalog, Locale};
///
/// let fr = Locale::new("fr").unwrap();
/// // paths relative to the app's Cargo.toml, as for ftl!
/// let chunk = ftl_chunk!(app_fr, "demo/locales/fr/kit.ftl", "demo/locales/fr/demo.ftl");
/// let catalog = Catalog::new().with_locale_chunk(fr, plural::FR, chunk).unwrap();
/// ```
#[macro_export]
macro_rules! ftl_chunk {
    ($chunk:ident, $($path:literal),+ $(,)?) => {{
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn fetch() -> ::core::result::Result<
            &'static [$crate::i18n::CompiledFtl],
            ::leptos::wasm_split::SplitLoaderError,
        > {
            const FILES: &[$crate::i18n::CompiledFtl] = &[$($crate::ftl!($path)),+];
            ::core::result::Result::Ok(FILES)
        }
        fn start() -> $crate::i18n::ChunkFetch {
            ::std::boxed::Box::pin(async { fetch().await.ok() })
        }
        $crate::i18n::FtlChunk::new(start)
    }};
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use futures::FutureExt;

    use super::*;
    use crate::i18n::{plural, FluentArg};

    const FR: &[CompiledFtl] = &[crate::ftl!("demo/locales/fr/kit.ftl")];
    const APP: &[CompiledFtl] = &[crate::ftl!("tests/fixtures/app.ftl")];
    const DANGLING: &[CompiledFtl] = &[crate::ftl!("tests/fixtures/dangling.ftl")];

    fn fr() -> Locale {
        Locale::new("fr").unwrap()
    }

    fn chunk_of(files: &'static [CompiledFtl]) -> ChunkFetch {
        Box::pin(async move { Some(files) })
    }

    /// Loads `locale` (every chunk here is in at once, or fails at once).
    fn load(catalog: &Catalog, locale: Locale) -> Result<(), FtlError> {
        catalog.load(locale).now_or_never().expect("no wait")
    }

    #[test]
    fn a_locale_that_is_a_chunk_shows_english_until_it_is_loaded() {
        let catalog = Catalog::new()
            .with_locale_chunk(fr(), plural::FR, FtlChunk::new(|| chunk_of(FR)))
            .unwrap();
        assert!(!catalog.is_ready(fr()));
        assert!(!catalog.is_ready(Locale::new("fr-CA").unwrap()));
        assert!(catalog.is_ready(Locale::EN) && catalog.is_ready(Locale::ES));
        assert_eq!(catalog.text(fr(), "logout"), "Sign out");
        assert!(!catalog.has(fr(), "logout"));
        // what is asked before it is in is not kept: the chunk's strings show once loaded
        load(&catalog, Locale::new("fr-CA").unwrap()).unwrap();
        assert!(catalog.is_ready(fr()));
        assert_eq!(catalog.text(fr(), "logout"), "Se déconnecter");
        let args = [("seconds", FluentArg::from(2))];
        assert_eq!(
            catalog.text_with(fr(), "error-rate-limited", &args),
            "Trop de tentatives. Réessayez dans 2 secondes."
        );
        // a locale that is ready loads as nothing
        load(&catalog, Locale::ES).unwrap();
        load(&catalog, Locale::new("de").unwrap()).unwrap();
    }

    #[test]
    fn what_is_registered_after_a_chunk_applies_after_it() {
        let catalog = Catalog::new()
            .with_locale_chunk(fr(), plural::FR, FtlChunk::new(|| chunk_of(FR)))
            .and_then(|c| c.with_ftl(fr(), "logout = Au revoir\n"))
            .and_then(|c| c.with_ftl_chunk(fr(), FtlChunk::new(|| chunk_of(APP))))
            .unwrap();
        assert_eq!(catalog.text(fr(), "logout"), "Sign out");
        load(&catalog, fr()).unwrap();
        assert_eq!(catalog.text(fr(), "logout"), "Au revoir");
        assert_eq!(catalog.text(fr(), "field-email"), "Work email at Acme");
        assert_eq!(catalog.text(fr(), "login-submit"), "Se connecter");
        // a shipped locale read before its chunk was added keeps its text under it
        let es = Catalog::new();
        assert_eq!(es.text(Locale::ES, "logout"), "Cerrar sesión");
        let es = es
            .with_ftl_chunk(Locale::ES, FtlChunk::new(|| chunk_of(APP)))
            .unwrap();
        assert!(!es.is_ready(Locale::ES));
        load(&es, Locale::ES).unwrap();
        assert_eq!(es.text(Locale::ES, "logout"), "Cerrar sesión");
        assert_eq!(es.text(Locale::ES, "field-email"), "Work email at Acme");
        // a chunk added to a locale already loaded comes after all it has, overrides included
        let fr_again = Catalog::new()
            .with_locale_chunk(fr(), plural::FR, FtlChunk::new(|| chunk_of(FR)))
            .unwrap();
        load(&fr_again, fr()).unwrap();
        let fr_again = fr_again
            .with_ftl(fr(), "logout = Au revoir\n")
            .and_then(|c| c.with_ftl_chunk(fr(), FtlChunk::new(|| chunk_of(APP))))
            .unwrap();
        load(&fr_again, fr()).unwrap();
        assert_eq!(fr_again.text(fr(), "logout"), "Au revoir");
        assert_eq!(fr_again.text(fr(), "field-email"), "Work email at Acme");
    }

    static ONLINE: AtomicBool = AtomicBool::new(false);

    fn flaky() -> ChunkFetch {
        Box::pin(async { ONLINE.load(Ordering::SeqCst).then_some(FR) })
    }

    #[test]
    fn a_chunk_that_cannot_be_fetched_is_an_error_and_a_later_load_tries_again() {
        let catalog = Catalog::new()
            .with_locale_chunk(fr(), plural::FR, FtlChunk::new(flaky))
            .unwrap();
        let err = load(&catalog, fr()).unwrap_err();
        assert_eq!(err.locale(), fr());
        assert!(err.problems()[0].contains("could not be fetched"), "{err}");
        assert!(!catalog.is_ready(fr()));
        assert_eq!(catalog.text(fr(), "logout"), "Sign out");
        ONLINE.store(true, Ordering::SeqCst);
        load(&catalog, fr()).unwrap();
        assert_eq!(catalog.text(fr(), "logout"), "Se déconnecter");
    }

    #[test]
    fn a_chunk_with_a_problem_is_refused_at_load_and_english_is_never_a_chunk() {
        let catalog = Catalog::new()
            .with_locale_chunk(fr(), plural::FR, FtlChunk::new(|| chunk_of(DANGLING)))
            .unwrap();
        let err = load(&catalog, fr()).unwrap_err();
        assert!(err.problems()[0].contains("nowhere"), "{err}");
        assert!(!catalog.is_ready(fr()));
        const DAMAGED: &[CompiledFtl] = &[CompiledFtl::__from_ftl_macro(b"\xff\x01")];
        let catalog = Catalog::new()
            .with_ftl_chunk(Locale::JA, FtlChunk::new(|| chunk_of(DAMAGED)))
            .unwrap();
        let err = load(&catalog, Locale::JA).unwrap_err();
        assert!(err.problems()[0].contains("ftl!"), "{err}");
        assert_eq!(catalog.text(Locale::JA, "logout"), "Sign out");
        let err = Catalog::new()
            .with_ftl_chunk(Locale::EN, FtlChunk::new(|| chunk_of(APP)))
            .unwrap_err();
        assert!(err.problems()[0].contains("fallback"), "{err}");
        let unknown = Catalog::new().with_ftl_chunk(fr(), FtlChunk::new(|| chunk_of(FR)));
        assert!(unknown.unwrap_err().problems()[0].contains("not registered"));
    }
}
