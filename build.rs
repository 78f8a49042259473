//! Compiles the shipped catalogs (`locales/*/kit.ftl`) with the kit's own Fluent parser
//! (`crates/ftl`) into the compiled form: the kit then reads them without the parser, and an
//! app that registers no Fluent text of its own carries none.

use std::{env, fs, path::PathBuf};

use loginrocket_ftl::{encode, parse};

/// The shipped locales, as `src/i18n/mod.rs` includes them.
const SHIPPED: [&str; 3] = ["en", "es", "ja"];

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for lang in SHIPPED {
        let path = format!("locales/{lang}/kit.ftl");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (entries, problems) = parse(&text);
        assert!(problems.is_empty(), "{path}: {problems:?}");
        fs::write(out.join(format!("{lang}.ftlc")), encode(&entries))
            .unwrap_or_else(|e| panic!("{lang}.ftlc: {e}"));
    }
}
