// Pasted markup is text: it never becomes elements, and nothing runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitForLens, waitForText } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test('pasted HTML shows as text, runs nothing and creates no elements', async () => {
  const page = await env.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.url('index.html'));
  await waitForLens(page, '#lens');

  const evil = [
    '<img src=x onerror=alert(1)>',
    '',
    '<script>alert(2)</script> “We <b>will</b> not <svg onload=alert(3)>,” said Ana Silva in Lisbon.',
    '',
    '<iframe src="javascript:alert(4)"></iframe> &lt;&amp; done',
  ].join('\n');
  const box = page.locator('#article');
  await box.fill('');
  await box.focus();
  await page.keyboard.insertText(evil);
  await waitForText(page, '#lens', evil);
  await page.waitForTimeout(300);

  const shown = await page.evaluate(() => document.querySelector('#lens').shadowRoot.querySelector('[part~="article"]').textContent);
  for (const literal of ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '<b>will</b>', '&lt;&amp;']) {
    assert.ok(shown.includes(literal), `${literal} is shown literally`);
  }
  const elements = await page.evaluate(() => {
    const root = document.querySelector('#lens').shadowRoot;
    return [...root.querySelectorAll('*')].map((el) => el.localName).filter((n) => !['div', 'p', 'span', 'aside', 'ul', 'li', 'h3', 'button', 'small'].includes(n));
  });
  assert.deepEqual(elements, [], 'only the renderer’s own elements exist in the shadow root');
  const inDocument = await page.evaluate(() => document.querySelectorAll('img, iframe, svg, body script:not([src])').length);
  assert.equal(inDocument, 0);
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.ok(!requests.some((u) => /\/x$/.test(u) || u.startsWith('javascript:')), 'the fake image was never requested');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
