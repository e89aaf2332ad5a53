//! The wasm build's allocator: each `analyze` call allocates from one region, front to back, and
//! the region is reused whole once the call has freed everything it allocated.
//!
//! Why: an analysis makes about 330 allocations on a news article and frees them all before it
//! returns. Talc's allocating and freeing took 4.5% of the wasm's time on PolNeAR train
//! (`scripts/bench-node/wasm-profile.mjs` at 15b5d5a); bumping a pointer costs next to nothing, and giving a region back is
//! one store. With the arena the wasm ran 4.8% faster (17.32 against 16.52 M chars/s, median
//! of 16 alternating rounds of `node scripts/bench-node/throughput-ab.mjs`) for 0.5 KB more
//! gzipped. `tests/browser/wasm-calls.test.mjs` checks, in Node, that a call's result never
//! depends on the calls before it.
//!
//! The rules, which the tests below check with random sequences of calls:
//! - Outside [`CallArena::scope`] every request goes to the backing allocator, as without the
//!   arena (wasm-bindgen's copy of the input text, made before the call, for one).
//! - Inside, a request is served from the region when it fits and from the backing allocator
//!   otherwise. Freeing the last block of the region takes the pointer back; freeing the last
//!   live block takes it back to the region's start.
//! - When a scope ends with blocks of the region still live (memory that outlives the call:
//!   a table the core builds on first use and keeps), the region is abandoned: it is never
//!   reused or given back, and freeing a block in it does nothing. Correct whatever the core
//!   keeps; at worst one region of memory is kept for good.
//! - A scope that did not fit gets a region twice the size next time, up to [`MAX_REGION`].
//!
//! Single-threaded only: the counters are atomics so that the type is `Sync`, as a global
//! allocator must be, but a change of several of them is not atomic as a whole. wasm32 without
//! the `atomics` feature has one thread (`wasm.rs` refuses to build with it).

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

/// The first region's size: a PolNeAR article allocates about 250 KB in all.
const FIRST_REGION: usize = 1 << 20;
/// The largest region: room for the allocations of a text of about 70,000 chars (a long
/// article); longer texts allocate far more, their own work outweighs the allocations' by then,
/// and a larger region would only hold more memory (with 16 MB, analysing PolNeAR in pieces of
/// 200,000 chars grew the wasm's memory to 21 MB, against 6.4 MB with talc alone and 13.3 with
/// 4: `scripts/bench-node/wasm-memory.mjs`).
pub(crate) const MAX_REGION: usize = 4 << 20;
/// Regions abandoned before the arena gives up and serves everything from the backing
/// allocator (a core that kept memory on every call would otherwise abandon a region a call).
const MAX_ABANDONED: usize = 8;
/// Alignment of a region's start.
const REGION_ALIGN: usize = 16;

pub(crate) struct CallArena<A> {
    backing: A,
    /// The region, `start..end` (both 0 when there is none), and the next free byte.
    start: AtomicUsize,
    end: AtomicUsize,
    next: AtomicUsize,
    /// Blocks of the region allocated and not yet freed.
    live: AtomicUsize,
    /// Inside a scope.
    active: AtomicBool,
    /// A request in this scope did not fit.
    overflowed: AtomicBool,
    /// The size of the region the next scope wants.
    want: AtomicUsize,
    /// Abandoned regions, `start..end`, and how many there are.
    abandoned: [(AtomicUsize, AtomicUsize); MAX_ABANDONED],
    n_abandoned: AtomicUsize,
}

impl<A: GlobalAlloc> CallArena<A> {
    pub(crate) const fn new(backing: A) -> CallArena<A> {
        CallArena {
            backing,
            start: AtomicUsize::new(0),
            end: AtomicUsize::new(0),
            next: AtomicUsize::new(0),
            live: AtomicUsize::new(0),
            active: AtomicBool::new(false),
            overflowed: AtomicBool::new(false),
            want: AtomicUsize::new(FIRST_REGION),
            abandoned: [const { (AtomicUsize::new(0), AtomicUsize::new(0)) }; MAX_ABANDONED],
            n_abandoned: AtomicUsize::new(0),
        }
    }

    /// Runs `f` with the region serving its allocations. Not reentrant: a scope inside a scope
    /// runs as part of the outer one.
    pub(crate) fn scope<R>(&self, f: impl FnOnce() -> R) -> R {
        if self.active.load(Relaxed) {
            return f();
        }
        self.prepare_region();
        self.active.store(true, Relaxed);
        let r = f();
        self.active.store(false, Relaxed);
        if self.live.load(Relaxed) != 0 {
            self.abandon_region();
        } else {
            self.next.store(self.start.load(Relaxed), Relaxed);
        }
        if self.overflowed.swap(false, Relaxed) {
            let want = self.want.load(Relaxed);
            self.want.store((2 * want).min(MAX_REGION), Relaxed);
        }
        r
    }

    /// Before a scope: a region of the size wanted, when the arena is still in use.
    fn prepare_region(&self) {
        if self.n_abandoned.load(Relaxed) >= MAX_ABANDONED {
            return;
        }
        let (start, end) = (self.start.load(Relaxed), self.end.load(Relaxed));
        let want = self.want.load(Relaxed);
        if start != 0 && end - start >= want {
            return;
        }
        // No block of the region is live here: every scope ends with the region empty or
        // abandoned (and then `start` is 0).
        if start != 0 {
            // SAFETY: the region came from `backing.alloc` with this layout (`region_layout`
            // of its size, which `want` only ever made larger), and no block in it is live.
            unsafe { self.backing.dealloc(start as *mut u8, region_layout(end - start)) };
            self.set_region(0, 0);
        }
        // SAFETY: the layout's size is not zero.
        let p = unsafe { self.backing.alloc(region_layout(want)) } as usize;
        if p != 0 {
            self.set_region(p, p + want);
        }
    }

    fn set_region(&self, start: usize, end: usize) {
        self.start.store(start, Relaxed);
        self.end.store(end, Relaxed);
        self.next.store(start, Relaxed);
        self.live.store(0, Relaxed);
    }

    /// Leaves the region to whatever still holds blocks of it, and takes no more from it. There
    /// is always room in the list here: `prepare_region` makes no region once it is full.
    fn abandon_region(&self) {
        let n = self.n_abandoned.load(Relaxed);
        debug_assert!(n < MAX_ABANDONED);
        if let Some((s, e)) = self.abandoned.get(n) {
            s.store(self.start.load(Relaxed), Relaxed);
            e.store(self.end.load(Relaxed), Relaxed);
            self.n_abandoned.store(n + 1, Relaxed);
        }
        self.set_region(0, 0);
    }

    fn in_region(&self, p: usize) -> bool {
        p >= self.start.load(Relaxed) && p < self.end.load(Relaxed)
    }

    fn in_abandoned(&self, p: usize) -> bool {
        let n = self.n_abandoned.load(Relaxed);
        self.abandoned.iter().take(n).any(|(s, e)| p >= s.load(Relaxed) && p < e.load(Relaxed))
    }

    /// Where a block of `layout` would start in the region, if it fits.
    fn fits(&self, layout: Layout) -> Option<usize> {
        if !self.active.load(Relaxed) || self.start.load(Relaxed) == 0 {
            return None;
        }
        let at = self.next.load(Relaxed).checked_add(layout.align() - 1)? & !(layout.align() - 1);
        let end = at.checked_add(layout.size())?;
        (end <= self.end.load(Relaxed)).then_some(at)
    }
}

fn region_layout(size: usize) -> Layout {
    Layout::from_size_align(size, REGION_ALIGN).unwrap_or(Layout::new::<u8>())
}

// SAFETY: every block handed out is either the backing allocator's or lies in the region, a
// block of the backing allocator that the arena owns. Blocks in the region never overlap: the
// next free byte only moves back over blocks that were freed (the last one, or all of them), and
// a region that still has live blocks when its scope ends is never handed out again. Blocks are
// aligned as asked (`fits`). Each pointer is given back to whoever made it: the region's by
// address, everything else to the backing allocator.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CallArena<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match self.fits(layout) {
            Some(at) => {
                self.next.store(at + layout.size(), Relaxed);
                self.live.fetch_add(1, Relaxed);
                at as *mut u8
            }
            None => {
                if self.active.load(Relaxed) {
                    self.overflowed.store(true, Relaxed);
                }
                // SAFETY: as the caller promised of `layout`.
                unsafe { self.backing.alloc(layout) }
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let p = ptr as usize;
        if self.in_region(p) {
            let live = self.live.load(Relaxed).saturating_sub(1);
            self.live.store(live, Relaxed);
            if live == 0 {
                self.next.store(self.start.load(Relaxed), Relaxed);
            } else if p + layout.size() == self.next.load(Relaxed) {
                self.next.store(p, Relaxed);
            }
        } else if !self.in_abandoned(p) {
            // SAFETY: not the arena's, so the backing allocator's, with this layout.
            unsafe { self.backing.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = ptr as usize;
        let ours = self.in_region(p);
        if !ours && !self.in_abandoned(p) {
            // SAFETY: the backing allocator's block, with the caller's promises.
            return unsafe { self.backing.realloc(ptr, layout, new_size) };
        }
        if ours {
            // The last block grows or shrinks where it is; any other block shrinks in place.
            let last = p + layout.size() == self.next.load(Relaxed);
            if last && p.checked_add(new_size).is_some_and(|e| e <= self.end.load(Relaxed)) {
                self.next.store(p + new_size, Relaxed);
                return ptr;
            }
            if new_size <= layout.size() {
                return ptr;
            }
        }
        // Moved: a new block, the bytes copied, the old block freed (a no-op in an abandoned
        // region).
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return std::ptr::null_mut();
        };
        // SAFETY: `new_size` is not zero (the caller's promise).
        let q = unsafe { self.alloc(new_layout) };
        if !q.is_null() {
            // SAFETY: both blocks hold at least the bytes copied, and they do not overlap (the
            // new one was free until now).
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, q, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::System;

    /// A block the tests hold, with the byte it was filled with.
    struct Held {
        ptr: *mut u8,
        layout: Layout,
        fill: u8,
    }

    fn check(h: &Held) {
        // SAFETY: the block is live and holds `layout.size()` bytes, all written.
        let bytes = unsafe { std::slice::from_raw_parts(h.ptr, h.layout.size()) };
        assert!(bytes.iter().all(|&b| b == h.fill), "a block was overwritten");
        assert_eq!(h.ptr as usize % h.layout.align(), 0, "misaligned");
    }

    fn fill(h: &Held) {
        // SAFETY: as in `check`.
        unsafe { std::ptr::write_bytes(h.ptr, h.fill, h.layout.size()) };
    }

    /// A small deterministic generator (xorshift), so that a failure repeats.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// Random allocations, reallocations and frees, in and out of scopes, some blocks kept
    /// past their scope: no block is ever overwritten by another, each is aligned, and the
    /// region is reused after every scope that freed all it took.
    #[test]
    fn random_use_keeps_every_block_intact() {
        for seed in 1..=16u64 {
            let arena = CallArena::new(System);
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let mut kept: Vec<Held> = Vec::new();
            let mut fill_byte = 0u8;
            for round in 0..30 {
                let leak = rng.below(10) == 0;
                let mut scope_blocks: Vec<Held> = Vec::new();
                let mut step = |arena: &CallArena<System>, blocks: &mut Vec<Held>, rng: &mut Rng| {
                    match rng.below(4) {
                        0 | 1 => {
                            // Sizes from 1 byte to past the first region, now and then.
                            let size = if rng.below(50) == 0 { FIRST_REGION + 1 + rng.below(1000) as usize } else { 1 + rng.below(300) as usize };
                            let align = 1 << rng.below(6);
                            let layout = Layout::from_size_align(size, align).unwrap();
                            // SAFETY: the size is not zero.
                            let ptr = unsafe { arena.alloc(layout) };
                            assert!(!ptr.is_null());
                            fill_byte = fill_byte.wrapping_add(1);
                            let h = Held { ptr, layout, fill: fill_byte };
                            fill(&h);
                            blocks.push(h);
                        }
                        2 if !blocks.is_empty() => {
                            let i = rng.below(blocks.len() as u64) as usize;
                            let h = blocks.swap_remove(i);
                            check(&h);
                            // SAFETY: the block is live and was allocated with this layout.
                            unsafe { arena.dealloc(h.ptr, h.layout) };
                        }
                        _ if !blocks.is_empty() => {
                            // Mostly the last block (a growing vector), sometimes another.
                            let i = if rng.below(3) == 0 { rng.below(blocks.len() as u64) as usize } else { blocks.len() - 1 };
                            let h = &mut blocks[i];
                            check(h);
                            let new_size = 1 + rng.below(2 * h.layout.size() as u64 + 64) as usize;
                            // SAFETY: live block, its layout, a non-zero size.
                            let q = unsafe { arena.realloc(h.ptr, h.layout, new_size) };
                            assert!(!q.is_null());
                            h.ptr = q;
                            h.layout = Layout::from_size_align(new_size, h.layout.align()).unwrap();
                            fill(h);
                        }
                        _ => {}
                    }
                };
                arena.scope(|| {
                    for _ in 0..200 {
                        step(&arena, &mut scope_blocks, &mut rng);
                        // The kept blocks are never touched by the scope's work.
                        if let Some(h) = kept.last() {
                            check(h);
                        }
                    }
                    // Free everything, unless this scope leaks a block (as a table made on
                    // first use does).
                    let n = if leak { scope_blocks.len().saturating_sub(1) } else { scope_blocks.len() };
                    for h in scope_blocks.drain(..n) {
                        check(&h);
                        // SAFETY: live block, its layout.
                        unsafe { arena.dealloc(h.ptr, h.layout) };
                    }
                });
                kept.append(&mut scope_blocks);
                for h in &kept {
                    check(h);
                }
                // Outside a scope, the backing allocator serves.
                let layout = Layout::from_size_align(8, 8).unwrap();
                // SAFETY: non-zero size; freed right away with its layout.
                unsafe {
                    let p = arena.alloc(layout);
                    assert!(!arena.in_region(p as usize), "round {round}");
                    arena.dealloc(p, layout);
                }
            }
            // Freeing blocks of abandoned regions later does nothing, and breaks nothing.
            for h in kept.drain(..) {
                check(&h);
                // SAFETY: live block, its layout.
                unsafe { arena.dealloc(h.ptr, h.layout) };
            }
        }
    }

    /// A scope that frees all it took leaves the region empty and in place; the next scope gets
    /// the same memory again.
    #[test]
    fn an_emptied_region_is_reused() {
        let arena = CallArena::new(System);
        let layout = Layout::from_size_align(100, 8).unwrap();
        let first = arena.scope(|| {
            // SAFETY: non-zero size; freed with its layout.
            unsafe {
                let p = arena.alloc(layout);
                arena.dealloc(p, layout);
                p as usize
            }
        });
        let again = arena.scope(|| unsafe {
            // SAFETY: as above.
            let p = arena.alloc(layout);
            arena.dealloc(p, layout);
            p as usize
        });
        assert_eq!(first, again);
        assert_eq!(arena.n_abandoned.load(Relaxed), 0);
    }

    /// A scope that overflows its region gets a larger one next time, up to MAX_REGION.
    #[test]
    fn a_region_that_overflowed_grows() {
        let arena = CallArena::new(System);
        let big = Layout::from_size_align(MAX_REGION, 8).unwrap();
        for _ in 0..10 {
            arena.scope(|| unsafe {
                // SAFETY: non-zero size; freed with its layout.
                let p = arena.alloc(big);
                arena.dealloc(p, big);
            });
        }
        assert_eq!(arena.want.load(Relaxed), MAX_REGION);
        let small = Layout::from_size_align(1000, 8).unwrap();
        let inside = arena.scope(|| unsafe {
            // SAFETY: as above.
            let p = arena.alloc(small);
            let inside = arena.in_region(p as usize);
            arena.dealloc(p, small);
            inside
        });
        assert!(inside);
        assert_eq!(arena.end.load(Relaxed) - arena.start.load(Relaxed), MAX_REGION);
    }

    /// After MAX_ABANDONED leaking scopes, the arena steps aside: everything comes from the
    /// backing allocator, and the leaked blocks stay intact.
    #[test]
    fn a_core_that_keeps_memory_turns_the_arena_off() {
        let arena = CallArena::new(System);
        let layout = Layout::from_size_align(64, 8).unwrap();
        let mut kept = Vec::new();
        for k in 0..MAX_ABANDONED + 3 {
            arena.scope(|| {
                // SAFETY: non-zero size.
                let h = Held { ptr: unsafe { arena.alloc(layout) }, layout, fill: k as u8 };
                fill(&h);
                kept.push(h);
            });
        }
        assert_eq!(arena.n_abandoned.load(Relaxed), MAX_ABANDONED);
        assert_eq!(arena.start.load(Relaxed), 0);
        for h in kept {
            check(&h);
            // SAFETY: live block, its layout.
            unsafe { arena.dealloc(h.ptr, h.layout) };
        }
    }
}
