//! Rendering: the header with the language switch, the form in steps, the ranked results
//! with their schedules and charts, and the states around them (loading, a pack that
//! failed). Built off-document, then swapped in with one call.

use super::dom::{flag, set_all, Dom, R};
use super::{as_of, shown, Phase, Shared, State};
use crate::chart;
use crate::form::{self, Input, Kind, Read, TERMS};
use crate::format;
use crate::i18n::{self, fill, T};
use prequal::condition::Status;
use prequal::facts::{FactDecl, FactKind, FactValue};
use prequal::questions::Question;
use prequal::report::{Quote, Report, Verdict};
use prequal::schedule::RepaymentMethod;
use prequal::size::{Industry, SizeClass};
use prequal::{Lang, Policy};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Render everything.
pub fn all(shared: &Shared, s: &mut State) -> R {
    let dom = &shared.dom;
    let lang = s.lang;
    let top = dom.make("div", "pq")?;
    set_all(&top, &[("part", "container"), ("lang", i18n::tag(lang))])?;
    header(dom, s, &top)?;
    match &s.phase {
        Phase::Loading => {
            let p = dom.text(&top, "p", "pq-status", T::Loading.get(lang))?;
            p.set_attribute("role", "status")?;
        }
        Phase::Failed { url, reason, invalid } => {
            let panel = dom.add(&top, "div", "pq-error")?;
            set_all(&panel, &[("role", "alert"), ("part", "error")])?;
            let title = if *invalid { T::PolicyInvalid } else { T::PolicyFailed };
            dom.text(&panel, "h3", "pq-error-title", title.get(lang))?;
            dom.text(&panel, "p", "pq-error-reason", reason)?;
            if !url.is_empty() {
                let p = dom.text(&panel, "p", "pq-error-url", T::PolicyAddress.get(lang))?;
                dom.text(&p, "code", "", url)?;
            }
            dom.text(&panel, "p", "", T::PolicyTryLater.get(lang))?;
        }
        Phase::Ready(policy) => {
            let body = dom.add(&top, "div", "pq-body")?;
            form(dom, s, policy, &body)?;
            let section = dom.add(&body, "section", "pq-results")?;
            set_all(&section, &[("part", "results"), ("aria-labelledby", "pq-results-title")])?;
            let title = dom.text(&section, "h3", "pq-results-title", T::Results.get(lang))?;
            set_all(&title, &[("id", "pq-results-title"), ("tabindex", "-1")])?;
            let live = dom.add(&section, "p", "pq-live")?;
            set_all(&live, &[("id", "pq-live"), ("role", "status"), ("aria-live", "polite"), ("aria-atomic", "true")])?;
            s.announced.clear();
            let placeholder = dom.add(&section, "div", "")?;
            placeholder.set_id("pq-results-body");
        }
    }
    shared.root.replace_children_with_node_1(&top);
    results(shared, s)
}

/// Something threw while rendering: say so rather than leave a half-built widget.
pub fn broken(shared: &Shared, s: &State, _error: &JsValue) {
    if let Ok(p) = shared.dom.make("p", "pq-error") {
        p.set_text_content(Some(T::Broken.get(s.lang)));
        let _ = p.set_attribute("role", "alert");
        shared.root.replace_children_with_node_1(&p);
    }
}

fn header(dom: &Dom, s: &State, parent: &Element) -> R {
    let lang = s.lang;
    let head = dom.add(parent, "header", "pq-head")?;
    head.set_attribute("part", "header")?;
    let brand = dom.add(&head, "div", "pq-brand")?;
    let title = dom.text(&brand, "h2", "pq-title", T::Title.get(lang))?;
    title.set_id("pq-title");
    dom.text(&brand, "p", "pq-sub", T::Subtitle.get(lang))?;
    let switch = dom.add(&head, "div", "pq-lang")?;
    set_all(&switch, &[("role", "group"), ("aria-label", T::Language.get(lang)), ("part", "lang-switch")])?;
    for (option, text) in [(Lang::ZhCn, "中文"), (Lang::En, "English")] {
        let tag = i18n::tag(option);
        let button = dom.text(&switch, "button", "pq-lang-btn", text)?;
        set_all(
            &button,
            &[
                ("type", "button"),
                ("id", &format!("pq-lang-{tag}")),
                ("data-action", "lang"),
                ("data-lang", tag),
                ("lang", tag),
                ("aria-pressed", if option == lang { "true" } else { "false" }),
            ],
        )?;
    }
    Ok(())
}

fn form(dom: &Dom, s: &State, policy: &Policy, parent: &Element) -> R {
    let lang = s.lang;
    let form = dom.add(parent, "form", "pq-form")?;
    set_all(&form, &[("part", "form"), ("novalidate", ""), ("aria-labelledby", "pq-title")])?;
    let steps = dom.add(&form, "ol", "pq-steps")?;
    set_all(&steps, &[("part", "steps"), ("aria-label", T::Steps.get(lang))])?;
    for (i, step) in s.layout.iter().enumerate() {
        let li = dom.add(&steps, "li", "")?;
        let button = dom.add(&li, "button", "pq-step-btn")?;
        set_all(
            &button,
            &[
                ("type", "button"),
                ("id", &format!("pq-step-{i}")),
                ("data-action", "step"),
                ("data-step", &i.to_string()),
            ],
        )?;
        dom.text(&button, "span", "pq-step-n", &(i + 1).to_string())?;
        dom.text(&button, "span", "pq-step-t", step.title.get(lang))?;
    }
    let of = s.layout.len().to_string();
    for (i, step) in s.layout.iter().enumerate() {
        let set = dom.add(&form, "fieldset", "pq-step")?;
        set_all(&set, &[("id", &format!("pq-fs-{i}")), ("part", "step")])?;
        let legend = dom.add(&set, "legend", "pq-legend")?;
        dom.text(&legend, "span", "pq-stepof", &fill(T::StepOf.get(lang), &[&(i + 1).to_string(), &of]))?;
        dom.text(&legend, "span", "pq-legend-t", step.title.get(lang))?;
        for question in &step.questions {
            field(dom, s, policy, &set, question)?;
        }
    }
    let nav = dom.add(&form, "div", "pq-nav")?;
    let back = dom.text(&nav, "button", "pq-btn pq-btn-quiet", T::Back.get(lang))?;
    set_all(&back, &[("type", "button"), ("id", "pq-prev"), ("data-action", "prev")])?;
    let next = dom.add(&nav, "button", "pq-btn pq-btn-primary")?;
    set_all(&next, &[("type", "submit"), ("id", "pq-next"), ("part", "next")])?;
    steps_state(s, &form)
}

/// Show the current step (after a step change).
pub fn steps(shared: &Shared, s: &State) -> R {
    let Some(form) = shared.root.query_selector("form")? else { return Ok(()) };
    steps_state(s, &form)
}

fn steps_state(s: &State, form: &Element) -> R {
    let lang = s.lang;
    for i in 0..s.layout.len() {
        if let Some(button) = form.query_selector(&format!("#pq-step-{i}"))? {
            if i == s.step {
                button.set_attribute("aria-current", "step")?;
            } else {
                button.remove_attribute("aria-current")?;
            }
        }
        if let Some(set) = form.query_selector(&format!("#pq-fs-{i}"))? {
            flag(&set, "hidden", i != s.step)?;
        }
    }
    if let Some(back) = form.query_selector("#pq-prev")? {
        flag(&back, "disabled", s.step == 0)?;
    }
    if let Some(next) = form.query_selector("#pq-next")? {
        let last = s.step + 1 >= s.layout.len();
        next.set_text_content(Some(if last { T::SeeResults.get(lang) } else { T::Next.get(lang) }));
    }
    Ok(())
}

/// How a question is asked: its texts and its control, from the built-in input or from the
/// fact the pack declares.
struct Spec<'a> {
    label: &'a str,
    hint: Option<&'a str>,
    unit: Option<&'a str>,
    /// The options of a `<select>`, or `None` for a text input.
    options: Option<Vec<(String, String)>>,
    inputmode: &'static str,
    /// An amount in 万元, echoed in yuan.
    wan: bool,
}

fn spec<'a>(s: &State, policy: &'a Policy, question: &Question) -> Option<Spec<'a>> {
    let lang = s.lang;
    if let Some(input) = Input::from_id(question.id()) {
        let select = matches!(input.kind(), Kind::Choice | Kind::YesNo);
        return Some(Spec {
            label: input.label().get(lang),
            hint: input.hint().map(|t| t.get(lang)),
            unit: input.unit().map(|t| t.get(lang)),
            options: select.then(|| options(s, policy, input)),
            inputmode: input.inputmode(),
            wan: input.kind() == Kind::Wan,
        });
    }
    let decl = policy.facts.iter().find(|d| d.id == question.id())?;
    let options = match decl.kind {
        FactKind::Number => None,
        FactKind::YesNo => Some(yes_no_options(lang)),
        FactKind::Choice => Some(
            std::iter::once((String::new(), T::NotSure.get(lang).to_string()))
                .chain(decl.choices.iter().map(|c| (c.id.clone(), c.label.get(lang).to_string())))
                .collect(),
        ),
    };
    let counts = decl.whole == Some(true) && decl.min.is_some_and(|m| !m.is_sign_negative());
    Some(Spec {
        label: decl.question.as_ref().unwrap_or(&decl.label).get(lang),
        hint: decl.hint.as_ref().map(|t| t.get(lang)),
        unit: decl.unit.as_ref().map(|t| t.get(lang)),
        options,
        inputmode: if counts { "numeric" } else { "decimal" },
        wan: false,
    })
}

fn yes_no_options(lang: Lang) -> Vec<(String, String)> {
    [("", T::NotSure), ("true", T::Yes), ("false", T::No)]
        .into_iter()
        .map(|(value, text)| (value.to_string(), text.get(lang).to_string()))
        .collect()
}

fn field(dom: &Dom, s: &State, policy: &Policy, parent: &Element, question: &Question) -> R {
    let lang = s.lang;
    let Some(spec) = spec(s, policy, question) else { return Ok(()) };
    let key = question.id();
    let id = format!("pq-f-{key}");
    let wrap = dom.add(parent, "div", "pq-field")?;
    set_all(&wrap, &[("part", "field"), ("data-input", key)])?;
    let label = dom.text(&wrap, "label", "pq-label", spec.label)?;
    label.set_attribute("for", &id)?;
    let mut described = Vec::new();
    if let Some(hint) = spec.hint {
        let p = dom.text(&wrap, "p", "pq-hint", hint)?;
        p.set_id(&format!("pq-h-{key}"));
        described.push(format!("pq-h-{key}"));
    }
    let row = dom.add(&wrap, "div", "pq-control")?;
    let current = s.form.text(key);
    let control = if let Some(options) = spec.options {
        let select = dom.add(&row, "select", "pq-input")?;
        let mut found = false;
        for (value, text) in options {
            let option = dom.text(&select, "option", "", &text)?;
            option.set_attribute("value", &value)?;
            if value == current {
                found = true;
                option.set_attribute("selected", "")?;
            }
        }
        if !found && !current.is_empty() {
            let option = dom.text(&select, "option", "", current)?;
            set_all(&option, &[("value", current), ("selected", "")])?;
        }
        select
    } else {
        let text = dom.add(&row, "input", "pq-input")?;
        set_all(
            &text,
            &[
                ("type", "text"),
                ("inputmode", spec.inputmode),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
                ("value", current),
            ],
        )?;
        text
    };
    set_all(&control, &[("id", &id), ("name", key), ("part", "input")])?;
    if let Some(unit) = spec.unit {
        let u = dom.text(&row, "span", "pq-unit", unit)?;
        u.set_id(&format!("pq-u-{key}"));
        described.push(format!("pq-u-{key}"));
    }
    if spec.wan {
        let echo = dom.add(&wrap, "p", "pq-echo")?;
        echo.set_id(&format!("pq-x-{key}"));
        echo.set_text_content(Some(&echo_text(s, key)));
        described.push(format!("pq-x-{key}"));
    }
    let error = dom.add(&wrap, "p", "pq-err")?;
    set_all(&error, &[("id", &format!("pq-e-{key}")), ("part", "field-error")])?;
    described.push(format!("pq-e-{key}"));
    control.set_attribute("aria-describedby", &described.join(" "))?;
    if let Some(problem) = s.form.problem(key, &policy.facts) {
        error.set_text_content(Some(&problem.message(lang)));
        control.set_attribute("aria-invalid", "true")?;
    }
    Ok(())
}

/// What a 万元 field means in yuan, e.g. `即 6,500,000 元`.
fn echo_text(s: &State, key: &str) -> String {
    match Input::from_id(key).map(|input| s.form.read(input)) {
        Some(Ok(Read::Number(yuan))) => fill(T::Equals.get(s.lang), &[&format::yuan_exact(s.lang, yuan)]),
        _ => String::new(),
    }
}

/// Update one field's message, echo and `aria-invalid`. With `show`, a problem is shown;
/// without, a message only goes away (so typing does not flash errors mid-number).
pub fn field_message(shared: &Shared, s: &State, key: &str, show: bool) -> R {
    let Phase::Ready(policy) = &s.phase else { return Ok(()) };
    let problem = s.form.problem(key, &policy.facts);
    if let Some(echo) = shared.root.get_element_by_id(&format!("pq-x-{key}")) {
        echo.set_text_content(Some(&echo_text(s, key)));
    }
    let (Some(error), Some(control)) =
        (shared.root.get_element_by_id(&format!("pq-e-{key}")), shared.root.get_element_by_id(&format!("pq-f-{key}")))
    else {
        return Ok(());
    };
    match problem {
        Some(problem) if show => {
            error.set_text_content(Some(&problem.message(s.lang)));
            control.set_attribute("aria-invalid", "true")?;
        }
        Some(_) => {}
        None => {
            error.set_text_content(None);
            control.remove_attribute("aria-invalid")?;
        }
    }
    Ok(())
}

fn options(s: &State, policy: &Policy, input: Input) -> Vec<(String, String)> {
    let lang = s.lang;
    let mut out = Vec::new();
    let pick = |zh: &str, en: &str| if lang == Lang::ZhCn { zh.to_string() } else { en.to_string() };
    let unanswered = |text: T| (String::new(), text.get(lang).to_string());
    match input {
        Input::Industry => {
            out.push(unanswered(T::Choose));
            for industry in Industry::ALL {
                out.push((industry.id().to_string(), pick(industry.name_zh(), industry.name_en())));
            }
        }
        Input::Park => {
            out.push(unanswered(T::Choose));
            for park in &policy.parks {
                let mut name = park.name.get(lang).to_string();
                if let Some(district) = &park.district {
                    name.push_str(" · ");
                    name.push_str(district.get(lang));
                }
                out.push((park.id.clone(), name));
            }
            // Not one of the pack's parks: an answer too (no partner park), unlike no answer.
            if policy.park(OTHER_PARK).is_none() {
                out.push((OTHER_PARK.to_string(), T::OtherPark.get(lang).to_string()));
            }
        }
        Input::TaxGrade => {
            out.push(unanswered(T::NotSure));
            for grade in ["A", "B", "M", "C", "D"] {
                out.push((grade.to_string(), grade.to_string()));
            }
        }
        Input::TermMonths => {
            out.push(unanswered(T::TermDefault));
            // The usual terms, and the visitor's own if it is another (the "compare options"
            // panel may choose any term a product allows, such as 30 months).
            let chosen = s.form.get(Input::TermMonths).parse::<u32>().ok().filter(|m| !TERMS.contains(m));
            let mut terms = TERMS.to_vec();
            if let Some(m) = chosen {
                terms.insert(terms.iter().position(|t| *t > m).unwrap_or(terms.len()), m);
            }
            for months in terms {
                out.push((months.to_string(), fill(T::Months.get(lang), &[&months.to_string()])));
            }
        }
        Input::RepaymentMethod => {
            out.push(unanswered(T::ProductDefault));
            for method in
                [RepaymentMethod::EqualInstallment, RepaymentMethod::EqualPrincipal, RepaymentMethod::InterestOnly]
            {
                out.push((method.id().to_string(), pick(method.name_zh(), method.name_en())));
            }
        }
        _ if input.kind() == Kind::YesNo => return yes_no_options(lang),
        _ => {}
    }
    out
}

/// The park answer "another park, not in the pack's list".
const OTHER_PARK: &str = "other";

/// Re-render the results (after any change), and the live region when its text changes.
pub fn results(shared: &Shared, s: &mut State) -> R {
    let Some(old) = shared.root.get_element_by_id("pq-results-body") else { return Ok(()) };
    let Phase::Ready(policy) = &s.phase else { return Ok(()) };
    let dom = &shared.dom;
    let body = dom.make("div", "pq-results-body")?;
    body.set_id("pq-results-body");
    let mut announce = String::new();
    notes(dom, s, policy, &body)?;
    match &s.report {
        Some(Ok(report)) => {
            let quotes = shown(s, report);
            announce = crate::summary::announce(&quotes, s.lang);
            meta(dom, s, report, quotes.len(), &body)?;
            asks(dom, s, policy, &body)?;
            let list = dom.add(&body, "ol", "pq-cards")?;
            for (i, q) in quotes.iter().enumerate() {
                card(dom, s, policy, report, &list, q, i)?;
            }
            excluded(dom, s, report, &body)?;
        }
        Some(Err(error)) => {
            dom.text(&body, "p", "pq-err", &error.message(s.lang))?;
        }
        None => {}
    }
    let notice = dom.add(&body, "div", "pq-notice")?;
    notice.set_attribute("part", "notice")?;
    dom.text(&notice, "p", "pq-estimate", T::Estimate.get(s.lang))?;
    dom.text(&notice, "p", "", policy.notice.get(s.lang))?;
    old.replace_with_with_node_1(&body)?;
    if announce != s.announced {
        if let Some(live) = shared.root.get_element_by_id("pq-live") {
            live.set_text_content(Some(&announce));
        }
        s.announced = announce;
    }
    Ok(())
}

fn notes(dom: &Dom, s: &State, policy: &Policy, body: &Element) -> R {
    let lang = s.lang;
    if let Some(error) = &s.prefill_error {
        let p = dom.text(body, "p", "pq-note", T::FirmInvalid.get(lang))?;
        dom.append_text(&p, &error.message(lang))?;
    }
    if let (Some(text), (_, false)) = (&s.as_of, as_of(s, policy)) {
        dom.text(body, "p", "pq-note", &fill(T::AsOfInvalid.get(lang), &[text]))?;
    }
    if !s.problems.is_empty() {
        let p = dom.text(body, "p", "pq-note", &fill(T::FixInputs.get(lang), &[&s.problems.len().to_string()]))?;
        p.set_attribute("data-problems", &s.problems.len().to_string())?;
    }
    Ok(())
}

/// The questions still open, those that decide the most products first, each a button
/// that goes to its input.
fn asks(dom: &Dom, s: &State, policy: &Policy, body: &Element) -> R {
    const SHOWN: usize = 5;
    let lang = s.lang;
    if s.ranked.is_empty() {
        return Ok(());
    }
    let left = s.ranked.len().to_string();
    let wrap = dom.add(body, "div", "pq-ask")?;
    set_all(&wrap, &[("data-left", &left), ("part", "questions")])?;
    dom.text(&wrap, "h4", "", &fill(T::QuestionsLeft.get(lang), &[&left]))?;
    dom.text(&wrap, "p", "pq-ask-sub", T::AskFirst.get(lang))?;
    let list = dom.add(&wrap, "ol", "")?;
    for (question, products) in s.ranked.iter().take(SHOWN) {
        let li = dom.add(&list, "li", "")?;
        let button = dom.text(&li, "button", "pq-link", form::question_label(policy, question, lang))?;
        set_all(&button, &[("type", "button"), ("data-action", "ask"), ("data-q", question.id())])?;
        if s.pending.len() > 1 {
            dom.text(&li, "span", "pq-provider", &fill(T::Decides.get(lang), &[&products.to_string()]))?;
        }
    }
    if s.ranked.len() > SHOWN {
        dom.text(&wrap, "p", "pq-ask-sub", &fill(T::AndMore.get(lang), &[&(s.ranked.len() - SHOWN).to_string()]))?;
    }
    Ok(())
}

fn meta(dom: &Dom, s: &State, report: &Report, count: usize, body: &Element) -> R {
    let lang = s.lang;
    let meta = dom.add(body, "div", "pq-meta")?;
    // The size class only where a product reads it (then the industry is asked) or it is known.
    let class = report.firm.size_class;
    if class != SizeClass::Unknown || s.asked.contains(&Question::Profile("industry")) {
        let size = dom.add(&meta, "p", "pq-size")?;
        dom.text(&size, "span", "pq-meta-k", T::FirmSize.get(lang))?;
        let value = dom.text(&size, "strong", "", i18n::size(lang, class))?;
        set_all(&value, &[("data-k", "size_class"), ("data-raw", i18n::size_id(class))])?;
        if let Some(years) = report.firm.years_in_operation {
            dom.text(&size, "span", "pq-meta-x", &fill(T::YearsOp.get(lang), &[&format::plain(years)]))?;
        }
    }
    let date = report.as_of.to_string();
    let lpr = format::percent(report.market.lpr_1y.value);
    dom.text(&meta, "p", "pq-meta-line", &fill(T::AsOf.get(lang), &[&date, &lpr]))?;
    let pack = fill(T::PackVersion.get(lang), &[report.policy.name.get(lang), &report.policy.version]);
    let p = dom.text(&meta, "p", "pq-meta-line", T::PackLabel.get(lang))?;
    dom.append_text(&p, &pack)?;
    dom.text(&meta, "p", "pq-meta-line", &fill(T::ResultsCount.get(lang), &[&count.to_string()]))?;
    Ok(())
}

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "pq-card pq-v-eligible",
        Verdict::NeedsInfo => "pq-card pq-v-needs_info",
        Verdict::Ineligible => "pq-card pq-v-ineligible",
    }
}

#[allow(clippy::too_many_arguments)]
fn card(dom: &Dom, s: &State, policy: &Policy, report: &Report, list: &Element, q: &Quote, index: usize) -> R {
    let lang = s.lang;
    let li = dom.add(list, "li", verdict_class(q.verdict))?;
    set_all(&li, &[("part", "card"), ("data-product", &q.product), ("data-verdict", i18n::verdict_id(q.verdict))])?;
    let head = dom.add(&li, "div", "pq-card-head")?;
    let rank = dom.text(&head, "span", "pq-rank", &(index + 1).to_string())?;
    rank.set_attribute("aria-hidden", "true")?;
    let names = dom.add(&head, "div", "pq-names")?;
    dom.text(&names, "h4", "pq-name", q.name.get(lang))?;
    dom.text(&names, "p", "pq-bank", q.bank_name.get(lang))?;
    let badge = dom.text(&head, "span", "pq-badge", i18n::verdict(lang, q.verdict))?;
    badge.set_attribute("part", "verdict")?;
    if let Some(description) = policy.products.iter().find(|p| p.id == q.product).and_then(|p| p.description.as_ref()) {
        dom.text(&li, "p", "pq-desc", description.get(lang))?;
    }
    if let Some(error) = &q.error {
        let p = dom.text(&li, "p", "pq-err", T::CannotPrice.get(lang))?;
        dom.append_text(&p, &error.message(lang))?;
    }
    figures(dom, s, &li, q)?;
    reasons(dom, s, policy, &li, q, s.pending.get(index).map_or(&[], Vec::as_slice))?;
    subsidies(dom, s, &li, q)?;
    if q.loan.is_some() {
        let details = dom.add(&li, "details", "pq-schedule")?;
        set_all(&details, &[("part", "schedule"), ("data-product", &q.product)])?;
        dom.text(&details, "summary", "", T::Schedule.get(lang))?;
        if s.open.contains(&q.product) {
            details.set_attribute("open", "")?;
            schedule_into(dom, s, &details, q)?;
        }
    }
    if q.verdict != Verdict::Ineligible {
        let actions = dom.add(&li, "div", "pq-actions")?;
        let apply = dom.text(&actions, "button", "pq-btn pq-btn-primary", T::Apply.get(lang))?;
        set_all(
            &apply,
            &[
                ("type", "button"),
                ("id", &format!("pq-apply-{index}")),
                ("part", "apply"),
                ("data-action", "apply"),
                ("data-product", &q.product),
            ],
        )?;
    }
    if s.consent.as_ref().is_some_and(|c| c.product == q.product) {
        consent(dom, s, policy, report, &li, q)?;
    }
    if s.sent.as_deref() == Some(q.product.as_str()) {
        let p = dom.text(&li, "p", "pq-sent", T::ApplySent.get(lang))?;
        set_all(&p, &[("id", "pq-sent"), ("role", "status"), ("tabindex", "-1")])?;
    }
    Ok(())
}

/// One figure: a caption, the main value and optionally a second line.
fn figure(dom: &Dom, list: &Element, caption: T, lang: Lang, main: (&str, &str, &str)) -> R<Element> {
    let item = dom.add(list, "div", "pq-fig")?;
    dom.text(&item, "dt", "", caption.get(lang))?;
    let dd = dom.add(&item, "dd", "")?;
    let value = dom.text(&dd, "span", "pq-main", main.2)?;
    if !main.0.is_empty() {
        set_all(&value, &[("data-k", main.0), ("data-raw", main.1)])?;
    }
    Ok(dd)
}

/// A figure's second line: `label value`, the value carrying its raw decimal.
fn second(dom: &Dom, dd: &Element, label: &str, key: &str, raw: &str, text: &str) -> R<Element> {
    let line = dom.add(dd, "span", "pq-second")?;
    if !label.is_empty() {
        dom.append_text(&line, label)?;
        dom.append_text(&line, " ")?;
    }
    let value = dom.text(&line, "span", "", text)?;
    if !key.is_empty() {
        set_all(&value, &[("data-k", key), ("data-raw", raw)])?;
    }
    Ok(line)
}

fn figures(dom: &Dom, s: &State, card: &Element, q: &Quote) -> R {
    let lang = s.lang;
    let list = dom.add(card, "dl", "pq-figures")?;
    list.set_attribute("part", "figures")?;
    match q.limit.amount {
        Some(limit) => {
            figure(dom, &list, T::Limit, lang, ("limit", &limit.to_string(), &format::amount(lang, limit)))?;
        }
        None => {
            let dd = figure(dom, &list, T::Limit, lang, ("limit", "", T::LimitUnknown.get(lang)))?;
            if let Some(main) = dd.first_element_child() {
                main.set_class_name("pq-main pq-none");
            }
        }
    }
    let Some(loan) = &q.loan else {
        dom.text(card, "p", "pq-hint", T::NotPriced.get(lang))?;
        return Ok(());
    };
    let before = T::Before.get(lang);
    let dd =
        figure(dom, &list, T::Loan, lang, ("amount", &loan.amount.to_string(), &format::amount(lang, loan.amount)))?;
    let months = fill(T::Months.get(lang), &[&loan.term_months.to_string()]);
    let method = if lang == Lang::ZhCn { loan.method.name_zh() } else { loan.method.name_en() };
    second(dom, &dd, "", "", "", &fill(T::LoanTerm.get(lang), &[&months, method]))?;

    let rate = (loan.rate_after_subsidy.to_string(), format::percent(loan.rate_after_subsidy));
    let dd = figure(dom, &list, T::Rate, lang, ("rate_after_subsidy", &rate.0, &rate.1))?;
    second(dom, &dd, before, "annual_rate", &loan.annual_rate.to_string(), &format::percent(loan.annual_rate))?;

    match loan.guarantee_fee_rate {
        Some(fee_rate) => {
            let net = loan.guarantee_fee_net;
            let dd =
                figure(dom, &list, T::Fee, lang, ("guarantee_fee_net", &net.to_string(), &format::yuan(lang, net)))?;
            let gross = loan.guarantee_fee;
            second(dom, &dd, before, "guarantee_fee", &gross.to_string(), &format::yuan(lang, gross))?;
            let text = fill(T::FeeRate.get(lang), &[&format::percent(fee_rate)]);
            second(dom, &dd, "", "guarantee_fee_rate", &fee_rate.to_string(), &text)?;
        }
        None => {
            let dd = figure(dom, &list, T::Fee, lang, ("", "", T::FeeNone.get(lang)))?;
            if let Some(main) = dd.first_element_child() {
                main.set_class_name("pq-main pq-none");
            }
        }
    }
    let first = loan.first_payment;
    figure(dom, &list, T::FirstPayment, lang, ("first_payment", &first.to_string(), &format::yuan(lang, first)))?;

    let net = loan.total_cost_net;
    let dd = figure(dom, &list, T::TotalCost, lang, ("total_cost_net", &net.to_string(), &format::yuan(lang, net)))?;
    let gross = loan.total_cost_gross;
    second(dom, &dd, before, "total_cost_gross", &gross.to_string(), &format::yuan(lang, gross))?;

    if let (Some(gross), Some(net)) = (q.apr_gross, q.apr_net) {
        let dd = figure(dom, &list, T::Apr, lang, ("apr_net", &net.to_string(), &format::percent(net)))?;
        second(dom, &dd, before, "apr_gross", &gross.to_string(), &format::percent(gross))?;
    }
    Ok(())
}

fn reasons(dom: &Dom, s: &State, policy: &Policy, card: &Element, q: &Quote, pending: &[Question]) -> R {
    let lang = s.lang;
    let wrap = dom.add(card, "div", "pq-reasons")?;
    wrap.set_attribute("part", "reasons")?;
    if !pending.is_empty() {
        // The questions that would decide this product, those that decide the most first.
        let count = pending.len().to_string();
        let ids: Vec<&str> = pending.iter().map(Question::id).collect();
        let p = dom.text(&wrap, "p", "pq-left", &fill(T::CardLeft.get(lang), &[&count]))?;
        set_all(&p, &[("data-left", &count), ("data-questions", &ids.join(" "))])?;
        let labels: Vec<&str> = pending.iter().map(|q| form::question_label(policy, q, lang)).collect();
        dom.text(&p, "span", "", &labels.join(T::ListSep.get(lang)))?;
    }
    let groups = [
        (
            T::WhyNot,
            "pq-fail",
            q.criteria.iter().filter(|c| c.required && c.status == Status::Fail).collect::<Vec<_>>(),
        ),
        (
            T::WhatsMissing,
            "pq-unknown",
            q.criteria.iter().filter(|c| c.required && c.status == Status::Unknown).collect(),
        ),
        (T::Advisory, "pq-advisory", q.criteria.iter().filter(|c| !c.required && c.status != Status::Pass).collect()),
    ];
    let mut open = 0;
    for (title, class, items) in &groups {
        if items.is_empty() {
            continue;
        }
        if *class != "pq-advisory" {
            open += items.len();
        }
        dom.text(&wrap, "h5", class, title.get(lang))?;
        let ul = dom.add(&wrap, "ul", class)?;
        for c in items {
            let li = dom.text(&ul, "li", "", c.message.get(lang))?;
            li.set_attribute("data-criterion", &c.id)?;
            if let Some(hint) = &c.hint {
                let p = dom.text(&li, "span", "pq-change", T::Change.get(lang))?;
                dom.append_text(&p, hint.get(lang))?;
            }
        }
    }
    if open == 0 {
        let required = q.criteria.iter().filter(|c| c.required).count().to_string();
        dom.text(&wrap, "p", "pq-allmet", &fill(T::AllMet.get(lang), &[&required]))?;
    }
    let details = dom.add(&wrap, "details", "pq-all")?;
    dom.text(&details, "summary", "", &fill(T::AllCriteria.get(lang), &[&q.criteria.len().to_string()]))?;
    let ul = dom.add(&details, "ul", "pq-criteria")?;
    for c in &q.criteria {
        let (class, word) = match c.status {
            Status::Pass => ("pq-c-pass", T::Met),
            Status::Fail => ("pq-c-fail", T::NotMet),
            Status::Unknown => ("pq-c-unknown", T::Unknown),
        };
        let li = dom.add(&ul, "li", class)?;
        dom.text(&li, "span", "pq-status", word.get(lang))?;
        dom.append_text(&li, c.message.get(lang))?;
    }
    Ok(())
}

fn subsidies(dom: &Dom, s: &State, card: &Element, q: &Quote) -> R {
    let lang = s.lang;
    let applied: Vec<_> = q.subsidies.iter().filter(|x| x.status != Status::Fail).collect();
    if applied.is_empty() {
        return Ok(());
    }
    let wrap = dom.add(card, "div", "pq-subsidies")?;
    dom.text(&wrap, "h5", "", T::Subsidies.get(lang))?;
    let ul = dom.add(&wrap, "ul", "")?;
    for x in applied {
        let li = dom.text(&ul, "li", "", x.name.get(lang))?;
        dom.text(&li, "span", "pq-provider", x.provider.get(lang))?;
        let amount = if x.status == Status::Pass {
            format::yuan(lang, x.total)
        } else {
            T::SubsidyMayApply.get(lang).to_string()
        };
        dom.text(&li, "strong", "", &amount)?;
    }
    Ok(())
}

/// Fill an opened schedule (done lazily: most visitors never open it).
pub fn schedule(shared: &Shared, s: &State, details: &Element, product: &str) -> R {
    if details.child_element_count() > 1 {
        return Ok(());
    }
    let Some(Ok(report)) = &s.report else { return Ok(()) };
    let quotes = shown(s, report);
    if let Some(q) = quotes.iter().find(|q| q.product == product) {
        schedule_into(&shared.dom, s, details, q)?;
    }
    Ok(())
}

fn schedule_into(dom: &Dom, s: &State, details: &Element, q: &Quote) -> R {
    let Some(loan) = &q.loan else { return Ok(()) };
    let lang = s.lang;
    let geometry = chart::chart(loan.amount, &loan.schedule);
    let view_box = format!("0 0 {} {}", chart::WIDTH, chart::HEIGHT);
    let months = loan.term_months.to_string();
    let label = fill(T::ChartLabel.get(lang), &[&months, &format::amount(lang, geometry.max_balance)]);
    // One image for assistive technology (the table below has every figure); captions in
    // HTML so they stay legible when the panels scale down on a phone.
    let figure = dom.add(details, "div", "pq-chart")?;
    set_all(&figure, &[("role", "img"), ("aria-label", &label), ("part", "chart")])?;
    let caption = dom.add(&figure, "p", "pq-ct")?;
    dom.text(&caption, "span", "", T::ChartBalance.get(lang))?;
    dom.text(&caption, "strong", "", &format::amount(lang, geometry.max_balance))?;
    let panel =
        |class: &str| dom.svg(&figure, "svg", &[("viewBox", &view_box), ("class", class), ("aria-hidden", "true")]);
    let axis = |svg: &Element, y: u32| -> R {
        let y = y.to_string();
        dom.svg(svg, "line", &[("x1", "4"), ("x2", "316"), ("y1", &y), ("y2", &y), ("class", "pq-axis")])?;
        Ok(())
    };
    let balance = panel("pq-panel")?;
    dom.svg(&balance, "path", &[("d", &geometry.balance_area), ("class", "pq-area")])?;
    dom.svg(&balance, "polyline", &[("points", &geometry.balance_line), ("class", "pq-line")])?;
    axis(&balance, chart::BALANCE_BOTTOM)?;
    let caption = dom.add(&figure, "p", "pq-ct")?;
    dom.text(&caption, "span", "", T::ChartPayments.get(lang))?;
    dom.text(&caption, "strong", "", &format::yuan(lang, geometry.max_payment))?;
    for (class, text) in [("pq-key pq-key-p", T::Principal), ("pq-key pq-key-i", T::Interest)] {
        dom.text(&caption, "span", class, text.get(lang))?;
    }
    let bars = panel("pq-panel")?;
    for bar in &geometry.bars {
        dom.svg(
            &bars,
            "rect",
            &[
                ("x", &bar.x),
                ("y", &bar.principal_y),
                ("width", &bar.width),
                ("height", &bar.principal_height),
                ("class", "pq-bar-p"),
            ],
        )?;
        dom.svg(
            &bars,
            "rect",
            &[
                ("x", &bar.x),
                ("y", &bar.interest_y),
                ("width", &bar.width),
                ("height", &bar.interest_height),
                ("class", "pq-bar-i"),
            ],
        )?;
    }
    axis(&bars, chart::BARS_BOTTOM)?;

    let wrap = dom.add(details, "div", "pq-table-wrap")?;
    set_all(&wrap, &[("tabindex", "0"), ("role", "region"), ("aria-label", T::TableLabel.get(lang))])?;
    let table = dom.add(&wrap, "table", "pq-table")?;
    table.set_attribute("part", "table")?;
    dom.text(&table, "caption", "", T::ScheduleCaption.get(lang))?;
    let thead = dom.add(&table, "thead", "")?;
    let tr = dom.add(&thead, "tr", "")?;
    for col in [T::Period, T::Payment, T::Principal, T::Interest, T::Balance] {
        let th = dom.text(&tr, "th", "", col.get(lang))?;
        th.set_attribute("scope", "col")?;
    }
    let tbody = dom.add(&table, "tbody", "")?;
    for row in &loan.schedule.rows {
        let tr = dom.add(&tbody, "tr", "")?;
        let th = dom.text(&tr, "th", "", &row.period.to_string())?;
        th.set_attribute("scope", "row")?;
        for value in [row.payment, row.principal, row.interest, row.balance] {
            dom.text(&tr, "td", "", &format::cents(value))?;
        }
    }
    let tfoot = dom.add(&table, "tfoot", "")?;
    let tr = dom.add(&tfoot, "tr", "")?;
    let th = dom.text(&tr, "th", "", T::Total.get(lang))?;
    th.set_attribute("scope", "row")?;
    for value in [loan.schedule.total_payment, loan.amount, loan.schedule.total_interest] {
        dom.text(&tr, "td", "", &format::cents(value))?;
    }
    dom.add(&tr, "td", "")?;
    Ok(())
}

fn excluded(dom: &Dom, s: &State, report: &Report, body: &Element) -> R {
    let lang = s.lang;
    let items: Vec<_> =
        report.excluded.iter().filter(|x| s.products.as_ref().is_none_or(|ids| ids.contains(&x.product))).collect();
    if items.is_empty() {
        return Ok(());
    }
    let wrap = dom.add(body, "div", "pq-excluded")?;
    dom.text(&wrap, "h4", "", T::Excluded.get(lang))?;
    let ul = dom.add(&wrap, "ul", "")?;
    for x in items {
        let li = dom.text(&ul, "li", "", x.name.get(lang))?;
        li.set_attribute("data-product", &x.product)?;
        dom.text(&li, "span", "pq-provider", x.reason.get(lang))?;
    }
    Ok(())
}

fn consent(dom: &Dom, s: &State, policy: &Policy, report: &Report, card: &Element, q: &Quote) -> R {
    let lang = s.lang;
    let panel = dom.add(card, "div", "pq-consent")?;
    set_all(&panel, &[("part", "consent"), ("role", "group"), ("aria-labelledby", "pq-consent-title")])?;
    let title = dom.text(&panel, "h5", "pq-consent-title", T::ApplyTitle.get(lang))?;
    set_all(&title, &[("id", "pq-consent-title"), ("tabindex", "-1")])?;
    dom.text(&panel, "p", "", T::ApplyExplain.get(lang))?;
    let list = dom.add(&panel, "dl", "pq-consent-list")?;
    let row = |key: T, value: &str, numeric: bool| -> R {
        let item = dom.add(&list, "div", "")?;
        dom.text(&item, "dt", "", key.get(lang))?;
        dom.text(&item, "dd", if numeric { "pq-num" } else { "" }, value)?;
        Ok(())
    };
    row(T::Product, q.name.get(lang), false)?;
    row(T::Bank, q.bank_name.get(lang), false)?;
    row(T::FirmSize, i18n::size(lang, report.firm.size_class), false)?;
    if let Some(limit) = q.limit.amount {
        row(T::Limit, &format::amount(lang, limit), true)?;
    }
    if let Some(loan) = &q.loan {
        row(T::Loan, &format::amount(lang, loan.amount), true)?;
        row(T::Rate, &format::percent(loan.rate_after_subsidy), true)?;
    }
    if let Some(apr) = q.apr_net {
        row(T::Apr, &format::percent(apr), true)?;
    }
    dom.text(&panel, "h6", "pq-answers-title", T::YourAnswers.get(lang))?;
    let answers = dom.add(&panel, "dl", "pq-answers")?;
    let builtin = Input::ALL.iter().filter_map(|&input| Some((input.label().get(lang), answer(s, policy, input)?)));
    let facts = policy.facts.iter().filter_map(|decl| Some((decl.label.get(lang), fact_answer(s, decl)?)));
    for (label, text) in builtin.chain(facts) {
        let item = dom.add(&answers, "div", "")?;
        dom.text(&item, "dt", "", label)?;
        dom.text(&item, "dd", "", &text)?;
    }
    let label = dom.add(&panel, "label", "pq-check")?;
    let box_ = dom.add(&label, "input", "")?;
    set_all(&box_, &[("type", "checkbox"), ("id", "pq-consent-box"), ("aria-describedby", "pq-consent-err")])?;
    dom.text(&label, "span", "", T::ApplyConsent.get(lang))?;
    let nagged = s.consent.as_ref().is_some_and(|c| c.nagged);
    let err = dom.text(&panel, "p", "pq-err", if nagged { T::ApplyNeedsConsent.get(lang) } else { "" })?;
    err.set_id("pq-consent-err");
    if nagged {
        box_.set_attribute("aria-invalid", "true")?;
    }
    let actions = dom.add(&panel, "div", "pq-actions")?;
    let submit = dom.text(&actions, "button", "pq-btn pq-btn-primary", T::Submit.get(lang))?;
    set_all(&submit, &[("type", "button"), ("data-action", "consent-submit"), ("id", "pq-consent-submit")])?;
    let cancel = dom.text(&actions, "button", "pq-btn pq-btn-quiet", T::Cancel.get(lang))?;
    set_all(&cancel, &[("type", "button"), ("data-action", "consent-cancel")])?;
    Ok(())
}

/// An answer as the visitor gave it, for the consent summary.
fn answer(s: &State, policy: &Policy, input: Input) -> Option<String> {
    let lang = s.lang;
    let read = s.form.read(input).ok()?;
    let text = s.form.get(input).trim().to_string();
    match (input.kind(), read) {
        (_, Read::Empty) => None,
        (_, Read::YesNo(on)) => Some((if on { T::Yes } else { T::No }).get(lang).to_string()),
        (Kind::Choice, Read::Choice(id)) => {
            options(s, policy, input).into_iter().find(|(value, _)| *value == id).map(|(_, t)| t).or(Some(id))
        }
        (_, Read::Number(_)) => {
            let unit = input.unit().map(|u| u.get(lang)).unwrap_or_default();
            Some(if unit.is_empty() { text } else { format!("{text} {unit}") })
        }
        _ => None,
    }
}

/// An answer to a declared fact as the visitor gave it, for the consent summary.
fn fact_answer(s: &State, decl: &FactDecl) -> Option<String> {
    let lang = s.lang;
    Some(match s.form.read_fact(decl).ok()?? {
        FactValue::YesNo(on) => (if on { T::Yes } else { T::No }).get(lang).to_string(),
        FactValue::Text(id) => decl.choice(&id).map_or(id.clone(), |c| c.label.get(lang).to_string()),
        FactValue::Number(n) => {
            let number = format::group(&format::plain(n));
            match &decl.unit {
                Some(unit) => format!("{number} {}", unit.get(lang)),
                None => number,
            }
        }
    })
}
