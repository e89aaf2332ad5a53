// The shadow-root stylesheet of <quote-lens>: the theme knobs (--quotelens-* custom properties, each
// declared on :host with a comment saying what it does) and the drawing of quotes, speakers and
// places. Applied as a constructable stylesheet, so it works under a strict CSP (no <style>).

/** The dark theme: used under prefers-color-scheme: dark unless theme="light", and by theme="dark". */
const DARK = String.raw`
    color-scheme: dark;
    --quotelens-speaker-1: #5aaef0;
    --quotelens-speaker-2: #f4874a;
    --quotelens-speaker-3: #35c9a0;
    --quotelens-speaker-4: #e79cc6;
    --quotelens-speaker-5: #f2b53c;
    --quotelens-speaker-6: #9fd8f7;
    --quotelens-speaker-7: #a08cff;
    --quotelens-speaker-8: #b7e36b;
    --quotelens-unattributed: #9a9a9a;
    --quotelens-place: #b7c6d8;
    --quotelens-ink: #ece8e1;
    --quotelens-muted: #aaa59d;
    --quotelens-paper: #1b1c1e;
    --quotelens-rule: #3a3b3e;
    --quotelens-quote-tint: 24%;
    --quotelens-mention-tint: 32%;
`;

export const STYLES = String.raw`
:host {
  /* Speaker colours, most quoted first: Okabe–Ito and Tol hues, chosen so that any two stay apart
     (CIELAB distance ≥ 12) under simulated protanopia, deuteranopia and tritanopia, in both
     themes (tests/browser/a11y.test.mjs checks it). Every speaker also carries a number badge and
     every quote a line style, so colour is never the only cue. */
  --quotelens-speaker-1: #0072b2; /* blue */
  --quotelens-speaker-2: #d55e00; /* vermillion */
  --quotelens-speaker-3: #009e73; /* bluish green */
  --quotelens-speaker-4: #cc79a7; /* reddish purple */
  --quotelens-speaker-5: #e69f00; /* orange */
  --quotelens-speaker-6: #56b4e9; /* sky blue */
  --quotelens-speaker-7: #332288; /* indigo (Tol) */
  --quotelens-speaker-8: #882255; /* wine (Tol) */
  --quotelens-unattributed: #8c8c8c; /* quotes with no speaker, and scare quotes */
  --quotelens-place: #3d4f63; /* place underline and pin */
  --quotelens-ink: #1d1d1f; /* article text; also the numerals of the speaker badges */
  --quotelens-muted: #5f6368; /* secondary text: legend counts, key, status line */
  --quotelens-paper: #fffdf9; /* article background */
  --quotelens-rule: #e4ded3; /* hairlines around the legend */
  --quotelens-quote-tint: 17%; /* how much of the speaker colour fills a quote's background */
  --quotelens-mention-tint: 45%; /* the same for the bar under a speaker's name */
  --quotelens-font: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "DejaVu Serif", serif; /* article face */
  --quotelens-ui-font: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; /* legend and badges */
  --quotelens-font-size: 1.06rem; /* article size */
  --quotelens-line-height: 1.75; /* article leading; leaves room for underlines and badges */
  --quotelens-measure: 68ch; /* maximum line length of the article */
  --quotelens-radius: 0.3em; /* corner rounding of highlights and swatches */

  display: block;
  position: relative;
  color-scheme: light;
  color: var(--quotelens-ink);
  background: var(--quotelens-paper);
  font-family: var(--quotelens-font);
  container-type: inline-size;
}
:host([hidden]) { display: none; }
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {${DARK}}
}
:host([theme="dark"]) {${DARK}}

/* Private: each speaker class sets --c, the one colour everything of that speaker uses. */
.s1 { --c: var(--quotelens-speaker-1); }
.s2 { --c: var(--quotelens-speaker-2); }
.s3 { --c: var(--quotelens-speaker-3); }
.s4 { --c: var(--quotelens-speaker-4); }
.s5 { --c: var(--quotelens-speaker-5); }
.s6 { --c: var(--quotelens-speaker-6); }
.s7 { --c: var(--quotelens-speaker-7); }
.s8 { --c: var(--quotelens-speaker-8); }
.s0 { --c: var(--quotelens-unattributed); }

.wrap {
  display: grid;
  gap: 1.1rem 2rem;
  grid-template-columns: minmax(0, 1fr);
}
/* Narrow: the legend sits above the article, speakers and places as compact chips.
   Wide: a sticky sidebar with one speaker per row. */
.legend .speakers, .legend .places { display: flex; flex-wrap: wrap; gap: 0.3rem 0.4rem; }
@container (min-width: 50rem) {
  .wrap.with-legend { grid-template-columns: minmax(0, 1fr) 17rem; }
  .wrap.with-legend .legend { grid-column: 2; grid-row: 1; position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow: auto; }
  .wrap.with-legend .article { grid-column: 1; grid-row: 1; }
  .wrap.with-legend .legend .speakers { display: grid; gap: 0.15rem; }
  .wrap.with-legend .speakers button {
    display: grid;
    grid-template-columns: auto 1fr auto;
    width: 100%;
    gap: 0.6rem;
    padding: 0.3rem 0.45rem;
    border-color: transparent;
    border-radius: 0.45rem;
    background: transparent;
  }
}

.article {
  max-width: var(--quotelens-measure);
  font-size: var(--quotelens-font-size);
  line-height: var(--quotelens-line-height);
  white-space: pre-wrap;
  overflow-wrap: break-word;
  hyphens: manual;
}
.article p { margin: 0 0 1em; }
.article p:last-child { margin-bottom: 0; }
/* Long texts: blocks of paragraphs off screen are not laid out until they come near. */
.article.big .block { content-visibility: auto; }
.article.big .block > p:last-child { margin-bottom: 1em; }
.empty { color: var(--quotelens-muted); font-style: italic; }

/* Quotes: a tint of the speaker's colour, underlined in that colour. Direct quotes are underlined
   solidly, reported speech dashed, scare quotes and unattributed ones dotted in grey. */
.q {
  background: color-mix(in srgb, var(--c) var(--quotelens-quote-tint), transparent);
  border-bottom: 2px solid var(--c);
  box-decoration-break: clone;
  -webkit-box-decoration-break: clone;
  padding: 0.08em 0;
  transition: background-color 120ms ease, border-color 120ms ease;
}
.q.q-indirect, .q.q-mixed { border-bottom-style: dashed; }
.q.q-indirect { background: color-mix(in srgb, var(--c) calc(var(--quotelens-quote-tint) * 0.6), transparent); }
.q.s0 { border-bottom-style: dotted; background: color-mix(in srgb, var(--c) 10%, transparent); }
.q.start { border-top-left-radius: var(--quotelens-radius); border-bottom-left-radius: var(--quotelens-radius); padding-left: 0.12em; }
.q.end { border-top-right-radius: var(--quotelens-radius); border-bottom-right-radius: var(--quotelens-radius); padding-right: 0.12em; }
.q .q { background: color-mix(in srgb, var(--c) calc(var(--quotelens-quote-tint) * 1.2), transparent); }
.q:focus { outline: none; }
.q:focus-visible, .q.current { outline: 2px solid var(--c); outline-offset: 2px; border-radius: var(--quotelens-radius); }
.q.current { animation: flash 900ms ease-out; }
@keyframes flash { from { box-shadow: 0 0 0 0.45em color-mix(in srgb, var(--c) 45%, transparent); } to { box-shadow: 0 0 0 0 transparent; } }
.cue { font-style: italic; text-decoration: underline dotted color-mix(in srgb, var(--c) 70%, transparent); text-underline-offset: 0.25em; }

/* Badges: the speaker's number in a ring of their colour, dark numerals on a light tint (or the
   reverse in the dark theme), so the number reads on any speaker colour. */
.tail::after, .lead::before, .swatch {
  display: inline-block;
  box-sizing: border-box;
  border-radius: 999px;
  background: color-mix(in srgb, var(--c) 30%, var(--quotelens-paper));
  box-shadow: inset 0 0 0 0.13em var(--c);
  color: var(--quotelens-ink);
  font-family: var(--quotelens-ui-font);
  font-weight: 700;
  font-style: normal;
  text-align: center;
  font-variant-numeric: tabular-nums;
}
/* Mentions of a speaker: a bar in the speaker's colour and the number badge after the name. */
.m {
  font-weight: 600;
  box-shadow: inset 0 -0.32em 0 color-mix(in srgb, var(--c) var(--quotelens-mention-tint), transparent);
  transition: box-shadow 120ms ease;
}
/* The badge hangs off the mention's last word, and the pin off a place's first word; those words are
   kept on one line with their marker, so a line never breaks between a name and its badge. */
.tail, .head { white-space: nowrap; }
.tail::after {
  content: attr(data-n);
  margin-left: 0.2em;
  min-width: 1.65em;
  padding: 0 0.38em;
  font-size: 0.6em;
  line-height: 1.6;
  vertical-align: 0.38em;
}
/* Each attributed quote opens with a small badge of its speaker's number, kept on the line of the
   quote's first word. */
.lead { white-space: nowrap; }
.lead::before {
  content: attr(data-n);
  min-width: 1.5em;
  margin-right: 0.25em;
  padding: 0 0.3em;
  font-size: 0.55em;
  line-height: 1.55;
  vertical-align: 0.45em;
}

/* Places: a dotted underline and a map pin, in one colour that is not a speaker's. */
.p {
  text-decoration: underline dotted var(--quotelens-place);
  text-decoration-thickness: 2px;
  text-underline-offset: 0.22em;
}
.p.current { outline: 2px solid var(--quotelens-place); outline-offset: 2px; border-radius: var(--quotelens-radius); }
.head::before {
  content: "";
  display: inline-block;
  width: 0.52em;
  height: 0.52em;
  margin: 0 0.26em 0 0.1em;
  box-sizing: border-box;
  border-radius: 50% 50% 50% 0;
  transform: rotate(-45deg);
  border: 0.16em solid var(--quotelens-place);
  background: var(--quotelens-paper);
  vertical-align: 0.06em;
}
.p.dateline { font-weight: 600; }

/* Legend */
.legend {
  font: 0.9rem/1.4 var(--quotelens-ui-font);
  color: var(--quotelens-ink);
  border: 1px solid var(--quotelens-rule);
  border-radius: 0.6rem;
  padding: 0.85rem 1rem;
  background: color-mix(in srgb, var(--quotelens-paper) 88%, var(--quotelens-rule));
}
.legend h3 {
  margin: 0 0 0.45rem;
  font-size: 0.72rem;
  letter-spacing: 0.08em;
  text-transform: uppercase;
  color: var(--quotelens-muted);
  font-weight: 650;
}
.legend h3:not(:first-child) { margin-top: 1rem; }
.legend ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.2rem; }
.legend .summary { margin: 0 0 0.7rem; color: var(--quotelens-muted); font-size: 0.82rem; }
.legend button { all: unset; box-sizing: border-box; cursor: pointer; }
.legend [hidden] { display: none; }
.legend button:focus-visible { outline: 2px solid var(--c, var(--quotelens-ink)); outline-offset: 1px; }

/* Layer switches: pressed = shown; a tick and the pressed state, not only the fill, tell. */
.toggles { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0 0 0.8rem; }
.toggles button {
  display: inline-flex;
  align-items: center;
  gap: 0.3rem;
  padding: 0.2rem 0.6rem 0.2rem 0.45rem;
  border: 1px solid var(--quotelens-rule);
  border-radius: 999px;
  font-size: 0.8rem;
  color: var(--quotelens-muted);
}
.toggles button::before {
  content: "";
  width: 0.7em;
  height: 0.7em;
  border-radius: 0.2em;
  box-sizing: border-box;
  border: 1.5px solid currentColor;
}
.toggles button[aria-pressed="true"] { color: var(--quotelens-ink); background: var(--quotelens-paper); border-color: color-mix(in srgb, var(--quotelens-ink) 35%, transparent); }
.toggles button[aria-pressed="true"]::before { content: "✓"; border: 0; font-size: 0.75em; line-height: 0.9; width: auto; height: auto; }

/* Speakers and places are chips when the legend sits above the article. */
.speakers button, .places li {
  display: inline-flex;
  align-items: center;
  border: 1px solid var(--quotelens-rule);
  border-radius: 999px;
  background: var(--quotelens-paper);
}
.speakers button { gap: 0.45rem; padding: 0.18rem 0.65rem 0.18rem 0.2rem; }
.speakers button:hover, .speakers button.lit { background: color-mix(in srgb, var(--c) 14%, transparent); }
.speakers button[aria-pressed="true"] { background: color-mix(in srgb, var(--c) 22%, transparent); box-shadow: inset 3px 0 0 var(--c); }
.swatch { width: 1.55rem; height: 1.55rem; line-height: 1.55rem; font-size: 0.74rem; align-self: start; }
.who { overflow-wrap: anywhere; font-weight: 600; }
.who small { display: inline; margin-left: 0.35rem; color: var(--quotelens-muted); font-size: 0.76rem; font-weight: 400; }
.speakers .who { line-height: 1.25; }
.speakers .who small { display: block; margin: 0.1rem 0 0; }
.at { align-self: center; font-size: 0.72rem; color: var(--quotelens-muted); font-variant-numeric: tabular-nums; }
.clear-focus { margin: 0.5rem 0 0; font-size: 0.8rem; text-decoration: underline; text-underline-offset: 0.2em; color: var(--quotelens-ink); }
.count { color: var(--quotelens-muted); font-variant-numeric: tabular-nums; font-size: 0.78rem; white-space: nowrap; }
.places li { gap: 0.35rem; padding: 0.12rem 0.55rem 0.12rem 0.45rem; font-size: 0.84rem; }
.places .who { font-weight: 450; }
.places small { margin-left: 0.1rem; color: var(--quotelens-muted); font-size: 0.7rem; letter-spacing: 0.03em; }
.pin {
  flex: none;
  width: 0.6rem;
  height: 0.6rem;
  margin: 0 0.1rem;
  border-radius: 50% 50% 50% 0;
  transform: rotate(-45deg);
  border: 0.17rem solid var(--quotelens-place);
  box-sizing: border-box;
}
.key {
  margin: 1rem 0 0;
  padding: 0.7rem 0 0;
  border-top: 1px solid var(--quotelens-rule);
  color: var(--quotelens-muted);
  font-size: 0.76rem;
  display: flex;
  flex-wrap: wrap;
  gap: 0.35rem 0.9rem;
}
.key > span { display: inline-flex; align-items: baseline; gap: 0.35rem; }
.key .sample { font-family: var(--quotelens-font); color: var(--quotelens-ink); font-size: 0.86rem; }
.key .q.s0, .key .m.s0 { --c: var(--quotelens-muted); }
.key .q.s0.solid { border-bottom-style: solid; }
.none, .places li.none { color: var(--quotelens-muted); font-style: italic; border: 0; background: none; padding-left: 0; }

/* Progress of a long analysis: a thin bar along the top edge. */
.progress {
  position: sticky;
  top: 0;
  z-index: 1;
  height: 0.3rem;
  margin: 0 0 0.6rem;
  border-radius: 999px;
  background: var(--quotelens-rule);
  overflow: hidden;
}
.progress[hidden] { display: none; }
.progress > span {
  display: block;
  height: 100%;
  width: var(--done, 0%);
  background: var(--quotelens-speaker-1);
  transition: width 120ms linear;
}

.status { font: 0.8rem/1.4 var(--quotelens-ui-font); color: var(--quotelens-muted); margin: 0 0 0.75rem; }
.status.error { color: light-dark(#b3261e, #ff8a80); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

@media (prefers-reduced-motion: reduce) {
  .q, .m, .progress > span { transition: none; }
  .q.current { animation: none; }
}
@media (forced-colors: active) {
  .q { border-bottom-color: CanvasText; background: none; }
  .tail::after, .lead::before, .swatch { forced-color-adjust: none; }
}
`;

/** Rules for the speaker chosen in the legend: everybody else's quotes and mentions turn plain. */
export function focusRules(id) {
  const other = `:not([data-speaker="${id}"])`;
  return String.raw`
.article.focusing .q${other}, .article.focusing .q:not([data-speaker]) { background: none; border-bottom-color: transparent; }
.article.focusing .q${other} .lead::before { display: none; }
.article.focusing .m${other} { box-shadow: none; font-weight: inherit; }
.article.focusing .m${other} .tail::after { display: none; }
.article.focusing .cue { text-decoration: none; }
`;
}

/** Rules while a quote, mention or legend entry of speaker `id` is hovered or focused. */
export function litRules(id) {
  const me = `[data-speaker="${id}"]`;
  return String.raw`
.article .m${me} { box-shadow: inset 0 -1.3em 0 color-mix(in srgb, var(--c) 30%, transparent), 0 0 0 2px var(--c); border-radius: 0.15em; }
.article .q${me} { background: color-mix(in srgb, var(--c) calc(var(--quotelens-quote-tint) * 1.7), transparent); }
.legend .speakers button${me} { background: color-mix(in srgb, var(--c) 18%, transparent); box-shadow: inset 0 0 0 2px var(--c); }
`;
}
