//! The engine, fixture files in and expected output out (as fluent-syntax and fluent-bundle
//! are tested). Each `tests/fixtures/<name>.ftl`:
//! - is parsed, and its entries and problems, one a line, must be `<name>.expected`; the
//!   compiled form gives the same entries back;
//! - is formatted, every message and attribute with English plural rules and a few sets of
//!   arguments, and the output must be `<name>.formatted`.
//!
//! `UPDATE_FIXTURES=1 cargo test -p loginrocket-ftl --test fixtures` writes the expected
//! files, to be read before they are committed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use loginrocket_ftl::{plural, Arg, Bundle};

/// What the parser makes of `source`: each entry, then each problem with its line.
fn render(source: &str) -> String {
    let (entries, problems) = loginrocket_ftl::parse(source);
    let mut out = String::new();
    for (id, entry) in &entries {
        out.push_str(&format!("{id} = {entry:?}\n"));
    }
    for (line, problem) in &problems {
        out.push_str(&format!("line {line}: {problem}\n"));
    }
    out
}

/// The arguments each message is formatted with: none, then numbers on each side of the
/// English plural rules (whole and decimal) with a text argument.
fn argument_sets() -> Vec<Vec<(&'static str, Arg<'static>)>> {
    let mut sets = vec![vec![]];
    for n in [Arg::from(0), Arg::from(1), Arg::from(2), Arg::from(1.5)] {
        sets.push(vec![("seconds", n), ("field", Arg::from("Campo"))]);
    }
    sets
}

/// What the resolver prints for each message and attribute of `source`, with each set of
/// arguments; terms are not formatted on their own.
fn formatted(source: &str) -> String {
    let (entries, _) = loginrocket_ftl::parse(source);
    let keys: Vec<String> = entries
        .iter()
        .filter(|(id, _)| !id.starts_with('-'))
        .flat_map(|(id, entry)| {
            let value = entry.value.as_ref().map(|_| id.clone());
            let attrs = entry.attrs.iter().map(move |(a, _)| format!("{id}.{a}"));
            value.into_iter().chain(attrs)
        })
        .collect();
    let entries: HashMap<String, _> = entries.into_iter().collect();
    let plurals = plural::EN.parse().expect("English rules");
    let bundle = Bundle {
        entries: &entries,
        plurals: &plurals,
    };
    let mut out = String::new();
    for key in keys {
        for args in argument_sets() {
            let shown: Vec<String> = args.iter().map(|(k, v)| format!("{k}={v:?}")).collect();
            let text = bundle.format(&key, &args).expect("a key of the bundle");
            out.push_str(&format!("{key} [{}] = {text:?}\n", shown.join(" ")));
        }
    }
    out
}

/// `got` against the expected file `path`, which `UPDATE_FIXTURES=1` writes.
fn expect_file(got: &str, path: &Path) {
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, got).expect("writable");
    }
    let want = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_FIXTURES=1", path.display()));
    assert_eq!(got, want, "{}", path.display());
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "ftl").then_some(path)
        })
        .collect();
    paths.sort();
    paths
}

#[test]
fn every_fixture_parses_as_expected_and_round_trips() {
    let paths = fixtures();
    assert!(paths.len() >= 3, "{paths:?}");
    for path in paths {
        let source = std::fs::read_to_string(&path).expect("readable");
        expect_file(&render(&source), &path.with_extension("expected"));
        let (entries, _) = loginrocket_ftl::parse(&source);
        let bytes = loginrocket_ftl::encode(&entries);
        assert_eq!(
            loginrocket_ftl::decode(&bytes),
            Some(entries),
            "{} round trip",
            path.display()
        );
    }
}

#[test]
fn every_fixture_formats_as_expected() {
    for path in fixtures() {
        let source = std::fs::read_to_string(&path).expect("readable");
        expect_file(&formatted(&source), &path.with_extension("formatted"));
    }
}
