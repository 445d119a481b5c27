//! The advisor: for the amount a firm needs, every product, term and repayment method it
//! could borrow with, the cheapest first, and the trade-off between a lower largest
//! payment and a lower total cost.
//!
//! Every option's figures are those of `evaluate`'s quote for the same firm asking for that
//! amount, term and method (a property test holds it to that); the advisor only skips what
//! it does not show: the sentences of the criteria of each candidate.

use crate::condition::Status;
use crate::date::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::evaluate::{
    estimate_limit, judge_all, loan_amount, loan_facts, not_in_force, price, quick_verdict, unpriced, Facts, Request,
};
use crate::firm::Firm;
use crate::money::round_money;
use crate::policy::{I18n, Policy, Product};
use crate::report::Verdict;
use crate::schedule::RepaymentMethod;
use rust_decimal::Decimal;
use serde::Serialize;

/// What the advisor minimises.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// The total cost after subsidies (interest + guarantee fee − subsidies).
    #[default]
    TotalCost,
    /// The annualised cost after subsidies (net APR).
    Apr,
    /// The largest scheduled payment.
    MaxPayment,
}

impl Objective {
    /// The name as written in JSON (`total_cost`, `apr`, `max_payment`).
    pub fn id(self) -> &'static str {
        match self {
            Objective::TotalCost => "total_cost",
            Objective::Apr => "apr",
            Objective::MaxPayment => "max_payment",
        }
    }

    /// Read a name: `total_cost`, `apr`, `max_payment`, or with dashes as on a command line.
    pub fn parse(text: &str) -> Option<Objective> {
        match text.trim().replace('-', "_").as_str() {
            "total_cost" => Some(Objective::TotalCost),
            "apr" => Some(Objective::Apr),
            "max_payment" => Some(Objective::MaxPayment),
            _ => None,
        }
    }
}

/// What the firm wants advice on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AdviceRequest {
    /// The amount to borrow; the firm's `requested_amount` when absent.
    pub amount: Option<Decimal>,
    /// The most the firm can pay in any one period (principal + interest).
    pub max_payment: Option<Decimal>,
    /// What to minimise.
    pub objective: Objective,
}

/// One way to borrow the amount: a product, a term and a method, with its quote's figures.
/// Serialised field by field in this order (see its `Serialize`), decimals as strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdviceOption {
    /// Product id.
    pub product: String,
    /// Term, months.
    pub term_months: u32,
    /// Repayment method.
    pub method: RepaymentMethod,
    /// Amount lent (the whole amount asked for).
    pub amount: Decimal,
    /// The quote's verdict (always eligible for an option).
    pub verdict: Verdict,
    /// Nominal annual rate.
    pub annual_rate: Decimal,
    /// Rate after interest subsidies.
    pub rate_after_subsidy: Decimal,
    /// First scheduled payment.
    pub first_payment: Decimal,
    /// Largest scheduled payment (principal + interest).
    pub max_payment: Decimal,
    /// Total interest.
    pub total_interest: Decimal,
    /// Interest subsidies received.
    pub interest_subsidy: Decimal,
    /// Guarantee fees.
    pub guarantee_fee: Decimal,
    /// Guarantee fee subsidies received.
    pub fee_subsidy: Decimal,
    /// Interest + fees.
    pub total_cost_gross: Decimal,
    /// Interest + fees − subsidies.
    pub total_cost_net: Decimal,
    /// Annualised cost without subsidies.
    pub apr_gross: Decimal,
    /// Annualised cost with subsidies.
    pub apr_net: Decimal,
    /// Position of the product in the pack (for ties); not part of the JSON.
    pub product_index: usize,
}

impl Serialize for AdviceOption {
    // By hand: twelve of its decimals in one loop, not twelve inlined field writers (the
    // derived impl was 1.3 KB of the WASM module). The JSON is what the derive wrote.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Text(Decimal);
        impl Serialize for Text {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                crate::money::serialize(&self.0, s)
            }
        }
        let mut out = serializer.serialize_struct("AdviceOption", 17)?;
        out.serialize_field("product", &self.product)?;
        out.serialize_field("term_months", &self.term_months)?;
        out.serialize_field("method", &self.method)?;
        out.serialize_field("amount", &Text(self.amount))?;
        out.serialize_field("verdict", &self.verdict)?;
        let decimals = [
            ("annual_rate", self.annual_rate),
            ("rate_after_subsidy", self.rate_after_subsidy),
            ("first_payment", self.first_payment),
            ("max_payment", self.max_payment),
            ("total_interest", self.total_interest),
            ("interest_subsidy", self.interest_subsidy),
            ("guarantee_fee", self.guarantee_fee),
            ("fee_subsidy", self.fee_subsidy),
            ("total_cost_gross", self.total_cost_gross),
            ("total_cost_net", self.total_cost_net),
            ("apr_gross", self.apr_gross),
            ("apr_net", self.apr_net),
        ];
        for (name, value) in decimals {
            out.serialize_field(name, &Text(value))?;
        }
        out.end()
    }
}

/// A product that offers no way to borrow the amount, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AdviceExcluded {
    /// Product id.
    pub product: String,
    /// Product name.
    pub name: I18n,
    /// Why, in both languages.
    pub reason: I18n,
}

/// The advice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Advice {
    /// The amount advised on.
    #[serde(serialize_with = "crate::money::serialize")]
    pub amount: Decimal,
    /// What was minimised.
    pub objective: Objective,
    /// The payment cap, if one was given.
    pub max_payment: Option<Decimal>,
    /// The best option, if any.
    pub best: Option<AdviceOption>,
    /// Every feasible option, best first.
    pub options: Vec<AdviceOption>,
    /// The options no other beats on both total cost and largest payment, by largest
    /// payment ascending: how much each step down in the monthly payment costs in total.
    pub frontier: Vec<AdviceOption>,
    /// Products with no feasible option, each with the reason.
    pub excluded: Vec<AdviceExcluded>,
}

/// Methods in the order ties are broken.
const METHOD_ORDER: [RepaymentMethod; 3] =
    [RepaymentMethod::EqualInstallment, RepaymentMethod::EqualPrincipal, RepaymentMethod::InterestOnly];

/// The terms tried for a product: every multiple of 6 months within its range, and its
/// shortest and longest term.
pub fn candidate_terms(product: &Product) -> Vec<u32> {
    let (min, max) = (product.term_min_months, product.term_max_months);
    let mut terms: Vec<u32> = (min..=max).filter(|t| t % 6 == 0 || *t == min || *t == max).collect();
    terms.dedup();
    terms
}

/// Advise a firm: every product in force on `as_of`, every candidate term and method;
/// see the module documentation.
///
/// ```
/// use prequal::advise::{advise, AdviceRequest};
/// use prequal::{Firm, Policy};
/// let policy = Policy::default_pack();
/// let firm = Firm::from_json(include_str!("../../../examples/firms/eligible.json")).unwrap();
/// let advice = advise(&policy, &firm, policy.market.as_of, &AdviceRequest::default()).unwrap();
/// let best = advice.best.unwrap();
/// assert!(advice.options.iter().all(|o| o.total_cost_net >= best.total_cost_net));
/// ```
pub fn advise(policy: &Policy, firm: &Firm, as_of: Date, request: &AdviceRequest) -> Result<Advice> {
    let amount = checked_amount(request.amount.or(firm.requested_amount), "$.amount")?;
    if let Some(cap) = request.max_payment {
        checked_amount(Some(cap), "$.max_payment")?;
    }
    let mut facts = Facts::new(policy, firm, as_of)?;
    let mut options = Vec::new();
    let mut excluded = Vec::new();
    for (index, product) in policy.products.iter().enumerate() {
        if let Some(reason) = not_in_force(product, as_of) {
            excluded.push(AdviceExcluded { product: product.id.clone(), name: product.name.clone(), reason });
            continue;
        }
        let mut outcome = ProductOutcome::default();
        for term in candidate_terms(product) {
            for method in METHOD_ORDER.into_iter().filter(|m| product.repayment_methods.contains(m)) {
                facts.request = Request { amount: Some(amount), term: Some(term), method: Some(method) };
                match candidate(policy, index, product, &facts, amount, request.max_payment) {
                    Candidate::Feasible(option) => options.push(*option),
                    other => outcome.note(other, term, method),
                }
            }
        }
        if !options.iter().any(|o| o.product_index == index) {
            excluded.push(exclusion(policy, product, &mut facts, amount, request.max_payment, outcome));
        }
    }
    let objective = request.objective;
    crate::sort::sort_by_key(&mut options, |o| key(o, objective));
    let frontier = frontier(&options);
    Ok(Advice {
        amount,
        objective,
        max_payment: request.max_payment.map(round_money),
        best: options.first().cloned(),
        options,
        frontier,
        excluded,
    })
}

fn checked_amount(amount: Option<Decimal>, path: &str) -> Result<Decimal> {
    let Some(amount) = amount else {
        return Err(Error::new(
            ErrorCode::MissingField,
            path,
            "an amount to borrow: the request's amount or the firm's requested_amount",
            "须给出借款金额：请求中的金额或企业的 requested_amount",
        ));
    };
    crate::limits::check_amount(path, amount)?;
    if amount.is_zero() {
        return Err(Error::new(ErrorCode::OutOfRange, path, "an amount above 0", "须大于 0"));
    }
    Ok(round_money(amount))
}

/// What one candidate came to.
enum Candidate {
    Feasible(Box<AdviceOption>),
    /// Not eligible (or not known to be).
    Verdict(Verdict),
    /// Eligible, but the limit is below the amount.
    Short(Option<Decimal>),
    /// Eligible for the whole amount, but a payment is over the cap: the largest payment.
    OverCap(Decimal),
    /// The costs could not be computed.
    Failed(I18n),
}

fn candidate(
    policy: &Policy,
    index: usize,
    product: &Product,
    facts: &Facts<'_>,
    amount: Decimal,
    cap: Option<Decimal>,
) -> Candidate {
    let mut loan = loan_facts(policy, product, facts);
    let limit = estimate_limit(product, facts, &loan, None);
    loan.amount = loan_amount(product, &facts.request, &limit);
    let verdict = quick_verdict(policy, product, facts, &loan, &limit);
    if verdict != Verdict::Eligible {
        return Candidate::Verdict(verdict);
    }
    if loan.amount != Some(amount) {
        return Candidate::Short(limit.amount);
    }
    let mut q = unpriced(policy, product, verdict, limit);
    price(policy, product, facts, &loan, amount, None, &mut crate::cost_cache::Fresh, &mut q);
    let (Some(l), Some(apr_gross), Some(apr_net)) = (q.loan.as_ref(), q.apr_gross, q.apr_net) else {
        let reason = q.error.map_or_else(
            || I18n { en: "the costs could not be computed".into(), zh_cn: "无法计算成本".into() },
            |e| I18n { en: e.expected_en, zh_cn: e.expected_zh },
        );
        return Candidate::Failed(reason);
    };
    let max_payment = l.schedule.rows.iter().map(|r| r.payment).max().unwrap_or(Decimal::ZERO);
    if cap.is_some_and(|cap| max_payment > cap) {
        return Candidate::OverCap(max_payment);
    }
    Candidate::Feasible(Box::new(AdviceOption {
        product: product.id.clone(),
        term_months: l.term_months,
        method: l.method,
        amount: l.amount,
        verdict,
        annual_rate: l.annual_rate,
        rate_after_subsidy: l.rate_after_subsidy,
        first_payment: l.first_payment,
        max_payment,
        total_interest: l.total_interest,
        interest_subsidy: l.interest_subsidy,
        guarantee_fee: l.guarantee_fee,
        fee_subsidy: l.fee_subsidy,
        total_cost_gross: l.total_cost_gross,
        total_cost_net: l.total_cost_net,
        apr_gross,
        apr_net,
        product_index: index,
    }))
}

/// Best first: the objective, then the lower largest payment, the shorter term, the
/// product's place in the pack, the method's place in [`METHOD_ORDER`].
fn key(o: &AdviceOption, objective: Objective) -> (Decimal, Decimal, u32, usize, usize) {
    let primary = match objective {
        Objective::TotalCost => o.total_cost_net,
        Objective::Apr => o.apr_net,
        Objective::MaxPayment => o.max_payment,
    };
    let method = METHOD_ORDER.iter().position(|m| *m == o.method).unwrap_or(METHOD_ORDER.len());
    (primary, o.max_payment, o.term_months, o.product_index, method)
}

/// The options no other beats on both total cost and largest payment, by largest payment
/// ascending. Of options equal on both, the better-ranked one stands for them.
fn frontier(ranked: &[AdviceOption]) -> Vec<AdviceOption> {
    let mut by_payment: Vec<&AdviceOption> = ranked.iter().collect();
    // Stable: equal payments keep the ranking's order.
    crate::sort::sort_by_key(&mut by_payment, |o| (o.max_payment, o.total_cost_net));
    let mut out: Vec<AdviceOption> = Vec::new();
    for o in by_payment {
        // Sorted by payment, so an option is on the frontier when it costs less in total
        // than every option with a lower or equal payment before it.
        if out.last().is_none_or(|last| o.total_cost_net < last.total_cost_net) {
            out.push(o.clone());
        }
    }
    out
}

/// What kept a product's candidates out, for its reason.
#[derive(Default)]
struct ProductOutcome {
    /// The best verdict seen short of eligible, with the term and method it was seen at.
    verdict: Option<(Verdict, u32, RepaymentMethod)>,
    /// The largest limit seen among eligible candidates short of the amount.
    short: Option<Option<Decimal>>,
    /// The lowest largest payment among candidates over the cap.
    over_cap: Option<Decimal>,
    failed: Option<I18n>,
}

impl ProductOutcome {
    fn note(&mut self, candidate: Candidate, term: u32, method: RepaymentMethod) {
        match candidate {
            Candidate::Verdict(v) => {
                if self.verdict.is_none_or(|(seen, _, _)| v < seen) {
                    self.verdict = Some((v, term, method));
                }
            }
            Candidate::Short(limit) => {
                if self.short.is_none_or(|seen| limit > seen) {
                    self.short = Some(limit);
                }
            }
            Candidate::OverCap(p) => self.over_cap = Some(self.over_cap.map_or(p, |seen| seen.min(p))),
            Candidate::Failed(reason) => self.failed = Some(reason),
            Candidate::Feasible(_) => {}
        }
    }
}

/// Why a product offers nothing: the reason closest to feasible wins (over the payment cap,
/// then a limit below the amount, then a verdict, with the criteria that decided it).
fn exclusion(
    policy: &Policy,
    product: &Product,
    facts: &mut Facts<'_>,
    amount: Decimal,
    cap: Option<Decimal>,
    outcome: ProductOutcome,
) -> AdviceExcluded {
    let money = |v: Decimal| crate::explain::amount(crate::condition::Field::LoanAmount, v);
    let reason = if let (Some(lowest), Some(cap)) = (outcome.over_cap, cap) {
        let (l, c) = (money(lowest), money(cap));
        I18n {
            en: format!("every term pays more than {} in some period (the lowest largest payment is {})", c.en, l.en),
            zh_cn: format!("各期限的最高单期还款均超过{}（最低为{}）", c.zh_cn, l.zh_cn),
        }
    } else if let Some(limit) = outcome.short {
        let asked = money(amount);
        match limit {
            Some(limit) => {
                let l = money(limit);
                I18n {
                    en: format!("the estimated limit {} is below the amount {}", l.en, asked.en),
                    zh_cn: format!("预估额度{}低于借款金额{}", l.zh_cn, asked.zh_cn),
                }
            }
            None => I18n {
                en: format!("the limit cannot be estimated, so {} is not sure to be lent", asked.en),
                zh_cn: format!("无法预估额度，不能确定可借{}", asked.zh_cn),
            },
        }
    } else if let Some((verdict, term, method)) = outcome.verdict {
        verdict_reason(policy, product, facts, amount, verdict, term, method)
    } else if let Some(failed) = outcome.failed {
        failed
    } else {
        I18n { en: "no term or method to try".into(), zh_cn: "没有可选的期限或还款方式".into() }
    };
    AdviceExcluded { product: product.id.clone(), name: product.name.clone(), reason }
}

/// "not eligible: <the failed criteria>" or "needs information: <what to provide>", from
/// the sentences of the quote at the candidate that came closest.
fn verdict_reason(
    policy: &Policy,
    product: &Product,
    facts: &mut Facts<'_>,
    amount: Decimal,
    verdict: Verdict,
    term: u32,
    method: RepaymentMethod,
) -> I18n {
    facts.request = Request { amount: Some(amount), term: Some(term), method: Some(method) };
    let mut loan = loan_facts(policy, product, facts);
    let limit = estimate_limit(product, facts, &loan, None);
    loan.amount = loan_amount(product, &facts.request, &limit);
    let criteria = judge_all(policy, product, facts, &loan, &limit);
    let wanted = if verdict == Verdict::Ineligible { Status::Fail } else { Status::Unknown };
    let open: Vec<&crate::report::CriterionResult> =
        criteria.iter().filter(|c| c.required && c.status == wanted).collect();
    let join = |pick: fn(&crate::report::CriterionResult) -> &str, sep: &str| {
        open.iter().map(|c| pick(c)).collect::<Vec<_>>().join(sep)
    };
    if verdict == Verdict::Ineligible {
        I18n {
            en: format!("not eligible: {}", join(|c| &c.message.en, "; ")),
            zh_cn: format!("不符合条件：{}", join(|c| &c.message.zh_cn, "；")),
        }
    } else {
        let hint = |c: &crate::report::CriterionResult| c.hint.as_ref().unwrap_or(&c.message).clone();
        let hints: Vec<I18n> = open.iter().map(|c| hint(c)).collect();
        I18n {
            en: format!("needs information: {}", hints.iter().map(|h| h.en.as_str()).collect::<Vec<_>>().join("; ")),
            zh_cn: format!("需补充信息：{}", hints.iter().map(|h| h.zh_cn.as_str()).collect::<Vec<_>>().join("；")),
        }
    }
}

impl crate::json::FromJson for Objective {
    fn from_json(node: crate::json::Node<'_>) -> Result<Objective> {
        let text = node.str()?;
        Objective::parse(text).ok_or_else(|| {
            node.locate(Error::new(
                ErrorCode::InvalidValue,
                "",
                format!("total_cost, apr or max_payment (or total-cost, max-payment), got \"{text}\""),
                format!("须为 total_cost、apr 或 max_payment，实际为 \"{text}\""),
            ))
        })
    }
}

/// `{"amount"?, "max_payment"?, "objective"?}`; amounts as JSON numbers or decimal strings.
impl crate::json::FromJson for AdviceRequest {
    fn from_json(node: crate::json::Node<'_>) -> Result<AdviceRequest> {
        let o = node.object(&["amount", "max_payment", "objective"])?;
        Ok(AdviceRequest {
            amount: o.opt("amount")?,
            max_payment: o.opt("max_payment")?,
            objective: o.opt("objective")?.unwrap_or_default(),
        })
    }
}
