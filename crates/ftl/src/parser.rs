//! The Fluent parser: text in, entries and the problems found, with their lines (as
//! `fluent-syntax` reads it).

use crate::ast::{Entry, Expr, Key, Num, Pattern, MAX_DEPTH, MAX_MIN_FRACTION};

/// A problem in Fluent source: its line (1-based) and what is wrong.
pub type Problem = (usize, String);

struct Parser<'s> {
    s: &'s str,
    b: &'s [u8],
    i: usize,
    /// Placeables open around the position.
    depth: usize,
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
            self.depth = 0;
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
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!("placeables nested deeper than {MAX_DEPTH} levels"));
        }
        self.blank();
        let expr = self.expression()?;
        self.blank_inline();
        self.expect(b'}')?;
        self.depth -= 1;
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
                if n.min_fraction.is_none()
                    && usize::try_from(n.mantissa).is_ok_and(|m| m <= MAX_MIN_FRACTION) =>
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
pub fn parse(source: &str) -> (Vec<(String, Entry)>, Vec<Problem>) {
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
        depth: 0,
    };
    p.resource()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeables_nested_past_the_limit_are_a_problem_on_their_line_not_a_stack_overflow() {
        // 1,000 nested placeables in 4 kB: deeper than any stack should be asked to go
        let deep = format!(
            "ok = fine\na = {}x{}\nb = fine\n",
            "{ ".repeat(1000),
            " }".repeat(1000)
        );
        let (entries, problems) = parse(&deep);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0, 2, "{problems:?}");
        assert!(problems[0].1.contains("nested deeper than"), "{problems:?}");
        let ids: Vec<&str> = entries.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["ok", "b"]);
        // and nesting up to the limit parses
        let n = MAX_DEPTH;
        let fine = format!("a = {}\"x\"{}\n", "{ ".repeat(n), " }".repeat(n));
        let (entries, problems) = parse(&fine);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(entries.len(), 1);
        let (_, problems) = parse(&format!(
            "a = {}\"x\"{}\n",
            "{ ".repeat(n + 1),
            " }".repeat(n + 1)
        ));
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn selects_nested_past_the_limit_are_a_problem_too() {
        let mut p = String::from("x");
        for _ in 0..(MAX_DEPTH + 1) {
            p = format!("{{ $n ->\n *[other] {p}\n}}");
        }
        let (_, problems) = parse(&format!("a = {p}\n"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0, 1);
    }
}
