// A typed caller of the advisor, `advise()` and `PreparedPolicy.advise()`.
//
// tests/wasm/types.test.mjs type-checks this file with `prequal` mapped to the SDK (pkg/).
import { advise, preparePolicy, type Advice, type AdviceObjective, type AdviceOption, type AdviceRequest, type Firm } from "prequal";
import { bankPack, errorText } from "./typed-example.js";

// The advisor: the cheapest way to borrow an amount, and what a lower monthly payment costs.
export function option(o: AdviceOption): string {
  return `${o.product}, ${o.term_months} months, ${o.method}: largest payment ${o.max_payment}, total cost ${o.total_cost_net} (APR ${o.apr_net})`;
}

export function advice(firm: Firm, monthlyBudget?: string, objective: AdviceObjective = "total-cost"): string[] {
  const request: AdviceRequest = { amount: firm.requested_amount ?? "1000000", objective };
  if (monthlyBudget !== undefined) request.maxPayment = monthlyBudget;
  let result: Advice;
  try {
    result = advise("default", firm, request, null, "en");
  } catch (e) {
    // e.g. input "request", path "$.maxPayment": a budget of 0 or less.
    return [errorText(e)];
  }
  const lines = [result.best ? `best: ${option(result.best)}` : `nothing fits ${result.max_payment ?? "the amount"}`];
  // Each step down the frontier pays less per period and more in total.
  lines.push(...result.frontier.map((o) => `  ${option(o)}`));
  lines.push(...result.excluded.map((x) => `${x.name.en}: ${x.reason.en}`));
  // Many firms against one pack: prepare it once.
  const prepared = preparePolicy(bankPack, "en");
  const bank = prepared.advise(firm, { amount: "500000", objective: "max-payment" });
  prepared.free();
  lines.push(`bank: ${bank.best ? option(bank.best) : "no option"}`);
  return lines;
}
