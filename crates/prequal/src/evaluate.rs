//! The pipeline: one pure function from (pack, firm, date) to a ranked report.
//! No I/O, no clock, no randomness, so every target gives the same bytes.

use crate::apr::CashFlow;
use crate::condition::{combine, test, test_all, Condition, Fact, Field, FieldRef, Group, Op, Status, Value};
use crate::cost::{CostRequest, CostResult, GuaranteeTerms, SubsidyBasis, SubsidyTerms};
use crate::cost_cache::{CostFigures, CostSource, CostTotals, Fresh};
use crate::date::Date;
use crate::error::Result;
use crate::explain::{self, Member, Subject};
use crate::facts::Resolved;
use crate::firm::Firm;
use crate::money::{floor_to_step, round_money, round_rate};
use crate::policy::{AppliesTo, I18n, Policy, Product, RateBase, SubsidyScheme};
use crate::report::*;
use crate::schedule::{RepaymentMethod, Schedule};
use crate::size::{classify, SizeClass, SizeInput};
use crate::sourced::Sourced;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::sync::LazyLock;

/// What the evaluation knows about the firm, derived once.
pub(crate) struct Facts<'a> {
    policy: &'a Policy,
    pub(crate) firm: &'a Firm,
    years: Option<Decimal>,
    size: SizeClass,
    /// The firm's answers to the pack's declared facts, checked.
    declared: Resolved<'a>,
    /// The loan asked for: the firm's own request, or a candidate the advisor tries.
    pub(crate) request: Request,
}

/// A loan request: amount, term and method, each possibly not stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Request {
    pub(crate) amount: Option<Decimal>,
    pub(crate) term: Option<u32>,
    pub(crate) method: Option<RepaymentMethod>,
}

/// What is known about the loan being priced for one product.
pub(crate) struct LoanFacts {
    pub(crate) amount: Option<Decimal>,
    term: u32,
    method: RepaymentMethod,
    partner_park: Option<bool>,
}

impl<'a> Facts<'a> {
    /// Check the firm (and its answers to declared facts) and derive what every product uses.
    pub(crate) fn new(policy: &'a Policy, firm: &'a Firm, as_of: Date) -> Result<Facts<'a>> {
        firm.check()?;
        let declared = crate::facts::resolve(policy, firm)?;
        let size_input = SizeInput { employees: firm.employees, revenue: firm.revenue, assets: firm.total_assets };
        let size = firm.industry.map_or(SizeClass::Unknown, |industry| classify(industry, &size_input));
        let request = Request { amount: firm.requested_amount, term: firm.term_months, method: firm.repayment_method };
        Ok(Facts { policy, firm, years: firm.years_in_operation_on(as_of), size, declared, request })
    }

    /// The firm's SME size class.
    pub(crate) fn size(&self) -> SizeClass {
        self.size
    }

    fn get(&self, field: &FieldRef, loan: &LoanFacts) -> Option<Fact<'a>> {
        match field {
            FieldRef::Builtin(field) => self.builtin(*field, loan),
            FieldRef::Declared(id) => self.declared.get(self.policy, id),
        }
    }

    /// How sentences name a field and show its values.
    fn subject(&self, field: &FieldRef) -> Subject<'a> {
        match field {
            FieldRef::Builtin(field) => Subject::of(*field),
            // Validation guarantees the declaration; a generic subject keeps this total.
            FieldRef::Declared(id) => self.policy.fact(id).map_or(
                Subject { label: explain::Label { en: "", zh: "" }, ..Subject::of(Field::LoanAmount) },
                Subject::declared,
            ),
        }
    }

    fn builtin(&self, field: Field, loan: &LoanFacts) -> Option<Fact<'a>> {
        let firm = self.firm;
        let num = |v: Option<Decimal>| v.map(Fact::Number);
        let count = |v: Option<u32>| v.map(|n| Fact::Number(Decimal::from(n)));
        let q = &firm.qualifications;
        match field {
            Field::YearsInOperation => num(self.years),
            Field::YearsInPark => num(firm.years_in_park),
            Field::Employees => count(firm.employees),
            Field::Revenue => num(firm.revenue),
            Field::TotalAssets => num(firm.total_assets),
            Field::AnnualTaxPaid => num(firm.annual_tax_paid),
            Field::OverdueCurrent => count(firm.overdue_current),
            Field::Overdue12m => count(firm.overdue_12m),
            Field::Overdue24m => count(firm.overdue_24m),
            Field::Inquiries6m => count(firm.inquiries_6m),
            Field::LegalRepAge => count(firm.legal_rep_age),
            Field::DebtRatio => num(firm.debt_ratio),
            Field::ExistingCreditLoans => num(firm.existing_credit_loans),
            Field::LoanAmount => num(loan.amount),
            Field::TermMonths => Some(Fact::Number(Decimal::from(loan.term))),
            Field::TaxGrade => firm.tax_grade.map(|g| Fact::Text(g.as_str())),
            Field::Park => firm.park.as_deref().map(Fact::Text),
            Field::Industry => firm.industry.map(|i| Fact::Text(i.id())),
            Field::SizeClass => size_id(self.size).map(Fact::Text),
            Field::RepaymentMethod => Some(Fact::Text(loan.method.id())),
            Field::SpecializedNational => q.specialized_national.map(Fact::Bool),
            Field::SpecializedProvincial => q.specialized_provincial.map(Fact::Bool),
            Field::HighTech => q.high_tech.map(Fact::Bool),
            Field::TechSme => q.tech_sme.map(Fact::Bool),
            Field::FirstLoan => q.first_loan.map(Fact::Bool),
            Field::AnyTechQualification => q.any_tech().map(Fact::Bool),
            Field::PartnerPark => loan.partner_park.map(Fact::Bool),
        }
    }

    fn all(&self, conditions: &[Condition], loan: &LoanFacts) -> Status {
        test_all(conditions, |field| self.get(field, loan))
    }

    /// Facts the firm gave that the pack does not declare: ignored, and said so.
    fn warnings(&self) -> Vec<Warning> {
        let warning = |id: &&str| Warning {
            code: "undeclared_fact",
            path: format!("$.facts.{id}"),
            message: I18n {
                en: format!("\"{id}\" is not a fact this pack declares; ignored"),
                zh_cn: format!("本数据包未声明 \"{id}\"，已忽略"),
            },
        };
        self.declared.undeclared.iter().map(warning).collect()
    }
}

fn size_id(size: SizeClass) -> Option<&'static str> {
    match size {
        SizeClass::Micro => Some("micro"),
        SizeClass::Small => Some("small"),
        SizeClass::Medium => Some("medium"),
        SizeClass::Large => Some("large"),
        SizeClass::Unknown => None,
    }
}

/// Evaluate a firm against every product of a pack in force on `as_of`.
///
/// ```
/// use prequal::{evaluate, Firm, Policy};
/// let policy = Policy::default_pack();
/// let firm = Firm::from_json(r#"{"industry": "software_it", "employees": 40,
///     "revenue": 12000000, "founded": "2019-03-01", "park": "xinghe-world",
///     "tax_grade": "A", "annual_tax_paid": 400000, "overdue_current": 0,
///     "overdue_12m": 0, "overdue_24m": 0, "inquiries_6m": 2, "legal_rep_age": 45,
///     "debt_ratio": 0.4, "existing_credit_loans": 0}"#).unwrap();
/// let report = evaluate(&policy, &firm, "2026-01-15".parse().unwrap()).unwrap();
/// let best = &report.quotes[0];
/// println!("{} {:?} limit {:?} net APR {:?}", best.name.en, best.verdict, best.limit.amount, best.apr_net);
/// assert!(best.apr_net <= best.apr_gross);
/// ```
pub fn evaluate(policy: &Policy, firm: &Firm, as_of: Date) -> Result<Report> {
    let facts = Facts::new(policy, firm, as_of)?;
    let mut quotes = Vec::new();
    let mut excluded = Vec::new();
    for (index, product) in policy.products.iter().enumerate() {
        match not_in_force(product, as_of) {
            Some(reason) => excluded.push(Excluded { product: product.id.clone(), name: product.name.clone(), reason }),
            None => quotes.push(quote(policy, index, product, &facts)),
        }
    }
    rank(&mut quotes);
    Ok(Report {
        policy: PolicyInfo {
            id: policy.id.clone(),
            version: policy.version.clone(),
            name: policy.name.clone(),
            notice: policy.notice.clone(),
            content_hash: policy.content_hash(),
        },
        as_of,
        firm: FirmSummary {
            industry: firm.industry,
            industry_name: firm.industry.map(|i| I18n { zh_cn: i.name_zh().into(), en: i.name_en().into() }),
            size_class: facts.size,
            years_in_operation: facts
                .years
                .map(|y| y.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)),
        },
        market: MarketInfo {
            lpr_1y: parameter("$.market.lpr_1y", &policy.market.lpr_1y),
            lpr_5y: parameter("$.market.lpr_5y", &policy.market.lpr_5y),
            as_of: policy.market.as_of,
        },
        quotes,
        excluded,
        warnings: facts.warnings(),
    })
}

/// Only the verdict of one product, for screening many firms fast: the product's required
/// criteria and the built-in checks (partner park, term, repayment method, requested amount,
/// estimated limit), with no sentences, pricing, schedule or APR. The verdict is the one the
/// product's quote in [`evaluate`] gets. `None` when the pack has no product `product_id`
/// or the product is not in force on `as_of`.
///
/// ```
/// use prequal::{eligibility, Firm, Policy};
/// use prequal::report::Verdict;
/// let policy = Policy::default_pack();
/// let firm = Firm::from_json(r#"{"industry": "software_it", "employees": 40}"#).unwrap();
/// let as_of = "2026-02-20".parse().unwrap();
/// assert_eq!(eligibility(&policy, "park-credit-loan", &firm, as_of).unwrap(), Some(Verdict::NeedsInfo));
/// assert_eq!(eligibility(&policy, "no-such-loan", &firm, as_of).unwrap(), None);
/// ```
pub fn eligibility(policy: &Policy, product_id: &str, firm: &Firm, as_of: Date) -> Result<Option<Verdict>> {
    let facts = Facts::new(policy, firm, as_of)?;
    let Some(product) = policy.products.iter().find(|p| p.id == product_id) else {
        return Ok(None);
    };
    if not_in_force(product, as_of).is_some() {
        return Ok(None);
    }
    let mut loan = loan_facts(policy, product, &facts);
    let limit = estimate_limit(product, &facts, &loan, None);
    // As in the quote: checks that read the loan amount see the amount quoted.
    loan.amount = loan_amount(product, &facts.request, &limit);
    Ok(Some(quick_verdict(policy, product, &facts, &loan, &limit)))
}

/// The verdict of a product's checks, tested without building their results.
pub(crate) fn quick_verdict(
    policy: &Policy,
    product: &Product,
    facts: &Facts<'_>,
    loan: &LoanFacts,
    limit: &LimitDetail,
) -> Verdict {
    let mut verdict = Verdict::Eligible;
    check_statuses(policy, product, facts, loan, limit, |_, required, status| match (required, status) {
        (true, Status::Fail) => verdict = Verdict::Ineligible,
        (true, Status::Unknown) if verdict == Verdict::Eligible => verdict = Verdict::NeedsInfo,
        _ => {}
    });
    verdict
}

/// Each check's id, weight and outcome, without sentences.
pub(crate) fn check_statuses<'a>(
    policy: &Policy,
    product: &'a Product,
    facts: &Facts<'a>,
    loan: &LoanFacts,
    limit: &LimitDetail,
    mut visit: impl FnMut(&'a str, bool, Status),
) {
    checks(policy, product, facts, loan, limit, |check| {
        let judged = check.judged;
        visit(judged.id, judged.required, judged.rule.status(facts, loan));
    });
}

pub(crate) fn not_in_force(product: &Product, as_of: Date) -> Option<I18n> {
    if let Some(from) = product.effective_from.filter(|from| as_of < *from) {
        return Some(I18n { en: format!("offered from {from}"), zh_cn: format!("{from} 起办理") });
    }
    if let Some(to) = product.effective_to.filter(|to| as_of > *to) {
        return Some(I18n { en: format!("offered until {to}"), zh_cn: format!("办理截至 {to}") });
    }
    None
}

fn parameter(name: impl Into<String>, value: &Sourced) -> Parameter {
    Parameter { name: name.into(), value: value.value, source: value.source.clone() }
}

/// Best first: verdict, then net APR (unknown last), then larger limit, then id.
fn rank(quotes: &mut [Quote]) {
    crate::sort::sort_by(quotes, |a, b| rank_key(a).cmp(&rank_key(b)));
    for (i, q) in quotes.iter_mut().enumerate() {
        q.rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
    }
}

/// The order of a report's quotes: verdict, net APR (unknown last), larger limit, id.
pub(crate) fn rank_key(q: &Quote) -> impl Ord + '_ {
    (q.verdict, q.apr_net.is_none(), q.apr_net, std::cmp::Reverse(q.limit.amount.unwrap_or(Decimal::MIN)), &q.product)
}

pub(crate) fn quote(policy: &Policy, index: usize, product: &Product, facts: &Facts<'_>) -> Quote {
    let path = format!("$.products[{index}]");
    let mut loan = loan_facts(policy, product, facts);
    let mut parameters = Vec::new();
    let limit = estimate_limit(product, facts, &loan, Some((&path, &mut parameters)));
    loan.amount = loan_amount(product, &facts.request, &limit);
    let criteria = judge_all(policy, product, facts, &loan, &limit);
    let verdict = verdict(&criteria);
    let mut q = unpriced(policy, product, verdict, limit);
    q.criteria = criteria;
    q.parameters = parameters;
    if let Some(amount) = loan.amount {
        price(policy, product, facts, &loan, amount, Some(&path), &mut Fresh, &mut q);
    }
    q
}

/// A product's quote before `price` fills in the loan: its identity, verdict and limit.
pub(crate) fn unpriced(policy: &Policy, product: &Product, verdict: Verdict, limit: LimitDetail) -> Quote {
    let bank_name = policy
        .bank(&product.bank)
        .map_or_else(|| I18n { zh_cn: product.bank.clone(), en: product.bank.clone() }, |b| b.name.clone());
    Quote {
        rank: 0,
        product: product.id.clone(),
        name: product.name.clone(),
        bank: product.bank.clone(),
        bank_name,
        verdict,
        criteria: Vec::new(),
        limit,
        loan: None,
        apr_gross: None,
        apr_net: None,
        cash_flows: Vec::new(),
        subsidies: Vec::new(),
        risk_sharing: Vec::new(),
        parameters: Vec::new(),
        error: None,
    }
}

/// The loan as priced before the amount is known: term within the product's range, the
/// firm's method if the product offers it, and whether the firm's park partners the bank.
pub(crate) fn loan_facts(policy: &Policy, product: &Product, facts: &Facts<'_>) -> LoanFacts {
    let request = &facts.request;
    let method = request.method.filter(|m| product.repayment_methods.contains(m));
    LoanFacts {
        amount: None,
        term: request.term.unwrap_or(product.term_max_months).clamp(product.term_min_months, product.term_max_months),
        method: method.or(product.repayment_methods.first().copied()).unwrap_or(RepaymentMethod::EqualInstallment),
        partner_park: partner_park(policy, product, facts.firm),
    }
}

fn partner_park(policy: &Policy, product: &Product, firm: &Firm) -> Option<bool> {
    let park = firm.park.as_deref()?;
    Some(policy.park(park).is_some_and(|p| p.banks.contains(&product.bank)))
}

pub(crate) fn estimate_limit(
    product: &Product,
    facts: &Facts<'_>,
    loan: &LoanFacts,
    mut record: Option<(&str, &mut Vec<Parameter>)>,
) -> LimitDetail {
    let rules = &product.limit;
    let mut missing = Vec::new();
    let mut base: Option<(usize, Field, Decimal)> = None;
    for (i, b) in rules.bases.iter().enumerate() {
        match facts.builtin(b.field, loan) {
            Some(Fact::Number(value)) => {
                let amount = value * b.multiple.value;
                if base.is_none_or(|(_, _, best)| amount > best) {
                    base = Some((i, b.field, amount));
                }
            }
            _ => missing.push(b.field),
        }
    }
    let mut factor = Decimal::ONE;
    let mut used_uplift = None;
    for (i, uplift) in rules.uplifts.iter().enumerate() {
        if facts.all(&uplift.when, loan) == Status::Pass && uplift.factor.value > factor {
            factor = uplift.factor.value;
            used_uplift = Some((i, &uplift.factor));
        }
    }
    // Only the largest matching uplift is used, so only it is named.
    if let Some((i, f)) = used_uplift {
        note_parameter(&mut record, |path| format!("{path}.limit.uplifts[{i}].factor"), f);
    }
    let mut cap = product.amount_max.value;
    let mut cap_source: (Option<usize>, &Sourced) = (None, &product.amount_max);
    let matching_caps = rules.caps.iter().enumerate().filter(|(_, c)| facts.all(&c.when, loan) == Status::Pass);
    if let Some((i, c)) = matching_caps.max_by_key(|(_, c)| c.amount.value) {
        if c.amount.value < cap {
            cap = c.amount.value;
            cap_source = (Some(i), &c.amount);
        }
    }
    match cap_source {
        (Some(i), amount) => note_parameter(&mut record, |path| format!("{path}.limit.caps[{i}].amount"), amount),
        (None, amount) => note_parameter(&mut record, |path| format!("{path}.amount_max"), amount),
    }
    let gross = match base {
        Some((i, _, amount)) => {
            if let Some(b) = rules.bases.get(i) {
                note_parameter(&mut record, |path| format!("{path}.limit.bases[{i}].multiple"), &b.multiple);
            }
            Some((amount * factor).min(cap))
        }
        None if rules.bases.is_empty() => Some(cap),
        None => None,
    };
    let deducted =
        if rules.deduct_existing_credit_loans { facts.firm.existing_credit_loans } else { Some(Decimal::ZERO) };
    if deducted.is_none() && gross.is_some() {
        missing.push(Field::ExistingCreditLoans);
    }
    let step = rules.step.as_ref().map_or(Decimal::ZERO, |s| s.value);
    if let Some(s) = &rules.step {
        note_parameter(&mut record, |path| format!("{path}.limit.step"), s);
    }
    let amount = gross.zip(deducted).map(|(g, d)| round_money(floor_to_step((g - d).max(Decimal::ZERO), step)));
    if amount.is_some() {
        missing.clear();
    }
    LimitDetail {
        amount,
        missing,
        base: base.map(|(_, field, amount)| (field, round_money(amount))),
        factor,
        cap: round_money(cap),
        deducted: round_money(deducted.unwrap_or_default()),
    }
}

/// Record a parameter the quote used, when the caller keeps them (`evaluate` does;
/// `eligibility` does not, so it builds no names).
fn note_parameter(
    record: &mut Option<(&str, &mut Vec<Parameter>)>,
    name: impl FnOnce(&str) -> String,
    value: &Sourced,
) {
    if let Some((path, params)) = record {
        params.push(parameter(name(path), value));
    }
}

/// The request within the limit; the limit when nothing was requested; the request
/// (within the product maximum) when the limit is unknown.
pub(crate) fn loan_amount(product: &Product, request: &Request, limit: &LimitDetail) -> Option<Decimal> {
    let amount = match (request.amount, limit.amount) {
        (Some(r), Some(l)) => r.min(l),
        (None, Some(l)) => l,
        (Some(r), None) => r.min(product.amount_max.value),
        (None, None) => return None,
    };
    (amount > Decimal::ZERO).then(|| round_money(amount))
}

/// A check as the report states it.
struct Judged<'a> {
    id: &'a str,
    rule: Rule<'a>,
    required: bool,
    label: Option<&'a I18n>,
    source: Option<&'a String>,
}

/// What a check tests: one fact (given, since built-in checks test figures of their own,
/// such as the term asked for rather than the term priced), or a group of the pack's.
enum Rule<'a> {
    Leaf { field: Cow<'a, FieldRef>, op: Op, threshold: Cow<'a, Value>, fact: Option<Fact<'a>> },
    Group(Group, &'a [Condition]),
}

impl Rule<'_> {
    fn status(&self, facts: &Facts<'_>, loan: &LoanFacts) -> Status {
        match self {
            Rule::Leaf { op, threshold, fact, .. } => test(*fact, *op, threshold),
            Rule::Group(group, members) => {
                combine(*group, members.iter().map(|c| c.status(&|field| facts.get(field, loan))))
            }
        }
    }
}

fn judge(j: Judged<'_>, facts: &Facts<'_>, loan: &LoanFacts) -> CriterionResult {
    let source = j.source.cloned();
    match j.rule {
        Rule::Leaf { field, op, threshold, fact } => {
            let mut subject = facts.subject(&field);
            if let Some(label) = j.label {
                subject = subject.named(explain::Label::custom(label));
            }
            let mut result = leaf(j.id.to_string(), field.into_owned(), op, threshold, fact, subject);
            result.required = j.required;
            result.source = source;
            result
        }
        Rule::Group(group, members) => {
            let mut result = group_result(j.id, group, members, j.label, facts, loan);
            set_required(&mut result, j.required);
            result.source = source;
            result
        }
    }
}

fn set_required(result: &mut CriterionResult, required: bool) {
    result.required = required;
    result.branches.iter_mut().for_each(|b| set_required(b, required));
}

/// The outcome of one test, with its sentences.
fn leaf(
    id: String,
    field: FieldRef,
    op: Op,
    threshold: Cow<'_, Value>,
    fact: Option<Fact<'_>>,
    subject: Subject<'_>,
) -> CriterionResult {
    let status = test(fact, op, &threshold);
    let observed = fact.map(Fact::to_value);
    let gap = explain::gap(op, &threshold, observed.as_ref(), status);
    CriterionResult {
        id,
        field,
        op,
        message: explain::message(&subject, op, &threshold, observed.as_ref()),
        hint: explain::hint(&subject, op, &threshold, gap, status),
        gap,
        threshold: threshold.into_owned(),
        observed,
        status,
        required: true,
        source: None,
        group: None,
        branches: Vec::new(),
    }
}

/// The outcome of a group: each member's (ids `<id>.1`, `<id>.2`...), the group's status,
/// and the member that decided it standing in for the group's field, threshold and value.
fn group_result(
    id: &str,
    group: Group,
    members: &[Condition],
    label: Option<&I18n>,
    facts: &Facts<'_>,
    loan: &LoanFacts,
) -> CriterionResult {
    let branches: Vec<CriterionResult> = members
        .iter()
        .enumerate()
        .map(|(i, member)| {
            let member_id = format!("{id}.{}", i + 1);
            match member {
                Condition::Test(t) => {
                    let fact = facts.get(&t.field, loan);
                    leaf(member_id, t.field.clone(), t.op, Cow::Borrowed(&t.value), fact, facts.subject(&t.field))
                }
                Condition::AnyOf(list) => group_result(&member_id, Group::AnyOf, list, None, facts, loan),
                Condition::AllOf(list) => group_result(&member_id, Group::AllOf, list, None, facts, loan),
            }
        })
        .collect();
    let status = combine(group, branches.iter().map(|b| b.status));
    // The member that decided: the first pass of any_of, the first fail of all_of; none when
    // every member had to be looked at (a failed any_of, a met all_of) or it is undecided.
    let decider = match (group, status) {
        (Group::AnyOf, Status::Pass) => branches.iter().find(|b| b.status == Status::Pass),
        (Group::AllOf, Status::Fail) => branches.iter().find(|b| b.status == Status::Fail),
        _ => None,
    };
    let phrases = member_phrases(members, facts);
    let message =
        explain::group_message(group, &phrases, label.map(explain::Label::custom), status, decider.map(|d| &d.message));
    // What would change it: any member of a failed any_of; the failed members of an
    // all_of; the members not yet known of an undecided group.
    let hints: Vec<&I18n> = branches.iter().filter(|b| b.status == status).filter_map(|b| b.hint.as_ref()).collect();
    let hint = explain::group_hint(group, status, &hints);
    let stand_in = decider.or_else(|| branches.iter().find(|b| b.status == status)).or(branches.first());
    CriterionResult {
        id: id.to_string(),
        field: stand_in.map_or(FieldRef::Builtin(Field::LoanAmount), |b| b.field.clone()),
        op: stand_in.map_or(Op::Eq, |b| b.op),
        threshold: stand_in.map_or(Value::Bool(true), |b| b.threshold.clone()),
        observed: stand_in.and_then(|b| b.observed.clone()),
        gap: decider.and_then(|b| b.gap),
        status,
        required: true,
        message,
        hint,
        source: None,
        group: Some(group),
        branches,
    }
}

fn member_phrases<'a>(members: &'a [Condition], facts: &Facts<'a>) -> Vec<Member<'a>> {
    members
        .iter()
        .map(|m| match m {
            Condition::Test(t) => Member::Test { subject: facts.subject(&t.field), op: t.op, threshold: &t.value },
            Condition::AnyOf(list) => Member::Group(Group::AnyOf, member_phrases(list, facts)),
            Condition::AllOf(list) => Member::Group(Group::AllOf, member_phrases(list, facts)),
        })
        .collect()
}

pub(crate) fn judge_all(
    policy: &Policy,
    product: &Product,
    facts: &Facts<'_>,
    loan: &LoanFacts,
    limit: &LimitDetail,
) -> Vec<CriterionResult> {
    let mut out: Vec<CriterionResult> = Vec::new();
    checks(policy, product, facts, loan, limit, |check| {
        let mut result = judge(check.judged, facts, loan);
        result.hint = match check.origin {
            Origin::Pack
                if result.field == Field::SizeClass && result.status == Status::Unknown && result.group.is_none() =>
            {
                Some(size_figures_hint(facts.firm))
            }
            Origin::PartnerPark if result.status != Status::Pass => Some(partner_parks_hint(policy, &product.bank)),
            Origin::Limit if result.status == Status::Unknown => Some(missing_figures_hint(&limit.missing)),
            _ => result.hint,
        };
        out.push(result);
    });
    out
}

/// Where a check comes from, for the hints only some of them get.
#[derive(Clone, Copy)]
enum Origin {
    /// A criterion of the pack.
    Pack,
    /// The firm's park must partner the bank.
    PartnerPark,
    /// The estimated limit must reach the smallest loan.
    Limit,
    /// Term, method and the amount asked for.
    Request,
}

/// One check of a product's quote.
struct Check<'a> {
    judged: Judged<'a>,
    origin: Origin,
}

/// Every check of a product's quote, in report order: the pack's criteria, then the
/// built-in ones (partner park, term, method, amount asked for, estimated limit). Both the
/// report (`judge_all`) and `eligibility` go through this one list.
fn checks<'a>(
    policy: &Policy,
    product: &'a Product,
    facts: &Facts<'a>,
    loan: &LoanFacts,
    limit: &LimitDetail,
    mut visit: impl FnMut(Check<'a>),
) {
    for c in &product.criteria {
        let rule = match &c.rule {
            Condition::Test(t) => Rule::Leaf {
                field: Cow::Borrowed(&t.field),
                op: t.op,
                threshold: Cow::Borrowed(&t.value),
                fact: facts.get(&t.field, loan),
            },
            Condition::AnyOf(list) => Rule::Group(Group::AnyOf, list),
            Condition::AllOf(list) => Rule::Group(Group::AllOf, list),
        };
        let judged =
            Judged { id: &c.id, rule, required: c.required, label: c.label.as_ref(), source: c.source.as_ref() };
        visit(Check { judged, origin: Origin::Pack });
    }
    let builtin = |id, field: Field, op, threshold, origin, fact| Check {
        judged: Judged {
            id,
            rule: Rule::Leaf {
                field: Cow::Owned(FieldRef::Builtin(field)),
                op,
                threshold: Cow::Owned(threshold),
                fact,
            },
            required: true,
            label: None,
            source: None,
        },
        origin,
    };
    if product.partner_parks_only && !policy.parks.is_empty() {
        let fact = facts.builtin(Field::PartnerPark, loan);
        visit(builtin("partner_park", Field::PartnerPark, Op::Eq, Value::Bool(true), Origin::PartnerPark, fact));
    }
    let request = &facts.request;
    if let Some(term) = request.term {
        let term = Some(Fact::Number(Decimal::from(term)));
        let min = Value::Number(product.term_min_months.into());
        visit(builtin("term_min", Field::TermMonths, Op::Gte, min, Origin::Request, term));
        let max = Value::Number(product.term_max_months.into());
        visit(builtin("term_max", Field::TermMonths, Op::Lte, max, Origin::Request, term));
    }
    if let Some(method) = request.method {
        let offered = Value::List(product.repayment_methods.iter().map(|m| m.id().to_string()).collect());
        let fact = Some(Fact::Text(method.id()));
        visit(builtin("repayment_method", Field::RepaymentMethod, Op::In, offered, Origin::Request, fact));
    }
    let amount_min = || Value::Number(product.amount_min.value);
    if let Some(requested) = request.amount {
        let fact = Some(Fact::Number(requested));
        visit(builtin("loan_amount_min", Field::LoanAmount, Op::Gte, amount_min(), Origin::Request, fact));
    }
    let mut check = builtin(
        "estimated_limit",
        Field::LoanAmount,
        Op::Gte,
        amount_min(),
        Origin::Limit,
        limit.amount.map(Fact::Number),
    );
    check.judged.label = Some(&LIMIT_LABEL);
    visit(check);
}

/// The estimated limit's label in the report.
static LIMIT_LABEL: LazyLock<I18n> =
    LazyLock::new(|| I18n { zh_cn: "预估额度".into(), en: "estimated limit".into() });

/// "provide revenue, total assets" for an estimated limit that lacks figures.
fn missing_figures_hint(missing: &[Field]) -> I18n {
    let names: Vec<I18n> = missing.iter().map(|f| explain::label(*f)).collect();
    let join = |sep: &str, pick: fn(&I18n) -> &str| names.iter().map(pick).collect::<Vec<_>>().join(sep);
    I18n { en: format!("provide {}", join(", ", |n| &n.en)), zh_cn: format!("请提供{}", join("、", |n| &n.zh_cn)) }
}

/// The size class is not something a firm states: ask for the figures its industry needs.
fn size_figures_hint(firm: &Firm) -> I18n {
    let Some(industry) = firm.industry else {
        return missing_figures_hint(&[Field::Industry]);
    };
    let missing: Vec<I18n> = crate::size::needed_figures(industry)
        .into_iter()
        .filter_map(|figure| match figure {
            "employees" if firm.employees.is_none() => Some(Field::Employees),
            "revenue" if firm.revenue.is_none() => Some(Field::Revenue),
            "assets" if firm.total_assets.is_none() => Some(Field::TotalAssets),
            _ => None,
        })
        .map(explain::label)
        .collect();
    let join = |sep: &str, pick: fn(&I18n) -> &str| missing.iter().map(pick).collect::<Vec<_>>().join(sep);
    I18n { en: format!("provide {}", join(", ", |n| &n.en)), zh_cn: format!("请提供{}", join("、", |n| &n.zh_cn)) }
}

/// Which parks the bank partners with: what would make a firm's park qualify.
fn partner_parks_hint(policy: &Policy, bank: &str) -> I18n {
    let parks: Vec<&I18n> =
        policy.parks.iter().filter(|p| p.banks.iter().any(|b| b == bank)).map(|p| &p.name).collect();
    let zh: Vec<&str> = parks.iter().map(|n| n.zh_cn.as_str()).collect();
    let en: Vec<&str> = parks.iter().map(|n| n.en.as_str()).collect();
    I18n {
        en: format!("offered to firms registered in: {}", en.join("; ")),
        zh_cn: format!("适用园区：{}", zh.join("、")),
    }
}

fn verdict(criteria: &[CriterionResult]) -> Verdict {
    let required = criteria.iter().filter(|c| c.required);
    let statuses: Vec<Status> = required.map(|c| c.status).collect();
    if statuses.contains(&Status::Fail) {
        Verdict::Ineligible
    } else if statuses.contains(&Status::Unknown) {
        Verdict::NeedsInfo
    } else {
        Verdict::Eligible
    }
}

/// Annual rate: base LPR + first matching tier's spread, within floor and cap.
fn annual_rate(
    policy: &Policy,
    product: &Product,
    facts: &Facts<'_>,
    loan: &LoanFacts,
    record: &mut Option<(&str, &mut Vec<Parameter>)>,
) -> Decimal {
    let pricing = &product.pricing;
    let (base, base_name) = match pricing.base {
        RateBase::Lpr1y => (&policy.market.lpr_1y, "$.market.lpr_1y"),
        RateBase::Lpr5y => (&policy.market.lpr_5y, "$.market.lpr_5y"),
    };
    note_parameter(record, |_| base_name.to_string(), base);
    let mut rate = base.value;
    let tier = pricing.tiers.iter().enumerate().find(|(_, t)| facts.all(&t.when, loan) == Status::Pass);
    if let Some((i, t)) = tier {
        rate += t.spread.value;
        note_parameter(record, |path| format!("{path}.pricing.tiers[{i}].spread"), &t.spread);
    }
    if let Some(floor) = pricing.floor.as_ref().filter(|f| rate < f.value) {
        rate = floor.value;
        note_parameter(record, |path| format!("{path}.pricing.floor"), floor);
    }
    if let Some(cap) = pricing.cap.as_ref().filter(|c| rate > c.value) {
        rate = cap.value;
        note_parameter(record, |path| format!("{path}.pricing.cap"), cap);
    }
    // A negative spread can only reach below zero through a pack without a floor.
    rate.max(Decimal::ZERO)
}

/// A scheme as it applies to this firm: its status, its terms if it applies, and which share
/// rule gave the share.
struct AppliedScheme {
    status: Status,
    terms: Option<SubsidyTerms>,
    rule: Option<usize>,
}

/// Resolve a scheme for this firm: its status and, if it applies, its terms.
fn resolve_subsidy(scheme: &SubsidyScheme, facts: &Facts<'_>, loan: &LoanFacts) -> AppliedScheme {
    let mut status = facts.all(&scheme.conditions, loan);
    let share = match scheme.basis {
        SubsidyBasis::Points => None,
        SubsidyBasis::Share => {
            let mut unknown = false;
            let found = scheme.shares.iter().enumerate().find(|(_, rule)| match facts.all(&rule.when, loan) {
                Status::Pass => true,
                Status::Unknown => {
                    unknown = true;
                    false
                }
                Status::Fail => false,
            });
            match found {
                Some((i, rule)) => Some((i, rule.share.value)),
                None => {
                    if status == Status::Pass {
                        status = if unknown { Status::Unknown } else { Status::Fail };
                    }
                    None
                }
            }
        }
    };
    if status != Status::Pass {
        return AppliedScheme { status, terms: None, rule: None };
    }
    let value = |s: &Option<Sourced>| s.as_ref().map(|s| s.value);
    let terms = SubsidyTerms {
        basis: scheme.basis,
        share: share.map(|(_, v)| v),
        points: value(&scheme.points),
        counted_rate_cap: value(&scheme.counted_rate_cap),
        cap_per_year: value(&scheme.cap_per_year),
        max_years: scheme.max_years,
        timing: scheme.timing,
    };
    AppliedScheme { status: Status::Pass, terms: Some(terms), rule: share.map(|(i, _)| i) }
}

// Eight arguments: the cost source joined the seven. Kept flat, not bundled: this function's
// shape decides what is inlined on the SDK's path, and the SDK is 117 B under its gate.
#[allow(clippy::too_many_arguments)]
pub(crate) fn price(
    policy: &Policy,
    product: &Product,
    facts: &Facts<'_>,
    loan: &LoanFacts,
    amount: Decimal,
    path: Option<&str>,
    source: &mut impl CostSource,
    q: &mut Quote,
) {
    // The parameters used, named by their JSON paths, when the caller shows them (`evaluate`);
    // the advisor and screening pass no path and build none of those names. Screening's
    // costs come from a cache: its quotes keep only the totals (no schedule, fee payments or
    // cash flows).
    let mut params = std::mem::take(&mut q.parameters);
    let mut record = path.map(|path| (path, &mut params));
    let rate = annual_rate(policy, product, facts, loan, &mut record);
    let scheme = product.guarantee.as_deref().and_then(|id| policy.guarantee_scheme(id));
    let guarantee = scheme.map(|g| GuaranteeTerms { fee_rate: g.fee_rate.value, timing: g.timing });
    if let Some((i, g)) = product
        .guarantee
        .as_deref()
        .and_then(|id| policy.guarantee_schemes.iter().enumerate().find(|(_, g)| g.id == id))
    {
        note_parameter(&mut record, |_| format!("$.guarantee_schemes[{i}].fee_rate"), &g.fee_rate);
    }
    let interest_ids = product.subsidies.iter();
    let fee_ids = scheme.map(|g| g.fee_subsidies.as_slice()).unwrap_or_default().iter();
    let mut request = CostRequest {
        principal: amount,
        annual_rate: rate,
        months: loan.term,
        method: loan.method,
        guarantee,
        interest_subsidies: Vec::new(),
        fee_subsidies: Vec::new(),
    };
    // (outcome index, applies_to) for each applied scheme, in request order.
    let mut applied: Vec<usize> = Vec::new();
    for id in interest_ids.chain(fee_ids) {
        let Some((i, scheme)) = policy.subsidy_schemes.iter().enumerate().find(|(_, s)| s.id == *id) else {
            continue;
        };
        let AppliedScheme { status, terms, rule } = resolve_subsidy(scheme, facts, loan);
        if let Some(terms) = terms {
            applied.push(q.subsidies.len());
            subsidy_parameters(i, scheme, rule, &mut record);
            match scheme.applies_to {
                AppliesTo::Interest => request.interest_subsidies.push(terms),
                AppliesTo::GuaranteeFee => request.fee_subsidies.push(terms),
            }
        }
        q.subsidies.push(SubsidyOutcome {
            scheme: scheme.id.clone(),
            name: scheme.name.clone(),
            provider: scheme.provider.clone(),
            applies_to: scheme.applies_to,
            status,
            share: terms.and_then(|t| t.share),
            points: terms.and_then(|t| t.points),
            timing: scheme.timing,
            total: round_money(Decimal::ZERO),
            payments: Vec::new(),
        });
    }
    q.parameters = params;
    source.price_into(q, &request, &applied, scheme);
}

/// Who carries a default of the loan: the guarantee scheme's shares, or without a guarantee
/// the bank alone (so every loan's risk is counted).
#[inline(always)]
pub(crate) fn with_risk<T>(
    scheme: Option<&crate::policy::GuaranteeScheme>,
    q: &mut Quote,
    f: impl FnOnce(&mut Quote, &[crate::policy::RiskShare]) -> T,
) -> T {
    match scheme {
        Some(g) => f(q, &g.risk_sharing),
        None => {
            let bank = [crate::policy::RiskShare {
                party: q.bank_name.clone(),
                role: crate::policy::Role::Bank,
                share: Sourced::bare(Decimal::ONE),
            }];
            f(q, &bank)
        }
    }
}

fn subsidy_parameters(
    index: usize,
    scheme: &SubsidyScheme,
    rule: Option<usize>,
    record: &mut Option<(&str, &mut Vec<Parameter>)>,
) {
    let Some((_, params)) = record else { return };
    let path = format!("$.subsidy_schemes[{index}]");
    if let Some((i, rule)) = rule.and_then(|i| scheme.shares.get(i).map(|r| (i, r))) {
        params.push(parameter(format!("{path}.shares[{i}].share"), &rule.share));
    }
    for (name, value) in [
        ("points", &scheme.points),
        ("counted_rate_cap", &scheme.counted_rate_cap),
        ("cap_per_year", &scheme.cap_per_year),
    ] {
        if let Some(v) = value {
            params.push(parameter(format!("{path}.{name}"), v));
        }
    }
}

/// Fill a priced quote from the loan's whole costs (`evaluate`, `advise`).
#[inline(always)]
pub(crate) fn fill(
    q: &mut Quote,
    request: &CostRequest,
    result: CostResult,
    applied: &[usize],
    risk: &[crate::policy::RiskShare],
) {
    let paid = result.interest_subsidies.iter().chain(&result.fee_subsidies);
    for (slot, outcome) in applied.iter().zip(paid) {
        if let Some(s) = q.subsidies.get_mut(*slot) {
            s.total = outcome.total;
            s.payments = outcome.payments.clone();
        }
    }
    // As fill_loan, written out: the SDK's module is ~110 B gzip smaller than with a call to
    // fill_loan, and it has 117 B to spare under its gate.
    let interest = result.schedule.total_interest;
    let rate_after = if interest.is_zero() {
        request.annual_rate
    } else {
        request.annual_rate * (interest - result.interest_subsidy_total) / interest
    };
    let gross_cost = round_money(interest + result.guarantee_fee_total);
    q.apr_gross = Some(result.apr_gross);
    q.apr_net = Some(result.apr_net);
    q.cash_flows = result.cash_flows_net;
    q.risk_sharing = split_risk(request.principal, risk);
    q.loan = Some(Loan {
        amount: round_money(request.principal),
        term_months: request.months,
        method: request.method,
        annual_rate: round_rate(request.annual_rate),
        rate_after_subsidy: round_rate(rate_after),
        first_payment: result.schedule.rows.first().map_or(Decimal::ZERO, |r| r.payment),
        total_interest: interest,
        interest_subsidy: result.interest_subsidy_total,
        guarantee_fee_rate: request.guarantee.map(|g| g.fee_rate),
        guarantee_fee_timing: request.guarantee.map(|g| g.timing),
        guarantee_fee: result.guarantee_fee_total,
        fee_subsidy: result.fee_subsidy_total,
        guarantee_fee_net: round_money(result.guarantee_fee_total - result.fee_subsidy_total),
        total_cost_gross: gross_cost,
        total_cost_net: round_money(gross_cost - result.interest_subsidy_total - result.fee_subsidy_total),
        schedule: result.schedule,
        guarantee_fees: result.guarantee_fees,
        cash_flows_gross: result.cash_flows_gross,
    });
}

/// Fill a priced quote from its cost figures only (screening): no schedule rows, fee or
/// subsidy payments or cash flows.
pub(crate) fn fill_figures(
    q: &mut Quote,
    request: &CostRequest,
    figures: &CostFigures,
    applied: &[usize],
    risk: &[crate::policy::RiskShare],
) {
    for (slot, total) in applied.iter().zip(&figures.subsidy_totals) {
        if let Some(s) = q.subsidies.get_mut(*slot) {
            s.total = *total;
        }
    }
    let t = &figures.totals;
    let schedule = Schedule { rows: Vec::new(), total_interest: t.total_interest, total_payment: Decimal::ZERO };
    fill_loan(q, request, t, risk, (schedule, Vec::new(), Vec::new()));
}

/// The quote's loan, APRs and risk split from the cost totals; `details` are the schedule,
/// the fee payments and the gross cash flows.
fn fill_loan(
    q: &mut Quote,
    request: &CostRequest,
    t: &CostTotals,
    risk: &[crate::policy::RiskShare],
    details: (Schedule, Vec<CashFlow>, Vec<CashFlow>),
) {
    let (schedule, guarantee_fees, cash_flows_gross) = details;
    let interest = t.total_interest;
    let rate_after = if interest.is_zero() {
        request.annual_rate
    } else {
        request.annual_rate * (interest - t.interest_subsidy_total) / interest
    };
    let gross_cost = round_money(interest + t.guarantee_fee_total);
    q.apr_gross = Some(t.apr_gross);
    q.apr_net = Some(t.apr_net);
    q.risk_sharing = split_risk(request.principal, risk);
    q.loan = Some(Loan {
        amount: round_money(request.principal),
        term_months: request.months,
        method: request.method,
        annual_rate: round_rate(request.annual_rate),
        rate_after_subsidy: round_rate(rate_after),
        first_payment: t.first_payment,
        total_interest: interest,
        interest_subsidy: t.interest_subsidy_total,
        guarantee_fee_rate: request.guarantee.map(|g| g.fee_rate),
        guarantee_fee_timing: request.guarantee.map(|g| g.timing),
        guarantee_fee: t.guarantee_fee_total,
        fee_subsidy: t.fee_subsidy_total,
        guarantee_fee_net: round_money(t.guarantee_fee_total - t.fee_subsidy_total),
        total_cost_gross: gross_cost,
        total_cost_net: round_money(gross_cost - t.interest_subsidy_total - t.fee_subsidy_total),
        schedule,
        guarantee_fees,
        cash_flows_gross,
    });
}

/// Each party's part of a default of the whole principal; the last party takes the
/// rounding remainder so the parts add up to the principal exactly.
pub fn split_risk(principal: Decimal, shares: &[crate::policy::RiskShare]) -> Vec<RiskPart> {
    let principal = round_money(principal);
    let mut left = principal;
    let last = shares.len().saturating_sub(1);
    shares
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let amount = if i == last { left } else { round_money(principal * s.share.value) };
            left -= amount;
            RiskPart { party: s.party.clone(), role: s.role, share: s.share.value, amount: round_money(amount) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRMS: [&str; 5] = [
        include_str!("../../../examples/firms/eligible.json"),
        include_str!("../../../examples/firms/needs-info.json"),
        include_str!("../../../examples/firms/ineligible.json"),
        include_str!("../../../examples/firms/longhua-tenant.json"),
        include_str!("../../../examples/firms/dayun-startup.json"),
    ];

    /// Variations on the typical firm that reach each built-in check and each kind of verdict.
    const EDITS: [&str; 10] = [
        r#"{}"#,
        r#"{"park": null}"#,
        r#"{"park": "somewhere-else"}"#,
        r#"{"term_months": 48}"#,
        r#"{"term_months": 3, "repayment_method": "equal_principal"}"#,
        r#"{"requested_amount": 50000}"#,
        r#"{"existing_credit_loans": 9000000}"#,
        r#"{"existing_credit_loans": null, "tax_grade": null}"#,
        r#"{"revenue": null, "annual_tax_paid": null, "employees": 500}"#,
        r#"{"founded": "2025-06-01", "overdue_current": 1, "legal_rep_age": null}"#,
    ];

    fn firms() -> Vec<Firm> {
        let mut out: Vec<Firm> = FIRMS.iter().map(|text| Firm::from_json(text).unwrap()).collect();
        let base: serde_json::Value = serde_json::from_str(FIRMS[0]).unwrap();
        for edit in EDITS {
            let mut firm = base.clone();
            let changes: serde_json::Map<String, serde_json::Value> = serde_json::from_str(edit).unwrap();
            for (key, value) in changes {
                if value.is_null() {
                    firm.as_object_mut().unwrap().remove(&key);
                } else {
                    firm[key] = value;
                }
            }
            out.push(Firm::from_json(&firm.to_string()).unwrap());
        }
        out
    }

    #[test]
    fn eligibility_gives_the_verdict_of_the_quote() {
        let packs = [
            Policy::default_pack(),
            Policy::from_json(include_str!("../../../examples/packs/longhua-bank-mix.json")).unwrap(),
        ];
        let mut verdicts = std::collections::HashSet::new();
        for policy in &packs {
            let as_of = policy.market.as_of;
            for firm in firms() {
                let report = evaluate(policy, &firm, as_of).unwrap();
                for q in &report.quotes {
                    assert_eq!(
                        eligibility(policy, &q.product, &firm, as_of).unwrap(),
                        Some(q.verdict),
                        "{}",
                        q.product
                    );
                    verdicts.insert(q.verdict);
                }
                for x in &report.excluded {
                    assert_eq!(eligibility(policy, &x.product, &firm, as_of).unwrap(), None);
                }
            }
        }
        assert_eq!(verdicts.len(), 3, "the firms reach every verdict");
        let firm = firms().remove(0);
        assert_eq!(eligibility(&packs[0], "no-such-product", &firm, packs[0].market.as_of).unwrap(), None);
    }

    #[test]
    fn parameters_name_only_what_was_used() {
        let policy = Policy::from_json(include_str!("../../../examples/packs/bank-g-tech-credit.json")).unwrap();
        let mut firm = Firm::from_json(include_str!("../../../examples/firms/bank-g-applicant.json")).unwrap();
        firm.facts.insert("rd_intensity".into(), crate::facts::FactValue::Text("above_6".into()));
        let report = evaluate(&policy, &firm, policy.market.as_of).unwrap();
        let names: Vec<&str> = report.quotes[0].parameters.iter().map(|p| p.name.as_str()).collect();
        // Both uplifts match; only the larger (1.5) is applied, so only it is named.
        assert!(names.contains(&"$.products[0].limit.uplifts[1].factor"), "{names:?}");
        assert!(!names.contains(&"$.products[0].limit.uplifts[0].factor"), "{names:?}");
        assert_eq!(report.quotes[0].limit.factor, Decimal::new(15, 1));
    }

    #[test]
    fn a_share_rule_is_named_by_its_place_not_its_value() {
        let mut policy = Policy::default_pack();
        // Two rules with the same share: the second matches this firm.
        let scheme = policy.subsidy_schemes.iter_mut().find(|s| s.id == "sz-tech-interest").unwrap();
        scheme.shares[0].share.value = scheme.shares[1].share.value;
        policy.prepare().unwrap();
        let mut firm = firms().remove(0);
        firm.qualifications.first_loan = Some(false);
        let report = evaluate(&policy, &firm, policy.market.as_of).unwrap();
        let q = report.quotes.iter().find(|q| q.product == "tech-sme-loan").unwrap();
        let index = policy.subsidy_schemes.iter().position(|s| s.id == "sz-tech-interest").unwrap();
        let names: Vec<&str> = q.parameters.iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&format!("$.subsidy_schemes[{index}].shares[1].share").as_str()), "{names:?}");
        assert!(!names.contains(&format!("$.subsidy_schemes[{index}].shares[0].share").as_str()), "{names:?}");
    }
}
