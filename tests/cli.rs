//! The `quotelens` command end to end: the built binary, fed through stdin or a file.
//!
//! The expected results come from the library itself (`quotelens::analyze`), so these tests
//! check what the CLI adds (reading, decoding, offsets, output shapes, batch order, errors)
//! and keep passing as the analysis improves.

use std::io::Write;
use std::process::{Command, Stdio};

use quotelens::{analyze, EntityKind, MentionKind, Offsets, QuoteKind};
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_quotelens");

const ARTICLE: &str = "PARIS, May 2 (Reuters) - \"We will not give in,\" Marie Dubois said on \
Friday. The French minister added that talks with Germany would go on.\n\n\
\"It is a disaster,\" said Dubois, who called the plan \"unworkable\" in an interview. \
According to officials in Berlin, the talks had stalled. 😀 “Hi,” she said.";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start quotelens");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // Write from a thread: a large input must not dead-lock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for quotelens");
    writer.join().unwrap();
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn parse(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

fn lines(s: &str) -> Vec<Value> {
    s.lines().map(parse).collect()
}

/// Floats are f32 in the model: compare them at f32 precision.
fn norm(v: Value) -> Value {
    match v {
        Value::Number(n) if n.is_f64() => json!(n.as_f64().unwrap() as f32 as f64),
        Value::Array(a) => Value::Array(a.into_iter().map(norm).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, norm(v))).collect()),
        v => v,
    }
}

fn drop_text(v: Value) -> Value {
    match v {
        Value::Array(a) => Value::Array(a.into_iter().map(drop_text).collect()),
        Value::Object(o) => Value::Object(
            o.into_iter()
                .filter(|(k, _)| k != "text")
                .map(|(k, v)| (k, drop_text(v)))
                .collect(),
        ),
        v => v,
    }
}

/// What the library says about `text`, as the CLI's json format without "text" fields.
fn expected(text: &str, unit: Offsets) -> Value {
    let mut v = serde_json::to_value(analyze(text).with_offsets(text, unit)).unwrap();
    v.as_object_mut()
        .unwrap()
        .insert("offsets".into(), json!(unit.name()));
    norm(v)
}

fn cp_slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn stdin_gives_the_library_result_in_code_points() {
    let r = run(&[], ARTICLE.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "unexpected stderr: {}", r.stderr);
    let out = parse(&r.stdout);
    assert_eq!(out["offsets"], "codepoint");
    assert!(r.stdout.contains("\n  \"offsets\""), "pretty by default");
    assert_eq!(
        norm(drop_text(out.clone())),
        expected(ARTICLE, Offsets::CodePoint)
    );
    // Every "text" is the code point slice it names.
    for q in out["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .chain(out["locations"].as_array().unwrap())
    {
        let (s, e) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        assert_eq!(q["text"], cp_slice(ARTICLE, s, e));
    }
    for e in out["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            assert_eq!(m["text"], cp_slice(ARTICLE, s, e));
        }
    }
}

#[test]
fn a_path_and_dash_read_like_stdin() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("cli-article.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let from_stdin = run(&[], ARTICLE.as_bytes());
    let from_path = run(&[path.to_str().unwrap()], b"ignored");
    assert_eq!(from_path.code, 0, "{}", from_path.stderr);
    assert_eq!(from_path.stdout, from_stdin.stdout);
    let dash = run(&["-"], ARTICLE.as_bytes());
    assert_eq!(dash.stdout, from_stdin.stdout);

    let missing = run(&[dir.join("no-such-file.txt").to_str().unwrap()], b"");
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no-such-file.txt"),
        "{}",
        missing.stderr
    );
}

#[test]
fn offsets_flag_and_no_text() {
    for (flag, unit) in [
        ("utf16", Offsets::Utf16),
        ("utf8", Offsets::Utf8),
        ("codepoint", Offsets::CodePoint),
    ] {
        let r = run(
            &["--offsets", flag, "--no-text", "--compact"],
            ARTICLE.as_bytes(),
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.stdout.lines().count(), 1, "--compact writes one line");
        assert!(!r.stdout.contains("\"text\""));
        assert_eq!(
            norm(parse(&r.stdout)),
            expected(ARTICLE, unit),
            "--offsets {flag}"
        );
    }
    let bad = run(&["--offsets", "bytes16"], b"");
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("bytes16"));
}

#[test]
fn jsonl_keeps_ids_and_order() {
    // More lines than one chunk, ids of both kinds, a blank line (skipped).
    let texts = [
        ARTICLE,
        "",
        "\"Yes,\" he said.",
        "No quotes here, only Paris.",
        "😀 “Hi,” she said.",
    ];
    let mut input = String::new();
    let mut ids = Vec::new();
    for i in 0..700 {
        let id = if i % 3 == 0 {
            json!(i)
        } else {
            json!(format!("doc-{i}"))
        };
        let text = texts[i % texts.len()];
        input.push_str(&json!({"text": text, "id": id, "extra": [1, 2]}).to_string());
        input.push('\n');
        if i == 350 {
            input.push_str("  \n");
        }
        ids.push((id, text));
    }
    let r = run(&["--jsonl", "--threads", "2"], input.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = lines(&r.stdout);
    assert_eq!(out.len(), ids.len());
    for (line, (id, text)) in out.iter().zip(&ids) {
        assert_eq!(&line["id"], id);
        let mut got = norm(drop_text(line.clone()));
        got.as_object_mut().unwrap().remove("id");
        assert_eq!(got, expected(text, Offsets::CodePoint), "id {id}");
    }
    // Compact lines, and "id" comes first.
    assert!(r.stdout.lines().all(|l| l.starts_with("{\"id\":")));
}

#[test]
fn jsonl_reads_a_path_and_a_last_line_without_newline() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-docs.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}",
    )
    .unwrap();
    let r = run(&["--jsonl", path.to_str().unwrap()], b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ids: Vec<Value> = lines(&r.stdout).iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, [json!("a"), json!("b")]);
}

#[test]
fn malformed_lines_give_error_lines_and_exit_1() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"\\\"Fine,\\\" she said.\"}\n",
        "{\"id\": \"b\", \"text\": \n",
        "[1, 2]\n",
        "{\"id\": 7, \"text\": 42}\n",
        "{\"text\": \"no id\"}\n",
        "{\"id\": {\"x\": 1}, \"text\": \"bad id\"}\n",
        "{\"id\": 9, \"text\": \"last\"}\n",
    );
    let r = run(&["--jsonl"], input.as_bytes());
    assert_eq!(r.code, 1, "{}", r.stderr);
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 7);
    assert_eq!(out[0]["id"], "a");
    assert!(out[0].get("error").is_none());
    for (i, id) in [
        (1, Value::Null),
        (2, Value::Null),
        (3, json!(7)),
        (4, Value::Null),
        (5, Value::Null),
    ] {
        assert_eq!(out[i]["id"], id, "line {}", i + 1);
        assert!(
            out[i]["error"].as_str().is_some_and(|e| !e.is_empty()),
            "line {}",
            i + 1
        );
        assert_eq!(
            out[i].as_object().unwrap().len(),
            2,
            "error lines hold id and error only"
        );
        assert!(
            r.stderr.contains(&format!("line {}:", i + 1)),
            "warning for line {}: {}",
            i + 1,
            r.stderr
        );
    }
    assert_eq!(out[6]["id"], 9);
    assert!(out[6].get("quotes").is_some());
    assert!(r.stderr.contains("5 of 7 lines failed"), "{}", r.stderr);
}

#[test]
fn eval_format_has_the_scorer_shape() {
    let r = run(&["--format", "eval", "--id", "seed"], ARTICLE.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1, "one prediction line");
    let out = parse(&r.stdout);
    let keys: Vec<&String> = out.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5);
    for k in ["id", "offsets", "quotes", "locations", "persons"] {
        assert!(out.get(k).is_some(), "missing {k}");
    }
    assert_eq!(out["id"], "seed");
    assert_eq!(out["offsets"], "codepoint");

    // The same as the library, by the rules of --help.
    let a = analyze(ARTICLE).with_offsets(ARTICLE, Offsets::CodePoint);
    let quotes: Vec<Value> = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Scare)
        .map(|q| {
            json!({"start": q.span.start, "end": q.span.end,
                   "speaker": q.speaker_mention.map(|s| [s.start, s.end]),
                   "direct": q.kind == QuoteKind::Direct})
        })
        .collect();
    assert_eq!(out["quotes"], Value::Array(quotes));
    let locations: Vec<[usize; 2]> = a
        .locations
        .iter()
        .map(|l| [l.span.start, l.span.end])
        .collect();
    assert_eq!(out["locations"], json!(locations));
    // Persons: sorted, distinct, and exactly the named (not pronoun or nominal) mentions of
    // person entities.
    let persons: Vec<[usize; 2]> = serde_json::from_value(out["persons"].clone()).unwrap();
    assert!(
        persons.windows(2).all(|w| w[0] < w[1]),
        "sorted and distinct"
    );
    let mut named = std::collections::BTreeSet::new();
    for e in &a.entities {
        for m in &e.mentions {
            let span = [m.span.start, m.span.end];
            let is_named = !matches!(m.kind, MentionKind::Pronoun | MentionKind::Nominal);
            if e.kind == EntityKind::Person && is_named {
                named.insert(span);
            }
        }
    }
    assert_eq!(persons, named.into_iter().collect::<Vec<_>>());

    // Without --id: the path, or null for stdin; utf16 is allowed, utf8 is not.
    assert_eq!(parse(&run(&["-f", "eval"], b"x").stdout)["id"], Value::Null);
    let u16 = parse(&run(&["-f", "eval", "--offsets", "utf16"], ARTICLE.as_bytes()).stdout);
    assert_eq!(u16["offsets"], "utf16");
    assert_eq!(run(&["-f", "eval", "--offsets", "utf8"], b"x").code, 2);
}

#[test]
fn eval_format_in_batch() {
    let input = format!(
        "{}\n{}\n",
        json!({"id": "p1", "text": ARTICLE}),
        json!({"id": 2, "text": ""})
    );
    let r = run(&["--jsonl", "--format", "eval"], input.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 2);
    let single = parse(&run(&["-f", "eval", "--id", "p1"], ARTICLE.as_bytes()).stdout);
    assert_eq!(out[0], single);
    assert_eq!(
        out[1],
        json!({"id": 2, "offsets": "codepoint", "quotes": [], "locations": [], "persons": []})
    );
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let mut bytes = b"\xff\xfe \"We will not give in,\" Marie Dubois said.".to_vec();
    bytes.push(0xC3); // a truncated two-byte sequence at the end
    let r = run(&[], &bytes);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("replaced 3 invalid bytes"),
        "{}",
        r.stderr
    );
    let text = String::from_utf8_lossy(&bytes).into_owned();
    assert_eq!(
        norm(drop_text(parse(&r.stdout))),
        expected(&text, Offsets::CodePoint)
    );

    // In batch, per line; the JSON around the bad bytes still parses.
    let mut input = b"{\"id\": 1, \"text\": \"caf\xe9 \\\"ok,\\\" he said\"}\n".to_vec();
    input.extend_from_slice(b"{\"id\": 2, \"text\": \"fine\"}\n");
    let r = run(&["--jsonl"], &input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("line 1: input is not valid UTF-8: replaced 1 invalid byte "),
        "{}",
        r.stderr
    );
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 2);
    assert!(out[0].get("error").is_none());
    assert_eq!(
        drop_text(out[0]["quotes"].clone()),
        expected("caf\u{FFFD} \"ok,\" he said", Offsets::CodePoint)["quotes"]
    );
}

#[test]
fn empty_input_gives_an_empty_result() {
    let r = run(&[], b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        parse(&r.stdout),
        json!({"offsets": "codepoint", "entities": [], "quotes": [], "locations": []})
    );
    let r = run(&["--jsonl"], b"");
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
    let r = run(&["--jsonl"], b"\n\n");
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
}

#[test]
fn help_version_and_bad_arguments() {
    let h = run(&["--help"], b"");
    assert_eq!(h.code, 0);
    for word in ["--jsonl", "--format", "--offsets", "Exit status"] {
        assert!(h.stdout.contains(word), "--help mentions {word}");
    }
    let v = run(&["-V"], b"");
    assert_eq!(
        v.stdout.trim(),
        format!("quotelens {}", env!("CARGO_PKG_VERSION"))
    );
    for args in [
        &["--nope"][..],
        &["a.txt", "b.txt"],
        &["--format", "xml"],
        &["--threads", "many"],
        &["--jsonl", "--id", "x"],
    ] {
        let r = run(args, b"");
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains("--help"), "{args:?}: {}", r.stderr);
    }
}

// ---------------------------------------------------------------- hostile input

/// Bytes of every value, NULs and broken sequences included (a small LCG, no dependency).
fn junk(len: usize) -> Vec<u8> {
    let mut x = 0x2545_f491_u32;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_input_is_decoded_lossily_with_a_warning() {
    let mut bytes = junk(300_000);
    bytes.extend_from_slice("\0 “Still here,” said Ana Silva in Lisbon. \x7f".as_bytes());
    let text = String::from_utf8_lossy(&bytes).into_owned();
    for args in [
        &[][..],
        &["--offsets", "utf16"],
        &["-f", "eval"],
        &["--no-text", "--compact"],
    ] {
        let r = run(args, &bytes);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr
                .starts_with("quotelens: warning: input is not valid UTF-8: replaced "),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(
            r.stderr.lines().count(),
            1,
            "one warning, not one per byte: {}",
            r.stderr
        );
        let out = parse(&r.stdout);
        assert_eq!(
            out["offsets"],
            if args.contains(&"utf16") {
                "utf16"
            } else {
                "codepoint"
            }
        );
    }
    let r = run(&[], &bytes);
    assert_eq!(
        norm(drop_text(parse(&r.stdout))),
        expected(&text, Offsets::CodePoint)
    );
}

#[test]
fn binary_lines_in_batch_fail_alone() {
    let mut input = b"{\"id\": \"a\", \"text\": \"\\\"Yes,\\\" she said.\"}\n".to_vec();
    // A line of raw binary (newlines taken out, so it stays one line), then NULs inside JSON.
    input.extend(junk(100_000).into_iter().filter(|&b| b != b'\n'));
    input.extend_from_slice(b"\n{\"id\": \"b\", \"text\": \"nul \\u0000 \0 here\"}\n");
    input.extend_from_slice(b"{\"id\": \"c\", \"text\": \"\\\"No,\\\" he said.\"}\r\n");
    let r = run(&["--jsonl"], &input);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 4);
    assert_eq!(out[0]["id"], "a");
    assert_eq!(out[1]["id"], Value::Null);
    assert!(
        out[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("invalid JSON"),
        "{}",
        out[1]
    );
    // A raw NUL inside a JSON string is a control char, which JSON forbids: an error line too.
    assert_eq!(out[2]["id"], Value::Null);
    assert!(out[2]["error"].is_string());
    assert_eq!(out[3]["id"], "c");
    assert_eq!(
        out[3]["quotes"].as_array().unwrap().len(),
        1,
        "a CRLF line end is no part of the text"
    );
    assert!(r.stderr.contains("line 2: "), "{}", r.stderr);
    assert!(r.stderr.contains("2 of 4 lines failed"), "{}", r.stderr);
}

#[test]
fn lone_surrogate_escapes_in_batch_become_replacement_chars() {
    // Python's json.dumps("\ud800 ...") and JavaScript's JSON.stringify write such escapes.
    let input = concat!(
        r#"{"id": 1, "text": "a \ud800 \"Hi,\" she said"}"#,
        "\n",
        r#"{"id": 2, "text": "\udc00\ud83d\ude00\ud83d \\ud800"}"#,
        "\n",
        r#"{"id": 3, "text": "\ud83d\ude00 \"Ok,\" he said"}"#,
        "\n",
    );
    for unit in ["codepoint", "utf16"] {
        let r = run(&["--jsonl", "--offsets", unit], input.as_bytes());
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stderr
                .contains("line 1: replaced 1 lone surrogate escape (\\uD800-\\uDFFF) with U+FFFD"),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr
                .contains("line 2: replaced 2 lone surrogate escapes"),
            "{}",
            r.stderr
        );
        assert!(
            !r.stderr.contains("line 3"),
            "a proper pair is no lone surrogate: {}",
            r.stderr
        );
        let out = lines(&r.stdout);
        // The replacement counts as one unit, as the surrogate did: the quote stays at 4..9.
        let q = &out[0]["quotes"][0];
        assert_eq!(
            (q["start"].as_u64(), q["end"].as_u64(), q["text"].as_str()),
            (Some(4), Some(9), Some("\"Hi,\""))
        );
        assert_eq!(out[1]["id"], 2);
        assert!(out[1].get("error").is_none());
    }
}

#[test]
fn a_line_longer_than_a_chunk() {
    // One JSON line of 17 MB (more than the 16 MB chunk limit) between two small ones: mostly
    // white space, which even a debug build gets through quickly, and a quote at its end.
    let pad = 17 << 20;
    let text = format!("{}“Yes,” said Ana Silva.", " ".repeat(pad));
    let mut input = b"{\"id\": 1, \"text\": \"a\"}\n".to_vec();
    input.extend_from_slice(
        serde_json::to_string(&json!({"id": 2, "text": text}))
            .unwrap()
            .as_bytes(),
    );
    input.extend_from_slice(b"\n{\"id\": 3, \"text\": \"b\"}\n");
    let r = run(&["--jsonl", "-f", "eval"], &input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = lines(&r.stdout);
    assert_eq!(
        out.iter().map(|v| v["id"].clone()).collect::<Vec<_>>(),
        [json!(1), json!(2), json!(3)]
    );
    assert_eq!(
        out[1]["quotes"],
        json!([{"start": pad, "end": pad + 6, "speaker": [pad + 12, pad + 21], "direct": true}])
    );
}
