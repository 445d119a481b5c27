// ---------------------------------------------------------------------------------------
// prequal SDK: the advisor's TypeScript declarations (feature `advise` of prequal-wasm).
//
// Hand-written from crates/prequal/src/advise.rs. wasm-bindgen appends this file to the
// package's prequal.d.ts in a build with the `advise` feature (a `typescript_custom_section`
// under `#[cfg(feature = "advise")]` in src/lib.rs, like the functions it declares), which is
// on by default: pkg/ has it. The types it uses (Amount, DecimalString,
// Policy, Firm, ...) are types.d.ts's, in the same generated file.
// ---------------------------------------------------------------------------------------

// ----- advice --------------------------------------------------------------------------

/**
 * What `advise` minimises, named as on the command line (`prequal advise --objective`):
 * `"total-cost"` the total cost after subsidies (default), `"apr"` the net APR,
 * `"max-payment"` the largest scheduled payment. The snake_case names are accepted too.
 */
export type AdviceObjective = "total-cost" | "apr" | "max-payment" | "total_cost" | "max_payment";
/** What the firm wants advice on (camelCase, like `schedule`'s request). */
export interface AdviceRequest {
  /** The amount to borrow, yuan (above 0); default the firm's `requested_amount`. */
  amount?: Amount;
  /** The most the firm can pay in any one period (principal + interest), yuan (above 0). */
  maxPayment?: Amount;
  /** What to minimise; default `"total-cost"`. */
  objective?: AdviceObjective;
}
/** One way to borrow the amount: a product, a term and a method, with its quote's figures. */
export interface AdviceOption {
  product: string;
  term_months: number;
  method: RepaymentMethod;
  /** The whole amount asked for. */
  amount: DecimalString;
  /** Always `"eligible"` for an option. */
  verdict: Verdict;
  annual_rate: DecimalString;
  rate_after_subsidy: DecimalString;
  first_payment: DecimalString;
  /** The largest scheduled payment (principal + interest). */
  max_payment: DecimalString;
  total_interest: DecimalString;
  interest_subsidy: DecimalString;
  guarantee_fee: DecimalString;
  fee_subsidy: DecimalString;
  /** Interest + fees. */
  total_cost_gross: DecimalString;
  /** Interest + fees − subsidies. */
  total_cost_net: DecimalString;
  apr_gross: DecimalString;
  apr_net: DecimalString;
}
/** A product with no way to borrow the amount, and why (in both languages). */
export interface AdviceExcluded {
  product: string;
  name: I18n;
  reason: I18n;
}
/** The advice: the document `prequal advise --format json` prints. */
export interface Advice {
  /** The amount advised on, 2 places. */
  amount: DecimalString;
  /** What was minimised (snake_case, whichever spelling the request used). */
  objective: "total_cost" | "apr" | "max_payment";
  /** The payment cap, 2 places, if one was given. */
  max_payment: DecimalString | null;
  /** The best option; `null` when there is none. */
  best: AdviceOption | null;
  /** Every feasible option, best first. */
  options: AdviceOption[];
  /**
   * The options no other beats on both total cost and largest payment, by largest payment
   * ascending: what each step down in the largest payment costs in total.
   */
  frontier: AdviceOption[];
  /** Products with no feasible option, each with the reason. */
  excluded: AdviceExcluded[];
}

// ----- functions -----------------------------------------------------------------------

/**
 * The advisor: for the amount a firm needs (`request.amount`, else its `requested_amount`),
 * every product in force, every term (the multiples of 6 months in its range, and its
 * shortest and longest) and every repayment method it offers, keeping the candidates whose
 * quote is eligible for the whole amount and whose every payment is within
 * `request.maxPayment`; the best first by `request.objective`. Each option's figures are
 * those `evaluate()` gives the firm asking for that amount, term and method.
 * `JSON.stringify` of the result is the CLI's `prequal advise --format json` document.
 * @param policy a pack object, its JSON text, or `"default"` for the bundled pack.
 * @param firm a firm profile object or its JSON text.
 * @param request `{amount?, maxPayment?, objective?}` or its JSON text; default: the firm's
 *   `requested_amount`, no cap, the lowest total cost.
 * @param asOf `YYYY-MM-DD`; default the pack's `market.as_of` (never the clock).
 * @param lang language of a thrown error's message (default `"zh-CN"`).
 * @throws {PrequalError} a bad request with `input` `"request"` and the key's path
 *   (`$.maxPayment`); no amount at all: `missing_field` at `$.amount`.
 */
export function advise(
  policy: Policy | string,
  firm: Firm | string,
  request?: AdviceRequest | string | null,
  asOf?: DateString | null,
  lang?: Lang,
): Advice;
/** `PreparedPolicy.advise` (an interface merged into the class declared in types.d.ts). */
export interface PreparedPolicy {
  /**
   * `advise(policy, firm, request, asOf, lang)` with this pack: the same advice.
   * @throws {PrequalError}
   */
  advise(firm: Firm | string, request?: AdviceRequest | string | null, asOf?: DateString | null, lang?: Lang): Advice;
}
