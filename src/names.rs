//! Named mentions: runs of capitalised words split into a title part and a name part, and
//! title mentions that stand for a person ("the Syrian President", "Qatar's emir").
//!
//! Newswire names a person in full with a title at first mention ("Syrian President Bashar
//! al-Assad"), then by surname or by title alone (AP Stylebook, "titles" and "second
//! reference"): the title parts recorded here are what later mentions are matched against.

use std::borrow::Cow;


use crate::case::lowercase;
use crate::doc::{Doc, TokenSet};
use crate::lexicon::{self, has, one_of, words, Words};
use crate::model::{LocationKind, Span};
use crate::tables::{self, Gender};
use crate::text::Tk;
use crate::wordtable::{same, WordTable};

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
///
/// By byte tests on the end, the same as `strip_suffix("'s")` then `strip_suffix("’s")`: the
/// string pattern's searcher cost about 40 instructions a call, and the passes ask this of
/// tokens and spans about 30,000 times per 100 KB of text (1.4% of all the work).
#[inline]
pub(crate) fn strip_possessive(w: &str) -> &str {
    // The final "s" first: most words leave at that one test.
    let cut = match w.as_bytes() {
        [.., b'\'', b's'] => 2,
        [.., 0xE2, 0x80, 0x99, b's'] => "’s".len(),
        _ => return w,
    };
    // The suffix is whole chars, so the cut is at a char boundary.
    w.get(..w.len() - cut).unwrap_or(w)
}

/// What the tables know of the first word of a mention's name part as a given name. A title
/// alone ("the Governor", "Professor of Linguistics") has no name part: its `name_first` is
/// past its last token, at the text's end even (fuzz input analyze-crash-8c78bf6fc1cd).
fn name_part_given_name(doc: &Doc, m: &NameMention) -> Option<Gender> {
    if m.name_first > m.last {
        return None;
    }
    tables::first_name(doc.tok(m.name_first))
}

/// A word that may stand inside a personal name run. Asked of every token: inlined, so that
/// the usual answers (a capitalised word, punctuation) cost no call (the calls were 2% of all
/// the work). Always: with the plain hint, the LTO build still called it.
#[inline(always)]
fn is_name_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    // A joined particle is at least "al-X", four bytes, and starts like one of the particles
    // (a test checks): most lowercase words are turned away by these before the byte search.
    t.cap || t.kind == Tk::Word && t.span().end - t.span().start >= 4 && matches!(t.first, 'a' | 'b' | 'd' | 'e' | 'i' | 'l' | 'v') && is_joined_particle(doc.tok(i))
}

/// The longest of [`lexicon::NAME_PARTICLES`] ("della"), in bytes (a test checks).
const MAX_PARTICLE_LEN: usize = 5;

/// "al-Assad", "el-Sisi", "bin-Salman": a lowercase particle joined to a capitalised name.
/// A byte search (the same as `split_once('-')`), which most words leave without a hyphen,
/// costs less than the char searcher. Asked of every lowercase word: only the bytes where the
/// first hyphen can follow a particle are searched, bytes 2 to `MAX_PARTICLE_LEN` (the
/// particles have two bytes or more and no hyphen, a test checks: a word whose first hyphen
/// comes sooner has no particle before a later one either). The iterator with `take` cost
/// about 55 instructions a word.
fn is_joined_particle(w: &str) -> bool {
    let b = w.as_bytes();
    // Bytes 2 to 5 one by one (`MAX_PARTICLE_LEN` is 5, a test checks): cheaper than a search.
    let hyphen = |k: usize| b.get(k) == Some(&b'-');
    let at = if hyphen(2) {
        Some(2)
    } else if hyphen(3) {
        Some(3)
    } else if hyphen(4) {
        Some(4)
    } else if hyphen(MAX_PARTICLE_LEN) {
        Some(MAX_PARTICLE_LEN)
    } else {
        None
    };
    if let Some(h) = at {
        let (pre, rest) = (w.get(..h).unwrap_or(""), w.get(h + 1..).unwrap_or(""));
        return lexicon::listed(pre, lexicon::NAME_PARTICLE) && rest.starts_with(|c: char| c.is_uppercase());
    }
    false
}

/// The words that the text writes with a lowercase first letter (as written): a capitalised
/// word whose lowercase form is among them is a common word at a sentence start, not a name.
pub(crate) struct Vocab<'a> {
    /// The lexicon's words among them, by `Lex::id`: half of a text's lowercase words, marked
    /// without hashing them again (`Doc::new` found each word's lexicon entry already), where
    /// inserting every word into one hash set was 2% of all the work.
    known: Vec<bool>,
    /// The others that a pass may ask about: a [`WordTable`], whose inserts and probes cost
    /// under half of a hash set's (the set's were 1.5% of all the work). The passes ask only
    /// about the words of name runs (capitalised words, joined particles, title heads), so only
    /// a lowercase word that is also the lowercase of such a word is kept: a list of a million
    /// distinct lowercase codes filled a table past the caches, and `examples/linearity.rs`
    /// saw its time grow 13 times for 8 times the text.
    other: WordTable<'a, ()>,
    /// The capitalised words of the text (`Doc::is_cap`), in order, listed in the same pass: the
    /// name and place passes that look at capitalised words only walk these, not every token
    /// (each walk over every token cost about 15 instructions a token).
    pub(crate) caps: Vec<usize>,
    /// The tokens that may start a name run ([`is_run_start`]), in order, listed in the same
    /// pass: `find_names` walks these, not every token (its own walk over every token was
    /// 1.5% of all the work).
    starts: Vec<usize>,
    /// The sentences written in title case ([`title_case_sentences`]), by sentence index.
    headlines: TokenSet,
}

impl Vocab<'_> {
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.other.get_hot(w).is_some() || lexicon::lex_entry_hot(w).is_some_and(|(_, l)| self.knows(l.id))
    }

    /// `self.contains(doc.lower(i))`, with the lexicon entry that `Doc::new` found for it. That
    /// entry first: it answers for the common words without the probe of `other`.
    pub(crate) fn contains_lower(&self, doc: &Doc, i: usize) -> bool {
        // A word written in lowercase is its own lowercase, which the text then has.
        let t = &doc.toks[i];
        (t.kind == Tk::Word && t.first.is_lowercase() && same(doc.tok(i), doc.lower(i))) || self.knows(doc.lex_id(i)) || self.other.get_hot(doc.lower(i)).is_some()
    }

    /// The first capitalised word at or after token `i`: `at` is a place in [`Vocab::caps`] that
    /// the caller keeps from one call to the next, with `i` growing.
    pub(crate) fn next_cap(&self, at: &mut usize, i: usize) -> Option<usize> {
        next_listed(&self.caps, at, i)
    }

    fn knows(&self, id: u16) -> bool {
        id != 0 && self.known.get(usize::from(id)).copied().unwrap_or(false)
    }
}

/// The first of `list` (token numbers in order) at or after token `i`: `at` is a place in the
/// list that the caller keeps from one call to the next, with `i` growing.
fn next_listed(list: &[usize], at: &mut usize, i: usize) -> Option<usize> {
    while list.get(*at).is_some_and(|&k| k < i) {
        *at += 1;
    }
    list.get(*at).copied()
}

/// Token `i` may start a name run: a name word, a title head, or "the".
#[inline(always)]
fn is_run_start(doc: &Doc, i: usize) -> bool {
    is_name_word(doc, i) || title_head(doc, i).is_some() || doc.tok(i) == "the"
}

/// From how many distinct lowercase words outside the lexicon [`lowercase_vocabulary`] keeps
/// only those a pass may ask about (see [`Vocab`]'s `other`): about 300 KB of news text has
/// this many, and a table of them stays in the caches up to there.
const FILTER_UNKNOWN_FROM: usize = 1 << 14;

/// The words of `other` and of the tokens `unknown` that a pass may ask about: the lowercase
/// of each run word (`starts`) that is no lexicon word, and of it without a possessive
/// (`Doc::lower_bare`, which may be a new String). Out of line: only long texts come here.
#[inline(never)]
fn asked_only<'a>(doc: &Doc<'a>, starts: &[usize], other: &WordTable<'a, ()>, unknown: &[u32]) -> WordTable<'a, ()> {
    // Each word's two forms, made once: the slices of the text's lowercase, and the Strings
    // apart, which the table can borrow only once they are all made.
    let mut words: Vec<&str> = Vec::with_capacity(starts.len());
    let mut bare: Vec<String> = Vec::new();
    for &i in starts {
        if doc.lex_id(i) == 0 {
            words.push(doc.lower(i));
            match doc.lower_bare(i) {
                Cow::Borrowed(b) => words.push(b),
                Cow::Owned(b) => bare.push(b),
            }
        }
    }
    let mut asked: WordTable<'_, ()> = WordTable::with_capacity(words.len() / 2 + bare.len());
    for w in words.into_iter().chain(bare.iter().map(String::as_str)) {
        asked.add(w);
    }
    let mut kept = WordTable::with_capacity(asked.len() / 4);
    for n in 0..other.len() + unknown.len() {
        let w = match n.checked_sub(other.len()) {
            None => other.entry(n).map_or("", |e| e.0),
            Some(u) => doc.tok(unknown[u] as usize),
        };
        if asked.get(w).is_some() {
            kept.add(w);
        }
    }
    kept
}

/// [`Vocab`] of the document.
pub(crate) fn lowercase_vocabulary<'a>(doc: &Doc<'a>) -> Vocab<'a> {
    let lowercase = |t: &crate::text::Token| t.kind == Tk::Word && t.first.is_lowercase();
    // Sized for the distinct words that are no lexicon word in typical news text (under a
    // fifth of its tokens), so that the set rarely grows.
    let mut other = WordTable::with_capacity((doc.toks.len() / 5).min(FILTER_UNKNOWN_FROM));
    // Once `other` holds FILTER_UNKNOWN_FROM words, the lowercase words that are no lexicon
    // word wait here for the filter below.
    let mut unknown: Vec<u32> = Vec::new();
    let mut known = vec![false; lexicon::lex_len() + 1];
    // About one token in five is capitalised in news text.
    let mut caps = Vec::with_capacity(doc.toks.len() / 4);
    // The capitalised words and about one token in twenty more ("the").
    let mut starts = Vec::with_capacity(doc.toks.len() / 4 + doc.toks.len() / 16);
    for (i, t) in doc.toks.iter().enumerate() {
        if t.cap {
            // A capitalised word is a name word, so it starts a run.
            caps.push(i);
            starts.push(i);
        } else if lowercase(t) {
            let w = doc.tok(i);
            // `is_run_start` of a lowercase word (no capital), its cheap tests first.
            if title_head(doc, i).is_some() || same(w, "the") || is_name_word(doc, i) {
                starts.push(i);
            }
            // The lexicon entry of `lower(i)` is this very word when it is its own lowercase.
            // (`same`, not `==`, here and for "the": in the wasm build each `==` is a call to
            // memcmp's byte loop, and these two are asked of every lowercase word.)
            let id = usize::from(doc.lex_id(i));
            if id != 0 && same(w, doc.lower(i)) {
                known[id] = true;
            } else if other.len() < FILTER_UNKNOWN_FROM {
                other.entry_or_insert_with(w, |_| ());
            } else {
                unknown.push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        } else if is_run_start(doc, i) {
            starts.push(i);
        }
    }
    // A text of news size keeps them all: the filter below costs more than it saves there
    // (1.6% more instructions on PolNeAR's texts).
    let headlines = title_case_sentences(doc);
    if unknown.is_empty() {
        return Vocab { known, other, caps, starts, headlines };
    }
    let other = asked_only(doc, &starts, &other, &unknown);
    Vocab { known, other, caps, starts, headlines }
}

/// A word a title-case headline leaves in lowercase: an article, a conjunction or a short
/// preposition (Chicago capitalises all other words, AP every word of four letters or more;
/// both capitalise every verb, "Is" and "Won" too). A `matches!`, not a list search: asked of
/// the first lowercase words of every sentence, the search was 0.5% of all the work.
fn headline_lowercase(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "and" | "as" | "at" | "but" | "by" | "for" | "from" | "in" | "into" | "nor" | "of" | "off" | "on" | "onto" | "or"
            | "over" | "per" | "so" | "than" | "the" | "to" | "up" | "upon" | "via" | "vs" | "with" | "yet"
    )
}

/// The sentences written in title case ("Trump Says He’s Unlikely To Have A Good Relationship
/// With David Cameron"): three words or more, no lowercase word but those of
/// [`headline_lowercase`], two in three words capitalised (not in capitals), and a comma
/// at most every four words. In them every capitalised
/// word is as likely a common word as at a sentence start. A sentence of prose has a longer
/// lowercase word within its first few, where the scan stops.
#[inline(never)]
fn title_case_sentences(doc: &Doc) -> TokenSet {
    let mut set = TokenSet::with_len(doc.sents.len());
    for (k, &(a, b)) in doc.sents.iter().enumerate() {
        let (mut words, mut titled, mut commas) = (0usize, 0usize, 0usize);
        let prose = (a..b).any(|i| {
            let t = &doc.toks[i];
            if t.kind != Tk::Word {
                commas += usize::from(doc.is_punct(i, ','));
                return false;
            }
            words += 1;
            // Capitalised, not in capitals: a line in capitals ("BEST THING THAT HAPPENED TO
            // REPUBLICANS") is no title case, and its runs are read as they were.
            titled += usize::from(t.cap && doc.tok(i).chars().nth(1).is_some_and(char::is_lowercase));
            t.first.is_lowercase() && !headline_lowercase(doc.tok(i))
        });
        // A list of names ("Mark Lucas, Liz Mathis, Chad Olsen") has a comma every two or
        // three words; a headline has few.
        if !prose && words >= 3 && titled * 3 >= words * 2 && commas * 4 <= words {
            set.insert(k);
        }
    }
    set
}

/// Word `i` is a common word that happens to be capitalised (sentence start, headline).
pub(crate) fn is_common_cap(doc: &Doc, vocab: &Vocab, i: usize) -> bool {
    let lw = doc.lower(i);
    // "Here's Clinton in 1992: …": a common word keeps being one with a clitic "'s". The word
    // itself by its class bit; the search again only when a clitic came off.
    let bare = strip_possessive(lw);
    doc.in_class(i, lexicon::COMMON_CAP) || vocab.contains_lower(doc, i) || bare.len() != lw.len() && lexicon::listed(bare, lexicon::COMMON_CAP)
}

/// A name that is no person's although it may start with a first name: an event ("Summer
/// Paralympics"), a work or a title ("Virginia Governor"), a day ("Virginia Saturday").
fn name_of_thing(doc: &Doc, t: usize, end: usize) -> bool {
    let _ = t;
    // `places::is_event_head`, `places::is_not_name_word` and the titles, in one probe.
    bare_listed(doc, end, lexicon::NOT_PLACE_HEAD | lexicon::ORG_HEAD | lexicon::NOT_PLACE | lexicon::TITLE)
}

/// `lexicon::listed(&doc.lower_bare(k), bits)`, from the bits `Doc::new` looked up when no
/// possessive came off.
fn bare_listed(doc: &Doc, k: usize, bits: u64) -> bool {
    doc.prefix_classes(k, &doc.lower_bare(k)) & bits != 0
}

/// The word after token `end` is a speech cue ("Jordan said").
/// Not a bare noun-like form ("the Virginia state director": see [`Doc::bare_noun_form`]).
fn speaks_after(doc: &Doc, end: usize) -> bool {
    end + 1 < doc.toks.len() && doc.is_word(end + 1) && doc.cue_lemma(end + 1).is_some() && !doc.bare_noun_form(end + 1)
}

/// Days and months, sorted.
pub(crate) const CALENDAR: Words = words![
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "fri", "friday",
    "jan", "january", "jul", "july", "jun", "june", "mar", "march", "mon", "monday", "nov",
    "november", "oct", "october", "sat", "saturday", "sep", "sept", "september", "sun",
    "sunday", "thu", "thur", "thurs", "thursday", "tue", "tues", "tuesday", "wed",
    "wednesday",
];

/// Days and months: never the end of a name ("Virginia Saturday").
fn is_calendar_word(w: &str) -> bool {
    lexicon::listed(w, lexicon::CALENDAR_WORD)
}

/// A particle that marks a person's name on its own: Arabic, Dutch and German ones, alone or
/// joined ("bin", "van", "al-Assad"). Romance "de", "la", "du" name places as often.
fn is_person_particle(w: &str) -> bool {
    // The part before the first hyphen by a byte search, not the char pattern's searcher.
    let pre = w.as_bytes().iter().position(|&b| b == b'-').map_or(w, |h| w.get(..h).unwrap_or(""));
    // Every particle has two to four letters, all ASCII (a test checks), and no other char
    // lowercases to an ASCII letter of one: most words leave here, before the lowercasing.
    if !(2..=4).contains(&pre.len()) {
        return false;
    }
    crate::text::with_lowercase(pre, |p| lexicon::listed(p, lexicon::PERSON_PARTICLE)) && (w == pre || pre.chars().all(char::is_lowercase))
}

/// The particles of [`is_person_particle`], sorted (lexicon bit `PERSON_PARTICLE`).
pub(crate) const PERSON_PARTICLES: Words = words!["abu", "al", "bin", "bint", "ibn", "van", "von"];

/// Title head at token `i` (lowercase, dot-less), if any: [`title_head_id_of`] the word, which
/// `Doc::new` asked once for each token.
#[inline]
fn title_head(doc: &Doc, i: usize) -> Option<&'static str> {
    doc.title_head(i)
}

/// The title head that `lw` (lowercase, without a possessive) is, without a final dot, as the
/// lexicon's [`lexicon::Lex::id`] of it (0 for none): `Doc::new` keeps it in two bytes.
pub(crate) fn title_head_id_of(lw: &str) -> u16 {
    // Both lists by the lexicon's bit, whose entry is the word as listed: one probe, and no
    // hash set of its own to build.
    lexicon::lex_entry(crate::text::strip_dot(lw)).filter(|(_, l)| l.classes & lexicon::TITLE_HEAD != 0).map_or(0, |(_, l)| l.id)
}

/// A word (as [`Doc::lower_bare`] gives it) of the title lists or the title modifiers.
pub(crate) fn is_listed_title_word(lw: &str) -> bool {
    // Both lists by the lexicon's bit.
    lexicon::listed(lw, lexicon::TITLE_LISTED)
}

/// Titles of rulers, nobles and saints, besides `lexicon::TITLES`: "Emperor Norton", "Tsar
/// Peter", "Shah Abbas I", "Saint Jerome", sorted.
pub(crate) const MORE_TITLES: Words = words![
    "archduke", "baron", "baroness", "count", "countess", "czar", "duchess", "duke", "earl",
    "emperor", "empress", "kaiser", "khan", "madame", "maharaja", "marquis", "mister", "monsieur",
    "pharaoh", "shah", "tsar", "tsarevna", "tsarina", "viscount",
];

/// Male titles among [`MORE_TITLES`].
pub(crate) const MORE_MALE_TITLES: Words = words![
    "archduke", "baron", "count", "czar", "duke", "earl", "emperor", "kaiser", "marquis",
    "mister", "monsieur", "pharaoh", "shah", "tsar", "viscount",
];

/// One title-prefix word: a title head, a modifier, a nationality or a country's possessive.
/// Returns the word as it goes into the normalised title phrase.
/// Borrowed from the document where it can be: most callers only ask whether there is one.
fn title_word<'d>(doc: &'d Doc, i: usize) -> Option<Cow<'d, str>> {
    title_demonym(doc, i).map(|d| match d {
        // "Qatar's emir" is the Qatari emir.
        Some(demonym) => Cow::Owned(lowercase(demonym)),
        None => doc.lower_bare(i),
    })
}

/// `title_word(doc, i).is_some()`, without making the word: the name runs ask that of every
/// word that may end one (about 5,000 calls in the 40-text profile, most of them for a
/// lowercase word or a mark, which leave at the first tests here).
#[inline]
fn is_title_word(doc: &Doc, i: usize) -> bool {
    title_demonym(doc, i).is_some()
}

/// Whether token `i` is a title-prefix word ([`title_word`]): `Some(None)` when it stands for
/// itself (a region's possessive among them: "Ohio's governor"), `Some(Some(demonym))` for a
/// country's possessive, which stands for the country's demonym; `None` for any other token.
fn title_demonym(doc: &Doc, i: usize) -> Option<Option<&'static str>> {
    if doc.toks[i].kind != Tk::Word {
        return None;
    }
    // Both lists, asked of every word of every name run: looked up once per token by Doc::new.
    if doc.title_listed(i) || title_head(doc, i).is_some() {
        return Some(None);
    }
    // A word whose first char is uppercase is capitalised (`Token::cap`).
    if !doc.is_cap(i) {
        return None;
    }
    let w = doc.tok(i);
    if tables::demonym_country(w).is_some() {
        return Some(None);
    }
    let base = strip_possessive(w);
    if base.len() == w.len() {
        return None;
    }
    let p = tables::place(base).filter(|p| matches!(p.kind, LocationKind::Country | LocationKind::Region))?;
    if p.kind == LocationKind::Region {
        return Some(None);
    }
    tables::country_demonym(p.country).map(Some)
}

/// The most words of title modifiers between a country's possessive and the title's head:
/// "Italy's prime minister", "Britain's former foreign secretary" (two).
const MAX_TITLE_MODIFIERS: usize = 3;

/// A title starts at token `j`, right after a possessive: its head ("Qatar's emir") or, after a
/// country's possessive (`country`: [`is_title_word`] of it), title modifiers and then the head
/// ("Italy's prime minister", "Britain's foreign secretary"), on the same line. (A region's
/// possessive is a title word too, standing for itself, since 2026-11-30: "Illinois’s
/// governor, J.B. Hartley," then gives him the title; the place is still found.) Not a
/// kin word written in lowercase, which is a common noun that the name owns ("Moreau's
/// father"), not a religious title ("Father Brown").
fn title_after_possessive(doc: &Doc, j: usize, country: bool) -> bool {
    let kin = |k: usize| doc.first_char(k).is_lowercase() && doc.in_class(k, lexicon::KIN_NOUN);
    let most = if country { MAX_TITLE_MODIFIERS } else { 0 };
    let mut k = j;
    while k < doc.toks.len() && k <= j + most && (k == j || doc.toks[k].breaks_before == 0) {
        if title_head(doc, k).is_some() {
            return !kin(k);
        }
        if !(doc.is_word(k) && doc.title_listed(k)) {
            return false;
        }
        k += 1;
    }
    false
}

/// Finds the named mentions and the title mentions of the document, in text order.
pub(crate) fn find_names(doc: &Doc, vocab: &Vocab) -> Vec<NameMention> {
    let n = doc.toks.len();
    // Room for the mentions of typical news text (about one per eight tokens): growing the
    // vector of these large structs copied it again and again.
    let mut out = Vec::with_capacity(n / 8 + 1);
    let mut of_heads = Vec::new();
    let surnames = full_name_surnames(doc, vocab);
    let firms = described_firms(doc, vocab);
    let mut i = 0;
    let mut at = 0;
    // Only a token of `vocab.starts` begins a run: on to the next one.
    while let Some(start) = next_listed(&vocab.starts, &mut at, i) {
        // Collect the run: name words, particles between name words, dots after initials and
        // abbreviated titles ("Mr.", "John F. Kennedy"), and lowercase title words.
        let mut j = start;
        let mut end = i; // last token of the run (inclusive)
        // A run stays in its sentence: whether that is a title-case headline, asked once.
        let headline = vocab.headlines.contains(doc.sent_of(start));
        while j < n {
            if j > start && (doc.toks[j].breaks_before > 0 || doc.sent[j] != doc.sent[start]) {
                break;
            }
            let w = doc.tok(j);
            // A capitalised speech verb ends a name in a title-case headline ("..., Trevor
            // Noah Says").
            // Not when it ends a place's name ("United States", "Baltic States").
            let cue_word = j > start
                && doc.cue_lemma(j).is_some()
                && crate::places::lookup(doc.text_of(doc.span(j - 1, j))).is_none();
            // "Donald Trump Is a ‘Proven Failure’", "Claim That Donald Trump", "Bernie Sanders
            // And Hillary Clinton Are Fighting": a title-case headline capitalises its function
            // words; one inside a run ends the name, as it would in lowercase.
            // Only there: in prose, capitalised function words belong to the names of works
            // and bodies ("This Week With George Stephanopoulos", "Coalition Against Trump"),
            // and "From" is a surname (Al From).
            let function_word = headline && j > start && doc.toks[j].cap && is_title_case_function_word(w);
            let ok = if cue_word || function_word {
                false
            } else if is_name_word(doc, j) || is_title_word(doc, j) || (j == start && w == "the") {
                true
            } else if doc.is_punct(j, '.') && !doc.toks[j].space_before && j > start {
                // The dot of an initial or an abbreviated title, when a name follows.
                let prev = doc.tok(j - 1);
                // Not "X" after "on": the social network ("in a post on X. Washington said").
                let platform = prev == "X" && j == start + 1 && start > 0 && doc.lower_is(start - 1, "on");
                let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase) && !platform;
                // "St. Louis", "Mt. Hood": the abbreviation that starts a place's name.
                let place_abbr = matches!(prev, "St" | "Ste" | "Mt" | "Ft" | "Pt");
                // Not the full stop of a sentence that ends in a title ("... as President. He").
                (initial || place_abbr || title_head(doc, j - 1).is_some()) && j + 1 < n && is_name_word(doc, j + 1) && doc.sent[j + 1] == doc.sent[start]
            } else if doc.toks[j].kind == Tk::Word && doc.in_class(j, lexicon::NAME_PARTICLE) && w == doc.lower(j) && j > start {
                // `lexicon::listed(w, NAME_PARTICLE)` by the token's class bit: the particles
                // are lowercase, so the word as written must be its lowercase ("van", not
                // "Van"). A probe of the lexicon for every word of every run was 0.35% of the
                // 40-text profile.
                j + 1 < n && is_name_word(doc, j + 1) && doc.first_char(j + 1).is_uppercase()
            } else {
                j > start && plural_possessive_in_name(doc, j)
            };
            if !ok {
                break;
            }
            end = j;
            j += 1;
            // A possessive ends the run ("Iran's regional strategy") unless a title follows it
            // ("Qatar's emir", "Italy's prime minister").
            if strip_possessive(w).len() != w.len() && !(j < n && title_after_possessive(doc, j, is_title_word(doc, j - 1))) {
                break;
            }
        }
        // An article alone is no name: `classify_run` would find nothing after it (most of the
        // runs that "the" starts are that; the calls cost 0.1% of all the work).
        if end > start && headline {
            headline_run(doc, vocab, &surnames, &firms, start, end, &mut out);
        } else if !(end == start && matches!(doc.lower(start), "the" | "a" | "an")) {
            classify_run(doc, vocab, &surnames, &firms, start, end, &mut out);
        }
        // A run that stops before "of" or "for" at a capitalised head of an organisation's
        // name ("Department", "Bank"): `orgs_of` looks at these only.
        if doc.is_word(end + 1) && matches!(doc.tok(end + 1), "of" | "for" | "on") && doc.is_cap(end) && doc.in_class(end, lexicon::ORG_HEAD) {
            of_heads.push(end);
        }
        i = end + 1;
    }
    orgs_of(doc, vocab, &surnames, &firms, &mut out, &of_heads);
    titles_of(doc, vocab, &mut out);
    places_listed(doc, &mut out);
    eponyms(doc, vocab, &mut out);
    promote_persons(doc, vocab, &mut out);
    organisations_by_shape(doc, &mut out);
    speaker_labels(doc, vocab, &mut out);
    out
}

/// The most tokens of a speaker label before its colon: "SEN. ELIZABETH WARREN:" has four.
const MAX_LABEL_TOKENS: usize = 5;

/// Words that open a line before a colon without naming anyone ("Update: ...", "Photo: ...",
/// "Editor's note: ..."), sorted. (A single common word is turned away anyway, as one the text
/// writes in lowercase; these are the labels of news pages that may be written only so.)
const NOT_SPEAKER_LABELS: Words = words![
    "advertisement", "analysis", "answer", "background", "breaking", "caption", "clarification", "commentary",
    "contact", "correction", "credit", "credits", "disclaimer", "disclosure", "editor", "editor's", "editors",
    "email", "exclusive", "featured", "filed", "graphic", "image", "images", "interview", "listen", "live",
    "map", "more", "note", "opinion", "photo", "photos", "poll", "question", "read", "related", "review",
    "share", "source", "sources", "subscribe", "summary", "tags", "topics", "transcript", "update", "updated",
    "video", "warning", "watch",
];

/// A word of [`NOT_SPEAKER_LABELS`] (lowercase).
pub(crate) fn not_speaker_label(lw: &str) -> bool {
    has(NOT_SPEAKER_LABELS, lw)
}

/// The colon that ends a speaker label opening the line at token `a`: up to
/// [`MAX_LABEL_TOKENS`] capitalised words (and the dots of "Sen." and "J."), then a colon and
/// more of the same line.
fn label_colon(doc: &Doc, a: usize) -> Option<usize> {
    let n = doc.toks.len();
    for k in a..n.min(a + MAX_LABEL_TOKENS + 1) {
        if k > a && doc.toks[k].breaks_before > 0 {
            return None;
        }
        if doc.is_punct(k, ':') {
            return (k > a && k + 1 < n && doc.toks[k + 1].breaks_before == 0 && doc.is_word(k - 1)).then_some(k);
        }
        let word = doc.is_word(k) && doc.is_cap(k);
        let dot = k > a && doc.is_punct(k, '.') && !doc.toks[k].space_before && doc.is_word(k - 1);
        if !(word || dot) {
            return None;
        }
    }
    None
}

/// The person named by a speaker label: the label's word in title case when the label is in
/// capitals ("KATE" -> "Kate"), for the table of first names.
fn label_given_name(doc: &Doc, a: usize) -> Option<Gender> {
    let w = doc.tok(a);
    if w.chars().skip(1).any(char::is_lowercase) {
        return tables::first_name(w);
    }
    // The word's first char as written (a capital), then its lowercase: no case conversion
    // of our own (`char::to_uppercase` brings its tables into the wasm).
    let first = w.chars().next().map_or(0, char::len_utf8);
    let lw = doc.lower(a);
    let mut title = String::with_capacity(w.len());
    title.push_str(w.get(..first).unwrap_or(""));
    title.push_str(lw.get(first..).unwrap_or(""));
    tables::first_name(&title)
}

/// Speaker labels of transcripts and interviews: a line that opens with a name and a colon
/// ("KATE BOLDUAN: Why not debate?", "Matthews: Well, speculation is bad."). The label names a
/// person when the text repeats it as a label (by its last word: "JOEL BENENSON:" then
/// "BENENSON:"), or when it starts with a known first name. A label the passes before found
/// as an untyped name becomes a person's; one they missed (a name in capitals, a surname alone)
/// becomes a mention of its own. `attribution` gives each such line to its speaker.
#[inline(never)]
fn speaker_labels(doc: &Doc, vocab: &Vocab, out: &mut Vec<NameMention>) {
    // (line start, colon) of each label-shaped line opening: only capitalised words start one.
    let mut labels: Vec<(usize, usize)> = Vec::new();
    for &a in &vocab.caps {
        if a == 0 || doc.toks[a].breaks_before > 0 {
            if let Some(c) = label_colon(doc, a) {
                labels.push((a, c));
            }
        }
    }
    if labels.is_empty() {
        return;
    }
    // A label is repeated when the text has the same label again, or has its last word alone
    // as a label too ("JOEL BENENSON:" and "BENENSON:"). Not "Basse Terre:" and "Grande
    // Terre:", a list of places. (Tables of words, as the other passes keep: a sort of the
    // labels' texts, or a table of counts, each added kilobytes of code to the wasm.)
    let key = |c: usize| strip_possessive(doc.lower(c - 1));
    let whole = |a: usize, c: usize| {
        let sp = doc.span(a, c - 1);
        doc.text_of(sp)
    };
    let set = || -> WordTable<'_, ()> { WordTable::with_capacity(labels.len()) };
    let (mut once, mut twice, mut last_once, mut last_twice, mut single) = (set(), set(), set(), set(), set());
    for &(a, c) in &labels {
        let (w, k) = (whole(a, c), key(c));
        if once.get(w).is_some() {
            twice.add(w);
        }
        once.add(w);
        if last_once.get(k).is_some() {
            last_twice.add(k);
        }
        last_once.add(k);
        if a + 1 == c {
            single.add(k);
        }
    }
    let repeated = |a: usize, c: usize| twice.get(whole(a, c)).is_some() || single.get(key(c)).is_some() && last_twice.get(key(c)).is_some();
    for (a, c) in labels {
        let last = c - 1;
        let span = doc.span(a, last);
        let text = doc.text_of(span);
        let given = label_given_name(doc, a);
        let speaker_like = (repeated(a, c) || given.is_some())
            && doc.tok(last).chars().count() > 1
            && !not_speaker_label(doc.lower(a))
            && !(a == last && is_common_cap(doc, vocab, a))
            && !is_calendar_word(doc.lower(a))
            && crate::places::lookup(text).is_none();
        if !speaker_like {
            continue;
        }
        let at = out.partition_point(|m| m.first < a);
        match out.get_mut(at) {
            // The passes before found this very name: an untyped one speaks as a person here.
            Some(m) if m.first == a && m.last == last => {
                if m.class == NameClass::Unknown {
                    m.class = NameClass::Person;
                }
            }
            // Another name starts inside the label: left as the passes found it.
            Some(m) if m.first <= last => {}
            _ => out.insert(
                at,
                NameMention {
                    span,
                    first: a,
                    last,
                    name: Some(span),
                    name_first: a,
                    class: NameClass::Person,
                    title: None,
                    title_head: None,
                    gender: given.filter(|&g| g != Gender::Either),
                    in_quote: doc.inside_quote(a),
                },
            ),
        }
    }
}

/// A run of a title-case headline, where verbs and nouns are capitalised as names are
/// ("Mike Huckabee Makes Sexist Wife Joke"): cut before each word that the text also writes
/// in lowercase, each piece a run of its own. The pieces' leading common words go as at a
/// sentence start (`classify_run`), so "Makes", "Sexist" and "Joke" alone name nothing. Title
/// words ("Fed Chair Janet Yellen") and organisations' head words ("Paris Climate Agreement")
/// stay inside a name. A loop, not recursion: a pasted page of capitalised words is one run.
#[inline(never)]
fn headline_run(doc: &Doc, vocab: &Vocab, surnames: &WordTable<'_, ()>, firms: &WordTable<'_, ()>, start: usize, end: usize, out: &mut Vec<NameMention>) {
    // A piece of one word that reads as a headline's verb ("Wisconsin Elects", "Sanders
    // Burns Hillary Clinton"): a third-person "-s" form that no list knows as a name, a
    // body or a people, and no full name of the text ends with.
    let verb_alone = |k: usize| {
        let w = doc.lower(k);
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !doc.in_class(k, lexicon::KNOWN_ORG | lexicon::GROUP_NAME | lexicon::PEOPLE | lexicon::ORG_HEAD)
            && surnames.get(w).is_none()
            && tables::first_name(doc.tok(k)).is_none()
            && crate::places::lookup(doc.tok(k)).is_none()
    };
    let piece = |from: usize, to: usize, out: &mut Vec<NameMention>| {
        if !(from == to && doc.is_word(from) && verb_alone(from)) {
            classify_run(doc, vocab, surnames, firms, from, to, out);
        }
    };
    let mut from = start;
    // A given name among the piece's words before `k - 1` (kept as the loop goes: a search
    // of the piece for each word was quadratic in a long run of capitals).
    let mut named = false;
    for k in start + 1..=end {
        if k >= from + 2 && doc.is_word(k - 2) && tables::first_name(doc.tok(k - 2)).is_some() {
            named = true;
        }
        // After the surname of a full name that the text writes elsewhere, the name is over
        // ("Donald Trump Calls Out Ted Cruz": "Trump" of "Donald Trump").
        // A known given name starts a name of its own ("Bernie Sanders Beats Hillary
        // Clinton"), unless a title or another given name comes before it.
        // Both only after a given name earlier in the piece, so that the piece before the cut
        // is a name in full ("Craig Robinson" stays one where the text has "Sara Craig" too;
        // "Teddie Eleanor Rose Goode" stays one).
        let after_surname = named
            && doc.is_word(k)
            && doc.is_word(k - 1)
            && tables::first_name(doc.tok(k - 1)).is_none()
            && surnames.get(strip_possessive(doc.lower(k - 1))).is_some();
        let given = named && k < end && doc.is_word(k) && doc.is_word(k - 1) && doc.is_cap(k + 1) && tables::first_name(doc.tok(k)).is_some() && !is_title_word(doc, k - 1) && tables::first_name(doc.tok(k - 1)).is_none();
        // A common word before an organisation's head word is its first ("World Bank").
        let before_head = doc.is_word(k + 1) && k < end && doc.in_class(k + 1, lexicon::ORG_HEAD);
        // After a place's name, a word that neither continues it nor heads a body's name is
        // the headline's verb ("Ohio Elects A Judge").
        let place_to = |to: usize| {
            let sp = doc.span(from, to);
            crate::places::lookup(doc.text_of(sp)).is_some()
        };
        let after_place = k - from <= tables::MAX_PLACE_WORDS
            && doc.is_word(k)
            && !doc.in_class(k, lexicon::ORG_HEAD | lexicon::PLACE_PART)
            && place_to(k - 1)
            && !place_to(k);
        let breaks = after_surname
            || after_place
            || given
            || doc.toks[k].kind == Tk::Word && is_common_cap(doc, vocab, k) && !is_title_word(doc, k) && !doc.in_class(k, lexicon::ORG_HEAD) && !before_head;
        if breaks {
            piece(from, k - 1, out);
            from = k;
            named = false;
        }
    }
    piece(from, end, out);
}

/// A function word as a title-case headline writes it ("And", "Is", "That"): none of these
/// stands inside a name written that way. ("Will" and "May" are left out: George Will,
/// Theresa May. The lowercase "of" of "Bank of America" is no name word either, so a run
/// stops there too.)
fn is_title_case_function_word(w: &str) -> bool {
    has(TITLE_CASE_FUNCTION_WORDS, w)
}

const TITLE_CASE_FUNCTION_WORDS: Words = words![
    "About", "After", "Against", "Amid", "And", "Are", "As", "At", "Before", "But", "By", "For", "From", "Had",
    "Has", "Have", "In", "Into", "Is", "Isn't", "Not", "Of", "On", "Or", "Over", "Than", "That", "To", "Was",
    "Wasn't", "Were", "With",
];

/// Lone words that are organisations by their shape or place, not persons:
/// - "FNSEA", "EFE": a word of three or more capital letters that no pass has typed is an
///   organisation's acronym. (Untyped, a speaking name is taken for a person's, and "Arnaud
///   Rousseau, the head of the FNSEA, France's largest farm union, said" was spoken by
///   "FNSEA", the name nearest the cue, not by the person the appositive describes.) Not
///   before a colon: a transcript's speaker label ("BLITZER: ...") is a surname in capitals.
/// - "Stacy Rasgon of Bernstein": a word after a person's full name and "of" that is no place
///   says where the person works (the surname lists made "Bernstein" a person).
/// - "The Guardian", "the Senate": "the" and an organisation's head word alone.
#[inline(never)]
fn organisations_by_shape(doc: &Doc, out: &mut [NameMention]) {
    for i in 0..out.len() {
        let m = &out[i];
        if m.first != m.last || m.title.is_some() || !matches!(m.class, NameClass::Unknown | NameClass::Person) {
            continue;
        }
        let w = strip_possessive(doc.tok(m.first));
        let capitals = |t: &str| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_uppercase());
        // Not a word of a line in capitals ("NEW YORK (Reuters) -", a headline) nor a place's
        // name in capitals ("YORK").
        let in_capitals = (m.first > 0 && doc.is_word(m.first - 1) && capitals(doc.tok(m.first - 1)))
            || (m.last + 1 < doc.toks.len() && doc.is_word(m.last + 1) && capitals(doc.tok(m.last + 1)));
        let acronym = m.class == NameClass::Unknown
            && w.len() >= 3
            && capitals(w)
            && !doc.is_punct(m.last + 1, ':')
            && !in_capitals
            && crate::places::lookup(w).is_none();
        let employer = i > 0 && m.first >= 2 && doc.tok_is(m.first - 1, "of") && {
            let p = &out[i - 1];
            p.class == NameClass::Person && p.last + 2 == m.first && p.name_first < p.last && crate::places::lookup(w).is_none()
        };
        // "The Guardian called the album ...", "the Senate": "the" and one capitalised word
        // that heads organisations' names is that organisation, whatever it does.
        let the_body = m.first >= 1 && doc.lower_is(m.first - 1, "the") && doc.in_class(m.first, lexicon::ORG_HEAD);
        if acronym || employer || the_body {
            out[i].class = NameClass::Org;
        }
    }
}

/// The lowercase last words of the full names of the text that start with a known first name
/// and a surname, written inside a sentence ("Rick Santorum" gives "santorum"): one pass over
/// the tokens.
fn full_name_surnames<'d>(doc: &'d Doc, vocab: &Vocab) -> WordTable<'d, ()> {
    let mut set = WordTable::with_capacity(16);
    // Token `i` must be capitalised: the capitalised words only.
    for i in vocab.caps.iter().copied().filter(|&i| i >= 1) {
        // The capitals first: they turn most tokens away (every test is pure, so the order
        // does not change the answer). A capitalised token is a word (`Token::cap`), so `i`
        // is one, and so is `i - 1` when capitalised.
        if doc.is_cap(i - 1)
            && doc.sent[i] == doc.sent[i - 1]
            && doc.toks[i].breaks_before == 0
            && i - 1 != doc.sentence_of(i).0
            && tables::first_name(doc.tok(i - 1)).is_some()
            && !doc.in_class(i - 1, lexicon::WORDLIKE_NAME)
            // The last word: "Wasserman" of "Debbie Wasserman Schultz" is no surname alone.
            && !(doc.is_word(i + 1) && doc.is_cap(i + 1) && doc.toks[i + 1].breaks_before == 0 && doc.sent.get(i + 1) == Some(&doc.sent[i]))
        {
            set.entry_or_insert_with(strip_possessive(doc.lower(i)), |_| ());
        }
    }
    set
}

/// Nouns that news text sets right before a firm's or a body's name to say what it is: "the
/// retailer Walmart", "the music site Pitchfork", "the British bank Barclays", "chipmaker
/// Nvidia" (the descriptive apposition of news style: the AP Stylebook's own example is "the
/// Japanese automaker Toyota"). No noun that comes before people's names is here ("publisher",
/// "producer", "developer"), nor any "-maker" of `firm_maker`'s exceptions ("lawmaker").
///
/// Asked of word `i` of the text: the list's [`lexicon::FIRM_NOUN`] bit, which `Doc::new` looked
/// up, then the "-maker" test.
fn firm_noun(doc: &Doc, i: usize) -> bool {
    doc.in_class(i, lexicon::FIRM_NOUN) || firm_maker(doc.lower(i))
}

/// The nouns of [`firm_noun`] besides the "-maker"s, sorted. (A list, not a `match`: the
/// match was 1.2 KB of wasm. The lexicon gives its words the [`lexicon::FIRM_NOUN`] bit, so
/// the text asks no search of it.)
pub(crate) const FIRM_NOUNS: Words = words![
    "agency", "airline", "band", "bank", "brand", "broadcaster", "carrier", "chain", "charity",
    "club", "company", "conglomerate", "firm", "giant", "group", "insurer", "label", "lender",
    "magazine", "manufacturer", "network", "newspaper", "operator", "outlet", "party", "platform",
    "provider", "publication", "regulator", "retailer", "site", "start-up", "startup", "studio",
    "supplier", "tabloid", "union", "watchdog", "website",
];

/// A trade noun in "-maker" that names a firm: "the chipmaker", "carmaker Toyota", "the
/// iPhone-maker". Not the ones for people: "lawmaker", "filmmaker", "policymaker" and their
/// like (the list below; "bookmaker" stays a firm, as in British news).
pub(crate) fn firm_maker(lw: &str) -> bool {
    // `strip_suffix`, not `trim_end_matches`: a str pattern to trim builds core's substring
    // searcher, 2 KB of wasm.
    let Some(trade) = lw.strip_suffix("maker") else { return false };
    lw.len() > 7 && !has(PERSON_MAKERS, trade.strip_suffix('-').unwrap_or(trade))
}

/// What comes before "-maker" in the nouns for people (`firm_maker`), sorted.
const PERSON_MAKERS: Words = words![
    "deal", "decision", "dress", "film", "hay", "home", "king", "law", "match", "merry", "movie",
    "noise", "pace", "peace", "play", "policy", "rain", "rule", "shoe", "trouble", "watch", "wine",
];

/// A [`firm_noun`] stands right before token `t`, the first word of a name, on its line: in
/// lowercase ("the retailer Walmart"), or opening the sentence ("Chipmaker Nvidia said").
fn firm_described(doc: &Doc, t: usize) -> bool {
    t > 0
        && doc.toks[t].breaks_before == 0
        && doc.is_word(t - 1)
        && firm_noun(doc, t - 1)
        && (!doc.is_cap(t - 1) || t - 1 == doc.sentence_of(t).0)
}

/// The name at tokens `t..=end` (`t > 0`), after a [`firm_noun`], is the subject of a relative clause
/// without "that" ("of the group Fiorina addressed", "voters, a group Barack Obama won"): a
/// lowercase word other than a speech verb follows it, and the noun phrase does not open the
/// sentence. Where it does, the name is in apposition to it ("The retailer Walmart cut
/// prices"); before a speech verb, anywhere ("On Monday, the retailer Walmart said").
fn relative_after_firm_noun(doc: &Doc, t: usize, end: usize) -> bool {
    let k = end + 1;
    if !(doc.is_word(k) && !doc.is_cap(k) && doc.cue_lemma(k).is_none()) {
        return false;
    }
    // Back from the noun over its modifiers ("the British bank") to its determiner, if any.
    let sent_start = doc.sentence_of(t).0;
    let mut p = t - 1;
    for _ in 0..3 {
        if p == sent_start || !doc.is_word(p - 1) || one_of(doc.lower(p), &["the", "a", "an"]) {
            break;
        }
        p -= 1;
    }
    p > sent_start
}

/// The one-word names of the text that a [`firm_noun`] describes somewhere ("the carmaker
/// Toyota"), as written: their other lone uses are the firm's too (`classify_run`).
fn described_firms<'d>(doc: &'d Doc, vocab: &Vocab) -> WordTable<'d, ()> {
    let mut set = WordTable::with_capacity(4);
    for &i in &vocab.caps {
        let one_word = !(doc.is_cap(i + 1) && doc.toks[i + 1].breaks_before == 0);
        if one_word && firm_described(doc, i) && !relative_after_firm_noun(doc, i, i) {
            set.entry_or_insert_with(strip_possessive(doc.tok(i)), |_| ());
        }
    }
    set
}

/// Heads of honours named after a person: "the Stirling Prize", "the César Award", sorted.
pub(crate) const HONOURS: Words = words!["award", "lecture", "medal", "prize", "scholarship", "trophy"];

/// An honour named after a person names the person: "the Stanislavsky Award", "the Pritzker
/// Architecture Prize" (with one common word of its field between). The person's name is the
/// first word, no common word of the text, no place, demonym or acronym ("BAFTA Award",
/// "Austrian State Prize", "Royal Gold Medal"); plural heads name ceremonies ("Brit Awards").
/// The mention becomes the person's name alone; the rest names no one.
fn eponyms(doc: &Doc, vocab: &Vocab, out: &mut [NameMention]) {
    for m in out.iter_mut() {
        let (x, head) = (m.name_first, m.last);
        if m.class != NameClass::Unknown || head <= x || head > x + 2 || !doc.is_word(head) || !doc.in_class(head, lexicon::HONOUR) {
            continue;
        }
        let w = doc.tok(x);
        let lw = doc.lower(x);
        let field_ok = (x + 1..head).all(|k| doc.is_word(k) && vocab.contains(doc.lower(k)));
        let name_like = w.chars().any(char::is_lowercase)
            && !vocab.contains(lw)
            && !lexicon::listed(lw, lexicon::COMMON_CAP | lexicon::WORDLIKE_NAME)
            && crate::places::lookup(w).is_none()
            && tables::demonym_country(w).is_none()
            && !crate::places::is_not_name_word(lw);
        if !(field_ok && name_like) {
            continue;
        }
        let span = doc.toks[x].span();
        m.span = span;
        m.first = x;
        m.last = x;
        m.name = Some(span);
        m.class = NameClass::Person;
        m.title = None;
        m.title_head = None;
    }
}

/// Plural nouns of places before a list of their names: "the islands La Désirade, Petite
/// Terre, Marie Galante", "exurbs such as Apache Junction, Fountain Hills", sorted.
pub(crate) const PLACE_LIST_NOUNS: Words = words![
    "cities", "exurbs", "islands", "neighborhoods", "neighbourhoods", "suburbs", "towns",
    "villages",
];

/// The names in a list after a plural noun of places are places, also those that start with a
/// first name ("Marie Galante", "Les Saintes"): the places pass finds them (`Finder::context`,
/// `Finder::lists`).
fn places_listed(doc: &Doc, out: &mut Vec<NameMention>) {
    let sep = |k: usize| doc.is_punct(k, ',') || doc.is_word(k) && one_of(doc.tok(k), &["and", "or"]);
    let mut drop = vec![false; out.len()];
    let mut in_list = false;
    let mut prev_last: Option<usize> = None;
    for (i, m) in out.iter().enumerate() {
        let starts = m.first > 0 && {
            let mut k = m.first - 1;
            // "the islands X", "towns such as X", "the islands Grande Terre and far away X".
            if doc.is_word(k) && matches!(doc.tok(k), "as") && k > 0 && doc.tok_is(k - 1, "such") {
                k = k.saturating_sub(2);
            }
            doc.is_word(k) && doc.in_class(k, lexicon::PLACE_LIST_NOUN)
        };
        // The list goes on: only separators (and "far away" words) between the last item and this.
        let goes_on = in_list && prev_last.is_some_and(|p| m.first > p + 1 && m.first - p <= 5 && (p + 1..m.first).any(sep) && (p + 1..m.first).all(|k| sep(k) || doc.is_word(k) && !doc.is_cap(k)));
        in_list = (starts || goes_on) && m.class != NameClass::Title;
        if in_list {
            drop[i] = true;
            prev_last = Some(m.last);
        }
    }
    remove_marked(out, &drop);
}

/// "Central Bank of Kenya", "Florida Department of State", "Roper Center for Public Opinion
/// Research": an organisation's name goes on over "of" or "for" and the capitalised words after
/// it, which the run collection stops before (lowercase words end a run). Cut there, the name
/// was "Central Bank", the rest a place or a name of its own ("State" then spoke for the
/// department). The words after may start with "the" ("Bank of the Philippine Islands"); the
/// place they name is still marked by the places pass, as GUM marks the place nested in an
/// organisation's name.
///
/// `heads`: the capitalised organisation heads that end a run right before "of" or "for", in
/// text order. (A scan of every token for them was 1% of all the work.)
fn orgs_of(doc: &Doc, vocab: &Vocab, surnames: &WordTable<'_, ()>, firms: &WordTable<'_, ()>, out: &mut Vec<NameMention>, heads: &[usize]) {
    let n = doc.toks.len();
    let joined = |k: usize, start: usize| k < n && doc.toks[k].breaks_before == 0 && doc.sent[k] == doc.sent[start];
    let of_name = |of: usize, head: usize| {
        if !(joined(of, head) && doc.is_word(of)) {
            return false;
        }
        // "on" only after the bodies that are named for their subject ("Council on Foreign
        // Relations", "Committee on Homeland Security"), and never before a date ("the
        // Council on Monday").
        let on = doc.tok(of) == "on" && of > 0 && one_of(doc.lower(of - 1), &["commission", "committee", "council"]);
        if !(one_of(doc.tok(of), &["of", "for"]) || on) {
            return false;
        }
        // The name may go on after "the" ("Institute for the Study of War"): `orgs_of`'s loop
        // below skips it.
        let k = if joined(of + 1, head) && doc.tok_is(of + 1, "the") { of + 2 } else { of + 1 };
        joined(k, head) && doc.is_cap(k) && !(on && doc.in_class(k, lexicon::CALENDAR_WORD))
    };
    // "Department of State", "Bank of England": a capitalised head alone before "of" is no
    // name to the run collection; it is an organisation's when capitalised words follow. Its
    // own mention, if it has one ("Department" as an unknown name), becomes the organisation.
    let mut added = Vec::new();
    let mut at = 0;
    for &i in heads {
        if !of_name(i + 1, i) {
            continue;
        }
        while at < out.len() && out[at].last < i {
            at += 1;
        }
        match out.get_mut(at) {
            Some(m) if m.first <= i => {
                if m.first == i && m.last == i && m.class != NameClass::Title {
                    m.class = NameClass::Org;
                }
            }
            _ => added.push((at, i)),
        }
    }
    for (k, &(at, i)) in added.iter().enumerate() {
        let span = doc.toks[i].span();
        out.insert(at + k, NameMention {
            span,
            first: i,
            last: i,
            name: Some(span),
            name_first: i,
            class: NameClass::Org,
            title: None,
            title_head: None,
            gender: None,
            in_quote: doc.inside_quote(i),
        });
    }
    // Made when a name grows over another (most texts have none).
    let mut drop: Vec<bool> = Vec::new();
    let mut rest = Vec::new();
    for i in 0..out.len() {
        if out[i].class != NameClass::Org || drop.get(i) == Some(&true) {
            continue;
        }
        let of = out[i].last + 1;
        if !of_name(of, out[i].first) {
            continue;
        }
        let mut k = of + 1;
        if joined(k, of) && doc.tok_is(k, "the") {
            k += 1;
        }
        let from = k;
        // Capitalised words, and "and" or "of" between two of them ("Department of Health and
        // Human Services"), up to a possessive. Not "and" before a title or a first name: "the
        // University of Chicago and Professor Knittel" are two.
        let mut last = None;
        let stop = title_after_org(doc, from);
        while joined(k, of) && doc.is_word(k) && k < stop {
            if doc.is_cap(k) && is_name_word(doc, k) {
                last = Some(k);
                if strip_possessive(doc.tok(k)).len() != doc.tok(k).len() {
                    break;
                }
            } else if !(one_of(doc.tok(k), &["and", "of"])
                && joined(k + 1, of)
                && doc.is_word(k + 1)
                && doc.is_cap(k + 1)
                && !(doc.tok(k) == "and" && (is_title_word(doc, k + 1) || given_name(doc.tok(k + 1)).is_some() || second_org_after(doc, k))))
            {
                break;
            }
            k += 1;
        }
        let Some(last) = last.filter(|&l| l >= from) else { continue };
        let m = &mut out[i];
        m.last = last;
        // Without a possessive ending, as every name ("the Bank of England's decision").
        let possessive = doc.tok(last).len() - strip_possessive(doc.tok(last)).len();
        m.span = doc.span(m.first, last);
        m.span.end -= possessive;
        if let Some(name) = m.name.as_mut() {
            name.end = m.span.end;
        }
        // The mentions the longer name now covers ("Kenya", "State") are part of it. What
        // goes on past it ("England Governor Andrew Bailey" in "Bank of England Governor
        // Andrew Bailey") is a run of its own, named again below.
        for j in i + 1..out.len() {
            if out[j].first <= last && out[j].last > last {
                rest.push((last + 1, out[j].last));
            }
            if out[j].first > last {
                break;
            }
            if drop.is_empty() {
                drop = vec![false; out.len()];
            }
            drop[j] = true;
        }
    }
    if !drop.is_empty() {
        remove_marked(out, &drop);
    }
    if !rest.is_empty() {
        name_rest(doc, vocab, surnames, firms, out, &rest);
    }
}

/// Where the words after an organisation's "of" (from token `from` on) stop being its name:
/// at a title before a name, with the title's modifiers ("Bank of England Deputy Governor
/// Sarah Breeden" is the deputy governor, not a longer bank); else after `MAX_ORG_OF_WORDS`.
fn title_after_org(doc: &Doc, from: usize) -> usize {
    let end = (from + MAX_ORG_OF_WORDS).min(doc.toks.len());
    let Some(head) = (from + 1..end).find(|&k| title_head(doc, k).is_some() && k + 1 < doc.toks.len() && doc.is_cap(k + 1) && doc.toks[k + 1].breaks_before == 0) else {
        return end;
    };
    let mut stop = head;
    while stop > from + 1 && has(lexicon::TITLE_MODIFIERS, doc.lower(stop - 1)) {
        stop -= 1;
    }
    stop
}

/// Names again the runs `(first, last)` that [`orgs_of`] cut off a mention it took the start
/// of, and puts what they name among `out`'s mentions in text order. Kept out of line: most
/// texts have no such run.
#[inline(never)]
fn name_rest(doc: &Doc, vocab: &Vocab, surnames: &WordTable<'_, ()>, firms: &WordTable<'_, ()>, out: &mut Vec<NameMention>, rest: &[(usize, usize)]) {
    let mut found = Vec::new();
    for &(first, last) in rest {
        classify_run(doc, vocab, surnames, firms, first, last, &mut found);
    }
    for m in found {
        let at = out.partition_point(|o| o.first < m.first);
        out.insert(at, m);
    }
}

/// The most words [`orgs_of`] takes after "of": the longest official names ("Department of
/// Housing and Urban Development") have four, and a run of capitalised words beyond that is a
/// headline, not a name.
const MAX_ORG_OF_WORDS: usize = 6;
/// The most words of an institution's name that a title may start with ("White House Press
/// Secretary", "Justice Department spokesman"): longer capitalised runs before a title head
/// are names of their own.
const MAX_INSTITUTION_WORDS: usize = 3;

/// Removes the mentions marked in `drop` (one `retain` for the passes that drop mentions).
fn remove_marked(out: &mut Vec<NameMention>, drop: &[bool]) {
    let mut it = drop.iter();
    out.retain(|_| !*it.next().unwrap_or(&false));
}

/// The name that ends at `end` is cited as an author with "et al." ("Daily et al."). (A year in
/// brackets after a name marks works as often as authors: "Chasing Liberty (2004)".)
fn cited(doc: &Doc, end: usize) -> bool {
    doc.tok_is(end + 1, "et") && doc.is_word(end + 2) && doc.tok(end + 2).starts_with("al")
}

/// The name t..=end is an author cited with a year: "by Cruse and Croft (2004)" for both
/// names. "by" is needed: works are listed with their years too ("Chasing Liberty (2004)").
fn cited_by_year(doc: &Doc, t: usize, end: usize) -> bool {
    let year = |k: usize| doc.is_punct(k, '(') && doc.toks.get(k + 1).is_some_and(|x| x.kind == Tk::Number) && doc.is_punct(k + 2, ')');
    let by = |k: Option<usize>| k.is_some_and(|k| doc.lower_is(k, "by"));
    let and = |k: usize| doc.tok_is(k, "and");
    // "by Croft (2004)", "by Cruse and Croft (2004)" (for "Cruse"), "by Cruse and Croft (2004)"
    // (for "Croft").
    by(t.checked_sub(1)) && (year(end + 1) || and(end + 1) && doc.is_cap(end + 2) && year(end + 3))
        || t >= 3 && and(t - 1) && doc.is_cap(t - 2) && by(Some(t - 3)) && year(end + 1)
}

/// Members of parties and movements, plural: groups, not persons, sorted.
pub(crate) const GROUP_NAMES: Words = words![
    "communists", "conservatives", "democrats", "greens", "liberals", "republicans",
    "socialists", "tories",
];

/// Historical peoples whose adjective is also a first name or names no person ("Roman times",
/// "Roman Britain", "Viking trade"), sorted.
pub(crate) const PEOPLES: Words = words![
    "aztec", "byzantine", "celtic", "frankish", "mayan", "moorish", "norman", "ottoman", "roman",
    "saxon", "viking", "vikings",
];

/// Nouns after a people's name used as an adjective: "Moriori culture", "Maori language", sorted.
pub(crate) const PEOPLE_NOUNS: Words = words![
    "ancestry", "carvings", "communities", "community", "culture", "cultures", "descent",
    "dialect", "ethnicity", "heritage", "language", "languages", "people", "peoples", "tradition",
    "traditions", "tribe", "tribes",
];

/// First words of storms' names, sorted.
pub(crate) const STORMS: Words = words!["cyclone", "hurricane", "storm", "tropical", "typhoon"];

/// Words that open sentences and are no names, besides `lexicon::COMMON_CAPS`, sorted: "Thus
/// commenced ...", "Around 4 July ...", "Several freeways ...".
pub(crate) const OPENERS: Words = words![
    "afterwards", "around", "besides", "eventually", "finally", "hence", "long", "moreover",
    "nevertheless", "non", "nonetheless", "often", "once", "several", "sometimes", "soon",
    "thereby", "therefore", "thus", "upon", "whereas", "whereupon",
];

/// A lone capitalised word at a sentence start that is a common word by its shape: an opener,
/// or a participle ("Seized with ...", "Captured by ...", "Comparing ...") that is no first
/// name and does not speak.
fn opener_shape(doc: &Doc, i: usize) -> bool {
    let lw = doc.lower(i);
    if doc.in_class(i, lexicon::OPENER) {
        return true;
    }
    let participle = lw.chars().count() > 5 && (lw.ends_with("ed") || lw.ends_with("ing"));
    participle && tables::first_name(doc.tok(i)).is_none() && !speaks_after(doc, i) && crate::places::lookup(doc.tok(i)).is_none()
}

/// Word `i` is a plural noun for people, in any case: a group noun of the lexicon ("analysts",
/// "officials"), or the plural of a person noun, a role or a title head ("ministers",
/// "workers").
pub(crate) fn names_people(doc: &Doc, i: usize) -> bool {
    if doc.in_class(i, lexicon::GROUP_NOUN) {
        return true;
    }
    let lw = doc.lower_bare(i);
    lw.len() > 3
        && lw.ends_with('s')
        && !lw.ends_with("ss")
        && lexicon::lex(lw.get(..lw.len() - 1).unwrap_or("")).classes & (lexicon::PERSON_NOUN | lexicon::PERSON_ROLE | lexicon::TITLE_HEAD) != 0
}

/// The title word at `i` ends a person's name: "Priya Shah of the Rail Users' Alliance", "Ali
/// Khan of Oxfam" have a surname that is also a title ([`SURNAME_TITLES`]). A capitalised word
/// right before it that is no title word, place or common word, and no article before that, is
/// a given name, where "the Crown Prince of Saudi Arabia" has a title's modifier.
#[inline(never)]
fn surname_like_title(doc: &Doc, i: usize) -> bool {
    i > 0
        && has(SURNAME_TITLES, doc.lower(i))
        && doc.toks[i].breaks_before == 0
        && doc.is_word(i - 1)
        && doc.is_cap(i - 1)
        && !is_title_word(doc, i - 1)
        && !doc.in_class(i - 1, lexicon::COMMON_CAP | lexicon::ORG_HEAD)
        && lookup_place(doc.tok(i - 1)).is_none()
        && tables::demonym_country(doc.tok(i - 1)).is_none()
        // "the Grand Duke of Tuscany": an article before the two words makes them a title.
        && !(i >= 2 && doc.is_word(i - 2) && one_of(doc.lower(i - 2), &["the", "a", "an"]))
}

/// Title heads that are also common surnames ("Sadiq Khan", "Martin Luther King"), sorted.
const SURNAME_TITLES: Words = words!["bishop", "duke", "khan", "king", "knight", "marshal", "prince", "shah", "sultan"];

/// Title heads that name a person's office only with "of": "Protector of Mexico", "Fellow of
/// the Royal Society", "Doctor of the Church", "Rector of the University", sorted.
const OF_TITLES: Words = words!["doctor", "fellow", "protector", "rector"];

/// A capitalised title with "of" and the name of its domain stands for the person who holds it:
/// "Governor of Virginia", "Emperor of the United States", "2nd Earl of Clare", "President of
/// the Linguistic Society of America" (the person mentions of GUM and of news style). The place
/// inside stays a place, so the mention marks no name tokens. A title before a name ("Secretary
/// of State John Kerry") is left to the name.
fn titles_of(doc: &Doc, vocab: &Vocab, out: &mut Vec<NameMention>) {
    let n = doc.toks.len();
    let mut added = Vec::new();
    // For each k, one past the largest `last` of the person mentions with a name among out[..k]
    // (0 for none): whether a person's name reaches into a run is then a binary search of `out`,
    // which is in text order, not a search of all of it for each title (quadratic in a long
    // text).
    let mut person_reach = Vec::with_capacity(out.len() + 1);
    person_reach.push(0);
    for m in out.iter() {
        let reach = if m.class == NameClass::Person && m.last > m.name_first { m.last + 1 } else { 0 };
        person_reach.push(reach.max(person_reach.last().copied().unwrap_or(0)));
    }
    let mut i = 0;
    // Only a capitalised word heads a title here (`of_after`): on to the next one at or after
    // `i`, where the last title ended.
    for &c in &vocab.caps {
        if c < i {
            continue;
        }
        i = c;
        if i + 2 >= n {
            break;
        }
        // "of" right after first: it turns most capitalised words away before the head's search.
        // (`i` is capitalised, one of `vocab.caps`.)
        let of_after = doc.tok_is(i + 1, "of") && doc.toks[i + 1].breaks_before == 0;
        let head = if of_after { title_head(doc, i).or_else(|| { let lw = doc.lower(i); OF_TITLES.iter().find(|t| *t == lw) }) } else { None };
        let Some(h) = head.filter(|_| !surname_like_title(doc, i)) else {
            i += 1;
            continue;
        };
        // "of the United States", "of these United States", "of our Armies".
        let mut j = i + 2;
        if doc.is_word(j) && one_of(doc.tok(j), &["the", "these", "our", "a", "an"]) {
            j += 1;
        }
        if j >= n || !doc.is_cap(j) || doc.toks[j].breaks_before > 0 {
            i += 1;
            continue;
        }
        // The capitalised run of the domain, with "of", "and", "the", "for" between its words.
        let mut end = j;
        let mut k = j + 1;
        while k < n && doc.toks[k].breaks_before == 0 && doc.sent[k] == doc.sent[i] {
            if doc.is_cap(k) {
                end = k;
                k += 1;
            } else if doc.is_punct(k, '.') && !doc.toks[k].space_before && doc.is_cap(k + 1) && doc.tok(k - 1).chars().count() == 1 {
                k += 1; // "U. S."
            } else if doc.is_word(k) && one_of(doc.tok(k), &["of", "and", "the", "for"]) && doc.is_cap(k + 1) && doc.toks[k + 1].breaks_before == 0 {
                k += 1;
            } else {
                break;
            }
            if strip_possessive(doc.tok(end)).len() != doc.tok(end).len() {
                break;
            }
        }
        // A person's name in the run: the title is the name's ("Governor of Virginia Bob
        // McDonnell"), or the run is no domain.
        // A first name that is also a common word ("the Royal Society") is none.
        let has_name = (j..end).any(|k| doc.is_word(k) && doc.is_cap(k + 1) && tables::first_name(doc.tok(k)).is_some() && !doc.in_class(k, lexicon::WORDLIKE_NAME) && lookup_place(doc.tok(k)).is_none())
            || person_reach[out.partition_point(|m| m.first <= end)] > j;
        // "Governor of Virginia Saturday": a day or a month after it is no part of it.
        // `is_calendar_word(doc.lower(end))` by the token's class bit.
        while end > j && doc.in_class(end, lexicon::CALENDAR_WORD) {
            end -= 1;
        }
        if has_name || doc.inside_quote(i) != doc.inside_quote(end) {
            i = end + 1;
            continue;
        }
        // "2nd Earl of Clare": the ordinal belongs to the title.
        let first = if i > 0 && doc.toks[i - 1].kind == Tk::Number && doc.tok(i - 1).ends_with(|c: char| c.is_alphabetic()) { i - 1 } else { i };
        let last_word = doc.tok(end);
        let trim = last_word.len() - strip_possessive(last_word).len();
        let span = doc.span(first, end);
        let gender = if lexicon::listed(h, lexicon::MALE_TITLE) {
            Some(Gender::Male)
        } else if lexicon::listed(h, lexicon::FEMALE_TITLE) {
            Some(Gender::Female)
        } else {
            None
        };
        added.push(NameMention {
            span: Span::new(span.start, span.end - trim),
            first,
            last: end,
            // The title is what later mentions match ("the Governor"); the words of its domain
            // are no name of the person ("Linguistics" of "Professor of Linguistics").
            name: Some(doc.span(first, i)),
            // No name tokens: "Virginia" stays a place.
            name_first: end + 1,
            class: NameClass::Person,
            title: Some(h.to_string()),
            title_head: Some(h),
            gender,
            in_quote: doc.inside_quote(i),
        });
        i = end + 1;
    }
    if added.is_empty() {
        return;
    }
    // The mentions inside a title's span are part of it ("the Royal Society" in "Fellow of the
    // Royal Society", "Governor" alone).
    // A title mention with its article ("the Director" of "the Director of Media") is the
    // same mention.
    // The titles added are disjoint and in text order (each search starts after the last
    // one's end), so a binary search finds the only one that can hold a mention (the last to
    // start at or before it) and the first to start after it: searching all of them for each
    // mention was quadratic in a long text.
    let drop: Vec<bool> = out
        .iter()
        .map(|m| {
            let q = added.partition_point(|a| a.first <= m.first);
            let inside = q > 0 && m.last <= added[q - 1].last;
            let overlaps = m.class == NameClass::Title && added.get(q).is_some_and(|a| m.last >= a.first);
            inside || overlaps
        })
        .collect();
    remove_marked(out, &drop);
    // Into text order without a sort: both lists are in text order, so they merge, a title
    // before a mention of the same tokens. (Inserting each title in its place moved the
    // mentions after it, quadratic in a long text.)
    let old = std::mem::take(out);
    out.reserve(old.len() + added.len());
    // Taken one by one, not by a peekable iterator or `extend`: 0.2 KB less of the gzipped
    // wasm.
    let mut added = added.into_iter();
    let mut next = added.next();
    for m in old {
        while let Some(a) = next.take_if(|a| (a.first, a.last) <= (m.first, m.last)) {
            out.push(a);
            next = added.next();
        }
        out.push(m);
    }
    while let Some(a) = next {
        out.push(a);
        next = added.next();
    }
}

fn lookup_place(w: &str) -> Option<crate::tables::Place> {
    crate::places::lookup(w).map(|(p, _)| p)
}

/// Words after a name that say a person acts: "Galois returned", "Pachomius refused", sorted.
/// (Speech cues count too.)
pub(crate) const PERSON_VERBS: Words = words![
    "admitted", "agreed", "asked", "attended", "believed", "decided", "died", "felt", "gave",
    "graduated", "herself", "himself", "knew", "learned", "lived", "married", "met", "moved",
    "received", "refused", "replied", "returned", "spent", "studied", "taught", "thought",
    "wanted", "worked", "wrote",
];

/// After the name ending at `end`, an appositive that says it is a person: ", a 17th-century
/// writer", ", the leader of ...", ", the other two leading Chinese linguists".
fn appositive_role(doc: &Doc, end: usize) -> bool {
    if !doc.is_punct(end + 1, ',') || !(doc.is_word(end + 2) && one_of(doc.lower(end + 2), &["a", "an", "the"])) {
        return false;
    }
    (end + 3..end + 9)
        .take_while(|&k| k < doc.toks.len() && (doc.is_word(k) || doc.toks[k].kind == Tk::Number || doc.is_punct(k, '-')))
        .any(|k| doc.is_word(k) && {
            let w = doc.lower(k);
            doc.in_class(k, lexicon::PERSON_ROLE | lexicon::TITLE) || w.strip_suffix('s').is_some_and(|x| lexicon::listed(x, lexicon::PERSON_ROLE))
        })
}

/// Before the name at tokens `first..=k`, a noun for a person or a title and a comma, and after
/// it a comma or the end of the sentence: "Britain's health secretary, Priya Patel, and the
/// union's leader" (AP style puts a description before a name this way, the commas marking the
/// name as an appositive of that noun). The mirror of [`appositive_role`]; the name must be
/// [`name_shaped`] too.
fn role_then_comma(doc: &Doc, first: usize, k: usize) -> bool {
    first >= 2
        && doc.is_punct(first - 1, ',')
        && doc.is_word(first - 2)
        && !doc.is_cap(first - 2)
        && doc.in_class(first - 2, lexicon::PERSON_ROLE | lexicon::TITLE)
        && [',', '.', ';'].iter().any(|&c| doc.is_punct(k + 1, c))
}

/// A first name, also one joined with a hyphen ("Pierre-Simon", "Jean-Louis", "Mary-Kate").
fn given_name(w: &str) -> Option<Gender> {
    tables::first_name(w).or_else(|| {
        let (a, b) = w.split_once('-')?;
        if b.starts_with(|c: char| c.is_uppercase()) { tables::first_name(a) } else { None }
    })
}

/// Verbs before a name that take a person as their object: "appointed Solon", "met Sue Atkins",
/// sorted.
pub(crate) const PERSON_OBJECT_VERBS: Words = words![
    "appointed", "befriended", "crowned", "hired", "interviewed", "married", "met", "succeeded",
];

/// First names that are also common words or names of things ("Summer can be hot", "Maya
/// ruins"): alone, they are no evidence of a person.
pub(crate) const WORDLIKE_NAMES: Words = words![
    "august", "autumn", "bill", "chance", "chase", "christian", "dawn", "faith", "grace", "hope",
    "ivy", "joy", "king", "major", "mark", "may", "maya", "prince", "rose", "royal", "sky", "spring",
    "star", "summer", "will", "winter",
];

/// Nouns after a possessive name that belong to a person: "Galois' death", "Dvořák's
/// father", sorted.
pub(crate) const KIN_AND_LIFE_NOUNS: Words = words![
    "biographers", "birth", "brother", "career", "childhood", "cousin", "daughter", "death",
    "father", "friend", "friends", "husband", "life", "mother", "sister", "son", "wife",
];

/// Tokens after a name in which a personal pronoun of the same sentence ("his", "she") says the
/// name is a person's: about a short clause ("Chao went with his wife"); further on the
/// pronoun is as likely another person's.
const PRONOUN_WINDOW: usize = 7;

/// `lexicon::listed(doc.lower(k), class)` for a word token `k`, false for any other token or
/// past the end (no list has a word that is no word token): the class bits `Doc::new` looked up
/// once, where a probe of the lexicon for the neighbours of every mention was 0.5% of the
/// 40-text profile.
fn word_in_class(doc: &Doc, k: usize, class: u64) -> bool {
    doc.is_word(k) && doc.in_class(k, class)
}

/// `lexicon::cue_lemma(doc.lower(k)).is_some()` for a word token `k`, as [`word_in_class`],
/// but not a bare noun-like form, which after a name is the noun ([`Doc::bare_noun_form`]).
fn word_is_cue(doc: &Doc, k: usize) -> bool {
    doc.is_word(k) && doc.cue_lemma(k).is_some() && !doc.bare_noun_form(k)
}

/// A personal pronoun follows the name ending at `k` within [`PRONOUN_WINDOW`] tokens of its
/// sentence.
fn pronoun_follows(doc: &Doc, k: usize) -> bool {
    let sent = doc.sent[k];
    // The first char before the word: it turns most words away. (The word's bytes by a slice
    // pattern, a little cheaper than the string pattern.)
    (k + 1..(k + 1 + PRONOUN_WINDOW).min(doc.toks.len()))
        .any(|j| matches!(doc.first_char(j), 'h' | 's') && doc.sent[j] == sent && doc.is_word(j) && matches!(doc.tok(j).as_bytes(), b"his" | b"her" | b"he" | b"she"))
}

/// The name starting at `first` follows a plural noun for people and "such as", "including"
/// or "like": "directors such as Orson Welles", "writers including Mark Twain".
fn role_then_example(doc: &Doc, first: usize) -> bool {
    let word = |k: usize| if doc.is_word(k) { doc.lower(k) } else { "" };
    let Some(p) = first.checked_sub(1) else { return false };
    let role = match word(p) {
        "including" | "like" => p.checked_sub(1),
        "as" if p >= 2 && word(p - 1) == "such" => Some(p - 2),
        _ => None,
    };
    role.is_some_and(|r| {
        let w = word(r);
        w.len() > 3 && w.ends_with('s') && lexicon::listed(w.get(..w.len() - 1).unwrap_or(""), lexicon::PERSON_ROLE) || lexicon::listed(w, lexicon::PERSON_ROLE) && w.ends_with('s')
    })
}

/// The possessive name ending at `k` owns a person's work or kin: "Noam Chomsky's theory",
/// "Ann Berg's father".
fn owns_work(doc: &Doc, k: usize) -> bool {
    let w = doc.tok(k);
    let next = if strip_possessive(w).len() != w.len() {
        k + 1
    } else if (doc.is_punct(k + 1, '\'') || doc.is_punct(k + 1, '’')) && w.ends_with('s') {
        // "Galois' death"; not the closing mark of "the 'Remain' campaign".
        k + 2
    } else {
        return false;
    };
    doc.is_word(next) && doc.in_class(next, lexicon::WORK_NOUN | lexicon::KIN_NOUN)
}

/// Token `j` is the apostrophe of a plural possessive inside an organisation's name: "the
/// Ramblers' Association", "the Rail Users' Alliance", "the Workers' Party". A capitalised
/// plural, the apostrophe written tight after it, and the head of a members' body
/// ([`MEMBERS_BODIES`]) after a space. Cut there, the head alone ("Association") spoke as a
/// person. Not after a party's members or a people ("the Democrats' Senate majority"), a
/// person's full name ("Bernie Sanders' College for All Act"), nor a quotation's closing mark.
#[inline(never)]
fn plural_possessive_in_name(doc: &Doc, j: usize) -> bool {
    (doc.is_punct(j, '\'') || doc.is_punct(j, '’'))
        && !doc.toks[j].space_before
        && !doc.mark[j]
        && doc.is_cap(j - 1)
        && doc.tok(j - 1).ends_with('s')
        && !doc.in_class(j - 1, lexicon::GROUP_NAME | lexicon::PEOPLE)
        && !(j >= 2 && doc.is_cap(j - 2) && given_name(doc.tok(j - 2)).is_some())
        && doc.is_cap(j + 1)
        && doc.toks[j + 1].breaks_before == 0
        && has(MEMBERS_BODIES, doc.lower(j + 1))
}

/// Heads of the bodies that are named for their members in the plural possessive ("the
/// Teachers' Union", "the Visitors' Center", "the Citizens' Council"), sorted. Not the
/// legislatures, which a politician's possessive precedes ("Sanders' Senate colleagues").
const MEMBERS_BODIES: Words = words![
    "alliance", "association", "center", "centre", "club", "coalition", "college", "congress",
    "council", "federation", "forum", "front", "fund", "guild", "league", "movement", "network",
    "party", "society", "union",
];

/// The full name ending at `k` has an affiliation and then a verb of saying: "Priya Patel of
/// the World Bank said", "Ana Ruiz from Oxfam told". (Set off by commas, the affiliation is an
/// appositive, which `appositive_role` and the attribution pass read.)
#[inline(never)]
fn affiliated_speaker(doc: &Doc, k: usize) -> bool {
    // Not a title's head ("RNC Chief of Staff Katie Walsh explains").
    if !(doc.is_word(k + 1) && one_of(doc.tok(k + 1), &["of", "from", "at"])) || is_title_word(doc, k) && !surname_like_title(doc, k) {
        return false;
    }
    let mut j = k + 2;
    if doc.tok_is(j, "the") {
        j += 1;
    }
    let from = j;
    while j < from + MAX_ORG_OF_WORDS && (doc.is_cap(j) || j > from && plural_possessive_in_name(doc, j)) && doc.toks[j].breaks_before == 0 {
        j += 1;
    }
    j > from && word_is_cue(doc, j)
}

/// A personal pronoun joined to the name ending at `k` by "and" or a comma: "Eberhard Gruen and
/// his colleagues", "the head of NATO, Hoop Scheffer, he has explained".
fn pronoun_joined(doc: &Doc, k: usize) -> bool {
    (doc.is_punct(k + 1, ',') || doc.tok_is(k + 1, "and"))
        && doc.is_word(k + 2)
        && one_of(doc.tok(k + 2), &["his", "her", "he", "she"])
}

/// Nouns after a possessive name for what a person makes, thinks or runs for, and who follows
/// a candidate: "Chomsky's theory", "Rask's grammars", "Obama's campaigns", "Sarvis's
/// supporters", sorted. ("work" alone is a firm's as often: "Google's work".)
pub(crate) const WORK_NOUNS: Words = words![
    "aides", "autobiography", "campaign", "campaigns", "candidacy", "essay", "essays", "grammar",
    "grammars", "memoir", "memoirs", "novel", "novels", "paintings", "philosophy", "poem", "poems",
    "poetry", "presidency", "running", "supporters", "symphonies", "symphony", "teachings",
    "theories", "theory", "writings",
];

/// One sense per discourse for people (Gale, Church and Yarowsky 1992; the "second reference"
/// of news style): a lone capitalised word is a person's name when the document also names
/// the person in full ("Évariste Galois" ... "Galois"), when it is a known first name used
/// alone ("Rebecca"), or when it acts like a person more often than it stands where places
/// stand ("welcomed by Pachomius", "Pachomius refused").
fn promote_persons<'a>(doc: &Doc<'a>, vocab: &Vocab, out: &mut [NameMention]) {
    // A slice of the text, not a String: the maps below are keyed by it.
    let word = |m: &NameMention| -> Option<&'a str> {
        let span = m.name?;
        let text: &'a str = doc.text;
        // A name inside its last token (most names: one word) has no space, as no token has
        // one: no search, and the token's text as `Doc::tok` has it when it is the whole name.
        let tok = doc.toks[m.last].span();
        if tok.start <= span.start && span.end <= tok.end {
            let text = if (tok.start, tok.end) == (span.start, span.end) { doc.tok(m.last) } else { text.get(span.start..span.end).unwrap_or("") };
            return Some(strip_possessive(strip_possessive(text).trim_end_matches(['\'', '’'])));
        }
        let text = strip_possessive(text.get(span.start..span.end).unwrap_or(""));
        // The last word by a byte search: `rsplit`'s searcher was 300,000 instructions of the
        // 40-text profile.
        let last = text.as_bytes().iter().rposition(|&b| b == b' ').map_or(text, |p| text.get(p + 1..).unwrap_or(""));
        Some(strip_possessive(last.trim_end_matches(['\'', '’'])))
    };
    // Each mention's word once: the loops below asked for it three times, and the reverse
    // searches of each asking were 1% of all the work.
    let word_of: Vec<Option<&'a str>> = out.iter().map(word).collect();
    // Each mention's number of words in its name part, counted once: the loops and rounds
    // below asked for it about six times a mention (0.3% of all the work).
    // (A half-open range: an inclusive one costs a test more a step.)
    let words: Vec<usize> = out.iter().map(|m| (m.name_first..m.last + 1).filter(|&k| doc.is_word(k)).count()).collect();
    // The words keyed by slices of the text in [`WordTable`]s, whose probes and inserts cost
    // under half of a hash map's (the maps and sets here were 0.9% of the 40-text profile), and
    // of value types the tables have already (no more copies of the table code in the wasm).
    // Last words of longer names ("Galois" of "Évariste Galois"), and their persons.
    // Whether a person mention has the word, as 0 or 1.
    // Sized for a few of the mentions: zeroing tables sized for all of them cost more than
    // growing small ones.
    let mut surnames: WordTable<'a, u16> = WordTable::with_capacity(out.len() / 4);
    // Last words of those full names not typed yet that act like a person's somewhere.
    let mut acting: WordTable<'a, ()> = WordTable::with_capacity(4);
    for (mi, m) in out.iter().enumerate() {
        if m.class == NameClass::Org || m.class == NameClass::Title || words[mi] < 2 {
            continue;
        }
        // Not a full name: a place's team or firm ("Pittsburgh Pirates"), a common noun's
        // ("Cyclone Phailin", "Summer Paralympics"), an event ("Olympic Games"). Asked of the
        // names not typed yet only: the persons skip the words made for it.
        let not_full_name = || {
            let first = strip_possessive(doc.tok(m.name_first));
            let lf = doc.lower_bare(m.name_first);
            // An acronym is no given name ("JPL Stardust"); initials are ("O.J. Simpson").
            let acronym = first.chars().filter(|c| c.is_alphabetic()).count() > 1 && !first.bytes().any(|b| b == b'.') && !first.chars().any(char::is_lowercase);
            let last_lower = doc.lower_bare(m.last);
            acronym
                || crate::places::lookup(first).is_some()
                || vocab.contains(&lf)
                || lexicon::listed(&lf, lexicon::COMMON_CAP)
                || crate::places::is_event_head(&last_lower)
                || crate::places::is_not_name_word(&last_lower)
        };
        if m.class == NameClass::Unknown && not_full_name() {
            continue;
        }
        if let Some(w) = word_of[mi] {
            *surnames.entry_or_insert_with(w, |_| 0) |= u16::from(m.class == NameClass::Person);
            // "Apa Horsiesios once more took his place": the full name acts like a person's.
            let k = m.last;
            if m.class == NameClass::Unknown && (word_in_class(doc, k + 1, lexicon::PERSON_VERB) || word_is_cue(doc, k + 1) || pronoun_follows(doc, k)) {
                acting.entry_or_insert_with(w, |_| ());
            }
        }
    }
    // Votes of the lone uses.
    // Per word: person votes, place votes, and lone uses that only a person's name has (a verb
    // of a life after it, "X, who", "X's father"), uses after an article, uses inside a sentence.
    // The words in order of their first lone use, their number in the table, and their votes by
    // that number.
    let mut voted: WordTable<'a, usize> = WordTable::with_capacity(out.len() / 4);
    let mut voters: Vec<&'a str> = Vec::with_capacity(out.len() / 4);
    let mut votes: Vec<[i32; 6]> = Vec::with_capacity(out.len() / 4);
    // Each voting mention's word's number in `voted` (`usize::MAX` for the others): the
    // promotion below reads it instead of probing `voted` again.
    let mut vote_of: Vec<usize> = vec![usize::MAX; out.len()];
    for (mi, m) in out.iter().enumerate().filter(|&(mi, m)| m.class == NameClass::Unknown && words[mi] == 1) {
        let Some(w) = word_of[mi] else { continue };
        let k = m.last;
        let next = if k + 1 < doc.toks.len() && doc.is_word(k + 1) { doc.lower(k + 1) } else { "" };
        let prev = if m.first > 0 && doc.is_word(m.first - 1) { doc.lower(m.first - 1) } else { "" };
        let possessive = doc.tok(k).len() != strip_possessive(doc.tok(k)).len() || doc.is_punct(k + 1, '\'') || doc.is_punct(k + 1, '’');
        let after_possessive = if possessive {
            (k + 1..(k + 4).min(doc.toks.len())).find(|&j| doc.is_word(j)).map(|j| doc.lower(j)).unwrap_or_default()
        } else {
            ""
        };
        // "X, who" and "Diallo, 34, now works": a relative clause for a person, or an age
        // between commas (AP style gives a person's age that way; a place or a firm never has
        // one).
        let who = doc.is_punct(k + 1, ',') && k + 2 < doc.toks.len() && (doc.lower_is(k + 2, "who") || aged(doc, k + 1));
        // Two for what only people do, one for a passive agent ("by X").
        // A lone apostrophe after the word is a possessive only after an "s" ("Galois'
        // death"); after another word it closes a quotation ("the 'Remain' campaign").
        let apostrophe_ok = doc.tok(k).len() != strip_possessive(doc.tok(k)).len() || w.ends_with('s');
        let owns = apostrophe_ok && lexicon::listed(after_possessive, lexicon::KIN_NOUN | lexicon::WORK_NOUN);
        let mut person = if word_in_class(doc, k + 1, lexicon::PERSON_VERB) || word_is_cue(doc, k + 1) || who || owns {
            2
        } else {
            // A passive agent ("by X"), a subject of a past-tense verb ("Chao went").
            i32::from(prev == "by" || next.len() > 4 && next.ends_with("ed") || matches!(next, "went" | "became" | "began" | "won" | "lost" | "made" | "drew" | "led" | "ran" | "took" | "beat"))
        };
        // "his" or "her" later in the sentence.
        if pronoun_follows(doc, k) {
            person += 1;
        }
        // "born in Exeter, Devon": a name after a place's name and a comma stands where places
        // stand too.
        let after_place = doc.is_punct(m.first.wrapping_sub(1), ',') && m.first >= 3 && doc.is_cap(m.first - 2)
            && doc.is_word(m.first - 3) && one_of(doc.lower(m.first - 3), &["in", "near", "at", "from"]);
        // "in Shaw's play": a possessive after "in" owns the noun after it; no place stands there.
        let place = matches!(prev, "in" | "near" | "at" | "via") && !possessive || after_place;
        let vi = *voted.entry_or_insert_with(w, |n| n);
        vote_of[mi] = vi;
        if vi == votes.len() {
            voters.push(w);
            votes.push([0; 6]);
        }
        let v = &mut votes[vi];
        v[0] += person;
        v[1] += i32::from(place);
        v[2] += i32::from(word_in_class(doc, k + 1, lexicon::PERSON_VERB) || who || owns || m.first > 0 && word_in_class(doc, m.first - 1, lexicon::PERSON_OBJECT_VERB));
        v[3] += i32::from(matches!(prev, "the" | "a" | "an"));
        v[4] += i32::from(m.first != doc.sentence_of(m.first).0);
        v[5] += i32::from(firm_use(doc, m.first, k, after_possessive));
    }
    // A title after a name's possessive that shows it to be a firm's ("Jensen Huang, Nvidia's
    // chief executive") takes the name into its run: a vote for the name's lone uses.
    for m in out.iter().filter(|m| m.first < m.last) {
        let w = doc.tok(m.first);
        let bare = strip_possessive(w);
        if bare.len() != w.len() && firm_use(doc, m.first, m.first, doc.lower(m.first + 1)) {
            if let Some(&(_, vi)) = voted.get(bare) {
                votes[vi][5] += 1;
            }
        }
    }
    let is_person = |vi: usize| -> bool {
        let (w, [person, place, strong, det, mid, _]) = (voters[vi], votes[vi]);
        // One probe for both questions.
        let surname = surnames.get(w);
        let named = surname.is_some_and(|&(_, p)| p != 0);
        // The evidence first: most words have too little, and it costs less to weigh than the
        // exclusions below (every test is pure, so the order does not change the answer).
        let evidence =
            // The last word of a full name that nothing typed yet needs a use of its own that
            // says person ("Early Music" ... "Late Music": a festival's, not a Mr Music's).
            surname.is_some() && 2 * person >= place && (named || person > 0 || acting.get(w).is_some())
            || place == 0 && tables::first_name(w).is_some() && !crate::text::with_lowercase(w, |lw| lexicon::listed(lw, lexicon::WORDLIKE_NAME))
            || person >= 3 && person > place
            // "Gorbachev agreed", "Simrock, who": one use that only a person's name has, never
            // after an article or where places stand, once inside a sentence.
            || strong >= 1 && det == 0 && mid > 0 && place == 0;
        if !evidence {
            return false;
        }
        if crate::places::lookup(w).is_some() || tables::demonym_country(w).is_some() || lexicon::listed(w, lexicon::KNOWN_ORG) {
            return false;
        }
        // Lowercased on the stack: a String for each candidate word was 130 allocations in
        // the 40-text profile.
        crate::text::with_lowercase(w, |lw| {
            // A common word capitalised, unless a full name of a person ends in it ("Rick
            // Santorum" ... "the santorum neologism").
            !(vocab.contains(lw) && !named
                || lexicon::listed(lw, lexicon::COMMON_CAP)
                || !w.chars().any(char::is_lowercase)
                || crate::places::is_not_name_word(lw)
                || crate::places::is_place_head(w)
                || crate::places::is_event_head(lw)
                || is_calendar_word(lw))
        })
    };
    // By each word's number in `voted`: 1 for a person, 2 for a firm.
    let mut person: Vec<u8> = (0..votes.len()).map(|vi| u8::from(is_person(vi))).collect();
    // A word with a use that only a firm's name has, that no longer name ends in ("Florent
    // Groberg" ... "Groberg says it is hard to blame") and that is no given name or place: an
    // organisation, whatever its other uses say ("Siemens said ... it would cut 4,000 jobs"
    // speaks as a person would).
    for (vi, p) in person.iter_mut().enumerate() {
        let w = voters[vi];
        if votes[vi][5] > 0 && surnames.get(w).is_none() && tables::first_name(w).is_none() && crate::places::lookup(w).is_none() {
            *p = 2;
        }
    }
    for (mi, m) in out.iter_mut().enumerate().filter(|(_, m)| m.class == NameClass::Unknown) {
        if let Some(w) = word_of[mi] {
            let full = words[mi] >= 2;
            // The one-word names voted above (all of them); the others by their word.
            let vi = if vote_of[mi] != usize::MAX { Some(vote_of[mi]) } else { voted.get(w).map(|&(_, vi)| vi) };
            if !full && vi.is_some_and(|vi| person[vi] == 2) {
                m.class = NameClass::Org;
            } else if vi.is_some_and(|vi| person[vi] == 1) && (!full || surnames.get(w).is_some()) {
                m.class = NameClass::Person;
                if m.gender.is_none() {
                    m.gender = name_part_given_name(doc, m);
                }
            }
        }
    }
    // Full names the tables cannot tell ("Meryl Streep", "Deng Xiaoping"): after a noun for a
    // person ("actors Meryl Streep"), acting like one ("Hu Shih, who"), or next to people in a
    // list ("Meryl Streep, Mark Hamill, Bruce Lee").
    // name_shaped reads no class, so it holds across the rounds: asked once per mention (it
    // was 3% of all the work when each round asked again).
    let mut shaped: Vec<Option<bool>> = vec![None; out.len()];
    // Whether each mention's name starts with a known first name, asked of the persons each
    // round: looked up once per mention.
    let mut given: Vec<Option<bool>> = vec![None; out.len()];
    // Persons with a known first name, by their first and last token, as each round starts.
    // Made once: the rounds only make mentions persons, so each round's sets hold the last
    // round's (one pair of sets for each round filled a table of every token each time).
    let mut firsts = TokenSet::with_len(doc.toks.len());
    let mut lasts = TokenSet::with_len(doc.toks.len());
    for round in 0..3 {
        let mut changed = false;
        for (oi, o) in out.iter().enumerate() {
            if o.class == NameClass::Person && *given[oi].get_or_insert_with(|| name_part_given_name(doc, o).is_some()) {
                firsts.insert(o.first);
                lasts.insert(o.last);
            }
        }
        for i in 0..out.len() {
            let m = &out[i];
            // One word ("Niklaus", "Goscinny") only mid-sentence, as a list item or after a noun
            // for a person ("two brothers, Niklaus and Johann II"), below.
            let single = words[i] == 1;
            if m.class != NameClass::Unknown || single && (m.first == doc.sentence_of(m.first).0 || tables::first_name(doc.tok(m.first)).is_some() && doc.in_class(m.first, lexicon::WORDLIKE_NAME)) {
                continue;
            }
            if !*shaped[i].get_or_insert_with(|| name_shaped(doc, vocab, m)) {
                continue;
            }
            let prev = if m.first > 0 && doc.is_word(m.first - 1) { doc.lower(m.first - 1) } else { "" };
            let k = m.last;
            let who = doc.is_punct(k + 1, ',') && k + 2 < doc.toks.len() && doc.lower_is(k + 2, "who");
            // "born in Exeter, Devon", "at Harrow", "Jones, Jr.": a single word where places
            // stand, or a name's suffix, is no person listed.
            if single && (matches!(prev, "in" | "at" | "near" | "from" | "to" | "via") || matches!(doc.tok(m.first), "Jr" | "Sr" | "Jnr" | "Snr" | "II" | "III" | "IV")) {
                continue;
            }
            // "invited by Deng Xiaoping", "a lifelong friend of Hu Shih": a full name as an agent or
            // after a noun for a person and "of".
            let agent = !single && (prev == "by" || prev == "of" && m.first > 1 && word_in_class(doc, m.first - 2, lexicon::PERSON_ROLE));
            let acts = round == 0
                && (m.first > 0 && word_in_class(doc, m.first - 1, lexicon::PERSON_ROLE)
                    || !single && role_then_example(doc, m.first)
                    || agent
                    || !single && appositive_role(doc, k)
                    || !single && role_then_comma(doc, m.first, k)
                    || !single && (word_in_class(doc, k + 1, lexicon::PERSON_VERB) || word_is_cue(doc, k + 1) || who || pronoun_joined(doc, k) || owns_work(doc, k) || affiliated_speaker(doc, k)));
            let sep = |j: usize| doc.is_punct(j, ',') || doc.is_punct(j, ';') || doc.is_word(j) && matches!(doc.tok(j), "and" | "or");
            // A neighbour with a known first name; a name led by an article is a place's
            // ("La Désirade", "Les Saintes").
            let person_at = |first: bool, j: usize| if first { firsts.contains(j) } else { lasts.contains(j) };
            if matches!(doc.lower(m.name_first), "el" | "la" | "las" | "le" | "les" | "los") {
                continue;
            }
            // "Orson Welles (The Trial), Wim Wenders (Until the End of the World)": a list's
            // items may each carry a bracketed aside (their works, years, parties).
            let listed = (m.first >= 2 && sep(m.first - 1) && person_at(false, m.first - 2))
                || (m.first >= 3 && doc.is_punct(m.first - 2, ',') && sep(m.first - 1) && person_at(false, m.first - 3))
                || (sep(k + 1) && person_at(true, k + 2))
                || (doc.is_punct(k + 1, ',') && sep(k + 2) && person_at(true, k + 3))
                // Not one word: films and books are listed with their years the same way
                // ("Stoker (2013), Belle (2013)").
                || !single && list_neighbour_before(doc, m.first).is_some_and(|j| person_at(false, j))
                || !single && list_neighbour_after(doc, k).is_some_and(|j| person_at(true, j));
            if acts || listed {
                let m = &mut out[i];
                m.class = NameClass::Person;
                if m.gender.is_none() {
                    m.gender = name_part_given_name(doc, m);
                }
                changed = true;
            }
        }
        if !changed && round > 0 {
            break;
        }
    }
    same_full_name(doc, out, &words);
}

/// An age between commas starts at token `comma`: ", 34," (one or two digits).
fn aged(doc: &Doc, comma: usize) -> bool {
    doc.is_punct(comma, ',') && doc.toks.get(comma + 1).is_some_and(|t| t.kind == Tk::Number && t.span().end - t.span().start <= 2) && doc.is_punct(comma + 2, ',')
}

/// What a firm's name owns after its possessive ("Nvidia's shareholders"); a person's may have
/// a spokesman or a staff, but not these.
const FIRM_OWNED: Words = words!["board", "earnings", "headquarters", "profit", "profits", "revenue", "sales", "shareholders", "shares", "stock"];

/// The one-word name at tokens `first..=k` is used as only a firm's name is (`owned`: the word
/// after its possessive ending, if any): the thing owned ([`FIRM_OWNED`], or a chief executive),
/// "shares in X", "analysts at X" (a noun for a person or a group of the trade, and no noun
/// after the name: "voters at Trump rallies" are no employees), "X shares", or the subject of a
/// speech verb whose reported clause starts with "it" ("X said on Tuesday it would"), which a
/// person's would start with "he" or "she".
#[inline(never)]
fn firm_use(doc: &Doc, first: usize, k: usize, owned: &str) -> bool {
    let word = |j: usize| if j < doc.toks.len() && doc.is_word(j) { doc.lower(j) } else { "" };
    if !owned.is_empty() {
        return has(FIRM_OWNED, owned) || owned == "chief" && (k + 2..k + 4).any(|j| word(j) == "executive");
    }
    let next = word(k + 1);
    let cue = word_is_cue(doc, k + 1);
    if first >= 2 && match word(first - 1) {
        "in" | "of" => one_of(word(first - 2), &["shares", "stock"]),
        "at" => doc.in_class(first - 2, lexicon::PERSON_NOUN | lexicon::GROUP_NOUN) && (next.is_empty() || cue),
        _ => false,
    } {
        return true;
    }
    if matches!(next, "shares" | "shareholders") {
        return true;
    }
    if !cue {
        return false;
    }
    // The reported clause after the verb: past a day ("on Tuesday") and "that".
    let mut j = k + 2;
    if word(j) == "on" && doc.is_cap(j + 1) {
        j += 2;
    }
    if word(j) == "that" {
        j += 1;
    }
    // Not "it" as a dummy subject, mostly of "be" ("Groberg says it is hard to blame", "said
    // it would be wrong").
    let be = |j: usize| one_of(word(j), &["is", "was", "be"]);
    word(j) == "it" && !be(j + 1) && !be(j + 2) && doc.is_word(j + 1)
}

/// One sense per discourse for full names: a name of two or more words written exactly as a
/// person's full name elsewhere in the document is that person's, also where nothing around it
/// says so ("co-star Jensen Ackles" ... "Dean (Jensen Ackles)"). The name part is compared
/// (the title dropped, a possessive ending stripped), so "Professor Ann Berg" makes "Ann
/// Berg's" a person too.
///
/// `words` has each mention's number of words in its name part (`promote_persons` counted them).
fn same_full_name(doc: &Doc, out: &mut [NameMention], words: &[usize]) {
    let key = |m: &NameMention, words: usize| -> Option<&str> {
        let span = m.name?;
        // Two words or more, no title inside the compared text. The words first: most names
        // have one word; the space by a byte search, not the char searcher.
        if words < 2 {
            return None;
        }
        let text = strip_possessive(doc.text_of(span));
        text.bytes().any(|b| b == b' ').then_some(text)
    };
    let mut persons: WordTable<'_, ()> = WordTable::with_capacity(out.len() / 4);
    for k in out.iter().zip(words).filter(|(m, _)| m.class == NameClass::Person).filter_map(|(m, &w)| key(m, w)) {
        persons.entry_or_insert_with(k, |_| ());
    }
    if persons.is_empty() {
        return;
    }
    for i in 0..out.len() {
        if out[i].class == NameClass::Unknown && key(&out[i], words[i]).is_some_and(|k| persons.get(k).is_some()) {
            let m = &mut out[i];
            m.class = NameClass::Person;
            if m.gender.is_none() {
                m.gender = name_part_given_name(doc, m);
            }
        }
    }
}

/// Tokens that a bracketed aside after a list item may span ("(The Trial, Chimes at Midnight
/// and The Immortal Story)"): longer brackets are no aside, and the bound keeps the look-back
/// of each mention short.
const MAX_ASIDE_TOKENS: usize = 16;

/// The capitalised words after the "and" at `k` end in an organisation's head: "the
/// University of Cape Town and Karolinska Institute" are two ("Department of Health and Human
/// Services" is one).
fn second_org_after(doc: &Doc, k: usize) -> bool {
    let mut j = k + 1;
    while j < doc.toks.len() && j <= k + 4 && doc.is_word(j) && doc.is_cap(j) {
        if doc.in_class(j, lexicon::ORG_HEAD) {
            return true;
        }
        j += 1;
    }
    false
}

/// A list separator: a comma, a semicolon, "and", "or".
fn list_sep(doc: &Doc, j: usize) -> bool {
    doc.is_punct(j, ',') || doc.is_punct(j, ';') || doc.is_word(j) && one_of(doc.tok(j), &["and", "or"])
}

/// The last token of the list item before the one starting at `first`, when a bracketed aside
/// ends that item: "Elia Kazan (The Last Tycoon), [Rainer ...]" gives the token of "Kazan".
fn list_neighbour_before(doc: &Doc, first: usize) -> Option<usize> {
    let mut j = first.checked_sub(1)?;
    // ", and" or one separator.
    if !list_sep(doc, j) {
        return None;
    }
    if j > 0 && list_sep(doc, j - 1) {
        j -= 1;
    }
    let close = j.checked_sub(1)?;
    if !doc.is_punct(close, ')') {
        return None;
    }
    let open = (close.saturating_sub(MAX_ASIDE_TOKENS)..close).rev().find(|&o| doc.is_punct(o, '(') || doc.is_punct(o, ')'))?;
    if !doc.is_punct(open, '(') {
        return None;
    }
    open.checked_sub(1)
}

/// The first token of the list item after the one ending at `last`, when a bracketed aside ends
/// this item: "[Orson Welles] (The Trial), Wim Wenders" gives the token of "Wim".
fn list_neighbour_after(doc: &Doc, last: usize) -> Option<usize> {
    let n = doc.toks.len();
    if !doc.is_punct(last + 1, '(') {
        return None;
    }
    let close = (last + 2..(last + 2 + MAX_ASIDE_TOKENS).min(n)).find(|&c| doc.is_punct(c, ')') || doc.is_punct(c, '('))?;
    if !doc.is_punct(close, ')') {
        return None;
    }
    let mut j = close + 1;
    if !list_sep(doc, j) {
        return None;
    }
    j += 1;
    if list_sep(doc, j) {
        j += 1;
    }
    (j < n).then_some(j)
}

/// Nouns right before a name that say it is a person's: "actors Meryl Streep", "the Nobel
/// laureate Władysław Reymont", "friend of" is not one (the name follows "of"), sorted.
pub(crate) const PERSON_ROLES: Words = words![
    "activist", "actor", "actors", "actress", "architect", "artist", "artists", "aunt", "author",
    "biologist", "boyfriend", "brother", "brothers", "businessman", "businesswoman", "candidate",
    "chemist", "classmate", "co-star", "co-stars", "colleague", "colleagues", "columnist",
    "comedian", "composer", "composers", "conductor", "cousin", "critic", "daughter", "diplomat",
    "directors", "economist", "engineer", "entrepreneur", "father", "fiancé", "fiancée",
    "founder", "friend", "girlfriend", "grandfather", "grandmother", "guitarist", "historian",
    "husband", "interviewee", "journalist", "laureate", "linguist", "mathematician", "mentor",
    "mother", "musician", "nephew", "niece", "novelist", "painter", "partner", "philosopher",
    "photographer", "physicist", "pianist", "player", "players", "poet", "politician",
    "predecessor", "publisher", "rapper", "rappers", "realist", "reporter", "rival",
    "scientist", "singer", "singers", "sister", "sisters", "son", "student", "successor",
    "teacher", "teammate", "uncle", "widow", "wife", "writer", "writers",
];

/// A multi-word name that may be a person's: no word of it is a common word of the text, a
/// place, a demonym, a month, or the head of a place, event or organisation name.
///
/// Asked of mentions not typed yet only, which `classify_run` made: for a name of one token it
/// looked that token up as a place and as a demonym (without its possessive ending, as here)
/// and found neither, or the mention would be typed or gone. So those look-ups are not made
/// again for such a name (they were 0.4% of all the work).
fn name_shaped(doc: &Doc, vocab: &Vocab, m: &NameMention) -> bool {
    let one_token = m.name_first == m.last;
    let last_word = (m.name_first..m.last + 1).rev().find(|&k| doc.is_word(k));
    let last_place = !one_token && last_word.is_some_and(|k| crate::places::lookup(strip_possessive(doc.tok(k))).is_some());
    (m.name_first..m.last + 1).filter(|&k| doc.is_word(k)).all(|k| {
        // "Paris Hilton": a first word that is a place does not stop a full name whose last
        // word is none.
        let place_ok = k == m.name_first && Some(k) != last_word && !last_place;
        let w = strip_possessive(doc.tok(k));
        let lw = doc.lower_bare(k);
        // Where `lw` is the token's whole lowercase (no possessive came off), the lexicon bits
        // and entry that `Doc::new` found for the token answer without probes (three probes a
        // word were 0.2% of the 40-text profile).
        let whole = matches!(lw, Cow::Borrowed(l) if l.len() == doc.lower(k).len());
        let listed = |bits: u64| if whole { doc.in_class(k, bits) } else { lexicon::listed(&lw, bits) };
        // The common words, `places::is_not_name_word` and `places::is_event_head` in one probe.
        !(w.len() > 2 && (if whole { vocab.contains_lower(doc, k) } else { vocab.contains(&lw) })
            || listed(lexicon::COMMON_CAP | lexicon::NOT_PLACE | lexicon::NOT_PLACE_HEAD | lexicon::ORG_HEAD)
            // `is_place_head(w)`: of `lw` (the same word lowercased) unless `w` ends in one more
            // possessive; by the bits when there is no dot to drop either.
            || (if whole && !lw.ends_with('.') {
                listed(lexicon::HEAD_LAST | lexicon::PLURAL_HEAD)
            } else if strip_possessive(w).len() == w.len() {
                crate::places::is_lower_place_head(&lw)
            } else {
                crate::places::is_place_head(w)
            })
            || !one_token && tables::demonym_country(w).is_some()
            // The last word's look-up is `last_place`.
            || (if Some(k) == last_word { last_place } else { crate::places::lookup(w).is_some() }) && tables::first_name(w).is_none() && !place_ok)
    })
}

/// Words right before a capitalised title alone that make it the office a person holds or
/// seeks: "As President, I will", "Sarvis for Governor", "proclaimed Emperor", sorted.
const OFFICE_BEFORE: Words = words!["appointed", "as", "crowned", "elected", "for", "proclaimed"];

/// The title words s..=end, without a determiner, name an office held by a person: one
/// capitalised title word after [`OFFICE_BEFORE`] ("as President"), not a title before a
/// name (that is a name run) nor a lowercase one ("as president", which is a role).
///
/// An honorific before the title says so too: "Mr. President", "Madam Speaker" (the address
/// of an office holder).
fn office_held(doc: &Doc, s: usize, end: usize) -> bool {
    let after_word = s == end && s > 0 && doc.is_word(s - 1) && has(OFFICE_BEFORE, doc.lower(s - 1));
    let honorific = s < end && one_of(doc.lower(s), &["mr", "mrs", "madam", "madame"]) && (s + 1..end).all(|k| doc.is_punct(k, '.'));
    (after_word || honorific) && doc.first_char(end).is_uppercase() && !doc.is_cap(end + 1)
}

/// Tokens t..=end are initials with dots and then a surname: "O.J. Simpson", "J. R. Tolkien".
/// Initials that spell a place ("U.S. Steel", "D.C. United") are none, nor a degree written
/// tight ("M.Sc."); the words after them must be capitalised names, no common word of the text
/// and no place. (Initials without dots are as often street directions and codes: "S
/// Buckeye", "T C Phailin".)
fn initials_then_surname(doc: &Doc, vocab: &Vocab, t: usize, end: usize) -> bool {
    // "J" before a dot, or "O.J." as one token.
    let initial = |k: usize| {
        let w = doc.tok(k);
        doc.is_word(k) && w.trim_end_matches('.').split('.').all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
    };
    let mut k = t;
    while k < end && initial(k) {
        if doc.tok(k).ends_with('.') {
            k += 1;
        } else if doc.is_punct(k + 1, '.') {
            k += 2;
        } else {
            break;
        }
    }
    if k == t || k > end || !doc.toks[k].space_before {
        return false;
    }
    let sp = doc.span(t, k - 1);
    if crate::places::lookup(doc.text_of(sp)).is_some() || crate::places::lookup(doc.text.get(sp.start..sp.end - 1).unwrap_or("")).is_some() {
        return false;
    }
    (k..=end).all(|j| {
        !doc.is_word(j) || {
            let w = strip_possessive(doc.tok(j));
            let lw = doc.lower_bare(j);
            w.chars().any(char::is_lowercase) && !vocab.contains(&lw) && !lexicon::listed(&lw, lexicon::COMMON_CAP) && crate::places::lookup(w).is_none()
        }
    })
}

/// Whether the name part `t..=end` of a run, `bare` its text without a possessive ending, is
/// one capitalised word that `title_demonym` has found no title word: then that looked it up
/// as a demonym already (and found none), and so `tables::demonym_country(bare)` is None. The
/// title prefix of `classify_run` ends at the first word that is no title word, which is `t`.
#[inline]
fn title_word_ended(doc: &Doc, t: usize, end: usize, bare: &str) -> bool {
    // A capitalised word is a word whose first char is uppercase (`Token::cap`).
    t == end && bare.len() == doc.tok(t).len() && doc.is_cap(t)
}

fn classify_run(doc: &Doc, vocab: &Vocab, surnames: &WordTable<'_, ()>, firms: &WordTable<'_, ()>, start: usize, end: usize, out: &mut Vec<NameMention>) {
    // "Often I would", "In the novel Dark Matters I think": "I" before a lowercase word is the
    // pronoun, no part of the name.
    let pronoun_i = end > start && doc.tok(end) == "I" && doc.is_word(end + 1) && !doc.is_cap(end + 1)
        && !one_of(doc.tok(end + 1), &["in", "of", "and", "on", "at", "to", "for", "with", "from", "by", "was", "as", "who"]);
    let end = if pronoun_i { end - 1 } else { end };
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
        let sentence_start = s == doc.sentence_of(s).0 || (s > 0 && doc.is_quote_mark(s - 1)) || vocab.headlines.contains(doc.sent_of(s));
        // "Santorum criticized ...": the surname of a full name of the text ("Rick Santorum")
        // stays a name at a sentence start, also when the text uses the word in lowercase too
        // ("the santorum cocktail").
        let surname = sentence_start && surnames.get(strip_possessive(doc.lower(s))).is_some();
        // "Fort Lee is ...": a word that starts a place's name stays when a name follows.
        // (Every test is pure, so their order does not change the answer: the cheap ones first,
        // the probes last.)
        let common = doc.in_class(s, lexicon::COMMON_CAP)
            || (sentence_start && !surname && s < end && !crate::places::is_place_first_at(doc, s) && vocab.contains_lower(doc, s) && !is_title_word(doc, s))
            || (sentence_start && !surname && s == end && is_common_cap(doc, vocab, s))
            || (sentence_start && s == end && opener_shape(doc, s))
            // "Economist Aly-Khan Satchu said": a noun for people that opens a sentence before
            // a name is a description of the person, as "economist" is in "Kenyan economist
            // Peter Ouma" (the test above drops it only when the text has it in lowercase too).
            || (sentence_start && s < end && doc.in_class(s, lexicon::PERSON_NOUN) && !is_title_word(doc, s))
            // "Chipmaker Nvidia said": a firm noun opening a sentence before a name, as
            // "the chipmaker" does inside one (`firm_described`).
            // Not a title's first word ("Party Chairman Reince Priebus").
            || (sentence_start && s < end && firm_noun(doc, s) && !is_title_word(doc, s + 1))
            // "The Spaniard said": a demonym noun alone after "the" is news style's second
            // reference to a person named before (`entities::Registry::epithet_person`), no
            // name of its own.
            || (determiner.is_some() && s == end && tables::demonym_country(doc.tok(s)).is_some());
        // "New York City", "Saint Lucia": a common word that begins a place's name stays. Asked
        // of common words only, since any other word ends the leading words anyway: the place
        // look-ups for the first word of every run were 0.4% of the 40-text profile.
        let starts_place = || {
            s < end && {
                // A place's name has at most MAX_PLACE_WORDS words (and dots between them).
                let sp = doc.span(s, end.min(s + 2 * tables::MAX_PLACE_WORDS));
                let text = doc.text_of(sp);
                // The two words alone, unless they are the whole text just looked up.
                let two = doc.toks[s + 1].span().end;
                crate::places::lookup(text).is_some() || two != sp.end && crate::places::lookup(doc.text.get(sp.start..two).unwrap_or("")).is_some()
            }
        };
        if !common || starts_place() {
            break;
        }
        determiner = None;
        s += 1;
    }
    if s > end {
        return;
    }
    // "the 14th Ward", "the 5th Avenue": a word after an ordinal number names a district, a
    // street or a unit, not a person ("Ward" is a surname too).
    if s == end && s > 0 && doc.toks[s - 1].kind != Tk::Word && {
        let o = doc.tok(s - 1).as_bytes();
        o.first().is_some_and(u8::is_ascii_digit) && o.len() > 2 && matches!(&o[o.len() - 2..], b"st" | b"nd" | b"rd" | b"th")
    } {
        return;
    }
    // "In a post on X, ...": the social network, no one's name (the dot after it is handled
    // where runs are collected).
    if s == end && doc.tok(s) == "X" && s > 0 && doc.lower_is(s - 1, "on") {
        return;
    }
    // "in Berea, OH, after winning Ohio, Gov. John Kasich said": a state's postal code after a
    // place and a comma is the state, no one's name (PolNeAR had "OH" and "VA" as speakers).
    if s == end && s >= 2 && doc.is_punct(s - 1, ',') && doc.is_cap(s - 2) && doc.tok(s).bytes().all(|b| b.is_ascii_uppercase()) && crate::places::us_state(doc.tok(s)).is_some() {
        return;
    }
    // "the Bernoulli family", "the Bush administration": a family or a government named after
    // a person is a group, not the person.
    if s == end && doc.is_word(end + 1) && matches!(doc.lower(end + 1), "family" | "families" | "dynasty" | "clan" | "administration") && s > 0 && doc.lower_is(s - 1, "the") {
        return;
    }
    // Parties' members and historical peoples: "Democrats", "Roman times", "Roman Britain".
    let lw0 = doc.lower(s);
    // "the 7th century BC".
    if s == end && (doc.in_class(s, lexicon::PEOPLE) || matches!(lw0, "bc" | "bce" | "ad" | "ce")) {
        return;
    }
    // "Democrats", "House Republicans": a party's members speak as a body ("House Democrats
    // ... said they would"), so the run stays a mention, of an organisation, never a person.
    let party_members = (s == end && doc.in_class(s, lexicon::GROUP_NAME)) || doc.in_class(end, lexicon::GROUP_NAME);
    if s < end && doc.in_class(s, lexicon::PEOPLE) && crate::places::lookup(doc.tok(s + 1)).is_some() {
        return;
    }
    // "the indigenous Moriori language", "Moriori culture": a people's name before a noun of
    // peoples and their ways, not a person's.
    if s == end && doc.is_word(end + 1) && doc.in_class(end + 1, lexicon::PEOPLE_NOUN) {
        return;
    }
    // "flights from Sana'a via Al Mukalla": after "via" a name is a place's.
    if s > 0 && doc.lower_is(s - 1, "via") && title_head(doc, s).is_none() {
        return;
    }
    // "the main island of Utu Vava'u", "the town of Coron": a place, not a person.
    if s > 1 && doc.tok_is(s - 1, "of") && doc.is_word(s - 2) && crate::places::is_place_kind_of(&doc.lower(s - 2)) && title_head(doc, s).is_none() {
        return;
    }
    // "I-244", "US-412": a road, not a name ("... area: I-244, I-44").
    if s == end && crate::places::road_code(doc.tok(s)) == Some(true) {
        return;
    }
    // "Hwy 51", "Route 66".
    if s == end && matches!(doc.tok(s), "Hwy" | "Highway" | "Route" | "Interstate") && doc.toks.get(s + 1).is_some_and(|t| t.kind == Tk::Number) {
        return;
    }
    // "Major League Baseball": "Major" is no military title here.
    if doc.lower(s) == "major" && s < end && doc.lower(s + 1).starts_with("league") {
        return;
    }
    // A place whose name starts like a title ("St. Louis", "Saint Lucia", "King's Lynn"), or
    // with a title's modifier and no title ("New York", "New Jersey": taken as a title's
    // "new", it left "York said" to speak as a person).
    let head_at_s = title_head(doc, s).is_some();
    if (head_at_s && !speaks_after(doc, end) || !head_at_s && s < end && doc.title_listed(s)) && end - s <= 2 * tables::MAX_PLACE_WORDS {
        let span = doc.span(s, end);
        if crate::places::lookup(doc.text_of(span)).is_some() {
            return;
        }
    }
    // Trailing days and months are no part of a name ("Governor of Virginia Saturday"), nor a
    // lowercase title modifier with no title after it ("Nida then sets forth").
    let mut end = end;
    // `is_calendar_word(doc.lower(end))` by the token's class bit, not a probe.
    while end > s && doc.is_word(end) && (doc.in_class(end, lexicon::CALENDAR_WORD) || !doc.is_cap(end) && title_head(doc, end).is_none() && doc.title_listed(end)) {
        end -= 1;
    }
    // The title prefix.
    let mut t = s;
    let mut words: Vec<Cow<str>> = Vec::new();
    let mut head: Option<&'static str> = None;
    let mut gender = None;
    // An institution before the title belongs to it: "Senate Minority Leader Harry Reid",
    // "US Senator Jeff Sessions", "White House Press Secretary Josh Earnest".
    // Asked once of the first word: the loop below starts there unless an institution leads.
    // (`title_word` makes a word only for a title word: asking `is_title_word` first asked
    // `title_demonym` twice of each title word.)
    let title_word_at = |k: usize| title_word(doc, k);
    let mut first_title_word = title_word_at(s);
    // "The New York Times", "New York Gov. Andrew Cuomo": a title modifier that opens a
    // place's name of two words opens the name, or the institution before a title, not a
    // title of its own ("York Times" spoke, with the title "new"). The place is looked up
    // only after such a modifier, not for every run.
    if first_title_word.is_some() && s < end && title_head(doc, s).is_none() && {
        let sp = doc.span(s, s + 1);
        crate::places::lookup(doc.text_of(sp)).is_some_and(|(_, len)| len == sp.end - sp.start)
    } {
        first_title_word = None;
    }
    if first_title_word.is_none() {
        if let Some(h) = (s + 1..end.min(s + 1 + MAX_INSTITUTION_WORDS)).find(|&k| title_head(doc, k).is_some()) {
            if (s..h).all(|k| is_name_word(doc, k) || is_title_word(doc, k)) {
                words.extend((s..h).map(|k| doc.lower_bare(k)));
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
        let w = if t == s { first_title_word.take() } else { title_word_at(t) };
        let Some(w) = w else {
            // "Justice Department spokesman Peter Carr", "Foreign Ministry spokesman Zhao
            // Lijian": an institution named by its capitalised head between title words is
            // part of the title (the name was "Department spokesman Peter Carr", with the
            // title "justice"). Only after a title word: a run that starts with the
            // institution went through the test above.
            if t > s {
                // The title may end the run: "the Foreign Ministry's spokesman said".
                if let Some(h) = (t + 1..=end.min(t + MAX_INSTITUTION_WORDS)).find(|&k| title_head(doc, k).is_some()) {
                    if (t..h).all(|k| doc.is_cap(k)) && (t..h).any(|k| bare_listed(doc, k, lexicon::ORG_HEAD)) {
                        words.extend((t..h).map(|k| doc.lower_bare(k)));
                        t = h;
                        continue;
                    }
                }
            }
            break;
        };
        if let Some(h) = title_head(doc, t) {
            head = Some(h);
            // The head's lists by the token's class bits when the token is the head word
            // itself (its lexicon entry is the head's), else by a probe.
            let listed = |bits: u64| if doc.lower(t) == h { doc.in_class(t, bits) } else { lexicon::listed(h, bits) };
            if listed(lexicon::MALE_TITLE) {
                gender = Some(Gender::Male);
            } else if listed(lexicon::FEMALE_TITLE) || one_of(h, &["baroness", "countess", "duchess", "empress", "madame", "tsarevna", "tsarina"]) {
                gender = Some(Gender::Female);
            }
        }
        words.push(w);
        t += 1;
    }
    // "State Department", "Chinese Foreign Ministry", "Supreme Court", "Crown Prosecution
    // Service": title modifiers with no title head before an organisation's capitalised head are
    // the first words of its name, not a title (the name was "Department", and every ministry of
    // a text one "Ministry"; "Prosecution Service", its "Crown" between "the" and the name, and
    // "a spokeswoman for the Crown Prosecution Service said" no source).
    // Not a rank ("Top Senate candidates": the speaker was to be "Top Senate"), which qualifies
    // the people after the name.
    let rank = |k: usize| {
        one_of(doc.lower(k), &["acting", "assistant", "associate", "current", "deputy", "first", "former", "incoming", "interim", "junior", "late", "majority", "minority", "new", "outgoing", "senior", "then", "top", "vice"])
    };
    if head.is_none() && t > s && t <= end && doc.is_cap(end) && bare_listed(doc, end, lexicon::ORG_HEAD) && !(s..t).any(rank) {
        t = s;
        words.clear();
    }
    // The words with spaces between, as `join(" ")` gives, whose generic code is 1 KB of wasm.
    let title = head.map(|_| {
        let mut t = String::new();
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                t.push(' ');
            }
            t.push_str(w);
        }
        t
    });
    // Asked where a mention is made: most runs make none.
    let in_quote = || doc.inside_quote(start);
    if t > end {
        // Title words only: a title mention needs its head and lowercase or determiner context
        // ("the Syrian President", "Qatar's emir"); a bare nationality is an adjective.
        if let (Some(h), Some(title)) = (head, title) {
            let first = determiner.unwrap_or(s);
            // A possessive country counts as the determiner ("Qatar's emir").
            let possessive = strip_possessive(doc.tok(s)).len() != doc.tok(s).len();
            if determiner.is_some() || possessive || office_held(doc, s, end) {
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
                    in_quote: in_quote(),
                });
            }
        }
        return;
    }
    // "Madame Tussauds New York": a place of two or more words at the end of a longer name
    // says where the named thing is; it is no part of the name ("Jack London" keeps its one-word
    // "London").
    // A place's name has at most MAX_PLACE_WORDS words (and dots between), so only the run's
    // last 2 * MAX_PLACE_WORDS tokens can start one: the bound keeps a long run linear.
    let mut end = end;
    if let Some(k) = ((t + 1).max(end.saturating_sub(2 * tables::MAX_PLACE_WORDS))..end).find(|&k| {
        doc.is_word(k) && doc.is_cap(k) && (k..=end).filter(|&j| doc.is_word(j)).take(2).count() >= 2 && {
            let sp = doc.span(k, end);
            crate::places::lookup(doc.text_of(sp)).is_some_and(|(p, len)| len == sp.end - sp.start && p.flags & tables::AMBIGUOUS == 0)
        }
    }) {
        let mut e = k - 1;
        while e > t && !doc.is_word(e) {
            e -= 1;
        }
        end = e;
    }
    // The name part: t..=end. Drop a trailing possessive from what we look up.
    let name_span = doc.span(t, end);
    // One token's text as `Doc::tok` has it (the same slice), without slicing the text again.
    let name_text = if t == end { doc.tok(t) } else { doc.text_of(name_span) };
    let bare = strip_possessive(name_text);
    let name_tokens = (t..=end).filter(|&k| doc.toks[k].kind == Tk::Word).count();
    let first_word = doc.tok(t);
    let mut class = NameClass::Unknown;
    // Made where a test needs it: most names have one word and no title, and need it nowhere.
    let last_lower = || doc.lower_bare(end);
    // "the retailer Walmart", "the carmaker Toyota", "the bank Morgan Stanley": a name that a
    // firm noun describes, here or (one word) anywhere in the text, is the firm's, also where
    // the word is a place's or a surname ("Toyota said ... Toyota also plans"). Not in a
    // place's position ("a plant in Toyota"), nor a person's name: after a firm noun, a name
    // with a given name or the surname of a full name of the text starts a relative clause
    // ("a group Barack Obama won", "the group Fiorina addressed", "One label Rubio resists").
    let described = head.is_none()
        && (firm_described(doc, t) && !relative_after_firm_noun(doc, t, end) || name_tokens == 1 && firms.get(bare).is_some() && !crate::places::after_in(doc, t))
        && given_name(first_word).is_none()
        && surnames.get(&doc.lower_bare(end)).is_none();
    // "Analysts at Morgan Stanley estimate", "economists at Goldman Sachs said": a name after
    // people in the plural and "at" is where they work, a firm's (as `firm_use` has it for one
    // word), also when it starts with a given name. A lowercase word after it is their verb,
    // which agrees with a plural without an "-s" ("estimate"), or a speech verb: a plural noun
    // makes the name a modifier ("supporters at Trump rallies").
    let employer = t >= 2
        && doc.is_word(t - 1)
        && doc.lower(t - 1) == "at"
        && doc.in_class(t - 2, lexicon::PERSON_NOUN | lexicon::GROUP_NOUN)
        && doc.lower(t - 2).ends_with('s')
        && !(doc.is_word(end + 1) && !doc.is_cap(end + 1) && doc.cue_lemma(end + 1).is_none() && doc.lower(end + 1).ends_with('s'));
    if described || employer {
        class = NameClass::Org;
    } else if party_members
        || lexicon::listed(bare, lexicon::KNOWN_ORG | lexicon::KNOWN_ORG_PHRASE)
        || (name_tokens >= 2 && bare_listed(doc, end, lexicon::ORG_HEAD))
        // "Squadron Officer School": a title before an institution's head.
        || (head.is_some() && crate::places::is_event_head(&last_lower()))
        // "Cyclone Phailin", "Hurricane Katrina": storms are named like people.
        || (name_tokens >= 2 && doc.in_class(t, lexicon::STORM))
    {
        class = NameClass::Org;
    } else if let Some((place, _)) = crate::places::lookup(bare) {
        // A place name, unless a title stands before it ("President Jordan") or an ambiguous
        // one is the subject of speech ("Jordan said"; not "a man in Phoenix said").
        let speaks = speaks_after(doc, end) && !crate::places::after_in(doc, t);
        let ambiguous = place.flags & tables::AMBIGUOUS != 0;
        if head.is_some() || (ambiguous && speaks) {
            class = NameClass::Person;
        } else {
            return;
        }
    } else if head.is_some() {
        class = NameClass::Person;
    } else if !title_word_ended(doc, t, end, bare) && tables::demonym_country(bare).is_some() {
        return; // "Iranian", "Syrians"
    } else if name_tokens >= 2 && crate::places::is_place_first_at(doc, t) {
        // "Port Hutt", "Fort Lee", "Lake Merritt": the places pass marks them.
        return;
    } else if name_tokens >= 2 && crate::places::is_place_head_at(doc, end) {
        // A place's name ("George Washington Bridge", "Naqsh-e Jahan Square"): the places
        // pass marks it. A person's name before the head stays a person's ("George
        // Washington"), unless the head is also a surname ("Sally Field"), or a verb of saying
        // follows a first name and a head ("Paul Tower said": places do not speak).
        let person_head = name_tokens == 2 && (crate::places::is_weak_head(doc.tok(end)) || speaks_after(doc, end));
        if tables::first_name(first_word).is_some() && !person_head {
            let mut k = end - 1;
            while k > t && !doc.is_word(k) {
                k -= 1;
            }
            // "Pearl Harbor Memorial Expressway": a place's head inside is no person's name.
            if k > t && !(t + 1..=k).any(|j| doc.is_word(j) && crate::places::is_place_head_at(doc, j)) {
                classify_run(doc, vocab, surnames, firms, t, k, out);
            }
            return;
        }
        if !person_head || tables::first_name(first_word).is_none() {
            return;
        }
        class = NameClass::Person;
    } else if determiner.is_some() && name_tokens == 1 && head.is_none() && tables::first_name(first_word).is_none()
        && doc.is_word(end + 1) && (doc.cue_lemma(end + 1).is_some() || doc.in_class(end + 1, lexicon::PERSON_VERB) || one_of(doc.tok(end + 1), &["writes", "has", "is", "was"]))
    {
        // "The Independent reported", "The Onion writes": a paper or a firm acting under its
        // article; a person's name takes none.
        class = NameClass::Org;
    } else if (cited(doc, end) || cited_by_year(doc, t, end)) && !name_of_thing(doc, t, end) && !(name_tokens == 1 && is_common_cap(doc, vocab, t)) {
        // An author cited: "Daily et al.".
        class = NameClass::Person;
    } else if name_tokens >= 2 && !name_of_thing(doc, t, end) {
        // "the Houston Astros", "the Pawtucket Red Sox": after an article, a name led by a
        // place is a team's or a firm's named after it, not a person's ("Houston" is also a
        // first name); the place inside stays a place.
        // So is one whose last word is a plural ("Cleveland Browns Stadium" has "Cleveland
        // Browns").
        let last_word = strip_possessive(doc.tok(end));
        let plural = last_word.len() > 3 && last_word.ends_with('s') && !last_word.ends_with("ss") && tables::first_name(last_word).is_none();
        let team = (determiner.is_some() || plural)
            && crate::places::lookup(first_word).is_some_and(|(p, _)| p.flags & tables::AMBIGUOUS == 0 && p.kind != LocationKind::Area);
        if team {
            class = NameClass::Org;
        } else if let Some(g) = given_name(first_word) {
            class = NameClass::Person;
            gender.get_or_insert(g);
        } else if initials_then_surname(doc, vocab, t, end) {
            // "O.J. Simpson", "R Saravanan".
            class = NameClass::Person;
        } else if (t..=end).any(|k| is_person_particle(doc.tok(k))) {
            // "Tamim bin Hamad", "Ludwig van Beethoven", "al-Assad"; Romance particles also
            // join places ("Terre de Haut", "Paseo de Montejo"), so they need a first name.
            class = NameClass::Person;
        } else if name_tokens == 2 && one_of(doc.tok(end), &["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"])
            && !speaks_after(doc, end)
            && !(doc.tok(end) == "I" && doc.is_word(end + 1) && !doc.is_cap(end + 1))
        {
            // A regnal number: "Norton I", "Johann II" (not "I" as a subject: "Often I would").
            class = NameClass::Person;
        }
    }
    // "Queen Creek", "King Street": a title before a place's head alone is a place's name; a
    // building keeps the person it is named after ("Shah Mosque", "King Palace").
    const BUILDINGS: Words = words![
        "abbey", "basilica", "castle", "cathedral", "chapel", "hotel", "lodge", "monastery", "monument", "mosque",
        "museum", "palace", "shrine", "stadium", "synagogue", "temple", "theater", "theatre", "tower",
    ];
    if head.is_some() && name_tokens == 1 && crate::places::is_place_head_at(doc, end) && !has(BUILDINGS, &last_lower()) {
        return;
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
            if lw == "news" || doc.in_class(k, lexicon::ORG_TRAILER) {
                last = k;
                span_end = doc.toks[k].span().end;
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
        span: Span::new(doc.toks[first].span().start, span_end),
        first,
        last,
        // An institution's name keeps the title word inside it ("Squadron Officer School").
        name: Some(Span::new(
            if class == NameClass::Org { doc.toks[first].span().start } else { name_span.start },
            if last == end { name_span.end - possessive_len } else { span_end },
        )),
        name_first: t,
        class,
        title,
        title_head: head,
        gender,
        in_quote: in_quote(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past FILTER_UNKNOWN_FROM distinct lowercase words, `Vocab` keeps only those a pass may
    /// ask about, and answers about the capitalised words as it did when it kept them all:
    /// the lowercase words written before the threshold and after it, with and without a
    /// possessive, and not the words the text never writes in lowercase.
    #[test]
    fn vocabulary_past_the_filter_answers_as_before() {
        let code = |i: usize| -> String { (0..4).map(|k| char::from(b'a' + (i / 26usize.pow(k) % 26) as u8)).chain(['q']).collect() };
        let n = FILTER_UNKNOWN_FROM * 2;
        let mut text: String = (0..n).map(|i| code(i) + " ").collect();
        // Capitalised, each at a sentence start: two written in lowercase early, one late, one
        // with a possessive, and one never written in lowercase.
        let cap = |w: String| format!(". {}{}", w[..1].to_uppercase(), &w[1..]);
        for w in [code(3), code(100), code(n - 7), code(5) + "'s", code(n + 50)] {
            text.push_str(&cap(w));
            text.push_str(" went home");
        }
        let (low, at) = crate::doc::Lowered::new(&text);
        let doc = Doc::new(&text, &low, at);
        let vocab = lowercase_vocabulary(&doc);
        let asked: Vec<(String, bool)> = doc.toks.iter().enumerate().filter(|(_, t)| t.cap).map(|(i, _)| (doc.lower(i).to_string(), vocab.contains_lower(&doc, i))).collect();
        let want = [code(3), code(100), code(n - 7)].map(|w| (w, true));
        assert_eq!(&asked[..3], &want);
        assert_eq!(asked[4], (code(n + 50), false));
        assert!(vocab.contains(&code(5)), "the possessive's word");
        assert!(vocab.other.len() < 16, "kept {} words", vocab.other.len());
    }

    #[test]
    fn strips_possessives_as_strip_suffix_does() {
        for w in ["Qatar's", "Qatar’s", "Jones'", "s", "'s", "’s", "x’’s", "'s's", "ab", "", "é’s", "Bus"] {
            let want = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
            assert_eq!(strip_possessive(w), want, "{w:?}");
        }
    }

    #[test]
    fn joined_particles_as_split_once_finds_them() {
        for w in ["al-Assad", "el-Sisi", "bin-Salman", "della-Rovere", "a-l-Assad", "al-assad", "x-al-Assad", "van-Gogh", "dos-Santos", "about", "al-", "de-X", "e-Mail", "longer-Word", "di-"] {
            let want = w.split_once('-').is_some_and(|(pre, rest)| lexicon::listed(pre, lexicon::NAME_PARTICLE) && rest.starts_with(|c: char| c.is_uppercase()));
            assert_eq!(is_joined_particle(w), want, "{w:?}");
        }
    }

    #[test]
    fn particles_fit_the_search() {
        assert!(lexicon::NAME_PARTICLES.iter().all(|p| p.len() <= MAX_PARTICLE_LEN && !p.contains('-')));
        // is_joined_particle looks at bytes 2 to 5.
        assert_eq!(MAX_PARTICLE_LEN, 5);
        // is_name_word's quick tests. Dutch "ten" and "ter" are written apart, never joined by
        // a hyphen ("Erik ten Hag"): the quick test may turn away words that start with "t",
        // the most common first letter of English words.
        let joinable = lexicon::NAME_PARTICLES.iter().filter(|p| !one_of(*p, &["ten", "ter"]));
        assert!(joinable.clone().all(|p| p.len() >= 2 && matches!(p.as_bytes()[0], b'a' | b'b' | b'd' | b'e' | b'i' | b'l' | b'v')));
        assert_eq!(joinable.count() + 2, lexicon::NAME_PARTICLES.iter().count());
    }

    #[test]
    fn word_lists_are_sorted() {
        // `lexicon::has` and the title look-up are binary searches.
        let lists: &[(&str, Words)] = &[
            ("MORE_TITLES", MORE_TITLES),
            ("MORE_MALE_TITLES", MORE_MALE_TITLES),
            ("PERSON_VERBS", PERSON_VERBS),
            ("KIN_AND_LIFE_NOUNS", KIN_AND_LIFE_NOUNS),
            ("WORDLIKE_NAMES", WORDLIKE_NAMES),
            ("PERSON_ROLES", PERSON_ROLES),
            ("OF_TITLES", OF_TITLES),
            ("STORMS", STORMS),
            ("PEOPLE_NOUNS", PEOPLE_NOUNS),
            ("GROUP_NAMES", GROUP_NAMES),
            ("PEOPLES", PEOPLES),
            ("PLACE_LIST_NOUNS", PLACE_LIST_NOUNS),
            ("PERSON_OBJECT_VERBS", PERSON_OBJECT_VERBS),
            ("OPENERS", OPENERS),
            ("OFFICE_BEFORE", OFFICE_BEFORE),
            ("WORK_NOUNS", WORK_NOUNS),
            ("HONOURS", HONOURS),
        ];
        crate::lexicon::assert_sorted(lists);
        assert!(is_person_particle("bin") && is_person_particle("al-Assad") && !is_person_particle("de"));
        // `is_person_particle`'s first test.
        assert!(PERSON_PARTICLES.iter().all(|p| (2..=4).contains(&p.len()) && p.is_ascii()));
        assert!(is_calendar_word("sat") && !is_calendar_word("galois"));
    }
}
