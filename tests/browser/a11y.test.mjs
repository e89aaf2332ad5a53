// Accessibility: WCAG contrast of text on the quote tints, mention bars and badges in the light and
// dark themes; a palette that stays apart under colour-vision deficiencies; keyboard reach and
// screen-reader names.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitForLens } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** Nine speakers, one quote and one mention each, so every colour slot (and a repeat) is drawn. */
function crafted() {
  const entities = [];
  const quotes = [];
  let text = '';
  for (let i = 0; i < 9; i++) {
    const name = `Speaker${i}`;
    const quote = `“Words number ${i},”`;
    const start = text.length;
    text += `${quote} said ${name}. `;
    quotes.push({ start, end: start + quote.length, kind: 'direct', speaker: i, speaker_mention: null, cue: null, continues: null });
    const at = start + quote.length + 6;
    entities.push({ id: i, name, kind: 'person', mentions: [{ start: at, end: at + name.length, kind: 'name' }] });
  }
  // Give speaker i (9 - i) quotes' worth of rank: the legend order then matches the ids.
  return { text, analysis: { offsets: 'utf16', entities, quotes, locations: [] } };
}

/** In the page: contrast ratios of ink on each speaker's tints, bars and badges. */
function measure({ text, analysis, theme }) {
  const parse = (s) => {
    const m = /^rgba?\(([^)]+)\)$/.exec(s);
    if (m) {
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [r / 255, g / 255, b / 255, a];
    }
    const c = /^color\(srgb ([^)]+)\)$/.exec(s);
    if (c) {
      const [r, g, b, a = 1] = c[1].split(/[ /]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    }
    throw new Error(`cannot parse colour ${s}`);
  };
  const over = (top, bottom) => top.slice(0, 3).map((v, i) => v * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const lum = ([r, g, b]) => {
    const l = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * l(r) + 0.7152 * l(g) + 0.0722 * l(b);
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  return new Promise((resolve) => {
    const lens = document.createElement('quote-lens');
    lens.legend = true;
    if (theme) lens.theme = theme;
    lens.analyzer = () => analysis;
    lens.text = text;
    lens.addEventListener(
      'quote-lens-analyzed',
      () => {
        const root = lens.shadowRoot;
        const host = getComputedStyle(lens);
        const paper = parse(host.backgroundColor);
        const ink = parse(getComputedStyle(root.querySelector('.article')).color);
        const legend = root.querySelector('.legend');
        const legendBg = over(parse(getComputedStyle(legend).backgroundColor), paper);
        const muted = parse(getComputedStyle(legend.querySelector('.summary')).color);
        const out = { paper: host.backgroundColor, slots: [], muted: ratio(muted, legendBg), palette: [] };
        for (let k = 1; k <= 8; k++) out.palette.push(host.getPropertyValue(`--quotelens-speaker-${k}`).trim());
        for (const q of root.querySelectorAll('.article .q.start[data-speaker]')) {
          const slot = [...q.classList].find((c) => /^s\d$/.test(c));
          const mention = root.querySelector(`.article .m[data-speaker="${q.dataset.speaker}"]`);
          const bar = parse(/^(rgba?\([^)]*\)|color\([^)]*\))/.exec(getComputedStyle(mention).boxShadow)[1]);
          const badge = over(parse(getComputedStyle(mention.querySelector('.tail'), '::after').backgroundColor), paper);
          const qBadge = over(parse(getComputedStyle(q.querySelector('.lead'), '::before').backgroundColor), paper);
          const quote = over(parse(getComputedStyle(q).backgroundColor), paper);
          // Hovering lights up the quotes of the speaker: a stronger tint.
          q.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
          const lit = over(parse(getComputedStyle(q).backgroundColor), paper);
          q.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true }));
          out.slots.push({
            slot,
            quote: ratio(ink, quote),
            lit: ratio(ink, lit),
            bar: ratio(ink, over(bar, paper)),
            badge: ratio(ink, badge),
            quoteBadge: ratio(ink, qBadge),
          });
        }
        lens.remove();
        resolve(out);
      },
      { once: true },
    );
    document.body.append(lens);
  });
}

const CASES = [
  { name: 'light', scheme: 'light', theme: null },
  { name: 'dark (prefers-color-scheme)', scheme: 'dark', theme: null },
  { name: 'dark (theme="dark")', scheme: 'light', theme: 'dark' },
  { name: 'light (theme="light" on a dark system)', scheme: 'dark', theme: 'light' },
];

const palettes = {};
for (const c of CASES) {
  test(`WCAG contrast of text on tints, bars and badges: ${c.name}`, async () => {
    const page = await env.newPage({ colorScheme: c.scheme, reducedMotion: 'reduce' });
    await page.goto(env.url('embed.html'));
    await waitForLens(page, '#first');
    const r = await page.evaluate(measure, { ...crafted(), theme: c.theme });
    const dark = c.theme === 'dark' || (c.scheme === 'dark' && c.theme !== 'light');
    assert.equal(r.paper, dark ? 'rgb(27, 28, 30)' : 'rgb(255, 253, 249)', 'the theme applies');
    palettes[dark ? 'dark' : 'light'] = r.palette;
    assert.equal(r.slots.length, 9);
    const failures = [];
    for (const s of r.slots) {
      for (const key of ['quote', 'lit', 'bar', 'badge', 'quoteBadge']) {
        if (s[key] < 4.5) failures.push(`${s.slot} ${key} ${s[key].toFixed(2)}`);
      }
    }
    assert.deepEqual(failures, [], 'every ratio is at least 4.5:1 (WCAG AA for body text)');
    assert.ok(r.muted >= 4.5, `muted legend text ${r.muted.toFixed(2)}:1`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the palettes stay apart under protanopia, deuteranopia and tritanopia', () => {
  // Machado, Oliveira & Fernandes (2009), severity 1, applied in linear sRGB; distance in CIELAB.
  const SIM = {
    protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
    tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
    'typical vision': [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  };
  const lin = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const rgb = (hex) => [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255));
  const lab = ([r, g, b]) => {
    const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  assert.ok(palettes.light && palettes.dark, 'the contrast tests read both palettes first');
  for (const [theme, palette] of Object.entries(palettes)) {
    assert.equal(palette.length, 8);
    assert.ok(palette.every((c) => /^#[0-9a-f]{6}$/i.test(c)), JSON.stringify(palette));
    for (const [vision, m] of Object.entries(SIM)) {
      const seen = palette.map((hex) => {
        const c = rgb(hex);
        return lab(m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))));
      });
      for (let i = 0; i < 8; i++) {
        for (let j = i + 1; j < 8; j++) {
          const d = Math.hypot(...seen[i].map((v, k) => v - seen[j][k]));
          assert.ok(d >= 12, `${theme}, ${vision}: ${palette[i]} and ${palette[j]} are ${d.toFixed(1)} apart (want ≥ 12)`);
        }
      }
    }
  }
});

test('keyboard: every control is reachable and works; screen readers get names', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await page.goto(env.url('index.html'));
  await waitForLens(page, '#lens');
  await page.waitForFunction(() => document.querySelector('#lens').analysis?.quotes.length > 0);

  // Names and roles, as assistive technology sees them (role locators pierce the shadow root).
  await page.getByRole('textbox', { name: 'Paste or type an article' }).waitFor();
  await page.getByRole('combobox', { name: 'Load a sample article' }).waitFor();
  await page.getByRole('radiogroup', { name: 'Colour theme' }).waitFor();
  await page.getByRole('tablist', { name: 'Views' }).waitFor();
  await page.getByRole('tab', { name: /Who said what/ }).waitFor();
  await page.getByRole('group', { name: 'Show in the article' }).waitFor();
  await page.getByRole('complementary', { name: 'Speakers and places' }).waitFor();
  await page.getByRole('button', { name: /^Masoud Pezeshkian person · \d+ quotes$/ }).waitFor();
  assert.ok((await page.getByRole('mark').count()) > 5, 'quotes are marks');

  // Tab from the top of the page to the first speaker in the legend, then use it.
  const stops = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return { tag: el.localName, id: el.id, part: el.getAttribute('part') ?? '', text: el.textContent.trim().slice(0, 30) };
    });
    stops.push(here);
    if (here.part === 'legend-speaker') break;
  }
  const ids = stops.map((s) => s.id).filter(Boolean);
  for (const id of ['sample', 'clear', 'article', 'tab-article', 'export-json', 'export-html', 'copy']) {
    assert.ok(ids.includes(id), `#${id} is a tab stop; stops: ${JSON.stringify(stops)}`);
  }
  assert.ok(stops.some((s) => s.part === 'toggle'), 'the layer switches are tab stops');
  assert.equal(stops.at(-1).part, 'legend-speaker', 'the legend speakers are reachable');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('#lens').speaker != null), true, 'Enter chooses the speaker');
  await page.keyboard.press('Escape');

  // Tabs follow the arrow keys.
  await page.focus('#tab-article');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-quotes');
  assert.equal(await page.getAttribute('#tab-quotes', 'aria-selected'), 'true');
  await page.waitForSelector('#view-quotes th button');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
