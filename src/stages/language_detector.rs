//! Language detection, French or English, for documents that do not say.

use crate::doc::Document;
use crate::pipeline::{Layer, Stage, StageError};
use crate::Lang;

/// Detects French or English with `whatlang`, restricted to the two
/// languages depeche reads (an open trigram model would call a short French
/// headline Catalan). Only the first few kilobytes are looked at: the
/// language of a news text does not change halfway.
#[derive(Debug)]
pub struct LanguageDetector {
    detector: whatlang::Detector,
}

/// How much text the detector reads.
const SAMPLE_BYTES: usize = 1024;

impl Default for LanguageDetector {
    fn default() -> Self {
        LanguageDetector {
            detector: whatlang::Detector::with_allowlist(vec![
                whatlang::Lang::Fra,
                whatlang::Lang::Eng,
            ]),
        }
    }
}

impl LanguageDetector {
    /// Detects the language of `text`; `None` when there is no text to judge.
    ///
    /// ```
    /// use depeche::{stages::LanguageDetector, Lang};
    /// let d = LanguageDetector::default();
    /// assert_eq!(d.detect("Le ministre a rencontré une délégation hier."), Some(Lang::Fr));
    /// assert_eq!(d.detect("The minister met a delegation yesterday."), Some(Lang::En));
    /// ```
    pub fn detect(&self, text: &str) -> Option<Lang> {
        let mut end = text.len().min(SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &text[..end];
        if !sample.chars().any(char::is_alphabetic) {
            return None;
        }
        match self.detector.detect_lang(sample)? {
            whatlang::Lang::Fra => Some(Lang::Fr),
            whatlang::Lang::Eng => Some(Lang::En),
            _ => None,
        }
    }
}

impl Stage for LanguageDetector {
    fn name(&self) -> &'static str {
        "language"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Language]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.lang.is_none() {
            doc.lang = self.detect(&doc.text);
            doc.lang_detected = doc.lang.is_some();
        }
        Ok(())
    }
}
