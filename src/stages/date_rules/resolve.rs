//! Turns what a rule understood ([`Expr`]) into a TIMEX3 value, against the
//! document date.
//!
//! Relative expressions are resolved against the document date only, never
//! the clock: with no document date they keep `X` placeholders
//! (`XXXX-10-15`, `XXXX-WXX-2`), so the same input always gives the same
//! output.

use chrono::{Datelike, Duration, NaiveDate};

use crate::doc::TimexType;

/// Which way a relative expression points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// The last occurrence before the document date ("mardi dernier").
    Past,
    /// The next occurrence after it ("mardi prochain").
    Future,
    /// The occurrence in the document's week, month or year ("ce mardi").
    This,
    /// Decided by the verb tense of the sentence (see [`super::tense`]).
    Tense,
}

/// Where a year comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written in the text.
    Abs(i32),
    /// The document's year plus an offset ("l'an dernier": -1).
    Doc(i32),
    /// The nearest year in which the rest of the date falls before (Past)
    /// or after (Future) the document date ("le 6 mai dernier").
    Near(Dir),
    /// Generic: no year applies ("en été" as a habit).
    Generic,
    /// The document's year, unless the tense of the sentence says the date
    /// is in the past ("on 11 December" in a January report of a past
    /// event) or in the future; the same day stays in the document's year.
    Tense,
}

impl YearRef {
    /// True when the year depends on the sentence's tense ([`year_of`]).
    fn reads_tense(self) -> bool {
        matches!(self, YearRef::Tense | YearRef::Near(Dir::Tense))
    }
}

/// A calendar date at day, month or year precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cal {
    /// The year.
    pub year: YearRef,
    /// 1–12, if given.
    pub month: Option<u32>,
    /// 1–31, if given (only with a month).
    pub day: Option<u32>,
}

/// Units of relative shifts and durations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// Weekends (value `2004-W47-WE`).
    Weekend,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
}

/// What a rule understood, before the document date is applied.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A calendar date, possibly missing its year.
    Date(Cal),
    /// A weekday (0 = Monday) to place before or after the document date.
    Weekday(u32, Dir),
    /// The unit containing the document date shifted by `n` units ("hier":
    /// day -1, "la semaine dernière": week -1, "cette année": year 0).
    Shift(Unit, i32),
    /// A time of day; `day` `None` means "anchor it on the date the text is
    /// talking about" (see `DateRules::anchor_times`).
    Time {
        /// The date it is on, when the same expression says.
        day: Option<Box<Expr>>,
        /// 0–24.
        hour: u32,
        /// 0–59.
        minute: u32,
        /// `Z`, `+01:00`, `-05:00`.
        zone: Option<String>,
    },
    /// A part of a day ("ce matin" → `TMO`).
    PartOfDay(Box<Expr>, &'static str),
    /// A season (`SP`, `SU`, `FA`, `WI`) of a year.
    Season(YearRef, &'static str),
    /// A quarter (1–4) of a year.
    Quarter(YearRef, u32),
    /// A half year (1–2) of a year.
    Half(YearRef, u32),
    /// A range of two expressions, each at its own precision.
    Range(Box<Expr>, Box<Expr>),
    /// A value known without the document date (durations, sets, decades).
    Literal(TimexType, String),
    /// The day the text is talking about, plus a suffix ("la nuit" →
    /// `TNI`, "the day" → none): the document date until
    /// `DateRules::anchor_times` finds the day in context.
    Anchored(TimexType, &'static str),
}

impl Expr {
    /// A date with only a year.
    pub(crate) fn year(year: YearRef) -> Expr {
        Expr::Date(Cal {
            year,
            month: None,
            day: None,
        })
    }

    /// True when the value depends on the sentence's tense
    /// ([`Context::tense`]): a weekday or a year placed by it. Reading a
    /// sentence's tense costs regex searches, wasted on every other
    /// expression.
    pub(crate) fn reads_tense(&self) -> bool {
        match self {
            Expr::Date(cal) => cal.year.reads_tense(),
            Expr::Weekday(_, dir) => *dir == Dir::Tense,
            Expr::Season(year, _) | Expr::Quarter(year, _) | Expr::Half(year, _) => {
                year.reads_tense()
            }
            Expr::Time { day, .. } => day.as_deref().is_some_and(Expr::reads_tense),
            Expr::PartOfDay(day, _) => day.reads_tense(),
            Expr::Range(a, b) => a.reads_tense() || b.reads_tense(),
            Expr::Shift(..) | Expr::Literal(..) | Expr::Anchored(..) => false,
        }
    }

    /// True when the expression names a whole day or more precise (used to
    /// find the document date and to anchor times).
    pub(crate) fn is_full_date(&self) -> bool {
        matches!(
            self,
            Expr::Date(Cal {
                year: YearRef::Abs(_),
                month: Some(_),
                day: Some(_)
            })
        )
    }
}

/// What resolution needs besides the expression.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// The document date.
    pub doc_date: Option<NaiveDate>,
    /// The direction the sentence's tense gives (for [`Dir::Tense`]).
    pub tense: Dir,
}

/// The TIMEX3 type and value of `expr`, or `None` when it names no real
/// date (the 31st of February).
pub(crate) fn resolve(expr: &Expr, ctx: &Context) -> Option<(TimexType, String)> {
    match expr {
        Expr::Literal(kind, value) => Some((*kind, value.clone())),
        Expr::Time {
            day,
            hour,
            minute,
            zone,
        } => {
            let date = match day {
                Some(d) => resolve(d, ctx)?.1,
                None => match ctx.doc_date {
                    Some(d) => ymd(d),
                    None => "XXXX-XX-XX".to_string(),
                },
            };
            let zone = zone.as_deref().unwrap_or("");
            Some((
                TimexType::Time,
                format!("{date}T{hour:02}:{minute:02}{zone}"),
            ))
        }
        Expr::PartOfDay(day, part) => {
            let date = resolve(day, ctx)?.1;
            Some((TimexType::Time, format!("{date}T{part}")))
        }
        Expr::Anchored(kind, suffix) => {
            let date = match ctx.doc_date {
                Some(d) => ymd(d),
                None => "XXXX-XX-XX".to_string(),
            };
            Some((*kind, format!("{date}{suffix}")))
        }
        Expr::Range(a, b) => {
            let (_, a) = resolve(a, ctx)?;
            let (_, b) = resolve(b, ctx)?;
            Some((TimexType::Date, format!("{a}/{b}")))
        }
        _ => Some((TimexType::Date, date_value(expr, ctx)?)),
    }
}

/// The value of a DATE expression.
fn date_value(expr: &Expr, ctx: &Context) -> Option<String> {
    let doc = ctx.doc_date;
    match *expr {
        Expr::Date(cal) => cal_value(cal, ctx),
        Expr::Weekday(wd, dir) => {
            let Some(doc) = doc else {
                return Some(format!("XXXX-WXX-{}", wd + 1));
            };
            let today = i64::from(doc.weekday().num_days_from_monday());
            let wd = i64::from(wd);
            let back = (today - wd).rem_euclid(7);
            let ahead = (wd - today).rem_euclid(7);
            let delta = match dir {
                // The weekday of the document date itself is that day: a
                // report's "on Monday" published on a Monday.
                Dir::Tense if back == 0 => 0,
                Dir::Tense if ctx.tense == Dir::Future => ahead,
                // "ce lundi": the nearest one, before or after.
                Dir::This => {
                    if ahead > 3 {
                        ahead - 7
                    } else {
                        ahead
                    }
                }
                Dir::Future => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                Dir::Past | Dir::Tense => -(if back == 0 { 7 } else { back }),
            };
            Some(ymd(doc.checked_add_signed(Duration::days(delta))?))
        }
        Expr::Shift(unit, n) => {
            let Some(doc) = doc else {
                return Some(
                    match unit {
                        Unit::Day => "XXXX-XX-XX",
                        Unit::Week => "XXXX-WXX",
                        Unit::Weekend => "XXXX-WXX-WE",
                        Unit::Month => "XXXX-XX",
                        Unit::Quarter => "XXXX-QX",
                        Unit::Year => "XXXX",
                    }
                    .to_string(),
                );
            };
            shift(doc, unit, n)
        }
        Expr::Season(y, s) => Some(format!("{}-{s}", year_of(y, None, ctx)?)),
        Expr::Quarter(y, q) => Some(format!("{}-Q{q}", year_of(y, None, ctx)?)),
        Expr::Half(y, h) => Some(format!("{}-H{h}", year_of(y, None, ctx)?)),
        _ => None,
    }
}

/// The value of a unit shifted `n` times from the one containing `doc`.
fn shift(doc: NaiveDate, unit: Unit, n: i32) -> Option<String> {
    match unit {
        Unit::Day => Some(ymd(doc.checked_add_signed(Duration::days(n.into()))?)),
        Unit::Week | Unit::Weekend => {
            let d = doc.checked_add_signed(Duration::weeks(n.into()))?;
            let week = iso_week(d);
            Some(if unit == Unit::Weekend {
                format!("{week}-WE")
            } else {
                week
            })
        }
        Unit::Month => {
            let months = doc.year() * 12 + doc.month0() as i32 + n;
            Some(format!(
                "{:04}-{:02}",
                months.div_euclid(12),
                months.rem_euclid(12) + 1
            ))
        }
        Unit::Quarter => {
            let q = doc.year() * 4 + (doc.month0() / 3) as i32 + n;
            Some(format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1))
        }
        Unit::Year => Some(format!("{:04}", doc.year() + n)),
    }
}

/// The value of a calendar date.
fn cal_value(cal: Cal, ctx: &Context) -> Option<String> {
    if let (Some(m), Some(d)) = (cal.month, cal.day) {
        // Check the day exists, in a leap year when the year is unknown.
        let y = year_of(cal.year, Some((m, d)), ctx);
        let probe = y.as_deref().and_then(|y| y.parse().ok()).unwrap_or(2000);
        NaiveDate::from_ymd_opt(probe, m, d)?;
        let mut out = y.unwrap_or_else(xxxx);
        out.push('-');
        push_padded(&mut out, m, 2);
        out.push('-');
        push_padded(&mut out, d, 2);
        return Some(out);
    }
    let mut y = year_of(cal.year, cal.month.map(|m| (m, 0)), ctx).unwrap_or_else(xxxx);
    if let Some(m) = cal.month {
        y.push('-');
        push_padded(&mut y, m, 2);
    }
    Some(y)
}

fn xxxx() -> String {
    let mut out = String::with_capacity(10);
    out.push_str("XXXX");
    out
}

/// The year as written in a value, `XXXX` when unknown. `md` is the month
/// and day (day 0 for a whole month) for [`YearRef::Near`].
fn year_of(y: YearRef, md: Option<(u32, u32)>, ctx: &Context) -> Option<String> {
    let doc = ctx.doc_date;
    let year = match y {
        YearRef::Abs(y) => y,
        YearRef::Generic => return Some(xxxx()),
        YearRef::Doc(n) => doc?.year() + n,
        YearRef::Tense => {
            let doc = doc?;
            let (m, d) = md.unwrap_or((doc.month(), doc.day()));
            let here = (doc.month(), if d == 0 { 0 } else { doc.day() });
            match ctx.tense {
                Dir::Past if (m, d) > here => doc.year() - 1,
                Dir::Future if (m, d) < here => doc.year() + 1,
                _ => doc.year(),
            }
        }
        YearRef::Near(dir) => {
            let doc = doc?;
            let dir = if dir == Dir::Tense { ctx.tense } else { dir };
            let (m, d) = md.unwrap_or((doc.month(), doc.day()));
            let here = (doc.month(), if d == 0 { 0 } else { doc.day() });
            match dir {
                Dir::Past if (m, d) >= here => doc.year() - 1,
                Dir::Future if (m, d) <= here => doc.year() + 1,
                _ => doc.year(),
            }
        }
    };
    // Room for the "-MM-DD" that usually follows.
    let mut out = String::with_capacity(10);
    match u32::try_from(year) {
        Ok(year) => push_padded(&mut out, year, 4),
        Err(_) => out = format!("{year:04}"),
    }
    Some(out)
}

/// Appends `n` in decimal, zero-padded to `width` digits, as
/// `format!("{n:0width$}")` writes it.
fn push_padded(out: &mut String, n: u32, width: usize) {
    let digits = n.checked_ilog10().map_or(1, |l| l as usize + 1);
    out.extend(std::iter::repeat_n('0', width.saturating_sub(digits)));
    let mut div = 10u32.pow(digits as u32 - 1);
    while div > 0 {
        out.push(char::from(b'0' + (n / div % 10) as u8));
        div /= 10;
    }
}

/// The ISO week of `d`, as `%G-W%V` ([`ymd`] says why not `format`).
fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    if let Ok(year @ 0..=9999) = u32::try_from(w.year()) {
        let mut out = String::with_capacity(8);
        push_padded(&mut out, year, 4);
        out.push_str("-W");
        push_padded(&mut out, w.week(), 2);
        out
    } else {
        d.format("%G-W%V").to_string()
    }
}

/// `d` as `%Y-%m-%d`. Years of four digits are written digit by digit:
/// chrono's `format` parses its format string at every call, and `format!`
/// with widths was most of the cost of resolving a date; other years (a
/// sign, five digits) go through chrono.
fn ymd(d: NaiveDate) -> String {
    if let Ok(year @ 0..=9999) = u32::try_from(d.year()) {
        let mut out = String::with_capacity(10);
        push_padded(&mut out, year, 4);
        out.push('-');
        push_padded(&mut out, d.month(), 2);
        out.push('-');
        push_padded(&mut out, d.day(), 2);
        out
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// A duration value: `P3D`, `PT2H`, `PT30.4S`, `PXY` when the number is
/// vague ("plusieurs années").
pub(crate) fn duration(n: Option<f64>, unit: char, time: bool) -> String {
    let t = if time { "T" } else { "" };
    match n {
        Some(n) if n.fract() == 0.0 => format!("P{t}{}{unit}", n as i64),
        Some(n) => format!("P{t}{}{unit}", (n * 1000.0).round() / 1000.0),
        None => format!("P{t}X{unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_numbers_are_format_s() {
        for n in [0, 1, 9, 10, 99, 100, 999, 1000, 2024, 9999, 12345, u32::MAX] {
            for width in 0..6 {
                let mut s = String::new();
                push_padded(&mut s, n, width);
                assert_eq!(s, format!("{n:0width$}"));
            }
        }
    }

    #[test]
    fn dates_and_weeks_are_written_as_chrono_writes_them() {
        let mut dates: Vec<NaiveDate> = [(-1, 12, 31), (0, 1, 1), (999, 1, 3), (9999, 12, 31)]
            .iter()
            .filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
            .collect();
        dates.extend(NaiveDate::from_ymd_opt(10000, 1, 1));
        let start = NaiveDate::from_ymd_opt(2019, 12, 20).unwrap();
        dates.extend((0..800).filter_map(|n| start.checked_add_signed(Duration::days(n))));
        for d in dates {
            assert_eq!(ymd(d), d.format("%Y-%m-%d").to_string());
            assert_eq!(iso_week(d), d.format("%G-W%V").to_string());
        }
    }

    fn ctx(d: &str, tense: Dir) -> Context {
        Context {
            doc_date: Some(d.parse().unwrap()),
            tense,
        }
    }

    fn value(e: Expr, c: &Context) -> String {
        resolve(&e, c).unwrap().1
    }

    #[test]
    fn weekdays_follow_direction() {
        // 2021-10-15 is a Friday.
        let past = ctx("2021-10-15", Dir::Past);
        assert_eq!(value(Expr::Weekday(1, Dir::Tense), &past), "2021-10-12");
        assert_eq!(value(Expr::Weekday(4, Dir::Tense), &past), "2021-10-15");
        assert_eq!(value(Expr::Weekday(4, Dir::Past), &past), "2021-10-08");
        assert_eq!(value(Expr::Weekday(1, Dir::Future), &past), "2021-10-19");
        assert_eq!(value(Expr::Weekday(4, Dir::Future), &past), "2021-10-22");
        let fut = ctx("2021-10-15", Dir::Future);
        assert_eq!(value(Expr::Weekday(1, Dir::Tense), &fut), "2021-10-19");
    }

    #[test]
    fn shifts_use_iso_weeks_and_month_arithmetic() {
        let c = ctx("2004-11-24", Dir::Past);
        assert_eq!(value(Expr::Shift(Unit::Week, -1), &c), "2004-W47");
        assert_eq!(value(Expr::Shift(Unit::Month, 2), &c), "2005-01");
        assert_eq!(value(Expr::Shift(Unit::Day, -24), &c), "2004-10-31");
        assert_eq!(value(Expr::Shift(Unit::Year, -1), &c), "2003");
        assert_eq!(value(Expr::Shift(Unit::Quarter, -4), &c), "2003-Q4");
    }

    #[test]
    fn near_years_and_placeholders() {
        let c = ctx("2003-02-24", Dir::Past);
        let cal = |year, month, day| Expr::Date(Cal { year, month, day });
        let dec = cal(YearRef::Near(Dir::Past), Some(12), Some(20));
        assert_eq!(value(dec.clone(), &c), "2002-12-20");
        let none = Context {
            doc_date: None,
            tense: Dir::Past,
        };
        assert_eq!(value(dec, &none), "XXXX-12-20");
        assert_eq!(value(Expr::Weekday(1, Dir::Tense), &none), "XXXX-WXX-2");
        assert!(resolve(&cal(YearRef::Abs(2021), Some(2), Some(30)), &c).is_none());
        assert_eq!(
            value(cal(YearRef::Doc(0), Some(2), Some(29)), &none),
            "XXXX-02-29"
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Some(30.4), 'S', true), "PT30.4S");
        assert_eq!(duration(Some(3.0), 'D', false), "P3D");
        assert_eq!(duration(None, 'Y', false), "PXY");
    }
}
