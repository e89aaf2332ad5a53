//! Attribution: speech cues, their sources and their content, sentence by sentence.
//!
//! A cue is a reporting verb or phrase ("said", "according to", "expressed confidence").
//! Its source is the noun phrase right before it ("Smith said", "Smith, the minister, said"),
//! right after it in inversion ("..., said Smith"), or the sentence's subject for a participle
//! (", saying ..."). Its content is the clause after it up to the next clause break, or the
//! clause before it when the cue ends the sentence ("..., Xinhua reported."). Direct quotes take
//! the speaker of the cue beside them, else of the sentence's cue, else of the paragraph before
//! (PolNeAR guidelines, Newell et al. 2018, §3: a source may be in a neighbouring sentence).

use crate::doc::Doc;
use crate::entities::Registry;
use crate::lexicon::{self, has, PronounKind};
use crate::model::{EntityKind, Quote, QuoteKind, Span};
use crate::names::{NameClass, NameMention};
use crate::text::Tk;

/// The longest appositive we skip between a source and its cue ("Smith, the former
/// minister of defence, said"), in tokens.
const MAX_APPOSITIVE: usize = 20;
/// Reported content shorter than this many words is not taken ("said Tuesday").
const MIN_CONTENT_WORDS: usize = 3;
/// How far a "that" may follow its cue ("said in a statement on Monday that").
const MAX_THAT_GAP: usize = 8;
/// A quote of at most this many words with nobody speaking is a scare quote.
const MAX_SCARE_WORDS: usize = 4;
/// The longest reported clause we scan, in tokens. Real clauses end far sooner; the cap keeps a
/// sentence of a million words (pasted junk) linear.
const MAX_CLAUSE_TOKENS: usize = 300;
/// How far into a sentence we look for its subject, in tokens.
const SUBJECT_WINDOW: usize = 80;
/// How far back an interrupted quote looks for its first half, in quotes.
const MAX_CONTINUATION_LOOKBACK: usize = 4;
/// Unnamed sources of more words than this are not made entities (see `resolve`).
const MAX_NOMINAL_ENTITY_WORDS: usize = 4;

/// A lowercase word that names a role before a person's name ("front-runner Donald Trump",
/// "candidate Ben Carson", "spokesperson Ron Lieberman").
fn is_role_noun(w: &str) -> bool {
    has(lexicon::TITLES, w)
        || PERSON_NOUNS.binary_search(&w).is_ok()
        || has(lexicon::TITLE_MODIFIERS, w)
        || matches!(w, "front-runner" | "frontrunner" | "hopeful" | "contender" | "presidential" | "presumptive" | "vice")
}

/// Nouns for people that can head an unnamed speaking subject ("the judge", "a staffer"),
/// beside the group nouns and titles of the lexicon. Sorted.
const PERSON_NOUNS: &[&str] = &[
    "actor", "adviser", "advisor", "aide", "analyst", "author", "businessman", "candidate",
    "columnist", "commentator", "consultant", "critic", "customer", "doctor", "economist",
    "editor", "employee", "expert", "father", "friend", "historian", "host", "investor",
    "lawmaker", "lawyer", "man", "manager", "member", "mother", "narrator", "neighbor",
    "neighbour", "nominee", "official", "owner", "pollster", "reporter", "resident", "scholar",
    "senator", "source", "staffer", "strategist", "student", "teacher", "veteran", "voter",
    "witness", "woman", "worker", "writer",
];

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
            Src::Pronoun(t, _) => doc.toks[t].span,
            Src::Nominal(a, b, _) => doc.span(a, b),
        }
    }
}

pub(crate) struct Attributor<'d, 'a> {
    doc: &'d Doc<'a>,
    names: &'d [NameMention],
    /// Name mention starting / ending at each token.
    name_at_first: Vec<Option<usize>>,
    name_at_last: Vec<Option<usize>>,
    pub reg: Registry,
    pub quotes: Vec<Quote>,
    /// The speaker of each outer direct quote (by index into `doc.quotes`).
    direct_speaker: Vec<Option<(usize, Span)>>,
    /// A sentence that ends with a colon after a sourced cue ("Fischer told the committee:"):
    /// its index and its source, for a quote that opens the next sentence or paragraph.
    colon: Option<(usize, Src, Cue)>,
    /// The first quotation not yet handled (quotations are sorted by start).
    next_quote: usize,
}

impl<'d, 'a> Attributor<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>, names: &'d [NameMention], reg: Registry) -> Self {
        let n = doc.toks.len();
        let mut name_at_first = vec![None; n];
        let mut name_at_last = vec![None; n];
        for (i, m) in names.iter().enumerate() {
            name_at_first[m.first] = Some(i);
            name_at_last[m.last] = Some(i);
        }
        Attributor {
            doc,
            names,
            name_at_first,
            name_at_last,
            reg,
            quotes: Vec::new(),
            direct_speaker: vec![None; doc.quotes.len()],
            colon: None,
            next_quote: 0,
        }
    }

    pub fn run(&mut self) {
        for s in 0..self.doc.sents.len() {
            self.sentence(s);
        }
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.doc.is_word(i).then(|| self.doc.lower(i))
    }

    /// Cues in sentence tokens [a, b), outside quotations.
    fn cues(&self, a: usize, b: usize) -> Vec<Cue> {
        let d = self.doc;
        let mut out = Vec::new();
        let mut i = a;
        while i < b {
            if d.outer_quote[i].is_some() || !d.is_word(i) {
                i += 1;
                continue;
            }
            let w = d.lower(i);
            let next = if i + 1 < b { self.word(i + 1) } else { None };
            if w == "according" && next.as_deref() == Some("to") {
                out.push(Cue { first: i, last: i + 1, kind: CueKind::According, lemma: "according to" });
                i += 2;
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
            let after_be = i > a && matches!(self.word(i - 1).as_deref(), Some("is" | "was" | "were" | "are" | "been" | "be" | "being"));
            if has(lexicon::OBJECT_CUES, &w) {
                // Passives ("was endorsed by") and noun uses ("40 percent support") are not cues.
                let passive = after_be && (w.ends_with("ed") || matches!(w, "sought" | "found" | "shown"));
                let nounish = has(lexicon::OBJECT_NOUNISH, &w);
                if !passive && (!nounish || self.strong_source_before(i, a)) {
                    out.push(Cue { first: i, last: i, kind: CueKind::Object, lemma: "object" });
                }
                i += 1;
                continue;
            }
            // "is worried about", "was pleased with", "has been critical of": be + attitude.
            if after_be && has(lexicon::ATTITUDE_ADJECTIVES, &w) {
                let mut last = i;
                if matches!(next.as_deref(), Some("about" | "of" | "with" | "that" | "over" | "by" | "to")) && next.as_deref() != Some("to") {
                    last = i + 1;
                }
                out.push(Cue { first: i - 1, last, kind: CueKind::Object, lemma: "attitude" });
                i = last + 1;
                continue;
            }
            // "Putin seemed most concerned", "the bank is expected to act".
            if (has(lexicon::RAISING, &w) || (w == "expected" && after_be && next.as_deref() == Some("to"))) && i > a {
                out.push(Cue { first: if w == "expected" { i - 1 } else { i }, last: i, kind: CueKind::Raising, lemma: "raise" });
                i += 1;
                continue;
            }
            if let Some(lemma) = lexicon::cue_lemma(&w) {
                let progressive = i > a && matches!(self.word(i - 1).as_deref(), Some("is" | "was" | "were" | "are" | "been" | "be"));
                // "Asked about the plan, Smith said ...": a sentence-initial "Asked" works as a
                // participle.
                let kind = if (w.ends_with("ing") && !progressive) || (i == a && w == "asked") { CueKind::Participle } else { CueKind::Verb };
                // "the state", "a report": a noun-like form needs a subject right before it.
                let nounish = has(lexicon::NOUNISH_FORMS, &w);
                if !nounish || self.strong_source_before(i, a) {
                    out.push(Cue { first: i, last: i, kind, lemma });
                }
            }
            i += 1;
        }
        out
    }

    /// A source before a noun-like cue form that makes it a verb: a pronoun or a person's name
    /// ("she states", "Smith claims"), not an adjective-like word ("Muslim states").
    fn strong_source_before(&self, cue: usize, sent_start: usize) -> bool {
        match self.source_before(cue, sent_start) {
            Some(Src::Pronoun(..)) => true,
            Some(Src::Name(n)) => {
                self.names[n].class == NameClass::Person || self.reg.of_name[n].is_some()
            }
            Some(Src::Nominal(_, e, _)) => {
                let head = self.doc.lower(e);
                has(lexicon::DOC_NOUNS, &head) || has(lexicon::GROUP_NOUNS, &head) || PERSON_NOUNS.binary_search(&head).is_ok()
            }
            None => false,
        }
    }

    /// A source ending right before token `cue` (over auxiliaries and an appositive).
    fn source_before(&self, cue: usize, sent_start: usize) -> Option<Src> {
        let d = self.doc;
        let mut k = cue.checked_sub(1)?;
        while k > sent_start && d.is_word(k) && has(lexicon::CUE_AUX, &d.lower(k)) {
            k -= 1;
        }
        if k < sent_start {
            return None;
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
            return Some(s);
        }
        // "The mayor of Lyon, Claire Dubois, said": a person's name right before the comma.
        // But "Giovanni Maria Vian, the editor of the Vatican's newspaper, L'Osservatore
        // Romano, said": when the sentence opens with a person's name and a comma, that
        // person is the subject the appositives describe.
        if d.is_punct(k, ',') && k > sent_start {
            let opener = self.name_at_first[sent_start].filter(|&n| {
                self.names[n].class == NameClass::Person && d.is_punct(self.names[n].last + 1, ',') && self.names[n].last + 1 < k
            });
            if let Some(Src::Name(n)) = self.source_ending_at(k - 1, sent_start) {
                if self.names[n].class == NameClass::Person {
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
        // "Smith, the minister, said": skip back over the appositive.
        // Appositives may hold commas of their own ("Mr. Daniloff, now 81 and retired in
        // Cambridge, Mass., said"): try each earlier comma, nearest first.
        if d.is_punct(k, ',') {
            let lo = k.saturating_sub(MAX_APPOSITIVE).max(sent_start);
            let mut j = k;
            while j > lo {
                j -= 1;
                if d.mark[j] {
                    break;
                }
                if d.is_punct(j, ',') && j > sent_start {
                    if let Some(s) = self.source_ending_at(j - 1, sent_start) {
                        match s {
                            Src::Name(n) if self.names[n].class != NameClass::Org || j == k => return Some(s),
                            Src::Name(_) => {}
                            Src::Pronoun(..) => return Some(s),
                            Src::Nominal(..) => {}
                        }
                    }
                }
            }
        }
        None
    }

    fn source_ending_at(&self, k: usize, sent_start: usize) -> Option<Src> {
        let d = self.doc;
        if d.outer_quote[k].is_some() {
            return None;
        }
        if let Some(n) = self.name_at_last[k] {
            return Some(Src::Name(n));
        }
        if !d.is_word(k) {
            return None;
        }
        let w = d.lower(k);
        if let Some(p) = lexicon::pronoun(&w) {
            return Some(Src::Pronoun(k, p));
        }
        // "Abortion rights advocates said", "59 percent said", "Others say": a plural noun or
        // a quantity right before the cue.
        let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !has(lexicon::CUE_AUX, &w) && lexicon::cue_lemma(&w).is_none();
        if (plural && !has(lexicon::COMMON_CAPS, &w)) || matches!(w, "percent" | "others" | "many" | "most" | "some" | "both" | "few" | "all") {
            let mut a = k;
            while a > sent_start && a + 4 > k && (d.is_word(a - 1) || d.toks[a - 1].kind == Tk::Number) && d.outer_quote[a - 1].is_none() {
                let pw = d.lower(a - 1);
                if has(lexicon::CUE_AUX, &pw) || lexicon::cue_lemma(&pw).is_some() || matches!(pw, "and" | "or" | "but" | "that" | "which" | "who" | "as" | "than") {
                    break;
                }
                a -= 1;
            }
            return Some(Src::Nominal(a, k, EntityKind::Group));
        }
        // A capitalised word that the name pass set aside ("Cuban said", a surname that is
        // also a nationality): still the one who speaks.
        if d.first_char(k).is_uppercase() && !has(lexicon::COMMON_CAPS, &w) && k > sent_start {
            return Some(Src::Nominal(k, k, EntityKind::Unknown));
        }
        if has(lexicon::GROUP_NOUNS, &w) || has(lexicon::ORG_HEADS, &w) || has(lexicon::DOC_NOUNS, &w) {
            let kind = if w.ends_with('s') && !w.ends_with("ss") { EntityKind::Group } else { EntityKind::Unknown };
            let kind = if has(lexicon::ORG_HEADS, &w) && !has(lexicon::GROUP_NOUNS, &w) { EntityKind::Organization } else { kind };
            // Extend left over determiners and modifiers: "senior U.S. officials".
            let mut a = k;
            while a > sent_start && a + 4 > k && d.is_word(a - 1) && d.outer_quote[a - 1].is_none() {
                let pw = d.lower(a - 1);
                let modifier = d.is_cap(a - 1) || matches!(pw, "the" | "a" | "an" | "some" | "many" | "several" | "other" | "senior" | "top" | "local" | "federal" | "government" | "administration" | "military" | "campaign" | "foreign" | "western" | "two" | "three" | "most" | "both" | "his" | "her" | "their" | "its");
                if !modifier || has(lexicon::CUE_AUX, &pw) {
                    break;
                }
                a -= 1;
            }
            return Some(Src::Nominal(a, k, kind));
        }
        // "the investor said", "the release added", "his wife had warned": a determiner, at
        // most two modifiers, and a lowercase noun right before the cue.
        if d.first_char(k).is_lowercase() && !has(lexicon::CUE_AUX, &w) && !has(lexicon::COMMON_CAPS, &w) {
            let lo = k.saturating_sub(3).max(sent_start);
            for j in (lo..k).rev() {
                if !d.is_word(j) || d.outer_quote[j].is_some() {
                    break;
                }
                let jw = d.lower(j);
                if matches!(jw, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "one") {
                    let kind = if w.ends_with('s') && !w.ends_with("ss") { EntityKind::Group } else { EntityKind::Unknown };
                    return Some(Src::Nominal(j, k, kind));
                }
                if (has(lexicon::COMMON_CAPS, &jw) && !has(lexicon::TITLE_MODIFIERS, &jw)) || lexicon::cue_lemma(&jw).is_some() {
                    break;
                }
            }
        }
        // "a spokesman for the ministry said": the group noun a few words back.
        let lo = k.saturating_sub(6).max(sent_start);
        for g in (lo..k).rev() {
            if !d.is_word(g) || d.outer_quote[g].is_some() {
                return None;
            }
            let gw = d.lower(g);
            if has(lexicon::GROUP_NOUNS, &gw) && matches!(self.word(g + 1).as_deref(), Some("for" | "of" | "at" | "with")) {
                let a = if g > sent_start && matches!(self.word(g - 1).as_deref(), Some("a" | "an" | "the")) { g - 1 } else { g };
                return Some(Src::Nominal(a, k, EntityKind::Unknown));
            }
        }
        None
    }

    /// A source starting right at token `k` (inversion: "said Smith", "according to Smith").
    fn source_starting_at(&self, k: usize, sent_end: usize) -> Option<Src> {
        let d = self.doc;
        if k >= sent_end || d.outer_quote[k].is_some() {
            return None;
        }
        if let Some(n) = self.name_at_first[k] {
            return Some(Src::Name(n));
        }
        // "said former Obama adviser David Axelrod": role words before the name.
        let mut j = k;
        while j < sent_end && j < k + 5 && d.is_word(j) && (is_role_noun(&d.lower(j)) || d.first_char(j).is_uppercase()) {
            if let Some(n) = self.name_at_first[j] {
                if self.names[n].class == NameClass::Person && j > k {
                    return Some(Src::Name(n));
                }
            }
            j += 1;
        }
        let w = self.word(k)?;
        if let Some(p) = lexicon::pronoun(&w) {
            return Some(Src::Pronoun(k, p));
        }
        // "said the woman, who ...", "tweeted a German user from Hanover": a determiner and
        // a noun phrase up to a comma or a relative clause.
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one") {
            let mut j = k + 1;
            let mut last = None;
            while j < sent_end && j < k + 7 && (d.is_word(j) || d.toks[j].kind == Tk::Number) && d.outer_quote[j].is_none() {
                let lw = d.lower(j);
                if matches!(lw, "who" | "which" | "that" | "in" | "on" | "at" | "during" | "after" | "before" | "and")
                    || (j > k + 1 && (lw.ends_with("ed") || lexicon::cue_lemma(&lw).is_some()) && !d.first_char(j).is_uppercase())
                {
                    break;
                }
                last = Some(j);
                j += 1;
            }
            if let Some(l) = last {
                let kind = if d.lower(l).ends_with('s') { EntityKind::Group } else { EntityKind::Unknown };
                return Some(Src::Nominal(k, l, kind));
            }
        }
        // "according to Factcheck.org", "according to recent polling": after "according to"
        // any noun phrase up to the next comma or dash is the source.
        if k >= 2 && self.word(k - 2).as_deref() == Some("according") {
            let mut j = k;
            while j < sent_end && j < k + 8 && !d.is_punct(j, ',') && !d.is_punct(j, '-') && !d.is_punct(j, '—') && !d.is_punct(j, '.') && d.outer_quote[j].is_none() {
                j += 1;
            }
            if j > k {
                return Some(Src::Nominal(k, j - 1, EntityKind::Unknown));
            }
        }
        // "said a spokesman", "according to officials", "according to the report".
        let mut j = k;
        while j < sent_end && j < k + 4 && d.is_word(j) {
            let lw = d.lower(j);
            if has(lexicon::GROUP_NOUNS, &lw) || has(lexicon::ORG_HEADS, &lw) {
                let kind = if lw.ends_with('s') { EntityKind::Group } else { EntityKind::Unknown };
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
        if matches!(self.word(i).as_deref(), Some("in" | "at" | "on" | "after" | "before" | "during" | "when" | "while" | "as" | "since" | "with" | "for" | "from" | "despite" | "although" | "though" | "if" | "because" | "like" | "unlike" | "under" | "over" | "last" | "earlier" | "later")) {
            if let Some(c) = (i..b.min(i + 30)).find(|&k| d.is_punct(k, ',') && d.outer_quote[k].is_none()) {
                i = c + 1;
            }
        }
        // A determiner-led noun phrase as subject: "A staffer emailed ...", "The judge then".
        if let Some(w) = self.word(i) {
            if matches!(w, "the" | "a" | "an" | "one" | "his" | "her" | "their" | "its" | "some" | "many" | "several") && self.name_at_first[i].is_none() {
                let mut j = i + 1;
                let mut last = None;
                while j < b && j < i + 5 && d.is_word(j) && self.name_at_first[j].is_none() {
                    let lw = d.lower(j);
                    if lexicon::cue_lemma(&lw).is_some() || has(lexicon::CUE_AUX, &lw) || has(lexicon::COMMON_CAPS, &lw) || lw.ends_with("ed") {
                        break;
                    }
                    last = Some(j);
                    j += 1;
                }
                if let Some(l) = last {
                    // Only a person-like head makes a speaking subject ("the judge", not "the
                    // market"): group nouns, titles and any noun followed by a verb-like word.
                    let head = d.lower(l);
                    if has(lexicon::GROUP_NOUNS, &head) || has(lexicon::TITLES, &head) || PERSON_NOUNS.binary_search(&head).is_ok() {
                        let kind = if head.ends_with('s') { EntityKind::Group } else { EntityKind::Unknown };
                        return Some(Src::Nominal(i, l, kind));
                    }
                }
            }
        }
        let a = i;
        while i < b {
            if d.outer_quote[i].is_some() {
                i += 1;
                continue;
            }
            let after_prep = i > a && d.is_word(i - 1) && matches!(d.lower(i - 1), "with" | "to" | "by" | "from" | "for" | "of" | "on" | "in" | "at" | "about" | "against" | "between" | "among" | "a" | "an" | "the");
            if let Some(n) = self.name_at_first[i] {
                // "Republican front-runner Donald Trump": a name used as a modifier before a
                // role noun and a person's name is not the subject; the person is.
                let after = self.names[n].last + 1;
                let role_then_name = (after..(after + 3).min(b))
                    .take_while(|&k| d.is_word(k) && !d.first_char(k).is_uppercase())
                    .all(|k| is_role_noun(&d.lower(k)))
                    && (after + 1..(after + 4).min(b)).any(|k| self.name_at_first[k].is_some_and(|m| self.names[m].class == NameClass::Person))
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
                    return Some(Src::Pronoun(i, p));
                }
            }
            i += 1;
        }
        None
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
                let e = self.name_at_last.get(k).copied().flatten().map(|n| {
                    let kind = if self.names[n].class == NameClass::Org { EntityKind::Organization } else { EntityKind::Person };
                    self.reg.speaker_entity(d, self.names, Some(n), self.names[n].span, kind)
                });
                (e, span)
            }
            Src::Pronoun(t, p) => {
                // Already resolved (an interrupted quote's second half names the same "he").
                if let Some(i) = self.reg.placed_at(t) {
                    return (Some(self.reg.placed[i].ent), span);
                }
                let e = self.reg.antecedent(d, t, p);
                if let Some(e) = e {
                    self.reg.add_pronoun(d, t, span, e, p);
                }
                (e, span)
            }
            // A long noun phrase ("statements published on the website of ...") names a source
            // for this quote only; it gets no entity of its own (and no colour).
            Src::Nominal(a, e, _) if self.words_in(a, e + 1) > MAX_NOMINAL_ENTITY_WORDS => (None, span),
            Src::Nominal(_, _, kind) => (Some(self.reg.speaker_entity(d, self.names, None, span, kind)), span),
        }
    }

    /// A raising verb: the clause around it, subject included, is the content; nobody is
    /// named as its source.
    fn raising(&mut self, cue: Cue, a: usize, b: usize) {
        let d = self.doc;
        // The clause starts after the last comma before the cue, or at the sentence start; a
        // raising verb deep in a long clause is more likely part of something else.
        let lo = cue.first.saturating_sub(15).max(a);
        let start = (lo..cue.first).rev().find(|&k| d.is_punct(k, ',') && d.outer_quote[k].is_none()).map_or(a, |k| k + 1);
        if cue.first - start > 12 {
            return;
        }
        let end = self.clause_end(cue.last + 1, b);
        if end <= start || self.words_in(start, end) < MIN_CONTENT_WORDS || (start..end).any(|k| d.outer_quote[k].is_some()) {
            return;
        }
        self.quotes.push(Quote {
            span: d.span(start, end - 1),
            kind: QuoteKind::Indirect,
            speaker: None,
            speaker_mention: None,
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
            if d.outer_quote[i].is_some() {
                // Quoted words inside the clause belong to it, unless the quote follows a comma
                // (", “whose main objective …”": a separate piece of speech).
                let q = &d.quotes[d.outer_quote[i].unwrap_or(0)];
                if q.open == i && i > from && d.is_punct(i - 1, ',') {
                    return i - 1;
                }
                i = q.close.map_or(b, |c| c + 1);
                continue;
            }
            if d.is_punct(i, ';') || d.is_punct(i, ':') || d.is_punct(i, '—') {
                return i;
            }
            if d.is_punct(i, ',') {
                if let Some(w) = self.word(i + 1) {
                    let participle = w.ends_with("ing") && lexicon::cue_lemma(&w).is_some();
                    if participle || has(lexicon::CLAUSE_BREAKERS, &w) || w == "according" {
                        return i;
                    }
                }
            }
            if i > from && d.is_word(i) && has(lexicon::CLAUSE_BREAKERS, &d.lower(i)) {
                if let Some(w) = self.word(i + 1) {
                    if lexicon::cue_lemma(&w).is_some() {
                        return i; // "... stability while assuring that ..."
                    }
                }
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

    fn push_reported(&mut self, a: usize, b: usize, cue: &Cue, who: (Option<usize>, Span)) {
        // An object may be one word ("endorsed Canova"); a reported clause has a few.
        let min = if cue.kind == CueKind::Object { 1 } else { MIN_CONTENT_WORDS };
        if b <= a || self.words_in(a, b) < min {
            return;
        }
        let d = self.doc;
        // The whole clause is one direct quote: that quote carries the attribution instead.
        if let Some(q) = d.outer_quote[a] {
            if d.quotes[q].open == a && d.quotes[q].close.is_some_and(|c| c + 1 >= b) {
                return;
            }
        }
        let has_quote = (a..b).any(|i| d.mark[i]);
        self.quotes.push(Quote {
            span: d.span(a, b - 1),
            kind: if has_quote { QuoteKind::Mixed } else { QuoteKind::Indirect },
            speaker: who.0,
            speaker_mention: Some(who.1),
            cue: Some(d.span(cue.first, cue.last)),
            continues: None,
        });
        // Quoted words inside the clause are spoken by the same source.
        for i in a..b {
            if let Some(q) = d.outer_quote[i] {
                if d.quotes[q].open == i && self.direct_speaker[q].is_none() {
                    if let Some(e) = who.0 {
                        self.direct_speaker[q] = Some((e, who.1));
                    }
                }
            }
        }
    }

    fn sentence(&mut self, s: usize) {
        let d = self.doc;
        let (a, b) = d.sents[s];
        let cues = self.cues(a, b);
        // Each cue: its source, and its content when it reports speech.
        let mut sourced: Vec<(Cue, Src)> = Vec::new();
        for cue in &cues {
            let src = match cue.kind {
                CueKind::According => self.source_starting_at(cue.last + 1, b),
                CueKind::Participle if cue.first == a || (cue.first > a && d.toks[cue.first].breaks_before > 0) => {
                    // "Noting that ..., Pezeshkian expressed": the subject after the clause.
                    let mut k = cue.last + 1;
                    let lim = b.min(k + MAX_CLAUSE_TOKENS);
                    while k < lim && !(d.is_punct(k, ',') && d.outer_quote[k].is_none()) {
                        k += 1;
                    }
                    self.subject(k + 1, b)
                }
                CueKind::Participle => self.subject(a, cue.first),
                CueKind::Raising => {
                    self.raising(*cue, a, b);
                    None
                }
                CueKind::Object if d.lower(cue.first).ends_with("ing") => self.subject(a, cue.first),
                _ => self.source_before(cue.first, a).or_else(|| {
                    // Inversion: ", said Smith." / "..., reported Xinhua".
                    let src = self.source_starting_at(cue.last + 1, b)?;
                    let before_is_comma = cue.first > a && (d.is_punct(cue.first - 1, ',') || d.mark[cue.first - 1]);
                    before_is_comma.then_some(src)
                }),
            };
            if let Some(src) = src {
                sourced.push((*cue, src));
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
        }
        // Direct quotes of this sentence.
        let mut outer: Vec<usize> = Vec::new();
        while self.next_quote < d.quotes.len() && d.toks[d.quotes[self.next_quote].open].span.start < d.toks[b - 1].span.end {
            let q = self.next_quote;
            if d.quotes[q].depth == 0 && d.quotes[q].open >= a {
                outer.push(q);
            }
            self.next_quote += 1;
        }
        let outer_first = outer.first().copied().unwrap_or(usize::MAX);
        for q in outer {
            if q == outer_first && d.quotes[q].open == a {
                if let Some((_, src, cue)) = colon_before {
                    // "He said:" then the quote: that source speaks it.
                    self.direct_after_colon(q, src, cue);
                    continue;
                }
            }
            self.direct(q, a, b, &sourced);
        }
    }

    fn reported(&mut self, cue: Cue, src: Src, a: usize, b: usize) {
        let d = self.doc;
        let src_span = src.span(d, self.names);
        let src_before = src_span.end <= d.toks[cue.first].span.start;
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
                        let end = self.clause_end(k + 1, b);
                        let who = self.resolve(src);
                        self.push_reported(k + 1, end, &cue, who);
                    }
                } else if cue.first > a
                    && d.is_punct(cue.first - 1, ',')
                    && b - cue.last <= 14
                    && !(cue.last + 1..b).any(|k| d.is_punct(k, ',') || d.mark[k])
                {
                    let who = self.resolve(src);
                    self.push_reported(a, cue.first - 1, &cue, who);
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
                if self.word(from).as_deref() == Some("that") {
                    from += 1;
                }
                // The participle's clause ends at the first comma: the main clause follows.
                let comma = (from..b.min(from + MAX_CLAUSE_TOKENS)).find(|&i| d.is_punct(i, ',') && d.outer_quote[i].is_none()).unwrap_or(b);
                let end = self.clause_end(from, comma);
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
                let quote_follows = k < b && d.mark[k] && d.outer_quote[k].is_some_and(|q| d.quotes[q].open == k);
                let sentence_final = self.trailer_only(cue.last + 1, b);
                if quote_follows {
                    return;
                }
                // "Smith said, a hint of frustration in her voice.": an aside, not content.
                if d.is_punct(from, ',') && matches!(self.word(from + 1).as_deref(), Some("a" | "an" | "his" | "her" | "their")) {
                    return;
                }
                if sentence_final && cue.kind != CueKind::Object {
                    // "CLAUSE, X said." / "CLAUSE, said X." / "CLAUSE, X said on Monday."
                    let head = if src_before { src_span.start } else { d.toks[cue.first].span.start };
                    let hi = d.toks[..b].partition_point(|t| t.span.start < head);
                    if hi > a && d.is_punct(hi - 1, ',') {
                        let who = self.resolve(src);
                        self.push_reported(a, hi - 1, &cue, who);
                    }
                    return;
                }
                if !src_before {
                    return;
                }
                if let Some(t) = (from..b.min(from + MAX_THAT_GAP)).find(|&i| self.word(i).as_deref() == Some("that") && d.outer_quote[i].is_none()) {
                    // Only over a short adverbial: no comma, no other verb-ish cue between.
                    if !(from..t).any(|i| d.is_punct(i, ',') || d.mark[i]) {
                        from = t + 1;
                    }
                } else if matches!(cue.lemma, "tell" | "assure" | "urge" | "warn" | "ask") {
                    // "told reporters ...": skip the listener.
                    if let Some(n) = self.name_at_first.get(from).copied().flatten() {
                        from = self.names[n].last + 1;
                    } else if self.word(from).is_some() {
                        from += 1;
                    }
                }
                // "said of their time", "told about the plan": what follows is not speech.
                if from == cue.last + 1 && matches!(self.word(from).as_deref(), Some("of" | "about" | "to" | "for" | "with" | "by" | "as" | "so")) {
                    return;
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
        matches!(self.word(from).as_deref(), Some("on" | "in" | "at" | "last" | "this" | "late" | "early" | "yesterday" | "today" | "tuesday" | "monday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "afterward" | "later"))
            || self.name_at_first.get(from).copied().flatten().is_some()
    }

    fn direct(&mut self, q: usize, a: usize, b: usize, sourced: &[(Cue, Src)]) {
        let d = self.doc;
        let qm = d.quotes[q];
        let close = qm.close.unwrap_or_else(|| d.toks.partition_point(|t| t.span.end <= qm.span.end).saturating_sub(1));
        let mut found: Option<(Option<usize>, Span, Option<Span>)> = None;
        // 1. Right after: "“...,” Smith said" / "“...,” said Smith" / "“...,” he added".
        let mut k = close + 1;
        while k < b && d.is_punct(k, ',') {
            k += 1;
        }
        if k < b {
            let lo = sourced.partition_point(|(c, _)| c.first < k);
            let hi = sourced.partition_point(|(c, _)| c.first <= k + 9);
            for &(cue, src) in &sourced[lo..hi] {
                let sp = src.span(d, self.names);
                let cue_span = d.span(cue.first, cue.last);
                let src_here = sp.start == d.toks[k].span.start;
                let cue_here = cue.first == k;
                // "“...” for Clinton, said Kunin": a short phrase between quote and cue.
                let inverted_near = sp.start >= cue_span.end
                    && cue.first > k
                    && cue.first <= k + 6
                    && d.is_punct(cue.first - 1, ',')
                    && !(k..cue.first).any(|i| d.mark[i]);
                if (src_here && cue.first > k && cue.first <= k + 8) || (cue_here && sp.start >= cue_span.end) || inverted_near {
                    let who = self.resolve(src);
                    found = Some((who.0, who.1, Some(cue_span)));
                    break;
                }
            }
        }
        // 1b. A verb the lexicon does not know, right after a quote that ends in a comma:
        //     "“...,” the nominee riffed", "“...,” remembered Roy Verley". The comma inside
        //     the closing mark is what news style reserves for an attribution that follows.
        if found.is_none() && k < b && qm.close.is_some() && (d.is_punct(close.saturating_sub(1), ',') || d.is_punct(close + 1, ',')) {
            let verbish = |i: usize| {
                d.is_word(i) && d.first_char(i).is_lowercase() && {
                    let w = d.lower(i);
                    w.len() > 3 && (w.ends_with("ed") || w.ends_with('s')) && !has(lexicon::COMMON_CAPS, &w)
                }
            };
            let src_end = |src: &Src| match *src {
                Src::Name(n) => self.names[n].last,
                Src::Pronoun(t, _) => t,
                Src::Nominal(_, e, _) => e,
            };
            if let Some(src) = self.source_starting_at(k, b).filter(|s| verbish(src_end(s) + 1)) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, Some(d.toks[src_end(&src) + 1].span)));
            } else if verbish(k) && d.lower(k).ends_with("ed") {
                if let Some(src) = self.source_starting_at(k + 1, b).filter(|s| matches!(s, Src::Name(_))) {
                    let who = self.resolve(src);
                    found = Some((who.0, who.1, Some(d.toks[k].span)));
                }
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
            for &(cue, src) in &sourced[lo..hi] {
                if cue.last == k || (cue.last < k && k - cue.last <= 4 && !(cue.last + 1..=k).any(|i| d.mark[i])) {
                    let who = self.resolve(src);
                    found = Some((who.0, who.1, Some(d.span(cue.first, cue.last))));
                    break;
                }
            }
        }
        // 3. Inside reported content of this sentence, or any cue of the sentence.
        if found.is_none() {
            if let Some((e, sp)) = self.direct_speaker[q] {
                found = Some((Some(e), sp, None));
            } else if let Some(&(cue, src)) = {
                let before = sourced.partition_point(|(c, _)| c.last < qm.open);
                let after = sourced.partition_point(|(c, _)| c.first <= close);
                before.checked_sub(1).map(|i| &sourced[i]).or(sourced.get(after))
            } {
                let who = self.resolve(src);
                found = Some((who.0, who.1, Some(d.span(cue.first, cue.last))));
            }
        }
        // 4. A quote opening its sentence with no cue of its own: the speaker of the sentence
        //    before in this paragraph goes on (`"A," Smith said. "B."`), or, at a paragraph
        //    start, the speaker of the previous paragraph's last direct quote (AP style).
        if found.is_none() && a == qm.open {
            found = self.previous_speaker(a);
        }
        let words = self.words_in(qm.open, close + 1);
        // 5. A quotation embedded in a sentence without a cue ("He called on them to know
        //    that “...”", "Trump called the deal “a disaster”"): the sentence's subject, when it
        //    is a person, an organisation or a pronoun, speaks (PolNeAR attributes such partial
        //    quotes to the subject). With no such subject a short quote is a scare quote.
        if found.is_none() && a < qm.open {
            if let Some(src) = self.subject(a, qm.open).filter(|s| self.is_speaker_like(*s)) {
                let who = self.resolve(src);
                found = Some((who.0, who.1, None));
            }
        }
        let kind = if found.is_none() && words <= MAX_SCARE_WORDS && a < qm.open { QuoteKind::Scare } else { QuoteKind::Direct };
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
        // Nested quotes: words the speaker quotes from someone unnamed, or holds at a distance.
        for inner in d.quotes.iter().skip(q + 1).take_while(|p| qm.span.contains(p.span)) {
            let close = inner.close.unwrap_or(inner.open);
            let words = self.words_in(inner.open, close + 1);
            let kind = if words <= MAX_SCARE_WORDS { QuoteKind::Scare } else { QuoteKind::Direct };
            self.quotes.push(Quote { span: inner.span, kind, speaker: None, speaker_mention: None, cue: None, continues: None });
        }
    }

    fn direct_after_colon(&mut self, q: usize, src: Src, cue: Cue) {
        let who = self.resolve(src);
        self.direct_speaker[q] = who.0.map(|e| (e, who.1));
        let span = self.doc.quotes[q].span;
        let cue = Some(self.doc.span(cue.first, cue.last));
        self.quotes.push(Quote { span, kind: QuoteKind::Direct, speaker: who.0, speaker_mention: Some(who.1), cue, continues: None });
    }

    /// The speaker carried over to a sentence that opens with a quote: the last attributed
    /// quote of this paragraph, or at a paragraph start the previous paragraph's last quote
    /// when it was direct.
    fn previous_speaker(&self, a: usize) -> Option<(Option<usize>, Span, Option<Span>)> {
        let d = self.doc;
        if a == 0 {
            return None;
        }
        let para_start = d.para[a - 1] != d.para[a];
        let start = d.toks[a].span.start;
        let last = self
            .quotes
            .iter()
            .rev()
            .take(MAX_CONTINUATION_LOOKBACK * 4)
            .filter(|p| p.span.start < start && p.speaker_mention.is_some())
            .max_by_key(|p| p.span.start)?;
        let t = d.toks.partition_point(|t| t.span.start < last.span.start);
        let same_para = t < d.para.len() && d.para[t] == d.para[a];
        let prev_para = t < d.para.len() && d.para[t] + 1 == d.para[a];
        let ok = if para_start { prev_para && (last.kind == QuoteKind::Direct || d.is_punct(a - 1, ':')) } else { same_para };
        if !ok {
            return None;
        }
        last.speaker_mention.map(|m| (last.speaker, m, last.cue))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn person_nouns_are_sorted() {
        crate::lexicon::assert_sorted(&[("PERSON_NOUNS", super::PERSON_NOUNS)]);
    }
}
