//! The pipeline: text -> document -> names -> places -> attribution -> the result model.

use crate::attribution::Attributor;
use crate::doc::{Doc, Lowered};
use crate::entities::Registry;
use crate::model::{desc, sort_by_keys, Analysis, Entity, EntityKind, Quote};
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
    use super::head;

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
