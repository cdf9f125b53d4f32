//! The document index the event rules read: titles and timexes by
//! sentence, holders by role and organization.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use super::lower;
use super::words::GENERIC_ROLES;
use crate::doc::{Document, Span, Timex, TimexType, TitleMention};

/// Titles and timexes found once per document by holder and by sentence,
/// so that each trigger looks at its own sentence's, not at all of them
/// (which made a long document cost triggers × titles).
pub(super) struct Index<'d> {
    /// The titles of each entity, by their holder's entity, in document
    /// order.
    /// In four classes, in order of preference: with an organization and
    /// not military, with one and military, without and not military,
    /// without and military; each sorted by start.
    pub(super) titles_by_holder: HashMap<usize, [Vec<&'d TitleMention>; 4]>,
    /// By the start of the sentence they start in, sorted by start.
    pub(super) titles_by_sentence: HashMap<usize, Vec<&'d TitleMention>>,
    /// For each of those lists, the furthest end of the held titles
    /// (those with a holder) up to each position.
    pub(super) held_ends_by_sentence: HashMap<usize, Vec<usize>>,
    /// The dates and times that can date an event of the sentence (inside
    /// it, not a `_REF`), sorted by start.
    pub(super) dates_by_sentence: HashMap<usize, Vec<&'d Timex>>,
    /// The organizations and countries each person holds a title of,
    /// anywhere in the document: a state or organization is a participant
    /// only when no person is named for it.
    pub(super) affiliations: HashMap<usize, BTreeSet<usize>>,
    /// The holders of each title of each organization or country, by the
    /// title's lowercased role and the entity it is of, each with where the
    /// title was found: a role-only mention ("the Ukrainian president") is
    /// the person the document names in that role.
    pub(super) holders_by_role: HashMap<(String, usize), Vec<(usize, usize)>>,
    /// The holders of any title of each organization or country, for the
    /// generic roles ("the Russian leader").
    pub(super) holders_by_org: HashMap<usize, BTreeSet<usize>>,
    /// The holders of each title by its lowercased role alone.
    pub(super) holders_by_title: HashMap<String, BTreeSet<usize>>,
}

impl<'d> Index<'d> {
    pub(super) fn new(doc: &'d Document) -> Index<'d> {
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
    pub(super) fn titles_in(&self, sentence: Span, window: Span) -> &[&'d TitleMention] {
        let list = self
            .titles_by_sentence
            .get(&sentence.start)
            .map_or(&[][..], Vec::as_slice);
        let lo = list.partition_point(|t| t.span.start < window.start);
        let hi = list.partition_point(|t| t.span.start <= window.end);
        &list[lo..hi.max(lo)]
    }

    /// True when a held title of `sentence` contains `span`.
    pub(super) fn inside_held_title(&self, sentence: Span, span: Span) -> bool {
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
    pub(super) fn holder_of_role(&self, role: &str, org: usize, near: usize) -> Option<usize> {
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
    pub(super) fn only_holder_of(&self, role: &str) -> Option<usize> {
        match self.holders_by_title.get(lower(role).as_str()) {
            Some(persons) if persons.len() == 1 => persons.first().copied(),
            _ => None,
        }
    }

    /// The date or time of `sentence` nearest to `at` (the earlier on a
    /// tie).
    /// Only `usable` dates count; a few are tried on each side (a long
    /// sentence with many dates costs a few tests per trigger, not all).
    pub(super) fn nearest_date(
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
