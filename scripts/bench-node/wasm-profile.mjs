// Where the wasm's time goes in Node: V8's sampling profiler over `analyze` on the texts, and
// each function's share of the samples (self time).
//
//   QUOTELENS_WASM_NAMES=1 QUOTELENS_WASM_OUT=target/wasm-named scripts/build-wasm
//   node scripts/bench-node/wasm-profile.mjs target/wasm-named [TOP]
//
// A package built without names (www/pkg) profiles too, but its functions show as numbers.
// Texts: PolNeAR train when ../shared is beside the repository, the bundled samples otherwise;
// run ROUNDS times (12 by default) after one round of warm-up.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Session } from 'node:inspector/promises';
import { newsTexts } from './texts.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = resolve(process.argv[2] ?? `${ROOT}www/pkg`);
const top = Number(process.argv[3] ?? 30);
const texts = newsTexts();

const core = await import(pathToFileURL(`${dir}/quotelens.js`).href);
core.initSync({ module: readFileSync(`${dir}/quotelens_bg.wasm`) });
for (const t of texts) core.analyze(t); // warm-up: V8 recompiles the hot functions first

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
for (let r = 0; r < Number(process.env.ROUNDS || 12); r++) for (const t of texts) core.analyze(t);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (const id of profile.samples) {
  const f = byId.get(id).callFrame;
  // Rust's symbol hashes (::h0123...) only make the names longer.
  const name = (f.functionName || `(${f.url || 'program'})`).replace(/::h[0-9a-f]{16}$/, '');
  self.set(name, (self.get(name) ?? 0) + 1);
}
const total = profile.samples.length;
console.log(`${total} samples, ${texts.length} texts x ${process.env.ROUNDS || 12}; share of samples (self time):`);
for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${((100 * n) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 110)}`);
}
