//! Finds gazetteer entries in a document: one automaton over folded surface
//! forms, searched at word starts of the folded text, matches mapped back to
//! exact original offsets.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::doc::{fold, Cue, CueKind, Document, Folded, Label, Mention, MentionSource, Span};
use crate::gazetteer::{CaseRule, Entry, EntryType, Gazetteer};
use crate::pipeline::{Layer, Stage, StageError};
use crate::Lang;

/// Above this many distinct surfaces the automaton is a contiguous NFA: a DFA
/// over a very large pattern set costs gigabytes and seconds to build, while
/// for the built-in lists the DFA's faster transitions win.
const DFA_MAX_PATTERNS: usize = 50_000;

/// The gazetteer stage.
///
/// The automaton is built once, over the folded surfaces (case, accents,
/// apostrophes and spaces folded by [`crate::doc::fold`]), leftmost-longest
/// with anchored starts: at each word start of the folded document it finds
/// the longest surface that starts there; when that one does not end at a
/// word boundary or fails its entry's case rule, the search is repeated on a
/// shorter range for the next longest. (aho-corasick has no anchored
/// overlapping search, which would list them all at once.) Searching only at word starts means no "Paris" inside "Parisiens",
/// no "Inde" inside "Indépendance", and far fewer automaton steps than a scan
/// of every byte; elided forms (l'Azerbaïdjan, d'Arménie, qu'Israël) match
/// because the apostrophe ends a word.
///
/// ```
/// use depeche::gazetteer::Gazetteer;
/// use depeche::stages::GazetteerMatcher;
/// let g = Gazetteer::parse_str("t", "Azerbaïdjan\tLOC\tAzerbaïdjan\tAZ\n").gazetteer;
/// let matcher = GazetteerMatcher::new(std::sync::Arc::new(g));
/// let text = "la visite en AZERBAÏDJAN et à l’Azerbaïdjan";
/// let found = matcher.candidates(text, None);
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[1].span.slice(text), "Azerbaïdjan");
/// ```
pub struct GazetteerMatcher {
    gazetteer: Arc<Gazetteer>,
    automaton: Option<AhoCorasick>,
    /// Pattern id → indices of the entries that share this folded surface.
    entries_by_pattern: Vec<Vec<u32>>,
    /// Which first two bytes some surface starts with (a 65,536-bit map): a
    /// word start whose two bytes no surface begins with needs no automaton
    /// search at all.
    prefixes: Vec<u64>,
}

fn prefix_bit(a: u8, b: u8) -> usize {
    (usize::from(a) << 8) | usize::from(b)
}

impl std::fmt::Debug for GazetteerMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GazetteerMatcher")
            .field("entries", &self.gazetteer.len())
            .field("patterns", &self.entries_by_pattern.len())
            .finish()
    }
}

/// A place where gazetteer entries match, with every entry that could apply
/// (the alternatives of an ambiguous surface).
#[derive(Debug, Clone)]
pub struct Candidate<'g> {
    /// Where, in original bytes.
    pub span: Span,
    /// The entries whose surface matches there, with their case rule passed.
    pub entries: Vec<&'g Entry>,
}

impl GazetteerMatcher {
    /// Builds the automaton over `gazetteer`'s folded surfaces.
    pub fn new(gazetteer: Arc<Gazetteer>) -> GazetteerMatcher {
        let mut by_surface: std::collections::HashMap<String, usize> = Default::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut entries_by_pattern: Vec<Vec<u32>> = Vec::new();
        for (i, entry) in gazetteer.entries().iter().enumerate() {
            let folded = fold(&entry.surface);
            if folded.trim().is_empty() {
                continue;
            }
            let id = *by_surface.entry(folded.clone()).or_insert_with(|| {
                patterns.push(folded);
                entries_by_pattern.push(Vec::new());
                patterns.len() - 1
            });
            entries_by_pattern[id].push(i as u32);
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            let kind = if patterns.len() <= DFA_MAX_PATTERNS {
                AhoCorasickKind::DFA
            } else {
                AhoCorasickKind::ContiguousNFA
            };
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Anchored)
                    .kind(Some(kind))
                    .build(&patterns)
                    .or_else(|_| {
                        AhoCorasick::builder()
                            .match_kind(MatchKind::LeftmostLongest)
                            .start_kind(StartKind::Anchored)
                            .build(&patterns)
                    })
                    .expect("an automaton over non-empty patterns always builds"),
            )
        };
        let mut prefixes = vec![0u64; 65_536 / 64];
        for pattern in &patterns {
            let bytes = pattern.as_bytes();
            match bytes {
                [a, b, ..] => {
                    let bit = prefix_bit(*a, *b);
                    prefixes[bit / 64] |= 1 << (bit % 64);
                }
                [a] => {
                    for b in 0..=255u8 {
                        let bit = prefix_bit(*a, b);
                        prefixes[bit / 64] |= 1 << (bit % 64);
                    }
                }
                [] => {}
            }
        }
        GazetteerMatcher {
            gazetteer,
            automaton,
            entries_by_pattern,
            prefixes,
        }
    }

    /// The gazetteer it matches.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every place in `text` where entries match, longest first at each word
    /// start, non-overlapping, in text order. With a `lang`, entries of the
    /// other language are left out for titles and triggers (whose words
    /// differ by language: French "met" is not English "met").
    pub fn candidates<'g>(&'g self, text: &str, lang: Option<Lang>) -> Vec<Candidate<'g>> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let folded = Folded::new(text);
        let hay = folded.as_str();
        let mut out = Vec::new();
        let mut resume = 0;
        let mut prev_alnum = false;
        for (i, c) in hay.char_indices() {
            let alnum = c.is_alphanumeric();
            let word_start = alnum && !prev_alnum;
            prev_alnum = alnum;
            if !word_start || i < resume {
                continue;
            }
            let bytes = hay.as_bytes();
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            let bit = prefix_bit(bytes[i], next);
            if self.prefixes[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            // The longest surface starting here; when it is not a whole word
            // or its case rule fails, look again for a shorter one.
            let mut best: Option<Candidate<'g>> = None;
            let mut best_end = 0;
            let mut limit = hay.len();
            while limit > i {
                let input = Input::new(hay).range(i..limit).anchored(Anchored::Yes);
                let Some(m) = automaton.find(input) else {
                    break;
                };
                let end = m.end();
                limit = end - 1;
                if hay[end..].chars().next().is_some_and(char::is_alphanumeric)
                    && hay[..end]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                {
                    continue; // not a whole word
                }
                let span = folded.to_original(Span::new(i, end));
                let original = span.slice(text);
                let entries: Vec<&Entry> = self.entries_by_pattern[m.pattern().as_usize()]
                    .iter()
                    .map(|&e| &self.gazetteer.entries()[e as usize])
                    .filter(|e| case_allows(e, original))
                    .filter(|e| lang_allows(e, lang))
                    .collect();
                if !entries.is_empty() {
                    best = Some(Candidate { span, entries });
                    best_end = end;
                    break;
                }
            }
            if let Some(b) = best {
                resume = best_end;
                out.push(b);
            }
        }
        out
    }
}

fn lang_allows(entry: &Entry, lang: Option<Lang>) -> bool {
    match (entry.kind, entry.lang, lang) {
        (EntryType::Title | EntryType::Trigger | EntryType::Honorific, Some(e), Some(d)) => e == d,
        _ => true,
    }
}

/// True when `original` is written as `entry`'s case rule asks.
fn case_allows(entry: &Entry, original: &str) -> bool {
    let letters = || original.chars().filter(|c| c.is_alphabetic());
    let all_upper = letters().count() > 1 && letters().all(char::is_uppercase);
    match entry.case {
        CaseRule::Any => true,
        CaseRule::Upper => all_upper || letters().count() == 1 && letters().all(char::is_uppercase),
        CaseRule::Capitalized => {
            let want = entry.surface.chars().find(|c| c.is_alphabetic());
            let got = letters().next();
            match (want, got) {
                (Some(w), Some(g)) => w.is_uppercase() == g.is_uppercase() || all_upper,
                _ => true,
            }
        }
        CaseRule::Exact => {
            all_upper && entry.surface.chars().filter(|c| c.is_alphabetic()).count() > 2
                || letters()
                    .zip(entry.surface.chars().filter(|c| c.is_alphabetic()))
                    .all(|(g, w)| g.is_uppercase() == w.is_uppercase())
        }
    }
}

/// Priority among entity readings of one surface: countries before
/// organizations before other places before nationalities before persons.
fn entity_rank(entry: &Entry) -> u8 {
    match entry.kind {
        EntryType::Entity(Label::Loc)
            if matches!(entry.attr("kind"), Some("country" | "territory")) =>
        {
            0
        }
        EntryType::Entity(Label::Org) => 1,
        EntryType::Entity(Label::Loc) => 2,
        EntryType::Entity(Label::Misc) => 3,
        EntryType::Entity(Label::Per) => 4,
        _ => 9,
    }
}

fn cue_kind(kind: EntryType) -> Option<CueKind> {
    match kind {
        EntryType::Title => Some(CueKind::Title),
        EntryType::Honorific => Some(CueKind::Honorific),
        EntryType::GivenName => Some(CueKind::GivenName),
        EntryType::Trigger => Some(CueKind::Trigger),
        EntryType::Entity(_) => None,
    }
}

/// True when the next word after `end` starts with a capital letter.
fn capitalised_word_follows(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
}

impl Stage for GazetteerMatcher {
    fn name(&self) -> &'static str {
        "gazetteer"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Language]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Gazetteer]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        for candidate in self.candidates(&doc.text, doc.lang) {
            let best_entity = candidate
                .entries
                .iter()
                .filter(|e| matches!(e.kind, EntryType::Entity(_)))
                .min_by_key(|e| entity_rank(e));
            let best_cue = candidate
                .entries
                .iter()
                .filter_map(|e| cue_kind(e.kind).map(|k| (k, e)))
                .min_by_key(|(k, _)| *k as u8);
            // A given name that is also a place ("Georgia", "Jordan") reads as
            // a name when a capitalised word follows it.
            let prefer_cue = match (best_entity, best_cue) {
                (Some(_), Some((CueKind::GivenName, _))) => {
                    capitalised_word_follows(&doc.text, candidate.span.end)
                }
                (Some(_), Some(_)) => false,
                (None, Some(_)) => true,
                _ => false,
            };
            if prefer_cue {
                let (kind, entry) = best_cue.expect("checked above");
                doc.cues.push(Cue {
                    span: candidate.span,
                    kind,
                    canonical: entry.canonical.clone(),
                    id: entry.id.clone(),
                    attrs: entry.attrs.clone(),
                });
            } else if let Some(entry) = best_entity {
                let EntryType::Entity(label) = entry.kind else {
                    unreachable!("filtered to entities")
                };
                let mut mention = Mention::new(candidate.span, label, MentionSource::Gazetteer);
                mention.canonical = Some(entry.canonical.clone());
                mention.id = entry.id.clone();
                mention.country = entry.attr("country").map(str::to_string);
                doc.mentions.push(mention);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "surface\ttype\tcanonical\tid\tattrs\n\
        Paris\tLOC\tParis\tgn:2988507\tcountry=FR;kind=capital\n\
        Inde\tLOC\tInde\tIN\tkind=country;lang=fr\n\
        Azerbaïdjan\tLOC\tAzerbaïdjan\tAZ\tkind=country;lang=fr\n\
        République d'Azerbaïdjan\tLOC\tAzerbaïdjan\tAZ\tkind=country;lang=fr\n\
        azerbaïdjanais\tMISC\tAzerbaïdjan\tAZ\tkind=demonym;country=AZ\n\
        États-Unis\tLOC\tÉtats-Unis\tUS\tkind=country\n\
        US\tLOC\tÉtats-Unis\tUS\tcase=upper\n\
        Nice\tLOC\tNice\t\tcase=exact\n\
        Chine\tLOC\tChine\tCN\tkind=country\n\
        Mali\tLOC\tMali\tML\tkind=country\n\
        ministre de la Défense\tTITLE\tministre de la Défense\t\tlang=fr\n\
        met\tTRIGGER\tmeet\t\tlang=en;event=meeting\n\
        M.\tHONORIFIC\tM.\t\tlang=fr\n\
        Jordan\tLOC\tJordanie\tJO\tkind=country;lang=en\n\
        Jordan\tGIVEN\tJordan\t\t\n";

    fn found(text: &str, lang: Option<Lang>) -> Vec<String> {
        let g = Gazetteer::parse_str("t", TSV);
        assert!(g.problems.is_empty(), "{:?}", g.problems);
        let m = GazetteerMatcher::new(Arc::new(g.gazetteer));
        let mut doc = Document::new("d", text);
        doc.lang = lang;
        m.run(&mut doc).unwrap();
        let mut out: Vec<(usize, String)> = doc
            .mentions
            .iter()
            .map(|x| (x.span.start, format!("{}:{}", x.label, doc.slice(x.span))))
            .collect();
        out.extend(
            doc.cues
                .iter()
                .map(|c| (c.span.start, format!("{:?}:{}", c.kind, doc.slice(c.span)))),
        );
        out.sort();
        out.into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn whole_words_only_with_elision_and_contraction() {
        assert_eq!(
            found("Les Parisiens et l'Indépendance.", None),
            Vec::<String>::new()
        );
        assert_eq!(
            found("De l’Azerbaïdjan aux États-Unis, du Mali à Paris.", None),
            ["LOC:Azerbaïdjan", "LOC:États-Unis", "LOC:Mali", "LOC:Paris"]
        );
        assert_eq!(
            found("la République d'Azerbaïdjan", None),
            ["LOC:République d'Azerbaïdjan"]
        );
    }

    #[test]
    fn case_rules() {
        assert_eq!(
            found("une nice idée, la chine, us", None),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Nice, la Chine, les US", None),
            ["LOC:Nice", "LOC:Chine", "LOC:US"]
        );
        assert_eq!(found("NICE et PARIS", None), ["LOC:NICE", "LOC:PARIS"]);
    }

    #[test]
    fn cues_and_language() {
        assert_eq!(
            found("M. Durand, ministre de la Défense, met", Some(Lang::Fr)),
            ["Honorific:M.", "Title:ministre de la Défense"]
        );
        assert_eq!(found("He met them", Some(Lang::En)), ["Trigger:met"]);
        assert_eq!(
            found("soldats azerbaïdjanais", None),
            ["MISC:azerbaïdjanais"]
        );
    }

    #[test]
    fn given_name_or_place_by_context() {
        assert_eq!(
            found("Jordan Smith arrived in Jordan.", None),
            ["GivenName:Jordan", "LOC:Jordan"]
        );
    }
}
