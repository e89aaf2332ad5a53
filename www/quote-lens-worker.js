// The module worker behind <quote-lens> for long texts: the same wasm core as the page, loaded
// from this file's own URL. It analyses a text piece by piece and posts each piece's result as
// soon as it is ready, so the page shows progress and never receives one huge message.
//
//   in:  { id, text }
//   out: { id, type: 'part', done, total, part }  (part: the piece's analysis, ids and spans global)
//        { id, type: 'done' } | { id, type: 'error', message }

import { loadCore, pieces, PieceJoiner } from './quote-lens-core.js';

self.onmessage = async ({ data: { id, text } }) => {
  try {
    const { analyze } = await loadCore();
    const cuts = pieces(text);
    const joiner = new PieceJoiner();
    let done = 0;
    for (const [start, end] of cuts) {
      const part = joiner.add(analyze(text.slice(start, end)), start);
      done += end - start;
      self.postMessage({ id, type: 'part', done, total: text.length, part });
    }
    self.postMessage({ id, type: 'done' });
  } catch (err) {
    self.postMessage({ id, type: 'error', message: String(err?.message ?? err) });
  }
};
