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

    #[inline]
    fn slot_of(&self, word: &str) -> usize {
        // The length and five bytes (the first two, one in the middle, the last two), not a
        // loop over all of them: words are short, and these tell the lists' apart well
        // enough. A multiplication mixes them; its top bits pick the slot.
        // Taken by a slice pattern, without a bounds check for each (words under four bytes
        // fold all of theirs).
        let b = word.as_bytes();
        let bytes = match b {
            [a0, a1, .., z1, z0] => {
                let mid = b.get(b.len() / 2).copied().unwrap_or(0);
                u64::from(*a0) << 8 | u64::from(*a1) << 16 | u64::from(mid) << 24 | u64::from(*z1) << 32 | u64::from(*z0) << 40
            }
            _ => b.iter().fold(0u64, |k, &c| k << 8 | u64::from(c)) << 8,
        };
        let key = bytes | b.len() as u64;
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize
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
        while self.at(at).is_some_and(|&(w, _)| !same(w, word)) {
            at = (at + 1) & mask;
        }
        at
    }

    /// `word`'s entry. The probe returns the entry it stops at (asked of every word of a
    /// text), rather than a slot to read again.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&(&'k str, V)> {
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

    /// The value of `w`; when new, `new(n)` makes it, `n` being the new entry's number.
    pub(crate) fn entry_or_insert_with(&mut self, w: &'k str, new: impl FnOnce(usize) -> V) -> &mut V {
        let mut at = self.find(w);
        let e = match self.slots.get(at).copied().unwrap_or(0) {
            0 => {
                if 3 * (self.entries.len() + 1) > self.slots.len() {
                    self.grow();
                    at = self.find(w);
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
    /// that every probe ends at an empty slot.
    fn grow(&mut self) {
        self.bits += 1;
        self.slots = vec![0; 1 << self.bits];
        for i in 0..self.entries.len() {
            let at = self.find(self.entries[i].0);
            self.slots[at] = u32::try_from(i + 1).unwrap_or(0);
        }
    }
}

/// `a == b` by a byte loop: the memcmp call of `==` costs more than these short strings.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
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
}
