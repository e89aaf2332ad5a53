import { readFileSync } from 'node:fs';
import { launch, waitForLens } from './harness.mjs';
const env = await launch();
const page = await env.newPage();
await page.goto(env.url('index.html'));
await waitForLens(page, '#lens');
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  await page.evaluate((text) => { const b = document.querySelector('#article'); b.value = text; b.dispatchEvent(new Event('input', { bubbles: true })); }, text);
  await page.waitForFunction((n) => document.querySelector('#lens').analysis && document.querySelector('#lens').text.length === n, text.length, { timeout: 60000 });
  await page.waitForTimeout(600);
  await page.screenshot({ path: `/tmp/look-${f.split('/').pop()}.png` });
}
console.log(page.errors);
await env.close();
