//! Byte spans into a document's original text.

use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's original text.
///
/// Every layer of a [`Document`](crate::Document) stores `Span`s. Stages never
/// rewrite the text, so a span always slices the original at char boundaries;
/// code points are computed once, at output ([`CharIndex`](crate::doc::CharIndex)).
///
/// ```
/// use depeche::Span;
/// let text = "à Bakou";
/// let span = Span::new(3, 8);
/// assert_eq!(span.slice(text), "Bakou");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// When the span is out of range or not on char boundaries of `text`,
    /// which the pipeline never produces.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span moved right by `offset` bytes: a span found in a slice that
    /// starts at `offset` becomes a span of the whole document.
    pub const fn offset_by(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// As a `Range` for slicing.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert!(a.contains(Span::new(1, 5)));
        assert_eq!(a.offset_by(3), Span::new(3, 8));
        assert_eq!(a.cover(Span::new(7, 9)), Span::new(0, 9));
    }
}
