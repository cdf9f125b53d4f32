//! Finds gazetteer entries in a document: the folded text is walked word by
//! word from each word start through an index of folded surface forms, and
//! matches are mapped back to exact original offsets.

use std::sync::Arc;

use crate::doc::{
    fold, Cue, CueKind, Document, Folded, Label, Mention, MentionSource, OriginalCursor, Span,
};
use crate::gazetteer::index::{SurfaceIndex, WordMap};
use crate::gazetteer::{CaseRule, Entry, EntryType, Gazetteer};
use crate::pipeline::{Layer, Stage, StageError};
use crate::Lang;

/// The gazetteer stage.
///
/// Surfaces are folded once (case, accents, apostrophes and spaces folded by
/// [`crate::doc::fold`]) into an index: a hash table of the
/// surfaces and of their prefixes that end at a word end. At each word start
/// of the folded document the matcher extends word by word while the text is
/// such a prefix, collecting every surface that ends at a word boundary, and
/// keeps the longest one that passes its entry's case rule. Build time is a
/// hash insert per surface and search time a hash lookup per word, whatever
/// the size of the gazetteer (a million user entries build in well under a
/// second, where an aho-corasick automaton took tens of seconds). Searching
/// only at word starts and ending only at word ends means no "Paris" inside
/// "Parisiens", no "Inde" inside "Indépendance"; elided forms
/// (l'Azerbaïdjan, d'Arménie, qu'Israël) match because the apostrophe ends a
/// word.
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
    index: SurfaceIndex,
    /// Surface id → its entries: `entry_ids[entry_starts[id]..entry_starts[id + 1]]`,
    /// in file order (one flat list rather than a `Vec` per surface: a
    /// million small allocations cost more than the index itself).
    entry_starts: Vec<u32>,
    entry_ids: Vec<u32>,
    /// What the case and language rules need of each entry of `entry_ids`,
    /// beside it: testing a surface's entries reads one short run of
    /// memory, not each entry's scattered strings.
    entry_rules: Vec<EntryRules>,
    /// Surface id → the rules all its entries share, when they share them
    /// (and, for [`CaseRule::Exact`], which compares with the surface, the
    /// same unfolded surface too): the usual surface, with one entry or
    /// with several readings of one name. Then one test decides for all of
    /// its entries, and the commonest rules (exact case written as the
    /// surface, capitalised with an uppercase first letter) read the text
    /// no further than they need, where the per-entry filter counted every
    /// letter of every match.
    shared_rules: Vec<Option<EntryRules>>,
}

impl std::fmt::Debug for GazetteerMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GazetteerMatcher")
            .field("entries", &self.gazetteer.len())
            .field("patterns", &self.index.len())
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
    /// Indexes `gazetteer`'s folded surfaces.
    pub fn new(gazetteer: Arc<Gazetteer>) -> GazetteerMatcher {
        let entries = gazetteer.entries();
        let mut index = SurfaceIndex::with_capacity(entries.len());
        // Entry → surface id, then grouped by surface (a counting sort keeps
        // file order within a surface, which ties in `entity_rank` rely on).
        let surface_of: Vec<Option<u32>> = entries
            .iter()
            .map(|entry| {
                let lowercase = EntryRules::of(entry).may_match_lowercase_start();
                index.insert(&fold(&entry.surface), lowercase)
            })
            .collect();
        let mut entry_starts = vec![0u32; index.len() + 1];
        for id in surface_of.iter().flatten() {
            entry_starts[*id as usize + 1] += 1;
        }
        for id in 0..index.len() {
            entry_starts[id + 1] += entry_starts[id];
        }
        let mut fill = entry_starts.clone();
        let mut entry_ids = vec![0u32; entry_starts[index.len()] as usize];
        for (entry, id) in surface_of.iter().enumerate() {
            if let Some(id) = id {
                let slot = &mut fill[*id as usize];
                entry_ids[*slot as usize] = entry as u32;
                *slot += 1;
            }
        }
        let entry_rules: Vec<EntryRules> = entry_ids
            .iter()
            .map(|&e| EntryRules::of(&entries[e as usize]))
            .collect();
        let shared_rules = entry_starts
            .windows(2)
            .map(|bounds| {
                let range = bounds[0] as usize..bounds[1] as usize;
                let (first, rest) = entry_rules.get(range.clone())?.split_first()?;
                let ids = entry_ids.get(range)?;
                let surface = |&e: &u32| entries[e as usize].surface.as_str();
                let shared = rest.iter().all(|r| r == first)
                    && (first.case != CaseRule::Exact
                        || ids.iter().all(|e| surface(e) == surface(&ids[0])));
                shared.then_some(*first)
            })
            .collect();
        GazetteerMatcher {
            gazetteer,
            index,
            entry_starts,
            entry_ids,
            entry_rules,
            shared_rules,
        }
    }

    /// The gazetteer it matches.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Puts in `out` the entries of surface `id` that `written` and `lang`
    /// allow.
    fn allowed<'g>(
        &'g self,
        id: u32,
        original: &str,
        lang: Option<Lang>,
        out: &mut Vec<&'g Entry>,
    ) {
        out.clear();
        let id = id as usize;
        let range = self.entry_starts[id] as usize..self.entry_starts[id + 1] as usize;
        let entries = self.gazetteer.entries();
        let (Some(ids), Some(rules)) = (
            self.entry_ids.get(range.clone()),
            self.entry_rules.get(range),
        ) else {
            return;
        };
        if let (Some(Some(shared)), Some(&first)) = (self.shared_rules.get(id), ids.first()) {
            let surface = &entries[first as usize].surface;
            if shared.lang_allows(lang) && shared.allows_written(original, surface) {
                out.extend(ids.iter().map(|&e| &entries[e as usize]));
            }
            return;
        }
        // How the text is written is read only for an entry with a case
        // rule (titles and event words have none), and then once.
        let mut written = None;
        out.extend(
            ids.iter()
                .zip(rules)
                .filter(|(_, r)| r.lang_allows(lang))
                .map(|(&e, r)| (&entries[e as usize], r))
                .filter(|(e, r)| {
                    r.case == CaseRule::Any
                        || written
                            .get_or_insert_with(|| Written::new(original))
                            .allows(r, &e.surface)
                })
                .map(|(e, _)| e),
        );
    }

    /// Every place in `text` where entries match, longest first at each word
    /// start, non-overlapping, in text order. With a `lang`, entries of the
    /// other language are left out for titles and triggers (whose words
    /// differ by language: French "met" is not English "met").
    pub fn candidates<'g>(&'g self, text: &str, lang: Option<Lang>) -> Vec<Candidate<'g>> {
        let mut out = Vec::new();
        self.scan(text, lang, |span, entries| {
            out.push(Candidate {
                span,
                entries: entries.to_vec(),
            });
        });
        out
    }

    /// What [`GazetteerMatcher::candidates`] finds, handed to `emit` one
    /// place at a time with its entries in a buffer that is reused (a vector
    /// per match was a tenth of the stage).
    fn scan<'g>(
        &'g self,
        text: &str,
        lang: Option<Lang>,
        mut emit: impl FnMut(Span, &[&'g Entry]),
    ) {
        if self.index.len() == 0 {
            return;
        }
        let folded = Folded::new(text);
        let hay = folded.as_str();
        let mut original = folded.cursor();
        let mut found = Vec::new();
        let mut entries = Vec::new();
        let mut resume = 0;
        let map = WordMap::new(hay);
        let mut words = map.words();
        loop {
            // Most words begin no surface: this inner loop passes them by
            // with only the word iterator and the head filter live, where
            // one loop over every word kept the state of the walk live
            // across the misses too (spilled and reloaded at each word).
            let (word, first) = loop {
                let Some(word) = words.next() else {
                    return;
                };
                if word.start < resume {
                    continue;
                }
                let first = self.index.may_begin_with(hay, word);
                if first.begins_some {
                    break (word, first);
                }
            };
            let (i, end) = (word.start, word.end);
            found.clear();
            // A common lowercase word ("de", "la", "the") that begins
            // only capitalised names ("De Gaulle", "La Paz") is turned
            // away here, before the walk hashes it.
            let known_lowercase = if first.begins_lowercase {
                None
            } else {
                Some(starts_lowercase(text, &mut original, i))
            };
            if known_lowercase == Some(true) {
                continue;
            }
            let lowercase =
                || known_lowercase.unwrap_or_else(|| starts_lowercase(text, &mut original, i));
            self.index.walk(hay, i, end, lowercase, &mut found);
            // The longest surface whose case rule passes.
            for &(id, stop) in found.iter().rev() {
                let span = original.to_original(Span::new(i, stop));
                self.allowed(id, span.slice(text), lang, &mut entries);
                if !entries.is_empty() {
                    resume = stop;
                    emit(span, &entries);
                    break;
                }
            }
        }
    }
}

/// What the case and language rules need to know of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct EntryRules {
    case: CaseRule,
    /// Whether the surface's first letter is uppercase, if it has letters.
    first_upper: Option<bool>,
    /// The surface has more than two letters.
    long: bool,
    /// The language a title, trigger or honorific belongs to: its words
    /// differ by language (French "met" is not English "met").
    only_in: Option<Lang>,
}

impl EntryRules {
    fn of(entry: &Entry) -> EntryRules {
        let mut letters = entry.surface.chars().filter(|c| c.is_alphabetic());
        let first_upper = letters.next().map(char::is_uppercase);
        let long = letters.nth(1).is_some();
        let only_in = match entry.kind {
            EntryType::Title | EntryType::Trigger | EntryType::Honorific => entry.lang,
            _ => None,
        };
        EntryRules {
            case: entry.case,
            first_upper,
            long,
            only_in,
        }
    }

    /// Whether text whose first letter is lowercase can pass the case
    /// rule ("ministre", "azerbaïdjanais"; not "Paris", nor "US").
    fn may_match_lowercase_start(&self) -> bool {
        match self.case {
            CaseRule::Any => true,
            CaseRule::Upper => false,
            CaseRule::Capitalized | CaseRule::Exact => self.first_upper != Some(true),
        }
    }

    /// True when `original` is written as the case rule asks of an entry
    /// with this `surface`: as [`Written::allows`] answers, reading no more
    /// of the text than the rule needs.
    fn allows_written(&self, original: &str, surface: &str) -> bool {
        match (self.case, self.first_upper) {
            (CaseRule::Any, _) => true,
            // Capitalised names: the first letter decides alone, since text
            // in capitals also starts with a capital.
            (CaseRule::Capitalized, Some(true)) => first_letter_upper(original) != Some(false),
            // Names with an exact case are mostly written as the surface.
            (CaseRule::Exact, _) if original == surface => true,
            _ => Written::new(original).allows(self, surface),
        }
    }

    /// False for a title, trigger or honorific of the other language.
    fn lang_allows(&self, lang: Option<Lang>) -> bool {
        match (self.only_in, lang) {
            (Some(e), Some(d)) => e == d,
            _ => true,
        }
    }
}

/// True when `original` is written as `entry`'s case rule asks.
#[cfg(test)]
fn case_allows(entry: &Entry, original: &str) -> bool {
    Written::new(original).allows(&EntryRules::of(entry), &entry.surface)
}

/// How a matched piece of text is written, for the entries' case rules:
/// read once per match, not once for each entry of an ambiguous surface
/// (counting the letters again for each entry was a tenth of the stage).
struct Written<'a> {
    original: &'a str,
    /// Whether its first letter is uppercase, if it has a letter.
    first_upper: Option<bool>,
    /// Its letters, and how many of them are uppercase.
    letters: usize,
    upper: usize,
}

impl<'a> Written<'a> {
    fn new(original: &'a str) -> Written<'a> {
        let mut written = Written {
            original,
            first_upper: None,
            letters: 0,
            upper: 0,
        };
        // Most matches are ASCII: their letters are read from the bytes,
        // without decoding chars or asking the Unicode tables.
        if original.is_ascii() {
            for b in original.bytes().filter(u8::is_ascii_alphabetic) {
                written.count(b.is_ascii_uppercase());
            }
        } else {
            for c in original.chars().filter(|c| c.is_alphabetic()) {
                written.count(c.is_uppercase());
            }
        }
        written
    }

    /// Counts one more letter, uppercase or not.
    fn count(&mut self, up: bool) {
        self.first_upper.get_or_insert(up);
        self.letters += 1;
        self.upper += usize::from(up);
    }

    /// More than one letter, all uppercase.
    fn all_upper(&self) -> bool {
        self.letters > 1 && self.upper == self.letters
    }

    /// True when the text is written as an entry's case rule asks (`rules`
    /// are the entry's, `surface` its surface).
    fn allows(&self, rules: &EntryRules, surface: &str) -> bool {
        match rules.case {
            CaseRule::Any => true,
            CaseRule::Upper => self.all_upper() || self.letters == 1 && self.upper == 1,
            CaseRule::Capitalized => match (rules.first_upper, self.first_upper) {
                (Some(w), Some(g)) => w == g || self.all_upper(),
                _ => true,
            },
            CaseRule::Exact => {
                self.all_upper() && rules.long
                    // Written as the surface (the common case): no need to
                    // compare letter by letter.
                    || self.original == surface
                    || self
                        .original
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .zip(surface.chars().filter(|c| c.is_alphabetic()))
                        .all(|(g, w)| g.is_uppercase() == w.is_uppercase())
            }
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

/// Whether the original char of folded offset `i` (a word start, no
/// smaller than the last one asked of `original`) is a lowercase letter.
/// Inlined: it is asked for a third of the words of a text, and most
/// answer from one ASCII byte.
#[inline(always)]
fn starts_lowercase(text: &str, original: &mut OriginalCursor<'_>, i: usize) -> bool {
    let at = original.original(i);
    match text.as_bytes().get(at) {
        // Most text is ASCII: no char to decode.
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_lowercase_letter),
    }
}

/// Whether the first letter of `original` is uppercase (`None` without a
/// letter), as [`Written::new`] reads it, without counting the other
/// letters: a capitalised name's case rule needs no more.
fn first_letter_upper(original: &str) -> Option<bool> {
    for (i, b) in original.bytes().enumerate() {
        if b.is_ascii_alphabetic() {
            return Some(b.is_ascii_uppercase());
        }
        if !b.is_ascii() {
            // From the first non-ASCII char on, the Unicode tables decide
            // (the bytes before it were ASCII non-letters).
            return original[i..]
                .chars()
                .find(|c| c.is_alphabetic())
                .map(char::is_uppercase);
        }
    }
    None
}

/// A letter that is not uppercase: as [`Written`] reads a first letter.
fn is_lowercase_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase()
}

/// True when the next word after `end` starts with a capital letter.
fn capitalised_word_follows(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
}

/// The mention a gazetteer entity entry makes at `span` (`None` for an
/// entry of another type).
fn gazetteer_mention(span: Span, entry: &Entry) -> Option<Mention> {
    let EntryType::Entity(label) = entry.kind else {
        return None;
    };
    let mut mention = Mention::new(span, label, MentionSource::Gazetteer);
    mention.canonical = Some(entry.canonical.clone());
    mention.id = entry.id.clone();
    mention.country = entry.attr("country").map(str::to_string);
    mention.capital = entry.attr("kind") == Some("capital");
    Some(mention)
}

/// A word that is both a nationality and a given name reads as a name
/// before a capitalised word ("German Gref"), but as the nationality
/// before a title ("German Foreign Minister Frank-Walter Steinmeier"):
/// each of `candidates` (a given-name cue's index and the nationality)
/// whose next word starts a title becomes the nationality.
fn nationalities_before_titles(
    text: &str,
    candidates: Vec<(usize, Mention)>,
    mentions: &mut Vec<Mention>,
    cues: &mut Vec<Cue>,
) {
    let mut dropped = Vec::new();
    for (k, nationality) in candidates {
        let after = nationality.span.end;
        let next_word = after + (text[after..].len() - text[after..].trim_start().len());
        let title_next = cues
            .get(k + 1..)
            .and_then(|rest| rest.iter().find(|c| c.span.start >= after))
            .is_some_and(|c| c.kind == CueKind::Title && c.span.start == next_word);
        if title_next {
            dropped.push(k);
            mentions.push(nationality);
        }
    }
    if dropped.is_empty() {
        return;
    }
    // `dropped` is in increasing order, as the cues were scanned.
    let mut k = 0;
    let mut next_dropped = dropped.iter().peekable();
    cues.retain(|_| {
        let keep = next_dropped.next_if_eq(&&k).is_none();
        k += 1;
        keep
    });
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
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
        let (mut mentions, mut cues) = (Vec::new(), Vec::new());
        // The given names read as names that could have been a
        // nationality, each as its cue's index and the nationality.
        let mut demonym_or_name = Vec::new();
        self.scan(&doc.text, doc.lang, |span, entries| {
            let best_entity = entries
                .iter()
                .filter(|e| matches!(e.kind, EntryType::Entity(_)))
                // On a tie, the entry of the document's language names the
                // entity: "G20" is the Group of Twenty in English.
                .min_by_key(|e| (entity_rank(e), e.lang.is_some() && e.lang != doc.lang));
            let best_cue = entries
                .iter()
                .filter_map(|e| cue_kind(e.kind).map(|k| (k, e)))
                .min_by_key(|(k, _)| *k as u8);
            // A given name that is also a place ("Georgia", "Jordan") reads as
            // a name when a capitalised word follows it.
            let prefer_cue = match (best_entity, best_cue) {
                (Some(_), Some((CueKind::GivenName, _))) => {
                    capitalised_word_follows(&doc.text, span.end)
                }
                (Some(_), Some(_)) => false,
                (None, Some(_)) => true,
                _ => false,
            };
            if prefer_cue {
                let (kind, entry) = best_cue.expect("checked above");
                if let Some(nationality) = best_entity
                    .filter(|e| e.kind == EntryType::Entity(Label::Misc))
                    .and_then(|e| gazetteer_mention(span, e))
                {
                    demonym_or_name.push((cues.len(), nationality));
                }
                cues.push(Cue {
                    span,
                    kind,
                    canonical: entry.canonical.clone(),
                    id: entry.id.clone(),
                    attrs: entry.attrs.clone(),
                });
            } else if let Some(mention) = best_entity.and_then(|e| gazetteer_mention(span, e)) {
                // "US$ 7 billion", "HK$": a currency, not the country.
                if !doc.text[span.end..].starts_with('$') {
                    mentions.push(mention);
                }
            }
        });
        if !demonym_or_name.is_empty() {
            nationalities_before_titles(&doc.text, demonym_or_name, &mut mentions, &mut cues);
        }
        doc.mentions.append(&mut mentions);
        doc.cues.append(&mut cues);
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
    fn ascii_lowercase_as_the_case_rules_read_it() {
        for b in 0..0x80u8 {
            assert_eq!(is_lowercase_letter(char::from(b)), b.is_ascii_lowercase());
        }
    }

    /// Texts that a case rule may read: accents, apostrophes, capitals
    /// outside ASCII, digits, no letter at all.
    const WRITTEN: &[&str] = &[
        "",
        "Paris",
        "paris",
        "PARIS",
        "PaRis",
        "P",
        "M.",
        "m.",
        "p",
        "É",
        "é",
        "Élysée",
        "élysée",
        "ÉTATS-UNIS",
        "l’Azerbaïdjan",
        "L'Azerbaïdjan",
        "d'Arménie",
        "D’ARMÉNIE",
        "Œuvre",
        "œuvre",
        "Ωmega",
        "ωmega",
        "G20",
        "g20",
        "20e",
        "2024",
        "1er Mai",
        "’s",
        "'S",
        "-",
        "e\u{301}cole",
        "E\u{301}cole",
        "ß",
        "ǅemal",
        "ジョン",
    ];

    #[test]
    fn first_letter_upper_reads_as_written() {
        for text in WRITTEN {
            assert_eq!(
                first_letter_upper(text),
                Written::new(text).first_upper,
                "{text:?}"
            );
        }
    }

    /// The rules shared by a surface's entries decide as each entry's own
    /// test does, for every rule the shortcut takes.
    #[test]
    fn shared_rules_allow_as_each_entry_does() {
        let surfaces = [
            "Paris", "paris", "PARIS", "É", "élysée", "Élysée", "G20", "20e", "’s", "M.", "-", "",
        ];
        for surface in surfaces {
            for case in [
                CaseRule::Any,
                CaseRule::Capitalized,
                CaseRule::Upper,
                CaseRule::Exact,
            ] {
                let entry = Entry {
                    surface: surface.to_string(),
                    case,
                    ..Gazetteer::parse_str("t", "x\tLOC\tx\n").gazetteer.entries()[0].clone()
                };
                let rules = EntryRules::of(&entry);
                for text in WRITTEN {
                    assert_eq!(
                        rules.allows_written(text, surface),
                        case_allows(&entry, text),
                        "{surface:?} {case:?} {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn shared_rules_only_when_all_entries_agree() {
        let tsv = "Jordan\tLOC\tJordanie\tJO\tkind=country\n\
            Jordan\tPER\tJordan\n\
            Nice\tLOC\tNice\t\tcase=exact\n\
            Orange\tORG\tOrange\t\tcase=exact\n\
            ORANGE\tORG\tOrange\t\tcase=exact\n\
            Inde\tLOC\tInde\n\
            inde\tMISC\tinde\t\tcase=any\n\
            met\tTRIGGER\tmeet\t\tlang=en;event=meeting\n\
            met\tTRIGGER\tmet\t\tlang=fr\n";
        let g = Gazetteer::parse_str("t", tsv);
        assert!(g.problems.is_empty(), "{:?}", g.problems);
        let m = GazetteerMatcher::new(Arc::new(g.gazetteer));
        let shared: Vec<bool> = m.shared_rules.iter().map(Option::is_some).collect();
        // Jordan (both capitalised), Nice (one entry), orange (two exact
        // surfaces), inde (two rules), met (two languages).
        assert_eq!(shared, [true, true, false, false, false]);
        let found = |text: &str, lang| {
            m.candidates(text, lang)
                .iter()
                .map(|c| (c.span.slice(text).to_string(), c.entries.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(found("Jordan, jordan", None), [("Jordan".to_string(), 2)]);
        assert_eq!(
            found("l’Inde et l'inde", None),
            [("Inde".to_string(), 2), ("inde".to_string(), 1)]
        );
        assert_eq!(found("met", Some(Lang::Fr)), [("met".to_string(), 1)]);
        assert_eq!(
            found("Nice, nice, NICE, Orange, ORANGE, orange", None),
            [
                ("Nice".to_string(), 1),
                ("NICE".to_string(), 1),
                ("Orange".to_string(), 1),
                ("ORANGE".to_string(), 2)
            ]
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

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    const TSV: &str = "Paris\tLOC\tParis\n\
        Paris Saint-Germain\tORG\tPSG\n\
        M.\tHONORIFIC\tM.\n\
        M. Durand\tPER\tDurand\n\
        US\tLOC\tÉtats-Unis\t\tcase=upper\n\
        U.S.\tLOC\tÉtats-Unis\n\
        U.S\tLOC\tÉtats-Unis\n\
        Côte d'Ivoire\tLOC\tCôte d'Ivoire\n\
        Ivoire\tPER\tIvoire\n\
        Nice\tLOC\tNice\t\tcase=exact\n\
        ministre\tTITLE\tministre\n\
        ministre de la Défense\tTITLE\tministre de la Défense\n\
        la Défense\tLOC\tLa Défense\n\
        Œuvre\tMISC\tŒuvre\n\
        a b\tMISC\tab\n\
        a\tGIVEN\tA\n\
        Jordan\tLOC\tJordanie\n\
        Jordan\tGIVEN\tJordan\n";

    const FRAGMENTS: &[&str] = &[
        "Paris",
        "paris",
        "PARIS",
        " ",
        "  ",
        "Saint-Germain",
        "saint–germain",
        "M.",
        "m.",
        "Durand",
        "durandal",
        "US",
        "us",
        "U.S.",
        "u.s",
        "Côte",
        "COTE",
        "d'Ivoire",
        "d’Ivoire",
        "\u{a0}",
        ",",
        ".",
        "-",
        "Œuvre",
        "oeuvre",
        "a",
        "b",
        "A",
        "ministre",
        "de",
        "la",
        "Défense",
        "defense",
        "\n",
        "é",
        "e\u{301}",
        "Nice",
        "nice",
        "NICE",
        "Jordan",
        "x",
    ];

    /// The matches by definition, the slow way: at each word start of the
    /// folded text not inside an earlier match, every surface the text goes
    /// on with that ends at a word boundary, longest first, the first whose
    /// entries pass their case rule.
    fn reference(m: &GazetteerMatcher, text: &str) -> Vec<(Span, Vec<usize>)> {
        let entries = m.gazetteer().entries();
        let surfaces: Vec<String> = entries.iter().map(|e| fold(&e.surface)).collect();
        let folded = Folded::new(text);
        let hay = folded.as_str();
        let word = |c: char| c.is_alphanumeric();
        let mut out = Vec::new();
        let (mut resume, mut prev) = (0, false);
        for (i, c) in hay.char_indices() {
            let start = word(c) && !prev;
            prev = word(c);
            if !start || i < resume {
                continue;
            }
            let mut ends: Vec<usize> = surfaces
                .iter()
                .filter(|s| hay[i..].starts_with(s.as_str()))
                .map(|s| i + s.len())
                .filter(|&end| {
                    !(hay[end..].chars().next().is_some_and(word)
                        && hay[..end].chars().next_back().is_some_and(word))
                })
                .collect();
            ends.sort_unstable_by(|a, b| b.cmp(a));
            ends.dedup();
            for end in ends {
                let span = folded.to_original(Span::new(i, end));
                let ids: Vec<usize> = (0..entries.len())
                    .filter(|&e| surfaces[e] == hay[i..end])
                    .filter(|&e| case_allows(&entries[e], span.slice(text)))
                    .collect();
                if !ids.is_empty() {
                    out.push((span, ids));
                    resume = end;
                    break;
                }
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// The index finds exactly what the definition says, on text glued
        /// from names, their parts and the chars that fold or bound words.
        #[test]
        fn matches_the_definition(parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..24)) {
            let text = parts.concat();
            let g = Gazetteer::parse_str("t", TSV);
            prop_assert!(g.problems.is_empty(), "{:?}", g.problems);
            let m = GazetteerMatcher::new(Arc::new(g.gazetteer));
            let base = m.gazetteer().entries().as_ptr();
            let got: Vec<(Span, Vec<usize>)> = m
                .candidates(&text, None)
                .into_iter()
                .map(|c| {
                    let ids = c.entries.iter().map(|e| index_in(base, e)).collect();
                    (c.span, ids)
                })
                .collect();
            prop_assert_eq!(got, reference(&m, &text), "{:?}", text);
        }
    }

    /// The index of `entry` in the slice that starts at `base`.
    fn index_in(base: *const Entry, entry: &Entry) -> usize {
        (entry as *const Entry as usize - base as usize) / std::mem::size_of::<Entry>()
    }
}
