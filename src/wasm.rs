//! The JavaScript face: the only file that knows about wasm-bindgen. It converts and forwards.

use wasm_bindgen::prelude::*;

use crate::{analyze, Offsets};

// Each call's allocations come from one region that is reused whole after the call
// (`arena.rs`), the rest from talc. Talc instead of std's dlmalloc: 2.8 KB less gzip, the same
// speed in Node and the same memory grown on PolNeAR's texts (also in 200,000-char pieces and as
// one 3.8 M-char text). The arena serves one thread only, which wasm32 without the atomics
// feature is.
#[cfg(target_feature = "atomics")]
compile_error!("src/arena.rs is single-threaded: build without the atomics target feature");
#[global_allocator]
static ALLOC: crate::arena::CallArena<talc::wasm::WasmDynamicTalc> = crate::arena::CallArena::new(talc::wasm::new_wasm_dynamic_allocator());

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Spans are [start, end) UTF-16 code unit offsets: `text.slice(start, end)`. */
export interface Mention { start: number; end: number; kind: "name" | "short_name" | "title" | "pronoun" | "nominal" }
export interface Entity { id: number; name: string; kind: "person" | "organization" | "group" | "unknown"; mentions: Mention[] }
export interface Quote {
  start: number; end: number;
  kind: "direct" | "indirect" | "mixed" | "scare";
  speaker: number | null;
  speaker_mention: { start: number; end: number } | null;
  cue: { start: number; end: number } | null;
  continues: number | null;
}
export interface Location {
  start: number; end: number; name: string;
  kind: "country" | "region" | "city" | "area" | "water";
  country: string | null; lat: number | null; lon: number | null; dateline: boolean;
  phrase: { start: number; end: number } | null;
}
export interface Analysis { offsets: "utf16"; entities: Entity[]; quotes: Quote[]; locations: Location[] }
"#;

/// Analyse `text` and return a plain object (see the `Analysis` interface) with UTF-16 offsets.
///
/// JavaScript strings may hold lone surrogates; wasm-bindgen hands them over as U+FFFD, which is
/// one UTF-16 unit as well, so every offset still indexes the caller's string.
///
/// The result crosses into JavaScript in one call, as numbers and one string (`pack.rs`), which
/// `unpack.js` turns into the object: the same object `JSON.parse` made of serde_json's text
/// (pack.rs's tests check that), at 1.15x the speed of writing and parsing that text.
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn analyze_js(text: &str) -> JsValue {
    ALLOC.scope(|| {
        let a = analyze(text).into_offsets(text, Offsets::Utf16);
        let p = crate::pack::pack(&a);
        unpack(&p.nums, &p.strs)
    })
}

// wasm-bindgen copies the file into pkg/snippets/ and imports it from the glue; `nums` arrives as
// a view of the wasm's memory, not a copy.
#[wasm_bindgen(module = "/src/unpack.js")]
extern "C" {
    fn unpack(nums: &[u32], strs: &str) -> JsValue;
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
