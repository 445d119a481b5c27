// The questions <prequal-widget> asks come from the pack: the built-in fields and declared
// facts its shown products read, and the loan request; the form starts empty; every product
// waits for the questions that would decide it, those that decide the most first.
// Expected lists come from the native engine (evaluate-native --questions), not from here.
// Run by scripts/test-browser.sh.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  answer,
  askedIds,
  embedPage,
  events,
  field,
  focusedId,
  launch,
  nativeQuestions,
  nativeReport,
  openPage,
  root,
  startServer,
  waitForWidget,
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
const BANK_G = 'examples/packs/bank-g-tech-credit.json';
const APPLICANT = JSON.parse(readFileSync(join(root, 'examples/firms/bank-g-applicant.json'), 'utf8'));

/** A test page embedding the widget with these attributes. */
async function embed(name, attributes) {
  const body = embedPage(server.base, attributes);
  const opened = await openPage(browser.context, `${server.base}__test__/${name}.html`, {
    routes: { [`${name}.html`]: { body } },
  });
  await waitForWidget(opened.page);
  return opened;
}

/** Each card's verdict and the questions it still waits for (as the card lists them). */
const cardQuestions = (page) =>
  page.locator(`${W} .pq-card`).evaluateAll((cards) =>
    cards.map((card) => {
      const left = card.querySelector('.pq-left');
      return {
        product: card.dataset.product,
        verdict: card.dataset.verdict,
        left: left ? Number(left.dataset.left) : 0,
        questions: left ? left.dataset.questions.split(' ') : [],
        text: left?.textContent ?? '',
      };
    }),
  );

/** The questions listed above the cards: the count, and the first few as buttons. */
const askPanel = (page) =>
  page.evaluate(() => {
    const panel = document.querySelector('prequal-widget').shadowRoot.querySelector('.pq-ask');
    if (!panel) return null;
    return {
      left: Number(panel.dataset.left),
      title: panel.querySelector('h4').textContent,
      buttons: [...panel.querySelectorAll('button[data-q]')].map((b) => b.dataset.q),
    };
  });

/** The open questions of each product in the overall order (most products first). */
function inRankOrder(native) {
  const order = native.ranked.map(([id]) => id);
  return Object.fromEntries(
    Object.entries(native.open).map(([product, ids]) => [
      product,
      [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    ]),
  );
}

describe('the questions come from the pack', () => {
  test('bundled pack: the inputs are exactly the questions its products read, and follow the industry', async () => {
    const { page, errors } = await embed('bundled', {});
    assert.deepEqual(await askedIds(page), nativeQuestions().form);
    // The size class needs other figures once the industry is known: the form follows.
    await answer(page, 'industry', 'retail');
    const retail = nativeQuestions(undefined, { firm: { industry: 'retail' } }).form;
    await page.waitForFunction(
      (n) => document.querySelector('prequal-widget').shadowRoot.querySelectorAll('[id^="pq-f-"]').length === n,
      retail.length,
    );
    assert.deepEqual(await askedIds(page), retail);
    assert.equal(await focusedId(page), 'pq-f-industry', 'the focus stays on the list just answered');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the products attribute narrows the questions to what the shown products read', async () => {
    const { page } = await embed('one-product', { products: 'tax-credit-loan' });
    const expected = nativeQuestions(undefined, { products: 'tax-credit-loan' }).form;
    assert.deepEqual(await askedIds(page), expected);
    assert.ok(expected.length < nativeQuestions().form.length, 'fewer questions than for every product');
    // Steps with no question are left out; every step shown has one.
    const steps = await page.locator(`${W} fieldset.pq-step`).evaluateAll((sets) =>
      sets.map((set) => set.querySelectorAll('[id^="pq-f-"]').length),
    );
    assert.ok(steps.every((n) => n > 0), `no empty step: ${steps}`);
    assert.equal(await page.locator(`${W} .pq-step-btn`).count(), steps.length);
    await page.close();
  });

  test('bank pack: its declared facts are asked with the right inputs, unused fields are not', async () => {
    const { page, errors } = await openPage(browser.context, `${server.base}bank-g.html`);
    await waitForWidget(page);
    const asked = await askedIds(page);
    // Every question once, the loan request on the last step.
    assert.deepEqual([...asked].sort(), [...nativeQuestions(BANK_G).form].sort());
    assert.deepEqual(asked.slice(-3), ['requested_amount', 'term_months', 'repayment_method']);
    for (const unused of ['legal_rep_age', 'inquiries_6m', 'industry', 'employees', 'first_loan', 'debt_ratio']) {
      assert.ok(!asked.includes(unused), `${unused} is not asked`);
    }
    const pack = JSON.parse(readFileSync(join(root, BANK_G), 'utf8'));
    const fact = (id) => pack.facts.find((f) => f.id === id);
    const describe = (id) =>
      field(page, id).evaluate((el) => {
        const root = el.getRootNode();
        const ids = (el.getAttribute('aria-describedby') ?? '').split(' ');
        return {
          tag: el.tagName.toLowerCase(),
          type: el.type,
          inputmode: el.getAttribute('inputmode'),
          label: root.querySelector(`label[for="${el.id}"]`)?.textContent,
          described: ids.map((i) => root.getElementById(i)?.textContent ?? ''),
          options: el.tagName === 'SELECT' ? [...el.options].map((o) => [o.value, o.textContent]) : null,
          value: el.value,
        };
      });
    // A number: a text input for numbers, its question, unit and hint.
    const staff = await describe('social_insurance_staff');
    assert.equal(staff.tag, 'input');
    assert.equal(staff.inputmode, 'numeric');
    assert.equal(staff.label, fact('social_insurance_staff').question['zh-CN']);
    assert.ok(staff.described.includes(fact('social_insurance_staff').unit['zh-CN']), 'the unit');
    assert.ok(staff.described.includes(fact('social_insurance_staff').hint['zh-CN']), 'the hint');
    assert.equal(staff.value, '', 'not answered');
    // Yes/no: answered yes, answered no, or not answered (the start).
    const lawsuit = await describe('pending_lawsuit');
    assert.equal(lawsuit.tag, 'select');
    assert.deepEqual(lawsuit.options.map(([v]) => v), ['', 'true', 'false']);
    assert.deepEqual(lawsuit.options.map(([, t]) => t), ['不确定', '是', '否']);
    assert.equal(lawsuit.value, '');
    assert.equal(lawsuit.label, fact('pending_lawsuit').question['zh-CN']);
    // A choice: a list of its choices, by id, with their labels.
    const rd = await describe('rd_intensity');
    assert.equal(rd.tag, 'select');
    assert.deepEqual(
      rd.options,
      [['', '不确定'], ...fact('rd_intensity').choices.map((c) => [c.id, c.label['zh-CN']])],
    );
    // The built-in yes/no questions are lists too, starting unanswered.
    const tech = await describe('high_tech');
    assert.deepEqual([tech.tag, tech.value, tech.options.map(([v]) => v)], ['select', '', ['', 'true', 'false']]);
    // The pack's own questions have a step of their own.
    const step = await field(page, 'pending_lawsuit').evaluate((el) => el.closest('fieldset').querySelector('.pq-legend-t').textContent);
    assert.equal(step, '补充信息');
    // Out of range and not whole: told next to the input, left out of the firm.
    await answer(page, 'social_insurance_staff', '2.5');
    assert.equal(await page.locator(`${W} #pq-e-social_insurance_staff`).textContent(), '请输入整数');
    await answer(page, 'social_insurance_staff', '100001');
    assert.equal(await page.locator(`${W} #pq-e-social_insurance_staff`).textContent(), '不能超过 100,000');
    assert.equal(await field(page, 'social_insurance_staff').getAttribute('aria-invalid'), 'true');
    const last = (await events(page, 'prequal:result')).at(-1);
    assert.ok(last.quotes[0].open_questions.includes('social_insurance_staff'), 'still unknown to the engine');
    // In English, the English texts.
    await page.locator(`${W} #pq-lang-en`).click();
    assert.equal((await describe('pending_lawsuit')).label, fact('pending_lawsuit').question.en);
    assert.deepEqual((await describe('rd_intensity')).options.slice(1).map(([, t]) => t), fact('rd_intensity').choices.map((c) => c.label.en));
    assert.equal(await page.locator(`${W} #pq-e-social_insurance_staff`).textContent(), 'Must be at most 100,000');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('an empty form waits for answers', () => {
  for (const [name, pack, attributes] of [
    ['bundled pack', undefined, {}],
    ['bank pack', BANK_G, { policy: `/${BANK_G}` }],
  ]) {
    test(`${name}: nothing answered, every product needs information, with its questions`, async () => {
      const { page } = await embed(`empty-${pack ? 'bank' : 'bundled'}`, attributes);
      // Nothing is pre-filled: every input is empty.
      const values = await page.evaluate(() =>
        [...document.querySelector('prequal-widget').shadowRoot.querySelectorAll('[id^="pq-f-"]')].map((e) => e.value),
      );
      assert.ok(values.every((v) => v === ''), `the form starts empty: ${values}`);
      const native = nativeQuestions(pack);
      const cards = await cardQuestions(page);
      assert.ok(cards.length > 0);
      assert.ok(!cards.some((c) => c.verdict === 'eligible'), 'no product is "likely eligible" before any answer');
      const expected = inRankOrder(native);
      for (const card of cards) {
        assert.equal(card.verdict, 'needs_info', card.product);
        assert.deepEqual(card.questions, expected[card.product], `${card.product}: its questions, most decisive first`);
        assert.equal(card.left, expected[card.product].length);
        assert.match(card.text, new RegExp(`还需回答 ${card.left} 个问题`));
      }
      const panel = await askPanel(page);
      assert.equal(panel.left, native.ranked.length, 'the count of questions left');
      assert.match(panel.title, new RegExp(`还有 ${native.ranked.length} 个问题`));
      assert.deepEqual(panel.buttons, native.ranked.slice(0, 5).map(([id]) => id), 'most products first');
      // The host hears the same open questions.
      const result = (await events(page, 'prequal:result')).at(-1);
      for (const q of result.quotes) assert.deepEqual(q.open_questions, expected[q.product]);
      assert.equal(result.firm.industry, null);
      // A listed question takes the visitor to its input.
      const target = panel.buttons.at(-1);
      await page.locator(`${W} .pq-ask button[data-q="${target}"]`).click();
      assert.equal(await focusedId(page), `pq-f-${target}`);
      assert.ok(await field(page, target).isVisible());
      await page.close();
    });
  }

  test('the live region and the count follow the answers', async () => {
    const { page } = await embed('count', {});
    const before = (await askPanel(page)).left;
    await answer(page, 'years_in_operation', '3');
    await page.waitForFunction(
      (n) => Number(document.querySelector('prequal-widget').shadowRoot.querySelector('.pq-ask').dataset.left) < n,
      before,
    );
    assert.match(await page.locator(`${W} #pq-live`).textContent(), /3 个产品：0 个可能符合/);
    await page.close();
  });
});

describe('answers decide the products', () => {
  test('bank pack: answering the listed questions gives the final verdict; a failing answer, not eligible', async () => {
    const { page, errors } = await openPage(browser.context, `${server.base}bank-g.html`);
    await waitForWidget(page);
    // The applicant's answers as a visitor types them (万元, years on the pack's date).
    const answers = {
      years_in_operation: '6.67',
      tax_grade: 'B',
      annual_tax_paid: '15',
      overdue_current: '0',
      high_tech: 'false',
      social_insurance_staff: '12',
      pending_lawsuit: 'false',
    };
    const answered = [];
    for (let round = 0; round < 10; round++) {
      const [card] = await cardQuestions(page);
      if (card.verdict !== 'needs_info') break;
      for (const id of card.questions) {
        assert.ok(id in answers, `${id} is one of the applicant's answers`);
        await answer(page, id, answers[id]);
        answered.push(id);
      }
    }
    const [card] = await cardQuestions(page);
    assert.equal(card.verdict, 'eligible');
    assert.equal(card.left, 0);
    assert.equal(await askPanel(page), null, 'no question left');
    assert.deepEqual(answered.sort(), Object.keys(answers).sort(), 'exactly the listed questions were answered');
    // The figures are the native engine's for the applicant (founded 2019-06-01 = 6.67 years).
    const { requested_amount, term_months, repayment_method, facts, ...rest } = APPLICANT;
    const firm = { ...rest, facts: { social_insurance_staff: 12, pending_lawsuit: false } };
    const report = nativeReport(firm, BANK_G);
    const limit = await page.locator(`${W} .pq-card [data-k="limit"]`).getAttribute('data-raw');
    assert.equal(limit, report.quotes[0].limit.amount);
    assert.equal(report.quotes[0].verdict, 'eligible');
    // The R&D share only prices the loan (and raises the limit, here capped): answering it
    // changes the rate, not the verdict.
    const rate = () => page.locator(`${W} .pq-card [data-k="annual_rate"]`).getAttribute('data-raw');
    const before = await rate();
    assert.equal(before, report.quotes[0].loan.annual_rate);
    await answer(page, 'rd_intensity', '3_to_6');
    const withRd = nativeReport({ ...firm, facts: { ...firm.facts, rd_intensity: '3_to_6' } }, BANK_G).quotes[0];
    assert.equal(await rate(), withRd.loan.annual_rate);
    assert.notEqual(await rate(), before);
    assert.equal((await cardQuestions(page))[0].verdict, 'eligible');
    // A pending lawsuit: not eligible, and why.
    await answer(page, 'pending_lawsuit', 'true');
    const [failed] = await cardQuestions(page);
    assert.equal(failed.verdict, 'ineligible');
    assert.ok(await page.locator(`${W} .pq-card li[data-criterion="no_lawsuit"]`).count(), 'the reason is shown');
    // And back to "not answered": needs information again, asking it.
    await answer(page, 'pending_lawsuit', '');
    const [open] = await cardQuestions(page);
    assert.deepEqual([open.verdict, open.questions], ['needs_info', ['pending_lawsuit']]);
    // The consent summary and prequal:apply carry the answers to the pack's questions.
    await page.locator(`${W} #pq-apply-0`).click();
    assert.match(await page.locator(`${W} .pq-answers`).textContent(), /社保缴纳人数12 人/);
    await page.locator(`${W} #pq-consent-box`).check();
    await page.locator(`${W} #pq-consent-submit`).click();
    const applied = (await events(page, 'prequal:apply')).at(-1);
    assert.deepEqual(applied.answers.facts, { rd_intensity: '3_to_6', social_insurance_staff: '12' });
    assert.deepEqual(applied.quote.open_questions, ['pending_lawsuit']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a firm given by the page answers the pack’s questions too', async () => {
    const { page } = await openPage(browser.context, `${server.base}bank-g.html`);
    await waitForWidget(page);
    await page.evaluate((firm) => {
      document.querySelector('prequal-widget').firm = firm;
    }, APPLICANT);
    await page.locator(`${W} .pq-card[data-verdict="eligible"]`).waitFor();
    assert.equal(await field(page, 'social_insurance_staff').inputValue(), '12');
    assert.equal(await field(page, 'pending_lawsuit').inputValue(), 'false');
    assert.equal(await field(page, 'rd_intensity').inputValue(), '3_to_6');
    assert.equal(await field(page, 'high_tech').inputValue(), 'false', 'answered no');
    assert.equal(await field(page, 'tech_sme').inputValue(), '', 'not answered');
    const report = nativeReport(APPLICANT, BANK_G);
    const shown = await page.locator(`${W} .pq-card [data-k]`).evaluateAll((els) =>
      Object.fromEntries(els.map((el) => [el.dataset.k, el.dataset.raw])),
    );
    assert.equal(shown.limit, report.quotes[0].limit.amount);
    assert.equal(shown.apr_net, report.quotes[0].apr_net);
    assert.equal(shown.first_payment, report.quotes[0].loan.first_payment);
    await page.close();
  });
});
