//! Compiles the shipped catalogs (`locales/*/kit.ftl`) with the kit's own Fluent parser into
//! the form `src/i18n/fluent/codec.rs` reads: the kit then reads them without the parser, and
//! an app that registers no Fluent of its own carries none.

use std::{env, fs, path::PathBuf};

#[allow(dead_code)]
#[path = "src/i18n/fluent/syntax.rs"]
mod syntax;

#[allow(dead_code)]
#[path = "src/i18n/fluent/codec.rs"]
mod codec;

/// The shipped locales, as `src/i18n/mod.rs` includes them.
const SHIPPED: [&str; 3] = ["en", "es", "ja"];

fn main() {
    println!("cargo:rerun-if-changed=src/i18n/fluent/syntax.rs");
    println!("cargo:rerun-if-changed=src/i18n/fluent/codec.rs");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for lang in SHIPPED {
        let path = format!("locales/{lang}/kit.ftl");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (entries, problems) = syntax::parse(&text);
        assert!(problems.is_empty(), "{path}: {problems:?}");
        fs::write(out.join(format!("{lang}.ftlc")), codec::encode(&entries))
            .unwrap_or_else(|e| panic!("{lang}.ftlc: {e}"));
    }
}
