// Serves a built demo (Trunk's dist/) the way production would: the strict CSP of R45 as a
// header, brotli or gzip when the browser asks, index.html for client-side routes.
//   node e2e/serve.mjs --dir target/e2e-dist --port 4791 --lr http://127.0.0.1:4790
import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: {
    dir: { type: "string" },
    port: { type: "string", default: "4791" },
    lr: { type: "string" },
  },
});
if (!opts.dir || !opts.lr) {
  console.error("usage: serve.mjs --dir DIST --port PORT --lr LOGINROCKET_ORIGIN");
  process.exit(2);
}

// the CSP is written once, in Trunk.toml (what `trunk serve` sends); only the LoginRocket
// origin in connect-src changes
const trunkToml = readFileSync(new URL("../Trunk.toml", import.meta.url), "utf8");
const written = /"Content-Security-Policy" = "([^"]+)"/.exec(trunkToml)?.[1];
if (!written || !written.includes(" http://127.0.0.1:4000")) {
  console.error("serve.mjs: no Content-Security-Policy with the default origin in Trunk.toml");
  process.exit(2);
}
const csp = (lrOrigin) => written.replace(" http://127.0.0.1:4000", ` ${lrOrigin}`);

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

// every file, precompressed once
const files = new Map();
for (const name of readdirSync(opts.dir)) {
  const path = join(opts.dir, name);
  if (!statSync(path).isFile()) continue;
  const raw = readFileSync(path);
  files.set("/" + name, {
    type: types[extname(name)] ?? "application/octet-stream",
    raw,
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(raw, { level: 9 }),
  });
}
if (!files.has("/index.html")) {
  console.error(`no index.html in ${opts.dir}: build it first (scripts/test.sh shows how)`);
  process.exit(2);
}
const policy = csp(new URL(opts.lr).origin);

createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  // client-side routes (no file extension) get the app
  const file = files.get(path) ?? (extname(path) === "" ? files.get("/index.html") : undefined);
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  const accept = req.headers["accept-encoding"] ?? "";
  const [encoding, body] = /\bbr\b/.test(accept)
    ? ["br", file.br]
    : /\bgzip\b/.test(accept)
      ? ["gzip", file.gzip]
      : [undefined, file.raw];
  const headers = {
    "content-type": file.type,
    "content-length": body.length,
    "content-security-policy": policy,
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
    vary: "accept-encoding",
  };
  if (encoding) headers["content-encoding"] = encoding;
  res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
}).listen(Number(opts.port), "127.0.0.1", () => {
  console.log(`serving ${opts.dir} on http://127.0.0.1:${opts.port}/ (CSP connect-src ${opts.lr})`);
});
