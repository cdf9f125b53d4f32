//! Error types. Messages are one line, lowercase, location first
//! (`path:line: what is wrong (what was expected)`), so editors and terminals
//! make them clickable.

use std::path::PathBuf;

/// Errors that stop a [`Pipeline`](crate::Pipeline) from being built or an
/// input from being read at all. Problems with one document never become an
/// `Error`: they go into that document's `errors`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A gazetteer had problems and strict loading was asked for.
    #[error("{} problem(s) in gazetteers, first: {}", .0.len(), .0.first().map(|p| p.to_string()).unwrap_or_default())]
    Gazetteer(Vec<GazetteerProblem>),
    /// Stages are missing or out of order.
    #[error("pipeline: {0}")]
    Pipeline(String),
}

/// One problem in a gazetteer file, at its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {kind}")]
pub struct GazetteerProblem {
    /// The file, as given (or `builtin:NAME` for the embedded lists).
    pub path: String,
    /// The 1-based line number in the file as written.
    pub line: usize,
    /// What is wrong.
    pub kind: GazetteerProblemKind,
}

/// What is wrong with a gazetteer row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerProblemKind {
    /// Not enough columns.
    #[error("expected at least 3 tab-separated fields (surface, type, canonical), found {0}")]
    TooFewFields(usize),
    /// More columns than the format has.
    #[error(
        "expected at most 5 tab-separated fields (surface, type, canonical, id, attrs), found {0}"
    )]
    TooManyFields(usize),
    /// An empty surface or canonical name.
    #[error("empty {0}")]
    Empty(&'static str),
    /// An unknown type.
    #[error(
        "unknown type {0:?} (expected PER, ORG, LOC, MISC, TITLE, HONORIFIC, GIVEN or TRIGGER)"
    )]
    UnknownType(String),
    /// An attribute that is not `key=value`.
    #[error("attribute {0:?} is not key=value")]
    BadAttribute(String),
    /// A known attribute with a value it cannot take.
    #[error("attribute {key}={value:?}: expected {expected}")]
    BadAttributeValue {
        /// The key.
        key: String,
        /// The value found.
        value: String,
        /// What it can be.
        expected: &'static str,
    },
    /// The surface folds to nothing matchable.
    #[error("surface {0:?} has no letter or digit")]
    NoWord(String),
    /// Not valid UTF-8.
    #[error("not valid UTF-8")]
    InvalidUtf8,
}
