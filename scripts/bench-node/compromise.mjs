// Benchmark (a): quotelens's wasm against compromise 14 in one Node process, on the same texts.
//
//   node scripts/bench-node/compromise.mjs [--json]
//
// Texts: PolNeAR's training texts when ../shared/eval/polnear_train.jsonl exists beside the
// repository, the bundled samples (www/samples/*.txt) otherwise. Each side does the whole job a
// reader would ask of it: quotelens.analyze(text) returns speakers, quotes and places as a JS
// object; compromise parses the text (nlp) and lists its people, places and quotations.
// Both warm up on the first texts, then run over all of them; quotelens repeats the whole set
// until at least MIN_SECONDS have passed. Prints characters (UTF-16 code units, JavaScript's
// string length) per second for each, and the ratio.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = `${ROOT}www/pkg/`;
const POLNEAR = `${ROOT}../shared/eval/polnear_train.jsonl`;
const MIN_SECONDS = 3;

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

/** Runs `fn` over every text `rounds` times, or until `minSeconds`; returns chars per second. */
function measure(fn, minSeconds) {
  for (const t of texts.slice(0, 5)) fn(t); // warm-up: JIT, wasm tiering, lexicons
  let rounds = 0;
  let found = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const t of texts) found += fn(t);
    rounds += 1;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < minSeconds);
  return { charsPerSecond: (chars * rounds) / elapsed, seconds: elapsed, rounds, found: found / rounds };
}

const q = measure(quotelens, MIN_SECONDS);
const c = measure(compromise, 0); // one round: compromise is the slow one
const ratio = q.charsPerSecond / c.charsPerSecond;
const result = {
  texts: name,
  chars,
  node: process.version,
  compromise: nlp.version,
  quotelens: { ...q },
  compromiseResult: { ...c },
  ratio,
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  const fmt = (x) => Math.round(x).toLocaleString('en-US');
  console.log(`texts: ${name}, ${fmt(chars)} chars; Node ${process.version}`);
  console.log(`quotelens (wasm): ${fmt(q.charsPerSecond)} chars/s (${q.rounds} rounds in ${q.seconds.toFixed(1)} s)`);
  console.log(`compromise ${nlp.version}: ${fmt(c.charsPerSecond)} chars/s (${c.rounds} round in ${c.seconds.toFixed(1)} s)`);
  console.log(`ratio: ${ratio.toFixed(1)}x`);
}
