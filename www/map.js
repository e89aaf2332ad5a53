// The offline world map of the places view: Natural Earth outlines from map/world.json (made by
// scripts/gen-map, already projected), a pin for each place with coordinates, and the countries
// mentioned shaded. Nothing is fetched but that one file from this site.

const WORLD = new URL('./map/world.json', import.meta.url);
const SVG = 'http://www.w3.org/2000/svg';
const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;

let world = null;

/** Equal Earth, as in scripts/gen-map: [lon, lat] in degrees -> map units. */
function project(p, lon, lat) {
  const t = Math.asin(M * Math.sin((lat * Math.PI) / 180));
  const t2 = t * t, t6 = t2 * t2 * t2;
  const x = ((lon * Math.PI) / 180) * Math.cos(t) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [(x + p.xMax) * p.scale, (p.top - y) * p.scale];
}

const svg = (tag, attrs = {}) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

/** Draw the map into `box`; returns {update(groups)} (groups as places-view.js makes them). */
export async function drawMap(box, { onPick }) {
  if (!world) {
    const response = await fetch(WORLD);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    world = await response.json();
  }
  const p = world.projection;
  const root = svg('svg', { viewBox: `0 0 ${p.width} ${p.height}`, role: 'group', 'aria-labelledby': 'map-title' });
  const title = svg('title', { id: 'map-title' });
  title.textContent = 'World map of the places in the article';
  const sea = svg('rect', { class: 'sea', x: -5000, y: -5000, width: 10000, height: 10000 });
  const land = svg('g', { class: 'land', 'aria-hidden': 'true' });
  const shapes = new Map();
  for (const [code, name, d] of world.countries) {
    const path = svg('path', { d });
    const t = svg('title');
    t.textContent = name;
    path.append(t);
    land.append(path);
    if (code) shapes.set(code, [...(shapes.get(code) ?? []), path]);
  }
  const pins = svg('g', { class: 'pins' });
  root.append(title, sea, land, pins);

  const tools = document.createElement('div');
  tools.className = 'map-tools';
  const fit = document.createElement('button');
  fit.type = 'button';
  fit.className = 'map-fit';
  fit.setAttribute('aria-pressed', 'true');
  fit.textContent = 'Zoom to places';
  const credit = document.createElement('span');
  credit.className = 'map-credit';
  credit.textContent = 'Outlines: Natural Earth (public domain)';
  tools.append(fit, credit);
  box.replaceChildren(root, tools);

  let groups = [];
  let zoomed = true;

  function view(points) {
    if (!zoomed || !points.length) return [0, 0, p.width, p.height];
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of points) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    const aspect = p.width / p.height;
    let w = Math.max(x1 - x0 + 80, 170);
    let hgt = Math.max(y1 - y0 + 60, w / aspect);
    w = Math.max(w, hgt * aspect);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    const x = Math.min(Math.max(cx - w / 2, 0), Math.max(0, p.width - w));
    const y = Math.min(Math.max(cy - hgt / 2, 0), Math.max(0, p.height - hgt));
    return [x, y, Math.min(w, p.width), Math.min(hgt, p.height)];
  }

  function draw() {
    for (const paths of shapes.values()) for (const path of paths) path.removeAttribute('class');
    const max = Math.max(1, ...groups.map((g) => g.count));
    for (const g of groups) {
      for (const path of shapes.get(g.code) ?? []) {
        path.setAttribute('class', g.count * 2 > max ? 'mentioned many' : 'mentioned');
      }
    }
    const placed = [];
    for (const g of groups) {
      for (const place of g.places) {
        if (place.lat == null || place.lon == null) continue;
        placed.push({ place, country: g.name, at: project(p, place.lon, place.lat) });
      }
    }
    // Countries under cities, big under small, so every pin can be reached.
    const mentions = (x) => x.place.indexes.length;
    placed.sort((a, b) => (b.place.kind === 'country') - (a.place.kind === 'country') || mentions(b) - mentions(a));
    // Labels for the most mentioned places (the list below has them all).
    const labelled = new Set([...placed].sort((a, b) => mentions(b) - mentions(a)).slice(0, 12));
    const [vx, vy, vw, vh] = view(placed.map((x) => x.at));
    root.setAttribute('viewBox', `${vx} ${vy} ${vw} ${vh}`);
    const unit = vw / 900; // one screen pixel at the usual width
    // Labels go to the most mentioned places first, and only where they overlap no other label.
    const boxes = [];
    const fontSize = 12.5 * unit;
    const fits = ({ place, at: [x, y] }, r) => {
      const box = [x + r, y - fontSize, x + r + 3 * unit + 0.62 * fontSize * place.name.length, y + fontSize * 0.4];
      if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) return false;
      boxes.push(box);
      return true;
    };
    const frag = document.createDocumentFragment();
    const radius = (n) => (4 + 2.2 * Math.sqrt(n)) * unit;
    const labels = new Set([...labelled].sort((a, b) => mentions(b) - mentions(a)).filter((item) => fits(item, radius(mentions(item)))));
    for (const item of placed) {
      const { place, country, at: [x, y] } = item;
      const n = place.indexes.length;
      const r = radius(n);
      const pin = svg('g', {
        class: place.kind === 'country' ? 'mpin is-country' : 'mpin',
        tabindex: '0',
        role: 'button',
        transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})`,
        'aria-label': `${place.name}${place.kind === 'country' ? '' : `, ${country}`}: ${n} ${n === 1 ? 'mention' : 'mentions'}`,
      });
      const t = svg('title');
      t.textContent = pin.getAttribute('aria-label');
      pin.append(t, svg('circle', { r: r.toFixed(2) }));
      if (labels.has(item)) {
        const label = svg('text', { x: (r + 3 * unit).toFixed(2), y: (4 * unit).toFixed(2), 'font-size': fontSize.toFixed(2) });
        label.textContent = place.name;
        pin.append(label);
      }
      const pick = () => onPick(place);
      pin.addEventListener('click', pick);
      pin.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          pick();
        }
      });
      frag.append(pin);
    }
    pins.replaceChildren(frag);
    fit.hidden = !placed.length;
  }

  fit.addEventListener('click', () => {
    zoomed = !zoomed;
    fit.setAttribute('aria-pressed', String(zoomed));
    draw();
  });

  return {
    update(next) {
      groups = next;
      draw();
    },
  };
}
