//! The output schema (CONTRACT §2) and its writers: JSONL, JSON, CSV tables
//! and the readable outline.
//!
//! [`Record::from_document`] is the one place where byte spans become code
//! points. Writers live in the library because analysts and Spark `pipe` users
//! need the same code as the CLI.

mod convert;
mod csv_tables;
mod outline;

use serde::{Deserialize, Serialize};

pub use csv_tables::{CsvTables, Table};
pub use outline::outline;

/// One output record per input document.
///
/// Offsets are Unicode code points, end exclusive (Python's
/// `text[start:end]`). Fields beyond the contract's (`timestamp`, `dateline`,
/// `titles`, `status`, sentence `kind`) are additions; none of the contract's
/// is renamed or dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The input's id.
    pub id: String,
    /// `fr`, `en`, or null when no language could be told.
    pub lang: Option<String>,
    /// The document date, `YYYY-MM-DD`.
    pub doc_date: Option<String>,
    /// `input`, `text` or `none`.
    pub doc_date_source: String,
    /// The full timestamp when the text gives a time (`2021-10-15T17:52+01:00`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// Where the article was filed.
    #[serde(default)]
    pub dateline: Option<TextSpan>,
    /// Sentences and other lines, with their kind.
    pub sentences: Vec<SentenceRecord>,
    /// Entities with their mentions.
    pub entities: Vec<EntityRecord>,
    /// Temporal expressions.
    pub timexes: Vec<TimexRecord>,
    /// Titles, with their holder and what they are of, when known.
    #[serde(default)]
    pub titles: Vec<TitleRecord>,
    /// Relations.
    pub relations: Vec<RelationRecord>,
    /// Events.
    pub events: Vec<EventRecord>,
    /// What went wrong for this document.
    pub errors: Vec<String>,
}

/// A span of text with its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `text[start:end]`.
    pub text: String,
}

/// A sentence or another line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `body`, `headline`, `timestamp`, `dateline` or `furniture`.
    pub kind: String,
}

/// An entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// `E1`, `E2`... in order of first mention.
    pub id: String,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub label: String,
    /// The canonical name.
    pub name: String,
    /// Every mention.
    pub mentions: Vec<TextSpan>,
    /// A gazetteer id (ISO code, GeoNames id...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer_id: Option<String>,
    /// Aliases found in the text (acronyms).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// For a nationality (`MISC`), the entity of its country when the
    /// document names it ("arménienne" → the entity of "Arménie").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimexRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text.
    pub text: String,
    /// The normalized value (CONTRACT §3).
    pub value: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A title mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleRecord {
    /// First code point of the whole title phrase.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// The phrase.
    pub text: String,
    /// The role ("ministre de la Défense").
    pub role: String,
    /// The entity the title is of.
    pub of: Option<String>,
    /// The entity holding it; null for a role-only mention.
    pub holder: Option<String>,
}

/// A relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationRecord {
    /// `holds_title`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The person's entity id.
    pub person: String,
    /// The title.
    pub title: String,
    /// The organization's or country's entity id.
    pub org: Option<String>,
}

/// An event participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRecord {
    /// The entity id; null for a role-only participant.
    pub entity: Option<String>,
    /// The fullest name.
    pub name: String,
    /// The role at the time.
    pub role: Option<String>,
    /// The organization or country of the role.
    pub org: Option<String>,
}

/// An event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    /// `V1`, `V2`...
    pub id: String,
    /// `meeting`, `visit`, `call`, `agreement`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `happened` or `planned`.
    pub status: String,
    /// Who took part.
    pub participants: Vec<ParticipantRecord>,
    /// The date value.
    pub date: Option<String>,
    /// `text`, `document` or `none`.
    pub date_source: String,
    /// Where, as named in the text.
    pub location: Option<String>,
    /// The word or phrase expressing the event.
    pub trigger: TextSpan,
    /// Its sentence (with its text, an addition to the contract's offsets).
    pub sentence: TextSpan,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
    /// CSV tables.
    Csv,
    /// The readable outline.
    Outline,
}

/// Writes one record as a JSON line.
///
/// # Errors
/// When writing fails.
pub fn write_jsonl(out: &mut impl std::io::Write, record: &Record) -> std::io::Result<()> {
    let mut line = Vec::new();
    push_jsonl(&mut line, record)?;
    out.write_all(&line)
}

/// Appends one record as a JSON line (with its `\n`) to `buf`.
///
/// Serializing into memory and writing the line whole is the cheap way:
/// the serializer writes each key, brace and number apart, and a small write
/// to a buffered file or pipe costs several times a push onto a vector.
///
/// ```
/// use depeche::Pipeline;
/// let record = Pipeline::french().unwrap().extract("Il pleut.").record();
/// let mut line = Vec::new();
/// depeche::output::push_jsonl(&mut line, &record).unwrap();
/// assert!(line.starts_with(b"{") && line.ends_with(b"}\n"));
/// ```
///
/// # Errors
/// Never for a record built by the pipeline; the error is serde_json's.
pub fn push_jsonl(buf: &mut Vec<u8>, record: &Record) -> std::io::Result<()> {
    serde_json::to_writer(&mut *buf, record)?;
    buf.push(b'\n');
    Ok(())
}
