//! The result model: what one analysis of one text says (entities, quotes, locations).
//!
//! Every span is a byte range into the analysed `&str`, always on char boundaries. The edges
//! convert: the wasm layer to UTF-16 code units, the CLI to code points (see `offsets.rs`).

use serde::Serialize;

/// A half-open byte range `[start, end)` into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length span.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside `self` (ends included).
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Sorts `v` stably by `key`, pairs compared in order. For descending order of a part, give
/// [`desc`] of it. Every sort of the crate goes through here, so the wasm holds one copy of the
/// sorting code: a stable sort per element type was a sixth of the module's code. Sorting the
/// keys with each item's index is a stable sort of the items.
pub(crate) fn sort_by_keys<T>(v: &mut Vec<T>, key: impl Fn(&T) -> (usize, usize)) {
    // Most lists come in order already (an entity's mentions, the quotes of a text), and a
    // stable sort leaves those as they are: no need for the two allocations below.
    if v.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut order: Vec<(usize, usize, usize)> = v
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let (a, b) = key(x);
            (a, b, i)
        })
        .collect();
    sort_triples(&mut order);
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    // Each index appears once in `order`, so every item is taken exactly once.
    v.extend(order.iter().filter_map(|&(_, _, i)| items[i].take()));
}

/// Sorts triples in ascending order: the crate's one sorting routine. A bottom-up merge sort
/// over runs that an insertion sort put in order first: O(n log n) with sequential reads (the
/// hostile inputs of `examples/linearity.rs` sort tens of thousands of items, past the
/// caches), and about a tenth of the wasm code of `sort_unstable`'s pattern-defeating
/// quicksort and its small-sort networks (5.7 KB, the largest part of std the module held).
pub(crate) fn sort_triples(v: &mut [(usize, usize, usize)]) {
    // Runs this long are sorted in place first (Sedgewick's cut-off for small subarrays,
    // "Algorithms", 4th ed., 2.2): fewer merge passes, and each run is cheap to sort.
    const RUN: usize = 16;
    let n = v.len();
    for run in v.chunks_mut(RUN) {
        for i in 1..run.len() {
            let x = run[i];
            let mut j = i;
            while j > 0 && run[j - 1] > x {
                run[j] = run[j - 1];
                j -= 1;
            }
            run[j] = x;
        }
    }
    if n <= RUN {
        return;
    }
    let mut src = v.to_vec();
    let mut dst = src.clone();
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for out in &mut dst[start..end] {
                // The left run's item first among equals: stable.
                if j >= end || (i < mid && src[i] <= src[j]) {
                    *out = src[i];
                    i += 1;
                } else {
                    *out = src[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    v.copy_from_slice(&src);
}

/// A key part that [`sort_by_keys`] orders from large to small.
pub(crate) const fn desc(x: usize) -> usize {
    usize::MAX - x
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A named person ("Masoud Pezeshkian").
    Person,
    /// A named organisation ("Xinhua news agency", "the White House").
    Organization,
    /// An unnamed group of people ("officials", "analysts").
    Group,
    /// A source we cannot place in the other kinds ("a spokesman", "sources").
    Unknown,
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A proper name, possibly with a title in front ("Syrian President Bashar al-Assad").
    Name,
    /// A shortened name: surname or the part of a name used alone ("Pezeshkian", "al-Assad").
    ShortName,
    /// A role or title standing for a person named elsewhere ("the Syrian President").
    Title,
    /// A personal pronoun ("he", "she", "they").
    Pronoun,
    /// A common noun phrase ("officials", "a spokesman").
    Nominal,
}

/// One place in the text where an entity is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Where the mention is.
    #[serde(flatten)]
    pub span: Span,
    /// How it refers.
    pub kind: MentionKind,
}

/// Someone or something that is mentioned and may speak. One entity = one colour.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Index of this entity in [`Analysis::entities`].
    pub id: usize,
    /// Canonical name: the longest proper name seen, without its title.
    pub name: String,
    /// Person, organisation, group or unknown.
    pub kind: EntityKind,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// The kind of a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words in quotation marks, spoken or written by someone.
    Direct,
    /// Reported speech: "X said (that) ...", "according to X, ...".
    Indirect,
    /// A reported clause holding quoted words: called the plan "a disaster".
    Mixed,
    /// Words in quotation marks that nobody is said to speak (scare quotes, titles).
    Scare,
}

/// A quotation or a piece of reported speech.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The content: for a direct quote, from the opening to the closing mark included; for
    /// reported speech, the reported clause.
    #[serde(flatten)]
    pub span: Span,
    /// Direct, indirect, mixed or scare.
    pub kind: QuoteKind,
    /// The entity that speaks, as an index into [`Analysis::entities`].
    pub speaker: Option<usize>,
    /// The mention that names the speaker for this quote ("he" in `"...," he said`).
    pub speaker_mention: Option<Span>,
    /// The cue: the verb or phrase that introduces the speech ("said", "according to").
    pub cue: Option<Span>,
    /// For the second and later parts of an interrupted quote (`"A," he said, "B."`): the index
    /// in [`Analysis::quotes`] of the part before.
    pub continues: Option<usize>,
}

/// The kind of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationKind {
    /// A sovereign state or a dependent territory.
    Country,
    /// A first-level subdivision: a state, province or region of a country.
    Region,
    /// A city or town.
    City,
    /// A continent or world region ("West Asia", "the Middle East").
    Area,
    /// A sea, ocean, gulf, lake or river.
    Water,
}

/// A place mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    /// Where the place name is.
    #[serde(flatten)]
    pub span: Span,
    /// Canonical name ("United States" for "U.S.").
    pub name: String,
    /// Country, region, city, area or water.
    pub kind: LocationKind,
    /// ISO 3166-1 alpha-2 code of the country it lies in, where there is one.
    pub country: Option<String>,
    /// Latitude in degrees, where known.
    ///
    /// (An `f64`, though the tables keep a sixty-fourth of a degree: serde_json writes it as
    /// the shortest text that reads back as the same double, so the wasm can hand JavaScript
    /// the double's bits and get the number `JSON.parse` makes, without a float formatter.)
    pub lat: Option<f64>,
    /// Longitude in degrees, where known.
    pub lon: Option<f64>,
    /// True for the place in the article's dateline ("TEHRAN, Dec 3 -").
    pub dateline: bool,
    /// The whole noun phrase that names the place, where it is longer than the name: a
    /// lowercase modifier ("southern Finland", "downtown Tulsa") or the larger places that say
    /// where it is ("Cambridge, Massachusetts", "Randers in Jutland"). Places stay disjoint by
    /// `span`; phrases may contain other places ("Massachusetts"), as the annotated corpora
    /// (GUM, OntoNotes) nest them.
    pub phrase: Option<Span>,
}

/// The analysis of one text: every field is sorted by span start.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Analysis {
    /// People, organisations and groups, in order of first mention.
    pub entities: Vec<Entity>,
    /// Direct quotes and reported speech, in text order.
    pub quotes: Vec<Quote>,
    /// Places, in text order.
    pub locations: Vec<Location>,
}

/// Test data: a number generator that gives numbers below the bound it is asked with, the
/// same sequence for the same seed. A linear congruential generator (Knuth's MMIX constants):
/// no crate for test data.
#[cfg(test)]
pub(crate) fn test_numbers(mut seed: u64) -> impl FnMut(u64) -> usize {
    move |m| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) % m) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::{sort_by_keys, sort_triples, test_numbers};

    /// Lists of many lengths (around the run length and its powers of two), with many equal
    /// keys, sorted as std's sort sorts them.
    #[test]
    fn sort_triples_sorts_as_std_does() {
        let mut next = test_numbers(0x2545_f491_4f6c_dd1d);
        for n in (0..70).chain([127, 128, 129, 255, 256, 257, 1000, 4097]) {
            for range in [2, 10, 1_000_000] {
                let v: Vec<(usize, usize, usize)> = (0..n).map(|_| (next(range), next(range), next(3))).collect();
                let mut ours = v.clone();
                sort_triples(&mut ours);
                let mut std = v;
                std.sort();
                assert_eq!(ours, std, "n {n}, keys below {range}");
            }
        }
    }

    #[test]
    fn sort_by_keys_is_stable() {
        let mut v: Vec<(usize, char)> = "dbacabdcab".chars().enumerate().map(|(i, c)| (i, c)).collect();
        sort_by_keys(&mut v, |&(_, c)| (c as usize, 0));
        let order: Vec<usize> = v.iter().map(|&(i, _)| i).collect();
        assert_eq!(order, [2, 4, 8, 1, 5, 9, 3, 7, 0, 6]);
    }
}
