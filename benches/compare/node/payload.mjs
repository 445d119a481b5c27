#!/usr/bin/env node
// Widget payload side by side (issue 6): what a browser downloads for <prequal-widget>
// (scripts/size-widget.sh: engine .wasm, its JS glue, the loader and the CSS, each gzip -9)
// against the GoRules ZEN packages for browsers, measured from their npm tarballs:
//
//   @gorules/zen-engine-wasm32-wasi  the full engine (decision graphs) for browsers:
//                                    the .wasm, its browser loader and its worker.
//                                    Its runtime dependency @napi-rs/wasm-runtime is NOT
//                                    counted, so ZEN's figure is a lower bound.
//   @gorules/zen-engine-wasm         the expression-only engine (no decision tables):
//                                    the .wasm and its JS.
//
//   node benches/compare/node/payload.mjs [--json]     # run scripts/build-widget.sh first
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const json = process.argv.includes('--json');

/** Pinned like every other dependency of the comparison. */
const ZEN_PACKAGES = [
  {
    key: 'zen_full',
    name: '@gorules/zen-engine-wasm32-wasi',
    version: '0.52.1',
    what: 'ZEN full engine for browsers (WASI; needs SharedArrayBuffer)',
    files: ['zen-engine.wasm32-wasi.wasm', 'zen-engine.wasi-browser.js', 'wasi-worker-browser.mjs'],
  },
  {
    key: 'zen_expression',
    name: '@gorules/zen-engine-wasm',
    version: '0.23.1',
    what: 'ZEN expression-only engine (no decision tables)',
    files: ['dist/zen_engine_wasm_bg.wasm', 'dist/zen_engine_wasm.js', 'index.js', 'util/index.js', 'util/variable-type.js'],
  },
];

const gzipSize = (path) => execFileSync('gzip', ['-9', '-n', '-c', path], { maxBuffer: 1 << 30 }).length;
const rawSize = (path) => readFileSync(path).length;

function measure(files, base) {
  const rows = files.map((f) => ({ file: f, raw: rawSize(join(base, f)), gzip: gzipSize(join(base, f)) }));
  return { files: rows, raw: rows.reduce((s, r) => s + r.raw, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0) };
}

// prequal: exactly the files size-widget.sh counts.
const widgetFiles = ['www/pkg/prequal_widget_bg.wasm', 'www/pkg/prequal_widget.js', 'www/prequal-widget.js', 'www/prequal-widget.css'];
const prequal = { what: '<prequal-widget>: engine, glue, loader, CSS', ...measure(widgetFiles, root) };

const tmp = mkdtempSync(join(tmpdir(), 'zen-pack-'));
const result = { prequal };
try {
  for (const p of ZEN_PACKAGES) {
    const dir = join(tmp, p.key);
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('npm', ['pack', '--silent', `${p.name}@${p.version}`], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    execFileSync('tar', ['-xzf', tarball], { cwd: dir });
    result[p.key] = { what: p.what, package: `${p.name}@${p.version}`, ...measure(p.files, join(dir, 'package')) };
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
result.ratio = {
  zen_full_over_prequal: result.zen_full.gzip / prequal.gzip,
  zen_expression_over_prequal: result.zen_expression.gzip / prequal.gzip,
};

if (json) {
  console.log(JSON.stringify(result));
} else {
  const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
  for (const key of ['prequal', 'zen_full', 'zen_expression']) {
    const r = result[key];
    console.log(`${r.what}${r.package ? ` (${r.package})` : ''}: ${kib(r.raw)} raw, ${kib(r.gzip)} gzip -9`);
  }
  console.log(`prequal is 1/${result.ratio.zen_full_over_prequal.toFixed(1)} of ZEN's browser engine (gzip)`);
}
