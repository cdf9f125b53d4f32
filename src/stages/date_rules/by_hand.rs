//! Groups of the busiest rules' matches read by hand, from the match alone.
//!
//! A match on plain ASCII comes from the filter's lazy DFA as a span only
//! ([`super::filter::Found::Span`]); when it is kept, its groups used to be
//! read by the bounded backtracker, which clears its visited set and walks
//! the pattern's NFA at every call (some 1,500 instructions for
//! "le 12 mai 2020"). The match is known to be one of the rule's, so for
//! the common shapes of the rules whose matches are read most often (a
//! bare year, "<day> <month> <year>", "<n> <unit>", "9 h 30", a month or a
//! word alone, "last week") the groups are just its words: a reader here
//! splits the match on spaces and names the words. A reader declines (`None`) any
//! match it does not fully understand, and the backtracker reads it, as
//! before; the tests compare both ways with the regex crate's captures.

use std::ops::Range;

use regex_automata::util::primitives::NonMaxUsize;

use super::name_key;

/// Reads the groups of a whole match of its rule (the text given, plain
/// ASCII) into [`Groups`]; `None` when the match is not of the shape it
/// reads.
pub(crate) type Reader = fn(&str, &mut Groups<'_>) -> Option<()>;

/// The group slots of a match being read by hand, by group name.
pub(crate) struct Groups<'a> {
    /// The pattern's group names by index ([`name_key`]s).
    names: &'a [u64],
    /// Two slots per group (start, end), as in regex-automata's captures.
    slots: &'a mut [Option<NonMaxUsize>],
    /// Where the match starts in the text the rule ran on: the reader's
    /// ranges are within the match.
    offset: usize,
}

impl<'a> Groups<'a> {
    /// Slots for the groups of the pattern named `names`, all cleared, for
    /// a match that starts at `offset`.
    pub(crate) fn new(
        names: &'a [u64],
        slots: &'a mut [Option<NonMaxUsize>],
        offset: usize,
    ) -> Groups<'a> {
        slots.fill(None);
        Groups {
            names,
            slots,
            offset,
        }
    }

    /// Group `index` spans `range` of the match.
    pub(crate) fn set_index(&mut self, index: usize, range: Range<usize>) -> Option<()> {
        let start = NonMaxUsize::new(self.offset + range.start)?;
        let end = NonMaxUsize::new(self.offset + range.end)?;
        *self.slots.get_mut(2 * index)? = Some(start);
        *self.slots.get_mut(2 * index + 1)? = Some(end);
        Some(())
    }

    /// The group named `name` spans `range` of the match; `None` if the
    /// pattern has no such group (a reader given to the wrong rule).
    pub(crate) fn set(&mut self, name: &str, range: Range<usize>) -> Option<()> {
        let key = name_key(name)?;
        let index = self.names.iter().position(|&k| k == key)?;
        self.set_index(index, range)
    }

    /// True when the pattern has a group named `name`.
    pub(crate) fn has(&self, name: &str) -> bool {
        name_key(name).is_some_and(|key| self.names.contains(&key))
    }
}

/// True for the ASCII bytes that the rules' `\s` matches (`u8::
/// is_ascii_whitespace` leaves out the vertical tab, which `\s` takes).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// The words of `s` (runs of non-space bytes, [`is_space`]) as byte
/// ranges, in order.
pub(crate) fn words(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes.get(at..)?.iter().position(|&b| !is_space(b))?;
        let len = bytes[start..]
            .iter()
            .position(|&b| is_space(b))
            .unwrap_or(bytes.len() - start);
        at = start + len;
        Some(start..at)
    })
}

/// A year alone, "2020", of a rule "(?P<t>(?P<part>...)?(?P<y>\d{4}))":
/// the whole match is the year when it is four digits (no part before it:
/// "début 2020" is left to the backtracker).
pub(crate) fn year_alone(m: &str, groups: &mut Groups<'_>) -> Option<()> {
    if m.len() != 4 || !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    groups.set("y", 0..4)
}

/// "<day> <month> [<year>] [<rel>]" of a rule whose day is the first word
/// that starts with a digit or is `first_day` ("premier", written out),
/// and whose day, month, year (group `y`, if the rule has one) and
/// relative word (group `rel`) are whole words in that order, with only
/// words before the day that are not groups ("le", "mardi").
///
/// Shared by the rules with a year and without: the word after the month
/// is the year when the rule has a `y` group, else the relative word.
pub(crate) fn day_month_words(m: &str, groups: &mut Groups<'_>, first_day: &str) -> Option<()> {
    let is_day =
        |w: &str| w.starts_with(|c: char| c.is_ascii_digit()) || w.eq_ignore_ascii_case(first_day);
    let mut words = words(m).skip_while(|w| !is_day(&m[w.clone()]));
    groups.set("d", words.next()?)?;
    groups.set("m", words.next()?)?;
    if groups.has("y") {
        groups.set("y", words.next()?)?;
    }
    if let Some(rel) = words.next() {
        groups.set("rel", rel)?;
    }
    words.next().is_none().then_some(())
}

/// "<n> <unit> [et demi]" with `n` in digits, "3 ans", "2,5 heures et
/// demie", of a rule "(?P<n>...)\s+(?P<u>...)(?P<half>\s+et\s+demie?)?":
/// the number and the unit are the first two words, and anything after
/// the unit is the half. A match that opens with a word ("plus de 3 ans",
/// "trois ans") is left to the backtracker.
pub(crate) fn digits_and_unit(m: &str, groups: &mut Groups<'_>) -> Option<()> {
    if !m.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut words = words(m);
    groups.set("n", words.next()?)?;
    let unit = words.next()?;
    let unit_end = unit.end;
    groups.set("u", unit)?;
    if unit_end < m.len() {
        groups.set("half", unit_end..m.len())?;
    }
    Some(())
}

/// A match without a space, of a rule whose group `name` is the one part
/// it needs and whose optional parts each hold a space: "hier", of
/// "(?P<w>hier|...)(?:\s+(?P<p>matin|...))?". The word is that group.
pub(crate) fn word_alone(m: &str, groups: &mut Groups<'_>, name: &str) -> Option<()> {
    if m.bytes().any(is_space) {
        return None;
    }
    groups.set(name, 0..m.len())
}

/// A weekday alone, "mardi", "Tuesdays", of a rule
/// "(?:(?P<det>...)\s+)?(?P<wd>...)(?P<pl>s)?(?:\s+...)?" (a match without a
/// space): the word is the weekday, but for a final "s", its plural, as
/// no weekday name ends in "s" in either language (a test checks).
pub(crate) fn weekday_alone(m: &str, groups: &mut Groups<'_>) -> Option<()> {
    if m.bytes().any(is_space) {
        return None;
    }
    match m.len().checked_sub(1) {
        Some(last) if m.ends_with(['s', 'S']) => {
            groups.set("wd", 0..last)?;
            groups.set("pl", last..m.len())
        }
        _ => groups.set("wd", 0..m.len()),
    }
}

/// "<n> <unit>" of the same rule as [`digits_and_unit`], which it reads,
/// and also, with a number in words or a vague one, "trois ans", "une
/// heure", "quelques jours": a match of exactly two words is the number
/// and the unit, as every word before the number ("plus de", "environ")
/// and the half after the unit ("et demi") adds words of its own.
pub(crate) fn number_and_unit(m: &str, groups: &mut Groups<'_>) -> Option<()> {
    if m.starts_with(|c: char| c.is_ascii_digit()) {
        return digits_and_unit(m, groups);
    }
    let (first, second) = two_words(m)?;
    groups.set("n", first)?;
    groups.set("u", second)
}

/// The two words of `m`, if it has exactly two.
fn two_words(m: &str) -> Option<(Range<usize>, Range<usize>)> {
    let mut words = words(m);
    let pair = (words.next()?, words.next()?);
    words.next().is_none().then_some(pair)
}

/// "<h> h [<mi>]", "9 h", "14h30", of a rule
/// "(?P<h>[01]?\d|2[0-4])\s*h(?:\s*(?P<mi>[0-5]\d))?(?:\s*(?P<z>...))?":
/// the hour is the digits the match opens with, then comes the "h", then
/// the minutes are the two digits that end the match, if any. A match with
/// anything else after the "h" (a zone) is left to the backtracker.
pub(crate) fn hour_h_minute(m: &str, groups: &mut Groups<'_>) -> Option<()> {
    let bytes = m.as_bytes();
    let hour = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&hour) {
        return None;
    }
    groups.set("h", 0..hour)?;
    let h = hour
        + bytes
            .get(hour..)?
            .iter()
            .take_while(|&&b| is_space(b))
            .count();
    if !matches!(bytes.get(h), Some(b'h' | b'H')) {
        return None;
    }
    let after = h + 1;
    if after == m.len() {
        return Some(());
    }
    let mi = after
        + bytes
            .get(after..)?
            .iter()
            .take_while(|&&b| is_space(b))
            .count();
    let digits = bytes.get(mi..)?;
    if digits.len() != 2 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    groups.set("mi", mi..m.len())
}

/// "[<weekday>[,]] <month> <day>[<ord>][[,] <year>]", "June 12, 2020",
/// "Tuesday, Jan. 5", of a rule
/// "(?:(?:<weekday>),?\s+)?(?P<m>...)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?"
/// whose month is one word: the day is the digits that open the word after
/// the month, and the year, when there is one, is the last word, of four
/// digits (a day has at most two). Four words open with the weekday; of
/// three, the first is the weekday unless the last is a year.
pub(crate) fn month_day_year(m: &str, groups: &mut Groups<'_>) -> Option<()> {
    let all: Vec<Range<usize>> = words(m).collect();
    let bytes = m.as_bytes();
    let is_year = |w: &Range<usize>| {
        bytes
            .get(w.clone())
            .is_some_and(|w| w.len() == 4 && w.iter().all(u8::is_ascii_digit))
    };
    let (month, day, year) = match all.as_slice() {
        [month, day] => (month, day, None),
        [a, b, c] if is_year(c) => (a, b, Some(c)),
        [_, month, day] => (month, day, None),
        [_, month, day, year] => (month, day, Some(year)),
        _ => return None,
    };
    let digits = bytes
        .get(day.clone())?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    groups.set("m", month.clone())?;
    groups.set("d", day.start..day.start + digits)?;
    if let Some(year) = year {
        groups.set("y", year.clone())?;
    }
    Some(())
}

/// A month alone, "janvier", "May", of a rule whose group `name` is the
/// month and whose other parts each hold a space, but for a part before
/// the month written without one ("mi-janvier", "mid-May", "lateMay"),
/// which opens with one of `glued` or holds a hyphen: such a match is
/// left to the backtracker. No month name holds a hyphen or opens with
/// one of those words.
pub(crate) fn month_alone(
    m: &str,
    groups: &mut Groups<'_>,
    name: &str,
    glued: &[&str],
) -> Option<()> {
    let opens = |p: &str| m.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if m.bytes().any(|b| is_space(b) || b == b'-') || glued.iter().any(|p| opens(p)) {
        return None;
    }
    groups.set(name, 0..m.len())
}

/// "<month> <year>", "janvier 2020", "mars '98", of a rule whose month
/// (group `m`) and year (group `y`) are whole words and whose other parts
/// each add a word, but "mi-" glued to the month: a match of two words
/// whose first holds no hyphen is the month and the year.
pub(crate) fn month_year_words(m: &str, groups: &mut Groups<'_>) -> Option<()> {
    let (month, year) = two_words(m)?;
    if m.get(month.clone())?.contains('-') {
        return None;
    }
    groups.set("m", month)?;
    groups.set("y", year)
}

/// "<rel> <unit>", "last week", "this year", of a rule
/// "...(?P<rel>last|next|...)?\s*(?P<u>week|...)" whose other parts
/// ("earlier", "the end of", "early", "the") come before `rel`: a match
/// of two words whose first is one of `rels` (ignoring case) is the
/// relative word and the unit.
pub(crate) fn rel_and_unit(m: &str, groups: &mut Groups<'_>, rels: &[&str]) -> Option<()> {
    let (rel, unit) = two_words(m)?;
    let word = m.get(rel.clone())?;
    if !rels.iter().any(|r| r.eq_ignore_ascii_case(word)) {
        return None;
    }
    groups.set("rel", rel)?;
    groups.set("u", unit)
}

/// Any match of a rule whose only group is its span `t`, "actuellement",
/// "recently": there is nothing to read but the span, which is set before
/// the reader is called ([`super::filter::Projected::read_by_hand`]).
/// Declines for a rule with other groups.
pub(crate) fn span_only(_: &str, groups: &mut Groups<'_>) -> Option<()> {
    (groups.names.len() <= 2 && groups.has("t")).then_some(())
}

/// "<word> <name>", "ce matin", of a rule "(?:ce|cet|cette)\s+(?P<p>...)"
/// whose every match is two words, the second the group `name`.
pub(crate) fn second_word(m: &str, groups: &mut Groups<'_>, name: &str) -> Option<()> {
    let (_, second) = two_words(m)?;
    groups.set(name, second)
}

/// "hier", "hier soir", of a rule "(?P<w>hier|...)(?:\s+(?:<weekday>))?
/// (?:\s+(?P<p>matin|...))?(?:...)?" whose optional parts each start with a
/// space: a word alone is the group `w` ([`word_alone`]); of two words,
/// the second is the part of the day when it is one of `parts` (ignoring
/// case; no weekday is one), which no ASCII word but those can be.
pub(crate) fn word_and_part(m: &str, groups: &mut Groups<'_>, parts: &[&str]) -> Option<()> {
    if !m.bytes().any(is_space) {
        return word_alone(m, groups, "w");
    }
    let (word, part) = two_words(m)?;
    let p = m.get(part.clone())?;
    if !parts.iter().any(|w| w.eq_ignore_ascii_case(p)) {
        return None;
    }
    groups.set("w", word)?;
    groups.set("p", part)
}

/// "<n> <unit>", "12 years", "a year", of a rule
/// "(?:(?P<the>the)\s+...\s+)?(?:(?P<over>over)\s+)?(?P<n>...)(?P<adj>\s+(?:straight|...)\s+|\s+|-)(?P<u>...)(?P<old>-old)?"
/// whose parts before the number each add a word: a match of two words,
/// the second without a hyphen ("-old"), is the number, the space
/// between them (`adj`) and the unit.
pub(crate) fn number_space_unit(m: &str, groups: &mut Groups<'_>) -> Option<()> {
    let (n, u) = two_words(m)?;
    if m.get(u.clone())?.contains('-') {
        return None;
    }
    groups.set("adj", n.end..u.start)?;
    groups.set("n", n)?;
    groups.set("u", u)
}

/// "[ ]<unit>", "l'<unit>", "<det> <unit>", each maybe followed by
/// "<rel>": " an", "l'an", "cette année", "le mois dernier", of a rule
/// "(?P<part>...)?(?P<det>la|le|l['’]|cette|ce|cet)?\\s*(?P<u>...)(?:-ci)?(?:\\s+(?P<rel>...))?"
/// whose part holds a space. The words of the match, in order: an
/// optional determiner (one of `dets`, a word that opens the match, or
/// "l'" glued to the unit), the unit (one of `units`), then maybe the
/// relative word (one of `rels`); each list is compared ignoring case,
/// none of their words is another list's, and none of the units starts
/// with a determiner, so the words name the groups one way only.
///
/// On accented text the match read is the projection's
/// ([`super::filter::Projected`]), its accented letters `_`: the lists
/// may hold projected words ("ann_e"), which no plain match holds, and
/// the filter then checks that the group's word reads the text alike
/// ("année", not "annze"); without them the busiest accented windows,
/// "cette année", "l'année", went to the rule's own search.
pub(crate) fn det_and_unit(
    m: &str,
    groups: &mut Groups<'_>,
    [dets, units, rels]: [&[&str]; 3],
) -> Option<()> {
    let is = |list: &[&str], w: &str| list.iter().any(|u| u.eq_ignore_ascii_case(w));
    let mut all = words(m);
    let first = all.next()?;
    let w = m.get(first.clone())?;
    let unit = if is(units, w) {
        first
    } else if first.start == 0 && is(dets, w) {
        groups.set("det", first)?;
        all.next()?
    } else if first.start == 0 && w.get(..2)?.eq_ignore_ascii_case("l'") {
        groups.set("det", 0..2)?;
        2..first.end
    } else {
        return None;
    };
    if !is(units, m.get(unit.clone())?) {
        return None;
    }
    if let Some(rel) = all.next() {
        if !is(rels, m.get(rel.clone())?) {
            return None;
        }
        groups.set("rel", rel)?;
    }
    if all.next().is_some() {
        return None;
    }
    groups.set("u", unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_what_the_rules_call_space() {
        fn split(s: &str) -> Vec<&str> {
            words(s).map(|r| &s[r]).collect()
        }
        assert_eq!(split("le 12\tmai\x0B2020"), ["le", "12", "mai", "2020"]);
        assert_eq!(split("  a  b  "), ["a", "b"]);
        assert!(split("").is_empty());
        assert!(split(" \r\n").is_empty());
        assert_eq!(split("sept. l'an’"), ["sept.", "l'an’"]);
    }

    #[test]
    fn no_weekday_ends_in_s() {
        // What [`weekday_alone`] takes a final "s" for.
        for locale in [&super::super::fr::LOCALE, &super::super::en::LOCALE] {
            assert!(locale.weekdays.iter().all(|(w, _)| !w.ends_with('s')));
        }
    }
}
