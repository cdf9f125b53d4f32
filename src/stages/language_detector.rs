//! Language detection, French or English, for documents that do not say.

use crate::doc::Document;
use crate::pipeline::{Layer, Stage, StageError};
use crate::Lang;

/// Detects French or English: by a count of function words when the text
/// leaves no doubt, else with `whatlang`, restricted to the two languages
/// depeche reads (an open trigram model would call a short French headline
/// Catalan). Only the first few kilobytes are looked at: the
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
        if let Some(lang) = function_word_vote(sample) {
            return Some(lang);
        }
        match self.detector.detect_lang(sample)? {
            whatlang::Lang::Fra => Some(Lang::Fr),
            whatlang::Lang::Eng => Some(Lang::En),
            _ => None,
        }
    }
}

/// The language whose commonest function words include `word` (in
/// lowercase), among those the other language does not use as words of its
/// own (not "a", "an", "on", "or", "but", "son", "plus", which both
/// languages write). A `match`: compiled to a switch on the length and a
/// few comparisons, where a list search compared every entry.
fn function_word_language(word: &str) -> Option<Lang> {
    match word {
        "le" | "la" | "les" | "l" | "de" | "des" | "du" | "d" | "un" | "une" | "et" | "est"
        | "à" | "au" | "aux" | "dans" | "pour" | "que" | "qui" | "sur" | "par" | "pas" | "ne"
        | "n" | "il" | "elle" | "ils" | "ce" | "cette" | "avec" | "sont" | "été" | "ont" | "sa"
        | "ses" | "leur" | "mais" | "où" | "qu" | "s" | "c" | "selon" | "lors" => Some(Lang::Fr),
        "the" | "of" | "and" | "to" | "in" | "is" | "was" | "for" | "that" | "with" | "by"
        | "at" | "from" | "he" | "she" | "it" | "its" | "has" | "have" | "had" | "are" | "were"
        | "be" | "been" | "this" | "which" | "not" | "his" | "her" | "their" | "they" | "will"
        | "would" | "said" | "after" | "who" => Some(Lang::En),
        _ => None,
    }
}

/// How many function words the winning language must have in the sample,
/// and how many times the other language's count.
const VOTE_MIN: usize = 4;
const VOTE_RATIO: usize = 3;

/// French or English by their function words, when the sample leaves no
/// doubt: `VOTE_MIN` words or more of one language and `VOTE_RATIO` times
/// those of the other. A news text has dozens in its first kilobyte, and
/// counting them costs a few thousand instructions, where the trigram
/// model costs a hundred times that (two thirds more than the whole
/// pipeline on a document that does not say its language). A short or
/// mixed text (a headline, a list of names) is left to the trigram model.
fn function_word_vote(sample: &str) -> Option<Lang> {
    let (mut french, mut english) = (0, 0);
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        // Function words are short: longer words are not looked up.
        if word.is_empty() || word.len() > 6 {
            continue;
        }
        let mut lower = [0u8; 6];
        for (l, b) in lower.iter_mut().zip(word.bytes()) {
            *l = b.to_ascii_lowercase();
        }
        let Ok(word) = std::str::from_utf8(&lower[..word.len()]) else {
            continue;
        };
        match function_word_language(word) {
            Some(Lang::Fr) => french += 1,
            Some(Lang::En) => english += 1,
            None => {}
        }
    }
    if french >= VOTE_MIN && french >= VOTE_RATIO * english {
        Some(Lang::Fr)
    } else if english >= VOTE_MIN && english >= VOTE_RATIO * french {
        Some(Lang::En)
    } else {
        None
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

#[cfg(test)]
mod tests {
    use super::*;

    const FRENCH: &str = "Le ministre des Affaires étrangères a reçu mardi à Paris son \
        homologue, avec qui il s’est entretenu de la situation dans la région. Selon \
        l’entourage du ministre, les deux hommes ont évoqué la préparation du sommet.";
    const ENGLISH: &str = "The foreign minister met his counterpart in Paris on Tuesday, and \
        the two men discussed the situation in the region. They were joined by the \
        ambassador, who said that the talks had been useful.";

    #[test]
    fn function_words_decide_clear_texts() {
        assert_eq!(function_word_vote(FRENCH), Some(Lang::Fr));
        assert_eq!(function_word_vote(ENGLISH), Some(Lang::En));
        // Capitalised words count as well ("Les", "The").
        assert_eq!(
            function_word_vote(&FRENCH.to_uppercase()),
            function_word_vote(FRENCH)
        );
    }

    #[test]
    fn short_or_mixed_texts_go_to_the_trigram_model() {
        // A headline has too few function words.
        assert_eq!(function_word_vote("Sommet de l’Union africaine"), None);
        assert_eq!(function_word_vote("Talks resume in Geneva"), None);
        // Half and half.
        assert_eq!(function_word_vote(&format!("{FRENCH} {ENGLISH}")), None);
        let d = LanguageDetector::default();
        assert_eq!(
            d.detect("Sommet de l’Union africaine à Addis-Abeba"),
            Some(Lang::Fr)
        );
    }

    #[test]
    fn the_vote_agrees_with_the_trigram_model_where_it_decides() {
        let trigrams =
            whatlang::Detector::with_allowlist(vec![whatlang::Lang::Fra, whatlang::Lang::Eng]);
        let texts = [
            FRENCH,
            ENGLISH,
            "Il a été décidé que la réunion se tiendrait à Genève, mais les dates ne sont pas encore connues.",
            "It was not clear whether the meeting would be held, and officials said they had no date.",
            "Les négociations reprendront après les élections, selon un porte-parole du gouvernement.",
            "The president will travel to Nairobi after the summit, which has been postponed twice.",
        ];
        for text in texts {
            let vote = function_word_vote(text).expect("a clear text");
            let model = match trigrams.detect_lang(text) {
                Some(whatlang::Lang::Fra) => Lang::Fr,
                Some(whatlang::Lang::Eng) => Lang::En,
                other => panic!("{other:?} for {text:?}"),
            };
            assert_eq!(vote, model, "{text:?}");
        }
    }

    #[test]
    fn no_letters_no_language() {
        let d = LanguageDetector::default();
        assert_eq!(d.detect(""), None);
        assert_eq!(d.detect("12 345 — 67,8 %"), None);
    }
}
