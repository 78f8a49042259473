//! The catalogs the kit ships (`locales/<lang>/kit.ftl`, compiled by `build.rs`), and, in a
//! split build, the chunks that hold Spanish and Japanese.

use std::collections::HashMap;

use super::{plural, Entry, Locale, PluralRules};
#[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
use super::{ChunkFetch, CompiledFtl, FtlChunk};

/// A shipped catalog's messages, from its compiled form (`build.rs`; tests check it
/// against the `.ftl` file).
pub(super) fn shipped_entries(compiled: &[u8]) -> HashMap<String, Entry> {
    loginrocket_ftl::decode(compiled)
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
pub(super) const SHIPPED: [(Locale, PluralRules, &[u8]); 3] = [
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
pub(super) fn shipped_chunk(locale: Locale) -> Option<FtlChunk> {
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
