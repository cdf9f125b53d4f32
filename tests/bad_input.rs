//! The `depeche` binary on hostile input: broken encodings, binary bytes,
//! huge or degenerate documents, malformed JSONL, unreadable files, folder
//! loops and bad gazetteers. Each input gets a located error or a correct
//! record, the run goes on, and the closing summary always balances:
//! `N documents read, N records written, K with errors`.
//!
//! (`tests/cli.rs` covers the ordinary cases: a missing file, a truncated
//! JSONL line, a wrong `text` type, a folder with a `..` link.)

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

mod common;

use common::{errors, ids, read_then_close, run, write, Run};

/// The closing-summary checks of this file.
trait Balanced {
    fn summary(&self) -> (usize, usize, usize);
    fn balanced(&self) -> Vec<Value>;
}

impl Balanced for Run {
    /// The closing summary, `(read, written, with_errors)`; panics unless it
    /// is there and balances.
    fn summary(&self) -> (usize, usize, usize) {
        let line = self
            .stderr
            .lines()
            .rev()
            .find(|l| l.contains("documents read"))
            .unwrap_or_else(|| panic!("no summary line in stderr:\n{}", self.stderr));
        let numbers: Vec<usize> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(numbers.len(), 3, "summary {line:?}");
        let (read, written, with_errors) = (numbers[0], numbers[1], numbers[2]);
        assert_eq!(read, written, "summary does not balance: {line:?}");
        assert!(with_errors <= written, "{line:?}");
        (read, written, with_errors)
    }

    /// Checks the run against the records it printed: the summary balances
    /// and counts them, the error count matches the records with errors, and
    /// the exit code says whether there were any. Returns the records.
    fn balanced(&self) -> Vec<Value> {
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        let records = self.records();
        let (read, _, with_errors) = self.summary();
        assert_eq!(read, records.len(), "stderr: {}", self.stderr);
        let erring = records.iter().filter(|r| !errors(r).is_empty()).count();
        assert_eq!(with_errors, erring, "stderr: {}", self.stderr);
        assert_eq!(
            self.code,
            i32::from(with_errors > 0),
            "exit code; stderr: {}",
            self.stderr
        );
        records
    }
}

fn array<'a>(record: &'a Value, key: &str) -> &'a Vec<Value> {
    record[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} in {record}"))
}

/// Names of the entities of a record.
fn names(record: &Value) -> Vec<&str> {
    array(record, "entities")
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect()
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        if little_endian {
            bytes.extend_from_slice(&unit.to_le_bytes());
        } else {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
    }
    bytes
}

const SENTENCE: &str = "Le 3 mai 2021, Anne Dupont a rencontré Paul Martin à Lyon.";

#[test]
fn encodings_decode_or_report_and_spans_index_the_decoded_text() {
    let dir = TempDir::new().unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(SENTENCE.as_bytes());
    write(dir.path(), "a-utf8-bom.txt", &bom);
    write(dir.path(), "b-utf16le.txt", utf16(SENTENCE, true));
    write(dir.path(), "c-utf16be.txt", utf16(SENTENCE, false));
    let mut broken = utf16(SENTENCE, true);
    broken.extend_from_slice(&[0x00, 0xD8, b'x']); // lone surrogate, odd length
    write(dir.path(), "d-utf16-broken.txt", broken);
    write(
        dir.path(),
        "e-latin1.txt",
        b"Le 3 mai 2021, Anne Dupont a rencontr\xe9 Paul Martin \xe0 Lyon.\nFin.",
    );
    write(
        dir.path(),
        "f-truncated-utf8.txt",
        &SENTENCE.as_bytes()[..SENTENCE.len() - "à Lyon.".len() + 1],
    );

    let out = run(dir.path(), &["extract", "--lang", "fr", "."]);

    let records = out.balanced();
    assert_eq!(records.len(), 6, "{}", out.stderr);
    let sep = std::path::MAIN_SEPARATOR;
    let id = |name: &str| format!(".{sep}{name}");
    assert_eq!(
        ids(&records),
        [
            "a-utf8-bom.txt",
            "b-utf16le.txt",
            "c-utf16be.txt",
            "d-utf16-broken.txt",
            "e-latin1.txt",
            "f-truncated-utf8.txt"
        ]
        .map(id)
    );
    // The three well-formed encodings give the same record as plain UTF-8,
    // with offsets into the decoded text (the BOM is not counted).
    let lyon_start = SENTENCE.chars().count() - "Lyon.".chars().count();
    for r in &records[..3] {
        assert!(errors(r).is_empty(), "{r}");
        assert!(names(r).contains(&"Anne Dupont"), "{r}");
        let lyon = array(r, "entities")
            .iter()
            .find(|e| e["name"] == "Lyon")
            .unwrap_or_else(|| panic!("no Lyon in {r}"));
        assert_eq!(lyon["mentions"][0]["start"], lyon_start, "{r}");
        assert_eq!(array(r, "events").len(), 1, "{r}");
    }
    let located = [
        (3, "d-utf16-broken.txt: invalid UTF-16"),
        (4, "e-latin1.txt: invalid UTF-8 from line 1"),
        (5, "f-truncated-utf8.txt: invalid UTF-8 from line 1"),
    ];
    for (i, want) in located {
        let errs = errors(&records[i]);
        assert!(
            errs.iter().any(|e| e.starts_with(&id(want))),
            "{want}: {errs:?}"
        );
        // Still processed.
        assert!(
            names(&records[i]).contains(&"Anne Dupont"),
            "{}",
            records[i]
        );
    }
}

#[test]
fn nul_bytes_are_reported_in_text_files_and_kept_in_jsonl() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "nul.txt", "Anne Dupont\0 est à Paris.\0\0");
    write(
        dir.path(),
        "nul.jsonl",
        "{\"id\": \"j\", \"text\": \"Anne Dupont\\u0000 est \\u0000à Paris.\"}\n",
    );

    let out = run(dir.path(), &["extract", "nul.txt", "nul.jsonl"]);

    let records = out.balanced();
    assert_eq!(ids(&records), ["nul.txt", "j"]);
    assert!(
        errors(&records[0])
            .iter()
            .any(|e| e.starts_with("nul.txt: contains NUL")),
        "{}",
        records[0]
    );
    // The JSONL text asked for its NULs: a record, spans counted with them.
    let paris = array(&records[1], "entities")
        .iter()
        .find(|e| e["name"] == "Paris")
        .unwrap_or_else(|| panic!("{}", records[1]));
    let text = "Anne Dupont\0 est \0à Paris.";
    let start = text[..text.find("Paris").unwrap()].chars().count();
    assert_eq!(paris["mentions"][0]["start"], start);
}

#[test]
fn degenerate_documents_give_an_empty_record_without_error() {
    let dir = TempDir::new().unwrap();
    let punctuation = "!?.,;:…—-«»()[]{}\"'’/\\*&%$#@ ".repeat(2000);
    let digits = "0123456789 42 3,14 1.000.000 2021 ".repeat(2000);
    let cases: Vec<(&str, String)> = vec![
        ("empty.txt", String::new()),
        ("spaces.txt", " \n\t\r\n\u{a0}".repeat(1000)),
        ("punctuation.txt", punctuation),
        ("dots.txt", ".".repeat(100_000)),
        ("digits.txt", digits),
        ("one-digit-line.txt", "7".repeat(100_000)),
        ("newlines.txt", "\n".repeat(100_000)),
        ("emoji.txt", "🇫🇷👍🏽\u{200d}\u{fe0f}e\u{301}".repeat(3000)),
    ];
    for (name, text) in &cases {
        write(dir.path(), name, text);
    }
    let args: Vec<&str> = ["extract"]
        .into_iter()
        .chain(cases.iter().map(|(n, _)| *n))
        .collect();

    let out = run(dir.path(), &args);

    let records = out.balanced();
    assert_eq!(records.len(), cases.len());
    for (r, (name, _)) in records.iter().zip(&cases) {
        assert_eq!(r["id"], *name);
        assert!(errors(r).is_empty(), "{name}: {r}");
        assert!(array(r, "events").is_empty(), "{name}");
    }
}

/// One very long line of news-like text, `bytes` long or a little more.
fn long_line(bytes: usize) -> String {
    let unit = "Le ministre Paul Martin a rencontré Anne Dupont à Lyon le 3 mai 2021, \
                puis M. Martin est allé à Genève ; ";
    unit.repeat(bytes / unit.len() + 1)
}

fn check_long_line(bytes: usize, limit: Duration) {
    let dir = TempDir::new().unwrap();
    let text = long_line(bytes);
    write(dir.path(), "long.txt", &text);
    write(
        dir.path(),
        "long.jsonl",
        serde_json::json!({"id": "long", "text": text}).to_string(),
    );
    let started = Instant::now();

    let out = run(dir.path(), &["extract", "long.txt", "long.jsonl"]);

    let records = out.balanced();
    assert_eq!(ids(&records), ["long.txt", "long"]);
    for r in &records {
        assert!(errors(r).is_empty(), "{}", out.stderr);
        assert!(names(r).contains(&"Paul Martin"));
    }
    assert_eq!(records[0]["entities"], records[1]["entities"]);
    let took = started.elapsed();
    assert!(took < limit, "{bytes} bytes took {took:?}");
}

#[test]
fn a_long_single_line_is_one_document() {
    check_long_line(256 << 10, Duration::from_secs(60));
}

/// The 50 MB line of the issue; slow in a debug build, so run it with
/// `cargo test --release --test bad_input -- --ignored`.
#[test]
#[ignore]
fn a_50_megabyte_single_line_is_one_document() {
    check_long_line(50 << 20, Duration::from_secs(600));
}

#[test]
fn repeated_names_and_dates_stay_fast_and_linked() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "names.txt", "M. Dupont ".repeat(100_000));
    let dates = format!(
        "Les réunions ont eu lieu {}et le 31 décembre 2021.",
        (0..3000)
            .map(|i| format!("le {} mai 2021, ", 1 + i % 31))
            .collect::<String>()
    );
    write(dir.path(), "dates.txt", &dates);
    let started = Instant::now();

    let out = run(
        dir.path(),
        &["extract", "--lang", "fr", "names.txt", "dates.txt"],
    );

    let records = out.balanced();
    let took = started.elapsed();
    assert!(took < Duration::from_secs(60), "took {took:?}");
    let dupont = array(&records[0], "entities")
        .iter()
        .find(|e| e["name"].as_str().is_some_and(|n| n.contains("Dupont")))
        .unwrap_or_else(|| panic!("no Dupont"));
    assert!(
        array(dupont, "mentions").len() >= 99_000,
        "the mentions of one man are linked to one entity"
    );
    let timexes = array(&records[1], "timexes");
    assert!(timexes.len() >= 3000, "{} timexes", timexes.len());
    assert!(timexes
        .iter()
        .any(|t| t["value"] == "2021-12-31" && t["type"] == "DATE"));
}

#[test]
fn malformed_jsonl_lines_each_yield_one_located_record() {
    let dir = TempDir::new().unwrap();
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let lines: Vec<(String, Option<&str>)> = vec![
        // A UTF-8 BOM before the first line (Windows editors write one).
        (
            "\u{feff}{\"id\": \"bom\", \"text\": \"Anne Dupont est à Paris.\"}".into(),
            None,
        ),
        (
            "[{\"text\": \"in an array\"}]".into(),
            Some("expected a JSON object, found an array"),
        ),
        ("{}".into(), Some("missing \"text\"")),
        ("null".into(), Some("found null")),
        ("\"just a string\"".into(), Some("found a string")),
        ("12".into(), Some("found a number")),
        (
            "{\"text\": {\"fr\": \"Bonjour\"}}".into(),
            Some("must be a string, found an object"),
        ),
        (
            "{\"text\": null}".into(),
            Some("must be a string, found null"),
        ),
        (deep, Some("not valid JSON")),
        (
            "{\"text\": \"a\"} {\"text\": \"b\"}".into(),
            Some("not valid JSON"),
        ),
        (
            "{\"id\": [1], \"text\": \"Anne Dupont est à Lyon.\", \"lang\": 3, \"date\": true}"
                .into(),
            Some("\"lang\" must be a string"),
        ),
        (
            "{\"id\": 7, \"text\": \"ok\", \"lang\": \"de\", \"date\": \"15/10/2021\"}".into(),
            Some("lang \"de\" is not supported"),
        ),
        ("{\"id\": \"crlf\", \"text\": \"Fin.\"}\r".into(), None),
        // The last line, cut short, with no newline after it.
        (
            "{\"id\": \"last\", \"text\": \"Anne Dup".into(),
            Some("not valid JSON"),
        ),
    ];
    let mut data = String::new();
    for (i, (line, _)) in lines.iter().enumerate() {
        data.push_str(line);
        if i + 1 < lines.len() {
            data.push('\n');
        }
    }
    write(dir.path(), "docs.jsonl", &data);

    let out = run(dir.path(), &["extract", "docs.jsonl"]);

    let records = out.balanced();
    assert_eq!(records.len(), lines.len(), "{}", out.stderr);
    for (i, (r, (_, want))) in records.iter().zip(&lines).enumerate() {
        let at = format!("docs.jsonl:{}:", i + 1);
        let errs = errors(r);
        match want {
            None => assert!(errs.is_empty(), "line {}: {errs:?}", i + 1),
            Some(what) => assert!(
                errs.iter().any(|e| e.starts_with(&at) && e.contains(what)),
                "line {}: want {at} ... {what}: {errs:?}",
                i + 1
            ),
        }
        // Every error names this line, and stderr repeats it.
        for e in errs {
            assert!(e.starts_with(&at), "{e}");
            assert!(out.stderr.contains(e), "{e}");
        }
    }
    assert_eq!(records[0]["id"], "bom");
    assert!(names(&records[0]).contains(&"Paris"), "{}", records[0]);
    assert_eq!(records[10]["id"], "docs.jsonl:11", "an array id is no id");
    assert!(errors(&records[10])
        .iter()
        .any(|e| e.contains("\"date\" must be a string")));
    assert_eq!(records[11]["id"], "7");
    assert!(errors(&records[11])
        .iter()
        .any(|e| e.contains("is not YYYY-MM-DD")));
    assert_eq!(records[12]["id"], "crlf");
}

#[test]
fn a_jsonl_read_error_mid_file_is_one_record_and_the_counts_balance() {
    // A reader that fails after its first line: the library's input reader
    // turns the failure into one located item and stops that input.
    struct Failing(std::io::Cursor<Vec<u8>>);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match self.0.read(buf)? {
                0 => Err(std::io::Error::other("disk on fire")),
                n => Ok(n),
            }
        }
    }
    let data = b"{\"id\": \"a\", \"text\": \"Un.\"}\n{\"id\": \"b\", \"text\": \"De".to_vec();
    let reader = depeche::input::InputReader::from_jsonl_reader(
        "x.jsonl",
        Failing(std::io::Cursor::new(data)),
    );
    let items: Vec<_> = reader.collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(matches!(&items[0], depeche::input::InputItem::Document(d) if d.id == "a"));
    match &items[1] {
        depeche::input::InputItem::Failed { id, error } => {
            assert_eq!(id, "x.jsonl:2");
            assert!(error.starts_with("x.jsonl:2: read error"), "{error}");
        }
        other => panic!("{other:?}"),
    }
}

/// True when the current user can read a file with no read permission (root
/// can): permission checks cannot be tested then.
#[cfg(unix)]
fn permissions_are_enforced(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = write(dir, "probe", "x");
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    let enforced = std::fs::read(&probe).is_err();
    std::fs::remove_file(&probe).unwrap();
    enforced
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_located_errors() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    if !permissions_are_enforced(dir.path()) {
        eprintln!("skipped: this user (root?) reads files without read permission");
        return;
    }
    let root = dir.path().join("in");
    write(&root, "a.txt", "Le ministre est à Paris.");
    let locked = write(&root, "b.txt", "secret");
    let locked_jsonl = write(&root, "c.jsonl", "{\"text\": \"secret\"}\n");
    write(&root, "closed/d.txt", "secret");
    write(&root, "e.txt", "The minister is in London.");
    let mode = |p: &Path, m| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    mode(&locked, 0o000).unwrap();
    mode(&locked_jsonl, 0o000).unwrap();
    mode(&root.join("closed"), 0o000).unwrap();

    let out = run(dir.path(), &["extract", "in"]);

    mode(&root.join("closed"), 0o755).unwrap();
    let records = out.balanced();
    let sep = std::path::MAIN_SEPARATOR;
    let p = |name: &str| format!("in{sep}{name}");
    assert_eq!(
        ids(&records),
        [
            p("a.txt"),
            p("b.txt"),
            p("c.jsonl"),
            p("closed"),
            p("e.txt")
        ]
    );
    for (i, what) in [
        (1, "cannot read"),
        (2, "cannot read"),
        (3, "cannot list folder"),
    ] {
        let errs = errors(&records[i]);
        assert!(
            errs.iter()
                .any(|e| e.starts_with(&format!("{}: {what}", records[i]["id"].as_str().unwrap()))),
            "{errs:?}"
        );
    }
    assert!(errors(&records[4]).is_empty());
}

#[cfg(unix)]
#[test]
fn folder_links_loops_and_dangling_links_are_walked_once() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("in");
    write(&root, "a.txt", "Le ministre est à Paris.");
    write(&root, "sub/b.txt", "The minister is in London.");
    std::os::unix::fs::symlink(".", root.join("self")).unwrap();
    std::os::unix::fs::symlink("..", root.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("sub", root.join("zz-again")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", root.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", root.join("link.txt")).unwrap();

    // The same folder given twice, and through a link, is read once.
    let out = run(dir.path(), &["extract", "in", "in/self", "in"]);

    let records = out.balanced();
    let sep = std::path::MAIN_SEPARATOR;
    let p = |name: &str| format!("in{sep}{name}");
    assert_eq!(
        ids(&records),
        [
            p("a.txt"),
            p("dangling.txt"),
            p("link.txt"),
            format!("in{sep}sub{sep}b.txt"),
        ]
    );
    assert!(errors(&records[1])
        .iter()
        .any(|e| e.starts_with(&format!("{}: cannot read", p("dangling.txt")))));
    assert_eq!(records[0]["entities"], records[2]["entities"]);
}

#[test]
fn gazetteers_with_bad_rows_or_no_rows() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "doc.txt",
        "Anne Dupont est arrivée à Zorglubville.",
    );
    write(dir.path(), "empty.tsv", "");
    write(dir.path(), "comments.tsv", "# nothing here\n\n# really\n");
    write(
        dir.path(),
        "bad.tsv",
        b"surface\ttype\tcanonical\nZorglubville\tLOC\tZorglubville\nno tabs\n\tLOC\tEmpty\nX\tCITY\tX\ncaf\xe9\tLOC\tCafe\n\t\t\n",
    );

    for gazetteer in ["empty.tsv", "comments.tsv"] {
        let out = run(
            dir.path(),
            &["extract", "--gazetteer", gazetteer, "doc.txt"],
        );
        let records = out.balanced();
        assert_eq!(out.code, 0, "{gazetteer}: {}", out.stderr);
        assert!(names(&records[0]).contains(&"Anne Dupont"), "{gazetteer}");
        let alone = run(
            dir.path(),
            &[
                "extract",
                "--no-builtin-gazetteers",
                "--gazetteer",
                gazetteer,
                "doc.txt",
            ],
        );
        assert_eq!(alone.balanced().len(), 1, "{gazetteer}: {}", alone.stderr);
    }

    // Bad rows are reported at their line and skipped; the good one works.
    let out = run(
        dir.path(),
        &["extract", "--gazetteer", "bad.tsv", "doc.txt"],
    );
    assert_eq!(out.code, 1, "bad rows are problems: {}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let (read, _, with_errors) = out.summary();
    assert_eq!((read, with_errors), (1, 0));
    for line in ["bad.tsv:3:", "bad.tsv:5:", "bad.tsv:6:"] {
        assert!(
            out.stderr
                .lines()
                .any(|l| l.starts_with(&format!("depeche: {line}"))),
            "no {line} in\n{}",
            out.stderr
        );
    }
    let records = out.records();
    let place = array(&records[0], "entities")
        .iter()
        .find(|e| e["name"] == "Zorglubville")
        .unwrap_or_else(|| panic!("{}", records[0]));
    assert_eq!(place["label"], "LOC");

    // Strict: nothing is done, exit 2, the rows are named.
    let strict = run(
        dir.path(),
        &[
            "extract",
            "--strict-gazetteers",
            "--gazetteer",
            "bad.tsv",
            "doc.txt",
        ],
    );
    assert_eq!(strict.code, 2, "{}", strict.stderr);
    assert!(strict.stdout.is_empty());
    assert!(
        strict.stderr.contains("4 problem(s)") && strict.stderr.contains("bad.tsv:"),
        "{}",
        strict.stderr
    );

    // A gazetteer that does not exist is fatal and says which.
    let missing = run(
        dir.path(),
        &["extract", "--gazetteer", "nope.tsv", "doc.txt"],
    );
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.tsv"), "{}", missing.stderr);
}

#[test]
fn a_folder_mixing_good_binary_and_broken_files_reports_each_one() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("mixed");
    write(&root, "01-good.txt", SENTENCE);
    write(
        &root,
        "02-binary.txt",
        (0..=255u8).cycle().take(4096).collect::<Vec<u8>>(),
    );
    write(
        &root,
        "03-invalid.md",
        b"# Titre\n\nAnne Dupont \xff\xfe est \xc3 Paris.",
    );
    write(&root, "04-utf16.txt", utf16(SENTENCE, true));
    write(
        &root,
        "05-docs.jsonl",
        "{\"id\": \"j1\", \"text\": \"Paul Martin est à Lyon.\"}\n{oops\n\u{0}\u{1}\n{\"id\": \"j4\", \"text\": \"Fin.\"}\n",
    );
    write(
        &root,
        "06-binary.jsonl",
        [0u8, 159, 146, 150, 10, 255, 10, 0xC0, 0x80],
    );
    write(&root, "07-empty.txt", "");
    write(&root, "08-image.png", [0x89, b'P', b'N', b'G']);

    for format in ["jsonl", "csv"] {
        let out_dir = dir.path().join(format!("out-{format}"));
        let out = run(
            dir.path(),
            &[
                "extract",
                "mixed",
                "--format",
                format,
                "--out",
                out_dir.to_str().unwrap(),
            ],
        );
        assert!(out.stdout.is_empty());
        let (read, _, with_errors) = out.summary();
        // 7 files read (not the .png), the first JSONL with 4 lines, the
        // second with 3: 12 documents.
        assert_eq!(read, 12, "{format}: {}", out.stderr);
        assert_eq!(with_errors, 7, "{format}: {}", out.stderr);
        assert_eq!(out.code, 1);
        if format == "jsonl" {
            let text = std::fs::read_to_string(out_dir.join("records.jsonl")).unwrap();
            let records: Vec<Value> = text
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(records.len(), read);
            let erring: Vec<&str> = records
                .iter()
                .filter(|r| !errors(r).is_empty())
                .map(|r| r["id"].as_str().unwrap())
                .collect();
            let sep = std::path::MAIN_SEPARATOR;
            assert_eq!(
                erring,
                [
                    format!("mixed{sep}02-binary.txt"),
                    format!("mixed{sep}03-invalid.md"),
                    format!("mixed{sep}05-docs.jsonl:2"),
                    format!("mixed{sep}05-docs.jsonl:3"),
                    format!("mixed{sep}06-binary.jsonl:1"),
                    format!("mixed{sep}06-binary.jsonl:2"),
                    format!("mixed{sep}06-binary.jsonl:3"),
                ]
            );
            // Every error is on stderr too, with its file (and line).
            for r in &records {
                for e in errors(r) {
                    assert!(out.stderr.contains(e), "{e}");
                }
            }
        } else {
            // errors.csv: at least one row per erring document, each naming it.
            let errors_csv = std::fs::read_to_string(out_dir.join("errors.csv")).unwrap();
            let mut docs: Vec<&str> = errors_csv
                .lines()
                .skip(1)
                .map(|l| l.split(',').next().unwrap())
                .collect();
            docs.dedup();
            assert_eq!(docs.len(), with_errors, "{errors_csv}");
        }
    }
}

#[test]
fn closed_pipe_ends_quietly_for_every_format() {
    let dir = TempDir::new().unwrap();
    let doc = (0..2000)
        .map(|i| {
            serde_json::json!({"id": format!("d{i}"), "text": format!("Le {} mai 2021, Anne Dupont a rencontré Paul Martin à Lyon.", 1 + i % 28)})
                .to_string()
                + "\n"
        })
        .collect::<String>();
    write(dir.path(), "many.jsonl", doc);
    let cases: [&[&str]; 5] = [
        &["--format", "jsonl"],
        &["--format", "csv"],
        &["--format", "csv", "--table", "mentions"],
        &["--format", "json"],
        &["--format", "outline"],
    ];
    for extra in cases {
        let mut args = vec!["extract", "many.jsonl", "--batch-size", "8"];
        args.extend_from_slice(extra);
        let (head, code, stderr) = read_then_close(dir.path(), &args, 100);
        assert_eq!(head.len(), 100, "{extra:?}");
        assert_eq!(code, 0, "{extra:?}: {stderr}");
        assert!(stderr.is_empty(), "{extra:?}: quiet, yet: {stderr}");

        // What was written before the pipe closed is whole lines: read a
        // larger prefix and check every complete line.
        let (head, code, _) = read_then_close(dir.path(), &args, 200_000);
        assert_eq!(code, 0);
        let text = String::from_utf8(head).expect("whole UTF-8 characters");
        let complete = &text[..text.rfind('\n').unwrap()];
        if extra[1] == "jsonl" {
            for line in complete.lines() {
                let r: Value = serde_json::from_str(line).unwrap();
                assert!(r["id"].is_string());
            }
        } else if extra[1] == "csv" {
            let mut reader = csv::ReaderBuilder::new().from_reader(complete.as_bytes());
            let width = reader.headers().unwrap().len();
            for row in reader.records() {
                assert_eq!(row.unwrap().len(), width);
            }
        }
    }
}
