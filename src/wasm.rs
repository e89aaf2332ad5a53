//! The JavaScript face: the only file that knows about wasm-bindgen. It converts and forwards.

use wasm_bindgen::prelude::*;

use crate::{analyze, Offsets};

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
/// The result crosses into JavaScript as one JSON string, parsed there by `JSON.parse`: one call
/// across the boundary instead of one per field, which measured faster and smaller than building
/// the object field by field (serde-wasm-bindgen); see the README's Performance section. The
/// text comes from `json.rs`, the same as serde_json's without its code in the module.
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn analyze_js(text: &str) -> Result<JsValue, JsError> {
    let a = analyze(text).into_offsets(text, Offsets::Utf16);
    let json = crate::json::analysis(&a, Offsets::Utf16.name());
    json_parse(&json).map_err(|_| JsError::new("the analysis is not valid JSON"))
}

// `JSON.parse`, declared here rather than taken from js-sys: that crate brought its futures
// support (a task queue and 34 closure shims, about 5 KB) into the module with it.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
