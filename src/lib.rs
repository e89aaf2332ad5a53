//! quotelens: who is quoted, and where it happens.
//!
//! [`analyze`] reads a news text and returns an [`Analysis`]: the people and organisations that
//! are mentioned ([`Entity`]), every direct quote and piece of reported speech with its speaker
//! ([`Quote`]), and every place ([`Location`]). Analysis is total: any `&str` gives a result,
//! and it never panics. Spans are byte ranges into the text; [`Analysis::with_offsets`]
//! converts them for JavaScript (UTF-16) or Python (code points) at the edges.
//!
//! ```
//! let text = "PARIS, May 2 - \"We will not give in,\" Marie Dubois said on Friday.";
//! let a = quotelens::analyze(text);
//! let q = &a.quotes[0];
//! assert_eq!(&text[q.span.start..q.span.end], "\"We will not give in,\"");
//! let speaker = &a.entities[q.speaker.unwrap()];
//! assert_eq!(speaker.name, "Marie Dubois");
//! assert_eq!(&text[a.locations[0].span.start..a.locations[0].span.end], "PARIS");
//! assert!(a.locations[0].dateline);
//! ```

// No unsafe code, but for the wasm build's allocator (`arena.rs`), which is unsafe by nature.
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod analyze;
#[cfg(any(target_arch = "wasm32", test))]
#[allow(unsafe_code)]
mod arena;
mod attribution;
mod case;
mod case_table;
mod doc;
mod entities;
mod lexicon;
mod model;
mod names;
mod offsets;
#[cfg(any(target_arch = "wasm32", test))]
mod pack;
mod places;
mod quotes;
mod tables;
mod text;
mod wordtable;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use crate::{
    analyze::analyze,
    model::{
        Analysis, Entity, EntityKind, Location, LocationKind, Mention, MentionKind, Quote,
        QuoteKind, Span,
    },
    offsets::Offsets,
};
