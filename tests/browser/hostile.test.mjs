// Hostile input from JavaScript: strings with lone surrogates (which no Rust string can hold),
// and markup with event handlers, given to the wasm module, the <quote-lens> element and its
// HTML export. Nothing throws, every offset indexes the caller's string, nothing runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitForLens } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** Records the dialogs a page opens (dismissing them) and every request it makes. */
function watch(page) {
  const seen = { dialogs: [], requests: [] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('request', (r) => seen.requests.push(r.url()));
  return seen;
}

/** Gives `text` to the element #first and waits until it has analysed it. */
async function show(page, text) {
  await page.evaluate((t) => {
    document.querySelector('#first').text = t;
  }, text);
  await page.waitForFunction((t) => document.querySelector('#first').analysis && document.querySelector('#first').text === t, text);
}

/** A page with the module loaded; `page.core(fn, arg)` runs fn(core, arg) in it. */
async function modulePage() {
  const page = await env.newPage();
  await page.goto(env.url('embed.html'));
  await waitForLens(page, '#first');
  await page.evaluate(async () => {
    const core = await import('./pkg/quotelens.js');
    await core.default();
    window.__core = core;
  });
  return page;
}

test('the module: lone surrogates anywhere, offsets still index the JavaScript string', async () => {
  const page = await modulePage();
  const result = await page.evaluate(() => {
    const core = window.__core;
    const text = '\uD800 “We will stay,” said Ana Silva in Lisbon.\uDC00 \uDBFF\uD83D\uDE00\uDFFF “Fine,” \uD800she\uDC00 said.';
    const a = core.analyze(text);
    const slice = (s) => text.slice(s.start, s.end);
    const spans = [
      ...a.quotes.flatMap((q) => [q, q.speaker_mention, q.cue].filter(Boolean)),
      ...a.entities.flatMap((e) => e.mentions),
      ...a.locations,
    ];
    // Random strings heavy in surrogates, lone and paired, with quote marks and words between.
    const pieces = ['\uD800', '\uDC00', '\uD83D\uDE00', '"', '“', '”', ' said ', 'Ana Silva', ' ', '.', '\n\n', '\uDBFF\uDFFF'];
    let x = 7;
    const random = [];
    for (let i = 0; i < 200; i++) {
      let s = '';
      for (let j = 0; j < 40; j++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        s += pieces[x % pieces.length];
      }
      random.push(s);
    }
    const bad = [];
    for (const s of random) {
      const r = core.analyze(s);
      const all = [...r.quotes, ...r.entities.flatMap((e) => e.mentions), ...r.locations];
      for (const sp of all) {
        if (!(Number.isInteger(sp.start) && Number.isInteger(sp.end) && 0 <= sp.start && sp.start < sp.end && sp.end <= s.length)) bad.push([s, sp]);
      }
    }
    return {
      length: text.length,
      inBounds: spans.every((s) => 0 <= s.start && s.start <= s.end && s.end <= text.length),
      quotes: a.quotes.map(slice),
      speaker: a.entities[a.quotes[0]?.speaker]?.name,
      places: a.locations.map(slice),
      bad: bad.slice(0, 3),
      longRun: core.analyze('\uD800'.repeat(100_000)).quotes.length,
    };
  });
  assert.ok(result.inBounds);
  assert.ok(result.quotes.includes('“We will stay,”'), `quotes: ${result.quotes}`);
  assert.ok(result.quotes.includes('“Fine,”'), `quotes: ${result.quotes}`);
  assert.equal(result.speaker, 'Ana Silva');
  assert.deepEqual(result.places, ['Lisbon']);
  assert.deepEqual(result.bad, [], 'every span of every random string is in bounds and non-empty');
  assert.equal(result.longRun, 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the element: a text with lone surrogates is drawn whole, its quote on the right chars', async () => {
  const page = await modulePage();
  const text = '\uDC00LISBON, May 2 \uD800— “We will stay,” said Ana Silva.\uD83D\n\n“Again,” \uDFFFshe said.';
  await show(page, text);
  const seen = await page.evaluate(() => {
    const lens = document.querySelector('#first');
    const root = lens.shadowRoot;
    return {
      article: root.querySelector('[part~="article"]').textContent,
      quotes: [...root.querySelectorAll('[part~="quote"]')].map((q) => q.textContent),
    };
  });
  const squash = (s) => s.replace(/\s+/g, '');
  assert.equal(squash(seen.article), squash(text), 'every code unit is shown, lone surrogates included');
  assert.ok(seen.quotes.includes('“We will stay,”'), `quotes drawn: ${seen.quotes}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload=window.__pwned=2></svg>',
  '“<a href="javascript:window.__pwned=3" onclick="window.__pwned=3">Click me</a>,” said Ana Silva.',
  '<body onload=window.__pwned=4> <details open ontoggle=window.__pwned=5> <style>*{display:none}</style>',
  '“\'><script>window.__pwned=6</script>,” said Dr. <b onmouseover=window.__pwned=7>Evil</b> in "Paris".',
  '<iframe srcdoc="<script>parent.__pwned=8</script>"></iframe> <math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=9>',
];
const HOSTILE = PAYLOADS.join('\n\n');

test('the element: markup with event handlers stays text, nothing runs, nothing loads', async () => {
  const page = await modulePage();
  const { dialogs, requests } = watch(page);
  await show(page, HOSTILE);
  // Hover and click everything drawn, to fire any handler that got in.
  const parts = page.locator('#first [part~="article"] *');
  for (let i = 0; i < Math.min(await parts.count(), 30); i++) await parts.nth(i).hover().catch(() => {});
  await page.waitForTimeout(200);
  const seen = await page.evaluate(() => {
    const root = document.querySelector('#first').shadowRoot;
    const article = root.querySelector('[part~="article"]');
    return {
      text: article.textContent,
      tags: [...article.querySelectorAll('*')].map((el) => el.localName),
      handlers: [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
      pwned: window.__pwned ?? null,
    };
  });
  for (const p of PAYLOADS) assert.ok(seen.text.replace(/\s+/g, '').includes(p.replace(/\s+/g, '')), `${p} shown literally`);
  assert.deepEqual(seen.tags.filter((t) => !['span', 'p', 'div', 'mark', 'br'].includes(t)), [], 'only the renderer’s own elements in the article');
  assert.deepEqual(seen.handlers, [], 'no event handler attributes');
  assert.equal(seen.pwned, null);
  assert.deepEqual(dialogs, []);
  assert.ok(!requests.some((u) => /\/x$/.test(u) || u.startsWith('javascript:')), 'the fake image was never requested');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// A long text is exported a block at a time (exportHTML()), its blocks put in place by comments:
// comment markup in the text must stay text too.
const LONG = Array.from({ length: 60 }, () => `${HOSTILE}\n\n<!--quotelens-block-1--> --> <!-- “It is <!--x--> done,” said Ann Lee.`).join('\n\n');
for (const [name, text, exporter] of [
  ['toHTML()', HOSTILE, 'toHTML'],
  [`exportHTML(), ${LONG.length} chars drawn block by block`, LONG, 'exportHTML'],
]) test(`the HTML export by ${name}: markup with event handlers stays text when the file is opened with scripts on`, async () => {
  const page = await modulePage();
  await show(page, text);
  const html = await page.evaluate(async (exporter) => {
    const lens = document.querySelector('#first');
    return exporter === 'toHTML' ? lens.toHTML() : (await lens.exportHTML()).text();
  }, exporter);
  await page.context().close();

  // Opened as a file with JavaScript on, the worst case for a reader.
  const context = await env.browser.newContext();
  const view = await context.newPage();
  const { dialogs, requests } = watch(view);
  await view.setContent(html);
  const hover = view.locator('body *');
  for (let i = 0; i < Math.min(await hover.count(), 40); i++) await hover.nth(i).hover({ timeout: 500 }).catch(() => {});
  await view.waitForTimeout(200);
  const seen = await view.evaluate(() => ({
    text: document.body.textContent,
    tags: [...document.querySelectorAll('*')].map((el) => el.localName),
    bodyStyles: document.querySelectorAll('body style').length,
    jsLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((el) => /javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '')).length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
    pwned: window.__pwned ?? null,
  }));
  for (const p of PAYLOADS) assert.ok(seen.text.replace(/\s+/g, '').includes(p.replace(/\s+/g, '')), `${p} shown literally`);
  for (const bad of ['script', 'img', 'iframe', 'math', 'details', 'mglyph', 'table', 'object', 'embed']) assert.ok(!seen.tags.includes(bad), `no <${bad}> in the export`);
  assert.deepEqual(seen.bodyStyles, 0, 'the text’s <style> stayed text');
  assert.deepEqual(seen.jsLinks, 0, 'no javascript: link');
  assert.deepEqual(seen.handlers, []);
  assert.equal(seen.pwned, null);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank'), [], 'the file loads nothing');
  if (text === LONG) {
    assert.ok(html.includes('class="block"'), 'drawn in blocks');
    assert.equal(seen.text.split('<!--quotelens-block-1-->').length, 61, 'the comment markup shown as text, every time');
  }
  await context.close();
});
