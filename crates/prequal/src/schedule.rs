//! Repayment schedules exactly as domain.md section 7 prescribes.
//!
//! Monthly periods; the period rate is annual / 12, never rounded; every amount is
//! rounded to the cent when it is formed, so a reviewer with a calculator agrees.

use crate::error::{Error, ErrorCode, Result};
use crate::json::{FromJson, Node};
use crate::limits;
use crate::money::round_money;
use rust_decimal::Decimal;
use serde::Serialize;

/// How a loan is repaid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RepaymentMethod {
    /// 等额本息: the same payment every period.
    EqualInstallment,
    /// 等额本金: the same principal every period, interest on the falling balance.
    EqualPrincipal,
    /// 先息后本: interest every period, all principal at maturity.
    InterestOnly,
}

impl RepaymentMethod {
    /// The id used in JSON, e.g. `equal_installment`.
    pub fn id(self) -> &'static str {
        match self {
            RepaymentMethod::EqualInstallment => "equal_installment",
            RepaymentMethod::EqualPrincipal => "equal_principal",
            RepaymentMethod::InterestOnly => "interest_only",
        }
    }

    /// Parse `equal_installment` or `equal-installment` (and the other two).
    pub fn from_id(id: &str) -> Option<RepaymentMethod> {
        match id.replace('-', "_").as_str() {
            "equal_installment" => Some(RepaymentMethod::EqualInstallment),
            "equal_principal" => Some(RepaymentMethod::EqualPrincipal),
            "interest_only" => Some(RepaymentMethod::InterestOnly),
            _ => None,
        }
    }

    /// A short name in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            RepaymentMethod::EqualInstallment => "等额本息",
            RepaymentMethod::EqualPrincipal => "等额本金",
            RepaymentMethod::InterestOnly => "先息后本",
        }
    }

    /// A short name in English.
    pub fn name_en(self) -> &'static str {
        match self {
            RepaymentMethod::EqualInstallment => "equal installments",
            RepaymentMethod::EqualPrincipal => "equal principal",
            RepaymentMethod::InterestOnly => "interest only, principal at maturity",
        }
    }
}

/// What a schedule is computed from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRequest {
    /// Amount lent, yuan.
    #[serde(serialize_with = "crate::money::serialize")]
    pub principal: Decimal,
    /// Nominal annual rate as a fraction (0.0345 = 3.45%).
    #[serde(serialize_with = "crate::money::serialize")]
    pub annual_rate: Decimal,
    /// Number of monthly periods.
    pub months: u32,
    /// Repayment method.
    pub method: RepaymentMethod,
}

/// One period of a schedule. `balance` is what remains after this period's principal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Period number, 1-based.
    pub period: u32,
    /// Principal + interest paid this period.
    #[serde(serialize_with = "crate::money::serialize")]
    pub payment: Decimal,
    /// Principal repaid this period.
    #[serde(serialize_with = "crate::money::serialize")]
    pub principal: Decimal,
    /// Interest charged this period.
    #[serde(serialize_with = "crate::money::serialize")]
    pub interest: Decimal,
    /// Balance after this period.
    #[serde(serialize_with = "crate::money::serialize")]
    pub balance: Decimal,
}

/// A full repayment schedule and its totals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Schedule {
    /// One row per period.
    pub rows: Vec<Row>,
    /// Sum of interest.
    #[serde(serialize_with = "crate::money::serialize")]
    pub total_interest: Decimal,
    /// Sum of payments.
    #[serde(serialize_with = "crate::money::serialize")]
    pub total_payment: Decimal,
}

impl Schedule {
    /// The balance after `period` (period 0 is disbursement, so it is the principal).
    /// Period k's interest is charged on `balance_after(k - 1)`.
    pub fn balance_after(&self, principal: Decimal, period: usize) -> Decimal {
        match period.checked_sub(1).and_then(|i| self.rows.get(i)) {
            Some(row) => row.balance,
            None => principal,
        }
    }
}

/// Check a request against the engine's limits; every error names the field.
pub fn check_request(request: &ScheduleRequest) -> Result<()> {
    limits::check_amount("$.principal", request.principal)?;
    if request.principal <= Decimal::ZERO {
        return Err(Error::new(ErrorCode::OutOfRange, "$.principal", "a principal above 0", "本金须大于 0"));
    }
    limits::check_rate("$.annual_rate", request.annual_rate)?;
    limits::check_term("$.months", request.months)
}

/// Compute a schedule.
///
/// ```
/// use prequal::schedule::{schedule, RepaymentMethod, ScheduleRequest};
/// use rust_decimal::Decimal;
/// let s = schedule(&ScheduleRequest {
///     principal: Decimal::from(15000),
///     annual_rate: "0.08".parse().unwrap(),
///     months: 60,
///     method: RepaymentMethod::EqualInstallment,
/// }).unwrap();
/// assert_eq!(s.rows[0].payment.to_string(), "304.15");
/// ```
pub fn schedule(request: &ScheduleRequest) -> Result<Schedule> {
    check_request(request)?;
    let rate = request.annual_rate / Decimal::from(12);
    let n = request.months;
    let p = round_money(request.principal);
    let rows = match request.method {
        RepaymentMethod::EqualInstallment => equal_installment(p, rate, n),
        RepaymentMethod::EqualPrincipal => equal_principal(p, rate, n),
        RepaymentMethod::InterestOnly => interest_only(p, rate, n),
    }?;
    let total_interest = round_money(rows.iter().map(|r| r.interest).sum());
    let total_payment = round_money(rows.iter().map(|r| r.payment).sum());
    Ok(Schedule { rows, total_interest, total_payment })
}

fn overflow() -> Error {
    Error::new(ErrorCode::TooLarge, "$", "amounts the engine can compute exactly", "金额过大，无法精确计算")
}

/// payment = round(P·r / (1 − (1+r)^−n)); r = 0 gives round(P/n).
pub fn level_payment(p: Decimal, rate: Decimal, n: u32) -> Result<Decimal> {
    let n_dec = Decimal::from(n);
    if rate.is_zero() {
        return p.checked_div(n_dec).map(round_money).ok_or_else(overflow);
    }
    let growth = checked_powu(Decimal::ONE + rate, n).ok_or_else(overflow)?;
    let discount = Decimal::ONE.checked_div(growth).ok_or_else(overflow)?;
    let denominator = Decimal::ONE - discount;
    let payment = p.checked_mul(rate).and_then(|x| x.checked_div(denominator)).ok_or_else(overflow)?;
    Ok(round_money(payment))
}

/// base^exp by squaring with overflow checks (Decimal's own `powu` panics on overflow).
pub(crate) fn checked_powu(base: Decimal, mut exp: u32) -> Option<Decimal> {
    let mut result = Decimal::ONE;
    let mut factor = base;
    while exp > 0 {
        if exp & 1 == 1 {
            result = result.checked_mul(factor)?;
        }
        exp >>= 1;
        if exp > 0 {
            factor = factor.checked_mul(factor)?;
        }
    }
    Some(result)
}

fn row(period: u32, principal: Decimal, interest: Decimal, balance: Decimal) -> Row {
    Row { period, payment: principal + interest, principal, interest, balance }
}

fn equal_installment(p: Decimal, rate: Decimal, n: u32) -> Result<Vec<Row>> {
    let payment = level_payment(p, rate, n)?;
    let mut balance = round_money(p);
    let mut rows = Vec::with_capacity(n as usize);
    for period in 1..=n {
        let interest = round_money(balance * rate);
        let principal = if period == n { balance } else { (payment - interest).min(balance) };
        balance -= principal;
        rows.push(row(period, principal, interest, round_money(balance)));
    }
    Ok(rows)
}

fn equal_principal(p: Decimal, rate: Decimal, n: u32) -> Result<Vec<Row>> {
    let p = round_money(p);
    let part = round_money(p / Decimal::from(n));
    let mut balance = p;
    let mut rows = Vec::with_capacity(n as usize);
    for period in 1..=n {
        let interest = round_money(balance * rate);
        let principal = if period == n { balance } else { part.min(balance) };
        balance -= principal;
        rows.push(row(period, principal, interest, round_money(balance)));
    }
    Ok(rows)
}

fn interest_only(p: Decimal, rate: Decimal, n: u32) -> Result<Vec<Row>> {
    let p = round_money(p);
    let interest = round_money(p * rate);
    let rows = (1..=n)
        .map(|period| {
            if period == n {
                row(period, p, interest, round_money(Decimal::ZERO))
            } else {
                row(period, round_money(Decimal::ZERO), interest, p)
            }
        })
        .collect();
    Ok(rows)
}

crate::json_names!(RepaymentMethod {
    "equal_installment" => RepaymentMethod::EqualInstallment,
    "equal_principal" => RepaymentMethod::EqualPrincipal,
    "interest_only" => RepaymentMethod::InterestOnly,
});

impl FromJson for ScheduleRequest {
    fn from_json(node: Node<'_>) -> crate::Result<ScheduleRequest> {
        let o = node.object(&["principal", "annual_rate", "months", "method"])?;
        Ok(ScheduleRequest {
            principal: o.req("principal")?,
            annual_rate: o.req("annual_rate")?,
            months: o.req("months")?,
            method: o.req("method")?,
        })
    }
}
