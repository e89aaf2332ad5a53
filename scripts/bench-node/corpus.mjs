// Writes a JSON-lines corpus {"id", "text"} of at least SIZE_MB megabytes for the CLI benchmark:
//
//   node scripts/bench-node/corpus.mjs OUT SIZE_MB
//   node scripts/bench-node/corpus.mjs --one-text OUT SIZE_MB
//
// --one-text writes a single line instead: the texts joined by blank lines into one text of
// SIZE_MB (0.25 is 256 KB), cut at a char boundary. One long text is where a step that grows
// with the document shows (`valgrind --tool=callgrind quotelens --jsonl` on 0.25 and 2 MB).
//
// The texts are PolNeAR's training texts (../shared/eval/polnear_train.jsonl, id and text only)
// or, without ../shared, the bundled samples; repeated with ids made unique ("<id>#<round>").
// Streams, so a corpus of gigabytes costs no memory. Prints the texts' source on stderr.
import { createWriteStream, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const oneText = args[0] === '--one-text';
const [out, sizeMb] = oneText ? args.slice(1) : args;
if (!out || !(Number(sizeMb) > 0)) {
  console.error('usage: node scripts/bench-node/corpus.mjs [--one-text] OUT SIZE_MB');
  process.exit(2);
}
const polnear = `${ROOT}../shared/eval/polnear_train.jsonl`;
let docs;
if (existsSync(polnear)) {
  docs = readFileSync(polnear, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .map((d) => ({ id: String(d.id), text: d.text }));
  console.error(`corpus: PolNeAR train, ${docs.length} texts`);
} else {
  const dir = `${ROOT}www/samples/`;
  docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f, text: readFileSync(dir + f, 'utf8') }));
  console.error(`corpus: bundled samples, ${docs.length} texts (../shared is absent)`);
}
const want = Number(sizeMb) * 1024 * 1024;
if (oneText) {
  const all = Buffer.from(docs.map((d) => d.text).join('\n\n'));
  // Back off to the start of a char: a cut multi-byte char would decode as U+FFFD.
  let end = Math.min(want, all.length);
  while (end > 0 && end < all.length && (all[end] & 0xc0) === 0x80) end--;
  writeFileSync(out, `${JSON.stringify({ id: 'one-text', text: all.subarray(0, end).toString('utf8') })}\n`);
  process.exit(0);
}
const stream = createWriteStream(out);
let written = 0;
for (let round = 0; written < want; round++) {
  for (const d of docs) {
    const line = `${JSON.stringify({ id: round ? `${d.id}#${round}` : d.id, text: d.text })}\n`;
    written += Buffer.byteLength(line);
    if (!stream.write(line)) await once(stream, 'drain');
    if (written >= want) break;
  }
}
stream.end();
await once(stream, 'finish');
