//! Events from triggers: who met whom, when, where, in what capacity.

use std::borrow::Cow;
use std::collections::BTreeSet;

// Fast hashing: the maps here are looked up, or walked only to sort each
// value, never in an order that reaches the output.
use rustc_hash::FxHashMap as HashMap;

use crate::doc::{
    lowercase_differs, tokenize, Cue, CueKind, DateSource, Document, Event, EventStatus, EventType,
    Label, Lowered, Mention, Participant, SentenceKind, Span, Token, TokenKind,
};
use crate::pipeline::{Layer, Stage, StageError};

mod context;
mod dating;
mod envoys;
mod index;
mod participants;
mod words;

use index::Index;
use words::*;

/// Assembles events from the trigger words the gazetteer found.
///
/// Follows the guideline of `shared/eval/MEETINGS.md`:
/// - **Triggers**: `TRIGGER` cues with `event=meeting|visit|call|agreement`,
///   read only in the article's own text (body and headlines, never page
///   furniture).
/// - **Left out**: negated ("n'a pas rencontré", "did not meet", "refused to
///   meet") and hypothetical or wished-for events ("souhaite rencontrer",
///   "would meet", "pourrait rencontrer").
/// - **Participants**: the persons named in the trigger's clause (a window
///   around the trigger inside its sentence), with the role and organization
///   of the title they hold. A role-only title ("le président russe", "the
///   Ukrainian president") stands for the person the document names in that
///   role of that country, and is left out when it names nobody (unnamed
///   parties are not participants). States and organizations take part only
///   when no person is named for them: not when a participant holds one of
///   their titles anywhere in the document; beside a single person, only
///   within a few tokens of the trigger (or in a list that reaches there);
///   never after a topic or direction preposition ("talks on Syria"). A
///   place after a locative preposition is the location, and a venue ("at
///   the White House") no participant. A verb trigger needs one named
///   participant, a noun trigger ("sommet", "talks") two.
/// - **One event per meeting**: events of one type and status whose
///   participants are a subset of an earlier event's, on the same date (or
///   where one of them has no date from the text), are merged into it; a
///   demonstrative ("cette réunion", "this meeting") points back at the last
///   event of its type. A later mention that dates the meeting dates the
///   event.
/// - **Date**: a date in the sentence (the one nearest the trigger); else,
///   for an event told in the lead of the article in the past tense, the
///   document date (`date_source` = `document`: the news of its own day);
///   else none.
/// - **Location**: a place named after a locative preposition in the
///   sentence ("à Bakou", "in Baku"); never the dateline.
/// - **Status**: `planned` for future-tense triggers, else `happened`.
///
/// ```
/// let x = depeche::Pipeline::french()?.extract(
///     "Le 3 mai 2021, Anne Dupont a rencontré Paul Martin à Lyon.");
/// let e = &x.events[0];
/// assert_eq!(e.participants.len(), 2);
/// assert_eq!(e.date.as_deref(), Some("2021-05-03"));
/// assert_eq!(e.location.as_deref(), Some("Lyon"));
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct EventAssembler;

/// True when only list words lie between `a` and `b` (in that order).
fn is_list_glue(tokens: &[Word], a: Span, b: Span) -> bool {
    if b.start < a.end {
        return false;
    }
    tokens_from(tokens, a.end)
        .iter()
        .take_while(|t| t.span.end <= b.start)
        .all(|t| LIST_GLUE.contains(&t.lower()))
}

/// True when the mention names a country, or its nationality: its id is a
/// country code (ISO 3166-1 alpha-2).
pub(super) fn names_a_country(m: &Mention) -> bool {
    m.id.as_ref()
        .is_some_and(|id| id.len() == 2 && id.chars().all(|c| c.is_ascii_uppercase()))
}

/// The cue starting at byte `at` (cues are in text order, as the gazetteer
/// finds them).
fn cue_at(doc: &Document, at: usize) -> Option<&Cue> {
    let k = doc.cues.partition_point(|c| c.span.start < at);
    doc.cues.get(k).filter(|c| c.span.start == at)
}

/// The tokens that end at or before byte `at`.
fn tokens_before<'t, 'd>(tokens: &'t [Word<'d>], at: usize) -> &'t [Word<'d>] {
    &tokens[..tokens.partition_point(|t| t.span.end <= at)]
}

/// The tokens that start at or after byte `at`.
fn tokens_from<'t, 'd>(tokens: &'t [Word<'d>], at: usize) -> &'t [Word<'d>] {
    &tokens[tokens.partition_point(|t| t.span.start < at)..]
}

/// The last `n` words (runs of letters and digits) of `text`, the nearest
/// first, each with its byte offset in `text`.
fn last_words(text: &str, n: usize) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut end = None;
    for (k, c) in text.char_indices().rev() {
        match (c.is_alphanumeric(), end) {
            (true, None) => end = Some(k + c.len_utf8()),
            (false, Some(to)) => {
                words.push((k + c.len_utf8(), &text[k + c.len_utf8()..to]));
                end = None;
                if words.len() == n {
                    return words;
                }
            }
            _ => {}
        }
    }
    if let Some(to) = end {
        words.push((0, &text[..to]));
    }
    words.truncate(n);
    words
}

/// A token of a sentence being read, with its text lowercased once: the
/// rules look at the words around a trigger many times over, and a sentence
/// may hold several triggers. It reads as its [`Token`].
pub(super) struct Word<'d> {
    token: Token,
    lower: Lowered<'d>,
}

impl Word<'_> {
    /// The token's text in lowercase, apostrophes straight (see [`lower`]).
    pub(super) fn lower(&self) -> &str {
        self.lower.as_str()
    }
}

impl std::ops::Deref for Word<'_> {
    type Target = Token;
    fn deref(&self) -> &Token {
        &self.token
    }
}

/// The tokens of `span`, each with its lowercase.
pub(super) fn words_in(doc: &Document, span: Span) -> Vec<Word<'_>> {
    tokenize(&doc.text, span)
        .into_iter()
        .map(|token| Word {
            token,
            lower: lower(token.span.slice(&doc.text)),
        })
        .collect()
}

/// A word lowercased, its typographic apostrophes straight ("n’" is "n'"),
/// as the word lists write them.
fn lower(s: &str) -> Lowered<'_> {
    // Most words are lowercase already: those are borrowed, not copied (a
    // copy per word looked at was half of this stage). Plain ASCII needs
    // neither the Unicode tables nor the apostrophes.
    if s.is_ascii() {
        return if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Lowered(Cow::Owned(s.to_ascii_lowercase()))
        } else {
            Lowered::borrowed(s)
        };
    }
    if s.chars()
        .all(|c| !lowercase_differs(c) && !matches!(c, '’' | 'ʼ'))
    {
        return Lowered::borrowed(s);
    }
    let lowered = s.to_lowercase();
    Lowered(Cow::Owned(if lowered.contains(['’', 'ʼ']) {
        lowered.replace(['’', 'ʼ'], "'")
    } else {
        lowered
    }))
}

/// True when two participant sets can be one meeting told twice: the same
/// parties, or one set inside the other with two parties in common. One
/// shared party is not enough: "Obama spoke at the NATO summit" and "Obama
/// is welcomed by King Felipe" are two meetings.
fn same_meeting(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    a == b || (a.is_subset(b) || a.is_superset(b)) && a.intersection(b).count() >= 2
}

/// True for a participant that is a state or organization.
fn is_state(doc: &Document, participant: &Participant) -> bool {
    participant
        .entity
        .is_some_and(|e| doc.entities.get(e).is_some_and(|e| e.label != Label::Per))
}

/// What the trigger says of when its event is: in the lead, in a past
/// form, planned.
#[derive(Clone, Copy)]
struct DateHints {
    in_lead: bool,
    past: bool,
    planned: bool,
    /// Days from the clause's date to the meeting's: 1 for "à la veille du
    /// sommet", "on the eve of the summit"; -1 for "au lendemain du
    /// sommet"; else 0.
    eve: i64,
}

/// What the words around a trigger say of its parties.
struct Parties {
    found: Vec<Found>,
    location: Option<String>,
    /// The meeting is held in a named forum (a council, a group).
    in_forum: bool,
}

/// A participant under construction, with where it was named.
#[derive(Debug, Clone)]
struct Found {
    key: String,
    participant: Participant,
}

impl EventAssembler {
    fn event_type(cue: &Cue) -> Option<EventType> {
        EventType::parse(cue.attr("event")?)
    }
}

impl Stage for EventAssembler {
    fn name(&self) -> &'static str {
        "events"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Relations]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        // The lead: the first two body sentences (or the only one). Found
        // without a list of every body sentence, which nothing else reads.
        let lead_end = doc
            .sentences
            .iter()
            .filter(|s| s.kind == SentenceKind::Body)
            .take(2)
            .last()
            .map_or(0, |s| s.span.end);
        let mut events: Vec<Event> = Vec::new();
        // The participant keys of each event, and the events of each key.
        let mut event_keys: Vec<BTreeSet<String>> = Vec::new();
        let mut events_by_key: HashMap<String, Vec<usize>> = HashMap::default();
        // The tokens of the current sentence (and whether it speaks of
        // sports), found once per sentence rather than once per trigger, so
        // that a long sentence with many triggers stays linear.
        let mut current: Option<(Span, Vec<Word>, bool)> = None;
        // The last meeting found with a single named party, held back.
        let mut pending: Option<(Event, usize)> = None;
        // The last event created of each type, which a demonstrative
        // ("cette réunion") points back to.
        let mut last_by_kind: HashMap<EventType, usize> = HashMap::default();
        // Built at the first trigger that gets as far as its parties: most
        // documents have none, and the index reads every relation and title.
        let index_cell = once_cell::unsync::OnceCell::new();
        let index = || index_cell.get_or_init(|| Index::new(doc));
        for cue in doc.cues.iter().filter(|c| c.kind == CueKind::Trigger) {
            let Some(kind) = Self::event_type(cue) else {
                continue;
            };
            // A trigger whose words straddle a sentence end ("s'était
            // \n\nentretenue") is no trigger of either sentence.
            let Some(sentence) = doc
                .sentence_at(cue.span.start)
                .filter(|s| s.kind.is_content() && s.span.contains(cue.span))
            else {
                continue;
            };
            let sentence = sentence.span;
            if current.as_ref().is_none_or(|(s, _, _)| *s != sentence) {
                let tokens = words_in(doc, sentence);
                let sports = self.is_sports(doc, &tokens);
                current = Some((sentence, tokens, sports));
            }
            let (_, tokens, sports) = current.as_ref().expect("set above");
            if self.is_negated_or_hypothetical(doc, tokens, cue.span) {
                continue;
            }
            let ordinal = doc
                .sentences
                .partition_point(|s| s.span.start < sentence.start);
            // "Talks will be held Wednesday in Berlin. Klimkin and Lavrov
            // will take part.": taking part, with no object, names who else
            // is at the meeting held back just before. Alone it is no event,
            // and before a meeting word ("took part in the talks") the word
            // tells the meeting.
            let participation = cue.attr("form") == Some("participation");
            if participation {
                let joins_pending = pending.as_ref().is_some_and(|(p, at)| {
                    p.kind == EventType::Meeting && ordinal.saturating_sub(*at) <= 2
                });
                if !joins_pending
                    || self.names_its_meeting(doc, tokens, cue.span)
                    || !self.only_names_before(doc, tokens, cue.span)
                {
                    continue;
                }
            }
            if *sports
                || !self.has_party_object(doc, tokens, cue)
                || self.meets_a_thing(doc, tokens, cue)
                || kind == EventType::Meeting && self.is_remote(tokens, cue.span)
                || self.is_geographic_summit(doc, cue)
                || self.is_prepared_for(doc, tokens, cue)
                // "sous le signe de l'euro", "holds a sign": a one-word
                // signing verb after a determiner is a noun that signs
                // nothing ("la signature" is listed as a noun; "l'UE ont
                // signé" is a verb).
                || kind == EventType::Agreement
                    && cue.attr("form") == Some("verb")
                    && !doc.slice(cue.span).contains(char::is_whitespace)
                    && self.follows_determiner(doc, tokens, cue.span)
            {
                continue;
            }
            let Parties {
                found,
                location,
                in_forum,
            } = self.participants(doc, sentence, tokens, index(), cue);
            // A capitalised verb inside a sentence is part of a name ("NBC's
            // Meet the Press"), not a verb.
            let capitalised = doc.slice(cue.span).starts_with(char::is_uppercase);
            if capitalised && cue.attr("form") == Some("verb") && cue.span.start > sentence.start {
                continue;
            }
            // "a poussé l'Arménie à signer": an infinitive alone does not
            // assert the event ("va rencontrer" is listed as a future form).
            // But one of purpose after a journey asserts it: "was to travel
            // to Moroto to meet with X", "s'est rendu à Lima pour rencontrer
            // Y"; the journey's tense gives the status.
            // And so does one after "pu", "managed": "ont toutefois pu
            // rencontrer X", "managed to meet X" (it happened).
            let purpose = if cue.attr("tense") == Some("infinitive") {
                match self.journey_before(doc, tokens, cue.span) {
                    Some(planned) => Some(planned),
                    None if self.achieved_before(tokens, cue.span) => Some(false),
                    // "is scheduled to meet", "a décidé de convoquer".
                    None if self.scheduled_before(doc, tokens, cue.span) => Some(true),
                    None => continue,
                }
            } else {
                // "will travel to Beijing next week for talks with X" ("for"
                // makes "talks with" the noun).
                self.journey_for(doc, tokens, cue.span)
            };
            // "sa visite", "la rencontre": after a determiner, a form that
            // could be a verb is the noun.
            let is_noun =
                cue.attr("form") == Some("noun") || self.follows_determiner(doc, tokens, cue.span);
            // "cette réunion": the last event of its type, told again.
            let last_of_kind = last_by_kind.get(&kind).copied();
            let anaphoric = participation
                || self.is_anaphoric(tokens, cue.span)
                    && (last_of_kind.is_some()
                        || pending.as_ref().is_some_and(|(e, _)| e.kind == kind));
            // A meeting word needs two parties, unless it names its forum
            // ("a meeting of the Security Council"): one named member of it
            // is enough.
            // So does a joint appearance ("X and Y hold a news
            // conference"): one speaker alone met nobody.
            // A visit names its traveller and where it goes ("sa visite
            // à Alger", "une visite d'État en Chine"): one party and a
            // place are enough.
            let visits_a_place = kind == EventType::Visit
                && (location.is_some() || found.iter().any(|f| is_state(doc, &f.participant)));
            let needed = if is_noun && !anaphoric && !in_forum && !visits_a_place
                || cue.attr("parties") == Some("2")
            {
                2
            } else {
                1
            };
            // A meeting with one named party ("a meeting with police
            // chiefs, Obama said") is held back: a later sentence may tell
            // who else took part ("participated in the talks, including X").
            // So is a meeting word with no named party ("talks will be held
            // Wednesday in Berlin, X said"): the next sentences may name
            // them, and the word gives their date and place.
            let held_back = found.len() < needed
                && kind == EventType::Meeting
                && (found.len() == 1 && needed == 2 || found.is_empty() && is_noun);
            if found.len() < needed && !held_back {
                continue;
            }
            // A visit is someone's: "la visite d'un centre à Bobigny", "la
            // visite en Chine a été reportée" name no traveller.
            if kind == EventType::Visit && found.iter().all(|f| is_state(doc, &f.participant)) {
                continue;
            }
            let tense = cue.attr("tense");
            let status = if purpose.unwrap_or(false)
                || purpose.is_none()
                    && (tense == Some("future") || self.is_announced(tokens, cue.span))
            {
                EventStatus::Planned
            } else {
                EventStatus::Happened
            };
            let past = tense == Some("past");
            let (date, date_source) = self.date(
                doc,
                index(),
                sentence,
                cue.span,
                DateHints {
                    in_lead: cue.span.end <= lead_end,
                    past,
                    planned: status == EventStatus::Planned,
                    eve: tokens_before(tokens, cue.span.start)
                        .iter()
                        .rev()
                        .filter(|t| t.kind == TokenKind::Word)
                        .take(3)
                        .find_map(|t| match t.lower() {
                            "veille" | "eve" => Some(1),
                            "lendemain" => Some(-1),
                            _ => None,
                        })
                        .unwrap_or(0),
                },
            );
            // A meeting dated after the news is yet to come: "à la veille
            // du sommet" in today's news.
            let day = date
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let status = match (day, doc.date) {
                (Some(day), Some(today)) if day > today => EventStatus::Planned,
                _ => status,
            };
            let participants: Vec<Participant> = found.into_iter().map(|f| f.participant).collect();
            // "a rendu visite à son homologue X", "visited X": a visit that
            // names whom it met is a meeting (MEETINGS.md).
            let persons_named = participants
                .iter()
                .filter(|p| {
                    p.entity
                        .is_some_and(|e| doc.entities.get(e).is_some_and(|e| e.label == Label::Per))
                })
                .count();
            let kind = if kind == EventType::Visit
                && persons_named >= 2
                && self.visits_a_person(doc, tokens, cue.span)
            {
                EventType::Meeting
            } else {
                kind
            };
            let mut event = Event {
                kind,
                participants,
                date,
                date_source,
                location,
                trigger: cue.span,
                sentence,
                status,
            };
            if held_back {
                pending = Some((event, ordinal));
                continue;
            }
            let key =
                |p: &Participant| p.entity.map_or_else(|| p.name.clone(), |e| format!("E{e}"));
            // A sentence of taking part completes the one-party meeting
            // told last, when it is more recent than the last event.
            let completes_pending = anaphoric
                && pending.as_ref().is_some_and(|(p, _)| {
                    p.kind == event.kind
                        && last_of_kind.is_none_or(|i| events[i].trigger.start < p.trigger.start)
                });
            if completes_pending {
                let (mut first, _) = pending.take().expect("checked above");
                let known: BTreeSet<String> = first.participants.iter().map(key).collect();
                first.participants.extend(
                    event
                        .participants
                        .into_iter()
                        .filter(|p| !known.contains(&key(p))),
                );
                if first.date_source != DateSource::Text && event.date_source == DateSource::Text {
                    first.date = event.date;
                    first.date_source = event.date_source;
                }
                first.location = first.location.or(event.location);
                event = first;
            }
            let anaphoric = anaphoric && !completes_pending;
            // A meeting told in one of the two sentences before with fewer
            // parties, of the same status, is this one when its one party
            // takes part here, or when it named none and this is a meeting
            // word: "Kerry will head to Kyiv for discussions there Tuesday.
            // He will meet with leaders of the Rada."
            if !completes_pending {
                let new_keys: BTreeSet<String> = event.participants.iter().map(key).collect();
                let told_before = pending.as_ref().is_some_and(|(p, at)| {
                    // A meeting word tells no tense: it takes the status
                    // of what it refers back to.
                    p.kind == event.kind
                        && (p.status == event.status || is_noun)
                        && ordinal.saturating_sub(*at) <= 2
                        && match p.participants.as_slice() {
                            [] => is_noun,
                            [one] => new_keys.contains(&key(one)),
                            _ => false,
                        }
                });
                if told_before {
                    let (first, _) = pending.take().expect("checked above");
                    event.status = first.status;
                    for p in first.participants {
                        if !new_keys.contains(&key(&p)) {
                            event.participants.push(p);
                        }
                    }
                    if event.date_source != DateSource::Text
                        && first.date_source == DateSource::Text
                    {
                        event.date = first.date;
                        event.date_source = first.date_source;
                    }
                    event.location = event.location.or(first.location);
                }
            }
            // One event per meeting: merge into an earlier event of the same
            // type and date when one participant set contains the other.
            // Events that share a participant are found through an index
            // by participant, not by comparing with every earlier event;
            // only a party's last few events are looked at, so that a
            // person in every paragraph of a long document does not make
            // each new event compare with all the earlier ones.
            let new_keys: BTreeSet<String> = event.participants.iter().map(key).collect();
            let candidates: BTreeSet<usize> = if new_keys.is_empty() {
                (events.len().saturating_sub(MERGE_REACH)..events.len()).collect()
            } else {
                new_keys
                    .iter()
                    .filter_map(|k| events_by_key.get(k))
                    .flat_map(|list| list.iter().rev().take(MERGE_REACH))
                    .copied()
                    .collect()
            };
            let same = if anaphoric {
                last_of_kind
            } else {
                candidates.into_iter().find(|&i| {
                    let (e, keys) = (&events[i], &event_keys[i]);
                    e.kind == event.kind
                        && e.status == event.status
                        && (e.date == event.date
                            || event.date_source != DateSource::Text
                            || e.date_source != DateSource::Text)
                        && same_meeting(keys, &new_keys)
                        && (e.location.is_none()
                            || event.location.is_none()
                            || e.location == event.location)
                })
            };
            match same {
                Some(i) => {
                    let existing = &mut events[i];
                    for p in event.participants {
                        let k = key(&p);
                        if event_keys[i].insert(k.clone()) {
                            events_by_key.entry(k).or_default().push(i);
                            existing.participants.push(p);
                        }
                    }
                    if existing.location.is_none() {
                        existing.location = event.location;
                    }
                    // A later mention that dates the meeting dates the event.
                    if existing.date_source != DateSource::Text
                        && event.date_source == DateSource::Text
                    {
                        existing.date = event.date;
                        existing.date_source = event.date_source;
                    }
                }
                None => {
                    for k in &new_keys {
                        events_by_key
                            .entry(k.clone())
                            .or_default()
                            .push(events.len());
                    }
                    event_keys.push(new_keys);
                    last_by_kind.insert(event.kind, events.len());
                    events.push(event);
                }
            }
        }
        doc.events = envoys::envoys_stand_for_states(doc, one_per_summoned(doc, events));
        Ok(())
    }
}

/// How many bytes before a summons its summoner may be named.
const SUMMONER_REACH: usize = 600;

/// A summons is one meeting of whoever summons with each party summoned:
/// "X a décidé de convoquer les ambassadeurs de l'Allemagne et de la
/// Belgique" is X with Germany, and X with Belgium (the trigger says so,
/// `parties=each`). Who summons is named before the trigger (a person
/// there, when there is one); the rest named before it is no party. With
/// no one named to summon them, the parties summoned still met apart.
fn one_per_summoned(doc: &Document, events: Vec<Event>) -> Vec<Event> {
    let mut out = Vec::with_capacity(events.len());
    for event in events {
        let each = cue_at(doc, event.trigger.start)
            .is_some_and(|c| c.kind == CueKind::Trigger && c.attr("parties") == Some("each"));
        if !each {
            out.push(event);
            continue;
        }
        // Who summons is named in the clause before the trigger: a few
        // hundred bytes (so a sentence of thousands of words stays linear).
        let from = event.trigger.start.saturating_sub(SUMMONER_REACH);
        let before = Span::new(event.sentence.start.max(from), event.trigger.start);
        let after = Span::new(
            event.trigger.end,
            event.sentence.end.min(event.trigger.end + SUMMONER_REACH),
        );
        let named_in = |p: &Participant, span: Span| {
            p.entity.is_some() && doc.mentions_in(span).any(|(_, m)| m.entity == p.entity)
        };
        let is_person = |p: &Participant| {
            p.entity
                .is_some_and(|e| doc.entities[e].label == Label::Per)
        };
        // "X, angered by the European Union's sanctions, summoned the
        // ambassadors of Germany and the EU": a state or organization named
        // on both sides is summoned; a person named before summons.
        let summons =
            |p: &Participant| named_in(p, before) && (is_person(p) || !named_in(p, after));
        let (before, summoned): (Vec<Participant>, Vec<Participant>) =
            event.participants.iter().cloned().partition(summons);
        if summoned.len() < 2 {
            out.push(event);
            continue;
        }
        let summoners: Vec<Participant> = if before.iter().any(is_person) {
            before.into_iter().filter(is_person).collect()
        } else {
            before
        };
        for party in summoned {
            let mut one = event.clone();
            one.participants = summoners.clone();
            one.participants.push(party);
            out.push(one);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::last_words;

    #[test]
    fn last_words_are_nearest_first_with_their_offsets() {
        let text = "né en 1965, après (l'été)";
        // Byte offsets: "né" and "après" take two bytes for their accent.
        assert_eq!(last_words(text, 2), vec![(23, "été"), (21, "l")]);
        assert_eq!(last_words("après", 3), vec![(0, "après")]);
        assert_eq!(last_words(" , ", 2), vec![]);
        assert_eq!(last_words("a b c", 5), vec![(4, "c"), (2, "b"), (0, "a")]);
    }
}
