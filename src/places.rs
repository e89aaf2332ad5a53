//! Places: longest-match gazetteer look-up over capitalised token runs, minus what is part of a
//! person's or an organisation's name, plus the dateline at the head of the article.

use crate::doc::Doc;
use crate::model::{Location, LocationKind, Span};
use crate::names::{strip_possessive, NameClass, NameMention};
use crate::tables::{self, Place, AMBIGUOUS};
use crate::text::Tk;

/// Words before an ambiguous place name that make the place reading safe ("in Jordan").
const LOCATIVES: &[&str] = &[
    "across", "around", "at", "from", "in", "inside", "into", "near", "outside", "throughout",
    "to", "toward", "towards", "via", "visit", "visited", "within",
];

/// How far into the first paragraph a dateline may start, in tokens: room for a byline or a
/// date before "TEHRAN, Dec 3 -".
const DATELINE_WINDOW: usize = 12;

pub(crate) fn find_places(doc: &Doc, names: &[NameMention]) -> Vec<Location> {
    let n = doc.toks.len();
    // Tokens that belong to a person's or an organisation's name are not places ("Paris
    // Hilton", "Bank of England"); title words are ("Qatar's emir").
    let mut blocked = vec![false; n];
    for m in names {
        let from = match m.class {
            NameClass::Org => m.first,
            NameClass::Person => m.name_first,
            // A lone unknown capitalised word may still be a place ("TEHRAN").
            NameClass::Unknown if m.last > m.name_first => m.name_first,
            NameClass::Unknown | NameClass::Title => continue,
        };
        for b in blocked.iter_mut().take(m.last + 1).skip(from) {
            *b = true;
        }
    }
    let mut out: Vec<Location> = Vec::new();
    let mut i = 0;
    while i < n {
        if blocked[i] || !doc.is_cap(i) {
            i += 1;
            continue;
        }
        // Longest match first over the run of tokens on this line.
        let mut found: Option<(usize, &'static Place, Span)> = None;
        let mut k = i;
        let mut words = 0;
        while k < n && words < tables::MAX_PLACE_WORDS {
            if k > i && (doc.toks[k].breaks_before > 0 || blocked[k]) {
                break;
            }
            if doc.toks[k].kind == Tk::Word {
                words += 1;
            } else if !doc.is_punct(k, '.') && !doc.is_punct(k, '-') {
                break;
            }
            let span = doc.span(i, k);
            let surface = &doc.text[span.start..span.end];
            if let Some((p, len)) = lookup(surface) {
                found = Some((k, p, Span::new(span.start, span.start + len)));
            }
            k += 1;
        }
        let Some((last, place, span)) = found else {
            i += 1;
            continue;
        };
        if place.flags & AMBIGUOUS != 0 && !ambiguous_ok(doc, i, last) {
            i = last + 1;
            continue;
        }
        out.push(Location {
            span,
            name: place.name.to_string(),
            kind: place.kind,
            country: (!place.country.is_empty()).then(|| place.country.to_string()),
            lat: Some(place.lat),
            lon: Some(place.lon),
            dateline: false,
        });
        i = last + 1;
    }
    mark_dateline(doc, &mut out);
    out
}

/// Looks up a surface form, also without a possessive ending and in title case for
/// ALL-CAPS datelines and headlines. Returns the place and the matched length in bytes.
pub(crate) fn lookup(surface: &str) -> Option<(&'static Place, usize)> {
    let bare = strip_possessive(surface);
    if let Some(p) = tables::place(bare) {
        return Some((p, bare.len()));
    }
    // "TEHRAN" -> "Tehran"; short all-caps words stay as they are (US, UK, UAE).
    if bare.chars().filter(|c| c.is_alphabetic()).count() > 3 && !bare.chars().any(char::is_lowercase) {
        let title = title_case(bare);
        if let Some(p) = tables::place(&title) {
            return Some((p, bare.len()));
        }
    }
    None
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// An ambiguous name ("Jordan", "Georgia", "Mobile") is a place after a locative preposition,
/// before ", <country or region>", or in a place list; not when it speaks ("Jordan said").
fn ambiguous_ok(doc: &Doc, first: usize, last: usize) -> bool {
    if first > 0 && doc.is_word(first - 1) && LOCATIVES.binary_search(&doc.lower(first - 1).as_str()).is_ok() {
        return true;
    }
    if doc.is_punct(last + 1, ',') && last + 2 < doc.toks.len() && doc.is_cap(last + 2) {
        if let Some((p, _)) = lookup(doc.tok(last + 2)) {
            return matches!(p.kind, LocationKind::Country | LocationKind::Region);
        }
    }
    false
}

/// The dateline: a place at the head of the first paragraph, followed by a comma, a bracket or
/// a dash ("TEHRAN, Dec 3 -", "WASHINGTON (Reuters) -"), with nothing but a date or a byline
/// before it.
fn mark_dateline(doc: &Doc, locs: &mut [Location]) {
    let Some(first) = locs.first_mut() else { return };
    let Some(ti) = doc.toks.iter().position(|t| t.span.start == first.span.start) else { return };
    if ti > DATELINE_WINDOW || doc.para[ti] != 0 && doc.para[ti] != doc.para.first().copied().unwrap_or(0) {
        return;
    }
    // Nothing before it but numbers, punctuation and lowercase words ("date 2024-12-03").
    let clean_prefix = (0..ti).all(|k| {
        let t = doc.toks[k];
        t.kind != Tk::Word || !doc.first_char(k).is_uppercase() || crate::lexicon::has(crate::lexicon::COMMON_CAPS, &doc.lower(k))
    });
    if !clean_prefix {
        return;
    }
    let mut k = ti;
    while k < doc.toks.len() && doc.toks[k].span.end <= first.span.end {
        k += 1;
    }
    // "MINNEAPOLIS, Minn." / "Gaza City, Gaza": a region after the comma is part of it.
    if doc.is_punct(k, ',') && k + 1 < doc.toks.len() && doc.is_cap(k + 1) && k + 2 < doc.toks.len() && doc.is_punct(k + 2, ',') {
        k += 2;
    }
    let follows = doc.toks.get(k).is_some_and(|t| t.kind == Tk::Punct)
        && matches!(doc.first_char(k), ',' | '(' | '—' | '–' | '-' | ':');
    if follows {
        first.dateline = true;
    }
}
