// Page weight: everything the reader page loads at start (modules, wasm, styles, the sample),
// gzip -9, stays under WEIGHT_LIMIT (250 KB). The target is 137 KB (compromise alone); scripts/bench
// prints the figure against it. The measuring code is shared with scripts/bench.
import { readFileSync } from 'node:fs';
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

// The core slices its text with `str::get` (`text.get(a..b).unwrap_or("")`), never `&text[a..b]`:
// one panicking slice anywhere brings core's message for it, which formats chars and ranges, and
// that code and its tables were 3.9 KB of the page (docs/performance.md, 2026-11-29).
// `cargo clippy --lib -- -W clippy::string_slice` lists any that come back.
test('the wasm has no panic path of string slicing', () => {
  const wasm = readFileSync(new URL('../../target/site/pkg/quotelens_bg.wasm', import.meta.url));
  assert.ok(!wasm.includes('is not a char boundary'), 'some &text[a..b] in src/ (see `cargo clippy --lib -- -W clippy::string_slice`)');
});
