//! Words in lowercase for the rules' word lists, borrowed when a word is its
//! own lowercase (most words are): the name and event rules look words up
//! in lowercase many times per token, and a `String` for each was a large
//! part of both stages.

use std::borrow::Cow;

/// A word in lowercase, as a rule compares it with its word lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Lowered<'a>(pub(crate) Cow<'a, str>);

impl<'a> Lowered<'a> {
    /// A word that is its own lowercase.
    pub(crate) fn borrowed(word: &'a str) -> Lowered<'a> {
        Lowered(Cow::Borrowed(word))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl std::ops::Deref for Lowered<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Lowered<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lowered<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// True when `c` lowercases to something else than itself (Latin-1 decided
/// without the Unicode tables).
pub(crate) fn lowercase_differs(c: char) -> bool {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => true,
        '\0'..='ÿ' => false,
        c => {
            let mut lower = c.to_lowercase();
            !(lower.next() == Some(c) && lower.next().is_none())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_differs_as_lowercasing_says() {
        for c in ('\0'..='\u{52f}').chain(['Σ', 'ẞ', 'Ａ', '\u{212a}']) {
            assert_eq!(
                lowercase_differs(c),
                c.to_lowercase().to_string() != c.to_string(),
                "{c:?}"
            );
        }
    }
}
