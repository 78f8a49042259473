//! The kit's Fluent runtime: a parser that follows Fluent's grammar (as `fluent-syntax` reads
//! it) and a resolver that prints what `fluent-bundle` prints, for what the kit supports:
//!
//! - messages and terms (`-brand`), with attributes (`.title`, reachable as `key.title`);
//! - message and term references (`{ welcome }`, `{ -brand }`, `{ -brand(case: "gen") }`);
//! - `{ $variable }`, string and number literals, nested placeables;
//! - select expressions on plural categories (the locale's CLDR rules) and exact values, on a
//!   variable, a literal, `NUMBER()` or a term's attribute;
//! - `NUMBER()` with `minimumFractionDigits` and `type` (`"cardinal"`, `"ordinal"`), the
//!   options `fluent-bundle` itself applies.
//!
//! What it doesn't support (other functions such as `DATETIME()`, other `NUMBER()` options,
//! references that don't resolve, cycles) is an error when the text is registered, never a
//! silently different output. Differences by design: placeables are not wrapped in Unicode
//! isolation marks (`fluent-bundle` can turn them off too; a test compares with them off).

use std::borrow::Cow;
use std::collections::HashMap;

use super::plural::Parsed;

/// An argument to a message: a whole number or a decimal (both select plural variants;
/// printed as Fluent prints them, `3`, `1.5`), or text.
///
/// ```
/// use leptos_loginrocket::{Catalog, FluentArg, Locale};
///
/// let args = [("field", FluentArg::from("Email"))];
/// assert_eq!(Catalog::new().text_with(Locale::EN, "field-required", &args), "Please fill in Email.");
/// assert_eq!(FluentArg::from(3), FluentArg::Number(3));
/// assert_eq!(FluentArg::from(1.5), FluentArg::Decimal("1.5".into()));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// A whole number.
    Number(i64),
    /// A number with a fraction, as its decimal digits (`"1.50"`, `"-0.25"`): what
    /// `From<f64>` makes. Text that isn't such a number is formatted as text.
    Decimal(Cow<'a, str>),
    /// Text.
    Text(Cow<'a, str>),
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(i64::from(n))
            }
        }
    )*};
}
number_arg!(i8, i16, i32, i64, u8, u16, u32);

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// Formats the float once, here: the kit's own strings never do, so apps that don't pass
/// floats don't carry float formatting.
impl From<f64> for Arg<'_> {
    fn from(n: f64) -> Self {
        if n.fract() == 0.0 && n.abs() < 9.0e15 {
            Arg::Number(n as i64)
        } else {
            Arg::Decimal(Cow::Owned(n.to_string()))
        }
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

/// A pattern: text and placeables.
type Pattern = Vec<Expr>;

#[derive(Clone, Debug, PartialEq)]
enum Expr {
    Text(String),
    Str(String),
    /// A number literal (`1.50` keeps its two fraction digits, as in Fluent).
    Num(Num),
    Var(String),
    Message(String, Option<String>),
    Term {
        id: String,
        attr: Option<String>,
        args: Vec<(String, Expr)>,
    },
    Number {
        arg: Box<Expr>,
        min_fraction: Option<usize>,
        ordinal: bool,
    },
    Select {
        selector: Box<Expr>,
        variants: Vec<(Key, Pattern)>,
        default: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
enum Key {
    Ident(String),
    Num(Num),
}

/// A message or a term (stored under `-id`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry {
    value: Option<Pattern>,
    attrs: Vec<(String, Pattern)>,
}

/// One locale's messages, terms and plural rules.
pub(crate) struct Bundle<'a> {
    pub entries: &'a HashMap<String, Entry>,
    pub plurals: &'a Parsed,
}

/// Nesting deeper than this is cut off (registration rejects cycles; this only bounds work).
const MAX_DEPTH: u8 = 32;

impl Bundle<'_> {
    /// `key` (or `key.attr`) formatted with `args`; `None` when the bundle doesn't have it.
    pub fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        if key.starts_with('-') {
            return None; // terms are private to the translations
        }
        let pattern = self.pattern(key)?;
        let mut scope = Scope {
            bundle: self,
            args,
            local: None,
            depth: 0,
        };
        let mut out = String::new();
        scope.write_pattern(pattern, &mut out);
        Some(out)
    }

    /// Whether the bundle has `key` (or `key.attr`); terms are not keys.
    pub fn has(&self, key: &str) -> bool {
        !key.starts_with('-') && self.pattern(key).is_some()
    }

    /// `key` is `id` or `id.attr`.
    fn pattern(&self, key: &str) -> Option<&Pattern> {
        match key.split_once('.') {
            Some((id, attr)) => self.entry_pattern(id, Some(attr)),
            None => self.entry_pattern(key, None),
        }
    }

    /// The value of entry `id` (a term's id starts with `-`), or its attribute `attr`.
    fn entry_pattern(&self, id: &str, attr: Option<&str>) -> Option<&Pattern> {
        let entry = self.entries.get(id)?;
        match attr {
            None => entry.value.as_ref(),
            Some(a) => entry.attrs.iter().find(|(n, _)| n == a).map(|(_, p)| p),
        }
    }
}

/// A number while formatting: `mantissa / 10^scale` with no trailing zeros (exact, and no
/// floating point, whose formatting and parsing code would cost more wasm than the rest of
/// the runtime), and the options that print and select it. Equal numbers with different
/// options are different selectors, as in `fluent-bundle`.
#[derive(Clone, Debug, PartialEq)]
struct Num {
    mantissa: i64,
    scale: u32,
    min_fraction: Option<usize>,
    ordinal: bool,
}

/// At most this many fraction digits (numbers have 18 significant digits at most here).
const MAX_SCALE: u32 = 18;

impl Num {
    /// Decimal digits: `-12.50` (no exponent); `None` when not one, or too long.
    fn parse(s: &str) -> Option<Self> {
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

    fn whole(n: i64) -> Self {
        Self {
            mantissa: n,
            scale: 0,
            min_fraction: None,
            ordinal: false,
        }
    }

    /// A number literal: it keeps its written fraction digits (`1.50` prints `1.50`).
    fn literal(s: &str) -> Option<Self> {
        let mut n = Self::parse(s)?;
        n.min_fraction = s.split_once('.').map(|(_, f)| f.len());
        Some(n)
    }

    /// The digits as printed (the fraction padded to `min_fraction`) and their scale.
    fn printed(&self) -> (u64, u32) {
        let scale = self
            .min_fraction
            .map_or(self.scale, |m| (m as u32).clamp(self.scale, MAX_SCALE));
        let digits = self
            .mantissa
            .unsigned_abs()
            .saturating_mul(10u64.pow(scale - self.scale));
        (digits, scale)
    }

    fn format(&self) -> String {
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

enum Value<'a> {
    Str(Cow<'a, str>),
    Num(Num),
    None,
}

struct Scope<'s, 'a> {
    bundle: &'s Bundle<'s>,
    args: &'s [(&'s str, Arg<'a>)],
    /// A term's own arguments while it is formatted (terms don't see the message's).
    local: Option<Vec<(&'s str, Value<'s>)>>,
    depth: u8,
}

impl<'s> Scope<'s, '_> {
    fn write_pattern(&mut self, pattern: &'s Pattern, out: &mut String) {
        for expr in pattern {
            self.write(expr, out);
        }
    }

    fn write(&mut self, expr: &'s Expr, out: &mut String) {
        match expr {
            Expr::Text(t) | Expr::Str(t) => out.push_str(t),
            Expr::Select {
                selector,
                variants,
                default,
            } => {
                let value = self.resolve(selector);
                let chosen = variants
                    .iter()
                    .find(|(key, _)| self.matches(key, &value))
                    .or_else(|| variants.get(*default));
                if let Some((_, pattern)) = chosen {
                    self.nested(|s| s.write_pattern(pattern, out));
                }
            }
            Expr::Message(id, attr) => match self.bundle.entry_pattern(id, attr.as_deref()) {
                Some(p) => self.nested(|s| s.write_pattern(p, out)),
                None => {
                    out.push('{');
                    out.push_str(id);
                    if let Some(a) = attr {
                        out.push('.');
                        out.push_str(a);
                    }
                    out.push('}');
                }
            },
            Expr::Term { id, args, .. } => {
                if !self.term(id, None, args, out) {
                    out.push_str("{-");
                    out.push_str(id);
                    out.push('}');
                }
            }
            Expr::Var(name) => match self.resolve(expr) {
                Value::Str(s) => out.push_str(&s),
                Value::Num(n) => out.push_str(&n.format()),
                Value::None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Expr::Num(_) | Expr::Number { .. } => match self.resolve(expr) {
                Value::Num(n) => out.push_str(&n.format()),
                Value::Str(s) => out.push_str(&s),
                Value::None => out.push_str("NUMBER()"),
            },
        }
    }

    /// Writes term `-id` (or its attribute) with its own arguments in scope, as Fluent does:
    /// a term sees only those. `false` when the bundle lacks it.
    fn term(
        &mut self,
        id: &str,
        attr: Option<&str>,
        args: &'s [(String, Expr)],
        out: &mut String,
    ) -> bool {
        let Some(pattern) = self.bundle.entry_pattern(&format!("-{id}"), attr) else {
            return false;
        };
        let local = args
            .iter()
            .map(|(n, v)| (n.as_str(), self.resolve(v)))
            .collect();
        let saved = self.local.replace(local);
        self.nested(|s| s.write_pattern(pattern, out));
        self.local = saved;
        true
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self)) {
        if self.depth < MAX_DEPTH {
            self.depth += 1;
            f(self);
            self.depth -= 1;
        }
    }

    fn resolve(&mut self, expr: &'s Expr) -> Value<'s> {
        match expr {
            Expr::Str(s) => Value::Str(Cow::Borrowed(s)),
            Expr::Num(n) => Value::Num(n.clone()),
            Expr::Var(name) => {
                if let Some(local) = &self.local {
                    return match local.iter().find(|(n, _)| n == name) {
                        Some((_, Value::Str(s))) => Value::Str(s.clone()),
                        Some((_, Value::Num(n))) => Value::Num(n.clone()),
                        _ => Value::None,
                    };
                }
                match self.args.iter().find(|(n, _)| n == name) {
                    Some((_, Arg::Number(n))) => Value::Num(Num::whole(*n)),
                    Some((_, Arg::Decimal(d))) => match Num::parse(d) {
                        Some(n) => Value::Num(n),
                        None => Value::Str(Cow::Owned(d.to_string())),
                    },
                    Some((_, Arg::Text(t))) => Value::Str(Cow::Owned(t.to_string())),
                    None => Value::None,
                }
            }
            Expr::Number {
                arg,
                min_fraction,
                ordinal,
            } => match self.resolve(arg) {
                Value::Num(mut n) => {
                    n.min_fraction = min_fraction.or(n.min_fraction);
                    n.ordinal = *ordinal;
                    Value::Num(n)
                }
                _ => Value::None,
            },
            Expr::Term {
                id,
                attr: Some(attr),
                args,
            } => {
                let mut out = String::new();
                self.term(id, Some(attr), args, &mut out);
                Value::Str(Cow::Owned(out))
            }
            _ => {
                let mut out = String::new();
                self.write(expr, &mut out);
                Value::Str(Cow::Owned(out))
            }
        }
    }

    fn matches(&self, key: &Key, value: &Value<'_>) -> bool {
        match (key, value) {
            (Key::Ident(k), Value::Str(s)) => k == s,
            (Key::Num(k), Value::Num(n)) => k == n,
            (Key::Ident(k), Value::Num(n)) => {
                let (digits, scale) = n.printed();
                self.bundle
                    .plurals
                    .select(digits, scale, n.ordinal)
                    .as_str()
                    == k
            }
            _ => false,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Parsing

/// A problem in Fluent source: its line (1-based) and what is wrong.
pub(crate) type Problem = (usize, String);

struct Parser<'s> {
    s: &'s str,
    b: &'s [u8],
    i: usize,
}

type PResult<T> = Result<T, String>;

impl<'s> Parser<'s> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn at(&self, j: usize) -> Option<u8> {
        self.b.get(j).copied()
    }

    fn take(&mut self, c: u8) -> bool {
        let yes = self.peek() == Some(c);
        if yes {
            self.i += 1;
        }
        yes
    }

    fn expect(&mut self, c: u8) -> PResult<()> {
        if self.take(c) {
            Ok(())
        } else {
            Err(format!("expected `{}`", c as char))
        }
    }

    fn blank_inline(&mut self) -> usize {
        let start = self.i;
        while self.peek() == Some(b' ') {
            self.i += 1;
        }
        self.i - start
    }

    fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n')) {
            self.i += 1;
        }
    }

    fn eol(&mut self) -> bool {
        self.take(b'\n')
    }

    /// Blank lines; how many.
    fn blank_block(&mut self) -> usize {
        let mut n = 0;
        loop {
            let start = self.i;
            self.blank_inline();
            if !self.eol() {
                self.i = start;
                return n;
            }
            n += 1;
        }
    }

    fn ident(&mut self) -> PResult<String> {
        if !self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            return Err(
                "expected an identifier (a letter, then letters, digits, `-` or `_`)".into(),
            );
        }
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        {
            self.i += 1;
        }
        Ok(self.s[start..self.i].to_owned())
    }

    fn digits(&mut self) -> PResult<()> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        if start == self.i {
            return Err("expected a digit".into());
        }
        Ok(())
    }

    fn number(&mut self) -> PResult<Num> {
        let start = self.i;
        self.take(b'-');
        self.digits()?;
        if self.take(b'.') {
            self.digits()?;
        }
        let text = &self.s[start..self.i];
        Num::literal(text).ok_or_else(|| format!("the number {text} has more than 18 digits"))
    }

    fn resource(&mut self) -> (Vec<(String, Entry)>, Vec<Problem>) {
        let (mut entries, mut problems) = (Vec::new(), Vec::new());
        self.blank_block();
        while self.i < self.b.len() {
            let start = self.i;
            let result = match self.peek() {
                Some(b'#') => self.comment().map(|()| None),
                Some(b'-') => {
                    self.i += 1;
                    self.entry(true).map(|(id, e)| Some((format!("-{id}"), e)))
                }
                _ => self.entry(false).map(Some),
            };
            match result {
                Ok(Some(entry)) => entries.push(entry),
                Ok(None) => {}
                Err(e) => {
                    let line = self.s[..start].matches('\n').count() + 1;
                    problems.push((line, e));
                    self.i = start.max(self.i);
                    self.skip_to_next_entry();
                }
            }
            self.blank_block();
        }
        (entries, problems)
    }

    fn skip_to_next_entry(&mut self) {
        while let Some(c) = self.peek() {
            let line_start = self.i == 0 || self.at(self.i - 1) == Some(b'\n');
            if line_start && self.i > 0 && (c.is_ascii_alphabetic() || c == b'-' || c == b'#') {
                return;
            }
            self.i += 1;
        }
    }

    fn comment(&mut self) -> PResult<()> {
        loop {
            let mut level = 0;
            while self.take(b'#') {
                level += 1;
            }
            if level > 3 || !matches!(self.peek(), None | Some(b' ' | b'\n')) {
                return Err("a comment starts with `#`, `##` or `###` and a space".into());
            }
            while self.peek().is_some_and(|c| c != b'\n') {
                self.i += 1;
            }
            if !self.eol() || self.peek() != Some(b'#') {
                return Ok(());
            }
        }
    }

    fn entry(&mut self, term: bool) -> PResult<(String, Entry)> {
        let id = self.ident()?;
        self.blank_inline();
        self.expect(b'=')?;
        let value = self.pattern()?;
        self.blank_block();
        let mut attrs = Vec::new();
        loop {
            let line = self.i;
            self.blank_inline();
            if !self.take(b'.') {
                self.i = line;
                break;
            }
            let name = self.ident()?;
            self.blank_inline();
            self.expect(b'=')?;
            let p = self
                .pattern()?
                .ok_or_else(|| format!("attribute `.{name}` has no value"))?;
            attrs.push((name, p));
            self.blank_block();
        }
        if value.is_none() && (term || attrs.is_empty()) {
            return Err(format!("`{id}` has no value"));
        }
        Ok((id, Entry { value, attrs }))
    }

    /// A pattern, dedented as Fluent does: continuation lines lose their common indent, blank
    /// lines inside are kept, and the end is trimmed.
    fn pattern(&mut self) -> PResult<Option<Pattern>> {
        enum Part {
            Expr(Expr),
            // (start, end, indent, at a line start)
            Text(usize, usize, usize, bool),
        }
        let mut parts = Vec::new();
        let mut last_non_blank = None;
        let mut common: Option<usize> = None;
        self.blank_inline();
        let mut line_start = if self.eol() {
            self.blank_block();
            true
        } else {
            false
        };
        while self.i < self.b.len() {
            if self.take(b'{') {
                if line_start {
                    common = Some(0);
                }
                parts.push(Part::Expr(self.placeable()?));
                last_non_blank = Some(parts.len() - 1);
                line_start = false;
                continue;
            }
            let start = self.i;
            let mut indent = 0;
            if line_start {
                indent = self.blank_inline();
                match self.peek() {
                    None => break,
                    Some(c) if indent == 0 && c != b'\n' => break,
                    Some(b'.' | b'}' | b'[' | b'*') if indent > 0 => {
                        self.i = start;
                        break;
                    }
                    _ => {}
                }
            }
            let text_start = self.i;
            while self
                .peek()
                .is_some_and(|c| c != b'\n' && c != b'{' && c != b'}')
            {
                self.i += 1;
            }
            if self.peek() == Some(b'}') {
                return Err(
                    "`}` without a matching `{` (write `{\"}\"}` for the character)".into(),
                );
            }
            let newline = self.eol();
            let end = self.i;
            let blank = self.b[text_start..end]
                .iter()
                .all(|&c| c == b' ' || c == b'\n');
            if start != end {
                if line_start && !blank {
                    common = Some(common.map_or(indent, |c| c.min(indent)));
                }
                if !line_start || !blank || newline {
                    if !blank {
                        last_non_blank = Some(parts.len());
                    }
                    parts.push(Part::Text(start, end, indent, line_start));
                }
            }
            line_start = newline;
        }
        let Some(last) = last_non_blank else {
            return Ok(None);
        };
        let mut out: Pattern = Vec::new();
        for (k, part) in parts.into_iter().take(last + 1).enumerate() {
            match part {
                Part::Expr(e) => out.push(e),
                Part::Text(start, end, indent, at_line_start) => {
                    let start = if at_line_start {
                        start + common.map_or(indent, |c| c.min(indent))
                    } else {
                        start
                    };
                    let mut text = &self.s[start..end];
                    if k == last {
                        text = text.trim_end_matches([' ', '\n']);
                    }
                    match out.last_mut() {
                        Some(Expr::Text(t)) => t.push_str(text),
                        _ if text.is_empty() => {}
                        _ => out.push(Expr::Text(text.to_owned())),
                    }
                }
            }
        }
        Ok(Some(out))
    }

    fn placeable(&mut self) -> PResult<Expr> {
        self.blank();
        let expr = self.expression()?;
        self.blank_inline();
        self.expect(b'}')?;
        Ok(expr)
    }

    fn expression(&mut self) -> PResult<Expr> {
        let selector = self.inline()?;
        self.blank();
        if !(self.peek() == Some(b'-') && self.at(self.i + 1) == Some(b'>')) {
            if let Expr::Term {
                attr: Some(a), id, ..
            } = &selector
            {
                return Err(format!(
                    "a term's attribute (`-{id}.{a}`) can only be a selector"
                ));
            }
            return Ok(selector);
        }
        match &selector {
            Expr::Message(..) => return Err("a message can't be a selector".into()),
            Expr::Term { attr: None, .. } => {
                return Err("a term can be a selector only through an attribute".into())
            }
            Expr::Select { .. } | Expr::Text(_) => return Err("expected a simple selector".into()),
            _ => {}
        }
        self.i += 2;
        self.blank_inline();
        if !self.eol() {
            return Err("variants start on the line after `->`".into());
        }
        self.blank();
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            if self.take(b'*') && default.replace(variants.len()).is_some() {
                return Err("two default variants".into());
            }
            if !self.take(b'[') {
                break;
            }
            self.blank();
            let key = if self.peek().is_some_and(|c| c.is_ascii_digit())
                || (self.peek() == Some(b'-')
                    && self.at(self.i + 1).is_some_and(|c| c.is_ascii_digit()))
            {
                Key::Num(self.number()?)
            } else {
                Key::Ident(self.ident()?)
            };
            self.blank();
            self.expect(b']')?;
            let value = self.pattern()?.ok_or("a variant has no value")?;
            variants.push((key, value));
            self.blank();
        }
        let default = default
            .filter(|d| *d < variants.len())
            .ok_or("a select expression needs a default variant (`*[other]`)")?;
        Ok(Expr::Select {
            selector: Box::new(selector),
            variants,
            default,
        })
    }

    fn inline(&mut self) -> PResult<Expr> {
        match self.peek() {
            Some(b'"') => {
                self.i += 1;
                let mut s = String::new();
                loop {
                    let run = self.i;
                    while self.peek().is_some_and(|c| c != b'"' && c != b'\\' && c != b'\n') {
                        self.i += 1;
                    }
                    s.push_str(&self.s[run..self.i]);
                    match self.peek() {
                        Some(b'"') => {
                            self.i += 1;
                            return Ok(Expr::Str(s));
                        }
                        Some(b'\\') => {
                            self.i += 1;
                            match self.peek() {
                                Some(c @ (b'\\' | b'"')) => {
                                    self.i += 1;
                                    s.push(c as char);
                                }
                                Some(c @ (b'u' | b'U')) => {
                                    self.i += 1;
                                    let len = if c == b'u' { 4 } else { 6 };
                                    let hex = self.s.get(self.i..self.i + len).unwrap_or("");
                                    let ch = (hex.len() == len && hex.bytes().all(|h| h.is_ascii_hexdigit()))
                                        .then(|| u32::from_str_radix(hex, 16).ok())
                                        .flatten()
                                        .ok_or("a `\\u` escape needs 4 hex digits (`\\U`: 6)")?;
                                    self.i += len;
                                    s.push(char::from_u32(ch).unwrap_or('\u{FFFD}'));
                                }
                                _ => return Err("unknown escape in a string literal".into()),
                            }
                        }
                        _ => return Err("unterminated string literal".into()),
                    }
                }
            }
            Some(c) if c.is_ascii_digit() => Ok(Expr::Num(self.number()?)),
            Some(b'-') => {
                if self.at(self.i + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
                    self.i += 1;
                    let id = self.ident()?;
                    let attr = if self.take(b'.') { Some(self.ident()?) } else { None };
                    let args = match self.call_args()? {
                        None => Vec::new(),
                        Some((positional, named)) if positional.is_empty() => named,
                        Some(_) => {
                            return Err(format!("a term (`-{id}`) takes named arguments only"))
                        }
                    };
                    Ok(Expr::Term { id, attr, args })
                } else {
                    Ok(Expr::Num(self.number()?))
                }
            }
            Some(b'$') => {
                self.i += 1;
                Ok(Expr::Var(self.ident()?))
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let id = self.ident()?;
                if let Some((positional, named)) = self.call_args()? {
                    if !id.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_' || c == b'-') {
                        return Err(format!("`{id}` is not a function name (those are upper case)"));
                    }
                    return number_call(&id, positional, named);
                }
                let attr = if self.take(b'.') { Some(self.ident()?) } else { None };
                Ok(Expr::Message(id, attr))
            }
            Some(b'{') => {
                self.i += 1;
                self.placeable()
            }
            _ => Err("expected an expression: `$variable`, a message, a `-term`, a literal or `NUMBER()`".into()),
        }
    }

    #[allow(clippy::type_complexity)]
    fn call_args(&mut self) -> PResult<Option<(Vec<Expr>, Vec<(String, Expr)>)>> {
        self.blank();
        if !self.take(b'(') {
            return Ok(None);
        }
        let (mut positional, mut named) = (Vec::new(), Vec::<(String, Expr)>::new());
        self.blank();
        while self.i < self.b.len() && self.peek() != Some(b')') {
            let expr = self.inline()?;
            self.blank();
            match expr {
                Expr::Message(name, None) if self.take(b':') => {
                    if named.iter().any(|(n, _)| *n == name) {
                        return Err(format!("argument `{name}` given twice"));
                    }
                    self.blank();
                    let value = match self.peek() {
                        Some(b'"') => self.inline()?,
                        Some(c) if c.is_ascii_digit() || c == b'-' => Expr::Num(self.number()?),
                        _ => {
                            return Err(format!(
                                "argument `{name}` takes a string or number literal"
                            ))
                        }
                    };
                    named.push((name, value));
                }
                expr if named.is_empty() => positional.push(expr),
                _ => return Err("a positional argument after a named one".into()),
            }
            self.blank();
            self.take(b',');
            self.blank();
        }
        self.expect(b')')?;
        Ok(Some((positional, named)))
    }
}

/// `NUMBER(...)`: the only function, with the options `fluent-bundle` applies.
fn number_call(id: &str, positional: Vec<Expr>, named: Vec<(String, Expr)>) -> PResult<Expr> {
    if id != "NUMBER" {
        return Err(format!(
            "`{id}()` is not supported (the kit's Fluent has NUMBER() only)"
        ));
    }
    let [arg] =
        <[Expr; 1]>::try_from(positional).map_err(|_| "NUMBER() takes one number".to_owned())?;
    if !matches!(arg, Expr::Var(_) | Expr::Num(_)) {
        return Err("NUMBER() takes a variable or a number literal".into());
    }
    let (mut min_fraction, mut ordinal) = (None, false);
    for (name, value) in named {
        match (name.as_str(), value) {
            ("minimumFractionDigits", Expr::Num(n))
                if n.min_fraction.is_none() && (0..=20).contains(&n.mantissa) =>
            {
                min_fraction = Some(n.mantissa as usize);
            }
            ("type", Expr::Str(t)) if t == "cardinal" || t == "ordinal" => ordinal = t == "ordinal",
            ("minimumFractionDigits" | "type", _) => {
                return Err(format!(
                    "NUMBER() option `{name}` takes {}",
                    if name == "type" {
                        "\"cardinal\" or \"ordinal\""
                    } else {
                        "a whole number up to 20"
                    }
                ))
            }
            _ => {
                return Err(format!(
                    "NUMBER() option `{name}` is not supported (minimumFractionDigits and type are)"
                ))
            }
        }
    }
    Ok(Expr::Number {
        arg: Box::new(arg),
        min_fraction,
        ordinal,
    })
}

/// Parses a resource: its entries (terms under `-id`) in order, and the problems found (with
/// their line). Entries with a problem are left out.
pub(crate) fn parse(source: &str) -> (Vec<(String, Entry)>, Vec<Problem>) {
    let normalized;
    let source = if source.contains('\r') {
        normalized = source.replace("\r\n", "\n");
        normalized.as_str()
    } else {
        source
    };
    let mut p = Parser {
        s: source,
        b: source.as_bytes(),
        i: 0,
    };
    p.resource()
}

/// What in `entries` doesn't resolve in this bundle: references to messages, attributes and
/// terms it doesn't define, ordinals without ordinal rules, and cycles. Each problem names
/// the entry (`None` line: the entry may come from another registration).
pub(crate) fn check(entries: &HashMap<String, Entry>, has_ordinal: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids: Vec<&String> = entries.keys().collect();
    ids.sort();
    for id in &ids {
        let entry = &entries[*id];
        let patterns = entry.value.iter().chain(entry.attrs.iter().map(|(_, p)| p));
        let mut refs = Vec::new();
        for p in patterns {
            walk(p, &mut |e| refs.push(e));
        }
        for e in refs {
            let problem = match e {
                Expr::Message(m, attr) => match (entries.get(m.as_str()), attr) {
                    (None, _) => Some(format!("`{id}` refers to `{m}`, which isn't defined")),
                    (Some(t), None) if t.value.is_none() => {
                        Some(format!("`{id}` refers to `{m}`, which has no value"))
                    }
                    (Some(t), Some(a)) if !t.attrs.iter().any(|(n, _)| n == a) => {
                        Some(format!("`{id}` refers to `{m}.{a}`, which isn't defined"))
                    }
                    _ => None,
                },
                Expr::Term { id: t, attr, .. } => match (entries.get(&format!("-{t}")), attr) {
                    (None, _) => Some(format!("`{id}` refers to `-{t}`, which isn't defined")),
                    (Some(term), Some(a)) if !term.attrs.iter().any(|(n, _)| n == a) => {
                        Some(format!("`{id}` refers to `-{t}.{a}`, which isn't defined"))
                    }
                    _ => None,
                },
                Expr::Number { ordinal: true, .. } if !has_ordinal => Some(format!(
                    "`{id}` selects on ordinals, and this locale's plural rules have none"
                )),
                _ => None,
            };
            problems.extend(problem);
        }
    }
    // cycles: depth-first over entry references
    let mut state = HashMap::new();
    for id in &ids {
        if !state.contains_key(id.as_str()) {
            visit(id, entries, &mut state, &mut problems);
        }
    }
    problems
}

/// Depth-first from `id`: `state` marks entries being visited (1) and done (2).
fn visit<'e>(
    id: &'e str,
    entries: &'e HashMap<String, Entry>,
    state: &mut HashMap<&'e str, u8>,
    problems: &mut Vec<String>,
) {
    state.insert(id, 1);
    let mut deps = Vec::new();
    if let Some(entry) = entries.get(id) {
        for p in entry.value.iter().chain(entry.attrs.iter().map(|(_, p)| p)) {
            walk(p, &mut |e| match e {
                Expr::Message(m, _) => deps.push(m.clone()),
                Expr::Term { id, .. } => deps.push(format!("-{id}")),
                _ => {}
            });
        }
    }
    for dep in deps {
        let Some((key, _)) = entries.get_key_value(dep.as_str()) else {
            continue;
        };
        match state.get(key.as_str()) {
            Some(1) => problems.push(format!("`{id}` and `{key}` refer to each other in a cycle")),
            Some(_) => {}
            None => visit(key, entries, state, problems),
        }
    }
    state.insert(id, 2);
}

fn walk<'e>(pattern: &'e Pattern, f: &mut impl FnMut(&'e Expr)) {
    fn expr<'e>(e: &'e Expr, f: &mut impl FnMut(&'e Expr)) {
        f(e);
        match e {
            Expr::Select {
                selector, variants, ..
            } => {
                expr(selector, f);
                for (_, p) in variants {
                    walk(p, f);
                }
            }
            Expr::Number { arg, .. } => expr(arg, f),
            Expr::Term { args, .. } => args.iter().for_each(|(_, a)| expr(a, f)),
            _ => {}
        }
    }
    for e in pattern {
        expr(e, f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::plural;

    fn bundle(src: &str) -> HashMap<String, Entry> {
        let (entries, problems) = parse(src);
        assert!(problems.is_empty(), "{problems:?}");
        entries.into_iter().collect()
    }

    fn fmt(src: &str, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let entries = bundle(src);
        let plurals = plural::EN.parse().unwrap();
        Bundle {
            entries: &entries,
            plurals: &plurals,
        }
        .format(key, args)
        .unwrap()
    }

    #[test]
    fn text_variables_and_selects() {
        assert_eq!(fmt("a = Hello", "a", &[]), "Hello");
        assert_eq!(
            fmt("a = Hi { $name }!", "a", &[("name", "Ann".into())]),
            "Hi Ann!"
        );
        assert_eq!(fmt("a = Hi { $name }!", "a", &[]), "Hi {$name}!");
        let m = "a = In { $n ->\n    [0] no time\n    [one] { $n } second\n   *[other] { $n } seconds\n}.";
        assert_eq!(fmt(m, "a", &[("n", 0.into())]), "In no time.");
        assert_eq!(fmt(m, "a", &[("n", 1.into())]), "In 1 second.");
        assert_eq!(fmt(m, "a", &[("n", 7.into())]), "In 7 seconds.");
        assert_eq!(fmt(m, "a", &[("n", 1.5.into())]), "In 1.5 seconds.");
        assert_eq!(
            fmt(m, "a", &[("n", Arg::Decimal("1.50".into()))]),
            "In 1.5 seconds."
        );
        assert_eq!(
            fmt(m, "a", &[("n", Arg::Decimal("n/a".into()))]),
            "In n/a seconds."
        );
        assert_eq!(fmt(m, "a", &[]), "In {$n} seconds.");
    }

    #[test]
    fn terms_attributes_literals_and_number() {
        let src = r#"
-brand = Rocket
    .gender = feminine
-thing = { $case ->
   *[nom] Ding
    [gen] Dinges
}
welcome = Welcome to { -brand }!
    .title = { -brand } home
of = { -thing(case: "gen") }, { -thing }
pronoun = { -brand.gender ->
    [feminine] she
   *[other] it
}
lit = { "{" }{ 42 }{ 1.50 } { "\u00e9" }
price = { NUMBER($n, minimumFractionDigits: 2) }
place = { NUMBER($n, type: "ordinal") ->
    [one] { $n }st
    [two] { $n }nd
    [few] { $n }rd
   *[other] { $n }th
}
ref = { welcome } ({ welcome.title })
"#;
        assert_eq!(fmt(src, "welcome", &[]), "Welcome to Rocket!");
        assert_eq!(fmt(src, "welcome.title", &[]), "Rocket home");
        assert_eq!(fmt(src, "of", &[("case", "gen".into())]), "Dinges, Ding");
        assert_eq!(fmt(src, "pronoun", &[]), "she");
        assert_eq!(fmt(src, "lit", &[]), "{421.50 é");
        assert_eq!(fmt(src, "price", &[("n", 3.into())]), "3.00");
        assert_eq!(fmt(src, "price", &[("n", 2.5.into())]), "2.50");
        assert_eq!(fmt(src, "price", &[("n", (-0.125).into())]), "-0.125");
        assert_eq!(fmt(src, "price", &[("n", 0.05.into())]), "0.05");
        assert_eq!(fmt(src, "place", &[("n", 22.into())]), "22nd");
        assert_eq!(fmt(src, "place", &[("n", 13.into())]), "13th");
        assert_eq!(fmt(src, "ref", &[]), "Welcome to Rocket! (Rocket home)");
        let entries = bundle(src);
        let plurals = plural::EN.parse().unwrap();
        let b = Bundle {
            entries: &entries,
            plurals: &plurals,
        };
        assert_eq!(b.format("-brand", &[]), None, "terms are private");
        assert_eq!(b.format("welcome.nope", &[]), None);
        assert!(check(&entries, true).is_empty());
    }

    #[test]
    fn multiline_patterns_dedent_like_fluent() {
        let src = "a =\n    one\n      two\n\n    three  \n\nb = x\n    y\n";
        assert_eq!(fmt(src, "a", &[]), "one\n  two\n\nthree");
        assert_eq!(fmt(src, "b", &[]), "x\ny");
        assert_eq!(fmt("c = x\r\n  y\r\n", "c", &[]), "x\ny");
    }

    #[test]
    fn unsupported_or_broken_syntax_is_an_error() {
        for bad in [
            "a = { $x -> [one] y }",
            "a = oops }",
            "a = { $x",
            "  indented = x",
            "1a = x",
            "no equals",
            "a = { DATETIME($d) }",
            "a = { NUMBER($n, useGrouping: \"false\") }",
            "a = { NUMBER($n, minimumFractionDigits: 2.5) }",
            "a = { NUMBER(\"1\") }",
            "a = { 1234567890123456789012 }",
            "a = { lower($x) }",
            "a = { -t.attr }",
            "a = { msg ->\n *[x] y\n}",
            "a = { $x ->\n [a] b\n}",
            "a = { \"\\q\" }",
            "a = { \"\\{\" }",
            "-t =",
            "a =",
            "#bad comment",
        ] {
            let (_, problems) = parse(bad);
            assert!(!problems.is_empty(), "{bad:?}");
        }
        let (entries, problems) = parse("ok = fine\nbad = { oops\nalso = fine\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0, 2);
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn references_that_do_not_resolve_and_cycles_are_problems() {
        let check_of = |src: &str, ordinal: bool| check(&bundle(src), ordinal);
        assert_eq!(check_of("a = { b }", true).len(), 1);
        assert_eq!(check_of("a = { -b }", true).len(), 1);
        assert_eq!(check_of("a = { b.c }\nb = x", true).len(), 1);
        assert_eq!(check_of("a = { b }\nb =\n    .c = x", true).len(), 1);
        assert_eq!(check_of("a = { -b.c ->\n *[x] y\n}\n-b = z", true).len(), 1);
        assert!(!check_of("a = { b }\nb = { a }", true).is_empty());
        assert!(!check_of("a = { a }", true).is_empty());
        assert!(!check_of(
            "a = { NUMBER($n, type: \"ordinal\") ->\n *[other] x\n}",
            false
        )
        .is_empty());
        assert!(check_of("a = { b } { b }\nb = x", true).is_empty());
    }
}
