//! The resolver: it formats parsed entries and prints what `fluent-bundle` prints, for what
//! the kit supports:
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

use crate::plural::Parsed;

use crate::{Entry, Expr, Key, Num, Pattern};

/// An argument to a message: a whole number or a decimal (both select plural variants;
/// printed as Fluent prints them, `3`, `1.5`), or text.
///
/// ```
/// use loginrocket_ftl::Arg;
///
/// assert_eq!(Arg::from(3), Arg::Number(3));
/// assert_eq!(Arg::from(1.5), Arg::Decimal("1.5".into()));
/// assert_eq!(Arg::from("Email"), Arg::Text("Email".into()));
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

/// One locale's messages, terms and plural rules, to format from.
///
/// ```
/// use std::collections::HashMap;
/// use loginrocket_ftl::{plural, Bundle};
///
/// let (entries, problems) = loginrocket_ftl::parse(
///     "wait = { $n ->\n    [one] in one second\n   *[other] in { $n } seconds\n}\n",
/// );
/// assert!(problems.is_empty());
/// let entries: HashMap<_, _> = entries.into_iter().collect();
/// let plurals = plural::EN.parse().unwrap();
/// let bundle = Bundle { entries: &entries, plurals: &plurals };
/// // what would not resolve is an error before formatting (none here)
/// assert!(loginrocket_ftl::check(&entries, plurals.has_ordinal()).is_empty());
/// assert_eq!(bundle.format("wait", &[("n", 1.into())]).as_deref(), Some("in one second"));
/// assert_eq!(bundle.format("wait", &[("n", 5.into())]).as_deref(), Some("in 5 seconds"));
/// assert_eq!(bundle.format("nope", &[]), None);
/// ```
pub struct Bundle<'a> {
    /// The entries by id (a term's id starts with `-`).
    pub entries: &'a HashMap<String, Entry>,
    /// The locale's plural rules.
    pub plurals: &'a Parsed,
}

/// Nesting deeper than this is cut off: registration refuses Fluent that goes deeper (and
/// cycles), so this only bounds the work.
const MAX_DEPTH: usize = crate::MAX_DEPTH;

/// The most placeables one message writes, references included, as in `fluent-bundle`:
/// registration refuses a message that would write more (a few bytes of Fluent can expand
/// exponentially), and formatting stops there.
const MAX_PLACEABLES: usize = 100;

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
            placeables: 0,
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
    depth: usize,
    /// Placeables written so far.
    placeables: usize,
}

impl<'s> Scope<'s, '_> {
    fn write_pattern(&mut self, pattern: &'s Pattern, out: &mut String) {
        for expr in pattern {
            self.write(expr, out);
        }
    }

    fn write(&mut self, expr: &'s Expr, out: &mut String) {
        if !matches!(expr, Expr::Text(_)) {
            if self.placeables >= MAX_PLACEABLES {
                return;
            }
            self.placeables += 1;
        }
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

/// What in `entries` doesn't resolve in this bundle: references to messages, attributes and
/// terms it doesn't define, ordinals without ordinal rules, and cycles. Each problem names
/// the entry (`None` line: the entry may come from another registration).
pub fn check(entries: &HashMap<String, Entry>, has_ordinal: bool) -> Vec<String> {
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
    problems.extend(measure_all(entries, &ids));
    problems
}

/// A pattern of a bundle: entry `.0`'s value, or its attribute `.1`.
type Node<'e> = (&'e str, Option<&'e str>);

/// What formatting a pattern takes: how deep it nests (selects and references) and how many
/// placeables it writes, references included.
#[derive(Clone, Copy, Default)]
struct Size {
    depth: usize,
    placeables: usize,
}

fn node_pattern<'e>(
    entries: &'e HashMap<String, Entry>,
    (id, attr): Node<'_>,
) -> Option<&'e Pattern> {
    let entry = entries.get(id)?;
    match attr {
        None => entry.value.as_ref(),
        Some(a) => entry.attrs.iter().find(|(n, _)| n == a).map(|(_, p)| p),
    }
}

/// The pattern a reference names, when the bundle has it.
fn target<'e>(entries: &'e HashMap<String, Entry>, e: &'e Expr) -> Option<Node<'e>> {
    let (id, attr) = match e {
        Expr::Message(m, attr) => (entries.get_key_value(m.as_str())?.0, attr),
        Expr::Term { id, attr, .. } => (entries.get_key_value(format!("-{id}").as_str())?.0, attr),
        _ => return None,
    };
    let node = (id.as_str(), attr.as_deref());
    node_pattern(entries, node).map(|_| node)
}

fn show((id, attr): Node<'_>) -> String {
    match attr {
        Some(a) => format!("{id}.{a}"),
        None => id.to_owned(),
    }
}

/// Cycles, nesting deeper than [`MAX_DEPTH`] and messages writing more than
/// [`MAX_PLACEABLES`], over every pattern (value or attribute) of `entries`: an iterative
/// depth-first walk, so a chain of any length is no stack overflow. Each limit is reported
/// where it is first passed, not again for every pattern that refers to that one.
fn measure_all(entries: &HashMap<String, Entry>, ids: &[&String]) -> Vec<String> {
    // every pattern, in the order of the sorted ids (each entry's value, then its attributes),
    // so that a reference finds its index by binary search: no map or sort of its own, which
    // would cost wasm in every app that registers Fluent
    let mut nodes: Vec<Node<'_>> = Vec::new();
    let mut starts = Vec::with_capacity(ids.len());
    for id in ids {
        starts.push(nodes.len());
        let e = &entries[*id];
        nodes.extend(e.value.as_ref().map(|_| (id.as_str(), None)));
        nodes.extend(e.attrs.iter().map(|(a, _)| (id.as_str(), Some(a.as_str()))));
    }
    let index_of = |(id, attr): Node<'_>| -> Option<usize> {
        let at = ids.binary_search_by(|x| x.as_str().cmp(id)).ok()?;
        let e = &entries[ids[at]];
        let slot = match attr {
            None => e.value.as_ref().map(|_| 0)?,
            Some(a) => e.attrs.iter().position(|(n, _)| n == a)? + usize::from(e.value.is_some()),
        };
        Some(starts[at] + slot)
    };
    let deps = |at: usize| -> Vec<usize> {
        let mut deps = Vec::new();
        if let Some(p) = node_pattern(entries, nodes[at]) {
            walk(p, &mut |e| {
                deps.extend(target(entries, e).and_then(index_of))
            });
        }
        deps
    };
    // per node: not seen (None), being walked (Some(None)), or its size (Some(Some(_)))
    let mut marks: Vec<Option<Option<Size>>> = vec![None; nodes.len()];
    let mut problems = Vec::new();
    for root in 0..nodes.len() {
        if marks[root].is_some() {
            continue;
        }
        marks[root] = Some(None);
        let mut stack = vec![(root, deps(root), 0)];
        while let Some((at, at_deps, next)) = stack.last_mut() {
            if let Some(&dep) = at_deps.get(*next) {
                *next += 1;
                match marks[dep] {
                    None => {
                        marks[dep] = Some(None);
                        stack.push((dep, deps(dep), 0));
                    }
                    Some(None) => problems.push(format!(
                        "`{}` and `{}` refer to each other in a cycle",
                        show(nodes[*at]),
                        show(nodes[dep])
                    )),
                    Some(Some(_)) => {}
                }
                continue;
            }
            let Some((at, at_deps, _)) = stack.pop() else {
                break;
            };
            // in a cycle, a pattern still open counts as nothing (the cycle is reported)
            let size_of = |n: Node<'_>| {
                index_of(n)
                    .and_then(|i| marks[i].flatten())
                    .unwrap_or_default()
            };
            let size = node_pattern(entries, nodes[at])
                .map(|p| measure(p, entries, &size_of))
                .unwrap_or_default();
            let dep_size = |d: &usize| marks[*d].flatten().unwrap_or_default();
            if size.depth > MAX_DEPTH && at_deps.iter().all(|d| dep_size(d).depth <= MAX_DEPTH) {
                problems.push(format!(
                    "`{}` nests deeper than {MAX_DEPTH} levels (selects and references)",
                    show(nodes[at])
                ));
            }
            if size.placeables > MAX_PLACEABLES
                && at_deps
                    .iter()
                    .all(|d| dep_size(d).placeables <= MAX_PLACEABLES)
            {
                problems.push(format!(
                    "`{}` writes more than {MAX_PLACEABLES} placeables (references included)",
                    show(nodes[at])
                ));
            }
            marks[at] = Some(Some(size));
        }
    }
    problems
}

/// What formatting `pattern` takes, given what each pattern it refers to takes. Recursive over
/// the syntax only, which the parser bounds.
fn measure<'e>(
    pattern: &'e Pattern,
    entries: &'e HashMap<String, Entry>,
    size_of: &dyn Fn(Node<'e>) -> Size,
) -> Size {
    let mut total = Size::default();
    for e in pattern {
        if matches!(e, Expr::Text(_)) {
            continue;
        }
        let inner = measure_expr(e, entries, size_of);
        total.depth = total.depth.max(inner.depth);
        total.placeables = total
            .placeables
            .saturating_add(1)
            .saturating_add(inner.placeables);
    }
    total
}

fn measure_expr<'e>(
    e: &'e Expr,
    entries: &'e HashMap<String, Entry>,
    size_of: &dyn Fn(Node<'e>) -> Size,
) -> Size {
    match e {
        Expr::Message(..) | Expr::Term { .. } => match target(entries, e) {
            Some(node) => {
                let t = size_of(node);
                Size {
                    depth: t.depth.saturating_add(1),
                    placeables: t.placeables,
                }
            }
            None => Size::default(),
        },
        Expr::Select {
            selector, variants, ..
        } => {
            let chosen = variants
                .iter()
                .map(|(_, p)| measure(p, entries, size_of))
                .fold(Size::default(), |a, b| Size {
                    depth: a.depth.max(b.depth),
                    placeables: a.placeables.max(b.placeables),
                });
            let sel = measure_expr(selector, entries, size_of);
            Size {
                depth: sel.depth.max(chosen.depth.saturating_add(1)),
                placeables: sel.placeables.saturating_add(chosen.placeables),
            }
        }
        _ => Size::default(),
    }
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
    use crate::{parse, plural};

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

    #[test]
    fn an_entry_referring_to_its_own_attribute_is_no_cycle() {
        // fluent-bundle formats it
        let src = "a = { a.title }\n    .title = T\n";
        assert!(check(&bundle(src), true).is_empty());
        assert_eq!(fmt(src, "a", &[]), "T");
        // an attribute that refers to itself is one
        assert!(!check(&bundle("a = x\n    .title = { a.title }\n"), true).is_empty());
        assert!(!check(&bundle("a = { a.t }\n    .t = { a }\n"), true).is_empty());
    }

    #[test]
    fn a_chain_of_ten_thousand_references_is_checked_without_overflowing() {
        let mut src = String::from("l0 = end\n");
        for i in 1..10_000 {
            src.push_str(&format!("l{i} = {{ l{} }}\n", i - 1));
        }
        let problems = check(&bundle(&src), true);
        assert!(
            problems.iter().any(|p| p.contains("deeper than")),
            "{problems:?}"
        );
        // and a cycle that long is found
        src.push_str("l0b = { l9999 }\n");
        let cyclic = src.replace("l0 = end", "l0 = { l0b }");
        assert!(check(&bundle(&cyclic), true)
            .iter()
            .any(|p| p.contains("cycle")));
    }

    #[test]
    fn nesting_deeper_than_the_resolver_goes_is_refused_at_registration() {
        // 40 messages, each one level deeper: valid Fluent, which would print as cut-off text
        let mut src = String::from("m0 = deep\n");
        for i in 1..40 {
            src.push_str(&format!("m{i} = {{ m{} }}\n", i - 1));
        }
        let problems = check(&bundle(&src), true);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`m") && p.contains("deeper than")),
            "{problems:?}"
        );
        // 30 levels is fine, and prints in full
        let mut ok = String::from("m0 = deep\n");
        for i in 1..30 {
            ok.push_str(&format!("m{i} = {{ m{} }}\n", i - 1));
        }
        assert!(check(&bundle(&ok), true).is_empty());
        assert_eq!(fmt(&ok, "m29", &[]), "deep");
    }

    #[test]
    fn a_message_that_expands_exponentially_is_refused_and_formatting_is_bounded() {
        // l1 … l7, each ten of the one before: 10^7 placeables from 483 bytes
        let mut src = String::from("l0 = x\n");
        for i in 1..8 {
            let refs = vec![format!("{{ l{} }}", i - 1); 10].join("");
            src.push_str(&format!("l{i} = {refs}\n"));
        }
        let entries = bundle(&src);
        let problems = check(&entries, true);
        // l2 writes 110 (ten of l1's ten, and the ten references): the first past the cap
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`l2`") && p.contains("placeables")),
            "{problems:?}"
        );
        assert!(!problems.iter().any(|p| p.contains("`l1`")), "{problems:?}");
        assert_eq!(
            problems.len(),
            1,
            "reported once, where the cap is passed: {problems:?}"
        );
        // should such a bundle be formatted anyway, the work stops at the cap
        let plurals = plural::EN.parse().unwrap();
        let out = Bundle {
            entries: &entries,
            plurals: &plurals,
        }
        .format("l7", &[])
        .unwrap();
        assert!(out.len() <= 2 * MAX_PLACEABLES, "{} bytes", out.len());
    }
}
