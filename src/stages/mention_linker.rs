//! Links mentions of one real-world entity into one [`Entity`].

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap as HashMap;

use crate::doc::{fold, Document, Entity, Label, Mention, MentionSource};
use crate::pipeline::{Layer, Stage, StageError};

/// Links the mentions of a document into entities.
///
/// - Gazetteer mentions with an id link by id within their label ("Azerbaijan"
///   and "République d'Azerbaïdjan"; each nationality adjective to the other
///   forms of its nationality, named after its country).
/// - Organizations link by canonical name, so an acronym defined in
///   parentheses joins its organization (and becomes an alias).
/// - A person's one-word mention ("M. Hassanov" → "Hassanov") links to the
///   **nearest preceding** person whose surname it is (so "David Jones ...
///   Mr. Jones ... Richard Jones ... Mr. Jones" links each "Jones" right),
///   else to a later one.
/// - A misspelled surname ("M. Cheshnel") links to a person of the document
///   whose surname is within a bounded edit distance ([`MAX_EDITS`]), only
///   when no exact surname fits, with the same initial, and when no other
///   person is within one more edit.
///
/// ```
/// let x = depeche::Pipeline::french()?.extract(
///     "Le ministre Zakir Hassanov a reçu Gérard Chesnel. M. Hassanov et M. Cheshnel ont parlé.");
/// let hassanov = x.entities.iter().find(|e| e.name == "Zakir Hassanov").unwrap();
/// assert_eq!(hassanov.mentions.len(), 2);
/// let chesnel = x.entities.iter().find(|e| e.name == "Gérard Chesnel").unwrap();
/// assert_eq!(chesnel.mentions.len(), 2);
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct MentionLinker;

/// Edits allowed between a misspelled surname and the real one: none below
/// 5 letters (too many short names differ by one letter), 1 up to 7 letters,
/// 2 from 8.
pub const MAX_EDITS: [(usize, usize); 3] = [(0, 0), (5, 1), (8, 2)];

/// The most mentions the linker's maps are sized for up front.
const MAP_ROOM: usize = 512;

fn max_edits(len: usize) -> usize {
    MAX_EDITS
        .iter()
        .rev()
        .find(|(min_len, _)| len >= *min_len)
        .map_or(0, |(_, e)| *e)
}

/// A person name's folded words ("Bashar al-Assad" → "bashar assad"): the
/// key the name links by, and its last word, the surname a one-word mention
/// is matched against. One string with the words joined by single spaces,
/// not a string per word: the linker builds one for every distinct person
/// mention of every document.
#[derive(Debug, Default)]
struct NameWords {
    /// The words joined by single spaces.
    key: String,
    /// How many words there are.
    count: usize,
    /// Where the last word starts in `key`.
    last_start: usize,
}

impl NameWords {
    fn new(name: &str) -> NameWords {
        if name.is_ascii() {
            NameWords::new_ascii(name)
        } else {
            NameWords::new_folded(name)
        }
    }

    /// [`NameWords::new`] for any name: the words of its folded copy.
    fn new_folded(name: &str) -> NameWords {
        let folded = fold(name);
        let mut out = NameWords {
            key: String::with_capacity(folded.len()),
            ..NameWords::default()
        };
        for w in folded
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty() && !matches!(*w, "al" | "el"))
        {
            // "al-Assad" and "Assad" are one surname.
            let w = w
                .strip_prefix("al-")
                .or_else(|| w.strip_prefix("el-"))
                .unwrap_or(w);
            if out.count > 0 {
                out.key.push(' ');
            }
            out.last_start = out.key.len();
            out.key.push_str(w);
            out.count += 1;
        }
        out
    }

    /// [`NameWords::new`] for a plain ASCII name, most names of the news:
    /// words lowercased straight from the name, without a folded copy
    /// first (its allocation and its pass cost more than the words). The
    /// same words: [`fold`] only lowercases ASCII and turns whitespace into
    /// single spaces, and every whitespace, like every other ASCII byte
    /// that is no letter, digit, '-' or '\'', separates words either way.
    fn new_ascii(name: &str) -> NameWords {
        /// A byte of a word: what `new` splits on, for ASCII.
        fn in_word(b: u8) -> bool {
            b.is_ascii_alphanumeric() || b == b'-' || b == b'\''
        }
        let mut out = NameWords {
            key: String::with_capacity(name.len()),
            ..NameWords::default()
        };
        let bytes = name.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if !in_word(bytes[at]) {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && in_word(bytes[at]) {
                at += 1;
            }
            let w = &name[start..at];
            let article = |w: &str| w.eq_ignore_ascii_case("al") || w.eq_ignore_ascii_case("el");
            if article(w) {
                continue;
            }
            // "al-Assad" and "Assad" are one surname.
            let w = match w.get(..3) {
                Some(p) if p.ends_with('-') && article(&p[..2]) => &w[3..],
                _ => w,
            };
            if out.count > 0 {
                out.key.push(' ');
            }
            out.last_start = out.key.len();
            out.key.push_str(w);
            out.count += 1;
        }
        // Lowercased once, as a whole: ASCII keeps every offset.
        out.key.make_ascii_lowercase();
        out
    }

    /// The last word ("" for a name without words).
    fn last(&self) -> &str {
        &self.key[self.last_start..]
    }
}

/// A mention as the first pass links it: label, text, canonical name, id.
type LinkMemoKey<'a> = (Label, &'a str, Option<&'a str>, Option<&'a str>);

/// The key an entry id links by (beside the name keys, which are folded
/// names): `id:` and the id.
fn id_key(id: &str) -> String {
    let mut key = String::with_capacity(id.len() + 3);
    key.push_str("id:");
    key.push_str(id);
    key
}

/// The key a name links by: folded, and for persons without the Arabic
/// article ("Bashar al-Assad" and "Bashar Assad" are one person).
fn name_key(label: Label, name: &str) -> String {
    if label == Label::Per {
        NameWords::new(name).key
    } else {
        fold(name)
    }
}

impl MentionLinker {
    /// Links `doc.mentions` into `doc.entities`.
    fn link(&self, doc: &mut Document) {
        let mut entities: Vec<Entity> = Vec::new();
        // Fast hashing: these maps are only looked up, never iterated in an
        // order that reaches the output.
        let n = doc.mentions.len();
        // Sized once for an article's mentions: grown step by step, the
        // maps rehashed every key. (Bounded: a huge document names few
        // more entities than an article, and its mentions repeat.)
        let room = n.min(MAP_ROOM);
        let mut by_key: HashMap<(Label, String), usize> =
            HashMap::with_capacity_and_hasher(2 * room, Default::default());
        // The folded words of the person mentions: each distinct text read
        // once (an article names a person the same way several times), and
        // each mention's list found again by the second pass.
        let mut word_lists: Vec<NameWords> = Vec::new();
        let mut words_of: Vec<usize> = vec![usize::MAX; n];
        // The entity of each mention linked by the first pass, set once the
        // pass no longer borrows the mentions.
        let mut linked: Vec<Option<usize>> = vec![None; n];
        let mut deferred = Vec::new();
        {
            let text_all = doc.text.as_str();
            let mut list_of_text: HashMap<&str, usize> =
                HashMap::with_capacity_and_hasher(room, Default::default());
            // Folded names, each folded once.
            let mut folded_names: HashMap<&str, String> =
                HashMap::with_capacity_and_hasher(room, Default::default());
            let mut linked_before: HashMap<LinkMemoKey, usize> =
                HashMap::with_capacity_and_hasher(room, Default::default());
            // First pass: everything but one-word person mentions.
            for (i, m) in doc.mentions.iter().enumerate() {
                let text = m.span.slice(text_all);
                let mut list = None;
                if m.label == Label::Per {
                    let l = *list_of_text.entry(text).or_insert_with(|| {
                        word_lists.push(NameWords::new(text));
                        word_lists.len() - 1
                    });
                    words_of[i] = l;
                    if word_lists[l].count == 1 {
                        deferred.push(i);
                        continue;
                    }
                    list = Some(l);
                }
                // An entry's id and its canonical name both lead to the
                // entity, so a rule-found "Economic Community of West
                // African States" joins the gazetteer's "ECOWAS" of that
                // name.
                let name = m.canonical.as_deref().unwrap_or(text);
                // The same text with the same canonical name and id links
                // to the same entity, and leaves the key maps as they were:
                // a name said again is looked up once, no key built.
                let memo_key = (m.label, text, m.canonical.as_deref(), m.id.as_deref());
                // One hash of the memo key whether it is known or not.
                let e = match linked_before.entry(memo_key) {
                    Entry::Occupied(known) => *known.get(),
                    Entry::Vacant(slot) => {
                        let name_key = match (m.label, list, &m.canonical) {
                            // The name is the text, whose words are known.
                            (Label::Per, Some(l), None) => (m.label, word_lists[l].key.clone()),
                            (Label::Per, _, _) => (m.label, name_key(Label::Per, name)),
                            (label, _, _) => {
                                let folded = folded_names.entry(name).or_insert_with(|| fold(name));
                                (label, folded.clone())
                            }
                        };
                        let new_entity = || {
                            entities.push(Entity {
                                label: m.label,
                                name: name.to_string(),
                                mentions: Vec::new(),
                                id: m.id.clone(),
                                aliases: Vec::new(),
                            });
                            entities.len() - 1
                        };
                        let e = match &m.id {
                            // The key is the name key: one lookup does.
                            None => *by_key.entry(name_key).or_insert_with(new_entity),
                            // The id's entity, else the name's, else a new
                            // one; the name leads to it from now on unless
                            // it already leads elsewhere. Each key hashed
                            // once or twice, not twice or three times.
                            Some(id) => {
                                let key = (m.label, id_key(id));
                                match by_key.get(&key).copied() {
                                    Some(e) => {
                                        by_key.entry(name_key).or_insert(e);
                                        e
                                    }
                                    None => {
                                        let e = *by_key.entry(name_key).or_insert_with(new_entity);
                                        by_key.insert(key, e);
                                        e
                                    }
                                }
                            }
                        };
                        *slot.insert(e)
                    }
                };
                entities[e].mentions.push(i);
                let is_alias = m.source == MentionSource::Rule("acronym")
                    || (m.canonical.is_some()
                        && m.label == Label::Org
                        && text.chars().all(|c| !c.is_lowercase())
                        && text != entities[e].name);
                if is_alias && !entities[e].aliases.iter().any(|a| a == text) {
                    entities[e].aliases.push(text.to_string());
                }
                linked[i] = Some(e);
            }
        }
        for (m, e) in doc.mentions.iter_mut().zip(&linked) {
            if let Some(e) = e {
                m.entity = Some(*e);
            }
        }
        // Second pass: one-word person mentions, to the nearest preceding
        // person with that surname, else a later one, else a close spelling.
        let persons: Vec<(usize, usize, &NameWords)> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.label == Label::Per)
            .flat_map(|(ei, e)| e.mentions.iter().map(move |&mi| (mi, ei)))
            .map(|(mi, ei)| (doc.mentions[mi].span.start, ei, &word_lists[words_of[mi]]))
            .collect();
        // The multi-word person mentions by surname, in text order, so that
        // each one-word mention finds its neighbours without a scan of all.
        let mut by_surname: HashMap<&str, Vec<(usize, usize)>> = HashMap::default();
        for (at, e, w) in &persons {
            if w.count >= 2 {
                by_surname.entry(w.last()).or_default().push((*at, *e));
            }
        }
        for list in by_surname.values_mut() {
            list.sort_by_key(|p| p.0); // stable: ties keep their order
        }
        for i in deferred {
            let m = &doc.mentions[i];
            let word = word_lists[words_of[i]].last();
            let at = m.span.start;
            let same: &[(usize, usize)] = by_surname.get(word).map_or(&[], Vec::as_slice);
            let preceding = same[..same.partition_point(|p| p.0 < at)].last();
            let following = || same.get(same.partition_point(|p| p.0 <= at));
            let fuzzy = || {
                let limit = max_edits(word.chars().count());
                if limit == 0 {
                    return None;
                }
                // Every other person within one more edit counts as a rival:
                // with "Martin" and "Marin" in the text, "Martine" is
                // nobody's misspelling.
                let initial = word.chars().next();
                let mut close: Vec<(usize, usize)> = persons
                    .iter()
                    .filter(|p| p.2.count >= 2)
                    .filter_map(|p| {
                        let last = p.2.last();
                        // The cheap tests first: the edit distance is the
                        // cost here.
                        if last == word || last.chars().next() != initial {
                            return None;
                        }
                        let d = strsim::levenshtein(last, word);
                        (d <= limit + 1).then_some((p.1, d))
                    })
                    .collect();
                close.sort_unstable();
                close.dedup_by_key(|c| c.0);
                match close.as_slice() {
                    [(e, d)] if *d <= limit => Some(*e),
                    _ => None,
                }
            };
            let target = preceding.or_else(following).map(|p| p.1).or_else(fuzzy);
            let e = match target {
                Some(e) => e,
                None => {
                    let key = (Label::Per, name_key(Label::Per, &doc.mention_name(m)));
                    *by_key.entry(key).or_insert_with(|| {
                        entities.push(Entity {
                            label: Label::Per,
                            name: doc.mention_name(m),
                            mentions: Vec::new(),
                            id: None,
                            aliases: Vec::new(),
                        });
                        entities.len() - 1
                    })
                }
            };
            entities[e].mentions.push(i);
            doc.mentions[i].entity = Some(e);
        }
        // Names: the fullest mention for rule-found persons and
        // organizations; the gazetteer's canonical name otherwise.
        for e in &mut entities {
            e.mentions.sort_unstable();
            let fullest = e
                .mentions
                .iter()
                .map(|&mi| &doc.mentions[mi])
                .filter(|m: &&Mention| m.canonical.is_none())
                .map(|m| doc.slice(m.span))
                .max_by_key(|s| s.chars().count());
            if let Some(full) = fullest {
                if full.chars().count() > e.name.chars().count() && e.label != Label::Misc {
                    e.name = full.to_string();
                }
            }
        }
        // Entities in order of first mention, so ids read in text order.
        let mut order: Vec<usize> = (0..entities.len()).collect();
        order.sort_by_key(|&e| entities[e].mentions.first().copied().unwrap_or(usize::MAX));
        let mut new_index = vec![0; entities.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        for m in &mut doc.mentions {
            m.entity = m.entity.map(|e| new_index[e]);
        }
        let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
        doc.entities = order.iter().filter_map(|&old| slots[old].take()).collect();
        doc.place_by_id.clear();
        for (e, entity) in doc.entities.iter().enumerate() {
            if let (Label::Loc, Some(id)) = (entity.label, &entity.id) {
                doc.place_by_id.entry(id.clone()).or_insert(e);
            }
        }
    }
}

impl Stage for MentionLinker {
    fn name(&self) -> &'static str {
        "linking"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Names]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.link(doc);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Span;

    fn doc_with(text: &str, names: &[&str]) -> Document {
        let mut doc = Document::new("t", text);
        let mut from = 0;
        for name in names {
            let at = from + text[from..].find(name).expect(name);
            doc.mentions.push(Mention::new(
                Span::new(at, at + name.len()),
                Label::Per,
                MentionSource::Rule("test"),
            ));
            from = at + name.len();
        }
        doc
    }

    fn names_of(doc: &Document) -> Vec<String> {
        doc.mentions
            .iter()
            .map(|m| doc.entities[m.entity.unwrap()].name.clone())
            .collect()
    }

    #[test]
    fn name_words_fold_and_drop_the_arabic_article() {
        let w = NameWords::new("Bashar al-Assad");
        assert_eq!(
            (w.key.as_str(), w.count, w.last()),
            ("bashar assad", 2, "assad")
        );
        let w = NameWords::new("Abdel Fattah el-Sissi");
        assert_eq!((w.key.as_str(), w.last()), ("abdel fattah sissi", "sissi"));
        let w = NameWords::new("Mohamed El Baradei");
        assert_eq!((w.key.as_str(), w.count), ("mohamed baradei", 2));
        let w = NameWords::new("Jean-Yves Le Drian");
        assert_eq!((w.key.as_str(), w.last()), ("jean-yves le drian", "drian"));
        let w = NameWords::new("Cheshnel");
        assert_eq!(
            (w.key.as_str(), w.count, w.last()),
            ("cheshnel", 1, "cheshnel")
        );
        let w = NameWords::new("« »");
        assert_eq!((w.key.as_str(), w.count, w.last()), ("", 0, ""));
    }

    #[test]
    fn ascii_names_have_the_words_of_the_folded_path() {
        for name in [
            "Bashar al-Assad",
            "Abdel Fattah El-Sissi",
            "Mohamed EL Baradei",
            "AL Gore",
            "al-",
            "Al- Jazeera",
            "Alan Elmore",
            "  Jean-Yves   Le\tDrian ",
            "O'Brien, Conan",
            "Mr. J.R.R. Tolkien II",
            "el",
            "",
            "--",
            "\u{1}Nul\u{7f}Byte",
            "a.l-Qaida",
            "Ali-al-Sistani",
        ] {
            let (fast, general) = (NameWords::new_ascii(name), NameWords::new_folded(name));
            assert_eq!(
                (fast.key.as_str(), fast.count, fast.last()),
                (general.key.as_str(), general.count, general.last()),
                "{name:?}"
            );
        }
    }

    #[test]
    fn nearest_preceding_antecedent() {
        let text = "David Jones spoke. Mr. Jones left. Richard Jones came. Mr. Jones sat.";
        let mut doc = doc_with(text, &["David Jones", "Jones", "Richard Jones", "Jones"]);
        MentionLinker.link(&mut doc);
        assert_eq!(
            names_of(&doc),
            [
                "David Jones",
                "David Jones",
                "Richard Jones",
                "Richard Jones"
            ]
        );
    }

    #[test]
    fn misspelled_surname_links_only_when_unambiguous() {
        let text = "Gérard Chesnel vint. M. Cheshnel parla.";
        let mut doc = doc_with(text, &["Gérard Chesnel", "Cheshnel"]);
        MentionLinker.link(&mut doc);
        assert_eq!(names_of(&doc), ["Gérard Chesnel", "Gérard Chesnel"]);

        // Two people with close names: no guess.
        let text = "Anne Martin et Paul Marin. M. Martine parla.";
        let mut doc = doc_with(text, &["Anne Martin", "Paul Marin", "Martine"]);
        MentionLinker.link(&mut doc);
        assert_eq!(names_of(&doc)[2], "Martine");

        // Short names never fuzzy-match.
        let text = "Jean Roux vint. M. Roue parla.";
        let mut doc = doc_with(text, &["Jean Roux", "Roue"]);
        MentionLinker.link(&mut doc);
        assert_eq!(names_of(&doc)[1], "Roue");
    }
}
