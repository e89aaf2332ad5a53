//! Fuzz target: `quotelens::analyze` on any bytes, decoded as the CLI decodes them (invalid
//! UTF-8 becomes U+FFFD), with every invariant of tests/fuzz/invariants.rs checked on the result.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::fuzz_analyze(data));
