//! Runs every case file in tests/cases/: a text and the annotations expected of it.
//!
//! A case file is plain text (see tests/cases/README.md):
//!
//! ```text
//! # what this case shows
//! text:
//! “We will win,” Maria Lopez said.
//! expect:
//! quote “We will win,” | kind direct | speaker Maria Lopez
//! ```
//!
//! Every failing line of every file is reported at once, with its file and line number.

use std::fmt::Write as _;
use std::path::Path;

use quotelens::{analyze, Analysis, Entity, QuoteKind};

struct Case {
    text: String,
    expect: Vec<(usize, String)>,
}

fn parse(src: &str) -> Result<Case, String> {
    let mut text: Option<Vec<&str>> = None;
    let mut expect: Option<Vec<(usize, String)>> = None;
    for (n, line) in src.lines().enumerate() {
        if let Some(e) = expect.as_mut() {
            let l = line.trim();
            if !l.is_empty() && !l.starts_with('#') {
                // "\n" in an expectation stands for a line break of the text.
                e.push((n + 1, l.replace("\\n", "\n")));
            }
        } else if line == "expect:" {
            expect = Some(Vec::new());
        } else if let Some(t) = text.as_mut() {
            t.push(line);
        } else if line == "text:" {
            text = Some(Vec::new());
        } else if !line.starts_with('#') && !line.trim().is_empty() {
            return Err(format!("line {}: expected '# comment' or 'text:'", n + 1));
        }
    }
    let text = text.ok_or("no 'text:' line")?.join("\n");
    let expect = expect.ok_or("no 'expect:' line")?;
    if expect.is_empty() {
        return Err("no expectations after 'expect:'".into());
    }
    Ok(Case { text, expect })
}

fn slice<'a>(text: &'a str, s: quotelens::Span) -> &'a str {
    &text[s.start..s.end]
}

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Mixed => "mixed",
        QuoteKind::Scare => "scare",
    }
}

fn entity_with_mention<'a>(a: &'a Analysis, text: &str, m: &str) -> Option<&'a Entity> {
    a.entities.iter().find(|e| e.mentions.iter().any(|x| slice(text, x.span) == m))
}

/// Checks one expectation line; `Err` says what was found instead.
fn check(a: &Analysis, text: &str, line: &str) -> Result<(), String> {
    let mut fields = line.split(" | ").map(str::trim);
    let head = fields.next().unwrap_or("");
    let rest: Vec<&str> = fields.collect();
    let (verb, arg) = split_verb(head)?;
    match verb {
        "quote" => {
            let cands: Vec<_> = a.quotes.iter().filter(|q| slice(text, q.span) == arg).collect();
            if cands.is_empty() {
                let all: Vec<_> = a.quotes.iter().map(|q| slice(text, q.span)).collect();
                return Err(format!("no quote {arg:?}; quotes are {all:?}"));
            }
            let mut last_err = String::new();
            'cand: for q in cands {
                for f in &rest {
                    let (k, v) = f.split_once(' ').unwrap_or((f, ""));
                    let ok = match k {
                        "kind" => kind_name(q.kind) == v,
                        "speaker" => q.speaker_mention.is_some_and(|s| slice(text, s) == v),
                        "entity" => q.speaker.is_some_and(|e| a.entities[e].name == v),
                        "cue" => q.cue.is_some_and(|s| slice(text, s) == v),
                        "no" if v == "speaker" => q.speaker.is_none() && q.speaker_mention.is_none(),
                        "continues" => q.continues.is_some_and(|c| slice(text, a.quotes[c].span) == v),
                        _ => return Err(format!("unknown quote field {f:?}")),
                    };
                    if !ok {
                        last_err = format!(
                            "quote {arg:?}: {f:?} does not hold: kind {}, speaker {:?}, entity {:?}, cue {:?}",
                            kind_name(q.kind),
                            q.speaker_mention.map(|s| slice(text, s)),
                            q.speaker.map(|e| a.entities[e].name.as_str()),
                            q.cue.map(|s| slice(text, s)),
                        );
                        continue 'cand;
                    }
                }
                return Ok(());
            }
            Err(last_err)
        }
        "no quote" => {
            // No quote starts or ends inside any occurrence of the text, and none equals it.
            for (i, _) in text.match_indices(arg) {
                let (s, e) = (i, i + arg.len());
                if let Some(q) = a.quotes.iter().find(|q| {
                    (q.span.start > s && q.span.start < e) || (q.span.end > s && q.span.end < e) || (q.span.start == s && q.span.end == e)
                }) {
                    return Err(format!("found quote {:?}", slice(text, q.span)));
                }
            }
            Ok(())
        }
        "quotes" => {
            let n: usize = arg.parse().map_err(|_| format!("'quotes' needs a number, got {arg:?}"))?;
            let got: Vec<_> = a.quotes.iter().map(|q| (kind_name(q.kind), slice(text, q.span))).collect();
            if got.len() == n { Ok(()) } else { Err(format!("{} quotes: {got:?}", got.len())) }
        }
        "location" => {
            // `every`: the fields must hold for each location with that text, not only the first.
            let every = rest.contains(&"every");
            let matching: Vec<_> = a.locations.iter().filter(|l| slice(text, l.span) == arg).take(if every { usize::MAX } else { 1 }).collect();
            if matching.is_empty() {
                let all: Vec<_> = a.locations.iter().map(|l| slice(text, l.span)).collect();
                return Err(format!("no location {arg:?}; locations are {all:?}"));
            }
            for l in matching {
                for f in rest.iter().filter(|f| **f != "every") {
                    let (k, v) = f.split_once(' ').unwrap_or((f, ""));
                    let ok = match k {
                        "name" => l.name == v,
                        "kind" => format!("{:?}", l.kind).to_lowercase() == v,
                        "country" => l.country.as_deref() == Some(v),
                        "dateline" => l.dateline,
                        "not" if v == "dateline" => !l.dateline,
                        // No phrase: the name alone is the whole noun phrase.
                        "phrase" => slice(text, l.phrase.unwrap_or(l.span)) == v,
                        _ => return Err(format!("unknown location field {f:?}")),
                    };
                    if !ok {
                        return Err(format!("location {arg:?}: {f:?} does not hold: {l:?}"));
                    }
                }
            }
            Ok(())
        }
        "no location" => {
            for (i, _) in text.match_indices(arg) {
                if let Some(l) = a.locations.iter().find(|l| l.span.start < i + arg.len() && i < l.span.end) {
                    return Err(format!("found location {:?}", slice(text, l.span)));
                }
            }
            Ok(())
        }
        "locations" => {
            let n: usize = arg.parse().map_err(|_| format!("'locations' needs a number, got {arg:?}"))?;
            let got: Vec<_> = a.locations.iter().map(|l| slice(text, l.span)).collect();
            if got.len() == n { Ok(()) } else { Err(format!("{} locations: {got:?}", got.len())) }
        }
        "same entity" | "different entities" => {
            let mut names = vec![arg];
            names.extend(rest.iter().copied());
            let mut ids = Vec::new();
            for m in &names {
                match entity_with_mention(a, text, m) {
                    Some(e) => ids.push(e.id),
                    None => return Err(format!("{m:?} is no entity's mention; entities: {}", describe(a, text))),
                }
            }
            let same = ids.windows(2).all(|w| w[0] == w[1]);
            let all_diff = {
                let mut s = ids.clone();
                s.sort();
                s.dedup();
                s.len() == ids.len()
            };
            match verb {
                "same entity" if !same => Err(format!("entities {ids:?}: {}", describe(a, text))),
                "different entities" if !all_diff => Err(format!("entities {ids:?}: {}", describe(a, text))),
                _ => Ok(()),
            }
        }
        "entity" => {
            let Some(e) = a.entities.iter().find(|e| e.name == arg) else {
                return Err(format!("no entity named {arg:?}: {}", describe(a, text)));
            };
            for f in &rest {
                let (k, v) = f.split_once(' ').unwrap_or((f, ""));
                let ok = match k {
                    "kind" => format!("{:?}", e.kind).to_lowercase() == v,
                    "mentions" => v.parse::<usize>().is_ok_and(|n| e.mentions.len() == n),
                    _ => return Err(format!("unknown entity field {f:?}")),
                };
                if !ok {
                    return Err(format!("entity {arg:?}: {f:?} does not hold: {}", describe(a, text)));
                }
            }
            Ok(())
        }
        "no entity" => match entity_with_mention(a, text, arg) {
            Some(e) => Err(format!("{arg:?} is a mention of {:?}", e.name)),
            None => Ok(()),
        },
        _ => Err(format!("unknown expectation {verb:?}")),
    }
}

fn split_verb(head: &str) -> Result<(&str, &str), String> {
    for verb in ["no quote", "no location", "no entity", "same entity", "different entities", "quotes", "quote", "locations", "location", "entity"] {
        if let Some(rest) = head.strip_prefix(verb) {
            if rest.is_empty() || rest.starts_with(' ') {
                return Ok((verb, rest.trim()));
            }
        }
    }
    Err(format!("unknown expectation {head:?}"))
}

fn describe(a: &Analysis, text: &str) -> String {
    a.entities
        .iter()
        .map(|e| {
            let ms: Vec<_> = e.mentions.iter().map(|m| slice(text, m.span)).collect();
            format!("#{} {} {ms:?}", e.id, e.name)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn case_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .map(|e| e.expect("readable dir").path())
        .filter(|p| p.extension().is_some_and(|x| x == "case"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "at least 30 case files, found {}", files.len());
    let mut report = String::new();
    let mut failed = 0;
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(f).expect("case file is UTF-8");
        let case = match parse(&src) {
            Ok(c) => c,
            Err(e) => {
                failed += 1;
                writeln!(report, "{name}: {e}").unwrap();
                continue;
            }
        };
        let a = analyze(&case.text);
        for (line, exp) in &case.expect {
            if let Err(e) = check(&a, &case.text, exp) {
                failed += 1;
                writeln!(report, "{name}:{line}: {exp}\n    {e}").unwrap();
            }
        }
    }
    println!("{} case files checked", files.len());
    assert!(failed == 0, "{failed} expectations failed:\n{report}");
}
