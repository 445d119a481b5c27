//! Sentences for people: what a criterion requires, what the firm has, and what would
//! change the outcome, in Chinese and English.
//!
//! Each sentence is written straight into one buffer per language: a quote explains every
//! criterion, so these strings are a large part of an evaluation's work.

use crate::condition::{Field, Group, Kind, Op, Status, Unit, Value};
use crate::facts::{Choice, FactDecl};
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

/// What a sentence is about: its name, and how its values read.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    /// The kind of value.
    pub kind: Kind,
    /// How a number is shown.
    pub unit: Unit,
    /// A declared fact's own unit, written after a number ("people" / "人").
    pub unit_text: Option<&'a I18n>,
    /// A declared choice fact's choices, so sentences show labels rather than ids.
    pub choices: &'a [Choice],
    /// Its name.
    pub label: Label<'a>,
    /// A fact the pack declares: its label names a situation ("a pending lawsuit"), not a
    /// status, so "must not be" reads as "must be no".
    pub declared: bool,
}

impl<'a> Subject<'a> {
    /// A built-in field, with its generated label.
    pub fn of(field: Field) -> Subject<'static> {
        Subject {
            kind: field.kind(),
            unit: field.unit(),
            unit_text: None,
            choices: &[],
            label: Label::of(field),
            declared: false,
        }
    }

    /// A fact the pack declares, with its label.
    pub fn declared(decl: &'a FactDecl) -> Subject<'a> {
        Subject {
            kind: decl.kind.kind(),
            unit: Unit::None,
            unit_text: decl.unit.as_ref(),
            choices: &decl.choices,
            label: Label::custom(&decl.label),
            declared: true,
        }
    }

    /// The same subject under another name (a criterion's own label).
    pub fn named(self, label: Label<'a>) -> Subject<'a> {
        Subject { label, ..self }
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
    let subject = Subject::of(field);
    both(|out, lang| write_amount(out, &subject, value, lang))
}

fn write_amount(out: &mut String, subject: &Subject<'_>, value: Decimal, lang: Lang) {
    let en = lang == Lang::En;
    match subject.unit {
        Unit::Years if value == Decimal::ONE => out.push_str(if en { "1 year" } else { "1年" }),
        Unit::Years => write_unit(out, trim2(value), if en { " years" } else { "年" }),
        Unit::People if en && value == Decimal::ONE => out.push_str("1 person"),
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
    if let Some(unit) = subject.unit_text {
        out.push_str(if en { " " } else { "" });
        out.push_str(unit.get(lang));
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

fn write_value(out: &mut String, subject: &Subject<'_>, value: &Value, lang: Lang) {
    let en = lang == Lang::En;
    let name = |id: &'_ str| -> String {
        subject.choices.iter().find(|c| c.id == id).map_or_else(|| id.to_string(), |c| c.label.get(lang).to_string())
    };
    match value {
        Value::Number(n) => write_amount(out, subject, *n, lang),
        Value::Bool(b) => out.push_str(match (b, en) {
            (true, true) => "yes",
            (true, false) => "是",
            (false, true) => "no",
            (false, false) => "否",
        }),
        Value::Text(t) if subject.choices.is_empty() => out.push_str(t),
        Value::Text(t) => out.push_str(&name(t)),
        Value::List(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(if en { ", " } else { "、" });
                }
                if subject.choices.is_empty() {
                    out.push_str(item);
                } else {
                    out.push_str(&name(item));
                }
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
pub fn message(subject: &Subject<'_>, op: Op, threshold: &Value, observed: Option<&Value>) -> I18n {
    both(|out, lang| write_message(out, subject, op, threshold, observed, lang))
}

fn write_message(
    out: &mut String,
    subject: &Subject<'_>,
    op: Op,
    threshold: &Value,
    observed: Option<&Value>,
    lang: Lang,
) {
    let en = lang == Lang::En;
    let name = subject.label.get(lang);
    if subject.kind == Kind::Bool {
        let wanted = wants_yes(op, threshold);
        let _ = match (wanted, subject.declared, en) {
            (true, _, true) => write!(out, "needs {name}; "),
            (true, _, false) => write!(out, "须具备{name}，"),
            (false, _, true) => write!(out, "must not have {name}; "),
            (false, false, false) => write!(out, "不得为{name}，"),
            (false, true, false) => write!(out, "{name}：须为“否”，"),
        };
        match observed {
            None => out.push_str(if en { "not stated yet" } else { "尚未填写" }),
            Some(o) => {
                out.push_str(if en { "has: " } else { "当前：" });
                write_value(out, subject, o, lang);
            }
        }
        return;
    }
    out.push_str(name);
    out.push_str(if en { ": " } else { "" });
    out.push_str(op_words(op, lang));
    out.push_str(if en { " " } else { "" });
    write_value(out, subject, threshold, lang);
    match observed {
        None => out.push_str(if en { "; not stated yet" } else { "，尚未填写" }),
        Some(o) => {
            out.push_str(if en { "; has " } else { "，当前" });
            write_value(out, subject, o, lang);
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
pub fn hint(subject: &Subject<'_>, op: Op, threshold: &Value, gap: Option<Decimal>, status: Status) -> Option<I18n> {
    let label = subject.label;
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
                write_amount(out, subject, g, lang);
            }))
        }
        (Status::Fail, _, _) if subject.kind == Kind::Bool => {
            let wanted = wants_yes(op, threshold);
            Some(both(|out, lang| {
                let _ = match (wanted, subject.declared, lang) {
                    (true, _, Lang::En) => write!(out, "qualifies with {}", label.en),
                    (true, _, Lang::ZhCn) => write!(out, "具备{}后可符合", label.zh),
                    (false, _, Lang::En) => write!(out, "qualifies without {}", label.en),
                    (false, false, Lang::ZhCn) => write!(out, "不为{}时可符合", label.zh),
                    (false, true, Lang::ZhCn) => write!(out, "{}为“否”时可符合", label.zh),
                };
            }))
        }
        // A choice: the answers that would pass.
        (Status::Fail, _, Op::Eq | Op::In) if !subject.choices.is_empty() => Some(both(|out, lang| {
            out.push_str(if lang == Lang::En { "qualifies with: " } else { "符合条件的选项：" });
            write_value(out, subject, threshold, lang);
        })),
        (Status::Fail, _, _) => None,
    }
}

/// Whether a yes/no test passes on "yes".
fn wants_yes(op: Op, threshold: &Value) -> bool {
    matches!((op, threshold), (Op::Eq, Value::Bool(true)) | (Op::Ne, Value::Bool(false)))
}

/// One member of a group, for the group's sentences.
pub enum Member<'a> {
    /// A test: what it is about, its comparison and threshold.
    Test {
        /// What the test is about.
        subject: Subject<'a>,
        /// Its comparison.
        op: Op,
        /// Its threshold.
        threshold: &'a Value,
    },
    /// A nested group and its members.
    Group(Group, Vec<Member<'a>>),
}

/// A member in a few words: "years in operation ≥ 5 years", "high-tech status", "(one of: …)".
fn write_phrase(out: &mut String, m: &Member<'_>, lang: Lang) {
    let en = lang == Lang::En;
    let (subject, op, threshold) = match m {
        Member::Group(group, members) => {
            out.push_str(match (group, en) {
                (Group::AnyOf, true) => "(one of: ",
                (Group::AnyOf, false) => "（其一：",
                (Group::AllOf, true) => "(all of: ",
                (Group::AllOf, false) => "（全部：",
            });
            write_phrases(out, members, lang);
            out.push_str(if en { ")" } else { "）" });
            return;
        }
        Member::Test { subject, op, threshold } => (subject, *op, *threshold),
    };
    let name = subject.label.get(lang);
    if subject.kind == Kind::Bool {
        match (wants_yes(op, threshold), subject.declared, en) {
            (true, _, _) => out.push_str(name),
            (false, _, true) => {
                out.push_str("not ");
                out.push_str(name);
            }
            (false, false, false) => {
                out.push('非');
                out.push_str(name);
            }
            (false, true, false) => {
                out.push_str(name);
                out.push_str("：否");
            }
        }
        return;
    }
    out.push_str(name);
    let symbol = match op {
        Op::Gte => "≥",
        Op::Gt => ">",
        Op::Lte => "≤",
        Op::Lt => "<",
        Op::Eq | Op::In => "=",
        Op::Ne | Op::NotIn => "≠",
    };
    if en {
        out.push(' ');
        out.push_str(symbol);
        out.push(' ');
    } else {
        out.push_str(symbol);
    }
    write_value(out, subject, threshold, lang);
}

fn write_phrases(out: &mut String, members: &[Member<'_>], lang: Lang) {
    for (i, m) in members.iter().enumerate() {
        if i > 0 {
            out.push_str(if lang == Lang::En { ", " } else { "、" });
        }
        write_phrase(out, m, lang);
    }
}

/// The sentence for a group criterion: what it asks (its label, or its members in a few
/// words), whether it is met, and the member that decided it: "meets one of: high-tech
/// status, years in operation ≥ 5 years — years in operation: at least 5 years; has 7.1 years".
pub fn group_message(
    group: Group,
    members: &[Member<'_>],
    label: Option<Label<'_>>,
    status: Status,
    decided_by: Option<&I18n>,
) -> I18n {
    both(|out, lang| {
        let en = lang == Lang::En;
        out.push_str(match (group, status, en) {
            (Group::AnyOf, Status::Pass, true) => "meets one of: ",
            (Group::AnyOf, Status::Pass, false) => "满足其一：",
            (Group::AnyOf, _, true) => "needs one of: ",
            (Group::AnyOf, _, false) => "须满足其一：",
            (Group::AllOf, Status::Pass, true) => "meets all of: ",
            (Group::AllOf, Status::Pass, false) => "全部满足：",
            (Group::AllOf, _, true) => "needs all of: ",
            (Group::AllOf, _, false) => "须全部满足：",
        });
        match label {
            Some(label) => out.push_str(label.get(lang)),
            None => write_phrases(out, members, lang),
        }
        match (status, decided_by) {
            (Status::Fail, None) => out.push_str(if en { "; meets none" } else { "，均不满足" }),
            (Status::Unknown, None) => out.push_str(if en { "; not decided yet" } else { "，尚待填写" }),
            (_, Some(sentence)) => {
                out.push_str(if en { " — " } else { "——" });
                out.push_str(sentence.get(lang));
            }
            (_, None) => {}
        }
    })
}

/// What would change a group: for any_of that failed, each member's way ("any one of: …");
/// otherwise what its deciding members say, joined.
pub fn group_hint(group: Group, status: Status, hints: &[&I18n]) -> Option<I18n> {
    if status == Status::Pass || hints.is_empty() {
        return None;
    }
    Some(both(|out, lang| {
        let en = lang == Lang::En;
        let alternatives = group == Group::AnyOf;
        if alternatives && hints.len() > 1 {
            out.push_str(if en { "any one of: " } else { "满足任一即可：" });
        }
        for (i, h) in hints.iter().enumerate() {
            if i > 0 {
                out.push_str(match (alternatives, en) {
                    (true, true) => "; or ",
                    (true, false) => "；或",
                    (false, true) => "; ",
                    (false, false) => "；",
                });
            }
            out.push_str(h.get(lang));
        }
    }))
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
        let years = Subject::of(Field::YearsInOperation);
        let m = message(&years, Op::Gte, &Value::Number(d("2")), Some(&Value::Number(d("1.5"))));
        assert_eq!(m.en, "years in operation: at least 2 years; has 1.5 years");
        assert_eq!(m.zh_cn, "经营年限不低于2年，当前1.5年");
        let m = message(&Subject::of(Field::TaxGrade), Op::In, &Value::List(vec!["A".into(), "B".into()]), None);
        assert_eq!(m.en, "tax credit grade: must be one of A, B; not stated yet");
        assert_eq!(m.zh_cn, "纳税信用等级须为以下之一：A、B，尚未填写");
        let h = hint(&years, Op::Gte, &Value::Number(d("2")), Some(d("0.5")), Status::Fail).unwrap();
        assert_eq!((h.en.as_str(), h.zh_cn.as_str()), ("short by 0.5 years", "还差0.5年"));
    }
}
