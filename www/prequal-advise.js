// <prequal-widget>'s "compare options" panel: for the amount the visitor asks, the product,
// term and repayment method that cost least, what that saves against the visitor's own
// choice, and the trade-off between a lower monthly payment and a higher total cost (the
// advisor's frontier) as a chart and a list. Choosing an option sets the form's term and
// method, and the widget's cards follow.
//
// Loaded by prequal-widget.js only when a visitor opens the panel: it brings the SDK built
// with the advisor (advise-pkg/, `scripts/build-wasm.sh --with-advise`), so the widget's
// first result never waits for it. Every figure shown is the engine's decimal string, only
// grouped and given its unit; JS numbers only place the chart's points.
import init, { advise, defaultPolicy } from './advise-pkg/prequal.js';

const ready = init({ module_or_path: new URL('./advise-pkg/prequal_bg.wasm', import.meta.url) });

const TEXT = {
  'zh-CN': {
    title: '比较借款方案',
    intro: '按您申请的金额，比较各产品、期限和还款方式：总成本已扣除贴息和担保费补贴。',
    cap: '每期还款上限（元，可选）',
    capHint: '只看每期本息不超过此数的方案。',
    loading: '正在计算……',
    best: '最省的方案',
    saves: (s) => `比您当前的选择少花 ${s}。`,
    same: '您当前的选择已是最省的方案。',
    frontier: '月供与总成本的取舍',
    frontierHint: '每期还得越少，总成本越高；以下每个方案都没有另一个方案在两方面都更好。',
    use: '选用此方案',
    yours: '您当前的选择',
    chosen: (o) => `已选用：${o}。结果已更新。`,
    none: '在这些条件下没有可行的方案。',
    excluded: '未纳入比较的产品',
    close: '收起',
    needAmount: '请先在表单中填写申请金额。',
    months: (n) => `${n} 个月`,
    total: '总成本（扣除补贴）',
    maxPay: '每期最高还款',
    apr: '补贴后年化成本',
    methods: { equal_installment: '等额本息', equal_principal: '等额本金', interest_only: '先息后本' },
    chart: '总成本（纵轴）与每期最高还款（横轴）',
  },
  en: {
    title: 'Compare ways to borrow',
    intro: 'For the amount you ask, every product, term and repayment method compared: total costs are after interest and guarantee fee subsidies.',
    cap: 'Most you can pay per period (yuan, optional)',
    capHint: 'Only options whose largest payment (principal + interest) is within it.',
    loading: 'Working it out…',
    best: 'The cheapest option',
    saves: (s) => `It saves ${s} against your current choice.`,
    same: 'Your current choice is already the cheapest.',
    frontier: 'Monthly payment against total cost',
    frontierHint: 'Paying less each period costs more in total; no option below is beaten on both.',
    use: 'Use this option',
    yours: 'your current choice',
    chosen: (o) => `Chosen: ${o}. The results are updated.`,
    none: 'No option meets these conditions.',
    excluded: 'Products left out',
    close: 'Close',
    needAmount: 'Enter the loan amount in the form first.',
    months: (n) => `${n} months`,
    total: 'Total cost after subsidies',
    maxPay: 'Largest payment',
    apr: 'Net APR',
    methods: { equal_installment: 'equal installments', equal_principal: 'equal principal', interest_only: 'interest only' },
    chart: 'Total cost (up) against the largest payment (across)',
  },
};

const SHEET = `
.pq-advise { margin: 1rem 0; padding: 1rem; border: 1px solid var(--pq-line, #d9dee6); border-radius: 12px; background: var(--pq-card, #fff); }
.pq-advise h3 { margin: 0 0 .25rem; font-size: 1.1em; }
.pq-advise h4 { margin: 1rem 0 .25rem; font-size: 1em; }
.pq-advise p { margin: .25rem 0; }
.pq-advise .pq-advise-hint { color: var(--pq-muted, #4f5a68); font-size: .9em; }
.pq-advise label { display: block; font-weight: 600; margin-top: .75rem; }
.pq-advise input { font: inherit; width: 100%; max-width: 16rem; padding: .4rem .5rem; border: 1px solid #8b95a3; border-radius: 8px; }
.pq-advise-best { margin: .75rem 0; padding: .75rem; border-radius: 8px; background: var(--pq-accent-soft, #e8f0fb); }
.pq-advise ol { padding-left: 1.25rem; margin: .5rem 0; }
.pq-advise li { margin: .5rem 0; }
.pq-advise li.pq-advise-current { font-weight: 600; }
.pq-advise svg { display: block; width: 100%; max-width: 28rem; height: auto; margin: .5rem 0; }
.pq-advise dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .75rem; margin: .25rem 0; }
.pq-advise dt { color: var(--pq-muted, #4f5a68); }
.pq-advise dd { margin: 0; font-variant-numeric: tabular-nums; }
.pq-advise-error { color: #a4161a; }
.pq-advise-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; margin: 0; }
`;

let sheet;

/** Open the panel in `root` (the widget's shadow root) after its results. */
export function open(host, widget, root, context) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SHEET);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const panel = new Panel(host, widget, root, context);
  panel.update(context.result, true);
  return panel;
}

/** `1234567.5` → `1,234,567.5`, on the text. */
function grouped(text) {
  return text.replace(/^(-?)(\d+)/, (_, sign, whole) => sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

/** An amount with its unit, as the widget writes it: `1,234.50 元` / `¥1,234.50`. */
function money(lang, text) {
  return lang === 'en' ? `¥${grouped(text)}` : `${grouped(text)}\u00a0元`;
}

/** A fraction as a percentage, exactly (`0.034512` → `3.4512%`). */
function percent(text) {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const padded = fraction.padEnd(2, '0');
  const integer = (whole + padded.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return `${negative ? '-' : ''}${integer}${rest ? `.${rest}` : ''}%`;
}

/** `a − b` of two decimal strings, exactly (BigInt on a common scale). */
function minus(a, b) {
  const scale = Math.max((a.split('.')[1] ?? '').length, (b.split('.')[1] ?? '').length);
  const units = (t) => {
    const negative = t.startsWith('-');
    const [w, f = ''] = t.replace('-', '').split('.');
    const v = BigInt(w + f.padEnd(scale, '0'));
    return negative ? -v : v;
  };
  const d = units(a) - units(b);
  const negative = d < 0n;
  const digits = (negative ? -d : d).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

class Panel {
  constructor(host, widget, root, context) {
    this.host = host;
    this.widget = widget;
    this.root = root;
    this.pack = context.pack;
    this.result = context.result;
    this.run = 0;
    this.section = el('section', { id: 'pq-advise', class: 'pq-advise', 'aria-labelledby': 'pq-advise-title' });
    this.title = el('h3', { id: 'pq-advise-title', tabindex: '-1' });
    this.intro = el('p', { class: 'pq-advise-hint' });
    this.capLabel = el('label', { for: 'pq-advise-max-payment' });
    this.cap = el('input', { id: 'pq-advise-max-payment', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': 'pq-advise-cap-hint' });
    this.capHint = el('p', { id: 'pq-advise-cap-hint', class: 'pq-advise-hint' });
    this.body = el('div', { id: 'pq-advise-body' });
    // One line for screen readers after each change, not the whole list again.
    this.status = el('p', { id: 'pq-advise-status', role: 'status', class: 'pq-advise-sr' });
    this.section.append(this.title, this.intro, this.capLabel, this.cap, this.capHint, this.status, this.body);
    this.cap.addEventListener('change', () => this.update(this.result));
    this.section.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-option]');
      if (button) this.choose(Number(button.dataset.option));
    });
  }

  get lang() {
    return this.widget.lang() === 'en' ? 'en' : 'zh-CN';
  }

  /** Show the panel (again, if the widget re-rendered around it) and work out the advice. */
  async update(result, focus = false) {
    this.result = result ?? this.result;
    const t = TEXT[this.lang];
    const body = this.root.getElementById('pq-results-body');
    this.root.getElementById('pq-advise-open')?.remove();
    if (body && this.section.previousElementSibling !== body) body.after(this.section);
    this.title.textContent = t.title;
    this.intro.textContent = t.intro;
    this.capLabel.textContent = t.cap;
    this.capHint.textContent = t.capHint;
    const run = ++this.run;
    this.body.replaceChildren(el('p', {}, t.loading));
    let content;
    try {
      await ready;
      content = this.render(this.advice());
    } catch (error) {
      content = [el('p', { class: 'pq-advise-error', role: 'alert' }, String(error?.message ?? error))];
    }
    if (run !== this.run) return;
    this.body.replaceChildren(...content);
    const best = this.advised?.best;
    this.status.textContent = best
      ? `${t.best}: ${this.describe(best)}, ${t.total} ${money(this.lang, best.total_cost_net)}`
      : (content[0]?.textContent ?? '');
    // Keyboard users keep their place: on opening and after choosing an option (whose
    // button the new advice replaced), the panel's heading takes the focus.
    if (focus || this.refocus) this.title.focus();
    this.refocus = false;
  }

  /** The pack as the widget uses it, only its shown products (the `products` attribute). */
  policy() {
    const pack = this.pack ? JSON.parse(this.pack) : defaultPolicy();
    const shown = this.host.getAttribute('products');
    if (shown) {
      const ids = shown.split(',').map((s) => s.trim()).filter(Boolean);
      pack.products = pack.products.filter((p) => ids.includes(p.id));
    }
    return pack;
  }

  advice() {
    this.advised = null;
    const firm = this.widget.firm_json();
    this.firm = firm ? JSON.parse(firm) : null;
    if (!this.firm?.requested_amount) return null;
    const cap = this.cap.value.trim().replaceAll(',', '');
    this.policyDoc = this.policy();
    const request = cap ? { maxPayment: cap } : {};
    this.advised = advise(this.policyDoc, this.firm, request, this.host.getAttribute('as-of') || undefined, this.lang);
    return this.advised;
  }

  /** "Product · 24 months · equal installments". */
  describe(option) {
    const t = TEXT[this.lang];
    const product = this.policyDoc.products.find((p) => p.id === option.product);
    const name = product ? (this.lang === 'en' ? product.name.en : product.name['zh-CN']) : option.product;
    return `${name} · ${t.months(option.term_months)} · ${t.methods[option.method] ?? option.method}`;
  }

  figures(option) {
    const t = TEXT[this.lang];
    return el('dl', {},
      el('dt', {}, t.total), el('dd', {}, money(this.lang, option.total_cost_net)),
      el('dt', {}, t.maxPay), el('dd', {}, money(this.lang, option.max_payment)),
      el('dt', {}, t.apr), el('dd', {}, percent(option.apr_net)));
  }

  /** The visitor's own choice: the widget's first eligible quote with a loan. */
  current() {
    return this.result?.quotes?.find((q) => q.verdict === 'eligible' && q.loan) ?? null;
  }

  /** Whether `option` is the visitor's own choice. */
  isCurrent(option) {
    const mine = this.current();
    return !!mine && mine.product === option.product && mine.loan.term_months === option.term_months && mine.loan.method === option.method;
  }

  render(advice) {
    const t = TEXT[this.lang];
    if (!advice) return [el('p', {}, t.needAmount)];
    const out = [];
    if (!advice.best) {
      out.push(el('p', {}, t.none));
    } else {
      const best = advice.best;
      const box = el('div', { class: 'pq-advise-best', id: 'pq-advise-best' },
        el('h4', {}, t.best), el('p', {}, this.describe(best)), this.figures(best));
      const mine = this.current();
      if (mine && this.isCurrent(best)) {
        box.append(el('p', { id: 'pq-advise-saving' }, t.same));
      } else if (mine && mine.loan.amount === best.amount) {
        const saving = minus(mine.loan.total_cost_net, best.total_cost_net);
        if (!saving.startsWith('-')) box.append(el('p', { id: 'pq-advise-saving' }, t.saves(money(this.lang, saving))));
      }
      box.append(this.useButton(best));
      out.push(box);
      out.push(el('h4', {}, t.frontier), el('p', { class: 'pq-advise-hint' }, t.frontierHint));
      out.push(this.chart(advice.frontier));
      const list = el('ol', { id: 'pq-advise-frontier' });
      for (const option of advice.frontier) {
        const mark = this.isCurrent(option) ? ` (${t.yours})` : '';
        const item = el('li', {}, el('p', {}, this.describe(option) + mark), this.figures(option), this.useButton(option));
        if (mark) item.className = 'pq-advise-current';
        list.append(item);
      }
      out.push(list);
    }
    if (advice.excluded.length) {
      const details = el('details', {}, el('summary', {}, `${t.excluded} (${advice.excluded.length})`));
      const list = el('ul', {});
      for (const x of advice.excluded) {
        const product = this.policyDoc.products.find((p) => p.id === x.product);
        const name = product ? (this.lang === 'en' ? product.name.en : product.name['zh-CN']) : x.product;
        list.append(el('li', {}, `${name}: ${this.lang === 'en' ? x.reason.en : x.reason['zh-CN']}`));
      }
      details.append(list);
      out.push(details);
    }
    return out;
  }

  /** A button that chooses `option` (found among the options by product, term and method). */
  useButton(option) {
    const t = TEXT[this.lang];
    const index = this.advised.options.findIndex(
      (o) => o.product === option.product && o.term_months === option.term_months && o.method === option.method,
    );
    return el('button', { type: 'button', class: 'pq-btn', 'data-option': String(index), 'aria-label': `${t.use}: ${this.describe(option)}` }, t.use);
  }

  /** The frontier: total cost against the largest payment, as points joined by a line. */
  chart(frontier) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    const [w, h, pad] = [320, 160, 12];
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.id = 'pq-advise-chart';
    const xs = frontier.map((o) => Number(o.max_payment));
    const ys = frontier.map((o) => Number(o.total_cost_net));
    const span = (v) => [Math.min(...v), Math.max(...v) - Math.min(...v) || 1];
    const [x0, dx] = span(xs);
    const [y0, dy] = span(ys);
    const at = (i) => [pad + ((xs[i] - x0) / dx) * (w - 2 * pad), h - pad - ((ys[i] - y0) / dy) * (h - 2 * pad)];
    const line = document.createElementNS(NS, 'polyline');
    line.setAttribute('points', frontier.map((_, i) => at(i).map((v) => v.toFixed(1)).join(',')).join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', '#0b5cad');
    line.setAttribute('stroke-width', '2');
    svg.append(line);
    frontier.forEach((_, i) => {
      const dot = document.createElementNS(NS, 'circle');
      const [cx, cy] = at(i);
      dot.setAttribute('cx', cx.toFixed(1));
      dot.setAttribute('cy', cy.toFixed(1));
      dot.setAttribute('r', i === 0 ? '5' : '4');
      dot.setAttribute('fill', '#0b5cad');
      svg.append(dot);
    });
    const title = document.createElementNS(NS, 'title');
    title.textContent = TEXT[this.lang].chart;
    svg.prepend(title);
    return svg;
  }

  /** Set the form's term and method to an option's; the widget re-evaluates. */
  choose(index) {
    const option = this.advised?.options?.[index];
    if (!option) return;
    const set = (id, value) => {
      const input = this.root.getElementById(id);
      if (!input) return;
      // A term the form's list lacks (30 months): add it; the widget keeps it listed.
      if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === String(value))) {
        input.append(new Option(String(value), String(value)));
      }
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    this.refocus = true;
    set('pq-f-term_months', option.term_months);
    set('pq-f-repayment_method', option.method);
    const live = this.root.getElementById('pq-live');
    if (live) live.textContent = TEXT[this.lang].chosen(this.describe(option));
  }
}
