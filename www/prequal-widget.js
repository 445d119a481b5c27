// <prequal-widget>: loan pre-qualification for park and bank websites.
//
//   <script type="module" src="https://example.org/prequal/prequal-widget.js"></script>
//   <prequal-widget lang="zh-CN" park="xinghe-world"></prequal-widget>
//
// This loader only defines the element: rendering, validation and every calculation are
// done by the WASM module (crates/prequal-widget) inside the element's shadow root. The
// only request the widget makes besides its own files is fetching the `policy` pack; it
// sends nothing anywhere, sets no cookies and uses no storage. The host page hears results
// through DOM events: prequal:ready, prequal:result, prequal:apply (and prequal:error).
// The "compare options" panel (prequal-advise.js, with the SDK's advisor) is loaded only
// when a visitor opens it, so no first result waits for it.

import init, { Widget } from './pkg/prequal_widget.js';

const here = import.meta.url;
// Marks for scripts/bench-widget.mjs (performance.getEntriesByType('mark')).
const mark = (name) => globalThis.performance?.mark?.(name);
mark('prequal:loader');
const ATTRIBUTES = ['policy', 'park', 'lang', 'products', 'as-of'];

// Start fetching the engine and the stylesheet as soon as the script loads, before any
// element is connected: they are shared by every <prequal-widget> on the page.
let engine;
function loadEngine() {
  engine ??= Promise.all([
    init({ module_or_path: new URL('./pkg/prequal_widget_bg.wasm', here) }),
    fetch(new URL('./prequal-widget.css', here), { credentials: 'omit' })
      .then((response) => (response.ok ? response.text() : ''))
      .catch(() => ''),
  ]).then(([, css]) => {
    mark('prequal:engine');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  return engine;
}
loadEngine().catch(() => {});

/** The pack at `url` as text, or why it could not be fetched. */
async function fetchPolicy(url) {
  try {
    const response = await fetch(new URL(url, document.baseURI), { credentials: 'omit' });
    if (!response.ok) return { failure: `HTTP ${response.status} ${response.statusText}`.trim() };
    return { text: await response.text() };
  } catch (error) {
    return { failure: String(error?.message ?? error) };
  }
}

const ADVISE_LABEL = { 'zh-CN': '比较借款方案：怎样借最省', en: 'Compare ways to borrow: the cheapest' };
let advisor;

/** The `firm` property as JSON text for the engine (which validates it). */
function firmJson(value) {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  } catch (error) {
    return JSON.stringify({ error: String(error?.message ?? error) });
  }
}

class PrequalWidget extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  #widget = null;
  #started = false;
  #firm = undefined;
  #request = 0;
  #pack = null;
  #advice = null;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  /** What the page already knows about the visitor's firm (an object in the firm JSON
   *  format: industry, employees, years_in_park, ...). Fills the form. */
  get firm() {
    return this.#firm;
  }

  set firm(value) {
    this.#firm = value;
    this.#widget?.set_firm(firmJson(value));
  }

  connectedCallback() {
    // A `firm` set before this element was upgraded is an own property: take it over.
    if (Object.prototype.hasOwnProperty.call(this, 'firm')) {
      const value = this.firm;
      delete this.firm;
      this.firm = value;
    }
    if (this.#started) return;
    this.#started = true;
    const policy = this.getAttribute('policy');
    const pack = policy ? fetchPolicy(policy) : null;
    const request = ++this.#request;
    loadEngine()
      .then((sheet) => {
        this.shadowRoot.adoptedStyleSheets = [sheet];
        const widget = new Widget(this, this.shadowRoot);
        this.#widget = widget;
        this.addEventListener('prequal:result', (event) => this.#offerAdvice(event.detail));
        widget.set_lang(this.getAttribute('lang'));
        widget.set_park(this.getAttribute('park'));
        widget.set_products(this.getAttribute('products'));
        widget.set_as_of(this.getAttribute('as-of'));
        if (this.#firm !== undefined) widget.set_firm(firmJson(this.#firm));
        const now = this.getAttribute('policy');
        if (now !== policy) return this.#usePolicy(now, now ? fetchPolicy(now) : null, ++this.#request);
        return this.#usePolicy(policy, pack, request);
      })
      .catch((error) => this.#fatal(error));
  }

  attributeChangedCallback(name, old, value) {
    const widget = this.#widget;
    if (!widget || old === value) return;
    switch (name) {
      case 'policy':
        this.#usePolicy(value, value ? fetchPolicy(value) : null, ++this.#request);
        break;
      case 'park':
        widget.set_park(value);
        break;
      case 'lang':
        widget.set_lang(value);
        break;
      case 'products':
        widget.set_products(value);
        break;
      case 'as-of':
        widget.set_as_of(value);
        break;
    }
  }

  /** After each result: the button that opens the advisor's panel, or the open panel
   *  brought up to date. */
  #offerAdvice(result) {
    const root = this.shadowRoot;
    const body = root.getElementById('pq-results-body');
    if (!body) return;
    if (this.#advice) return this.#advice.update(result);
    let button = root.getElementById('pq-advise-open');
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.id = 'pq-advise-open';
      button.className = 'pq-btn pq-advise-open';
      button.onclick = () => {
        button.disabled = true;
        advisor ??= import(new URL('./prequal-advise.js', here).href);
        advisor
          .then((m) => (this.#advice = m.open(this, this.#widget, root, { pack: this.#pack, result })))
          .catch(() => {
            advisor = undefined; // try again on the next click
            button.disabled = false;
          });
      };
    }
    button.textContent = ADVISE_LABEL[this.#widget.lang()] ?? ADVISE_LABEL.en;
    if (button.previousElementSibling !== body) body.after(button);
  }

  async #usePolicy(url, pack, request) {
    const widget = this.#widget;
    this.#pack = null;
    if (!url) {
      widget.use_policy(undefined, undefined);
      return;
    }
    widget.loading();
    const { text, failure } = await pack;
    if (request !== this.#request) return; // a newer `policy` won
    this.#pack = failure === undefined ? text : null;
    if (failure === undefined) widget.use_policy(url, text);
    else widget.policy_failed(url, failure);
  }

  #fatal(error) {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = '预审组件无法加载，请刷新页面重试。The pre-check could not load; please reload the page.';
    this.shadowRoot.replaceChildren(p);
    this.dispatchEvent(
      new CustomEvent('prequal:error', {
        bubbles: true,
        composed: true,
        detail: { reason: String(error?.message ?? error), invalid: false },
      }),
    );
  }
}

if (!customElements.get('prequal-widget')) {
  customElements.define('prequal-widget', PrequalWidget);
}

export { PrequalWidget };
