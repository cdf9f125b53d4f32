//! Events from triggers: who met whom, when, where, in what capacity.

use std::borrow::Cow;
use std::collections::BTreeSet;

// Fast hashing: the maps here are looked up, or walked only to sort each
// value, never in an order that reaches the output.
use rustc_hash::FxHashMap as HashMap;

use crate::doc::{
    tokenize, Cue, CueKind, Date, DateSource, Document, Event, EventStatus, EventType, Label,
    Participant, SentenceKind, Span, Timex, TimexType, TitleMention, Token, TokenKind,
};
use crate::pipeline::{Layer, Stage, StageError};

mod words;
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

/// Titles and timexes found once per document by holder and by sentence,
/// so that each trigger looks at its own sentence's, not at all of them
/// (which made a long document cost triggers × titles).
struct Index<'d> {
    /// The titles of each entity, by their holder's entity, in document
    /// order.
    /// In four classes, in order of preference: with an organization and
    /// not military, with one and military, without and not military,
    /// without and military; each sorted by start.
    titles_by_holder: HashMap<usize, [Vec<&'d TitleMention>; 4]>,
    /// By the start of the sentence they start in, sorted by start.
    titles_by_sentence: HashMap<usize, Vec<&'d TitleMention>>,
    /// For each of those lists, the furthest end of the held titles
    /// (those with a holder) up to each position.
    held_ends_by_sentence: HashMap<usize, Vec<usize>>,
    /// The dates and times that can date an event of the sentence (inside
    /// it, not a `_REF`), sorted by start.
    dates_by_sentence: HashMap<usize, Vec<&'d Timex>>,
    /// The organizations and countries each person holds a title of,
    /// anywhere in the document: a state or organization is a participant
    /// only when no person is named for it.
    affiliations: HashMap<usize, BTreeSet<usize>>,
    /// The holders of each title of each organization or country, by the
    /// title's lowercased role and the entity it is of, each with where the
    /// title was found: a role-only mention ("the Ukrainian president") is
    /// the person the document names in that role.
    holders_by_role: HashMap<(String, usize), Vec<(usize, usize)>>,
    /// The holders of any title of each organization or country, for the
    /// generic roles ("the Russian leader").
    holders_by_org: HashMap<usize, BTreeSet<usize>>,
    /// The holders of each title by its lowercased role alone.
    holders_by_title: HashMap<String, BTreeSet<usize>>,
}

impl<'d> Index<'d> {
    fn new(doc: &'d Document) -> Index<'d> {
        let mut index = Index {
            titles_by_holder: HashMap::default(),
            titles_by_sentence: HashMap::default(),
            held_ends_by_sentence: HashMap::default(),
            dates_by_sentence: HashMap::default(),
            affiliations: HashMap::default(),
            holders_by_role: HashMap::default(),
            holders_by_org: HashMap::default(),
            holders_by_title: HashMap::default(),
        };
        for r in &doc.relations {
            index
                .holders_by_title
                .entry(lower(&r.title).into_owned())
                .or_default()
                .insert(r.person);
            let Some(org) = r.org else { continue };
            index.affiliations.entry(r.person).or_default().insert(org);
            index
                .holders_by_role
                .entry((lower(&r.title).into_owned(), org))
                .or_default()
                .push((r.evidence.start, r.person));
            index
                .holders_by_org
                .entry(org)
                .or_default()
                .insert(r.person);
        }
        for t in &doc.titles {
            if let Some(entity) = t.holder.and_then(|h| doc.mentions[h].entity) {
                let class = 2 * usize::from(t.of.is_none())
                    + usize::from(t.kind.as_deref() == Some("military"));
                index.titles_by_holder.entry(entity).or_default()[class].push(t);
            }
            if let Some(s) = doc.sentence_at(t.span.start) {
                index
                    .titles_by_sentence
                    .entry(s.span.start)
                    .or_default()
                    .push(t);
            }
        }
        for classes in index.titles_by_holder.values_mut() {
            for list in classes {
                list.sort_by_key(|t| t.span.start); // stable
            }
        }
        for (start, list) in &mut index.titles_by_sentence {
            list.sort_by_key(|t| t.span.start); // stable
            let mut furthest = 0;
            let ends = list
                .iter()
                .map(|t| {
                    if t.holder.is_some() {
                        furthest = furthest.max(t.span.end);
                    }
                    furthest
                })
                .collect();
            index.held_ends_by_sentence.insert(*start, ends);
        }
        for t in &doc.timexes {
            if let Some(s) = doc.sentence_at(t.span.start) {
                // "désormais" (PRESENT_REF) dates nothing.
                // "in office since June 30": the start of a state, not
                // the date of an event.
                let word_before = doc.text[..t.span.start]
                    .trim_end()
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                if s.span.contains(t.span)
                    && matches!(t.kind, TimexType::Date | TimexType::Time)
                    && !t.value.ends_with("_REF")
                    && !matches!(word_before.as_str(), "since" | "depuis")
                {
                    index
                        .dates_by_sentence
                        .entry(s.span.start)
                        .or_default()
                        .push(t);
                }
            }
        }
        for list in index.dates_by_sentence.values_mut() {
            list.sort_by_key(|t| t.span.start); // stable
        }
        index
    }

    /// The titles of `sentence` that start in `window` (ends included):
    /// all that `window` can contain. (A title never leaves its sentence:
    /// the name rules read one sentence at a time.)
    fn titles_in(&self, sentence: Span, window: Span) -> &[&'d TitleMention] {
        let list = self
            .titles_by_sentence
            .get(&sentence.start)
            .map_or(&[][..], Vec::as_slice);
        let lo = list.partition_point(|t| t.span.start < window.start);
        let hi = list.partition_point(|t| t.span.start <= window.end);
        &list[lo..hi.max(lo)]
    }

    /// True when a held title of `sentence` contains `span`.
    fn inside_held_title(&self, sentence: Span, span: Span) -> bool {
        let (Some(list), Some(ends)) = (
            self.titles_by_sentence.get(&sentence.start),
            self.held_ends_by_sentence.get(&sentence.start),
        ) else {
            return false;
        };
        let k = list.partition_point(|t| t.span.start <= span.start);
        k > 0 && ends[k - 1] >= span.end
    }

    /// The person a role-only title stands for: the holder of the same
    /// role of the same organization or country nearest to `near` (the
    /// earlier on a tie); for a generic role ("leader", "dirigeant"), the
    /// one person holding any title of it. None when the document names
    /// nobody in that role.
    fn holder_of_role(&self, role: &str, org: usize, near: usize) -> Option<usize> {
        let role = lower(role).into_owned();
        if let Some(list) = self.holders_by_role.get(&(role.clone(), org)) {
            return list
                .iter()
                .min_by_key(|(at, _)| (at.abs_diff(near), *at))
                .map(|(_, person)| *person);
        }
        if GENERIC_ROLES.contains(&role.as_str()) {
            if let Some(persons) = self.holders_by_org.get(&org) {
                if persons.len() == 1 {
                    return persons.first().copied();
                }
            }
        }
        None
    }

    /// The one person the document names in `role` (of any country or
    /// organization, or none), if there is exactly one.
    fn only_holder_of(&self, role: &str) -> Option<usize> {
        match self.holders_by_title.get(lower(role).as_str()) {
            Some(persons) if persons.len() == 1 => persons.first().copied(),
            _ => None,
        }
    }

    /// The date or time of `sentence` nearest to `at` (the earlier on a
    /// tie).
    /// Only `usable` dates count; a few are tried on each side (a long
    /// sentence with many dates costs a few tests per trigger, not all).
    fn nearest_date(
        &self,
        sentence: Span,
        at: usize,
        usable: impl Fn(&Timex) -> bool,
    ) -> Option<&'d Timex> {
        const PROBES: usize = 6;
        let list = self.dates_by_sentence.get(&sentence.start)?;
        let i = list.partition_point(|t| t.span.start < at);
        // The nearest usable one before (the first of those starting
        // there) and after.
        let before = list[..i]
            .iter()
            .rev()
            .take(PROBES)
            .find(|t| usable(t))
            .map(|b| {
                let start = b.span.start;
                list[list.partition_point(|t| t.span.start < start)..i]
                    .iter()
                    .find(|t| t.span.start == start && usable(t))
                    .copied()
                    .unwrap_or(b)
            });
        let after = list[i..].iter().take(PROBES).find(|t| usable(t));
        match (before, after) {
            (Some(b), Some(a)) if a.span.start - at < at - b.span.start => Some(*a),
            (Some(b), _) => Some(b),
            (None, a) => a.copied(),
        }
    }
}

/// True when only list words lie between `a` and `b` (in that order).
fn is_list_glue(doc: &Document, tokens: &[Token], a: Span, b: Span) -> bool {
    if b.start < a.end {
        return false;
    }
    tokens_from(tokens, a.end)
        .iter()
        .take_while(|t| t.span.end <= b.start)
        .all(|t| LIST_GLUE.contains(&lower(t.span.slice(&doc.text)).as_str()))
}

/// The cue starting at byte `at` (cues are in text order, as the gazetteer
/// finds them).
fn cue_at(doc: &Document, at: usize) -> Option<&Cue> {
    let k = doc.cues.partition_point(|c| c.span.start < at);
    doc.cues.get(k).filter(|c| c.span.start == at)
}

/// The tokens that end at or before byte `at`.
fn tokens_before(tokens: &[Token], at: usize) -> &[Token] {
    &tokens[..tokens.partition_point(|t| t.span.end <= at)]
}

/// The tokens that start at or after byte `at`.
fn tokens_from(tokens: &[Token], at: usize) -> &[Token] {
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

/// A word lowercased, its typographic apostrophes straight ("n’" is "n'"),
/// as the word lists write them.
fn lower(s: &str) -> Lowered<'_> {
    // Most words are lowercase already: those are borrowed, not copied (a
    // copy per word looked at was half of this stage).
    if s.chars().all(lowers_to_itself) {
        return Lowered(Cow::Borrowed(s));
    }
    let lowered = s.to_lowercase();
    Lowered(Cow::Owned(if lowered.contains(['’', 'ʼ']) {
        lowered.replace(['’', 'ʼ'], "'")
    } else {
        lowered
    }))
}

/// What [`lower`] gives: the word itself when it was lowercase already.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Lowered<'a>(Cow<'a, str>);

impl Lowered<'_> {
    fn as_str(&self) -> &str {
        &self.0
    }

    fn into_owned(self) -> String {
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

/// True when [`lower`] leaves `c` as it is.
fn lowers_to_itself(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    let mut lowered = c.to_lowercase();
    !matches!(c, '’' | 'ʼ') && lowered.next() == Some(c) && lowered.next().is_none()
}

/// True when two participant sets can be one meeting told twice: the same
/// parties, or one set inside the other with two parties in common. One
/// shared party is not enough: "Obama spoke at the NATO summit" and "Obama
/// is welcomed by King Felipe" are two meetings.
fn same_meeting(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    a == b || (a.is_subset(b) || a.is_superset(b)) && a.intersection(b).count() >= 2
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

    /// True when a comma and a speech verb frame a name: ", Omar Haddad
    /// said", ", said Omar Haddad", ", a déclaré Paul Girard".
    fn is_sayer(&self, doc: &Document, tokens: &[Token], span: Span) -> bool {
        let before = tokens_before(tokens, span.start);
        let after = tokens_from(tokens, span.end);
        let word = |t: &Token| lower(t.span.slice(&doc.text));
        // The comma may sit a few tokens back, past a title: ", German
        // Foreign Minister X said".
        let comma_before = before
            .iter()
            .rev()
            .take(5)
            .any(|t| t.span.slice(&doc.text) == ",");
        let verb_after = after
            .first()
            .is_some_and(|t| SPEECH_VERBS.contains(&word(t).as_str()));
        let verb_before = match before {
            [.., glue, verb] => {
                SPEECH_VERBS.contains(&word(verb).as_str())
                    && matches!(word(glue).as_str(), "," | "a" | "ont")
            }
            _ => false,
        };
        comma_before && verb_after || verb_before
    }

    /// True when a patient noun and its "of" come before `span`, the two
    /// joined by a list or an apposition at most: "the release of X",
    /// "the resignations of city leaders, including Mayor X and Chief Y".
    /// The trigger, a clause edge or a comma that opens no list stops the
    /// search.
    fn undergoes(&self, doc: &Document, tokens: &[Token], trigger: Span, span: Span) -> bool {
        let before = tokens_before(tokens, span.start);
        let word = |t: &Token| lower(t.span.slice(&doc.text));
        for (k, t) in before.iter().enumerate().rev().take(12) {
            if t.span.end > trigger.start && t.span.start < trigger.end {
                return false;
            }
            let w = word(t);
            if CLAUSE_EDGES.contains(&w.as_str()) || w == "." {
                return false;
            }
            if w == "," {
                let opens_list = before.get(k + 1).is_some_and(|n| {
                    matches!(
                        word(n).as_str(),
                        "including" | "notamment" | "dont" | "among"
                    ) || n.span.slice(&doc.text).starts_with(char::is_uppercase)
                });
                if !opens_list {
                    return false;
                }
            }
            if matches!(w.as_str(), "of" | "de" | "du" | "des" | "d'")
                && k > 0
                && PATIENT_NOUNS.contains(&word(&before[k - 1]).as_str())
            {
                return true;
            }
        }
        false
    }

    /// True when `span` is followed by a possessive "'s" and a title:
    /// "Erdoğan's Prime Minister", "Obama's envoy".
    fn owns_a_title(&self, doc: &Document, tokens: &[Token], span: Span) -> bool {
        let after = tokens_from(tokens, span.end);
        let (apostrophe, s, title) = match after {
            [a, s, t, ..] => (a, s, t),
            _ => return false,
        };
        matches!(apostrophe.span.slice(&doc.text), "'" | "’")
            && s.span.slice(&doc.text) == "s"
            && cue_at(doc, title.span.start).is_some_and(|c| c.kind == CueKind::Title)
    }

    /// True when the first name after a visit trigger is a person's: "a
    /// rendu visite à son homologue X", "visited X in Lima".
    fn visits_a_person(&self, doc: &Document, tokens: &[Token], trigger: Span) -> bool {
        tokens_from(tokens, trigger.end)
            .iter()
            .take_while(|t| t.kind == TokenKind::Word)
            .take(6)
            .find_map(|t| {
                let at = doc
                    .mentions
                    .partition_point(|m| m.span.start < t.span.start);
                // A nationality adjective is read past: "son homologue
                // indien X".
                doc.mentions
                    .get(at)
                    .filter(|m| m.span.start == t.span.start && m.label != Label::Misc)
                    .map(|m| m.label == Label::Per)
            })
            .unwrap_or(false)
    }

    /// True when a place and a comma come right before `span`: "Sochi,
    /// Russia", "Hangzhou, China".
    fn follows_place(&self, doc: &Document, tokens: &[Token], span: Span) -> bool {
        let mut before = tokens_before(tokens, span.start);
        // "Grimmen, northern Germany": a direction may sit between.
        if let [rest @ .., last] = before {
            if DIRECTIONS.contains(&lower(last.span.slice(&doc.text)).as_str()) {
                before = rest;
            }
        }
        let [.., place_end, comma] = before else {
            return false;
        };
        // Mentions are sorted by start and do not overlap: the place is
        // among the last few that start before the comma.
        let k = doc
            .mentions
            .partition_point(|m| m.span.start <= place_end.span.start);
        comma.span.slice(&doc.text) == ","
            && doc.mentions[..k]
                .iter()
                .rev()
                .take(2)
                .any(|m| m.span.end == place_end.span.end && m.label == Label::Loc)
    }

    /// True when the words around the trigger negate it or make it a wish or
    /// a hypothesis.
    fn is_negated_or_hypothetical(&self, doc: &Document, tokens: &[Token], trigger: Span) -> bool {
        let before: Vec<Lowered> = tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .filter(|t| t.kind == TokenKind::Word)
            .take(5)
            .map(|t| lower(t.span.slice(&doc.text)))
            .collect();
        let inside: Vec<Lowered> = tokenize(&doc.text, trigger)
            .iter()
            .map(|t| lower(t.span.slice(&doc.text)))
            .collect();
        let after: Vec<Lowered> = tokens_from(tokens, trigger.end)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .take(2)
            .map(|t| lower(t.span.slice(&doc.text)))
            .collect();
        // "n'étaient pas de la rencontre": "ne" may sit five words back
        // when "pas" is near.
        let french_ne = before
            .iter()
            .take(5)
            .chain(inside.iter())
            .any(|w| w == "ne" || w == "n'");
        // "n'a pas rencontré": the negation may sit before the participle.
        let french_neg_before = french_ne
            && before
                .iter()
                .take(3)
                .any(|w| matches!(w.as_str(), "pas" | "jamais" | "plus" | "guère"));
        let french_ne_near = before
            .iter()
            .take(3)
            .chain(inside.iter())
            .any(|w| w == "ne" || w == "n'");
        let french_neg = french_neg_before
            || french_ne_near
                && after
                    .iter()
                    .chain(inside.iter())
                    .any(|w| matches!(w.as_str(), "pas" | "jamais" | "plus" | "guère"));
        let english_neg = before.iter().take(3).chain(inside.iter()).any(|w| {
            NEGATIONS.contains(&w.as_str()) && !matches!(w.as_str(), "pas" | "plus" | "jamais")
        });
        // A modal or a wish anywhere in the six words before, within the
        // clause: "could be to Iceland for a summit", "urged the government
        // to renew talks". The month "May" is no modal.
        // "on retrouve des personnalités": one finds, no one meets.
        if doc.lang == Some(crate::Lang::Fr) && before.first().is_some_and(|w| w == "on") {
            return true;
        }
        let modal = tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            // A subordinate clause has its own mood ("proposed the bill
            // after two envoys met X"), but for one that tells what has
            // not happened yet ("a summit that could happen before he has
            // met X").
            .take_while(|t| {
                let w = lower(t.span.slice(&doc.text));
                !CLAUSE_EDGES.contains(&w.as_str())
                    && (!SUBORDINATORS.contains(&w.as_str())
                        || matches!(w.as_str(), "before" | "avant"))
            })
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.slice(&doc.text))
            // Names count for nothing: "given to a Trump-Putin summit".
            .filter(|w| !w.starts_with(char::is_uppercase) || MODALS.contains(&lower(w).as_str()))
            .take(MODAL_REACH)
            .any(|w| w != "May" && MODALS.contains(&lower(w).as_str()));
        // "Talk of an early summit", "la perspective d'une rencontre": a
        // noun that makes the meeting an idea.
        let idea = before
            .iter()
            .take(4)
            .any(|w| IDEA_NOUNS.contains(&w.as_str()));
        // "a summit that could happen", "meetings ... every few months":
        // hypothetical or habitual.
        let after_words: Vec<Lowered> = tokens_from(tokens, trigger.end)
            .iter()
            .take_while(|t| t.kind == TokenKind::Word)
            .take(8)
            .map(|t| lower(t.span.slice(&doc.text)))
            .collect();
        let hypothetical_after = after_words.windows(2).take(1).any(|w| {
            matches!(w[0].as_str(), "that" | "which" | "qui")
                && matches!(
                    w[1].as_str(),
                    "could" | "might" | "may" | "would" | "pourrait" | "pourraient"
                )
        });
        // Abbreviations ("U.S.") and lists do not end the search.
        let habitual = tokens_from(tokens, trigger.end)
            .iter()
            .take_while(|t| !CLAUSE_EDGES.contains(&t.span.slice(&doc.text)))
            .take(12)
            .any(|t| matches!(lower(t.span.slice(&doc.text)).as_str(), "every" | "chaque"));
        french_neg || english_neg || modal || idea || hypothetical_after || habitual
    }

    /// True when a word just before the trigger announces it rather than
    /// reports it ("devrait être signé", "is expected to meet", "doit
    /// recevoir").
    fn is_announced(&self, doc: &Document, tokens: &[Token], trigger: Span) -> bool {
        tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .filter(|t| t.kind == TokenKind::Word)
            .take(3)
            .enumerate()
            .any(|(k, t)| {
                // "to" announces only right before a verb ("to meet"), not
                // as a preposition ("her arrival to their meeting").
                let w = lower(t.span.slice(&doc.text));
                PLANNED_MARKERS.contains(&w.as_str()) && (w != "to" || k == 0)
            })
            || self.is_noun_announced(doc, tokens, trigger)
    }

    /// True when an infinitive trigger follows a verb of achievement, maybe
    /// past an adverb or two: "ont toutefois pu rencontrer", "managed to
    /// meet", "was able to meet".
    fn achieved_before(&self, doc: &Document, tokens: &[Token], trigger: Span) -> bool {
        tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .filter(|t| t.kind == TokenKind::Word)
            .take(3)
            .any(|t| {
                matches!(
                    lower(t.span.slice(&doc.text)).as_str(),
                    "pu" | "réussi" | "parvenu" | "parvenue" | "parvenus" | "managed" | "able"
                )
            })
    }

    /// When an infinitive trigger tells the purpose of a journey ("flew to
    /// Lima to meet X", "s'est rendu à Lima pour rencontrer X"): whether
    /// the journey is planned ("was to travel", "ira"). `None` when no
    /// journey verb comes in the clause's eight words before.
    fn journey_before(&self, doc: &Document, tokens: &[Token], trigger: Span) -> Option<bool> {
        let words: Vec<Lowered> = tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .take_while(|t| !CLAUSE_EDGES.contains(&t.span.slice(&doc.text)))
            .filter(|t| t.kind == TokenKind::Word)
            .take(8)
            .map(|t| lower(t.span.slice(&doc.text)))
            .collect();
        // French needs its own "pour" or "afin de"; the English triggers
        // hold their "to".
        let french_purpose = words
            .first()
            .is_some_and(|w| w == "pour" || w == "de" && words.get(1).is_some_and(|a| a == "afin"));
        if !french_purpose && !doc.slice(trigger).to_lowercase().starts_with("to ") {
            return None;
        }
        let at = words
            .iter()
            .position(|w| JOURNEY_VERBS.contains(&w.as_str()))?;
        let future_verb = matches!(words[at].as_str(), "ira" | "iront" | "rendra" | "rendront");
        // "was to travel", "will fly", "va se rendre", "doit aller".
        let planned_before = words[at + 1..].iter().take(3).enumerate().any(|(k, w)| {
            PLANNED_MARKERS.contains(&w.as_str()) && (w != "to" || k == 0)
                || matches!(w.as_str(), "va" | "vont" | "doit" | "doivent" | "devrait")
        });
        Some(future_verb || planned_before)
    }

    /// "a new round of talks ... will be held Wednesday", "la réunion se
    /// tiendra lundi": a future verb after a meeting noun, in its clause.
    fn is_noun_announced(&self, doc: &Document, tokens: &[Token], trigger: Span) -> bool {
        let words: Vec<Lowered> = tokens_from(tokens, trigger.end)
            .iter()
            .take_while(|t| t.kind == TokenKind::Word)
            .take(10)
            .map(|t| lower(t.span.slice(&doc.text)))
            .collect();
        words.windows(2).any(|w| {
            matches!(
                (w[0].as_str(), w[1].as_str()),
                (
                    "will",
                    "be" | "take" | "begin" | "start" | "open" | "resume"
                ) | ("se", "tiendra" | "tiendront")
                    | ("aura" | "auront", "lieu")
                    | ("is" | "are", "scheduled" | "planned" | "expected" | "due")
                    | ("est" | "sont", "prévu" | "prévue" | "prévus" | "prévues")
            )
        })
    }

    /// "au sommet de l'Izoard", "au sommet de sa forme", "the summit of
    /// Everest": a summit *of* something that is neither an organization nor
    /// a place the lists know is a top, not a meeting ("le sommet du G20",
    /// "le sommet de Bruxelles" are meetings).
    fn is_geographic_summit(&self, doc: &Document, cue: &Cue) -> bool {
        if !matches!(cue.canonical.as_str(), "sommet" | "summit") {
            return false;
        }
        let end = doc.text.len().min(cue.span.end + 40);
        let Some(rest) = doc.text.get(cue.span.end..end) else {
            return false;
        };
        let lowered = rest.trim_start().to_lowercase();
        let has_of = ["de ", "du ", "des ", "d'", "d’", "of "]
            .iter()
            .any(|p| lowered.starts_with(p));
        if !has_of {
            return false;
        }
        // Mentions are sorted by start: the first one after the cue.
        let known = doc
            .mentions
            .get(
                doc.mentions
                    .partition_point(|m| m.span.start < cue.span.end),
            )
            .is_some_and(|m| m.span.start < end && matches!(m.label, Label::Loc | Label::Org));
        !known
    }

    /// True when a determiner comes before the trigger, maybe past a few
    /// lowercase modifiers: "a meeting", "a long meeting", "a nearly
    /// four-hour meeting". An auxiliary or a name between makes the trigger
    /// a verb again: "the envoy is meeting".
    fn follows_determiner(&self, doc: &Document, tokens: &[Token], trigger: Span) -> bool {
        const DETERMINERS: &[&str] = &[
            "le", "la", "les", "l'", "un", "une", "sa", "son", "ses", "leur", "leurs", "cette",
            "ce", "cet", "the", "a", "an", "his", "her", "their", "its", "this", "that",
        ];
        const NOT_MODIFIERS: &[&str] = &[
            "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
            "would", "not", "also", "still", "et", "and", "or",
        ];
        let mut modifiers = 0;
        for (k, t) in tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .take(6)
            .enumerate()
        {
            let word = t.span.slice(&doc.text);
            let w = lower(word);
            if DETERMINERS.contains(&w.as_str()) {
                return true;
            }
            // A name's pieces may modify too: "the P5+1 nuclear talks".
            let name_piece = k > 0
                && (t.kind != TokenKind::Punct && !word.starts_with(char::is_lowercase)
                    || matches!(word, "+" | "-"));
            let lowercase_modifier = t.kind == TokenKind::Word
                && word.starts_with(char::is_lowercase)
                && !NOT_MODIFIERS.contains(&w.as_str())
                && cue_at(doc, t.span.start).is_none();
            if lowercase_modifier {
                modifiers += 1;
            }
            let modifier = name_piece || lowercase_modifier && modifiers <= 2;
            if !modifier {
                return false;
            }
        }
        false
    }

    /// True when a demonstrative points the trigger back at an event
    /// already told ("cette réunion", "this meeting").
    ///
    /// So does a definite article after a verb of taking part: "a large
    /// group participated in the talks, including X and Y", "ont assisté
    /// à la réunion": the meeting is known, the sentence adds who was there.
    fn is_anaphoric(&self, doc: &Document, tokens: &[Token], trigger: Span) -> bool {
        const DEMONSTRATIVES: &[&str] = &["ce", "cet", "cette", "ces", "this", "these"];
        let mut words = tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| lower(t.span.slice(&doc.text)));
        let Some(det) = words.next() else {
            return false;
        };
        if DEMONSTRATIVES.contains(&det.as_str()) {
            return true;
        }
        // "au sommet" holds its preposition; "the", "la" are preceded by one
        // ("in", "à") or by a transitive verb ("attended the").
        let verb = match det.as_str() {
            "au" | "aux" => words.next(),
            "the" | "la" | "le" | "l'" | "les" => match words.next() {
                Some(w) if matches!(w.as_str(), "in" | "à") => words.next(),
                other => other,
            },
            _ => None,
        };
        verb.is_some_and(|v| PARTICIPATION_VERBS.contains(&v.as_str()))
    }

    /// True when the sentence speaks of a sports encounter.
    fn is_sports(&self, doc: &Document, tokens: &[Token]) -> bool {
        let (fr, en) = match doc.lang {
            Some(crate::Lang::Fr) => (true, false),
            Some(crate::Lang::En) => (false, true),
            _ => (true, true),
        };
        tokens.iter().any(|t| {
            let w = lower(t.span.slice(&doc.text));
            fr && SPORTS_CONTEXT_FR.contains(&w.as_str())
                || en && SPORTS_CONTEXT_EN.contains(&w.as_str())
        })
    }

    /// "meet the requirements", "rencontrer des difficultés": a "meet"
    /// trigger whose object, among its first words, is a thing one meets.
    fn meets_a_thing(&self, doc: &Document, tokens: &[Token], cue: &Cue) -> bool {
        if !matches!(cue.canonical.as_str(), "meet" | "rencontrer")
            || cue.attr("voice") == Some("passive")
        {
            return false;
        }
        let words: Vec<&Token> = tokens_from(tokens, cue.span.end)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .take(6)
            .collect();
        for (k, t) in words.iter().take(5).enumerate() {
            // A party named first is the object: "met Ana Ruiz halfway".
            let at = doc
                .mentions
                .partition_point(|m| m.span.start < t.span.start);
            if doc
                .mentions
                .get(at)
                .is_some_and(|m| m.span.start == t.span.start && m.label == Label::Per)
            {
                return false;
            }
            // "opposition leader X": the thing word qualifies a title.
            let is_title =
                |n: &&Token| cue_at(doc, n.span.start).is_some_and(|c| c.kind == CueKind::Title);
            let qualifies_a_title = is_title(t) || words.get(k + 1).is_some_and(is_title);
            if MET_THINGS.contains(&lower(t.span.slice(&doc.text)).as_str()) && !qualifies_a_title {
                return true;
            }
        }
        false
    }

    /// True when a phone or video word sits next to the trigger: "talks on
    /// a cellphone to", "in a video address to the meeting". Such contacts
    /// are calls, not meetings.
    fn is_remote(&self, doc: &Document, tokens: &[Token], trigger: Span) -> bool {
        let near = |t: &&Token| {
            t.kind == TokenKind::Word && {
                let w = lower(t.span.slice(&doc.text));
                REMOTE_WORDS.iter().any(|r| w.starts_with(r))
            }
        };
        // Before the trigger, as far as the previous comma: "after a phone
        // call, they met" is a meeting.
        tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .take_while(|t| t.kind == TokenKind::Word)
            .take(6)
            .any(|t| near(&t))
            || tokens_from(tokens, trigger.end)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .take(4)
                .any(|t| near(&t))
    }

    /// For "recevoir", "accueillir", "receive", "host" in the active voice:
    /// true when what follows (past an article) is a party (a person, a
    /// title, an honorific, an organization or country), not a thing.
    fn has_party_object(&self, doc: &Document, tokens: &[Token], cue: &Cue) -> bool {
        if !PARTY_OBJECT_LEMMAS.contains(&cue.canonical.as_str())
            || cue.attr("voice") == Some("passive")
        {
            return true;
        }
        let tokens = tokens_from(tokens, cue.span.end);
        let skip = tokens
            .iter()
            .take_while(|t| {
                let w = lower(t.span.slice(&doc.text));
                matches!(
                    w.as_str(),
                    "le" | "la"
                        | "les"
                        | "l'"
                        | "the"
                        | "a"
                        | "an"
                        | "son"
                        | "sa"
                        | "ses"
                        | "his"
                        | "her"
                        | "their"
                        | "leur"
                        | "leurs"
                        | "mardi"
                        | "lundi"
                        | "mercredi"
                        | "jeudi"
                        | "vendredi"
                        | "samedi"
                        | "dimanche"
                        | "on"
                        | "hier"
                        | "yesterday"
                        | "today"
                        | "aujourd'hui"
                ) || t.kind == TokenKind::Punct && w != "."
            })
            .count();
        let Some(next) = tokens.get(skip) else {
            return false;
        };
        let at = next.span.start;
        let is_title_at = |at: usize| {
            cue_at(doc, at).is_some_and(|c| matches!(c.kind, CueKind::Title | CueKind::Honorific))
        };
        let from = doc.mentions.partition_point(|m| m.span.start < at);
        let party = doc.mentions[from..]
            .iter()
            .take_while(|m| m.span.start == at)
            .find(|m| matches!(m.label, Label::Per | Label::Org | Label::Loc | Label::Misc));
        match party {
            // "welcomed the U.S. attack": a country that modifies a noun
            // names a thing, unless the noun is a party ("the Russian
            // delegation") or a title ("the Russian ambassador").
            Some(m) if matches!(m.label, Label::Loc | Label::Misc) => {
                let head = tokens_from(tokens, m.span.end).first();
                !head.is_some_and(|h| {
                    let w = h.span.slice(&doc.text);
                    h.kind == TokenKind::Word
                        && w.chars().count() > 3
                        && w.starts_with(char::is_lowercase)
                        && !PARTY_HEADS.contains(&lower(w).as_str())
                        && !is_title_at(h.span.start)
                })
            }
            Some(_) => true,
            // "a accueilli la délégation", "received the envoys".
            None => {
                is_title_at(at) || PARTY_HEADS.contains(&lower(next.span.slice(&doc.text)).as_str())
            }
        }
    }

    /// The role and organization a person holds, from the titles the
    /// relation stage assigned: a title with an organization or country
    /// first, non-military before ranks, nearest to `near`.
    fn role_of(
        &self,
        doc: &Document,
        titles_by_holder: &HashMap<usize, [Vec<&TitleMention>; 4]>,
        entity: usize,
        near: usize,
    ) -> (Option<String>, Option<String>) {
        // The first class that has titles, and in it the nearest (the
        // earlier on a tie), by binary search: an entity holding thousands
        // of titles costs a log per event, not thousands.
        let best = titles_by_holder.get(&entity).and_then(|classes| {
            let list = classes.iter().find(|l| !l.is_empty())?;
            let i = list.partition_point(|t| t.span.start < near);
            let before = i.checked_sub(1).map(|j| {
                // The first of the titles that start there.
                let start = list[j].span.start;
                list[list.partition_point(|t| t.span.start < start)]
            });
            match (before, list.get(i)) {
                (Some(b), Some(a)) if a.span.start - near < near - b.span.start => Some(*a),
                (Some(b), _) => Some(b),
                (None, a) => a.copied(),
            }
        });
        match best {
            Some(t) => (Some(t.role.clone()), t.of.map(|of| self.org_name(doc, of))),
            None => (None, None),
        }
    }

    /// How an organization or country is named in a participant's `org`:
    /// its entity's name (a short alias for a long name), a nationality
    /// adjective by its country.
    fn org_name(&self, doc: &Document, mention: usize) -> String {
        let m = &doc.mentions[mention];
        match m.entity.and_then(|e| doc.entities.get(e)) {
            Some(e) if e.name.chars().count() > 40 && !e.aliases.is_empty() => e.aliases[0].clone(),
            Some(e) => e.name.clone(),
            None => doc.mention_name(m),
        }
    }

    fn participants(
        &self,
        doc: &Document,
        sentence: Span,
        tokens: &[Token],
        index: &Index<'_>,
        cue: &Cue,
    ) -> Parties {
        let trigger = cue.span;
        let t_first = tokens.partition_point(|t| t.span.start < trigger.start);
        let t_last = tokens.partition_point(|t| t.span.start < trigger.end);
        // A reciprocal verb ("se sont rencontrés") has its parties before
        // it; other triggers on both sides.
        let after_tokens = if cue.attr("voice") == Some("reciprocal") {
            4
        } else {
            WINDOW_TOKENS
        };
        // The window stops at the trigger's clause's edges: a semicolon, a
        // colon, a dash, a quotation mark, or a relative clause (", which
        // Trump has threatened").
        let word_at = |k: usize| lower(tokens[k].span.slice(&doc.text));
        // A relative clause after the trigger is left out; one holding the
        // trigger keeps its antecedent ("Xi, who met Obama").
        let ends_clause = |k: usize| CLAUSE_EDGES.contains(&word_at(k).as_str());
        let opens_relative = |k: usize| {
            word_at(k) == ","
                && k + 1 < tokens.len()
                && RELATIVES.contains(&word_at(k + 1).as_str())
        };
        let mut first = t_first;
        while first > t_first.saturating_sub(WINDOW_TOKENS) && !ends_clause(first - 1) {
            first -= 1;
        }
        // "à la veille du sommet", "on the eve of the summit": the meeting
        // dates what the clause tells; its parties come after it.
        let eve = (t_first.saturating_sub(3)..t_first)
            .any(|k| matches!(word_at(k).as_str(), "veille" | "eve" | "lendemain"));
        if eve {
            first = t_first;
        }
        // "X initiated the bill after three members met Y": a subordinate
        // clause with its own subject (a name between the subordinator and
        // the trigger) holds the trigger, and the main clause's names are
        // no parties. "X spoke after meeting Y" keeps X.
        let opens_clause = |k: usize| {
            // "ainsi que", "plus que": a comparison or a list, no clause.
            let list_que = matches!(word_at(k).as_str(), "que" | "qu'")
                && k > 0
                && matches!(
                    word_at(k - 1).as_str(),
                    "ainsi" | "plus" | "moins" | "tant" | "autant" | "même"
                );
            SUBORDINATORS.contains(&word_at(k).as_str()) && !list_que
        };
        if let Some(sub) = (first..t_first).rev().find(|&k| opens_clause(k)) {
            let (from, to) = (tokens[sub].span.end, trigger.start);
            let own_subject = doc
                .mentions_in(Span::new(from, to.max(from)))
                .next()
                .is_some();
            // "X believes that the talks with Iran were ...": a meeting
            // word in a reported clause is its subject; who reports it
            // took no part. ("X said that he met Y": X did.)
            let reported_noun = matches!(word_at(sub).as_str(), "that" | "que" | "qu'")
                && (cue.attr("form") == Some("noun")
                    || self.follows_determiner(doc, tokens, trigger));
            if own_subject || reported_noun {
                first = sub + 1;
            }
        }
        // "After a meeting with X, President Y said": a meeting noun in a
        // phrase fronted before the main clause, whose subject, though it
        // speaks, took part.
        let opener = tokens[first..t_first]
            .iter()
            .find(|t| t.kind == TokenKind::Word);
        let fronted = opener.is_some_and(|t| {
            FRONTING.contains(&lower(t.span.slice(&doc.text)).as_str())
                && doc
                    .mentions_in(Span::new(t.span.end, trigger.start.max(t.span.end)))
                    .next()
                    .is_none()
        });
        let mut last = t_last;
        // "the first meeting since the arrest of X": a time, no parties.
        let opens_time = |k: usize| matches!(word_at(k).as_str(), "since" | "depuis");
        // "..., Obama said that America ...": what is reported is no party.
        let opens_report = |k: usize| {
            matches!(word_at(k).as_str(), "that" | "que" | "qu'")
                && k > 0
                && SPEECH_VERBS.contains(&word_at(k - 1).as_str())
        };
        // "X traveled to Gulu to meet with Y": a journey's window stops at
        // the trigger of its purpose, which tells whom it met.
        let is_visit = cue.attr("event") == Some("visit");
        let opens_purpose = |k: usize| {
            is_visit
                && cue_at(doc, tokens[k].span.start).is_some_and(|c| {
                    c.kind == CueKind::Trigger
                        && c.span.start == tokens[k].span.start
                        && c.attr("event") != Some("visit")
                })
        };
        // "met ambassadors in Ankara — on Thursday with U.S. ambassador X
        // —": a dash that opens a preposition goes on with the clause.
        let continues = |k: usize| {
            matches!(word_at(k).as_str(), "—" | "–")
                && k + 1 < tokens.len()
                && matches!(
                    word_at(k + 1).as_str(),
                    "on" | "with" | "including" | "among" | "avec" | "notamment" | "dont" | "parmi"
                )
        };
        while last < (t_last + after_tokens).min(tokens.len())
            && (!ends_clause(last) || continues(last))
            && !opens_purpose(last)
            && !opens_time(last)
            && !opens_relative(last)
            && !opens_report(last)
            // "talks with Iran were based on a premise that if the US ...":
            // a subordinate clause after the trigger has its own parties.
            && !(last > t_last && opens_clause(last))
        {
            last += 1;
        }
        let lo = tokens.get(first).map_or(sentence.start, |t| t.span.start);
        let hi = tokens.get(last).map_or(sentence.end, |t| t.span.start);
        let window = Span::new(lo, hi.max(lo));
        // The `nth` word before a position (0: the nearest), from the
        // sentence's tokens (found once, searched by position), articles
        // skipped: "at the White House" is at a venue.
        let nth_word_before = |at: usize, nth: usize| -> Lowered<'_> {
            let k = tokens.partition_point(|t| t.span.start < at);
            tokens[..k]
                .iter()
                .rev()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| lower(t.span.slice(&doc.text)))
                .filter(|w| !SKIPPED_BEFORE.contains(&w.as_str()))
                .nth(nth)
                .unwrap_or(Lowered(Cow::Borrowed("")))
        };
        let word_before = |at: usize| nth_word_before(at, 0);
        // Organizations and countries represented by a participant's title.
        let window_titles = index.titles_in(sentence, window);
        let represented: BTreeSet<usize> = window_titles
            .iter()
            .filter(|t| window.contains(t.span) && t.holder.is_some())
            .filter_map(|t| t.of)
            .filter_map(|of| doc.mentions[of].entity)
            .collect();
        let mut persons = Vec::new();
        let mut others: Vec<(usize, Span, Found)> = Vec::new();
        let mut forums: BTreeSet<usize> = BTreeSet::new();
        // How many tokens lie between a mention and the trigger.
        let token_distance = |span: Span| -> usize {
            if span.end <= trigger.start {
                t_first - tokens.partition_point(|t| t.span.start < span.end)
            } else {
                tokens
                    .partition_point(|t| t.span.start < span.start)
                    .saturating_sub(t_last)
            }
        };
        let mut location: Option<(usize, String)> = None;
        for (_, m) in doc.mentions_in(window) {
            let Some(entity) = m.entity else { continue };
            let e = &doc.entities[entity];
            let before = word_before(m.span.start);
            // "according to the Post", "selon Le Monde": a source.
            let source = SOURCE_MARKERS.contains(&before.as_str())
                || (before == "to" && nth_word_before(m.span.start, 1) == "according");
            if source {
                continue;
            }
            match m.label {
                // "Erdoğan's prime minister, X": the possessor of a
                // title names whose minister takes part, not a party.
                Label::Per if self.owns_a_title(doc, tokens, m.span) => {}
                // "the resignations of city leaders, including X": who
                // undergoes an act.
                Label::Per | Label::Org | Label::Loc
                    if self.undergoes(doc, tokens, trigger, m.span) => {}
                // "..., Omar Haddad said": who tells of the meeting.
                Label::Per if !fronted && self.is_sayer(doc, tokens, m.span) => {}
                Label::Per => {
                    let (role, org) =
                        self.role_of(doc, &index.titles_by_holder, entity, trigger.start);
                    persons.push(Found {
                        key: format!("E{entity}"),
                        participant: Participant {
                            entity: Some(entity),
                            name: e.name.clone(),
                            role,
                            org,
                        },
                    });
                }
                Label::Loc if LOCATIVES.contains(&before.as_str()) => {
                    let distance = m.span.start.abs_diff(trigger.end);
                    if location.as_ref().is_none_or(|(d, _)| distance < *d)
                        && !represented.contains(&entity)
                    {
                        location = Some((distance, doc.slice(m.span).to_string()));
                    }
                }
                Label::Loc | Label::Org
                    if VENUE_MARKERS.contains(&before.as_str())
                        || TOPIC_MARKERS.contains(&before.as_str()) => {}
                // "in Sochi, Russia": the country of a place, not a party.
                Label::Loc if self.follows_place(doc, tokens, m.span) => {}
                // "the Rose Garden", "Trump Tower": a venue, not a party.
                Label::Loc | Label::Org
                    if doc
                        .slice(m.span)
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| VENUE_HEADS.contains(&lower(w).as_str())) => {}
                Label::Loc | Label::Org => {
                    let is_country = m.label == Label::Org
                        || m.id.as_ref().is_some_and(|id| {
                            id.len() == 2 && id.chars().all(|c| c.is_ascii_uppercase())
                        });
                    // Titles' "of" and the organizations named inside a
                    // person's title phrase are represented by the person.
                    let inside_title = index.inside_held_title(sentence, m.span);
                    let next = tokens_from(tokens, m.span.end).first();
                    // "the G-20 summit", "a meeting of the Security
                    // Council": the forum the meeting is held in, a party
                    // only when no person is named.
                    let between: Vec<Lowered> = tokens_from(tokens, trigger.end)
                        .iter()
                        .take_while(|t| t.span.start < m.span.start)
                        .map(|t| lower(t.span.slice(&doc.text)))
                        .collect();
                    let forum = next.is_some_and(|t| t.span.start == trigger.start)
                        || m.span.start >= trigger.end
                            && between.first().is_some_and(|w| {
                                matches!(w.as_str(), "of" | "de" | "du" | "des" | "d'")
                            })
                            && between.iter().all(|w| {
                                matches!(
                                    w.as_str(),
                                    "of" | "the"
                                        | "her"
                                        | "his"
                                        | "their"
                                        | "its"
                                        | "de"
                                        | "du"
                                        | "des"
                                        | "d'"
                                        | "la"
                                        | "l'"
                                        | "sa"
                                        | "son"
                                        | "ses"
                                        | "leur"
                                )
                            });
                    if forum {
                        forums.insert(entity);
                    }
                    // "the Ukraine conflict", "the U.S. attack": after an
                    // article, a country followed by a common noun
                    // modifies it.
                    let modifier = !forum
                        && doc.lang == Some(crate::Lang::En)
                        && tokens_before(tokens, m.span.start).last().is_some_and(|t| {
                            matches!(
                                lower(t.span.slice(&doc.text)).as_str(),
                                "the" | "a" | "an" | "this" | "that"
                            )
                        })
                        && next.is_some_and(|t| {
                            let w = t.span.slice(&doc.text);
                            let lw = lower(w);
                            // Short words are mostly function words ("the
                            // U.S. and"), but for a few content words.
                            t.kind == TokenKind::Word
                                && (w.chars().count() > 3
                                    || SHORT_CONTENT_WORDS.contains(&lw.as_str()))
                                && w.starts_with(char::is_lowercase)
                                && !lw.ends_with("ed")
                                && !ENGLISH_VERBS_AFTER_SUBJECT.contains(&lw.as_str())
                                && !PARTY_HEADS.contains(&lw.as_str())
                                && !cue_at(doc, t.span.start)
                                    .is_some_and(|c| c.kind == CueKind::Title)
                        });
                    if is_country && !represented.contains(&entity) && !inside_title && !modifier {
                        others.push((
                            token_distance(m.span),
                            m.span,
                            Found {
                                key: format!("E{entity}"),
                                participant: Participant {
                                    entity: Some(entity),
                                    name: e.name.clone(),
                                    role: None,
                                    org: None,
                                },
                            },
                        ));
                    }
                }
                // "la délégation sénégalaise": the delegation's country.
                Label::Misc
                    if matches!(
                        before.as_str(),
                        "délégation" | "delegation" | "gouvernement" | "government"
                    ) =>
                {
                    let country = m.id.as_ref().and_then(|id| {
                        doc.entities
                            .iter()
                            .position(|e| e.label == Label::Loc && e.id.as_ref() == Some(id))
                    });
                    let name = m.canonical.clone().unwrap_or_else(|| e.name.clone());
                    others.push((
                        token_distance(m.span),
                        m.span,
                        Found {
                            key: format!("E{}", country.unwrap_or(entity)),
                            participant: Participant {
                                entity: Some(country.unwrap_or(entity)),
                                name,
                                role: None,
                                org: None,
                            },
                        },
                    ));
                }
                Label::Misc => {}
            }
        }
        // Role-only titles: "le président russe".
        for t in window_titles
            .iter()
            .filter(|t| window.contains(t.span) && t.holder.is_none())
        {
            let Some(of) = t.of else {
                // "le Président", "the president-elect": with no country,
                // the one person the document names in that role, when
                // the title is definite.
                let definite = tokens_before(tokens, t.span.start).last().is_some_and(|w| {
                    matches!(
                        lower(w.span.slice(&doc.text)).as_str(),
                        "le" | "la" | "l'" | "the"
                    )
                });
                if let Some(person) = index.only_holder_of(&t.role).filter(|_| definite) {
                    let (role, org) =
                        self.role_of(doc, &index.titles_by_holder, person, trigger.start);
                    persons.push(Found {
                        key: format!("E{person}"),
                        participant: Participant {
                            entity: Some(person),
                            name: doc.entities[person].name.clone(),
                            role,
                            org,
                        },
                    });
                }
                continue;
            };
            if doc.mentions[of].label == Label::Org
                && !matches!(doc.mentions[of].label, Label::Misc | Label::Loc)
            {
                continue;
            }
            // Unnamed parties are left out: a role-only title takes part
            // only as the person the document names in that role.
            let Some(person) = doc
                .represented_entity(of)
                .and_then(|org| index.holder_of_role(&t.role, org, trigger.start))
            else {
                continue;
            };
            let (role, org) = self.role_of(doc, &index.titles_by_holder, person, trigger.start);
            persons.push(Found {
                key: format!("E{person}"),
                participant: Participant {
                    entity: Some(person),
                    name: doc.entities[person].name.clone(),
                    role,
                    org,
                },
            });
        }
        // A state or organization is a participant only when no person is
        // named for it: not when a participant holds one of its titles.
        let represented_by_persons: BTreeSet<usize> = persons
            .iter()
            .filter_map(|f| f.participant.entity)
            .filter_map(|e| index.affiliations.get(&e))
            .flatten()
            .copied()
            .collect();
        others.retain(|(_, _, f)| {
            f.participant.entity.is_none_or(|e| {
                !represented_by_persons.contains(&e) && (persons.is_empty() || !forums.contains(&e))
            })
        });
        // "a four-nation Coordination Group, with the United States and
        // China joining Afghanistan and Pakistan": a group named beside two
        // or more of its members is their format, not one more party.
        let is_group = |f: &Found| {
            f.participant.name.split([' ', '-']).any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "group" | "groupe" | "quartet" | "quartette" | "format"
                )
            })
        };
        if others.iter().filter(|(_, _, f)| !is_group(f)).count() >= 2 {
            others.retain(|(_, _, f)| !is_group(f));
        }
        // With no person named, the states and organizations of the clause
        // are the parties; beside one person, only those close to the
        // trigger (the other side of the talks, not the topic).
        let reach = match persons.len() {
            0 => usize::MAX,
            1 => OTHER_PARTY_TOKENS,
            _ => 0,
        };
        // A list reaches as far as its nearest member: "convoquer les
        // ambassadeurs de l'Allemagne, de la Belgique et de la France".
        let mut near: Vec<bool> = others.iter().map(|(d, _, _)| *d <= reach).collect();
        for i in 1..others.len() {
            if near[i - 1] && is_list_glue(doc, tokens, others[i - 1].1, others[i].1) {
                near[i] = true;
            }
        }
        for i in (1..others.len()).rev() {
            if near[i] && is_list_glue(doc, tokens, others[i - 1].1, others[i].1) {
                near[i - 1] = true;
            }
        }
        let mut found = persons;
        found.extend(
            others
                .into_iter()
                .zip(near)
                .filter(|(_, near)| *near)
                .map(|((_, _, f), _)| f),
        );
        let mut seen = BTreeSet::new();
        found.retain(|f| seen.insert(f.key.clone()));
        Parties {
            found,
            location: location.map(|(_, l)| l),
            in_forum: !forums.is_empty(),
        }
    }

    /// True when a date value ("2011", "2022-03", "2022-03-07") ends before
    /// the document's date, compared at the value's own precision.
    fn is_before_today(&self, doc: &Document, value: &str) -> bool {
        let Some(today) = doc.date else { return false };
        let today = today.format("%Y-%m-%d").to_string();
        let shaped = matches!(value.len(), 4 | 7 | 10)
            && value.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        shaped && value < &today[..value.len()]
    }

    /// A bare weekday read as a past day ("talks will be held Wednesday,
    /// X said": the sentence's past verb pulled it back) is the next one for
    /// a planned meeting.
    fn ahead_if_planned(&self, doc: &Document, t: &Timex, value: String, planned: bool) -> String {
        const WEEKDAYS: &[&str] = &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "lundi",
            "mardi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
        ];
        let text = lower(doc.slice(t.span));
        let bare = text
            .split_whitespace()
            .all(|w| WEEKDAYS.contains(&w) || matches!(w, "on" | "le" | "ce"));
        match (
            planned && bare,
            doc.date,
            Date::parse_from_str(&value, "%Y-%m-%d"),
        ) {
            (true, Some(today), Ok(day)) if day < today => {
                (day + chrono::Days::new(7)).format("%Y-%m-%d").to_string()
            }
            _ => value,
        }
    }

    /// The event's date: a date in the sentence nearest the trigger; else
    /// the document date for past news in the lead; else none.
    fn date(
        &self,
        doc: &Document,
        index: &Index<'_>,
        sentence: Span,
        trigger: Span,
        hints: DateHints,
    ) -> (Option<String>, DateSource) {
        let DateHints {
            in_lead: lead,
            past,
            planned,
            eve,
        } = hints;
        // "The Nation reported in December that X met Y": a date of the
        // reporting clause does not date what it reports.
        let reported_after = |t: &Timex| {
            t.span.end <= trigger.start
                && trigger.start - t.span.end <= 300
                && doc.text[t.span.end..trigger.start]
                    .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                    .any(|w| matches!(w.to_lowercase().as_str(), "that" | "que" | "qu'" | "qu’"))
        };
        // "(née en 1965) et nommée en septembre", "born in 1950": a date of
        // someone's life, or one in brackets that leave the trigger out.
        // The text before `at`, at most `len` bytes of it, from a character
        // boundary: the tests below look near the date, not back to the
        // sentence's start (a long sentence stays linear).
        let near_before = |at: usize, len: usize| {
            let mut from = at.saturating_sub(len).max(sentence.start);
            while !doc.text.is_char_boundary(from) {
                from += 1;
            }
            &doc.text[from..at]
        };
        // A word inside a title ("le président élu") tells no one's life.
        let in_title = |at: usize| {
            let k = doc.cues.partition_point(|c| c.span.start <= at);
            doc.cues[..k]
                .iter()
                .rev()
                .take(4)
                .any(|c| c.kind == CueKind::Title && c.span.end > at)
        };
        let biographical = |t: &Timex| {
            let text = near_before(t.span.start, 40);
            let base = t.span.start - text.len();
            let before: Vec<String> = last_words(text, 2)
                .into_iter()
                .filter(|&(k, _)| !in_title(base + k))
                .map(|(_, w)| w.to_lowercase())
                .collect();
            let bracketed = |to: usize| {
                let inner = near_before(to, 200);
                inner
                    .rfind('(')
                    .is_some_and(|open| !inner[open..].contains(')'))
            };
            before.iter().any(|w| BIOGRAPHICAL.contains(&w.as_str()))
                || (t.span.start > trigger.end || t.span.end < trigger.start)
                    && bracketed(t.span.start)
                    && !bracketed(trigger.start)
        };
        // "A year ago, after months of secret negotiations, they
        // announced ...": a date before "after" dates what followed the
        // meeting, not the meeting.
        let after_at: Option<usize> = {
            let before = near_before(trigger.start, 60);
            let base = trigger.start - before.len();
            last_words(before, 4)
                .into_iter()
                .find(|(_, w)| matches!(w.to_lowercase().as_str(), "after" | "following" | "après"))
                .map(|(k, _)| base + k)
        };
        let followed = |t: &Timex| after_at.is_some_and(|at| t.span.end <= at);
        let in_sentence = index.nearest_date(sentence, trigger.start, |t| {
            !reported_after(t) && !biographical(t) && !followed(t)
        });
        // "à la veille du sommet": the summit is the day after the day the
        // clause tells (its own date, else the news's).
        if eve != 0 {
            let day = |v: &str| chrono::NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok();
            let (base, source) = match in_sentence {
                Some(t) => (day(&t.value), DateSource::Text),
                None => (doc.date, DateSource::Document),
            };
            return match base.and_then(|d| d.checked_add_signed(chrono::Duration::days(eve))) {
                Some(d) => (Some(d.format("%Y-%m-%d").to_string()), source),
                None => (None, DateSource::None),
            };
        }
        // A planned meeting is not dated before the day of the news:
        // "la coopération remonte à 2011 et un accord devrait être signé".
        if let Some(t) = in_sentence {
            let value = if t.kind == TimexType::Time {
                t.value.split('T').next().unwrap_or(&t.value).to_string()
            } else {
                t.value.clone()
            };
            let value = self.ahead_if_planned(doc, t, value, planned);
            if !(planned && self.is_before_today(doc, &value)) {
                return (Some(value), DateSource::Text);
            }
        }
        match doc.date {
            Some(d) if lead && past => {
                (Some(d.format("%Y-%m-%d").to_string()), DateSource::Document)
            }
            _ => (None, DateSource::None),
        }
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
        let body: Vec<Span> = doc
            .sentences
            .iter()
            .filter(|s| s.kind == SentenceKind::Body)
            .map(|s| s.span)
            .collect();
        // The lead: the first two body sentences.
        let lead_end = body.get(1).or(body.first()).map_or(0, |s| s.end);
        let mut events: Vec<Event> = Vec::new();
        // The participant keys of each event, and the events of each key.
        let mut event_keys: Vec<BTreeSet<String>> = Vec::new();
        let mut events_by_key: HashMap<String, Vec<usize>> = HashMap::default();
        // The tokens of the current sentence (and whether it speaks of
        // sports), found once per sentence rather than once per trigger, so
        // that a long sentence with many triggers stays linear.
        let mut current: Option<(Span, Vec<Token>, bool)> = None;
        // The last meeting found with a single named party, held back.
        let mut pending: Option<(Event, usize)> = None;
        // The last event created of each type, which a demonstrative
        // ("cette réunion") points back to.
        let mut last_by_kind: HashMap<EventType, usize> = HashMap::default();
        let index = Index::new(doc);
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
                let tokens = tokenize(&doc.text, sentence);
                let sports = self.is_sports(doc, &tokens);
                current = Some((sentence, tokens, sports));
            }
            let (_, tokens, sports) = current.as_ref().expect("set above");
            if self.is_negated_or_hypothetical(doc, tokens, cue.span) {
                continue;
            }
            if *sports
                || !self.has_party_object(doc, tokens, cue)
                || self.meets_a_thing(doc, tokens, cue)
                || kind == EventType::Meeting && self.is_remote(doc, tokens, cue.span)
                || self.is_geographic_summit(doc, cue)
            {
                continue;
            }
            let Parties {
                found,
                location,
                in_forum,
            } = self.participants(doc, sentence, tokens, &index, cue);
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
                    None if self.achieved_before(doc, tokens, cue.span) => Some(false),
                    None => continue,
                }
            } else {
                None
            };
            // "sa visite", "la rencontre": after a determiner, a form that
            // could be a verb is the noun.
            let is_noun =
                cue.attr("form") == Some("noun") || self.follows_determiner(doc, tokens, cue.span);
            // "cette réunion": the last event of its type, told again.
            let last_of_kind = last_by_kind.get(&kind).copied();
            let anaphoric = self.is_anaphoric(doc, tokens, cue.span)
                && (last_of_kind.is_some()
                    || pending.as_ref().is_some_and(|(e, _)| e.kind == kind));
            // A meeting word needs two parties, unless it names its forum
            // ("a meeting of the Security Council"): one named member of it
            // is enough.
            let needed = if is_noun && !anaphoric && !in_forum {
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
            let tense = cue.attr("tense");
            let status = if purpose.unwrap_or(false)
                || purpose.is_none()
                    && (tense == Some("future") || self.is_announced(doc, tokens, cue.span))
            {
                EventStatus::Planned
            } else {
                EventStatus::Happened
            };
            let past = tense == Some("past");
            let (date, date_source) = self.date(
                doc,
                &index,
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
                        .find_map(|t| match lower(t.span.slice(&doc.text)).as_str() {
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
            let ordinal = doc
                .sentences
                .partition_point(|s| s.span.start < sentence.start);
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
        doc.events = events;
        Ok(())
    }
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
