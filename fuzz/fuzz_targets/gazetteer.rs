//! Arbitrary bytes as a gazetteer file: parsed, a matcher built over the good
//! rows, and the matcher run over a short text (the file's own first line
//! and a fixed sentence).
#![no_main]

use std::sync::Arc;

use depeche::gazetteer::Gazetteer;
use depeche::stages::GazetteerMatcher;
use depeche::Lang;
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "Le 3 mai 2021, M. Dupont a rencontré à Bakou le ministre des Affaires étrangères. \
                    Kenyan President Grace Wanjiru met Antoine Lefort in Nairobi.";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let loaded = Gazetteer::parse_str("fuzz.tsv", &text);
    for p in &loaded.problems {
        let shown = p.to_string();
        assert!(shown.starts_with("fuzz.tsv:"), "problem not located: {shown}");
    }
    let matcher = GazetteerMatcher::new(Arc::new(loaded.gazetteer));
    let first_line = text.lines().next().unwrap_or("");
    let short: String = first_line.chars().take(200).collect();
    for hay in [TEXT, short.as_str(), &*text] {
        for lang in [None, Some(Lang::Fr), Some(Lang::En)] {
            for c in matcher.candidates(hay, lang) {
                assert!(c.span.start < c.span.end && c.span.end <= hay.len());
                assert!(hay.is_char_boundary(c.span.start) && hay.is_char_boundary(c.span.end));
                assert!(!c.entries.is_empty());
            }
        }
    }
});
