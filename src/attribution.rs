//! Attribution: speech cues, their sources and their content, sentence by sentence.
//!
//! A cue is a reporting verb or phrase ("said", "according to", "expressed confidence").
//! Its source is the noun phrase right before it ("Smith said", "Smith, the minister, said"),
//! right after it in inversion ("..., said Smith"), or the sentence's subject for a participle
//! (", saying ..."). Its content is the clause after it up to the next clause break, or the
//! clause before it when the cue ends the sentence ("..., Xinhua reported."). Direct quotes take
//! the speaker of the cue beside them, else of the sentence's cue, else of the paragraph before
//! (PolNeAR guidelines, Newell et al. 2018, §3: a source may be in a neighbouring sentence).

use crate::doc::{Doc, TokenIndex};
use crate::entities::Registry;
use crate::lexicon::{self, has, one_of, words, PronounKind, Words};
use crate::model::{EntityKind, Quote, QuoteKind, Span};
use crate::names::{NameClass, NameMention};
use crate::tables::Gender;
use crate::text::Tk;

/// Conjunctions that open a subordinate clause, whose subject follows them: a speaker's
/// phrase starts after one ("While critics argue that ...": the critics), and a plural noun
/// before a cue is not joined across one. (The older rules keep lists of their own, each
/// measured on its own rule.)
const SUBORDINATORS: &[&str] = &[
    "after", "although", "as", "because", "before", "if", "once", "since", "though", "unless", "until", "when",
    "where", "whether", "while",
];

/// How far before the source that completes a plural noun for people its "of" may stand, in
/// words, "of" counted ("Residents of the Yorkshire village of Haworth": five), in
/// [`Attributor::group_of_name`]: a noun phrase after "of" is seldom longer in news text, and
/// the walk back stays short.
const MAX_GROUP_OF_GAP: usize = 6;

/// The longest appositive we skip between a source and its cue ("Smith, the former
/// minister of defence, said"), in tokens.
const MAX_APPOSITIVE: usize = 20;
/// The longest relative clause we skip between a source and its cue ("Mrs. Clinton's
/// presidential campaign, which has been shadowed for 17 months by the controversy over the
/// private email server she used exclusively while at the State Department, said": 24 tokens),
/// in tokens. A "who" or "which" after the comma marks it, so it may be longer than an
/// appositive.
const MAX_RELATIVE_CLAUSE: usize = 40;
/// Reported content shorter than this many words is not taken ("said Tuesday"). Two are
/// enough for a clause ("Siemens said profits rose"): at three, such clauses were lost, 42 of
/// PolNeAR's attributions among them (`scripts/eval`).
const MIN_CONTENT_WORDS: usize = 2;
/// How far a "that" may follow its cue ("said in a statement on Monday that").
const MAX_THAT_GAP: usize = 8;
/// How far a "that" may follow a cue over a leading place or time adverbial ("said in an
/// interview with The Associated Press last week that"), in tokens.
const MAX_ADVERBIAL_GAP: usize = 20;
/// A quote of at most this many words with nobody speaking is a scare quote.
const MAX_SCARE_WORDS: usize = 4;
/// The longest reported clause we scan, in tokens. Real clauses end far sooner; the cap keeps a
/// sentence of a million words (pasted junk) linear.
const MAX_CLAUSE_TOKENS: usize = 300;
/// How far into a sentence we look for its subject, in tokens.
const SUBJECT_WINDOW: usize = 80;
/// How far back an interrupted quote looks for its first half, in quotes.
const MAX_CONTINUATION_LOOKBACK: usize = 4;
/// The longest subject noun phrase taken whole before a speech verb (see
/// `subject_phrase_before`), in words.
const MAX_SUBJECT_PHRASE: usize = 12;
/// How many words may stand between a verb and the quotation it governs ("fixates on the
/// “pivot” line").
const MAX_GOVERNED_GAP: usize = 3;
/// Irregular past forms that often govern an embedded quotation ("wore a hat reading", "held
/// up a sign", "gave a compliment"). Sorted.
pub(crate) const IRREGULAR_PASTS: Words = words![
    "began", "bought", "brought", "built", "came", "cast", "chose", "cut", "drew", "fell", "fought",
    "found", "gave", "got", "grew", "held", "hit", "kept", "led", "left", "lost", "made", "meant",
    "met", "paid", "put", "ran", "rose", "sang", "sat", "saw", "sent", "set", "shut", "sold",
    "spent", "spoke", "stood", "struck", "threw", "took", "won", "wore",
];
/// Nouns of women and of men that head an unnamed speaker ("the suspect's mother"), for
/// [`crate::entities::Registry::place_person`]. Sorted.
const FEMALE_NOUNS: Words = words![
    "aunt", "daughter", "girlfriend", "grandmother", "mother", "niece", "sister", "widow", "wife", "woman",
];
/// See [`FEMALE_NOUNS`].
const MALE_NOUNS: Words = words![
    "boyfriend", "brother", "father", "grandfather", "husband", "man", "nephew", "son", "uncle", "widower",
];
/// Participles that name or label the noun they follow ("a memo titled “…”", "a film called
/// “…”", "an order signed ..."). Sorted.
const NAMING_PARTICIPLES: Words = words![
    "billed", "branded", "called", "dedicated", "deemed", "described", "dubbed", "emblazoned",
    "entitled", "headlined", "known", "labeled", "labelled", "marked", "named", "printed",
    "published", "signed", "stamped", "termed", "titled", "written",
];
/// Finite naming verbs whose second object may be a quotation: "Trump called the deal “a
/// disaster”", "what Gingrich called “…”". Sorted.
pub(crate) const NAMING_VERBS: Words = words!["branded", "brands", "called", "calls", "dubbed", "dubs", "labeled", "labelled", "labels", "termed", "terms"];
/// How far before a quotation its naming verb may stand, over the verb's first object ("called
/// the assault that killed five Dallas police officers “…”"), in tokens.
const MAX_NAMING_OBJECT: usize = 12;
/// How many tokens a naming verb's object may take between the verb and a title-cased
/// quotation that it names ("called Mrs. Schlafly an ''Aunt Tom''": four) for the quotation
/// to stay the subject's words and not a title (`Attributor::work_title`).
const MAX_NAMED_OBJECT: usize = 5;
/// The most words of a place's name after "of" and a person's name ("Chuck Schumer of New
/// York", "Ana Ruiz of Rio de Janeiro") that [`Attributor::person_of_place`] reads back over.
const MAX_PLACE_WORDS: usize = 3;
/// How far before a naming verb a relative word may open its clause ("what Bay Buchanan,
/// national treasurer for Reagan's campaign, called “…”"), in tokens.
const MAX_NAMING_SUBJECT: usize = 16;
/// The longest subject phrase between a quotation and its speech verb ("“…,” the bespectacled,
/// 71-year-old diplomat said"), in tokens.
const MAX_POSTQUOTE_SUBJECT: usize = 8;
/// The longest run of role words between an inverted speech verb and the name it introduces
/// ("said former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell"), in
/// tokens.
const MAX_INVERTED_ROLE: usize = 12;
/// The longest aside between a subject and its verb ("Ayotte's campaign, for example, said"),
/// in words.
const MAX_ASIDE_WORDS: usize = 3;
/// The most words between a verb of saying inside a quotation and a quotation nested in the
/// clause it reports ("told her in March that ‘…’": five), in `Attributor::nested_speaker`:
/// a listener, a time and "that", as [`MAX_LISTENER_WORDS`] allows outside quotations, and a
/// few words more for a clause's opening ("he would ‘look closely’").
const MAX_NESTED_REPORT_WORDS: usize = 8;
/// The longest listener between a cue and its complement ("told BuzzFeed's Smith he"), in
/// words.
const MAX_LISTENER_WORDS: usize = 4;
/// How many tokens may stand between a quote closing its paragraph and the paragraph end,
/// for a signature on the next line (the full stop after the mark).
const MAX_SIGNATURE_GAP: usize = 2;
/// The words that open a noun phrase that may name a source ("said the woman", "said another
/// official", "one adviser said"). (Not every determiner: "these stump speech staples", "those
/// promises" name none.)
const PHRASE_OPENERS: Words = words!["a", "an", "another", "her", "his", "its", "one", "the", "their"];
/// Determiners before a noun phrase: the words that make a form after them a noun or an
/// adjective ("its stated goal"), or open a listener ("told the jury") or an object.
const DETERMINERS: Words = words!["a", "an", "any", "her", "his", "its", "my", "no", "our", "some", "the", "their", "these", "this", "those", "your"];
/// Prepositions that end a noun phrase looked for leftwards. Sorted.
pub(crate) const PREPOSITIONS: Words = words!["about", "at", "by", "for", "from", "in", "of", "on", "to", "with"];
/// How many modifiers may stand between a determiner and the noun of an unnamed source ("the
/// presumptive Republican presidential nominee said").
const MAX_NOUN_MODIFIERS: usize = 3;
/// The longest comma-closed chunk ("N.H.,", "on Tuesday,") that continues an opening
/// adverbial before a sentence's subject, in tokens.
const MAX_ADVERBIAL_CHUNK_TOKENS: usize = 5;
/// The longest dateline we skip before a sentence's subject, in tokens.
const MAX_DATELINE_TOKENS: usize = 10;
/// How many auxiliaries and adverbs may stand between a subject and its verb ("had also
/// repeatedly said"); the cap keeps a run of adverbs in junk text linear.
const MAX_AUX_RUN: usize = 4;
/// The longest opening adverbial we skip to find a sentence's subject, in tokens.
const OPENING_ADVERBIAL_TOKENS: usize = 30;
/// Capitalised words that open a sentence as connectives or adverbs, not names ("Together,
/// Senators Rubio and Cruz ...", "Along with the photo, he ..."). Sorted.
pub(crate) const SENTENCE_ADVERBS: Words = words![
    "afterward", "afterwards", "along", "altogether", "back", "besides", "consequently", "finally",
    "furthermore", "hence", "indeed", "likewise", "moreover", "nevertheless", "nonetheless",
    "otherwise", "outside", "overall", "separately", "similarly", "therefore", "thus",
    "together",
];
/// Nouns of time that end an adverbial before a verb ("this week", "last month"), never its
/// subject. Sorted.
pub(crate) const TIME_NOUNS: Words = words!["afternoon", "evening", "month", "morning", "night", "week", "weekend", "year"];
/// The most words after a speech verb that ends its sentence ("said in a statement.") for the
/// verb still to introduce the quotation opening the next sentence.
const MAX_BARE_CUE_TAIL: usize = 4;
/// How many quotes, the latest first, "the company" looks back over for the organisation it
/// refers to (`Attributor::generic_body`): two sentences of news hold a few; the bound keeps a
/// sentence of thousands linear.
const MAX_ANTECEDENT_QUOTES: usize = 32;
/// How many tokens back "the company" looks in its sentence for an organisation's name when
/// no organisation spoke just before (`Attributor::generic_body`): a news sentence's subject
/// is within it, and the bound keeps a sentence without end linear.
const MAX_ORG_LOOK_BACK: usize = 40;
/// Words that open an adverbial clause or phrase after an inverted cue ("..., the carmaker
/// said on Friday, after talks ended"), sorted. (A list, not a `match`: 0.5 KB less wasm.)
const ADVERBIAL_OPENERS: Words = words!["after", "ahead", "amid", "because", "before", "despite", "following", "when", "while"];
/// Unnamed sources of more words than this are not made entities (see `resolve`).
const MAX_NOMINAL_ENTITY_WORDS: usize = 4;
/// An unnamed source headed by a title ("a spokeswoman for the Federal Reserve Bank of New
/// York") is one person, an entity, up to this many words; longer phrases are descriptions.
const MAX_TITLED_SOURCE_WORDS: usize = 12;
/// How many phrases, each the object of a preposition in the one before, a source may hold
/// ("farmers in the state of Mato Grosso": two); a bound on the look-back for any text.
const MAX_NESTED_OBJECTS: usize = 3;
/// Title case leaves short function words lowercase ("Media Growls in Response to ..."):
/// a lowercase word of more letters than this means the line is not in title case.
const MAX_TITLE_LOWERCASE: usize = 4;
/// A title-case line of fewer words than this is too short to tell a headline from a name.
const MIN_TITLE_WORDS: usize = 4;

/// The class bits of the words that can start a cue in [`Attributor::cues`] by their class
/// (beside the cue lemmas and the words its rules name).
const CUE_START: u64 = lexicon::PASSIVE_CUE | lexicon::OBJECT_CUE | lexicon::ATTITUDE_ADJECTIVE | lexicon::RAISING_VERB | lexicon::PHRASAL_VERB;

/// The lexicon ids of the words that [`Attributor::cues`] compares every word with (0, no
/// token's id, for a word the lexicon lacks: then every token not in the lexicon takes the slow
/// path, which is still right).
struct CueIds {
    according: u16,
    as_: u16,
    that: u16,
}

impl CueIds {
    fn new() -> CueIds {
        CueIds { according: lexicon::lex("according").id, as_: lexicon::lex("as").id, that: lexicon::lex("that").id }
    }
}

/// Token `i` (lowercased) is a word that names a role before a person's name ("front-runner
/// Donald Trump", "candidate Ben Carson", "spokesperson Ron Lieberman").
fn is_role_noun(d: &Doc, i: usize) -> bool {
    // The token's bits for its titles and title modifiers (TITLE_LISTED is both) and the
    // person nouns.
    d.in_class(i, lexicon::TITLE_LISTED | lexicon::PERSON_NOUN)
        || one_of(d.lower(i), &["front-runner", "frontrunner", "hopeful", "contender", "presidential", "presumptive", "vice"])
}

/// Nouns for people that can head an unnamed speaking subject ("the judge", "a staffer"),
/// beside the group nouns and titles of the lexicon. Sorted.
pub(crate) const PERSON_NOUNS: Words = words![
    "actor", "adviser", "advisor", "aide", "analyst", "author", "businessman", "candidate",
    "columnist", "commentator", "consultant", "critic", "customer", "doctor", "economist",
    "editor", "employee", "expert", "farmer", "father", "founder", "friend", "head", "historian", "host", "investor",
    "lawmaker", "lawyer", "man", "manager", "member", "mother", "narrator", "neighbor",
    "neighbour", "nominee", "official", "owner", "pollster", "protester", "reporter", "researcher",
    "resident", "scholar", "scientist", "senator", "source", "staffer", "strategist", "student",
    "teacher", "trader",
    "veteran", "voter", "witness", "woman", "worker", "writer",
];

/// Cue lemmas that introduce someone's own words with a comma or colon, as direct speech is
/// introduced ("she told colleagues, “…”"); other cues ("believes", "wants") do not. Sorted.
const SPEECH_INTRODUCERS: Words = words![
    "add", "answer", "ask", "declare", "explain", "insist", "recall", "reply", "respond", "say",
    "scream", "shout", "tell", "warn", "whisper", "write", "yell",
];

/// [`SPEECH_INTRODUCERS`] has `lemma`. A search of the list, not a `match` on the strings:
/// asked only of a quotation's cue, and the match cost 0.5 KB of wasm.
fn introduces_speech(lemma: &str) -> bool {
    has(SPEECH_INTRODUCERS, lemma)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// "said", "told", "believes".
    Verb,
    /// "saying", "noting": the source is the subject of the sentence.
    Participle,
    /// "according to".
    According,
    /// "praised X", "voiced X": the object is the content.
    Object,
    /// "seemed", "is expected to": the whole clause is the content, with no source.
    Raising,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    first: usize,
    last: usize,
    kind: CueKind,
    lemma: &'static str,
}

/// Who speaks: a name or title mention, a pronoun, or an unnamed noun phrase.
#[derive(Debug, Clone, Copy)]
enum Src {
    Name(usize),
    Pronoun(usize, PronounKind),
    Nominal(usize, usize, EntityKind),
}

impl Src {
    fn span(&self, doc: &Doc, names: &[NameMention]) -> Span {
        match *self {
            Src::Name(i) => names[i].span,
            Src::Pronoun(t, _) => doc.toks[t].span(),
            Src::Nominal(a, b, _) => doc.span(a, b),
        }
    }
}

pub(crate) struct Attributor<'d, 'a> {
    doc: &'d Doc<'a>,
    names: &'d [NameMention],
    /// Name mention starting / ending at each token.
    /// For each token, the name mention that starts (ends) there.
    name_at_first: TokenIndex,
    name_at_last: TokenIndex,
    pub reg: Registry,
    pub quotes: Vec<Quote>,
    /// The speaker of each outer direct quote (by index into `doc.quotes`).
    direct_speaker: Vec<Option<(usize, Span)>>,
    /// The first token of the reported clause that gave `direct_speaker` its value: a clause
    /// nested deeper (starting later) around the same quote has the nearer cue and wins.
    direct_clause: Vec<Option<usize>>,
    /// A sentence that ends with a colon after a sourced cue ("Fischer told the committee:"):
    /// its index and its source, for a quote that opens the next sentence or paragraph.
    colon: Option<(usize, Src, Cue)>,
    /// The first quotation not yet handled (quotations are sorted by start).
    next_quote: usize,
    /// The vectors of [`Attributor::sentence`], kept between sentences: made anew for each,
    /// they were a tenth of the pass's allocations.
    cue_buf: Vec<Cue>,
    sourced_buf: Vec<(Cue, Src)>,
    outer_buf: Vec<usize>,
    ids: CueIds,
    /// The name mentions that open a line before a colon (speaker labels and headline
    /// sources: "BOLDUAN: ...", "Bernie Sanders: ..."), in text order, and the first of them
    /// not yet handled.
    labels: Vec<usize>,
    next_label: usize,
}

impl<'d, 'a> Attributor<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>, names: &'d [NameMention], reg: Registry) -> Self {
        let n = doc.toks.len();
        let mut name_at_first = TokenIndex::new(n);
        let mut name_at_last = TokenIndex::new(n);
        let mut labels = Vec::new();
        for (i, m) in names.iter().enumerate() {
            name_at_first.set(m.first, i);
            name_at_last.set(m.last, i);
            if (m.first == 0 || doc.toks[m.first].breaks_before > 0) && doc.is_punct(m.last + 1, ':') && m.class != NameClass::Title {
                labels.push(i);
            }
        }
        Attributor {
            doc,
            names,
            name_at_first,
            name_at_last,
            reg,
            quotes: Vec::new(),
            direct_speaker: vec![None; doc.quotes.len()],
            direct_clause: vec![None; doc.quotes.len()],
            colon: None,
            next_quote: 0,
            cue_buf: Vec::new(),
            sourced_buf: Vec::new(),
            outer_buf: Vec::new(),
            ids: CueIds::new(),
            labels,
            next_label: 0,
        }
    }

    pub fn run(&mut self) {
        for s in 0..self.doc.sents.len() {
            self.sentence(s);
        }
    }

    #[inline]
    fn word(&self, i: usize) -> Option<&str> {
        self.doc.is_word(i).then(|| self.doc.lower(i))
    }

    /// Token `i` is a word and its lowercase one of `list` (see [`one_of`]).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        self.word(i).is_some_and(|w| one_of(w, list))
    }

    /// Token `i` is a word of [`DETERMINERS`].
    fn det_at(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| has(DETERMINERS, w))
    }

    /// The first token in [i, b) that may start a cue ([`Attributor::cues`]), else `b`. Most
    /// words can start none: no class bit or lemma of a rule there, neither "according" nor
    /// "as" (the other words its rules name have a bit, a test checks), and no "that" after
    /// (the that-verb rule). Skipped here, they spare the rules' tests, which cost about 90
    /// instructions a word (5% of all the work). Compared by lexicon id: a word that is no
    /// token's lowercase has none of these ids, and other tokens have no bits, lemma or id.
    /// A loop of its own over the tokens' lexicon facts: a "that" makes the token before it a
    /// candidate when the loop reaches the "that" (the token before was no candidate of its
    /// own, or the loop would have stopped at it).
    fn cue_candidate(&self, i: usize, b: usize) -> usize {
        if i >= b {
            return b;
        }
        let ids = &self.ids;
        let mut k = i;
        for l in self.doc.lexes(i, b) {
            if l.id == ids.that && k > i {
                return k - 1;
            }
            if l.classes & CUE_START != 0 || l.is_cue() || l.id == ids.according || l.id == ids.as_ {
                return k;
            }
            k += 1;
        }
        b
    }

    /// Cues in sentence tokens [a, b), outside quotations.
    fn cues(&self, a: usize, b: usize, out: &mut Vec<Cue>) {
        let d = self.doc;
        out.clear();
        let mut i = a;
        loop {
            // The shortcut first, then the tokens in quotations and other than words: it skips
            // far more.
            i = self.cue_candidate(i, b);
            if i >= b {
                break;
            }
            if let Some(q) = d.outer_quote.at(i) {
                // The rest of the quotation at once, up to its closing mark when that is in it
                // too (then so is every token between: they end no later).
                i = match d.quotes[q].close {
                    Some(c) if c > i && d.outer_quote.at(c) == Some(q) => c + 1,
                    _ => i + 1,
                };
                continue;
            }
            if !d.is_word(i) {
                i += 1;
                continue;
            }
            let w = d.lower(i);
            let next = if i + 1 < b { self.word(i + 1) } else { None };
            if w.len() > 4 && w.ends_with("ed") && i > a && self.attributive_participle(i, next) {
                i += 1;
                continue;
            }
            if w == "according" && next.as_deref() == Some("to") {
                out.push(Cue { first: i, last: i + 1, kind: CueKind::According, lemma: "according to" });
                i += 2;
                continue;
            }
            // "As reported by Western Journalism, ...": the same second-hand attribution, when
            // it opens the sentence (after a quote's cue, "…," Carson noted ..., as reported by
            // BuzzFeed News", the speaker keeps the quote).
            if w == "as" && i == a && next == Some("reported") && i + 2 < b && self.doc.lower_is(i + 2, "by") {
                out.push(Cue { first: i, last: i + 2, kind: CueKind::According, lemma: "according to" });
                i += 3;
                continue;
            }
            if w == "expressed" || w == "expressing" {
                if let Some(nx) = next.as_deref() {
                    if has(lexicon::EXPRESSED_NOUNS, nx) {
                        let kind = if w.ends_with("ing") { CueKind::Participle } else { CueKind::Verb };
                        out.push(Cue { first: i, last: i + 1, kind, lemma: "express" });
                        i += 2;
                        continue;
                    }
                }
            }
            if (w == "pointed" || w == "pointing") && next.as_deref() == Some("out") {
                let kind = if w.ends_with("ing") { CueKind::Participle } else { CueKind::Verb };
                out.push(Cue { first: i, last: i + 1, kind, lemma: "point out" });
                i += 2;
                continue;
            }
            // Asked only where a branch needs it: most words need none (0.4% of all the work
            // when asked of every word).
            let after_be = || i > a && matches!(self.word(i - 1).as_deref(), Some("is" | "was" | "were" | "are" | "been" | "be" | "being"));
            // "called for a ban", "spoke about her plans", "called on Congress to act": the
            // content follows the particle. A sentence-initial "Asked about X, Smith said" keeps
            // the participle reading below; "called on Monday" needs its "to" ("called on the
            // government Wednesday to block").
            let phrasal = if i + 1 < b { self.phrasal_at(i) } else { None };
            if let Some(lemma) = phrasal {
                let directive_ok = lemma != "call on"
                    || (i + 2..b.min(i + 2 + MAX_THAT_GAP)).take_while(|&k| !d.is_punct(k, ',')).any(|k| self.doc.lower_is(k, "to"));
                // "made an unprompted call for an end to ...", "the calls for reform": a noun
                // form after a determiner (over at most one modifier) is no cue.
                let det = |k: usize| self.det_at(k) || self.doc.lower_is(k, "that");
                let noun_use = one_of(w, &["call", "calls"]) && i > a && (det(i - 1) || (i > a + 1 && det(i - 2) && d.is_word(i - 1)));
                if !(i == a && w == "asked") && directive_ok && !noun_use {
                    let kind = if w.ends_with("ing") && !after_be() { CueKind::Participle } else { CueKind::Verb };
                    out.push(Cue { first: i, last: i + 1, kind, lemma });
                    i += 2;
                    continue;
                }
            }
            // "Fox News' Bret Baier noticed that none of the networks ...", "recognized that if
            // ...": a past or progressive verb the lexicon does not know, right before a
            // complementiser "that" and the subject of a clause, reports a belief or a finding
            // (in PolNeAR train about two in three such verbs are cues).
            if next.as_deref() == Some("that")
                && w.len() > 4
                && (w.ends_with("ed") || w.ends_with("ing"))
                && d.first_char(i).is_lowercase()
                && d.cue_lemma(i).is_none()
                && !d.in_class(i, lexicon::OBJECT_CUE)
                && !d.in_class(i, lexicon::COMMON_CAP)
                && !d.in_class(i, lexicon::ATTITUDE_ADJECTIVE)
                && self.clause_subject_at(i + 2)
            {
                let kind = if w.ends_with("ing") && !after_be() { CueKind::Participle } else { CueKind::Verb };
                out.push(Cue { first: i, last: i, kind, lemma: "that-verb" });
                i += 1;
                continue;
            }
            // "Clinton was declared the winner by news organizations", "the pair were known to
            // use his house": a cue verb in the passive attributes its whole clause, to the
            // "by" agent when there is one (PolNeAR spans the clause, subject included).
            let be_before = |k: usize| k >= a && matches!(self.word(k).as_deref(), Some("is" | "was" | "were" | "are" | "been" | "be" | "being"));
            let adverb_between = || i > a + 1 && self.word(i - 1).is_some_and(|p| p.ends_with("ly")) && be_before(i - 2);
            if d.in_class(i, lexicon::PASSIVE_CUE) && i > a && (be_before(i - 1) || adverb_between()) && !(w == "expected" && next.as_deref() == Some("to")) {
                let first = if adverb_between() { i - 2 } else { i - 1 };
                out.push(Cue { first, last: i, kind: CueKind::Raising, lemma: "passive" });
                i += 1;
                continue;
            }
            if d.in_class(i, lexicon::OBJECT_CUE) {
                // Passives ("was endorsed by") and noun uses ("40 percent support") are not cues.
                let passive = after_be() && (w.ends_with("ed") || one_of(w, &["sought", "found", "shown"]));
                let nounish = d.in_class(i, lexicon::OBJECT_NOUNISH_FORM);
                if !passive && (!nounish || (!self.after_possessive(i, a) && self.strong_source_before(i, a))) {
                    out.push(Cue { first: i, last: i, kind: CueKind::Object, lemma: "object" });
                }
                i += 1;
                continue;
            }
            // "is worried about", "was pleased with", "has been critical of": be + attitude.
            if d.in_class(i, lexicon::ATTITUDE_ADJECTIVE) && after_be() {
                let mut last = i;
                if matches!(next.as_deref(), Some("about" | "of" | "with" | "that" | "over" | "by" | "to")) && next.as_deref() != Some("to") {
                    last = i + 1;
                }
                out.push(Cue { first: i - 1, last, kind: CueKind::Object, lemma: "attitude" });
                i = last + 1;
                continue;
            }
            // "Putin seemed most concerned", "the bank is expected to act".
            // "Schilling appeared on a show", "has appeared at his side": "appear" before a
            // place is presence, not raising.
            let presence = w.starts_with("appear") && matches!(next.as_deref(), Some("on" | "at" | "in" | "with" | "before" | "alongside" | "onstage" | "together" | "live"));
            if (d.in_class(i, lexicon::RAISING_VERB) || (w == "expected" && after_be() && next.as_deref() == Some("to"))) && i > a && !presence {
                out.push(Cue { first: if w == "expected" { i - 1 } else { i }, last: i, kind: CueKind::Raising, lemma: "raise" });
                i += 1;
                continue;
            }
            // "a think tank": a noun, whatever the verb "think" reports.
            if let Some(lemma) = d.cue_lemma(i).filter(|_| !(w == "think" && matches!(next, Some("tank" | "tanks")))) {
                let progressive = i > a && matches!(self.word(i - 1).as_deref(), Some("is" | "was" | "were" | "are" | "been" | "be"));
                // "Asked about the plan, Smith said ...": a sentence-initial "Asked" works as a
                // participle.
                let kind = if (w.ends_with("ing") && !progressive) || (i == a && w == "asked") { CueKind::Participle } else { CueKind::Verb };
                // "the state", "a report": a noun-like form needs a subject right before it.
                let nounish = d.in_class(i, lexicon::NOUNISH_FORM);
                // A capitalised noun-like form inside a sentence is part of a name ("the
                // Islamic State, stating ...", "Secretary of State"), never a verb.
                let in_name = nounish && i > a && d.first_char(i).is_uppercase();
                // "One highway sign read, “…”", "the caption reads: “…”": "read" right before a
                // quotation (over a comma or colon) gives the words something bears, whatever
                // the noun before it.
                // Not the noun after a possessive ("one of his recent reads, ''…''").
                let owner = |k: usize| self.word_in(k, &["his", "her", "their", "its", "my", "our", "your"]);
                let reads_quote = lemma == "read" && i > a && d.is_word(i - 1) && !owner(i - 1) && !(i > a + 1 && owner(i - 2)) && {
                    let m = if i + 1 < b && (d.is_punct(i + 1, ',') || d.is_punct(i + 1, ':')) { i + 2 } else { i + 1 };
                    m < b && d.mark[m]
                };
                // "when the voters of Iowa finally had their say", "his claims", "the state": after
                // a possessive determiner or an article it is a noun (not after "her", also an
                // object: "heard her say").
                let owned = i > a && matches!(self.word(i - 1), Some("his" | "their" | "its" | "my" | "our" | "your" | "the" | "a" | "an"));
                // "in his home state", "its latest report", "the new claim": a bare form after a
                // determiner and one lowercase modifier ("her" too here: "heard her state" has
                // none between); not after a plural or a group, its subject ("the officials
                // claim", "the people state"), a relative ("those who fear") or an adverb ("her
                // clearly state"). ("The paper notes" is the verb: see `Doc::bare_noun_form`.)
                let owned_modified = d.bare_noun_form(i)
                    && i > a + 1
                    && next != Some("that")
                    && self.det_at(i - 2)
                    && self.word(i - 1).is_some_and(|m| !m.ends_with("ly") && !m.ends_with('s') && lexicon::pronoun(m).is_none())
                    && d.first_char(i - 1).is_lowercase()
                    && !d.in_class(i - 1, lexicon::GROUP_NOUN);
                // "the Virginia state director", "Democratic state lawmakers": a bare form after
                // a singular name (not a pronoun or a plural) is the noun (see
                // `Doc::bare_noun_form`). Its "that" clause is still reported ("a CNN report
                // that ...", which PolNeAR marks as CNN's).
                let after_name = i > a && d.is_cap(i - 1) && d.bare_noun_form(i) && next != Some("that") && self.word(i - 1).map_or(true, |p| lexicon::pronoun(p).is_none() && !one_of(p, &["you", "people", "police"])) && !d.lower(i - 1).ends_with('s');
                if !in_name && !owned && !owned_modified && !after_name && (!nounish || reads_quote || self.strong_source_before(i, a)) {
                    out.push(Cue { first: i, last: i, kind, lemma });
                }
            }
            i += 1;
        }
    }

    /// Name mention `n`, right before the noun-like cue form at `cue`, qualifies it as a noun.
    /// "hosts an MSNBC show": a name after an indefinite article qualifies the noun; "GOP
    /// state leaders": an acronym is one organisation, and the bare form after it ("state",
    /// not "states") is a noun. Not a report or a claim, which PolNeAR counts as the
    /// organisation's words ("a CNN report that ...").
    fn name_qualifies_noun(&self, n: usize, cue: usize, sent_start: usize) -> bool {
        let (d, m) = (self.doc, &self.names[n]);
        let w = d.lower(cue);
        !one_of(w, &["report", "reports", "claim", "claims"])
            && ((m.first > sent_start && self.word_in(m.first - 1, &["a", "an"]))
                || (m.class == NameClass::Org && m.first == m.last && d.tok(m.first).bytes().all(|b| b.is_ascii_uppercase()) && !w.ends_with('s') && w != "read"))
    }

    /// A source before a noun-like cue form that makes it a verb: a pronoun or a person's name
    /// ("she states", "Smith claims"), not an adjective-like word ("Muslim states").
    fn strong_source_before(&self, cue: usize, sent_start: usize) -> bool {
        match self.source_before(cue, sent_start) {
            Some(Src::Pronoun(..)) => true,
            // "a majority of Republicans support deportation": a group name speaks too.
            Some(Src::Name(n)) => {
                let m = &self.names[n];
                !self.name_qualifies_noun(n, cue, sent_start) && (m.class == NameClass::Person || self.reg.of_name[n].is_some() || self.doc.in_class(m.last, lexicon::GROUP_NOUN))
            }
            // "19 percent of college students polled support Clinton", "59 percent say".
            // "A review by The Times shows": a phrase ending in a name after a preposition is
            // as strong as the name.
            Some(Src::Nominal(_, e, _)) => {
                let head = self.doc.lower(e);
                self.doc.in_class(e, lexicon::DOC_NOUN | lexicon::GROUP_NOUN | lexicon::PERSON_NOUN) || head == "percent" || self.name_at_last.at(e).is_some()
            }
            None => false,
        }
    }

    /// The shared subject of a cue in a second predicate: "House Democrats seized the floor and
    /// said they would stay", "Wealth-X keeps its finances secret but says its business has
    /// tripled". Coordinated verb phrases share their subject (any English grammar: Quirk et
    /// al. 1985, §13.58), so the cue takes the previous cue's source in the sentence, else the
    /// sentence's subject.
    fn coordinated_source(&self, cue: usize, sent_start: usize, sourced: &[(Cue, Src)]) -> Option<Src> {
        let d = self.doc;
        let mut k = cue.checked_sub(1)?;
        while k > sent_start && d.is_word(k) && d.in_class(k, lexicon::AUX) {
            k -= 1;
        }
        if k <= sent_start || !matches!(self.word(k).as_deref(), Some("and" | "but")) || d.outer_quote.at(k).is_some() {
            return None;
        }
        // "Ms. Sherry smiled and said", "he laughed and said": a verb right before the
        // conjunction has its subject right before it, nearer than any earlier cue's source
        // ("When asked whom she supported, ...").
        if k > sent_start + 1 {
            let v = k - 1;
            let verb = self.word(v).is_some_and(|w| d.first_char(v).is_lowercase() && ((w.len() > 4 && w.ends_with("ed")) || d.in_class(v, lexicon::IRREGULAR_PAST)));
            if verb {
                if let Some(src) = self.source_before(v, sent_start).filter(|s| !matches!(s, Src::Pronoun(_, PronounKind::Relative)) && self.src_last(*s) + 1 == v) {
                    return Some(src);
                }
            }
        }
        if let Some(&(_, src)) = sourced.last() {
            return Some(src);
        }
        self.plausible_subject_of(sent_start, k).filter(|s| !matches!(s, Src::Pronoun(_, PronounKind::Relative)))
    }

    /// The sentence's subject, passing over an opening word that is no speaker (see
    /// `plausible_subject`) and its phrase up to the next comma ("Speaking in the East Room,
    /// Obama is defending ...").
    fn plausible_subject_of(&self, a: usize, b: usize) -> Option<Src> {
        let src = self.subject(a, b)?;
        if self.plausible_subject(src, a) {
            return Some(src);
        }
        let c = (a..b.min(a + SUBJECT_WINDOW)).find(|&k| self.doc.is_punct(k, ',') && self.doc.outer_quote.at(k).is_none())?;
        self.subject(c + 1, b).filter(|s| self.plausible_subject(*s, c + 1))
    }

    /// False for a lone capitalised word opening the sentence that the name pass could not
    /// class and that names nobody elsewhere ("Warm and sunny weather ...", "Apparently,
    /// ..."): capitalised by position only, it is no speaker.
    fn plausible_subject(&self, src: Src, sent_start: usize) -> bool {
        match src {
            Src::Name(n) => {
                let m = &self.names[n];
                let w = self.doc.lower(m.first);
                // An adverb or a gerund ("Apparently", "Working together"), or an adjective
                // coordinated with a lowercase one ("Warm and sunny").
                let shape = w.ends_with("ly")
                    || w.ends_with("ing")
                    || (matches!(self.word(m.last + 1).as_deref(), Some("and" | "or")) && self.doc.is_word(m.last + 2) && self.doc.first_char(m.last + 2).is_lowercase());
                !(m.first == sent_start && m.first == m.last && m.class == NameClass::Unknown && self.reg.of_name[n].is_none() && shape)
            }
            _ => true,
        }
    }

    /// The whole subject noun phrase before a speech verb or a finite object cue that no
    /// narrower rule named: "47% say", "Nearly nine out of 10 say", "Her campaign workers here
    /// said", "A statement posted on the website said", "The state party chairman denounced". The phrase runs from the clause start (after a leading
    /// adverbial and its comma) to the cue, over at most MAX_SUBJECT_PHRASE words, with no
    /// quotation and no other cue inside; its last word must be a content word.
    fn subject_phrase_before(&self, cue: Cue, sent_start: usize) -> Option<Src> {
        let d = self.doc;
        let object = cue.kind == CueKind::Object && d.in_class(cue.first, lexicon::OBJECT_CUE) && !d.lower(cue.first).ends_with("ing");
        if !object && (cue.kind != CueKind::Verb || lexicon::cue_lemma(&d.lower(cue.first)).is_none()) {
            return None;
        }
        let mut last = cue.first.checked_sub(1)?;
        while last > sent_start && d.is_word(last) && (d.in_class(last, lexicon::AUX) || one_of(d.lower(last), &["here", "there", "too", "now", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])) {
            last -= 1;
        }
        // "Kenya's finance minister on Tuesday said": "on" and the day, as the day alone above.
        // Not after a participle, whose adverbial it is ("A report released on Tuesday said").
        if last > sent_start + 1
            && self.doc.lower_is(last, "on")
            && d.in_class(last + 1, lexicon::CALENDAR_WORD)
            && last + 1 < cue.first
            && !self.word(last - 1).is_some_and(|w| w.ends_with("ed"))
        {
            last -= 1;
        }
        // A short aside between the subject and its verb ("Ayotte's campaign, for example,
        // said", "Proponents of the bill, however, say") is skipped: a lowercase run of at
        // most MAX_ASIDE_WORDS words between two commas. One opening with "a" or "an" may hold
        // capitalised words: a description ("The minister, a former GP, said").
        if d.is_punct(last, ',') && last > sent_start {
            let lo = last.saturating_sub(MAX_ASIDE_WORDS + 1).max(sent_start);
            if let Some(c) = (lo..last).rev().find(|&c| d.is_punct(c, ',')) {
                let described = self.word_in(c + 1, &["a", "an"]);
                if c > sent_start && c + 1 < last && (c + 1..last).all(|i| d.is_word(i) && (described || d.first_char(i).is_lowercase())) {
                    last = c - 1;
                }
            }
        }
        // The clause start: the sentence start, or just after the last comma of a leading
        // adverbial ("In a statement, ..."); a conjunction opening the sentence is skipped.
        let lo = last.saturating_sub(MAX_SUBJECT_PHRASE + 4).max(sent_start);
        let mut first = sent_start;
        if first < lo {
            return None;
        }
        if matches!(self.word(first).as_deref(), Some("and" | "but" | "so" | "yet")) {
            first += 1;
        }
        // "NAIROBI, Kenya (AP) — Kenya's finance minister on Tuesday defended": the dateline is
        // no part of the subject.
        first = self.skip_dateline(first, last + 1);
        if matches!(self.word(first).as_deref(), Some("in" | "at" | "on" | "after" | "before" | "during" | "when" | "while" | "as" | "since" | "with" | "for" | "from" | "despite" | "although" | "though" | "if" | "because" | "by" | "last" | "earlier" | "later" | "meanwhile" | "still" | "indeed" | "now")) {
            if let Some(c) = (first..last).find(|&k| d.is_punct(k, ',')) {
                first = c + 1;
            } else if self.word_in(first, SUBORDINATORS) {
                // No comma before the cue: the cue is the verb of the clause the conjunction
                // opens, and its subject follows the conjunction ("While critics argue that
                // ...", "After the candidates opposed ..."). Speakers were named "While critics".
                first += 1;
            }
        }
        if first > last || self.more_words_than(first, last + 1, MAX_SUBJECT_PHRASE) {
            return None;
        }
        // Noun-like cue forms may head the phrase ("The report released Tuesday said").
        let verb_cue_at = |k: usize| self.cue_word_at(k) && !(d.is_word(k) && d.in_class(k, lexicon::NOUNISH_FORM | lexicon::OBJECT_NOUNISH_FORM));
        if (first..=last).any(|k| d.mark[k] || d.outer_quote.at(k).is_some() || d.is_punct(k, ';') || d.is_punct(k, ':') || verb_cue_at(k)) {
            return None;
        }
        if !(d.is_word(last) || d.toks[last].kind == Tk::Number || d.is_punct(last, '%')) {
            return None;
        }
        let lw = d.lower(last);
        if d.is_word(last) && (d.in_class(last, lexicon::COMMON_CAP) && !one_of(lw, &["all", "both", "many", "most", "others", "some", "few"])) {
            return None;
        }
        Some(Src::Nominal(first, last, EntityKind::Unknown))
    }

    /// A word that may stand between a source and its cue beyond those of `lexicon::CUE_AUX`.
    /// A manner adverb in -ly ("Clinton emphatically proclaimed", "Trump sarcastically said"),
    /// not a noun in -ly: six letters or more ("ally", "rally"), not in -ily, -bly, -ply or -oly
    /// ("family", "assembly", "supply", "monopoly"; "angrily" is lost with them), and not right
    /// after an article ("the weekly said", "the elderly say"). Or a negated auxiliary other
    /// than "be" ("Sanders hasn't said", "Ali didn’t say"). Speakers were called "Trump
    /// jokingly" and "Sanders hasn't".
    #[inline(never)]
    fn adverb_or_negation(&self, k: usize) -> bool {
        let d = self.doc;
        let w = d.lower(k).as_bytes();
        // Not a negated "be", which opens a passive or a progressive ("they aren't admitted").
        if w.ends_with(b"n't") || w.ends_with("n’t".as_bytes()) {
            return !(w.starts_with(b"is") || w.starts_with(b"are") || w.starts_with(b"was") || w.starts_with(b"were"));
        }
        w.len() >= 6
            && w.ends_with(b"ly")
            && !matches!(w[w.len() - 3], b'i' | b'b' | b'p' | b'o')
            && d.first_char(k).is_lowercase()
            && !(k > 0 && one_of(d.lower(k - 1), &["the", "a", "an"]))
    }

    /// A source ending right before token `cue` (over auxiliaries and an appositive).
    fn source_before(&self, cue: usize, sent_start: usize) -> Option<Src> {
        let s = self.source_before_renamed(cue, sent_start, true)?;
        // "Residents of Haworth said": the people the phrase after "of" completes speak.
        Some(match self.group_of_name(self.src_first(s), sent_start) {
            Some(a) => Src::Nominal(a, self.src_last(s), EntityKind::Group),
            None => s,
        })
    }

    /// [`Attributor::source_before`]; `skip_acronym` lets it read past one acronym that renames
    /// the noun before it, by calling itself once without it (so that no run of such shapes
    /// can nest the calls deeper than two).
    fn source_before_renamed(&self, cue: usize, sent_start: usize, skip_acronym: bool) -> Option<Src> {
        let d = self.doc;
        let mut k = cue.checked_sub(1)?;
        // "he is emphasizing", "they were arguing": a progressive's "be" stands between too.
        let progressive = d.lower(cue).ends_with("ing");
        while k > sent_start
            && d.is_word(k)
            && (d.in_class(k, lexicon::AUX) || (progressive && one_of(d.lower(k), &["is", "are", "was", "were", "am", "’s", "'s"])) || self.adverb_or_negation(k))
        {
            k -= 1;
        }
        // "Smith on Tuesday said", "the minister on Monday told reporters", "Jones yesterday
        // said": wire copy puts the day between the subject and its verb as often as after the
        // verb (AP style: the day goes right after the verb, or before it when the verb has an
        // object), and the subject is still the source.
        let day = |j: usize| d.is_word(j) && d.is_cap(j) && d.in_class(j, lexicon::CALENDAR_WORD) && d.lower(j).ends_with("day");
        if k > sent_start + 1 && (day(k) || matches!(self.word(k), Some("yesterday" | "today"))) {
            k -= 1;
            if k > sent_start && day(k + 1) && self.doc.lower_is(k, "on") {
                k -= 1;
            }
            while k > sent_start && d.is_word(k) && d.in_class(k, lexicon::AUX) {
                k -= 1;
            }
        }
        if k < sent_start {
            return None;
        }
        // "Toyota Motor Corp. said", "Acme Inc. said": the dot of an abbreviation that ends
        // the name stands between (the quote was lost). (The sentence goes on over these dots:
        // `doc::is_abbreviation`.)
        if k > sent_start + 1 && d.is_punct(k, '.') && !d.toks[k].space_before && d.is_word(k - 1) && one_of(d.lower(k - 1), &["corp", "inc", "ltd", "co", "jr", "sr"]) {
            k -= 1;
        }
        // "Harry M. Reid (D-Nev.) told": skip a parenthesis after the name.
        if d.is_punct(k, ')') {
            let lo = k.saturating_sub(8).max(sent_start);
            if let Some(open) = (lo..k).rev().find(|&j| d.is_punct(j, '(')) {
                if open > sent_start {
                    k = open - 1;
                }
            }
        }
        if let Some(s) = self.source_ending_at(k, sent_start) {
            // "Another intelligence source speaking to Fox News said", "A spokesman for Bernie
            // Sanders said": a name after a preposition is the object of a phrase inside the
            // subject, not the subject; the whole phrase is the source. Not after "of", which
            // heads a quantity or a part ("a majority of Republicans support").
            // "Protesters from Chicago said": a capitalised word the name pass left alone (a
            // place) after a preposition is such an object too.
            // So is a common noun's phrase after one ("A spokesman for the foundation said": the
            // speaker was "the foundation").
            // The phrase may itself be an object, in turn: "Brazilian farmers in the state of
            // Mato Grosso say" (the speaker was "Grosso"), "traders in Shanghai and Chicago
            // said" (it was "Chicago"): back over capitalised words, "and" between two of them,
            // and at most MAX_NESTED_OBJECTS phrases.
            if let Src::Nominal(f, l, _) = s {
                let mut phrase = None;
                // (Capitalised throughout: one word, or a place's two, "New Zealand".)
                let (mut f, mut cap) = (f, (f..=l).all(|k| d.is_cap(k)));
                for _ in 0..MAX_NESTED_OBJECTS {
                    if cap {
                        loop {
                            if f > sent_start + 2 && (d.is_cap(f - 1) || (self.doc.lower_is(f - 1, "and") && d.is_cap(f - 2))) {
                                f -= 1;
                            } else if let Some(k) = self.coordinated_in(f, sent_start) {
                                f = k;
                            } else {
                                break;
                            }
                        }
                        // "in north Phoenix", "in downtown Tulsa": the place's modifier too.
                        if f > sent_start + 2 && self.word(f - 1).is_some_and(crate::places::is_place_modifier) {
                            f -= 1;
                        }
                        // "Chuck Schumer of New York said": the person speaks, not her state.
                        if let Some(p) = self.person_of_place(f, l) {
                            return Some(Src::Name(p));
                        }
                    }
                    let object = cap || d.first_char(f).is_lowercase() && self.word(f).is_some_and(|w| one_of(w, &["the", "a", "an", "this", "that"]));
                    // "of" only after a place's name ("the state of Mato Grosso"): elsewhere it
                    // heads a quantity or a part.
                    let prep = self.word(f.wrapping_sub(1)).is_some_and(|w| one_of(w, &["for", "to", "with", "at", "from", "by", "in"]) || (cap && w == "of"));
                    if !(object && f > sent_start + 1 && prep) {
                        break;
                    }
                    match self.phrase_with_object(f - 1, l, sent_start) {
                        Some(p @ Src::Nominal(pf, _, _)) => {
                            phrase = Some(p);
                            f = pf;
                            cap = false;
                        }
                        _ => break,
                    }
                }
                if let Some(p) = phrase {
                    return Some(p);
                }
            }
            if let Src::Name(n) = s {
                if let Some(p) = self.affiliated_person(n, sent_start) {
                    return Some(Src::Name(p));
                }
                // "obtained by The Associated Press": a "the" the name leaves out stands between;
                // so does a country before it ("A spokesman for the U.S. State Department").
                let f = self.names[n].first;
                let f = if f > sent_start + 3 && d.is_cap(f - 1) && self.doc.lower_is(f - 2, "the") && crate::places::lookup(d.tok(f - 1)).is_some() { f - 1 } else { f };
                let f = if f > sent_start + 2 && self.doc.lower_is(f - 1, "the") { f - 1 } else { f };
                // "A man accused of setting fire to a church in north Phoenix told": a place's
                // name that the name pass could not tell from a person's ("Phoenix" is also a
                // first name), after "in" or "near" (and a word like "north" or "downtown"), is
                // where the subject is, not who speaks. ("Phoenix" spoke, and so was a person
                // everywhere, the dateline too.)
                let lone = self.names[n].first == self.names[n].last;
                let place = || crate::places::lookup(d.text_of(self.names[n].span)).is_some();
                if let Some(prep) = crate::places::in_before(d, self.names[n].first).filter(|&p| p > sent_start) {
                    if (self.names[n].class == NameClass::Unknown || lone) && !self.possessive(s) && place() {
                        if let Some(src) = self.phrase_with_object(prep, self.names[n].last, sent_start) {
                            return Some(src);
                        }
                    }
                }
                // "The chief executive of Exxon said", "Members of Congress said": after a title
                // or a noun for people, "of" names whose; the phrase speaks, as after "for".
                let of_title = f > sent_start + 2 && self.doc.lower_is(f - 1, "of") && (d.title_head(f - 2).is_some() || d.in_class(f - 2, lexicon::PERSON_NOUN | lexicon::PEOPLE_NOUN));
                if f > sent_start + 1 && !self.possessive(s) && (of_title || self.word_in(f - 1, &["for", "to", "with", "at", "from", "by"])) {
                    if let Some(src) = self.phrase_with_object(f - 1, self.names[n].last, sent_start) {
                        return Some(src);
                    }
                    // "Smith at Harvard said", "Jane Doe from Oxfam said": a person's name
                    // before "at" or "from" and an organisation or a place is the one who
                    // speaks; the name after says where she works.
                    if self.word_in(f - 1, &["at", "from"]) && self.names[n].class != NameClass::Person {
                        if let Some(p) = self.name_at_last.at(f - 2).filter(|&p| matches!(self.names[p].class, NameClass::Person | NameClass::Unknown)) {
                            return Some(Src::Name(p));
                        }
                    }
                }
            }
            return Some(s);
        }
        // "The mayor of Lyon, Claire Dubois, said": a person's name right before the comma.
        // But "Giovanni Maria Vian, the editor of the Vatican's newspaper, L'Osservatore
        // Romano, said": when the sentence opens with a person's name and a comma, that
        // person is the subject the appositives describe.
        // Not when the chunk before the comma is an aside opening with a participle ("Mr.
        // Trump, asked about the deaths of journalists under Mr. Putin, had said", "Mr. Biden,
        // recalling breakfasts with Mrs. Clinton, described"): the name in it is no subject;
        // the appositive search below finds the one before it. "including" lists members of
        // the subject ("Several candidates, including Trump, said") and stays.
        let aside = d.is_punct(k, ',')
            && (k.saturating_sub(MAX_APPOSITIVE).max(sent_start)..k).rev().find(|&c| d.is_punct(c, ',')).is_some_and(|c| {
                self.word(c + 1).is_some_and(|w| d.first_char(c + 1).is_lowercase() && ((w.ends_with("ing") && w != "including") || w == "asked"))
            });
        if d.is_punct(k, ',') && k > sent_start && !aside {
            // The sentence may open with a quotation and its comma first ("''…,'' Massimo
            // Franco, a columnist for the Italian newspaper Corriere della Sera, wrote").
            let mut first = sent_start;
            while first < k && first < sent_start + MAX_CLAUSE_TOKENS && (d.outer_quote.at(first).is_some() || d.mark[first] || d.is_punct(first, ',')) {
                first += 1;
            }
            let opener = self.name_at_first.at(first).filter(|&n| {
                self.names[n].class == NameClass::Person && d.is_punct(self.names[n].last + 1, ',') && self.names[n].last + 1 < k
            });
            // Not a name that ends a relative clause ("Sen. Claire McCaskill (D-Mo.), who has
            // endorsed Clinton, said"): that clause describes the subject before it.
            // The relative word opens the clause right after a comma.
            let in_relative = |n: usize| {
                let f = self.names[n].first;
                let lo = f.saturating_sub(MAX_APPOSITIVE).max(sent_start);
                // So does a participle clause ("Mr. Biden, recalling breakfasts with Mrs.
                // Clinton, described", "Mr. Trump, asked about journalists killed under Mr.
                // Putin, had said"), but not "including", whose names belong to the subject
                // ("Several candidates, including Trump, said").
                let participle = |w: &str| (w.len() > 4 && w.ends_with("ing") && w != "including") || w == "asked";
                (lo..f).rev().find(|&j| d.is_punct(j, ',') || d.mark[j]).is_some_and(|j| {
                    d.is_punct(j, ',') && (self.word_in(j + 1, &["who", "which", "whom", "whose"]) || (d.first_char(j + 1).is_lowercase() && self.word(j + 1).is_some_and(participle)))
                })
            };
            // "Its lead author, Professor Li Wei of Tsinghua University, told": the person the
            // organisation's name follows.
            let affiliated = |s: Src| match s {
                Src::Name(n) => self.affiliated_person(n, sent_start).map(Src::Name).unwrap_or(s),
                _ => s,
            };
            // "A spokeswoman for the UN refugee agency, UNHCR, said": an acronym set off by
            // commas right after a lowercase noun renames that noun's organisation; the subject
            // is the phrase before it, read as if the acronym were not there.
            // "The minister, a former GP, said": a capitalised word after an indefinite article
            // (and lowercase modifiers) is a description's common noun, not the subject.
            let described = |n: usize| {
                let f = self.names[n].first;
                (f.saturating_sub(3).max(sent_start)..f).rev().take_while(|&j| d.is_word(j) && !d.is_cap(j)).any(|j| self.word_in(j, &["a", "an"]))
            };
            let before = self.source_ending_at(k - 1, sent_start).filter(|s| !matches!(s, Src::Name(n) if described(*n)));
            if let Some(Src::Name(n)) = before {
                let f = self.names[n].first;
                let renames = f == self.names[n].last && f > sent_start + 2 && d.is_punct(f - 1, ',') && k == f + 1 && d.first_char(f - 2).is_lowercase() && crate::entities::is_acronym(d.tok(f));
                if renames && skip_acronym {
                    return self.source_before_renamed(f - 1, sent_start, false);
                }
            }
            if let Some(Src::Name(n)) = before.map(affiliated).filter(|s| !matches!(s, Src::Name(n) if in_relative(*n))) {
                if self.names[n].class == NameClass::Person {
                    return Some(Src::Name(n));
                }
                // "The developer, Northgate Homes, said": an organisation's name set off by
                // commas right after a short lowercase noun phrase that opens the sentence
                // renames that subject, and speaks.
                let f = self.names[n].first;
                if self.names[n].class == NameClass::Org
                    && f > sent_start + 1
                    && f - 1 - sent_start <= 4
                    && d.is_punct(f - 1, ',')
                    && (sent_start..f - 1).all(|j| d.is_word(j) && (j == sent_start || !d.is_cap(j)))
                {
                    return Some(Src::Name(n));
                }
                if let Some(o) = opener {
                    return Some(Src::Name(o));
                }
                if self.names[n].class == NameClass::Unknown {
                    return Some(Src::Name(n));
                }
            }
            if let Some(o) = opener {
                return Some(Src::Name(o));
            }
        }
        // "The Spaniard, 53, said": an age between commas stands between the source and the
        // cue, whatever the source is.
        if d.is_punct(k, ',') && k >= sent_start + 3 && d.toks[k - 1].kind == Tk::Number && d.is_punct(k - 2, ',') {
            if let Some(s) = self.source_ending_at(k - 3, sent_start) {
                return Some(s);
            }
        }
        // "Smith, the minister, said": skip back over the appositive.
        // Appositives may hold commas of their own ("Mr. Daniloff, now 81 and retired in
        // Cambridge, Mass., said"): try each earlier comma, nearest first.
        if d.is_punct(k, ',') {
            let lo = k.saturating_sub(MAX_RELATIVE_CLAUSE).max(sent_start);
            // "In Berea, Gov. John Kasich (R-OH), said": a party label right before the cue's
            // comma; a person's name before it is the subject, so the search starts at that
            // comma (from the comma before it, "Berea" spoke).
            let label = k > sent_start && d.is_punct(k - 1, ')') && self.party_label(k - 1);
            let mut j = if label { k + 1 } else { k };
            // An organisation's name before a comma is mostly a word inside the appositive
            // ("Smith, a fellow at the Brookings Institution, Washington, said"), so a person
            // further back wins. But when the organisation opens the subject, at the sentence
            // start or right after a quotation ("“…,” Xinhua, the official Chinese news agency,
            // wrote"), nobody else is there: it speaks.
            let mut org_opener = None;
            while j > lo {
                j -= 1;
                if d.mark[j] {
                    break;
                }
                // Beyond MAX_APPOSITIVE tokens only a relative clause's comma.
                if d.is_punct(j, ',') && j > sent_start && (k - j <= MAX_APPOSITIVE || self.word_in(j + 1, &["who", "which"])) {
                    // "Sen. Rob Portman (R-Ohio), another incumbent, said": a party label
                    // between the name and the appositive.
                    let mut e = j - 1;
                    if d.is_punct(e, ')') {
                        let lo = e.saturating_sub(8).max(sent_start);
                        if let Some(open) = (lo..e).rev().find(|&x| d.is_punct(x, '(')) {
                            if open > sent_start {
                                e = open - 1;
                            }
                        }
                    }
                    // "James B. Comey Jr., the director of the FBI, said": the dot of an
                    // abbreviation that ends the name ("Jr.", "Inc.") stands between.
                    if d.is_punct(e, '.') && !d.toks[e].space_before && e > sent_start + 1 && d.is_word(e - 1) {
                        e -= 1;
                    }
                    // "Small, who attended the rally, said": a capitalised word the name pass
                    // set aside opens the sentence; the "who" clause shows it is the subject.
                    let opener = (e == sent_start && d.is_word(e) && d.first_char(e).is_uppercase() && !d.in_class(e, lexicon::COMMON_CAP) && self.doc.lower_is(j + 1, "who")).then_some(Src::Nominal(e, e, EntityKind::Unknown));
                    if let Some(s) = self.source_ending_at(e, sent_start).or(opener) {
                        // From the party label's comma only a person: "a poll conducted with
                        // Anderson Robbins Research (D), shows" is the poll's.
                        if j == k && !matches!(s, Src::Name(n) if self.names[n].class == NameClass::Person) {
                            continue;
                        }
                        match s {
                            Src::Name(n) if self.names[n].class != NameClass::Org => return Some(s),
                            Src::Name(n) => {
                                // "Holger Schmieding of Berenberg, Germany's largest private
                                // bank, warned": the person the organisation employs.
                                if let Some(p) = self.affiliated_person(n, sent_start) {
                                    return Some(Src::Name(p));
                                }
                                let f = self.names[n].first;
                                // After a sentence-initial "the" the name leaves out, too: "The
                                // International Monetary Fund, which approved a loan last year,
                                // said" (its statement had no source, and was lost).
                                let f = if f == sent_start + 1 && self.doc.lower_is(sent_start, "the") { sent_start } else { f };
                                // So after one linking word that opens the sentence ("Then DuPont,
                                // only two months later, announced plans").
                                let f_the = if f == sent_start + 2 && self.doc.lower_is(f - 1, "the") { f - 1 } else { f };
                                let linked = f_the == sent_start + 1 && (d.in_class(sent_start, lexicon::SENTENCE_ADVERB) || one_of(d.lower(sent_start), &["and", "but", "then", "now", "later", "meanwhile"]));
                                let opens = f == sent_start || linked || d.mark[f - 1] || (d.is_punct(f - 1, ',') && f >= 2 && d.mark[f - 2]);
                                if opens && org_opener.is_none() {
                                    org_opener = Some(s);
                                }
                            }
                            Src::Pronoun(..) => return Some(s),
                            // "Paris, who used to work on Capitol Hill, said": a capitalised
                            // word the name pass set aside, described by a relative clause.
                            // So is any noun phrase a "who" clause describes ("A Warren
                            // adviser, who spoke on the condition of anonymity, said").
                            // "Senator Katie Britt of Alabama, who ..., called it": the
                            // person before "of" and a place.
                            Src::Nominal(f, l, _) if ((f == l && d.first_char(f).is_uppercase()) || self.nominal_is_np(s)) && self.doc.lower_is(j + 1, "who") => {
                                return Some(self.person_of_place(f, l).map_or(s, Src::Name))
                            }
                            // "The complaint, which was filed in federal court, alleged", "The
                            // group, which is based in Ohio, said": so is a document, group or
                            // organisation a "which" clause describes.
                            Src::Nominal(_, l, _)
                                if self.nominal_is_np(s) && self.doc.lower_is(j + 1, "which") && {
                                    d.in_class(l, lexicon::DOC_NOUN | lexicon::GROUP_NOUN | lexicon::ORG_HEAD)
                                } =>
                            {
                                return Some(s)
                            }
                            // "Lee Zeldin of New York, a Trump supporter, said".
                            Src::Nominal(f, l, _) => {
                                if let Some(p) = self.person_of_place(f, l) {
                                    return Some(Src::Name(p));
                                }
                            }
                        }
                    }
                }
            }
            return org_opener;
        }
        None
    }

    /// "Professor Li Wei of Tsinghua University told": the person's name mention right before
    /// "of" (and a "the") and the name mention `n` of no person, which says where the person
    /// works. "At" and "from" are taken where the phrase is read (`source_before`).
    ///
    /// "Filippo Miraglia of the charity ARCI", "Jane Doe of the rights group Amnesty": after a
    /// "the" and lowercase words that say what it is, or as an acronym ("of ARCI"), the name
    /// after "of" says where she works even when the name pass took it for a person's or could
    /// not tell.
    fn affiliated_person(&self, n: usize, sent_start: usize) -> Option<usize> {
        let d = self.doc;
        let first = self.names[n].first;
        // Back over the lowercase words that describe the organisation, to their "the".
        let mut k = first;
        while k > sent_start && first - k < MAX_NOUN_MODIFIERS && self.word(k - 1).is_some_and(|w| d.first_char(k - 1).is_lowercase() && !one_of(w, &["the", "of"])) {
            k -= 1;
        }
        let described = k < first && k > sent_start && self.doc.lower_is(k - 1, "the");
        let f = if described {
            k - 1
        } else if first > sent_start + 2 && self.doc.lower_is(first - 1, "the") {
            first - 1
        } else {
            first
        };
        let acronym = first == self.names[n].last && crate::entities::is_acronym(d.tok(first));
        if self.names[n].class == NameClass::Person && !described && !acronym {
            return None;
        }
        if f < sent_start + 2 || self.word(f - 1) != Some("of") {
            return None;
        }
        // A person's name, or there a name of two words or more that the name pass could not
        // place ("Filippo Miraglia": no listed first name).
        let person = |p: usize| match self.names[p].class {
            NameClass::Person => true,
            NameClass::Unknown => (described || acronym) && self.names[p].last > self.names[p].name_first,
            _ => false,
        };
        self.name_at_last.at(f - 2).filter(|&p| person(p) && !d.is_punct(f - 2, ','))
    }

    /// "Residents of Haworth said", "Supporters of the Yorkshire club Leeds United say": the
    /// people are the plural noun of [`lexicon::GROUP_NOUNS`] that the source found after "of"
    /// completes, not that source (a village was a person, "Haworth", and spoke for its
    /// residents; "the village of Haworth" spoke for them too). Gives the first token of the
    /// noun phrase (over a determiner or a quantity before the noun), when such a noun and "of"
    /// stand at most [`MAX_GROUP_OF_GAP`] words before the source's first token `f`, with only
    /// words between (no cue or auxiliary among them).
    #[inline(never)]
    fn group_of_name(&self, f: usize, sent_start: usize) -> Option<usize> {
        let d = self.doc;
        let lo = f.saturating_sub(MAX_GROUP_OF_GAP).max(sent_start + 1);
        let mut j = f;
        while j > lo && d.is_word(j - 1) && !d.mark[j - 1] && !d.in_class(j - 1, lexicon::AUX) && d.cue_lemma(j - 1).is_none() {
            j -= 1;
            let h = j - 1;
            if d.lower_is(j, "of") && d.is_word(h) && d.in_class(h, lexicon::GROUP_NOUN) && d.lower(h).ends_with('s') {
                let quantity = |k: usize| d.is_word(k) && one_of(d.lower(k), &["the", "some", "many", "several", "other", "local", "most", "few", "angry", "two", "three"]);
                let mut a = h;
                while a > sent_start && h - a < 2 && quantity(a - 1) {
                    a -= 1;
                }
                return Some(a);
            }
        }
        None
    }

    /// The person named right before "of" and the capitalised words from `f` to `l`, a place
    /// (a senator's or a delegate's state, a mayor's city: "Katie Britt of Alabama", "Chuck
    /// Schumer of New York").
    /// The place may start before `f`, over capitalised words ("York" of "New York").
    #[inline(never)]
    fn person_of_place(&self, mut f: usize, l: usize) -> Option<usize> {
        let d = self.doc;
        while f > 2 && l - f < MAX_PLACE_WORDS && d.is_cap(f - 1) && d.toks[f].breaks_before == 0 {
            f -= 1;
        }
        if !(f >= 2 && d.lower_is(f - 1, "of") && d.is_cap(f) && crate::places::lookup(d.text_of(d.span(f, l))).is_some()) {
            return None;
        }
        self.name_at_last.at(f - 2).filter(|&p| self.names[p].class == NameClass::Person)
    }

    /// The first token of the noun phrase whose post-modifier starts with the preposition at
    /// `prep`: back over at most MAX_SUBJECT_PHRASE words to a determiner or the clause start,
    /// without crossing a comma, a quotation or a cue. None when no noun stands before `prep`.
    fn phrase_start(&self, prep: usize, sent_start: usize) -> Option<usize> {
        let d = self.doc;
        let lo = prep.saturating_sub(MAX_SUBJECT_PHRASE).max(sent_start);
        let mut start = prep;
        let mut j = prep;
        while j > lo {
            j -= 1;
            if !d.is_word(j) || d.outer_quote.at(j).is_some() || d.mark[j] {
                break;
            }
            let w = d.lower(j);
            // The head right after an article is a noun, also when a cue has its form ("the
            // state of Mato Grosso", "a statement from").
            let noun_head = j + 1 == prep && j > lo && self.word_in(j - 1, &["the", "a", "an"]);
            if (!noun_head && (d.cue_lemma(j).is_some() || d.in_class(j, lexicon::OBJECT_CUE))) || d.in_class(j, lexicon::AUX) || one_of(w, &["and", "or", "but", "that", "who", "which"]) {
                break;
            }
            start = j;
            if has(PHRASE_OPENERS, w) {
                break;
            }
        }
        // The head before the preposition is a common noun: lowercase, or capitalised at the
        // sentence start when it names people ("Analysts at Standard Chartered said").
        let head = prep - 1;
        let common = d.first_char(head).is_lowercase() || d.in_class(head, lexicon::PERSON_NOUN) || crate::names::names_people(d, head);
        (start < prep && common).then_some(start)
    }

    /// The kind of an unnamed source whose head noun is token `h`: a plural speaks as a group,
    /// a body's head ("the interior ministry", "the Chinese embassy") names an organisation.
    fn head_kind(&self, h: usize) -> EntityKind {
        let d = self.doc;
        let head = d.lower(h);
        let classes = d.classes(h);
        if head.ends_with('s') && !head.ends_with("ss") {
            EntityKind::Group
        } else if d.is_word(h) && classes & (lexicon::ORG_HEAD | lexicon::GROUP_NOUN) == lexicon::ORG_HEAD {
            EntityKind::Organization
        } else {
            EntityKind::Unknown
        }
    }

    /// The phrase whose object ends at `last` after the preposition at `prep` ("A spokesman for
    /// Bernie Sanders", "Analysts at Standard Chartered") as one unnamed source: a plural head
    /// speaks as a group.
    fn phrase_with_object(&self, prep: usize, last: usize, sent_start: usize) -> Option<Src> {
        let start = self.phrase_start(prep, sent_start)?;
        Some(Src::Nominal(start, last, self.head_kind(prep - 1)))
    }

    /// "Officials in Lagos and in Valencia said", "in Hyderabad, Pakistan, and in Valencia
    /// said": where a capitalised phrase at `f` is the second of coordinated "in" phrases, the
    /// last token of the place in the first (over a place after a comma, which says where the
    /// one before it is), so that the phrase before both speaks, not the last place.
    #[inline(never)]
    fn coordinated_in(&self, f: usize, sent_start: usize) -> Option<usize> {
        let d = self.doc;
        if !(f > sent_start + 3 && self.doc.lower_is(f - 1, "in") && self.word_in(f - 2, &["and", "or"])) {
            return None;
        }
        let mut k = if d.is_punct(f - 3, ',') { f - 4 } else { f - 3 };
        // Back over "Pakistan" in "Hyderabad, Pakistan, and in".
        let mut j = k;
        while j > sent_start && d.is_cap(j) {
            j -= 1;
        }
        if j > sent_start + 1 && d.is_punct(j, ',') && d.is_cap(j - 1) {
            k = j - 1;
        }
        d.is_cap(k).then_some(k)
    }

    fn source_ending_at(&self, k: usize, sent_start: usize) -> Option<Src> {
        let d = self.doc;
        if d.outer_quote.at(k).is_some() {
            return None;
        }
        if let Some(n) = self.name_at_last.at(k) {
            return Some(Src::Name(n));
        }
        if !d.is_word(k) {
            return None;
        }
        let w = d.lower(k);
        // "he's saying": the pronoun of a contraction with "is" or "has" is the source (its
        // "'s" made it a plural noun, and "he's" a group of speakers).
        let bare = crate::names::strip_possessive(w);
        if let Some(p) = lexicon::pronoun(bare) {
            return Some(Src::Pronoun(k, p));
        }
        // "Abortion rights advocates said", "59 percent said", "Others say": a plural noun or
        // a quantity right before the cue.
        let plural = w.len() > 3 && bare.len() == w.len() && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !d.in_class(k, lexicon::AUX) && d.cue_lemma(k).is_none();
        if (plural && !d.in_class(k, lexicon::COMMON_CAP)) || one_of(w, &["percent", "others", "another", "many", "most", "some", "both", "few", "all"]) {
            let mut a = k;
            while a > sent_start && a + 4 > k && (d.is_word(a - 1) || d.toks[a - 1].kind == Tk::Number) && d.outer_quote.at(a - 1).is_none() {
                let pw = d.lower(a - 1);
                // Nor a free relative ("thinks of what his parents told him": the parents), nor
                // a conjunction opening the clause ("While critics argue": the critics).
                if d.in_class(a - 1, lexicon::AUX) || d.cue_lemma(a - 1).is_some() || one_of(pw, &["and", "or", "but", "that", "which", "who", "as", "than", "what", "whom", "whose"]) || one_of(pw, SUBORDINATORS) {
                    break;
                }
                a -= 1;
            }
            return Some(Src::Nominal(a, k, EntityKind::Group));
        }
        // A capitalised word that the name pass set aside ("Cuban said", a surname that is
        // also a nationality): still the one who speaks.
        // Not the last of a list of places ("voters in towns such as Wakefield and Hartlepool
        // felt"): a town is not who felt.
        if d.first_char(k).is_uppercase() && !d.in_class(k, lexicon::COMMON_CAP) && k > sent_start && !crate::places::after_place_list(d, k) {
            // With its "the" when that is a demonym's: "The Spaniard" refers back to a person
            // (`entities::Registry::epithet_person`).
            let the = self.doc.lower_is(k - 1, "the") && crate::tables::demonym_country(d.tok(k)).is_some();
            // With the capitalised word before it when the two name a place: "New Zealand
            // said" (the name pass leaves places alone; "New" alone was taken for a title's).
            let place = d.is_cap(k - 1) && d.toks[k].breaks_before == 0 && crate::places::lookup(d.text_of(d.span(k - 1, k))).is_some();
            return Some(Src::Nominal(if the || place { k - 1 } else { k }, k, EntityKind::Unknown));
        }
        let classes = d.classes(k);
        if classes & (lexicon::GROUP_NOUN | lexicon::ORG_HEAD | lexicon::DOC_NOUN) != 0 {
            let kind = if w.ends_with('s') && !w.ends_with("ss") { EntityKind::Group } else { EntityKind::Unknown };
            let kind = if classes & lexicon::ORG_HEAD != 0 && classes & lexicon::GROUP_NOUN == 0 { EntityKind::Organization } else { kind };
            // Extend left over determiners and modifiers: "senior U.S. officials". First over
            // lowercase nouns of a compound, when a determiner or a capital stands before them:
            // "the UN refugee agency" (the source was "agency").
            let mut a = k;
            while a > sent_start + 1 && k - a < MAX_NOUN_MODIFIERS - 1 && d.is_word(a - 1) && d.first_char(a - 1).is_lowercase() && d.classes(a - 1) & (lexicon::AUX | lexicon::PREPOSITION | lexicon::CONNECTOR | lexicon::PHRASE_PREPOSITION) == 0 && d.cue_lemma(a - 1).is_none() && !one_of(d.lower(a - 1), &["the", "a", "an"]) {
                a -= 1;
            }
            // (A name's possessive before them is left to the rule for it below.)
            let proper = |j: usize| d.is_cap(j) && !d.in_class(j, lexicon::COMMON_CAP) && crate::names::strip_possessive(d.tok(j)).len() == d.tok(j).len();
            let compound = a < k && d.is_word(a - 1) && (proper(a - 1) || one_of(d.lower(a - 1), &["the", "a", "an"]));
            if compound {
                // Then the capitals of the name in it and one determiner, no further: a
                // sentence's capitalised first word ("But the same polling") is none of these.
                while a > sent_start && a + MAX_NOUN_MODIFIERS + 2 > k && d.is_word(a - 1) && proper(a - 1) {
                    a -= 1;
                }
                if a > sent_start && d.is_word(a - 1) && one_of(d.lower(a - 1), &["the", "a", "an"]) {
                    a -= 1;
                }
            } else {
                a = k;
            }
            while !compound && a > sent_start && a + 4 > k && d.is_word(a - 1) && d.outer_quote.at(a - 1).is_none() {
                let pw = d.lower(a - 1);
                let modifier = d.is_cap(a - 1) || one_of(pw, &["the", "a", "an", "another", "some", "many", "several", "other", "senior", "top", "local", "federal", "government", "administration", "military", "campaign", "foreign", "western", "two", "three", "most", "both", "his", "her", "their", "its"]);
                // A capitalised preposition opening the sentence ("From the report") is no
                // modifier.
                if !modifier || d.in_class(a - 1, lexicon::AUX | lexicon::PHRASE_PREPOSITION) {
                    break;
                }
                a -= 1;
            }
            // "A Bank of England spokesman", "A Department for Education spokesperson": the
            // modifiers end in a name that starts further back, over its "of" or "for"; the
            // phrase takes it whole (the speaker was "England spokesman").
            if let Some(n) = (a..k).find_map(|j| self.name_at_last.at(j)).filter(|&n| self.names[n].first < a) {
                a = self.names[n].first;
                if a > sent_start && self.word_in(a - 1, &["the", "a", "an"]) {
                    a -= 1;
                }
            }
            // "Mrs. Clinton's presidential campaign said": one lowercase adjective between a
            // name's possessive and the head; the phrase starts where the name does (the
            // speaker was "campaign" alone).
            if a == k && a > sent_start + 1 && d.is_word(a - 1) && d.first_char(a - 1).is_lowercase() && d.classes(a - 1) & (lexicon::AUX | lexicon::PREPOSITION | lexicon::CONNECTOR) == 0 && d.cue_lemma(a - 1).is_none() {
                let owner = a - 2;
                if d.is_cap(owner) && crate::names::strip_possessive(d.tok(owner)).len() != d.tok(owner).len() && d.outer_quote.at(owner).is_none() {
                    let first = self.name_at_last.at(owner).map_or(owner, |n| self.names[n].first);
                    return Some(Src::Nominal(first.max(sent_start), k, kind));
                }
            }
            return Some(Src::Nominal(a, k, kind));
        }
        // "the investor said", "the release added", "his wife had warned": a determiner, at
        // most [`MAX_NOUN_MODIFIERS`] modifiers, and a lowercase noun right before the cue.
        // Not a time ("A USA Today poll released this week found"): it dates the subject.
        if d.first_char(k).is_lowercase() && !d.in_class(k, lexicon::AUX | lexicon::COMMON_CAP | lexicon::TIME_NOUN) {
            let lo = k.saturating_sub(MAX_NOUN_MODIFIERS + 1).max(sent_start);
            for j in (lo..k).rev() {
                if !d.is_word(j) || d.outer_quote.at(j).is_some() {
                    break;
                }
                let jw = d.lower(j);
                if has(PHRASE_OPENERS, jw) || jw == "this" {
                    // "Beck, who has in the past described …", "Trump at the time said", "Trump
                    // in his announcement speech called": after a preposition the phrase is an
                    // adverbial, and the subject stands before it (over auxiliaries).
                    if j > sent_start + 1 && matches!(self.word(j - 1).as_deref(), Some("in" | "at" | "on" | "during" | "since" | "by")) {
                        let mut m = j - 2;
                        while m > sent_start && d.is_word(m) && d.in_class(m, lexicon::AUX) {
                            m -= 1;
                        }
                        return self.source_ending_at(m, sent_start);
                    }
                    let kind = if w.ends_with('s') && !w.ends_with("ss") { EntityKind::Group } else { EntityKind::Unknown };
                    return Some(Src::Nominal(j, k, kind));
                }
                // TITLE_LISTED covers the title modifiers: a word without the bit needs no search.
                if (d.in_class(j, lexicon::COMMON_CAP) && !(d.in_class(j, lexicon::TITLE_LISTED) && has(lexicon::TITLE_MODIFIERS, &jw))) || d.cue_lemma(j).is_some() {
                    break;
                }
            }
        }
        // "a spokesman for the ministry said": the group noun a few words back.
        let lo = k.saturating_sub(6).max(sent_start);
        for g in (lo..k).rev() {
            if !d.is_word(g) || d.outer_quote.at(g).is_some() {
                return None;
            }
            if d.in_class(g, lexicon::GROUP_NOUN) && matches!(self.word(g + 1).as_deref(), Some("for" | "of" | "at" | "with")) {
                let a = if g > sent_start && matches!(self.word(g - 1).as_deref(), Some("a" | "an" | "the")) { g - 1 } else { g };
                return Some(Src::Nominal(a, k, EntityKind::Unknown));
            }
        }
        None
    }

    /// A source starting right at token `k` (inversion: "said Smith", "according to Smith").
    fn source_starting_at(&self, k: usize, sent_end: usize) -> Option<Src> {
        let d = self.doc;
        if k >= sent_end || d.outer_quote.at(k).is_some() {
            return None;
        }
        if let Some(n) = self.name_at_first.at(k) {
            // "said Barclays analyst John Smith": a name before a role noun qualifies the
            // person named after it, who speaks.
            let after = self.names[n].last + 1;
            if self.names[n].class != NameClass::Person && after + 1 < sent_end && is_role_noun(d, after) {
                if let Some(p) = self.name_at_first.at(after + 1).filter(|&p| self.names[p].class == NameClass::Person) {
                    return Some(Src::Name(p));
                }
            }
            return Some(Src::Name(n));
        }
        // "said former Obama adviser David Axelrod": role words before the name.
        // "said undecided Republican voter Stephanie Hooton": after one lowercase modifier.
        let mut j = if self.modifier_before_role(k, sent_end) { k + 1 } else { k };
        while j < sent_end && j < k + 5 && d.is_word(j) && (is_role_noun(d, j) || d.first_char(j).is_uppercase()) {
            if let Some(n) = self.name_at_first.at(j) {
                if self.names[n].class == NameClass::Person && j > k {
                    return Some(Src::Name(n));
                }
            }
            j += 1;
        }
        // "said Monte Shaw, executive director ...": capitalised words the name pass set aside,
        // ending at a comma or the sentence's end, still name the one who speaks.
        if j > k && (k..j).all(|i| d.first_char(i).is_uppercase() && !d.in_class(i, lexicon::COMMON_CAP) && !is_role_noun(d, i))
            && (j >= sent_end || d.is_punct(j, ',') || d.is_punct(j, '.'))
        {
            let kind = if j - k > 1 { EntityKind::Person } else { EntityKind::Unknown };
            return Some(Src::Nominal(k, j - 1, kind));
        }
        let w = self.word(k)?;
        if let Some(p) = lexicon::pronoun(&w) {
            return Some(Src::Pronoun(k, p));
        }
        // "“…,” tweeted another.", "“…,” read one.": the pronoun-like determiner alone ends the
        // sentence or opens an appositive.
        if one_of(w, &["another", "one"]) && (k + 1 >= sent_end || d.is_punct(k + 1, '.') || d.is_punct(k + 1, ',')) {
            return Some(Src::Nominal(k, k, EntityKind::Unknown));
        }
        // "said the Rev. Thomas Boyd": "the" before a titled person's name.
        if w == "the" {
            if let Some(n) = self.name_at_first.at(k + 1).filter(|&n| self.names[n].class == NameClass::Person && self.names[n].title.is_some()) {
                return Some(Src::Name(n));
            }
        }
        // "according to the World Bank", "said the Kremlin": "the" and an organisation's name
        // that ends the phrase name that organisation, one entity with its other mentions ("The
        // World Bank said ..."); as a phrase of its own it became a second speaker beside it.
        // Not when a noun follows the name: "the Clinton campaign" is the campaign.
        if w == "the" {
            if let Some(n) = self.name_at_first.at(k + 1).filter(|&n| self.names[n].class == NameClass::Org) {
                let after = self.names[n].last + 1;
                // "the Florida Department of State": the name pass stops before "of"; the
                // phrase below keeps the whole name.
                let of_name = after + 1 < sent_end && one_of(d.lower(after), &["of", "for"]) && d.first_char(after + 1).is_uppercase();
                let ends = after >= sent_end
                    || !d.is_word(after)
                    || d.in_class(after, lexicon::PREPOSITION | lexicon::AUX)
                    || one_of(d.lower(after), &["and", "or", "who", "which", "that"])
                    || lexicon::cue_lemma(d.lower(after)).is_some();
                if ends && !of_name {
                    return Some(Src::Name(n));
                }
            }
        }
        // "said the woman, who ...", "tweeted a German user from Hanover": a determiner and
        // a noun phrase up to a comma or a relative clause.
        if has(PHRASE_OPENERS, w) {
            let mut j = k + 1;
            let mut last = None;
            while j < sent_end && j < k + 7 && (d.is_word(j) || d.toks[j].kind == Tk::Number) && d.outer_quote.at(j).is_none() {
                let lw = d.lower(j);
                // "according to a study of more than 90,000 adults published ...": a document
                // noun before "of" is the head; what it is of (a number, a crowd) is no source.
                let document_of = lw == "of" && j > k + 1 && d.in_class(j - 1, lexicon::DOC_NOUN);
                if one_of(lw, &["who", "which", "that", "in", "on", "at", "during", "after", "before", "and"])
                    || (j > k + 1 && (lw.ends_with("ed") || lexicon::cue_lemma(&lw).is_some()) && !d.first_char(j).is_uppercase())
                    || document_of
                    || j > k + 1 && participle_before_agent(d, j)
                {
                    break;
                }
                // "described the emotional impact as ''…''", "portrayed his party's nominee as
                // …": a phrase followed by "as" is the object of a describing verb, and one
                // followed by a modal or an auxiliary ("said the candidate could be …", "said
                // his squad had been hit") the subject of the reported clause; neither speaks.
                if one_of(lw, &["as", "could", "would", "will", "can", "should", "must", "may", "might", "is", "was", "are", "were", "has", "have", "had", "been", "does", "did"]) {
                    last = None;
                    break;
                }
                last = Some(j);
                j += 1;
            }
            if let Some(l) = last {
                return Some(Src::Nominal(k, l, self.head_kind(l)));
            }
        }
        // "according to Factcheck.org", "according to recent polling": after "according to"
        // any noun phrase up to the next comma or dash is the source.
        if k >= 2 && self.doc.lower_is(k - 2, "according") {
            let mut j = k;
            while j < sent_end && j < k + 8 && !d.is_punct(j, ',') && !d.is_punct(j, '-') && !d.is_punct(j, '—') && !d.is_punct(j, '.') && d.outer_quote.at(j).is_none() {
                j += 1;
            }
            if j > k {
                let kind = if self.head_kind(j - 1) == EntityKind::Organization { EntityKind::Organization } else { EntityKind::Unknown };
                return Some(Src::Nominal(k, j - 1, kind));
            }
        }
        // "said a spokesman", "according to officials", "according to the report".
        let mut j = k;
        while j < sent_end && j < k + 4 && d.is_word(j) {
            let lw = d.lower(j);
            if d.in_class(j, lexicon::GROUP_NOUN | lexicon::ORG_HEAD) {
                let kind = if lw.ends_with('s') { EntityKind::Group } else { self.head_kind(j) };
                return Some(Src::Nominal(k, j, kind));
            }
            j += 1;
        }
        None
    }

    /// The subject of the sentence: the first name, title or pronoun outside quotations that
    /// does not follow a preposition.
    fn subject(&self, a: usize, b: usize) -> Option<Src> {
        let d = self.doc;
        let b = b.min(a + SUBJECT_WINDOW);
        let mut i = a;
        // Skip a leading conjunction, then a leading adverbial up to its comma ("In a phone
        // call with al-Assad on Monday, the two sides ..."): the subject follows it.
        while i < b && matches!(self.word(i).as_deref(), Some("and" | "but" | "so" | "yet" | "still" | "then")) {
            i += 1;
        }
        i = self.skip_dateline(i, b);
        i = self.skip_opening_adverb(i, b);
        if matches!(self.word(i).as_deref(), Some("in" | "at" | "on" | "after" | "before" | "during" | "when" | "while" | "as" | "since" | "with" | "for" | "from" | "despite" | "although" | "though" | "if" | "because" | "like" | "unlike" | "under" | "over" | "last" | "earlier" | "later" | "unless" | "until" | "once" | "given" | "whether" | "amid" | "whereas")) {
            if let Some(c) = (i..b.min(i + 30)).find(|&k| d.is_punct(k, ',') && d.outer_quote.at(k).is_none()) {
                i = c + 1;
            }
        }
        // "At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders ...", "Speaking
        // in Salem, New Hampshire, Trump ...": the adverbial runs on over the state after its
        // city and over further prepositional chunks, each closed by a comma.
        while i > 1 && i < b && d.is_punct(i - 1, ',') {
            let Some(c) = (i..b.min(i + MAX_ADVERBIAL_CHUNK_TOKENS)).find(|&k| d.is_punct(k, ',') && d.outer_quote.at(k).is_none()) else { break };
            // ", ," (an empty chunk) ends the run.
            if c == i {
                break;
            }
            let text = d.text_of(d.span(i, c - 1));
            let state = d.is_word(i - 2) && d.first_char(i - 2).is_uppercase() && (crate::places::lookup(text).is_some_and(|(_, len)| len == text.len()) || crate::places::us_state(text).is_some());
            let prep = matches!(self.word(i).as_deref(), Some("on" | "in" | "at" | "during" | "last" | "earlier"));
            if !(state || prep) {
                break;
            }
            i = c + 1;
        }
        // A determiner-led noun phrase as subject: "A staffer emailed ...", "The judge then".
        // A place's possessive is such a determiner: "Kenya's finance minister on Tuesday
        // defended ...", where the name pass, which ends a run at a possessive, leaves "Kenya's"
        // without a mention.
        if let Some(w) = self.word(i) {
            let place_possessive = || {
                let bare = crate::names::strip_possessive(d.tok(i));
                d.is_cap(i) && bare.len() < d.tok(i).len() && crate::places::lookup(bare).is_some_and(|(_, len)| len == bare.len())
            };
            if (one_of(w, &["the", "a", "an", "another", "one", "his", "her", "their", "its", "some", "many", "several"]) || place_possessive()) && self.name_at_first.at(i).is_none() {
                let mut j = i + 1;
                let mut last = None;
                // A place or organisation name may modify the head ("The Florida senator", "The
                // Clinton campaign"); a person's name ends the phrase.
                // So may a person's name right before a lowercase noun ("The Rove ad hits").
                let modifier_name = |j: usize| {
                    self.name_at_first.at(j).filter(|&n| {
                        let after = self.names[n].last + 1;
                        after < b && (self.names[n].class != NameClass::Person || (d.is_word(after) && d.first_char(after).is_lowercase() && !self.cue_word_at(after) && !d.in_class(after, lexicon::AUX)))
                    })
                };
                while j < b && j < i + 5 && d.is_word(j) && (self.name_at_first.at(j).is_none() || modifier_name(j).is_some()) {
                    if let Some(n) = modifier_name(j) {
                        // "The Florida senator": the title is the head, and names the person.
                        if self.names[n].class == NameClass::Title {
                            return Some(Src::Name(n));
                        }
                        j = self.names[n].last + 1;
                        continue;
                    }
                    let lw = d.lower(j);
                    // One probe for the cue lemma and both lists.
                    let lx = lexicon::lex(&lw);
                    if lx.is_cue() || lx.classes & (lexicon::AUX | lexicon::COMMON_CAP) != 0 || lw.ends_with("ed") {
                        break;
                    }
                    last = Some(j);
                    j += 1;
                }
                if let Some(l) = last {
                    // Only a person-like head makes a speaking subject ("the judge", not "the
                    // market"): group nouns, titles and any noun followed by a verb-like word.
                    let head = d.lower(l);
                    // So is one that a "who" or "whose" clause describes ("The Romanian hacker
                    // whose cyber-mischief first revealed that ... pleaded guilty"): those
                    // relatives stand for people (and firms), who speak; the subject was the
                    // name inside the clause.
                    if d.in_class(l, lexicon::GROUP_NOUN | lexicon::TITLE | lexicon::PERSON_NOUN) || self.word_in(l + 1, &["who", "whose"]) {
                        let kind = if head.ends_with('s') { EntityKind::Group } else { EntityKind::Unknown };
                        return Some(Src::Nominal(i, l, kind));
                    }
                    // "The town released a statement", "The ad targets ...", "Her campaign
                    // quickly blasted out an email": a determiner-led phrase that opens the
                    // sentence and is followed by its verb is the sentence's subject. A clear
                    // verb decides first; a form in -s ("targets") only when none follows.
                    let ends = |strong: bool| (i + 1..=l).find(|&e| self.verb_after(e, b, strong));
                    if let Some(e) = ends(true).or_else(|| ends(false)) {
                        let kind = if d.lower(e).ends_with('s') { EntityKind::Group } else { EntityKind::Unknown };
                        return Some(Src::Nominal(i, e, kind));
                    }
                }
            }
        }
        let a = i;
        while i < b {
            if d.outer_quote.at(i).is_some() {
                i += 1;
                continue;
            }
            // A "the" that opens the clause belongs to the name after it ("The Trayvon Martin
            // Foundation did not want to address “that person”"): that name is the subject.
            // Not a heading before a colon ("The Latest: Trump delivers ...").
            // Nor a possessive ("The Blaze's Matt Walsh"), which modifies the subject, nor a
            // word of unknown kind ("The Persians call it ...": a people, not a speaker).
            let opening_the = i == a + 1 && d.lower(a) == "the" && self.name_at_first.at(i).is_some_and(|n| self.names[n].class != NameClass::Unknown && !d.is_punct(self.names[n].last + 1, ':') && !self.possessive(Src::Name(n)));
            let after_prep = i > a && !opening_the && d.is_word(i - 1) && one_of(d.lower(i - 1), &["with", "to", "by", "from", "for", "of", "on", "in", "at", "about", "against", "between", "among", "a", "an", "the"]);
            if let Some(n) = self.name_at_first.at(i) {
                // "Republican front-runner Donald Trump": a name used as a modifier before a
                // role noun and a person's name is not the subject; the person is.
                let after = self.names[n].last + 1;
                let role_then_name = (after..(after + 3).min(b))
                    .take_while(|&k| d.is_word(k) && !d.first_char(k).is_uppercase())
                    .all(|k| is_role_noun(d, k))
                    && (after + 1..(after + 4).min(b)).any(|k| self.name_at_first.at(k).is_some_and(|m| self.names[m].class == NameClass::Person))
                    && d.is_word(after)
                    && !d.first_char(after).is_uppercase();
                if !after_prep && !role_then_name {
                    return Some(Src::Name(n));
                }
                i = self.names[n].last + 1;
                continue;
            }
            if let Some(w) = self.word(i) {
                if let Some(p) = lexicon::pronoun(&w) {
                    // An expletive "it" ("It was Mr. Obama's lyrical rejection of “…”", "It's
                    // become such a presence that Sanders thanked ...", "it seems") holds no
                    // one's place: the subject is looked for further on.
                    let expletive = w == "it"
                        && (matches!(self.word(i + 1), Some("is" | "was" | "seems" | "seemed" | "appears" | "appeared") | Some("’s" | "'s"))
                            || (i + 1 < b && !d.toks[i + 1].space_before && matches!(d.first_char(i + 1), '\'' | '’')));
                    if !expletive {
                        return Some(Src::Pronoun(i, p));
                    }
                }
            }
            i += 1;
        }
        None
    }

    /// The subject of a verb that governs the quotation opening at token `open` directly: the
    /// verb stands at most a few words before the quotation, with no clause break between, and
    /// its subject right before it ("who he dubbed “the little senator”", "when she called him
    /// “somebody's savage grandpa”", "the protesters chanted “...”"). The quotation is that
    /// verb's object, so its subject is the source, not the first name of the sentence (PolNeAR
    /// marks the subject of the governing verb). A subject inside a reported clause ("said
    /// that Trump is “...”") is left to the cue that reports it.
    fn governing_subject(&self, a: usize, open: usize) -> Option<Src> {
        let d = self.doc;
        let mut k = open;
        // One comma or colon may introduce the quotation ("had posted: “...”").
        if k > a && (d.is_punct(k - 1, ',') || d.is_punct(k - 1, ':')) {
            k -= 1;
        }
        let lo = a.max(k.saturating_sub(MAX_GOVERNED_GAP + 1));
        let v = (lo..k).rev().find(|&v| self.strong_verb(v))?;
        if (v + 1..k).any(|i| !d.is_word(i) || one_of(d.lower(i), &["that", "whether", "if", "how", "why", "because"])) {
            return None;
        }
        // The subject right before the verb, over auxiliaries and adverbs. A form of "be"
        // before a past participle makes a passive or an adjective ("was biased", "were
        // obligated"): its subject says nothing.
        let mut s = v;
        let mut passive = false;
        while s > a && v - s < MAX_AUX_RUN && d.is_word(s - 1) {
            let w = d.lower(s - 1);
            if one_of(w, &["is", "was", "are", "were", "be", "been", "being"]) {
                passive = true;
            } else if !d.in_class(s - 1, lexicon::AUX) && !one_of(w, &["has", "have", "had"]) {
                break;
            }
            s -= 1;
        }
        if s == a || passive {
            return None;
        }
        // "Her party's spokesman, who asked not to be named, called the plan “…”": the subject
        // stands before a relative clause set off by commas.
        if s - 1 > a && d.is_punct(s - 1, ',') {
            let lo = (s - 1).saturating_sub(MAX_APPOSITIVE).max(a);
            if let Some(c) = (lo..s - 1).rev().find(|&c| d.is_punct(c, ',') || d.mark[c]) {
                if c > a && d.is_punct(c, ',') && self.word_in(c + 1, &["who", "which"]) {
                    s = c;
                }
            }
        }
        let src = self.source_ending_at(s - 1, a)?;
        if self.possessive(src) {
            return None;
        }
        // "a memo titled", "a film called", "an order signed": a naming or marking participle
        // right after an unnamed thing modifies it. After people ("the protesters chanted")
        // and for other verbs ("a young boy shouted") it is the noun's own verb.
        if let Src::Nominal(_, l, _) = src {
            let head = d.lower(l);
            let people = d.in_class(l, lexicon::GROUP_NOUN | lexicon::TITLE | lexicon::PERSON_NOUN)
                || head.ends_with("ers")
                || head.ends_with("ists");
            // A hyphenated word before a form in -ed is an adjective run ("his out-of-print
            // unauthorized biography"), not a subject and its verb.
            if !self.nominal_is_np(src) || (s == v && !people && (has(NAMING_PARTICIPLES, &d.lower(v)) || d.tok(l).bytes().any(|b| b == b'-'))) {
                return None;
            }
        }
        let first = match src {
            Src::Name(n) => self.names[n].first,
            Src::Pronoun(t, _) => t,
            Src::Nominal(f, _, _) => f,
        };
        // After a preposition it is no subject ("with al-Assad"); after "that" or a cue it
        // opens a reported clause; after "what", unless the verb names the quotation ("what
        // he called ''…''"), it is a free relative that is the object of another verb ("called
        // what she witnessed ''terrible''").
        if first > a {
            if let Some(w) = self.word(first - 1) {
                if one_of(w, &["that", "of", "with", "to", "by", "for", "from", "on", "in", "at", "about", "against"])
                    || (w == "what" && !d.in_class(v, lexicon::NAMING_VERB))
                    || lexicon::cue_lemma(&w).is_some()
                {
                    return None;
                }
            }
        }
        Some(src)
    }

    /// The subject of a participle a few words before the quotation at `open`, in the absolute
    /// construction "with X -ing" ("with Sen. John McCain calling it a “Chinese menu”"): X, the
    /// participle's own subject, whatever cue the sentence has elsewhere.
    fn absolute_governing(&self, a: usize, open: usize) -> Option<Src> {
        let d = self.doc;
        let lo = a.max(open.saturating_sub(MAX_GOVERNED_GAP + 1));
        let v = (lo..open).rev().find(|&v| d.first_char(v).is_lowercase() && self.word(v).is_some_and(|w| w.len() > 4 && w.ends_with("ing")))?;
        if !(v + 1..open).all(|i| d.is_word(i)) {
            return None;
        }
        self.with_absolute(v, a)
    }

    /// The subject of "as X put it" opening the sentence (after a conjunction): "As Akhil
    /// Amar, professor of law, put it, ''…''". Looks [`OPENING_ADVERBIAL_TOKENS`] tokens ahead.
    fn as_x_put_it(&self, a: usize, open: usize) -> Option<Src> {
        let mut i = a;
        if matches!(self.word(i).as_deref(), Some("or" | "and" | "but" | "so")) {
            i += 1;
        }
        if self.word(i).as_deref() != Some("as") {
            return None;
        }
        let lim = open.min(i + OPENING_ADVERBIAL_TOKENS);
        let Some(put) = (i + 2..lim).find(|&k| matches!(self.word(k).as_deref(), Some("put" | "puts")) && self.doc.lower_is(k + 1, "it")) else {
            // "As the Rainmakers sang back in the 1980s, “…”": any past verb of a named subject
            // or a personal pronoun, in an "as" clause that ends with its comma at the quote.
            let d = self.doc;
            if open < i + 3 || open - i > OPENING_ADVERBIAL_TOKENS || !d.is_punct(open - 1, ',') || (i + 1..open - 1).any(|k| d.is_punct(k, ',') || d.mark[k]) {
                return None;
            }
            let v = (i + 2..open - 1).find(|&k| self.strong_verb(k))?;
            return self.source_before(v, i + 1).filter(|s| match *s {
                Src::Name(n) => self.names[n].first == i + 1 || (self.names[n].first == i + 2 && self.doc.lower_is(i + 1, "the")),
                Src::Pronoun(t, k) => t == i + 1 && matches!(k, PronounKind::Male | PronounKind::Female | PronounKind::Plural),
                Src::Nominal(..) => false,
            });
        };
        // "As Akhil Amar, professor of law at Yale, put it": the name right after "as" is the
        // subject the appositive describes.
        if let Some(n) = self.name_at_first.at(i + 1) {
            if self.names[n].class != NameClass::Title && (self.names[n].last + 1 == put || self.doc.is_punct(self.names[n].last + 1, ',')) {
                return Some(Src::Name(n));
            }
        }
        self.source_before(put, i + 1)
    }

    /// Is the word after token `e` (over adverbs like "also", "quickly") the verb of a noun
    /// phrase ending at `e`? `strong`: a clear verb only; else also a form in -s ("targets").
    /// Not a copula ("The place is the townhome"), nor the participle of a passive ("The
    /// question posed by ...").
    fn verb_after(&self, e: usize, b: usize, strong: bool) -> bool {
        let d = self.doc;
        let mut v = e + 1;
        while v < b && v - e <= MAX_AUX_RUN && d.is_word(v) && (d.in_class(v, lexicon::AUX) || d.lower(v).ends_with("ly")) {
            v += 1;
        }
        if v >= b || !d.is_word(v) || !d.first_char(v).is_lowercase() {
            return false;
        }
        let vw = d.lower(v);
        // "is telling", "has said": an auxiliary before a participle is the verb group.
        if one_of(vw, &["is", "was", "are", "were", "has", "had", "have"]) {
            return self.word(v + 1).is_some_and(|w| (w.ends_with("ing") && w.len() > 4) || lexicon::cue_lemma(&w).is_some());
        }
        if d.in_class(v, lexicon::RAISING_VERB) || vw == "does" || self.doc.lower_is(v + 1, "by") {
            return false;
        }
        if strong {
            self.strong_verb(v)
        } else {
            vw.len() > 3 && vw.ends_with('s') && !vw.ends_with("ss") && !vw.ends_with("us")
        }
    }

    /// The source of a byline ending right before the colon at token `colon`: a name or a
    /// document that opens the sentence, or follows a dash or "from" ("... - Carl Bialik:").
    fn byline_before(&self, colon: usize, a: usize) -> Option<Src> {
        let d = self.doc;
        let src = self.source_ending_at(colon - 1, a)?;
        let first = match src {
            Src::Name(n) => {
                if self.names[n].class == NameClass::Title {
                    return None;
                }
                // "Mark Blumenthal and Jon Cohen:": the pair before the colon.
                let f = self.names[n].first;
                match f.checked_sub(2) {
                    Some(p) if p >= a && self.doc.lower_is(f - 1, "and") => self.name_at_last.at(p).map_or(f, |m| self.names[m].first),
                    _ => f,
                }
            }
            Src::Nominal(f, l, _) if d.in_class(l, lexicon::DOC_NOUN) => f,
            _ => return None,
        };
        let opens = first <= a
            || d.is_punct(first - 1, '-')
            || d.is_punct(first - 1, '—')
            || d.is_punct(first - 1, '–')
            || self.doc.lower_is(first - 1, "from");
        opens.then_some(src)
    }

    /// A signature after a quote that closes its paragraph: the next paragraph opens with a
    /// dash and a name ("- Hillary Clinton.", "—Michelle Marks, Philadelphia."). Looks at most
    /// [`MAX_SIGNATURE_GAP`] tokens ahead.
    fn signature_after(&self, close: usize) -> Option<Src> {
        let d = self.doc;
        let n = d.toks.len();
        let mut k = close + 1;
        while k < n && k <= close + MAX_SIGNATURE_GAP && d.para[k] == d.para[close] {
            if !d.is_punct(k, '.') {
                return None;
            }
            k += 1;
        }
        if k + 1 >= n || d.para[k] != d.para[close] + 1 || !(d.is_punct(k, '-') || d.is_punct(k, '—') || d.is_punct(k, '–')) {
            return None;
        }
        let n = self.name_at_first.at(k + 1)?;
        matches!(self.names[n].class, NameClass::Person | NameClass::Unknown).then_some(Src::Name(n))
    }

    /// A word that is a finite verb more often than anything else: a speech cue, an object
    /// cue, a past form in -ed or a common irregular past; no participle in -ing.
    fn strong_verb(&self, i: usize) -> bool {
        let d = self.doc;
        if !d.is_word(i) || !d.first_char(i).is_lowercase() || d.outer_quote.at(i).is_some() {
            return false;
        }
        let w = d.lower(i);
        // A participle ("stating", "saying") has no subject of its own right before it.
        if w.ends_with("ing") {
            return false;
        }
        (d.cue_lemma(i).is_some() && !d.in_class(i, lexicon::NOUNISH_FORM))
            || d.classes(i) & (lexicon::OBJECT_CUE | lexicon::OBJECT_NOUNISH_FORM) == lexicon::OBJECT_CUE
            || (w.len() > 4 && w.ends_with("ed"))
            || d.in_class(i, lexicon::IRREGULAR_PAST)
    }

    /// An unnamed source that is a plain noun phrase ("the protesters", "one of her ads"), not a
    /// bare capitalised word.
    fn nominal_is_np(&self, src: Src) -> bool {
        match src {
            Src::Nominal(f, l, _) => l > f || !self.doc.first_char(f).is_uppercase(),
            _ => true,
        }
    }

    /// A source written as a possessive ("Trump's comments"): a modifier, not a subject.
    fn possessive(&self, src: Src) -> bool {
        let d = self.doc;
        let last = match src {
            Src::Name(n) => self.names[n].last,
            Src::Pronoun(t, _) => t,
            Src::Nominal(_, l, _) => l,
        };
        let w = d.tok(last);
        w.ends_with("'s") || w.ends_with("’s") || w.ends_with('\'') || w.ends_with('’')
            || (last + 1 < d.toks.len() && !d.toks[last + 1].space_before && matches!(d.first_char(last + 1), '\'' | '’'))
    }

    /// The first token after a dateline that opens a sentence ("NEW YORK - ", "JACKSON, Miss.
    /// - ", "WASHINGTON, June 10 (UPI) — "): words, commas, dots, numbers and a parenthesis,
    /// the first word in capitals, up to a dash within [`MAX_DATELINE_TOKENS`] tokens.
    fn skip_dateline(&self, i: usize, b: usize) -> usize {
        let d = self.doc;
        // "Washington (AFP) – ...": a place in ordinary case, the agency in brackets and a dash.
        let dash = |k: usize| d.is_punct(k, '-') || d.is_punct(k, '—') || d.is_punct(k, '–');
        if i < b && d.is_cap(i) {
            let lim = b.min(i + MAX_DATELINE_TOKENS);
            if let Some(open) = (i + 1..lim).take_while(|&k| d.is_cap(k) || d.is_punct(k, ',') || d.is_punct(k, '(')).find(|&k| d.is_punct(k, '(')) {
                let agency = d.is_word(open + 1) && d.tok(open + 1).chars().all(|c| !c.is_lowercase());
                if agency && open + 3 < b && d.is_punct(open + 2, ')') && dash(open + 3) {
                    return open + 4;
                }
            }
        }
        if i >= b || !d.is_word(i) || !d.tok(i).chars().all(|c| !c.is_lowercase()) || d.tok(i).chars().count() < 2 {
            return i;
        }
        let lim = b.min(i + MAX_DATELINE_TOKENS);
        for k in i + 1..lim {
            if d.is_punct(k, '-') || d.is_punct(k, '—') || d.is_punct(k, '–') {
                return k + 1;
            }
            let ok = d.is_word(k) || d.toks[k].kind == Tk::Number || d.is_punct(k, ',') || d.is_punct(k, '.') || d.is_punct(k, '(') || d.is_punct(k, ')');
            if !ok || d.outer_quote.at(k).is_some() {
                return i;
            }
        }
        i
    }

    /// The first token after a capitalised adverb or participle that opens a sentence and is
    /// no name ("Thus, ...", "Immediately after the attacks, Trump ...", "Speaking on CNBC,
    /// Mr. Ubben ...", "Fifteen minutes after ..., Podesta ..."): up to its comma when one
    /// follows, else past the word. Returns `i` when the sentence opens otherwise.
    fn skip_opening_adverb(&self, i: usize, b: usize) -> usize {
        let d = self.doc;
        if i >= b || !d.is_word(i) || !d.first_char(i).is_uppercase() {
            return i;
        }
        if let Some(n) = self.name_at_first.at(i) {
            if self.names[n].class == NameClass::Person || self.names[n].last > i {
                return i;
            }
        }
        let w = d.lower(i);
        let next = self.word(i + 1);
        let time_noun = |x: &str| one_of(x, &["seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"]);
        let adverb = d.in_class(i, lexicon::SENTENCE_ADVERB)
            || (w.len() > 4 && (w.ends_with("ly") || w.ends_with("ing")))
            || (w.len() > 4 && w.ends_with("ed") && !d.is_punct(i + 1, ',') && next.is_some())
            || next.as_deref().is_some_and(time_noun)
            || (time_noun(&w) && matches!(next.as_deref(), Some("later" | "earlier" | "after" | "before" | "ago")));
        if !adverb {
            return i;
        }
        let lim = b.min(i + OPENING_ADVERBIAL_TOKENS);
        match (i + 1..lim).find(|&k| d.is_punct(k, ',') && d.outer_quote.at(k).is_none()) {
            Some(c) => c + 1,
            None => i + 1,
        }
    }

    /// A subject that can say things: a person or organisation name, a title, a pronoun.
    fn is_speaker_like(&self, src: Src) -> bool {
        match src {
            Src::Pronoun(..) => true,
            // An unknown capitalised name as a subject is a person far more often than not.
            Src::Name(_) => true,
            // subject() returns only people, groups and documents as unnamed subjects.
            Src::Nominal(..) => true,
        }
    }

    /// Resolves the source of a cue inside the reported clause of another cue that holds quote
    /// `q`. "Trump said Sunday that he believed ... “admits this is a problem”": a pronoun that
    /// opens the complement clause ("said that he", "said he") and takes up the speaker of the
    /// clause around it adds no new source; the quote belongs to that outer attribution and
    /// its mention; so does one after "that even", after the cue's comma ("said, she found")
    /// or after a "because" inside the report. A pronoun of another adverbial or of a relative
    /// clause ("although he", "whom he") keeps its own mention.
    fn resolve_within(&mut self, src: Src, q: usize, a: usize) -> (Option<usize>, Span) {
        let d = self.doc;
        let mut who = self.resolve(src);
        if let (Src::Pronoun(t, p), Some((e, sp))) = (src, self.direct_speaker[q]) {
            let opens_complement = t > a && self.word(t - 1).is_some_and(|w| w == "that" || lexicon::cue_lemma(&w).is_some());
            // "acknowledged that even she found ...", "Ms. Ripert said, she found ...",
            // "saying she hadn't ... because she believed “…”": an adverb after "that", a
            // comma after the cue, or a "because" of the reported clause still continue it.
            let continues = t > a + 1
                && ((self.word(t - 1).is_some_and(|w| one_of(w, &["even", "also", "still"])) && self.doc.lower_is(t - 2, "that"))
                    || (d.is_punct(t - 1, ',') && self.cue_word_at(t - 2))
                    || self.doc.lower_is(t - 1, "because"));
            if p != PronounKind::Relative && who.0 == Some(e) && (opens_complement || continues) {
                who.1 = sp;
            }
        }
        who
    }

    /// The subject of a participle in the absolute construction "with X -ing": the source
    /// right before the participle, when "with" opens it.
    fn with_absolute(&self, cue: usize, a: usize) -> Option<Src> {
        let src = self.source_before(cue, a)?;
        let (first, last) = match src {
            Src::Name(n) => (self.names[n].first, self.names[n].last),
            Src::Pronoun(..) => return None,
            Src::Nominal(f, l, _) => (f, l),
        };
        // No comma between ("a meeting planned with Trump, adding: ..." is no absolute).
        let adjacent = (last + 1..cue).all(|i| self.doc.is_word(i) && self.doc.in_class(i, lexicon::AUX));
        (adjacent && first > a && self.doc.lower_is(first - 1, "with")).then_some(src)
    }

    /// The entity a source would resolve to, without recording anything.
    fn peek_entity(&self, src: Src) -> Option<usize> {
        match src {
            Src::Name(n) => self.reg.of_name[n],
            Src::Pronoun(_, PronounKind::Relative) => None,
            Src::Pronoun(t, p) => self.reg.placed_at(t).or_else(|| self.reg.antecedent(self.doc, t, p)),
            Src::Nominal(..) => None,
        }
    }

    /// Resolves a source to (entity, mention span), adding the mention to the entity.
    fn resolve(&mut self, src: Src) -> (Option<usize>, Span) {
        let d = self.doc;
        let span = src.span(d, self.names);
        match src {
            Src::Name(i) => {
                let kind = if self.names[i].class == NameClass::Org { EntityKind::Organization } else { EntityKind::Person };
                let e = self.reg.speaker_entity(d, self.names, Some(i), span, kind);
                self.reg.mark_speaker(self.names[i].first);
                (Some(e), span)
            }
            Src::Pronoun(t, PronounKind::Relative) => {
                // "Smith, who said ...": the name right before the (comma and) relative.
                let mut k = t.saturating_sub(1);
                if d.is_punct(k, ',') && k > 0 {
                    k -= 1;
                }
                let e = self.name_at_last.at(k).map(|n| {
                    let kind = if self.names[n].class == NameClass::Org { EntityKind::Organization } else { EntityKind::Person };
                    self.reg.speaker_entity(d, self.names, Some(n), self.names[n].span, kind)
                });
                if let Some(e) = e {
                    self.reg.add_unplaced_pronoun(span, e);
                }
                (e, span)
            }
            Src::Pronoun(t, p) => {
                // Already resolved (an interrupted quote's second half names the same "he").
                if let Some(e) = self.reg.placed_at(t) {
                    return (Some(e), span);
                }
                let e = self.reg.antecedent(d, t, p);
                if let Some(e) = e {
                    self.reg.add_pronoun(d, t, span, e, p);
                }
                (e, span)
            }
            // A phrase that names an organisation known already is that organisation: one
            // entity, one colour (`nominal_org`).
            Src::Nominal(a, e, kind) => {
                // "His lawyer, Susan Ortiz, had asked for ..., arguing that": a person's name in
                // apposition after a phrase headed by a noun for a person is the one the phrase
                // describes, who speaks: the phrase is a mention of her (the participle's subject
                // was "His lawyer", a second speaker beside her). Not after other nouns:
                // "According to an FBI summary, Cheryl Mills, a top aide, sent ...".
                // The name may end the sentence when the phrase follows its cue ("“…,” said its
                // chief executive, Oliver Blume."): the same apposition, inverted.
                let apposed = self.name_at_first.at(e + 2).filter(|&n| {
                    let after = self.names[n].last + 1;
                    d.is_punct(e + 1, ',')
                        && self.names[n].class == NameClass::Person
                        && (d.is_punct(after, ',') || d.is_punct(after, '.') || after >= d.toks.len())
                        && (d.in_class(e, lexicon::PERSON_NOUN) || d.title_head(e).is_some())
                });
                if let Some(n) = apposed {
                    let ent = self.reg.speaker_entity(d, self.names, Some(n), self.names[n].span, EntityKind::Person);
                    self.reg.add_nominal(ent, span);
                    return (Some(ent), span);
                }
                match self.nominal_org(a, e) {
                    Some(ent) => {
                        self.reg.add_nominal(ent, span);
                        (Some(ent), span)
                    }
                    None => self.resolve_nominal(a, e, kind, span),
                }
            }
        }
    }

    /// [`Attributor::resolve`] of an unnamed source, the phrase of tokens `a..=e`.
    fn resolve_nominal(&mut self, a: usize, e: usize, kind: EntityKind, span: Span) -> (Option<usize>, Span) {
        let d = self.doc;
        match self.title_headed(a, e) {
            // A long noun phrase ("statements published on the website of ...") names a source
            // for this quote only; it gets no entity of its own (and no colour).
            // Unless a title heads it ("A spokeswoman for the Federal Reserve Bank of New York"):
            // that is one person, who may speak again ("the spokeswoman said").
            Some(h) => {
                let ent = self.reg.speaker_entity(d, self.names, None, span, kind);
                self.reg.hold_title(d, a, ent, h, h);
                (Some(ent), span)
            }
            // So is a group of people named by its head ("Health officials in Buenos
            // Aires"): one group, however long.
            // So is "A Department for Education spokesperson": one person, whose phrase is
            // long by the name of the body in it.
            None if self.more_words_than(a, e + 1, MAX_NOMINAL_ENTITY_WORDS) && !self.people_headed(a, e) && !self.named_body_member(a, e) => (None, span),
            None => {
                let ent = self.reg.speaker_entity(d, self.names, None, span, kind);
                // "Germany's economy minister warned ... The minister said", "its chief
                // executive": a short phrase headed by a title holds that title, so that the title
                // alone later is the same person (news style's second reference), not a second
                // speaker. The title is the phrase's lowercase words after its determiner.
                // Not a courtesy title, which a name follows ("the younger Mr. Trump", cut at
                // the dot).
                let courtesy = |h: &str| one_of(h, &["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord"]);
                // Led by a determiner or a possessive: the entity is placed at the phrase's first
                // token, which must be no pronoun that resolves on its own ("he Syrian
                // President", a cut text that the property tests made).
                let determiner = |k: usize| self.det_at(k);
                let possessive = |k: usize| d.is_possessive(k);
                if let Some(h) = d.title_head(e).filter(|&h| (determiner(a) || possessive(a)) && !courtesy(h) && !self.more_words_than(a, e + 1, MAX_NOMINAL_ENTITY_WORDS)) {
                    let mut title = String::new();
                    for k in a..=e {
                        if d.is_word(k) && !d.is_cap(k) && !determiner(k) && !possessive(k) {
                            if !title.is_empty() {
                                title.push(' ');
                            }
                            title.push_str(d.lower(k));
                        }
                    }
                    if !title.is_empty() {
                        self.reg.hold_title(d, a, ent, &title, h);
                    }
                }
                // "The suspect's mother told The Arizona Republic ... “…,” she said": a
                // person named by a noun of one sex is someone a later "she" or "he" may
                // mean (as an unknown, the pronoun went past her to the mayor before).
                let g = d.lower(e);
                let gender = if has(FEMALE_NOUNS, g) { Some(Gender::Female) } else if has(MALE_NOUNS, g) { Some(Gender::Male) } else { None };
                if let Some(g) = gender {
                    self.reg.place_person(d, a, ent, g);
                }
                (Some(ent), span)
            }
        }
    }

    /// The organisation entity that the phrase of tokens `a..=e` names: "the group" right after
    /// an organisation spoke ([`Attributor::generic_body`]), or a phrase ending in an
    /// organisation's name that a lowercase noun describes
    /// ([`Attributor::names_org_in_apposition`]).
    fn nominal_org(&self, a: usize, e: usize) -> Option<usize> {
        if e == a + 1 {
            if let Some(ent) = self.generic_body(a) {
                return Some(ent);
            }
        }
        if self.names_org_in_apposition(a, e) {
            return self.name_at_last.at(e).and_then(|n| self.reg.of_name[n]);
        }
        // "according to a statement from NATO", "a letter by Smith": a document's source is
        // the one who speaks through it.
        self.name_at_last.at(e).filter(|&n| {
            let f = self.names[n].first;
            f >= a + 2 && self.word_in(f - 1, &["from", "by"]) && self.doc.is_word(f - 2) && self.doc.in_class(f - 2, lexicon::DOC_NOUN)
        })
        .and_then(|n| self.reg.of_name[n])
    }

    /// The organisation that `a`, "the", and the generic noun after it ("the group", "the
    /// company", "the chipmaker") refer back to: the last organisation named by a name to
    /// speak, in the sentence of `a` or the one before.
    fn generic_body(&self, a: usize) -> Option<usize> {
        let d = self.doc;
        // The nouns that news text uses for a firm or a body it has just named; "-maker" for
        // the trade nouns ("the chipmaker", "the carmaker"; not "the lawmaker").
        let refers = |w: &str| {
            one_of(w, &["agency", "airline", "bank", "company", "conglomerate", "firm", "group", "insurer", "institute", "lender", "manufacturer", "ministry", "organisation", "organization", "retailer", "union"]) || crate::names::firm_maker(w)
        };
        if self.word(a) != Some("the") || !self.word(a + 1).is_some_and(refers) {
            return None;
        }
        // The last organisation to speak by name, in this sentence or the one before: quotes of
        // others may stand between ("demand for its chips showed no sign of slowing. The
        // chipmaker said"). A body named by a noun phrase is no antecedent ("According to the
        // interior ministry, ... said the union" are two bodies).
        // At most MAX_ANTECEDENT_QUOTES of them: a sentence without end, one "the company
        // said" after another, walked back over every quote before each (cubic: 8,000 of them
        // took 100 s).
        for q in self.quotes.iter().rev().take(MAX_ANTECEDENT_QUOTES) {
            let said = d.toks.partition_point(|t| t.span().start < q.span.start);
            let back = d.sent_of(a).saturating_sub(d.sent_of(said.min(d.toks.len().saturating_sub(1))));
            if back > 1 {
                break;
            }
            if let Some(e) = q.speaker.filter(|&e| self.reg.ents[e].kind == EntityKind::Organization && self.reg.ents[e].named) {
                return Some(e);
            }
        }
        // Failing that, the last organisation named earlier in this sentence, speaking or not
        // ("Shares of Nissan fell after the company said"), within MAX_ORG_LOOK_BACK tokens.
        let from = d.sentence_of(a).0.max(a.saturating_sub(MAX_ORG_LOOK_BACK));
        (from..a).rev().find_map(|k| {
            let n = self.name_at_last.at(k).filter(|&n| self.names[n].class == NameClass::Org)?;
            self.reg.of_name[n]
        })
    }

    /// The phrase of tokens `a..=e` ends in an organisation's name that a lowercase noun
    /// describes ("the Spanish news agency EFE"), and no title heads it ("A spokeswoman for the
    /// Federal Reserve Bank of New York" is a person).
    fn names_org_in_apposition(&self, a: usize, e: usize) -> bool {
        let d = self.doc;
        self.name_at_last.at(e).is_some_and(|n| {
            let f = self.names[n].first;
            self.names[n].class == NameClass::Org
                && f > a
                && self.reg.of_name[n].is_some()
                && d.is_word(f - 1)
                && d.first_char(f - 1).is_lowercase()
                && !d.in_class(f - 1, lexicon::PREPOSITION)
        }) && self.title_headed(a, e).is_none()
    }

    /// A raising verb: the clause around it, subject included, is the content; nobody is
    /// named as its source.
    fn raising(&mut self, cue: Cue, a: usize, b: usize) {
        let d = self.doc;
        // The clause starts after the last comma before the cue, or at the sentence start; a
        // raising verb deep in a long clause is more likely part of something else.
        let lo = cue.first.saturating_sub(15).max(a);
        let start = (lo..cue.first).rev().find(|&k| d.is_punct(k, ',') && d.outer_quote.at(k).is_none()).map_or(a, |k| k + 1);
        if cue.first - start > 12 {
            return;
        }
        // "Officials warned that more rain is expected": the passive is inside the clause that
        // another cue reports, which holds it; from the sentence's start it reported the whole
        // sentence, cue and speaker included, with no one as its source.
        if (start + 1..cue.first).any(|k| self.doc.lower_is(k, "that") && d.cue_lemma(k - 1).is_some()) {
            return;
        }
        let end = self.clause_end(cue.last + 1, b);
        if end <= start || !self.more_words_than(start, end, MIN_CONTENT_WORDS - 1) || (start..end).any(|k| d.outer_quote.at(k).is_some()) {
            return;
        }
        // A passive's agent speaks: "was declared the winner ... by news organizations".
        let agent = if cue.lemma == "passive" {
            (cue.last + 1..end).find(|&k| self.doc.lower_is(k, "by")).and_then(|k| self.source_starting_at(k + 1, b))
        } else {
            None
        };
        let (speaker, speaker_mention) = match agent {
            Some(src) => {
                let who = self.resolve(src);
                (who.0, Some(who.1))
            }
            None => (None, None),
        };
        self.quotes.push(Quote {
            span: d.span(start, end - 1),
            kind: QuoteKind::Indirect,
            speaker,
            speaker_mention,
            cue: Some(d.span(cue.first, cue.last)),
            continues: None,
        });
    }

    /// The end (exclusive token) of a reported clause starting at `from`, within [.., b).
    fn clause_end(&self, from: usize, b: usize) -> usize {
        let d = self.doc;
        let b = b.min(from + MAX_CLAUSE_TOKENS);
        let mut i = from;
        while i < b {
            if d.outer_quote.at(i).is_some() {
                // Quoted words inside the clause belong to it, unless the quote follows a comma
                // (", “whose main objective …”": a separate piece of speech).
                let q = &d.quotes[d.outer_quote.at(i).unwrap_or(0)];
                if q.open == i && i > from && d.is_punct(i - 1, ',') {
                    return i - 1;
                }
                i = q.close.map_or(b, |c| c + 1);
                continue;
            }
            // Each token's tests by its kind: the punctuation's, then the words'.
            let t = &d.toks[i];
            if t.kind == Tk::Punct && matches!(t.first, ';' | ':' | '—') {
                return i;
            }
            if t.kind == Tk::Punct && t.first == ',' {
                if let Some(w) = self.word(i + 1) {
                    // ", leading authorities to question ...", ", casting him as ...": a
                    // participial adjunct of the main clause ends the reported one.
                    let participle = w.ends_with("ing") && w.len() > 5 && d.first_char(i + 1).is_lowercase() && !one_of(w, &["including", "excluding", "during", "notwithstanding"]);
                    // ", and they will also ...": a new independent clause with its own subject.
                    let new_clause = w == "and" && matches!(self.word(i + 2).as_deref(), Some("he" | "she" | "they" | "we" | "i"));
                    // ", as the chancellor prepares a budget": "as" with a subject after it
                    // opens an adverbial clause of time or cause, the writer's, not the speaker's.
                    let as_clause = w == "as" && matches!(self.word(i + 2).as_deref(), Some("the" | "a" | "an" | "he" | "she" | "they" | "it" | "we" | "his" | "her" | "their" | "its"));
                    if participle || new_clause || as_clause || d.in_class(i + 1, lexicon::CLAUSE_BREAKER) || w == "according" {
                        return i;
                    }
                }
            }
            // "... and predicted that ...", "..., and vowed to ...": a coordinated cue starts
            // an attribution of its own (see `coordinated_source`).
            if t.kind != Tk::Word || i == from {
                i += 1;
                continue;
            }
            if d.lower(i) == "and" {
                let mut k = i + 1;
                while k < b && d.is_word(k) && d.in_class(k, lexicon::AUX) {
                    k += 1;
                }
                if d.is_word(k) {
                    if (d.cue_lemma(k).is_some() && !d.in_class(k, lexicon::NOUNISH_FORM))
                        || d.classes(k) & (lexicon::OBJECT_CUE | lexicon::OBJECT_NOUNISH_FORM) == lexicon::OBJECT_CUE
                        || self.phrasal_at(k).is_some()
                    {
                        return if d.is_punct(i - 1, ',') { i - 1 } else { i };
                    }
                }
            }
            if d.in_class(i, lexicon::CLAUSE_BREAKER) && d.is_word(i + 1) && d.cue_lemma(i + 1).is_some() {
                return i; // "... stability while assuring that ..."
            }
            i += 1;
        }
        // Drop the sentence's closing punctuation.
        let mut e = b;
        while e > from && d.toks[e - 1].kind == Tk::Punct && !d.mark[e - 1] {
            e -= 1;
        }
        e
    }

    fn words_in(&self, a: usize, b: usize) -> usize {
        (a..b).filter(|&i| self.doc.is_word(i)).count()
    }

    /// The title that heads the unnamed source `a..=e` when it is one person named by a title
    /// (or a noun for a person) and what the title is of: an article, at most
    /// [`MAX_NOUN_MODIFIERS`] modifiers, a singular title head, and "for", "at", "of" or "with"
    /// ("a senior official at the State Department", "A spokesman for Bernie Sanders"), in at
    /// most [`MAX_TITLED_SOURCE_WORDS`] words. With "the", only a title of a named place or
    /// body ("The governor of New York", "the head of the World Bank"): "the former secretary of state"
    /// is someone the text names elsewhere, whom a new entity would split in two.
    fn title_headed(&self, a: usize, e: usize) -> Option<&'static str> {
        let d = self.doc;
        let the = self.doc.lower_is(a, "the");
        if !(the || self.word_in(a, &["a", "an"])) || self.more_words_than(a, e + 1, MAX_TITLED_SOURCE_WORDS) {
            return None;
        }
        let h = (a + 1..(a + 2 + MAX_NOUN_MODIFIERS).min(e)).find(|&k| matches!(self.word(k + 1).as_deref(), Some("for" | "at" | "of" | "with")))?;
        if the && !(self.doc.lower_is(h + 1, "of") && (d.is_cap(h + 2) || (self.doc.lower_is(h + 2, "the") && d.is_cap(h + 3)))) {
            return None;
        }
        // A title's head or a noun for a person ("a senior official at ..."), as its own word:
        // singular ("officials at the bank" are a group).
        let head = d.title_head(h).or_else(|| d.in_class(h, lexicon::PERSON_NOUN).then(|| lexicon::lex_entry(d.lower(h)).map(|(w, _)| w)).flatten())?;
        // Only modifiers between ("an email from the president of ..." is no president).
        (d.lower(h) == head && (a + 1..h).all(|k| d.is_word(k) && d.cue_lemma(k).is_none() && !d.in_class(k, lexicon::PREPOSITION) && !one_of(d.lower(k), &["the", "a", "an"]))).then_some(head)
    }

    /// The phrase `a..=e` is a determiner, a name and a lowercase noun for a person or group
    /// ("A Bank of England spokesman").
    fn named_body_member(&self, a: usize, e: usize) -> bool {
        let d = self.doc;
        e > a + 1
            && d.first_char(e).is_lowercase()
            && (d.title_head(e).is_some() || d.in_class(e, lexicon::GROUP_NOUN))
            && self.name_at_last.at(e - 1).is_some_and(|n| self.names[n].first <= a + 1)
    }

    /// The unnamed source `a..=e` is a group of people named by a plural noun for people, or a
    /// body, among its first words, before a preposition ("Health officials in Buenos Aires",
    /// "senior members at the committee", "The Chinese embassy in Brasília"), in at most
    /// [`MAX_TITLED_SOURCE_WORDS`] words.
    fn people_headed(&self, a: usize, e: usize) -> bool {
        let d = self.doc;
        if self.more_words_than(a, e + 1, MAX_TITLED_SOURCE_WORDS) {
            return false;
        }
        (a..(a + 2 + MAX_NOUN_MODIFIERS).min(e)).find(|&k| d.is_word(k + 1) && d.in_class(k + 1, lexicon::PREPOSITION)).is_some_and(|h| {
            // A plural noun for people, or one of the agent plurals that name people in news
            // ("traders", "analysts"; the same test as `governing_subject`'s), or a body
            // ("The Chinese embassy in Brasília").
            let head = d.lower(h);
            let people = crate::names::names_people(d, h) || (head.len() > 5 && (head.ends_with("ers") || head.ends_with("ists")));
            let body = d.first_char(h).is_lowercase() && d.in_class(h, lexicon::ORG_HEAD | lexicon::GROUP_NOUN);
            (people || body) && (a..h).all(|k| d.is_word(k) && d.cue_lemma(k).is_none() && !d.in_class(k, lexicon::PREPOSITION))
        })
    }

    /// `self.words_in(a, b) > n`, counting no further than word n + 1: most callers ask
    /// whether a long clause has a few words.
    fn more_words_than(&self, a: usize, b: usize, n: usize) -> bool {
        (a..b).filter(|&i| self.doc.is_word(i)).nth(n).is_some()
    }

    /// The cue is a phrasal one ("referring to").
    fn is_phrasal(&self, cue: &Cue) -> bool {
        cue.last == cue.first + 1 && self.phrasal_at(cue.first).is_some()
    }

    /// The lemma of the phrasal cue that word `k` and the word after it make ("referring to"),
    /// if they make one. The two tokens' class bits come first (PHRASAL_VERB, the only words
    /// `lexicon::phrasal_cue` answers for, and PARTICLE): they turn away nearly every pair
    /// without the search of the list (1,300 instructions).
    fn phrasal_at(&self, k: usize) -> Option<&'static str> {
        let d = self.doc;
        // (Only words have class bits: the verb's bit says that `k` is one.)
        if !(k < d.toks.len() && d.in_class(k, lexicon::PHRASAL_VERB) && d.is_word(k + 1) && d.in_class(k + 1, lexicon::PARTICLE)) {
            return None;
        }
        lexicon::phrasal_cue(d.lower(k), d.lower(k + 1))
    }

    fn push_reported(&mut self, mut a: usize, b: usize, cue: &Cue, who: (Option<usize>, Span)) {
        // A clause opens after the comma that ends the cue's own ("As a Pew study noted, the
        // average age ...", "After Clinton testified, Gowdy ..."): a span from the comma on
        // began with it.
        while a < b && (self.doc.is_punct(a, ',') || self.doc.is_punct(a, ';')) {
            a += 1;
        }
        // An object may be one word ("endorsed Canova"); a reported clause has a few.
        // So may the object of a phrasal cue ("referring to Barack Obama").
        let phrasal = self.is_phrasal(cue);
        let min = if cue.kind == CueKind::Object || phrasal { 1 } else { MIN_CONTENT_WORDS };
        if b <= a || !self.more_words_than(a, b, min - 1) {
            return;
        }
        // Two words report something ("said profits rose", "said that talks failed") unless
        // they are a trailer of time or place ("wrote this week", "responded on Twitter").
        if min == MIN_CONTENT_WORDS && !self.more_words_than(a, b, MIN_CONTENT_WORDS) && self.trailer_only(a, b) {
            return;
        }
        let d = self.doc;
        // "who asked not to be named", "spoke on condition that he not be identified": the
        // formula of an anonymous source says why no name is given; it reports nothing.
        if b - a <= 4 && (a..b).any(|i| d.is_word(i) && one_of(d.lower(i), &["named", "identified"])) && (a..b).any(|i| d.lower_is(i, "be")) {
            return;
        }
        // The whole clause is one direct quote: that quote carries the attribution instead.
        if let Some(q) = d.outer_quote.at(a) {
            if d.quotes[q].open == a && d.quotes[q].close.is_some_and(|c| c + 1 >= b) {
                return;
            }
        }
        let has_quote = d.mark[a..b].contains(&true);
        self.quotes.push(Quote {
            span: d.span(a, b - 1),
            kind: if has_quote { QuoteKind::Mixed } else { QuoteKind::Indirect },
            speaker: who.0,
            speaker_mention: Some(who.1),
            cue: Some(d.span(cue.first, cue.last)),
            continues: None,
        });
        // Quoted words inside the clause are spoken by the same source. "When Nega helped
        // found the movement, he explained that it would ''organize …''": when reported
        // clauses nest, the innermost one (the nearest cue) speaks the quote.
        // Only a named or pronominal source of another entity takes the quote over: the same
        // entity keeps the outer mention ("Mr. Trump said that he ... ''…''"), and a bare noun
        // phrase ("the past", "some") is too often a misread subject.
        // A quotation opens on a mark: with none in the clause, there is nothing to give.
        if !has_quote {
            return;
        }
        let mention = d.text_of(who.1);
        let first = mention.split(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
        // A possessive ("Rubio's claim that …") names the owner of a noun cue, not a speaker.
        let after = d.text.get(who.1.end..).unwrap_or("");
        let possessive = after.starts_with("'s") || after.starts_with("’s");
        let strong = !possessive && (first.chars().next().is_some_and(char::is_uppercase) || lexicon::pronoun(&crate::case::lowercase(first)).is_some());
        for i in a..b {
            if let Some(q) = d.outer_quote.at(i) {
                let nested = strong && self.direct_clause[q].is_some_and(|c| a > c) && self.direct_speaker[q].is_some_and(|(e, _)| Some(e) != who.0);
                if d.quotes[q].open == i && (self.direct_speaker[q].is_none() || nested) {
                    if let Some(e) = who.0 {
                        self.direct_speaker[q] = Some((e, who.1));
                        self.direct_clause[q] = Some(a);
                    }
                }
            }
        }
    }

    /// The line that a name and a colon open is that name's to speak: a transcript's turn
    /// ("KATE BOLDUAN: Why not debate?") or a headline's source ("Bernie Sanders: I'm Not Much
    /// Of A Socialist"). PolNeAR takes the colon as the cue and the rest of the line as the
    /// content. Reported, not direct: the words carry no quotation marks. A line that is one
    /// quotation after the colon is left to `direct` (its rule 2b), and a place before the
    /// colon is a dateline ("WASHINGTON: ..."), not a speaker.
    #[inline(never)]
    fn speaker_turn(&mut self, n: usize) {
        let d = self.doc;
        let m = &self.names[n];
        let colon = m.last + 1;
        let from = colon + 1;
        // The line's end: the first token after it that starts a new line.
        let mut end = from;
        while end < d.toks.len() && (end == from || d.toks[end].breaks_before == 0) {
            end += 1;
        }
        if from >= end {
            return;
        }
        if let Some(q) = d.outer_quote.at(from) {
            let q = &d.quotes[q];
            if q.open == from && q.close.is_some_and(|c| (c + 1..end).all(|k| d.toks[k].kind == Tk::Punct)) {
                return;
            }
        }
        // A person's or a body's name: an untyped capitalised word before a colon is as often a
        // page's label ("Update:", "Photo:"); `names::speaker_labels` types the labels that a
        // transcript repeats or that start with a first name.
        if !matches!(m.class, NameClass::Person | NameClass::Org) || m.class == NameClass::Org && crate::places::lookup(d.text_of(m.span)).is_some() {
            return;
        }
        // The content without the line's closing full stop or semicolon.
        let mut last = end - 1;
        while last > from && (d.is_punct(last, '.') || d.is_punct(last, ';') || d.is_punct(last, ',')) {
            last -= 1;
        }
        // Speech starts as a sentence does, capitalised or with a quotation mark: after
        // "Marie Galante:" or "Marina:", "the biggest island" and "54º 55,7' N" describe.
        if !(d.is_cap(from) || d.mark[from] || d.is_quote_mark(from)) {
            return;
        }
        // Two words at least: "Twitter: @Milbank" gives an address, not words.
        if (from..=last).filter(|&k| d.is_word(k)).nth(1).is_none() {
            return;
        }
        // "Delegate Update:", "Editor's Note:": a page's label that reads like a name.
        if crate::names::not_speaker_label(d.lower(m.last)) {
            return;
        }
        let who = self.resolve(Src::Name(n));
        self.reg.hide_from_pronouns(self.names[n].first);
        let has_quote = d.mark[from..=last].contains(&true);
        self.quotes.push(Quote {
            span: d.span(from, last),
            kind: if has_quote { QuoteKind::Mixed } else { QuoteKind::Indirect },
            speaker: who.0,
            speaker_mention: Some(who.1),
            cue: Some(d.toks[colon].span()),
            continues: None,
        });
    }

    fn sentence(&mut self, s: usize) {
        let d = self.doc;
        let (a, b) = d.sents[s];
        // The speaker labels of this sentence first: a turn's speaker is named before its words.
        while let Some(&n) = self.labels.get(self.next_label) {
            if self.names[n].first >= b {
                break;
            }
            self.next_label += 1;
            self.speaker_turn(n);
        }
        let mut cues = std::mem::take(&mut self.cue_buf);
        self.cues(a, b, &mut cues);
        // Each cue: its source, and its content when it reports speech.
        let mut sourced = std::mem::take(&mut self.sourced_buf);
        sourced.clear();
        for cue in &cues {
            let src = match cue.kind {
                CueKind::According => self.source_starting_at(cue.last + 1, b),
                // "Asked by Matt Lauer whether she had practiced ..., she said": the one who
                // asked is named after "by"; the subject after the clause only answers.
                CueKind::Participle if cue.first == a && self.doc.lower_is(cue.first, "asked") && self.doc.lower_is(cue.last + 1, "by") => {
                    self.source_starting_at(cue.last + 2, b)
                }
                CueKind::Participle if cue.first == a || (cue.first > a && d.toks[cue.first].breaks_before > 0) => {
                    // "Noting that ..., Pezeshkian expressed": the subject after the clause.
                    let mut k = cue.last + 1;
                    let lim = b.min(k + MAX_CLAUSE_TOKENS);
                    while k < lim && !(d.is_punct(k, ',') && d.outer_quote.at(k).is_none()) {
                        k += 1;
                    }
                    self.subject(k + 1, b)
                }
                // "with Sen. John McCain calling it a “Chinese menu”", "with Cruz recently
                // promising ...": in the absolute construction "with X -ing" X is the
                // participle's own subject, not the sentence's.
                // "“…,” Lewandowski added, saying it should be “…”": a participle right after
                // a cue and its comma shares that cue's source (at most MAX_GOVERNED_GAP words
                // between: "said Tuesday, adding"; after "told" a listener too: "told CBS' Face
                // the Nation on Sunday, saying").
                CueKind::Participle => self
                    .with_absolute(cue.first, a)
                    // "with Donald Trump tweeting that ... and asking, “…”": a participle
                    // coordinated with an earlier one shares its source.
                    .or_else(|| {
                        let &(c, src) = sourced.last()?;
                        (c.kind == CueKind::Participle && cue.first > c.last + 1 && self.doc.lower_is(cue.first - 1, "and") && cue.first - c.last <= MAX_CLAUSE_TOKENS && !matches!(src, Src::Pronoun(_, PronounKind::Relative)))
                            .then_some(src)
                    })
                    .or_else(|| {
                        let &(c, src) = sourced.last()?;
                        let comma = cue.first.checked_sub(1)?;
                        let gap = if c.lemma == "tell" { MAX_GOVERNED_GAP + MAX_LISTENER_WORDS + 1 } else { MAX_GOVERNED_GAP + 1 };
                        let filler = |i: usize| (d.is_word(i) && !self.cue_word_at(i)) || (d.toks[i].kind == Tk::Punct && matches!(d.first_char(i), '\'' | '’') && !d.mark[i]);
                        (c.kind == CueKind::Verb && d.is_punct(comma, ',') && c.last < comma && comma - c.last <= gap && (c.last + 1..comma).all(filler) && !matches!(src, Src::Pronoun(_, PronounKind::Relative)))
                            .then_some(src)
                    })
                    .or_else(|| {
                        // "Christie made ... a priority, but the effort stalled, and he has
                        // battled with Guardian, at one point calling the mayor a “liar”": a
                        // pronoun opening a later clause about the subject is the participle's
                        // nearer subject (as for direct quotes, step 6 of `direct`).
                        let src = self.subject(a, cue.first)?;
                        let first = self.src_first(src);
                        let nearer = self.peek_entity(src).and_then(|e| self.nearer_clause_subject(false, first, cue.first, e, self.opens_subordinate_clause(a, first)));
                        Some(nearer.unwrap_or(src))
                    }),
                CueKind::Raising => {
                    self.raising(*cue, a, b);
                    None
                }
                CueKind::Object if d.lower(cue.first).ends_with("ing") => self.plausible_subject_of(a, cue.first),
                _ => {
                    // Inversion: ", said Smith." / "..., reported Xinhua". Looked for once, and
                    // only after a comma or a quotation mark, as three rules below read it.
                    let before_is_comma = cue.first > a && (d.is_punct(cue.first - 1, ',') || d.mark[cue.first - 1]);
                    let inverted = before_is_comma.then(|| self.source_starting_at(cue.last + 1, b)).flatten().filter(|src| match *src {
                        // "..., said she would “support the nominee”": a pronoun followed by its
                        // own verb opens the reported clause; an inverted one ends the clause
                        // ("..., said he.", "..., said she, adding ...").
                        Src::Pronoun(t, _) => !(t + 1 < b && !(d.is_punct(t + 1, ',') || d.is_punct(t + 1, '.') || d.mark[t + 1])),
                        _ => true,
                    });
                    // "CLAUSE to Mr. Sanders, said David Axelrod, a strategist.": after a comma,
                    // a cue followed by a name that ends the sentence or opens an appositive is
                    // inverted; the name before the comma belongs to the clause.
                    // Not after a verb that takes a listener ("Jeb Bush, ..., told CNN").
                    let listener = matches!(cue.lemma, "tell" | "assure" | "urge" | "warn" | "ask");
                    let inverted_name = !listener && cue.first > a && d.is_punct(cue.first - 1, ',') && match inverted {
                        Some(Src::Name(n)) => {
                            let after = self.names[n].last + 1;
                            self.names[n].class != NameClass::Title && (after >= b || d.is_punct(after, ',') || d.is_punct(after, '.'))
                        }
                        _ => false,
                    };
                    let first = if inverted_name { inverted } else { None };
                    // "CLAUSE, said Dan Gerstein, an analyst.": an inverted source that ends the
                    // sentence wins over a name in the clause before the comma.
                    first
                        .or_else(|| if cue.first > a && d.is_punct(cue.first - 1, ',') { self.inverted_final_source(*cue, b) } else { None })
                        .or_else(|| self.passive_agent(cue, b))
                        .or_else(|| self.source_before(cue.first, a))
                        // "The email went on to say", "he continued to insist": an infinitive
                        // cue takes the subject of the verb that governs it.
                        .or_else(|| {
                            let mut v = cue.first.checked_sub(2)?;
                            if self.word(cue.first - 1) != Some("to") || v <= a {
                                return None;
                            }
                            if self.word_in(v, &["on", "up"]) {
                                v -= 1;
                            }
                            let verb = self.word(v).is_some_and(|w| d.first_char(v).is_lowercase() && (w.ends_with("ed") || w.ends_with('s') || d.in_class(v, lexicon::IRREGULAR_PAST) || w == "went"));
                            // "Trump was quick to add that ...", "she is eager to say": an
                            // adjective after a form of "be" governs it; the subject stands
                            // before the "be".
                            let adjective = !verb
                                && v > a
                                && self.word(v).is_some() && d.first_char(v).is_lowercase() && !d.in_class(v, lexicon::PHRASE_PREPOSITION)
                                && self.word_in(v - 1, &["is", "was", "are", "were"]);
                            if adjective {
                                v -= 1;
                            } else if !verb {
                                return None;
                            }
                            self.source_before(v, a).filter(|s| self.src_last(*s) + 1 == v)
                        })
                        .or(inverted)
                        .or_else(|| self.coordinated_source(cue.first, a, &sourced))
                        .or_else(|| self.subject_phrase_before(*cue, a))
                }
            };
            if let Some(src) = src {
                sourced.push((*cue, src));
            }
        }
        // "The campaign's statement then declares", "Sanders' fundraising email notes": an
        // unnamed source owned by someone takes in its possessor, whom PolNeAR marks.
        for (_, src) in sourced.iter_mut() {
            if let Src::Nominal(f, l, k) = *src {
                if let Some(p) = self.possessor_start(f, a) {
                    *src = Src::Nominal(p, l, k);
                }
            }
        }
        // "In a Washington Post/ABC News poll released Sunday, just 8 percent of Democrats said
        // ...": the respondents speak through the poll, and PolNeAR takes the poll as the
        // source of what they said, not the share of them.
        // (Looked for only when there is a source to replace.)
        if let Some((pf, pl)) = if sourced.is_empty() { None } else { self.poll_adverbial(a, b) } {
            for (_, src) in sourced.iter_mut() {
                let respondents = match *src {
                    Src::Nominal(f, ..) => f > pl,
                    // A group's name ("Democrats"), not a person or an organisation that ran
                    // the poll ("In an online poll of 800 voters, Democracy Corp found ...").
                    Src::Name(n) => {
                        let m = &self.names[n];
                        m.first > pl && (m.class == NameClass::Unknown || (m.class == NameClass::Org && d.lower(m.last).ends_with('s')))
                    }
                    Src::Pronoun(..) => false,
                };
                if respondents {
                    *src = Src::Nominal(pf, pl, EntityKind::Unknown);
                }
            }
        }
        // "According to GMA News, Salceda said ...": the sentence reports second-hand what the
        // source it opens with relates; PolNeAR gives the cues after it to that source.
        if let Some(&(_, asrc)) = sourced.first().filter(|(c, _)| c.kind == CueKind::According && c.first == a) {
            let alast = self.src_last(asrc);
            if d.is_punct(alast + 1, ',') {
                for (cue, src) in sourced.iter_mut().skip(1) {
                    if matches!(cue.kind, CueKind::Verb | CueKind::Object) && cue.first > alast + 1 && !matches!(src, Src::Pronoun(..)) {
                        *src = asrc;
                    }
                }
            }
        }
        for &(cue, src) in &sourced {
            self.reported(cue, src, a, b);
        }
        let colon_before = self.colon.filter(|c| c.0 + 1 == s);
        self.colon = None;
        if b > a && d.is_punct(b - 1, ':') {
            if let Some(&(cue, src)) = sourced.last() {
                self.colon = Some((s, src, cue));
            } else if let Some(src) = self.subject(a, b - 1).filter(|s| self.is_speaker_like(*s)) {
                // "President Clinton released the following statement:" — the subject speaks
                // the quote that follows.
                let colon = Cue { first: b - 1, last: b - 1, kind: CueKind::Verb, lemma: "colon" };
                self.colon = Some((s, src, colon));
            }
        } else if b > a + 1 && d.is_punct(b - 1, '.') {
            // "Sam Lau, the party's spokesman, said in a statement. “There are no paper ballots
            // …”", "Dianne Bystrom agreed. “…”": a sentence that ends on its speech verb (and a
            // short adverbial) has no content of its own; the quotation opening the next
            // sentence of the paragraph is what it reports, as after a colon.
            if let Some(&(cue, src)) = sourced.last() {
                let cue_span = d.span(cue.first, cue.last);
                let bare = cue.kind == CueKind::Verb
                    && self.src_last(src) < cue.first
                    && !self.more_words_than(cue.last + 1, b - 1, MAX_BARE_CUE_TAIL)
                    && !(a..b).any(|i| d.mark[i] || d.outer_quote.at(i).is_some())
                    && !self.recent_quotes().any(|p| p.cue == Some(cue_span));
                if bare && b < d.toks.len() && d.para[b] == d.para[b - 1] {
                    self.colon = Some((s, src, cue));
                }
            }
        }
        // Direct quotes of this sentence.
        let mut outer = std::mem::take(&mut self.outer_buf);
        outer.clear();
        while self.next_quote < d.quotes.len() && d.toks[d.quotes[self.next_quote].open].span().start < d.toks[b - 1].span().end {
            let q = self.next_quote;
            if d.quotes[q].depth == 0 && d.quotes[q].open >= a {
                outer.push(q);
            }
            self.next_quote += 1;
        }
        let outer_first = outer.first().copied().unwrap_or(usize::MAX);
        for &q in &outer {
            if q == outer_first && d.quotes[q].open == a && !self.attributed_after(q, b, &sourced) {
                if let Some((_, src, cue)) = colon_before {
                    // "He said:" then the quote: that source speaks it.
                    self.direct_after_colon(q, src, cue);
                    continue;
                }
            }
            self.direct(q, a, b, &sourced);
        }
        (self.cue_buf, self.sourced_buf, self.outer_buf) = (cues, sourced, outer);
    }

    /// "According to the Institute for the Study of War, a Washington-based think tank,
    /// Russian units advanced": after a named source, a phrase that an indefinite article or a
    /// title opens, with no auxiliary or verb of being (nor an adverb of `lexicon::CUE_AUX`), up
    /// to the next comma describes the source and is no part of what it reports. Returns the
    /// comma that ends the description, or `comma` (the one after the source) when there is
    /// none.
    #[inline(never)]
    fn after_appositive(&self, comma: usize, b: usize) -> usize {
        let d = self.doc;
        // Or a title without an article: "According to Ludovic Subran, chief economist at
        // Allianz, investors ...".
        let title = comma + 1 < b && d.is_word(comma + 1) && d.in_class(comma + 1, lexicon::TITLE_HEAD | lexicon::TITLE_LISTED);
        if !(title || self.word_in(comma + 1, &["a", "an"])) {
            return comma;
        }
        let lim = b.min(comma + 2 + MAX_APPOSITIVE);
        for k in comma + 2..lim {
            if d.is_punct(k, ',') {
                return k;
            }
            let verb = d.is_word(k) && (d.in_class(k, lexicon::AUX) || one_of(d.lower(k), &["is", "was", "were", "are", "be", "has", "have", "can", "could"]));
            if d.mark[k] || verb || !(d.is_word(k) || d.is_punct(k, '-')) {
                break;
            }
        }
        comma
    }

    fn reported(&mut self, cue: Cue, src: Src, a: usize, b: usize) {
        // No content reaches further than a clause's length from its cue: in a sentence of
        // thousands of tokens with a cue every few words (pasted text with no full stop), the
        // tests below that read from the sentence's start or to its end made the work grow with
        // the square of the sentence (a megabyte took 2.2 s, an eighth of it 0.05 s).
        let a = a.max(cue.first.saturating_sub(MAX_CLAUSE_TOKENS));
        let b = b.min(cue.last + 1 + MAX_CLAUSE_TOKENS);
        let d = self.doc;
        let src_span = src.span(d, self.names);
        let src_before = src_span.end <= d.toks[cue.first].span().start;
        match cue.kind {
            CueKind::According => {
                // "According to X, CLAUSE." or "CLAUSE, according to X."
                let src_last = match src {
                    Src::Name(i) => self.names[i].last,
                    Src::Pronoun(t, _) => t,
                    Src::Nominal(_, e, _) => e,
                };
                if cue.first == a {
                    let mut k = src_last + 1;
                    let lim = b.min(k + MAX_CLAUSE_TOKENS);
                    while k < lim && !d.is_punct(k, ',') {
                        k += 1;
                    }
                    if k < b {
                        let k = if matches!(src, Src::Name(_)) { self.after_appositive(k, b) } else { k };
                        let end = self.clause_end(k + 1, b);
                        let who = self.resolve(src);
                        self.push_reported(k + 1, end, &cue, who);
                    }
                } else if cue.first > a
                    && d.is_punct(cue.first - 1, ',')
                    // A longer source ends the sentence too when no comma follows it: "...,
                    // according to a study of more than 90,000 adults published on Wednesday in
                    // The Lancet."
                    && (b - cue.last <= 14 || (b - cue.last <= MAX_CLAUSE_TOKENS && !(src_last + 1..b).any(|k| d.is_punct(k, ','))))
                    && !(cue.last + 1..b).any(|k| d.mark[k])
                    // A comma after the source may open its appositive, which ends the sentence:
                    // "..., according to his lawyer, Susan Ortiz." (the content was the whole
                    // sentence, the cue and the source with it).
                    && (cue.last + 1..b).find(|&k| d.is_punct(k, ',')).map_or(true, |c| c > src_last && self.ends_sentence_after(src_last + 1, b))
                {
                    // "NAIROBI, Kenya (AP) — Police fired ..., according to witnesses": the
                    // dateline is no part of what they report.
                    let start = self.skip_dateline(a, cue.first - 1);
                    let who = self.resolve(src);
                    self.push_reported(start, cue.first - 1, &cue, who);
                } else {
                    // "G4S receives, according to one report, $234 million ...": the sentence
                    // around the phrase is the content.
                    // The look-back is capped like every clause, so that a run of "according to"
                    // with no full stop stays linear.
                    let end = self.clause_end(src_last + 1, b);
                    let start = a.max(cue.first.saturating_sub(MAX_CLAUSE_TOKENS));
                    let who = self.resolve(src);
                    self.push_reported(start, end, &cue, who);
                }
            }
            CueKind::Participle if cue.first == a => {
                let mut from = cue.last + 1;
                if self.doc.lower_is(from, "that") {
                    from += 1;
                }
                // "Asked by Matt Lauer whether ...": the asker (the source) is no part of the
                // question.
                let by_agent = self.doc.lower_is(from, "by") && self.src_last(src) >= from;
                if by_agent {
                    from = self.src_last(src) + 1;
                }
                // The participle's clause ends at the first comma: the main clause follows.
                let comma = (from..b.min(from + MAX_CLAUSE_TOKENS)).find(|&i| d.is_punct(i, ',') && d.outer_quote.at(i).is_none()).unwrap_or(b);
                let end = self.clause_end(from, comma);
                // "Asked whether she would consider a delay, she said: ...": the question is
                // an unnamed asker's, put to the subject after it, who did not say it (PolNeAR
                // marks it with no source); it was given to her.
                if self.doc.lower_is(cue.first, "asked") && !by_agent {
                    let n = self.quotes.len();
                    self.push_reported(from, end, &cue, (None, Span::default()));
                    for q in &mut self.quotes[n..] {
                        q.speaker_mention = None;
                    }
                    return;
                }
                let who = self.resolve(src);
                self.push_reported(from, end, &cue, who);
            }
            _ => {
                // Content after the cue: "said (that) ...", "told reporters (that) ...".
                let mut from = cue.last + 1;
                // A direct quote right after the cue ("said: “...”") is the content itself.
                let mut k = from;
                while k < b && (d.is_punct(k, ',') || d.is_punct(k, ':')) {
                    k += 1;
                }
                let quote_follows = k < b && d.mark[k] && d.outer_quote.at(k).is_some_and(|q| d.quotes[q].open == k);
                // "CLAUSE, said Dan Gerstein, a political analyst in New York." / "CLAUSE, said
                // several observers.": an inverted source may carry a trailer or an appositive
                // to the sentence end.
                let inverted_final = !src_before && src_span.start >= d.toks[cue.last].span().end && self.ends_sentence_after(self.src_last(src) + 1, b);
                // With the source before the cue, a name after it is an object ("sided with the
                // president on the plan"), not an inverted source; after "told" it is the
                // listener of a sentence-final cue ("..., Grassley told POLITICO.").
                let name_after = self.name_at_first.at(cue.last + 1).is_some() && !one_of(cue.lemma, &["tell", "assure", "warn", "ask"]);
                // A phrasal cue's object always follows it ("referring to the RNC").
                let phrasal = self.is_phrasal(&cue);
                // "CLAUSE, the WHO said on Thursday, urging governments to ...": a participle's
                // clause after the trailer still leaves the cue at the end of its own clause; so
                // does an adverbial clause ("CLAUSE, the carmaker said on Friday, after talks
                // ended a dispute": the content was the "after" clause, or the whole sentence).
                // Only where a comma sets the source and cue off from a clause before them, as
                // the shape needs (the scan for every cue cost 0.2% of all the work).
                let participle_after = || {
                    let first = self.src_first(src).min(cue.first);
                    let first = if first > a + 1 && self.doc.lower_is(first - 1, "the") { first - 1 } else { first };
                    first > a + 1 && d.is_punct(first - 1, ',') && (cue.last + 1..b.min(cue.last + 14)).find(|&c| d.is_punct(c, ',')).is_some_and(|c| {
                        self.trailer_only(cue.last + 1, c)
                            && self.word(c + 1).is_some_and(|w| {
                                w.len() > 4 && w.ends_with("ing") && d.first_char(c + 1).is_lowercase() || has(ADVERBIAL_OPENERS, w)
                            })
                    })
                };
                // "CLAUSE, the bank said on Tuesday, and analysts warned that ...": after the
                // cue (and a trailer), "and" or "but" opens a clause with a cue of its own, a
                // second attribution; the cue still ends its own (the content was the second
                // clause, or the whole sentence, cue and all).
                let new_clause = src_before
                    && (cue.last + 1..b.min(cue.last + 8)).find(|&c| d.is_punct(c, ',')).is_some_and(|c| {
                        self.trailer_only(cue.last + 1, c) && self.word_in(c + 1, &["and", "but"]) && (c + 2..b.min(c + 8)).any(|i| self.cue_word_at(i))
                    });
                let sentence_final = inverted_final || (!phrasal && (self.trailer_only(cue.last + 1, b) || participle_after() || new_clause) && !(src_before && name_after));
                // "He told his audience, to rowdy applause: “...”", "told the Reuters news
                // agency simply, “We lost.”": the quotation after a short listener or adverbial
                // is the content itself.
                let quote_follows_later = (from..b.min(from + 10)).find(|&i| d.is_punct(i, ',') || d.is_punct(i, ':') || d.mark[i]).is_some_and(|c| {
                    // Only over a listener or an adverbial: not over "... and Clinton said,".
                    if d.mark[c] || (from..c).any(|i| matches!(self.word(i).as_deref(), Some("and" | "but" | "or")) || self.cue_word_at(i)) {
                        return false;
                    }
                    let mut k = c;
                    while k < b && (d.is_punct(k, ',') || d.is_punct(k, ':')) {
                        k += 1;
                    }
                    k < b && d.mark[k] && d.outer_quote.at(k).is_some_and(|q| d.quotes[q].open == k && d.quotes[q].close.is_some_and(|e| e + 2 >= b))
                });
                if quote_follows || quote_follows_later {
                    return;
                }
                // "A wall would stop crime, she said, but also drugs." / "In particular, Will
                // wrote, Christie can win.": a parenthetical cue between commas; the sentence
                // around it is the content (PolNeAR spans it whole). A time, a place or a
                // listener may follow the cue ("Prices, Smith said on Monday, would fall": the
                // content was "would fall"); not a name, the object of a verb that is no verb of
                // saying ("who endorsed Clinton, said").
                let paren = if d.is_punct(from, ',') {
                    Some(from)
                } else {
                    (from + 1..b.min(from + 6))
                        .find(|&c| d.is_punct(c, ','))
                        .filter(|&c| !d.is_cap(from) && self.trailer_only(from, c))
                };
                if let Some(comma) = paren.filter(|&c| src_before && !new_clause && !self.word(c + 1).is_some_and(|w| has(ADVERBIAL_OPENERS, w))) {
                    let head = d.partition_near(a, &|t| t.span().start < src_span.start).min(b);
                    let end = {
                        let mut e = b;
                        while e > from && d.toks[e - 1].kind == Tk::Punct && !d.mark[e - 1] {
                            e -= 1;
                        }
                        e
                    };
                    // "Overall, she said, a number of ...": a lone adverb before is content too.
                    if head > a
                        && d.is_punct(head - 1, ',')
                        && self.more_words_than(a, head, 0)
                        && self.more_words_than(comma, end, 1)
                        && !(a..end).any(|i| d.mark[i])
                    {
                        let start = self.skip_dateline(a, head);
                        let who = self.resolve(src);
                        self.push_reported(start, end, &cue, who);
                        return;
                    }
                }
                // "Smith said, a hint of frustration in her voice.": an aside, not content.
                if d.is_punct(from, ',') && matches!(self.word(from + 1).as_deref(), Some("a" | "an" | "his" | "her" | "their")) {
                    return;
                }
                // An object cue ends its sentence only with its source before it: "CLAUSE,
                // new fundraising reports show."
                if sentence_final && (cue.kind != CueKind::Object || (src_before && (new_clause || !self.more_words_than(cue.last + 1, b, 0)))) {
                    // "CLAUSE, X said." / "CLAUSE, said X." / "CLAUSE, X said on Monday." /
                    // "CLAUSE, new fundraising reports show." (modifiers before the source head).
                    let head = if src_before { src_span.start } else { d.toks[cue.first].span().start };
                    let mut hi = d.partition_near(a, &|t| t.span().start < head).min(b);
                    if src_before && !(hi > a && d.is_punct(hi - 1, ',')) {
                        if let Some(c) = (hi.saturating_sub(3).max(a)..hi).rev().find(|&k| d.is_punct(k, ',')) {
                            if (c + 1..hi).all(|k| d.is_word(k) && d.first_char(k).is_lowercase()) {
                                hi = c + 1;
                            }
                        }
                    }
                    if hi > a && d.is_punct(hi - 1, ',') {
                        // The dateline is no part of the clause ("GENEVA (Reuters) — A new
                        // strain ..., the WHO said").
                        let start = self.skip_dateline(a, hi - 1);
                        let who = self.resolve(src);
                        self.push_reported(start, hi - 1, &cue, who);
                    }
                    return;
                }
                // "has been warned by senior backbenchers that ...": the passive's agent speaks
                // (see `sentence`), and the clause after it is the content.
                // (Only `passive_agent` gives a source right after the "by": the shape alone
                // tells, without finding the agent again.)
                let passive_agent = !src_before && self.src_first(src) == cue.last + 2 && self.passive_by(&cue);
                if !src_before && !passive_agent {
                    return;
                }
                if passive_agent {
                    // The clause opens after the agent ("whether ..."; a "that" is skipped below).
                    from = self.src_last(src) + 1;
                }
                // "“We will win,” Clinton told reporters as she emerged": a cue whose source
                // follows a closing quotation mark attributes that quotation; what follows the
                // cue is no second attribution unless a "that" or an infinitive opens it.
                let after_quote = cue.kind == CueKind::Verb && !d.lower(cue.first).ends_with("ing") && cue.first <= self.src_last(src) + MAX_APPOSITIVE && {
                    let head = d.partition_near(a, &|t| t.span().start < src_span.start).min(b);
                    let mut k = head;
                    while k > a && d.is_punct(k - 1, ',') {
                        k -= 1;
                    }
                    k > a && d.mark[k - 1] && d.outer_quote.at(k - 1).is_some_and(|q| d.quotes[q].close == Some(k - 1))
                };
                if let Some(t) = (from..b.min(from + MAX_THAT_GAP)).find(|&i| self.doc.lower_is(i, "that") && d.outer_quote.at(i).is_none()) {
                    // "defended a new housing levy that has sparked protests": after an object
                    // cue's noun phrase, "that" opens a relative clause inside the content.
                    let object_phrase = cue.kind == CueKind::Object && t > from && self.det_at(from);
                    // Only over a short adverbial: no comma, no other verb-ish cue between.
                    if !object_phrase && !(from..t).any(|i| d.is_punct(i, ',') || d.mark[i]) {
                        from = t + 1;
                    } else if !object_phrase && after_quote {
                        return;
                    }
                } else if after_quote && !d.in_class(cue.last, lexicon::INFINITIVE_CUE) {
                    return;
                } else if !passive_agent && one_of(cue.lemma, &["tell", "assure", "urge", "warn", "ask"]) {
                    // "told reporters ...": skip the listener, a phrase up to its clause ("told
                    // the jury he had ...") or one word or name.
                    if let Some(k) = self.after_listener(from, b) {
                        from = k;
                    } else if let Some(n) = self.name_at_first.at(from) {
                        from = self.names[n].last + 1;
                    } else if self.word(from).is_some() {
                        from += 1;
                    }
                }
                // "vowed to fight on", "declined to comment": an intention's infinitive is its
                // content (see lexicon::INFINITIVE_CUES); "said to him" stays out.
                let infinitive = self.doc.lower_is(from, "to")
                    && d.in_class(cue.last, lexicon::INFINITIVE_CUE)
                    && self.word(from + 1).is_some_and(|w| !one_of(w, &["the", "a", "an", "his", "her", "their", "its", "him", "them", "me", "us", "it", "this", "that"]));
                if from == cue.last + 1 && !infinitive && self.no_content_after(&cue, from, b) {
                    return;
                }
                // "she said over breakfast across the street", "said in an interview with The
                // Associated Press last week that ...": a place or time adverbial is no
                // content; a "that" after it, before any comma, starts the clause.
                // A day, with or without "on", is the whole adverbial ("said on Tuesday it
                // would", "said Wednesday he agrees"); the clause follows it, after a comma or a
                // "that". ("On" before anything else is no such adverbial: "said on condition
                // of anonymity", "spoke on the phone".)
                let is_day = |k: usize| matches!(self.word(k), Some("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"));
                let day_len = if is_day(from) {
                    1
                } else if self.doc.lower_is(from, "on") && is_day(from + 1) {
                    2
                } else {
                    0
                };
                // Right after the cue (no "that" or listener taken yet), and not an object's.
                let mut at_cue = from == cue.last + 1 && cue.kind != CueKind::Object;
                if at_cue && day_len > 0 {
                    from += day_len;
                    if d.is_punct(from, ',') || self.doc.lower_is(from, "that") {
                        from += 1;
                        at_cue = false;
                    }
                }
                if at_cue && self.word_in(from, &["over", "after", "at", "in", "during", "before", "while", "from", "outside", "inside", "near", "under", "following", "through", "since", "until", "across", "among", "last", "earlier", "late", "early"])
                    // "reported at least six planes", "over 30,000 people": quantities, not places.
                    && !matches!(self.word(from + 1).as_deref(), Some("least" | "most"))
                    && d.toks.get(from + 1).is_some_and(|t| t.kind != Tk::Number)
                {
                    // "vowed last month to take ...", "announcing on Wednesday he would meet":
                    // an intention's infinitive or a pronoun subject after the adverbial also
                    // starts the content.
                    let infinitive_cue = d.in_class(cue.last, lexicon::INFINITIVE_CUE);
                    let lim = b.min(from + MAX_ADVERBIAL_GAP);
                    let mut t = from + 1;
                    while t < lim && !d.is_punct(t, ',') && !d.mark[t] {
                        match self.word(t).as_deref() {
                            Some("that") => break,
                            Some("to") if infinitive_cue => break,
                            Some("he" | "she" | "it" | "they" | "we" | "i") => break,
                            _ => t += 1,
                        }
                    }
                    match self.word(t).as_deref() {
                        Some("that") if t < lim => from = t + 1,
                        Some("to" | "he" | "she" | "it" | "they" | "we" | "i") if t < lim => from = t,
                        // After a day ("said Sunday in Madison, Wisconsin, that he"), the
                        // content from the adverbial on, as before the day was skipped.
                        _ if day_len > 0 => {}
                        _ => return,
                    }
                }
                let mut end = self.clause_end(from, b);
                if matches!(src, Src::Pronoun(_, PronounKind::Relative)) {
                    // "X, who endorsed Y, stayed away": the relative clause ends at its comma.
                    if let Some(c) = (from..end).find(|&k| d.is_punct(k, ',')) {
                        end = c;
                    }
                }
                let who = self.resolve(src);
                self.push_reported(from, end, &cue, who);
            }
        }
    }

    /// The "-ed" form at `i` (not the sentence's first token), before the word `next`, is an
    /// adjective: "271 pledged delegates", "the convention's pledged delegates", "its stated
    /// goal". A past participle between a determiner, a number or a possessive and its noun is
    /// attributive (Quirk et al. 1985, §7.15), not a cue; "he's pledged to", "it's reported
    /// that" are verbs (the "to" or "that" after), and so is one before anything but a
    /// lowercase noun ("a study from 2011 noted, ...", "Some accused Trump", "back to 1972
    /// showed the party ..."). "Trump's proposed wall" stays: PolNeAR marks a proposal as its
    /// owner's (the possessor is the source).
    #[inline(never)]
    fn attributive_participle(&self, i: usize, next: Option<&str>) -> bool {
        let d = self.doc;
        next.is_some_and(|n| !(one_of(n, &["to", "that", "by", "him", "them", "not"]) || has(DETERMINERS, n) || lexicon::pronoun(n).is_some()))
            && !d.is_cap(i + 1)
            && (d.toks[i - 1].kind == Tk::Number
                || self.det_at(i - 1)
                || (d.lower(i) != "proposed" && d.is_cap(i - 1) && d.is_possessive(i - 1)))
    }

    /// Token `i` (after the sentence's first, `a`) follows a possessive: "Lopez's show was
    /// cancelled", "Trump's support rose", where a form that may be a cue is the noun.
    #[inline(never)]
    fn after_possessive(&self, i: usize, a: usize) -> bool {
        let d = self.doc;
        i > a && d.is_word(i - 1) && d.is_possessive(i - 1)
    }

    /// What follows the cue right after it (at `from`) is no content. Out of line: the rules
    /// are rare, and inlined they cost the wasm more than their size.
    #[inline(never)]
    fn no_content_after(&self, cue: &Cue, from: usize, b: usize) -> bool {
        let Some(w) = self.word(from) else {
            // "the drinking continued, and four years later ...".
            return one_of(cue.lemma, &["continue", "maintain"]);
        };
        // "said of their time", "told about the plan": what follows is not speech. Nor after
        // "testified" or a noun ("charges against him", "support against Trump"), where
        // "cautioned against" and "argued against" still report.
        // ("said about 1.1 million people marched": "about" before a number is no topic.)
        (one_of(w, &["of", "about", "to", "for", "with", "by", "as", "so"]) && !(w == "about" && self.doc.toks.get(from + 1).is_some_and(|t| t.kind == Tk::Number)))
            || (w == "against" && (one_of(cue.lemma, &["testify", "charge"]) || self.doc.in_class(cue.last, lexicon::NOUNISH_FORM | lexicon::OBJECT_NOUNISH_FORM)))
            // "Trump continued his attacks", "Clinton maintains a commanding lead": these two
            // report only a clause ("maintained that ...", "continued to insist that ..."); a
            // noun phrase after them is what goes on, not what is said (in PolNeAR train, 2 of
            // 18 such objects are marked). Remarks go on as speech ("Howard continued his
            // scathing remarks. “…”").
            || (cue.lemma == "add" && self.adds_a_thing(w, from, b))
            || (one_of(cue.lemma, &["continue", "maintain"])
                && has(DETERMINERS, w)
                && !(from..b.min(from + 4)).any(|k| self.word_in(k, &["remarks", "comments", "speech", "testimony"])))
    }

    /// "Jackson added a third", "we have added 1 million jobs", "add momentum to": "add" with an
    /// object and no clause after it (no form of "be" or "have", modal or "-ed" verb within
    /// [`MAX_LISTENER_WORDS`] words) adds a thing, not words. A reported clause after "added"
    /// has its verb ("added the plan was flawed", "added there is no deal"). (`w`: the word at
    /// `from`, right after the cue.)
    #[inline(never)]
    fn adds_a_thing(&self, w: &str, from: usize, b: usize) -> bool {
        w != "that"
            && lexicon::pronoun(w).is_none()
            && !(from..b.min(from + 1 + MAX_LISTENER_WORDS)).any(|k| {
                self.word(k).is_some_and(|x| x.ends_with("ed") || has(ADDED_WORDS, x) || one_of(x, &["is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "must", "should", "can", "could", "may", "might"]))
            })
    }

    /// The subject pronoun that opens the clause after a listener led by a determiner, over
    /// plain words ("told the jury he had ...", "asked the students if they ..."), within
    /// [`MAX_LISTENER_WORDS`].
    #[inline(never)]
    fn after_listener(&self, from: usize, b: usize) -> Option<usize> {
        if !self.det_at(from) {
            return None;
        }
        for k in from + 2..b.min(from + 2 + MAX_LISTENER_WORDS) {
            match self.word(k)? {
                "he" | "she" | "they" | "we" | "i" | "it" => return Some(k),
                // Not over a clause of its own: "told his advisers as he labored".
                "as" | "when" | "while" | "because" | "and" | "or" | "but" | "that" | "who" => return None,
                _ if self.doc.in_class(k, lexicon::PREPOSITION) => return None,
                _ => {}
            }
        }
        None
    }

    /// "The Prime Minister has been warned by senior backbenchers that ...": the agent after
    /// "by" of a speech verb in the passive, who speaks (the subject only heard it), when the
    /// clause it reports follows ("that", "whether"): "a killing that was claimed by Islamic
    /// State" reports nothing. Kept out of line: rare, and inlined into `sentence` it cost
    /// the wasm 1 KB gzipped.
    #[inline(never)]
    fn passive_agent(&self, cue: &Cue, b: usize) -> Option<Src> {
        if !self.passive_by(cue) {
            return None;
        }
        let d = self.doc;
        let k = cue.last + 2;
        // "Sanders was asked by host Bill Maher, who …, “Now, …”": a quotation right after
        // the agent's comma or colon (over a relative clause that describes the agent) is
        // what the agent asked.
        let quote_after = |t: usize| {
            let mut t = t;
            if d.is_punct(t, ',') && self.word_in(t + 1, &["who", "which"]) {
                let Some(q) = (t + 1..b.min(t + MAX_RELATIVE_CLAUSE)).find(|&i| d.outer_quote.at(i).is_some()) else { return false };
                t = q - 1;
            }
            (d.is_punct(t, ',') || d.is_punct(t, ':')) && d.outer_quote.at(t).is_none() && d.outer_quote.at(t + 1).is_some()
        };
        let opens = |t: usize| self.word_in(t, &["that", "whether"]) || quote_after(t);
        // Any short noun phrase up to the clause when no name or listed noun heads it ("by
        // senior backbenchers that").
        let src = self.source_starting_at(k, b).or_else(|| {
            let t = (k + 1..b.min(k + MAX_SUBJECT_PHRASE + 1)).find(|&i| !d.is_word(i) || opens(i))?;
            opens(t).then(|| Src::Nominal(k, t - 1, if d.lower(t - 1).ends_with('s') { EntityKind::Group } else { EntityKind::Unknown }))
        })?;
        opens(self.src_last(src) + 1).then_some(src)
    }

    /// Token `k` is a lowercase modifier (no function word or cue) and a role word
    /// or a capital follows it: "undecided" of "said undecided Republican voter Stephanie
    /// Hooton of Derry". Kept out of line (see `passive_agent`).
    #[inline(never)]
    fn modifier_before_role(&self, k: usize, sent_end: usize) -> bool {
        let d = self.doc;
        k + 1 < sent_end
            && d.is_word(k)
            && d.first_char(k).is_lowercase()
            // (The common words hold the determiners, conjunctions, subject pronouns and "one",
            // "another": "one Trump confidant", "that Walker".)
            && d.classes(k) & (lexicon::AUX | lexicon::PREPOSITION | lexicon::CONNECTOR | lexicon::PHRASE_PREPOSITION | lexicon::PARTICLE | lexicon::COMMON_CAP) == 0
            && d.cue_lemma(k).is_none()
            && d.is_word(k + 1)
            && (is_role_noun(d, k + 1) || d.first_char(k + 1).is_uppercase())
    }

    /// The name after a dash right after the quotation closing at `close`, when it ends its
    /// sentence or a comma or a bracket follows it: "— Peres, on ...", "— Shimon Peres". Kept
    /// out of line (see `passive_agent`).
    #[inline(never)]
    fn dash_credit(&self, close: usize, b: usize) -> Option<Src> {
        let d = self.doc;
        let k = close + 2;
        if k >= b || !(d.is_punct(close + 1, '—') || d.is_punct(close + 1, '–') || d.is_punct(close + 1, '-')) || !d.is_cap(k) {
            return None;
        }
        let src = self.source_starting_at(k, b)?;
        let after = self.src_last(src) + 1;
        let person = match src {
            Src::Name(n) => matches!(self.names[n].class, NameClass::Person | NameClass::Unknown),
            Src::Nominal(..) => true,
            Src::Pronoun(..) => false,
        };
        (person && (after >= b || d.is_punct(after, ',') || d.is_punct(after, '.') || d.is_punct(after, '('))).then_some(src)
    }

    /// The bracket closing at `close` holds a party label: "(D)", "(R-OH)", "(I-Vt.)". Kept
    /// out of line (rare; see `passive_agent`).
    #[inline(never)]
    fn party_label(&self, close: usize) -> bool {
        let d = self.doc;
        let Some(open) = (close.saturating_sub(6)..close).rev().find(|&x| d.is_punct(x, '(')) else { return false };
        let w = d.tok(open + 1).as_bytes();
        d.is_word(open + 1) && matches!(w.first(), Some(b'D' | b'R' | b'I')) && (w.len() == 1 || w.get(1) == Some(&b'-'))
    }

    /// The cue is a speech verb in the passive with "by" after it: "has been warned by".
    fn passive_by(&self, cue: &Cue) -> bool {
        cue.kind == CueKind::Verb
            && cue.first > 0
            && matches!(self.word(cue.first - 1), Some("been" | "was" | "were" | "being" | "is" | "are"))
            && self.doc.lower_is(cue.last + 1, "by")
    }

    /// True when nothing but a trailer ("on Monday") or a comma-led appositive (", a political
    /// analyst in New York") follows token `after - 1` to the sentence end `b`.
    fn ends_sentence_after(&self, after: usize, b: usize) -> bool {
        let d = self.doc;
        // The appositive may end at ", adding ..." (a participle cue of its own).
        let lim = b.min(after + MAX_CLAUSE_TOKENS);
        let end = (after + 1..lim).find(|&i| d.is_punct(i, ',') && self.word(i + 1).is_some_and(|w| w.ends_with("ing") && lexicon::cue_lemma(&w).is_some())).unwrap_or(lim);
        let appositive = d.is_punct(after, ',')
            && self.word(after + 1).is_some_and(|w| one_of(w, &["a", "an", "the", "who", "one", "its", "his", "her", "their"]) || is_role_noun(d, after + 1) || d.first_char(after + 1).is_uppercase())
            && !(after..end).any(|i| d.mark[i] || self.cue_word_at(i));
        appositive || self.trailer_only(after, b)
    }

    /// An inverted source right after the cue that ends the sentence: "..., said Smith, an
    /// analyst." (Verb cues only; objects and participles never invert.)
    fn inverted_final_source(&self, cue: Cue, b: usize) -> Option<Src> {
        // "..., told AFP." names the listener; "said of the campaign" a topic.
        if cue.kind != CueKind::Verb
            || one_of(cue.lemma, &["tell", "assure", "urge", "warn", "ask", "answer"])
            || matches!(self.word(cue.last + 1).as_deref(), Some("of" | "to" | "about" | "for" | "with" | "on" | "in" | "at" | "by"))
        {
            return None;
        }
        let src = self.source_starting_at(cue.last + 1, b)?;
        // A person or group, not any noun phrase ("said their speeches would ...").
        let who_like = match src {
            Src::Name(_) => true,
            Src::Pronoun(..) => false,
            Src::Nominal(first, last, _) => {
                !one_of(self.doc.lower(first), &["his", "her", "their", "its", "one"])
                    && self.doc.in_class(last, lexicon::GROUP_NOUN | lexicon::TITLE | lexicon::ORG_HEAD | lexicon::PERSON_NOUN)
            }
        };
        (who_like && self.ends_sentence_after(self.src_last(src) + 1, b)).then_some(src)
    }

    /// True when token `k` can open a finite clause's subject: a determiner, a subject
    /// pronoun, or a capitalised name ("that the", "that he", "that Trump").
    fn clause_subject_at(&self, k: usize) -> bool {
        let d = self.doc;
        let Some(w) = self.word(k) else { return false };
        one_of(w, &["the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "some", "many", "most", "no", "none", "every", "all", "he", "she", "they", "it", "we", "i", "you", "there"]) || (d.first_char(k).is_uppercase() && !d.in_class(k, lexicon::COMMON_CAP))
    }

    /// The first token of a source.
    fn src_first(&self, src: Src) -> usize {
        match src {
            Src::Name(n) => self.names[n].first,
            Src::Pronoun(t, _) => t,
            Src::Nominal(f, _, _) => f,
        }
    }

    /// The last token of a source.
    fn src_last(&self, src: Src) -> usize {
        match src {
            Src::Name(n) => self.names[n].last,
            Src::Pronoun(t, _) => t,
            Src::Nominal(_, e, _) => e,
        }
    }

    /// A speech or object cue word at token `i` (for telling an appositive from a clause).
    fn cue_word_at(&self, i: usize) -> bool {
        self.doc.is_word(i) && (self.doc.cue_lemma(i).is_some() || self.doc.in_class(i, lexicon::OBJECT_CUE))
    }

    /// The last cue of the sentence and its source when they close the sentence after a comma,
    /// with words between the quotation closing at `close` and that comma: "..., the lawsuit
    /// says.", "..., CNN reported.", "..., reported the Washington Examiner."
    fn trailer_source(&self, close: usize, b: usize, sourced: &[(Cue, Src)]) -> Option<(Cue, Src)> {
        let d = self.doc;
        let &(cue, src) = sourced.last()?;
        if cue.kind != CueKind::Verb || matches!(src, Src::Pronoun(..)) || one_of(cue.lemma, &["ask", "answer", "tell"]) {
            return None;
        }
        let first = cue.first.min(self.src_first(src));
        // "“…,” McCain said, asked about ...": the quotation has its own attribution.
        if sourced.iter().any(|(c, _)| c.kind == CueKind::Verb && c.first > close && c.first < first) {
            return None;
        }
        let last = cue.last.max(self.src_last(src));
        if first <= close + 1 || first - close > MAX_CLAUSE_TOKENS || !d.is_punct(first - 1, ',') || !self.more_words_than(close + 1, first - 1, 0) || (close + 1..first).any(|i| d.mark[i]) {
            return None;
        }
        let mut end = b;
        while end > last + 1 && !d.is_word(end - 1) {
            end -= 1;
        }
        (end == last + 1 || self.trailer_only(last + 1, end)).then_some((cue, src))
    }

    /// The "according to" cue that opens the sentence at `a` (after a conjunction at most) and
    /// its source, when a comma closes the source before the quotation opening at `open`.
    fn opening_according(&self, a: usize, open: usize, sourced: &[(Cue, Src)]) -> Option<(Cue, Src)> {
        let d = self.doc;
        let &(cue, src) = sourced.first()?;
        let start = if self.word_in(a, &["and", "but", "so"]) { a + 1 } else { a };
        let comma = self.src_last(src) + 1;
        (cue.kind == CueKind::According && cue.first == start && comma < open && d.is_punct(comma, ',')).then_some((cue, src))
    }

    /// True when the tokens [from, b) hold nothing but a short trailer: "on Monday.",
    /// "in a statement.", "." — the cue ends its sentence.
    fn trailer_only(&self, from: usize, b: usize) -> bool {
        let d = self.doc;
        if b > from + 12 {
            return false;
        }
        let words = self.words_in(from, b);
        if words == 0 {
            return true;
        }
        if words > 6 || (from..b).any(|i| d.mark[i] || d.is_punct(i, ',')) {
            return false;
        }
        // "said on Tuesday that prices would rise", "said in Berlin it would fail": a
        // complementiser, a subject pronoun or an auxiliary after the adverbial opens a clause,
        // the content, which no trailer holds (those shapes were taken for a trailer, and the
        // clause was lost).
        // ("It" only where no preposition governs it: "written on it in silver marker"; "may"
        // is also a month, and "were" may end a relative clause, "camps that he argued in
        // 2004 were unhealthy".)
        let opens_clause = |i: usize| match self.word(i) {
            Some("that" | "he" | "she" | "they" | "we" | "i" | "would" | "will" | "could" | "should" | "must" | "might" | "can") => true,
            Some("it") => !self.word_in(i - 1, &["on", "in", "at", "of", "for", "with", "about", "from", "to", "by", "into"]),
            _ => false,
        };
        if (from + 1..b).any(opens_clause) {
            return false;
        }
        matches!(self.word(from).as_deref(), Some("on" | "in" | "at" | "last" | "this" | "late" | "early" | "yesterday" | "today" | "tuesday" | "monday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "afterward" | "later"))
            // "..., the president told her." / "..., Smith told reporters.": a listener.
            || (matches!(self.word(from).as_deref(), Some("him" | "her" | "them" | "me" | "us" | "reporters")) && (!self.more_words_than(from + 1, b, 0) || self.trailer_only(from + 1, b)))
            // "..., said John Smith of Barclays.": the speaker's affiliation.
            || (self.doc.lower_is(from, "of") && from > 0 && from + 1 < b && self.name_at_last.at(from - 1).is_some() && d.first_char(from + 1).is_uppercase())
            // "..., said Smith." / "said Smith on Monday.", but not "urged Congress to act";
            // "..., an official told The New York Times."
            || self.name_at_first.at(if self.doc.lower_is(from, "the") { from + 1 } else { from }).is_some_and(|n| {
                let after = self.names[n].last + 1;
                !self.more_words_than(after, b, 0) || self.trailer_only(after, b)
            })
    }

    fn direct(&mut self, q: usize, a: usize, b: usize, sourced: &[(Cue, Src)]) {
        let d = self.doc;
        let qm = d.quotes[q];
        let close = qm.close.unwrap_or_else(|| d.partition_near(qm.open, &|t| t.span().end <= qm.span.end).saturating_sub(1));
        let mut found: Option<(Option<usize>, Span, Option<Span>)> = None;
        // 00. The sentence ends on an attribution after a comma ("..., the lawsuit says.",
        //     "..., reported the Washington Examiner.", "..., CNN reported.") that does not
        //     follow the quotation at once: the whole sentence is that source's report, and
        //     PolNeAR gives its quotations to it, whatever cue or subject stands inside.
        //     So does a sentence that opens on "According to X," ("According to GMA News,
        //     Salceda said the “ugliness of utterances” ...", "According to ProPublica, Clinton
        //     praised her “wonderful donors”"): X reports all that follows.
        if let Some((cue, src)) = self.trailer_source(close, b, sourced).or_else(|| self.opening_according(a, qm.open, sourced)) {
            let who = self.resolve(src);
            found = Some((who.0, who.1, Some(d.span(cue.first, cue.last))));
        }
        // 0. The quotation is what someone calls a thing: "what Newt Gingrich called “…”",
        //    "a clip that Judge Mosman called “distasteful,” Santilli expressed ...". The
        //    naming verb's subject is its source, whatever cue the sentence has elsewhere.
        if let Some(src) = self.naming_subject(a, qm.open, sourced).filter(|_| found.is_none()) {
            let who = self.resolve(src);
            found = Some((who.0, who.1, None));
        }
        // 0b. A quotation closing an opening adverbial clause belongs to that clause's cue, not
        //     to the main clause after it: "After Scalia said that minority students might do
        //     better at “less advanced schools,” Trump said: ...", "When someone in the audience
        //     shouted, “Cruz,” Beck joked".
        if found.is_none() {
            if let Some(src) = self.adverbial_clause_source(a, q, sourced) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, None));
            }
        }
        // 0c. An epigraph's or a pull quote's credit: "“…” — Peres, on whether …", "“…” —
        //     Shimon Peres": a quotation that opens its sentence, a dash and a name. Asked
        //     first: the clause after the name ("on whether the Arab states' oil ...") has
        //     cues and names of its own, and "Arab" spoke.
        if found.is_none() && qm.open <= a + 1 {
            if let Some(src) = self.dash_credit(close, b) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, None));
            }
        }
        // 1. Right after: "“...,” Smith said" / "“...,” said Smith" / "“...,” he added".
        let mut k = close + 1;
        while k < b && d.is_punct(k, ',') {
            k += 1;
        }
        if found.is_none() && k < b {
            let lo = sourced.partition_point(|(c, _)| c.first < k);
            let hi = sourced.partition_point(|(c, _)| c.first <= k + 3 + MAX_APPOSITIVE);
            for &(cue, src) in &sourced[lo..hi] {
                let sp = src.span(d, self.names);
                let cue_span = d.span(cue.first, cue.last);
                let src_here = sp.start == d.toks[k].span().start;
                let cue_here = cue.first == k;
                // "a “chief trade prosecutor” who reports directly to the president": a relative
                // right after the quotation describes the quoted phrase; it does not speak it.
                if src_here && matches!(src, Src::Pronoun(_, PronounKind::Relative)) {
                    continue;
                }
                // "“...” for Clinton, said Kunin": a short phrase between quote and cue.
                let inverted_near = sp.start >= cue_span.end
                    && cue.first > k
                    && cue.first <= k + 6
                    && d.is_punct(cue.first - 1, ',')
                    && !(k..cue.first).any(|i| d.mark[i]);
                // "“…,” Miller, a retired worker from a nuclear plant, said": a source opening
                // an appositive may stand further from its cue.
                let appositive = src_here && d.is_punct(self.src_last(src) + 1, ',') && cue.first <= self.src_last(src) + 2 + MAX_APPOSITIVE;
                if (src_here && cue.first > k && (cue.first <= k + 8 || appositive)) || (cue_here && sp.start >= cue_span.end) || inverted_near {
                    // "“…,” Walker said, according to an Associated Press account": the
                    // attribution is reported second-hand; PolNeAR's source is the one the
                    // sentence cites, named after "according to".
                    let (cue, src) = sourced[lo..]
                        .iter()
                        .find(|(c, _)| c.kind == CueKind::According && c.first > cue.last && d.is_punct(c.first - 1, ','))
                        .copied()
                        .unwrap_or((cue, src));
                    let cue_span = d.span(cue.first, cue.last);
                    let who = self.resolve(src);
                    found = Some((who.0, who.1, Some(cue_span)));
                    break;
                }
            }
        }
        // 1b. A verb the lexicon does not know, right after a quote that ends in a comma:
        //     "“...,” the nominee riffed", "“...,” remembered Roy Verley". The comma inside
        //     the closing mark is what news style reserves for an attribution that follows.
        //     A question or exclamation mark in that place works the same ("“All the way!”
        //     Dawson shouted").
        let closing = close.saturating_sub(1);
        let opening_quote = qm.open <= a + 1;
        if found.is_none() && k < b && qm.close.is_some() && (d.is_punct(closing, ',') || d.is_punct(close + 1, ',') || d.is_punct(closing, '!') || d.is_punct(closing, '?')) {
            // In mid-sentence a form in -ed before a preposition is a participle modifying the
            // phrase before it ("“on pace to get 1,237 delegates,” the number needed to secure
            // the nomination"), not a speech verb.
            let participle = |i: usize| qm.open > a + 1 && d.lower(i).ends_with("ed") && self.word(i + 1).is_some_and(|n| one_of(n, &["to", "by", "upon", "for", "in", "at", "as", "with", "from"]));
            let verbish = |i: usize| {
                d.is_word(i) && d.first_char(i).is_lowercase() && !participle(i) && {
                    let w = d.lower(i);
                    w.len() > 3 && (w.ends_with("ed") || w.ends_with('s')) && !d.in_class(i, lexicon::COMMON_CAP)
                }
            };
            let src_end = |src: &Src| match *src {
                Src::Name(n) => self.names[n].last,
                Src::Pronoun(t, _) => t,
                Src::Nominal(_, e, _) => e,
            };
            // After a name or a personal pronoun any finite verb form will do ("“…,” she went
            // on", "“…,” Bennett shot back"): not a copula, an auxiliary, a preposition or a
            // conjunction, which would start a clause of the sentence's own. Only for a quotation
            // opening its sentence: in mid-sentence ("In what he acknowledged as a “rant,”
            // President Obama took ...") the name is the subject of the sentence's own verb.
            let any_verb = |s: &Src, i: usize| {
                qm.open <= a + 1
                    && matches!(s, Src::Name(_) | Src::Pronoun(_, PronounKind::Male | PronounKind::Female | PronounKind::Plural))
                    && d.is_word(i)
                    && d.first_char(i).is_lowercase()
                    && !d.lower(i).ends_with("ing")
                    && !d.in_class(i, lexicon::PHRASE_PREPOSITION)
                    && !d.in_class(i, lexicon::COMMON_CAP)
                    && !one_of(d.lower(i), &["is", "was", "are", "were", "be", "been", "has", "had", "have", "and", "or", "but", "who", "which", "that", "as", "than", "says", "said", "could", "would", "will", "can", "may", "might", "should", "must", "do", "does", "did", "not"])
            };
            // A relative right after the quotation ("“…,” who proceeded to ...") describes someone
            // named before; it does not attribute the quotation.
            // "“Will he be the next attorney general?” a Democratic staffer in the room
            // wondered": after a quotation opening its sentence, a short prepositional phrase
            // may stand between a determiner-led subject and its verb.
            let verb_at = |s: &Src| -> Option<usize> {
                let v = src_end(s) + 1;
                if verbish(v) || any_verb(s, v) {
                    return Some(v);
                }
                let determiner = matches!(s, Src::Nominal(f, _, _) if self.word_in(*f, &["a", "an", "the", "one"]));
                if !(determiner && qm.open <= a + 1 && self.word(v).is_some() && d.in_class(v, lexicon::PHRASE_PREPOSITION)) {
                    return None;
                }
                (v + 1..b.min(v + 1 + MAX_NOUN_MODIFIERS + 1)).take_while(|&i| self.word(i).is_some_and(|_| d.first_char(i).is_lowercase())).find(|&i| verbish(i) && d.lower(i).ends_with("ed"))
            };
            if let Some((src, v)) = self.source_starting_at(k, b).filter(|s| !matches!(s, Src::Pronoun(_, PronounKind::Relative))).and_then(|s| verb_at(&s).map(|v| (s, v))) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, Some(d.toks[v].span())));
            } else if verbish(k) || one_of(d.lower(k), &["read", "reads"]) {
                // "''Choke!'' blared the front page of The Boston Herald": after a quotation
                // opening its sentence, a determiner-led phrase too ("“…,” reads a Wednesday
                // editorial in The Des Moines Register"). So after "read", which is no speech
                // verb before a subject ("“…,” read the statement").
                let opening = qm.open <= a + 1;
                // "opined Cleveland's Plain Dealer": past a possessive name to the one it owns.
                let owned = d.is_cap(k + 1) && self.possessive(Src::Pronoun(k + 1, PronounKind::Relative));
                // "“…,” read one.": a bare "one" or "another" that ends the sentence.
                let bare = (self.word_in(k + 1, &["one", "another"]) && d.is_punct(k + 2, '.')).then_some(Src::Nominal(k + 1, k + 1, EntityKind::Unknown));
                let fits = |s: &Src| matches!(s, Src::Name(_)) || (opening && matches!(s, Src::Nominal(f, _, _) if self.word_in(*f, &["the", "a", "an", "one", "another"])));
                let owned_src = if owned { self.source_starting_at(k + 2, b).filter(fits) } else { None };
                if let Some(src) = owned_src.or_else(|| self.source_starting_at(k + 1, b).or(bare).filter(fits)) {
                    let who = self.resolve(src);
                    found = Some((who.0, who.1, Some(d.toks[k].span())));
                }
            } else if self.doc.lower_is(k, "came") && opening_quote {
                // "“Call the roll,” came shouts from the crowd": the words come from the phrase
                // after "from".
                if let Some(f) = (k + 1..b.min(k + 1 + MAX_GOVERNED_GAP + 1)).take_while(|&i| d.is_word(i)).find(|&i| self.doc.lower_is(i, "from")) {
                    if let Some(src) = self.source_starting_at(f + 1, b) {
                        let who = self.resolve(src);
                        found = Some((who.0, who.1, Some(d.toks[k].span())));
                    }
                }
            }
        }
        // 1c. After a quotation that closes on a comma, question or exclamation mark, the
        //     phrase up to a speech verb is its subject, whatever the phrase ("“…,” the
        //     bespectacled, 71-year-old diplomat said"); an inverted speech verb introduces a
        //     name after a run of role words ("“…,” said former Pennsylvania Gov. and DNC
        //     Chairman Ed Rendell"). News style reserves that slot for the attribution.
        if found.is_none() && k < b && qm.close.is_some() && (d.is_punct(closing, ',') || d.is_punct(close + 1, ',') || d.is_punct(closing, '!') || d.is_punct(closing, '?')) {
            if let Some(src) = self.postquote_subject(k, b).or_else(|| self.inverted_role_name(k, b)) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, None));
            }
        }
        // 2. Right before: "Smith said: “...”", "He added, “...”", "stressing, “...”".
        if found.is_none() && qm.open > a {
            let mut k = qm.open - 1;
            while k > a && (d.is_punct(k, ',') || d.is_punct(k, ':')) {
                k -= 1;
            }
            let lo = sourced.partition_point(|(c, _)| c.last + 4 < k);
            let hi = sourced.partition_point(|(c, _)| c.last <= k);
            for (i, &(cue, src)) in sourced.iter().enumerate().take(hi).skip(lo) {
                if cue.last == k || (cue.last < k && k - cue.last <= 4 && !(cue.last + 1..=k).any(|i| d.mark[i])) {
                    // "Trump told reporters he thought Fields had “made up the story”": the
                    // cue nearest the quote may itself sit in an earlier cue's complement
                    // (see step 3); the outer source speaks. Not when the quotation follows
                    // its cue directly ("he said: “…”"), nor when a comma or colon introduces
                    // it as direct speech ("Weber told the paper that her boss had told
                    // colleagues, “…”"): the inner source said those words.
                    // Verbs of saying only: "if he wants our guns, “come and take it”" is no
                    // direct speech of "he".
                    let introduced = k + 1 < qm.open && introduces_speech(cue.lemma);
                    let mut o = i;
                    while cue.last < k && !introduced && o > 0 && self.opens_complement_of(&sourced[o - 1], &sourced[o]) {
                        o -= 1;
                    }
                    let (cue, src) = if o < i { sourced[o] } else { (cue, src) };
                    let who = self.resolve_within(src, q, a);
                    found = Some((who.0, who.1, Some(d.span(cue.first, cue.last))));
                    break;
                }
            }
        }
        // 2b. A byline before a colon: "IOWA POLLS NOT WRONG - Mark Blumenthal and Jon Cohen:
        //     “…”", "From the report: “…”". With no verb, the colon right after a name or a
        //     document introduces its words (PolNeAR takes the colon as the cue).
        if found.is_none() && qm.open > a + 1 && d.is_punct(qm.open - 1, ':') {
            if let Some(src) = self.byline_before(qm.open - 1, a) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, Some(d.toks[qm.open - 1].span())));
            }
        }
        // 2c. "As Tom Ridge put it: “…”", "As The Post's Ruth Marcus puts it, ...": the idiom is
        //     a cue, and its subject the source of the quote the sentence goes on to give.
        if found.is_none() && qm.open > a {
            if let Some(src) = self.as_x_put_it(a, qm.open) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, None));
            }
        }
        // 2d. "After Jerry Brown criticized Bill Clinton, Hillary shot back, “…”", "While
        //     Sullivan proclaims the article a “…,” Clinton fixates on the “pivot” line": the
        //     cues of an opening adverbial clause say nothing of a quotation in the main clause;
        //     the main clause's subject speaks it.
        if found.is_none() && qm.open > a {
            if let Some(src) = self.main_clause_subject(a, qm.open, sourced) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, None));
            }
        }
        // 3. Inside reported content of this sentence, or any cue of the sentence.
        //    But a verb that governs the quotation with its own subject after a comma starts a
        //    clause of its own that the reported content ran over ("Rubio ... said it was great
        //    to be home, a man yelled “Stay there!”"): its subject speaks.
        let own_clause = || {
            self.governing_subject(a, qm.open).filter(|g| {
                let f = match *g {
                    Src::Name(n) => self.names[n].first,
                    Src::Pronoun(t, _) => t,
                    Src::Nominal(f, _, _) => f,
                };
                // Not the clause a parenthetical cue opens ("Six months ago, the senator said,
                // the media considered him a “…”").
                f > a + 1 && d.is_punct(f - 1, ',') && !self.cue_word_at(f - 2) && !matches!(g, Src::Pronoun(_, PronounKind::Relative))
            })
        };
        if found.is_none() {
            if let Some(g) = self.direct_speaker[q].and_then(|_| own_clause()) {
                let who = self.resolve(g);
                found = Some((who.0, who.1, None));
            } else if let Some((e, sp)) = self.direct_speaker[q] {
                found = Some((Some(e), sp, None));
            } else if let Some(&(cue, src)) = {
                let before = sourced.partition_point(|(c, _)| c.last < qm.open);
                let after = sourced.partition_point(|(c, _)| c.first <= close);
                // "Donald Trump told reporters he thought Fields had “made up the story”",
                // "Manafort told friends that the candidate knew ... a “badge of honor”": a cue
                // whose subject opens the complement of an earlier cue is part of what that
                // cue reports; PolNeAR gives the quotation to the outer source.
                let outer = |i: usize| -> usize {
                    let mut i = i;
                    while i > 0 && self.opens_complement_of(&sourced[i - 1], &sourced[i]) {
                        i -= 1;
                    }
                    i
                };
                before.checked_sub(1).map(|i| &sourced[outer(i)]).or(sourced.get(after))
            } {
                // A verb the lexicon does not know may govern the quote right before it, in
                // another clause than the sentence's cue ("He said, ... - at which point the
                // crowd chanted “Build the wall!”", "..., to which O'Malley interjected: “…”").
                // Its subject speaks when it is someone else; when it takes up the same person
                // ("The president denounced what he called ''…''"), the cue's mention stays.
                let gov = self.governing_subject(a, qm.open).or_else(|| self.absolute_governing(a, qm.open)).filter(|g| {
                    let ge = self.peek_entity(*g);
                    ge.is_none() || ge != self.peek_entity(src)
                });
                if let Some(g) = gov.filter(|_| cue.last + 1 < qm.open && !(cue.last + 1..qm.open).all(|i| !d.is_word(i))) {
                    let who = self.resolve(g);
                    found = Some((who.0, who.1, None));
                } else {
                    let who = self.resolve_within(src, q, a);
                    found = Some((who.0, who.1, Some(d.span(cue.first, cue.last))));
                }
            }
        }
        // 3b. A quote standing as its own paragraph, signed on the next line with a dash:
        //     "“I will look into it.”" / "- Hillary Clinton." (quote boxes, tweets).
        if found.is_none() && a == qm.open {
            if let Some(src) = self.signature_after(close) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, None));
            }
        }
        // 4. A quote opening its sentence with no cue of its own: the speaker of the sentence
        //    before in this paragraph goes on (`"A," Smith said. "B."`), or, at a paragraph
        //    start, the speaker of the previous paragraph's last direct quote (AP style).
        // A conjunction or connective before the quote does not change this ("But “…”",
        // "Now, “…”").
        let opens = a == qm.open
            || (qm.open <= a + 2
                && matches!(self.word(a).as_deref(), Some("but" | "and" | "yet" | "still" | "now" | "rather" | "instead" | "also" | "so" | "then" | "again" | "later"))
                && (a + 1..qm.open).all(|k| d.is_punct(k, ',')))
            || self.opening_clause_only(a, qm.open, sourced);
        if found.is_none() && opens {
            found = self.previous_speaker(a);
        }
        // 4c. A quote that is a sentence of its own after a sentence of the same paragraph that
        //     has no quotation and a person as its subject: "Maresca smiled. “He is very
        //     good.”", "Postecoglou shrugged. “…”" (news style's speaker before a quote that
        //     no verb of saying introduces).
        if found.is_none() && a == qm.open {
            if let Some(src) = self.person_subject_before(a) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, None));
            }
        }
        // Only whether the quote is longer than a scare quote matters: counting stops there.
        let long = self.more_words_than(qm.open, close + 1, MAX_SCARE_WORDS);
        // 4b. A quotation after a colon that ends a clause with no known cue: the clause's
        //     subject introduces it ("a spokesman for Bernie Sanders could only quip: “…”",
        //     "A footnote in the report makes that clear: “…”").
        if found.is_none() && qm.open > a + 2 && d.is_punct(qm.open - 1, ':') {
            if let Some(src) = self.colon_clause_subject(a, qm.open - 1) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, Some(d.toks[qm.open - 1].span())));
            }
        }
        // 5. A quotation embedded in a sentence without a cue ("He called on them to know
        //    that “...”", "Trump called the deal “a disaster”"): the sentence's subject, when it
        //    is a person, an organisation or a pronoun, speaks (PolNeAR attributes such partial
        //    quotes to the subject). With no such subject a short quote is a scare quote.
        if found.is_none() && a < qm.open {
            if let Some(src) = self.governing_subject(a, qm.open).or_else(|| self.subject(a, qm.open)).filter(|s| self.is_speaker_like(*s)) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, None));
            }
        }
        // 5b. A longer quotation in a sentence with no cue and no subject that could speak,
        //     right after a sentence that attributes speech: "“…,” Bill Clinton has said while
        //     stumping for his wife. That makes her “by definition a trustworthy, reliable good
        //     person …”". The speaker goes on (PolNeAR guidelines §3: a source may be in a
        //     neighbouring sentence). A short one stays a scare quote.
        if found.is_none() && sourced.is_empty() && long {
            found = self.attributed_sentence_before(a);
        }
        // 6. A pronoun or a relative "who" that opens a later clause about the same source,
        //    between its mention and the quote: "Comey recommended ..., but he called her
        //    actions ''extremely careless''", "Mr. Scott, who has called the remarks ''toxic,''
        //    portrayed ...". PolNeAR marks the mention nearest the quote: the subject of the
        //    quote's own clause.
        if let Some((Some(e), sp, cue)) = found {
            let t = d.partition_near(a, &|t| t.span().start < sp.start);
            // A cue before the mention counts as one the pronoun may stand in the report of
            // ("According to Trump, he was once ...").
            let cued = cue.is_some_and(|c| c.end <= sp.start);
            if t >= a && sp.end <= d.toks[qm.open].span().start {
                if let Some(src) = self.nearer_clause_subject(cued, t, qm.open, e, self.opens_subordinate_clause(a, t)) {
                    let who = self.resolve(src);
                    found = Some((who.0, who.1, None));
                }
            }
        }
        // 6b. A non-restrictive "which" followed by a speech verb that the quotation follows:
        //     "He held up the sign — which read “Hispanics 4 Trump”", "the AP report, which
        //     notes, “…”". The thing named speaks, and PolNeAR marks the relative as its
        //     mention.
        if let Some((_, sp, _)) = found {
            if sp.end <= d.toks[qm.open].span().start && sp.start >= d.toks[a].span().start {
                if let Some(r) = self.speaking_relative(sp.end, qm.open) {
                    let who = self.resolve(Src::Pronoun(r, PronounKind::Relative));
                    found = Some((who.0, who.1, Some(d.toks[r + 1].span())));
                }
            }
        }
        // A restrictive "who" ("any candidate who wants to win Iowa “owes it ...”", "slamming
        // candidates who think they can “outsource” ..."), with no comma before it, belongs
        // to a noun phrase inside the sentence's own statement: the source of the sentence's
        // cue before it, else the sentence's subject, speaks. So does one right after a
        // quoted word ("a “chief trade prosecutor” who reports to the president").
        if let Some((_, sp, _)) = found {
            let t = d.partition_near(a, &|t| t.span().start < sp.start);
            if t > a && t < b && d.toks[t].span() == sp && self.doc.lower_is(t, "who") && !d.is_punct(t - 1, ',') && (d.is_word(t - 1) || d.mark[t - 1]) {
                let outer = sourced
                    .iter()
                    .rev()
                    .find(|(c, s)| c.last < t && c.first >= a && !matches!(s, Src::Pronoun(_, PronounKind::Relative)))
                    .map(|&(_, s)| s)
                    .or_else(|| self.subject(a, t).filter(|s| !matches!(s, Src::Pronoun(_, PronounKind::Relative)) && self.src_last(*s) < t));
                if let Some(src) = outer {
                    let who = self.resolve(src);
                    found = Some((who.0, who.1, None));
                }
            }
        }
        // 6. A headline in title case ("Woman Steps Forward With Bombshell Claim: …", "Media
        //    Growls In Response To …"): its verbs are capitalised too, so the name pass may
        //    take a run from the verb on as a name, and the subject found above lies past the
        //    headline's real subject. The words before the first title-case verb are it.
        //    A cue there is a capitalised verb of a clause inside the headline ("Justice Who
        //    Once Mocked ‘…’"); a speaker after the quotation ("‘…,’ Howard Dean Tells ...")
        //    stays.
        if let Some((_, sp, _)) = found {
            if let Some(src) = self.title_case_subject(a, qm.open).filter(|&src| sp.start > src.span(d, self.names).start && sp.end <= qm.span.start) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, None));
            }
        }
        // 7. A title in quotation marks is nobody's words: a scare quote, whatever speaks in
        //    its sentence.
        if !long && qm.close.is_some() && a < qm.open && self.work_title(a, b, qm.open, close) {
            found = None;
        }
        let kind = if found.is_none() && !long && a < qm.open { QuoteKind::Scare } else { QuoteKind::Direct };
        let (speaker, mention, cue) = match found {
            Some((e, sp, cue)) => (e, Some(sp), cue),
            None => (None, None, None),
        };
        if let Some(e) = speaker {
            self.direct_speaker[q] = Some((e, mention.unwrap_or_default()));
        }
        // "“A,” he said, “B.”": the second part continues the first.
        let lo = self.quotes.len().saturating_sub(MAX_CONTINUATION_LOOKBACK);
        let continues = self.quotes[lo..]
            .iter()
            .rposition(|p| p.kind == QuoteKind::Direct && p.cue.is_some() && p.cue == cue && p.speaker == speaker)
            .map(|i| i + lo);
        self.quotes.push(Quote { span: qm.span, kind, speaker, speaker_mention: mention, cue, continues });
        // Nested quotes: words the speaker quotes from someone, or holds at a distance.
        for inner in d.quotes.iter().skip(q + 1).take_while(|p| qm.span.contains(p.span)) {
            let close = inner.close.unwrap_or(inner.open);
            // Not a reported quotation whose speaker is nobody known ("Somebody might say
            // ‘establishment’"): that stays a scare quote.
            let marked = d.is_punct(inner.open - 1, ',') || d.is_punct(inner.open - 1, ':');
            if let Some((who, mention, cue)) = self.nested_speaker(qm.open, inner.open, speaker).filter(|n| marked || n.0.is_some()) {
                self.quotes.push(Quote { span: inner.span, kind: QuoteKind::Direct, speaker: who, speaker_mention: Some(mention), cue: Some(cue), continues: None });
                continue;
            }
            let kind = if !self.more_words_than(inner.open, close + 1, MAX_SCARE_WORDS) { QuoteKind::Scare } else { QuoteKind::Direct };
            self.quotes.push(Quote { span: inner.span, kind, speaker: None, speaker_mention: None, cue: None, continues: None });
        }
    }

    /// The speaker of a quotation nested in another (opening at `outer`), when the outer
    /// speaker introduces it as direct speech, with a verb of saying and a comma or colon right
    /// before it: “She said to me, ‘We are not done,’” Lopez recalled. "I" or "we" is the outer
    /// speaker (`outer_speaker`); a third person's pronoun is someone else, found before the
    /// outer quotation; a name is its own entity. (Entity, mention span, cue span.)
    ///
    /// Without the comma or colon, the verb may also report the nested quotation as part of its
    /// clause, at most [`MAX_NESTED_REPORT_WORDS`] words before it: “The IMF told her in March
    /// that ‘the numbers do not add up,’” and “The minister told me he would ‘look closely’ at
    /// it.” Those were scare quotes of nobody's.
    fn nested_speaker(&mut self, outer: usize, open: usize, outer_speaker: Option<usize>) -> Option<(Option<usize>, Span, Span)> {
        let d = self.doc;
        if open < outer + 3 {
            return None;
        }
        let marked = d.is_punct(open - 1, ',') || d.is_punct(open - 1, ':');
        let (end, window) = if marked { (open - 1, MAX_LISTENER_WORDS + 1) } else { (open, MAX_NESTED_REPORT_WORDS) };
        let lo = (outer + 1).max(end.saturating_sub(window));
        let v = (lo..end).rev().find(|&v| d.is_word(v) && d.first_char(v).is_lowercase() && d.cue_lemma(v).is_some_and(introduces_speech))?;
        if (v + 1..end).any(|i| !d.is_word(i)) {
            return None;
        }
        // The subject right before the verb, over auxiliaries.
        let mut s = v;
        while s > outer + 1 && v - s < MAX_AUX_RUN && d.is_word(s - 1) && d.in_class(s - 1, lexicon::AUX) {
            s -= 1;
        }
        let k = s.checked_sub(1).filter(|&k| k > outer)?;
        let cue = d.toks[v].span();
        if let Some(n) = self.name_at_last.at(k) {
            // A title nobody held yet ("The minister told me") becomes its speaker, as outside
            // quotations; other names keep the entity the registry gave them, if any.
            let e = match self.reg.of_name[n] {
                None if self.names[n].class == NameClass::Title => Some(self.reg.speaker_entity(d, self.names, Some(n), self.names[n].span, EntityKind::Unknown)),
                e => e,
            };
            return Some((e, self.names[n].span, cue));
        }
        let w = self.word(k)?;
        // "My father always said, ‘Keep calm.’", "the doctor told us: ‘…’": a determiner and
        // a lowercase noun, with at most MAX_NOUN_MODIFIERS words between, that open a clause
        // (after punctuation or a conjunction) name the one who said it (an unnamed source, as
        // outside quotations). Not the object of a preposition or a verb ("on the campaign
        // trail saying", "gave me a huge smile and said").
        if lexicon::pronoun(&w).is_none() {
            let plain = |i: usize| {
                d.is_word(i)
                    && d.first_char(i).is_lowercase()
                    && d.cue_lemma(i).is_none()
                    && !d.in_class(i, lexicon::AUX | lexicon::PREPOSITION)
                    && !one_of(d.lower(i), &["and", "or", "but", "who", "which", "that", "is", "are", "was", "were", "be"])
            };
            let det = ((outer + 1).max(k.saturating_sub(MAX_NOUN_MODIFIERS + 1))..k)
                .rev()
                .take_while(|&i| d.is_word(i))
                .find(|&i| self.det_at(i))?;
            let opens = det == outer + 1 || !d.is_word(det - 1) || one_of(d.lower(det - 1), &["and", "but", "so", "then"]);
            if !opens || !(det + 1..=k).all(plain) {
                return None;
            }
            let span = d.span(det, k);
            let e = self.reg.speaker_entity(d, self.names, None, span, EntityKind::Unknown);
            return Some((Some(e), span, cue));
        }
        let p = lexicon::pronoun(&w)?;
        let who = match p {
            PronounKind::First => outer_speaker,
            PronounKind::Relative => return None,
            _ => self.reg.antecedent_except(d, outer, p, outer_speaker),
        };
        let span = d.toks[k].span();
        if let Some(e) = who {
            self.reg.add_unplaced_pronoun(span, e);
        }
        Some((who, span, cue))
    }

    /// The subject of a headline in title case that runs from `a` to the quotation at `open`:
    /// the capitalised words before its first verb-like word (a capitalised form in -s or -ed
    /// right after them: "Woman Steps", "Wisconsin Elects"). Only in the text's first paragraph
    /// (its title), and when no word longer than [`MAX_TITLE_LOWERCASE`] letters before the
    /// quotation is lowercase and at most half are in capitals.
    fn title_case_subject(&self, a: usize, open: usize) -> Option<Src> {
        let d = self.doc;
        // Only the title line that opens the text.
        if d.para[a] != 0 {
            return None;
        }
        let end = open.min(a + SUBJECT_WINDOW);
        let (mut words, mut capitals) = (0, 0);
        for i in a..end {
            if d.mark[i] || d.outer_quote.at(i).is_some() {
                break;
            }
            if d.is_word(i) {
                // A lowercase content word: not title case.
                let t = d.tok(i);
                if d.first_char(i).is_lowercase() && t.chars().count() > MAX_TITLE_LOWERCASE {
                    return None;
                }
                if t.chars().count() > 1 && !t.chars().any(char::is_lowercase) {
                    capitals += 1;
                }
                words += 1;
            }
        }
        // A line mostly in capitals ("IOWA POLLS NOT WRONG - Mark Blumenthal:") is no title
        // case either.
        if words < MIN_TITLE_WORDS || capitals * 2 > words {
            return None;
        }
        let verb_like = |i: usize| {
            let w = d.lower(i);
            d.is_word(i) && d.first_char(i).is_uppercase() && w.len() > 3 && ((w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")) || w.ends_with("ed"))
        };
        // A capitalised noun: not a function word ("When", "From"), a pronoun or a clitic form.
        let subject_word = |i: usize| {
            d.is_word(i) && d.first_char(i).is_uppercase() && !d.tok(i).contains(['\'', '’']) && lexicon::pronoun(d.lower(i)).is_none() && !d.in_class(i, lexicon::COMMON_CAP)
        };
        let v = (a + 1..(a + 1 + MAX_NOMINAL_ENTITY_WORDS).min(end)).find(|&i| verb_like(i))?;
        (a..v).all(subject_word).then_some(Src::Nominal(a, v - 1, EntityKind::Unknown))
    }

    /// The clause subject nearest before the quotation opening at `open`, after the source
    /// mention whose first token is `mention` (`cued` when its cue stands before it): a
    /// personal pronoun that opens a clause of its own (after a comma, a dash or a
    /// conjunction) and takes up entity `e`, or a "who" after a comma whose clause still holds
    /// the quotation. None when that nearest subject opens a complement ("Trump told reporters
    /// he thought ...", "said that if he ..."): that clause is the outer source's report. Looks
    /// back at most [`SUBJECT_WINDOW`] tokens.
    fn nearer_clause_subject(&self, cued: bool, mention: usize, open: usize, e: usize, subordinate: bool) -> Option<Src> {
        let d = self.doc;
        let lo = open.saturating_sub(SUBJECT_WINDOW).max(mention + 1);
        for k in (lo..open).rev() {
            if d.mark[k] {
                return None;
            }
            let Some(w) = self.word(k) else { continue };
            let Some(p) = lexicon::pronoun(w).filter(|p| matches!(p, PronounKind::Male | PronounKind::Female | PronounKind::Plural | PronounKind::Relative)) else { continue };
            let next_ok = self.word(k + 1).is_some_and(|n| d.first_char(k + 1).is_lowercase() && !d.in_class(k + 1, lexicon::PHRASE_PREPOSITION) && !one_of(n, &["and", "or"]))
                || (p == PronounKind::Relative && d.is_punct(k + 1, ','));
            let prev = k - 1;
            let opens = if p == PronounKind::Relative {
                d.is_punct(prev, ',')
            } else {
                d.is_punct(prev, ',')
                    || d.is_punct(prev, '-')
                    || d.is_punct(prev, '—')
                    || d.is_punct(prev, ';')
                    || self.word_in(prev, &["and", "but", "although", "though", "as", "when", "where", "while", "because", "since", "if", "so", "after", "before", "once", "until", "yet", "whereas"])
            };
            if !next_ok {
                continue;
            }
            // After a mention in an opening subordinate clause ("When he returned he began by
            // saying, “…”", "Although in September she said ..., this week she said ..."), the
            // main clause's subject needs no opener; a pronoun right after a cue or its "that"
            // is still part of a report and is passed over.
            let complement = self.word(prev).is_some_and(|w| w == "that" || self.cue_word_at(prev));
            if subordinate && !opens && p != PronounKind::Relative {
                // Nor does a relative clause's subject ("a sound bite for which she later
                // apologized") count.
                if complement || self.word_in(prev, &["which", "whom", "who"]) {
                    continue;
                }
            } else if !opens {
                // The nearest clause subject opens a complement ("told ... that he believed"):
                // the quotation is in what the outer source reports.
                return None;
            }
            let same = if p == PronounKind::Relative {
                // The quotation must stand inside the relative clause: "Trump, who has nearly
                // 9 million followers, tweeted, “…”" closes the clause at the comma before the
                // main verb. A comma right after "who" opens an aside inside the clause ("who,
                // after trading insults ..., said").
                !self.relative_closed(k, open) && prev > 0 && self.name_at_last.at(prev - 1).is_some_and(|n| self.reg.of_name[n] == Some(e))
            } else {
                // After a cue the pronoun mostly stands in what the cue reports ("Abbott told the
                // President that if he wants ...", "Carson added, he did not ..."): that clause
                // is the outer source's. Only a contrast opens a clause of the source's own
                // ("Reid said ..., but he gave the Texan a back-handed compliment: “…”").
                // A cue with an object ("Clinton endorsed the deal, although she ...", "Obama
                // decried ''…,'' and he foreshadowed ...") reports nothing the pronoun could
                // stand in; one followed by a comma, a subject or a complementiser does ("said,
                // if elected, she ...", "said he ...", "told the President that if he ...").
                let complement = |i: usize| {
                    d.is_punct(i + 1, ',')
                        || self.name_at_first.at(i + 1).is_some()
                        || self.word(i + 1).is_some_and(|w| lexicon::pronoun(w).is_some())
                        || (i + 1..k).any(|j| self.word_in(j, &["that", "if", "whether", "how", "why"]))
                };
                let reported = cued || (lo.saturating_sub(1).max(mention)..k).any(|i| self.cue_word_at(i) && complement(i));
                (!reported || self.word_in(prev, &["but", "yet"])) && self.peek_entity(Src::Pronoun(k, p)) == Some(e)
            };
            return same.then_some(Src::Pronoun(k, p));
        }
        None
    }

    /// Does the mention at token `t` stand in a subordinate clause opening the sentence at `a`
    /// ("When he returned ...", "And when she saw ...", "Although in September she said ...")?
    fn opens_subordinate_clause(&self, a: usize, t: usize) -> bool {
        let mut i = a;
        if matches!(self.word(i), Some("and" | "but" | "so" | "yet")) {
            i += 1;
        }
        self.word_in(i, &["when", "while", "although", "though", "after", "before", "because", "since", "once", "until", "whereas", "if"])
            && t > i
            && t - i <= MAX_ADVERBIAL_CHUNK_TOKENS
            && (i + 1..t).all(|k| self.doc.is_word(k) || self.doc.toks[k].kind == Tk::Number)
    }

    /// A relative "which" right after a comma or dash after a word, whose
    /// speech verb ("said", "reads", "notes") the quotation opening at `open` follows, over at
    /// most a comma: its token. Searched from the first token ending after char `from`.
    fn speaking_relative(&self, from: usize, open: usize) -> Option<usize> {
        let d = self.doc;
        let v = open.checked_sub(if d.is_punct(open - 1, ',') || d.is_punct(open - 1, ':') { 2 } else { 1 })?;
        let r = v.checked_sub(1)?;
        if d.toks[r].span().start < from || r == 0 {
            return None;
        }
        let verb = self.word(v).is_some_and(|w| d.first_char(v).is_lowercase() && (one_of(w, &["read", "reads"]) || lexicon::cue_lemma(w).is_some_and(|l| one_of(l, &["say", "note", "declare", "state", "proclaim", "warn", "write"]))));
        if !verb || self.word(r) != Some("which") {
            return None;
        }
        // Only a non-restrictive relative, after a comma or a dash that follows a word ("the
        // AP report, which notes"). A restrictive one ("a video that said “…”", "shirts that
        // read “…”") PolNeAR gives as often to the sentence's subject, who shows the thing.
        let n = r - 1;
        ((d.is_punct(n, ',') || d.is_punct(n, '—') || d.is_punct(n, '-')) && n > 0 && d.is_word(n - 1)).then_some(r)
    }

    /// Does the relative clause opened by "who" at `k` close before token `open`, at a comma
    /// followed by the main clause's verb ("Trump, who has nearly 9 million followers,
    /// tweeted")? A comma right after "who" opens an aside inside the clause ("who, after
    /// trading insults ..., said").
    fn relative_closed(&self, k: usize, open: usize) -> bool {
        let d = self.doc;
        let mut s = k + 1;
        if d.is_punct(s, ',') {
            s = (s + 1..open).find(|&i| d.is_punct(i, ',')).map_or(open, |i| i + 1);
        }
        (s..open).any(|i| d.is_punct(i, ',') && d.outer_quote.at(i).is_none() && self.finite_verb_at(i + 1))
    }

    /// A lowercase word at `i` that reads as a finite verb: a cue, an auxiliary, a form in -ed
    /// or -s, an irregular past ("..., tweeted", "..., proposes", "..., told").
    fn finite_verb_at(&self, i: usize) -> bool {
        let d = self.doc;
        self.word(i).is_some_and(|w| {
            d.first_char(i).is_lowercase()
                && !d.in_class(i, lexicon::PHRASE_PREPOSITION)
                && (self.cue_word_at(i)
                    || d.in_class(i, lexicon::AUX | lexicon::IRREGULAR_PAST)
                    || one_of(w, &["is", "was", "are", "were"])
                    || (w.len() > 3 && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous")))))
        })
    }

    /// The quotation from `open` to `close` is the title of a work, a show or a campaign
    /// ("on NBC’s “Meet the Press” that", "his memoir, “Gifted Hands,”", "a Web ad, “Playing
    /// Trump,”"): two words or more, every word capitalised but the short ones that stay in
    /// lowercase in a title ("of", "the", "and", "a", "for"), inside a sentence from `a` to `b`
    /// that is not in title case itself (a headline's quotation is capitalised with the rest:
    /// "Ryan: Decision ‘Defies Explanation’"), and after no verb of saying or naming ("She
    /// declared “What a Super Tuesday!”", "dubbed him “Little Marco”", "as ‘Lyin’ Ted’").
    /// Nobody says a title: the quotation is no partial quote of the sentence's subject.
    /// In PolNeAR train such quotations were 185 of the predicted direct quotes lying in no
    /// attribution and 172 lying in one (a sentence naming the show on which someone spoke).
    #[inline(never)]
    fn work_title(&self, a: usize, b: usize, open: usize, close: usize) -> bool {
        let d = self.doc;
        let mut words = 0;
        for k in open + 1..close {
            if d.is_word(k) {
                if !(d.is_cap(k) || (words > 0 && d.in_class(k, lexicon::CONNECTOR | lexicon::PREPOSITION))) {
                    return false;
                }
                words += 1;
            } else if matches!(d.first_char(k), '!' | '?') {
                // A cry or a question is speech ("chanting “Marco! Marco!”").
                return false;
            }
        }
        // After a colon the quotation is what the clause before announces ("one message:
        // “Dump Trump.”").
        if words < 2 || d.is_punct(open - 1, ':') {
            return false;
        }
        // The word before the mark, over a comma and a determiner ("referring to the US as the
        // “Great Satan”"), and a naming verb a few words before, over its object ("signs calling
        // Christie “New Jersey’s Biggest Loser”", "called Mrs. Schlafly an ''Aunt Tom''").
        let mut v = open;
        while v > a && d.is_punct(v - 1, ',') {
            v -= 1;
        }
        if v > a + 1 && self.det_at(v - 1) {
            v -= 1;
        }
        if v > a && (d.lower_is(v - 1, "as") || d.cue_lemma(v - 1).is_some()) {
            return false;
        }
        for k in (a.max(v.saturating_sub(MAX_NAMED_OBJECT + 1))..v).rev() {
            if d.mark[k] || !(d.is_word(k) || d.is_punct(k, '.')) {
                break;
            }
            if d.in_class(k, lexicon::NAMING_VERB) || d.lower_is(k, "calling") {
                return false;
            }
        }
        // A lowercase word of four letters or more outside the quotation: the sentence is no
        // headline.
        (a..b).any(|k| (k < open || k > close) && d.is_word(k) && d.first_char(k).is_lowercase() && d.tok(k).len() >= 4)
    }

    /// The subject of a naming verb that governs the quotation opening at `open`: "Trump
    /// called the system “rigged”", "which Mr. Trump called ''a disgrace''", "who Beck on
    /// Wednesday called “…”". The verb stands at most [`MAX_NAMING_OBJECT`] tokens before the
    /// quotation in the same clause. After a relative word ("what", "which", "that", "who",
    /// "whom") the subject is the phrase that follows it; else the source right before the verb.
    fn naming_subject(&self, a: usize, open: usize, sourced: &[(Cue, Src)]) -> Option<Src> {
        let d = self.doc;
        let lo = a.max(open.saturating_sub(MAX_NAMING_OBJECT));
        let mut v = None;
        for k in (lo..open).rev() {
            if d.mark[k] || d.outer_quote.at(k).is_some() || (!d.is_word(k) && !d.is_punct(k, ',') && d.toks[k].kind != Tk::Number) {
                break;
            }
            if d.is_word(k) && d.in_class(k, lexicon::NAMING_VERB) && d.first_char(k).is_lowercase() {
                v = Some(k);
                break;
            }
        }
        let v = v?;
        // "called for", "called on" are other cues; "is called", "be called" a passive.
        if matches!(self.word(v + 1).as_deref(), Some("for" | "on" | "upon" | "out" | "up" | "in" | "back")) || v == a {
            return None;
        }
        // A passive ("is called"), an infinitive, a hypothetical ("would call him a “chicken”")
        // or a second predicate ("said ..., but called it “…”", whose subject the sentence's
        // cue already names) is left to the rules below.
        if matches!(self.word(v - 1).as_deref(), Some("is" | "was" | "were" | "are" | "be" | "been" | "being" | "to" | "would" | "could" | "might" | "will" | "and" | "but" | "then" | "also")) {
            return None;
        }
        let rlo = a.max(v.saturating_sub(MAX_NAMING_SUBJECT));
        for r in (rlo..v).rev() {
            if d.mark[r] || d.outer_quote.at(r).is_some() || d.is_punct(r, ';') || d.is_punct(r, ':') {
                break;
            }
            if matches!(self.word(r).as_deref(), Some("what" | "which" | "that" | "who" | "whom")) {
                // "Petrilli, who thinks the administration overreached, called the law “…”": the
                // relative clause closed before the verb, whose subject stands before it.
                if self.doc.lower_is(r, "who") && r > a && d.is_punct(r - 1, ',') && self.relative_closed(r, v + 1) {
                    break;
                }
                if r + 1 == v {
                    // "Indiana Gov. Mike Pence, who called their son “an American hero”": a
                    // non-restrictive "who" right before the naming verb is its subject, and
                    // PolNeAR marks it. Other relatives ("that called it “…”") are left to the
                    // rules below.
                    let nonrestrictive = self.doc.lower_is(r, "who") && r > a + 1 && d.is_punct(r - 1, ',') && self.name_at_last.at(r - 2).is_some();
                    return nonrestrictive.then_some(Src::Pronoun(r, PronounKind::Relative));
                }
                // "a company ..., which specializes in building what it calls “psychographic”
                // profiles": an "it" names the organisation nearest the quotation, which PolNeAR
                // marks; a personal pronoun ("what he calls") takes up the source the sentence
                // names elsewhere, left to the rules below.
                // The subject ends before the verb's auxiliaries ("a reform that his own allies
                // had called « … »": the source was "his own allies had").
                let mut end = v;
                while end > r + 2 && d.is_word(end - 1) && d.in_class(end - 1, lexicon::AUX) {
                    end -= 1;
                }
                return self.source_starting_at(r + 1, end).filter(|s| !matches!(s, Src::Pronoun(_, p) if *p != PronounKind::Neuter));
            }
        }
        // A naming verb after another cue of the sentence stands in that cue's content ("The
        // Journal notes that ... Trump later called Haley “…”", "were upset after Obama called
        // ..."): PolNeAR gives the quotation to the outer source.
        if sourced.iter().any(|(c, _)| c.last < v) {
            return None;
        }
        let src = self.source_before(v, a)?;
        // "a fundraising call", "the calls": a noun form has no subject right before it.
        let adjacent = match src {
            Src::Name(n) => self.names[n].last + 1 == v,
            Src::Pronoun(t, _) => t + 1 == v,
            Src::Nominal(_, l, _) => l + 1 == v,
        };
        if d.lower(v) == "calls" && !adjacent {
            return None;
        }
        // A pronoun ("what he calls “…”", "when he called the businessman “unhinged”") mostly
        // takes up the source the sentence names elsewhere, which PolNeAR marks: left to the
        // rules below. A lowercase noun right before a verb that the quotation follows at once
        // is a participle's head ("a book called “…”", "items labeled “…”").
        let participle = (v + 1..open).all(|i| d.is_punct(i, ',') || matches!(self.word(i).as_deref(), Some("a" | "an" | "the")));
        match src {
            Src::Pronoun(..) => None,
            Src::Nominal(_, l, _) if participle && d.first_char(l).is_lowercase() => None,
            _ if self.possessive(src) => None,
            _ => Some(src),
        }
    }

    /// The subject phrase from token `k` (right after a quotation) up to a speech verb at most
    /// [`MAX_POSTQUOTE_SUBJECT`] tokens on: words, numbers, commas and hyphens only, opening
    /// with a determiner or a capital, with no relative clause inside.
    fn postquote_subject(&self, k: usize, b: usize) -> Option<Src> {
        let d = self.doc;
        let opener = self.word(k)?;
        if !(has(PHRASE_OPENERS, opener) || d.first_char(k).is_uppercase()) {
            return None;
        }
        let lim = b.min(k + MAX_POSTQUOTE_SUBJECT + 1);
        for j in k + 1..lim {
            if d.mark[j] || d.outer_quote.at(j).is_some() {
                return None;
            }
            if let Some(w) = self.word(j) {
                // "the Florida senator and Republican presidential candidate said": "and" joins
                // two roles of one subject, but not right after a name or pronoun, where it
                // joins a clause ("“…,” Smith and then she said").
                let joins_roles = w == "and" && d.first_char(j - 1).is_lowercase() && self.word(j + 1).is_some_and(|x| !one_of(x, &["then", "he", "she", "they", "it", "we", "i"]));
                if one_of(w, &["who", "which", "that", "and", "but", "to"]) && !joins_roles {
                    return None;
                }
                if d.cue_lemma(j).is_some() && !d.in_class(j, lexicon::NOUNISH_FORM) && !w.ends_with("ing") && d.first_char(j).is_lowercase() {
                    let mut e = j - 1;
                    while e > k && d.is_word(e) && d.in_class(e, lexicon::AUX) {
                        e -= 1;
                    }
                    if !d.is_word(e) {
                        return None;
                    }
                    // A name ending the phrase is the mention ("US Senator Jeff Sessions said").
                    if let Some(n) = self.name_at_last.at(e).filter(|&n| self.names[n].first >= k) {
                        return Some(Src::Name(n));
                    }
                    return Some(Src::Nominal(k, e, EntityKind::Unknown));
                }
                continue;
            }
            // "one P&G Amiens employee told": an ampersand joins the words of a name.
            if !(d.toks[j].kind == Tk::Number || d.is_punct(j, ',') || d.is_punct(j, '-') || d.is_punct(j, '&')) {
                return None;
            }
        }
        None
    }

    /// The person's name after an inverted speech verb at `k` and a run of role words: "said
    /// former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell", "said
    /// election lawyer Joe Birkenstock". The name must end the sentence or open an appositive.
    fn inverted_role_name(&self, k: usize, b: usize) -> Option<Src> {
        let d = self.doc;
        let w = self.word(k)?;
        if lexicon::cue_lemma(&w).is_none() || w.ends_with("ing") {
            return None;
        }
        let lim = b.min(k + 1 + MAX_INVERTED_ROLE);
        for j in k + 1..lim {
            if let Some(n) = self.name_at_first.at(j) {
                if self.names[n].class == NameClass::Person {
                    let after = self.names[n].last + 1;
                    return (after >= b || d.is_punct(after, ',') || d.is_punct(after, '.')).then_some(Src::Name(n));
                }
            }
            if d.mark[j] || d.outer_quote.at(j).is_some() || !(d.is_word(j) || d.is_punct(j, '.') || d.is_punct(j, '-')) {
                return None;
            }
            if matches!(self.word(j).as_deref(), Some("that" | "who" | "which" | "to" | "in" | "on" | "at" | "by" | "with" | "for")) {
                return None;
            }
        }
        None
    }

    /// The subject of the main clause after an opening adverbial clause ("After ..., ", "While
    /// ..., ") that holds every cue of the sentence before `open`, when the quotation opening
    /// at `open` stands in the main clause.
    fn main_clause_subject(&self, a: usize, open: usize, sourced: &[(Cue, Src)]) -> Option<Src> {
        let d = self.doc;
        let mut i = a;
        if matches!(self.word(i), Some("and" | "but" | "so" | "yet")) {
            i += 1;
        }
        if !self.word_in(i, &["after", "when", "while", "although", "though", "because", "since", "before", "once", "whereas", "whenever", "until"]) {
            return None;
        }
        let lim = open.min(i + OPENING_ADVERBIAL_TOKENS);
        let c = (i + 1..lim).find(|&k| d.is_punct(k, ',') && d.outer_quote.at(k).is_none())?;
        let before: Vec<&(Cue, Src)> = sourced.iter().filter(|(cue, _)| cue.first >= a && cue.last < open).collect();
        if before.is_empty() || before.iter().any(|(cue, _)| cue.last > c) {
            return None;
        }
        let src = self.subject(c + 1, open)?;
        let first = match src {
            Src::Name(n) => self.names[n].first,
            Src::Pronoun(t, _) => t,
            Src::Nominal(f, _, _) => f,
        };
        (first == c + 1 && !self.possessive(src) && !matches!(src, Src::Pronoun(_, PronounKind::Relative))).then_some(src)
    }

    /// The source of the cue of an opening adverbial clause ("Although he told the FBI that
    /// ...", "When Maddow pointed out that ...") that quotation `q` ends: the quotation closes
    /// on a comma, and no comma stands between the subordinator and the cue, nor between the
    /// cue and the quotation (but one right before it).
    fn adverbial_clause_source(&self, a: usize, q: usize, sourced: &[(Cue, Src)]) -> Option<Src> {
        let d = self.doc;
        let qm = d.quotes[q];
        let close = qm.close?;
        let mut i = a;
        if matches!(self.word(i), Some("and" | "but" | "so" | "yet")) {
            i += 1;
        }
        if !matches!(self.word(i), Some("after" | "when" | "while" | "although" | "though" | "because" | "since" | "before" | "once" | "whereas" | "whenever" | "until" | "where")) {
            return None;
        }
        if !(d.is_punct(close.saturating_sub(1), ',') || d.is_punct(close + 1, ',')) || close + 2 >= d.sent.get(a).map_or(0, |&s| d.sents[s as usize].1) {
            return None;
        }
        let outer_comma = |x: usize, y: usize| (x..y).any(|k| d.is_punct(k, ',') && d.outer_quote.at(k).is_none());
        let Some(&(cue, src)) = sourced.iter().find(|(c, _)| c.first > i && c.last < qm.open) else {
            // "While Mr. Ryan, representing the party's governing wing, laid out a vision for
            // ''…,'' Ben Carson ...": with no cue in the clause, its subject right after the
            // subordinator, a name or a pronoun, speaks the quotation that closes it.
            return self.subject(i + 1, qm.open).filter(|s| {
                let f = match *s {
                    Src::Name(n) => self.names[n].first,
                    Src::Pronoun(t, _) => t,
                    Src::Nominal(..) => usize::MAX,
                };
                // Not "it" ("when it comes to Carrier, ''…,'' he said").
                f == i + 1 && !matches!(s, Src::Pronoun(_, k) if !matches!(k, PronounKind::Male | PronounKind::Female | PronounKind::Plural))
            });
        };
        let first = match src {
            Src::Name(n) => self.names[n].first,
            Src::Pronoun(t, _) => t,
            Src::Nominal(f, _, _) => f,
        };
        if first <= i || first > cue.first || outer_comma(i, cue.first) || outer_comma(cue.last + 1, qm.open.saturating_sub(1)) {
            return None;
        }
        Some(src)
    }

    /// The subject of the clause that ends at the colon `colon`: the clause starts at the
    /// sentence start or after the last "that", comma, semicolon or dash before the colon; its
    /// subject runs to the first verb-like word (an auxiliary, a cue, a form in -ed, an
    /// irregular past), over at most [`MAX_SUBJECT_PHRASE`] words.
    fn colon_clause_subject(&self, a: usize, colon: usize) -> Option<Src> {
        let d = self.doc;
        let lo = colon.saturating_sub(SUBJECT_WINDOW).max(a);
        let mut start = lo;
        for k in (lo..colon).rev() {
            if d.mark[k] || d.outer_quote.at(k).is_some() {
                return None;
            }
            // A "that" opens a clause only before its subject ("makes that clear:" is an object).
            if d.is_punct(k, ',') || d.is_punct(k, ';') || d.is_punct(k, '—') || d.is_punct(k, '-') || (self.doc.lower_is(k, "that") && self.clause_subject_at(k + 1)) {
                start = k + 1;
                break;
            }
        }
        // "The crowd cheers, and then Wallnau continues: “…”": a conjunction and "then" open
        // the clause before its subject.
        while start < colon && self.word_in(start, &["and", "but", "then", "so"]) {
            start += 1;
        }
        if !self.clause_subject_at(start) || self.word_in(start, &["it", "there", "this", "these", "those", "you", "i", "we"]) {
            return None;
        }
        // A noun-like cue form after a determiner is a noun ("A footnote in the report"); a
        // form in -s before a determiner or pronoun is a verb ("makes that clear").
        let verb_like = |k: usize| {
            self.word(k).is_some_and(|w| {
                d.first_char(k).is_lowercase()
                    && !(d.in_class(k, lexicon::NOUNISH_FORM) && self.word_in(k - 1, &["the", "a", "an", "his", "her", "its", "their"]))
                    && ((w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && self.word_in(k + 1, &["that", "the", "a", "an", "it", "this", "his", "her", "their", "its"]))
                        || one_of(w, &["is", "are", "was", "were", "has", "have", "had", "could", "would", "will", "can", "may", "might", "should", "must", "does", "did", "do"])
                        || d.cue_lemma(k).is_some()
                        || d.in_class(k, lexicon::OBJECT_CUE)
                        || d.in_class(k, lexicon::IRREGULAR_PAST)
                        || (w.len() > 4 && w.ends_with("ed"))
                        || d.in_class(k, lexicon::AUX))
            })
        };
        let v = (start + 1..colon).find(|&k| verb_like(k))?;
        if self.more_words_than(start, v, MAX_SUBJECT_PHRASE) || !(start..v).all(|k| d.is_word(k) || d.toks[k].kind == Tk::Number || d.is_punct(k, '.')) {
            return None;
        }
        let last = v - 1;
        if let Some(n) = self.name_at_last.at(last).filter(|&n| self.names[n].first == start) {
            return Some(Src::Name(n));
        }
        if start == last {
            if let Some(p) = self.word(start).and_then(lexicon::pronoun) {
                return Some(Src::Pronoun(start, p));
            }
        }
        Some(Src::Nominal(start, last, EntityKind::Unknown))
    }

    /// Does the source of `inner` open the complement clause of `outer`: right after the
    /// outer cue, after its "that", or after a listener of at most [`MAX_LISTENER_WORDS`] words
    /// ("told reporters he", "told friends that the candidate")?
    fn opens_complement_of(&self, outer: &(Cue, Src), inner: &(Cue, Src)) -> bool {
        let d = self.doc;
        let (oc, _) = *outer;
        let (ic, isrc) = *inner;
        let first = match isrc {
            Src::Name(n) => self.names[n].first,
            Src::Pronoun(t, _) => t,
            Src::Nominal(f, _, _) => f,
        };
        if matches!(isrc, Src::Pronoun(_, PronounKind::Relative)) || oc.last >= first || first > ic.first || oc.kind == CueKind::According {
            return false;
        }
        let mut k = first;
        if k > oc.last + 1 && self.doc.lower_is(k - 1, "that") {
            k -= 1;
            // "said last week that he plans ...": an adverbial between the cue and its
            // "that" (as in `reported`, at most MAX_THAT_GAP tokens).
            if k - (oc.last + 1) <= MAX_THAT_GAP && (oc.last + 1..k).all(|i| (d.is_word(i) || d.toks[i].kind == Tk::Number) && !self.cue_word_at(i) && !d.mark[i]) {
                return true;
            }
        }
        let gap = k - (oc.last + 1);
        if gap == 0 {
            return true;
        }
        let listener = one_of(oc.lemma, &["tell", "assure", "warn", "remind", "inform"]);
        listener && gap <= MAX_LISTENER_WORDS && (oc.last + 1..k).all(|i| d.is_word(i) && !self.cue_word_at(i))
    }

    /// Does quotation `q` close on a comma, question or exclamation mark and have its own
    /// attribution right after it ("“They stole the country,” the man shouted")? Then that one
    /// speaks it, not the source of a colon that ended the sentence before ("One man
    /// interrupted the candidate:").
    fn attributed_after(&self, q: usize, b: usize, sourced: &[(Cue, Src)]) -> bool {
        let d = self.doc;
        let Some(close) = d.quotes[q].close else { return false };
        let closing = close.saturating_sub(1);
        if !(d.is_punct(closing, ',') || d.is_punct(close + 1, ',') || d.is_punct(closing, '!') || d.is_punct(closing, '?')) {
            return false;
        }
        let mut k = close + 1;
        while k < b && d.is_punct(k, ',') {
            k += 1;
        }
        k < b
            && (self.postquote_subject(k, b).is_some()
                || self.source_starting_at(k, b).is_some_and(|s| !matches!(s, Src::Pronoun(_, PronounKind::Relative)) && self.finite_verb_at(self.src_last(s) + 1))
                || sourced.iter().any(|&(c, s)| c.first == k || (c.first > k && c.first <= k + MAX_POSTQUOTE_SUBJECT && s.span(d, self.names).start == d.toks[k].span().start)))
    }

    fn direct_after_colon(&mut self, q: usize, src: Src, cue: Cue) {
        let who = self.resolve(src);
        self.direct_speaker[q] = who.0.map(|e| (e, who.1));
        let span = self.doc.quotes[q].span;
        let cue = Some(self.doc.span(cue.first, cue.last));
        self.quotes.push(Quote { span, kind: QuoteKind::Direct, speaker: who.0, speaker_mention: Some(who.1), cue, continues: None });
    }

    /// The first token of a possessor right before token `f` ("The campaign's" before
    /// "statement", "Sanders'" before "fundraising email"): a name, or a lowercase noun with at
    /// most [`MAX_NOUN_MODIFIERS`] words back to its determiner. None when no possessive
    /// stands there.
    fn possessor_start(&self, f: usize, a: usize) -> Option<usize> {
        let d = self.doc;
        if f <= a {
            return None;
        }
        let mut p = f - 1;
        // A detached apostrophe ("Sanders ’ fundraising") belongs to the word before it.
        if !d.is_word(p) && matches!(d.first_char(p), '\'' | '’') && !d.toks[p].space_before && p > a && !d.mark[p] {
            p -= 1;
        } else if !(d.is_word(p) && self.possessive(Src::Pronoun(p, PronounKind::Relative))) {
            return None;
        }
        if !d.is_word(p) || d.outer_quote.at(p).is_some() {
            return None;
        }
        if let Some(n) = self.name_at_last.at(p) {
            return Some(self.names[n].first);
        }
        if d.first_char(p).is_uppercase() {
            return Some(p);
        }
        let lo = p.saturating_sub(MAX_NOUN_MODIFIERS).max(a);
        (lo..p).rev().take_while(|&j| d.is_word(j) && d.outer_quote.at(j).is_none()).find(|&j| self.word_in(j, &["the", "a", "an", "his", "her", "their", "its"])).or(Some(p))
    }

    /// The poll or survey named by an adverbial that opens the sentence at `a`: "In a new
    /// CNN/ORC poll released Monday, ..." gives the phrase after "in", up to its comma (at most
    /// [`OPENING_ADVERBIAL_TOKENS`] tokens), as first and last token.
    fn poll_adverbial(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let d = self.doc;
        let mut i = a;
        if matches!(self.word(i), Some("and" | "but")) {
            i += 1;
        }
        if self.word(i) != Some("in") || !self.word_in(i + 1, &["a", "an", "the", "this", "that", "its", "their"]) {
            return None;
        }
        let lim = b.min(i + OPENING_ADVERBIAL_TOKENS);
        let comma = (i + 2..lim).take_while(|&k| !d.mark[k]).find(|&k| d.is_punct(k, ','))?;
        (i + 2..comma).any(|k| self.word_in(k, &["poll", "polls", "survey", "surveys"])).then_some((i + 1, comma - 1))
    }

    /// True when all that stands before the quotation at `open` is an opening subordinate
    /// clause closed by a comma, with no quotation or cue in it: "Unless further rivals quit
    /// the race, ''it's very difficult to see how he is stopped.''" The quotation is the main
    /// clause, and opens the sentence as far as a carried-over speaker is concerned.
    fn opening_clause_only(&self, a: usize, open: usize, sourced: &[(Cue, Src)]) -> bool {
        let d = self.doc;
        let mut i = a;
        if self.word_in(i, &["but", "and", "yet", "so"]) {
            i += 1;
        }
        self.word_in(i, &["unless", "if", "when", "while", "although", "though", "because", "since", "once", "until"])
            && open > i + 2
            && open - a <= OPENING_ADVERBIAL_TOKENS
            && d.is_punct(open - 1, ',')
            && !(i..open - 1).any(|k| d.mark[k] || d.is_punct(k, ',') || self.cue_word_at(k))
            && !sourced.iter().any(|(c, _)| c.first < open)
    }

    /// The quotes found last, newest first: how far the rules that carry a speaker on look back.
    fn recent_quotes(&self) -> impl Iterator<Item = &Quote> + '_ {
        self.quotes.iter().rev().take(MAX_CONTINUATION_LOOKBACK * 4)
    }

    /// Another of the [`Attributor::recent_quotes`], direct (`direct`) or not, contains `p`.
    fn nested_in_recent(&self, p: &Quote, direct: bool) -> bool {
        self.recent_quotes().any(|o| (o.kind == QuoteKind::Direct) == direct && o.span != p.span && o.span.contains(p.span))
    }

    /// The speaker of the sentence right before the one starting at `a`, in the same paragraph,
    /// when that sentence reports speech with a cue: its last quote's speaker, mention and cue.
    fn attributed_sentence_before(&self, a: usize) -> Option<(Option<usize>, Span, Option<Span>)> {
        let d = self.doc;
        if a == 0 || d.para[a - 1] != d.para[a] {
            return None;
        }
        let start = d.toks[a].span().start;
        let prev_start = d.toks[d.sentence_of(a - 1).0].span().start;
        // The latest-starting quote (of equals, the last one met), not a scare quote and not
        // one nested in a direct quote (“He said to me, ‘…’”: the outer goes on). The nested
        // test scans the recent quotes again, so it is asked only of a quote that could win.
        let mut last: Option<&Quote> = None;
        for p in self.recent_quotes() {
            if p.span.start >= start || p.kind == QuoteKind::Scare || last.is_some_and(|l| p.span.start < l.span.start) {
                continue;
            }
            if !self.nested_in_recent(p, true) {
                last = Some(p);
            }
        }
        let last = last?;
        let cue = last.cue?;
        (cue.start >= prev_start && cue.end <= start).then_some(())?;
        last.speaker_mention.map(|m| (last.speaker, m, last.cue))
    }

    /// The speaker carried over to a sentence that opens with a quote: the last attributed
    /// quote of this paragraph, or at a paragraph start the previous paragraph's last quote
    /// when it was direct.
    /// The subject of the sentence before token `a` (the first of a sentence) in the same
    /// paragraph, when that sentence has no quotation and its subject is a person's name or a
    /// personal pronoun.
    #[inline(never)]
    fn person_subject_before(&self, a: usize) -> Option<Src> {
        let d = self.doc;
        if a == 0 || d.para[a - 1] != d.para[a] {
            return None;
        }
        let (ps, pe) = d.sentence_of(a - 1);
        if (ps..pe).any(|k| d.outer_quote.at(k).is_some()) {
            return None;
        }
        self.subject(ps, pe).filter(|s| match *s {
            Src::Name(n) => self.names[n].class == NameClass::Person,
            Src::Pronoun(_, p) => matches!(p, PronounKind::Male | PronounKind::Female),
            Src::Nominal(..) => false,
        })
    }

    fn previous_speaker(&self, a: usize) -> Option<(Option<usize>, Span, Option<Span>)> {
        let d = self.doc;
        if a == 0 {
            return None;
        }
        let para_start = d.para[a - 1] != d.para[a];
        let start = d.toks[a].span().start;
        // The latest-starting quote that passes both tests (of equals, the last one met, as
        // `max_by_key` takes it). The nested test scans the recent quotes again, so it is
        // asked only of a quote that could still win.
        let mut last: Option<&Quote> = None;
        for p in self.recent_quotes() {
            // A relative clause about the speaker ("said Murphy, who thinks often about ...")
            // is not a new speaker: the one it describes goes on. Nor is a cue nested in the
            // reported clause of another ("Carter said that critics had been predicting ..."):
            // the outer attribution is the one that goes on.
            if !(p.span.start < start && p.speaker_mention.is_some_and(|m| !d.text_of(m).eq_ignore_ascii_case("who"))) {
                continue;
            }
            if last.is_some_and(|l| p.span.start < l.span.start) {
                continue;
            }
            // Nor is a quotation nested in a direct one (“He said to me, ‘…’”): the outer
            // speaker goes on.
            if !self.nested_in_recent(p, p.kind == QuoteKind::Direct) {
                last = Some(p);
            }
        }
        let last = last?;
        let t = d.partition_near(a, &|t| t.span().start < last.span.start);
        let same_para = t < d.para.len() && d.para[t] == d.para[a];
        let prev_para = t < d.para.len() && d.para[t] + 1 == d.para[a];
        // A reported clause that shares its cue with a direct quote ("“…,” he tweeted during
        // the first half") belongs to that quote's attribution: the direct quote still ends the
        // paragraph as far as the next one is concerned.
        let direct_cue = || {
            last.cue.is_some()
                && self.recent_quotes().any(|p| p.kind == QuoteKind::Direct && p.cue == last.cue)
        };
        let ok = if para_start { prev_para && (last.kind != QuoteKind::Scare || d.is_punct(a - 1, ':') || direct_cue()) } else { same_para };
        if !ok {
            return None;
        }
        last.speaker_mention.map(|m| (last.speaker, m, last.cue))
    }
}

/// Nouns of words that one adds to what one says ("added his own comment", "adding a plug for
/// himself", "I'd add a historical reason"), which PolNeAR marks as speech, sorted.
const ADDED_WORDS: Words = words!["caveat", "comment", "comments", "content", "note", "plug", "reason", "remark", "remarks", "warning"];

/// Token `j` is an irregular past participle before its agent, which ends a source's noun
/// phrase as a regular "-ed" one does: "according to a draft seen by Reuters" names the draft,
/// not the agency that saw it ("obtained by" ends it by its suffix). Not a noun for people
/// ("women").
#[inline(never)]
fn participle_before_agent(d: &Doc, j: usize) -> bool {
    let w = d.lower(j);
    d.is_word(j + 1)
        && d.lower(j + 1) == "by"
        && !d.first_char(j).is_uppercase()
        && (w.ends_with("en") || w.ends_with("wn") || one_of(w, &["made", "read", "sent", "heard"]))
        && !d.in_class(j, lexicon::PERSON_NOUN)
}

#[cfg(test)]
mod tests {
    #[test]
    fn person_nouns_are_sorted() {
        crate::lexicon::assert_sorted(&[("PERSON_NOUNS", super::PERSON_NOUNS), ("SPEECH_INTRODUCERS", super::SPEECH_INTRODUCERS), ("IRREGULAR_PASTS", super::IRREGULAR_PASTS), ("SENTENCE_ADVERBS", super::SENTENCE_ADVERBS), ("NAMING_PARTICIPLES", super::NAMING_PARTICIPLES), ("PREPOSITIONS", super::PREPOSITIONS), ("TIME_NOUNS", super::TIME_NOUNS)]);
    }

    #[test]
    fn cue_words_skip_no_rule() {
        // The words `cues` names besides "according" and "as" have a CUE_START bit, so its
        // shortcut never skips them; the three it compares by id are in the lexicon.
        for w in ["expressed", "expressing", "pointed", "pointing", "expected"] {
            assert!(crate::lexicon::lex(w).classes & super::CUE_START != 0, "{w}");
        }
        let ids = super::CueIds::new();
        assert!(ids.according != 0 && ids.as_ != 0 && ids.that != 0);
    }
}
