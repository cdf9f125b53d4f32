//! English rules, over a small locale table.

use once_cell::sync::Lazy;

use super::fr::{iso, numeric, time, year_ok, year_range};
use super::resolve::{duration, Cal, Dir, Expr, Unit, YearRef};
use super::{by_hand, group, zone, Captures, Locale, Rule};
use crate::doc::TimexType;

/// English words for months, weekdays, numbers and ordinals.
pub(crate) static LOCALE: Locale = Locale {
    months: &[
        ("january", 1),
        ("jan", 1),
        ("february", 2),
        ("feb", 2),
        ("march", 3),
        ("mar", 3),
        ("april", 4),
        ("apr", 4),
        ("may", 5),
        ("june", 6),
        ("jun", 6),
        ("july", 7),
        ("jul", 7),
        ("august", 8),
        ("aug", 8),
        ("september", 9),
        ("sept", 9),
        ("sep", 9),
        ("october", 10),
        ("oct", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
    ],
    weekdays: &[
        ("monday", 0),
        ("tuesday", 1),
        ("wednesday", 2),
        ("thursday", 3),
        ("friday", 4),
        ("saturday", 5),
        ("sunday", 6),
    ],
    numbers: &[
        ("a", 1),
        ("an", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
        ("thousand", 1000),
    ],
    ordinals: &[
        ("first", 1),
        ("1st", 1),
        ("second", 2),
        ("2nd", 2),
        ("third", 3),
        ("3rd", 3),
        ("fourth", 4),
        ("4th", 4),
        ("final", 4),
        ("last", 4),
    ],
};

const MONTHS_FULL: &str =
    "january|february|march|april|may|june|july|august|september|october|november|december";
const MONTHS_ABBR: &str = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?";
const ORD_DAY: &str = r"(?:st|nd|rd|th)?";
const UNITS: &str =
    r"seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century";
const ZONE: &str = r"\(?(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?\)?|\(?(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST)\)?";
const PART: &str = r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:early|late|mid-?)\s*";
const YEAR_PREPS: &str =
    "in|since|from|until|till|to|by|of|and|early|late|mid|before|after|around|during|through|year";

fn number_re() -> String {
    // "a"/"an" stand alone: "a four-week streak" is four weeks.
    let words: Vec<(&str, u32)> = LOCALE
        .numbers
        .iter()
        .copied()
        .filter(|(w, _)| *w != "a" && *w != "an")
        .collect();
    let w = Locale::alt(&words);
    format!(r"\d+(?:\.\d+)?|an?|single|(?:{w})(?:(?:-|\s+and\s+|\s+)(?:{w}))*")
}

fn month_of(s: &str) -> Option<u32> {
    Locale::lookup(LOCALE.months, s)
}

fn day_of(s: &str) -> Option<u32> {
    s.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A unit word → (TIMEX3 letter, is a time unit, multiplier).
fn unit_of(u: &str) -> Option<(char, bool, f64)> {
    let u = u.to_lowercase();
    Some(match u.as_str() {
        "century" | "centuries" => ('Y', false, 100.0),
        _ => match u.trim_end_matches('s') {
            "second" => ('S', true, 1.0),
            "minute" => ('M', true, 1.0),
            "hour" => ('H', true, 1.0),
            "day" => ('D', false, 1.0),
            "week" => ('W', false, 1.0),
            "fortnight" => ('W', false, 2.0),
            "month" => ('M', false, 1.0),
            "year" => ('Y', false, 1.0),
            "decade" => ('Y', false, 10.0),
            _ => return None,
        },
    })
}

fn shift_unit(u: &str) -> Option<Unit> {
    Some(match u.to_lowercase().trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        _ => return None,
    })
}

fn rel_shift(rel: Option<&str>) -> i32 {
    match rel.map(str::to_lowercase).as_deref() {
        Some("last" | "past" | "previous") => -1,
        Some("next" | "coming" | "following") => 1,
        _ => 0,
    }
}

fn part_of(p: &str) -> &'static str {
    match p.to_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    }
}

fn with_part(day: Expr, part: Option<&str>) -> Expr {
    match part {
        Some(p) => Expr::PartOfDay(Box::new(day), part_of(p)),
        None => day,
    }
}

fn before<'t>(c: &Captures, text: &'t str) -> &'t str {
    c.get(0).and_then(|m| text.get(..m.start())).unwrap_or("")
}

fn after<'t>(c: &Captures, text: &'t str) -> &'t str {
    c.get(0).and_then(|m| text.get(m.end()..)).unwrap_or("")
}

/// The last word of `s`, lowercase.
pub(crate) fn last_word(s: &str) -> String {
    s.trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// A month name is one in English only when capitalised ("march",
/// "may" are words too); "May" alone needs a preposition before it.
fn month_word_ok(m: &str, prev: &str, has_more: bool) -> bool {
    if !m.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    if m.eq_ignore_ascii_case("may") && !has_more {
        let p = last_word(prev);
        return [
            "in", "since", "until", "till", "of", "early", "late", "mid", "last", "next", "this",
            "before", "after", "during", "from", "through", "to", "by", "end",
        ]
        .contains(&p.as_str());
    }
    true
}

/// The relative words of "en:the end of last year", in its order.
const RELS: [&str; 8] = [
    "last",
    "next",
    "this",
    "past",
    "previous",
    "coming",
    "following",
    "current",
];

/// The English rules, compiled once.
pub(crate) static RULES: Lazy<Vec<Rule>> = Lazy::new(|| {
    let wd = Locale::alt(LOCALE.weekdays);
    let num = number_re();
    let months = format!("{MONTHS_FULL}|{MONTHS_ABBR}");
    vec![
        Rule::new(
            "en:iso-date",
            r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?P<z>Z|[+\-]\d{2}:?\d{2})?)?\b",
            iso,
        ),
        Rule::new(
            "en:mm/dd/yyyy",
            r"\b(?P<d>[01]?\d)(?P<s1>/)(?P<m>[0-3]?\d)(?P<s2>/)(?P<y>\d{4}|\d{2})\b",
            |c, t| numeric(c, t, true),
        ),
        Rule::new(
            "en:from <month> <day> to <day>",
            &format!(
                r"(?i)\b(?P<t>(?:(?P<w>from|between)\s+)?(?P<m>{months})\s+(?P<d1>[0-3]?\d){ORD_DAY}\s*(?:to|until|through|and|-|–)\s*(?P<d2>[0-3]?\d){ORD_DAY}(?:,?\s+(?P<y>\d{{4}}))?)\b"
            ),
            |c, t| {
                let m = group(c, "m")?;
                if !month_word_ok(m, before(c, t), true) {
                    return None;
                }
                let m = month_of(m)?;
                let year = match group(c, "y") {
                    Some(y) => YearRef::Abs(y.parse().ok()?),
                    None => YearRef::Doc(0),
                };
                let d1 = day_of(group(c, "d1")?)?;
                let d2 = day_of(group(c, "d2")?)?;
                if d2 <= d1 {
                    return None;
                }
                let date = |day| {
                    Box::new(Expr::Date(Cal {
                        year,
                        month: Some(m),
                        day: Some(day),
                    }))
                };
                Some(Expr::Range(date(d1), date(d2)))
            },
        ),
        Rule::new(
            "en:<year>-<year>",
            r"\b(?P<t>(?P<a>1[89]\d\d|20\d\d)\s*[-–]\s*(?P<b>1[89]\d\d|20\d\d))\b",
            year_range,
        ),
        Rule::new(
            "en:<weekday>, <month> <day>, <year>",
            &format!(
                r"(?i)\b(?P<t>(?:(?:{wd}),?\s+)?(?P<m>{months})\s+(?P<d>[0-3]?\d){ORD_DAY}(?:,?\s+(?P<y>\d{{4}}))?)\b"
            ),
            |c, t| {
                let m = group(c, "m")?;
                if !month_word_ok(m, before(c, t), true) {
                    return None;
                }
                // "May 4 people": a count after a modal.
                let rest = after(c, t).trim_start();
                if group(c, "y").is_none() && rest.starts_with(|c: char| c.is_ascii_digit()) {
                    return None;
                }
                let year = match group(c, "y") {
                    Some(y) => YearRef::Abs(y.parse().ok()?),
                    None => YearRef::Tense,
                };
                Some(Expr::Date(Cal {
                    year,
                    month: Some(month_of(m)?),
                    day: Some(day_of(group(c, "d")?)?),
                }))
            },
        )
        .read_by_hand(by_hand::month_day_year),
        Rule::new(
            "en:<day> <month> <year>",
            &format!(
                r"(?i)\b(?P<t>(?:(?:{wd}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d){ORD_DAY}\s+(?:of\s+)?(?P<m>{months})(?:,?\s+(?P<y>\d{{4}}))?)\b"
            ),
            |c, t| {
                let m = group(c, "m")?;
                if !month_word_ok(m, before(c, t), true) {
                    return None;
                }
                let year = match group(c, "y") {
                    Some(y) => YearRef::Abs(y.parse().ok()?),
                    None => YearRef::Tense,
                };
                Some(Expr::Date(Cal {
                    year,
                    month: Some(month_of(m)?),
                    day: Some(day_of(group(c, "d")?)?),
                }))
            },
        ),
        Rule::new(
            "en:<month> <year>",
            &format!(
                r"(?i)\b(?P<t>(?:{PART})?(?P<m>{MONTHS_FULL}|{MONTHS_ABBR})(?:,?\s+(?:of\s+)?(?P<y>\d{{4}}))?)\b"
            ),
            |c, t| {
                let m = group(c, "m")?;
                let y = group(c, "y");
                if !month_word_ok(m, before(c, t), y.is_some()) {
                    return None;
                }
                if y.is_none()
                    && m.len() <= 4
                    && !m.eq_ignore_ascii_case("may")
                    && !m.eq_ignore_ascii_case("june")
                    && !m.eq_ignore_ascii_case("july")
                {
                    return None; // "Jan", "Oct." alone: names more often than months
                }
                let year = match y {
                    Some(y) => YearRef::Abs(y.parse().ok()?),
                    None => YearRef::Doc(0),
                };
                Some(Expr::Date(Cal {
                    year,
                    month: Some(month_of(m)?),
                    day: None,
                }))
            },
        )
        .read_by_hand(|m, groups| {
            by_hand::month_alone(m, groups, "m", &["early", "late", "mid"])
        }),
        Rule::new(
            "en:last <month>",
            &format!(r"(?i)\b(?P<t>(?P<rel>last|next|this)\s+(?P<m>{MONTHS_FULL}))\b"),
            |c, _| {
                let m = group(c, "m")?;
                if !m.starts_with(|c: char| c.is_uppercase()) {
                    return None;
                }
                let year = match rel_shift(group(c, "rel")) {
                    -1 => YearRef::Near(Dir::Past),
                    1 => YearRef::Near(Dir::Future),
                    _ => YearRef::Doc(0),
                };
                Some(Expr::Date(Cal {
                    year,
                    month: Some(month_of(m)?),
                    day: None,
                }))
            },
        ),
        Rule::new(
            "en:yesterday morning",
            r"(?i)\b(?P<t>(?:(?P<e>earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|now)(?:\s+(?P<p>morning|afternoon|evening|night))?)\b",
            |c, t| {
                let w = group(c, "w")?.to_lowercase();
                let n = if w.contains("before") {
                    -2
                } else if w.contains("after") {
                    2
                } else {
                    match w.as_str() {
                        "yesterday" => -1,
                        "tomorrow" => 1,
                        _ => 0,
                    }
                };
                // "now-cancelled" is an adjective.
                if w == "now" && (group(c, "e").is_some() || after(c, t).starts_with('-')) {
                    return None;
                }
                if w == "tonight" {
                    return Some(Expr::PartOfDay(Box::new(Expr::Shift(Unit::Day, 0)), "NI"));
                }
                Some(with_part(Expr::Shift(Unit::Day, n), group(c, "p")))
            },
        )
        .read_by_hand(|m, groups| by_hand::word_alone(m, groups, "w")),
        Rule::new(
            "en:this morning",
            r"(?i)\b(?P<t>(?P<rel>this|last)\s+(?P<p>morning|afternoon|evening|night))\b",
            |c, _| {
                let last = group(c, "rel")?.eq_ignore_ascii_case("last");
                Some(with_part(
                    Expr::Shift(Unit::Day, if last { -1 } else { 0 }),
                    group(c, "p"),
                ))
            },
        ),
        Rule::new(
            "en:every monday",
            &format!(
                r"(?i)\b(?P<t>(?:(?P<det>this|last|next|every|each)\s+)?(?P<wd>{wd})(?P<pl>s)?(?:\s+(?P<p>morning|afternoon|evening|night))?)\b"
            ),
            |c, _| {
                let w = group(c, "wd")?;
                if !w.starts_with(|c: char| c.is_uppercase()) {
                    return None;
                }
                let wd = Locale::lookup(LOCALE.weekdays, w)?;
                let det = group(c, "det").map(str::to_lowercase);
                if group(c, "pl").is_some() || matches!(det.as_deref(), Some("every" | "each")) {
                    return Some(Expr::Literal(
                        TimexType::Set,
                        format!("XXXX-WXX-{}", wd + 1),
                    ));
                }
                let dir = match det.as_deref() {
                    Some("last") => Dir::Past,
                    Some("next") => Dir::Future,
                    Some("this") => Dir::This,
                    _ => Dir::Tense,
                };
                Some(with_part(Expr::Weekday(wd, dir), group(c, "p")))
            },
        )
        .read_by_hand(by_hand::weekday_alone),
        Rule::new(
            "en:the end of last year",
            r"(?i)\b(?P<t>(?:(?P<e>earlier|later)\s+)?(?P<part>(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:early|late|mid-?)\s*)?(?:(?P<det>the)\s+)?(?P<rel>last|next|this|past|previous|coming|current|following)?\s*(?P<u>week|weekend|month|quarter|year))\b",
            |c, _| {
                let rel = group(c, "rel");
                let the = group(c, "det").is_some();
                if rel.is_none()
                    && !(the
                        && (group(c, "part").is_some()
                            || group(c, "u")?.eq_ignore_ascii_case("weekend")))
                {
                    return None;
                }
                if group(c, "rel").is_some_and(|r| r.eq_ignore_ascii_case("following")) {
                    return None;
                }
                Some(Expr::Shift(shift_unit(group(c, "u")?)?, rel_shift(rel)))
            },
        )
        .read_by_hand(|m, groups| by_hand::rel_and_unit(m, groups, &RELS)),
        Rule::new(
            "en:<n> days ago",
            &format!(r"(?i)\b(?P<t>(?P<n>{num})\s+(?P<u>days?|weeks?|months?|years?)\s+ago)\b"),
            |c, _| {
                let n = LOCALE.number(group(c, "n")?)?;
                if n.fract() != 0.0 || n > 5000.0 {
                    return None;
                }
                Some(Expr::Shift(shift_unit(group(c, "u")?)?, -(n as i32)))
            },
        ),
        Rule::new(
            "en:the 1990s",
            r"(?i)(?P<t>\b(?P<c>1[0-9]|20)(?P<d>\d)0'?s|['’](?P<d2>\d)0s|\b(?P<d3>[2-9])0s)\b",
            |c, _| {
                let (century, d) = match (
                    group(c, "c"),
                    group(c, "d"),
                    group(c, "d2").or(group(c, "d3")),
                ) {
                    (Some(cent), Some(d), _) => (cent.to_string(), d),
                    (_, _, Some(d)) => ("19".to_string(), d),
                    _ => return None,
                };
                Some(Expr::Literal(TimexType::Date, format!("{century}{d}X")))
            },
        ),
        Rule::new(
            "en:the 20th century",
            r"(?i)\b(?P<t>(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century)\b",
            |c, _| {
                let n: u32 = group(c, "n")?.parse().ok()?;
                (1..=21)
                    .contains(&n)
                    .then(|| Expr::Literal(TimexType::Date, format!("{:02}", n - 1)))
            },
        ),
        Rule::new(
            "en:the third quarter of 2009",
            r"(?i)\b(?P<t>(?:the\s+)?(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?P<u>quarter|half)(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>this|last|next|the)\s+year))?|Q(?P<q>[1-4])\s+(?P<y2>\d{4}))\b",
            |c, _| {
                if let (Some(q), Some(y)) = (group(c, "q"), group(c, "y2")) {
                    return Some(Expr::Quarter(
                        YearRef::Abs(y.parse().ok()?),
                        q.parse().ok()?,
                    ));
                }
                let o = group(c, "o")?.to_lowercase();
                let half = group(c, "u")?.eq_ignore_ascii_case("half");
                let n = if o == "final" || o == "last" {
                    if half {
                        2
                    } else {
                        4
                    }
                } else {
                    Locale::lookup(LOCALE.ordinals, &o)?
                };
                let year = match (group(c, "y"), group(c, "rel")) {
                    (Some(y), _) => YearRef::Abs(y.parse().ok()?),
                    (None, r) => YearRef::Doc(rel_shift(r)),
                };
                if half {
                    (n <= 2).then_some(Expr::Half(year, n))
                } else {
                    Some(Expr::Quarter(year, n))
                }
            },
        ),
        Rule::new(
            "en:spring 2020",
            r"(?i)\b(?P<t>(?:(?P<det>this|last|next|the)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{4}))?)\b",
            |c, t| {
                let s = group(c, "s")?.to_lowercase();
                let det = group(c, "det").map(str::to_lowercase);
                if s == "fall" && det.is_none() && group(c, "y").is_none() {
                    return None; // the verb
                }
                // "a spring", "the Arab Spring": not the season.
                if last_word(before(c, t)) == "a"
                    || after(c, t).starts_with(|c: char| c.is_alphanumeric())
                {
                    return None;
                }
                let season = match s.as_str() {
                    "spring" => "SP",
                    "summer" => "SU",
                    "autumn" | "fall" => "FA",
                    _ => "WI",
                };
                let year = match group(c, "y") {
                    Some(y) => YearRef::Abs(y.parse().ok()?),
                    None => YearRef::Doc(rel_shift(det.as_deref())),
                };
                Some(Expr::Season(year, season))
            },
        ),
        Rule::new(
            "en:10 a.m. EST",
            &format!(
                r"(?i)\b(?P<t>(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap])(?:\.m\.|\.m\b|m\b)(?:\s+(?P<z>{ZONE}))?)"
            ),
            |c, _| {
                let mut hour: u32 = group(c, "h")?.parse().ok()?;
                let pm = group(c, "ap")?.eq_ignore_ascii_case("p");
                if pm && hour < 12 {
                    hour += 12;
                } else if !pm && hour == 12 {
                    hour = 0;
                }
                Some(Expr::Time {
                    day: None,
                    hour,
                    minute: group(c, "mi").map_or(Some(0), |m| m.parse().ok())?,
                    zone: group(c, "z").and_then(zone),
                })
            },
        ),
        Rule::new(
            "en:<hour>:<minute>",
            &format!(
                r"(?i)\b(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<z>{ZONE}))?)"
            ),
            time,
        ),
        Rule::new(
            "en:12:00 UTC Monday",
            &format!(
                r"(?i)\b(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<z>{ZONE})?\s+(?P<wd>{wd}))\b"
            ),
            |c, t| {
                let Some(Expr::Time {
                    hour, minute, zone, ..
                }) = time(c, t)
                else {
                    return None;
                };
                let wd = Locale::lookup(LOCALE.weekdays, group(c, "wd")?)?;
                Some(Expr::Time {
                    day: Some(Box::new(Expr::Weekday(wd, Dir::Tense))),
                    hour,
                    minute,
                    zone,
                })
            },
        ),
        Rule::new(
            "en:ending the day",
            r"(?i)\b(?:end|ends|ending|ended|finish|finished|finishing|for|close|closed|closing)\s+(?P<t>the\s+day)\b",
            |_, _| Some(Expr::Anchored(TimexType::Date, "")),
        ),
        Rule::new("en:noon", r"(?i)\b(?P<t>noon|midnight)\b", |c, _| {
            let noon = group(c, "t")?.eq_ignore_ascii_case("noon");
            Some(Expr::Time {
                day: None,
                hour: if noon { 12 } else { 0 },
                minute: 0,
                zone: None,
            })
        }),
        Rule::new(
            "en:the next four years",
            &format!(
                r"(?i)\b(?P<t>(?:(?P<the>the)\s+(?:next|past|last|first|previous|coming|following)\s+)?(?:(?P<over>over)\s+)?(?P<n>{num}|several|a\s+few|a\s+couple\s+of|few|many)(?P<adj>\s+(?:straight|consecutive|successive|full|whole|long|more|additional)\s+|\s+|-)(?P<u>{UNITS})(?P<old>-old)?)\b"
            ),
            |c, t| {
                let raw = group(c, "n")?.to_lowercase();
                let (letter, time, k) = unit_of(group(c, "u")?)?;
                let n = match raw.as_str() {
                    "several" | "a few" | "few" | "many" => None,
                    "a couple of" | "couple of" => Some(2.0),
                    "single" => Some(1.0),
                    _ => Some(LOCALE.number(&raw)?),
                };
                // "3,000 days" is a number cut in two.
                let prev = before(c, t);
                if prev.ends_with([',', '.'])
                    || prev.trim_end().ends_with(|ch: char| ch.is_ascii_digit())
                {
                    return None;
                }
                if n.is_none() && group(c, "the").is_some() {
                    return None;
                }
                Some(Expr::Literal(
                    TimexType::Duration,
                    duration(n.map(|n| n * k), letter, time),
                ))
            },
        )
        .read_by_hand(by_hand::number_space_unit),
        Rule::new(
            "en:every year",
            &format!(
                r"(?i)\b(?P<t>(?:every|each)\s+(?:(?P<n>{num})\s+)?(?P<u>{UNITS}|morning|evening|night|weekend))\b"
            ),
            |c, _| {
                let u = group(c, "u")?.to_lowercase();
                let v = match u.as_str() {
                    "morning" => "TMO".to_string(),
                    "evening" => "TEV".to_string(),
                    "night" => "TNI".to_string(),
                    "weekend" => "XXXX-WXX-WE".to_string(),
                    _ => {
                        let (letter, time, k) = unit_of(&u)?;
                        let n = match group(c, "n") {
                            Some(n) => LOCALE.number(n)?,
                            None => 1.0,
                        };
                        duration(Some(n * k), letter, time)
                    }
                };
                Some(Expr::Literal(TimexType::Set, v))
            },
        ),
        Rule::new(
            "en:daily",
            r"(?i)(?:\b(?P<det>the|a|an)\s+)?\b(?P<t>daily|weekly|monthly|annually|yearly|annual|quarterly)\b",
            |c, _| {
                let t = group(c, "t")?.to_lowercase();
                if group(c, "det").is_some() && !["annual", "quarterly"].contains(&t.as_str()) {
                    return None; // "the daily", "a weekly": publications
                }
                let v = match t.as_str() {
                    "daily" => "P1D",
                    "weekly" => "P1W",
                    "monthly" => "P1M",
                    "quarterly" => "P3M",
                    _ => "P1Y",
                };
                Some(Expr::Literal(TimexType::Set, v.to_string()))
            },
        ),
        Rule::new(
            "en:recently",
            r"(?i)\b(?P<t>(?:more\s+)?recently|currently|nowadays|the\s+future|recent\s+(?:years|months|weeks|decades)|over\s+the\s+(?:years|decades|months))\b",
            |c, _| {
                let t = group(c, "t")?.to_lowercase();
                let v = if t.contains("recent") {
                    "PAST_REF"
                } else if t.starts_with("over") {
                    return Some(Expr::Literal(
                        TimexType::Duration,
                        duration(
                            None,
                            t.chars().nth(9).map_or('Y', |c| c.to_ascii_uppercase()),
                            false,
                        ),
                    ));
                } else if t.ends_with("future") {
                    "FUTURE_REF"
                } else {
                    "PRESENT_REF"
                };
                Some(Expr::Literal(TimexType::Date, v.to_string()))
            },
        )
        .read_by_hand(by_hand::span_only),
        Rule::new(
            "en:'82",
            r"(?i)(?:\b(?P<prep>since|in|of|from|until|by)\s+)(?P<t>['’](?P<y>\d{2}))\b",
            |c, _| {
                let y: i32 = group(c, "y")?.parse().ok()?;
                let y = if y < 50 { 2000 + y } else { 1900 + y };
                Some(Expr::year(YearRef::Abs(y)))
            },
        ),
        Rule::new(
            "en:<year>",
            &format!(r"(?i)\b(?P<t>(?P<part>{PART})?(?P<y>\d{{4}}))\b"),
            |c, t| {
                let y = c.name("y")?;
                let n: i32 = y.as_str().parse().ok()?;
                let before = t.get(..y.start()).unwrap_or("");
                let after = t.get(y.end()..).unwrap_or("");
                if group(c, "part").is_none() && !year_ok(n, before, after, YEAR_PREPS) {
                    return None;
                }
                (1000..=2100)
                    .contains(&n)
                    .then(|| Expr::year(YearRef::Abs(n)))
            },
        )
        .read_by_hand(by_hand::year_alone),
    ]
});
