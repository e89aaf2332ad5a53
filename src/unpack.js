// The other half of src/pack.rs: builds the object that JSON.parse made of serde_json's text
// (same fields, same order, same values) from the numbers and the string that the wasm passes.
// wasm-bindgen copies this file into pkg/snippets/ and imports it from the glue.

const ENTITY = ['person', 'organization', 'group', 'unknown'];
const MENTION = ['name', 'short_name', 'title', 'pronoun', 'nominal'];
const QUOTE = ['direct', 'indirect', 'mixed', 'scare'];
const LOCATION = ['country', 'region', 'city', 'area', 'water'];
/** Eight bytes in which a coordinate's two words become its double (little-endian, as written). */
const WORDS = new DataView(new ArrayBuffer(8));

/** `n`: a Uint32Array (a view into the wasm's memory, read before anything else runs); `s`: the strings. */
export function unpack(n, s) {
  let i = 3;
  let at = 0;
  const str = () => s.slice(at, (at += n[i++]));
  const span = () => (n[i++] ? { start: n[i++], end: n[i++] } : null);
  const opt = () => (n[i++] ? n[i++] : null);
  // A double from its two words (low first), as src/pack.rs writes it.
  const num = () => {
    WORDS.setUint32(0, n[i++], true);
    WORDS.setUint32(4, n[i++], true);
    return WORDS.getFloat64(0, true);
  };
  const entities = new Array(n[0]);
  for (let k = 0; k < entities.length; k++) {
    const id = n[i++];
    const kind = ENTITY[n[i++]];
    const name = str();
    const mentions = new Array(n[i++]);
    for (let j = 0; j < mentions.length; j++) {
      mentions[j] = { start: n[i], end: n[i + 1], kind: MENTION[n[i + 2]] };
      i += 3;
    }
    entities[k] = { id, name, kind, mentions };
  }
  const quotes = new Array(n[1]);
  for (let k = 0; k < quotes.length; k++) {
    const start = n[i++];
    const end = n[i++];
    const kind = QUOTE[n[i++]];
    const speaker = opt();
    const speaker_mention = span();
    const cue = span();
    quotes[k] = { start, end, kind, speaker, speaker_mention, cue, continues: opt() };
  }
  const locations = new Array(n[2]);
  for (let k = 0; k < locations.length; k++) {
    const start = n[i++];
    const end = n[i++];
    const name = str();
    const kind = LOCATION[n[i++]];
    const country = n[i++] ? str() : null;
    const lat = n[i++] ? num() : null;
    const lon = n[i++] ? num() : null;
    const dateline = n[i++] === 1;
    locations[k] = { start, end, name, kind, country, lat, lon, dateline, phrase: span() };
  }
  return { offsets: 'utf16', entities, quotes, locations };
}
