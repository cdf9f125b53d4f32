//! The TSV row parser. Every problem carries `file:line`, counted in the file
//! as written, and the good rows still load (ripgrep's partial errors).

use std::sync::Arc;

use once_cell::sync::Lazy;

use super::{CaseRule, Entry, EntryType, Gazetteer, Loaded};
use crate::doc::Label;
use crate::error::{GazetteerProblem, GazetteerProblemKind as Kind};
use crate::Lang;

/// Parses gazetteer text (see `gazetteers/README.md`); `path` names the file
/// in problems.
pub fn parse(path: &str, text: &str) -> Loaded {
    let origin: Arc<str> = Arc::from(path);
    let mut gazetteer = Gazetteer::default();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = if i == 0 {
            raw.trim_start_matches('\u{feff}')
        } else {
            raw
        };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if line.split('\t').next() == Some("surface") {
            continue; // the header row
        }
        match parse_row(line, &origin, line_no) {
            Ok(entry) => gazetteer.push(entry),
            Err(kind) => problems.push(GazetteerProblem {
                path: path.to_string(),
                line: line_no,
                kind,
            }),
        }
    }
    Loaded {
        gazetteer,
        problems,
    }
}

fn parse_row(line: &str, origin: &Arc<str>, line_no: usize) -> Result<Entry, Kind> {
    let fields: Vec<&str> = line.split('\t').collect();
    let (surface, kind, canonical, id, attrs) = match fields.as_slice() {
        [s, t, c] => (*s, *t, *c, "", ""),
        [s, t, c, i] => (*s, *t, *c, *i, ""),
        [s, t, c, i, a] => (*s, *t, *c, *i, *a),
        short if short.len() < 3 => return Err(Kind::TooFewFields(short.len())),
        long => return Err(Kind::TooManyFields(long.len())),
    };
    let surface = surface.trim();
    let canonical = canonical.trim();
    if surface.is_empty() {
        return Err(Kind::Empty("surface"));
    }
    if canonical.is_empty() {
        return Err(Kind::Empty("canonical"));
    }
    if !surface.chars().next().is_some_and(char::is_alphanumeric) {
        return Err(Kind::NoWord(surface.to_string()));
    }
    let kind = EntryType::parse(kind.trim()).ok_or_else(|| Kind::UnknownType(kind.to_string()))?;
    let mut parsed_attrs = Vec::new();
    let mut case = match kind {
        EntryType::Entity(Label::Per | Label::Org | Label::Loc) | EntryType::GivenName => {
            CaseRule::Capitalized
        }
        EntryType::Honorific => CaseRule::Exact,
        _ => CaseRule::Any,
    };
    let mut lang = None;
    for pair in attrs.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| Kind::BadAttribute(pair.to_string()))?;
        let (key, value) = (key.trim(), value.trim());
        if key.is_empty() {
            return Err(Kind::BadAttribute(pair.to_string()));
        }
        match key {
            "case" => {
                case = match value {
                    "any" => CaseRule::Any,
                    "capitalized" | "cap" => CaseRule::Capitalized,
                    "exact" => CaseRule::Exact,
                    "upper" => CaseRule::Upper,
                    _ => {
                        return Err(Kind::BadAttributeValue {
                            key: key.into(),
                            value: value.into(),
                            expected: "any, capitalized, exact or upper",
                        })
                    }
                }
            }
            "lang" => {
                lang = Some(Lang::parse(value).ok_or_else(|| Kind::BadAttributeValue {
                    key: key.into(),
                    value: value.into(),
                    expected: "fr or en",
                })?)
            }
            _ => {}
        }
        parsed_attrs.push((key.to_string(), value.to_string()));
    }
    let id = id.trim();
    Ok(Entry {
        surface: surface.to_string(),
        kind,
        canonical: canonical.to_string(),
        id: (!id.is_empty()).then(|| id.to_string()),
        attrs: shared_attrs(parsed_attrs),
        case,
        lang,
        origin: (origin.clone(), line_no),
    })
}

/// The attributes of an entry, shared with the cues that it yields; the
/// many rows without attributes share one empty list (no allocation each).
fn shared_attrs(attrs: Vec<(String, String)>) -> Arc<[(String, String)]> {
    static NONE: Lazy<Arc<[(String, String)]>> = Lazy::new(|| Arc::from(Vec::new()));
    if attrs.is_empty() {
        Arc::clone(&NONE)
    } else {
        Arc::from(attrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        parse("t.tsv", text)
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn reports_each_bad_row_at_its_line_and_keeps_the_rest() {
        let text = "\u{feff}# comment\nsurface\ttype\tcanonical\tid\tattrs\n\
                    Bakou\tLOC\tBakou\n\
                    Lyon\tCITY\tLyon\n\
                    \n\
                    x\tLOC\n\
                    Nice\tLOC\tNice\t\tcase=exact;lang=fr\n\
                    a\tLOC\tb\t\tcase=sometimes\n\
                    a\tLOC\tb\t\tnovalue\n\
                    a\tLOC\tb\tc\td=e\tf\n\
                    \tLOC\tb\n\
                    «\tLOC\tb\n";
        let loaded = parse("t.tsv", text);
        assert_eq!(loaded.gazetteer.len(), 2);
        assert_eq!(
            problems(text),
            vec![
                "t.tsv:4: unknown type \"CITY\" (expected PER, ORG, LOC, MISC, TITLE, HONORIFIC, GIVEN or TRIGGER)",
                "t.tsv:6: expected at least 3 tab-separated fields (surface, type, canonical), found 2",
                "t.tsv:8: attribute case=\"sometimes\": expected any, capitalized, exact or upper",
                "t.tsv:9: attribute \"novalue\" is not key=value",
                "t.tsv:10: expected at most 5 tab-separated fields (surface, type, canonical, id, attrs), found 6",
                "t.tsv:11: empty surface",
                "t.tsv:12: surface \"«\" has no letter or digit",
            ]
        );
        let nice = &loaded.gazetteer.entries()[1];
        assert_eq!(nice.case, CaseRule::Exact);
        assert_eq!(nice.lang, Some(Lang::Fr));
        assert_eq!(nice.origin.1, 7);
    }

    #[test]
    fn type_defaults_set_the_case_rule() {
        let g = parse(
            "t",
            "Paris\tLOC\tParis\nministre\tTITLE\tministre\nM.\tHONORIFIC\tM.\n",
        )
        .gazetteer;
        let cases: Vec<_> = g.entries().iter().map(|e| e.case).collect();
        assert_eq!(
            cases,
            vec![CaseRule::Capitalized, CaseRule::Any, CaseRule::Exact]
        );
    }
}
