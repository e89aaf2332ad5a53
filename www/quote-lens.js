// <quote-lens>: shows who is quoted in a news text, and where it happens.
//
// This module only defines and exports the class; importing it has no side effects. Register it
// with `QuoteLensElement.define()` or by importing ./quote-lens-define.js.
//
//   <quote-lens legend layers="quotes speakers places">Article text (the no-JS fallback)</quote-lens>
//
// Input is the `text` property when set, else the element's own text content (de-indented).
// Attributes (each mirrored by a typed property):
//   legend   boolean  show the speakers-and-places legend                     (default: absent)
//   layers   string   any of "quotes speakers places", space separated         (default: all three)
// Other properties: `text` (string, or null for the light DOM), `analysis` (read-only, latest
//   result), `analyzer` (function text => analysis; null = the wasm core).
// Event: `quote-lens-analyzed` (bubbles, composed), detail = the analysis object from the core.
// Parts: article, paragraph, quote (+ quote-direct/-indirect/-mixed/-scare, unattributed), cue,
//   speaker (+ speaker-name/-short_name/-title/-pronoun/-nominal), place (+ dateline), legend,
//   legend-speaker, swatch, legend-place, status.
// Styling: the --quotelens-* custom properties declared on :host in ./quote-lens-styles.js.
//
// All analysis runs in WebAssembly in this page; the user's text is only ever put into the DOM as
// text nodes. Speaker colours go to entities that are quoted (not scare quotes); only their
// mentions are marked, so the palette is spent on people who speak.

import { STYLES } from './quote-lens-styles.js';

const PKG_JS = new URL('./pkg/quotelens.js', import.meta.url);
const PKG_WASM = new URL('./pkg/quotelens_bg.wasm', import.meta.url);

/** Number of distinct speaker colours; speaker 9 shares colour 1 (its number badge still differs). */
export const PALETTE_SIZE = 8;

const ALL_LAYERS = ['quotes', 'speakers', 'places'];

let corePromise = null;

/**
 * Load and instantiate the wasm core once per page; every element shares the promise.
 * Resolves to the wasm-bindgen module (`analyze`, `version`).
 */
export function loadCore() {
  if (!corePromise) {
    corePromise = import(PKG_JS.href).then(async (mod) => {
      await mod.default({ module_or_path: PKG_WASM });
      return mod;
    });
    // A failed load may be retried by a later render (e.g. after a network hiccup).
    corePromise.catch(() => {
      corePromise = null;
    });
  }
  return corePromise;
}


let sheet = null;
function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
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

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

const QUOTE_WORD = {
  direct: 'direct quote',
  indirect: 'reported speech',
  mixed: 'reported speech with quoted words',
  scare: 'scare quote',
};

/**
 * Who speaks, in order of first appearance, with a 1-based number and a colour slot.
 * Only entities with at least one quote that is not a scare quote count as speakers; their
 * mentions are the only ones marked (people who say nothing get no colour).
 */
function speakersOf(analysis) {
  const byId = new Map();
  for (const e of analysis.entities ?? []) byId.set(e.id, e);
  const quotes = new Map();
  const first = new Map();
  for (const q of analysis.quotes ?? []) {
    if (q.kind === 'scare' || q.speaker == null || !byId.has(q.speaker)) continue;
    quotes.set(q.speaker, (quotes.get(q.speaker) ?? 0) + 1);
    first.set(q.speaker, Math.min(first.get(q.speaker) ?? Infinity, q.start));
  }
  const list = [];
  for (const [id, count] of quotes) {
    const entity = byId.get(id);
    let at = first.get(id);
    for (const m of entity.mentions ?? []) at = Math.min(at, m.start);
    list.push({ id, entity, quotes: count, at });
  }
  list.sort((a, b) => a.at - b.at || a.id - b.id);
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
      if (layer.who) el.dataset.speaker = String(layer.who.id);
      const by = layer.who ? ` by ${layer.who.entity.name}` : kind === 'scare' ? '' : ', speaker unknown';
      el.title = `${QUOTE_WORD[kind][0].toUpperCase()}${QUOTE_WORD[kind].slice(1)}${by}`;
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
 * Render `text` with its layers into `container`, one <p> per paragraph.
 *
 * Spans may nest or cross, so the text is cut at every boundary into segments, each covered by a
 * set of layers (kept in one global outer-to-inner order). Walking the segments, a stack of open
 * elements is kept: the prefix shared with the next segment's layers stays open, the rest closes.
 * Well-nested spans thus become single elements; only truly crossing spans are split in pieces.
 */
function renderArticle(container, text, layers) {
  const cuts = [...new Set(layers.flatMap((l) => [l.start, l.end]))].sort((a, b) => a - b);
  const active = []; // layers covering the current segment
  let next = 0; // next layer (by start) not yet activated
  let cut = 0; // next cut point to look at

  for (const [pStart, pEnd] of paragraphs(text)) {
    const p = document.createElement('p');
    p.setAttribute('part', 'paragraph');
    container.append(p);
    const stack = []; // open elements, outer to inner: {layer, el}
    const points = [pStart];
    while (cut < cuts.length && cuts[cut] <= pStart) cut++;
    while (cut < cuts.length && cuts[cut] < pEnd) points.push(cuts[cut++]);
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
      (stack.length ? stack[stack.length - 1].el : p).append(document.createTextNode(text.slice(a, b)));
    }
    while (stack.length) {
      const { layer, el } = stack.pop();
      if (layer.end <= pEnd) el.classList.add('end');
    }
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
function attachMarkers(article) {
  for (const m of article.querySelectorAll('.m.end')) {
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
  for (const p of article.querySelectorAll('.p.start')) {
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

function renderLegend(legend, analysis, speakers, shown) {
  const h = (tag, cls, txt) => {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    if (txt != null) el.textContent = txt;
    return el;
  };
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
    h(
      'p',
      'summary',
      [plural(speakers.size, 'speaker'), plural(quotes.length, 'quote'), plural(places.size, 'place')].join(' · '),
    ),
  );

  if (shown.has('quotes') || shown.has('speakers')) {
    legend.append(h('h3', null, 'Who is quoted'));
    const ul = h('ul', 'speakers');
    for (const s of speakers.values()) {
      const li = h('li');
      const b = h('button', `s${s.slot}`);
      b.type = 'button';
      b.setAttribute('part', 'legend-speaker');
      b.setAttribute('aria-pressed', 'false');
      b.dataset.speaker = String(s.id);
      b.title = `Show only ${s.entity.name}`;
      const sw = h('span', 'swatch', String(s.n));
      sw.setAttribute('part', 'swatch');
      sw.setAttribute('aria-hidden', 'true');
      const who = h('span', 'who', s.entity.name);
      who.append(h('small', 'count', plural(s.quotes, 'quote')));
      b.append(sw, who);
      li.append(b);
      ul.append(li);
    }
    if (!speakers.size) ul.append(h('li', 'none', 'No speakers found.'));
    legend.append(ul);
    if (unattributed) legend.append(h('p', 'summary', `${plural(unattributed, 'quote')} with no known speaker`));
  }

  if (shown.has('places')) {
    legend.append(h('h3', null, 'Places'));
    const ul = h('ul', 'places');
    for (const { loc, count } of places.values()) {
      const li = h('li');
      li.setAttribute('part', 'legend-place');
      li.title = placeTitle(loc);
      const pin = h('span', 'pin');
      pin.setAttribute('aria-hidden', 'true');
      const name = h('span', 'who', loc.name);
      // The country code helps with cities and regions; for a country it would repeat the name.
      if (loc.country && loc.kind !== 'country') name.append(' ', h('small', null, loc.country));
      li.append(pin, name);
      if (count > 1) li.append(h('span', 'count', `×${count}`));
      ul.append(li);
    }
    if (!places.size) ul.append(h('li', 'none', 'No places found.'));
    legend.append(ul);
  }

  const key = h('div', 'key');
  key.setAttribute('aria-label', 'Key');
  const sample = (cls, textSample, label, n) => {
    const row = h('span');
    const el = h('span', `sample ${cls}`, textSample);
    if (n) el.dataset.n = n;
    row.append(el, label);
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
  static observedAttributes = ['legend', 'layers'];

  /** Register the element (once) under `tag` in `registry`; returns the class. */
  static define(tag = 'quote-lens', registry = customElements) {
    registry.define(tag, this);
    return this;
  }

  #text = null;
  #analyzer = null;
  #analysis = null;
  #queued = false;
  #renders = 0;
  #observer = null;
  #focus = null;

  constructor() {
    super();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    // Until the core has rendered, the light-DOM text shows through the slot.
    root.replaceChildren(document.createElement('slot'));
  }

  /** The text analysed: the `text` property when set, else the element's own text content. */
  get text() {
    return this.#text ?? dedent(this.textContent ?? '');
  }
  set text(value) {
    this.#text = value == null ? null : String(value);
    this.#schedule();
  }

  /** Whether the legend of speakers and places is shown (the `legend` attribute). */
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
    else this.setAttribute('layers', Array.isArray(value) ? value.join(' ') : String(value));
  }

  /**
   * The function that analyses the text: `(text) => Analysis` or a promise of one. Defaults to
   * the shared wasm core (null). Set it to analyse elsewhere, e.g. in a Worker for long texts,
   * or to draw a ready-made analysis (the tests use it to feed crafted spans).
   */
  get analyzer() {
    return this.#analyzer;
  }
  set analyzer(fn) {
    if (fn != null && typeof fn !== 'function') throw new TypeError('analyzer must be a function or null');
    this.#analyzer = fn ?? null;
    this.#schedule();
  }

  /** The latest analysis (the object the core returned), or null before the first one. */
  get analysis() {
    return this.#analysis;
  }

  connectedCallback() {
    // A page may set properties before this module loaded; re-apply them through the setters.
    for (const name of ['text', 'legend', 'layers', 'analyzer']) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.shadowRoot.adoptedStyleSheets = [stylesheet()];
    // Follow light-DOM edits while no `text` property overrides them.
    this.#observer ??= new MutationObserver(() => {
      if (this.#text == null) this.#schedule();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this.#schedule();
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
    const text = this.text;
    let analysis;
    try {
      const analyze = this.#analyzer ?? (await loadCore()).analyze;
      if (ticket !== this.#renders) return; // a newer render is on its way
      analysis = await analyze(text);
    } catch (err) {
      if (ticket === this.#renders) this.#showError(`Could not analyse this text: ${err?.message ?? err}`);
      return;
    }
    if (ticket !== this.#renders) return;
    this.#analysis = analysis;
    this.#draw(text, analysis);
    this.dispatchEvent(
      new CustomEvent('quote-lens-analyzed', { detail: analysis, bubbles: true, composed: true }),
    );
  }

  #showError(message) {
    const status = document.createElement('p');
    status.className = 'status error';
    status.setAttribute('part', 'status');
    status.setAttribute('role', 'alert');
    status.textContent = message;
    // Keep the plain text readable below the message.
    this.shadowRoot.replaceChildren(status, document.createElement('slot'));
  }

  #draw(text, analysis) {
    const shown = parseLayers(this.getAttribute('layers'));
    const speakers = speakersOf(analysis);
    const layers = layersOf(analysis, text, speakers, shown);

    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    const article = document.createElement('div');
    article.className = 'article';
    article.setAttribute('part', 'article');
    if (text.trim()) {
      renderArticle(article, text, layers);
      attachMarkers(article);
    }
    else {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = 'Nothing to analyse yet.';
      article.append(p);
    }
    wrap.append(article);

    if (this.legend) {
      wrap.classList.add('with-legend');
      const legend = document.createElement('aside');
      legend.className = 'legend';
      legend.setAttribute('part', 'legend');
      legend.setAttribute('aria-label', 'Speakers and places');
      renderLegend(legend, analysis, speakers, shown);
      legend.addEventListener('click', (event) => {
        const button = event.target.closest?.('button[data-speaker]');
        if (button) this.#toggleFocus(button.dataset.speaker);
      });
      wrap.prepend(legend);
    }
    this.shadowRoot.replaceChildren(wrap);
    if (this.#focus != null && !speakers.has(Number(this.#focus))) this.#focus = null;
    this.#applyFocus();
  }

  #toggleFocus(id) {
    this.#focus = this.#focus === id ? null : id;
    this.#applyFocus();
  }

  #applyFocus() {
    const root = this.shadowRoot;
    const article = root.querySelector('.article');
    if (!article) return;
    article.classList.toggle('focusing', this.#focus != null);
    for (const el of root.querySelectorAll('.article [data-speaker]')) {
      el.classList.toggle('focus', el.dataset.speaker === this.#focus);
    }
    for (const b of root.querySelectorAll('.legend button[data-speaker]')) {
      b.setAttribute('aria-pressed', String(b.dataset.speaker === this.#focus));
    }
  }
}
