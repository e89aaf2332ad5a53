//! Lookup tables for places, demonyms and first names.
//!
//! `generated.rs` holds them as compact static data that `tests/tables.rs` renders from the
//! files in `data/` (sources, licences and filtering: `data/PROVENANCE.md`). Nothing is parsed
//! at start-up. Each list of strings is one sorted text of lines ([`Lines`]). The numbers of a
//! place (kind, country, position, size) are parallel arrays of small integers, and [`Place`] is assembled by value on each hit. Measured against sorted
//! arrays of `&str` and structs (the first version): a third of the wasm bytes for the same
//! data (data/PROVENANCE.md has the figures).
//!
//! The look-ups that analysis makes go through [`Index`], hash tables over the same lists built
//! once, on the first look-up: most look-ups are misses (every capitalised n-gram is tried as
//! a place), and a binary search over the text paid about 2,000 instructions for each, a third
//! of all the CLI's work. A hash probe pays one hash of the key. Building the maps costs about
//! 3 million instructions (about one PolNeAR article's analysis, under a millisecond natively)
//! and adds no bytes to the data, where a generated hash table would add tens of kilobytes to
//! the wasm.

// Skipped by rustfmt: its layout is the generator's, and the regeneration test compares bytes.
#[rustfmt::skip]
mod generated;

use std::sync::OnceLock;


use crate::model::LocationKind;
use crate::wordtable::WordTable;

/// Words in the longest place form: the core tries n-grams up to this length.
pub(crate) const MAX_PLACE_WORDS: usize = generated::MAX_PLACE_WORDS;

/// Words in the longest demonym ("Turks and Caicos Islander"), for callers that try
/// multi-word demonyms.
#[allow(dead_code)]
pub(crate) const MAX_DEMONYM_WORDS: usize = generated::MAX_DEMONYM_WORDS;

/// A sorted list of strings, front-coded: each entry is one digit, the number of leading bytes
/// it shares with the entry before (at most 9, at a char boundary), then the rest of it and a
/// line break. Sorted lists share long heads ("San ...", "New ...", "Mar..."), and gzip, which
/// sees them only as repeats, left 4.7 KB more of the wasm than this coding does. Order is byte
/// order (`str`'s `Ord`), as the generator sorts. No offsets are stored in the data: the analysis
/// reads each list in order, to build [`Index`], from the entries listed while decoding, and
/// offsets into the text (a `u32` for every 16th entry once) cost 0.7 KB of gzipped wasm for the
/// tests' binary search alone.
pub(crate) struct Lines {
    coded: &'static str,
    /// The entries in full, each followed by a line break: decoded at the first use.
    text: OnceLock<String>,
    /// The entries, as slices of `text`: listed once while decoding, where a scan of the text
    /// for the line breaks each time the index read a list was a fifth of building it.
    list: OnceLock<Vec<&'static str>>,
}

impl Lines {
    pub(super) const fn new(coded: &'static str) -> Lines {
        Lines { coded, text: OnceLock::new(), list: OnceLock::new() }
    }

    /// The entries, each followed by a line break.
    #[cfg(test)]
    fn text(&'static self) -> &'static str {
        self.list();
        self.text.get().map_or("", String::as_str)
    }

    /// The entries in order, as `text.split_terminator('\n')` gives them.
    fn list(&'static self) -> &'static [&'static str] {
        self.list.get_or_init(|| {
            let (text, ends) = decode(self.coded);
            let text: &'static str = self.text.get_or_init(|| text);
            let mut at = 0;
            ends.iter()
                .map(|&end| {
                    let e = text.get(at..end).unwrap_or("");
                    at = end + 1;
                    e
                })
                .collect()
        })
    }

    /// The index and text of the first entry that is >= `key`, if any.
    #[cfg(test)]
    fn seek(&'static self, key: &str) -> (usize, Option<&'static str>) {
        // The entries are listed once per table and kept: listing them on every search made
        // `index_agrees_with_search`, which searches for every prefix of every entry, quadratic
        // (minutes in a debug build).
        type Listed = std::collections::HashMap<usize, &'static [&'static str]>;
        static LISTED: OnceLock<std::sync::Mutex<Listed>> = OnceLock::new();
        let all: &'static [&'static str] = {
            let mut listed = LISTED.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
            listed.entry(self as *const Lines as usize).or_insert_with(|| Vec::leak(self.entries().collect()))
        };
        let i = all.partition_point(|&e| e < key);
        (i, all.get(i).copied())
    }

    /// The index of `key` in the list (the tests' reference for [`Index`]).
    #[cfg(test)]
    pub(crate) fn find(&'static self, key: &str) -> Option<usize> {
        match self.seek(key) {
            (i, Some(line)) if line == key => Some(i),
            _ => None,
        }
    }

    /// The entries in order, as `text.split_terminator('\n')` gives them.
    fn entries(&'static self) -> impl Iterator<Item = &'static str> {
        self.list().iter().copied()
    }

    /// The entry at index `i`.
    pub(crate) fn get(&'static self, i: usize) -> &'static str {
        self.list().get(i).copied().unwrap_or("")
    }

    /// Number of entries.
    #[allow(dead_code)]
    pub(crate) fn len(&'static self) -> usize {
        self.list().len()
    }
}

/// The text of front-coded entries (see [`Lines`]). The generator cuts shared heads at char
/// boundaries, so every cut here is one. Built from `&str` pieces rather than bytes: checking
/// bytes as UTF-8 afterwards took 0.7 KB of wasm code. Also gives where each entry ends in it.
fn decode(coded: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(coded.len() * 3 / 2);
    let mut ends = Vec::with_capacity(coded.len() / 8);
    let mut entry = String::new();
    // The lines as `split_terminator('\n')` gives them, by a plain byte loop as in
    // `Lines::entries`: the memchr call of `split` for each short line was 60% of decoding.
    let mut rest = coded;
    while !rest.is_empty() {
        let n = rest.as_bytes().iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let line = rest.get(..n).unwrap_or("");
        rest = rest.get(n + 1..).unwrap_or("");
        let Some(shared) = line.bytes().next() else { continue };
        entry.truncate(usize::from(shared.wrapping_sub(b'0')));
        entry.push_str(line.get(1..).unwrap_or(""));
        out.push_str(&entry);
        ends.push(out.len());
        out.push('\n');
    }
    (out, ends)
}

/// A place the tables know, assembled by value from the compact tables.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Place {
    /// Canonical name ("United States" for "U.S.").
    pub name: &'static str,
    /// Country, region, city, area or water.
    pub kind: LocationKind,
    /// ISO 3166-1 alpha-2 code of the country, or "" for places in none or several.
    pub country: &'static str,
    /// Latitude in degrees, to 1/8 degree (areas are rougher).
    pub lat: f32,
    /// Longitude in degrees, to 1/8 degree.
    pub lon: f32,
    /// People living there, to within about 12% (a ranking key, not a statistic); 0 for
    /// areas and water.
    pub population: u32,
    /// [`AMBIGUOUS`] or 0.
    pub flags: u8,
    /// The place's number in the tables ([`namesake`] asks for it).
    pub id: u16,
}

/// The surface form that found this place is also a common English word, a common first name
/// or a common surname ("Mobile", "Jordan", "Chad", "Lincoln"), so a match needs support from
/// the context. Set per surface form: "Washington" is ambiguous, "Washington, D.C." is not, and
/// they are distinct `Place` values with the same name.
pub(crate) const AMBIGUOUS: u8 = 1;

/// The gender that a first name usually has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// Mostly men's name.
    Male,
    /// Mostly women's name.
    Female,
    /// Common for both (neither has twice the share of the other in the census data).
    Either,
}

const KINDS: [LocationKind; 5] = [
    LocationKind::Country,
    LocationKind::Region,
    LocationKind::City,
    LocationKind::Area,
    LocationKind::Water,
];

/// The ISO code of country number `c` (an index into the country list), "" for none.
fn country_code(c: u8) -> &'static str {
    let i = usize::from(c) * 2;
    generated::COUNTRY_CODES.get(i..i + 2).unwrap_or("")
}

/// 10^(k/20) * 1000 for k in 0..20: the steps of the size code within a power of ten.
const SIZE_STEPS: [u32; 20] = [
    1000, 1122, 1259, 1413, 1585, 1778, 1995, 2239, 2512, 2818, 3162, 3548, 3981, 4467, 5012, 5623,
    6310, 7079, 7943, 8913,
];

/// The population that a size code stands for: code = round(20 * log10(population)), 0 for
/// none (the generator's encoding; integer arithmetic, so no float maths in the wasm).
fn population(code: u8) -> u32 {
    if code == 0 {
        return 0;
    }
    let (q, r) = (u32::from(code / 20), usize::from(code % 20));
    let p = u64::from(SIZE_STEPS[r]) * 10u64.pow(q) / 1000;
    u32::try_from(p).unwrap_or(u32::MAX)
}

/// Place `i`'s coordinate in degrees from a `PLACE_LAT`-like array: its offset from the
/// country's median place, low bytes of all places first, then their high bytes.
fn coordinate(offsets: &[u8], centres: &[i16], i: usize) -> f32 {
    let offset = i16::from_le_bytes([offsets[i], offsets[offsets.len() / 2 + i]]);
    let centre = centres.get(usize::from(generated::PLACE_COUNTRY[i])).copied().unwrap_or(0);
    f32::from(centre.wrapping_add(offset)) / 8.0
}

/// Place number `i`, by value.
fn place_at(i: usize) -> Place {
    let name = index().names[i];
    let kf = generated::PLACE_KIND[i];
    let size = generated::PLACE_SIZE[i];
    Place {
        name,
        kind: KINDS[usize::from(kf >> 1)],
        country: country_code(generated::PLACE_COUNTRY[i]),
        lat: coordinate(&generated::PLACE_LAT, &generated::COUNTRY_LAT, i),
        lon: coordinate(&generated::PLACE_LON, &generated::COUNTRY_LON, i),
        population: population(size),
        flags: kf & AMBIGUOUS,
        id: u16::try_from(i).unwrap_or(u16::MAX),
    }
}

/// The number of the country with ISO code `iso2` (below 255), if the tables have it.
fn country_number(iso2: &str) -> Option<usize> {
    // The codes are in byte order: a binary search.
    let (mut lo, mut hi) = (0, generated::COUNTRY_CODES.len() / 2);
    loop {
        if lo >= hi {
            return None;
        }
        let mid = lo + (hi - lo) / 2;
        match country_code(mid as u8).cmp(iso2) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
}

/// The index in `PLACE_NAMESAKES` of the `k`-th pair of `p`: the pairs are sorted by their
/// first number, so the first of `p` is found by halves.
fn namesake_pair(p: &Place, k: usize) -> Option<usize> {
    let pairs = &generated::PLACE_NAMESAKES;
    let (mut lo, mut hi) = (0, pairs.len() / 2);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pairs[2 * mid] < p.id {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let at = 2 * (lo + k);
    (pairs.get(at) == Some(&p.id)).then_some(at)
}

/// Whether the generator kept a namesake of `p` in another country ([`namesake`]), without
/// making the namesake's `Place`: asked of every place of a text that has one.
#[inline(never)]
pub(crate) fn has_namesake(p: &Place) -> bool {
    namesake_pair(p, 0).is_some()
}

/// The `k`-th namesake of `p` in another country that the generator kept for it
/// (tests/tables.rs, `MIN_NAMESAKE_SHARE`): "Georgia" the country has the US state, "Hyderabad"
/// in India the one in Pakistan. Few places have any (a test lists them). One function out of
/// line, not an iterator: each adapter over an iterator of places was a copy of `place_at` in
/// the wasm.
#[inline(never)]
pub(crate) fn namesake(p: &Place, k: usize) -> Option<Place> {
    namesake_pair(p, k).map(|at| place_at(usize::from(generated::PLACE_NAMESAKES[at + 1])))
}

/// The number of `p`'s country (an index into the country codes; 255 for none), read from the
/// tables rather than searched for by its code.
pub(crate) fn country_no(p: &Place) -> usize {
    usize::from(generated::PLACE_COUNTRY[usize::from(p.id)])
}

/// Every place of the tables, by number (for tests that go over them all).
#[cfg(test)]
pub(crate) fn all_places() -> impl Iterator<Item = Place> {
    (0..index().names.len()).map(place_at)
}

/// The place for an exact, case-sensitive surface form ("U.S.", "Gaza Strip", "Tehran",
/// "São Paulo", "Sao Paulo"). Where several places share a form the generator kept one: a
/// country before a region, a city, an area, water; then the larger population; or the one that
/// `data/aliases.tsv` pins ("New York" is the city). Forms never start with "the".
pub(crate) fn place(surface: &str) -> Option<Place> {
    place_and_prefix(surface).0
}

/// [`place`] and [`place_prefix`] of `surface` by one probe: the gazetteer pass asks both of
/// every capitalised n-gram.
#[inline]
pub(crate) fn place_and_prefix(surface: &str) -> (Option<Place>, bool) {
    match index().places.get_hot(surface) {
        Some(&(_, v)) => ((v & !PREFIX != NO_PLACE).then(|| place_at(usize::from(v & !PREFIX))), v & PREFIX != 0),
        None => (None, false),
    }
}

/// [`Index::places`]' flag of the strings that are [`place_prefix`]es.
const PREFIX: u16 = 0x8000;
/// [`Index::places`]' number for a string that is only a prefix (no place number comes near:
/// a test checks).
const NO_PLACE: u16 = 0x7FFF;

/// Some place form is longer than `surface` and starts with it and a space, a comma or a dot
/// ("New" of "New York"): a caller trying longer and longer word n-grams can stop when not.
pub(crate) fn place_prefix(surface: &str) -> bool {
    place_and_prefix(surface).1
}

/// [`place_prefix`] by search in the sorted lists: the definition, which [`prefixes_of`]
/// computes for all strings at once (the tests compare the two).
#[cfg(test)]
fn place_prefix_by_search(surface: &str) -> bool {
    // The separators sort before letters and digits, and " " first: the forms that go on
    // after `surface` are the first entries at or after "surface ".
    let mut key = String::with_capacity(surface.len() + 1);
    key.push_str(surface);
    key.push(' ');
    let goes_on = |l: &str| l.starts_with(surface) && matches!(l.as_bytes().get(surface.len()), Some(b' ' | b',' | b'-' | b'.'));
    [&generated::NAMED_PLACES, &generated::PLACE_FORMS].iter().any(|t| t.seek(&key).1.is_some_and(goes_on))
}

/// The strings for which `place_prefix_by_search` finds a form that goes on in list `l`, in one
/// pass over the list instead of a search for each candidate (those searches were a third of
/// building the index, which happens at the first look-up: in the browser, during the first
/// article's analysis).
///
/// The search's answer for `c` is whether the first entry at or after "c " continues `c` with a
/// separator. Entries between "c " and any entry "c<sep>..." all start with `c`, so that first
/// entry is the one that continues `c` with the smallest byte from ' ' up; and since the
/// separators are the bytes ' ', ',', '-' and '.', only continuations by bytes ' '..='.' can
/// be that smallest one when the answer is yes. So: the smallest such continuation byte of
/// each head, then the heads whose smallest is a separator.
///
/// The list is sorted, so the entries that go on after a head form one run, and the first of
/// them has the smallest continuation byte: a head is found at the entry that starts that run
/// (the entry before does not go on after it), with no map of the smallest bytes (whose hash
/// probes, one per separator of every entry, were an eighth of building the index).
///
/// Plain loops over the bytes, calling `found` with each head: the iterator adapters cost
/// three times as much per byte (a tenth of building the index).
fn prefixes_of(l: &'static Lines, mut found: impl FnMut(&'static str)) {
    let mut before: &'static str = "";
    for &e in l.list() {
        for (p, &b) in e.as_bytes().iter().enumerate() {
            if matches!(b, b' ' | b',' | b'-' | b'.') {
                // An ASCII byte: `p` is a char boundary.
                let head = e.get(..p).unwrap_or("");
                let run_goes_on = before.len() > p && before.starts_with(head);
                if !run_goes_on {
                    found(head);
                }
            }
        }
        before = e;
    }
}

/// The hash tables that answer the look-ups of this module (see the module's comment). A
/// [`WordTable`] each, not a `HashMap`: the analysis probes them about 25,000 times per 100 KB
/// of text, most of them misses, and a probe of a `HashMap` hashed every byte and called
/// memcmp (3% of all the work, and a tenth of building the index).
struct Index {
    /// Every surface form: its place number. A place's own name wins over another place's
    /// form with the same text, as the named list was searched first. Also the strings for
    /// which [`place_prefix_by_search`] is true, with the flag [`PREFIX`] (and [`NO_PLACE`] when
    /// they are no form): one probe answers both questions, which the gazetteer pass asks of
    /// every capitalised n-gram (a table for each was 0.3% more of the 40-text profile).
    places: WordTable<'static, u16>,
    /// Name of each place, by number.
    names: Vec<&'static str>,
    /// Demonym: its index in `generated::DEMONYMS`.
    demonyms: WordTable<'static, u16>,
    /// First name: its index in `generated::FIRST_NAMES`.
    first_names: WordTable<'static, u16>,
}

/// A list's entries, each with its index. Indexes fit in u16: the generator's own index
/// arrays (`PLACE_FORM_TARGET`, `COUNTRY_ADJECTIVE`) are u16.
fn numbered(l: &'static Lines) -> impl Iterator<Item = (&'static str, u16)> {
    l.entries().enumerate().map(|(i, e)| (e, u16::try_from(i).unwrap_or(u16::MAX)))
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        // Room for the prefixes too: about one for each name.
        let mut places = WordTable::with_capacity(2 * generated::NAMED + generated::PLACE_FORM_TARGET.len());
        // The forms are sorted and unique (a test checks), so each is new: `entry_or_insert_with`
        // adds it without `insert`'s replacement (about 30 instructions less an entry).
        for (form, f) in numbered(&generated::PLACE_FORMS) {
            places.entry_or_insert_with(form, |_| generated::PLACE_FORM_TARGET[usize::from(f)]);
        }
        // The named list is sorted and unique, so each name is inserted once; it replaces a
        // form of another place with the same text. The same pass lists the names by number
        // (one reading of the list instead of two).
        let mut names: Vec<&'static str> = Vec::with_capacity(generated::NAMED + generated::OTHER_PLACES.len());
        for (name, i) in numbered(&generated::NAMED_PLACES) {
            places.insert(name, i);
            names.push(name);
        }
        for l in [&generated::NAMED_PLACES, &generated::PLACE_FORMS] {
            prefixes_of(l, |p| {
                *places.entry_or_insert_with(p, |_| NO_PLACE) |= PREFIX;
            });
        }
        names.extend(generated::OTHER_PLACES.entries());
        // Place numbers 0..NAMED are the named list's indexes, as `places` assumes.
        debug_assert_eq!(generated::NAMED_PLACES.entries().count(), generated::NAMED);
        // Sized up front: the entries' iterator gives no size hint, and growing the maps
        // step by step rehashed them several times.
        let sized = |l: &'static Lines, n: usize| {
            let mut m = WordTable::with_capacity(n);
            // Sorted and unique (a test checks): every entry is new, as for the forms above.
            for (e, i) in numbered(l) {
                m.entry_or_insert_with(e, |_| i);
            }
            m
        };
        Index {
            places,
            names,
            demonyms: sized(&generated::DEMONYMS, generated::DEMONYM_COUNTRY.len()),
            first_names: sized(&generated::FIRST_NAMES, generated::FIRST_NAME_GENDER.len()),
        }
    })
}

/// The country (ISO 3166-1 alpha-2) of a demonym or its plural, case-sensitive: "Iranian" and
/// "Iranians" -> "IR". Multi-word demonyms ("South Korean", "New Zealanders") are single
/// entries of up to [`MAX_DEMONYM_WORDS`] words. A demonym shared by two countries ("Congolese",
/// "Dominican") gives the more populous one.
pub(crate) fn demonym_country(word: &str) -> Option<&'static str> {
    let &(_, i) = index().demonyms.get(word)?;
    Some(country_code(generated::DEMONYM_COUNTRY[usize::from(i)]))
}

/// The demonym (adjective) of a country: "QA" -> "Qatari". None for territories whose only
/// English demonym is their name, and for uninhabited ones.
pub(crate) fn country_demonym(iso2: &str) -> Option<&'static str> {
    let c = country_number(iso2)?;
    let d = generated::COUNTRY_ADJECTIVE[c];
    (d != u16::MAX).then(|| generated::DEMONYMS.get(usize::from(d)))
}

/// The usual gender of a first name in title case ("Maria", "John", "Masoud"), or None for a
/// name the tables don't know. Hyphenated French names are entries of their own ("Jean-Luc").
pub(crate) fn first_name(name: &str) -> Option<Gender> {
    let &(_, i) = index().first_names.get(name)?;
    Some([Gender::Male, Gender::Female, Gender::Either][usize::from(generated::FIRST_NAME_GENDER[usize::from(i)])])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(l: &'static Lines) -> Vec<&'static str> {
        l.text().lines().collect()
    }

    fn sorted_unique(v: &[&str]) -> bool {
        v.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn namesakes_are_in_other_countries() {
        let pairs = &generated::PLACE_NAMESAKES;
        assert!(pairs.chunks_exact(2).map(|w| (w[0], w[1])).collect::<Vec<_>>().windows(2).all(|w| w[0] < w[1]));
        for w in pairs.chunks_exact(2) {
            let (p, n) = (place_at(usize::from(w[0])), place_at(usize::from(w[1])));
            assert_ne!(p.country, n.country, "{} and its namesake {}", p.name, n.name);
            assert!((0..).map_while(|k| namesake(&p, k)).any(|x| x.id == n.id));
        }
        let georgia = place("Georgia").unwrap();
        assert_eq!((georgia.country, georgia.kind), ("GE", LocationKind::Country));
        let state = (0..).map_while(|k| namesake(&georgia, k)).map(|n| (n.country, n.kind)).collect::<Vec<_>>();
        assert_eq!(state, [("US", LocationKind::Region)]);
        assert!(namesake(&place("London").unwrap(), 0).is_none(), "London, Ontario is too small");
    }

    #[test]
    fn tables_are_sorted_and_aligned() {
        let named = all(&generated::NAMED_PLACES);
        assert_eq!(named.len(), generated::NAMED);
        assert!(sorted_unique(&named));
        // Read by index only: sorted, and may repeat a name (the same place with other flags).
        assert!(all(&generated::OTHER_PLACES).windows(2).all(|w| w[0] <= w[1]));
        let forms = all(&generated::PLACE_FORMS);
        assert!(sorted_unique(&forms));
        assert!(sorted_unique(&all(&generated::DEMONYMS)));
        assert!(sorted_unique(&all(&generated::FIRST_NAMES)));
        // `country_demonym` searches the codes by halves.
        assert!(sorted_unique(&(0..generated::COUNTRY_CODES.len() / 2).map(|c| country_code(c as u8)).collect::<Vec<_>>()));
        let n = generated::NAMED + generated::OTHER_PLACES.len();
        // `Index::places` keeps its top bit and `NO_PLACE` for the prefixes.
        assert!(n < usize::from(NO_PLACE));
        for len in [
            generated::PLACE_KIND.len(),
            generated::PLACE_COUNTRY.len(),
            generated::PLACE_LAT.len() / 2,
            generated::PLACE_LON.len() / 2,
            generated::PLACE_SIZE.len(),
        ] {
            assert_eq!(len, n);
        }
        assert_eq!(forms.len(), generated::PLACE_FORM_TARGET.len());
        assert!(generated::PLACE_FORM_TARGET.iter().all(|&i| usize::from(i) < n));
        assert_eq!(generated::DEMONYMS.len(), generated::DEMONYM_COUNTRY.len());
        assert_eq!(generated::FIRST_NAMES.len(), generated::FIRST_NAME_GENDER.len());
        for l in [
            &generated::NAMED_PLACES,
            &generated::OTHER_PLACES,
            &generated::PLACE_FORMS,
            &generated::DEMONYMS,
            &generated::FIRST_NAMES,
        ] {
            assert_eq!(l.entries().collect::<Vec<_>>(), l.text().split_terminator('\n').collect::<Vec<_>>());
            assert_eq!(l.get(l.len() - 1), l.entries().last().unwrap());
        }
    }

    #[test]
    fn every_form_is_found() {
        for (i, name) in all(&generated::NAMED_PLACES).into_iter().enumerate() {
            assert_eq!(generated::NAMED_PLACES.find(name), Some(i), "{name}");
            // `places::too_many_words` lets short surfaces through on this.
            assert!(name.split(' ').count() <= MAX_PLACE_WORDS, "{name}");
            assert_eq!(place(name).unwrap().name, name);
        }
        for (i, form) in all(&generated::PLACE_FORMS).into_iter().enumerate() {
            let want = place_at(usize::from(generated::PLACE_FORM_TARGET[i]));
            assert_eq!(place(form), Some(want), "{form}");
            assert!(form.split(' ').count() <= MAX_PLACE_WORDS, "{form}");
            assert!(!form.starts_with("the ") && !form.starts_with("The "), "{form}");
        }
        for form in all(&generated::DEMONYMS) {
            assert!(form.split(' ').count() <= MAX_DEMONYM_WORDS, "{form}");
        }
        // Keys before the first entry, after the last, and between two.
        assert_eq!(place(""), None);
        assert_eq!(place("\u{10FFFF}"), None);
        assert_eq!(place("Tehrann"), None);
        assert!(place_prefix("New") && place_prefix("Gaza") && place_prefix("Washington"));
        assert!(!place_prefix("Tehran") && !place_prefix("Xinhua") && !place_prefix("zzz"));
    }

    #[test]
    fn index_agrees_with_search() {
        // Every head of every entry, cut at each char boundary, and with a letter added: the
        // hash look-ups answer as the searches in the sorted lists do.
        let lists = [&generated::NAMED_PLACES, &generated::PLACE_FORMS, &generated::DEMONYMS, &generated::FIRST_NAMES];
        for l in lists {
            for e in all(l) {
                for (p, _) in e.char_indices().chain([(e.len(), ' ')]) {
                    for key in [e[..p].to_string(), format!("{}x", &e[..p])] {
                        assert_eq!(place_prefix(&key), place_prefix_by_search(&key), "{key}");
                        let by_search = generated::NAMED_PLACES.find(&key).or_else(|| {
                            generated::PLACE_FORMS.find(&key).map(|f| usize::from(generated::PLACE_FORM_TARGET[f]))
                        });
                        assert_eq!(place(&key), by_search.map(place_at), "{key}");
                        assert_eq!(demonym_country(&key).is_some(), generated::DEMONYMS.find(&key).is_some(), "{key}");
                        assert_eq!(first_name(&key).is_some(), generated::FIRST_NAMES.find(&key).is_some(), "{key}");
                    }
                }
            }
        }
    }

    #[test]
    fn population_codes() {
        assert_eq!(population(0), 0);
        assert_eq!(population(20), 10);
        assert_eq!(population(140), 10_000_000);
        assert_eq!(population(141), 11_220_000);
        assert!(population(255) > 1_000_000_000);
    }

    #[test]
    fn countries() {
        for form in ["U.S.", "US", "USA", "United States", "America"] {
            let p = place(form).unwrap_or_else(|| panic!("{form}"));
            assert_eq!(
                (p.kind, p.country, p.name),
                (LocationKind::Country, "US", "United States")
            );
        }
        for form in ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"] {
            assert_eq!(place(form).map(|p| p.country), Some("GB"), "{form}");
        }
        assert_eq!(place("DRC").map(|p| p.country), Some("CD"));
        assert_eq!(place("Ivory Coast").map(|p| p.country), Some("CI"));
        assert_eq!(place("Côte d'Ivoire").map(|p| p.country), Some("CI"));
        assert_eq!(place("Côte d’Ivoire").map(|p| p.country), Some("CI"));
        assert_eq!(place("Burma").map(|p| p.country), Some("MM"));
        assert_eq!(place("Myanmar").map(|p| p.country), Some("MM"));
        assert_eq!(place("Netherlands").map(|p| p.name), Some("Netherlands"));
        // A country and a first name: found, and marked.
        for form in ["Jordan", "Georgia", "Chad"] {
            let p = place(form).unwrap();
            assert_eq!(p.kind, LocationKind::Country, "{form}");
            assert_eq!(p.flags & AMBIGUOUS, AMBIGUOUS, "{form}");
        }
        assert_eq!(place("Israel").unwrap().flags, 0);
        assert_eq!(place("Paris").unwrap().flags, 0);
        let ir = place("Iran").unwrap();
        assert!(ir.population > 50_000_000 && ir.population < 150_000_000);
    }

    #[test]
    fn cities_regions_areas() {
        let t = place("Tehran").unwrap();
        assert_eq!((t.kind, t.country), (LocationKind::City, "IR"));
        assert!((t.lat - 35.7).abs() < 0.1 && (t.lon - 51.4).abs() < 0.1);
        assert_eq!(place("West Asia").unwrap().kind, LocationKind::Area);
        assert_eq!(place("Middle East").unwrap().kind, LocationKind::Area);
        let gaza = place("Gaza").unwrap();
        assert_eq!((gaza.name, gaza.country), ("Gaza Strip", "PS"));
        assert_eq!(place("Gaza Strip"), Some(gaza));
        assert_eq!(place("Gaza City").unwrap().kind, LocationKind::City);
        for city in [
            "Rafah",
            "Khan Younis",
            "Khan Yunis",
            "Jenin",
            "Ramallah",
            "Hebron",
        ] {
            assert_eq!(
                place(city).map(|p| (p.kind, p.country)),
                Some((LocationKind::City, "PS")),
                "{city}"
            );
        }
        assert_eq!(place("New York").unwrap().kind, LocationKind::City);
        assert_eq!(place("Ontario").unwrap().kind, LocationKind::Region);
        assert_eq!(place("California").unwrap().country, "US");
        assert_eq!(place("São Paulo").unwrap().name, "São Paulo");
        assert_eq!(place("Sao Paulo").unwrap().name, "São Paulo");
        assert_eq!(place("Kiev").unwrap().name, "Kyiv");
        assert_eq!(place("Red Sea").unwrap().kind, LocationKind::Water);
        // "Washington" may be a surname; "Washington, D.C." may not.
        let w = place("Washington").unwrap();
        let dc = place("Washington, D.C.").unwrap();
        assert_eq!(
            (w.name, w.kind, dc.name),
            ("Washington", LocationKind::City, "Washington")
        );
        assert_eq!((w.flags, dc.flags), (AMBIGUOUS, 0));
        assert_eq!(
            place("Washington state").unwrap().kind,
            LocationKind::Region
        );
        // Common words that name small cities are dropped; well-known ones are kept, marked.
        assert!(place("Mobile").is_none() && place("Reading").is_none());
        assert_eq!(place("Nice").unwrap().flags, AMBIGUOUS);
        assert_eq!(place("Phoenix").unwrap().flags, AMBIGUOUS);
    }

    #[test]
    fn not_places() {
        for w in [
            "Iranian", "Xinhua", "Muslim", "Arab", "Of", "The", "He", "Reuters", "iran",
        ] {
            assert!(place(w).is_none(), "{w}");
        }
    }

    #[test]
    fn demonyms() {
        assert_eq!(demonym_country("Iranian"), Some("IR"));
        assert_eq!(demonym_country("Iranians"), Some("IR"));
        assert_eq!(demonym_country("Syrian"), Some("SY"));
        assert_eq!(demonym_country("Qatari"), Some("QA"));
        assert_eq!(demonym_country("American"), Some("US"));
        assert_eq!(demonym_country("Americans"), Some("US"));
        assert_eq!(demonym_country("British"), Some("GB"));
        assert_eq!(demonym_country("South Korean"), Some("KR"));
        assert_eq!(demonym_country("Congolese"), Some("CD"));
        assert_eq!(demonym_country("Arab"), None);
        assert_eq!(demonym_country("Muslim"), None);
        assert_eq!(country_demonym("QA"), Some("Qatari"));
        assert_eq!(country_demonym("AE"), Some("Emirati"));
        assert_eq!(country_demonym("US"), Some("American"));
        assert_eq!(country_demonym("AQ"), None);
        // Every adjective leads back to a country (itself, or a more populous namesake).
        for c in 0..generated::COUNTRY_CODES.len() / 2 {
            let iso = country_code(c as u8);
            if let Some(adj) = country_demonym(iso) {
                assert!(demonym_country(adj).is_some(), "{iso} {adj}");
            }
        }
    }

    #[test]
    fn first_names() {
        assert_eq!(first_name("Maria"), Some(Gender::Female));
        assert_eq!(first_name("John"), Some(Gender::Male));
        assert_eq!(first_name("Masoud"), Some(Gender::Male));
        assert_eq!(first_name("Leslie"), Some(Gender::Either));
        assert_eq!(first_name("Jean-Luc"), Some(Gender::Male));
        assert_eq!(first_name("Xinhua"), None);
        assert_eq!(first_name("maria"), None);
    }
}
