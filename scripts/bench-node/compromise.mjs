// Benchmark (a): quotelens's wasm against compromise 14 in one Node process, on the same texts.
//
//   node scripts/bench-node/compromise.mjs [--json]
//   node scripts/bench-node/compromise.mjs --alone     (compromise only, for its own pace)
//
// Texts: PolNeAR's training texts when ../shared/eval/polnear_train.jsonl exists beside the
// repository, the bundled samples (www/samples/*.txt) otherwise. Each side does the whole job a
// reader would ask of it: quotelens.analyze(text) returns speakers, quotes and places as a JS
// object; compromise parses the text (nlp) and lists its people, places and quotations.
// Both warm up for the same time (WARM_SECONDS). Then the texts are cut into SLICES slices,
// and the two sides take turns slice by slice: quotelens repeats a slice until
// MIN_SLICE_SECONDS have passed, compromise runs it once. So a change in the machine's load during the minute or so that the
// run takes falls on both sides alike, not on whichever happened to run then (one round of
// compromise after all of quotelens's rounds gave 72x to 96x from run to run on this machine).
// Prints characters (UTF-16 code units, JavaScript's string length) per second of wall time for
// each side over all slices, the ratio, and the lowest and highest ratio of one slice.
// --alone runs compromise by itself, warm-up and slices the same, and prints its chars/s: in a
// process of its own it kept a steadier pace (150 to 169 thousand chars/s over seven runs), where
// sharing the process with quotelens it sometimes ran a third slower (the pair's ratio is then
// the more flattering one).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = `${ROOT}www/pkg/`;
const POLNEAR = `${ROOT}../shared/eval/polnear_train.jsonl`;
const SLICES = 8;
const MIN_SLICE_SECONDS = 0.5;

function loadTexts() {
  if (existsSync(POLNEAR)) {
    const texts = readFileSync(POLNEAR, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l).text)
      .filter((t) => typeof t === 'string' && t.length > 0);
    return { name: `PolNeAR train (${texts.length} texts)`, texts };
  }
  const dir = `${ROOT}www/samples/`;
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(dir + f, 'utf8'));
  return { name: `bundled samples (${texts.length} texts)`, texts };
}

if (!existsSync(`${PKG}quotelens_bg.wasm`)) {
  console.error('bench: www/pkg/ is missing: run scripts/build-wasm first');
  process.exit(1);
}
const core = await import(pathToFileURL(`${PKG}quotelens.js`).href);
core.initSync({ module: readFileSync(`${PKG}quotelens_bg.wasm`) });

const { name, texts } = loadTexts();
const chars = texts.reduce((n, t) => n + t.length, 0);

function quotelens(text) {
  const a = core.analyze(text);
  return a.quotes.length + a.entities.length + a.locations.length;
}

function compromise(text) {
  const doc = nlp(text);
  return doc.people().out('array').length + doc.places().out('array').length + doc.quotations().out('array').length;
}

// Warm-up: each side runs the texts in turn for the same WARM_SECONDS before anything counts, so
// that both are measured in their steady state: compromise's JavaScript compiled by V8's
// optimising tier, and quotelens's wasm too, whose functions V8 first runs from its baseline
// compiler and recompiles when they are hot. Five texts each, as before, warmed compromise for
// a quarter of a second and quotelens for under 10 ms: the wasm's tier-up then fell in the
// first slice, which ran several times slower than the others.
const WARM_SECONDS = 1;
function warmUp(fn) {
  const start = performance.now();
  for (let i = 0; (performance.now() - start) / 1000 < WARM_SECONDS; i++) fn(texts[i % texts.length]);
}
const alone = process.argv.includes('--alone');
if (!alone) warmUp(quotelens);
warmUp(compromise);

/** Runs `fn` over `slice` until `minSeconds` have passed (at least once); adds to `side`, returns chars/s. */
function run(fn, slice, sliceChars, minSeconds, side) {
  let rounds = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    let found = 0;
    for (const t of slice) found += fn(t);
    if (rounds === 0) side.found += found; // what one pass over the texts finds
    rounds += 1;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < minSeconds);
  side.chars += sliceChars * rounds;
  side.seconds += elapsed;
  side.rounds += rounds / SLICES;
  return (sliceChars * rounds) / elapsed;
}

const q = { chars: 0, seconds: 0, rounds: 0, found: 0 };
const c = { chars: 0, seconds: 0, rounds: 0, found: 0 };
const sliceRatios = [];
const per = Math.ceil(texts.length / SLICES);
for (let k = 0; k < SLICES; k++) {
  const slice = texts.slice(k * per, (k + 1) * per);
  const sliceChars = slice.reduce((n, t) => n + t.length, 0);
  if (!sliceChars) continue;
  if (alone) {
    run(compromise, slice, sliceChars, 0, c);
    continue;
  }
  const qs = run(quotelens, slice, sliceChars, MIN_SLICE_SECONDS, q);
  const cs = run(compromise, slice, sliceChars, 0, c); // once: compromise is the slow one
  sliceRatios.push(qs / cs);
}
if (alone) {
  console.log(`compromise ${nlp.version} alone: ${Math.round(c.chars / c.seconds).toLocaleString('en-US')} chars/s (${name}, ${c.seconds.toFixed(1)} s)`);
  process.exit(0);
}
for (const side of [q, c]) side.charsPerSecond = side.chars / side.seconds;
const ratio = q.charsPerSecond / c.charsPerSecond;
const result = {
  texts: name,
  chars,
  node: process.version,
  compromise: nlp.version,
  quotelens: { ...q },
  compromiseResult: { ...c },
  ratio,
  sliceRatios,
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  const fmt = (x) => Math.round(x).toLocaleString('en-US');
  console.log(`texts: ${name}, ${fmt(chars)} chars; Node ${process.version}`);
  console.log(`quotelens (wasm): ${fmt(q.charsPerSecond)} chars/s (${q.rounds.toFixed(1)} rounds in ${q.seconds.toFixed(1)} s)`);
  console.log(`compromise ${nlp.version}: ${fmt(c.charsPerSecond)} chars/s (${c.rounds.toFixed(0)} round in ${c.seconds.toFixed(1)} s)`);
  const lo = Math.min(...sliceRatios);
  const hi = Math.max(...sliceRatios);
  console.log(`ratio: ${ratio.toFixed(1)}x (taking turns over ${sliceRatios.length} slices; one slice: ${lo.toFixed(0)}x to ${hi.toFixed(0)}x)`);
}
