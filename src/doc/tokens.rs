//! Word tokens, for the rules that read the text word by word.

use super::{ascii_alnum_bits, Span};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes ("Jean-Yves",
    /// "O'Brien"), digits allowed.
    Word,
    /// Digits, possibly with inner separators ("3.5", "1 500" is two tokens).
    Number,
    /// Any other single character that is not a space.
    Punct,
}

/// A token of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// French elided articles and conjunctions: "l'", "d'", "qu'"... are split
/// off as their own word so that "l'Azerbaïdjan" reads as "l'" +
/// "Azerbaïdjan".
const ELIDED: &[&str] = &[
    "l", "d", "qu", "j", "n", "s", "m", "t", "c", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Splits `span` of `text` into tokens.
///
/// ```
/// use depeche::doc::{tokenize, TokenKind};
/// use depeche::Span;
/// let text = "l’Azerbaïdjan et Jean-Yves, 3.5 %";
/// let words: Vec<&str> = tokenize(text, Span::new(0, text.len()))
///     .iter()
///     .map(|t| t.span.slice(text))
///     .collect();
/// assert_eq!(words, ["l’", "Azerbaïdjan", "et", "Jean-Yves", ",", "3.5", "%"]);
/// ```
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    // News text runs about six bytes a token: one allocation, not a dozen
    // regrowths, for most sentences.
    let mut out = Vec::with_capacity(span.len() / 4 + 1);
    tokenize_into(text, span, &mut out);
    out
}

/// What an ASCII byte is to the tokenizer, looked up in [`ASCII_CLASS`]
/// rather than asking `char` (most of the text is ASCII).
const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const OTHER: u8 = 3;
/// A byte of a multi-byte char: decode and ask `char`.
const MULTI: u8 = 4;
/// The first byte of the chars U+00C0 to U+00FF, the accented letters of
/// French (and `×`, `÷`): [`latin1_letter_at`] tells them without decoding.
const LATIN1_LEAD: u8 = 5;

/// [`SPACE`], [`LETTER`], [`DIGIT`], [`OTHER`] or [`MULTI`] for each byte,
/// as `char::is_whitespace`, `is_ascii_alphabetic` and `is_ascii_digit`
/// say for ASCII; [`LATIN1_LEAD`] for 0xC3.
static ASCII_CLASS: [u8; 256] = {
    let mut table = [MULTI; 256];
    table[0xc3] = LATIN1_LEAD;
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            // `char::is_whitespace` for ASCII (0x0b too, unlike
            // `u8::is_ascii_whitespace`).
            SPACE
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// Appends the tokens of `span` of `text` to `out`, as [`tokenize`] gives
/// them: one buffer can hold a whole document's tokens.
pub fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let slice = &text[span.range()];
    let bytes = slice.as_bytes();
    let mut runs = AlnumRuns::new(&text.as_bytes()[span.start..], slice.len());
    // Byte offsets, stepping a char at a time: ASCII bytes (most of the
    // text) are classified by table, without UTF-8 decoding.
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = span.start + i;
        // A word that starts with an ASCII letter (most tokens) is told by a
        // table of its own: a test of the class in `ASCII_CLASS` first is
        // folded into the jump through a table of the match below, which
        // costs more.
        let (end, number) = if ASCII_LETTER[usize::from(b)] {
            fast_word_end(slice, &mut runs, i, i + 1, false)
        } else {
            match ASCII_CLASS[usize::from(b)] {
                SPACE => {
                    i += 1;
                    continue;
                }
                OTHER => {
                    out.push(Token {
                        span: Span::new(start, start + 1),
                        kind: TokenKind::Punct,
                    });
                    i += 1;
                    continue;
                }
                LETTER => fast_word_end(slice, &mut runs, i, i + 1, false),
                DIGIT => fast_word_end(slice, &mut runs, i, i + 1, true),
                LATIN1_LEAD if latin1_letter_at(bytes, i) => {
                    fast_word_end(slice, &mut runs, i, i, false)
                }
                _ => {
                    let Some(c) = slice.get(i..).and_then(|rest| rest.chars().next()) else {
                        break;
                    };
                    if c.is_whitespace() {
                        i += c.len_utf8();
                        continue;
                    }
                    if !is_alphanumeric(c) {
                        out.push(Token {
                            span: Span::new(start, start + c.len_utf8()),
                            kind: TokenKind::Punct,
                        });
                        i += c.len_utf8();
                        continue;
                    }
                    let end = i + c.len_utf8();
                    word_end_from(slice, i, end, false)
                }
            }
        };
        out.push(Token {
            span: Span::new(start, span.start + end),
            kind: if number {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        });
        // The space after a word (the usual case) is passed here, not in
        // a turn of the loop of its own.
        i = end + usize::from(bytes.get(end) == Some(&b' '));
    }
}

/// Whether the bytes at `i` are a Latin-1 letter (U+00C0 to U+00FF but
/// `×` and `÷`), the letters `is_alphanumeric` says yes to without tables.
#[inline(always)]
fn latin1_letter_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&0xc3) && bytes.get(i + 1).is_some_and(|&b| b != 0x97 && b != 0xb7)
}

/// [`word_end_from`] for a word that starts with an ASCII letter or digit
/// (`first_digit`: a digit) or a Latin-1 letter at byte `i` of `slice`,
/// with the usual case first: a run of ASCII and Latin-1 letters and
/// digits ended by a space or a punctuation mark that joins nothing, told
/// from the run's next byte alone (the tokenizer ran a byte at a time
/// through the general loop, and decoded every accented letter, at every
/// word). The run is read on from byte `end`: the ASCII first byte is
/// known already, and not tested again. `runs` tells the runs of ASCII
/// letters and digits of `slice`.
#[inline(always)]
fn fast_word_end(
    slice: &str,
    runs: &mut AlnumRuns,
    i: usize,
    mut end: usize,
    first_digit: bool,
) -> (usize, bool) {
    let bytes = slice.as_bytes();
    if !first_digit {
        // Most words: ASCII letters ended by a space or a mark that joins
        // nothing, told by one lookup of the byte after them (no byte past
        // ASCII ends a word there: it may be an accented letter).
        end += runs.run(end);
        match bytes.get(end) {
            None => return (end, false),
            Some(&b) if ENDS_WORD[usize::from(b)] => return (end, false),
            // Read on below from `end` (its run of letters is empty).
            Some(_) => {}
        }
    }
    let mut letters = !first_digit;
    // A word's first run of letters is read already, above: a number's is
    // read here, and becomes a word at its first letter.
    if first_digit {
        while let Some(&b) = bytes.get(end) {
            match ASCII_CLASS[usize::from(b)] {
                LETTER => letters = true,
                DIGIT => {}
                _ => break,
            }
            end += 1;
        }
    }
    while latin1_letter_at(bytes, end) {
        // A word, whatever follows: letters and digits alike.
        letters = true;
        end += 2;
        end += runs.run(end);
    }
    let all_digits = !letters;
    let ends_here = match bytes.get(end) {
        None => true,
        // A space or a mark that joins nothing to this word: the hyphen
        // and apostrophe join words, the dot and comma numbers.
        Some(&b) if b.is_ascii() => {
            if all_digits {
                !matches!(b, b'.' | b',')
            } else {
                !matches!(b, b'-' | b'\'')
            }
        }
        Some(_) => false,
    };
    if ends_here {
        (end, all_digits)
    } else {
        word_end_from(slice, i, end, all_digits)
    }
}

/// Whether a word of letters ends before this byte, as [`fast_word_end`]
/// tells it after a run of ASCII letters and digits: an ASCII byte that is
/// none of them nor a joiner of words (hyphen, apostrophe).
static ENDS_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !matches!(ASCII_CLASS[b], LETTER | DIGIT) && !matches!(b as u8, b'-' | b'\'');
        b += 1;
    }
    table
};

/// Whether a byte is an ASCII letter ([`LETTER`] in [`ASCII_CLASS`]).
static ASCII_LETTER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = ASCII_CLASS[b] == LETTER;
        b += 1;
    }
    table
};

/// The runs of ASCII letters and digits of a sentence, read from a bit
/// map of 64 bytes at a time ([`ascii_alnum_bits`]): the run from a byte
/// is the trailing ones of the map from there, where the loop over a
/// word's bytes took three or four instructions a byte (the tokenizer's
/// busiest loop). Words only go forward, so one window serves the ten or
/// so words in it.
struct AlnumRuns<'t> {
    /// The text from the sentence's first byte on: past the sentence too,
    /// so that its last window is read whole (and cut at `len`).
    text: &'t [u8],
    /// The sentence's length.
    len: usize,
    /// Where the window starts, from the sentence's first byte.
    start: usize,
    /// The window's letters and digits, byte `start + j` to bit `j`; none
    /// past the sentence's end.
    bits: u64,
}

impl<'t> AlnumRuns<'t> {
    /// The runs of the sentence of `len` bytes at the start of `text`.
    #[inline(always)]
    fn new(text: &'t [u8], len: usize) -> Self {
        let mut runs = AlnumRuns {
            text,
            len,
            start: 0,
            bits: 0,
        };
        runs.fill(0);
        runs
    }

    /// How many bytes from `from` on (in the sentence) are ASCII letters or
    /// digits.
    #[inline(always)]
    fn run(&mut self, from: usize) -> usize {
        let mut at = from;
        loop {
            // Before the window (never, as words go forward) wraps to far
            // past it.
            let mut offset = at.wrapping_sub(self.start);
            if offset >= 64 {
                self.fill(at);
                offset = 0;
            }
            // The bits shifted in from the top are clear: the count stops
            // at the window's end at the latest.
            let run = (!(self.bits >> offset)).trailing_zeros() as usize;
            if offset + run < 64 {
                return at + run - from;
            }
            at = self.start + 64;
        }
    }

    /// Moves the window to start at byte `at` of the sentence.
    #[inline]
    fn fill(&mut self, at: usize) {
        let bits = match self.text.get(at..) {
            Some(rest) => match rest.first_chunk::<64>() {
                Some(block) => ascii_alnum_bits(block).0,
                // The document's last bytes: padded with zeros, no letter.
                None => {
                    let mut block = [0; 64];
                    block[..rest.len()].copy_from_slice(rest);
                    ascii_alnum_bits(&block).0
                }
            },
            None => 0,
        };
        let keep = self.len.saturating_sub(at);
        self.bits = if keep < 64 {
            bits & ((1 << keep) - 1)
        } else {
            bits
        };
        self.start = at;
    }
}

/// The end of the word or number starting with the alphanumeric char at
/// byte `i` of `slice`, and whether it is all ASCII digits (and their inner
/// separators), read on from byte `end`: the chars before it are the
/// token's, all ASCII digits when `all_digits`.
fn word_end_from(slice: &str, i: usize, mut end: usize, mut all_digits: bool) -> (usize, bool) {
    let bytes = slice.as_bytes();
    // Where the next char starts; every char before it is in the token
    // (a joiner is taken only with the letter or digit after it).
    let mut j = end;
    loop {
        // A run of ASCII letters and digits, without decoding (the loop of
        // `fast_word_end` for numbers: written out in both, as a shared
        // helper cost the name stage 1% more instructions).
        let run_start = j;
        while let Some(&b) = bytes.get(j) {
            match ASCII_CLASS[usize::from(b)] {
                LETTER => all_digits = false,
                DIGIT => {}
                _ => break,
            }
            j += 1;
        }
        if j > run_start {
            end = j;
        }
        // An ASCII char that can join nothing (a space, most often): the
        // word ends here, as the tests below would say.
        if bytes
            .get(j)
            .is_some_and(|&b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.' | b','))
        {
            break;
        }
        let Some(d) = char_at(slice, j) else {
            break;
        };
        let after = j + d.len_utf8();
        if !d.is_ascii() && is_alphanumeric(d) {
            all_digits = false;
            end = after;
            j = after;
            continue;
        }
        // Inner joiners: a hyphen or apostrophe between letters, a dot
        // or comma between digits.
        let joiner = if all_digits {
            matches!(d, '.' | ',')
        } else {
            d == '-' || is_apostrophe(d)
        };
        // Neither a joiner nor an elision (a space, most often): the
        // word ends here.
        if !joiner && !is_apostrophe(d) {
            break;
        }
        let next_alnum = char_at(slice, after).is_some_and(|n| {
            if all_digits {
                n.is_ascii_digit()
            } else {
                is_alphanumeric(n)
            }
        });
        // English possessive: "Azerbaijan's" is "Azerbaijan" + "'s".
        let possessive = is_apostrophe(d)
            && bytes.get(after) == Some(&b's')
            && !char_at(slice, after + 1).is_some_and(is_alphanumeric);
        if joiner && next_alnum && !possessive {
            if is_apostrophe(d) && is_elided(&slice[i..j]) {
                // "l'Azerbaïdjan": the elided word keeps its apostrophe
                // and ends here.
                end = after;
                break;
            }
            j = after;
            continue;
        }
        if is_apostrophe(d) && !all_digits && is_elided(&slice[i..j]) {
            end = after;
        }
        break;
    }
    (end, all_digits)
}

/// `c.is_alphanumeric()`, with Latin-1 (French accents) decided without
/// the Unicode tables.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        // Letters, and the superscripts and fractions that are numbers.
        'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼'..='¾' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' => {
            true
        }
        '\u{80}'..='\u{ff}' => false,
        // General punctuation (the typographic apostrophe, quotes and
        // dashes of news text): no letter nor number, told without the
        // Unicode tables.
        '\u{2000}'..='\u{206f}' => false,
        c => c.is_alphanumeric(),
    }
}

/// The char starting at byte `at` of `s` (a char boundary), if any.
#[inline]
fn char_at(s: &str, at: usize) -> Option<char> {
    match s.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// True when `word` in lowercase is one of [`ELIDED`]. They are ASCII, and
/// no other char lowercases to one of their letters (the Kelvin sign, the
/// one non-ASCII char that lowercases to ASCII, gives a `k`), so an ASCII
/// comparison without case is the same test as `to_lowercase`, without
/// allocating at each apostrophe.
fn is_elided(word: &str) -> bool {
    match *word.as_bytes() {
        // The one-letter ones (most elisions: "l’", "d’"), by one test of
        // the letter in lowercase: `| 0x20` gives an ASCII letter's
        // lowercase, and no other byte's is a letter. Comparing with each
        // of the list, as below, was a fifth of the tokenizer's slow path.
        [b] => matches!(
            b | 0x20,
            b'l' | b'd' | b'j' | b'n' | b's' | b'm' | b't' | b'c'
        ),
        // Longer than any of the list ("aujourd’hui", "Iran’s").
        _ if word.len() > 6 => false,
        _ => ELIDED.iter().any(|e| e.eq_ignore_ascii_case(word)),
    }
}

/// The tokenizer as it was before its ASCII fast path: the reference the
/// fast one is tested against. Its walk over a word is the one the fast
/// path falls back to ([`word_end_from`], the previous code unchanged), so
/// the test checks what the fast path adds: the inline run of letters and
/// the space passed with the word.
#[cfg(test)]
mod reference {
    use super::*;

    pub(super) fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
        let slice = &text[span.range()];
        let bytes = slice.as_bytes();
        // Byte offsets, stepping a char at a time: ASCII bytes (most of the
        // text) are classified by table, without UTF-8 decoding.
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let start = span.start + i;
            let first_digit = match ASCII_CLASS[usize::from(b)] {
                SPACE => {
                    i += 1;
                    continue;
                }
                OTHER => {
                    out.push(Token {
                        span: Span::new(start, start + 1),
                        kind: TokenKind::Punct,
                    });
                    i += 1;
                    continue;
                }
                LETTER => false,
                DIGIT => true,
                _ => {
                    let Some(c) = slice.get(i..).and_then(|rest| rest.chars().next()) else {
                        break;
                    };
                    if c.is_whitespace() {
                        i += c.len_utf8();
                        continue;
                    }
                    if !is_alphanumeric(c) {
                        out.push(Token {
                            span: Span::new(start, start + c.len_utf8()),
                            kind: TokenKind::Punct,
                        });
                        i += c.len_utf8();
                        continue;
                    }
                    false
                }
            };
            let end = word_end(slice, i, first_digit);
            out.push(Token {
                span: Span::new(start, span.start + end.0),
                kind: if end.1 {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            });
            i = end.0;
        }
    }

    /// The end of the word or number starting with the alphanumeric char at
    /// byte `i` of `slice` (`first_digit`: it is an ASCII digit), and whether
    /// it is all ASCII digits (and their inner separators): the walk char by
    /// char from the first char on, which the fast path now takes only past
    /// its inline run of letters.
    fn word_end(slice: &str, i: usize, first_digit: bool) -> (usize, bool) {
        let first_len = char_at(slice, i).map_or(1, char::len_utf8);
        word_end_from(slice, i, i + first_len, first_digit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.span.slice(text))
            .collect()
    }

    #[test]
    fn splits_elision_but_keeps_names() {
        assert_eq!(
            words("d'Arménie qu'Israël O'Brien aujourd'hui"),
            ["d'", "Arménie", "qu'", "Israël", "O'Brien", "aujourd'hui"]
        );
        assert_eq!(
            words("al-Assad 1.000.000 10 h 30"),
            ["al-Assad", "1.000.000", "10", "h", "30"]
        );
        assert_eq!(words("« Oui » !"), ["«", "Oui", "»", "!"]);
        assert_eq!(words("l' Inde"), ["l'", "Inde"]);
        assert_eq!(words("Iran's minister"), ["Iran", "'", "s", "minister"]);
    }

    #[test]
    fn latin1_alphanumerics_are_as_unicode_says() {
        for c in ('\0'..='\u{17f}')
            .chain('\u{2000}'..='\u{206f}')
            .chain(['Σ', '٣', 'ʼ'])
        {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn elision_ignores_case_as_lowercasing_does() {
        for word in [
            "L", "l", "QU", "Jusqu", "PRESQU", "\u{212a}", "İ", "lé", "x", "",
        ] {
            let lowered = word.to_lowercase();
            assert_eq!(
                is_elided(word),
                ELIDED.contains(&lowered.as_str()),
                "{word:?}"
            );
        }
        // Every char alone, and every pair and longer word of the list's
        // letters and others.
        let letters = ['l', 'D', 'q', 'U', 'j', 'S', 'k', 'é', '\'', '’'];
        let mut tricky: Vec<String> = ('\0'..='\u{17f}')
            .chain(['\u{212a}', 'İ', 'ſ'])
            .map(String::from)
            .collect();
        for a in letters {
            for b in letters {
                tricky.push(format!("{a}{b}"));
            }
        }
        tricky.extend(ELIDED.iter().flat_map(|e| {
            [
                e.to_uppercase(),
                format!("{e}x"),
                format!("x{e}"),
                e[1..].to_string(),
            ]
        }));
        tricky.push("presqu".repeat(3));
        for word in &tricky {
            let lowered = word.to_lowercase();
            assert_eq!(
                is_elided(word),
                ELIDED.contains(&lowered.as_str()),
                "{word:?}"
            );
        }
        assert_eq!(
            words("L'Europe QU’il jusqu'à l'« a »"),
            ["L'", "Europe", "QU’", "il", "jusqu'", "à", "l'", "«", "a", "»"]
        );
    }

    /// The words ended by one lookup after their letters ([`ENDS_WORD`])
    /// and those read on past it, as the reference has them: every span of
    /// tricky texts, so that words also end at a span's end with text after
    /// it.
    #[test]
    fn words_end_as_in_the_reference() {
        let long = "abcdefghij".repeat(9);
        let texts = [
            String::new(),
            "a".into(),
            "\t".into(),
            "le\tchat\n\nnoir\r\n".into(),
            "l'Europe d’Arménie jusqu'à Iran's O'Brien aujourd'hui s'".into(),
            "Jean-Yves al-Assad -- a-b- -c x-".into(),
            "été Ministère coûte 3,5 % 1.000.000 10h30 1er 2e A1 b2c".into(),
            "word, word. word; word: word! word? word) (word «word» “word”".into(),
            "naïve façade Œuvre straße ΣΊΣΥΦΟΣ x×y a÷b".into(),
            format!("{long} {long}-{long} {long}'s {long}é{long}"),
        ];
        for text in &texts {
            for start in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                for end in (start..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                    let span = Span::new(start, end);
                    let mut fast = Vec::new();
                    tokenize_into(text, span, &mut fast);
                    let mut slow = Vec::new();
                    reference::tokenize_into(text, span, &mut slow);
                    assert_eq!(fast, slow, "{:?}", &text[start..end]);
                }
            }
        }
    }

    /// The runs read from the windows, byte by byte: from every place of
    /// sentences that end before, at and after a window's end, mid-text and
    /// at the text's end, words that run over windows included.
    #[test]
    fn alnum_runs_are_counted_bytes() {
        let long = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".repeat(3);
        let texts = [
            String::new(),
            "a".into(),
            "\t9".into(),
            long.clone(),
            format!("{long} {long}"),
            format!("l’Europe d'Arménie al-Assad\t1.000 été Œuvre {long}x ΣΊΣΥΦΟΣ {long}"),
            "word ".repeat(40),
        ];
        for text in &texts {
            let bytes = text.as_bytes();
            for start in 0..=bytes.len() {
                for len in [0, 1, 7, 63, 64, 65, 127, 128, 129, bytes.len() - start] {
                    let Some(sentence) = bytes.get(start..start + len) else {
                        continue;
                    };
                    let mut runs = AlnumRuns::new(&bytes[start..], len);
                    for from in 0..=len {
                        let expected = sentence[from..]
                            .iter()
                            .take_while(|&&b| b.is_ascii_alphanumeric())
                            .count();
                        assert_eq!(runs.run(from), expected, "{start} {len} {from}");
                    }
                    // A fresh window for each place too (not only stepped
                    // to from the one before).
                    for from in 0..=len {
                        let mut runs = AlnumRuns::new(&bytes[start..], len);
                        let expected = sentence[from..]
                            .iter()
                            .take_while(|&&b| b.is_ascii_alphanumeric())
                            .count();
                        assert_eq!(runs.run(from), expected, "{start} {len} {from}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn fast_tokenizer_is_the_reference(text in "([a-zA-Z0-9 .,'’ʼ\\-«»ÉéàÀçÖ×÷øÿΣσ٣²ª\u{a0}\u{2003}\n]|l'|qu'|'s|s'){0,40}") {
            let span = Span::new(0, text.len());
            let mut fast = Vec::new();
            tokenize_into(&text, span, &mut fast);
            let mut slow = Vec::new();
            reference::tokenize_into(&text, span, &mut slow);
            proptest::prop_assert_eq!(fast, slow);
        }
    }
}
