//! A small Fluent runtime for the kit's own catalogs: the subset of Fluent syntax the kit's
//! `.ftl` files use — messages, comments, `{ $variable }` placeables and select expressions
//! on a variable (numeric plural categories or exact keys, with a `*` default).
//!
//! Why not `fluent-bundle`: it brought about 60 kB of wasm (a general resolver, number
//! formatting, language negotiation and the plural rules of every CLDR locale) for three
//! locales whose plural rules fit in a match. A native test formats every message of every
//! locale with both this runtime and `fluent-bundle` and requires identical output, and
//! validates every file with `fluent-syntax`; anything outside the subset is reported as a
//! parse error, never silently misread.

use std::borrow::Cow;

/// An argument to a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// A number (selects plural variants; printed as is).
    Number(i64),
    /// Text.
    Text(Cow<'a, str>),
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Number(i64::from(n))
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

#[derive(Clone, Debug, PartialEq)]
enum Key {
    Number(i64),
    Name(String),
}

#[derive(Clone, Debug, PartialEq)]
enum Node {
    Text(String),
    Var(String),
    Select {
        var: String,
        variants: Vec<(Key, Vec<Node>)>,
        default: usize,
    },
}

/// A parsed message.
#[derive(Clone, Debug, PartialEq)]
pub struct Message(Vec<Node>);

/// The CLDR cardinal plural category of an integer, for the kit's locales.
pub fn plural_category(lang: &str, n: i64) -> &'static str {
    match lang {
        "ja" => "other",
        "es" if n == 1 => "one",
        "es" if n != 0 && n % 1_000_000 == 0 => "many",
        _ if n == 1 => "one",
        _ => "other",
    }
}

impl Message {
    /// Formats the message for `lang` with `args`. A missing variable prints its name in
    /// braces, as Fluent does.
    pub fn format(&self, lang: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut out = String::new();
        write_nodes(&self.0, lang, args, &mut out);
        out
    }
}

fn write_nodes(nodes: &[Node], lang: &str, args: &[(&str, Arg<'_>)], out: &mut String) {
    let lookup = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Var(name) => match lookup(name) {
                Some(Arg::Number(n)) => out.push_str(&n.to_string()),
                Some(Arg::Text(t)) => out.push_str(t),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Node::Select {
                var,
                variants,
                default,
            } => {
                let chosen = match lookup(var) {
                    Some(Arg::Number(n)) => variants
                        .iter()
                        .position(|(k, _)| *k == Key::Number(*n))
                        .or_else(|| {
                            let cat = plural_category(lang, *n);
                            variants
                                .iter()
                                .position(|(k, _)| matches!(k, Key::Name(s) if s == cat))
                        }),
                    Some(Arg::Text(t)) => variants
                        .iter()
                        .position(|(k, _)| matches!(k, Key::Name(s) if s == t)),
                    None => None,
                };
                if let Some((_, pattern)) = variants.get(chosen.unwrap_or(*default)) {
                    write_nodes(pattern, lang, args, out);
                }
            }
        }
    }
}

struct Parser {
    s: Vec<char>,
    i: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn skip(&mut self, newlines: bool) {
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' || (newlines && (c == '\n' || c == '\r')) {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    fn ident(&mut self) -> Result<String, String> {
        let start = self.i;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                self.i += 1;
            } else {
                break;
            }
        }
        if start == self.i || !self.s[start].is_ascii_alphabetic() {
            return Err(format!("expected an identifier at {}", self.i));
        }
        Ok(self.s[start..self.i].iter().collect())
    }

    fn eat(&mut self, c: char) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected `{c}` at {}", self.i))
        }
    }

    /// A pattern up to the end (top level) or the end of the line (a variant).
    fn pattern(&mut self, variant: bool) -> Result<Vec<Node>, String> {
        let mut nodes = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.peek() {
            match c {
                '{' => {
                    self.i += 1;
                    if !text.is_empty() {
                        nodes.push(Node::Text(std::mem::take(&mut text)));
                    }
                    nodes.push(self.placeable()?);
                }
                '}' => return Err(format!("unbalanced `}}` at {}", self.i)),
                '\n' if variant => break,
                _ => {
                    text.push(c);
                    self.i += 1;
                }
            }
        }
        if !text.is_empty() {
            nodes.push(Node::Text(text));
        }
        // a pattern's trailing blanks are not part of it
        if let Some(Node::Text(t)) = nodes.last_mut() {
            let trimmed = t.trim_end().len();
            t.truncate(trimmed);
            if t.is_empty() {
                nodes.pop();
            }
        }
        Ok(nodes)
    }

    fn placeable(&mut self) -> Result<Node, String> {
        self.skip(true);
        self.eat('$')?;
        let var = self.ident()?;
        self.skip(true);
        if self.peek() == Some('}') {
            self.i += 1;
            return Ok(Node::Var(var));
        }
        self.eat('-')?;
        self.eat('>')?;
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip(true);
            match self.peek() {
                Some('}') => {
                    self.i += 1;
                    break;
                }
                Some('*') => {
                    self.i += 1;
                    if default.replace(variants.len()).is_some() {
                        return Err("two default variants".into());
                    }
                }
                None => return Err("unterminated select expression".into()),
                _ => {}
            }
            self.eat('[')?;
            self.skip(false);
            let start = self.i;
            while self.peek().is_some_and(|c| c != ']' && c != '\n') {
                self.i += 1;
            }
            let raw: String = self.s[start..self.i]
                .iter()
                .collect::<String>()
                .trim()
                .to_owned();
            self.eat(']')?;
            let key = match raw.parse::<i64>() {
                Ok(n) => Key::Number(n),
                Err(_) if !raw.is_empty() => Key::Name(raw),
                Err(_) => return Err("empty variant key".into()),
            };
            self.skip(false);
            variants.push((key, self.pattern(true)?));
        }
        let default = default.ok_or("a select expression needs a `*` default variant")?;
        Ok(Node::Select {
            var,
            variants,
            default,
        })
    }
}

/// Parses one message value (what follows `=`, continuation lines joined by `\n`).
fn parse_value(value: &str) -> Result<Message, String> {
    let mut p = Parser {
        s: value.chars().collect(),
        i: 0,
    };
    p.skip(false);
    Ok(Message(p.pattern(false)?))
}

/// Parses a resource: `(id, message)` pairs in order, and errors for what could not be read
/// (the rest is still returned).
pub fn parse(source: &str) -> (Vec<(String, Message)>, Vec<String>) {
    let lines: Vec<&str> = source.lines().collect();
    let (mut messages, mut errors) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((id, first)) = line
            .split_once('=')
            .filter(|_| !line.starts_with([' ', '\t']))
        else {
            errors.push(format!("line {i}: not a message"));
            continue;
        };
        let id = id.trim();
        let mut value = first.trim_start().to_owned();
        // continuation: indented lines, and the `}` closing a select (Fluent allows it unindented)
        while i < lines.len()
            && (lines[i].starts_with([' ', '\t', '}']))
            && !lines[i].trim().is_empty()
        {
            value.push('\n');
            value.push_str(lines[i].trim());
            i += 1;
        }
        let valid_id = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid_id {
            errors.push(format!("line {i}: bad message id {id:?}"));
            continue;
        }
        match parse_value(&value) {
            Ok(m) => messages.push((id.to_owned(), m)),
            Err(e) => errors.push(format!("{id}: {e}")),
        }
    }
    (messages, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(src: &str) -> Message {
        let (mut msgs, errors) = parse(src);
        assert!(errors.is_empty(), "{errors:?}");
        msgs.remove(0).1
    }

    #[test]
    fn text_variables_and_selects() {
        assert_eq!(one("a = Hello").format("en", &[]), "Hello");
        assert_eq!(
            one("a = Hi { $name }!").format("en", &[("name", "Ann".into())]),
            "Hi Ann!"
        );
        assert_eq!(one("a = Hi { $name }!").format("en", &[]), "Hi {$name}!");
        let m = one("a = In { $n ->\n    [0] no time\n    [one] { $n } second\n   *[other] { $n } seconds\n}.");
        assert_eq!(m.format("en", &[("n", 0i64.into())]), "In no time.");
        assert_eq!(m.format("en", &[("n", 1i64.into())]), "In 1 second.");
        assert_eq!(m.format("en", &[("n", 7i64.into())]), "In 7 seconds.");
        assert_eq!(m.format("ja", &[("n", 1i64.into())]), "In 1 seconds.");
        assert_eq!(m.format("en", &[]), "In {$n} seconds.");
    }

    #[test]
    fn unsupported_or_broken_syntax_is_an_error() {
        for bad in [
            "a = { msg-ref }",
            "a = { $x -> [one] y }",
            "a = oops }",
            "a = { $x",
            "  indented = x",
            "1a = x",
            "no equals",
        ] {
            let (_, errors) = parse(bad);
            assert!(!errors.is_empty(), "{bad:?}");
        }
    }
}
