// The widget's "compare options" panel (www/prequal-advise.js) in Chromium: loaded only when
// opened; its figures are the engine's (`prequal advise` on the same firm, pack and cap);
// choosing an option sets the form's term and method and the cards follow; zh-CN and en;
// keyboard and screen-reader usable (axe); no foreign request, and it works under the strict
// CSP page.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ELIGIBLE_FIRM as FIRM,
  root,
  artifacts,
  startServer,
  launch,
  openPage,
  events,
  focusedId,
  embedPage,
  group as grouped,
  seriousViolations,
  setFirm,
} from './harness.mjs';

const W = 'prequal-widget';
const dir = mkdtempSync(join(tmpdir(), 'prequal-advise-page-'));
let server;
let browser;


/** `prequal advise --format json` for a firm (an object). */
function cli(firm, { pack, maxPayment, lang = 'zh-CN' } = {}) {
  const file = join(dir, 'firm.json');
  writeFileSync(file, JSON.stringify(firm));
  const args = ['run', '--quiet', '-p', 'prequal-cli', '--', 'advise', '--firm', file, '--format', 'json', '--lang', lang];
  if (pack) args.push('--policy', join(root, pack));
  if (maxPayment) args.push('--max-payment', maxPayment);
  return JSON.parse(execFileSync('cargo', args, { cwd: root, encoding: 'utf8' }));
}

const cents = (text) => BigInt(text.replace('.', ''));


/** Open the panel and wait for its advice. */
async function openPanel(page) {
  await page.locator(`${W} #pq-advise-open`).click();
  await page.locator(`${W} #pq-advise-body dl, ${W} #pq-advise-body p`).first().waitFor({ timeout: 30000 });
  await page.waitForFunction(() => {
    const body = document.querySelector('prequal-widget').shadowRoot.getElementById('pq-advise-body');
    return body && !/正在计算|Working it out/.test(body.textContent);
  });
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

describe('compare options', () => {
  test('loaded only when opened; its figures are prequal advise\'s; the saving against the visitor\'s choice is exact', async () => {
    const { page, requests, errors } = await openPage(browser.context, `${server.base}park.html`);
    await setFirm(page, FIRM);
    assert.ok(!requests.some((url) => /prequal-advise\.js|advise-pkg/.test(url)), 'nothing of the advisor before it is opened');
    await openPanel(page);
    assert.ok(requests.some((url) => url.endsWith('/advise-pkg/prequal_bg.wasm')));
    const expected = cli(FIRM);
    const text = await page.locator(`${W} #pq-advise`).innerText();
    const best = await page.locator(`${W} #pq-advise-best`).innerText();
    assert.ok(best.includes(grouped(expected.best.total_cost_net)), `best total ${expected.best.total_cost_net} in ${best}`);
    assert.ok(best.includes(grouped(expected.best.max_payment)), 'best max payment');
    assert.ok(best.includes('6 个月') && best.includes('等额本金'), best);
    // Screen readers hear one line (role=status), not the whole list again.
    const status = await page.locator(`${W} #pq-advise-status`).innerText();
    assert.ok(status.startsWith('最省的方案') && status.includes(grouped(expected.best.total_cost_net)), status);
    assert.equal(await page.locator(`${W} #pq-advise-body[aria-live]`).count(), 0);
    const items = page.locator(`${W} #pq-advise-frontier > li`);
    assert.equal(await items.count(), expected.frontier.length);
    for (let i = 0; i < expected.frontier.length; i++) {
      const item = await items.nth(i).innerText();
      assert.ok(item.includes(grouped(expected.frontier[i].total_cost_net)) && item.includes(grouped(expected.frontier[i].max_payment)), item);
    }
    // The saving: the widget's own first eligible quote (the visitor's 36 months, equal
    // installments) less the best option, to the cent.
    const [result] = (await events(page, 'prequal:result')).slice(-1);
    const mine = result.quotes.find((q) => q.verdict === 'eligible' && q.loan);
    const saving = cents(mine.loan.total_cost_net) - cents(expected.best.total_cost_net);
    const savingText = `${saving / 100n}.${String(saving % 100n).padStart(2, '0')}`;
    assert.ok(text.includes(`少花 ${grouped(savingText)}`), `saving ${savingText} in ${text}`);
    assert.ok(text.includes('（您当前的选择）') || text.includes('(您当前的选择)'), 'the visitor\'s choice is marked on the frontier');
    const origin = new URL(server.base).origin;
    assert.deepEqual(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:')), []);
    assert.deepEqual(errors, []);
    await page.locator(`${W} #pq-advise`).screenshot({ path: join(artifacts, 'advise-panel-zh.png') });
    await page.close();
  });

  test('choosing an option sets the form\'s term and method, and the cards follow', async () => {
    const { page } = await openPage(browser.context, `${server.base}park.html`);
    await setFirm(page, FIRM);
    await openPanel(page);
    const expected = cli(FIRM);
    const option = expected.frontier[2];
    const count = (await events(page, 'prequal:result')).length;
    await page.locator(`${W} #pq-advise-frontier > li`).nth(2).getByRole('button').click();
    await page.waitForFunction((n) => window.__events.filter((e) => e.name === 'prequal:result').length > n, count);
    assert.equal(await page.locator(`${W} #pq-f-term_months`).inputValue(), String(option.term_months));
    assert.equal(await page.locator(`${W} #pq-f-repayment_method`).inputValue(), option.method);
    const [result] = (await events(page, 'prequal:result')).slice(-1);
    const quote = result.quotes.find((q) => q.product === option.product);
    assert.equal(quote.loan.term_months, option.term_months);
    assert.equal(quote.loan.method, option.method);
    assert.equal(quote.loan.total_cost_net, option.total_cost_net, 'the card prices the option as the advisor did');
    const card = await page.locator(`${W} .pq-cards > li`).first().innerText();
    assert.ok(card.includes(`${option.term_months}`), card);
    // The panel follows: the chosen option is now marked as the visitor's.
    await page.waitForFunction(() => /您当前的选择/.test(document.querySelector('prequal-widget').shadowRoot.getElementById('pq-advise-frontier')?.textContent ?? ''));
    assert.equal(await focusedId(page), 'pq-advise-title', 'the focus stays in the panel');
    await page.close();
  });

  test('a payment ceiling: only options within it, as prequal advise --max-payment; a bad one is named', async () => {
    const { page } = await openPage(browser.context, `${server.base}park.html?lang=en`);
    await setFirm(page, FIRM);
    await openPanel(page);
    const cap = page.locator(`${W} #pq-advise-max-payment`);
    await cap.fill('100,000');
    await cap.press('Enter');
    await cap.press('Tab');
    const expected = cli(FIRM, { maxPayment: '100000' });
    await page.waitForFunction((total) => document.querySelector('prequal-widget').shadowRoot.getElementById('pq-advise-best')?.textContent.includes(total), grouped(expected.best.total_cost_net));
    assert.equal(await page.locator(`${W} #pq-advise-frontier > li`).count(), expected.frontier.length);
    await cap.fill('-5');
    await cap.press('Tab');
    const alert = page.locator(`${W} #pq-advise-body [role="alert"]`);
    await alert.waitFor();
    assert.match(await alert.innerText(), /maxPayment|max_payment/);
    await page.close();
  });

  test('a bank\'s own pack (policy attribute) and only the products shown', async () => {
    const { page } = await openPage(browser.context, `${server.base}bank-g.html`);
    const firm = JSON.parse(readFileSync(join(root, 'examples/firms/bank-g-applicant.json'), 'utf8'));
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'prequal:result'));
    await setFirm(page, firm);
    await openPanel(page);
    const expected = cli(firm, { pack: 'examples/packs/bank-g-tech-credit.json' });
    const body = await page.locator(`${W} #pq-advise-body`).innerText();
    if (expected.best) assert.ok(body.includes(grouped(expected.best.total_cost_net)), body);
    else assert.ok(body.includes('没有可行的方案'), body);
    await page.close();

    // `products` narrows what is compared: only the shown product is advised.
    const only = 'park-credit-loan';
    const test = await openPage(browser.context, `${server.base}__test__/only.html`, {
      routes: { 'only.html': { body: embedPage(server.base, { park: 'xinghe-world', products: only }) } },
    });
    await setFirm(test.page, FIRM);
    await openPanel(test.page);
    const names = await test.page.locator(`${W} #pq-advise-frontier > li > p`).allInnerTexts();
    assert.ok(names.length > 0 && names.every((n) => n.startsWith('园区e贷')), names.join(' | '));
    await test.page.close();
  });

  test('keyboard, English, strict CSP and axe', async () => {
    for (const path of ['park.html', 'csp.html']) {
      const { page, errors } = await openPage(browser.context, `${server.base}${path}`, { width: 375, height: 900 });
      await setFirm(page, FIRM);
      await page.locator(`${W} #pq-advise-open`).focus();
      await page.keyboard.press('Enter');
      await page.locator(`${W} #pq-advise-best`).waitFor({ timeout: 30000 });
      assert.equal(await focusedId(page), 'pq-advise-title');
      await page.keyboard.press('Tab');
      assert.equal(await focusedId(page), 'pq-advise-max-payment');
      for (const lang of ['zh-CN', 'en']) {
        if (lang === 'en') {
          await page.locator(`${W} #pq-lang-en`).click();
          await page.waitForFunction(() => document.querySelector('prequal-widget').shadowRoot.getElementById('pq-advise-title')?.textContent === 'Compare ways to borrow');
          await page.locator(`${W} #pq-advise-best`).waitFor();
          assert.match(await page.locator(`${W} #pq-advise-best`).innerText(), /months/);
        }
        if (path === 'park.html') {
          assert.deepEqual(await seriousViolations(page), [], `${path} ${lang}`);
        }
      }
      assert.deepEqual(errors, [], `${path}: no page error or CSP violation`);
      await page.locator(`${W} #pq-advise`).screenshot({ path: join(artifacts, `advise-panel-${path.replace('.html', '')}-en.png`) });
      await page.close();
    }
  });
});
