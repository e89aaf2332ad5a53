//! The pipeline: text -> document -> names -> places -> attribution -> the result model.

use crate::attribution::Attributor;
use crate::case::lowercase;
use crate::doc::{Doc, Lowered};
use crate::entities::Registry;
use crate::model::{desc, sort_by_keys, Analysis, Entity, EntityKind, Quote, Span};
use crate::names::{find_names, lowercase_vocabulary};
use crate::places::find_places;

/// The most bytes of a text that [`analyze`] reads: a token keeps its offsets as `u32`s (see
/// `text::Token`). Past 4 GiB (more than wasm32's whole memory, and a single line of the CLI's
/// input) the rest of a text gets no annotation.
const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
fn head(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// Analyses a news text: its entities, quotes and places. Never fails, never panics.
///
/// ```
/// let a = quotelens::analyze("“It is over,” said Anna Berg, the mayor of Oslo.");
/// assert_eq!(a.quotes.len(), 1);
/// assert_eq!(a.entities[a.quotes[0].speaker.unwrap()].name, "Anna Berg");
/// assert_eq!(a.locations[0].name, "Oslo");
/// ```
pub fn analyze(text: &str) -> Analysis {
    let text = head(text, MAX_TEXT_BYTES);
    let mut out: Option<(Analysis, Merger)> = None;
    let mut start = 0;
    while start < text.len() {
        let end = section_end(text, start);
        let part = analyze_section(text.get(start..end).unwrap_or(""));
        if start == 0 && end == text.len() {
            return part;
        }
        let (all, merger) = out.get_or_insert_with(|| (Analysis::default(), Merger::default()));
        merger.append(all, part, start);
        start = end;
    }
    out.map(|(all, _)| all).unwrap_or_default()
}

/// The least length of a section of a long text: [`analyze`] reads a text of more than one
/// and a half times this many bytes in sections of at least this many, cut where
/// [`section_end`] finds a safe place (between prose paragraphs, mostly).
///
/// Why: the passes keep about 40 bytes of tables per byte of text, and read them over and
/// over. Past the processor's caches (a text of a few hundred KB) every byte then cost more
/// than in a short text: `examples/linearity.rs` measured 2 MB of news at 11.9 to 12.5 times
/// the time of 256 KB, and the hostile "places, titles and clauses" at up to 15.5, though they
/// did 7.5 and 7.9 times the instructions (callgrind). In sections, a long text takes the same
/// time per byte as a short one. 64 KB is about twice the longest article in PolNeAR (34,000
/// chars), so no article is cut; what a section loses is the context before it, which only a
/// long document (a book, a day's wire) has: its people are joined up again by name
/// ([`Merger`]), and a pronoun that opens a section finds no one before it.
const SECTION_BYTES: usize = 64 * 1024;

/// Where the section of `text` that begins at `start` ends, so that no quotation is cut. At
/// the first line break past [`SECTION_BYTES`] on whose both sides the text is plain prose (the
/// paragraph before ends a sentence, the one after opens with a letter or digit, not a
/// quotation mark or a dash: a quotation that runs over paragraphs reopens at each). In one
/// long paragraph, past twice `SECTION_BYTES` at a sentence end (". " and a capital) too, and
/// past two and a half between any two words, where the paragraph so far has as many closing
/// quotation marks as opening ones and an even number of straight ones. At the end of the text
/// when none of these comes by three times `SECTION_BYTES` (marks that never balance, one
/// endless word), or when the rest would be shorter than half a section: the rest stays whole.
///
/// Lengths leave out carriage returns, so that a text with CRLF line ends is cut where the same
/// text with LF ends is, and gives the same result (a property test checks it).
#[inline(never)]
fn section_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let len = b.len();
    // Every article of PolNeAR, and most texts, leave here: counting their CRs below made 1.4%
    // more instructions in all (scripts/bench profile).
    if len - start < SECTION_BYTES + SECTION_BYTES / 2 {
        return len;
    }
    // The byte offset `n` bytes other than CR after `from` (or the text's end).
    let advance = |from: usize, n: usize| {
        let (mut at, mut need) = (from, n);
        while need > 0 && at < len {
            let part = b.get(at..(at + need).min(len)).unwrap_or_default();
            at += part.len();
            need = part.iter().filter(|&&c| c == b'\r').count();
        }
        at
    };
    // A break at `at` must leave half a section after it; none after the first that does not.
    let leaves_enough = |at: usize| advance(at, SECTION_BYTES / 2) < len;
    let from = advance(start, SECTION_BYTES);
    if !leaves_enough(from) {
        return len;
    }
    let cut = |at: usize| if leaves_enough(at) { at } else { len };
    let para_end = advance(from, SECTION_BYTES);
    let word_break = advance(para_end, SECTION_BYTES / 2);
    let end = advance(para_end, SECTION_BYTES);
    // From the start of the paragraph that `from` is in, its quotation marks: curly and angled
    // opening ones less closing ones (“ ” « », as UTF-8: E2 80 9C, E2 80 9D, C2 AB, C2 BB),
    // and straight ones.
    let mut i = b.get(start..from).and_then(|r| r.iter().rposition(|&c| c == b'\n')).map_or(start, |p| start + p + 1);
    let (mut open, mut straight) = (0i64, 0u32);
    while i < end {
        let balanced = open == 0 && straight % 2 == 0;
        match b[i] {
            b'\n' => {
                (open, straight) = (0, 0);
                // The break and the white space around it, each byte looked at once: the
                // char before it (past spaces, tabs and a CR), and the first after it.
                let mut k = i;
                while k > start && matches!(b[k - 1], b' ' | b'\t' | b'\r') {
                    k -= 1;
                }
                let at = i;
                i += 1;
                while i < len && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
                    i += 1;
                }
                if at >= from && k > start && matches!(b[k - 1], b'.' | b'!' | b'?') && b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    return cut(i);
                }
                continue;
            }
            b'"' => straight += 1,
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0x9C) => open += 1,
                Some(0x9D) => open -= 1,
                _ => {}
            },
            0xC2 => match b.get(i + 1) {
                Some(0xAB) => open += 1,
                Some(0xBB) => open -= 1,
                _ => {}
            },
            b'.' | b'!' | b'?' if i >= para_end && balanced && b.get(i + 1) == Some(&b' ') && b.get(i + 2).is_some_and(u8::is_ascii_uppercase) => {
                return cut(i + 2);
            }
            // A sentence with no end in sight: between two words.
            b' ' if i >= word_break && balanced && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) => {
                return cut(i + 1);
            }
            _ => {}
        }
        i += 1;
    }
    len
}

/// The most words of a person's name whose endings [`Merger`] registers and looks up
/// ("Former Secretary of State Hillary Clinton": six). A longer "name" is a run of capitalised
/// words that names nobody, and its endings cost the square of its length: with no limit,
/// 256 KB of "U.S. Mr. Dr. Sen. " (a shape of examples/linearity.rs) took 4.8 GB and 10 s
/// (fb0205c to bb84ffa), for one name of thousands of words in each section.
const MAX_JOINED_NAME_WORDS: usize = 6;

/// Joins the analyses of a long text's sections into one: offsets moved by the section's
/// start, and one entity for each person or body named in several sections. Joined: the same
/// name in any case; a person's name and an ending of it of two words or more ("Democrat
/// Hillary Clinton" and "Hillary Clinton", under the shorter); and a one-word name with the
/// one person whose full name ends with it, as the registry joins "Clinton" to "Hillary
/// Clinton" within a text (when two people share the surname, it stays apart).
#[derive(Default)]
struct Merger {
    /// An entity by its name in lowercase.
    by_name: Names,
    /// A person by the last word of their full name (lowercase), [`Merger::SHARED`] when
    /// several people have it. (A map of the same types as `by_name`, not of `Option`s: one
    /// copy of the hash table's code in the wasm, not two.)
    by_surname: Names,
    /// Which section each entity was last joined in (by [`Merger::section`]).
    joined_in: Vec<usize>,
    /// The sections appended so far.
    section: usize,
}

/// A map from names (lowercase) to entities.
type Names = rustc_hash::FxHashMap<String, usize>;

impl Merger {
    const SHARED: usize = usize::MAX;

    // The maps' look-ups and inserts, each one function rather than inlined at each of their
    // uses: 60 bytes less of gzipped wasm (232,113 against 232,173).
    #[inline(never)]
    fn get(map: &Names, key: &str) -> Option<usize> {
        map.get(key).copied()
    }

    #[inline(never)]
    fn put(map: &mut Names, key: &str, v: usize) {
        map.insert(key.to_string(), v);
    }

    #[inline(never)]
    fn append(&mut self, all: &mut Analysis, part: Analysis, offset: usize) {
        let shift = |s: Span| Span::new(s.start + offset, s.end + offset);
        let mut ids = Vec::with_capacity(part.entities.len());
        // Entities of this section are never joined to each other, nor two of them to one
        // earlier entity: the registry kept them apart (two of one name, of different kinds).
        // (And so each entity's mentions stay in text order: one section's after another's.)
        let earlier = all.entities.len();
        self.section += 1;
        for mut ent in part.entities {
            for m in &mut ent.mentions {
                m.span = shift(m.span);
            }
            let key = lowercase(&ent.name);
            let person = ent.kind == EntityKind::Person;
            // Where each shorter ending of the name starts ("anna berg" and "berg" in
            // "democrat anna berg": a section's registry may keep a word before a name that
            // another's does not).
            let short = key.bytes().filter(|&c| c == b' ').count() < MAX_JOINED_NAME_WORDS;
            let endings = || key.bytes().enumerate().filter(|&(_, c)| c == b' ' && short).map(|(at, _)| at + 1);
            let known = match Merger::get(&self.by_name, &key) {
                Some(e) => Some(e),
                None if !person => None,
                // A surname alone: the one person with that full name.
                None if !key.contains(' ') => Merger::get(&self.by_surname, &key).filter(|&e| e != Merger::SHARED),
                // An ending of the name seen before as a person's name (or alone, the surname).
                None => endings().find_map(|at| key.get(at..).and_then(|end| Merger::get(&self.by_name, end))).filter(|&e| all.entities[e].kind == EntityKind::Person),
            };
            let id = match known.filter(|&e| e < earlier && self.joined_in[e] != self.section) {
                Some(e) => {
                    self.joined_in[e] = self.section;
                    let old = &mut all.entities[e];
                    old.mentions.append(&mut ent.mentions);
                    if old.kind == EntityKind::Unknown {
                        old.kind = ent.kind;
                    }
                    // The full name for a surname; of two full names one of which ends the other,
                    // the shorter ("Anna Berg", not "Democrat Anna Berg"; nor "Berg").
                    let old_key = lowercase(&old.name);
                    let ends_old = old_key.strip_suffix(key.as_str()).is_some_and(|before| before.ends_with(' '));
                    if person && (!old_key.contains(' ') && key.len() > old_key.len() || key.contains(' ') && ends_old) {
                        old.name = ent.name;
                    }
                    e
                }
                None => {
                    ent.id = all.entities.len();
                    all.entities.push(ent);
                    self.joined_in.push(0);
                    all.entities.len() - 1
                }
            };
            if person {
                // The surname, and every ending of two or more words, for the sections after.
                for at in endings() {
                    let end = key.get(at..).unwrap_or("");
                    if end.contains(' ') {
                        if Merger::get(&self.by_name, end).is_none() {
                            Merger::put(&mut self.by_name, end, id);
                        }
                    } else {
                        let was = Merger::get(&self.by_surname, end);
                        Merger::put(&mut self.by_surname, end, if was.map_or(true, |e| e == id) { id } else { Merger::SHARED });
                    }
                }
            }
            if Merger::get(&self.by_name, &key).is_none() {
                Merger::put(&mut self.by_name, &key, id);
            }
            ids.push(id);
        }
        let base = all.quotes.len();
        for mut q in part.quotes {
            q.span = shift(q.span);
            q.speaker = q.speaker.and_then(|e| ids.get(e).copied());
            q.speaker_mention = q.speaker_mention.map(shift);
            q.cue = q.cue.map(shift);
            q.continues = q.continues.map(|c| c + base);
            all.quotes.push(q);
        }
        for mut l in part.locations {
            l.span = shift(l.span);
            l.phrase = l.phrase.map(shift);
            all.locations.push(l);
        }
    }
}

/// [`analyze`] of one section: the whole pipeline.
fn analyze_section(text: &str) -> Analysis {
    let (lowered, lower_spans) = Lowered::new(text);
    let doc = Doc::new(text, &lowered, lower_spans);
    let vocab = lowercase_vocabulary(&doc);
    let names = find_names(&doc, &vocab);
    let locations = find_places(&doc, &names, &vocab);
    let reg = Registry::from_names(&doc, &names);
    let mut att = Attributor::new(&doc, &names, reg);
    att.run();
    let Attributor { reg, quotes, .. } = att;
    // Entities that matter to a reader: every person and organisation named, and every source
    // that speaks. Renumber in order of first mention.
    let mut speaking = vec![false; reg.ents.len()];
    for q in &quotes {
        if let Some(e) = q.speaker {
            speaking[e] = true;
        }
    }
    // The vectors filled through a filter below get their largest size up front: collected
    // from a filter, each grew step by step (0.3% of all the work in reallocations).
    let mut order: Vec<usize> = Vec::with_capacity(reg.ents.len());
    order.extend((0..reg.ents.len()).filter(|&e| {
        let ent = &reg.ents[e];
        !ent.mentions.is_empty() && (speaking[e] || matches!(ent.kind, EntityKind::Person | EntityKind::Organization))
    }));
    let first = |e: usize| reg.ents[e].mentions.iter().map(|m| m.span.start).min().unwrap_or(0);
    sort_by_keys(&mut order, |&e| (first(e), 0));
    let mut new_id = vec![None; reg.ents.len()];
    for (i, &e) in order.iter().enumerate() {
        new_id[e] = Some(i);
    }
    // Each entity is in `order` once, and the registry is not read again: its names and
    // mentions are moved out, not copied.
    let mut ents = reg.ents;
    let entities: Vec<Entity> = order
        .iter()
        .enumerate()
        .map(|(id, &e)| {
            let ent = &mut ents[e];
            let mut mentions = std::mem::take(&mut ent.mentions);
            sort_by_keys(&mut mentions, |m| (m.span.start, m.span.end));
            mentions.dedup_by_key(|m| m.span);
            Entity { id, name: std::mem::take(&mut ent.name), kind: ent.kind, mentions }
        })
        .collect();
    let mut quotes: Vec<Quote> = quotes
        .into_iter()
        .map(|mut q| {
            q.speaker = q.speaker.and_then(|e| new_id[e]);
            q
        })
        .collect();
    // Text order; `continues` points into the sorted list.
    let keep = laminar(&quotes);
    let mut idx: Vec<usize> = Vec::with_capacity(quotes.len());
    idx.extend((0..quotes.len()).filter(|&i| keep[i]));
    sort_by_keys(&mut idx, |&i| (quotes[i].span.start, desc(quotes[i].span.end)));
    let mut pos = vec![usize::MAX; quotes.len()];
    for (p, &i) in idx.iter().enumerate() {
        pos[i] = p;
    }
    for q in &mut quotes {
        q.continues = q.continues.map(|c| pos[c]).filter(|&c| c != usize::MAX);
    }
    // Each index is in `idx` once: the quotes are moved into their order, not copied.
    let mut slots: Vec<Option<Quote>> = quotes.into_iter().map(Some).collect();
    let mut sorted: Vec<Quote> = Vec::with_capacity(idx.len());
    sorted.extend(idx.iter().filter_map(|&i| slots[i].take()));
    // A continuation must point backwards; drop links that do not.
    for (p, q) in sorted.iter_mut().enumerate() {
        if q.continues.is_some_and(|c| c >= p) {
            q.continues = None;
        }
    }
    Analysis { entities, quotes: sorted, locations }
}

/// Which quotes to keep so that no two partly overlap (nesting is fine). Direct quotes are
/// already properly nested by the pairing pass; a reported clause that would cut one, or cut
/// another reported clause, is dropped. Linear up to the scans over the quotes inside a clause.
fn laminar(quotes: &[Quote]) -> Vec<bool> {
    use crate::model::QuoteKind;
    let mut keep = vec![true; quotes.len()];
    let is_direct = |q: &Quote| matches!(q.kind, QuoteKind::Direct | QuoteKind::Scare);
    let mut direct: Vec<(usize, usize)> = Vec::with_capacity(quotes.len());
    direct.extend(quotes.iter().filter(|q| is_direct(q)).map(|q| (q.span.start, q.span.end)));
    sort_by_keys(&mut direct, |&(s, e)| (s, desc(e)));
    let mut reported: Vec<usize> = Vec::with_capacity(quotes.len());
    reported.extend((0..quotes.len()).filter(|&i| !is_direct(&quotes[i])));
    sort_by_keys(&mut reported, |&i| (quotes[i].span.start, desc(quotes[i].span.end)));
    let mut stack: Vec<(usize, usize)> = Vec::with_capacity(quotes.len());
    // The direct quotes that start before the clause and are still open at its start, innermost
    // last: a sweep over `direct` in step with the clauses, each quote pushed and popped once.
    // (Walking back a bounded number of quotes from the clause's start missed the enclosing
    // quote when many sibling quotes stood between: fuzz input analyze-crash-eb321ea7e630.)
    let mut open: Vec<(usize, usize)> = Vec::with_capacity(quotes.len());
    let mut next = 0;
    for i in reported {
        let (s, e) = (quotes[i].span.start, quotes[i].span.end);
        while next < direct.len() && direct[next].0 < s {
            let d = direct[next];
            while open.last().is_some_and(|t| t.1 <= d.0) {
                open.pop();
            }
            open.push(d);
            next += 1;
        }
        while open.last().is_some_and(|t| t.1 <= s) {
            open.pop();
        }
        // Direct quotes starting inside must end inside.
        let mut ok = direct[next..].iter().take_while(|d| d.0 < e).all(|d| d.1 <= e);
        // One open at the clause's start must end after it: quotes nest, so the innermost
        // open one ends first.
        if ok && open.last().is_some_and(|d| d.1 < e) {
            ok = false;
        }
        while stack.last().is_some_and(|t| t.1 <= s) {
            stack.pop();
        }
        if ok && stack.last().is_some_and(|t| !(t.0 <= s && e <= t.1)) {
            ok = false;
        }
        if ok {
            stack.push((s, e));
        } else {
            keep[i] = false;
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::{head, section_end, Merger, MAX_JOINED_NAME_WORDS, SECTION_BYTES};
    use crate::model::{Analysis, Entity, EntityKind};

    /// Only a name of at most MAX_JOINED_NAME_WORDS words has its endings kept: a run of
    /// capitalised words as long as a section ("U.S. Mr. Dr. Sen. " over and over) once kept
    /// all of its thousands of endings, each thousands of bytes long.
    #[test]
    fn only_short_names_have_their_endings_kept() {
        let person = |name: String| Analysis { entities: vec![Entity { id: 0, name, kind: EntityKind::Person, mentions: Vec::new() }], ..Analysis::default() };
        let mut all = Analysis::default();
        let mut m = Merger::default();
        m.append(&mut all, person("Mr. Dr. Sen. ".repeat(1000)), 0);
        assert_eq!((m.by_name.len(), m.by_surname.len()), (1, 0));
        let six = ["Former", "Secretary", "of", "State", "Hillary", "Clinton"];
        assert_eq!(six.len(), MAX_JOINED_NAME_WORDS);
        m.append(&mut all, person(six.join(" ")), 0);
        // The whole name and its four endings of two words or more, and the surname.
        assert_eq!((m.by_name.len(), m.by_surname.len()), (1 + 5, 1));
    }

    /// The sections [`super::analyze`] reads `text` in, as byte ranges.
    fn sections(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let end = section_end(text, start);
            assert!(end > start && text.is_char_boundary(end), "no progress or not a char boundary at {start}");
            out.push((start, end));
            start = end;
        }
        out
    }

    /// Prose paragraphs of 63 bytes, `n` bytes or just over.
    fn prose(n: usize) -> String {
        "Rain fell on the valley all night, and the roads stayed open.\n\n".repeat(n / 63 + 1)
    }

    #[test]
    fn a_short_text_is_one_section() {
        assert_eq!(sections(""), []);
        for text in ["a", &prose(SECTION_BYTES), &prose(SECTION_BYTES + SECTION_BYTES / 2 - 100)] {
            assert_eq!(sections(text), [(0, text.len())]);
        }
    }

    #[test]
    fn a_long_text_is_cut_between_prose_paragraphs() {
        let text = prose(10 * SECTION_BYTES);
        let cuts = sections(&text);
        assert!(cuts.len() >= 8, "{} sections", cuts.len());
        for &(start, end) in &cuts[..cuts.len() - 1] {
            assert!(end - start >= SECTION_BYTES);
            // Right after a blank line that follows a full stop.
            assert!(text[..end].ends_with(".\n\n"), "cut at {end}: {:?}", &text[end - 10..end]);
        }
        let (start, end) = cuts[cuts.len() - 1];
        assert!(end - start >= SECTION_BYTES / 2);
    }

    #[test]
    fn a_quotation_over_many_paragraphs_is_not_cut() {
        // Each paragraph reopens the quotation (the convention for one that runs on); the
        // marks close only at the end.
        let mut text = "Officials said:\n\n".to_string();
        while text.len() < 6 * SECTION_BYTES {
            text.push_str("“The river rose again overnight. Nobody was hurt.\n\n");
        }
        text.push_str("“That is all.”\n");
        assert_eq!(sections(&text), [(0, text.len())]);
    }

    #[test]
    fn one_long_paragraph_is_cut_between_sentences_outside_quotations() {
        let text = "He said “the river rose. It will fall.” Nobody was hurt. ".repeat(8 * SECTION_BYTES / 56);
        let cuts = sections(&text);
        assert!(cuts.len() >= 3, "{} sections", cuts.len());
        for &(_, end) in &cuts[..cuts.len() - 1] {
            let before = &text[..end];
            assert_eq!(before.matches('“').count(), before.matches('”').count(), "cut inside a quotation at {end}");
            assert!(before.ends_with(". "), "cut at {end}: {:?}", &before[end - 10..]);
        }
        // Marks that never balance: no cut.
        let text = "He said “the river rose. Nobody was hurt. ".repeat(8 * SECTION_BYTES / 40);
        assert_eq!(sections(&text), [(0, text.len())]);
    }

    #[test]
    fn crlf_text_is_cut_where_lf_text_is() {
        let lf = prose(10 * SECTION_BYTES);
        let crlf = lf.replace('\n', "\r\n");
        // The LF offset of each CRLF cut: the bytes before it, less its CRs.
        let back: Vec<(usize, usize)> = sections(&crlf)
            .iter()
            .map(|&(s, e)| (s - crlf[..s].matches('\r').count(), e - crlf[..e].matches('\r').count()))
            .collect();
        assert_eq!(back, sections(&lf));
    }

    #[test]
    fn head_ends_on_a_char_boundary() {
        // "é" is two bytes, "😀" four: a cut inside either moves back to its start.
        assert_eq!(head("aé", 2), "a");
        assert_eq!(head("aé", 3), "aé");
        assert_eq!(head("😀b", 3), "");
        assert_eq!(head("😀b", 5), "😀b");
        assert_eq!(head("", 0), "");
    }
}
