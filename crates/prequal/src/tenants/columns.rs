//! The columns of a tenant list: English names (the firm profile's field names) and the
//! Chinese headers parks actually use, mapped once from the header line; and the facts the
//! pack declares, by their id or their Chinese label.

use crate::error::line_label;
use crate::facts::FactDecl;
use crate::{Error, ErrorCode, Lang};

/// A column the screen understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Column {
    Id,
    Name,
    Industry,
    Employees,
    Revenue,
    TotalAssets,
    Founded,
    YearsInOperation,
    Park,
    YearsInPark,
    TaxGrade,
    AnnualTaxPaid,
    OverdueCurrent,
    Overdue12m,
    Overdue24m,
    Inquiries6m,
    LegalRepAge,
    DebtRatio,
    ExistingCreditLoans,
    SpecializedNational,
    SpecializedProvincial,
    HighTech,
    TechSme,
    FirstLoan,
    RequestedAmount,
    TermMonths,
    RepaymentMethod,
    /// A fact the pack declares: the index into [`Layout::facts`].
    Fact(usize),
}

/// Every column: its English name and its accepted Chinese headers.
pub const COLUMNS: &[(Column, &str, &[&str])] = &[
    (Column::Id, "id", &["编号", "企业编号"]),
    (Column::Name, "name", &["企业名称"]),
    (Column::Industry, "industry", &["行业"]),
    (Column::Employees, "employees", &["从业人数"]),
    (Column::Revenue, "revenue", &["营业收入"]),
    (Column::TotalAssets, "total_assets", &["资产总额"]),
    (Column::Founded, "founded", &["成立日期"]),
    (Column::YearsInOperation, "years_in_operation", &["经营年限"]),
    (Column::Park, "park", &["所在园区"]),
    (Column::YearsInPark, "years_in_park", &["入园年限"]),
    (Column::TaxGrade, "tax_grade", &["纳税信用等级"]),
    (Column::AnnualTaxPaid, "annual_tax_paid", &["年纳税额"]),
    (Column::OverdueCurrent, "overdue_current", &["当前逾期"]),
    (Column::Overdue12m, "overdue_12m", &["近12个月逾期"]),
    (Column::Overdue24m, "overdue_24m", &["近24个月逾期"]),
    (Column::Inquiries6m, "inquiries_6m", &["近6个月查询"]),
    (Column::LegalRepAge, "legal_rep_age", &["法人年龄"]),
    (Column::DebtRatio, "debt_ratio", &["资产负债率"]),
    (Column::ExistingCreditLoans, "existing_credit_loans", &["现有信用贷款"]),
    (Column::SpecializedNational, "specialized_national", &["专精特新小巨人"]),
    (Column::SpecializedProvincial, "specialized_provincial", &["省级专精特新"]),
    (Column::HighTech, "high_tech", &["高新技术企业"]),
    (Column::TechSme, "tech_sme", &["科技型中小企业"]),
    (Column::FirstLoan, "first_loan", &["首贷"]),
    (Column::RequestedAmount, "requested_amount", &["申请金额"]),
    (Column::TermMonths, "term_months", &["期限"]),
    (Column::RepaymentMethod, "repayment_method", &["还款方式"]),
];

impl Column {
    /// The column a header names: English (any case) or a Chinese alias.
    pub fn from_header(header: &str) -> Option<Column> {
        let header = header.trim();
        let english = header.to_ascii_lowercase();
        COLUMNS
            .iter()
            .find(|(_, name, aliases)| *name == english || aliases.contains(&header))
            .map(|(column, _, _)| *column)
    }
}

/// The column of a fact the pack declares: its id (any case) or its Chinese label. A
/// built-in column of the same name wins (fact ids never clash with built-in names; a label
/// might). `Ok(None)`: no such fact; an error: the label is shared by two facts.
fn fact_column(facts: &[FactDecl], header: &str, place: &str) -> Result<Option<Column>, Error> {
    let id = header.to_ascii_lowercase();
    if let Some(i) = facts.iter().position(|f| f.id == id) {
        return Ok(Some(Column::Fact(i)));
    }
    let labelled: Vec<(usize, &FactDecl)> =
        facts.iter().enumerate().filter(|(_, f)| f.label.zh_cn.trim() == header).collect();
    match labelled.as_slice() {
        [] => Ok(None),
        [(i, _)] => Ok(Some(Column::Fact(*i))),
        many => {
            let ids: Vec<&str> = many.iter().map(|(_, f)| f.id.as_str()).collect();
            Err(Error::new(
                ErrorCode::InvalidValue,
                place,
                format!("a header naming one fact, but \"{header}\" is the label of {}: use the id", ids.join(", ")),
                format!("表头须只对应一个事实，\"{header}\" 是 {} 的名称：请改用编号", ids.join("、")),
            ))
        }
    }
}

/// The columns of one file, in file order, with the headers as written there.
#[derive(Debug)]
pub struct Layout {
    /// One per field of a row.
    pub columns: Vec<Column>,
    /// The headers as the file writes them (for messages).
    pub headers: Vec<String>,
    /// The facts the pack declares, which [`Column::Fact`] indexes.
    pub facts: Vec<FactDecl>,
}

impl Layout {
    /// Read the header line. Unknown, blank or repeated headers and a missing industry
    /// column are errors: a misspelt column would otherwise be silently ignored. `facts` are
    /// the pack's declared facts, which columns may also name.
    pub fn from_header<'a>(
        headers: impl IntoIterator<Item = &'a str>,
        facts: &[FactDecl],
        lang: Lang,
    ) -> Result<Layout, Error> {
        let mut layout = Layout { columns: Vec::new(), headers: Vec::new(), facts: facts.to_vec() };
        for (index, raw) in headers.into_iter().enumerate() {
            // Spreadsheets often save UTF-8 with a byte-order mark before the first header.
            let header = raw.trim_start_matches('\u{feff}').trim();
            let place = format!("{}, {} {}", line_label(1, lang), column_word(lang), index + 1);
            let column = match Column::from_header(header) {
                Some(column) => column,
                None => fact_column(facts, header, &place)?.ok_or_else(|| unknown(&place, header, facts))?,
            };
            if let Some(i) = layout.columns.iter().position(|c| *c == column) {
                let first = layout.headers.get(i).cloned().unwrap_or_default();
                return Err(repeated(&place, header, &first));
            }
            layout.columns.push(column);
            layout.headers.push(header.to_string());
        }
        if !layout.columns.contains(&Column::Industry) {
            return Err(Error::new(
                ErrorCode::MissingField,
                line_label(1, lang),
                "a column industry (行业): it is the one figure every firm needs",
                "缺少“行业”（industry）列：每家企业都须填写行业",
            ));
        }
        Ok(layout)
    }

    /// Read the header line from the raw bytes of its fields (the file may not be UTF-8 at
    /// all).
    pub fn from_fields<'a>(
        fields: impl IntoIterator<Item = &'a [u8]>,
        facts: &[FactDecl],
        lang: Lang,
    ) -> Result<Layout, Error> {
        let mut headers = Vec::new();
        for (i, bytes) in fields.into_iter().enumerate() {
            let text = std::str::from_utf8(bytes).map_err(|_| {
                Error::new(
                    ErrorCode::InvalidValue,
                    format!("{}, {} {}", line_label(1, lang), column_word(lang), i + 1),
                    "UTF-8 text (save the file as CSV UTF-8)",
                    "须为 UTF-8 编码（请另存为“CSV UTF-8”格式）",
                )
            })?;
            headers.push(text);
        }
        Layout::from_header(headers, facts, lang)
    }

    /// The header the file uses for a column, if it has one.
    pub fn header_of(&self, column: Column) -> Option<&str> {
        let i = self.columns.iter().position(|c| *c == column)?;
        self.headers.get(i).map(String::as_str)
    }
}

fn column_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "column",
        Lang::ZhCn => "列",
    }
}

fn unknown(place: &str, header: &str, facts: &[FactDecl]) -> Error {
    let names: Vec<&str> = COLUMNS.iter().map(|(_, name, _)| *name).collect();
    let (facts_en, facts_zh) = if facts.is_empty() {
        (String::new(), String::new())
    } else {
        let en: Vec<String> = facts.iter().map(|f| format!("{} ({})", f.id, f.label.zh_cn)).collect();
        let zh: Vec<String> = facts.iter().map(|f| format!("{}（{}）", f.id, f.label.zh_cn)).collect();
        (
            format!("; or a fact the pack declares, by id or Chinese label: {}", en.join(", ")),
            format!("；或数据包声明的事实（编号或中文名称）：{}", zh.join("、")),
        )
    };
    Error::new(
        ErrorCode::UnknownField,
        place,
        format!(
            "a known column ({}, or their Chinese headers such as 营业收入{facts_en}), got \"{header}\"",
            names.join(", ")
        ),
        format!("须为已知列名（{} 或对应中文表头，如 营业收入{facts_zh}），实际为 \"{header}\"", names.join(", ")),
    )
}

fn repeated(place: &str, header: &str, first: &str) -> Error {
    Error::new(
        ErrorCode::DuplicateId,
        place,
        format!("each column once, but \"{header}\" repeats \"{first}\""),
        format!("每列只能出现一次，\"{header}\" 与 \"{first}\" 重复"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_distinct_name() {
        for (column, name, _) in COLUMNS {
            assert_eq!(Column::from_header(name), Some(*column));
        }
        assert_eq!(Column::from_header("营业收入"), Some(Column::Revenue));
        assert_eq!(Column::from_header(" Revenue "), Some(Column::Revenue));
    }

    #[test]
    fn header_errors_name_the_column() {
        let e = Layout::from_header(["industry", "revnue"], &[], Lang::En).unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownField);
        assert!(e.message(Lang::En).contains("line 1, column 2"));
        assert!(e.message(Lang::En).contains("\"revnue\""));
        let e = Layout::from_header(["revenue", "营业收入", "行业"], &[], Lang::ZhCn).unwrap_err();
        assert!(e.message(Lang::ZhCn).contains("重复"));
        let e = Layout::from_header(["revenue"], &[], Lang::En).unwrap_err();
        assert_eq!(e.code, ErrorCode::MissingField);
        let layout = Layout::from_header(["\u{feff}id", "行业"], &[], Lang::En).unwrap();
        assert_eq!(layout.columns, vec![Column::Id, Column::Industry]);
        assert_eq!(layout.header_of(Column::Industry), Some("行业"));
    }

    fn bank_facts() -> Vec<FactDecl> {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/packs/bank-g-tech-credit.json"),
        )
        .unwrap();
        crate::Policy::from_json(&text).unwrap().facts
    }

    #[test]
    fn declared_facts_by_id_or_chinese_label() {
        let facts = bank_facts();
        let layout =
            Layout::from_header(["行业", "Social_Insurance_Staff", "存在未结诉讼", "rd_intensity"], &facts, Lang::En)
                .unwrap();
        assert_eq!(layout.columns, vec![Column::Industry, Column::Fact(0), Column::Fact(1), Column::Fact(2)]);
        // By id and by label: the same column twice.
        let e = Layout::from_header(["行业", "pending_lawsuit", "存在未结诉讼"], &facts, Lang::En).unwrap_err();
        assert_eq!(e.code, ErrorCode::DuplicateId);
        // Without the pack's declarations a fact is an unknown column; the message lists them.
        let e = Layout::from_header(["行业", "rd_intensity"], &[], Lang::En).unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownField);
        let e = Layout::from_header(["行业", "lawsuits"], &facts, Lang::ZhCn).unwrap_err();
        assert!(e.message(Lang::ZhCn).contains("pending_lawsuit（存在未结诉讼）"), "{}", e.message(Lang::ZhCn));
        assert!(e.message(Lang::En).contains("pending_lawsuit (存在未结诉讼)"));
        // Two facts with one label: the header is ambiguous.
        let mut twins = facts.clone();
        twins[1].label.zh_cn = "社保缴纳人数".into();
        let e = Layout::from_header(["行业", "社保缴纳人数"], &twins, Lang::En).unwrap_err();
        assert!(e.message(Lang::En).contains("social_insurance_staff, pending_lawsuit"), "{}", e.message(Lang::En));
        // A built-in header wins over a fact's label.
        twins[0].label.zh_cn = "营业收入".into();
        let layout = Layout::from_header(["行业", "营业收入"], &twins, Lang::En).unwrap();
        assert_eq!(layout.columns, vec![Column::Industry, Column::Revenue]);
    }
}
