//! What the host page hears: the `prequal:result` and `prequal:apply` event details, and
//! the sentence the live region announces. Amounts and rates are the engine's decimal
//! strings, exactly (`"3000000.00"`, `"0.036500"`), so a host can pass them on unchanged.

use crate::format;
use crate::i18n::{self, fill, T};
use prequal::report::{Quote, Report, Verdict};
use prequal::{Decimal, Firm, Lang};
use serde_json::{json, Map, Value};

fn dec(value: Decimal) -> Value {
    Value::String(value.to_string())
}

fn opt(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, dec)
}

fn i18n(text: &prequal::policy::I18n) -> Value {
    json!({"zh-CN": text.zh_cn, "en": text.en})
}

/// One quote, as the events carry it.
pub fn quote(q: &Quote, rank: usize) -> Value {
    let mut out = Map::new();
    out.insert("rank".into(), json!(rank));
    out.insert("product".into(), json!(q.product));
    out.insert("name".into(), i18n(&q.name));
    out.insert("bank".into(), json!(q.bank));
    out.insert("bank_name".into(), i18n(&q.bank_name));
    out.insert("verdict".into(), json!(i18n::verdict_id(q.verdict)));
    out.insert("limit".into(), opt(q.limit.amount));
    out.insert("apr_gross".into(), opt(q.apr_gross));
    out.insert("apr_net".into(), opt(q.apr_net));
    if let Some(loan) = &q.loan {
        out.insert(
            "loan".into(),
            json!({
                "amount": dec(loan.amount),
                "term_months": loan.term_months,
                "method": loan.method.id(),
                "annual_rate": dec(loan.annual_rate),
                "rate_after_subsidy": dec(loan.rate_after_subsidy),
                "guarantee_fee_rate": opt(loan.guarantee_fee_rate),
                "guarantee_fee": dec(loan.guarantee_fee),
                "guarantee_fee_net": dec(loan.guarantee_fee_net),
                "first_payment": dec(loan.first_payment),
                "total_interest": dec(loan.total_interest),
                "interest_subsidy": dec(loan.interest_subsidy),
                "fee_subsidy": dec(loan.fee_subsidy),
                "total_cost_gross": dec(loan.total_cost_gross),
                "total_cost_net": dec(loan.total_cost_net),
            }),
        );
    } else {
        out.insert("loan".into(), Value::Null);
    }
    let open: Vec<Value> = q
        .criteria
        .iter()
        .filter(|c| c.status != prequal::condition::Status::Pass)
        .map(|c| {
            json!({
                "id": c.id,
                "status": status_id(c.status),
                "required": c.required,
                "message": i18n(&c.message),
                "hint": c.hint.as_ref().map(i18n),
            })
        })
        .collect();
    out.insert("open_criteria".into(), Value::Array(open));
    Value::Object(out)
}

fn status_id(status: prequal::condition::Status) -> &'static str {
    match status {
        prequal::condition::Status::Pass => "pass",
        prequal::condition::Status::Fail => "fail",
        prequal::condition::Status::Unknown => "unknown",
    }
}

fn head(report: &Report, lang: Lang) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert(
        "policy".into(),
        json!({
            "id": report.policy.id,
            "version": report.policy.version,
            "name": i18n(&report.policy.name),
            "content_hash": report.policy.content_hash,
        }),
    );
    out.insert("as_of".into(), json!(report.as_of.to_string()));
    out.insert("lang".into(), json!(i18n::tag(lang)));
    out.insert(
        "firm".into(),
        json!({
            "industry": report.firm.industry.id(),
            "size_class": i18n::size_id(report.firm.size_class),
            "years_in_operation": opt(report.firm.years_in_operation),
        }),
    );
    out
}

/// The `prequal:result` detail: the report summary after an evaluation.
pub fn result(report: &Report, shown: &[&Quote], lang: Lang) -> Value {
    let mut out = head(report, lang);
    let quotes: Vec<Value> = shown.iter().enumerate().map(|(i, q)| quote(q, i + 1)).collect();
    out.insert("quotes".into(), Value::Array(quotes));
    out.insert("notice".into(), i18n(&report.policy.notice));
    Value::Object(out)
}

/// The `prequal:apply` detail: what the visitor agreed to give the website — the product
/// they chose with its estimate, and their answers.
pub fn apply(report: &Report, chosen: &Quote, rank: usize, firm: &Firm, lang: Lang) -> Value {
    let mut out = head(report, lang);
    out.insert("quote".into(), quote(chosen, rank));
    out.insert("answers".into(), serde_json::to_value(firm).unwrap_or(Value::Null));
    out.insert("consent".into(), Value::Bool(true));
    Value::Object(out)
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
    use prequal::{evaluate, Policy};

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
        let detail = result(&report, &shown, Lang::ZhCn);
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
        let detail = apply(&report, q, 1, &firm, Lang::En);
        assert_eq!(detail["quote"]["product"], q.product.as_str());
        assert_eq!(detail["answers"]["revenue"], "18000000");
        assert_eq!(detail["consent"], true);
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
