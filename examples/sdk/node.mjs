#!/usr/bin/env node
// The prequal SDK in Node 20: evaluate firm profiles against a pack, print the best quote.
//
//   scripts/build-wasm.sh
//   node examples/sdk/node.mjs [FIRM.json ...] [--pack PACK.json] [--as-of YYYY-MM-DD] [--lang en|zh-CN]
//
// Defaults: the example firms, the bundled pack, the pack's own date. The `--target web`
// build works in Node through initSync with the .wasm bytes (fetch cannot read file: URLs).
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { initSync, evaluate, validatePolicy, schedule, version } from "../../pkg/prequal.js";

initSync({ module: readFileSync(new URL("../../pkg/prequal_bg.wasm", import.meta.url)) });

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const packPath = option("--pack");
const asOf = option("--as-of") ?? null;
const lang = option("--lang") ?? "en";
const firmsDir = fileURLToPath(new URL("../firms/", import.meta.url));
const firmPaths = args.length > 0 ? args : readdirSync(firmsDir).filter((f) => f.endsWith(".json")).sort().map((f) => firmsDir + f);

// A pack is JSON text or an object; "default" is the bundled one. Check it first.
const pack = packPath ? readFileSync(packPath, "utf8") : "default";
if (packPath) {
  const check = validatePolicy(pack, lang);
  if (!check.valid) {
    for (const p of check.problems) console.error(`${packPath}: ${p.message} [${p.code}]`);
    process.exit(2);
  }
}

console.log(`prequal ${version()}`);
let failed = false;
for (const path of firmPaths) {
  try {
    const report = evaluate(pack, readFileSync(path, "utf8"), asOf, lang);
    const best = report.quotes[0];
    console.log(`\n${path}: ${report.firm.industry_name.en}, ${report.firm.size_class}, as of ${report.as_of}`);
    for (const q of report.quotes) {
      const loan = q.loan ? `${q.loan.amount} yuan, ${q.loan.term_months} months, rate ${q.loan.annual_rate} → ${q.loan.rate_after_subsidy}, APR ${q.apr_net}` : "no loan priced";
      console.log(`  #${q.rank} ${q.name.en} (${q.bank_name.en}): ${q.verdict}; ${loan}`);
    }
    if (best?.loan) {
      // Money is decimal strings: exact, and ready to show or to hand to a decimal library.
      const first = best.loan.schedule.rows[0];
      console.log(`  first payment of the best: ${first.payment} (principal ${first.principal} + interest ${first.interest})`);
    }
  } catch (e) {
    // Errors carry a stable code, the argument and the JSON path of what is wrong.
    console.error(`${path}: ${e.message} [${e.code} in ${e.input} at ${e.path}]`);
    failed = true;
  }
}

// The tools work on their own too.
const s = schedule({ principal: "1000000", annualRate: "0.035", months: 12, method: "equal_principal" });
console.log(`\n1,000,000 yuan at 3.5% over 12 months (equal principal): total interest ${s.total_interest}`);
process.exit(failed ? 1 : 0);
