//! Coreference good enough for colours: full names, surnames, titles and pronouns joined into
//! entities, one entity per person or organisation.
//!
//! The rules follow newswire's second-reference conventions (AP Stylebook: a full name with
//! title first, then the surname or the title alone) and the recency heuristic for pronouns
//! (Hobbs 1978, "Resolving pronoun references": the nearest earlier sentence with a compatible
//! candidate, its subject first), simplified to what a rule system can see without a parser.

use rustc_hash::FxHashMap as HashMap;

use crate::case::lowercase;
use crate::doc::Doc;
use crate::lexicon::{self, has, one_of, words, PronounKind, Words};
use crate::model::{EntityKind, Mention, MentionKind, Span};
use crate::names::{strip_possessive, NameClass, NameMention};
use crate::tables::Gender;

/// "Mrs. Clinton" after "Bill Clinton": a courtesy title whose gender the given name of the
/// person named `name` contradicts. (The given name, not the entity's gender, which a surname
/// read as a given name may have set: "Clinton" is one too.)
fn courtesy_mismatch(head: Option<&str>, name: &str) -> bool {
    let want = match head {
        Some("mr") => Gender::Male,
        Some("mrs" | "ms" | "miss") => Gender::Female,
        _ => return false,
    };
    let given = name.split(' ').next().unwrap_or("");
    matches!(crate::tables::first_name(given), Some(g) if g != want && g != Gender::Either)
}

/// The most words of a person's full name ("Juan Carlos de la Cruz"): a longer "name" is
/// most likely a title-case headline.
const MAX_NAME_WORDS: usize = 5;

/// How many sentences back a pronoun looks for its antecedent. News paragraphs are short; a
/// pronoun whose person was last named further back is usually a new, unnamed one.
pub(crate) const MAX_PRONOUN_SENTENCES: usize = 6;
/// How many candidates one look-up examines (most recent first): a text naming a thousand
/// people called John stays linear.
const MAX_CANDIDATES: usize = 32;
/// How many tokens back a pronoun's look-back walks, whatever the sentences: the walk over
/// [`Placements`] skips 64 tokens without a mention a step, and this bounds the steps, so that
/// a megabyte-long sentence of pronouns and no names stays linear. Six news sentences are
/// about 200 tokens; a mention 2,048 tokens back is beyond what a reader relates a pronoun to.
const MAX_LOOKBACK_TOKENS: usize = 2048;

/// The resolved mentions by token, for the pronouns' look-back: at each token the mentions in
/// the order they were placed, and a walk back from any token, the latest first.
///
/// Not a B-tree keyed by (token, order), which it was: the B-tree's code was 5.8 KB of the
/// wasm. Not a sorted Vec either: the pronouns and speakers of the attribution pass land
/// between the names placed before, and inserting each moved the rest of the document's
/// mentions (quadratic: 6% of the instructions on 2 MB of real text,
/// `examples/linearity.rs`). Here a mention is placed in constant time (plus the few placed
/// at its token before), and the walk back skips empty tokens 64 at a time.
#[derive(Default)]
struct Placements {
    /// Per token, 1 + the index in `all` of the mention placed there last (0: none).
    last: Vec<u32>,
    /// One bit per token: some mention is placed there.
    any: Vec<u64>,
    /// Every placed mention, with 1 + the index of the one placed before it at its token.
    all: Vec<(Placed, u32)>,
}

impl Placements {
    fn with_tokens(n: usize) -> Placements {
        Placements { last: vec![0; n], any: vec![0; n / 64 + 1], all: Vec::with_capacity(n / 8) }
    }

    fn insert(&mut self, p: Placed) {
        let t = p.tok;
        if t >= self.last.len() {
            self.last.resize(t + 1, 0);
            self.any.resize(t / 64 + 1, 0);
        }
        self.all.push((p, self.last[t]));
        self.last[t] = u32::try_from(self.all.len()).unwrap_or(u32::MAX);
        self.any[t / 64] |= 1 << (t % 64);
    }

    /// The indexes in `all` of the mentions placed at token `t`, the last placed first.
    fn at(&self, t: usize) -> impl Iterator<Item = usize> + '_ {
        let last = self.last.get(t).and_then(|&l| (l as usize).checked_sub(1));
        std::iter::successors(last, move |&i| (self.all[i].1 as usize).checked_sub(1))
    }

    /// The index in `all` of the first mention placed at token `t`.
    fn first_at(&self, t: usize) -> Option<usize> {
        self.at(t).last()
    }

    /// The latest token before `below`, and not before `lo`, with a mention.
    fn occupied_before(&self, below: usize, lo: usize) -> Option<usize> {
        let mut end = below.min(self.last.len());
        while end > lo {
            let w = (end - 1) / 64;
            let top = (end - 1) % 64;
            let mask = if top == 63 { u64::MAX } else { (1u64 << (top + 1)) - 1 };
            let bits = self.any[w] & mask;
            if bits != 0 {
                let t = w * 64 + 63 - bits.leading_zeros() as usize;
                return (t >= lo).then_some(t);
            }
            end = w * 64;
        }
        None
    }

    /// The mentions placed before token `tok`, walking back: by token, the latest first, and
    /// at one token the one placed last first. At most [`MAX_LOOKBACK_TOKENS`] tokens back.
    fn before(&self, tok: usize) -> Back<'_> {
        Back { p: self, tok, lo: tok.saturating_sub(MAX_LOOKBACK_TOKENS), next: 0 }
    }
}

/// [`Placements::before`].
struct Back<'r> {
    p: &'r Placements,
    /// The token being walked, or the bound when `next` is 0.
    tok: usize,
    lo: usize,
    /// 1 + the index in `all` of the next mention at `tok` (0: none left there).
    next: u32,
}

impl<'r> Iterator for Back<'r> {
    type Item = &'r Placed;

    fn next(&mut self) -> Option<&'r Placed> {
        if self.next == 0 {
            self.tok = self.p.occupied_before(self.tok, self.lo)?;
            self.next = self.p.last[self.tok];
        }
        let (placed, before) = self.p.all.get(usize::try_from(self.next).ok()?.checked_sub(1)?)?;
        self.next = *before;
        Some(placed)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Ent {
    pub name: String,
    pub kind: EntityKind,
    /// Lowercase words of the name, for surname matching.
    pub words: Vec<String>,
    /// Normalised titles seen with this entity ("syrian president").
    pub titles: Vec<String>,
    pub heads: Vec<&'static str>,
    pub gender: Option<Gender>,
    pub mentions: Vec<Mention>,
    /// Some mention of it is a [`MentionKind::Name`]: kept as the mentions come in, where a
    /// scan of them, asked of each quote's speaker, was quadratic in an entity's mentions.
    pub named: bool,
}

/// A resolved mention, in text order, for pronoun look-back.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed {
    pub tok: usize,
    pub sent: usize,
    pub ent: usize,
    /// No pronoun's antecedent: a mention inside a quotation, or a transcript's speaker label
    /// ("BOLDUAN:"), which the turn's "he" and "she" never mean.
    pub hidden: bool,
    /// The mention is the speaker of a quote or of reported speech.
    pub speaker: bool,
    /// The mention follows a preposition ("with al-Assad"): not a subject.
    pub oblique: bool,
}

#[derive(Default)]
pub(crate) struct Registry {
    pub ents: Vec<Ent>,
    /// Resolved mentions by token, and at a token in the order they came in.
    placed: Placements,
    /// For each name mention, its entity.
    pub of_name: Vec<Option<usize>>,
    /// Name word (and the word without its particle) -> entities holding it, oldest first.
    by_word: WordIndex,
    /// Title word -> entities holding a title with it, oldest first.
    by_title_word: WordIndex,
    /// The last word of a name of two or more words, lowercase -> the entities so named that
    /// were not persons when named, oldest first: [`Registry::body_named_by_head`]'s
    /// candidates.
    by_head: WordIndex,
    /// Unnamed sources and organisations by their normalised words, keyed by [`key_of`]. A
    /// String key, not the pair of kind and words it was: one map type fewer, one copy fewer of
    /// the hash table's code in the wasm.
    by_key: HashMap<String, usize>,
    /// The words of the person mention being resolved (see [`name_words_into`]).
    scratch: Vec<String>,
}

fn name_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    name_words_into(text, &mut words);
    words
}

/// [`name_words`] of `text` into `out`, reusing its Strings: most person mentions name someone
/// already registered and only compare their words with the entity's, and making a Vec and a
/// String per word for that, then dropping them, was 1.5% of all the work (40-text profile).
/// Each word is lowercased on its own, as `lowercase` does it (a final sigma looks no further
/// than its word).
fn name_words_into(text: &str, out: &mut Vec<String>) {
    let mut n = 0;
    if text.is_ascii() {
        // `name_pieces` by bytes, as in `name_piece_count`: the char split cost about 14
        // instructions a char of every person's name (0.3% of the 40-text profile). Each
        // piece's place in `text` is its distance from the text's start.
        for piece in text.as_bytes().split(|b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')) {
            if piece.is_empty() || piece.last() == Some(&b'.') {
                continue;
            }
            let start = piece.as_ptr() as usize - text.as_ptr() as usize;
            push_name_word(out, n, text.get(start..start + piece.len()).unwrap_or(""), true);
            n += 1;
        }
    } else {
        for w in name_pieces(text) {
            push_name_word(out, n, w, w.is_ascii());
            n += 1;
        }
    }
    out.truncate(n);
}

/// Puts the normalised name word `w` in `out[n]`, reusing the String there if there is one.
/// `ascii`: `w` is ASCII, which the caller knows of a whole ASCII name (asking each word again
/// was a tenth of this function's work).
#[inline]
fn push_name_word(out: &mut Vec<String>, n: usize, w: &str, ascii: bool) {
    let w = strip_possessive(w);
    if n == out.len() {
        // Room for most name words: a String made to measure for the first word it held grew
        // again for a longer one later (about 300 reallocations in the 40-text profile).
        out.push(String::with_capacity(16));
    }
    let o = &mut out[n];
    o.clear();
    if ascii {
        o.push_str(w);
        o.make_ascii_lowercase();
    } else {
        o.push_str(&lowercase(w));
    }
}

/// The words of a name as [`name_words`] takes them, before normalising.
fn name_pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty() && !w.ends_with('.'))
}

/// `name_pieces(text).count()`. An ASCII text is split by its bytes: the char split decoded
/// every char of every mention's name, 0.3% of the 40-text profile. The bytes are
/// `char::is_whitespace`'s ASCII ones (with U+000B, which `u8::is_ascii_whitespace` lacks).
fn name_piece_count(text: &str) -> usize {
    if !text.is_ascii() {
        return name_pieces(text).count();
    }
    text.as_bytes()
        .split(|b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
        .filter(|w| !w.is_empty() && w.last() != Some(&b'.'))
        .count()
}

/// The word without a leading particle: "al-assad" -> "assad".
fn core_word(w: &str) -> &str {
    // The first hyphen by a byte search: `split_once('-')` went through the char searcher,
    // about 110 instructions a call for these short words ('-' is one byte, so both cuts are
    // char boundaries).
    match w.bytes().position(|b| b == b'-') {
        Some(h) if lexicon::listed(w.get(..h).unwrap_or(""), lexicon::NAME_PARTICLE) => w.get(h + 1..).unwrap_or(""),
        _ => w,
    }
}

/// Words (of names, of titles) -> the entities holding them, oldest first. Most words have one
/// entity, held in the map's value itself: a vector for every new word, allocated and released,
/// was 0.6% of all the work. A word with more has its list in `lists`, and the value is that
/// list's number with [`WordIndex::MANY`] set. A map of String to usize, as `by_key` and the
/// maps of places.rs: each other key and value type was one more copy of the hash table's code
/// in the wasm.
#[derive(Default)]
struct WordIndex {
    map: HashMap<String, usize>,
    lists: Vec<Vec<usize>>,
}

impl WordIndex {
    /// The bit of a value that makes it a list's number. No entity number comes near it: each
    /// entity takes far more than two bytes, so even wasm32's 4 GB of memory holds fewer than
    /// 2^31 of them.
    const MANY: usize = 1 << (usize::BITS - 1);

    fn with_capacity(n: usize) -> WordIndex {
        WordIndex { map: HashMap::with_capacity_and_hasher(n, Default::default()), lists: Vec::new() }
    }

    /// Adds entity `e` to the list under `key` (once in a row). A String for the key only when
    /// the key is new: `entry` wanted one on every call.
    fn add(&mut self, key: &str, e: usize) {
        match self.map.get_mut(key) {
            Some(v) if *v & WordIndex::MANY != 0 => {
                if let Some(list) = self.lists.get_mut(*v & !WordIndex::MANY) {
                    if list.last() != Some(&e) {
                        list.push(e);
                    }
                }
            }
            Some(v) => {
                if *v != e {
                    self.lists.push(vec![*v, e]);
                    *v = (self.lists.len() - 1) | WordIndex::MANY;
                }
            }
            None => {
                self.map.insert(key.to_string(), e);
            }
        }
    }

    /// The entities under `key`, oldest first.
    fn get(&self, key: &str) -> &[usize] {
        match self.map.get(key) {
            Some(v) if *v & WordIndex::MANY != 0 => self.lists.get(*v & !WordIndex::MANY).map_or(&[], Vec::as_slice),
            Some(v) => std::slice::from_ref(v),
            None => &[],
        }
    }
}

pub(crate) const PREPOSITIONS: Words = words![
    "about", "against", "among", "at", "between", "by", "for", "from", "in", "of", "on", "to",
    "toward", "towards", "with",
];

/// The most words of an appositive title that [`Registry::appositive_title`] reads after
/// "the": "the deputy foreign minister" has three; longer runs of title words are lists.
const MAX_APPOSITIVE_TITLE_WORDS: usize = 4;

/// The key of [`Registry::by_key`]: the kind (0 an organisation's words, 1 an unnamed
/// source's phrase, 2 an organisation's initials) as a digit, then the words with a line break
/// between them. One key for one pair: name words never hold a line break (they are split at
/// white space), and a phrase or initials are one word.
fn key_of(kind: u8, words: &[String]) -> String {
    let mut k = String::with_capacity(1 + words.iter().map(|w| w.len() + 1).sum::<usize>());
    k.push(char::from(b'0' + kind));
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            k.push('\n');
        }
        k.push_str(w);
    }
    k
}

/// Every word of `small` is a word of `big` (a title's words, split at spaces).
/// Out of line: inlined, each use was a copy of two split iterators (0.4 KB of wasm).
#[inline(never)]
fn words_within(small: &str, big: &str) -> bool {
    small.split(' ').all(|w| big.split(' ').any(|x| x == w))
}

impl Registry {
    /// Joins the named and title mentions into entities.
    pub fn from_names(doc: &Doc, names: &[NameMention]) -> Registry {
        // Room for an entity and a placed mention per name (more come with the pronouns and
        // the speakers): the vectors grew step by step before, 0.5% of all the work. The
        // name words' index too: grown from nothing, it was rehashed four or five times a text.
        let mut r = Registry {
            placed: Placements::with_tokens(doc.toks.len()),
            of_name: vec![None; names.len()],
            ents: Vec::with_capacity(names.len()),
            by_word: WordIndex::with_capacity(names.len()),
            ..Default::default()
        };
        let mut later = Vec::new();
        for (i, m) in names.iter().enumerate() {
            // A title beside a person's name, set off by a comma, is that person's: "The
            // Chancellor, Rachel Reeves, faced ..." ("The Chancellor" was a person of her own),
            // "Rachel Reeves, Chancellor of the Exchequer, said" (a title with its domain stands
            // for a person of its own elsewhere: "Governor of Virginia"); she holds the title from
            // then on. So is a byline's job after the name ("By Sarah Jones, Political
            // Correspondent"), which gives her no title. Not "A spokesman for the foundation"
            // (see `indefinite`).
            let titled = (m.class == NameClass::Title && !indefinite(doc, m)) || (m.class == NameClass::Person && office_of(doc, m));
            let byline = byline_role(doc, names, i);
            if let Some(p) = byline.or_else(|| if titled { apposed_person(doc, names, i) } else { None }) {
                let e = match r.of_name[p] {
                    Some(e) => e,
                    None => r.person(doc, &names[p]),
                };
                if let (None, Some(t), Some(h)) = (byline, &m.title, m.title_head) {
                    r.give_title(e, t, h);
                }
                let mut role = m.clone();
                role.class = NameClass::Title;
                r.attach(doc, i, &role, e, None);
                continue;
            }
            let ent = match m.class {
                NameClass::Person => Some(r.person(doc, m)),
                NameClass::Org => Some(r.org(doc, m)),
                NameClass::Unknown => r.short_name(doc, m),
                // "A spokesman for the foundation said": an indefinite title with its
                // affiliation introduces someone new, never one who holds the title already.
                NameClass::Title if indefinite(doc, m) => None,
                // A qualified title nobody named so far holds waits for the names after it:
                // "The Foreign Secretary said ... David Lammy, the Foreign Secretary, added"
                // (news leads often give the title first), where `title` looks forward. Not
                // "the president": asked again after every name, it would find a title given
                // later to someone named before ("Susan Rice ... the president ... the vice
                // president").
                NameClass::Title => match r.title(m) {
                    None if m.title.as_deref().is_some_and(|t| t.contains(' ')) => {
                        later.push(i);
                        None
                    }
                    found => found.or_else(|| r.office(doc, m)),
                },
            };
            // A person's name words are still in the scratch vector: as many as `attach`
            // would count again.
            let pieces = (m.class == NameClass::Person && m.name.is_some()).then(|| r.scratch.len());
            if let Some(e) = ent {
                r.attach(doc, i, m, e, pieces);
                if m.class == NameClass::Person {
                    r.appositive_title(doc, m, e);
                }
            }
        }
        for i in later {
            let m = &names[i];
            if let Some(e) = r.title(m).or_else(|| r.office(doc, m)) {
                r.attach(doc, i, m, e, None);
            }
        }
        r
    }

    /// "Maria Santos, the mayor of Porto Alegre, met ...": the title of an appositive right
    /// after a person's name is the person's, so that "the mayor" later in the text is her (the
    /// second reference by title of news style), and so is the appositive itself. A title
    /// before the name ("Mayor Maria Santos") was the only one kept. Not a former or late
    /// holder's ("Smith, the former mayor, ... the mayor said" is most often someone else).
    fn appositive_title(&mut self, doc: &Doc, m: &NameMention, e: usize) {
        let c = m.last + 1;
        if !(doc.is_punct(c, ',') && doc.lower_is(c + 1, "the")) {
            return;
        }
        let mut title = String::new();
        let mut head = None;
        let mut k = c + 2;
        while k < doc.toks.len() && k < c + 2 + MAX_APPOSITIVE_TITLE_WORDS && doc.is_word(k) {
            let w = doc.lower(k);
            if one_of(w, &["former", "late", "then", "ex", "outgoing", "acting", "interim"]) {
                return;
            }
            // The title facts `Doc::new` looked up once for each token.
            let bare = strip_possessive(doc.tok(k)).len() == doc.tok(k).len();
            let this_head = doc.title_head(k);
            if !bare || !(doc.title_listed(k) || this_head.is_some()) {
                break;
            }
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(w);
            // The phrase ends at its head: "the mayor of Porto Alegre", "the Chancellor,"; not
            // "the party chairman's office".
            head = this_head;
            k += 1;
        }
        let Some(h) = head else { return };
        if doc.is_word(k) && !one_of(doc.lower(k), &["of", "for", "in", "at", "and", "who"]) {
            return;
        }
        self.give_title(e, &title, h);
    }

    /// Entity `e` holds `title` (a normalised title whose head is `head`), once: a title
    /// mention later in the text finds it ([`Registry::title`]).
    fn give_title(&mut self, e: usize, title: &str, head: &'static str) {
        let ent = &mut self.ents[e];
        if !ent.titles.iter().any(|t| t == title) {
            ent.titles.push(title.to_string());
            ent.heads.push(head);
            self.index_title(e, title);
        }
    }

    /// Gives name mention `i` (`m`) entity `e`. `pieces`: `name_piece_count` of the mention's
    /// name, when the caller knows it.
    fn attach(&mut self, doc: &Doc, i: usize, m: &NameMention, e: usize, pieces: Option<usize>) {
        self.of_name[i] = Some(e);
        let kind = match m.class {
            NameClass::Title => MentionKind::Title,
            NameClass::Unknown => MentionKind::ShortName,
            // Only a person's mention can be short: an organisation's words are not counted.
            _ if self.ents[e].kind == EntityKind::Person => {
                let full = self.ents[e].words.len();
                // Counted without making the words.
                let here = pieces.unwrap_or_else(|| m.name.map(|s| name_piece_count(doc.text_of(s))).unwrap_or(0));
                if here < full { MentionKind::ShortName } else { MentionKind::Name }
            }
            _ => MentionKind::Name,
        };
        if let (Some(t), Some(h)) = (&m.title, m.title_head) {
            if m.class != NameClass::Title {
                self.give_title(e, t, h);
            }
        }
        let ent = &mut self.ents[e];
        if ent.gender.is_none() {
            ent.gender = m.gender;
        }
        ent.mentions.push(Mention { span: m.span, kind });
        ent.named |= kind == MentionKind::Name;
        let oblique = m.first > 0 && doc.is_word(m.first - 1) && doc.in_class(m.first - 1, lexicon::PREPOSITION);
        self.place(Placed { tok: m.first, sent: doc.sent_of(m.first), ent: e, hidden: m.in_quote, speaker: false, oblique });
    }

    /// Makes `e`, an unnamed speaker whose phrase starts at token `tok` ("the suspect's
    /// mother"), a person of `gender` placed there, so that a later pronoun finds it.
    pub fn place_person(&mut self, doc: &Doc, tok: usize, e: usize, gender: Gender) {
        let ent = &mut self.ents[e];
        ent.kind = EntityKind::Person;
        ent.gender.get_or_insert(gender);
        if self.placed_at(tok) != Some(e) {
            self.place(Placed { tok, sent: doc.sent_of(tok), ent: e, hidden: false, speaker: true, oblique: false });
        }
    }

    fn place(&mut self, p: Placed) {
        self.placed.insert(p);
    }

    fn new_ent(&mut self, name: String, kind: EntityKind, words: Vec<String>) -> usize {
        self.ents.push(Ent { name, kind, words, titles: Vec::new(), heads: Vec::new(), gender: None, mentions: Vec::new(), named: false });
        let e = self.ents.len() - 1;
        if matches!(kind, EntityKind::Person | EntityKind::Organization) {
            self.index_words(e);
        }
        if kind != EntityKind::Person {
            if let Some((_, head)) = self.ents[e].name.rsplit_once(' ') {
                self.by_head.add(&head.to_ascii_lowercase(), e);
            }
        }
        e
    }

    fn index_words(&mut self, e: usize) {
        let Registry { ents, by_word, .. } = self;
        for w in &ents[e].words {
            by_word.add(w, e);
            // Most words have no particle: indexing the same key again right after would find
            // `e` already last under it and change nothing (half of the 1,800 calls in the
            // 40-text profile).
            let core = core_word(w);
            if core.len() != w.len() {
                by_word.add(core, e);
            }
        }
    }

    fn index_title(&mut self, e: usize, title: &str) {
        for w in title.split(' ') {
            self.by_title_word.add(w, e);
        }
    }

    /// Entities indexed under `key`, most recent first, at most [`MAX_CANDIDATES`].
    fn recent<'r>(index: &'r WordIndex, key: &str) -> impl Iterator<Item = usize> + 'r {
        index.get(key).iter().rev().copied().take(MAX_CANDIDATES)
    }

    fn person(&mut self, doc: &Doc, m: &NameMention) -> usize {
        let span = m.name.unwrap_or(m.span);
        let text = doc.text_of(span);
        let mut words = std::mem::take(&mut self.scratch);
        name_words_into(text, &mut words);
        // The same person: same last word, and the first words agree or one name holds the
        // other ("Bashar al-Assad" and "Bashar Hafez al-Assad").
        let last = words.last().map_or("", String::as_str);
        let same = |&i: &usize| {
            let e = &self.ents[i];
            e.kind == EntityKind::Person
                && !e.words.is_empty()
                && e.words.last() == words.last()
                && (words.len() == 1 || e.words.len() == 1 || e.words[0] == words[0]
                    || words.iter().all(|w| e.words.contains(w)))
        };
        // A surname alone: of two people with it, the one mentioned most so far (see
        // `short_name`); a fuller name: the most recent one it fits.
        let found = if words.len() == 1 {
            self.best_bearer(last, m.title_head, &same, None)
        } else {
            Self::recent(&self.by_word, last).find(same)
        };
        // A given name alone that no one has as a surname is the person of the text with
        // that given name: quotes and features call people by it ("Everyone at the club thanks
        // Erik" after "Erik ten Hag").
        let found = found.or_else(|| {
            let [w] = &words[..] else { return None };
            Self::recent(&self.by_word, w).find(|&i| {
                let e = &self.ents[i];
                e.kind == EntityKind::Person && e.words.len() >= 2 && e.words[0] == *w
            })
        });
        let e = match found {
            Some(e) => {
                if words.len() > self.ents[e].words.len() {
                    self.ents[e].name = text.to_string();
                    self.ents[e].words = words.clone();
                    self.index_words(e);
                }
                e
            }
            None => self.new_ent(text.to_string(), EntityKind::Person, words.clone()),
        };
        self.scratch = words;
        e
    }

    fn org(&mut self, doc: &Doc, m: &NameMention) -> usize {
        let span = m.name.unwrap_or(m.span);
        let text = doc.text_of(span);
        // In the scratch vector, as for persons: most mentions of an organisation repeat one
        // already registered, and only a new one keeps its words (copied for the entity).
        let mut words = std::mem::take(&mut self.scratch);
        name_words_into(text, &mut words);
        words.retain(|w| w != "news" && !has(lexicon::ORG_TRAILERS, w));
        // "the WHO's technical lead" after "the World Health Organization": the initials of an
        // organisation named before are that organisation (it was a second one, "WHO").
        if let Some(e) = self.acronym_of(text, &words) {
            self.scratch = words;
            return e;
        }
        let key = key_of(0, &words);
        // "the Commission" after "the European Commission", "the party" after "the Communist
        // Party": an organisation's head word alone after "the" is news style's second
        // reference to the last organisation named with that head.
        let second = || {
            let [w] = &words[..] else { return None };
            let the = m.first > 0 && doc.lower_is(m.first - 1, "the");
            the.then(|| Self::recent(&self.by_word, w).find(|&i| {
                let e = &self.ents[i];
                e.kind == EntityKind::Organization && e.words.len() >= 2 && e.words.last() == Some(w)
            }))
            .flatten()
        };
        match self.by_key.get(&key).copied().or_else(second) {
            Some(e) => {
                self.scratch = words;
                e
            }
            None => {
                let e = self.new_ent(text.to_string(), EntityKind::Organization, words.clone());
                // Its initials, for an acronym later: the capitalised words' first letters
                // ("world health organization" gives "who"; "of", "the", "and" give none).
                // Pushed char by char and put by `get` and `insert`: `collect` into a String and
                // the map's entry API were 1.2 KB more of wasm for this one use.
                let mut initials = String::new();
                for w in words.iter().filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "on" | "in" | "de")) {
                    if let Some(c) = w.chars().next() {
                        initials.push(c);
                    }
                }
                if words.len() >= 2 && initials.chars().count() >= 2 {
                    let initials = key_of(2, std::slice::from_ref(&initials));
                    if self.by_key.get(&initials).is_none() {
                        self.by_key.insert(initials, e);
                    }
                }
                self.by_key.insert(key, e);
                self.scratch = words;
                e
            }
        }
    }

    /// The organisation whose initials the mention `text` (with its normalised `words`) is: one
    /// word of two to six capital letters, as written ("WHO", "IMF").
    fn acronym_of(&self, text: &str, words: &[String]) -> Option<usize> {
        let [w] = words else { return None };
        if !is_acronym(text) {
            return None;
        }
        self.by_key.get(&key_of(2, std::slice::from_ref(w))).copied()
    }

    /// The entity a name word standing alone (`key`) stands for, of the recent ones indexed
    /// under it that `ok` accepts, or `best` when none ranks above it. Of two people with the
    /// surname ("Raymond Kowalski", then "His wife, Teresa Kowalski"), the one mentioned most
    /// so far: news style keeps the bare surname for the story's subject and names a relative
    /// in full (AP Stylebook, "names": last names alone on second reference, first names to
    /// tell relatives apart). Before that, one that a courtesy title (`title_head`) fits ("Mrs.
    /// Clinton") and one with a name of a person's length (not a title-case headline taken for
    /// one, "Democratic Primary Is A Fight Over Wall Street And Obama"); of equals, the latest.
    #[inline(never)]
    fn best_bearer(&self, key: &str, title_head: Option<&str>, ok: &dyn Fn(&usize) -> bool, best: Option<usize>) -> Option<usize> {
        let rank = |e: usize| {
            let ent = &self.ents[e];
            (!courtesy_mismatch(title_head, &ent.name), ent.words.len() <= MAX_NAME_WORDS, ent.mentions.len(), e)
        };
        // The best so far with its rank, ranked once.
        let mut best = best.map(|b| (rank(b), b));
        for &e in self.by_word.get(key).iter().rev().take(MAX_CANDIDATES) {
            if ok(&e) {
                let r = rank(e);
                if best.as_ref().map_or(true, |(br, _)| r > *br) {
                    best = Some((r, e));
                }
            }
        }
        best.map(|(_, e)| e)
    }

    /// A lone capitalised word or short name: the surname (or any name word) of a person
    /// already named, as [`Registry::best_bearer`] ranks them.
    fn short_name(&mut self, doc: &Doc, m: &NameMention) -> Option<usize> {
        let span = m.name.unwrap_or(m.span);
        // An acronym of an organisation named before ("the AFT" after "the American
        // Federation of Teachers").
        let text = doc.text_of(span);
        if is_acronym(text) {
            if let Some(e) = self.acronym_of(text, &[crate::names::strip_possessive(text).to_ascii_lowercase()]) {
                return Some(e);
            }
        }
        // Only the last word matters: [`name_words`]'s last, without making the others, and
        // lowercased on the stack (a String for each was 0.5% of all the work).
        let last = name_pieces(doc.text_of(span)).last()?;
        crate::text::with_lowercase(strip_possessive(last), |last| {
            let named = |e: &usize| matches!(self.ents[*e].kind, EntityKind::Person | EntityKind::Organization);
            let best = self.best_bearer(last, None, &named, None);
            // The word without its particle only when it differs: the same key again would
            // give the same entities, which change no maximum (800 hash probes in the 40-text
            // profile).
            let core = core_word(last);
            if core.len() == last.len() {
                return best;
            }
            self.best_bearer(core, None, &named, best)
        })
    }

    /// A title alone: the person who holds it here, the most recent one first; "the president"
    /// matches any president, "the Syrian President" only the Syrian one.
    /// A person for a capitalised title that stands alone inside a sentence and that nobody
    /// named holds yet: "The President has that pulpit", "As President, I will serve" (a title
    /// written with a capital is an office's, Chicago Manual of Style 8.21). Lowercase titles
    /// ("the speaker", "the director") stay roles.
    fn office(&mut self, doc: &Doc, m: &NameMention) -> Option<usize> {
        let h = m.title_head?;
        let k = m.last;
        let capital = doc.is_word(k) && doc.first_char(k).is_uppercase() && doc.sentence_of(k).0 != k;
        // "the Major" and "the General" are ranks, but "The major exception" is no title.
        if !capital || doc.lower(k) != h {
            return None;
        }
        let text = doc.text_of(m.span).to_string();
        let e = self.new_ent(text, EntityKind::Person, Vec::new());
        if let Some(t) = &m.title {
            self.give_title(e, t, h);
        }
        Some(e)
    }

    fn title(&mut self, m: &NameMention) -> Option<usize> {
        let t = m.title.as_deref()?;
        let h = m.title_head?;
        let qualified = t.split(' ').count() > 1;
        // Holders named before the mention first: the attribution pass asks after every name
        // of the text has its entity, and a title most often refers back ("... the president
        // said"); forward only in the one case below.
        let cands: Vec<usize> = Self::recent(&self.by_title_word, h).filter(|&e| self.ents[e].mentions.iter().any(|x| x.span.start < m.span.start)).collect();
        cands
            .iter()
            .copied()
            .find(|&e| self.ents[e].titles.iter().any(|et| et == t))
            .or_else(|| {
                // "the emir" after "Qatari Emir Sheikh Tamim": same head, and every qualifier
                // of the mention appears in one of the entity's titles.
                cands.iter().copied().find(|&e| {
                    self.ents[e].titles.iter().any(|et| {
                        et.split(' ').any(|x| x == h)
                            && (!qualified || words_within(t, et))
                    })
                })
            })
            .or_else(|| {
                // "Kenya's finance minister on Thursday defended ... Finance Minister Njuguna
                // Ndung'u told lawmakers": a news lead's description names the person whom the
                // next paragraphs name in full (the inverted pyramid). Forward only for a
                // qualified title ("finance minister", not "the president") that one person of
                // the text holds; the holder's may say less ("finance minister" for "Kenya's
                // finance minister", whose title is "kenyan finance minister"), not other things.
                let mut found = None;
                if qualified {
                    for e in Self::recent(&self.by_title_word, h) {
                        if self.ents[e].titles.iter().any(|et| et.contains(' ') && words_within(et, t)) {
                            if found.is_some_and(|f| f != e) {
                                return None;
                            }
                            found = Some(e);
                        }
                    }
                }
                found
            })
    }

    /// An entity for a speaker that has no entity yet: a name seen for the first time, a
    /// title nobody holds yet, or an unnamed source ("officials").
    pub fn speaker_entity(&mut self, doc: &Doc, names: &[NameMention], name_idx: Option<usize>, span: Span, kind: EntityKind) -> usize {
        // "Officials said ...", "Ministers argue over ‘unfair’ tax": a capitalised plural of
        // people that the name pass kept (a sentence's or a headline's first word) speaks as a
        // group, an unnamed source like "officials", not as a person called "Officials".
        let people = |m: &NameMention| m.class == NameClass::Unknown && m.first == m.last && crate::names::names_people(doc, m.first);
        let (name_idx, kind) = match name_idx {
            Some(i) if self.of_name[i].is_none() && people(&names[i]) => (None, EntityKind::Group),
            _ => (name_idx, kind),
        };
        if let Some(i) = name_idx {
            if let Some(e) = self.of_name[i] {
                return e;
            }
            let m = &names[i];
            let e = match m.class {
                // "Germany's chancellor warned ... The chancellor said": a title that an earlier
                // speaker holds is that speaker (the title pass ran before either spoke, when
                // nobody held it yet; each became a speaker of its own).
                // Not "A spokesman for the foundation said" (see `indefinite`).
                NameClass::Title => match self.title(m).filter(|_| !indefinite(doc, m)) {
                    Some(e) => e,
                    None => {
                        let text = doc.text_of(m.span).to_string();
                        let e = self.new_ent(text, EntityKind::Person, Vec::new());
                        if let (Some(t), Some(h)) = (&m.title, m.title_head) {
                            self.give_title(e, t, h);
                        }
                        e
                    }
                },
                _ => {
                    let s = m.name.unwrap_or(m.span);
                    let text = doc.text_of(s).to_string();
                    let words = name_words(&text);
                    self.new_ent(text, EntityKind::Person, words)
                }
            };
            let mut m2 = m.clone();
            if m2.class == NameClass::Unknown {
                m2.class = NameClass::Person;
            }
            self.attach(doc, i, &m2, e, None);
            return e;
        }
        // "the Dutchman told Sky Sports", "the 46-year-old said": an epithet with "the" is the
        // person named last (news style's second reference by nationality or age), not someone
        // new.
        // "The Foreign Ministry said ... The ministry said", "Kenya's central bank ... The bank
        // said": "the" and the head noun of a body that spoke before is that body again (news
        // style's second reference), not a second speaker.
        if let Some(e) = self.epithet_person(doc, span).or_else(|| self.body_named_by_head(doc, span)) {
            self.ents[e].mentions.push(Mention { span, kind: MentionKind::Nominal });
            return e;
        }
        // An unnamed source: one entity per distinct phrase ("officials", "a spokesman").
        let text = doc.text_of(span).to_string();
        let key = lowercase(&text);
        let key = strip_all(strip_all(strip_all(&key, "the "), "a "), "an ").to_string();
        let k = key_of(1, std::slice::from_ref(&key));
        let e = match self.by_key.get(&k) {
            Some(&e) => e,
            None => {
                let e = self.new_ent(text, kind, vec![key]);
                self.by_key.insert(k, e);
                e
            }
        };
        self.ents[e].mentions.push(Mention { span, kind: MentionKind::Nominal });
        e
    }

    /// "A spokesman for the party said ... the spokesman added": an unnamed source whose head
    /// is a title holds that title, so that the title alone later in the text is the same
    /// source (news style's second reference), and is a person. It is placed at token `tok`,
    /// where it starts, for a pronoun after it to look back to ("A spokesman for Sanders said
    /// ... He added"). `title` is the title as the phrase qualifies it ("economy minister"), or
    /// the head alone.
    pub fn hold_title(&mut self, doc: &Doc, tok: usize, e: usize, title: &str, head: &'static str) {
        self.place(Placed { tok, sent: doc.sent_of(tok), ent: e, hidden: false, speaker: true, oblique: false });
        if self.ents[e].kind == EntityKind::Unknown {
            self.ents[e].kind = EntityKind::Person;
        }
        self.give_title(e, title, head);
        // "the official said" is an unnamed source of its own words: keyed as that phrase is.
        self.by_key.insert(key_of(1, &[head.to_string()]), e);
    }

    /// Takes the mentions placed at token `tok` out of the pronouns' look-back: a speaker
    /// label of a transcript names who speaks the line, and the "he" of the next lines is
    /// someone they speak of.
    pub fn hide_from_pronouns(&mut self, tok: usize) {
        let at: Vec<usize> = self.placed.at(tok).collect();
        for i in at {
            self.placed.all[i].0.hidden = true;
        }
    }

    /// Records that a placed mention at token `tok` speaks (for later pronoun look-back).
    pub fn mark_speaker(&mut self, tok: usize) {
        if let Some(i) = self.placed.first_at(tok) {
            self.placed.all[i].0.speaker = true;
        }
    }

    /// The entity of the (first) mention placed at token `tok`.
    pub fn placed_at(&self, tok: usize) -> Option<usize> {
        self.placed.first_at(tok).map(|i| self.placed.all[i].0.ent)
    }

    /// The antecedent of a subject pronoun at token `tok`: in this sentence before it, else in
    /// the nearest earlier sentence with a compatible candidate, a speaker first, then the
    /// first non-oblique mention (the subject), then any.
    pub fn antecedent(&self, doc: &Doc, tok: usize, pron: PronounKind) -> Option<usize> {
        self.antecedent_except(doc, tok, pron, None)
    }

    /// The person that `span`, "the" and one epithet word, refers back to: the latest person
    /// placed before it whom a pronoun of its gender could mean ("the Dutchman": he; "the
    /// 46-year-old", "the Brazilian": he or she; "the 46-year-old farmer", an age and a noun for
    /// a person). None for any other phrase.
    fn epithet_person(&self, doc: &Doc, span: Span) -> Option<usize> {
        let word = after_the(doc, span)?;
        // "the 46-year-old farmer": the age and one noun for a person, whose gender a noun in
        // "-man" or "-woman" gives.
        let (word, noun) = match word.split_once(' ') {
            Some((age, noun)) if is_age(age) && !noun.contains(' ') && lexicon::listed(noun, lexicon::PERSON_NOUN) => (age, noun),
            _ => (word, ""),
        };
        let genders: &[PronounKind] = if noun.ends_with("woman") {
            &[PronounKind::Female]
        } else if noun.ends_with("man") {
            &[PronounKind::Male]
        } else if is_age(word) || (crate::tables::demonym_country(word).is_some() && !word.ends_with('s')) {
            &[PronounKind::Male, PronounKind::Female]
        } else if has(EPITHET_MEN, word) {
            &[PronounKind::Male]
        } else if has(EPITHET_WOMEN, word) {
            &[PronounKind::Female]
        } else {
            return None;
        };
        let tok = doc.toks.partition_point(|t| t.span().start < span.start);
        let found: Vec<usize> = genders.iter().filter_map(|&g| self.antecedent(doc, tok, g)).collect();
        // Of a man and a woman both within reach, the one placed later (within the look-back
        // that found them).
        if found.is_empty() {
            return None;
        }
        self.placed.before(tok).map(|p| p.ent).find(|e| found.contains(e))
    }

    /// The entity of no person mentioned last before `span`, "the" and one lowercase word,
    /// whose name ends in that word ("the ministry": "Foreign Ministry"; "the bank": "Kenya's
    /// central bank"). (The name pass makes entities for names all through the text, so an
    /// entity's mentions before `span` decide, not its place in the list.)
    fn body_named_by_head(&self, doc: &Doc, span: Span) -> Option<usize> {
        let text = doc.text.get(span.start..span.end)?;
        let head = after_the(doc, span)?;
        if head.is_empty() || !head.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        // The latest MAX_CANDIDATES entities whose name ends in the head, and of each its
        // latest MAX_CANDIDATES mentions: a scan of every entity and mention, as this was, made
        // 2 MB of articles take 67 times the work of 256 KB here (`examples/linearity.rs`, real
        // text).
        // Plain loops: the iterator chain of the same test was 0.8 KB of gzipped wasm.
        let mut best: Option<(usize, usize)> = None;
        for i in Self::recent(&self.by_head, head) {
            // (Its name ends in " " and the head: the index's key.)
            let e = &self.ents[i];
            if e.kind == EntityKind::Person || e.name.eq_ignore_ascii_case(text) {
                continue;
            }
            for m in e.mentions.iter().rev().take(MAX_CANDIDATES) {
                if m.span.end <= span.start && best.map_or(true, |(end, _)| m.span.end > end) {
                    best = Some((m.span.end, i));
                }
            }
        }
        best.map(|(_, i)| i)
    }

    /// [`Registry::antecedent`], never `except`: in “She said to me, ‘…’”, Lopez recalled,
    /// "She" is not Lopez, who says "me".
    pub fn antecedent_except(&self, doc: &Doc, tok: usize, pron: PronounKind, except: Option<usize>) -> Option<usize> {
        let sent = doc.sent_of(tok);
        let compatible = |p: &Placed| {
            let e = &self.ents[p.ent];
            if p.hidden || Some(p.ent) == except {
                return false;
            }
            match pron {
                PronounKind::Male => e.kind == EntityKind::Person && e.gender != Some(Gender::Female),
                PronounKind::Female => e.kind == EntityKind::Person && e.gender != Some(Gender::Male),
                PronounKind::Plural => matches!(e.kind, EntityKind::Group | EntityKind::Organization),
                PronounKind::Neuter => matches!(e.kind, EntityKind::Organization | EntityKind::Unknown),
                PronounKind::First | PronounKind::Relative => false,
            }
        };
        // The mentions before `tok`, walking back; `seen` counts them.
        let mut before = self.placed.before(tok).peekable();
        let mut seen = 0;
        let mut current = sent;
        let mut group: Vec<Placed> = Vec::new();
        loop {
            // Gather the candidates of sentence `current` (walking back).
            while let Some(&p) = before.peek().filter(|p| p.sent == current && seen < MAX_CANDIDATES * 4) {
                before.next();
                seen += 1;
                if compatible(p) {
                    group.push(*p);
                }
            }
            if !group.is_empty() {
                group.reverse();
                // Gender known and matching beats unknown.
                let pick = group
                    .iter()
                    .find(|p| p.speaker)
                    .or_else(|| group.iter().find(|p| !p.oblique))
                    .or(group.first());
                return pick.map(|p| p.ent);
            }
            match before.peek() {
                Some(p) if seen < MAX_CANDIDATES * 4 => current = p.sent,
                _ => return None,
            }
            if sent - current > MAX_PRONOUN_SENTENCES {
                return None;
            }
        }
    }

    /// A pronoun that speaks for `e` but stays out of the look-back of later pronouns: a
    /// relative "who" ("Smith, who has called the remarks “toxic,”"), whose name before it
    /// they find already, or a pronoun inside a quotation (“She said to me, ‘…’”). A mention of
    /// `e`, as the quote's speaker mention must be.
    pub fn add_unplaced_pronoun(&mut self, span: Span, e: usize) {
        self.ents[e].mentions.push(Mention { span, kind: MentionKind::Pronoun });
    }

    /// Adds `span`, a phrase that names entity `e` ("the Spanish news agency EFE"), as its mention.
    pub fn add_nominal(&mut self, e: usize, span: Span) {
        self.ents[e].mentions.push(Mention { span, kind: MentionKind::Nominal });
    }

    /// Adds a pronoun mention to an entity, learning its gender.
    pub fn add_pronoun(&mut self, doc: &Doc, tok: usize, span: Span, e: usize, pron: PronounKind) {
        let ent = &mut self.ents[e];
        if ent.gender.is_none() {
            ent.gender = match pron {
                PronounKind::Male => Some(Gender::Male),
                PronounKind::Female => Some(Gender::Female),
                PronounKind::Plural | PronounKind::Neuter | PronounKind::First | PronounKind::Relative => None,
            };
        }
        ent.mentions.push(Mention { span, kind: MentionKind::Pronoun });
        self.place(Placed { tok, sent: doc.sent_of(tok), ent: e, hidden: false, speaker: true, oblique: false });
    }
}

/// Nationality epithets of men for [`Registry::epithet_person`] ("the Dutchman"), sorted. The
/// demonyms themselves ("the Brazilian") come from the tables.
const EPITHET_MEN: Words = words!["Dutchman", "Englishman", "Frenchman", "Irishman", "Scotsman", "Welshman"];
/// Nationality epithets of women, as [`EPITHET_MEN`].
const EPITHET_WOMEN: Words = words!["Dutchwoman", "Englishwoman", "Frenchwoman", "Irishwoman", "Scotswoman", "Welshwoman"];

/// The phrase at `span` after its "the" ("the Dutchman": "Dutchman"), if it opens with one.
fn after_the<'a>(doc: &Doc<'a>, span: Span) -> Option<&'a str> {
    let text = doc.text.get(span.start..span.end)?;
    text.strip_prefix("the ").or_else(|| text.strip_prefix("The "))
}

/// "46-year-old": digits and "-year-old", news style's epithet of age.
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old").is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The person's name mention right beside the title mention `names[i]` with a comma between:
/// "The Chancellor, Rachel Reeves," (the name after, itself followed by a comma or the
/// sentence's end) or "Rachel Reeves, Chancellor of the Exchequer," (the name before, the
/// title capitalised and ending its phrase). Not "the president, Mr. Obama and Mr. Biden" (a
/// list): the name after must close its own phrase.
fn apposed_person(doc: &Doc, names: &[NameMention], i: usize) -> Option<usize> {
    let m = &names[i];
    let closes = |k: usize| k >= doc.toks.len() || doc.toks[k].breaks_before > 0 || doc.is_punct(k, ',') || doc.is_punct(k, '.') || doc.sent_of(k) != doc.sent_of(m.last);
    if doc.is_punct(m.last + 1, ',') && names.get(i + 1).is_some_and(|n| n.class == NameClass::Person && n.first == m.last + 2 && closes(n.last + 1)) {
        return Some(i + 1);
    }
    let p = i.checked_sub(1)?;
    let n = &names[p];
    let capital = doc.is_cap(m.first);
    // "Andy Burnham, the Mayor of Greater Manchester, said": the article before the title.
    let start = if m.first >= 1 && doc.lower_is(m.first - 1, "the") { m.first - 1 } else { m.first };
    (n.class == NameClass::Person && start >= 2 && n.last + 2 == start && doc.is_punct(start - 1, ',') && capital && closes(m.last + 1)).then_some(p)
}

/// A person mention that is a title with its domain and no name: "Chancellor of the
/// Exchequer", "Governor of Virginia" (`names::titles_of`), whose name part is the title's head.
fn office_of(doc: &Doc, m: &NameMention) -> bool {
    m.title_head.is_some_and(|h| m.name.is_some_and(|s| doc.text.get(s.start..s.end).is_some_and(|n| n.eq_ignore_ascii_case(h))))
}

/// `text` (without a possessive) is one word of two to six capital letters ("WHO", "IMF's").
pub(crate) fn is_acronym(text: &str) -> bool {
    let bare = crate::names::strip_possessive(text);
    (2..=6).contains(&bare.len()) && bare.bytes().all(|b| b.is_ascii_uppercase())
}

/// The byline's name before the name mention `names[i]` when that mention is the rest of a
/// byline line, "By Sarah Jones, Political Correspondent": a capitalised run after the name
/// and a comma, up to the end of a line that starts with "By" and the name. Not an
/// organisation ("By Sarah Jones, BBC News").
fn byline_role(doc: &Doc, names: &[NameMention], i: usize) -> Option<usize> {
    let m = &names[i];
    let p = i.checked_sub(1)?;
    let n = &names[p];
    let line_ends = |k: usize| k >= doc.toks.len() || doc.toks[k].breaks_before > 0;
    let by = n.first.checked_sub(1)?;
    let ok = matches!(m.class, NameClass::Person | NameClass::Unknown)
        && n.class == NameClass::Person
        && n.last + 2 == m.first
        && doc.is_punct(n.last + 1, ',')
        && line_ends(m.last + 1)
        && doc.is_word(by)
        && doc.lower(by) == "by"
        && (by == 0 || doc.toks[by].breaks_before > 0);
    ok.then_some(p)
}

/// The title mention opens with "a" or "an" and says whose title it is ("A spokesman for the
/// foundation", "an adviser to the president"): someone new, described by the affiliation. A
/// bare one ("A president who authorized the raid ... he") may well be the holder named
/// before.
fn indefinite(doc: &Doc, m: &NameMention) -> bool {
    let k = m.last + 1;
    doc.is_word(m.first) && one_of(doc.lower(m.first), &["a", "an"]) && doc.is_word(k) && one_of(doc.lower(k), &["for", "at", "with", "of", "to", "from"])
}

/// `s.trim_start_matches(prefix)`: every leading copy of `prefix` removed. A loop of
/// `strip_prefix`, because `trim_start_matches` with a string pattern brought the two-way
/// substring searcher (about 2.5 KB) into the wasm for this one call.
fn strip_all<'a>(mut s: &'a str, prefix: &str) -> &'a str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn piece_count_is_name_pieces_count() {
        for s in ["", "Anna Berg", "Mr. Smith", "J. R. R. Tolkien", "a\u{b}b\u{c}c\td\re\nf", "  x  y. ", "Zoë Ball", "A\u{a0}B C", "U.S. Sen. Ted Cruz's"] {
            assert_eq!(name_piece_count(s), name_pieces(s).count(), "{s:?}");
        }
    }

    /// Random placements, checked against the B-tree keyed by (token, order) that the
    /// registry used before: the first mention at each token, and the walk back from every
    /// token (within the look-back bound).
    #[test]
    fn placements_walk_back_as_a_sorted_map() {
        use std::collections::BTreeMap;
        let mut next = crate::model::test_numbers(0x853c_49e6_748f_ea9b);
        for (tokens, count) in [(10, 30), (200, 50), (5000, 3000), (MAX_LOOKBACK_TOKENS * 3, 400)] {
            let mut ours = Placements::with_tokens(tokens / 2);
            let mut map: BTreeMap<(usize, usize), Placed> = BTreeMap::new();
            for order in 0..count {
                let tok = next(tokens as u64);
                let p = Placed { tok, sent: tok / 20, ent: order, hidden: false, speaker: false, oblique: false };
                ours.insert(p);
                map.insert((tok, order), p);
            }
            for tok in 0..tokens + 2 {
                let first = map.range((tok, 0)..).next().filter(|(k, _)| k.0 == tok).map(|(_, p)| p.ent);
                assert_eq!(ours.first_at(tok).map(|i| ours.all[i].0.ent), first, "first at {tok}");
                let lo = tok.saturating_sub(MAX_LOOKBACK_TOKENS);
                let want: Vec<usize> = map.range((lo, 0)..(tok, 0)).rev().map(|(_, p)| p.ent).collect();
                let got: Vec<usize> = ours.before(tok).map(|p| p.ent).collect();
                assert_eq!(got, want, "walk back from {tok}");
            }
        }
    }
}
