//! Quotation marks: which marks open, which close, which are apostrophes, and how they pair.
//!
//! The flanking test follows the idea of CommonMark's delimiter runs
//! (<https://spec.commonmark.org/0.31.2/#left-flanking-delimiter-run>): a mark with white space
//! or an opening bracket before it and a letter after it opens; a mark after a letter and before
//! white space or punctuation closes. Curly marks carry their role in their shape, with the
//! exceptions each style brings: „German“ and »German« reverse the usual pairs, ’ is far more
//! often an apostrophe than a closing mark. Pairing uses a stack capped at [`MAX_QUOTE_DEPTH`],
//! so any run of marks costs linear time.

use crate::lexicon::one_of;
use crate::model::Span;
use crate::text::{next_char, prev_char, Tk, Token};

/// The deepest nesting we track. Real text nests two or three levels; beyond this an opening
/// mark is ignored, which keeps 10,000 nested marks linear.
pub(crate) const MAX_QUOTE_DEPTH: usize = 16;

/// A paired quotation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuoteMarks {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quote runs to its paragraph's end
    /// without one.
    pub close: Option<usize>,
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// Depth of nesting: 0 for an outermost quote.
    pub depth: u16,
    /// The quote runs over more than one paragraph.
    pub multi_paragraph: bool,
}

/// The family of a mark, deciding which closers fit which openers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “ ” „ and straight ": any double closer fits any double opener, since real text mixes
    /// them (a straight opener closed by a curly mark after an editor's pass).
    Double,
    /// ‘ ’ ‚ and straight '.
    Single,
    /// « » (and reversed » «).
    Guillemet,
    /// ‹ › (and reversed).
    SingleGuillemet,
    /// 「 」
    Corner,
    /// 『 』
    WhiteCorner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks whose role depends on what is open.
    Either,
}

struct Open {
    tok: usize,
    family: Family,
    /// For guillemets: the char that closes this opener (» for «, « for a reversed »).
    closer: char,
    /// The opener began its paragraph, or followed a colon ("The mayor added: “I will stay
    /// ..."): a quote that may run to its paragraph's end without a closing mark, and over the
    /// next paragraphs when they open with a mark of its family (AP style). A mark opened
    /// elsewhere mid-paragraph and never closed was a stray one.
    runs_on: bool,
    /// The opener starts a sentence inside its paragraph ("“…,” Guardiola says. “In December
    /// people wrote us off ..."): it may run on into the next paragraph when that opens with a
    /// mark of its family (AP style again), but left open with no such paragraph after it, it
    /// was a stray mark.
    opens_sentence: bool,
}

impl Open {
    /// The quote may go on into the next paragraph, when that opens with a mark of its family.
    fn may_run_on(&self) -> bool {
        self.runs_on || self.opens_sentence
    }
}

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | '«' | '‹' | '„' | '‚' | ':')
        }
    }
}

fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || (!c.is_alphanumeric() && c != '\'' && c != '’'),
    }
}

/// Finds every paired quotation in `tokens`, sorted by start. `para_of[i]` is the paragraph of
/// token `i`.
pub(crate) fn find_quotes(text: &str, tokens: &[Token], para_of: &[u32]) -> Vec<QuoteMarks> {
    let mut out: Vec<QuoteMarks> = Vec::new();
    // The openers not yet closed, and those left open at a paragraph's end: two buffers
    // swapped at each paragraph, where taking the stack left it without room and its next
    // push allocated again (250 times in the 40-text profile).
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_QUOTE_DEPTH);
    let mut left: Vec<Open> = Vec::with_capacity(MAX_QUOTE_DEPTH);
    let later_single_close = later_single_closers(text, tokens, para_of);

    let mut i = 0;
    while i < tokens.len() {
        // Only punctuation (quote marks) and a paragraph's first token matter here, and a
        // paragraph starts only after a line break (`Doc::new`): the other tokens, most of
        // them, are passed over without the paragraph tests.
        if i > 0 && tokens[i].kind != Tk::Punct && tokens[i].breaks_before == 0 {
            i += 1;
            continue;
        }
        let para = para_of[i];
        let para_start = i == 0 || para_of[i - 1] != para;
        if para_start && i > 0 {
            // A new paragraph: quotes still open either continue (the next paragraph opens with
            // a mark of their family: AP style repeats the opening mark and omits the closing
            // one) or end unterminated.
            std::mem::swap(&mut stack, &mut left);
            stack.clear();
            let first_family = mark_of(text, tokens, i).and_then(|(fam, role, _)| {
                (role != Role::Close).then_some(fam)
            });
            let mut continued = false;
            if let (Some(fam), Some(last)) = (first_family, left.last()) {
                if last.family == fam && last.may_run_on() {
                    continued = true;
                }
            }
            if continued {
                // Keep only the quote being continued; anything nested in it is dropped.
                let outer_pos = left.iter().rposition(Open::may_run_on).unwrap_or(0);
                let mut keep = left.swap_remove(outer_pos);
                // Running over a paragraph shows it is a quote: at a later paragraph's end
                // without a closing mark it runs to that end.
                keep.runs_on = true;
                stack.push(keep);
                left.clear();
                i += 1; // the repeated opening mark belongs to the running quote
                continue;
            }
            // Unterminated: a quote that began its paragraph runs to the paragraph's end (a
            // writer forgot the closing mark); one that began mid-paragraph was a stray mark.
            for o in left.drain(..) {
                if o.runs_on && o.family != Family::Single {
                    let last = i - 1;
                    push_quote(&mut out, tokens, o.tok, None, last, 0);
                }
            }
        }
        let Some((family, role, ch)) = mark_of(text, tokens, i) else {
            i += 1;
            continue;
        };
        // Apostrophes: ’ and ' that close nothing, or sit where a writer elides letters.
        if family == Family::Single && is_apostrophe(text, tokens, i, &stack, &later_single_close) {
            i += 1;
            continue;
        }
        let open_pos = stack.iter().rposition(|o| fits(o, family, ch));
        let (l, r) = flanks(text, tokens, i);
        let closes = match (role, family) {
            (Role::Close, _) => open_pos.is_some(),
            (Role::Open, _) => false,
            // French sets guillemets off with spaces (« oui »), so flanking says little: a
            // guillemet closes whatever waits for it and opens otherwise.
            (_, Family::Guillemet | Family::SingleGuillemet) => open_pos.is_some(),
            (Role::Either, _) => open_pos.is_some() && (r || !l),
        };
        if closes {
            let k = open_pos.unwrap_or(0);
            // Openers above the match were never closed: drop them.
            stack.truncate(k + 1);
            let o = stack.pop().expect("k is in the stack");
            let depth = stack.len();
            let multi = para_of[o.tok] != para;
            let idx = push_quote(&mut out, tokens, o.tok, Some(i), i, depth);
            if multi {
                out[idx].multi_paragraph = true;
            }
        } else if role != Role::Close && stack.len() < MAX_QUOTE_DEPTH {
            let is_open = match (role, ch) {
                (Role::Open, _) | (_, '«' | '‹') => true,
                // A » or › that closes nothing opens a reversed (German, Danish) pair.
                _ => l,
            };
            if is_open {
                let closer = match ch {
                    '«' => '»',
                    '»' => '«',
                    '‹' => '›',
                    '›' => '‹',
                    _ => '\0',
                };
                let after_colon = !para_start && tokens[i - 1].kind == Tk::Punct && tokens[i - 1].first == ':';
                let opens_sentence = !para_start && tokens[i].space_before && tokens[i - 1].kind == Tk::Punct && matches!(tokens[i - 1].first, '.' | '?' | '!');
                stack.push(Open { tok: i, family, closer, runs_on: para_start || after_colon, opens_sentence });
            }
        }
        i += 1;
    }
    // End of text: quotes that began a paragraph run to the end.
    for o in stack {
        if o.runs_on && o.family != Family::Single && !tokens.is_empty() {
            push_quote(&mut out, tokens, o.tok, None, tokens.len() - 1, 0);
        }
    }
    crate::model::sort_by_keys(&mut out, |q| (q.span.start, crate::model::desc(q.span.end)));
    fix_depths(&mut out);
    out
}

fn push_quote(
    out: &mut Vec<QuoteMarks>,
    tokens: &[Token],
    open: usize,
    close: Option<usize>,
    last: usize,
    depth: usize,
) -> usize {
    out.push(QuoteMarks {
        open,
        close,
        span: Span::new(tokens[open].span().start, tokens[last].span().end),
        depth: depth as u16,
        multi_paragraph: false,
    });
    out.len() - 1
}

/// Recomputes depths after unterminated quotes were added out of order; keeps only properly
/// nested quotes (a quote that partly overlaps an earlier one is dropped).
fn fix_depths(quotes: &mut Vec<QuoteMarks>) {
    let mut kept: Vec<QuoteMarks> = Vec::with_capacity(quotes.len());
    let mut open: Vec<Span> = Vec::new();
    for q in quotes.drain(..) {
        while let Some(top) = open.last() {
            if top.end <= q.span.start {
                open.pop();
            } else {
                break;
            }
        }
        if let Some(top) = open.last() {
            if !top.contains(q.span) {
                continue;
            }
        }
        let mut q = q;
        q.depth = open.len() as u16;
        open.push(q.span);
        kept.push(q);
    }
    *quotes = kept;
}

fn fits(o: &Open, family: Family, ch: char) -> bool {
    if o.family != family {
        return false;
    }
    match family {
        Family::Guillemet | Family::SingleGuillemet => o.closer == ch,
        _ => true,
    }
}

/// (left-flanking, right-flanking) for the mark at token `i`.
fn flanks(text: &str, tokens: &[Token], i: usize) -> (bool, bool) {
    let t = tokens[i];
    let before = if t.space_before { Some(' ') } else { prev_char(text, t.span().start) };
    let after = if t.span().end < text.len() { Some(next_char(text, t.span().end)) } else { None };
    // `map_or(true, …)`, not `is_none_or`, which needs Rust 1.82 (Cargo.toml's rust-version
    // is 1.81).
    let after_space = after.map_or(true, |c| c.is_whitespace());
    let before_space = before.map_or(true, |c| c.is_whitespace());
    let left = !after_space && is_open_context(before);
    let right = !before_space && is_close_context(after);
    (left, right)
}

/// The family and role of the quote mark at token `i`, if it is one.
// Asked of every token: inlined, so that words (most tokens) are turned away without a call.
#[inline]
fn mark_of(text: &str, tokens: &[Token], i: usize) -> Option<(Family, Role, char)> {
    let t = tokens.get(i)?;
    if t.kind != Tk::Punct {
        return None;
    }
    punct_mark_of(text, tokens, i, t)
}

/// [`mark_of`] a punctuation token `t` at `i`.
fn punct_mark_of(text: &str, tokens: &[Token], i: usize, t: &Token) -> Option<(Family, Role, char)> {
    let c = t.first;
    // Two bytes first: slicing the text for every punctuation token cost more than the test.
    if t.span().len() == 2 && one_of(text.get(t.span().start..t.span().end).unwrap_or(""), &["''", "``"]) {
        // '' and `` (see text.rs): a double mark.
        return Some((Family::Double, if c == '`' { Role::Open } else { Role::Either }, '"'));
    }
    let (family, role) = match c {
        '"' | '＂' => (Family::Double, Role::Either),
        '“' => {
            // „German“ closes with “; elsewhere “ opens. A “ that is right- and not
            // left-flanking closes too (a typo'd closing mark).
            let (l, r) = flanks(text, tokens, i);
            (Family::Double, if r && !l { Role::Either } else { Role::Open })
        }
        '„' | '‟' => (Family::Double, Role::Open),
        '”' => {
            // Some writers use ” for both marks (Swedish, Finnish style): left-flanking only.
            let (l, r) = flanks(text, tokens, i);
            (Family::Double, if l && !r { Role::Either } else { Role::Close })
        }
        '\'' => (Family::Single, Role::Either),
        '‘' | '‚' | '‛' => (Family::Single, Role::Open),
        '’' => (Family::Single, Role::Close),
        '«' => (Family::Guillemet, Role::Either),
        '»' => (Family::Guillemet, Role::Either),
        '‹' => (Family::SingleGuillemet, Role::Either),
        '›' => (Family::SingleGuillemet, Role::Either),
        '「' => (Family::Corner, Role::Open),
        '」' => (Family::Corner, Role::Close),
        '『' => (Family::WhiteCorner, Role::Open),
        '』' => (Family::WhiteCorner, Role::Close),
        _ => return None,
    };
    // Guillemets: « opens and » closes in French and most styles; in German and Danish
    // »reversed« marks open with ». Decide by flanking and by what is open.
    Some((family, role, c))
}

/// True when the single mark at `i` is an apostrophe rather than a quotation mark.
fn is_apostrophe(text: &str, tokens: &[Token], i: usize, stack: &[Open], later_close: &[bool]) -> bool {
    let c = tokens[i].first;
    let after = tokens.get(i + 1).filter(|n| !n.space_before);
    let after_text = after.map(|n| text.get(n.span().start..n.span().end).unwrap_or(""));
    // Elisions: ’90s, 'em, ’til, 'cause, rock ’n’ roll.
    if let Some(a) = after_text {
        if tokens[i + 1].kind == Tk::Number {
            return true;
        }
        let lower = a.to_ascii_lowercase();
        if one_of(lower.as_str(), &["em", "til", "tis", "twas", "cause", "n", "bout", "round", "nuff"]) {
            // 'round and 'cause are rare enough as quoted words that the elision wins.
            return true;
        }
    }
    if i > 0 && !tokens[i].space_before {
        let prev = text.get(tokens[i - 1].span().start..tokens[i - 1].span().end).unwrap_or("");
        if prev == "n" && i >= 2 && matches!(tokens[i - 2].first, '’' | '\'') {
            return true; // the second mark of ’n’
        }
    }
    let single_open = stack.iter().any(|o| o.family == Family::Single);
    let (left, right) = flanks(text, tokens, i);
    match c {
        '‘' | '‚' | '‛' => false,
        '’' => {
            if !single_open {
                return true; // Jones’ house, countries’ leaders: nothing to close
            }
            // Possessive plural inside a single quote ('the Jones’ house'): when another closing
            // mark follows in this paragraph and this one is followed by a lowercase word, this
            // one is the apostrophe.
            let next_lower = tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == Tk::Word && n.first.is_lowercase());
            let prev_s = prev_char(text, tokens[i].span().start).is_some_and(|p| p == 's' || p == 'S');
            !right || (prev_s && next_lower && later_close[i])
        }
        _ => {
            // Straight ': opens when left-flanking, closes an open single when right-flanking.
            if left && !right {
                return false;
            }
            if right && single_open {
                let next_lower = tokens
                    .get(i + 1)
                    .is_some_and(|n| n.kind == Tk::Word && n.first.is_lowercase());
                let prev_s = prev_char(text, tokens[i].span().start).is_some_and(|p| p == 's' || p == 'S');
                return prev_s && next_lower && later_close[i];
            }
            true
        }
    }
}

/// `out[i]`: a right-flanking single closing mark follows token `i` in its paragraph.
fn later_single_closers(text: &str, tokens: &[Token], para_of: &[u32]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut seen = false;
    // The paragraph of the token after, read as the loop goes (none after the last token).
    let mut next_para = None;
    for (i, ((o, t), &p)) in out.iter_mut().zip(tokens).zip(para_of).enumerate().rev() {
        if Some(p) != next_para {
            seen = false;
        }
        next_para = Some(p);
        *o = seen;
        if t.kind == Tk::Punct {
            let c = t.first;
            if (c == '’' || c == '\'') && flanks(text, tokens, i).1 {
                seen = true;
            }
        }
    }
    out
}
