//! The `quotelens` command: reads news text, prints what [`quotelens::analyze`] finds as JSON.
//!
//! This file only parses arguments, reads input, converts offsets and writes output; every
//! decision about quotes, speakers and places is made by the library.

use std::borrow::Cow;
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;

use quotelens::{analyze, Analysis, EntityKind, MentionKind, Offsets, QuoteKind, Span};
use rayon::prelude::*;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// mimalloc for the CLI: a few hundred short-lived allocations per text made glibc's malloc,
/// free and realloc ~12% of the instructions. The library and the wasm keep their own.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HELP: &str = "\
quotelens: who is quoted, and where it happens. Finds quotes, speakers and places in news text.

Usage: quotelens [OPTIONS] [PATH]

Reads one text from PATH (standard input when PATH is absent or \"-\") and prints what it finds
as JSON: \"entities\" (people, organisations, groups, with every mention), \"quotes\" (direct,
indirect, mixed and scare quotes, with speaker and cue) and \"locations\" (places).

Options:
      --offsets UNIT   count span offsets in UNIT: codepoint (the default; Python string
                       indices), utf16 (JavaScript string indices) or utf8 (bytes)
  -f, --format FMT     json (the default): the full analysis, with a \"text\" field on each
                       quote, mention and location;
                       eval: one line in the prediction format of the project's scorer:
                       {\"id\", \"offsets\", \"quotes\": [{\"start\", \"end\", \"speaker\", \"direct\"}],
                       \"locations\": [[s, e]], \"persons\": [[s, e]]}. Scare quotes are left out,
                       \"direct\" is true for direct quotes only, \"speaker\" is the span of the
                       mention naming the speaker, \"persons\" are the name and title mentions of
                       person entities.
      --jsonl          batch mode: read JSON lines {\"id\": ..., \"text\": \"...\"} (other fields are
                       ignored) and write one compact result line per input line, in input
                       order, each starting with the line's \"id\". Blank lines are skipped.
                       Lines are analysed in parallel, in bounded chunks: memory stays flat
                       whatever the input size.
      --id ID          the \"id\" of the result for a single text (default: none in json;
                       PATH, or null for standard input, in eval)
      --no-text        leave out the \"text\" fields of the json format
      --compact        write a single text's json result on one line (--jsonl and eval
                       always do)
  -j, --threads N      worker threads for --jsonl (default: one per core)
  -h, --help           print this help
  -V, --version        print the version

Input that is not valid UTF-8 is decoded with U+FFFD in place of the bad bytes, and a warning
on standard error says how many bytes were replaced; offsets count in the decoded text.

With --jsonl, escapes of lone UTF-16 surrogates (\\ud800 without its pair, as JavaScript and
Python may write) are read as U+FFFD, with a warning; offsets are unchanged by this, since both
count as one unit. A line that is not a JSON object with a string \"text\" and a string or number
\"id\" gives the line {\"id\": <its id, or null>, \"error\": \"...\"} in its place and a warning on
standard error naming the line number; the other lines are processed as usual.

Exit status: 0 on success; 1 when, with --jsonl, one or more lines gave an error line (every
other line was still written); 2 on bad arguments, an unreadable PATH or an output error.

Examples:
  quotelens article.txt
  echo '\"We will not give in,\" Marie Dubois said.' | quotelens --offsets utf16
  quotelens --jsonl docs.jsonl > results.jsonl
  quotelens --jsonl --format eval gold.jsonl > preds.jsonl
";

/// Lines per chunk of `--jsonl` input for each worker thread (a chunk is analysed in parallel).
const LINES_PER_THREAD: usize = 64;
/// Fewest lines in a chunk, so that small machines still batch.
const MIN_CHUNK_LINES: usize = 256;
/// A chunk ends once it holds this many bytes of input, whatever its line count.
const MAX_CHUNK_BYTES: usize = 16 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Eval,
}

#[derive(Debug)]
struct Options {
    path: Option<PathBuf>,
    jsonl: bool,
    format: Format,
    offsets: Offsets,
    text: bool,
    compact: bool,
    id: Option<String>,
    threads: Option<usize>,
}

enum Command {
    Run(Options),
    Help,
    Version,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;

    let mut o = Options {
        path: None,
        jsonl: false,
        format: Format::Json,
        offsets: Offsets::CodePoint,
        text: true,
        compact: false,
        id: None,
        threads: None,
    };
    let mut offsets_given = false;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Long("jsonl") => o.jsonl = true,
            Long("no-text") => o.text = false,
            Long("compact") => o.compact = true,
            Short('f') | Long("format") => {
                o.format = match parser.value()?.string()?.as_str() {
                    "json" => Format::Json,
                    "eval" => Format::Eval,
                    other => {
                        return Err(
                            format!("unknown format {other:?} (expected json or eval)").into()
                        )
                    }
                }
            }
            Long("offsets") => {
                offsets_given = true;
                o.offsets = match parser.value()?.string()?.as_str() {
                    "codepoint" | "codepoints" => Offsets::CodePoint,
                    "utf16" | "utf-16" => Offsets::Utf16,
                    "utf8" | "utf-8" | "bytes" => Offsets::Utf8,
                    other => {
                        return Err(format!(
                            "unknown offset unit {other:?} (expected codepoint, utf16 or utf8)"
                        )
                        .into())
                    }
                }
            }
            Long("id") => o.id = Some(parser.value()?.string()?),
            Short('j') | Long("threads") => o.threads = Some(parser.value()?.parse()?),
            Value(v) if o.path.is_none() => {
                o.path = if v == "-" {
                    None
                } else {
                    Some(PathBuf::from(v))
                };
            }
            _ => return Err(arg.unexpected()),
        }
    }
    if o.format == Format::Eval && offsets_given && o.offsets == Offsets::Utf8 {
        return Err(
            "--format eval writes codepoint or utf16 offsets (the scorer reads no others)".into(),
        );
    }
    if o.jsonl && o.id.is_some() {
        return Err("--id names a single text; with --jsonl each line carries its own id".into());
    }
    Ok(Command::Run(o))
}

/// Decodes bytes as UTF-8, replacing each invalid sequence by U+FFFD like
/// `String::from_utf8_lossy`. Returns the text and the number of bytes that were replaced.
fn decode(bytes: Vec<u8>) -> (String, usize) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, 0),
        Err(e) => {
            let bytes = e.into_bytes();
            let mut text = String::with_capacity(bytes.len() + 16);
            let mut replaced = 0;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    replaced += chunk.invalid().len();
                    text.push(char::REPLACEMENT_CHARACTER);
                }
            }
            (text, replaced)
        }
    }
}

fn replaced_warning(replaced: usize) -> String {
    format!(
        "input is not valid UTF-8: replaced {replaced} invalid byte{} with U+FFFD",
        if replaced == 1 { "" } else { "s" }
    )
}

// ---------------------------------------------------------------- output shapes

/// An item of the analysis (quote, mention, location) with the text it covers.
#[derive(Serialize)]
struct Texted<'a, T> {
    #[serde(flatten)]
    item: &'a T,
    text: &'a str,
}

/// An entity whose mentions carry their text. Mirrors `quotelens::Entity` field for field
/// (tests/cli.rs checks that the keys stay the same).
#[derive(Serialize)]
struct TextedEntity<'a> {
    id: usize,
    name: &'a str,
    kind: EntityKind,
    mentions: Vec<Texted<'a, quotelens::Mention>>,
}

#[derive(Serialize)]
struct JsonDoc<'a, E, Q, L> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    offsets: &'static str,
    entities: E,
    quotes: Q,
    locations: L,
}

/// The eval line's shape, as serde_json would write it: [`eval_line`] writes the same bytes by
/// hand, which the tests check against this.
#[cfg(test)]
#[derive(Serialize)]
struct EvalQuote {
    start: usize,
    end: usize,
    speaker: Option<[usize; 2]>,
    direct: bool,
}

#[cfg(test)]
#[derive(Serialize)]
struct EvalDoc<'a> {
    id: &'a Value,
    offsets: &'static str,
    quotes: Vec<EvalQuote>,
    locations: Vec<[usize; 2]>,
    persons: Vec<[usize; 2]>,
}

fn pair(s: Span) -> [usize; 2] {
    [s.start, s.end]
}

/// The eval line through serde, to check [`eval_line`] against.
#[cfg(test)]
fn eval_doc<'a>(id: &'a Value, unit: Offsets, a: &Analysis) -> EvalDoc<'a> {
    let quotes = a
        .quotes
        .iter()
        // Scare quotes are quoted words that nobody says: not attributions, so not predicted.
        .filter(|q| q.kind != QuoteKind::Scare)
        .map(|q| EvalQuote {
            start: q.span.start,
            end: q.span.end,
            speaker: q.speaker_mention.map(pair),
            direct: q.kind == QuoteKind::Direct,
        })
        .collect();
    EvalDoc {
        id,
        offsets: unit.name(),
        quotes,
        // The scorer's gold spans are whole noun phrases ("Cambridge, Massachusetts").
        locations: a.locations.iter().map(|l| pair(l.phrase.unwrap_or(l.span))).collect(),
        persons: eval_persons(a),
    }
}

/// The persons of the eval line: the name and title mentions of person entities, in order and
/// without repeats.
fn eval_persons(a: &Analysis) -> Vec<[usize; 2]> {
    let mut persons: Vec<[usize; 2]> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| &e.mentions)
        .filter(|m| {
            matches!(
                m.kind,
                MentionKind::Name | MentionKind::ShortName | MentionKind::Title
            )
        })
        .map(|m| pair(m.span))
        .collect();
    persons.sort_unstable();
    persons.dedup();
    persons
}

/// The prediction line of the scorer (../shared/eval/README.md), from converted offsets:
/// byte for byte what serde_json makes of [`EvalDoc`] (the tests check), written by hand.
/// Serialising through serde, field by field and number by number, cost about 25,000
/// instructions a text (2% of the 40-text profile); this is all integers and fixed keys.
fn eval_line(id: &Value, unit: Offsets, a: &Analysis) -> serde_json::Result<String> {
    // Bytes, made a String once at the end: pushing digits as chars into a String cost about
    // 30 instructions each.
    let mut out: Vec<u8> = Vec::with_capacity(96 + 64 * a.quotes.len() + 24 * a.locations.len());
    out.extend_from_slice(b"{\"id\":");
    // The id is a string (escaped as serde_json escapes) or a number, or null.
    serde_json::to_writer(&mut out, id)?;
    out.extend_from_slice(b",\"offsets\":\"");
    out.extend_from_slice(unit.name().as_bytes());
    out.extend_from_slice(b"\",\"quotes\":[");
    // Scare quotes are quoted words that nobody says: not attributions, so not predicted.
    for (i, q) in a.quotes.iter().filter(|q| q.kind != QuoteKind::Scare).enumerate() {
        out.extend_from_slice(if i == 0 { b"{\"start\":" } else { b",{\"start\":" });
        push_uint(&mut out, q.span.start);
        out.extend_from_slice(b",\"end\":");
        push_uint(&mut out, q.span.end);
        out.extend_from_slice(b",\"speaker\":");
        match q.speaker_mention {
            Some(s) => push_pair(&mut out, pair(s)),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(if q.kind == QuoteKind::Direct { b",\"direct\":true}" } else { b",\"direct\":false}" });
    }
    // The scorer's gold spans are whole noun phrases ("Cambridge, Massachusetts").
    out.extend_from_slice(b"],\"locations\":[");
    for (i, l) in a.locations.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_pair(&mut out, pair(l.phrase.unwrap_or(l.span)));
    }
    out.extend_from_slice(b"],\"persons\":[");
    for (i, &p) in eval_persons(a).iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_pair(&mut out, p);
    }
    out.extend_from_slice(b"]}");
    // All ASCII but the id, which serde_json wrote as UTF-8.
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e))
}

/// `[start,end]`.
fn push_pair(out: &mut Vec<u8>, [start, end]: [usize; 2]) {
    out.push(b'[');
    push_uint(out, start);
    out.push(b',');
    push_uint(out, end);
    out.push(b']');
}

/// `n` in decimal, as serde_json writes integers: two digits a step, from a table (as its
/// formatter, itoa, does; a digit a step took about 100 instructions a number).
fn push_uint(out: &mut Vec<u8>, mut n: usize) {
    // "00", "01", ... "99".
    static PAIRS: [u8; 200] = {
        let mut t = [0u8; 200];
        let mut i = 0;
        while i < 100 {
            t[2 * i] = b'0' + (i / 10) as u8;
            t[2 * i + 1] = b'0' + (i % 10) as u8;
            i += 1;
        }
        t
    };
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    while n >= 100 {
        let r = 2 * (n % 100);
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[r..r + 2]);
    }
    if n >= 10 {
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
    } else {
        at -= 1;
        digits[at] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[at..]);
}

/// Pairs each converted item with the text that its twin in the byte-offset analysis covers.
fn with_text<'a, T>(
    text: &'a str,
    converted: &'a [T],
    bytes: &[T],
    span: fn(&T) -> Span,
) -> Vec<Texted<'a, T>> {
    converted
        .iter()
        .zip(bytes)
        .map(|(item, b)| {
            let s = span(b);
            Texted {
                item,
                text: text.get(s.start..s.end).unwrap_or(""),
            }
        })
        .collect()
}

/// Analyses `text` and serialises the result as `o` asks. `id` is written when given (always
/// in eval, where a missing id is `null`).
fn render(text: &str, id: Option<&Value>, o: &Options, pretty: bool) -> serde_json::Result<String> {
    let bytes = analyze(text);
    let unit = if o.format == Format::Eval && o.offsets == Offsets::Utf8 {
        Offsets::CodePoint
    } else {
        o.offsets
    };
    // The byte spans are kept only where the text is printed (they slice it); otherwise the
    // analysis is converted in place, without a copy.
    let (bytes, a) = if o.format == Format::Json && o.text {
        let a = bytes.with_offsets(text, unit);
        (bytes, a)
    } else {
        (Analysis::default(), bytes.into_offsets(text, unit))
    };
    let to_string = |v: &dyn ToJson| v.to_json(pretty);
    match o.format {
        // Always compact (`pretty` is for a single text's json).
        Format::Eval => eval_line(id.unwrap_or(&Value::Null), unit, &a),
        Format::Json if !o.text => to_string(&JsonDoc {
            id,
            offsets: unit.name(),
            entities: &a.entities,
            quotes: &a.quotes,
            locations: &a.locations,
        }),
        Format::Json => {
            // Byte spans (from `bytes`) slice the text; converted ones (from `a`) are printed.
            let entities: Vec<TextedEntity> = a
                .entities
                .iter()
                .zip(&bytes.entities)
                .map(|(e, eb)| TextedEntity {
                    id: e.id,
                    name: &e.name,
                    kind: e.kind,
                    mentions: with_text(text, &e.mentions, &eb.mentions, |m| m.span),
                })
                .collect();
            let quotes = with_text(text, &a.quotes, &bytes.quotes, |q| q.span);
            let locations = with_text(text, &a.locations, &bytes.locations, |l| l.span);
            to_string(&JsonDoc {
                id,
                offsets: unit.name(),
                entities,
                quotes,
                locations,
            })
        }
    }
}

/// Pretty or compact JSON for any of the output shapes, chosen at run time.
trait ToJson {
    fn to_json(&self, pretty: bool) -> serde_json::Result<String>;
}

impl<T: Serialize> ToJson for T {
    fn to_json(&self, pretty: bool) -> serde_json::Result<String> {
        if pretty {
            serde_json::to_string_pretty(self)
        } else {
            serde_json::to_string(self)
        }
    }
}

// ---------------------------------------------------------------- running

/// Errors that end the run with exit status 2.
enum Fatal {
    /// Output closed by the reader (`quotelens ... | head`): stop quietly.
    BrokenPipe,
    Msg(String),
}

impl From<io::Error> for Fatal {
    fn from(e: io::Error) -> Fatal {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Fatal::BrokenPipe
        } else {
            Fatal::Msg(format!("output: {e}"))
        }
    }
}

fn warn(msg: &str) {
    eprintln!("quotelens: warning: {msg}");
}

fn open_input(o: &Options) -> Result<Box<dyn BufRead>, Fatal> {
    match &o.path {
        None => Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin()))),
        Some(p) => File::open(p)
            .map(|f| Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead>)
            .map_err(|e| Fatal::Msg(format!("{}: {e}", p.display()))),
    }
}

fn input_name(o: &Options) -> String {
    o.path
        .as_ref()
        .map_or_else(|| "standard input".to_string(), |p| p.display().to_string())
}

/// One text in, one JSON document out.
fn run_single(o: &Options) -> Result<bool, Fatal> {
    let mut bytes = Vec::new();
    open_input(o)?
        .read_to_end(&mut bytes)
        .map_err(|e| Fatal::Msg(format!("{}: {e}", input_name(o))))?;
    let (text, replaced) = decode(bytes);
    if replaced > 0 {
        warn(&replaced_warning(replaced));
    }
    let id = match (&o.id, &o.path, o.format) {
        (Some(id), _, _) => Some(Value::String(id.clone())),
        (None, Some(p), Format::Eval) => Some(Value::String(p.display().to_string())),
        _ => None,
    };
    let pretty = o.format == Format::Json && !o.compact;
    let out = render(&text, id.as_ref(), o, pretty)
        .map_err(|e| Fatal::Msg(format!("cannot serialise the result: {e}")))?;
    let mut stdout = io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.write_all(b"\n")?;
    stdout.flush()?;
    Ok(true)
}

/// What one input line of `--jsonl` becomes.
struct LineOut {
    /// The output line (without its newline); `None` for a blank input line.
    json: Option<String>,
    warnings: Vec<String>,
    failed: bool,
}

fn error_line(id: Option<&Value>, error: &str) -> String {
    #[derive(Serialize)]
    struct ErrorLine<'a> {
        id: Option<&'a Value>,
        error: &'a str,
    }
    serde_json::to_string(&ErrorLine { id, error })
        .unwrap_or_else(|_| r#"{"id":null,"error":"cannot serialise the error"}"#.to_string())
}

fn process_line(line_no: u64, raw: Vec<u8>, o: &Options) -> LineOut {
    let mut warnings = Vec::new();
    let (line, replaced) = decode(raw);
    if line.trim().is_empty() {
        return LineOut {
            json: None,
            warnings,
            failed: false,
        };
    }
    if replaced > 0 {
        warnings.push(format!("line {line_no}: {}", replaced_warning(replaced)));
    }
    let fail = |id: Option<&Value>, msg: String, mut warnings: Vec<String>| {
        warnings.push(format!("line {line_no}: {msg}"));
        LineOut {
            json: Some(error_line(id, &msg)),
            warnings,
            failed: true,
        }
    };
    // JSON from JavaScript or Python may escape lone surrogates ("\ud800"), which serde_json
    // rejects. Each becomes U+FFFD: one code point and one UTF-16 unit, like the surrogate it
    // replaces, so offsets still index the producer's string.
    let fixed: String;
    let parsed = match parse_line(&line) {
        Err(e) => match replace_lone_surrogates(&line) {
            Some((f, n)) => {
                warnings.push(format!(
                    "line {line_no}: replaced {n} lone surrogate escape{} (\\uD800-\\uDFFF) with U+FFFD",
                    if n == 1 { "" } else { "s" }
                ));
                fixed = f;
                parse_line(&fixed)
            }
            None => Err(e),
        },
        ok => ok,
    };
    let InLine { id, text } = match parsed {
        Ok(Some(fields)) => fields,
        Ok(None) => {
            return fail(
                None,
                "expected a JSON object {\"id\": ..., \"text\": ...}".into(),
                warnings,
            )
        }
        Err(e) => return fail(None, format!("invalid JSON: {e}"), warnings),
    };
    let good_id = match &id {
        Some(v @ (Value::String(_) | Value::Number(_))) => Some(v),
        _ => None,
    };
    let text = match text {
        Some(TextField::Str(s)) => s,
        Some(TextField::NotStr) => {
            return fail(good_id, "\"text\" must be a string".into(), warnings)
        }
        None => return fail(good_id, "missing \"text\"".into(), warnings),
    };
    if good_id.is_none() {
        let msg = if id.is_none() || id == Some(Value::Null) {
            "missing \"id\""
        } else {
            "\"id\" must be a string or a number"
        };
        return fail(None, msg.into(), warnings);
    }
    // The library promises never to panic; should it ever, lose one line, not the batch.
    let rendered = panic::catch_unwind(AssertUnwindSafe(|| render(&text, good_id, o, false)));
    match rendered {
        Ok(Ok(json)) => LineOut {
            json: Some(json),
            warnings,
            failed: false,
        },
        Ok(Err(e)) => fail(
            good_id,
            format!("cannot serialise the result: {e}"),
            warnings,
        ),
        Err(_) => fail(
            good_id,
            "internal error: the analysis panicked (a quotelens bug: please report this text)"
                .into(),
            warnings,
        ),
    }
}

/// The fields of an input line that matter. Others (PolNeAR's annotations, say) are skipped
/// without being built, and the text is borrowed from the line when it holds no escapes.
#[derive(Deserialize)]
struct InLine<'a> {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default, borrow)]
    text: Option<TextField<'a>>,
}

/// A "text" field: a string, or anything else (which is an error, reported as such).
enum TextField<'a> {
    Str(Cow<'a, str>),
    NotStr,
}

impl<'de: 'a, 'a> Deserialize<'de> for TextField<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = TextField<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(TextField::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(TextField::Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(TextField::Str(Cow::Owned(s)))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(TextField::NotStr)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(TextField::NotStr)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(TextField::NotStr)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(TextField::NotStr)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(TextField::NotStr)
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(TextField::NotStr)
            }
            fn visit_some<D: serde::Deserializer<'de>>(
                self,
                d: D,
            ) -> Result<Self::Value, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Self::Value, A::Error> {
                while a.next_element::<IgnoredAny>()?.is_some() {}
                Ok(TextField::NotStr)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Self::Value, A::Error> {
                while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(TextField::NotStr)
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses one input line: `Ok(None)` when it is JSON but not an object.
fn parse_line(line: &str) -> serde_json::Result<Option<InLine<'_>>> {
    if let Some(fields) = plain_line(line) {
        return Ok(Some(fields));
    }
    if line.trim_start().starts_with('{') {
        serde_json::from_str(line).map(Some)
    } else {
        // Valid JSON of another kind, or an error saying where it is not JSON.
        serde_json::from_str::<IgnoredAny>(line).map(|_| None)
    }
}

/// The fields of a line of exactly the documented shape, `{"id":"ID","text":"TEXT"}` without
/// spaces and with no escape in ID, read without serde_json; `None` for any other line, which
/// [`parse_line`] hands to serde_json. What it returns is what serde_json makes of such a line:
/// it gives up on everything that serde_json would reject or that needs its judgement (a
/// control char, an unknown escape, a lone surrogate). serde_json unescaped TEXT into a growing
/// scratch buffer and then copied it, about 7 instructions a byte (1.6% of the 40-text
/// profile); this finds the escapes 8 bytes at a time and copies the runs between them once.
fn plain_line(line: &str) -> Option<InLine<'_>> {
    let rest = line.strip_prefix("{\"id\":\"")?;
    let close = rest.find('"')?;
    let id = &rest[..close];
    if id.bytes().any(|b| b == b'\\' || b < 0x20) {
        return None;
    }
    let body = rest[close..].strip_prefix("\",\"text\":\"")?.strip_suffix("\"}")?;
    let text = unescape(body)?;
    Some(InLine { id: Some(Value::String(id.to_string())), text: Some(TextField::Str(text)) })
}

/// The JSON string body `s` (without its quotes) unescaped, or `None` when it is not one that
/// [`plain_line`] reads: a raw `"` or control char in it, or an escape other than the simple
/// ones and `\uXXXX` (with a surrogate only in a high-low pair).
fn unescape(s: &str) -> Option<Cow<'_, str>> {
    let b = s.as_bytes();
    // The bytes that end a plain run: '"', '\\' and the control chars.
    let special = |c: u8| c == b'"' || c == b'\\' || c < 0x20;
    let next_special = |from: usize| -> usize {
        let mut i = from;
        // Eight bytes at a time: a word has a byte below 0x20, or one equal to '"' or '\\',
        // exactly when these tests (bytes x with x - n borrowing and no high bit) say so.
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let zero_bytes = |w: u64| w.wrapping_sub(ONES) & !w;
        while let Some(word) = b.get(i..i + 8) {
            let mut w8 = [0u8; 8];
            w8.copy_from_slice(word);
            let w = u64::from_le_bytes(w8);
            // One test for the three (each term is nonzero when its kind of byte is there).
            let below_space = w.wrapping_sub(ONES * 0x20) & !w;
            let quote = zero_bytes(w ^ (ONES * 0x22));
            let backslash = zero_bytes(w ^ (ONES * 0x5C));
            if (below_space | quote | backslash) & HIGH != 0 {
                break;
            }
            i += 8;
        }
        i + b[i..].iter().position(|&c| special(c)).unwrap_or(b.len() - i)
    };
    let first = next_special(0);
    if first == b.len() {
        return Some(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut at = first;
    loop {
        out.push_str(s.get(i..at)?);
        if at == b.len() {
            return Some(Cow::Owned(out));
        }
        if b[at] != b'\\' {
            return None; // a raw '"' or control char
        }
        let (c, len) = match *b.get(at + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => {
                let unit = |k: usize| -> Option<u32> {
                    let hex = s.get(k..k + 4)?;
                    if !hex.bytes().all(|h| h.is_ascii_hexdigit()) {
                        return None;
                    }
                    u32::from_str_radix(hex, 16).ok()
                };
                let u = unit(at + 2)?;
                match u {
                    0xD800..=0xDBFF => {
                        if b.get(at + 6..at + 8)? != b"\\u" {
                            return None;
                        }
                        let low = unit(at + 8)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        (char::from_u32(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))?, 12)
                    }
                    0xDC00..=0xDFFF => return None,
                    _ => (char::from_u32(u)?, 6),
                }
            }
            _ => return None,
        };
        out.push(c);
        i = at + len;
        at = next_special(i);
    }
}

/// `line` with every `\uXXXX` escape of a lone surrogate (one not part of a high-low pair)
/// replaced by `\uFFFD`, and how many there were; `None` when there are none.
fn replace_lone_surrogates(line: &str) -> Option<(String, usize)> {
    let b = line.as_bytes();
    let hex = |at: usize| -> Option<u16> {
        let digits = line.get(at..at + 4)?;
        // (from_str_radix alone would take a sign: "+abc")
        digits
            .bytes()
            .all(|d| d.is_ascii_hexdigit())
            .then(|| u16::from_str_radix(digits, 16).ok())
            .flatten()
    };
    // The code unit of a `\uXXXX` escape starting at byte `at`, if there is one.
    let escape = |at: usize| -> Option<u16> {
        (b.get(at) == Some(&b'\\') && b.get(at + 1) == Some(&b'u'))
            .then(|| hex(at + 2))
            .flatten()
    };
    let (mut out, mut n, mut copied, mut i) = (String::new(), 0, 0, 0);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape(i) {
            // A well-formed pair stays.
            Some(0xD800..=0xDBFF) if matches!(escape(i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&line[copied..i]);
                out.push_str("\\uFFFD");
                n += 1;
                i += 6;
                copied = i;
            }
            // Any other escape: skip the backslash and the char it escapes (so "\\\\ud800",
            // an escaped backslash and the letters "ud800", is left alone).
            _ => i += 2,
        }
    }
    if n == 0 {
        return None;
    }
    out.push_str(&line[copied..]);
    Some((out, n))
}

/// Reads up to `max_lines` lines (or about `MAX_CHUNK_BYTES`), numbering them from `next_no`.
fn read_chunk(
    input: &mut dyn BufRead,
    max_lines: usize,
    next_no: &mut u64,
) -> io::Result<Vec<(u64, Vec<u8>)>> {
    let mut chunk = Vec::with_capacity(max_lines);
    let mut bytes = 0;
    while chunk.len() < max_lines && bytes < MAX_CHUNK_BYTES {
        let mut line = Vec::new();
        let n = input.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        bytes += n;
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        *next_no += 1;
        chunk.push((*next_no, line));
    }
    Ok(chunk)
}

/// JSON lines in, one result line out per input line, in input order.
fn run_jsonl(o: &Options) -> Result<bool, Fatal> {
    let mut input = open_input(o)?;
    let max_lines = (rayon::current_num_threads() * LINES_PER_THREAD).max(MIN_CHUNK_LINES);
    let mut stdout = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let stderr = io::stderr();
    let (mut next_no, mut lines, mut failed) = (0u64, 0u64, 0u64);
    loop {
        let chunk = read_chunk(&mut *input, max_lines, &mut next_no)
            .map_err(|e| Fatal::Msg(format!("{}: {e}", input_name(o))))?;
        if chunk.is_empty() {
            break;
        }
        let outs: Vec<LineOut> = chunk
            .into_par_iter()
            .map(|(no, raw)| process_line(no, raw, o))
            .collect();
        for out in outs {
            if !out.warnings.is_empty() {
                // Flush results first so warnings and lines appear in order on a terminal.
                stdout.flush()?;
                let mut err = stderr.lock();
                for w in &out.warnings {
                    let _ = writeln!(err, "quotelens: warning: {w}");
                }
            }
            if let Some(json) = out.json {
                lines += 1;
                failed += u64::from(out.failed);
                stdout.write_all(json.as_bytes())?;
                stdout.write_all(b"\n")?;
            }
        }
    }
    stdout.flush()?;
    if failed > 0 {
        eprintln!("quotelens: {failed} of {lines} lines failed (each gave an error line)");
    }
    Ok(failed == 0)
}

fn main() -> ExitCode {
    let o = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("quotelens {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Ok(Command::Run(o)) => o,
        Err(e) => {
            eprintln!("quotelens: error: {e}\nTry 'quotelens --help'.");
            return ExitCode::from(2);
        }
    };
    if let Some(n) = o.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            warn(&format!("cannot set up {n} threads: {e}"));
        }
    }
    let result = if o.jsonl {
        run_jsonl(&o)
    } else {
        run_single(&o)
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Fatal::BrokenPipe) => ExitCode::SUCCESS,
        Err(Fatal::Msg(m)) => {
            eprintln!("quotelens: error: {m}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_line_is_what_serde_writes() {
        let texts = [
            "",
            "x",
            "“We will not give in,” Marie Dubois said in Paris. ‘Scare’ words. Officials said the \
             plan failed, according to Reuters. 😀 “Again,” she added. John Smith, the mayor of \
             Oslo, told reporters that he would stay.",
        ];
        let ids = [
            Value::Null,
            Value::from("doc \"1\"\n\u{1}é"),
            Value::from(12345u64),
            Value::from(-7i64),
            Value::from(1.5f64),
        ];
        for text in texts {
            for unit in [Offsets::CodePoint, Offsets::Utf16] {
                let a = analyze(text).into_offsets(text, unit);
                for id in &ids {
                    let want = serde_json::to_string(&eval_doc(id, unit, &a)).unwrap();
                    assert_eq!(eval_line(id, unit, &a).unwrap(), want);
                }
            }
        }
        for n in [0, 1, 9, 10, 42, 99, 100, 101, 999, 1000, 12345, 100000, usize::MAX] {
            let mut s = Vec::new();
            push_uint(&mut s, n);
            assert_eq!(s, n.to_string().as_bytes());
        }
    }

    /// What serde_json reads from `line` (as `parse_line` did before `plain_line`).
    fn serde_fields(line: &str) -> Option<(Option<Value>, String)> {
        let InLine { id, text } = serde_json::from_str::<InLine>(line).ok()?;
        match text? {
            TextField::Str(t) => Some((id, t.into_owned())),
            TextField::NotStr => None,
        }
    }

    #[test]
    fn plain_lines_read_as_serde_reads_them() {
        let bodies = [
            "",
            "plain text, long enough for a few words of eight bytes each",
            "“curly” é 😀 and a \\\"quoted\\\" word\\n\\nnext paragraph\\tend",
            "\\u00e9\\u00E9 \\u0000 \\b\\f\\r\\/ \\ud83d\\ude00 \\uD83D\\uDE00",
            "ends with an escape\\\\",
            // Lone surrogates, bad escapes, raw control chars and quotes: serde_json's to judge.
            "\\ud800 alone",
            "\\udc00 alone",
            "\\ud800\\u0041",
            "\\ud800\\n",
            "bad \\x escape",
            "short \\u12",
            "not hex \\u12g4",
            "raw\ttab",
            "raw \" quote",
            "trailing backslash \\",
            "x\u{1}y",
        ];
        let mut fast = 0;
        for body in bodies {
            for id in ["a", "doc 7", "é😀", "with \\\" escape"] {
                let line = format!("{{\"id\":\"{id}\",\"text\":\"{body}\"}}");
                let want = serde_fields(&line);
                if let Some(InLine { id, text: Some(TextField::Str(t)) }) = plain_line(&line) {
                    fast += 1;
                    assert_eq!(Some((id, t.into_owned())), want, "{line}");
                }
            }
        }
        assert!(fast >= 15, "{fast}");
        // Other shapes go to serde_json.
        for line in [r#"{"id": "a", "text": "b"}"#, r#"{"text":"b","id":"a"}"#, r#"{"id":"a","text":"b"} "#, r#"{"id":1,"text":"b"}"#] {
            assert!(plain_line(line).is_none(), "{line}");
        }
    }
}
