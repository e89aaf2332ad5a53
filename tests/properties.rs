//! Invariants that hold for every input: no panic; every span in bounds and on char
//! boundaries; quotes never partly overlap; every speaker and continuation index is valid; the
//! UTF-16 conversion lands on the same text.

use proptest::prelude::*;
use quotelens::{analyze, Analysis, Offsets, Span};

fn check_span(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} out of bounds ({})", text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{what} {s:?} not on char boundaries");
}

fn check(text: &str) -> Analysis {
    let a = analyze(text);
    for e in &a.entities {
        assert!(!e.mentions.is_empty(), "entity {} has no mention", e.name);
        for m in &e.mentions {
            check_span(text, m.span, "mention");
        }
    }
    for (i, q) in a.quotes.iter().enumerate() {
        check_span(text, q.span, "quote");
        assert!(!q.span.is_empty(), "empty quote");
        if let Some(s) = q.speaker_mention {
            check_span(text, s, "speaker mention");
        }
        if let Some(c) = q.cue {
            check_span(text, c, "cue");
        }
        if let Some(e) = q.speaker {
            assert!(e < a.entities.len(), "speaker {e} is no entity");
        }
        if let Some(c) = q.continues {
            assert!(c < i, "continues {c} must point to an earlier quote than {i}");
        }
    }
    for w in a.quotes.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "quotes sorted");
    }
    for (i, p) in a.quotes.iter().enumerate() {
        for q in &a.quotes[i + 1..] {
            let partial = p.span.overlaps(q.span) && !p.span.contains(q.span) && !q.span.contains(p.span);
            assert!(!partial, "quotes partly overlap: {:?} {:?}", &text[p.span.start..p.span.end], &text[q.span.start..q.span.end]);
        }
    }
    for l in &a.locations {
        check_span(text, l.span, "location");
        assert!(!l.span.is_empty());
    }
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id, i);
    }
    // The UTF-16 view slices the same text.
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let b = a.with_offsets(text, Offsets::Utf16);
    for (q8, q16) in a.quotes.iter().zip(&b.quotes) {
        assert_eq!(String::from_utf16_lossy(&utf16[q16.span.start..q16.span.end]), &text[q8.span.start..q8.span.end]);
    }
    a
}

/// Text built from the pieces that stress the passes: quote marks of every kind, apostrophes,
/// cue words, names, titles, places, breaks, and arbitrary chars.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()), Just("“".to_string()), Just("”".to_string()), Just("‘".to_string()),
        Just("’".to_string()), Just("'".to_string()), Just("«".to_string()), Just("»".to_string()),
        Just("„".to_string()), Just(" said ".to_string()), Just(" he said".to_string()),
        Just(", according to ".to_string()), Just("Maria Lopez".to_string()), Just(" the Syrian President ".to_string()),
        Just("Tehran".to_string()), Just(" U.S. ".to_string()), Just(". ".to_string()), Just(", ".to_string()),
        Just(":".to_string()), Just("\n\n".to_string()), Just("\n".to_string()), Just(" that ".to_string()),
        Just("Qatar's emir".to_string()), Just("😀".to_string()), Just("\u{200F}".to_string()),
        "[a-zA-Z ]{0,12}", any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_string_gives_a_sound_result(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn newsy_text_gives_a_sound_result(text in newsy()) {
        check(&text);
    }
}

#[test]
fn emoji_and_curly_quotes_keep_utf16_spans_on_the_text() {
    let text = "👩‍👩‍👧 “Café” — 😀 “We will win,” said Maria Lopez in Paris.";
    let a = check(text);
    let b = a.with_offsets(text, Offsets::Utf16);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let q = b.quotes.iter().find(|q| String::from_utf16_lossy(&utf16[q.span.start..q.span.end]) == "“We will win,”");
    assert!(q.is_some(), "quote lands on its text in UTF-16");
    let l = &b.locations[0];
    assert_eq!(String::from_utf16_lossy(&utf16[l.span.start..l.span.end]), "Paris");
}

#[test]
fn hostile_inputs_finish() {
    let cases = [
        String::new(),
        " \n\t\r\n ".to_string(),
        "\"".repeat(20_000),
        "“".repeat(20_000),
        "’".repeat(20_000),
        "« ".repeat(10_000) + &" »".repeat(10_000),
        "“".repeat(10_000) + "deep" + &"”".repeat(10_000),
        "a ".repeat(200_000),
        "said he said ".repeat(20_000),
        "Tehran, ".repeat(20_000),
        "\r\n\"Yes,\" she said.\r\n".repeat(1_000),
        "مرحبا \"שלום\" said Ali.".to_string(),
    ];
    for c in &cases {
        check(c);
    }
}
