//! Byte offsets to code-point offsets, computed once per document.

/// Maps byte offsets of a text to Unicode code-point offsets.
///
/// The contract reports code points (Python's `text[start:end]`), while every
/// stage works in bytes; this index is built once per document at output time so
/// each conversion is a binary search, not a rescan.
///
/// ```
/// use depeche::doc::CharIndex;
/// let text = "Le 3 mai, Anne a rencontré Paul";
/// let index = CharIndex::new(text);
/// let paul = text.find("Paul").unwrap();
/// assert_eq!(paul, 28); // bytes: "é" takes two
/// assert_eq!(index.char_offset(paul), 27);
/// ```
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every non-ASCII char, with the number of extra bytes
    /// seen up to and including it. ASCII-only texts store nothing.
    multibyte: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut multibyte = Vec::new();
        let mut extra = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        // Only the leading bytes of multibyte chars matter (0b11xx_xxxx).
        // Eight plain ASCII bytes (most of any Latin-script text) are
        // skipped with one test; the others are read one by one.
        while i < bytes.len() {
            if let Some(chunk) = bytes.get(i..i + 8) {
                let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
                if v & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            if b >= 0xC0 {
                extra += match b {
                    0xF0.. => 3,
                    0xE0.. => 2,
                    _ => 1,
                };
                multibyte.push((i, extra));
            }
            i += 1;
        }
        CharIndex { multibyte }
    }

    /// The code-point offset of byte offset `byte` (which must be a char
    /// boundary, or the text length).
    pub fn char_offset(&self, byte: usize) -> usize {
        // Number of multibyte chars that start strictly before `byte`.
        let n = self.multibyte.partition_point(|&(pos, _)| pos < byte);
        if n == 0 {
            byte
        } else {
            byte - self.multibyte[n - 1].1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every char boundary of `text` (and its end) maps to the number of
    /// chars before it.
    fn assert_char_counts(text: &str) {
        let index = CharIndex::new(text);
        for (byte, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(
                index.char_offset(byte),
                text[..byte].chars().count(),
                "{text:?}, byte {byte}"
            );
        }
    }

    #[test]
    fn matches_a_char_count_around_ascii_runs_of_every_length() {
        // Multibyte chars at every position relative to the eight-byte
        // steps, at the start and at the end.
        for run in 0..20 {
            let ascii = "a".repeat(run);
            assert_char_counts(&format!("é{ascii}’{ascii}😀{ascii}ß{ascii}x{ascii}ж"));
        }
    }

    #[test]
    fn matches_a_char_count_everywhere() {
        assert_char_counts("Élysée’s «talks» 😀 ok");
        assert_char_counts("");
    }
}
