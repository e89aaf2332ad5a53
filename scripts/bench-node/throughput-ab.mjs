// wasm throughput of several builds in one Node process, taking turns round by round so that the
// machine's load falls on all alike:
//
//   node scripts/bench-node/throughput-ab.mjs PKG_A PKG_B [...]   (ROUNDS=8 by default)
//
// Each PKG is a wasm-bindgen --target web folder (a copy of www/pkg/ from scripts/build-wasm).
// Texts: PolNeAR train when ../shared is beside the repository, the bundled samples otherwise.
// Prints each build's median over the rounds of M chars per CPU-second (CPU time: steadier than
// wall time on a shared machine), and every round.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { newsTexts } from './texts.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dirs = process.argv.slice(2);
if (dirs.length < 2) {
  console.error('usage: node scripts/bench-node/throughput-ab.mjs PKG_A PKG_B [...]');
  process.exit(2);
}
const texts = newsTexts();
const chars = texts.reduce((n, t) => n + t.length, 0);

const cores = [];
for (const d of dirs) {
  const dir = resolve(d);
  // A query string makes each folder's glue a module of its own even where two are the same file.
  const core = await import(`${pathToFileURL(`${dir}/quotelens.js`).href}?${cores.length}`);
  core.initSync({ module: readFileSync(`${dir}/quotelens_bg.wasm`) });
  for (const t of texts) core.analyze(t); // warm-up
  cores.push(core);
}
const rates = cores.map(() => []);
for (let r = 0; r < Number(process.env.ROUNDS || 8); r++) {
  cores.forEach((core, k) => {
    const start = process.cpuUsage();
    for (const t of texts) core.analyze(t);
    const used = process.cpuUsage(start);
    rates[k].push(chars / ((used.user + used.system) / 1e6) / 1e6);
  });
}
const median = (x) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
dirs.forEach((d, k) => {
  console.log(`${d}: ${median(rates[k]).toFixed(2)} M chars/s (median CPU time; rounds ${rates[k].map((x) => x.toFixed(1)).join(' ')})`);
});
