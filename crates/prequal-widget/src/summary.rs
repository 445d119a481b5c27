//! What the host page hears: the `prequal:result`, `prequal:apply`, `prequal:ready` and
//! `prequal:error` event details, and the sentence the live region announces. Amounts and
//! rates are the engine's decimal strings, exactly (`"3000000.00"`, `"0.036500"`), so a
//! host can pass them on unchanged.
//!
//! The details are written as JSON text by the small writer below rather than by serde: a
//! derived `Serialize` per struct cost the widget's module about 5 KB gzip for a handful of
//! small objects (and `serde_json::Value` ~15 KB). The tests hold the `answers` object to
//! the firm format (serde's serialisation of [`Firm`]).

use crate::format;
use crate::i18n::{self, fill, T};
use prequal::facts::FactValue;
use prequal::money::DecimalText;
use prequal::policy::I18n;
use prequal::questions::Question;
use prequal::report::{Quote, Report, Verdict};
use prequal::{Decimal, Firm, Lang, Policy};

/// JSON text being written: objects and arrays open and close, and a comma goes before
/// every member but the first.
struct Json(String);

impl Json {
    fn new() -> Json {
        Json(String::with_capacity(512))
    }

    /// A comma, unless this is the first member of an object or array (or a value after
    /// its key).
    fn sep(&mut self) {
        if !matches!(self.0.as_bytes().last(), None | Some(b'{' | b'[' | b':')) {
            self.0.push(',');
        }
    }

    fn open(&mut self, bracket: char) -> &mut Json {
        self.sep();
        self.0.push(bracket);
        self
    }

    fn close(&mut self, bracket: char) -> &mut Json {
        self.0.push(bracket);
        self
    }

    fn key(&mut self, key: &str) -> &mut Json {
        self.str(key);
        self.0.push(':');
        self
    }

    /// A string, escaped.
    fn str(&mut self, text: &str) -> &mut Json {
        self.sep();
        self.0.push('"');
        for c in text.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                c if u32::from(c) < 0x20 => {
                    self.0.push_str("\\u00");
                    let code = u32::from(c);
                    self.0.extend([code >> 4, code & 15].into_iter().filter_map(|d| char::from_digit(d, 16)));
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
        self
    }

    /// Text that is already JSON: a number, `true`, `false`, `null`.
    fn raw(&mut self, text: &str) -> &mut Json {
        self.sep();
        self.0.push_str(text);
        self
    }

    fn opt_str(&mut self, text: Option<&str>) -> &mut Json {
        match text {
            Some(text) => self.str(text),
            None => self.raw("null"),
        }
    }

    /// A decimal as the engine's exact decimal string.
    fn dec(&mut self, value: Decimal) -> &mut Json {
        self.str(DecimalText::new(&value).as_str())
    }

    fn opt_dec(&mut self, value: Option<Decimal>) -> &mut Json {
        match value {
            Some(value) => self.dec(value),
            None => self.raw("null"),
        }
    }

    fn bool(&mut self, value: bool) -> &mut Json {
        self.raw(if value { "true" } else { "false" })
    }

    fn num(&mut self, value: impl std::fmt::Display) -> &mut Json {
        self.raw(&value.to_string())
    }

    /// A text in both languages: `{"zh-CN": ..., "en": ...}`.
    fn names(&mut self, text: &I18n) -> &mut Json {
        self.open('{').key("zh-CN").str(&text.zh_cn).key("en").str(&text.en).close('}')
    }
}

/// One quote, as the events carry it, with the questions that would decide it.
fn quote(j: &mut Json, q: &Quote, rank: usize, open: &[Question]) {
    j.open('{').key("rank").num(rank).key("product").str(&q.product).key("name").names(&q.name);
    j.key("bank").str(&q.bank).key("bank_name").names(&q.bank_name);
    j.key("verdict").str(i18n::verdict_id(q.verdict)).key("limit").opt_dec(q.limit.amount);
    j.key("apr_gross").opt_dec(q.apr_gross).key("apr_net").opt_dec(q.apr_net).key("loan");
    match &q.loan {
        Some(loan) => {
            j.open('{').key("amount").dec(loan.amount).key("term_months").num(loan.term_months);
            j.key("method").str(loan.method.id());
            for (key, value) in [("annual_rate", loan.annual_rate), ("rate_after_subsidy", loan.rate_after_subsidy)] {
                j.key(key).dec(value);
            }
            j.key("guarantee_fee_rate").opt_dec(loan.guarantee_fee_rate);
            for (key, value) in [
                ("guarantee_fee", loan.guarantee_fee),
                ("guarantee_fee_net", loan.guarantee_fee_net),
                ("first_payment", loan.first_payment),
                ("total_interest", loan.total_interest),
                ("interest_subsidy", loan.interest_subsidy),
                ("fee_subsidy", loan.fee_subsidy),
                ("total_cost_gross", loan.total_cost_gross),
                ("total_cost_net", loan.total_cost_net),
            ] {
                j.key(key).dec(value);
            }
            j.close('}');
        }
        None => {
            j.raw("null");
        }
    }
    j.key("open_criteria").open('[');
    for c in q.criteria.iter().filter(|c| c.status != prequal::condition::Status::Pass) {
        j.open('{').key("id").str(&c.id).key("status").str(status_id(c.status));
        j.key("required").bool(c.required).key("message").names(&c.message).key("hint");
        match &c.hint {
            Some(hint) => j.names(hint),
            None => j.raw("null"),
        };
        j.close('}');
    }
    j.close(']').key("open_questions").open('[');
    for question in open {
        j.str(question.id());
    }
    j.close(']').close('}');
}

fn status_id(status: prequal::condition::Status) -> &'static str {
    match status {
        prequal::condition::Status::Pass => "pass",
        prequal::condition::Status::Fail => "fail",
        prequal::condition::Status::Unknown => "unknown",
    }
}

/// What every report event starts with: the pack, the date, the language, the firm.
fn head(report: &Report, lang: Lang) -> Json {
    let mut j = Json::new();
    let p = &report.policy;
    j.open('{').key("policy").open('{').key("id").str(&p.id).key("version").str(&p.version);
    j.key("name").names(&p.name).key("content_hash").str(&p.content_hash).close('}');
    j.key("as_of").str(&report.as_of.to_string()).key("lang").str(i18n::tag(lang));
    let firm = &report.firm;
    j.key("firm").open('{').key("industry").opt_str(firm.industry.map(|i| i.id()));
    j.key("size_class").str(i18n::size_id(firm.size_class));
    j.key("years_in_operation").opt_dec(firm.years_in_operation).close('}');
    j
}

/// The `prequal:result` detail: the report summary after an evaluation; `open` holds each
/// shown quote's open questions.
pub fn result(report: &Report, shown: &[&Quote], open: &[Vec<Question>], lang: Lang) -> String {
    let mut j = head(report, lang);
    j.key("quotes").open('[');
    for (i, q) in shown.iter().enumerate() {
        quote(&mut j, q, i + 1, open.get(i).map_or(&[], Vec::as_slice));
    }
    j.close(']').key("notice").names(&report.policy.notice).close('}');
    j.0
}

/// The `prequal:apply` detail: what the visitor agreed to give the website — the product
/// they chose with its estimate, and their answers (in the firm format).
pub fn apply(report: &Report, chosen: &Quote, rank: usize, open: &[Question], firm: &Firm, lang: Lang) -> String {
    let mut j = head(report, lang);
    j.key("quote");
    quote(&mut j, chosen, rank, open);
    j.key("answers");
    answers(&mut j, firm);
    j.key("consent").bool(true).close('}');
    j.0
}

/// A firm's answers in the firm format, as JSON text.
pub fn firm(firm: &Firm) -> String {
    let mut j = Json::new();
    answers(&mut j, firm);
    j.0
}

/// A firm in the firm format (as serde writes [`Firm`]): what is not stated is left out,
/// but the industry (`null` when not answered) and the qualifications object.
fn answers(j: &mut Json, f: &Firm) {
    j.open('{').key("industry").opt_str(f.industry.map(|i| i.id()));
    let whole = |j: &mut Json, key: &str, v: Option<u32>| {
        if let Some(v) = v {
            j.key(key).num(v);
        }
    };
    let dec = |j: &mut Json, key: &str, v: Option<Decimal>| {
        if let Some(v) = v {
            j.key(key).dec(v);
        }
    };
    whole(j, "employees", f.employees);
    dec(j, "revenue", f.revenue);
    dec(j, "total_assets", f.total_assets);
    if let Some(date) = f.founded {
        j.key("founded").str(&date.to_string());
    }
    dec(j, "years_in_operation", f.years_in_operation);
    if let Some(park) = &f.park {
        j.key("park").str(park);
    }
    dec(j, "years_in_park", f.years_in_park);
    if let Some(grade) = f.tax_grade {
        j.key("tax_grade").str(grade.as_str());
    }
    dec(j, "annual_tax_paid", f.annual_tax_paid);
    whole(j, "overdue_current", f.overdue_current);
    whole(j, "overdue_12m", f.overdue_12m);
    whole(j, "overdue_24m", f.overdue_24m);
    whole(j, "inquiries_6m", f.inquiries_6m);
    whole(j, "legal_rep_age", f.legal_rep_age);
    dec(j, "debt_ratio", f.debt_ratio);
    dec(j, "existing_credit_loans", f.existing_credit_loans);
    let q = &f.qualifications;
    j.key("qualifications").open('{');
    for (key, value) in [
        ("specialized_national", q.specialized_national),
        ("specialized_provincial", q.specialized_provincial),
        ("high_tech", q.high_tech),
        ("tech_sme", q.tech_sme),
        ("first_loan", q.first_loan),
    ] {
        if let Some(value) = value {
            j.key(key).bool(value);
        }
    }
    j.close('}');
    dec(j, "requested_amount", f.requested_amount);
    whole(j, "term_months", f.term_months);
    if let Some(method) = f.repayment_method {
        j.key("repayment_method").str(method.id());
    }
    if !f.facts.is_empty() {
        j.key("facts").open('{');
        for (id, value) in &f.facts {
            j.key(id);
            match value {
                FactValue::Number(n) => j.dec(*n),
                FactValue::YesNo(b) => j.bool(*b),
                FactValue::Text(t) => j.str(t),
            };
        }
        j.close('}');
    }
    j.close('}');
}

/// The `prequal:ready` detail: the pack in use and its products.
pub fn ready(policy: &Policy, lang: Lang) -> String {
    let mut j = Json::new();
    j.open('{').key("policy").open('{').key("id").str(&policy.id).key("version").str(&policy.version);
    j.key("name").names(&policy.name).close('}').key("lang").str(i18n::tag(lang)).key("products").open('[');
    for product in &policy.products {
        j.str(&product.id);
    }
    j.close(']').close('}');
    j.0
}

/// The `prequal:error` detail: the pack at `url` could not be used, and why; `invalid`
/// when it was fetched but is not a valid pack.
pub fn error(url: &str, reason: &str, invalid: bool) -> String {
    let mut j = Json::new();
    j.open('{').key("url").str(url).key("reason").str(reason).key("invalid").bool(invalid).close('}');
    j.0
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
        let detail = parse(result(&report, &shown, &[], Lang::ZhCn));
        let first = &detail["quotes"][0];
        let q = &report.quotes[0];
        assert_eq!(first["rank"], 1);
        assert_eq!(first["limit"], q.limit.amount.unwrap().to_string());
        assert_eq!(first["apr_net"], q.apr_net.unwrap().to_string());
        let loan = q.loan.as_ref().unwrap();
        assert_eq!(first["loan"]["first_payment"], loan.first_payment.to_string());
        assert_eq!(first["loan"]["term_months"], loan.term_months);
        assert_eq!(first["loan"]["method"], loan.method.id());
        assert_eq!(first["loan"]["total_cost_net"], loan.total_cost_net.to_string());
        assert_eq!(first["verdict"], i18n::verdict_id(q.verdict));
        assert_eq!(first["name"]["zh-CN"], q.name.zh_cn.as_str());
        assert_eq!(detail["policy"]["content_hash"], report.policy.content_hash.as_str());
        assert_eq!(detail["as_of"], report.as_of.to_string());
        assert_eq!(detail["firm"]["industry"], "software_it");
        assert_eq!(detail["notice"]["en"], report.policy.notice.en.as_str());
        for (shown, q) in detail["quotes"].as_array().unwrap().iter().zip(&report.quotes) {
            let open: Vec<_> = q.criteria.iter().filter(|c| c.status != prequal::condition::Status::Pass).collect();
            assert_eq!(shown["open_criteria"].as_array().unwrap().len(), open.len());
            assert_eq!(shown["open_questions"], serde_json::json!([]));
        }
        assert_eq!(detail["policy"]["id"], "shenzhen-park-loan-2");
        assert_eq!(detail["lang"], "zh-CN");
        assert_eq!(detail["quotes"].as_array().unwrap().len(), report.quotes.len());
    }

    #[test]
    fn apply_carries_the_answers_and_the_chosen_quote() {
        let (report, firm) = report();
        let q = &report.quotes[0];
        let detail = parse(apply(&report, q, 1, &[], &firm, Lang::En));
        assert_eq!(detail["quote"]["product"], q.product.as_str());
        assert_eq!(detail["answers"]["revenue"], "18000000");
        assert_eq!(detail["consent"], true);
    }

    #[test]
    fn answers_are_the_firm_format() {
        let firms = [
            Firm::blank(),
            report().1,
            Firm::from_json(include_str!("../../../examples/firms/bank-g-applicant.json")).unwrap(),
            Firm::from_json(
                r#"{"industry": "retail", "founded": "2019-06-01", "park": "a\"b\n", "tax_grade": "M",
                "debt_ratio": "0.4250", "qualifications": {"first_loan": false}, "requested_amount": "12345.67",
                "term_months": 24, "repayment_method": "interest_only", "facts": {"x": "1.50", "y": true, "z": 3}}"#,
            )
            .unwrap(),
        ];
        for firm in firms {
            let mut j = Json::new();
            answers(&mut j, &firm);
            assert_eq!(parse(j.0), serde_json::to_value(&firm).unwrap(), "{firm:?}");
        }
    }

    #[test]
    fn strings_are_escaped() {
        let reason = "a \"quote\", a \\ backslash,\n a newline, \u{1} and 中文 <b>";
        assert_eq!(parse(error("u", reason, true))["reason"], reason);
    }

    #[test]
    fn result_lists_the_open_questions_of_each_quote() {
        let policy = Policy::default_pack();
        let firm = Firm::blank();
        let report = evaluate(&policy, &firm, policy.market.as_of).unwrap();
        let shown: Vec<&Quote> = report.quotes.iter().collect();
        let open: Vec<Vec<Question>> =
            shown.iter().map(|q| prequal::questions::open_questions(&policy, q, &firm)).collect();
        let detail = parse(result(&report, &shown, &open, Lang::En));
        assert_eq!(detail["firm"]["industry"], Value::Null, "nothing answered");
        for (i, q) in detail["quotes"].as_array().unwrap().iter().enumerate() {
            assert_eq!(q["verdict"], "needs_info");
            let ids: Vec<&str> = q["open_questions"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            assert!(!ids.is_empty());
            assert_eq!(ids, open[i].iter().map(Question::id).collect::<Vec<_>>());
        }
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
