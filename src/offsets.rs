//! Offset conversion for the edges: the core speaks bytes; JavaScript indexes strings in UTF-16
//! code units and Python in code points. Only `wasm.rs` and `main.rs` call this.

use crate::model::{Analysis, Span};

/// The unit in which spans are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offsets {
    /// Bytes of UTF-8 (the core's own unit; Rust `str` indices).
    Utf8,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
    /// Unicode scalar values (Python string indices).
    CodePoint,
}

impl Offsets {
    /// The name used in JSON output: `"utf8"`, `"utf16"` or `"codepoint"`.
    pub fn name(self) -> &'static str {
        match self {
            Offsets::Utf8 => "utf8",
            Offsets::Utf16 => "utf16",
            Offsets::CodePoint => "codepoint",
        }
    }
}

/// Maps sorted byte offsets of one text to another unit in a single pass over the text.
struct Mapper {
    /// Each registered offset and its units, in order: those inside the text first.
    pairs: Vec<(usize, usize)>,
    /// The registered offsets inside the text, one bit per byte position.
    marked: Vec<u64>,
    /// For each word of `marked`, the bits set in the words before it: the index in `pairs`
    /// of an offset inside the text is found from these without a search (the binary search
    /// per offset was a fifth of the conversion).
    rank: Vec<usize>,
    /// The text's length: offsets up to it are the marked ones.
    len: usize,
}

/// The units of `unit` in `s`. Counting bytes is what makes this fast: code points are the bytes
/// that are not continuation bytes (std's `count` does that a word at a time), and a char takes
/// two UTF-16 units exactly when its first byte is 0xF0 or more.
fn count_units(s: &str, unit: Offsets) -> usize {
    // Most stretches between two offsets are ASCII, one unit a byte in every unit: `is_ascii`
    // reads a word at a time where the char count of a short stretch went byte by byte.
    if s.is_ascii() {
        return s.len();
    }
    match unit {
        Offsets::Utf8 => s.len(),
        Offsets::CodePoint => s.chars().count(),
        Offsets::Utf16 => s.chars().count() + s.bytes().filter(|&b| b >= 0xF0).count(),
    }
}

impl Mapper {
    fn new(text: &str, wanted: Vec<usize>, unit: Offsets) -> Mapper {
        // The offsets in order and without repeats. Those inside the text as one bit per byte
        // position, read back in order: sorting them (through `sort_by_keys`, the crate's one
        // sort) was 2% of the CLI's instructions. Those beyond it (never produced by the
        // core) are sorted and come after.
        let mut marked = vec![0u64; text.len() / 64 + 1];
        let mut beyond = Vec::new();
        for &w in &wanted {
            match marked.get_mut(w / 64) {
                Some(bits) if w <= text.len() => *bits |= 1 << (w % 64),
                _ => beyond.push(w),
            }
        }
        crate::model::sort_by_keys(&mut beyond, |&w| (w, 0));
        beyond.dedup();
        let in_order = marked.iter().enumerate().flat_map(|(k, &bits)| {
            let mut bits = bits;
            std::iter::from_fn(move || {
                // The lowest bit left, then clear it.
                let b = bits.trailing_zeros() as usize;
                (bits != 0).then(|| {
                    bits &= bits - 1;
                    k * 64 + b
                })
            })
        });
        let mut pairs = Vec::with_capacity(wanted.len());
        let wanted = in_order.chain(beyond);
        // `at` is a char boundary and `units` the units before it; both only grow.
        let (mut at, mut units) = (0usize, 0usize);
        for w in wanted {
            // An offset inside a char (never produced by the core) maps to the end of that
            // char; one past the end of the text, to the end.
            let mut to = w.min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            let to = to.max(at);
            units += count_units(&text[at..to], unit);
            at = to;
            pairs.push((w, units));
        }
        let mut rank = Vec::with_capacity(marked.len());
        let mut before = 0;
        for bits in &marked {
            rank.push(before);
            before += bits.count_ones() as usize;
        }
        Mapper { pairs, marked, rank, len: text.len() }
    }

    fn map(&self, byte: usize) -> usize {
        let w = byte / 64;
        let i = match (self.marked.get(w), self.rank.get(w)) {
            (Some(&bits), Some(&rank)) if byte <= self.len => {
                let bit = 1u64 << (byte % 64);
                if bits & bit == 0 {
                    return 0; // unreachable: every offset was registered in `new`
                }
                rank + (bits & (bit - 1)).count_ones() as usize
            }
            // Beyond the text: after the marked ones, in order.
            _ => match self.pairs.binary_search_by_key(&byte, |p| p.0) {
                Ok(i) => i,
                Err(_) => return 0, // unreachable, as above
            },
        };
        self.pairs.get(i).map_or(0, |p| p.1)
    }

    fn span(&self, s: Span) -> Span {
        Span::new(self.map(s.start), self.map(s.end))
    }
}

fn all_spans(a: &Analysis) -> Vec<usize> {
    // Sized up front (at most two offsets for each span below): growing the vector copied it
    // several times for a long text.
    let spans = a.entities.iter().map(|e| e.mentions.len()).sum::<usize>() + 3 * a.quotes.len() + 2 * a.locations.len();
    let mut v = Vec::with_capacity(2 * spans);
    let mut add = |s: Span| {
        v.push(s.start);
        v.push(s.end);
    };
    for e in &a.entities {
        e.mentions.iter().for_each(|m| add(m.span));
    }
    for q in &a.quotes {
        add(q.span);
        q.speaker_mention.into_iter().chain(q.cue).for_each(&mut add);
    }
    a.locations.iter().for_each(|l| {
        add(l.span);
        l.phrase.into_iter().for_each(&mut add);
    });
    v
}

impl Analysis {
    /// A copy of this analysis with every span counted in `unit` instead of bytes.
    ///
    /// `text` must be the text that was analysed. Call this at an edge only, just before the
    /// result leaves Rust.
    ///
    /// ```
    /// use quotelens::{analyze, Offsets};
    /// let text = "😀 “Hi,” she said.";
    /// let a = analyze(text).with_offsets(text, Offsets::Utf16);
    /// let q = &a.quotes[0];
    /// let utf16: Vec<u16> = text.encode_utf16().collect();
    /// assert_eq!(String::from_utf16_lossy(&utf16[q.span.start..q.span.end]), "“Hi,”");
    /// ```
    pub fn with_offsets(&self, text: &str, unit: Offsets) -> Analysis {
        self.clone().into_offsets(text, unit)
    }

    /// [`Analysis::with_offsets`] in place, without the copy: the CLI and the wasm analyse and
    /// convert once, and the copy's allocations were 1 to 2% of the CLI's instructions.
    ///
    /// ```
    /// use quotelens::{analyze, Offsets};
    /// let text = "😀 “Hi,” she said.";
    /// let a = analyze(text);
    /// assert_eq!(a.with_offsets(text, Offsets::Utf16), a.clone().into_offsets(text, Offsets::Utf16));
    /// ```
    pub fn into_offsets(self, text: &str, unit: Offsets) -> Analysis {
        if unit == Offsets::Utf8 {
            return self;
        }
        let m = Mapper::new(text, all_spans(&self), unit);
        let mut out = self;
        for e in &mut out.entities {
            for mention in &mut e.mentions {
                mention.span = m.span(mention.span);
            }
        }
        for q in &mut out.quotes {
            q.span = m.span(q.span);
            q.speaker_mention = q.speaker_mention.map(|s| m.span(s));
            q.cue = q.cue.map(|s| m.span(s));
        }
        for l in &mut out.locations {
            l.span = m.span(l.span);
            l.phrase = l.phrase.map(|s| m.span(s));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_astral_and_curly_chars() {
        // "😀" is 4 bytes, 2 UTF-16 units, 1 code point; "“" is 3 bytes, 1 unit, 1 code point.
        let text = "😀“a”";
        let m16 = Mapper::new(text, vec![0, 4, 7, 8, 11], Offsets::Utf16);
        assert_eq!([0, 4, 7, 8, 11].map(|b| m16.map(b)), [0, 2, 3, 4, 5]);
        let mcp = Mapper::new(text, vec![0, 4, 7, 8, 11], Offsets::CodePoint);
        assert_eq!([0, 4, 7, 8, 11].map(|b| mcp.map(b)), [0, 1, 2, 3, 4]);
    }
}
