// The reader page: paste the seed article, check speakers, their colours and the places.
// The paste happens once (in `before`); each check is its own test so every failure shows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshotPath, SEED, shadowInfo, waitForLens, waitForText } from './harness.mjs';

let env;
let page;
/** Legend entries: speaker id -> {name, colour of the swatch}. */
let speakers;
let quotes;

/** Replace the textarea's content the way a reader would: clear it, then paste plain text. */
async function paste(text) {
  const box = page.locator('#article');
  await box.fill('');
  await page.waitForFunction(() => document.querySelector('#lens').analysis?.quotes.length === 0);
  await box.focus();
  await page.keyboard.insertText(text);
}

before(async () => {
  env = await launch();
  page = await env.newPage();
  await page.goto(env.url('index.html'));
  await waitForLens(page, '#lens');
  await paste(SEED);
  await waitForText(page, '#lens', SEED);
  await page.screenshot({ path: screenshotPath('page.png'), fullPage: true });
  speakers = await page.evaluate(() => {
    const out = {};
    for (const b of document.querySelector('#lens').shadowRoot.querySelectorAll('[part~="legend-speaker"]')) {
      out[b.dataset.speaker] = {
        name: b.querySelector('.who').firstChild.textContent,
        colour: getComputedStyle(b.querySelector('[part~="swatch"]')).backgroundColor,
      };
    }
    return out;
  });
  quotes = await shadowInfo(page, '#lens', '[part~="quote"]');
});
after(async () => {
  await env?.close();
});

test('the pasted text is what the widget shows, paragraph by paragraph', async () => {
  assert.equal(await page.locator('#article').inputValue(), SEED);
  const paragraphs = await page.evaluate(() =>
    [...document.querySelector('#lens').shadowRoot.querySelectorAll('[part~="paragraph"]')].map((p) => p.textContent),
  );
  assert.deepEqual(paragraphs, SEED.split(/\n[^\S\n]*\n\s*/).filter((p) => p.length));
  assert.deepEqual(page.errors, [], 'no uncaught errors or CSP violations');
});

test('the legend lists Pezeshkian, al-Assad and Tamim as speakers', () => {
  const names = Object.values(speakers).map((s) => s.name);
  for (const who of ['Pezeshkian', 'al-Assad', 'Tamim']) {
    assert.ok(
      names.some((n) => n.toLowerCase().includes(who.toLowerCase())),
      `legend lists ${who}; it has ${JSON.stringify(names)}`,
    );
  }
});

test('the legend lists nobody who is not quoted', () => {
  // The article quotes these four (Xinhua reports the first phone call).
  for (const { name } of Object.values(speakers)) {
    assert.match(name, /Pezeshkian|Assad|Tamim|Xinhua/, `${JSON.stringify(name)} is not a speaker in this article`);
  }
});

test("every attributed quote has its speaker's legend colour, and speakers' colours differ", () => {
  const attributed = quotes.filter((q) => q.speaker != null);
  assert.ok(attributed.length >= 3, `at least 3 attributed quotes, got ${attributed.length}`);
  for (const q of attributed) {
    assert.ok(speakers[q.speaker], `quote ${JSON.stringify(q.text)} has a speaker in the legend`);
    assert.equal(q.border, speakers[q.speaker].colour, `quote ${JSON.stringify(q.text)} has its speaker's colour`);
  }
  const colours = new Set(Object.values(speakers).map((s) => s.colour));
  assert.equal(colours.size, Math.min(Object.keys(speakers).length, 8), 'speakers have distinct colours');
});

test('well-known quotes go to the right person', () => {
  const attributed = quotes.filter((q) => q.speaker != null);
  const expectSpeaker = (fragment, who) => {
    const q = attributed.find((x) => x.text.includes(fragment));
    assert.ok(q, `a quote containing ${JSON.stringify(fragment)} is attributed`);
    assert.match(speakers[q.speaker].name, new RegExp(who, 'i'), `${JSON.stringify(fragment)} is said by ${who}`);
  };
  expectSpeaker('We want a secure region', 'Pezeshkian');
  expectSpeaker('whose main objective is to divide Syria', 'Assad');
  expectSpeaker('We believe that what is taking place in Syria', 'Tamim');
  expectSpeaker('seriously and closely', 'Pezeshkian');
});

test('mentions of speakers are marked with their number, not only their colour', async () => {
  const mentions = await shadowInfo(page, '#lens', '[part~="speaker"]');
  assert.ok(mentions.some((m) => m.text.includes('Pezeshkian')), 'a mention of Pezeshkian is marked');
  assert.ok(mentions.some((m) => m.text.includes('al-Assad')), 'a mention of al-Assad is marked');
  for (const m of mentions) assert.match(m.title, /^Speaker \d+: /);
  const badges = await page.evaluate(() =>
    [...document.querySelector('#lens').shadowRoot.querySelectorAll('.article .tail')].map((t) => t.dataset.n),
  );
  assert.ok(badges.length > 0 && badges.every((n) => /^\d+$/.test(n)), 'each mention ends in a number badge');
});

test('places are marked; nationality adjectives and the news agency are not', async () => {
  const places = (await shadowInfo(page, '#lens', '[part~="place"]')).map((p) => p.text);
  for (const where of ['Tehran', 'Syria', 'Gaza', 'Lebanon', 'Iran', 'Qatar']) {
    assert.ok(places.includes(where), `${where} is marked as a place; places are ${JSON.stringify(places)}`);
  }
  for (const not of ['Iranian', 'Syrian', 'Qatari', 'Xinhua', 'Muslim', 'Arab']) {
    assert.ok(!places.some((p) => p.includes(not)), `${not} is not a place`);
  }
  const styled = await page.evaluate(() => {
    const place = document.querySelector('#lens').shadowRoot.querySelector('[part~="place"]');
    return getComputedStyle(place).textDecorationStyle;
  });
  assert.equal(styled, 'dotted', 'places are drawn differently from quotes (dotted underline)');
});

test('the page also renders in dark mode', async () => {
  const dark = await env.newPage({ colorScheme: 'dark' });
  await dark.goto(env.url('index.html'));
  await waitForLens(dark, '#lens');
  await dark.waitForFunction(() => document.querySelector('#lens').analysis?.quotes.length > 0);
  const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(18, 19, 20)');
  await dark.screenshot({ path: screenshotPath('page-dark.png') });
  assert.deepEqual(dark.errors, []);
  await dark.context().close();
});
