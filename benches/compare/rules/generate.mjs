#!/usr/bin/env node
// Writes the eligibility rules of the bundled pack's Park e-loan (park-credit-loan, Bank A)
// in the two formats a bank would otherwise use, from the one description below:
//
//   park-credit-loan.jdm.json  GoRules ZEN: a JDM decision graph (expression node for the
//                              derived facts, a first-hit decision table for the SME size
//                              class, a first-hit decision table of the criteria)
//   park-credit-loan.jre.json  json-rules-engine: one rule whose conditions are the
//                              criteria; the derived facts (years, size class, estimated
//                              limit) are fact functions in ../node/jre-facts.mjs
//
//   node benches/compare/rules/generate.mjs     # rewrites both files
//
// The thresholds are copied from crates/prequal/src/default_pack.json (product
// park-credit-loan) and crates/prequal/src/size.rs (工信部联企业〔2011〕300号). Every
// required criterion of the product is here, and the checks prequal adds to every product:
// partner park, term, repayment method, requested amount and estimated limit. A missing
// fact fails its criterion (prequal says "needs information"; the comparison counts that
// as not eligible). The benchmarks check, before timing, that all engines agree on 1,000
// firms.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const WAN = 10000;

/** The SME size table: per industry group, the ceiling (all reached: large) and the floors. */
export const SIZE_TABLE = [
  { industries: ['agriculture'], ceiling: { revenue: 20000 * WAN }, medium: { revenue: 500 * WAN }, small: { revenue: 50 * WAN } },
  { industries: ['industry'], ceiling: { employees: 1000, revenue: 40000 * WAN }, medium: { employees: 300, revenue: 2000 * WAN }, small: { employees: 20, revenue: 300 * WAN } },
  { industries: ['construction'], ceiling: { revenue: 80000 * WAN, total_assets: 80000 * WAN }, medium: { revenue: 6000 * WAN, total_assets: 5000 * WAN }, small: { revenue: 300 * WAN, total_assets: 300 * WAN } },
  { industries: ['wholesale'], ceiling: { employees: 200, revenue: 40000 * WAN }, medium: { employees: 20, revenue: 5000 * WAN }, small: { employees: 5, revenue: 1000 * WAN } },
  { industries: ['retail'], ceiling: { employees: 300, revenue: 20000 * WAN }, medium: { employees: 50, revenue: 500 * WAN }, small: { employees: 10, revenue: 100 * WAN } },
  { industries: ['transport'], ceiling: { employees: 1000, revenue: 30000 * WAN }, medium: { employees: 300, revenue: 3000 * WAN }, small: { employees: 20, revenue: 200 * WAN } },
  { industries: ['warehousing'], ceiling: { employees: 200, revenue: 30000 * WAN }, medium: { employees: 100, revenue: 1000 * WAN }, small: { employees: 20, revenue: 100 * WAN } },
  { industries: ['postal'], ceiling: { employees: 1000, revenue: 30000 * WAN }, medium: { employees: 300, revenue: 2000 * WAN }, small: { employees: 20, revenue: 100 * WAN } },
  { industries: ['accommodation', 'catering'], ceiling: { employees: 300, revenue: 10000 * WAN }, medium: { employees: 100, revenue: 2000 * WAN }, small: { employees: 10, revenue: 100 * WAN } },
  { industries: ['information_transmission'], ceiling: { employees: 2000, revenue: 100000 * WAN }, medium: { employees: 100, revenue: 1000 * WAN }, small: { employees: 10, revenue: 100 * WAN } },
  { industries: ['software_it'], ceiling: { employees: 300, revenue: 10000 * WAN }, medium: { employees: 100, revenue: 1000 * WAN }, small: { employees: 10, revenue: 50 * WAN } },
  { industries: ['real_estate_development'], ceiling: { revenue: 200000 * WAN, total_assets: 10000 * WAN }, medium: { revenue: 1000 * WAN, total_assets: 5000 * WAN }, small: { revenue: 100 * WAN, total_assets: 2000 * WAN } },
  { industries: ['property_management'], ceiling: { employees: 1000, revenue: 5000 * WAN }, medium: { employees: 300, revenue: 1000 * WAN }, small: { employees: 100, revenue: 500 * WAN } },
  { industries: ['leasing_business_services'], ceiling: { employees: 300, total_assets: 120000 * WAN }, medium: { employees: 100, total_assets: 8000 * WAN }, small: { employees: 10, total_assets: 100 * WAN } },
  { industries: ['other'], ceiling: { employees: 300 }, medium: { employees: 100 }, small: { employees: 10 } },
];

/** Bank A's partner parks in the pack (all three list bank-a). */
const PARTNER_PARKS = ['xinghe-world', 'longgang-tech-park', 'pingshan-innovation-park'];
const METHODS = ['equal_installment', 'interest_only', 'equal_principal'];
const AMOUNT_MIN = 100000;

/**
 * The criteria, each as a ZEN unary test that FAILS the firm (first hit wins) and as a
 * json-rules-engine condition that PASSES it. `optional`: checked only when the firm gives
 * the fact (prequal's built-in loan checks).
 */
const CRITERIA = [
  { id: 'years', field: 'years', zen: '$ == null or $ < 1', jre: { fact: 'years', operator: 'greaterThanInclusive', value: 1 } },
  { id: 'tax_grade', field: 'tax_grade', zen: '$ == null or not($ in ["A", "B", "M"])', jre: { fact: 'tax_grade', operator: 'in', value: ['A', 'B', 'M'] } },
  { id: 'overdue_now', field: 'overdue_current', zen: '$ == null or $ > 0', jre: { fact: 'overdue_current', operator: 'lessThanInclusive', value: 0 } },
  { id: 'overdue_12m', field: 'overdue_12m', zen: '$ == null or $ > 0', jre: { fact: 'overdue_12m', operator: 'lessThanInclusive', value: 0 } },
  { id: 'overdue_24m', field: 'overdue_24m', zen: '$ == null or $ > 2', jre: { fact: 'overdue_24m', operator: 'lessThanInclusive', value: 2 } },
  { id: 'inquiries', field: 'inquiries_6m', zen: '$ == null or $ > 15', jre: { fact: 'inquiries_6m', operator: 'lessThanInclusive', value: 15 } },
  { id: 'rep_age_min', field: 'legal_rep_age', zen: '$ == null or $ < 18', jre: { fact: 'legal_rep_age', operator: 'greaterThanInclusive', value: 18 } },
  { id: 'rep_age_max', field: 'legal_rep_age', zen: '$ == null or $ > 65', jre: { fact: 'legal_rep_age', operator: 'lessThanInclusive', value: 65 } },
  { id: 'debt_ratio', field: 'debt_ratio', zen: '$ == null or $ > 0.7', jre: { fact: 'debt_ratio', operator: 'lessThanInclusive', value: 0.7 } },
  { id: 'sme', field: 'size_class', zen: 'not($ in ["micro", "small", "medium"])', jre: { fact: 'size_class', operator: 'in', value: ['micro', 'small', 'medium'] } },
  { id: 'partner_park', field: 'park', zen: `$ == null or not($ in ${JSON.stringify(PARTNER_PARKS).replaceAll(',', ', ')})`, jre: { fact: 'park', operator: 'in', value: PARTNER_PARKS } },
  { id: 'term_min', field: 'term_months', optional: true, zen: '$ != null and $ < 6', jre: { fact: 'term_months', operator: 'greaterThanInclusive', value: 6 } },
  { id: 'term_max', field: 'term_months', optional: true, zen: '$ != null and $ > 36', jre: { fact: 'term_months', operator: 'lessThanInclusive', value: 36 } },
  { id: 'repayment_method', field: 'repayment_method', optional: true, zen: `$ != null and not($ in ${JSON.stringify(METHODS).replaceAll(',', ', ')})`, jre: { fact: 'repayment_method', operator: 'in', value: METHODS } },
  { id: 'loan_amount_min', field: 'requested_amount', optional: true, zen: `$ != null and $ < ${AMOUNT_MIN}`, jre: { fact: 'requested_amount', operator: 'greaterThanInclusive', value: AMOUNT_MIN } },
  { id: 'estimated_limit', field: 'estimated_limit', zen: `$ == null or $ < ${AMOUNT_MIN}`, jre: { fact: 'estimated_limit', operator: 'greaterThanInclusive', value: AMOUNT_MIN } },
];

/** Derived facts, as ZEN expressions (evaluated in order; `$.key` is an earlier result). */
const DERIVED = [
  // Whole months from founding to the evaluation date, in years (prequal: years_in_operation_on).
  ['years', 'years_in_operation != null ? years_in_operation : (founded != null ? d(as_of).diff(d(founded), "month") / 12 : null)'],
  // Limit bases: 30% of revenue, 10 times the tax paid; the larger of those known.
  ['limit_base', '(revenue != null and annual_tax_paid != null) ? max([revenue * 0.3, annual_tax_paid * 10]) : (revenue != null ? revenue * 0.3 : (annual_tax_paid != null ? annual_tax_paid * 10 : null))'],
  // Uplifts: 1.5 for high-tech, 2 for a national little giant; the largest applies.
  ['limit_factor', 'qualifications.specialized_national == true ? 2 : (qualifications.high_tech == true ? 1.5 : 1)'],
  // Caps: the qualification ladder 2M → 3M → 5M → 10M (never above amount_max, 10M).
  ['limit_cap', 'qualifications.specialized_national == true ? 10000000 : ((qualifications.high_tech == true or qualifications.specialized_provincial == true) ? 5000000 : (qualifications.tech_sme == true ? 3000000 : 2000000))'],
  // Less existing credit loans, down to whole 万元 (10,000 yuan).
  ['estimated_limit', '($.limit_base == null or existing_credit_loans == null) ? null : floor(max([min([$.limit_base * $.limit_factor, $.limit_cap]) - existing_credit_loans, 0]) / 10000) * 10000'],
];

function zenGraph() {
  const sizeInputs = ['industry', 'employees', 'revenue', 'total_assets'].map((f) => ({ id: `in_${f}`, name: f, field: f }));
  const sizeRules = [];
  let n = 0;
  for (const row of SIZE_TABLE) {
    const industry = row.industries.map((i) => `"${i}"`).join(', ');
    const needed = [...new Set([row.ceiling, row.medium, row.small].flatMap(Object.keys))];
    for (const figure of needed) {
      sizeRules.push({ _id: `s${n++}`, in_industry: industry, [`in_${figure}`]: '$ == null', out_size: '"unknown"' });
    }
    for (const [size, floors] of [['large', row.ceiling], ['medium', row.medium], ['small', row.small]]) {
      const rule = { _id: `s${n++}`, in_industry: industry, out_size: `"${size}"` };
      for (const [figure, at] of Object.entries(floors)) rule[`in_${figure}`] = `>= ${at}`;
      sizeRules.push(rule);
    }
    sizeRules.push({ _id: `s${n++}`, in_industry: industry, out_size: '"micro"' });
  }
  const fields = [...new Set(CRITERIA.map((c) => c.field))];
  const inputs = fields.map((f) => ({ id: `in_${f}`, name: f, field: f }));
  const rules = CRITERIA.map((c, i) => ({ _id: `c${i}`, _description: c.id, [`in_${c.field}`]: c.zen, out_eligible: 'false', out_reason: `"${c.id}"` }));
  rules.push({ _id: 'c_all', _description: 'every criterion met', out_eligible: 'true', out_reason: 'null' });
  return {
    nodes: [
      { id: 'input', name: 'firm', type: 'inputNode', position: { x: 0, y: 0 }, content: {} },
      {
        id: 'derived', name: 'derived facts', type: 'expressionNode', position: { x: 250, y: 0 },
        content: { expressions: DERIVED.map(([key, value], i) => ({ id: `e${i}`, key, value })), passThrough: true },
      },
      {
        id: 'size', name: 'SME size class', type: 'decisionTableNode', position: { x: 500, y: 0 },
        content: {
          hitPolicy: 'first', passThrough: true, inputs: sizeInputs,
          outputs: [{ id: 'out_size', name: 'size class', field: 'size_class' }], rules: sizeRules,
        },
      },
      {
        id: 'criteria', name: 'park-credit-loan criteria', type: 'decisionTableNode', position: { x: 750, y: 0 },
        content: {
          hitPolicy: 'first', passThrough: false, inputs,
          outputs: [{ id: 'out_eligible', name: 'eligible', field: 'eligible' }, { id: 'out_reason', name: 'reason', field: 'reason' }],
          rules,
        },
      },
      { id: 'output', name: 'verdict', type: 'outputNode', position: { x: 1000, y: 0 }, content: {} },
    ],
    edges: [
      { id: 'e1', sourceId: 'input', targetId: 'derived', type: 'edge' },
      { id: 'e2', sourceId: 'derived', targetId: 'size', type: 'edge' },
      { id: 'e3', sourceId: 'size', targetId: 'criteria', type: 'edge' },
      { id: 'e4', sourceId: 'criteria', targetId: 'output', type: 'edge' },
    ],
  };
}

function jreRules() {
  const condition = (c) => c.optional
    ? { any: [{ fact: c.jre.fact, operator: 'isAbsent', value: true }, c.jre] }
    : c.jre;
  return {
    product: 'park-credit-loan',
    note: 'Generated by generate.mjs. Derived facts years, size_class and estimated_limit are fact functions (../node/jre-facts.mjs); isAbsent is a custom operator (undefined or null).',
    rules: [{
      name: 'park-credit-loan eligible',
      conditions: { all: CRITERIA.map(condition) },
      event: { type: 'eligible', params: { product: 'park-credit-loan' } },
    }],
  };
}

const write = (name, value) => writeFileSync(here + name, JSON.stringify(value, null, 2) + '\n');
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  write('park-credit-loan.jdm.json', zenGraph());
  write('park-credit-loan.jre.json', jreRules());
  console.log('wrote park-credit-loan.jdm.json and park-credit-loan.jre.json');
}
