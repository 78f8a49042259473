//! CLDR plural rules, as the CLDR writes them (`"one: i = 1 and v = 0"`), for the locales an
//! app registers: a constant per language here, or any language's rules copied from the
//! CLDR's plural-rules chart into [`PluralRules::cardinal`]. Only the rules an app names end
//! up in its wasm, and they are checked when the locale is registered.

/// A plural category: what a Fluent variant key such as `[one]` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`
    Other,
}

impl PluralCategory {
    /// The category's keyword, as a Fluent variant key spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Zero => "zero",
            Self::One => "one",
            Self::Two => "two",
            Self::Few => "few",
            Self::Many => "many",
            Self::Other => "other",
        }
    }

    fn from_keyword(s: &str) -> Option<Self> {
        Some(match s {
            "zero" => Self::Zero,
            "one" => Self::One,
            "two" => Self::Two,
            "few" => Self::Few,
            "many" => Self::Many,
            "other" => Self::Other,
            _ => return None,
        })
    }
}

/// A language's plural rules in CLDR syntax: cardinal (`{ $n -> … }`) and, optionally,
/// ordinal (`{ NUMBER($n, type: "ordinal") -> … }`). Rules that don't parse are reported when
/// the locale is registered (`Catalog::with_locale` in the kit; [`PluralRules::parse`] here).
///
/// ```
/// use loginrocket_ftl::plural::{self, PluralCategory, PluralRules};
///
/// // Breton is not among the constants: its rules come from the CLDR chart.
/// let welsh_like = PluralRules::cardinal("one: n = 1; two: n = 2; few: n = 3,6");
/// assert_eq!(welsh_like.select(3), Ok(PluralCategory::Few));
/// assert_eq!(plural::FR.select(0), Ok(PluralCategory::One));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PluralRules {
    cardinal: &'static str,
    ordinal: Option<&'static str>,
}

impl PluralRules {
    /// Cardinal rules (`"one: i = 1 and v = 0"`; `""` when every number is `other`), with
    /// no ordinal rules.
    pub const fn cardinal(rules: &'static str) -> Self {
        Self {
            cardinal: rules,
            ordinal: None,
        }
    }

    /// The same cardinal rules, with ordinal rules too.
    pub const fn with_ordinal(self, rules: &'static str) -> Self {
        Self {
            cardinal: self.cardinal,
            ordinal: Some(rules),
        }
    }

    /// The cardinal category of the whole number `n`. An error names what in the rules
    /// could not be read.
    pub fn select(&self, n: u64) -> Result<PluralCategory, String> {
        Ok(Parsed::new(*self)?.select(n, 0, false))
    }

    /// The rules checked to read correctly, for a [`Bundle`](crate::Bundle). An error names
    /// what could not be read.
    ///
    /// ```
    /// use loginrocket_ftl::plural::PluralRules;
    ///
    /// assert!(PluralRules::cardinal("one: i = 1").parse().is_ok());
    /// assert!(PluralRules::cardinal("one: q = 1").parse().is_err());
    /// ```
    pub fn parse(self) -> Result<Parsed, String> {
        Parsed::new(self)
    }
}

/// Rules checked to read correctly, evaluated from their text when a number is selected
/// (no parsed form: fewer types and less code in the wasm, and selecting is rare). Made by
/// [`PluralRules::parse`].
#[derive(Clone, Copy, Debug)]
pub struct Parsed(PluralRules);

impl Parsed {
    fn new(rules: PluralRules) -> Result<Self, String> {
        let ops = Operands::of(0, 0);
        evaluate(rules.cardinal, &ops).map_err(|e| format!("cardinal rules: {e}"))?;
        if let Some(o) = rules.ordinal {
            evaluate(o, &ops).map_err(|e| format!("ordinal rules: {e}"))?;
        }
        Ok(Self(rules))
    }

    /// Rules known to read correctly, not checked again (the kit's own locales' rules, which
    /// a test checks), so that starting costs nothing.
    pub fn trusted(rules: PluralRules) -> Self {
        Self(rules)
    }

    /// Whether the rules include ordinal rules (`NUMBER($n, type: "ordinal")`).
    pub fn has_ordinal(&self) -> bool {
        self.0.ordinal.is_some()
    }

    /// The category of the number `digits / 10^scale` (`1.50` is `(150, 2)`: the digits as
    /// printed, trailing zeros included).
    pub fn select(&self, digits: u64, scale: u32, ordinal: bool) -> PluralCategory {
        let rules = match (self.0.ordinal, ordinal) {
            (Some(o), true) => o,
            _ => self.0.cardinal,
        };
        // checked when registered
        evaluate(rules, &Operands::of(digits, scale)).unwrap_or(PluralCategory::Other)
    }
}

/// The CLDR operands of a number, in integers (no floating point: its formatting and
/// parsing code would cost the wasm more than the rules): `n` as `digits / 10^scale`, `i`
/// integer digits, `v`/`w` visible fraction digits with and without trailing zeros, `f`/`t`
/// the same as integers; `e` (the compact exponent) is always 0 here.
#[derive(Debug)]
struct Operands {
    digits: u64,
    scale: u32,
    i: u64,
    v: u64,
    w: u64,
    f: u64,
    t: u64,
}

impl Operands {
    fn of(digits: u64, scale: u32) -> Self {
        let p = 10u64.saturating_pow(scale);
        let f = digits % p;
        let (mut t, mut w) = (f, u64::from(scale));
        while w > 0 && t % 10 == 0 {
            t /= 10;
            w -= 1;
        }
        Self {
            digits,
            scale,
            i: digits / p,
            v: u64::from(scale),
            w,
            f,
            t,
        }
    }
}

/// The first category whose condition `ops` meets (`other` if none). Reads every rule whole,
/// so that a rule that doesn't read is an error whatever the number.
fn evaluate(rules: &str, ops: &Operands) -> Result<PluralCategory, String> {
    let mut found = None;
    for rule in rules.split(';').filter(|r| !r.trim().is_empty()) {
        let (keyword, condition) = rule
            .split_once(':')
            .ok_or_else(|| format!("`{}` has no `:`", rule.trim()))?;
        let category = PluralCategory::from_keyword(keyword.trim())
            .ok_or_else(|| format!("unknown plural category `{}`", keyword.trim()))?;
        // the CLDR's samples (`@integer 1, 21`) are documentation
        let condition = condition.split('@').next().unwrap_or_default();
        let mut words = condition.split(' ').filter(|w| !w.is_empty()).peekable();
        if category == PluralCategory::Other {
            if words.next().is_some() {
                return Err("`other` takes no condition".into());
            }
            continue;
        }
        let bad = || format!("can't read `{}`", condition.trim());
        // or-of-ands, left to right
        let (mut any, mut all) = (false, true);
        loop {
            all &= relation(&mut words, ops).ok_or_else(bad)?;
            match words.next() {
                Some("and") => {}
                Some("or") => {
                    any |= all;
                    all = true;
                }
                None => break,
                Some(_) => return Err(bad()),
            }
        }
        if any || all {
            found = found.or(Some(category));
        }
    }
    Ok(found.unwrap_or(PluralCategory::Other))
}

/// One relation (`n % 10 = 2..4,9`) from `words`, up to its `and`/`or`: whether it holds.
fn relation<'w>(
    words: &mut std::iter::Peekable<impl Iterator<Item = &'w str>>,
    ops: &Operands,
) -> Option<bool> {
    let (mut x, scale) = match words.next()? {
        "n" => (ops.digits, ops.scale),
        "i" => (ops.i, 0),
        "v" => (ops.v, 0),
        "w" => (ops.w, 0),
        "f" => (ops.f, 0),
        "t" => (ops.t, 0),
        "e" | "c" => (0, 0),
        _ => return None,
    };
    // `x` is `digits / 10^scale`: compare `x` with `bound * p`
    let p = 10u64.pow(scale);
    if matches!(words.peek(), Some(&("%" | "mod"))) {
        words.next();
        let m = number(words.next()?)?;
        if let Some(mp) = m.checked_mul(p) {
            x %= mp;
        }
    }
    let (negated, within) = match (words.next()?, words.peek().copied()) {
        ("!=", _) => (true, false),
        ("not", Some("in")) | ("is", Some("not")) => {
            words.next();
            (true, false)
        }
        ("not", Some("within")) => {
            words.next();
            (true, true)
        }
        ("=" | "is" | "in", _) => (false, false),
        ("within", _) => (false, true),
        _ => return None,
    };
    let whole = x % p == 0;
    let mut inside = false;
    let mut ranges = 0;
    while let Some(word) = words.next_if(|w| *w != "and" && *w != "or") {
        for range in word.split(',').filter(|r| !r.is_empty()) {
            let (lo, hi) = range.split_once("..").unwrap_or((range, range));
            let (lo, hi) = (number(lo)?, number(hi)?);
            let above = lo.checked_mul(p).is_some_and(|lo| lo <= x);
            let below = hi.checked_mul(p).is_none_or(|hi| x <= hi);
            inside |= (within || whole) && above && below;
            ranges += 1;
        }
    }
    (ranges > 0).then_some(inside != negated)
}

fn number(s: &str) -> Option<u64> {
    s.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| s.parse().ok())
        .flatten()
}

/// `many` for the large round numbers of the Romance languages (`1000000`, `1.0e6`).
macro_rules! romance_many {
    () => {
        "many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5"
    };
}
const ONE_I1_V0: &str = "one: i = 1 and v = 0";
const ONE_N1: &str = "one: n = 1";
const EAST_SLAVIC: &str = "one: v = 0 and i % 10 = 1 and i % 100 != 11; \
    few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14; \
    many: v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14";
const WEST_SLAVIC: &str = "one: i = 1 and v = 0; few: i = 2..4 and v = 0; many: v != 0";
const SOUTH_SLAVIC: &str =
    "one: v = 0 and i % 10 = 1 and i % 100 != 11 or f % 10 = 1 and f % 100 != 11; \
    few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14 or f % 10 = 2..4 and f % 100 != 12..14";

/// Arabic.
pub const AR: PluralRules = PluralRules::cardinal(
    "zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99",
)
.with_ordinal("");
/// Bulgarian.
pub const BG: PluralRules = PluralRules::cardinal(ONE_N1).with_ordinal("");
/// Bosnian.
pub const BS: PluralRules = PluralRules::cardinal(SOUTH_SLAVIC).with_ordinal("");
/// Catalan.
pub const CA: PluralRules =
    PluralRules::cardinal(concat!("one: i = 1 and v = 0; ", romance_many!()))
        .with_ordinal("one: n = 1,3; two: n = 2; few: n = 4");
/// Czech.
pub const CS: PluralRules = PluralRules::cardinal(WEST_SLAVIC).with_ordinal("");
/// Danish.
pub const DA: PluralRules =
    PluralRules::cardinal("one: n = 1 or t != 0 and i = 0,1").with_ordinal("");
/// German.
pub const DE: PluralRules = PluralRules::cardinal(ONE_I1_V0).with_ordinal("");
/// Greek.
pub const EL: PluralRules = PluralRules::cardinal(ONE_N1).with_ordinal("");
/// English.
pub const EN: PluralRules = PluralRules::cardinal(ONE_I1_V0).with_ordinal(
    "one: n % 10 = 1 and n % 100 != 11; two: n % 10 = 2 and n % 100 != 12; few: n % 10 = 3 and n % 100 != 13",
);
/// Spanish.
pub const ES: PluralRules =
    PluralRules::cardinal(concat!("one: n = 1; ", romance_many!())).with_ordinal("");
/// Estonian.
pub const ET: PluralRules = PluralRules::cardinal(ONE_I1_V0).with_ordinal("");
/// Finnish.
pub const FI: PluralRules = PluralRules::cardinal(ONE_I1_V0).with_ordinal("");
/// French.
pub const FR: PluralRules =
    PluralRules::cardinal(concat!("one: i = 0,1; ", romance_many!())).with_ordinal(ONE_N1);
/// Hebrew.
pub const HE: PluralRules =
    PluralRules::cardinal("one: i = 1 and v = 0 or i = 0 and v != 0; two: i = 2 and v = 0")
        .with_ordinal("");
/// Hindi.
pub const HI: PluralRules = PluralRules::cardinal("one: i = 0 or n = 1")
    .with_ordinal("one: n = 1; two: n = 2,3; few: n = 4; many: n = 6");
/// Croatian.
pub const HR: PluralRules = PluralRules::cardinal(SOUTH_SLAVIC).with_ordinal("");
/// Hungarian.
pub const HU: PluralRules = PluralRules::cardinal(ONE_N1).with_ordinal("one: n = 1,5");
/// Indonesian.
pub const ID: PluralRules = PluralRules::cardinal("").with_ordinal("");
/// Italian.
pub const IT: PluralRules =
    PluralRules::cardinal(concat!("one: i = 1 and v = 0; ", romance_many!()))
        .with_ordinal("many: n = 11,8,80,800");
/// Japanese.
pub const JA: PluralRules = PluralRules::cardinal("").with_ordinal("");
/// Korean.
pub const KO: PluralRules = PluralRules::cardinal("").with_ordinal("");
/// Lithuanian.
pub const LT: PluralRules = PluralRules::cardinal(
    "one: n % 10 = 1 and n % 100 != 11..19; few: n % 10 = 2..9 and n % 100 != 11..19; many: f != 0",
)
.with_ordinal("");
/// Latvian.
pub const LV: PluralRules = PluralRules::cardinal(
    "zero: n % 10 = 0 or n % 100 = 11..19 or v = 2 and f % 100 = 11..19; \
     one: n % 10 = 1 and n % 100 != 11 or v = 2 and f % 10 = 1 and f % 100 != 11 or v != 2 and f % 10 = 1",
)
.with_ordinal("");
/// Norwegian Bokmål.
pub const NB: PluralRules = PluralRules::cardinal(ONE_N1).with_ordinal("");
/// Dutch.
pub const NL: PluralRules = PluralRules::cardinal(ONE_I1_V0).with_ordinal("");
/// Polish.
pub const PL: PluralRules = PluralRules::cardinal(
    "one: i = 1 and v = 0; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14; \
     many: v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14",
)
.with_ordinal("");
/// Portuguese (Brazil; the CLDR's `pt`).
pub const PT: PluralRules =
    PluralRules::cardinal(concat!("one: i = 0..1; ", romance_many!())).with_ordinal("");
/// Portuguese (Portugal, `pt-PT`).
pub const PT_PT: PluralRules =
    PluralRules::cardinal(concat!("one: i = 1 and v = 0; ", romance_many!())).with_ordinal("");
/// Russian.
pub const RU: PluralRules = PluralRules::cardinal(EAST_SLAVIC).with_ordinal("");
/// Slovak.
pub const SK: PluralRules = PluralRules::cardinal(WEST_SLAVIC).with_ordinal("");
/// Slovenian.
pub const SL: PluralRules = PluralRules::cardinal(
    "one: v = 0 and i % 100 = 1; two: v = 0 and i % 100 = 2; few: v = 0 and i % 100 = 3..4 or v != 0",
)
.with_ordinal("");
/// Serbian.
pub const SR: PluralRules = PluralRules::cardinal(SOUTH_SLAVIC).with_ordinal("");
/// Swedish.
pub const SV: PluralRules =
    PluralRules::cardinal(ONE_I1_V0).with_ordinal("one: n % 10 = 1,2 and n % 100 != 11,12");
/// Thai.
pub const TH: PluralRules = PluralRules::cardinal("").with_ordinal("");
/// Turkish.
pub const TR: PluralRules = PluralRules::cardinal(ONE_N1).with_ordinal("");
/// Ukrainian.
pub const UK: PluralRules =
    PluralRules::cardinal(EAST_SLAVIC).with_ordinal("few: n % 10 = 3 and n % 100 != 13");
/// Vietnamese.
pub const VI: PluralRules = PluralRules::cardinal("").with_ordinal(ONE_N1);
/// Chinese.
pub const ZH: PluralRules = PluralRules::cardinal("").with_ordinal("");

#[cfg(test)]
mod tests {
    use super::*;
    use intl_pluralrules::{operands::PluralOperands, PluralRuleType};
    use unic_langid::LanguageIdentifier;

    const ALL: &[(&str, PluralRules)] = &[
        ("ar", AR),
        ("bg", BG),
        ("bs", BS),
        ("ca", CA),
        ("cs", CS),
        ("da", DA),
        ("de", DE),
        ("el", EL),
        ("en", EN),
        ("es", ES),
        ("et", ET),
        ("fi", FI),
        ("fr", FR),
        ("he", HE),
        ("hi", HI),
        ("hr", HR),
        ("hu", HU),
        ("id", ID),
        ("it", IT),
        ("ja", JA),
        ("ko", KO),
        ("lt", LT),
        ("lv", LV),
        ("nb", NB),
        ("nl", NL),
        ("pl", PL),
        ("pt", PT),
        ("pt-PT", PT_PT),
        ("ru", RU),
        ("sk", SK),
        ("sl", SL),
        ("sr", SR),
        ("sv", SV),
        ("th", TH),
        ("tr", TR),
        ("uk", UK),
        ("vi", VI),
        ("zh", ZH),
    ];

    /// Our category of the number written `n` (`"1.50"`).
    fn select(parsed: &Parsed, n: &str, ordinal: bool) -> PluralCategory {
        let scale = n.split_once('.').map_or(0, |(_, f)| f.len() as u32);
        parsed.select(n.replace('.', "").parse().unwrap(), scale, ordinal)
    }

    fn theirs(lang: &str, kind: PluralRuleType, n: &str) -> &'static str {
        // the CLDR has no ordinal rules for pt-PT apart from pt's
        let rules = [lang, lang.split('-').next().unwrap()]
            .into_iter()
            .find_map(|l| {
                let id: LanguageIdentifier = l.parse().unwrap();
                intl_pluralrules::PluralRules::create(id, kind).ok()
            })
            .unwrap_or_else(|| panic!("{lang}: unknown"));
        let ops = PluralOperands::try_from(n).unwrap();
        match rules.select(ops).unwrap() {
            intl_pluralrules::PluralCategory::ZERO => "zero",
            intl_pluralrules::PluralCategory::ONE => "one",
            intl_pluralrules::PluralCategory::TWO => "two",
            intl_pluralrules::PluralCategory::FEW => "few",
            intl_pluralrules::PluralCategory::MANY => "many",
            intl_pluralrules::PluralCategory::OTHER => "other",
        }
    }

    /// Where `intl_pluralrules` (CLDR 37, as `fluent-bundle` carries it) is no reference:
    /// Hebrew's rules changed since; for Arabic, Latvian and Lithuanian it reads `n % 100`
    /// as if `n` were the integer part and the remainder were not taken (103 is `few` in
    /// Arabic). These are checked against the current CLDR's samples instead.
    type Samples = &'static [(&'static str, &'static [&'static str])];
    const SAMPLED: &[(&str, Samples)] = &[
        (
            "ar",
            &[
                ("zero", &["0"]),
                ("one", &["1"]),
                ("two", &["2"]),
                ("few", &["3", "10", "103", "110", "1003"]),
                ("many", &["11", "26", "99", "111", "1011"]),
                ("other", &["100", "102", "200", "202", "1000", "0.5"]),
            ],
        ),
        (
            "he",
            &[
                ("one", &["1", "0.0", "0.5", "0.9"]),
                ("two", &["2"]),
                (
                    "other",
                    &["0", "3", "17", "20", "100", "1000", "1.0", "2.5", "10.0"],
                ),
            ],
        ),
        (
            "lt",
            &[
                ("one", &["1", "21", "31", "101", "1001", "1.0", "21.0"]),
                ("few", &["2", "9", "22", "29", "102", "1002", "2.0"]),
                ("many", &["0.1", "0.9", "1.1", "1.7"]),
                (
                    "other",
                    &["0", "10", "20", "30", "100", "1000", "0.0", "10.0"],
                ),
            ],
        ),
        (
            "lv",
            &[
                (
                    "zero",
                    &["0", "10", "20", "30", "100", "1000", "0.0", "10.0", "11.0"],
                ),
                (
                    "one",
                    &[
                        "1", "21", "31", "101", "1001", "0.1", "1.0", "1.1", "2.1", "10.1",
                    ],
                ),
                (
                    "other",
                    &[
                        "2", "9", "22", "29", "102", "1002", "0.2", "0.9", "1.2", "1.9", "10.2",
                    ],
                ),
            ],
        ),
    ];

    /// Each constant against the CLDR 37 data of `intl_pluralrules` on integers and
    /// decimals (the languages in [`SAMPLED`] against the CLDR's samples), and the large
    /// round numbers the CLDR has since given `many` in the Romance languages.
    #[test]
    fn constants_match_the_cldr() {
        let mut numbers: Vec<String> = (0..=1200).map(|n| n.to_string()).collect();
        for d in [
            "0.0", "0.5", "1.0", "1.5", "2.10", "2.3", "3.01", "11.11", "5.0", "0.1", "1.21",
        ] {
            numbers.push(d.to_owned());
        }
        for (lang, rules) in ALL {
            let parsed = rules.parse().unwrap_or_else(|e| panic!("{lang}: {e}"));
            for n in &numbers {
                if !n.contains('.') {
                    assert_eq!(
                        select(&parsed, n, true).as_str(),
                        theirs(lang, PluralRuleType::ORDINAL, n),
                        "{lang} ordinal {n}"
                    );
                }
                if SAMPLED.iter().any(|(l, _)| l == lang) {
                    continue;
                }
                assert_eq!(
                    select(&parsed, n, false).as_str(),
                    theirs(lang, PluralRuleType::CARDINAL, n),
                    "{lang} cardinal {n}"
                );
            }
        }
        for (lang, samples) in SAMPLED {
            let (_, rules) = ALL.iter().find(|(l, _)| l == lang).unwrap();
            let parsed = rules.parse().unwrap();
            for (category, numbers) in *samples {
                for n in *numbers {
                    assert_eq!(select(&parsed, n, false).as_str(), *category, "{lang} {n}");
                }
            }
        }
        for lang in ["es", "fr", "it", "ca", "pt", "pt-PT"] {
            let (_, rules) = ALL.iter().find(|(l, _)| *l == lang).unwrap();
            let parsed = rules.parse().unwrap();
            assert_eq!(
                select(&parsed, "1000000", false),
                PluralCategory::Many,
                "{lang}"
            );
            assert_eq!(
                select(&parsed, "2000000", false),
                PluralCategory::Many,
                "{lang}"
            );
            assert_eq!(
                select(&parsed, "1000001", false),
                PluralCategory::Other,
                "{lang}"
            );
        }
    }

    #[test]
    fn rules_that_do_not_parse_are_errors() {
        for bad in [
            "one n = 1",
            "single: n = 1",
            "one: x = 1",
            "one: n = ",
            "one: n % = 1",
            "one: n == 1",
            "other: n = 1",
            "one: n = 1..",
        ] {
            assert!(PluralRules::cardinal(bad).parse().is_err(), "{bad:?}");
        }
        let samples = PluralRules::cardinal(
            "one: n = 1 @integer 1 @decimal 1.0, 1.00; other: @integer 0, 2~16",
        );
        assert_eq!(samples.select(1), Ok(PluralCategory::One));
        assert_eq!(samples.select(2), Ok(PluralCategory::Other));
    }
}
