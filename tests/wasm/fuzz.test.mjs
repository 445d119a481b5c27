// Fuzz-style robustness of the shipped SDK: at least 10,000 random and malformed inputs
// (deterministic: seeded PRNG) through every function. Each call must return a result or
// throw an Error with a string `code` (and `path`); never a trap ("unreachable"), a
// TypeError from the glue, or anything else. The module must stay usable: at the end the
// same call gives the same bytes as before the fuzzing.
//
// The advisor's calls (advise, PreparedPolicy.advise) go to the shipped SDK too, which has
// it (tests/wasm/advise.test.mjs); the module must come out usable and unchanged.
//
// PREQUAL_FUZZ_SEED and PREQUAL_FUZZ_CALLS override the seed and the number of calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonFiles, loadSdk, readJson, readText } from './sdk.mjs';

const sdk = await loadSdk();
/** The advisor's calls: the same module. */
const withAdvise = sdk;
const SEED = Number(process.env.PREQUAL_FUZZ_SEED ?? 20260220);
const CALLS = Number(process.env.PREQUAL_FUZZ_CALLS ?? 12_000);

/** mulberry32: small, fast, good enough to spread inputs; deterministic for a seed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(SEED);
const int = (n) => Math.floor(rand() * n);
const pick = (items) => items[int(items.length)];
const chance = (p) => rand() < p;

const pack = sdk.defaultPolicy();
const packText = readText('examples/packs/shenzhen-park-loan-2.json');
const firms = jsonFiles('examples/firms').map((f) => readJson(f.path));
const scheduleRequests = [
  { principal: 15000, annualRate: 0.08, months: 60, method: 'equal_installment' },
  { principal: '1000000', annualRate: '0.035', months: 36, method: 'equal_principal' },
  { principal: '500000.50', annualRate: '0', months: 1, method: 'interest_only' },
];
const adviceRequests = [
  {},
  { amount: '1000000', objective: 'apr' },
  { amount: 2000000, maxPayment: '100000', objective: 'total-cost' },
  { amount: '500000', objective: 'max_payment' },
  { maxPayment: 150000, objective: 'max-payment' },
];
const classifyRequests = [
  { industry: 'industry', employees: 25, revenue: '3000000' },
  { industry: 'construction', revenue: 1e8, assets: '50000000' },
  { industry: 'other', employees: 10 },
];

// ----- garbage ---------------------------------------------------------------------------

const big = 'x'.repeat(10_000_000);
let bigUsed = 0;

function randomString() {
  switch (int(9)) {
    case 0: return '';
    case 1: return ' \t\n';
    case 2: return String.fromCharCode(...Array.from({ length: int(20) }, () => int(0x10000)));
    case 3: return '\ud800' + 'a' + '\udfff';
    case 4: return pick(['default', 'null', '{}', '[]', '{', '}', '"', '[1,', 'NaN', '1e999', '-0', '0x10', '2026-13-01', '2026-02-29', 'zh-CN', 'en']);
    case 5: return pick(['0.035', '-1', '1e-7', '9999999999999999999999999999999', '0.1234567890123', '15000', '1e3', ' 12 ', '+5', '.5']);
    case 6: return pick(['industry', 'software_it', 'equal_installment', 'A', 'M', 'lpr_1y', 'bank-a', 'xinghe-world']);
    case 7: return 'y'.repeat(int(3000));
    default: return Math.random.toString().slice(0, int(30));
  }
}

function randomNumber() {
  return pick([
    0, -0, 1, -1, 0.1, 0.035, 12.5, 15000, 3e6, 1e13, 1e13 + 0.5, 1e14, 2 ** 31, 2 ** 32, 2 ** 53 + 2, 1e21, 1e300,
    -1e300, 5e-324, 1e-12, 1e-13, 0.1 + 0.2, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 600, 601,
    int(1000), rand() * 1e7, -rand() * 100,
  ]);
}

function deep(depth) {
  let v = chance(0.5) ? [] : {};
  for (let i = 0; i < depth; i++) v = chance(0.5) ? [v] : { a: v };
  return v;
}

function exotic() {
  switch (int(16)) {
    case 0: return Symbol('s');
    case 1: return () => 1;
    case 2: return 10n ** BigInt(int(60)) * (chance(0.5) ? 1n : -1n);
    case 3: return new Date(int(2 ** 40));
    case 4: return /re/g;
    case 5: return new Map([[1, 2]]);
    case 6: return new Uint8Array(int(10));
    case 7: { const o = { a: 1 }; o.self = o; return o; }
    case 8: return { toJSON() { throw new Error('toJSON throws'); } };
    case 9: return { toJSON() { return undefined; } };
    case 10: return new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    case 11: return { get revenue() { throw new RangeError('getter'); }, industry: 'retail' };
    case 12: return deep(pick([5, 127, 129, 500, 5000, 200_000]));
    case 13: return Object.create(null);
    case 14: if (bigUsed < 4) { bigUsed++; return big; } return 'z'.repeat(int(100_000));
    default: return [randomNumber(), randomString()];
  }
}

/** An own property, even `__proto__` (plain assignment would set the prototype). */
function put(object, key, value) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function garbage(depth = 0) {
  const r = int(10);
  if (r === 0) return undefined;
  if (r === 1) return null;
  if (r === 2) return chance(0.5);
  if (r === 3) return randomNumber();
  if (r === 4) return randomString();
  if (r === 5) return exotic();
  if (depth > 3) return randomNumber();
  if (r <= 7) return Array.from({ length: int(4) }, () => garbage(depth + 1));
  const o = {};
  for (let i = 0; i < int(4); i++) put(o, pick([randomString(), 'industry', 'value', 'source', 'id', '__proto__', 'toJSON']), garbage(depth + 1));
  return o;
}

// ----- mutation of valid inputs -----------------------------------------------------------

/** Every [container, key] inside a JSON value (not into garbage planted by earlier mutations). */
function slots(value, out = [], seen = new Set(), depth = 0) {
  if (value && typeof value === 'object' && !seen.has(value) && depth < 12 &&
      (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)) {
    seen.add(value);
    let keys = [];
    try {
      keys = Object.keys(value);
    } catch {
      // a Proxy planted as garbage
    }
    for (const key of keys) {
      out.push([value, key]);
      slots(value[key], out, seen, depth + 1);
    }
  }
  return out;
}

function mutateValue(old) {
  if (typeof old === 'string' && /^-?\d/.test(old) && chance(0.6)) {
    return pick(['9999999999999', '10000000000001', '0.000000000001', '0.0000000000001', '-' + old, old + '0000000',
      '1e12', '1e-12', '99999999999999999999999999999', '0.99999', '1', '0', old.replace('.', '')]);
  }
  if (typeof old === 'number' && chance(0.6)) return pick([old * 1e9, -old, old + 0.5, 0, 600, 601, 2 ** 32, NaN]);
  if (typeof old === 'boolean' && chance(0.5)) return !old;
  return chance(0.5) ? garbage(2) : pick([randomNumber(), randomString(), null, [], {}]);
}

function mutate(value) {
  const copy = structuredClone(value);
  const n = 1 + int(3);
  const all = slots(copy); // before any garbage is planted
  for (let i = 0; i < n; i++) {
    if (all.length === 0) break;
    const [holder, key] = pick(all);
    switch (int(6)) {
      case 0: delete holder[key]; break;
      case 1: put(holder, Array.isArray(holder) ? String(holder.length) : randomString() || 'extra', garbage(2)); break;
      case 2: if (Array.isArray(holder[key])) holder[key] = holder[key].concat(holder[key]); else holder[key] = mutateValue(holder[key]); break;
      default: holder[key] = mutateValue(holder[key]);
    }
  }
  return copy;
}

/** Flip, drop, duplicate or insert characters of a JSON text. */
function mutateText(text) {
  let t = text;
  for (let i = 0; i < 1 + int(4); i++) {
    const at = int(t.length + 1);
    switch (int(4)) {
      case 0: t = t.slice(0, at) + t.slice(at + 1 + int(20)); break;
      case 1: t = t.slice(0, at) + pick(['{', '}', '[', ']', ',', ':', '"', '\\', '-', '0', 'e', ' ', '\u0000', '\ud800']) + t.slice(at); break;
      case 2: t = t.slice(0, at) + t.slice(Math.max(0, at - 50), at) + t.slice(at); break;
      default: t = t.slice(0, at);
    }
  }
  return t;
}

/** The value as JSON text when it has one (garbage may be cyclic or hold BigInts). */
function textOr(value) {
  try {
    return JSON.stringify(value) ?? value;
  } catch {
    return value;
  }
}

function policyArg() {
  switch (int(8)) {
    case 0: return garbage();
    case 1: return mutateText(packText);
    case 2: return pick(['default', JSON.stringify(pack), packText]);
    case 3: return pack;
    default: return chance(0.3) ? textOr(mutate(pack)) : mutate(pack);
  }
}

function firmArg() {
  switch (int(6)) {
    case 0: return garbage();
    case 1: return mutateText(JSON.stringify(pick(firms)));
    case 2: return pick(firms);
    default: return mutate(pick(firms));
  }
}

function langArg() {
  return chance(0.7) ? pick([undefined, 'en', 'zh-CN', 'en-US']) : garbage();
}

function dateArg() {
  return chance(0.6) ? pick([undefined, null, '2026-01-15', '2025-10-01', '2030-12-31', '1900-01-01']) : (chance(0.5) ? randomString() : garbage());
}

function requestArg(valid) {
  switch (int(5)) {
    case 0: return garbage();
    case 1: return mutateText(JSON.stringify(pick(valid)));
    case 2: return pick(valid);
    default: return mutate(pick(valid));
  }
}

const calls = [
  [6, 'evaluate', () => [policyArg(), firmArg(), dateArg(), langArg()]],
  [2, 'evaluate', () => [pick(['default', pack]), firmArg(), dateArg(), langArg()]],
  [2, 'schedule', () => [requestArg(scheduleRequests), langArg()]],
  [2, 'classify', () => [requestArg(classifyRequests), langArg()]],
  [2, 'validatePolicy', () => [policyArg(), langArg()]],
  [1, 'defaultPolicy', () => Array.from({ length: int(3) }, () => garbage())],
  [1, 'version', () => Array.from({ length: int(3) }, () => garbage())],
  [2, 'preparePolicy', () => [policyArg(), langArg()]],
  [2, 'prepared.evaluate', () => [firmArg(), dateArg(), langArg()]],
  [2, 'prepared.eligibility', () => [pick([...pack.products.map((p) => p.id), garbage()]), firmArg(), dateArg(), langArg()]],
  [2, 'advise', () => [policyArg(), firmArg(), chance(0.2) ? undefined : requestArg(adviceRequests), dateArg(), langArg()]],
  [1, 'advise', () => [pick(['default', pack]), firmArg(), chance(0.2) ? undefined : requestArg(adviceRequests), dateArg(), langArg()]],
  [2, 'prepared.advise', () => [firmArg(), chance(0.2) ? undefined : requestArg(adviceRequests), dateArg(), langArg()]],
];
// The methods of a prepared pack, called like the functions; the advisor's in the test build.
const prepared = sdk.preparePolicy(pack);
const preparedWithAdvise = withAdvise.preparePolicy(pack);
const api = {
  ...sdk,
  'prepared.evaluate': (...args) => prepared.evaluate(...args),
  'prepared.eligibility': (...args) => prepared.eligibility(...args),
  advise: (...args) => withAdvise.advise(...args),
  'prepared.advise': (...args) => preparedWithAdvise.advise(...args),
};
const weights = calls.reduce((sum, [w]) => sum + w, 0);

function nextCall() {
  let r = int(weights);
  for (const [w, name, args] of calls) {
    if (r < w) return [name, args()];
    r -= w;
  }
  throw new Error('unreachable');
}

function preview(args) {
  return args.map((a) => {
    try {
      const text = typeof a === 'string' ? a : JSON.stringify(a, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
      return String(text).slice(0, 200);
    } catch {
      return `<${typeof a}>`;
    }
  });
}

test(`fuzz: ${CALLS} random and malformed calls (seed ${SEED}) give a result or a coded Error`, () => {
  const baseline = JSON.stringify(sdk.evaluate(pack, firms[0]));
  const eligible = readJson('examples/firms/eligible.json');
  const adviceBaseline = JSON.stringify(withAdvise.advise(pack, eligible, adviceRequests[2]));
  const tally = { results: 0, errors: 0, byFunction: {}, resultsBy: {}, codes: {} };
  for (let i = 0; i < CALLS; i++) {
    const [name, args] = nextCall();
    tally.byFunction[name] = (tally.byFunction[name] ?? 0) + 1;
    let result;
    try {
      result = api[name](...args);
    } catch (e) {
      const ok = e instanceof Error && typeof e.code === 'string' && typeof e.path === 'string' && typeof e.message === 'string';
      if (!ok) {
        assert.fail(`call #${i} ${name}(${preview(args).join(', ')}) threw ${e?.constructor?.name}: ${e?.message ?? e}`);
      }
      tally.errors++;
      tally.codes[e.code] = (tally.codes[e.code] ?? 0) + 1;
      continue;
    }
    assert.notEqual(result, undefined, `call #${i} ${name} returned undefined`);
    result?.free?.(); // a PreparedPolicy: release it now
    tally.results++;
    tally.resultsBy[name] = (tally.resultsBy[name] ?? 0) + 1;
  }
  // Still usable, and unchanged.
  assert.equal(JSON.stringify(sdk.evaluate(pack, firms[0])), baseline);
  assert.equal(JSON.stringify(withAdvise.advise(pack, eligible, adviceRequests[2])), adviceBaseline);
  assert.equal(JSON.stringify(preparedWithAdvise.advise(eligible, adviceRequests[2])), adviceBaseline);
  assert.equal(tally.results + tally.errors, CALLS);
  assert.ok(CALLS >= 10_000 || process.env.PREQUAL_FUZZ_CALLS, 'at least 10,000 calls');
  // Both outcomes must be well represented, or the fuzzer is not exercising the engine.
  assert.ok(tally.results > CALLS / 10, JSON.stringify(tally));
  assert.ok(tally.errors > CALLS / 10, JSON.stringify(tally));
  // The advisor too: some calls get as far as advice, most are refused.
  for (const name of ['advise', 'prepared.advise']) {
    assert.ok(tally.resultsBy[name] > tally.byFunction[name] / 40, `${name}: ${JSON.stringify(tally)}`);
  }
  console.log(`# fuzz seed ${SEED}: ${JSON.stringify(tally)}`);
});

// Packs and firms that stay well-formed but carry extreme numbers, so that evaluation and
// advice (not just validation) run at the engine's limits: the arithmetic must fail with an Error or
// give a result, never trap.
const EXTREMES = ['0', '0.000000000001', '0.5', '0.999999999999', '1', '12', '599', '600', '1000',
  '9999999999999', '10000000000000', '123456789.123456789012', '3.14159265358979'];

function numericSlots(value, out = []) {
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) || typeof v === 'number') out.push([value, key]);
      else numericSlots(v, out);
    }
  }
  return out;
}

function extreme(value) {
  const copy = structuredClone(value);
  const all = numericSlots(copy);
  for (let i = 0; i < 1 + int(6) && all.length > 0; i++) {
    const [holder, key] = pick(all);
    const x = pick(EXTREMES);
    holder[key] = typeof holder[key] === 'number' ? Number(x) : x;
  }
  return copy;
}

test('fuzz: extreme but well-formed numbers in packs and firms', () => {
  const n = Math.max(2000, Math.floor(CALLS / 4));
  const tally = { reports: 0, advice: 0, errors: 0, quoteErrors: 0 };
  for (let i = 0; i < n; i++) {
    const policy = chance(0.7) ? extreme(pack) : pack;
    const firm = extreme({ ...pick(firms), term_months: pick([1, 12, 36, 120, 600]) });
    const date = pick([undefined, '2026-01-15', '2999-12-31']);
    try {
      if (i % 4 === 3) {
        // The advisor prices every term and method of every product: extremes there too.
        const request = extreme(pick([{ amount: '1000000', maxPayment: '100000' }, { amount: 600, objective: 'apr' }, {}]));
        const advice = withAdvise.advise(policy, firm, request, date);
        assert.equal(advice.best, advice.options[0] ?? null);
        tally.advice++;
        continue;
      }
      const report = sdk.evaluate(policy, firm, date);
      tally.reports++;
      tally.quoteErrors += report.quotes.filter((q) => q.error).length;
    } catch (e) {
      assert.ok(e instanceof Error && typeof e.code === 'string',
        `call #${i} threw ${e?.constructor?.name}: ${e?.message}\n policy ${JSON.stringify(policy).slice(0, 300)}\n firm ${JSON.stringify(firm)}`);
      tally.errors++;
    }
  }
  assert.ok(tally.reports > n / 10, JSON.stringify(tally));
  assert.ok(tally.advice > n / 40, JSON.stringify(tally));
  console.log(`# extremes: ${JSON.stringify(tally)}`);
});
