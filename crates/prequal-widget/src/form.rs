//! The form model: what the visitor typed, field by field, as text; its validation
//! messages; and the conversion to a [`Firm`] for the engine.
//!
//! Amounts are typed in 万元 and multiplied out exactly; the debt ratio is typed in
//! percent. A field with an invalid value is left out of the firm (so the results still
//! update) and carries a [`Problem`] the form shows next to it.

use crate::format::{self, parse_number, NotANumber};
use crate::i18n::{fill, T};
use prequal::firm::TaxGrade;
use prequal::schedule::RepaymentMethod;
use prequal::size::Industry;
use prequal::{Date, Decimal, Firm, Lang};

/// How a field is typed and read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A `<select>`; the value is an id, empty for "not stated".
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
    /// A checkbox: `true` or empty.
    Check,
}

macro_rules! inputs {
    ($($name:ident => $id:literal, $step:literal, $kind:expr, $label:ident;)*) => {
        /// A form input.
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

            /// Which step of the form it is on (0-based).
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
    SpecializedNational => "specialized_national", 2, Kind::Check, LabelNational;
    SpecializedProvincial => "specialized_provincial", 2, Kind::Check, LabelProvincial;
    HighTech => "high_tech", 2, Kind::Check, LabelHighTech;
    TechSme => "tech_sme", 2, Kind::Check, LabelTechSme;
    FirstLoan => "first_loan", 2, Kind::Check, LabelFirstLoan;
    DebtRatio => "debt_ratio", 2, Kind::Percent, LabelDebtRatio;
    ExistingCreditLoans => "existing_credit_loans", 2, Kind::Wan, LabelExisting;
    RequestedAmount => "requested_amount", 3, Kind::Wan, LabelAmount;
    TermMonths => "term_months", 3, Kind::Choice, LabelTerm;
    RepaymentMethod => "repayment_method", 3, Kind::Choice, LabelMethod;
}

/// The steps of the form, in order.
pub const STEPS: [T; 4] = [T::StepCompany, T::StepCredit, T::StepQualifications, T::StepLoan];

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
            Kind::Choice | Kind::Check => None,
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

/// What is wrong with a field's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not a number.
    NotANumber,
    /// A whole number is needed.
    NotWhole,
    /// Below zero.
    Negative,
    /// Below the smallest allowed.
    Min(u32),
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
            Problem::Min(min) => fill(T::ErrMin.get(lang), &[&min.to_string()]),
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
}

/// A field's value, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    /// Left empty: not stated.
    Empty,
    /// A number, in the firm's unit (yuan, years, a fraction for the debt ratio).
    Number(Decimal),
    /// A choice's id.
    Choice(String),
    /// A checkbox.
    Check(bool),
}

const WAN: i64 = 10_000;

/// The form: each input's text, plus a founding date a page pre-filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    values: Vec<String>,
    /// Founding date from a pre-filled firm; used while the years field is unchanged.
    founded: Option<(Date, String)>,
}

impl Default for Form {
    fn default() -> Form {
        Form::defaults()
    }
}

impl Form {
    /// A typical small firm, so the first results appear before anything is typed.
    pub fn defaults() -> Form {
        let mut form = Form { values: vec![String::new(); Input::ALL.len()], founded: None };
        for (input, value) in [
            (Input::Industry, "software_it"),
            (Input::Employees, "20"),
            (Input::Revenue, "500"),
            (Input::YearsInOperation, "3"),
            (Input::TaxGrade, "B"),
            (Input::AnnualTaxPaid, "10"),
            (Input::OverdueCurrent, "0"),
            (Input::Overdue12m, "0"),
            (Input::Overdue24m, "0"),
            (Input::Inquiries6m, "2"),
            (Input::LegalRepAge, "40"),
            (Input::DebtRatio, "50"),
            (Input::ExistingCreditLoans, "0"),
            (Input::TermMonths, "12"),
        ] {
            form.set(input, value);
        }
        form
    }

    /// The text of an input.
    pub fn get(&self, input: Input) -> &str {
        self.values.get(input as usize).map_or("", String::as_str)
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

    /// A form showing what a page already knows about a firm. Fields the firm does not
    /// state keep their current text; the founding date becomes years on `as_of`.
    pub fn prefill(&mut self, firm: &Firm, as_of: Date) {
        let number = |v: Option<Decimal>| v.map(format::plain);
        let wan = |v: Option<Decimal>| v.map(format::to_wan_input);
        let whole = |v: Option<u32>| v.map(|n| n.to_string());
        let check = |v: Option<bool>| v.map(|b| if b { "true".to_string() } else { String::new() });
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
            (Input::SpecializedNational, check(q.specialized_national)),
            (Input::SpecializedProvincial, check(q.specialized_provincial)),
            (Input::HighTech, check(q.high_tech)),
            (Input::TechSme, check(q.tech_sme)),
            (Input::FirstLoan, check(q.first_loan)),
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
    }

    /// Read one field.
    pub fn read(&self, input: Input) -> Result<Read, Problem> {
        let text = self.get(input).trim();
        match input.kind() {
            Kind::Check => Ok(Read::Check(!text.is_empty() && text != "false")),
            Kind::Choice if text.is_empty() => Ok(Read::Empty),
            Kind::Choice => check_choice(input, text).map(|()| Read::Choice(text.to_string())),
            kind => {
                let Some(value) = parse_number(text).map_err(|NotANumber| Problem::NotANumber)? else {
                    return Ok(Read::Empty);
                };
                check_number(input, kind, value).map(Read::Number)
            }
        }
    }

    /// The problem of one field, if any.
    pub fn problem(&self, input: Input) -> Option<Problem> {
        self.read(input).err()
    }

    /// The firm the form describes, and the fields left out because they are invalid.
    pub fn to_firm(&self) -> (Firm, Vec<(Input, Problem)>) {
        let mut problems = Vec::new();
        let industry = match self.read(Input::Industry) {
            Ok(Read::Choice(id)) => Industry::from_id(&id).unwrap_or(Industry::Other),
            _ => Industry::Other,
        };
        let mut firm = Firm::new(industry);
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
            let problem = Problem::Engine { zh: error.message(Lang::ZhCn), en: error.message(Lang::En) };
            problems.push((input, problem));
        }
        problems.sort_by_key(|(input, _)| *input as usize);
        (firm, problems)
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
                return Err(Problem::Min(min));
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
        Kind::Choice | Kind::Check => Ok(value),
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
    let check = match value {
        Read::Check(b) => Some(b),
        _ => None,
    };
    let q = &mut firm.qualifications;
    match input {
        Input::Industry => {}
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
        Input::SpecializedNational => q.specialized_national = check,
        Input::SpecializedProvincial => q.specialized_provincial = check,
        Input::HighTech => q.high_tech = check,
        Input::TechSme => q.tech_sme = check,
        Input::FirstLoan => q.first_loan = check,
        Input::DebtRatio => firm.debt_ratio = number(&value),
        Input::ExistingCreditLoans => firm.existing_credit_loans = number(&value),
        Input::RequestedAmount => firm.requested_amount = number(&value),
        Input::TermMonths => firm.term_months = choice.and_then(|m| m.parse().ok()),
        Input::RepaymentMethod => firm.repayment_method = choice.and_then(RepaymentMethod::from_id),
    }
}

fn clear_field(firm: &mut Firm, input: Input) {
    match input {
        Input::Industry => firm.industry = None,
        Input::YearsInOperation => {
            firm.years_in_operation = None;
            firm.founded = None;
        }
        Input::SpecializedNational
        | Input::SpecializedProvincial
        | Input::HighTech
        | Input::TechSme
        | Input::FirstLoan => set_field(firm, input, Read::Check(false)),
        _ => set_field(firm, input, Read::Empty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
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
        for step in 0..STEPS.len() {
            assert!(Input::ALL.iter().any(|i| i.step() == step), "step {step} has inputs");
        }
    }

    #[test]
    fn defaults_make_a_valid_firm() {
        let (firm, problems) = Form::defaults().to_firm();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(firm.industry, Some(Industry::SoftwareIt));
        assert_eq!(firm.revenue, Some(d("5000000")));
        assert_eq!(firm.debt_ratio, Some(d("0.5")));
        assert_eq!(firm.term_months, Some(12));
        assert_eq!(firm.qualifications.high_tech, Some(false));
        assert_eq!(firm.requested_amount, None);
        assert_eq!(firm.park, None);
        assert!(firm.check().is_ok());
    }

    #[test]
    fn amounts_in_wan_are_exact() {
        let mut form = Form::defaults();
        form.set(Input::Revenue, "1,234.5678");
        form.set(Input::RequestedAmount, "０.０１");
        form.set(Input::DebtRatio, "42.5");
        let (firm, problems) = form.to_firm();
        assert!(problems.is_empty());
        assert_eq!(firm.revenue.unwrap().to_string(), "12345678.0000");
        assert_eq!(firm.requested_amount.unwrap().normalize().to_string(), "100");
        assert_eq!(firm.debt_ratio.unwrap().normalize().to_string(), "0.425");
    }

    #[test]
    fn invalid_fields_are_left_out_with_a_message() {
        let mut form = Form::defaults();
        form.set(Input::Employees, "-5");
        form.set(Input::Revenue, "abc");
        form.set(Input::LegalRepAge, "3.5");
        form.set(Input::RequestedAmount, "0");
        form.set(Input::YearsInPark, "1.234");
        form.set(Input::Inquiries6m, "1000");
        form.set(Input::TermMonths, "<img src=x>");
        let (firm, problems) = form.to_firm();
        assert_eq!(firm.employees, None);
        assert_eq!(firm.revenue, None);
        assert_eq!(firm.term_months, None);
        let messages: Vec<(Input, String, String)> =
            problems.iter().map(|(i, p)| (*i, p.message(Lang::ZhCn), p.message(Lang::En))).collect();
        assert_eq!(
            messages,
            vec![
                (Input::Employees, "不能为负数".into(), "Cannot be negative".into()),
                (Input::Revenue, "请输入数字".into(), "Enter a number".into()),
                (Input::YearsInPark, "最多保留 2 位小数".into(), "At most 2 decimal places".into()),
                (Input::Inquiries6m, "不能超过 999".into(), "Must be at most 999".into()),
                (Input::LegalRepAge, "请输入整数".into(), "Enter a whole number".into()),
                (
                    Input::RequestedAmount,
                    "须大于 0，或留空按预估额度测算".into(),
                    "Must be above 0, or leave empty to use the estimated limit".into()
                ),
                (Input::TermMonths, "请从列表中选择".into(), "Choose from the list".into()),
            ]
        );
        assert!(firm.check().is_ok());
    }

    #[test]
    fn huge_numbers_never_panic() {
        let mut form = Form::defaults();
        for input in Input::ALL {
            for text in ["99999999999999999999", "9999999999999.999999", "0.0000000000000000000000001", "-0", "1e9"] {
                form.set(*input, text);
                let _ = form.problem(*input);
            }
        }
        let (firm, _) = form.to_firm();
        assert!(firm.check().is_ok());
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
        let mut form = Form::defaults();
        form.prefill(&firm, "2026-02-20".parse().unwrap());
        assert_eq!(form.get(Input::Revenue), "1800");
        assert_eq!(form.get(Input::DebtRatio), "42");
        assert_eq!(form.get(Input::YearsInOperation), "7.67");
        let (back, problems) = form.to_firm();
        assert!(problems.is_empty());
        assert_eq!(back, firm, "the founding date is kept while the years are unchanged");
        form.set(Input::YearsInOperation, "7");
        let (changed, _) = form.to_firm();
        assert_eq!((changed.founded, changed.years_in_operation), (None, Some(d("7"))));
    }
}
