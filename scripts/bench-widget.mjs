#!/usr/bin/env node
// How fast <prequal-widget> shows its first result, in headless Chromium (Debian's, through
// playwright-core), on the demo pages served on 127.0.0.1 by scripts/serve.mjs.
//
//   node scripts/bench-widget.mjs [--runs 20]     # after scripts/build-widget.sh
//
// Measures, per page (park: the bundled pack; bank: a pack fetched by URL):
//   first result   navigation start → the first prequal:result event (the results are in
//                  the DOM when it fires), in a fresh browser profile (cold) and on reloads
//                  in the same profile (warm);
//   first frame    the same, to the next animation frame after it (painted);
//   update         one answer changed → its prequal:result (evaluation + re-render), with a
//                  complete firm given first (the form starts empty, and an empty form prices
//                  no loan: that would time less work than a visitor's answers cause);
//   and where the first result's time goes: when the loader module starts executing and when
//   the engine (WASM compiled and instantiated, stylesheet fetched) is ready.
// Prints a table and writes test-artifacts/bench-widget.json. Goal: first result < 100 ms.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, launch, startServer } from '../tests/browser/harness.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 20);
const coldRuns = arg('--cold', 5);

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, min: sorted[0], median: at(0.5), p90: at(0.9), max: sorted.at(-1) };
};

// Installed before any page script: the time of the first prequal:result and of the frame after.
const probe = () => {
  window.__bench = {};
  document.addEventListener('prequal:result', () => {
    if (window.__bench.result !== undefined) return;
    window.__bench.result = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__bench.frame = performance.now())));
  });
};

async function firstResult(context, url) {
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.frame !== undefined, null, { timeout: 15000 });
  const times = await page.evaluate(() => {
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
    return { ...window.__bench, loader: marks['prequal:loader'], engine: marks['prequal:engine'] };
  });
  await page.close();
  return times;
}

// A firm that answers every question of the demo packs (the park is set per page).
const FULL_FIRM = {
  industry: 'software_it', employees: 48, revenue: 18000000, total_assets: 9000000, years_in_operation: 7.5,
  years_in_park: 3, tax_grade: 'A', annual_tax_paid: 520000, overdue_current: 0, overdue_12m: 0, overdue_24m: 0,
  inquiries_6m: 3, legal_rep_age: 41, debt_ratio: 0.42, existing_credit_loans: 500000,
  qualifications: { specialized_national: false, specialized_provincial: false, high_tech: true, tech_sme: true, first_loan: false },
  requested_amount: 3000000, term_months: 36, repayment_method: 'equal_installment',
};

async function updates(context, url, count, park) {
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.frame !== undefined);
  await page.evaluate((firm) => {
    document.querySelector('prequal-widget').firm = firm;
  }, { ...FULL_FIRM, park });
  const times = await page.evaluate((n) => {
    const root = document.querySelector('prequal-widget').shadowRoot;
    const input = root.querySelector('#pq-f-employees');
    const out = [];
    for (let i = 0; i < n; i++) {
      let done;
      const listener = () => (done = performance.now());
      document.addEventListener('prequal:result', listener, { once: true });
      const start = performance.now();
      input.value = String(21 + (i % 2));
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      out.push(done - start);
    }
    return out;
  }, count);
  await page.close();
  return times;
}

const server = await startServer();
const report = { runs, coldRuns, chromium: null, pages: {} };
try {
  for (const [name, path, park] of [
    ['park (bundled pack)', 'park.html', 'xinghe-world'],
    ['bank (pack by URL)', 'bank.html', 'longhua-digital-park'],
  ]) {
    const url = server.base + path;
    const cold = [];
    for (let i = 0; i < coldRuns; i++) {
      const browser = await launch();
      report.chromium ??= browser.context.browser()?.version() ?? null;
      cold.push(await firstResult(browser.context, url));
      await browser.close();
    }
    const browser = await launch();
    await firstResult(browser.context, url); // fills the HTTP and code caches
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await firstResult(browser.context, url));
    const update = await updates(browser.context, url, Math.max(runs, 50), park);
    await browser.close();
    report.pages[name] = {
      url: path,
      cold_first_result_ms: stats(cold.map((t) => t.result)),
      warm_first_result_ms: stats(warm.map((t) => t.result)),
      warm_first_frame_ms: stats(warm.map((t) => t.frame)),
      warm_loader_start_ms: stats(warm.map((t) => t.loader)),
      warm_engine_ready_ms: stats(warm.map((t) => t.engine)),
      update_ms: stats(update),
    };
  }
} finally {
  server.stop();
}

const ms = (v) => `${v.toFixed(1)} ms`;
console.log(`<prequal-widget> in headless Chromium ${report.chromium ?? ''} (${runs} warm runs, ${coldRuns} cold)`);
console.log(`${'page'.padEnd(22)} ${'measure'.padEnd(26)} ${'median'.padStart(10)} ${'p90'.padStart(10)} ${'min'.padStart(10)}`);
for (const [name, page] of Object.entries(report.pages)) {
  for (const [label, key] of [
    ['first result, cold', 'cold_first_result_ms'],
    ['first result, warm', 'warm_first_result_ms'],
    ['first frame, warm', 'warm_first_frame_ms'],
    ['  loader starts, warm', 'warm_loader_start_ms'],
    ['  engine ready, warm', 'warm_engine_ready_ms'],
    ['update (one answer)', 'update_ms'],
  ]) {
    const s = page[key];
    console.log(`${name.padEnd(22)} ${label.padEnd(26)} ${ms(s.median).padStart(10)} ${ms(s.p90).padStart(10)} ${ms(s.min).padStart(10)}`);
  }
}
const out = join(artifacts, 'bench-widget.json');
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
console.log(`written: ${out}`);
