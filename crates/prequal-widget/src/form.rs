//! The form model: what the visitor typed, question by question, as text; which questions
//! are asked and on which step; the validation messages; and the conversion to a [`Firm`]
//! for the engine.
//!
//! The questions come from the pack ([`prequal::questions::form_questions`]): the built-in
//! fields and declared facts the shown products read, and the loan request. The form starts
//! empty: a question nobody answered is left out of the firm (unknown), never defaulted.
//! Amounts are typed in 万元 and multiplied out exactly; the debt ratio is typed in
//! percent. A field with an invalid value is left out of the firm (so the results still
//! update) and carries a [`Problem`] the form shows next to it.

use crate::format::{self, parse_number, NotANumber};
use crate::i18n::{fill, T};
use prequal::facts::{FactDecl, FactKind, FactValue};
use prequal::firm::TaxGrade;
use prequal::questions::Question;
use prequal::schedule::RepaymentMethod;
use prequal::size::Industry;
use prequal::{Date, Decimal, Firm, Lang, Policy};

/// How a field is typed and read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A `<select>`; the value is an id, empty for "not answered".
    Choice,
    /// A whole number within the bounds.
    Whole {
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// An amount in 万元 (10,000 yuan), at most 6 decimals (to the cent).
    Wan,
    /// Years, at most 2 decimals, 0 to 200.
    Years,
    /// A percentage, 0 to 1000, at most 4 decimals.
    Percent,
    /// Yes, no, or not answered: a `<select>` of `true`, `false` and empty.
    YesNo,
}

macro_rules! inputs {
    ($($name:ident => $id:literal, $step:literal, $kind:expr, $label:ident;)*) => {
        /// A built-in form input: a key of the firm profile.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Input { $($name,)* }

        impl Input {
            /// Every input, in form order.
            pub const ALL: &'static [Input] = &[$(Input::$name,)*];

            /// The stable id: the input's `name`, and the firm field it sets.
            pub fn id(self) -> &'static str {
                match self { $(Input::$name => $id,)* }
            }

            /// Which step of the form it is on (an index into [`STEPS`]).
            pub fn step(self) -> usize {
                match self { $(Input::$name => $step,)* }
            }

            /// How it is typed and read.
            pub fn kind(self) -> Kind {
                match self { $(Input::$name => $kind,)* }
            }

            /// Its label.
            pub fn label(self) -> T {
                match self { $(Input::$name => T::$label,)* }
            }
        }
    };
}

const COUNT: Kind = Kind::Whole { min: 0, max: 999 };

inputs! {
    Industry => "industry", 0, Kind::Choice, LabelIndustry;
    Park => "park", 0, Kind::Choice, LabelPark;
    Employees => "employees", 0, Kind::Whole { min: 0, max: 10_000_000 }, LabelEmployees;
    Revenue => "revenue", 0, Kind::Wan, LabelRevenue;
    TotalAssets => "total_assets", 0, Kind::Wan, LabelAssets;
    YearsInOperation => "years_in_operation", 0, Kind::Years, LabelYears;
    YearsInPark => "years_in_park", 0, Kind::Years, LabelYearsInPark;
    TaxGrade => "tax_grade", 1, Kind::Choice, LabelTaxGrade;
    AnnualTaxPaid => "annual_tax_paid", 1, Kind::Wan, LabelTaxPaid;
    OverdueCurrent => "overdue_current", 1, COUNT, LabelOverdueNow;
    Overdue12m => "overdue_12m", 1, COUNT, LabelOverdue12;
    Overdue24m => "overdue_24m", 1, COUNT, LabelOverdue24;
    Inquiries6m => "inquiries_6m", 1, COUNT, LabelInquiries;
    LegalRepAge => "legal_rep_age", 1, Kind::Whole { min: 16, max: 120 }, LabelRepAge;
    SpecializedNational => "specialized_national", 2, Kind::YesNo, LabelNational;
    SpecializedProvincial => "specialized_provincial", 2, Kind::YesNo, LabelProvincial;
    HighTech => "high_tech", 2, Kind::YesNo, LabelHighTech;
    TechSme => "tech_sme", 2, Kind::YesNo, LabelTechSme;
    FirstLoan => "first_loan", 2, Kind::YesNo, LabelFirstLoan;
    DebtRatio => "debt_ratio", 2, Kind::Percent, LabelDebtRatio;
    ExistingCreditLoans => "existing_credit_loans", 2, Kind::Wan, LabelExisting;
    RequestedAmount => "requested_amount", 4, Kind::Wan, LabelAmount;
    TermMonths => "term_months", 4, Kind::Choice, LabelTerm;
    RepaymentMethod => "repayment_method", 4, Kind::Choice, LabelMethod;
}

/// The steps a form may have, in order; a step with no question is left out.
pub const STEPS: [T; 5] = [T::StepCompany, T::StepCredit, T::StepQualifications, T::StepMore, T::StepLoan];

/// The step the pack's declared facts are asked on.
pub const FACT_STEP: usize = 3;

/// Terms offered in the term list, months.
pub const TERMS: [u32; 7] = [6, 12, 18, 24, 36, 48, 60];

impl Input {
    /// The input with this id.
    pub fn from_id(id: &str) -> Option<Input> {
        Input::ALL.iter().copied().find(|i| i.id() == id)
    }

    /// The unit shown after the field, if any.
    pub fn unit(self) -> Option<T> {
        match self.kind() {
            Kind::Wan => Some(T::UnitWan),
            Kind::Years => Some(T::UnitYears),
            Kind::Percent => Some(T::UnitPercent),
            Kind::Whole { .. } => Some(match self {
                Input::Employees => T::UnitPeople,
                Input::OverdueCurrent => T::UnitLoans,
                Input::LegalRepAge => T::UnitAge,
                _ => T::UnitTimes,
            }),
            Kind::Choice | Kind::YesNo => None,
        }
    }

    /// A line of help under the label, if any.
    pub fn hint(self) -> Option<T> {
        match self {
            Input::RequestedAmount => Some(T::HintAmount),
            Input::TaxGrade => Some(T::HintTaxGrade),
            Input::YearsInOperation => Some(T::HintYears),
            _ => None,
        }
    }

    /// The keyboard a phone should show (`inputmode`).
    pub fn inputmode(self) -> &'static str {
        match self.kind() {
            Kind::Whole { .. } => "numeric",
            _ => "decimal",
        }
    }
}

/// One step of the form as asked: its title and its questions, in form order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The step's title.
    pub title: T,
    /// Its questions.
    pub questions: Vec<Question>,
}

/// The step a question is asked on (an index into [`STEPS`]).
pub fn step_of(question: &Question) -> usize {
    match question {
        Question::Profile(key) => Input::from_id(key).map_or(FACT_STEP, Input::step),
        Question::Fact(_) => FACT_STEP,
    }
}

/// The questions grouped into steps, in order, without empty steps.
pub fn layout(questions: &[Question]) -> Vec<Step> {
    STEPS
        .iter()
        .enumerate()
        .map(|(i, title)| Step {
            title: *title,
            questions: questions.iter().filter(|q| step_of(q) == i).cloned().collect(),
        })
        .filter(|step| !step.questions.is_empty())
        .collect()
}

/// A question's short name, as the results list it: the input's label, or the fact's.
pub fn question_label<'a>(policy: &'a Policy, question: &'a Question, lang: Lang) -> &'a str {
    match question {
        Question::Profile(key) => Input::from_id(key).map_or(key, |i| i.label().get(lang)),
        Question::Fact(id) => policy.facts.iter().find(|d| d.id == *id).map_or(id.as_str(), |d| d.label.get(lang)),
    }
}

/// What is wrong with a field's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not a number.
    NotANumber,
    /// A whole number is needed.
    NotWhole,
    /// Below zero.
    Negative,
    /// Below the smallest allowed (as shown in the field's unit).
    Min(String),
    /// Above the largest allowed (as shown in the field's unit).
    Max(String),
    /// Too many decimals.
    Decimals(u32),
    /// Zero where only more than zero, or nothing, makes sense.
    Zero,
    /// Not one of the list's values.
    Choice,
    /// The engine refused the value; its message in both languages.
    Engine {
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
}

impl Problem {
    /// The message shown next to the field.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::NotANumber => T::ErrNumber.get(lang).to_string(),
            Problem::NotWhole => T::ErrWhole.get(lang).to_string(),
            Problem::Negative => T::ErrNegative.get(lang).to_string(),
            Problem::Min(min) => fill(T::ErrMin.get(lang), &[min]),
            Problem::Max(max) => fill(T::ErrMax.get(lang), &[max]),
            Problem::Decimals(places) => fill(T::ErrDecimals.get(lang), &[&places.to_string()]),
            Problem::Zero => T::ErrZero.get(lang).to_string(),
            Problem::Choice => T::ErrChoice.get(lang).to_string(),
            Problem::Engine { zh, en } => match lang {
                Lang::ZhCn => zh.clone(),
                Lang::En => en.clone(),
            },
        }
    }

    fn engine(error: &prequal::Error) -> Problem {
        Problem::Engine { zh: error.message(Lang::ZhCn), en: error.message(Lang::En) }
    }
}

/// A field's value, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    /// Left empty: not answered.
    Empty,
    /// A number, in the firm's unit (yuan, years, a fraction for the debt ratio).
    Number(Decimal),
    /// A choice's id.
    Choice(String),
    /// Answered yes or no.
    YesNo(bool),
}

const WAN: i64 = 10_000;

/// The form: each built-in input's text, each declared fact's text, plus a founding date a
/// page pre-filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    values: Vec<String>,
    /// Answers to declared facts, by fact id, as typed.
    facts: Vec<(String, String)>,
    /// Founding date from a pre-filled firm; used while the years field is unchanged.
    founded: Option<(Date, String)>,
}

impl Default for Form {
    fn default() -> Form {
        Form::new()
    }
}

impl Form {
    /// An empty form: nothing answered.
    pub fn new() -> Form {
        Form { values: vec![String::new(); Input::ALL.len()], facts: Vec::new(), founded: None }
    }

    /// The text of an input.
    pub fn get(&self, input: Input) -> &str {
        self.values.get(input as usize).map_or("", String::as_str)
    }

    /// The text of a question: a built-in input or a declared fact, by id.
    pub fn text(&self, id: &str) -> &str {
        match Input::from_id(id) {
            Some(input) => self.get(input),
            None => self.facts.iter().find(|(k, _)| k == id).map_or("", |(_, v)| v.as_str()),
        }
    }

    /// Set the text of an input (as typed). Returns whether it changed.
    pub fn set(&mut self, input: Input, value: &str) -> bool {
        let Some(slot) = self.values.get_mut(input as usize) else { return false };
        if slot == value {
            return false;
        }
        value.clone_into(slot);
        if input == Input::YearsInOperation {
            self.founded = None;
        }
        true
    }

    /// Set the text of a question by id: a built-in input, or any other id as a declared
    /// fact's answer. Returns whether it changed.
    pub fn set_text(&mut self, id: &str, value: &str) -> bool {
        if let Some(input) = Input::from_id(id) {
            return self.set(input, value);
        }
        match self.facts.iter_mut().find(|(k, _)| k == id) {
            Some((_, slot)) if slot == value => false,
            Some((_, slot)) => {
                value.clone_into(slot);
                true
            }
            None => {
                self.facts.push((id.to_string(), value.to_string()));
                true
            }
        }
    }

    /// A form showing what a page already knows about a firm. Fields the firm does not
    /// state keep their current text; the founding date becomes years on `as_of`.
    pub fn prefill(&mut self, firm: &Firm, as_of: Date) {
        let number = |v: Option<Decimal>| v.map(format::plain);
        let wan = |v: Option<Decimal>| v.map(format::to_wan_input);
        let whole = |v: Option<u32>| v.map(|n| n.to_string());
        let yes_no = |v: Option<bool>| v.map(|b| b.to_string());
        let q = &firm.qualifications;
        let years = firm.years_in_operation.or_else(|| firm.founded.and_then(|_| firm.years_in_operation_on(as_of)));
        let fields: [(Input, Option<String>); 24] = [
            (Input::Industry, firm.industry.map(|i| i.id().to_string())),
            (Input::Park, firm.park.clone()),
            (Input::Employees, whole(firm.employees)),
            (Input::Revenue, wan(firm.revenue)),
            (Input::TotalAssets, wan(firm.total_assets)),
            (
                Input::YearsInOperation,
                years.map(|y| {
                    format::plain(y.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
                }),
            ),
            (Input::YearsInPark, number(firm.years_in_park)),
            (Input::TaxGrade, firm.tax_grade.map(|g| g.as_str().to_string())),
            (Input::AnnualTaxPaid, wan(firm.annual_tax_paid)),
            (Input::OverdueCurrent, whole(firm.overdue_current)),
            (Input::Overdue12m, whole(firm.overdue_12m)),
            (Input::Overdue24m, whole(firm.overdue_24m)),
            (Input::Inquiries6m, whole(firm.inquiries_6m)),
            (Input::LegalRepAge, whole(firm.legal_rep_age)),
            (Input::SpecializedNational, yes_no(q.specialized_national)),
            (Input::SpecializedProvincial, yes_no(q.specialized_provincial)),
            (Input::HighTech, yes_no(q.high_tech)),
            (Input::TechSme, yes_no(q.tech_sme)),
            (Input::FirstLoan, yes_no(q.first_loan)),
            (Input::DebtRatio, firm.debt_ratio.map(format::to_percent_input)),
            (Input::ExistingCreditLoans, wan(firm.existing_credit_loans)),
            (Input::RequestedAmount, wan(firm.requested_amount)),
            (Input::TermMonths, whole(firm.term_months)),
            (Input::RepaymentMethod, firm.repayment_method.map(|m| m.id().to_string())),
        ];
        for (input, value) in fields {
            if let Some(value) = value {
                self.set(input, &value);
            }
        }
        if firm.years_in_operation.is_none() {
            if let Some(founded) = firm.founded {
                self.founded = Some((founded, self.get(Input::YearsInOperation).to_string()));
            }
        }
        for (id, value) in &firm.facts {
            let text = match value {
                FactValue::Number(n) => format::plain(*n),
                FactValue::YesNo(b) => b.to_string(),
                FactValue::Text(t) => t.clone(),
            };
            self.set_text(id, &text);
        }
    }

    /// Read one field.
    pub fn read(&self, input: Input) -> Result<Read, Problem> {
        let text = self.get(input).trim();
        match input.kind() {
            _ if text.is_empty() => Ok(Read::Empty),
            Kind::YesNo => yes_no(text).map(Read::YesNo),
            Kind::Choice => check_choice(input, text).map(|()| Read::Choice(text.to_string())),
            kind => {
                let Some(value) = parse_number(text).map_err(|NotANumber| Problem::NotANumber)? else {
                    return Ok(Read::Empty);
                };
                check_number(input, kind, value).map(Read::Number)
            }
        }
    }

    /// Read the answer to a declared fact, checked against its declaration: the kind, the
    /// range, whole numbers, the choices (and the engine's own check).
    pub fn read_fact(&self, decl: &FactDecl) -> Result<Option<FactValue>, Problem> {
        let text = self.text(&decl.id).trim();
        if text.is_empty() {
            return Ok(None);
        }
        let value = match decl.kind {
            FactKind::YesNo => FactValue::YesNo(yes_no(text)?),
            FactKind::Choice => FactValue::Text(decl.choice(text).ok_or(Problem::Choice)?.id.clone()),
            FactKind::Number => {
                let Some(n) = parse_number(text).map_err(|NotANumber| Problem::NotANumber)? else {
                    return Ok(None);
                };
                let shown = |b: Decimal| format::group(&format::plain(b));
                if decl.whole == Some(true) && !n.fract().is_zero() {
                    return Err(Problem::NotWhole);
                }
                if let Some(min) = decl.min.filter(|min| n < *min) {
                    return Err(Problem::Min(shown(min)));
                }
                if let Some(max) = decl.max.filter(|max| n > *max) {
                    return Err(Problem::Max(shown(max)));
                }
                FactValue::Number(n)
            }
        };
        prequal::facts::check(decl, &value).map_err(|e| Problem::engine(&e))?;
        Ok(Some(value))
    }

    /// The problem of one question (a built-in input or one of `facts`), if any.
    pub fn problem(&self, id: &str, facts: &[FactDecl]) -> Option<Problem> {
        match Input::from_id(id) {
            Some(input) => self.read(input).err(),
            None => facts.iter().find(|d| d.id == id).and_then(|d| self.read_fact(d).err()),
        }
    }

    /// The firm the form describes (with its answers to the pack's declared `facts`), and
    /// the questions left out because their answer is invalid, in form order.
    pub fn to_firm(&self, facts: &[FactDecl]) -> (Firm, Vec<(String, Problem)>) {
        let mut problems: Vec<(Input, Problem)> = Vec::new();
        let mut firm = Firm::blank();
        for &input in Input::ALL {
            match self.read(input) {
                Ok(value) => set_field(&mut firm, input, value),
                Err(problem) => problems.push((input, problem)),
            }
        }
        if let Some((founded, shown)) = &self.founded {
            if self.get(Input::YearsInOperation) == shown {
                firm.years_in_operation = None;
                firm.founded = Some(*founded);
            }
        }
        // The engine's own checks, in case they are stricter than the form's: the field
        // concerned is left out and carries the engine's message.
        for _ in 0..Input::ALL.len() {
            let Err(error) = firm.check() else { break };
            let field = error.path.trim_start_matches("$.").split(['.', '[']).next().unwrap_or_default();
            let input = Input::from_id(field).or(match field {
                "founded" => Some(Input::YearsInOperation),
                _ => None,
            });
            let Some(input) = input else { break };
            clear_field(&mut firm, input);
            problems.retain(|(i, _)| *i != input);
            // In form order (no sort: a sort's code is large in WebAssembly).
            let at = problems.iter().position(|(i, _)| *i as usize > input as usize).unwrap_or(problems.len());
            problems.insert(at, (input, Problem::engine(&error)));
        }
        let mut problems: Vec<(String, Problem)> =
            problems.into_iter().map(|(input, problem)| (input.id().to_string(), problem)).collect();
        for decl in facts {
            match self.read_fact(decl) {
                Ok(Some(value)) => {
                    firm.facts.insert(decl.id.clone(), value);
                }
                Ok(None) => {}
                Err(problem) => problems.push((decl.id.clone(), problem)),
            }
        }
        (firm, problems)
    }
}

fn yes_no(text: &str) -> Result<bool, Problem> {
    match text {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(Problem::Choice),
    }
}

fn check_choice(input: Input, id: &str) -> Result<(), Problem> {
    let known = match input {
        Input::Industry => Industry::from_id(id).is_some(),
        Input::TaxGrade => TaxGrade::parse(id).is_some(),
        Input::TermMonths => id.parse::<u32>().is_ok_and(|m| (1..=prequal::limits::MAX_TERM_MONTHS).contains(&m)),
        Input::RepaymentMethod => RepaymentMethod::from_id(id).is_some(),
        // Any park id: the engine tells whether it partners with a bank.
        _ => id.chars().count() <= 200,
    };
    if known {
        Ok(())
    } else {
        Err(Problem::Choice)
    }
}

fn check_number(input: Input, kind: Kind, value: Decimal) -> Result<Decimal, Problem> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Problem::Negative);
    }
    let places = |max: u32| if value.normalize().scale() > max { Err(Problem::Decimals(max)) } else { Ok(()) };
    let at_most = |max: Decimal| if value > max { Err(Problem::Max(format::group(&max.to_string()))) } else { Ok(()) };
    match kind {
        Kind::Whole { min, max } => {
            if !value.fract().is_zero() {
                return Err(Problem::NotWhole);
            }
            if value < Decimal::from(min) {
                return Err(Problem::Min(min.to_string()));
            }
            at_most(Decimal::from(max))?;
            Ok(value.normalize())
        }
        Kind::Wan => {
            places(6)?;
            at_most(Decimal::from(prequal::limits::MAX_AMOUNT / WAN))?;
            if input == Input::RequestedAmount && value.is_zero() {
                return Err(Problem::Zero);
            }
            Ok(value * Decimal::from(WAN))
        }
        Kind::Years => {
            places(2)?;
            at_most(Decimal::from(200))?;
            Ok(value)
        }
        Kind::Percent => {
            places(4)?;
            at_most(Decimal::from(1000))?;
            Ok(value / Decimal::ONE_HUNDRED)
        }
        Kind::Choice | Kind::YesNo => Ok(value),
    }
}

fn number(value: &Read) -> Option<Decimal> {
    match value {
        Read::Number(n) => Some(*n),
        _ => None,
    }
}

fn whole(value: &Read) -> Option<u32> {
    number(value).and_then(|n| n.to_string().parse().ok())
}

fn set_field(firm: &mut Firm, input: Input, value: Read) {
    let choice = match &value {
        Read::Choice(id) => Some(id.as_str()),
        _ => None,
    };
    let answer = match value {
        Read::YesNo(b) => Some(b),
        _ => None,
    };
    let q = &mut firm.qualifications;
    match input {
        Input::Industry => firm.industry = choice.and_then(Industry::from_id),
        Input::Park => firm.park = choice.map(str::to_string),
        Input::Employees => firm.employees = whole(&value),
        Input::Revenue => firm.revenue = number(&value),
        Input::TotalAssets => firm.total_assets = number(&value),
        Input::YearsInOperation => firm.years_in_operation = number(&value),
        Input::YearsInPark => firm.years_in_park = number(&value),
        Input::TaxGrade => firm.tax_grade = choice.and_then(TaxGrade::parse),
        Input::AnnualTaxPaid => firm.annual_tax_paid = number(&value),
        Input::OverdueCurrent => firm.overdue_current = whole(&value),
        Input::Overdue12m => firm.overdue_12m = whole(&value),
        Input::Overdue24m => firm.overdue_24m = whole(&value),
        Input::Inquiries6m => firm.inquiries_6m = whole(&value),
        Input::LegalRepAge => firm.legal_rep_age = whole(&value),
        Input::SpecializedNational => q.specialized_national = answer,
        Input::SpecializedProvincial => q.specialized_provincial = answer,
        Input::HighTech => q.high_tech = answer,
        Input::TechSme => q.tech_sme = answer,
        Input::FirstLoan => q.first_loan = answer,
        Input::DebtRatio => firm.debt_ratio = number(&value),
        Input::ExistingCreditLoans => firm.existing_credit_loans = number(&value),
        Input::RequestedAmount => firm.requested_amount = number(&value),
        Input::TermMonths => firm.term_months = choice.and_then(|m| m.parse().ok()),
        Input::RepaymentMethod => firm.repayment_method = choice.and_then(RepaymentMethod::from_id),
    }
}

fn clear_field(firm: &mut Firm, input: Input) {
    if input == Input::YearsInOperation {
        firm.founded = None;
    }
    set_field(firm, input, Read::Empty);
}

#[cfg(test)]
mod tests {
    use super::*;
    use prequal::questions::{form_questions, PROFILE_ORDER};
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn bank_pack() -> Policy {
        Policy::from_json(include_str!("../../../examples/packs/bank-g-tech-credit.json")).unwrap()
    }

    #[test]
    fn ids_are_the_firm_fields() {
        let mut firm = Firm::new(Industry::Retail);
        firm.qualifications.high_tech = Some(true);
        let json = serde_json::to_value(&firm).unwrap();
        assert!(json.get("industry").is_some());
        for input in Input::ALL {
            assert_eq!(Input::from_id(input.id()), Some(*input));
        }
        // Every profile question the core can ask has an input, on a step of its own kind.
        assert_eq!(PROFILE_ORDER.len(), Input::ALL.len());
        for key in PROFILE_ORDER {
            let input = Input::from_id(key).unwrap_or_else(|| panic!("{key} has an input"));
            assert_ne!(input.step(), FACT_STEP);
        }
        for step in (0..STEPS.len()).filter(|s| *s != FACT_STEP) {
            assert!(Input::ALL.iter().any(|i| i.step() == step), "step {step} has inputs");
        }
    }

    #[test]
    fn the_form_starts_empty_and_unknown() {
        let form = Form::new();
        assert!(Input::ALL.iter().all(|i| form.get(*i).is_empty()));
        let (firm, problems) = form.to_firm(&bank_pack().facts);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(firm, Firm::blank(), "nothing answered, nothing stated");
    }

    #[test]
    fn yes_no_questions_can_be_yes_no_or_unanswered() {
        let mut form = Form::new();
        assert_eq!(form.read(Input::HighTech), Ok(Read::Empty));
        form.set(Input::HighTech, "true");
        form.set(Input::TechSme, "false");
        form.set(Input::FirstLoan, "maybe");
        let (firm, problems) = form.to_firm(&[]);
        assert_eq!(firm.qualifications.high_tech, Some(true));
        assert_eq!(firm.qualifications.tech_sme, Some(false), "no is an answer");
        assert_eq!(firm.qualifications.specialized_national, None, "not answered is unknown");
        assert_eq!(firm.qualifications.first_loan, None);
        assert_eq!(problems, vec![("first_loan".to_string(), Problem::Choice)]);
        form.set(Input::TechSme, "");
        assert_eq!(form.to_firm(&[]).0.qualifications.tech_sme, None, "back to unanswered");
    }

    #[test]
    fn amounts_in_wan_are_exact() {
        let mut form = Form::new();
        form.set(Input::Revenue, "1,234.5678");
        form.set(Input::RequestedAmount, "０.０１");
        form.set(Input::DebtRatio, "42.5");
        form.set(Input::Industry, "software_it");
        let (firm, problems) = form.to_firm(&[]);
        assert!(problems.is_empty());
        assert_eq!(firm.industry, Some(Industry::SoftwareIt));
        assert_eq!(firm.revenue.unwrap().to_string(), "12345678.0000");
        assert_eq!(firm.requested_amount.unwrap().normalize().to_string(), "100");
        assert_eq!(firm.debt_ratio.unwrap().normalize().to_string(), "0.425");
    }

    #[test]
    fn invalid_fields_are_left_out_with_a_message() {
        let mut form = Form::new();
        form.set(Input::Employees, "-5");
        form.set(Input::Revenue, "abc");
        form.set(Input::LegalRepAge, "3.5");
        form.set(Input::RequestedAmount, "0");
        form.set(Input::YearsInPark, "1.234");
        form.set(Input::Inquiries6m, "1000");
        form.set(Input::TermMonths, "<img src=x>");
        form.set(Input::Industry, "bakery");
        let (firm, problems) = form.to_firm(&[]);
        assert_eq!(firm.employees, None);
        assert_eq!(firm.revenue, None);
        assert_eq!(firm.term_months, None);
        assert_eq!(firm.industry, None);
        let messages: Vec<(&str, String, String)> =
            problems.iter().map(|(i, p)| (i.as_str(), p.message(Lang::ZhCn), p.message(Lang::En))).collect();
        assert_eq!(
            messages,
            vec![
                ("industry", "请从列表中选择".into(), "Choose from the list".into()),
                ("employees", "不能为负数".into(), "Cannot be negative".into()),
                ("revenue", "请输入数字".into(), "Enter a number".into()),
                ("years_in_park", "最多保留 2 位小数".into(), "At most 2 decimal places".into()),
                ("inquiries_6m", "不能超过 999".into(), "Must be at most 999".into()),
                ("legal_rep_age", "请输入整数".into(), "Enter a whole number".into()),
                (
                    "requested_amount",
                    "须大于 0，或留空按预估额度测算".into(),
                    "Must be above 0, or leave empty to use the estimated limit".into()
                ),
                ("term_months", "请从列表中选择".into(), "Choose from the list".into()),
            ]
        );
        assert!(firm.check().is_ok());
    }

    #[test]
    fn declared_facts_are_read_by_their_declaration() {
        let policy = bank_pack();
        let facts = &policy.facts;
        let mut form = Form::new();
        form.set_text("social_insurance_staff", "１２");
        form.set_text("pending_lawsuit", "false");
        form.set_text("rd_intensity", "3_to_6");
        let (firm, problems) = form.to_firm(facts);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(firm.facts.get("social_insurance_staff"), Some(&FactValue::Number(d("12"))));
        assert_eq!(firm.facts.get("pending_lawsuit"), Some(&FactValue::YesNo(false)));
        assert_eq!(firm.facts.get("rd_intensity"), Some(&FactValue::Text("3_to_6".into())));
        assert!(prequal::facts::resolve(&policy, &firm).is_ok(), "the engine accepts them");
        // Invalid answers are left out, with a message; unanswered ones are simply absent.
        for (id, text, zh, en) in [
            ("social_insurance_staff", "2.5", "请输入整数", "Enter a whole number"),
            ("social_insurance_staff", "-1", "不能小于 0", "Must be at least 0"),
            ("social_insurance_staff", "100001", "不能超过 100,000", "Must be at most 100,000"),
            ("social_insurance_staff", "many", "请输入数字", "Enter a number"),
            ("pending_lawsuit", "perhaps", "请从列表中选择", "Choose from the list"),
            ("rd_intensity", "<b>", "请从列表中选择", "Choose from the list"),
        ] {
            let mut form = form.clone();
            form.set_text(id, text);
            let (firm, problems) = form.to_firm(facts);
            assert!(!firm.facts.contains_key(id), "{id}={text} left out");
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].0, id);
            assert_eq!((problems[0].1.message(Lang::ZhCn), problems[0].1.message(Lang::En)), (zh.into(), en.into()));
            assert_eq!(form.problem(id, facts), Some(problems[0].1.clone()));
        }
        form.set_text("pending_lawsuit", "");
        assert!(!form.to_firm(facts).0.facts.contains_key("pending_lawsuit"));
        // Facts the pack does not declare never reach the engine.
        form.set_text("not_declared", "1");
        assert!(!form.to_firm(facts).0.facts.contains_key("not_declared"));
    }

    #[test]
    fn questions_are_laid_out_in_steps_without_empty_ones() {
        let policy = bank_pack();
        let asked = form_questions(&policy, &policy.products, None);
        let steps = layout(&asked);
        let titles: Vec<T> = steps.iter().map(|s| s.title).collect();
        assert_eq!(titles, [T::StepCompany, T::StepCredit, T::StepQualifications, T::StepMore, T::StepLoan]);
        let ids = |i: usize| steps[i].questions.iter().map(Question::id).collect::<Vec<_>>();
        assert_eq!(ids(0), ["years_in_operation"]);
        assert_eq!(ids(2), ["high_tech", "tech_sme"]);
        assert_eq!(ids(3), ["social_insurance_staff", "pending_lawsuit", "rd_intensity"]);
        assert_eq!(ids(4), ["requested_amount", "term_months", "repayment_method"]);
        let all: Vec<&Question> = steps.iter().flat_map(|s| &s.questions).collect();
        assert_eq!(all.len(), asked.len(), "every question once");
        // A pack without declared facts has no "more details" step.
        let default = Policy::default_pack();
        let steps = layout(&form_questions(&default, &default.products, None));
        assert!(steps.iter().all(|s| s.title != T::StepMore && !s.questions.is_empty()));
        assert_eq!(
            question_label(&policy, &Question::Fact("rd_intensity".into()), Lang::En),
            "R&D spending as a share of revenue"
        );
        assert_eq!(question_label(&policy, &Question::Profile("high_tech"), Lang::ZhCn), "国家高新技术企业");
    }

    #[test]
    fn huge_numbers_never_panic() {
        let policy = bank_pack();
        let mut form = Form::new();
        let ids: Vec<&str> =
            Input::ALL.iter().map(|i| i.id()).chain(policy.facts.iter().map(|d| d.id.as_str())).collect();
        for id in ids {
            for text in ["99999999999999999999", "9999999999999.999999", "0.0000000000000000000000001", "-0", "1e9"] {
                form.set_text(id, text);
                let _ = form.problem(id, &policy.facts);
            }
        }
        let (firm, _) = form.to_firm(&policy.facts);
        assert!(firm.check().is_ok());
        assert!(prequal::facts::resolve(&policy, &firm).is_ok());
    }

    #[test]
    fn prefill_round_trips() {
        let text = r#"{"industry": "software_it", "employees": 48, "revenue": 18000000, "total_assets": 9000000,
            "founded": "2018-06-12", "park": "xinghe-world", "years_in_park": 3, "tax_grade": "A",
            "annual_tax_paid": 520000, "overdue_current": 0, "overdue_12m": 0, "overdue_24m": 0,
            "inquiries_6m": 3, "legal_rep_age": 41, "debt_ratio": 0.42, "existing_credit_loans": 500000,
            "qualifications": {"high_tech": true, "tech_sme": true, "specialized_national": false,
            "specialized_provincial": false, "first_loan": false},
            "requested_amount": 3000000, "term_months": 36, "repayment_method": "equal_installment"}"#;
        let firm = Firm::from_json(text).unwrap();
        let mut form = Form::new();
        form.prefill(&firm, "2026-02-20".parse().unwrap());
        assert_eq!(form.get(Input::Revenue), "1800");
        assert_eq!(form.get(Input::DebtRatio), "42");
        assert_eq!(form.get(Input::YearsInOperation), "7.67");
        assert_eq!(form.get(Input::FirstLoan), "false");
        let (back, problems) = form.to_firm(&[]);
        assert!(problems.is_empty());
        assert_eq!(back, firm, "the founding date is kept while the years are unchanged");
        form.set(Input::YearsInOperation, "7");
        let (changed, _) = form.to_firm(&[]);
        assert_eq!((changed.founded, changed.years_in_operation), (None, Some(d("7"))));
    }

    #[test]
    fn prefill_keeps_declared_facts() {
        let policy = bank_pack();
        let firm = Firm::from_json(include_str!("../../../examples/firms/bank-g-applicant.json")).unwrap();
        let mut form = Form::new();
        form.prefill(&firm, policy.market.as_of);
        assert_eq!(form.text("social_insurance_staff"), "12");
        assert_eq!(form.text("pending_lawsuit"), "false");
        assert_eq!(form.text("rd_intensity"), "3_to_6");
        assert_eq!(form.get(Input::HighTech), "false");
        let (back, problems) = form.to_firm(&policy.facts);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back, firm);
    }
}
