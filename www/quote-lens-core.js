// The wasm core and the piecewise analysis of long texts, shared by <quote-lens> (main thread)
// and quote-lens-worker.js. No DOM here: the module loads in a Worker as well.

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
 * Joins the analyses of consecutive pieces into one: spans are shifted by the piece's start, and
 * entities with the same name and kind become one entity (ids are renumbered from 0).
 */
export class PieceJoiner {
  #ids = new Map();
  analysis = { offsets: 'utf16', entities: [], quotes: [], locations: [] };

  /** Add the analysis of the piece starting at `offset`; returns only what it added (new ids). */
  add(part, offset) {
    const shift = (s) => (s == null ? s : { ...s, start: s.start + offset, end: s.end + offset });
    const local = new Map();
    const added = { offsets: 'utf16', entities: [], quotes: [], locations: [] };
    for (const e of part.entities ?? []) {
      const key = `${e.kind}\u0000${e.name}`;
      let id = this.#ids.get(key);
      if (id == null) {
        id = this.analysis.entities.length;
        this.#ids.set(key, id);
        this.analysis.entities.push({ id, name: e.name, kind: e.kind, mentions: [] });
      }
      local.set(e.id, id);
      const mentions = (e.mentions ?? []).map(shift);
      this.analysis.entities[id].mentions.push(...mentions);
      added.entities.push({ id, name: e.name, kind: e.kind, mentions });
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
      if (have) have.mentions.push(...e.mentions);
      else this.analysis.entities[e.id] = { ...e, mentions: [...e.mentions] };
    }
    this.analysis.quotes.push(...added.quotes);
    this.analysis.locations.push(...added.locations);
  }
}
