//! The first pass: text -> tokens, each knowing the line breaks before it.
//!
//! Words keep their inner apostrophes, hyphens and the dots of initialisms ("don't", "Qatar's",
//! "al-Assad", "U.S."), so that later passes never mistake an apostrophe for a quote mark and
//! never split a name. Everything else that is not white space is a one-char punctuation token.

use crate::model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    /// Letters (and digits) with inner apostrophes, hyphens or initialism dots.
    Word,
    /// Starts with a digit: "2024", "3.5", "1,000", "90s".
    Number,
    /// One char of anything else: punctuation, quote marks, symbols.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// The token's bytes in the text, `start..end`, as `u32`s: 16 bytes a token instead of 24,
    /// read by nearly every pass (see `Doc`'s `Facts`). [`Token::span`] gives them as a span.
    /// They fit: `analyze` reads at most 4 GiB of a text (`MAX_TEXT_BYTES`).
    start: u32,
    end: u32,
    pub kind: Tk,
    /// White space (of any kind) stands right before this token.
    pub space_before: bool,
    /// Line breaks right before this token: 0, 1, or 2 for a paragraph break (two or more).
    pub breaks_before: u8,
    /// A word that starts with an uppercase letter. With `first`, computed once here: the passes
    /// ask `Doc::is_cap` and `Doc::first_char` of every token many times over, and decoding the
    /// char and looking up its case each time was about 5% of all the work. Both fit in the
    /// padding of the struct (24 bytes either way).
    pub cap: bool,
    /// The token's first char.
    pub first: char,
}

/// `ASCII_ALNUM[b]`: byte `b` is an ASCII letter or digit (`u8::is_ascii_alphanumeric`).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Chars that may stand inside a word between two letters.
fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '.' | '·')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (decomposed accents) belong to the letter before them.
fn is_mark(c: char) -> bool {
    // Nothing below U+0300 is a mark: one comparison for all the ASCII and Latin-1 chars.
    c as u32 >= 0x0300 && matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Splits `text` into tokens. Linear in the text's length.
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(text, |t, _| out.push(t));
    out
}

/// Calls `f` with each token of `text` in order, and whether the token is ASCII: the scan
/// knows which chars it decoded, where `str::is_ascii` of each token afterwards was 1.4% of
/// all the work. Linear in the text's length.
#[inline]
pub(crate) fn for_each_token(text: &str, mut f: impl FnMut(Token, bool)) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut space_before = false;
    let mut breaks: u8 = 0;
    while i < text.len() {
        // ASCII white space, the commonest char, without decoding.
        match b[i] {
            b' ' | b'\t' | b'\r' | 0x0B | 0x0C => {
                space_before = true;
                i += 1;
                continue;
            }
            b'\n' => {
                space_before = true;
                breaks = breaks.saturating_add(1).min(2);
                i += 1;
                continue;
            }
            _ => {}
        }
        // An ASCII char is its byte (the ASCII white space went above).
        let c = if b[i].is_ascii() { char::from(b[i]) } else { next_char(text, i) };
        // The typographic marks of news text, known to be neither white space nor word chars:
        // decided without the Unicode tables, which cost a search for each.
        let typographic = matches!(c, '“' | '”' | '‘' | '’' | '—' | '–' | '…');
        if !typographic && !c.is_ascii() && c.is_whitespace() {
            space_before = true;
            if c == '\n' || c == '\u{2029}' || c == '\u{2028}' {
                breaks = breaks.saturating_add(1).min(2);
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let first = c;
        let kind;
        // No char outside ASCII so far.
        let mut ascii = c.is_ascii();
        if !typographic && is_word_char(c) {
            kind = if c.is_ascii_digit() { Tk::Number } else { Tk::Word };
            i += c.len_utf8();
            let mut letters_in_part = 1usize;
            let mut initialism = !c.is_ascii_digit() && c.is_alphabetic();
            loop {
                // ASCII letters and digits, the bulk of every word, without decoding: one table
                // read per byte, and the count taken from the distance afterwards (the loop
                // was a quarter of tokenizing with the range tests and a counter per byte).
                let part_from = i;
                while i < b.len() && ASCII_ALNUM[usize::from(b[i])] {
                    i += 1;
                }
                letters_in_part += i - part_from;
                if letters_in_part > 1 {
                    initialism = false;
                }
                if i >= text.len() {
                    break;
                }
                // An ASCII char that is no letter, digit or joiner ends the word: the usual
                // case (a space, a comma), decided without decoding or the tests below.
                if b[i].is_ascii() && !matches!(b[i], b'\'' | b'-' | b'.' | b',' | b':') {
                    break;
                }
                let d = next_char(text, i);
                if is_word_char(d) {
                    ascii &= d.is_ascii();
                    i += d.len_utf8();
                    letters_in_part += 1;
                    if letters_in_part > 1 {
                        initialism = false;
                    }
                    continue;
                }
                if is_inner_joiner(d) || (kind == Tk::Number && (d == ',' || d == ':')) {
                    let after = i + d.len_utf8();
                    let e = if after < text.len() { Some(next_char(text, after)) } else { None };
                    let joins = match (d, e) {
                        // Dots join only initialisms ("U.S.", "U.N.") and decimals ("3.5").
                        ('.', Some(e)) => {
                            (kind == Tk::Number && e.is_ascii_digit())
                                || (initialism && e.is_alphabetic() && is_single_letter_then_dot(text, after))
                        }
                        (',' | ':', Some(e)) => e.is_ascii_digit() && kind == Tk::Number,
                        (_, Some(e)) => is_word_char(e),
                        _ => false,
                    };
                    if joins {
                        ascii &= d.is_ascii();
                        i = after;
                        letters_in_part = 0;
                        continue;
                    }
                    // The last dot of an initialism belongs to it: "U.S." not "U.S" + ".".
                    if d == '.' && initialism && letters_in_part == 1 && b[start..i].contains(&b'.') {
                        i = after;
                    }
                }
                break;
            }
        } else {
            kind = Tk::Punct;
            i += c.len_utf8();
            // Typewriter double quotes: '' and `` stand for one mark (the New York Times
            // archive style and TeX style).
            if (c == '\'' || c == '`') && b.get(i) == Some(&(c as u8)) {
                i += 1;
            }
        }
        let cap = kind == Tk::Word && first.is_uppercase();
        f(Token { start: offset(start), end: offset(i), kind, space_before, breaks_before: breaks, cap, first }, ascii);
        space_before = false;
        breaks = 0;
    }
}

/// A byte offset as a [`Token`] keeps it.
pub(crate) fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl Token {
    /// The token's bytes in the text.
    #[inline]
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// True when `text[at..]` starts with one letter followed by a dot ("S." in "U.S.").
fn is_single_letter_then_dot(text: &str, at: usize) -> bool {
    let mut it = text.get(at..).unwrap_or("").chars();
    matches!((it.next(), it.next()), (Some(l), Some('.')) if l.is_alphabetic())
}

/// Calls `f` with `w.to_lowercase()`, lowercased into a buffer on the stack when `w` is short
/// ASCII (nearly every word): the look-ups of single words in the word lists made a String for
/// each, and malloc and free were a tenth of all the work.
pub(crate) fn with_lowercase<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(lw) = std::str::from_utf8(b) {
            return f(lw);
        }
    }
    f(&crate::case::lowercase(w))
}

/// `w.strip_suffix('.').unwrap_or(w)` by a byte test: the char pattern's searcher cost about
/// 40 instructions a call, and the passes ask for dot-less words tens of thousands of times.
#[inline]
pub(crate) fn strip_dot(w: &str) -> &str {
    match w.as_bytes().last() {
        // '.' is one byte, so the cut is at a char boundary.
        Some(b'.') => w.get(..w.len() - 1).unwrap_or(""),
        _ => w,
    }
}

/// The char starting at byte `i`, which must be a char boundary inside `text`.
#[inline]
pub(crate) fn next_char(text: &str, i: usize) -> char {
    text.get(i..).unwrap_or("").chars().next().unwrap_or('\0')
}

/// The char ending at byte `i` (the one before it), if any.
pub(crate) fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i).unwrap_or("").chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span().start..t.span().end]).collect()
    }

    #[test]
    fn keeps_apostrophes_hyphens_and_initialisms() {
        assert_eq!(
            words("Qatar's al-Assad don't U.S. forces, 3.5 1,000."),
            ["Qatar's", "al-Assad", "don't", "U.S.", "forces", ",", "3.5", "1,000", "."]
        );
        assert_eq!(words("the U.S."), ["the", "U.S."]);
        assert_eq!(words("Mr. Smith"), ["Mr", ".", "Smith"]);
        assert_eq!(words("“Yes,” he"), ["“", "Yes", ",", "”", "he"]);
        assert_eq!(words("''Yes,'' he"), ["''", "Yes", ",", "''", "he"]);
    }

    #[test]
    fn typographic_marks_are_no_word_chars() {
        for c in ['“', '”', '‘', '’', '—', '–', '…'] {
            assert!(!c.is_whitespace() && !is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn knows_which_tokens_are_ascii() {
        let text = "Qatar’s al-Assad ÀÉ naïve U.S. 3.5 ’90s “x” '' é-a a-é Ǆ x\u{301}y ok.";
        let mut n = 0;
        for_each_token(text, |t, ascii| {
            assert_eq!(ascii, text[t.span().start..t.span().end].is_ascii(), "{:?}", &text[t.span().start..t.span().end]);
            n += 1;
        });
        assert!(n > 15);
    }

    #[test]
    fn counts_breaks() {
        let t = tokenize("a\nb\n\n\nc");
        assert_eq!(t.iter().map(|t| t.breaks_before).collect::<Vec<_>>(), [0, 1, 2]);
    }
}
