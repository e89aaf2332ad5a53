// The reader page: a paste box feeding one <quote-lens> element. All rendering is the element's.
import './quote-lens-define.js';
import { loadCore } from './quote-lens.js';

const SAMPLE_URL = new URL('./samples/seed-article.txt', import.meta.url);
const DEBOUNCE_MS = 150;

const input = document.getElementById('article');
const lens = document.getElementById('lens');
const status = document.getElementById('status');

let timer = 0;
let startedAt = 0;
let sample = '';

function analyse(text) {
  clearTimeout(timer);
  startedAt = performance.now();
  lens.text = text;
}

function count(n, one) {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

lens.addEventListener('quote-lens-analyzed', (event) => {
  const { entities, quotes, locations } = event.detail;
  const speakers = new Set(quotes.filter((q) => q.kind !== 'scare' && q.speaker != null).map((q) => q.speaker));
  const ms = Math.max(1, Math.round(performance.now() - startedAt));
  status.textContent = input.value.trim()
    ? `${count(speakers.size, 'speaker')} · ${count(quotes.length, 'quote')} · ${count(locations.length, 'place mention')} · ${`${entities.length} named ${entities.length === 1 ? 'entity' : 'entities'}`} — ${ms} ms`
    : 'Paste or type an article to analyse it.';
});

input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => analyse(input.value), DEBOUNCE_MS);
});

document.getElementById('clear').addEventListener('click', () => {
  input.value = '';
  analyse('');
  input.focus();
});

document.getElementById('sample').addEventListener('click', () => {
  input.value = sample;
  analyse(sample);
});

loadCore()
  .then((core) => {
    document.getElementById('version').textContent = `v${core.version()}`;
  })
  .catch((err) => {
    status.textContent = `The analyser could not be loaded (${err.message}). Was scripts/build-wasm run?`;
    status.classList.add('error');
  });

try {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  sample = await response.text();
} catch {
  sample = '';
}
// Keep anything the reader typed while the sample was loading.
if (!input.value) {
  input.value = sample;
  analyse(sample);
}
