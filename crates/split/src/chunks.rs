//! Names a split build's chunks for the build they belong to, and makes their loader refuse a
//! chunk of another build.
//!
//! Why: a chunk links into the main module by table and memory offsets, with no check of its
//! own, so a chunk of another build instantiates, then calls into the wrong functions (a blank
//! page). With fixed names, a tab left open across a deploy fetched the new build's chunks
//! into its old module. So:
//! 1. a build id: the first 16 hex digits of the SHA-256 of the main module and every chunk;
//! 2. every chunk `NAME.wasm` becomes `NAME-<build>.wasm`, and the loader `__wasm_split.js`
//!    becomes `__wasm_split-<build>.js` (the main module's JS imports it by that name): an old
//!    tab asks for its own build's chunks, and a missing one is its page's failure state;
//! 3. the loader checks each chunk's length and FNV-1a digest before instantiating it, so
//!    bytes of another build under this build's name (a cache, a bad deploy) are a failed
//!    load too. FNV, not SHA-256: it needs no secure context (`crypto.subtle`), and this
//!    guards against mistakes, not attackers (the chunks come from the app's own origin, as
//!    the main module does).

use sha2::{Digest, Sha256};

/// The loader wasm-split-cli writes, before it is named for its build.
pub const LOADER: &str = "__wasm_split.js";

/// The build id of the main module and its chunks, in this order.
pub fn build_id<'a>(modules: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hash = Sha256::new();
    for bytes in modules {
        hash.update(bytes);
    }
    hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// FNV-1a (32 bits) of `bytes`, as 8 hex digits: the loader computes the same.
pub fn fnv1a(bytes: &[u8]) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// The start of each chunk's fetcher in the loader, up to the chunk's name.
const FETCH: &str = "fetch(new URL(\"./";
/// What follows the chunk's name in its fetcher.
const FETCH_END: &str = ".wasm\", import.meta.url));";
/// How the fetcher instantiates what it fetched.
const INSTANTIATE: &str = "WebAssembly.instantiateStreaming(src, imports)";

/// The check each chunk's fetcher goes through instead of `instantiateStreaming`.
const CHECKED_INSTANTIATE: &str = "
// loginrocket-split: a chunk is instantiated only if it is this build's
async function __lrInstantiate(src, imports, length, digest) {
    const response = await src;
    if (!response.ok) throw new Error(`chunk: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
    if (bytes.length !== length || (h >>> 0).toString(16).padStart(8, \"0\") !== digest) {
        throw new Error(\"chunk: not this build's\");
    }
    return WebAssembly.instantiate(bytes, imports);
}
";

/// The loader with each chunk's fetcher asking for `NAME-<build>.wasm` and checking it
/// before instantiating it. `chunk` gives a chunk's bytes by name (`None`: not in the build,
/// an error); every chunk of `names` must have a fetcher.
pub fn rewrite_loader(
    loader: &str,
    build: &str,
    names: &[String],
    chunk: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<String, String> {
    let mut out = String::with_capacity(loader.len() + CHECKED_INSTANTIATE.len());
    let mut rest = loader;
    let mut fetched = Vec::new();
    while let Some(at) = rest.find(FETCH) {
        let after = &rest[at + FETCH.len()..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        if name.is_empty() || !after[name_len..].starts_with(FETCH_END) {
            // another fetch: kept as it is
            out.push_str(&rest[..at + FETCH.len()]);
            rest = after;
            continue;
        }
        let bytes = chunk(name)
            .ok_or_else(|| format!("the loader fetches {name}.wasm, which is not in the build"))?;
        let between_start = name_len + FETCH_END.len();
        let call = after[between_start..]
            .find(INSTANTIATE)
            .ok_or_else(|| format!("{name}.wasm's fetcher does not instantiate it"))?;
        out.push_str(&rest[..at]);
        out.push_str(&format!("{FETCH}{name}-{build}{FETCH_END}"));
        out.push_str(&after[between_start..between_start + call]);
        out.push_str(&format!(
            "__lrInstantiate(src, imports, {}, \"{}\")",
            bytes.len(),
            fnv1a(&bytes)
        ));
        rest = &after[between_start + call + INSTANTIATE.len()..];
        fetched.push(format!("{name}.wasm"));
    }
    out.push_str(rest);
    let unfetched: Vec<&String> = names.iter().filter(|n| !fetched.contains(n)).collect();
    if !unfetched.is_empty() {
        return Err(format!("no fetcher in the loader for {unfetched:?}"));
    }
    out.push_str(CHECKED_INSTANTIATE);
    Ok(out)
}

/// `js` importing the loader as `hashed` (`from "./__wasm_split.js"`, either quote); the
/// import object's key, the name the wasm was linked with, stays. `None` when `js` has no
/// such import.
pub fn rewrite_import(js: &str, hashed: &str) -> Option<String> {
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    let mut found = false;
    while let Some(at) = rest.find(&format!("./{LOADER}")) {
        let quote = rest[..at].chars().next_back();
        let before = rest[..at.saturating_sub(1)].trim_end();
        let is_import = matches!(quote, Some('"' | '\''))
            && before.ends_with("from")
            && rest[at + LOADER.len() + 2..].starts_with(quote.unwrap_or('"'));
        if is_import {
            out.push_str(&rest[..at - 1]);
            out.push_str(&format!("\"./{hashed}\""));
            rest = &rest[at + LOADER.len() + 3..];
            found = true;
        } else {
            out.push_str(&rest[..at + LOADER.len() + 2]);
            rest = &rest[at + LOADER.len() + 2..];
        }
    }
    out.push_str(rest);
    found.then_some(out)
}

/// Whether `js` still imports the unnamed loader.
pub fn imports_loader(js: &str) -> bool {
    rewrite_import(js, "").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_is_the_loaders() {
        // the values `Math.imul(h ^ b, 0x01000193)` gives in the loader
        assert_eq!(fnv1a(b""), "811c9dc5");
        assert_eq!(fnv1a(b"a"), "e40c292c");
        assert_eq!(fnv1a(b"foobar"), "bf9cf968");
    }

    #[test]
    fn the_build_id_is_the_sha256_of_every_module_in_order() {
        // sha256("abc")
        assert_eq!(build_id([&b"a"[..], b"bc"]), "ba7816bf8f01cfea");
        assert_ne!(build_id([&b"bc"[..], b"a"]), build_id([&b"a"[..], b"bc"]));
    }

    const LOADER_JS: &str = r#"export function __wasm_split_load_a(callbackIndex, callbackData) {
    const src = fetch(new URL("./split_a.wasm", import.meta.url)); const imports = {}; return WebAssembly.instantiateStreaming(src, imports);
}
export function __wasm_split_load_b(callbackIndex, callbackData) {
    const src = fetch(new URL("./split_b.wasm", import.meta.url));
    return WebAssembly.instantiateStreaming(src, imports);
}
"#;

    fn chunk(name: &str) -> Option<Vec<u8>> {
        match name {
            "split_a" => Some(b"a".to_vec()),
            "split_b" => Some(b"foobar".to_vec()),
            _ => None,
        }
    }

    #[test]
    fn each_fetcher_asks_for_its_builds_chunk_and_checks_it() {
        let names = ["split_a.wasm".to_owned(), "split_b.wasm".to_owned()];
        let out = rewrite_loader(LOADER_JS, "0123", &names, chunk).unwrap();
        assert!(out.contains(r#"fetch(new URL("./split_a-0123.wasm", import.meta.url));"#));
        assert!(out.contains(r#"__lrInstantiate(src, imports, 1, "e40c292c")"#));
        assert!(out.contains(r#"fetch(new URL("./split_b-0123.wasm", import.meta.url));"#));
        assert!(out.contains(r#"__lrInstantiate(src, imports, 6, "bf9cf968")"#));
        assert!(out.contains("async function __lrInstantiate"));
        // only the check itself instantiates from bytes
        assert!(!out.contains("instantiateStreaming"));
    }

    #[test]
    fn a_chunk_without_a_fetcher_or_a_fetcher_without_a_chunk_is_an_error() {
        let names = ["split_a.wasm".to_owned(), "split_c.wasm".to_owned()];
        let err = rewrite_loader(LOADER_JS, "0123", &names[..1], |n| {
            (n == "split_a").then(|| b"a".to_vec())
        })
        .unwrap_err();
        assert!(err.contains("split_b.wasm"), "{err}");
        let err = rewrite_loader(LOADER_JS, "0123", &names, chunk).unwrap_err();
        assert!(err.contains("split_c.wasm"), "{err}");
    }

    #[test]
    fn the_main_js_imports_the_named_loader_and_keeps_the_import_objects_key() {
        let js = r#"import * as import1 from "./__wasm_split.js";
import * as import2 from './__wasm_split.js'
const imports = { "./__wasm_split.js": import1 };"#;
        let out = rewrite_import(js, "__wasm_split-0123.js").unwrap();
        assert_eq!(
            out,
            r#"import * as import1 from "./__wasm_split-0123.js";
import * as import2 from "./__wasm_split-0123.js"
const imports = { "./__wasm_split.js": import1 };"#
        );
        assert!(!imports_loader(&out));
        assert!(imports_loader(js));
        assert_eq!(rewrite_import("const x = 1;", "y"), None);
    }
}
