// How the reader page copes with hostile pastes, in headless Chromium:
//
//   node scripts/bench-node/hostile-page.mjs [SITE_DIR] [CHARS]    (default target/site/, 95000)
//   ONLY=articles node scripts/bench-node/hostile-page.mjs target/site 10000000
//   EXPORT=1 node scripts/bench-node/hostile-page.mjs     (also each export's longest task, the
//                                                         time from its click to the file, its size)
//
// ONLY picks shapes by the first word of their names (comma-separated); "articles" is news text
// (PolNeAR train when ../shared is beside the repository, else the bundled samples), not in the
// default set. PASTE=keys pastes with the browser's own Ctrl+V from the clipboard, so that its
// editing and the text box's layout are counted too; by default the script makes the paste
// event itself and does what the browser would (quicker to set up for texts of megabytes).
// Each shape of CHARS chars is pasted into the text box (a synthetic paste event, then what the
// browser would do with it), and the script prints the time until the page has drawn it (the frame after the
// first analysis event) and every long task meanwhile (over 50 ms: while one runs, the page
// answers no input). Below 100,000 chars the analysis runs on the page; from there on in the
// Worker, so 95,000 is the hardest size for the page itself. Run it on two sites to compare.
import { stat } from 'node:fs/promises';
import { launch, SITE } from '../../tests/browser/harness.mjs';
import { startServer } from '../serve.mjs';
import { openWatched } from './page.mjs';
import { newsOfLength, repeated } from './texts.mjs';

const dir = process.argv[2] ?? SITE;
const n = Number(process.argv[3] ?? 95_000);

/** `unit` repeated (joined by `sep`) up to n chars. */
const fill = (unit, sep = '') => repeated(n, unit, { sep });
// Each shape is made only when it is measured.
const ALL = {
  'straight quote marks': () => fill('"'),
  'curly quote marks': () => fill('“'),
  'apostrophes ’': () => fill('’'),
  'quotes nested deep': () => fill('“‘').slice(0, n >> 1) + fill('’”').slice(0, n >> 1),
  'marks between words': () => fill('“word word”', ' '),
  'a quote and a speaker, again and again': () => fill('“Yes,” said Ann#.', ' '),
  'one paragraph, no punctuation': () => fill('word', ' '),
  articles: () => newsOfLength(n),
};
const only = process.env.ONLY?.split(',');
const KEYS = process.env.PASTE === 'keys';
const SHAPES = Object.entries(ALL).filter(([name]) => (only ? only.includes(name.split(' ')[0]) : name !== 'articles'));

const env = await launch();
const server = await startServer({ root: dir, port: 0 });
try {
  console.log(`${dir === SITE ? 'target/site/' : dir}, ${n.toLocaleString('en')} chars each:`);
  for (const [name, make] of SHAPES) {
    const text = make();
    const page = await openWatched(env, new URL('index.html', server.url).href);
    // The text goes into the page first, on its own: handing a string of megabytes over from
    // this script is a long task of its own (0.4 s for 10 MB), which a reader's paste is not.
    await page.evaluate((text) => (window.__text = text), text);
    if (KEYS) {
      // The browser's own paste: the text on the clipboard first, then Ctrl+A and Ctrl+V in
      // the box, as a reader does.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.evaluate(() => navigator.clipboard.writeText(window.__text));
      await page.click('#article');
      await page.keyboard.press('Control+A');
    }
    await page.waitForTimeout(300);
    await page.evaluate(() => (window.__long = []));
    let start;
    if (KEYS) {
      start = await page.evaluate(() => performance.now());
      await page.keyboard.press('Control+V');
    } else {
      start = await page.evaluate(() => {
        const text = window.__text;
        const box = document.querySelector('#article');
        const t = performance.now();
        // A paste: the page's handler sees it first (it keeps a long text out of the box); when
        // it lets the box take the text, the box's part is done here, as the browser would.
        const data = new DataTransfer();
        data.setData('text/plain', text);
        box.focus();
        box.select();
        if (box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))) {
          box.value = text;
          box.dispatchEvent(new Event('input', { bubbles: true }));
        }
        return t;
      });
    }
    await page.waitForFunction(() => window.__drawn > 0, null, { timeout: 300000 });
    const end = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0))));
    await page.waitForTimeout(500); // blocks drawn as they come into view, after the first frame
    const { long, quotes } = await page.evaluate(() => ({ long: window.__long, quotes: document.querySelector('#lens').analysis.quotes.length }));
    const worst = long.length ? Math.max(...long) : 0;
    // The exports: the longest task from the click to the download, the file itself dropped.
    const exports = [];
    if (process.env.EXPORT) {
      for (const id of ['export-json', 'export-html']) {
        await page.evaluate(() => (window.__long = []));
        const clicked = Date.now();
        const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.click(`#${id}`)]);
        const took = Date.now() - clicked;
        const { size } = await stat(await file.path());
        await file.delete().catch(() => {});
        await page.waitForTimeout(300); // the long-task entries of the last task
        const l = await page.evaluate(() => window.__long);
        exports.push(`${id.slice(7).toUpperCase()} ${l.length ? `${Math.max(...l)} ms` : 'under 50 ms'} (file of ${(size / 1e6).toFixed(1)} MB after ${took} ms)`);
      }
    }
    console.log(`  ${name.padEnd(40)} drawn after ${String(Math.round(end - start)).padStart(5)} ms, ${String(quotes).padStart(6)} quotes; longest task ${worst ? `${worst} ms` : 'under 50 ms'}${long.length > 1 ? ` (${long.join(', ')})` : ''}${exports.length ? `; export ${exports.join(', ')}` : ''}`);
    await page.context().close();
  }
} finally {
  await server.close();
  await env.close();
}
