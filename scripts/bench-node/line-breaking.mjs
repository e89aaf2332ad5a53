// Why the page breaks long runs itself: Chromium's layout time for a run of one char repeated,
// in a page that holds nothing else, in the ways the reader page can show it:
//
//   node scripts/bench-node/line-breaking.mjs [CHARS...]     (default 50000 200000)
//
//   break-word   a <div> in a serif face, white-space: pre-wrap, overflow-wrap: break-word (the article)
//   textarea     a <textarea> in a monospace face, as browsers style it (pre-wrap, break-word): the text box
//   no-break     a <textarea> with overflow-wrap: normal (app.js's `unbroken` class)
//   wbr-64       the break-word <div> with a <wbr> after every 64 chars (quote-lens.js's LONG_RUN)
//
// Each figure is the time from setting the text to the end of the forced layout, in ms.
import { launch } from '../../tests/browser/harness.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (!sizes.length) sizes.push(50_000, 200_000);
const CHARS = ['’', '“', '—', '…', '"', 'a'];
const WAYS = ['break-word', 'textarea', 'no-break', 'wbr-64'];

const env = await launch();
try {
  const page = await env.newPage();
  await page.setContent('<div id="host"></div>');
  console.log(`| char | chars | ${WAYS.join(' | ')} |`);
  console.log(`|---|---:|${WAYS.map(() => '---:').join('|')}|`);
  for (const ch of CHARS) {
    for (const n of sizes) {
      const ms = [];
      for (const way of WAYS) {
        ms.push(
          await page.evaluate(
            ([ch, n, way]) => {
              const host = document.getElementById('host');
              host.replaceChildren();
              const el = document.createElement(way === 'textarea' || way === 'no-break' ? 'textarea' : 'div');
              // The faces of the page: the article's serif, the box's monospace.
              const font = el.tagName === 'TEXTAREA' ? '14px monospace' : '16px serif';
              el.style.cssText = `width: 400px; height: 300px; font: ${font}; white-space: pre-wrap; overflow-wrap: ${way === 'no-break' ? 'normal' : 'break-word'};`;
              host.append(el);
              document.body.offsetHeight;
              const start = performance.now();
              const text = ch.repeat(n);
              if (way === 'wbr-64') {
                for (let i = 0; i < n; i += 64) el.append(text.slice(i, i + 64), document.createElement('wbr'));
              } else if (el.tagName === 'TEXTAREA') {
                el.value = text;
              } else {
                el.textContent = text;
              }
              document.body.offsetHeight; // the layout, forced
              return Math.round(performance.now() - start);
            },
            [ch, n, way],
          ),
        );
      }
      console.log(`| \`${ch}\` | ${n.toLocaleString('en')} | ${ms.join(' | ')} |`);
    }
  }
} finally {
  await env.close();
}
