//! Bit maps of the ASCII letters and digits of 64-byte blocks of text:
//! the tokenizer reads its words' runs from them ([`super::tokens`]), and
//! the gazetteer its word starts and ends (`gazetteer::index`).

/// The ASCII letters and digits of a 64-byte block as bits (byte `j` to
/// bit `j`), and whether the block has any byte past ASCII (whose bits are
/// clear: the callers read those chars their own way).
///
/// On x86-64, with SSE2 (part of the x86-64 baseline, so always there):
/// sixteen bytes a step in a few vector instructions and two `movemask`s,
/// where a byte-by-byte or eight-byte loop took several times longer.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(crate) fn ascii_alnum_bits(block: &[u8; 64]) -> (u64, bool) {
    // SAFETY: a `target_feature` function asks only that the CPU have the
    // feature, and the `cfg` above says this build already assumes SSE2
    // everywhere (it is part of the x86-64 baseline).
    unsafe { ascii_alnum_bits_sse2(block) }
}

/// [`ascii_alnum_bits`] with SSE2 intrinsics. Per byte, signed: the byte
/// plus `128 - k` is below `-128 + n` exactly when the byte is one of the
/// `n` bytes from `k` on (no other byte, ASCII or not, wraps into that
/// range); a letter is told in lowercase (`| 0x20` maps no other byte
/// into `a..=z`); a byte past ASCII has its sign bit set.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn ascii_alnum_bits_sse2(block: &[u8; 64]) -> (u64, bool) {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_set_epi64x,
    };
    let digit_shift = _mm_set1_epi8(128u8.wrapping_sub(b'0') as i8);
    let digit_below = _mm_set1_epi8(128u8.wrapping_add(10) as i8);
    let letter_shift = _mm_set1_epi8(128u8.wrapping_sub(b'a') as i8);
    let letter_below = _mm_set1_epi8(128u8.wrapping_add(26) as i8);
    let case = _mm_set1_epi8(0x20);
    let mut bits = 0u64;
    let mut high = 0;
    for (j, chunk) in block.chunks_exact(16).enumerate() {
        let lo = i64::from_le_bytes(chunk[..8].try_into().unwrap_or([0; 8]));
        let hi = i64::from_le_bytes(chunk[8..].try_into().unwrap_or([0; 8]));
        let v = _mm_set_epi64x(hi, lo);
        let digit = _mm_cmplt_epi8(_mm_add_epi8(v, digit_shift), digit_below);
        let lower = _mm_or_si128(v, case);
        let letter = _mm_cmplt_epi8(_mm_add_epi8(lower, letter_shift), letter_below);
        let alnum = _mm_movemask_epi8(_mm_or_si128(digit, letter)) as u16;
        bits |= u64::from(alnum) << (16 * j);
        high |= _mm_movemask_epi8(v);
    }
    (bits, high != 0)
}

/// [`ascii_alnum_bits`] a byte at a time: the portable version, and the
/// reference the SSE2 one is tested against.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
fn ascii_alnum_bits_by_byte(block: &[u8; 64]) -> (u64, bool) {
    let bits = block
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_ascii_alphanumeric())
        .fold(0, |bits, (j, _)| bits | 1 << j);
    (bits, !block.is_ascii())
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
pub(crate) use ascii_alnum_bits_by_byte as ascii_alnum_bits;

#[cfg(test)]
mod tests {
    use super::*;

    /// The SSE2 bit map is the portable one's: every byte value at every
    /// place of a block, among letters, digits, spaces, punctuation and
    /// bytes past ASCII, and of a mixed block.
    #[test]
    fn alnum_bits_are_the_portable_version_s() {
        let mixed: Vec<u8> = "aZ0 9z’é-'\tA\u{a0}Ω_x@[`{/:"
            .bytes()
            .cycle()
            .take(64)
            .collect();
        let mut backgrounds: Vec<[u8; 64]> = [b'a', b'Z', b'5', b' ', b'-', b'.', 0xc3, 0x80, 0xff]
            .iter()
            .map(|&b| [b; 64])
            .collect();
        backgrounds.extend(<[u8; 64]>::try_from(mixed.as_slice()));
        for background in backgrounds {
            for at in 0..64 {
                for b in 0..=255u8 {
                    let mut block = background;
                    block[at] = b;
                    assert_eq!(
                        ascii_alnum_bits(&block),
                        ascii_alnum_bits_by_byte(&block),
                        "{b:#x} at {at} in {background:?}"
                    );
                }
            }
        }
    }
}
