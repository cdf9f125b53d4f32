//! The document model every stage shares.
//!
//! A [`Document`] owns its original text; stages add layers of byte
//! [`Span`]s and never change the text. Code points are computed once, at
//! output ([`crate::output`]).

mod ascii_bits;
mod fold;
mod layers;
mod lower;
mod offsets;
mod span;
mod tokens;

pub(crate) use ascii_bits::ascii_alnum_bits;
pub use fold::{fold, Folded, OriginalCursor};
pub use layers::*;
pub(crate) use lower::{lowercase_differs, Lowered};
pub use offsets::CharIndex;
pub use span::Span;
pub(crate) use tokens::tokenize_into;
pub use tokens::{tokenize, Token, TokenKind};

use crate::Lang;

/// A calendar date given with the input or read from the text.
pub type Date = chrono::NaiveDate;

/// A document and every layer the pipeline has added to it.
///
/// Invariants, held by every stage and checked by the property tests:
/// - every span lies inside `text` on char boundaries;
/// - sentences are sorted and do not overlap;
/// - mentions are sorted by start and do not overlap (outermost only).
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The input's id (a path, `FILE:LINE`, or the id given in JSONL).
    pub id: String,
    /// The original text.
    pub text: String,
    /// Its language, given or detected.
    pub lang: Option<Lang>,
    /// True when `lang` was detected rather than given.
    pub lang_detected: bool,
    /// The document date (publication date).
    pub date: Option<Date>,
    /// The full timestamp value when the text gives a time too
    /// (`2021-10-15T17:52+01:00`).
    pub timestamp: Option<String>,
    /// Where the document date came from.
    pub date_source: Option<DateSource>,
    /// The dateline ("Paris", "WASHINGTON"), where the article was filed.
    pub dateline: Option<Span>,
    /// Sentences and the lines that are not sentences (furniture...).
    pub sentences: Vec<Sentence>,
    /// Gazetteer cues: titles, honorifics, given names, triggers.
    pub cues: Vec<Cue>,
    /// Named mentions, sorted, non-overlapping.
    pub mentions: Vec<Mention>,
    /// Titles, with what they are of and who holds them.
    pub titles: Vec<TitleMention>,
    /// Temporal expressions.
    pub timexes: Vec<Timex>,
    /// Entities: linked mentions.
    pub entities: Vec<Entity>,
    /// The first place entity of each gazetteer id, set with `entities`:
    /// how a nationality ("sénégalaise") finds its country's entity without
    /// a search through all entities (see [`Document::represented_entity`]).
    pub place_by_id: std::collections::HashMap<String, usize>,
    /// Relations between entities.
    pub relations: Vec<Relation>,
    /// Events.
    pub events: Vec<Event>,
    /// What went wrong for this document, in words a user can act on.
    pub errors: Vec<String>,
}

impl Document {
    /// A document with `text` and nothing else.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The sentence containing byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        self.sentences.get(i).filter(|s| s.span.start <= at)
    }

    /// The mentions inside `span`, in order.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = (usize, &Mention)> {
        let first = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions[first..]
            .iter()
            .enumerate()
            .take_while(move |(_, m)| m.span.start < span.end)
            .filter(move |(_, m)| m.span.end <= span.end)
            .map(move |(i, m)| (first + i, m))
    }

    /// The index of the mention that ends at byte `end`, if any. Mentions
    /// are in text order and do not overlap, so their ends are in order
    /// too.
    pub(crate) fn mention_ending_at(&self, end: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.span.end < end);
        self.mentions
            .get(k)
            .filter(|m| m.span.end == end)
            .map(|_| k)
    }

    /// The entity a mention stands for as an organization or country: a
    /// nationality adjective stands for its country's entity when the
    /// document names the country ("le président russe" → Russie), else its
    /// own entity.
    pub fn represented_entity(&self, mention: usize) -> Option<usize> {
        let m = self.mentions.get(mention)?;
        if m.label == Label::Misc {
            if let Some(&country) = m.id.as_ref().and_then(|id| self.place_by_id.get(id)) {
                return Some(country);
            }
        }
        m.entity
    }

    /// The name to show for a mention: its canonical name or its text.
    pub fn mention_name(&self, mention: &Mention) -> String {
        mention
            .canonical
            .clone()
            .unwrap_or_else(|| self.slice(mention.span).to_string())
    }
}
