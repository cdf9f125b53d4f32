//! Gazetteers: lists of known names, titles, given names and event words,
//! loaded from the tab-separated files documented in `gazetteers/README.md`.
//!
//! Loading is separate from matching ([`GazetteerMatcher`](crate::stages::GazetteerMatcher)):
//! a [`Gazetteer`] is plain data that can be merged, inspected and checked
//! (`depeche gazetteer check`).

mod builtin;
pub(crate) mod index;
mod parse;

use std::path::Path;
use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::doc::Label;
use crate::error::{Error, GazetteerProblem};
use crate::Lang;

pub use builtin::BUILTIN_FILES;
pub use parse::parse;

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryType {
    /// A name of an entity (`PER`, `ORG`, `LOC`, `MISC`).
    Entity(Label),
    /// A title, rank or role (`TITLE`).
    Title,
    /// An honorific (`HONORIFIC`): M., Mme, Mr, Dr.
    Honorific,
    /// A given name (`GIVEN`).
    GivenName,
    /// A word that signals an event (`TRIGGER`).
    Trigger,
}

impl EntryType {
    /// Parses the `type` column.
    pub fn parse(s: &str) -> Option<EntryType> {
        Some(match s {
            "TITLE" => EntryType::Title,
            "HONORIFIC" => EntryType::Honorific,
            "GIVEN" => EntryType::GivenName,
            "TRIGGER" => EntryType::Trigger,
            other => EntryType::Entity(
                Label::parse(other).filter(|_| other == other.to_ascii_uppercase())?,
            ),
        })
    }

    /// The `type` column's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryType::Entity(label) => label.as_str(),
            EntryType::Title => "TITLE",
            EntryType::Honorific => "HONORIFIC",
            EntryType::GivenName => "GIVEN",
            EntryType::Trigger => "TRIGGER",
        }
    }
}

/// How an entry's surface must be written in the text to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseRule {
    /// Any case ("ministre", "MINISTRE").
    Any,
    /// The first letter as in the surface (capitalised names: "Nice" but not
    /// "nice"). The default for `PER`, `ORG`, `LOC` and `GIVEN`.
    Capitalized,
    /// Letter for letter the surface's case ("Orange", "M.").
    Exact,
    /// All capitals ("US" but not "us").
    Upper,
}

/// One gazetteer row.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The form as it appears in text.
    pub surface: String,
    /// What it is.
    pub kind: EntryType,
    /// The name it links to.
    pub canonical: String,
    /// A stable id, shared by entries of one real-world thing.
    pub id: Option<String>,
    /// `key=value` attributes, shared with the cues found from the entry.
    pub attrs: Arc<[(String, String)]>,
    /// How the surface must be written to match.
    pub case: CaseRule,
    /// The language the form belongs to (`None`: both).
    pub lang: Option<Lang>,
    /// Where the row came from: file and 1-based line.
    pub origin: (std::sync::Arc<str>, usize),
}

impl Entry {
    /// The value of attribute `key`.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A set of entries.
///
/// ```
/// use depeche::gazetteer::Gazetteer;
/// let tsv = "surface\ttype\tcanonical\tid\tattrs\nBakou\tLOC\tBakou\tgn:587084\tcountry=AZ;lang=fr\nbad row\n";
/// let loaded = Gazetteer::parse_str("my.tsv", tsv);
/// assert_eq!(loaded.gazetteer.len(), 1);
/// assert_eq!(loaded.problems[0].to_string(),
///     "my.tsv:3: expected at least 3 tab-separated fields (surface, type, canonical), found 1");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
}

/// A gazetteer as loaded from a file: the good rows, and a problem for each
/// bad one.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The rows that loaded.
    pub gazetteer: Gazetteer,
    /// One problem per bad row, at its line.
    pub problems: Vec<GazetteerProblem>,
}

static BUILTIN: Lazy<Gazetteer> = Lazy::new(|| {
    let mut all = Gazetteer::default();
    for (name, text) in BUILTIN_FILES {
        let loaded = Gazetteer::parse_str(&format!("builtin:{name}"), text);
        // The built-in files are checked by a test; a bad row there is a bug
        // caught before release, not something to report at run time.
        debug_assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        all.extend(loaded.gazetteer);
    }
    all
});

impl Gazetteer {
    /// The built-in lists, embedded in the binary, parsed once per process.
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    /// Parses gazetteer text; `path` names it in problems.
    pub fn parse_str(path: &str, text: &str) -> Loaded {
        parse(path, text)
    }

    /// Loads a file. Bad rows become problems and the rest loads.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read at all.
    pub fn load(path: impl AsRef<Path>) -> Result<Loaded, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8_lossy(&bytes);
        let mut loaded = parse(&path.display().to_string(), &text);
        if let std::borrow::Cow::Owned(_) = text {
            loaded.problems.insert(
                0,
                GazetteerProblem {
                    path: path.display().to_string(),
                    line: 1 + bytes
                        .iter()
                        .take(
                            std::str::from_utf8(&bytes)
                                .err()
                                .map_or(0, |e| e.valid_up_to()),
                        )
                        .filter(|&&b| b == b'\n')
                        .count(),
                    kind: crate::error::GazetteerProblemKind::InvalidUtf8,
                },
            );
        }
        Ok(loaded)
    }

    /// Adds an entry.
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// Adds every entry of `other`.
    pub fn extend(&mut self, other: Gazetteer) {
        self.entries.extend(other.entries);
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entry counts by type, for `depeche gazetteer check`.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        let mut counts: std::collections::BTreeMap<&'static str, usize> = Default::default();
        for e in &self.entries {
            *counts.entry(e.kind.as_str()).or_default() += 1;
        }
        counts.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_have_no_bad_row() {
        for (name, text) in BUILTIN_FILES {
            let loaded = Gazetteer::parse_str(name, text);
            assert!(
                loaded.problems.is_empty(),
                "{name}: {:?}",
                &loaded.problems[..loaded.problems.len().min(5)]
            );
            assert!(!loaded.gazetteer.is_empty(), "{name} is empty");
        }
    }
}
