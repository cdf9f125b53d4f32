//! The pipeline's stages, one type per stage, each in a file named after it.
//!
//! In order: [`LanguageDetector`] → [`SentenceSplitter`] →
//! [`GazetteerMatcher`] → [`DateRules`] → [`NameRules`] → [`MentionLinker`] →
//! [`RelationAssembler`] → [`EventAssembler`].

mod date_rules;
mod gazetteer_matcher;
mod language_detector;
mod sentence_splitter;

use std::sync::Arc;

pub use date_rules::DateRules;
pub use gazetteer_matcher::{Candidate, GazetteerMatcher};
pub use language_detector::LanguageDetector;
pub use sentence_splitter::SentenceSplitter;

use crate::gazetteer::Gazetteer;
use crate::pipeline::Stage;

/// Every stage, in order, over `gazetteer`.
pub fn standard(gazetteer: Arc<Gazetteer>) -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(LanguageDetector::default()),
        Box::new(SentenceSplitter),
        Box::new(GazetteerMatcher::new(gazetteer)),
        Box::new(DateRules::new()),
    ]
}
