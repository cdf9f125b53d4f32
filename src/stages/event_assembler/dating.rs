//! When an event is: a date of its sentence, of the clause that governs it,
//! or of the document.

use super::index::Index;
use super::words::BIOGRAPHICAL;
use super::{last_words, lower, DateHints, EventAssembler};
use crate::doc::{CueKind, Date, DateSource, Document, Span, Timex, TimexType};

impl EventAssembler {
    /// True when a date value ("2011", "2022-03", "2022-03-07") ends before
    /// the document's date, compared at the value's own precision.
    pub(super) fn is_before_today(&self, doc: &Document, value: &str) -> bool {
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
    pub(super) fn ahead_if_planned(
        &self,
        doc: &Document,
        t: &Timex,
        value: String,
        planned: bool,
    ) -> String {
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
    pub(super) fn date(
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
        let in_sentence = index
            .nearest_date(sentence, trigger.start, |t| {
                !reported_after(t) && !biographical(t) && !followed(t)
            })
            .or_else(|| {
                // "Il a reçu mercredi un groupe de responsables. Parmi eux
                // X, qui s'est entretenu avec lui": a sentence that opens
                // on the group of the one before tells of the same
                // occasion, dated there.
                let mut opener = doc.text[sentence.start..sentence.end]
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase);
                let (first, second) = (opener.next()?, opener.next()?);
                if !matches!(
                    (first.as_str(), second.as_str()),
                    ("parmi", "eux" | "elles") | ("among", "them" | "those")
                ) {
                    return None;
                }
                let k = doc
                    .sentences
                    .partition_point(|s| s.span.start < sentence.start);
                let before = doc.sentences[..k].last()?.span;
                index.nearest_date(before, before.end, |_| true)
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
