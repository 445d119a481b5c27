// Hardening checks of <prequal-widget>: a page with a strict Content-Security-Policy, a host
// page with aggressive global CSS, no HTML parsing of strings anywhere in the shipped code,
// and the Subresource Integrity hashes written by scripts/build-widget.sh.
// Run by scripts/test-browser.sh (which builds the widget first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { events, field, launch, openPage, root, startServer, type, waitForWidget } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const W = 'prequal-widget';


/** Answer one field and wait for the widget's next prequal:result. */
async function answerAndWaitForResult(page) {
  const count = (await events(page, 'prequal:result')).length;
  await type(page, 'employees', '48');
  await page.waitForFunction(
    (n) => window.__events.filter((e) => e.name === 'prequal:result').length > n,
    count,
  );
  assert.equal(await field(page, 'employees').inputValue(), '48');
  assert.ok((await page.locator(`${W} .pq-card`).count()) > 0, 'result cards are shown');
}

const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('strict Content-Security-Policy', () => {
  test('csp.html is served with the strict policy as a response header', async () => {
    const response = await fetch(`${server.base}csp.html`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy');
    assert.equal(csp, STRICT_CSP);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
    const html = await response.text();
    assert.doesNotMatch(html, /<style|\sstyle=|<script(?![^>]*\ssrc=)/i, 'the page itself has no inline style or script');
    // Other pages keep no policy (the demo pages use inline styles and scripts).
    assert.equal((await fetch(`${server.base}park.html`)).headers.get('content-security-policy'), null);
  });

  test('the widget renders and works with zero CSP violations', async () => {
    const { page, errors } = await openPage(browser.context, `${server.base}csp.html`, {
      init: () => {
        window.__csp = [];
        document.addEventListener(
          'securitypolicyviolation',
          (e) => window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }),
          true,
        );
      },
    });
    await waitForWidget(page, '.pq-cards');
    assert.equal((await events(page, 'prequal:ready')).length, 1);
    // The widget's stylesheet applied (the container is a grid only through it).
    assert.equal(await page.locator(`${W} .pq`).evaluate((e) => getComputedStyle(e).display), 'grid');
    await answerAndWaitForResult(page);
    // The page's own external script heard the event.
    await page.waitForFunction(() => document.getElementById('heard').textContent.startsWith('prequal:result'));
    // Open a schedule: the SVG chart renders too.
    await page.locator(`${W} .pq-card details`).first().evaluate((d) => (d.open = true));
    await page.waitForTimeout(200);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no securitypolicyviolation event');
    assert.deepEqual(errors, [], 'no console error or page error');
    // Control: the listener does catch a violation (an inline <style> added now).
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'p { color: red }';
      document.head.append(style);
    });
    await page.waitForFunction(() => window.__csp.length > 0);
    assert.equal((await page.evaluate(() => window.__csp))[0].directive, 'style-src-elem');
    await page.close();
  });
});

// ---- a host page with aggressive global CSS ------------------------------------------------

const HOST_PROPERTIES = [
  'color',
  'font-size',
  'font-family',
  'line-height',
  'letter-spacing',
  'margin-top',
  'margin-bottom',
  'padding-left',
  'box-sizing',
  'display',
  'background-color',
  'text-transform',
  'width',
];

/** Computed styles of host elements outside the widget. */
const hostStyles = (page) =>
  page.evaluate((properties) => {
    const out = {};
    for (const selector of ['#host-p', '#host-after', 'h1', 'main', 'body']) {
      const style = getComputedStyle(document.querySelector(selector));
      out[selector] = Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
    }
    return out;
  }, HOST_PROPERTIES);

describe('a host page with aggressive global CSS', () => {
  test('the page’s CSS does not reach into the widget', async () => {
    const { page, errors } = await openPage(browser.context, `${server.base}hostile-css.html`);
    await waitForWidget(page, '.pq-cards');
    const input = field(page, 'employees');
    assert.ok(await input.isVisible(), 'inputs stay visible');
    assert.ok(await page.locator(`${W} #pq-next`).isVisible(), 'buttons stay visible');
    const inside = await page.locator(W).evaluate((host) => {
      const root = host.shadowRoot;
      const style = (selector) => getComputedStyle(root.querySelector(selector));
      return {
        container: { display: style('.pq').display, color: style('.pq').color, size: style('.pq').fontSize },
        title: { color: style('.pq-title').color },
        input: { display: style('#pq-f-employees').display, visibility: style('#pq-f-employees').visibility, color: style('#pq-f-employees').color },
        card: { display: style('.pq-card').display, color: style('.pq-card').color, background: style('.pq-card').backgroundColor },
      };
    });
    const RED = 'rgb(255, 0, 0)';
    assert.equal(inside.container.display, 'grid');
    assert.equal(inside.container.size, '15px', 'the widget keeps its own font size');
    for (const [what, s] of Object.entries(inside)) {
      assert.notEqual(s.color, RED, `${what}: text is not red`);
      assert.notEqual(s.display, 'none', `${what}: displayed`);
    }
    assert.equal(inside.input.visibility, 'visible');
    assert.notEqual(inside.card.background, 'rgb(255, 255, 0)', 'cards are not yellow');
    await answerAndWaitForResult(page);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the widget’s CSS does not reach the page', async () => {
    const html = readFileSync(join(root, 'www/hostile-css.html'), 'utf8');
    const plain = html
      .replace(/<script type="module" src="prequal-widget\.js"><\/script>/, '')
      .replace(/<prequal-widget[^>]*><\/prequal-widget>/, '');
    assert.notEqual(plain, html);
    assert.doesNotMatch(plain, /prequal-widget(\.js|[^\n]*><\/prequal-widget>)/);

    const without = await openPage(browser.context, `${server.base}__test__/hostile-plain.html`, {
      routes: { 'hostile-plain.html': { body: plain } },
    });
    const expected = await hostStyles(without.page);
    const sheets = await without.page.evaluate(() => document.styleSheets.length);
    await without.page.close();

    const { page } = await openPage(browser.context, `${server.base}hostile-css.html`);
    await waitForWidget(page, '.pq-cards');
    await answerAndWaitForResult(page);
    assert.deepEqual(await hostStyles(page), expected, 'host elements are styled as without the widget');
    assert.equal(await page.evaluate(() => document.styleSheets.length), sheets, 'no stylesheet added to the page');
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, 'none adopted by the page');
    await page.close();
  });
});

// ---- no HTML parsing of strings -------------------------------------------------------------

/** Every file under `dir` (recursively) whose name matches `pattern`. */
function files(dir, pattern) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

// Sinks that parse a string as HTML (or write it into the document), in JS and in web-sys.
const JS_SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|srcdoc|DOMParser|parseHTMLUnsafe|setHTMLUnsafe)\b|\bdocument\s*\.\s*write(ln)?\b/;
const RUST_SINKS = /\b(set_inner_html|inner_html|set_outer_html|outer_html|insert_adjacent_html|create_contextual_fragment|set_srcdoc|DomParser|parse_from_string|set_html_unsafe)\b|\.write(ln)?_\d*\s*\(/;
// Inline styles: blocked by a strict CSP (style-src without 'unsafe-inline').
const JS_INLINE_STYLE = /\.style\s*\.|\.style\s*=|setAttribute\(\s*['"]style['"]|cssText/;
const RUST_INLINE_STYLE = /"style"|\.style\(\)|CssStyleDeclaration|set_css_text/;

/**
 * Exceptions, each with its reason: { file (relative to the repository), pattern, reason }.
 * Empty: no shipped file parses a string as HTML or sets an inline style.
 */
const ALLOWED = [];

function scan(list, sinks) {
  const found = [];
  for (const path of list) {
    const file = relative(root, path);
    for (const [i, line] of readFileSync(path, 'utf8').split('\n').entries()) {
      const match = line.match(sinks);
      if (!match) continue;
      if (ALLOWED.some((a) => a.file === file && a.pattern.test(line))) continue;
      found.push(`${file}:${i + 1}: ${match[0]}: ${line.trim().slice(0, 120)}`);
    }
  }
  return found;
}

describe('pack and input strings never reach an HTML parser', () => {
  const shippedJs = [
    ...files(join(root, 'www'), /\.(js|mjs|html)$/).filter((p) => !p.includes(join('www', 'examples'))),
  ];
  const rust = files(join(root, 'crates/prequal-widget/src'), /\.rs$/);

  test('the scanned files are there', () => {
    const names = shippedJs.map((p) => relative(root, p));
    for (const expected of ['www/prequal-widget.js', 'www/pkg/prequal_widget.js', 'www/csp.js']) {
      assert.ok(names.includes(expected), `${expected} is scanned`);
    }
    assert.ok(rust.length >= 5, 'the widget’s Rust sources are scanned');
  });

  test('no innerHTML, outerHTML, insertAdjacentHTML, document.write or the like', () => {
    assert.deepEqual(scan(shippedJs, JS_SINKS), [], 'shipped JS and pages');
    assert.deepEqual(scan(rust, RUST_SINKS), [], 'the widget’s Rust sources');
    const cargo = readFileSync(join(root, 'crates/prequal-widget/Cargo.toml'), 'utf8');
    assert.doesNotMatch(cargo, /"(DomParser|Range|HtmlIFrameElement)"/, 'no web-sys feature that parses HTML');
  });

  test('no inline styles (a strict CSP would block them)', () => {
    const code = shippedJs.filter((p) => /\.m?js$/.test(p));
    assert.deepEqual(scan(code, JS_INLINE_STYLE), [], 'shipped JS');
    assert.deepEqual(scan(rust, RUST_INLINE_STYLE), [], 'the widget’s Rust sources');
  });
});

// ---- Subresource Integrity ----------------------------------------------------------------

describe('Subresource Integrity', () => {
  test('www/pkg/sri.json holds the sha384 of each released file, as served', async () => {
    const sri = JSON.parse(readFileSync(join(root, 'www/pkg/sri.json'), 'utf8'));
    // With the "compare options" panel's files, which scripts/test-browser.sh builds first.
    const keys = Object.keys(sri).sort();
    const snippets = keys.filter((k) => k.startsWith('advise-pkg/snippets/'));
    assert.equal(snippets.length, 1, 'the advisor glue\'s inline snippet');
    assert.deepEqual(keys.filter((k) => !snippets.includes(k)), [
      'advise-pkg/prequal.js',
      'advise-pkg/prequal_bg.wasm',
      'pkg/prequal_widget.js',
      'pkg/prequal_widget_bg.wasm',
      'prequal-advise.js',
      'prequal-widget.css',
      'prequal-widget.js',
    ]);
    for (const [file, hash] of Object.entries(sri)) {
      assert.match(hash, /^sha384-[A-Za-z0-9+/]{64}$/);
      const served = Buffer.from(await (await fetch(`${server.base}${file}`)).arrayBuffer());
      assert.equal(`sha384-${createHash('sha384').update(served).digest('base64')}`, hash, file);
    }
  });

  test('a host page loading the loader with integrity= and crossorigin works', async () => {
    const sri = JSON.parse(readFileSync(join(root, 'www/pkg/sri.json'), 'utf8'));
    const page = (hash) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>SRI</title><script type="module" src="${server.base}prequal-widget.js" integrity="${hash}" crossorigin="anonymous"></script>
</head><body><prequal-widget lang="en"></prequal-widget></body></html>`;
    const good = await openPage(browser.context, `${server.base}__test__/sri.html`, {
      routes: { 'sri.html': { body: page(sri['prequal-widget.js']) } },
    });
    await waitForWidget(good.page, '.pq-cards');
    assert.deepEqual(good.errors, []);
    await good.page.close();
    // A wrong hash: the browser refuses the loader, the element is never defined.
    const wrong = `sha384-${createHash('sha384').update('not the loader').digest('base64')}`;
    const bad = await openPage(browser.context, `${server.base}__test__/sri-bad.html`, {
      routes: { 'sri-bad.html': { body: page(wrong) } },
    });
    await bad.page.waitForTimeout(500);
    assert.equal(await bad.page.evaluate(() => customElements.get('prequal-widget')), undefined);
    assert.ok(bad.errors.some((e) => /integrity/i.test(e)), 'the console names the integrity failure');
    await bad.page.close();
  });
});
