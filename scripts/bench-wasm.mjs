#!/usr/bin/env node
// µs per evaluate() (the shipped pkg/) and per advise() of the default pack, WASM against
// native.
//
//   node scripts/bench-wasm.mjs [--firm examples/firms/eligible.json] [--no-native] [--json]
//                               [--batches 50] [--per-batch 40]
//
// Run scripts/build-wasm.sh first (pkg/, or $PREQUAL_WASM_PKG); the native side is built
// by cargo here. The advisor's rows use pkg/ (which has it since 2026-11-29); an SDK built
// without it (`--no-default-features`) falls back to $PREQUAL_WASM_ADVISE_PKG, else the test
// build (scripts/build-wasm.sh --vectors); without one they are skipped, with a note.
//
// WASM: the SDK as a page calls it (pack and firm as objects in, report object out), and
// with JSON texts in; the median over batches of the mean per call. Native: the example
// crates/prequal-wasm/examples/bench_native.rs built with `--profile bench`, same inputs,
// same method. The ratio compares the JS call with the native SDK code path (JSON text in,
// JSON text out), and with the bare engine call.
//
// The advisor, on the same pack and firm (its requested_amount), without a payment cap and
// with `maxPayment: 100000`: `advise(pack, firm, request)` and
// `preparePolicy(pack).advise(firm, request)` in WASM; natively `prequal::advise::advise`
// and the SDK's code path (goals: under 5 ms in WASM, under 1 ms natively).
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
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

async function load(dir) {
  const mod = await import(pathToFileURL(join(dir, 'prequal.js')).href);
  mod.initSync({ module: readFileSync(join(dir, 'prequal_bg.wasm')) });
  return mod;
}
const sdk = await load(pkg);

// The advisor's build: the SDK itself once it ships the advisor, else one that has it.
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const advisePkg = sdk.advise ? pkg : (process.env.PREQUAL_WASM_ADVISE_PKG ?? join(targetDir, 'prequal-wasm-vectors', 'pkg'));
const withAdvise = sdk.advise ? sdk : existsSync(join(advisePkg, 'prequal.js')) ? await load(advisePkg) : null;
if (withAdvise && !withAdvise.advise) throw new Error(`${advisePkg} has no advise()`);
if (!withAdvise) {
  console.error(`bench-wasm: advise() rows skipped: the shipped SDK (${pkg}) has no advisor (built ` +
    `without the advise feature) and ${advisePkg} is missing: run scripts/build-wasm.sh --vectors (or --with-advise and set PREQUAL_WASM_ADVISE_PKG)`);
}

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

// The advisor: without a cap and with one.
const CAP = { maxPayment: 100000 };
const advise = withAdvise && (() => {
  const prepared = withAdvise.preparePolicy(pack);
  for (const request of [undefined, CAP]) {
    if (!withAdvise.advise(pack, firm, request).best) throw new Error(`no advice for ${JSON.stringify(request)}`);
  }
  return {
    objects: medianUs(() => { sink += withAdvise.advise(pack, firm).options.length; }),
    prepared: medianUs(() => { sink += prepared.advise(firm).options.length; }),
    objectsCap: medianUs(() => { sink += withAdvise.advise(pack, firm, CAP).options.length; }),
    preparedCap: medianUs(() => { sink += prepared.advise(firm, CAP).options.length; }),
  };
})();

let native = null;
if (!args.includes('--no-native')) {
  const out = execFileSync('cargo', ['run', '--quiet', '--profile', 'bench', '-p', 'prequal-wasm', '--example', 'bench-native', '--',
    join(root, firmPath), String(batches), String(perBatch)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  native = JSON.parse(out.trim().split('\n').pop());
}

const result = {
  firm: firmPath,
  node: process.version,
  wasm_us: {
    evaluate_objects: round(wasm.objects),
    evaluate_texts: round(wasm.texts),
    prepared_evaluate: round(wasm.prepared),
    // null when skipped (no build with the advisor)
    advise_objects: advise && round(advise.objects),
    prepared_advise: advise && round(advise.prepared),
    advise_objects_cap: advise && round(advise.objectsCap),
    prepared_advise_cap: advise && round(advise.preparedCap),
  },
  advise_pkg: advise && relative(root, advisePkg),
  native_us: native && {
    sdk_path: native.sdk,
    core_plus_json: native.core_json,
    core_only: native.core,
    advise_sdk_path: native.advise_sdk,
    advise_core: native.advise_core,
    advise_sdk_path_cap: native.advise_sdk_cap,
    advise_core_cap: native.advise_core_cap,
  },
  ratio: native && {
    objects_vs_native_sdk: round(wasm.objects / native.sdk, 2),
    texts_vs_native_sdk: round(wasm.texts / native.sdk, 2),
    objects_vs_native_core: round(wasm.objects / native.core, 2),
    prepared_vs_native_sdk: round(wasm.prepared / native.sdk, 2),
    advise_objects_vs_native_sdk: advise && round(advise.objects / native.advise_sdk, 2),
    advise_objects_vs_native_core: advise && round(advise.objects / native.advise_core, 2),
  },
  report_bytes: native?.report_bytes,
  advice_bytes: native?.advice_bytes,
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
  const ms = (us) => `${(us / 1000).toFixed(2)} ms`;
  console.log(`advise() of the default pack, the same firm (goal: under 5 ms in WASM, under 1 ms natively)`);
  console.log(`                                                  no cap      maxPayment 100000`);
  const row = (label, a, b) => console.log(`  ${label.padEnd(46)}  ${ms(a).padEnd(10)}  ${ms(b)}`);
  if (advise) {
    row('WASM   advise(pack object, firm object, request)', result.wasm_us.advise_objects, result.wasm_us.advise_objects_cap);
    row('WASM   preparePolicy(pack).advise(firm, request)', result.wasm_us.prepared_advise, result.wasm_us.prepared_advise_cap);
    if (advisePkg !== pkg) console.log(`  (WASM: ${result.advise_pkg}, not the shipped SDK, built without the advisor)`);
  } else {
    console.log('  WASM   skipped: no build with the advisor (scripts/build-wasm.sh --vectors)');
  }
  if (native) {
    row('native same path (JSON texts in, JSON out)', native.advise_sdk, native.advise_sdk_cap);
    row('native prequal::advise::advise only', native.advise_core, native.advise_core_cap);
    if (advise) {
      console.log(`  ratio WASM (objects, no cap) / native same path: ${result.ratio.advise_objects_vs_native_sdk}×` +
        ` (vs bare engine: ${result.ratio.advise_objects_vs_native_core}×)`);
    }
  }
}
