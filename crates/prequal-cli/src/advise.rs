//! `prequal advise`: the cheapest way for one firm to borrow an amount, as the core's JSON or
//! a table of the best option and the payment/cost trade-off.

use crate::cli::{AdviseArgs, ReportFormat};
use crate::fail::{Exit, Failure};
use crate::render::{money, percent, pick};
use crate::table::Table;
use crate::{files, parse, policy};
use prequal::advise::{advise, Advice, AdviceOption, AdviceRequest, Objective};
use prequal::schedule::RepaymentMethod;
use prequal::{Firm, Lang, Policy};

/// Run the command.
pub fn run(args: &AdviseArgs, lang: Lang) -> Result<Exit, Failure> {
    let firm = files::parse_document(&args.firm, lang, Firm::from_json)?;
    let policy = policy::load(args.policy.as_deref(), lang)?;
    let as_of = match &args.as_of {
        Some(date) => parse::date("--as-of", date)?,
        None => policy.market.as_of,
    };
    let request = AdviceRequest {
        amount: args.amount.as_deref().map(|a| positive("--amount", a)).transpose()?,
        max_payment: args.max_payment.as_deref().map(|a| positive("--max-payment", a)).transpose()?,
        objective: args.objective.into(),
    };
    let advice = advise(&policy, &firm, as_of, &request).map_err(|e| Failure::engine(e).within(args.firm.display()))?;
    let out = match args.format {
        ReportFormat::Json => files::pretty_json(&advice)?,
        ReportFormat::Table => table(&advice, &policy, lang),
    };
    files::print(&out)?;
    Ok(Exit::Ok)
}

/// An amount of yuan above 0 given on the command line.
fn positive(place: &str, text: &str) -> Result<prequal::Decimal, prequal::Error> {
    let value = parse::decimal(place, text)?;
    if value <= prequal::Decimal::ZERO {
        return Err(prequal::Error::new(
            prequal::ErrorCode::OutOfRange,
            place,
            format!("an amount of yuan above 0, got \"{text}\""),
            format!("须为大于 0 的金额（元），实际为 \"{text}\""),
        ));
    }
    prequal::limits::check_amount(place, value)?;
    Ok(value)
}

fn method(m: RepaymentMethod, lang: Lang) -> &'static str {
    match m {
        RepaymentMethod::EqualInstallment => pick(lang, "equal installments", "等额本息"),
        RepaymentMethod::EqualPrincipal => pick(lang, "equal principal", "等额本金"),
        RepaymentMethod::InterestOnly => pick(lang, "interest only", "先息后本"),
    }
}

fn product_name(policy: &Policy, id: &str, lang: Lang) -> String {
    policy.products.iter().find(|p| p.id == id).map_or_else(|| id.to_string(), |p| p.name.get(lang).to_string())
}

fn objective(o: Objective, lang: Lang) -> &'static str {
    match o {
        Objective::TotalCost => pick(lang, "lowest total cost after subsidies", "补贴后总成本最低"),
        Objective::Apr => pick(lang, "lowest annualised cost after subsidies", "补贴后年化成本最低"),
        Objective::MaxPayment => pick(lang, "lowest largest payment", "单期最高还款最低"),
    }
}

fn describe(o: &AdviceOption, policy: &Policy, lang: Lang) -> String {
    let months = pick(lang, "months", "个月");
    format!("{}, {} {months}, {}", product_name(policy, &o.product, lang), o.term_months, method(o.method, lang))
}

fn table(advice: &Advice, policy: &Policy, lang: Lang) -> String {
    let mut out = format!(
        "{} {} · {}{}",
        pick(lang, "amount", "借款金额"),
        money(advice.amount),
        pick(lang, "objective: ", "目标："),
        objective(advice.objective, lang)
    );
    if let Some(cap) = advice.max_payment {
        out.push_str(&format!(" · {} {}", pick(lang, "largest payment at most", "单期还款不超过"), money(cap)));
    }
    out.push_str("\n\n");
    match &advice.best {
        Some(best) => out.push_str(&format!(
            "{}: {}\n  {} {} · {} {} · {} {} · {} {}\n",
            pick(lang, "best", "最优"),
            describe(best, policy, lang),
            pick(lang, "total cost after subsidies", "补贴后总成本"),
            money(best.total_cost_net),
            pick(lang, "largest payment", "单期最高还款"),
            money(best.max_payment),
            pick(lang, "rate after subsidy", "补贴后利率"),
            percent(best.rate_after_subsidy),
            pick(lang, "APR net", "补贴后年化"),
            percent(best.apr_net),
        )),
        None => out.push_str(pick(
            lang,
            "no product lends this amount on these terms\n",
            "没有产品能按这些条件借出此金额\n",
        )),
    }
    if !advice.frontier.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            pick(
                lang,
                "Pay less each period, pay more in total (each step against the one before):",
                "每期少还、总成本增加（与上一行相比）："
            )
        ));
        let mut t = Table::new(
            &[
                pick(lang, "option", "方案"),
                pick(lang, "largest payment", "单期最高还款"),
                pick(lang, "total cost after subsidies", "补贴后总成本"),
                pick(lang, "each period", "每期"),
                pick(lang, "in total", "总计"),
            ],
            &[false, true, true, true, true],
        );
        let mut previous: Option<&AdviceOption> = None;
        for o in &advice.frontier {
            let (step_payment, step_total) = match previous {
                Some(p) => (signed(o.max_payment - p.max_payment), signed(o.total_cost_net - p.total_cost_net)),
                None => (String::new(), String::new()),
            };
            t.row(vec![
                describe(o, policy, lang),
                money(o.max_payment),
                money(o.total_cost_net),
                step_payment,
                step_total,
            ]);
            previous = Some(o);
        }
        out.push_str(&t.render());
    }
    out.push_str(&format!(
        "\n{} {}\n",
        advice.options.len(),
        pick(
            lang,
            "ways to borrow the amount (--format json lists them all)",
            "种借款方式（--format json 可列出全部）"
        )
    ));
    for x in &advice.excluded {
        out.push_str(&format!("{}: {}\n", x.name.get(lang), x.reason.get(lang)));
    }
    out
}

fn signed(amount: prequal::Decimal) -> String {
    if amount.is_sign_negative() {
        money(amount)
    } else {
        format!("+{}", money(amount))
    }
}
