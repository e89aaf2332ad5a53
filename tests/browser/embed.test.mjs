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
  await page.screenshot({ path: screenshotPath('embed.png'), fullPage: true });
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

test('embed.html: Lisbon and Porto are places, Marta Fontes speaks', async () => {
  const places = (await shadowInfo(page, '#first', '[part~="place"]')).map((p) => p.text);
  assert.ok(places.some((p) => /^lisbon$/i.test(p)), `LISBON is marked; places: ${JSON.stringify(places)}`);
  assert.ok(places.includes('Porto'), `Porto is marked; places: ${JSON.stringify(places)}`);
  const speakers = (await shadowInfo(page, '#first', '[part~="legend-speaker"] .who')).map((s) => s.text);
  assert.equal(speakers.length, 1, `one speaker, Marta Fontes: ${JSON.stringify(speakers)}`);
  assert.match(speakers[0], /Marta Fontes/);
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
