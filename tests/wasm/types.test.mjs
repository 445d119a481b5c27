// The TypeScript declarations shipped in pkg/ against reality:
// 1. the pack and firm interfaces against the committed JSON Schemas (schema/*.json): same
//    properties, same required ones, same enum names;
// 2. real outputs (reports of every example firm, schedule, classify, validation, the default
//    pack, the example firms) written as typed TS literals and checked by tsc, whose excess
//    property checks catch any key the declarations lack; plus deliberate mistakes tsc must
//    reject, so the check cannot pass vacuously.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { jsonFiles, loadSdk, readJson, root, sdkDir } from './sdk.mjs';

const sdk = await loadSdk();
const dts = readFileSync(join(sdkDir, 'prequal.d.ts'), 'utf8');

/** `export interface X [extends Y] { ... }` → {name: {props: Map(name → optional), extends}} */
function interfaces(text) {
  const out = new Map();
  const re = /export interface (\w+)(?: extends (\w+))? \{([^}]*)\}/g;
  for (const [, name, base, body] of text.matchAll(re)) {
    const props = new Map();
    const code = body.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const [, key, optional] of code.matchAll(/^\s*"?([\w$-]+)"?(\?)?:/gm)) props.set(key, optional === '?');
    out.set(name, { props, base });
  }
  return out;
}

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
  const props = new Map(item.base ? flatten(all, item.base) : []);
  for (const [k, v] of item.props) props.set(k, v);
  return props;
}

test('pack and firm declarations match the JSON Schemas', () => {
  const declared = interfaces(dts);
  const enums = unions(dts);
  let checked = 0;
  for (const file of ['schema/policy.schema.json', 'schema/firm.schema.json']) {
    const schema = readJson(file);
    const defs = { ...(schema.$defs ?? {}), [schema.title]: schema };
    for (const [name, def] of Object.entries(defs)) {
      if (def.properties) {
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
  const outputs = [
    ...firms.map((f, i) => [`firm${i}`, 'Firm', readJson(f.path)]),
    ...firms.map((f, i) => [`report${i}`, 'Report', sdk.evaluate(pack, readJson(f.path))]),
    ['pack', 'Policy', pack],
    ['schedule', 'Schedule', sdk.schedule({ principal: 15000, annualRate: '0.08', months: 12, method: 'equal_principal' })],
    ['classify', 'ClassifyResult', sdk.classify({ industry: 'construction', revenue: 4e6, assets: '3000000' })],
    ['valid', 'Validation', sdk.validatePolicy(pack)],
    ['invalid', 'Validation', sdk.validatePolicy({ ...pack, banks: [] })],
  ];
  // Quotes with an error, a priced loan, and an unknown limit must all be represented.
  const quotes = outputs.filter(([, type]) => type === 'Report').flatMap(([, , r]) => r.quotes);
  assert.ok(quotes.some((q) => q.loan) && quotes.some((q) => q.limit.amount === null), 'varied quotes');

  const dir = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'prequal-wasm-types');
  mkdirSync(dir, { recursive: true });
  const types = [...new Set(outputs.map(([, type]) => type)), 'PrequalError'];
  const lines = [`import type { ${types.join(', ')} } from ${JSON.stringify(relative(dir, join(sdkDir, 'prequal.js')))};`];
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
    `export const code = (e: PrequalError): string => e.code + e.path + e.input;`,
  );
  writeFileSync(join(dir, 'outputs.ts'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, types: [] },
    files: ['outputs.ts'],
  }));
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  try {
    execFileSync(tsc, ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc rejected real outputs:\n${(e.stdout || e.message).slice(0, 4000)}`);
  }
});
