//! One firm's screening result: the best product and what stands in its way, from the
//! core's fast path (`portfolio::screen`: the checks without their sentences, and only the
//! products that can rank first priced), so a chunk of thousands of firms stays small.

use super::row::Parsed;
use crate::cost_cache::CostCache;
use crate::error::separator;
use crate::portfolio::{self, Best, Screened};
use crate::report::Verdict;
use crate::size::SizeClass;
use crate::{Date, Decimal, Error, Lang, Policy};
use serde::Serialize;

/// One output row. Field names are the output's column names, in the output's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScreenRow {
    /// Line of the input file the firm starts on.
    pub line: u64,
    /// Passed through from the input.
    pub id: String,
    /// Passed through from the input.
    pub name: String,
    /// SME size class.
    pub size_class: Option<SizeClass>,
    /// Id of the best-ranked product.
    pub best_product: Option<String>,
    /// The best product's verdict.
    pub verdict: Option<Verdict>,
    /// The best product's estimated limit, yuan.
    pub limit: Option<Decimal>,
    /// The best product's APR after subsidies.
    pub apr_net: Option<Decimal>,
    /// Required criteria of the best product that fail.
    pub failed: Vec<String>,
    /// Required criteria of the best product that could not be checked.
    pub unknown: Vec<String>,
    /// Why the row could not be evaluated (or the best quote could not be priced).
    pub error: Option<String>,
    /// The loan the best quote prices, yuan.
    pub loan_amount: Option<Decimal>,
    /// Its interest subsidies, yuan.
    pub interest_subsidy: Option<Decimal>,
    /// Its guarantee fee subsidies, yuan.
    pub fee_subsidy: Option<Decimal>,
    /// Its total cost after subsidies (interest + guarantee fee − subsidies), yuan.
    pub total_cost_net: Option<Decimal>,
}

impl ScreenRow {
    /// A row with only the pass-through cells filled.
    pub fn blank(line: u64, id: String, name: String) -> ScreenRow {
        ScreenRow {
            line,
            id,
            name,
            size_class: None,
            best_product: None,
            verdict: None,
            limit: None,
            apr_net: None,
            failed: Vec::new(),
            unknown: Vec::new(),
            error: None,
            loan_amount: None,
            interest_subsidy: None,
            fee_subsidy: None,
            total_cost_net: None,
        }
    }
}

/// A screened row: what is written, and the core's figures the totals add up (`Err` for a
/// row that could not be evaluated).
pub type Outcome = (ScreenRow, Result<Screened, ()>);

/// What every row is screened with.
pub struct Screening<'a> {
    /// The pack.
    pub policy: &'a Policy,
    /// The evaluation date.
    pub as_of: Date,
    /// The language of error messages.
    pub lang: Lang,
}

impl Screening<'_> {
    /// Screen one firm with the core's fast path: its best quote, reduced. Loans priced
    /// before take their figures from `costs` (the same result; see `portfolio::screen_cached`).
    pub fn best(&self, firm: &crate::Firm, costs: &mut CostCache) -> Result<Screened, Error> {
        portfolio::screen_cached(self.policy, firm, self.as_of, costs)
    }

    /// Evaluate one parsed row.
    pub fn screen(&self, line: u64, parsed: Parsed, costs: &mut CostCache) -> Outcome {
        let mut row = ScreenRow::blank(line, parsed.id, parsed.name);
        match parsed.firm.and_then(|firm| self.best(&firm, costs)) {
            Err(error) => {
                row.error = Some(message(&error, None, self.lang));
                (row, Err(()))
            }
            Ok(screened) => {
                row.size_class = Some(screened.size_class);
                if let Some(best) = &screened.best {
                    self.describe(best, &mut row);
                }
                (row, Ok(screened))
            }
        }
    }

    fn describe(&self, best: &Best, row: &mut ScreenRow) {
        row.best_product = Some(best.product.clone());
        row.verdict = Some(best.verdict);
        row.limit = best.limit;
        row.apr_net = best.apr_net;
        row.failed.clone_from(&best.failed);
        row.unknown.clone_from(&best.unknown);
        row.error = best.error.as_ref().map(|e| message(e, Some(&best.product), self.lang));
        row.loan_amount = best.loan_amount;
        row.interest_subsidy = best.interest_subsidy;
        row.fee_subsidy = best.fee_subsidy;
        row.total_cost_net = best.total_cost_net;
    }
}

/// `营业收入: negative amount: ...` (the line is its own column), in the caller's language;
/// a pricing error is prefixed with its product.
pub fn message(error: &Error, product: Option<&str>, lang: Lang) -> String {
    let sep = separator(lang);
    let text = error.message(lang);
    // A row-level error (wrong number of fields) has no field to name: drop the
    // empty place `Error::message` would put in front.
    let text = text.strip_prefix(sep).unwrap_or(&text);
    match product {
        Some(product) => format!("{product}{sep}{text}"),
        None => text.to_string(),
    }
}

impl ScreenRow {
    /// The CSV header line, which is also the order of the JSON fields.
    pub const HEADER: &'static [&'static str] = &[
        "line",
        "id",
        "name",
        "size_class",
        "best_product",
        "verdict",
        "limit",
        "apr_net",
        "failed",
        "unknown",
        "error",
        "loan_amount",
        "interest_subsidy",
        "fee_subsidy",
        "total_cost_net",
    ];

    /// The CSV cells under [`ScreenRow::HEADER`]: empty for unknown, ids joined by `;`.
    pub fn cells(&self) -> Vec<String> {
        vec![
            self.line.to_string(),
            self.id.clone(),
            self.name.clone(),
            self.size_class.map(size_id).unwrap_or_default().to_string(),
            self.best_product.clone().unwrap_or_default(),
            self.verdict.map(verdict_id).unwrap_or_default().to_string(),
            amount(self.limit),
            amount(self.apr_net),
            self.failed.join(";"),
            self.unknown.join(";"),
            self.error.clone().unwrap_or_default(),
            amount(self.loan_amount),
            amount(self.interest_subsidy),
            amount(self.fee_subsidy),
            amount(self.total_cost_net),
        ]
    }
}

/// A decimal as the engine writes it, empty when unknown.
pub fn amount(value: Option<Decimal>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}

/// A verdict's id as in JSON (`needs_info`), so CSV and JSON use the same words.
pub fn verdict_id(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "eligible",
        Verdict::NeedsInfo => "needs_info",
        Verdict::Ineligible => "ineligible",
    }
}

/// A size class's id as in JSON.
pub fn size_id(size: SizeClass) -> &'static str {
    match size {
        SizeClass::Micro => "micro",
        SizeClass::Small => "small",
        SizeClass::Medium => "medium",
        SizeClass::Large => "large",
        SizeClass::Unknown => "unknown",
    }
}
