//! Sentences for people: what a criterion requires, what the firm has, and what would
//! change the outcome, in Chinese and English.
//!
//! Each sentence is written straight into one buffer per language: a quote explains every
//! criterion, so these strings are a large part of an evaluation's work.

use crate::condition::{Field, Kind, Op, Status, Unit, Value};
use crate::money::DecimalText;
use crate::policy::I18n;
use crate::Lang;
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt::Write;

/// A label in both languages, borrowed from the pack or from [`Field::label`].
#[derive(Clone, Copy, Debug)]
pub struct Label<'a> {
    /// English.
    pub en: &'a str,
    /// Chinese.
    pub zh: &'a str,
}

impl<'a> Label<'a> {
    /// The field's generated label.
    pub fn of(field: Field) -> Label<'static> {
        let (en, zh) = field.label();
        Label { en, zh }
    }

    /// A pack's own label.
    pub fn custom(text: &'a I18n) -> Label<'a> {
        Label { en: &text.en, zh: &text.zh_cn }
    }

    fn get(self, lang: Lang) -> &'a str {
        match lang {
            Lang::En => self.en,
            Lang::ZhCn => self.zh,
        }
    }
}

/// Both languages of a sentence built by `write(buffer, lang)`.
fn both(write: impl Fn(&mut String, Lang)) -> I18n {
    let mut en = String::with_capacity(64);
    let mut zh_cn = String::with_capacity(64);
    write(&mut en, Lang::En);
    write(&mut zh_cn, Lang::ZhCn);
    I18n { zh_cn, en }
}

/// A number with its unit, for a person. Yuan at or above 10,000 read as 万元 in Chinese.
pub fn amount(field: Field, value: Decimal) -> I18n {
    both(|out, lang| write_amount(out, field, value, lang))
}

fn write_amount(out: &mut String, field: Field, value: Decimal, lang: Lang) {
    let en = lang == Lang::En;
    match field.unit() {
        Unit::Years if value == Decimal::ONE => out.push_str(if en { "1 year" } else { "1年" }),
        Unit::Years => write_unit(out, trim2(value), if en { " years" } else { "年" }),
        Unit::People => write_unit(out, value.normalize(), if en { " people" } else { "人" }),
        Unit::Yuan if en => {
            write_grouped(out, trim2(value));
            out.push_str(" yuan");
        }
        Unit::Yuan if value.abs() >= Decimal::from(10_000) => {
            write_unit(out, trim2(value / Decimal::from(10_000)), "万元")
        }
        Unit::Yuan => write_unit(out, trim2(value), "元"),
        Unit::Count => write_unit(out, value.normalize(), if en { "" } else { "次" }),
        Unit::Age => write_unit(out, value.normalize(), if en { " years old" } else { "岁" }),
        Unit::Percent => write_unit(out, trim2(value * Decimal::ONE_HUNDRED), "%"),
        Unit::Months => write_unit(out, value.normalize(), if en { " months" } else { "个月" }),
        Unit::None => write_unit(out, value.normalize(), ""),
    }
}

fn write_unit(out: &mut String, value: Decimal, unit: &str) {
    // DecimalText, not `{value}`: the formatting machinery was a tenth of an evaluation.
    out.push_str(DecimalText::new(&value).as_str());
    out.push_str(unit);
}

/// At most two decimals, no trailing zeros: 1.41666 → 1.42, 2.00 → 2.
fn trim2(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero).normalize()
}

/// 3000000 → 3,000,000; 1234.5 → 1,234.5.
fn write_grouped(out: &mut String, value: Decimal) {
    let text = DecimalText::new(&value);
    let text = text.as_str();
    let (sign, unsigned) = text.strip_prefix('-').map_or(("", text), |d| ("-", d));
    let (int, frac) = unsigned.split_once('.').map_or((unsigned, None), |(i, f)| (i, Some(f)));
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
}

fn write_value(out: &mut String, field: Field, value: &Value, lang: Lang) {
    let en = lang == Lang::En;
    match value {
        Value::Number(n) => write_amount(out, field, *n, lang),
        Value::Bool(b) => out.push_str(match (b, en) {
            (true, true) => "yes",
            (true, false) => "是",
            (false, true) => "no",
            (false, false) => "否",
        }),
        Value::Text(t) => out.push_str(t),
        Value::List(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(if en { ", " } else { "、" });
                }
                out.push_str(item);
            }
        }
    }
}

fn op_words(op: Op, lang: Lang) -> &'static str {
    let (en, zh) = match op {
        Op::Gte => ("at least", "不低于"),
        Op::Gt => ("more than", "高于"),
        Op::Lte => ("at most", "不超过"),
        Op::Lt => ("less than", "低于"),
        Op::Eq => ("must be", "须为"),
        Op::Ne => ("must not be", "不得为"),
        Op::In => ("must be one of", "须为以下之一："),
        Op::NotIn => ("must not be any of", "不得为以下任一："),
    };
    if lang == Lang::En {
        en
    } else {
        zh
    }
}

/// The sentence for one criterion, e.g. "years in operation: at least 2 years; has 1.5 years";
/// for a fact not given yet, the requirement and "not stated yet".
pub fn message(field: Field, op: Op, threshold: &Value, observed: Option<&Value>, label: Label<'_>) -> I18n {
    both(|out, lang| write_message(out, field, op, threshold, observed, label, lang))
}

fn write_message(
    out: &mut String,
    field: Field,
    op: Op,
    threshold: &Value,
    observed: Option<&Value>,
    label: Label<'_>,
    lang: Lang,
) {
    let en = lang == Lang::En;
    let name = label.get(lang);
    if field.kind() == Kind::Bool {
        let wanted = matches!((op, threshold), (Op::Eq, Value::Bool(true)) | (Op::Ne, Value::Bool(false)));
        let _ = match (wanted, en) {
            (true, true) => write!(out, "needs {name}; "),
            (true, false) => write!(out, "须具备{name}，"),
            (false, true) => write!(out, "must not have {name}; "),
            (false, false) => write!(out, "不得为{name}，"),
        };
        match observed {
            None => out.push_str(if en { "not stated yet" } else { "尚未填写" }),
            Some(o) => {
                out.push_str(if en { "has: " } else { "当前：" });
                write_value(out, field, o, lang);
            }
        }
        return;
    }
    out.push_str(name);
    out.push_str(if en { ": " } else { "" });
    out.push_str(op_words(op, lang));
    out.push_str(if en { " " } else { "" });
    write_value(out, field, threshold, lang);
    match observed {
        None => out.push_str(if en { "; not stated yet" } else { "，尚未填写" }),
        Some(o) => {
            out.push_str(if en { "; has " } else { "，当前" });
            write_value(out, field, o, lang);
        }
    }
}

/// How far a failed numeric criterion is from passing (always ≥ 0).
pub fn gap(op: Op, threshold: &Value, observed: Option<&Value>, status: Status) -> Option<Decimal> {
    match (status, threshold, observed) {
        (Status::Fail, Value::Number(t), Some(Value::Number(o))) => match op {
            Op::Gte | Op::Gt => Some(*t - *o),
            Op::Lte | Op::Lt => Some(*o - *t),
            _ => None,
        },
        _ => None,
    }
}

/// What would change a failed or unknown criterion.
pub fn hint(field: Field, op: Op, gap: Option<Decimal>, status: Status, label: Label<'_>) -> Option<I18n> {
    match (status, gap, op) {
        (Status::Pass, _, _) => None,
        (Status::Unknown, _, _) => Some(both(|out, lang| {
            out.push_str(if lang == Lang::En { "provide " } else { "请提供" });
            out.push_str(label.get(lang));
        })),
        (Status::Fail, Some(g), Op::Gte | Op::Gt | Op::Lte | Op::Lt) => {
            let short = matches!(op, Op::Gte | Op::Gt);
            Some(both(|out, lang| {
                out.push_str(match (short, lang) {
                    (true, Lang::En) => "short by ",
                    (true, Lang::ZhCn) => "还差",
                    (false, Lang::En) => "over by ",
                    (false, Lang::ZhCn) => "超出",
                });
                write_amount(out, field, g, lang);
            }))
        }
        (Status::Fail, _, _) if field.kind() == Kind::Bool => Some(both(|out, lang| {
            let _ = match lang {
                Lang::En => write!(out, "qualifies with {}", label.en),
                Lang::ZhCn => write!(out, "具备{}后可符合", label.zh),
            };
        })),
        (Status::Fail, _, _) => None,
    }
}

/// The field's generated label as I18n.
pub fn label(field: Field) -> I18n {
    let (en, zh) = field.label();
    I18n { zh_cn: zh.to_string(), en: en.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn amounts_read_naturally() {
        let a = amount(Field::Revenue, d("3000000"));
        assert_eq!((a.en.as_str(), a.zh_cn.as_str()), ("3,000,000 yuan", "300万元"));
        let a = amount(Field::AnnualTaxPaid, d("-1234.5"));
        assert_eq!((a.en.as_str(), a.zh_cn.as_str()), ("-1,234.5 yuan", "-1234.5元"));
        let a = amount(Field::YearsInOperation, d("1.41666"));
        assert_eq!((a.en.as_str(), a.zh_cn.as_str()), ("1.42 years", "1.42年"));
        assert_eq!(amount(Field::YearsInOperation, Decimal::ONE).en, "1 year");
        assert_eq!(amount(Field::DebtRatio, d("0.705")).zh_cn, "70.5%");
    }

    #[test]
    fn sentences_in_both_languages() {
        let label = Label::of(Field::YearsInOperation);
        let m =
            message(Field::YearsInOperation, Op::Gte, &Value::Number(d("2")), Some(&Value::Number(d("1.5"))), label);
        assert_eq!(m.en, "years in operation: at least 2 years; has 1.5 years");
        assert_eq!(m.zh_cn, "经营年限不低于2年，当前1.5年");
        let m = message(
            Field::TaxGrade,
            Op::In,
            &Value::List(vec!["A".into(), "B".into()]),
            None,
            Label::of(Field::TaxGrade),
        );
        assert_eq!(m.en, "tax credit grade: must be one of A, B; not stated yet");
        assert_eq!(m.zh_cn, "纳税信用等级须为以下之一：A、B，尚未填写");
        let h = hint(Field::YearsInOperation, Op::Gte, Some(d("0.5")), Status::Fail, label).unwrap();
        assert_eq!((h.en.as_str(), h.zh_cn.as_str()), ("short by 0.5 years", "还差0.5年"));
    }
}
