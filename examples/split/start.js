// No inline script under the strict CSP: Trunk writes the file names into this tag.
const { js, wasm } = document.querySelector("script[data-wasm]").dataset;
(await import(js)).default({ module_or_path: wasm });
