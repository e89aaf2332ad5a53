// Spans are UTF-16 offsets: they index JavaScript strings even after emoji and curly quotes.
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

const TEXT = '😀😀 “Yes,” she said.';

test('analyze() returns UTF-16 spans in the page', async () => {
  const page = await env.newPage();
  await page.goto(env.url('embed.html'));
  const result = await page.evaluate(async (text) => {
    const core = await import('./pkg/quotelens.js');
    await core.default({ module_or_path: new URL('./pkg/quotelens_bg.wasm', location.href) });
    const a = core.analyze(text);
    return { offsets: a.offsets, quotes: a.quotes.map((q) => text.slice(q.start, q.end)) };
  }, TEXT);
  assert.equal(result.offsets, 'utf16');
  assert.ok(result.quotes.includes('“Yes,”'), `a quote slices to “Yes,”: ${JSON.stringify(result.quotes)}`);
  await page.context().close();
});

test('the element draws the quote over exactly those characters', async () => {
  const page = await env.newPage();
  await page.goto(env.url('embed.html'));
  await waitForLens(page, '#first');
  const drawn = await page.evaluate(async (text) => {
    const lens = document.querySelector('#second');
    const done = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', ok, { once: true }));
    lens.text = text;
    await done;
    const root = lens.shadowRoot;
    return {
      article: root.querySelector('[part~="article"]').textContent,
      quotes: [...root.querySelectorAll('[part~="quote"]')].map((q) => q.textContent),
    };
  }, TEXT);
  assert.equal(drawn.article, TEXT);
  assert.ok(drawn.quotes.includes('“Yes,”'), `drawn quotes: ${JSON.stringify(drawn.quotes)}`);
  await page.context().close();
});
