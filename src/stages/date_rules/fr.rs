//! French rules, over a small locale table.
//!
//! Rule names follow rustling's style: the shape they read, in French.

use once_cell::sync::Lazy;

use super::resolve::{duration, Cal, Dir, Expr, Unit, YearRef};
use super::{by_hand, group, lowercase, year_number, zone, Captures, Locale, Rule};
use crate::doc::TimexType;

/// French words for months, weekdays, numbers and ordinals.
pub(crate) static LOCALE: Locale = Locale {
    months: &[
        ("janvier", 1),
        ("janv", 1),
        ("février", 2),
        ("fevrier", 2),
        ("févr", 2),
        ("fevr", 2),
        ("mars", 3),
        ("avril", 4),
        ("avr", 4),
        ("mai", 5),
        ("juin", 6),
        ("juillet", 7),
        ("juil", 7),
        ("août", 8),
        ("aout", 8),
        ("septembre", 9),
        ("sept", 9),
        ("octobre", 10),
        ("oct", 10),
        ("novembre", 11),
        ("nov", 11),
        ("décembre", 12),
        ("decembre", 12),
        ("déc", 12),
        ("dec", 12),
    ],
    weekdays: &[
        ("lundi", 0),
        ("mardi", 1),
        ("mercredi", 2),
        ("jeudi", 3),
        ("vendredi", 4),
        ("samedi", 5),
        ("dimanche", 6),
    ],
    numbers: &[
        ("un", 1),
        ("une", 1),
        ("deux", 2),
        ("trois", 3),
        ("quatre", 4),
        ("cinq", 5),
        ("six", 6),
        ("sept", 7),
        ("huit", 8),
        ("neuf", 9),
        ("dix", 10),
        ("onze", 11),
        ("douze", 12),
        ("treize", 13),
        ("quatorze", 14),
        ("quinze", 15),
        ("seize", 16),
        ("vingt", 20),
        ("vingts", 20),
        ("trente", 30),
        ("quarante", 40),
        ("cinquante", 50),
        ("soixante", 60),
        ("cent", 100),
        ("cents", 100),
        ("mille", 1000),
    ],
    ordinals: &[
        ("premier", 1),
        ("première", 1),
        ("1er", 1),
        ("1re", 1),
        ("deuxième", 2),
        ("second", 2),
        ("seconde", 2),
        ("2e", 2),
        ("2ème", 2),
        ("troisième", 3),
        ("3e", 3),
        ("3ème", 3),
        ("quatrième", 4),
        ("4e", 4),
        ("4ème", 4),
        ("dernier", 4),
    ],
};

/// Full month names only: abbreviations like "sept" are numbers too, so
/// they count only next to a day number.
const MONTHS_FULL: &str = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
const MONTHS_ABBR: &str = r"(?:janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec)\.?";
const DAY: &str = r"1er|1re|premier|[12]\d|3[01]|0?[1-9]";
const REL: &str = r"derni(?:er|ère)s?|prochaine?s?|passée?|précédente?|suivante?";
/// The words of the rule "fr:la semaine dernière" that its reader by hand
/// knows ([`by_hand::det_and_unit`]): its determiners but "l'", its units
/// ("ann_e" is "année" projected, for accented text) and the plain words of
/// [`REL`] (the others hold accents, which the filter's check declines in
/// that group).
const DETS: [&str; 5] = ["la", "le", "cette", "ce", "cet"];
const UNITS_READ: [&str; 7] = [
    "semaine",
    "mois",
    "an",
    "ann_e",
    "week-end",
    "weekend",
    "trimestre",
];
const RELS_READ: [&str; 8] = [
    "dernier",
    "derniers",
    "prochain",
    "prochaine",
    "prochains",
    "prochaines",
    "suivant",
    "suivante",
];
const PART: &str = r"(?:(?:la|le)\s+)?(?:début|fin|milieu|courant)\s+(?:du\s+mois\s+d['’]\s*|du\s+mois\s+de\s+|d['’]\s*|de\s+)?|mi-\s*";
const UNITS: &str = r"secondes?|minutes?|heures?|jours?|journées?|semaines?|mois|ans|années?|décennies?|siècles?|trimestres?|semestres?";
const ZONE: &str = r"\(?(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?\)?|\(?(?:UTC|GMT)\)?";

fn weekdays() -> String {
    Locale::alt(LOCALE.weekdays)
}

fn number_re() -> String {
    let w = Locale::alt(LOCALE.numbers);
    format!(r"\d+(?:,\d+)?|(?:{w})(?:(?:-|\s+et\s+|-et-|\s+)(?:{w}))*")
}

fn month_of(s: &str) -> Option<u32> {
    Locale::lookup(LOCALE.months, s)
}

fn day_of(s: &str) -> Option<u32> {
    match lowercase(s).as_ref() {
        "1er" | "1re" | "premier" => Some(1),
        d => d.parse().ok().filter(|d| (1..=31).contains(d)),
    }
}

/// True when `w` is "été" in any case, which the season rule ("fr:l'été
/// 2020") rejects alone ([`Rule::rejects`]).
///
/// Where the rule's filter matches such a text (projected "_t_"), its
/// match is that word alone: no other branch of the pattern reads a
/// projected non-ASCII letter first ("en", "au", "l'", "cet", "cette",
/// "le", "ce" and the other seasons start with ASCII letters whose
/// case-insensitive classes hold no non-ASCII char), and the optional year
/// or "dernier" after it would have made the filter's match longer. The
/// rule reads that path on the text ("é" and "t" in any case are its
/// literals; the boundaries see what the filter's do), and any path it
/// prefers would be one the filter prefers, so it is the rule's match,
/// with no preposition, determiner or year: its meaning is `None`.
/// "a été", the participle, is some 2,300 of these per 5.1 MB.
fn ete_alone(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(chars.next(), Some('é' | 'É'))
        && matches!(chars.next(), Some('t' | 'T'))
        && matches!(chars.next(), Some('é' | 'É'))
        && chars.next().is_none()
}

/// The year a relative word gives a month or day ("dernier": the last
/// one; none: the document's year).
fn rel_year(rel: Option<&str>) -> YearRef {
    match rel.map(lowercase).as_deref() {
        Some(r) if r.starts_with("dern") || r.starts_with("pass") || r.starts_with("préc") => {
            YearRef::Near(Dir::Past)
        }
        Some(_) => YearRef::Near(Dir::Future),
        None => YearRef::Tense,
    }
}

/// -1, +1 or 0 for "dernier", "prochain", "ce".
fn rel_shift(rel: Option<&str>) -> i32 {
    match rel.map(lowercase).as_deref() {
        Some(r) if r.starts_with("dern") || r.starts_with("pass") || r.starts_with("préc") => -1,
        Some(r) if r.starts_with("proch") || r.starts_with("suiv") => 1,
        _ => 0,
    }
}

/// A unit word → (TIMEX3 letter, is a time unit, multiplier).
fn unit_of(u: &str) -> Option<(char, bool, f64)> {
    let u = lowercase(u);
    let u = u.trim_end_matches('s');
    Some(match u {
        "seconde" => ('S', true, 1.0),
        "minute" => ('M', true, 1.0),
        "heure" => ('H', true, 1.0),
        "jour" | "journée" => ('D', false, 1.0),
        "semaine" => ('W', false, 1.0),
        "moi" => ('M', false, 1.0),
        "an" | "année" => ('Y', false, 1.0),
        "décennie" => ('Y', false, 10.0),
        "siècle" => ('Y', false, 100.0),
        "trimestre" => ('M', false, 3.0),
        "semestre" => ('M', false, 6.0),
        _ => return None,
    })
}

/// A unit word → the calendar unit of a shift.
fn shift_unit(u: &str) -> Option<Unit> {
    let u = lowercase(u);
    Some(match u.trim_end_matches('s') {
        "jour" | "journée" => Unit::Day,
        "semaine" => Unit::Week,
        "week-end" | "weekend" => Unit::Weekend,
        "moi" => Unit::Month,
        "trimestre" => Unit::Quarter,
        "an" | "année" => Unit::Year,
        _ => return None,
    })
}

/// A part of the day → its TIMEX3 code, or the hour for "midi"/"minuit".
fn part_of(p: &str) -> Result<&'static str, u32> {
    match lowercase(p).as_ref() {
        "matin" | "matinée" => Ok("MO"),
        "après-midi" => Ok("AF"),
        "soir" | "soirée" => Ok("EV"),
        "nuit" => Ok("NI"),
        "midi" => Err(12),
        _ => Err(0),
    }
}

/// `day` with an optional part of the day.
fn with_part(day: Expr, part: Option<&str>) -> Expr {
    match part.map(part_of) {
        Some(Ok(code)) => Expr::PartOfDay(Box::new(day), code),
        Some(Err(hour)) => Expr::Time {
            day: Some(Box::new(day)),
            hour,
            minute: 0,
            zone: None,
        },
        None => day,
    }
}

fn day_month(caps: &Captures, y: YearRef, d: &str, m: &str) -> Option<Expr> {
    let _ = caps;
    Some(Expr::Date(Cal {
        year: y,
        month: Some(month_of(m)?),
        day: Some(day_of(d)?),
    }))
}

/// The text right after the whole match.
fn after<'t>(caps: &Captures, text: &'t str) -> &'t str {
    caps.get(0).and_then(|m| text.get(m.end()..)).unwrap_or("")
}

/// The text right before the whole match.
fn before<'t>(caps: &Captures, text: &'t str) -> &'t str {
    caps.get(0)
        .and_then(|m| text.get(..m.start()))
        .unwrap_or("")
}

/// True when a two-digit year is really a year: not followed by more
/// words or numbers ("le 3 mai 15 personnes").
fn short_year_ok(y: &str, rest: &str) -> bool {
    y.len() != 2 || !rest.trim_start().starts_with(|c: char| c.is_alphanumeric())
}

/// Whether a four-digit number is a year, from its neighbours: not a
/// count, an article or page number, an amount, part of a larger number.
pub(crate) fn year_ok(n: i32, before: &str, after: &str, temporal_prep: &str) -> bool {
    if !(1000..=2100).contains(&n) {
        return false;
    }
    let prev_char = before.chars().next_back();
    // Inside a larger number or a code: "1 500", "3.1988", "1988-1", "n°1988".
    if matches!(prev_char, Some(c) if c.is_ascii_digit() || "°.,$€£#/-".contains(c)) {
        return false;
    }
    let digits_before = before.trim_end();
    if digits_before.ends_with(|c: char| c.is_ascii_digit()) && before.ends_with(' ') {
        return false;
    }
    let mut n2 = after.chars();
    if let (Some(a), Some(b)) = (n2.next(), n2.next()) {
        if (a == ',' || a == '.' || a == ' ' || a == '-') && b.is_ascii_digit() {
            return false;
        }
    }
    let prev_word = lowercase(
        before
            .trim_end()
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '°' || c == '.'))
            .next()
            .unwrap_or(""),
    );
    const NOT_YEAR_BEFORE: &[&str] = &[
        "article", "art.", "n°", "no", "no.", "nº", "numéro", "number", "page", "p.", "pages",
        "pp.", "km", "chapitre", "ligne", "line", "route", "vol", "vol.", "flight", "room",
        "chambre", "code", "modèle", "model", "type", "rn", "rd", "€", "$", "euros", "dollars",
        "francs", "pour", "sur", "plus", "than", "about", "environ", "quelque", "around", "nearly",
        "over", "under", "moins", "près", "all", "les", "des", "ces", "the", "top",
    ];
    if NOT_YEAR_BEFORE.contains(&prev_word.as_ref()) {
        // "les 2000 soldats" is a count, "the 2008 season" a year; only
        // French determiners and comparatives are counts.
        if !(prev_word == "the" && n >= 1900) {
            return false;
        }
    }
    let rest = after.trim_start_matches([' ', '\u{a0}']);
    let word_end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '%' || c == '€' || c == '$'))
        .map_or(rest.len(), |(i, _)| i);
    let next_word = lowercase(rest.get(..word_end).unwrap_or(""));
    const UNITS_AFTER: &[&str] = &[
        "%",
        "€",
        "$",
        "km",
        "m",
        "kg",
        "t",
        "mètres",
        "metres",
        "meters",
        "kilomètres",
        "kilometres",
        "tonnes",
        "euros",
        "dollars",
        "francs",
        "habitants",
        "personnes",
        "soldats",
        "hommes",
        "femmes",
        "morts",
        "victimes",
        "emplois",
        "salariés",
        "voix",
        "points",
        "people",
        "soldiers",
        "jobs",
        "units",
        "troops",
        "employees",
        "votes",
        "miles",
        "feet",
        "pounds",
        "euro",
        "dollar",
        "ha",
        "hectares",
        "pieds",
        "places",
        "lits",
        "élèves",
        "exemplaires",
        "copies",
        "cars",
        "voitures",
        "vehicles",
        "véhicules",
        "foot",
        "mm",
        "cm",
    ];
    if UNITS_AFTER.contains(&next_word.as_ref()) {
        return false;
    }
    if n < 1900 {
        // Older years need a temporal word before them: "en 1789".
        return temporal_prep.split('|').any(|p| p == prev_word);
    }
    true
}

/// French prepositions that introduce an old year ("en 1789").
const YEAR_PREPS: &str = "en|depuis|dès|de|du|avant|après|vers|jusqu'en|jusqu’en|année|an|l'an|fin|début|mi|et|à|in|since|from|until|to|by|and";

/// The French rules, compiled once.
pub(crate) static RULES: Lazy<Vec<Rule>> = Lazy::new(|| {
    let wd = weekdays();
    let num = number_re();
    let months = format!("{MONTHS_FULL}|{MONTHS_ABBR}");
    vec![
        Rule::new(
            "fr:iso-date",
            r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?P<z>Z|[+\-]\d{2}:?\d{2})?)?\b",
            iso,
        ),
        Rule::new(
            "fr:dd/mm/yyyy",
            r"\b(?P<d>[0-3]?\d)(?P<s1>[/.])(?P<m>[01]?\d)(?P<s2>[/.])(?P<y>\d{4}|\d{2})\b",
            |c, t| numeric(c, t, false),
        ),
        Rule::new(
            "fr:du <day> au <day> <month> <year>",
            &format!(
                r"(?i)\b(?P<t>du\s+(?:(?:{wd})\s+)?(?P<d1>{DAY})(?:\s+(?P<m1>{months}))?\s+au\s+(?:(?:{wd})\s+)?(?P<d2>{DAY})\s+(?P<m2>{months})(?:\s+(?P<y>\d{{4}}))?)\b"
            ),
            day_range,
        ),
        Rule::new(
            "fr:les <day> et <day> <month>",
            &format!(
                r"(?i)\b(?P<t>les\s+(?P<d1>{DAY})\s+et\s+(?P<d2>{DAY})\s+(?P<m2>{months})(?:\s+(?P<y>\d{{4}}))?(?:\s+(?P<rel>{REL}))?)\b"
            ),
            day_range,
        ),
        Rule::new(
            "fr:de <month> à <month> <year>",
            &format!(
                r"(?i)\b(?P<t>d['’e]\s*(?:{PART})?(?P<m1>{MONTHS_FULL})\s+(?:à|a|au)\s+(?:{PART})?(?P<m2>{MONTHS_FULL})(?:\s+(?P<y>\d{{4}}))?)\b"
            ),
            month_range,
        ),
        Rule::new(
            "fr:<year>-<year>",
            r"\b(?P<t>(?P<a>1[89]\d\d|20\d\d)\s*[-–]\s*(?P<b>1[89]\d\d|20\d\d))\b",
            year_range,
        ),
        Rule::new(
            "fr:le <weekday> <day> <month> <year>",
            &format!(
                r"(?i)\b(?P<t>(?:(?:le|ce)\s+)?(?:(?:{wd})\s+)?(?P<d>{DAY})\s+(?P<m>{months})\s+(?P<y>\d{{4}}|['’]?\d{{2}})(?:\s+(?P<rel>{REL}))?)\b"
            ),
            |c, t| {
                let y = group(c, "y")?;
                if !short_year_ok(y, after(c, t)) {
                    return None;
                }
                day_month(
                    c,
                    YearRef::Abs(year_number(y)?),
                    group(c, "d")?,
                    group(c, "m")?,
                )
            },
        )
        .read_by_hand(|m, groups| by_hand::day_month_words(m, groups, "premier")),
        Rule::new(
            "fr:le <weekday> <day> <month>",
            &format!(
                r"(?i)\b(?P<t>(?:(?:le|ce)\s+)?(?:(?:{wd})\s+)?(?P<d>{DAY})\s+(?P<m>{months})(?:\s+(?P<rel>{REL}))?)\b"
            ),
            |c, _| day_month(c, rel_year(group(c, "rel")), group(c, "d")?, group(c, "m")?),
        )
        .read_by_hand(|m, groups| by_hand::day_month_words(m, groups, "premier")),
        Rule::new(
            "fr:<month> <year>",
            &format!(
                r"(?i)\b(?P<t>(?:{PART})?(?:(?:le\s+)?mois\s+d['’e]\s*)?(?P<m>{MONTHS_FULL})\s+(?:de\s+l['’]année\s+)?(?P<y>\d{{4}}|['’]?\d{{2}}))\b"
            ),
            |c, t| {
                let y = group(c, "y")?;
                if !short_year_ok(y, after(c, t)) {
                    return None;
                }
                Some(Expr::Date(Cal {
                    year: YearRef::Abs(year_number(y)?),
                    month: Some(month_of(group(c, "m")?)?),
                    day: None,
                }))
            },
        )
        .read_by_hand(by_hand::month_year_words),
        Rule::new(
            "fr:<month> dernier",
            &format!(
                r"(?i)\b(?P<t>(?P<part>{PART})?(?:(?:le\s+)?mois\s+d['’e]\s*)?(?P<m>{MONTHS_FULL})(?:\s+(?P<rel>{REL}))?)\b"
            ),
            |c, _| {
                let m = group(c, "m")?;
                // "Mars" alone is the planet or a brand more often than the month.
                if m == "Mars" && group(c, "part").is_none() && group(c, "rel").is_none() {
                    return None;
                }
                Some(Expr::Date(Cal {
                    year: rel_year(group(c, "rel")),
                    month: Some(month_of(m)?),
                    day: None,
                }))
            },
        )
        .read_by_hand(|m, groups| by_hand::month_alone(m, groups, "m", &[])),
        Rule::new(
            "fr:hier à <hour>",
            &format!(
                r"(?i)\b(?P<t>(?P<w>avant-hier|après-demain|hier|aujourd['’]hui|demain)(?:\s+(?:{wd}))?(?:\s+(?P<p>matin|après-midi|soir|midi|nuit|matinée|soirée))?(?:\s*,?\s+(?:à|a)\s+(?P<h>[01]?\d|2[0-3])\s*h(?:eures?)?\s*(?P<mi>[0-5]\d)?)?)\b"
            ),
            |c, _| {
                let n = match group(c, "w")?.to_lowercase().as_str() {
                    "avant-hier" => -2,
                    "hier" => -1,
                    "demain" => 1,
                    "après-demain" => 2,
                    _ => 0,
                };
                let day = Expr::Shift(Unit::Day, n);
                if let Some(h) = group(c, "h") {
                    return Some(Expr::Time {
                        day: Some(Box::new(day)),
                        hour: h.parse().ok()?,
                        minute: group(c, "mi").map_or(Some(0), |m| m.parse().ok())?,
                        zone: None,
                    });
                }
                Some(with_part(day, group(c, "p")))
            },
        )
        .read_by_hand(|m, groups| {
            by_hand::word_and_part(m, groups, &["matin", "soir", "midi", "nuit"])
        }),
        Rule::new(
            "fr:ce matin",
            r"(?i)\b(?P<t>(?:ce|cet|cette)\s+(?P<p>matin|après-midi|soir|nuit|midi))\b",
            |c, _| Some(with_part(Expr::Shift(Unit::Day, 0), group(c, "p"))),
        )
        .read_by_hand(|m, groups| by_hand::second_word(m, groups, "p")),
        Rule::new(
            "fr:<weekday> dernier",
            &format!(
                r"(?i)\b(?P<t>(?:(?P<det>ce|le|les)\s+)?(?:même\s+)?(?P<wd>{wd})(?P<pl>s)?(?:\s+(?P<rel>dernier|prochain|passé))?(?:\s+(?P<p>matin|après-midi|soir|midi|nuit|matinée|soirée))?)\b"
            ),
            |c, _| {
                let wd = Locale::lookup(LOCALE.weekdays, group(c, "wd")?)?;
                let det = group(c, "det").map(str::to_lowercase);
                if group(c, "rel").is_none()
                    && (group(c, "pl").is_some() || matches!(det.as_deref(), Some("le" | "les")))
                {
                    // "le mercredi", "les lundis": every such day.
                    return Some(Expr::Literal(
                        TimexType::Set,
                        format!("XXXX-WXX-{}", wd + 1),
                    ));
                }
                let dir = match (det.as_deref(), rel_shift(group(c, "rel"))) {
                    (_, -1) => Dir::Past,
                    (_, 1) => Dir::Future,
                    (Some("ce"), _) => Dir::This,
                    _ => Dir::Tense,
                };
                Some(with_part(Expr::Weekday(wd, dir), group(c, "p")))
            },
        )
        .read_by_hand(by_hand::weekday_alone),
        Rule::new(
            "fr:la semaine dernière",
            &format!(
                r"(?i)\b(?P<t>(?P<part>(?:(?:la|le)\s+)?(?:début|fin|milieu)\s+(?P<de>de\s+|d['’]\s*|du\s+))?(?P<det>la|le|l['’]|cette|ce|cet)?\s*(?P<u>semaine|mois|an|année|week-end|weekend|trimestre)(?:-ci)?(?:\s+(?P<rel>{REL}|en\s+cours))?)\b"
            ),
            |c, _| {
                let det = group(c, "det").map(str::to_lowercase);
                let this = matches!(det.as_deref(), Some("ce" | "cette" | "cet"));
                let du = group(c, "de").is_some_and(|d| d.trim() == "du");
                let rel = group(c, "rel");
                // "au début du mois", "à la fin du trimestre": the current one.
                let part_of_current = du && det.is_none() && group(c, "part").is_some();
                if rel.is_none() && !this && !part_of_current {
                    return None;
                }
                if det.is_none() && !du {
                    return None;
                }
                let unit = shift_unit(group(c, "u")?)?;
                Some(Expr::Shift(unit, rel_shift(rel)))
            },
        )
        .read_by_hand(|m, groups| {
            by_hand::det_and_unit(m, groups, [&DETS, &UNITS_READ, &RELS_READ])
        }),
        Rule::new(
            "fr:l'année <year>",
            r"(?i)\b(?P<t>(?:(?:la|le)\s+(?:début|fin|milieu)\s+de\s+)?l['’](?:année|an)\s+(?P<y>\d{4}))\b",
            |c, _| Some(Expr::year(YearRef::Abs(group(c, "y")?.parse().ok()?))),
        ),
        Rule::new(
            "fr:les années 80",
            r"(?i)\b(?P<t>(?:les\s+)?années\s+(?:(?P<c>19|20)?(?P<d>\d)0|(?P<w>quatre-vingt-dix|quatre-vingts?|soixante-dix|soixante|cinquante|quarante|trente|vingt))(?:\s+(?P<y>\d{4}))?)\b",
            |c, _| {
                let decade = match (group(c, "d"), group(c, "w")) {
                    (Some(d), _) => {
                        let century = group(c, "c").unwrap_or(if d == "0" { "20" } else { "19" });
                        format!("{century}{d}")
                    }
                    (None, Some(w)) => {
                        let d = match w.to_lowercase().trim_end_matches('s') {
                            "vingt" => 2,
                            "trente" => 3,
                            "quarante" => 4,
                            "cinquante" => 5,
                            "soixante" => 6,
                            "soixante-dix" => 7,
                            "quatre-vingt" => 8,
                            _ => 9,
                        };
                        format!("19{d}")
                    }
                    _ => return None,
                };
                if group(c, "y").is_some() {
                    return None; // "les années 2020 2021": a list, not a decade
                }
                Some(Expr::Literal(TimexType::Date, format!("{decade}X")))
            },
        ),
        Rule::new(
            "fr:le XXe siècle",
            r"(?i)\b(?P<t>(?:le\s+)?(?P<n>[XVI]{1,5}|\d{1,2})(?:e|è|ème|eme)\s+siècle)\b",
            |c, _| {
                let n = roman_or_digits(group(c, "n")?)?;
                (1..=21)
                    .contains(&n)
                    .then(|| Expr::Literal(TimexType::Date, format!("{:02}", n - 1)))
            },
        ),
        Rule::new(
            "fr:l'été 2020",
            r"(?i)(?:\b(?P<prep>en|au)\s+)?\b(?P<t>(?P<det>l['’]\s*|cet\s+|cette\s+|le\s+|ce\s+)?(?P<s>printemps|été|automne|hiver)(?:\s+(?P<y>\d{4})|\s+(?P<rel>dernier|prochain))?)\b",
            |c, _| {
                let season = match group(c, "s")?.to_lowercase().as_str() {
                    "printemps" => "SP",
                    "été" => "SU",
                    "automne" => "FA",
                    _ => "WI",
                };
                let year = match (group(c, "y"), group(c, "det"), group(c, "prep")) {
                    (Some(y), _, _) => YearRef::Abs(y.parse().ok()?),
                    (None, Some(_), _) => YearRef::Doc(rel_shift(group(c, "rel"))),
                    (None, None, Some(_)) => YearRef::Generic,
                    // "été" alone is mostly the participle ("a été").
                    (None, None, None) => return None,
                };
                Some(Expr::Season(year, season))
            },
        )
        .rejects(ete_alone),
        Rule::new(
            "fr:le troisième trimestre",
            r"(?i)\b(?P<t>(?:le\s+|ce\s+)?(?P<o>premier|1er|deuxième|2e|2ème|second|troisième|3e|3ème|quatrième|4e|4ème|dernier)\s+(?P<u>trimestre|semestre)(?:\s+(?:de\s+l['’]année\s+|de\s+|d['’])?(?P<y>\d{4})|\s+(?P<rel>de\s+l['’]année\s+(?:dernière|précédente|prochaine)|de\s+cette\s+année))?)\b",
            |c, _| {
                let unit = group(c, "u")?.to_lowercase();
                let o = group(c, "o")?.to_lowercase();
                let n = if o == "dernier" {
                    if unit == "trimestre" {
                        4
                    } else {
                        2
                    }
                } else {
                    Locale::lookup(LOCALE.ordinals, &o)?
                };
                let year = match (group(c, "y"), group(c, "rel")) {
                    (Some(y), _) => YearRef::Abs(y.parse().ok()?),
                    (None, Some(r)) if r.contains("derni") || r.contains("préc") => {
                        YearRef::Doc(-1)
                    }
                    (None, Some(r)) if r.contains("proch") => YearRef::Doc(1),
                    _ => YearRef::Doc(0),
                };
                Some(if unit == "trimestre" {
                    (n <= 4).then_some(Expr::Quarter(year, n))?
                } else {
                    (n <= 2).then_some(Expr::Half(year, n))?
                })
            },
        ),
        Rule::new(
            "fr:il y a <n> jours",
            &format!(
                r"(?i)\b(?P<t>(?P<w>il\s+y\s+a|dans)\s+(?P<n>{num})\s+(?P<u>jours?|semaines?|mois|ans|années?))\b"
            ),
            |c, _| {
                let n = LOCALE.number(group(c, "n")?)?;
                if n.fract() != 0.0 || n > 5000.0 {
                    return None;
                }
                let sign = if group(c, "w")?.to_lowercase() == "dans" {
                    1
                } else {
                    -1
                };
                Some(Expr::Shift(shift_unit(group(c, "u")?)?, sign * n as i32))
            },
        ),
        Rule::new(
            "fr:ces derniers jours",
            &format!(
                r"(?i)\b(?P<t>(?:ces|les)\s+(?:(?P<n>{num})\s+)?(?:derni(?:ers|ères)|prochain(?:e)?s)\s+(?P<u>{UNITS}))\b"
            ),
            |c, _| {
                let (letter, time, k) = unit_of(group(c, "u")?)?;
                let n = group(c, "n").and_then(|n| LOCALE.number(n));
                Some(Expr::Literal(
                    TimexType::Duration,
                    duration(n.map(|n| n * k), letter, time),
                ))
            },
        ),
        Rule::new(
            "fr:à <hour> heures",
            r"(?i)\b(?:à|a|vers|dès|jusqu['’]à|avant|après|de)\s+(?P<t>(?P<h>[01]?\d|2[0-4])\s+heures?(?:\s+(?P<mi>[0-5]\d))?)\b",
            time,
        ),
        Rule::new(
            "fr:<hour> h <minute>",
            &format!(
                r"(?i)\b(?P<t>(?P<h>[01]?\d|2[0-4])\s*h(?:\s*(?P<mi>[0-5]\d))?(?:\s*(?P<z>{ZONE}))?)"
            ),
            time,
        )
        .read_by_hand(by_hand::hour_h_minute),
        Rule::new(
            "fr:<hour>:<minute>",
            &format!(
                r"(?i)\b(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<z>{ZONE}))?)"
            ),
            time,
        ),
        Rule::new(
            "fr:à midi",
            r"(?i)\b(?:à|vers|dès|jusqu['’]à|avant|avant\s+le|après)\s+(?P<t>midi|minuit)\b",
            |c, _| {
                let hour = if group(c, "t")?.to_lowercase() == "midi" {
                    12
                } else {
                    0
                };
                Some(Expr::Time {
                    day: None,
                    hour,
                    minute: 0,
                    zone: None,
                })
            },
        ),
        Rule::new(
            "fr:une demi-heure",
            r"(?i)\b(?P<t>(?:une\s+)?demi-heure|(?:un\s+)?quart\s+d['’]heure|(?:un\s+)?quart\s+de\s+siècle|(?:un\s+)?demi-siècle)\b",
            |c, _| {
                let t = group(c, "t")?.to_lowercase();
                let v = if t.contains("demi-heure") {
                    "PT30M"
                } else if t.contains("heure") {
                    "PT15M"
                } else if t.contains("quart") {
                    "P25Y"
                } else {
                    "P50Y"
                };
                Some(Expr::Literal(TimexType::Duration, v.to_string()))
            },
        ),
        Rule::new(
            "fr:<n> jours",
            &format!(
                r"(?i)\b(?P<t>(?:(?:plus|moins)\s+d['’e]\s*|environ\s+|près\s+d['’e]\s*|au\s+moins\s+|presque\s+)?(?P<n>{num}|quelques|plusieurs|des)\s+(?P<u>{UNITS})(?P<half>\s+et\s+demie?)?)\b"
            ),
            |c, t| {
                let raw = group(c, "n")?.to_lowercase();
                let u = group(c, "u")?;
                let (letter, time, k) = unit_of(u)?;
                let n = match raw.as_str() {
                    "quelques" | "plusieurs" | "des" => {
                        if raw == "des" && !u.ends_with(['s', 'x']) {
                            return None;
                        }
                        None
                    }
                    _ => Some(LOCALE.number(&raw)?),
                };
                // "des années 1980" is a decade; "3 000 jours" a number cut.
                let rest = after(c, t).trim_start();
                if raw == "des" && rest.starts_with(|ch: char| ch.is_ascii_digit()) {
                    return None;
                }
                if before(c, t)
                    .trim_end()
                    .ends_with(|ch: char| ch.is_ascii_digit())
                {
                    return None;
                }
                // Ages are not timexes in the TimeML corpora: "un homme de
                // 38 ans", "Paul Martin, 53 ans,", "les 6-16 ans".
                if u.eq_ignore_ascii_case("ans") && raw.starts_with(|ch: char| ch.is_ascii_digit())
                {
                    let prev = t.get(..c.name("n")?.start()).unwrap_or("").trim_end();
                    let word = super::en::last_word(prev);
                    let head = prev
                        .get(..prev.len().saturating_sub(word.len()))
                        .unwrap_or("");
                    let quantified =
                        ["plus", "moins", "près"].contains(&super::en::last_word(head).as_str());
                    if prev.ends_with([',', '-', '–'])
                        || ["âgé", "âgée", "agé", "agée"].contains(&word.as_str())
                        || (word == "de" && !quantified)
                    {
                        return None;
                    }
                }
                let half = if group(c, "half").is_some() { 0.5 } else { 0.0 };
                Some(Expr::Literal(
                    TimexType::Duration,
                    duration(n.map(|n| (n + half) * k), letter, time),
                ))
            },
        )
        .read_by_hand(by_hand::number_and_unit),
        Rule::new(
            "fr:dans la nuit",
            r"(?i)\b(?:dans|pendant|durant|au\s+cours\s+de|tard\s+dans)\s+(?P<t>la\s+(?P<p>nuit|soirée|matinée|journée))\b",
            |c, _| {
                let suffix = match group(c, "p")?.to_lowercase().as_str() {
                    "nuit" => "TNI",
                    "soirée" => "TEV",
                    "matinée" => "TMO",
                    _ => "TDT",
                };
                Some(Expr::Anchored(TimexType::Time, suffix))
            },
        ),
        Rule::new(
            "fr:quinquennat",
            r"(?i)\b(?P<t>quinquennats?|septennats?)\b",
            |c, _| {
                let v = if group(c, "t")?.to_lowercase().starts_with("quin") {
                    "P5Y"
                } else {
                    "P7Y"
                };
                Some(Expr::Literal(TimexType::Duration, v.to_string()))
            },
        ),
        Rule::new(
            "fr:chaque année",
            &format!(
                r"(?i)\b(?P<t>(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<n>{num})\s+)?(?P<u>{UNITS}|(?:{wd})s?|matins?|soirs?|nuits?|week-ends?))\b"
            ),
            |c, _| {
                let u = group(c, "u")?;
                if let Some(wd) = Locale::lookup(LOCALE.weekdays, u.trim_end_matches('s')) {
                    return Some(Expr::Literal(
                        TimexType::Set,
                        format!("XXXX-WXX-{}", wd + 1),
                    ));
                }
                let v = match u.to_lowercase().trim_end_matches('s') {
                    "matin" => "TMO".to_string(),
                    "soir" => "TEV".to_string(),
                    "nuit" => "TNI".to_string(),
                    "week-end" => "XXXX-WXX-WE".to_string(),
                    _ => {
                        let (letter, time, k) = unit_of(u)?;
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
            "fr:par an",
            r"(?i)\bpar\s+(?P<t>jour|semaine|mois|an|année|semestre|trimestre|heure)\b",
            |c, _| {
                let (letter, time, k) = unit_of(group(c, "t")?)?;
                Some(Expr::Literal(
                    TimexType::Set,
                    duration(Some(k), letter, time),
                ))
            },
        ),
        Rule::new(
            "fr:quotidien",
            r"(?i)(?:\b(?P<det>le|un|une|du|au|ce|les|des|l['’])\s*)?\b(?P<t>quotidien(?:ne)?|hebdomadaire|mensuel(?:le)?|annuel(?:le)?s?)\b",
            |c, t| {
                // "le quotidien Le Monde", "les quotidiens", "la presse
                // quotidienne": newspapers, not a recurrence.
                if group(c, "det").is_some() || super::en::last_word(before(c, t)) == "presse" {
                    return None;
                }
                let t = group(c, "t")?.to_lowercase();
                let v = match t.get(..3)? {
                    "quo" => "P1D",
                    "heb" => "P1W",
                    "men" => "P1M",
                    _ => "P1Y",
                };
                Some(Expr::Literal(TimexType::Set, v.to_string()))
            },
        ),
        Rule::new(
            "fr:actuellement",
            r"(?i)\b(?P<t>actuellement|récemment|auparavant|désormais|dorénavant|autrefois|à\s+l['’]heure\s+actuelle|de\s+nos\s+jours)\b",
            |c, _| {
                let t = group(c, "t")?.to_lowercase();
                let v = if t.starts_with("réc") || t.starts_with("aup") || t.starts_with("aut") {
                    "PAST_REF"
                } else {
                    "PRESENT_REF"
                };
                Some(Expr::Literal(TimexType::Date, v.to_string()))
            },
        )
        .read_by_hand(by_hand::span_only),
        Rule::new(
            "fr:<year>",
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

fn roman_or_digits(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    Some(total)
}

/// "2021-10-15", "2021-10-15T17:52+01:00".
pub(crate) fn iso(c: &Captures, _: &str) -> Option<Expr> {
    let day = Expr::Date(Cal {
        year: YearRef::Abs(group(c, "y")?.parse().ok()?),
        month: Some(
            group(c, "m")?
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m))?,
        ),
        day: Some(
            group(c, "d")?
                .parse()
                .ok()
                .filter(|d| (1..=31).contains(d))?,
        ),
    });
    let Some(h) = group(c, "h") else {
        return Some(day);
    };
    Some(Expr::Time {
        day: Some(Box::new(day)),
        hour: h.parse().ok().filter(|h| *h < 24)?,
        minute: group(c, "mi")?.parse().ok()?,
        zone: group(c, "z").and_then(|z| zone(z).or_else(|| Some(z.to_string()))),
    })
}

/// "15/10/2021" (day first) or "10/15/2021" (`month_first`, US English).
pub(crate) fn numeric(c: &Captures, text: &str, month_first: bool) -> Option<Expr> {
    if group(c, "s1")? != group(c, "s2")? {
        return None;
    }
    // Part of a longer run of numbers: a phone number, a version.
    let rest = after(c, text);
    if rest.starts_with(['.', '/', '-']) && rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let prev = before(c, text);
    if prev.ends_with(['.', '/', '-', ','])
        || prev.trim_end().ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let a: u32 = group(c, "d")?.parse().ok()?;
    let b: u32 = group(c, "m")?.parse().ok()?;
    let (d, m) = if month_first { (b, a) } else { (a, b) };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(Expr::Date(Cal {
        year: YearRef::Abs(year_number(group(c, "y")?)?),
        month: Some(m),
        day: Some(d),
    }))
}

/// "du 4 au 5 mai 2020", "les 4 et 5 mai": one range; the first end
/// borrows the month and year of the second.
fn day_range(c: &Captures, _: &str) -> Option<Expr> {
    // "du 3 avril au 6 avril": both ends stand alone, two timexes.
    if group(c, "m1").is_some() && group(c, "y").is_none() {
        return None;
    }
    let m2 = month_of(group(c, "m2")?)?;
    let m1 = match group(c, "m1") {
        Some(m) => month_of(m)?,
        None => m2,
    };
    let (y1, y2) = match group(c, "y") {
        Some(y) => {
            let y: i32 = y.parse().ok()?;
            (
                YearRef::Abs(if m1 > m2 { y - 1 } else { y }),
                YearRef::Abs(y),
            )
        }
        None => (rel_year(group(c, "rel")), rel_year(group(c, "rel"))),
    };
    let d1 = day_of(group(c, "d1")?)?;
    let d2 = day_of(group(c, "d2")?)?;
    let date = |year, month, day| {
        Box::new(Expr::Date(Cal {
            year,
            month: Some(month),
            day: Some(day),
        }))
    };
    Some(Expr::Range(date(y1, m1, d1), date(y2, m2, d2)))
}

/// "de fin septembre à début novembre 2020" → `2020-09/2020-11`.
fn month_range(c: &Captures, _: &str) -> Option<Expr> {
    let m1 = month_of(group(c, "m1")?)?;
    let m2 = month_of(group(c, "m2")?)?;
    let (y1, y2) = match group(c, "y") {
        Some(y) => {
            let y: i32 = y.parse().ok()?;
            (
                YearRef::Abs(if m1 > m2 { y - 1 } else { y }),
                YearRef::Abs(y),
            )
        }
        None => (YearRef::Doc(0), YearRef::Doc(if m1 > m2 { 1 } else { 0 })),
    };
    let month = |year, month| {
        Box::new(Expr::Date(Cal {
            year,
            month: Some(month),
            day: None,
        }))
    };
    Some(Expr::Range(month(y1, m1), month(y2, m2)))
}

/// "2019-2020": a range of years, a short one (not "1914-2014" scores).
pub(crate) fn year_range(c: &Captures, _: &str) -> Option<Expr> {
    let a: i32 = group(c, "a")?.parse().ok()?;
    let b: i32 = group(c, "b")?.parse().ok()?;
    if b <= a || b - a > 20 {
        return None;
    }
    Some(Expr::Range(
        Box::new(Expr::year(YearRef::Abs(a))),
        Box::new(Expr::year(YearRef::Abs(b))),
    ))
}

/// "14 h 30", "17:52 (UTC+01:00)".
pub(crate) fn time(c: &Captures, text: &str) -> Option<Expr> {
    let hour: u32 = group(c, "h")?.parse().ok()?;
    let minute: u32 = group(c, "mi").map_or(Some(0), |m| m.parse().ok())?;
    if hour > 24 || (hour == 24 && minute > 0) {
        return None;
    }
    // "3:1" scores and "1:30:45" race times are not times of day.
    let rest = after(c, text);
    if rest.starts_with(':') || before(c, text).ends_with([':', '-', '.', ',']) {
        return None;
    }
    Some(Expr::Time {
        day: None,
        hour,
        minute,
        zone: group(c, "z").and_then(zone),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for rule in RULES.iter() {
            for caps in rule.anchored.captures_iter(text) {
                let c = Captures::new(text, &caps, rule.filter.names());
                let m = c.name("t").or_else(|| c.get(0)).unwrap();
                if (rule.build)(&c, text).is_some() {
                    out.push((rule.name, m.as_str().to_string()));
                }
            }
        }
        out
    }

    #[test]
    fn ete_alone_is_the_bare_word_in_any_case() {
        for w in ["été", "ÉTÉ", "Été", "étÉ", "ÉtÉ", "éTé"] {
            assert!(ete_alone(w), "{w:?}");
        }
        let not = [
            "",
            "ete",
            "éte",
            "ète",
            "ètè",
            "étée",
            "été ",
            " été",
            "l'été",
            "l’été",
            "été-",
            "été\t",
            "étét",
            "ét",
            "é",
            "t",
            "été2020",
            "été 2020",
            "en été",
            "a été",
            "ēté",
            "e\u{301}te\u{301}",
            "étéétéétéétéétéétéétéété",
        ];
        for w in not {
            assert!(!ete_alone(w), "{w:?}");
        }
        // Where the rule itself finds "été" alone, its meaning rejects it.
        let f = found("Il a été élu ; ÉTÉ, Été. ont  été\tvus");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn years_need_a_year_context() {
        assert!(year_ok(2020, "en ", "", YEAR_PREPS));
        assert!(!year_ok(1988, "l'article ", "", YEAR_PREPS));
        assert!(!year_ok(2000, "", " soldats", YEAR_PREPS));
        assert!(!year_ok(1500, "", "", YEAR_PREPS));
        assert!(year_ok(1789, "en ", "", YEAR_PREPS));
        assert!(!year_ok(2020, "1 ", " km", YEAR_PREPS));
    }

    #[test]
    fn rules_find_their_own_examples() {
        let f = found("le 1er mars");
        assert!(f.iter().any(|(_, t)| t == "le 1er mars"), "{f:?}");
        let f = found("de fin septembre à début novembre 2020");
        assert!(
            f.iter()
                .any(|(n, _)| *n == "fr:de <month> à <month> <year>"),
            "{f:?}"
        );
        let f = found("Il a été élu");
        assert!(f.is_empty(), "{f:?}");
    }
}
