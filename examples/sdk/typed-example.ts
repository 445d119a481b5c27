// A typed caller of the SDK: tsc checks it against pkg/prequal.d.ts (scripts/test-wasm.sh).
// It is an example too: how a bank's or park's TypeScript page might use the engine.
// The advisor (advise()) is not in the shipped SDK yet: see typed-advise.ts.
import init, {
  classify,
  defaultPolicy,
  evaluate,
  preparePolicy,
  schedule,
  validatePolicy,
  version,
  type Condition,
  type CriterionResult,
  type FactDecl,
  type Firm,
  type Policy,
  type PrequalError,
  type Quote,
  type Report,
} from "../../pkg/prequal.js";

export async function quoteFor(firm: Firm, pack: Policy | string = "default"): Promise<Quote | undefined> {
  await init(); // in a browser: fetches prequal_bg.wasm next to prequal.js
  const report: Report = evaluate(pack, firm, null, "en");
  return report.quotes.find((q) => q.verdict === "eligible");
}

export function describe(quote: Quote): string {
  const loan = quote.loan;
  if (!loan) return `${quote.name.en}: no loan could be priced`;
  // Money and rates are decimal strings: show them, or hand them to a decimal library.
  return `${quote.name.en}: ${loan.amount} yuan at ${loan.annual_rate} (after subsidy ${loan.rate_after_subsidy}), APR ${quote.apr_net}`;
}

export function errorText(e: unknown): string {
  const error = e as PrequalError;
  return error.code === "negative_amount" ? `check ${error.path}` : error.message;
}

export function tools(): string[] {
  const firm: Firm = { industry: "software_it", employees: 40, revenue: "12000000", qualifications: { high_tech: true } };
  const size = classify({ industry: firm.industry, employees: firm.employees, revenue: firm.revenue }).size;
  const rows = schedule({ principal: "1000000", annualRate: 0.035, months: 36, method: "equal_installment" }).rows;
  const check = validatePolicy(defaultPolicy(), "zh-CN");
  const problems = check.problems.map((p) => `${p.code} ${p.path}: ${p.message}`);
  return [version(), size, rows[0]?.payment ?? "", String(check.valid), ...problems];
}

// A bank's own pack: facts it asks about beyond the built-in fields (declared in `facts`,
// answered under the firm's `facts`), and an any_of entry rule.
const insuredStaff: FactDecl = {
  id: "social_insurance_staff",
  kind: "number",
  label: { "zh-CN": "社保缴纳人数", en: "staff with social insurance" },
  unit: { "zh-CN": "人", en: "people" },
  min: 0,
  whole: true,
};
const rdBands: FactDecl = {
  id: "rd_intensity",
  kind: "choice",
  label: { "zh-CN": "研发投入占营业收入比例", en: "R&D spending as a share of revenue" },
  choices: [
    { id: "below_3", label: { "zh-CN": "低于3%", en: "below 3%" } },
    { id: "above_3", label: { "zh-CN": "3%以上", en: "3% or more" } },
  ],
};
const techOrMature: Condition = {
  any_of: [
    { field: "high_tech", op: "eq", value: true },
    { all_of: [{ field: "years_in_operation", op: "gte", value: 5 }, { field: "rd_intensity", op: "eq", value: "above_3" }] },
  ],
};

export const bankPack: Policy = {
  id: "bank-x-tech",
  version: "1",
  name: { "zh-CN": "X银行科创贷", en: "Bank X tech loan" },
  notice: { "zh-CN": "仅为预估。", en: "An estimate only." },
  market: { lpr_1y: "0.03", lpr_5y: "0.035", as_of: "2026-02-20" },
  banks: [{ id: "bank-x", name: { "zh-CN": "X银行", en: "Bank X" } }],
  facts: [insuredStaff, rdBands, { id: "pending_lawsuit", kind: "yes_no", label: { "zh-CN": "存在未结诉讼", en: "a pending lawsuit" } }],
  products: [
    {
      id: "tech-loan",
      bank: "bank-x",
      name: { "zh-CN": "科创贷", en: "Tech loan" },
      amount_min: "100000",
      amount_max: { value: "2000000", source: "[E] product ceiling" },
      term_min_months: 6,
      term_max_months: 24,
      repayment_methods: ["equal_installment"],
      criteria: [
        { id: "tech_or_mature", ...techOrMature, label: { "zh-CN": "高新技术企业，或经营满5年且研发投入3%以上", en: "high-tech, or 5 years with R&D of 3% or more" } },
        { id: "insured_staff", field: "social_insurance_staff", op: "gte", value: 3 },
        { id: "no_lawsuit", field: "pending_lawsuit", op: "eq", value: false, required: false },
      ],
      limit: {
        bases: [{ field: "annual_tax_paid", multiple: 10 }],
        caps: [{ amount: "1000000" }, { when: [{ any_of: [{ field: "high_tech", op: "eq", value: true }, { field: "tech_sme", op: "eq", value: true }] }], amount: "2000000" }],
      },
      pricing: { base: "lpr_1y", tiers: [{ when: [{ field: "rd_intensity", op: "eq", value: "above_3" }], spread: "0.008" }, { spread: "0.012" }] },
    },
  ],
};

/** What a form asks beyond the built-in fields, from the pack's declarations. */
export function questions(pack: Policy): string[] {
  return (pack.facts ?? []).map((fact) => {
    switch (fact.kind) {
      case "number":
        return `${fact.label.en} (${fact.unit?.en ?? "number"}${fact.whole ? ", whole" : ""})`;
      case "yes_no":
        return `${fact.label.en}? yes / no`;
      case "choice":
        return `${fact.label.en}: ${(fact.choices ?? []).map((c) => c.label.en).join(" / ")}`;
    }
  });
}

/** Each criterion with its outcome; a group's members indented under it. */
export function reasons(criteria: CriterionResult[], depth = 0): string[] {
  return criteria.flatMap((c) => [
    `${"  ".repeat(depth)}${c.status} ${c.id} (${c.group ?? c.field}): ${c.message.en}`,
    ...reasons(c.branches ?? [], depth + 1),
  ]);
}

export function bankQuote(): string[] {
  const firm: Firm = {
    industry: "software_it",
    founded: "2019-06-01",
    annual_tax_paid: "150000",
    qualifications: { high_tech: false },
    facts: { social_insurance_staff: 12, pending_lawsuit: false, rd_intensity: "above_3", export_licence: true },
  };
  const report: Report = evaluate(bankPack, firm, null, "en");
  const warnings = (report.warnings ?? []).map((w) => `${w.code} ${w.path}: ${w.message.en}`);
  const prepared = preparePolicy(bankPack, "en");
  const verdict = prepared.eligibility("tech-loan", firm) ?? "not offered";
  prepared.free();
  const industry = report.firm.industry ?? "unknown industry";
  return [...questions(bankPack), industry, verdict, ...warnings, ...report.quotes.flatMap((q) => reasons(q.criteria))];
}
