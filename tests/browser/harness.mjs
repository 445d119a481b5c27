// What the browser tests share: the demo server on a free port, Debian's Chromium through
// playwright-core, the native engine's report for a firm, and the widget's number formats
// written again in JS (so the test checks the Rust formatting, not itself).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

/** Start scripts/serve.mjs on a free port; resolves to { base, stop }. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) resolve({ base: match[1], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
  });
}

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium is not installed: run scripts/test-browser.sh (it installs it)');
  }
}

/** Launch Chromium headless with a fresh profile; resolves to { context, close }. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'prequal-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A new page that records every request and every prequal:* event (in window.__events), and
 * fails on page errors. `routes` maps a path under /__test__/ to { body, type }; `init` is a
 * function run in the page before any of its scripts (page.addInitScript).
 */
export async function openPage(context, url, { width = 1280, height = 900, routes = {}, init } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 404/.test(message.text())) errors.push(message.text());
  });
  await page.route(/\/__test__\//, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^.*\/__test__\//, '');
    const found = routes[path];
    if (!found) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: found.type ?? 'text/html; charset=utf-8', body: found.body });
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ['prequal:ready', 'prequal:result', 'prequal:apply', 'prequal:error']) {
      document.addEventListener(name, (event) => {
        window.__events.push({ name, detail: event.detail, at: performance.now() });
      });
    }
  });
  if (init) await page.addInitScript(init);
  await page.goto(url);
  return { page, requests, errors };
}

/** A firm the bundled pack finds eligible (3,000,000 over 36 months, equal installments). */
export const ELIGIBLE_FIRM = {
  industry: 'software_it',
  park: 'xinghe-world',
  employees: 48,
  revenue: 18000000,
  total_assets: 9000000,
  years_in_operation: '7.5',
  years_in_park: 3,
  tax_grade: 'A',
  annual_tax_paid: 520000,
  overdue_current: 0,
  overdue_12m: 0,
  overdue_24m: 0,
  inquiries_6m: 3,
  legal_rep_age: 41,
  qualifications: {
    specialized_national: false,
    specialized_provincial: false,
    high_tech: true,
    tech_sme: true,
    first_loan: false,
  },
  debt_ratio: '0.42',
  existing_credit_loans: 500000,
  requested_amount: 3000000,
  term_months: 36,
  repayment_method: 'equal_installment',
};

/** Give the widget a whole firm through its `firm` property, and wait for the result. */
export async function setFirm(page, firm) {
  const count = (await events(page, 'prequal:result')).length;
  await page.evaluate((f) => {
    document.querySelector('prequal-widget').firm = f;
  }, firm);
  await page.waitForFunction((n) => window.__events.filter((e) => e.name === 'prequal:result').length > n, count);
}

/**
 * The serious and critical axe-core violations on the page. axe's source is run through the
 * test API, so pages whose CSP allows only their own scripts can be checked too.
 */
export async function seriousViolations(page) {
  await page.evaluate(readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** The widget's form field with this id. */
export const field = (page, id) => page.locator(`prequal-widget #pq-f-${id}`);

/** Show the step of the form that holds the field `id` (by its step tab), if hidden. */
export async function showField(page, id) {
  const input = field(page, id);
  if (await input.isVisible()) return input;
  const step = await input.evaluate((el) => el.closest('fieldset.pq-step').id.replace('pq-fs-', ''));
  await page.locator(`prequal-widget #pq-step-${step}`).click();
  return input;
}

/** Answer one question as a visitor would, on whichever step it is: a list is chosen
 *  (yes/no as 'true' / 'false' / ''), a text field typed. */
export async function answer(page, id, value) {
  const input = await showField(page, id);
  if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(String(value));
  else await type(page, id, String(value));
}

/** The ids of the questions the widget asks: every `pq-f-*` input, across all steps. */
export const askedIds = (page) =>
  page.evaluate(() =>
    [...document.querySelector('prequal-widget').shadowRoot.querySelectorAll('[id^="pq-f-"]')].map((e) =>
      e.id.slice('pq-f-'.length),
    ),
  );

/** Type into a text field as a visitor would: select what is there, type the new text
 *  (or clear it), leave the field. */
export async function type(page, id, text) {
  const input = field(page, id);
  await input.click();
  await input.press('Control+A');
  if (text === '') await input.press('Backspace');
  else await input.pressSequentially(text);
  await input.press('Tab');
}

/** Wait until the widget has rendered results (or an error panel). */
export async function waitForWidget(page, what = '.pq-cards, .pq-error') {
  await page.locator(`prequal-widget ${what}`).first().waitFor({ state: 'attached', timeout: 15000 });
}

/** The events of one kind the page has heard so far. */
export const events = (page, name) =>
  page.evaluate((n) => window.__events.filter((e) => e.name === n).map((e) => e.detail), name);

/** The id of the element that has the focus, looking into shadow roots. */
export const focusedId = (page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id || active?.tagName?.toLowerCase() || '';
  });

/** A test page embedding the widget with `attributes` (served under /__test__/). */
export function embedPage(base, attributes = {}, script = '') {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>prequal test</title>
<script type="module" src="${base}prequal-widget.js"></script></head>
<body><main><prequal-widget id="w"${attrs}></prequal-widget></main>${script}</body></html>`;
}

/** The native engine's report for `firm` (an object), from the example binary. */
export function nativeReport(firm, pack) {
  const args = ['run', '-q', '-p', 'prequal-widget', '--example', 'evaluate-native', '--', '--firm', '-'];
  if (pack) args.push('--pack', join(root, pack));
  const out = execFileSync('cargo', args, { cwd: root, input: JSON.stringify(firm), encoding: 'utf8' });
  return JSON.parse(out);
}

/**
 * The native engine's questions (the example's --questions mode): `{form, open, ranked}` —
 * what the form asks for the pack's products (or `products`, comma-separated), given the
 * firm's industry, and each product's open questions and all of them ranked, for `firm`
 * (an object; none: nothing answered).
 */
export function nativeQuestions(pack, { firm, products } = {}) {
  const args = ['run', '-q', '-p', 'prequal-widget', '--example', 'evaluate-native', '--', '--questions'];
  if (pack) args.push('--pack', join(root, pack));
  if (products) args.push('--products', products);
  if (firm) args.push('--firm', '-');
  const out = execFileSync('cargo', args, { cwd: root, input: firm ? JSON.stringify(firm) : '', encoding: 'utf8' });
  return JSON.parse(out);
}

// ---- the widget's formats, independently ---------------------------------------------

/** Move a decimal string's point by `places` (exact, no floating point); trims zeros. */
export function movePoint(text, places) {
  const negative = text.startsWith('-');
  const [int, frac = ''] = text.replace('-', '').split('.');
  let digits = int + frac;
  let point = int.length + places;
  if (point < 1) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return (negative ? '-' : '') + whole + (rest ? '.' + rest : '');
}

/** `1234567.5` → `1,234,567.5`: the integer part grouped by thousands. */
export const group = (text) => {
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
};

/** Two decimals, from a decimal string that has at most two (the engine rounds money). */
const cents = (text) => {
  const [int, frac = ''] = text.split('.');
  if (frac.length > 2) throw new Error(`more than cents: ${text}`);
  return group(`${int}.${frac.padEnd(2, '0')}`);
};

const NBSP = '\u00a0';

/** `1,234.50 元` / `¥1,234.50`. */
export const yuan = (text, lang = 'zh-CN') => (lang === 'en' ? `¥${cents(text)}` : `${cents(text)}${NBSP}元`);

/** A limit or loan: `300 万元` (whole 万 to 2 places) / `¥3,000,000`. */
export function amount(text, lang = 'zh-CN') {
  const trimmed = movePoint(text, 0);
  if (lang === 'zh-CN') {
    const wan = movePoint(text, -4);
    const places = (wan.split('.')[1] ?? '').length;
    if (!wan.startsWith('0') && places <= 2) return `${group(wan)}${NBSP}万元`;
  }
  const digits = trimmed.includes('.') ? cents(trimmed) : group(trimmed);
  return lang === 'en' ? `¥${digits}` : `${digits}${NBSP}元`;
}

/** `0.0365` → `3.65%`, every digit, at least two decimals. */
export function percent(text) {
  const p = movePoint(text, 2);
  const [int, frac = ''] = p.split('.');
  return `${int}.${frac.padEnd(2, '0')}%`;
}
