// The counts shown to readers (www/quote-lens-core.js's grouped() and counted()): grouped by hand
// to keep ICU's set-up off the first render, so checked here against the browser's own English
// grouping. In Node: no page needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { ROOT } from './harness.mjs';

const { counted, grouped } = await import(pathToFileURL(`${ROOT}www/quote-lens-core.js`).href);

test('grouped() groups thousands as toLocaleString("en") does', () => {
  const edges = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 99999, 100000, 999999, 1000000, 1234567, 2 ** 31, Number.MAX_SAFE_INTEGER];
  const some = Array.from({ length: 2000 }, (_, i) => Math.floor(1.013 ** i) + i);
  for (const n of [...edges, ...some]) assert.equal(grouped(n), n.toLocaleString('en'), String(n));
});

test('counted() agrees in number', () => {
  assert.equal(counted(0, 'quote'), '0 quotes');
  assert.equal(counted(1, 'quote'), '1 quote');
  assert.equal(counted(2, 'country', 'countries'), '2 countries');
  assert.equal(counted(1, 'country', 'countries'), '1 country');
  assert.equal(counted(49853, 'quote'), '49,853 quotes');
});
