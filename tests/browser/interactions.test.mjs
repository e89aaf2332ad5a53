// The reader page as a reader uses it: legend filtering and stepping, linking between quotes,
// mentions and the legend, layer switches, the who-said-what table and the places list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshotPath, waitForLens } from './harness.mjs';

let env;
let page;

/** Evaluate `fn(root, lens)` in the page with the element's shadow root. */
const inLens = (fn, arg) =>
  page.evaluate(
    ([src, a]) => {
      const lens = document.querySelector('#lens');
      // eslint-disable-next-line no-new-func
      return new Function('root', 'lens', 'arg', `return (${src})(root, lens, arg);`)(lens.shadowRoot, lens, a);
    },
    [fn.toString(), arg],
  );

before(async () => {
  env = await launch();
  // Reduced motion: no transitions or smooth scrolling to wait for.
  page = await env.newPage({ reducedMotion: 'reduce' });
  await page.goto(env.url('index.html'));
  await waitForLens(page, '#lens');
  await page.waitForFunction(() => document.querySelector('#lens').analysis?.quotes.length > 0);
});
after(async () => {
  await env?.close();
});

test('the legend lists every speaker with number, name, kind and quotes, most quoted first', async () => {
  const rows = await inLens((root, lens) =>
    [...root.querySelectorAll('[part~="legend-speaker"]')].map((b) => ({
      n: b.querySelector('.swatch').textContent,
      name: b.querySelector('.who').firstChild.textContent,
      detail: b.querySelector('.who small').textContent,
      quotes: lens.speakers.find((s) => String(s.id) === b.dataset.speaker).quotes,
    })),
  );
  assert.ok(rows.length >= 3, JSON.stringify(rows));
  rows.forEach((r, i) => {
    assert.equal(r.n, String(i + 1));
    assert.match(r.detail, /^(person|organisation|group) · \d+ quotes?$/);
    if (i) assert.ok(rows[i - 1].quotes >= r.quotes, 'sorted by number of quotes');
  });
  assert.match(rows[0].name, /Pezeshkian/);
});

test('clicking a legend entry shows only that speaker, and steps through their quotes', async () => {
  const button = page.locator('#lens').locator('[part~="legend-speaker"]').nth(1);
  await button.click();
  const first = await inLens((root) => {
    const pressed = root.querySelector('[part~="legend-speaker"][aria-pressed="true"]');
    const id = pressed.dataset.speaker;
    const plain = (el) => getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)';
    const quotes = [...root.querySelectorAll('.article [part~="quote"]')];
    const mentions = [...root.querySelectorAll('.article [part~="speaker"]')];
    return {
      id,
      theirsMarked: quotes.filter((q) => q.dataset.speaker === id).every((q) => !plain(q)),
      othersPlain: quotes.filter((q) => q.dataset.speaker !== id).every(plain),
      otherMentionsPlain: mentions.filter((m) => m.dataset.speaker !== id).every((m) => getComputedStyle(m).boxShadow === 'none'),
      current: [...root.querySelectorAll('.article .current')].map((q) => q.dataset.speaker),
      at: pressed.querySelector('.at').textContent,
    };
  });
  assert.equal(first.theirsMarked, true);
  assert.equal(first.othersPlain, true, "other speakers' quotes lose their tint");
  assert.equal(first.otherMentionsPlain, true, "other speakers' mentions lose their bar");
  assert.ok(first.current.length && first.current.every((s) => s === first.id), 'their first quote is the current one');
  assert.match(first.at, /^1\/\d+$/);
  const total = Number(first.at.split('/')[1]);
  await button.click();
  const second = await inLens((root) => root.querySelector('[aria-pressed="true"] .at').textContent);
  assert.equal(second, total > 1 ? `2/${total}` : `1/${total}`);
  await page.keyboard.press('Escape');
  const after = await inLens((root, lens) => ({
    speaker: lens.speaker,
    pressed: root.querySelectorAll('[aria-pressed="true"][part~="legend-speaker"]').length,
  }));
  assert.deepEqual(after, { speaker: null, pressed: 0 }, 'Escape shows everyone again');
});

test('hovering a quote lights up its speaker’s mentions and legend entry, and the reverse', async () => {
  const quote = page.locator('#lens').locator('.article [part~="quote"][data-speaker]').first();
  const id = await quote.getAttribute('data-speaker');
  const look = () =>
    inLens(
      (root, lens, speaker) => ({
        mention: getComputedStyle(root.querySelector(`.article .m[data-speaker="${speaker}"]`)).boxShadow,
        legend: getComputedStyle(root.querySelector(`[part~="legend-speaker"][data-speaker="${speaker}"]`)).boxShadow,
        quote: getComputedStyle(root.querySelector(`.article .q[data-speaker="${speaker}"]`)).backgroundColor,
      }),
      id,
    );
  await page.mouse.move(5, 5);
  const before = await look();
  await quote.hover();
  const lit = await look();
  assert.notEqual(lit.mention, before.mention, 'the mentions light up');
  assert.notEqual(lit.legend, before.legend, 'the legend entry lights up');
  await page.mouse.move(5, 5);
  assert.deepEqual(await look(), before, 'and go back when the pointer leaves');
  await page.locator('#lens').locator(`[part~="legend-speaker"][data-speaker="${id}"]`).hover();
  assert.notEqual((await look()).quote, before.quote, 'hovering the legend entry lights up the quotes');
  await page.mouse.move(5, 5);
});

test('quotes are keyboard stops that name their speaker, and focusing one links too', async () => {
  const info = await inLens((root) => {
    const q = root.querySelector('.article .q.start[data-speaker]');
    q.focus();
    return {
      tabIndex: q.tabIndex,
      role: q.getAttribute('role'),
      description: q.getAttribute('aria-description'),
      legend: getComputedStyle(root.querySelector(`[part~="legend-speaker"][data-speaker="${q.dataset.speaker}"]`)).boxShadow,
    };
  });
  assert.equal(info.tabIndex, 0);
  assert.equal(info.role, 'mark');
  assert.match(info.description, /(quote|speech).* by .+ \(speaker \d+\)/i);
  assert.notEqual(info.legend, 'none', 'focusing a quote lights its legend entry');
  await inLens((root) => root.activeElement?.blur());
});

test('the layer switches hide and show quotes, speakers and places', async () => {
  const count = () =>
    inLens((root) => ({
      quotes: root.querySelectorAll('.article [part~="quote"]').length,
      speakers: root.querySelectorAll('.article [part~="speaker"]').length,
      places: root.querySelectorAll('.article [part~="place"]').length,
    }));
  const all = await count();
  assert.ok(all.quotes && all.speakers && all.places);
  const toggle = (layer) => page.locator('#lens').locator(`[part~="toggle"][data-layer="${layer}"]`).click();
  await toggle('places');
  await page.waitForFunction(() => document.querySelector('#lens').getAttribute('layers') === 'quotes speakers');
  await page.waitForFunction(() => !document.querySelector('#lens').shadowRoot.querySelector('.article [part~="place"]'));
  assert.deepEqual(await count(), { ...all, places: 0 });
  assert.equal(await page.locator('#lens').locator('[data-layer="places"]').getAttribute('aria-pressed'), 'false');
  await toggle('places');
  await page.waitForFunction((n) => document.querySelector('#lens').shadowRoot.querySelectorAll('.article [part~="place"]').length === n, all.places);
  assert.deepEqual(await count(), all);
});

test('who said what: a table of quotes that sorts, filters and leads to the quote', async () => {
  await page.click('#tab-quotes');
  await page.waitForSelector('#view-quotes table.quotes tbody tr[data-quote]');
  const rows = () =>
    page.$$eval('#view-quotes tbody tr[data-quote]', (trs) =>
      trs.map((tr) => ({ n: Number(tr.children[0].textContent), speaker: tr.children[1].textContent, kind: tr.children[2].textContent, words: tr.children[3].textContent })),
    );
  const initial = await rows();
  const analysed = await page.evaluate(() => document.querySelector('#lens').analysis.quotes.length);
  assert.equal(initial.length, analysed, 'one row per quote');
  assert.deepEqual(initial.map((r) => r.n), initial.map((_, i) => i + 1), 'in text order at first');

  await page.click('#view-quotes th[data-key="speaker"] button');
  const bySpeaker = await rows();
  const rank = (r) => Number(/^(\d+)/.exec(r.speaker)?.[1] ?? 1e9);
  assert.deepEqual(bySpeaker.map(rank), [...bySpeaker.map(rank)].sort((a, b) => a - b), 'sorted by speaker number');
  assert.equal(await page.getAttribute('#view-quotes th[data-key="speaker"]', 'aria-sort'), 'ascending');
  await page.click('#view-quotes th[data-key="words"] button');
  await page.click('#view-quotes th[data-key="words"] button');
  const byWords = (await rows()).map((r) => r.words);
  // By the words themselves: leading quote marks skipped, case and accents ignored.
  const key = (w) => w.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/^[^\p{L}\p{N}]+/u, '');
  assert.ok(new Set(byWords.map((w) => w[0])).size > 1 && new Set(byWords.map((w) => key(w)[0])).size > 3, 'quotes with different marks and words');
  assert.deepEqual(byWords.map(key), byWords.map(key).sort().reverse(), 'clicking twice sorts descending');
  assert.equal(await page.getAttribute('#view-quotes th[data-key="words"]', 'aria-sort'), 'descending');

  await page.fill('#quote-filter', 'secure region');
  await page.waitForFunction(() => document.querySelectorAll('#view-quotes tbody tr[data-quote]').length === 1);
  const [hit] = await rows();
  assert.match(hit.words, /secure region/);
  await page.fill('#quote-filter', '');
  await page.selectOption('#quote-kind', 'direct');
  await page.waitForFunction(() => [...document.querySelectorAll('#view-quotes tbody tr[data-quote]')].every((tr) => tr.children[2].textContent === 'Direct'));
  await page.selectOption('#quote-kind', '');
  await page.waitForFunction((n) => document.querySelectorAll('#view-quotes tbody tr[data-quote]').length === n, analysed);
  await page.screenshot({ path: screenshotPath('page-quotes.png') });

  const index = await page.getAttribute('#view-quotes tbody tr[data-quote]:last-child', 'data-quote');
  await page.click('#view-quotes tbody tr[data-quote]:last-child .go');
  assert.equal(await page.getAttribute('#tab-article', 'aria-selected'), 'true', 'back to the article');
  const shown = await inLens(
    (root, lens, i) => {
      const el = root.querySelector(`.article [data-quote="${i}"]`);
      const box = el.getBoundingClientRect();
      return { current: el.classList.contains('current'), focused: root.activeElement === el, inView: box.top >= 0 && box.bottom <= innerHeight + 1 };
    },
    index,
  );
  const inView = await inLens((root, lens, i) => {
    const box = root.querySelector(`.article [data-quote="${i}"]`).getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight + 1;
  }, index);
  assert.equal(shown.current, true);
  assert.equal(shown.focused, true, 'the quote takes the keyboard focus');
  assert.equal(inView, true, 'the quote is scrolled into view');
  assert.deepEqual(page.errors, []);
});

test('places: grouped by country with counts, each leading to its mentions', async () => {
  await page.click('#tab-places');
  await page.waitForSelector('#view-places .country');
  const groups = await page.$$eval('#view-places .country', (sections) =>
    sections.map((s) => ({
      country: s.querySelector('h3 .name').textContent,
      count: Number(s.querySelector('h3 .count').textContent.replace('×', '')),
      places: [...s.querySelectorAll('.place')].map((b) => b.querySelector('span:not(.pin)').textContent),
    })),
  );
  const syria = groups.find((g) => g.country === 'Syria');
  assert.ok(syria && syria.count >= 5, JSON.stringify(groups));
  const iran = groups.find((g) => g.country === 'Iran');
  assert.ok(iran.places.includes('Tehran') && iran.places.includes('Iran'), 'Tehran is grouped under Iran');
  const total = groups.reduce((n, g) => n + g.count, 0);
  assert.equal(total, await page.evaluate(() => document.querySelector('#lens').analysis.locations.length));
  const places = groups.reduce((n, g) => n + g.places.length, 0);
  const countries = groups.filter((g) => g.country !== 'No country').length;
  assert.equal(
    await page.textContent('#view-places .shown'),
    `${places} places in ${countries} ${countries === 1 ? 'country' : 'countries'}, mentioned ${total} times`,
  );
  for (let i = 1; i < groups.length; i++) {
    if (groups[i].country !== 'No country') assert.ok(groups[i - 1].count >= groups[i].count, 'biggest countries first');
  }
  await page.locator('#view-places .place', { hasText: 'Tehran' }).click();
  assert.equal(await page.getAttribute('#tab-article', 'aria-selected'), 'true');
  const current = await inLens((root) => [...root.querySelectorAll('.article .p.current')].map((p) => p.textContent));
  assert.deepEqual(current.map((t) => t.toLowerCase()), ['tehran']);
  assert.deepEqual(page.errors, []);
});

test('who said what on 6,000 quotes: sorted in steps, the same order as one sort', async () => {
  const view = await env.newPage();
  await view.goto(env.url('index.html'));
  await waitForLens(view, '#lens');
  // Words in a scrambled order, so that every run of the stepwise sort holds some of the first.
  const n = 6000;
  const long = Array.from({ length: n }, (_, i) => `“Word ${(i * 7919) % n} here,” said Ana Silva.`).join('\n\n');
  await view.evaluate((text) => {
    const box = document.querySelector('#article');
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, long);
  await view.waitForFunction((n) => document.querySelector('#lens').analysis?.quotes.length === n, n, { timeout: 60000 });
  // Every count shown to the reader has its thousands grouped: the tab, the status line, the
  // speaker's line in the legend.
  assert.equal(await view.textContent('#n-quotes'), '6,000');
  assert.match(await view.textContent('#status'), /^1 speaker · 6,000 quotes · /);
  const legend = await view.evaluate(() => document.querySelector('#lens').shadowRoot.querySelector('.legend small.count').textContent);
  assert.match(legend, /(^| · )6,000 quotes$/);
  await view.click('#tab-quotes');
  const settled = (key, dir) =>
    view.waitForFunction(
      ([key, dir]) =>
        document.querySelector(`#view-quotes th[data-key="${key}"]`)?.getAttribute('aria-sort') === dir &&
        !/Sorting/.test(document.querySelector('#view-quotes .shown').textContent),
      [key, dir],
      { timeout: 60000 },
    );
  await settled('at', 'ascending');
  assert.match(await view.textContent('#view-quotes .shown'), /^6,000 quotes/);
  const shown = () => view.$$eval('#view-quotes tbody tr[data-quote] .go', (bs) => bs.map((b) => b.textContent));
  // What one sort of all the quotes gives: by the words without their marks, in lowercase.
  const key = (w) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
  const all = Array.from({ length: n }, (_, i) => `“Word ${(i * 7919) % n} here,”`);
  const ascending = [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  await view.click('#view-quotes th[data-key="words"] button');
  await settled('words', 'ascending');
  assert.deepEqual(await shown(), ascending.slice(0, 200));
  await view.click('#view-quotes button.more');
  await view.waitForFunction(() => document.querySelectorAll('#view-quotes tbody tr[data-quote]').length === 400);
  assert.deepEqual(await shown(), ascending.slice(0, 400), '"Show more" keeps the order');
  await view.click('#view-quotes th[data-key="words"] button');
  await settled('words', 'descending');
  assert.deepEqual(await shown(), [...ascending].reverse().slice(0, 200));
  assert.deepEqual(view.errors ?? [], []);
  await view.close();
});
