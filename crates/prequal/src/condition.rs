//! The pack's small, closed condition vocabulary: a field (built in, or a fact the pack
//! declares), an operator and a value, and `any_of` / `all_of` groups of those. Criteria,
//! pricing tiers, limit uplifts and caps and subsidy conditions all use it. There is no
//! expression language on purpose: every condition can be validated on load and explained
//! to a person in both languages.

use crate::error::Result;
use crate::json::{FromJson, Json, Node};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// A fact about the firm (or the loan asked for) that conditions can test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each variant's meaning is its label, see `Field::label`
pub enum Field {
    YearsInOperation,
    YearsInPark,
    Employees,
    Revenue,
    TotalAssets,
    AnnualTaxPaid,
    OverdueCurrent,
    #[serde(rename = "overdue_12m")]
    Overdue12m,
    #[serde(rename = "overdue_24m")]
    Overdue24m,
    #[serde(rename = "inquiries_6m")]
    Inquiries6m,
    LegalRepAge,
    DebtRatio,
    ExistingCreditLoans,
    LoanAmount,
    TermMonths,
    TaxGrade,
    Park,
    Industry,
    SizeClass,
    RepaymentMethod,
    SpecializedNational,
    SpecializedProvincial,
    HighTech,
    TechSme,
    FirstLoan,
    AnyTechQualification,
    PartnerPark,
}

/// What kind of value a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A number (years, people, yuan, counts, a ratio).
    Number,
    /// One of a closed set of names (grades, ids).
    Text,
    /// Yes or no.
    Bool,
}

/// How a number is shown to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Years.
    Years,
    /// People.
    People,
    /// Yuan.
    Yuan,
    /// A count of events.
    Count,
    /// Age in years.
    Age,
    /// A fraction shown as a percentage.
    Percent,
    /// Months.
    Months,
    /// No unit.
    None,
}

impl Field {
    /// The field's name as written in JSON.
    pub fn id(self) -> &'static str {
        Field::NAMES.iter().find(|(_, f)| *f == self).map_or("", |(name, _)| name)
    }

    /// The kind of value the field holds.
    pub fn kind(self) -> Kind {
        use Field::*;
        match self {
            TaxGrade | Park | Industry | SizeClass | RepaymentMethod => Kind::Text,
            SpecializedNational
            | SpecializedProvincial
            | HighTech
            | TechSme
            | FirstLoan
            | AnyTechQualification
            | PartnerPark => Kind::Bool,
            _ => Kind::Number,
        }
    }

    /// The unit a number of this field is shown in.
    pub fn unit(self) -> Unit {
        use Field::*;
        match self {
            YearsInOperation | YearsInPark => Unit::Years,
            Employees => Unit::People,
            Revenue | TotalAssets | AnnualTaxPaid | ExistingCreditLoans | LoanAmount => Unit::Yuan,
            OverdueCurrent | Overdue12m | Overdue24m | Inquiries6m => Unit::Count,
            LegalRepAge => Unit::Age,
            DebtRatio => Unit::Percent,
            TermMonths => Unit::Months,
            _ => Unit::None,
        }
    }

    /// (English, Chinese) label.
    pub fn label(self) -> (&'static str, &'static str) {
        use Field::*;
        match self {
            YearsInOperation => ("years in operation", "经营年限"),
            YearsInPark => ("years in the park", "入园年限"),
            Employees => ("employees", "从业人数"),
            Revenue => ("operating revenue", "营业收入"),
            TotalAssets => ("total assets", "资产总额"),
            AnnualTaxPaid => ("annual tax paid", "年纳税额"),
            OverdueCurrent => ("loans overdue now", "当前逾期笔数"),
            Overdue12m => ("overdue records in the last 12 months", "近12个月逾期次数"),
            Overdue24m => ("overdue records in the last 24 months", "近24个月逾期次数"),
            Inquiries6m => ("credit inquiries in the last 6 months", "近6个月征信查询次数"),
            LegalRepAge => ("legal representative's age", "法定代表人年龄"),
            DebtRatio => ("debt ratio", "资产负债率"),
            ExistingCreditLoans => ("existing credit loans", "现有信用贷款余额"),
            LoanAmount => ("loan amount", "贷款金额"),
            TermMonths => ("loan term", "贷款期限"),
            TaxGrade => ("tax credit grade", "纳税信用等级"),
            Park => ("park", "所在园区"),
            Industry => ("industry", "所属行业"),
            SizeClass => ("firm size", "企业规模"),
            RepaymentMethod => ("repayment method", "还款方式"),
            SpecializedNational => ("national 专精特新 \"little giant\" status", "国家级专精特新“小巨人”企业"),
            SpecializedProvincial => ("provincial 专精特新 status", "省级专精特新中小企业"),
            HighTech => ("national high-tech enterprise status", "国家高新技术企业"),
            TechSme => ("tech-based SME status", "科技型中小企业"),
            FirstLoan => ("first loan ever", "首次贷款"),
            AnyTechQualification => (
                "a tech qualification (专精特新, high-tech or tech-based SME)",
                "科技类资质（专精特新、高新技术企业或科技型中小企业）",
            ),
            PartnerPark => ("registration in a partner park of the bank", "注册在该银行的合作园区"),
        }
    }
}

/// A comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// ≥ (numbers)
    Gte,
    /// > (numbers)
    Gt,
    /// ≤ (numbers)
    Lte,
    /// < (numbers)
    Lt,
    /// = (any kind)
    Eq,
    /// ≠ (any kind)
    Ne,
    /// one of a list (names)
    In,
    /// none of a list (names)
    NotIn,
}

impl Op {
    /// Whether the operator applies to a field of this kind.
    pub fn applies_to(self, kind: Kind) -> bool {
        match self {
            Op::Gte | Op::Gt | Op::Lte | Op::Lt => kind == Kind::Number,
            Op::Eq | Op::Ne => true,
            Op::In | Op::NotIn => kind == Kind::Text,
        }
    }
}

/// The value a condition compares with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A number.
    Number(Decimal),
    /// A name (grade, id...).
    Text(String),
    /// Yes or no.
    Bool(bool),
    /// A list of names.
    List(Vec<String>),
}

impl Value {
    /// A short text of the value, e.g. `["A","B"]` → `A, B`.
    pub fn describe(&self) -> String {
        match self {
            Value::Number(n) => n.normalize().to_string(),
            Value::Text(t) => t.clone(),
            Value::Bool(b) => b.to_string(),
            Value::List(items) => items.join(", "),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(n) => crate::money::serialize(n, s),
            Value::Text(t) => s.serialize_str(t),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::List(items) => items.serialize(s),
        }
    }
}

impl FromJson for Value {
    fn from_json(node: Node<'_>) -> Result<Value> {
        match node.value() {
            Json::Bool(b) => Ok(Value::Bool(*b)),
            Json::Number(_) => node.decimal().map(Value::Number),
            Json::String(text) => Ok(Value::Text(text.clone())),
            // Length is checked with every other list when the pack is validated.
            Json::Array(_) => Vec::<String>::from_json(node).map(Value::List),
            _ => Err(node.wrong_type("a number, a string, true/false, or a list of strings")),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Value {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ConditionValue".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "What the field is compared with: a number (or decimal string) for numeric fields, a name for names, true/false for qualifications, a list of names for in/not_in.",
            "anyOf": [
                {"type": "number"},
                {"type": "string"},
                {"type": "boolean"},
                {"type": "array", "items": {"type": "string"}}
            ]
        })
    }
}

/// What a condition tests: a built-in firm field, or a fact the pack declares in `facts`.
/// Written in JSON as the field's name or the fact's id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FieldRef {
    /// One of the built-in fields.
    Builtin(Field),
    /// The id of a fact declared in the pack's `facts`.
    Declared(String),
}

impl FieldRef {
    /// The built-in field, if it is one.
    pub fn builtin(&self) -> Option<Field> {
        match self {
            FieldRef::Builtin(field) => Some(*field),
            FieldRef::Declared(_) => None,
        }
    }

    /// The name as written in JSON.
    pub fn id(&self) -> &str {
        match self {
            FieldRef::Builtin(field) => field.id(),
            FieldRef::Declared(id) => id,
        }
    }
}

impl From<Field> for FieldRef {
    fn from(field: Field) -> FieldRef {
        FieldRef::Builtin(field)
    }
}

impl PartialEq<Field> for FieldRef {
    fn eq(&self, other: &Field) -> bool {
        self.builtin() == Some(*other)
    }
}

impl Serialize for FieldRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl FromJson for FieldRef {
    fn from_json(node: Node<'_>) -> Result<FieldRef> {
        // Built-in names first; anything else must be a declared fact, which the pack's
        // validation checks (it knows the declarations; reading does not).
        let name = node.str()?;
        match Field::NAMES.iter().find(|(n, _)| *n == name) {
            Some((_, field)) => Ok(FieldRef::Builtin(*field)),
            None => String::from_json(node).map(FieldRef::Declared),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FieldRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FieldRef".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let builtin = generator.subschema_for::<Field>();
        schemars::json_schema!({
            "description": "A built-in firm field, or the id of a fact declared in the pack's `facts`.",
            "anyOf": [builtin, {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,39}$"}]
        })
    }
}

/// How deep `any_of` / `all_of` groups may nest: a group inside a group inside a group,
/// and no further. Deeper rules are hard for a person to read, which is the point of packs.
pub const MAX_GROUP_DEPTH: usize = 3;

/// A test on one field: `{"field": "years_in_operation", "op": "gte", "value": 2}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Test {
    /// The field or declared fact tested.
    pub field: FieldRef,
    /// The comparison.
    pub op: Op,
    /// What it is compared with.
    pub value: Value,
}

/// A condition: one test, or a group of conditions that holds when any one
/// (`{"any_of": [...]}`) or every one (`{"all_of": [...]}`) of them holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// One test.
    Test(Test),
    /// Holds if one holds; fails if all fail; else unknown.
    AnyOf(Vec<Condition>),
    /// Holds if all hold; fails if one fails; else unknown.
    AllOf(Vec<Condition>),
}

/// Which kind of group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// `any_of`
    AnyOf,
    /// `all_of`
    AllOf,
}

impl Condition {
    /// A single test.
    pub fn test(field: impl Into<FieldRef>, op: Op, value: Value) -> Condition {
        Condition::Test(Test { field: field.into(), op, value })
    }

    /// The group kind and its members, if this is a group.
    pub fn group(&self) -> Option<(Group, &[Condition])> {
        match self {
            Condition::Test(_) => None,
            Condition::AnyOf(list) => Some((Group::AnyOf, list)),
            Condition::AllOf(list) => Some((Group::AllOf, list)),
        }
    }

    /// The three-valued outcome, given how to look a field up.
    pub fn status<'a>(&self, fact: &impl Fn(&FieldRef) -> Option<Fact<'a>>) -> Status {
        match self {
            Condition::Test(t) => test(fact(&t.field), t.op, &t.value),
            Condition::AnyOf(list) => combine(Group::AnyOf, list.iter().map(|c| c.status(fact))),
            Condition::AllOf(list) => combine(Group::AllOf, list.iter().map(|c| c.status(fact))),
        }
    }

    /// Every test inside, depth first, in document order.
    pub fn tests(&self, visit: &mut impl FnMut(&Test)) {
        match self {
            Condition::Test(t) => visit(t),
            Condition::AnyOf(list) | Condition::AllOf(list) => list.iter().for_each(|c| c.tests(visit)),
        }
    }

    /// Every test inside, mutably, with its JSON path (for normalising values); tests in
    /// groups nested deeper than [`MAX_GROUP_DEPTH`] are left alone: the depth is the
    /// problem to report there.
    pub(crate) fn tests_mut(&mut self, path: &str, visit: &mut impl FnMut(&str, &mut Test)) {
        self.tests_mut_at(path, 0, visit);
    }

    fn tests_mut_at(&mut self, path: &str, depth: usize, visit: &mut impl FnMut(&str, &mut Test)) {
        let (key, list) = match self {
            Condition::Test(t) => return visit(path, t),
            Condition::AnyOf(list) => ("any_of", list),
            Condition::AllOf(list) => ("all_of", list),
        };
        if depth >= MAX_GROUP_DEPTH {
            return;
        }
        for (i, c) in list.iter_mut().enumerate() {
            c.tests_mut_at(&format!("{path}.{key}[{i}]"), depth + 1, visit);
        }
    }
}

/// Combine the members' outcomes of a group.
pub fn combine(group: Group, statuses: impl Iterator<Item = Status>) -> Status {
    // any_of: a pass decides; all_of: a fail decides.
    let (decides, otherwise) = match group {
        Group::AnyOf => (Status::Pass, Status::Fail),
        Group::AllOf => (Status::Fail, Status::Pass),
    };
    let mut status = otherwise;
    for s in statuses {
        if s == decides {
            return decides;
        }
        if s == Status::Unknown {
            status = Status::Unknown;
        }
    }
    status
}

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Condition::Test(t) => t.serialize(s),
            Condition::AnyOf(list) => {
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry("any_of", list)?;
                map.end()
            }
            Condition::AllOf(list) => {
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry("all_of", list)?;
                map.end()
            }
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Condition {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Condition".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let test = generator.subschema_for::<Test>();
        let list = generator.subschema_for::<Vec<Condition>>();
        schemars::json_schema!({
            "description": "A test {field, op, value}, or a group: {\"any_of\": [...]} holds when one member holds, {\"all_of\": [...]} when every member holds. Groups nest at most 3 deep.",
            "anyOf": [
                test,
                {"type": "object", "properties": {"any_of": list}, "required": ["any_of"], "additionalProperties": false},
                {"type": "object", "properties": {"all_of": list}, "required": ["all_of"], "additionalProperties": false}
            ]
        })
    }
}

/// A fact about the firm as the evaluation sees it; borrowed, so testing allocates nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact<'a> {
    /// A number.
    Number(Decimal),
    /// A name.
    Text(&'a str),
    /// Yes or no.
    Bool(bool),
}

impl Fact<'_> {
    /// The fact as an owned [`Value`] for reports.
    pub fn to_value(self) -> Value {
        match self {
            Fact::Number(n) => Value::Number(n),
            Fact::Text(t) => Value::Text(t.to_string()),
            Fact::Bool(b) => Value::Bool(b),
        }
    }
}

/// Three-valued outcome of a test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The fact meets the condition.
    Pass,
    /// The fact does not meet it.
    Fail,
    /// The fact is not known.
    Unknown,
}

/// Test a fact. A validated pack never mixes kinds; if it did, the answer is `Fail`, not a panic.
pub fn test(fact: Option<Fact<'_>>, op: Op, value: &Value) -> Status {
    let Some(fact) = fact else {
        return Status::Unknown;
    };
    let holds = match (fact, value) {
        (Fact::Number(x), Value::Number(t)) => match op {
            Op::Gte => x >= *t,
            Op::Gt => x > *t,
            Op::Lte => x <= *t,
            Op::Lt => x < *t,
            Op::Eq => x == *t,
            Op::Ne => x != *t,
            Op::In | Op::NotIn => false,
        },
        (Fact::Text(x), Value::Text(t)) => match op {
            Op::Eq => x == t,
            Op::Ne => x != t,
            _ => false,
        },
        (Fact::Text(x), Value::List(list)) => match op {
            Op::In => list.iter().any(|t| t == x),
            Op::NotIn => list.iter().all(|t| t != x),
            _ => false,
        },
        (Fact::Bool(x), Value::Bool(t)) => match op {
            Op::Eq => x == *t,
            Op::Ne => x != *t,
            _ => false,
        },
        _ => false,
    };
    if holds {
        Status::Pass
    } else {
        Status::Fail
    }
}

/// All of `conditions` at once: any fail → Fail, else any unknown → Unknown, else Pass.
pub fn test_all<'a>(conditions: &[Condition], fact: impl Fn(&FieldRef) -> Option<Fact<'a>>) -> Status {
    combine(Group::AllOf, conditions.iter().map(|c| c.status(&fact)))
}

crate::json_names!(Field {
    "years_in_operation" => Field::YearsInOperation,
    "years_in_park" => Field::YearsInPark,
    "employees" => Field::Employees,
    "revenue" => Field::Revenue,
    "total_assets" => Field::TotalAssets,
    "annual_tax_paid" => Field::AnnualTaxPaid,
    "overdue_current" => Field::OverdueCurrent,
    "overdue_12m" => Field::Overdue12m,
    "overdue_24m" => Field::Overdue24m,
    "inquiries_6m" => Field::Inquiries6m,
    "legal_rep_age" => Field::LegalRepAge,
    "debt_ratio" => Field::DebtRatio,
    "existing_credit_loans" => Field::ExistingCreditLoans,
    "loan_amount" => Field::LoanAmount,
    "term_months" => Field::TermMonths,
    "tax_grade" => Field::TaxGrade,
    "park" => Field::Park,
    "industry" => Field::Industry,
    "size_class" => Field::SizeClass,
    "repayment_method" => Field::RepaymentMethod,
    "specialized_national" => Field::SpecializedNational,
    "specialized_provincial" => Field::SpecializedProvincial,
    "high_tech" => Field::HighTech,
    "tech_sme" => Field::TechSme,
    "first_loan" => Field::FirstLoan,
    "any_tech_qualification" => Field::AnyTechQualification,
    "partner_park" => Field::PartnerPark,
});

crate::json_names!(Op {
    "gte" => Op::Gte,
    "gt" => Op::Gt,
    "lte" => Op::Lte,
    "lt" => Op::Lt,
    "eq" => Op::Eq,
    "ne" => Op::Ne,
    "in" => Op::In,
    "not_in" => Op::NotIn,
});

impl FromJson for Test {
    fn from_json(node: Node<'_>) -> Result<Test> {
        let o = node.object(&["field", "op", "value"])?;
        Ok(Test { field: o.req("field")?, op: o.req("op")?, value: o.req("value")? })
    }
}

impl FromJson for Condition {
    fn from_json(node: Node<'_>) -> Result<Condition> {
        if node.has("any_of") {
            let o = node.object(&["any_of"])?;
            return o.req("any_of").map(Condition::AnyOf);
        }
        if node.has("all_of") {
            let o = node.object(&["all_of"])?;
            return o.req("all_of").map(Condition::AllOf);
        }
        Test::from_json(node).map(Condition::Test)
    }
}
