// How far the wasm's memory grows in Node over a few workloads, each in a fresh module (wasm
// memory only grows, so its size at the end is the most the workload needed at once, plus what
// the allocators keep):
//
//   node scripts/bench-node/wasm-memory.mjs [PKG ...]     (PKG: www/pkg by default)
//
// texts: every text three times, one call each; pieces: all texts joined and cut into
// 200,000-char pieces; one: all texts as one text; mixed: the whole, the texts, a 1 M-char
// piece, the texts and the whole again. Texts: PolNeAR train when ../shared is beside the
// repository, the bundled samples otherwise.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { newsTexts } from './texts.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const texts = newsTexts();
const all = texts.join('\n\n');
const workloads = {
  texts: (analyze) => {
    for (let r = 0; r < 3; r++) for (const t of texts) analyze(t);
  },
  pieces: (analyze) => {
    for (let i = 0; i < all.length; i += 200000) analyze(all.slice(i, i + 200000));
  },
  one: (analyze) => analyze(all),
  mixed: (analyze) => {
    analyze(all);
    for (const t of texts) analyze(t);
    analyze(all.slice(0, 1000000));
    for (const t of texts) analyze(t);
    analyze(all);
  },
};

const dirs = process.argv.length > 2 ? process.argv.slice(2) : [`${ROOT}www/pkg`];
let instance = 0;
for (const d of dirs) {
  const dir = resolve(d);
  const sizes = [];
  for (const [name, run] of Object.entries(workloads)) {
    // A query string makes each import a module of its own, with a fresh memory.
    const core = await import(`${pathToFileURL(`${dir}/quotelens.js`).href}?${instance++}`);
    const { memory } = core.initSync({ module: readFileSync(`${dir}/quotelens_bg.wasm`) });
    run(core.analyze);
    sizes.push(`${name} ${(memory.buffer.byteLength / 1048576).toFixed(1)} MB`);
  }
  console.log(`${d}: ${sizes.join(', ')}`);
}
