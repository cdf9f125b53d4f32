//! Runs the date rule tables in `tests/cases/dates-*.toml` through the
//! pipeline and reports every failing case by name.
//!
//! A case: `name`, `text`, optional `doc_date` and `lang` (else the table's
//! language), and `timexes = [[start, end, "TYPE", "value"], ...]` in code
//! points, end exclusive; `timexes = []` means "no timex here". Optional
//! `read_date` checks the document date read from the text.

use depeche::doc::CharIndex;
use depeche::{InputDocument, Lang, Pipeline};

#[derive(Debug, serde::Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Debug, serde::Deserialize)]
struct Case {
    name: String,
    text: String,
    doc_date: Option<String>,
    read_date: Option<String>,
    timexes: Vec<(usize, usize, String, String)>,
}

fn run_table(file: &str, lang: Lang) -> (usize, Vec<String>) {
    let path = format!("{}/tests/cases/{file}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).expect("case table");
    let table: Table = toml::from_str(&source).unwrap_or_else(|e| panic!("{path}: {e}"));
    let pipeline = Pipeline::builder()
        .language(lang)
        .build()
        .expect("pipeline");
    let mut failures = Vec::new();
    for case in &table.case {
        let mut input = InputDocument::new(case.name.clone(), case.text.clone());
        input.lang = Some(lang);
        input.date = case
            .doc_date
            .as_deref()
            .map(|d| d.parse().expect("doc_date"));
        let x = pipeline.process(input);
        let chars = CharIndex::new(&x.text);
        let got: Vec<(usize, usize, String, String)> = x
            .timexes
            .iter()
            .map(|t| {
                (
                    chars.char_offset(t.span.start),
                    chars.char_offset(t.span.end),
                    t.kind.as_str().to_string(),
                    t.value.clone(),
                )
            })
            .collect();
        if got != case.timexes {
            let shown: Vec<String> = x
                .timexes
                .iter()
                .zip(&got)
                .map(|(t, g)| format!("{:?} {g:?} ({})", t.span.slice(&x.text), t.rule))
                .collect();
            failures.push(format!(
                "{file} [{}]\n    expected {:?}\n    got      {}",
                case.name,
                case.timexes,
                shown.join(", ")
            ));
        }
        if let Some(expected) = &case.read_date {
            let read = x.date.map(|d| d.to_string()).unwrap_or_default();
            let read = match &x.timestamp {
                Some(ts) => format!("{read} {ts}"),
                None => read,
            };
            if &read != expected {
                failures.push(format!(
                    "{file} [{}]: document date {read:?}, expected {expected:?}",
                    case.name
                ));
            }
        }
    }
    (table.case.len(), failures)
}

#[test]
fn date_case_tables() {
    let mut failures = Vec::new();
    for (file, lang) in [("dates-fr.toml", Lang::Fr), ("dates-en.toml", Lang::En)] {
        let (count, mut f) = run_table(file, lang);
        assert!(count >= 60, "{file}: only {count} cases");
        failures.append(&mut f);
    }
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
