// <quote-lens> copied into another directory, and loaded by a page on another origin: the wasm and
// the worker are found from the modules' own URLs (import.meta.url), under a strict CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { launch, SITE, waitForLens } from './harness.mjs';

const FILES = ['quote-lens.js', 'quote-lens-define.js', 'quote-lens-styles.js', 'quote-lens-core.js', 'quote-lens-worker.js', 'pkg'];
const TEXT = '“We will stay,” said Ana Silva in Lisbon.';

let env;
let site;
let vendorServer;
let host;
before(async () => {
  env = await launch();
  // A site of its own: the element in vendor/ql/, the page in articles/.
  site = mkdtempSync(join(tmpdir(), 'quotelens-site-'));
  mkdirSync(join(site, 'vendor/ql'), { recursive: true });
  mkdirSync(join(site, 'articles'));
  for (const f of FILES) cpSync(join(SITE, f), join(site, 'vendor/ql', f), { recursive: true });
  cpSync(join(SITE, 'favicon.svg'), join(site, 'favicon.ico'));
  writeFileSync(
    join(site, 'articles/story.html'),
    `<!doctype html><meta charset="utf-8"><title>story</title>
<script type="module" src="../vendor/ql/quote-lens-define.js"></script>
<script type="module" src="../vendor/ql/quote-lens-define.js?again"></script>
<quote-lens legend>${TEXT}</quote-lens>`,
  );
  vendorServer = await startServer({ root: site, port: 0 });
  // Another origin (127.0.0.2) whose page takes the element from the vendor server.
  const vendor = new URL(vendorServer.url).origin;
  host = createServer((req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'self' ${vendor}; script-src 'self' ${vendor} 'wasm-unsafe-eval'`,
    });
    res.end(`<!doctype html><meta charset="utf-8"><title>elsewhere</title>
<script type="module" src="${vendor}/vendor/ql/quote-lens-define.js"></script>
<quote-lens>${TEXT}</quote-lens>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.2', ok));
});
after(async () => {
  await env?.close();
  await vendorServer?.close();
  await new Promise((ok) => (host ? host.close(ok) : ok()));
  if (site) rmSync(site, { recursive: true, force: true });
});

async function longText(page) {
  return page.evaluate(async () => {
    const lens = document.createElement('quote-lens');
    lens.workerThreshold = 1000;
    const base = '“We will stay,” said Ana Silva in Lisbon.\n\n';
    lens.text = base.repeat(6000);
    let progress = 0;
    lens.addEventListener('quote-lens-progress', () => progress++);
    const done = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', (e) => ok(e.detail), { once: true }));
    document.body.append(lens);
    const analysis = await done;
    return { quotes: analysis.quotes.length, progress };
  });
}

test('from another directory: the element, its wasm and its worker are found next to the module', async () => {
  const page = await env.newPage();
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(new URL('articles/story.html', vendorServer.url).href);
  await waitForLens(page, 'quote-lens');
  const quotes = await page.evaluate(() => document.querySelector('quote-lens').analysis.quotes.length);
  assert.equal(quotes, 1);
  const long = await longText(page);
  assert.equal(long.quotes, 6000);
  assert.ok(long.progress > 0);
  assert.ok(workers.some((u) => u.endsWith('/vendor/ql/quote-lens-worker.js')), JSON.stringify(workers));
  assert.deepEqual(page.errors, [], 'defining twice (two module URLs) is harmless');
  await page.context().close();
});

test('from another origin: the element works; long texts are analysed in slices instead of a worker', async () => {
  const page = await env.newPage();
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).origin));
  await page.goto(`http://127.0.0.2:${host.address().port}/`);
  await waitForLens(page, 'quote-lens');
  const quote = await page.evaluate(() => {
    const root = document.querySelector('quote-lens').shadowRoot;
    return root.querySelector('[part~="quote"]').textContent;
  });
  assert.equal(quote, '“We will stay,”');
  assert.ok(requests.includes(new URL(vendorServer.url).origin), 'the modules and wasm came from the other origin');
  const long = await longText(page);
  assert.equal(long.quotes, 6000);
  assert.ok(long.progress > 0, 'progress is still reported');
  assert.deepEqual(workers, [], 'no worker across origins');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
