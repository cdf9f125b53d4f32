//! Properties that hold for any text: no panic, one record per document,
//! spans that slice the original text, and spans that move with the text
//! when a neutral sentence is put in front of it (nlprule's shift test).

use depeche::doc::SentenceKind;
use depeche::output::{Record, TextSpan};
use depeche::{InputDocument, Lang, Pipeline, Span};
use once_cell::sync::Lazy;
use proptest::prelude::*;

static PIPELINE: Lazy<Pipeline> = Lazy::new(|| Pipeline::french().expect("built-in pipeline"));

/// Pieces of news text: words of both languages, names the gazetteers know,
/// dates, titles, triggers, quotes, apostrophes, NBSP, digits, newlines.
const PIECES: &[&str] = &[
    "le",
    "la",
    "les",
    "de",
    "du",
    "des",
    "à",
    "et",
    "the",
    "of",
    "in",
    "and",
    "on",
    "ministre",
    "président",
    "présidente",
    "Minister",
    "President",
    "Foreign",
    "Affaires",
    "étrangères",
    "a rencontré",
    "s'est entretenu avec",
    "met",
    "held talks with",
    // The words the event rules read around their triggers.
    "représentait",
    "les intérêts de",
    "était représentée par",
    "was represented by",
    "Du côté",
    "c'est",
    "qui",
    "délégation",
    "conduite par",
    "led by",
    "ambassadeurs",
    "leurs",
    "respectifs",
    "their respective",
    "ceux de",
    "those of",
    "homologue",
    "counterpart",
    "a été reçu",
    "par",
    "Moscou",
    "hosted",
    "a accueilli",
    "convoquer",
    "visite",
    "en visite",
    "au",
    "Mali",
    "UE",
    "en marge de",
    "on the sidelines of",
    "pour préparer le sommet",
    "consacrée à",
    "Shi'ite",
    "M.",
    "Mme",
    "Mr.",
    "Dr",
    "Paris",
    "Genève",
    "Sénégal",
    "Washington",
    "WASHINGTON",
    "Lyon",
    "Azerbaïdjan",
    "Amadou",
    "Diallo",
    "Claire",
    "Fontaine",
    "Kofi",
    "Mensah",
    "français",
    "sénégalaise",
    "British",
    "(CIE)",
    "ONU",
    "U.S.",
    "mardi",
    "Tuesday",
    "hier",
    "la semaine dernière",
    "last week",
    "depuis 2019",
    "le 4 mars 2022",
    "March 9, 2022",
    "12 Mars 2022 09:15 (UTC+01:00)",
    "2021",
    "1er",
    "15",
    "3,5",
    "%",
    "«",
    "»",
    "’",
    "'",
    "\"",
    "\u{a0}",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "(",
    ")",
    "—",
    "-",
    "/",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "Loading...",
    "Voir Plus",
    "e\u{301}",
    "🇫🇷",
    "日本",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "[A-Za-zÀ-ÿ0-9]{1,12}",
    ]
}

/// News-like text: pieces joined by a space or nothing.
fn newsy_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), prop_oneof![" ", ""]), 0..60).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(p, sep)| [p, sep.to_string()])
            .collect()
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof!["\\PC{0,300}", ".{0,200}", newsy_text()]
}

/// Checks that `span` lies in a text of `len` chars and that it slices
/// `chars` to its reported text.
fn check_span(chars: &[char], what: &str, span: &TextSpan) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= chars.len(),
        "{what} [{}..{}) outside a text of {} chars",
        span.start,
        span.end,
        chars.len()
    );
    let sliced: String = chars[span.start..span.end].iter().collect();
    prop_assert_eq!(
        &sliced,
        &span.text,
        "{} [{}..{})",
        what,
        span.start,
        span.end
    );
    Ok(())
}

/// Every span of the record against the text it came from.
fn check_record(text: &str, r: &Record) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for s in &r.sentences {
        prop_assert!(s.start <= s.end && s.end <= chars.len(), "sentence {s:?}");
        prop_assert!(
            previous_end <= s.start,
            "sentences overlap or are unsorted at {s:?}"
        );
        previous_end = s.end;
    }
    if let Some(d) = &r.dateline {
        check_span(&chars, "dateline", d)?;
    }
    for e in &r.entities {
        prop_assert!(!e.mentions.is_empty(), "entity {} has no mention", e.id);
        for m in &e.mentions {
            check_span(&chars, "mention", m)?;
        }
    }
    for t in &r.timexes {
        let span = TextSpan {
            start: t.start,
            end: t.end,
            text: t.text.clone(),
        };
        check_span(&chars, "timex", &span)?;
    }
    for t in &r.titles {
        let span = TextSpan {
            start: t.start,
            end: t.end,
            text: t.text.clone(),
        };
        check_span(&chars, "title", &span)?;
    }
    for e in &r.events {
        check_span(&chars, "event trigger", &e.trigger)?;
        check_span(&chars, "event sentence", &e.sentence)?;
        prop_assert!(
            e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end,
            "trigger outside its sentence in {}",
            e.id
        );
    }
    Ok(())
}

/// Byte-level checks on a processed document: every span of every layer on
/// char boundaries of the text, and inside its sentence (mentions of body
/// sentences, timexes, event triggers in their event sentence).
fn check_layers(x: &depeche::Extraction) -> Result<(), TestCaseError> {
    let text = &x.text;
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut spans: Vec<(&str, Span)> = Vec::new();
    spans.extend(x.sentences.iter().map(|s| ("sentence", s.span)));
    spans.extend(x.mentions.iter().map(|m| ("mention", m.span)));
    spans.extend(x.timexes.iter().map(|t| ("timex", t.span)));
    spans.extend(x.titles.iter().map(|t| ("title", t.span)));
    spans.extend(x.cues.iter().map(|c| ("cue", c.span)));
    spans.extend(x.events.iter().map(|e| ("trigger", e.trigger)));
    spans.extend(x.events.iter().map(|e| ("event sentence", e.sentence)));
    spans.extend(x.dateline.iter().map(|d| ("dateline", *d)));
    for (what, span) in spans {
        prop_assert!(
            ok(span),
            "{} {:?} not on char boundaries of a text of {} bytes",
            what,
            span,
            text.len()
        );
    }
    // The sentence that holds byte `at`, if any.
    let sentence_of = |at: usize| {
        x.sentences
            .iter()
            .find(|s| s.span.start <= at && at < s.span.end)
    };
    for m in &x.mentions {
        if let Some(s) = sentence_of(m.span.start) {
            if s.kind == SentenceKind::Body {
                prop_assert!(
                    s.span.contains(m.span),
                    "mention {:?} {:?} crosses the end of its sentence {:?}",
                    m.span,
                    m.span.slice(text),
                    s.span
                );
            }
        }
    }
    for t in &x.timexes {
        if let Some(s) = sentence_of(t.span.start) {
            prop_assert!(
                s.span.contains(t.span),
                "timex {:?} {:?} crosses the end of its sentence {:?}",
                t.span,
                t.span.slice(text),
                s.span
            );
        }
    }
    for e in &x.events {
        prop_assert!(
            e.sentence.contains(e.trigger),
            "trigger {:?} outside its sentence {:?}",
            e.trigger,
            e.sentence
        );
        prop_assert!(
            x.sentences.iter().any(|s| s.span == e.sentence),
            "event sentence {:?} is not one of the document's sentences",
            e.sentence
        );
    }
    Ok(())
}

/// A mention as compared: label, start, end, text.
type MentionKey = (String, usize, usize, String);

/// Mentions (label, span, text) and timexes (span, type, value) of a record
/// whose text was shifted by `shift` chars, moved back by `shift`, keeping
/// those that start at or after `cutoff` (in unshifted coordinates).
fn positioned_layers(r: &Record, shift: usize, cutoff: usize) -> (Vec<MentionKey>, Vec<String>) {
    let from = shift + cutoff;
    let mut mentions: Vec<_> = r
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e.label.clone(), m)))
        .filter(|(_, m)| m.start >= from)
        .map(|(label, m)| (label, m.start - shift, m.end - shift, m.text.clone()))
        .collect();
    mentions.sort();
    let timexes = r
        .timexes
        .iter()
        .filter(|t| t.start >= from)
        .map(|t| {
            format!(
                "{}..{} {} {} {}",
                t.start - from,
                t.end - from,
                t.kind,
                t.value,
                t.text
            )
        })
        .collect();
    (mentions, timexes)
}

/// A document with a fixed language and date, so that nothing read from the
/// top of the text changes how the rest is understood.
fn input(text: String) -> InputDocument {
    InputDocument {
        id: "t".into(),
        text,
        lang: Some(Lang::Fr),
        date: chrono::NaiveDate::from_ymd_opt(2022, 3, 12),
        errors: Vec::new(),
    }
}

/// Body text: sentences that each start with a capital and end with a
/// period, on one line, so that no line looks like a headline or dateline.
fn body_text() -> impl Strategy<Value = String> {
    let sentence = (
        proptest::sample::select(&["Le", "La", "Selon", "Hier,", "The", "On"][..]),
        proptest::collection::vec(
            proptest::sample::select(PIECES)
                .prop_filter("one line", |p| !p.contains(['\n', '\r', '\t'])),
            1..14,
        ),
    )
        .prop_map(|(first, rest)| format!("{first} {}.", rest.join(" ")));
    proptest::collection::vec(sentence, 1..5).prop_map(|s| s.join(" "))
}

const PREFIX: &str = "Rien. ";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_text_gives_one_record_with_valid_spans(text in any_text()) {
        let x = PIPELINE.extract(&text);
        prop_assert_eq!(&x.text, &text, "the text is never changed");
        for s in &x.sentences {
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
        for m in &x.mentions {
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
        let record = x.record();
        prop_assert!(record.errors.is_empty(), "errors: {:?}", record.errors);
        check_record(&text, &record)?;
        check_layers(&x)?;
    }

    #[test]
    fn a_batch_gives_one_record_per_document_in_order(
        texts in proptest::collection::vec(any_text(), 0..8)
    ) {
        let inputs: Vec<InputDocument> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| InputDocument::new(format!("d{i}"), t.clone()))
            .collect();
        let out = PIPELINE.extract_all(inputs);
        prop_assert_eq!(out.len(), texts.len());
        for (i, (x, text)) in out.iter().zip(&texts).enumerate() {
            prop_assert_eq!(&x.id, &format!("d{i}"));
            check_record(text, &x.record())?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_neutral_prefix_shifts_every_span(text in body_text()) {
        let shift = PREFIX.chars().count();
        let plain = PIPELINE.process(input(text.clone())).record();
        let prefixed = PIPELINE.process(input(format!("{PREFIX}{text}"))).record();

        // A first sentence that is not body (read as a dateline or headline
        // because it opens the document) depends on position: compare from
        // the end of it.
        let cutoff = match plain.sentences.first() {
            Some(first) if first.kind != "body" => first.end,
            _ => 0,
        };
        let body = |r: &Record, shift: usize| -> Vec<(usize, usize)> {
            r.sentences
                .iter()
                .filter(|s| s.kind == "body" && s.start >= shift + cutoff)
                .map(|s| (s.start - shift, s.end - shift))
                .collect()
        };
        prop_assert_eq!(body(&prefixed, shift), body(&plain, 0));
        prop_assert_eq!(
            positioned_layers(&prefixed, shift, cutoff),
            positioned_layers(&plain, 0, cutoff)
        );
        // The prefix itself adds nothing.
        prop_assert!(positioned_layers(&prefixed, 0, 0).0.iter().all(|m| m.1 >= shift));
    }
}

/// The records of `docs` run on a pool of `threads` threads, serialized.
fn records_with_threads(docs: &[InputDocument], threads: usize) -> Vec<String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(|| PIPELINE.extract_all(docs.to_vec()))
        .iter()
        .map(|x| serde_json::to_string(&x.record()).expect("a record serializes"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn output_is_identical_for_1_2_and_8_threads(
        texts in proptest::collection::vec(prop_oneof![3 => body_text(), 1 => any_text()], 1..24)
    ) {
        let docs: Vec<InputDocument> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let mut d = InputDocument::new(format!("d{i}"), t);
                // Half with a known date and language, half left to detect.
                if i % 2 == 0 {
                    d.lang = Some(Lang::Fr);
                    d.date = chrono::NaiveDate::from_ymd_opt(2022, 3, 12);
                }
                d
            })
            .collect();
        let one = records_with_threads(&docs, 1);
        prop_assert_eq!(one.len(), docs.len());
        for n in [2, 8] {
            let many = records_with_threads(&docs, n);
            prop_assert_eq!(&one, &many, "{} threads differ from 1", n);
        }
    }
}

/// Found by `cargo fuzz` (fuzz/README.md): a trigger whose words straddle a
/// blank line ("s'était \n\nentretenue") made an event whose trigger ran
/// past the end of its sentence.
#[test]
fn regression_fuzz_trigger_across_a_blank_line() {
    let text = "Le Courrier du Léman\n\nEau potable : le Sénégal et la Commission internationale de l'eau signent une feuille de route\n\n11 Me Sénégal et n int la délégation sénégalaise s'était \n\nentretenue Bakouavecà 1006 et qu'un nouvel accord devrait être signé avant la fin de l'année.\n\nLa veille, la délégation sénégalaise s'était entretenue avec le directeur général de l'Organisation mondiale de la santé, le docteur Paul Meyer, un médecin suisse.\n\nLoading...\nVoir Plus\n";
    let x = PIPELINE.extract(text);
    for e in &x.events {
        assert!(
            e.sentence.contains(e.trigger),
            "trigger {:?} {:?} outside its sentence {:?}",
            e.trigger,
            e.trigger.slice(text),
            e.sentence
        );
    }
    check_record(text, &x.record()).unwrap();
}
