//! Whole-pack validation: everything serde cannot check, each problem with its JSON path.

use crate::condition::{Condition, Field, FieldRef, Kind, Op, Test, Value, MAX_GROUP_DEPTH};
use crate::cost::{check_terms, SubsidyBasis, SubsidyTerms};
use crate::error::{Error, ErrorCode, Result};
use crate::firm::TaxGrade;
use crate::limits::{self, check_amount, check_len, check_rate, check_share, check_string, check_term};
use crate::policy::{dangling, is_limit_base, AppliesTo, GuaranteeScheme, Policy, Product, SubsidyScheme};
use crate::schedule::RepaymentMethod;
use crate::size::Industry;
use crate::sourced::Sourced;
use rust_decimal::Decimal;

/// Turn decimal strings given for numeric fields into numbers, so evaluation never parses.
/// Returns every value that is not a number.
pub(crate) fn normalise(policy: &mut Policy) -> Vec<Error> {
    let mut errors = Vec::new();
    // The kinds of declared facts, copied: the products are changed while they are read.
    let declared: Vec<(String, Kind)> = policy.facts.iter().map(|d| (d.id.clone(), d.kind.kind())).collect();
    let mut coerce_test = |path: &str, t: &mut Test| {
        let kind = match &t.field {
            FieldRef::Builtin(field) => Some(field.kind()),
            FieldRef::Declared(id) => declared.iter().find(|(d, _)| d == id).map(|(_, k)| *k),
        };
        if kind == Some(Kind::Number) {
            errors.extend(coerce(&format!("{path}.value"), &t.field, &mut t.value).err());
        }
    };
    for (p, product) in policy.products.iter_mut().enumerate() {
        for (c, criterion) in product.criteria.iter_mut().enumerate() {
            criterion.rule.tests_mut(&format!("$.products[{p}].criteria[{c}]"), &mut coerce_test);
        }
        let limit = &mut product.limit;
        for (u, uplift) in limit.uplifts.iter_mut().enumerate() {
            coerce_all(&format!("$.products[{p}].limit.uplifts[{u}].when"), &mut uplift.when, &mut coerce_test);
        }
        for (k, cap) in limit.caps.iter_mut().enumerate() {
            coerce_all(&format!("$.products[{p}].limit.caps[{k}].when"), &mut cap.when, &mut coerce_test);
        }
        for (t, tier) in product.pricing.tiers.iter_mut().enumerate() {
            coerce_all(&format!("$.products[{p}].pricing.tiers[{t}].when"), &mut tier.when, &mut coerce_test);
        }
    }
    for (s, scheme) in policy.subsidy_schemes.iter_mut().enumerate() {
        coerce_all(&format!("$.subsidy_schemes[{s}].conditions"), &mut scheme.conditions, &mut coerce_test);
        for (r, rule) in scheme.shares.iter_mut().enumerate() {
            coerce_all(&format!("$.subsidy_schemes[{s}].shares[{r}].when"), &mut rule.when, &mut coerce_test);
        }
    }
    errors
}

fn coerce_all(path: &str, conditions: &mut [Condition], visit: &mut impl FnMut(&str, &mut Test)) {
    for (i, c) in conditions.iter_mut().enumerate() {
        c.tests_mut(&format!("{path}[{i}]"), visit);
    }
}

fn coerce(path: &str, field: &FieldRef, value: &mut Value) -> Result<()> {
    if let Value::Text(text) = value {
        let number = text.trim().parse::<Decimal>().map_err(|_| {
            let name = field.builtin().map_or(field.id(), |f| f.label().1);
            // Shaped like a number but beyond Decimal (1e40): too large, as a JSON number would be.
            let too_large = crate::json::decimal_from_text(text).is_err_and(|e| e.code == ErrorCode::TooLarge);
            if too_large {
                return Error::new(
                    ErrorCode::TooLarge,
                    path,
                    format!("a number of at most {}, got \"{text}\"", limits::MAX_AMOUNT),
                    format!("{name}不超过 {}，实际为 \"{text}\"", limits::MAX_AMOUNT),
                );
            }
            Error::new(
                ErrorCode::WrongType,
                path,
                format!("a number for {}, got \"{text}\"", field.id()),
                format!("{name}须为数字，实际为 \"{text}\""),
            )
        })?;
        *value = Value::Number(number);
    }
    Ok(())
}

/// Collects problems in document order.
struct Problems(Vec<Error>);

impl Problems {
    fn check(&mut self, result: Result<()>) {
        if let Err(e) = result {
            self.0.push(e);
        }
    }
    fn push(&mut self, error: Error) {
        self.0.push(error);
    }
}

/// Every problem of a pack.
pub(crate) fn problems(policy: &Policy) -> Vec<Error> {
    let mut out = Problems(Vec::new());
    for (path, text) in [("$.id", &policy.id), ("$.version", &policy.version)] {
        if text.trim().is_empty() {
            out.push(Error::new(ErrorCode::InvalidValue, path, "a non-empty text", "不能为空"));
        }
    }
    out.check(check_rate("$.market.lpr_1y", policy.market.lpr_1y.value));
    out.check(check_rate("$.market.lpr_5y", policy.market.lpr_5y.value));
    crate::facts::problems(&policy.facts, &mut out.0);
    unique_ids(&mut out, "$.banks", policy.banks.iter().map(|b| b.id.as_str()));
    unique_ids(&mut out, "$.parks", policy.parks.iter().map(|p| p.id.as_str()));
    unique_ids(&mut out, "$.products", policy.products.iter().map(|p| p.id.as_str()));
    unique_ids(&mut out, "$.guarantee_schemes", policy.guarantee_schemes.iter().map(|g| g.id.as_str()));
    unique_ids(&mut out, "$.subsidy_schemes", policy.subsidy_schemes.iter().map(|s| s.id.as_str()));
    out.check(check_len("$.products", policy.products.len(), limits::MAX_PRODUCTS));
    for (name, len) in [
        ("banks", policy.banks.len()),
        ("parks", policy.parks.len()),
        ("guarantee_schemes", policy.guarantee_schemes.len()),
        ("subsidy_schemes", policy.subsidy_schemes.len()),
    ] {
        out.check(check_len(&format!("$.{name}"), len, limits::MAX_LIST));
    }
    if policy.products.is_empty() {
        out.push(empty("$.products"));
    }
    if policy.banks.is_empty() {
        out.push(empty("$.banks"));
    }
    for (i, park) in policy.parks.iter().enumerate() {
        for (j, bank) in park.banks.iter().enumerate() {
            if policy.bank(bank).is_none() {
                out.push(dangling(format!("$.parks[{i}].banks[{j}]"), "bank", bank));
            }
        }
    }
    for (i, product) in policy.products.iter().enumerate() {
        check_product(&mut out, policy, &format!("$.products[{i}]"), product);
    }
    for (i, scheme) in policy.guarantee_schemes.iter().enumerate() {
        check_guarantee(&mut out, policy, &format!("$.guarantee_schemes[{i}]"), scheme);
    }
    for (i, scheme) in policy.subsidy_schemes.iter().enumerate() {
        check_subsidy(&mut out, policy, &format!("$.subsidy_schemes[{i}]"), scheme);
    }
    out.0
}

fn empty(path: &str) -> Error {
    Error::new(ErrorCode::EmptyList, path, "at least one entry", "至少一项")
}

fn unique_ids<'a>(out: &mut Problems, path: &str, ids: impl Iterator<Item = &'a str>) {
    // A list, not a hash set: these lists are short, and hashing was ~2 KB of the WASM module.
    let mut seen: Vec<&str> = Vec::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            out.push(Error::new(ErrorCode::InvalidValue, format!("{path}[{i}].id"), "a non-empty id", "编号不能为空"));
        } else if seen.contains(&id) {
            out.push(Error::new(
                ErrorCode::DuplicateId,
                format!("{path}[{i}].id"),
                format!("an id not used before in this list, got \"{id}\" again"),
                format!("列表中唯一的编号，\"{id}\" 重复"),
            ));
        } else {
            seen.push(id);
        }
    }
}

fn check_product(out: &mut Problems, policy: &Policy, path: &str, product: &Product) {
    if policy.bank(&product.bank).is_none() {
        out.push(dangling(format!("{path}.bank"), "bank", &product.bank));
    }
    if let (Some(from), Some(to)) = (product.effective_from, product.effective_to) {
        if to < from {
            out.push(Error::new(
                ErrorCode::InvertedRange,
                format!("{path}.effective_to"),
                format!("a date on or after effective_from {from}, got {to}"),
                format!("不早于生效日 {from}，实际为 {to}"),
            ));
        }
    }
    out.check(check_amount(&format!("{path}.amount_min"), product.amount_min.value));
    out.check(check_amount(&format!("{path}.amount_max"), product.amount_max.value));
    if product.amount_max.value <= Decimal::ZERO {
        out.push(Error::new(
            ErrorCode::OutOfRange,
            format!("{path}.amount_max"),
            "a maximum above 0",
            "最高金额须大于 0",
        ));
    }
    if product.amount_min.value > product.amount_max.value {
        out.push(Error::new(
            ErrorCode::InvertedRange,
            format!("{path}.amount_min"),
            format!("at most amount_max {}", product.amount_max.value),
            format!("不超过最高金额 {}", product.amount_max.value),
        ));
    }
    out.check(check_term(&format!("{path}.term_min_months"), product.term_min_months));
    out.check(check_term(&format!("{path}.term_max_months"), product.term_max_months));
    if product.term_min_months > product.term_max_months {
        out.push(Error::new(
            ErrorCode::InvertedRange,
            format!("{path}.term_min_months"),
            format!("at most term_max_months {}", product.term_max_months),
            format!("不超过最长期限 {}", product.term_max_months),
        ));
    }
    if product.repayment_methods.is_empty() {
        out.push(empty(&format!("{path}.repayment_methods")));
    }
    out.check(check_len(&format!("{path}.criteria"), product.criteria.len(), limits::MAX_LIST));
    unique_ids(out, &format!("{path}.criteria"), product.criteria.iter().map(|c| c.id.as_str()));
    for (i, c) in product.criteria.iter().enumerate() {
        check_condition(out, policy, &format!("{path}.criteria[{i}]"), &c.rule, 0);
        if let Some(label) = &c.label {
            out.check(check_string(&format!("{path}.criteria[{i}].label.en"), &label.en));
            out.check(check_string(&format!("{path}.criteria[{i}].label.zh-CN"), &label.zh_cn));
        }
    }
    check_limit(out, policy, path, product);
    check_pricing(out, policy, path, product);
    if let Some(id) = &product.guarantee {
        if policy.guarantee_scheme(id).is_none() {
            out.push(dangling(format!("{path}.guarantee"), "guarantee scheme", id));
        }
    }
    check_scheme_refs(out, policy, &format!("{path}.subsidies"), &product.subsidies, AppliesTo::Interest);
}

fn check_scheme_refs(out: &mut Problems, policy: &Policy, path: &str, ids: &[String], wanted: AppliesTo) {
    out.check(check_len(path, ids.len(), limits::MAX_LIST));
    for (i, id) in ids.iter().enumerate() {
        match policy.subsidy_scheme(id) {
            None => out.push(dangling(format!("{path}[{i}]"), "subsidy scheme", id)),
            Some(scheme) if scheme.applies_to != wanted => out.push(Error::new(
                ErrorCode::InvalidValue,
                format!("{path}[{i}]"),
                format!(
                    "a scheme that applies to {}, but \"{id}\" applies to the other cost",
                    if wanted == AppliesTo::Interest { "interest" } else { "the guarantee fee" }
                ),
                format!(
                    "适用于{}的补贴方案，\"{id}\" 适用对象不符",
                    if wanted == AppliesTo::Interest { "利息" } else { "担保费" }
                ),
            )),
            Some(_) => {}
        }
    }
}

fn check_conditions(out: &mut Problems, policy: &Policy, path: &str, conditions: &[Condition]) {
    out.check(check_len(path, conditions.len(), limits::MAX_LIST));
    for (i, c) in conditions.iter().enumerate() {
        check_condition(out, policy, &format!("{path}[{i}]"), c, 0);
    }
}

/// One condition at `path`; `depth` is how many groups enclose it.
fn check_condition(out: &mut Problems, policy: &Policy, path: &str, condition: &Condition, depth: usize) {
    let (key, members) = match condition {
        Condition::Test(t) => return out.check(check_value(policy, path, &t.field, t.op, &t.value)),
        Condition::AnyOf(members) => ("any_of", members),
        Condition::AllOf(members) => ("all_of", members),
    };
    let path = format!("{path}.{key}");
    if depth + 1 > MAX_GROUP_DEPTH {
        return out.push(Error::new(
            ErrorCode::TooLarge,
            path,
            format!("groups nested at most {MAX_GROUP_DEPTH} deep"),
            format!("条件组最多嵌套 {MAX_GROUP_DEPTH} 层"),
        ));
    }
    if members.is_empty() {
        out.push(empty(&path));
    }
    out.check(check_len(&path, members.len(), limits::MAX_LIST));
    for (i, member) in members.iter().enumerate() {
        check_condition(out, policy, &format!("{path}[{i}]"), member, depth + 1);
    }
}

fn check_limit(out: &mut Problems, policy: &Policy, path: &str, product: &Product) {
    let limit = &product.limit;
    for (i, base) in limit.bases.iter().enumerate() {
        if !is_limit_base(base.field) {
            out.push(Error::new(
                ErrorCode::IncompatibleCondition,
                format!("{path}.limit.bases[{i}].field"),
                "revenue, annual_tax_paid or total_assets",
                "须为 revenue、annual_tax_paid 或 total_assets",
            ));
        }
        let multiple_path = format!("{path}.limit.bases[{i}].multiple");
        out.check(check_amount(&multiple_path, base.multiple.value));
        // Bounded so that multiple × an amount × an uplift stays far inside Decimal's range.
        if base.multiple.value > Decimal::from(1000) {
            out.push(Error::new(ErrorCode::OutOfRange, multiple_path, "a multiple of at most 1000", "倍数不超过 1000"));
        }
    }
    for (i, uplift) in limit.uplifts.iter().enumerate() {
        check_conditions(out, policy, &format!("{path}.limit.uplifts[{i}].when"), &uplift.when);
        out.check(check_amount(&format!("{path}.limit.uplifts[{i}].factor"), uplift.factor.value));
        if uplift.factor.value < Decimal::ONE || uplift.factor.value > Decimal::from(100) {
            out.push(Error::new(
                ErrorCode::OutOfRange,
                format!("{path}.limit.uplifts[{i}].factor"),
                "a factor from 1 to 100",
                "系数须在 1 至 100 之间",
            ));
        }
    }
    for (i, cap) in limit.caps.iter().enumerate() {
        check_conditions(out, policy, &format!("{path}.limit.caps[{i}].when"), &cap.when);
        out.check(check_amount(&format!("{path}.limit.caps[{i}].amount"), cap.amount.value));
    }
    if let Some(step) = &limit.step {
        out.check(check_amount(&format!("{path}.limit.step"), step.value));
    }
}

fn check_pricing(out: &mut Problems, policy: &Policy, path: &str, product: &Product) {
    let pricing = &product.pricing;
    match pricing.tiers.last() {
        None => out.push(empty(&format!("{path}.pricing.tiers"))),
        Some(last) if !last.when.is_empty() => out.push(Error::new(
            ErrorCode::TierNotExhaustive,
            format!("{path}.pricing.tiers[{}].when", pricing.tiers.len() - 1),
            "no conditions on the last tier, so every firm gets a rate",
            "最后一档不应设条件，确保每家企业都有利率",
        )),
        Some(_) => {}
    }
    for (i, tier) in pricing.tiers.iter().enumerate() {
        check_conditions(out, policy, &format!("{path}.pricing.tiers[{i}].when"), &tier.when);
        let spread = tier.spread.value;
        if spread <= -Decimal::ONE || spread >= Decimal::ONE {
            out.push(Error::new(
                ErrorCode::RateOutOfRange,
                format!("{path}.pricing.tiers[{i}].spread"),
                "a spread in (-1, 1), such as 0.005 for +0.5%",
                "加点须在 (-1, 1) 之间，如 0.005 表示 +0.5%",
            ));
        }
    }
    for (name, bound) in [("floor", &pricing.floor), ("cap", &pricing.cap)] {
        if let Some(b) = bound {
            out.check(check_rate(&format!("{path}.pricing.{name}"), b.value));
        }
    }
    if let (Some(floor), Some(cap)) = (&pricing.floor, &pricing.cap) {
        if floor.value > cap.value {
            out.push(Error::new(
                ErrorCode::InvertedRange,
                format!("{path}.pricing.floor"),
                format!("at most the cap {}", cap.value),
                format!("不高于上限 {}", cap.value),
            ));
        }
    }
}

fn check_guarantee(out: &mut Problems, policy: &Policy, path: &str, scheme: &GuaranteeScheme) {
    out.check(check_rate(&format!("{path}.fee_rate"), scheme.fee_rate.value));
    check_scheme_refs(out, policy, &format!("{path}.fee_subsidies"), &scheme.fee_subsidies, AppliesTo::GuaranteeFee);
    if scheme.risk_sharing.is_empty() {
        out.push(empty(&format!("{path}.risk_sharing")));
        return;
    }
    let mut sum = Decimal::ZERO;
    for (i, party) in scheme.risk_sharing.iter().enumerate() {
        out.check(check_share(&format!("{path}.risk_sharing[{i}].share"), party.share.value));
        sum += party.share.value;
    }
    if sum != Decimal::ONE {
        out.push(Error::new(
            ErrorCode::SharesNotOne,
            format!("{path}.risk_sharing"),
            format!("shares that sum to exactly 1, got {sum}"),
            format!("各方比例之和须恰为 1，实际为 {sum}"),
        ));
    }
}

fn check_subsidy(out: &mut Problems, policy: &Policy, path: &str, scheme: &SubsidyScheme) {
    check_conditions(out, policy, &format!("{path}.conditions"), &scheme.conditions);
    for (i, rule) in scheme.shares.iter().enumerate() {
        check_conditions(out, policy, &format!("{path}.shares[{i}].when"), &rule.when);
        out.check(check_share(&format!("{path}.shares[{i}].share"), rule.share.value));
    }
    let value = |s: &Option<Sourced>| s.as_ref().map(|s| s.value);
    let terms = SubsidyTerms {
        basis: scheme.basis,
        share: scheme.shares.first().map(|r| r.share.value),
        points: value(&scheme.points),
        counted_rate_cap: value(&scheme.counted_rate_cap),
        cap_per_year: value(&scheme.cap_per_year),
        max_years: scheme.max_years,
        timing: scheme.timing,
    };
    if scheme.basis == SubsidyBasis::Share && scheme.shares.is_empty() {
        out.push(Error::new(
            ErrorCode::EmptyList,
            format!("{path}.shares"),
            "at least one share rule for basis \"share\"",
            "按比例补贴须至少给出一条 shares",
        ));
    } else {
        let on_fee = scheme.applies_to == AppliesTo::GuaranteeFee;
        out.check(check_terms(path, &terms, on_fee).map_err(|mut e| {
            // check_terms names `.share`; in a pack the share lives in `.shares[0].share`.
            e.path = e.path.replace(&format!("{path}.share"), &format!("{path}.shares[0].share"));
            e
        }));
    }
}

/// A condition's field must exist, and its value suit the field and operator and name
/// things that exist.
fn check_value(policy: &Policy, path: &str, field: &FieldRef, op: Op, value: &Value) -> Result<()> {
    let kind = match field {
        FieldRef::Builtin(f) => f.kind(),
        FieldRef::Declared(id) => match policy.fact(id) {
            Some(decl) => decl.kind.kind(),
            None => {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    format!("{path}.field"),
                    format!("a built-in field or the id of a fact declared in $.facts, got \"{id}\""),
                    format!("须为内置字段或 $.facts 中声明的事实编号，实际为 \"{id}\""),
                ))
            }
        },
    };
    let incompatible = |expected_en: String, expected_zh: String| {
        Err(Error::new(ErrorCode::IncompatibleCondition, format!("{path}.op"), expected_en, expected_zh))
    };
    if !op.applies_to(kind) {
        let ops = match kind {
            Kind::Number => "gte, gt, lte, lt, eq, ne",
            Kind::Text => "eq, ne, in, not_in",
            Kind::Bool => "eq, ne",
        };
        return incompatible(
            format!("one of {ops} for field {}", field.id()),
            format!("字段 {} 只能使用 {ops}", field.id()),
        );
    }
    let value_path = format!("{path}.value");
    let wrong =
        |en: &str, zh: &str| Err(Error::new(ErrorCode::WrongType, value_path.clone(), en.to_string(), zh.to_string()));
    match (kind, value, op) {
        (Kind::Number, Value::Number(n), _) => limits::check_magnitude(&value_path, *n),
        (Kind::Number, _, _) => wrong("a number", "须为数字"),
        (Kind::Bool, Value::Bool(_), _) => Ok(()),
        (Kind::Bool, _, _) => wrong("true or false", "须为 true 或 false"),
        (Kind::Text, Value::Text(t), Op::Eq | Op::Ne) => check_name(policy, &value_path, field, t),
        (Kind::Text, Value::List(items), Op::In | Op::NotIn) => {
            if items.is_empty() {
                return Err(empty(&value_path));
            }
            items.iter().enumerate().try_for_each(|(i, t)| check_name(policy, &format!("{value_path}[{i}]"), field, t))
        }
        (Kind::Text, _, Op::In | Op::NotIn) => wrong("a list of names", "须为名称列表"),
        (Kind::Text, _, _) => wrong("a name", "须为名称"),
    }
}

/// A name compared with a text field must be one the field can hold.
fn check_name(policy: &Policy, path: &str, field: &FieldRef, name: &str) -> Result<()> {
    check_string(path, name)?;
    let field = match field {
        FieldRef::Builtin(f) => *f,
        FieldRef::Declared(id) => {
            let decl = policy.fact(id);
            if decl.is_some_and(|d| d.choice(name).is_some()) {
                return Ok(());
            }
            let ids: Vec<&str> = decl.map(|d| d.choices.iter().map(|c| c.id.as_str()).collect()).unwrap_or_default();
            return Err(Error::new(
                ErrorCode::InvalidValue,
                path,
                format!("one of the choices of {id} ({}), got \"{name}\"", ids.join(", ")),
                format!("须为 {id} 的选项之一（{}），实际为 \"{name}\"", ids.join("、")),
            ));
        }
    };
    let (known, allowed): (bool, &str) = match field {
        Field::TaxGrade => (TaxGrade::parse(name).is_some_and(|g| g.as_str() == name), "A, B, M, C or D"),
        Field::Industry => (Industry::from_id(name).is_some(), "an industry id such as software_it"),
        Field::SizeClass => (matches!(name, "micro" | "small" | "medium" | "large"), "micro, small, medium or large"),
        Field::RepaymentMethod => (
            RepaymentMethod::from_id(name).is_some_and(|m| m.id() == name),
            "equal_installment, equal_principal or interest_only",
        ),
        Field::Park => {
            return if policy.park(name).is_some() { Ok(()) } else { Err(dangling(path.to_string(), "park", name)) }
        }
        _ => (true, ""),
    };
    if known {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("{allowed}, got \"{name}\""),
            format!("须为 {allowed}，实际为 \"{name}\""),
        ))
    }
}
