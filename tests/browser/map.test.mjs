// The places map: loaded only when opened, drawn from the site's own world.json, no other request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshotPath, waitForLens } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

for (const scheme of ['light', 'dark']) {
  test(`the map opens with pins for the places and makes no outside request (${scheme})`, async () => {
    const page = await env.newPage({ colorScheme: scheme, reducedMotion: 'reduce' });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(env.url('index.html'));
    await waitForLens(page, '#lens');
    await page.waitForFunction(() => document.querySelector('#lens').analysis?.quotes.length > 0);
    await page.waitForLoadState('networkidle');
    const atStart = requests.length;
    assert.ok(!requests.some((u) => /map|world/.test(new URL(u).pathname)), 'no map code or data at start');

    await page.click('#tab-places');
    await page.waitForSelector('#view-places .country');
    await page.click('#show-map');
    await page.waitForSelector('#map svg .mpin');
    await page.waitForLoadState('networkidle');
    const later = requests.slice(atStart).map((u) => new URL(u));
    assert.ok(later.some((u) => u.pathname.endsWith('/map/world.json')), 'the outlines come from map/world.json');
    assert.ok(later.some((u) => u.pathname.endsWith('/map.js')), 'the map module loads on opening');
    assert.deepEqual(requests.filter((u) => new URL(u).origin !== env.origin), [], 'no request leaves the site');

    const map = await page.evaluate(() => {
      const svg = document.querySelector('#map svg');
      const analysis = document.querySelector('#lens').analysis;
      const withCoords = new Set(analysis.locations.filter((l) => l.lat != null && l.lon != null).map((l) => `${l.kind}\u0000${l.name}`));
      return {
        countries: svg.querySelectorAll('.land path').length,
        shaded: svg.querySelectorAll('.land path.mentioned').length,
        pins: [...svg.querySelectorAll('.mpin')].map((g) => g.getAttribute('aria-label')),
        expected: withCoords.size,
        focusable: [...svg.querySelectorAll('.mpin')].every((g) => g.getAttribute('tabindex') === '0' && g.getAttribute('role') === 'button'),
      };
    });
    assert.ok(map.countries > 150, `world outlines drawn (${map.countries})`);
    assert.ok(map.shaded >= 5, 'the countries of the story are shaded');
    assert.equal(map.pins.length, map.expected, 'one pin per place with coordinates');
    assert.ok(map.pins.some((l) => /^Tehran, Iran: 2 mentions$/.test(l)), JSON.stringify(map.pins));
    assert.ok(map.focusable, 'pins are keyboard buttons');
    await page.locator('#map').scrollIntoViewIfNeeded();
    await page.locator('#view-places').screenshot({ path: screenshotPath(`map${scheme === 'dark' ? '-dark' : ''}.png`) });

    // A pin leads to the place in the article.
    await page.locator('#map .mpin', { hasText: 'Tehran' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('#tab-article', 'aria-selected'), 'true');
    const current = await page.evaluate(() => [...document.querySelector('#lens').shadowRoot.querySelectorAll('.article .p.current')].map((p) => p.textContent.toLowerCase()));
    assert.deepEqual(current, ['tehran']);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('map/world.json is what scripts/gen-map makes from the world-atlas package', async () => {
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(process.execPath, [new URL('../../scripts/gen-map', import.meta.url).pathname, '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr || run.stdout);
});
