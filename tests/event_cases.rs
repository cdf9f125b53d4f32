//! Runs the event rule table of `tests/cases/events.toml` and reports every
//! failing case by name.

use depeche::{InputDocument, Lang, Pipeline};
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    lang: Option<String>,
    events: Vec<(String, String, Vec<String>)>,
    /// When given: each event's date value ("" for none) and the document
    /// date the case is read with.
    #[serde(default)]
    dates: Option<Vec<String>>,
    #[serde(default)]
    doc_date: Option<String>,
    /// When given: each event's location ("" for none).
    #[serde(default)]
    locations: Option<Vec<String>>,
    /// When given: for each event, each participant's "role, org" ("" for
    /// none of either).
    #[serde(default)]
    roles: Option<Vec<Vec<String>>>,
}

/// A field a case may check: its name, what the case expects (if it says)
/// and what the record holds, one string per event.
type Check = (&'static str, Option<Vec<String>>, Vec<String>);

#[test]
fn event_case_table() {
    let pipeline = Pipeline::builder().build().expect("pipeline");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/events.toml");
    let table: Table =
        toml::from_str(&std::fs::read_to_string(path).expect("table")).expect("events.toml");
    let mut failures = Vec::new();
    for case in &table.case {
        let mut input = InputDocument::new(&case.name, &case.text);
        input.lang = Some(
            case.lang
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or(Lang::Fr),
        );
        input.date = case
            .doc_date
            .as_deref()
            .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("doc_date"));
        let record = pipeline.process(input).record();
        let got: Vec<(String, String, Vec<String>)> = record
            .events
            .iter()
            .map(|e| {
                (
                    e.kind.clone(),
                    e.status.clone(),
                    e.participants.iter().map(|p| p.name.clone()).collect(),
                )
            })
            .collect();
        // The fields a case may check besides the events, each read from
        // every event of the record.
        let checks: [Check; 3] = [
            (
                "dates",
                case.dates.clone(),
                record
                    .events
                    .iter()
                    .map(|e| e.date.clone().unwrap_or_default())
                    .collect(),
            ),
            (
                "locations",
                case.locations.clone(),
                record
                    .events
                    .iter()
                    .map(|e| e.location.clone().unwrap_or_default())
                    .collect(),
            ),
            (
                "roles",
                case.roles
                    .as_ref()
                    .map(|roles| roles.iter().map(|r| r.join(" | ")).collect()),
                record
                    .events
                    .iter()
                    .map(|e| {
                        e.participants
                            .iter()
                            .map(|p| {
                                format!(
                                    "{}, {}",
                                    p.role.as_deref().unwrap_or_default(),
                                    p.org.as_deref().unwrap_or_default()
                                )
                            })
                            .collect::<Vec<_>>()
                            .join(" | ")
                    })
                    .collect(),
            ),
        ];
        for (field, expected, got) in checks {
            if let Some(expected) = expected {
                if got != expected {
                    failures.push(format!(
                        "[{}] {field}\n    expected {expected:?}\n    got      {got:?}",
                        case.name
                    ));
                }
            }
        }
        if got != case.events {
            failures.push(format!(
                "[{}]\n    expected {:?}\n    got      {:?}",
                case.name, case.events, got
            ));
        }
    }
    assert!(table.case.len() >= 12, "only {} cases", table.case.len());
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
