// Loading the built SDK in Node for the tests. `--target web` output works in Node 20 with
// initSync and the module's bytes (fetch cannot read file: URLs).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';

export const root = fileURLToPath(new URL('../../', import.meta.url));

const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');

/** pkg/ of the SDK that ships. */
export const sdkDir = process.env.PREQUAL_WASM_PKG ?? join(root, 'pkg');
/** The test build with runVector (scripts/build-wasm.sh --vectors). */
export const vectorsDir = process.env.PREQUAL_WASM_VECTORS_PKG ?? join(targetDir, 'prequal-wasm-vectors', 'pkg');

async function load(dir, how) {
  const glue = join(dir, 'prequal.js');
  if (!existsSync(glue)) {
    throw new Error(`${glue} is missing: run ${how} first`);
  }
  const sdk = await import(pathToFileURL(glue).href);
  sdk.initSync({ module: readFileSync(join(dir, 'prequal_bg.wasm')) });
  return sdk;
}

export const loadSdk = () => load(sdkDir, 'scripts/build-wasm.sh');
export const loadVectorsBuild = () => load(vectorsDir, 'scripts/build-wasm.sh --vectors');

export const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
export const readText = (path) => readFileSync(join(root, path), 'utf8');

/** `dir`'s *.json files, sorted by name (the order the native example uses). */
export function jsonFiles(dir) {
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, path: join(dir, name) }));
}

/**
 * The same subset comparison as prequal::vectors::matches: every key of an expected object
 * must be present and match; arrays must have equal length and match element-wise; anything
 * else must be equal. Returns null or the first difference with its JSON path.
 */
export function matches(expected, actual, path = '$') {
  if (isObject(expected) && isObject(actual)) {
    for (const [key, value] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, key)) return `${path}.${key}: missing, expected ${JSON.stringify(value)}`;
      const why = matches(value, actual[key], `${path}.${key}`);
      if (why) return why;
    }
    return null;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${path}: ${actual.length} elements, expected ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const why = matches(expected[i], actual[i], `${path}[${i}]`);
      if (why) return why;
    }
    return null;
  }
  // JSON values: compare as JSON text (numbers, strings, booleans, null, and kind mismatches).
  return JSON.stringify(expected) === JSON.stringify(actual)
    ? null
    : `${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The native build's outputs, `label<TAB>json` per line (crates/prequal-wasm/examples/
 * vectors_native.rs). From $PREQUAL_NATIVE_VECTORS if set, else by running the example.
 */
export function nativeLines() {
  const text = process.env.PREQUAL_NATIVE_VECTORS
    ? readFileSync(process.env.PREQUAL_NATIVE_VECTORS, 'utf8')
    : execFileSync('cargo', ['run', '--quiet', '-p', 'prequal-wasm', '--example', 'vectors-native'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
  return text.split('\n').filter((line) => line.length > 0);
}
