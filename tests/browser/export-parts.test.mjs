// The exports of long texts are written in parts, a part per task (www/quote-lens-core.js):
// jsonParts() must write, joined, exactly what JSON.stringify(value, null, 1) writes, however
// small its steps; fileOf() must keep the parts' order. In Node: no page needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ROOT } from './harness.mjs';

const { fileOf, jsonParts } = await import(pathToFileURL(`${ROOT}www/quote-lens-core.js`).href);

const joined = (value, options) => [...jsonParts(value, options)].join('');
const STEPS = [{ step: 0, chars: 1 }, { step: 1, chars: 2 }, { step: 3, chars: 3 }, { step: 7, chars: 5 }, { step: 50, chars: 64 }, {}];

/** A small pseudo-random generator, so that a failure can be replayed from its seed. */
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const PIECES = ['a', 'é', '“', '\n', '"', '\\', '😀', '\uD83D', '\uDE00', '\u2028', ' ', '<', '\t'];
function value(r, depth) {
  const k = r();
  if (depth > 3 || k < 0.3) {
    const leaf = r();
    if (leaf < 0.2) return Math.round((r() - 0.5) * 1e6) / 8;
    if (leaf < 0.3) return r() < 0.5;
    if (leaf < 0.35) return null;
    return Array.from({ length: Math.floor(r() * 12) }, () => PIECES[Math.floor(r() * PIECES.length)]).join('');
  }
  const n = Math.floor(r() * 6);
  if (k < 0.65) return Array.from({ length: n }, () => value(r, depth + 1));
  const out = {};
  for (let i = 0; i < n; i++) out[`k${i}${PIECES[Math.floor(r() * PIECES.length)]}`] = r() < 0.1 ? undefined : value(r, depth + 1);
  return out;
}

test('jsonParts writes what JSON.stringify(value, null, 1) writes: 500 random values, six step sizes', () => {
  for (let seed = 1; seed <= 500; seed++) {
    const v = value(random(seed), 0);
    const want = JSON.stringify(v, null, 1);
    for (const options of STEPS) assert.equal(joined(v, options), want, `seed ${seed}, ${JSON.stringify(options)}`);
  }
});

test('jsonParts on the shapes the exports meet: a real analysis, long texts, surrogate pairs at a cut', async () => {
  const text = readFileSync(`${ROOT}www/samples/seed-article.txt`, 'utf8');
  const core = await import(pathToFileURL(`${ROOT}www/pkg/quotelens.js`).href);
  core.initSync({ module: readFileSync(`${ROOT}www/pkg/quotelens_bg.wasm`) });
  const analysis = core.analyze(text);
  assert.ok(analysis.quotes.length > 10 && analysis.entities.length > 2);
  const shapes = [
    { generator: 'quotelens', text, analysis },
    { text: '😀'.repeat(1000) },
    { text: `a${'😀'.repeat(1000)}` },
    { text: '\uDE00\uD83D'.repeat(300) },
    [[], {}, [[]], { a: [] }, '', 0, -0, null],
  ];
  for (const v of shapes) {
    const want = JSON.stringify(v, null, 1);
    for (const options of STEPS) assert.equal(joined(v, options), want, JSON.stringify(options));
  }
  // Small steps do cut it up: no part holds more than a step of items, bar one item's own size.
  const parts = [...jsonParts({ text, analysis }, { step: 5, chars: 100 })];
  assert.ok(parts.length > analysis.quotes.length / 5, `${parts.length} parts`);
  const longest = Math.max(...parts.map((p) => p.length));
  assert.ok(longest < 3_000, `longest part ${longest} chars`);
});

test('fileOf keeps the parts in order, skips the pauses, and types the Blob', async () => {
  const parts = ['<!doctype html>', null, 'é😀', '', 'x'.repeat(3 << 20), null, 'end'];
  const blob = await fileOf(parts, 'text/html');
  assert.equal(blob.type, 'text/html');
  assert.equal(await blob.text(), parts.filter(Boolean).join(''));
});
