//! # prequal-wasm
//!
//! The prequal engine for browsers and Node: the same Rust code as the native build, behind
//! a thin wasm-bindgen boundary with TypeScript declarations (see `types.d.ts`).
//!
//! Inputs cross the boundary as JSON text: objects are turned into text by the JS engine's
//! own `JSON.stringify` (fast, and nothing is lost: BigInt and non-finite numbers are kept
//! as text so the engine can name what is wrong) and read by exactly the code the native
//! build uses (`Policy::from_json`, `Firm::from_json`), so both reject and accept the same
//! documents with the same error paths. Results cross back as one tape (`tape.rs`) that a
//! small JS function turns into plain objects, whose `JSON.stringify` is the native JSON
//! text byte for byte.
//!
//! Nothing here panics: the `wasm` profile (Cargo.toml) aborts on panic, which in WASM is an
//! `unreachable` trap that would leave the module unusable. Every failure is a JS `Error`
//! with `code`, `path`, `input` (the argument concerned) and a message in the caller's
//! language.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod api;
#[cfg(feature = "screen")]
pub mod screen;
pub mod tape;

use api::{Arg, Failure, Outcome};
use js_sys::JsString;
use prequal::Lang;
use tape::Tape;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Talc instead of Rust's default dlmalloc: in WebAssembly it is both smaller and faster
/// (a report is a few hundred allocations; see BENCHMARKS.md).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The declarations of everything every build has. wasm-bindgen copies each
/// `typescript_custom_section` into the package's `prequal.d.ts`; a feature's functions have
/// their own section under the same `cfg` as the functions (`advise.d.ts`, runVector's
/// below), so a package never declares a function its `.wasm` lacks.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("../types.d.ts");

/// The advisor's declarations: only in a build with the `advise` feature (see Cargo.toml).
#[cfg(feature = "advise")]
#[wasm_bindgen(typescript_custom_section)]
const ADVISE_TYPES: &'static str = include_str!("../advise.d.ts");

/// Screening's declarations: only in a build with the `screen` feature (see Cargo.toml).
#[cfg(feature = "screen")]
#[wasm_bindgen(typescript_custom_section)]
const SCREEN_TYPES: &'static str = include_str!("../screen.d.ts");

#[wasm_bindgen(inline_js = r#"
let nonFinite;
function replacer(key, value) {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) {
    if (nonFinite === undefined) nonFinite = key;
    return String(value);
  }
  return value;
}
export function to_json(value) {
  nonFinite = undefined;
  const text = JSON.stringify(value, replacer);
  if (typeof text !== 'string') throw new TypeError('not representable as JSON: ' + typeof value);
  return text;
}
export function non_finite_key() {
  return nonFinite;
}
// A result tape (tape.rs) → plain objects and arrays. Tags: 0 null, 1 true, 2 false,
// 3 u32, 4 number text, 5 string, 6 array, 7 object; keys: 8 name index, 9 text.
export function build(words, text, namesText) {
  const names = namesText.split('\u0000');
  let i = 0;
  const slice = () => {
    const start = words[i];
    const end = start + words[i + 1];
    i += 2;
    return text.slice(start, end);
  };
  function value() {
    switch (words[i++]) {
      case 0: return null;
      case 1: return true;
      case 2: return false;
      case 3: return words[i++];
      case 4: return Number(slice());
      case 5: return slice();
      case 6: {
        const array = [];
        for (let n = words[i++]; n > 0; n--) array.push(value());
        return array;
      }
      case 7: {
        const object = {};
        for (let n = words[i++]; n > 0; n--) {
          if (words[i++] === 8) {
            object[names[words[i++]]] = value();
          } else {
            // A map's key may be anything, even "__proto__": define it, never assign it.
            const key = slice();
            Object.defineProperty(object, key, { value: value(), enumerable: true, writable: true, configurable: true });
          }
        }
        return object;
      }
    }
    throw new Error('prequal: malformed result tape');
  }
  return value();
}
"#)]
extern "C" {
    /// `JSON.stringify` with BigInt → decimal text and NaN/±Infinity → text; throws on
    /// cycles, values JSON cannot hold, or a nesting deeper than the JS stack.
    #[wasm_bindgen(catch)]
    fn to_json(value: &JsValue) -> Result<JsString, JsValue>;

    /// The key of the first NaN or ±Infinity the last `to_json` met, if any.
    fn non_finite_key() -> Option<String>;

    /// Plain JS objects and arrays from a result tape.
    fn build(words: &[u32], text: &str, names: &str) -> JsValue;
}

/// Read a JSON text, `prequal`'s way, from a JS argument: a string is the text itself,
/// anything else is serialised by the JS engine first.
fn json_text(arg: Arg, value: &JsValue) -> Outcome<String> {
    if value.is_undefined() || value.is_null() {
        return Err(api::missing(
            arg,
            &format!("a value for {} (an object or JSON text)", arg.name()),
            &format!("{}不能为空（对象或 JSON 文本）", arg.name()),
        ));
    }
    let text = match value.dyn_ref::<JsString>() {
        Some(text) => text.clone(),
        None => to_json(value).map_err(|thrown| unserialisable(arg, &thrown))?,
    };
    let units = usize::try_from(text.length()).unwrap_or(usize::MAX);
    if units > prequal::limits::MAX_DOCUMENT_BYTES {
        return Err(api::too_large(arg, units));
    }
    Ok(String::from(text))
}

/// An error the JS engine threw while serialising (a cycle, a nesting too deep, a getter
/// that throws).
fn unserialisable(arg: Arg, thrown: &JsValue) -> Failure {
    let detail = thrown
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_default();
    let first_line = detail.lines().next().unwrap_or_default();
    Failure::new(
        arg,
        prequal::Error::new(
            prequal::ErrorCode::InvalidJson,
            "$",
            format!("a value JSON can represent: {first_line}"),
            format!("无法转换为 JSON 的值：{first_line}"),
        ),
    )
}

/// After a successful read: a NaN or Infinity that a text field accepted as the text "NaN"
/// is still an error (numeric fields already reject it with its path).
fn reject_non_finite(arg: Arg) -> Outcome<()> {
    match non_finite_key() {
        None => Ok(()),
        Some(key) => Err(Failure::new(
            arg,
            prequal::Error::new(
                prequal::ErrorCode::WrongType,
                "$",
                format!("finite numbers only; \"{key}\" is NaN or Infinity"),
                format!("数字须为有限值；\"{key}\" 为 NaN 或 Infinity"),
            ),
        )),
    }
}

/// Run `f` on the JSON text of `value`; when `value` was an object with a non-finite
/// number that the engine nevertheless accepted (as text), fail instead.
fn with_text<T>(arg: Arg, value: &JsValue, f: impl FnOnce(&str) -> Outcome<T>) -> Outcome<T> {
    let is_text = value.is_string();
    let text = json_text(arg, value)?;
    let out = f(&text)?;
    if !is_text {
        reject_non_finite(arg)?;
    }
    Ok(out)
}

fn lang_of(value: &JsValue) -> Lang {
    api::lang(value.as_string().as_deref())
}

/// The JS `Error` for a failure: `name` PrequalError, `code`, `path`, `input`, and the
/// message in `lang`.
fn js_error(failure: &Failure, lang: Lang) -> JsValue {
    let error = js_sys::Error::new(&failure.error.message(lang));
    error.set_name("PrequalError");
    let set = |key: &str, value: &str| {
        // Setting a property on a fresh Error cannot fail; if it did, the Error still stands.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    set("code", failure.error.code.as_str());
    set("path", &failure.error.path);
    set("input", failure.arg.name());
    error.into()
}

/// Results become plain JS objects and arrays with keys in the engine's order, `null` for
/// absent values, integers as numbers and every decimal as a string, so `JSON.stringify` of
/// the result is the native engine's JSON text byte for byte (checked by
/// tests/wasm/vectors.test.mjs). They cross the boundary as one tape (see `tape.rs`).
fn to_js<T: serde::Serialize>(value: &T, arg: Arg) -> Outcome<JsValue> {
    let tape = Tape::of(value).map_err(|e| {
        let detail = e.to_string();
        Failure::new(arg, prequal::Error::new(prequal::ErrorCode::Calculation, "$", detail.clone(), detail))
    })?;
    Ok(build(&tape.words, &tape.text, &tape.names_text()))
}

/// JSON text produced by the engine → a JS value.
fn parse(text: &str, arg: Arg) -> Outcome<JsValue> {
    js_sys::JSON::parse(text).map_err(|thrown| {
        let detail = thrown.as_string().unwrap_or_default();
        Failure::new(arg, prequal::Error::new(prequal::ErrorCode::Calculation, "$", detail.clone(), detail))
    })
}

fn finish(result: Outcome<JsValue>, lang: Lang) -> Result<JsValue, JsValue> {
    result.map_err(|failure| js_error(&failure, lang))
}

/// Evaluate a firm against every product of a pack in force on `asOf`: eligibility with
/// reasons and hints, limit, rate before and after subsidy, fees, schedule, cash flows,
/// APR (IRR) and the risk split, ranked best first. The report has the same shape (and,
/// as JSON, the same bytes) as the native engine's.
///
/// `policy`: a pack object, its JSON text, or `"default"`. `firm`: a profile object or its
/// JSON text. `asOf`: `YYYY-MM-DD`; default the pack's `market.as_of` (never the clock).
/// `lang` (`"zh-CN"` default, or `"en"`) is the language of thrown errors' messages.
#[wasm_bindgen(js_name = evaluate, skip_typescript)]
pub fn js_evaluate(policy: JsValue, firm: JsValue, as_of: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang);
    let run = || -> Outcome<JsValue> {
        let date = date_of(&as_of)?;
        let policy = with_text(Arg::Policy, &policy, api::policy)?;
        report_of(&policy, &firm, date.as_deref())
    };
    finish(run(), lang)
}

fn date_of(as_of: &JsValue) -> Outcome<Option<String>> {
    if as_of.is_undefined() || as_of.is_null() {
        return Ok(None);
    }
    as_of.as_string().map(Some).ok_or_else(|| {
        api::wrong_type(Arg::AsOf, "a date as YYYY-MM-DD (a string)", "日期须为 YYYY-MM-DD 格式的字符串")
    })
}

fn report_of(policy: &prequal::Policy, firm: &JsValue, date: Option<&str>) -> Outcome<JsValue> {
    let report = with_text(Arg::Firm, firm, |firm| api::report(policy, firm, date))?;
    to_js(&report, Arg::Firm)
}

/// The advisor (the `advise` feature, on by default; see Cargo.toml): for the amount a firm needs, every product, term and repayment
/// method it could borrow with, the best first, and the trade-off between a lower largest
/// payment and a lower total cost; the same shape (and, as JSON, the same document) as
/// `prequal advise --format json`.
///
/// `request`: `{amount?, maxPayment?, objective?}` (amounts as numbers or decimal strings;
/// `objective` `"total-cost"` (default), `"apr"` or `"max-payment"`), its JSON text, or
/// nothing: the firm's `requested_amount`, no cap, the lowest total cost. The other
/// arguments are `evaluate()`'s.
#[cfg(feature = "advise")]
#[wasm_bindgen(js_name = advise, skip_typescript)]
pub fn js_advise(
    policy: JsValue,
    firm: JsValue,
    request: JsValue,
    as_of: JsValue,
    lang: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang);
    let run = || -> Outcome<JsValue> {
        let date = date_of(&as_of)?;
        let policy = with_text(Arg::Policy, &policy, api::policy)?;
        advice_of(&policy, &firm, &request, date.as_deref())
    };
    finish(run(), lang)
}

/// The request is read (and checked for NaN) before the firm: `to_json` remembers only its
/// last call's non-finite key.
#[cfg(feature = "advise")]
fn advice_of(policy: &prequal::Policy, firm: &JsValue, request: &JsValue, date: Option<&str>) -> Outcome<JsValue> {
    let request = if request.is_undefined() || request.is_null() {
        prequal::advise::AdviceRequest::default()
    } else {
        with_text(Arg::Request, request, api::advice_request)?
    };
    let advice = with_text(Arg::Firm, firm, |firm| api::advice(policy, firm, &request, date))?;
    to_js(&advice, Arg::Request)
}

/// A pack read and validated once, for evaluating many firms: `evaluate()` without handing
/// the pack over (and JSON-serialising it) on every call.
#[wasm_bindgen(skip_typescript)]
pub struct PreparedPolicy {
    policy: std::rc::Rc<prequal::Policy>,
}

/// Read and validate a pack once (a pack object, its JSON text, or `"default"`); throws
/// as `evaluate()` does for a bad pack.
#[wasm_bindgen(js_name = preparePolicy, skip_typescript)]
pub fn js_prepare_policy(policy: JsValue, lang: JsValue) -> Result<PreparedPolicy, JsValue> {
    let lang = lang_of(&lang);
    with_text(Arg::Policy, &policy, api::policy)
        .map(|policy| PreparedPolicy { policy })
        .map_err(|failure| js_error(&failure, lang))
}

#[wasm_bindgen]
impl PreparedPolicy {
    /// `evaluate(policy, firm, asOf, lang)` with this pack.
    #[wasm_bindgen(skip_typescript)]
    pub fn evaluate(&self, firm: JsValue, as_of: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
        let lang = lang_of(&lang);
        let run = || report_of(&self.policy, &firm, date_of(&as_of)?.as_deref());
        finish(run(), lang)
    }

    /// One product's verdict for a firm, `"eligible"`, `"needs_info"` or `"ineligible"`
    /// (the checks of its quote in `evaluate()`, without the quote), or `null` when the
    /// pack has no such product in force on `asOf`.
    #[wasm_bindgen(skip_typescript)]
    pub fn eligibility(
        &self,
        product: JsValue,
        firm: JsValue,
        as_of: JsValue,
        lang: JsValue,
    ) -> Result<JsValue, JsValue> {
        let lang = lang_of(&lang);
        let run = || -> Outcome<JsValue> {
            let product = product
                .as_string()
                .ok_or_else(|| api::wrong_type(Arg::Product, "a product id (a string)", "产品编号须为字符串"))?;
            let date = date_of(&as_of)?;
            let verdict =
                with_text(Arg::Firm, &firm, |firm| api::verdict(&self.policy, &product, firm, date.as_deref()))?;
            to_js(&verdict, Arg::Firm)
        };
        finish(run(), lang)
    }

    /// The pack's id.
    #[wasm_bindgen(getter, skip_typescript)]
    pub fn id(&self) -> String {
        self.policy.id.clone()
    }

    /// The pack's content hash (sha256 of its canonical JSON).
    #[wasm_bindgen(getter, js_name = contentHash, skip_typescript)]
    pub fn content_hash(&self) -> String {
        self.policy.content_hash()
    }
}

/// `PreparedPolicy.advise`: with the `advise` feature only, like `advise()`.
#[cfg(feature = "advise")]
#[wasm_bindgen]
impl PreparedPolicy {
    /// `advise(policy, firm, request, asOf, lang)` with this pack.
    #[wasm_bindgen(skip_typescript)]
    pub fn advise(&self, firm: JsValue, request: JsValue, as_of: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
        let lang = lang_of(&lang);
        let run = || advice_of(&self.policy, &firm, &request, date_of(&as_of)?.as_deref());
        finish(run(), lang)
    }
}

/// A tenant list being screened (the `screen` feature): `prequal screen`'s CSV rows and
/// `--summary` totals, a slice of rows per `step` so a Web Worker can report progress.
#[cfg(feature = "screen")]
#[wasm_bindgen(skip_typescript)]
pub struct Screener {
    screen: screen::Screen,
    lang: Lang,
}

#[cfg(feature = "screen")]
#[wasm_bindgen]
impl Screener {
    /// Read the list's header: `policy` as `evaluate()` takes it, `csv` the file's bytes
    /// (a `Uint8Array`) or text. Throws for a pack, a date or a header line that is wrong.
    #[wasm_bindgen(constructor, skip_typescript)]
    pub fn new(policy: JsValue, csv: JsValue, as_of: JsValue, lang: JsValue) -> Result<Screener, JsValue> {
        let lang = lang_of(&lang);
        let run = || -> Outcome<Screener> {
            let policy = with_text(Arg::Policy, &policy, api::policy)?;
            let date = screen::as_of(date_of(&as_of)?.as_deref())?;
            let bytes = match csv.as_string() {
                Some(text) => text.into_bytes(),
                None => csv.dyn_ref::<js_sys::Uint8Array>().map(js_sys::Uint8Array::to_vec).ok_or_else(|| {
                    api::wrong_type(
                        Arg::Input,
                        "a CSV file as a Uint8Array or a string",
                        "CSV 文件须为 Uint8Array 或字符串",
                    )
                })?,
            };
            Ok(Screener { screen: screen::Screen::open(policy, bytes, date, lang)?, lang })
        };
        run().map_err(|failure| js_error(&failure, lang))
    }

    /// Screen up to `rows` more rows; false once the list is done.
    #[wasm_bindgen(skip_typescript)]
    pub fn step(&mut self, rows: u32) -> Result<bool, JsValue> {
        self.screen.step(rows).map_err(|failure| js_error(&failure, self.lang))
    }

    /// The CSV rows written since the last call (the header line first).
    #[wasm_bindgen(js_name = takeCsv, skip_typescript)]
    pub fn take_csv(&mut self) -> Result<String, JsValue> {
        self.screen.take_csv().map_err(|failure| js_error(&failure, self.lang))
    }

    /// Rows screened so far.
    #[wasm_bindgen(getter, skip_typescript)]
    pub fn rows(&self) -> f64 {
        self.screen.rows() as f64
    }

    /// Bytes of the list read so far.
    #[wasm_bindgen(getter, js_name = bytesRead, skip_typescript)]
    pub fn bytes_read(&self) -> f64 {
        self.screen.progress().0 as f64
    }

    /// Bytes of the list in all.
    #[wasm_bindgen(getter, js_name = bytesTotal, skip_typescript)]
    pub fn bytes_total(&self) -> f64 {
        self.screen.progress().1 as f64
    }

    /// `{policy, as_of, totals, apr_bands}`: `totals` is `prequal screen --summary`'s
    /// document, complete once `step` has returned false.
    #[wasm_bindgen(skip_typescript)]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        finish(to_js(&self.screen.summary(), Arg::Input), self.lang)
    }
}

/// A repayment schedule: `{principal, annualRate, months, method}`; amounts and rates as
/// numbers or decimal strings. Rows and totals come back as decimal strings.
#[wasm_bindgen(js_name = schedule, skip_typescript)]
pub fn js_schedule(request: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang);
    let run = || to_js(&with_text(Arg::Request, &request, api::schedule_of)?, Arg::Request);
    finish(run(), lang)
}

/// SME size class (工信部联企业〔2011〕300号): `{industry, employees?, revenue?, assets?}`.
#[wasm_bindgen(js_name = classify, skip_typescript)]
pub fn js_classify(request: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang);
    let run = || to_js(&with_text(Arg::Request, &request, api::classification)?, Arg::Request);
    finish(run(), lang)
}

/// Check a pack: `{valid, id, version, content_hash, problems: [{code, path, message}]}`.
/// Never throws for a bad pack; every problem is listed with its JSON path.
#[wasm_bindgen(js_name = validatePolicy, skip_typescript)]
pub fn js_validate_policy(policy: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang);
    let is_text = policy.is_string();
    let text = json_text(Arg::Policy, &policy);
    let mut result = api::validation(text.as_deref().map_err(Clone::clone), lang);
    if !is_text && result.valid {
        if let Err(failure) = reject_non_finite(Arg::Policy) {
            result = api::validation(Err(failure), lang);
        }
    }
    finish(to_js(&result, Arg::Policy), lang)
}

/// The bundled pack, "Shenzhen park loan 2.0 (illustrative)", as an object in canonical
/// form (numbers as decimal strings).
#[wasm_bindgen(js_name = defaultPolicy, skip_typescript)]
pub fn js_default_policy() -> Result<JsValue, JsValue> {
    finish(api::default_policy().and_then(|text| parse(&text, Arg::Policy)), Lang::default())
}

/// The engine's version, e.g. `0.1.0`.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn js_version() -> String {
    prequal::VERSION.to_string()
}

#[cfg(feature = "vectors")]
#[wasm_bindgen(typescript_custom_section)]
const VECTOR_TYPES: &'static str = r#"
/**
 * Run one case of a test-vector file (tests/vectors/*.json) and return the engine's output
 * as compact JSON text, byte for byte what the native build produces. Engine errors are
 * results here (`{"error": {...}}`), as in the vector files. Only in the test build
 * (`scripts/build-wasm.sh --vectors`).
 * @param kind `schedule`, `apr`, `classify`, `costs`, `evaluate`, `advise`, `policy` or `firm`.
 * @param inputJson the case's `input` as JSON text.
 * @throws {PrequalError} only when the arguments are not strings.
 */
export function runVector(kind: string, inputJson: string): string;
"#;

/// Run one test-vector case (`tests/vectors/*.json`) and return the engine's output as
/// compact JSON text, byte for byte what the native build prints.
#[cfg(feature = "vectors")]
#[wasm_bindgen(js_name = runVector, skip_typescript)]
pub fn js_run_vector(kind: JsValue, input_json: JsValue) -> Result<JsValue, JsValue> {
    let run = || -> Outcome<JsValue> {
        let kind =
            kind.as_string().ok_or_else(|| api::wrong_type(Arg::Kind, "a vector kind (a string)", "类型须为字符串"))?;
        let input = input_json
            .dyn_ref::<JsString>()
            .ok_or_else(|| api::wrong_type(Arg::Input, "JSON text (a string)", "须为 JSON 文本（字符串）"))?;
        let units = usize::try_from(input.length()).unwrap_or(usize::MAX);
        if units > prequal::limits::MAX_DOCUMENT_BYTES {
            return Err(api::too_large(Arg::Input, units));
        }
        api::run_vector(&kind, &String::from(input)).map(JsValue::from)
    };
    finish(run(), Lang::default())
}
