//! The browser side: the [`Widget`] the loader creates for each `<prequal-widget>`, its
//! state, and the event handling. Rendering is in [`view`].
//!
//! Every entry point (a call from the loader, a DOM event) borrows the state, changes it,
//! re-renders what changed and collects *effects* (events for the host page, focus
//! moves, the host's `lang` attribute); the effects run after the borrow is released, so
//! a host listener that calls back into the widget finds it free. A call that arrives
//! while the state is borrowed is ignored rather than allowed to panic.

mod dom;
mod view;

use crate::form::{self, Form, Input};
use crate::summary;
use dom::{Dom, R};
use prequal::questions::{self, Question};
use prequal::report::Report;
use prequal::{Date, Firm, Lang, Policy};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, ShadowRoot,
};

/// Where the pack is.
pub(crate) enum Phase {
    /// Being fetched.
    Loading,
    /// Parsed and validated.
    Ready(Box<Policy>),
    /// Fetching or validating failed: what to tell the visitor.
    Failed {
        /// The `policy` URL.
        url: String,
        /// The reason (HTTP status, network error or the validation message).
        reason: String,
        /// Whether the pack was fetched but is invalid (rather than unreachable).
        invalid: bool,
    },
}

/// Something to do once the state is no longer borrowed.
pub(crate) enum Effect {
    /// Dispatch `prequal:*` on the host with a JSON detail.
    Dispatch(&'static str, String),
    /// Focus the element with this id in the shadow root.
    Focus(String),
    /// Reflect the language on the host's `lang` attribute.
    HostLang(&'static str),
}

/// The apply step: the product chosen and whether the visitor tried to submit unticked.
pub(crate) struct Consent {
    pub product: String,
    pub nagged: bool,
}

/// Everything the widget knows.
pub(crate) struct State {
    pub lang: Lang,
    pub park: Option<String>,
    pub products: Option<Vec<String>>,
    pub as_of: Option<String>,
    pub phase: Phase,
    pub form: Form,
    /// A firm the page pre-filled before the pack was ready.
    pub prefill: Option<Firm>,
    /// The page's pre-filled firm was invalid: the engine's message in both languages.
    pub prefill_error: Option<prequal::Error>,
    /// The step shown: an index into `layout`.
    pub step: usize,
    /// The questions the form asks (for the products shown), and their steps.
    pub asked: Vec<Question>,
    pub layout: Vec<form::Step>,
    pub report: Option<Result<Report, prequal::Error>>,
    pub firm: Option<Firm>,
    pub problems: Vec<(String, form::Problem)>,
    /// For each quote shown, the open questions that would decide it (most products first).
    pub pending: Vec<Vec<Question>>,
    /// Every open question, with the number of products it decides, most first.
    pub ranked: Vec<(Question, usize)>,
    /// Product ids whose schedule is open.
    pub open: Vec<String>,
    pub consent: Option<Consent>,
    pub sent: Option<String>,
    pub announced: String,
    pub ready_sent: bool,
    /// Set up, not yet shown: the loader passes the attributes before the pack, and only
    /// the pack (or `loading()`) renders, so the first paint is one render, not five.
    pub held: bool,
    pub effects: Vec<Effect>,
}

/// What the handlers share: the DOM roots and the state.
pub(crate) struct Shared {
    pub dom: Dom,
    pub host: HtmlElement,
    pub root: ShadowRoot,
    pub state: RefCell<State>,
}

/// One `<prequal-widget>`'s renderer. The loader creates it with the element and its
/// shadow root, passes the attributes, then the pack.
#[wasm_bindgen]
pub struct Widget {
    shared: Rc<Shared>,
    _listeners: Vec<Closure<dyn FnMut(Event)>>,
}

#[wasm_bindgen]
impl Widget {
    /// A widget rendering into `root`, listening for the visitor's input. Nothing is shown
    /// until the loader passes the pack (`use_policy`, `policy_failed`) or says it is
    /// fetching one (`loading`); the attributes set before that cost no render.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, root: ShadowRoot) -> Result<Widget, JsValue> {
        let doc = host.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
        let state = State {
            lang: Lang::ZhCn,
            park: None,
            products: None,
            as_of: None,
            phase: Phase::Loading,
            form: Form::new(),
            prefill: None,
            prefill_error: None,
            step: 0,
            asked: Vec::new(),
            layout: Vec::new(),
            report: None,
            firm: None,
            problems: Vec::new(),
            pending: Vec::new(),
            ranked: Vec::new(),
            open: Vec::new(),
            consent: None,
            sent: None,
            announced: String::new(),
            ready_sent: false,
            held: true,
            effects: Vec::new(),
        };
        let shared = Rc::new(Shared { dom: Dom { doc }, host, root, state: RefCell::new(state) });
        let mut listeners = Vec::new();
        for (name, capture) in
            [("input", false), ("change", false), ("click", false), ("submit", false), ("toggle", true)]
        {
            let for_closure = Rc::clone(&shared);
            let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| on_event(&for_closure, &event));
            shared.root.add_event_listener_with_callback_and_bool(name, closure.as_ref().unchecked_ref(), capture)?;
            listeners.push(closure);
        }
        Ok(Widget { shared, _listeners: listeners })
    }

    /// The visitor's answers as last evaluated, in the firm format (the loader's "compare
    /// options" panel asks the advisor with them); none before the first evaluation.
    pub fn firm_json(&self) -> Option<String> {
        let s = self.shared.state.try_borrow().ok()?;
        s.firm.as_ref().map(crate::summary::firm)
    }

    /// The language shown now (`zh-CN` or `en`): the attribute's, or the visitor's choice.
    pub fn lang(&self) -> String {
        let lang = self.shared.state.try_borrow().map(|s| s.lang).unwrap_or_default();
        crate::i18n::tag(lang).to_string()
    }

    /// The `lang` attribute: `zh-CN` (default) or `en`.
    pub fn set_lang(&self, tag: Option<String>) {
        let lang = tag.as_deref().and_then(Lang::parse).unwrap_or_default();
        self.update(|_, s| {
            if s.lang == lang {
                return Ok(Render::Nothing);
            }
            s.lang = lang;
            Ok(Render::All)
        });
    }

    /// The `park` attribute: the park the page belongs to, pre-selected in the form.
    pub fn set_park(&self, park: Option<String>) {
        let park = park.map(|p| p.trim().to_string()).filter(|p| !p.is_empty());
        self.update(|_, s| {
            if s.park == park {
                return Ok(Render::Nothing);
            }
            s.form.set(Input::Park, park.as_deref().unwrap_or_default());
            s.park = park;
            Ok(Render::All)
        });
    }

    /// The `products` attribute: product ids to show, separated by commas or spaces.
    pub fn set_products(&self, list: Option<String>) {
        let ids: Vec<String> = list
            .as_deref()
            .unwrap_or_default()
            .split([',', ' ', '\n', '\t'])
            .filter(|id| !id.is_empty())
            .map(str::to_string)
            .collect();
        let products = (!ids.is_empty()).then_some(ids);
        self.update(|_, s| {
            s.products = products;
            Ok(Render::Results)
        });
    }

    /// The `as-of` attribute: the evaluation date, `YYYY-MM-DD`; absent means the pack's
    /// market date.
    pub fn set_as_of(&self, date: Option<String>) {
        let date = date.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
        self.update(|_, s| {
            s.as_of = date;
            Ok(Render::All)
        });
    }

    /// The `firm` property, as JSON text: what the page already knows about the visitor's
    /// firm. Fills the form; an invalid firm is reported in the widget and ignored.
    pub fn set_firm(&self, json: Option<String>) {
        self.update(|_, s| {
            s.prefill_error = None;
            s.prefill = None;
            if let Some(text) = json.as_deref().filter(|t| !t.trim().is_empty() && t.trim() != "null") {
                match Firm::from_json_partial(text) {
                    Ok(firm) => s.prefill = Some(firm),
                    Err(error) => s.prefill_error = Some(error),
                }
            }
            apply_prefill(s);
            Ok(Render::All)
        });
    }

    /// Show the loading state (a new `policy` is being fetched).
    pub fn loading(&self) {
        self.update(|_, s| {
            s.held = false;
            s.phase = Phase::Loading;
            Ok(Render::All)
        });
    }

    /// Use a pack: its JSON text, or the bundled default pack when `None`.
    pub fn use_policy(&self, url: Option<String>, text: Option<String>) {
        self.update(|_, s| {
            s.held = false;
            let parsed = match text.as_deref() {
                Some(text) => Policy::from_json(text),
                None => Policy::try_default(),
            };
            s.phase = match parsed {
                Ok(policy) => Phase::Ready(Box::new(policy)),
                Err(error) => {
                    Phase::Failed { url: url.clone().unwrap_or_default(), reason: error.message(s.lang), invalid: true }
                }
            };
            s.ready_sent = false;
            s.consent = None;
            s.sent = None;
            apply_prefill(s);
            if let Phase::Failed { url, reason, .. } = &s.phase {
                s.effects.push(Effect::Dispatch("prequal:error", summary::error(url, reason, true)));
            }
            Ok(Render::All)
        });
    }

    /// The pack at `url` could not be fetched: show why.
    pub fn policy_failed(&self, url: String, reason: String) {
        self.update(|_, s| {
            s.effects.push(Effect::Dispatch("prequal:error", summary::error(&url, &reason, false)));
            s.held = false;
            s.phase = Phase::Failed { url, reason, invalid: false };
            Ok(Render::All)
        });
    }
}

/// How much to re-render after a change.
pub(crate) enum Render {
    Nothing,
    /// The field's message and the results (by the question's id).
    Field(String),
    /// The step shown.
    Steps,
    /// The results only.
    Results,
    /// Everything.
    All,
}

impl Widget {
    fn update(&self, change: impl FnOnce(&Shared, &mut State) -> R<Render>) {
        update(&self.shared, change);
    }
}

/// Borrow the state, apply `change`, re-render, then run the effects.
fn update(shared: &Rc<Shared>, change: impl FnOnce(&Shared, &mut State) -> R<Render>) {
    let Ok(mut state) = shared.state.try_borrow_mut() else { return };
    let render = change(shared, &mut state);
    let effects = finish(shared, &mut state, render);
    drop(state);
    run(shared, effects);
}

/// Re-render after a change (not generic: one copy for every entry point).
fn finish(shared: &Shared, s: &mut State, render: R<Render>) -> Vec<Effect> {
    if !s.held {
        let outcome = render.and_then(|render| match render {
            Render::Nothing => Ok(()),
            // The questions change with the industry (the size class needs other figures)
            // and the products shown: then the whole form is rebuilt.
            Render::Field(key) => {
                if evaluate(s) {
                    s.effects.push(Effect::Focus(format!("pq-f-{key}")));
                    return view::all(shared, s);
                }
                view::field_message(shared, s, &key, false)?;
                view::results(shared, s)
            }
            Render::Steps => view::steps(shared, s),
            Render::Results => {
                if evaluate(s) {
                    return view::all(shared, s);
                }
                view::results(shared, s)
            }
            Render::All => {
                evaluate(s);
                view::all(shared, s)
            }
        });
        if let Err(error) = outcome {
            view::broken(shared, s, &error);
        }
    }
    std::mem::take(&mut s.effects)
}

/// Run the effects, with the state no longer borrowed.
fn run(shared: &Shared, effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::Dispatch(name, detail) => {
                let init = CustomEventInit::new();
                init.set_bubbles(true);
                init.set_composed(true);
                init.set_detail(&js_sys::JSON::parse(&detail).unwrap_or(JsValue::NULL));
                if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
                    let _ = shared.host.dispatch_event(&event);
                }
            }
            Effect::Focus(id) => {
                if let Some(el) = shared.root.get_element_by_id(&id) {
                    dom::focus(&el);
                }
            }
            Effect::HostLang(tag) => {
                if shared.host.get_attribute("lang").as_deref() != Some(tag) {
                    let _ = shared.host.set_attribute("lang", tag);
                }
            }
        }
    }
}

/// The date the evaluation is for: the `as-of` attribute if it is a date, else the pack's.
pub(crate) fn as_of(s: &State, policy: &Policy) -> (Date, bool) {
    match s.as_of.as_deref().map(str::parse::<Date>) {
        Some(Ok(date)) => (date, true),
        Some(Err(_)) | None => (policy.market.as_of, s.as_of.is_none()),
    }
}

fn apply_prefill(s: &mut State) {
    let Phase::Ready(policy) = &s.phase else { return };
    let Some(firm) = s.prefill.take() else { return };
    let (date, _) = as_of(s, policy);
    s.form.prefill(&firm, date);
    if firm.park.is_none() {
        if let Some(park) = &s.park {
            s.form.set(Input::Park, park);
        }
    }
}

/// Evaluate the form's firm against the pack; find the questions to ask and those still
/// open; queue `prequal:ready` (first time) and `prequal:result`. Returns whether the
/// questions asked changed (the form must be rebuilt).
fn evaluate(s: &mut State) -> bool {
    let Phase::Ready(policy) = &s.phase else {
        s.report = None;
        return false;
    };
    let (firm, problems) = s.form.to_firm(&policy.facts);
    let (date, _) = as_of(s, policy);
    let products = policy.products.iter().filter(|p| s.products.as_ref().is_none_or(|ids| ids.contains(&p.id)));
    let asked = questions::form_questions(policy, products, firm.industry);
    let changed = asked != s.asked;
    if changed {
        s.layout = form::layout(&asked);
        s.step = s.step.min(s.layout.len().saturating_sub(1));
        s.asked = asked;
    }
    let report = prequal::evaluate(policy, &firm, date);
    if !s.ready_sent {
        s.ready_sent = true;
        s.effects.push(Effect::Dispatch("prequal:ready", summary::ready(policy, s.lang)));
    }
    s.pending.clear();
    s.ranked.clear();
    if let Ok(report) = &report {
        let shown = shown(s, report);
        let open: Vec<Vec<Question>> = shown.iter().map(|q| questions::open_questions(policy, q, &firm)).collect();
        s.ranked = questions::rank_questions(policy, &open);
        // Each product's questions in the overall order: those deciding the most first.
        let ranked = &s.ranked;
        s.pending = open
            .iter()
            .map(|list| ranked.iter().filter(|(q, _)| list.contains(q)).map(|(q, _)| q.clone()).collect())
            .collect();
        s.effects.push(Effect::Dispatch("prequal:result", summary::result(report, &shown, &s.pending, s.lang)));
    }
    s.report = Some(report);
    s.firm = Some(firm);
    s.problems = problems;
    changed
}

/// The quotes the `products` attribute lets through, best first.
pub(crate) fn shown<'a>(s: &State, report: &'a Report) -> Vec<&'a prequal::report::Quote> {
    report.quotes.iter().filter(|q| s.products.as_ref().is_none_or(|ids| ids.contains(&q.product))).collect()
}

fn on_event(shared: &Rc<Shared>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    match event.type_().as_str() {
        "input" | "change" => on_field(shared, &target, event.type_() == "change"),
        "submit" => {
            event.prevent_default();
            update(shared, |_, s| next_step(s));
        }
        "click" => {
            if let Ok(Some(button)) = target.closest("[data-action]") {
                on_action(shared, &button);
            }
        }
        "toggle" if target.tag_name().eq_ignore_ascii_case("details") => on_toggle(shared, &target),
        _ => {}
    }
}

fn on_field(shared: &Rc<Shared>, target: &Element, committed: bool) {
    if target.id() == "pq-consent-box" {
        return;
    }
    let Some(key) = target.get_attribute("name") else { return };
    let value = if let Some(el) = target.dyn_ref::<HtmlInputElement>() {
        el.value()
    } else if let Some(el) = target.dyn_ref::<HtmlSelectElement>() {
        el.value()
    } else {
        return;
    };
    update(shared, |shared, s| {
        // A question the form asks: a built-in input or one of the pack's facts.
        if !s.asked.iter().any(|q| q.id() == key) {
            return Ok(Render::Nothing);
        }
        let changed = s.form.set_text(&key, &value);
        if committed {
            // A committed value shows its message; typing only clears one.
            view::field_message(shared, s, &key, true)?;
        }
        if changed {
            s.consent = None;
            s.sent = None;
            Ok(Render::Field(key))
        } else {
            Ok(Render::Nothing)
        }
    });
}

fn on_action(shared: &Rc<Shared>, button: &Element) {
    let action = button.get_attribute("data-action").unwrap_or_default();
    let product = button.get_attribute("data-product").unwrap_or_default();
    update(shared, |shared, s| match action.as_str() {
        "lang" => {
            let lang = button.get_attribute("data-lang").as_deref().and_then(Lang::parse).unwrap_or_default();
            if lang == s.lang {
                return Ok(Render::Nothing);
            }
            s.lang = lang;
            s.effects.push(Effect::HostLang(crate::i18n::tag(lang)));
            s.effects.push(Effect::Focus(format!("pq-lang-{}", crate::i18n::tag(lang))));
            Ok(Render::All)
        }
        "step" => {
            let step = button.get_attribute("data-step").and_then(|n| n.parse().ok()).unwrap_or(0);
            go_to(s, step, None);
            Ok(Render::Steps)
        }
        "ask" => {
            // A question listed with the results: its step, and the focus on its input.
            let id = button.get_attribute("data-q").unwrap_or_default();
            let Some(step) = s.layout.iter().position(|st| st.questions.iter().any(|q| q.id() == id)) else {
                return Ok(Render::Nothing);
            };
            go_to(s, step, Some(format!("pq-f-{id}")));
            Ok(Render::Steps)
        }
        "prev" => {
            go_to(s, s.step.saturating_sub(1), None);
            Ok(Render::Steps)
        }
        "apply" => {
            s.consent = Some(Consent { product, nagged: false });
            s.sent = None;
            s.effects.push(Effect::Focus("pq-consent-title".into()));
            Ok(Render::Results)
        }
        "consent-cancel" => {
            let back = s.consent.take().map(|c| c.product);
            if let Some(index) = back.and_then(|p| shown_index(s, &p)) {
                s.effects.push(Effect::Focus(format!("pq-apply-{index}")));
            }
            Ok(Render::Results)
        }
        "consent-submit" => {
            let agreed = shared
                .root
                .get_element_by_id("pq-consent-box")
                .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|el| el.checked());
            submit(s, agreed);
            Ok(Render::Results)
        }
        _ => Ok(Render::Nothing),
    });
}

fn shown_index(s: &State, product: &str) -> Option<usize> {
    let Some(Ok(report)) = &s.report else { return None };
    shown(s, report).iter().position(|q| q.product == product)
}

fn submit(s: &mut State, agreed: bool) {
    let Some(consent) = &mut s.consent else { return };
    if !agreed {
        consent.nagged = true;
        s.effects.push(Effect::Focus("pq-consent-box".into()));
        return;
    }
    let product = consent.product.clone();
    if let (Some(Ok(report)), Some(firm)) = (&s.report, &s.firm) {
        let shown = shown(s, report);
        if let Some((index, quote)) = shown.iter().enumerate().find(|(_, q)| q.product == product) {
            s.effects.push(Effect::Dispatch(
                "prequal:apply",
                summary::apply(report, quote, index + 1, s.pending.get(index).map_or(&[], Vec::as_slice), firm, s.lang),
            ));
        }
    }
    s.consent = None;
    s.sent = Some(product);
    s.effects.push(Effect::Focus("pq-sent".into()));
}

/// Show step `step` and focus `focus`, or the step's first question.
fn go_to(s: &mut State, step: usize, focus: Option<String>) {
    s.step = step.min(s.layout.len().saturating_sub(1));
    let first = s.layout.get(s.step).and_then(|st| st.questions.first()).map(|q| format!("pq-f-{}", q.id()));
    if let Some(id) = focus.or(first) {
        s.effects.push(Effect::Focus(id));
    }
}

fn next_step(s: &mut State) -> R<Render> {
    if s.step + 1 < s.layout.len() {
        go_to(s, s.step + 1, None);
        Ok(Render::Steps)
    } else {
        s.effects.push(Effect::Focus("pq-results-title".into()));
        Ok(Render::Nothing)
    }
}

fn on_toggle(shared: &Rc<Shared>, details: &Element) {
    let Some(product) = details.get_attribute("data-product") else { return };
    let open = details.has_attribute("open");
    update(shared, |shared, s| {
        s.open.retain(|p| *p != product);
        if open {
            s.open.push(product.clone());
            view::schedule(shared, s, details, &product)?;
        }
        Ok(Render::Nothing)
    });
}
