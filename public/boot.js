// Starts the demo's wasm from a file instead of Trunk's inline module script, so the page runs
// under `script-src 'self' 'wasm-unsafe-eval'` with no hash or nonce (R45). Trunk writes the
// hashed file names into this tag's data attributes (`pattern_script` in Trunk.toml).
const tag = document.querySelector("script[data-wasm]");
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
