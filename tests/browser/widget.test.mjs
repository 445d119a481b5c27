// End-to-end tests of <prequal-widget> in Debian's Chromium (playwright-core), on the demo
// pages served by scripts/serve.mjs on 127.0.0.1. Run by scripts/test-browser.sh.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ELIGIBLE_FIRM,
  amount,
  artifacts,
  embedPage,
  events,
  focusedId,
  launch,
  nativeReport,
  openPage,
  percent,
  root,
  startServer,
  waitForWidget,
  yuan,
  field,
  type,
  answer,
  askedIds,
  nativeQuestions,
  showField,
  seriousViolations,
  setFirm,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const W = 'prequal-widget';

// ---- filling the form as a visitor would ------------------------------------------------


async function goToStep(page, n) {
  await page.locator(`${W} #pq-step-${n}`).click();
}

/**
 * The answers a visitor gives, on whichever step each question is: text fields are typed,
 * lists chosen (yes/no questions too: 'true' / 'false'). Only the questions the form asks
 * (`asked`, the native engine's list, when given) are answered.
 */
async function fillForm(page, answers, asked) {
  for (const [id, value] of Object.entries(answers)) {
    // The form follows the answers (the industry decides which size figures are asked).
    const present = (await field(page, id).count()) > 0;
    if (present && (!asked || asked.includes(id))) await answer(page, id, value);
  }
}


const ELIGIBLE_ANSWERS = {
  industry: 'software_it',
  park: 'xinghe-world',
  employees: '48',
  revenue: '1,800',
  total_assets: '900',
  years_in_operation: '7.5',
  years_in_park: '3',
  tax_grade: 'A',
  annual_tax_paid: '52',
  overdue_current: '0',
  overdue_12m: '0',
  overdue_24m: '0',
  inquiries_6m: '3',
  legal_rep_age: '41',
  specialized_national: 'false',
  specialized_provincial: 'false',
  high_tech: 'true',
  tech_sme: 'true',
  first_loan: 'false',
  debt_ratio: '42',
  existing_credit_loans: '50',
  requested_amount: '300',
  term_months: '36',
  repayment_method: 'equal_installment',
};


/** Every figure of every card, with its raw decimal and the text shown. */
const cards = (page) =>
  page.locator(`${W} .pq-card`).evaluateAll((list) =>
    list.map((card) => ({
      product: card.dataset.product,
      verdict: card.dataset.verdict,
      figures: Object.fromEntries(
        [...card.querySelectorAll('[data-k]')].map((el) => [el.dataset.k, { raw: el.dataset.raw, text: el.textContent }]),
      ),
    })),
  );

/** The widget shows the native report's numbers exactly, formatted. */
function assertSameAsNative(shown, report, lang) {
  assert.deepEqual(
    shown.map((c) => c.product),
    report.quotes.map((q) => q.product),
    'same products in the same order',
  );
  for (const [i, q] of report.quotes.entries()) {
    const c = shown[i];
    assert.equal(c.verdict, q.verdict, `${q.product} verdict`);
    const f = c.figures;
    const expect = (key, raw, format) => {
      assert.ok(f[key], `${q.product}: ${key} is shown`);
      assert.equal(f[key].raw, raw, `${q.product}: ${key} is the engine's decimal`);
      assert.equal(f[key].text, format(raw, lang), `${q.product}: ${key} is formatted`);
    };
    if (q.limit.amount !== null) expect('limit', q.limit.amount, amount);
    if (!q.loan) continue;
    const l = q.loan;
    expect('amount', l.amount, amount);
    expect('annual_rate', l.annual_rate, percent);
    expect('rate_after_subsidy', l.rate_after_subsidy, percent);
    expect('first_payment', l.first_payment, yuan);
    expect('total_cost_gross', l.total_cost_gross, yuan);
    expect('total_cost_net', l.total_cost_net, yuan);
    expect('apr_gross', q.apr_gross, percent);
    expect('apr_net', q.apr_net, percent);
    if (l.guarantee_fee_rate !== null) {
      expect('guarantee_fee', l.guarantee_fee, yuan);
      expect('guarantee_fee_net', l.guarantee_fee_net, yuan);
    }
  }
}

async function shot(page, name, width) {
  await page.setViewportSize({ width, height: 900 });
  await page.waitForTimeout(100);
  await page.screenshot({ path: join(artifacts, `${name}-${width}.png`), fullPage: true });
}

// ---- the tests ----------------------------------------------------------------------------

describe('park website', () => {
  test('a visitor fills the form and sees exactly the native engine’s figures', async () => {
    const { page, errors } = await openPage(browser.context, `${server.base}park.html`);
    await waitForWidget(page);
    assert.equal((await events(page, 'prequal:ready')).length, 1);
    const asked = nativeQuestions().form;
    assert.deepEqual(await askedIds(page), asked, 'the form asks what the pack’s products read');
    await fillForm(page, ELIGIBLE_ANSWERS, asked);
    const now = nativeQuestions(undefined, { firm: ELIGIBLE_FIRM }).form;
    assert.deepEqual(await askedIds(page), now, 'with the industry known, the size figures its row needs');
    const report = nativeReport(ELIGIBLE_FIRM);
    assertSameAsNative(await cards(page), report, 'zh-CN');
    const size = page.locator(`${W} [data-k="size_class"]`);
    assert.equal(await size.getAttribute('data-raw'), report.firm.size_class);
    // The last prequal:result carries the same decimal strings.
    const results = await events(page, 'prequal:result');
    const last = results.at(-1);
    assert.equal(last.quotes[0].product, report.quotes[0].product);
    assert.equal(last.quotes[0].apr_net, report.quotes[0].apr_net);
    assert.equal(last.quotes[0].loan.first_payment, report.quotes[0].loan.first_payment);
    assert.equal(last.policy.content_hash, report.policy.content_hash);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('results update as inputs change, and the live region announces them', async () => {
    const { page } = await openPage(browser.context, `${server.base}park.html`);
    await waitForWidget(page);
    const live = page.locator(`${W} #pq-live`);
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    const before = await live.textContent();
    assert.match(before, /^3 个产品：/);
    const count = (await events(page, 'prequal:result')).length;
    await answer(page, 'overdue_current', '2');
    assert.ok((await events(page, 'prequal:result')).length > count, 'a new prequal:result');
    assert.notEqual(await live.textContent(), before);
    assert.ok(await page.locator(`${W} li[data-criterion="overdue_now"]`).count() > 0, 'the reason is shown');
    await page.close();
  });

  test('the firm property pre-fills what the park knows', async () => {
    const { page } = await openPage(browser.context, `${server.base}park.html`);
    await waitForWidget(page);
    await page.locator('#prefill').click();
    await page.waitForFunction(
      () => document.querySelector('prequal-widget').shadowRoot.querySelector('#pq-f-revenue')?.value === '1800',
    );
    assert.equal(await field(page, 'years_in_park').inputValue(), '3');
    assert.equal(await field(page, 'industry').inputValue(), 'software_it');
    // A yes/no question the firm answers: yes; one it leaves out: still unanswered.
    assert.equal(await field(page, 'high_tech').inputValue(), 'true');
    assert.equal(await field(page, 'first_loan').inputValue(), '');
    // An invalid firm is reported in the widget and ignored.
    await page.evaluate(() => {
      document.querySelector('prequal-widget').firm = { industry: 'bakery', employees: -1 };
    });
    const note = page.locator(`${W} .pq-note`).first();
    await note.waitFor();
    assert.match(await note.textContent(), /预填的企业信息有误.*\$\.(employees|industry)/);
    await page.close();
  });

  test('the schedule table and the SVG chart', async () => {
    const { page } = await openPage(browser.context, `${server.base}park.html`);
    await waitForWidget(page);
    await setFirm(page, ELIGIBLE_FIRM);
    const first = page.locator(`${W} .pq-card`).first();
    await first.locator('details.pq-schedule > summary').click();
    const chart = first.locator('.pq-chart');
    await chart.waitFor();
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.match(await chart.getAttribute('aria-label'), /个月/);
    assert.equal(await chart.locator('svg').count(), 2);
    assert.ok((await chart.locator('rect.pq-bar-p').count()) >= 12);
    const rows = await first.locator('table.pq-table tbody tr').count();
    const term = await first.locator('[data-k="amount"]').evaluate((el) => el.closest('dd').textContent);
    assert.match(term, new RegExp(`${rows} 个月`));
    // It stays open across re-evaluations.
    await answer(page, 'employees', '21');
    assert.ok(await page.locator(`${W} .pq-card`).first().locator('.pq-chart svg').first().isVisible());
    await page.close();
  });

  test('keyboard only: answer, step through, apply with consent', async () => {
    const { page } = await openPage(browser.context, `${server.base}park.html`, { width: 375, height: 800 });
    await waitForWidget(page);
    // Tab from the top of the page to the park's pre-fill button, press it, on into the form.
    for (let i = 0; i < 40 && (await focusedId(page)) !== 'prefill'; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'prefill');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('prequal-widget').shadowRoot.querySelector('#pq-f-industry').value);
    for (let i = 0; i < 40 && (await focusedId(page)) !== 'pq-f-industry'; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'pq-f-industry');
    await page.keyboard.press('Tab'); // park
    await page.keyboard.press('Tab'); // employees
    assert.equal(await focusedId(page), 'pq-f-employees');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await page.keyboard.press('Enter'); // submits the step: on to step 2, focus on its first field
    assert.equal(await focusedId(page), 'pq-f-tax_grade');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    assert.equal(await focusedId(page), 'pq-f-specialized_national');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'pq-f-high_tech');
    // A yes/no list: the arrow keys go from yes (pre-filled) to no and back.
    assert.equal(await field(page, 'high_tech').inputValue(), 'true');
    await page.keyboard.press('ArrowDown');
    assert.equal(await field(page, 'high_tech').inputValue(), 'false');
    await page.keyboard.press('ArrowUp');
    assert.equal(await field(page, 'high_tech').inputValue(), 'true');
    for (let i = 0; i < 6 && (await focusedId(page)) !== 'pq-next'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // step 4
    assert.equal(await focusedId(page), 'pq-f-requested_amount');
    await page.keyboard.type('100');
    await page.keyboard.press('Enter'); // "See results": focus moves to the results
    assert.equal(await focusedId(page), 'pq-results-title');
    for (let i = 0; i < 40 && (await focusedId(page)) !== 'pq-apply-0'; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'pq-apply-0');
    await page.keyboard.press('Enter');
    assert.equal(await focusedId(page), 'pq-consent-title');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'pq-consent-box');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'pq-consent-submit');
    await page.keyboard.press('Enter'); // not ticked yet: told so, focus on the box
    assert.equal(await focusedId(page), 'pq-consent-box');
    assert.match(await page.locator(`${W} #pq-consent-err`).textContent(), /请先勾选同意/);
    assert.equal((await events(page, 'prequal:apply')).length, 0, 'nothing without consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const applied = await events(page, 'prequal:apply');
    assert.equal(applied.length, 1);
    const detail = applied[0];
    const firstCard = await cards(page).then((c) => c[0]);
    assert.equal(detail.quote.product, firstCard.product);
    assert.equal(detail.quote.rank, 1);
    assert.equal(detail.consent, true);
    assert.equal(detail.answers.employees, 30);
    assert.equal(detail.answers.annual_tax_paid, '400000');
    assert.equal(detail.answers.requested_amount, '1000000');
    assert.equal(detail.answers.qualifications.high_tech, true);
    assert.equal(detail.quote.limit ?? '', firstCard.figures.limit.raw);
    assert.equal(detail.quote.apr_net ?? undefined, firstCard.figures.apr_net?.raw);
    assert.deepEqual(detail.quote.open_questions, (await events(page, 'prequal:result')).at(-1).quotes[0].open_questions);
    assert.equal(await focusedId(page), 'pq-sent');
    assert.match(await page.locator('#thanks').textContent(), /已收到您对/);
    await page.close();
  });

  test('zh-CN / en switch', async () => {
    const { page } = await openPage(browser.context, `${server.base}park.html`);
    await waitForWidget(page);
    await setFirm(page, ELIGIBLE_FIRM);
    const zh = await cards(page);
    assert.equal(await page.locator(`${W} .pq-title`).textContent(), '园区贷预审');
    await page.locator(`${W} #pq-lang-en`).click();
    assert.equal(await page.locator(`${W} .pq-title`).textContent(), 'Park loan pre-check');
    assert.equal(await page.locator(W).getAttribute('lang'), 'en');
    assert.equal(await focusedId(page), 'pq-lang-en', 'focus stays on the switch');
    assert.equal(await page.locator(`${W} #pq-lang-en`).getAttribute('aria-pressed'), 'true');
    const en = await cards(page);
    assert.deepEqual(
      en.map((c) => Object.fromEntries(Object.entries(c.figures).map(([k, v]) => [k, v.raw]))),
      zh.map((c) => Object.fromEntries(Object.entries(c.figures).map(([k, v]) => [k, v.raw]))),
      'the same numbers in both languages',
    );
    const limit = en[0].figures.limit;
    assert.equal(limit.text, amount(limit.raw, 'en'));
    assert.equal(en[0].figures.first_payment.text, yuan(en[0].figures.first_payment.raw, 'en'));
    assert.equal(await page.locator(`${W} #pq-next`).textContent(), 'Next');
    assert.equal((await events(page, 'prequal:result')).at(-1).lang, 'en');
    // The host page can switch it too.
    await page.evaluate(() => document.querySelector('prequal-widget').setAttribute('lang', 'zh-CN'));
    assert.equal(await page.locator(`${W} #pq-next`).textContent(), '下一步');
    await page.close();
  });

  test('invalid input shows a message in the chosen language', async () => {
    const { page } = await openPage(browser.context, `${server.base}park.html`);
    await waitForWidget(page);
    await answer(page, 'employees', '-5');
    const error = page.locator(`${W} #pq-e-employees`);
    assert.equal(await error.textContent(), '不能为负数');
    assert.equal(await field(page, 'employees').getAttribute('aria-invalid'), 'true');
    const describedBy = await field(page, 'employees').getAttribute('aria-describedby');
    assert.ok(describedBy.split(' ').includes('pq-e-employees'));
    await type(page, 'revenue', '五百');
    assert.equal(await page.locator(`${W} #pq-e-revenue`).textContent(), '请输入数字');
    assert.match(await page.locator(`${W} [data-problems]`).textContent(), /有 2 项输入需更正/);
    await type(page, 'years_in_operation', '2.555');
    assert.equal(await page.locator(`${W} #pq-e-years_in_operation`).textContent(), '最多保留 2 位小数');
    await answer(page, 'legal_rep_age', '3.5');
    assert.equal(await page.locator(`${W} #pq-e-legal_rep_age`).textContent(), '请输入整数');
    await answer(page, 'requested_amount', '0');
    assert.match(await page.locator(`${W} #pq-e-requested_amount`).textContent(), /须大于 0/);
    await page.locator(`${W} #pq-lang-en`).click();
    assert.equal(await page.locator(`${W} #pq-e-employees`).textContent(), 'Cannot be negative');
    assert.equal(await page.locator(`${W} #pq-e-revenue`).textContent(), 'Enter a number');
    // Results are still shown, without the invalid figures.
    assert.ok((await page.locator(`${W} .pq-card`).count()) > 0);
    // Fixing a field clears its message.
    await answer(page, 'employees', '５');
    assert.equal(await page.locator(`${W} #pq-e-employees`).textContent(), '');
    assert.equal(await field(page, 'employees').getAttribute('aria-invalid'), null);
    await page.close();
  });
});

describe('bank website', () => {
  test('a second pack fetched by URL, the same figures as the native engine', async () => {
    const { page, requests, errors } = await openPage(browser.context, `${server.base}bank.html`);
    await waitForWidget(page);
    const ready = await events(page, 'prequal:ready');
    assert.equal(ready[0].policy.id, 'longhua-bank-mix');
    const firm = {
      ...ELIGIBLE_FIRM,
      park: 'longhua-digital-park',
      industry: 'industry',
      employees: 85,
      revenue: 26000000,
      requested_amount: 4000000,
      repayment_method: 'equal_principal',
    };
    const answers = {
      ...ELIGIBLE_ANSWERS,
      industry: 'industry',
      park: 'longhua-digital-park',
      employees: '85',
      revenue: '2600',
      requested_amount: '400',
      repayment_method: 'equal_principal',
    };
    const asked = nativeQuestions('examples/packs/longhua-bank-mix.json').form;
    assert.deepEqual(await askedIds(page), asked, 'the form asks what this pack’s products read');
    assert.ok(!asked.includes('first_loan'), 'no product of this pack reads first_loan: not asked');
    await fillForm(page, answers, asked);
    assert.deepEqual(await askedIds(page), nativeQuestions('examples/packs/longhua-bank-mix.json', { firm }).form);
    const report = nativeReport(firm, 'examples/packs/longhua-bank-mix.json');
    assertSameAsNative(await cards(page), report, 'zh-CN');
    // A product not in force on the date is listed as such.
    assert.ok(await page.locator(`${W} .pq-excluded li[data-product="spring-2025-loan"]`).count());
    assert.ok(requests.some((u) => u.endsWith('/examples/packs/longhua-bank-mix.json')));
    // The page's own summary box hears prequal:result.
    assert.equal(await page.locator('#best-name').textContent(), report.quotes[0].name['zh-CN']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('products and as-of attributes', async () => {
    const body = embedPage(server.base, {
      policy: `${server.base}examples/packs/longhua-bank-mix.json`,
      products: 'service-sector-loan, longhua-park-loan',
      'as-of': '2025-10-15',
    });
    const { page } = await openPage(browser.context, `${server.base}__test__/filter.html`, {
      routes: { 'filter.html': { body } },
    });
    await waitForWidget(page);
    const shown = await cards(page);
    assert.deepEqual(shown.map((c) => c.product), ['longhua-park-loan'], 'only listed products in force');
    assert.ok(await page.locator(`${W} .pq-excluded li[data-product="service-sector-loan"]`).count());
    assert.match(await page.locator(`${W} .pq-meta`).textContent(), /2025-10-15/);
    const result = (await events(page, 'prequal:result')).at(-1);
    assert.equal(result.as_of, '2025-10-15');
    assert.deepEqual(result.quotes.map((q) => q.product), ['longhua-park-loan']);
    await page.close();
  });
});

describe('failures and hostile input', () => {
  test('a broken policy URL shows a clear message, not a blank', async () => {
    const body = embedPage(server.base, { policy: '/no-such-pack.json' });
    const { page } = await openPage(browser.context, `${server.base}__test__/broken.html`, {
      routes: { 'broken.html': { body } },
    });
    await waitForWidget(page, '.pq-error');
    const panel = page.locator(`${W} .pq-error`);
    assert.equal(await panel.getAttribute('role'), 'alert');
    const text = await panel.textContent();
    assert.match(text, /无法加载政策数据包/);
    assert.match(text, /HTTP 404/);
    assert.match(text, /no-such-pack\.json/);
    const failed = await events(page, 'prequal:error');
    assert.equal(failed.length, 1);
    assert.equal(failed[0].invalid, false);
    await page.close();
  });

  test('an invalid pack names the JSON path of the problem', async () => {
    const pack = JSON.parse(readFileSync(join(root, 'examples/packs/shenzhen-park-loan-2.json'), 'utf8'));
    pack.products[1].amount_min = { value: -5 };
    const body = embedPage(server.base, { policy: '/__test__/bad.json', lang: 'en' });
    const { page } = await openPage(browser.context, `${server.base}__test__/bad.html`, {
      routes: { 'bad.html': { body }, 'bad.json': { body: JSON.stringify(pack), type: 'application/json' } },
    });
    await waitForWidget(page, '.pq-error');
    const text = await page.locator(`${W} .pq-error`).textContent();
    assert.match(text, /The policy pack is not valid/);
    assert.match(text, /\$\.products\[1\]\.amount_min/);
    const syntax = embedPage(server.base, { policy: '/__test__/syntax.json' });
    await page.route(/\/__test__\/syntax/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: route.request().url().endsWith('.json') ? '{"id": ' : syntax }),
    );
    await page.goto(`${server.base}__test__/syntax.html`);
    await waitForWidget(page, '.pq-error');
    assert.match(await page.locator(`${W} .pq-error`).textContent(), /政策数据包有误.*\$/s);
    await page.close();
  });

  test('pack and attribute text with markup is shown as text and runs nothing', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const script = '<script>window.__pwned=2</script>';
    const pack = JSON.parse(readFileSync(join(root, 'examples/packs/shenzhen-park-loan-2.json'), 'utf8'));
    pack.products[0].name = { 'zh-CN': evil, en: evil };
    pack.products[0].description = { 'zh-CN': script, en: script };
    pack.banks[0].name = { 'zh-CN': `${evil}银行`, en: evil };
    pack.parks[0].name = { 'zh-CN': evil, en: evil };
    pack.notice = { 'zh-CN': script, en: script };
    pack.products[0].criteria[0].label = { 'zh-CN': evil, en: evil };
    const body = embedPage(server.base, { policy: '/__test__/evil.json', park: `<svg onload="window.__pwned=3">` });
    const { page, requests } = await openPage(browser.context, `${server.base}__test__/evil.html`, {
      routes: { 'evil.html': { body }, 'evil.json': { body: JSON.stringify(pack), type: 'application/json' } },
    });
    await waitForWidget(page);
    await page.locator(`${W} .pq-card details.pq-all > summary`).first().click();
    await page.waitForTimeout(300);
    const names = await page.locator(`${W} .pq-name`).allTextContents();
    assert.ok(names.includes(evil), 'the product name is shown literally');
    assert.match(await page.locator(`${W} .pq-notice`).textContent(), /<script>window.__pwned=2<\/script>/);
    const counts = await page.evaluate(() => {
      const root = document.querySelector('prequal-widget').shadowRoot;
      return {
        img: root.querySelectorAll('img').length,
        script: root.querySelectorAll('script').length,
        svgOnload: root.querySelectorAll('[onload], [onerror]').length,
        pwned: window.__pwned ?? null,
      };
    });
    assert.deepEqual(counts, { img: 0, script: 0, svgOnload: 0, pwned: null });
    assert.ok(!requests.some((u) => /\/x$/.test(u)), 'no request for the injected image');
    await page.close();
  });
});

describe('no input kills the widget', () => {
  test('odd text in every field and extreme pre-filled firms: no error, still answering', async () => {
    const { page, errors } = await openPage(browser.context, `${server.base}park.html`);
    await waitForWidget(page);
    const odd = ['-0', '１２３４５６７８９０１２３４５６７８９０１２', '1e309', 'NaN', '0.0000001', '9'.repeat(30), '<b>1</b>', '😀', ' 1 2 3 ', '.5', '5.', ''];
    const steps = await page.locator(`${W} fieldset.pq-step`).count();
    for (let step = 0; step < steps; step++) {
      await goToStep(page, step);
      const ids = await page
        .locator(`${W} #pq-fs-${step} input.pq-input`)
        .evaluateAll((inputs) => inputs.map((input) => input.name));
      for (const id of ids) {
        for (const text of odd) await field(page, id).fill(text);
        await field(page, id).press('Tab');
      }
    }
    for (const firm of [
      {
        industry: 'industry',
        employees: 4294967295,
        revenue: '9999999999999',
        total_assets: '9999999999999',
        annual_tax_paid: '9999999999999',
        existing_credit_loans: '9999999999999',
        requested_amount: '9999999999999',
        years_in_operation: 200,
        years_in_park: 200,
        debt_ratio: 10,
        term_months: 600,
        repayment_method: 'interest_only',
        qualifications: { specialized_national: true, high_tech: true, first_loan: true },
      },
      { industry: 'retail', revenue: '0.01', requested_amount: '0.01', term_months: 1, founded: '1900-01-01' },
      { industry: 'other', employees: 0, founded: '2999-12-31', legal_rep_age: 150, inquiries_6m: 4294967295 },
    ]) {
      await page.evaluate((f) => {
        document.querySelector('prequal-widget').firm = f;
      }, firm);
      await page.locator(`${W} #pq-lang-en`).click();
      await page.locator(`${W} #pq-lang-zh-CN`).click();
      const opened = page.locator(`${W} details.pq-schedule > summary`);
      if (await opened.count()) await opened.first().click();
    }
    assert.deepEqual(errors, []);
    // Still alive: a change still gives a new result.
    const count = (await events(page, 'prequal:result')).length;
    await answer(page, 'employees', '12');
    assert.ok((await events(page, 'prequal:result')).length > count);
    await page.close();
  });
});

describe('privacy, accessibility, screenshots', () => {
  test('the page makes no request but its own assets and the policy; no cookies or storage', async () => {
    for (const [path, policy] of [
      ['park.html', null],
      ['bank.html', 'examples/packs/longhua-bank-mix.json'],
      ['bank-g.html', 'examples/packs/bank-g-tech-credit.json'],
    ]) {
      const { page, requests } = await openPage(browser.context, `${server.base}${path}`);
      await waitForWidget(page);
      const asked = await askedIds(page);
      await fillForm(page, { employees: '33', inquiries_6m: '4', tech_sme: 'true', requested_amount: '80' }, asked);
      await page.locator(`${W} #pq-apply-0`).click();
      await page.locator(`${W} #pq-consent-box`).check();
      await page.locator(`${W} #pq-consent-submit`).click();
      // "Compare options" loads the advisor's files, and only those.
      await page.locator(`${W} #pq-advise-open`).click();
      await page.locator(`${W} #pq-advise-body`).waitFor();
      await page.waitForFunction(() => !/正在计算|Working/.test(document.querySelector('prequal-widget').shadowRoot.getElementById('pq-advise-body').textContent));
      await page.waitForTimeout(200);
      const own = new Set([
        path,
        'prequal-widget.js',
        'prequal-widget.css',
        'pkg/prequal_widget.js',
        'pkg/prequal_widget_bg.wasm',
        'prequal-advise.js',
        'advise-pkg/prequal.js',
        'advise-pkg/prequal_bg.wasm',
        ...(policy ? [policy] : []),
      ]);
      // The SDK's glue imports its inline snippet (a path with a build hash).
      const snippet = (u) => /^advise-pkg\/snippets\/[\w-]+\/inline\d+\.js$/.test(u);
      const unexpected = requests.filter((u) => {
        const file = u.slice(server.base.length);
        return !u.startsWith(server.base) || !(own.has(file) || snippet(file));
      });
      assert.deepEqual(unexpected, [], `${path}: only its own assets and the policy`);
      const storage = await page.evaluate(() => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
      }));
      assert.deepEqual(storage, { cookie: '', local: 0, session: 0 });
      await page.close();
    }
  });

  test('axe-core finds no serious or critical violation', async () => {
    const check = async (page, label) => assert.deepEqual(await seriousViolations(page), [], label);
    for (const path of ['park.html', 'bank.html', 'bank-g.html', 'index.html']) {
      const { page } = await openPage(browser.context, `${server.base}${path}`);
      if (path !== 'index.html') await waitForWidget(page);
      await check(page, path);
      if (path === 'bank-g.html') {
        // The pack's own questions on their step.
        await showField(page, 'pending_lawsuit');
        await check(page, 'bank-g.html, the pack’s own questions');
      }
      if (path === 'park.html') {
        // Errors shown, a schedule open, the consent panel open, in English.
        await setFirm(page, ELIGIBLE_FIRM);
        await answer(page, 'employees', '-1');
        await page.locator(`${W} details.pq-schedule > summary`).first().click();
        await page.locator(`${W} #pq-apply-0`).click();
        await page.locator(`${W} #pq-consent-submit`).click();
        await check(page, 'park.html with errors, schedule and consent (zh-CN)');
        await page.locator(`${W} #pq-lang-en`).click();
        await check(page, 'park.html (en)');
      }
      await page.close();
    }
  });

  test('fits a 320 px screen: nothing sticks out, the schedule table scrolls in its box', async () => {
    const applicant = JSON.parse(readFileSync(join(root, 'examples/firms/bank-g-applicant.json'), 'utf8'));
    for (const [path, firm] of [
      ['park.html', ELIGIBLE_FIRM],
      ['bank.html', { ...ELIGIBLE_FIRM, park: 'longhua-digital-park' }],
      ['bank-g.html', applicant],
    ]) {
      const { page } = await openPage(browser.context, `${server.base}${path}`, { width: 320, height: 640 });
      await waitForWidget(page);
      await setFirm(page, firm);
      await page.locator(`${W} details.pq-schedule > summary`).first().click();
      await page.locator(`${W} #pq-apply-0`).click();
      await page.locator(`${W} .pq-table`).first().waitFor();
      const outside = await page.evaluate(() => {
        const root = document.querySelector('prequal-widget').shadowRoot;
        return [...root.querySelectorAll('*')]
          .filter((el) => !el.closest('.pq-table-wrap') && el.getBoundingClientRect().right > 320.5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class')}`);
      });
      assert.deepEqual(outside, [], path);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, `${path}: no sideways scroll`);
      await page.screenshot({ path: join(artifacts, `${path.replace('.html', '')}-320-schedule-consent.png`), fullPage: true });
      await page.close();
    }
  });

  test('screenshots at 375 px and 1280 px', async () => {
    for (const path of ['park', 'bank', 'bank-g', 'index']) {
      const { page } = await openPage(browser.context, `${server.base}${path}.html`);
      if (path !== 'index') await waitForWidget(page);
      // As a visitor first sees it: the form empty, every product waiting for answers.
      await shot(page, path, 375);
      await shot(page, path, 1280);
      if (path === 'bank-g') {
        await showField(page, 'rd_intensity');
        await shot(page, 'bank-g-own-questions', 375);
      }
      if (path === 'park') {
        await setFirm(page, ELIGIBLE_FIRM);
        await page.locator(`${W} details.pq-schedule > summary`).first().click();
        await page.locator(`${W} #pq-apply-0`).click();
        await shot(page, 'park-schedule-consent', 375);
        await page.locator(`${W} #pq-lang-en`).click();
        await answer(page, 'employees', '-3');
        await shot(page, 'park-en-error', 1280);
      }
      await page.close();
    }
  });
});
