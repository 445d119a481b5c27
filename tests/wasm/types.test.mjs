// The TypeScript declarations shipped in pkg/ against reality:
// 1. the pack and firm interfaces against the committed JSON Schemas (schema/*.json): same
//    properties, same required ones, same enum names; a schema's anyOf of objects (criteria,
//    conditions) against a union of interfaces, member by member;
// 2. real outputs (reports of every example firm, schedule, classify, validation, the
//    default pack, the example firms) written as typed TS literals and checked by tsc, whose excess
//    property checks catch any key the declarations lack; plus deliberate mistakes tsc must
//    reject, so the check cannot pass vacuously;
// 3. the same for the advisor's outputs, against pkg/'s declarations (the advisor's are
//    crates/prequal-wasm/advise.d.ts, in every build with the `advise` feature, which is on
//    by default); and the advisor's typed example (examples/sdk/typed-advise.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { jsonFiles, loadSdk, readJson, root, sdkDir } from './sdk.mjs';

const sdk = await loadSdk();
/** The test build: the shipped SDK plus runVector and the advisor. */
const withAdvise = sdk;
const typesDir = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'prequal-wasm-types');
// Tests write their .ts files here before any tsc run; a fresh clone has no target/ yet.
mkdirSync(typesDir, { recursive: true });
const tsc = join(root, 'node_modules', '.bin', 'tsc');

/** Type-check `files` (absolute, or relative to typesDir) with tsc; `paths` maps module names. */
function typeCheck(name, files, paths) {
  mkdirSync(typesDir, { recursive: true });
  const config = join(typesDir, `tsconfig.${name}.json`);
  writeFileSync(config, JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, types: [], ...(paths ? { paths } : {}) },
    files,
  }));
  try {
    execFileSync(tsc, ['-p', config], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc rejected ${name}:\n${(e.stdout || e.message).slice(0, 4000)}`);
  }
}
const dts = readFileSync(join(sdkDir, 'prequal.d.ts'), 'utf8');

/**
 * `export interface X [extends Y, Z] { ... }` → {name: {props: Map(name → optional), bases}}.
 * A property typed `never` (`any_of?: never`: a key that must not be there) is not a property.
 */
function interfaces(text) {
  const out = new Map();
  const re = /export interface (\w+)(?: extends ([\w, ]+))? \{([^}]*)\}/g;
  for (const [, name, bases, body] of text.matchAll(re)) {
    const props = new Map();
    const code = body.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const [, key, optional, never] of code.matchAll(/^\s*"?([\w$-]+)"?(\?)?:\s*(never;)?/gm)) {
      if (!never) props.set(key, optional === '?');
    }
    out.set(name, { props, bases: bases ? bases.split(',').map((b) => b.trim()) : [] });
  }
  return out;
}

/** `export type X = A | B | C;` (names of interfaces only) → Map(name → [A, B, C]) */
function typeUnions(text) {
  const out = new Map();
  for (const [, name, body] of text.matchAll(/export type (\w+) = ([\w |]+);/g)) {
    out.set(name, body.split('|').map((m) => m.trim()));
  }
  return out;
}

/** Schema definitions whose TypeScript name says more than the Rust one. */
const tsName = (name) => ({ Choice: 'FactChoice', Test: 'ConditionTest' })[name] ?? name;

/** `export type X = "a" | "b" ...;` → Map(name → [literals]) */
function unions(text) {
  const out = new Map();
  for (const [, name, body] of text.matchAll(/export type (\w+) =([^;]*);/g)) {
    const names = [...body.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    if (names.length > 0 && !/[{(]/.test(body)) out.set(name, names);
  }
  return out;
}

function flatten(all, name) {
  const item = all.get(name);
  if (!item) return null;
  const props = new Map();
  for (const base of item.bases) for (const [k, v] of flatten(all, base) ?? []) props.set(k, v);
  for (const [k, v] of item.props) props.set(k, v);
  return props;
}

/** Whether the TS properties are the schema object's: same keys, optional iff not required. */
function sameProperties(props, def) {
  const required = new Set(def.required ?? []);
  const want = Object.keys(def.properties).sort();
  return JSON.stringify([...props.keys()].sort()) === JSON.stringify(want) && want.every((k) => props.get(k) === !required.has(k));
}

test('pack and firm declarations match the JSON Schemas', () => {
  const declared = interfaces(dts);
  const enums = unions(dts);
  const unionTypes = typeUnions(dts);
  let checked = 0;
  for (const file of ['schema/policy.schema.json', 'schema/firm.schema.json']) {
    const schema = readJson(file);
    const defs = { ...(schema.$defs ?? {}), [schema.title]: schema };
    for (const [rustName, def] of Object.entries(defs)) {
      const name = tsName(rustName);
      const alternatives = def.anyOf ?? [];
      if (alternatives.some((alt) => alt.properties) && alternatives.every((alt) => alt.properties || alt.$ref)) {
        // An anyOf of objects: a TS union whose members are those objects, one for one.
        const members = unionTypes.get(name);
        assert.ok(members, `${file}: ${name} has no union type in prequal.d.ts`);
        assert.equal(members.length, alternatives.length, `${name}: one member per alternative`);
        for (const alt of alternatives) {
          const match = alt.$ref
            ? members.find((m) => m === tsName(alt.$ref.split('/').pop()))
            : members.find((m) => flatten(declared, m) && sameProperties(flatten(declared, m), alt));
          assert.ok(match, `${name}: no member of ${members.join(' | ')} is ${JSON.stringify(alt.$ref ?? Object.keys(alt.properties))}`);
        }
        checked++;
      } else if (def.properties) {
        const props = flatten(declared, name);
        assert.ok(props, `${file}: ${name} has no interface in prequal.d.ts`);
        const required = new Set(def.required ?? []);
        const want = Object.keys(def.properties).sort();
        assert.deepEqual([...props.keys()].sort(), want, `${name}: properties`);
        for (const key of want) {
          assert.equal(props.get(key), !required.has(key), `${name}.${key}: optional in TS iff not required in the schema`);
        }
        checked++;
      } else {
        const literals = def.enum ?? (def.oneOf ?? def.anyOf ?? []).map((v) => v.const ?? v.enum?.[0]);
        if (literals.length > 0 && literals.every((l) => typeof l === 'string')) {
          assert.deepEqual(enums.get(name)?.slice().sort(), literals.slice().sort(), `${name}: names`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked >= 30, `${checked} definitions checked`);
});

test('real outputs type-check against the declarations (tsc)', () => {
  const pack = sdk.defaultPolicy();
  const firms = jsonFiles('examples/firms');
  // Every example pack (the bank's declares facts and uses any_of groups) and its reports.
  const packs = jsonFiles('examples/packs').map((p) => readJson(p.path));
  const bank = readJson('examples/packs/bank-g-tech-credit.json');
  const applicant = readJson('examples/firms/bank-g-applicant.json');
  const young = { ...applicant, founded: '2024-01-01', facts: { ...applicant.facts, export_licence: true, rd_intensity: null } };
  const outputs = [
    ...firms.map((f, i) => [`firm${i}`, 'Firm', readJson(f.path)]),
    ...firms.map((f, i) => [`report${i}`, 'Report', sdk.evaluate(pack, readJson(f.path))]),
    ...firms.map((f, i) => [`bankReport${i}`, 'Report', sdk.evaluate(bank, readJson(f.path))]),
    ...packs.map((p, i) => [`examplePack${i}`, 'Policy', p]),
    ['youngFirm', 'Firm', young],
    ['youngReport', 'Report', sdk.evaluate(bank, young)],
    ['bankValid', 'Validation', sdk.validatePolicy(bank)],
    ['pack', 'Policy', pack],
    ['schedule', 'Schedule', sdk.schedule({ principal: 15000, annualRate: '0.08', months: 12, method: 'equal_principal' })],
    ['classify', 'ClassifyResult', sdk.classify({ industry: 'construction', revenue: 4e6, assets: '3000000' })],
    ['valid', 'Validation', sdk.validatePolicy(pack)],
    ['invalid', 'Validation', sdk.validatePolicy({ ...pack, banks: [] })],
  ];
  // Quotes with an error, a priced loan, and an unknown limit must all be represented.
  const reports = outputs.filter(([, type]) => type === 'Report').map(([, , r]) => r);
  const quotes = reports.flatMap((r) => r.quotes);
  assert.ok(quotes.some((q) => q.loan) && quotes.some((q) => q.limit.amount === null), 'varied quotes');
  // Groups with their members, criteria on declared facts, and warnings must be there too.
  const criteria = quotes.flatMap((q) => q.criteria);
  assert.ok(criteria.some((c) => c.group === 'any_of' && c.branches.length === 2 && c.status === 'fail'), 'a failed group');
  assert.ok(criteria.some((c) => c.field === 'social_insurance_staff'), 'a criterion on a declared fact');
  assert.ok(reports.some((r) => r.warnings?.[0]?.code === 'undeclared_fact'), 'a report with a warning');
  assert.ok(packs.some((p) => p.facts?.some((f) => f.kind === 'choice')), 'a pack with facts');

  const types = [...new Set(outputs.map(([, type]) => type)), 'PrequalError', 'FactDecl', 'Condition', 'Criterion', 'CriterionResult', 'PreparedPolicy'];
  const lines = [`import type { ${types.join(', ')} } from ${JSON.stringify(relative(typesDir, join(sdkDir, 'prequal.js')))};`];
  for (const [name, type, value] of outputs) lines.push(`export const ${name}: ${type} = ${JSON.stringify(value)};`);
  // Deliberate mistakes: each must be an error, or tsc fails on the unused @ts-expect-error.
  lines.push(
    '// @ts-expect-error an undeclared key',
    `export const extraKey: Schedule = { ...schedule, extra: 1 };`,
    '// @ts-expect-error money is a string, never a number',
    `export const floatMoney: Schedule = { ...schedule, total_interest: 1.5 };`,
    '// @ts-expect-error a verdict that does not exist',
    `export const badVerdict: Report["quotes"][number]["verdict"] = "maybe";`,
    '// @ts-expect-error industry is required',
    `export const noIndustry: Firm = { employees: 3 };`,
    '// @ts-expect-error a firm fact is a number, a string or true/false',
    `export const listFact: Firm = { industry: "retail", facts: { staff: [3] } };`,
    '// @ts-expect-error a fact kind that does not exist',
    `export const textFact: FactDecl = { id: "x", kind: "text", label: { "zh-CN": "x", en: "x" } };`,
    '// @ts-expect-error a condition is a test or a group, not both',
    `export const both: Condition = { field: "high_tech", op: "eq", value: true, any_of: [] };`,
    '// @ts-expect-error a group holds conditions, not values',
    `export const badGroup: Condition = { all_of: [true] };`,
    '// @ts-expect-error a criterion needs an id',
    `export const noId: Criterion = { any_of: [{ field: "high_tech", op: "eq", value: true }] };`,
    '// @ts-expect-error group is any_of or all_of',
    `export const badKind: CriterionResult["group"] = "one_of";`,
    `export const nested: Criterion = { id: "g", required: false, all_of: [{ any_of: [{ field: "rd_intensity", op: "in", value: ["above_6"] }, { field: "high_tech", op: "eq", value: true }] }] };`,
    '// @ts-expect-error advise takes the firm first',
    `export const noFirm = (p: PreparedPolicy) => p.advise();`,
    `export const code = (e: PrequalError): string => e.code + e.path + e.input;`,
  );
  writeFileSync(join(typesDir, 'outputs.ts'), lines.join('\n') + '\n');
  typeCheck('outputs', ['outputs.ts']);
});

test('the advisor\'s outputs type-check against the declarations (tsc)', () => {
  const pack = withAdvise.defaultPolicy();
  const eligible = readJson('examples/firms/eligible.json');
  const bank = readJson('examples/packs/bank-g-tech-credit.json');
  const applicant = readJson('examples/firms/bank-g-applicant.json');
  const outputs = [
    ['firm', 'Firm', eligible],
    ['advice', 'Advice', withAdvise.advise(pack, eligible)],
    ['adviceCapped', 'Advice', withAdvise.advise(pack, eligible, { amount: 2000000, maxPayment: '100000', objective: 'max-payment' })],
    ['adviceNone', 'Advice', withAdvise.advise(pack, eligible, { maxPayment: 1000 })],
    ['bankAdvice', 'Advice', withAdvise.advise(bank, applicant, { objective: 'apr' })],
    ['adviceRequest', 'AdviceRequest', { amount: '2000000', maxPayment: 100000, objective: 'total-cost' }],
  ];
  // Advice with and without a best option, a cap and exclusions.
  const advice = outputs.filter(([, type]) => type === 'Advice').map(([, , a]) => a);
  assert.ok(advice.some((a) => a.best) && advice.some((a) => a.best === null), 'advice with and without a best option');
  assert.ok(advice.some((a) => a.max_payment) && advice.some((a) => a.max_payment === null), 'with and without a cap');
  assert.ok(advice.some((a) => a.excluded.length > 0) && advice.some((a) => a.frontier.length > 1), 'exclusions and a frontier');
  assert.deepEqual(new Set(advice.map((a) => a.objective)), new Set(['total_cost', 'max_payment', 'apr']));

  const types = [...new Set(outputs.map(([, type]) => type)), 'AdviceObjective', 'PreparedPolicy'];
  const lines = [`import type { ${types.join(', ')} } from ${JSON.stringify(relative(typesDir, join(sdkDir, 'prequal.js')))};`];
  for (const [name, type, value] of outputs) lines.push(`export const ${name}: ${type} = ${JSON.stringify(value)};`);
  lines.push(
    '// @ts-expect-error the request is camelCase: maxPayment, not max_payment',
    `export const snakeRequest: AdviceRequest = { max_payment: 100000 };`,
    '// @ts-expect-error an objective that does not exist',
    `export const badObjective: AdviceObjective = "cheapest";`,
    '// @ts-expect-error advice amounts are decimal strings',
    `export const floatAdvice: Advice = { ...advice, amount: 3000000 };`,
    '// @ts-expect-error the result names objectives in snake_case',
    `export const dashedObjective: Advice["objective"] = "total-cost";`,
    `export const objectives: AdviceObjective[] = ["total-cost", "apr", "max-payment", "total_cost", "max_payment"];`,
    // PreparedPolicy.advise: declared in advise.d.ts, merged into the class of types.d.ts.
    `export const prepared = (p: PreparedPolicy): Advice => p.advise(firm, { maxPayment: "100000" }, null, "en");`,
    `export const evaluated = (p: PreparedPolicy): string => p.evaluate(firm).policy.id + p.contentHash;`,
  );
  writeFileSync(join(typesDir, 'advice.ts'), lines.join('\n') + '\n');
  typeCheck('advice', ['advice.ts']);
});

test('the advisor\'s example (examples/sdk/typed-advise.ts) type-checks against the SDK (tsc)', () => {
  // It imports the SDK as `prequal` (the package's name).
  typeCheck('typed-advise', [join(root, 'examples', 'sdk', 'typed-advise.ts')], { prequal: [sdkDir] });
});
