//! The SDK's behaviour in plain Rust: JSON text in, JSON text out, errors as values.
//!
//! Everything the JS functions do beyond moving values across the boundary lives here, so
//! it compiles and is tested natively, and the native examples (byte-identity, benchmark)
//! run exactly the code the `.wasm` runs.

use prequal::advise::{Advice, AdviceRequest, Objective};
use prequal::error::{Error, ErrorCode, Lang};
use prequal::json::{FromJson, Node};
use prequal::report::{Report, Verdict};
use prequal::schedule::{RepaymentMethod, Schedule, ScheduleRequest};
use prequal::size::{ClassifyRequest, ClassifyResult};
use prequal::Decimal;
use prequal::{Date, Firm, Policy};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;

/// Which argument of a call an error concerns. The error's `path` is a JSON path inside
/// that argument (`$` for the argument as a whole).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    /// The policy pack.
    Policy,
    /// The firm profile.
    Firm,
    /// The evaluation date.
    AsOf,
    /// The request object of `schedule` / `classify` / `advise`.
    Request,
    /// The product id of `eligibility`.
    Product,
    /// `runVector`'s kind.
    Kind,
    /// `runVector`'s input.
    Input,
}

impl Arg {
    /// The argument's name as the JS API spells it.
    pub fn name(self) -> &'static str {
        match self {
            Arg::Policy => "policy",
            Arg::Firm => "firm",
            Arg::AsOf => "asOf",
            Arg::Request => "request",
            Arg::Product => "product",
            Arg::Kind => "kind",
            Arg::Input => "input",
        }
    }
}

/// An engine error and the argument it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The argument.
    pub arg: Arg,
    /// The error, with its code and JSON path.
    pub error: Error,
}

impl Failure {
    /// `error` about `arg`.
    pub fn new(arg: Arg, error: Error) -> Failure {
        Failure { arg, error }
    }
}

/// The result type of the SDK's functions.
pub type Outcome<T> = Result<T, Failure>;

/// The caller's language: `zh-CN` (default), `en`, or any tag starting with `en`/`zh`
/// (`en-AU`, `zh-Hans-CN`, a browser's `navigator.language`). Anything else is zh-CN.
pub fn lang(tag: Option<&str>) -> Lang {
    let Some(tag) = tag else {
        return Lang::default();
    };
    Lang::parse(tag).unwrap_or_else(|| {
        let lower = tag.trim().to_ascii_lowercase();
        if lower == "en" || lower.starts_with("en-") || lower.starts_with("en_") {
            Lang::En
        } else {
            Lang::default()
        }
    })
}

/// An error about a whole argument that is missing.
pub fn missing(arg: Arg, en: &str, zh: &str) -> Failure {
    Failure::new(arg, Error::new(ErrorCode::MissingField, "$", en, zh))
}

/// An error about a whole argument of the wrong type.
pub fn wrong_type(arg: Arg, en: &str, zh: &str) -> Failure {
    Failure::new(arg, Error::new(ErrorCode::WrongType, "$", en, zh))
}

/// Input too large to be copied into the engine at all (checked before copying, from the
/// length in UTF-16 code units, which never exceeds the UTF-8 length).
pub fn too_large(arg: Arg, units: usize) -> Failure {
    let max = prequal::limits::MAX_DOCUMENT_BYTES;
    Failure::new(
        arg,
        Error::new(
            ErrorCode::TooLarge,
            "$",
            format!("a document of at most {max} bytes, got at least {units}"),
            format!("文档不超过 {max} 字节，实际至少 {units} 字节"),
        ),
    )
}

/// The document limit, applied to every JSON text the SDK reads.
pub fn check_size(arg: Arg, text: &str) -> Outcome<()> {
    prequal::limits::check_document(text.len()).map_err(|e| Failure::new(arg, e))
}

fn to_text<T: Serialize>(arg: Arg, value: &T) -> Outcome<String> {
    serde_json::to_string(value).map_err(|e| {
        let detail = e.to_string();
        Failure::new(arg, Error::new(ErrorCode::Calculation, "$", detail.clone(), detail))
    })
}

thread_local! {
    /// The last pack read, by its exact JSON text: a page that evaluates many firms against
    /// one pack parses and validates it once. Packs are plain data, so equal text means an
    /// equal pack.
    static LAST_POLICY: RefCell<Option<(String, Rc<Policy>)>> = const { RefCell::new(None) };
}

/// Read and validate a pack from JSON text, or `"default"` for the bundled pack.
pub fn policy(text: &str) -> Outcome<Rc<Policy>> {
    let cached = LAST_POLICY.with(|cell| {
        cell.try_borrow().ok().and_then(|last| last.as_ref().filter(|(key, _)| key == text).map(|(_, p)| Rc::clone(p)))
    });
    if let Some(policy) = cached {
        return Ok(policy);
    }
    let policy = if text.trim() == "default" { Policy::try_default() } else { Policy::from_json(text) }
        .map(Rc::new)
        .map_err(|e| Failure::new(Arg::Policy, e))?;
    LAST_POLICY.with(|cell| {
        if let Ok(mut last) = cell.try_borrow_mut() {
            *last = Some((text.to_string(), Rc::clone(&policy)));
        }
    });
    Ok(policy)
}

/// Parse an evaluation date `YYYY-MM-DD`.
pub fn as_of(text: &str) -> Outcome<Date> {
    text.parse().map_err(|_| {
        Failure::new(
            Arg::AsOf,
            Error::new(
                ErrorCode::InvalidValue,
                "$",
                format!("a date as YYYY-MM-DD between 1900 and 2999, got \"{text}\""),
                format!("日期格式须为 YYYY-MM-DD（1900 至 2999 年），实际为 \"{text}\""),
            ),
        )
    })
}

/// `evaluate(policy, firm, asOf?)`: the report as JSON text. Without a date, the pack's
/// `market.as_of` (never the clock, so the same call gives the same bytes anywhere).
pub fn evaluate(policy_text: &str, firm_text: &str, date: Option<&str>) -> Outcome<String> {
    to_text(Arg::Firm, &report(&*policy(policy_text)?, firm_text, date)?)
}

/// The report of [`evaluate`], for a pack already read.
pub fn report(policy: &Policy, firm_text: &str, date: Option<&str>) -> Outcome<Report> {
    let (firm, date) = firm_on(policy, firm_text, date)?;
    prequal::evaluate(policy, &firm, date).map_err(|e| Failure::new(Arg::Firm, e))
}

/// The firm read from its JSON text, and the date: given, else the pack's `market.as_of`.
fn firm_on(policy: &Policy, firm_text: &str, date: Option<&str>) -> Outcome<(Firm, Date)> {
    let firm = Firm::from_json(firm_text).map_err(|e| Failure::new(Arg::Firm, e))?;
    let date = match date {
        Some(text) => as_of(text)?,
        None => policy.market.as_of,
    };
    Ok((firm, date))
}

/// The verdict of one product for a firm (the checks of its quote, without the quote):
/// `None` when the pack has no such product in force on the date.
pub fn verdict(policy: &Policy, product: &str, firm_text: &str, date: Option<&str>) -> Outcome<Option<Verdict>> {
    let (firm, date) = firm_on(policy, firm_text, date)?;
    prequal::eligibility(policy, product, &firm, date).map_err(|e| Failure::new(Arg::Firm, e))
}

/// `advise(policy, firm, request?, asOf?)`: the advice as JSON text (the CLI's `prequal
/// advise --format json`, compact). `request_text` is `{amount?, maxPayment?, objective?}`;
/// `None` asks for the firm's `requested_amount`, no cap, the lowest total cost.
pub fn advise(policy_text: &str, firm_text: &str, request_text: Option<&str>, date: Option<&str>) -> Outcome<String> {
    let request = request_text.map(advice_request).transpose()?.unwrap_or_default();
    to_text(Arg::Request, &advice(&*policy(policy_text)?, firm_text, &request, date)?)
}

/// The advice of [`advise`], for a pack already read and a request already read.
pub fn advice(policy: &Policy, firm_text: &str, request: &AdviceRequest, date: Option<&str>) -> Outcome<Advice> {
    let (firm, date) = firm_on(policy, firm_text, date)?;
    prequal::advise::advise(policy, &firm, date, request).map_err(advice_failure)
}

/// `advise`'s request as JS callers write it: `{amount?, maxPayment?, objective?}`, amounts
/// as numbers or decimal strings, the objective as the CLI names it (`total-cost`, `apr`,
/// `max-payment`, or with underscores). Each value is checked by the core's `advise`.
struct AdviceArgs(AdviceRequest);

impl FromJson for AdviceArgs {
    fn from_json(node: Node<'_>) -> prequal::Result<AdviceArgs> {
        let o = node.object(&["amount", "maxPayment", "objective"])?;
        Ok(AdviceArgs(AdviceRequest {
            amount: o.opt("amount")?,
            max_payment: o.opt("maxPayment")?,
            objective: o.opt::<Objective>("objective")?.unwrap_or_default(),
        }))
    }
}

/// Read `advise`'s request from its JSON text.
pub fn advice_request(request_text: &str) -> Outcome<AdviceRequest> {
    check_size(Arg::Request, request_text)?;
    prequal::json::from_str::<AdviceArgs>(request_text).map(|args| args.0).map_err(|e| Failure::new(Arg::Request, e))
}

/// An error of the core's `advise`: about the request's amounts (`$.amount`, `$.max_payment`,
/// named as the caller wrote them: `$.maxPayment`), else about the firm (its facts).
fn advice_failure(mut error: Error) -> Failure {
    if let Some(rest) = error.path.strip_prefix("$.max_payment") {
        error.path = format!("$.maxPayment{rest}");
        return Failure::new(Arg::Request, error);
    }
    // No firm key is named `amount`: the request's amount, or neither it nor the firm's
    // `requested_amount` given.
    let arg = if error.path == "$.amount" { Arg::Request } else { Arg::Firm };
    Failure::new(arg, error)
}

/// `schedule({principal, annualRate, months, method})`, camelCase as JS callers write it.
/// Numbers are read exactly as the engine reads pack numbers (JSON numbers or decimal strings).
struct ScheduleArgs {
    principal: Decimal,
    annual_rate: Decimal,
    months: u32,
    method: RepaymentMethod,
}

impl FromJson for ScheduleArgs {
    fn from_json(node: Node<'_>) -> prequal::Result<ScheduleArgs> {
        let o = node.object(&["principal", "annualRate", "months", "method"])?;
        Ok(ScheduleArgs {
            principal: o.req("principal")?,
            annual_rate: o.req("annualRate")?,
            months: o.req("months")?,
            method: o.req("method")?,
        })
    }
}

/// The engine reports `annual_rate`; the caller wrote `annualRate`.
fn camel_path(mut error: Error) -> Error {
    if let Some(rest) = error.path.strip_prefix("$.annual_rate") {
        error.path = format!("$.annualRate{rest}");
    }
    error
}

/// `schedule(request)`: the repayment schedule as JSON text.
pub fn schedule(request_text: &str) -> Outcome<String> {
    to_text(Arg::Request, &schedule_of(request_text)?)
}

/// The schedule of [`schedule`].
pub fn schedule_of(request_text: &str) -> Outcome<Schedule> {
    check_size(Arg::Request, request_text)?;
    let fail = |e: Error| Failure::new(Arg::Request, camel_path(e));
    let args: ScheduleArgs = prequal::json::from_str(request_text).map_err(fail)?;
    let request = ScheduleRequest {
        principal: args.principal,
        annual_rate: args.annual_rate,
        months: args.months,
        method: args.method,
    };
    prequal::schedule::schedule(&request).map_err(fail)
}

/// `classify({industry, employees?, revenue?, assets?})`: the size class as JSON text.
pub fn classify(request_text: &str) -> Outcome<String> {
    to_text(Arg::Request, &classification(request_text)?)
}

/// The result of [`classify`].
pub fn classification(request_text: &str) -> Outcome<ClassifyResult> {
    check_size(Arg::Request, request_text)?;
    let fail = |e: Error| Failure::new(Arg::Request, e);
    let request: ClassifyRequest = prequal::json::from_str(request_text).map_err(fail)?;
    prequal::size::classify_request(&request).map_err(fail)
}

/// One problem of a pack, with its message in the caller's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Stable code.
    pub code: &'static str,
    /// JSON path in the pack.
    pub path: String,
    /// The message.
    pub message: String,
}

impl Problem {
    fn new(error: &Error, lang: Lang) -> Problem {
        Problem { code: error.code.as_str(), path: error.path.clone(), message: error.message(lang) }
    }
}

/// What `validatePolicy` returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Validation {
    /// No problems.
    pub valid: bool,
    /// The pack's id, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The pack's version, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The pack's content hash, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
    /// Every problem, in document order.
    pub problems: Vec<Problem>,
}

/// Every problem of a pack: a text that cannot be read gives its one error; a pack that
/// reads gives every validation problem in document order.
pub fn pack_problems(text: &str) -> Result<Policy, Vec<Error>> {
    prequal::limits::check_document(text.len()).map_err(|e| vec![e])?;
    let mut policy: Policy = prequal::json::from_str(text).map_err(|e| vec![e])?;
    match policy.prepare() {
        Ok(()) => Ok(policy),
        Err(first) => {
            let all = policy.problems();
            // `prepare` first turns decimal strings into numbers; when that step fails the
            // later checks would only echo it, so its error stands alone.
            Err(if all.contains(&first) { all } else { vec![first] })
        }
    }
}

/// `validatePolicy(policy)`: `{valid, id?, version?, content_hash?, problems}` as JSON text.
pub fn validate_policy(text: Result<&str, Failure>, lang: Lang) -> String {
    serde_json::to_string(&validation(text, lang)).unwrap_or_else(|_| String::from(r#"{"valid":false,"problems":[]}"#))
}

/// The result of [`validate_policy`].
pub fn validation(text: Result<&str, Failure>, lang: Lang) -> Validation {
    let result = match text {
        Ok(text) => pack_problems(text),
        Err(failure) => Err(vec![failure.error]),
    };
    match result {
        Ok(policy) => Validation {
            valid: true,
            content_hash: Some(policy.content_hash()),
            id: Some(policy.id),
            version: Some(policy.version),
            problems: Vec::new(),
        },
        Err(errors) => Validation {
            valid: false,
            id: None,
            version: None,
            content_hash: None,
            problems: errors.iter().map(|e| Problem::new(e, lang)).collect(),
        },
    }
}

/// `defaultPolicy()`: the bundled pack in its canonical JSON (numbers as decimal strings;
/// the text its `content_hash` is computed from).
pub fn default_policy() -> Outcome<String> {
    let policy = Policy::try_default().map_err(|e| Failure::new(Arg::Policy, e))?;
    // The canonical text, written without serde (see `Policy::canonical_json`).
    Ok(policy.canonical_json())
}

/// `runVector(kind, inputJson)`: one test-vector case through [`prequal::vectors::run`],
/// as compact JSON text (errors are results here, as in the vector files).
pub fn run_vector(kind: &str, input_text: &str) -> Outcome<String> {
    check_size(Arg::Input, input_text)?;
    // Any JSON value: error cases of the vectors include inputs that are not objects.
    let input: serde_json::Value = serde_json::from_str(input_text).map_err(|e| {
        let detail = e.to_string();
        Failure::new(Arg::Input, Error::new(ErrorCode::InvalidJson, "$", detail.clone(), detail))
    })?;
    to_text(Arg::Input, &prequal::vectors::run(kind, &input))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const FIRM: &str = r#"{"industry": "software_it", "employees": 40, "revenue": 12000000}"#;

    #[test]
    fn languages_default_to_chinese() {
        assert_eq!(lang(None), Lang::ZhCn);
        assert_eq!(lang(Some("en")), Lang::En);
        assert_eq!(lang(Some("en-AU")), Lang::En);
        assert_eq!(lang(Some("EN_us")), Lang::En);
        assert_eq!(lang(Some("zh-Hant-TW")), Lang::ZhCn);
        assert_eq!(lang(Some("fr")), Lang::ZhCn);
        assert_eq!(lang(Some("english")), Lang::ZhCn);
    }

    #[test]
    fn evaluates_with_the_packs_date_by_default() {
        let pack = default_policy().unwrap();
        let report: serde_json::Value = serde_json::from_str(&evaluate(&pack, FIRM, None).unwrap()).unwrap();
        let policy = Policy::try_default().unwrap();
        assert_eq!(report["as_of"], policy.market.as_of.to_string());
        assert_eq!(report["policy"]["content_hash"], policy.content_hash());
        // "default" and the canonical text are the same pack.
        assert_eq!(
            evaluate("default", FIRM, Some("2026-01-15")).unwrap(),
            evaluate(&pack, FIRM, Some("2026-01-15")).unwrap()
        );
    }

    #[test]
    fn the_cache_never_mixes_packs() {
        let pack = default_policy().unwrap();
        let mut other: serde_json::Value = serde_json::from_str(&pack).unwrap();
        other["id"] = "other".into();
        let other = other.to_string();
        for (text, id) in [(&pack, "shenzhen"), (&other, "other"), (&pack, "shenzhen")] {
            let report = evaluate(text, FIRM, None).unwrap();
            let report: serde_json::Value = serde_json::from_str(&report).unwrap();
            assert!(report["policy"]["id"].as_str().unwrap().starts_with(id));
        }
    }

    #[test]
    fn errors_name_the_argument_and_path() {
        let e = evaluate("default", r#"{"industry": "software_it", "revenue": -1}"#, None).unwrap_err();
        assert_eq!((e.arg, e.error.code), (Arg::Firm, ErrorCode::NegativeAmount));
        assert_eq!(e.error.path, "$.revenue");
        let e = evaluate("{", FIRM, None).unwrap_err();
        assert_eq!((e.arg, e.error.code), (Arg::Policy, ErrorCode::InvalidJson));
        let e = evaluate("default", FIRM, Some("2026-02-30")).unwrap_err();
        assert_eq!((e.arg, e.error.code), (Arg::AsOf, ErrorCode::InvalidValue));
    }

    #[test]
    fn schedule_takes_camel_case_numbers_or_strings() {
        let a = schedule(r#"{"principal": 15000, "annualRate": 0.08, "months": 60, "method": "equal_installment"}"#)
            .unwrap();
        let b =
            schedule(r#"{"principal": "15000", "annualRate": "0.08", "months": 60, "method": "equal_installment"}"#)
                .unwrap();
        assert_eq!(a, b);
        assert!(a.contains(r#""payment":"304.15""#));
        let e =
            schedule(r#"{"principal": 1, "annualRate": "1.5", "months": 6, "method": "interest_only"}"#).unwrap_err();
        assert_eq!((e.error.code, e.error.path.as_str()), (ErrorCode::RateOutOfRange, "$.annualRate"));
        let e =
            schedule(r#"{"principal": 1, "annual_rate": "0.1", "months": 6, "method": "interest_only"}"#).unwrap_err();
        assert_eq!(e.error.code, ErrorCode::UnknownField);
    }

    #[test]
    fn advise_takes_a_camel_case_request_and_names_its_keys() {
        let firm = std::fs::read_to_string("../../examples/firms/eligible.json").unwrap();
        let plain = advise("default", &firm, None, None).unwrap();
        assert_eq!(advise("default", &firm, Some("{}"), None).unwrap(), plain);
        assert_eq!(advise("default", &firm, Some(r#"{"objective": "total_cost"}"#), None).unwrap(), plain);
        let capped: serde_json::Value = serde_json::from_str(
            &advise(
                "default",
                &firm,
                Some(r#"{"amount": 2000000, "maxPayment": "100000", "objective": "max-payment"}"#),
                None,
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(
            (capped["amount"].as_str(), capped["max_payment"].as_str()),
            (Some("2000000.00"), Some("100000.00"))
        );
        assert_eq!(capped["objective"], "max_payment");
        let fail = |request: &str| advise("default", &firm, Some(request), None).unwrap_err();
        for (request, code, path) in [
            (r#"{"max_payment": 1}"#, ErrorCode::UnknownField, "$.max_payment"),
            (r#"{"maxPayment": -1}"#, ErrorCode::NegativeAmount, "$.maxPayment"),
            (r#"{"maxPayment": 0}"#, ErrorCode::OutOfRange, "$.maxPayment"),
            (r#"{"amount": "lots"}"#, ErrorCode::WrongType, "$.amount"),
            (r#"{"amount": 0}"#, ErrorCode::OutOfRange, "$.amount"),
            (r#"{"objective": "cheapest"}"#, ErrorCode::InvalidValue, "$.objective"),
            ("[]", ErrorCode::WrongType, "$"),
        ] {
            let e = fail(request);
            assert_eq!((e.arg, e.error.code, e.error.path.as_str()), (Arg::Request, code, path), "{request}");
        }
        let e = advise("default", FIRM, None, None).unwrap_err();
        assert_eq!((e.arg, e.error.code, e.error.path.as_str()), (Arg::Request, ErrorCode::MissingField, "$.amount"));
    }

    #[test]
    fn validation_lists_every_problem() {
        let ok: serde_json::Value =
            serde_json::from_str(&validate_policy(Ok(&default_policy().unwrap()), Lang::En)).unwrap();
        assert_eq!(ok["valid"], true);
        assert!(ok["content_hash"].as_str().unwrap().starts_with("sha256:"));
        let mut pack: serde_json::Value = serde_json::from_str(&default_policy().unwrap()).unwrap();
        pack["products"][0]["bank"] = "nobody".into();
        pack["market"]["lpr_1y"] = "1.5".into();
        let bad: serde_json::Value = serde_json::from_str(&validate_policy(Ok(&pack.to_string()), Lang::En)).unwrap();
        assert_eq!(bad["valid"], false);
        assert!(bad["problems"].as_array().unwrap().len() >= 2, "{bad}");
        let unreadable: serde_json::Value =
            serde_json::from_str(&validate_policy(Ok(r#"{"id": "#), Lang::ZhCn)).unwrap();
        assert_eq!(unreadable["problems"][0]["code"], "invalid_json");
    }

    #[test]
    fn vectors_run_as_text() {
        let out = run_vector(
            "schedule",
            r#"{"principal": "15000", "annual_rate": "0.08", "months": 60, "method": "equal_installment"}"#,
        )
        .unwrap();
        // vectors::run returns a serde_json::Value, whose keys serialise sorted.
        assert!(out.starts_with(r#"{"rows":[{"balance":"14795.85","interest":"100.00","payment":"304.15""#), "{out}");
        assert!(run_vector("nope", "{}").unwrap().contains("invalid_value"));
        assert_eq!(run_vector("schedule", "[").unwrap_err().error.code, ErrorCode::InvalidJson);
    }
}
