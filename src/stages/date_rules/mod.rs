//! Temporal expressions → TIMEX3 values, by named regex rules per language.
//!
//! Each language module ([`fr`], [`en`]) holds a small locale table (month,
//! weekday, number and ordinal words) and a list of named rules. A rule is a
//! regex compiled once, whose `t` group (or whole match) is the timex span,
//! and a function that turns the match into an [`Expr`]: what the text says,
//! before the document date is applied. [`resolve`] then turns each `Expr`
//! into a value against the document date.

mod by_hand;
mod en;
mod filter;
mod fr;
mod gate;
mod resolve;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

use crate::doc::{DateSource, Document, SentenceKind, Span, Timex};
use crate::pipeline::{Layer, Stage, StageError};
use crate::Lang;

use resolve::{Context, Dir, Expr};

/// Finds temporal expressions and gives each its TIMEX3 value; reads the
/// document date from the text when the input did not give one.
///
/// What it does, in order:
/// - runs the French or English rules (both when the language is unknown)
///   over every sentence, of any kind (headlines and timestamp lines
///   included), and keeps the longest of overlapping matches;
/// - when the document has no date, takes the first full date of a
///   timestamp line, else of the first 500 bytes (the headline, dateline or
///   first sentence), with its time and zone if given
///   ([`Document::timestamp`]);
/// - resolves relative expressions against the document date, never the
///   clock; with no document date, values keep `X` placeholders
///   (`XXXX-10-15`, `XXXX-WXX-2`).
///
/// Conventions (those of the TimeML corpora, FTiB and MEANTIME):
/// - spans leave out prepositions ("en 2020" → `2020`, "on Tuesday" →
///   `Tuesday`) but keep determiners and modifiers ("le 6 mai dernier",
///   "l'année dernière", "the first quarter of 2009", "début novembre");
/// - a bare weekday is placed by the tense of its sentence: a past verb
///   (French passé composé or imparfait, English `-ed`, "was", "met") gives
///   the last such day, a future one ("sera", "va", "doit", "will") the
///   next; with no clue, the last one, as news mostly reports the past. The
///   document date's own weekday is the document date;
/// - "15/10/2021" is day first in French and month first in English (US
///   usage, as in the English corpora);
/// - a range whose first end borrows from the second ("du 4 au 5 mai", "de
///   fin septembre à début novembre 2020", "from May 4 to 6") is one timex
///   with a range value (`2020-05-04/2020-05-05`); when both ends stand
///   alone ("entre 2015 et 2018") each end is its own timex, as in the
///   TimeML corpora. "2019-2020" is one range;
/// - a four-digit number is a year only in 1000–2100, not after "article",
///   "n°", "page", a currency or inside a larger number, and not before a
///   unit; years before 1900 need a temporal preposition ("en 1789").
///
/// # Example
/// ```
/// use depeche::stages::DateRules;
/// use depeche::{InputDocument, Lang, Pipeline};
///
/// let pipeline = Pipeline::builder().language(Lang::Fr).build()?;
/// let mut input = InputDocument::new("1", "Le sommet s'est tenu le 10 novembre 2020 à Bakou.");
/// input.date = "2021-10-15".parse().ok();
/// let x = pipeline.process(input);
/// let timex = &x.timexes[0];
/// assert_eq!(timex.span.slice(&x.text), "le 10 novembre 2020");
/// assert_eq!(timex.value, "2020-11-10");
/// # let _ = DateRules::new();
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct DateRules {
    _private: (),
}

/// A named rule: a regex compiled once and what a match means.
pub(crate) struct Rule {
    /// Its name, kept in [`Timex::rule`] for debugging.
    pub name: &'static str,
    /// The pattern; group `t`, when it takes part, is the span. Kept as
    /// text: the searches use `anchored` and `filter`, built from it (a
    /// `regex::Regex` of it, compiled and never used, cost start-up time).
    pub pattern: String,
    /// The meaning of a match, `None` to reject it (a number that is not a
    /// year). Gets the text the regex ran on (the sentence).
    pub build: fn(&Captures, &str) -> Option<Expr>,
    /// The pattern over projected text: where it finds nothing, the rule
    /// finds nothing either, and it runs on the fast engine.
    filter: filter::Projected,
    /// The same pattern built with regex-automata, whose searches can be
    /// anchored ([`filter::Projected::captures`]) and fill a reused buffer.
    pub(crate) anchored: regex_automata::meta::Regex,
}

impl Rule {
    /// A rule from a pattern; panics on a bad pattern, which the unit tests
    /// compile once each.
    pub(crate) fn new(
        name: &'static str,
        pattern: &str,
        build: fn(&Captures, &str) -> Option<Expr>,
    ) -> Rule {
        let filter = filter::Projected::new(pattern);
        let anchored = regex_automata::meta::Regex::new(pattern)
            .unwrap_or_else(|e| panic!("date rule {name}: {e}"));
        Rule {
            name,
            pattern: pattern.to_string(),
            build,
            filter,
            anchored,
        }
    }

    /// The rule, with the groups of its plain-ASCII matches read by
    /// `reader` when it can ([`by_hand`]), rather than by the backtracker:
    /// for the few rules whose matches are read most often.
    pub(crate) fn read_by_hand(mut self, reader: by_hand::Reader) -> Rule {
        self.filter.read_by_hand(reader);
        self
    }

    /// The rule, with the accented windows whose text `rejects` accepts
    /// passed over without its search ([`filter::Projected::rejects`]):
    /// `rejects` must accept only texts that are, wherever the filter
    /// matches them, the rule's whole match and one its `build` rejects.
    pub(crate) fn rejects(mut self, rejects: fn(&str) -> bool) -> Rule {
        self.filter.rejects(rejects);
        self
    }
}

/// The gate in front of a language's rules ([`gate::Gate`]), over the
/// rules' required pieces ([`filter::gate_factors`]).
fn loose_rules(rules: &[Rule]) -> gate::Gate {
    let mut factors: Vec<String> = Vec::new();
    let needs = rules
        .iter()
        .map(|r| {
            filter::gate_factors(&r.pattern)
                .into_iter()
                .map(|f| match factors.iter().position(|g| *g == f) {
                    Some(i) => i,
                    None => {
                        factors.push(f);
                        factors.len() - 1
                    }
                })
                .collect()
        })
        .collect();
    gate::Gate::new(&factors, needs)
}

static FR_LOOSE: Lazy<gate::Gate> = Lazy::new(|| loose_rules(&fr::RULES));
static EN_LOOSE: Lazy<gate::Gate> = Lazy::new(|| loose_rules(&en::RULES));

/// A match of a rule that overlaps no longer one, with its meaning.
#[derive(Debug)]
struct Candidate {
    span: Span,
    expr: Expr,
    rule: &'static str,
}

/// A match of a rule, before overlaps are settled ([`select`]).
struct Match {
    span: Span,
    meaning: Meaning,
    rule: &'static str,
}

/// What a [`Match`] means.
enum Meaning {
    /// Read from its groups.
    Built(Expr),
    /// Not read yet: a match of `rule` on plain ASCII in the `sentence`
    /// whose span is its whole match ([`filter::Found::Span`]). Its groups
    /// are read only if it overlaps no longer match, as most matches do.
    Pending { rule: &'static Rule, sentence: Span },
}

impl Meaning {
    /// The meaning of the match at `span` of `doc_text`, `None` if its rule
    /// rejects it.
    fn read(self, doc_text: &str, span: Span) -> Option<Expr> {
        match self {
            Meaning::Built(expr) => Some(expr),
            Meaning::Pending { rule, sentence } => {
                let text = doc_text.get(sentence.range())?;
                let (start, end) = (span.start - sentence.start, span.end - sentence.start);
                let mut expr = None;
                rule.filter
                    .plain_captures(&rule.anchored, text, start, end, |caps| {
                        expr = (rule.build)(caps, text);
                    });
                expr
            }
        }
    }
}

/// A language's word lists, so rules are written once over them.
pub(crate) struct Locale {
    /// Month names and abbreviations (lowercase) → 1–12.
    pub months: &'static [(&'static str, u32)],
    /// Weekday names (lowercase) → 0 (Monday) – 6.
    pub weekdays: &'static [(&'static str, u32)],
    /// Number words (lowercase) → value.
    pub numbers: &'static [(&'static str, u32)],
    /// Ordinal words (lowercase) → value.
    pub ordinals: &'static [(&'static str, u32)],
}

impl Locale {
    /// A regex alternation of the words of `list`, longest first, so the
    /// leftmost-first regex engine prefers "septembre" over "sept".
    pub(crate) fn alt(list: &[(&str, u32)]) -> String {
        let mut words: Vec<&str> = list.iter().map(|(w, _)| *w).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words
            .iter()
            .map(|w| regex::escape(w).replace('\'', "['’]"))
            .collect::<Vec<_>>()
            .join("|")
    }

    /// The value of `word` in `list`, ignoring case and a final period.
    pub(crate) fn lookup(list: &[(&str, u32)], word: &str) -> Option<u32> {
        let word = word.trim_end_matches('.');
        if word.is_ascii() {
            // The words of the lists are lowercase: an ASCII word equals
            // one, lowercased, when it equals it ignoring ASCII case (no
            // new strings for the common case).
            return list
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(word))
                .map(|(_, v)| *v);
        }
        let w = word.to_lowercase().replace('’', "'");
        list.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
    }

    /// A number written in digits ("30,4", "1.5") or in words ("dix-huit",
    /// "vingt et un", "quatre-vingts", "twenty-one", "a hundred").
    pub(crate) fn number(&self, s: &str) -> Option<f64> {
        let s = s.trim();
        if s.starts_with(|c: char| c.is_ascii_digit()) {
            return s.replace(',', ".").parse().ok();
        }
        let mut total = 0u32;
        let mut current = 0u32;
        let mut prev = 0u32;
        let mut any = false;
        let lower = s.to_lowercase();
        for word in lower.split(|c: char| c == '-' || c.is_whitespace()) {
            if word.is_empty() || word == "et" || word == "and" {
                continue;
            }
            let word = word.trim_end_matches('s');
            let value = Locale::lookup(self.numbers, word)
                .or_else(|| Locale::lookup(self.numbers, &format!("{word}s")))?;
            any = true;
            match value {
                100 => current = current.max(1) * 100,
                1000 => {
                    total += current.max(1) * 1000;
                    current = 0;
                }
                // "quatre-vingts": four twenties.
                20 if prev == 4 => current = current - 4 + 80,
                v => current += v,
            }
            prev = value;
        }
        any.then_some(f64::from(total + current))
    }
}

/// `s` lowercased, borrowed when it already is (ASCII without capitals,
/// as most words of a match are): `str::to_lowercase` made a new string
/// for every word the rules look at.
pub(crate) fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// A year written with four digits, or two ("octobre 98", "'82"): 00–49
/// are 20xx, 50–99 are 19xx.
pub(crate) fn year_number(s: &str) -> Option<i32> {
    let digits = s.trim_start_matches(['\'', '’']);
    let n: i32 = digits.parse().ok()?;
    Some(match digits.len() {
        2 if n < 50 => 2000 + n,
        2 => 1900 + n,
        4 => n,
        _ => return None,
    })
}

/// The groups of one match of a rule, over the text the rule ran on: what
/// [`regex::Captures`] gives, read from a regex-automata search instead, so
/// that the search can be anchored and its buffer reused for every match.
pub(crate) struct Captures<'t> {
    text: &'t str,
    caps: &'t regex_automata::util::captures::Captures,
    /// The pattern's group names by group index, as [`name_key`]s (0 for
    /// a group without a name).
    names: &'t [u64],
}

/// A group name as one number, its bytes zero-padded (a name holds no NUL),
/// so that finding a group by name compares numbers rather than strings;
/// `None` for a name that is empty or longer than eight bytes, which no
/// rule's group has ([`filter::Projected::new`] checks).
#[inline]
pub(crate) fn name_key(name: &str) -> Option<u64> {
    let bytes = name.as_bytes();
    if !(1..=8).contains(&bytes.len()) {
        return None;
    }
    // Byte by byte rather than through a copy into a buffer (a `memcpy`
    // call), so that a name written in the code folds to a constant.
    Some(
        bytes
            .iter()
            .enumerate()
            .fold(0, |key, (i, &b)| key | u64::from(b) << (8 * i)),
    )
}

/// One group of a match ([`Captures`]), as [`regex::Match`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    /// The group's text.
    pub(crate) fn as_str(&self) -> &'t str {
        self.text.get(self.start..self.end).unwrap_or("")
    }

    /// Where the group starts in the text the rule ran on.
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    /// Where the group ends in the text the rule ran on.
    pub(crate) fn end(&self) -> usize {
        self.end
    }

    /// True when the group matched the empty string.
    pub(crate) fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

impl<'t> Captures<'t> {
    /// The captures in `caps`, from a search of `text` by a pattern whose
    /// group names are `names` ([`name_key`]s by group index).
    pub(crate) fn new(
        text: &'t str,
        caps: &'t regex_automata::util::captures::Captures,
        names: &'t [u64],
    ) -> Captures<'t> {
        Captures { text, caps, names }
    }

    /// Group `i` (0: the whole match), if it took part in the match.
    pub(crate) fn get(&self, i: usize) -> Option<Group<'t>> {
        self.group(self.caps.get_group(i))
    }

    /// The group named `name`, if it took part in the match.
    ///
    /// Found by comparing the name, as one number ([`name_key`]), with the
    /// pattern's few names: `get_group_by_name` hashes the name (SipHash)
    /// at every call, and reading the names as strings cost several times
    /// more; the rules ask for several groups of every match.
    #[inline]
    pub(crate) fn name(&self, name: &str) -> Option<Group<'t>> {
        let key = name_key(name)?;
        let index = self.names.iter().position(|&k| k == key)?;
        self.get(index)
    }

    fn group(&self, span: Option<regex_automata::Span>) -> Option<Group<'t>> {
        span.map(|s| Group {
            text: self.text,
            start: s.start,
            end: s.end,
        })
    }
}

/// A named group's text.
#[inline]
pub(crate) fn group<'t>(caps: &Captures<'t>, name: &str) -> Option<&'t str> {
    caps.name(name).map(|m| m.as_str())
}

/// A time zone as written ("UTC+01:00", "GMT", "EST") → its ISO suffix.
pub(crate) fn zone(s: &str) -> Option<String> {
    let s = s.trim().trim_matches(['(', ')']).trim();
    let upper = s.to_ascii_uppercase();
    let named = match upper.as_str() {
        "UTC" | "GMT" | "Z" => Some("Z"),
        "EST" | "CDT" => Some("-05:00"),
        "EDT" => Some("-04:00"),
        "CST" | "MDT" => Some("-06:00"),
        "MST" | "PDT" => Some("-07:00"),
        "PST" => Some("-08:00"),
        "CET" | "BST" => Some("+01:00"),
        "CEST" => Some("+02:00"),
        _ => None,
    };
    if let Some(z) = named {
        return Some(z.to_string());
    }
    static OFFSET: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$").expect("zone regex")
    });
    let caps = OFFSET.captures(&upper)?;
    let sign = if &caps[1] == "+" { '+' } else { '-' };
    let hours: u32 = caps[2].parse().ok()?;
    let minutes: u32 = caps.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
    (hours <= 14 && minutes < 60).then(|| format!("{sign}{hours:02}:{minutes:02}"))
}

/// A tense marker pattern, with its filter ([`filter::Projected`]): the
/// markers' Unicode boundaries and `\w` runs kept the regex crate on its
/// slowest engine over every sentence.
struct Marker {
    /// The pattern, built with regex-automata for anchored searches
    /// ([`filter::Projected::find`]).
    re: regex_automata::meta::Regex,
    filter: filter::Projected,
    #[cfg(test)]
    re_pattern: &'static str,
}

impl Marker {
    fn new(pattern: &'static str) -> Result<Marker, Box<regex_automata::meta::BuildError>> {
        Ok(Marker {
            re: regex_automata::meta::Regex::builder()
                .configure(
                    regex_automata::meta::Regex::config()
                        .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit),
                )
                .build(pattern)
                .map_err(Box::new)?,
            filter: filter::Projected::new(pattern),
            #[cfg(test)]
            re_pattern: pattern,
        })
    }
}

/// The future and past markers of `lang`.
fn markers(lang: Lang) -> (&'static Marker, &'static Marker) {
    static FR_FUTURE: Lazy<Marker> = Lazy::new(|| {
        Marker::new(
            r"(?i)\b(?:(?:sera|seront)(?:\s+\w+(?:é|ée|és|ées))?|aura|auront|va|vont|doit|doivent|devra|devront|ira|iront|fera|feront|pourra|pourront|prévue?s?|prochaine?s?|\w{3,}(?:era|eront|iront|ira|dra|dront|vra|vront|rra|rront))\b",
        )
        .expect("fr future")
    });
    static FR_PAST: Lazy<Marker> = Lazy::new(|| {
        Marker::new(
            r"(?i)\b(?:(?:a|ont|avait|avaient|est|sont|était|étaient|s'est|se\s+sont)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|erte)|\w{2,}(?:ait|aient)|dernière?s?|hier)\b",
        )
        .expect("fr past")
    });
    static EN_FUTURE: Lazy<Marker> = Lazy::new(|| {
        Marker::new(
            r"(?i)\b(?:(?:will|'ll|shall)(?:\s+(?:not|be|have|been|\w+ed))*|going\s+to|is\s+to|are\s+to|set\s+to|scheduled|expected\s+to|plans?\s+to|due\s+to|next|upcoming|until)\b",
        )
        .expect("en future")
    });
    static EN_PAST: Lazy<Marker> = Lazy::new(|| {
        Marker::new(
            r"(?i)\b(?:was|were|had|did|said|met|told|made|took|gave|came|went|saw|began|won|lost|left|held|announced|\w{2,}ed|last|ago|yesterday)\b",
        )
        .expect("en past")
    });
    match lang {
        Lang::Fr => (&*FR_FUTURE, &*FR_PAST),
        Lang::En => (&*EN_FUTURE, &*EN_PAST),
    }
}

/// Where a sentence's verbs say past or future: the spans of its tense
/// markers, found once per sentence so that placing many dates in one long
/// sentence stays O(n log n).
///
/// The markers are found as far as the timexes asked about need them (the
/// nearest marker on either side), not to the sentence's end: a date
/// early in a long sentence reads its first few words.
struct Tenses<'t> {
    sentence: &'t str,
    projection: filter::View<'t>,
    future: Markers,
    past: Markers,
}

/// The spans of a marker in a sentence, found in order up to some point.
struct Markers {
    marker: &'static Marker,
    spans: Vec<(usize, usize)>,
    /// Where the search for the next span starts; `None` once all are
    /// found.
    next: Option<usize>,
}

impl Markers {
    fn new(marker: &'static Marker, sentence: &str, projection: &filter::View<'_>) -> Markers {
        let mut markers = Markers {
            marker,
            spans: Vec::new(),
            next: Some(0),
        };
        if !marker.filter.nonempty() {
            // A marker that matches the empty string is found all at once.
            let spans = &mut markers.spans;
            marker
                .filter
                .find(&marker.re, sentence, projection, |start, end| {
                    spans.push((start, end));
                });
            markers.next = None;
        }
        markers
    }

    /// The spans of every marker that ends at or before `at`, and of the
    /// first that ends after it, if any (and maybe more).
    fn through(
        &mut self,
        at: usize,
        sentence: &str,
        projection: &filter::View<'_>,
    ) -> &[(usize, usize)] {
        while let Some(from) = self.next {
            if self.spans.last().is_some_and(|&(_, end)| end > at) {
                break;
            }
            let found = self
                .marker
                .filter
                .find_from(&self.marker.re, sentence, projection, from);
            self.next = found.map(|(_, end)| end);
            self.spans.extend(found);
        }
        &self.spans
    }
}

impl<'t> Tenses<'t> {
    /// The markers of `sentence`, whose projection is `projection`.
    fn new(lang: Lang, sentence: &'t str, projection: filter::View<'t>) -> Tenses<'t> {
        let (future, past) = markers(lang);
        Tenses {
            sentence,
            future: Markers::new(future, sentence, &projection),
            past: Markers::new(past, sentence, &projection),
            projection,
        }
    }

    /// Past or future for the timex at byte `at` of the sentence: the
    /// nearest marker wins; none gives [`Dir::Past`] (news reports the
    /// past).
    fn at(&mut self, at: usize) -> Dir {
        // Markers do not overlap, so starts and ends are both sorted.
        let nearest = |spans: &[(usize, usize)]| {
            let i = spans.partition_point(|&(_, end)| end <= at);
            let before = i
                .checked_sub(1)
                .and_then(|j| spans.get(j))
                .map(|&(_, e)| at - e);
            let after = spans.get(i).map(|&(s, _)| s.saturating_sub(at));
            match (before, after) {
                (Some(b), Some(a)) => Some(b.min(a)),
                (b, a) => b.or(a),
            }
        };
        let (sentence, projection) = (self.sentence, &self.projection);
        // With no future marker the answer is the past, whatever the past
        // markers: they are not searched for (most sentences have none).
        let Some(future) = nearest(self.future.through(at, sentence, projection)) else {
            return Dir::Past;
        };
        match nearest(self.past.through(at, sentence, projection)) {
            Some(past) if past <= future => Dir::Past,
            _ => Dir::Future,
        }
    }
}

/// The projection of a document ([`filter::Projection`]), made on first
/// use (most sentences pass no gate and need none) and kept in a
/// thread-local buffer so that documents reuse its allocation.
#[derive(Default)]
struct DocProjection {
    buffer: Option<filter::Projection>,
    /// Where the last sentence's non-ASCII chars began in the projection's
    /// list ([`filter::Projection::view_after`]).
    next: usize,
}

thread_local! {
    static PROJECTION: std::cell::Cell<Option<filter::Projection>> =
        const { std::cell::Cell::new(None) };
}

impl DocProjection {
    /// The projection of `text`, the document's text (the same at every
    /// call).
    fn get(&mut self, text: &str) -> &filter::Projection {
        self.buffer.get_or_insert_with(|| project(text))
    }

    /// The projection of bytes `start..end` of `text`, the document's text
    /// (the same at every call); fastest when the ranges come in order.
    fn view(&mut self, text: &str, start: usize, end: usize) -> filter::View<'_> {
        let DocProjection { buffer, next } = self;
        buffer
            .get_or_insert_with(|| project(text))
            .view_after(next, start, end)
    }
}

/// The projection of `text`, in the thread's buffer if it has one.
fn project(text: &str) -> filter::Projection {
    let mut p = PROJECTION.with(std::cell::Cell::take).unwrap_or_default();
    p.set(text);
    p
}

impl Drop for DocProjection {
    fn drop(&mut self) {
        if let Some(p) = self.buffer.take() {
            PROJECTION.with(|cell| cell.set(Some(p)));
        }
    }
}

impl DateRules {
    /// The stage, with the French and English rules (compiled once, on
    /// first use, and shared by every instance).
    pub fn new() -> DateRules {
        DateRules::default()
    }

    /// Every rule's match in the `sentence` of `doc_text`, into `out`;
    /// `projection` is the document's ([`DocProjection`]).
    ///
    /// One pass of the rules' gate ([`gate::Gate`]) over the
    /// sentence first tells which rules may match; only those run, each
    /// through its projected filter ([`filter::Projected::captures`]),
    /// which finds on the fast engine where a match may start, so that the
    /// rule's own (slow) engine runs anchored there, and captures only
    /// where it matches (most sentences hold one or two dated expressions,
    /// and there are some thirty rules per language). Each step only skips
    /// work that would have found nothing, so the matches are those of the
    /// rules alone over the sentence, as `captures_iter(sentence)` of a
    /// `regex::Regex` of the pattern gives them.
    ///
    /// (The rules used to run on windows of 48 bytes around the matches of
    /// a loosened pattern; those loose matches, at every "an" or "été"
    /// inside a word, cost more than the rules, and the windows covered
    /// most of the text anyway.)
    fn find(
        &self,
        lang: Lang,
        doc_text: &str,
        sentence: Span,
        projection: &mut DocProjection,
        found: &mut gate::Found,
        out: &mut Vec<Match>,
    ) {
        let Some(text) = doc_text.get(sentence.range()) else {
            return;
        };
        let (rules, loose) = match lang {
            Lang::Fr => (&*fr::RULES, &*FR_LOOSE),
            Lang::En => (&*en::RULES, &*EN_LOOSE),
        };
        let offset = sentence.start;
        let projection = projection.view(doc_text, offset, offset + text.len());
        for (i, bounds) in loose.candidates(projection.text(), found) {
            let Some(rule) = rules.get(i) else {
                continue;
            };
            rule.filter
                .captures_or_spans(&rule.anchored, text, &projection, bounds, |found| {
                    let caps = match found {
                        filter::Found::Groups(caps) => caps,
                        filter::Found::Span(start, end) => {
                            if start < end && is_bounded(text, start, end) {
                                out.push(Match {
                                    span: Span::new(start + offset, end + offset),
                                    meaning: Meaning::Pending { rule, sentence },
                                    rule: rule.name,
                                });
                            }
                            return;
                        }
                    };
                    let Some(m) = caps.name("t").or_else(|| caps.get(0)) else {
                        return;
                    };
                    if m.is_empty() || !is_bounded(text, m.start(), m.end()) {
                        return;
                    }
                    if let Some(expr) = (rule.build)(caps, text) {
                        out.push(Match {
                            span: Span::new(m.start() + offset, m.end() + offset),
                            meaning: Meaning::Built(expr),
                            rule: rule.name,
                        });
                    }
                });
        }
    }
}

/// True when `start..end` does not cut a word (or number) in two.
fn is_bounded(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric();
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let first = text.get(start..).and_then(|s| s.chars().next());
    let last = text.get(..end).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let cut = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if word(a) && word(b));
    !cut(before, first) && !cut(last, after)
}

/// Keeps the longest of overlapping matches (the earlier one on a tie)
/// that their rules accept, in text order, with their meanings. O(n log n)
/// in the number of matches.
///
/// A match is read ([`Meaning::read`]) only when no longer match is kept
/// over it: the result is that of reading every match first and dropping
/// those their rules reject, since a rejected match keeps out nothing.
fn select(mut all: Vec<Match>, doc_text: &str) -> Vec<Candidate> {
    all.sort_by_key(|c| (std::cmp::Reverse(c.span.len()), c.span.start));
    // start → end of the kept spans, which never overlap one another.
    let mut kept: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut out: Vec<Option<Candidate>> = Vec::new();
    for c in all {
        let before = kept.range(..c.span.end).next_back();
        if matches!(before, Some((_, &(end, _))) if end > c.span.start) {
            continue;
        }
        let Some(expr) = c.meaning.read(doc_text, c.span) else {
            continue;
        };
        kept.insert(c.span.start, (c.span.end, out.len()));
        out.push(Some(Candidate {
            span: c.span,
            expr,
            rule: c.rule,
        }));
    }
    kept.values()
        .filter_map(|&(_, i)| out.get_mut(i).and_then(Option::take))
        .collect()
}

impl Stage for DateRules {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Language, Layer::Sentences]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Timexes]
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let langs: &[Lang] = match doc.lang {
            Some(Lang::Fr) => &[Lang::Fr],
            Some(Lang::En) => &[Lang::En],
            None => &[Lang::Fr, Lang::En],
        };
        // Sentences cover the text; a document without any (a skipped
        // splitter) is read as one block.
        let blocks: Vec<(Span, SentenceKind)> = if doc.sentences.is_empty() {
            vec![(Span::new(0, doc.text.len()), SentenceKind::Body)]
        } else {
            doc.sentences.iter().map(|s| (s.span, s.kind)).collect()
        };
        let mut all = Vec::new();
        let mut projection = DocProjection::default();
        let mut found = gate::Found::default();
        for &(span, _) in &blocks {
            for &lang in langs {
                self.find(lang, &doc.text, span, &mut projection, &mut found, &mut all);
            }
        }
        let found = select(all, &doc.text);
        if doc.date.is_none() {
            read_document_date(doc, &found, &blocks);
        }
        let lang = doc.lang.unwrap_or(Lang::Fr);
        let mut timexes: Vec<Timex> = Vec::with_capacity(found.len());
        let mut unanchored = Vec::new();
        let mut tenses: Option<(usize, Tenses)> = None;
        let whole = projection.get(&doc.text);
        for c in &found {
            // The tense only matters when there is a document date to place
            // the expression around, and an expression placed by it;
            // reading it costs regex passes over the sentence.
            let needs_tense = doc.date.is_some() && c.expr.reads_tense();
            let tense = match doc
                .sentence_at(c.span.start)
                .map(|s| s.span)
                .filter(|_| needs_tense)
            {
                Some(s) => {
                    if tenses.as_ref().map(|(start, _)| *start) != Some(s.start) {
                        let text = doc.text.get(s.range()).unwrap_or("");
                        let view = whole.view(s.start, s.start + text.len());
                        tenses = Some((s.start, Tenses::new(lang, text, view)));
                    }
                    tenses
                        .as_mut()
                        .map_or(Dir::Past, |(start, t)| t.at(c.span.start - *start))
                }
                None => Dir::Past,
            };
            let ctx = Context {
                doc_date: doc.date,
                tense,
            };
            let Some((kind, value)) = resolve::resolve(&c.expr, &ctx) else {
                continue;
            };
            if matches!(c.expr, Expr::Time { day: None, .. } | Expr::Anchored(..)) {
                unanchored.push(timexes.len());
            }
            timexes.push(Timex {
                span: c.span,
                kind,
                value,
                rule: c.rule,
            });
        }
        anchor_times(doc, &mut timexes, &unanchored);
        let mut timexes = join_date_and_time(doc, timexes);
        for t in &mut timexes {
            t.span = without_leading_article(&doc.text, t.span);
        }
        doc.timexes = timexes;
        Ok(())
    }
}

/// Joins a day and the time that follows it ("15 Octobre 2021 17:52
/// (UTC+01:00)", "mardi 12 mai à 10 h 30") into one TIME: one point in time,
/// one timex, as in the user's reference annotation.
fn join_date_and_time(doc: &Document, timexes: Vec<Timex>) -> Vec<Timex> {
    let mut out: Vec<Timex> = Vec::with_capacity(timexes.len());
    for t in timexes {
        if let Some(prev) = out.last_mut() {
            let glue = doc.text.get(prev.span.end..t.span.start).unwrap_or("x");
            let glue_ok = glue.len() <= 6
                && glue
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .all(|w| matches!(w, "" | "à" | "at" | "-" | "–"));
            let day = prev.value.len() == 10 && prev.kind == crate::doc::TimexType::Date;
            if glue_ok
                && day
                && t.kind == crate::doc::TimexType::Time
                && t.value.starts_with(&prev.value)
            {
                prev.span = prev.span.cover(t.span);
                prev.kind = crate::doc::TimexType::Time;
                prev.value = t.value;
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// A range without the preposition that opens it: "de fin septembre à début
/// novembre 2020" → "fin septembre à début novembre 2020" (the "de ... à"
/// pair is the range's syntax, not part of either end). Articles stay, as in
/// French TimeBank ("le 10 novembre 2020", "la semaine dernière").
fn without_leading_article(text: &str, span: Span) -> Span {
    let Some(s) = text.get(span.range()) else {
        return span;
    };
    for article in ["de ", "De ", "du ", "Du "] {
        if let Some(rest) = s.strip_prefix(article) {
            let dated = rest.starts_with(|c: char| c.is_ascii_digit())
                || ["fin ", "début ", "mi-", "courant "]
                    .iter()
                    .any(|w| rest.starts_with(w));
            if dated && rest.contains(" à ") && !article.trim().eq_ignore_ascii_case("le") {
                return Span::new(span.start + article.len(), span.end);
            }
        }
    }
    span
}

/// Puts a bare time ("vers 18 h", "la nuit") on the day the text is talking
/// about: a date right after it ("at 16:15 UTC, June 1st"), else the last
/// dated expression before it in its sentence or the three before, else the
/// first one after it in its sentence; else the document date (already in
/// the value).
fn anchor_times(doc: &Document, timexes: &mut [Timex], unanchored: &[usize]) {
    let is_day = |v: &str| {
        v.len() >= 10
            && v.as_bytes().get(4) == Some(&b'-')
            && v.as_bytes().get(7) == Some(&b'-')
            && !v.contains('/')
    };
    let sentence_index = |at: usize| doc.sentences.partition_point(|s| s.span.end <= at);
    for &i in unanchored {
        let Some(t) = timexes.get(i) else { continue };
        let here = sentence_index(t.span.start);
        let next_to = timexes
            .get(i + 1)
            .filter(|o| o.span.start.saturating_sub(t.span.end) <= 3 && is_day(&o.value));
        let before = timexes[..i]
            .iter()
            .rev()
            .take_while(|o| sentence_index(o.span.start) + 3 >= here)
            .find(|o| is_day(&o.value));
        let after = || {
            timexes[i + 1..]
                .iter()
                .take_while(|o| sentence_index(o.span.start) == here)
                .find(|o| is_day(&o.value))
        };
        let Some(day) = next_to
            .or(before)
            .or_else(after)
            .and_then(|o| o.value.get(..10))
        else {
            continue;
        };
        let day = day.to_string();
        if let Some(t) = timexes.get_mut(i) {
            if let Some(rest) = t.value.get(10..) {
                t.value = format!("{day}{rest}");
            }
        }
    }
}

/// Sets the document date from the first full date of a timestamp line, or
/// of the first 500 bytes, with the time and zone that follow it.
fn read_document_date(doc: &mut Document, found: &[Candidate], blocks: &[(Span, SentenceKind)]) {
    let in_timestamp = |c: &Candidate| {
        blocks
            .iter()
            .any(|(s, k)| *k == SentenceKind::Timestamp && s.contains(c.span))
    };
    let pick = found
        .iter()
        .position(|c| c.expr.is_full_date() && in_timestamp(c))
        .or_else(|| {
            found
                .iter()
                .position(|c| c.expr.is_full_date() && c.span.start < 500)
        });
    let Some(i) = pick else { return };
    let ctx = Context {
        doc_date: None,
        tense: Dir::Past,
    };
    let Some((_, value)) = found.get(i).and_then(|c| resolve::resolve(&c.expr, &ctx)) else {
        return;
    };
    let Ok(date) = value.parse::<NaiveDate>() else {
        return;
    };
    doc.date = Some(date);
    doc.date_source = Some(DateSource::Text);
    // A time right after the date, on the same line: "15 Octobre 2021
    // 17:52 (UTC+01:00)", "1er janvier 2016, 14h30".
    let (Some(c), Some(next)) = (found.get(i), found.get(i + 1)) else {
        return;
    };
    let gap = doc.text.get(c.span.end..next.span.start).unwrap_or("\n");
    if gap.len() > 12 || gap.contains('\n') {
        return;
    }
    if let Expr::Time {
        day: None,
        hour,
        minute,
        zone,
    } = &next.expr
    {
        doc.timestamp = Some(format!(
            "{value}T{hour:02}:{minute:02}{}",
            zone.as_deref().unwrap_or("")
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Sentence;

    fn run(text: &str, lang: Option<Lang>, date: Option<&str>) -> Document {
        let mut doc = Document::new("t", text);
        doc.lang = lang;
        doc.date = date.map(|d| d.parse().unwrap());
        doc.sentences = vec![Sentence {
            span: Span::new(0, text.len()),
            kind: SentenceKind::Body,
        }];
        DateRules::new().run(&mut doc).unwrap();
        doc
    }

    fn assert_timex(doc: &Document, text: &str, value: &str) {
        let found: Vec<(&str, &str)> = doc
            .timexes
            .iter()
            .map(|t| (t.span.slice(&doc.text), t.value.as_str()))
            .collect();
        assert!(
            found.contains(&(text, value)),
            "expected {text:?} = {value:?}, got {found:?}"
        );
    }

    #[test]
    fn locale_words_are_lowercase() {
        // `Locale::lookup` compares ASCII words ignoring case on that basis.
        for locale in [&fr::LOCALE, &en::LOCALE] {
            for list in [
                locale.months,
                locale.weekdays,
                locale.numbers,
                locale.ordinals,
            ] {
                for (word, _) in list {
                    assert_eq!(*word, word.to_lowercase());
                }
            }
        }
        assert_eq!(Locale::lookup(fr::LOCALE.months, "Sept."), Some(9));
        assert_eq!(Locale::lookup(fr::LOCALE.months, "DÉCEMBRE"), Some(12));
    }

    #[test]
    fn every_rule_compiles() {
        assert!(!fr::RULES.is_empty());
        assert!(!en::RULES.is_empty());
    }

    #[test]
    fn numbers_in_words() {
        let fr = &fr::LOCALE;
        assert_eq!(fr.number("dix-huit"), Some(18.0));
        assert_eq!(fr.number("vingt et un"), Some(21.0));
        assert_eq!(fr.number("quatre-vingts"), Some(80.0));
        assert_eq!(fr.number("deux cents"), Some(200.0));
        assert_eq!(fr.number("30,4"), Some(30.4));
        assert_eq!(en::LOCALE.number("twenty-one"), Some(21.0));
        assert_eq!(en::LOCALE.number("a hundred"), Some(100.0));
    }

    #[test]
    fn zones() {
        assert_eq!(zone("(UTC+01:00)").as_deref(), Some("+01:00"));
        assert_eq!(zone("GMT").as_deref(), Some("Z"));
        assert_eq!(zone("EST").as_deref(), Some("-05:00"));
        assert_eq!(zone("UTC-3").as_deref(), Some("-03:00"));
    }

    #[test]
    fn reads_the_document_date_and_timestamp() {
        let doc = run(
            "Bakou\n15 Octobre 2021 17:52 (UTC+01:00)\nLe ministre est arrivé hier.",
            Some(Lang::Fr),
            None,
        );
        assert_eq!(doc.date, "2021-10-15".parse().ok());
        assert_eq!(doc.date_source, Some(DateSource::Text));
        assert_eq!(doc.timestamp.as_deref(), Some("2021-10-15T17:52+01:00"));
        assert_timex(&doc, "hier", "2021-10-14");
    }

    #[test]
    fn longest_match_wins() {
        let doc = run("Il viendra le mardi 12 mai 2020.", Some(Lang::Fr), None);
        assert_eq!(doc.timexes.len(), 1);
        assert_timex(&doc, "le mardi 12 mai 2020", "2020-05-12");
    }

    #[test]
    fn times_take_the_day_talked_about() {
        let doc = run(
            "Il a été blessé mardi vers 21 h 45.",
            Some(Lang::Fr),
            Some("1999-05-20"),
        );
        assert_timex(&doc, "mardi", "1999-05-18");
        assert_timex(&doc, "21 h 45", "1999-05-18T21:45");
    }

    #[test]
    fn unknown_language_tries_both() {
        let doc = run("hier, yesterday", None, Some("2021-10-15"));
        assert_timex(&doc, "hier", "2021-10-14");
        assert_timex(&doc, "yesterday", "2021-10-14");
    }

    #[test]
    fn never_panics_and_stays_on_char_boundaries() {
        let texts = [
            "",
            "é",
            "1er",
            "le 31 février 2021",
            "à 25 h 99",
            "99:99",
            "l'été été été",
            "hier😀demain",
            "0000-00-00 9999-99-99",
        ];
        for text in texts {
            let doc = run(text, None, Some("2021-10-15"));
            for t in &doc.timexes {
                assert!(doc.text.get(t.span.range()).is_some(), "{text:?}");
            }
        }
    }

    #[test]
    fn many_dates_stay_fast() {
        let text = "le 10 novembre 2020, hier et 14h30 ; ".repeat(5000);
        let start = std::time::Instant::now();
        let doc = run(&text, Some(Lang::Fr), Some("2021-10-15"));
        assert_eq!(doc.timexes.len(), 15000);
        assert!(start.elapsed().as_secs() < 20);
    }
}
