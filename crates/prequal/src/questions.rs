//! What a form must ask: the fields and declared facts each product reads, and, for a
//! product whose verdict is still open, the questions whose answers would decide it.
//!
//! A question is a key of the firm profile (`employees`, `tax_grade`, `high_tech`, the loan
//! request's `requested_amount`...) or the id of a fact the pack declares. Fields the engine
//! derives are asked through what they are derived from: the size class through the
//! industry and its figures, the partner-park check through the park, "any tech
//! qualification" through the four qualifications.

use crate::condition::{Condition, Field, FieldRef};
use crate::firm::Firm;
use crate::policy::{Policy, Product};
use crate::report::{CriterionResult, Quote, Verdict};
use crate::size::Industry;

/// One question of a form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Question {
    /// A key of the firm profile, as in its JSON (also the key of a qualification).
    Profile(&'static str),
    /// The id of a fact the pack declares.
    Fact(String),
}

impl Question {
    /// The id a form names its input by (`pq-f-<id>` in the widget).
    pub fn id(&self) -> &str {
        match self {
            Question::Profile(key) => key,
            Question::Fact(id) => id,
        }
    }
}

/// The profile's questions in the order a form asks them: the firm, its credit record, its
/// qualifications, then the loan asked for.
pub const PROFILE_ORDER: [&str; 24] = [
    "industry",
    "park",
    "employees",
    "revenue",
    "total_assets",
    "years_in_operation",
    "years_in_park",
    "tax_grade",
    "annual_tax_paid",
    "overdue_current",
    "overdue_12m",
    "overdue_24m",
    "inquiries_6m",
    "legal_rep_age",
    "specialized_national",
    "specialized_provincial",
    "high_tech",
    "tech_sme",
    "first_loan",
    "debt_ratio",
    "existing_credit_loans",
    "requested_amount",
    "term_months",
    "repayment_method",
];

/// The loan request, asked whatever the products read.
pub const REQUEST: [&str; 3] = ["requested_amount", "term_months", "repayment_method"];

/// Every field and declared fact a product reads anywhere: criteria, limit bases, uplifts,
/// caps and the deduction of existing credit loans, pricing tiers, the conditions and share
/// rules of its interest subsidies and of its guarantee's fee subsidies, and the partner-park
/// check. In document order, without repeats.
pub fn product_reads(policy: &Policy, product: &Product) -> Vec<FieldRef> {
    let mut out: Vec<FieldRef> = Vec::new();
    let mut add = |field: &FieldRef| {
        if !out.contains(field) {
            out.push(field.clone());
        }
    };
    let conditions = |list: &[Condition], add: &mut dyn FnMut(&FieldRef)| {
        list.iter().for_each(|c| c.tests(&mut |t| add(&t.field)));
    };
    for c in &product.criteria {
        c.rule.tests(&mut |t| add(&t.field));
    }
    let limit = &product.limit;
    for base in &limit.bases {
        add(&FieldRef::Builtin(base.field));
    }
    for uplift in &limit.uplifts {
        conditions(&uplift.when, &mut add);
    }
    for cap in &limit.caps {
        conditions(&cap.when, &mut add);
    }
    if limit.deduct_existing_credit_loans {
        add(&FieldRef::Builtin(Field::ExistingCreditLoans));
    }
    for tier in &product.pricing.tiers {
        conditions(&tier.when, &mut add);
    }
    let guarantee = product.guarantee.as_deref().and_then(|id| policy.guarantee_scheme(id));
    let fee_subsidies = guarantee.map(|g| g.fee_subsidies.as_slice()).unwrap_or_default();
    for scheme in product.subsidies.iter().chain(fee_subsidies).filter_map(|id| policy.subsidy_scheme(id)) {
        conditions(&scheme.conditions, &mut add);
        for rule in &scheme.shares {
            conditions(&rule.when, &mut add);
        }
    }
    if product.partner_parks_only && !policy.parks.is_empty() {
        add(&FieldRef::Builtin(Field::PartnerPark));
    }
    out
}

/// The questions that give a field: itself for what a firm states, what it is derived from
/// otherwise. The size class needs the industry and the figures its row uses (all three
/// while the industry is unknown).
pub fn questions_for(field: &FieldRef, industry: Option<Industry>) -> Vec<Question> {
    let field = match field {
        FieldRef::Declared(id) => return vec![Question::Fact(id.clone())],
        FieldRef::Builtin(field) => *field,
    };
    let keys: Vec<&'static str> = match field {
        Field::SizeClass => {
            let figures = industry.map_or(vec!["employees", "revenue", "assets"], crate::size::needed_figures);
            let figure = |name: &'static str| if name == "assets" { "total_assets" } else { name };
            std::iter::once("industry").chain(figures.into_iter().map(figure)).collect()
        }
        Field::AnyTechQualification => vec!["specialized_national", "specialized_provincial", "high_tech", "tech_sme"],
        Field::PartnerPark => vec!["park"],
        Field::LoanAmount => vec!["requested_amount"],
        other => vec![other.id()],
    };
    keys.into_iter().map(Question::Profile).collect()
}

/// Everything a form must ask for these products: what they read, expanded to questions,
/// plus the loan request; profile questions in [`PROFILE_ORDER`], then declared facts in
/// the pack's order.
pub fn form_questions<'a>(
    policy: &Policy,
    products: impl IntoIterator<Item = &'a Product>,
    industry: Option<Industry>,
) -> Vec<Question> {
    let mut wanted: Vec<Question> = REQUEST.iter().map(|key| Question::Profile(key)).collect();
    for product in products {
        for field in product_reads(policy, product) {
            for q in questions_for(&field, industry) {
                if !wanted.contains(&q) {
                    wanted.push(q);
                }
            }
        }
    }
    sort(&mut wanted, policy);
    wanted
}

/// Profile questions in form order, then facts in declaration order.
fn sort(questions: &mut [Question], policy: &Policy) {
    let position = |q: &Question| match q {
        Question::Profile(key) => PROFILE_ORDER.iter().position(|k| k == key).unwrap_or(PROFILE_ORDER.len()),
        Question::Fact(id) => PROFILE_ORDER.len() + 1 + policy.facts.iter().position(|f| &f.id == id).unwrap_or(0),
    };
    crate::sort::sort_by_key(questions, position);
}

/// Whether the firm has answered a question (a derived years-in-operation counts when the
/// founding date is given).
pub fn is_answered(firm: &Firm, question: &Question) -> bool {
    let key = match question {
        Question::Fact(id) => return firm.facts.contains_key(id),
        Question::Profile(key) => *key,
    };
    let q = &firm.qualifications;
    match key {
        "industry" => firm.industry.is_some(),
        "park" => firm.park.is_some(),
        "employees" => firm.employees.is_some(),
        "revenue" => firm.revenue.is_some(),
        "total_assets" => firm.total_assets.is_some(),
        "years_in_operation" => firm.years_in_operation.is_some() || firm.founded.is_some(),
        "years_in_park" => firm.years_in_park.is_some(),
        "tax_grade" => firm.tax_grade.is_some(),
        "annual_tax_paid" => firm.annual_tax_paid.is_some(),
        "overdue_current" => firm.overdue_current.is_some(),
        "overdue_12m" => firm.overdue_12m.is_some(),
        "overdue_24m" => firm.overdue_24m.is_some(),
        "inquiries_6m" => firm.inquiries_6m.is_some(),
        "legal_rep_age" => firm.legal_rep_age.is_some(),
        "debt_ratio" => firm.debt_ratio.is_some(),
        "existing_credit_loans" => firm.existing_credit_loans.is_some(),
        "specialized_national" => q.specialized_national.is_some(),
        "specialized_provincial" => q.specialized_provincial.is_some(),
        "high_tech" => q.high_tech.is_some(),
        "tech_sme" => q.tech_sme.is_some(),
        "first_loan" => q.first_loan.is_some(),
        "requested_amount" => firm.requested_amount.is_some(),
        "term_months" => firm.term_months.is_some(),
        "repayment_method" => firm.repayment_method.is_some(),
        _ => false,
    }
}

/// The unanswered questions whose answers would decide a quote that needs information:
/// the unknown members of its required criteria that are still open, and the figures its
/// estimated limit lacks. Empty for a quote with a final verdict.
pub fn open_questions(policy: &Policy, quote: &Quote, firm: &Firm) -> Vec<Question> {
    if quote.verdict != Verdict::NeedsInfo {
        return Vec::new();
    }
    let mut fields: Vec<FieldRef> = Vec::new();
    for c in quote.criteria.iter().filter(|c| c.required && c.status == crate::condition::Status::Unknown) {
        if c.id == "estimated_limit" && c.group.is_none() {
            fields.extend(quote.limit.missing.iter().map(|f| FieldRef::Builtin(*f)));
        } else {
            unknown_leaves(c, &mut fields);
        }
    }
    let mut out: Vec<Question> = Vec::new();
    for field in &fields {
        for q in questions_for(field, firm.industry) {
            if !is_answered(firm, &q) && !out.contains(&q) {
                out.push(q);
            }
        }
    }
    sort(&mut out, policy);
    out
}

fn unknown_leaves(result: &CriterionResult, out: &mut Vec<FieldRef>) {
    if result.branches.is_empty() {
        if !out.contains(&result.field) {
            out.push(result.field.clone());
        }
        return;
    }
    for b in result.branches.iter().filter(|b| b.status == crate::condition::Status::Unknown) {
        unknown_leaves(b, out);
    }
}

/// Questions that decide several products, most products first (ties in form order), each
/// with the number of products it helps decide.
pub fn rank_questions(policy: &Policy, per_product: &[Vec<Question>]) -> Vec<(Question, usize)> {
    let mut distinct: Vec<Question> = Vec::new();
    for q in per_product.iter().flatten() {
        if !distinct.contains(q) {
            distinct.push(q.clone());
        }
    }
    sort(&mut distinct, policy);
    let mut ranked: Vec<(Question, usize)> = distinct
        .into_iter()
        .map(|q| {
            let count = per_product.iter().filter(|list| list.contains(&q)).count();
            (q, count)
        })
        .collect();
    // A stable sort: ties keep form order.
    crate::sort::sort_by_key(&mut ranked, |(_, count)| std::cmp::Reverse(*count));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate, Policy};

    fn ids(questions: &[Question]) -> Vec<&str> {
        questions.iter().map(Question::id).collect()
    }

    #[test]
    fn the_bank_pack_asks_its_facts_and_nothing_unused() {
        let policy = Policy::from_json(include_str!("../../../examples/packs/bank-g-tech-credit.json")).unwrap();
        let asked = form_questions(&policy, &policy.products, None);
        assert_eq!(
            ids(&asked),
            [
                "years_in_operation",
                "tax_grade",
                "annual_tax_paid",
                "overdue_current",
                "high_tech",
                "tech_sme",
                "requested_amount",
                "term_months",
                "repayment_method",
                "social_insurance_staff",
                "pending_lawsuit",
                "rd_intensity",
            ]
        );
    }

    #[test]
    fn an_empty_form_is_open_on_every_product_and_answers_close_it() {
        let policy = Policy::default_pack();
        let as_of = policy.market.as_of;
        let mut firm = Firm::blank();
        let report = evaluate(&policy, &firm, as_of).unwrap();
        let open: Vec<Vec<Question>> = report.quotes.iter().map(|q| open_questions(&policy, q, &firm)).collect();
        assert!(report.quotes.iter().all(|q| q.verdict == Verdict::NeedsInfo));
        assert!(open.iter().all(|list| !list.is_empty()));
        let ranked = rank_questions(&policy, &open);
        assert!(ranked.windows(2).all(|w| w[0].1 >= w[1].1), "most products first");
        // Answering what is asked, again and again, ends with a final verdict everywhere.
        let eligible = Firm::from_json(include_str!("../../../examples/firms/eligible.json")).unwrap();
        for _ in 0..10 {
            let report = evaluate(&policy, &firm, as_of).unwrap();
            let open: Vec<Question> = report.quotes.iter().flat_map(|q| open_questions(&policy, q, &firm)).collect();
            if open.is_empty() {
                break;
            }
            for q in open {
                copy_answer(&eligible, &mut firm, &q);
            }
        }
        let report = evaluate(&policy, &firm, as_of).unwrap();
        assert!(report.quotes.iter().all(|q| q.verdict != Verdict::NeedsInfo), "{:?}", report.quotes);
    }

    fn copy_answer(from: &Firm, to: &mut Firm, q: &Question) {
        let mut value = serde_json::to_value(from).unwrap();
        let mut target = serde_json::to_value(&*to).unwrap();
        let key = q.id();
        let quals = ["specialized_national", "specialized_provincial", "high_tech", "tech_sme", "first_loan"];
        if quals.contains(&key) {
            let v = value["qualifications"].get(key).cloned().unwrap_or(serde_json::json!(false));
            target["qualifications"][key] = v;
        } else if key == "years_in_operation" && value.get("founded").is_some() {
            target["founded"] = value["founded"].take();
        } else {
            target[key] = value.get(key).cloned().unwrap_or(serde_json::json!(0));
        }
        if target["industry"].is_null() {
            target["industry"] = value["industry"].take();
        }
        *to = Firm::from_value(&target).unwrap();
    }
}
