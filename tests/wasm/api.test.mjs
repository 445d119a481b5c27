// The SDK's JS API: argument forms, defaults, decimal strings out, errors with code/path/input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { loadSdk, readJson, readText, root } from './sdk.mjs';

const sdk = await loadSdk();
const eligible = readJson('examples/firms/eligible.json');
const pack = sdk.defaultPolicy();

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

/** Every number anywhere in a value (outputs must have none but counts and periods). */
function numbers(value, path = '$', out = []) {
  if (typeof value === 'number') out.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => numbers(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbers(v, `${path}.${k}`, out);
  return out;
}

test('version() is the engine version', () => {
  assert.match(sdk.version(), /^\d+\.\d+\.\d+/);
});

test('defaultPolicy() is canonical: decimal strings, and it validates with the same hash', () => {
  assert.equal(pack.id, 'shenzhen-park-loan-2');
  assert.deepEqual(numbers(pack).filter((p) => !/(months|max_years)$/.test(p)), []);
  const v = sdk.validatePolicy(pack);
  assert.equal(v.valid, true);
  assert.deepEqual(v.problems, []);
  const report = sdk.evaluate(pack, eligible);
  assert.equal(report.policy.content_hash, v.content_hash);
  // The pack as a JSON text, as an object, and "default" are the same pack.
  assert.deepEqual(sdk.evaluate(JSON.stringify(pack), eligible), report);
  assert.deepEqual(sdk.evaluate('default', eligible), report);
  assert.deepEqual(sdk.evaluate(readText('examples/packs/shenzhen-park-loan-2.json'), eligible), report);
});

test('preparePolicy(): the same reports as evaluate(), the pack read once', () => {
  const prepared = sdk.preparePolicy(pack);
  assert.equal(prepared.id, pack.id);
  assert.equal(prepared.contentHash, sdk.validatePolicy(pack).content_hash);
  for (const name of ['eligible', 'ineligible', 'needs-info', 'dayun-startup', 'longhua-tenant']) {
    const firm = readText(`examples/firms/${name}.json`);
    assert.equal(JSON.stringify(prepared.evaluate(firm)), JSON.stringify(sdk.evaluate(pack, firm)), name);
    assert.equal(JSON.stringify(prepared.evaluate(JSON.parse(firm), '2026-01-15')), JSON.stringify(sdk.evaluate(pack, firm, '2026-01-15')), name);
  }
  assert.equal(sdk.preparePolicy('default').contentHash, prepared.contentHash);
  assert.throws(() => prepared.evaluate({ industry: 'software_it', revenue: -1 }, null, 'en'),
    (e) => e.name === 'PrequalError' && e.code === 'negative_amount' && e.path === '$.revenue' && e.input === 'firm');
  assert.throws(() => prepared.evaluate(eligible, 20260115),
    (e) => e.name === 'PrequalError' && e.input === 'asOf');
  assert.throws(() => sdk.preparePolicy({ ...pack, banks: 'x' }, 'en'),
    (e) => e.name === 'PrequalError' && e.code === 'wrong_type' && e.path === '$.banks' && e.input === 'policy');
  prepared.free();
  assert.throws(() => prepared.evaluate(eligible)); // a JS error, not a trap
  assert.ok(sdk.preparePolicy(pack).evaluate(eligible).quotes.length > 0); // still usable
});

test('PreparedPolicy.eligibility(): each product\'s verdict in evaluate(), without the quote', () => {
  const prepared = sdk.preparePolicy(pack);
  let seen = new Set();
  for (const name of ['eligible', 'ineligible', 'needs-info', 'dayun-startup', 'longhua-tenant']) {
    const firm = readJson(`examples/firms/${name}.json`);
    const report = sdk.evaluate(pack, firm);
    for (const quote of report.quotes) {
      assert.equal(prepared.eligibility(quote.product, firm), quote.verdict, `${name} / ${quote.product}`);
      seen.add(quote.verdict);
    }
  }
  assert.deepEqual([...seen].sort(), ['eligible', 'ineligible', 'needs_info']);
  assert.equal(prepared.eligibility('no-such-product', eligible), null);
  assert.throws(() => prepared.eligibility(7, eligible), (e) => e.code === 'wrong_type' && e.input === 'product');
  assert.throws(() => prepared.eligibility('park-credit-loan', { industry: 'nope' }, null, 'en'),
    (e) => e.code === 'invalid_value' && e.path === '$.industry' && e.input === 'firm');
});

test('evaluate(): the pack date by default, never the clock; an explicit date wins', () => {
  const report = sdk.evaluate(pack, eligible);
  assert.equal(report.as_of, pack.market.as_of);
  assert.equal(sdk.evaluate(pack, eligible, null).as_of, pack.market.as_of);
  assert.equal(sdk.evaluate(pack, eligible, '2026-01-15').as_of, '2026-01-15');
  assert.ok(report.quotes.length > 0);
  assert.equal(report.quotes[0].rank, 1);
});

test('evaluate(): amounts as numbers or decimal strings give the same report; outputs are strings', () => {
  const asStrings = { ...eligible, revenue: '18000000', debt_ratio: '0.42', requested_amount: '3000000.00' };
  const a = sdk.evaluate(pack, eligible);
  const b = sdk.evaluate(pack, asStrings);
  assert.deepEqual(b.quotes.map((q) => q.loan?.schedule), a.quotes.map((q) => q.loan?.schedule));
  assert.deepEqual(b.quotes.map((q) => [q.apr_gross, q.apr_net]), a.quotes.map((q) => [q.apr_gross, q.apr_net]));
  const allowed = /\.(rank|period|term_months)$/;
  assert.deepEqual(numbers(a).filter((p) => !allowed.test(p)), [], 'no floats in a report');
  const loan = a.quotes.find((q) => q.loan).loan;
  assert.match(loan.first_payment, /^\d+\.\d\d$/);
  assert.match(a.quotes[0].apr_net, /^\d\.\d{6}$/);
});

test('evaluate(): BigInt amounts are read exactly', () => {
  const a = sdk.evaluate(pack, { ...eligible, revenue: 18000000n, requested_amount: 3000000n });
  assert.deepEqual(a, sdk.evaluate(pack, eligible));
});

test('schedule() and classify(): camelCase requests, decimal strings out', () => {
  const s = sdk.schedule({ principal: 15000, annualRate: 0.08, months: 60, method: 'equal_installment' });
  assert.equal(s.rows.length, 60);
  assert.equal(s.rows[0].payment, '304.15');
  assert.deepEqual(sdk.schedule({ principal: '15000', annualRate: '0.08', months: 60, method: 'equal_installment' }), s);
  assert.deepEqual(sdk.schedule(JSON.stringify({ principal: '15000', annualRate: '0.08', months: 60, method: 'equal_installment' })), s);
  const c = sdk.classify({ industry: 'industry', employees: 25, revenue: 3000000 });
  assert.deepEqual(c, { size: 'small', industry: 'industry', industry_zh: '工业', needed: ['employees', 'revenue'] });
  assert.equal(sdk.classify({ industry: 'industry', employees: 25 }).size, 'unknown');
});

test('errors: code, JSON path, the argument, and the message in the caller\'s language', () => {
  let e = thrown(() => sdk.evaluate(pack, { ...eligible, revenue: -5 }));
  assert.deepEqual([e.code, e.path, e.input], ['negative_amount', '$.revenue', 'firm']);
  assert.match(e.message, /[\u4e00-\u9fff]/, 'zh-CN by default');
  e = thrown(() => sdk.evaluate(pack, { ...eligible, revenue: -5 }, undefined, 'en'));
  assert.doesNotMatch(e.message, /[\u4e00-\u9fff]/);
  assert.match(e.message, /^\$\.revenue/);
  e = thrown(() => sdk.evaluate({ ...pack, products: [{ ...pack.products[0], bank: 'nobody' }] }, eligible, null, 'en'));
  assert.deepEqual([e.code, e.path, e.input], ['dangling_reference', '$.products[0].bank', 'policy']);
  e = thrown(() => sdk.evaluate(pack, eligible, '2026-02-30'));
  assert.deepEqual([e.code, e.input], ['invalid_value', 'asOf']);
  e = thrown(() => sdk.evaluate(pack, eligible, 20260101));
  assert.deepEqual([e.code, e.input], ['wrong_type', 'asOf']);
  e = thrown(() => sdk.schedule({ principal: 1000, annualRate: 1.5, months: 12, method: 'equal_installment' }));
  assert.deepEqual([e.code, e.path, e.input], ['rate_out_of_range', '$.annualRate', 'request']);
  e = thrown(() => sdk.schedule({ principal: 1000, annualRate: 0.05, months: 12, method: 'balloon' }));
  assert.deepEqual([e.code, e.path], ['invalid_value', '$.method']);
  e = thrown(() => sdk.classify({ industry: 'industry', employees: 'many' }));
  assert.deepEqual([e.code, e.path], ['wrong_type', '$.employees']);
});

test('errors: missing, non-finite, cyclic, too large and too deep inputs', () => {
  let e = thrown(() => sdk.evaluate(undefined, eligible));
  assert.deepEqual([e.code, e.input], ['missing_field', 'policy']);
  e = thrown(() => sdk.evaluate(pack, null));
  assert.deepEqual([e.code, e.input], ['missing_field', 'firm']);
  e = thrown(() => sdk.evaluate(pack, { ...eligible, revenue: NaN }));
  assert.deepEqual([e.code, e.path], ['wrong_type', '$.revenue']);
  e = thrown(() => sdk.evaluate(pack, { ...eligible, revenue: Infinity }));
  assert.equal(e.path, '$.revenue');
  e = thrown(() => sdk.evaluate(pack, { ...eligible, park: NaN }));
  assert.equal(e.code, 'wrong_type', 'NaN is not a park name');
  const cyclic = { industry: 'retail' };
  cyclic.self = cyclic;
  e = thrown(() => sdk.evaluate(pack, cyclic));
  assert.deepEqual([e.code, e.input], ['invalid_json', 'firm']);
  e = thrown(() => sdk.evaluate('x'.repeat(10_000_000), eligible));
  assert.deepEqual([e.code, e.input], ['too_large', 'policy']);
  e = thrown(() => sdk.evaluate(pack, { ...eligible, park: 'p'.repeat(10_000_000) }));
  assert.deepEqual([e.code, e.input], ['too_large', 'firm']);
  let deep = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  e = thrown(() => sdk.evaluate(pack, { ...eligible, qualifications: deep }));
  assert.equal(e.input, 'firm');
  e = thrown(() => sdk.evaluate(pack, '['.repeat(50_000)));
  assert.equal(e.code, 'too_large', 'nesting beyond the JSON reader\'s limit');
  e = thrown(() => sdk.evaluate(pack, { ...eligible, revenue: 1e300 }));
  assert.equal(e.path, '$.revenue');
  e = thrown(() => sdk.evaluate(pack, { ...eligible, revenue: 10n ** 40n }));
  assert.equal(e.path, '$.revenue');
  e = thrown(() => sdk.evaluate(pack, { toJSON() { throw new Error('nope'); } }));
  assert.deepEqual([e.code, e.input], ['invalid_json', 'firm']);
  e = thrown(() => sdk.evaluate(pack, () => 1));
  assert.deepEqual([e.code, e.input], ['invalid_json', 'firm']);
  // Still usable afterwards.
  assert.equal(sdk.evaluate(pack, eligible).quotes.length, pack.products.length);
});

test('validatePolicy(): every problem with its path, never a throw for a bad pack', () => {
  const bad = structuredClone(pack);
  bad.products[0].bank = 'nobody';
  bad.market.lpr_1y = '1.5';
  bad.guarantee_schemes[0].risk_sharing[0].share = '0.3';
  const v = sdk.validatePolicy(bad, 'en');
  assert.equal(v.valid, false);
  assert.ok(v.problems.length >= 3, JSON.stringify(v.problems));
  for (const p of v.problems) {
    assert.match(p.path, /^\$/);
    assert.equal(typeof p.code, 'string');
    assert.doesNotMatch(p.message, /[\u4e00-\u9fff]/);
  }
  const paths = v.problems.map((p) => p.path);
  assert.ok(paths.includes('$.products[0].bank'), paths.join(' '));
  assert.equal(sdk.validatePolicy('{"id": ').problems[0].code, 'invalid_json');
  assert.equal(sdk.validatePolicy(42).valid, false);
  assert.equal(sdk.validatePolicy(undefined).problems[0].code, 'missing_field');
  assert.match(sdk.validatePolicy('{').problems[0].message, /[\u4e00-\u9fff]/, 'zh-CN by default');
});

test('a page evaluating many firms against one pack reads the pack once (same result either way)', () => {
  const text = JSON.stringify(pack);
  const other = JSON.stringify({ ...pack, id: 'other-pack' });
  const a = sdk.evaluate(text, eligible);
  assert.equal(sdk.evaluate(other, eligible).policy.id, 'other-pack');
  assert.deepEqual(sdk.evaluate(text, eligible), a);
});

// ----- a pack that declares facts and uses any_of / all_of groups --------------------------

const BANK = 'examples/packs/bank-g-tech-credit.json';
const bank = readJson(BANK);
const applicant = readJson('examples/firms/bank-g-applicant.json');
const withFacts = (facts) => ({ ...applicant, facts: { ...applicant.facts, ...facts } });

test('validatePolicy(): the bank pack is valid; bad fact declarations are listed with their paths', () => {
  const ok = sdk.validatePolicy(readText(BANK), 'en');
  assert.deepEqual([ok.valid, ok.id, ok.problems], [true, 'bank-g-tech-credit', []]);
  assert.equal(sdk.evaluate(bank, applicant).policy.content_hash, ok.content_hash);
  const bad = structuredClone(bank);
  bad.facts[0].min = 5;
  bad.facts[0].max = 1;
  bad.facts[1].unit = { 'zh-CN': '人', en: 'people' };
  bad.facts[2].choices[1].id = 'below_3';
  bad.facts.push({ id: 'employees', kind: 'yes_no', label: { 'zh-CN': '员工', en: 'staff' } });
  bad.facts.push({ id: 'Bad-Id', kind: 'choice', label: { 'zh-CN': '坏', en: 'bad' }, choices: [] });
  bad.products[0].criteria[1].field = 'insured_staff_count';
  bad.products[0].criteria[0].any_of.push({ field: 'pending_lawsuit', op: 'gte', value: 1 });
  const v = sdk.validatePolicy(bad, 'en');
  assert.equal(v.valid, false);
  const found = Object.fromEntries(v.problems.map((p) => [p.path, p.code]));
  for (const [path, code] of [
    ['$.facts[0].min', 'inverted_range'],
    ['$.facts[1].unit', 'invalid_value'],
    ['$.facts[2].choices[1].id', 'duplicate_id'],
    ['$.facts[3].id', 'invalid_value'],
    ['$.facts[4].id', 'invalid_value'],
    ['$.facts[4].choices', 'empty_list'],
    ['$.products[0].criteria[1].field', 'invalid_value'],
  ]) {
    assert.equal(found[path], code, `${path} in ${JSON.stringify(v.problems, null, 1)}`);
  }
  assert.ok(v.problems.some((p) => p.path.startsWith('$.products[0].criteria[0].any_of[2]')), 'a bad test inside a group, by its path');
  assert.ok(v.problems.find((p) => p.path === '$.facts[3].id').message.includes('employees'));
  const zh = sdk.validatePolicy(bad);
  assert.equal(zh.problems.length, v.problems.length);
  assert.match(zh.problems[0].message, /[\u4e00-\u9fff]/, 'zh-CN by default');
  // A key a fact declaration does not have stops reading there.
  const unknown = sdk.validatePolicy({ ...bank, facts: [{ ...bank.facts[0], colour: 'red' }] }, 'en');
  assert.deepEqual(unknown.problems.map((p) => [p.code, p.path]), [['unknown_field', '$.facts[0].colour']]);
});

test('evaluate(): the bank pack with the firm\'s facts, byte for byte the native report', () => {
  const report = sdk.evaluate(bank, applicant);
  const quote = report.quotes[0];
  assert.deepEqual([quote.product, quote.verdict, quote.limit.amount, quote.apr_net], ['tech-credit-loan', 'eligible', '1000000.00', '0.038000']);
  const group = quote.criteria.find((c) => c.id === 'tech_or_mature');
  assert.equal(group.group, 'any_of');
  assert.deepEqual(group.branches.map((b) => [b.id, b.field, b.status]), [
    ['tech_or_mature.1', 'high_tech', 'fail'],
    ['tech_or_mature.2', 'years_in_operation', 'pass'],
  ]);
  const staff = quote.criteria.find((c) => c.id === 'insured_staff');
  assert.deepEqual([staff.field, staff.observed, staff.status], ['social_insurance_staff', '12', 'pass']);
  assert.equal('warnings' in report, false, 'no warnings key when every fact is declared');
  assert.equal('group' in staff || 'branches' in staff, false, 'no group keys on a plain test');
  // Numbers as decimal strings, and facts given as JSON text, read the same.
  assert.deepEqual(sdk.evaluate(bank, withFacts({ social_insurance_staff: '12' })), report);
  assert.deepEqual(sdk.evaluate(readText(BANK), readText('examples/firms/bank-g-applicant.json')), report);
  // The native CLI's report for the same inputs.
  const native = execFileSync('cargo', ['run', '--quiet', '-p', 'prequal-cli', '--', 'quote', '--policy', BANK, '--firm', 'examples/firms/bank-g-applicant.json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  assert.equal(JSON.stringify(report, null, 2), native.trimEnd());
  // Facts decide: a pending lawsuit fails, an unanswered fact is unknown.
  assert.equal(sdk.evaluate(bank, withFacts({ pending_lawsuit: true })).quotes[0].verdict, 'ineligible');
  const { pending_lawsuit: _, ...rest } = applicant.facts;
  const unanswered = sdk.evaluate(bank, { ...applicant, facts: rest });
  assert.equal(unanswered.quotes[0].verdict, 'needs_info');
  assert.equal(unanswered.quotes[0].criteria.find((c) => c.id === 'no_lawsuit').status, 'unknown');
  assert.deepEqual(sdk.evaluate(bank, withFacts({ pending_lawsuit: null })), unanswered, 'null is not answered');
});

test('evaluate(): a firm fact of the wrong kind is a coded error at $.facts.<id>', () => {
  for (const [facts, code, id] of [
    [{ pending_lawsuit: 'no' }, 'wrong_type', 'pending_lawsuit'],
    [{ pending_lawsuit: 0 }, 'wrong_type', 'pending_lawsuit'],
    [{ social_insurance_staff: 2.5 }, 'wrong_type', 'social_insurance_staff'],
    [{ social_insurance_staff: -1 }, 'out_of_range', 'social_insurance_staff'],
    [{ social_insurance_staff: 'lots' }, 'wrong_type', 'social_insurance_staff'],
    [{ social_insurance_staff: true }, 'wrong_type', 'social_insurance_staff'],
    [{ rd_intensity: 'lots' }, 'invalid_value', 'rd_intensity'],
    [{ rd_intensity: 6 }, 'wrong_type', 'rd_intensity'],
  ]) {
    const e = thrown(() => sdk.evaluate(bank, withFacts(facts), null, 'en'));
    assert.deepEqual([e.code, e.path, e.input], [code, `$.facts.${id}`, 'firm'], JSON.stringify(facts));
    assert.match(e.message, new RegExp(`^\\$\\.facts\\.${id}`));
  }
  const e = thrown(() => sdk.evaluate(bank, withFacts({ pending_lawsuit: 'no' })));
  assert.match(e.message, /true 或 false/, 'zh-CN by default');
  // Not an object, or a value that is no fact value at all: read errors at the same place.
  assert.equal(thrown(() => sdk.evaluate(bank, { ...applicant, facts: [1] })).path, '$.facts');
  assert.equal(thrown(() => sdk.evaluate(bank, withFacts({ rd_intensity: ['above_6'] }))).path, '$.facts.rd_intensity');
  // Still usable afterwards.
  assert.equal(sdk.evaluate(bank, applicant).quotes[0].verdict, 'eligible');
});

test('evaluate(): a fact the pack does not declare is ignored, with a warning', () => {
  const report = sdk.evaluate(bank, withFacts({ export_licence: true }));
  assert.deepEqual(report.warnings.map((w) => [w.code, w.path]), [['undeclared_fact', '$.facts.export_licence']]);
  assert.match(report.warnings[0].message.en, /export_licence/);
  assert.match(report.warnings[0].message['zh-CN'], /export_licence/);
  assert.deepEqual(report.quotes, sdk.evaluate(bank, applicant).quotes, 'the fact changes nothing else');
  // Against the default pack, which declares none, every fact is undeclared.
  assert.deepEqual(sdk.evaluate('default', applicant).warnings.map((w) => w.path), [
    '$.facts.pending_lawsuit',
    '$.facts.rd_intensity',
    '$.facts.social_insurance_staff',
  ]);
});

test('preparePolicy(bank pack): evaluate() and eligibility() with facts', () => {
  const prepared = sdk.preparePolicy(bank, 'en');
  assert.equal(prepared.id, 'bank-g-tech-credit');
  assert.equal(prepared.contentHash, sdk.validatePolicy(bank).content_hash);
  assert.equal(JSON.stringify(prepared.evaluate(applicant)), JSON.stringify(sdk.evaluate(bank, applicant)));
  assert.equal(prepared.eligibility('tech-credit-loan', applicant), 'eligible');
  assert.equal(prepared.eligibility('tech-credit-loan', withFacts({ pending_lawsuit: true })), 'ineligible');
  assert.equal(prepared.eligibility('tech-credit-loan', withFacts({ social_insurance_staff: 2 })), 'ineligible');
  assert.equal(prepared.eligibility('tech-credit-loan', { ...applicant, facts: {} }), 'needs_info');
  // The any_of rule: neither high-tech nor five years old fails, either one passes.
  const young = { ...applicant, founded: '2024-01-01' };
  assert.equal(prepared.eligibility('tech-credit-loan', young), 'ineligible');
  assert.equal(prepared.eligibility('tech-credit-loan', { ...young, qualifications: { high_tech: true } }), 'eligible');
  assert.equal(prepared.eligibility('no-such-product', applicant), null);
  assert.throws(() => prepared.eligibility('tech-credit-loan', withFacts({ pending_lawsuit: 'no' })),
    (e) => e.name === 'PrequalError' && e.code === 'wrong_type' && e.path === '$.facts.pending_lawsuit' && e.input === 'firm');
  prepared.free();
});

test('defaultPolicy() still round-trips: no facts key, criteria as plain tests, the same hash', () => {
  const text = JSON.stringify(pack);
  assert.equal('facts' in pack, false, 'a pack without facts has no facts key');
  const criteria = pack.products.flatMap((p) => p.criteria ?? []);
  assert.ok(criteria.length > 0);
  for (const c of criteria) assert.deepEqual(Object.keys(c).slice(0, 4), ['id', 'field', 'op', 'value'], c.id);
  const again = sdk.validatePolicy(text);
  assert.equal(again.valid, true);
  assert.equal(again.content_hash, sdk.preparePolicy('default').contentHash);
  assert.equal(sdk.preparePolicy(text).contentHash, again.content_hash);
  assert.deepEqual(sdk.defaultPolicy(), pack);
  assert.deepEqual(sdk.evaluate(text, eligible), sdk.evaluate('default', eligible));
});
