//! What a Fluent resource holds, as the parser reads it and the codec stores it: entries,
//! their patterns and expressions, and numbers as Fluent formats them.

/// A pattern: text and placeables.
pub type Pattern = Vec<Expr>;

/// A piece of a pattern, or an expression inside a placeable.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// Text as written (after Fluent's dedent).
    Text(String),
    /// A string literal, its escapes resolved.
    Str(String),
    /// A number literal (`1.50` keeps its two fraction digits, as in Fluent).
    Num(Num),
    /// A variable, `$name`.
    Var(String),
    /// A message reference, `other` or `other.attr`.
    Message(String, Option<String>),
    /// A term reference, `-brand`, `-brand.attr` or `-brand(case: "gen")`.
    Term {
        /// The term's name, without its `-`.
        id: String,
        /// The attribute, for `-brand.attr`.
        attr: Option<String>,
        /// The named arguments the term sees instead of the message's variables.
        args: Vec<(String, Expr)>,
    },
    /// `NUMBER(arg, minimumFractionDigits: n, type: "ordinal")`.
    Number {
        /// What is formatted.
        arg: Box<Expr>,
        /// `minimumFractionDigits`.
        min_fraction: Option<usize>,
        /// `type: "ordinal"`: variants select by the ordinal plural rules.
        ordinal: bool,
    },
    /// A select expression.
    Select {
        /// What is selected on.
        selector: Box<Expr>,
        /// The variants, in order.
        variants: Vec<(Key, Pattern)>,
        /// The index of the `*` default variant.
        default: usize,
    },
}

/// A variant's key.
#[derive(Clone, Debug, PartialEq)]
pub enum Key {
    /// A name: a plural category (`one`, `other`) or any identifier.
    Ident(String),
    /// A number, matched exactly.
    Num(Num),
}

/// A message or a term (stored under `-id`).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The value (a term always has one; a message may have only attributes).
    pub value: Option<Pattern>,
    /// The attributes, `.name = pattern`.
    pub attrs: Vec<(String, Pattern)>,
}

/// A number while formatting: `mantissa / 10^scale` with no trailing zeros (exact, and no
/// floating point, whose formatting and parsing code would cost more wasm than the rest of
/// the runtime), and the options that print and select it. Equal numbers with different
/// options are different selectors, as in `fluent-bundle`.
#[derive(Clone, Debug, PartialEq)]
pub struct Num {
    /// The digits.
    pub mantissa: i64,
    /// How many of them are after the decimal point.
    pub scale: u32,
    /// `minimumFractionDigits`.
    pub min_fraction: Option<usize>,
    /// Selects by the ordinal plural rules.
    pub ordinal: bool,
}

/// At most this many fraction digits (numbers have 18 significant digits at most here).
pub const MAX_SCALE: u32 = 18;

/// The most `minimumFractionDigits` a `NUMBER()` asks for.
pub const MAX_MIN_FRACTION: usize = 20;

/// How deep placeables may nest in a pattern, and how deep formatting goes through selects
/// and references: deeper Fluent is a problem where it is parsed or registered, never a stack
/// overflow nor cut-off text.
pub const MAX_DEPTH: usize = 32;

impl Num {
    /// Decimal digits: `-12.50` (no exponent); `None` when not one, or too long.
    pub fn parse(s: &str) -> Option<Self> {
        let (negative, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if int.is_empty()
            || frac.len() > MAX_SCALE as usize
            || (digits.contains('.') && frac.is_empty())
        {
            return None;
        }
        let mut mantissa: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            mantissa = mantissa.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
        let mut n = Self {
            mantissa: if negative { -mantissa } else { mantissa },
            scale: frac.len() as u32,
            min_fraction: None,
            ordinal: false,
        };
        while n.scale > 0 && n.mantissa % 10 == 0 {
            n.mantissa /= 10;
            n.scale -= 1;
        }
        Some(n)
    }

    /// A whole number.
    pub fn whole(n: i64) -> Self {
        Self {
            mantissa: n,
            scale: 0,
            min_fraction: None,
            ordinal: false,
        }
    }

    /// A number literal: it keeps its written fraction digits (`1.50` prints `1.50`).
    pub fn literal(s: &str) -> Option<Self> {
        let mut n = Self::parse(s)?;
        n.min_fraction = s.split_once('.').map(|(_, f)| f.len());
        Some(n)
    }

    /// The digits as printed (the fraction padded to `min_fraction`) and their scale.
    pub fn printed(&self) -> (u64, u32) {
        let scale = self
            .min_fraction
            .map_or(self.scale, |m| (m as u32).clamp(self.scale, MAX_SCALE));
        let digits = self
            .mantissa
            .unsigned_abs()
            .saturating_mul(10u64.pow(scale - self.scale));
        (digits, scale)
    }

    /// The number as Fluent prints it: `-0.50`, `12`.
    pub fn format(&self) -> String {
        let (digits, scale) = self.printed();
        let mut s = digits.to_string();
        let scale = scale as usize;
        if scale > 0 {
            if s.len() <= scale {
                s.insert_str(0, &"0".repeat(scale + 1 - s.len()));
            }
            s.insert(s.len() - scale, '.');
        }
        if self.mantissa < 0 {
            s.insert(0, '-');
        }
        s
    }
}
