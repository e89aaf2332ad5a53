// How the reader page's other views cope with long and hostile texts, in headless Chromium:
//
//   node scripts/bench-node/views.mjs [SITE_DIR] [CHARS]     (default target/site/, 400000)
//   ONLY=news node scripts/bench-node/views.mjs target/site 10000000
//
// Each shape of CHARS chars is given to the page's <quote-lens>; once it is drawn, the script
// goes through what a reader does next: opens "Who said what", sorts by each column (words
// twice), filters, opens "Places" and its map, goes back to the article and copies who said
// what. For each step it prints the longest task (over 50 ms: while one runs, the page answers
// no input; "<50" when none) and, in brackets, how long the step took (for a sort, until the
// table shows the new order).
// ONLY picks shapes by name (comma-separated): straight, speaker, news (PolNeAR train when
// ../shared is beside the repository, else the bundled samples). Run it on two sites to compare.
import { launch, SITE } from '../../tests/browser/harness.mjs';
import { startServer } from '../serve.mjs';
import { openWatched } from './page.mjs';
import { newsOfLength, repeated } from './texts.mjs';

const dir = process.argv[2] ?? SITE;
const n = Number(process.argv[3] ?? 400_000);
const IDLE = 400; // ms waited after each step, for its last tasks (not counted in its time)

/** `unit` repeated (joined by `sep`) up to n chars, "#" counting up from 0 to 999. */
const fill = (unit, sep = '') => repeated(n, unit, { sep, cycle: 1000 });
const ALL = {
  // Every quote the same (empty) words, 0 places.
  straight: () => fill('"'),
  // Quotes that differ in their words, by speakers that differ in their names.
  speaker: () => fill('“Yes, # times,” said Ann#.', ' '),
  news: () => newsOfLength(n),
};
const only = process.env.ONLY?.split(',');
const SHAPES = Object.entries(ALL).filter(([name]) => !only || only.includes(name));

const env = await launch();
const server = await startServer({ root: dir, port: 0 });
try {
  console.log(`${dir === SITE ? 'target/site/' : dir}, ${n.toLocaleString('en')} chars each; longest task (step's time), ms:`);
  for (const [name, make] of SHAPES) {
    const page = await openWatched(env, new URL('index.html', server.url).href);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    // The text goes into the page on its own first (handing megabytes over is a task of its own).
    await page.evaluate((text) => (window.__text = text), make());
    await page.evaluate(() => (document.querySelector('#lens').text = window.__text));
    await page.waitForFunction(() => document.querySelector('#lens').analysis?.quotes.length > 0, null, { timeout: 120000 });
    await page.waitForTimeout(1500);
    const out = [];
    const step = async (label, act) => {
      await page.evaluate(() => (window.__long = []));
      const t = Date.now();
      await act();
      await page.waitForTimeout(IDLE);
      const long = await page.evaluate(() => window.__long);
      out.push(`${label} ${long.length ? Math.max(...long) : '<50'} (${Date.now() - t - IDLE})`);
    };
    await step('quotes tab', async () => {
      await page.click('#tab-quotes');
      await page.waitForSelector('#view-quotes tbody tr');
      await page.waitForFunction(() => !/Sorting/.test(document.querySelector('#view-quotes .shown').textContent), null, { timeout: 120000 });
    });
    // A sort's step lasts until the table shows the new order (a long list is sorted in steps).
    const sorted = new Map();
    for (const key of ['speaker', 'kind', 'words', 'words', 'at']) {
      const dir = sorted.get(key) === 'ascending' ? 'descending' : 'ascending';
      sorted.set(key, dir);
      await step(`sort ${key}`, async () => {
        await page.click(`#view-quotes th[data-key="${key}"] button`);
        await page.waitForFunction(
          ([key, dir]) =>
            document.querySelector(`#view-quotes th[data-key="${key}"]`).getAttribute('aria-sort') === dir &&
            !/Sorting/.test(document.querySelector('#view-quotes .shown').textContent),
          [key, dir],
          { timeout: 120000 },
        );
      });
    }
    await step('filter "y"', () => page.fill('#quote-filter', 'y'));
    await step('no filter', () => page.fill('#quote-filter', ''));
    await step('places tab', async () => {
      await page.click('#tab-places');
      await page.waitForSelector('#show-map');
    });
    await step('map', () => page.click('#show-map'));
    await step('article tab', () => page.click('#tab-article'));
    await step('copy', () => page.click('#copy'));
    const [quotes, places] = await page.evaluate(() => {
      const { analysis } = document.querySelector('#lens');
      return [analysis.quotes.length, analysis.locations.length];
    });
    console.log(`  ${name} (${quotes.toLocaleString('en')} quotes, ${places.toLocaleString('en')} places): ${out.join('; ')}`);
    await page.context().close();
  }
} finally {
  await server.close();
  await env.close();
}
