//! The pipeline's stages, one type per stage, each in a file named after it.
//!
//! In order: [`LanguageDetector`] → [`SentenceSplitter`] →
//! [`GazetteerMatcher`] → [`DateRules`] → [`NameRules`] → [`MentionLinker`] →
//! [`RelationAssembler`] → [`EventAssembler`].

mod event_assembler;
mod gazetteer_matcher;
mod language_detector;
mod mention_linker;
mod name_rules;
mod relation_assembler;
mod sentence_splitter;

use std::sync::Arc;

pub use event_assembler::EventAssembler;
pub use gazetteer_matcher::{Candidate, GazetteerMatcher};
pub use language_detector::LanguageDetector;
pub use mention_linker::{MentionLinker, MAX_EDITS};
pub use name_rules::NameRules;
pub use relation_assembler::RelationAssembler;
pub use sentence_splitter::SentenceSplitter;

use crate::gazetteer::Gazetteer;
use crate::pipeline::Stage;

/// Every stage, in order, over `gazetteer`.
pub fn standard(gazetteer: Arc<Gazetteer>) -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(LanguageDetector::default()),
        Box::new(SentenceSplitter),
        Box::new(GazetteerMatcher::new(gazetteer)),
        Box::new(NameRules),
        Box::new(MentionLinker),
        Box::new(RelationAssembler),
        Box::new(EventAssembler),
    ]
}
