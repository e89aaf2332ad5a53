// "Who said what": every quote in a table (speaker, kind, words) that sorts by any column and
// filters by words, speaker and kind. Each row leads back to its place in the article.
// Loaded by app.js the first time the tab opens.

import { counted, grouped, yieldToPage } from './quote-lens-core.js';

const KIND = { direct: 'Direct', mixed: 'Mixed', indirect: 'Reported', scare: 'Scare quote' };
const PAGE = 200; // rows drawn at a time; "Show more" adds the next lot
const COLUMNS = [
  ['at', '#'],
  ['speaker', 'Speaker'],
  ['kind', 'Kind'],
  ['words', 'Quote'],
];

const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
};

// Rows that one step of a sort handles: sorting 49,853 quotes by words in one go was a task of
// 189 ms (scripts/bench-node/views.mjs). Longer lists are sorted in runs of this many, a task
// each, then merged, four times this many rows a task.
const SORT_STEP = 5_000;

/**
 * `list` sorted by `compare`, in place when it is short; a longer one in steps (see SORT_STEP),
 * and null once `stale()` says the order is no longer wanted.
 */
async function sortInSteps(list, compare, stale) {
  if (list.length <= SORT_STEP) return list.sort(compare);
  let runs = [];
  for (let i = 0; i < list.length; i += SORT_STEP) {
    runs.push(list.slice(i, i + SORT_STEP).sort(compare));
    await yieldToPage();
    if (stale()) return null;
  }
  let done = 0;
  while (runs.length > 1) {
    const merged = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r];
      const b = runs[r + 1];
      if (!b) {
        merged.push(a);
        break;
      }
      const out = [];
      let i = 0;
      let j = 0;
      while (i < a.length && j < b.length) {
        // Ties from the earlier run first, as a stable sort would have them.
        out.push(compare(b[j], a[i]) < 0 ? b[j++] : a[i++]);
        if (++done % (4 * SORT_STEP) === 0) {
          await yieldToPage();
          if (stale()) return null;
        }
      }
      while (i < a.length) out.push(a[i++]);
      while (j < b.length) out.push(b[j++]);
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0];
}

// Latin letters with diacritics: a quote that has any is sorted with them stripped.
const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]/;

/**
 * A quote's row. Its words, and what filtering and sorting compare, are worked out when first
 * asked for: drawing shows 200 rows, and with all made up front, opening the tab on 200,000
 * quotes was a task of 107 ms (scripts/bench-node/views.mjs; 75 ms since).
 */
class Row {
  #text;
  #q;
  #words;
  #lower;
  #key;
  constructor(text, q, fields) {
    this.#text = text;
    this.#q = q;
    Object.assign(this, fields);
  }
  get words() {
    return (this.#words ??= this.#text.slice(this.#q.start, this.#q.end).replace(/\s+/g, ' ').trim());
  }
  get lower() {
    return (this.#lower ??= this.words.toLowerCase());
  }
  get short() {
    const { words } = this;
    return words.length > 300 ? `${words.slice(0, 299)}…` : words;
  }
  /**
   * What sorting by words compares, as plain strings: the words without their leading quote
   * marks and punctuation, in lowercase, accents stripped. With localeCompare() the sort of
   * 49,853 quotes (10 MB of news) held the page for 3.9 s, and 2,133 for 0.12 s; with these keys,
   * 0.19 s and under 0.05 s (scripts/bench-node/views.mjs).
   */
  get key() {
    if (this.#key == null) {
      const key = this.lower.replace(/^[\p{P}\p{S}\s]+/u, '');
      this.#key = ACCENTED.test(key) ? key.normalize('NFD').replace(/\p{M}+/gu, '') : key;
    }
    return this.#key;
  }
}

export function mount(panel, page) {
  const { lens } = page;
  const bar = el('div', 'filters');
  const search = el('input');
  search.type = 'search';
  search.id = 'quote-filter';
  search.placeholder = 'Filter by words or speaker…';
  search.setAttribute('aria-label', 'Filter quotes by words or speaker');
  const who = el('select');
  who.id = 'quote-speaker';
  who.setAttribute('aria-label', 'Speaker');
  const kind = el('select');
  kind.id = 'quote-kind';
  kind.setAttribute('aria-label', 'Kind of quote');
  kind.append(new Option('All kinds', ''), ...Object.entries(KIND).map(([k, v]) => new Option(v, k)));
  const shown = el('p', 'shown');
  shown.setAttribute('aria-live', 'polite');
  bar.append(search, who, kind, shown);

  const table = el('table', 'quotes');
  const caption = el('caption', 'visually-hidden', 'Quotes in the article; choose a column header to sort');
  const head = el('thead');
  const hr = el('tr');
  for (const [key, label] of COLUMNS) {
    const th = el('th');
    th.scope = 'col';
    th.dataset.key = key;
    const b = el('button', null, label);
    b.type = 'button';
    b.append(el('span', 'arrow'));
    b.addEventListener('click', () => sortBy(key));
    th.append(b);
    hr.append(th);
  }
  head.append(hr);
  const body = el('tbody');
  table.append(caption, head, body);
  const more = el('button', 'more');
  more.type = 'button';
  more.hidden = true;
  panel.replaceChildren(bar, table, more);

  let rows = [];
  let sort = { key: 'at', dir: 1 };
  // Promise of the rows in the current sort's order: made once for each sort (and each text),
  // not again when the filter changes or "Show more" is pressed.
  let ordered = null;
  let draws = 0;
  let limit = PAGE;
  let timer = 0;

  function sortBy(key) {
    sort = { key, dir: sort.key === key ? -sort.dir : 1 };
    ordered = null;
    limit = PAGE;
    draw();
  }

  function compare(a, b) {
    const k = sort.key;
    let d;
    if (k === 'at') d = a.start - b.start;
    else if (k === 'speaker') d = a.rank - b.rank || a.start - b.start;
    else if (k === 'kind') d = a.kindRank - b.kindRank || a.start - b.start;
    else d = (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.start - b.start;
    return d * sort.dir;
  }

  async function draw() {
    const ticket = ++draws;
    if (!ordered) {
      const made = sortInSteps(rows.slice(), compare, () => ordered !== made);
      ordered = made;
      if (rows.length > SORT_STEP) shown.textContent = 'Sorting…';
    }
    const sorted = await ordered;
    // A newer drawing (or sort) has taken over.
    if (ticket !== draws || !sorted) return;
    const needle = search.value.trim().toLowerCase();
    const pick = who.value;
    const list = sorted.filter(
      (r) =>
        (!pick || String(r.speakerId) === pick) &&
        (!kind.value || r.kind === kind.value) &&
        (!needle || r.lower.includes(needle) || r.name.toLowerCase().includes(needle)),
    );
    for (const th of hr.children) {
      const on = th.dataset.key === sort.key;
      th.setAttribute('aria-sort', on ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
      th.querySelector('.arrow').textContent = on ? (sort.dir > 0 ? ' ▲' : ' ▼') : '';
    }
    const frag = document.createDocumentFragment();
    for (const r of list.slice(0, limit)) {
      const tr = el('tr', r.slot ? `s${r.slot}` : 's0');
      tr.dataset.quote = String(r.index);
      const at = el('td', 'num', String(r.order));
      const speaker = el('td', 'speaker');
      if (r.n) {
        const badge = el('span', 'badge', String(r.n));
        badge.setAttribute('aria-hidden', 'true');
        speaker.append(badge);
      }
      speaker.append(r.name);
      const k = el('td', `kind k-${r.kind}`, KIND[r.kind] ?? r.kind);
      const words = el('td', 'words');
      const go = el('button', 'go', r.short);
      go.type = 'button';
      go.title = 'Show this quote in the article';
      go.addEventListener('click', () => page.showInArticle('quote', r.index));
      words.append(go);
      tr.append(at, speaker, k, words);
      frag.append(tr);
    }
    body.replaceChildren(frag);
    if (!list.length) {
      const tr = el('tr');
      const td = el('td', 'none', rows.length ? 'No quote matches the filter.' : 'No quotes in this text.');
      td.colSpan = 4;
      tr.append(td);
      body.append(tr);
    }
    more.hidden = list.length <= limit;
    more.textContent = `Show ${grouped(Math.min(PAGE, list.length - limit))} more`;
    shown.textContent =
      list.length === rows.length
        ? counted(rows.length, 'quote')
        : `${grouped(list.length)} of ${counted(rows.length, 'quote')}`;
  }

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      limit = PAGE;
      draw();
    }, 120);
  };
  search.addEventListener('input', later);
  who.addEventListener('change', later);
  kind.addEventListener('change', later);
  more.addEventListener('click', () => {
    limit += PAGE;
    draw();
  });

  return {
    update(analysis, text) {
      // Speaker colours follow the element's own (themable) palette.
      const cs = getComputedStyle(lens);
      for (let i = 0; i <= 8; i++) {
        const v = cs.getPropertyValue(i ? `--quotelens-speaker-${i}` : '--quotelens-unattributed').trim();
        if (v) panel.style.setProperty(`--s${i}`, v);
      }
      const speakers = new Map(lens.speakers.map((s) => [s.id, s]));
      const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
      const kindRank = { direct: 0, mixed: 1, indirect: 2, scare: 3 };
      // The core lists quotes in text order; sorted here only should that ever change.
      const { quotes } = analysis;
      let position = null;
      if (quotes.some((q, i) => i && q.start < quotes[i - 1].start)) {
        const order = quotes.map((q, i) => i).sort((a, b) => quotes[a].start - quotes[b].start);
        position = new Map(order.map((i, k) => [i, k + 1]));
      }
      rows = quotes.map((q, index) => {
        const s = q.kind === 'scare' ? null : speakers.get(q.speaker);
        const name = s ? s.name : q.kind === 'scare' ? '—' : (names.get(q.speaker) ?? 'Unknown');
        return new Row(text, q, {
          index,
          order: position ? position.get(index) : index + 1,
          start: q.start,
          kind: q.kind,
          kindRank: kindRank[q.kind] ?? 9,
          speakerId: s ? s.id : '',
          name,
          n: s?.n,
          slot: s?.slot ?? 0,
          rank: s ? s.n : 1e9,
        });
      });
      const chosen = who.value;
      who.replaceChildren(new Option('All speakers', ''), ...[...speakers.values()].map((s) => new Option(`${s.n}. ${s.name} (${s.quotes})`, String(s.id))));
      who.value = speakers.has(Number(chosen)) ? chosen : '';
      ordered = null;
      limit = PAGE;
      draw();
    },
  };
}
