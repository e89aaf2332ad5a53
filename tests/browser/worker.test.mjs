// A 10 MB paste: the analysis runs in the Web Worker, shows its progress, and the page keeps
// answering input within 100 ms while it runs. The worker runs under the page's CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SEED, waitForLens } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test('a 10 MB paste is analysed in the worker with progress, and the page stays responsive', async () => {
  const page = await env.newPage();
  const context = page.context();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const responses = new Map();
  page.on('response', (r) => responses.set(new URL(r.url()).pathname, r.headers()));
  await page.goto(env.url('index.html'));
  await waitForLens(page, '#lens');
  await page.waitForFunction(() => document.querySelector('#lens').analysis?.quotes.length > 0);

  const size = await page.evaluate(async (seed) => {
    let text = '';
    while (text.length < 10_000_000) text += `${seed}\n\n`;
    await navigator.clipboard.writeText(text);
    // Input latency: from the moment the browser received a key to the moment a handler ran.
    window.__latency = [];
    window.__progress = [];
    window.addEventListener('keydown', (e) => __latency.push(performance.now() - e.timeStamp), true);
    const lens = document.querySelector('#lens');
    lens.addEventListener('quote-lens-progress', (e) => {
      const bar = lens.shadowRoot.querySelector('[part~="progress"]');
      __progress.push({ ...e.detail, shown: !bar.hidden && !document.querySelector('#progress').hidden, now: bar.getAttribute('aria-valuenow'), status: document.querySelector('#status').textContent });
    });
    return text.length;
  }, SEED);

  await page.locator('#article').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => __progress.length > 0, null, { timeout: 10_000 });

  // Keep pressing keys while the analysis runs.
  const deadline = Date.now() + 60_000;
  let presses = 0;
  while (await page.evaluate((n) => document.querySelector('#lens').analysis?.quotes.length < n, 10_000)) {
    assert.ok(Date.now() < deadline, 'the analysis finishes within a minute');
    await page.keyboard.press('Shift');
    presses++;
    await page.waitForTimeout(40);
  }
  const result = await page.evaluate(() => ({
    latency: __latency,
    progress: __progress,
    text: document.querySelector('#lens').text.length,
    quotes: document.querySelector('#lens').analysis.quotes.length,
    box: document.querySelector('#article').value.length,
    readOnly: document.querySelector('#article').readOnly,
    status: document.querySelector('#status').textContent,
    bar: document.querySelector('#progress').hidden,
  }));

  assert.ok(workers.some((u) => u.endsWith('/quote-lens-worker.js')), `the worker ran: ${JSON.stringify(workers)}`);
  assert.equal(result.text, size, 'the whole paste is analysed');
  assert.ok(result.quotes > 50_000, `${result.quotes} quotes`);
  assert.ok(result.box < 10_000 && result.readOnly, 'the box shows only the start of the long text');

  const analysing = result.progress.filter((p) => p.phase === 'analysing');
  assert.ok(analysing.length >= 10, `progress is reported piece by piece (${analysing.length})`);
  assert.ok(analysing.some((p) => p.shown && Number(p.now) > 0 && Number(p.now) < 100), 'a progress bar is visible on the way');
  assert.ok(analysing.some((p) => /^Analysing… \d+%$/.test(p.status)), 'the status line counts up');
  assert.equal(result.bar, true, 'the bar goes away at the end');
  assert.match(result.status, /quotes/);

  assert.ok(presses >= 5 && result.latency.length >= 5, `keys were pressed during the analysis (${presses})`);
  const worst = Math.max(...result.latency);
  assert.ok(worst < 100, `every key press was answered within 100 ms; latencies ${result.latency.map(Math.round).join(', ')}`);

  // The worker script carries the same CSP, and the worker ran without a CSP report.
  assert.match(responses.get('/quote-lens-worker.js')?.['content-security-policy'] ?? '', /wasm-unsafe-eval/);
  assert.deepEqual(page.errors, []);

  // The long text reads: its start is drawn with marks, the rest as it scrolls into view.
  const drawn = await page.evaluate(() => {
    const root = document.querySelector('#lens').shadowRoot;
    return { blocks: root.querySelectorAll('.article .block').length, marked: root.querySelectorAll('.article [part~="quote"]').length };
  });
  assert.ok(drawn.blocks > 100 && drawn.marked > 0 && drawn.marked < 10_000, JSON.stringify(drawn));
  const last = await page.evaluate(() => {
    const lens = document.querySelector('#lens');
    const i = lens.analysis.quotes.length - 1;
    return lens.revealQuote(i) && lens.shadowRoot.querySelector(`[data-quote="${i}"]`).classList.contains('current');
  });
  assert.equal(last, true, 'the last quote can be revealed');
  await context.close();
});
