//! Word tokens, for the rules that read the text word by word.

use super::Span;

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
    let slice = &text[span.range()];
    // News text runs about six bytes a token: one allocation, not a dozen
    // regrowths, for most sentences.
    let mut out = Vec::with_capacity(slice.len() / 4 + 1);
    // Byte offsets, stepping a char at a time: ASCII chars (most of the
    // text) are read without UTF-8 decoding.
    let mut i = 0;
    while let Some(c) = char_at(slice, i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = span.start + i;
        if !c.is_alphanumeric() {
            out.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokenKind::Punct,
            });
            i += c.len_utf8();
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut all_digits = c.is_ascii_digit();
        // Where the next char starts; every char before it is in the token
        // (a joiner is taken only with the letter or digit after it).
        let mut j = end;
        loop {
            // A run of ASCII letters and digits, without decoding.
            let rest = slice.as_bytes().get(j..).unwrap_or(&[]);
            let run = rest
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            if run > 0 {
                all_digits = all_digits && rest[..run].iter().all(u8::is_ascii_digit);
                j += run;
                end = j;
            }
            let Some(d) = char_at(slice, j) else {
                break;
            };
            let after = j + d.len_utf8();
            if d.is_alphanumeric() {
                all_digits &= d.is_ascii_digit();
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
                    n.is_alphanumeric()
                }
            });
            // English possessive: "Azerbaijan's" is "Azerbaijan" + "'s".
            let possessive = is_apostrophe(d)
                && slice.as_bytes().get(after) == Some(&b's')
                && !char_at(slice, after + 1).is_some_and(char::is_alphanumeric);
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
        out.push(Token {
            span: Span::new(start, span.start + end),
            kind: if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        });
        i = end;
    }
    out
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
    ELIDED.iter().any(|e| e.eq_ignore_ascii_case(word))
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
        assert_eq!(
            words("L'Europe QU’il jusqu'à l'« a »"),
            ["L'", "Europe", "QU’", "il", "jusqu'", "à", "l'", "«", "a", "»"]
        );
    }
}
