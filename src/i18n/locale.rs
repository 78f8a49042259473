//! [`Locale`]: a language tag, `Copy`.

use std::fmt;

/// A locale: a language tag such as `en`, `fr-CA` or `zh-Hant`, kept as language, script and
/// region (variants and extensions are dropped). `Copy`; the default is English.
///
/// ```
/// use leptos_loginrocket::i18n::Locale;
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
    pub(super) fn language_only(&self) -> Self {
        let len = self.language().len();
        let mut tag = [0; 12];
        tag[..len].copy_from_slice(&self.tag[..len]);
        Self {
            len: len as u8,
            tag,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
