//! Values people type (spreadsheet cells, command-line flags) into engine types. Each error
//! names where the value came from (`--principal`, a column header) and what was expected.
//! The CLI and the SDK's screening read tenant lists with these, so both accept the same cells.

use crate::facts::{FactDecl, FactKind, FactValue};
use crate::firm::TaxGrade;
use crate::schedule::RepaymentMethod;
use crate::size::Industry;
use crate::{Date, Decimal, Error, ErrorCode};
use std::str::FromStr;

fn invalid(place: &str, got: &str, en: &str, zh: &str) -> Error {
    Error::new(ErrorCode::InvalidValue, place, format!("{en}, got \"{got}\""), format!("{zh}，实际为 \"{got}\""))
}

/// A decimal number such as `1200000` or `0.0345`.
pub fn decimal(place: &str, text: &str) -> Result<Decimal, Error> {
    let trimmed = text.trim();
    // Decimal::from_str also takes `1_000`; people mean a plain number, so refuse it.
    let plain = !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'));
    match Decimal::from_str(trimmed) {
        Ok(value) if plain => Ok(value),
        _ => Err(invalid(place, text, "a decimal number such as 1200000 or 0.55", "须为数字，如 1200000 或 0.55")),
    }
}

/// A fraction, or a percentage with `%` (`55%` = 0.55), as spreadsheets often show ratios.
pub fn fraction(place: &str, text: &str) -> Result<Decimal, Error> {
    match text.trim().strip_suffix('%') {
        Some(percent) => decimal(place, percent).map(|v| v / Decimal::ONE_HUNDRED),
        None => decimal(place, text),
    }
}

/// A whole number ≥ 0 (people, counts, months). `12.0` is accepted: spreadsheets write it.
pub fn count(place: &str, text: &str) -> Result<u32, Error> {
    let whole = decimal(place, text)
        .ok()
        .filter(|v| v.fract().is_zero() && (v.is_zero() || !v.is_sign_negative()))
        .and_then(|v| u32::try_from(v.trunc()).ok());
    whole.ok_or_else(|| {
        Error::new(
            ErrorCode::OutOfRange,
            place,
            format!("a whole number ≥ 0, got \"{text}\""),
            format!("须为不小于 0 的整数，实际为 \"{text}\""),
        )
    })
}

/// Yes or no: true/false, yes/no, y/n, 是/否, 1/0.
pub fn flag(place: &str, text: &str) -> Result<bool, Error> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" | "y" | "是" | "1" => Ok(true),
        "false" | "no" | "n" | "否" | "0" => Ok(false),
        _ => Err(invalid(place, text, "true/false, yes/no, 是/否 or 1/0", "须为 true/false、yes/no、是/否 或 1/0")),
    }
}

/// The answer to a fact the pack declares, checked against its declaration: yes/no as
/// [`flag`] reads it, a number as [`decimal`] (then its range and wholeness), a choice by its
/// id or its Chinese or English label.
pub fn fact(decl: &FactDecl, place: &str, text: &str) -> Result<FactValue, Error> {
    let value = match decl.kind {
        FactKind::YesNo => FactValue::YesNo(flag(place, text)?),
        FactKind::Number => FactValue::Number(decimal(place, text)?),
        FactKind::Choice => FactValue::Text(choice(decl, place, text)?),
    };
    // The engine's own check (range, whole numbers, choices), named by the caller's place.
    crate::facts::check(decl, &value).map_err(|e| e.relabel(|_| Some(place.to_string())))?;
    Ok(value)
}

/// A choice of a `choice` fact: its id, or its label in either language (any case).
fn choice(decl: &FactDecl, place: &str, text: &str) -> Result<String, Error> {
    let trimmed = text.trim();
    let found = decl.choice(trimmed).or_else(|| {
        decl.choices
            .iter()
            .find(|c| c.label.zh_cn.trim() == trimmed || c.label.en.trim().to_lowercase() == trimmed.to_lowercase())
    });
    match found {
        Some(choice) => Ok(choice.id.clone()),
        None => {
            let (en, zh): (Vec<String>, Vec<String>) = decl
                .choices
                .iter()
                .map(|c| (format!("{} ({})", c.id, c.label.en), format!("{}（{}）", c.id, c.label.zh_cn)))
                .unzip();
            Err(invalid(
                place,
                text,
                &format!("one of {}", en.join(", ")),
                &format!("须为以下选项之一：{}", zh.join("、")),
            ))
        }
    }
}

/// An industry by its id (`software_it`) or its legal Chinese name (`软件和信息技术服务业`).
pub fn industry(place: &str, text: &str) -> Result<Industry, Error> {
    let trimmed = text.trim();
    let id = trimmed.to_ascii_lowercase().replace('-', "_");
    Industry::from_id(&id).or_else(|| Industry::ALL.into_iter().find(|i| i.name_zh() == trimmed)).ok_or_else(|| {
        let ids: Vec<&str> = Industry::ALL.iter().map(|i| i.id()).collect();
        invalid(
            place,
            text,
            &format!("one of the industry ids {}", ids.join(", ")),
            &format!("须为行业编号之一（{}）或行业中文名称", ids.join(", ")),
        )
    })
}

/// A date as YYYY-MM-DD (YYYY/MM/DD as spreadsheets write it is also accepted).
pub fn date(place: &str, text: &str) -> Result<Date, Error> {
    let dashed = text.trim().replace('/', "-");
    dashed.parse().map_err(|_| invalid(place, text, "a real date as YYYY-MM-DD", "须为有效日期，格式 YYYY-MM-DD"))
}

/// A tax credit grade: A, B, M, C or D.
pub fn tax_grade(place: &str, text: &str) -> Result<TaxGrade, Error> {
    TaxGrade::parse(text)
        .ok_or_else(|| invalid(place, text, "a tax credit grade A, B, M, C or D", "须为纳税信用等级 A、B、M、C 或 D"))
}

/// A repayment method by id (`equal_installment`, `equal-installment`) or Chinese name (`等额本息`).
pub fn method(place: &str, text: &str) -> Result<RepaymentMethod, Error> {
    let trimmed = text.trim();
    RepaymentMethod::from_id(&trimmed.to_ascii_lowercase())
        .or_else(|| {
            [RepaymentMethod::EqualInstallment, RepaymentMethod::EqualPrincipal, RepaymentMethod::InterestOnly]
                .into_iter()
                .find(|m| m.name_zh() == trimmed)
        })
        .ok_or_else(|| {
            invalid(
                place,
                text,
                "equal_installment, equal_principal or interest_only",
                "须为 equal_installment（等额本息）、equal_principal（等额本金）或 interest_only（先息后本）",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(decimal("x", " 1200000 ").unwrap(), Decimal::from(1_200_000));
        assert_eq!(decimal("x", "-5").unwrap(), Decimal::from(-5));
        for bad in ["", "1_000", "1,000", "abc", "1e5", "NaN", "0x10"] {
            assert!(decimal("x", bad).is_err(), "{bad}");
        }
        assert_eq!(fraction("x", "55%").unwrap().to_string(), "0.55");
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        assert_eq!(count("x", "12").unwrap(), 12);
        assert_eq!(count("x", "12.0").unwrap(), 12);
        assert_eq!(count("x", "4294967295").unwrap(), u32::MAX);
        for bad in ["-1", "1.5", "4294967296", "ten", "99999999999999999999999999"] {
            let e = count("employees", bad).unwrap_err();
            assert_eq!(e.path, "employees", "{bad}");
        }
    }

    #[test]
    fn names_in_both_languages() {
        assert_eq!(industry("x", "软件和信息技术服务业").unwrap(), Industry::SoftwareIt);
        assert_eq!(industry("x", "Software-IT").unwrap(), Industry::SoftwareIt);
        assert!(industry("x", "mining").unwrap_err().message(crate::Lang::En).contains("software_it"));
        assert_eq!(method("x", "等额本金").unwrap(), RepaymentMethod::EqualPrincipal);
        assert_eq!(method("x", "interest-only").unwrap(), RepaymentMethod::InterestOnly);
        assert!(flag("x", "是").unwrap());
        assert!(!flag("x", "NO").unwrap());
        assert!(flag("x", "maybe").is_err());
        assert_eq!(date("x", "2019/03/01").unwrap().to_string(), "2019-03-01");
        assert!(date("x", "2019-02-30").is_err());
    }

    #[test]
    fn facts_by_their_declaration() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/packs/bank-g-tech-credit.json"),
        )
        .unwrap();
        let pack = crate::Policy::from_json(&text).unwrap();
        let [staff, lawsuit, rd] = [0, 1, 2].map(|i| &pack.facts[i]);
        assert_eq!(fact(staff, "社保缴纳人数", " 12 ").unwrap(), FactValue::Number(Decimal::from(12)));
        assert_eq!(fact(lawsuit, "x", "否").unwrap(), FactValue::YesNo(false));
        assert_eq!(fact(lawsuit, "x", "YES").unwrap(), FactValue::YesNo(true));
        assert_eq!(fact(rd, "x", "above_6").unwrap(), FactValue::Text("above_6".into()));
        assert_eq!(fact(rd, "x", "3%至6%").unwrap(), FactValue::Text("3_to_6".into()));
        assert_eq!(fact(rd, "x", "Below 3%").unwrap(), FactValue::Text("below_3".into()));
        for (decl, bad, code) in [
            (staff, "2.5", ErrorCode::WrongType),
            (staff, "-1", ErrorCode::OutOfRange),
            (staff, "100001", ErrorCode::OutOfRange),
            (staff, "many", ErrorCode::InvalidValue),
            (lawsuit, "maybe", ErrorCode::InvalidValue),
            (rd, "lots", ErrorCode::InvalidValue),
        ] {
            let e = fact(decl, "表头", bad).unwrap_err();
            assert_eq!((e.code, e.path.as_str()), (code, "表头"), "{bad}");
        }
        let e = fact(rd, "rd_intensity", "lots").unwrap_err();
        assert!(e.message(crate::Lang::En).contains("3_to_6 (3% to 6%)"), "{}", e.message(crate::Lang::En));
        assert!(e.message(crate::Lang::ZhCn).contains("3_to_6（3%至6%）"));
    }
}
