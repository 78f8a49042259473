//! The kit's own strings: Fluent catalogs for `en`, `es` and `ja` in `locales/<lang>/kit.ftl`,
//! run by a small Fluent runtime of the kit's own; the keys the code uses are listed and
//! checked against every catalog, both ways.
//!
//! - A [`Locale`] is a language tag. An app registers any other locale (or overrides a
//!   shipped one) from its own `.ftl` text with [`Catalog::with_locale`] and that language's
//!   [plural rules](plural); `Accept-Language` follows the tag.
//! - The runtime reads real Fluent: messages, terms, references, attributes, selectors,
//!   `NUMBER()` and literals. The engine (parser, resolver and plural rules) is the crate
//!   `loginrocket-ftl`; this module is the catalog and its Leptos glue. What it doesn't support is an error at registration
//!   ([`FtlError`]), never silently different text. Why not `fluent-bundle`: about 59 kB
//!   gzip of wasm; a test checks this runtime prints what `fluent-bundle` prints.
//! - An app with its own Fluent setup can serve the kit's keys from its own bundle through a
//!   [`Translator`].
//!
//! ```
//! use leptos_loginrocket::i18n::{plural, Catalog, Locale};
//!
//! let fr = Locale::new("fr").unwrap();
//! let catalog = Catalog::new()
//!     .with_locale(fr, plural::FR, "login-submit = Se connecter\n")
//!     .expect("valid Fluent");
//! assert_eq!(catalog.text(fr, "login-submit"), "Se connecter");
//! // what French doesn't define comes in English
//! assert_eq!(catalog.text(fr, "logout"), "Sign out");
//! ```

mod catalog;
#[cfg(feature = "lazy-pages")]
mod chunks;
#[cfg(test)]
pub(crate) mod keys;
#[doc = include_str!("../../docs/book/src/keys.md")]
pub mod key_list {}
mod locale;
mod shipped;
mod source;
#[cfg(test)]
mod tests;
mod translator;

pub use catalog::Catalog;
#[cfg(feature = "lazy-pages")]
use catalog::Strings;
#[cfg(feature = "lazy-pages")]
pub use chunks::{ChunkFetch, FtlChunk};
pub use locale::Locale;
/// CLDR plural rules for the locales an app registers (from the kit's Fluent engine,
/// `loginrocket-ftl`).
pub use loginrocket_ftl::plural;
use loginrocket_ftl::{Arg, Entry};
use plural::PluralRules;
use shipped::shipped_entries;
pub use source::{CompiledFtl, FtlError, FtlSource};
pub use translator::Translator;

/// An argument to a message (`("seconds", 5.into())`).
pub use loginrocket_ftl::Arg as FluentArg;
