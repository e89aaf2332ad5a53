// How the reader page copes with hostile pastes, in headless Chromium:
//
//   node scripts/bench-node/hostile-page.mjs [SITE_DIR] [CHARS]    (default target/site/, 95000)
//
// Each shape of CHARS chars is put in the text box (as a paste leaves it: the value set, then an
// input event), and the script prints the time until the page has drawn it (the frame after the
// first analysis event) and every long task meanwhile (over 50 ms: while one runs, the page
// answers no input). Below 100,000 chars the analysis runs on the page; from there on in the
// Worker, so 95,000 is the hardest size for the page itself. Run it on two sites to compare.
import { launch, SITE } from '../../tests/browser/harness.mjs';
import { startServer } from '../serve.mjs';
import { openWatched } from './page.mjs';

const dir = process.argv[2] ?? SITE;
const n = Number(process.argv[3] ?? 95_000);

/** `unit` repeated (joined by `sep`) up to n chars. */
const fill = (unit, sep = '') => Array.from({ length: Math.ceil(n / (unit.length + sep.length)) }, (_, i) => unit.replace('#', String(i % 50))).join(sep).slice(0, n);
const SHAPES = {
  'straight quote marks': fill('"'),
  'curly quote marks': fill('“'),
  'apostrophes ’': fill('’'),
  'quotes nested deep': fill('“‘').slice(0, n >> 1) + fill('’”').slice(0, n >> 1),
  'marks between words': fill('“word word”', ' '),
  'a quote and a speaker, again and again': fill('“Yes,” said Ann#.', ' '),
  'one paragraph, no punctuation': fill('word', ' '),
};

const env = await launch();
const server = await startServer({ root: dir, port: 0 });
try {
  console.log(`${dir === SITE ? 'target/site/' : dir}, ${n.toLocaleString('en')} chars each:`);
  for (const [name, text] of Object.entries(SHAPES)) {
    const page = await openWatched(env, new URL('index.html', server.url).href);
    const start = await page.evaluate((text) => {
      const box = document.querySelector('#article');
      const t = performance.now();
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return t;
    }, text);
    await page.waitForFunction(() => window.__drawn > 0, null, { timeout: 120000 });
    const end = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0))));
    await page.waitForTimeout(500); // blocks drawn as they come into view, after the first frame
    const { long, quotes } = await page.evaluate(() => ({ long: window.__long, quotes: document.querySelector('#lens').analysis.quotes.length }));
    const worst = long.length ? Math.max(...long) : 0;
    console.log(`  ${name.padEnd(40)} drawn after ${String(Math.round(end - start)).padStart(5)} ms, ${String(quotes).padStart(6)} quotes; longest task ${worst ? `${worst} ms` : 'under 50 ms'}${long.length > 1 ? ` (${long.join(', ')})` : ''}`);
    await page.context().close();
  }
} finally {
  await server.close();
  await env.close();
}
