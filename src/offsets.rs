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

/// Maps the byte offsets of one text to another unit, each in constant time, from a table
/// made in one pass over the text. Registering the offsets first, ordering them and counting
/// the stretches between them cost about 180 instructions an offset (2.7% of the 40-text
/// profile); the table costs a few instructions per 8 bytes of ASCII text.
struct Mapper {
    /// One entry per 64 bytes of text (and one more for the end): the units before the block,
    /// and the block's bytes that start a unit (one bit each, bit `i` for byte `i`) and that
    /// start a second one (the first byte of a 4-byte char in UTF-16).
    blocks: Vec<(usize, u64, u64)>,
    /// The text's length: an offset beyond it maps to the end.
    len: usize,
}

impl Mapper {
    fn new(text: &str, unit: Offsets) -> Mapper {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut units = 0usize;
        // `chunks` gives no chunk for an empty text; the end's entry is pushed below.
        for block in bytes.chunks(64) {
            // Most blocks of news text are ASCII: one unit a byte in every unit.
            if block.len() == 64 && block.is_ascii() {
                blocks.push((units, u64::MAX, 0));
                units += 64;
                continue;
            }
            let (mut first, mut second) = (0u64, 0u64);
            for (k, eight) in block.chunks(8).enumerate() {
                // The bytes as one word, byte `j` in bits 8j..8j+8 (a short last chunk padded
                // with zeros, whose bits are cleared below).
                // (A whole chunk as an array: the copy into a zeroed one was a memcpy call for
                // every eight bytes in the wasm build.)
                let w = u64::from_le_bytes(<[u8; 8]>::try_from(eight).unwrap_or_else(|_| {
                    let mut w = [0u8; 8];
                    w[..eight.len()].copy_from_slice(eight);
                    w
                }));
                let valid = (1u64 << eight.len()) - 1;
                // A code point and at least one UTF-16 unit start at every byte that is not a
                // continuation byte (0b10xxxxxx, high bit set and the next one clear); a char
                // takes two UTF-16 units exactly when its first byte is 0xF0 or more (its four
                // high bits set).
                let continuation = w & !(w << 1);
                first |= (high_bits(!continuation) & valid) << (8 * k);
                if unit == Offsets::Utf16 {
                    second |= (high_bits(w & (w << 1) & (w << 2) & (w << 3)) & valid) << (8 * k);
                }
            }
            blocks.push((units, first, second));
            units += (first.count_ones() + second.count_ones()) as usize;
        }
        if bytes.len() % 64 == 0 {
            blocks.push((units, u64::MAX, 0));
        }
        Mapper { blocks, len: bytes.len() }
    }

    /// The units before byte `byte`: the units of the chars that start before it. So an offset
    /// inside a char (never produced by the core) maps to the end of that char, and one past
    /// the end of the text to the end.
    fn map(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let Some(&(before, first, second)) = self.blocks.get(byte / 64) else {
            return 0; // unreachable: there is a block for every offset up to the length
        };
        if (first, second) == (u64::MAX, 0) {
            // An ASCII block: no need to count bits (which takes a dozen instructions
            // without a popcount instruction in the baseline x86-64).
            return before + byte % 64;
        }
        let below = (1u64 << (byte % 64)) - 1;
        // Astral chars are rare: most blocks have no second units to count.
        let seconds = if second == 0 { 0 } else { (second & below).count_ones() as usize };
        before + (first & below).count_ones() as usize + seconds
    }

    fn span(&self, s: Span) -> Span {
        Span::new(self.map(s.start), self.map(s.end))
    }
}

/// The high bit of each byte of `w` gathered into the low byte: bit 7 of byte `j` becomes bit
/// `j`. Multiplying by 0x0102040810204080 moves bit 8j to bit 56 + j, with every other product
/// of two bits at a distinct place outside bits 56..64 (so no carry reaches them).
fn high_bits(w: u64) -> u64 {
    (((w >> 7) & 0x0101_0101_0101_0101).wrapping_mul(0x0102_0408_1020_4080)) >> 56
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
        let m = Mapper::new(text, unit);
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
        let m16 = Mapper::new(text, Offsets::Utf16);
        assert_eq!([0, 4, 7, 8, 11].map(|b| m16.map(b)), [0, 2, 3, 4, 5]);
        let mcp = Mapper::new(text, Offsets::CodePoint);
        assert_eq!([0, 4, 7, 8, 11].map(|b| mcp.map(b)), [0, 1, 2, 3, 4]);
        // Inside a char: the end of that char; beyond the text: its end.
        assert_eq!([1, 2, 5, 12, 100].map(|b| m16.map(b)), [2, 2, 3, 5, 5]);
        assert_eq!([1, 2, 5, 12, 100].map(|b| mcp.map(b)), [1, 1, 2, 4, 4]);
    }

    #[test]
    fn maps_every_offset_as_counting_does() {
        // Texts across block boundaries (64 bytes), with ASCII and other chars mixed.
        let mut text = String::new();
        for i in 0..300 {
            text.push(match i % 7 {
                0 => '😀',
                1 => 'é',
                2 => '“',
                _ => 'a',
            });
        }
        for unit in [Offsets::Utf16, Offsets::CodePoint] {
            for cut in 0..=text.len() {
                if !text.is_char_boundary(cut) {
                    continue;
                }
                let t = &text[..cut];
                let m = Mapper::new(t, unit);
                for b in 0..=t.len() + 2 {
                    // The end of the char holding `b`, as offsets of the core never are.
                    let mut to = b.min(t.len());
                    while !t.is_char_boundary(to) {
                        to += 1;
                    }
                    let want = match unit {
                        Offsets::Utf16 => t[..to].encode_utf16().count(),
                        _ => t[..to].chars().count(),
                    };
                    assert_eq!(m.map(b), want, "{unit:?} {cut} {b}");
                }
            }
        }
    }
}
