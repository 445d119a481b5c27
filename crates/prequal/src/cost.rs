//! What one loan costs: schedule, guarantee fee, subsidies, cash flows and APR.
//!
//! This is the money core of a quote, separate from eligibility so it can be checked
//! on its own against the independent reference (tests/vectors/costs.json). The rules are
//! domain.md section 7, made precise in tests/vectors/README.md.

use crate::apr::{annualise, irr_near, CashFlow};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{FromJson, Node};
use crate::limits;
use crate::money::round_money;
use crate::schedule::{schedule, RepaymentMethod, Schedule, ScheduleRequest};
use rust_decimal::Decimal;
use serde::Serialize;

/// When a guarantee fee is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeeTiming {
    /// The whole term's fee at disbursement: round(P·g·n/12).
    Upfront,
    /// Each loan year's fee at its start, on the balance then outstanding.
    Annual,
}

/// What a subsidy is computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubsidyBasis {
    /// A share of the cost (interest or fee).
    Share,
    /// Percentage points a year on the balance (interest only).
    Points,
}

/// When a subsidy reaches the borrower.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubsidyTiming {
    /// Deducted from each payment as it falls due (through the bank).
    PerPeriod,
    /// Paid once a loan year, with period 12(y+1) or the last period.
    Annual,
    /// Paid once, with the last period.
    AtMaturity,
}

/// Guarantee terms of one loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GuaranteeTerms {
    /// Fee rate a year, as a fraction.
    #[serde(serialize_with = "crate::money::serialize")]
    pub fee_rate: Decimal,
    /// When the fee is paid.
    pub timing: FeeTiming,
}

/// One subsidy scheme as it applies to one loan (conditions already resolved).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SubsidyTerms {
    /// Share of cost or percentage points.
    pub basis: SubsidyBasis,
    /// The share, for [`SubsidyBasis::Share`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Decimal>,
    /// Points a year as a fraction (0.015 = 1.5 pp), for [`SubsidyBasis::Points`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Decimal>,
    /// Interest is counted at no more than this annual rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted_rate_cap: Option<Decimal>,
    /// Most paid per loan year, yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_per_year: Option<Decimal>,
    /// Only the first this-many loan years are subsidised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_years: Option<u32>,
    /// When it is paid.
    pub timing: SubsidyTiming,
}

/// Everything that decides one loan's costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CostRequest {
    /// Amount lent, yuan.
    #[serde(serialize_with = "crate::money::serialize")]
    pub principal: Decimal,
    /// Nominal annual interest rate, as a fraction.
    #[serde(serialize_with = "crate::money::serialize")]
    pub annual_rate: Decimal,
    /// Term in months.
    pub months: u32,
    /// Repayment method.
    pub method: RepaymentMethod,
    /// Guarantee fee, if the loan is guaranteed.
    #[serde(default)]
    pub guarantee: Option<GuaranteeTerms>,
    /// Interest subsidies in stacking order.
    #[serde(default)]
    pub interest_subsidies: Vec<SubsidyTerms>,
    /// Guarantee-fee subsidies in stacking order.
    #[serde(default)]
    pub fee_subsidies: Vec<SubsidyTerms>,
}

/// What one subsidy scheme paid, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SubsidyPaid {
    /// Total received.
    #[serde(serialize_with = "crate::money::serialize")]
    pub total: Decimal,
    /// Each payment: the period it arrives with and the amount.
    pub payments: Vec<CashFlow>,
}

/// The costs of one loan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CostResult {
    /// The repayment schedule.
    pub schedule: Schedule,
    /// Guarantee fee payments (period, amount paid).
    pub guarantee_fees: Vec<CashFlow>,
    /// Sum of guarantee fees.
    #[serde(serialize_with = "crate::money::serialize")]
    pub guarantee_fee_total: Decimal,
    /// What each interest subsidy paid, in request order.
    pub interest_subsidies: Vec<SubsidyPaid>,
    /// What each fee subsidy paid, in request order.
    pub fee_subsidies: Vec<SubsidyPaid>,
    /// Sum of interest subsidies.
    #[serde(serialize_with = "crate::money::serialize")]
    pub interest_subsidy_total: Decimal,
    /// Sum of fee subsidies.
    #[serde(serialize_with = "crate::money::serialize")]
    pub fee_subsidy_total: Decimal,
    /// Cash flows without subsidies, one per period 0..=n.
    pub cash_flows_gross: Vec<CashFlow>,
    /// Cash flows with subsidies at their timing, one per period 0..=n.
    pub cash_flows_net: Vec<CashFlow>,
    /// APR without subsidies.
    #[serde(serialize_with = "crate::money::serialize")]
    pub apr_gross: Decimal,
    /// APR with subsidies.
    #[serde(serialize_with = "crate::money::serialize")]
    pub apr_net: Decimal,
}

/// A cost a subsidy can cover: one period's interest or one fee payment.
#[derive(Clone, Copy, Debug)]
struct Item {
    /// When the cost is paid.
    period: u32,
    /// Loan year (0-based) the cost belongs to.
    year: u32,
    /// The cost itself.
    cost: Decimal,
    /// Cost not yet covered by earlier schemes.
    remaining: Decimal,
    /// This scheme's unrounded claim on the item.
    base: Decimal,
}

/// Compute a loan's costs.
pub fn costs(request: &CostRequest) -> Result<CostResult> {
    check(request)?;
    let sched = schedule(&ScheduleRequest {
        principal: request.principal,
        annual_rate: request.annual_rate,
        months: request.months,
        method: request.method,
    })?;
    let principal = round_money(request.principal);
    let n = request.months;
    let fees = guarantee_fees(request, &sched, principal);
    let guarantee_fee_total = round_money(fees.iter().map(|f| f.amount).sum());

    let mut interest_items = interest_items(&sched);
    let interest_subsidies: Vec<SubsidyPaid> = request
        .interest_subsidies
        .iter()
        .map(|terms| {
            set_interest_bases(&mut interest_items, &sched, principal, request.annual_rate, terms);
            pay(&mut interest_items, terms, n)
        })
        .collect();
    let mut fee_items: Vec<Item> = fees
        .iter()
        .map(|f| Item {
            period: f.period,
            year: f.period / 12,
            cost: f.amount,
            remaining: f.amount,
            base: Decimal::ZERO,
        })
        .collect();
    let fee_subsidies: Vec<SubsidyPaid> = request
        .fee_subsidies
        .iter()
        .map(|terms| {
            for item in fee_items.iter_mut() {
                item.base = within_years(item.year, terms) * terms.share.unwrap_or_default() * item.cost;
            }
            pay(&mut fee_items, terms, n)
        })
        .collect();

    let gross = gross_flows(&sched, &fees, principal);
    let net = net_flows(&gross, interest_subsidies.iter().chain(&fee_subsidies));
    // A good first guess saves NPV evaluations: the loan's own monthly cost for the gross
    // flows, and the gross answer for the net ones (identical flows need no second search).
    let fee_rate = request.guarantee.map_or(Decimal::ZERO, |g| g.fee_rate);
    let gross_rate = monthly_irr(&gross, (request.annual_rate + fee_rate) / Decimal::from(12))?;
    let net_rate = if net == gross { gross_rate } else { monthly_irr(&net, gross_rate)? };
    let (apr_gross, apr_net) = (annualise(gross_rate, 12), annualise(net_rate, 12));
    Ok(CostResult {
        guarantee_fees: fees,
        guarantee_fee_total,
        interest_subsidy_total: total(&interest_subsidies),
        fee_subsidy_total: total(&fee_subsidies),
        interest_subsidies,
        fee_subsidies,
        cash_flows_gross: gross,
        cash_flows_net: net,
        apr_gross,
        apr_net,
        schedule: sched,
    })
}

fn total(paid: &[SubsidyPaid]) -> Decimal {
    round_money(paid.iter().map(|p| p.total).sum())
}

fn monthly_irr(flows: &[CashFlow], guess: Decimal) -> Result<Decimal> {
    let amounts: Vec<Decimal> = flows.iter().map(|f| f.amount).collect();
    irr_near(&amounts, guess)
}

fn check(request: &CostRequest) -> Result<()> {
    if let Some(g) = &request.guarantee {
        limits::check_rate("$.guarantee.fee_rate", g.fee_rate)?;
    }
    for (list, name) in [(&request.interest_subsidies, "interest_subsidies"), (&request.fee_subsidies, "fee_subsidies")]
    {
        limits::check_len("", list.len(), limits::MAX_LIST).map_err(|e| e.at(format!("$.{name}")))?;
        for (i, terms) in list.iter().enumerate() {
            // Named only on failure (its paths are then `.share`, `.points`, ...).
            check_terms("", terms, name == "fee_subsidies").map_err(|e| {
                let path = format!("$.{name}[{i}]{}", e.path);
                e.at(path)
            })?;
        }
    }
    Ok(())
}

/// Check one subsidy's terms; `path` names it.
pub fn check_terms(path: &str, terms: &SubsidyTerms, on_fee: bool) -> Result<()> {
    match terms.basis {
        SubsidyBasis::Share => match terms.share {
            Some(share) => limits::check_share("", share).map_err(|e| e.at(format!("{path}.share")))?,
            None => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    format!("{path}.share"),
                    "a share for basis \"share\"",
                    "按比例补贴须给出 share",
                ))
            }
        },
        SubsidyBasis::Points if on_fee => {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("{path}.basis"),
                "\"share\": fee subsidies are a share of the fee",
                "担保费补贴只能按比例（share）",
            ))
        }
        SubsidyBasis::Points => match terms.points {
            Some(points) => limits::check_rate("", points).map_err(|e| e.at(format!("{path}.points")))?,
            None => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    format!("{path}.points"),
                    "points for basis \"points\"",
                    "按百分点补贴须给出 points",
                ))
            }
        },
    }
    if let Some(cap) = terms.counted_rate_cap {
        limits::check_rate("", cap).map_err(|e| e.at(format!("{path}.counted_rate_cap")))?;
    }
    if let Some(cap) = terms.cap_per_year {
        limits::check_amount("", cap).map_err(|e| e.at(format!("{path}.cap_per_year")))?;
    }
    if let Some(years) = terms.max_years {
        if years == 0 || years > 50 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                format!("{path}.max_years"),
                "1 to 50 years",
                "须为 1 至 50 年",
            ));
        }
    }
    Ok(())
}

/// Upfront: round(P·g·n/12) at period 0. Annual: year y's fee at period 12y on the balance then.
fn guarantee_fees(request: &CostRequest, sched: &Schedule, principal: Decimal) -> Vec<CashFlow> {
    let Some(terms) = request.guarantee else {
        return Vec::new();
    };
    let n = request.months;
    let twelve = Decimal::from(12);
    match terms.timing {
        FeeTiming::Upfront => {
            let amount = round_money(principal * terms.fee_rate * Decimal::from(n) / twelve);
            vec![CashFlow { period: 0, amount }]
        }
        FeeTiming::Annual => (0..n.div_ceil(12))
            .map(|year| {
                let period = 12 * year;
                let balance = sched.balance_after(principal, period as usize);
                let months = (n - period).min(12);
                let amount = round_money(balance * terms.fee_rate * Decimal::from(months) / twelve);
                CashFlow { period, amount }
            })
            .collect(),
    }
}

fn interest_items(sched: &Schedule) -> Vec<Item> {
    sched
        .rows
        .iter()
        .map(|row| Item {
            period: row.period,
            year: (row.period - 1) / 12,
            cost: row.interest,
            remaining: row.interest,
            base: Decimal::ZERO,
        })
        .collect()
}

/// 1 inside the scheme's first `max_years` loan years, else 0.
fn within_years(year: u32, terms: &SubsidyTerms) -> Decimal {
    match terms.max_years {
        Some(max) if year >= max => Decimal::ZERO,
        _ => Decimal::ONE,
    }
}

/// Each period's unrounded claim: share × counted interest, or points/12 × balance.
fn set_interest_bases(items: &mut [Item], sched: &Schedule, principal: Decimal, rate: Decimal, terms: &SubsidyTerms) {
    let twelve = Decimal::from(12);
    // The same operations in the same order as written per period, hoisted out of the loop.
    let points_per_month = terms.points.unwrap_or_default() / twelve;
    let share = terms.share.unwrap_or_default();
    for (index, item) in items.iter_mut().enumerate() {
        if within_years(item.year, terms).is_zero() {
            item.base = Decimal::ZERO;
            continue;
        }
        let balance = sched.balance_after(principal, index);
        item.base = match terms.basis {
            SubsidyBasis::Points => points_per_month * balance,
            SubsidyBasis::Share => {
                let counted = match terms.counted_rate_cap {
                    Some(cap) if rate > cap => balance * cap / twelve,
                    _ => item.cost,
                };
                share * counted
            }
        };
    }
}

/// Items sharing one subsidy payment: the period it is paid with and a run of items
/// (items are in period order, so every group is a contiguous run).
type Group = (u32, std::ops::Range<usize>);

/// Group items by when their subsidy is paid.
fn groups(items: &[Item], timing: SubsidyTiming, n: u32) -> Vec<Group> {
    match timing {
        SubsidyTiming::PerPeriod => items.iter().enumerate().map(|(i, item)| (item.period, i..i + 1)).collect(),
        SubsidyTiming::AtMaturity => vec![(n, 0..items.len())],
        SubsidyTiming::Annual => {
            let mut out: Vec<Group> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let paid_at = (12 * (item.year + 1)).min(n);
                match out.last_mut() {
                    Some((at, run)) if *at == paid_at => run.end = i + 1,
                    _ => out.push((paid_at, i..i + 1)),
                }
            }
            out
        }
    }
}

/// Pay one scheme over the items: per group, capped per loan year, never above the
/// cost still uncovered, consumed in item order so later schemes see what is left.
fn pay(items: &mut [Item], terms: &SubsidyTerms, n: u32) -> SubsidyPaid {
    let years = items.iter().map(|i| i.year + 1).max().unwrap_or(0) as usize;
    let mut cap_left: Vec<Option<Decimal>> = vec![terms.cap_per_year; years];
    let mut payments = Vec::new();
    for (paid_at, run) in groups(items, terms.timing, n) {
        let Some(members) = items.get_mut(run) else { continue };
        let amount = round_money(capped_claim(members, &cap_left)).min(uncovered(members)).max(Decimal::ZERO);
        consume(members, amount);
        if let Some(Some(left)) = single_year(members).and_then(|y| cap_left.get_mut(y as usize)) {
            *left -= amount;
        }
        if !amount.is_zero() {
            payments.push(CashFlow { period: paid_at, amount: round_money(amount) });
        }
    }
    let total = round_money(payments.iter().map(|p| p.amount).sum());
    SubsidyPaid { total, payments }
}

/// Σ over the loan years in the group of min(the year's claims, what its cap has left).
fn capped_claim(members: &[Item], cap_left: &[Option<Decimal>]) -> Decimal {
    let mut total = Decimal::ZERO;
    for year_items in members.chunk_by(|a, b| a.year == b.year) {
        let claim: Decimal = year_items.iter().map(|it| it.base).sum();
        let cap = year_items.first().and_then(|it| cap_left.get(it.year as usize)).copied().flatten();
        total += cap.map_or(claim, |c| claim.min(c));
    }
    total
}

fn uncovered(members: &[Item]) -> Decimal {
    members.iter().map(|it| it.remaining).sum()
}

fn single_year(members: &[Item]) -> Option<u32> {
    let first = members.first()?.year;
    members.iter().all(|it| it.year == first).then_some(first)
}

fn consume(members: &mut [Item], mut amount: Decimal) {
    for item in members {
        let used = item.remaining.min(amount);
        item.remaining -= used;
        amount -= used;
    }
}

fn gross_flows(sched: &Schedule, fees: &[CashFlow], principal: Decimal) -> Vec<CashFlow> {
    let fee_at = |period: u32| fees.iter().filter(|f| f.period == period).map(|f| f.amount).sum::<Decimal>();
    let mut flows = vec![CashFlow { period: 0, amount: round_money(principal - fee_at(0)) }];
    flows.extend(
        sched
            .rows
            .iter()
            .map(|row| CashFlow { period: row.period, amount: round_money(-(row.payment + fee_at(row.period))) }),
    );
    flows
}

fn net_flows<'a>(gross: &[CashFlow], paid: impl Iterator<Item = &'a SubsidyPaid>) -> Vec<CashFlow> {
    let mut net = gross.to_vec();
    for payment in paid.flat_map(|p| &p.payments) {
        if let Some(flow) = net.get_mut(payment.period as usize) {
            flow.amount = round_money(flow.amount + payment.amount);
        }
    }
    net
}

crate::json_names!(FeeTiming { "upfront" => FeeTiming::Upfront, "annual" => FeeTiming::Annual });
crate::json_names!(SubsidyBasis { "share" => SubsidyBasis::Share, "points" => SubsidyBasis::Points });
crate::json_names!(SubsidyTiming {
    "per_period" => SubsidyTiming::PerPeriod,
    "annual" => SubsidyTiming::Annual,
    "at_maturity" => SubsidyTiming::AtMaturity,
});

impl FromJson for GuaranteeTerms {
    fn from_json(node: Node<'_>) -> crate::Result<GuaranteeTerms> {
        let o = node.object(&["fee_rate", "timing"])?;
        Ok(GuaranteeTerms { fee_rate: o.req("fee_rate")?, timing: o.req("timing")? })
    }
}

impl FromJson for SubsidyTerms {
    fn from_json(node: Node<'_>) -> crate::Result<SubsidyTerms> {
        let o =
            node.object(&["basis", "share", "points", "counted_rate_cap", "cap_per_year", "max_years", "timing"])?;
        Ok(SubsidyTerms {
            basis: o.req("basis")?,
            share: o.opt("share")?,
            points: o.opt("points")?,
            counted_rate_cap: o.opt("counted_rate_cap")?,
            cap_per_year: o.opt("cap_per_year")?,
            max_years: o.opt("max_years")?,
            timing: o.req("timing")?,
        })
    }
}

impl FromJson for CostRequest {
    fn from_json(node: Node<'_>) -> crate::Result<CostRequest> {
        let o = node.object(&[
            "principal",
            "annual_rate",
            "months",
            "method",
            "guarantee",
            "interest_subsidies",
            "fee_subsidies",
        ])?;
        Ok(CostRequest {
            principal: o.req("principal")?,
            annual_rate: o.req("annual_rate")?,
            months: o.req("months")?,
            method: o.req("method")?,
            guarantee: o.opt("guarantee")?,
            interest_subsidies: o.or_default("interest_subsidies")?,
            fee_subsidies: o.or_default("fee_subsidies")?,
        })
    }
}
