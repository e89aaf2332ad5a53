// The places map: loaded only when opened, drawn from the site's own world.json, no other request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshotPath, waitForLens, waitForText } from './harness.mjs';

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

// A country's pin once came from loose border polygons drawn over the sea: France's stood on
// the Kerguelen Islands, Portugal's on the Azores, Chile's in the Pacific, and "Zoom to places"
// took in half the globe. Each pin must lie on the land of a country the article names.
test('every country pin lies on the land of the countries mentioned', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await page.goto(env.url('index.html'));
  await waitForLens(page, '#lens');
  const text = 'Ministers from France, Portugal, Chile, Japan, Norway, Canada, Australia, Malaysia and ' +
    'Indonesia met on Monday. “We agree,” said the French minister.';
  const box = page.locator('#article');
  await box.fill('');
  await box.focus();
  await page.keyboard.insertText(text);
  await waitForText(page, '#lens', text);
  await page.click('#tab-places');
  await page.waitForSelector('#view-places .country');
  await page.click('#show-map');
  await page.waitForSelector('#map svg .mpin');
  const pins = await page.evaluate(() => {
    const svg = document.querySelector('#map svg');
    const land = [...svg.querySelectorAll('.land path.mentioned')];
    return [...svg.querySelectorAll('.mpin.is-country')].map((pin) => {
      const [, x, y] = pin.getAttribute('transform').match(/translate\(([-\d.]+) ([-\d.]+)\)/).map(Number);
      const on = land.some((path) => path.isPointInFill(new DOMPoint(x, y)));
      return `${pin.getAttribute('aria-label').split(':')[0]} ${on ? 'on land' : `at sea (${x}, ${y})`}`;
    });
  });
  const names = ['France', 'Portugal', 'Chile', 'Japan', 'Norway', 'Canada', 'Australia', 'Malaysia', 'Indonesia'];
  assert.deepEqual(pins.sort(), names.map((n) => `${n} on land`).sort());
  await page.locator('#map').scrollIntoViewIfNeeded();
  await page.locator('#view-places').screenshot({ path: screenshotPath('map-countries.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('map/world.json is what scripts/gen-map makes from the world-atlas package', async () => {
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(process.execPath, [new URL('../../scripts/gen-map', import.meta.url).pathname, '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr || run.stdout);
});

// A ring over the antimeridian (Fiji, Chukotka) drawn as it came stepped from one edge of the
// map to the other: a line across the whole world. No outline may take such a step.
test('no outline of map/world.json steps across the map', async () => {
  const { readFile } = await import('node:fs/promises');
  const world = JSON.parse(await readFile(new URL('../../www/map/world.json', import.meta.url), 'utf8'));
  const wide = [];
  for (const [, name, d] of world.countries) {
    for (const ring of d.split('M').filter(Boolean)) {
      const steps = ring.split('l')[1].replace('z', '').match(/-?\d+/g).map(Number);
      for (let i = 0; i < steps.length; i += 2) {
        if (Math.abs(steps[i]) > world.projection.width / 2) wide.push(`${name}: ${steps[i]}`);
      }
    }
  }
  assert.deepEqual(wide, []);
});
