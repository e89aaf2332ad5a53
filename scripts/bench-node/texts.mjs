// The news texts the Node benchmarks run on: PolNeAR train (../shared/eval/polnear_train.jsonl,
// beside the repository) when it is there, the bundled samples (www/samples/*.txt) otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POLNEAR = `${ROOT}../shared/eval/polnear_train.jsonl`;

/** Whether the texts are PolNeAR's (else the samples). */
export const hasPolnear = existsSync(POLNEAR);

/** The texts, in file order (the samples by name). */
export function newsTexts() {
  if (hasPolnear) {
    return readFileSync(POLNEAR, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text);
  }
  const dir = `${ROOT}www/samples/`;
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`${dir}${f}`, 'utf8'));
}

/** An article of `n` chars: the texts one after another (again from the first when they run out), a blank line between. */
export function newsOfLength(n, texts = newsTexts()) {
  let text = '';
  for (let i = 0; text.length < n; i++) text += `${texts[i % texts.length]}\n\n`;
  return text.slice(0, n);
}

/**
 * `unit` repeated (joined by `sep`) up to `n` chars: the made-up shapes of hostile-page.mjs and
 * views.mjs. Every "#" in the i-th copy becomes i % `cycle` (names and words that differ).
 */
export function repeated(n, unit, { sep = '', cycle = 50 } = {}) {
  const copies = Math.ceil(n / (unit.length + sep.length));
  return Array.from({ length: copies }, (_, i) => unit.replaceAll('#', String(i % cycle)))
    .join(sep)
    .slice(0, n);
}
