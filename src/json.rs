//! The wasm's JSON writer: an [`Analysis`] as the JSON text that `wasm.rs` hands to
//! `JSON.parse`.
//!
//! Written by hand for the size of the wasm: serde's derived serializers and serde_json were
//! some kilobytes of the module for five fixed shapes. The text is byte for byte what
//! `serde_json::to_string` makes of the model's `Serialize` derives (the CLI still uses those),
//! which the tests below check: same field order, integers in decimal, strings escaped as
//! serde_json does, and `f32` in zmij's shortest form, the formatter serde_json itself calls.

use crate::model::{Analysis, EntityKind, LocationKind, MentionKind, QuoteKind, Span};

/// `{"offsets":<offsets>,"entities":[...],"quotes":[...],"locations":[...]}`.
pub(crate) fn analysis(a: &Analysis, offsets: &str) -> String {
    let mut w = Writer(String::with_capacity(256 + 160 * (a.entities.len() + a.quotes.len() + a.locations.len())));
    w.raw("{\"offsets\":");
    w.string(offsets);
    w.raw(",\"entities\":[");
    for (i, e) in a.entities.iter().enumerate() {
        w.comma(i);
        w.raw("{\"id\":");
        w.uint(e.id);
        w.raw(",\"name\":");
        w.string(&e.name);
        w.raw(",\"kind\":");
        w.string(entity_kind(e.kind));
        w.raw(",\"mentions\":[");
        for (j, m) in e.mentions.iter().enumerate() {
            w.comma(j);
            w.raw("{");
            w.span_fields(m.span);
            w.raw(",\"kind\":");
            w.string(mention_kind(m.kind));
            w.raw("}");
        }
        w.raw("]}");
    }
    w.raw("],\"quotes\":[");
    for (i, q) in a.quotes.iter().enumerate() {
        w.comma(i);
        w.raw("{");
        w.span_fields(q.span);
        w.raw(",\"kind\":");
        w.string(quote_kind(q.kind));
        w.raw(",\"speaker\":");
        w.opt_uint(q.speaker);
        w.raw(",\"speaker_mention\":");
        w.opt_span(q.speaker_mention);
        w.raw(",\"cue\":");
        w.opt_span(q.cue);
        w.raw(",\"continues\":");
        w.opt_uint(q.continues);
        w.raw("}");
    }
    w.raw("],\"locations\":[");
    for (i, l) in a.locations.iter().enumerate() {
        w.comma(i);
        w.raw("{");
        w.span_fields(l.span);
        w.raw(",\"name\":");
        w.string(&l.name);
        w.raw(",\"kind\":");
        w.string(location_kind(l.kind));
        w.raw(",\"country\":");
        match &l.country {
            Some(c) => w.string(c),
            None => w.raw("null"),
        }
        w.raw(",\"lat\":");
        w.opt_f32(l.lat);
        w.raw(",\"lon\":");
        w.opt_f32(l.lon);
        w.raw(if l.dateline { ",\"dateline\":true" } else { ",\"dateline\":false" });
        w.raw(",\"phrase\":");
        w.opt_span(l.phrase);
        w.raw("}");
    }
    w.raw("]}");
    w.0
}

// The names of the `#[serde(rename_all = "snake_case")]` enums.

fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Group => "group",
        EntityKind::Unknown => "unknown",
    }
}

fn mention_kind(k: MentionKind) -> &'static str {
    match k {
        MentionKind::Name => "name",
        MentionKind::ShortName => "short_name",
        MentionKind::Title => "title",
        MentionKind::Pronoun => "pronoun",
        MentionKind::Nominal => "nominal",
    }
}

fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Mixed => "mixed",
        QuoteKind::Scare => "scare",
    }
}

fn location_kind(k: LocationKind) -> &'static str {
    match k {
        LocationKind::Country => "country",
        LocationKind::Region => "region",
        LocationKind::City => "city",
        LocationKind::Area => "area",
        LocationKind::Water => "water",
    }
}

struct Writer(String);

impl Writer {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    /// The separator before item `i` of an array.
    fn comma(&mut self, i: usize) {
        if i > 0 {
            self.0.push(',');
        }
    }

    fn uint(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n as u64;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[at..] {
            self.0.push(char::from(d));
        }
    }

    fn opt_uint(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.uint(n),
            None => self.raw("null"),
        }
    }

    /// `"start":s,"end":e`: a `#[serde(flatten)]` span, or the inside of a span object.
    fn span_fields(&mut self, s: Span) {
        self.raw("\"start\":");
        self.uint(s.start);
        self.raw(",\"end\":");
        self.uint(s.end);
    }

    fn opt_span(&mut self, s: Option<Span>) {
        match s {
            Some(s) => {
                self.raw("{");
                self.span_fields(s);
                self.raw("}");
            }
            None => self.raw("null"),
        }
    }

    /// serde_json's `f32`: zmij's shortest form when finite, `null` otherwise.
    fn opt_f32(&mut self, x: Option<f32>) {
        match x {
            Some(x) if x.is_finite() => {
                let mut buf = zmij::Buffer::new();
                self.0.push_str(buf.format_finite(x));
            }
            _ => self.raw("null"),
        }
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00XX` (lowercase hex), everything else as it is.
    fn string(&mut self, s: &str) {
        self.0.push('"');
        let mut from = 0;
        for (i, b) in s.bytes().enumerate() {
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                0x08 => b'b',
                0x09 => b't',
                0x0A => b'n',
                0x0C => b'f',
                0x0D => b'r',
                0x00..=0x1F => b'u',
                _ => continue,
            };
            // Every escaped byte is ASCII, so `from..i` lies on char boundaries.
            self.0.push_str(&s[from..i]);
            self.0.push('\\');
            self.0.push(char::from(short));
            if short == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.0.push_str("00");
                self.0.push(char::from(HEX[usize::from(b >> 4)]));
                self.0.push(char::from(HEX[usize::from(b & 0xF)]));
            }
            from = i + 1;
        }
        self.0.push_str(&s[from..]);
        self.0.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Location, Mention, Quote};
    use crate::{analyze, Offsets};

    /// The shape that wasm.rs serialised with serde_json before this writer.
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

    #[test]
    fn same_text_as_serde_json_on_real_analyses() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                let a = analyze(&text).with_offsets(&text, Offsets::Utf16);
                assert!(!a.quotes.is_empty() && !a.locations.is_empty(), "{}", path.display());
                assert_eq!(analysis(&a, "utf16"), serde(&a, "utf16"), "{}", path.display());
                n += 1;
            }
        }
        assert!(n > 0);
    }

    #[test]
    fn same_text_as_serde_json_on_every_shape_and_value() {
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
                speaker: some.then_some(usize::MAX),
                speaker_mention: some.then_some(Span::new(0, 0)),
                cue: (!some).then_some(span),
                continues: some.then_some(0),
            });
        }
        // The coordinates of every place in the tables, and floats of other shapes.
        let mut coords: Vec<f32> = crate::tables::all_places().flat_map(|p| [p.lat, p.lon]).collect();
        coords.extend([0.0, -0.0, 1.0, 0.1, 1e-7, 3.4e38, f32::MIN_POSITIVE, f32::NAN, f32::INFINITY, f32::NEG_INFINITY]);
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
        assert_eq!(analysis(&a, "utf16"), serde(&a, "utf16"));
        assert_eq!(analysis(&Analysis::default(), "codepoint"), serde(&Analysis::default(), "codepoint"));
    }
}
