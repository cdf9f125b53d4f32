//! Arbitrary bytes, decoded lossily, through the whole pipeline and the
//! output record. The pipeline catches stage panics and records them as
//! errors; here such an error is a crash, as is any span that does not slice
//! the text.
#![no_main]

use depeche::{InputDocument, Lang, Pipeline};
use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;

static FRENCH: Lazy<Pipeline> = Lazy::new(|| Pipeline::french().expect("built-in pipeline"));
static ENGLISH: Lazy<Pipeline> = Lazy::new(|| Pipeline::english().expect("built-in pipeline"));
static DETECT: Lazy<Pipeline> = Lazy::new(|| Pipeline::builder().build().expect("pipeline"));

fuzz_target!(|data: &[u8]| {
    // The first byte picks the pipeline and whether a document date is given.
    let (selector, rest) = match data.split_first() {
        Some((s, r)) => (*s, r),
        None => (0, data),
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let pipeline: &Pipeline = match selector % 3 {
        0 => &FRENCH,
        1 => &ENGLISH,
        _ => &DETECT,
    };
    let mut input = InputDocument::new("fuzz", text.clone());
    if selector & 0x10 != 0 {
        input.date = chrono_date();
    }
    if selector & 0x20 != 0 {
        input.lang = Some(if selector & 0x40 != 0 { Lang::En } else { Lang::Fr });
    }
    let x = pipeline.process(input);
    assert_eq!(x.text, text, "the text is never changed");
    for e in &x.errors {
        assert!(!e.contains("panicked"), "a stage panicked: {e}");
        assert!(!e.contains("stage"), "a stage failed: {e}");
    }
    let ok = |s: depeche::Span| {
        s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    for s in &x.sentences {
        assert!(ok(s.span), "sentence {:?}", s.span);
    }
    for m in &x.mentions {
        assert!(ok(m.span), "mention {:?}", m.span);
    }
    for t in &x.timexes {
        assert!(ok(t.span), "timex {:?}", t.span);
    }
    for t in &x.titles {
        assert!(ok(t.span), "title {:?}", t.span);
    }
    for e in &x.events {
        assert!(ok(e.trigger) && ok(e.sentence), "event {:?} {:?}", e.trigger, e.sentence);
        assert!(e.sentence.contains(e.trigger), "trigger outside its sentence");
    }
    let record = x.record();
    let json = serde_json::to_string(&record).expect("a record always serializes");
    let back: serde_json::Value = serde_json::from_str(&json).expect("and parses back");
    assert!(back.is_object());
});

fn chrono_date() -> Option<depeche::doc::Date> {
    depeche::doc::Date::from_ymd_opt(2021, 10, 15)
}
