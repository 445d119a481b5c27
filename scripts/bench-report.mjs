#!/usr/bin/env node
// Turns the results of scripts/bench-all.sh into the generated tables of BENCHMARKS.md.
//
//   node scripts/bench-report.mjs RESULTS_DIR [BENCHMARKS.md]
//       rewrites each block between <!-- bench:NAME --> and <!-- /bench:NAME --> whose
//       results are in RESULTS_DIR (default target/bench-results); a block whose results
//       are missing is left as it was. Everything outside the markers is kept.
//   node scripts/bench-report.mjs --collect-criterion CRITERION_DIR
//       prints {full_id: {median_ns, min_ns, max_ns, samples}} from criterion's output:
//       criterion's median estimate, and the fastest and slowest of its samples (each the
//       mean time per iteration of one sample).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);

if (args[0] === '--collect-criterion') {
  console.log(JSON.stringify(collectCriterion(args[1]), null, 1));
  process.exit(0);
}

function collectCriterion(dir) {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (!statSync(p).isDirectory()) continue;
      if (name === 'new' && existsSync(join(p, 'benchmark.json'))) {
        const meta = JSON.parse(readFileSync(join(p, 'benchmark.json'), 'utf8'));
        const est = JSON.parse(readFileSync(join(p, 'estimates.json'), 'utf8'));
        const sample = JSON.parse(readFileSync(join(p, 'sample.json'), 'utf8'));
        const means = sample.times.map((t, i) => t / sample.iters[i]);
        out[meta.full_id] = {
          median_ns: est.median.point_estimate,
          min_ns: Math.min(...means),
          max_ns: Math.max(...means),
          samples: means.length,
          elements: meta.throughput?.Elements ?? 1,
        };
      } else if (name !== 'base' && name !== 'change' && name !== 'report') {
        walk(p);
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const dir = args[0] ?? 'target/bench-results';
const docPath = args[1] ?? 'BENCHMARKS.md';
const read = (name) => (existsSync(join(dir, name)) ? JSON.parse(readFileSync(join(dir, name), 'utf8')) : null);
const readLines = (name) => (existsSync(join(dir, name))
  ? readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l.trim()) : []);

const machine = read('machine.json');
const core = read('core-criterion.json');
const cmp = read('compare-criterion.json');
const zen = read('zen-version.json');
const node = read('node-compare.json');
const payload = read('payload.json');
const sdkSize = read('sdk-size.json');
const floor = read('size-floor.json');
const widget = read('bench-widget.json');
const wasmRuns = readLines('bench-wasm.jsonl').map((l) => JSON.parse(l));
const screenRows = readLines('screen.md');

// ---------- formatting
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const sig = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const us = (ns) => `${sig(ns / 1000)} µs`;
const range = (lo, hi, f) => `(${f(lo)}–${f(hi)})`;
const usCell = (b, per = 1) => `**${us(b.median_ns / per)}** ${range(b.min_ns / per, b.max_ns / per, (x) => sig(x / 1000))}`;
const rate = (nsPerEval) => Math.round(1e9 / nsPerEval).toLocaleString('en-US');
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const ratio = (x) => `${x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2)}×`;
const met = (ok) => (ok ? '**met**' : '**not met**');
const runsNote = machine?.quick ? ' Quick mode (`--quick`): fewer and shorter runs; indicative only.' : '';

const blocks = {};

if (machine) {
  const gib = (machine.memory_kb / 1024 / 1024).toFixed(0);
  blocks.machine = [
    `**Last run of \`bash scripts/bench-all.sh\`**: ${machine.date}, commit ${machine.commit}.${runsNote}`,
    '',
    `${machine.cores} cores (${machine.cpu}), ${gib} GiB of memory, ${machine.rustc}, Node ${machine.node}` +
      `${machine.chromium ? `, ${machine.chromium}` : ''}${zen ? `, zen-engine ${zen.zen_engine}` : ''}` +
      `${node ? `, json-rules-engine ${node.json_rules_engine}` : ''}. Load average before the run: ${machine.load_before}.`,
    '',
    'Criterion figures: its median, with the fastest and slowest sample in brackets. Other figures: the median over',
    'several runs (batches), with the fastest and slowest in brackets.',
  ].join('\n');
}

const PRODUCTS = 3;
if (core) {
  const rows = [['`evaluate`, bundled pack (3 products), typical firm', 'evaluate/default_pack/typical_firm']];
  const lines = ['| benchmark | time |', '|---|---|'];
  const ev = core['evaluate/default_pack/typical_firm'];
  if (ev) {
    lines.push(`| ${rows[0][0]} | ${usCell(ev)}, i.e. ${usCell(ev, PRODUCTS)} per product quote |`);
  }
  const parse = core['policy/parse_and_validate_default_pack'];
  if (parse) lines.push(`| parse and validate the bundled pack (\`Policy::from_json\`) | ${usCell(parse)} |`);
  for (const months of [36, 360]) {
    const cells = ['equal_installment', 'equal_principal', 'interest_only'].map((m) => core[`schedule/${m}/${months}`]);
    if (cells.every(Boolean)) {
      lines.push(`| schedule, ${months} months: equal installment / equal principal / interest only | ${cells.map((c) => usCell(c)).join(' / ')} |`);
    }
  }
  const apr = core['apr/36_month_net_flows'];
  if (apr) lines.push(`| APR (IRR) of a 36-month quote's net cash flows | ${usCell(apr)} |`);
  if (ev) {
    const per = ev.median_ns / PRODUCTS / 1000;
    lines.push('', `Goal: under 20 µs per product quote: ${met(per < 20)} (${sig(per)} µs).`);
  }
  lines.push('', '`cargo bench -p prequal --bench evaluate`');
  blocks.core = lines.join('\n');
}

if (sdkSize?.wasm) {
  const row = (name, [raw, gz, br]) => `| ${name} | ${kib(raw)} | **${kib(gz)}** | ${kib(br)} |`;
  blocks['sdk-size'] = [
    '| file | raw | gzip -9 | brotli |', '|---|---|---|---|',
    row('`pkg/prequal_bg.wasm`', sdkSize.wasm), row('JS glue (`prequal.js` + snippets)', sdkSize.glue),
    '', `Budget: 60 KiB gzip for the \`.wasm\`: ${met(sdkSize.wasm[1] <= 60 * 1024)}.`,
    '', '`bash scripts/build-wasm.sh && bash scripts/size.sh`',
  ].join('\n');
}

if (floor?.length) {
  const what = {
    schedule: '`schedule(request JSON)` → JSON: the reader, rust_decimal, errors in two languages, the JSON writer',
    evaluate: '+ `evaluate(pack JSON, firm JSON)` → report JSON: pack reading and validation, the whole engine, the report',
    'evaluate-bundled': '`evaluate(firm JSON)` on the bundled pack (its JSON inside the module) → report JSON',
  };
  blocks['size-floor'] = [
    '| module | what is in it | raw | gzip -9 | brotli |', '|---|---|---|---|---|',
    ...floor.map((r) => `| ${r.name} | ${what[r.name] ?? 'the shipped SDK: every API function, the JS value handling, the tape'} | ${kib(r.raw)} | **${kib(r.gzip)}** | ${kib(r.brotli)} |`),
    '', '`bash scripts/size-floor.sh` (benches/size-floor: the engine with text-in, JSON-text-out entry points and nothing else; the SDK\'s profile (`wasm`), wasm-bindgen and wasm-opt flags)',
  ].join('\n');
}

if (wasmRuns.length) {
  const pick = (f) => { const xs = wasmRuns.map(f).filter((x) => x != null); return xs.length ? { m: median(xs), lo: Math.min(...xs), hi: Math.max(...xs) } : null; };
  const cell = (s) => (s ? `**${sig(s.m)}** ${range(s.lo, s.hi, sig)}` : 'n/a');
  const objects = pick((r) => r.wasm_us.evaluate_objects);
  const texts = pick((r) => r.wasm_us.evaluate_texts);
  const prepared = pick((r) => r.wasm_us.prepared_evaluate);
  const sdk = pick((r) => r.native_us?.sdk_path);
  const bare = pick((r) => r.native_us?.core_only);
  const lines = [
    `| path | µs per call, ${wasmRuns.length} run(s) |`, '|---|---|',
    `| WASM \`evaluate(pack object, firm object)\` → report object | ${cell(objects)} |`,
    `| WASM \`evaluate(pack JSON, firm JSON)\` → report object | ${cell(texts)} |`,
    ...(prepared ? [`| WASM \`preparePolicy(pack)\`, then \`.evaluate(firm object)\` → report object | ${cell(prepared)} |`] : []),
    `| native, same path (firm JSON in, report JSON out, pack cached) | ${cell(sdk)} |`,
    `| native \`prequal::evaluate\` only | ${cell(bare)} |`,
  ];
  if (objects && sdk) lines.push('', `Goal: within 2× of native: ${met(objects.m / sdk.m <= 2)} (${ratio(objects.m / sdk.m)} with objects, ${ratio(texts.m / sdk.m)} with JSON texts${prepared ? `, ${ratio(prepared.m / sdk.m)} with a prepared pack` : ''}).`);
  lines.push('', '`node scripts/bench-wasm.mjs`');
  blocks.sdk = lines.join('\n');
}

if (payload) {
  const p = payload.prequal;
  const lines = ['| file | raw | gzip -9 |', '|---|---|---|'];
  for (const f of p.files) lines.push(`| \`${f.file}\` | ${kib(f.raw)} | ${kib(f.gzip)} |`);
  lines.push(`| **total** | ${kib(p.raw)} | **${kib(p.gzip)}** |`);
  lines.push('', `Budget: 100 KiB gzip: ${met(p.gzip <= 100 * 1024)}.`, '', '`bash scripts/build-widget.sh && bash scripts/size-widget.sh`');
  blocks['widget-size'] = lines.join('\n');
}

if (widget?.pages) {
  const lines = ['| page | first result, warm (median / p90 / min) | cold (median) | update after one answer (median) |', '|---|---|---|---|'];
  let worst = 0;
  for (const [name, page] of Object.entries(widget.pages)) {
    const w = page.warm_first_result_ms;
    worst = Math.max(worst, w.median);
    lines.push(`| ${name} | ${w.median.toFixed(1)} / ${w.p90.toFixed(1)} / ${w.min.toFixed(1)} ms | ${page.cold_first_result_ms.median.toFixed(1)} ms | ${page.update_ms.median.toFixed(1)} ms |`);
  }
  lines.push('', `Goal: under 100 ms: ${met(worst < 100)}.`, '', '`node scripts/bench-widget.mjs`');
  blocks['widget-render'] = lines.join('\n');
}

if (screenRows.length) {
  const bySize = new Map();
  for (const row of screenRows) {
    const [rows, wall, fps, perCpu, rss, cpu] = row.split('|').slice(1, 7).map((c) => c.trim());
    if (!bySize.has(rows)) bySize.set(rows, []);
    bySize.get(rows).push({ wall: +wall, fps: +fps, perCpu: +perCpu, rss: +rss, cpu });
  }
  const lines = ['| firms | runs | wall time | firms/s | firms per CPU-second | peak RSS | CPU |', '|---:|---:|---:|---:|---:|---:|---:|'];
  let fpsOk = true, memOk = true;
  for (const [rows, runs] of bySize) {
    const s = (k) => { const xs = runs.map((r) => r[k]); return { m: median(xs), lo: Math.min(...xs), hi: Math.max(...xs) }; };
    const wall = s('wall'), fps = s('fps'), per = s('perCpu'), rss = s('rss');
    fpsOk &&= fps.m >= 20000;
    if (+rows >= 1000000) memOk &&= rss.hi < 200;
    lines.push(`| ${(+rows).toLocaleString('en-US')} | ${runs.length} | ${wall.m.toFixed(2)} s (${wall.lo.toFixed(2)}–${wall.hi.toFixed(2)}) | **${fps.m.toLocaleString('en-US')}** (${fps.lo.toLocaleString('en-US')}–${fps.hi.toLocaleString('en-US')}) | ${per.m.toLocaleString('en-US')} | **${rss.m.toFixed(1)} MB** (max ${rss.hi.toFixed(1)}) | ${runs.map((r) => r.cpu).join(', ')} |`);
  }
  const has1m = [...bySize.keys()].some((r) => +r >= 1000000);
  lines.push('', `Goals: at least 20,000 firms/s on 2 cores: ${met(fpsOk)}; under 200 MB for 1,000,000 rows: ${has1m ? met(memOk) : 'not measured in this run'}.`,
    '', `\`scripts/bench-screen.sh ${[...bySize.keys()].join(' ')}\``);
  blocks.screen = lines.join('\n');
}

// ---------- side by side (issue 6)
const goals = [];
if (cmp) {
  const p1 = cmp['eligibility/prequal/typical_firm'], z1 = cmp['eligibility/zen/typical_firm'];
  const pn = cmp['eligibility/prequal/1000_tenants'], zn = cmp['eligibility/zen/1000_tenants'];
  const lines = ['| eligibility of park-credit-loan | prequal `eligibility()` | ZEN decision graph | ZEN time / prequal time |', '|---|---|---|---|'];
  if (p1 && z1) {
    lines.push(`| typical firm, µs per evaluation | ${usCell(p1)} | ${usCell(z1)} | **${ratio(z1.median_ns / p1.median_ns)}** |`);
    lines.push(`| typical firm, evaluations per second | ${rate(p1.median_ns)} | ${rate(z1.median_ns)} | |`);
  }
  if (pn && zn) {
    const n = pn.elements;
    lines.push(`| ${n.toLocaleString('en-US')} seeded tenants, µs per firm | ${usCell(pn, n)} | ${usCell(zn, zn.elements)} | **${ratio((zn.median_ns / zn.elements) / (pn.median_ns / n))}** |`);
    lines.push(`| ${n.toLocaleString('en-US')} seeded tenants, evaluations per second | ${rate(pn.median_ns / n)} | ${rate(zn.median_ns / zn.elements)} | |`);
  }
  const ev = cmp['evaluate/default_pack/typical_firm'];
  if (ev) lines.push(`| for scale: prequal full \`evaluate\`, 3 products, typical firm | ${usCell(ev)} | | |`);
  lines.push('', '`cd benches/compare && cargo run --profile bench --example check && cargo bench --bench compare`');
  blocks['compare-native'] = lines.join('\n');
  const ratios = [[p1, z1, 1], [pn, zn, pn?.elements]].filter(([a, b]) => a && b).map(([a, b, n]) => (b.median_ns / b.elements) / (a.median_ns / a.elements));
  if (ratios.length) goals.push(['Eligibility at least 10× ZEN\'s rate natively', ratios.map(ratio).join(' (typical), ') + (ratios.length > 1 ? ' (tenants)' : ''), Math.min(...ratios) >= 10]);
  if (ev) goals.push(['Full quote within 20 µs per product natively', `${sig(ev.median_ns / PRODUCTS / 1000)} µs per product (${us(ev.median_ns)} for 3)`, ev.median_ns / PRODUCTS / 1000 <= 20]);
  const sched = ['equal_installment', 'equal_principal', 'interest_only'];
  const srows = ['| schedule | equal installment | equal principal | interest only |', '|---|---|---|---|'];
  for (const months of [36, 360]) {
    const cells = sched.map((m) => cmp[`schedule/${m}/${months}`]);
    if (cells.every(Boolean)) srows.push(`| ${months} months | ${cells.map((c) => usCell(c)).join(' | ')} |`);
  }
  const apr = cmp['apr/36_month_net_flows'];
  if (apr) srows.push('', `APR (IRR) of the typical 36-month quote's net cash flows: ${usCell(apr)}.`);
  blocks['compare-parts'] = srows.join('\n');
}

if (node) {
  const w1 = node.wasm_evaluate_typical, j1 = node.jre_eligibility_typical;
  const wn = node.wasm_evaluate_tenants, jn = node.jre_eligibility_tenants;
  const cell = (r) => `**${sig(r.us.median)} µs** ${range(r.us.min, r.us.max, sig)}`;
  const lines = [
    `| in Node ${node.node} | prequal WASM \`evaluate()\`, all 3 products, full report | json-rules-engine, park-credit-loan eligibility only | json-rules-engine time / WASM time |`,
    '|---|---|---|---|',
    `| typical firm, µs per evaluation | ${cell(w1)} | ${cell(j1)} | **${ratio(node.ratio.typical)}** |`,
    `| typical firm, evaluations per second | ${Math.round(w1.per_second).toLocaleString('en-US')} | ${Math.round(j1.per_second).toLocaleString('en-US')} | |`,
    `| ${wn.evaluations_per_run.toLocaleString('en-US')} seeded tenants, µs per firm | ${cell(wn)} | ${cell(jn)} | **${ratio(node.ratio.tenants)}** |`,
    `| ${wn.evaluations_per_run.toLocaleString('en-US')} seeded tenants, evaluations per second | ${Math.round(wn.per_second).toLocaleString('en-US')} | ${Math.round(jn.per_second).toLocaleString('en-US')} | |`,
  ];
  const e1 = node.wasm_eligibility_typical, en = node.wasm_eligibility_tenants;
  if (e1 && en) {
    lines.push(
      '', 'Like for like, eligibility only (the SDK\'s `preparePolicy(pack).eligibility(product, firm)`, the pack read once):', '',
      `| in Node ${node.node} | prequal WASM \`eligibility()\` | json-rules-engine | json-rules-engine time / WASM time |`, '|---|---|---|---|',
      `| typical firm, µs per evaluation | ${cell(e1)} | ${cell(j1)} | **${ratio(node.ratio.eligibility_typical)}** |`,
      `| ${en.evaluations_per_run.toLocaleString('en-US')} seeded tenants, µs per firm | ${cell(en)} | ${cell(jn)} | **${ratio(node.ratio.eligibility_tenants)}** |`,
    );
  }
  lines.push(
    '', `Verdicts agree on ${node.agreement} firms (full evaluate() and eligibility() alike). Median over ${w1.runs} batches.`,
    '', '`node benches/compare/node/compare.mjs --firms FIRMS.json` (FIRMS.json from the `check` example)',
  );
  blocks['compare-node'] = lines.join('\n');
  goals.push(['WASM evaluate faster than json-rules-engine\'s eligibility-only run', `json-rules-engine's time / WASM's: ${ratio(node.ratio.typical)} (typical), ${ratio(node.ratio.tenants)} (tenants); WASM evaluate takes ${ratio(1 / node.ratio.typical)} and ${ratio(1 / node.ratio.tenants)} as long`, Math.min(node.ratio.typical, node.ratio.tenants) > 1]);
}

if (payload) {
  const p = payload.prequal, z = payload.zen_full, e = payload.zen_expression;
  const lines = [
    '| what a browser downloads | raw | gzip -9 | share of ZEN\'s full engine (gzip) |', '|---|---|---|---|',
    `| \`<prequal-widget>\`: engine, glue, loader, CSS | ${kib(p.raw)} | **${kib(p.gzip)}** | **1/${(z.gzip / p.gzip).toFixed(1)}** |`,
    `| ZEN full engine for browsers, \`${z.package}\` (.wasm, browser loader, worker; its runtime dependency \`@napi-rs/wasm-runtime\` not counted) | ${kib(z.raw)} | **${kib(z.gzip)}** | 1 |`,
    `| ZEN expression language only, \`${e.package}\` (no decision tables) | ${kib(e.raw)} | ${kib(e.gzip)} | 1/${(z.gzip / e.gzip).toFixed(1)} |`,
    '', '`bash scripts/build-widget.sh && node benches/compare/node/payload.mjs` (ZEN figures from the npm tarballs)',
  ];
  blocks['compare-payload'] = lines.join('\n');
  goals.push(['Widget payload under 1/20 of ZEN\'s browser engine', `1/${(z.gzip / p.gzip).toFixed(1)} (${kib(p.gzip)} against ${kib(z.gzip)}; 1/20 is ${kib(z.gzip / 20)})`, z.gzip / p.gzip >= 20]);
}

if (goals.length) {
  blocks['compare-goals'] = ['| goal | measured | |', '|---|---|---|', ...goals.map(([g, m, ok]) => `| ${g} | ${m} | ${met(ok)} |`)].join('\n');
}

// ---------- rewrite
let doc = readFileSync(docPath, 'utf8');
const missing = [];
for (const [name, body] of Object.entries(blocks)) {
  const re = new RegExp(`(<!-- bench:${name} -->\\n)[\\s\\S]*?(\\n<!-- /bench:${name} -->)`);
  if (!re.test(doc)) { missing.push(name); continue; }
  doc = doc.replace(re, (_, open, close) => `${open}${body}${close}`);
}
writeFileSync(docPath, doc);
console.error(`bench-report: rewrote ${Object.keys(blocks).length - missing.length} block(s) of ${docPath}` +
  (missing.length ? `; no markers for: ${missing.join(', ')}` : ''));
