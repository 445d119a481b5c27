//! One CSV row into a firm profile, built field by field (no JSON round trip) and then
//! checked by the core. Errors name the column by the header the file uses.

use super::columns::{Column, Layout};
use crate::cells as parse;
use crate::size::Industry;
use crate::{Error, ErrorCode, Firm};

/// What one row says: the pass-through identity, and the firm or why there is none.
pub struct Parsed {
    /// The `id` cell, if any.
    pub id: String,
    /// The `name` (企业名称) cell, if any.
    pub name: String,
    /// The firm, or the first problem of the row.
    pub firm: Result<Firm, Error>,
}

/// Read a row. `cells` are the raw bytes of the fields, in the layout's order.
pub fn parse_row<'a>(layout: &Layout, cells: impl ExactSizeIterator<Item = &'a [u8]>) -> Parsed {
    let mut id = String::new();
    let mut name = String::new();
    let firm = read_firm(layout, cells, &mut id, &mut name);
    Parsed { id, name, firm }
}

fn read_firm<'a>(
    layout: &Layout,
    cells: impl ExactSizeIterator<Item = &'a [u8]>,
    id: &mut String,
    name: &mut String,
) -> Result<Firm, Error> {
    if cells.len() != layout.columns.len() {
        return Err(field_count(layout.columns.len(), cells.len()));
    }
    let mut firm = Firm::new(Industry::Other);
    let mut industry = None;
    for ((column, header), bytes) in layout.columns.iter().zip(&layout.headers).zip(cells) {
        let cell = std::str::from_utf8(bytes).map_err(|_| not_utf8(header))?.trim();
        match column {
            Column::Id => *id = cell.to_string(),
            Column::Name => *name = cell.to_string(),
            _ if cell.is_empty() => {}
            Column::Industry => industry = Some(parse::industry(header, cell)?),
            Column::Fact(i) => {
                if let Some(decl) = layout.facts.get(*i) {
                    firm.facts.insert(decl.id.clone(), parse::fact(decl, header, cell)?);
                }
            }
            _ => set(&mut firm, *column, header, cell)?,
        }
    }
    firm.industry = Some(industry.ok_or_else(|| {
        Error::new(
            ErrorCode::MissingField,
            layout.header_of(Column::Industry).unwrap_or("industry"),
            "an industry id such as software_it: every firm needs one",
            "须填写行业，如 software_it",
        )
    })?);
    firm.check().map_err(|e| e.relabel(|path| header_for_path(layout, path)))?;
    Ok(firm)
}

/// Set one field of the firm from a non-empty cell.
fn set(firm: &mut Firm, column: Column, header: &str, cell: &str) -> Result<(), Error> {
    let q = &mut firm.qualifications;
    match column {
        Column::Id | Column::Name | Column::Industry | Column::Fact(_) => {}
        Column::Employees => firm.employees = Some(parse::count(header, cell)?),
        Column::Revenue => firm.revenue = Some(parse::decimal(header, cell)?),
        Column::TotalAssets => firm.total_assets = Some(parse::decimal(header, cell)?),
        Column::Founded => firm.founded = Some(parse::date(header, cell)?),
        Column::YearsInOperation => firm.years_in_operation = Some(parse::decimal(header, cell)?),
        Column::Park => firm.park = Some(cell.to_string()),
        Column::YearsInPark => firm.years_in_park = Some(parse::decimal(header, cell)?),
        Column::TaxGrade => firm.tax_grade = Some(parse::tax_grade(header, cell)?),
        Column::AnnualTaxPaid => firm.annual_tax_paid = Some(parse::decimal(header, cell)?),
        Column::OverdueCurrent => firm.overdue_current = Some(parse::count(header, cell)?),
        Column::Overdue12m => firm.overdue_12m = Some(parse::count(header, cell)?),
        Column::Overdue24m => firm.overdue_24m = Some(parse::count(header, cell)?),
        Column::Inquiries6m => firm.inquiries_6m = Some(parse::count(header, cell)?),
        Column::LegalRepAge => firm.legal_rep_age = Some(parse::count(header, cell)?),
        Column::DebtRatio => firm.debt_ratio = Some(parse::fraction(header, cell)?),
        Column::ExistingCreditLoans => firm.existing_credit_loans = Some(parse::decimal(header, cell)?),
        Column::SpecializedNational => q.specialized_national = Some(parse::flag(header, cell)?),
        Column::SpecializedProvincial => q.specialized_provincial = Some(parse::flag(header, cell)?),
        Column::HighTech => q.high_tech = Some(parse::flag(header, cell)?),
        Column::TechSme => q.tech_sme = Some(parse::flag(header, cell)?),
        Column::FirstLoan => q.first_loan = Some(parse::flag(header, cell)?),
        Column::RequestedAmount => firm.requested_amount = Some(parse::decimal(header, cell)?),
        Column::TermMonths => firm.term_months = Some(parse::count(header, cell)?),
        Column::RepaymentMethod => firm.repayment_method = Some(parse::method(header, cell)?),
    }
    Ok(())
}

/// `$.revenue` (the core's path) → `营业收入` (the file's header for it).
fn header_for_path(layout: &Layout, path: &str) -> Option<String> {
    let name = path.strip_prefix("$.")?;
    let column = Column::from_header(name)?;
    layout.header_of(column).map(str::to_string)
}

fn field_count(expected: usize, got: usize) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        "",
        format!("{expected} fields as in the header line, got {got}"),
        format!("应有 {expected} 个字段（与表头一致），实际 {got} 个"),
    )
}

fn not_utf8(header: &str) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        header,
        "UTF-8 text (save the file as CSV UTF-8)",
        "须为 UTF-8 编码（请另存为“CSV UTF-8”格式）",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn layout(headers: &[&str]) -> Layout {
        Layout::from_header(headers.iter().copied(), &[], Lang::En).unwrap()
    }

    fn row(layout: &Layout, cells: &[&str]) -> Parsed {
        parse_row(layout, cells.iter().map(|c| c.as_bytes()))
    }

    #[test]
    fn builds_the_firm_field_by_field() {
        let l = layout(&["id", "行业", "营业收入", "高新技术企业", "资产负债率", "期限"]);
        let p = row(&l, &["T1", "software_it", "1200000", "是", "55%", "24"]);
        let firm = p.firm.unwrap();
        assert_eq!(p.id, "T1");
        assert_eq!(firm.industry, Some(Industry::SoftwareIt));
        assert_eq!(firm.revenue, Some(crate::Decimal::from(1_200_000)));
        assert_eq!(firm.qualifications.high_tech, Some(true));
        assert_eq!(firm.debt_ratio.unwrap().to_string(), "0.55");
        assert_eq!(firm.term_months, Some(24));
        assert_eq!(firm.employees, None);
    }

    #[test]
    fn errors_name_the_column_as_the_file_writes_it() {
        let l = layout(&["id", "行业", "营业收入"]);
        let e = row(&l, &["T1", "retail", "-5"]).firm.unwrap_err();
        assert_eq!(e.code, ErrorCode::NegativeAmount);
        assert_eq!(e.path, "营业收入");
        let e = row(&l, &["T1", "mining", "5"]).firm.unwrap_err();
        assert_eq!(e.path, "行业");
        let e = row(&l, &["T1", "", "5"]).firm.unwrap_err();
        assert_eq!(e.code, ErrorCode::MissingField);
        let p = row(&l, &["T1", "retail"]);
        assert_eq!(p.id, "");
        assert!(p.firm.unwrap_err().message(Lang::En).contains("3 fields"));
        let p = parse_row(&l, [b"T2".as_slice(), b"retail", b"\xff"].into_iter());
        assert_eq!(p.id, "T2");
        assert!(p.firm.unwrap_err().message(Lang::En).contains("UTF-8"));
    }
}
