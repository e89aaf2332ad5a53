// Exports: the analysis as JSON, the annotated article as one self-contained HTML file, and who
// said what on the clipboard. User text must come out escaped, never as markup.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, screenshotPath, waitForLens, waitForText } from './harness.mjs';

const TEXT = [
  'LISBON, May 2 — “We will <b>not</b> give in & we will <script>alert(1)</script> win,” said Ana Silva, the mayor.',
  '',
  'Silva said the council would meet again in Porto.',
].join('\n');

let env;
let page;
before(async () => {
  env = await launch();
  page = await env.newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await page.goto(env.url('index.html'));
  await waitForLens(page, '#lens');
  const box = page.locator('#article');
  await box.fill('');
  await box.focus();
  await page.keyboard.insertText(TEXT);
  await waitForText(page, '#lens', TEXT);
});
after(async () => {
  await env?.close();
});

async function download(button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: file.suggestedFilename(), body: await readFile(await file.path(), 'utf8') };
}

test('JSON export: the text and the analysis, parseable, spans indexing the text', async () => {
  const { name, body } = await download('#export-json');
  assert.equal(name, 'quotelens-analysis.json');
  const doc = JSON.parse(body);
  assert.match(doc.generator, /^quotelens v\d+\.\d+\.\d+/);
  assert.equal(doc.text, TEXT);
  assert.equal(doc.analysis.offsets, 'utf16');
  const shown = await page.evaluate(() => document.querySelector('#lens').analysis);
  assert.deepEqual(doc.analysis, shown, 'the same analysis the page shows');
  const quote = doc.analysis.quotes.find((q) => q.kind === 'direct');
  assert.match(doc.text.slice(quote.start, quote.end), /^“We will <b>not<\/b> give in/);
  const speaker = doc.analysis.entities.find((e) => e.id === quote.speaker);
  assert.equal(speaker.name, 'Ana Silva');
  assert.ok(doc.analysis.locations.some((l) => l.name === 'Porto'));
});

test('HTML export: one self-contained file; the user text is escaped and runs nothing', async () => {
  const { name, body } = await download('#export-html');
  assert.equal(name, 'quotelens-article.html');
  assert.match(body, /^<!doctype html>/);
  assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'markup in the text is escaped');
  assert.ok(body.includes('&lt;b&gt;not&lt;/b&gt;'));
  assert.ok(!/<script/i.test(body), 'no script element at all');
  assert.ok(!/\b(src|href)=/i.test(body), 'nothing to load: no src or href');
  assert.match(body, /<style>[^]*\.quotelens[^]*<\/style>/, 'styles inline, :host rewritten');
  assert.ok(!body.includes(':host'), 'no shadow-DOM selectors left');

  // Open it as a reader would (a file of its own, no server, JavaScript off).
  const viewer = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 800 } });
  const view = await viewer.newPage();
  const requests = [];
  view.on('request', (r) => requests.push(r.url()));
  await view.setContent(body);
  const seen = await view.evaluate(() => ({
    text: document.querySelector('.article').textContent,
    scripts: document.querySelectorAll('script').length,
    bold: document.querySelectorAll('.article b').length,
    quote: getComputedStyle(document.querySelector('.article [part~="quote"]')).borderBottomStyle,
    legend: [...document.querySelectorAll('[part~="legend-speaker"] .who')].map((w) => w.firstChild.textContent),
  }));
  assert.equal(seen.text.replace(/\s+/g, ''), TEXT.replace(/\s+/g, ''));
  assert.equal(seen.scripts, 0);
  assert.equal(seen.bold, 0, 'the text’s <b> stayed text');
  assert.equal(seen.quote, 'solid', 'quotes are drawn as on the page');
  assert.deepEqual(seen.legend, ['Ana Silva']);
  assert.deepEqual(requests.filter((u) => !u.startsWith('about:')), []);
  await view.screenshot({ path: screenshotPath('export-html.png') });
  await viewer.close();
});

test('Copy puts who said what on the clipboard as plain text', async () => {
  await page.click('#copy');
  await page.waitForFunction(() => /^Copied/.test(document.querySelector('#toast').textContent));
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /^Ana Silva \(said\): “We will <b>not<\/b> give in & we will <script>alert\(1\)<\/script> win,”$/m);
  assert.match(clip, /^Ana Silva \(reported\): the council would meet again in Porto$/m);
  assert.deepEqual(page.errors, []);
});

test('Copy of a long text: every quote a line, made in steps', async () => {
  // 6,000 quotes: more than one step of Copy's (COPY_STEP in app.js).
  const long = Array.from({ length: 6000 }, (_, i) => `“Yes ${i},” said Ana Silva.`).join('\n\n');
  await page.evaluate((text) => {
    const box = document.querySelector('#article');
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, long);
  await page.waitForFunction((n) => document.querySelector('#lens').analysis?.quotes.length === n, 6000, { timeout: 60000 });
  await page.click('#copy');
  await page.waitForFunction(() => /^Copied 6,000 quotes/.test(document.querySelector('#toast').textContent), null, { timeout: 30000 });
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  const lines = clip.split('\n');
  assert.equal(lines.pop(), '', 'one line break at the end');
  assert.equal(lines.length, 6000);
  lines.forEach((l, i) => assert.equal(l, `Ana Silva (said): “Yes ${i},”`));
  assert.deepEqual(page.errors, []);
});
