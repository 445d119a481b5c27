#!/usr/bin/env node
// µs per evaluate() of the default pack, WASM (the shipped pkg/) against native.
//
//   node scripts/bench-wasm.mjs [--firm examples/firms/eligible.json] [--no-native] [--json]
//
// WASM: the SDK as a page calls it (pack and firm as objects in, report object out), and
// with JSON texts in; the median over batches of the mean per call. Native: the example
// crates/prequal-wasm/examples/bench_native.rs built with `--profile bench`, same inputs,
// same method. The ratio compares the JS call with the native SDK code path (JSON text in,
// JSON text out), and with the bare engine call.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const firmPath = option('--firm', 'examples/firms/eligible.json');
const batches = Number(option('--batches', 50));
const perBatch = Number(option('--per-batch', 40));
const pkg = process.env.PREQUAL_WASM_PKG ?? join(root, 'pkg');

const sdk = await import(pathToFileURL(join(pkg, 'prequal.js')).href);
sdk.initSync({ module: readFileSync(join(pkg, 'prequal_bg.wasm')) });

/** Median over batches of the mean µs per call within a batch. */
function medianUs(f) {
  for (let i = 0; i < Math.max(perBatch, 200); i++) f(); // warm up (JIT, tiering, allocator)
  const means = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) f();
    means.push(((performance.now() - start) * 1000) / perBatch);
  }
  means.sort((a, b) => a - b);
  return means[Math.floor(means.length / 2)];
}

const firmText = readFileSync(join(root, firmPath), 'utf8');
const firm = JSON.parse(firmText);
const pack = sdk.defaultPolicy();
const packText = JSON.stringify(pack);
let sink = 0;
const wasm = {
  objects: medianUs(() => { sink += sdk.evaluate(pack, firm).quotes.length; }),
  texts: medianUs(() => { sink += sdk.evaluate(packText, firmText).quotes.length; }),
  prepared: (() => {
    const prepared = sdk.preparePolicy(pack);
    return medianUs(() => { sink += prepared.evaluate(firm).quotes.length; });
  })(),
};
if (sink === 0) throw new Error('no quotes');

let native = null;
if (!args.includes('--no-native')) {
  const out = execFileSync('cargo', ['run', '--quiet', '--profile', 'bench', '-p', 'prequal-wasm', '--example', 'bench-native', '--',
    join(root, firmPath), String(batches), String(perBatch)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  native = JSON.parse(out.trim().split('\n').pop());
}

const result = {
  firm: firmPath,
  node: process.version,
  wasm_us: { evaluate_objects: round(wasm.objects), evaluate_texts: round(wasm.texts), prepared_evaluate: round(wasm.prepared) },
  native_us: native && { sdk_path: native.sdk, core_plus_json: native.core_json, core_only: native.core },
  ratio: native && {
    objects_vs_native_sdk: round(wasm.objects / native.sdk, 2),
    texts_vs_native_sdk: round(wasm.texts / native.sdk, 2),
    objects_vs_native_core: round(wasm.objects / native.core, 2),
    prepared_vs_native_sdk: round(wasm.prepared / native.sdk, 2),
  },
  report_bytes: native?.report_bytes,
};

function round(x, places = 1) {
  return Math.round(x * 10 ** places) / 10 ** places;
}

if (args.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  console.log(`evaluate() of the default pack, firm ${firmPath} (median of ${batches} batches × ${perBatch} calls, ${process.version})`);
  console.log(`  WASM   evaluate(pack object, firm object) → report object  ${result.wasm_us.evaluate_objects} µs`);
  console.log(`  WASM   evaluate(pack JSON, firm JSON)     → report object  ${result.wasm_us.evaluate_texts} µs`);
  console.log(`  WASM   preparePolicy(pack).evaluate(firm object) → report   ${result.wasm_us.prepared_evaluate} µs`);
  if (native) {
    console.log(`  native same path (firm JSON → report JSON, pack cached)    ${native.sdk} µs`);
    console.log(`  native prequal::evaluate + serde_json::to_string           ${native.core_json} µs`);
    console.log(`  native prequal::evaluate only                              ${native.core} µs`);
    console.log(`  ratio WASM (objects) / native same path: ${result.ratio.objects_vs_native_sdk}×` +
      ` (texts: ${result.ratio.texts_vs_native_sdk}×; vs bare engine: ${result.ratio.objects_vs_native_core}×)`);
  }
}
