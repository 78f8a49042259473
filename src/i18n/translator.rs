//! [`Translator`]: the app's own translations for the kit's keys.

use std::fmt;
use std::sync::Arc;

use super::{FluentArg, Locale};

type TranslateFn = dyn Fn(Locale, &str, &[(&str, FluentArg<'_>)]) -> Option<String> + Send + Sync;

/// The app's own translations for the kit's keys: a key, the kit's locale and the arguments
/// in, the text out (or `None` to use the kit's catalog for that key). Give it to
/// `<LoginRocketProvider translator=…>` so one Fluent bundle serves the app and the kit.
///
/// The kit calls it wherever it shows text, inside reactive closures: a translator that
/// reads the app's own signals (a bundle loaded later, say) is followed like the locale.
///
/// ```
/// use leptos_loginrocket::i18n::{FluentArg, Locale, Translator};
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
