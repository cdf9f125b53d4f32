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
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = span.start + i;
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let numeric = c.is_ascii_digit();
            let mut all_digits = numeric;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                // Inner joiners: a hyphen or apostrophe between letters, a
                // dot or comma between digits.
                let joiner = if all_digits {
                    matches!(d, '.' | ',')
                } else {
                    d == '-' || is_apostrophe(d)
                };
                let next_alnum = slice[j + d.len_utf8()..].chars().next().is_some_and(|n| {
                    if all_digits {
                        n.is_ascii_digit()
                    } else {
                        n.is_alphanumeric()
                    }
                });
                // English possessive: "Azerbaijan's" is "Azerbaijan" + "'s".
                let possessive = is_apostrophe(d) && {
                    let mut rest = slice[j + d.len_utf8()..].chars();
                    matches!(rest.next(), Some('s'))
                        && !rest.next().is_some_and(char::is_alphanumeric)
                };
                if joiner && next_alnum && !possessive {
                    if is_apostrophe(d) && ELIDED.contains(&slice[i..j].to_lowercase().as_str()) {
                        // "l'Azerbaïdjan": the elided word keeps its
                        // apostrophe and ends here.
                        end = j + d.len_utf8();
                        chars.next();
                        break;
                    }
                    chars.next();
                    continue;
                }
                if is_apostrophe(d)
                    && !all_digits
                    && ELIDED.contains(&slice[i..j].to_lowercase().as_str())
                {
                    end = j + d.len_utf8();
                    chars.next();
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
        } else {
            out.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    out
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
}
