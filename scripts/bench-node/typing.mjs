// How the reader page answers typing in a long article, in headless Chromium:
//
//   node scripts/bench-node/typing.mjs [SITE_DIR] [SIZES]     (SIZES: chars, comma-separated;
//                                                             default 15000,29000,50000,88000)
//
// For each size the page gets an article of that many characters (PolNeAR train texts one after
// another when ../shared is beside the repository, the bundled samples repeated otherwise), then
// a character is typed at its end, five times. It prints the time from each key press to the
// frame after the new drawing (the page waits 150 ms after the last key before it analyses, so
// that is the least it can be), and every long task (over 50 ms, Chromium's PerformanceObserver)
// the main thread ran meanwhile: while one runs, the page does not answer the keyboard.
// SITE_DIR is a built site (default target/site/); run it on two to compare.
import { launch, SITE } from '../../tests/browser/harness.mjs';
import { startServer } from '../serve.mjs';
import { openWatched } from './page.mjs';
import { hasPolnear, newsOfLength, newsTexts } from './texts.mjs';

const dir = process.argv[2] ?? SITE;
const sizes = (process.argv[3] ?? '15000,29000,50000,88000').split(',').map(Number);
const PRESSES = 5;

const texts = newsTexts();

const env = await launch();
const server = await startServer({ root: dir, port: 0 });
try {
  console.log(`${dir === SITE ? 'target/site/' : dir}, ${hasPolnear ? 'PolNeAR train texts' : 'the bundled samples'}; ${PRESSES} key presses at each size:`);
  for (const size of sizes) {
    const page = await openWatched(env, new URL('index.html', server.url).href);
    const box = page.locator('#article');
    // Into the box by script: Playwright's fill() took over 30 s for 300,000 chars.
    await page.evaluate((text) => (window.__text = text), newsOfLength(size, texts));
    await page.evaluate(() => {
      const input = document.querySelector('#article');
      input.value = window.__text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => window.__drawn > 0, null, { timeout: 60000 });
    await page.waitForTimeout(500);
    await page.evaluate(() => (window.__long = []));
    const times = [];
    for (let k = 0; k < PRESSES; k++) {
      const drawn = await page.evaluate(() => window.__drawn);
      await box.press('End');
      const start = await page.evaluate(() => performance.now());
      await box.type('x');
      await page.waitForFunction((n) => window.__drawn > n, drawn, { timeout: 60000 });
      const end = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0))));
      times.push(Math.round(end - start));
      await page.waitForTimeout(300);
    }
    const long = await page.evaluate(() => window.__long);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `  ${String(size).padStart(7)} chars: key press to drawn, median ${sorted[PRESSES >> 1]} ms (${times.join(', ')}); long tasks: ${long.length ? `${long.join(', ')} ms` : 'none'}`,
    );
    await page.context().close();
  }
} finally {
  await server.close();
  await env.close();
}
