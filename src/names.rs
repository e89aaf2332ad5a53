//! Named mentions: runs of capitalised words split into a title part and a name part, and
//! title mentions that stand for a person ("the Syrian President", "Qatar's emir").
//!
//! Newswire names a person in full with a title at first mention ("Syrian President Bashar
//! al-Assad"), then by surname or by title alone (AP Stylebook, "titles" and "second
//! reference"): the title parts recorded here are what later mentions are matched against.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::doc::Doc;
use crate::lexicon::{self, has};
use crate::model::{LocationKind, Span};
use crate::tables::{self, Gender};
use crate::text::Tk;

/// What a named mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameClass {
    /// A person, by name (with or without a title in front).
    Person,
    /// A capitalised name we cannot type yet: a person if it speaks or matches one.
    Unknown,
    /// An organisation.
    Org,
    /// A title standing alone for a person: "the Syrian President".
    Title,
}

#[derive(Debug, Clone)]
pub(crate) struct NameMention {
    /// The whole mention: title and name ("Iranian President Masoud Pezeshkian"), or the title
    /// with its determiner ("The Syrian President").
    pub span: Span,
    /// First and last token of the whole mention.
    pub first: usize,
    pub last: usize,
    /// The name part without the title, if any ("Masoud Pezeshkian").
    pub name: Option<Span>,
    /// First token of the name part.
    pub name_first: usize,
    pub class: NameClass,
    /// The title as a lowercase phrase with nationality as an adjective: "syrian president".
    pub title: Option<String>,
    /// The head word of the title ("president").
    pub title_head: Option<&'static str>,
    pub gender: Option<Gender>,
    /// Inside a direct quotation.
    pub in_quote: bool,
}

/// Strips a possessive ending: "Qatar's" -> "Qatar".
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
}

/// A word that may stand inside a personal name run.
fn is_name_word(doc: &Doc, i: usize) -> bool {
    if doc.toks[i].kind != Tk::Word {
        return false;
    }
    let w = doc.tok(i);
    let c = doc.first_char(i);
    if c.is_uppercase() {
        return true;
    }
    // "al-Assad", "el-Sisi", "bin-Salman": a lowercase particle joined to a capitalised name.
    if let Some((pre, rest)) = w.split_once('-') {
        return has(lexicon::NAME_PARTICLES, pre) && rest.starts_with(|c: char| c.is_uppercase());
    }
    false
}

/// The lowercase words that the text uses in lowercase somewhere: a capitalised word whose
/// lowercase form is among them is a common word at a sentence start, not a name.
pub(crate) fn lowercase_vocabulary<'a>(doc: &Doc<'a>) -> HashSet<&'a str> {
    // Sized for the distinct words of typical news text (a third of its tokens), so that the
    // set rarely grows.
    let mut set = HashSet::with_capacity_and_hasher(doc.toks.len() / 3, Default::default());
    for (i, t) in doc.toks.iter().enumerate() {
        if t.kind == Tk::Word && doc.first_char(i).is_lowercase() {
            set.insert(doc.tok(i));
        }
    }
    set
}

/// Word `i` is a common word that happens to be capitalised (sentence start, headline).
pub(crate) fn is_common_cap(doc: &Doc, vocab: &HashSet<&str>, i: usize) -> bool {
    let lw = doc.lower(i);
    has(lexicon::COMMON_CAPS, &lw) || vocab.contains(lw)
}

/// A name that is no person's although it may start with a first name: an event ("Summer
/// Paralympics"), a work or a title ("Virginia Governor"), a day ("Virginia Saturday").
fn name_of_thing(doc: &Doc, t: usize, end: usize) -> bool {
    let _ = t;
    let last = doc.lower_bare(end);
    crate::places::is_event_head(&last)
        || crate::places::is_not_name_word(&last)
        || has(lexicon::TITLES, &last)
}

/// The word after token `end` is a speech cue ("Jordan said").
fn speaks_after(doc: &Doc, end: usize) -> bool {
    end + 1 < doc.toks.len() && doc.is_word(end + 1) && lexicon::cue_lemma(&doc.lower(end + 1)).is_some()
}

/// Days and months: never the end of a name ("Virginia Saturday").
fn is_calendar_word(w: &str) -> bool {
    const CALENDAR: &[&str] = &[
        "apr", "april", "aug", "august", "dec", "december", "feb", "february", "fri", "friday",
        "jan", "january", "jul", "july", "jun", "june", "mar", "march", "mon", "monday", "nov",
        "november", "oct", "october", "sat", "saturday", "sep", "sept", "september", "sun",
        "sunday", "thu", "thur", "thurs", "thursday", "tue", "tues", "tuesday", "wed",
        "wednesday",
    ];
    has(CALENDAR, w)
}

/// A particle that marks a person's name on its own: Arabic, Dutch and German ones, alone or
/// joined ("bin", "van", "al-Assad"). Romance "de", "la", "du" name places as often.
fn is_person_particle(w: &str) -> bool {
    const PARTICLES: &[&str] = &["abu", "al", "bin", "bint", "ibn", "van", "von"];
    let pre = w.split_once('-').map_or(w, |(p, _)| p);
    has(PARTICLES, &pre.to_lowercase()) && (w == pre || pre.chars().all(char::is_lowercase))
}

/// Title head at token `i` (lowercase, dot-less), if any.
fn title_head(doc: &Doc, i: usize) -> Option<&'static str> {
    if doc.toks[i].kind != Tk::Word {
        return None;
    }
    let lw = doc.lower_bare(i);
    let lw = lw.strip_suffix('.').unwrap_or(&lw);
    // Asked of every token: one hash probe for both lists, made on first use.
    static HEADS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    HEADS.get_or_init(|| lexicon::TITLES.iter().chain(MORE_TITLES).copied().collect()).get(lw).copied()
}

/// Titles of rulers, nobles and saints, besides `lexicon::TITLES`: "Emperor Norton", "Tsar
/// Peter", "Shah Abbas I", "Saint Jerome", sorted.
const MORE_TITLES: &[&str] = &[
    "archduke", "baron", "baroness", "count", "countess", "czar", "duchess", "duke", "earl",
    "emperor", "empress", "kaiser", "khan", "madame", "maharaja", "marquis", "mister", "monsieur",
    "pharaoh", "shah", "tsar", "tsarevna", "tsarina", "viscount",
];

/// Male titles among [`MORE_TITLES`].
const MORE_MALE_TITLES: &[&str] = &[
    "archduke", "baron", "count", "czar", "duke", "earl", "emperor", "kaiser", "marquis",
    "mister", "monsieur", "pharaoh", "shah", "tsar", "viscount",
];

/// One title-prefix word: a title head, a modifier, a nationality or a country's possessive.
/// Returns the word as it goes into the normalised title phrase.
fn title_word(doc: &Doc, i: usize) -> Option<String> {
    if doc.toks[i].kind != Tk::Word {
        return None;
    }
    let w = doc.tok(i);
    let lw = doc.lower_bare(i);
    // Both lists in one hash set made on first use: asked of every word of every name run.
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| lexicon::TITLES.iter().chain(lexicon::TITLE_MODIFIERS).copied().collect());
    if words.contains(&*lw) || title_head(doc, i).is_some() {
        return Some(lw.into_owned());
    }
    if doc.first_char(i).is_uppercase() {
        if tables::demonym_country(w).is_some() {
            return Some(lw.into_owned());
        }
        // "Qatar's emir" is the Qatari emir.
        let base = strip_possessive(w);
        if base.len() != w.len() {
            if let Some(p) = tables::place(base) {
                if p.kind == LocationKind::Country {
                    if let Some(d) = tables::country_demonym(p.country) {
                        return Some(d.to_lowercase());
                    }
                }
            }
        }
    }
    None
}

/// Finds the named mentions and the title mentions of the document, in text order.
pub(crate) fn find_names(doc: &Doc, vocab: &HashSet<&str>) -> Vec<NameMention> {
    let n = doc.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !(is_name_word(doc, i) || title_head(doc, i).is_some() || doc.tok(i) == "the") {
            i += 1;
            continue;
        }
        // Collect the run: name words, particles between name words, dots after initials and
        // abbreviated titles ("Mr.", "John F. Kennedy"), and lowercase title words.
        let start = i;
        let mut j = i;
        let mut end = i; // last token of the run (inclusive)
        while j < n {
            if j > start && (doc.toks[j].breaks_before > 0 || doc.sent[j] != doc.sent[start]) {
                break;
            }
            let w = doc.tok(j);
            // A capitalised speech verb ends a name in a title-case headline ("..., Trevor
            // Noah Says").
            // Not when it ends a place's name ("United States", "Baltic States").
            let cue_word = j > start
                && lexicon::cue_lemma(doc.lower(j)).is_some()
                && crate::places::lookup(&doc.text[doc.toks[j - 1].span.start..doc.toks[j].span.end]).is_none();
            let ok = if cue_word {
                false
            } else if is_name_word(doc, j) || title_word(doc, j).is_some() || (j == start && w == "the") {
                true
            } else if doc.is_punct(j, '.') && !doc.toks[j].space_before && j > start {
                // The dot of an initial or an abbreviated title, when a name follows.
                let prev = doc.tok(j - 1);
                let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
                // "St. Louis", "Mt. Hood": the abbreviation that starts a place's name.
                let place_abbr = matches!(prev, "St" | "Ste" | "Mt" | "Ft" | "Pt");
                (initial || place_abbr || title_head(doc, j - 1).is_some()) && j + 1 < n && is_name_word(doc, j + 1)
            } else if doc.toks[j].kind == Tk::Word && has(lexicon::NAME_PARTICLES, w) && j > start {
                j + 1 < n && is_name_word(doc, j + 1) && doc.first_char(j + 1).is_uppercase()
            } else {
                false
            };
            if !ok {
                break;
            }
            end = j;
            j += 1;
            // A possessive ends the run ("Iran's regional strategy") unless a title follows it
            // ("Qatar's emir").
            if strip_possessive(w).len() != w.len() && !(j < n && title_head(doc, j).is_some()) {
                break;
            }
        }
        classify_run(doc, vocab, start, end, &mut out);
        i = end + 1;
    }
    promote_persons(doc, vocab, &mut out);
    out
}

/// Words after a name that say a person acts: "Galois returned", "Pachomius refused", sorted.
/// (Speech cues count too.)
const PERSON_VERBS: &[&str] = &[
    "admitted", "agreed", "asked", "attended", "believed", "decided", "died", "felt", "gave",
    "graduated", "herself", "himself", "knew", "learned", "lived", "married", "met", "moved",
    "received", "refused", "replied", "returned", "spent", "studied", "taught", "thought",
    "wanted", "worked", "wrote",
];

/// First names that are also common words or names of things ("Summer can be hot", "Maya
/// ruins"): alone, they are no evidence of a person.
const WORDLIKE_NAMES: &[&str] = &[
    "august", "autumn", "bill", "chance", "chase", "christian", "dawn", "faith", "grace", "hope",
    "ivy", "joy", "king", "major", "mark", "may", "maya", "prince", "rose", "royal", "sky", "spring",
    "star", "summer", "will", "winter",
];

/// Nouns after a possessive name that belong to a person: "Galois' death", "Dvořák's
/// father", sorted.
const KIN_AND_LIFE_NOUNS: &[&str] = &[
    "biographers", "birth", "brother", "career", "childhood", "cousin", "daughter", "death",
    "father", "friend", "friends", "husband", "life", "mother", "sister", "son", "wife",
];

/// One sense per discourse for people (Gale, Church and Yarowsky 1992; the "second reference"
/// of news style): a lone capitalised word is a person's name when the document also names
/// the person in full ("Évariste Galois" ... "Galois"), when it is a known first name used
/// alone ("Rebecca"), or when it acts like a person more often than it stands where places
/// stand ("welcomed by Pachomius", "Pachomius refused").
fn promote_persons(doc: &Doc, vocab: &HashSet<&str>, out: &mut [NameMention]) {
    let word = |m: &NameMention| -> Option<String> {
        let span = m.name?;
        let text = strip_possessive(&doc.text[span.start..span.end]);
        let last = text.rsplit(' ').next()?;
        Some(strip_possessive(last.trim_end_matches(['\'', '’'])).to_string())
    };
    let words = |m: &NameMention| (m.name_first..=m.last).filter(|&k| doc.is_word(k)).count();
    // Last words of longer names ("Galois" of "Évariste Galois"), and their persons.
    let mut surnames: HashMap<String, bool> = HashMap::default();
    for m in out.iter() {
        if m.class == NameClass::Org || m.class == NameClass::Title || words(m) < 2 {
            continue;
        }
        // Not a full name: a place's team or firm ("Pittsburgh Pirates"), a common noun's
        // ("Cyclone Phailin", "Summer Paralympics"), an event ("Olympic Games").
        let first = strip_possessive(doc.tok(m.name_first));
        let lf = doc.lower_bare(m.name_first);
        // An acronym is no given name ("JPL Stardust"); initials are ("O.J. Simpson").
        let acronym = first.chars().filter(|c| c.is_alphabetic()).count() > 1 && !first.contains('.') && !first.chars().any(char::is_lowercase);
        let last_lower = doc.lower_bare(m.last);
        if m.class == NameClass::Unknown
            && (acronym
                || crate::places::lookup(first).is_some()
                || vocab.contains(&*lf)
                || has(lexicon::COMMON_CAPS, &lf)
                || crate::places::is_event_head(&last_lower)
                || crate::places::is_not_name_word(&last_lower))
        {
            continue;
        }
        if let Some(w) = word(m) {
            let e = surnames.entry(w).or_insert(false);
            *e |= m.class == NameClass::Person;
        }
    }
    // Votes of the lone uses.
    let mut votes: HashMap<String, (i32, i32, usize)> = HashMap::default();
    for m in out.iter().filter(|m| m.class == NameClass::Unknown && words(m) == 1) {
        let Some(w) = word(m) else { continue };
        let k = m.last;
        let next = if k + 1 < doc.toks.len() && doc.is_word(k + 1) { doc.lower(k + 1) } else { "" };
        let prev = if m.first > 0 && doc.is_word(m.first - 1) { doc.lower(m.first - 1) } else { "" };
        let possessive = doc.tok(k).len() != strip_possessive(doc.tok(k)).len() || doc.is_punct(k + 1, '\'') || doc.is_punct(k + 1, '’');
        let after_possessive = if possessive {
            (k + 1..(k + 4).min(doc.toks.len())).find(|&j| doc.is_word(j)).map(|j| doc.lower(j)).unwrap_or_default()
        } else {
            ""
        };
        let who = doc.is_punct(k + 1, ',') && k + 2 < doc.toks.len() && doc.is_word(k + 2) && doc.lower(k + 2) == "who";
        // Two for what only people do, one for a passive agent ("by X").
        let mut person = if has(PERSON_VERBS, &next) || lexicon::cue_lemma(&next).is_some() || who || has(KIN_AND_LIFE_NOUNS, &after_possessive) {
            2
        } else {
            // A passive agent ("by X"), a subject of a past-tense verb ("Chao went").
            i32::from(prev == "by" || next.len() > 4 && next.ends_with("ed") || matches!(next, "went" | "became" | "began"))
        };
        // "his" or "her" later in the sentence.
        let sent = doc.sent[k];
        if (k + 1..(k + 8).min(doc.toks.len())).any(|j| doc.sent[j] == sent && doc.is_word(j) && matches!(doc.tok(j), "his" | "her" | "he" | "she")) {
            person += 1;
        }
        let place = matches!(prev, "in" | "near" | "at" | "via");
        let v = votes.entry(w).or_insert((0, 0, 0));
        v.0 += person;
        v.1 += i32::from(place);
        v.2 += 1;
    }
    let is_person = |w: &str| -> bool {
        let Some(&(person, place, _)) = votes.get(w) else { return false };
        if crate::places::lookup(w).is_some() || tables::demonym_country(w).is_some() || has(lexicon::KNOWN_ORGS, w) {
            return false;
        }
        let lw = w.to_lowercase();
        // A common word capitalised, unless a full name of a person ends in it ("Rick
        // Santorum" ... "the santorum neologism").
        let named = surnames.get(w).copied().unwrap_or(false);
        if vocab.contains(lw.as_str()) && !named
            || has(lexicon::COMMON_CAPS, &lw)
            || !w.chars().any(char::is_lowercase)
            || crate::places::is_not_name_word(&lw)
            || crate::places::is_place_head(w)
            || crate::places::is_event_head(&lw)
            || is_calendar_word(&lw)
        {
            return false;
        }
        surnames.contains_key(w) && 2 * person >= place
            || tables::first_name(w).is_some() && !has(WORDLIKE_NAMES, &lw) && place == 0
            || person >= 3 && person > place
    };
    let person: HashSet<String> = votes.keys().filter(|w| is_person(w)).cloned().collect();
    for m in out.iter_mut().filter(|m| m.class == NameClass::Unknown) {
        if let Some(w) = word(m) {
            let full = words(m) >= 2;
            if person.contains(&w) && (!full || surnames.get(&w).is_some()) {
                m.class = NameClass::Person;
                if m.gender.is_none() {
                    m.gender = tables::first_name(doc.tok(m.name_first));
                }
            }
        }
    }
    // Full names the tables cannot tell ("Meryl Streep", "Deng Xiaoping"): after a noun for a
    // person ("actors Meryl Streep"), acting like one ("Hu Shih, who"), or next to people in a
    // list ("Meryl Streep, Mark Hamill, Bruce Lee").
    for round in 0..3 {
        let mut changed = false;
        // Persons with a known first name, by their first and last token.
        let mut firsts: HashSet<usize> = HashSet::default();
        let mut lasts: HashSet<usize> = HashSet::default();
        for o in out.iter() {
            if o.class == NameClass::Person && tables::first_name(doc.tok(o.name_first)).is_some() {
                firsts.insert(o.first);
                lasts.insert(o.last);
            }
        }
        for i in 0..out.len() {
            let m = &out[i];
            if m.class != NameClass::Unknown || words(m) < 2 || !name_shaped(doc, vocab, m) {
                continue;
            }
            let prev = if m.first > 0 && doc.is_word(m.first - 1) { doc.lower(m.first - 1) } else { "" };
            let k = m.last;
            let next = if k + 1 < doc.toks.len() && doc.is_word(k + 1) { doc.lower(k + 1) } else { "" };
            let who = doc.is_punct(k + 1, ',') && k + 2 < doc.toks.len() && doc.is_word(k + 2) && doc.lower(k + 2) == "who";
            let acts = round == 0 && (has(PERSON_ROLES, &prev) || has(PERSON_VERBS, &next) || lexicon::cue_lemma(&next).is_some() || who);
            let sep = |j: usize| doc.is_punct(j, ',') || doc.is_punct(j, ';') || doc.is_word(j) && matches!(doc.tok(j), "and" | "or");
            // A neighbour with a known first name; a name led by an article is a place's
            // ("La Désirade", "Les Saintes").
            let person_at = |first: bool, j: usize| if first { firsts.contains(&j) } else { lasts.contains(&j) };
            if has(&["el", "la", "las", "le", "les", "los"], &doc.lower(m.name_first)) {
                continue;
            }
            let listed = (m.first >= 2 && sep(m.first - 1) && person_at(false, m.first - 2))
                || (m.first >= 3 && doc.is_punct(m.first - 2, ',') && sep(m.first - 1) && person_at(false, m.first - 3))
                || (sep(k + 1) && person_at(true, k + 2))
                || (doc.is_punct(k + 1, ',') && sep(k + 2) && person_at(true, k + 3));
            if acts || listed {
                let m = &mut out[i];
                m.class = NameClass::Person;
                if m.gender.is_none() {
                    m.gender = tables::first_name(doc.tok(m.name_first));
                }
                changed = true;
            }
        }
        if !changed && round > 0 {
            break;
        }
    }
}

/// Nouns right before a name that say it is a person's: "actors Meryl Streep", "the Nobel
/// laureate Władysław Reymont", "friend of" is not one (the name follows "of"), sorted.
const PERSON_ROLES: &[&str] = &[
    "activist", "actor", "actors", "actress", "architect", "artist", "artists", "aunt", "author",
    "biologist", "boyfriend", "brother", "brothers", "businessman", "businesswoman", "candidate",
    "chemist", "classmate", "colleague", "columnist", "comedian", "composer", "composers",
    "conductor", "cousin", "critic", "daughter", "diplomat", "economist", "engineer",
    "entrepreneur", "father", "fiancé", "fiancée", "founder", "friend", "girlfriend",
    "grandfather", "grandmother", "guitarist", "historian", "husband", "interviewee",
    "journalist", "laureate", "linguist", "mathematician", "mother", "musician", "nephew",
    "niece", "novelist", "painter", "philosopher", "photographer", "physicist", "pianist",
    "player", "players", "poet", "politician", "rapper", "rappers", "realist", "reporter",
    "scientist", "singer", "singers", "sister", "sisters", "son", "student", "teacher",
    "teammate", "uncle", "widow", "wife", "writer", "writers",
];

/// A multi-word name that may be a person's: no word of it is a common word of the text, a
/// place, a demonym, a month, or the head of a place, event or organisation name.
fn name_shaped(doc: &Doc, vocab: &HashSet<&str>, m: &NameMention) -> bool {
    (m.name_first..=m.last).filter(|&k| doc.is_word(k)).all(|k| {
        let w = strip_possessive(doc.tok(k));
        let lw = doc.lower_bare(k);
        !(vocab.contains(&*lw) && w.len() > 2
            || has(lexicon::COMMON_CAPS, &lw)
            || crate::places::is_not_name_word(&lw)
            || crate::places::is_place_head(w)
            || crate::places::is_event_head(&lw)
            || tables::demonym_country(w).is_some()
            || crate::places::lookup(w).is_some() && tables::first_name(w).is_none())
    })
}

fn classify_run(doc: &Doc, vocab: &HashSet<&str>, start: usize, end: usize, out: &mut Vec<NameMention>) {
    let mut s = start;
    // Leading function words ("The", "In", "But") and sentence-initial common words.
    let mut determiner = None;
    while s <= end && doc.toks[s].kind == Tk::Word {
        let lw = doc.lower(s);
        if lw == "the" || lw == "a" || lw == "an" {
            determiner = Some(s);
            s += 1;
            continue;
        }
        let sentence_start = s == doc.sents[doc.sent[s]].0 || (s > 0 && doc.is_quote_mark(s - 1));
        // "Fort Lee is ...": a word that starts a place's name stays when a name follows.
        let place_first = s < end && crate::places::is_place_first_word(&lw);
        // "New York City", "Saint Lucia": a common word that begins a place's name.
        let starts_place = s < end && {
            // A place's name has at most MAX_PLACE_WORDS words (and dots between them).
            let sp = doc.span(s, end.min(s + 2 * tables::MAX_PLACE_WORDS));
            let text = &doc.text[sp.start..sp.end];
            crate::places::lookup(text).is_some() || crate::places::lookup(&doc.text[sp.start..doc.toks[s + 1].span.end]).is_some()
        };
        if starts_place {
            break;
        }
        if has(lexicon::COMMON_CAPS, &lw)
            || (sentence_start && !place_first && title_word(doc, s).is_none() && vocab.contains(lw) && s < end)
            || (sentence_start && s == end && is_common_cap(doc, vocab, s))
        {
            determiner = None;
            s += 1;
            continue;
        }
        break;
    }
    if s > end {
        return;
    }
    // A place whose name starts like a title ("St. Louis", "Saint Lucia", "King's Lynn").
    if title_head(doc, s).is_some() && !speaks_after(doc, end) && end - s <= 2 * tables::MAX_PLACE_WORDS {
        let span = doc.span(s, end);
        if crate::places::lookup(&doc.text[span.start..span.end]).is_some() {
            return;
        }
    }
    // Trailing days and months are no part of a name ("Governor of Virginia Saturday").
    let mut end = end;
    while end > s && doc.is_word(end) && is_calendar_word(&doc.lower(end)) {
        end -= 1;
    }
    // The title prefix.
    let mut t = s;
    let mut words: Vec<String> = Vec::new();
    let mut head: Option<&'static str> = None;
    let mut gender = None;
    // An institution before the title belongs to it: "Senate Minority Leader Harry Reid",
    // "US Senator Jeff Sessions", "White House Press Secretary Josh Earnest".
    if title_word(doc, s).is_none() {
        if let Some(h) = (s + 1..end.min(s + 4)).find(|&k| title_head(doc, k).is_some()) {
            if (s..h).all(|k| is_name_word(doc, k) || title_word(doc, k).is_some()) {
                words.extend((s..h).map(|k| doc.lower_bare(k).into_owned()));
                t = h;
            }
        }
    }
    while t <= end {
        if doc.is_punct(t, '.') {
            t += 1;
            continue;
        }
        // A name word that is also a title word ends the prefix when it cannot be a title: keep
        // "President" in "President Obama", but not "Chase" in anything.
        let Some(w) = title_word(doc, t) else { break };
        if let Some(h) = title_head(doc, t) {
            head = Some(h);
            if has(lexicon::MALE_TITLES, h) || has(MORE_MALE_TITLES, h) {
                gender = Some(Gender::Male);
            } else if has(lexicon::FEMALE_TITLES, h) || matches!(h, "baroness" | "countess" | "duchess" | "empress" | "madame" | "tsarevna" | "tsarina") {
                gender = Some(Gender::Female);
            }
        }
        words.push(w);
        t += 1;
    }
    let title = head.map(|_| words.join(" "));
    let in_quote = doc.inside_quote(start);
    if t > end {
        // Title words only: a title mention needs its head and lowercase or determiner context
        // ("the Syrian President", "Qatar's emir"); a bare nationality is an adjective.
        if let (Some(h), Some(title)) = (head, title) {
            let first = determiner.unwrap_or(s);
            // A possessive country counts as the determiner ("Qatar's emir").
            let possessive = strip_possessive(doc.tok(s)).len() != doc.tok(s).len();
            if determiner.is_some() || possessive {
                let span = doc.span(first, end);
                let last_word = doc.tok(end);
                let trim = last_word.len() - strip_possessive(last_word).len();
                out.push(NameMention {
                    span: Span::new(span.start, span.end - trim),
                    first,
                    last: end,
                    name: None,
                    name_first: end + 1,
                    class: NameClass::Title,
                    title: Some(title),
                    title_head: Some(h),
                    gender,
                    in_quote,
                });
            }
        }
        return;
    }
    // The name part: t..=end. Drop a trailing possessive from what we look up.
    let name_span = doc.span(t, end);
    let name_text = &doc.text[name_span.start..name_span.end];
    let bare = strip_possessive(name_text);
    let name_tokens = (t..=end).filter(|&k| doc.toks[k].kind == Tk::Word).count();
    let first_word = doc.tok(t);
    let mut class = NameClass::Unknown;
    let last_lower = doc.lower_bare(end);
    if has(lexicon::KNOWN_ORGS, bare)
        || has(lexicon::KNOWN_ORG_PHRASES, bare)
        || (name_tokens >= 2 && has(lexicon::ORG_HEADS, &last_lower))
    {
        class = NameClass::Org;
    } else if let Some((place, _)) = crate::places::lookup(bare) {
        // A place name, unless a title stands before it ("President Jordan") or an ambiguous
        // one is the subject of speech ("Jordan said").
        let speaks = end + 1 < doc.toks.len() && lexicon::cue_lemma(&doc.lower(end + 1)).is_some();
        let ambiguous = place.flags & tables::AMBIGUOUS != 0;
        if head.is_some() || (ambiguous && speaks) {
            class = NameClass::Person;
        } else {
            return;
        }
    } else if head.is_some() {
        class = NameClass::Person;
    } else if tables::demonym_country(bare).is_some() {
        return; // "Iranian", "Syrians"
    } else if name_tokens >= 2 && crate::places::is_place_first_word(first_word) {
        // "Port Hutt", "Fort Lee", "Lake Merritt": the places pass marks them.
        return;
    } else if name_tokens >= 2 && crate::places::is_place_head(doc.tok(end)) {
        // A place's name ("George Washington Bridge", "Naqsh-e Jahan Square"): the places
        // pass marks it. A person's name before the head stays a person's ("George
        // Washington"), unless the head is also a surname ("Sally Field").
        let head_is_surname = name_tokens == 2 && crate::places::is_weak_head(doc.tok(end));
        if tables::first_name(first_word).is_some() && !head_is_surname {
            let mut k = end - 1;
            while k > t && !doc.is_word(k) {
                k -= 1;
            }
            if k > t {
                classify_run(doc, vocab, t, k, out);
            }
            return;
        }
        if !head_is_surname || tables::first_name(first_word).is_none() {
            return;
        }
        class = NameClass::Person;
    } else if name_tokens >= 2 && !name_of_thing(doc, t, end) {
        if let Some(g) = tables::first_name(first_word) {
            class = NameClass::Person;
            gender.get_or_insert(g);
        } else if (t..=end).any(|k| is_person_particle(doc.tok(k))) {
            // "Tamim bin Hamad", "Ludwig van Beethoven", "al-Assad"; Romance particles also
            // join places ("Terre de Haut", "Paseo de Montejo"), so they need a first name.
            class = NameClass::Person;
        }
    }
    if class == NameClass::Person && gender.is_none() {
        gender = tables::first_name(first_word);
    }
    let mut last = end;
    let mut span_end = name_span.end;
    if class == NameClass::Org {
        // "Xinhua news agency": lowercase trailers that belong to the name.
        let mut k = end + 1;
        let mut words_taken = 0;
        while k < doc.toks.len() && words_taken < 2 && doc.is_word(k) && !doc.first_char(k).is_uppercase() {
            let lw = doc.lower(k);
            if lw == "news" || has(lexicon::ORG_TRAILERS, &lw) {
                last = k;
                span_end = doc.toks[k].span.end;
                words_taken += 1;
                k += 1;
            } else {
                break;
            }
        }
    }
    let possessive_len = name_text.len() - bare.len();
    let span_end = if last == end { span_end - possessive_len } else { span_end };
    let first = if head.is_some() { s } else { t };
    out.push(NameMention {
        span: Span::new(doc.toks[first].span.start, span_end),
        first,
        last,
        name: Some(Span::new(name_span.start, if last == end { name_span.end - possessive_len } else { span_end })),
        name_first: t,
        class,
        title,
        title_head: head,
        gender,
        in_quote,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        // `lexicon::has` and the title look-up are binary searches.
        let lists: &[(&str, &[&str])] = &[
            ("MORE_TITLES", MORE_TITLES),
            ("MORE_MALE_TITLES", MORE_MALE_TITLES),
            ("PERSON_VERBS", PERSON_VERBS),
            ("KIN_AND_LIFE_NOUNS", KIN_AND_LIFE_NOUNS),
            ("WORDLIKE_NAMES", WORDLIKE_NAMES),
            ("PERSON_ROLES", PERSON_ROLES),
        ];
        crate::lexicon::assert_sorted(lists);
        assert!(is_person_particle("bin") && is_person_particle("al-Assad") && !is_person_particle("de"));
        assert!(is_calendar_word("sat") && !is_calendar_word("galois"));
    }
}
