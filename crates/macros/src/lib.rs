//! The `ftl!` macro of **leptos-loginrocket**, re-exported there as
//! `leptos_loginrocket::ftl!` (use it from there; its documentation and examples are
//! there too).
//!
//! It reads a `.ftl` file while the app builds, checks its syntax with the kit's own Fluent
//! parser and expands to the file's entries in the compiled form the kit reads at run time,
//! so the app's wasm needs no parser. A syntax error is a compile error that names the file
//! and the line.

#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use proc_macro::{Delimiter, Literal, TokenStream, TokenTree};

/// `ftl!("locales/fr/kit.ftl")`: the Fluent file at that path, relative to the crate's
/// `Cargo.toml`, compiled. An expression of type `leptos_loginrocket::i18n::CompiledFtl`,
/// usable in a `const`.
#[proc_macro]
pub fn ftl(input: TokenStream) -> TokenStream {
    match compile(input) {
        Ok(tokens) => tokens,
        Err(message) => format!("::core::compile_error!({message:?})")
            .parse()
            .unwrap_or_default(),
    }
}

fn compile(input: TokenStream) -> Result<TokenStream, String> {
    let relative = path_literal(input)
        .ok_or("ftl! takes one string literal: the .ftl file's path from Cargo.toml's folder")?;
    let root =
        std::env::var_os("CARGO_MANIFEST_DIR").ok_or("ftl!: CARGO_MANIFEST_DIR is not set")?;
    let (path, compiled) = compile_file(Path::new(&root), &relative)?;
    let absolute = Literal::string(&path.to_string_lossy());
    let bytes = Literal::byte_string(&compiled);
    // include_bytes! only so that cargo builds again when the file changes
    format!(
        "{{ const _: &[u8] = ::core::include_bytes!({absolute}); \
         ::leptos_loginrocket::i18n::CompiledFtl::__from_ftl_macro({bytes}) }}"
    )
    .parse()
    .map_err(|e| format!("ftl!: {e}"))
}

/// The file `relative` to `root`, read, checked and compiled: its path and the compiled
/// bytes, or the message of the compile error (each problem with `file:line`).
fn compile_file(root: &Path, relative: &str) -> Result<(PathBuf, Vec<u8>), String> {
    let path = root.join(relative);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("ftl!: cannot read {}: {e}", path.display()))?;
    let (entries, problems) = loginrocket_ftl::parse(&text);
    if !problems.is_empty() {
        let lines: Vec<String> = problems
            .iter()
            .map(|(line, problem)| format!("{relative}:{line}: {problem}"))
            .collect();
        return Err(format!(
            "Fluent that the kit cannot read:\n{}",
            lines.join("\n")
        ));
    }
    Ok((path, loginrocket_ftl::encode(&entries)))
}

/// The text of the one plain string literal `input` holds (also when a `macro_rules!`
/// passes it through in an invisible group).
fn path_literal(input: TokenStream) -> Option<String> {
    let mut tokens = input.into_iter();
    let token = tokens.next()?;
    if tokens.next().is_some() {
        return None;
    }
    match token {
        TokenTree::Group(g) if g.delimiter() == Delimiter::None => path_literal(g.stream()),
        TokenTree::Literal(lit) => {
            let text = lit.to_string();
            let inner = text.strip_prefix('"')?.strip_suffix('"')?;
            (!inner.contains('\\')).then(|| inner.to_owned())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(file: &str, text: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("ftl-macro-test-{}-{file}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(file), text).unwrap();
        dir
    }

    #[test]
    fn a_file_compiles_to_what_the_kit_decodes() {
        let text = "-brand = Acme\nhello = Hi { $name }, from { -brand }!\n    .title = Hello\n";
        let dir = dir_with("ok.ftl", text);
        let (path, bytes) = compile_file(&dir, "ok.ftl").unwrap();
        assert_eq!(path, dir.join("ok.ftl"));
        assert_eq!(
            loginrocket_ftl::decode(&bytes),
            Some(loginrocket_ftl::parse(text).0)
        );
    }

    #[test]
    fn a_syntax_error_names_the_file_and_line() {
        let dir = dir_with("bad.ftl", "ok = fine\nbad = { $x\n");
        let message = compile_file(&dir, "bad.ftl").unwrap_err();
        assert!(message.contains("\nbad.ftl:2: "), "{message}");
        let message = compile_file(&dir, "missing.ftl").unwrap_err();
        assert!(message.starts_with("ftl!: cannot read "), "{message}");
    }
}
