#!/usr/bin/env node
// Benchmark the park staff page (www/screen.html) in headless Chromium: firms per second
// from choosing a generated tenant list to the download control, over several runs, against
// the bundled pack. A measurement, not a test: it prints a markdown table row per list size
// and never fails on a slow machine.
//
//   node scripts/bench-screen-page.mjs [ROWS...]     # default 100000
//
// Needs the screening module (bash scripts/build-wasm.sh --screen), Chromium and the
// seeded generator (cargo build --profile bench -p prequal-cli --example gen_tenants);
// scripts/bench-all.sh runs those first. The page's own figure (the worker's time from
// reading the pack to the last row) is reported beside the wall time the user waits.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, startServer, launch, openPage } from '../tests/browser/harness.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(100000);
const RUNS = Number(process.env.PREQUAL_BENCH_RUNS ?? 3);

const data = join(root, 'target', 'bench-data');
mkdirSync(data, { recursive: true });
const gen = join(root, 'target', 'release', 'examples', 'gen_tenants');
if (!existsSync(gen)) {
  execFileSync('cargo', ['build', '--quiet', '--profile', 'bench', '-p', 'prequal-cli', '--example', 'gen_tenants'], { cwd: root, stdio: 'inherit' });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer();
const browser = await launch();
const results = [];
try {
  console.log('| firms | runs | wall time median (s) | firms/s (wall, median) | firms/s (worker, median; min–max) |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const rows of sizes) {
    const input = join(data, `tenants-${rows}.csv`);
    if (!existsSync(input)) writeFileSync(input, execFileSync(gen, [String(rows)], { maxBuffer: 1 << 30 }));
    const walls = [];
    const rates = [];
    for (let run = 0; run < RUNS; run++) {
      const { page } = await openPage(browser.context, `${server.base}screen.html?lang=en`);
      const started = Date.now();
      await page.setInputFiles('#pq-screen-file', input);
      await page.locator('#pq-screen-download').waitFor({ state: 'visible', timeout: 600000 });
      walls.push((Date.now() - started) / 1000);
      rates.push(Number(await page.locator('#pq-screen-progress').getAttribute('data-rate')));
      await page.close();
    }
    const wall = median(walls);
    const row = { rows, runs: RUNS, wall_s: wall, wall_rate: Math.round(rows / wall), worker_rate: median(rates), min: Math.min(...rates), max: Math.max(...rates) };
    results.push(row);
    console.log(`| ${rows} | ${RUNS} | ${wall.toFixed(2)} | ${row.wall_rate} | ${row.worker_rate} (${row.min}–${row.max}) |`);
  }
} finally {
  await browser.close();
  server.stop();
}
const out = join(root, 'target', 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'screen-page.json'), JSON.stringify(results, null, 2) + '\n');
