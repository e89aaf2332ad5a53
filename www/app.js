// The reader page: a paste box feeding one <quote-lens>, three views of its analysis (the article,
// who said what, places) and the exports. The element draws the article and its legend; the table
// and the places view are modules loaded the first time their tab opens, the map when it is asked
// for.
import './quote-lens-define.js';
import { loadCore, WORKER_THRESHOLD } from './quote-lens.js';
import { counted, fileOf, grouped, jsonParts, yieldToPage } from './quote-lens-core.js';

const SAMPLES = new URL('./samples/', import.meta.url);
const CREDITS = {
  'seed-article.txt': 'Sample: wire report of 3 Dec 2024, citing Xinhua (the project’s seed article).',
  'harbour-strike.txt': 'Sample written for quotelens (fiction, curly quotes).',
  'alpine-summit.txt': 'Sample written for quotelens (fiction, guillemets).',
};
const DEBOUNCE_MS = 150;
const DEBOUNCE_LONG_MS = 400;
/**
 * A paste longer than this stays out of the text box: laying out megabytes in a <textarea> takes
 * the browser seconds with the page frozen. The box then shows the start of the text, read-only,
 * and the whole text goes to the analysis.
 */
const BOX_LIMIT = 400_000;
const PREVIEW = 6_000;
/**
 * The box shows a text with a run of this many chars without white space without breaking
 * inside words (the run's line scrolls sideways): with a <textarea>'s overflow-wrap: break-word,
 * Chromium's line breaking of a long run of some punctuation took time growing faster than the
 * run: 200,000 ’ in a row took 1.8 s with the page frozen, and 30 ms without breaking inside
 * words (scripts/bench-node/line-breaking.mjs).
 */
const UNBROKEN_RUN = 1_000;

const $ = (id) => document.getElementById(id);
const input = $('article');
const lens = $('lens');
const status = $('status');
const bar = $('progress');
const credit = $('credit');
const sampleMenu = $('sample');
const toast = $('toast');

let timer = 0;
let startedAt = 0;
let version = '';
let held = null; // the whole text of a long paste, while the box shows its start

/** The text the reader gave: the box's, or the long paste it stands for. */
const currentText = () => held ?? input.value;

/* ---- live analysis ---- */

function analyse(text) {
  clearTimeout(timer);
  startedAt = performance.now();
  lens.text = text;
}

lens.addEventListener('quote-lens-progress', ({ detail: { phase, done, total } }) => {
  const pct = total ? Math.floor((100 * done) / total) : 0;
  bar.hidden = done >= total;
  bar.firstElementChild.style.width = `${pct}%`;
  if (done < total) status.textContent = `${phase === 'analysing' ? 'Analysing' : 'Drawing'}… ${pct}%`;
});

lens.addEventListener('quote-lens-analyzed', ({ detail: { quotes, locations } }) => {
  bar.hidden = true;
  const speakers = lens.speakers.length;
  const ms = Math.max(1, Math.round(performance.now() - startedAt));
  status.textContent = currentText().trim()
    ? `${counted(speakers, 'speaker')} · ${counted(quotes.length, 'quote')} · ${counted(locations.length, 'place mention')} — ${ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`}`
    : 'Paste or type an article to analyse it.';
  $('n-quotes').textContent = quotes.length ? grouped(quotes.length) : '';
  $('n-places').textContent = locations.length ? grouped(locations.length) : '';
  for (const view of Object.values(views)) view.stale = true;
  refreshView();
});

const megabytes = (n) => `${(n / 1e6).toFixed(1)} MB`;

/**
 * Whether `text` has a run of UNBROKEN_RUN chars without ASCII white space. A loop, not
 * /\S{1000}/, which tries again from each start inside a run: 400 runs of 999 chars cost it
 * about 200 million steps.
 */
function hasUnbrokenRun(text) {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 32) {
      if (++run >= UNBROKEN_RUN) return true;
    } else {
      run = 0;
    }
  }
  return false;
}

/** Set the box's `unbroken` class for `text` before the box lays it out (see UNBROKEN_RUN). */
const markRuns = (text) => input.classList.toggle('unbroken', hasUnbrokenRun(text));

/** Show `text` in the box, or only its start when it is long (see BOX_LIMIT). */
function fill(text) {
  held = text.length > BOX_LIMIT ? text : null;
  input.readOnly = held != null;
  input.classList.toggle('held', held != null);
  markRuns(held ? text.slice(0, PREVIEW) : text);
  input.value = held
    ? `${text.slice(0, PREVIEW)}\n\n[… the text goes on: ${megabytes(text.length)} in all. All of it is analysed; the box shows only its start, and editing is off for texts this long. Clear to start again.]`
    : text;
}

input.addEventListener('paste', (event) => {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  const room = BOX_LIMIT - (input.value.length - (input.selectionEnd - input.selectionStart));
  if (held == null && text.length <= room) {
    // An ordinary paste: the box takes it, with its class set before it lays the text out.
    if (hasUnbrokenRun(text)) input.classList.add('unbroken');
    return;
  }
  event.preventDefault();
  const whole = held ?? `${input.value.slice(0, input.selectionStart)}${text}${input.value.slice(input.selectionEnd)}`;
  fill(held ? text : whole);
  showCredit(null);
  status.textContent = `Pasted ${megabytes(currentText().length)}; analysing in the background…`;
  clearTimeout(timer);
  timer = setTimeout(() => analyse(currentText()), DEBOUNCE_MS);
});

input.addEventListener('input', () => {
  markRuns(input.value);
  clearTimeout(timer);
  const long = input.value.length >= WORKER_THRESHOLD;
  timer = setTimeout(() => analyse(input.value), long ? DEBOUNCE_LONG_MS : DEBOUNCE_MS);
  if (!input.value.startsWith(sampleText)) showCredit(null);
});

/* ---- samples ---- */

let sampleText = '\u0000';
function showCredit(name) {
  credit.hidden = !name;
  credit.replaceChildren();
  if (!name) return;
  const link = document.createElement('a');
  link.href = 'samples/SOURCES.md';
  link.textContent = 'sources';
  credit.append(`${CREDITS[name]} `, link);
}

async function loadSample(name) {
  const response = await fetch(new URL(name, SAMPLES));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const text = await response.text();
  sampleText = text;
  fill(text);
  showCredit(name);
  analyse(text);
}

sampleMenu.addEventListener('change', () => {
  const name = sampleMenu.value;
  sampleMenu.value = '';
  if (name) loadSample(name).catch((err) => (status.textContent = `Could not load the sample (${err.message}).`));
});

$('clear').addEventListener('click', () => {
  fill('');
  showCredit(null);
  analyse('');
  input.focus();
});

/* ---- theme ---- */

const themeButtons = [...document.querySelectorAll('.theme [data-theme]')];
function setTheme(theme) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  lens.theme = theme;
  for (const b of themeButtons) b.setAttribute('aria-checked', String(b.dataset.theme === theme));
  try {
    localStorage.setItem('quotelens-theme', theme);
  } catch {}
}
for (const b of themeButtons) b.addEventListener('click', () => setTheme(b.dataset.theme));
try {
  const saved = localStorage.getItem('quotelens-theme');
  if (saved && saved !== 'auto') setTheme(saved);
} catch {}

/* ---- tabs: Article, Who said what, Places ---- */

const tabs = [...document.querySelectorAll('[role="tab"]')];
const views = {
  'view-quotes': { module: './quotes-view.js', mounted: null, stale: true },
  'view-places': { module: './places-view.js', mounted: null, stale: true },
};
let current = 'view-article';

function selectTab(tab, focus = false) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  current = tab.getAttribute('aria-controls');
  if (focus) tab.focus();
  refreshView();
}
for (const t of tabs) {
  t.addEventListener('click', () => selectTab(t));
  t.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(t);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to == null) return;
    e.preventDefault();
    selectTab(tabs[(to + tabs.length) % tabs.length], true);
  });
}

/** What the views get: the element, and a way back to the article at a quote or place. */
const page = {
  lens,
  showInArticle(kind, index) {
    selectTab(tabs[0]);
    if (kind === 'quote') lens.revealQuote(index, { focus: true });
    else lens.revealPlace(index);
  },
};

async function refreshView() {
  const view = views[current];
  if (!view || !view.stale || !lens.analysis) return;
  view.stale = false;
  view.mounted ??= import(view.module).then((m) => m.mount($(current), page));
  (await view.mounted).update(lens.analysis, lens.text);
}

/* ---- exports ---- */

function say(message) {
  toast.textContent = message;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => (toast.textContent = ''), 4000);
}

/** Saves `blob` as a file called `name`. */
function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function titleOf(text) {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || 'Untitled';
}

// One export at a time: a second click while a long text's file is being made does nothing.
let exporting = false;
async function exportFile(name, make) {
  if (!lens.analysis || exporting) return;
  exporting = true;
  try {
    say(`Preparing ${name}…`);
    download(name, await make());
    say(`Downloaded ${name}`);
  } finally {
    exporting = false;
  }
}

/** The JSON export's parts: {generator, text, analysis} as JSON.stringify(doc, null, 1) writes it. */
function* analysisFile() {
  // (lens.text is the whole text, also for a long paste the box shows only the start of.)
  yield* jsonParts({ generator: `quotelens ${version}`.trim(), text: lens.text, analysis: lens.analysis });
  yield '\n';
}

$('export-json').addEventListener('click', () => exportFile('quotelens-analysis.json', () => fileOf(analysisFile(), 'application/json')));

// A long text is drawn and copied a block per task, with the page answering.
$('export-html').addEventListener('click', () =>
  exportFile('quotelens-article.html', () => lens.exportHTML({ title: `quotelens: ${titleOf(lens.text)}` })),
);

// Quotes that Copy writes out in one task: the lines of 49,853 quotes (10 MB of news) took
// 104 to 110 ms in one go (scripts/bench-node/views.mjs).
const COPY_STEP = 5_000;

/** Who said what, as plain text: one quote a line, in text order; made COPY_STEP lines a task. */
async function summary(analysis, text) {
  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  const kinds = { direct: 'said', indirect: 'reported', mixed: 'reported', scare: 'scare quote' };
  const line = (q) => {
    const who = q.kind === 'scare' ? '(scare quote)' : (names.get(q.speaker) ?? 'Unknown speaker');
    const words = text.slice(q.start, q.end).replace(/\s+/g, ' ').trim();
    return `${who} ${q.kind === 'scare' ? '' : `(${kinds[q.kind] ?? q.kind})`}: ${words}`.replace(/ {2,}/g, ' ');
  };
  const { quotes } = analysis;
  const parts = [];
  for (let i = 0; i < quotes.length; i += COPY_STEP) {
    if (i) await yieldToPage();
    parts.push(quotes.slice(i, i + COPY_STEP).map(line).join('\n'));
  }
  return parts.join('\n');
}

$('copy').addEventListener('click', async () => {
  if (!lens.analysis) return;
  try {
    await navigator.clipboard.writeText(`${await summary(lens.analysis, lens.text)}\n`);
    say(`Copied ${counted(lens.analysis.quotes.length, 'quote')} to the clipboard`);
  } catch (err) {
    say(`Could not copy (${err.message})`);
  }
});

/* ---- start ---- */

loadCore()
  .then((core) => {
    version = `v${core.version()}`;
    $('version').textContent = version;
  })
  .catch((err) => {
    status.textContent = `The analyser could not be loaded (${err.message}). Was scripts/build-wasm run?`;
    status.classList.add('error');
  });

// Keep anything the reader typed while the sample was loading.
try {
  const response = await fetch(new URL('seed-article.txt', SAMPLES));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const seed = await response.text();
  if (!input.value) {
    sampleText = seed;
    fill(seed);
    showCredit('seed-article.txt');
    analyse(seed);
  }
} catch {
  if (!input.value) analyse('');
}
