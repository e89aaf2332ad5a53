// Where the seed article's first render spends its time, load by load, in headless Chromium:
//
//   node scripts/bench-node/first-render-trace.mjs [SITE_DIR] [LOADS]     (LATENCY=ms as in
//                                                                          first-render-ab.mjs)
//
// SITE_DIR is a built site (default target/site/). For each load (fresh context, cold cache) it
// prints, in ms from navigation start: when the page's DOM was parsed, when the wasm's fetch began
// and ended, when WebAssembly.instantiate(Streaming) was called and returned, the first
// `quote-lens-analyzed` event with quotes, and the frame after it (the measure of page.mjs's
// firstRender). Then the functions with the most self time in a CPU profile of one more load
// (V8's sampling profiler through the CDP session; "(program)" is the browser's own work, layout
// and paint among it). To compare builds, run it on each; first-render-ab.mjs gives the ratio.
import { launch, SITE } from '../../tests/browser/harness.mjs';
import { startServer } from '../serve.mjs';
import { addLatency } from './page.mjs';

const dir = process.argv[2] ?? SITE;
const loads = Number(process.argv[3] ?? 5);
const latency = Number(process.env.LATENCY ?? 0);

/** A fresh page with the network emulation and the marks in place. */
async function openPage(env) {
  const page = await env.newPage();
  const cdp = await addLatency(page, latency);
  await page.addInitScript(() => {
    const marks = (window.__marks = {});
    const mark = (k) => (marks[k] ??= performance.now());
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = async function (...args) {
        mark('instantiate called');
        const result = await original.apply(this, args);
        mark('instantiated');
        return result;
      };
    }
    document.addEventListener('DOMContentLoaded', () => mark('DOM parsed'));
    document.addEventListener(
      'quote-lens-analyzed',
      (event) => {
        if (!event.detail?.quotes?.length) return;
        mark('analyzed');
        requestAnimationFrame(() => setTimeout(() => mark('frame'), 0));
      },
      true,
    );
  });
  return { page, cdp };
}

async function rendered(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__marks?.frame !== undefined, null, { timeout: 30000 });
  return page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return { ...window.__marks, 'wasm fetch began': wasm?.startTime, 'wasm fetched': wasm?.responseEnd };
  });
}

const env = await launch();
const server = await startServer({ root: dir, port: 0 });
try {
  const url = new URL('index.html', server.url).href;
  const order = ['DOM parsed', 'wasm fetch began', 'wasm fetched', 'instantiate called', 'instantiated', 'analyzed', 'frame'];
  const rows = [];
  for (let i = 0; i < loads; i++) {
    const { page } = await openPage(env);
    rows.push(await rendered(page, url));
    await page.context().close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${dir === SITE ? 'target/site/' : dir}, ${loads} loads${latency ? `, ${latency} ms added to each request` : ''}; ms from navigation start, median (each load):`);
  for (const k of order) {
    const xs = rows.map((r) => r[k]).filter((x) => x !== undefined);
    if (xs.length) console.log(`  ${k.padEnd(20)} ${median(xs).toFixed(0).padStart(5)}  (${xs.map((x) => x.toFixed(0)).join(' ')})`);
  }

  const { page, cdp } = await openPage(env);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await rendered(page, url);
  const { profile } = await cdp.send('Profiler.stop');
  await page.context().close();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url: script, lineNumber } = nodes.get(id).callFrame;
    const key = `${functionName || '(anonymous)'}${script ? ` ${script.split('/').pop()}:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  console.log('CPU profile of one more load, self time up to the frame (ms):');
  for (const [k, us] of [...self].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${(us / 1000).toFixed(1).padStart(6)}  ${k}`);
  }
} finally {
  await server.close();
  await env.close();
}
