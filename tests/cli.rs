//! The `depeche` binary, run as a user runs it, in a temporary folder:
//! inputs of every kind (good and bad), every output format, exit codes, and
//! the promise that every input document yields exactly one record, in order.

use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

mod common;

use common::{errors, ids, read_then_close, run, run_with_stdin, write};

/// The code-point span of the first `needle` in `text`.
fn char_span(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// `n` small documents, French and English, each with a place name.
fn generated_jsonl(n: usize) -> String {
    let places = ["Paris", "Lyon", "Genève", "London", "Dakar", "Berlin"];
    (0..n)
        .map(|i| {
            let place = places[i % places.len()];
            let text = if i % 2 == 0 {
                format!("Dépêche {i}. Le ministre s'est rendu à {place} le {} mai 2021.\nLa réunion a duré {i} heures.", 1 + i % 28)
            } else {
                format!("Report {i}. The minister travelled to {place} on May {}, 2021.\n\nTalks lasted {i} hours.", 1 + i % 28)
            };
            serde_json::json!({ "id": format!("doc-{i}"), "text": text }).to_string() + "\n"
        })
        .collect()
}

const EVENTS_HEADER: &str =
    "doc_id,event_id,type,date,date_source,location,participants,roles,trigger,sentence";
const PARTICIPANTS_HEADER: &str = "doc_id,event_id,entity_id,name,label,role,org";
const TABLES: [&str; 7] = [
    "events",
    "participants",
    "entities",
    "mentions",
    "timexes",
    "relations",
    "errors",
];

#[test]
fn malformed_jsonl_lines_each_yield_a_record_naming_file_and_line() {
    let dir = TempDir::new().unwrap();
    let mut data = Vec::new();
    data.extend_from_slice(
        b"{\"id\": \"good-1\", \"text\": \"Le 3 mai 2021, Anne Dupont est \xc3\xa0 Paris.\"}\n",
    );
    data.extend_from_slice(b"{\"id\": \"truncated\", \"text\": \"Bonj\n");
    data.extend_from_slice(b"{\"id\": \"wrong-type\", \"text\": 42}\n");
    data.extend_from_slice(b"\n   \n");
    data.extend_from_slice(b"{\"id\": \"no-text\", \"lang\": \"fr\"}\n");
    data.extend_from_slice(b"{\"id\": \"bad-utf8\", \"text\": \"caf\xff\xfe \xc3 Lyon\"}\n");
    data.extend_from_slice(b"{\"text\": \"Good morning from London.\"}\n");
    write(dir.path(), "docs.jsonl", &data);

    let out = run(dir.path(), &["extract", "docs.jsonl"]);

    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    let records = out.records();
    assert_eq!(
        ids(&records),
        [
            "good-1",
            "docs.jsonl:2",
            "wrong-type",
            "no-text",
            "bad-utf8",
            "docs.jsonl:8"
        ]
    );
    let expected_errors = [
        (0, None),
        (1, Some("docs.jsonl:2:")),
        (2, Some("docs.jsonl:3:")),
        (3, Some("docs.jsonl:6:")),
        (4, Some("docs.jsonl:7:")),
        (5, None),
    ];
    for (i, want) in expected_errors {
        let errs = errors(&records[i]);
        match want {
            None => assert!(errs.is_empty(), "record {i}: {errs:?}"),
            Some(at) => assert!(
                errs.iter().any(|e| e.starts_with(at)),
                "record {i} should have an error at {at}: {errs:?}"
            ),
        }
    }
    // The line with invalid UTF-8 is still processed, with U+FFFD.
    assert!(!records[4]["sentences"].as_array().unwrap().is_empty());
    assert!(out
        .stderr
        .contains("6 documents read, 6 records written, 4 with errors"));
}

#[test]
fn csv_out_dir_writes_every_table_with_its_header() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "docs.jsonl",
        "{\"id\": \"a\", \"text\": \"Le ministre est arrivé à Paris puis à Lyon.\"}\nnot json\n",
    );

    let out = run(
        dir.path(),
        &[
            "extract",
            "docs.jsonl",
            "--format",
            "csv",
            "--out",
            "tables",
        ],
    );

    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    assert_eq!(out.stdout, "", "tables go to files, not stdout");
    for table in TABLES {
        let path = dir.path().join("tables").join(format!("{table}.csv"));
        let content =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let header = content.lines().next().unwrap_or_default();
        assert!(header.starts_with("doc_id,"), "{table}.csv: {header:?}");
    }
    let read = |t: &str| std::fs::read_to_string(dir.path().join("tables").join(t)).unwrap();
    let events = read("events.csv");
    let participants = read("participants.csv");
    let mentions = read("mentions.csv");
    let errors = read("errors.csv");
    assert!(events.lines().next().unwrap().starts_with(EVENTS_HEADER));
    assert!(participants
        .lines()
        .next()
        .unwrap()
        .starts_with(PARTICIPANTS_HEADER));
    assert!(mentions
        .lines()
        .any(|l| l.starts_with("a,") && l.ends_with(",Paris")));
    assert!(mentions
        .lines()
        .any(|l| l.starts_with("a,") && l.ends_with(",Lyon")));
    let error_rows: Vec<&str> = errors.lines().skip(1).collect();
    assert_eq!(error_rows.len(), 1, "{errors}");
    assert!(error_rows[0].starts_with("docs.jsonl:2,"), "{errors}");
}

#[test]
fn table_option_prints_one_table_to_stdout() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Le 3 mai 2021, Anne Dupont a rencontré Paul Martin à Lyon.",
    );

    let out = run(
        dir.path(),
        &[
            "extract",
            "a.txt",
            "--format",
            "csv",
            "--table",
            "participants",
        ],
    );
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    assert!(
        out.stdout.starts_with(PARTICIPANTS_HEADER),
        "{}",
        out.stdout
    );
    assert!(out.stdout.lines().skip(1).all(|l| l.starts_with("a.txt,")));

    let out = run(
        dir.path(),
        &["extract", "a.txt", "--format", "csv", "--table", "people"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown table \"people\""),
        "{}",
        out.stderr
    );
}

#[test]
fn folder_input_yields_one_record_per_document_in_sorted_order() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("corpus");
    write(&root, "b.md", "# Note\n\nLe ministre est à Dakar.");
    write(&root, "a.txt", "Le ministre est à Paris.");
    write(
        &root,
        "c.jsonl",
        "{\"id\": \"c1\", \"text\": \"Rendez-vous à Lyon.\"}\n{\"id\": \"c2\", \"text\": \"Meeting in London.\"}\n",
    );
    write(&root, "x.txt", b"\x00\x01binary\xff\xfe\x00 data");
    write(&root, "sub/d.txt", "The minister is in Berlin.");
    write(&root, "notes.csv", "not,an,input\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", root.join("sub/loop")).unwrap();

    let out = run(dir.path(), &["extract", "corpus"]);

    assert_eq!(out.code, 1, "x.txt has errors; stderr: {}", out.stderr);
    let records = out.records();
    let sep = std::path::MAIN_SEPARATOR;
    let expected = [
        format!("corpus{sep}a.txt"),
        format!("corpus{sep}b.md"),
        "c1".to_string(),
        "c2".to_string(),
        format!("corpus{sep}sub{sep}d.txt"),
        format!("corpus{sep}x.txt"),
    ];
    assert_eq!(ids(&records), expected);
    let binary = errors(&records[5]);
    assert!(binary.iter().any(|e| e.contains("NUL")), "{binary:?}");
    assert!(binary.iter().any(|e| e.contains("UTF-8")), "{binary:?}");
    for r in &records[..5] {
        assert!(errors(r).is_empty(), "{r}");
    }
    assert!(
        out.stderr
            .contains("6 documents read, 6 records written, 1 with errors"),
        "{}",
        out.stderr
    );
}

#[test]
fn missing_input_file_is_a_record_and_the_others_still_run() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", "Le ministre est à Paris.");
    write(dir.path(), "b.txt", "The minister is in London.");

    let out = run(dir.path(), &["extract", "a.txt", "missing.txt", "b.txt"]);

    assert_eq!(out.code, 1);
    let records = out.records();
    assert_eq!(ids(&records), ["a.txt", "missing.txt", "b.txt"]);
    let missing = errors(&records[1]);
    assert_eq!(missing.len(), 1);
    assert!(
        missing[0].starts_with("missing.txt: cannot read"),
        "{missing:?}"
    );
    assert!(!records[2]["entities"].as_array().unwrap().is_empty());
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "many.jsonl", generated_jsonl(300));
    let args = |j| ["extract", "many.jsonl", "--batch-size", "7", "-j", j, "-q"];

    let one = run(dir.path(), &args("1"));
    let two = run(dir.path(), &args("2"));

    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(two.code, 0, "{}", two.stderr);
    let records = one.records();
    assert_eq!(records.len(), 300);
    assert_eq!(records[299]["id"], "doc-299");
    assert!(one.stdout == two.stdout, "-j 1 and -j 2 outputs differ");
}

#[test]
fn outline_format_on_the_bundled_french_example() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/depeche-fr.txt");
    let dir = TempDir::new().unwrap();

    let out = run(
        dir.path(),
        &["extract", example.to_str().unwrap(), "--format", "outline"],
    );

    assert_eq!(out.code, 0, "{}", out.stderr);
    let first = out.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("DOC ") && first.contains("lang=fr"),
        "{first}"
    );
    assert!(first.contains("dateline=\"Genève\""), "{first}");
    for expected in ["  headline ", "  timestamp ", "  body ", "  furniture "] {
        assert!(
            out.stdout.contains(expected),
            "no {expected:?} in\n{}",
            out.stdout
        );
    }
    assert!(out.stdout.contains("LOC ") && out.stdout.contains("Sénégal"));
}

#[test]
fn gazetteer_check_reports_bad_rows_as_file_and_line() {
    let dir = TempDir::new().unwrap();
    let good = "surface\ttype\tcanonical\tid\tattrs\nBakou\tLOC\tBakou\t\tcountry=AZ\n";
    let bad =
        "# my list\nsurface\ttype\tcanonical\nBakou\tLOC\tBakou\nonly one field\nRio\tCITY\tRio\n";
    write(dir.path(), "good.tsv", good);
    write(dir.path(), "bad.tsv", bad);

    let cases = [
        ("good.tsv", 0, vec![]),
        (
            "bad.tsv",
            1,
            vec![
                "bad.tsv:4: expected at least 3",
                "bad.tsv:5: unknown type \"CITY\"",
            ],
        ),
    ];
    for (file, code, lines) in cases {
        let out = run(dir.path(), &["gazetteer", "check", file]);
        assert_eq!(out.code, code, "{file}: {}{}", out.stdout, out.stderr);
        for line in lines {
            assert!(
                out.stdout.lines().any(|l| l.starts_with(line)),
                "{file}: no line starting {line:?} in\n{}",
                out.stdout
            );
        }
        assert!(
            out.stdout.contains(&format!("{file}: 1 entries")),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn eval_json_has_the_contract_keys_and_null_for_absent_layers() {
    let dir = TempDir::new().unwrap();
    let text = "Le 3 mai 2021, Anne Dupont a rencontré Paul Martin à Lyon.";
    let (lyon, date) = (char_span(text, "Lyon"), char_span(text, "3 mai 2021"));
    let entities_only = serde_json::json!({
        "id": "g1", "lang": "fr", "text": text,
        "entities": [{"start": lyon.0, "end": lyon.1, "label": "LOC", "text": "Lyon"}],
    });
    let all_layers = serde_json::json!({
        "id": "g2", "lang": "fr", "doc_date": "2021-05-04", "text": text,
        "entities": [{"start": lyon.0, "end": lyon.1, "label": "LOC", "text": "Lyon"}],
        "timexes": [{"start": date.0, "end": date.1, "text": "3 mai 2021", "value": "2021-05-03"}],
        "events": [{"type": "meeting", "participants": ["Anne Dupont", "Paul Martin"],
                    "date": "2021-05-03", "location": "Lyon"}],
    });
    write(dir.path(), "entities.jsonl", format!("{entities_only}\n"));
    write(dir.path(), "all.jsonl", format!("{all_layers}\n"));

    let parse = |file: &str| -> Value {
        let out = run(dir.path(), &["eval", file, "--json"]);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
    };
    let number = |v: &Value, path: &str| {
        let found = v.pointer(path).unwrap_or(&Value::Null);
        assert!(found.is_number(), "{path} is {found} in {v}");
    };

    let only = parse("entities.jsonl");
    for path in [
        "/entities/precision",
        "/entities/recall",
        "/entities/f1",
        "/entities/overlap/f1",
    ] {
        number(&only, path);
    }
    number(&only, "/entities/by_label/LOC/f1");
    assert_eq!(only["entities"]["by_label"]["LOC"]["recall"], 1.0);
    assert!(only["timexes"].is_null(), "{only}");
    assert!(only["events"].is_null(), "{only}");

    let all = parse("all.jsonl");
    for path in [
        "/entities/overlap/precision",
        "/timexes/precision",
        "/timexes/overlap/recall",
        "/events/f1",
        "/events/exact/f1",
    ] {
        number(&all, path);
    }
    assert!(all["timexes"].get("value_accuracy").is_some(), "{all}");
    assert!(all["events"].get("date_accuracy").is_some(), "{all}");

    let labels = run(
        dir.path(),
        &["eval", "all.jsonl", "--json", "--labels", "PER,ORG"],
    );
    let labels: Value = serde_json::from_str(&labels.stdout).unwrap();
    assert!(
        labels["entities"]["by_label"].get("LOC").is_none(),
        "{labels}"
    );
}

#[test]
fn stdin_jsonl_in_jsonl_out() {
    let dir = TempDir::new().unwrap();
    let input = "{\"id\": \"s1\", \"text\": \"Le ministre est à Genève.\", \"lang\": \"fr\"}\n{\"id\": \"s2\", \"text\": \"The minister is in Dakar.\", \"date\": \"2022-01-05\"}\n";

    for args in [&["extract"][..], &["extract", "-"][..]] {
        let out = run_with_stdin(dir.path(), args, input.as_bytes());
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        let records = out.records();
        assert_eq!(ids(&records), ["s1", "s2"]);
        assert_eq!(records[0]["lang"], "fr");
        assert_eq!(records[1]["doc_date"], "2022-01-05");
        assert_eq!(records[1]["doc_date_source"], "input");
    }
}

#[test]
fn closed_output_pipe_ends_quietly() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "many.jsonl", generated_jsonl(3000));
    // A gold file whose report lists thousands of misses: more than a pipe
    // holds, so the writer meets the closed pipe.
    let text = "Anne Dupont est arrivée.";
    let gold: String = (0..3000)
        .map(|i| {
            let doc = serde_json::json!({
                "id": format!("g{i}"), "lang": "fr", "text": text,
                "entities": [{"start": 0, "end": 4, "label": "ORG", "text": "Anne"}],
            });
            format!("{doc}\n")
        })
        .collect();
    write(dir.path(), "gold.jsonl", gold);
    let runs: [(&[&str], &str); 2] = [
        (&["extract", "many.jsonl", "--batch-size", "16"], "{\""),
        (
            &["eval", "gold.jsonl", "--examples", "100000"],
            "gold.jsonl",
        ),
    ];
    for (args, starts) in runs {
        let (first, code, stderr) = read_then_close(dir.path(), args, 10);

        assert!(first.starts_with(starts.as_bytes()), "{args:?}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(code, 0, "{args:?}: {stderr}");
    }
}
