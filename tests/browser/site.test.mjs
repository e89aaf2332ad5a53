// The served site (target/site/) is www/ as scripts/build-site.mjs makes it: no file missing, none
// stale, app.js bundled, index.html with its preloads, and the stylesheet of <quote-lens> the same rules after its
// templates were minified.
// No browser needed; it sits here because it checks what the browser tests load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleApp, isMinified, minifyCss, minifyFile, SKIP, withPreloads } from '../../scripts/build-site.mjs';
import { ROOT, SITE } from './harness.mjs';

const WWW = join(ROOT, 'www');

function files(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

test('every file of www/ is in the site, minified from its current source', () => {
  const source = files(WWW);
  assert.ok(source.includes('pkg/quotelens_bg.wasm'), 'www/pkg/ is built');
  assert.deepEqual(files(SITE).sort(), source.sort(), 'the same files (run node scripts/build-site.mjs)');
  for (const rel of source) {
    const built = readFileSync(join(SITE, rel));
    const text = readFileSync(join(WWW, rel));
    if (rel === 'app.js') {
      assert.equal(built.toString('utf8'), bundleApp(SITE), 'app.js is bundled with the minified modules it imports');
      assert.doesNotMatch(built.toString('utf8'), /\bfrom\s*["']\.\//, 'app.js imports no module statically');
    } else if (isMinified(rel)) {
      assert.equal(built.toString('utf8'), minifyFile(rel, text.toString('utf8')), `${rel} is stale: run node scripts/build-site.mjs`);
      assert.ok(built.length < text.length, `${rel} got smaller`);
    } else if (rel === 'index.html') {
      assert.equal(built.toString('utf8'), withPreloads(text.toString('utf8'), SITE), 'index.html with its preloads');
    } else {
      assert.ok(built.equals(text), `${rel} is copied as it is`);
    }
  }
});

test("the element's stylesheet has the same rules after minifying its templates", async () => {
  const source = await import(pathToFileURL(join(WWW, 'quote-lens-styles.js')).href);
  const built = await import(pathToFileURL(join(SITE, 'quote-lens-styles.js')).href);
  assert.ok(built.STYLES.length < source.STYLES.length * 0.8, 'the templates were minified');
  // Both through the same minifier: equal output means equal rules, whatever the spacing.
  assert.equal(minifyCss(built.STYLES), minifyCss(source.STYLES));
  for (const rules of ['focusRules', 'litRules']) {
    assert.equal(minifyCss(built[rules]('3')), minifyCss(source[rules]('3')), rules);
  }
});
