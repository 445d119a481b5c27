#!/usr/bin/env node
// Side by side in Node (issue 6): the prequal WASM SDK's full evaluate() (every product of
// the bundled pack: verdicts, limits, rates, schedules, APRs) against json-rules-engine
// running only the eligibility rules of one product (park-credit-loan), on the same firms.
//
//   node benches/compare/node/compare.mjs --firms FIRMS.json [--pkg DIR] [--batches N] [--json]
//
// FIRMS.json is written by `cargo run --profile bench --example check` in benches/compare:
// the typical firm and the 1,000 seeded tenants, with prequal's native verdicts. Before
// timing, both engines must agree with those verdicts on every firm (prequal's
// "needs_info" counts as not eligible for json-rules-engine, whose rules fail a criterion
// whose fact is missing); otherwise this exits 1.
//
// Each figure: the median, min and max over batches of the mean time per evaluation in a
// batch. json-rules-engine's run() is async; each run is awaited before the next starts
// (one firm at a time, as a request handler would).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createEngine, jreEligible } from './jre-facts.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const firmsPath = option('--firms', join(root, 'benches/compare/target/compare/firms.json'));
const pkg = option('--pkg', process.env.PREQUAL_WASM_PKG ?? join(root, 'pkg'));
const batches = Number(option('--batches', 15));

const data = JSON.parse(readFileSync(firmsPath, 'utf8'));
const { product, as_of: asOf, firms, verdicts } = data;
const sdk = await import(pathToFileURL(join(pkg, 'prequal.js')).href);
sdk.initSync({ module: readFileSync(join(pkg, 'prequal_bg.wasm')) });
const pack = sdk.defaultPolicy();
const engine = createEngine();
const withDate = firms.map((f) => ({ ...f, as_of: asOf }));

// Same verdicts before any timing.
const wasmVerdict = (firm) => sdk.evaluate(pack, firm).quotes.find((q) => q.product === product)?.verdict;
// The SDK's eligibility-only call, with the pack read once (preparePolicy).
const prepared = sdk.preparePolicy(pack);
const wrong = [];
for (let i = 0; i < firms.length; i++) {
  const ours = wasmVerdict(firms[i]);
  if (ours !== verdicts[i]) wrong.push(`firm #${i + 1}: WASM ${ours}, native ${verdicts[i]}`);
  const only = prepared.eligibility(product, firms[i]);
  if (only !== verdicts[i]) wrong.push(`firm #${i + 1}: WASM eligibility() ${only}, native ${verdicts[i]}`);
  const theirs = await jreEligible(engine, withDate[i]);
  if (theirs !== (verdicts[i] === 'eligible')) {
    wrong.push(`firm #${i + 1}: json-rules-engine ${theirs ? 'eligible' : 'not eligible'}, prequal ${verdicts[i]}: ${JSON.stringify(withDate[i])}`);
  }
}
if (wrong.length > 0) {
  for (const line of wrong.slice(0, 20)) console.error(`  ${line}`);
  console.error(`compare.mjs: ${wrong.length} disagreements on ${firms.length} firms; no figure is valid`);
  process.exit(1);
}

/** Median, min and max over batches of the mean µs per evaluation. */
async function time(label, evaluations, batch) {
  for (let i = 0; i < 3; i++) await batch(); // warm up: JIT tiers, allocator, caches
  const means = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    await batch();
    means.push(((performance.now() - start) * 1000) / evaluations);
  }
  means.sort((x, y) => x - y);
  const median = means[Math.floor(means.length / 2)];
  return { label, runs: batches, evaluations_per_run: evaluations, us: { median, min: means[0], max: means[means.length - 1] }, per_second: 1e6 / median };
}

let sink = 0;
const typical = firms[0];
const typicalFacts = withDate[0];
const tenants = firms.slice(1);
const tenantFacts = withDate.slice(1);
const REPEAT = 200;
const results = {
  node: process.version,
  json_rules_engine: JSON.parse(readFileSync(new URL('./node_modules/json-rules-engine/package.json', import.meta.url), 'utf8')).version,
  product,
  firms: firms.length,
  agreement: `${firms.length}/${firms.length}`,
  wasm_evaluate_typical: await time('WASM evaluate(), all 3 products, typical firm', REPEAT, () => {
    for (let i = 0; i < REPEAT; i++) sink += sdk.evaluate(pack, typical).quotes.length;
  }),
  jre_eligibility_typical: await time('json-rules-engine, park-credit-loan eligibility, typical firm', REPEAT, async () => {
    for (let i = 0; i < REPEAT; i++) sink += (await jreEligible(engine, typicalFacts)) ? 1 : 0;
  }),
  wasm_evaluate_tenants: await time('WASM evaluate(), all 3 products, 1,000 tenants', tenants.length, () => {
    for (const f of tenants) sink += sdk.evaluate(pack, f).quotes.length;
  }),
  jre_eligibility_tenants: await time('json-rules-engine, park-credit-loan eligibility, 1,000 tenants', tenants.length, async () => {
    for (const f of tenantFacts) sink += (await jreEligible(engine, f)) ? 1 : 0;
  }),
  wasm_eligibility_typical: await time('WASM preparePolicy().eligibility(), park-credit-loan, typical firm', REPEAT, () => {
    for (let i = 0; i < REPEAT; i++) sink += prepared.eligibility(product, typical) === 'eligible' ? 1 : 0;
  }),
  wasm_eligibility_tenants: await time('WASM preparePolicy().eligibility(), park-credit-loan, 1,000 tenants', tenants.length, () => {
    for (const f of tenants) sink += prepared.eligibility(product, f) === 'eligible' ? 1 : 0;
  }),
};
if (sink === 0) throw new Error('nothing evaluated');
results.ratio = {
  typical: results.jre_eligibility_typical.us.median / results.wasm_evaluate_typical.us.median,
  tenants: results.jre_eligibility_tenants.us.median / results.wasm_evaluate_tenants.us.median,
  eligibility_typical: results.jre_eligibility_typical.us.median / results.wasm_eligibility_typical.us.median,
  eligibility_tenants: results.jre_eligibility_tenants.us.median / results.wasm_eligibility_tenants.us.median,
};

if (args.includes('--json')) {
  console.log(JSON.stringify(results));
} else {
  console.log(`${product}: WASM and json-rules-engine agree with native prequal on all ${firms.length} firms (${process.version})`);
  for (const r of Object.values(results).filter((r) => r && r.us)) {
    console.log(`  ${r.label.padEnd(64)} ${r.us.median.toFixed(1).padStart(8)} µs (${r.us.min.toFixed(1)}–${r.us.max.toFixed(1)})  ${Math.round(r.per_second)}/s`);
  }
  console.log(`  json-rules-engine time / WASM evaluate time: typical ${results.ratio.typical.toFixed(2)}×, tenants ${results.ratio.tenants.toFixed(2)}×`);
}
