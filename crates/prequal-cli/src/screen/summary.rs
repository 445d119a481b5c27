//! What a person watching a long screening sees on stderr: a progress bar while it runs
//! (only on a terminal) and a summary at the end: counts, and the portfolio figures of
//! domain.md §8 (the same figures `--summary` writes as JSON).

use super::outcome::ScreenRow;
use super::output::verdict_id;
use crate::fail::separator;
use crate::files::say;
use crate::render::{money, pick};
use indicatif::{ProgressBar, ProgressStyle};
use prequal::portfolio::AprBands;
use prequal::portfolio::{Eligible, Screened, Totals};
use prequal::{Decimal, Lang};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::time::Duration;

/// Counts and totals over the rows written.
#[derive(Default)]
pub struct Tally {
    /// Rows screened.
    pub rows: u64,
    /// Rows with an error (including a best quote that could not be priced).
    pub errors: u64,
    by_verdict: BTreeMap<String, u64>,
    by_product: BTreeMap<String, u64>,
    /// The portfolio totals (`--summary`).
    pub totals: Totals,
    /// Net APRs of the eligible firms' best quotes (`--html`).
    pub aprs: AprBands,
}

impl Tally {
    /// Count a row and add its figures.
    pub fn add(&mut self, row: &ScreenRow, screened: Result<&Screened, ()>) {
        self.rows += 1;
        if row.error.is_some() {
            self.errors += 1;
        }
        let verdict = match (row.verdict, &row.error) {
            (Some(v), _) => verdict_id(v),
            (None, Some(_)) => "error",
            (None, None) => "no_product",
        };
        *self.by_verdict.entry(verdict.to_string()).or_default() += 1;
        if let Some(product) = &row.best_product {
            *self.by_product.entry(product.clone()).or_default() += 1;
        }
        self.totals.add(screened);
        self.aprs.add_row(screened);
    }

    /// The summary lines.
    pub fn report(&self, elapsed: Duration, lang: Lang) -> String {
        let mut out = match lang {
            Lang::En => format!("screened {} firms {}\n", self.rows, timing(self.rows, elapsed, lang)),
            Lang::ZhCn => format!("已筛查 {} 家企业，{}\n", self.rows, timing(self.rows, elapsed, lang)),
        };
        let sep = separator(lang);
        out.push_str(&format!(
            "{}{sep}{}\n{}{sep}{}",
            pick(lang, "by verdict", "按结论"),
            counts(&self.by_verdict),
            pick(lang, "by best product", "按最优产品"),
            counts(&self.by_product),
        ));
        for line in figure_lines(lang, &[&self.totals.eligible]) {
            out.push('\n');
            out.push_str(&line);
        }
        if self.errors > 0 {
            out.push('\n');
            out.push_str(&errors_line(self.errors, lang));
        }
        out
    }
}

/// `in 0.110 s (9090 firms/s)`, without floating point.
pub fn timing(rows: u64, elapsed: Duration, lang: Lang) -> String {
    let rate = u128::from(rows) * 1000 / elapsed.as_millis().max(1);
    let time = format!("{}.{:03}", elapsed.as_secs(), elapsed.subsec_millis());
    match lang {
        Lang::En => format!("in {time} s ({rate} firms/s)"),
        Lang::ZhCn => format!("用时 {time} 秒（{rate} 家/秒）"),
    }
}

/// `N rows could not be evaluated`.
pub fn errors_line(errors: u64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{errors} rows could not be evaluated (see the error column)"),
        Lang::ZhCn => format!("{errors} 行无法评估（见 error 列）"),
    }
}

/// `key n, key n` by count, largest first; `-` for none.
pub fn counts(counts: &BTreeMap<String, u64>) -> String {
    let mut items: Vec<(&String, &u64)> = counts.iter().collect();
    items.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let parts: Vec<String> = items.iter().map(|(k, n)| format!("{k} {n}")).collect();
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join(", ")
    }
}

/// The eligible firms' figures as lines: one value each for one portfolio, or
/// `old → new (change)` for two.
pub fn figure_lines(lang: Lang, sides: &[&Eligible]) -> Vec<String> {
    let sep = separator(lang);
    let list_sep = pick(lang, ", ", "，");
    let (open, close) = (pick(lang, " (", "（"), pick(lang, ")", "）"));
    let show = |values: &[Decimal], format: fn(Decimal) -> String| match values {
        [one] => format(*one),
        [old, new] => format!("{} → {}{open}{}{close}", format(*old), format(*new), signed(*new - *old, format)),
        _ => String::new(),
    };
    let count = |d: Decimal| d.to_string();
    let yuan = |d: Decimal| money(d);
    let of = |f: fn(&Eligible) -> Decimal| sides.iter().map(|e| f(e)).collect::<Vec<Decimal>>();
    let mut lines = vec![
        format!(
            "{}{sep}{}",
            pick(lang, "eligible firms", "符合条件的企业"),
            show(&of(|e| Decimal::from(e.firms)), count)
        ),
        format!("{}{sep}{}", pick(lang, "their loans (yuan)", "其贷款金额（元）"), show(&of(|e| e.loan_amount), yuan)),
        format!(
            "{}{sep}{}{list_sep}{}{sep}{}",
            pick(lang, "interest subsidy (yuan)", "贴息（元）"),
            show(&of(|e| e.interest_subsidy), yuan),
            pick(lang, "guarantee fee subsidy", "担保费补贴"),
            show(&of(|e| e.fee_subsidy), yuan),
        ),
    ];
    let keyed = |label: &str, map: fn(&Eligible) -> &BTreeMap<String, Decimal>, word: fn(&str, Lang) -> &str| {
        let mut keys: Vec<&String> = sides.iter().flat_map(|e| map(e).keys()).collect();
        keys.sort();
        keys.dedup();
        let parts: Vec<String> = keys
            .iter()
            .map(|k| {
                let values: Vec<Decimal> = sides.iter().map(|e| map(e).get(*k).copied().unwrap_or_default()).collect();
                format!("{} {}", word(k, lang), show(&values, yuan))
            })
            .collect();
        let parts = if parts.is_empty() { "-".to_string() } else { parts.join(pick(lang, "; ", "；")) };
        format!("{label}{sep}{parts}")
    };
    lines.push(keyed(pick(lang, "subsidy by scheme", "按补贴方案"), |e| &e.subsidy_by_scheme, |k, _| k));
    lines.push(keyed(pick(lang, "default loss by party", "违约损失按承担方"), |e| &e.risk_by_role, role_words));
    lines
}

/// A change with its sign: `+3`, `-1,200.00`, `0.00`.
pub fn signed(value: Decimal, format: fn(Decimal) -> String) -> String {
    if value > Decimal::ZERO {
        format!("+{}", format(value))
    } else {
        format(value)
    }
}

/// A risk role in words (`bank`, `银行`).
pub fn role_words(role: &str, lang: Lang) -> &str {
    match role {
        "bank" => pick(lang, "bank", "银行"),
        "guarantor" => pick(lang, "guarantor", "担保机构"),
        "re_guarantor" => pick(lang, "re-guarantor", "再担保机构"),
        "government" => pick(lang, "government", "政府"),
        "risk_pool" => pick(lang, "risk pool", "风险补偿资金池"),
        "park" => pick(lang, "park", "园区"),
        other => other,
    }
}

/// A progress bar over the bytes of the input, shown only when stderr is a terminal so
/// logs of batch jobs stay clean.
pub struct Progress {
    bar: Option<ProgressBar>,
    lang: Lang,
}

impl Progress {
    /// A bar for an input of `bytes` bytes (hidden when stderr is not a terminal).
    pub fn new(bytes: u64, lang: Lang) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress { bar: None, lang };
        }
        let bar = ProgressBar::new(bytes);
        let style =
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {percent:>3}% {msg} (eta {eta})");
        if let Ok(style) = style {
            bar.set_style(style);
        }
        Progress { bar: Some(bar), lang }
    }

    /// Move to `position` bytes, with the number of firms done.
    pub fn update(&self, position: u64, rows: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(position);
            bar.set_message(match self.lang {
                Lang::En => format!("{rows} firms"),
                Lang::ZhCn => format!("{rows} 家"),
            });
        }
    }

    /// Print a line above the bar.
    pub fn println(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| say(text)),
            None => say(text),
        }
    }

    /// Remove the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eligible(firms: i64, loan: i64, scheme: i64) -> Eligible {
        Eligible {
            firms,
            loan_amount: Decimal::from(loan),
            interest_subsidy: Decimal::new(scheme, 0),
            fee_subsidy: Decimal::ZERO,
            subsidy_by_scheme: [("national-sme-interest".to_string(), Decimal::from(scheme))].into(),
            risk_by_role: [("bank".to_string(), Decimal::from(loan))].into(),
        }
    }

    #[test]
    fn one_portfolio_or_a_change() {
        let lines = figure_lines(Lang::En, &[&eligible(3, 1_500_000, 2500)]);
        assert_eq!(lines[0], "eligible firms: 3");
        assert_eq!(lines[1], "their loans (yuan): 1,500,000.00");
        assert_eq!(lines[2], "interest subsidy (yuan): 2,500.00, guarantee fee subsidy: 0.00");
        assert_eq!(lines[3], "subsidy by scheme: national-sme-interest 2,500.00");
        assert_eq!(lines[4], "default loss by party: bank 1,500,000.00");
        let lines = figure_lines(Lang::ZhCn, &[&eligible(3, 1_500_000, 2500), &eligible(2, 1_000_000, 3000)]);
        assert_eq!(lines[0], "符合条件的企业：3 → 2（-1）");
        assert_eq!(lines[3], "按补贴方案：national-sme-interest 2,500.00 → 3,000.00（+500.00）");
        assert_eq!(lines[4], "违约损失按承担方：银行 1,500,000.00 → 1,000,000.00（-500,000.00）");
        let empty = figure_lines(Lang::En, &[&Eligible::default()]);
        assert_eq!(empty[3], "subsidy by scheme: -");
    }
}
