//! Places: gazetteer look-up over capitalised token runs, names shaped like places ("Piedmont
//! Avenue", "Lake Merritt"), unknown names in a place's position ("in Coron", "Eureka Springs,
//! Arkansas"), and one sense per document; minus what is part of a person's name; plus the
//! dateline at the head of the article.
//!
//! The passes, in order:
//!
//! 1. **Gazetteer**: the longest form of `tables::place` at each capitalised word. A form that is
//!    also a common word or name (AMBIGUOUS: "Jordan", "Virginia", "Phoenix") needs support,
//!    see 5.
//! 2. **Shape**: a capitalised run that ends in a place noun ("Jack London Square", "Ross Ice
//!    Shelf", "Cleveland Museum of Art") or starts with one ("Lake Erie", "Fort Lee", "Bay of
//!    Bengal"). The classic internal evidence of named-entity grammars (McDonald 1996, "Internal
//!    and external evidence in the identification and semantic categorization of proper names";
//!    Mikheev, Moens and Grover 1999, "Named entity recognition without gazetteers").
//! 3. **Context**: an unknown name after a locative preposition ("in Coron", "from Napier"),
//!    after "the city of", before ", Arkansas", or in a list next to a place (Mikheev et al.'s
//!    external evidence).
//! 4. **One sense per discourse** (Gale, Church and Yarowsky 1992): a name found as a place by
//!    1-3 is a place wherever else the document uses it ("Fort Lee", "Coron"), also inside a
//!    longer name ("Fort Lee Historic Park").
//! 5. **Ambiguous forms** are places when some use in the document has support (a locative
//!    before it, a region after it, a place next to it in a list), or when the document never
//!    uses the word as part of a person's name and it does not speak ("Jordan said").
//!
//! Places nest as the annotated news corpora nest them: "Cambridge, Massachusetts" and
//! "Massachusetts"; "Phoenix Sky Harbor International Airport" and "Phoenix"; "Helsinki" in
//! "the University of Helsinki". A place inside a person's name is none ("Paris Hilton").

use rustc_hash::FxHashMap as HashMap;

use crate::doc::{Doc, TokenSet};
use crate::lexicon::{self, has, one_of, words, Words};
use crate::model::{Location, LocationKind, Span};
use crate::names::{is_common_cap, strip_possessive, NameClass, NameMention, Vocab};
use crate::tables::{self, Place, AMBIGUOUS};
use crate::text::{strip_dot, with_lowercase, Tk};
use crate::wordtable::WordTable;

/// Words before a name that make the place reading safe ("in Jordan"), sorted.
pub(crate) const LOCATIVES: Words = words![
    "across", "around", "at", "beyond", "from", "in", "inside", "into", "near", "outside",
    "through", "throughout", "toward", "towards", "via", "visit", "visited", "visiting", "within",
];

/// Verbs and nouns of motion before "to": "moved to Boston", "flights to Napier", sorted.
pub(crate) const MOTION: Words = words![
    "access", "adjacent", "arrived", "back", "bus", "close", "come", "coming", "drive", "drove",
    "emigrated", "ferry", "flew", "flight", "flights", "fly", "flying", "go", "goes", "going",
    "gone", "headed", "heading", "immigrated", "journey", "move", "moved", "moving", "next",
    "relocated", "return", "returned", "returning", "road", "route", "sail", "sailed", "train",
    "travel", "traveled", "traveling", "travelled", "travelling", "trip", "trips", "went",
];

/// Nouns before "of" that make the name after it a place: "the city of Coron", "Governor of
/// Virginia", "the north of England", sorted.
/// Battles, sieges, borders and deserts are named after places too ("the Siege of Savannah",
/// "the border of Dalmatia", "the desert of Chalcis"); so are the titles of nobles ("2nd Earl of
/// Clare") and universities ("the University of Pisa").
pub(crate) const PLACE_OF: Words = words![
    "area", "baron", "battle", "border", "borders", "capital", "center", "centre", "cities",
    "citizens", "city", "coast", "count", "counties", "county", "desert", "districts", "duke",
    "earl", "east", "emperor", "empress", "governor", "heart", "island", "islands", "king",
    "kingdom", "mayor", "municipality", "north", "outskirts", "part", "people", "port",
    "province", "queen", "region", "republic", "residents", "shore", "shores", "siege", "south",
    "state", "suburb", "suburbs", "territory", "town", "towns", "university", "village",
    "villages", "west",
];

/// Nouns of PLACE_OF that always name a place's kind ("the island of X", "the town of X"), not a
/// part or the people of something ("part of Obama's plan"), sorted.
pub(crate) const PLACE_KIND_OF: Words = words![
    "capital", "cities", "city", "counties", "county", "district", "districts", "island",
    "islands", "kingdom", "municipality", "port", "province", "region", "republic", "suburb",
    "suburbs", "territory", "town", "towns", "village", "villages",
];

/// "the island of X", "the town of X": the word before "of" names a place's kind, so X is a
/// place, not a person.
pub(crate) fn is_place_kind_of(lower: &str) -> bool {
    lexicon::listed(lower, lexicon::PLACE_KIND)
}

/// Nouns that say what a name is in "X is a city", "X is a small island", "X was the capital",
/// sorted: a predicate noun of a place (Mikheev, Moens and Grover's external evidence).
pub(crate) const PLACE_PREDICATES: Words = words![
    "archipelago", "capital", "city", "country", "destination", "district", "island", "islands",
    "municipality", "nation", "neighborhood", "neighbourhood", "port", "province", "region",
    "suburb", "town", "village",
];

/// Last words that make a capitalised run a place: streets, buildings, landforms, waters and
/// administrative units ("Piedmont Avenue", "Shah Mosque", "Ross Sea", "Bergen County"), sorted.
/// Lowercase, without a final dot.
pub(crate) const HEADS_LAST: Words = words![
    "abbey", "airport", "alley", "arena", "ave", "avenue", "base", "basilica", "basin", "bay",
    "beach", "blvd", "boulevard", "bridge", "building", "canal", "canyon", "castle", "cathedral", "cemetery",
    "center", "centre", "chapel", "coast", "county", "cove", "creek", "crossing", "dam", "desert",
    "district", "expressway", "falls", "fjord", "forest", "fort", "freeway", "gardens", "glacier",
    "gulf", "harbor", "harbour", "heights", "highway", "hill", "hills", "hotel", "island",
    "islands", "isle", "isles", "lagoon", "lake", "lane", "lodge", "mall", "market", "monastery",
    "monument", "mosque", "mountain", "mountains", "museum", "oasis", "ocean", "palace", "park",
    "parkway", "peninsula", "pier", "place", "plateau", "plaza", "prefecture", "province", "quarter",
    "reef", "reserve", "reservoir", "ridge", "river", "road", "sea", "shelf", "shrine", "square",
    "stadium", "station", "strait", "street", "synagogue", "temple", "terminal", "terrace",
    "territory", "theater", "theatre", "tower", "township", "trail", "tunnel", "turnpike",
    "valley", "village", "volcano", "wharf", "zoo",
];

/// First words that make a capitalised run a place: "Lake Merritt", "Fort Lee", "Mount
/// Everest", "Gulf of Mexico", "Wat Arun", sorted. Lowercase, without a final dot.
pub(crate) const HEADS_FIRST: Words = words![
    "bay", "cape", "city", "fort", "gulf", "isla", "isle", "kibbutz", "lac", "lago", "lake",
    "masjed", "masjid", "mont", "monte", "mount", "mt", "municipality", "paseo", "piazza", "plac",
    "port", "province", "rue", "sea", "strait", "wat",
];

/// Heads of street names, sorted.
pub(crate) const STREETS: Words = words![
    "alley", "ave", "avenue", "blvd", "boulevard", "drive", "expressway", "freeway", "highway",
    "lane", "parkway", "place", "road", "street", "terrace", "trail", "turnpike",
];

/// Heads that are also surnames: "Sally Field" and "Lauryn Hill" are people when a first name
/// comes before the head alone, and so are "Michael Bay", "Nick Castle", "Tom Ridge" and
/// "Shirley Temple" (with "ridge" a strong head, "Tom Ridge said" was no one, and "Tom Ridge,
/// the former governor" a place).
pub(crate) const WEAK_HEADS: Words = words!["bay", "beach", "castle", "field", "forest", "hill", "hills", "lake", "lane", "park", "ridge", "street", "temple", "wood"];

/// A head that is also a surname ("Field", "Hill").
pub(crate) fn is_weak_head(word: &str) -> bool {
    with_lowercase(strip_possessive(word), |w| lexicon::listed(w, lexicon::WEAK_HEAD))
}

/// Heads after which a number belongs to the name: "Terminal 1", "Building 31".
pub(crate) const NUMBERED: Words = words!["building", "gate", "pier", "route", "school", "terminal"];

/// Lowercase words that may stand inside a place name between capitalised words.
pub(crate) const CONNECTORS: Words = words![
    "and", "da", "das", "de", "del", "della", "der", "des", "di", "do", "dos", "du", "e", "el",
    "la", "le", "les", "of", "the", "van", "von", "y",
];

/// Words that a name in a place's position is not: months, days, languages, religions,
/// sorted. (Demonyms come from the tables.)
pub(crate) const NOT_PLACES: Words = words![
    "ad", "april", "arabic", "august", "bc", "bce", "bible", "buddhism", "buddhist", "catholic",
    "catholicism", "ce", "christ", "christian", "christianity", "christmas", "december", "divine",
    "easter", "english", "february", "friday", "god", "gospel", "hebrew", "hindu", "hinduism", "islam",
    "islamic", "january", "jesus", "jewish", "judaism", "july", "june", "latin", "march", "may",
    "monday", "muslim", "november", "october", "orthodox", "persian", "protestant", "ramadan",
    "sanskrit", "saturday", "september", "shia", "shiite", "sunday", "sunni", "thursday",
    "tuesday", "wednesday", "yiddish",
];

/// A word that is no name of a place or a person: a month, a day, a language, a religion.
pub(crate) fn is_not_name_word(lower: &str) -> bool {
    lexicon::listed(lower, lexicon::NOT_PLACE)
}

/// A last word of names of events, works and organisations: "Olympic Games", "Vietnam War".
pub(crate) fn is_event_head(lower: &str) -> bool {
    lexicon::listed(lower, lexicon::NOT_PLACE_HEAD | lexicon::ORG_HEAD)
}

/// Last words of names that are organisations, events or works, not places, besides
/// `lexicon::ORG_HEADS`: "Harvard University", "Olympic Games", "Vietnam War", sorted.
pub(crate) const NOT_PLACE_HEADS: Words = words![
    "award", "awards", "cup", "festival", "games", "olympics", "paralympic", "paralympics",
    "prize", "school",
    "times", "university", "war", "wars",
];

/// Capitalised words before a place's name that make a part of it: "North Oakland", "Upper
/// Manhattan", "Greater Phoenix", "Old Athens", sorted.
pub(crate) const PARTS: Words = words![
    "Central", "East", "Eastern", "Greater", "Inner", "Lower", "Mid", "Middle", "North",
    "Northeast", "Northeastern", "Northern", "Northwest", "Northwestern", "Old", "Outer", "South",
    "Southeast", "Southeastern", "Southern", "Southwest", "Southwestern", "Upper", "West",
    "Western",
];

/// Regions named by a compass word after "the" and a locative: "in the South", "to the West",
/// sorted.
pub(crate) const COMPASS: Words = words![
    "East", "Midwest", "North", "Northeast", "Northwest", "South", "Southeast", "Southwest",
    "West",
];

/// US state abbreviations after a comma: postal codes and the AP's ("Bartlesville, OK",
/// "Minneapolis, Minn."), with the state they stand for. AP Stylebook, "state names". One
/// `abbreviation: state` a line, in byte order of the abbreviations (a test checks).
const US_STATES: &str = "\
AK: Alaska
AL: Alabama
AR: Arkansas
AZ: Arizona
Ala.: Alabama
Ariz.: Arizona
Ark.: Arkansas
CA: California
CO: Colorado
CT: Connecticut
Calif.: California
Colo.: Colorado
Conn.: Connecticut
DE: Delaware
Del.: Delaware
FL: Florida
Fla.: Florida
GA: Georgia
Ga.: Georgia
HI: Hawaii
IA: Iowa
ID: Idaho
IL: Illinois
IN: Indiana
Ill.: Illinois
Ind.: Indiana
KS: Kansas
KY: Kentucky
Kan.: Kansas
Ky.: Kentucky
LA: Louisiana
La.: Louisiana
MA: Massachusetts
MD: Maryland
ME: Maine
MI: Michigan
MN: Minnesota
MO: Missouri
MS: Mississippi
MT: Montana
Mass.: Massachusetts
Md.: Maryland
Mich.: Michigan
Minn.: Minnesota
Miss.: Mississippi
Mo.: Missouri
Mont.: Montana
N.C.: North Carolina
N.D.: North Dakota
N.H.: New Hampshire
N.J.: New Jersey
N.M.: New Mexico
N.Y.: New York
NC: North Carolina
ND: North Dakota
NE: Nebraska
NH: New Hampshire
NJ: New Jersey
NM: New Mexico
NV: Nevada
NY: New York
Neb.: Nebraska
Nev.: Nevada
OH: Ohio
OK: Oklahoma
OR: Oregon
Okla.: Oklahoma
Ore.: Oregon
PA: Pennsylvania
Pa.: Pennsylvania
R.I.: Rhode Island
RI: Rhode Island
S.C.: South Carolina
S.D.: South Dakota
SC: South Carolina
SD: South Dakota
TN: Tennessee
TX: Texas
Tenn.: Tennessee
Tex.: Texas
UT: Utah
VA: Virginia
VT: Vermont
Va.: Virginia
Vt.: Vermont
W.Va.: West Virginia
WA: Washington
WI: Wisconsin
WV: West Virginia
WY: Wyoming
Wash.: Washington
Wis.: Wisconsin
Wyo.: Wyoming
";

/// The state that an abbreviation after a comma stands for.
pub(crate) fn us_state(abbr: &str) -> Option<Place> {
    // By the lexicon's byte loop, not `str::cmp`, whose memcmp call costs more than these
    // short abbreviations (asked after most commas).
    // Every abbreviation is two letters or ends in a dot (a test checks): most words after a
    // comma leave here, before the search (a thousand instructions each).
    if abbr.len() != 2 && !abbr.ends_with('.') {
        return None;
    }
    let name = lexicon::keyed(US_STATES, abbr, "")?;
    // The states named like a country or a city have forms of their own.
    let name = match name {
        "Washington" => "Washington state",
        "Georgia" => "Georgia state",
        "New York" => "New York state",
        n => n,
    };
    tables::place(name).filter(|p| p.kind == LocationKind::Region)
}

/// The US state that the word at token `k` abbreviates ("CA", "Minn."), and the abbreviation's
/// last token (its dot, which the tokenizer leaves outside the word, when the abbreviation has
/// one).
fn state_at(doc: &Doc, k: usize) -> Option<(Place, usize)> {
    let with_dot = doc.is_punct(k + 1, '.') && !doc.toks[k + 1].space_before;
    // The word and its dot on the stack (no abbreviation is as long as the buffer), not
    // `format!`, the only formatting call of the analysis, whose machinery the wasm then
    // carries, nor a String for each word after a comma.
    let w = doc.tok(k);
    let mut buf = [0u8; 8];
    let abbr = match buf.get_mut(..w.len() + 1) {
        Some(b) if with_dot => {
            b[..w.len()].copy_from_slice(w.as_bytes());
            b[w.len()] = b'.';
            std::str::from_utf8(b).unwrap_or("")
        }
        // Too long for any abbreviation with its dot: none.
        _ if with_dot => "",
        _ => w,
    };
    match us_state(abbr) {
        Some(p) => Some((p, if with_dot { k + 1 } else { k })),
        None if with_dot => us_state(w).map(|p| (p, k)),
        None => None,
    }
}

/// Words after a name that a person does, not a place: "Pachomius refused", "Galois himself",
/// sorted. (Speech cues count too.)
const PERSON_VERBS: Words = words![
    "agreed", "asked", "believed", "decided", "died", "felt", "gave", "herself", "himself",
    "knew", "married", "met", "refused", "replied", "studied", "taught", "thought", "wanted",
    "wrote",
];

/// Tokens in the longest capitalised run considered as one name.
const MAX_RUN: usize = 24;

/// How far into the first paragraph a dateline may start, in tokens: room for a byline or a
/// date before "TEHRAN, Dec 3 -".
const DATELINE_WINDOW: usize = 12;

/// The word at `i`, lowercase, without a final dot ("St." -> "st"). Smaller than a call,
/// which it was even in the LTO build, 18,000 times on the profile sample.
#[inline]
fn bare_lower<'d>(doc: &'d Doc, i: usize) -> &'d str {
    let w = doc.lower(i);
    strip_dot(w)
}

#[inline]
fn is_connector(doc: &Doc, i: usize) -> bool {
    // `has(CONNECTORS, doc.tok(i))` by the class bit of its lowercase: the entries are
    // lowercase, so the word must be its own lowercase.
    doc.is_word(i) && doc.in_class(i, lexicon::CONNECTOR) && doc.tok(i) == doc.lower(i) || doc.is_punct(i, '&')
}

/// `has(list, bare_lower(doc, k))` for a list of lexicon class `bit`: the bit, which `Doc::new`
/// looked up once, when the word has no final dot (bare_lower is then `Doc::lower`); the
/// search otherwise.
fn bare_has(doc: &Doc, k: usize, list: Words, bit: u64) -> bool {
    let w = doc.lower(k);
    let bare = strip_dot(w);
    if bare.len() == w.len() {
        doc.in_class(k, bit)
    } else {
        has(list, bare)
    }
}

/// [`is_place_first_word`] of token `k`, from its class bit where its lowercase is ASCII (then
/// lowercasing it again changes nothing).
pub(crate) fn is_place_first_at(doc: &Doc, k: usize) -> bool {
    let w = doc.lower(k);
    if w.is_ascii() {
        bare_has(doc, k, HEADS_FIRST, lexicon::HEAD_FIRST)
    } else {
        is_place_first_word(w)
    }
}

/// "and", "&": a connector only inside a name with a plural head ("Salt and Verde Rivers");
/// elsewhere it joins two names ("Edgewater and Weehawken").
fn is_and(doc: &Doc, i: usize) -> bool {
    doc.tok_is(i, "and") || doc.is_punct(i, '&')
}

/// Plural heads, after which "and" may stand inside the name.
pub(crate) const PLURAL_HEADS: Words = words!["falls", "gardens", "heights", "hills", "islands", "isles", "lakes", "mountains", "rivers"];

/// A word that starts a place-shaped name ("Fort", "Lake", "Mount"): such a word at a
/// sentence start is not a common word capitalised when a name follows ("Fort Lee is ...").
pub(crate) fn is_place_first_word(word: &str) -> bool {
    // Lowercased on the stack: callers pass capitalised words as often as Doc::lower's, and a
    // String for each was most of the cost.
    with_lowercase(word, |w| lexicon::listed(strip_dot(w), lexicon::HEAD_FIRST))
}

/// A word that ends a place-shaped name ("Square", "Bridge", "Airport").
pub(crate) fn is_place_head(word: &str) -> bool {
    with_lowercase(strip_possessive(word), is_lower_place_head)
}

/// [`is_place_head`] of token `i`, from its [`Doc::lower_bare`] (the same lowercase of the
/// word without a possessive), lowercased once by `Doc::new` rather than again on the stack.
pub(crate) fn is_place_head_at(doc: &Doc, i: usize) -> bool {
    is_lower_place_head(&doc.lower_bare(i))
}

/// [`is_place_head`] of a word already lowercase and without a possessive ending.
pub(crate) fn is_lower_place_head(w: &str) -> bool {
    let bare = strip_dot(w);
    // One probe for both lists when there is no dot to drop.
    if bare.len() == w.len() {
        lexicon::listed(w, lexicon::HEAD_LAST | lexicon::PLURAL_HEAD)
    } else {
        lexicon::listed(bare, lexicon::HEAD_LAST) || lexicon::listed(w, lexicon::PLURAL_HEAD)
    }
}

/// How a place was found: the gazetteer, the shape of its name, or its context.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Source {
    Gazetteer,
    Shape,
    Context,
    Discourse,
}

/// A place found, before the result model.
#[derive(Clone, Debug)]
struct Found {
    first: usize,
    last: usize,
    span: Span,
    place: Option<Place>,
    /// The canonical name of a place the tables don't know.
    name: String,
    kind: LocationKind,
    /// The country of a place the tables don't know, from the region after it.
    country: Option<&'static str>,
    source: Source,
}

struct Finder<'d, 'a> {
    doc: &'d Doc<'a>,
    vocab: &'d Vocab<'a>,
    /// Tokens inside a person's name ("Paris" in "Paris Hilton").
    person: Vec<bool>,
    /// Lowercase words of the persons' names: a place form among them may be the person. A
    /// map to nothing (0), as `supported` below: a set of its own was one more copy of the
    /// hash table's code in the wasm (about 1 KB of its gzip size), for a few words a text.
    person_words: HashMap<String, usize>,
    found: Vec<Found>,
    /// Token -> a place starts here (index into `found`), for the list and discourse passes.
    covered: Vec<bool>,
    /// The unknown runs, once computed: (first, last, [`Finder::plausible`] of the run, asked
    /// when a pass would take it: `ASK`, `YES` or `NO`). Most runs have no place's context, and
    /// judging every run first was 8% of this module's work (1.3% of all).
    runs: Option<Vec<(usize, usize, usize)>>,
    /// The tokens where pass 1 took a run, in text order, with [`Finder::run_end`] and
    /// [`Finder::skip_leading`] of each (`usize::MAX` where not asked), which the unknown runs
    /// ask again of the same tokens (0.8% of the 40-text profile when computed twice). A list,
    /// not a pair for every token: zeroing that table for each text cost half as much again.
    leading: Vec<(usize, usize, usize)>,
    /// Words right before "University", "College", "School", "Institute", "Academy".
    institutions: WordTable<'a, ()>,
    /// Tokens inside an organisation's name that start no place (see `find_places`).
    in_org: TokenSet,
    /// Firms' names of one word that are places' names too ("the carmaker Toyota"): no place,
    /// not even as another use of a place's name found elsewhere ("its plant in Toyota, Aichi").
    lone_org: TokenSet,
}

/// `vocab` is [`crate::names::lowercase_vocabulary`] of `doc`, made once by the caller.
pub(crate) fn find_places<'d, 'a>(doc: &'d Doc<'a>, names: &[NameMention], vocab: &'d Vocab<'a>) -> Vec<Location> {
    let n = doc.toks.len();
    let mut person = vec![false; n];
    // Sized for a word per mention: growing it rehashed it several times.
    let mut person_words = HashMap::with_capacity_and_hasher(names.len(), Default::default());
    let mut in_org = TokenSet::with_len(n);
    let mut lone_org = TokenSet::with_len(n);
    for m in names {
        // Inside an organisation's name, a word after another capitalised word is part of the
        // name and starts no place ("Morgan Stanley" is no town in the Falklands). A place that
        // opens the name, follows "of" or goes on from a word before stays one ("Texas
        // Instruments", "Bank of England", "the Soviet Union").
        if m.class == NameClass::Org {
            // One word that the gazetteer has: only `classify_run`'s firm noun makes that an
            // organisation (the other passes leave places alone).
            if m.first == m.last && lookup(strip_possessive(doc.tok(m.first))).is_some() {
                lone_org.insert(m.first);
            }
            for k in m.first + 1..=m.last {
                if doc.is_cap(k - 1) && doc.is_cap(k) {
                    in_org.insert(k);
                }
                // The plural before a possessive's apostrophe inside the name is the name's
                // ("the Ramblers' Association"), no place.
                if doc.is_punct(k, '\'') || doc.is_punct(k, '’') {
                    in_org.insert(k - 1);
                }
            }
            continue;
        }
        let speaks = m.class == NameClass::Unknown && speaks_at(doc, m.last) && !after_in(doc, m.first);
        if m.class == NameClass::Person || speaks {
            for p in person.iter_mut().take(m.last + 1).skip(m.name_first) {
                *p = true;
            }
            for k in m.name_first..=m.last {
                // A String only for a word not there yet: a person's words come back with each
                // mention of them.
                if doc.is_word(k) {
                    let w = doc.lower_bare(k);
                    if !person_words.contains_key(&*w) {
                        person_words.insert(w.into_owned(), 0);
                    }
                }
            }
        }
    }
    let mut f = Finder { doc, vocab, person, in_org, lone_org, person_words, found: Vec::new(), covered: vec![false; n], runs: None, leading: Vec::with_capacity(n / 4), institutions: WordTable::with_capacity(8) };
    for k in 1..n {
        // The five words are `lexicon::ORG_HEADS`: the class bit turns away the other words
        // without comparing strings (asked of every token: 0.16% of all the work), where no
        // final dot is to be dropped first.
        if !doc.in_class(k, lexicon::ORG_HEAD) && !doc.lower(k).ends_with('.') {
            continue;
        }
        if doc.is_word(k - 1) && doc.is_word(k) && matches!(bare_lower(doc, k), "university" | "college" | "school" | "institute" | "academy") {
            f.institutions.entry_or_insert_with(doc.tok(k - 1), |_| ());
        }
    }
    f.gazetteer_and_shape();
    f.roads();
    f.context();
    f.state_abbreviations();
    f.lists();
    f.person_votes();
    f.resolve_ambiguous();
    f.discourse();
    f.compounds();
    f.namesakes();
    f.administrative_areas();
    // Disjoint, in text order: of places that overlap, the longer one ("Phoenix Sky Harbor
    // International Airport", not the "Phoenix" inside it).
    // Sorted and thinned before they become Locations: their tokens go along (`phrases` and
    // `mark_dateline` searched the tokens for each span's), and the places dropped make no
    // Strings.
    crate::model::sort_by_keys(&mut f.found, |x| (x.span.start, crate::model::desc(x.span.end)));
    let mut end = 0;
    f.found.retain(|x| {
        let keep = x.span.start >= end && !media_name(doc, x);
        if keep {
            end = x.span.end;
        }
        keep
    });
    let toks: Vec<(usize, usize)> = f.found.iter().map(|x| (x.first, x.last)).collect();
    let mut out: Vec<Location> = f
        .found
        .into_iter()
        .map(|x| match x.place {
            Some(p) => Location {
                span: x.span,
                name: if x.name.is_empty() { p.name.to_string() } else { x.name },
                kind: x.kind,
                country: (!p.country.is_empty()).then(|| p.country.to_string()),
                lat: Some(f64::from(p.lat)),
                lon: Some(f64::from(p.lon)),
                dateline: false,
                phrase: None,
            },
            None => Location {
                span: x.span,
                name: x.name,
                kind: x.kind,
                country: x.country.map(str::to_string),
                lat: None,
                lon: None,
                dateline: false,
                phrase: None,
            },
        })
        .collect();
    mark_dateline(doc, &mut out, toks.first().map_or(0, |t| t.0));
    phrases(doc, &mut out, &toks);
    out
}

/// "France Inter radio", "France 24 television": a place's name that goes on with one more
/// capitalised word or a number, then a lowercase noun for a broadcaster or paper, starts the
/// broadcaster's name: no place. Out of line: asked of each place, true for few.
#[inline(never)]
fn media_name(doc: &Doc, f: &Found) -> bool {
    let (k, m) = (f.last + 1, f.last + 2);
    m < doc.toks.len()
        && doc.toks[k].breaks_before == 0
        && doc.toks[m].breaks_before == 0
        && (doc.is_cap(k) || doc.toks[k].kind == crate::text::Tk::Number)
        // Not "Britain's ITV television", "a US Spanish-language channel": there the place is
        // a place.
        && doc.tok(f.last).len() == strip_possessive(doc.tok(f.last)).len()
        && !doc.tok(k).bytes().any(|b| b == b'-')
        && crate::tables::demonym_country(doc.tok(k)).is_none()
        && doc.is_word(m)
        && one_of(doc.tok(m), &["radio", "television", "channel", "broadcaster", "newspaper"])
}

/// Lowercase words before a place's name that belong to its noun phrase: "southern Finland",
/// "downtown Tulsa", "mainland Guadeloupe", "present-day Łódź", "a united Germany", sorted.
/// GUM and OntoNotes annotate the whole phrase; the name alone stays the `span`.
pub(crate) const PHRASE_MODIFIERS: Words = words![
    "ancient", "central", "coastal", "downtown", "early", "east-central", "eastern", "mainland",
    "medieval", "midtown", "modern", "nearby", "neighboring", "neighbouring", "north-central",
    "north-eastern", "north-western", "northeastern", "northern", "northwestern", "present-day",
    "rural", "south-central", "south-eastern", "south-western", "southeastern", "southern",
    "southwestern", "united", "uptown", "west-central", "western",
];

/// The noun phrase of each place where it is longer than its name: a modifier before it
/// ("southern Finland"), and the larger places after it that say where it is, after a comma or
/// "in" ("Cambridge, Massachusetts", "Preston, Victoria, Australia", "Tiananmen Square in
/// Beijing"). The larger place must be a region or a country (for a facility, also a city), and
/// a country must be the place's own, as in `Finder::compounds` ("Dubai, Kuwait" is a list).
///
/// `toks` holds each place's first and last token as found. Its span starts where its first
/// token does, and ends within its last one: the tokens that start before its end are those up
/// to the last, or up to one before where a trimmed possessive was a token of its own.
fn phrases(doc: &Doc, locs: &mut [Location], toks: &[(usize, usize)]) {
    let n = locs.len();
    let last_tok = |s: Span, (first, last): (usize, usize)| {
        let mut k = last;
        while k > first && doc.toks[k].span().start >= s.end {
            k -= 1;
        }
        k
    };
    let mut ends: Vec<usize> = locs.iter().map(|l| l.span.end).collect();
    for i in (0..n.saturating_sub(1)).rev() {
        let (a, b) = (&locs[i], &locs[i + 1]);
        let (ea, sb) = (last_tok(a.span, toks[i]), toks[i + 1].0);
        if sb != ea + 2 || doc.toks[ea + 1].breaks_before > 0 {
            continue;
        }
        let comma = doc.is_punct(ea + 1, ',');
        let inside = doc.tok_is(ea + 1, "in");
        let facility = a.kind == LocationKind::Area && a.lat.is_none();
        let larger = match a.kind {
            LocationKind::Country => false,
            LocationKind::Region => b.kind == LocationKind::Country,
            _ => matches!(b.kind, LocationKind::Region | LocationKind::Country) || inside && facility && b.kind == LocationKind::City,
        };
        let own_country = b.kind != LocationKind::Country || a.country.is_none() || a.country == b.country;
        // "In Edinburgh, Scotland's first minister": a possessive starts a noun phrase of its
        // own, no larger place of the one before.
        let last_b = doc.tok(toks[i + 1].1);
        let possessive = strip_possessive(last_b).len() != last_b.len() || doc.is_punct(toks[i + 1].1 + 1, '\'') || doc.is_punct(toks[i + 1].1 + 1, '’');
        if (comma || inside) && larger && own_country && !possessive {
            ends[i] = ends[i + 1];
        }
    }
    for ((l, end), &(s, _)) in locs.iter_mut().zip(ends).zip(toks) {
        let start = if s > 0 && doc.is_word(s - 1) && doc.toks[s].breaks_before == 0 && lexicon::listed(doc.tok(s - 1), lexicon::PHRASE_MODIFIER) {
            doc.toks[s - 1].span().start
        } else {
            l.span.start
        };
        if start != l.span.start || end != l.span.end {
            l.phrase = Some(Span::new(start, end));
        }
    }
}

/// A lowercase word that may stand between a preposition and a place's name: one of
/// [`PHRASE_MODIFIERS`] ("downtown", "northern") or a compass point ("in north Phoenix").
pub(crate) fn is_place_modifier(lw: &str) -> bool {
    has(PHRASE_MODIFIERS, lw) || one_of(lw, &["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"])
}

/// A name starting at token `first` stands after "in" or "near" (and a word like "north" or
/// "downtown"): "a church in north Phoenix told investigators" is no person "Phoenix" speaking
/// (the attribution pass takes the phrase before as the source).
pub(crate) fn after_in(doc: &Doc, first: usize) -> bool {
    in_before(doc, first).is_some()
}

/// The token of the "in" or "near" of [`after_in`].
pub(crate) fn in_before(doc: &Doc, first: usize) -> Option<usize> {
    let modifier = |k: usize| doc.is_word(k) && is_place_modifier(doc.lower(k));
    let k = if first > 0 && modifier(first - 1) { first - 1 } else { first };
    (k > 0 && doc.is_word(k - 1) && one_of(doc.lower(k - 1), &["in", "near"])).then(|| k - 1)
}

/// The word after token `last` is a speech cue: "Jordan said", "Washington announced".
fn speaks_at(doc: &Doc, last: usize) -> bool {
    let k = last + 1;
    k < doc.toks.len() && doc.is_word(k) && doc.cue_lemma(k).is_some()
}

impl<'d, 'a> Finder<'d, 'a> {
    fn n(&self) -> usize {
        self.doc.toks.len()
    }

    /// Token `k` may continue a name that started at `start`: same line, same sentence.
    fn same_line(&self, start: usize, k: usize) -> bool {
        k < self.n() && (k == start || self.doc.toks[k].breaks_before == 0 && self.doc.sent[k] == self.doc.sent[start])
    }

    /// The capitalised run from `i`: capitalised words, connectors between them, the dots of
    /// abbreviations ("St.", "Mt.") and a number after a numbered head ("Terminal 1"). Returns
    /// its last token.
    fn run_end(&self, i: usize) -> usize {
        self.run_scan(i).0
    }

    /// [`Finder::run_end`] of `i`, and the last token up to which a later start has the same
    /// run: for a capitalised word `j` after `i`, up to there and without a possessive ending,
    /// `run_end(j)` is `run_end(i)`. The scan from `i` went through `j` in the state that a scan
    /// from `j` starts in, and goes on from there alike, unless an "and" before `j` (which a
    /// scan from `j` does not see) or the bound on the length (which is later from `j`) made
    /// the difference. Pass 1 asks for the run at every capitalised word of a run, and scanning
    /// the rest of the run again each time was a fifth of the cost of the scans.
    fn run_scan(&self, i: usize) -> (usize, usize) {
        let doc = self.doc;
        let mut end = i;
        let mut k = i + 1;
        let mut first_and = None;
        // No place's name is longer: a bound that keeps every pass linear in the text.
        while self.same_line(i, k) && k < i + MAX_RUN {
            if doc.is_cap(k) {
                end = k;
                k += 1;
            } else if is_connector(doc, k) {
                // Only between capitalised words: "Bay of Bengal", not "Bengal and the".
                if is_and(doc, k) && first_and.is_none() {
                    first_and = Some(k);
                }
                let mut j = k + 1;
                while self.same_line(i, j) && is_connector(doc, j) {
                    j += 1;
                }
                if !(self.same_line(i, j) && doc.is_cap(j)) {
                    break;
                }
                end = j;
                k = j + 1;
            } else if doc.is_punct(k, '.') && !doc.toks[k].space_before && self.same_line(i, k + 1) && doc.is_cap(k + 1) {
                // "St. Louis": the dot of an abbreviation inside the name.
                k += 1;
                continue;
            } else if doc.toks[k].kind == Tk::Number && bare_has(doc, end, NUMBERED, lexicon::NUMBERED_HEAD) {
                end = k;
                break;
            } else {
                break;
            }
            // A possessive ends the run ("Oakland's famous Chinatown").
            if doc.is_word(end) && strip_possessive(doc.tok(end)).len() != doc.tok(end).len() {
                break;
            }
        }
        if k >= i + MAX_RUN {
            // Maybe stopped by the bound: no later start shares the run.
            return (self.run_end_after_and(i, end, first_and), i);
        }
        let end = self.run_end_after_and(i, end, first_and);
        (end, first_and.map_or(end, |a| end.min(a - 1)))
    }

    /// The end of the run from `i` that the scan found to be `end`, with its first "and".
    fn run_end_after_and(&self, i: usize, end: usize, first_and: Option<usize>) -> usize {
        let doc = self.doc;
        if let Some(a) = first_and {
            if !bare_has(doc, end, PLURAL_HEADS, lexicon::PLURAL_HEAD) {
                // Back to the last capitalised word before the "and".
                let mut e = a - 1;
                while e > i && !doc.is_cap(e) {
                    e -= 1;
                }
                return e;
            }
        }
        end
    }

    /// Leading words of a run that are not part of a name: "The", "In", a sentence-initial
    /// common word ("Visitors Center" keeps "Visitors" only mid-sentence).
    fn skip_leading(&self, mut i: usize, end: usize) -> usize {
        let doc = self.doc;
        while i < end {
            let lw = doc.lower(i);
            let sentence_start = i == doc.sentence_of(i).0 || (i > 0 && doc.is_quote_mark(i - 1));
            let place_first = is_place_first_at(doc, i) && doc.is_cap(i + 1);
            if lw == "the" || doc.in_class(i, lexicon::COMMON_CAP) || sentence_start && !place_first && self.vocab.contains_lower(doc, i) {
                i += 1;
                // Never start on a connector.
                while i < end && is_connector(doc, i) {
                    i += 1;
                }
            } else {
                break;
            }
        }
        i
    }

    /// The longest gazetteer form starting at token `i` that ends at or before `limit`.
    fn gazetteer_at(&self, i: usize, limit: usize) -> Option<(usize, Place, Span)> {
        let doc = self.doc;
        if !doc.is_cap(i) || self.person[i] || self.in_org.contains(i) || self.lone_org.contains(i) {
            return None;
        }
        let mut found = None;
        let mut k = i;
        let mut words = 0;
        while k <= limit && k < self.n() && words < tables::MAX_PLACE_WORDS {
            if k > i && (doc.toks[k].breaks_before > 0 || self.person[k]) {
                break;
            }
            if doc.toks[k].kind == Tk::Word {
                words += 1;
            } else if !doc.is_punct(k, '.') && !doc.is_punct(k, '-') && !doc.is_punct(k, ',') {
                break;
            }
            if doc.toks[k].kind == Tk::Word {
                // The first word as `Doc::tok` has it sliced already.
                let surface = if k == i { doc.tok(i) } else { doc.text_of(doc.span(i, k)) };
                let (place, prefix) = lookup_and_prefix(surface);
                if let Some((p, len)) = place {
                    let start = doc.toks[i].span().start;
                    found = Some((k, p, Span::new(start, start + len)));
                }
                // No longer form starts with these words: stop.
                if !prefix {
                    break;
                }
            }
            k += 1;
        }
        found
    }

    /// The place-shaped name in the run `s..=end` (after leading words are skipped): the run up
    /// to its last place head, or the whole run after a first-word head.
    fn shape(&self, s: usize, end: usize) -> Option<(usize, LocationKind)> {
        let doc = self.doc;
        // Counted, not collected: asked of every capitalised run.
        let words = (s..=end).filter(|&k| doc.is_cap(k)).count();
        if words < 2 {
            return None;
        }
        // "Fiji and the Solomon Islands" are two places: a name goes on over "and" ("Rock and
        // Roll Hall of Fame and Museum"), never over "and the".
        if (s..end).any(|k| doc.tok_is(k, "and") && doc.tok_is(k + 1, "the")) {
            return None;
        }
        let first = bare_lower(doc, s);
        // A first-word head: "Lake Merritt", "Fort Lee", "Gulf of Mexico".
        if bare_has(doc, s, HEADS_FIRST, lexicon::HEAD_FIRST) && doc.is_cap(s) {
            // "City Hall" is a building in a city, and "City Council" or "City College" a body:
            // neither is a city called so.
            if first == "city" {
                if doc.lower_is(s + 1, "hall") {
                    return Some((end, LocationKind::Area));
                }
                if doc.in_class(end, lexicon::ORG_HEAD) {
                    return None;
                }
            }
            return Some((end, head_kind(&first)));
        }
        // The last head in the run: "Isfahan International Airport", "Rock and Roll Hall of
        // Fame and Museum"; a number after a numbered head ("Terminal 1").
        let last_word = if doc.toks[end].kind == Tk::Number { end - 1 } else { end };
        let head = bare_lower(doc, last_word);
        let head = strip_possessive(head);
        let lists = doc.prefix_classes(last_word, head);
        if lists & (lexicon::HEAD_LAST | lexicon::PLURAL_HEAD) == 0 && !(lists & lexicon::NUMBERED_HEAD != 0 && last_word != end) {
            return None;
        }
        // Organisations and works end in other nouns; "Catholic Church" is the institution.
        if tables::demonym_country(doc.tok(s)).is_some() && one_of(head, &["church", "temple"]) {
            return None;
        }
        // "Sally Field": a first name and a head that is also a surname; or any head when a
        // verb of saying follows ("Paul Tower said": places do not speak), as the name pass
        // reads it (`names::classify_run`).
        let speaks = doc.is_word(end + 1) && doc.cue_lemma(end + 1).is_some();
        if words == 2 && (lists & lexicon::WEAK_HEAD != 0 || speaks) && tables::first_name(doc.tok(s)).is_some() {
            return None;
        }
        Some((end, head_kind(&head)))
    }

    fn push(&mut self, first: usize, last: usize, span: Span, place: Option<Place>, name: String, kind: LocationKind, source: Source) {
        self.covered[first] = true;
        self.found.push(Found { first, last, span, place, name, kind, country: None, source });
    }

    /// Passes 1 and 2: the gazetteer and the shape of names, longest first; gazetteer places
    /// inside a longer shaped name too ("Phoenix" in "Phoenix Sky Harbor International
    /// Airport").
    fn gazetteer_and_shape(&mut self) {
        let doc = self.doc;
        let n = self.n();
        let mut i = 0;
        // Inside a shaped name that ends here: only gazetteer forms nest.
        let mut inside_until: Option<usize> = None;
        let vocab = self.vocab;
        let mut at = 0;
        // The last run scanned: its start, its end, and how far later starts share it.
        let mut same_run: Option<(usize, usize, usize)> = None;
        while i < n {
            // On to the next token that can start a name (`starts` below): a capitalised word,
            // or the number right before one. (Clearing `inside_until` waits for it: the test
            // holds at every later token where it holds at one.)
            let Some(c) = vocab.next_cap(&mut at, i) else { break };
            let number_start = |k: usize| doc.toks[k].kind == Tk::Number && (doc.toks[k].breaks_before == 0 || doc.tok(k).len() >= 3);
            i = if c > i && number_start(c - 1) { c - 1 } else { c };
            if inside_until.is_some_and(|e| i > e) {
                inside_until = None;
            }
            // A house number or an ordinal belongs to a street name ("2470 Lemoine Avenue",
            // "10th Street"); a small number at a line start numbers a list item.
            // The capital first: it answers for most tokens.
            let starts = doc.is_cap(i) || number_start(i) && i + 1 < n && doc.is_cap(i + 1);
            if !starts {
                i += 1;
                continue;
            }
            // The run of an earlier start where this word is inside it alike (`run_scan`).
            let end = match same_run {
                Some((j, end, upto)) if j < i && i <= upto && doc.is_cap(i) && strip_possessive(doc.tok(i)).len() == doc.tok(i).len() => end,
                _ => {
                    let (end, upto) = self.run_scan(i);
                    same_run = Some((i, end, upto));
                    end
                }
            };
            self.leading.push((i, end, usize::MAX));
            let limit = inside_until.unwrap_or(usize::MAX);
            let gaz = self.gazetteer_at(i, limit);
            let mut shaped = None;
            if inside_until.is_none() {
                // A run of one word (most runs) has no leading words to skip, and no shape,
                // which takes two words: the calls are left out.
                let s = if end > i { self.skip_leading(i, end) } else { i };
                if let Some(l) = self.leading.last_mut() {
                    l.2 = s;
                }
                if s < end {
                    shaped = self.shape(s, end).map(|(e, kind)| (s, e, kind));
                }
            }
            if let Some((s, e, kind)) = shaped.filter(|&(_, e, _)| gaz.as_ref().map_or(true, |g| g.0 < e)) {
                let span = self.name_span(s, e);
                let name = doc.text_of(span).to_string();
                self.push(s, e, span, None, name, kind, Source::Shape);
                // Gazetteer places nest inside ("Phoenix" in "Phoenix Sky Harbor International
                // Airport"); the discourse pass adds the names found elsewhere ("Fort Lee" in
                // "Fort Lee Historic Park").
                // A street named after a place is no mention of it ("Piedmont Avenue").
                let street = lexicon::listed(bare_lower(doc, e), lexicon::STREET);
                inside_until = Some(e);
                if street {
                    i = e + 1;
                    continue;
                }
                if let Some((gl, p, gs)) = gaz {
                    self.push(i, gl, gs, Some(p), String::new(), p.kind, Source::Gazetteer);
                    i = gl + 1;
                } else {
                    i += 1;
                }
                continue;
            }
            // "Air Canada", "Air Chathams": an airline. "Pacific Standard", "Arctic Tern": an area
            // or a sea before one more capitalised word that is no place's head names a thing
            // after it (a bar, a bird); "Pacific Ocean" and "Sahara Desert" are forms or heads.
            let airline = i > 0 && doc.toks[i].breaks_before == 0 && doc.tok_is(i - 1, "Air");
            let modifier = gaz.as_ref().is_some_and(|&(last, p, _)| {
                matches!(p.kind, LocationKind::Area | LocationKind::Water)
                    && last + 1 == end
                    && doc.is_cap(end)
                    && !is_place_head_at(doc, end)
                    && !is_place_first_word(doc.tok(end))
            });
            if airline || modifier {
                i = gaz.map_or(i, |g| g.0) + 1;
                continue;
            }
            if let Some((last, p, span)) = gaz {
                // "North Oakland", "Upper Manhattan": a capitalised part of a place is one
                // with it, under the place's name.
                let part = i > 0 && doc.toks[i].breaks_before == 0 && doc.is_word(i - 1) && lexicon::listed(doc.tok(i - 1), lexicon::PLACE_PART) && !self.person[i - 1];
                if part && !self.covered[i - 1] {
                    let span = Span::new(doc.toks[i - 1].span().start, span.end);
                    let name = doc.text_of(span).to_string();
                    self.push(i - 1, last, span, Some(p), name, p.kind, Source::Gazetteer);
                } else {
                    self.push(i, last, span, Some(p), String::new(), p.kind, Source::Gazetteer);
                }
                i = last + 1;
            } else {
                i += 1;
            }
        }
    }

    /// Pass 2b: numbered roads, which the annotated corpora count as places: "the M1", "the A64
    /// eastbound", "I-44 West", "US-412", "US 75", "Hwy 51", "Route 66", "Interstate 95". A bare
    /// letter and number ("A1", "M18") is a road only after "the" with a word about roads in the
    /// sentence ("junction", "northbound", another road), since it also names paper sizes, planes
    /// and money supplies.
    fn roads(&mut self) {
        let doc = self.doc;
        let n = self.n();
        // road_code's own first test, made here from the token's first char: asked of every
        // word, the call was most of what this pass cost.
        let code = |k: usize| if doc.is_word(k) && matches!(doc.first_char(k), 'I' | 'U' | 'S' | 'A' | 'M') { road_code(doc.tok(k)) } else { None };
        let road_word = |k: usize| {
            doc.is_word(k)
                && (code(k).is_some()
                    || has(words!["eastbound", "exit", "highway", "junction", "motorway", "northbound", "road", "roads", "route", "southbound", "traffic", "westbound"], &doc.lower(k)))
        };
        let mut add = Vec::new();
        let mut k = 0;
        let mut at = 0;
        while k < n {
            // Both kinds start with a capital letter (`code` and the names below): on to the
            // next capitalised word.
            let Some(c) = self.vocab.next_cap(&mut at, k) else { break };
            k = c;
            let mut last = None;
            if let Some(sure) = code(k) {
                let (a, b) = doc.sentence_of(k);
                let context = (a..b.min(n)).any(|j| j != k && road_word(j));
                if sure || k > 0 && doc.lower_is(k - 1, "the") && context {
                    last = Some(k);
                }
            } else if doc.is_word(k) && matches!(doc.first_char(k), 'U' | 'H' | 'R' | 'I')
                && matches!(doc.tok(k), "US" | "Hwy" | "Highway" | "Route" | "Interstate")
                && doc.toks.get(k + 1).is_some_and(|t| t.kind == Tk::Number && t.breaks_before == 0)
                && doc.tok(k + 1).len() <= 4
            {
                last = Some(k + 1);
            }
            let Some(mut e) = last else {
                k += 1;
                continue;
            };
            // "I-44 West", "the M18 eastbound".
            if doc.is_word(e + 1) && doc.toks[e + 1].breaks_before == 0 {
                let next = doc.tok(e + 1);
                if one_of(next, &["northbound", "southbound", "eastbound", "westbound"])
                    || code(k) == Some(true) && one_of(next, &["North", "South", "East", "West"])
                {
                    e += 1;
                }
            }
            add.push((k, e));
            k = e + 1;
        }
        // Over a shorter gazetteer match ("US" of "US 75"): the output keeps the longer place.
        for (s, e) in add {
            self.push_unknown(s, e, Source::Shape);
        }
    }

    /// The span of tokens `s..=e` without a trailing possessive.
    fn name_span(&self, s: usize, e: usize) -> Span {
        let span = self.doc.span(s, e);
        let last = self.doc.tok(e);
        let trim = last.len() - strip_possessive(last).len();
        Span::new(span.start, span.end - trim)
    }

    /// The unknown capitalised runs of the text: (first, last, index in `runs`) after leading
    /// words, not inside a place found already, not a person's name. Computed once; later calls
    /// filter. Whether a run is [`Finder::plausible`] the caller asks by [`Finder::plausible_run`].
    fn unknown_runs(&mut self) -> Vec<(usize, usize, usize)> {
        if self.runs.is_none() {
            self.runs = Some(self.all_unknown_runs());
        }
        let runs = self.runs.as_ref().map_or(&[][..], |r| &r[..]);
        // The runs that a place found overlaps. The runs are disjoint and in text order, so a
        // binary search finds the first of each place's: a table of every token, marked with the
        // places' tokens for each call, cost twice as much.
        let mut taken = vec![false; runs.len()];
        for f in &self.found {
            let mut r = runs.partition_point(|&(_, e, _)| e < f.first);
            while r < runs.len() && runs[r].0 <= f.last {
                taken[r] = true;
                r += 1;
            }
        }
        // Sized for all: the filter gives no size for `collect`, which grew the vector step by step.
        let mut out = Vec::with_capacity(runs.len());
        out.extend(runs.iter().zip(&taken).enumerate().filter(|&(_, (_, &t))| !t).map(|(r, (&(s, e, _), _))| (s, e, r)));
        out
    }

    /// [`Finder::plausible`] of run `r` of [`Finder::unknown_runs`], asked once.
    fn plausible_run(&mut self, r: usize) -> bool {
        let Some(&(s, e, state)) = self.runs.as_ref().and_then(|runs| runs.get(r)) else { return false };
        if state != ASK {
            return state == YES;
        }
        let yes = self.plausible(s, e);
        if let Some(run) = self.runs.as_mut().and_then(|runs| runs.get_mut(r)) {
            run.2 = if yes { YES } else { NO };
        }
        yes
    }

    fn all_unknown_runs(&self) -> Vec<(usize, usize, usize)> {
        let doc = self.doc;
        let n = self.n();
        // Room for a run per capitalised word: growing the vector copied it several times.
        let mut out = Vec::with_capacity(self.vocab.caps.len());
        let mut i = 0;
        // The next of pass 1's runs (see `leading`): both walk the tokens in order.
        let mut at = 0;
        let mut cap_at = 0;
        while i < n {
            // Runs start at capitalised words: on to the next one.
            let Some(c) = self.vocab.next_cap(&mut cap_at, i) else { break };
            i = c;
            if !doc.is_cap(i) || (i > 0 && doc.is_cap(i - 1) && doc.toks[i].breaks_before == 0) {
                i += 1;
                continue;
            }
            // As pass 1 found them, where it did.
            while self.leading.get(at).is_some_and(|l| l.0 < i) {
                at += 1;
            }
            let (end, s) = match self.leading.get(at) {
                Some(&(j, end, s)) if j == i => (end, s),
                _ => (usize::MAX, usize::MAX),
            };
            let end = if end == usize::MAX { self.run_end(i) } else { end };
            let mut s = if s == usize::MAX { self.skip_leading(i, end) } else { s };
            // "Siege of Savannah", "University of Pisa", "Earl of Clare": the name after "of" is
            // the candidate, which pass 3 judges by the noun before it.
            if s + 2 <= end && doc.tok_is(s + 1, "of") && lexicon::listed(bare_lower(doc, s), lexicon::PLACE_OF_NOUN) {
                s += 2;
                if s < end && doc.tok_is(s, "the") {
                    s += 1;
                }
            }
            if s <= end && doc.is_cap(s) && !self.in_org.contains(s) && !(s..=end).any(|k| self.person[k]) {
                out.push((s, end, ASK));
            }
            i = end + 1;
        }
        out
    }

    /// A run that may be a place name: not a month, a language, a demonym, a title, an
    /// organisation, a work, a common word capitalised, or a person by first name.
    fn plausible(&self, s: usize, end: usize) -> bool {
        let doc = self.doc;
        // The word tokens of the run, iterated twice and counted, without a Vec for them.
        let words = || (s..=end).filter(|&k| doc.is_word(k));
        let n_words = words().count();
        let span = doc.span(s, end);
        let text = doc.text_of(span);
        let bare = strip_possessive(text);
        // Every test below only turns the run away, so their order does not change the answer.
        // The months and the titles in one pass over the words: their class bits, or the
        // searches for a word with a final dot.
        let listed = |k: usize| {
            let w = doc.lower(k);
            let bare = strip_dot(w);
            if bare.len() == w.len() {
                // "with Democrats", "in Democrats' favor": a party's members are no place, nor
                // an abbreviated month ("from Feb. 11").
                doc.in_class(k, lexicon::NOT_PLACE | lexicon::TITLE | lexicon::GROUP_NAME | lexicon::CALENDAR_WORD)
            } else {
                has(NOT_PLACES, bare) || has(lexicon::TITLES, bare)
            }
        };
        if words().any(listed) {
            return false;
        }
        // `bare` and the first token start at the same byte: of the same length, they are the
        // same word, asked once.
        if tables::demonym_country(bare).is_some() || bare.len() != doc.tok(s).len() && tables::demonym_country(doc.tok(s)).is_some() {
            return false;
        }
        // A compound led by a demonym is an adjective: "in English-language remarks", "in
        // Iranian-backed militias".
        if n_words == 1 && bare.find('-').is_some_and(|h| tables::demonym_country(bare.get(..h).unwrap_or("")).is_some()) {
            return false;
        }
        let last = strip_possessive(bare_lower(doc, end));
        if doc.prefix_classes(end, last) & (lexicon::ORG_HEAD | lexicon::NOT_PLACE_HEAD) != 0 {
            return false;
        }
        if lexicon::listed(bare, lexicon::KNOWN_ORG | lexicon::KNOWN_ORG_PHRASE) {
            return false;
        }
        // Acronyms ("MLB", "ROTC") and single letters.
        if n_words == 1 && !has_lowercase(bare) {
            return false;
        }
        if n_words == 1 && is_common_cap(doc, self.vocab, s) {
            return false;
        }
        // Fields and abstract nouns capitalised ("in Psychology", "in Freemasonry") and names
        // of products written in camel case ("FrameNet", "RecentChangesCamp").
        if n_words == 1 && (common_noun_shape(bare) || camel_case(bare)) {
            return false;
        }
        // A university or a school named after its town ("at Harvard" where the text also
        // says "Harvard University").
        // "in Exeter", "near Exeter" stay the town: only "at" and the like point to the school.
        // "a co-author from Karolinska", "a student from Harvard": "from" after a person's noun
        // is the school again.
        let member_from = || s > 1 && doc.is_word(s - 2) && (doc.in_class(s - 2, lexicon::PERSON_NOUN) || doc.lower(s - 2).strip_prefix("co-").is_some_and(|w| has(crate::attribution::PERSON_NOUNS, w)));
        let in_town = s > 0 && doc.is_word(s - 1) && one_of(doc.lower(s - 1), &["from", "in", "near", "outside"]) && !(doc.lower(s - 1) == "from" && member_from());
        if n_words == 1 && self.institution_word(bare) && !in_town {
            return false;
        }
        if n_words >= 2 && tables::first_name(doc.tok(s)).is_some() && !after_place_list(doc, s) {
            return false;
        }
        if n_words == 1 && self.person_words.contains_key(strip_possessive(doc.lower(s))) {
            return false;
        }
        // Inside a quotation of a work's title ("Songs My Mother Taught Me") names are not
        // places; neither is anything that speaks, but for the last item of a list of places
        // (see `person_votes`).
        !speaks_at(doc, end) || after_in(doc, s) || after_place_list(doc, s)
    }

    /// Pass 3: unknown runs after a locative preposition, "to" after a verb of motion, "of"
    /// after a place noun, or before ", <region or country>".
    fn context(&mut self) {
        let doc = self.doc;
        // The last tokens of the places found but by discourse, kept up to date as this pass adds
        // places: the test of a run after a place and a comma below searched all the places for
        // each run, quadratic in a long text.
        let mut ends = TokenSet::new(self.n(), self.found.iter().filter(|f| f.source != Source::Discourse).map(|f| f.last));
        for (s, e, r) in self.unknown_runs() {
            // Whether the run is plausible is asked last, of the runs that have a place's context
            // (every test here only takes a run, and only a plausible one).
            let prev = if s > 0 && doc.is_word(s - 1) { doc.lower(s - 1) } else { "" };
            let prev2 = if s > 1 && doc.is_word(s - 2) { doc.lower(s - 2) } else { "" };
            // `lexicon::listed` of the lowercase word `back` tokens before the run (prev, prev2,
            // prev3), from the class bits that `Doc::new` looked up (none for other tokens than
            // words, as for the "" above), not by a probe of the lexicon for each run.
            let listed_before = |back: usize, bits: u64| s >= back && doc.in_class(s - back, bits);
            // "in Byron's later memoirs": a possessor, not a place.
            if strip_possessive(doc.tok(e)).len() != doc.tok(e).len() && doc.is_word(e + 1) && !doc.is_cap(e + 1) {
                continue;
            }
            // "to the Chathams", "in the Alps": a plural name after a locative and "the"; so is
            // a compass region ("in the South").
            let plural = s == e
                && (doc.tok(s).ends_with('s') && !doc.tok(s).ends_with("'s") && !doc.tok(s).ends_with("’s") || lexicon::listed(doc.tok(s), lexicon::COMPASS_REGION));
            if prev == "the" && plural && s > 1 && doc.is_word(s - 2) {
                let p2 = doc.lower(s - 2);
                if listed_before(2, lexicon::LOCATIVE) || p2 == "to" && listed_before(3, lexicon::MOTION_WORD) {
                    if self.plausible_run(r) {
                        self.push_unknown(s, e, Source::Context);
                        ends.insert(e);
                    }
                    continue;
                }
            }
            // "the islands La Désirade, Petite Terre, ...": a plural place noun in apposition.
            // `names::PLACE_LIST_NOUNS` but "exurbs".
            // So after "such as" ("towns such as Wakefield").
            let apposition = (listed_before(1, lexicon::PLACE_LIST_NOUN) || prev == "as" && prev2 == "such" && listed_before(3, lexicon::PLACE_LIST_NOUN)) && prev != "exurbs";
            // "moved south to Vichy": a compass word between the verb of motion and "to";
            // "bordered by Edgewater": what borders a place is one.
            let compass_motion = prev == "to" && one_of(prev2, &["north", "south", "east", "west", "northward", "southward", "eastward", "westward", "abroad", "back"]) && listed_before(3, lexicon::MOTION_WORD);
            let bordered = prev == "by" && one_of(prev2, &["bordered", "surrounded", "flanked"]);
            // "a strategist at Rabobank", "an analyst at Barclays", "works at Kellerman": after
            // an occupation or a verb of working, "at" names the employer, not a place. (Only
            // unknown runs come here: a known place after them, "a student at Oxford", stays.)
            if prev == "at" && (listed_before(2, lexicon::PERSON_NOUN | lexicon::PERSON_ROLE | lexicon::TITLE) || one_of(prev2, &["work", "works", "worked", "working"])) {
                continue;
            }
            // "Shares in Volkswagen rose", "a stake in Ryanair": what is owned in shares is a firm.
            if prev == "in" && one_of(prev2, &["shares", "stake", "stakes", "stock", "holding", "holdings", "investment"]) {
                continue;
            }
            let mut ok = apposition
                || compass_motion
                || bordered
                || self.predicate_place(e)
                || listed_before(1, lexicon::LOCATIVE)
                || prev == "to" && listed_before(2, lexicon::MOTION_WORD)
                || prev == "of" && listed_before(2, lexicon::PLACE_OF_NOUN | lexicon::TITLE);
            // "the city of X": the article between.
            if !ok && prev == "of" && s > 2 && doc.lower(s - 2) == "the" {
                ok = false;
            }
            // "born in Kibbutz Kinneret, Tiberias.", "in Exeter, Devon, [4]": a one- or two-word
            // name after a place and a comma that ends the clause says where the place is.
            // (Not a state's abbreviation, "Minneapolis, Minn.": `state_abbreviations` finds
            // the state.)
            if !ok && s >= 2 && doc.is_punct(s - 1, ',') && e - s <= 2 && self.plausible_run(r) && ends.contains(s - 2) && !(s == e && doc.first_char(s).is_ascii_uppercase() && state_at(doc, s).is_some()) {
                let end_of_clause = e + 1 >= self.n()
                    || doc.toks[e + 1].breaks_before > 0
                    || doc.toks[e + 1].kind == Tk::Punct && matches!(doc.first_char(e + 1), '.' | ';' | ')' | '(' | '[')
                    || doc.is_punct(e + 1, ',') && doc.toks.get(e + 2).is_some_and(|t| t.kind == Tk::Number || doc.is_punct(e + 2, '['));
                ok = end_of_clause;
            }
            // "Eureka Springs, Arkansas": a region or a country after a comma.
            if !ok && doc.is_punct(e + 1, ',') && e + 2 < self.n() && self.plausible_run(r) {
                if let Some((_, p, _)) = self.gazetteer_at(e + 2, usize::MAX) {
                    ok = matches!(p.kind, LocationKind::Region | LocationKind::Country) && p.flags & AMBIGUOUS == 0;
                }
            }
            if ok && self.plausible_run(r) {
                self.push_unknown(s, e, Source::Context);
                ends.insert(e);
            }
        }
    }

    /// "X is a city in ...", "X is a small island", "X was the capital", "X is located in",
    /// "X lies": what the sentence says the name after `e` is.
    fn predicate_place(&self, e: usize) -> bool {
        let doc = self.doc;
        let word = |k: usize| if doc.is_word(k) { doc.lower(k) } else { "" };
        if !matches!(word(e + 1), "is" | "was" | "lies" | "lay") {
            return false;
        }
        if word(e + 1).starts_with('l') {
            return doc.is_word(e + 2) && one_of(word(e + 2), &["in", "on", "at", "off", "near", "between", "north", "south", "east", "west"]);
        }
        let next = word(e + 2);
        if one_of(next, &["located", "situated"]) {
            return true;
        }
        if !one_of(next, &["a", "an", "the"]) {
            return false;
        }
        // Up to three lowercase modifiers before the noun ("a small coastal town").
        (e + 3..e + 7).take_while(|&k| doc.is_word(k) && !doc.is_cap(k)).any(|k| lexicon::listed(word(k), lexicon::PLACE_PREDICATE))
    }

    /// Drops the places found by context whose name the document uses for a person more
    /// often than it supports it as a place: "welcomed by Pachomius", "Pachomius refused".
    fn person_votes(&mut self) {
        let doc = self.doc;
        // Counts as usize: the same map type as `known` in `discourse`, one copy of the table code.
        let mut place_votes: HashMap<String, usize> = HashMap::default();
        // The names as a filter too: asked first of every capitalised word below, it turns
        // away most of them without hashing the word.
        let mut names = KeyFilter::default();
        for f in self.found.iter().filter(|f| f.source == Source::Context) {
            let surface = self.surface(f);
            names.insert(&surface);
            *place_votes.entry(surface).or_default() += 1;
        }
        if place_votes.is_empty() {
            return;
        }
        let mut person_votes: HashMap<String, usize> = HashMap::default();
        for &i in &self.vocab.caps {
            if doc.is_cap(i + 1) {
                continue;
            }
            let w = strip_possessive(doc.tok(i));
            if !names.may_hold(w) || !place_votes.contains_key(w) {
                continue;
            }
            let prev = if i > 0 && doc.is_word(i - 1) { doc.lower(i - 1) } else { "" };
            let next = if doc.is_word(i + 1) { doc.lower(i + 1) } else { "" };
            let after_comma = doc.is_punct(i + 1, ',') && doc.lower_is(i + 2, "who");
            // "bordered by X" is no passive agent.
            let border = i > 1 && doc.is_word(i - 2) && one_of(doc.lower(i - 2), &["bordered", "surrounded", "flanked"]);
            // The last item of a list of places ("voters in towns such as Wakefield and
            // Hartlepool felt") stands before the verb of the list's noun phrase.
            if (prev == "by" && !border || has(PERSON_VERBS, &next) || (speaks_at(doc, i) && !after_in(doc, i)) || after_comma) && !after_place_list(doc, i) {
                *person_votes.entry(w.to_string()).or_default() += 1;
            }
        }
        self.found.retain(|f| {
            if f.source != Source::Context {
                return true;
            }
            let w = doc.text_of(f.span);
            person_votes.get(w).copied().unwrap_or(0) < place_votes.get(w).copied().unwrap_or(0)
        });
    }

    /// "Bartlesville, OK", "Paramus, NJ": a state abbreviation after a comma and a place (or
    /// a name in a place's position) is the state.
    fn state_abbreviations(&mut self) {
        let doc = self.doc;
        let ends = TokenSet::new(self.n(), self.found.iter().map(|f| f.last));
        // Every abbreviation starts with a capital A-Z (below): the capitalised words only.
        let vocab = self.vocab;
        for k in vocab.caps.iter().copied().filter(|&k| k >= 2) {
            if !doc.is_word(k) || !doc.is_punct(k - 1, ',') || self.covered[k] {
                continue;
            }
            // Every abbreviation starts with a capital A-Z (a test checks): most words after
            // a comma are turned away here, before a String is made for the look-ups.
            if !doc.first_char(k).is_ascii_uppercase() {
                continue;
            }
            let Some((p, last)) = state_at(doc, k) else { continue };
            // After a place, or a capitalised name that is not a person's.
            if !(ends.contains(k - 2) || doc.is_cap(k - 2) && !self.person[k - 2]) {
                continue;
            }
            if !ends.contains(k - 2) {
                // The name before: back over its capitalised words.
                let mut s = k - 2;
                while s > 0 && doc.is_cap(s - 1) && doc.toks[s].breaks_before == 0 {
                    s -= 1;
                }
                if !self.plausible(s, k - 2) {
                    continue;
                }
                self.push_unknown(s, k - 2, Source::Context);
            }
            let span = doc.span(k, last);
            self.push(k, last, span, Some(p), String::new(), p.kind, Source::Gazetteer);
        }
    }

    /// `word` names an institution elsewhere in the text: "Harvard University", "Harrow
    /// School".
    fn institution_word(&self, word: &str) -> bool {
        self.institutions.get(word).is_some()
    }

    fn push_unknown(&mut self, s: usize, e: usize, source: Source) {
        let span = self.name_span(s, e);
        let name = self.doc.text_of(span).to_string();
        self.push(s, e, span, None, name, LocationKind::Area, source);
    }

    /// Pass 3b: unknown runs in a list next to a place: "Scottsdale, Tempe, Glendale, Peoria".
    fn lists(&mut self) {
        let doc = self.doc;
        for _ in 0..3 {
            let starts = TokenSet::new(self.n(), self.found.iter().map(|f| f.first));
            let ends = TokenSet::new(self.n(), self.found.iter().map(|f| f.last));
            let mut added = false;
            for (s, e, r) in self.unknown_runs() {
                let sep = |k: usize| doc.is_punct(k, ',') || doc.is_word(k) && matches!(doc.tok(k), "and" | "or");
                // "<place>, X," / "<place>, X and" / "<place> and X" / "<place>, and X".
                let before = (s >= 2 && sep(s - 1) && ends.contains(s - 2))
                    || (s >= 3 && doc.is_punct(s - 2, ',') && sep(s - 1) && ends.contains(s - 3));
                // A list goes on after X, or X is its last item ("..., and X").
                let goes_on = sep(e + 1) && (doc.is_cap(e + 2) || sep(e + 2) && doc.is_cap(e + 3));
                let before = before && (goes_on || doc.is_word(s - 1) && one_of(doc.tok(s - 1), &["and", "or"]));
                // "X, <place>," / "X and <place>" / "X, and <place>".
                let after = (sep(e + 1) && starts.contains(e + 2))
                    || (doc.is_punct(e + 1, ',') && sep(e + 2) && starts.contains(e + 3));
                let after = after && (s > 1 && sep(s - 1) && doc.is_cap(s - 2) || doc.is_word(e + 1) && one_of(doc.tok(e + 1), &["and", "or"]));
                if (before || after) && self.plausible_run(r) {
                    self.push_unknown(s, e, Source::Context);
                    added = true;
                }
            }
            if !added {
                break;
            }
        }
    }

    /// Pass 5: drop the AMBIGUOUS gazetteer places that lack support.
    fn resolve_ambiguous(&mut self) {
        let doc = self.doc;
        // Forms with support somewhere in the document.
        // A map to nothing (0) rather than a set: the set was one more copy of the hash table code
        // in the wasm than the maps of String to usize here (with names.rs' `surnames`, 1.3 KB of
        // its gzip size).
        let mut supported: HashMap<String, usize> = HashMap::default();
        let starts = TokenSet::new(self.n(), self.found.iter().map(|f| f.first));
        let ends = TokenSet::new(self.n(), self.found.iter().map(|f| f.last));
        for f in &self.found {
            let Some(p) = f.place else { continue };
            if p.flags & AMBIGUOUS == 0 {
                continue;
            }
            let list = (f.first > 1 && doc.is_punct(f.first - 1, ',') && ends.contains(f.first - 2))
                || (doc.is_punct(f.last + 1, ',') && starts.contains(f.last + 2))
                || (f.first > 1 && doc.tok_is(f.first - 1, "and") && ends.contains(f.first - 2));
            if ambiguous_ok(doc, f.first, f.last) || list {
                supported.insert(self.surface(f), 0);
            }
        }
        let keep: Vec<bool> = self
            .found
            .iter()
            .map(|f| {
                let Some(p) = f.place else { return true };
                if p.flags & AMBIGUOUS == 0 || f.source != Source::Gazetteer {
                    return true;
                }
                let surface = self.surface(f);
                if supported.contains_key(&surface) {
                    return true;
                }
                // No support anywhere: a place unless the document uses the word for a person,
                // it speaks, or it is a common word at a sentence start.
                let person = surface.split(' ').any(|w| with_lowercase(w, |lw| self.person_words.contains_key(lw)));
                let sentence_start = f.first == doc.sentence_of(f.first).0;
                !person && (!speaks_at(doc, f.last) || after_in(doc, f.first)) && !(sentence_start && is_common_cap(doc, self.vocab, f.first))
            })
            .collect();
        let mut it = keep.iter();
        self.found.retain(|_| *it.next().unwrap());
        self.covered = vec![false; self.n()];
        for f in &self.found {
            self.covered[f.first] = true;
        }
    }

    fn surface(&self, f: &Found) -> String {
        self.doc.text_of(f.span).to_string()
    }

    /// Pass 4: every other use of a name found as a place, also inside longer names.
    fn discourse(&mut self) {
        let doc = self.doc;
        // The surfaces as slices of the text in a [`WordTable`]: probed with every capitalised
        // n-gram of the text, a hash map of Strings cost three times as much.
        let mut known: WordTable<'a, usize> = WordTable::with_capacity(2 * self.found.len());
        let mut max_words = 0;
        let mut keys = KeyFilter::default();
        for (i, f) in self.found.iter().enumerate() {
            let s: &'a str = doc.text_of(f.span);
            max_words = max_words.max(s.split(' ').count()).min(tables::MAX_PLACE_WORDS + 2);
            known.entry_or_insert_with(s, |_| i);
            keys.insert(s);
        }
        if known.is_empty() {
            return;
        }
        // The heads of the surfaces that longer n-grams below may still match, flagged
        // `GOES_ON`: between two words of an n-gram stand white space, a comma or a dot, so an
        // n-gram that a longer one matching a surface starts with ends before one of those in
        // the surface. At an n-gram that is no such head, the longer ones are not tried (most
        // capitalised words start no surface, and trying every n-gram up to `max_words` was
        // 0.8% of the 40-text profile).
        for f in &self.found {
            let s: &'a str = doc.text_of(f.span);
            for (j, c) in s.char_indices().skip(1) {
                if c.is_whitespace() || c == ',' || c == '.' {
                    *known.entry_or_insert_with(s.get(..j).unwrap_or(""), |_| NO_SURFACE) |= GOES_ON;
                    keys.insert(s.get(..j).unwrap_or(""));
                }
            }
        }
        // Sorted for a binary search: a hash set of spans was one more copy of the table code.
        // As the triples `model::sort_by_keys` sorts, not as spans: one more element type was one
        // more copy of the sorting code (9.2 KB of the wasm, 3.1 KB gzipped).
        let mut spans: Vec<(usize, usize, usize)> = self.found.iter().map(|f| (f.span.start, f.span.end, 0)).collect();
        crate::model::sort_triples(&mut spans);
        let mut add = Vec::new();
        for &i in &self.vocab.caps {
            if self.person[i] || self.lone_org.contains(i) {
                continue;
            }
            // The first n-gram, the word itself (with or without a possessive), is no key of
            // `known`: no n-gram from here matches, and the loop below would stop at once.
            if doc.is_word(i) && !keys.may_hold(doc.tok(i)) && !keys.may_hold(strip_possessive(doc.tok(i))) {
                continue;
            }
            let mut best = None;
            let mut words = 0;
            let mut k = i;
            while k < self.n() && words < max_words {
                if k > i && (doc.toks[k].breaks_before > 0 || self.person[k]) {
                    break;
                }
                if doc.is_word(k) {
                    words += 1;
                    let sp = doc.span(i, k);
                    let whole = doc.text_of(sp);
                    let text = strip_possessive(whole);
                    let entry = known.get(text).map(|&(_, v)| v);
                    if let Some(f) = entry.map(|v| v & !GOES_ON).filter(|&f| f != NO_SURFACE) {
                        best = Some((k, f, Span::new(sp.start, sp.start + text.len())));
                    }
                    // No longer n-gram matches (the n-gram as it is, possessive and all).
                    let goes_on = if text.len() == whole.len() { entry } else { known.get(whole).map(|&(_, v)| v) };
                    if goes_on.map_or(true, |v| v & GOES_ON == 0) {
                        break;
                    }
                } else if !doc.is_punct(k, '.') && !doc.is_punct(k, ',') {
                    break;
                }
                k += 1;
            }
            if let Some((k, f, span)) = best {
                // A sentence-initial common word is no name ("Nice weather"); "Fort Lee" is.
                let common_start = || i == doc.sentence_of(i).0 && is_common_cap(doc, self.vocab, i);
                if spans.binary_search(&(span.start, span.end, 0)).is_err() && !(k == i && common_start()) {
                    add.push((i, k, span, f));
                }
            }
        }
        for (i, k, span, f) in add {
            let src = self.found[f].clone();
            self.push(i, k, span, src.place, src.name, src.kind, Source::Discourse);
        }
    }

    /// "the Donetsk region", "Jiangsu province", "the Occitanie region": a name and a
    /// lowercase word for a country's first-level division name one place, the division. A
    /// city of the tables gives its name, country and position to the division named after it
    /// (Ukraine's and Russia's oblasts mostly are), which news text writes with "region"; a
    /// region stays itself, with the word in its span as in GUM ("Jiangsu province"). A
    /// capitalised word that the tables and the name pass don't know, between "the" and the
    /// word, is a division with no country ("the Occitanie region"). Out of line: few texts
    /// have any.
    #[inline(never)]
    fn administrative_areas(&mut self) {
        let doc = self.doc;
        let head = |k: usize| {
            k < doc.toks.len() && doc.is_word(k) && doc.toks[k].breaks_before == 0 && matches!(doc.tok(k), "region" | "province" | "oblast" | "governorate")
        };
        for f in &mut self.found {
            if !head(f.last + 1) || !matches!(f.kind, LocationKind::City | LocationKind::Region) || doc.toks[f.last].span().end != f.span.end {
                continue;
            }
            f.last += 1;
            f.span.end = doc.toks[f.last].span().end;
            if f.kind == LocationKind::City {
                f.kind = LocationKind::Region;
                // Pushed, not `format!`: the formatting machinery cost the wasm 0.5 KB here.
                let mut name = String::from(f.place.as_ref().map_or(f.name.as_str(), |p| p.name));
                name.push(' ');
                name.push_str(doc.tok(f.last));
                f.name = name;
            }
        }
        for &k in &self.vocab.caps {
            if k == 0 || !head(k + 1) || self.covered[k] || self.person[k] || !doc.is_word(k - 1) || doc.lower(k - 1) != "the" || doc.toks[k].breaks_before > 0 {
                continue;
            }
            // "the Canadian province" is a province of a country named before.
            if crate::tables::demonym_country(doc.tok(k)).is_some() {
                continue;
            }
            let span = Span::new(doc.toks[k].span().start, doc.toks[k + 1].span().end);
            let name = doc.text_of(span).to_string();
            self.found.push(Found { first: k, last: k + 1, span, place: None, name, kind: LocationKind::Region, country: None, source: Source::Context });
        }
    }

    /// "Cambridge, Massachusetts", "Eureka Springs, Arkansas": a region or country after a
    /// comma says where the place before it is. A place the tables don't know takes its
    /// country; a namesake the tables place elsewhere ("Cambridge", England) keeps its name but
    /// loses the wrong country and position. (Places stay disjoint: the pair is not one span.)
    fn compounds(&mut self) {
        let doc = self.doc;
        let mut updates = Vec::new();
        // The places by first token, and of those with the same one by the order found: a
        // binary search finds the last one found that starts at a token. (A search of all the
        // places for each was quadratic: with four more searches of its kind, 54 M of the 617
        // M instructions of one 2 MB text. A table of every token cost more on short texts.)
        // Triples, the element type `model::sort_by_keys` sorts: no new copy of the sorting
        // code.
        let mut by_first: Vec<(usize, usize, usize)> = self.found.iter().enumerate().map(|(i, g)| (g.first, i, 0)).collect();
        crate::model::sort_triples(&mut by_first);
        let last_found_at = |k: usize| {
            let p = by_first.partition_point(|&(first, _, _)| first <= k);
            p.checked_sub(1).map(|p| by_first[p]).filter(|&(first, _, _)| first == k).map(|(_, j, _)| j)
        };
        for (i, f) in self.found.iter().enumerate() {
            if f.place.is_some_and(|p| !matches!(p.kind, LocationKind::City | LocationKind::Region)) {
                continue;
            }
            if !doc.is_punct(f.last + 1, ',') {
                continue;
            }
            // The place starting there, the last one found as when a map was collected.
            let Some(j) = last_found_at(f.last + 2) else { continue };
            let Some(o) = self.found[j].place else { continue };
            let inner = f.place;
            let larger = match inner.map(|p| p.kind) {
                Some(LocationKind::Region) => o.kind == LocationKind::Country,
                _ => matches!(o.kind, LocationKind::Region | LocationKind::Country),
            };
            // A region after a city names its namesake there; a country must be the city's own
            // ("Dubai, Kuwait" is a list) or a namesake's that the tables know ("Hyderabad,
            // Pakistan").
            if !larger || !(o.kind == LocationKind::Region || inner.map_or(true, |p| p.country == o.country || namesake_in(&p, o.country).is_some())) {
                continue;
            }
            let country = Some(o.country).filter(|c| !c.is_empty());
            updates.push((i, country));
        }
        // Of the places that a pair moved out of the tables' choice, at most
        // MAX_COMPOUND_SENSES: the place's number and the mention now placed.
        let mut moved = Vec::new();
        for (i, country) in updates {
            let g = &mut self.found[i];
            // The tables' namesake of the place in that country: "Hyderabad, Pakistan",
            // "Birmingham, Alabama".
            let namesake = g.place.zip(country).and_then(|(p, c)| namesake_in(&p, c));
            if let Some(p) = namesake {
                g.place = Some(p);
                g.name.clear();
            } else if let Some(p) = g.place {
                // A pair that keeps the tables' choice ("Alexandria, Egypt") is noted too, as
                // moved to nowhere: with both kinds of pair the bare mentions stay as they are.
                let other = Some(p.country) != country;
                if other {
                    g.name = p.name.to_string();
                    g.place = None;
                }
                if moved.len() < MAX_COMPOUND_SENSES {
                    moved.push((usize::from(p.id), if other { i } else { usize::MAX }));
                }
            }
            if g.place.is_none() {
                g.country = country;
            }
        }
        if moved.iter().any(|m| m.1 != usize::MAX) {
            self.carry_senses(&moved);
        }
    }

    /// "In U.S. District Court in Alexandria, Va., … extradited to Alexandria this year": the
    /// town that a "City, Region" pair named, outside the tables' choice, is the name's sense
    /// in its other mentions too (one sense per discourse, as in [`Finder::namesakes`]); the
    /// later "Alexandria" was Egypt's. (The tables keep no namesake that small:
    /// `MIN_NAMESAKE_SHARE`.) `moved`: the number of the place the tables chose and the
    /// mention now placed, or `usize::MAX` for a pair that kept the tables' choice.
    #[inline(never)]
    fn carry_senses(&mut self, moved: &[(usize, usize)]) {
        for h in 0..self.found.len() {
            let Some(p) = self.found[h].place else { continue };
            let id = usize::from(p.id);
            let Some(&(_, i)) = moved.iter().find(|m| m.0 == id) else { continue };
            if moved.iter().any(|m| m.0 == id && m.1 == usize::MAX) {
                continue;
            }
            let (name, country) = (self.found[i].name.clone(), self.found[i].country);
            let f = &mut self.found[h];
            (f.place, f.name, f.country) = (None, name, country);
        }
    }
}

/// The most places whose "City, Region" sense [`Finder::compounds`] carries to their other
/// mentions: it compares every place with each, so the bound keeps a text of thousands of such
/// pairs linear; an article has a few.
const MAX_COMPOUND_SENSES: usize = 16;

/// The place of a mention of a name that places in several countries share, as found: the
/// mention is the name of the tables' choice ("Georgia", "Georgia's"; not "Republic of
/// Georgia", another form of the country).
#[inline(never)]
fn shared_name(doc: &Doc, f: &Found) -> Option<Place> {
    f.place.filter(|p| tables::has_namesake(p) && strip_possessive(doc.text_of(f.span)) == p.name)
}

/// The votes for the country of `p` in [`Finder::namesakes`]: those of its places other than
/// itself, and with `and_itself` those of its name too.
#[inline(never)]
fn country_votes(votes: &[usize], p: &Place, and_itself: bool) -> usize {
    let c = tables::country_no(p);
    votes.get(2 * c).map_or(0, |v| v + if and_itself { votes[2 * c + 1] } else { 0 })
}

/// The namesake of `p` in `country` that the tables keep ([`tables::namesake`]).
#[inline(never)]
fn namesake_in(p: &Place, country: &str) -> Option<Place> {
    (0..).map_while(|k| tables::namesake(p, k)).find(|n| n.country == country)
}

impl Finder<'_, '_> {
    /// "Georgia", "Hyderabad", "Birmingham": a name that places in several countries share is,
    /// in all its mentions alone, the one place that the text's other places say it is (one
    /// sense per discourse: Gale, Church and Yarowsky 1992, who found a word's uses in one text
    /// to share their sense 98% of the time). Each place whose name is not shared votes for its
    /// country, among them a mention that [`Finder::compounds`] placed ("Birmingham, Alabama"
    /// is the US city, a vote for the US with Alabama's), and the namesake whose country has
    /// more votes than the tables' choice wins ("Georgia" with "Atlanta" and "North Carolina" is
    /// the US state). A country's own name votes only where the choice is not itself a country:
    /// "the U.S. condemned the invasion of Georgia" leaves the country, "Hyderabad ...
    /// Pakistan's army" takes Pakistan's city.
    #[inline(never)]
    fn namesakes(&mut self) {
        let doc = self.doc;
        let shared = |f: &Found| shared_name(doc, f);
        if !self.found.iter().any(|f| shared(f).is_some()) {
            return;
        }
        // The votes of the other places by country number: at 2c those of places other than
        // countries, at 2c + 1 those of countries. And the first and last tokens of the
        // countries, for the neighbours in a list ("Cyprus, Georgia, India"), without a search
        // of all the places for each mention.
        // (255 countries at most, and 255 for none: that one's votes are never asked for.)
        let mut votes = [0usize; 512];
        let mut countries = TokenSet::with_len(doc.toks.len() + 2);
        for f in &self.found {
            let Some(p) = f.place.filter(|_| shared(f).is_none()) else { continue };
            let country = p.kind == LocationKind::Country;
            if let Some(v) = votes.get_mut(2 * tables::country_no(&p) + usize::from(country)) {
                *v += 1;
            }
            if country {
                countries.insert(f.first);
                countries.insert(f.last);
            }
        }
        for i in 0..self.found.len() {
            let f = &self.found[i];
            let Some(p) = shared(f) else { continue };
            let is_country = p.kind == LocationKind::Country;
            let score = |q: &Place| country_votes(&votes, q, !is_country);
            // Listed with a country (whose name no other country shares), a country is one: a
            // country among countries. (No namesake of a country is one: the tables keep a
            // name's country before its other places.)
            let listed = |k: usize, between: usize| countries.contains(k) && (doc.is_punct(between, ',') || doc.lower_is(between, "and"));
            if is_country && (f.first >= 2 && listed(f.first - 2, f.first - 1) || listed(f.last + 2, f.last + 1)) {
                continue;
            }
            // The namesake with the most votes, if more than the tables' choice has.
            let (mut best, mut top, mut k) = (None, score(&p), 0);
            while let Some(n) = tables::namesake(&p, k) {
                k += 1;
                let s = score(&n);
                if s > top {
                    (best, top) = (Some(n), s);
                }
            }
            let Some(q) = best else { continue };
            let f = &mut self.found[i];
            f.place = Some(q);
            f.kind = q.kind;
        }
    }
}

/// The states of a run's [`Finder::plausible`] in [`Finder::runs`]: not asked yet, yes, no.
const ASK: usize = 0;
const YES: usize = 1;
const NO: usize = 2;

/// A set of strings that may answer yes for strings not in it, never no for one in it: 256 bits
/// of a cheap signature (the length and the first and last bytes). [`Finder::discourse`] and
/// [`Finder::person_votes`] ask it before their tables of names about every capitalised word,
/// most of which are none of those names.
#[derive(Default)]
struct KeyFilter([u64; 4]);

impl KeyFilter {
    fn bit(s: &str) -> usize {
        let b = s.as_bytes();
        let byte = |c: Option<&u8>| usize::from(c.copied().unwrap_or(0));
        (b.len().wrapping_mul(31) + byte(b.first()).wrapping_mul(7) + byte(b.last())) & 255
    }

    fn insert(&mut self, s: &str) {
        let b = KeyFilter::bit(s);
        self.0[b / 64] |= 1 << (b % 64);
    }

    fn may_hold(&self, s: &str) -> bool {
        let b = KeyFilter::bit(s);
        self.0[b / 64] & 1 << (b % 64) != 0
    }
}

/// [`Finder::discourse`]'s flag on a head of a surface that longer n-grams may match.
const GOES_ON: usize = 1 << (usize::BITS - 1);
/// [`Finder::discourse`]'s number for a head that is no surface itself.
const NO_SURFACE: usize = GOES_ON - 1;

/// A capitalised common noun by its ending: fields, doctrines, abstract nouns ("Psychology",
/// "Linguistics", "Freemasonry", "Security"). English derivational suffixes that names of
/// places and people rarely have.
fn common_noun_shape(word: &str) -> bool {
    // An array, not a `words!` list: each call walks all of it, and splitting a text into its
    // lines cost 1% of the time in Node.
    const SUFFIXES: [&str; 10] = ["ics", "ism", "ity", "masonry", "ment", "ness", "ology", "ship", "sion", "tion"];
    if word.is_ascii() {
        // Compared in place, without a lowercase copy of the word: the copy and the char count
        // made this about 300 instructions a call (0.35% of the 40-text profile). An ASCII
        // word's chars are its bytes, and the suffixes are ASCII lowercase.
        // The last letter first: it turns away all but one or two suffixes for a byte test.
        let b = word.as_bytes();
        let last = b.last().map_or(0, u8::to_ascii_lowercase);
        return b.len() > 5
            && SUFFIXES.iter().any(|s| s.as_bytes().last() == Some(&last) && b.len() >= s.len() && b[b.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes()));
    }
    with_lowercase(word, |w| w.chars().count() > 5 && SUFFIXES.iter().any(|s| w.ends_with(s)))
}

/// A word with a capital inside that is no name prefix: "FrameNet", not "McMurdo", "LaGuardia"
/// or "DeKalb".
fn camel_case(word: &str) -> bool {
    // One pass over the chars; the prefix is a slice of the word (a Vec of the chars and a
    // String of each prefix made this a thousand instructions a word).
    let prefix_ok = |at: usize| !one_of(word.get(..at).unwrap_or(""), &["Mc", "Mac", "La", "Le", "De", "Di", "Da", "Du", "Van", "Fitz", "Al", "El"]);
    if word.is_ascii() {
        // By bytes: an ASCII word's chars are its bytes, and the char decoding was most of the
        // 160 instructions a call.
        let b = word.as_bytes();
        return (2..b.len()).any(|at| b[at].is_ascii_uppercase() && b[at - 1].is_ascii_lowercase() && prefix_ok(at));
    }
    let mut prev: Option<char> = None;
    for (n, (at, c)) in word.char_indices().enumerate() {
        if n >= 2
            && c.is_uppercase()
            && prev.is_some_and(char::is_lowercase)
            && prefix_ok(at)
        {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// Token `s` is an item of a list of names after a plural noun of places: "the islands La
/// Désirade, Petite Terre, Marie Galante" ("Marie" is a first name, but not here).
pub(crate) fn after_place_list(doc: &Doc, s: usize) -> bool {
    let mut k = s;
    let mut steps = 0;
    while k > 0 && steps < 40 {
        k -= 1;
        steps += 1;
        let item = doc.is_cap(k) || doc.is_punct(k, ',') || doc.is_word(k) && (doc.tok(k) == "and" || lexicon::listed(doc.tok(k), lexicon::CONNECTOR));
        if item && doc.sent[k] == doc.sent[s] {
            continue;
        }
        // "towns such as Wakefield and Hartlepool", as `names::places_listed` reads it.
        if k >= 2 && doc.tok_is(k, "as") && doc.tok_is(k - 1, "such") {
            k -= 2;
        }
        // `names::PLACE_LIST_NOUNS`.
        return doc.is_word(k) && doc.in_class(k, lexicon::PLACE_LIST_NOUN);
    }
    false
}

/// A road number: Some(true) for a road by its shape alone ("I-44", "US-412"), Some(false) for
/// one only where the context says so ("M1", "A1237").
pub(crate) fn road_code(w: &str) -> Option<bool> {
    // Every prefix below starts with one of these letters: most words leave here, before the
    // search for a digit (asked of every word of the text).
    if !matches!(w.as_bytes().first(), Some(b'I' | b'U' | b'S' | b'A' | b'M')) {
        return None;
    }
    // Their second bytes too: "-" of "I-", "S" of "US-", "R" of "SR-", or the number's first
    // digit after "A" or "M". Most capitalised words with such a first letter leave here.
    if !matches!(w.as_bytes().get(1), Some(b'-' | b'S' | b'R' | b'0'..=b'9')) {
        return None;
    }
    // The first digit by a byte search (an ASCII digit's byte is the char), not the char
    // pattern's searcher.
    // (`split_at_checked`: a split that cannot fail, without `split_at`'s panic path.)
    let (pre, num) = w.split_at_checked(w.bytes().position(|b| b.is_ascii_digit())?)?;
    let digits = num.trim_end_matches(|c: char| c.is_ascii_uppercase());
    if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| c.is_ascii_digit()) || num.len() - digits.len() > 1 {
        return None;
    }
    match pre {
        "I-" | "US-" | "SR-" => Some(true),
        "A" | "M" => Some(false),
        _ => None,
    }
}

/// The kind of a place named by its head word.
fn head_kind(head: &str) -> LocationKind {
    match head {
        "bay" | "canal" | "creek" | "falls" | "fjord" | "gulf" | "lagoon" | "lago" | "lac" | "lake" | "ocean" | "reservoir" | "river"
        | "sea" | "strait" => LocationKind::Water,
        "county" | "district" | "prefecture" | "province" | "territory" | "municipality" | "township" => LocationKind::Region,
        "city" | "village" | "kibbutz" | "fort" | "port" => LocationKind::City,
        _ => LocationKind::Area,
    }
}

/// Looks up a surface form, also without a possessive ending and in title case for
/// ALL-CAPS datelines and headlines. Returns the place and the matched length in bytes.
pub(crate) fn lookup(surface: &str) -> Option<(Place, usize)> {
    let bare = strip_possessive(surface);
    if too_many_words(bare) {
        return None;
    }
    if let Some(p) = tables::place(bare) {
        return Some((p, bare.len()));
    }
    // "TEHRAN" -> "Tehran"; short all-caps words stay as they are (US, UK, UAE).
    // The cheaper test first: most surfaces have a lowercase letter early on.
    if !has_lowercase(bare) && bare.chars().filter(|c| c.is_alphabetic()).count() > 3 {
        if let Some(p) = with_title_case(bare, tables::place) {
            return Some((p, bare.len()));
        }
    }
    None
}

/// Some place form starts with `surface` and goes on (also for ALL-CAPS text).
fn lookup_prefix(surface: &str) -> bool {
    if too_many_words(surface) {
        return false;
    }
    if tables::place_prefix(surface) {
        return true;
    }
    !has_lowercase(surface) && with_title_case(surface, tables::place_prefix)
}

/// `(lookup(surface), lookup_prefix(surface))`, by one probe of the tables for both where they
/// ask about the same string (a surface without a possessive ending), and one more for both in
/// title case.
fn lookup_and_prefix(surface: &str) -> (Option<(Place, usize)>, bool) {
    if strip_possessive(surface).len() != surface.len() {
        return (lookup(surface), lookup_prefix(surface));
    }
    if too_many_words(surface) {
        return (None, false);
    }
    let (place, prefix) = tables::place_and_prefix(surface);
    let found = place.map(|p| (p, surface.len()));
    if found.is_some() && prefix {
        return (found, prefix);
    }
    // Both ask again in title case only when the surface has no lowercase letter: `lookup` when
    // it found nothing and has more than three letters, `lookup_prefix` when it found no prefix.
    if has_lowercase(surface) {
        return (found, prefix);
    }
    let again = found.is_none() && surface.chars().filter(|c| c.is_alphabetic()).count() > 3;
    if !again && prefix {
        return (found, prefix);
    }
    with_title_case(surface, |t| {
        let (place, p) = tables::place_and_prefix(t);
        (if again { place.map(|p| (p, surface.len())) } else { found }, prefix || p)
    })
}

/// `s.chars().any(char::is_lowercase)`, by a byte loop over the ASCII part: the char loop was
/// 0.5% of the 40-text profile, mostly for surfaces in title case.
#[inline]
fn has_lowercase(s: &str) -> bool {
    // Title case, the usual surface ("Tehran", "New York"), answers at its second byte, inline:
    // the call and the loop cost about 36 instructions each of the 8,000 calls (40 texts).
    // The loop is a call of its own: with it inside, the function stayed a call, whose entry and
    // exit were most of its cost (0.3% of all the work).
    s.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) || has_lowercase_loop(s)
}

/// [`has_lowercase`] beyond its first test.
#[inline(never)]
fn has_lowercase_loop(s: &str) -> bool {
    // An ASCII lowercase byte is a lowercase char; the other lowercase chars are not ASCII.
    s.bytes().any(|c| c.is_ascii_lowercase()) || !s.is_ascii() && s.chars().any(char::is_lowercase)
}

/// True when `s` has more words than any place form (`tables::MAX_PLACE_WORDS`). Callers pass
/// whole capitalised runs, and the name pass looks up ever shorter parts of a long run: without
/// this early exit, hashing and case-folding each part made a run of n title words cost n²
/// ("U.S. Mr. Dr. Sen. " repeated, examples/linearity.rs). The scan stops at the first space too
/// many, so it costs at most the first MAX_PLACE_WORDS words.
fn too_many_words(s: &str) -> bool {
    // A short surface is let through uncounted: its look-ups cost little, and no place form or
    // prefix has MAX_PLACE_WORDS words or more (a test in `tables` checks), so they miss where
    // this would have said no. Counting the spaces of every surface was 1.1% of all the work.
    if s.len() <= SHORT_SURFACE {
        return false;
    }
    s.bytes().filter(|&b| b == b' ').take(tables::MAX_PLACE_WORDS).count() >= tables::MAX_PLACE_WORDS
}

/// Surfaces up to this many bytes skip the count of [`too_many_words`].
const SHORT_SURFACE: usize = 64;

/// Calls `f` with `title_case(s)`, made in a buffer on the stack when `s` is short ASCII (as
/// [`crate::text::with_lowercase`] does): the ALL-CAPS surfaces of datelines and acronyms made a
/// String for each look-up, 780 allocations in the 40-text profile.
fn with_title_case<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; SHORT_SURFACE];
    if s.len() <= buf.len() && s.is_ascii() {
        let b = &mut buf[..s.len()];
        let mut start = true;
        // The ASCII branch of `title_case`, byte by byte.
        for (o, &c) in b.iter_mut().zip(s.as_bytes()) {
            *o = if start { c } else { c.to_ascii_lowercase() };
            start = !c.is_ascii_alphabetic();
        }
        if let Ok(t) = std::str::from_utf8(b) {
            return f(t);
        }
    }
    f(&title_case(s))
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    // ASCII, the usual case, byte by byte: the same as the char loop below, which cost about
    // a thousand instructions for a capitalised run.
    if s.is_ascii() {
        for b in s.bytes() {
            out.push(char::from(if start { b } else { b.to_ascii_lowercase() }));
            start = !b.is_ascii_alphabetic();
        }
        return out;
    }
    for c in s.chars() {
        if start {
            out.push(c);
        } else {
            crate::case::push_lower(&mut out, c);
        }
        start = !c.is_alphabetic();
    }
    out
}

/// An ambiguous name ("Jordan", "Georgia", "Mobile") is a place after a locative preposition,
/// before ", <country or region>", or in a place list; not when it speaks ("Jordan said").
fn ambiguous_ok(doc: &Doc, first: usize, last: usize) -> bool {
    if first > 0 && doc.is_word(first - 1) && doc.in_class(first - 1, lexicon::LOCATIVE) {
        return true;
    }
    // "travel to Jordan"
    if first > 1 && doc.lower_is(first - 1, "to") && doc.is_word(first - 2) && doc.in_class(first - 2, lexicon::MOTION_WORD) {
        return true;
    }
    if first > 1 && doc.lower_is(first - 1, "of") && doc.is_word(first - 2) {
        if doc.in_class(first - 2, lexicon::PLACE_OF_NOUN | lexicon::TITLE) {
            return true;
        }
    }
    if doc.is_punct(last + 1, ',') && last + 2 < doc.toks.len() && doc.is_cap(last + 2) {
        if let Some((p, _)) = lookup(doc.tok(last + 2)) {
            return matches!(p.kind, LocationKind::Country | LocationKind::Region);
        }
    }
    false
}

/// The dateline: a place at the head of the first paragraph, followed by a comma, a bracket or
/// a dash ("TEHRAN, Dec 3 -", "WASHINGTON (Reuters) -"), with nothing but a date or a byline
/// before it.
/// `ti` is the first place's first token.
fn mark_dateline(doc: &Doc, locs: &mut [Location], ti: usize) {
    let Some(first) = locs.first_mut() else { return };
    if ti > DATELINE_WINDOW || doc.para[ti] != 0 && doc.para[ti] != doc.para.first().copied().unwrap_or(0) {
        return;
    }
    // Nothing before it but numbers, punctuation and lowercase words ("date 2024-12-03").
    let clean_prefix = (0..ti).all(|k| {
        let t = doc.toks[k];
        t.kind != Tk::Word || !doc.first_char(k).is_uppercase() || doc.in_class(k, crate::lexicon::COMMON_CAP)
    });
    // Nor a word right before it on its line: "He lives in Minneapolis, Minn., with his wife"
    // opens with a sentence, not a dateline.
    if !clean_prefix || ti > 0 && doc.toks[ti].breaks_before == 0 && doc.is_word(ti - 1) {
        return;
    }
    let mut k = ti;
    while k < doc.toks.len() && doc.toks[k].span().end <= first.span.end {
        k += 1;
    }
    // "MINNEAPOLIS, Minn." / "Gaza City, Gaza": a region after the comma is part of it.
    if doc.is_punct(k, ',') && k + 1 < doc.toks.len() && doc.is_cap(k + 1) && k + 2 < doc.toks.len() && doc.is_punct(k + 2, ',') {
        k += 2;
    }
    let follows = doc.toks.get(k).is_some_and(|t| t.kind == Tk::Punct)
        && matches!(doc.first_char(k), ',' | '(' | '—' | '–' | '-' | ':');
    if follows {
        first.dateline = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        // `lexicon::has` is a binary search.
        let lists: &[(&str, Words)] = &[
            ("LOCATIVES", LOCATIVES),
            ("MOTION", MOTION),
            ("PLACE_OF", PLACE_OF),
            ("HEADS_LAST", HEADS_LAST),
            ("HEADS_FIRST", HEADS_FIRST),
            ("WEAK_HEADS", WEAK_HEADS),
            ("NUMBERED", NUMBERED),
            ("CONNECTORS", CONNECTORS),
            ("NOT_PLACES", NOT_PLACES),
            ("NOT_PLACE_HEADS", NOT_PLACE_HEADS),
            ("PERSON_VERBS", PERSON_VERBS),
            ("PARTS", PARTS),
            ("COMPASS", COMPASS),
            ("STREETS", STREETS),
            ("PLURAL_HEADS", PLURAL_HEADS),
            ("PHRASE_MODIFIERS", PHRASE_MODIFIERS),
            ("PLACE_PREDICATES", PLACE_PREDICATES),
            ("PLACE_KIND_OF", PLACE_KIND_OF),
        ];
        crate::lexicon::assert_sorted(lists);
        let states = lexicon::keyed_lines(US_STATES);
        assert_eq!(states.len(), 93);
        for w in states.windows(2) {
            assert!(w[0].0 < w[1].0, "US_STATES: {:?} must come before {:?}", w[1].0, w[0].0);
        }
        for &(abbr, name) in &states {
            assert_eq!(lexicon::keyed(US_STATES, abbr, ""), Some(name), "{abbr}");
            assert!(!abbr.contains([' ', ':']) && !name.contains(':'), "{abbr}");
            assert!(us_state(abbr).is_some(), "{abbr}");
            // `us_state`'s first test.
            assert!(abbr.len() == 2 || abbr.ends_with('.'), "{abbr}");
            // `Finder::state_abbreviations` builds it in a buffer of eight bytes.
            assert!(abbr.len() < 8, "{abbr}");
            // `Finder::state_abbreviations` looks up only words with such a first letter.
            assert!(abbr.starts_with(|c: char| c.is_ascii_uppercase()), "{abbr}");
        }
    }

    #[test]
    fn lookups_agree() {
        for w in ["", "a", "A", "Tehran", "TEHRAN", "US", "U.S.", "NEW YORK", "NEW", "New", "New York", "Iran's", "IRAN'S", "São Paulo", "SÃO PAULO", "ÉCOLE", "Éa", "KRAKÓW", "xyz"] {
            assert_eq!(has_lowercase(w), w.chars().any(char::is_lowercase), "{w}");
            assert_eq!(lookup_and_prefix(w), (lookup(w), lookup_prefix(w)), "{w}");
        }
    }

    #[test]
    fn word_shapes() {
        assert!(common_noun_shape("Psychology") && common_noun_shape("Freemasonry") && common_noun_shape("Linguistics"));
        assert!(!common_noun_shape("Coron") && !common_noun_shape("Tehran"));
        assert!(camel_case("FrameNet") && camel_case("RecentChangesCamp"));
        assert!(!camel_case("McMurdo") && !camel_case("LaGuardia") && !camel_case("Paris"));
        assert!(camel_case("ÉcoleNet") && !camel_case("DeKalbé") && camel_case("Bla-BlaB") && !camel_case("AB"));
        assert_eq!(head_kind("river"), LocationKind::Water);
        assert_eq!(head_kind("county"), LocationKind::Region);
    }
}
