// The park staff page (www/screen.html) in Chromium: a tenant list screened in a Web Worker
// gives, as a download, the bytes `prequal screen --format csv` writes for the same file,
// pack, date and language (a UTF-8 BOM aside); its totals are `--summary`'s; nothing but the
// page's own files is requested; it works from the keyboard and axe finds nothing serious.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, artifacts, startServer, launch, openPage, focusedId, group as grouped, seriousViolations } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'prequal-screen-page-'));
let server;
let browser;

/** `prequal screen` for a file: { csv, summary } (exit 1, some rows with errors, is fine). */
function cli(input, { pack, lang = 'zh-CN', asOf } = {}) {
  const out = join(dir, 'cli.csv');
  const summary = join(dir, 'cli-summary.json');
  const args = ['run', '--quiet', '-p', 'prequal-cli', '--', 'screen', '--input', join(root, input), '--format', 'csv',
    '--output', out, '--summary', summary, '--lang', lang];
  if (pack) args.push('--policy', join(root, pack));
  if (asOf) args.push('--as-of', asOf);
  try {
    execFileSync('cargo', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    if (e.status !== 1) throw e;
  }
  return { csv: readFileSync(out), summary: JSON.parse(readFileSync(summary, 'utf8')) };
}

/** Choose the files on the page (the pack first: choosing the list starts the run). */
async function choose(page, input, { pack, asOf } = {}) {
  if (pack) await page.setInputFiles('#pq-screen-pack', join(root, pack));
  if (asOf) await page.fill('#pq-screen-as-of', asOf);
  await page.setInputFiles('#pq-screen-file', join(root, input));
}

/** Wait for the download control, click it, and return the downloaded bytes. */
async function download(page) {
  const link = page.locator('#pq-screen-download');
  await link.waitFor({ state: 'visible', timeout: 60000 });
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync(await file.path());
}

/** The bytes without a leading UTF-8 BOM and with CRLF as LF (what the issue allows). */
function normalised(bytes) {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return Buffer.from((bom ? bytes.subarray(3) : bytes).toString('utf8').replaceAll('\r\n', '\n'), 'utf8');
}


before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('screen.html', () => {
  const cases = [
    { input: 'examples/tenants/tenants-1000.csv' },
    { input: 'examples/tenants/tenants-zh-20.csv', asOf: '2026-06-30' },
    { input: 'examples/tenants/bank-g-tenants.csv', pack: 'examples/packs/bank-g-tech-credit.json' },
    { input: 'examples/tenants/tenants-1000.csv', pack: 'examples/packs/longhua-bank-mix.json', lang: 'en' },
  ];
  for (const { input, pack, asOf, lang = 'zh-CN' } of cases) {
    test(`the download is the CLI's CSV: ${input}${pack ? ` with ${pack}` : ''}${asOf ? ` on ${asOf}` : ''} (${lang})`, async () => {
      const expected = cli(input, { pack, lang, asOf });
      const query = lang === 'en' ? '?lang=en' : '';
      const { page, requests, errors } = await openPage(browser.context, `${server.base}screen.html${query}`);
      await choose(page, input, { pack, asOf });
      const bytes = await download(page);
      assert.equal(bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'a BOM for spreadsheets');
      assert.ok(normalised(bytes).equals(expected.csv), `${input}: the page's CSV differs from prequal screen's`);
      // The totals shown are --summary's figures.
      const text = await page.locator('#pq-screen-summary').innerText();
      const eligible = expected.summary.eligible;
      for (const figure of [eligible.loan_amount, eligible.interest_subsidy, eligible.fee_subsidy, ...Object.values(eligible.risk_by_role)]) {
        assert.ok(text.includes(grouped(figure)), `${grouped(figure)} is shown`);
      }
      assert.ok(text.includes(String(expected.summary.firms)), 'the firm count is shown');
      // Nothing but the page's own files: no request to any other origin.
      const origin = new URL(server.base).origin;
      const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
      assert.deepEqual(foreign, []);
      assert.deepEqual(errors, [], 'no page error or CSP violation');
      await page.close();
    });
  }

  test('a header the screen does not understand is an error naming the column; no download', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '行业,营业收入,colour\nretail,100,red\n');
    for (const [query, words] of [['', '第 1 行'], ['?lang=en', 'line 1, column 3']]) {
      const { page } = await openPage(browser.context, `${server.base}screen.html${query}`);
      await page.setInputFiles('#pq-screen-file', bad);
      const error = page.locator('#pq-screen-error');
      await error.waitFor({ state: 'visible', timeout: 30000 });
      const message = await error.innerText();
      assert.ok(message.includes(words) && message.includes('colour'), message);
      assert.equal(await page.locator('#pq-screen-download').isVisible(), false);
      await page.close();
    }
  });

  test('a broken pack is an error naming its path', async () => {
    const pack = join(dir, 'pack.json');
    const bundled = JSON.parse(readFileSync(join(root, 'examples/packs/shenzhen-park-loan-2.json'), 'utf8'));
    bundled.products[0].term_max_months = 'long';
    writeFileSync(pack, JSON.stringify(bundled));
    const { page } = await openPage(browser.context, `${server.base}screen.html?lang=en`);
    await page.setInputFiles('#pq-screen-pack', pack);
    await page.setInputFiles('#pq-screen-file', join(root, 'examples/tenants/tenants-zh-20.csv'));
    const error = page.locator('#pq-screen-error');
    await error.waitFor({ state: 'visible', timeout: 30000 });
    assert.match(await error.innerText(), /\$\.products\[0\]\.term_max_months/);
    await page.close();
  });

  test('keyboard: the controls in order, Enter runs, focus moves to the results, then the download', async () => {
    const { page } = await openPage(browser.context, `${server.base}screen.html`);
    // A file input cannot be typed into; choosing it is the file dialog's job. Choose it
    // without starting (the change event starts a run), then run from the keyboard.
    await page.evaluate(() => document.getElementById('pq-screen-file').addEventListener('change', (e) => e.stopImmediatePropagation(), { capture: true }));
    await page.setInputFiles('#pq-screen-file', join(root, 'examples/tenants/tenants-zh-20.csv'));
    const order = [];
    await page.locator('a').first().focus();
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      order.push(await focusedId(page));
    }
    const wanted = ['pq-screen-lang', 'pq-screen-file', 'pq-screen-pack', 'pq-screen-as-of', 'pq-screen-start'];
    const seen = order.filter((id) => wanted.includes(id));
    assert.deepEqual([...new Set(seen)], wanted, `focus order ${order.join(' → ')}`);
    await page.locator('#pq-screen-start').focus();
    await page.keyboard.press('Enter');
    await page.locator('#pq-screen-download').waitFor({ state: 'visible', timeout: 30000 });
    assert.equal(await focusedId(page), 'pq-screen-results-title');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'pq-screen-download');
    await page.close();
  });

  test('the module\'s summary type-checks against its declarations (tsc), and Node gets the same rows', async () => {
    const { default: init, Screener } = await import(join(root, 'www/screen-pkg/prequal.js'));
    await init({ module_or_path: readFileSync(join(root, 'www/screen-pkg/prequal_bg.wasm')) });
    const screener = new Screener('default', readFileSync(join(root, 'examples/tenants/tenants-1000.csv')), null, 'zh-CN');
    const parts = [];
    while (screener.step(333)) parts.push(screener.takeCsv());
    parts.push(screener.takeCsv());
    assert.ok(Buffer.from(parts.join(''), 'utf8').equals(cli('examples/tenants/tenants-1000.csv').csv));
    const summary = screener.summary();
    screener.free();
    const file = join(dir, 'summary.ts');
    writeFileSync(file, `import type { ScreenSummary } from "prequal-screen";\nexport const s: ScreenSummary = ${JSON.stringify(summary)};\n`);
    const config = join(dir, 'tsconfig.json');
    writeFileSync(config, JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, types: [],
        paths: { 'prequal-screen': [join(root, 'www/screen-pkg/prequal.d.ts')] } },
      files: [file],
    }));
    try {
      execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', config], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      assert.fail(`tsc rejected the summary:\n${(e.stdout || e.message).slice(0, 4000)}`);
    }
  });

  test('axe-core finds no serious or critical violation (empty, with results, both languages)', async () => {
    const check = async (page, label) => assert.deepEqual(await seriousViolations(page), [], label);
    for (const [query, width] of [['', 375], ['?lang=en', 1280]]) {
      const { page } = await openPage(browser.context, `${server.base}screen.html${query}`, { width, height: 900 });
      await check(page, `empty ${query}`);
      await choose(page, 'examples/tenants/tenants-1000.csv');
      await page.locator('#pq-screen-download').waitFor({ state: 'visible', timeout: 60000 });
      await check(page, `results ${query}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px)`);
      await page.screenshot({ path: join(artifacts, `screen-page-${width}.png`), fullPage: true });
      await page.close();
    }
  });
});
