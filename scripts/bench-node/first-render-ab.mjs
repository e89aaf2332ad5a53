// The seed article's first render for two builds of the site, in one headless Chromium, loads
// alternating between them so that the machine's load falls on both alike:
//
//   node scripts/bench-node/first-render-ab.mjs DIR_A DIR_B [ROUNDS]
//   LATENCY=50 PAGE=embed.html node scripts/bench-node/first-render-ab.mjs DIR_A DIR_B [ROUNDS]
//
// LATENCY adds that many ms to every request (Chromium's network emulation: localhost answers at
// once, where a real network makes each round trip count); PAGE measures another page of the
// site (embed.html: its first element drawn).
// DIR_A and DIR_B are built sites (target/site/ of two revisions, or one with another www/pkg/
// copied in). Each round loads each site twice (fresh context, cold cache); prints the median of
// each. The measure is firstRender of page.mjs, the one scripts/bench reports.
import { launch } from '../../tests/browser/harness.mjs';
import { startServer } from '../serve.mjs';
import { firstRender } from './page.mjs';

const [dirA, dirB, rounds = '5'] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node scripts/bench-node/first-render-ab.mjs DIR_A DIR_B [ROUNDS]');
  process.exit(2);
}
const options = { latency: Number(process.env.LATENCY ?? 0), path: process.env.PAGE ?? 'index.html' };
const env = await launch();
const servers = [await startServer({ root: dirA, port: 0 }), await startServer({ root: dirB, port: 0 })];
try {
  const sites = servers.map((s) => ({ ...env, url: (p = '') => new URL(p, s.url).href }));
  const times = [[], []];
  for (let r = 0; r < Number(rounds); r++) {
    for (const k of [0, 1]) times[k].push(...(await firstRender(sites[k], 2, options)).times);
  }
  const median = (x) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
  console.log(`A ${dirA}: median ${median(times[0]).toFixed(0)} ms`);
  console.log(`B ${dirB}: median ${median(times[1]).toFixed(0)} ms`);
  console.log(`(${times[0].length} loads each of ${options.path}, alternating${options.latency ? `, ${options.latency} ms added to each request` : ''})`);
} finally {
  await Promise.all(servers.map((s) => s.close()));
  await env.close();
}
