// How the element joins the analyses of a long text's pieces (www/quote-lens-core.js's
// PieceJoiner), in Node: by the rules the core joins its own sections by (src/analyze.rs,
// `Merger`), so a person named in two pieces is one speaker with one colour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { ROOT } from './harness.mjs';

const { PieceJoiner } = await import(pathToFileURL(`${ROOT}www/quote-lens-core.js`).href);

/** A piece's analysis: one entity per [name, kind] and one direct quote by each, at 0, 10, ... */
function piece(...people) {
  return {
    entities: people.map(([name, kind], id) => ({ id, name, kind, mentions: [{ start: id * 10, end: id * 10 + 5, kind: 'name' }] })),
    quotes: people.map((_, id) => ({ start: id * 10 + 6, end: id * 10 + 9, kind: 'direct', speaker: id, continues: null })),
    locations: [],
  };
}

/** The speaker's name of each quote, in order. */
const speakers = (a) => a.quotes.map((q) => a.entities[q.speaker]?.name ?? null);

test('a person named in several pieces is one entity, under the name without the extra word', () => {
  const j = new PieceJoiner();
  j.add(piece(['Anna Berg', 'person'], ['the ministry', 'organization']), 0);
  j.add(piece(['Democrat Anna Berg', 'person'], ['The Ministry', 'organization']), 1000);
  j.add(piece(['Berg', 'person']), 2000);
  const a = j.analysis;
  assert.deepEqual(speakers(a), ['Anna Berg', 'the ministry', 'Anna Berg', 'the ministry', 'Anna Berg']);
  assert.equal(a.entities.length, 2);
  // Mentions shifted and in text order.
  assert.deepEqual(a.entities[0].mentions.map((m) => m.start), [0, 1000, 2000]);
  // The longer name first, then its ending: the ending is the name.
  const k = new PieceJoiner();
  k.add(piece(['Lund', 'person']), 0);
  k.add(piece(['Democrat Eva Lund', 'person']), 1000);
  k.add(piece(['Eva Lund', 'person']), 2000);
  assert.deepEqual(speakers(k.analysis), ['Eva Lund', 'Eva Lund', 'Eva Lund']);
});

test('a surname two people share, and two entities of one piece, stay apart', () => {
  const j = new PieceJoiner();
  j.add(piece(['Anna Berg', 'person'], ['Tor Berg', 'person']), 0);
  j.add(piece(['Berg', 'person']), 1000);
  assert.deepEqual(speakers(j.analysis), ['Anna Berg', 'Tor Berg', 'Berg']);
  // One piece's two "U.S." entities (the core kept them apart) do not both join the earlier one.
  const k = new PieceJoiner();
  k.add(piece(['U.S.', 'organization']), 0);
  k.add(piece(['U.S.', 'organization'], ['U.S.', 'unknown']), 1000);
  assert.equal(k.analysis.entities.length, 2);
  assert.deepEqual(k.analysis.quotes.map((q) => q.speaker), [0, 0, 1]);
});

test('what the worker posts, merged on the page, ends with the same names', () => {
  const worker = new PieceJoiner();
  const page = new PieceJoiner();
  page.merge(worker.add(piece(['Lund', 'person']), 0));
  page.merge(worker.add(piece(['Eva Lund', 'person']), 1000));
  assert.deepEqual(page.analysis.entities.map((e) => e.name), ['Eva Lund']);
  assert.deepEqual(speakers(page.analysis), ['Eva Lund', 'Eva Lund']);
});

test('only a name of at most six words is joined by its endings, as in the core', () => {
  // Six words: its ending joins it.
  const j = new PieceJoiner();
  j.add(piece(['Former Secretary of State Hillary Clinton', 'person']), 0);
  j.add(piece(['Hillary Clinton', 'person']), 1000);
  assert.equal(j.analysis.entities.length, 1);
  // A longer run of capitalised words names nobody; its endings are not kept (a section's run
  // of thousands of words kept them all, in memory the square of its length).
  const k = new PieceJoiner();
  k.add(piece(['Mr. Dr. Sen. U.S. Mr. Dr. Hillary Clinton', 'person']), 0);
  k.add(piece(['Hillary Clinton', 'person']), 1000);
  assert.equal(k.analysis.entities.length, 2);
});
