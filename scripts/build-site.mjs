#!/usr/bin/env node
// Build the site that is served and shipped: www/ (with the wasm package scripts/build-wasm put
// in www/pkg/) copied to target/site/, every JavaScript module and stylesheet minified.
//
//   node scripts/build-site.mjs          (scripts/start, scripts/test and scripts/bench run it)
//
// www/ stays the readable source. Minifying is done file by file with esbuild's transform (no
// bundling), so the module graph, the file names and every `new URL('./…', import.meta.url)`
// stay as they are: the embed instructions and the worker work the same from either folder.
// It saves about a third of the page's JavaScript and CSS after gzip (docs/performance.md, "Page").
// One file is bundled: the reader page's app.js, with the modules it imports statically (see
// bundleApp). The other modules stay in the site, minified, for the embed and the worker.
// index.html gets <link rel=modulepreload/preload> tags for every file it fetches at start (see
// startFiles), so that they load side by side instead of one import level at a time.
// The stylesheet of <quote-lens> lives in String.raw templates (quote-lens-styles.js), where a
// JS minifier leaves it alone; those templates go through esbuild's CSS minifier on their own.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'www');
const SITE = join(ROOT, 'target/site');
// Not part of the site: notes for the people who edit www/.
export const SKIP = new Set(['README.md']);

// No syntax lowering (the page targets current browsers) and no \u escapes for “curly” quotes.
const COMMON = { minify: true, charset: 'utf8', legalComments: 'none', logLevel: 'error' };

/** esbuild's CSS minifier, as the site uses it. */
export function minifyCss(css, file = 'style.css') {
  return transformSync(css, { ...COMMON, loader: 'css', sourcefile: file }).code.trim();
}

// `String.raw` templates of CSS: a whole stylesheet, or a declaration list (DARK), which is
// wrapped in a rule for the minifier and unwrapped after. Each `${name}` hole is swapped for
// something the minifier keeps, then put back: a custom property where it stands for
// declarations (right after `{`), an attribute selector where it extends a selector.
function minifyCssTemplates(js, file) {
  let count = 0;
  const out = js.replace(/String\.raw`([^`]*)`/g, (_, body) => {
    count++;
    const holes = [];
    let css = body.replace(/(\{\s*)?\$\{([A-Za-z_$][\w$]*)\}/g, (_h, open, name) => {
      holes.push(name);
      const n = holes.length - 1;
      return open ? `${open}--ql-hole-${n}:0;` : `[data-ql-hole="${n}"]`;
    });
    const declarations = !/[{}]/.test(css);
    if (declarations) css = `x{${css}}`;
    let min = minifyCss(css, file);
    if (declarations) min = min.replace(/^x\{/, '').replace(/\}$/, '');
    min = min
      .replace(/--ql-hole-(\d+):0;?/g, (_h, n) => `\${${holes[Number(n)]}}`)
      .replace(/\[data-ql-hole="?(\d+)"?\]/g, (_h, n) => `\${${holes[Number(n)]}}`);
    if (/ql-hole|`/.test(min) || (min.match(/\$\{/g) ?? []).length !== holes.length) {
      throw new Error(`${file}: a template hole did not survive CSS minifying`);
    }
    return `String.raw\`${min}\``;
  });
  if (count === 0) throw new Error(`${file}: no String.raw CSS template found`);
  return out;
}

/** What the site holds for the file at `rel` (a path under www/) whose text is `text`. */
export function minifyFile(rel, text) {
  if (rel.endsWith('.css')) return minifyCss(text, rel) + '\n';
  const js = rel.endsWith('quote-lens-styles.js') ? minifyCssTemplates(text, rel) : text;
  return transformSync(js, { ...COMMON, loader: 'js', format: 'esm', sourcefile: rel }).code;
}

/** Whether the file at `rel` is minified on its way into the site (otherwise it is copied). */
export const isMinified = (rel) => /\.(js|css)$/.test(rel);

// The module graph of the reader page, as a browser finds it: app.js, which index.html runs, and
// pkg/quotelens.js, the wasm core's glue, which app.js imports at once through loadCore() (a
// dynamic import: no browser sees it before app.js runs), each with its static imports.
const START_MODULES = ['app.js', 'pkg/quotelens.js'];
// And what those fetch as soon as they run: the wasm (quotelens.js's init) and the seed article.
const START_FETCHES = ['pkg/quotelens_bg.wasm', 'samples/seed-article.txt'];
// `import … from './x.js'`, `import './x.js'` and `export … from './x.js'`; not `import(…)`.
const STATIC_IMPORT = /(?:^|[\s;}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(['"])(\.{1,2}\/[^'"]+)\1/g;

/**
 * The files (paths under `dir`, www/ or the site) that index.html fetches at start: its module
 * graph, breadth first, then START_FETCHES. Without preloads the page fetches them one import
 * level at a time, each level waiting for the one before: app.js, then quote-lens.js, then
 * quote-lens-core.js and quote-lens-styles.js, then (once app.js runs) the wasm, its glue and the
 * seed article, then the glue's snippet: five round trips of a network after the page's own,
 * where with preloads there is one.
 */
export function startFiles(dir) {
  const modules = [];
  const queue = [...START_MODULES];
  while (queue.length) {
    const rel = queue.shift();
    if (modules.includes(rel)) continue;
    modules.push(rel);
    for (const m of readFileSync(join(dir, rel), 'utf8').matchAll(STATIC_IMPORT)) {
      queue.push(posix.normalize(posix.join(posix.dirname(rel), m[2])));
    }
  }
  return { modules, fetches: START_FETCHES };
}

/**
 * index.html with a preload tag for each file of startFiles(`dir`) after its module script, so
 * the browser fetches them all while it parses the page. `as="fetch"` with `crossorigin` is how
 * fetch() asks for them (CORS mode, same-origin credentials): a preload that differs is not used
 * and the file is fetched twice (tests/browser/network.test.mjs checks each is fetched once).
 */
export function withPreloads(html, dir) {
  const { modules, fetches } = startFiles(dir);
  const script = '<script type="module" src="app.js"></script>';
  if (!html.includes(script)) throw new Error(`index.html: ${script} not found`);
  const links = [
    ...modules.filter((m) => m !== 'app.js').map((m) => `<link rel="modulepreload" href="${m}">`),
    ...fetches.map((f) => `<link rel="preload" href="${f}" as="fetch"${f.endsWith('.wasm') ? ' type="application/wasm"' : ''} crossorigin>`),
  ];
  return html.replace(script, [script, ...links].join('\n  '));
}

/**
 * The reader page's app.js as the site serves it: its minified source bundled with the modules
 * it imports statically, as they are minified in `siteDir` (the element, its stylesheet, the
 * core helpers). One gzip stream for all of them is about 1.1 KB smaller than one per file (the
 * same identifiers and markup recur across them), and the page makes four requests fewer.
 * Everything else stays as it was: the modules the page imports later by a computed URL (the
 * wasm glue, the tabs' views) are left to the browser, and `import.meta.url` in the bundle is
 * app.js's own, at the site's root like the modules it took in, so their `new URL('./…')`s
 * resolve as before.
 */
export function bundleApp(siteDir) {
  const entry = minifyFile('app.js', readFileSync(join(SRC, 'app.js'), 'utf8'));
  return buildSync({
    ...COMMON,
    stdin: { contents: entry, resolveDir: siteDir, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
  }).outputFiles[0].text;
}

function build(from, to) {
  for (const name of readdirSync(from)) {
    if (SKIP.has(name)) continue;
    const src = join(from, name);
    const dst = join(to, name);
    if (statSync(src).isDirectory()) {
      mkdirSync(dst, { recursive: true });
      build(src, dst);
    } else if (isMinified(name)) {
      writeFileSync(dst, minifyFile(relative(SRC, src), readFileSync(src, 'utf8')));
    } else if (relative(SRC, src) === 'index.html') {
      // Written once the site's app.js is bundled (its preloads follow the bundle's imports).
    } else {
      cpSync(src, dst);
    }
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (!existsSync(join(SRC, 'pkg/quotelens_bg.wasm'))) {
    console.error('build-site: www/pkg/ is missing: run scripts/build-wasm first');
    process.exit(1);
  }
  // Built beside, then swapped in, so a server running on the old site never sees half of one.
  const stage = `${SITE}.new`;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  build(SRC, stage);
  writeFileSync(join(stage, 'app.js'), bundleApp(stage));
  writeFileSync(join(stage, 'index.html'), withPreloads(readFileSync(join(SRC, 'index.html'), 'utf8'), stage));
  rmSync(`${SITE}.old`, { recursive: true, force: true });
  if (existsSync(SITE)) renameSync(SITE, `${SITE}.old`);
  renameSync(stage, SITE);
  rmSync(`${SITE}.old`, { recursive: true, force: true });
  console.log(`build-site: ${relative(ROOT, SRC)}/ -> ${relative(ROOT, SITE)}/ (JavaScript and CSS minified, app.js bundled)`);
}
