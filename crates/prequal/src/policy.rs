//! The policy pack: what a park or bank publishes to describe its loan products.
//!
//! A pack is data (JSON), parsed into these types, then validated as a whole: unknown
//! fields, dangling references, risk shares that do not sum to exactly 1, negative
//! amounts, rates outside [0, 1) and inverted ranges are rejected with the JSON path.

use crate::condition::{Condition, Field, Kind};
use crate::cost::{FeeTiming, SubsidyBasis, SubsidyTiming};
use crate::date::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::facts::FactDecl;
use crate::json::{FromJson, Node};
use crate::schedule::RepaymentMethod;
use crate::sourced::Sourced;
use serde::Serialize;

/// A text in both languages the product serves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct I18n {
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
    /// English.
    pub en: String,
}

impl I18n {
    /// The text in `lang`.
    pub fn get(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::ZhCn => &self.zh_cn,
            crate::Lang::En => &self.en,
        }
    }
}

/// A whole policy pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Editors may point at the JSON Schema; the engine ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable id of the pack.
    pub id: String,
    /// Version of the pack, e.g. `2025.10.1`.
    pub version: String,
    /// Name of the pack.
    pub name: I18n,
    /// What a visitor must be told: an estimate, not an offer.
    pub notice: I18n,
    /// Market rates the pricing refers to.
    pub market: Market,
    /// Lending banks.
    pub banks: Vec<Bank>,
    /// Parks and the banks that partner with each.
    #[serde(default)]
    pub parks: Vec<Park>,
    /// Facts the pack's products ask about beyond the built-in fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactDecl>,
    /// Loan products.
    pub products: Vec<Product>,
    /// Guarantee schemes products may use.
    #[serde(default)]
    pub guarantee_schemes: Vec<GuaranteeScheme>,
    /// Subsidy schemes products and guarantee schemes may use.
    #[serde(default)]
    pub subsidy_schemes: Vec<SubsidyScheme>,
    /// The content hash, computed once per prepared pack (hashing costs more than a quote).
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    hash: std::sync::OnceLock<String>,
}

/// Loan prime rates with the date they were read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Market {
    /// 1-year LPR, a fraction.
    pub lpr_1y: Sourced,
    /// 5-year-and-over LPR, a fraction.
    pub lpr_5y: Sourced,
    /// When the rates were read.
    pub as_of: Date,
}

/// A lending bank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: I18n,
}

/// An industrial park and its partner banks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Park {
    /// Stable id (the widget's `park` attribute).
    pub id: String,
    /// Name.
    pub name: I18n,
    /// District, if useful to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<I18n>,
    /// Ids of the banks partnering with this park.
    pub banks: Vec<String>,
}

/// A loan product of one bank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Stable id.
    pub id: String,
    /// Id of the lending bank.
    pub bank: String,
    /// Name.
    pub name: I18n,
    /// One-line description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<I18n>,
    /// First day the product is offered (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<Date>,
    /// Last day the product is offered (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<Date>,
    /// Smallest loan, yuan.
    pub amount_min: Sourced,
    /// Largest loan, yuan.
    pub amount_max: Sourced,
    /// Shortest term, months.
    pub term_min_months: u32,
    /// Longest term, months.
    pub term_max_months: u32,
    /// Repayment methods offered; the first is the default.
    pub repayment_methods: Vec<RepaymentMethod>,
    /// Only firms registered in a park that partners with this bank qualify (default true
    /// when the pack lists parks).
    #[serde(default = "yes")]
    pub partner_parks_only: bool,
    /// Eligibility criteria.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// How the limit is estimated.
    pub limit: LimitRules,
    /// How the rate is set.
    pub pricing: Pricing,
    /// Id of the guarantee scheme, if guaranteed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guarantee: Option<String>,
    /// Ids of interest subsidy schemes, in stacking order.
    #[serde(default)]
    pub subsidies: Vec<String>,
    /// Where the product's terms (amounts, terms in months) are published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn yes() -> bool {
    true
}

/// An eligibility criterion: a condition (one test, or an `any_of` / `all_of` group) with
/// an id, a weight and its source. In JSON the condition's keys sit beside `id`:
/// `{"id": "age", "field": "years_in_operation", "op": "gte", "value": 2}` or
/// `{"id": "tech_or_mature", "any_of": [...]}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    /// Stable id within the product.
    pub id: String,
    /// What is tested.
    pub rule: Condition,
    /// A required criterion decides the verdict; an advisory one only warns.
    pub required: bool,
    /// A label to show instead of the generated one.
    pub label: Option<I18n>,
    /// Where the threshold comes from.
    pub source: Option<String>,
}

// Written by hand to keep the condition's keys beside `id` in the order packs have always
// been written (the content hash of an existing pack must not change).
impl Serialize for Criterion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        match &self.rule {
            Condition::Test(t) => {
                map.serialize_entry("field", &t.field)?;
                map.serialize_entry("op", &t.op)?;
                map.serialize_entry("value", &t.value)?;
            }
            Condition::AnyOf(list) => map.serialize_entry("any_of", list)?,
            Condition::AllOf(list) => map.serialize_entry("all_of", list)?,
        }
        map.serialize_entry("required", &self.required)?;
        if let Some(label) = &self.label {
            map.serialize_entry("label", label)?;
        }
        if let Some(source) = &self.source {
            map.serialize_entry("source", source)?;
        }
        map.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Criterion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Criterion".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let field = generator.subschema_for::<crate::condition::FieldRef>();
        let op = generator.subschema_for::<crate::condition::Op>();
        let value = generator.subschema_for::<crate::condition::Value>();
        let list = generator.subschema_for::<Vec<Condition>>();
        let i18n = generator.subschema_for::<I18n>();
        let common = |extra: serde_json::Value, required: &[&str]| {
            let mut properties = serde_json::json!({
                "id": {"type": "string", "description": "Stable id within the product."},
                "required": {"type": "boolean", "default": true, "description": "A required criterion decides the verdict; an advisory one only warns."},
                "label": i18n,
                "source": {"type": "string", "description": "Where the threshold comes from."}
            });
            if let (Some(p), Some(e)) = (properties.as_object_mut(), extra.as_object()) {
                p.extend(e.clone());
            }
            serde_json::json!({"type": "object", "properties": properties, "required": required, "additionalProperties": false})
        };
        schemars::json_schema!({
            "description": "An eligibility criterion: a test {field, op, value} or a group {any_of | all_of: [conditions]}, with an id.",
            "anyOf": [
                common(serde_json::json!({"field": field, "op": op, "value": value}), &["id", "field", "op", "value"]),
                common(serde_json::json!({"any_of": list}), &["id", "any_of"]),
                common(serde_json::json!({"all_of": list}), &["id", "all_of"])
            ]
        })
    }
}

/// How a limit is estimated: the largest base × the largest matching uplift, within the
/// highest matching cap (default: the product's maximum), less existing credit loans,
/// rounded down to the step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LimitRules {
    /// Multiples of firm figures; the largest known one counts. Empty: the cap is the limit.
    #[serde(default)]
    pub bases: Vec<LimitBase>,
    /// Factors for qualifications; the largest matching one applies.
    #[serde(default)]
    pub uplifts: Vec<Uplift>,
    /// Caps by condition; the highest matching one applies.
    #[serde(default)]
    pub caps: Vec<Cap>,
    /// Round the limit down to a multiple of this, yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<Sourced>,
    /// Subtract the firm's existing credit loans (default true).
    #[serde(default = "yes")]
    pub deduct_existing_credit_loans: bool,
}

/// A limit base: `multiple` × the firm's `field`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LimitBase {
    /// A numeric firm field in yuan (revenue, annual_tax_paid, total_assets).
    pub field: Field,
    /// The multiple.
    pub multiple: Sourced,
}

/// A limit uplift for firms matching all `when` conditions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Uplift {
    /// Conditions, all of which must hold.
    pub when: Vec<Condition>,
    /// Factor applied to the base, ≥ 1.
    pub factor: Sourced,
}

/// A limit cap for firms matching all `when` conditions (empty: everyone).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cap {
    /// Conditions, all of which must hold.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// The cap, yuan.
    pub amount: Sourced,
}

/// Which market rate pricing starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RateBase {
    /// 1-year LPR.
    #[serde(rename = "lpr_1y")]
    Lpr1y,
    /// 5-year LPR.
    #[serde(rename = "lpr_5y")]
    Lpr5y,
}

/// Rate = base + the spread of the first matching tier, kept within floor and cap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pricing {
    /// The market rate added to.
    pub base: RateBase,
    /// Tiers, first match wins; the last must have no conditions.
    pub tiers: Vec<Tier>,
    /// Lowest rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<Sourced>,
    /// Highest rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Sourced>,
}

/// A pricing tier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Conditions, all of which must hold (empty: everyone).
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Added to the base rate; may be negative.
    pub spread: Sourced,
}

/// Who absorbs part of a default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Role {
    Bank,
    Guarantor,
    ReGuarantor,
    Government,
    RiskPool,
    Park,
}

/// One party's share of a default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskShare {
    /// The party's name.
    pub party: I18n,
    /// Its role.
    pub role: Role,
    /// Its share, a fraction; all shares sum to exactly 1.
    pub share: Sourced,
}

/// A guarantee scheme (e.g. batch guarantee 见贷即保).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuaranteeScheme {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: I18n,
    /// The guarantor.
    pub guarantor: I18n,
    /// Fee a year, a fraction of the balance.
    pub fee_rate: Sourced,
    /// When the fee is paid.
    pub timing: FeeTiming,
    /// Ids of fee subsidy schemes, in stacking order.
    #[serde(default)]
    pub fee_subsidies: Vec<String>,
    /// How a default of the principal is shared.
    pub risk_sharing: Vec<RiskShare>,
}

/// What a subsidy pays towards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppliesTo {
    /// Interest.
    Interest,
    /// The guarantee fee.
    GuaranteeFee,
}

/// A share that applies to firms matching all `when` conditions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShareRule {
    /// Conditions, all of which must hold (empty: everyone).
    #[serde(default)]
    pub when: Vec<Condition>,
    /// The share, a fraction in [0, 1].
    pub share: Sourced,
}

/// A subsidy scheme (贴息 or fee subsidy).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SubsidyScheme {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: I18n,
    /// Who pays it.
    pub provider: I18n,
    /// Interest or guarantee fee.
    pub applies_to: AppliesTo,
    /// Share of the cost, or percentage points.
    pub basis: SubsidyBasis,
    /// For `share`: the first matching rule's share applies.
    #[serde(default)]
    pub shares: Vec<ShareRule>,
    /// For `points`: points a year as a fraction (0.015 = 1.5 pp).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Sourced>,
    /// Interest is counted at no more than this rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted_rate_cap: Option<Sourced>,
    /// Most paid per firm per loan year, yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_per_year: Option<Sourced>,
    /// Only the first this-many loan years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_years: Option<u32>,
    /// When it is paid.
    pub timing: SubsidyTiming,
    /// Who qualifies: all must hold.
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// Where the scheme is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

// Reading a pack: every object's fields, each read by its type (see `crate::json`).

impl FromJson for I18n {
    fn from_json(node: Node<'_>) -> Result<I18n> {
        let o = node.object(&["zh-CN", "en"])?;
        Ok(I18n { zh_cn: o.req("zh-CN")?, en: o.req("en")? })
    }
}

impl FromJson for Policy {
    fn from_json(node: Node<'_>) -> Result<Policy> {
        let o = node.object(&[
            "$schema",
            "id",
            "version",
            "name",
            "notice",
            "market",
            "banks",
            "parks",
            "facts",
            "products",
            "guarantee_schemes",
            "subsidy_schemes",
        ])?;
        Ok(Policy {
            schema: o.opt("$schema")?,
            id: o.req("id")?,
            version: o.req("version")?,
            name: o.req("name")?,
            notice: o.req("notice")?,
            market: o.req("market")?,
            banks: o.req("banks")?,
            parks: o.or_default("parks")?,
            facts: o.or_default("facts")?,
            products: o.req("products")?,
            guarantee_schemes: o.or_default("guarantee_schemes")?,
            subsidy_schemes: o.or_default("subsidy_schemes")?,
            hash: std::sync::OnceLock::new(),
        })
    }
}

impl FromJson for Market {
    fn from_json(node: Node<'_>) -> Result<Market> {
        let o = node.object(&["lpr_1y", "lpr_5y", "as_of"])?;
        Ok(Market { lpr_1y: o.req("lpr_1y")?, lpr_5y: o.req("lpr_5y")?, as_of: o.req("as_of")? })
    }
}

impl FromJson for Bank {
    fn from_json(node: Node<'_>) -> Result<Bank> {
        let o = node.object(&["id", "name"])?;
        Ok(Bank { id: o.req("id")?, name: o.req("name")? })
    }
}

impl FromJson for Park {
    fn from_json(node: Node<'_>) -> Result<Park> {
        let o = node.object(&["id", "name", "district", "banks"])?;
        Ok(Park { id: o.req("id")?, name: o.req("name")?, district: o.opt("district")?, banks: o.req("banks")? })
    }
}

impl FromJson for Product {
    fn from_json(node: Node<'_>) -> Result<Product> {
        let o = node.object(&[
            "id",
            "bank",
            "name",
            "description",
            "effective_from",
            "effective_to",
            "amount_min",
            "amount_max",
            "term_min_months",
            "term_max_months",
            "repayment_methods",
            "partner_parks_only",
            "criteria",
            "limit",
            "pricing",
            "guarantee",
            "subsidies",
            "source",
        ])?;
        crate::read_fields!(
            o,
            Product {
                id: req("id"),
                bank: req("bank"),
                name: req("name"),
                description: opt("description"),
                effective_from: opt("effective_from"),
                effective_to: opt("effective_to"),
                amount_min: req("amount_min"),
                amount_max: req("amount_max"),
                term_min_months: req("term_min_months"),
                term_max_months: req("term_max_months"),
                repayment_methods: req("repayment_methods"),
                partner_parks_only: or("partner_parks_only", yes),
                criteria: or_default("criteria"),
                limit: req("limit"),
                pricing: req("pricing"),
                guarantee: opt("guarantee"),
                subsidies: or_default("subsidies"),
                source: opt("source"),
            }
        )
    }
}

impl FromJson for Criterion {
    fn from_json(node: Node<'_>) -> Result<Criterion> {
        const GROUP: [&str; 2] = ["any_of", "all_of"];
        let group = GROUP.into_iter().find(|key| node.has(key));
        let o = match group {
            Some("any_of") => node.object(&["id", "any_of", "required", "label", "source"])?,
            Some(_) => node.object(&["id", "all_of", "required", "label", "source"])?,
            None => node.object(&["id", "field", "op", "value", "required", "label", "source"])?,
        };
        let id = o.req("id")?;
        let rule = match group {
            Some("any_of") => Condition::AnyOf(o.req("any_of")?),
            Some(_) => Condition::AllOf(o.req("all_of")?),
            None => Condition::test(o.req::<crate::condition::FieldRef>("field")?, o.req("op")?, o.req("value")?),
        };
        Ok(Criterion { id, rule, required: o.or("required", yes)?, label: o.opt("label")?, source: o.opt("source")? })
    }
}

impl FromJson for LimitRules {
    fn from_json(node: Node<'_>) -> Result<LimitRules> {
        let o = node.object(&["bases", "uplifts", "caps", "step", "deduct_existing_credit_loans"])?;
        crate::read_fields!(
            o,
            LimitRules {
                bases: or_default("bases"),
                uplifts: or_default("uplifts"),
                caps: or_default("caps"),
                step: opt("step"),
                deduct_existing_credit_loans: or("deduct_existing_credit_loans", yes),
            }
        )
    }
}

impl FromJson for LimitBase {
    fn from_json(node: Node<'_>) -> Result<LimitBase> {
        let o = node.object(&["field", "multiple"])?;
        Ok(LimitBase { field: o.req("field")?, multiple: o.req("multiple")? })
    }
}

impl FromJson for Uplift {
    fn from_json(node: Node<'_>) -> Result<Uplift> {
        let o = node.object(&["when", "factor"])?;
        Ok(Uplift { when: o.req("when")?, factor: o.req("factor")? })
    }
}

impl FromJson for Cap {
    fn from_json(node: Node<'_>) -> Result<Cap> {
        let o = node.object(&["when", "amount"])?;
        Ok(Cap { when: o.or_default("when")?, amount: o.req("amount")? })
    }
}

crate::json_names!(RateBase { "lpr_1y" => RateBase::Lpr1y, "lpr_5y" => RateBase::Lpr5y });

impl FromJson for Pricing {
    fn from_json(node: Node<'_>) -> Result<Pricing> {
        let o = node.object(&["base", "tiers", "floor", "cap"])?;
        Ok(Pricing { base: o.req("base")?, tiers: o.req("tiers")?, floor: o.opt("floor")?, cap: o.opt("cap")? })
    }
}

impl FromJson for Tier {
    fn from_json(node: Node<'_>) -> Result<Tier> {
        let o = node.object(&["when", "spread"])?;
        Ok(Tier { when: o.or_default("when")?, spread: o.req("spread")? })
    }
}

crate::json_names!(Role {
    "bank" => Role::Bank,
    "guarantor" => Role::Guarantor,
    "re_guarantor" => Role::ReGuarantor,
    "government" => Role::Government,
    "risk_pool" => Role::RiskPool,
    "park" => Role::Park,
});

impl FromJson for RiskShare {
    fn from_json(node: Node<'_>) -> Result<RiskShare> {
        let o = node.object(&["party", "role", "share"])?;
        Ok(RiskShare { party: o.req("party")?, role: o.req("role")?, share: o.req("share")? })
    }
}

impl FromJson for GuaranteeScheme {
    fn from_json(node: Node<'_>) -> Result<GuaranteeScheme> {
        let o = node.object(&["id", "name", "guarantor", "fee_rate", "timing", "fee_subsidies", "risk_sharing"])?;
        crate::read_fields!(
            o,
            GuaranteeScheme {
                id: req("id"),
                name: req("name"),
                guarantor: req("guarantor"),
                fee_rate: req("fee_rate"),
                timing: req("timing"),
                fee_subsidies: or_default("fee_subsidies"),
                risk_sharing: req("risk_sharing"),
            }
        )
    }
}

crate::json_names!(AppliesTo { "interest" => AppliesTo::Interest, "guarantee_fee" => AppliesTo::GuaranteeFee });

impl FromJson for ShareRule {
    fn from_json(node: Node<'_>) -> Result<ShareRule> {
        let o = node.object(&["when", "share"])?;
        Ok(ShareRule { when: o.or_default("when")?, share: o.req("share")? })
    }
}

impl FromJson for SubsidyScheme {
    fn from_json(node: Node<'_>) -> Result<SubsidyScheme> {
        let o = node.object(&[
            "id",
            "name",
            "provider",
            "applies_to",
            "basis",
            "shares",
            "points",
            "counted_rate_cap",
            "cap_per_year",
            "max_years",
            "timing",
            "conditions",
            "source",
        ])?;
        crate::read_fields!(
            o,
            SubsidyScheme {
                id: req("id"),
                name: req("name"),
                provider: req("provider"),
                applies_to: req("applies_to"),
                basis: req("basis"),
                shares: or_default("shares"),
                points: opt("points"),
                counted_rate_cap: opt("counted_rate_cap"),
                cap_per_year: opt("cap_per_year"),
                max_years: opt("max_years"),
                timing: req("timing"),
                conditions: or_default("conditions"),
                source: opt("source"),
            }
        )
    }
}

impl Policy {
    /// Parse and validate a pack from JSON text.
    pub fn from_json(text: &str) -> Result<Policy> {
        crate::limits::check_document(text.len())?;
        let mut policy: Policy = crate::json::from_str(text)?;
        policy.prepare()?;
        Ok(policy)
    }

    /// Read and validate a pack from a parsed JSON document.
    pub fn from_value(value: &serde_json::Value) -> Result<Policy> {
        let mut policy: Policy = crate::json::from_value(value)?;
        policy.prepare()?;
        Ok(policy)
    }

    /// Normalise and validate a pack built by other means (e.g. deserialised in WASM).
    /// Returns the first problem; [`Policy::problems`] lists them all.
    /// Call it again after changing a pack's fields, so its content hash is recomputed.
    pub fn prepare(&mut self) -> Result<()> {
        match self.prepare_all().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }

    /// Normalise and validate, returning every problem in document order.
    fn prepare_all(&mut self) -> Vec<Error> {
        self.hash = std::sync::OnceLock::new();
        // A broken declaration comes first: the conditions that name the fact follow from it.
        let mut errors = Vec::new();
        crate::facts::problems(&self.facts, &mut errors);
        errors.extend(crate::validate::normalise(self));
        // A value that is not a number is reported once, by normalise.
        let reported: Vec<String> = errors.iter().map(|e| e.path.clone()).collect();
        errors.extend(crate::validate::problems(self).into_iter().filter(|e| !reported.contains(&e.path)));
        errors
    }

    /// Every problem of a pack given as JSON text (for pack authors and `prequal policy
    /// validate`): one syntax or shape error if it cannot be read, else all problems.
    pub fn problems_in_json(text: &str) -> Vec<Error> {
        if let Err(e) = crate::limits::check_document(text.len()) {
            return vec![e];
        }
        match crate::json::from_str::<Policy>(text) {
            Ok(mut policy) => policy.prepare_all(),
            Err(e) => vec![e],
        }
    }

    /// Every problem of the pack, in document order.
    pub fn problems(&self) -> Vec<Error> {
        crate::validate::problems(self)
    }

    /// The pack's canonical JSON: the bytes `serde_json` writes for it, written without serde.
    pub fn canonical_json(&self) -> String {
        crate::canonical::to_string(self)
    }

    /// A content hash of the pack: `sha256:` and the hex digest of its canonical JSON (the
    /// bytes serde_json writes for it).
    pub fn content_hash(&self) -> String {
        self.hash.get_or_init(|| self.compute_hash()).clone()
    }

    fn compute_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let canonical = crate::canonical::to_string(self);
        let digest = Sha256::digest(canonical.as_bytes());
        let mut hex = String::with_capacity(7 + 64);
        hex.push_str("sha256:");
        for byte in digest.iter() {
            crate::canonical::push_hex(&mut hex, u32::from(*byte), 2);
        }
        hex
    }

    /// The bundled default pack, parsed and validated.
    pub fn try_default() -> Result<Policy> {
        let policy = Policy::from_json(DEFAULT_PACK_JSON)?;
        // Known when the crate is built (a test recomputes it): hashing is a few ms of cold
        // code before a browser's first quote, for an answer that never changes.
        let _ = policy.hash.set(DEFAULT_PACK_HASH.to_string());
        Ok(policy)
    }

    /// The bundled default pack, "Shenzhen park loan 2.0 (illustrative)".
    pub fn default_pack() -> Policy {
        // The embedded pack is checked by tests; should it ever fail, an empty pack with no
        // products is safer than a panic in a browser.
        Policy::try_default().unwrap_or_else(|_| Policy::empty())
    }

    fn empty() -> Policy {
        let text = |s: &str| I18n { zh_cn: s.to_string(), en: s.to_string() };
        Policy {
            schema: None,
            id: "empty".into(),
            version: "0".into(),
            name: text("empty"),
            notice: text(""),
            market: Market {
                lpr_1y: Sourced::bare(rust_decimal::Decimal::ZERO),
                lpr_5y: Sourced::bare(rust_decimal::Decimal::ZERO),
                as_of: Date::FALLBACK,
            },
            banks: vec![],
            parks: vec![],
            facts: vec![],
            products: vec![],
            guarantee_schemes: vec![],
            subsidy_schemes: vec![],
            hash: std::sync::OnceLock::new(),
        }
    }

    /// The bank with this id.
    pub fn bank(&self, id: &str) -> Option<&Bank> {
        self.banks.iter().find(|b| b.id == id)
    }

    /// The park with this id.
    pub fn park(&self, id: &str) -> Option<&Park> {
        self.parks.iter().find(|p| p.id == id)
    }

    /// The guarantee scheme with this id.
    pub fn guarantee_scheme(&self, id: &str) -> Option<&GuaranteeScheme> {
        self.guarantee_schemes.iter().find(|g| g.id == id)
    }

    /// The declared fact with this id.
    pub fn fact(&self, id: &str) -> Option<&FactDecl> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// The subsidy scheme with this id.
    pub fn subsidy_scheme(&self, id: &str) -> Option<&SubsidyScheme> {
        self.subsidy_schemes.iter().find(|s| s.id == id)
    }
}

/// The bundled default pack's JSON (the same bytes as `examples/packs/shenzhen-park-loan-2.json`).
pub const DEFAULT_PACK_JSON: &str = include_str!("default_pack.json");

/// [`Policy::content_hash`] of the bundled pack; `default_pack_hash_is_current` recomputes it.
const DEFAULT_PACK_HASH: &str = "sha256:a15785cba6c49d1e23fe1d5700672e7001fcc81a4fb397e68d124edf214ca218";

/// Whether a field can be a limit base (a yuan figure of the firm).
pub(crate) fn is_limit_base(field: Field) -> bool {
    matches!(field, Field::Revenue | Field::AnnualTaxPaid | Field::TotalAssets) && field.kind() == Kind::Number
}

pub(crate) fn dangling(path: String, what: &str, id: &str) -> Error {
    Error::new(
        ErrorCode::DanglingReference,
        path,
        format!("the id of a {what} defined in this pack, got \"{id}\""),
        format!("本数据包中已定义的{}编号，实际为 \"{id}\"", what_zh(what)),
    )
}

fn what_zh(what: &str) -> &'static str {
    match what {
        "bank" => "银行",
        "park" => "园区",
        "guarantee scheme" => "担保方案",
        "subsidy scheme" => "补贴方案",
        _ => "对象",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_pack_hash_is_current() {
        let computed = Policy::from_json(DEFAULT_PACK_JSON).map(|p| p.content_hash());
        assert_eq!(computed.as_deref(), Ok(DEFAULT_PACK_HASH), "update DEFAULT_PACK_HASH with default_pack.json");
        assert_eq!(Policy::try_default().map(|p| p.content_hash()).as_deref(), Ok(DEFAULT_PACK_HASH));
    }
}
