//! The firm profile: what a firm tells about itself. Everything is optional but the
//! industry, which a JSON profile must state (a form being filled in may not have it yet);
//! a criterion that needs a missing figure is "unknown", never a guess. Answers to facts a
//! pack declares sit under `facts`, checked against the pack when it is evaluated.

use crate::date::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::facts::Answers;
use crate::json::{FromJson, Node};
use crate::limits;
use crate::schedule::RepaymentMethod;
use crate::size::Industry;
use rust_decimal::Decimal;
use serde::Serialize;

/// Tax credit grade (纳税信用等级): A ≥ 90 points, B 70–89, M new firm, C 40–69, D < 40.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[allow(missing_docs)]
pub enum TaxGrade {
    A,
    B,
    M,
    C,
    D,
}

impl TaxGrade {
    /// The grade's letter.
    pub fn as_str(self) -> &'static str {
        match self {
            TaxGrade::A => "A",
            TaxGrade::B => "B",
            TaxGrade::M => "M",
            TaxGrade::C => "C",
            TaxGrade::D => "D",
        }
    }

    /// Parse a letter (case-insensitive).
    pub fn parse(text: &str) -> Option<TaxGrade> {
        match text.trim().to_ascii_uppercase().as_str() {
            "A" => Some(TaxGrade::A),
            "B" => Some(TaxGrade::B),
            "M" => Some(TaxGrade::M),
            "C" => Some(TaxGrade::C),
            "D" => Some(TaxGrade::D),
            _ => None,
        }
    }
}

/// Qualifications that raise limits or unlock subsidies. `None` means not stated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Qualifications {
    /// 国家级专精特新“小巨人”企业.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialized_national: Option<bool>,
    /// 省级专精特新中小企业.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialized_provincial: Option<bool>,
    /// 国家高新技术企业.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_tech: Option<bool>,
    /// 科技型中小企业.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_sme: Option<bool>,
    /// The firm has never had a bank loan (首贷).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_loan: Option<bool>,
}

impl Qualifications {
    /// Any of the four tech qualifications: yes if one is yes, no if all four are no, else unknown.
    pub fn any_tech(&self) -> Option<bool> {
        let all = [self.specialized_national, self.specialized_provincial, self.high_tech, self.tech_sme];
        if all.contains(&Some(true)) {
            Some(true)
        } else if all.iter().all(|q| *q == Some(false)) {
            Some(false)
        } else {
            None
        }
    }
}

/// A firm profile. JSON field names are the Rust names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Firm {
    /// Industry, by the ids of domain.md section 2. Required in a JSON profile; `None` only
    /// for a profile being filled in (the size class is then unknown).
    #[cfg_attr(feature = "schema", schemars(with = "Industry", description = "Industry id (domain.md §2); required."))]
    pub industry: Option<Industry>,
    /// Employees (从业人员).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<u32>,
    /// Operating revenue of the last year, yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Decimal>,
    /// Total assets, yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_assets: Option<Decimal>,
    /// Date founded (used when `years_in_operation` is absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<Date>,
    /// Years in operation, if stated directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_in_operation: Option<Decimal>,
    /// Park id, as the policy pack names parks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub park: Option<String>,
    /// Years the firm has been a tenant of its park.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_in_park: Option<Decimal>,
    /// Tax credit grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_grade: Option<TaxGrade>,
    /// Tax paid in the last year, yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_tax_paid: Option<Decimal>,
    /// Loans overdue now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue_current: Option<u32>,
    /// Overdue records in the last 12 months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue_12m: Option<u32>,
    /// Overdue records in the last 24 months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue_24m: Option<u32>,
    /// Credit report inquiries in the last 6 months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inquiries_6m: Option<u32>,
    /// Age of the legal representative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_rep_age: Option<u32>,
    /// Liabilities / assets, as a fraction (0.55 = 55%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debt_ratio: Option<Decimal>,
    /// Outstanding unsecured (credit) loans, yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_credit_loans: Option<Decimal>,
    /// Qualifications.
    #[serde(default)]
    pub qualifications: Qualifications,
    /// Amount the firm would like to borrow, yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_amount: Option<Decimal>,
    /// Term the firm would like, months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_months: Option<u32>,
    /// Repayment method the firm would like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repayment_method: Option<RepaymentMethod>,
    /// Answers to facts a pack declares, by fact id (checked against the pack when evaluated);
    /// `null` is not answered.
    #[serde(default, skip_serializing_if = "Answers::is_empty")]
    pub facts: Answers,
}

impl Firm {
    /// A firm that states only its industry.
    pub fn new(industry: Industry) -> Firm {
        Firm { industry: Some(industry), ..Firm::blank() }
    }

    /// A firm that has stated nothing yet (a form before its first answer).
    pub fn blank() -> Firm {
        Firm {
            industry: None,
            employees: None,
            revenue: None,
            total_assets: None,
            founded: None,
            years_in_operation: None,
            park: None,
            years_in_park: None,
            tax_grade: None,
            annual_tax_paid: None,
            overdue_current: None,
            overdue_12m: None,
            overdue_24m: None,
            inquiries_6m: None,
            legal_rep_age: None,
            debt_ratio: None,
            existing_credit_loans: None,
            qualifications: Qualifications::default(),
            requested_amount: None,
            term_months: None,
            repayment_method: None,
            facts: Answers::new(),
        }
    }

    /// Parse a firm from JSON text; errors name the JSON path.
    pub fn from_json(text: &str) -> Result<Firm> {
        limits::check_document(text.len())?;
        let firm: Firm = crate::json::from_str(text)?;
        firm.check()?;
        Ok(firm)
    }

    /// Parse what a page already knows about a firm being filled in: as [`Firm::from_json`],
    /// but the industry may be left out (then unknown, as in a form not yet answered).
    pub fn from_json_partial(text: &str) -> Result<Firm> {
        limits::check_document(text.len())?;
        let Partial(firm) = crate::json::from_str(text)?;
        firm.check()?;
        Ok(firm)
    }

    /// Read a firm from a parsed JSON document; errors name the JSON path.
    pub fn from_value(value: &serde_json::Value) -> Result<Firm> {
        let firm: Firm = crate::json::from_value(value)?;
        firm.check()?;
        Ok(firm)
    }

    /// Check values serde cannot: no negative amounts, sane ratios, ages and terms.
    pub fn check(&self) -> Result<()> {
        let amounts = [
            ("revenue", self.revenue),
            ("total_assets", self.total_assets),
            ("years_in_operation", self.years_in_operation),
            ("years_in_park", self.years_in_park),
            ("annual_tax_paid", self.annual_tax_paid),
            ("existing_credit_loans", self.existing_credit_loans),
            ("requested_amount", self.requested_amount),
            ("debt_ratio", self.debt_ratio),
        ];
        for (name, value) in amounts {
            if let Some(v) = value {
                limits::check_amount("", v).map_err(|e| e.at(format!("$.{name}")))?;
            }
        }
        if let Some(ratio) = self.debt_ratio {
            if ratio > Decimal::from(10) {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "$.debt_ratio",
                    "a fraction such as 0.55 for 55% (at most 10)",
                    "须为小数，如 0.55 表示 55%（不超过 10）",
                ));
            }
        }
        for (path, years) in
            [("$.years_in_operation", self.years_in_operation), ("$.years_in_park", self.years_in_park)]
        {
            if years.is_some_and(|y| y > Decimal::from(200)) {
                return Err(Error::new(ErrorCode::OutOfRange, path, "at most 200 years", "不超过 200 年"));
            }
        }
        if let Some(age) = self.legal_rep_age {
            if age > 150 {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "$.legal_rep_age",
                    "an age of at most 150",
                    "年龄不超过 150",
                ));
            }
        }
        if let Some(months) = self.term_months {
            limits::check_term("$.term_months", months)?;
        }
        if let Some(park) = &self.park {
            limits::check_string("$.park", park)?;
        }
        if let Some(amount) = self.requested_amount {
            if amount.is_zero() {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "$.requested_amount",
                    "an amount above 0, or leave it out",
                    "须大于 0，或不填",
                ));
            }
        }
        Ok(())
    }

    /// Years in operation on `as_of`: stated, else whole months since founding / 12, to
    /// 2 places (23 months is 1.92 years: months/12 never rounds across a whole year, a
    /// half or a quarter, so thresholds judge the same as with the exact fraction).
    pub fn years_in_operation_on(&self, as_of: Date) -> Option<Decimal> {
        self.years_in_operation.or_else(|| {
            self.founded.map(|founded| {
                let years = Decimal::from(founded.whole_months_until(as_of)) / Decimal::from(12);
                years.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            })
        })
    }
}

crate::json_names!(TaxGrade { "A" => TaxGrade::A, "B" => TaxGrade::B, "M" => TaxGrade::M, "C" => TaxGrade::C, "D" => TaxGrade::D });

impl FromJson for Qualifications {
    fn from_json(node: Node<'_>) -> Result<Qualifications> {
        let o =
            node.object(&["specialized_national", "specialized_provincial", "high_tech", "tech_sme", "first_loan"])?;
        Ok(Qualifications {
            specialized_national: o.opt("specialized_national")?,
            specialized_provincial: o.opt("specialized_provincial")?,
            high_tech: o.opt("high_tech")?,
            tech_sme: o.opt("tech_sme")?,
            first_loan: o.opt("first_loan")?,
        })
    }
}

impl FromJson for Firm {
    fn from_json(node: Node<'_>) -> Result<Firm> {
        read(node, true)
    }
}

/// A profile being filled in: as [`Firm`], but the industry may be left out.
struct Partial(Firm);

impl FromJson for Partial {
    fn from_json(node: Node<'_>) -> Result<Partial> {
        read(node, false).map(Partial)
    }
}

fn read(node: Node<'_>, industry_required: bool) -> Result<Firm> {
    let o = node.object(&[
        "industry",
        "employees",
        "revenue",
        "total_assets",
        "founded",
        "years_in_operation",
        "park",
        "years_in_park",
        "tax_grade",
        "annual_tax_paid",
        "overdue_current",
        "overdue_12m",
        "overdue_24m",
        "inquiries_6m",
        "legal_rep_age",
        "debt_ratio",
        "existing_credit_loans",
        "qualifications",
        "requested_amount",
        "term_months",
        "repayment_method",
        "facts",
    ])?;
    crate::read_fields!(
        o,
        Firm {
            industry: maybe("industry", industry_required),
            employees: opt("employees"),
            revenue: opt("revenue"),
            total_assets: opt("total_assets"),
            founded: opt("founded"),
            years_in_operation: opt("years_in_operation"),
            park: opt("park"),
            years_in_park: opt("years_in_park"),
            tax_grade: opt("tax_grade"),
            annual_tax_paid: opt("annual_tax_paid"),
            overdue_current: opt("overdue_current"),
            overdue_12m: opt("overdue_12m"),
            overdue_24m: opt("overdue_24m"),
            inquiries_6m: opt("inquiries_6m"),
            legal_rep_age: opt("legal_rep_age"),
            debt_ratio: opt("debt_ratio"),
            existing_credit_loans: opt("existing_credit_loans"),
            qualifications: or_default("qualifications"),
            requested_amount: opt("requested_amount"),
            term_months: opt("term_months"),
            repayment_method: opt("repayment_method"),
            facts: or_default("facts"),
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_profile_may_leave_the_industry_out() {
        let text = r#"{"park": "xinghe-world", "years_in_park": 3, "facts": {"pending_lawsuit": false}}"#;
        assert_eq!(Firm::from_json(text).unwrap_err().path, "$.industry");
        let firm = Firm::from_json_partial(text).unwrap();
        assert_eq!((firm.industry, firm.park.as_deref()), (None, Some("xinghe-world")));
        assert!(firm.facts.contains_key("pending_lawsuit"));
        // Everything else is read and checked as in a whole profile.
        assert_eq!(Firm::from_json_partial(r#"{"revenue": -1}"#).unwrap_err().path, "$.revenue");
        assert_eq!(
            Firm::from_json_partial(r#"{"industry": "software_it"}"#).unwrap().industry,
            Some(Industry::SoftwareIt)
        );
    }
}
