// The cross-target test vectors through the WASM build, and byte-identity with native.
//
// 1. Every case of every tests/vectors/*.json runs through runVector (the same
//    prequal::vectors::run the native tests call) and must contain `expected` (JSON subset,
//    the semantics of prequal::vectors::matches).
// 2. Its output text, and the SDK's evaluate() of the default pack for every example firm,
//    must be byte-identical to the native build's (examples/vectors_native.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonFiles, loadSdk, loadVectorsBuild, matches, nativeLines, readJson, readText } from './sdk.mjs';

const vectors = await loadVectorsBuild();
const sdk = await loadSdk();
const files = jsonFiles('tests/vectors');

/** Every output, labelled as the native example labels them, in the same order. */
function wasmLines() {
  const lines = [];
  for (const file of files) {
    const doc = readJson(file.path);
    for (const c of doc.cases) {
      lines.push(`${file.name}#${c.name}\t${vectors.runVector(doc.kind, JSON.stringify(c.input))}`);
    }
  }
  for (const firm of jsonFiles('examples/firms')) {
    lines.push(`firms/${firm.name}\t${JSON.stringify(sdk.evaluate(sdk.defaultPolicy(), readText(firm.path)))}`);
  }
  return lines;
}

test('there are vector files, each with cases', () => {
  assert.ok(files.length >= 4, `found ${files.map((f) => f.name)}`);
  for (const file of files) assert.ok(readJson(file.path).cases.length > 0, file.name);
});

for (const file of files) {
  test(`vectors ${file.name} through WASM`, () => {
    const doc = readJson(file.path);
    const failures = [];
    for (const c of doc.cases) {
      const actual = JSON.parse(vectors.runVector(doc.kind, JSON.stringify(c.input)));
      const why = matches(c.expected, actual);
      if (why) failures.push(`${c.name}: ${why}`);
    }
    assert.deepEqual(failures, [], `${failures.length} of ${doc.cases.length} cases failed`);
  });
}

test('the subset comparison can fail (a test that cannot fail is a defect)', () => {
  const actual = JSON.parse(vectors.runVector('schedule', JSON.stringify(
    { principal: '15000', annual_rate: '0.08', months: 60, method: 'equal_installment' })));
  assert.equal(matches({ total_interest: actual.total_interest }, actual), null);
  assert.notEqual(matches({ total_interest: '0.01' }, actual), null);
  assert.notEqual(matches({ rows: [{ payment: '304.15' }] }, actual), null, 'arrays must match in length');
  assert.notEqual(matches({ missing: 1 }, actual), null);
});

test('WASM output is byte-identical to native (every vector case, every example firm)', () => {
  const native = nativeLines();
  const wasm = wasmLines();
  const firms = jsonFiles('examples/firms').length;
  assert.ok(firms >= 3, 'example firms');
  assert.equal(wasm.length, native.length, 'same number of outputs');
  for (let i = 0; i < wasm.length; i++) {
    if (wasm[i] !== native[i]) {
      const [label] = native[i].split('\t');
      let at = 0;
      while (wasm[i][at] === native[i][at]) at++;
      assert.fail(`${label}: first difference at byte ${at}:\n native …${native[i].slice(at - 40, at + 80)}\n wasm   …${wasm[i].slice(at - 40, at + 80)}`);
    }
  }
  // The SDK's object API round-trips to the same bytes (JSON.parse then JSON.stringify).
  const eligible = readText('examples/firms/eligible.json');
  const line = native.find((l) => l.startsWith('firms/eligible.json\t'));
  assert.equal(JSON.stringify(sdk.evaluate('default', JSON.parse(eligible))), line.split('\t')[1]);
});

test('schedule(), classify() and advise() of the shipped SDK agree with the vectors', () => {
  const camel = ({ annual_rate, ...rest }) => ({ ...rest, annualRate: annual_rate });
  // advise's request in the vectors is the core's JSON (snake_case); the SDK's is camelCase.
  const adviceRequest = (r) => r && (({ max_payment, ...rest }) => (max_payment === undefined ? rest : { ...rest, maxPayment: max_payment }))(r);
  const counts = { schedule: 0, classify: 0, advise: 0 };
  for (const file of files) {
    const doc = readJson(file.path);
    for (const c of doc.cases) {
      let actual;
      if (doc.kind === 'schedule') actual = call(() => sdk.schedule(camel(c.input)));
      else if (doc.kind === 'classify') actual = call(() => sdk.classify(c.input));
      else if (doc.kind === 'advise') {
        const { policy = 'default', firm, as_of, request } = c.input;
        actual = call(() => sdk.advise(policy, firm, adviceRequest(request), as_of));
        // The vectors build's output (the core's JSON, whose keys runVector writes sorted).
        if (!actual.error) assert.equal(sorted(actual), vectors.runVector('advise', JSON.stringify(c.input)), `${file.name} ${c.name}`);
      } else continue;
      const why = matches(c.expected, actual);
      assert.equal(why, null, `${file.name} ${c.name}: ${why}`);
      counts[doc.kind]++;
    }
  }
  assert.ok(counts.schedule + counts.classify > 100 && counts.advise >= 5, JSON.stringify(counts));
});

/** JSON text with every object's keys sorted, as serde_json writes a `Value`. */
function sorted(value) {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v);
}

/** An SDK call as the vector runner reports it: the result, or {error: {code, path}}. */
function call(f) {
  try {
    return f();
  } catch (e) {
    return { error: { code: e.code, path: e.path } };
  }
}
