//! Who stands for a state at its events. "Laurent Dubois représentait la
//! France", "France was represented by X", "Du côté américain, c'est X qui
//! a rencontré Y", "la délégation malienne, conduite par X": where a state
//! takes part in an event told nearby, the person who represented it is
//! the participant (MEETINGS.md: a state takes part only when no person is
//! named for it).

use std::collections::BTreeSet;

use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;

use super::{is_state, words_in, Word};
use crate::doc::{DateSource, Document, Event, Label, Participant};

/// How many sentences apart a representation and an event may be told.
const ENVOY_REACH: usize = 3;

/// How many tokens a name may be from the verb that says whom it
/// represents, parentheses aside: "X (né en 1962) représentait lui ...".
const ENVOY_VERB_TOKENS: usize = 4;

/// Where a sentence may tell an envoy: "représent-", "represent-", "du
/// côté", "délégation", "delegation", found in one pass over the text.
static CANDIDATE_WORDS: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasick::new(["eprésent", "epresent", "u côté", "élégation", "elegation"])
        .expect("fixed words")
});

/// A person who represented a state or organization, told in a sentence.
#[derive(Debug, PartialEq, Eq)]
struct Envoy {
    /// The state or organization entity.
    state: usize,
    /// The person entity.
    person: usize,
    /// The ordinal of the sentence that tells it.
    sentence: usize,
}

/// Active forms of "to represent" that name the state after them.
const REPRESENTS: &[&str] = &[
    "représente",
    "représentait",
    "représentera",
    "représenté",
    "représentée",
    "represents",
    "represented",
    "represent",
    "representing",
];

/// Words that may come between the verb and the state: "représentait lui
/// les intérêts de la France", "represented the interests of France".
const BEFORE_STATE: &[&str] = &[
    "lui",
    "elle",
    "ainsi",
    "les",
    "intérêts",
    "the",
    "interests",
    "de",
    "du",
    "des",
    "d'",
    "la",
    "le",
    "l'",
    "of",
];

/// Words that may come between a name and the verb: "X, quant à lui, a
/// représenté", "X has represented".
const BEFORE_VERB: &[&str] = &[
    ",",
    "lui",
    "elle",
    "quant",
    "à",
    "a",
    "avait",
    "aussi",
    "également",
    "has",
    "had",
    "will",
    "also",
    "who",
    "qui",
];

/// Auxiliaries of the passive: "la France était représentée par X".
const PASSIVE_AUX: &[&str] = &[
    "est", "était", "a", "avait", "été", "sera", "is", "was", "were", "will", "be", "been", "has",
    "had", ",",
];

/// Replaces each state or organization that takes part in an event by the
/// person the document says represented it, told within [`ENVOY_REACH`]
/// sentences; the person keeps the state as its organization.
pub(super) fn envoys_stand_for_states(doc: &Document, mut events: Vec<Event>) -> Vec<Event> {
    // Only the sentences near an event with a state or organization among
    // its parties can tell an envoy that matters: most documents have
    // none, and a scan of the whole text was half the event stage.
    let mut near: Vec<usize> = Vec::new();
    for event in &events {
        if event.participants.iter().any(|p| is_state(doc, p)) {
            let ordinal = sentence_ordinal(doc, event);
            near.extend(ordinal.saturating_sub(ENVOY_REACH)..=ordinal + ENVOY_REACH);
        }
    }
    near.sort_unstable();
    near.dedup();
    near.retain(|&k| k < doc.sentences.len());
    let envoys = envoys(doc, &near);
    if envoys.is_empty() {
        return events;
    }
    let mut changed = vec![false; events.len()];
    for (event, changed) in events.iter_mut().zip(&mut changed) {
        let ordinal = sentence_ordinal(doc, event);
        let original = std::mem::take(&mut event.participants);
        let mut participants: Vec<Participant> = Vec::with_capacity(original.len());
        // Envoys already taking part, with the state they stand for.
        let mut stood_for: Vec<(usize, String)> = Vec::new();
        for p in &original {
            let envoy = p.entity.and_then(|state| {
                envoys
                    .iter()
                    .find(|e| e.state == state && e.sentence.abs_diff(ordinal) <= ENVOY_REACH)
            });
            match envoy {
                Some(envoy) => {
                    *changed = true;
                    let present = |q: &Participant| q.entity == Some(envoy.person);
                    if original.iter().any(present) {
                        stood_for.push((envoy.person, p.name.clone()));
                    } else if !participants.iter().any(present) {
                        participants.push(Participant {
                            entity: Some(envoy.person),
                            name: doc.entities[envoy.person].name.clone(),
                            role: None,
                            org: Some(p.name.clone()),
                        });
                    }
                }
                None => participants.push(p.clone()),
            }
        }
        for (person, state) in stood_for {
            if let Some(p) = participants
                .iter_mut()
                .find(|p| p.entity == Some(person) && p.org.is_none())
            {
                p.org = Some(state);
            }
        }
        event.participants = participants;
    }
    merge_told_again(events, &changed)
}

/// The ordinal of the sentence an event is told in.
fn sentence_ordinal(doc: &Document, event: &Event) -> usize {
    doc.sentences
        .partition_point(|s| s.span.start < event.sentence.start)
}

/// One event per meeting, again: an event whose parties an event with an
/// envoy now holds ("c'est X qui a rencontré Y", told after the ceremony
/// where X stood for the United States) is that event told again.
fn merge_told_again(events: Vec<Event>, changed: &[bool]) -> Vec<Event> {
    let keys: Vec<BTreeSet<Option<usize>>> = events
        .iter()
        .map(|e| e.participants.iter().map(|p| p.entity).collect())
        .collect();
    let mut into: Vec<Option<usize>> = vec![None; events.len()];
    for (i, event) in events.iter().enumerate().filter(|(i, _)| changed[*i]) {
        for (j, other) in events.iter().enumerate() {
            let told_again = j != i
                && into[i].is_none()
                && into[j].is_none()
                && !changed[j]
                && other.kind == event.kind
                && other.status == event.status
                && keys[j].len() >= 2
                && keys[j].iter().all(|k| k.is_some())
                && keys[j].is_subset(&keys[i])
                && (other.date == event.date
                    || other.date_source != DateSource::Text
                    || event.date_source != DateSource::Text);
            if told_again {
                into[j] = Some(i);
            }
        }
    }
    let mut merged: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    for j in 0..merged.len() {
        let Some(i) = into[j] else { continue };
        let other = merged[j].take().expect("each event merges once");
        let event = merged[i].as_mut().expect("a target is never merged");
        if event.date_source != DateSource::Text && other.date_source == DateSource::Text {
            event.date = other.date;
            event.date_source = other.date_source;
        }
        if event.location.is_none() {
            event.location = other.location;
        }
    }
    merged.into_iter().flatten().collect()
}

/// The representations told in `sentences` (ordinals), in those that hold
/// a form of "représenter", "represent", "du côté" or "délégation".
fn envoys(doc: &Document, sentences: &[usize]) -> Vec<Envoy> {
    let mut found = Vec::new();
    for &k in sentences {
        let span = doc.sentences[k].span;
        if !CANDIDATE_WORDS.is_match(doc.slice(span)) {
            continue;
        }
        let tokens = words_in(doc, span);
        let sentence = Words {
            doc,
            tokens: &tokens,
        };
        for i in 0..tokens.len() {
            let envoy = sentence
                .active(i)
                .or_else(|| sentence.passive(i))
                .or_else(|| sentence.on_the_side(i))
                .or_else(|| sentence.delegation(i));
            if let Some((state, person)) = envoy {
                found.push(Envoy {
                    state,
                    person,
                    sentence: k,
                });
            }
        }
    }
    found
}

/// A sentence's tokens, each with its lowercase word.
struct Words<'a> {
    doc: &'a Document,
    tokens: &'a [Word<'a>],
}

impl Words<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", Word::lower)
    }

    /// The index of the token starting at byte `at`.
    fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }

    /// The mention (index) that starts at token `i`, if any.
    fn mention_at(&self, i: usize) -> Option<usize> {
        let at = self.tokens.get(i)?.span.start;
        let k = self.doc.mentions.partition_point(|m| m.span.start < at);
        self.doc
            .mentions
            .get(k)
            .filter(|m| m.span.start == at)
            .map(|_| k)
    }

    /// The first token at or after `i` whose word is not in `skipped`.
    fn skip(&self, mut i: usize, skipped: &[&str]) -> usize {
        while i < self.tokens.len() && skipped.contains(&self.word(i)) {
            i += 1;
        }
        i
    }

    /// The state or organization entity a mention at token `i` stands
    /// for (a nationality: its country).
    fn state_at(&self, i: usize) -> Option<usize> {
        let k = self.mention_at(i)?;
        let m = &self.doc.mentions[k];
        let is_state = m.label == Label::Org
            || matches!(m.label, Label::Loc | Label::Misc) && super::names_a_country(m);
        is_state.then(|| self.doc.represented_entity(k)).flatten()
    }

    /// The person entity of a mention at token `i`.
    fn person_at(&self, i: usize) -> Option<usize> {
        let k = self.mention_at(i)?;
        let m = &self.doc.mentions[k];
        (m.label == Label::Per).then_some(m.entity).flatten()
    }

    /// The person named just before token `verb`: parentheses and a few
    /// words ("quant à lui", "has") may come between.
    fn person_before(&self, verb: usize) -> Option<usize> {
        let mut i = verb;
        let mut depth = 0usize;
        let mut words = 0;
        while i > 0 {
            i -= 1;
            match self.word(i) {
                ")" => depth += 1,
                "(" => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                w if BEFORE_VERB.contains(&w) && words < ENVOY_VERB_TOKENS => words += 1,
                _ => {
                    // The name's last token: its mention starts earlier.
                    let k = self.doc.mention_ending_at(self.tokens[i].span.end)?;
                    let m = &self.doc.mentions[k];
                    return (m.label == Label::Per).then_some(m.entity).flatten();
                }
            }
        }
        None
    }

    /// "X représentait (les intérêts de) la France", "X represented
    /// France": the verb at token `i`.
    fn active(&self, i: usize) -> Option<(usize, usize)> {
        if !REPRESENTS.contains(&self.word(i)) || matches!(self.word(i + 1), "par" | "by") {
            return None;
        }
        let state = self.state_at(self.skip(i + 1, BEFORE_STATE))?;
        let person = self.person_before(i)?;
        Some((state, person))
    }

    /// "La France était représentée par X", "France was represented by
    /// X": the participle at token `i`.
    fn passive(&self, i: usize) -> Option<(usize, usize)> {
        let participle = matches!(
            self.word(i),
            "représenté" | "représentée" | "représentés" | "représentées" | "represented"
        );
        if !participle || !matches!(self.word(i + 1), "par" | "by") {
            return None;
        }
        let person = self.person_at(i + 2)?;
        let mut j = i;
        while j > 0 && PASSIVE_AUX.contains(&self.word(j - 1)) {
            j -= 1;
        }
        // The state's mention ends at the token before the auxiliaries.
        let end = self.tokens.get(j.checked_sub(1)?)?.span.end;
        let k = self.doc.mention_ending_at(end)?;
        let state = self.state_at(self.token_at(self.doc.mentions[k].span.start))?;
        Some((state, person))
    }

    /// "la délégation ukrainienne, conduite par X", "the Ukrainian
    /// delegation, led by X", "a delegation of Mali headed by X": the word
    /// "délégation" at token `i`, its state after or before it.
    fn delegation(&self, i: usize) -> Option<(usize, usize)> {
        if !matches!(self.word(i), "délégation" | "delegation") {
            return None;
        }
        let after = self.skip(
            i + 1,
            &["de", "du", "des", "d'", "la", "le", "l'", "of", "the"],
        );
        let (state, mut j) = match self.state_at(after) {
            Some(state) => {
                let k = self.mention_at(after)?;
                (state, self.token_at(self.doc.mentions[k].span.end))
            }
            // "the Ukrainian delegation": the nationality before.
            None => {
                let before = i.checked_sub(1)?;
                let k = self.doc.mention_ending_at(self.tokens[before].span.end)?;
                let start = self.doc.mentions[k].span.start;
                (self.state_at(self.token_at(start))?, i + 1)
            }
        };
        if self.word(j) == "," {
            j += 1;
        }
        let led = matches!(
            self.word(j),
            "conduite" | "dirigée" | "menée" | "emmenée" | "led" | "headed"
        ) && matches!(self.word(j + 1), "par" | "by");
        if !led {
            return None;
        }
        let person = self.person_at(j + 2)?;
        Some((state, person))
    }

    /// "Du côté américain, c'est X qui ...", "du côté de la France, c'est
    /// X": the words "du côté" at token `i`.
    fn on_the_side(&self, i: usize) -> Option<(usize, usize)> {
        if self.word(i) != "du" || self.word(i + 1) != "côté" {
            return None;
        }
        let at = self.skip(i + 2, &["de", "du", "des", "d'", "la", "le", "l'"]);
        let state = self.state_at(at)?;
        let k = self.mention_at(at)?;
        let mut j = self.token_at(self.doc.mentions[k].span.end);
        if self.word(j) == "," {
            j += 1;
        }
        if !matches!(self.word(j), "c'" | "c’") || !matches!(self.word(j + 1), "est" | "était") {
            return None;
        }
        let person = self.person_at(j + 2)?;
        Some((state, person))
    }
}
