// <quote-lens>: shows who is quoted in a news text, and where it happens.
//
// This module only defines and exports the class; importing it has no side effects. Register it
// with `QuoteLensElement.define()` or by importing ./quote-lens-define.js.
//
//   <quote-lens legend layers="quotes speakers places" theme="auto">Article text</quote-lens>
//
// Input is the `text` property when set, else the element's own text content (de-indented).
// Attributes (each mirrored by a typed property):
//   legend   boolean  show the legend: layer switches, speakers, places, key   (default: absent)
//   layers   string   any of "quotes speakers places", space separated         (default: all three)
//   theme    string   auto | light | dark; auto follows prefers-color-scheme   (default: auto)
// Other properties: `text` (string, or null for the light DOM), `analysis` (read-only, latest
//   result), `analyzer` (function text => analysis; null = the wasm core), `speaker` (the entity id
//   the legend narrows to, or null), `workerThreshold` (texts at least this long are analysed in a
//   Web Worker; Infinity = never), `speakers` (read-only: who speaks, most quoted first).
// Methods: revealQuote(i), revealPlace(i) (scroll to and mark a quote or place by its index in the
//   analysis), nextQuote(speakerId, step = 1), toHTML() (a self-contained annotated HTML file),
//   exportHTML() (the same as a Blob, made a task per block of a long text), drawAll().
// Events (bubble, composed): `quote-lens-analyzed` (detail = the analysis), `quote-lens-progress`
//   (detail = {phase: "analysing", done, total}: UTF-16 units analysed so far, for long texts).
// Parts: article, paragraph, quote (+ quote-direct/-indirect/-mixed/-scare, unattributed), cue,
//   speaker (+ speaker-name/-short_name/-title/-pronoun/-nominal), place (+ dateline), legend,
//   legend-speaker, swatch, legend-place, toggle, progress, status.
// Styling: the --quotelens-* custom properties declared on :host in ./quote-lens-styles.js.
//
// All analysis runs in WebAssembly in this page (long texts in a module Worker built from the same
// files); the user's text is only ever put into the DOM as text nodes.

import { STYLES, focusRules, litRules } from './quote-lens-styles.js';
import { counted, fileOf, grouped, loadCore, pieces, PieceJoiner, PIECE_SIZE, yieldToPage } from './quote-lens-core.js';

export { loadCore };

const WORKER_URL = new URL('./quote-lens-worker.js', import.meta.url);

/** Number of distinct speaker colours; speaker 9 shares colour 1 (its number badge still differs). */
export const PALETTE_SIZE = 8;
/** Default `workerThreshold`: texts of this many UTF-16 units or more go to the Worker. */
export const WORKER_THRESHOLD = 100_000;
/**
 * Texts longer than this are drawn block by block as they come near the view. Drawn whole, a
 * text of 29,000 chars held the page for 50 to 68 ms at each key press, and one of 88,000 for up
 * to 135 ms, half of it layout (scripts/bench-node/typing.mjs); 15,000 stayed under 50 ms.
 */
const BIG = 20_000;
/** So are texts with more marks (quotes, mentions, places) than this; a news article has a few hundred at most. */
const BIG_MARKS = 500;
// A block of a long text holds at most BLOCK paragraphs and, past its first paragraph, at most
// BLOCK_CHARS chars; longer paragraphs are drawn in parts of at most LONG_PARAGRAPH chars. The
// chars bound the work of drawing one block, which happens in one go: 95,000 chars of straight
// quote marks are 47,500 quotes, and drawn as one block they held the page for 0.75 s
// (scripts/bench-node/hostile-page.mjs at 382cae0); a block of 4,000 such chars is about 2,000
// elements.
const BLOCK = 40;
const BLOCK_CHARS = 4_000;
const LONG_PARAGRAPH = 4_000;
// Blocks drawn again at once when a long text is drawn anew (see #draw), up to this many chars.
const REDRAW_CHARS = 12_000;
// The legend lists the first LEGEND_MAX speakers (most quoted first) and places, and counts the
// rest: 95,000 chars of “Yes,” said AnnN. made 5,053 speakers, whose 30,000 legend elements
// were most of a task that held the page for over a second (hostile-page.mjs at 382cae0).
const LEGEND_MAX = 100;

const ALL_LAYERS = ['quotes', 'speakers', 'places'];
/** Page styles of an exported file, around the element's own. */
const EXPORT_CSS = `body { margin: 0; }
.quotelens { padding: 1.5rem clamp(1rem, 4vw, 3rem) 3rem; min-height: 100vh; box-sizing: border-box; }
.quotelens > header { max-width: 72rem; margin: 0 0 1.5rem; font-family: var(--quotelens-ui-font); }
.quotelens > header h1 { margin: 0 0 0.3rem; font: 700 1.5rem/1.25 var(--quotelens-font); }
.quotelens > header p { margin: 0; color: var(--quotelens-muted); font-size: 0.85rem; }`;
const THEMES = ['auto', 'light', 'dark'];

/**
 * A copy of `wrap` in `doc` for the HTML export, with each block of a long text empty but for
 * the comment `marker` (its contents are copied one block at a time).
 */
function copyFrame(doc, node, marker) {
  const copy = doc.importNode(node, false);
  if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains('block')) {
    copy.append(doc.createComment(marker));
    return copy;
  }
  for (const child of node.childNodes) copy.append(copyFrame(doc, child, marker));
  return copy;
}

/** Drops from a copy of the drawing what only the live page needs: controls, state, sizes. */
function forExport(copy) {
  for (const el of copy.querySelectorAll('[data-ui], .sr, .at')) el.remove();
  for (const el of copy.querySelectorAll('.block')) el.removeAttribute('style');
  for (const el of copy.querySelectorAll('.current, [aria-pressed="true"]')) {
    el.classList.remove('current');
    el.setAttribute('aria-pressed', 'false');
  }
  copy.querySelector('.focusing')?.classList.remove('focusing');
}

class Cancelled extends Error {}
class WorkerFailed extends Error {}

/* One Worker per page, shared by every element; one job at a time (a new job ends the old). */
let worker = null;
let workerBroken = false;
let job = null;
let jobs = 0;

function workerUsable() {
  // A Worker must come from the page's own origin; from another origin the element analyses in
  // slices on the main thread instead.
  return !workerBroken && typeof Worker === 'function' && WORKER_URL.origin === globalThis.location?.origin;
}

function cancelWorkerJob() {
  if (!job) return;
  job.reject(new Cancelled());
  job = null;
  worker?.terminate();
  worker = null;
}

function analyzeInWorker(text, onProgress) {
  cancelWorkerJob();
  return new Promise((resolve, reject) => {
    if (!worker) {
      worker = new Worker(WORKER_URL, { type: 'module', name: 'quotelens' });
      worker.onmessage = ({ data }) => {
        if (!job || data.id !== job.id) return;
        if (data.type === 'part') {
          job.joiner.merge(data.part);
          job.onProgress(data.done, data.total);
        } else if (data.type === 'done') {
          job.resolve(job.joiner.analysis);
          job = null;
        } else {
          job.reject(new Error(data.message));
          job = null;
        }
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        workerBroken = true;
        const failed = job;
        job = null;
        worker?.terminate();
        worker = null;
        failed?.reject(new WorkerFailed(event.message || 'the worker could not start'));
      };
    }
    job = { id: ++jobs, resolve, reject, joiner: new PieceJoiner(), onProgress };
    worker.postMessage({ id: job.id, text });
  });
}

/** The analysis on the main thread: in one go, or piece by piece with the page served between. */
async function analyzeHere(text, onProgress, stale) {
  const { analyze } = await loadCore();
  if (text.length <= PIECE_SIZE) return analyze(text);
  const joiner = new PieceJoiner();
  for (const [start, end] of pieces(text)) {
    joiner.add(analyze(text.slice(start, end)), start);
    onProgress(end, text.length);
    await yieldToPage();
    if (stale()) throw new Cancelled();
  }
  return joiner.analysis;
}

let sheet = null;
function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

function h(tag, cls, txt) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (txt != null) el.textContent = txt;
  return el;
}

/** Remove the indentation an HTML author gave the element's text, and the blank edges. */
function dedent(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  let indent = Infinity;
  for (const line of lines) {
    if (!line.trim()) continue;
    indent = Math.min(indent, line.match(/^[ \t]*/)[0].length);
  }
  if (!Number.isFinite(indent) || indent === 0) return lines.join('\n');
  return lines.map((l) => l.slice(indent)).join('\n');
}

/**
 * Cut paragraphs longer than LONG_PARAGRAPH (in place) after a space near every LONG_PARAGRAPH / 2
 * characters, so that no block of a long text is too big to draw at once. No character is lost.
 */
function splitLong(text, paras) {
  for (let i = 0; i < paras.length; i++) {
    const [a, b] = paras[i];
    if (b - a <= LONG_PARAGRAPH) continue;
    // Searched within the paragraph's first half only: text.lastIndexOf(' ', at) went on back
    // over all the text before it, for each part of a paragraph without spaces.
    let cut = a + text.slice(a, a + (LONG_PARAGRAPH >> 1) + 1).lastIndexOf(' ');
    if (cut <= a) cut = a + (LONG_PARAGRAPH >> 1);
    const code = text.charCodeAt(cut);
    if (code >= 0xdc00 && code <= 0xdfff) cut--;
    paras.splice(i, 1, [a, cut], [cut, b]);
  }
}

/**
 * Runs of more than LONG_RUN chars without white space get a <wbr> (a break opportunity) after
 * every WBR_EVERY chars. With the overflow-wrap: break-word that the article needs for long URLs,
 * Chromium's line breaking of a long run of some punctuation took time growing faster than the
 * run: in the article's serif face, 50,000 ’ in a row took 2.0 s to lay out and 200,000 took
 * 9.2 s, the page frozen meanwhile; with a <wbr> every 64 chars, 13 and 53 ms
 * (scripts/bench-node/line-breaking.mjs). Words and URLs of news text are far shorter than
 * LONG_RUN and are drawn as they are.
 */
const LONG_RUN = 500;
const WBR_EVERY = 64;

/** The offsets in [from, to) of `text` before which a <wbr> goes (see LONG_RUN), in order. */
function breakPoints(text, from, to) {
  const out = [];
  let run = from; // start of the current run of chars other than white space
  for (let i = from; i <= to; i++) {
    // ASCII white space and control chars end a run; any other char (NBSP too) goes on with it.
    if (i < to && text.charCodeAt(i) > 32) continue;
    for (let at = run + WBR_EVERY; i - run > LONG_RUN && at < i; at += WBR_EVERY) {
      const code = text.charCodeAt(at);
      // Never between the two halves of a surrogate pair.
      out.push(code >= 0xdc00 && code <= 0xdfff ? at + 1 : at);
    }
    run = i + 1;
  }
  return out;
}

/**
 * Appends text[a, b) to `parent`, with a <wbr> before each of `points` (breakPoints) inside it.
 * `next` is the index of the first point not yet used; returns the next one after b.
 */
function appendText(parent, text, a, b, points, next = 0) {
  while (next < points.length && points[next] < a) next++;
  let from = a;
  for (; next < points.length && points[next] < b; next++) {
    if (points[next] > from) parent.append(text.slice(from, points[next]));
    parent.append(document.createElement('wbr'));
    from = points[next];
  }
  if (b > from) parent.append(text.slice(from, b));
  return next;
}

/** [start, end) ranges of the paragraphs: text between runs of blank lines. */
function paragraphs(text) {
  const out = [];
  const gap = /\n[^\S\n]*\n\s*/g;
  let from = 0;
  for (let m; (m = gap.exec(text)); ) {
    if (m.index > from) out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  if (from < text.length || out.length === 0) out.push([from, text.length]);
  return out;
}

const RANK = { quote: 0, cue: 1, mention: 2, place: 3 };

function validSpan(s, length) {
  return (
    s != null &&
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.end <= length &&
    s.start < s.end
  );
}

const QUOTE_WORD = {
  direct: 'direct quote',
  indirect: 'reported speech',
  mixed: 'reported speech with quoted words',
  scare: 'scare quote',
};

/**
 * Who speaks, most quoted first (ties: first appearance), with a 1-based number, a colour slot and
 * the indexes of their quotes in text order. Only entities with at least one quote that is not a
 * scare quote count as speakers; only their mentions are marked (people who say nothing get no
 * colour).
 */
function speakersOf(analysis) {
  const byId = new Map();
  for (const e of analysis.entities ?? []) byId.set(e.id, e);
  const quotes = new Map();
  (analysis.quotes ?? []).forEach((q, index) => {
    if (q.kind === 'scare' || q.speaker == null || !byId.has(q.speaker)) return;
    if (!quotes.has(q.speaker)) quotes.set(q.speaker, []);
    quotes.get(q.speaker).push(index);
  });
  const list = [];
  for (const [id, indexes] of quotes) {
    const entity = byId.get(id);
    indexes.sort((a, b) => analysis.quotes[a].start - analysis.quotes[b].start);
    let at = analysis.quotes[indexes[0]].start;
    for (const m of entity.mentions ?? []) at = Math.min(at, m.start);
    list.push({ id, entity, quotes: indexes.length, indexes, at });
  }
  list.sort((a, b) => b.quotes - a.quotes || a.at - b.at || a.id - b.id);
  list.forEach((s, i) => {
    s.n = i + 1;
    s.slot = (i % PALETTE_SIZE) + 1;
  });
  return new Map(list.map((s) => [s.id, s]));
}

/** Every span to draw, as {start, end, type, ...}; invalid spans are dropped, never trusted. */
function layersOf(analysis, text, speakers, shown) {
  const out = [];
  const len = text.length;
  if (shown.has('quotes')) {
    (analysis.quotes ?? []).forEach((q, index) => {
      if (!validSpan(q, len)) return;
      const who = q.kind === 'scare' ? undefined : speakers.get(q.speaker);
      out.push({ type: 'quote', start: q.start, end: q.end, quote: q, index, who });
      if (validSpan(q.cue, len)) out.push({ type: 'cue', start: q.cue.start, end: q.cue.end, who });
    });
  }
  if (shown.has('speakers')) {
    for (const s of speakers.values()) {
      (s.entity.mentions ?? []).forEach((m, index) => {
        if (validSpan(m, len)) out.push({ type: 'mention', start: m.start, end: m.end, mention: m, who: s, index });
      });
    }
  }
  if (shown.has('places')) {
    (analysis.locations ?? []).forEach((loc, index) => {
      if (validSpan(loc, len)) out.push({ type: 'place', start: loc.start, end: loc.end, place: loc, index });
    });
  }
  // Outer before inner: earlier start, then longer, then quote > cue > mention > place.
  out.sort((a, b) => a.start - b.start || b.end - a.end || RANK[a.type] - RANK[b.type]);
  out.forEach((l, i) => (l.order = i));
  return out;
}

/** The layers (sorted by start) that overlap [from, to); none is longer than maxLen. */
function layersIn(layers, from, to, maxLen) {
  const first = (pos) => {
    let lo = 0;
    let hi = layers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (layers[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return layers.slice(first(from - maxLen), first(to)).filter((l) => l.end > from);
}

function placeTitle(loc) {
  const bits = [loc.name];
  const where = [loc.kind, loc.country].filter(Boolean).join(', ');
  if (where) bits.push(`(${where})`);
  if (loc.dateline) bits.push('· dateline');
  return `Place: ${bits.join(' ')}`;
}

/** One element for one piece of a layer. Split pieces share classes; start/end mark the edges. */
function openElement(layer, atStart) {
  const el = document.createElement('span');
  const cls = [];
  const parts = [];
  if (atStart) cls.push('start');
  switch (layer.type) {
    case 'quote': {
      const q = layer.quote;
      const kind = QUOTE_WORD[q.kind] ? q.kind : 'direct';
      cls.push('q', `q-${kind}`, `s${layer.who ? layer.who.slot : 0}`);
      parts.push('quote', `quote-${kind}`);
      if (!layer.who) parts.push('unattributed');
      el.dataset.quote = String(layer.index);
      if (layer.who) {
        el.dataset.speaker = String(layer.who.id);
        el.dataset.n = String(layer.who.n);
      }
      const by = layer.who ? ` by ${layer.who.entity.name} (speaker ${layer.who.n})` : kind === 'scare' ? '' : ', speaker unknown';
      el.title = `${QUOTE_WORD[kind][0].toUpperCase()}${QUOTE_WORD[kind].slice(1)}${by}`;
      if (atStart) {
        // Each quote is one stop for the keyboard; screen readers hear whose it is.
        el.tabIndex = 0;
        el.setAttribute('role', 'mark');
        el.setAttribute('aria-description', el.title);
      }
      break;
    }
    case 'cue':
      cls.push('cue', `s${layer.who ? layer.who.slot : 0}`);
      parts.push('cue');
      break;
    case 'mention': {
      const s = layer.who;
      const kind = layer.mention.kind || 'name';
      cls.push('m', `s${s.slot}`);
      parts.push('speaker', `speaker-${kind}`);
      el.dataset.speaker = String(s.id);
      el.dataset.mention = `${s.id}.${layer.index}`;
      el.dataset.n = String(s.n);
      el.title = `Speaker ${s.n}: ${s.entity.name}`;
      break;
    }
    case 'place': {
      cls.push('p');
      parts.push('place');
      el.dataset.place = String(layer.index);
      if (layer.place.dateline) {
        cls.push('dateline');
        parts.push('dateline');
      }
      el.title = placeTitle(layer.place);
      break;
    }
  }
  el.className = cls.join(' ');
  el.setAttribute('part', parts.join(' '));
  return el;
}

/**
 * Render `text` with its layers as one <p> per paragraph; a generator that yields each finished
 * (detached) paragraph, for the caller to place, so long texts can be drawn in slices.
 *
 * Spans may nest or cross, so the text is cut at every boundary into segments, each covered by a
 * set of layers (kept in one global outer-to-inner order). Walking the segments, a stack of open
 * elements is kept: the prefix shared with the next segment's layers stays open, the rest closes.
 * Well-nested spans thus become single elements; only truly crossing spans are split in pieces.
 */
function* renderArticle(text, layers, paras) {
  // Every boundary, sorted (a typed array sorts numbers natively: fast on long texts).
  const cuts = new Float64Array(layers.length * 2);
  layers.forEach((l, i) => {
    cuts[2 * i] = l.start;
    cuts[2 * i + 1] = l.end;
  });
  cuts.sort();
  const active = []; // layers covering the current segment
  let next = 0; // next layer (by start) not yet activated
  let cut = 0; // next cut point to look at

  for (const [pStart, pEnd] of paras) {
    const p = document.createElement('p');
    p.setAttribute('part', 'paragraph');
    const breaks = breakPoints(text, pStart, pEnd);
    let nextBreak = 0;
    const stack = []; // open elements, outer to inner: {layer, el}
    const points = [pStart];
    while (cut < cuts.length && cuts[cut] <= pStart) cut++;
    while (cut < cuts.length && cuts[cut] < pEnd) {
      const c = cuts[cut++];
      if (c !== points[points.length - 1]) points.push(c);
    }
    points.push(pEnd);

    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      for (let i = active.length - 1; i >= 0; i--) if (active[i].end <= a) active.splice(i, 1);
      while (next < layers.length && layers[next].start <= a) {
        if (layers[next].end > a) active.push(layers[next]);
        next++;
      }
      active.sort((x, y) => x.order - y.order);
      let keep = 0;
      while (keep < stack.length && keep < active.length && stack[keep].layer === active[keep]) keep++;
      while (stack.length > keep) {
        const { layer, el } = stack.pop();
        if (layer.end <= a) el.classList.add('end');
      }
      for (let i = keep; i < active.length; i++) {
        const el = openElement(active[i], active[i].start === a);
        (stack.length ? stack[stack.length - 1].el : p).append(el);
        stack.push({ layer: active[i], el });
      }
      nextBreak = appendText(stack.length ? stack[stack.length - 1].el : p, text, a, b, breaks, nextBreak);
    }
    while (stack.length) {
      const { layer, el } = stack.pop();
      if (layer.end <= pEnd) el.classList.add('end');
    }
    attachMarkers(p);
    yield p;
  }
}

/** The first (or last) non-empty text node under `el`, in document order. */
function edgeText(el, last) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  if (!last) return walker.nextNode();
  let node = null;
  for (let n; (n = walker.nextNode()); ) node = n;
  return node;
}

/**
 * Wrap the last word of each mention (first word of each place) in a no-wrap span that carries
 * the number badge (the pin), so the marker stays on the same line as its word.
 */
function attachMarkers(paragraph) {
  for (const m of paragraph.querySelectorAll('.m.end')) {
    const node = edgeText(m, true);
    const cut = node ? node.data.search(/\S+\s*$/) : -1;
    if (cut < 0) {
      m.classList.add('tail');
      continue;
    }
    const tail = document.createElement('span');
    tail.className = 'tail';
    tail.dataset.n = m.dataset.n;
    tail.append(node.splitText(cut));
    node.after(tail);
    if (!node.data) node.remove();
  }
  // The speaker badge of a quote hangs off its first word, in the quote's colour.
  for (const q of paragraph.querySelectorAll('.q.start[data-n]')) {
    if (q.parentElement.closest('.q')) continue;
    const node = edgeText(q, false);
    const match = node ? /^\s*\S+/.exec(node.data) : null;
    if (!match) continue;
    const rest = node.splitText(match[0].length);
    const lead = document.createElement('span');
    lead.className = `lead s${[...q.classList].find((c) => /^s\d$/.test(c)).slice(1)}`;
    lead.dataset.n = q.dataset.n;
    node.replaceWith(lead);
    lead.append(node);
    if (!rest.data) rest.remove();
  }
  for (const p of paragraph.querySelectorAll('.p.start')) {
    const node = edgeText(p, false);
    const match = node ? /^\s*\S+/.exec(node.data) : null;
    if (!match) {
      p.classList.add('head');
      continue;
    }
    const rest = node.splitText(match[0].length);
    const head = document.createElement('span');
    head.className = 'head';
    node.replaceWith(head);
    head.append(node);
    if (!rest.data) rest.remove();
  }
}

const KIND_WORD = { person: 'person', organization: 'organisation', group: 'group' };
const LAYER_WORD = { quotes: 'Quotes', speakers: 'Speakers', places: 'Places' };

function renderLegend(legend, analysis, speakers, shown) {
  const quotes = analysis.quotes ?? [];
  const unattributed = quotes.filter((q) => q.kind !== 'scare' && !speakers.has(q.speaker)).length;
  const places = new Map();
  for (const loc of analysis.locations ?? []) {
    const key = `${loc.name}\u0000${loc.country ?? ''}`;
    const seen = places.get(key);
    if (seen) seen.count++;
    else places.set(key, { loc, count: 1 });
  }

  legend.append(
    h('p', 'summary', [counted(speakers.size, 'speaker'), counted(quotes.length, 'quote'), counted(places.size, 'place')].join(' · ')),
  );

  const toggles = h('div', 'toggles');
  toggles.setAttribute('role', 'group');
  toggles.setAttribute('aria-label', 'Show in the article');
  toggles.dataset.ui = '';
  for (const layer of ALL_LAYERS) {
    const b = h('button', null, LAYER_WORD[layer]);
    b.type = 'button';
    b.dataset.layer = layer;
    b.setAttribute('part', 'toggle');
    b.setAttribute('aria-pressed', String(shown.has(layer)));
    toggles.append(b);
  }
  legend.append(toggles);

  legend.append(h('h3', null, 'Who is quoted'));
  const ul = h('ul', 'speakers');
  let listed = 0;
  for (const s of speakers.values()) {
    if (listed++ === LEGEND_MAX) break;
    const li = h('li');
    const b = h('button', `s${s.slot}`);
    b.type = 'button';
    b.setAttribute('part', 'legend-speaker');
    b.setAttribute('aria-pressed', 'false');
    b.dataset.speaker = String(s.id);
    const kind = KIND_WORD[s.entity.kind];
    b.title = `Show only ${s.entity.name}; click again for the next quote (Shift: previous)`;
    const sw = h('span', 'swatch', String(s.n));
    sw.setAttribute('part', 'swatch');
    sw.setAttribute('aria-hidden', 'true');
    const who = h('span', 'who', s.entity.name);
    who.append(h('small', 'count', [kind, counted(s.quotes, 'quote')].filter(Boolean).join(' · ')));
    const at = h('span', 'at');
    b.append(sw, who, at);
    li.append(b);
    ul.append(li);
  }
  if (!speakers.size) ul.append(h('li', 'none', 'No speakers found.'));
  if (speakers.size > LEGEND_MAX) ul.append(h('li', 'none', `and ${counted(speakers.size - LEGEND_MAX, 'more speaker')}`));
  legend.append(ul);
  const clear = h('button', 'clear-focus', 'Show everyone');
  clear.type = 'button';
  clear.hidden = true;
  clear.dataset.ui = '';
  legend.append(clear);
  if (unattributed) legend.append(h('p', 'summary', `${counted(unattributed, 'quote')} with no known speaker`));

  legend.append(h('h3', null, 'Places'));
  const pl = h('ul', 'places');
  listed = 0;
  for (const { loc, count } of places.values()) {
    if (listed++ === LEGEND_MAX) break;
    const li = h('li');
    li.setAttribute('part', 'legend-place');
    li.title = placeTitle(loc);
    const pin = h('span', 'pin');
    pin.setAttribute('aria-hidden', 'true');
    const name = h('span', 'who', loc.name);
    // The country code helps with cities and regions; for a country it would repeat the name.
    if (loc.country && loc.kind !== 'country') name.append(' ', h('small', null, loc.country));
    li.append(pin, name);
    if (count > 1) li.append(h('span', 'count', `×${grouped(count)}`));
    pl.append(li);
  }
  if (!places.size) pl.append(h('li', 'none', 'No places found.'));
  if (places.size > LEGEND_MAX) pl.append(h('li', 'none', `and ${counted(places.size - LEGEND_MAX, 'more place')}`));
  legend.append(pl);

  const key = h('div', 'key');
  key.setAttribute('role', 'note');
  key.setAttribute('aria-label', 'Key');
  const sample = (cls, textSample, label) => {
    const row = h('span');
    row.append(h('span', `sample ${cls}`, textSample), label);
    return row;
  };
  const mention = sample('m s0', '', 'speaker');
  const tail = h('span', 'tail', 'Name');
  tail.dataset.n = '1';
  mention.firstChild.append(tail);
  const place = sample('p', '', 'place');
  place.firstChild.append(h('span', 'head', 'Place'));
  key.append(
    sample('q s0 start end solid', '“…”', 'quote'),
    sample('q q-indirect s0 start end', 'that …', 'reported'),
    sample('q s0 start end', '“…”', 'no speaker'),
    mention,
    place,
  );
  legend.append(key);
}

function parseLayers(value) {
  if (value == null) return new Set(ALL_LAYERS);
  const want = new Set(String(value).toLowerCase().split(/[\s,]+/).filter(Boolean));
  return new Set(ALL_LAYERS.filter((l) => want.has(l)));
}

/** The `<quote-lens>` element. */
export class QuoteLensElement extends HTMLElement {
  static observedAttributes = ['legend', 'layers', 'theme'];

  /** Register the element (once) under `tag` in `registry`; returns the class. */
  static define(tag = 'quote-lens', registry = customElements) {
    registry.define(tag, this);
    return this;
  }

  #text = null;
  #analyzer = null;
  #analysis = null;
  #cache = null;
  #queued = false;
  #renders = 0;
  #observer = null;
  #near = null; // IntersectionObserver of the blocks of a long text
  #blocks = null; // {blocks, drawBlock} of a long text
  #speakers = new Map();
  #focus = null; // entity id (number) the legend narrows to
  #at = -1; // position in that speaker's quotes
  #lit = null;
  #dynamic = null; // per-element sheet for focus and linking rules
  #bar;
  #live;
  #workerThreshold = WORKER_THRESHOLD;

  constructor() {
    super();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#bar = h('div', 'progress');
    this.#bar.hidden = true;
    this.#bar.setAttribute('part', 'progress');
    this.#bar.setAttribute('role', 'progressbar');
    this.#bar.setAttribute('aria-valuemin', '0');
    this.#bar.setAttribute('aria-valuemax', '100');
    this.#bar.append(h('span'));
    this.#live = h('p', 'sr');
    this.#live.setAttribute('aria-live', 'polite');
    // Until the core has rendered, the light-DOM text shows through the slot.
    root.replaceChildren(this.#bar, this.#live, document.createElement('slot'));
    root.addEventListener('click', (e) => this.#onClick(e));
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.#focus != null) this.speaker = null;
    });
    const light = (e) => this.#light(e.target.closest?.('[data-speaker]')?.dataset.speaker ?? null);
    root.addEventListener('pointerover', light);
    root.addEventListener('focusin', light);
    root.addEventListener('pointerout', (e) => {
      if (!e.relatedTarget || !root.contains(e.relatedTarget)) this.#light(null);
    });
    root.addEventListener('focusout', (e) => {
      if (!e.relatedTarget || !root.contains(e.relatedTarget)) this.#light(null);
    });
  }

  /** The text analysed: the `text` property when set, else the element's own text content. */
  get text() {
    return this.#text ?? dedent(this.textContent ?? '');
  }
  set text(value) {
    this.#text = value == null ? null : String(value);
    this.#schedule();
  }

  /** Whether the legend is shown (the `legend` attribute). */
  get legend() {
    return this.hasAttribute('legend');
  }
  set legend(value) {
    this.toggleAttribute('legend', Boolean(value));
  }

  /** The layers drawn, from the `layers` attribute: a subset of quotes, speakers, places. */
  get layers() {
    return [...parseLayers(this.getAttribute('layers'))];
  }
  set layers(value) {
    if (value == null) this.removeAttribute('layers');
    else this.setAttribute('layers', [...parseLayers(Array.isArray(value) ? value.join(' ') : String(value))].join(' '));
  }

  /** 'auto' (follow prefers-color-scheme), 'light' or 'dark': the `theme` attribute. */
  get theme() {
    const t = this.getAttribute('theme');
    return THEMES.includes(t) ? t : 'auto';
  }
  set theme(value) {
    if (value == null || value === 'auto') this.removeAttribute('theme');
    else if (THEMES.includes(value)) this.setAttribute('theme', value);
    else throw new TypeError(`theme must be one of ${THEMES.join(', ')}`);
  }

  /**
   * The function that analyses the text: `(text) => Analysis` or a promise of one. Defaults to
   * the shared wasm core (null). Set it to analyse elsewhere, or to draw a ready-made analysis
   * (the tests use it to feed crafted spans).
   */
  get analyzer() {
    return this.#analyzer;
  }
  set analyzer(fn) {
    if (fn != null && typeof fn !== 'function') throw new TypeError('analyzer must be a function or null');
    this.#analyzer = fn ?? null;
    this.#schedule();
  }

  /** Texts at least this long (UTF-16 units) are analysed in a Web Worker. */
  get workerThreshold() {
    return this.#workerThreshold;
  }
  set workerThreshold(value) {
    const n = Number(value);
    if (!(n >= 0)) throw new TypeError('workerThreshold must be a number >= 0');
    this.#workerThreshold = n;
  }

  /** The latest analysis (the object the core returned), or null before the first one. */
  get analysis() {
    return this.#analysis;
  }

  /**
   * The speakers of the latest drawing, most quoted first: {id, name, kind, n (badge number),
   * slot (colour 1-8), quotes (count), indexes (their quotes in analysis.quotes, text order)}.
   */
  get speakers() {
    return [...this.#speakers.values()].map((s) => ({
      id: s.id,
      name: s.entity.name,
      kind: s.entity.kind,
      n: s.n,
      slot: s.slot,
      quotes: s.quotes,
      indexes: [...s.indexes],
    }));
  }

  /** The entity id of the speaker the legend narrows the article to, or null for everyone. */
  get speaker() {
    return this.#focus;
  }
  set speaker(id) {
    const n = id == null ? null : Number(id);
    this.#focus = n != null && this.#speakers.has(n) ? n : null;
    this.#at = -1;
    this.#applyFocus();
  }

  connectedCallback() {
    // A page may set properties before this module loaded; re-apply them through the setters.
    for (const name of ['text', 'legend', 'layers', 'theme', 'analyzer', 'workerThreshold']) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#dynamic ??= new CSSStyleSheet();
    this.shadowRoot.adoptedStyleSheets = [stylesheet(), this.#dynamic];
    // Follow light-DOM edits while no `text` property overrides them.
    this.#observer ??= new MutationObserver(() => {
      if (this.#text == null) this.#schedule();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    globalThis.addEventListener?.('beforeprint', this.#beforePrint);
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#near?.disconnect();
    globalThis.removeEventListener?.('beforeprint', this.#beforePrint);
  }

  /** Draws, at once, the blocks of a long text not drawn yet (drawAll() spreads them over tasks). */
  #drawRest() {
    if (this.#blocks) for (const block of this.#blocks.blocks) this.#blocks.drawBlock(block);
  }

  /**
   * Before the page is printed, the blocks not drawn yet are drawn, all at once (printing waits
   * for this handler, not for later tasks), so that the print shows every mark.
   */
  #beforePrint = () => this.#drawRest();

  attributeChangedCallback(name, oldValue, newValue) {
    // The theme is pure CSS (:host([theme])); the others need a new drawing.
    if (oldValue !== newValue && name !== 'theme') this.#schedule();
  }

  /** Scroll to quote `index` (of analysis.quotes) and mark it; false when it is not drawn. */
  revealQuote(index, { focus = false } = {}) {
    this.#drawAt(this.#analysis?.quotes?.[index]?.start);
    return this.#reveal(`[data-quote="${Number(index)}"]`, focus);
  }

  /** Scroll to place `index` (of analysis.locations) and mark it; false when it is not drawn. */
  revealPlace(index) {
    this.#drawAt(this.#analysis?.locations?.[index]?.start);
    return this.#reveal(`[data-place="${Number(index)}"]`, false);
  }

  /**
   * Draw every block of a long text that is not drawn yet, one per task, so that the page keeps
   * answering (toHTML() draws them all in one go: for 200,000 quotes, 1.9 s of its 2.5 s;
   * exportHTML() draws them as this does).
   * Resolves when all are drawn, or when the text has been drawn anew.
   */
  async drawAll() {
    const current = this.#blocks;
    for (const block of current?.blocks ?? []) {
      if (this.#blocks !== current) return;
      if (block.drawn) continue;
      current.drawBlock(block);
      await yieldToPage();
    }
  }

  /** A long text draws its blocks lazily: draw the one holding `offset` now. */
  #drawAt(offset) {
    if (!this.#blocks || !Number.isFinite(offset)) return;
    const { blocks, drawBlock } = this.#blocks;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].from <= offset) lo = mid;
      else hi = mid - 1;
    }
    drawBlock(blocks[lo]);
  }

  /**
   * Narrow the article to speaker `id` and move `step` quotes on from the current one (the first
   * quote when the speaker was not chosen yet); returns the quote's index or -1.
   */
  nextQuote(id, step = 1) {
    const s = this.#speakers.get(Number(id));
    if (!s) return -1;
    if (this.#focus !== s.id) {
      this.#focus = s.id;
      this.#at = step < 0 ? s.indexes.length - 1 : 0;
    } else {
      this.#at = (((this.#at + step) % s.indexes.length) + s.indexes.length) % s.indexes.length;
    }
    this.#applyFocus();
    const index = s.indexes[this.#at];
    this.revealQuote(index);
    this.#say(`${s.entity.name}: quote ${grouped(this.#at + 1)} of ${grouped(s.indexes.length)}`);
    return index;
  }

  /**
   * The drawing as a self-contained HTML document (styles inline, no script): the user's text
   * appears only as escaped character data, serialised from text nodes. Made in one go; for a
   * long text, exportHTML() makes the same document with the page answering meanwhile.
   */
  toHTML({ title = 'quotelens' } = {}) {
    const parts = [];
    for (const part of this.#htmlParts(title)) if (part) parts.push(part);
    return parts.join('');
  }

  /**
   * Resolves to toHTML()'s document as a Blob (text/html), made a block of a long text per task:
   * the blocks not drawn yet are drawn, and each block is copied, serialised and encoded on its
   * own (for 200,000 quotes, the page's export through toHTML() held the page for 0.87 s:
   * scripts/bench-node/hostile-page.mjs, EXPORT=1). The document is the drawing at the call: a
   * text drawn anew meanwhile does not change it.
   */
  exportHTML({ title = 'quotelens' } = {}) {
    return fileOf(this.#htmlParts(title), 'text/html');
  }

  /**
   * toHTML()'s document in parts, in order; between the blocks of a long text it yields null too,
   * after drawing one (each yield is where exportHTML() lets the page answer).
   */
  *#htmlParts(title) {
    const doc = document.implementation.createHTMLDocument(title);
    const meta = doc.createElement('meta');
    meta.setAttribute('charset', 'utf-8');
    doc.head.prepend(meta);
    const host = doc.createElement('div');
    host.className = 'quotelens';
    if (this.theme !== 'auto') host.setAttribute('theme', this.theme);
    const header = doc.createElement('header');
    const h1 = doc.createElement('h1');
    h1.textContent = title;
    const note = doc.createElement('p');
    note.textContent = `Annotated by quotelens on ${new Date().toISOString().slice(0, 10)}: each speaker has a colour and a number; solid underline = quote, dashed = reported speech, dotted = no known speaker or scare quote; pins mark places.`;
    header.append(h1, note);
    host.append(header);
    const wrap = this.shadowRoot.querySelector('.wrap');
    // A long text's blocks are copied one by one below: the frame around them is copied now,
    // each block empty but for a comment that marks its place. The user's text cannot make such
    // a comment: text nodes serialise with their "<" escaped.
    const long = wrap && this.#blocks;
    const marker = `quotelens-block-${Math.random().toString(36).slice(2)}`;
    if (wrap) {
      const copy = long ? copyFrame(doc, wrap, marker) : doc.importNode(wrap, true);
      forExport(copy);
      host.append(copy);
    }
    doc.body.append(host);
    // The stylesheet is this module's constant, spliced in as text: a <style> element made here
    // would count as inline style under the page's CSP (and holds nothing of the user's anyway).
    const css = STYLES.replace(/:host\(((?:[^()]|\([^()]*\))*)\)/g, '.quotelens$1').replace(/:host\b/g, '.quotelens');
    const html = doc.documentElement.outerHTML.replace('</head>', () => `<style>${css}\n${EXPORT_CSS}</style></head>`);
    const file = `<!doctype html>\n${html}\n`;
    if (!long) {
      yield file;
      return;
    }
    const { blocks, drawBlock } = long;
    const between = file.split(`<!--${marker}-->`);
    yield between[0];
    for (let i = 0; i < blocks.length; i++) {
      if (!blocks[i].drawn) {
        drawBlock(blocks[i]);
        yield null;
      }
      const copy = doc.importNode(blocks[i].el, true);
      forExport(copy);
      yield copy.innerHTML + between[i + 1];
    }
  }

  /** Batch any number of changes made in one task into a single render. */
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#render();
    });
  }

  async #render() {
    const ticket = ++this.#renders;
    const stale = () => ticket !== this.#renders;
    const text = this.text;
    let analysis;
    const cached = this.#cache;
    if (cached && cached.text === text && cached.analyzer === this.#analyzer) {
      analysis = cached.analysis;
    } else {
      try {
        analysis = await this.#analyse(text, stale);
      } catch (err) {
        if (!stale() && !(err instanceof Cancelled)) {
          this.#progress(null);
          this.#showError(`Could not analyse this text: ${err?.message ?? err}`);
        }
        return;
      }
      if (stale()) return;
      this.#cache = { text, analyzer: this.#analyzer, analysis };
    }
    if (!(await this.#draw(text, analysis, stale))) return;
    this.#analysis = analysis;
    this.#progress(null);
    this.dispatchEvent(new CustomEvent('quote-lens-analyzed', { detail: analysis, bubbles: true, composed: true }));
  }

  async #analyse(text, stale) {
    if (this.#analyzer) return this.#analyzer(text);
    const onProgress = (done, total) => {
      if (!stale()) this.#progress('analysing', done, total);
    };
    if (text.length >= this.#workerThreshold && workerUsable()) {
      onProgress(0, text.length);
      try {
        return await analyzeInWorker(text, onProgress);
      } catch (err) {
        if (!(err instanceof WorkerFailed)) throw err;
        // The worker could not start (say, a server without module workers): do it here.
      }
    } else {
      cancelWorkerJob();
    }
    return analyzeHere(text, onProgress, stale);
  }

  /** Show (and announce as an event) how far a long job has come; null hides the bar. */
  #progress(phase, done = 0, total = 0) {
    const bar = this.#bar;
    if (phase == null) {
      if (bar.hidden) return;
      bar.hidden = true;
      bar.removeAttribute('aria-valuenow');
      return;
    }
    const pct = total ? Math.round((100 * done) / total) : 0;
    bar.hidden = false;
    bar.setAttribute('aria-label', 'Analysing the text');
    bar.setAttribute('aria-valuenow', String(pct));
    bar.style.setProperty('--done', `${pct}%`);
    this.dispatchEvent(new CustomEvent('quote-lens-progress', { detail: { phase, done, total }, bubbles: true, composed: true }));
  }

  #say(message) {
    this.#live.textContent = message;
  }

  #showError(message) {
    const status = h('p', 'status error', message);
    status.setAttribute('part', 'status');
    status.setAttribute('role', 'alert');
    // Keep the plain text readable below the message.
    this.shadowRoot.replaceChildren(this.#bar, this.#live, status, document.createElement('slot'));
  }

  /** Draw; long texts in slices with the page served in between. False when overtaken. */
  async #draw(text, analysis, stale) {
    // Long, or short but dense with marks (a made-up text of quote after quote): 20,000 chars of
    // “Yes,” said Ann. were 1,064 quotes, drawn at once in 243 ms.
    const marks = (analysis.quotes?.length ?? 0) + (analysis.locations?.length ?? 0) + (analysis.entities ?? []).reduce((n, e) => n + (e.mentions?.length ?? 0), 0);
    const big = text.length > BIG || marks > BIG_MARKS;
    // Long texts: let the page answer input between the steps that walk the whole analysis.
    const pause = async () => {
      if (big) await yieldToPage();
      return stale();
    };
    const shown = parseLayers(this.getAttribute('layers'));
    const speakers = speakersOf(analysis);
    // The text ranges that the drawing being replaced had drawn (what the reader is looking at,
    // and a margin): drawn again at once below, so that a new drawing of a long text (at each
    // key press) does not show them unmarked for a frame until the observer draws them.
    const wasDrawn = (this.#blocks?.blocks ?? []).filter((b) => b.drawn).map((b) => [b.from, b.to]);
    if (await pause()) return false;
    const layers = layersOf(analysis, text, speakers, shown);
    if (await pause()) return false;
    this.#speakers = speakers;
    this.#near?.disconnect();
    this.#blocks = null;
    if (this.#focus != null && !speakers.has(this.#focus)) this.#focus = null;
    this.#at = -1;
    this.#lit = null;

    const wrap = h('div', 'wrap');
    const article = h('div', 'article');
    article.setAttribute('part', 'article');
    wrap.append(article);
    if (this.legend) {
      wrap.classList.add('with-legend');
      const legend = h('aside', 'legend');
      legend.setAttribute('part', 'legend');
      legend.setAttribute('aria-label', 'Speakers and places');
      renderLegend(legend, analysis, speakers, shown);
      wrap.prepend(legend);
    }
    if (await pause()) return false;
    this.shadowRoot.replaceChildren(this.#bar, this.#live, wrap);
    this.#applyFocus();

    if (!text.trim()) {
      article.append(h('p', 'empty', 'Nothing to analyse yet.'));
      return true;
    }
    const paras = paragraphs(text);
    if (!big) {
      for (const p of renderArticle(text, layers, paras)) article.append(p);
      return true;
    }
    // Long texts: blocks of paragraphs, shown as plain text and drawn with their marks only when
    // they come near the viewport (and laid out only then: content-visibility), so a long text
    // costs a few thousand elements, not millions.
    article.classList.add('big');
    splitLong(text, paras);
    let maxLen = 0;
    for (const l of layers) maxLen = Math.max(maxLen, l.end - l.start);
    const blocks = [];
    for (let i = 0, n; i < paras.length; i += n) {
      n = 1;
      while (n < BLOCK && i + n < paras.length && paras[i + n][1] - paras[i][0] <= BLOCK_CHARS) n++;
      const part = paras.slice(i, i + n);
      const from = part[0][0];
      const to = part[part.length - 1][1];
      // Plain text until drawn: content-visibility keeps it from being laid out before the
      // observer (its margin is wider) has it drawn, with break opportunities in long runs.
      const el = h('div', 'block', text.slice(from, to));
      // A guess at the block's height until it is first laid out: ~70 characters a line.
      el.style.setProperty('contain-intrinsic-size', `auto ${Math.ceil((to - from) / 70 + 2 * part.length) * 30}px`);
      blocks.push({ el, paras: part, from, to, drawn: false });
    }
    const drawBlock = (block) => {
      if (block.drawn) return;
      block.drawn = true;
      this.#near?.unobserve(block.el);
      const frag = document.createDocumentFragment();
      for (const p of renderArticle(text, layersIn(layers, block.from, block.to, maxLen), block.paras)) frag.append(p);
      block.el.replaceChildren(frag);
    };
    this.#blocks = { blocks, drawBlock };
    this.#near?.disconnect();
    // Blocks that come near the view are drawn one per task, nearest to the view first, so that
    // the page answers input between them; a new drawing of the text ends the queue.
    const queue = [];
    let pumping = false;
    const pump = async () => {
      if (pumping) return;
      pumping = true;
      try {
        while (queue.length && this.#blocks?.blocks === blocks) {
          drawBlock(queue.shift());
          if (queue.length) await yieldToPage();
        }
      } finally {
        pumping = false;
      }
    };
    const away = (r) => Math.max(0, r.top - innerHeight, -r.bottom);
    this.#near = new IntersectionObserver(
      (entries) => {
        const near = entries.filter((e) => e.isIntersecting).sort((x, y) => away(x.boundingClientRect) - away(y.boundingClientRect));
        queue.push(...near.map((e) => blocks[Number(e.target.dataset.block)]));
        pump();
      },
      { rootMargin: '1500px 0px' },
    );
    blocks.forEach((block, i) => {
      block.el.dataset.block = String(i);
      this.#near.observe(block.el);
    });
    article.append(...blocks.map((block) => block.el));
    let budget = REDRAW_CHARS;
    for (const block of blocks) {
      if (budget > 0 && wasDrawn.some(([from, to]) => block.from < to && from < block.to)) {
        drawBlock(block);
        budget -= block.to - block.from;
      }
    }
    return true;
  }

  #onClick(event) {
    const t = event.target;
    const layer = t.closest?.('button[data-layer]');
    if (layer) {
      const shown = new Set(this.layers);
      if (shown.has(layer.dataset.layer)) shown.delete(layer.dataset.layer);
      else shown.add(layer.dataset.layer);
      this.layers = [...shown];
      return;
    }
    const who = t.closest?.('.legend button[data-speaker]');
    if (who) {
      this.nextQuote(who.dataset.speaker, event.shiftKey ? -1 : 1);
      return;
    }
    if (t.closest?.('.clear-focus')) this.speaker = null;
  }

  #reveal(selector, focus) {
    const root = this.shadowRoot;
    const els = root.querySelectorAll(`.article ${selector}`);
    if (!els.length) return false;
    for (const el of root.querySelectorAll('.article .current')) el.classList.remove('current');
    for (const el of els) el.classList.add('current');
    const smooth = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    els[0].scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    if (focus && els[0].tabIndex >= 0) els[0].focus({ preventScroll: true });
    return true;
  }

  /** Light up everything of speaker `id` (hover or focus), or nothing. */
  #light(id) {
    const n = id == null ? null : Number(id);
    if (n === this.#lit) return;
    this.#lit = n;
    this.#updateRules();
  }

  #applyFocus() {
    const root = this.shadowRoot;
    root.querySelector('.article')?.classList.toggle('focusing', this.#focus != null);
    for (const b of root.querySelectorAll('.legend button[data-speaker]')) {
      const on = Number(b.dataset.speaker) === this.#focus;
      b.setAttribute('aria-pressed', String(on));
      const s = this.#speakers.get(Number(b.dataset.speaker));
      b.querySelector('.at').textContent = on && this.#at >= 0 ? `${grouped(this.#at + 1)}/${grouped(s.indexes.length)}` : '';
    }
    const clear = root.querySelector('.clear-focus');
    if (clear) clear.hidden = this.#focus == null;
    if (this.#focus == null) for (const el of root.querySelectorAll('.article .current')) el.classList.remove('current');
    this.#updateRules();
  }

  #updateRules() {
    if (!this.#dynamic) return;
    let css = '';
    if (this.#focus != null) css += focusRules(this.#focus);
    if (this.#lit != null && Number.isFinite(this.#lit)) css += litRules(this.#lit);
    this.#dynamic.replaceSync(css);
  }
}
