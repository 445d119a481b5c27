//! `prequal quote`: the full report for one firm, as the core's JSON or a table.

use crate::cli::{QuoteArgs, ReportFormat};
use crate::fail::{separator, Exit, Failure};
use crate::render::{money, opt, percent, pick, size, verdict};
use crate::table::Table;
use crate::{files, parse, policy};
use prequal::condition::Status;
use prequal::report::{CriterionResult, Quote, Report, Warning};
use prequal::{evaluate, Firm, Lang};

/// Run the command.
pub fn run(args: &QuoteArgs, lang: Lang) -> Result<Exit, Failure> {
    let firm = files::parse_document(&args.firm, lang, Firm::from_json)?;
    let policy = policy::load(args.policy.as_deref(), lang)?;
    let as_of = match &args.as_of {
        Some(date) => parse::date("--as-of", date)?,
        None => policy.market.as_of,
    };
    let report = evaluate(&policy, &firm, as_of).map_err(|e| Failure::engine(e).within(args.firm.display()))?;
    let out = match args.format {
        ReportFormat::Json => files::pretty_json(&report)?,
        ReportFormat::Table => table(&report, lang),
    };
    files::print(&out)?;
    Ok(Exit::Ok)
}

fn table(report: &Report, lang: Lang) -> String {
    let mut out = header(report, lang);
    out.push_str(&warnings(&report.warnings, lang));
    out.push('\n');
    out.push_str(&overview(&report.quotes, lang));
    for quote in &report.quotes {
        out.push('\n');
        out.push_str(&details(quote, lang));
    }
    for excluded in &report.excluded {
        out.push_str(&format!(
            "\n{}{}{} ({})\n",
            pick(lang, "not offered", "未在办理期内"),
            separator(lang),
            excluded.name.get(lang),
            excluded.reason.get(lang)
        ));
    }
    out.push_str(&format!("\n{}\n", report.policy.notice.get(lang)));
    out
}

fn header(report: &Report, lang: Lang) -> String {
    let sep = separator(lang);
    let firm = &report.firm;
    let years = firm.years_in_operation.map_or_else(
        || pick(lang, "years in operation unknown", "经营年限未知").to_string(),
        |y| format!("{y} {}", pick(lang, "years in operation", "年经营年限")),
    );
    format!(
        "{} ({} v{})\n{} {} · {} {} · {} {}\n{}{sep}{}, {}, {}\n",
        report.policy.name.get(lang),
        report.policy.id,
        report.policy.version,
        pick(lang, "as of", "评估日期"),
        report.as_of,
        pick(lang, "1-year LPR", "1年期LPR"),
        percent(report.market.lpr_1y.value),
        pick(lang, "5-year LPR", "5年期以上LPR"),
        percent(report.market.lpr_5y.value),
        pick(lang, "firm", "企业"),
        firm.industry_name.as_ref().map_or("?", |n| n.get(lang)),
        size(firm.size_class, lang),
        years,
    )
}

/// What the engine ignored in the input (facts the pack does not declare), with the path.
fn warnings(warnings: &[Warning], lang: Lang) -> String {
    let sep = separator(lang);
    let mut out = String::new();
    for w in warnings {
        out.push_str(&format!("{}{sep}{}{sep}{}\n", pick(lang, "warning", "提示"), w.path, w.message.get(lang)));
    }
    out
}

fn overview(quotes: &[Quote], lang: Lang) -> String {
    let headers = [
        "#",
        pick(lang, "product", "产品"),
        pick(lang, "bank", "银行"),
        pick(lang, "verdict", "结论"),
        pick(lang, "limit", "预估额度"),
        pick(lang, "amount", "报价金额"),
        pick(lang, "months", "期限"),
        pick(lang, "rate", "年利率"),
        pick(lang, "after subsidy", "贴息后"),
        pick(lang, "APR gross", "年化(补贴前)"),
        pick(lang, "APR net", "年化(补贴后)"),
    ];
    let right = [true, false, false, false, true, true, true, true, true, true, true];
    let mut t = Table::new(&headers, &right);
    for q in quotes {
        let loan = q.loan.as_ref();
        t.row(vec![
            q.rank.to_string(),
            q.name.get(lang).to_string(),
            q.bank_name.get(lang).to_string(),
            verdict(q.verdict, lang).to_string(),
            opt(q.limit.amount, money),
            opt(loan.map(|l| l.amount), money),
            loan.map_or_else(|| "-".into(), |l| l.term_months.to_string()),
            opt(loan.map(|l| l.annual_rate), percent),
            opt(loan.map(|l| l.rate_after_subsidy), percent),
            opt(q.apr_gross, percent),
            opt(q.apr_net, percent),
        ]);
    }
    t.render()
}

/// What stands between the firm and the product: criteria not passed, with hints.
fn details(q: &Quote, lang: Lang) -> String {
    let sep = separator(lang);
    let mut out =
        format!("{}. {} ({}){sep}{}\n", q.rank, q.name.get(lang), q.bank_name.get(lang), verdict(q.verdict, lang));
    for c in q.criteria.iter().filter(|c| c.status != Status::Pass) {
        let advisory = if c.required { "" } else { pick(lang, " (advisory)", "（参考项）") };
        out.push_str(&format!("   {} {}{advisory}\n", mark(c.status), c.message.get(lang)));
        branches(&c.branches, 1, lang, &mut out);
        if let Some(hint) = &c.hint {
            out.push_str(&format!("     → {}\n", hint.get(lang)));
        }
    }
    if !q.limit.missing.is_empty() {
        let names: Vec<&str> = q.limit.missing.iter().map(|f| pick(lang, f.label().0, f.label().1)).collect();
        out.push_str(&format!("   {}{sep}{}\n", pick(lang, "the limit needs", "估算额度还需"), names.join(", ")));
    }
    if let Some(loan) = &q.loan {
        out.push_str(&format!(
            "   {}{sep}{} · {}{sep}{} · {}{sep}{}\n",
            pick(lang, "first payment", "首期还款"),
            money(loan.first_payment),
            pick(lang, "guarantee fee after subsidy", "补贴后担保费"),
            money(loan.guarantee_fee_net),
            pick(lang, "total cost after subsidy", "补贴后总成本"),
            money(loan.total_cost_net),
        ));
    }
    if let Some(error) = &q.error {
        out.push_str(&format!("   ! {}\n", error.message(lang)));
    }
    out
}

fn mark(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓",
        Status::Fail => "✗",
        Status::Unknown => "?",
    }
}

/// The members of an `any_of` / `all_of` criterion, each with its outcome, nested groups
/// indented further.
fn branches(members: &[CriterionResult], depth: usize, lang: Lang, out: &mut String) {
    for b in members {
        let indent = " ".repeat(3 + 2 * depth);
        out.push_str(&format!("{indent}{} {}\n", mark(b.status), b.message.get(lang)));
        branches(&b.branches, depth + 1, lang, out);
    }
}
