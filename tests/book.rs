//! The book and the repository's Markdown, checked against what they describe so they can't
//! drift: the token table is the stylesheet's tokens, the key list is the
//! English catalog, every chapter is in the book's summary and every Rust snippet of it is a
//! doctest, and every relative link points at a file that exists.
//!
//! `UPDATE_DOCS=1 cargo test --test book` rewrites the generated tables; read the diff before
//! committing it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text between `<!-- NAME:start -->` and `<!-- NAME:end -->` of `path` must be
/// `generated`; `UPDATE_DOCS=1` writes it there.
fn expect_generated(path: &str, name: &str, generated: &str) {
    let text = read(path);
    let (start, end) = (
        format!("<!-- {name}:start -->\n"),
        format!("<!-- {name}:end -->"),
    );
    let from = text.find(&start).map(|i| i + start.len());
    let to = text.find(&end);
    let (Some(from), Some(to)) = (from, to) else {
        panic!("{path} has no {start:?} … {end:?} block");
    };
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let updated = format!("{}{generated}{}", &text[..from], &text[to..]);
        std::fs::write(root().join(path), updated).expect("writable");
        return;
    }
    assert_eq!(
        &text[from..to],
        generated,
        "{path}'s {name} table is out of date: run UPDATE_DOCS=1 cargo test --test book"
    );
}

/// The `--lr-…` declarations of the first block that starts after `marker` in `css`.
fn tokens_after(css: &str, marker: &str) -> Vec<(String, String)> {
    let at = css.find(marker).unwrap_or_else(|| panic!("no {marker:?}"));
    let block = &css[at..];
    let block = &block[block.find('{').expect("a block") + 1..];
    let block = &block[..block.find('}').expect("the block's end")];
    block
        .lines()
        .filter_map(|l| l.trim().strip_prefix("--lr-"))
        .map(|l| {
            let (name, value) = l.split_once(':').expect("a declaration");
            let value = value.trim().trim_end_matches(';');
            (format!("--lr-{name}"), value.to_owned())
        })
        .collect()
}

/// Which tokens go together: a colour and what is drawn on it. Set both, in light and in
/// dark, or neither.
const GOES_WITH: &[(&str, &str)] = &[
    (
        "--lr-color-accent",
        "`--lr-color-accent-text` (the submit button)",
    ),
    ("--lr-color-accent-text", "`--lr-color-accent`"),
    (
        "--lr-color-danger",
        "`--lr-color-danger-surface` (the alert)",
    ),
    ("--lr-color-danger-surface", "`--lr-color-danger`"),
    (
        "--lr-color-text",
        "`--lr-color-surface`, `--lr-color-card`, `--lr-color-info-surface`",
    ),
    (
        "--lr-color-muted",
        "`--lr-color-surface`, `--lr-color-card`",
    ),
    (
        "--lr-color-surface",
        "`--lr-color-text`, `--lr-color-muted`, `--lr-color-focus`",
    ),
    (
        "--lr-color-card",
        "`--lr-color-text`, `--lr-color-muted`, `--lr-color-card-border`, `--lr-color-focus`",
    ),
    ("--lr-color-card-border", "`--lr-color-card`"),
    (
        "--lr-color-info-surface",
        "`--lr-color-text` (the page notice)",
    ),
    (
        "--lr-color-focus",
        "`--lr-color-surface`, `--lr-color-card`",
    ),
    ("--lr-color-border", "`--lr-color-surface` (input borders)"),
];

#[test]
fn the_theming_chapters_token_table_is_the_stylesheets() {
    let css = read("style/loginrocket.css");
    let light = tokens_after(&css, ":root {");
    let dark = tokens_after(&css, "@media (prefers-color-scheme: dark)");
    assert!(light.len() >= 15 && dark.len() >= 10, "{light:?} {dark:?}");
    let mut table = String::from("| token | light | dark | goes with |\n|---|---|---|---|\n");
    for (name, value) in &light {
        let dark = dark
            .iter()
            .find(|(n, _)| n == name)
            .map_or("same".to_owned(), |(_, v)| format!("`{v}`"));
        let with = GOES_WITH
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, w)| w);
        table.push_str(&format!("| `{name}` | `{value}` | {dark} | {with} |\n"));
    }
    for (name, _) in &dark {
        assert!(
            light.iter().any(|(n, _)| n == name),
            "{name} is set in dark only"
        );
    }
    for (name, _) in GOES_WITH {
        assert!(light.iter().any(|(n, _)| n == name), "{name} is no token");
    }
    expect_generated("docs/book/src/tokens.md", "tokens", &table);
}

#[test]
fn the_key_list_is_the_english_catalog() {
    let ftl = read("locales/en/kit.ftl");
    let (entries, problems) = loginrocket_ftl::parse(&ftl);
    assert!(problems.is_empty(), "{problems:?}");
    let mut out = String::new();
    let mut rows = 0;
    let mut lines = ftl.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(group) = line.strip_prefix("## ") {
            // a group comment: a heading, with its continuation lines
            let mut text = group.to_owned();
            while let Some(more) = lines.peek().and_then(|l| l.strip_prefix("## ")) {
                text.push(' ');
                text.push_str(more);
                lines.next();
            }
            out.push_str(&format!("\n**{text}**\n\n| key | English |\n|---|---|\n"));
        } else if let Some((key, value)) = line
            .split_once(" = ")
            .filter(|_| !line.starts_with([' ', '#', '-']) && !line.is_empty())
        {
            let mut text = value.to_owned();
            // a pattern goes on on indented lines, and a select's closing brace may be at the
            // line's start
            while let Some(more) = lines.peek().filter(|l| l.starts_with([' ', '}'])) {
                text.push(' ');
                text.push_str(more.trim());
                lines.next();
            }
            assert!(entries.iter().any(|(id, _)| id == key), "{key}");
            out.push_str(&format!("| `{key}` | `{}` |\n", text.replace('|', "\\|")));
            rows += 1;
        }
    }
    let messages = entries
        .iter()
        .filter(|(id, _)| !id.starts_with('-'))
        .count();
    assert_eq!(
        rows, messages,
        "every message of the catalog is listed once"
    );
    expect_generated("docs/book/src/keys.md", "keys", &out);
}

fn markdown_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [
        "README.md",
        "CHANGELOG.md",
        "CONTRIBUTING.md",
        "ARCHITECTURE.md",
    ]
    .iter()
    .map(|p| root().join(p))
    .collect();
    for dir in ["docs", "docs/book/src"] {
        for entry in std::fs::read_dir(root().join(dir)).expect(dir) {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_relative_link_of_the_markdown_points_at_a_file() {
    let mut checked = 0;
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).expect("readable");
        let mut in_code = false;
        for line in text.lines() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
            }
            if in_code {
                continue;
            }
            for part in line.split("](").skip(1) {
                let Some(target) = part.split(')').next() else {
                    continue;
                };
                let target = target.split('#').next().unwrap_or_default();
                if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let path = file.parent().expect("a folder").join(target);
                assert!(path.exists(), "{}: {target} does not exist", file.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "{checked}");
}

#[test]
fn every_chapter_is_in_the_summary_and_every_rust_snippet_is_a_doctest() {
    let summary = read("docs/book/src/SUMMARY.md");
    let lib = read("src/lib.rs");
    for entry in std::fs::read_dir(root().join("docs/book/src")).expect("the book") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        if name == "SUMMARY.md" || !name.ends_with(".md") {
            continue;
        }
        assert!(
            summary.contains(&format!("]({name})")),
            "{name} is not in SUMMARY.md"
        );
        let text = std::fs::read_to_string(&path).expect("readable");
        if text.contains("```rust") {
            assert!(
                lib.contains(&format!(": \"{name}\"")),
                "{name} has Rust snippets: include it as a doctest in src/lib.rs"
            );
        }
    }
}

#[test]
fn the_emulator_chapter_has_every_seed_user_and_every_control_call() {
    let chapter = read("docs/book/src/emulator.md");
    let seed = read("emulator/seed/demo.toml");
    let emails: Vec<&str> = seed
        .lines()
        .filter_map(|l| l.strip_prefix("email = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(emails.len() >= 4, "{emails:?}");
    for email in emails {
        assert!(
            chapter.contains(&format!("`{email}`")),
            "{email} is not in the chapter"
        );
    }
    // the control API's table in the emulator's crate docs, row for row
    let lib = read("emulator/src/lib.rs");
    let rows: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("//! | `"))
        .collect();
    assert!(rows.len() >= 10, "{rows:?}");
    for row in rows {
        assert!(
            chapter.contains(&format!("| `{row}")),
            "the chapter lacks the control call | `{row}"
        );
    }
}
