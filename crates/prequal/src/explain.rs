//! Sentences for people: what a criterion requires, what the firm has, and what would
//! change the outcome, in Chinese and English.

use crate::condition::{Field, Kind, Op, Status, Unit, Value};
use crate::policy::I18n;
use rust_decimal::Decimal;

/// A number with its unit, for a person. Yuan at or above 10,000 read as 万元 in Chinese.
pub fn amount(field: Field, value: Decimal) -> I18n {
    let plain = value.normalize().to_string();
    let (en, zh) = match field.unit() {
        Unit::Years if value == Decimal::ONE => ("1 year".to_string(), "1年".to_string()),
        Unit::Years => (format!("{} years", trim2(value)), format!("{}年", trim2(value))),
        Unit::People => (format!("{plain} people"), format!("{plain}人")),
        Unit::Yuan => (format!("{} yuan", grouped(value)), yuan_zh(value)),
        Unit::Count => (plain.clone(), format!("{plain}次")),
        Unit::Age => (format!("{plain} years old"), format!("{plain}岁")),
        Unit::Percent => {
            let pct = format!("{}%", trim2(value * Decimal::ONE_HUNDRED));
            (pct.clone(), pct)
        }
        Unit::Months => (format!("{plain} months"), format!("{plain}个月")),
        Unit::None => (plain.clone(), plain),
    };
    I18n { zh_cn: zh, en }
}

/// At most two decimals, no trailing zeros: 1.41666 → 1.42, 2.00 → 2.
fn trim2(value: Decimal) -> String {
    value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero).normalize().to_string()
}

/// 3000000 → 3,000,000; 1234.5 → 1,234.5.
fn grouped(value: Decimal) -> String {
    let text = trim2(value);
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

fn yuan_zh(value: Decimal) -> String {
    if value.abs() >= Decimal::from(10_000) {
        format!("{}万元", trim2(value / Decimal::from(10_000)))
    } else {
        format!("{}元", trim2(value))
    }
}

fn describe(field: Field, value: &Value) -> I18n {
    match value {
        Value::Number(n) => amount(field, *n),
        Value::Bool(true) => I18n { zh_cn: "是".into(), en: "yes".into() },
        Value::Bool(false) => I18n { zh_cn: "否".into(), en: "no".into() },
        Value::Text(t) => I18n { zh_cn: t.clone(), en: t.clone() },
        Value::List(items) => I18n { zh_cn: items.join("、"), en: items.join(", ") },
    }
}

/// The sentence for one criterion, e.g. "years in operation of at least 2 years; has 1.5 years".
pub fn message(field: Field, op: Op, threshold: &Value, observed: Option<&Value>, label: &I18n) -> I18n {
    let t = describe(field, threshold);
    let Some(observed) = observed else { return requirement(field, op, &t, label) };
    let o = describe(field, observed);
    if field.kind() == Kind::Bool {
        let wanted = matches!((op, threshold), (Op::Eq, Value::Bool(true)) | (Op::Ne, Value::Bool(false)));
        return if wanted {
            I18n {
                en: format!("needs {}; has: {}", label.en, o.en),
                zh_cn: format!("须具备{}，当前：{}", label.zh_cn, o.zh_cn),
            }
        } else {
            I18n {
                en: format!("must not have {}; has: {}", label.en, o.en),
                zh_cn: format!("不得为{}，当前：{}", label.zh_cn, o.zh_cn),
            }
        };
    }
    let (en_op, zh_op) = op_words(op);
    I18n {
        en: format!("{}: {en_op} {}; has {}", label.en, t.en, o.en),
        zh_cn: format!("{}{zh_op}{}，当前{}", label.zh_cn, t.zh_cn, o.zh_cn),
    }
}

fn op_words(op: Op) -> (&'static str, &'static str) {
    match op {
        Op::Gte => ("at least", "不低于"),
        Op::Gt => ("more than", "高于"),
        Op::Lte => ("at most", "不超过"),
        Op::Lt => ("less than", "低于"),
        Op::Eq => ("must be", "须为"),
        Op::Ne => ("must not be", "不得为"),
        Op::In => ("must be one of", "须为以下之一："),
        Op::NotIn => ("must not be any of", "不得为以下任一："),
    }
}

/// The requirement alone, for a fact the firm has not given yet.
fn requirement(field: Field, op: Op, t: &I18n, label: &I18n) -> I18n {
    if field.kind() == Kind::Bool {
        return I18n {
            en: format!("needs {}; not stated yet", label.en),
            zh_cn: format!("须具备{}，尚未填写", label.zh_cn),
        };
    }
    let (en_op, zh_op) = op_words(op);
    I18n {
        en: format!("{}: {en_op} {}; not stated yet", label.en, t.en),
        zh_cn: format!("{}{zh_op}{}，尚未填写", label.zh_cn, t.zh_cn),
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
pub fn hint(field: Field, op: Op, gap: Option<Decimal>, status: Status, label: &I18n) -> Option<I18n> {
    match status {
        Status::Pass => None,
        Status::Unknown => {
            Some(I18n { en: format!("provide {}", label.en), zh_cn: format!("请提供{}", label.zh_cn) })
        }
        Status::Fail => match (gap, op) {
            (Some(g), Op::Gte | Op::Gt) => {
                let g = amount(field, g);
                Some(I18n { en: format!("short by {}", g.en), zh_cn: format!("还差{}", g.zh_cn) })
            }
            (Some(g), Op::Lte | Op::Lt) => {
                let g = amount(field, g);
                Some(I18n { en: format!("over by {}", g.en), zh_cn: format!("超出{}", g.zh_cn) })
            }
            _ if field.kind() == Kind::Bool => Some(I18n {
                en: format!("qualifies with {}", label.en),
                zh_cn: format!("具备{}后可符合", label.zh_cn),
            }),
            _ => None,
        },
    }
}

/// The field's generated label as I18n.
pub fn label(field: Field) -> I18n {
    let (en, zh) = field.label();
    I18n { zh_cn: zh.to_string(), en: en.to_string() }
}
