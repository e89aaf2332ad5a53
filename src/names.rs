//! Named mentions: runs of capitalised words split into a title part and a name part, and
//! title mentions that stand for a person ("the Syrian President", "Qatar's emir").
//!
//! Newswire names a person in full with a title at first mention ("Syrian President Bashar
//! al-Assad"), then by surname or by title alone (AP Stylebook, "titles" and "second
//! reference"): the title parts recorded here are what later mentions are matched against.

use std::collections::HashSet;

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
    let mut set = HashSet::new();
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
    has(lexicon::COMMON_CAPS, &lw) || vocab.contains(lw.as_str())
}

/// Title head at token `i` (lowercase, dot-less), if any.
fn title_head(doc: &Doc, i: usize) -> Option<&'static str> {
    if doc.toks[i].kind != Tk::Word {
        return None;
    }
    let lw = strip_possessive(doc.tok(i)).to_lowercase();
    lexicon::TITLES.binary_search(&lw.as_str()).ok().map(|k| lexicon::TITLES[k])
}

/// One title-prefix word: a title head, a modifier, a nationality or a country's possessive.
/// Returns the word as it goes into the normalised title phrase.
fn title_word(doc: &Doc, i: usize) -> Option<String> {
    if doc.toks[i].kind != Tk::Word {
        return None;
    }
    let w = doc.tok(i);
    let lw = strip_possessive(w).to_lowercase();
    if has(lexicon::TITLES, &lw) || has(lexicon::TITLE_MODIFIERS, &lw) {
        return Some(lw);
    }
    if doc.first_char(i).is_uppercase() {
        if tables::demonym_country(w).is_some() {
            return Some(lw);
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
            let cue_word = j > start && lexicon::cue_lemma(&w.to_lowercase()).is_some();
            let ok = if cue_word {
                false
            } else if is_name_word(doc, j) || title_word(doc, j).is_some() || (j == start && w == "the") {
                true
            } else if doc.is_punct(j, '.') && !doc.toks[j].space_before && j > start {
                // The dot of an initial or an abbreviated title, when a name follows.
                let prev = doc.tok(j - 1);
                let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
                (initial || title_head(doc, j - 1).is_some()) && j + 1 < n && is_name_word(doc, j + 1)
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
    out
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
        if has(lexicon::COMMON_CAPS, &lw)
            || (sentence_start && title_word(doc, s).is_none() && vocab.contains(lw.as_str()) && s < end)
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
                words.extend((s..h).map(|k| strip_possessive(doc.tok(k)).to_lowercase()));
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
            if has(lexicon::MALE_TITLES, h) {
                gender = Some(Gender::Male);
            } else if has(lexicon::FEMALE_TITLES, h) {
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
    let last_lower = strip_possessive(doc.tok(end)).to_lowercase();
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
    } else if name_tokens >= 2 {
        if let Some(g) = tables::first_name(first_word) {
            class = NameClass::Person;
            gender.get_or_insert(g);
        } else if (t..=end).any(|k| has(lexicon::NAME_PARTICLES, doc.tok(k)) || doc.tok(k).contains('-')) {
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
