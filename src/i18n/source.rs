//! What an app registers Fluent from ([`FtlSource`]: text, or [`CompiledFtl`] from `ftl!`),
//! and what is wrong with it ([`FtlError`]).

use std::fmt;

use super::Locale;

/// Fluent text that could not be registered: the locale and each problem, with its line.
///
/// ```
/// use leptos_loginrocket::i18n::{Catalog, Locale};
///
/// let err = Catalog::new().with_ftl(Locale::EN, "ok = fine\nbad = { $x\n").unwrap_err();
/// assert_eq!(err.locale(), Locale::EN);
/// assert!(err.problems()[0].starts_with("line 2:"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FtlError {
    pub(super) locale: Locale,
    pub(super) problems: Vec<String>,
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
/// [`Catalog::with_locale`](super::Catalog::with_locale) and
/// [`Catalog::with_ftl`](super::Catalog::with_ftl) take instead of text when the app's wasm
/// should carry no Fluent parser (5.7 kB gzip less in the demo). Its syntax was checked at
/// compile time; references between messages are checked when it is registered, as for text.
///
/// ```
/// use leptos_loginrocket::ftl;
/// use leptos_loginrocket::i18n::{Catalog, CompiledFtl, Locale};
///
/// // the path is relative to the crate's Cargo.toml; a syntax error is a compile error
/// const APP_EN: CompiledFtl = ftl!("locales/en/kit.ftl");
/// let catalog = Catalog::new().with_ftl(Locale::EN, APP_EN).unwrap();
/// assert_eq!(catalog.text(Locale::EN, "logout"), "Sign out");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompiledFtl(pub(super) &'static [u8]);

impl CompiledFtl {
    /// What `ftl!` expands to; not for use by hand.
    #[doc(hidden)]
    pub const fn __from_ftl_macro(bytes: &'static [u8]) -> Self {
        Self(bytes)
    }
}

/// Fluent that [`Catalog::with_locale`](super::Catalog::with_locale) and
/// [`Catalog::with_ftl`](super::Catalog::with_ftl) take: text (`&str`, `&String`), parsed
/// when it is registered, or [`CompiledFtl`] from [`ftl!`](crate::ftl), checked while the app
/// builds. Only the kinds an app passes are in its wasm: an app that
/// registers no text carries no parser.
pub trait FtlSource: sealed::Entries {}

impl FtlSource for &str {}
impl FtlSource for &String {}
impl FtlSource for CompiledFtl {}

pub(super) mod sealed {
    use super::super::Entry;
    use super::CompiledFtl;

    /// The entries, or the problems with their lines.
    pub trait Entries {
        fn entries(self) -> Result<Vec<(String, Entry)>, Vec<String>>;
    }

    impl Entries for &str {
        fn entries(self) -> Result<Vec<(String, Entry)>, Vec<String>> {
            let (parsed, problems) = loginrocket_ftl::parse(self);
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
            loginrocket_ftl::decode(self.0).ok_or_else(|| {
                vec!["not Fluent compiled by this version of the kit's ftl!".to_owned()]
            })
        }
    }
}
