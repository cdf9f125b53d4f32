//! Cheap necessary conditions for the date rules, so that the rules' own
//! regexes (Unicode word boundaries, captures: the slow engines) run only
//! where they can match.
//!
//! Both are derived from each rule's pattern when the rules are compiled,
//! never written by hand, so they cannot drift from the rules:
//! - [`gate_factors`]: pieces every match of a rule contains, each one, for
//!   one set scan over a sentence's projection;
//! - [`Projected`]: the strict rule over an ASCII projection of the text in
//!   which Unicode word boundaries become ASCII ones, which the lazy DFA
//!   runs (it gives up on a Unicode `\b` at the first non-ASCII byte).

use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::util::pool::Pool;
use regex_automata::util::primitives::NonMaxUsize;

use super::gate::Bounds;
use super::Captures;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};

/// A sub-pattern that matches somewhere inside every match of `hir`: a
/// necessary condition for `hir` to match, much cheaper to test.
///
/// A set of all the rules at once made the lazy DFA build state after
/// state (each state a mix of positions in some thirty patterns with
/// optional prefixes); the rules' required pieces ("semaine|mois|an|...",
/// four digits, a month name) are plain alternations of literals and
/// classes, which a set scans at DFA speed.
///
/// - a literal or a class is its own piece; an assertion (`\b`) or the
///   empty pattern has none;
/// - a capture group's piece is its content's; a repetition at least once
///   gives its content's piece (a run of `n` copies for a plain atom: four
///   digits for `\d{4}`); an optional part has none;
/// - an alternation's piece is the alternation of its branches' pieces,
///   if each has one;
/// - in a concatenation, any run of consecutive plain parts (literals,
///   classes, and groups and alternations of those, as `(?i)` spells words)
///   is a piece, and so is each other part's own piece; the longest (in
///   minimum bytes) is taken.
fn required_factor(hir: &Hir) -> Option<Hir> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(_) | HirKind::Class(_) => Some(hir.clone()),
        HirKind::Capture(c) => required_factor(&c.sub),
        HirKind::Repetition(r) if r.min == 0 => None,
        HirKind::Repetition(r) if is_plain(&r.sub) => Some(Hir::repetition(Repetition {
            min: r.min,
            max: Some(r.min),
            greedy: true,
            sub: Box::new(r.sub.as_ref().clone()),
        })),
        HirKind::Repetition(r) => required_factor(&r.sub),
        HirKind::Alternation(branches) => branches
            .iter()
            .map(required_factor)
            .collect::<Option<Vec<_>>>()
            .map(Hir::alternation),
        HirKind::Concat(parts) => {
            let mut best: Option<Hir> = None;
            let mut keep = |candidate: Hir| {
                let len = |h: &Hir| h.properties().minimum_len().unwrap_or(0);
                if best.as_ref().is_none_or(|b| len(&candidate) > len(b)) {
                    best = Some(candidate);
                }
            };
            let mut run: Vec<Hir> = Vec::new();
            for part in parts {
                if is_plain(part) {
                    run.push(part.clone());
                    continue;
                }
                if !run.is_empty() {
                    keep(Hir::concat(std::mem::take(&mut run)));
                }
                if let Some(f) = required_factor(part) {
                    keep(f);
                }
            }
            if !run.is_empty() {
                keep(Hir::concat(run));
            }
            best
        }
    }
}

/// The gate pieces of a rule: pieces of the rule's projected pattern
/// ([`Projected`]) that every match of it contains, each one, so that the
/// rule can match a sentence only if all of them occur in its projection.
///
/// A single piece per rule, read without the rule's boundaries, let most French
/// sentences through for most rules: "an" occurs inside "dans" and
/// "France", "les", "par" and "mai" ("mais") in any sentence. Every piece
/// here keeps the word boundaries around it (ASCII ones on the projection,
/// where they mean what the rule's Unicode ones mean on the text), and a
/// rule needs all its pieces: "les <day> et <day> <month>" needs a month
/// name as well as "les".
///
/// Pieces shorter than two bytes are left out (a space, a digit: nearly
/// every sentence has one), unless the rule has no other.
pub(super) fn gate_factors(pattern: &str) -> Vec<String> {
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .unwrap_or_else(|e| panic!("date rule {pattern}: {e}"));
    let mut all = Vec::new();
    required_factors(&project_hir(&hir), &mut all);
    let len = |h: &Hir| h.properties().minimum_len().unwrap_or(0);
    let mut out: Vec<String> = all
        .iter()
        .filter(|h| len(h) >= 3)
        .map(|h| h.to_string())
        .collect();
    if out.is_empty() {
        out.extend(all.iter().max_by_key(|h| len(h)).map(|h| h.to_string()));
    }
    out.sort();
    out.dedup();
    out
}

/// Pushes onto `out` sub-patterns that each match somewhere inside every
/// match of `hir` ([`gate_factors`]).
///
/// - a literal or a class is its own piece; an assertion or the empty
///   pattern has none; an optional part has none;
/// - a capture group's pieces are its content's; a repetition at least
///   once gives its content's pieces (a run of `n` copies for a plain atom:
///   four digits for `\d{4}`);
/// - an alternation gives one piece, the alternation of its branches'
///   pieces ([`required_factor`]), if each has one;
/// - a concatenation (groups inside it opened up) gives each run of
///   consecutive plain parts, assertions included, as a piece: a
///   repetition of a plain atom ends a run with its `n` required copies and
///   starts the next with one ("les\s+derniers": "\bles\s" and
///   "\sderniers"); every other part gives its own pieces.
fn required_factors(hir: &Hir, out: &mut Vec<Hir>) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(_) | HirKind::Class(_) => out.push(hir.clone()),
        HirKind::Capture(c) => required_factors(&c.sub, out),
        HirKind::Repetition(r) if r.min == 0 => {}
        HirKind::Repetition(r) if is_plain(&r.sub) => out.push(copies(&r.sub, r.min)),
        HirKind::Repetition(r) => required_factors(&r.sub, out),
        HirKind::Alternation(_) => out.extend(required_factor(hir)),
        HirKind::Concat(_) => {
            let mut parts = Vec::new();
            open_up(hir, &mut parts);
            let mut run: Vec<Hir> = Vec::new();
            let close = |run: &mut Vec<Hir>, out: &mut Vec<Hir>| {
                let piece = Hir::concat(std::mem::take(run));
                if piece.properties().minimum_len().is_some_and(|n| n > 0) {
                    out.push(piece);
                }
            };
            for part in parts {
                match part.kind() {
                    HirKind::Look(_) => run.push(part.clone()),
                    _ if is_simple(part) => run.push(part.clone()),
                    HirKind::Repetition(r) if r.min > 0 && is_plain(&r.sub) => {
                        run.push(copies(&r.sub, r.min));
                        close(&mut run, out);
                        run.push(r.sub.as_ref().clone());
                    }
                    _ => {
                        close(&mut run, out);
                        required_factors(part, out);
                    }
                }
            }
            close(&mut run, out);
        }
    }
}

/// True when `hir` is cheap for the gate's DFA, however long its matches:
/// literals, classes and assertions, repeated runs of one char class
/// (`\\s+`), optional groups of those (`(?:-ci)?`), and sequences and
/// alternations of these. Such parts stay in a gate piece, so that it keeps
/// what follows a word: "an" in "(?:an|mois)(?:-ci)?(?:\\s+dernier)?\\b" is
/// a whole word, not the end of "dans".
fn is_simple(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) | HirKind::Class(_) => true,
        HirKind::Capture(c) => is_simple(&c.sub),
        HirKind::Repetition(r) => {
            matches!(r.sub.kind(), HirKind::Class(_) | HirKind::Literal(_))
                || (r.max == Some(1) && is_simple(&r.sub))
        }
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().all(is_simple),
    }
}

/// The parts of a concatenation, with the groups and concatenations inside
/// it opened up, in order.
fn open_up<'h>(hir: &'h Hir, parts: &mut Vec<&'h Hir>) {
    match hir.kind() {
        HirKind::Concat(inner) => inner.iter().for_each(|h| open_up(h, parts)),
        HirKind::Capture(c) => open_up(&c.sub, parts),
        _ => parts.push(hir),
    }
}

/// `n` copies of `hir` in a row.
fn copies(hir: &Hir, n: u32) -> Hir {
    Hir::repetition(Repetition {
        min: n,
        max: Some(n),
        greedy: true,
        sub: Box::new(hir.clone()),
    })
}

/// True when `hir` reads one of a fixed set of strings, with no optional or
/// repeated part: literals and classes, and groups, sequences and
/// alternations of those.
fn is_plain(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Literal(_) | HirKind::Class(_) => true,
        HirKind::Capture(c) => is_plain(&c.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().all(is_plain),
        HirKind::Empty | HirKind::Look(_) | HirKind::Repetition(_) => false,
    }
}

/// What a non-ASCII char that is a word char (for `\b`) projects to: an
/// ASCII word char.
const WORD: char = '_';
/// What any other non-ASCII char projects to: an ASCII char that is not a
/// word char.
const OTHER: char = '\u{7f}';

/// A rule's regex, rewritten to run on [`project`]ed text: a filter that
/// matches the projection of every text the rule matches (and some more).
///
/// The projection keeps ASCII as it is and maps every other char to
/// [`WORD`] or [`OTHER`] by whether it is a word char; the rewritten regex
/// maps each literal and class the same way and each Unicode word boundary
/// to an ASCII one. A match of the rule is then, step by step, a match of
/// the filter on the projection: every char it reads projects into what
/// the filter reads there, and each boundary sees word chars where the rule
/// saw them. So where the filter finds nothing, the rule finds nothing, and
/// the filter, being ASCII with ASCII boundaries, runs on the lazy DFA.
pub(super) struct Projected {
    /// The projected pattern, for the leftmost match from a position. Built
    /// without a literal prefilter: the lazy DFA restarted the prefilter
    /// each time it fell back to its start state, at nearly every word.
    re: regex_automata::meta::Regex,
    /// The same projected pattern with "all" match semantics: anchored, it
    /// finds the end of the longest match from a position
    /// ([`Projected::limit`]).
    longest: regex_automata::meta::Regex,
    /// The rule never matches the empty string, so its matches can be found
    /// one after the other from the previous one's end.
    nonempty: bool,
    /// The projected pattern as a bounded backtracker, for the groups of a
    /// match found on plain ASCII ([`Projected::captures`]), and its
    /// buffers.
    plain: BoundedBacktracker,
    plain_buffers: Pool<PlainBuffers, MakeBuffers>,
    /// The pattern's group names by group index, as [`super::name_key`]s
    /// (0 for a group without a name), for [`Captures::name`].
    names: Vec<u64>,
    /// The rule's span (its group `t`, or the whole match without one) is
    /// always its whole match ([`span_is_whole_match`]): on plain ASCII,
    /// the filter's match then tells the span without the groups
    /// ([`Projected::captures_or_spans`]).
    whole_span: bool,
    /// Reads the groups of a plain match by hand, before the backtracker
    /// is asked ([`super::by_hand`]); only for a rule whose span is its
    /// whole match.
    by_hand: Option<super::by_hand::Reader>,
    /// Tells, from its text, a window on accented text where the rule's
    /// match is the filter's and the rule's meaning rejects it
    /// ([`Projected::rejects`]): such a window is passed over without the
    /// rule's own search.
    rejects: Option<fn(&str) -> bool>,
    /// The bytes that no match of the projected pattern holds (none of its
    /// literals and classes reads them), by value: a match never spans
    /// one ([`Projected::floor`]).
    outside: [bool; 256],
    /// For each group index, the group's words when its pattern is a short
    /// list of fixed words ([`LiteralGroup`]): on accented text, a match
    /// whose every non-ASCII char sits in such a group is read on the
    /// projection ([`Projected::read_accented`]).
    literal_groups: Vec<Option<LiteralGroup>>,
    /// Some group is a [`LiteralGroup`].
    any_literal_group: bool,
}

/// One char of a fixed word of a [`LiteralGroup`]: the chars the rule
/// takes there, and, as a bit per ASCII byte, what the filter takes.
#[derive(Clone)]
struct Step {
    ranges: Vec<(char, char)>,
    projected: u128,
}

impl Step {
    fn new(class: &ClassUnicode) -> Step {
        let ranges: Vec<(char, char)> = class
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect();
        let projected = project_class(ranges.iter().map(|&(a, b)| (u32::from(a), u32::from(b))));
        let bits = projected
            .ranges()
            .iter()
            .flat_map(|r| u32::from(r.start())..=u32::from(r.end()))
            .filter(|&c| c < 128)
            .fold(0u128, |bits, c| bits | 1 << c);
        Step {
            ranges,
            projected: bits,
        }
    }

    fn takes(&self, c: char) -> bool {
        self.ranges.iter().any(|&(a, b)| a <= c && c <= b)
    }

    fn takes_projected(&self, b: u8) -> bool {
        b < 128 && self.projected >> b & 1 == 1
    }
}

/// A group whose pattern is a finite list of fixed words ("janvier|
/// février|...|(?:déc|dec)\.?"), one class per char, in the order the
/// rule prefers them: no group, look-around or unbounded repetition
/// inside.
struct LiteralGroup {
    words: Vec<Vec<Step>>,
}

impl LiteralGroup {
    /// At most this many words, of at most this many chars, per group.
    const MAX_WORDS: usize = 256;
    const MAX_CHARS: usize = 32;

    fn new(hir: &Hir) -> Option<LiteralGroup> {
        Some(LiteralGroup {
            words: LiteralGroup::expand(hir)?,
        })
    }

    /// The words of `hir` in the rule's order of preference, as classes.
    fn expand(hir: &Hir) -> Option<Vec<Vec<Step>>> {
        let words = match hir.kind() {
            HirKind::Empty => vec![Vec::new()],
            HirKind::Literal(lit) => vec![std::str::from_utf8(&lit.0)
                .ok()?
                .chars()
                .map(|c| Step::new(&ClassUnicode::new([ClassUnicodeRange::new(c, c)])))
                .collect()],
            HirKind::Class(Class::Unicode(class)) => vec![vec![Step::new(class)]],
            HirKind::Class(Class::Bytes(_)) | HirKind::Look(_) | HirKind::Capture(_) => {
                return None
            }
            HirKind::Repetition(r) if r.min == 0 && r.max == Some(1) => {
                let sub = LiteralGroup::expand(&r.sub)?;
                let none = vec![Vec::new()];
                if r.greedy {
                    sub.into_iter().chain(none).collect()
                } else {
                    none.into_iter().chain(sub).collect()
                }
            }
            HirKind::Repetition(_) => return None,
            HirKind::Alternation(branches) => {
                let mut all = Vec::new();
                for b in branches {
                    all.extend(LiteralGroup::expand(b)?);
                }
                all
            }
            HirKind::Concat(parts) => {
                let mut all: Vec<Vec<Step>> = vec![Vec::new()];
                for part in parts {
                    let tails = LiteralGroup::expand(part)?;
                    let mut next = Vec::new();
                    for head in &all {
                        for tail in &tails {
                            if next.len() >= LiteralGroup::MAX_WORDS {
                                return None;
                            }
                            next.push(head.iter().chain(tail).cloned().collect());
                        }
                    }
                    all = next;
                }
                all
            }
        };
        let fits = words.len() <= LiteralGroup::MAX_WORDS
            && words.iter().all(|w| w.len() <= LiteralGroup::MAX_CHARS);
        fits.then_some(words)
    }

    /// True when the rule reads `text` as the filter reads `projected`
    /// (its projection) here: the first word the filter can take for
    /// `projected` (the word its preferred path takes, as any earlier one
    /// would make a path it prefers) takes `text` in the rule too.
    fn reads_alike(&self, text: &str, projected: &[u8]) -> bool {
        let Some(word) = self.words.iter().find(|w| {
            w.len() == projected.len()
                && w.iter().zip(projected).all(|(s, &b)| s.takes_projected(b))
        }) else {
            return false;
        };
        let mut chars = text.chars();
        word.iter()
            .all(|s| chars.next().is_some_and(|c| s.takes(c)))
            && chars.next().is_none()
    }
}

/// The [`LiteralGroup`] of each group of `hir`, by group index (0, the
/// whole match, has none).
fn literal_groups(hir: &Hir) -> Vec<Option<LiteralGroup>> {
    fn walk(hir: &Hir, out: &mut Vec<Option<LiteralGroup>>) {
        match hir.kind() {
            HirKind::Capture(c) => {
                let i = c.index as usize;
                if out.len() <= i {
                    out.resize_with(i + 1, || None);
                }
                if let Some(slot) = out.get_mut(i) {
                    *slot = LiteralGroup::new(&c.sub);
                }
                walk(&c.sub, out);
            }
            HirKind::Repetition(r) => walk(&r.sub, out),
            HirKind::Concat(parts) | HirKind::Alternation(parts) => {
                parts.iter().for_each(|p| walk(p, out))
            }
            _ => {}
        }
    }
    let mut out = vec![None];
    walk(hir, &mut out);
    out
}

/// For each byte, whether no match of `hir` holds it: no literal or class
/// of `hir` reads it.
fn outside(hir: &Hir) -> [bool; 256] {
    fn read(hir: &Hir, inside: &mut [bool; 256]) {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => {}
            HirKind::Literal(lit) => lit.0.iter().for_each(|&b| inside[usize::from(b)] = true),
            HirKind::Class(Class::Unicode(class)) => {
                for range in class.ranges() {
                    let (start, end) = (u32::from(range.start()), u32::from(range.end()));
                    // Bytes above 0x7f are no chars of their own; a
                    // projection holds none.
                    for c in start..=end.min(0x7f) {
                        inside[c as usize] = true;
                    }
                }
            }
            HirKind::Class(Class::Bytes(class)) => {
                for range in class.ranges() {
                    (range.start()..=range.end()).for_each(|b| inside[usize::from(b)] = true);
                }
            }
            HirKind::Capture(c) => read(&c.sub, inside),
            HirKind::Repetition(r) => read(&r.sub, inside),
            HirKind::Concat(parts) | HirKind::Alternation(parts) => {
                parts.iter().for_each(|p| read(p, inside))
            }
        }
    }
    let mut inside = [false; 256];
    read(hir, &mut inside);
    // Only ASCII bytes count: a projection holds no other.
    std::array::from_fn(|b| b < 0x80 && !inside[b])
}

/// True when the span of every match of `hir` (its group `t`, or the whole
/// match when it has none) is the whole match: no group `t`, or a group `t`
/// with nothing but assertions around it (`\b(?P<t>...)\b`), which then
/// takes part in every match and covers it.
fn span_is_whole_match(hir: &Hir) -> bool {
    let is_span =
        |h: &Hir| matches!(h.kind(), HirKind::Capture(c) if c.name.as_deref() == Some("t"));
    if !has_span_group(hir) || is_span(hir) {
        return true;
    }
    match hir.kind() {
        HirKind::Concat(parts) => {
            parts.iter().filter(|p| is_span(p)).count() == 1
                && parts
                    .iter()
                    .all(|p| is_span(p) || matches!(p.kind(), HirKind::Look(_)))
        }
        _ => false,
    }
}

/// True when `hir` has a group named `t` (the span of a rule's match).
fn has_span_group(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => false,
        HirKind::Capture(c) => c.name.as_deref() == Some("t") || has_span_group(&c.sub),
        HirKind::Repetition(r) => has_span_group(&r.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().any(has_span_group),
    }
}

/// The backtracker's cache and a captures buffer for its matches, taken
/// from the pool once per sentence: a new captures buffer for each
/// sentence and rule was an allocation and a free.
struct PlainBuffers {
    cache: backtrack::Cache,
    caps: regex_automata::util::captures::Captures,
}

/// Makes the backtracker's buffers (one set per thread, from a pool).
type MakeBuffers = Box<dyn Fn() -> PlainBuffers + Send + Sync>;

/// True when the filter reads `window` exactly as the rule does: ASCII,
/// which the projection keeps, and none of the two chars that the
/// projection's non-ASCII chars become ([`WORD`], [`OTHER`]), which the
/// filter's classes may take where the rule's do not.
///
/// A match of the filter over such a window is then the rule's match
/// there: every path through the rule that matches is a path through the
/// filter that matches, in the same order of preference, so the rule's
/// preferred path comes no earlier than the filter's; and the filter's
/// preferred path reads only the window, where the rule reads what the
/// filter reads, so the rule takes it too. Boundaries at the window's
/// edges see the chars beyond it as word chars or not, alike in the rule
/// and in the projection.
fn reads_alike(window: &[u8]) -> bool {
    window
        .iter()
        .all(|&b| b.is_ascii() && b != WORD as u8 && b != OTHER as u8)
}

impl Projected {
    /// The filter of `pattern` (a pattern the rules compile).
    pub(super) fn new(pattern: &str) -> Projected {
        let hir = regex_syntax::Parser::new()
            .parse(pattern)
            .unwrap_or_else(|e| panic!("date rule {pattern}: {e}"));
        let nonempty = hir.properties().minimum_len().is_some_and(|n| n > 0);
        let projected_hir = project_hir(&hir);
        let outside = outside(&projected_hir);
        let projected = projected_hir.to_string();
        let re = regex_automata::meta::Regex::builder()
            .configure(regex_automata::meta::Regex::config().auto_prefilter(false))
            .build(&projected)
            .unwrap_or_else(|e| panic!("projected date rule {projected}: {e}"));
        let longest = regex_automata::meta::Regex::builder()
            .configure(
                regex_automata::meta::Regex::config()
                    .match_kind(regex_automata::MatchKind::All)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit),
            )
            .build(&projected)
            .unwrap_or_else(|e| panic!("projected date rule {projected}: {e}"));
        let plain = BoundedBacktracker::new(&projected)
            .unwrap_or_else(|e| panic!("projected date rule {projected}: {e}"));
        let names = plain
            .get_nfa()
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .map(|name| {
                name.map_or(0, |n| {
                    super::name_key(n)
                        .unwrap_or_else(|| panic!("date rule {pattern}: group name {n} too long"))
                })
            })
            .collect();
        let groups = literal_groups(&hir);
        let for_caches = plain.clone();
        let make: MakeBuffers = Box::new(move || PlainBuffers {
            cache: for_caches.create_cache(),
            caps: for_caches.create_captures(),
        });
        Projected {
            re,
            longest,
            nonempty,
            plain,
            plain_buffers: Pool::new(make),
            names,
            whole_span: span_is_whole_match(&hir),
            by_hand: None,
            rejects: None,
            outside,
            any_literal_group: groups.iter().any(Option::is_some),
            literal_groups: groups,
        }
    }

    /// The projected offset before which no match of the filter starts in
    /// `projected`, given that every match holds a match of a piece that
    /// ends at or after `first_end` ([`super::gate::Bounds`]): just after
    /// the last byte before `first_end` that no match holds
    /// ([`Projected::outside`]), or 0.
    ///
    /// Such a match reaches back from at least `first_end - 1` to its
    /// start without crossing a byte that it cannot hold, so it starts
    /// after the last such byte. Most rules hold no comma, colon or
    /// parenthesis (and those with a number hold no semicolon), so the
    /// filter's search for a rule's first match in a sentence starts after
    /// the last of those before the rule's pieces, not at the sentence's
    /// start: those searches read some 40% of the text, often several
    /// times over.
    ///
    /// The text before `first_end` is read backwards eight bytes a turn,
    /// their table entries or-ed together without a branch, as most runs
    /// of eight bytes hold no such byte.
    fn floor(&self, projected: &[u8], first_end: usize) -> usize {
        let outside = |b: &u8| self.outside[usize::from(*b)];
        let before = projected.get(..first_end).unwrap_or(projected);
        let mut end = before.len();
        for chunk in before.rchunks_exact(8) {
            if chunk.iter().fold(false, |any, b| any | outside(b)) {
                break;
            }
            end -= 8;
        }
        // The byte is among the last eight before `end`, if anywhere.
        before
            .get(..end)
            .and_then(|rest| rest.iter().rposition(outside))
            .map_or(0, |i| i + 1)
    }

    /// Has plain matches' groups read by `reader` first
    /// ([`Projected::read_plain`]). The reader does not read group `t`:
    /// it is the whole match, which the rule's span must be (panics
    /// otherwise).
    pub(super) fn read_by_hand(&mut self, reader: super::by_hand::Reader) {
        assert!(self.whole_span, "a rule read by hand must span its match");
        self.by_hand = Some(reader);
    }

    /// Has the walk pass over, without the rule's search, each window that
    /// is not plain ASCII and whose text (where the filter matches, from
    /// its start to its end) `rejects` accepts: the caller vouches that
    /// the rule's match there is that text and that the rule's meaning
    /// rejects it.
    ///
    /// On accented text the rule's Unicode `\b` leaves its search to the
    /// bounded backtracker, some 4,000 instructions a window: "été" alone
    /// (mostly "a été") was a third of those searches, every one of them
    /// for a match that the season rule then rejects.
    pub(super) fn rejects(&mut self, rejects: fn(&str) -> bool) {
        self.rejects = Some(rejects);
    }

    /// Reads into `caps` by hand, with the rule's reader, the groups of the
    /// plain match from `start` to `end` of `text` ([`Projected::read_plain`]);
    /// false when the rule has no reader or the reader declines the match.
    fn read_plain_by_hand(
        &self,
        text: &str,
        start: usize,
        end: usize,
        caps: &mut regex_automata::util::captures::Captures,
    ) -> bool {
        let (Some(read), Some(m)) = (self.by_hand, text.get(start..end)) else {
            return false;
        };
        caps.set_pattern(None);
        let mut groups = super::by_hand::Groups::new(&self.names, caps.slots_mut(), start);
        let whole = 0..m.len();
        // The rule spans its whole match ([`Projected::read_by_hand`]).
        let span_read = !groups.has("t") || groups.set("t", whole.clone()).is_some();
        if span_read && groups.set_index(0, whole).is_some() && read(m, &mut groups).is_some() {
            caps.set_pattern(Some(regex_automata::PatternID::ZERO));
            return true;
        }
        false
    }

    /// Reads into `caps` the groups of the match of the rule from `start`
    /// to `end` of `text`, a match on plain ASCII ([`reads_alike`]): by
    /// hand if the rule has a reader that knows the match's shape, else
    /// with the projected pattern's backtracker; false if neither finds
    /// that match.
    fn read_plain(
        &self,
        cache: &mut backtrack::Cache,
        text: &str,
        start: usize,
        end: usize,
        caps: &mut regex_automata::util::captures::Captures,
    ) -> bool {
        if self.read_plain_by_hand(text, start, end, caps) {
            return true;
        }
        let input = regex_automata::Input::new(text)
            .range(start..end)
            .anchored(regex_automata::Anchored::Yes);
        let searched = self.plain.try_search(cache, &input, caps);
        searched.is_ok() && caps.get_match().is_some_and(|m| m.end() == end)
    }

    /// Reads into `caps` the groups of the rule's match at `window`, on
    /// text that is not plain ASCII, without the rule's own search (on
    /// accented text its Unicode `\b` leaves that search to the bounded
    /// backtracker, some 4,000 instructions a window, "le 12 décembre
    /// 2019" most of them); false when this cannot tell, and the rule must
    /// search.
    ///
    /// The rule's reader by hand ([`super::by_hand`]) reads the filter's
    /// match on the projection, where every non-ASCII char is a letter
    /// ([`WORD`]; a window with a projected [`OTHER`], which the rules'
    /// `\s` may take, is left to the rule). The readers go by where the
    /// spaces are and by ASCII words, so they read the filter's match,
    /// its letters `_` standing for accented letters, as they read a
    /// plain one: these are the groups of the filter's preferred path.
    /// That path reads each ASCII char of the text, but `_` and DEL, as
    /// the rule does (the projection keeps them, and each projected class
    /// holds the same ASCII chars, those two aside), and sees each
    /// boundary where the rule does. Each other char must sit in a group
    /// of fixed words ([`LiteralGroup`]) whose word on that path takes the
    /// text in the rule too ([`LiteralGroup::reads_alike`]: "décembre").
    /// Then the rule takes the filter's path; any path the rule prefers
    /// would be one the filter prefers (every path of the rule projects
    /// onto one of the filter's, in the same order), so it is the rule's
    /// match, with the same groups, at offsets mapped back to the text.
    ///
    /// (The projected pattern's backtracker, which reads any match, cost
    /// about as much on these windows as the rule's own search.)
    fn read_accented(
        &self,
        window: &Window<'_, '_>,
        caps: &mut regex_automata::util::captures::Captures,
    ) -> bool {
        let projection = window.projection;
        let start = window.projected_start;
        let Some(bytes) = projection.text.get(start..window.projected_end) else {
            return false;
        };
        if bytes.contains(&(OTHER as u8)) {
            return false;
        }
        let Ok(m) = std::str::from_utf8(bytes) else {
            return false;
        };
        if !self.read_plain_by_hand(m, 0, m.len(), caps) {
            return false;
        }
        // Groups' spans are within `m`, the window's projection.
        let read_alike = |at: usize| {
            self.literal_groups.iter().enumerate().any(|(i, group)| {
                let (Some(group), Some(span)) = (group, caps.get_group(i)) else {
                    return false;
                };
                let text = window.text.get(
                    projection.original(start + span.start)..projection.original(start + span.end),
                );
                span.start <= at
                    && at < span.end
                    && text
                        .zip(bytes.get(span.range()))
                        .is_some_and(|(t, p)| group.reads_alike(t, p))
            })
        };
        let all_read = bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == WORD as u8 || b == OTHER as u8)
            .all(|(at, _)| read_alike(at));
        if !all_read {
            return false;
        }
        for slot in caps.slots_mut() {
            if let Some(at) = *slot {
                *slot = NonMaxUsize::new(projection.original(start + at.get()));
            }
        }
        true
    }

    /// How far a match of the rule that starts at projected offset `start`
    /// (where the filter matches) can reach: the end of the filter's
    /// longest match from there, as a byte offset of the view's text (the
    /// text's end if the filter somehow finds none).
    ///
    /// Every match of the rule projects onto a match of the filter, so the
    /// rule's anchored search can stop there, and gives the same match. On
    /// accented text the rule's Unicode `\b` sends it to the bounded
    /// backtracker, whose cost (clearing its visited set, then searching)
    /// grows with the length of the input it is given: the rest of the
    /// sentence, without this limit.
    fn limit(&self, projection: &View<'_>, start: usize, len: usize) -> usize {
        let input = regex_automata::Input::new(projection.text)
            .range(start..)
            .anchored(regex_automata::Anchored::Yes);
        self.longest
            .search(&input)
            .map_or(len, |m| projection.original(m.end()))
    }

    /// Calls `f` with each match of `rule` (the pattern this filter was made
    /// from, built with regex-automata) in `text`, exactly as
    /// `regex::Regex::captures_iter(text)` of the pattern gives them;
    /// `projection` must hold the projection of `text`.
    ///
    /// Each search for the next match first asks the filter where the
    /// leftmost match of its own could start: no match of the rule starts
    /// before it (the filter matches wherever the rule does). The rule then
    /// searches anchored right there: a match found is the leftmost one; if
    /// there is none, the filter is asked again from the next char. An
    /// unanchored search from the filter's start would walk on with the
    /// slow engine over the rest of the text each time the filter is wrong.
    /// One captures buffer serves every match.
    ///
    /// No match starts at or after projected offset `bounds.until` (the
    /// gate's bound, [`super::gate::Gate::candidates`]): the walk stops
    /// there rather than let the filter search the rest of the text in
    /// vain; nor before [`Projected::floor`] of `bounds.first_end`, where
    /// the walk starts.
    ///
    /// The stage takes [`Projected::captures_or_spans`]; this is what the
    /// tests compare the rules' own matches with.
    #[cfg(test)]
    pub(super) fn captures(
        &self,
        rule: &regex_automata::meta::Regex,
        text: &str,
        projection: &View<'_>,
        bounds: Bounds,
        mut f: impl FnMut(&Captures<'_>),
    ) {
        self.walk_captures(rule, text, projection, bounds, false, |found| {
            if let Found::Groups(caps) = found {
                f(caps);
            }
        });
    }

    /// Like [`Projected::captures`], but a match on plain ASCII of a rule
    /// whose span is its whole match ([`span_is_whole_match`]) is given
    /// as its start and end ([`Found::Span`]), without its groups: the filter's
    /// match there is the rule's ([`reads_alike`]), so its span is known,
    /// and the groups can be read later, if the match is kept
    /// ([`Projected::plain_captures`]). Most matches are not: the overlaps
    /// of the rules ("le mardi 12 mai 2020", "12 mai 2020", "mai 2020",
    /// "2020") keep the longest, and reading the groups of the others with
    /// the backtracker was a quarter of the stage.
    pub(super) fn captures_or_spans(
        &self,
        rule: &regex_automata::meta::Regex,
        text: &str,
        projection: &View<'_>,
        bounds: Bounds,
        f: impl FnMut(Found<'_, '_>),
    ) {
        self.walk_captures(rule, text, projection, bounds, self.whole_span, f);
    }

    /// The groups of the match of the rule from `start` to `end` in
    /// `text`, given to `f`, for a match that [`Projected::captures_or_spans`]
    /// handed over by its span; false if there is no such match (which
    /// does not happen).
    ///
    /// The match is on plain ASCII, so the rule's reader by hand or the
    /// projected pattern's backtracker reads it on the text
    /// ([`Projected::read_plain`]); should neither find it, the rule
    /// itself searches anchored at `start`.
    pub(super) fn plain_captures(
        &self,
        rule: &regex_automata::meta::Regex,
        text: &str,
        start: usize,
        end: usize,
        f: impl FnOnce(&Captures<'_>),
    ) -> bool {
        let mut buffers = self.plain_buffers.get();
        let PlainBuffers { cache, caps } = &mut *buffers;
        if self.read_plain(cache, text, start, end, caps) {
            f(&Captures::new(text, caps, &self.names));
            return true;
        }
        let input = regex_automata::Input::new(text)
            .range(start..)
            .anchored(regex_automata::Anchored::Yes);
        let mut caps = rule.create_captures();
        rule.search_captures(&input, &mut caps);
        let found = caps.get_match().is_some_and(|m| m.end() == end);
        if found {
            f(&Captures::new(text, &caps, &self.names));
        }
        found
    }

    /// [`Projected::captures`], with plain matches given by their span
    /// when `spans` is set ([`Projected::captures_or_spans`]).
    fn walk_captures(
        &self,
        rule: &regex_automata::meta::Regex,
        text: &str,
        projection: &View<'_>,
        bounds: Bounds,
        spans: bool,
        mut f: impl FnMut(Found<'_, '_>),
    ) {
        if !self.nonempty {
            for caps in rule.captures_iter(text) {
                f(Found::Groups(&Captures::new(text, &caps, &self.names)));
            }
            return;
        }
        // Made at the first place the filter finds, not for every sentence.
        let mut caps: Option<regex_automata::util::captures::Captures> = None;
        let mut plain = None;
        self.walk_anchored(text, projection, bounds, |window| {
            // On plain ASCII, with ASCII on either side, the filter's match
            // is the rule's ([`reads_alike`]), and the text reads as its
            // projection does, boundaries included: the projected pattern's
            // backtracker, small and with ASCII boundaries, finds the
            // groups of that match right on the text.
            if let Some(end) = window.plain_end {
                let bytes = text.as_bytes();
                let before = window.start.checked_sub(1).map(|i| bytes.get(i));
                let after = bytes.get(end);
                let ascii = |b: Option<&u8>| b.is_none_or(u8::is_ascii);
                if before.is_none_or(ascii) && ascii(after) {
                    // The backtracker reads windows up to this long
                    // ([`Projected::plain_captures`]).
                    if spans && end - window.start <= self.plain.max_haystack_len() {
                        f(Found::Span(window.start, end));
                        return Some(end);
                    }
                    let PlainBuffers { cache, caps } =
                        &mut **plain.get_or_insert_with(|| self.plain_buffers.get());
                    if self.read_plain(cache, text, window.start, end, caps) {
                        f(Found::Groups(&Captures::new(text, caps, &self.names)));
                        return Some(end);
                    }
                }
            }
            if let Some(rejects) = self.rejects {
                let filtered = text.get(window.start..window.end);
                if window.plain_end.is_none() && filtered.is_some_and(rejects) {
                    // The rule's match, which its meaning rejects
                    // ([`Projected::rejects`]).
                    return Some(window.end);
                }
            }
            if self.by_hand.is_some() && self.any_literal_group {
                let PlainBuffers { caps, .. } =
                    &mut **plain.get_or_insert_with(|| self.plain_buffers.get());
                if self.read_accented(window, caps) {
                    f(Found::Groups(&Captures::new(text, caps, &self.names)));
                    return Some(window.end);
                }
            }
            let caps = caps.get_or_insert_with(|| rule.create_captures());
            rule.search_captures(&window.input(), caps);
            let found = caps.get_match()?;
            f(Found::Groups(&Captures::new(text, caps, &self.names)));
            Some(found.end())
        });
    }

    /// The walk that [`Projected::captures`] and [`Projected::find`] share:
    /// ask the filter where the next match could start, let `search` try
    /// the rule anchored there (up to the filter's longest match), and go
    /// on after the match `search` reports by its end, or from the next
    /// char when there is none.
    fn walk_anchored(
        &self,
        text: &str,
        projection: &View<'_>,
        bounds: Bounds,
        mut search: impl FnMut(&Window<'_, '_>) -> Option<usize>,
    ) {
        let floor = self.floor(projection.text, bounds.first_end);
        let until = bounds.until;
        let mut at = 0;
        while let Some(end) = self.next_anchored(text, projection, at, floor, until, &mut search) {
            // Never empty (`nonempty`): the next search starts further on.
            at = end;
        }
    }

    /// One step of [`Projected::walk_anchored`]: from byte `at` on, the
    /// end of the first match `search` reports, for matches that start in
    /// the projection at or after `floor` and before `until`.
    fn next_anchored(
        &self,
        text: &str,
        projection: &View<'_>,
        mut at: usize,
        floor: usize,
        until: usize,
        search: &mut impl FnMut(&Window<'_, '_>) -> Option<usize>,
    ) -> Option<usize> {
        while at <= text.len() {
            let from = projection.projected(at).max(floor);
            if from >= until {
                return None;
            }
            let m = self
                .re
                .search(&regex_automata::Input::new(projection.text).range(from..))?;
            let start = projection.original(m.start());
            let end = projection.original(m.end());
            let plain_end = text
                .as_bytes()
                .get(start..end)
                .filter(|w| reads_alike(w))
                .map(|_| end);
            let window = Window {
                filter: self,
                text,
                projection,
                start,
                projected_start: m.start(),
                projected_end: m.end(),
                end,
                plain_end,
            };
            match search(&window) {
                Some(end) => return Some(end),
                None => at = start + text.get(start..)?.chars().next()?.len_utf8(),
            }
        }
        None
    }

    /// Like [`Projected::captures`], for the spans of the matches of
    /// `rule` only, as its `find_iter(text)` gives them (`rule` is the
    /// pattern this filter was made from, built with regex-automata, whose
    /// searches can be anchored).
    ///
    /// Here the rule's engine runs anchored, only where the filter's next
    /// match starts: the rule's next match cannot start before, and if it
    /// does not start there, the filter is asked again from the next char.
    /// An unanchored search would walk on with the slow engine instead, and
    /// the filter of a marker like "a ... é" matches, in projection, at many
    /// places the marker does not.
    pub(super) fn find(
        &self,
        rule: &regex_automata::meta::Regex,
        text: &str,
        projection: &View<'_>,
        mut f: impl FnMut(usize, usize),
    ) {
        if !self.nonempty {
            for m in rule.find_iter(text) {
                f(m.start(), m.end());
            }
            return;
        }
        let mut at = 0;
        while let Some((start, end)) = self.find_from(rule, text, projection, at) {
            f(start, end);
            at = end;
        }
    }

    /// The first match that [`Projected::find`] gives from byte `at` on,
    /// so that a caller can stop the walk early; only for a rule that
    /// never matches the empty string ([`Projected::nonempty`]).
    pub(super) fn find_from(
        &self,
        rule: &regex_automata::meta::Regex,
        text: &str,
        projection: &View<'_>,
        at: usize,
    ) -> Option<(usize, usize)> {
        let mut found = None;
        self.next_anchored(text, projection, at, 0, usize::MAX, &mut |window| {
            // On plain ASCII the filter's match is the rule's ([`reads_alike`]).
            let (start, end) = match window.plain_end {
                Some(end) => (window.start, end),
                None => rule.find(window.input()).map(|m| (m.start(), m.end()))?,
            };
            found = Some((start, end));
            Some(end)
        })?;
        found
    }

    /// The pattern's group names by group index, as [`super::name_key`]s.
    #[cfg(test)]
    pub(super) fn names(&self) -> &[u64] {
        &self.names
    }

    /// True when the rule never matches the empty string, so that its
    /// matches can be walked one after the other ([`Projected::find_from`]).
    pub(super) fn nonempty(&self) -> bool {
        self.nonempty
    }
}

/// A match of a rule ([`Projected::captures_or_spans`]).
pub(super) enum Found<'c, 't> {
    /// Its groups.
    Groups(&'c Captures<'t>),
    /// Its start and end, on plain ASCII, where its groups are read only
    /// if needed ([`Projected::plain_captures`]).
    Span(usize, usize),
}

/// Where the filter's next match starts ([`Projected::walk_anchored`]),
/// for the rule's search there.
struct Window<'a, 'p> {
    filter: &'a Projected,
    text: &'a str,
    projection: &'a View<'p>,
    /// Where the filter's match starts, in the text and in the projection.
    start: usize,
    projected_start: usize,
    /// Where the filter's match ends in the projection.
    projected_end: usize,
    /// Where the filter's match ends in the text, when the text of the
    /// match is plain ASCII ([`reads_alike`]): then it is the rule's match.
    plain_end: Option<usize>,
    /// Where the filter's match ends in the text.
    end: usize,
}

impl Window<'_, '_> {
    /// The rule's anchored search from the window's start, up to where
    /// any match of the rule from there ends ([`Projected::limit`]).
    fn input(&self) -> regex_automata::Input<'_> {
        let limit = self
            .filter
            .limit(self.projection, self.projected_start, self.text.len());
        regex_automata::Input::new(self.text)
            .range(self.start..limit)
            .anchored(regex_automata::Anchored::Yes)
    }
}

/// The projection of a text, one ASCII byte per char (see [`Projected`]),
/// with where its non-ASCII chars were. The stage projects a document once
/// and hands out [`View`]s of its sentences and windows: a char's projection
/// does not depend on its neighbours, so the view of a range is the
/// projection of that range's text (projecting each window anew was a tenth
/// of the date stage).
#[derive(Default)]
pub(super) struct Projection {
    /// The projected text: ASCII, one byte per char of the text.
    text: Vec<u8>,
    /// For each non-ASCII char, in order: its projected offset and the
    /// original offset just after it. Between two of them, offsets in the
    /// text and in the projection advance together (ASCII is kept as is),
    /// so news text, mostly ASCII, needs a short list, not an offset per
    /// char.
    wide: Vec<(usize, usize)>,
    /// The length of the text.
    len: usize,
}

impl Projection {
    /// Projects `text`, replacing what was held.
    ///
    /// Runs of ASCII are copied as they are; a non-ASCII char of two bytes
    /// (accented Latin, most of them) is decoded by hand and looked up in
    /// [`BELOW_800`], with the table's `Lazy` read once per text: going
    /// through `chars()`, [`project_char`] and `String::push` cost some 100
    /// instructions per non-ASCII char.
    pub(super) fn set(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let out = &mut self.text;
        out.clear();
        self.wide.clear();
        self.len = bytes.len();
        out.reserve(bytes.len());
        let below_800: &[bool] = &BELOW_800;
        let mut i = 0;
        while i < bytes.len() {
            let end = ascii_run_end(bytes, i);
            out.extend_from_slice(bytes.get(i..end).unwrap_or(&[]));
            i = end;
            let Some(&b) = bytes.get(i) else { break };
            // A char of two bytes (110xxxxx 10xxxxxx) is below U+0800.
            let two = (b & 0xE0 == 0xC0)
                .then(|| bytes.get(i + 1))
                .flatten()
                .map(|&b1| (usize::from(b & 0x1F) << 6) | usize::from(b1 & 0x3F));
            let (word_char, len) = match two {
                Some(c) => (below_800.get(c).copied().unwrap_or(false), 2),
                None => {
                    let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                        break;
                    };
                    (project_char(c) == WORD, c.len_utf8())
                }
            };
            i += len;
            self.wide.push((out.len(), i));
            out.push(if word_char { WORD as u8 } else { OTHER as u8 });
        }
    }

    /// The projected offset of byte offset `at` (a char boundary) of the
    /// text, where `k` of the non-ASCII chars end at or before `at`.
    fn projected(&self, k: usize, at: usize) -> usize {
        match k.checked_sub(1).and_then(|k| self.wide.get(k)) {
            Some(&(p, end)) => p + 1 + (at - end),
            None => at,
        }
    }

    /// The projection of the whole text.
    #[cfg(test)]
    pub(super) fn all(&self) -> View<'_> {
        self.view(0, self.len)
    }

    /// The projection of the text's bytes `start..end` (char boundaries),
    /// as [`Projection::set`] of that range alone would give it.
    pub(super) fn view(&self, start: usize, end: usize) -> View<'_> {
        let first = self.wide.partition_point(|&(_, e)| e <= start);
        let last = self.wide.partition_point(|&(_, e)| e <= end);
        self.view_between(first, last, start, end)
    }

    /// Like [`Projection::view`], for ranges that mostly come in order (a
    /// document's sentences): `next` is where the previous range's
    /// non-ASCII chars began in the list ([`Projection::wide`]), and is
    /// set to where this range's begin. The list is then read on from
    /// there, a few entries per sentence, rather than searched from the
    /// top for each (those searches were a fortieth of the stage); a range
    /// before the previous one is searched for.
    pub(super) fn view_after(&self, next: &mut usize, start: usize, end: usize) -> View<'_> {
        let ends_by = |i: usize, at: usize| self.wide.get(i).is_some_and(|&(_, e)| e <= at);
        let mut first = *next;
        if first.checked_sub(1).is_some_and(|i| !ends_by(i, start)) {
            first = self.wide.partition_point(|&(_, e)| e <= start);
        }
        while ends_by(first, start) {
            first += 1;
        }
        let mut last = first;
        while ends_by(last, end) {
            last += 1;
        }
        *next = first;
        self.view_between(first, last, start, end)
    }

    /// The view of bytes `start..end`, whose non-ASCII chars are the
    /// entries `first..last` of the list.
    fn view_between(&self, first: usize, last: usize, start: usize, end: usize) -> View<'_> {
        let (from, to) = (self.projected(first, start), self.projected(last, end));
        View {
            text: self.text.get(from..to).unwrap_or(&[]),
            wide: self.wide.get(first..last).unwrap_or(&[]),
            from,
            base: start,
        }
    }
}

/// A range of a [`Projection`]: offsets in and out are relative to the
/// range's start, as if the range were the whole text.
#[derive(Clone, Copy)]
pub(super) struct View<'p> {
    text: &'p [u8],
    /// The non-ASCII chars inside the range ([`Projection::wide`]): offsets
    /// are mapped by a search of these few, not of the document's list
    /// (the searches of whole documents' lists were a twentieth of the
    /// stage). Between the range's start and the first of them, the text
    /// is ASCII.
    wide: &'p [(usize, usize)],
    /// Where the range starts in the projection and in the text.
    from: usize,
    base: usize,
}

impl<'p> View<'p> {
    /// The projected text of the range (ASCII).
    pub(super) fn text(&self) -> &'p [u8] {
        self.text
    }

    /// The projected text of the range, as a string (it is ASCII).
    #[cfg(test)]
    pub(super) fn text_str(&self) -> &'p str {
        std::str::from_utf8(self.text).expect("a projection is ASCII")
    }

    /// The projected offset of byte offset `at` (a char boundary) of the
    /// range's text.
    fn projected(&self, at: usize) -> usize {
        let at = self.base + at;
        let k = self.wide.partition_point(|&(_, end)| end <= at);
        match k.checked_sub(1).and_then(|k| self.wide.get(k)) {
            Some(&(p, end)) => p + 1 + (at - end) - self.from,
            None => at - self.base,
        }
    }

    /// The byte offset in the range's text of projected offset `at`.
    fn original(&self, at: usize) -> usize {
        let at = self.from + at;
        let k = self.wide.partition_point(|&(p, _)| p < at);
        match k.checked_sub(1).and_then(|k| self.wide.get(k)) {
            Some(&(p, end)) => end + (at - p - 1) - self.base,
            None => at - self.from,
        }
    }
}

/// The end of the run of ASCII bytes of `bytes` that starts at `from`: the
/// first non-ASCII byte at or after `from`, or the end. Eight bytes at a
/// time, as news text is mostly ASCII.
fn ascii_run_end(bytes: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let high = u64::from_le_bytes(word) & HIGH;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|b| !b.is_ascii()))
        .map_or(bytes.len(), |n| i + n)
}

/// For each char below U+0800 (accented Latin, Greek, Cyrillic, ...),
/// whether it is a word char, made once: `is_word_character` searches the
/// Unicode tables for every char.
static BELOW_800: once_cell::sync::Lazy<Vec<bool>> = once_cell::sync::Lazy::new(|| {
    (0..0x800u32)
        .map(|c| char::from_u32(c).is_some_and(regex_syntax::is_word_character))
        .collect()
});

/// What `c` projects to ([`Projected`]).
fn project_char(c: char) -> char {
    if c.is_ascii() {
        c
    } else if BELOW_800
        .get(c as usize)
        .copied()
        .unwrap_or_else(|| regex_syntax::is_word_character(c))
    {
        WORD
    } else {
        OTHER
    }
}

/// `hir` rewritten over projected text ([`Projected`]).
fn project_hir(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => {
            let text = String::from_utf8_lossy(&lit.0);
            let projected: String = text.chars().map(project_char).collect();
            Hir::literal(projected.into_bytes())
        }
        HirKind::Class(Class::Unicode(class)) => Hir::class(Class::Unicode(project_class(
            class
                .ranges()
                .iter()
                .map(|r| (u32::from(r.start()), u32::from(r.end()))),
        ))),
        // Bytes past ASCII (`(?-u:...)`) stand for any non-ASCII char.
        HirKind::Class(Class::Bytes(class)) => Hir::class(Class::Unicode(project_class(
            class.ranges().iter().map(|r| {
                let end = if r.end() >= 0x80 {
                    0x10_FFFF
                } else {
                    u32::from(r.end())
                };
                (u32::from(r.start()), end)
            }),
        ))),
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(project_hir(&r.sub)),
        }),
        HirKind::Capture(c) => Hir::capture(regex_syntax::hir::Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(project_hir(&c.sub)),
        }),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(project_hir).collect()),
        HirKind::Alternation(branches) => {
            Hir::alternation(branches.iter().map(project_hir).collect())
        }
    }
}

/// A class of code points (`ranges`, inclusive) projected: its ASCII part,
/// plus [`WORD`] and [`OTHER`] if it holds non-ASCII chars of either kind.
/// A wide range (a negated class) is taken to hold both, which only widens
/// the filter.
fn project_class(ranges: impl Iterator<Item = (u32, u32)>) -> ClassUnicode {
    const WIDE: u32 = 4096;
    let mut out: Vec<ClassUnicodeRange> = Vec::new();
    let (mut word, mut other) = (false, false);
    for (start, end) in ranges {
        if start < 0x80 {
            let ascii_end = end.min(0x7f);
            if let (Some(a), Some(b)) = (char::from_u32(start), char::from_u32(ascii_end)) {
                out.push(ClassUnicodeRange::new(a, b));
            }
        }
        let start = start.max(0x80);
        if start > end {
            continue;
        }
        if end - start >= WIDE {
            word = true;
            other = true;
            continue;
        }
        for c in (start..=end).filter_map(char::from_u32) {
            if regex_syntax::is_word_character(c) {
                word = true;
            } else {
                other = true;
            }
        }
    }
    if word {
        out.push(ClassUnicodeRange::new(WORD, WORD));
    }
    if other {
        out.push(ClassUnicodeRange::new(OTHER, OTHER));
    }
    ClassUnicode::new(out)
}

#[cfg(test)]
mod tests {
    use super::super::{en, fr};
    use super::*;
    use regex::Regex;

    /// Texts where the rules match, next to accented letters, other
    /// scripts and typographic punctuation.
    fn texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "le 10 novembre 2020 à Bakou",
            "l’été dernier, été 2020, a été",
            "Il est arrivé hier à 14 h 30 (UTC+01:00).",
            "du 4 au 5 mai 2020 ; de fin septembre à début novembre 2020",
            "ÉTÉ 1999, l'année 2000, les années 80, le XXe siècle",
            "il y a trois ans, dans deux semaines, chaque année, par an",
            "depuis 1789 et 2019-2020, 15/10/2021, 2021-10-15T17:52+01:00",
            "yesterday morning, last month, on Tuesday, at 10 a.m. EST",
            "the 1990s, the third quarter of 2009, every year, daily, '82",
            "éhier démain 2020é é2020 à2020 ٢٠٢٠ 10:30é Maiété",
            "Ⅻ ſeptembre K ﬁn mars 2020 ſemaine",
            "le_10 mars_2020, 10 h_30, ma\u{7f}rs 2020 \u{7f}hier\u{7f}, mardi_ 2_000 _2020 ans_",
            "it was_ed last_week; 3 days_ago, 1990s_ the\u{7f}next four years",
            "Il a été élu, il sera réélu ; elle était partie et reviendra.",
            "He was elected and will be re-elected; they are going to meet.",
            "Ils se sont réunis hier et se réuniront demain à Genève.",
            "",
            "L’ÉTÉ 2020, l'Été dernier, ÉTÉ 2021 ; le 1er MAI 2020, MARDI 12 MAI 2020",
            "le 12 mai 2020é, é12 mai 2020, 12 maié 2020, l'an 2000, l’an 2000",
            // The shapes read by hand (`super::by_hand`), and their near misses.
            "le  1er\tMAI\u{b}2020 dernier, LE PREMIER mai prochains, CE mardi 3 sept. 98",
            "12 sept 2020. 31 dec. '05, 2 000 ans, 3,5 ans et demi, 10 JOURS et  demie",
            "45 minutes\r\net demie, 2020’s, l’an 2020é, 12 mai’ 2020, début 2020, mi-2019",
            "plus de 3 ans, trois ans, 12 mai 2020 suivante, 12 mai 2020 derniers 1999 ",
            "0 ans 00 jours 1re mars 1er avril 2021 prochaine 2021\u{b}1999 premier juin 1",
            "MARDIS, les lundis soir, Tuesdays, SUNDAY night, Hier, HIER soir, aujourd'hui, avant-hier",
            "mardi_ lundis_ demain, hier\t, à 10 h, ce mardi matin, this Friday, mondayS. fridays",
            "9 h, 14h30, 24 H 00 UTC, 9h 5, 23 h\t45, 7H, 19 h 30 GMT+2, à 25 h, 09 h 60",
            "Tuesday, June 12, 2020; Jan. 5th, 2021; June 12 2020, Sunday June 3rd, MAY 4,\t1999",
            "may 2020, mid-May, lateMay, midMay 2020, Sept. 2019, Feb, earlyMarch, March, of 2021",
            "last week, this  year, the year, later year, NEXT\tmonth, past quarter, coming weekend",
            "trois ans, une heure, quelques jours, plus de trois ans, deux ans et demi, des années 80",
            "janvier 2020, mi-janvier 2020, janvier '98, mars, mi-mars, Juillet, fin janvier 2021",
            "today, now, yesterday morning, Tonight, the day after tomorrow, later today, tomorrow's",
            "actuellement, AUPARAVANT, de nos jours, autrefois; recently, more  recently, nowadays",
            "ce matin, CET\tapres-midi, cette nuit, hier soir, hier  MATIN, hier lundi, demain midi",
            " an, l'an, L'AN, mois, ce mois-ci, la semaine, weekend, lean, semaines, cet an dernier",
            "cette année, l'année, L'ANNÉE dernière, l’année, année, le mois dernier, CE week-end",
            "la semaine prochaine, cet an suivant, l'an passé, le trimestre en cours, l' an, annze",
            "cette\tannée\x0bprochaine, l'anné, cette annéé, la_ semaine, le  mois  derniers_ x",
            "12 years, a year, few weeks, 3-year-old, 10 days-old, the next four years, over 2 decades",
            // Around "été", whose bare matches the walk passes over (`Projected::rejects`).
            "a été, ont  été\tÉTÉ, Été-2020, étéé étét été_ été’ l’Été en été au ÉTÉ 2021 cet été-là",
            "ée été\u{a0}2020 été dernière, été\u{7f} _été été2020 ÉtÉ étÉ ete éte ètè été",
            "l'  été, le été prochain, ce ÉTÉ DERNIER; étéétéétéétéétéétéétéétéétéétéétéétéétéétéété",
            // Accented matches read on the projection (`Projected::read_accented`).
            ACCENTED,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for file in ["dates-fr.toml", "dates-en.toml"] {
            let path = format!("{}/tests/cases/{file}", env!("CARGO_MANIFEST_DIR"));
            let cases = std::fs::read_to_string(path).unwrap_or_default();
            for line in cases.lines() {
                if let Some(text) = line.strip_prefix("text = ") {
                    texts.push(text.trim_matches('"').to_string());
                }
            }
        }
        texts
    }

    /// Accented dates and their near misses: other accents, letters that
    /// case-fold to ASCII ones, non-breaking spaces, tabs, apostrophes,
    /// hyphens, digits and long words next to them.
    const ACCENTED: &str = "le 12 décembre 2019, 1er AOÛT 2020, 3 Février\t2021 dernière, \
        mardi 12 août 2020 précédente, 12 aoūt 2020, 12 décémbre 2019, 12 février\u{a0}2020, \
        12\u{a0}février 2020, 5 déc. 2019, 5 Déc 2019 passée, 12 ſeptembre 2020, 12 août’ 2020, \
        12 août-2020, l’août 2020, 12 Août 20, 31 décembre 1999é, é31 décembre 1999, \
        12 ééééééééééééééééééééééééééééééééééééééé 2020, 12 décembreé 2020, 12 DÉCEMBRE 2019 \
        suivante, 3 journées et demie, 12 Fevrier 2020, Février 2020, décembre dernier, \
        le 15 août, 15 août prochains, 2 juillet 2019 précédentes, 7 mai 2020 Dernière";

    /// Wherever the filter offers a window on [`ACCENTED`], a match read
    /// on the projection is the rule's own match there, groups and all;
    /// and some are read so.
    #[test]
    fn accented_matches_read_as_the_rule() {
        let mut projection = Projection::default();
        let mut read = 0;
        for rule in fr::RULES.iter().chain(en::RULES.iter()) {
            for start in (0..ACCENTED.len()).filter(|&i| ACCENTED.is_char_boundary(i)) {
                let text = &ACCENTED[start..];
                projection.set(text);
                let view = projection.all();
                let mut caps = rule.filter.plain.create_captures();
                rule.filter
                    .next_anchored(text, &view, 0, 0, usize::MAX, &mut |window| {
                        if !rule.filter.read_accented(window, &mut caps) {
                            return None;
                        }
                        read += 1;
                        let mut want = rule.anchored.create_captures();
                        rule.anchored.search_captures(&window.input(), &mut want);
                        let groups = |c: &regex_automata::util::captures::Captures| {
                            (0..c.group_len())
                                .map(|i| c.get_group(i).map(|s| s.range()))
                                .collect::<Vec<_>>()
                        };
                        assert_eq!(groups(&caps), groups(&want), "{}: {text:?}", rule.name);
                        Some(window.end)
                    });
            }
        }
        assert!(read > 100, "{read}");
    }

    #[test]
    fn gates_and_filters_never_miss_a_match() {
        let texts = texts();
        let mut projection = Projection::default();
        for rule in fr::RULES.iter().chain(en::RULES.iter()) {
            let re = Regex::new(&rule.pattern).unwrap();
            let gate: Vec<Regex> = gate_factors(&rule.pattern)
                .iter()
                .map(|f| Regex::new(f).unwrap())
                .collect();
            assert!(!gate.is_empty(), "{}: no gate piece", rule.name);
            for text in &texts {
                // Every suffix of every text, so that matches start anywhere.
                for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let window = &text[start..];
                    projection.set(window);
                    let projection = projection.all();
                    if re.is_match(window) {
                        for piece in &gate {
                            assert!(
                                piece.is_match(projection.text_str()),
                                "{}: gate piece {piece} misses {window:?}",
                                rule.name
                            );
                        }
                    }
                    // Every group of every match, as the regex crate gives them,
                    // but those the walk passes over as rejected: each of
                    // those the rule's meaning rejects indeed.
                    let passed_over = |c: &regex::Captures<'_>| {
                        let over = rule.filter.rejects.is_some_and(|r| r(&c[0]));
                        if over {
                            let at = regex_automata::Input::new(window)
                                .range(c.get(0).map_or(0, |m| m.start())..)
                                .anchored(regex_automata::Anchored::Yes);
                            let mut caps = rule.anchored.create_captures();
                            rule.anchored.search_captures(&at, &mut caps);
                            let caps = Captures::new(window, &caps, &rule.filter.names);
                            assert!(
                                (rule.build)(&caps, window).is_none(),
                                "{}: {window:?}",
                                rule.name
                            );
                        }
                        over
                    };
                    let want: Vec<Vec<_>> = re
                        .captures_iter(window)
                        .filter(|c| !passed_over(c))
                        .map(|c| {
                            (0..re.captures_len())
                                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                                .collect()
                        })
                        .collect();
                    let mut got = Vec::new();
                    rule.filter
                        .captures(&rule.anchored, window, &projection, Bounds::NONE, |c| {
                            got.push(
                                (0..re.captures_len())
                                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                                    .collect::<Vec<_>>(),
                            )
                        });
                    assert_eq!(got, want, "{}: {window:?}", rule.name);
                    // The same matches when plain ones come by their span and
                    // have their groups read afterwards, and that span is the
                    // rule's (group `t`, else the whole match).
                    let mut later = Vec::new();
                    rule.filter.captures_or_spans(
                        &rule.anchored,
                        window,
                        &projection,
                        Bounds::NONE,
                        |found| match found {
                            Found::Groups(c) => later.push(
                                (0..re.captures_len())
                                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                                    .collect::<Vec<_>>(),
                            ),
                            Found::Span(start, end) => {
                                let read = rule.filter.plain_captures(
                                    &rule.anchored,
                                    window,
                                    start,
                                    end,
                                    |c| {
                                        let span = c.name("t").or_else(|| c.get(0));
                                        assert_eq!(
                                            span.map(|m| (m.start(), m.end())),
                                            Some((start, end)),
                                            "{}: {window:?}",
                                            rule.name
                                        );
                                        later.push(
                                            (0..re.captures_len())
                                                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                                                .collect::<Vec<_>>(),
                                        )
                                    },
                                );
                                assert!(read, "{}: {window:?}", rule.name);
                            }
                        },
                    );
                    assert_eq!(later, want, "{}: {window:?}", rule.name);
                }
            }
        }
    }

    #[test]
    fn readers_by_hand_read_as_the_backtracker() {
        let mut projection = Projection::default();
        let rules = fr::RULES.iter().chain(en::RULES.iter());
        for rule in rules.filter(|r| r.filter.by_hand.is_some()) {
            let mut by_hand = 0;
            let plain = &rule.filter.plain;
            let (mut cache, mut want) = (plain.create_cache(), plain.create_captures());
            let mut got = plain.create_captures();
            let groups = |caps: &regex_automata::util::captures::Captures| {
                (0..rule.filter.names().len())
                    .map(|i| caps.get_group(i).map(|s| (s.start, s.end)))
                    .collect::<Vec<_>>()
            };
            for text in texts() {
                for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let window = &text[start..];
                    projection.set(window);
                    let projection = projection.all();
                    let check = |found: Found<'_, '_>| {
                        let Found::Span(start, end) = found else {
                            return;
                        };
                        let input = regex_automata::Input::new(window)
                            .range(start..end)
                            .anchored(regex_automata::Anchored::Yes);
                        plain.try_search(&mut cache, &input, &mut want).unwrap();
                        if rule.filter.read_plain_by_hand(window, start, end, &mut got) {
                            by_hand += 1;
                            assert_eq!(groups(&got), groups(&want), "{}: {window:?}", rule.name);
                        }
                    };
                    let filter = &rule.filter;
                    filter.captures_or_spans(
                        &rule.anchored,
                        window,
                        &projection,
                        Bounds::NONE,
                        check,
                    );
                }
            }
            // Each reader does read some of these matches.
            assert!(
                by_hand > 20,
                "{}: {by_hand} matches read by hand",
                rule.name
            );
        }
    }

    #[test]
    fn spans_are_whole_matches_only_around_assertions() {
        let whole = |pattern: &str| {
            span_is_whole_match(&regex_syntax::Parser::new().parse(pattern).unwrap())
        };
        assert!(whole(r"\b\d{4}\b"));
        assert!(whole(r"(?i)\b(?P<t>le\s+(?P<d>\d+))\b"));
        assert!(whole(r"(?P<t>été)"));
        // Text outside the span, or a span that may not take part.
        assert!(!whole(r"(?:\ben\s+)?\b(?P<t>été)\b"));
        assert!(!whole(r"\b(?P<t>été)?\b"));
        assert!(!whole(r"(?P<t>a)|b"));
        assert!(!whole(r"(?P<x>(?P<t>a)b)"));
        // Some rules of each language give their spans without groups.
        let any = |rules: &[super::super::Rule]| rules.iter().any(|r| r.filter.whole_span);
        assert!(any(&fr::RULES) && any(&en::RULES));
    }

    #[test]
    fn the_gate_and_its_bounds_keep_every_match() {
        let mut projection = Projection::default();
        let mut found = super::super::gate::Found::default();
        for (rules, gate) in [
            (&*fr::RULES, &*super::super::FR_LOOSE),
            (&*en::RULES, &*super::super::EN_LOOSE),
        ] {
            let plain: Vec<Regex> = rules
                .iter()
                .map(|r| Regex::new(&r.pattern).unwrap())
                .collect();
            for text in texts() {
                for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let window = &text[start..];
                    projection.set(window);
                    let projection = projection.all();
                    let candidates: Vec<(usize, Bounds)> =
                        gate.candidates(projection.text(), &mut found).collect();
                    for (i, (rule, re)) in rules.iter().zip(&plain).enumerate() {
                        // But for the matches passed over as rejected
                        // (`Projected::rejects`, checked in
                        // `gates_and_filters_never_miss_a_match`).
                        let want: Vec<_> = re
                            .find_iter(window)
                            .filter(|m| !rule.filter.rejects.is_some_and(|r| r(m.as_str())))
                            .map(|m| (m.start(), m.end()))
                            .collect();
                        let Some(&(_, bounds)) = candidates.iter().find(|(r, _)| *r == i) else {
                            assert!(want.is_empty(), "{}: gate misses {window:?}", rule.name);
                            continue;
                        };
                        let mut got = Vec::new();
                        rule.filter
                            .captures(&rule.anchored, window, &projection, bounds, |c| {
                                got.extend(c.get(0).map(|m| (m.start(), m.end())))
                            });
                        assert_eq!(got, want, "{}: {window:?}", rule.name);
                    }
                }
            }
        }
    }

    /// True when every gate piece of `pattern` occurs in `text`.
    fn passes(pattern: &str, text: &str) -> bool {
        let mut p = Projection::default();
        p.set(text);
        gate_factors(pattern)
            .iter()
            .all(|f| Regex::new(f).unwrap().is_match(p.all().text_str()))
    }

    #[test]
    fn gate_pieces_keep_word_boundaries_and_all_count() {
        let recent = r"(?i)\b(?:ces|les)\s+(?:derniers|dernières)\s+(?:jours|ans)\b";
        assert!(passes(recent, "Ces derniers jours,"));
        assert!(passes(recent, "les dernières ans"));
        // "les" inside "elles" is no determiner.
        assert!(!passes(recent, "elles derniers jours"));
        // Every piece is needed, not just one.
        assert!(!passes(recent, "les derniers mois"));
        // Accented letters are word chars on both sides of a boundary.
        let summer = r"(?i)\bété\b";
        assert!(passes(summer, "l’été 2020"));
        assert!(!passes(summer, "étété"));
        // Pieces under three bytes are dropped, but a rule keeps one.
        assert_eq!(gate_factors(r"(?:le\s+)?\d\s*h").len(), 1);
    }

    #[test]
    fn filtered_tense_markers_are_the_markers() {
        let mut projection = Projection::default();
        for text in texts() {
            projection.set(&text);
            let projection = projection.all();
            for lang in [crate::Lang::Fr, crate::Lang::En] {
                let (future, past) = super::super::markers(lang);
                for marker in [future, past] {
                    let plain = Regex::new(marker.re_pattern).unwrap();
                    let want: Vec<_> = plain
                        .find_iter(&text)
                        .map(|m| (m.start(), m.end()))
                        .collect();
                    let mut got = Vec::new();
                    marker
                        .filter
                        .find(&marker.re, &text, &projection, |s, e| got.push((s, e)));
                    assert_eq!(got, want, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn no_match_that_reaches_first_end_starts_before_the_floor() {
        // Any match of the filter that ends at or after `first_end` starts
        // at or after the floor; checked with the longest match from each
        // start, for every rule and every `first_end` of every text.
        let long = format!("{}, 12 mai 2020 {}", "a".repeat(70), "b’-".repeat(30));
        let mut texts = texts();
        texts.extend(
            [
                "Hier, à Paris, le 12 mai 2020 (UTC+01:00) ; puis, en août 2021",
                "\t,;:()\"!?/«» l’été’2020, il y a 3,5 ans; dans\tdeux-trois jours",
                "12, mai, 2020: June 12, 2020 (Tuesday), 3-4 days; aujourd'hui",
                long.as_str(),
            ]
            .map(String::from),
        );
        let mut projection = Projection::default();
        for rule in fr::RULES.iter().chain(en::RULES.iter()) {
            let filter = &rule.filter;
            for text in &texts {
                projection.set(text);
                let view = projection.all();
                let projected = view.text;
                // The longest match's end from each start, where there is one.
                let ends: Vec<(usize, usize)> = (0..=projected.len())
                    .filter_map(|start| {
                        let input = regex_automata::Input::new(projected)
                            .range(start..)
                            .anchored(regex_automata::Anchored::Yes);
                        filter.longest.search(&input).map(|m| (start, m.end()))
                    })
                    .collect();
                for first_end in 0..=projected.len() + 1 {
                    let floor = filter.floor(projected, first_end);
                    for &(start, end) in &ends {
                        assert!(
                            end < first_end || start >= floor,
                            "{}: {text:?}, first end {first_end}: match {start}..{end}, floor {floor}",
                            rule.name
                        );
                    }
                }
            }
        }
        // Letters and commas that a rule never reads move the floor: the
        // search for "le 12 mai 2020" starts at "12" (the "e" of "le" is
        // no letter of a day, month or year), not at the sentence's start.
        let filter =
            Projected::new(r"(?i)\b(?P<d>\d{1,2})\s+(?P<m>mai|juin|août)\s+(?P<y>\d{4})\b");
        let text = "Hier, à Paris, le 12 mai 2020";
        let mut p = Projection::default();
        p.set(text);
        let projected = p.all().text;
        assert_eq!(
            filter.floor(projected, projected.len()),
            text.find(" 12").unwrap() - 1
        );
        assert_eq!(filter.floor(projected, 0), 0);
        assert_eq!(filter.floor(b"", 0), 0);
        // A rule that reads any byte has no floor.
        assert_eq!(
            Projected::new(r"(?s).\d").floor(projected, projected.len()),
            0
        );
    }

    #[test]
    fn limit_is_the_end_of_the_longest_filter_match() {
        // Leftmost-first would stop at "10 h"; the limit must let the rule
        // reach as far as any of its matches could.
        let filter = Projected::new(r"\b\d+\s*h|\b\d+\s*h\s*\d+\s*(?:UTC)?");
        let text = "à 10 h 30 UTC, été";
        let mut p = Projection::default();
        p.set(text);
        let view = p.view(0, text.len());
        let start = "à ".len();
        let limit = filter.limit(&view, view.projected(start), text.len());
        assert_eq!(&text[start..limit], "10 h 30 UTC");
    }

    #[test]
    fn projection_keeps_word_chars_apart() {
        let mut p = Projection::default();
        p.set("l’été 2020 «ok»");
        assert_eq!(p.text, b"l\x7f_t_ 2020 \x7fok\x7f");
        let all = p.all();
        assert_eq!((all.projected(4), all.original(2)), (2, 4));
        // A view is the projection of its range alone.
        let view = p.view(4, 12);
        let mut alone = Projection::default();
        alone.set(&"l’été 2020 «ok»"[4..12]);
        assert_eq!(view.text, alone.text);
        assert_eq!((view.projected(2), view.original(1)), (1, 2));
        assert_eq!(view.original(view.text.len()), 8);
    }

    #[test]
    fn projection_projects_each_char() {
        // The projection read byte by byte ([`Projection::set`]) against a
        // plain char by char one, on chars of one to four bytes, on both
        // sides of U+0800 (where the table by hand ends), word chars or not.
        let long = format!("{}é{}", "a".repeat(70), "b’".repeat(40));
        let texts = [
            "",
            "é",
            "l’été 2020 «ok», à Zürich ; déjà-vu\t12\u{a0}h",
            "aujourd'hui, aujourd’hui, 2019–2020 — ×µ\u{7f}_",
            "\u{7ff}\u{7fa}\u{800}\u{85f}ߊ ࠀ 中文 ٢٠٢٠ 😀x 𝔄",
            "ÀÉÎÕÜ àéîõü ÿ Œœ Ææ ſ ﬁn Ⅻ",
            long.as_str(),
        ];
        for text in texts {
            let mut p = Projection::default();
            p.set(text);
            let mut want = Vec::new();
            let mut wide = Vec::new();
            for (i, c) in text.char_indices() {
                if !c.is_ascii() {
                    wide.push((want.len(), i + c.len_utf8()));
                }
                want.push(project_char(c) as u8);
            }
            assert_eq!(p.text, want, "{text:?}");
            assert_eq!(p.wide, wide, "{text:?}");
            assert_eq!(p.len, text.len());
        }
    }

    #[test]
    fn views_after_one_another_are_views() {
        let text = "l’été 2020 «ok», à Zürich ; déjà vu. Fin";
        let mut p = Projection::default();
        p.set(text);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut next = 0;
        // In order, then backwards: each range read after the previous one.
        let ranges = bounds
            .windows(2)
            .chain(bounds.windows(2).rev())
            .chain(bounds.windows(3).step_by(2));
        for range in ranges {
            let (start, end) = (range[0], range[range.len() - 1]);
            let (want, got) = (p.view(start, end), p.view_after(&mut next, start, end));
            assert_eq!(
                (got.text, got.from, got.base),
                (want.text, want.from, want.base)
            );
            assert_eq!(got.wide, want.wide);
        }
    }
}
