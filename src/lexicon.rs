//! Hand-written word lists: the project's own lexicons (speech cues, titles, pronouns, group
//! nouns, organisation heads, function words). Each list is sorted for binary search; the build
//! checks the order of every [`words!`] list. All entries are lowercase unless the list says
//! otherwise.

use std::cmp::Ordering;
use std::sync::OnceLock;

use crate::wordtable::WordTable;


/// A sorted word list, written in the source as quoted words, `words!["about", "after"]`, and
/// stored as one text: each word followed by a line break. An array of `&str` stored a pointer
/// and a length (8 bytes) for every word besides its letters: 2,000 words in 76 lists, 16 KB of
/// the wasm's data; as texts the gzipped wasm is 4.3 KB smaller. The lists are read in order
/// (to build the lexicon's table) or searched ([`has`]) straight in the text.
#[derive(Clone, Copy)]
pub(crate) struct Words(&'static str);

/// A [`Words`] list of the quoted words, in byte order: the build fails on a list out of order
/// or with a word twice (the search needs the order). A word may hold spaces ("news agency")
/// but no line break.
macro_rules! words {
    ($($word:literal),* $(,)?) => {{
        const TEXT: &str = concat!($($word, "\n"),*);
        const _: () = assert!($crate::lexicon::in_order(TEXT), "this words! list is out of byte order, repeats a word or has an empty one");
        $crate::lexicon::Words::new(TEXT)
    }};
}
pub(crate) use words;

/// Whether the lines of `text` (each ended by a line break) are in strict byte order and none
/// is empty: the check of [`words!`], made while compiling.
pub(crate) const fn in_order(text: &str) -> bool {
    let b = text.as_bytes();
    // The line before (`prev..start - 1`) and the current one (`start..i`).
    let (mut prev, mut start, mut i) = (usize::MAX, 0, 0);
    while i < b.len() {
        if b[i] == b'\n' {
            if i == start || (prev != usize::MAX && !line_before(b, prev, start - 1, start, i)) {
                return false;
            }
            prev = start;
            start = i + 1;
        }
        i += 1;
    }
    start == b.len()
}

/// Whether `b[a..a_end]` comes before `b[c..c_end]` in byte order.
const fn line_before(b: &[u8], a: usize, a_end: usize, c: usize, c_end: usize) -> bool {
    let mut k = 0;
    while a + k < a_end && c + k < c_end {
        if b[a + k] != b[c + k] {
            return b[a + k] < b[c + k];
        }
        k += 1;
    }
    a_end - a < c_end - c
}

impl Words {
    /// The list of the words in `text`, each followed by a line break.
    pub(crate) const fn new(text: &'static str) -> Words {
        Words(text)
    }

    /// The words in order (as `split_terminator('\n')` gives them: every word ends in a line
    /// break). By a plain byte loop: the memchr call of `split` for each short word was a
    /// quarter of building the lexicon's table, asked once per process (and page load).
    pub(crate) fn iter(self) -> impl Iterator<Item = &'static str> + Clone {
        let mut rest = self.0;
        std::iter::from_fn(move || {
            let n = rest.as_bytes().iter().position(|&b| b == b'\n')?;
            let word = rest.get(..n)?;
            rest = rest.get(n + 1..).unwrap_or("");
            Some(word)
        })
    }

    /// Number of words.
    pub(crate) fn len(self) -> usize {
        self.0.bytes().filter(|&b| b == b'\n').count()
    }
}

/// True when `word` is in the sorted list: a binary search over the text. Each step compares
/// the word with the first line that starts in the upper half (or the first line, when none
/// does), walking the line once: finding both ends of the line around the middle byte first
/// made the search twice as slow as one over an array of `&str` (1.5% -> 3.1% of the time in
/// Node). Byte by byte, not by `str`'s `Ord`, whose memcmp call cost more than the comparison of
/// these short words (a fifth of the CLI's instructions once went to memcmp).
pub(crate) fn has(list: Words, word: &str) -> bool {
    let word = word.as_bytes();
    search_lines(list.0.as_bytes(), |line| {
        let mut k = 0;
        let order = loop {
            match (line.get(k), word.get(k)) {
                (Some(b'\n') | None, None) => break Ordering::Equal,
                (Some(b'\n') | None, Some(_)) => break Ordering::Less,
                (Some(_), None) => break Ordering::Greater,
                (Some(x), Some(y)) if x != y => break x.cmp(y),
                _ => k += 1,
            }
        };
        (order, k)
    })
    .is_some()
}

/// `word` is one of the few words of `list`: `matches!(word, "a" | "b")` as a call. Out of line
/// in the wasm, where each `matches!` of strings compiled to a compare of each alternative at its
/// call site: the rules ask some two hundred such small lists.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.len() == word.len() && w.as_bytes() == word.as_bytes())
}

/// The binary search of [`has`] and [`keyed`] over a text of lines sorted in byte order, each
/// ended by a line break. `compare(line)`, given the bytes from a line's start to the end of the
/// range searched, says how the line's key orders against the one sought and how many bytes it
/// read. On a match, the rest of that line after those bytes, as a byte range of `text`. Generic
/// over `compare`, so each caller gets its own copy with the comparison inlined, as when each
/// had its own loop.
#[inline]
fn search_lines(text: &[u8], compare: impl Fn(&[u8]) -> (Ordering, usize)) -> Option<(usize, usize)> {
    // The end of the line that starts at `start`, whose first `k` bytes were read.
    let line_end = |start: usize, k: usize| start + k + text.get(start + k..).and_then(|t| t.iter().position(|&b| b == b'\n')).unwrap_or(0);
    // `hi` is the start of a line (or the end); `lo` is 0, or one past the byte at which a line
    // that orders before the key was told from it. The key, if present, is on a line that starts
    // at or after `lo` and before `hi`. Not reading on to that line's break at every step (only
    // when no later line start is left to try) saves most of the search's reads.
    let (mut lo, mut hi) = (0, text.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = match text.get(mid..hi).and_then(|t| t.iter().position(|&b| b == b'\n')) {
            Some(p) if mid + p + 1 < hi => mid + p + 1,
            // No line starts after `mid`: the first that starts at or after `lo`, if any.
            _ => match lo.checked_sub(1) {
                None => 0,
                Some(l) => {
                    let s = l + 1 + text.get(l..hi)?.iter().position(|&b| b == b'\n')?;
                    if s >= hi {
                        return None;
                    }
                    s
                }
            },
        };
        let (order, k) = compare(text.get(start..hi).unwrap_or_default());
        match order {
            Ordering::Less => lo = start + k + 1,
            Ordering::Greater => hi = start,
            Ordering::Equal => return Some((start + k, line_end(start, k))),
        }
    }
    None
}

/// The value of the line `key: value` whose key is `first`, or `first` and `second` joined by a space, in
/// `text`, lines of that form sorted by key in byte order: the search of [`has`] with its own
/// comparison (one comparison for both, with a stop byte and the key joined on the stack, made
/// the gzipped wasm 0.9 KB larger). For tables of a few words to a line ([`PHRASAL_CUES`],
/// `places::US_STATES`), where arrays of `&str` tuples stored a pointer and a length for each
/// string: 2.6 KB of the wasm's data.
pub(crate) fn keyed(text: &'static str, first: &str, second: &str) -> Option<&'static str> {
    let (a, b) = (first.as_bytes(), second.as_bytes());
    // The key's byte `k`: `first`, then a space and `second` unless that is empty (an iterator
    // over the parts measured up to 3% slower in Node, at the edge of its noise).
    let key_len = if b.is_empty() { a.len() } else { a.len() + 1 + b.len() };
    let key_at = |k: usize| match k.checked_sub(a.len()) {
        None => a.get(k).copied(),
        Some(0) if k < key_len => Some(b' '),
        Some(j) => b.get(j.wrapping_sub(1)).copied().filter(|_| k < key_len),
    };
    let (from, end) = search_lines(text.as_bytes(), |line| {
        let mut k = 0;
        let order = loop {
            match (line.get(k).filter(|&&b| b != b':' && b != b'\n'), key_at(k)) {
                (None, None) => break Ordering::Equal,
                (None, Some(_)) => break Ordering::Less,
                (Some(_), None) => break Ordering::Greater,
                (Some(&x), Some(y)) if x != y => break x.cmp(&y),
                _ => k += 1,
            }
        };
        (order, k)
    })?;
    text.get(from..end)?.strip_prefix(": ")
}

/// The (key, value) pairs of a text for [`keyed`], in order.
#[cfg(test)]
pub(crate) fn keyed_lines(text: &'static str) -> Vec<(&'static str, &'static str)> {
    text.lines().map(|l| l.split_once(": ").unwrap_or_default()).collect()
}


/// Inflected forms of verbs that report speech or belief, with their lemma. Sources: the
/// attribution cues of PolNeAR's annotation guidelines (Newell et al., LREC 2018: say, tell,
/// add, argue, warn, claim, insist, note, believe, think, expect, ...) and of the reporting-verb
/// lists in news style guides. Participles ("saying") introduce a reported clause whose source
/// is the sentence's subject. Verbs of the manner of speaking: the one-word cues of direct
/// quotes in PolNeAR train's gold that the list lacked (shouted and chanted 6 times each,
/// yelled 4, barked, interjected and wondered 2, fumed, scoffed and whispered 1), and their
/// common fellows (exclaim, lament, mutter, proclaim, retort); past forms, and "laments" and
/// "proclaims", not participles: "shouting" and "chanting" are as often adjectives ("shouting
/// matches").
///
/// One line a lemma: `lemma: form form ...`, the forms in byte order over the whole list (a test
/// checks). A text rather than an array of (form, lemma) pairs, whose two pointers and lengths
/// for each of the 210 forms were 3.4 KB of the wasm's data.
pub(crate) const CUE_VERBS: &str = "\
acknowledge: acknowledge acknowledged acknowledges acknowledging
add: add added adding adds
admit: admit admits admitted admitting
affirm: affirmed affirms
agree: agree agreed agrees
allege: allege alleged alleges alleging
announce: announce announced announces announcing
answer: answered answers
argue: argue argued argues arguing
ask: asked asking asks
assert: assert asserted asserting asserts
assure: assure assured assures assuring
bark: barked
believe: believe believed believes
boast: boasted boasts
caution: cautioned cautions
chant: chanted
charge: charged charges
claim: claim claimed claiming claims
comment: commented
complain: complain complained complaining complains
concede: concede conceded concedes conceding
conclude: conclude concluded concludes
confirm: confirm confirmed confirming confirms
contend: contend contended contending contends
continue: continued continues
counter: countered counters
declare: declare declared declares declaring
deny: denied denies deny denying
emphasise: emphasised emphasises emphasising
emphasize: emphasized emphasizes emphasizing
estimate: estimated estimates
exclaim: exclaimed
expect: expect expected expecting expects
explain: explain explained explaining explains
fear: fear feared fears
feel: feel feels felt
fume: fumed
hope: hope hoped hopes hoping
indicate: indicated indicates
insist: insist insisted insisting insists
interject: interjected
joke: joked jokes
know: knew
lament: lamented laments
maintain: maintain maintained maintaining maintains
mutter: muttered
note: note noted notes noting
observe: observed observes
pledge: pledge pledged pledges pledging
predict: predict predicted predicting predicts
proclaim: proclaimed proclaims
promise: promise promised promises promising
quip: quipped
read: read reads
recall: recalled recalling recalls
remark: remarked
reply: replied replies
report: report reported reports
respond: responded responds
retort: retorted
reveal: reveal revealed reveals
say: said say saying says
scoff: scoffed
shout: shouted
signal: signaled signalled
state: state stated states stating
stress: stress stressed stresses stressing
suggest: suggest suggested suggesting suggests
tell: tell telling tells
testify: testified testifies
think: think thinks thought
tell: told
tweet: tweeted tweeting tweets
urge: urge urged urges urging
vow: vow vowed vowing vows
warn: warn warned warning warns
whisper: whispered
wonder: wondered
worry: worried worries
write: write writes writing written wrote
yell: yelled
";

/// The (form, lemma) pairs of [`CUE_VERBS`], in order.
fn cue_verbs() -> impl Iterator<Item = (&'static str, &'static str)> {
    CUE_VERBS.lines().flat_map(|line| {
        // Split at the ':' and drop the space after it: a char pattern, where `split_once(": ")`
        // brought core's two-way substring searcher (about 2.4 KB) into the wasm for this one
        // call.
        let (lemma, forms) = line.split_once(':').unwrap_or_default();
        let forms = forms.strip_prefix(' ').unwrap_or(forms);
        forms.split(' ').map(move |form| (form, lemma))
    })
}

/// Lemmas whose bare base form is too often a noun to be a cue without a subject right before
/// it ("the state", "a note", "a report", "the fear").
pub(crate) const NOUNISH_FORMS: Words = words![
    "charges", "claim", "claims", "fear", "fears", "hope", "hopes", "note", "notes", "pledge", "read",
    "reads", "report", "reports", "state", "states", "stress", "vow", "warning", "writing",
];

/// Cues whose object is the attributed content itself: attitudes, intentions and evidence
/// ("praised diplomatic efforts by Iran", "endorsed Trump", "wants a vast expansion", "polls
/// show Trump leading"). PolNeAR annotates these as attributions (Newell et al. 2018 count
/// beliefs, intentions and evaluations, not only speech); the seed article's gold does too for
/// "praised" and "voiced". Forms were added when, in PolNeAR train, at least about half of
/// their occurrences were annotated as cues.
pub(crate) const OBJECT_CUES: Words = words![
    "accuse", "accused", "accuses", "accusing", "applauded", "assailed", "attacked", "backed",
    "blamed", "blames", "blaming", "blasted", "blasting", "blasts", "challenged", "championed",
    "cite", "cited", "cites", "citing", "condemned", "condemning", "condemns", "congratulated",
    "criticised", "criticize", "criticized", "criticizes", "criticizing", "declined", "declines",
    "declining", "decried", "decries", "deemed", "defended", "defending", "defends", "demanded",
    "demands", "denounce", "denounced", "denounces", "denouncing", "derided", "described",
    "describes", "describing", "disclosed", "discuss", "discussed", "discussing", "dismissed",
    "dismisses", "dismissing", "echoed", "echoing", "emailed", "encouraged", "endorse", "endorsed",
    "endorses", "express", "expressed", "expresses", "expressing", "favor", "favors", "finds",
    "found", "hailed", "hailing", "highlighted", "highlighting", "hints", "identified",
    "indicated", "indicates", "invoked", "lambasted", "lauded", "listed", "mention", "mentioned",
    "mentioning", "mentions", "mocked", "nominated", "offered", "oppose", "opposed", "opposes",
    "ordered", "plans", "pleaded", "portrayed", "praise", "praised", "praises",
    "preferred", "prefers", "projected", "proposed", "proposes", "proposing", "questioned",
    "questioning", "recommended", "referenced", "referencing", "refused", "refuses", "refusing", "reiterated",
    "reiterates", "reiterating", "rejected", "rejecting", "rejects", "remembered", "reminded",
    "reminding", "requested", "retweeted", "ruled", "seeking", "seeks", "sees", "show", "showed",
    "shown", "shows", "slammed", "slamming", "slams", "sought", "sounded", "support", "supported",
    "supports", "thanked", "thanking", "threatened", "threatening", "threatens", "touted",
    "touting", "touts", "unveiled", "voiced", "want", "wanted", "wants", "welcomed", "welcomes",
];

/// Forms of OBJECT_CUES that are as often nouns ("40 percent support", "the plans"): they
/// count only after a clear subject.
pub(crate) const OBJECT_NOUNISH: Words = words![
    "cite", "demands", "favor", "mention", "mentions", "plans", "praise", "show", "shows",
    "support", "supports", "want", "wants",
];

/// Cue forms whose content may be a "to"-infinitive: commitments, intentions, refusals and
/// directives ("vowed to fight on", "declined to comment", "urged Congress to act"). PolNeAR
/// annotates the infinitive as the content (Newell et al. 2018 count intentions as
/// attributions). Kept to forms where, in PolNeAR train, an attribution starts at the "to"
/// at least two times in five: "wants to", "plans to", "tried to" stay out (under one in three).
pub(crate) const INFINITIVE_CUES: Words = words![
    "agreed", "agrees", "asked", "asking", "asks", "declined", "declines", "declining",
    "hoped", "hopes", "hoping", "offered", "pledge", "pledged", "pledges", "pledging",
    "promise", "promised", "promises", "promising", "refused", "refuses", "refusing", "seeking",
    "seeks", "sought", "threatened", "threatening", "threatens", "urge", "urged", "urges",
    "urging", "vow", "vowed", "vowing", "vows",
];

/// A verb and the particle that makes it a cue, with the phrase's lemma: the content follows
/// the particle ("called for a ban", "referring to the deal", "spoke about her plans",
/// "called on Congress to act"). Sorted by form, then particle. Kept to phrases that, in
/// PolNeAR train, start an attribution at least two times in five. One `form particle: lemma`
/// a line (see [`keyed`]).
pub(crate) const PHRASAL_CUES: &str = "\
advocate for: advocate for
advocated for: advocate for
advocating for: advocate for
apologized for: apologize for
argued for: argue for
asked about: ask about
asked for: ask for
asking about: ask about
asking for: ask for
asks about: ask about
asks for: ask for
balked at: balk at
boasted of: boast of
call for: call for
called for: call for
called on: call on
calling for: call for
calling on: call on
calls for: call for
calls on: call on
comment on: comment on
commented on: comment on
commenting on: comment on
lashed out: lash out
pointed to: point to
pointing to: point to
points to: point to
pushed for: push for
pushing for: push for
railed against: rail against
railing against: rail against
rails against: rail against
referred to: refer to
referring to: refer to
refers to: refer to
sided with: side with
speaking about: speak about
speaks about: speak about
spoke about: speak about
spoke of: speak about
talked about: talk about
talking about: talk about
talks about: talk about
warned of: warn of
warning of: warn of
warns of: warn of
wrote about: write about
";

/// The lemma of a phrasal cue, if `word` followed by `particle` (both lowercase) is one.
pub(crate) fn phrasal_cue(word: &str, particle: &str) -> Option<&'static str> {
    // Asked of about every word and the next one: most next words are no particle at all, and
    // this test is cheaper than the search (the test `lists_are_sorted_and_unique` keeps the
    // list complete).
    if !is_phrasal_particle(particle) {
        return None;
    }
    keyed(PHRASAL_CUES, word, particle)
}

/// The particles of [`PHRASAL_CUES`].
fn is_phrasal_particle(w: &str) -> bool {
    matches!(w, "about" | "against" | "at" | "for" | "of" | "on" | "out" | "to" | "with")
}

/// The words of [`is_phrasal_particle`], as a list for the lexicon's class bit [`PARTICLE`].
const PHRASAL_PARTICLES: Words = words!["about", "against", "at", "for", "of", "on", "out", "to", "with"];

/// Adjectives of attitude after a form of "be" ("is worried about", "was pleased with", "has
/// been critical of"): with their subject, an attributed stance (PolNeAR annotates these).
pub(crate) const ATTITUDE_ADJECTIVES: Words = words![
    "adamant", "afraid", "angry", "aware", "certain", "committed", "concerned", "confident",
    "convinced", "critical", "determined", "disappointed", "eager", "frustrated", "furious",
    "happy", "hopeful", "nervous", "optimistic", "pessimistic", "pleased", "proud", "reluctant",
    "satisfied", "sceptical", "skeptical", "supportive", "sure", "unhappy", "upset", "wary",
    "willing", "worried",
];

/// Cue participles that, after a form of "be", attribute their whole clause ("Clinton was
/// declared the winner", "they were known to use his house", "is widely viewed as"). Kept to
/// forms that, in PolNeAR train, overlap a cue in at least half of their passive uses.
pub(crate) const PASSIVE_CUES: Words = words![
    "accused", "announced", "condemned", "confirmed", "criticised", "criticized", "declared",
    "deemed", "described", "expected", "known", "projected", "regarded", "reported", "said",
    "shown", "viewed",
];

/// Verbs that raise their subject ("Putin seemed most concerned ...", "the bank is expected to
/// act"): the whole clause, subject included, is an attribution with no named source.
pub(crate) const RAISING: Words = words!["appear", "appeared", "appears", "seem", "seemed", "seems"];

/// Nouns after "expressed" that make a belief cue ("expressed confidence that ...").
pub(crate) const EXPRESSED_NOUNS: Words = words![
    "belief", "concern", "concerns", "confidence", "doubt", "doubts", "fear", "fears", "hope",
    "optimism", "regret", "skepticism", "support",
];

/// Documents and publications that speak in news ("the suit claims", "the ad says", "the
/// statement read"): heads of unnamed sources beside people and groups.
pub(crate) const DOC_NOUNS: Words = words![
    "ad", "ads", "analysis", "article", "book", "complaint", "data", "document", "documents",
    "editorial", "email", "emails", "estimates", "figures", "filing", "indictment", "lawsuit",
    "letter", "math", "memo", "note", "numbers", "order", "paper", "poll", "polling", "polls",
    "post", "records", "release", "report", "reports", "research", "results", "returns",
    "ruling", "statement", "statements", "studies", "study", "suit", "survey", "surveys",
    "tweet", "video", "website",
];

/// Words that may stand between a source and its cue: "Smith has also said", "he later told".
pub(crate) const CUE_AUX: Words = words![
    "again", "already", "also", "always", "been", "bluntly", "clearly", "did", "does", "earlier",
    "even", "explicitly", "finally", "firmly", "first", "flatly", "further", "had", "has", "have", "just",
    "later", "may", "might", "never", "now", "often", "once", "openly", "previously", "privately",
    "publicly", "quickly", "quietly", "recently", "repeatedly", "reportedly", "simply", "still",
    "then", "will", "would",
];

/// Subject pronouns that can name a speaker, and the gender they carry.
pub(crate) const PRONOUNS: &[(&str, PronounKind)] = &[
    ("he", PronounKind::Male),
    ("i", PronounKind::First),
    ("it", PronounKind::Neuter),
    ("she", PronounKind::Female),
    ("they", PronounKind::Plural),
    ("we", PronounKind::First),
    ("who", PronounKind::Relative),
];

/// What a pronoun agrees with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PronounKind {
    Male,
    Female,
    Plural,
    /// "it": an organisation, a document or a publication ("the ministry ... it said").
    Neuter,
    /// "I", "we": the writer or the speaker of the surrounding quote; no antecedent.
    First,
    /// "who": the noun phrase right before it ("Smith, who said ...").
    Relative,
}

/// Heads of titles and roles that stand before a name or for a person ("President", "the emir").
pub(crate) const TITLES: Words = words![
    "adm", "admiral", "ambassador", "archbishop", "attorney-general", "ayatollah", "bishop", "brig", "cap", "capt",
    "captain", "cardinal", "ceo", "chair", "chairman", "chairwoman", "chancellor", "chief",
    "coach", "col", "colonel", "commander", "commissioner", "congressman", "congresswoman",
    "councillor", "councilman", "councilwoman", "dame", "delegate", "deputy", "detective",
    "director", "director-general", "dr", "emir", "envoy", "executive", "father", "gen", "general", "gov", "governor", "governor-general", "imam",
    "inspector", "judge", "justice", "king", "lady", "lawmaker", "leader", "lieutenant", "lord",
    "lt", "maj", "major", "manager", "mayor", "minister", "miss", "mp", "mr", "mrs", "ms", "nominee",
    "officer", "pastor", "pope", "premier", "president", "prince", "princess", "prof",
    "professor", "prosecutor", "queen", "rabbi", "rep", "representative", "rev", "reverend",
    "secretary", "secretary-general", "sen", "senator", "sergeant", "sgt", "sheikh", "sir", "speaker",
    "spokesman", "spokesperson", "spokeswoman", "sultan",
];

/// Titles that carry a gender (for pronoun agreement).
pub(crate) const MALE_TITLES: Words = words![
    "congressman", "councilman", "emir", "father", "king", "lord", "mr", "pope", "prince",
    "sheikh", "sir", "spokesman", "sultan",
];
/// See [`MALE_TITLES`].
pub(crate) const FEMALE_TITLES: Words = words![
    "chairwoman", "congresswoman", "councilwoman", "dame", "lady", "miss", "mrs", "ms",
    "princess", "queen", "spokeswoman",
];

/// Words that qualify a title without being a name: "former President", "Foreign Minister".
pub(crate) const TITLE_MODIFIERS: Words = words![
    "acting", "assistant", "associate", "attorney", "brand", "chief", "crown", "current",
    "defence", "defense", "deputy", "education", "executive", "finance", "financial", "first",
    "foreign", "former", "health", "home", "incoming", "interim", "interior", "junior", "late",
    "majority", "marketing", "minority", "new", "operating", "outgoing", "press", "prime",
    "senior", "state", "supreme", "technology", "then", "top", "trade", "vice",
];

/// Organisation heads: a capitalised name ending in one of these is an organisation
/// ("Xinhua News Agency", "Foreign Ministry", "Supreme Court").
pub(crate) const ORG_HEADS: Words = words![
    "academy", "administration", "agency", "airlines", "airways", "alliance", "army", "assembly",
    "association", "authority", "bank", "board", "brands", "broadcasting", "bureau", "cabinet",
    "campaign", "capital", "caucus", "center", "centre", "channel", "church", "club", "coalition",
    "college", "commission", "committee", "company", "congress", "corp", "corporation", "council",
    "court", "department", "embassy", "energy", "enterprises", "federation", "foods", "force",
    "forces", "foundation", "front", "fund", "gazette", "group", "guard", "guardian", "herald",
    "holdings", "homes", "inc", "industries", "institute", "institution", "insurance",
    "investments", "journal", "labs", "league", "logistics", "ltd", "magazine", "management",
    "ministry", "motors", "movement", "navy", "network", "news", "office", "organisation",
    "organization", "parliament", "partners", "party", "pharmaceuticals", "police", "post", "press",
    "radio", "resources", "review", "school", "securities", "senate", "service", "society",
    "systems", "technologies", "telegraph", "television", "times", "tribune", "union", "university",
    "ventures",
];

/// Lowercase nouns that follow an organisation's name and belong to it: "Xinhua news agency".
pub(crate) const ORG_TRAILERS: Words = words![
    "agency", "broadcaster", "channel", "daily", "magazine", "network", "news agency",
    "newspaper", "television", "website",
];

/// Well-known organisations named by one word (news agencies, international bodies, the web's
/// platforms: "after Wikipedia" and "from Reddit" were places), exactly as
/// written (case-sensitive, sorted by byte order).
pub(crate) const KNOWN_ORGS: Words = words![
    "ABC", "AFP", "AP", "BBC", "Bloomberg", "Breitbart", "CBS", "CIA", "CNN", "EU", "FBI",
    "Facebook", "Gallup", "Google", "Hamas", "Hezbollah", "IAEA", "IMF", "IRNA", "ISIL", "ISIS",
    "Instagram", "Interpol", "Kremlin", "Microsoft", "NASA", "NATO", "NBC", "NPR", "NSA",
    "Netflix", "OPEC", "Pentagon", "Politico", "Reddit", "Reuters", "TASS", "Taliban", "TikTok",
    "Twitter", "UN", "UNESCO", "UNICEF", "WHO", "WhatsApp", "Wikipedia", "Xinhua", "YouTube",
];

/// Multi-word organisations that look like places or titles ("White House").
pub(crate) const KNOWN_ORG_PHRASES: Words = words![
    "Al Jazeera", "Al Qaeda", "Associated Press", "Downing Street", "European Union",
    "Justice Department", "Red Cross", "State Department", "United Nations", "White House",
];

/// Plural and collective nouns that make an unnamed source ("officials said", "a spokesman
/// said"). The head of the noun phrase, lowercase.
pub(crate) const GROUP_NOUNS: Words = words![
    "activists", "advisers", "advisors", "aides", "analysts", "authorities", "commentators",
    "critics", "democrats", "diplomats", "doctors", "economists", "experts", "investigators",
    "lawmakers", "leaders", "legislators", "observers", "officers", "officials", "opponents",
    "organizers", "people", "police", "polls", "prosecutors", "protesters", "republicans",
    "researchers", "residents", "scientists", "sources", "spokesman", "spokesperson",
    "spokeswoman", "supporters", "voters", "witnesses",
];

/// Function words and other common words that are capitalised only at a sentence start or in
/// headlines, never names on their own (among them "I" and its contractions: "I'll believe
/// it" was an organisation, its cue's clause opening with "it"; and the imperatives that open
/// a sentence of comment: "Ask yourself: ...", "Wait, it gets better:", "Given his past
/// comments"); and the
/// initialisms of common nouns ("3.5 percent of
/// GDP", "HIV", "VAT"), which the acronym rule of `names::organisations_by_shape` would take for
/// organisations.
pub(crate) const COMMON_CAPS: Words = words![
    "a", "about", "according", "after", "again", "against", "aids", "all", "also", "although",
    "among", "an", "and", "another", "any", "anyone", "april", "are", "as", "ask", "at",
    "august", "be", "because", "before", "being", "between", "both", "but", "by", "can",
    "consider", "could", "covid", "covid-19", "december", "despite", "did", "dna", "do", "does",
    "during", "each", "earlier", "either", "even", "every", "february", "few", "first", "for",
    "former", "friday", "from", "gdp", "given", "had", "has", "have", "he", "her", "here",
    "his", "hiv", "how", "however", "i", "i'd", "i'll", "i'm", "i've", "icu", "if", "imagine", "in",
    "instead", "into", "ipo", "is", "it", "its", "i’d", "i’ll", "i’m", "i’ve", "january", "july", "june", "just", "last", "later", "lgbt", "lgbtq",
    "like", "look", "many", "march", "may", "meanwhile", "monday", "more", "most", "much", "my",
    "neither", "never", "new", "next", "no", "nor", "not", "november", "now", "october", "of",
    "on", "one", "only", "or", "other", "our", "over", "perhaps", "ptsd", "remember",
    "saturday", "see", "september", "she", "should", "since", "so", "some", "still", "such",
    "sunday", "suv", "take", "than", "that", "the", "their", "then", "there", "these", "they",
    "this", "those", "though", "through", "thursday", "to", "today", "tomorrow", "tuesday",
    "two", "under", "until", "upon", "us", "vat", "vip", "wait", "was", "watch", "we",
    "wednesday", "were", "what", "when", "where", "whether", "which", "while", "who", "whose",
    "why", "will", "with", "within", "without", "would", "yes", "yesterday", "yet", "you",
    "your",
];

/// Lowercase particles inside personal names: "Tamim bin Hamad", "Ludwig van Beethoven".
pub(crate) const NAME_PARTICLES: Words = words![
    "al", "bin", "bint", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "ten", "ter", "van", "von",
];

/// Words that end a reported clause and start a new one: "..., while assuring that".
pub(crate) const CLAUSE_BREAKERS: Words = words!["but", "whereas", "while"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_unique() {
        let lists: &[(&str, Words)] = &[
            ("NOUNISH_FORMS", NOUNISH_FORMS),
            ("OBJECT_CUES", OBJECT_CUES),
            ("OBJECT_NOUNISH", OBJECT_NOUNISH),
            ("INFINITIVE_CUES", INFINITIVE_CUES),
            ("RAISING", RAISING),
            ("PASSIVE_CUES", PASSIVE_CUES),
            ("ATTITUDE_ADJECTIVES", ATTITUDE_ADJECTIVES),
            ("EXPRESSED_NOUNS", EXPRESSED_NOUNS),
            ("CUE_AUX", CUE_AUX),
            ("DOC_NOUNS", DOC_NOUNS),
            ("TITLES", TITLES),
            ("MALE_TITLES", MALE_TITLES),
            ("FEMALE_TITLES", FEMALE_TITLES),
            ("TITLE_MODIFIERS", TITLE_MODIFIERS),
            ("ORG_HEADS", ORG_HEADS),
            ("ORG_TRAILERS", ORG_TRAILERS),
            ("KNOWN_ORGS", KNOWN_ORGS),
            ("KNOWN_ORG_PHRASES", KNOWN_ORG_PHRASES),
            ("GROUP_NOUNS", GROUP_NOUNS),
            ("COMMON_CAPS", COMMON_CAPS),
            ("NAME_PARTICLES", NAME_PARTICLES),
            ("CLAUSE_BREAKERS", CLAUSE_BREAKERS),
        ];
        assert_sorted(lists);
        let phrasal = keyed_lines(PHRASAL_CUES);
        assert_eq!(phrasal.len(), 47);
        for w in phrasal.windows(2) {
            assert!(w[0].0 < w[1].0, "PHRASAL_CUES: {:?} must come before {:?}", w[1], w[0]);
        }
        for &(k, lemma) in &phrasal {
            let (w, p) = k.split_once(' ').unwrap_or_default();
            // What lets the cue scan skip the search for a token without the bit.
            assert!(listed(w, PHRASAL_VERB), "{w:?} lacks PHRASAL_VERB");
            assert_eq!(phrasal_cue(w, p), Some(lemma), "{k}");
            assert_eq!(phrasal_cue(w, "into"), None, "{k}");
            assert_eq!(keyed(PHRASAL_CUES, w, ""), None, "{k}");
            assert_eq!(keyed(PHRASAL_CUES, &format!("{w}s"), p), phrasal.iter().find(|e| e.0 == format!("{w}s {p}")).map(|e| e.1), "{k}");
        }
        for (_, p) in phrasal.iter().map(|(k, _)| k.split_once(' ').unwrap_or_default()) {
            assert!(is_phrasal_particle(p), "is_phrasal_particle lacks {p:?}");
            assert!(has(PHRASAL_PARTICLES, p), "PHRASAL_PARTICLES lacks {p:?}");
        }
        assert!(PHRASAL_PARTICLES.iter().all(is_phrasal_particle));
        // The list holds every word that is_phrasal_particle accepts (its nine).
        assert_eq!(PHRASAL_PARTICLES.len(), 9);
        let cues: Vec<(&str, &str)> = cue_verbs().collect();
        assert_eq!(cues.len(), 226);
        assert!(cues.iter().all(|(f, l)| !f.is_empty() && !l.is_empty() && !f.contains([' ', ':']) && !l.contains([' ', ':'])));
        for w in cues.windows(2) {
            assert!(w[0].0 < w[1].0, "CUE_VERBS: {:?} must come before {:?}", w[1].0, w[0].0);
        }
        // `Doc::new` asks `lex` of word tokens only: every entry must start with a letter, as
        // no number or punctuation token does.
        let entries = cue_verbs().map(|c| c.0).chain(class_lists().into_iter().flat_map(|(l, _)| l.iter()));
        for w in entries {
            assert!(w.starts_with(char::is_alphabetic), "{w:?}");
        }
        // A bit that one list alone has answers as `has` of that list, for every word of the
        // lists (what `listed` and `Doc::in_class` stand in for).
        let lists = class_lists();
        let words: Vec<&str> = lists.iter().flat_map(|(l, _)| l.iter()).chain(["", "zzz", "Said"]).collect();
        for &(list, bit) in &lists {
            if lists.iter().filter(|(_, b)| b & bit != 0).count() == 1 {
                for w in &words {
                    assert_eq!(listed(w, bit), has(list, w), "{w:?}");
                }
            }
        }
        // The one bit of two lists.
        for w in &words {
            assert_eq!(listed(w, MALE_TITLE), has(MALE_TITLES, w) || has(crate::names::MORE_MALE_TITLES, w), "{w:?}");
        }
    }
}

/// Test helper for every module's word lists: each must be sorted and free of repeats, since
/// look-ups are binary searches.
#[cfg(test)]
pub(crate) fn assert_sorted(lists: &[(&str, Words)]) {
    for (name, list) in lists {
        let words: Vec<&str> = list.iter().collect();
        assert_eq!(words.len(), list.len(), "{name}");
        for w in words.windows(2) {
            assert!(w[0] < w[1], "{name}: {:?} must come before {:?}", w[1], w[0]);
        }
        // The search in the text finds each word, and no other: not a part of one, nor one
        // with a byte more.
        for w in &words {
            assert!(has(*list, w), "{name}: {w:?} not found");
            let mut others: Vec<String> = (0..w.len()).filter_map(|k| Some([w.get(..k)?, w.get(k..)?])).flatten().map(String::from).collect();
            others.extend([format!("{w}a"), format!("{w}z"), format!("{w} "), format!("0{w}"), format!("{w}\n")]);
            for o in &others {
                assert_eq!(has(*list, o), words.contains(&o.as_str()), "{name}: {o:?}");
            }
        }
        assert!(!has(*list, "") && !has(*list, "\n"), "{name}");
    }
}

/// The kind of a subject pronoun, if `word` (lowercase) is one of [`PRONOUNS`].
pub(crate) fn pronoun(word: &str) -> Option<PronounKind> {
    PRONOUNS.iter().find(|(f, _)| *f == word).map(|(_, p)| *p)
}

/// The lemma of a cue verb form, if `word` (lowercase) is one.
pub(crate) fn cue_lemma(word: &str) -> Option<&'static str> {
    lex(word).lemma()
}

/// What the lexicon knows of a lowercase word: its cue lemma and the lists it is in (bits
/// [`PASSIVE_CUE`], [`OBJECT_CUE`], [`RAISING_VERB`], [`COMMON_CAP`], [`AUX`] and the others below). `Doc::new` asks it once
/// per word, so that the attribution pass, which asks about every word of every sentence,
/// tests bits instead of searching four lists (a tenth of all the work before).
///
/// 12 bytes: `Doc::new` keeps one for every token, and the passes read them token after token.
/// With the lemma as a `&str` it was 24, and the facts of a long text's tokens did not stay in
/// the cache between passes (see `Doc`'s `Facts`). Packed to 4-byte alignment: at 8 (the
/// `u64`'s) it had 4 bytes of padding, which made the facts 40 bytes instead of 32; the
/// fields are only ever read by value, which the targets' unaligned loads make no dearer.
#[derive(Clone, Copy, Default)]
#[repr(C, packed(4))]
pub(crate) struct Lex {
    pub classes: u64,
    /// A number of the word's own, from 1 up to [`lex_len`]; 0 for words the lexicon lacks.
    pub id: u16,
    /// The cue lemma's number among the lexicon's lemmas, from 1; 0 for a word that is no cue.
    lemma: u16,
}

impl Lex {
    /// The word's lemma, when it is a form of a cue verb.
    #[inline]
    pub(crate) fn lemma(&self) -> Option<&'static str> {
        match self.lemma {
            0 => None,
            n => lexicon().lemmas.get(usize::from(n) - 1).copied(),
        }
    }

    /// Whether the word is a form of a cue verb: `lemma().is_some()` without reading the
    /// lemma.
    #[inline]
    pub(crate) fn is_cue(&self) -> bool {
        self.lemma != 0
    }

    /// Takes the cue lemma away: the form is no verb where it stands (`Doc::new`).
    pub(crate) fn drop_cue(&mut self) {
        self.lemma = 0;
    }
}

/// [`Lex::classes`] bit: the word is in [`PASSIVE_CUES`].
pub(crate) const PASSIVE_CUE: u64 = 1;
/// [`Lex::classes`] bit: the word is in [`OBJECT_CUES`].
pub(crate) const OBJECT_CUE: u64 = 2;
/// [`Lex::classes`] bit: the word is in [`RAISING`].
pub(crate) const RAISING_VERB: u64 = 4;
/// [`Lex::classes`] bit: the word is in [`COMMON_CAPS`].
pub(crate) const COMMON_CAP: u64 = 8;
/// [`Lex::classes`] bit: the word is in [`CUE_AUX`].
pub(crate) const AUX: u64 = 16;
/// [`Lex::classes`] bit: the word is a title head, in [`TITLES`] or `names::MORE_TITLES`.
pub(crate) const TITLE_HEAD: u64 = 32;
/// [`Lex::classes`] bit: the word is in [`TITLES`] or [`TITLE_MODIFIERS`].
pub(crate) const TITLE_LISTED: u64 = 64;
/// [`Lex::classes`] bit: the word is in [`TITLES`].
pub(crate) const TITLE: u64 = 128;
/// [`Lex::classes`] bit: the word is in `places::NOT_PLACES`.
pub(crate) const NOT_PLACE: u64 = 256;
/// [`Lex::classes`] bit: the word is in `places::CONNECTORS`.
pub(crate) const CONNECTOR: u64 = 512;
/// [`Lex::classes`] bit: the word is in `places::HEADS_FIRST`.
pub(crate) const HEAD_FIRST: u64 = 1024;
/// [`Lex::classes`] bit: the word is a particle of a phrasal cue ([`is_phrasal_particle`]).
pub(crate) const PARTICLE: u64 = 2048;
// The bits below answer `has(list, word)` for lists that the passes search often: one probe of
// this table (or, for a token, its bits from `Doc::new`) for the binary searches of one or
// more lists, which together were a tenth of all the work.
/// [`Lex::classes`] bit: the word is in [`ORG_HEADS`].
pub(crate) const ORG_HEAD: u64 = 1 << 12;
/// [`Lex::classes`] bit: the word is in `places::NOT_PLACE_HEADS`.
pub(crate) const NOT_PLACE_HEAD: u64 = 1 << 13;
/// [`Lex::classes`] bit: the word is in `places::HEADS_LAST`.
pub(crate) const HEAD_LAST: u64 = 1 << 14;
/// [`Lex::classes`] bit: the word is in `places::PLURAL_HEADS`.
pub(crate) const PLURAL_HEAD: u64 = 1 << 15;
/// [`Lex::classes`] bit: the word is in `places::NUMBERED`.
pub(crate) const NUMBERED_HEAD: u64 = 1 << 16;
/// [`Lex::classes`] bit: the word is in [`KNOWN_ORGS`] (case as written).
pub(crate) const KNOWN_ORG: u64 = 1 << 17;
/// [`Lex::classes`] bit: the word is in [`KNOWN_ORG_PHRASES`] (case as written).
pub(crate) const KNOWN_ORG_PHRASE: u64 = 1 << 18;
/// [`Lex::classes`] bit: the word is in `places::LOCATIVES`.
pub(crate) const LOCATIVE: u64 = 1 << 19;
/// [`Lex::classes`] bit: the word is in `names::GROUP_NAMES`.
pub(crate) const GROUP_NAME: u64 = 1 << 20;
/// [`Lex::classes`] bit: the word is in [`NAME_PARTICLES`].
pub(crate) const NAME_PARTICLE: u64 = 1 << 21;
/// [`Lex::classes`] bit: the word is in `names::PERSON_VERBS`.
pub(crate) const PERSON_VERB: u64 = 1 << 22;
/// [`Lex::classes`] bit: the word is in `names::PERSON_OBJECT_VERBS`.
pub(crate) const PERSON_OBJECT_VERB: u64 = 1 << 23;
/// [`Lex::classes`] bit: the word is in `names::PEOPLES`.
pub(crate) const PEOPLE: u64 = 1 << 24;
/// [`Lex::classes`] bit: the word is in `names::CALENDAR`.
pub(crate) const CALENDAR_WORD: u64 = 1 << 25;
/// [`Lex::classes`] bit: the word is in `names::PEOPLE_NOUNS`.
pub(crate) const PEOPLE_NOUN: u64 = 1 << 26;
/// [`Lex::classes`] bit: the word is in `names::PERSON_ROLES`.
pub(crate) const PERSON_ROLE: u64 = 1 << 27;
/// [`Lex::classes`] bit: the word is in `names::PLACE_LIST_NOUNS`.
pub(crate) const PLACE_LIST_NOUN: u64 = 1 << 28;
/// [`Lex::classes`] bit: the word is in `names::WORDLIKE_NAMES`.
pub(crate) const WORDLIKE_NAME: u64 = 1 << 29;
/// [`Lex::classes`] bit: the word is in `names::OPENERS`.
pub(crate) const OPENER: u64 = 1 << 30;
/// [`Lex::classes`] bit: the word is in [`CLAUSE_BREAKERS`].
pub(crate) const CLAUSE_BREAKER: u64 = 1 << 31;
/// [`Lex::classes`] bit: the word is in `attribution::NAMING_VERBS`.
pub(crate) const NAMING_VERB: u64 = 1 << 32;
/// [`Lex::classes`] bit: the word is in [`GROUP_NOUNS`].
pub(crate) const GROUP_NOUN: u64 = 1 << 33;
/// [`Lex::classes`] bit: the word is in [`DOC_NOUNS`].
pub(crate) const DOC_NOUN: u64 = 1 << 34;
/// [`Lex::classes`] bit: the word is in [`NOUNISH_FORMS`].
pub(crate) const NOUNISH_FORM: u64 = 1 << 35;
/// [`Lex::classes`] bit: the word is in [`ATTITUDE_ADJECTIVES`].
pub(crate) const ATTITUDE_ADJECTIVE: u64 = 1 << 36;
/// [`Lex::classes`] bit: the word is in [`OBJECT_NOUNISH`].
pub(crate) const OBJECT_NOUNISH_FORM: u64 = 1 << 37;
/// [`Lex::classes`] bit: the word is in `entities::PREPOSITIONS`.
pub(crate) const PREPOSITION: u64 = 1 << 38;
/// [`Lex::classes`] bit: the word is the verb of a [`PHRASAL_CUES`] entry, the only words that
/// [`phrasal_cue`] answers for: the cue scan asks that bit of the token before its binary
/// search, which about every particle after a word paid (0.5% of the 40-text profile).
pub(crate) const PHRASAL_VERB: u64 = 1 << 39;
// The bits below stand for the lists that the name and place passes searched for each
// capitalised run (a binary search in the text cost 300 to 450 instructions, a probe of this
// table about 50): 3% of the 40-text profile.
/// [`Lex::classes`] bit: the word is in [`MALE_TITLES`] or `names::MORE_MALE_TITLES`.
pub(crate) const MALE_TITLE: u64 = 1 << 40;
/// [`Lex::classes`] bit: the word is in [`FEMALE_TITLES`].
pub(crate) const FEMALE_TITLE: u64 = 1 << 41;
/// [`Lex::classes`] bit: the word is in `names::KIN_AND_LIFE_NOUNS`.
pub(crate) const KIN_NOUN: u64 = 1 << 42;
/// [`Lex::classes`] bit: the word is in `names::WORK_NOUNS`.
pub(crate) const WORK_NOUN: u64 = 1 << 43;
/// [`Lex::classes`] bit: the word is in `names::PERSON_PARTICLES`.
pub(crate) const PERSON_PARTICLE: u64 = 1 << 44;
/// [`Lex::classes`] bit: the word is in `names::STORMS`.
pub(crate) const STORM: u64 = 1 << 45;
/// [`Lex::classes`] bit: the word is in `names::HONOURS`.
pub(crate) const HONOUR: u64 = 1 << 46;
/// [`Lex::classes`] bit: the word is in `places::PHRASE_MODIFIERS`.
pub(crate) const PHRASE_MODIFIER: u64 = 1 << 47;
/// [`Lex::classes`] bit: the word is in `places::PARTS` (capitalised, as written).
pub(crate) const PLACE_PART: u64 = 1 << 48;
/// [`Lex::classes`] bit: the word is in `places::COMPASS` (capitalised, as written).
pub(crate) const COMPASS_REGION: u64 = 1 << 49;
/// [`Lex::classes`] bit: the word is in `places::PLACE_OF`.
pub(crate) const PLACE_OF_NOUN: u64 = 1 << 50;
/// [`Lex::classes`] bit: the word is in `places::MOTION`.
pub(crate) const MOTION_WORD: u64 = 1 << 51;
/// [`Lex::classes`] bit: the word is in `places::PLACE_KIND_OF`.
pub(crate) const PLACE_KIND: u64 = 1 << 52;
/// [`Lex::classes`] bit: the word is in `places::STREETS`.
pub(crate) const STREET: u64 = 1 << 53;
/// [`Lex::classes`] bit: the word is in `places::WEAK_HEADS`.
pub(crate) const WEAK_HEAD: u64 = 1 << 54;
/// [`Lex::classes`] bit: the word is in `places::PLACE_PREDICATES`.
pub(crate) const PLACE_PREDICATE: u64 = 1 << 55;
/// [`Lex::classes`] bit: the word is in [`ORG_TRAILERS`].
pub(crate) const ORG_TRAILER: u64 = 1 << 56;
// The bits below stand for the attribution pass's own lists, searched for the words around
// each cue and quotation (a binary search in the text cost 300 to 650 instructions; the
// token's bits from `Doc::new` cost a load): 1% of the 40-text profile.
/// [`Lex::classes`] bit: the word is in `attribution::IRREGULAR_PASTS`.
pub(crate) const IRREGULAR_PAST: u64 = 1 << 57;
/// [`Lex::classes`] bit: the word is in `attribution::PREPOSITIONS` (not
/// `entities::PREPOSITIONS`, whose bit is [`PREPOSITION`]).
pub(crate) const PHRASE_PREPOSITION: u64 = 1 << 58;
/// [`Lex::classes`] bit: the word is in `attribution::PERSON_NOUNS`.
pub(crate) const PERSON_NOUN: u64 = 1 << 59;
/// [`Lex::classes`] bit: the word is in [`INFINITIVE_CUES`].
pub(crate) const INFINITIVE_CUE: u64 = 1 << 60;
/// [`Lex::classes`] bit: the word is in `attribution::TIME_NOUNS`.
pub(crate) const TIME_NOUN: u64 = 1 << 61;
/// [`Lex::classes`] bit: the word is in `attribution::SENTENCE_ADVERBS`.
pub(crate) const SENTENCE_ADVERB: u64 = 1 << 62;
/// [`Lex::classes`] bit: the word is in `names::FIRM_NOUNS`. Asked of the word before every
/// capitalised word (`names::firm_described`): its binary search there was 3.6% of the 40-text
/// profile.
pub(crate) const FIRM_NOUN: u64 = 1 << 63;

/// `word` (as it is: the lists are lowercase but for the organisations) is in a list of one of
/// the `classes` bits: one probe for `has` of each of those lists.
#[inline]
pub(crate) fn listed(word: &str, classes: u64) -> bool {
    lex_entry(word).is_some_and(|(_, l)| l.classes & classes != 0)
}

/// The [`Lex::classes`] bits of `word` (as it is), 0 for a word the table lacks: one probe for
/// `has` of several lists.
#[inline]
pub(crate) fn classes(word: &str) -> u64 {
    lex_entry(word).map_or(0, |(_, l)| l.classes)
}

/// The word lists of the table and their bits, besides the cue verbs: each word of a list has
/// its bit. `Doc::new` asks the table about word tokens only, so every entry starts with a
/// letter (a test checks), as no number or punctuation token does.
fn class_lists() -> [(Words, u64); 64] {
    [
        (PASSIVE_CUES, PASSIVE_CUE),
        (OBJECT_CUES, OBJECT_CUE),
        (RAISING, RAISING_VERB),
        (COMMON_CAPS, COMMON_CAP),
        (CUE_AUX, AUX),
        (TITLES, TITLE_HEAD | TITLE_LISTED | TITLE),
        (crate::places::NOT_PLACES, NOT_PLACE),
        (crate::places::CONNECTORS, CONNECTOR),
        (crate::places::HEADS_FIRST, HEAD_FIRST),
        (crate::names::MORE_TITLES, TITLE_HEAD),
        (TITLE_MODIFIERS, TITLE_LISTED),
        (PHRASAL_PARTICLES, PARTICLE),
        (ORG_HEADS, ORG_HEAD),
        (crate::places::NOT_PLACE_HEADS, NOT_PLACE_HEAD),
        (crate::places::HEADS_LAST, HEAD_LAST),
        (crate::places::PLURAL_HEADS, PLURAL_HEAD),
        (crate::places::NUMBERED, NUMBERED_HEAD),
        (KNOWN_ORGS, KNOWN_ORG),
        (KNOWN_ORG_PHRASES, KNOWN_ORG_PHRASE),
        (crate::places::LOCATIVES, LOCATIVE),
        (crate::names::GROUP_NAMES, GROUP_NAME),
        (NAME_PARTICLES, NAME_PARTICLE),
        (crate::names::PERSON_VERBS, PERSON_VERB),
        (crate::names::PERSON_OBJECT_VERBS, PERSON_OBJECT_VERB),
        (crate::names::PEOPLES, PEOPLE),
        (crate::names::CALENDAR, CALENDAR_WORD),
        (crate::names::PEOPLE_NOUNS, PEOPLE_NOUN),
        (crate::names::PERSON_ROLES, PERSON_ROLE),
        (crate::names::PLACE_LIST_NOUNS, PLACE_LIST_NOUN),
        (crate::names::WORDLIKE_NAMES, WORDLIKE_NAME),
        (crate::names::OPENERS, OPENER),
        (CLAUSE_BREAKERS, CLAUSE_BREAKER),
        (crate::attribution::NAMING_VERBS, NAMING_VERB),
        (GROUP_NOUNS, GROUP_NOUN),
        (DOC_NOUNS, DOC_NOUN),
        (NOUNISH_FORMS, NOUNISH_FORM),
        (ATTITUDE_ADJECTIVES, ATTITUDE_ADJECTIVE),
        (OBJECT_NOUNISH, OBJECT_NOUNISH_FORM),
        (crate::entities::PREPOSITIONS, PREPOSITION),
        (MALE_TITLES, MALE_TITLE),
        (crate::names::MORE_MALE_TITLES, MALE_TITLE),
        (FEMALE_TITLES, FEMALE_TITLE),
        (crate::names::KIN_AND_LIFE_NOUNS, KIN_NOUN),
        (crate::names::WORK_NOUNS, WORK_NOUN),
        (crate::names::PERSON_PARTICLES, PERSON_PARTICLE),
        (crate::names::STORMS, STORM),
        (crate::names::HONOURS, HONOUR),
        (crate::places::PHRASE_MODIFIERS, PHRASE_MODIFIER),
        (crate::places::PARTS, PLACE_PART),
        (crate::places::COMPASS, COMPASS_REGION),
        (crate::places::PLACE_OF, PLACE_OF_NOUN),
        (crate::places::MOTION, MOTION_WORD),
        (crate::places::PLACE_KIND_OF, PLACE_KIND),
        (crate::places::STREETS, STREET),
        (crate::places::WEAK_HEADS, WEAK_HEAD),
        (crate::places::PLACE_PREDICATES, PLACE_PREDICATE),
        (ORG_TRAILERS, ORG_TRAILER),
        (crate::attribution::IRREGULAR_PASTS, IRREGULAR_PAST),
        (crate::attribution::PREPOSITIONS, PHRASE_PREPOSITION),
        (crate::attribution::PERSON_NOUNS, PERSON_NOUN),
        (INFINITIVE_CUES, INFINITIVE_CUE),
        (crate::attribution::TIME_NOUNS, TIME_NOUN),
        (crate::attribution::SENTENCE_ADVERBS, SENTENCE_ADVERB),
        (crate::names::FIRM_NOUNS, FIRM_NOUN),
    ]
}

/// [`Lex`] of a lowercase word.
pub(crate) fn lex(word: &str) -> Lex {
    lex_entry(word).map(|(_, l)| l).unwrap_or_default()
}

/// The lexicon's own copy of a lowercase word and its [`Lex`], for words it knows.
#[inline]
pub(crate) fn lex_entry(word: &str) -> Option<(&'static str, Lex)> {
    lex_entry_hot(word)
}

/// [`lex_entry`], always inlined: for the callers that ask it of every word (`Doc::new`, the
/// vocabulary), where the wasm build made it a call (see `WordTable::slot_of`).
#[inline(always)]
pub(crate) fn lex_entry_hot(word: &str) -> Option<(&'static str, Lex)> {
    lexicon().table.get_hot(word).copied()
}

/// The lexicon's word whose [`Lex::id`] is `id`.
pub(crate) fn lex_word(id: u16) -> Option<&'static str> {
    lexicon().table.entry(usize::from(id).checked_sub(1)?).map(|&(w, _)| w)
}

/// How many words the lexicon has: the largest [`Lex::id`].
pub(crate) fn lex_len() -> usize {
    lexicon().table.len()
}

/// The lexicon's words and what it knows of them, made on first use: `Doc::new` asks it about
/// every word of the text (see [`WordTable`]). Entry number n has the id n + 1.
type LexTable = WordTable<'static, Lex>;

struct Lexicon {
    table: LexTable,
    /// The cue verbs' lemmas, each once: [`Lex`] keeps a lemma's number here, not the `&str`.
    lemmas: Vec<&'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let lists = class_lists();
        // At least three slots for every word of every list (repeats counted too).
        let words = cue_verbs().count() + lists.iter().map(|(l, _)| l.len()).sum::<usize>();
        let mut table = LexTable::with_capacity(words);
        // Each new word takes the next number, from 1.
        let new = |n: usize| Lex { id: u16::try_from(n + 1).unwrap_or(u16::MAX), ..Lex::default() };
        let mut lemmas: Vec<&'static str> = Vec::new();
        for (w, l) in cue_verbs() {
            // The forms of a lemma come together (one line of `CUE_VERBS` each), so the last
            // lemma is the only one to compare with; a lemma seen before gets a number again,
            // which answers the same.
            if lemmas.last() != Some(&l) {
                lemmas.push(l);
            }
            table.entry_or_insert_with(w, new).lemma = u16::try_from(lemmas.len()).unwrap_or(0);
        }
        for (list, bit) in lists {
            for w in list.iter() {
                table.entry_or_insert_with(w, new).classes |= bit;
            }
        }
        for w in PHRASAL_CUES.lines().filter_map(|l| l.split(' ').next()) {
            table.entry_or_insert_with(w, new).classes |= PHRASAL_VERB;
        }
        Lexicon { table, lemmas }
    })
}
