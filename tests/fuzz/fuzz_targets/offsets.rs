//! Fuzz target: the offset conversion at the edges (`Analysis::with_offsets`), on made-up spans
//! (in bounds or not, on char boundaries or not) and on real results. See
//! `invariants::fuzz_offsets` for what is checked.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::fuzz_offsets(data));
