//! Runs the name and title rule tables of `tests/cases/names-*.toml` and
//! reports every failing case by name.

use depeche::{InputDocument, Lang, Pipeline};
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    lang: Option<String>,
    entities: Vec<(String, String)>,
    #[serde(default)]
    titles: Option<Vec<(String, String, String)>>,
}

#[test]
fn name_case_tables() {
    let pipeline = Pipeline::builder().build().expect("pipeline");
    let mut failures = Vec::new();
    let mut count = 0;
    for file in ["names-fr.toml", "names-en.toml"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/cases")
            .join(file);
        let table: Table =
            toml::from_str(&std::fs::read_to_string(&path).expect("table")).expect(file);
        for case in table.case {
            count += 1;
            let mut input = InputDocument::new(&case.name, &case.text);
            input.lang = Some(
                case.lang
                    .as_deref()
                    .and_then(Lang::parse)
                    .unwrap_or(Lang::Fr),
            );
            let x = pipeline.process(input);
            let got: Vec<(String, String)> = x
                .mentions
                .iter()
                .map(|m| (m.label.as_str().to_string(), x.slice(m.span).to_string()))
                .collect();
            if got != case.entities {
                failures.push(format!(
                    "{file} [{}]\n    expected {:?}\n    got      {:?}",
                    case.name, case.entities, got
                ));
            }
            if let Some(titles) = &case.titles {
                let name_of = |mi: Option<usize>| {
                    mi.and_then(|mi| x.mentions.get(mi))
                        .map(|m| {
                            let e = m.entity.map(|e| x.entities[e].name.clone());
                            // A nationality stands for its country.
                            m.canonical
                                .clone()
                                .filter(|_| m.label == depeche::doc::Label::Misc)
                                .or(e)
                                .unwrap_or_default()
                        })
                        .unwrap_or_default()
                };
                let got: Vec<(String, String, String)> = x
                    .titles
                    .iter()
                    .map(|t| (t.role.clone(), name_of(t.of), name_of(t.holder)))
                    .collect();
                if &got != titles {
                    failures.push(format!(
                        "{file} [{}] titles\n    expected {:?}\n    got      {:?}",
                        case.name, titles, got
                    ));
                }
            }
        }
    }
    assert!(count >= 30, "only {count} cases read");
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
