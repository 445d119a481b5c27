//! `prequal schedule`: a repayment schedule from the core, as JSON, a table or CSV.

use crate::cli::{Method, ScheduleArgs, ScheduleFormat};
use crate::fail::{separator, Exit, Failure};
use crate::render::{money, pick};
use crate::table::Table;
use crate::{files, parse};
use prequal::schedule::{schedule, RepaymentMethod, Schedule, ScheduleRequest};
use prequal::Lang;

/// Run the command.
pub fn run(args: &ScheduleArgs, lang: Lang) -> Result<Exit, Failure> {
    let request = ScheduleRequest {
        principal: parse::decimal("--principal", &args.principal)?,
        annual_rate: parse::fraction("--annual-rate", &args.annual_rate)?,
        months: parse::count("--months", &args.months)?,
        method: method(args.method),
    };
    let schedule = schedule(&request).map_err(|e| e.relabel(flag_of))?;
    let text = match args.format {
        ScheduleFormat::Json => files::pretty_json(&schedule)?,
        ScheduleFormat::Table => table(&schedule, lang),
        ScheduleFormat::Csv => csv(&schedule)?,
    };
    files::print(&text)?;
    Ok(Exit::Ok)
}

/// The engine names request fields by JSON path; the caller typed flags.
fn flag_of(path: &str) -> Option<String> {
    let flag = match path {
        "$.principal" => "--principal",
        "$.annual_rate" => "--annual-rate",
        "$.months" => "--months",
        "$.method" => "--method",
        _ => return None,
    };
    Some(flag.to_string())
}

fn method(method: Method) -> RepaymentMethod {
    match method {
        Method::EqualInstallment => RepaymentMethod::EqualInstallment,
        Method::EqualPrincipal => RepaymentMethod::EqualPrincipal,
        Method::InterestOnly => RepaymentMethod::InterestOnly,
    }
}

fn table(schedule: &Schedule, lang: Lang) -> String {
    let sep = separator(lang);
    let headers = [
        pick(lang, "period", "期数"),
        pick(lang, "payment", "还款额"),
        pick(lang, "principal", "本金"),
        pick(lang, "interest", "利息"),
        pick(lang, "balance", "剩余本金"),
    ];
    let mut t = Table::new(&headers, &[true; 5]);
    for row in &schedule.rows {
        t.row(vec![
            row.period.to_string(),
            money(row.payment),
            money(row.principal),
            money(row.interest),
            money(row.balance),
        ]);
    }
    format!(
        "{}\n{}{sep}{}\n{}{sep}{}\n",
        t.render(),
        pick(lang, "total interest", "利息合计"),
        money(schedule.total_interest),
        pick(lang, "total payment", "还款合计"),
        money(schedule.total_payment),
    )
}

fn csv(schedule: &Schedule) -> Result<String, Failure> {
    let fail = |e: csv::Error| Failure::unexpected(&e);
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["period", "payment", "principal", "interest", "balance"]).map_err(fail)?;
    for row in &schedule.rows {
        out.write_record([
            row.period.to_string(),
            row.payment.to_string(),
            row.principal.to_string(),
            row.interest.to_string(),
            row.balance.to_string(),
        ])
        .map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|e| Failure::unexpected(&e))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
