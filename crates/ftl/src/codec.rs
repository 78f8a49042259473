//! Catalogs, compiled: the kit's build script (its shipped `locales/*/kit.ftl`) and the
//! `ftl!` macro (an app's own files) parse Fluent while the code builds and write its entries
//! in this byte form; the kit reads them back at run time without the parser, so an app
//! that registers no Fluent text carries none.
//!
//! The form: numbers in LEB128 (signed ones zigzagged), text as its length and UTF-8 bytes,
//! an option as `0` or `1` and the value, a list as its length and the items; an expression
//! is a tag byte (its place in [`Expr`]) and its fields in order.

use crate::ast::{Entry, Expr, Key, Num, Pattern, MAX_DEPTH, MAX_MIN_FRACTION, MAX_SCALE};

/// `entries` in the compiled form (what the build script and `ftl!` write; the kit itself
/// only reads).
pub fn encode(entries: &[(String, Entry)]) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.uint(entries.len() as u64);
    for (id, entry) in entries {
        w.str(id);
        w.entry(entry);
    }
    w.0
}

/// The entries of a compiled catalog; `None` when `bytes` is not one.
pub fn decode(bytes: &[u8]) -> Option<Vec<(String, Entry)>> {
    let mut r = Reader {
        b: bytes,
        i: 0,
        depth: 0,
    };
    let entries = r.list(|r| Some((r.str()?, r.entry()?)))?;
    (r.i == bytes.len()).then_some(entries)
}

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                return self.0.push(byte);
            }
            self.0.push(byte | 0x80);
        }
    }

    fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt_str(&mut self, s: &Option<String>) {
        self.0.push(u8::from(s.is_some()));
        if let Some(s) = s {
            self.str(s);
        }
    }

    fn opt_uint(&mut self, n: Option<usize>) {
        self.0.push(u8::from(n.is_some()));
        if let Some(n) = n {
            self.uint(n as u64);
        }
    }

    fn num(&mut self, n: &Num) {
        self.int(n.mantissa);
        self.uint(u64::from(n.scale));
        self.opt_uint(n.min_fraction);
        self.0.push(u8::from(n.ordinal));
    }

    fn entry(&mut self, entry: &Entry) {
        self.0.push(u8::from(entry.value.is_some()));
        if let Some(value) = &entry.value {
            self.pattern(value);
        }
        self.uint(entry.attrs.len() as u64);
        for (name, pattern) in &entry.attrs {
            self.str(name);
            self.pattern(pattern);
        }
    }

    fn pattern(&mut self, pattern: &Pattern) {
        self.uint(pattern.len() as u64);
        for expr in pattern {
            self.expr(expr);
        }
    }

    fn expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Text(s) => {
                self.0.push(0);
                self.str(s);
            }
            Expr::Str(s) => {
                self.0.push(1);
                self.str(s);
            }
            Expr::Num(n) => {
                self.0.push(2);
                self.num(n);
            }
            Expr::Var(s) => {
                self.0.push(3);
                self.str(s);
            }
            Expr::Message(id, attr) => {
                self.0.push(4);
                self.str(id);
                self.opt_str(attr);
            }
            Expr::Term { id, attr, args } => {
                self.0.push(5);
                self.str(id);
                self.opt_str(attr);
                self.uint(args.len() as u64);
                for (name, value) in args {
                    self.str(name);
                    self.expr(value);
                }
            }
            Expr::Number {
                arg,
                min_fraction,
                ordinal,
            } => {
                self.0.push(6);
                self.expr(arg);
                self.opt_uint(*min_fraction);
                self.0.push(u8::from(*ordinal));
            }
            Expr::Select {
                selector,
                variants,
                default,
            } => {
                self.0.push(7);
                self.expr(selector);
                self.uint(variants.len() as u64);
                for (key, pattern) in variants {
                    match key {
                        Key::Ident(s) => {
                            self.0.push(0);
                            self.str(s);
                        }
                        Key::Num(n) => {
                            self.0.push(1);
                            self.num(n);
                        }
                    }
                    self.pattern(pattern);
                }
                self.uint(*default as u64);
            }
        }
    }
}

struct Reader<'b> {
    b: &'b [u8],
    i: usize,
    /// Expressions open around the position.
    depth: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.b.get(self.i)?;
        self.i += 1;
        Some(b)
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn uint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.uint()?).ok()
    }

    fn int(&mut self) -> Option<i64> {
        let n = self.uint()?;
        Some((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    fn str(&mut self) -> Option<String> {
        let len = self.usize()?;
        let bytes = self.b.get(self.i..self.i.checked_add(len)?)?;
        self.i += len;
        String::from_utf8(bytes.to_vec()).ok()
    }

    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.flag()? {
            f(self).map(Some)
        } else {
            Some(None)
        }
    }

    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let len = self.usize()?;
        // every item takes a byte at least: a bad length can't make a huge allocation
        let mut items = Vec::with_capacity(len.min(self.b.len() - self.i));
        for _ in 0..len {
            items.push(f(self)?);
        }
        Some(items)
    }

    /// A number as the parser makes them: formatting one with more fraction digits than
    /// there can be would panic.
    fn num(&mut self) -> Option<Num> {
        Some(Num {
            mantissa: self.int()?,
            scale: u32::try_from(self.uint()?)
                .ok()
                .filter(|s| *s <= MAX_SCALE)?,
            min_fraction: self.min_fraction()?,
            ordinal: self.flag()?,
        })
    }

    fn min_fraction(&mut self) -> Option<Option<usize>> {
        self.opt(Self::usize)
            .filter(|m| m.is_none_or(|m| m <= MAX_MIN_FRACTION))
    }

    fn entry(&mut self) -> Option<Entry> {
        Some(Entry {
            value: self.opt(Self::pattern)?,
            attrs: self.list(|r| Some((r.str()?, r.pattern()?)))?,
        })
    }

    fn pattern(&mut self) -> Option<Pattern> {
        self.list(Self::expr)
    }

    /// An expression; nested deeper than any parse makes (selects within selects, and an
    /// argument within those), it is no catalog: reading on would only grow the stack.
    fn expr(&mut self) -> Option<Expr> {
        if self.depth > MAX_DEPTH + 1 {
            return None;
        }
        self.depth += 1;
        let expr = self.expr_here();
        self.depth -= 1;
        expr
    }

    fn expr_here(&mut self) -> Option<Expr> {
        Some(match self.byte()? {
            0 => Expr::Text(self.str()?),
            1 => Expr::Str(self.str()?),
            2 => Expr::Num(self.num()?),
            3 => Expr::Var(self.str()?),
            4 => Expr::Message(self.str()?, self.opt(Self::str)?),
            5 => Expr::Term {
                id: self.str()?,
                attr: self.opt(Self::str)?,
                args: self.list(|r| Some((r.str()?, r.expr()?)))?,
            },
            6 => Expr::Number {
                arg: Box::new(self.expr()?),
                min_fraction: self.min_fraction()?,
                ordinal: self.flag()?,
            },
            7 => Expr::Select {
                selector: Box::new(self.expr()?),
                variants: self.list(|r| {
                    let key = match r.byte()? {
                        0 => Key::Ident(r.str()?),
                        1 => Key::Num(r.num()?),
                        _ => return None,
                    };
                    Some((key, r.pattern()?))
                })?,
                default: self.usize()?,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse;

    /// Every kind of expression the parser makes.
    const ALL: &str = r#"
-brand = Acme
    .gender = neuter
hello = Hi { $name }, from { -brand(case: "gen") } and { other.attr }.
    .title = { "quoted \u00E9" } { 1.50 } { -brand.gender ->
        [neuter] it
       *[other] they
    }
other = x
    .attr = y
count = { NUMBER($n, minimumFractionDigits: 2, type: "ordinal") ->
    [one] first
    [2.5] two and a half
   *[other] { $n }th
}
"#;

    #[test]
    fn what_is_written_reads_back_the_same() {
        let (entries, problems) = parse(ALL);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(entries.len(), 4);
        let bytes = encode(&entries);
        assert_eq!(decode(&bytes), Some(entries));
    }

    #[test]
    fn a_cut_or_changed_catalog_is_no_catalog_and_never_panics() {
        let bytes = encode(&parse(ALL).0);
        for end in 0..bytes.len() {
            assert_eq!(decode(&bytes[..end]), None, "cut at {end}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None);
        for at in 0..bytes.len() {
            let mut changed = bytes.clone();
            changed[at] ^= 0xff;
            let _ = decode(&changed);
        }
        assert_eq!(decode(&[0xff; 11]), None, "a length beyond u64");
    }

    #[test]
    fn a_number_no_parse_could_make_is_no_catalog() {
        let with = |n: Num| {
            encode(&[(
                "a".to_owned(),
                Entry {
                    value: Some(vec![Expr::Num(n)]),
                    attrs: Vec::new(),
                },
            )])
        };
        let num = |scale, min_fraction| Num {
            mantissa: 15,
            scale,
            min_fraction,
            ordinal: false,
        };
        assert!(decode(&with(num(1, Some(2)))).is_some());
        assert!(decode(&with(num(MAX_SCALE, None))).is_some());
        // formatting these would panic (a scale past the most digits there are)
        assert_eq!(decode(&with(num(MAX_SCALE + 1, None))), None);
        assert_eq!(decode(&with(num(40, Some(2)))), None);
        assert_eq!(decode(&with(num(1, Some(21)))), None);
    }

    #[test]
    fn fluent_nested_as_deep_as_the_parser_allows_reads_back() {
        let mut p = String::from("{ NUMBER($n, minimumFractionDigits: 2) }");
        for _ in 1..MAX_DEPTH {
            p = format!("{{ $n ->\n *[other] {p}\n}}");
        }
        let (entries, problems) = parse(&format!("a = {p}\n"));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(decode(&encode(&entries)), Some(entries));
    }

    #[test]
    fn a_catalog_nested_past_the_limit_is_no_catalog() {
        let mut e = Expr::Str("x".into());
        for _ in 0..1_000 {
            e = Expr::Number {
                arg: Box::new(e),
                min_fraction: None,
                ordinal: false,
            };
        }
        let bytes = encode(&[(
            "a".to_owned(),
            Entry {
                value: Some(vec![e]),
                attrs: Vec::new(),
            },
        )]);
        assert_eq!(decode(&bytes), None);
    }
}
