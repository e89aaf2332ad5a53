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
  page = await env.newPage({ reducedMotion: 'reduce' });
  await page.goto(env.url('index.html'));
  await waitForLens(page, '#lens');
  await paste(SEED);
  await waitForText(page, '#lens', SEED);
  await page.screenshot({ path: screenshotPath('page.png') });
  speakers = await page.evaluate(() => {
    const out = {};
    for (const b of document.querySelector('#lens').shadowRoot.querySelectorAll('[part~="legend-speaker"]')) {
      out[b.dataset.speaker] = {
        name: b.querySelector('.who').firstChild.textContent,
        // The swatch is a ring in the speaker's colour around a light tint of it.
        colour: getComputedStyle(b.querySelector('[part~="swatch"]')).boxShadow.match(/rgb\([^)]*\)/)[0],
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

test('the page also renders in dark mode, and the theme switch overrides the system', async () => {
  const dark = await env.newPage({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await dark.goto(env.url('index.html'));
  await waitForLens(dark, '#lens');
  await dark.waitForFunction(() => document.querySelector('#lens').analysis?.quotes.length > 0);
  const colours = () =>
    dark.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      lens: getComputedStyle(document.querySelector('#lens')).getPropertyValue('--quotelens-ink').trim(),
    }));
  assert.deepEqual(await colours(), { page: 'rgb(18, 19, 20)', lens: '#ece8e1' });
  await dark.screenshot({ path: screenshotPath('page-dark.png') });
  await dark.click('.theme [data-theme="light"]');
  assert.deepEqual(await colours(), { page: 'rgb(244, 241, 234)', lens: '#1d1d1f' }, 'Light wins over a dark system');
  assert.equal(await dark.getAttribute('#lens', 'theme'), 'light');
  await dark.click('.theme [data-theme="auto"]');
  assert.deepEqual(await colours(), { page: 'rgb(18, 19, 20)', lens: '#ece8e1' });
  assert.deepEqual(dark.errors, []);
  await dark.context().close();
});

test('live: typing re-analyses after a pause, not at every key', async () => {
  await page.locator('#article').fill('');
  await page.waitForFunction(() => document.querySelector('#lens').analysis?.quotes.length === 0);
  await page.evaluate(() => {
    window.__analysed = 0;
    document.querySelector('#lens').addEventListener('quote-lens-analyzed', () => window.__analysed++);
  });
  const sentence = '“We are ready,” said Mia Berg in Oslo.';
  await page.locator('#article').pressSequentially(sentence, { delay: 15 });
  await page.waitForFunction((n) => document.querySelector('#lens').analysis?.quotes.length === 1 && document.querySelector('#lens').text.length === n, sentence.length);
  const runs = await page.evaluate(() => window.__analysed);
  assert.ok(runs >= 1 && runs < sentence.length / 4, `${runs} analyses for ${sentence.length} keys`);
  const quote = await page.evaluate(() => document.querySelector('#lens').shadowRoot.querySelector('[part~="quote"]').textContent);
  assert.equal(quote, '“We are ready,”');
});

test('samples: curly quotes and guillemets, each credited', async () => {
  for (const [file, mark, credit] of [
    ['harbour-strike.txt', '“', /written for quotelens/i],
    ['alpine-summit.txt', '«', /written for quotelens/i],
    ['seed-article.txt', '"', /seed article/i],
  ]) {
    const analysed = page.evaluate(() => new Promise((ok) => document.querySelector('#lens').addEventListener('quote-lens-analyzed', () => ok(), { once: true })));
    await page.selectOption('#sample', file);
    await analysed;
    const info = await page.evaluate(() => {
      const lens = document.querySelector('#lens');
      return {
        direct: lens.analysis.quotes.filter((q) => q.kind === 'direct').map((q) => lens.text.slice(q.start, q.end)),
        credit: document.querySelector('#credit').textContent,
        link: document.querySelector('#credit a').getAttribute('href'),
      };
    });
    assert.ok(info.direct.length >= 3 && info.direct.every((q) => q.startsWith(mark)), `${file}: ${JSON.stringify(info.direct)}`);
    assert.match(info.credit, credit);
    assert.equal(info.link, 'samples/SOURCES.md');
  }
  const sources = await fetch(new URL('samples/SOURCES.md', env.server.url)).then((r) => r.text());
  for (const f of ['seed-article.txt', 'harbour-strike.txt', 'alpine-summit.txt']) assert.ok(sources.includes(f));
  assert.deepEqual(page.errors, []);
});

test('a paste with a very long run without spaces: the box does not break inside words, the article gets break opportunities', async () => {
  // 30,000 ’ in a row: laid out with break-word, such runs froze the page for seconds.
  const hostile = `Before ${'’'.repeat(30_000)} after.`;
  const synthetic = (text) =>
    page.evaluate((text) => {
      const box = document.querySelector('#article');
      const data = new DataTransfer();
      data.setData('text/plain', text);
      box.focus();
      box.select();
      // A synthetic paste runs the page's handler (no default action): the class is set from it.
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      const marked = box.classList.contains('unbroken');
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return marked;
    }, text);
  assert.equal(await synthetic(hostile), true, 'the paste handler marks the box before the text is laid out');
  await page.waitForFunction((n) => document.querySelector('#lens').text.length === n, hostile.length);
  // A text this long is drawn block by block as it comes into view (blocks not yet drawn are
  // plain text that content-visibility keeps from being laid out): wait for the first.
  await page.waitForFunction(() => document.querySelector('#lens').shadowRoot.querySelector('.article p'));
  const after = await page.evaluate(() => {
    // The longest stretch of the drawn paragraphs without white space, a <wbr> or a paragraph edge.
    let longest = 0;
    for (const p of document.querySelector('#lens').shadowRoot.querySelectorAll('.article p')) {
      let run = 0;
      const walk = document.createTreeWalker(p, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (n.nodeName === 'WBR') run = 0;
        else if (n.nodeType === Node.TEXT_NODE) for (const c of n.data) longest = Math.max(longest, (run = /\s/.test(c) ? 0 : run + 1));
      }
    }
    return { box: getComputedStyle(document.querySelector('#article')).overflowWrap, longest };
  });
  assert.equal(after.box, 'normal');
  assert.ok(after.longest > 0 && after.longest <= 500, `longest run drawn without a break opportunity: ${after.longest}`);
  await synthetic(SEED);
  await page.waitForFunction((n) => document.querySelector('#lens').text.length === n, SEED.length);
  assert.equal(await page.evaluate(() => document.querySelector('#article').classList.contains('unbroken')), false, 'an ordinary text drops the class');
  assert.deepEqual(page.errors, []);
});
