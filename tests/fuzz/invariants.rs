//! The invariants that every analysis must satisfy, for any input. One copy, used by the
//! property tests (tests/properties.rs), the regression tests (tests/regressions.rs) and the
//! fuzz targets (tests/fuzz/fuzz_targets/), each of which includes this file with `#[path]`.
//!
//! Every check is linear in the size of the text and the result (up to sorting), so that the
//! hostile inputs of many megabytes can run through it too.

#![allow(dead_code)]

use quotelens::{
    analyze, Analysis, Entity, EntityKind, Location, LocationKind, Mention, MentionKind, Offsets,
    Quote, QuoteKind, Span,
};

fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} {s:?} out of bounds (text has {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} not on char boundaries"
    );
}

fn show(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("<not a slice>")
}

/// Ok when no two spans partly overlap (nesting and disjointness are fine). Linear after a
/// sort: walk the spans in (start, longest first) order with a stack of the enclosing ones.
fn laminar(spans: &mut [Span]) -> Result<(), (Span, Span)> {
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut open: Vec<Span> = Vec::new();
    for &s in spans.iter() {
        while open.last().is_some_and(|t| t.end <= s.start) {
            open.pop();
        }
        if let Some(&t) = open.last() {
            if s.end > t.end {
                return Err((t, s));
            }
        }
        open.push(s);
    }
    Ok(())
}

/// Analyses `text` and asserts every invariant of the result; returns the result.
pub fn check(text: &str) -> Analysis {
    let a = analyze(text);
    check_analysis(text, &a);
    check_offsets(text, &a);
    a
}

/// The invariants of the byte-offset result `a` of `text`.
pub fn check_analysis(text: &str, a: &Analysis) {
    // Entities: numbered in order, each with at least one mention, mentions sorted and distinct.
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id, i, "entity ids are their indices");
        assert!(!e.mentions.is_empty(), "entity {:?} has no mention", e.name);
        assert!(!e.name.is_empty(), "entity {i} has an empty name");
        for m in &e.mentions {
            check_span(text, m.span, "mention");
            assert!(!m.span.is_empty(), "empty mention in entity {:?}", e.name);
        }
        for w in e.mentions.windows(2) {
            assert!(
                (w[0].span.start, w[0].span.end) < (w[1].span.start, w[1].span.end),
                "mentions of {:?} not sorted and distinct: {:?} {:?}",
                e.name,
                w[0].span,
                w[1].span
            );
        }
    }
    // Entities come in order of first mention.
    for w in a.entities.windows(2) {
        assert!(
            w[0].mentions[0].span.start <= w[1].mentions[0].span.start,
            "entities in order of first mention"
        );
    }

    // Quotes: in bounds, non-empty, sorted; speakers and continuations point where they may.
    for (i, q) in a.quotes.iter().enumerate() {
        check_span(text, q.span, "quote");
        assert!(!q.span.is_empty(), "empty quote at {:?}", q.span);
        if let Some(s) = q.speaker_mention {
            check_span(text, s, "speaker mention");
            assert!(!s.is_empty(), "empty speaker mention");
        }
        if let Some(c) = q.cue {
            check_span(text, c, "cue");
            assert!(!c.is_empty(), "empty cue");
        }
        if let Some(e) = q.speaker {
            assert!(
                e < a.entities.len(),
                "quote {i}: speaker {e} is no entity ({} entities)",
                a.entities.len()
            );
            // The mention that names the speaker is one of the speaker's own.
            if let Some(s) = q.speaker_mention {
                let own = &a.entities[e].mentions;
                assert!(
                    own.binary_search_by_key(&(s.start, s.end), |m| (m.span.start, m.span.end))
                        .is_ok(),
                    "quote {i}: speaker mention {:?} is not a mention of {:?}",
                    show(text, s),
                    a.entities[e].name
                );
            }
        }
        if let Some(c) = q.continues {
            assert!(
                c < i,
                "quote {i} continues {c}: must point to an earlier quote"
            );
        }
    }
    for w in a.quotes.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "quotes sorted by start");
    }
    let mut spans: Vec<Span> = a.quotes.iter().map(|q| q.span).collect();
    if let Err((p, q)) = laminar(&mut spans) {
        panic!(
            "quotes partly overlap: {:?} and {:?}",
            show(text, p),
            show(text, q)
        );
    }

    // Locations: in bounds, non-empty, sorted, and with sensible coordinates.
    for l in &a.locations {
        check_span(text, l.span, "location");
        assert!(!l.span.is_empty(), "empty location");
        assert!(!l.name.is_empty(), "location without a name");
        if let Some(lat) = l.lat {
            assert!(
                lat.is_finite() && (-90.0..=90.0).contains(&lat),
                "latitude {lat}"
            );
        }
        if let Some(lon) = l.lon {
            assert!(
                lon.is_finite() && (-180.0..=180.0).contains(&lon),
                "longitude {lon}"
            );
        }
    }
    for w in a.locations.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "locations sorted and disjoint: {:?} {:?}",
            show(text, w[0].span),
            show(text, w[1].span)
        );
    }
}

/// Converts `a` (the byte-offset result of `text`) to UTF-16 and code points, and asserts that
/// every converted span is exactly the one that counting the units before its ends gives.
/// Linear in the text: the reference counts are prefix sums, one per byte.
pub fn check_offsets(text: &str, a: &Analysis) {
    // units[b] = (UTF-16 units, code points) before byte b, for every char boundary b.
    let mut units = vec![(0u32, 0u32); text.len() + 1];
    let (mut u16s, mut cps) = (0u32, 0u32);
    for (b, c) in text.char_indices() {
        units[b] = (u16s, cps);
        u16s += c.len_utf16() as u32;
        cps += 1;
    }
    units[text.len()] = (u16s, cps);
    let b16 = a.with_offsets(text, Offsets::Utf16);
    let bcp = a.with_offsets(text, Offsets::CodePoint);
    assert_eq!(
        a.with_offsets(text, Offsets::Utf8),
        *a,
        "utf8 is the identity"
    );
    let same = |s8: Span, s16: Span, scp: Span, what: &str| {
        let (a, b) = (units[s8.start], units[s8.end]);
        assert_eq!(
            (s16.start, s16.end),
            (a.0 as usize, b.0 as usize),
            "{what} {:?}: utf16",
            show(text, s8)
        );
        assert_eq!(
            (scp.start, scp.end),
            (a.1 as usize, b.1 as usize),
            "{what} {:?}: codepoint",
            show(text, s8)
        );
    };
    assert_eq!(b16.entities.len(), a.entities.len());
    assert_eq!(b16.quotes.len(), a.quotes.len());
    assert_eq!(b16.locations.len(), a.locations.len());
    for ((e8, e16), ecp) in a.entities.iter().zip(&b16.entities).zip(&bcp.entities) {
        assert_eq!(e16.mentions.len(), e8.mentions.len());
        for ((m8, m16), mcp) in e8.mentions.iter().zip(&e16.mentions).zip(&ecp.mentions) {
            same(m8.span, m16.span, mcp.span, "mention");
        }
    }
    for ((q8, q16), qcp) in a.quotes.iter().zip(&b16.quotes).zip(&bcp.quotes) {
        same(q8.span, q16.span, qcp.span, "quote");
        assert_eq!(q8.speaker_mention.is_some(), q16.speaker_mention.is_some());
        assert_eq!(q8.cue.is_some(), q16.cue.is_some());
        if let (Some(s8), Some(s16), Some(scp)) =
            (q8.speaker_mention, q16.speaker_mention, qcp.speaker_mention)
        {
            same(s8, s16, scp, "speaker mention");
        }
        if let (Some(c8), Some(c16), Some(ccp)) = (q8.cue, q16.cue, qcp.cue) {
            same(c8, c16, ccp, "cue");
        }
        assert_eq!(
            (q8.kind, q8.speaker, q8.continues),
            (q16.kind, q16.speaker, q16.continues)
        );
    }
    for ((l8, l16), lcp) in a.locations.iter().zip(&b16.locations).zip(&bcp.locations) {
        same(l8.span, l16.span, lcp.span, "location");
    }
}

// ---------------------------------------------------------------- the fuzz targets' bodies
// (here, so that tests/regressions.rs replays a saved input exactly as its target ran it)

/// The `analyze` target: any bytes, decoded as the CLI decodes them (invalid UTF-8 becomes
/// U+FFFD), analysed, every invariant checked.
pub fn fuzz_analyze(data: &[u8]) {
    check(&String::from_utf8_lossy(data));
}

/// Units of `unit` in `text[..byte]`, counted the slow, obvious way.
fn units_before(text: &str, byte: usize, unit: Offsets) -> usize {
    let head = &text[..byte];
    match unit {
        Offsets::Utf8 => byte,
        Offsets::Utf16 => head.encode_utf16().count(),
        Offsets::CodePoint => head.chars().count(),
    }
}

/// An analysis with the given spans in every field that has one.
fn made_up(spans: &[Span]) -> Analysis {
    let mut a = Analysis::default();
    let mention = |s: Span| Mention {
        span: s,
        kind: MentionKind::Name,
    };
    a.entities.push(Entity {
        id: 0,
        name: "x".into(),
        kind: EntityKind::Person,
        mentions: spans.iter().copied().map(mention).collect(),
    });
    for w in spans.windows(3) {
        a.quotes.push(Quote {
            span: w[0],
            kind: QuoteKind::Direct,
            speaker: Some(0),
            speaker_mention: Some(w[1]),
            cue: Some(w[2]),
            continues: None,
        });
    }
    for &s in spans.iter().rev() {
        a.locations.push(Location {
            span: s,
            name: "y".into(),
            kind: LocationKind::City,
            country: None,
            lat: None,
            lon: None,
            dateline: false,
            phrase: None,
        });
    }
    a
}

/// Every span of `a`, in a fixed order (the order `made_up` and `with_offsets` keep).
fn spans_of(a: &Analysis) -> Vec<Span> {
    let mut v: Vec<Span> = a
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect();
    for q in &a.quotes {
        v.push(q.span);
        v.extend(q.speaker_mention);
        v.extend(q.cue);
    }
    v.extend(a.locations.iter().map(|l| l.span));
    v
}

/// The `offsets` target. The input is split in two: a text, and a list of byte offsets that need
/// not be sensible (out of bounds, inside a char, reversed). From them an analysis is made up
/// with spans in every field that has one, and converted to UTF-16 and code points. What must
/// hold: no panic; a span whose ends are char boundaries of the text maps to the counts of units
/// before those ends; any other offset maps within the text's length; the mapping never
/// reverses two offsets. The real analysis of the text is converted and checked too.
pub fn fuzz_offsets(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    // First byte: how many of the following bytes are text (scaled), the rest are offsets.
    let text_len = (usize::from(data[0]) * 4).min(data.len() - 1);
    let text = String::from_utf8_lossy(&data[1..1 + text_len]);
    let text: &str = &text;
    let limit = text.len() + 8;
    let offsets: Vec<usize> = data[1 + text_len..]
        .chunks(2)
        .map(|c| (usize::from(c[0]) | usize::from(*c.get(1).unwrap_or(&0)) << 8) % limit)
        .collect();
    let spans: Vec<Span> = offsets
        .chunks(2)
        .map(|c| Span::new(c[0], *c.get(1).unwrap_or(&c[0])))
        .collect();
    let a = made_up(&spans);
    let before = spans_of(&a);
    for unit in [Offsets::Utf16, Offsets::CodePoint, Offsets::Utf8] {
        let total = units_before(text, text.len(), unit);
        let after = spans_of(&a.with_offsets(text, unit));
        assert_eq!(before.len(), after.len());
        for (b, c) in before.iter().zip(&after) {
            if b.start <= text.len()
                && b.end <= text.len()
                && text.is_char_boundary(b.start)
                && text.is_char_boundary(b.end)
            {
                assert_eq!(
                    c.start,
                    units_before(text, b.start, unit),
                    "{unit:?} start of {b:?}"
                );
                assert_eq!(
                    c.end,
                    units_before(text, b.end, unit),
                    "{unit:?} end of {b:?}"
                );
            } else if unit != Offsets::Utf8 {
                assert!(
                    c.start <= total && c.end <= total,
                    "{unit:?}: {b:?} -> {c:?} past the end {total}"
                );
            }
            if b.start <= b.end {
                assert!(c.start <= c.end, "{unit:?}: {b:?} -> {c:?} reversed");
            }
        }
        // Monotone across all offsets, not only within a span.
        if unit != Offsets::Utf8 {
            let mut pairs: Vec<(usize, usize)> = before
                .iter()
                .zip(&after)
                .flat_map(|(b, c)| [(b.start, c.start), (b.end, c.end)])
                .collect();
            pairs.sort_unstable();
            for w in pairs.windows(2) {
                assert!(
                    w[0].1 <= w[1].1,
                    "{unit:?}: {} -> {} but {} -> {}",
                    w[0].0,
                    w[0].1,
                    w[1].0,
                    w[1].1
                );
            }
        }
    }
    // And the real thing: the analysis of the text, converted.
    check_offsets(text, &quotelens::analyze(text));
}
