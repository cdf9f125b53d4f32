//! Who holds which title: `holds_title` relations from titles and the
//! persons next to them.

use crate::doc::{Document, Label, Relation, RelationKind, SentenceKind, Span};
use crate::pipeline::{Layer, Stage, StageError};

/// Finds the holder of each title and records `holds_title` relations.
///
/// A title's holder is, in order:
/// - the person named right after it ("le colonel général Zakir Hassanov",
///   "Foreign Minister Sergei Lavrov"; a nationality adjective may sit
///   between);
/// - the person named after the comma that closes the title phrase, past
///   further titles, articles and an acronym in parentheses ("le ministre de
///   la Défense de l'Azerbaïdjan, le colonel général Zakir Hassanov");
/// - the person named just before it, with a comma ("Xavier Dupuis,
///   ministre de ...", "Lavrov, the Russian foreign minister").
///
/// A title with no holder stays a role-only mention ("le président russe")
/// that events can use as a participant. The relation's organization is
/// what the title is of; a nationality adjective stands for its country, so
/// the relation points at the country's entity when the document names it.
///
/// ```
/// let x = depeche::Pipeline::french()?.extract(
///     "Le ministre de la Défense de l'Azerbaïdjan, le colonel général Zakir Hassanov, est arrivé.");
/// let r = x.record();
/// let rel = r.relations.iter().find(|r| r.title == "ministre de la Défense").unwrap();
/// let org = r.entities.iter().find(|e| Some(&e.id) == rel.org.as_ref()).unwrap();
/// assert_eq!(org.name, "Azerbaïdjan");
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct RelationAssembler;

/// Bytes of text allowed between a title and its holder that are only
/// spaces, commas, articles or an acronym in parentheses.
fn is_glue(between: &str) -> bool {
    let t = between.trim();
    t.is_empty()
}

impl RelationAssembler {
    /// The person mention holding title `ti`, if any.
    fn holder(&self, doc: &Document, ti: usize) -> Option<usize> {
        let title = &doc.titles[ti];
        let sentence = doc.sentence_at(title.span.start)?.span;
        // The persons of the sentence nearest to the title on each side,
        // found from the title (mentions are sorted by start), not from a
        // list of all the sentence's persons for every title.
        let next_person = doc
            .mentions_in(Span::new(title.span.end.max(sentence.start), sentence.end))
            .find(|(_, m)| m.label == Label::Per)
            .map(|(i, m)| (i, m.span));
        let prev_person = {
            let lo = doc
                .mentions
                .partition_point(|m| m.span.start < sentence.start);
            let hi = doc
                .mentions
                .partition_point(|m| m.span.start < title.span.start);
            doc.mentions[lo..hi.max(lo)]
                .iter()
                .enumerate()
                .rev()
                .find(|(_, m)| {
                    m.label == Label::Per
                        && m.span.end <= title.span.start
                        && m.span.end <= sentence.end
                })
                .map(|(k, m)| (lo + k, m.span))
        };
        // Right after, a nationality adjective allowed between.
        if let Some((i, span)) = next_person {
            let between = &doc.text[title.span.end..span.start];
            let misc_between = doc
                .mentions_in(Span::new(title.span.end, span.start))
                .all(|(_, m)| m.label == Label::Misc);
            let stripped: String = between
                .split_whitespace()
                .filter(|w| {
                    !doc.mentions_in(Span::new(title.span.end, span.start))
                        .any(|(_, m)| doc.slice(m.span) == *w)
                })
                .collect();
            if is_glue(&stripped) && misc_between {
                return Some(i);
            }
            // After the comma closing the phrase, past titles, articles and
            // "(ACRONYM)".
            let mut rest = between.trim_start();
            if let Some(paren) = rest.strip_prefix('(') {
                if let Some(close) = paren.find(')') {
                    rest = paren[close + 1..].trim_start();
                }
            }
            if let Some(after_comma) = rest.strip_prefix(',') {
                let offset = span.start - after_comma.len();
                let gap = Span::new(offset, span.start);
                let mut leftover = doc.slice(gap).to_string();
                // Titles are in text order: the gap's are found by search,
                // not by a walk through all of them for every title.
                let first = doc.titles.partition_point(|t| t.span.start < gap.start);
                for t in doc.titles[first..]
                    .iter()
                    .take_while(|t| t.span.start < gap.end)
                    .filter(|t| gap.contains(t.span))
                {
                    leftover = leftover.replacen(doc.slice(t.span), " ", 1);
                }
                // Articles, and at most two lowercase words the title lists
                // do not hold ("le docteur Paul Meyer").
                let is_article = |w: &str| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "le" | "la" | "l'" | "the" | "les"
                    )
                };
                let others: Vec<&str> = leftover
                    .split_whitespace()
                    .filter(|w| !is_article(w))
                    .collect();
                let only_articles = others.len() <= 2
                    && others
                        .iter()
                        .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
                if only_articles {
                    return Some(i);
                }
            }
        }
        // Just before, with a comma: "X, ministre de ...".
        if let Some((i, span)) = prev_person {
            let between = doc.text[span.end..title.span.start].trim();
            let between = between.strip_prefix(',').map(str::trim);
            if let Some(rest) = between {
                let rest_words: Vec<String> =
                    rest.split_whitespace().map(str::to_lowercase).collect();
                let articles_only = rest_words.iter().all(|w| {
                    matches!(
                        w.as_str(),
                        "le" | "la" | "l'" | "the" | "a" | "an" | "un" | "une"
                    )
                });
                let misc_only = doc
                    .mentions_in(Span::new(span.end, title.span.start))
                    .all(|(_, m)| m.label == Label::Misc);
                if articles_only || misc_only && rest_words.len() <= 3 {
                    return Some(i);
                }
            }
        }
        None
    }
}

impl Stage for RelationAssembler {
    fn name(&self) -> &'static str {
        "relations"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Relations]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        // The relations told already, looked up rather than searched: a long
        // document holds thousands of them.
        let mut told: std::collections::HashSet<(usize, String, Option<usize>)> = doc
            .relations
            .iter()
            .map(|r| (r.person, r.title.clone(), r.org))
            .collect();
        for ti in 0..doc.titles.len() {
            let holder = self.holder(doc, ti);
            doc.titles[ti].holder = holder;
            let in_furniture = doc
                .sentence_at(doc.titles[ti].span.start)
                .is_some_and(|s| s.kind == SentenceKind::Furniture);
            let Some(person) = holder.and_then(|h| doc.mentions[h].entity) else {
                continue;
            };
            if in_furniture {
                continue;
            }
            let title = &doc.titles[ti];
            let org = title.of.and_then(|of| doc.represented_entity(of));
            let relation = Relation {
                kind: RelationKind::HoldsTitle,
                person,
                title: title.role.clone(),
                org,
                evidence: title.span,
            };
            if told.insert((relation.person, relation.title.clone(), relation.org)) {
                doc.relations.push(relation);
            }
        }
        self.regnal_names(doc);
        Ok(())
    }
}

/// Titles that make part of the name of a person known by one name: "King
/// Felipe", "pape François", "Emir Tamim".
const REGNAL_TITLES: &[&str] = &[
    "king",
    "queen",
    "pope",
    "emir",
    "sultan",
    "prince",
    "princess",
    "roi",
    "reine",
    "pape",
    "émir",
    "princesse",
];

impl RelationAssembler {
    /// Names a person known by one name (and a regnal number) after the
    /// regnal title written before it: "King Felipe" rather than "Felipe",
    /// "King Abdullah II", as news and readers name them.
    fn regnal_names(&self, doc: &mut Document) {
        for ti in 0..doc.titles.len() {
            let title = &doc.titles[ti];
            let Some(h) = title.holder else { continue };
            let role = title.role_span.slice(&doc.text);
            if !REGNAL_TITLES.contains(&role.to_lowercase().as_str()) {
                continue;
            }
            // Only the title written right before the name.
            let holder_span = doc.mentions[h].span;
            if doc
                .text
                .get(title.role_span.end..holder_span.start)
                .is_none_or(|between| !between.trim().is_empty())
            {
                continue;
            }
            let Some(e) = doc.mentions[h].entity else {
                continue;
            };
            let name = &doc.entities[e].name;
            let words: Vec<&str> = name.split_whitespace().collect();
            let one_name = match words.as_slice() {
                [_] => true,
                [_, numeral] => numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X')),
                _ => false,
            };
            if one_name {
                doc.entities[e].name = format!("{role} {name}");
            }
        }
    }
}
