// Page weight: everything the reader page loads at start (modules, wasm, styles, the sample),
// gzip -9, stays under WEIGHT_LIMIT (250 KB). The target is 137 KB (compromise alone); scripts/bench
// prints the figure against it. The measuring code is shared with scripts/bench.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { pageWeight, WEIGHT_LIMIT } from '../../scripts/bench-node/page.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test(`what the page loads at start weighs at most ${kb(WEIGHT_LIMIT)} gzipped`, async () => {
  const { files, total } = await pageWeight(env);
  const list = files.map((f) => `${f.path} ${kb(f.gzip)}`).join(', ');
  assert.ok(files.some((f) => f.kind === 'wasm'), `the wasm module was loaded: ${list}`);
  assert.ok(total.gzip <= WEIGHT_LIMIT, `${kb(total.gzip)} gzipped is over ${kb(WEIGHT_LIMIT)}: ${list}`);
});
