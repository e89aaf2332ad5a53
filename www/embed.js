// The script half of embed.html: sets a <quote-lens> through its properties and listens to it.
const third = document.getElementById('third');
const events = document.getElementById('events');

third.text = [
  'GENEVA, June 18 — « A number can be checked. A promise cannot, » said Claudine Morel, the Swiss environment minister.',
  '',
  'Austrian minister Lukas Steiner said his government would not wait for the new tunnels under the Brenner.',
].join('\n');

third.addEventListener('quote-lens-analyzed', (event) => {
  const { quotes, locations } = event.detail;
  const who = third.speakers.map((s) => `${s.n}. ${s.name}`).join(', ') || 'nobody';
  events.textContent = `quote-lens-analyzed: ${quotes.length} quotes, ${locations.length} places; speakers: ${who}.`;
});

const legend = document.getElementById('toggle-legend');
legend.addEventListener('click', () => {
  third.legend = !third.legend;
  legend.setAttribute('aria-pressed', String(third.legend));
});

const theme = document.getElementById('toggle-theme');
const order = ['dark', 'light', 'auto'];
theme.addEventListener('click', () => {
  third.theme = order[(order.indexOf(third.theme) + 1) % order.length];
  theme.textContent = `Theme: ${third.theme}`;
});
