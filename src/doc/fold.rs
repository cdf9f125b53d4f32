//! Folding for matching: one copy of the text with case, accents,
//! apostrophes, quotes, dashes and spaces folded, plus a map back to the
//! original bytes.
//!
//! aho-corasick folds ASCII case only ("unlikely that support for Unicode case
//! folding will be added", `AhoCorasickBuilder::ascii_case_insensitive`), and
//! news text writes "Élysée", "l’Azerbaïdjan" and "ÉTATS-UNIS", so both the
//! gazetteer surfaces and the document are folded here with the same function.
//! Offsets are never taken from the folded copy: [`Folded::to_original`] maps
//! every match back (tantivy: "offsets shall not be modified by token
//! filters").

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::Span;

/// A folded copy of a text with a map back to original byte offsets.
///
/// Most news text is ASCII, where folding keeps byte lengths; the map stores
/// only the places where lengths differ (accented letters, typographic
/// punctuation, runs of spaces), so it costs little memory even for a document
/// of tens of megabytes.
///
/// ```
/// use depeche::doc::Folded;
/// use depeche::Span;
/// let text = "À  l’ÉLYSÉE";
/// let folded = Folded::new(text);
/// assert_eq!(folded.as_str(), "a l'elysee");
/// let at = folded.as_str().find("elysee").unwrap();
/// let span = folded.to_original(Span::new(at, at + "elysee".len()));
/// assert_eq!(span.slice(text), "ÉLYSÉE");
/// ```
#[derive(Debug, Clone)]
pub struct Folded {
    text: String,
    /// Places where one original char folds to a different number of bytes,
    /// sorted by `folded`.
    irregular: Vec<Irregular>,
}

#[derive(Debug, Clone, Copy)]
struct Irregular {
    folded: usize,
    folded_len: usize,
    original: usize,
    original_len: usize,
    /// A combining mark that folded to nothing: it belongs to the char
    /// before it, so a match ending there takes it along.
    joins_previous: bool,
}

/// What one original char folds to.
enum Fold {
    Same(char),
    Char(char),
    Str(&'static str),
    Lower(char),
    Space,
}

#[inline]
fn classify(c: char) -> Fold {
    match c {
        'A'..='Z' => Fold::Char(c.to_ascii_lowercase()),
        c if c.is_ascii() => {
            if c.is_ascii_whitespace() {
                Fold::Space
            } else {
                Fold::Same(c)
            }
        }
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '\u{2032}' | '\u{FF07}' => {
            Fold::Char('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' | '\u{201E}' | '\u{201F}' => {
            Fold::Char('"')
        }
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Fold::Char('-'),
        'œ' | 'Œ' => Fold::Str("oe"),
        'æ' | 'Æ' => Fold::Str("ae"),
        'ß' => Fold::Str("ss"),
        c if c.is_whitespace() => Fold::Space,
        c => Fold::Lower(c),
    }
}

/// Appends `c` in UTF-8.
#[inline]
fn push_char(c: char, out: &mut Vec<u8>) {
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

/// Appends the folded form of a non-ASCII letter: lowercase, decomposed,
/// combining marks dropped.
fn push_lower(c: char, out: &mut Vec<u8>) {
    if let Some(folded) = latin1_letter(c) {
        push_char(folded, out);
        return;
    }
    for lower in c.to_lowercase() {
        decompose_canonical(lower, |d| {
            if !is_combining_mark(d) {
                push_char(d, out);
            }
        });
    }
}

/// Each byte of a `u64` set to `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of each byte.
const HIGH: u64 = splat(0x80);

/// Appends the lowercase of the plain ASCII that starts at `bytes[at..]`
/// and returns where it stops: at the end, at a non-ASCII byte, at a
/// control char, or at a ' ' right after another (`in_space`: the byte
/// before was a ' '), which the general path of [`Folded::new`] handles.
/// On x86-64 the accented Latin-1 letters of the run are folded too, and
/// recorded in `irregular` (see [`fold_ascii_blocks_sse2`]).
///
/// Sixteen bytes at a time with SSE2 on x86-64, then eight at a time,
/// decided with a few word operations: a chunk that stops early has its
/// bytes before the stop appended at once rather than one by one.
#[inline]
// Elsewhere `irregular` is not written: only the SSE2 steps fold accents.
#[cfg_attr(
    not(all(target_arch = "x86_64", target_feature = "sse2")),
    allow(unused_variables, clippy::ptr_arg)
)]
fn fold_ascii_run(
    bytes: &[u8],
    mut at: usize,
    in_space: &mut bool,
    out: &mut Vec<u8>,
    irregular: &mut Vec<Irregular>,
) -> usize {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: a `target_feature` function asks only that the CPU have
        // the feature, and the `cfg` above says this build already assumes
        // SSE2 everywhere (it is part of the x86-64 baseline).
        let (next, stopped) =
            unsafe { fold_ascii_blocks_sse2(bytes, at, in_space, out, irregular) };
        if stopped {
            return next;
        }
        at = next;
    }
    while let Some(chunk) = bytes.get(at..at + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
        // Per byte: the high bit of v + (0x80 - k) is set when the byte is
        // >= k. A byte of 0x80 or more may carry into the next byte, so each
        // mask is right only up to the first non-ASCII byte: exactly the
        // bytes kept.
        let non_ascii = v & HIGH;
        let control = !v.wrapping_add(splat(0x80 - 0x20)) & HIGH;
        let spaces = !(v ^ splat(b' ')).wrapping_add(splat(0x7f)) & HIGH;
        // A space after a space (the byte before the chunk for the first).
        let doubled = spaces & ((spaces << 8) | (u64::from(*in_space) << 7));
        let upper =
            v.wrapping_add(splat(0x80 - b'A')) & !v.wrapping_add(splat(0x80 - b'Z' - 1)) & HIGH;
        let lowered = (v | (upper >> 2)).to_le_bytes();
        let stop = non_ascii | control | doubled;
        if stop == 0 {
            out.extend_from_slice(&lowered);
            *in_space = spaces >> 63 != 0;
            at += 8;
            continue;
        }
        let kept = (stop.trailing_zeros() / 8) as usize;
        if kept > 0 {
            // All eight bytes stored and those from the stop on dropped:
            // cheaper than a copy of a variable length.
            let len = out.len();
            out.extend_from_slice(&lowered);
            out.truncate(len + kept);
            *in_space = (spaces >> (8 * kept - 1)) & 1 != 0;
        }
        return at + kept;
    }
    // The last few bytes, one by one.
    while at < bytes.len() {
        let b = bytes[at];
        if !b.is_ascii() || b.is_ascii_whitespace() && (b != b' ' || *in_space) {
            return at;
        }
        *in_space = b == b' ';
        out.push(b.to_ascii_lowercase());
        at += 1;
    }
    at
}

/// The first part of [`fold_ascii_run`] on x86-64: sixteen bytes a step
/// with SSE2, each step's stops found by two compares and two `movemask`s
/// where the eight-byte version takes about thirty instructions for eight
/// bytes. An accented Latin-1 letter is folded here too (into `out`, and
/// recorded in `irregular`), as [`Folded::new`] would fold it, so that the
/// accents of French text do not end the run. Returns where it stopped
/// and whether it stopped at a byte that [`fold_ascii_run`] stops at
/// (otherwise fewer than sixteen bytes are left, for the eight-byte
/// version).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn fold_ascii_blocks_sse2(
    bytes: &[u8],
    mut at: usize,
    in_space: &mut bool,
    out: &mut Vec<u8>,
    irregular: &mut Vec<Irregular>,
) -> (usize, bool) {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_cvtsi128_si64,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_set_epi64x, _mm_unpackhi_epi64,
    };
    // Per byte, signed: the byte plus `128 - b'A'` is below `-128 + 26`
    // exactly for 'A'..='Z'.
    let upper_shift = _mm_set1_epi8(128u8.wrapping_sub(b'A') as i8);
    let upper_below = _mm_set1_epi8(128u8.wrapping_add(26) as i8);
    let case = _mm_set1_epi8(0x20);
    let space = _mm_set1_epi8(b' ' as i8);
    while let Some(chunk) = bytes.get(at..at + 16) {
        let lo = i64::from_le_bytes(chunk[..8].try_into().unwrap_or([0; 8]));
        let hi = i64::from_le_bytes(chunk[8..].try_into().unwrap_or([0; 8]));
        let v = _mm_set_epi64x(hi, lo);
        // Signed, a non-ASCII byte is negative: below ' ' with the control
        // chars.
        let below_space = _mm_movemask_epi8(_mm_cmplt_epi8(v, space)) as u32;
        let spaces = _mm_movemask_epi8(_mm_cmpeq_epi8(v, space)) as u32;
        // A space after a space (the byte before the chunk for the first).
        let doubled = spaces & ((spaces << 1) | u32::from(*in_space));
        let stop = below_space | doubled;
        let upper = _mm_cmplt_epi8(_mm_add_epi8(v, upper_shift), upper_below);
        let lowered = _mm_or_si128(v, _mm_and_si128(upper, case));
        let low_half = _mm_cvtsi128_si64(lowered) as u64;
        let high_half = _mm_cvtsi128_si64(_mm_unpackhi_epi64(lowered, lowered)) as u64;
        // All sixteen bytes stored (one append: one capacity check), and
        // those from a stop on dropped: cheaper than a copy of a variable
        // length.
        let len = out.len();
        out.extend_from_slice(&(u128::from(high_half) << 64 | u128::from(low_half)).to_le_bytes());
        if stop == 0 {
            *in_space = spaces >> 15 != 0;
            at += 16;
            continue;
        }
        let kept = stop.trailing_zeros() as usize;
        out.truncate(len + kept);
        if kept > 0 {
            *in_space = (spaces >> (kept - 1)) & 1 != 0;
        }
        at += kept;
        if fold_latin1_letter(bytes, at, out, irregular) {
            *in_space = false;
            at += 2;
            continue;
        }
        return (at, true);
    }
    (at, false)
}

/// Appends the folded form of the accented Latin-1 letter at `at` (U+00C0
/// to U+00FF: 0xC3 and one more byte, see [`LATIN1_LETTERS`]) and records
/// the change of length in `irregular`; returns false, with nothing
/// appended, for any other char.
#[inline(always)]
fn fold_latin1_letter(
    bytes: &[u8],
    at: usize,
    out: &mut Vec<u8>,
    irregular: &mut Vec<Irregular>,
) -> bool {
    let (Some(0xC3), Some(&low)) = (bytes.get(at), bytes.get(at + 1)) else {
        return false;
    };
    let letter = LATIN1_LETTERS[usize::from(low & 0x3F)];
    if letter == 0 {
        return false;
    }
    irregular.push(Irregular {
        folded: out.len(),
        folded_len: 1,
        original: at,
        original_len: 2,
        joins_previous: false,
    });
    out.push(letter);
    true
}

/// What the common typographic punctuation of news text folds to (the
/// curly apostrophe of French text above all, then dashes and quotes), as
/// [`classify`] says, from the last byte of its UTF-8 form `E2 80 xx`;
/// `None` for the other chars of that block.
#[inline]
fn general_punctuation(last: u8) -> Option<u8> {
    match last {
        0x90..=0x95 => Some(b'-'),
        0x98 | 0x99 | 0xB2 => Some(b'\''),
        0x9C..=0x9F => Some(b'"'),
        _ => None,
    }
}

/// The folded form of an accented Latin-1 letter (the accents of French
/// text: "é", "À", "ç"), as [`push_lower`] finds it with the Unicode
/// tables, which took most of the time spent on non-ASCII chars; `None`
/// for any other char.
#[inline]
const fn latin1_letter(c: char) -> Option<char> {
    Some(match c {
        'À'..='Å' | 'à'..='å' => 'a',
        'Ç' | 'ç' => 'c',
        'È'..='Ë' | 'è'..='ë' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' => 'i',
        'Ñ' | 'ñ' => 'n',
        'Ò'..='Ö' | 'ò'..='ö' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        _ => return None,
    })
}

/// [`latin1_letter`] of U+00C0 to U+00FF (two UTF-8 bytes, the first
/// 0xC3), by the low six bits of the second byte, as an ASCII byte; 0 for
/// none. One load where the match took a call and a dozen comparisons, for
/// every accent of a French text.
const LATIN1_LETTERS: [u8; 64] = {
    let mut table = [0; 64];
    let mut low = 0;
    while low < 64 {
        if let Some(c) = char::from_u32(0xC0 + low as u32) {
            if let Some(letter) = latin1_letter(c) {
                table[low] = letter as u8;
            }
        }
        low += 1;
    }
    table
};

/// Folds a string the way [`Folded::new`] folds a document, without the map:
/// used for gazetteer surfaces and for comparing names.
///
/// ```
/// assert_eq!(depeche::doc::fold("Côte d’Ivoire"), "cote d'ivoire");
/// ```
pub fn fold(text: &str) -> String {
    Folded::new(text).text
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Folded {
        // Built as bytes (only whole UTF-8 chars are pushed): plain ASCII is
        // lowercased eight bytes at a time straight into it.
        let mut out: Vec<u8> = Vec::with_capacity(text.len());
        // Room for the accents of a short document, without growing it a
        // dozen times; bounded, since a long document may be plain ASCII.
        let mut irregular = Vec::with_capacity((text.len() / 32).min(1 << 12));
        let mut in_space = false;
        let bytes = text.as_bytes();
        let mut next = 0;
        while next < text.len() {
            // Most of news text: runs of ASCII, which fold byte for byte to
            // their lowercase with nothing to record; only whitespace other
            // than a single ' ' needs the general path below.
            next = fold_ascii_run(bytes, next, &mut in_space, &mut out, &mut irregular);
            // The accented letters of French text (U+00C0 to U+00FF, two
            // bytes from 0xC3) fold to one ASCII letter: decoded from the
            // bytes here, as the general path below would fold them.
            if fold_latin1_letter(bytes, next, &mut out, &mut irregular) {
                in_space = false;
                next += 2;
                continue;
            }
            // Curly apostrophes, dashes and quotes (three bytes from 0xE2)
            // fold to one ASCII char: the same shortcut.
            if let (Some(0xE2), Some(0x80), Some(&last)) =
                (bytes.get(next), bytes.get(next + 1), bytes.get(next + 2))
            {
                if let Some(folded) = general_punctuation(last) {
                    in_space = false;
                    irregular.push(Irregular {
                        folded: out.len(),
                        folded_len: 1,
                        original: next,
                        original_len: 3,
                        joins_previous: false,
                    });
                    out.push(folded);
                    next += 3;
                    continue;
                }
            }
            let Some(c) = text.get(next..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let i = next;
            next += c.len_utf8();
            let folded_at = out.len();
            let kind = classify(c);
            if let Fold::Space = kind {
                if in_space {
                    // A collapsed space: folds to nothing. Merge with a
                    // previous collapsed run at the same folded offset.
                    match irregular.last_mut() {
                        Some(last @ &mut Irregular { folded_len: 0, .. })
                            if last.folded == folded_at =>
                        {
                            last.original_len += c.len_utf8()
                        }
                        _ => irregular.push(Irregular {
                            folded: folded_at,
                            folded_len: 0,
                            original: i,
                            original_len: c.len_utf8(),
                            joins_previous: false,
                        }),
                    }
                    continue;
                }
                in_space = true;
                out.push(b' ');
            } else {
                in_space = false;
                match kind {
                    Fold::Same(c) | Fold::Char(c) => push_char(c, &mut out),
                    Fold::Str(s) => out.extend_from_slice(s.as_bytes()),
                    Fold::Lower(c) => push_lower(c, &mut out),
                    Fold::Space => unreachable!("handled above"),
                }
            }
            let folded_len = out.len() - folded_at;
            // Byte-for-byte mapping holds only when one char folded to one
            // char of the same length ("Œ" → "oe" keeps two bytes but not
            // one char). Chars are counted by their first bytes (any byte
            // but a UTF-8 continuation byte).
            let one_char = out[folded_at..]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count()
                <= 1;
            if folded_len != c.len_utf8() || !one_char {
                irregular.push(Irregular {
                    folded: folded_at,
                    folded_len,
                    original: i,
                    original_len: c.len_utf8(),
                    joins_previous: folded_len == 0,
                });
            }
        }
        // Only whole chars were pushed, so this never fails; the lossy
        // fallback only keeps a slip from ever becoming a panic.
        let text = String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Folded { text, irregular }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte offset of folded byte `f`, and whether `f` lies
    /// inside a char that folded irregularly (then the offset is that char's
    /// start, and the char's original end is returned too).
    fn locate(&self, f: usize) -> (usize, Option<usize>) {
        let n = self.irregular.partition_point(|ir| ir.folded <= f);
        // Several entries can share a folded offset (a zero-length collapsed
        // space followed by an irregular char); walk back to the one that
        // covers `f`, if any.
        let mut k = n;
        while k > 0 {
            let ir = self.irregular[k - 1];
            if f < ir.folded + ir.folded_len {
                return (ir.original, Some(ir.original + ir.original_len));
            }
            if ir.folded + ir.folded_len <= f {
                return (
                    ir.original + ir.original_len + (f - ir.folded - ir.folded_len),
                    None,
                );
            }
            k -= 1;
        }
        (f, None)
    }

    /// A cursor that maps increasing folded offsets to original ones in
    /// amortised constant time, where [`Folded::to_original`] searches.
    pub fn cursor(&self) -> OriginalCursor<'_> {
        OriginalCursor {
            irregular: &self.irregular,
            passed: 0,
        }
    }

    /// Maps a span of the folded text back to the original text.
    ///
    /// The span must start and end on char boundaries of the folded text (as
    /// every match of a folded pattern does); the result covers whole
    /// original chars.
    pub fn to_original(&self, span: Span) -> Span {
        if span.is_empty() {
            let (start, _) = self.locate(span.start);
            return Span::new(start, start);
        }
        let (start, _) = self.locate(span.start);
        let mut end = match self.locate(span.end - 1) {
            (_, Some(char_end)) => char_end,
            (at, None) => at + 1,
        };
        let n = self.irregular.partition_point(|ir| ir.folded < span.end);
        for ir in &self.irregular[n..] {
            if ir.folded != span.end || !ir.joins_previous || ir.original != end {
                break;
            }
            end = ir.original + ir.original_len;
        }
        Span::new(start, end)
    }
}

/// Maps folded offsets to original ones for offsets that never decrease: a
/// scan over the folded text asks at every word, and a binary search each
/// time cost a sixth of the gazetteer stage on French text.
#[derive(Debug)]
pub struct OriginalCursor<'a> {
    irregular: &'a [Irregular],
    /// Irregular places that end at or before the last offset asked.
    passed: usize,
}

impl OriginalCursor<'_> {
    /// The original byte offset of the char that folded byte `f` starts or
    /// lies in; `f` must be a folded char boundary and no smaller than the
    /// last one asked.
    pub fn original(&mut self, f: usize) -> usize {
        while let Some(ir) = self.irregular.get(self.passed) {
            if ir.folded + ir.folded_len > f {
                break;
            }
            self.passed += 1;
        }
        match self.irregular.get(self.passed) {
            Some(ir) if ir.folded <= f => ir.original,
            _ => match self.passed.checked_sub(1).map(|k| self.irregular[k]) {
                Some(ir) => ir.original + ir.original_len + (f - ir.folded - ir.folded_len),
                None => f,
            },
        }
    }

    /// [`Folded::to_original`] of `span`, for spans whose starts never
    /// decrease (their ends may): from the cursor's place, a few steps
    /// forward instead of three binary searches.
    pub fn to_original(&mut self, span: Span) -> Span {
        let start = self.original(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        // Every place passed ends at or before `span.start`, so it lies
        // before the last byte of the span: the places that start at or
        // before that byte are the passed ones and those counted here.
        let last = span.end - 1;
        let mut k = self.passed;
        while self.irregular.get(k).is_some_and(|ir| ir.folded <= last) {
            k += 1;
        }
        let mut end = match k.checked_sub(1).map(|k| self.irregular[k]) {
            Some(ir) if last < ir.folded + ir.folded_len => ir.original + ir.original_len,
            Some(ir) => ir.original + ir.original_len + (last - ir.folded - ir.folded_len) + 1,
            None => last + 1,
        };
        // A combining mark right after the span folded to nothing: it
        // belongs to the span's last char.
        for ir in &self.irregular[k..] {
            if ir.folded < span.end {
                continue;
            }
            if ir.folded != span.end || !ir.joins_previous || ir.original != end {
                break;
            }
            end = ir.original + ir.original_len;
        }
        Span::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_letters_fold_as_the_unicode_tables_say() {
        for c in '\u{80}'..='\u{24f}' {
            let Some(fast) = latin1_letter(c) else {
                continue;
            };
            let mut slow = String::new();
            for lower in c.to_lowercase() {
                decompose_canonical(lower, |d| {
                    if !is_combining_mark(d) {
                        slow.push(d);
                    }
                });
            }
            assert_eq!(fast.to_string(), slow, "{c:?}");
        }
        assert_eq!(latin1_letter('É'), Some('e'));
        for c in '\u{c0}'..='\u{ff}' {
            let want = latin1_letter(c).map_or(0, |l| l as u8);
            assert_eq!(LATIN1_LETTERS[c as usize & 0x3F], want, "{c:?}");
        }
    }

    #[test]
    fn general_punctuation_folds_as_classify_says() {
        for c in '\u{2000}'..='\u{203f}' {
            let mut utf8 = [0; 3];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            if bytes[1] != 0x80 {
                continue;
            }
            let want = match classify(c) {
                Fold::Char(f) => Some(f as u8),
                _ => None,
            };
            assert_eq!(general_punctuation(bytes[2]), want, "{c:?}");
        }
        assert_eq!(latin1_letter('ø'), None);
    }

    fn round_trip(text: &str, needle: &str) -> String {
        let folded = Folded::new(text);
        let at = folded
            .as_str()
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", folded.as_str()));
        folded
            .to_original(Span::new(at, at + needle.len()))
            .slice(text)
            .to_string()
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("ÉTATS–UNIS"), "etats-unis");
        assert_eq!(fold("l’Œuvre « ici »"), "l'oeuvre \" ici \"");
        assert_eq!(fold("a\u{a0}\u{a0} \n b"), "a b");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn maps_matches_back_to_original_bytes() {
        assert_eq!(round_trip("à l’Azerbaïdjan.", "azerbaidjan"), "Azerbaïdjan");
        assert_eq!(
            round_trip("x Caucase \u{a0} du  Sud!", "caucase du sud"),
            "Caucase \u{a0} du  Sud"
        );
        assert_eq!(round_trip("Œuvre d’art", "oeuvre"), "Œuvre");
        assert_eq!(round_trip("Москва и Баку", "баку"), "Баку");
        assert_eq!(round_trip("ABC  d’é", "d'e"), "d’é");
        assert_eq!(round_trip("   lead", "lead"), "lead");
    }

    #[test]
    fn cursor_agrees_with_to_original() {
        for text in [
            "À  l’ÉLYSÉE, Œuvre d’art",
            "Cafe\u{301} noir \u{a0}\u{a0} x",
            "Москва и Баку",
            "   lead",
            "plain ascii text",
        ] {
            let folded = Folded::new(text);
            let mut cursor = folded.cursor();
            let bounds: Vec<usize> = folded
                .as_str()
                .char_indices()
                .map(|(f, _)| f)
                .chain([folded.as_str().len()])
                .collect();
            for &f in &bounds {
                let span = folded.to_original(Span::new(f, f));
                assert_eq!(cursor.original(f), span.start, "{text:?} at {f}");
                for &e in bounds.iter().filter(|&&e| e >= f) {
                    let span = Span::new(f, e);
                    let want = folded.to_original(span);
                    assert_eq!(cursor.to_original(span), want, "{text:?} {span:?}");
                }
            }
        }
    }

    #[test]
    fn decomposed_input_maps_to_whole_chars() {
        // "e" + combining acute: the mark folds to nothing.
        let text = "Cafe\u{301} noir";
        assert_eq!(round_trip(text, "cafe"), "Cafe\u{301}");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// The folded text the slow way: each char by [`classify`], runs of
    /// white space collapsed to one ' '.
    fn reference_fold(text: &str) -> String {
        let mut out = Vec::new();
        let mut in_space = false;
        for c in text.chars() {
            match classify(c) {
                Fold::Space if in_space => continue,
                Fold::Space => out.push(b' '),
                Fold::Same(c) | Fold::Char(c) => push_char(c, &mut out),
                Fold::Str(s) => out.extend_from_slice(s.as_bytes()),
                Fold::Lower(c) => push_lower(c, &mut out),
            }
            in_space = matches!(classify(c), Fold::Space);
        }
        String::from_utf8(out).expect("whole chars")
    }

    /// The sixteen- and eight-byte steps of [`fold_ascii_run`] stop where
    /// the general path must take over, wherever in a step the char is:
    /// every ASCII char and a few others at every place of a text longer
    /// than two steps, in runs of single and double spaces.
    #[test]
    fn every_char_at_every_place_folds_as_the_general_path() {
        let base = "Le Monde  a dit: ABC def\tGHI 123  x-y z'Q  ";
        let others = ['é', 'É', '’', '\u{a0}', 'ж', 'Œ', '\u{301}', '😀'];
        let chars = (0..0x80u8).map(char::from).chain(others);
        for c in chars {
            for at in 0..base.len() {
                for text in [&base[..at], base] {
                    let mut text = text.to_string();
                    text.insert(at.min(text.len()), c);
                    assert_eq!(fold(&text), reference_fold(&text), "{text:?}");
                    let doubled = text.replace(' ', "  ");
                    assert_eq!(fold(&doubled), reference_fold(&doubled), "{doubled:?}");
                }
            }
        }
        for text in [
            "",
            " ",
            "  ",
            "\t",
            "A",
            &"Ab ".repeat(40),
            &"x".repeat(100),
        ] {
            assert_eq!(fold(text), reference_fold(text), "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The shortcuts of [`Folded::new`] (eight ASCII bytes at a time,
        /// accented letters and typographic punctuation from their bytes)
        /// fold as the general path does.
        #[test]
        fn shortcuts_fold_as_the_general_path(text in "[a-zA-Z0-9 ,.À-ÿŒœ’‘“”«»–—…\u{2010}\u{202f}\u{a0}\u{b}\u{1}\t\n\r\u{301}ж]{0,80}") {
            prop_assert_eq!(fold(&text), reference_fold(&text));
        }

        /// Long runs of ASCII, appended a block at a time.
        #[test]
        fn long_ascii_runs_fold_as_the_general_path(text in "[a-zA-Z0-9 ,.]{50,300}[é’\n]?[a-zA-Z  \n]{0,150}") {
            prop_assert_eq!(fold(&text), reference_fold(&text));
        }

        /// Any span of the folded text that starts and ends on folded char
        /// boundaries maps back to original char boundaries, in order.
        #[test]
        fn maps_to_char_boundaries(text in "[a-zA-ZÀ-ÿŒœß’'«» \u{a0}\u{301}\u{2013}\\-.,ж😀\n]{0,60}", a in 0usize..80, b in 0usize..80) {
            let folded = Folded::new(&text);
            let f = folded.as_str();
            let (mut a, mut b) = (a.min(f.len()), b.min(f.len()));
            if a > b { std::mem::swap(&mut a, &mut b); }
            while !f.is_char_boundary(a) { a -= 1; }
            while !f.is_char_boundary(b) { b += 1; }
            let span = folded.to_original(Span::new(a, b));
            prop_assert!(span.start <= span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            // Folding the original slice gives back the folded slice (whole
            // original chars are covered, so a span that cuts through an
            // expansion such as "Œ" → "oe" gets the whole of it).
            let refolded = fold(span.slice(&text));
            prop_assert!(refolded.contains(f[a..b].trim()), "{:?} !~ {:?}", refolded, &f[a..b]);
        }
    }
}
