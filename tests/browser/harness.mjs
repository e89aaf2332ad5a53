// Shared set-up for the browser tests: the static server on a random port plus headless Chromium.
// Serves target/site/, the minified site that ships (scripts/build-wasm, then
// scripts/build-site.mjs), and needs /usr/bin/chromium (scripts/setup).

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The folder the server serves: what a site would copy. */
export const SITE = fileURLToPath(new URL('../../target/site/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const SEED = readFileSync(new URL('../../www/samples/seed-article.txt', import.meta.url), 'utf8');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Start the server and the browser; returns {server, browser, origin, url(path), newPage(), close()}. */
export async function launch() {
  if (!existsSync(`${SITE}pkg/quotelens_bg.wasm`)) {
    throw new Error('target/site/ is missing: run scripts/build-wasm, then node scripts/build-site.mjs');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/setup first`);
  const server = await startServer({ port: 0 });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  } catch (err) {
    await server.close();
    throw err;
  }
  const origin = new URL(server.url).origin;
  return {
    server,
    browser,
    origin,
    url: (path = '') => new URL(path, server.url).href,
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, ...options });
      const page = await context.newPage();
      // Uncaught exceptions and console errors (CSP violations are reported there) end up in
      // page.errors, which each test expects to stay empty.
      const errors = [];
      page.on('pageerror', (err) => errors.push(String(err)));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      page.errors = errors;
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** Path of a screenshot file in tests/browser/screenshots/ (created on demand, ignored by git). */
export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return `${SCREENSHOTS}${name}`;
}

/** Wait until the <quote-lens> at `selector` has drawn an analysis into its shadow root. */
export async function waitForLens(page, selector, timeout = 15000) {
  await page.waitForFunction(
    (sel) => {
      const lens = document.querySelector(sel);
      return Boolean(lens?.analysis && lens.shadowRoot?.querySelector('[part~="article"]'));
    },
    selector,
    { timeout },
  );
}

/** Colour and text of a shadow element, read in the page. */
export async function shadowInfo(page, selector, inner) {
  return page.evaluate(
    ([sel, q]) =>
      [...document.querySelector(sel).shadowRoot.querySelectorAll(q)].map((el) => {
        const cs = getComputedStyle(el);
        return {
          text: el.textContent,
          speaker: el.dataset.speaker ?? null,
          part: el.getAttribute('part'),
          title: el.title,
          border: cs.borderBottomColor,
          background: cs.backgroundColor,
        };
      }),
    [selector, inner],
  );
}

/** Wait until the <quote-lens> at `selector` shows `text` (whitespace aside) with its analysis. */
export async function waitForText(page, selector, text, timeout = 15000) {
  await page.waitForFunction(
    ([sel, want]) => {
      const lens = document.querySelector(sel);
      const article = lens?.shadowRoot?.querySelector('[part~="article"]');
      const squash = (s) => s.replace(/\s+/g, '');
      return Boolean(lens.analysis && article && lens.text === want && squash(article.textContent) === squash(want));
    },
    [selector, text],
    { timeout },
  );
}
