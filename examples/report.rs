//! A native Rust caller: evaluate a firm against a pack and print a readable report.
//!
//! cargo run -p prequal --example report -- [FIRM.json] [PACK.json] [YYYY-MM-DD]
//!
//! Defaults: examples/firms/eligible.json, the bundled pack, and the pack's LPR date.

use prequal::report::{Quote, Report};
use prequal::{evaluate, Firm, Lang, Policy};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let firm_path = args.next().unwrap_or_else(|| "examples/firms/eligible.json".into());
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let firm = Firm::from_json(&read(&firm_path)?).map_err(|e| format!("{firm_path}: {}", e.message(Lang::En)))?;
    let policy = match args.next() {
        Some(path) => Policy::from_json(&read(&path)?).map_err(|e| format!("{path}: {}", e.message(Lang::En)))?,
        None => Policy::default_pack(),
    };
    let as_of = match args.next() {
        Some(text) => text.parse().map_err(|e| format!("as-of date {text}: {e}"))?,
        None => policy.market.as_of,
    };
    let report = evaluate(&policy, &firm, as_of).map_err(|e| e.message(Lang::En))?;
    print_report(&report);
    Ok(())
}

fn print_report(report: &Report) {
    println!(
        "{} ({} v{}, {})",
        report.policy.name.en, report.policy.id, report.policy.version, report.policy.content_hash
    );
    println!(
        "as of {}; firm: {}, size {:?}",
        report.as_of,
        report.firm.industry_name.as_ref().map_or("", |n| n.en.as_str()),
        report.firm.size_class
    );
    println!("{}\n", report.policy.notice.en);
    for quote in &report.quotes {
        print_quote(quote);
    }
    for excluded in &report.excluded {
        println!("(not offered: {} — {})", excluded.name.en, excluded.reason.en);
    }
}

fn print_quote(q: &Quote) {
    println!("#{} {} — {} [{:?}]", q.rank, q.name.en, q.bank_name.en, q.verdict);
    match q.limit.amount {
        Some(limit) => println!("   estimated limit: {limit} yuan"),
        None => println!("   estimated limit: unknown"),
    }
    if let Some(loan) = &q.loan {
        println!("   loan: {} yuan over {} months ({:?})", loan.amount, loan.term_months, loan.method);
        println!("   rate: {} a year; after subsidy {}", pct(loan.annual_rate), pct(loan.rate_after_subsidy));
        println!("   guarantee fee: {} yuan; after subsidy {}", loan.guarantee_fee, loan.guarantee_fee_net);
        println!(
            "   first payment {}; total cost {} gross, {} net",
            loan.first_payment, loan.total_cost_gross, loan.total_cost_net
        );
    }
    if let (Some(gross), Some(net)) = (q.apr_gross, q.apr_net) {
        println!("   APR (IRR): {} gross, {} net", pct(gross), pct(net));
    }
    for c in q.criteria.iter().filter(|c| c.status != prequal::condition::Status::Pass) {
        let hint = c.hint.as_ref().map(|h| format!(" → {}", h.en)).unwrap_or_default();
        println!("   {:?}{}: {}{hint}", c.status, if c.required { "" } else { " (advisory)" }, c.message.en);
    }
    println!();
}

fn pct(rate: prequal::Decimal) -> String {
    format!("{}%", (rate * prequal::Decimal::ONE_HUNDRED).round_dp(4).normalize())
}
