// The renderer with crafted analyses: nested and crossing spans, paragraphs, bad spans, surrogates.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitForLens } from './harness.mjs';

let env;
let page;
before(async () => {
  env = await launch();
  page = await env.newPage();
  await page.goto(env.url('embed.html'));
  await waitForLens(page, '#first');
});
after(async () => {
  await env?.close();
});

/** Render `text` with `analysis` in a fresh element; return what the shadow root shows. */
function draw(text, analysis, attrs = { legend: '' }) {
  return page.evaluate(
    async ([text, analysis, attrs]) => {
      const lens = document.createElement('quote-lens');
      for (const [k, v] of Object.entries(attrs)) lens.setAttribute(k, v);
      lens.analyzer = () => analysis;
      lens.text = text;
      const done = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', ok, { once: true }));
      document.body.append(lens);
      await done;
      const root = lens.shadowRoot;
      const group = (sel, key) => {
        const out = {};
        for (const el of root.querySelectorAll(sel)) {
          const k = el.dataset[key];
          out[k] = (out[k] ?? '') + el.textContent;
        }
        return out;
      };
      const result = {
        paragraphs: [...root.querySelectorAll('[part~="paragraph"]')].map((p) => p.textContent),
        quotes: group('.article [part~="quote"]', 'quote'),
        mentions: Object.values(group('.article [part~="speaker"]', 'mention')),
        places: Object.values(group('.article [part~="place"]', 'place')),
        badges: [...root.querySelectorAll('.article .tail')].map((t) => [t.textContent, t.dataset.n]),
        legend: [...root.querySelectorAll('[part~="legend-speaker"]')].map((b) => b.textContent),
        nested: root.querySelectorAll('.article .q .q').length,
        unattributed: Object.keys(group('.article [part~="unattributed"]', 'quote')).length,
      };
      lens.remove();
      return result;
    },
    [text, analysis, attrs],
  );
}

const q = (start, end, speaker = null, kind = 'direct') => ({ start, end, kind, speaker, speaker_mention: null, cue: null, continues: null });

test('nested and crossing spans keep the text whole and each span exact', async () => {
  //            0         1         2         3         4         5         6
  //            0123456789012345678901234567890123456789012345678901234567890123456
  const text = 'Ana Silva said that “Paris is ready” and Qatar’s emir agreed.';
  const analysis = {
    offsets: 'utf16',
    entities: [
      { id: 7, name: 'Ana Silva', kind: 'person', mentions: [{ start: 0, end: 9, kind: 'name' }] },
      { id: 9, name: 'Tamim', kind: 'person', mentions: [{ start: 41, end: 53, kind: 'title' }] },
    ],
    quotes: [q(15, 36, 7, 'indirect'), q(20, 36, 7), q(30, 45, 9, 'indirect')],
    locations: [
      { start: 21, end: 26, name: 'Paris', kind: 'city', country: 'FR', lat: 0, lon: 0, dateline: false },
      { start: 41, end: 46, name: 'Qatar', kind: 'country', country: 'QA', lat: 0, lon: 0, dateline: false },
    ],
  };
  const r = await draw(text, analysis);
  assert.deepEqual(r.paragraphs, [text]);
  analysis.quotes.forEach((x, i) => assert.equal(r.quotes[i], text.slice(x.start, x.end), `quote ${i}`));
  assert.deepEqual(r.places, ['Paris', 'Qatar']);
  assert.deepEqual(r.mentions, ['Ana Silva', 'Qatar’s emir']);
  assert.deepEqual(r.badges, [['Silva', '1'], ['emir', '2']]);
  assert.ok(r.nested >= 1, 'the direct quote nests inside the reported one');
  assert.deepEqual(r.legend, ['1Ana Silvaperson · 2 quotes', '2Tamimperson · 1 quote']);
});

test('paragraphs split spans; bad spans and unknown speakers are ignored safely', async () => {
  const text = 'First line\nstill first.\n\n  \n“Second” para.\n\n\nThird 😀 “x”';
  const third = text.indexOf('“x”');
  const analysis = {
    offsets: 'utf16',
    entities: [{ id: 1, name: 'Who', kind: 'person', mentions: [{ start: -3, end: 2, kind: 'name' }, { start: 0, end: 5, kind: 'name' }] }],
    quotes: [
      q(6, 30, 1), // crosses a paragraph break
      q(third, third + 3, 1),
      q(5, 5, 1), // empty
      q(40, 9999, 1), // out of range
      q(3, 8, 42), // speaker that does not exist
      { ...q(0, 4), kind: 'scare' },
    ],
    locations: [{ start: 2.5, end: 4, name: 'bad', kind: 'city', country: null, lat: null, lon: null, dateline: false }],
  };
  const r = await draw(text, analysis);
  assert.deepEqual(r.paragraphs, ['First line\nstill first.', '“Second” para.', 'Third 😀 “x”']);
  assert.equal(r.quotes[0], text.slice(6, 30).replace(/\n\s*\n\s*/, ''));
  assert.equal(r.quotes[1], '“x”');
  assert.equal(r.quotes[2], undefined);
  assert.equal(r.quotes[3], undefined);
  assert.equal(r.quotes[4], 'st li');
  assert.equal(r.unattributed, 2, 'unknown speaker and scare quote are drawn neutral');
  assert.deepEqual(r.places, []);
  assert.deepEqual(r.mentions, ['First']);
});

test('layers attribute hides what is not asked for; empty text renders a hint', async () => {
  const text = '“Hi,” said Bo in Oslo.';
  const analysis = {
    offsets: 'utf16',
    entities: [{ id: 0, name: 'Bo', kind: 'person', mentions: [{ start: 11, end: 13, kind: 'name' }] }],
    quotes: [q(0, 5, 0)],
    locations: [{ start: 17, end: 21, name: 'Oslo', kind: 'city', country: 'NO', lat: 59.9, lon: 10.7, dateline: false }],
  };
  const placesOnly = await draw(text, analysis, { layers: 'places' });
  assert.deepEqual(Object.keys(placesOnly.quotes), []);
  assert.deepEqual(placesOnly.mentions, []);
  assert.deepEqual(placesOnly.places, ['Oslo']);
  const none = await draw('   ', { offsets: 'utf16', entities: [], quotes: [], locations: [] });
  assert.deepEqual(none.paragraphs, []);
});

test('clicking a speaker in the legend shows only theirs, clicking again steps, Show everyone restores', async () => {
  const state = await page.evaluate(async () => {
    const text = '“Yes,” said Bo. “No,” said Al. “Maybe,” Al added.';
    const lens = document.createElement('quote-lens');
    lens.legend = true;
    lens.analyzer = () => ({
      offsets: 'utf16',
      entities: [
        { id: 0, name: 'Bo', kind: 'person', mentions: [{ start: 12, end: 14, kind: 'name' }] },
        { id: 1, name: 'Al', kind: 'person', mentions: [{ start: 27, end: 29, kind: 'name' }, { start: 41, end: 43, kind: 'name' }] },
      ],
      quotes: [
        { start: 0, end: 6, kind: 'direct', speaker: 0, speaker_mention: null, cue: null, continues: null },
        { start: 16, end: 21, kind: 'direct', speaker: 1, speaker_mention: null, cue: null, continues: null },
        { start: 31, end: 40, kind: 'direct', speaker: 1, speaker_mention: null, cue: null, continues: null },
      ],
      locations: [],
    });
    lens.text = text;
    const done = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', ok, { once: true }));
    document.body.append(lens);
    await done;
    const root = lens.shadowRoot;
    const look = (i) => {
      const cs = getComputedStyle(root.querySelector(`[data-quote="${i}"]`));
      return cs.backgroundColor === 'rgba(0, 0, 0, 0)' && cs.borderBottomColor === 'rgba(0, 0, 0, 0)' ? 'plain' : 'marked';
    };
    const current = () => [...root.querySelectorAll('.article .current')].map((e) => e.dataset.quote).join();
    const buttons = [...root.querySelectorAll('[part~="legend-speaker"]')];
    const out = { order: buttons.map((b) => b.querySelector('.who').firstChild.textContent) };
    buttons[0].click(); // Al: most quoted, so first
    await new Promise((ok) => setTimeout(ok, 200));
    out.focused = { pressed: buttons[0].getAttribute('aria-pressed'), bo: look(0), al: look(1), current: current(), at: buttons[0].querySelector('.at').textContent, speaker: lens.speaker };
    buttons[0].click();
    out.stepped = { current: current(), at: buttons[0].querySelector('.at').textContent };
    buttons[0].click();
    out.wrapped = current();
    root.querySelector('.clear-focus').click();
    await new Promise((ok) => setTimeout(ok, 200));
    out.restored = { pressed: buttons[0].getAttribute('aria-pressed'), bo: look(0), al: look(1), speaker: lens.speaker, clearHidden: root.querySelector('.clear-focus').hidden };
    lens.remove();
    return out;
  });
  assert.deepEqual(state.order, ['Al', 'Bo'], 'the legend is sorted by number of quotes');
  assert.deepEqual(state.focused, { pressed: 'true', bo: 'plain', al: 'marked', current: '1', at: '1/2', speaker: 1 });
  assert.deepEqual(state.stepped, { current: '2', at: '2/2' });
  assert.equal(state.wrapped, '1', 'stepping wraps around');
  assert.deepEqual(state.restored, { pressed: 'false', bo: 'marked', al: 'marked', speaker: null, clearHidden: true });
});

test('a long article below the worker threshold is drawn block by block, and every quote can be reached', async () => {
  // About 60,000 chars: above the length from which the element draws blocks as they come near
  // the viewport (a full drawing of such a text held the page for 100 to 175 ms at each key
  // press), below the Worker's threshold, so the analysis runs on the page.
  const result = await page.evaluate(async () => {
    const para = '“We will open the bridge in May,” said Anna Keller, the mayor of Lyon. Critics said that the cost had doubled.';
    const text = Array.from({ length: 500 }, (_, i) => `${para} (${i})`).join('\n\n');
    const lens = document.createElement('quote-lens');
    lens.text = text;
    const done = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', ok, { once: true }));
    document.body.append(lens);
    await done;
    // Blocks are drawn as they come near the viewport, once the browser has laid them out, one
    // per task: wait (up to 100 frames) for the first.
    lens.scrollIntoView();
    const root = lens.shadowRoot;
    for (let i = 0; i < 100 && !root.querySelector('.article [part~="quote"]'); i++) {
      await new Promise((ok) => requestAnimationFrame(ok));
    }
    await new Promise((ok) => setTimeout(ok, 200));
    const out = {
      length: text.length,
      quotes: lens.analysis.quotes.length,
      blocks: root.querySelectorAll('.article .block').length,
      markedAtFirst: root.querySelectorAll('.article [part~="quote"]').length,
      // Paragraph breaks are <p> elements, not the text's blank lines: compared without spaces.
      text: root.querySelector('.article').textContent.replace(/\s+/g, '') === text.replace(/\s+/g, ''),
    };
    // A new drawing (a key press in the page) draws the blocks that were drawn before at once,
    // so the reader never sees them unmarked: counted in the event's handler, before any frame.
    const redrawn = new Promise((ok) =>
      lens.addEventListener('quote-lens-analyzed', () => ok(root.querySelectorAll('.article [part~="quote"]').length), { once: true }),
    );
    lens.text = `${text} More.`;
    out.markedAtOnce = await redrawn;
    const last = lens.analysis.quotes.length - 1;
    out.revealed = lens.revealQuote(last) && root.querySelector(`[data-quote="${last}"]`).classList.contains('current');
    // drawAll() draws the rest, a block per task; then every block holds drawn paragraphs.
    out.drawnBefore = [...root.querySelectorAll('.article .block')].filter((b) => b.querySelector('p')).length;
    await lens.drawAll();
    out.drawnAfter = [...root.querySelectorAll('.article .block')].filter((b) => b.querySelector('p')).length;
    out.exported = (lens.toHTML().match(/data-quote="/g) ?? []).length;
    // exportHTML() makes toHTML()'s file a block per task, drawing the blocks not drawn yet:
    // after a new drawing, most are not.
    const drawn = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', ok, { once: true }));
    lens.text = text;
    await drawn;
    out.undrawnBeforeExport = [...root.querySelectorAll('.article .block')].filter((b) => !b.querySelector('p')).length;
    const file = await lens.exportHTML({ title: 'long' });
    out.fileType = file.type;
    const html = await file.text();
    out.fileSame = html === lens.toHTML({ title: 'long' });
    // The file's article against the page's, now drawn whole: the same text, the same quotes in
    // the same order (a block lost or out of place would show here).
    const saved = new DOMParser().parseFromString(html, 'text/html').querySelector('.article');
    const live = root.querySelector('.article');
    const order = (el) => [...el.querySelectorAll('[data-quote]')].map((q) => q.dataset.quote).join(' ');
    out.fileText = saved.textContent === live.textContent;
    out.fileQuotes = order(saved) === order(live) && saved.querySelectorAll('.block').length === live.querySelectorAll('.block').length;
    lens.remove();
    return out;
  });
  assert.ok(result.length > 50_000 && result.length < 100_000, `${result.length} chars`);
  assert.equal(result.quotes, 1000, 'a direct and a reported quote in each paragraph');
  assert.ok(result.blocks > 5, `${result.blocks} blocks`);
  assert.ok(result.markedAtFirst > 0 && result.markedAtFirst < result.quotes, `${result.markedAtFirst} quotes drawn before any scrolling`);
  assert.ok(result.text, 'the article reads the whole text');
  assert.equal(result.markedAtOnce, result.markedAtFirst, 'a new drawing marks at once what was marked');
  assert.ok(result.revealed, 'the last quote can be revealed');
  assert.ok(result.drawnBefore < result.blocks && result.drawnAfter === result.blocks, `drawAll: ${result.drawnBefore} then ${result.drawnAfter} of ${result.blocks} blocks drawn`);
  assert.ok(result.exported >= result.quotes, `the HTML export has every quote (${result.exported})`);
  assert.ok(result.undrawnBeforeExport > 0, `${result.undrawnBeforeExport} blocks not drawn before exportHTML()`);
  assert.equal(result.fileType, 'text/html');
  assert.ok(result.fileSame, 'exportHTML() gives the file toHTML() gives');
  assert.ok(result.fileText && result.fileQuotes, 'the file has the article as drawn, every block in its place');
});

test('a long run without spaces gets a break opportunity every 64 chars; ordinary text none', async () => {
  // A run of 3,000 ’ (laid out whole, 50,000 of them took Chromium 1.6 s) and a quote inside it.
  const run = '’'.repeat(3000);
  const text = `Before ${run} after.\n\nAn ordinary paragraph, with https://example.org/a/long/address/of/sixty/chars/or/so in it.`;
  const at = text.indexOf(run) + 100;
  const r = await page.evaluate(
    async ([text, at]) => {
      const lens = document.createElement('quote-lens');
      lens.analyzer = () => ({ offsets: 'utf16', entities: [], quotes: [{ start: at, end: at + 200, kind: 'direct', speaker: null, speaker_mention: null, cue: null, continues: null }], locations: [] });
      lens.text = text;
      const done = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', ok, { once: true }));
      document.body.append(lens);
      await done;
      const ps = [...lens.shadowRoot.querySelectorAll('[part~="paragraph"]')];
      const out = { wbr: ps.map((p) => p.querySelectorAll('wbr').length), text: ps.map((p) => p.textContent), quote: lens.shadowRoot.querySelector('[part~="quote"]').textContent };
      lens.remove();
      return out;
    },
    [text, at],
  );
  // The run starts after "Before "; a <wbr> after each 64 of its 3,000 chars.
  assert.deepEqual(r.wbr, [Math.floor(2999 / 64), 0]);
  assert.deepEqual(r.text, text.split('\n\n'), 'the text is drawn whole');
  assert.equal(r.quote, text.slice(at, at + 200), 'a quote inside the run keeps its chars');
});

test('the legend lists the 100 most quoted speakers and counts the rest', async () => {
  const lines = Array.from({ length: 150 }, (_, i) => `“Yes,” said Person${i}.`);
  const text = lines.join('\n\n');
  const entities = [];
  const quotes = [];
  let at = 0;
  lines.forEach((line, i) => {
    entities.push({ id: i, name: `Person${i}`, kind: 'person', mentions: [{ start: at + 12, end: at + line.length - 1, kind: 'name' }] });
    quotes.push(q(at, at + 6, i));
    at += line.length + 2;
  });
  const analysis = { offsets: 'utf16', entities, quotes, locations: [] };
  const r = await draw(text, analysis);
  assert.equal(Object.keys(r.quotes).length, 150, 'every quote is drawn');
  assert.equal(r.legend.length, 100);
  assert.deepEqual(r.legend.slice(0, 2), ['1Person0person · 1 quote', '2Person1person · 1 quote']);
  const more = await page.evaluate(async (analysis) => {
    const lens = document.createElement('quote-lens');
    lens.setAttribute('legend', '');
    lens.analyzer = () => analysis;
    const done = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', ok, { once: true }));
    lens.text = analysis.text;
    document.body.append(lens);
    await done;
    const out = [...lens.shadowRoot.querySelectorAll('.speakers li.none')].map((li) => li.textContent);
    lens.remove();
    return out;
  }, { ...analysis, text });
  assert.deepEqual(more, ['and 50 more speakers']);
});

test('printing draws every block of a long text first', async () => {
  const result = await page.evaluate(async () => {
    const para = '“The line opens in May,” said Jo Lind, the mayor of Bergen.';
    const lens = document.createElement('quote-lens');
    lens.text = Array.from({ length: 600 }, (_, i) => `${para} (${i})`).join('\n\n');
    const done = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', ok, { once: true }));
    document.body.append(lens);
    await done;
    const blocks = () => [...lens.shadowRoot.querySelectorAll('.article .block')];
    const drawn = () => blocks().filter((b) => b.querySelector('p')).length;
    const before = drawn();
    window.dispatchEvent(new Event('beforeprint'));
    const out = { blocks: blocks().length, before, after: drawn() };
    lens.remove();
    // Once removed, the element no longer listens.
    window.dispatchEvent(new Event('beforeprint'));
    return out;
  });
  assert.ok(result.blocks > 5 && result.before < result.blocks, JSON.stringify(result));
  assert.equal(result.after, result.blocks, 'every block drawn for the print');
});

test('a real print (page.pdf) shows every block of a long text drawn', async () => {
  const count = () =>
    page.evaluate(() => {
      const blocks = [...document.querySelector('#printed').shadowRoot.querySelectorAll('.article .block')];
      return { blocks: blocks.length, drawn: blocks.filter((b) => b.querySelector('p')).length };
    });
  await page.evaluate(async () => {
    const para = '“The line opens in May,” said Jo Lind, the mayor of Bergen.';
    const lens = document.createElement('quote-lens');
    lens.id = 'printed';
    lens.text = Array.from({ length: 600 }, (_, i) => `${para} (${i})`).join('\n\n');
    const done = new Promise((ok) => lens.addEventListener('quote-lens-analyzed', ok, { once: true }));
    document.body.append(lens);
    await done;
  });
  const before = await count();
  const pdf = await page.pdf();
  const after = await count();
  await page.evaluate(() => document.querySelector('#printed').remove());
  assert.ok(pdf.length > 10_000, 'a PDF was made');
  assert.ok(before.blocks > 5 && before.drawn < before.blocks, JSON.stringify(before));
  assert.deepEqual(after, { blocks: before.blocks, drawn: before.blocks });
});
