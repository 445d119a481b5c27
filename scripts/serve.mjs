#!/usr/bin/env node
// A tiny static server for the demo site, with no dependencies.
//
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1]
//
// Serves www/ at /, and the repository's pkg/ (the SDK) and examples/ (the SDK example page,
// the policy packs) at /pkg/ and /examples/ where www/ has no such file. --port 0 picks a
// free port. Prints `serving http://HOST:PORT/` once listening (the browser tests read it).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const www = join(root, 'www');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

// Extra response headers by URL path. /csp.html is the widget on a page with a strict
// Content-Security-Policy (no inline scripts or styles), checked by the browser tests.
const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// /screen.html (the park staff page) and its worker: nothing may leave the device, so only
// the page's own files may be loaded or fetched.
const SCREEN_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; " +
  "style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const HEADERS = {
  '/csp.html': { 'Content-Security-Policy': STRICT_CSP },
  '/screen.html': { 'Content-Security-Policy': SCREEN_CSP },
  '/screen-worker.js': { 'Content-Security-Policy': SCREEN_CSP },
};

const port = Number(option('--port', process.env.PORT ?? '8080'));
const host = option('--host', '127.0.0.1');

/** The file for a URL path: www/ first, then the repository for /pkg/ and /examples/. */
async function locate(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const candidates = [[www, join(www, relative)]];
  if (/^(pkg|examples)([/\\]|$)/.test(relative)) candidates.push([root, join(root, relative)]);
  for (let [base, file] of candidates) {
    if (file !== base && !file.startsWith(base + sep)) continue; // outside the served tree
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (info.isFile()) return { file, size: info.size, mtimeMs: info.mtimeMs };
    } catch {
      // try the next candidate
    }
  }
  return null;
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  // A directory without its trailing slash: redirect, so relative links resolve.
  if (!url.pathname.endsWith('/') && !extname(url.pathname)) {
    const found = await locate(url.pathname + '/');
    if (found) {
      response.writeHead(301, { Location: url.pathname + '/' + url.search }).end();
      return;
    }
  }
  const found = await locate(url.pathname);
  if (!found) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  // A validator, so that a returning visitor's browser revalidates (304) instead of fetching
  // everything again, and keeps what it compiled from the .wasm (V8's code cache).
  const etag = `"${found.size.toString(36)}-${Math.round(found.mtimeMs).toString(36)}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' }).end();
    return;
  }
  response.writeHead(200, {
    ETag: etag,
    'Content-Type': TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': found.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(HEADERS[url.pathname] ?? {}),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(found.file).pipe(response);
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  const base = `http://${host}:${actual}/`;
  console.log(`serving ${base}`);
  console.log(`  demo index   ${base}`);
  console.log(`  park website ${base}park.html`);
  console.log(`  bank website ${base}bank.html`);
  console.log(`  bank G (own questions) ${base}bank-g.html`);
  console.log(`  SDK example  ${base}examples/sdk/`);
  console.log(`  strict CSP   ${base}csp.html`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
