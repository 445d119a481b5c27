// The park staff page (www/screen.html): choose a tenant list, screen it in a Web Worker
// (screen-worker.js) on the device, then show the portfolio totals with charts and offer the
// rows as a CSV download, the same rows `prequal screen --format csv` writes.
//
// Every figure shown is the engine's decimal string, only grouped in thousands for reading;
// numbers in JS only size the bars of the charts, which repeat the tables beside them.

const TEXT = {
  'zh-CN': {
    home: '← prequal 演示',
    title: '园区租户筛查',
    lead: '选择租户名单（CSV），即可在本机浏览器内算出每家企业的最优产品、结论、额度与贴息，并汇总所需贴息预算和各方风险。文件不会上传，也不会离开本设备。',
    file: '租户名单（CSV，UTF-8）',
    fileHint: '表头可用英文字段名或中文表头（如 行业、从业人数、营业收入），与命令行 prequal screen 相同；行业为必填列。',
    sample: '下载示例名单',
    pack: '数据包（可选，JSON）',
    packHint: '不选则使用内置数据包“深圳园区贷 2.0（示例）”。',
    asOf: '测算日期（可选）',
    asOfHint: '不填则使用数据包的基准日期。',
    start: '开始筛查',
    progress: '进度',
    results: '筛查结果',
    download: '下载结果（CSV）',
    footer: '结果为预估，不构成贷款要约。合计为各企业最优报价的精确加总（假设每家结论为“符合条件”的企业按最优报价借款）。',
    other: 'English',
    chooseFile: '请先选择租户名单文件。',
    reading: '正在读取文件……',
    running: (rows, pct) => `已筛查 ${rows} 家（${pct}%）……`,
    done: (rows, secs, rate) => `已完成：${rows} 家企业，用时 ${secs} 秒（约 ${rate} 家/秒）。`,
    packUsed: (name, id, asOf) => `数据包：${name}（${id}），测算日期 ${asOf}`,
    packUnreadable: '数据包文件无法读取为文本。',
    failed: '无法筛查：',
    overview: '概况',
    firms: '企业数',
    errors: '无法评估的行',
    verdicts: '按最优结论',
    eligible: '符合条件',
    needs_info: '需补充信息',
    ineligible: '不符合条件',
    error: '无法评估',
    money: '符合条件企业的贷款与补贴（元）',
    eligibleFirms: '符合条件的企业',
    loanAmount: '贷款金额合计',
    interestSubsidy: '贴息合计',
    feeSubsidy: '担保费补贴合计',
    byScheme: '按补贴方案（各预算需预留）',
    scheme: '补贴方案',
    provider: '出资方',
    amount: '金额（元）',
    byRole: '违约损失按承担方（元，假设全部违约）',
    role: '承担方',
    aprs: '符合条件企业的补贴后年化成本（APR）分布',
    band: '区间',
    count: '企业数',
    none: '无',
    roles: { bank: '银行', guarantor: '担保机构', re_guarantor: '再担保机构', government: '政府', risk_pool: '风险补偿资金池', park: '园区' },
    fileName: 'prequal-screen.csv',
  },
  en: {
    home: '← prequal demo',
    title: 'Tenant screening',
    lead: 'Choose a tenant list (CSV) and see, in this browser, each firm’s best product, verdict, limit and subsidy, with the subsidy budget and every party’s risk added up. The file is not uploaded and never leaves this device.',
    file: 'Tenant list (CSV, UTF-8)',
    fileHint: 'Headers are the English field names or the Chinese headers parks use (行业, 从业人数, 营业收入 …), as for the prequal screen command; industry is required.',
    sample: 'Download a sample list',
    pack: 'Policy pack (optional, JSON)',
    packHint: 'Without one, the bundled pack “Shenzhen park loan 2.0 (illustrative)”.',
    asOf: 'Evaluation date (optional)',
    asOfHint: 'Default: the pack’s own date.',
    start: 'Screen',
    progress: 'Progress',
    results: 'Results',
    download: 'Download the results (CSV)',
    footer: 'Results are estimates, not loan offers. Totals are exact sums of each firm’s best quote (assuming every firm whose best verdict is eligible borrows that quote’s loan).',
    other: '中文',
    chooseFile: 'Choose a tenant list first.',
    reading: 'Reading the file…',
    running: (rows, pct) => `Screened ${rows} firms (${pct}%)…`,
    done: (rows, secs, rate) => `Done: ${rows} firms in ${secs} s (about ${rate} firms/s).`,
    packUsed: (name, id, asOf) => `Pack: ${name} (${id}), evaluated on ${asOf}`,
    packUnreadable: 'The pack file could not be read as text.',
    failed: 'Could not screen: ',
    overview: 'Overview',
    firms: 'Firms',
    errors: 'Rows that could not be evaluated',
    verdicts: 'By best verdict',
    eligible: 'Eligible',
    needs_info: 'Needs information',
    ineligible: 'Not eligible',
    error: 'Could not evaluate',
    money: 'Loans and subsidies of the eligible firms (yuan)',
    eligibleFirms: 'Eligible firms',
    loanAmount: 'Loans in all',
    interestSubsidy: 'Interest subsidies in all',
    feeSubsidy: 'Guarantee fee subsidies in all',
    byScheme: 'By subsidy scheme (what each budget must reserve)',
    scheme: 'Scheme',
    provider: 'Paid by',
    amount: 'Amount (yuan)',
    byRole: 'Default loss by party (yuan, if every loan defaulted)',
    role: 'Party',
    aprs: 'Net APR of the eligible firms’ best quotes',
    band: 'Band',
    count: 'Firms',
    none: 'None',
    roles: { bank: 'Bank', guarantor: 'Guarantor', re_guarantor: 'Re-guarantor', government: 'Government', risk_pool: 'Risk pool', park: 'Park' },
    fileName: 'prequal-screen.csv',
  },
};

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const UTF8_BOM = '\uFEFF';

let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
let worker = null;
let downloadUrl = null;
let lastDone = null;

const t = () => TEXT[lang];

/** `1234567.50` → `1,234,567.50`, on the text itself (no rounding, no binary float). */
function grouped(decimal) {
  const text = String(decimal);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + withCommas + (fraction === undefined ? '' : '.' + fraction);
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function svgElement(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** A table of label → value rows with a caption; `numeric` right-aligns the last column. */
function table(caption, headers, rows) {
  const head = element('tr', {}, ...headers.map((h) => element('th', { scope: 'col' }, h)));
  const body = rows.map(([label, ...values]) =>
    element('tr', {}, element('th', { scope: 'row' }, label), ...values.map((v) => element('td', { class: 'num' }, v))),
  );
  return element('table', {}, element('caption', {}, caption), element('thead', {}, head), element('tbody', {}, ...body));
}

/** Horizontal bars repeating a table (hidden from screen readers, which read the table):
 *  each label on its own line above its bar, so long scheme names are never cut. */
function bars(rows) {
  const width = 320;
  const rowHeight = 32;
  const max = Math.max(0, ...rows.map(([, value]) => Number(value)));
  const svg = svgElement('svg', {
    viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`,
    width: '100%',
    role: 'presentation',
    'aria-hidden': 'true',
    focusable: 'false',
    class: 'chart',
  });
  rows.forEach(([label, value], i) => {
    const y = i * rowHeight + 2;
    const length = max > 0 ? Math.max(0, (Number(value) / max) * width) : 0;
    const text = svgElement('text', { x: 0, y: y + 12, 'font-size': 12, fill: '#17202b' });
    text.textContent = label;
    svg.append(text, svgElement('rect', { x: 0, y: y + 16, width: length.toFixed(1), height: 12, rx: 2, fill: '#0b5cad' }));
  });
  return svg;
}

/** One block of the summary: a heading, a chart and its table. */
function block(title, headers, rows, chartRows = rows) {
  const figure = element('section', { class: 'block' }, element('h3', {}, title));
  if (rows.length === 0) {
    figure.append(element('p', { class: 'hint' }, t().none));
    return figure;
  }
  if (chartRows) figure.append(bars(chartRows));
  figure.append(table(title, headers, rows));
  return figure;
}

function renderSummary(summary) {
  const text = t();
  const totals = summary.totals;
  const eligible = totals.eligible;
  const verdicts = [
    [text.eligible, String(totals.by_verdict.eligible)],
    [text.needs_info, String(totals.by_verdict.needs_info)],
    [text.ineligible, String(totals.by_verdict.ineligible)],
    [text.error, String(totals.errors)],
  ];
  const name = (i18n) => (lang === 'en' ? i18n.en : i18n['zh-CN']);
  const schemeRows = Object.entries(eligible.subsidy_by_scheme).map(([id, amount]) => {
    const scheme = summary.schemes.find((s) => s.id === id);
    return [scheme ? name(scheme.name) : id, scheme ? name(scheme.provider) : '', grouped(amount)];
  });
  const roleRows = Object.entries(eligible.risk_by_role).map(([role, amount]) => [text.roles[role] ?? role, grouped(amount)]);
  const amounts = (rows, column) => rows.map((row) => [row[0], row[column].replaceAll(',', '')]);
  const container = $('pq-screen-summary');
  container.replaceChildren(
    block(text.overview, [text.overview, text.count], [
      [text.firms, String(totals.firms)],
      [text.errors, String(totals.errors)],
    ], null),
    block(text.verdicts, [text.verdicts, text.count], verdicts),
    block(text.money, [text.money, text.amount], [
      [text.eligibleFirms, String(eligible.firms)],
      [text.loanAmount, grouped(eligible.loan_amount)],
      [text.interestSubsidy, grouped(eligible.interest_subsidy)],
      [text.feeSubsidy, grouped(eligible.fee_subsidy)],
    ], null),
    block(text.byScheme, [text.scheme, text.provider, text.amount], schemeRows, amounts(schemeRows, 2)),
    block(text.byRole, [text.role, text.amount], roleRows, amounts(roleRows, 1)),
    block(text.aprs, [text.band, text.count], summary.apr_bands.map(([band, n]) => [band, String(n)])),
  );
  $('pq-screen-pack-used').textContent = text.packUsed(name(summary.policy_name), summary.policy, summary.as_of);
}

function showError(message) {
  const box = $('pq-screen-error');
  box.textContent = message;
  box.hidden = message === '';
}

function setMessage(message) {
  $('pq-screen-message').textContent = message;
}

function finish(data) {
  lastDone = data;
  const progress = $('pq-screen-progress');
  progress.value = progress.max;
  const secs = (data.ms / 1000).toFixed(2);
  const rate = data.ms > 0 ? Math.round((data.rows / data.ms) * 1000) : data.rows;
  setMessage(t().done(data.rows, secs, rate));
  $('pq-screen-progress').dataset.rate = String(rate);
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  // A BOM so that spreadsheet programs read the UTF-8 (Chinese names) correctly; the rest is
  // the command line's bytes.
  downloadUrl = URL.createObjectURL(new Blob([UTF8_BOM, data.csv], { type: 'text/csv;charset=utf-8' }));
  const link = $('pq-screen-download');
  link.href = downloadUrl;
  link.download = t().fileName;
  link.hidden = false;
  renderSummary(data.summary);
  $('pq-screen-results').hidden = false;
  $('pq-screen-results-title').focus();
}

async function readPack() {
  const file = $('pq-screen-pack').files[0];
  if (!file) return null;
  try {
    return await file.text();
  } catch {
    throw new Error(t().packUnreadable);
  }
}

async function start() {
  const file = $('pq-screen-file').files[0];
  showError('');
  if (!file) {
    showError(t().chooseFile);
    return;
  }
  worker?.terminate();
  lastDone = null;
  $('pq-screen-results').hidden = true;
  $('pq-screen-download').hidden = true;
  const progress = $('pq-screen-progress');
  progress.hidden = false;
  progress.value = 0;
  setMessage(t().reading);
  let pack;
  let csv;
  try {
    [pack, csv] = await Promise.all([readPack(), file.arrayBuffer()]);
  } catch (error) {
    progress.hidden = true;
    setMessage('');
    showError(t().failed + error.message);
    return;
  }
  let lastTenth = -1;
  worker = new Worker(new URL('screen-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.type === 'progress') {
      progress.value = data.total > 0 ? Math.round((data.read / data.total) * progress.max) : progress.max;
      // The status is a live region: say it every tenth, not on every step.
      const pct = Math.floor((progress.value / progress.max) * 100);
      if (Math.floor(pct / 10) !== lastTenth) {
        lastTenth = Math.floor(pct / 10);
        setMessage(t().running(data.rows, pct));
      }
    } else if (data.type === 'done') {
      worker.terminate();
      worker = null;
      finish(data);
    } else if (data.type === 'error') {
      worker.terminate();
      worker = null;
      progress.hidden = true;
      setMessage('');
      showError(t().failed + data.message);
    }
  };
  worker.onerror = (event) => {
    progress.hidden = true;
    showError(t().failed + (event.message || 'worker'));
  };
  const asOf = $('pq-screen-as-of').value || null;
  worker.postMessage({ csv, pack, asOf, lang }, [csv]);
}

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-t]')) {
    const value = t()[node.dataset.t];
    if (typeof value === 'string') node.textContent = value;
  }
  const toggle = $('pq-screen-lang');
  toggle.textContent = t().other;
  toggle.lang = lang === 'en' ? 'zh-CN' : 'en';
  if (lastDone) {
    renderSummary(lastDone.summary);
    const secs = (lastDone.ms / 1000).toFixed(2);
    setMessage(t().done(lastDone.rows, secs, $('pq-screen-progress').dataset.rate));
  }
}

$('pq-screen-form').addEventListener('submit', (event) => {
  event.preventDefault();
  start();
});
$('pq-screen-file').addEventListener('change', () => start());
$('pq-screen-lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh-CN' : 'en';
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
  applyLanguage();
});
applyLanguage();
