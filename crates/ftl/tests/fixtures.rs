//! The parser, fixture files in and expected output out (as fluent-syntax is tested): each
//! `tests/fixtures/<name>.ftl` is parsed, and its entries and problems, one a line, must be
//! `tests/fixtures/<name>.expected`; the compiled form gives the same entries back.
//! `UPDATE_FIXTURES=1 cargo test -p loginrocket-ftl --test fixtures` writes the expected
//! files, to be read before they are committed.

use std::path::{Path, PathBuf};

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
        let got = render(&source);
        let expected = path.with_extension("expected");
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::write(&expected, &got).expect("writable");
        }
        let want = std::fs::read_to_string(&expected).unwrap_or_else(|_| {
            panic!(
                "{} is missing: run with UPDATE_FIXTURES=1",
                expected.display()
            )
        });
        assert_eq!(got, want, "{}", path.display());
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
