//! # depeche
//!
//! Turns French and English news text into structured records: who (persons,
//! organizations, places), what titles they hold, when (dates normalized to
//! ISO values), and which events link them, above all **meetings**: who met
//! whom, when, where, in what capacity.
//!
//! ```
//! let pipeline = depeche::Pipeline::french()?;
//! let x = pipeline.extract("Paris, le 3 mai 2021. Anne Dupont a rencontré Paul Martin à Lyon.");
//! for sentence in &x.sentences {
//!     println!("{:?}", sentence.span.slice(&x.text));
//! }
//! let record = x.record(); // the output schema, code-point offsets
//! println!("{}", serde_json::to_string(&record).unwrap());
//! # Ok::<(), depeche::Error>(())
//! ```
//!
//! ## Design
//! - One [`Document`] owns the original text; every [`Stage`] adds layers of
//!   byte [`Span`]s and never changes the text. Code points are computed once,
//!   at output ([`output::Record`]).
//! - Stages, in order: language detection, sentence splitting, gazetteer
//!   matching (word-by-word hash lookups over folded text), date rules,
//!   name and title rules, mention linking, relation assembly, event
//!   assembly ([`stages`]).
//! - A [`Pipeline`] is built once ([`Pipeline::builder`]), checked once, and
//!   shared by every thread; [`Pipeline::extract_all`] runs documents in
//!   parallel and keeps their order.
#![deny(missing_docs)]

pub mod doc;
mod error;
pub mod eval;
pub mod gazetteer;
pub mod input;
mod lang;
pub mod output;
mod pipeline;
pub mod stages;

pub use doc::{Document, Span};
pub use error::{Error, GazetteerProblem, GazetteerProblemKind};
pub use lang::Lang;
pub use pipeline::{
    Extraction, InputDocument, Layer, Pipeline, PipelineBuilder, Stage, StageError,
};
