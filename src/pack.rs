//! The wasm's result format: an [`Analysis`] as numbers and one string, which `unpack.js`
//! turns into the same object `JSON.parse` made of serde_json's text.
//!
//! `nums` holds, in order: the three list lengths; for each entity `id, kind, name, mentions`
//! and then `start, end, kind` per mention; for each quote `start, end, kind, speaker,
//! speaker_mention, cue, continues`; for each location `start, end, name, kind, country, lat,
//! lon, dateline, phrase`. A string is its length in UTF-16 units (its text is the next piece of
//! `strs`); an optional value is a 0 (absent) or a 1 followed by the value, a span two numbers,
//! a kind its variant's index. A coordinate is its double's bits, low word first: serde_json
//! writes the shortest text that reads back as that double, so JavaScript rebuilding it from
//! the bits has the number `JSON.parse` made, with no float formatter in the wasm.

use crate::model::{Analysis, Span};

pub(crate) struct Packed {
    pub nums: Vec<u32>,
    pub strs: String,
}

impl Packed {
    fn num(&mut self, n: usize) {
        self.nums.push(n as u32);
    }

    fn span(&mut self, s: Span) {
        self.nums.extend([s.start as u32, s.end as u32]);
    }

    fn opt_num(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.nums.extend([1, n as u32]),
            None => self.nums.push(0),
        }
    }

    fn opt_span(&mut self, s: Option<Span>) {
        match s {
            Some(s) => {
                self.nums.push(1);
                self.span(s);
            }
            None => self.nums.push(0),
        }
    }

    fn string(&mut self, s: &str) {
        let units = if s.is_ascii() { s.len() } else { s.chars().map(char::len_utf16).sum() };
        self.num(units);
        self.strs.push_str(s);
    }

    /// serde_json's `f64`: its bits when finite, absent (`null`) otherwise.
    fn opt_f64(&mut self, x: Option<f64>) {
        match x {
            Some(x) if x.is_finite() => {
                let bits = x.to_bits();
                self.nums.extend([1, bits as u32, (bits >> 32) as u32]);
            }
            _ => self.nums.push(0),
        }
    }
}

pub(crate) fn pack(a: &Analysis) -> Packed {
    let mentions: usize = a.entities.iter().map(|e| e.mentions.len()).sum();
    let mut p = Packed {
        nums: Vec::with_capacity(3 + 4 * a.entities.len() + 3 * mentions + 13 * a.quotes.len() + 16 * a.locations.len()),
        strs: String::with_capacity(16 * (a.entities.len() + a.locations.len())),
    };
    p.nums.extend([a.entities.len() as u32, a.quotes.len() as u32, a.locations.len() as u32]);
    for e in &a.entities {
        p.num(e.id);
        p.num(e.kind as usize);
        p.string(&e.name);
        p.num(e.mentions.len());
        for m in &e.mentions {
            p.span(m.span);
            p.num(m.kind as usize);
        }
    }
    for q in &a.quotes {
        p.span(q.span);
        p.num(q.kind as usize);
        p.opt_num(q.speaker);
        p.opt_span(q.speaker_mention);
        p.opt_span(q.cue);
        p.opt_num(q.continues);
    }
    for l in &a.locations {
        p.span(l.span);
        p.string(&l.name);
        p.num(l.kind as usize);
        match &l.country {
            Some(c) => {
                p.nums.push(1);
                p.string(c);
            }
            None => p.nums.push(0),
        }
        p.opt_f64(l.lat);
        p.opt_f64(l.lon);
        p.num(usize::from(l.dateline));
        p.opt_span(l.phrase);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, Location, LocationKind, Mention, MentionKind, Quote, QuoteKind};
    use crate::{analyze, Offsets};

    /// The text that wasm.rs had serde_json write before src/json.rs, and src/json.rs before pack.rs.
    #[derive(serde::Serialize)]
    struct Out<'a> {
        offsets: &'static str,
        entities: &'a [Entity],
        quotes: &'a [Quote],
        locations: &'a [Location],
    }

    fn serde(a: &Analysis, offsets: &'static str) -> String {
        serde_json::to_string(&Out { offsets, entities: &a.entities, quotes: &a.quotes, locations: &a.locations }).unwrap()
    }

    /// Runs `src/unpack.js` in Node on the packed form of each analysis and checks that it builds
    /// the object `JSON.parse` makes of serde_json's text (`assert.deepStrictEqual`: same fields,
    /// same values, -0 apart from 0). Skipped, with a note, where there is no `node`.
    fn same_object_as_json_parse(analyses: &[Analysis]) {
        let lines: String = analyses
            .iter()
            .map(|a| {
                let p = pack(a);
                let line = serde_json::json!({ "nums": p.nums, "strs": p.strs, "json": serde(a, "utf16") });
                line.to_string() + "\n"
            })
            .collect();
        let script = r#"
            import assert from 'node:assert/strict';
            import { readFileSync } from 'node:fs';
            import { pathToFileURL } from 'node:url';
            const { unpack } = await import(pathToFileURL(process.argv[1]).href);
            let n = 0;
            for (const line of readFileSync(0, 'utf8').split('\n').filter(Boolean)) {
              const { nums, strs, json } = JSON.parse(line);
              assert.deepStrictEqual(unpack(Uint32Array.from(nums), strs), JSON.parse(json));
              n++;
            }
            console.log(n);
        "#;
        let unpack_js = concat!(env!("CARGO_MANIFEST_DIR"), "/src/unpack.js");
        let child = std::process::Command::new("node")
            .args(["--input-type=module", "-e", script, unpack_js])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                eprintln!("pack.rs tests: no `node` on PATH, src/unpack.js not checked");
                return;
            }
            Err(e) => panic!("node: {e}"),
        };
        use std::io::Write;
        child.stdin.take().unwrap().write_all(lines.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), analyses.len().to_string());
    }

    #[test]
    fn same_object_as_json_parse_on_real_analyses() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples");
        let mut analyses = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                let a = analyze(&text).with_offsets(&text, Offsets::Utf16);
                assert!(!a.quotes.is_empty() && !a.locations.is_empty(), "{}", path.display());
                analyses.push(a);
            }
        }
        assert!(!analyses.is_empty());
        same_object_as_json_parse(&analyses);
    }

    #[test]
    fn same_object_as_json_parse_on_every_shape_and_value() {
        let span = Span::new(3, 1_000_000_007);
        let mut a = Analysis::default();
        // Every character that JSON escapes, and some that it does not.
        let name: String = (0u8..0x20).map(char::from).chain("\"\\/\u{7f}é“😀\u{2028}".chars()).collect();
        for (id, kind) in [EntityKind::Person, EntityKind::Organization, EntityKind::Group, EntityKind::Unknown].into_iter().enumerate() {
            let mentions = [MentionKind::Name, MentionKind::ShortName, MentionKind::Title, MentionKind::Pronoun, MentionKind::Nominal]
                .into_iter()
                .map(|kind| Mention { span, kind })
                .collect::<Vec<_>>();
            a.entities.push(Entity { id, name: name.clone(), kind, mentions: if id == 3 { Vec::new() } else { mentions } });
        }
        for (i, kind) in [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed, QuoteKind::Scare].into_iter().enumerate() {
            let some = i % 2 == 0;
            a.quotes.push(Quote {
                span,
                kind,
                // The largest index a wasm32 usize holds.
                speaker: some.then_some(u32::MAX as usize),
                speaker_mention: some.then_some(Span::new(0, 0)),
                cue: (!some).then_some(span),
                continues: some.then_some(0),
            });
        }
        // The coordinates of every place in the tables, and floats of other shapes.
        let mut coords: Vec<f64> = crate::tables::all_places().flat_map(|p| [f64::from(p.lat), f64::from(p.lon)]).collect();
        coords.extend([0.0, -0.0, 1.0, 0.1, 1e-7, 3.4e38, 1.7e308, f64::MIN_POSITIVE, 5e-324, f64::EPSILON, 1.0 / 3.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
        let kinds = [LocationKind::Country, LocationKind::Region, LocationKind::City, LocationKind::Area, LocationKind::Water];
        for (i, pair) in coords.chunks(2).enumerate() {
            a.locations.push(Location {
                span,
                name: name.clone(),
                kind: kinds[i % kinds.len()],
                country: (i % 3 != 0).then(|| "IR".to_string()),
                lat: (i % 7 != 0).then_some(pair[0]),
                lon: pair.get(1).copied(),
                dateline: i % 2 == 0,
                phrase: (i % 5 == 0).then_some(span),
            });
        }
        same_object_as_json_parse(&[a, Analysis::default()]);
    }
}
