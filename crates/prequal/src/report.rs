//! What an evaluation returns: one quote per product in force, ranked, each explaining
//! every number (criteria, parameters with sources, cash flows).

use crate::apr::CashFlow;
use crate::condition::{Field, FieldRef, Group, Op, Status, Value};
use crate::cost::{FeeTiming, SubsidyTiming};
use crate::date::Date;
use crate::error::Error;
use crate::policy::{AppliesTo, I18n, Role};
use crate::schedule::{RepaymentMethod, Schedule};
use crate::size::{Industry, SizeClass};
use rust_decimal::Decimal;
use serde::Serialize;

/// The whole answer for one firm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Which pack produced it.
    pub policy: PolicyInfo,
    /// The date the evaluation is for.
    pub as_of: Date,
    /// What the engine derived about the firm.
    pub firm: FirmSummary,
    /// Market rates used, with sources.
    pub market: MarketInfo,
    /// One quote per product in force, best first.
    pub quotes: Vec<Quote>,
    /// Products of the pack not in force on `as_of`.
    pub excluded: Vec<Excluded>,
    /// What the caller should know but did not stop the evaluation (facts the pack does not
    /// declare, which were ignored). Left out of the JSON when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// Something about the input that was ignored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable code: `undeclared_fact`.
    pub code: &'static str,
    /// JSON path in the firm profile, e.g. `$.facts.export_licence`.
    pub path: String,
    /// What was ignored and why.
    pub message: I18n,
}

/// Identity of the pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyInfo {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// Pack name.
    pub name: I18n,
    /// The pack's notice (an estimate, not an offer).
    pub notice: I18n,
    /// `sha256:` digest of the pack's canonical JSON.
    pub content_hash: String,
}

/// Facts derived about the firm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FirmSummary {
    /// Industry id (`null` only for a profile being filled in).
    pub industry: Option<Industry>,
    /// Industry name.
    pub industry_name: Option<I18n>,
    /// SME size class.
    pub size_class: SizeClass,
    /// Years in operation on `as_of`, to 2 places, if known.
    pub years_in_operation: Option<Decimal>,
}

/// Market rates used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MarketInfo {
    /// 1-year LPR.
    pub lpr_1y: Parameter,
    /// 5-year LPR.
    pub lpr_5y: Parameter,
    /// When they were read.
    pub as_of: Date,
}

/// A pack number that went into a result, by its JSON path, with its source tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Parameter {
    /// JSON path in the pack, e.g. `$.products[0].pricing.tiers[1].spread`.
    pub name: String,
    /// The value used.
    #[serde(serialize_with = "crate::money::serialize")]
    pub value: Decimal,
    /// Its source tag, if the pack gives one.
    pub source: Option<String>,
}

/// A product not in force on the evaluation date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Excluded {
    /// Product id.
    pub product: String,
    /// Product name.
    pub name: I18n,
    /// Why.
    pub reason: I18n,
}

/// The overall answer for one product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every required criterion passes.
    Eligible,
    /// None fails, but some could not be checked: more information is needed.
    NeedsInfo,
    /// A required criterion fails.
    Ineligible,
}

/// One criterion's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CriterionResult {
    /// Criterion id (pack criteria) or a built-in id (`partner_park`, `term_min`, `term_max`,
    /// `repayment_method`, `estimated_limit`, `loan_amount_min`).
    pub id: String,
    /// The field or declared fact tested; for a group, the member's that decided it.
    pub field: FieldRef,
    /// The comparison (of the deciding member, for a group).
    pub op: Op,
    /// The threshold (of the deciding member, for a group).
    pub threshold: Value,
    /// The firm's value, if known.
    pub observed: Option<Value>,
    /// Pass, fail or unknown.
    pub status: Status,
    /// Whether it decides the verdict.
    pub required: bool,
    /// What is required and what the firm has.
    pub message: I18n,
    /// For a failed numeric criterion: how far the firm is from the threshold.
    pub gap: Option<Decimal>,
    /// What would change the outcome.
    pub hint: Option<I18n>,
    /// Source of the threshold.
    pub source: Option<String>,
    /// For a criterion that is a group: `any_of` or `all_of` (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// For a group: each member's outcome, ids `<id>.1`, `<id>.2`... (absent otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<CriterionResult>,
}

/// How the limit was estimated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LimitDetail {
    /// The estimated limit, if it could be estimated.
    pub amount: Option<Decimal>,
    /// Firm fields that would make an unknown limit known.
    pub missing: Vec<Field>,
    /// The base that counted: field and multiple × value.
    pub base: Option<(Field, Decimal)>,
    /// Uplift factor applied.
    #[serde(serialize_with = "crate::money::serialize")]
    pub factor: Decimal,
    /// Cap applied.
    #[serde(serialize_with = "crate::money::serialize")]
    pub cap: Decimal,
    /// Existing credit loans deducted.
    #[serde(serialize_with = "crate::money::serialize")]
    pub deducted: Decimal,
}

/// The priced loan for one product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Loan {
    /// Amount quoted: the request within the limit, or the limit.
    #[serde(serialize_with = "crate::money::serialize")]
    pub amount: Decimal,
    /// Term, months.
    pub term_months: u32,
    /// Repayment method.
    pub method: RepaymentMethod,
    /// Nominal annual rate.
    #[serde(serialize_with = "crate::money::serialize")]
    pub annual_rate: Decimal,
    /// The rate the firm bears after interest subsidies (annual rate × net / gross interest).
    #[serde(serialize_with = "crate::money::serialize")]
    pub rate_after_subsidy: Decimal,
    /// First period's payment.
    #[serde(serialize_with = "crate::money::serialize")]
    pub first_payment: Decimal,
    /// Total interest.
    #[serde(serialize_with = "crate::money::serialize")]
    pub total_interest: Decimal,
    /// Interest subsidies received.
    #[serde(serialize_with = "crate::money::serialize")]
    pub interest_subsidy: Decimal,
    /// Guarantee fee rate a year.
    pub guarantee_fee_rate: Option<Decimal>,
    /// When the fee is paid.
    pub guarantee_fee_timing: Option<FeeTiming>,
    /// Guarantee fees, total.
    #[serde(serialize_with = "crate::money::serialize")]
    pub guarantee_fee: Decimal,
    /// Guarantee fee subsidies received.
    #[serde(serialize_with = "crate::money::serialize")]
    pub fee_subsidy: Decimal,
    /// Guarantee fee after subsidy.
    #[serde(serialize_with = "crate::money::serialize")]
    pub guarantee_fee_net: Decimal,
    /// Interest + fees.
    #[serde(serialize_with = "crate::money::serialize")]
    pub total_cost_gross: Decimal,
    /// Interest + fees − subsidies.
    #[serde(serialize_with = "crate::money::serialize")]
    pub total_cost_net: Decimal,
    /// The schedule.
    pub schedule: Schedule,
    /// Guarantee fee payments.
    pub guarantee_fees: Vec<CashFlow>,
    /// Cash flows without subsidies.
    pub cash_flows_gross: Vec<CashFlow>,
}

/// Whether a subsidy scheme applies, and what it pays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SubsidyOutcome {
    /// Scheme id.
    pub scheme: String,
    /// Scheme name.
    pub name: I18n,
    /// Who pays.
    pub provider: I18n,
    /// Interest or fee.
    pub applies_to: AppliesTo,
    /// Pass: applied; fail: the firm does not qualify; unknown: a condition could not be checked.
    pub status: Status,
    /// Share applied, for share schemes.
    pub share: Option<Decimal>,
    /// Points applied, for points schemes.
    pub points: Option<Decimal>,
    /// When it is paid.
    pub timing: SubsidyTiming,
    /// Total received over the loan.
    #[serde(serialize_with = "crate::money::serialize")]
    pub total: Decimal,
    /// Payments (period, amount).
    pub payments: Vec<CashFlow>,
}

/// One party's part of a default of the whole principal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RiskPart {
    /// The party.
    pub party: I18n,
    /// Its role.
    pub role: Role,
    /// Its share.
    #[serde(serialize_with = "crate::money::serialize")]
    pub share: Decimal,
    /// Its part of the principal, yuan.
    #[serde(serialize_with = "crate::money::serialize")]
    pub amount: Decimal,
}

/// Everything about one product for this firm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// 1 = best.
    pub rank: u32,
    /// Product id.
    pub product: String,
    /// Product name.
    pub name: I18n,
    /// Bank id.
    pub bank: String,
    /// Bank name.
    pub bank_name: I18n,
    /// Verdict.
    pub verdict: Verdict,
    /// Criteria outcomes, pack criteria first, then built-in ones.
    pub criteria: Vec<CriterionResult>,
    /// Limit estimate.
    pub limit: LimitDetail,
    /// The priced loan, when an amount could be set.
    pub loan: Option<Loan>,
    /// APR without subsidies (IRR method).
    pub apr_gross: Option<Decimal>,
    /// APR with subsidies (IRR method).
    pub apr_net: Option<Decimal>,
    /// Cash flows with subsidies, one per period; re-check `apr_net` from these.
    pub cash_flows: Vec<CashFlow>,
    /// Subsidy schemes considered.
    pub subsidies: Vec<SubsidyOutcome>,
    /// How a default would be shared.
    pub risk_sharing: Vec<RiskPart>,
    /// Pack numbers used, with sources.
    pub parameters: Vec<Parameter>,
    /// A problem pricing this loan, if any (the rest of the quote still stands).
    pub error: Option<Error>,
}
