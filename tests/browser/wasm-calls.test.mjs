// One wasm module, many calls, in Node: every result is the one that a module analysing that
// text first gives. The wasm build allocates each call's memory from one region that it reuses
// after the call (src/arena.rs); a block handed out twice, or a region reused while something
// still held it, would show here as a result that depends on the calls before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ROOT } from './harness.mjs';

const PKG = `${ROOT}www/pkg/`;
const wasm = readFileSync(`${PKG}quotelens_bg.wasm`);
let instances = 0;

/** A module of its own (the query string makes the glue a new module each time). */
async function fresh() {
  const core = await import(`${pathToFileURL(`${PKG}quotelens.js`).href}?instance=${instances++}`);
  core.initSync({ module: wasm });
  return core;
}

const samples = readdirSync(`${ROOT}www/samples/`)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(`${ROOT}www/samples/${f}`, 'utf8'));
const all = samples.join('\n\n');
const texts = [
  ...samples,
  '',
  ' \n ',
  '“'.repeat(3000) + ' said Ana Silva in Lisbon.',
  '😀 “Yes,” she said. ‘No,’ he said in Zürich.',
  // Long enough to outgrow the first region (its allocations go on to talc).
  all.repeat(40),
  ...samples.slice().reverse(),
  all.slice(0, 5000),
];

test('each call gives what a first call gives, whatever came before', async () => {
  const shared = await fresh();
  const reference = new Map();
  for (const t of texts) {
    if (!reference.has(t)) reference.set(t, JSON.stringify((await fresh()).analyze(t)));
  }
  for (let round = 0; round < 3; round++) {
    for (const t of round === 1 ? texts.slice().reverse() : texts) {
      assert.equal(JSON.stringify(shared.analyze(t)), reference.get(t), `round ${round}, text of ${t.length} chars`);
    }
  }
});

test('memory stays put over many calls on articles', async () => {
  const core = await fresh();
  const { memory } = core.initSync({ module: wasm });
  for (const t of samples) core.analyze(t);
  const before = memory.buffer.byteLength;
  for (let i = 0; i < 300; i++) core.analyze(samples[i % samples.length]);
  assert.equal(memory.buffer.byteLength, before, 'the wasm memory grew over 300 calls on the same articles');
});
