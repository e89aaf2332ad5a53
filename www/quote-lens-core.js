// The wasm core and the piecewise analysis of long texts, shared by <quote-lens> (main thread)
// and quote-lens-worker.js; and the exports' files made in steps, for the element and the page.
// No DOM here: the module loads in a Worker (and in Node, for the tests) as well.

const PKG_JS = new URL('./pkg/quotelens.js', import.meta.url);
const PKG_WASM = new URL('./pkg/quotelens_bg.wasm', import.meta.url);

/** Texts longer than this are analysed in pieces (cut at paragraph breaks), one at a time. */
export const PIECE_SIZE = 200_000;

let corePromise = null;

/**
 * Load and instantiate the wasm core once per page (or worker); every caller shares the promise.
 * Resolves to the wasm-bindgen module (`analyze`, `version`). Both URLs come from this module's
 * own URL, so the core is found wherever the files are copied to.
 */
export function loadCore() {
  if (!corePromise) {
    // The wasm's fetch starts now, beside the import of its glue, not after it: the glue and the
    // snippet it imports are two round trips that the wasm no longer waits for (on a page that
    // does not preload them; the reader page does). The glue's init takes the pending response.
    const wasm = fetch(PKG_WASM);
    // A failed fetch is reported through init; this only keeps it from also being an unhandled
    // rejection when the import fails first.
    wasm.catch(() => {});
    corePromise = import(PKG_JS.href).then(async (mod) => {
      await mod.default({ module_or_path: wasm });
      return mod;
    });
    // A failed load may be retried later (e.g. after a network hiccup).
    corePromise.catch(() => {
      corePromise = null;
    });
  }
  return corePromise;
}

/**
 * [start, end) pieces of `text`, each at most about `size` long, cut after a blank line where
 * there is one, else after a line break or a sentence end, never inside a surrogate pair.
 */
export function pieces(text, size = PIECE_SIZE) {
  const out = [];
  let from = 0;
  while (text.length - from > size) {
    const window = text.slice(from + (size >> 1), from + size);
    let cut = -1;
    for (const re of [/\n[^\S\n]*\n\s*/g, /\n/g, /[.!?]["”’»]?\s+/g]) {
      let last = null;
      for (let m; (m = re.exec(window)); ) last = m;
      if (last) {
        cut = from + (size >> 1) + last.index + last[0].length;
        break;
      }
    }
    if (cut < 0) {
      cut = from + size;
      const c = text.charCodeAt(cut);
      if (c >= 0xdc00 && c <= 0xdfff) cut--;
    }
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, text.length]);
  return out;
}

/**
 * The most words of a person's name whose endings PieceJoiner joins by, as the core's
 * MAX_JOINED_NAME_WORDS (src/analyze.rs): a longer run of capitalised words names nobody, and
 * its endings would take memory and time in the square of its length.
 */
const MAX_JOINED_NAME_WORDS = 6;

/**
 * Joins the analyses of consecutive pieces into one: spans are shifted by the piece's start, and
 * entities are joined by the rules the core joins its own sections by (src/analyze.rs,
 * `Merger`): the same name in any case; a person's name and an ending of it of two words or more
 * ("Democrat Hillary Clinton" and "Hillary Clinton", under the shorter); a one-word name and the
 * one person whose full name ends with it (two people of one surname: it stays apart). Never two
 * entities of one piece into one. Ids are renumbered from 0, in order of first mention.
 */
export class PieceJoiner {
  #names = new Map();
  #surnames = new Map();
  #piece = 0;
  #joinedIn = [];
  analysis = { offsets: 'utf16', entities: [], quotes: [], locations: [] };

  /** Add the analysis of the piece starting at `offset`; returns only what it added (new ids). */
  add(part, offset) {
    const shift = (s) => (s == null ? s : { ...s, start: s.start + offset, end: s.end + offset });
    const local = new Map();
    const added = { offsets: 'utf16', entities: [], quotes: [], locations: [] };
    const all = this.analysis.entities;
    const earlier = all.length;
    const piece = ++this.#piece;
    for (const e of part.entities ?? []) {
      const key = e.name.toLowerCase();
      const person = e.kind === 'person';
      // Each shorter ending of the name ("anna berg", "berg" of "democrat anna berg"); none of
      // a name longer than MAX_JOINED_NAME_WORDS, whose endings would cost the square of its length.
      const words = key.split(' ');
      const endings = words.length > MAX_JOINED_NAME_WORDS ? [] : words.map((_, i) => words.slice(i).join(' ')).slice(1);
      let id = this.#names.get(key);
      if (id == null && person) {
        if (endings.length === 0) id = this.#surnames.get(key);
        else for (const end of endings) if ((id = this.#names.get(end)) != null) break;
        if (id != null && all[id]?.kind !== 'person') id = null;
      }
      if (id != null && (id === -1 || id >= earlier || this.#joinedIn[id] === piece)) id = null;
      if (id == null) {
        id = all.length;
        all.push({ id, name: e.name, kind: e.kind, mentions: [] });
        this.#joinedIn.push(0);
      } else {
        this.#joinedIn[id] = piece;
        const old = all[id];
        const oldKey = old.name.toLowerCase();
        if (old.kind === 'unknown') old.kind = e.kind;
        // The full name for a surname; of a full name and its ending, the ending (not a surname).
        if (person && ((!oldKey.includes(' ') && key.length > oldKey.length) || (key.includes(' ') && oldKey.endsWith(` ${key}`)))) old.name = e.name;
      }
      if (person) {
        for (const end of endings) {
          if (end.includes(' ')) {
            if (!this.#names.has(end)) this.#names.set(end, id);
          } else {
            const was = this.#surnames.get(end);
            this.#surnames.set(end, was == null || was === id ? id : -1);
          }
        }
      }
      if (!this.#names.has(key)) this.#names.set(key, id);
      local.set(e.id, id);
      const mentions = (e.mentions ?? []).map(shift);
      all[id].mentions.push(...mentions);
      added.entities.push({ id, name: all[id].name, kind: all[id].kind, mentions });
    }
    const base = this.analysis.quotes.length;
    for (const q of part.quotes ?? []) {
      const quote = {
        ...q,
        start: q.start + offset,
        end: q.end + offset,
        speaker: q.speaker == null ? null : local.get(q.speaker) ?? null,
        speaker_mention: shift(q.speaker_mention),
        cue: shift(q.cue),
        continues: q.continues == null ? null : base + q.continues,
      };
      this.analysis.quotes.push(quote);
      added.quotes.push(quote);
    }
    for (const l of part.locations ?? []) {
      const loc = shift(l);
      this.analysis.locations.push(loc);
      added.locations.push(loc);
    }
    return added;
  }

  /** Merge a part already renumbered by another joiner (what the worker posts). */
  merge(added) {
    for (const e of added.entities) {
      const have = this.analysis.entities[e.id];
      if (have) {
        have.mentions.push(...e.mentions);
        // A later piece can give the entity a better name or kind (see add()).
        have.name = e.name;
        have.kind = e.kind;
      } else this.analysis.entities[e.id] = { ...e, mentions: [...e.mentions] };
    }
    this.analysis.quotes.push(...added.quotes);
    this.analysis.locations.push(...added.locations);
  }
}

/**
 * `n` with its thousands grouped by commas ("12,345"), for the counts shown to readers. By hand,
 * not by toLocaleString: its first call sets up ICU's number formatting, 50.5 ms of script on the
 * way to the seed article's first render in headless Chromium, more than any other function
 * (scripts/bench-node/first-render-trace.mjs on fe83014's site; README, Performance).
 */
export const grouped = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** "1 quote", "2,000 quotes": `n`, grouped, and the noun that agrees with it. */
export const counted = (n, one, many = `${one}s`) => `${grouped(n)} ${n === 1 ? one : many}`;

/* ---- files made in steps: the exports of long texts, with the page answering ---- */

/** Lets the page answer input and draw before the work goes on (a task boundary). */
export const yieldToPage = () =>
  globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((ok) => setTimeout(ok, 0));

// Chars of a file's parts that fileOf() encodes into one Blob. A Blob of the whole file, made at
// the end, encodes it all in one task (the HTML file of 200,000 quotes is 36 MB); a Blob of a
// Blob per part is made in one task too, and the HTML file of 10 MB of news has 5,000 parts.
const FILE_PIECE = 1 << 20;

/**
 * A Blob of `parts` (an iterable of strings in order; null for a pause), made a part per task
 * with the page answering, and encoded a megabyte at a time.
 */
export async function fileOf(parts, type) {
  const blobs = [];
  let pending = [];
  let chars = 0;
  for (const part of parts) {
    if (part) {
      pending.push(part);
      chars += part.length;
    }
    if (chars >= FILE_PIECE) {
      blobs.push(new Blob(pending));
      pending = [];
      chars = 0;
    }
    await yieldToPage();
  }
  blobs.push(new Blob(pending));
  return new Blob(blobs, { type });
}

// What one step of jsonParts() writes at most, in weight() units. 200,000 quotes in one
// JSON.stringify held the page for 0.24 s (scripts/bench-node/hostile-page.mjs, EXPORT=1); and
// steps of 2,000 items each would not do, since a few entities of a long text can hold most of
// its mentions.
const JSON_STEP = 2_000;
// Chars of one string that one step writes (a long text is written in slices).
const JSON_STEP_CHARS = 1 << 19;

/**
 * Roughly what writing `value` as JSON costs: the items of its arrays, all levels down, and a
 * unit per 256 chars of its strings.
 */
function weight(value) {
  if (typeof value === 'string') return value.length >> 8;
  if (!value || typeof value !== 'object') return 0;
  let n = 0;
  if (Array.isArray(value)) {
    n = value.length;
    for (const item of value) if (item && typeof item !== 'number') n += weight(item);
  } else {
    for (const key in value) n += weight(value[key]);
  }
  return n;
}

/**
 * JSON.stringify(value, null, 1), in parts of about `step` weight() units each, for plain data
 * as the analysis is (no toJSON() methods are looked for). `depth` is the indent `value` is
 * written at; `step` and `chars` are there for the tests.
 */
export function* jsonParts(value, { depth = 0, step = JSON_STEP, chars = JSON_STEP_CHARS } = {}) {
  const pad = `\n${' '.repeat(depth)}`;
  // What JSON.stringify writes at depth 0, moved to `depth`: each line break gains the indent
  // (JSON escapes the line breaks inside strings, so every raw one is the layout's).
  const at = (json) => (depth ? json.replaceAll('\n', pad) : json);
  const inner = { depth: depth + 1, step, chars };
  if (typeof value === 'string' && value.length > chars) {
    for (let i = 0, j; i < value.length; i = j) {
      j = Math.min(value.length, i + chars);
      // Never between the halves of a surrogate pair: each half alone is written as an escape.
      // (The pair goes to the next slice, or whole into this one when it would be left empty.)
      if (j < value.length && /[\uDC00-\uDFFF]/.test(value[j]) && /[\uD800-\uDBFF]/.test(value[j - 1])) j += j - 1 > i ? -1 : 1;
      yield `${i ? '' : '"'}${JSON.stringify(value.slice(i, j)).slice(1, -1)}${j === value.length ? '"' : ''}`;
    }
  } else if (!value || typeof value !== 'object' || weight(value) <= step) {
    yield at(JSON.stringify(value, null, 1));
  } else if (Array.isArray(value)) {
    // Items in groups of at most `step`; an item heavier than that alone, in parts of its own.
    let open = '[';
    let group = [];
    let load = 0;
    const flush = () => {
      // "[\n a,\n b\n]" less its brackets and its last line break: the items at indent 1.
      const json = group.length ? `${open}${at(JSON.stringify(group, null, 1).slice(1, -2))}` : '';
      if (group.length) open = ',';
      group = [];
      load = 0;
      return json;
    };
    for (const item of value) {
      const w = 1 + weight(item);
      if (w > step) {
        const before = flush();
        yield `${before}${open}${pad} `;
        open = ',';
        yield* jsonParts(item, inner);
        continue;
      }
      if (load + w > step) yield flush();
      group.push(item);
      load += w;
    }
    yield `${flush()}${pad}]`;
  } else {
    let open = '{';
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function') continue; // JSON.stringify skips them
      yield `${open}${pad} ${JSON.stringify(key)}: `;
      open = ',';
      yield* jsonParts(item, inner);
    }
    yield `${pad}}`;
  }
}
