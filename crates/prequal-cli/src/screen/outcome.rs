//! One firm's screening result: the best product and what stands in its way, reduced
//! from the full report right away so a chunk of thousands of firms stays small.

use super::row::Parsed;
use crate::fail::separator;
use prequal::condition::Status;
use prequal::report::{Quote, Verdict};
use prequal::size::SizeClass;
use prequal::{evaluate, Date, Decimal, Error, Lang, Policy};
use serde::Serialize;

/// One output row. Field names are the output's column names.
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
}

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
    /// Evaluate one parsed row.
    pub fn screen(&self, line: u64, parsed: Parsed) -> ScreenRow {
        let mut row = ScreenRow {
            line,
            id: parsed.id,
            name: parsed.name,
            size_class: None,
            best_product: None,
            verdict: None,
            limit: None,
            apr_net: None,
            failed: Vec::new(),
            unknown: Vec::new(),
            error: None,
        };
        let report = parsed.firm.and_then(|firm| evaluate(self.policy, &firm, self.as_of));
        match report {
            Err(error) => row.error = Some(self.message(&error, None)),
            Ok(report) => {
                row.size_class = Some(report.firm.size_class);
                if let Some(best) = report.quotes.first() {
                    self.describe(best, &mut row);
                }
            }
        }
        row
    }

    fn describe(&self, best: &Quote, row: &mut ScreenRow) {
        row.best_product = Some(best.product.clone());
        row.verdict = Some(best.verdict);
        row.limit = best.limit.amount;
        row.apr_net = best.apr_net;
        let ids = |status: Status| -> Vec<String> {
            best.criteria.iter().filter(|c| c.required && c.status == status).map(|c| c.id.clone()).collect()
        };
        row.failed = ids(Status::Fail);
        row.unknown = ids(Status::Unknown);
        row.error = best.error.as_ref().map(|e| self.message(e, Some(&best.product)));
    }

    /// `营业收入: negative amount: ...` (the line is its own column), in the caller's language.
    fn message(&self, error: &Error, product: Option<&str>) -> String {
        let sep = separator(self.lang);
        let text = error.message(self.lang);
        // A row-level error (wrong number of fields) has no field to name: drop the
        // empty place `Error::message` would put in front.
        let text = text.strip_prefix(sep).unwrap_or(&text);
        match product {
            Some(product) => format!("{product}{sep}{text}"),
            None => text.to_string(),
        }
    }
}
