// Nothing leaves the machine: every request the page makes goes to its own origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SEED, SITE, waitForLens, waitForText } from './harness.mjs';
import { startFiles } from '../../scripts/build-site.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

for (const path of ['index.html', 'embed.html']) {
  test(`${path}: every request during load and paste is same-origin`, async () => {
    const page = await env.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('websocket', (ws) => requests.push(ws.url()));
    const response = await page.goto(env.url(path));
    assert.equal(response.status(), 200);
    const csp = response.headers()['content-security-policy'];
    assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");

    if (path === 'index.html') {
      await waitForLens(page, '#lens');
      const box = page.locator('#article');
      await box.fill('');
      await box.focus();
      await page.keyboard.insertText(`${SEED}\n\nLONDON — “One more,” said Ana Silva.`);
      await waitForText(page, '#lens', `${SEED}\n\nLONDON — “One more,” said Ana Silva.`);
    } else {
      await waitForLens(page, '#first');
    }
    await page.waitForLoadState('networkidle');

    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm module was fetched');
    const foreign = requests.filter((u) => new URL(u).origin !== env.origin);
    assert.deepEqual(foreign, [], 'no request to another origin');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('index.html preloads exactly what it fetches at start, and fetches each file once', async () => {
  const page = await env.newPage();
  const fetched = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === env.origin) fetched.push(url.pathname.slice(1));
  });
  await page.goto(env.url('index.html'));
  await waitForLens(page, '#lens');
  await page.waitForFunction(() => document.querySelector('#lens').analysis?.quotes?.length > 0);
  await page.waitForLoadState('networkidle');
  const preloaded = await page.$$eval('link[rel=modulepreload], link[rel=preload]', (ls) => ls.map((l) => l.getAttribute('href')));
  const { modules, fetches } = startFiles(SITE);
  assert.deepEqual(preloaded.sort(), [...modules.filter((m) => m !== 'app.js'), ...fetches].sort(), 'the preloads are startFiles');
  // What the page loads besides the preloads: the page itself, its script, stylesheet and icon.
  const others = fetched.filter((f) => !preloaded.includes(f)).sort();
  assert.deepEqual(others, ['app.js', 'favicon.svg', 'index.html', 'style.css']);
  // A preload the page's own request did not match (another CORS mode, say) is fetched twice.
  for (const f of preloaded) assert.equal(fetched.filter((x) => x === f).length, 1, `${f} fetched once`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the server refuses traversal and sends the CSP and wasm MIME type', async () => {
  const get = (path) => fetch(new URL(path, env.server.url));
  const wasm = await get('pkg/quotelens_bg.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.match(wasm.headers.get('content-security-policy'), /wasm-unsafe-eval/);
  assert.equal((await get('quote-lens.js')).headers.get('content-type'), 'text/javascript; charset=utf-8');
  for (const bad of ['../Cargo.toml', '%2e%2e/Cargo.toml', '..%2fCargo.toml', 'pkg/..%2f..%2fCargo.toml', '/%2e%2e%2f%2e%2e%2fetc/passwd']) {
    const res = await fetch(`${env.server.url}${bad}`);
    assert.ok([400, 403, 404].includes(res.status), `${bad} -> ${res.status}`);
    assert.doesNotMatch(await res.text(), /\[package\]|root:/);
  }
  const missing = await get('nope.html');
  assert.equal(missing.status, 404);
  assert.ok(missing.headers.get('content-security-policy'));
});
