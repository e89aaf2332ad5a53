// "Places": the places of the article grouped by country, with how often each is mentioned, and
// a world map on demand (./map.js and map/world.json load only when the map is opened).
// Each place leads back to the article, stepping through its mentions.

import { counted, grouped } from './quote-lens-core.js';

const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
};

let regionNames = null;
/** English name of an ISO 3166 alpha-2 code, from the browser's own data (no table shipped). */
export function countryName(code) {
  if (!code) return 'No country';
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Places by country: [{code, name, count, places: [{name, kind, lat, lon, indexes}]}], biggest first. */
export function groupPlaces(locations) {
  const countries = new Map();
  locations.forEach((loc, index) => {
    const code = loc.country ?? '';
    let c = countries.get(code);
    if (!c) countries.set(code, (c = { code, name: countryName(code), count: 0, places: new Map() }));
    c.count++;
    const key = `${loc.kind}\u0000${loc.name}`;
    let p = c.places.get(key);
    if (!p) c.places.set(key, (p = { name: loc.name, kind: loc.kind, lat: loc.lat, lon: loc.lon, dateline: false, indexes: [] }));
    p.indexes.push(index);
    p.dateline ||= loc.dateline;
  });
  const list = [...countries.values()].map((c) => ({
    ...c,
    places: [...c.places.values()].sort((a, b) => b.indexes.length - a.indexes.length || a.name.localeCompare(b.name)),
  }));
  // Places with no country (seas, continents) go last.
  return list.sort((a, b) => !a.code - !b.code || b.count - a.count || a.name.localeCompare(b.name));
}

export function mount(panel, page) {
  const head = el('div', 'places-head');
  const summary = el('p', 'shown');
  const toggle = el('button', 'map-toggle', 'Show map');
  toggle.type = 'button';
  toggle.id = 'show-map';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', 'map');
  head.append(summary, toggle);
  const mapBox = el('div', 'map');
  mapBox.id = 'map';
  mapBox.hidden = true;
  const list = el('div', 'countries');
  panel.replaceChildren(head, mapBox, list);

  let groups = [];
  let map = null; // the loaded map module's drawing, once opened
  const cursor = new Map(); // place -> next mention to show

  function step(place) {
    const k = cursor.get(place) ?? 0;
    cursor.set(place, (k + 1) % place.indexes.length);
    page.showInArticle('place', place.indexes[k]);
  }

  toggle.addEventListener('click', async () => {
    const open = mapBox.hidden;
    mapBox.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Hide map' : 'Show map';
    if (open && !map) {
      mapBox.replaceChildren(el('p', 'loading', 'Loading the map…'));
      try {
        const { drawMap } = await import('./map.js');
        map = await drawMap(mapBox, { onPick: step });
      } catch (err) {
        mapBox.replaceChildren(el('p', 'error', `The map could not be loaded (${err.message}).`));
        return;
      }
    }
    if (open) map?.update(groups);
  });

  return {
    update(analysis) {
      groups = groupPlaces(analysis.locations ?? []);
      cursor.clear();
      const total = analysis.locations?.length ?? 0;
      const places = groups.reduce((n, g) => n + g.places.length, 0);
      const countries = groups.filter((g) => g.code).length;
      summary.textContent = total
        ? `${counted(places, 'place')}${countries ? ` in ${counted(countries, 'country', 'countries')}` : ''}, mentioned ${counted(total, 'time')}`
        : 'No places in this text.';
      const frag = document.createDocumentFragment();
      for (const g of groups) {
        const section = el('section', 'country');
        const h = el('h3');
        h.append(el('span', 'name', g.name));
        if (g.code) h.append(el('span', 'code', g.code));
        h.append(el('span', 'count', `${grouped(g.count)}×`));
        const ul = el('ul', 'chips');
        for (const p of g.places) {
          const li = el('li');
          const b = el('button', 'place');
          b.type = 'button';
          const pin = el('span', 'pin');
          pin.setAttribute('aria-hidden', 'true');
          b.append(pin, el('span', null, p.name), el('small', null, p.dateline ? `${p.kind}, dateline` : p.kind));
          if (p.indexes.length > 1) b.append(el('span', 'count', `×${grouped(p.indexes.length)}`));
          b.title = `Show ${p.name} in the article (${counted(p.indexes.length, 'mention')})`;
          b.addEventListener('click', () => step(p));
          li.append(b);
          ul.append(li);
        }
        section.append(h, ul);
        frag.append(section);
      }
      list.replaceChildren(frag);
      if (map && !mapBox.hidden) map.update(groups);
    },
  };
}
