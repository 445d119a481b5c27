// A typed caller of the SDK: tsc checks it against pkg/prequal.d.ts (scripts/test-wasm.sh).
// It is an example too: how a bank's or park's TypeScript page might use the engine.
import init, {
  classify,
  defaultPolicy,
  evaluate,
  schedule,
  validatePolicy,
  version,
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
