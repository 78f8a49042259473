// Names a split build's chunks for the build they belong to, and makes the loader refuse a
// chunk of another build (scripts/split.sh runs it on Trunk's staging directory).
//
//   node scripts/hash-chunks.mjs <dir> <stem>      (<stem>: the main module's <bin>-<hash>)
//
// Why: a chunk links into the main module by table and memory offsets, with no check of its
// own, so a chunk of another build instantiates, then calls into the wrong functions (a blank
// page: "RuntimeError: null function"). Chunk names were fixed, so a tab left open across a
// deploy fetched the new build's chunks into the old module.
//
// What it does:
//   1. a build id: the first 16 hex digits of the SHA-256 of the main module and every chunk;
//   2. every chunk `NAME.wasm` becomes `NAME-<build>.wasm`, and the loader `__wasm_split.js`
//      becomes `__wasm_split-<build>.js` (the main module's JS imports it by that name): an
//      old tab asks for its own build's chunks, which a deploy that keeps them still serves,
//      and a missing one is its page's failure state (a 404 is a failed load);
//   3. the loader checks each chunk's length and FNV-1a digest before instantiating it, so
//      that bytes of another build under this build's name (a cache, a bad deploy) are a
//      failed load too, never an instantiated foreign module. FNV, not SHA-256: it needs no
//      secure context (crypto.subtle), and this guards against mistakes, not attackers (the
//      chunks come from the app's own origin, as the main module does).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, stem] = process.argv.slice(2);
if (!dir || !stem) {
  console.error("usage: hash-chunks.mjs <dir> <stem>");
  process.exit(2);
}
const LOADER = "__wasm_split.js";
const files = readdirSync(dir);
if (!files.includes(LOADER)) {
  console.log("hash-chunks: no chunks");
  process.exit(0);
}
const main = `${stem}_bg.wasm`;
const chunks = files.filter((f) => f.endsWith(".wasm") && f !== main).sort();
if (chunks.length === 0) {
  // an app with no split points (the bench's yardstick): its loader is imported by nothing
  console.log("hash-chunks: no chunks");
  process.exit(0);
}

const build = createHash("sha256");
for (const f of [main, ...chunks]) build.update(readFileSync(join(dir, f)));
const id = build.digest("hex").slice(0, 16);

/** FNV-1a (32 bits) of `bytes`, as 8 hex digits: the loader computes the same. */
function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

let loader = readFileSync(join(dir, LOADER), "utf8");
// each chunk's fetcher, as wasm-split-cli writes it:
//   fetch(new URL("./NAME.wasm", import.meta.url)); … WebAssembly.instantiateStreaming(src, imports)
const FETCHER = /fetch\(new URL\("\.\/([A-Za-z0-9_]+)\.wasm", import\.meta\.url\)\);([\s\S]*?)WebAssembly\.instantiateStreaming\(src, imports\)/g;
const named = new Set();
loader = loader.replace(FETCHER, (_, name, between) => {
  const file = `${name}.wasm`;
  if (!chunks.includes(file)) throw new Error(`hash-chunks: the loader fetches ${file}, which is not in ${dir}`);
  named.add(file);
  const bytes = readFileSync(join(dir, file));
  return `fetch(new URL("./${name}-${id}.wasm", import.meta.url));${between}__lrInstantiate(src, imports, ${bytes.length}, "${fnv1a(bytes)}")`;
});
const unnamed = chunks.filter((c) => !named.has(c));
if (unnamed.length) throw new Error(`hash-chunks: no fetcher in the loader for ${unnamed.join(", ")}`);
loader += `
// scripts/hash-chunks.mjs: a chunk is instantiated only if it is this build's
async function __lrInstantiate(src, imports, length, digest) {
    const response = await src;
    if (!response.ok) throw new Error(\`chunk: HTTP \${response.status}\`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
    if (bytes.length !== length || (h >>> 0).toString(16).padStart(8, "0") !== digest) {
        throw new Error("chunk: not this build's");
    }
    return WebAssembly.instantiate(bytes, imports);
}
`;
for (const c of chunks) renameSync(join(dir, c), join(dir, c.replace(/\.wasm$/, `-${id}.wasm`)));
const hashedLoader = `__wasm_split-${id}.js`;
writeFileSync(join(dir, hashedLoader), loader);
rmSync(join(dir, LOADER));

// the main module's JS imports the loader (`import * as importN from "./__wasm_split.js"`);
// its import object keeps the name the wasm was linked with (`"./__wasm_split.js": importN`)
const mainJs = join(dir, `${stem}.js`);
const IMPORT = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
const js = readFileSync(mainJs, "utf8");
if (!IMPORT.test(js)) throw new Error(`hash-chunks: ${stem}.js does not import ./${LOADER}`);
writeFileSync(mainJs, js.replace(IMPORT, `$1"./${hashedLoader}"`));
for (const f of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  if (new RegExp(IMPORT.source).test(readFileSync(join(dir, f), "utf8"))) {
    throw new Error(`hash-chunks: ${f} still imports ${LOADER}`);
  }
}
console.log(`hash-chunks: build ${id}, ${chunks.length} chunks, each checked by its loader`);
