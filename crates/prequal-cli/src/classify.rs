//! `prequal classify`: the SME size class of a firm from its industry and figures.

use crate::cli::{ClassifyArgs, ReportFormat};
use crate::fail::{separator, Exit, Failure};
use crate::render::{pick, size};
use crate::{files, parse};
use prequal::size::{classify_request, ClassifyRequest, ClassifyResult};
use prequal::Lang;

/// Run the command.
pub fn run(args: &ClassifyArgs, lang: Lang) -> Result<Exit, Failure> {
    let optional = |place: &str, text: &Option<String>| text.as_deref().map(|t| parse::decimal(place, t)).transpose();
    let request = ClassifyRequest {
        industry: parse::industry("--industry", &args.industry)?,
        employees: args.employees.as_deref().map(|t| parse::count("--employees", t)).transpose()?,
        revenue: optional("--revenue", &args.revenue)?,
        assets: optional("--assets", &args.assets)?,
    };
    let result = classify_request(&request)
        .map_err(|e| e.relabel(|path| path.strip_prefix("$.").map(|name| format!("--{name}"))))?;
    let text = match args.format {
        ReportFormat::Json => files::pretty_json(&result)?,
        ReportFormat::Table => table(&result, lang),
    };
    files::print(&text)?;
    Ok(Exit::Ok)
}

fn table(result: &ClassifyResult, lang: Lang) -> String {
    let industry = pick(lang, result.industry.name_en(), result.industry_zh);
    let sep = separator(lang);
    format!(
        "{}{sep}{}\n{}{sep}{} ({})\n{}{sep}{}\n",
        pick(lang, "size", "企业规模"),
        size(result.size, lang),
        pick(lang, "industry", "行业"),
        result.industry.id(),
        industry,
        pick(lang, "figures used", "划型所需指标"),
        result.needed.join(", "),
    )
}
