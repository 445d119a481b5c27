// ---------------------------------------------------------------------------------------
// prequal SDK: TypeScript declarations for every input and output.
//
// Hand-written from the Rust types of crates/prequal (report.rs, policy.rs, firm.rs,
// facts.rs, schedule.rs, size.rs, cost.rs, apr.rs, condition.rs, error.rs); wasm-bindgen copies this
// file into pkg/prequal.d.ts (a `typescript_custom_section` in src/lib.rs). tests/wasm checks it
// against real outputs with tsc.
//
// Only what every build has is declared here. A feature's functions are declared next to
// them, under the same `cfg`, so the shipped pkg/prequal.d.ts never declares a function its
// .wasm lacks: the advisor (`advise`, `PreparedPolicy.advise`, the Advice* types) in
// advise.d.ts (feature `advise`, on by default), `runVector` in src/lib.rs (feature
// `vectors`).
//
// Conventions: documents (packs, firm profiles) and everything returned use the engine's
// JSON names (snake_case), identical to the native build and the CLI; the request objects
// of `schedule` (and `advise`) use camelCase. Money and rates come back as decimal strings, never floats.
// ---------------------------------------------------------------------------------------

/** An exact decimal number as text, e.g. `"304.15"` (money, 2 places) or `"0.035570"` (APR, 6 places). */
export type DecimalString = string;
/** A number as input: a JSON number or a decimal string. Strings are exact; prefer them for money. */
export type Amount = number | string;
/** A calendar date, `YYYY-MM-DD`. */
export type DateString = string;
/** The language of messages. Any tag starting with `en` reads as English; anything else as zh-CN. */
export type Lang = "zh-CN" | "en" | (string & {});
/** A text in both languages. */
export interface I18n {
  "zh-CN": string;
  en: string;
}

/** Stable machine-readable error codes; they never change meaning. */
export type ErrorCode =
  | "invalid_json"
  | "unknown_field"
  | "missing_field"
  | "wrong_type"
  | "invalid_value"
  | "out_of_range"
  | "negative_amount"
  | "rate_out_of_range"
  | "dangling_reference"
  | "duplicate_id"
  | "shares_not_one"
  | "inverted_range"
  | "empty_list"
  | "incompatible_condition"
  | "tier_not_exhaustive"
  | "too_large"
  | "calculation";

/** What every SDK function throws: a JS `Error` (name `PrequalError`) with these fields. */
export interface PrequalError extends Error {
  name: "PrequalError";
  /** Stable code. */
  code: ErrorCode;
  /** JSON path inside the argument named by `input`, e.g. `$.products[0].amount_max`; `$` for the whole argument. */
  path: string;
  /** The argument concerned. */
  input: "policy" | "firm" | "asOf" | "request" | "product" | "kind" | "input";
  /** `path`, a summary and what was expected, in the requested language. */
  message: string;
}

/** An engine error inside a result (e.g. a quote that could not be priced). */
export interface EngineError {
  code: ErrorCode;
  path: string;
  expected_en: string;
  expected_zh: string;
}

// ----- vocabulary --------------------------------------------------------------------

/** The 16 industries of the SME classification (工信部联企业〔2011〕300号). */
export type Industry =
  | "agriculture"
  | "industry"
  | "construction"
  | "wholesale"
  | "retail"
  | "transport"
  | "warehousing"
  | "postal"
  | "accommodation"
  | "catering"
  | "information_transmission"
  | "software_it"
  | "real_estate_development"
  | "property_management"
  | "leasing_business_services"
  | "other";
export type SizeClass = "micro" | "small" | "medium" | "large" | "unknown";
export type TaxGrade = "A" | "B" | "M" | "C" | "D";
export type RepaymentMethod = "equal_installment" | "equal_principal" | "interest_only";
export type FeeTiming = "upfront" | "annual";
export type SubsidyTiming = "per_period" | "annual" | "at_maturity";
export type SubsidyBasis = "share" | "points";
export type AppliesTo = "interest" | "guarantee_fee";
export type Role = "bank" | "guarantor" | "re_guarantor" | "government" | "risk_pool" | "park";
export type RateBase = "lpr_1y" | "lpr_5y";
/** A built-in fact about the firm (or the loan asked for) that conditions test. */
export type Field =
  | "years_in_operation"
  | "years_in_park"
  | "employees"
  | "revenue"
  | "total_assets"
  | "annual_tax_paid"
  | "overdue_current"
  | "overdue_12m"
  | "overdue_24m"
  | "inquiries_6m"
  | "legal_rep_age"
  | "debt_ratio"
  | "existing_credit_loans"
  | "loan_amount"
  | "term_months"
  | "tax_grade"
  | "park"
  | "industry"
  | "size_class"
  | "repayment_method"
  | "specialized_national"
  | "specialized_provincial"
  | "high_tech"
  | "tech_sme"
  | "first_loan"
  | "any_tech_qualification"
  | "partner_park";
/**
 * What a condition tests: a built-in `Field`, or the id of a fact the pack declares in
 * `facts` (`[a-z][a-z0-9_]{0,39}`, never a built-in name).
 */
export type FieldRef = Field | (string & {});
export type Op = "gte" | "gt" | "lte" | "lt" | "eq" | "ne" | "in" | "not_in";
export type Status = "pass" | "fail" | "unknown";
export type Verdict = "eligible" | "needs_info" | "ineligible";

// ----- firm profile --------------------------------------------------------------------

/** Qualifications; absent means not stated (criteria that need them are "unknown"). */
export interface Qualifications {
  /** 国家级专精特新“小巨人”企业 */
  specialized_national?: boolean;
  /** 省级专精特新中小企业 */
  specialized_provincial?: boolean;
  /** 国家高新技术企业 */
  high_tech?: boolean;
  /** 科技型中小企业 */
  tech_sme?: boolean;
  /** Never had a bank loan (首贷). */
  first_loan?: boolean;
}

/** A firm profile. Only `industry` is required; a criterion needing a missing figure is "unknown", never a guess. */
export interface Firm {
  industry: Industry;
  employees?: number;
  /** Operating revenue of the last year, yuan. */
  revenue?: Amount;
  /** Total assets, yuan. */
  total_assets?: Amount;
  /** Founding date (used when `years_in_operation` is absent). */
  founded?: DateString;
  years_in_operation?: Amount;
  /** Park id, as the pack names parks. */
  park?: string;
  years_in_park?: Amount;
  tax_grade?: TaxGrade;
  annual_tax_paid?: Amount;
  overdue_current?: number;
  overdue_12m?: number;
  overdue_24m?: number;
  inquiries_6m?: number;
  legal_rep_age?: number;
  /** Liabilities / assets as a fraction: 0.55 = 55%. */
  debt_ratio?: Amount;
  /** Outstanding unsecured (credit) loans, yuan. */
  existing_credit_loans?: Amount;
  qualifications?: Qualifications;
  /** Amount the firm would like to borrow, yuan (above 0). */
  requested_amount?: Amount;
  term_months?: number;
  repayment_method?: RepaymentMethod;
  /**
   * Answers to the facts a pack declares, by fact id: a number (or decimal string) for a
   * `number` fact, `true`/`false` for `yes_no`, a choice id for `choice`; `null` (or
   * leaving it out) for not answered. Checked against the pack when evaluated (a wrong kind
   * throws with path `$.facts.<id>`); facts the pack does not declare are ignored and
   * listed in `Report.warnings`.
   */
  facts?: Record<string, FactValue | null>;
}
/** An answer to a declared fact (see `Firm.facts`). */
export type FactValue = number | string | boolean;

// ----- policy pack ---------------------------------------------------------------------

/** A pack number: `0.03`, `"0.03"`, or `{value, source}` with a source tag. `defaultPolicy()` gives strings. */
export type Sourced = Amount | { value: Amount; source?: string };
/** What a condition compares a field with: a number, a name, yes/no, or a list of names. */
export type ConditionValue = Amount | boolean | string[];

/** A test on one field or declared fact: `{field: "years_in_operation", op: "gte", value: 2}`. */
export interface ConditionTest {
  field: FieldRef;
  op: Op;
  value: ConditionValue;
  any_of?: never;
  all_of?: never;
}
/** A group that holds when any one of its conditions holds. Groups nest at most 3 deep. */
export interface AnyOf {
  any_of: Condition[];
  field?: never;
  op?: never;
  value?: never;
  all_of?: never;
}
/** A group that holds when every one of its conditions holds. Groups nest at most 3 deep. */
export interface AllOf {
  all_of: Condition[];
  field?: never;
  op?: never;
  value?: never;
  any_of?: never;
}
/** A condition: one test, or an `any_of` / `all_of` group of conditions. */
export type Condition = ConditionTest | AnyOf | AllOf;
/** What every criterion has besides its condition. */
export interface CriterionInfo {
  /** Stable id within the product. */
  id: string;
  /** A required criterion decides the verdict (default true); an advisory one only warns. */
  required?: boolean;
  label?: I18n;
  source?: string;
}
export interface CriterionTest extends ConditionTest, CriterionInfo {}
export interface CriterionAnyOf extends AnyOf, CriterionInfo {}
export interface CriterionAllOf extends AllOf, CriterionInfo {}
/** An eligibility criterion: a test or a group, with its id beside the condition's keys. */
export type Criterion = CriterionTest | CriterionAnyOf | CriterionAllOf;
/** What kind of answer a declared fact takes. */
export type FactKind = "number" | "yes_no" | "choice";
/** One answer a `choice` fact offers. */
export interface FactChoice {
  /** Stable id: what a firm gives and conditions compare with. */
  id: string;
  label: I18n;
}
/**
 * A fact a pack declares for its products beyond the built-in fields, e.g. "staff with
 * social insurance". Conditions name it by `id`; firms answer it under `facts`.
 */
export interface FactDecl {
  /** Lowercase letters, digits and `_`, starting with a letter, at most 40; not the name of a built-in field. */
  id: string;
  kind: FactKind;
  label: I18n;
  /** The question a form asks, if not the label. */
  question?: I18n;
  /** The unit of a number, e.g. people / 人 (`number` only). */
  unit?: I18n;
  /** A line of help for whoever answers. */
  hint?: I18n;
  /** Smallest allowed number (`number` only). */
  min?: Amount;
  /** Largest allowed number (`number` only). */
  max?: Amount;
  /** Whether a number must be whole (`number` only). */
  whole?: boolean;
  /** The answers a `choice` fact offers (at least one; `choice` only). */
  choices?: FactChoice[];
  source?: string;
}
export interface Market {
  lpr_1y: Sourced;
  lpr_5y: Sourced;
  as_of: DateString;
}
export interface Bank {
  id: string;
  name: I18n;
}
export interface Park {
  id: string;
  name: I18n;
  district?: I18n;
  banks: string[];
}
export interface LimitBase {
  field: Field;
  multiple: Sourced;
}
export interface Uplift {
  when: Condition[];
  factor: Sourced;
}
export interface Cap {
  when?: Condition[];
  amount: Sourced;
}
export interface LimitRules {
  bases?: LimitBase[];
  uplifts?: Uplift[];
  caps?: Cap[];
  step?: Sourced;
  deduct_existing_credit_loans?: boolean;
}
export interface Tier {
  when?: Condition[];
  spread: Sourced;
}
export interface Pricing {
  base: RateBase;
  tiers: Tier[];
  floor?: Sourced;
  cap?: Sourced;
}
export interface Product {
  id: string;
  bank: string;
  name: I18n;
  description?: I18n;
  effective_from?: DateString;
  effective_to?: DateString;
  amount_min: Sourced;
  amount_max: Sourced;
  term_min_months: number;
  term_max_months: number;
  repayment_methods: RepaymentMethod[];
  partner_parks_only?: boolean;
  criteria?: Criterion[];
  limit: LimitRules;
  pricing: Pricing;
  guarantee?: string;
  subsidies?: string[];
  source?: string;
}
export interface RiskShare {
  party: I18n;
  role: Role;
  share: Sourced;
}
export interface GuaranteeScheme {
  id: string;
  name: I18n;
  guarantor: I18n;
  fee_rate: Sourced;
  timing: FeeTiming;
  fee_subsidies?: string[];
  risk_sharing: RiskShare[];
}
export interface ShareRule {
  when?: Condition[];
  share: Sourced;
}
export interface SubsidyScheme {
  id: string;
  name: I18n;
  provider: I18n;
  applies_to: AppliesTo;
  basis: SubsidyBasis;
  shares?: ShareRule[];
  points?: Sourced;
  counted_rate_cap?: Sourced;
  cap_per_year?: Sourced;
  max_years?: number;
  timing: SubsidyTiming;
  conditions?: Condition[];
  source?: string;
}
/** A policy pack: what a park or bank publishes to describe its loan products. */
export interface Policy {
  $schema?: string;
  id: string;
  version: string;
  name: I18n;
  notice: I18n;
  market: Market;
  banks: Bank[];
  parks?: Park[];
  /** Facts the pack's products ask about beyond the built-in fields. */
  facts?: FactDecl[];
  products: Product[];
  guarantee_schemes?: GuaranteeScheme[];
  subsidy_schemes?: SubsidyScheme[];
}

// ----- report --------------------------------------------------------------------------

/** A pack number used in a result, by its JSON path in the pack, with its source tag. */
export interface Parameter {
  name: string;
  value: DecimalString;
  source: string | null;
}
export interface PolicyInfo {
  id: string;
  version: string;
  name: I18n;
  notice: I18n;
  /** `sha256:` digest of the pack's canonical JSON. */
  content_hash: string;
}
export interface FirmSummary {
  /** `null` only for a profile that states no industry yet (never for a JSON profile, where it is required). */
  industry: Industry | null;
  industry_name: I18n | null;
  size_class: SizeClass;
  /** Years in operation on `as_of`, 2 places, if known. */
  years_in_operation: DecimalString | null;
}
export interface MarketInfo {
  lpr_1y: Parameter;
  lpr_5y: Parameter;
  as_of: DateString;
}
/** A value in a criterion result: numbers as decimal strings. */
export type ResultValue = DecimalString | boolean | string[];
export interface CriterionResult {
  /**
   * Pack criterion id, or a built-in one: partner_park, term_min, term_max, repayment_method,
   * loan_amount_min, estimated_limit. A group's members are `<id>.1`, `<id>.2`, ...
   */
  id: string;
  /** The built-in field or declared fact id tested; for a group, that of the member that decided it. */
  field: FieldRef;
  /** The comparison (of the deciding member, for a group). */
  op: Op;
  /** The threshold (of the deciding member, for a group). */
  threshold: ResultValue;
  observed: ResultValue | null;
  status: Status;
  required: boolean;
  message: I18n;
  /** For a failed numeric criterion: how far the firm is from the threshold. */
  gap: DecimalString | null;
  /** What would change the outcome. */
  hint: I18n | null;
  source: string | null;
  /** For a criterion that is a group: which kind (absent otherwise). */
  group?: "any_of" | "all_of";
  /** For a group: each member's outcome, in order (absent otherwise). */
  branches?: CriterionResult[];
}
export interface LimitDetail {
  amount: DecimalString | null;
  /** Firm fields that would make an unknown limit known. */
  missing: Field[];
  /** The base that counted: [field, multiple × value]. */
  base: [Field, DecimalString] | null;
  factor: DecimalString;
  cap: DecimalString;
  deducted: DecimalString;
}
/** One cash flow from the borrower's view: positive received, negative paid; period 0 is disbursement. */
export interface CashFlow {
  period: number;
  amount: DecimalString;
}
export interface ScheduleRow {
  period: number;
  payment: DecimalString;
  principal: DecimalString;
  interest: DecimalString;
  /** Balance after this period's principal. */
  balance: DecimalString;
}
export interface Schedule {
  rows: ScheduleRow[];
  total_interest: DecimalString;
  total_payment: DecimalString;
}
export interface Loan {
  amount: DecimalString;
  term_months: number;
  method: RepaymentMethod;
  annual_rate: DecimalString;
  rate_after_subsidy: DecimalString;
  first_payment: DecimalString;
  total_interest: DecimalString;
  interest_subsidy: DecimalString;
  guarantee_fee_rate: DecimalString | null;
  guarantee_fee_timing: FeeTiming | null;
  guarantee_fee: DecimalString;
  fee_subsidy: DecimalString;
  guarantee_fee_net: DecimalString;
  total_cost_gross: DecimalString;
  total_cost_net: DecimalString;
  schedule: Schedule;
  guarantee_fees: CashFlow[];
  cash_flows_gross: CashFlow[];
}
export interface SubsidyOutcome {
  scheme: string;
  name: I18n;
  provider: I18n;
  applies_to: AppliesTo;
  /** pass: applied; fail: the firm does not qualify; unknown: a condition could not be checked. */
  status: Status;
  share: DecimalString | null;
  points: DecimalString | null;
  timing: SubsidyTiming;
  total: DecimalString;
  payments: CashFlow[];
}
export interface RiskPart {
  party: I18n;
  role: Role;
  share: DecimalString;
  amount: DecimalString;
}
export interface Quote {
  /** 1 = best. */
  rank: number;
  product: string;
  name: I18n;
  bank: string;
  bank_name: I18n;
  verdict: Verdict;
  criteria: CriterionResult[];
  limit: LimitDetail;
  loan: Loan | null;
  apr_gross: DecimalString | null;
  apr_net: DecimalString | null;
  /** Net cash flows, one per period; re-check `apr_net` from these. */
  cash_flows: CashFlow[];
  subsidies: SubsidyOutcome[];
  risk_sharing: RiskPart[];
  parameters: Parameter[];
  error: EngineError | null;
}
export interface Excluded {
  product: string;
  name: I18n;
  reason: I18n;
}
/** Stable codes of report warnings. */
export type WarningCode = "undeclared_fact";
/** Something in the input the evaluation ignored, e.g. a firm fact the pack does not declare. */
export interface ReportWarning {
  code: WarningCode;
  /** JSON path in the firm profile, e.g. `$.facts.export_licence`. */
  path: string;
  message: I18n;
}
/** The whole answer for one firm: one quote per product in force, best first. */
export interface Report {
  policy: PolicyInfo;
  as_of: DateString;
  firm: FirmSummary;
  market: MarketInfo;
  quotes: Quote[];
  excluded: Excluded[];
  /** What the evaluation ignored; absent when nothing was. */
  warnings?: ReportWarning[];
}

// ----- tools ---------------------------------------------------------------------------

export interface ScheduleRequest {
  /** Amount lent, yuan (above 0). */
  principal: Amount;
  /** Nominal annual rate as a fraction: 0.0345 = 3.45%. */
  annualRate: Amount;
  /** Monthly periods, 1 to 600. */
  months: number;
  method: RepaymentMethod;
}
export interface ClassifyRequest {
  industry: Industry;
  employees?: number;
  /** Operating revenue, yuan. */
  revenue?: Amount;
  /** Total assets, yuan. */
  assets?: Amount;
}
export interface ClassifyResult {
  size: SizeClass;
  industry: Industry;
  industry_zh: string;
  /** The figures this industry's row uses, so a form can ask only for those. */
  needed: Array<"employees" | "revenue" | "assets">;
}
export interface Problem {
  code: ErrorCode;
  path: string;
  message: string;
}
export interface Validation {
  valid: boolean;
  id?: string;
  version?: string;
  /** `sha256:` of the canonical JSON, when valid. */
  content_hash?: string;
  /** Every problem, with its JSON path, in document order. Empty when valid. */
  problems: Problem[];
}

// ----- functions -----------------------------------------------------------------------

/**
 * Evaluate a firm against every product of a pack in force on `asOf`: eligibility with
 * reasons and hints, limit, rate before and after subsidy, fees, schedule, cash flows, APR
 * (IRR) and the risk split, ranked best first. Same shape, and as JSON the same bytes, as
 * the native engine.
 * @param policy a pack object, its JSON text, or `"default"` for the bundled pack.
 * @param firm a firm profile object or its JSON text.
 * @param asOf `YYYY-MM-DD`; default the pack's `market.as_of` (never the clock).
 * @param lang language of a thrown error's message (default `"zh-CN"`).
 * @throws {PrequalError}
 */
export function evaluate(policy: Policy | string, firm: Firm | string, asOf?: DateString | null, lang?: Lang): Report;
/**
 * Read and validate a pack once, for evaluating many firms against it: `evaluate()` without
 * handing the pack over on every call (a page screening a list of firms, a form that
 * re-evaluates on every answer).
 * @param policy a pack object, its JSON text, or `"default"` for the bundled pack.
 * @throws {PrequalError} for a bad pack, as `evaluate()` does.
 */
export function preparePolicy(policy: Policy | string, lang?: Lang): PreparedPolicy;
/** A pack read and validated once (see `preparePolicy`). */
export class PreparedPolicy {
  private constructor();
  /** Release the pack's memory now instead of when the object is garbage collected. */
  free(): void;
  /** The pack's `id`. */
  readonly id: string;
  /** sha256 of the pack's canonical JSON, as in `Report.policy.content_hash`. */
  readonly contentHash: string;
  /**
   * `evaluate(policy, firm, asOf, lang)` with this pack: the same report, byte for byte.
   * @throws {PrequalError}
   */
  evaluate(firm: Firm | string, asOf?: DateString | null, lang?: Lang): Report;
  /**
   * One product's verdict for a firm: the checks of its quote in `evaluate()` (criteria,
   * partner park, term, method, amount, estimated limit) without the quote itself, for
   * screening many firms. `null` when the pack has no such product in force on `asOf`.
   * @throws {PrequalError}
   */
  eligibility(product: string, firm: Firm | string, asOf?: DateString | null, lang?: Lang): Verdict | null;
}
/**
 * A repayment schedule (等额本息 / 等额本金 / 先息后本), exact to the cent.
 * @throws {PrequalError}
 */
export function schedule(request: ScheduleRequest | string, lang?: Lang): Schedule;
/**
 * SME size class (工信部联企业〔2011〕300号). A figure the industry's row needs but that is
 * missing gives `"unknown"`, never a guess.
 * @throws {PrequalError}
 */
export function classify(request: ClassifyRequest | string, lang?: Lang): ClassifyResult;
/**
 * Check a pack. Never throws for a bad pack: every problem is listed with its JSON path and
 * a message in `lang`.
 */
export function validatePolicy(policy: Policy | string, lang?: Lang): Validation;
/** The bundled pack, "Shenzhen park loan 2.0 (illustrative)", in canonical form (numbers as decimal strings). */
export function defaultPolicy(): Policy;
/** The engine's version, e.g. `"0.1.0"`. */
export function version(): string;
