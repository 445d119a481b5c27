//! The portfolio report as one self-contained HTML file (`screen --html`, `impact --html`):
//! no script, no stylesheet, no external reference, so it opens offline, under
//! `Content-Security-Policy: default-src 'none'`, on a phone and on paper. Tables carry the
//! figures (exact, as the JSON summary has them); charts are inline SVG drawn with
//! presentation attributes only (an inline `style` would be blocked there) and repeat what
//! the tables say, so they are hidden from screen readers.

use crate::render::{money, pick};
use crate::screen::summary::{role_words, signed};
use prequal::portfolio::{AprBands, Eligible, Totals};
use prequal::{Date, Decimal, Lang, Policy};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// How many firms whose verdict changes the report lists; the rows output has them all.
pub const CHANGED_LISTED: usize = 200;

/// One pack's side of the report.
pub struct Side<'a> {
    /// The pack.
    pub policy: &'a Policy,
    /// The evaluation date.
    pub as_of: Date,
    /// Its totals.
    pub totals: &'a Totals,
    /// Its eligible firms' net APRs.
    pub aprs: &'a AprBands,
}

/// Where a criterion stands under one pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// A required criterion of the best product that fails.
    Fails,
    /// One that could not be checked.
    Unknown,
    /// Neither: it passes, or it is not a criterion of that pack's best product.
    Clear,
}

/// A criterion that stands differently under the two packs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Because {
    /// The criterion id.
    pub id: String,
    /// Under the old pack.
    pub old: Standing,
    /// Under the new pack.
    pub new: Standing,
}

/// A firm whose best verdict changed between the packs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    /// Input line.
    pub line: u64,
    /// Firm id and name from the input.
    pub firm: String,
    /// Best verdict under the old pack (`eligible`, ..., `none`, `error`).
    pub old: &'static str,
    /// Best verdict under the new pack.
    pub new: &'static str,
    /// Best product under the old pack.
    pub old_product: Option<String>,
    /// Best product under the new pack.
    pub new_product: Option<String>,
    /// The criteria that made the difference.
    pub because: Vec<Because>,
    /// The row's error, if a side could not be evaluated.
    pub error: Option<String>,
}

/// The firms whose verdict changes: the first [`CHANGED_LISTED`], and how many in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The first ones, in input order.
    pub listed: Vec<Changed>,
    /// All of them.
    pub total: u64,
}

impl Changes {
    /// Count a changed firm, keeping it if the list has room.
    pub fn add(&mut self, changed: impl FnOnce() -> Changed) {
        self.total += 1;
        if self.listed.len() < CHANGED_LISTED {
            self.listed.push(changed());
        }
    }
}

/// What only a pack change has: the verdict transitions and the firms that change.
pub struct ImpactPart<'a> {
    /// `"<old>-><new>"` → firms.
    pub transitions: &'a BTreeMap<String, u64>,
    /// The firms whose verdict changes.
    pub changes: &'a Changes,
}

/// The whole report: one side (screening) or two (old and new pack) with the impact part.
pub fn render(lang: Lang, input: &str, sides: &[Side<'_>], impact: Option<&ImpactPart<'_>>) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let title = match sides {
        [one] => format!("{}{}", pick(lang, "Screening: ", "筛查："), one.policy.name.get(lang)),
        _ => pick(lang, "Pack change: what it costs and whom it reaches", "政策调整测算：成本与覆盖").to_string(),
    };
    let html_lang = pick(lang, "en", "zh-CN");
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(&title),
        esc(&title)
    );
    header(&mut out, lang, input, sides);
    key_figures(&mut out, lang, sides);
    verdicts(&mut out, lang, sides, impact.map(|i| i.transitions));
    subsidies(&mut out, lang, sides);
    risk(&mut out, lang, sides);
    aprs(&mut out, lang, sides);
    if let Some(impact) = impact {
        changed_table(&mut out, lang, impact.changes);
    }
    let notice = sides.last().map(|s| s.policy.notice.get(lang)).unwrap_or_default();
    let _ = writeln!(
        out,
        "<hr>\n<p><small>{}</small></p>\n<p><small>{}</small></p>\n</body>\n</html>",
        pick(
            lang,
            "Totals are exact sums of each firm's best quote (domain.md §8): every firm whose best verdict is eligible takes that quote's loan as quoted; the default loss is what each party would bear if every such loan defaulted in full at disbursement. The --summary JSON has the same figures.",
            "合计为各企业最优报价的精确加总（domain.md §8）：最优结论为“可能符合”的企业均按该报价借款；违约损失为全部此类贷款在放款时即全额违约时各方承担的金额。--summary 输出的 JSON 数字与此相同。"
        ),
        esc(notice)
    );
    out
}

/// HTML-escape text (element content and attribute values).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn header(out: &mut String, lang: Lang, input: &str, sides: &[Side<'_>]) {
    out.push_str("<ul>\n");
    let _ = writeln!(out, "<li>{} {}</li>", pick(lang, "Tenant list:", "企业名单："), esc(input));
    for (i, side) in sides.iter().enumerate() {
        let role = match (sides.len(), i) {
            (1, _) => pick(lang, "Pack:", "数据包："),
            (_, 0) => pick(lang, "Old pack:", "原数据包："),
            _ => pick(lang, "New pack:", "新数据包："),
        };
        let p = side.policy;
        let _ = writeln!(
            out,
            "<li>{role} {} ({} {} {}, {} {})</li>",
            esc(p.name.get(lang)),
            esc(&p.id),
            pick(lang, "version", "版本"),
            esc(&p.version),
            pick(lang, "evaluated as of", "评估日期"),
            side.as_of
        );
    }
    if let Some(first) = sides.first() {
        let t = first.totals;
        let _ = write!(out, "<li>{} {}", pick(lang, "Firms in the list:", "名单企业数："), t.firms);
        if t.errors > 0 {
            let _ = write!(
                out,
                "{}{}{}",
                pick(lang, " (", "（"),
                t.errors,
                pick(lang, " rows could not be evaluated: see the error column)", " 行无法评估：见 error 列）")
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// The column headings of a figures table: the label column, then one per pack (and the
/// change for two).
fn heads<'a>(lang: Lang, first: &'a str, sides: &[Side<'_>]) -> Vec<&'a str> {
    let mut heads = vec![first];
    match sides.len() {
        1 => heads.push(pick(lang, "amount", "金额")),
        _ => heads.extend([
            pick(lang, "old pack", "原数据包"),
            pick(lang, "new pack", "新数据包"),
            pick(lang, "change", "变化"),
        ]),
    }
    heads
}

/// One value per pack, and the signed change for two.
fn cells(values: &[Decimal], show: fn(Decimal) -> String) -> Vec<String> {
    let mut out: Vec<String> = values.iter().map(|v| show(*v)).collect();
    if let [old, new] = values {
        out.push(signed(*new - *old, show));
    }
    out
}

/// A table: a heading row, then rows of a label and right-aligned figures.
fn table(out: &mut String, heads: &[&str], rows: &[(String, Vec<String>)]) {
    out.push_str("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<tr>");
    for (i, head) in heads.iter().enumerate() {
        let align = if i == 0 { "left" } else { "right" };
        let _ = write!(out, "<th scope=\"col\" align=\"{align}\">{}</th>", esc(head));
    }
    out.push_str("</tr>\n");
    for (label, values) in rows {
        let _ = write!(out, "<tr><th scope=\"row\" align=\"left\">{}</th>", esc(label));
        for value in values {
            let _ = write!(out, "<td align=\"right\"><nobr>{}</nobr></td>", esc(value));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// A table of amounts under the two packs (old, new, change): each label on a shaded row
/// of its own, its figures on the row below, so three long amounts fit a phone's width.
fn stacked_table(out: &mut String, heads: &[&str], rows: &[(String, Vec<String>)]) {
    out.push_str("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<thead><tr>");
    for head in heads.iter().skip(1) {
        let _ = write!(out, "<th scope=\"col\" align=\"right\">{}</th>", esc(head));
    }
    out.push_str("</tr></thead>\n");
    let span = heads.len().saturating_sub(1);
    for (label, values) in rows {
        let _ = write!(
            out,
            "<tbody><tr bgcolor=\"#eef2f7\"><th scope=\"rowgroup\" colspan=\"{span}\" align=\"left\">{}</th></tr>\n<tr>",
            esc(label)
        );
        for value in values {
            let _ = write!(out, "<td align=\"right\"><nobr>{}</nobr></td>", esc(value));
        }
        out.push_str("</tr></tbody>\n");
    }
    out.push_str("</table>\n");
}

/// Amounts: one pack as label and figure side by side; two packs stacked.
fn money_table(out: &mut String, heads: &[&str], rows: &[(String, Vec<String>)]) {
    if heads.len() > 2 {
        stacked_table(out, heads, rows);
    } else {
        table(out, heads, rows);
    }
}

fn count(v: Decimal) -> String {
    v.to_string()
}

/// A key figure: its label, how to get it, how to show it.
type KeyFigure<'a> = (&'a str, fn(&Eligible) -> Decimal, fn(Decimal) -> String);

fn key_figures(out: &mut String, lang: Lang, sides: &[Side<'_>]) {
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p>{}</p>",
        pick(lang, "Eligible firms and their loans", "可能符合条件的企业及其贷款"),
        pick(
            lang,
            "Firms whose best quote is likely eligible, if each takes that loan as quoted. Amounts in yuan.",
            "最优报价结论为“可能符合”的企业，假设均按报价借款。金额单位：元。"
        )
    );
    let rows: [KeyFigure<'_>; 5] = [
        (pick(lang, "firms", "企业数"), |e| Decimal::from(e.firms), count),
        (pick(lang, "loan amount", "贷款金额"), |e| e.loan_amount, money),
        (pick(lang, "interest subsidy", "贴息"), |e| e.interest_subsidy, money),
        (pick(lang, "guarantee fee subsidy", "担保费补贴"), |e| e.fee_subsidy, money),
        (pick(lang, "subsidies in all", "补贴合计"), |e| e.interest_subsidy + e.fee_subsidy, money),
    ];
    let rows: Vec<(String, Vec<String>)> = rows
        .iter()
        .map(|(label, get, show)| {
            let values: Vec<Decimal> = sides.iter().map(|s| get(&s.totals.eligible)).collect();
            (label.to_string(), cells(&values, *show))
        })
        .collect();
    money_table(out, &heads(lang, "", sides), &rows);
}

/// Verdict ids in report order.
const VERDICTS: [&str; 5] = ["eligible", "needs_info", "ineligible", "none", "error"];

/// A verdict id in words.
pub fn verdict_words(id: &str, lang: Lang) -> &str {
    match id {
        "eligible" => pick(lang, "likely eligible", "可能符合"),
        "needs_info" => pick(lang, "needs information", "需补充信息"),
        "ineligible" => pick(lang, "not eligible", "不符合"),
        "error" => pick(lang, "could not be evaluated", "无法评估"),
        "none" => pick(lang, "no product in force", "无在办产品"),
        other => other,
    }
}

fn verdict_count(totals: &Totals, id: &str) -> u64 {
    let v = &totals.by_verdict;
    match id {
        "eligible" => v.eligible,
        "needs_info" => v.needs_info,
        "ineligible" => v.ineligible,
        "error" => totals.errors,
        // A firm with no product in force has no verdict: the rest.
        _ => totals.firms.saturating_sub(v.eligible + v.needs_info + v.ineligible + totals.errors),
    }
}

fn verdicts(out: &mut String, lang: Lang, sides: &[Side<'_>], transitions: Option<&BTreeMap<String, u64>>) {
    let _ = writeln!(out, "<h2>{}</h2>", pick(lang, "Best verdict of each firm", "各企业的最优结论"));
    // The last two rows only when some firm is there.
    let shown: Vec<&str> = VERDICTS
        .iter()
        .copied()
        .filter(|id| {
            matches!(*id, "eligible" | "needs_info" | "ineligible")
                || sides.iter().any(|s| verdict_count(s.totals, id) > 0)
        })
        .collect();
    let rows: Vec<(String, Vec<Decimal>)> = shown
        .iter()
        .map(|id| {
            (
                verdict_words(id, lang).to_string(),
                sides.iter().map(|s| Decimal::from(verdict_count(s.totals, id))).collect(),
            )
        })
        .collect();
    let table_rows: Vec<(String, Vec<String>)> = rows.iter().map(|(l, v)| (l.clone(), cells(v, count))).collect();
    let mut head = heads(lang, pick(lang, "best verdict", "最优结论"), sides);
    if sides.len() == 1 {
        if let Some(h) = head.get_mut(1) {
            *h = pick(lang, "firms", "企业数");
        }
    }
    table(out, &head, &table_rows);
    bar_chart(out, &series(lang, sides), &rows, count);
    if let Some(transitions) = transitions {
        transition_matrix(out, lang, transitions);
    }
}

/// Rows: the old verdict; columns: the new one. Only verdicts that occur.
fn transition_matrix(out: &mut String, lang: Lang, transitions: &BTreeMap<String, u64>) {
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p>{}</p>",
        pick(lang, "From the old verdict to the new", "从原结论到新结论"),
        pick(
            lang,
            "Firms by best verdict under the old pack (rows) and the new pack (columns).",
            "按原数据包（行）与新数据包（列）最优结论统计的企业数。"
        )
    );
    let pair = |key: &String| key.split_once("->").map(|(a, b)| (a.to_string(), b.to_string()));
    let present = |side: fn(&(String, String)) -> &String| -> Vec<&str> {
        VERDICTS
            .iter()
            .copied()
            .filter(|id| {
                matches!(*id, "eligible" | "needs_info" | "ineligible")
                    || transitions.keys().filter_map(pair).any(|p| side(&p) == id)
            })
            .collect()
    };
    let olds = present(|p| &p.0);
    let news = present(|p| &p.1);
    let corner = format!("{} ↓ {} →", pick(lang, "old", "原"), pick(lang, "new", "新"));
    let mut heads: Vec<&str> = vec![&corner];
    heads.extend(news.iter().map(|id| verdict_words(id, lang)));
    let rows: Vec<(String, Vec<String>)> = olds
        .iter()
        .map(|old| {
            let values = news
                .iter()
                .map(|new| {
                    let n = transitions.get(&format!("{old}->{new}")).copied().unwrap_or(0);
                    if old == new {
                        format!("{n} ＝")
                    } else {
                        n.to_string()
                    }
                })
                .collect();
            (verdict_words(old, lang).to_string(), values)
        })
        .collect();
    table(out, &heads, &rows);
    let _ = writeln!(
        out,
        "<p><small>{}</small></p>",
        pick(lang, "＝ marks the firms whose verdict stays the same.", "＝ 标出结论不变的企业。")
    );
}

/// Subsidies by scheme, and by the provider who pays them (the budget to reserve).
fn subsidies(out: &mut String, lang: Lang, sides: &[Side<'_>]) {
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p>{}</p>",
        pick(lang, "Subsidies by scheme", "按补贴方案的补贴"),
        pick(
            lang,
            "What each scheme would pay the eligible firms over their loans' terms. Amounts in yuan.",
            "各补贴方案在贷款期内向可能符合条件的企业支付的金额。金额单位：元。"
        )
    );
    let mut schemes: Vec<&String> = Vec::new();
    for s in sides {
        for id in s.totals.eligible.subsidy_by_scheme.keys() {
            if !schemes.contains(&id) {
                schemes.push(id);
            }
        }
    }
    let scheme = |id: &str| sides.iter().rev().find_map(|s| s.policy.subsidy_scheme(id));
    let rows: Vec<Figure> = schemes
        .iter()
        .map(|id| {
            let name = scheme(id).map_or(id.to_string(), |s| s.name.get(lang).to_string());
            (
                format!("{name} ({id})"),
                name,
                sides
                    .iter()
                    .map(|s| s.totals.eligible.subsidy_by_scheme.get(*id).copied().unwrap_or_default())
                    .collect(),
            )
        })
        .collect();
    figures(out, lang, pick(lang, "scheme", "补贴方案"), sides, &rows, money);
    // By provider: each scheme names who pays it.
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p>{}</p>",
        pick(lang, "Subsidies by provider: the budget to reserve", "按出资方的补贴：需预留的预算"),
        pick(
            lang,
            "The schemes' amounts added up by who pays them. Amounts in yuan.",
            "按出资方汇总各补贴方案的金额。金额单位：元。"
        )
    );
    let mut providers: Vec<String> = Vec::new();
    let mut by_provider: Vec<BTreeMap<String, Decimal>> = Vec::new();
    for s in sides {
        let mut map = BTreeMap::new();
        for (id, amount) in &s.totals.eligible.subsidy_by_scheme {
            let provider = s.policy.subsidy_scheme(id).map_or(id.to_string(), |x| x.provider.get(lang).to_string());
            if !providers.contains(&provider) {
                providers.push(provider.clone());
            }
            *map.entry(provider).or_default() += amount;
        }
        by_provider.push(map);
    }
    let rows: Vec<Figure> = providers
        .iter()
        .map(|p| (p.clone(), p.clone(), by_provider.iter().map(|m| m.get(p).copied().unwrap_or_default()).collect()))
        .collect();
    figures(out, lang, pick(lang, "provider", "出资方"), sides, &rows, money);
}

fn risk(out: &mut String, lang: Lang, sides: &[Side<'_>]) {
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p>{}</p>",
        pick(lang, "Default loss by party", "违约损失由谁承担"),
        pick(
            lang,
            "What each party would bear if every eligible firm's loan defaulted in full at disbursement. Amounts in yuan.",
            "假设所有可能符合条件企业的贷款在放款时即全额违约，各方承担的金额。金额单位：元。"
        )
    );
    let mut roles: Vec<&String> = Vec::new();
    for s in sides {
        for role in s.totals.eligible.risk_by_role.keys() {
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
    }
    let rows: Vec<Figure> = roles
        .iter()
        .map(|r| {
            let values =
                sides.iter().map(|s| s.totals.eligible.risk_by_role.get(*r).copied().unwrap_or_default()).collect();
            (role_words(r, lang).to_string(), role_words(r, lang).to_string(), values)
        })
        .collect();
    figures(out, lang, pick(lang, "party", "承担方"), sides, &rows, money);
}

fn aprs(out: &mut String, lang: Lang, sides: &[Side<'_>]) {
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p>{}</p>",
        pick(lang, "Net APR of the eligible firms' best quotes", "可能符合条件企业最优报价的补贴后年化成本"),
        pick(
            lang,
            "Firms by annualised cost after subsidies (IRR method), in bands of one point.",
            "按补贴后年化成本（IRR 法）分段的企业数，每段 1 个百分点。"
        )
    );
    let rows: Vec<(String, Vec<Decimal>)> = AprBands::labels()
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            (label, sides.iter().map(|s| Decimal::from(s.aprs.counts().get(i).copied().unwrap_or(0))).collect())
        })
        .collect();
    let mut head = heads(lang, pick(lang, "net APR", "补贴后年化成本"), sides);
    if sides.len() == 1 {
        if let Some(h) = head.get_mut(1) {
            *h = pick(lang, "firms", "企业数");
        }
    }
    let table_rows: Vec<(String, Vec<String>)> = rows.iter().map(|(l, v)| (l.clone(), cells(v, count))).collect();
    table(out, &head, &table_rows);
    bar_chart(out, &series(lang, sides), &rows, count);
}

/// A row of figures: its label in the table, its label in the chart, one value per pack.
type Figure = (String, String, Vec<Decimal>);

/// A table of amounts and its chart; "none" when there is nothing to show.
fn figures(
    out: &mut String,
    lang: Lang,
    first: &str,
    sides: &[Side<'_>],
    rows: &[Figure],
    show: fn(Decimal) -> String,
) {
    if rows.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", pick(lang, "None.", "无。"));
        return;
    }
    let table_rows: Vec<(String, Vec<String>)> = rows.iter().map(|(l, _, v)| (l.clone(), cells(v, show))).collect();
    money_table(out, &heads(lang, first, sides), &table_rows);
    let chart_rows: Vec<(String, Vec<Decimal>)> = rows.iter().map(|(_, chart, v)| (chart.clone(), v.clone())).collect();
    bar_chart(out, &series(lang, sides), &chart_rows, show);
}

fn series(lang: Lang, sides: &[Side<'_>]) -> Vec<&'static str> {
    match sides.len() {
        1 => vec![],
        _ => vec![pick(lang, "old pack", "原数据包"), pick(lang, "new pack", "新数据包")],
    }
}

/// Width of the charts' coordinate system: about a phone's width, so the text stays
/// readable there; on a wider screen the chart keeps this size.
const CHART_W: i64 = 400;
/// The longest bar; the value is written after it.
const BAR_MAX: i64 = 240;
const COLOURS: [&str; 2] = ["#1f5fa8", "#d9822b"];

/// A horizontal bar chart: per row, its label above one bar per series with the value
/// written beside it (readable without colour). Bars scale to the largest value.
fn bar_chart(out: &mut String, series: &[&str], rows: &[(String, Vec<Decimal>)], show: fn(Decimal) -> String) {
    let max = rows.iter().flat_map(|(_, v)| v.iter().copied()).map(|v| v.abs()).max().unwrap_or(Decimal::ZERO);
    let per_row = series.len().max(1) as i64;
    let bar_h = 16;
    let group_h = bar_h * per_row + 20;
    let legend_h = if series.is_empty() { 0 } else { 22 };
    let height = legend_h + group_h * rows.len() as i64 + 4;
    // Fixed height and left-aligned: the chart shrinks on a narrow screen, never grows.
    let _ = writeln!(
        out,
        "<p><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_W} {height}\" width=\"100%\" height=\"{height}\" \
         preserveAspectRatio=\"xMinYMin meet\" aria-hidden=\"true\" font-family=\"sans-serif\">"
    );
    for (i, name) in series.iter().enumerate() {
        let x = 4 + i as i64 * 150;
        let colour = COLOURS.get(i).copied().unwrap_or("#666");
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{}\" y=\"15\" font-size=\"13\">{}</text>",
            x + 17,
            esc(name)
        );
    }
    for (r, (label, values)) in rows.iter().enumerate() {
        let y0 = legend_h + r as i64 * group_h;
        let _ = writeln!(out, "<text x=\"4\" y=\"{}\" font-size=\"13\">{}</text>", y0 + 14, esc(&shorten(label, 48)));
        for (i, v) in values.iter().enumerate() {
            let y = y0 + 19 + i as i64 * bar_h;
            let width = if max.is_zero() { Decimal::ZERO } else { v.abs() * Decimal::from(BAR_MAX) / max };
            // At least a sliver for a value that is not zero, so it does not look like none.
            let width = width.round().max(if v.is_zero() { Decimal::ZERO } else { Decimal::ONE });
            let colour = COLOURS.get(i).copied().unwrap_or("#666");
            let _ = writeln!(
                out,
                "<rect x=\"4\" y=\"{y}\" width=\"{width}\" height=\"{}\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
                bar_h - 3,
                width + Decimal::from(10),
                y + bar_h - 5,
                esc(&show(*v))
            );
        }
    }
    out.push_str("</svg></p>\n");
}

/// At most `max` characters, with an ellipsis when cut (the table has the whole text).
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn standing_words(standing: Standing, lang: Lang) -> &'static str {
    match standing {
        Standing::Fails => pick(lang, "fails", "不满足"),
        Standing::Unknown => pick(lang, "unknown", "无法判断"),
        Standing::Clear => "—",
    }
}

fn changed_table(out: &mut String, lang: Lang, changes: &Changes) {
    let _ = writeln!(
        out,
        "<h2>{}{}{}{}</h2>",
        pick(lang, "Firms whose best verdict changes", "最优结论发生变化的企业"),
        pick(lang, " (", "（"),
        changes.total,
        pick(lang, ")", "）")
    );
    if changes.total == 0 {
        let _ =
            writeln!(out, "<p>{}</p>", pick(lang, "None: every firm keeps its verdict.", "无：所有企业的结论均不变。"));
        return;
    }
    let _ = writeln!(
        out,
        "<p>{}</p>",
        pick(
            lang,
            "Each firm with its best verdict and product under the old and the new pack, and the required criteria that stand differently (fails, unknown, or — for passes or not a criterion of that product).",
            "列出每家企业在原、新数据包下的最优结论与产品，以及判定不同的必备条件（不满足、无法判断，或 — 表示满足或非该产品的条件）。"
        )
    );
    let _ = writeln!(
        out,
        "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<tr><th scope=\"col\" align=\"left\">{}</th><th scope=\"col\" align=\"left\">{}</th><th scope=\"col\" align=\"left\">{}</th></tr>",
        pick(lang, "firm (input line)", "企业（输入行号）"),
        pick(lang, "old → new", "原 → 新"),
        pick(lang, "because of", "原因")
    );
    for c in &changes.listed {
        let product = |p: &Option<String>| p.as_deref().map_or(String::new(), |p| format!(" ({})", esc(p)));
        let because = match &c.error {
            Some(error) => esc(error),
            None => {
                let parts: Vec<String> = c
                    .because
                    .iter()
                    .map(|b| {
                        format!(
                            "{}: <nobr>{} → {}</nobr>",
                            esc(&b.id),
                            standing_words(b.old, lang),
                            standing_words(b.new, lang)
                        )
                    })
                    .collect();
                parts.join("<br>")
            }
        };
        let _ = writeln!(
            out,
            "<tr><td>{}<br><small>{} {}</small></td><td>{}{}<br>→ {}{}</td><td>{}</td></tr>",
            esc(&c.firm),
            pick(lang, "line", "第"),
            match lang {
                Lang::En => c.line.to_string(),
                Lang::ZhCn => format!("{} 行", c.line),
            },
            esc(verdict_words(c.old, lang)),
            product(&c.old_product),
            esc(verdict_words(c.new, lang)),
            product(&c.new_product),
            because
        );
    }
    out.push_str("</table>\n");
    let more = changes.total.saturating_sub(changes.listed.len() as u64);
    if more > 0 {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            match lang {
                Lang::En => format!(
                    "… and {more} more: the rows output (--output) lists every firm, with the changed_by column."
                ),
                Lang::ZhCn => format!("……另有 {more} 家：逐行输出（--output）列出全部企业，见 changed_by 列。"),
            }
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apr_bands_are_half_open() {
        let mut bands = AprBands::default();
        for apr in ["0", "0.009999", "0.01", "0.0345", "0.059999", "0.06", "0.25"] {
            bands.add(apr.parse().unwrap());
        }
        assert_eq!(bands.counts(), &[2, 1, 0, 1, 0, 1, 2]);
        let mut twice = bands.clone();
        twice.merge(&bands);
        assert_eq!(twice.counts(), &[4, 2, 0, 2, 0, 2, 4]);
        assert_eq!(AprBands::labels().first().map(String::as_str), Some("0–1%"));
        assert_eq!(AprBands::labels().last().map(String::as_str), Some("≥ 6%"));
    }

    #[test]
    fn escapes_everything_that_could_open_markup() {
        assert_eq!(esc("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }

    #[test]
    fn the_changed_list_is_capped_but_counted() {
        let mut changes = Changes::default();
        for line in 0..(CHANGED_LISTED as u64 + 7) {
            changes.add(|| Changed {
                line,
                firm: String::new(),
                old: "eligible",
                new: "ineligible",
                old_product: None,
                new_product: None,
                because: vec![],
                error: None,
            });
        }
        assert_eq!((changes.listed.len(), changes.total), (CHANGED_LISTED, CHANGED_LISTED as u64 + 7));
        let policy = Policy::default_pack();
        let totals = Totals::default();
        let aprs = AprBands::default();
        let side = || Side { policy: &policy, as_of: policy.market.as_of, totals: &totals, aprs: &aprs };
        let transitions = BTreeMap::new();
        let html = render(
            Lang::En,
            "t.csv",
            &[side(), side()],
            Some(&ImpactPart { transitions: &transitions, changes: &changes }),
        );
        assert!(html.contains("… and 7 more"), "{html}");
    }
}
