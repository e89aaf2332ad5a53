//! The document the later passes read: tokens, paragraphs, quotations and sentences.
//!
//! Sentences are split outside quotations only, so `"We won. They lost," she said.` is one
//! sentence holding the quote and its attribution: that is the unit attribution works on.

use std::borrow::Cow;

use crate::case::{lowercase, push_lower};
use crate::lexicon::Lex;
use crate::model::Span;
use crate::names::strip_possessive;
use crate::quotes::{find_quotes, QuoteMarks};
use crate::text::{for_each_token, offset, Tk, Token};

/// Whether `lw` (lowercase) is an abbreviation that ends with a dot without ending a sentence.
/// A `match` on the words, not a search of a `words!` list: the search cost about 480
/// instructions a call, asked at every full stop after a word (a test checks the words are
/// sorted and match).
fn is_abbreviation(lw: &str) -> bool {
    matches!(
        lw,
        "adm" | "apr" | "aug" | "brig" | "capt" | "cmdr" | "co" | "col" | "corp" | "dec" | "dept" | "dr"
            | "feb" | "fig" | "fr" | "gen" | "gov" | "inc" | "jan" | "jr" | "jul" | "jun" | "lt" | "ltd" | "maj"
            | "mr" | "mrs" | "ms" | "mt" | "no" | "nov" | "oct" | "prof" | "rep" | "rev" | "sen" | "sep" | "sept"
            | "sgt" | "sr" | "st" | "supt" | "vs"
    )
}

/// How many words may open a sentence before its speech verb for a question or exclamation
/// closing a quotation to stay in that sentence ("“…!” US Senator Jeff Sessions said").
const MAX_CUE_WORDS: usize = 5;
/// The longest appositive between a name and its speech verb after a quotation ("“Why now?”
/// Miller, a retired worker from a nuclear plant, said"), in tokens.
const MAX_CUE_APPOSITIVE: usize = 16;

/// A set of token indexes as one bit per token. The passes that mark the first or last
/// token of what they found asked hash sets of `usize` before: each key and value type of a
/// hash map is one more copy of hashbrown's table code in the wasm, and a bit vector is both
/// smaller and faster for dense small integers. Bits rather than a `bool` per token: the
/// zeroed vector of a long text went to the allocator's slow path, about 700 instructions for
/// each of the six sets a text makes.
pub(crate) struct TokenSet(Vec<u64>);

impl TokenSet {
    /// The set of `at`, with room for tokens `0..n`.
    pub(crate) fn new(n: usize, at: impl IntoIterator<Item = usize>) -> TokenSet {
        let mut set = TokenSet::with_len(n);
        for i in at {
            set.insert(i);
        }
        set
    }

    /// An empty set with room for tokens `0..n`: inserting into it never grows it (growing a
    /// set token by token reallocated it several times over).
    pub(crate) fn with_len(n: usize) -> TokenSet {
        TokenSet(vec![0; n / 64 + 1])
    }

    pub(crate) fn insert(&mut self, i: usize) {
        let word = i / 64;
        if word >= self.0.len() {
            self.0.resize(word + 1, 0);
        }
        self.0[word] |= 1 << (i % 64);
    }

    #[inline]
    pub(crate) fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 != 0)
    }
}

/// An optional index (of a quotation, a name mention) for each token, as a `u32` with a
/// sentinel for none. As `Option<usize>` it took 16 bytes a token, and zeroing such tables for
/// each document was 2% of all the instructions.
pub(crate) struct TokenIndex(Vec<u32>);

impl TokenIndex {
    const NONE: u32 = u32::MAX;

    /// No index for any of `n` tokens.
    pub(crate) fn new(n: usize) -> TokenIndex {
        TokenIndex(vec![TokenIndex::NONE; n])
    }

    /// Gives `token` the index `to` (an index too large for u32, never made from one text
    /// line, is none).
    pub(crate) fn set(&mut self, token: usize, to: usize) {
        if let Some(v) = self.0.get_mut(token) {
            *v = u32::try_from(to).unwrap_or(TokenIndex::NONE);
        }
    }

    /// The index of `token`, if any.
    #[inline]
    pub(crate) fn at(&self, token: usize) -> Option<usize> {
        self.0.get(token).copied().filter(|&v| v != TokenIndex::NONE).map(|v| v as usize)
    }
}

/// A text's tokens and their lowercase, made before the [`Doc`] that borrows them: so the
/// Doc holds each token's lowercase as a `&str`, and [`Doc::lower`], asked about fifteen times
/// per token, reads it instead of slicing an owned copy of the text each time (whose bounds
/// and char-boundary checks were 4% of all the work).
pub(crate) struct Lowered<'a> {
    toks: Vec<Token>,
    /// Each token's text, sliced once: [`Doc::tok`] is asked about ten times per token, and
    /// slicing the text each time (its bounds and char-boundary checks) was 3.6% of all the
    /// work.
    words: Vec<&'a str>,
    /// Every token in lowercase: token i's is the span [`LowerSpans`] gives it.
    text: String,
}

/// Where each token's lowercase is in [`Lowered`]'s text, as byte offsets (`u32`: a token
/// ends at most at `MAX_TEXT_BYTES`). Kept apart from `Lowered` and consumed by [`Doc::new`],
/// which slices them once: held to the end of the analysis, with `usize` offsets, they were
/// 16 bytes a token of the memory that the larger inputs of `examples/linearity.rs` wait on.
pub(crate) struct LowerSpans(Vec<(u32, u32)>);

impl<'a> Lowered<'a> {
    // Kept out of `analyze`, which calls it once a text: inlined there, the native build spent
    // more instructions (s200: all three of Lowered::new, Doc::new and split_sentences kept
    // apart saved 0.4 M of 70.6 M). The wasm build inlines them still: kept apart, its gzipped
    // size grew by 830 bytes.
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    pub(crate) fn new(text: &'a str) -> (Lowered<'a>, LowerSpans) {
        // The whole text with its ASCII letters lowercased, in one pass: an ASCII token's
        // lowercase is its own span of it. Other tokens' lowercase goes after the text.
        // Copying and lowercasing token by token cost a memcpy call and a short loop each.
        let mut lower_text = String::with_capacity(text.len() + text.len() / 8);
        lower_text.push_str(text);
        lower_text.make_ascii_lowercase();
        // Room for a token per four bytes: news text has about one per five, and a vector that
        // grows copies all the tokens so far.
        let room = text.len() / 4 + 1;
        let (mut toks, mut at, mut words) = (Vec::with_capacity(room), Vec::with_capacity(room), Vec::with_capacity(room));
        for_each_token(text, |t, ascii| {
            toks.push(t);
            let w = text.get(t.span().start..t.span().end).unwrap_or("");
            words.push(w);
            // An ASCII token's lowercase (the same as to_lowercase) is its span of the lowered
            // copy of the text; so is a punctuation token's (curly quotes, dashes), which has no
            // letter and so no case (a test checks every char); the others' is appended after
            // it. Lowercasing each curly quote char by char searched the case tables, 1% of
            // all the work.
            at.push(if ascii || t.kind == Tk::Punct {
                (offset(t.span().start), offset(t.span().end))
            } else {
                let from = lower_text.len();
                // (A char compare, not `contains('Σ')`: a non-ASCII char pattern goes through
                // core's substring searcher, 2 KB of wasm for this test alone.)
                if w.chars().any(|c| c == 'Σ') {
                    // The one char whose lowercase depends on its neighbours (a final sigma).
                    lower_text.push_str(&lowercase(w));
                } else {
                    // Char by char, the same as to_lowercase without it, and without a String
                    // for each token: curly quotes and apostrophes made a tenth of all tokens
                    // allocate.
                    for c in w.chars() {
                        push_lower(&mut lower_text, c);
                    }
                }
                (offset(from), offset(lower_text.len()))
            });
        });
        (Lowered { toks, words, text: lower_text }, LowerSpans(at))
    }
}

pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Paragraph index of each token. (As `u32`, not `usize`: read token after token by
    /// several passes, and half the size stays in the cache longer; see `Facts`.)
    pub para: Vec<u32>,
    /// Sentence index of each token (`u32` as `para`); [`Doc::sent_of`] gives it as an index.
    pub sent: Vec<u32>,
    /// Token ranges `[start, end)` of each sentence.
    pub sents: Vec<(usize, usize)>,
    /// Paired quotations, sorted by start, properly nested.
    pub quotes: Vec<QuoteMarks>,
    /// For each token, the index of the outermost quotation containing it (marks included).
    pub outer_quote: TokenIndex,
    /// True for tokens that are the opening or closing mark of a paired quotation.
    pub mark: Vec<bool>,
    /// What `Doc::new` looked up once for each token, in one vector: one push and one
    /// allocation instead of five (the five vectors' pushes were 1.5% of all the work).
    facts: Vec<Facts<'a>>,
    /// Each token's text, from [`Lowered`].
    words: &'a [&'a str],
}

/// The facts of one token that [`Doc::new`] looks up once.
///
/// 32 bytes, read token after token by nearly every pass. At 72 (with the title head and the
/// lemma as `&str`s) the facts of a 2 MB text took 28 MB, far more than the caches hold, and
/// each pass read them again: the larger inputs of `examples/linearity.rs` paid for it.
struct Facts<'a> {
    /// The token's lowercase, from [`Lowered`]: made once because the passes ask for the same
    /// tokens' lowercase many times (a fifth of all the work when each call lowercased into a
    /// new String).
    lower: &'a str,
    /// For a word, [`crate::lexicon::lex`] of [`Doc::lower`] (the default for other tokens,
    /// which no list has).
    lex: Lex,
    /// The byte length of [`Doc::lower_bare`]'s answer when that is a prefix of [`Doc::lower`]
    /// (the part without a possessive ending is ASCII, and shorter than 64 KB), else
    /// [`NOT_ASCII`]: the name passes ask for it tens of times per token. (A longer word takes
    /// the slow way, which gives the same answer.)
    bare_len: u16,
    /// [`crate::names::title_head_id_of`] the token's [`Doc::lower_bare`], the lexicon entry's
    /// [`Lex::id`] (0 for none, and for other than words), and [`TITLE_LISTED`] when the lists
    /// of title words have it: the name passes ask both of every token several times over, and
    /// a hash probe each time was 5% of all work. (One field: a bool of its own made the
    /// facts 40 bytes.)
    title: u16,
}

/// `Facts::bare_len` of a token whose part without a possessive ending is not ASCII.
const NOT_ASCII: u16 = u16::MAX;

/// The bit of `Facts::title` that says the title lists have the word: above every lexicon
/// id (a test checks the lexicon has fewer entries).
const TITLE_LISTED: u16 = 1 << 15;

impl<'a> Doc<'a> {
    /// The document of `text`, whose tokens `low` has (`Lowered::new(text)`).
    // Not inlined: see `Lowered::new`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    pub fn new(text: &'a str, low: &'a Lowered<'a>, at: LowerSpans) -> Doc<'a> {
        let toks = &low.toks[..];
        // Paragraphs: blank lines where the text has any; otherwise every line break (text
        // pasted from a web page puts one paragraph on each line).
        let blank_lines = toks.iter().any(|t| t.breaks_before >= 2);
        let need = if blank_lines { 2 } else { 1 };
        // Collected, not pushed: the vector is made at its size, without a test per token.
        // (A text has fewer than 2^32 tokens: the CLI reads it from one line, and wasm32 has
        // 4 GB of memory in all.)
        let mut p = 0u32;
        let para: Vec<u32> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if i > 0 && t.breaks_before >= need {
                    p = p.saturating_add(1);
                }
                p
            })
            .collect();
        let quotes = find_quotes(text, toks, &para);
        // Each outermost quotation's tokens: from its opening mark up to the last token that
        // ends inside it. Outermost quotations never overlap (the pairing keeps them properly
        // nested), so each token is set at most once, and tokens outside all quotations are
        // not visited (a test of every token against the next quotation was 0.6% of all the
        // work).
        let mut outer_quote = TokenIndex::new(toks.len());
        for (qi, q) in quotes.iter().enumerate().filter(|(_, q)| q.depth == 0) {
            for (i, t) in toks.iter().enumerate().skip(q.open) {
                if t.span().end > q.span.end {
                    break;
                }
                outer_quote.set(i, qi);
            }
        }
        let mut mark = vec![false; toks.len()];
        for q in &quotes {
            mark[q.open] = true;
            if let Some(c) = q.close {
                mark[c] = true;
            }
        }
        // One pass over the tokens makes each one's lowercase and asks the lexicon about it
        // (collected, as `para`).
        let mut facts: Vec<Facts> = toks.iter().zip(&low.words).zip(at.0).map(|((t, &w), (at, end))| {
            let bare = strip_possessive(w);
            // A word or number that `Lowered` lowercased in place is ASCII (asking `is_ascii`
            // again was 0.8% of all the work); for punctuation, `bare` is the token, so the
            // test below asks the same.
            let ascii = t.kind != Tk::Punct && (at as usize, end as usize) == (t.span().start, t.span().end);
            let lw = low.text.get(at as usize..end as usize).unwrap_or("");
            // Lowercasing ASCII depends on no neighbour, so an ASCII part is a prefix of the
            // token's lowercase. A part of 64 KB or more gets NOT_ASCII too: `lower_bare` then
            // lowercases it again on each call, the same answer at the old cost.
            let len = if ascii || bare.is_ascii() { u16::try_from(bare.len()).unwrap_or(NOT_ASCII) } else { NOT_ASCII };
            let mut f = Facts { lower: lw, bare_len: len, title: 0, lex: Lex::default() };
            if t.kind == Tk::Word {
                let entry = crate::lexicon::lex_entry_hot(lw);
                f.lex = entry.map(|(_, l)| l).unwrap_or_default();
                // The title look-ups take the word without a possessive (and the head without
                // a final dot): when that is the word itself, the same probe answers them.
                let (head, listed) = if len != NOT_ASCII && len as usize == lw.len() && !lw.ends_with('.') {
                    let classes = f.lex.classes;
                    (if classes & crate::lexicon::TITLE_HEAD != 0 { f.lex.id } else { 0 }, classes & crate::lexicon::TITLE_LISTED != 0)
                } else {
                    // Doc::lower_bare of this token.
                    let lw = if len == NOT_ASCII { Cow::Owned(lowercase(bare)) } else { Cow::Borrowed(lw.get(..len as usize).unwrap_or("")) };
                    (crate::names::title_head_id_of(&lw), crate::names::is_listed_title_word(&lw))
                };
                f.title = head | if listed { TITLE_LISTED } else { 0 };
            }
            f
        }).collect();
        // "the Arab states' oil wealth": a cue's form in -s right before a possessive's
        // apostrophe (no quotation mark) is a plural noun, no verb; "states" spoke for "Arab".
        for i in 0..facts.len().saturating_sub(1) {
            let next = toks[i + 1];
            if facts[i].lex.is_cue() && !next.space_before && !mark[i + 1] && matches!(next.first, '\'' | '’') && low.words[i].ends_with('s') {
                facts[i].lex.drop_cue();
            }
        }
        let mut doc = Doc { text, toks, para, sent: Vec::new(), sents: Vec::new(), quotes, outer_quote, mark, facts, words: &low.words };
        doc.split_sentences();
        doc
    }

    // The accessors below run millions of times per megabyte of text and are smaller than a
    // call; the hint lets the native build inline them (the size-optimised wasm ignores it).
    #[inline]
    pub fn tok(&self, i: usize) -> &'a str {
        self.words[i]
    }

    #[inline]
    pub fn first_char(&self, i: usize) -> char {
        self.toks[i].first
    }

    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Tk::Punct && t.first == c)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Tk::Word)
    }

    /// Token `i` is a word whose lowercase is `w`. Out of line in the wasm, where its 80 call
    /// sites (with [`Doc::tok_is`]'s) each inlined two bounds checks and the compare: apart,
    /// the page is 2.1 KB smaller gzipped (247.8 against 249.9 KB) at the same speed in Node
    /// (`throughput-ab.mjs`, 8.28 against 8.30 M chars/s). (`Attributor::word` apart as well
    /// saved 1.6 KB more but ran 8% slower.) The native build inlines both.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn lower_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.lower(i) == w
    }

    /// Token `i` is a word written `w` (case and all), as [`Doc::lower_is`].
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn tok_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.tok(i) == w
    }

    /// True when token `i` starts with an uppercase letter.
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// The token as lowercase text (`str::to_lowercase`), for lexicon look-ups.
    #[inline]
    pub fn lower(&self, i: usize) -> &'a str {
        self.facts[i].lower
    }

    /// The title head that the token's [`Doc::lower_bare`] is ([`crate::names::title_head_id_of`]),
    /// looked up once.
    #[inline]
    pub fn title_head(&self, i: usize) -> Option<&'static str> {
        match self.facts[i].title & !TITLE_LISTED {
            0 => None,
            id => crate::lexicon::lex_word(id),
        }
    }

    /// Whether the lists of title words have the token's [`Doc::lower_bare`], looked up once.
    #[inline]
    pub fn title_listed(&self, i: usize) -> bool {
        self.facts[i].title & TITLE_LISTED != 0
    }

    /// `lexicon::cue_lemma(self.lower(i))`, looked up once per token.
    #[inline]
    pub fn cue_lemma(&self, i: usize) -> Option<&'static str> {
        self.facts[i].lex.lemma()
    }

    /// Token `i` is the bare form of a cue that is also a noun ("state", "report", "claim"):
    /// after a singular name it is the noun ("his home state", "the Virginia state director",
    /// "Democratic state lawmakers"), since the verb would agree with a singular subject
    /// ("Smith states", "Smith stated"; subject-verb agreement, Quirk et al. 1985, §10.34).
    pub(crate) fn bare_noun_form(&self, i: usize) -> bool {
        self.in_class(i, crate::lexicon::NOUNISH_FORM) && {
            let w = self.lower(i);
            !w.ends_with('s') && !w.ends_with("ing") && w != "read"
        }
    }

    /// What the lexicon knows of each token of [a, b) ([`Doc::classes`], [`Doc::cue_lemma`],
    /// [`Doc::lex_id`] in one): a loop over a sentence's tokens reads them without a bounds
    /// check for each.
    #[inline]
    pub(crate) fn lexes(&self, a: usize, b: usize) -> impl Iterator<Item = &crate::lexicon::Lex> {
        self.facts[a..b].iter().map(|f| &f.lex)
    }

    /// [`crate::lexicon::Lex::id`] of `self.lower(i)`: 0 when the lexicon lacks it.
    #[inline]
    pub fn lex_id(&self, i: usize) -> u16 {
        self.facts[i].lex.id
    }

    /// Whether `self.lower(i)` is in the lexicon list of `class` (a bit of `lexicon::Lex`), or
    /// in any of the lists of several bits: `has(list, self.lower(i))` without a search (no
    /// list has a word that is not a word token, whose bits are all clear).
    #[inline]
    pub fn in_class(&self, i: usize, class: u64) -> bool {
        self.facts[i].lex.classes & class != 0
    }

    /// All the [`crate::lexicon::Lex::classes`] bits of `self.lower(i)`.
    #[inline]
    pub fn classes(&self, i: usize) -> u64 {
        self.facts[i].lex.classes
    }

    /// `lexicon::classes(w)` of `w`, a prefix of word `i`'s lowercase (what `strip_dot` or
    /// `lower_bare` leave of it): the bits `Doc::new` looked up when `w` is all of it, without
    /// a probe of the lexicon; a probe otherwise.
    pub fn prefix_classes(&self, i: usize, w: &str) -> u64 {
        if self.is_word(i) && w.len() == self.lower(i).len() {
            self.classes(i)
        } else {
            crate::lexicon::classes(w)
        }
    }

    /// The token without a possessive ending, in lowercase: the same as
    /// `strip_possessive(self.tok(i)).to_lowercase()`, taken from [`Doc::lower`] when that part
    /// is ASCII (see `Facts::bare_len`).
    #[inline]
    pub fn lower_bare(&self, i: usize) -> Cow<'_, str> {
        match self.facts[i].bare_len {
            NOT_ASCII => Cow::Owned(lowercase(strip_possessive(self.tok(i)))),
            len => Cow::Borrowed(self.lower(i).get(..len as usize).unwrap_or("")),
        }
    }

    /// The token ends in a possessive "'s" or "’s" ("Trump's"): [`Doc::lower_bare`] is
    /// shorter than it, read from `Facts::bare_len` without making the string.
    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        match self.facts[i].bare_len {
            NOT_ASCII => strip_possessive(self.tok(i)).len() < self.tok(i).len(),
            len => usize::from(len) < self.lower(i).len(),
        }
    }

    pub fn span(&self, from: usize, to_incl: usize) -> Span {
        Span::new(self.toks[from].span().start, self.toks[to_incl].span().end)
    }

    /// The text of `span` ("" for a span that is none of the text's, which the passes never
    /// make). The core slices its text this way or with `str::get`, never `&text[a..b]`: one
    /// panicking slice brings core's message for it (with its code to format chars and ranges),
    /// which was 3.9 KB of the gzipped page (tests/browser/weight.test.mjs checks).
    #[inline]
    pub fn text_of(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// `self.toks.partition_point(pred)` (`pred` true of the tokens before some point, false
    /// of the rest), searched outwards from token `near` and then by halves: the steps stay
    /// near where the answer is known to be. A binary search of all the tokens of a long text
    /// reads a new cache line at nearly every step; the attribution pass's searches for the
    /// token at a byte, once per cue or quotation, were a tenth of its time on 4 MB
    /// (`examples/linearity.rs`, "places, titles and clauses"). (`dyn`: one copy of the code
    /// in the wasm for the seven searches, not one for each.)
    pub fn partition_near(&self, near: usize, pred: &dyn Fn(&Token) -> bool) -> usize {
        let toks = self.toks;
        let n = toks.len();
        let near = near.min(n);
        // The answer lies in lo..=hi: `pred` holds before lo and fails from hi on.
        let (mut lo, mut hi);
        let mut step = 1;
        if near < n && pred(&toks[near]) {
            lo = near + 1;
            hi = n;
            while lo < n {
                let probe = (lo + step - 1).min(n - 1);
                if !pred(&toks[probe]) {
                    hi = probe;
                    break;
                }
                lo = probe + 1;
                step *= 2;
            }
        } else {
            lo = 0;
            hi = near;
            while hi > 0 {
                let probe = hi.saturating_sub(step);
                if pred(&toks[probe]) {
                    lo = probe + 1;
                    break;
                }
                hi = probe;
                step *= 2;
            }
        }
        lo + toks.get(lo..hi).map_or(0, |ts| ts.partition_point(pred))
    }

    /// The index of token `i`'s sentence in [`Doc::sents`].
    #[inline]
    pub fn sent_of(&self, i: usize) -> usize {
        self.sent[i] as usize
    }

    /// The token range `[start, end)` of token `i`'s sentence.
    #[inline]
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        self.sents[self.sent_of(i)]
    }

    /// True when token `i` is a quotation mark that opens or closes a paired quote.
    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.mark[i]
    }

    /// True when token `i` lies inside a quotation (marks excluded).
    pub fn inside_quote(&self, i: usize) -> bool {
        self.outer_quote.at(i).is_some_and(|q| {
            let q = &self.quotes[q];
            q.open != i && q.close != Some(i)
        })
    }

    // Not inlined: see `Lowered::new`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    fn split_sentences(&mut self) {
        let n = self.toks.len();
        // Filled sentence by sentence (`resize` from `start` to `j`), not zeroed first.
        self.sent = Vec::with_capacity(n);
        // Room for a sentence per 16 tokens: news sentences are longer, and growing the
        // vector from nothing reallocated it several times a text.
        self.sents = Vec::with_capacity(n / 16 + 1);
        let mut start = 0usize;
        let mut s = 0u32;
        for j in 1..=n {
            let boundary = j == n || (!self.continues_line(j) && self.is_boundary(j));
            if boundary {
                self.sent.resize(j, s);
                self.sents.push((start, j));
                s = s.saturating_add(1);
                start = j;
            }
        }
    }

    /// The common case of [`Doc::is_boundary`], for `0 < j < n`, asked first: after a word
    /// without a final dot, or a number, on the same line, no rule there finds a boundary (each
    /// needs a break, or punctuation or a dotted word before). Deciding it here skips the
    /// quotation look-ups for most tokens. (No break before the token: the same paragraph, as
    /// paragraphs start only after one.) Reads the two tokens in place: copying them out
    /// whole for every token was 0.6% of all the work.
    #[inline]
    fn continues_line(&self, j: usize) -> bool {
        let (Some(before), Some(t)) = (self.toks.get(j - 1), self.toks.get(j)) else {
            return false;
        };
        t.breaks_before == 0
            && match before.kind {
                Tk::Number => true,
                Tk::Word => self.text.as_bytes().get(before.span().end.wrapping_sub(1)) != Some(&b'.'),
                Tk::Punct => false,
            }
    }

    /// Is there a sentence boundary right before token `j`? ([`Doc::continues_line`] said no.)
    fn is_boundary(&self, j: usize) -> bool {
        let t = self.toks[j];
        // Never inside a quotation: the quote and its attribution form one unit.
        if self.inside_quote(j) || self.outer_quote.at(j).is_some_and(|q| self.quotes[q].close == Some(j)) {
            return false;
        }
        if self.para[j] != self.para[j - 1] || t.breaks_before >= 1 {
            return true;
        }
        if !t.space_before {
            return false;
        }
        // The token before: a full stop, or a closing mark/bracket after one.
        let mut k = j - 1;
        while k > 0
            && j - k < 4
            && self.toks[k].kind == Tk::Punct
            && matches!(self.first_char(k), '"' | '”' | '’' | '\'' | ')' | '»' | ']')
        {
            k -= 1;
        }
        // "“Who can remember?” Clinton asks.": after a question or exclamation closing a
        // quotation, a name and a speech verb continue the sentence of the quote.
        if k + 1 < j && self.mark[j - 1] && matches!(self.first_char(k), '?' | '!' | '…') && self.cue_follows(j) {
            return false;
        }
        // "“… missing.” Trump said.": after a full stop closing a quotation, a short
        // attribution that ends right at its verb belongs to the quote. "“…” Trump said he
        // would ..." starts a sentence of its own.
        if k + 1 < j && self.mark[j - 1] && self.first_char(k) == '.' && self.attribution_ends(j) {
            return false;
        }
        let ends = match self.toks[k].kind {
            Tk::Punct => matches!(self.first_char(k), '.' | '!' | '?' | '…'),
            // "U.S." at a sentence end: the dot is part of the word.
            Tk::Word => self.tok(k).ends_with('.') && self.starts_like_sentence(j, true),
            Tk::Number => false,
        };
        if !ends {
            return false;
        }
        if self.toks[k].kind == Tk::Punct && self.first_char(k) == '.' && k > 0 {
            let w = self.tok(k - 1);
            if self.toks[k - 1].kind == Tk::Word && !self.toks[k].space_before {
                if is_abbreviation(self.lower(k - 1)) {
                    return false;
                }
                // An initial: "John F. Kennedy".
                if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
                    return false;
                }
            }
        }
        self.starts_like_sentence(j, false)
    }

    /// A speech verb within the next [`MAX_CUE_WORDS`] words, before any punctuation ("Clinton asks",
    /// "said Smith", "the senator added", "Dawson shouted"). The dot of an abbreviated title is part of the name
    /// ("Mr. Manafort asked", "Sen. Ted Cruz said"), so it does not count as punctuation.
    fn cue_follows(&self, j: usize) -> bool {
        let mut words = 0;
        let mut names_only = true;
        let mut i = j;
        while i < self.toks.len() && words < MAX_CUE_WORDS {
            match self.toks[i].kind {
                Tk::Word => {
                    let w = self.lower(i);
                    if self.cue_lemma(i).is_some() {
                        return true;
                    }
                    // "“All the way!” Dawson shouted": a name, then a verb in the past.
                    if words > 0 && w.len() > 4 && w.ends_with("ed") && self.first_char(i).is_lowercase() && names_only {
                        return true;
                    }
                    names_only &= self.first_char(i).is_uppercase();
                    words += 1;
                }
                Tk::Punct if self.first_char(i) == '.' && !self.toks[i].space_before && i > j && self.toks[i - 1].kind == Tk::Word => {
                    let w = self.lower(i - 1);
                    if !is_abbreviation(w) {
                        return false;
                    }
                }
                // "“Why now?” Miller, a retired worker, said", "“…!” Rep. Glenn Thompson, R-Pa.,
                // said": a name, an appositive between commas, and a speech verb.
                Tk::Punct if self.first_char(i) == ',' && words > 0 && names_only => return self.cue_after_appositive(i),
                _ => return false,
            }
            i += 1;
        }
        false
    }

    /// After the comma at `comma` that follows a name: another comma within
    /// [`MAX_CUE_APPOSITIVE`] tokens, in the same paragraph and outside quotation marks, then a
    /// speech verb or a verb in the past.
    fn cue_after_appositive(&self, comma: usize) -> bool {
        let end = self.toks.len().min(comma + 1 + MAX_CUE_APPOSITIVE);
        for i in comma + 1..end {
            if self.mark[i] || self.para[i] != self.para[comma] || (self.toks[i].kind == Tk::Punct && matches!(self.first_char(i), '?' | '!' | ';' | ':')) {
                return false;
            }
            if self.toks[i].kind == Tk::Punct && self.first_char(i) == ',' && i > comma + 1 {
                let v = i + 1;
                return v < self.toks.len() && self.toks[v].kind == Tk::Word && self.first_char(v).is_lowercase() && {
                    let w = self.lower(v);
                    crate::lexicon::cue_lemma(w).is_some() || (w.len() > 4 && w.ends_with("ed"))
                };
            }
        }
        false
    }

    /// A name of at most [`MAX_CUE_WORDS`] capitalised words and a speech verb right after it,
    /// followed by a full stop: "Trump said.", "Mr. Manafort added." (after a comma the verb
    /// more often introduces the next quote: "He added, “…”").
    fn attribution_ends(&self, j: usize) -> bool {
        let n = self.toks.len();
        let mut i = j;
        let mut words = 0;
        while i < n && words < MAX_CUE_WORDS {
            match self.toks[i].kind {
                Tk::Word if self.first_char(i).is_uppercase() => words += 1,
                Tk::Word => {
                    return words > 0
                        && self.cue_lemma(i).is_some()
                        && i + 1 < n
                        && self.toks[i + 1].kind == Tk::Punct
                        && self.first_char(i + 1) == '.';
                }
                Tk::Punct if self.first_char(i) == '.' && !self.toks[i].space_before && i > j => {}
                _ => return false,
            }
            i += 1;
        }
        false
    }

    fn starts_like_sentence(&self, j: usize, strict: bool) -> bool {
        let c = self.first_char(j);
        if strict {
            // After an initialism, only a function word or pronoun clearly starts a sentence.
            return c.is_uppercase() && self.in_class(j, crate::lexicon::COMMON_CAP);
        }
        c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '(' | '„')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{has, words, Words};

    #[test]
    fn partition_near_is_partition_point() {
        let text = "“Yes,” she said. A bé 😀 c, d’e — Ana Silva said: “no.”\n\nX";
        let (low, at) = Lowered::new(text);
        let doc = Doc::new(text, &low, at);
        let n = doc.toks.len();
        for pos in 0..=text.len() + 1 {
            let by_start = doc.toks.partition_point(|t| t.span().start < pos);
            let by_end = doc.toks.partition_point(|t| t.span().end <= pos);
            for near in 0..=n + 2 {
                assert_eq!(doc.partition_near(near, &|t| t.span().start < pos), by_start, "start, pos {pos}, near {near}");
                assert_eq!(doc.partition_near(near, &|t| t.span().end <= pos), by_end, "end, pos {pos}, near {near}");
            }
        }
    }

    fn sentences(text: &str) -> Vec<String> {
        let (low, at) = Lowered::new(text);
        let d = Doc::new(text, &low, at);
        d.sents.iter().map(|&(a, b)| text[d.span(a, b - 1).start..d.span(a, b - 1).end].to_string()).collect()
    }

    #[test]
    fn facts_stay_small() {
        // Two words of the pointer width for `lower`, 12 bytes of `Lex`, two u16s.
        assert_eq!(std::mem::size_of::<Facts>(), 2 * std::mem::size_of::<usize>() + 16);
        // `Facts::title` keeps a lexicon id beside its TITLE_LISTED bit.
        assert!(crate::lexicon::lex_len() < usize::from(TITLE_LISTED));
    }

    #[test]
    fn a_word_past_64_kb_has_its_bare_lowercase() {
        // Past u16's reach `Facts::bare_len` says NOT_ASCII, and `lower_bare` takes the slow way.
        for n in [65_534, 65_535, 65_536, 70_000] {
            let text = format!("Mr {}’s said", "Ab".repeat(n / 2) + &"c".repeat(n % 2));
            let (low, at) = Lowered::new(&text);
            let d = Doc::new(&text, &low, at);
            assert_eq!(d.lower_bare(1), lowercase(strip_possessive(d.tok(1))), "{n}");
            assert_eq!(d.lower_bare(1).len(), n, "{n}");
            assert_eq!(d.title_head(0), Some("mr"));
            assert!(d.title_head(1).is_none() && !d.title_listed(1));
        }
    }

    #[test]
    fn chars_outside_words_have_no_lowercase() {
        // What lets Doc::new take a punctuation token's lowercase from the text as it is.
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if !c.is_alphanumeric() {
                assert!(c.to_lowercase().eq(std::iter::once(c)), "{c:?}");
            }
        }
    }

    #[test]
    fn lowercase_is_str_to_lowercase() {
        let text = "“ÀÉ” İstanbul’s ΟΔΟΣ Σ ΣΑΣ a-Ǆ DON'T — Ⓐ Ⅻ « ''x'' »";
        let (low, at) = Lowered::new(text);
        let d = Doc::new(text, &low, at);
        for i in 0..d.toks.len() {
            assert_eq!(d.lower(i), d.tok(i).to_lowercase());
        }
    }

    #[test]
    fn token_sets_hold_what_was_put_in() {
        let mut s = TokenSet::new(100, [0, 63, 64, 99]);
        s.insert(1000);
        for i in 0..1100 {
            assert_eq!(s.contains(i), matches!(i, 0 | 63 | 64 | 99 | 1000), "{i}");
        }
        assert!(!TokenSet::with_len(0).contains(0));
    }

    /// The words of [`is_abbreviation`]'s `match`, as a sorted list.
    const ABBREVIATIONS: Words = words![
        "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "dec", "dept", "dr",
        "feb", "fig", "fr", "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj",
        "mr", "mrs", "ms", "mt", "no", "nov", "oct", "prof", "rep", "rev", "sen", "sep", "sept",
        "sgt", "sr", "st", "supt", "vs",
    ];

    #[test]
    fn abbreviations_match_their_list() {
        let mut n = 0;
        for w in ABBREVIATIONS.iter() {
            assert!(has(ABBREVIATIONS, w) && is_abbreviation(w), "{w}");
            // Neither longer nor shorter words.
            assert!(!is_abbreviation(&format!("{w}s")) || has(ABBREVIATIONS, &format!("{w}s")), "{w}s");
            assert!(!is_abbreviation(&w[1..]) || has(ABBREVIATIONS, &w[1..]), "{w}");
            n += 1;
        }
        assert!(n > 40);
        for w in ["", "a", "the", "mister", "Mr", "st."] {
            assert!(!is_abbreviation(w), "{w}");
        }
    }

    #[test]
    fn splits_outside_quotes_only() {
        assert_eq!(
            sentences("\"We won. They lost,\" she said. Mr. Smith left the U.S. on Monday. He came back."),
            ["\"We won. They lost,\" she said.", "Mr. Smith left the U.S. on Monday.", "He came back."]
        );
        assert_eq!(sentences("He left the U.S. The end."), ["He left the U.S.", "The end."]);
        assert_eq!(sentences("John F. Kennedy spoke."), ["John F. Kennedy spoke."]);
    }
}
