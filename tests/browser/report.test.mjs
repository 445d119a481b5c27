// The portfolio report of `prequal impact --html` (and `screen --html`) in Chromium: served
// with `Content-Security-Policy: default-src 'none'` it loads nothing and breaks no rule, it
// reads at 375 and 1280 px (screenshots in test-artifacts/), and it prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, artifacts, launch } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'prequal-report-'));
const reports = {};
let browser;
let server;
let base;

function prequal(args) {
  execFileSync('cargo', ['run', '--quiet', '-p', 'prequal-cli', '--', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

before(async () => {
  const input = 'examples/tenants/tenants-1000.csv';
  for (const lang of ['en', 'zh-CN']) {
    const out = join(dir, `impact-${lang}.html`);
    // Exit 1 means some rows could not be evaluated (the list has a few on purpose).
    try {
      prequal(['impact', '--old', 'examples/packs/shenzhen-park-loan-2.json', '--new', 'examples/packs/longhua-bank-mix.json',
        '--input', input, '--output', join(dir, `rows-${lang}.csv`), '--html', out, '--lang', lang]);
    } catch (e) {
      if (e.status !== 1) throw e;
    }
    reports[`impact-${lang}`] = readFileSync(out, 'utf8');
  }
  const screen = join(dir, 'screen.html');
  try {
    prequal(['screen', '--input', input, '--output', join(dir, 'screen.csv'), '--html', screen]);
  } catch (e) {
    if (e.status !== 1) throw e;
  }
  reports.screen = readFileSync(screen, 'utf8');
  server = createServer((req, res) => {
    const name = req.url.slice(1).replace(/\.html$/, '');
    if (!reports[name]) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" });
    res.end(reports[name]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Open a report under the strict CSP; every request, console message and page error is kept. */
async function open(name, width) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${base}${name}.html`);
  return { page, requests, problems };
}

for (const name of ['impact-en', 'impact-zh-CN', 'screen']) {
  for (const width of [375, 1280]) {
    test(`${name} at ${width} px: self-contained under default-src 'none', readable`, async () => {
      const { page, requests, problems } = await open(name, width);
      assert.deepEqual(requests, [`${base}${name}.html`], 'no request but the page itself');
      assert.deepEqual(problems, [], 'no CSP violation or error');
      assert.ok((await page.locator('svg').count()) >= 4, 'the charts are there');
      assert.ok((await page.locator('h2').count()) >= 4, 'sections');
      // Nothing wider than the screen: no sideways scrolling on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${overflow} px wider than the screen`);
      await page.screenshot({ path: join(artifacts, `report-${name}-${width}.png`), fullPage: true });
      await page.close();
    });
  }
}

test('the impact report prints to PDF', async () => {
  const { page } = await open('impact-en', 1280);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, `${pdf.length} bytes`);
  await page.close();
});

test('the report names the firms that change verdict and why, in the chosen language', () => {
  assert.match(reports['impact-en'], /Firms whose best verdict changes \(\d+\)/);
  assert.match(reports['impact-zh-CN'], /最优结论发生变化的企业（\d+）/);
  for (const html of Object.values(reports)) {
    assert.doesNotMatch(html, /<script|<style|style=|<link|<img|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  }
});
