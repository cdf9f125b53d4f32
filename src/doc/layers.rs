//! The layers stages add to a [`Document`](super::Document): all in byte spans.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Span;

/// What a sentence-like segment of the text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// A sentence of the article's body.
    Body,
    /// A title line: no final punctuation, before the body or between blocks.
    Headline,
    /// A line that only gives the publication date and time.
    Timestamp,
    /// The "City / Source" or "CITY (Agency) -" line that says where the
    /// article was filed.
    Dateline,
    /// Page furniture of a saved web page: site name, a repeated headline,
    /// "Loading...", "Voir Plus", share and comment lines.
    Furniture,
}

impl SentenceKind {
    /// True for segments whose content counts as the article's text (body and
    /// headlines): events are read there, never from furniture.
    pub fn is_content(self) -> bool {
        matches!(self, SentenceKind::Body | SentenceKind::Headline)
    }
}

/// A sentence (or a line that is not one: see [`SentenceKind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is, without surrounding spaces.
    pub span: Span,
    /// What it is.
    pub kind: SentenceKind,
}

/// Entity labels, CoNLL-style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// Persons.
    Per,
    /// Organizations.
    Org,
    /// Places.
    Loc,
    /// Nationalities, demonyms, events, works.
    Misc,
}

impl Label {
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }

    /// Parses `PER`, `ORG`, `LOC` or `MISC` (any case).
    pub fn parse(s: &str) -> Option<Label> {
        match s.to_ascii_uppercase().as_str() {
            "PER" => Some(Label::Per),
            "ORG" => Some(Label::Org),
            "LOC" => Some(Label::Loc),
            "MISC" => Some(Label::Misc),
            _ => None,
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a mention came from, for debugging rules and for priorities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionSource {
    /// A gazetteer entry.
    Gazetteer,
    /// A named rule.
    Rule(&'static str),
}

/// A named mention of an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// What it names.
    pub label: Label,
    /// The canonical name, when a gazetteer or a rule knows it ("Azerbaïdjan"
    /// for "azerbaïdjanais"); else the mention's own text is used.
    pub canonical: Option<String>,
    /// A stable id from a gazetteer (ISO country code, Wikidata QID...).
    pub id: Option<String>,
    /// The ISO country code this mention is tied to, if known.
    pub country: Option<String>,
    /// A country's capital (gazetteer `kind=capital`): as the subject of a
    /// verb it may stand for the country's government ("Moscow hosted the
    /// talks").
    pub capital: bool,
    /// Which gazetteer entry or rule found it.
    pub source: MentionSource,
    /// Index into [`Document::entities`](super::Document::entities), set by
    /// the linker.
    pub entity: Option<usize>,
}

impl Mention {
    /// A mention with no canonical name, id or entity yet.
    pub fn new(span: Span, label: Label, source: MentionSource) -> Mention {
        Mention {
            span,
            label,
            canonical: None,
            id: None,
            country: None,
            capital: false,
            source,
            entity: None,
        }
    }
}

/// A word the gazetteers know that is not itself an entity mention, but which
/// later rules use: a title, an honorific, a given name, an event trigger.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// Where it is.
    pub span: Span,
    /// What kind of cue.
    pub kind: CueKind,
    /// The entry's canonical form (the role's standard name, the trigger's
    /// lemma).
    pub canonical: String,
    /// The entry's id, if any.
    pub id: Option<String>,
    /// The entry's attributes (`key=value` pairs), shared with the entry: a
    /// copy per cue was a twentieth of the gazetteer stage.
    pub attrs: Arc<[(String, String)]>,
}

impl Cue {
    /// The value of attribute `key`, if the entry has it.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Kinds of [`Cue`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// A title or rank ("ministre de la Défense", "colonel général").
    Title,
    /// An honorific ("M.", "Mrs").
    Honorific,
    /// A given name ("Gérard").
    GivenName,
    /// A word that signals an event ("a rencontré", "held talks").
    Trigger,
}

/// A title held by someone or named without a holder ("le président russe").
#[derive(Clone, Debug, PartialEq)]
pub struct TitleMention {
    /// The whole title phrase, complement included ("ministre de la Défense de
    /// l'Azerbaïdjan").
    pub span: Span,
    /// The role as written ("ministre de la Défense").
    pub role: String,
    /// The role's span.
    pub role_span: Span,
    /// The country or organization mention the title is of, as an index
    /// into [`Document::mentions`](super::Document::mentions).
    pub of: Option<usize>,
    /// The person mention it belongs to, set by the relation assembler.
    pub holder: Option<usize>,
    /// `government`, `military`, ... from the gazetteer.
    pub kind: Option<String>,
}

/// Timex types of TIMEX3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date, at any precision.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

impl TimexType {
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression with its normalized value.
#[derive(Clone, Debug, PartialEq)]
pub struct Timex {
    /// Where it is.
    pub span: Span,
    /// Its type.
    pub kind: TimexType,
    /// Its value, as in CONTRACT §3 (`2020-11-10`, `2020-09/2020-11`, `P1M`).
    pub value: String,
    /// The rule that found it.
    pub rule: &'static str,
}

/// One real-world entity: its mentions linked together.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Its label.
    pub label: Label,
    /// The canonical name.
    pub name: String,
    /// Indices into [`Document::mentions`](super::Document::mentions), in text
    /// order.
    pub mentions: Vec<usize>,
    /// A gazetteer id, when one of its mentions has one.
    pub id: Option<String>,
    /// Aliases found in the document (acronyms defined in parentheses).
    pub aliases: Vec<String>,
}

/// A relation between entities.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// What relation.
    pub kind: RelationKind,
    /// The person (entity index).
    pub person: usize,
    /// The title as written ("ministre de la Défense").
    pub title: String,
    /// The organization or country the title is of (entity index).
    pub org: Option<usize>,
    /// Where the evidence is.
    pub evidence: Span,
}

/// Kinds of [`Relation`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// A person holds a title, of an organization or country.
    HoldsTitle,
}

impl RelationKind {
    /// `holds_title`.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::HoldsTitle => "holds_title",
        }
    }
}

/// Event types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    /// Two or more parties meet face to face or hold talks.
    Meeting,
    /// Someone goes to a place.
    Visit,
    /// A telephone or video contact.
    Call,
    /// Parties sign or conclude an agreement.
    Agreement,
}

impl EventType {
    /// `meeting`, `visit`, `call`, `agreement`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Meeting => "meeting",
            EventType::Visit => "visit",
            EventType::Call => "call",
            EventType::Agreement => "agreement",
        }
    }

    /// Parses the names [`as_str`](Self::as_str) gives.
    pub fn parse(s: &str) -> Option<EventType> {
        match s {
            "meeting" => Some(EventType::Meeting),
            "visit" => Some(EventType::Visit),
            "call" => Some(EventType::Call),
            "agreement" => Some(EventType::Agreement),
            _ => None,
        }
    }
}

/// Where an event's or document's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Given with the input.
    Input,
    /// Read from the text.
    Text,
    /// The document's date.
    Document,
    /// No date.
    None,
}

impl DateSource {
    /// `input`, `text`, `document` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Input => "input",
            DateSource::Text => "text",
            DateSource::Document => "document",
            DateSource::None => "none",
        }
    }
}

/// Whether an event took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    /// It happened or is happening.
    Happened,
    /// It is firmly scheduled.
    Planned,
}

/// A participant of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Participant {
    /// The entity (index into [`Document::entities`](super::Document::entities)),
    /// or `None` for a role-only participant ("le président russe").
    pub entity: Option<usize>,
    /// The fullest name the document gives.
    pub name: String,
    /// The role the participant had at the time, if the text says.
    pub role: Option<String>,
    /// The organization or country of that role.
    pub org: Option<String>,
}

/// An event: who, what, when, where, with its evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// What kind of event.
    pub kind: EventType,
    /// Who took part.
    pub participants: Vec<Participant>,
    /// The date value (CONTRACT §3).
    pub date: Option<String>,
    /// Where the date came from.
    pub date_source: DateSource,
    /// Where it took place, as named in the text.
    pub location: Option<String>,
    /// The word or phrase that expresses the event (its first mention).
    pub trigger: Span,
    /// The sentence of the trigger.
    pub sentence: Span,
    /// Happened or planned.
    pub status: EventStatus,
}
