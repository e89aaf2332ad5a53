//! Invariants that hold for every input (proptest), and the hostile inputs a reader may paste.
//!
//! The invariants themselves live in tests/fuzz/invariants.rs, shared with the fuzz targets
//! and tests/regressions.rs: no panic; every span in bounds, on char boundaries and non-empty;
//! quotes sorted and never partly overlapping; every speaker an entity, whose own mention the
//! speaker mention is; every continuation an earlier quote; entities numbered in order of first
//! mention, their mentions sorted and distinct; places sorted and disjoint, with coordinates on
//! the globe; the UTF-16 and code point views exactly the counts before each byte offset; the
//! same result twice for the same text, and the same result (shifted) for CRLF line ends.
//!
//! Each hostile input is its own test, sized to stay fast in a debug build (a few seconds at
//! most): 10 MB of articles, 100,000 unbalanced quote marks, a 1 MB paragraph, 10,000 nested
//! quotes. Time is the linearity benchmark's business (examples/linearity.rs); here the inputs
//! only have to finish with a sound result.

#[path = "fuzz/invariants.rs"]
mod invariants;

use invariants::{check, check_analysis};
use proptest::prelude::*;
use quotelens::{analyze, Analysis, Offsets, QuoteKind, Span};

const SEED: &str = include_str!("fixtures/seed-article.txt");

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
        Just("\r\n".to_string()), Just(" she told reporters ".to_string()), Just("Mr. ".to_string()),
        Just("\u{FFFD}".to_string()), Just("\u{0301}".to_string()), Just("שלום".to_string()),
        // Words after which a rule reads the next token: a text that ends right after one
        // ("..., said John Smith of") once read past the last token.
        Just(" of".to_string()), Just(" was told by ".to_string()), Just(" analyst ".to_string()),
        "[a-zA-Z ]{0,12}", any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Slices of a real article, cut anywhere on a char boundary and glued together.
fn article_slices() -> impl Strategy<Value = String> {
    let cut = (0..SEED.len(), 0..400usize).prop_map(|(a, len)| {
        let mut a = a;
        while !SEED.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (a + len).min(SEED.len());
        while !SEED.is_char_boundary(b) {
            b -= 1;
        }
        SEED[a..b].to_string()
    });
    prop::collection::vec(cut, 1..6).prop_map(|v| v.concat())
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

    #[test]
    fn cut_up_articles_give_a_sound_result(text in article_slices()) {
        check(&text);
    }

    #[test]
    fn the_analysis_is_deterministic(text in newsy()) {
        prop_assert_eq!(analyze(&text), analyze(&text));
    }

    /// Windows line ends change offsets, nothing else.
    #[test]
    fn crlf_gives_the_lf_result(text in newsy()) {
        let lf = text.replace("\r\n", "\n").replace('\r', "");
        let crlf = lf.replace('\n', "\r\n");
        prop_assert_eq!(shift_to_crlf(&lf, &analyze(&lf)), check(&crlf));
    }
}

proptest! {
    // Few cases: each is 120 KB or more, and the test run builds without optimisation.
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    /// Texts long enough to be read in sections (src/analyze.rs, `SECTION_BYTES`): newsy
    /// pieces between plain paragraphs, where the sections can end.
    #[test]
    fn long_texts_in_sections_give_a_sound_result(pieces in prop::collection::vec(newsy(), 30..40)) {
        let filler = river_news(4_000);
        let text = pieces.iter().map(|p| format!("{p}\n\n{filler}")).collect::<String>();
        prop_assert!(text.len() > 120_000);
        check(&text);
    }
}

/// `a` (the result for `lf`) with every byte offset moved to where it lies once each "\n" of
/// `lf` has become "\r\n".
fn shift_to_crlf(lf: &str, a: &Analysis) -> Analysis {
    let mut shift = Vec::with_capacity(lf.len() + 1);
    let mut crs = 0;
    for &b in lf.as_bytes() {
        shift.push(crs);
        crs += usize::from(b == b'\n');
    }
    shift.push(crs);
    // An offset right after a "\n" sits after its "\r\n"; one at a "\n" sits before the "\r".
    let at = |o: usize| o + shift[o];
    let span = |s: Span| Span::new(at(s.start), at(s.end));
    let mut out = a.clone();
    for e in &mut out.entities {
        for m in &mut e.mentions {
            m.span = span(m.span);
        }
    }
    for q in &mut out.quotes {
        q.span = span(q.span);
        q.speaker_mention = q.speaker_mention.map(span);
        q.cue = q.cue.map(span);
    }
    for l in &mut out.locations {
        l.span = span(l.span);
        l.phrase = l.phrase.map(span);
    }
    out
}

// ---------------------------------------------------------------- hostile inputs

/// Checks each `unit` repeated `n` times.
fn repeated(cases: &[(&str, usize)]) {
    for &(unit, n) in cases {
        check(&unit.repeat(n));
    }
}

#[test]
fn empty_text_gives_an_empty_result() {
    assert_eq!(check(""), Analysis::default());
}

#[test]
fn whitespace_only_text_gives_an_empty_result() {
    for text in [" ", "\n", "\r\n\r\n", " \t\n\u{a0}\u{2028}\u{2029}\u{3000}\u{200B}", &" \n".repeat(50_000)] {
        assert_eq!(check(text), Analysis::default(), "{:?}", &text[..text.len().min(20)]);
    }
}

#[test]
fn ten_megabytes_of_articles() {
    let one = analyze(SEED);
    assert!(!one.quotes.is_empty());
    let copies = 10_000_000 / (SEED.len() + 2) + 1;
    let text = format!("{SEED}\n\n").repeat(copies);
    assert!(text.len() >= 10_000_000);
    let a = check(&text);
    // Each copy is a paragraph run of its own: at least as many quotes per copy as alone.
    assert!(a.quotes.len() >= copies * one.quotes.len(), "{} quotes for {copies} copies", a.quotes.len());
}

#[test]
fn a_hundred_thousand_unbalanced_straight_quotes() {
    repeated(&[
        ("\"", 100_000),
        ("\" ", 100_000),
        ("a\" ", 100_000),
        ("'", 100_000),
        ("``", 50_000),
    ]);
}

#[test]
fn a_hundred_thousand_unbalanced_curly_quotes() {
    repeated(&[
        ("“", 100_000),
        ("” ", 100_000),
        ("’", 100_000),
        ("„ ‘ « ‹ ", 25_000),
        ("“Yes, ", 100_000),
    ]);
}

#[test]
fn a_hundred_thousand_mixed_quotes_between_words() {
    let marks = ['"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‹', '›'];
    let mut text = String::with_capacity(1_500_000);
    let mut x = 1u32;
    for i in 0..100_000 {
        // A small LCG picks the mark and whether a word or a cue stands next to it.
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        text.push(marks[(x >> 16) as usize % marks.len()]);
        match (x >> 8) % 5 {
            0 => text.push_str(" said Ana Silva. "),
            1 => text.push(' '),
            2 => text.push_str("word"),
            3 if i % 100 == 0 => text.push_str("\n\n"),
            _ => {}
        }
    }
    check(&text);
}

/// A megabyte of `words` joined by spaces, word i being `words[pick(i) % words.len()]`.
fn a_megabyte_of(words: &[&str], pick: impl Fn(usize) -> usize) -> String {
    let mut text = String::with_capacity(1 << 20);
    let mut i = 0usize;
    while text.len() < 1 << 20 {
        text.push_str(words[pick(i) % words.len()]);
        text.push(' ');
        i += 1;
    }
    text
}

#[test]
fn a_one_megabyte_paragraph_without_punctuation() {
    let words = ["officials", "said", "the", "talks", "Maria", "Lopez", "in", "Tehran", "that", "he"];
    check(&a_megabyte_of(&words, |i| i * 7 + i / 10));
    // One word of a megabyte, too.
    check(&"a".repeat(1 << 20));
}

#[test]
fn a_megabyte_of_title_case_and_speaker_labels() {
    // One headline of a megabyte: capitalised words that are no given names, no lowercase
    // word and no punctuation, so the whole is one run of a title-case sentence (whose pieces
    // a quadratic search for a given name once took minutes over).
    let words = ["Quorvex", "Talbin", "Brennock", "Zandrel", "Delmont", "Vostrik"];
    check(&a_megabyte_of(&words, |i| i * 5 + i / 8));
    // A hundred thousand transcript turns, each label a name and a colon.
    check(&"KATE BOLDUAN: Why not debate?\nBOLDUAN: Why not\n".repeat(50_000));
    check(&"Delmont: ".repeat(100_000));
}

#[test]
fn a_megabyte_of_shared_place_names() {
    // Names that places in several countries share, among places that vote for one country or
    // another, in lists and in "City, Region" pairs: each mention's choice reads its
    // neighbours and a table of votes, never a search of all the places.
    let words = ["Georgia,", "Hyderabad,", "Pakistan,", "Atlanta", "and", "Birmingham,", "Alabama", "Tbilisi,", "Valencia"];
    let text = a_megabyte_of(&words, |i| i * 5 + i / 9);
    let a = check(&text);
    assert!(a.locations.len() > 50_000, "{} places", a.locations.len());
}

#[test]
fn quotes_nested_ten_thousand_deep() {
    for (open, close) in [("“", "”"), ("\"", "\""), ("‘", "’"), ("«", "»")] {
        let text = format!("{}deep{}", format!("{open}a ").repeat(10_000), format!(" b{close}").repeat(10_000));
        let a = check(&text);
        assert!(a.quotes.len() <= 10_000);
    }
    // Alternating double and single, as nested quotes are written.
    let text = format!("{}core{} said Ana.", "“a ‘b ".repeat(5_000), " c’ d”".repeat(5_000));
    check(&text);
}

#[test]
fn emoji_keep_utf16_spans_on_the_text() {
    let text = "👩‍👩‍👧 “Café” — 😀 “We will win,” said Maria Lopez in Paris. 🇫🇷🏳️‍🌈 “Non,” dit-il.";
    let a = check(text);
    let b = a.with_offsets(text, Offsets::Utf16);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice = |s: Span| String::from_utf16_lossy(&utf16[s.start..s.end]);
    let q = b.quotes.iter().find(|q| slice(q.span) == "“We will win,”").expect("the quote lands on its text in UTF-16");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(b.entities[q.speaker.expect("a speaker")].name, "Maria Lopez");
    assert_eq!(slice(b.locations[0].span), "Paris");
    repeated(&[
        ("😀", 100_000),
        ("👩‍👩‍👧 “", 20_000),
    ]);
}

#[test]
fn right_to_left_text() {
    // Arabic and Hebrew with their own quote marks, bidi controls and an English sentence.
    let text = "قال الرئيس «لن نستسلم» في طهران.\n\n\u{202B}אמר השר: ”לא נוותר“\u{202C} \u{200F}\n\n\
                \u{2067}“We will stay,” said Ali Hassan in Beirut.\u{2069}";
    let a = check(text);
    let q = a.quotes.iter().find(|q| &text[q.span.start..q.span.end] == "“We will stay,”").expect("English quote found");
    assert_eq!(a.entities[q.speaker.expect("a speaker")].name, "Ali Hassan");
    check(&text.repeat(2_000));
    check(&"\u{202E}\u{200F}\u{061C}".repeat(30_000));
}

#[test]
fn crlf_line_ends_give_the_lf_result() {
    let crlf = SEED.replace('\n', "\r\n");
    assert_ne!(crlf, SEED);
    let lf_result = analyze(SEED);
    assert!(!lf_result.quotes.is_empty());
    assert_eq!(check(&crlf), shift_to_crlf(SEED, &lf_result));
    // Lone carriage returns (old Mac files) and mixed ends still give a sound result.
    check(&SEED.replace('\n', "\r"));
    check(&"\r\n\"Yes,\" she said.\r\r\n\n\r".repeat(5_000));
}

/// Distinct prose paragraphs, about `n` bytes: no one named, nothing quoted.
fn river_news(n: usize) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < n {
        s.push_str(&format!("The river rose by {i} centimetres overnight. Nobody was hurt.\n\n"));
        i += 1;
    }
    s
}

/// A text of several hundred KB is read in sections (src/analyze.rs, `SECTION_BYTES`); a
/// person named in one and again in another is still one speaker, under the full name, and a
/// surname that two people share is not given to either.
#[test]
fn a_long_text_keeps_its_speakers_across_sections() {
    let text = [
        "“We will stay,” said Anna Berg, the mayor of Oslo. Tor Berg, her brother, agreed.\n\n",
        &river_news(150_000),
        "“We are leaving,” Berg said.\n\n",
        &river_news(150_000),
        "“Not yet,” said Anna Berg.\n\n",
        &river_news(100_000),
        "“Maybe,” Tor Berg said.\n\n",
    ]
    .concat();
    let a = check(&text);
    let speaker = |i: usize| a.quotes[i].speaker.map(|e| a.entities[e].name.as_str());
    assert_eq!(a.quotes.len(), 4);
    assert_eq!(a.quotes[0].speaker, a.quotes[2].speaker);
    assert_eq!(speaker(0), Some("Anna Berg"));
    assert_eq!(speaker(1), Some("Berg"));
    assert_eq!(speaker(3), Some("Tor Berg"));
    assert_eq!(a.entities.len(), 3);
    // The full name only in a later section ("Lund", then "Eva Lund"), and a word before the
    // name that one section's registry kept ("Democrat Eva Lund"): one person, "Eva Lund".
    let text = [
        "“Soon,” Lund said.\n\n",
        &river_news(150_000),
        "“Now,” said Democrat Eva Lund.\n\n",
        &river_news(150_000),
        "“Later,” said Eva Lund.\n\n",
    ]
    .concat();
    let a = check(&text);
    assert_eq!(a.entities.len(), 1, "{:?}", a.entities.iter().map(|e| &e.name).collect::<Vec<_>>());
    assert_eq!(a.entities[0].name, "Eva Lund");
    assert_eq!(a.quotes.iter().filter(|q| q.speaker == Some(0)).count(), 3);
    // A surname alone in a later section joins the full name, which stays the name.
    let text = ["“Soon,” said Eva Lund.\n\n", &river_news(150_000), "“Now,” Lund said.\n\n"].concat();
    let a = check(&text);
    assert_eq!(a.entities.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Eva Lund"]);
}

/// CRLF line ends give the LF result in a text long enough to be read in sections.
#[test]
fn a_long_crlf_text_gives_the_lf_result() {
    let lf = format!("{SEED}\n\n{}", river_news(20_000)).repeat(14);
    assert!(lf.len() > 300_000);
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(check(&crlf), shift_to_crlf(&lf, &analyze(&lf)));
}

#[test]
fn control_chars_and_replacement_chars() {
    let mut junk = String::new();
    for i in 0..200_000u32 {
        junk.push(char::from_u32(i % 0x30).unwrap_or('\0'));
        if i % 7 == 0 {
            junk.push('\u{FFFD}');
        }
    }
    check(&junk);
    // What the CLI makes of binary bytes: lossy decoding, then analysis.
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    check(&String::from_utf8_lossy(&bytes));
}

#[test]
fn every_cue_without_content() {
    repeated(&[
        ("said he said ", 50_000),
        ("Maria Lopez said, ", 20_000),
        ("Tehran, ", 50_000),
        ("Mr. ", 50_000),
        ("U.S. ", 50_000),
        ("he she they it ", 20_000),
    ]);
}

/// One sentence of 8,000 "according to"s. (At 50,000 this took minutes in a debug build:
/// each cue took the sentence from its start as its content, quadratic in the sentence; the
/// linearity benchmark, examples/linearity.rs, has the shape at full size.)
#[test]
fn according_to_without_end() {
    repeated(&[
        ("according to ", 8_000),
        ("According to officials, ", 4_000),
    ]);
}

#[test]
fn speakers_named_a_thousand_times() {
    let mut text = String::new();
    for i in 0..3_000 {
        text.push_str(&format!("“Part {i} of it,” said John Smith{}. He added: “More.”\n\n", ["", " Jr", "son"][i % 3]));
    }
    let a = check(&text);
    assert!(a.quotes.iter().filter(|q| q.speaker.is_some()).count() >= 3_000);
    check_analysis(&text, &a);
}

/// One sentence of 100,000 acronyms set off by commas after a lowercase word ("the agency,
/// UNHCR, said"): reading past one such acronym calls the source search again, once; a chain of
/// them must not nest the calls (a thread's stack would overflow long before the end).
#[test]
fn a_chain_of_renaming_acronyms() {
    repeated(&[("today, ABC, ", 100_000), ("is, ABC, ", 100_000)]);
    check(&format!("A spokesman for the agency, ABC, said it. {}said it.", "today, ABC, ".repeat(100_000)));
}

/// Found by `cut_up_articles_give_a_sound_result` (a cut of the seed article that took the "T"
/// of "The"): a phrase headed by a title, "he Syrian President", held its title at its first
/// token, where the pronoun "he" of a later cue then found it, so that the speaker mention "he"
/// was no mention of its speaker. Only a phrase led by a determiner or a possessive holds a
/// title now.
#[test]
fn a_title_phrase_led_by_a_pronoun() {
    check("he Syrian President, for his part, praised diplomatic efforts by Iran in expressing sol");
}
