//! The seed article against its hand-made gold (tests/fixtures/seed-article.gold.json): the
//! article quotelens was started from. Offsets in the gold are UTF-16 units; the text is ASCII,
//! so they are bytes too.

use quotelens::{analyze, Analysis, QuoteKind};
use serde_json::Value;

const TEXT: &str = include_str!("fixtures/seed-article.txt");
const GOLD: &str = include_str!("fixtures/seed-article.gold.json");

fn gold() -> Value {
    serde_json::from_str(GOLD).expect("gold parses")
}

fn span(v: &Value) -> (usize, usize) {
    (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Maps each gold speaker id to the entity holding most of its mentions.
fn entity_of(a: &Analysis, g: &Value) -> Option<usize> {
    let mut votes = vec![0; a.entities.len()];
    for m in g["mentions"].as_array().unwrap() {
        let s = span(m);
        for e in &a.entities {
            if e.mentions.iter().any(|x| overlaps((x.span.start, x.span.end), s)) {
                votes[e.id] += 1;
            }
        }
    }
    let best = (0..votes.len()).max_by_key(|&i| votes[i])?;
    (votes[best] > 0).then_some(best)
}

#[test]
fn seed_speakers_are_four_separate_entities() {
    assert!(TEXT.is_ascii());
    let a = analyze(TEXT);
    let g = gold();
    let ids: Vec<Option<usize>> = g["speakers"].as_array().unwrap().iter().map(|s| entity_of(&a, s)).collect();
    for (s, id) in g["speakers"].as_array().unwrap().iter().zip(&ids) {
        let id = id.unwrap_or_else(|| panic!("no entity for {}", s["name"]));
        // Every gold mention of the speaker lies in that one entity.
        for m in s["mentions"].as_array().unwrap() {
            let sp = span(m);
            assert!(
                a.entities[id].mentions.iter().any(|x| overlaps((x.span.start, x.span.end), sp)),
                "{} ({}) is not a mention of {}",
                m["text"], s["id"], a.entities[id].name
            );
        }
    }
    let mut uniq = ids.clone();
    uniq.sort();
    uniq.dedup();
    assert_eq!(uniq.len(), 4, "four distinct entities: {ids:?}");
}

#[test]
fn seed_direct_quotes_found_and_attributed() {
    let a = analyze(TEXT);
    let g = gold();
    let ids: std::collections::HashMap<String, Option<usize>> = g["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap().to_string(), entity_of(&a, s)))
        .collect();
    let mut ok = 0;
    let golds: Vec<&Value> = g["quotes"].as_array().unwrap().iter().filter(|q| q["kind"] == "direct").collect();
    for q in &golds {
        let s = span(q);
        let found = a.quotes.iter().find(|p| p.span.start == s.0 && p.span.end == s.1);
        let want = ids[q["speaker"].as_str().unwrap()];
        match found {
            Some(p) if p.speaker.is_some() && p.speaker == want && p.kind == QuoteKind::Direct => ok += 1,
            other => eprintln!("direct quote {} -> {:?}", q["text"], other),
        }
    }
    assert_eq!(golds.len(), 10);
    assert_eq!(ok, 10, "all 10 direct quotes found with the right speaker");
}

#[test]
fn seed_reported_speech_report() {
    let a = analyze(TEXT);
    let g = gold();
    let ids: std::collections::HashMap<String, Option<usize>> = g["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap().to_string(), entity_of(&a, s)))
        .collect();
    let golds: Vec<&Value> = g["quotes"].as_array().unwrap().iter().filter(|q| q["kind"] == "indirect").collect();
    let (mut found, mut attributed) = (0, 0);
    for q in &golds {
        let s = span(q);
        // Found: a non-direct quote covering at least half of the gold clause and vice versa.
        let hit = a.quotes.iter().find(|p| {
            p.kind != QuoteKind::Direct && p.kind != QuoteKind::Scare && {
                let ov = p.span.end.min(s.1).saturating_sub(p.span.start.max(s.0));
                2 * ov >= (s.1 - s.0).min(p.span.len())
            }
        });
        if let Some(p) = hit {
            found += 1;
            if p.speaker.is_some() && p.speaker == ids[q["speaker"].as_str().unwrap()] {
                attributed += 1;
            } else {
                eprintln!("reported speech {} has speaker {:?}", q["text"], p.speaker);
            }
        } else {
            eprintln!("reported speech not found: {}", q["text"]);
        }
    }
    println!("seed reported speech: {found} of {} found, {attributed} attributed", golds.len());
    // A floor, so that a regression shows; the figure itself goes in the closing note.
    assert!(attributed >= 9, "reported speech: {found} found, {attributed} attributed");
}

#[test]
fn seed_locations_all_marked_and_nothing_else() {
    let a = analyze(TEXT);
    let g = gold();
    let got: Vec<(usize, usize)> = a.locations.iter().map(|l| (l.span.start, l.span.end)).collect();
    let want: Vec<(usize, usize)> = g["locations"].as_array().unwrap().iter().map(span).collect();
    let missing: Vec<&str> = want.iter().filter(|w| !got.contains(w)).map(|w| &TEXT[w.0..w.1]).collect();
    let extra: Vec<&str> = got.iter().filter(|w| !want.contains(w)).map(|w| &TEXT[w.0..w.1]).collect();
    assert!(missing.is_empty(), "missing locations: {missing:?}");
    assert!(extra.is_empty(), "extra locations: {extra:?}");
    let dl = g["dateline"]["location"].as_array().unwrap();
    let dl = (dl[0].as_u64().unwrap() as usize, dl[1].as_u64().unwrap() as usize);
    let marked: Vec<_> = a.locations.iter().filter(|l| l.dateline).map(|l| (l.span.start, l.span.end)).collect();
    assert_eq!(marked, [dl], "the dateline is Tehran");
    for word in ["Iranian", "Syrian", "Qatari", "Xinhua", "Muslim", "Arab"] {
        for (i, _) in TEXT.match_indices(word) {
            assert!(!got.iter().any(|l| overlaps(*l, (i, i + word.len()))), "{word} at {i} is not a place");
        }
    }
}
