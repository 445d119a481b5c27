// json-rules-engine side of the comparison: the engine with the rules of
// ../rules/park-credit-loan.jre.json and the facts they use that the firm does not state
// directly. A bank writing these rules for json-rules-engine would write the same fact
// functions: the engine has no arithmetic or dates of its own.
//
//   years            years in operation: stated, or whole months from founding to as_of / 12
//   size_class       SME size class, from the size table in ../rules/generate.mjs
//   estimated_limit  the limit: bases × uplift, within the cap, less existing credit loans,
//                    down to whole 10,000 yuan
// and one operator, isAbsent (the fact is missing), for the checks that apply only when
// the firm states the fact (term, repayment method, requested amount).
import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { SIZE_TABLE } from '../rules/generate.mjs';

const rulesPath = new URL('../rules/park-credit-loan.jre.json', import.meta.url);

/** Whole calendar months from `from` to `to` (YYYY-MM-DD), as prequal counts them. */
export function wholeMonths(from, to) {
  if (to <= from) return 0;
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const months = (ty - fy) * 12 + tm - fm;
  return td < fd ? months - 1 : months;
}

const SIZE_ROWS = new Map(SIZE_TABLE.flatMap((row) => row.industries.map((i) => [i, row])));

/** The size class of 工信部联企业〔2011〕300号: `unknown` when a figure the row uses is missing. */
export function sizeClass(industry, figures) {
  const row = SIZE_ROWS.get(industry);
  if (!row) return 'unknown';
  const needed = [row.ceiling, row.medium, row.small].flatMap(Object.keys);
  if (needed.some((f) => figures[f] === undefined || figures[f] === null)) return 'unknown';
  const reaches = (floors) => Object.entries(floors).every(([f, at]) => figures[f] >= at);
  if (reaches(row.ceiling)) return 'large';
  if (reaches(row.medium)) return 'medium';
  if (reaches(row.small)) return 'small';
  return 'micro';
}

/** The estimated limit of park-credit-loan (integer yuan arithmetic where it matters). */
export function estimatedLimit(f) {
  const q = f.qualifications ?? {};
  const bases = [];
  if (f.revenue != null) bases.push((f.revenue * 3) / 10);
  if (f.annual_tax_paid != null) bases.push(f.annual_tax_paid * 10);
  if (bases.length === 0 || f.existing_credit_loans == null) return undefined;
  const base = Math.max(...bases);
  const factor = q.specialized_national === true ? 2 : q.high_tech === true ? 1.5 : 1;
  const cap = q.specialized_national === true ? 10_000_000
    : (q.high_tech === true || q.specialized_provincial === true) ? 5_000_000
      : q.tech_sme === true ? 3_000_000 : 2_000_000;
  const gross = Math.min(base * factor, cap);
  return Math.floor(Math.max(gross - f.existing_credit_loans, 0) / 10000) * 10000;
}

/** An engine holding the rules, ready for `engine.run(firmFacts)`. */
export function createEngine() {
  const { rules } = JSON.parse(readFileSync(rulesPath, 'utf8'));
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('isAbsent', (value, expected) => (value === undefined || value === null) === expected);
  const facts = async (almanac, names) => {
    const values = await Promise.all(names.map((n) => almanac.factValue(n)));
    return Object.fromEntries(names.map((n, i) => [n, values[i]]));
  };
  engine.addFact('years', async (params, almanac) => {
    const f = await facts(almanac, ['years_in_operation', 'founded', 'as_of']);
    if (f.years_in_operation != null) return f.years_in_operation;
    if (f.founded == null) return undefined;
    return wholeMonths(f.founded, f.as_of) / 12;
  });
  engine.addFact('size_class', async (params, almanac) => {
    const f = await facts(almanac, ['industry', 'employees', 'revenue', 'total_assets']);
    return sizeClass(f.industry, f);
  });
  engine.addFact('estimated_limit', async (params, almanac) => {
    const f = await facts(almanac, ['revenue', 'annual_tax_paid', 'existing_credit_loans', 'qualifications']);
    return estimatedLimit(f);
  });
  for (const rule of rules) engine.addRule(rule);
  return engine;
}

/** Whether the firm (facts plus `as_of`) is eligible: the rule's event fired. */
export async function jreEligible(engine, facts) {
  const { events } = await engine.run(facts);
  return events.length > 0;
}
