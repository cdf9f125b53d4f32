//! Document → Record: the one place bytes become code points.

use super::*;
use crate::doc::{CharIndex, Document, SentenceKind, Span};

impl Record {
    /// Converts a processed document into the output schema.
    ///
    /// ```
    /// let x = depeche::Pipeline::french()?.extract("Le 3 mai 2021, à Paris.");
    /// let record = x.record();
    /// assert_eq!(record.sentences.len(), 1);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn from_document(doc: &Document) -> Record {
        let chars = CharIndex::new(&doc.text);
        let text_span = |span: Span| TextSpan {
            start: chars.char_offset(span.start),
            end: chars.char_offset(span.end),
            text: doc.slice(span).to_string(),
        };
        let entity_id = |i: usize| numbered_id('E', i + 1);

        // Without a linker, every mention is its own entity.
        let singletons;
        let entities: &[crate::doc::Entity] = if doc.entities.is_empty() && !doc.mentions.is_empty()
        {
            singletons = doc
                .mentions
                .iter()
                .enumerate()
                .map(|(i, m)| crate::doc::Entity {
                    label: m.label,
                    name: doc.mention_name(m),
                    mentions: vec![i],
                    id: m.id.clone(),
                    aliases: Vec::new(),
                })
                .collect::<Vec<_>>();
            &singletons
        } else {
            &doc.entities
        };
        let mention_entity = |mi: usize| -> Option<String> {
            doc.mentions
                .get(mi)
                .and_then(|m| m.entity)
                .or_else(|| doc.entities.is_empty().then_some(mi))
                .map(entity_id)
        };

        Record {
            id: doc.id.clone(),
            lang: doc.lang.map(|l| l.as_str().to_string()),
            // `Display` writes YYYY-MM-DD, without parsing a format string.
            doc_date: doc.date.map(|d| d.to_string()),
            doc_date_source: doc
                .date_source
                .unwrap_or(crate::doc::DateSource::None)
                .as_str()
                .to_string(),
            timestamp: doc.timestamp.clone(),
            dateline: doc.dateline.map(text_span),
            sentences: doc
                .sentences
                .iter()
                .map(|s| SentenceRecord {
                    start: chars.char_offset(s.span.start),
                    end: chars.char_offset(s.span.end),
                    kind: kind_name(s.kind).to_string(),
                })
                .collect(),
            entities: entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityRecord {
                    id: entity_id(i),
                    label: e.label.as_str().to_string(),
                    name: e.name.clone(),
                    mentions: e
                        .mentions
                        .iter()
                        .filter_map(|&m| doc.mentions.get(m))
                        .map(|m| text_span(m.span))
                        .collect(),
                    gazetteer_id: e.id.clone(),
                    aliases: e.aliases.clone(),
                    refers_to: e
                        .mentions
                        .first()
                        .filter(|_| e.label == crate::doc::Label::Misc)
                        .and_then(|&m| doc.represented_entity(m))
                        .filter(|&r| r != i)
                        .map(entity_id),
                })
                .collect(),
            timexes: doc
                .timexes
                .iter()
                .map(|t| {
                    let s = text_span(t.span);
                    TimexRecord {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        value: t.value.clone(),
                        kind: t.kind.as_str().to_string(),
                    }
                })
                .collect(),
            titles: doc
                .titles
                .iter()
                .map(|t| {
                    let s = text_span(t.span);
                    TitleRecord {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        role: t.role.clone(),
                        of: t.of.and_then(|of| {
                            doc.represented_entity(of)
                                .map(entity_id)
                                .or_else(|| mention_entity(of))
                        }),
                        holder: t.holder.and_then(mention_entity),
                    }
                })
                .collect(),
            relations: doc
                .relations
                .iter()
                .map(|r| RelationRecord {
                    kind: r.kind.as_str().to_string(),
                    person: entity_id(r.person),
                    title: r.title.clone(),
                    org: r.org.map(entity_id),
                })
                .collect(),
            events: doc
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| EventRecord {
                    id: numbered_id('V', i + 1),
                    kind: e.kind.as_str().to_string(),
                    status: match e.status {
                        crate::doc::EventStatus::Happened => "happened",
                        crate::doc::EventStatus::Planned => "planned",
                    }
                    .to_string(),
                    participants: e
                        .participants
                        .iter()
                        .map(|p| ParticipantRecord {
                            entity: p.entity.map(entity_id),
                            name: p.name.clone(),
                            role: p.role.clone(),
                            org: p.org.clone(),
                        })
                        .collect(),
                    date: e.date.clone(),
                    date_source: e.date_source.as_str().to_string(),
                    location: e.location.clone(),
                    trigger: text_span(e.trigger),
                    sentence: text_span(e.sentence),
                })
                .collect(),
            errors: doc.errors.clone(),
        }
    }

    /// A record for an input that could not be read as a document at all (a
    /// malformed JSONL line): no text, one error.
    pub fn failed(id: impl Into<String>, error: impl Into<String>) -> Record {
        Record {
            id: id.into(),
            lang: None,
            doc_date: None,
            doc_date_source: "none".into(),
            timestamp: None,
            dateline: None,
            sentences: Vec::new(),
            entities: Vec::new(),
            timexes: Vec::new(),
            titles: Vec::new(),
            relations: Vec::new(),
            events: Vec::new(),
            errors: vec![error.into()],
        }
    }
}

/// An id such as "E12": a letter and a number. Written without the
/// formatting machinery, which cost more than the rest of the conversion:
/// every entity reference in a record is one.
fn numbered_id(letter: char, n: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    let mut id = String::with_capacity(1 + digits.len());
    id.push(letter);
    id.push_str(digits);
    id
}

fn kind_name(kind: SentenceKind) -> &'static str {
    match kind {
        SentenceKind::Body => "body",
        SentenceKind::Headline => "headline",
        SentenceKind::Timestamp => "timestamp",
        SentenceKind::Dateline => "dateline",
        SentenceKind::Furniture => "furniture",
    }
}
