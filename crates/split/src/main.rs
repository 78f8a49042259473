//! `loginrocket-split`: Trunk's `post_build` hook for an app built with
//! `leptos-loginrocket`'s `lazy-pages` feature. Trunk has staged its own unsplit build; this
//! replaces it under the same hashed names:
//! 1. `wasm-split-cli` on cargo's raw wasm (linked with `-C link-arg=--emit-relocs`);
//! 2. `wasm-bindgen --keep-lld-exports` on the main module (the chunks link to its exports);
//! 3. `wasm-opt -Oz` on the main module and on every chunk (`-O0` in a debug build);
//! 4. the chunks and their loader named for this build, and each chunk checked by the loader
//!    before it is instantiated ([`chunks`]).
//!
//! It reads what Trunk sets for a hook (`TRUNK_STAGING_DIR`, `TRUNK_PROFILE`,
//! `TRUNK_SOURCE_DIR`) and finds cargo's target directory with `cargo metadata`
//! (`CARGO_TARGET_DIR` wins). The tools come from `PATH`: `wasm-split-cli` (crate
//! `wasm_split_cli_support` 0.2.4, feature `build-binary`), `wasm-bindgen` (the version in the
//! app's `Cargo.lock`) and `wasm-opt` (binaryen 132).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod chunks;

fn main() -> ExitCode {
    match run() {
        Ok(summary) => {
            println!("loginrocket-split: {summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("loginrocket-split: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A directory removed when dropped.
struct WorkDir(PathBuf);

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn run() -> Result<String, String> {
    let stage = PathBuf::from(
        std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or("TRUNK_STAGING_DIR is not set: this is Trunk's post_build hook")?,
    );
    let profile = std::env::var("TRUNK_PROFILE").unwrap_or_else(|_| "release".into());
    let source =
        std::env::var_os("TRUNK_SOURCE_DIR").map_or_else(|| PathBuf::from("."), PathBuf::from);
    let target = target_dir(&source)?;

    // the app Trunk staged: <bin>-<hash>_bg.wasm
    let staged = files(&stage)?
        .into_iter()
        .find(|n| n.ends_with("_bg.wasm"))
        .ok_or_else(|| format!("no wasm staged in {}", stage.display()))?;
    let stem = staged.trim_end_matches("_bg.wasm").to_owned();
    let bin = stem.rsplit_once('-').map_or(stem.as_str(), |(b, _)| b);
    let raw = target
        .join("wasm32-unknown-unknown")
        .join(&profile)
        .join(format!("{bin}.wasm"));
    if !raw.exists() {
        return Err(format!("cargo's wasm is not at {}", raw.display()));
    }

    let work =
        WorkDir(std::env::temp_dir().join(format!("loginrocket-split-{}", std::process::id())));
    let split = work.0.join("split");
    let bindgen = work.0.join("bindgen");
    fs::create_dir_all(&split).map_err(|e| e.to_string())?;

    tool(
        "wasm-split-cli",
        &[
            "--target",
            "web",
            "--out-name",
            &stem,
            path(&raw),
            path(&split),
        ],
    )?;
    tool(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--out-dir",
            path(&bindgen),
            "--out-name",
            &stem,
            path(&split.join(format!("{stem}.wasm"))),
        ],
    )?;
    copy(
        &bindgen.join(format!("{stem}.js")),
        &stage.join(format!("{stem}.js")),
    )?;
    if bindgen.join("snippets").is_dir() {
        copy_dir(&bindgen.join("snippets"), &stage.join("snippets"))?;
    }
    let level = if profile == "release" { "-Oz" } else { "-O0" };
    let main_wasm = format!("{stem}_bg.wasm");
    tool(
        "wasm-opt",
        &[
            level,
            path(&bindgen.join(&main_wasm)),
            "-o",
            path(&stage.join(&main_wasm)),
        ],
    )?;
    let split_files = files(&split)?;
    let chunk_names: Vec<String> = split_files
        .iter()
        .filter(|n| n.ends_with(".wasm") && **n != format!("{stem}.wasm"))
        .cloned()
        .collect();
    for chunk in &chunk_names {
        tool(
            "wasm-opt",
            &[
                level,
                path(&split.join(chunk)),
                "-o",
                path(&stage.join(chunk)),
            ],
        )?;
    }
    // the chunks' loader, when there are chunks, then the build's names and checks
    for js in split_files.iter().filter(|n| n.ends_with(".js")) {
        copy(&split.join(js), &stage.join(js))?;
    }
    if chunk_names.is_empty() || !stage.join(chunks::LOADER).exists() {
        return Ok("no split points: the build is as Trunk made it, optimized".into());
    }
    name_for_build(&stage, &stem, &main_wasm, &chunk_names)
}

/// Step 4 ([`chunks`]) on the staged files.
fn name_for_build(
    stage: &Path,
    stem: &str,
    main_wasm: &str,
    chunk_names: &[String],
) -> Result<String, String> {
    let read = |name: &str| fs::read(stage.join(name)).map_err(|e| format!("{name}: {e}"));
    let mut modules = vec![read(main_wasm)?];
    let mut sorted = chunk_names.to_vec();
    sorted.sort();
    for chunk in &sorted {
        modules.push(read(chunk)?);
    }
    let build = chunks::build_id(modules.iter().map(Vec::as_slice));
    let loader = fs::read_to_string(stage.join(chunks::LOADER)).map_err(|e| e.to_string())?;
    let loader = chunks::rewrite_loader(&loader, &build, &sorted, |name| {
        fs::read(stage.join(format!("{name}.wasm"))).ok()
    })?;
    for chunk in &sorted {
        let named = format!("{}-{build}.wasm", chunk.trim_end_matches(".wasm"));
        fs::rename(stage.join(chunk), stage.join(named)).map_err(|e| e.to_string())?;
    }
    let hashed = format!("__wasm_split-{build}.js");
    fs::write(stage.join(&hashed), loader).map_err(|e| e.to_string())?;
    fs::remove_file(stage.join(chunks::LOADER)).map_err(|e| e.to_string())?;
    let main_js = stage.join(format!("{stem}.js"));
    let js = fs::read_to_string(&main_js).map_err(|e| e.to_string())?;
    let js = chunks::rewrite_import(&js, &hashed)
        .ok_or_else(|| format!("{stem}.js does not import ./{}", chunks::LOADER))?;
    fs::write(&main_js, js).map_err(|e| e.to_string())?;
    for name in files(stage)?.iter().filter(|n| n.ends_with(".js")) {
        let text = fs::read_to_string(stage.join(name)).map_err(|e| e.to_string())?;
        if chunks::imports_loader(&text) {
            return Err(format!("{name} still imports {}", chunks::LOADER));
        }
    }
    Ok(format!(
        "build {build}: the main module and {} chunks, each checked by its loader",
        sorted.len()
    ))
}

/// Cargo's target directory for the app in `source`.
fn target_dir(source: &Path) -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return Ok(PathBuf::from(dir));
    }
    let out = Command::new("cargo")
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(source)
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo metadata: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "cargo metadata names no target directory".into())
}

/// Runs `name` from `PATH` with `args`; its failure is an error that names it.
fn tool(name: &str, args: &[&str]) -> Result<(), String> {
    let status = Command::new(name)
        .args(args)
        .status()
        .map_err(|e| format!("{name}: {e} (is it on PATH?)"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{name} failed ({status})"))
    }
}

/// The file names in `dir`.
fn files(dir: &Path) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.path().is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(drop)
        .map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            copy(&entry.path(), &target)?;
        }
    }
    Ok(())
}
