// The embed demo: <quote-lens> on a plain static page, text in the light DOM.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshotPath, shadowInfo, waitForLens } from './harness.mjs';

let env;
let page;
before(async () => {
  env = await launch();
  page = await env.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(env.url('embed.html'));
  await waitForLens(page, '#first');
  await waitForLens(page, '#second');
});
after(async () => {
  await env?.close();
});

test('embed.html: the first widget draws its quote, legend and no errors', async () => {
  const quotes = await shadowInfo(page, '#first', '[part~="quote"]');
  assert.ok(quotes.some((q) => q.text.includes('We have waited thirty years')), 'the direct quote is marked');
  assert.equal((await shadowInfo(page, '#first', '[part~="legend"]')).length, 1, 'legend attribute shows the legend');
  assert.deepEqual(page.errors, [], 'no uncaught errors or CSP violations');
});

test('embed.html: the light-DOM text stays as the fallback, the shadow root draws over it', async () => {
  const light = await page.evaluate(() => document.querySelector('#first').textContent);
  assert.match(light, /We have waited thirty years for this/);
  const slot = await page.evaluate(() => Boolean(document.querySelector('#first').shadowRoot.querySelector('slot')));
  assert.equal(slot, false, 'once rendered, the shadow root replaces the fallback display');
});

test('embed.html: Lisbon and Porto are places, Marta Fontes and the officials speak', async () => {
  const places = (await shadowInfo(page, '#first', '[part~="place"]')).map((p) => p.text);
  assert.ok(places.some((p) => /^lisbon$/i.test(p)), `LISBON is marked; places: ${JSON.stringify(places)}`);
  assert.ok(places.includes('Porto'), `Porto is marked; places: ${JSON.stringify(places)}`);
  const speakers = (await shadowInfo(page, '#first', '[part~="legend-speaker"] .who')).map((s) => s.text);
  // Marta Fontes is quoted three times; "transport officials said" reports the opening news.
  assert.equal(speakers.length, 2, `two speakers: ${JSON.stringify(speakers)}`);
  assert.match(speakers[0], /Marta Fontes/);
  assert.match(speakers[1], /transport officials/);
});

test('embed.html: the second widget shows only quotes and speakers, in the page\'s colour', async () => {
  assert.deepEqual(await page.evaluate(() => document.querySelector('#second').layers), ['quotes', 'speakers']);
  assert.equal((await shadowInfo(page, '#second', '[part~="place"]')).length, 0, 'places layer is off');
  assert.equal((await shadowInfo(page, '#second', '[part~="legend"]')).length, 0, 'no legend attribute, no legend');
  const quotes = await shadowInfo(page, '#second', '[part~="quote"]');
  const bridge = quotes.find((q) => q.text.includes('The bridge will be finished'));
  assert.ok(bridge?.speaker != null, `the bridge quote has a speaker: ${JSON.stringify(quotes)}`);
  assert.equal(bridge.border, 'rgb(123, 44, 191)', 'custom property --quotelens-speaker-1 applies');
});

test('attributes and properties mirror each other, and changes render once per task', async () => {
  const result = await page.evaluate(async () => {
    const lens = document.createElement('quote-lens');
    let events = 0;
    let detail = null;
    lens.addEventListener('quote-lens-analyzed', (e) => {
      events++;
      detail = e.detail;
    });
    const seen = [];
    document.body.addEventListener('quote-lens-analyzed', (e) => seen.push(e.composed && e.bubbles));
    document.body.append(lens);
    lens.legend = true;
    lens.layers = ['quotes', 'places', 'bogus'];
    lens.text = '“It works,” said Ana Silva in Lisbon.';
    lens.setAttribute('layers', 'quotes places');
    await new Promise((ok) => lens.addEventListener('quote-lens-analyzed', ok, { once: true }));
    await new Promise((ok) => setTimeout(ok, 50));
    const out = {
      events,
      bubbledComposed: seen,
      legendAttr: lens.hasAttribute('legend'),
      layers: lens.layers,
      layersAttr: lens.getAttribute('layers'),
      sameDetail: detail === lens.analysis,
      text: lens.shadowRoot.querySelector('[part~="article"]').textContent,
    };
    lens.legend = false;
    lens.removeAttribute('layers');
    out.legendAfter = lens.hasAttribute('legend');
    out.layersAfter = lens.layers;
    lens.remove();
    return out;
  });
  assert.equal(result.events, 1, 'four changes in one task render once');
  assert.deepEqual(result.bubbledComposed, [true]);
  assert.equal(result.legendAttr, true);
  assert.deepEqual(result.layers, ['quotes', 'places']);
  assert.equal(result.layersAttr, 'quotes places');
  assert.equal(result.sameDetail, true);
  assert.equal(result.text, '“It works,” said Ana Silva in Lisbon.');
  assert.equal(result.legendAfter, false);
  assert.deepEqual(result.layersAfter, ['quotes', 'speakers', 'places']);
});

test('theme: attribute and property mirror each other; dark applies with or without the system', async () => {
  const result = await page.evaluate(() => {
    const lens = document.querySelector('#first');
    const paper = () => getComputedStyle(lens).backgroundColor;
    const out = { initial: lens.theme, light: paper() };
    lens.theme = 'dark';
    out.attr = lens.getAttribute('theme');
    out.dark = paper();
    lens.setAttribute('theme', 'light');
    out.prop = lens.theme;
    lens.setAttribute('theme', 'bogus');
    out.bogus = lens.theme;
    lens.theme = 'auto';
    out.autoAttr = lens.hasAttribute('theme');
    try {
      lens.theme = 'sepia';
    } catch (err) {
      out.error = err.name;
    }
    return out;
  });
  assert.deepEqual(result, {
    initial: 'auto',
    light: 'rgb(255, 253, 249)',
    attr: 'dark',
    dark: 'rgb(27, 28, 30)',
    prop: 'light',
    bogus: 'auto',
    autoAttr: false,
    error: 'TypeError',
  });
});

test('the third widget: text property in, quote-lens-analyzed and speakers out, dark theme', async () => {
  await page.waitForFunction(() => /speakers: 1\./.test(document.querySelector('#events').textContent));
  const info = await page.evaluate(() => {
    const lens = document.querySelector('#third');
    return {
      events: document.querySelector('#events').textContent,
      speakers: lens.speakers.map((s) => [s.n, s.name, s.kind, s.quotes]),
      paper: getComputedStyle(lens).backgroundColor,
      light: lens.textContent.trim(),
    };
  });
  assert.match(info.events, /^quote-lens-analyzed: \d+ quotes, \d+ places; speakers: 1\. /);
  assert.ok(info.speakers.some(([, name]) => /Steiner/.test(name)), JSON.stringify(info.speakers));
  assert.equal(info.paper, 'rgb(27, 28, 30)', 'theme="dark" on a light system');
  assert.equal(info.light, '(This text is replaced by the script.)', 'the text property wins over the light DOM');
  await page.click('#toggle-legend');
  await page.waitForFunction(() => document.querySelector('#third').shadowRoot.querySelector('[part~="legend"]'));
  await page.click('#toggle-theme');
  assert.equal(await page.evaluate(() => document.querySelector('#third').getAttribute('theme')), 'light');
  await page.click('#toggle-theme');
  await page.click('#toggle-theme');
  assert.equal(await page.evaluate(() => document.querySelector('#third').getAttribute('theme')), 'dark');
  await page.screenshot({ path: screenshotPath('embed.png'), fullPage: true });
});

test('::part() and custom properties style the element from outside', async () => {
  const styles = await page.evaluate(() => {
    const root = document.querySelector('#second').shadowRoot;
    return {
      quote: getComputedStyle(root.querySelector('[part~="quote-direct"]')).fontStyle,
      name: getComputedStyle(root.querySelector('[part~="speaker-name"]')).textTransform,
    };
  });
  assert.deepEqual(styles, { quote: 'italic', name: 'uppercase' });
});

test('a long text in the widget goes to the worker, with quote-lens-progress events', async () => {
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const result = await page.evaluate(async () => {
    const lens = document.createElement('quote-lens');
    lens.workerThreshold = 1000;
    const base = '“We will stay,” said Ana Silva in Lisbon.\n\n';
    lens.text = base.repeat(Math.ceil(420_000 / base.length));
    const progress = [];
    lens.addEventListener('quote-lens-progress', (e) => progress.push({ ...e.detail, bubbles: e.bubbles, composed: e.composed }));
    const done = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', (e) => ok(e.detail), { once: true }));
    document.body.append(lens);
    const analysis = await done;
    const out = {
      progress,
      quotes: analysis.quotes.length,
      expected: Math.ceil(420_000 / base.length),
      speakers: lens.speakers.map((s) => s.name),
      entities: analysis.entities.length,
      lastQuote: lens.text.slice(analysis.quotes.at(-1).start, analysis.quotes.at(-1).end),
    };
    lens.remove();
    return out;
  });
  assert.ok(workers.some((u) => u.endsWith('/quote-lens-worker.js')), 'the worker ran');
  assert.ok(result.progress.length >= 3, `progress in pieces: ${JSON.stringify(result.progress)}`);
  assert.ok(result.progress.every((p) => p.phase === 'analysing' && p.bubbles && p.composed));
  assert.equal(result.progress.at(-1).done, result.progress.at(-1).total);
  assert.equal(result.quotes, result.expected, 'every quote of every piece');
  assert.deepEqual(result.speakers, ['Ana Silva'], 'speakers are joined across pieces');
  assert.equal(result.lastQuote, '“We will stay,”', 'spans of later pieces are shifted into place');
  assert.deepEqual(page.errors, []);
});
