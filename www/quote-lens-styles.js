// The shadow-root stylesheet of <quote-lens>: the theme knobs (--quotelens-* custom properties, each
// declared on :host with a comment saying what it does) and the drawing of quotes, speakers and
// places. Applied as a constructable stylesheet, so it works under a strict CSP (no <style>).

export const STYLES = String.raw`
:host {
  /* Speaker colours, in order of first appearance. Okabe–Ito hues: they stay apart under
     protanopia, deuteranopia and tritanopia. Every speaker also carries a number badge. */
  --quotelens-speaker-1: #0072b2; /* blue */
  --quotelens-speaker-2: #d55e00; /* vermillion */
  --quotelens-speaker-3: #009e73; /* bluish green */
  --quotelens-speaker-4: #cc79a7; /* reddish purple */
  --quotelens-speaker-5: #e69f00; /* orange */
  --quotelens-speaker-6: #56b4e9; /* sky blue */
  --quotelens-speaker-7: #8a7a00; /* dark yellow (plain yellow vanishes on white) */
  --quotelens-speaker-8: #882255; /* wine (Tol) */
  --quotelens-unattributed: #8c8c8c; /* quotes with no speaker, and scare quotes */
  --quotelens-place: #3d4f63; /* place underline and pin */
  --quotelens-ink: #1d1d1f; /* article text */
  --quotelens-muted: #5f6368; /* secondary text: legend counts, status line */
  --quotelens-paper: #fffdf9; /* article background */
  --quotelens-rule: #e4ded3; /* hairlines around the legend */
  --quotelens-quote-tint: 17%; /* how much of the speaker colour fills a quote's background */
  --quotelens-font: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "DejaVu Serif", serif; /* article face */
  --quotelens-ui-font: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; /* legend and badges */
  --quotelens-font-size: 1.06rem; /* article size */
  --quotelens-line-height: 1.75; /* article leading; leaves room for underlines and badges */
  --quotelens-measure: 68ch; /* maximum line length of the article */
  --quotelens-radius: 0.3em; /* corner rounding of highlights and swatches */

  display: block;
  color-scheme: light dark;
  color: var(--quotelens-ink);
  background: var(--quotelens-paper);
  font-family: var(--quotelens-font);
  container-type: inline-size;
}
:host([hidden]) { display: none; }

@media (prefers-color-scheme: dark) {
  :host {
    --quotelens-speaker-1: #5aaef0;
    --quotelens-speaker-2: #f4874a;
    --quotelens-speaker-3: #35c9a0;
    --quotelens-speaker-4: #e79cc6;
    --quotelens-speaker-5: #f2b53c;
    --quotelens-speaker-6: #9fd8f7;
    --quotelens-speaker-7: #e7dc61;
    --quotelens-speaker-8: #c7a8ff;
    --quotelens-unattributed: #9a9a9a;
    --quotelens-place: #b7c6d8;
    --quotelens-ink: #ece8e1;
    --quotelens-muted: #a7a29a;
    --quotelens-paper: #1b1c1e;
    --quotelens-rule: #3a3b3e;
    --quotelens-quote-tint: 24%;
  }
}

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
  .wrap.with-legend { grid-template-columns: minmax(0, 1fr) 16.5rem; }
  .wrap.with-legend .legend { grid-column: 2; grid-row: 1; position: sticky; top: 1rem; align-self: start; }
  .wrap.with-legend .article { grid-column: 1; grid-row: 1; }
  .wrap.with-legend .legend .speakers { display: grid; gap: 0.15rem; }
  .wrap.with-legend .legend button {
    display: grid;
    grid-template-columns: auto 1fr;
    width: 100%;
    gap: 0.6rem;
    padding: 0.28rem 0.4rem;
    border: 0;
    border-radius: 0.4rem;
    background: transparent;
  }
  .wrap.with-legend .speakers .who small { display: block; margin: 0; }
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
.empty { color: var(--quotelens-muted); font-style: italic; }

/* Quotes: a tint of the speaker's colour, underlined in that colour. Direct quotes are underlined
   solidly, reported speech dashed, scare quotes and unattributed ones dotted in grey. */
.q {
  background: color-mix(in srgb, var(--c) var(--quotelens-quote-tint), transparent);
  border-bottom: 2px solid var(--c);
  box-decoration-break: clone;
  -webkit-box-decoration-break: clone;
  padding: 0.08em 0;
  transition: opacity 120ms ease;
}
.q.q-indirect, .q.q-mixed { border-bottom-style: dashed; }
.q.q-indirect { background: color-mix(in srgb, var(--c) calc(var(--quotelens-quote-tint) * 0.6), transparent); }
.q.s0 { border-bottom-style: dotted; background: color-mix(in srgb, var(--c) 10%, transparent); }
.q.start { border-top-left-radius: var(--quotelens-radius); border-bottom-left-radius: var(--quotelens-radius); padding-left: 0.12em; }
.q.end { border-top-right-radius: var(--quotelens-radius); border-bottom-right-radius: var(--quotelens-radius); padding-right: 0.12em; }
.q .q { background: color-mix(in srgb, var(--c) calc(var(--quotelens-quote-tint) * 1.2), transparent); }
.cue { font-style: italic; text-decoration: underline dotted color-mix(in srgb, var(--c) 70%, transparent); text-underline-offset: 0.25em; }

/* Mentions of a speaker: a thick bar in the speaker's colour and a number badge after the name,
   so colour is never the only cue. */
.m {
  font-weight: 600;
  box-shadow: inset 0 -0.32em 0 color-mix(in srgb, var(--c) 45%, transparent);
  transition: opacity 120ms ease;
}
/* The badge hangs off the mention's last word, and the pin off a place's first word; those words are
   kept on one line with their marker, so a line never breaks between a name and its badge. */
.tail, .head { white-space: nowrap; }
.tail::after {
  content: attr(data-n);
  display: inline-block;
  margin-left: 0.2em;
  min-width: 1.6em;
  padding: 0 0.35em;
  box-sizing: border-box;
  border-radius: 999px;
  background: var(--c);
  color: #fff;
  font: 700 0.6em/1.5 var(--quotelens-ui-font);
  text-align: center;
  vertical-align: 0.38em;
  text-shadow: 0 0 2px rgb(0 0 0 / 0.45);
}

/* Places: a dotted underline and a map pin, in one colour that is not a speaker's. */
.p {
  text-decoration: underline dotted var(--quotelens-place);
  text-decoration-thickness: 2px;
  text-underline-offset: 0.22em;
}
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

/* Focus on one speaker from the legend: the others fade. */
.article.focusing .q:not(.focus), .article.focusing .m:not(.focus) { opacity: 0.28; }

/* Legend */
.legend {
  font: 0.9rem/1.4 var(--quotelens-ui-font);
  color: var(--quotelens-ink);
  border: 1px solid var(--quotelens-rule);
  border-radius: 0.6rem;
  padding: 0.85rem 1rem;
  background: color-mix(in srgb, var(--quotelens-paper) 85%, var(--quotelens-rule));
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
.legend .summary { margin: 0 0 0.75rem; color: var(--quotelens-muted); font-size: 0.82rem; }
.legend button { all: unset; box-sizing: border-box; }
/* Speakers and places are chips when the legend sits above the article. */
.legend button, .places li {
  display: inline-flex;
  align-items: center;
  border: 1px solid var(--quotelens-rule);
  border-radius: 999px;
  background: var(--quotelens-paper);
}
.legend button {
  gap: 0.45rem;
  padding: 0.18rem 0.65rem 0.18rem 0.2rem;
  cursor: pointer;
}
.legend button:hover { background: color-mix(in srgb, var(--c) 12%, transparent); }
.legend button:focus-visible { outline: 2px solid var(--c); outline-offset: 1px; }
.legend button[aria-pressed="true"] { background: color-mix(in srgb, var(--c) 20%, transparent); }
.swatch {
  display: inline-grid;
  place-items: center;
  width: 1.45rem;
  height: 1.45rem;
  border-radius: 50%;
  background: var(--c);
  color: #fff;
  font-weight: 700;
  font-size: 0.72rem;
  text-shadow: 0 0 2px rgb(0 0 0 / 0.45);
}
.who { overflow-wrap: anywhere; font-weight: 550; }
.who small { display: inline; margin-left: 0.35rem; color: var(--quotelens-muted); font-size: 0.75rem; font-weight: 400; }
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

.status { font: 0.8rem/1.4 var(--quotelens-ui-font); color: var(--quotelens-muted); margin: 0 0 0.75rem; }
.status.error { color: #b3261e; }

@media (prefers-color-scheme: dark) {
  /* The dark palette is light: badges and swatches take dark numerals. */
  .tail::after, .swatch { color: #111; text-shadow: none; }
}

@media (prefers-reduced-motion: reduce) {
  .q, .m { transition: none; }
}
@media (forced-colors: active) {
  .q { border-bottom-color: CanvasText; background: none; }
  .m.end::after, .swatch { forced-color-adjust: none; }
}
`;
