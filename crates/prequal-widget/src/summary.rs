//! What the host page hears: the `prequal:result` and `prequal:apply` event details, and
//! the sentence the live region announces. Amounts and rates are the engine's decimal
//! strings, exactly (`"3000000.00"`, `"0.036500"`), so a host can pass them on unchanged.

use crate::format;
use crate::i18n::{self, fill, T};
use prequal::report::{Quote, Report, Verdict};
use prequal::{Decimal, Firm, Lang, Policy};
use serde::Serialize;

// The details are written by serde_json's writer from these structs (not built as
// `serde_json::Value`s): the Value machinery and its float formatting cost the widget's
// module ~15 KB for a handful of small objects.

/// An amount or rate as the engine's exact decimal string.
struct Dec(Decimal);

impl Serialize for Dec {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        prequal::money::serialize(&self.0, serializer)
    }
}

fn opt(value: Option<Decimal>) -> Option<Dec> {
    value.map(Dec)
}

/// A text in both languages.
#[derive(Serialize)]
struct Names<'a> {
    #[serde(rename = "zh-CN")]
    zh_cn: &'a str,
    en: &'a str,
}

fn names(text: &prequal::policy::I18n) -> Names<'_> {
    Names { zh_cn: &text.zh_cn, en: &text.en }
}

#[derive(Serialize)]
struct QuoteSummary<'a> {
    rank: usize,
    product: &'a str,
    name: Names<'a>,
    bank: &'a str,
    bank_name: Names<'a>,
    verdict: &'static str,
    limit: Option<Dec>,
    apr_gross: Option<Dec>,
    apr_net: Option<Dec>,
    loan: Option<LoanSummary>,
    open_criteria: Vec<OpenCriterion<'a>>,
}

#[derive(Serialize)]
struct LoanSummary {
    amount: Dec,
    term_months: u32,
    method: &'static str,
    annual_rate: Dec,
    rate_after_subsidy: Dec,
    guarantee_fee_rate: Option<Dec>,
    guarantee_fee: Dec,
    guarantee_fee_net: Dec,
    first_payment: Dec,
    total_interest: Dec,
    interest_subsidy: Dec,
    fee_subsidy: Dec,
    total_cost_gross: Dec,
    total_cost_net: Dec,
}

#[derive(Serialize)]
struct OpenCriterion<'a> {
    id: &'a str,
    status: &'static str,
    required: bool,
    message: Names<'a>,
    hint: Option<Names<'a>>,
}

/// One quote, as the events carry it.
fn quote(q: &Quote, rank: usize) -> QuoteSummary<'_> {
    let loan = q.loan.as_ref().map(|loan| LoanSummary {
        amount: Dec(loan.amount),
        term_months: loan.term_months,
        method: loan.method.id(),
        annual_rate: Dec(loan.annual_rate),
        rate_after_subsidy: Dec(loan.rate_after_subsidy),
        guarantee_fee_rate: opt(loan.guarantee_fee_rate),
        guarantee_fee: Dec(loan.guarantee_fee),
        guarantee_fee_net: Dec(loan.guarantee_fee_net),
        first_payment: Dec(loan.first_payment),
        total_interest: Dec(loan.total_interest),
        interest_subsidy: Dec(loan.interest_subsidy),
        fee_subsidy: Dec(loan.fee_subsidy),
        total_cost_gross: Dec(loan.total_cost_gross),
        total_cost_net: Dec(loan.total_cost_net),
    });
    let open_criteria = q
        .criteria
        .iter()
        .filter(|c| c.status != prequal::condition::Status::Pass)
        .map(|c| OpenCriterion {
            id: &c.id,
            status: status_id(c.status),
            required: c.required,
            message: names(&c.message),
            hint: c.hint.as_ref().map(names),
        })
        .collect();
    QuoteSummary {
        rank,
        product: &q.product,
        name: names(&q.name),
        bank: &q.bank,
        bank_name: names(&q.bank_name),
        verdict: i18n::verdict_id(q.verdict),
        limit: opt(q.limit.amount),
        apr_gross: opt(q.apr_gross),
        apr_net: opt(q.apr_net),
        loan,
        open_criteria,
    }
}

fn status_id(status: prequal::condition::Status) -> &'static str {
    match status {
        prequal::condition::Status::Pass => "pass",
        prequal::condition::Status::Fail => "fail",
        prequal::condition::Status::Unknown => "unknown",
    }
}

#[derive(Serialize)]
struct PolicySummary<'a> {
    id: &'a str,
    version: &'a str,
    name: Names<'a>,
    content_hash: &'a str,
}

#[derive(Serialize)]
struct FirmSummary {
    industry: Option<&'static str>,
    size_class: &'static str,
    years_in_operation: Option<Dec>,
}

/// What every report event starts with.
#[derive(Serialize)]
struct Head<'a> {
    policy: PolicySummary<'a>,
    as_of: String,
    lang: &'static str,
    firm: FirmSummary,
}

fn head(report: &Report, lang: Lang) -> Head<'_> {
    Head {
        policy: PolicySummary {
            id: &report.policy.id,
            version: &report.policy.version,
            name: names(&report.policy.name),
            content_hash: &report.policy.content_hash,
        },
        as_of: report.as_of.to_string(),
        lang: i18n::tag(lang),
        firm: FirmSummary {
            industry: report.firm.industry.map(|i| i.id()),
            size_class: i18n::size_id(report.firm.size_class),
            years_in_operation: opt(report.firm.years_in_operation),
        },
    }
}

#[derive(Serialize)]
struct ResultDetail<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    quotes: Vec<QuoteSummary<'a>>,
    notice: Names<'a>,
}

#[derive(Serialize)]
struct ApplyDetail<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    quote: QuoteSummary<'a>,
    answers: &'a Firm,
    consent: bool,
}

/// JSON text of a detail (these structs hold only strings, numbers and booleans, so the
/// writer cannot fail; `null` would be the answer if it ever did).
fn to_json(detail: &impl Serialize) -> String {
    serde_json::to_string(detail).unwrap_or_else(|_| "null".into())
}

/// The `prequal:result` detail: the report summary after an evaluation.
pub fn result(report: &Report, shown: &[&Quote], lang: Lang) -> String {
    let quotes = shown.iter().enumerate().map(|(i, q)| quote(q, i + 1)).collect();
    to_json(&ResultDetail { head: head(report, lang), quotes, notice: names(&report.policy.notice) })
}

/// The `prequal:apply` detail: what the visitor agreed to give the website — the product
/// they chose with its estimate, and their answers.
pub fn apply(report: &Report, chosen: &Quote, rank: usize, firm: &Firm, lang: Lang) -> String {
    to_json(&ApplyDetail { head: head(report, lang), quote: quote(chosen, rank), answers: firm, consent: true })
}

#[derive(Serialize)]
struct ReadyDetail<'a> {
    policy: ReadyPolicy<'a>,
    lang: &'static str,
    products: Vec<&'a str>,
}

#[derive(Serialize)]
struct ReadyPolicy<'a> {
    id: &'a str,
    version: &'a str,
    name: Names<'a>,
}

/// The `prequal:ready` detail: the pack in use and its products.
pub fn ready(policy: &Policy, lang: Lang) -> String {
    to_json(&ReadyDetail {
        policy: ReadyPolicy { id: &policy.id, version: &policy.version, name: names(&policy.name) },
        lang: i18n::tag(lang),
        products: policy.products.iter().map(|p| p.id.as_str()).collect(),
    })
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    url: &'a str,
    reason: &'a str,
    invalid: bool,
}

/// The `prequal:error` detail: the pack at `url` could not be used, and why; `invalid`
/// when it was fetched but is not a valid pack.
pub fn error(url: &str, reason: &str, invalid: bool) -> String {
    to_json(&ErrorDetail { url, reason, invalid })
}

/// The sentence for the live region: the count per verdict and the best quote.
pub fn announce(shown: &[&Quote], lang: Lang) -> String {
    let count = |v: Verdict| shown.iter().filter(|q| q.verdict == v).count().to_string();
    let mut text = fill(
        T::Announce.get(lang),
        &[&shown.len().to_string(), &count(Verdict::Eligible), &count(Verdict::NeedsInfo), &count(Verdict::Ineligible)],
    );
    if let Some(best) = shown.first().filter(|q| q.verdict == Verdict::Eligible) {
        if let (Some(limit), Some(apr)) = (best.limit.amount, best.apr_net) {
            text.push_str(&fill(
                T::AnnounceBest.get(lang),
                &[best.name.get(lang), &format::amount(lang, limit), &format::percent(apr)],
            ));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use prequal::evaluate;
    use serde_json::Value;

    fn parse(text: String) -> Value {
        serde_json::from_str(&text).unwrap()
    }

    fn report() -> (Report, Firm) {
        let policy = Policy::default_pack();
        let firm = Firm::from_json(
            r#"{"industry": "software_it", "employees": 48, "revenue": 18000000, "years_in_operation": 7,
            "park": "xinghe-world", "tax_grade": "A", "annual_tax_paid": 520000, "overdue_current": 0,
            "overdue_12m": 0, "overdue_24m": 0, "inquiries_6m": 3, "legal_rep_age": 41, "debt_ratio": 0.42,
            "existing_credit_loans": 0, "qualifications": {"high_tech": true, "tech_sme": true}}"#,
        )
        .unwrap();
        (evaluate(&policy, &firm, policy.market.as_of).unwrap(), firm)
    }

    #[test]
    fn result_carries_exact_decimal_strings() {
        let (report, _) = report();
        let shown: Vec<&Quote> = report.quotes.iter().collect();
        let detail = parse(result(&report, &shown, Lang::ZhCn));
        let first = &detail["quotes"][0];
        let q = &report.quotes[0];
        assert_eq!(first["rank"], 1);
        assert_eq!(first["limit"], q.limit.amount.unwrap().to_string());
        assert_eq!(first["apr_net"], q.apr_net.unwrap().to_string());
        assert_eq!(first["loan"]["first_payment"], q.loan.as_ref().unwrap().first_payment.to_string());
        assert_eq!(detail["policy"]["id"], "shenzhen-park-loan-2");
        assert_eq!(detail["lang"], "zh-CN");
        assert_eq!(detail["quotes"].as_array().unwrap().len(), report.quotes.len());
    }

    #[test]
    fn apply_carries_the_answers_and_the_chosen_quote() {
        let (report, firm) = report();
        let q = &report.quotes[0];
        let detail = parse(apply(&report, q, 1, &firm, Lang::En));
        assert_eq!(detail["quote"]["product"], q.product.as_str());
        assert_eq!(detail["answers"]["revenue"], "18000000");
        assert_eq!(detail["consent"], true);
    }

    #[test]
    fn ready_and_error_details_are_json() {
        let policy = Policy::default_pack();
        let detail = parse(ready(&policy, Lang::En));
        assert_eq!(detail["policy"]["id"], "shenzhen-park-loan-2");
        assert_eq!(detail["policy"]["name"]["zh-CN"], policy.name.zh_cn.as_str());
        assert_eq!(detail["lang"], "en");
        assert_eq!(detail["products"].as_array().unwrap().len(), policy.products.len());
        let detail = parse(error("packs/\"x\".json", "HTTP 404 <Not Found>", false));
        assert_eq!(
            detail,
            serde_json::json!({"url": "packs/\"x\".json", "reason": "HTTP 404 <Not Found>", "invalid": false})
        );
    }

    #[test]
    fn announces_counts_and_the_best() {
        let (report, _) = report();
        let shown: Vec<&Quote> = report.quotes.iter().collect();
        let zh = announce(&shown, Lang::ZhCn);
        assert!(zh.starts_with(&format!("{} 个产品：", shown.len())), "{zh}");
        let en = announce(&shown, Lang::En);
        assert!(en.contains("likely eligible"), "{en}");
        assert_eq!(announce(&[], Lang::En), "0 products: 0 likely eligible, 0 need information, 0 not eligible.");
    }
}
