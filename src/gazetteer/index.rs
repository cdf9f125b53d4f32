//! An index of folded surface forms for whole-word matching: one hash table
//! keyed by every surface and by every prefix of a surface that ends at a
//! word end.
//!
//! Gazetteer matches start at a word start and end at a *stop* of the folded
//! text: a word end (a word is a run of alphanumeric chars) or the position
//! after any other char ("M." and "d'" end on punctuation). So instead of an
//! automaton over bytes (aho-corasick: ~30 s and hundreds of megabytes for a
//! million surfaces, and its DFA overflows), the matcher walks word by word
//! from a word start and asks this table whether the text so far is a
//! surface, the beginning of a longer one, or neither. Building costs one
//! hash insert per surface and per distinct prefix; a search costs about one
//! lookup per word, whatever the number of surfaces.
//!
//! The table is keyed by a 64-bit hash of the key string (computed
//! incrementally while the walk extends word by word, so a walk hashes each
//! byte once); surfaces are compared byte for byte before they count, so a
//! hash collision can cost a wasted step but never a wrong match.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::doc::ascii_alnum_bits;

/// "No surface" in [`Slot::surface`] and in the collision chains.
const NONE: u32 = u32::MAX;
/// A longer surface goes on to the next word after this prefix.
const CONTINUES: u8 = 1;
/// A surface ends inside the run of non-word chars after this prefix
/// ("M." after "m").
const GAP_END: u8 = 2;
/// Bits in [`SurfaceIndex::first_words`]: 128 KiB, which stays in cache
/// while a table of a million surfaces cannot.
const FIRST_WORD_BITS: usize = 1 << 20;

/// What the table knows about the strings with one hash.
#[derive(Clone, Copy, Debug)]
struct Slot {
    /// The latest surface with this hash (earlier ones follow in
    /// [`SurfaceIndex::same_hash`]), or [`NONE`].
    surface: u32,
    /// [`CONTINUES`] and [`GAP_END`]: what follows when this is a prefix.
    flags: u8,
}

/// Surfaces and their word-end prefixes, by hash. See the module docs.
pub(crate) struct SurfaceIndex {
    table: HashMap<u64, Slot, BuildHasherDefault<Prehashed>>,
    /// Every surface, concatenated; surface `i` is
    /// `surfaces[bounds[i]..bounds[i + 1]]`.
    surfaces: String,
    bounds: Vec<usize>,
    /// Surface id → the previous surface with the same hash, or [`NONE`].
    same_hash: Vec<u32>,
    /// The longest surface in bytes: no walk goes further.
    max_len: usize,
    /// A one-hash Bloom filter of the surfaces' first words: most words of
    /// a text start no surface, and this answers so without a probe of the
    /// table (a cache miss once the table holds a million surfaces).
    first_words: Vec<u64>,
    /// The same filter over the first words of the surfaces that may match
    /// text starting with a lowercase letter. Most names match only when
    /// capitalised, while the commonest words of a text ("de", "la", "the")
    /// are written in lowercase and begin such names ("De Gaulle", "La
    /// Paz"): their walks would find only names that the case rules then
    /// refuse.
    lowercase_first_words: Vec<u64>,
    /// Two more filters of the surfaces' first words, keyed by
    /// [`first_word_head_bit`]: a few instructions on the word's first
    /// eight bytes and its length, where the table's hash reads the whole
    /// word. Most words of a text begin no surface, and the scan turns them
    /// away with these before it hashes them or starts a walk. Word `k` of
    /// the first filter (all surfaces) is `first_word_heads[k][0]`, and of
    /// the second (the surfaces that may match text starting with a
    /// lowercase letter, see `lowercase_first_words`) `first_word_heads[k][1]`:
    /// side by side, both are read with one address, and the array's fixed
    /// size lets the compiler drop the bounds checks, for every word of a
    /// text.
    first_word_heads: Box<[[u64; 2]; FIRST_WORD_BITS / 64]>,
}

impl SurfaceIndex {
    /// An empty index with room for about `surfaces` surfaces.
    pub(crate) fn with_capacity(surfaces: usize) -> SurfaceIndex {
        let mut table = HashMap::default();
        // Real name lists share first words, so prefixes add less than one
        // key per surface.
        table.reserve(surfaces + surfaces / 2);
        SurfaceIndex {
            table,
            surfaces: String::new(),
            bounds: vec![0],
            same_hash: Vec::with_capacity(surfaces),
            max_len: 0,
            first_words: vec![0; FIRST_WORD_BITS / 64],
            lowercase_first_words: vec![0; FIRST_WORD_BITS / 64],
            first_word_heads: vec![[0; 2]; FIRST_WORD_BITS / 64]
                .into_boxed_slice()
                .try_into()
                .expect("FIRST_WORD_BITS / 64 pairs"),
        }
    }

    /// Number of distinct surfaces.
    pub(crate) fn len(&self) -> usize {
        self.same_hash.len()
    }

    /// Surface `id`, as bytes: slicing a `str` checks both ends for char
    /// boundaries, on every probe of a walk.
    fn surface(&self, id: u32) -> &[u8] {
        let id = id as usize;
        &self.surfaces.as_bytes()[self.bounds[id]..self.bounds[id + 1]]
    }

    /// Adds a folded surface; returns its id (the same id for the same
    /// string), or `None` for a surface that does not start with a word char
    /// and so can never match at a word start. `may_start_lowercase`: some
    /// entry of this surface may match text that starts with a lowercase
    /// letter (see [`SurfaceIndex::walk`]).
    pub(crate) fn insert(&mut self, folded: &str, may_start_lowercase: bool) -> Option<u32> {
        if !folded.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        if may_start_lowercase {
            let first_word = &folded[..word_end(folded, 0, folded.len())];
            set_bit(&mut self.lowercase_first_words, hash_str(first_word));
            let head = first_word_head_bit(folded.as_bytes(), 0, first_word.len());
            self.first_word_heads[head / 64][1] |= 1 << (head % 64);
        }
        let hash = hash_str(folded);
        let head = self.table.get(&hash).map_or(NONE, |slot| slot.surface);
        if let Some(id) = self.find(head, folded.as_bytes()) {
            return Some(id);
        }
        let id = u32::try_from(self.len()).expect("fewer than 4 billion surfaces");
        self.surfaces.push_str(folded);
        self.bounds.push(self.surfaces.len());
        self.same_hash.push(head);
        self.table
            .entry(hash)
            .or_insert(Slot {
                surface: NONE,
                flags: 0,
            })
            .surface = id;
        self.max_len = self.max_len.max(folded.len());
        self.insert_prefixes(folded);
        Some(id)
    }

    /// Marks every word end inside `folded` as a prefix, with what follows
    /// it: another word, or only the non-word chars that end the surface.
    fn insert_prefixes(&mut self, folded: &str) {
        let mut hash = RunningHash::new(folded.as_bytes(), 0);
        let mut p = word_end(folded, 0, folded.len());
        set_bit(&mut self.first_words, hash.to(p));
        let head = first_word_head_bit(folded.as_bytes(), 0, p);
        self.first_word_heads[head / 64][0] |= 1 << (head % 64);
        while p < folded.len() {
            let mut next = p;
            while next < folded.len() {
                let (word, len) = char_class(folded, next);
                if word {
                    break;
                }
                next += len;
            }
            let flag = if next < folded.len() {
                CONTINUES
            } else {
                GAP_END
            };
            self.table
                .entry(hash.to(p))
                .or_insert(Slot {
                    surface: NONE,
                    flags: 0,
                })
                .flags |= flag;
            p = word_end(folded, next, folded.len());
        }
    }

    /// The surface equal to `key` in the collision chain from `id`.
    fn find(&self, mut id: u32, key: &[u8]) -> Option<u32> {
        while id != NONE {
            if same_bytes(self.surface(id), key) {
                return Some(id);
            }
            id = self.same_hash[id as usize];
        }
        None
    }

    /// What may begin with `word`: whether some surface may
    /// (when not, [`SurfaceIndex::walk`] finds nothing), and whether some
    /// surface that may match text starting in lowercase may (when not, and
    /// the text starts in lowercase, the walk finds nothing it must find).
    /// Cheaper than the walk's own filters, which hash the whole word.
    #[inline]
    pub(crate) fn may_begin_with(&self, hay: &str, word: Word) -> FirstWord {
        let bit = first_word_head_bit(hay.as_bytes(), word.start, word.end);
        let [some, lowercase] = self.first_word_heads[bit / 64];
        let mask = 1 << (bit % 64);
        FirstWord {
            begins_some: some & mask != 0,
            begins_lowercase: lowercase & mask != 0,
        }
    }

    /// Pushes onto `found`, shortest first, every surface that `hay` has at
    /// `start` and that ends at a stop of `hay`, as `(surface id, end)`.
    /// `start` is a word start and `first_end` the end of that word.
    /// When `lowercase_start()` (the original text starts with a lowercase
    /// letter there), only surfaces inserted as `may_start_lowercase` are
    /// certain to be found: the others may be left out, since their entries
    /// would refuse the match anyway. It is asked only once the first word
    /// is known to begin some surface, and none that may start lowercase:
    /// reading the original text costs more than the filters, which answer
    /// for most words without it.
    pub(crate) fn walk(
        &self,
        hay: &str,
        start: usize,
        first_end: usize,
        lowercase_start: impl FnOnce() -> bool,
        found: &mut Vec<(u32, usize)>,
    ) {
        // No surface reaches further; this also bounds the work at one start
        // whatever the text (a run of ten thousand dashes, a huge word).
        let limit = start.saturating_add(self.max_len).min(hay.len());
        let mut hash = RunningHash::new(hay.as_bytes(), start);
        let mut end = first_end;
        if end > limit {
            return;
        }
        let mut key = hash.to(end);
        // Every first word of `lowercase_first_words` is in `first_words`.
        // The filter before the text: reading the original char costs more.
        if !bit_set(&self.first_words, key)
            || !bit_set(&self.lowercase_first_words, key) && lowercase_start()
        {
            return;
        }
        loop {
            let Some(&slot) = self.table.get(&key) else {
                return;
            };
            self.push_found(slot, hay, start, end, found);
            if slot.flags == 0 {
                return;
            }
            // The non-word chars after this word, each one a stop.
            let mut p = end;
            loop {
                if p >= hay.len() {
                    return;
                }
                let (word, len) = char_class(hay, p);
                if word {
                    break;
                }
                p += len;
                if p > limit {
                    return;
                }
                if slot.flags & GAP_END != 0 {
                    if let Some(&gap) = self.table.get(&hash.to(p)) {
                        self.push_found(gap, hay, start, p, found);
                    }
                }
            }
            if slot.flags & CONTINUES == 0 {
                return;
            }
            end = word_end(hay, p, limit + 1);
            if end > limit {
                return;
            }
            key = hash.to(end);
        }
    }

    #[inline]
    fn push_found(
        &self,
        slot: Slot,
        hay: &str,
        start: usize,
        end: usize,
        found: &mut Vec<(u32, usize)>,
    ) {
        if slot.surface != NONE {
            if let Some(id) = self.find(slot.surface, &hay.as_bytes()[start..end]) {
                found.push((id, end));
            }
        }
    }
}

/// Whether `a` and `b` are the same bytes, compared inline eight bytes at
/// a time: the keys of a walk are short, and the call to `memcmp` that
/// `==` makes cost more than the comparison itself.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut a8, mut b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let as_u64 = |chunk: &[u8]| u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
    (&mut a8).zip(&mut b8).all(|(x, y)| as_u64(x) == as_u64(y))
        && a8
            .remainder()
            .iter()
            .zip(b8.remainder())
            .all(|(x, y)| x == y)
}

/// What [`SurfaceIndex::may_begin_with`] knows of a first word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FirstWord {
    /// Some surface may begin with it.
    pub(crate) begins_some: bool,
    /// Some surface that may match text starting in lowercase may begin
    /// with it.
    pub(crate) begins_lowercase: bool,
}

/// Whether each byte is an ASCII word char (letter or digit), as a table:
/// one load a byte in the scans below. Bytes of non-ASCII chars are `false`
/// here and decoded by [`char_class`].
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Whether the char at byte `i` of `s` is a word char (alphanumeric), and
/// its length in bytes. Folded text is mostly ASCII: that case is one load.
#[inline(always)]
fn char_class(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (ASCII_WORD[usize::from(b)], 1)
    } else {
        let c = s[i..].chars().next().expect("i is a char boundary");
        (c.is_alphanumeric(), c.len_utf8())
    }
}

/// The end of the word (run of alphanumeric chars) that starts at `i`,
/// scanning no further than about `cap` (the result is a char boundary,
/// possibly a few bytes past `cap`).
#[inline(always)]
fn word_end(s: &str, mut i: usize, cap: usize) -> usize {
    let bytes = s.as_bytes();
    let cap = cap.min(bytes.len());
    while i < cap {
        i = ascii_word_end(bytes, i, cap);
        if i >= cap || bytes[i] < 0x80 {
            break;
        }
        let (word, len) = char_class(s, i);
        if !word {
            break;
        }
        i += len;
    }
    i
}

/// A word of the text, as [`WordMap::words`] finds it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    /// Where it starts and ends (a run of alphanumeric chars).
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Which bytes of a text belong to words (runs of alphanumeric chars), one
/// bit a byte, so that the scan goes from word to word with a few bit
/// operations.
///
/// Finding the words one by one (skipping the gap byte by byte, then
/// testing the word's bytes for its end) cost about a hundred instructions
/// a word, for every word of the text, when most words begin no surface.
/// Here the bits are set 64 bytes at a time with word operations, and the
/// next word start and its end are each a `trailing_zeros`.
pub(crate) struct WordMap {
    /// Bit `i % 64` of `bits[i / 64]`: byte `i` belongs to a word char.
    /// One more bit than there are bytes, always clear: every word ends
    /// inside the map.
    bits: Vec<u64>,
}

impl WordMap {
    /// Maps the words of `hay`.
    pub(crate) fn new(hay: &str) -> WordMap {
        let bytes = hay.as_bytes();
        let mut bits = vec![0u64; bytes.len() / 64 + 1];
        let mut blocks = bytes.chunks_exact(64);
        for (k, block) in (&mut blocks).enumerate() {
            let Ok(block) = <&[u8; 64]>::try_from(block) else {
                continue;
            };
            let (word, non_ascii) = ascii_alnum_bits(block);
            bits[k] |= word;
            if non_ascii {
                mark_non_ascii_words(hay, 64 * k, 64, &mut bits);
            }
        }
        let rest = blocks.remainder();
        if !rest.is_empty() {
            // The last bytes, padded with zeros (not word bytes).
            let mut padded = [0u8; 64];
            padded[..rest.len()].copy_from_slice(rest);
            let (word, non_ascii) = ascii_alnum_bits(&padded);
            let at = bytes.len() - rest.len();
            bits[at / 64] |= word;
            if non_ascii {
                mark_non_ascii_words(hay, at, rest.len(), &mut bits);
            }
        }
        WordMap { bits }
    }

    /// The words of the text, in order.
    pub(crate) fn words(&self) -> Words<'_> {
        Words {
            bits: &self.bits,
            block: 0,
            rest: self.bits[0],
        }
    }
}

/// The words of a [`WordMap`], in text order.
///
/// The block of bits being read stays in a register with the words already
/// returned cleared from it: the next word's start is its lowest set bit,
/// and adding that bit to the block carries through the word's run of ones,
/// which gives the word's end, all in a few operations, where looking the
/// next word up from an offset read and masked the block again each time
/// (about twenty instructions a word, for every word of a text).
pub(crate) struct Words<'m> {
    bits: &'m [u64],
    /// The block `rest` comes from.
    block: usize,
    /// The word bits of `bits[block]` not returned yet (a word that goes on
    /// into the next block counts as returned with its start).
    rest: u64,
}

impl Iterator for Words<'_> {
    type Item = Word;

    #[inline(always)]
    fn next(&mut self) -> Option<Word> {
        while self.rest == 0 {
            self.block += 1;
            self.rest = *self.bits.get(self.block)?;
        }
        let rest = self.rest;
        let start = 64 * self.block + rest.trailing_zeros() as usize;
        // The run of ones from the lowest set bit, plus that bit: the run
        // clears and the bit after it sets, unless the run reaches the
        // block's last bit (then the sum overflows to 0).
        let after = rest.wrapping_add(rest & rest.wrapping_neg());
        if after != 0 {
            self.rest = rest & after;
            let end = 64 * self.block + after.trailing_zeros() as usize;
            return Some(Word { start, end });
        }
        // The word goes on into the next blocks, up to the first clear bit;
        // the bit after the last byte is clear, so this stops inside the
        // map.
        loop {
            self.block += 1;
            let bits = self.bits[self.block];
            if bits != u64::MAX {
                let end = 64 * self.block + (!bits).trailing_zeros() as usize;
                // The word's bits cleared: its trailing ones.
                self.rest = bits & bits.wrapping_add(1);
                return Some(Word { start, end });
            }
        }
    }
}

/// Sets the bits of the non-ASCII word chars (letters of other scripts:
/// "ж", "ø") that start in `hay[at..at + len]`: decoded one by one, as they
/// are rare in folded text.
#[cold]
fn mark_non_ascii_words(hay: &str, at: usize, len: usize, bits: &mut [u64]) {
    let lead_bytes = hay.as_bytes()[at..at + len]
        .iter()
        .enumerate()
        // A UTF-8 lead byte: a char starts there.
        .filter(|(_, &b)| b >= 0xC0)
        .map(|(j, _)| at + j);
    for i in lead_bytes {
        let (word, char_len) = char_class(hay, i);
        if word {
            for b in i..i + char_len {
                bits[b / 64] |= 1 << (b % 64);
            }
        }
    }
}

/// Each byte of a `u64` set to `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of each byte.
const HIGH: u64 = splat(0x80);

/// The first byte at or after `i` (and before `cap`) that is not an ASCII
/// word char, or `cap`: eight bytes at a time, since words are most of a
/// text and a byte-by-byte loop was a tenth of the stage.
#[inline(always)]
fn ascii_word_end(bytes: &[u8], mut i: usize, cap: usize) -> usize {
    while i + 8 <= cap {
        let Some(chunk) = bytes.get(i..i + 8) else {
            break;
        };
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let stop = ascii_stops(v);
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < cap && ASCII_WORD[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// The high bit of each byte of `v` that is not an ASCII word char.
#[inline(always)]
fn ascii_stops(v: u64) -> u64 {
    // Per byte, on its low seven bits (no carry between bytes): the high
    // bit of x + (0x80 - k) is set when x >= k.
    let x = v & !HIGH;
    let ge = |x: u64, k: u8| x.wrapping_add(splat(0x80 - k)) & HIGH;
    let digit = ge(x, b'0') & !ge(x, b'9' + 1);
    let folded_case = x | splat(0x20);
    let letter = ge(folded_case, b'a') & !ge(folded_case, b'z' + 1);
    // Not a word byte: neither digit nor letter, or not ASCII at all.
    (!(digit | letter) & HIGH) | (v & HIGH)
}

/// Where the word `bytes[start..end]` sits in
/// [`SurfaceIndex::first_word_heads`]: its first eight bytes (or fewer, for
/// a shorter word) and its length, mixed by one multiplication.
#[inline(always)]
fn first_word_head_bit(bytes: &[u8], start: usize, end: usize) -> usize {
    let len = end - start;
    debug_assert!(len > 0, "words are not empty");
    let kept = len.min(8);
    // The low `kept` bytes, by one shift (a word has at least one byte).
    let mask = u64::MAX.wrapping_shr(8 * (8 - kept) as u32);
    let head = match bytes.get(start..start + 8) {
        Some(word) => u64::from_le_bytes(word.try_into().unwrap_or([0; 8])) & mask,
        None => bytes[start..start + kept]
            .iter()
            .rev()
            .fold(0, |acc, &b| (acc << 8) | u64::from(b)),
    };
    head_bit(head, len)
}

/// The bit of a word of `len` bytes whose first eight bytes (or fewer, the
/// rest zero) are `head`: see [`first_word_head_bit`].
#[inline(always)]
fn head_bit(head: u64, len: usize) -> usize {
    let mixed = (head ^ (len as u64).wrapping_mul(K2)).wrapping_mul(K1);
    (mixed >> 44) as usize % FIRST_WORD_BITS
}

/// Where the first word with hash `key` sits in
/// [`SurfaceIndex::first_words`]: bits of the hash that the table does not
/// use for its buckets.
fn first_word_bit(key: u64) -> usize {
    (key >> 40) as usize % FIRST_WORD_BITS
}

/// Sets the bit of first word hash `key` in a [`FIRST_WORD_BITS`] filter.
fn set_bit(filter: &mut [u64], key: u64) {
    let bit = first_word_bit(key);
    filter[bit / 64] |= 1 << (bit % 64);
}

/// Whether the bit of first word hash `key` is set in a filter.
#[inline]
fn bit_set(filter: &[u64], key: u64) -> bool {
    let bit = first_word_bit(key);
    filter[bit / 64] & (1 << (bit % 64)) != 0
}

/// The 64-bit hash of `s` that the table is keyed by.
fn hash_str(s: &str) -> u64 {
    RunningHash::new(s.as_bytes(), 0).to(s.len())
}

/// Hashes `bytes[start..end]` for growing `end`, absorbing each 8-byte
/// chunk once: the hash of a slice does not depend on how it was reached,
/// so surfaces hashed whole at build time meet text hashed word by word.
///
/// A multiply-and-fold mix (as in foldhash and wyhash): every output bit
/// depends on every input bit, which the table needs since it uses the hash
/// as is, low bits for the bucket and high bits for the tag.
struct RunningHash<'a> {
    bytes: &'a [u8],
    start: usize,
    /// Bytes `start..absorbed` are mixed into `state`, in 8-byte chunks.
    absorbed: usize,
    state: u64,
}

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0x9e37_79b9_7f4a_7c15;
const K2: u64 = 0xa076_1d64_78bd_642f;

#[inline]
fn folded_multiply(a: u64, b: u64) -> u64 {
    let full = u128::from(a) * u128::from(b);
    (full as u64) ^ ((full >> 64) as u64)
}

impl<'a> RunningHash<'a> {
    fn new(bytes: &'a [u8], start: usize) -> RunningHash<'a> {
        RunningHash {
            bytes,
            start,
            absorbed: start,
            state: SEED,
        }
    }

    /// The hash of `bytes[start..end]`; `end` never decreases between calls.
    #[inline]
    fn to(&mut self, end: usize) -> u64 {
        while self.absorbed + 8 <= end {
            let chunk: [u8; 8] = self.bytes[self.absorbed..self.absorbed + 8]
                .try_into()
                .expect("8 bytes");
            self.state = folded_multiply(self.state ^ u64::from_le_bytes(chunk), K1);
            self.absorbed += 8;
        }
        // The last 0 to 7 bytes, as a little-endian word padded with zeros:
        // one load and a mask when the buffer goes on far enough.
        let rest = end - self.absorbed;
        let tail = match self.bytes.get(self.absorbed..self.absorbed + 8) {
            Some(word) => {
                let word = u64::from_le_bytes(word.try_into().expect("8 bytes"));
                word & ((1u64 << (8 * rest)) - 1)
            }
            None => self.bytes[self.absorbed..end]
                .iter()
                .rev()
                .fold(0, |acc, &b| (acc << 8) | u64::from(b)),
        };
        let len = (end - self.start) as u64;
        folded_multiply(self.state ^ tail, K2 ^ len)
    }
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed here; keep any other input usable.
        for &b in bytes {
            self.0 = folded_multiply(self.0 ^ u64::from(b), K1);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_ends_eight_at_a_time_as_byte_by_byte() {
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = b"a0Zz9bcdefghijklmnopqrstuvwxyz".to_vec();
                bytes[at] = b;
                for cap in 0..=bytes.len() {
                    let slow = (0..cap)
                        .find(|&k| !ASCII_WORD[usize::from(bytes[k])])
                        .unwrap_or(cap);
                    assert_eq!(
                        ascii_word_end(&bytes, 0, cap),
                        slow,
                        "{b} at {at}, cap {cap}"
                    );
                }
            }
        }
    }

    /// The words of `hay` as the map finds them.
    fn mapped_words(hay: &str) -> Vec<&str> {
        WordMap::new(hay)
            .words()
            .map(|word| &hay[word.start..word.end])
            .collect()
    }

    #[test]
    fn word_map_finds_the_alphanumeric_runs() {
        let text = "a bc, l'azerbaidjan  x12345678 9 москва и abcdefgh.ij-жk abcdefg \
                    L’ÉLYSÉE Œuvre e\u{301}x 2024 ² 😀x ß øre abc";
        let long = format!("{}ж{}é{}", "w".repeat(63), "y".repeat(64), "z".repeat(70));
        // Words that fill whole blocks of the map, end on a block's last
        // bit, or start on its first.
        let full = "x".repeat(128);
        let edges = format!("{} {} {}", "a".repeat(63), "b".repeat(64), "c".repeat(129));
        let cases = [
            &full,
            &full[..64],
            &edges,
            &edges[1..],
            text,
            &text[..text.len() - 3],
            "",
            " ",
            "abcdefgh",
            "w",
            &long,
            &long[1..],
            &long[2..],
        ];
        for hay in cases {
            let slow: Vec<&str> = hay
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(mapped_words(hay), slow, "{hay:?}");
        }
        // Every cut of the text, so that words and non-ASCII chars meet
        // the 8- and 64-byte boundaries everywhere.
        let both = format!("{text} {long} {text}");
        for cut in (0..both.len()).filter(|&c| both.is_char_boundary(c)) {
            let hay = &both[cut..];
            let slow: Vec<&str> = hay
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(mapped_words(hay), slow, "{hay:?}");
        }
    }

    fn walk(index: &SurfaceIndex, hay: &str, start: usize) -> Vec<String> {
        let mut found = Vec::new();
        let first_end = word_end(hay, start, hay.len());
        index.walk(hay, start, first_end, || false, &mut found);
        found
            .into_iter()
            .map(|(id, end)| {
                assert_eq!(index.surface(id), &hay.as_bytes()[start..end]);
                hay[start..end].to_string()
            })
            .collect()
    }

    #[test]
    fn finds_every_surface_ending_at_a_stop() {
        let mut index = SurfaceIndex::with_capacity(4);
        for s in [
            "m.",
            "m. durand",
            "paris",
            "paris saint-germain",
            "u.s.",
            "u.s",
        ] {
            assert!(index.insert(s, true).is_some());
        }
        assert_eq!(index.insert("paris", true), Some(2), "same string, same id");
        assert_eq!(index.insert("-x", true), None);
        assert_eq!(index.len(), 6);
        for (hay, start, end) in [("m. durand", 0, 1), ("x paris", 2, 7), ("u.s.a", 0, 1)] {
            let word = WordMap::new(hay)
                .words()
                .find(|w| w.start >= start)
                .unwrap();
            assert_eq!((word.start, word.end), (start, end));
            let first = index.may_begin_with(hay, word);
            assert!(first.begins_some && first.begins_lowercase, "{hay}");
        }
        assert_eq!(walk(&index, "m. durand et", 0), ["m.", "m. durand"]);
        assert_eq!(walk(&index, "m. durandal", 0), ["m."]);
        assert_eq!(
            walk(&index, "paris saint-germain!", 0),
            ["paris", "paris saint-germain"]
        );
        assert_eq!(walk(&index, "paris saint-germainois", 0), ["paris"]);
        assert_eq!(walk(&index, "u.s.a", 0), ["u.s", "u.s."]);
        assert_eq!(walk(&index, "x paris", 2), ["paris"]);
        assert!(walk(&index, "parisien", 0).is_empty());
    }

    #[test]
    fn same_bytes_as_slice_equality() {
        let words = [
            "",
            "a",
            "A",
            "é",
            "e",
            "l'",
            "l’",
            "abcdefgh",
            "abcdefgi",
            "abcdefghé",
            "abcdefghe",
            "2024",
            "côte d'ivoire",
            "cote d'ivoire",
            "côte d’ivoire",
            "ÉTATS-UNIS",
        ];
        for a in words {
            for b in words {
                let (a, b) = (a.as_bytes(), b.as_bytes());
                assert_eq!(same_bytes(a, b), a == b, "{a:?} {b:?}");
                for cut in 0..a.len() {
                    assert_eq!(same_bytes(&a[..cut], b), &a[..cut] == b);
                }
            }
        }
    }

    #[test]
    fn hashes_agree_however_reached() {
        let text = "république démocratique du congo, et plus";
        let mut running = RunningHash::new(text.as_bytes(), 0);
        for end in [8, 9, 23, 26, 32, text.len()] {
            assert_eq!(running.to(end), hash_str(&text[..end]), "{end}");
        }
        assert_ne!(hash_str("a"), hash_str("a\0"));
    }

    #[test]
    fn same_hash_surfaces_stay_apart() {
        // Force two surfaces into one slot, as a 64-bit collision would.
        let mut index = SurfaceIndex::with_capacity(2);
        let a = index.insert("nice", true).unwrap();
        let slot = index.table[&hash_str("nice")];
        index.surfaces.push_str("lyon");
        index.bounds.push(index.surfaces.len());
        index.same_hash.push(slot.surface);
        let b = a + 1;
        index.table.get_mut(&hash_str("nice")).unwrap().surface = b;
        assert_eq!(index.find(b, b"nice"), Some(a));
        assert_eq!(index.find(b, b"lyon"), Some(b));
        assert_eq!(index.find(b, b"pau"), None);
    }

    #[test]
    fn bounded_by_the_longest_surface() {
        let mut index = SurfaceIndex::with_capacity(1);
        index.insert("a b", true).unwrap();
        let hay = format!("a {}b", "-".repeat(10_000));
        assert!(walk(&index, &hay, 0).is_empty());
        assert_eq!(walk(&index, "a b", 0), ["a b"]);
    }
}
