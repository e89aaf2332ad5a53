// Benchmarks (c) and (d): the reader page's weight at start and its time to the seed article's
// first render, in headless Chromium (Debian's), printed as Markdown. Run by scripts/bench.
import { launch, SITE } from '../../tests/browser/harness.mjs';
import { readFileSync } from 'node:fs';
import { firstRender, pageWeight, wasmSections, WEIGHT_LIMIT, WEIGHT_TARGET } from './page.mjs';

const runs = Number(process.argv[2] ?? 7);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const env = await launch();
try {
  const { files, total, byKind } = await pageWeight(env);
  console.log('| file | kind | raw | gzip -9 |');
  console.log('|---|---|---:|---:|');
  for (const f of files) console.log(`| \`${f.path}\` | ${f.kind} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  console.log(`| **total** (${files.length} files) | | ${kb(total.raw)} | **${kb(total.gzip)}** |`);
  console.log();
  const parts = Object.entries(byKind)
    .sort((a, b) => b[1].gzip - a[1].gzip)
    .map(([k, v]) => `${k} ${kb(v.gzip)}`)
    .join(', ');
  console.log(`Page weight at start, gzip -9: **${kb(total.gzip)}** (${parts}); target ${kb(WEIGHT_TARGET)}, test limit ${kb(WEIGHT_LIMIT)}: ${total.gzip <= WEIGHT_TARGET ? 'within the target' : total.gzip <= WEIGHT_LIMIT ? 'over the target, under the limit' : 'OVER THE LIMIT'}.`);
  const sections = wasmSections(readFileSync(`${SITE}pkg/quotelens_bg.wasm`));
  if (sections.code && sections.data) {
    console.log(`Of the wasm, gzip -9 section by section: code ${kb(sections.code.gzip)}, data (gazetteer, lexicon, case tables) ${kb(sections.data.gzip)}.`);
  }
  console.log();
  const r = await firstRender(env, runs);
  console.log(`First render of the seed article, from navigation start, cold cache, ${runs} loads: median **${Math.round(r.median)} ms** (min ${Math.round(r.min)}, max ${Math.round(r.max)}).`);
} finally {
  await env.close();
}
