//! One firm under two packs: the best quote under each, side by side, and the criteria
//! that made the verdicts differ.

use crate::html::{Because, Changed, Standing};
use crate::screen::outcome::{message, Screening};
use crate::screen::output::{amount, verdict_id, Row};
use crate::screen::row::Parsed;
use crate::screen::with_costs;
use prequal::portfolio::{self, Best, Screened};
use prequal::report::Verdict;
use prequal::{Decimal, Lang};
use serde::Serialize;

/// One output row. Field names are the output's column names, in the output's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImpactRow {
    /// Line of the input file the firm starts on.
    pub line: u64,
    /// Passed through from the input.
    pub id: String,
    /// Passed through from the input.
    pub name: String,
    /// Best product under the old pack.
    pub old_product: Option<String>,
    /// Its verdict.
    pub old_verdict: Option<Verdict>,
    /// Its estimated limit, yuan.
    pub old_limit: Option<Decimal>,
    /// Its APR after subsidies.
    pub old_apr_net: Option<Decimal>,
    /// Interest + guarantee fee subsidy of its loan, yuan.
    pub old_subsidy: Option<Decimal>,
    /// Best product under the new pack.
    pub new_product: Option<String>,
    /// Its verdict.
    pub new_verdict: Option<Verdict>,
    /// Its estimated limit, yuan.
    pub new_limit: Option<Decimal>,
    /// Its APR after subsidies.
    pub new_apr_net: Option<Decimal>,
    /// Interest + guarantee fee subsidy of its loan, yuan.
    pub new_subsidy: Option<Decimal>,
    /// When the verdicts differ: the required criteria that fail or are unknown under one
    /// pack and do not stand the same under the other.
    pub changed_by: Vec<String>,
    /// Why the row (or one pack's quote) could not be evaluated.
    pub error: Option<String>,
}

impl Row for ImpactRow {
    const HEADER: &'static [&'static str] = &[
        "line",
        "id",
        "name",
        "old_product",
        "old_verdict",
        "old_limit",
        "old_apr_net",
        "old_subsidy",
        "new_product",
        "new_verdict",
        "new_limit",
        "new_apr_net",
        "new_subsidy",
        "changed_by",
        "error",
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.line.to_string(),
            self.id.clone(),
            self.name.clone(),
            self.old_product.clone().unwrap_or_default(),
            self.old_verdict.map(verdict_id).unwrap_or_default().to_string(),
            amount(self.old_limit),
            amount(self.old_apr_net),
            amount(self.old_subsidy),
            self.new_product.clone().unwrap_or_default(),
            self.new_verdict.map(verdict_id).unwrap_or_default().to_string(),
            amount(self.new_limit),
            amount(self.new_apr_net),
            amount(self.new_subsidy),
            self.changed_by.join(";"),
            self.error.clone().unwrap_or_default(),
        ]
    }
}

/// A compared row: what is written, and each pack's figures (`Err`: not evaluated).
pub struct Compared {
    /// The output row.
    pub row: ImpactRow,
    /// Under the old pack.
    pub old: Result<Screened, ()>,
    /// Under the new pack.
    pub new: Result<Screened, ()>,
}

impl Compared {
    /// Whether the best verdicts differ (an error or no product counts as a verdict).
    pub fn changed(&self) -> bool {
        portfolio::verdict_id(self.old.as_ref().map_err(|_| ()))
            != portfolio::verdict_id(self.new.as_ref().map_err(|_| ()))
    }

    /// The firm for the report's list of changed verdicts.
    pub fn for_report(&self) -> Changed {
        let (old, new) = (best(&self.old), best(&self.new));
        let firm = match (self.row.id.as_str(), self.row.name.as_str()) {
            (id, "") => id.to_string(),
            ("", name) => name.to_string(),
            (id, name) => format!("{id} {name}"),
        };
        Changed {
            line: self.row.line,
            firm,
            old: portfolio::verdict_id(self.old.as_ref().map_err(|_| ())),
            new: portfolio::verdict_id(self.new.as_ref().map_err(|_| ())),
            old_product: old.map(|b| b.product.clone()),
            new_product: new.map(|b| b.product.clone()),
            because: standings(old, new)
                .into_iter()
                .map(|(id, old, new)| Because { id: id.to_string(), old, new })
                .collect(),
            error: self.row.error.clone(),
        }
    }
}

/// Both packs, for every row.
pub struct Comparison<'a> {
    /// The pack in force.
    pub old: Screening<'a>,
    /// The pack compared with it.
    pub new: Screening<'a>,
    /// The language of error messages.
    pub lang: Lang,
}

impl Comparison<'_> {
    /// Screen one parsed row under both packs.
    pub fn compare(&self, line: u64, parsed: Parsed) -> Compared {
        let mut row = ImpactRow {
            line,
            id: parsed.id,
            name: parsed.name,
            old_product: None,
            old_verdict: None,
            old_limit: None,
            old_apr_net: None,
            old_subsidy: None,
            new_product: None,
            new_verdict: None,
            new_limit: None,
            new_apr_net: None,
            new_subsidy: None,
            changed_by: Vec::new(),
            error: None,
        };
        let firm = match parsed.firm {
            Ok(firm) => firm,
            Err(error) => {
                row.error = Some(message(&error, None, self.lang));
                return Compared { row, old: Err(()), new: Err(()) };
            }
        };
        let mut errors = Vec::new();
        let mut side = |screening: &Screening<'_>, which: &str| match with_costs(|c| screening.best(&firm, c)) {
            Ok(screened) => {
                if let Some(e) = screened.best.as_ref().and_then(|b| b.error.as_ref().map(|e| (e, &b.product))) {
                    errors.push(self.labelled(which, &message(e.0, Some(e.1), self.lang)));
                }
                Ok(screened)
            }
            Err(error) => {
                errors.push(self.labelled(which, &message(&error, None, self.lang)));
                Err(())
            }
        };
        let old = side(&self.old, "old");
        let new = side(&self.new, "new");
        if !errors.is_empty() {
            row.error = Some(errors.join(crate::render::pick(self.lang, "; ", "；")));
        }
        if let Some(b) = best(&old) {
            row.old_product = Some(b.product.clone());
            row.old_verdict = Some(b.verdict);
            row.old_limit = b.limit;
            row.old_apr_net = b.apr_net;
            row.old_subsidy = subsidy(b);
        }
        if let Some(b) = best(&new) {
            row.new_product = Some(b.product.clone());
            row.new_verdict = Some(b.verdict);
            row.new_limit = b.limit;
            row.new_apr_net = b.apr_net;
            row.new_subsidy = subsidy(b);
        }
        let compared = Compared { row, old, new };
        if compared.changed() && compared.old.is_ok() && compared.new.is_ok() {
            let ids: Vec<String> = standings(best(&compared.old), best(&compared.new))
                .into_iter()
                .map(|(id, _, _)| id.to_string())
                .collect();
            return Compared { row: ImpactRow { changed_by: ids, ..compared.row }, ..compared };
        }
        compared
    }

    /// `old pack: ...` / `原数据包：...`.
    fn labelled(&self, which: &str, text: &str) -> String {
        let label = match (which, self.lang) {
            ("old", Lang::En) => "old pack: ",
            ("old", Lang::ZhCn) => "原数据包：",
            (_, Lang::En) => "new pack: ",
            (_, Lang::ZhCn) => "新数据包：",
        };
        format!("{label}{text}")
    }
}

/// The best quote of one side, if it has one.
fn best(side: &Result<Screened, ()>) -> Option<&Best> {
    side.as_ref().ok().and_then(|s| s.best.as_ref())
}

/// Interest + guarantee fee subsidy of a best quote's loan (none without a loan).
fn subsidy(best: &Best) -> Option<Decimal> {
    match (best.interest_subsidy, best.fee_subsidy) {
        (None, None) => None,
        (interest, fee) => Some(interest.unwrap_or_default() + fee.unwrap_or_default()),
    }
}

/// The required criteria that fail or are unknown under one pack and do not stand the same
/// under the other, in order: the old pack's failed and unknown, then the new pack's.
fn standings<'a>(old: Option<&'a Best>, new: Option<&'a Best>) -> Vec<(&'a str, Standing, Standing)> {
    let standing = |best: Option<&Best>, id: &str| match best {
        Some(b) if b.failed.iter().any(|f| f == id) => Standing::Fails,
        Some(b) if b.unknown.iter().any(|u| u == id) => Standing::Unknown,
        _ => Standing::Clear,
    };
    let ids = [old, new].into_iter().flatten().flat_map(|b| b.failed.iter().chain(&b.unknown));
    let mut out: Vec<(&str, Standing, Standing)> = Vec::new();
    for id in ids {
        let (o, n) = (standing(old, id), standing(new, id));
        if o != n && !out.iter().any(|(seen, _, _)| *seen == id) {
            out.push((id, o, n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(verdict: Verdict, failed: &[&str], unknown: &[&str]) -> Best {
        Best {
            product: "p".into(),
            verdict,
            limit: None,
            apr_net: None,
            loan_amount: None,
            interest_subsidy: Some(Decimal::from(10)),
            fee_subsidy: None,
            total_cost_net: None,
            subsidies: vec![],
            risk: vec![],
            failed: failed.iter().map(|s| s.to_string()).collect(),
            unknown: unknown.iter().map(|s| s.to_string()).collect(),
            error: None,
        }
    }

    #[test]
    fn what_changed_the_verdict() {
        let old = quote(Verdict::Ineligible, &["tax_grade", "age"], &["years"]);
        let new = quote(Verdict::NeedsInfo, &[], &["tax_grade", "years"]);
        let ids = standings(Some(&old), Some(&new));
        assert_eq!(
            ids,
            vec![("tax_grade", Standing::Fails, Standing::Unknown), ("age", Standing::Fails, Standing::Clear)]
        );
        let eligible = quote(Verdict::Eligible, &[], &[]);
        assert_eq!(standings(None, Some(&old)).len(), 3);
        assert!(standings(Some(&eligible), Some(&eligible)).is_empty());
        assert_eq!(subsidy(&eligible), Some(Decimal::from(10)));
        assert_eq!(subsidy(&Best { interest_subsidy: None, ..eligible }), None);
    }
}
