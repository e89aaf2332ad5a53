//! An open-addressing hash table keyed by strings, for the word lists and gazetteer tables
//! that the passes probe with every word and name of a text, and for a text's own words.
//!
//! A `HashMap<&str, _>` cost about 100 instructions a look-up (hashing every byte, the group
//! probe, and a memcmp call to compare keys): in the lexicon 3% of all the work, in the
//! gazetteer tables 2.5% more. Here a short byte hash picks a slot in a table at most a third
//! full, and the keys compare by length first, then byte by byte. Most look-ups miss, and a miss
//! usually ends at the first empty slot.

/// Strings and their values, in the order they were added (an entry's number is its index).
pub(crate) struct WordTable<'k, V> {
    entries: Vec<(&'k str, V)>,
    /// Per slot, the index into `entries` plus one; 0 for an empty slot.
    slots: Vec<u32>,
    /// `slots.len()` is `1 << bits`.
    bits: u32,
}

impl<'k, V> WordTable<'k, V> {
    /// An empty table with room for `n` entries without growing.
    pub(crate) fn with_capacity(n: usize) -> WordTable<'k, V> {
        let bits = (3 * n.max(1)).next_power_of_two().trailing_zeros().max(4);
        WordTable { entries: Vec::with_capacity(n), slots: vec![0; 1 << bits], bits }
    }

    /// How many entries the table has.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entry number `n` (the `n` given to `new` when it was added).
    pub(crate) fn entry(&self, n: usize) -> Option<&(&'k str, V)> {
        self.entries.get(n)
    }

    // Always inlined: the size-optimised wasm build kept it a call in every look-up, 3.2% of
    // the wasm's time on PolNeAR at ff00c84 (scripts/bench-node/wasm-profile.mjs; V8 does not
    // inline one wasm function into another). With `lex_entry` and `same` always inlined too, and the passes' compares of
    // short words through `same`, 3.4% faster in Node (16.59 against 16.04 M chars/s, 10
    // rounds of scripts/bench-node/throughput-ab.mjs) for 1.8 KB more gzipped wasm.
    #[inline(always)]
    fn slot_of(&self, word: &str) -> usize {
        // Every byte counts, eight at a time, each step a rotate, an xor and a multiplication
        // (as in rustc's Fx hash); the top bits pick the slot. An earlier version mixed only
        // the length and five sampled bytes, which was slightly cheaper, but the table also
        // holds the words of the pasted text: a list of codes differing only in unsampled
        // bytes all landed on one chain, and 1 MB of them took 30 s instead of 0.3 s
        // (`collision_shaped_vocabulary_stays_linear` below).
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let mix = |k: u64, x: u64| (k.rotate_left(5) ^ x).wrapping_mul(K);
        let b = word.as_bytes();
        let n = b.len();
        // Words of 4 to 16 bytes (most of them) are read as two overlapping loads.
        let key = if n >= 8 {
            let mut k = n as u64;
            let mut i = 0;
            while i + 8 < n {
                k = mix(k, le_u64(b.get(i..i + 8)));
                i += 8;
            }
            mix(k, le_u64(b.get(n - 8..)))
        } else if n >= 4 {
            mix(n as u64, le_u32(b.get(..4)) | le_u32(b.get(n - 4..)) << 32)
        } else {
            mix(n as u64, b.iter().fold(0u64, |k, &c| k << 8 | u64::from(c)))
        };
        (key >> (64 - self.bits)) as usize
    }

    /// The entry at `slot`, if the slot holds one.
    #[inline]
    fn at(&self, slot: usize) -> Option<&(&'k str, V)> {
        let e = usize::try_from(*self.slots.get(slot)?).ok()?;
        self.entries.get(e.checked_sub(1)?)
    }

    /// The slot that holds `word`, or the empty slot where it would go.
    fn find(&self, word: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = self.slot_of(word);
        // A match, not `is_some_and` with a closure, which the wasm build made a call a probe.
        loop {
            match self.at(at) {
                Some(&(w, _)) if !same(w, word) => at = (at + 1) & mask,
                _ => return at,
            }
        }
    }

    /// `word`'s entry, always inlined: for the look-ups asked of every word or name of a text
    /// (the lexicon, the vocabulary, the gazetteer's n-grams), where the wasm build made the
    /// probe a call, which cost more than the word-load compare of [`same`] saves. The probe
    /// returns the entry it stops at, rather than a slot to read again.
    #[inline(always)]
    pub(crate) fn get_hot(&self, word: &str) -> Option<&(&'k str, V)> {
        let mask = self.slots.len() - 1;
        let mut at = self.slot_of(word);
        loop {
            let entry = self.at(at)?;
            if same(entry.0, word) {
                return Some(entry);
            }
            at = (at + 1) & mask;
        }
    }

    /// `word`'s entry, as [`WordTable::get_hot`], left to the compiler to inline or not: the
    /// other look-ups are asked of a few words each. All of them always inlined, the wasm was
    /// 2.2 KB larger gzipped and no faster in Node (15.82 against 14.79 M chars/s, 10 rounds of
    /// scripts/bench-node/throughput-ab.mjs, at 251e15e).
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&(&'k str, V)> {
        self.get_hot(word)
    }

    /// Adds `w` to a set (a table of nothing). One copy of the insertion for the sets' rarer
    /// callers: each closure given to [`WordTable::entry_or_insert_with`] is a copy of its own.
    #[inline(never)]
    pub(crate) fn add(&mut self, w: &'k str)
    where
        V: Default,
    {
        self.entry_or_insert_with(w, |_| V::default());
    }

    /// The value of `w`; when new, `new(n)` makes it, `n` being the new entry's number.
    pub(crate) fn entry_or_insert_with(&mut self, w: &'k str, new: impl FnOnce(usize) -> V) -> &mut V {
        let mut at = self.find(w);
        let e = match self.slots.get(at).copied().unwrap_or(0) {
            0 => {
                if 3 * (self.entries.len() + 1) > self.slots.len() {
                    at = self.grow(w);
                }
                let n = self.entries.len();
                self.entries.push((w, new(n)));
                if let Some(s) = self.slots.get_mut(at) {
                    *s = u32::try_from(n + 1).unwrap_or(0);
                }
                n
            }
            e => e as usize - 1,
        };
        &mut self.entries[e].1
    }

    /// Sets the value of `w`, replacing the one it had (as `HashMap::insert` does).
    pub(crate) fn insert(&mut self, w: &'k str, v: V) {
        let mut v = Some(v);
        let slot = self.entry_or_insert_with(w, |_| v.take().expect("taken once"));
        if let Some(v) = v {
            *slot = v;
        }
    }

    /// Twice the slots, the entries placed again: keeps the table at most a third full, so
    /// that every probe ends at an empty slot. Returns the slot where `w` now goes. Out of line
    /// (it runs once a doubling), so that its probe is not copied into every insert.
    #[inline(never)]
    fn grow(&mut self, w: &str) -> usize {
        self.bits += 1;
        self.slots = vec![0; 1 << self.bits];
        for i in 0..self.entries.len() {
            let at = self.find(self.entries[i].0);
            self.slots[at] = u32::try_from(i + 1).unwrap_or(0);
        }
        self.find(w)
    }
}

/// Eight bytes as a little-endian number (0 for a slice of another length, which the callers
/// never pass).
#[inline]
fn le_u64(b: Option<&[u8]>) -> u64 {
    b.and_then(|b| <[u8; 8]>::try_from(b).ok()).map_or(0, u64::from_le_bytes)
}

/// Four bytes as a little-endian number, as [`le_u64`].
#[inline]
fn le_u32(b: Option<&[u8]>) -> u64 {
    b.and_then(|b| <[u8; 4]>::try_from(b).ok()).map_or(0, |w| u64::from(u32::from_le_bytes(w)))
}

/// `a == b` by loads of eight or four bytes as in [`WordTable::slot_of`] (overlapping at the
/// end), short ones by a byte loop: the memcmp call of `==` costs more than these short strings,
/// and a byte loop over a hit's every byte about twice as much as this. Also for the passes'
/// own compares of short words, where the wasm build's `==` is a call to a byte loop.
#[inline(always)]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if le_u64(a.get(i..i + 8)) != le_u64(b.get(i..i + 8)) {
                return false;
            }
            i += 8;
        }
        le_u64(a.get(n - 8..)) == le_u64(b.get(n - 8..))
    } else if n >= 4 {
        le_u32(a.get(..4)) == le_u32(b.get(..4)) && le_u32(a.get(n - 4..)) == le_u32(b.get(n - 4..))
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_and_grows() {
        let words: Vec<&'static str> = (0..500).map(|i| &*String::leak(format!("w{i}"))).collect();
        let mut t = WordTable::with_capacity(4);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(*t.entry_or_insert_with(w, |n| n), i);
        }
        t.insert("w7", 1000);
        assert_eq!(t.len(), 500);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w).map(|e| e.1), Some(if i == 7 { 1000 } else { i }), "{w}");
        }
        assert!(t.get("w500").is_none() && t.get("").is_none() && t.get("x").is_none());
    }

    /// Words alike in length and in their first, middle and last bytes (a list of codes, as
    /// pasted text may hold) spread over the table: no probe walks far. With five sampled bytes
    /// hashed, all of them shared one chain and the look-ups of a text grew with its square.
    #[test]
    fn collision_shaped_vocabulary_stays_linear() {
        let mut words = Vec::new();
        for i in 0..26u32.pow(4) {
            let l = |k: u32| char::from(b'a' + (i / 26u32.pow(k) % 26) as u8);
            words.push(String::from_iter(['a', 'b', l(3), l(2), 'm', l(1), l(0), 'y', 'z']));
        }
        let mut t = WordTable::with_capacity(0);
        for w in &words {
            t.entry_or_insert_with(w, |n| n);
        }
        let mask = t.slots.len() - 1;
        let longest = (0..t.slots.len())
            .filter_map(|s| Some((s, t.at(s)?.0)))
            .map(|(s, w)| s.wrapping_sub(t.slot_of(w)) & mask)
            .max();
        assert!(longest.is_some_and(|d| d < 64), "longest probe {longest:?}");
    }
}
