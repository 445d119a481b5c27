// advise() and PreparedPolicy.advise(): the native CLI's document (`prequal advise --format
// json`) for the same inputs, the camelCase request read with errors naming its keys.
//
// The advisor is in the SDK that ships (pkg/) since it fits the SDK's size gate
// (crates/prequal-wasm/Cargo.toml, feature `advise`, on by default): these tests run against
// it, and the first one checks the test build has it too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadSdk, loadVectorsBuild, readJson, readText, root, sdkDir, vectorsDir } from './sdk.mjs';

const shipped = await loadSdk();
const sdk = shipped;
const vectorsBuild = await loadVectorsBuild();
const pack = sdk.defaultPolicy();
const eligible = readJson('examples/firms/eligible.json');
const BANK = 'examples/packs/bank-g-tech-credit.json';
const APPLICANT = 'examples/firms/bank-g-applicant.json';
const bank = readJson(BANK);
const applicant = readJson(APPLICANT);

/**
 * `prequal advise ... --format json` of the native CLI: the binary $PREQUAL_CLI if set,
 * else `cargo run -p prequal-cli`.
 */
function cli(args) {
  const [command, prefix] = process.env.PREQUAL_CLI
    ? [process.env.PREQUAL_CLI, []]
    : ['cargo', ['run', '--quiet', '-p', 'prequal-cli', '--']];
  return execFileSync(command, [...prefix, 'advise', '--format', 'json', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** The thrown error, checked to be a PrequalError. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof Error, `an Error, got ${e}`);
    assert.equal(e.name, 'PrequalError');
    for (const key of ['code', 'path', 'input', 'message']) assert.equal(typeof e[key], 'string', key);
    return e;
  }
  assert.fail('expected an error');
}

/** The advisor's exports of a built package: the JS functions, the .wasm's exports, the declarations. */
function advisor(mod, dir) {
  const wasm = new WebAssembly.Module(readFileSync(join(dir, 'prequal_bg.wasm')));
  const dts = readFileSync(join(dir, 'prequal.d.ts'), 'utf8');
  return {
    advise: typeof mod.advise,
    preparedAdvise: typeof mod.PreparedPolicy.prototype.advise,
    wasmExports: WebAssembly.Module.exports(wasm).map((e) => e.name).filter((name) => /advi[cs]e/i.test(name)).sort(),
    declares: [/export function advise\(/, /^\s*advise\(firm/m, /export interface Advice \{/].map((re) => re.test(dts)),
  };
}

test('the shipped SDK has the advisor, exported and declared, as the test build does', () => {
  // It fits the 140 KiB gzip -9 gate (scripts/size.sh) since reading errors stopped parsing
  // their English back: 143,196 bytes with it (2026-11-29).
  const expected = {
    advise: 'function',
    preparedAdvise: 'function',
    wasmExports: ['advise', 'preparedpolicy_advise'],
    declares: [true, true, true],
  };
  assert.deepEqual(advisor(shipped, sdkDir), expected, 'pkg/ has the advisor');
  assert.deepEqual(advisor(vectorsBuild, vectorsDir), expected, 'the test build has the advisor');
  // Everything else is in both.
  for (const name of ['evaluate', 'preparePolicy', 'schedule', 'classify', 'validatePolicy', 'defaultPolicy', 'version']) {
    assert.equal(typeof shipped[name], 'function', name);
  }
});

// [what, CLI arguments, advise() arguments after policy and firm as [policy, firm, request, asOf]]
const CASES = [
  ['default: the firm\'s requested amount, lowest total cost, no cap',
    ['--firm', 'examples/firms/eligible.json'], [pack, eligible]],
  ['objective total-cost written out, as JSON text',
    ['--firm', 'examples/firms/eligible.json', '--objective', 'total-cost'], ['default', readText('examples/firms/eligible.json'), '{"objective": "total-cost"}']],
  ['objective apr',
    ['--firm', 'examples/firms/eligible.json', '--objective', 'apr'], [pack, eligible, { objective: 'apr' }]],
  ['objective max-payment',
    ['--firm', 'examples/firms/eligible.json', '--objective', 'max-payment'], [pack, eligible, { objective: 'max-payment' }]],
  ['objective max_payment (snake_case), an amount as a number',
    ['--firm', 'examples/firms/eligible.json', '--objective', 'max-payment', '--amount', '500000'], [pack, eligible, { amount: 500000, objective: 'max_payment' }]],
  ['an amount and a cap (decimal strings)',
    ['--firm', 'examples/firms/eligible.json', '--amount', '2000000', '--max-payment', '100000'], [pack, eligible, { amount: '2000000', maxPayment: '100000' }]],
  ['a cap, objective apr, a date',
    ['--firm', 'examples/firms/eligible.json', '--max-payment', '150000', '--objective', 'apr', '--as-of', '2026-01-15'],
    [pack, eligible, { maxPayment: 150000, objective: 'apr' }, '2026-01-15']],
  ['a cap no option meets',
    ['--firm', 'examples/firms/eligible.json', '--max-payment', '1000'], [pack, eligible, { maxPayment: 1000 }]],
  ['a firm eligible for nothing',
    ['--firm', 'examples/firms/ineligible.json', '--amount', '500000'], [pack, readJson('examples/firms/ineligible.json'), { amount: '500000' }]],
  ['the bank pack and its applicant',
    ['--policy', BANK, '--firm', APPLICANT], [bank, applicant]],
  ['the bank pack, its applicant, a cap and objective max-payment',
    ['--policy', BANK, '--firm', APPLICANT, '--max-payment', '60000', '--objective', 'max-payment'],
    [readText(BANK), applicant, { maxPayment: '60000', objective: 'max-payment' }]],
];

test('advise(): the native CLI\'s JSON for each objective, with and without a cap, and the bank pack', () => {
  const seen = { best: 0, noBest: 0, capped: 0, excluded: 0 };
  for (const [what, cliArgs, args] of CASES) {
    const native = cli(cliArgs);
    const advice = sdk.advise(...args);
    assert.equal(JSON.stringify(advice), JSON.stringify(JSON.parse(native)), what);
    assert.equal(JSON.stringify(advice, null, 2), native.trimEnd(), `${what}: the CLI's text, byte for byte`);
    seen.best += advice.best ? 1 : 0;
    seen.noBest += advice.best ? 0 : 1;
    seen.capped += advice.max_payment === null ? 0 : 1;
    seen.excluded += advice.excluded.length > 0 ? 1 : 0;
    // Best first, and the best is the first option.
    assert.deepEqual(advice.best, advice.options[0] ?? null, what);
  }
  assert.ok(seen.best >= 5 && seen.noBest >= 2 && seen.capped >= 3 && seen.excluded >= 3, JSON.stringify(seen));
});

test('advise(): the objectives rank the same options differently; a cap keeps payments within it', () => {
  const by = (objective) => sdk.advise(pack, eligible, { objective });
  const cost = by('total-cost');
  const apr = by('apr');
  const payment = by('max-payment');
  assert.equal(cost.objective, 'total_cost');
  assert.equal(apr.objective, 'apr');
  assert.equal(payment.objective, 'max_payment');
  assert.deepEqual(by('total_cost'), cost);
  assert.deepEqual(by('max_payment'), payment);
  assert.deepEqual(sdk.advise(pack, eligible), cost, 'total cost by default');
  assert.deepEqual(sdk.advise(pack, eligible, {}), cost);
  assert.deepEqual(sdk.advise(pack, eligible, null), cost);
  const sorted = (options, key) => options.every((o, i) => i === 0 || Number(options[i - 1][key]) <= Number(o[key]));
  assert.ok(sorted(cost.options, 'total_cost_net'));
  assert.ok(sorted(apr.options, 'apr_net'));
  assert.ok(sorted(payment.options, 'max_payment'));
  assert.notDeepEqual(cost.best, payment.best);
  const capped = sdk.advise(pack, eligible, { maxPayment: '100000' });
  assert.equal(capped.max_payment, '100000.00');
  assert.ok(capped.options.length > 0 && capped.options.length < cost.options.length);
  assert.ok(capped.options.every((o) => Number(o.max_payment) <= 100000));
  const none = sdk.advise(pack, eligible, { maxPayment: 1000 });
  assert.deepEqual([none.best, none.options, none.frontier], [null, [], []]);
  assert.ok(none.excluded.some((x) => /more than 1,000 yuan/.test(x.reason.en)), JSON.stringify(none.excluded));
  // Amounts as numbers, decimal strings and BigInts read the same.
  const a = sdk.advise(pack, eligible, { amount: 2000000, maxPayment: 100000 });
  assert.deepEqual(sdk.advise(pack, eligible, { amount: '2000000.00', maxPayment: '100000' }), a);
  assert.deepEqual(sdk.advise(pack, eligible, { amount: 2000000n, maxPayment: 100000n }), a);
  assert.deepEqual(sdk.advise(pack, eligible, JSON.stringify({ amount: 2000000, maxPayment: 100000 })), a);
  // The firm's requested_amount is the default amount; request.amount overrides it.
  assert.equal(cost.amount, '3000000.00');
  assert.deepEqual(sdk.advise(pack, { ...eligible, requested_amount: 2000000 }, { maxPayment: 100000 }), a);
});

test('PreparedPolicy.advise(): the same advice as advise()', () => {
  const prepared = sdk.preparePolicy(pack);
  for (const [what, , [policy, firm, request, asOf]] of CASES) {
    if (policy !== pack) continue;
    assert.equal(JSON.stringify(prepared.advise(firm, request, asOf)), JSON.stringify(sdk.advise(policy, firm, request, asOf)), what);
  }
  const preparedBank = sdk.preparePolicy(readText(BANK));
  assert.equal(JSON.stringify(preparedBank.advise(applicant)), JSON.stringify(sdk.advise(bank, applicant)));
  assert.equal(JSON.stringify(preparedBank.advise(readText(APPLICANT), '{"objective": "apr"}', null, 'en')),
    JSON.stringify(sdk.advise(bank, applicant, { objective: 'apr' })));
  let e = thrown(() => prepared.advise(eligible, { maxPayment: -1 }, null, 'en'));
  assert.deepEqual([e.code, e.path, e.input], ['negative_amount', '$.maxPayment', 'request']);
  e = thrown(() => prepared.advise({ industry: 'software_it' }));
  assert.deepEqual([e.code, e.path, e.input], ['missing_field', '$.amount', 'request']);
  preparedBank.free();
  prepared.free();
  assert.throws(() => prepared.advise(eligible)); // a JS error, not a trap
});

test('advise(): bad requests are coded errors naming the JS key, with input "request"', () => {
  for (const [request, code, path] of [
    // unknown keys (snake_case keys are not the JS API's)
    [{ max_payment: 100000 }, 'unknown_field', '$.max_payment'],
    [{ amount: 1000000, amout: 1 }, 'unknown_field', '$.amout'],
    // not numbers
    [{ amount: 'lots' }, 'wrong_type', '$.amount'],
    [{ maxPayment: true }, 'wrong_type', '$.maxPayment'],
    [{ maxPayment: [100000] }, 'wrong_type', '$.maxPayment'],
    [{ maxPayment: NaN }, 'wrong_type', '$.maxPayment'],
    [{ amount: Infinity }, 'wrong_type', '$.amount'],
    [{ amount: '3,000,000' }, 'wrong_type', '$.amount'],
    // negative and zero amounts
    [{ amount: -5 }, 'negative_amount', '$.amount'],
    [{ amount: '-2000000' }, 'negative_amount', '$.amount'],
    [{ maxPayment: -1 }, 'negative_amount', '$.maxPayment'],
    [{ amount: 0 }, 'out_of_range', '$.amount'],
    [{ maxPayment: '0.00' }, 'out_of_range', '$.maxPayment'],
    // beyond the engine's limits
    [{ amount: 1e300 }, 'too_large', '$.amount'],
    [{ maxPayment: 10n ** 40n }, 'too_large', '$.maxPayment'],
    // an unknown objective
    [{ objective: 'cheapest' }, 'invalid_value', '$.objective'],
    [{ objective: 'total cost' }, 'invalid_value', '$.objective'],
    [{ objective: 2 }, 'wrong_type', '$.objective'],
    // not an object
    [5, 'wrong_type', '$'],
    [true, 'wrong_type', '$'],
    [[], 'wrong_type', '$'],
    ['[1]', 'wrong_type', '$'],
    ['total-cost', 'invalid_json', '$'],
    [() => 1, 'invalid_json', '$'],
  ]) {
    const what = typeof request === 'bigint' || typeof request === 'function' ? String(request) : JSON.stringify(request, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
    const e = thrown(() => sdk.advise(pack, eligible, request, null, 'en'));
    assert.deepEqual([e.code, e.path, e.input], [code, path, 'request'], what);
    if (path !== '$') assert.ok(e.message.startsWith(path), `${what}: ${e.message}`);
    // The prepared pack names the same key.
    const p = thrown(() => sdk.preparePolicy(pack).advise(eligible, request, null, 'en'));
    assert.deepEqual([p.code, p.path, p.input], [code, path, 'request'], `prepared ${what}`);
  }
  // The message is in the caller's language (zh-CN by default).
  const zh = thrown(() => sdk.advise(pack, eligible, { objective: 'cheapest' }));
  assert.match(zh.message, /[\u4e00-\u9fff]/);
  const en = thrown(() => sdk.advise(pack, eligible, { objective: 'cheapest' }, null, 'en'));
  assert.match(en.message, /total_cost, apr or max_payment/);
  // A cycle in the request.
  const cyclic = { amount: 1 };
  cyclic.self = cyclic;
  assert.deepEqual(Object.values((({ code, input }) => ({ code, input }))(thrown(() => sdk.advise(pack, eligible, cyclic)))), ['invalid_json', 'request']);
  // Still usable afterwards.
  assert.ok(sdk.advise(pack, eligible).best);
});

test('advise(): no amount anywhere is the core\'s missing_field at $.amount; other inputs keep their names', () => {
  const { requested_amount: _, ...noAmount } = eligible;
  let e = thrown(() => sdk.advise(pack, noAmount, undefined, null, 'en'));
  assert.deepEqual([e.code, e.path, e.input], ['missing_field', '$.amount', 'request']);
  assert.match(e.message, /requested_amount/);
  e = thrown(() => sdk.advise(pack, noAmount, { objective: 'apr', maxPayment: 100000 }));
  assert.deepEqual([e.code, e.path, e.input], ['missing_field', '$.amount', 'request']);
  assert.ok(sdk.advise(pack, noAmount, { amount: 1000000 }).best, 'the request\'s amount is enough');
  // The firm, the pack and the date are named as in evaluate().
  e = thrown(() => sdk.advise(pack, { ...eligible, revenue: -5 }, { amount: 1 }));
  assert.deepEqual([e.code, e.path, e.input], ['negative_amount', '$.revenue', 'firm']);
  e = thrown(() => sdk.advise(pack, { ...eligible, requested_amount: 0 }));
  assert.deepEqual([e.code, e.path, e.input], ['out_of_range', '$.requested_amount', 'firm']);
  e = thrown(() => sdk.advise(bank, { ...applicant, facts: { ...applicant.facts, pending_lawsuit: 'no' } }));
  assert.deepEqual([e.code, e.path, e.input], ['wrong_type', '$.facts.pending_lawsuit', 'firm']);
  e = thrown(() => sdk.advise({ ...pack, banks: 'x' }, eligible));
  assert.deepEqual([e.code, e.path, e.input], ['wrong_type', '$.banks', 'policy']);
  e = thrown(() => sdk.advise(pack, eligible, {}, '2026-02-30'));
  assert.deepEqual([e.code, e.input], ['invalid_value', 'asOf']);
  e = thrown(() => sdk.advise(pack, eligible, {}, 20260101));
  assert.deepEqual([e.code, e.input], ['wrong_type', 'asOf']);
  e = thrown(() => sdk.advise(pack, undefined));
  assert.deepEqual([e.code, e.input], ['missing_field', 'firm']);
  // A NaN the firm's text fields accept is still the firm's error, not the request's.
  e = thrown(() => sdk.advise(pack, { ...eligible, park: NaN }, { amount: 1000000 }));
  assert.deepEqual([e.code, e.input], ['wrong_type', 'firm']);
});
