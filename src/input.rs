//! Reading inputs: text files, folders, JSONL files and standard input, as a
//! stream of documents in a deterministic order.
//!
//! Nothing here stops on bad input: a missing file, a malformed JSONL line or
//! invalid UTF-8 becomes an [`InputItem::Failed`] or an error note on the
//! document, with its `file:line`, and reading goes on.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::pipeline::InputDocument;
use crate::Lang;

/// How to read a file or standard input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// By extension: `.jsonl` is JSONL, anything else one text document;
    /// standard input is JSONL.
    #[default]
    Auto,
    /// One text document per file (or all of standard input).
    Text,
    /// One JSON document per line.
    Jsonl,
}

/// One item of the input stream.
#[derive(Debug, Clone, PartialEq)]
pub enum InputItem {
    /// A document to process (possibly with error notes).
    Document(InputDocument),
    /// An input that holds no readable document: it still yields a record,
    /// carrying the error.
    Failed {
        /// The id the record gets (`FILE:LINE` or the path).
        id: String,
        /// What went wrong, with where.
        error: String,
    },
}

/// A source: a path, or `-` for standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file or a folder.
    Path(PathBuf),
}

impl Source {
    /// `-` is standard input; anything else a path.
    pub fn parse(arg: &str) -> Source {
        if arg == "-" {
            Source::Stdin
        } else {
            Source::Path(PathBuf::from(arg))
        }
    }
}

/// Reads sources one after the other and yields their documents in order.
///
/// Folders are walked recursively in name order (`.txt`, `.md` and `.jsonl`
/// files), following links but never the same folder twice, so a link loop
/// ends. JSONL is read line by line, so memory stays flat whatever the input
/// size.
///
/// ```
/// use depeche::input::{InputItem, InputReader};
/// let data = "{\"id\": \"a\", \"text\": \"Bonjour.\"}\nnot json\n";
/// let items: Vec<InputItem> = InputReader::from_jsonl_reader("mem", data.as_bytes()).collect();
/// assert!(matches!(&items[0], InputItem::Document(d) if d.id == "a"));
/// assert!(matches!(&items[1], InputItem::Failed { id, .. } if id == "mem:2"));
/// ```
pub struct InputReader {
    pending: std::collections::VecDeque<Pending>,
    format: InputFormat,
    current: Option<JsonlLines>,
    visited_dirs: HashSet<PathBuf>,
}

enum Pending {
    Source(Source),
    Item(InputItem),
}

struct JsonlLines {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
}

impl InputReader {
    /// A reader over `sources`, in order.
    pub fn new(sources: Vec<Source>, format: InputFormat) -> InputReader {
        InputReader {
            pending: sources.into_iter().map(Pending::Source).collect(),
            format,
            current: None,
            visited_dirs: HashSet::new(),
        }
    }

    /// A reader over JSONL from any `Read` (`name` is used in ids and
    /// errors).
    pub fn from_jsonl_reader(name: &str, reader: impl Read + Send + 'static) -> InputReader {
        let mut r = InputReader::new(Vec::new(), InputFormat::Jsonl);
        r.current = Some(JsonlLines {
            name: name.to_string(),
            reader: Box::new(BufReader::new(reader)),
            line: 0,
        });
        r
    }

    fn open(&mut self, source: Source) {
        match source {
            Source::Stdin => {
                if self.format == InputFormat::Text {
                    let mut bytes = Vec::new();
                    let item = match std::io::stdin().lock().read_to_end(&mut bytes) {
                        Ok(_) => text_document("-", &bytes),
                        Err(e) => InputItem::Failed {
                            id: "-".into(),
                            error: format!("-: cannot read standard input: {e}"),
                        },
                    };
                    self.pending.push_front(Pending::Item(item));
                } else {
                    self.current = Some(JsonlLines {
                        name: "-".into(),
                        reader: Box::new(BufReader::new(std::io::stdin())),
                        line: 0,
                    });
                }
            }
            Source::Path(path) => self.open_path(path),
        }
    }

    fn open_path(&mut self, path: PathBuf) {
        let shown = path.display().to_string();
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                self.pending.push_front(Pending::Item(InputItem::Failed {
                    id: shown.clone(),
                    error: format!("{shown}: cannot read: {e}"),
                }));
                return;
            }
        };
        if meta.is_dir() {
            let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if !self.visited_dirs.insert(canonical) {
                return; // a link back to a folder already walked
            }
            let mut children: Vec<PathBuf> = match std::fs::read_dir(&path) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => {
                    self.pending.push_front(Pending::Item(InputItem::Failed {
                        id: shown.clone(),
                        error: format!("{shown}: cannot list folder: {e}"),
                    }));
                    return;
                }
            };
            children.sort();
            let wanted: Vec<Pending> = children
                .into_iter()
                .filter(|p| p.is_dir() || has_input_extension(p))
                .map(|p| Pending::Source(Source::Path(p)))
                .collect();
            for p in wanted.into_iter().rev() {
                self.pending.push_front(p);
            }
            return;
        }
        let is_jsonl = match self.format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => path.extension().is_some_and(|e| e == "jsonl"),
        };
        if is_jsonl {
            match File::open(&path) {
                Ok(f) => {
                    self.current = Some(JsonlLines {
                        name: shown,
                        reader: Box::new(BufReader::with_capacity(1 << 16, f)),
                        line: 0,
                    })
                }
                Err(e) => self.pending.push_front(Pending::Item(InputItem::Failed {
                    id: shown.clone(),
                    error: format!("{shown}: cannot read: {e}"),
                })),
            }
        } else {
            let item = match std::fs::read(&path) {
                Ok(bytes) => text_document(&shown, &bytes),
                Err(e) => InputItem::Failed {
                    id: shown.clone(),
                    error: format!("{shown}: cannot read: {e}"),
                },
            };
            self.pending.push_front(Pending::Item(item));
        }
    }

    fn next_jsonl(&mut self) -> Option<InputItem> {
        let current = self.current.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match current.reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {
                    current.line += 1;
                    let mut line = trim_line(&buf);
                    // A UTF-8 byte order mark before the first line (as
                    // some Windows editors write) is not part of the JSON.
                    if current.line == 1 {
                        line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                    }
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(jsonl_document(&current.name, current.line, line));
                }
                Err(e) => {
                    current.line += 1;
                    let item = InputItem::Failed {
                        id: format!("{}:{}", current.name, current.line),
                        error: format!(
                            "{}:{}: read error, rest of input skipped: {e}",
                            current.name, current.line
                        ),
                    };
                    self.current = None;
                    return Some(item);
                }
            }
        }
    }
}

impl Iterator for InputReader {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            match self.pending.pop_front()? {
                Pending::Item(item) => return Some(item),
                Pending::Source(source) => self.open(source),
            }
        }
    }
}

fn has_input_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "txt" | "md" | "jsonl"))
}

fn trim_line(buf: &[u8]) -> &[u8] {
    let mut line = buf;
    while let [rest @ .., b'\n' | b'\r'] = line {
        line = rest;
    }
    line
}

/// Decodes a text file: UTF-8 (BOM dropped), UTF-16 with a BOM, or lossy
/// UTF-8 with a note saying so.
pub fn decode_text(bytes: &[u8]) -> (String, Option<String>) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_text(rest);
    }
    let utf16 = |le: bool, body: &[u8]| {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        let text = String::from_utf16_lossy(&units);
        let note = (body.len() % 2 == 1 || text.contains('\u{FFFD}'))
            .then(|| "invalid UTF-16 replaced with U+FFFD".to_string());
        (text, note)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(false, rest);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => {
            let valid = e.valid_up_to();
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
            (
                String::from_utf8_lossy(bytes).into_owned(),
                Some(format!(
                    "invalid UTF-8 from line {line} (byte {valid}) replaced with U+FFFD"
                )),
            )
        }
    }
}

fn text_document(id: &str, bytes: &[u8]) -> InputItem {
    let (text, note) = decode_text(bytes);
    let mut doc = InputDocument::new(id, text);
    if let Some(note) = note {
        doc.errors.push(format!("{id}: {note}"));
    }
    // NULs in the decoded text: a UTF-16 file has zero bytes that are no NULs.
    if doc.text.contains('\0') {
        doc.errors
            .push(format!("{id}: contains NUL bytes: is it a binary file?"));
    }
    InputItem::Document(doc)
}

/// Parses a date field: `YYYY-MM-DD`, optionally followed by a time.
pub fn parse_date(s: &str) -> Option<crate::doc::Date> {
    let head = s.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

fn jsonl_document(name: &str, line: usize, bytes: &[u8]) -> InputItem {
    let at = format!("{name}:{line}");
    let (raw, note) = match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(_) => (
            String::from_utf8_lossy(bytes),
            Some(format!("{at}: invalid UTF-8 replaced with U+FFFD")),
        ),
    };
    let value: serde_json::Value = match serde_json::from_str(&raw) {
        Ok(v) => v,
        Err(e) => {
            return InputItem::Failed {
                id: at.clone(),
                error: format!("{at}: not valid JSON ({e}); each line must be one JSON object (use --input-format text for plain text)"),
            }
        }
    };
    // Owned, so that the text moves into the document rather than being copied.
    let mut obj = match value {
        serde_json::Value::Object(obj) => obj,
        other => {
            return InputItem::Failed {
                id: at.clone(),
                error: format!("{at}: expected a JSON object, found {}", json_kind(&other)),
            }
        }
    };
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => at.clone(),
    };
    let text = match obj.remove("text") {
        Some(serde_json::Value::String(s)) => s,
        Some(other) => {
            return InputItem::Failed {
                id,
                error: format!(
                    "{at}: \"text\" must be a string, found {}",
                    json_kind(&other)
                ),
            }
        }
        None => {
            return InputItem::Failed {
                id,
                error: format!("{at}: missing \"text\" (the document's text, a string)"),
            }
        }
    };
    let mut doc = InputDocument::new(id, text);
    doc.errors.extend(note);
    match obj.get("lang") {
        None | Some(serde_json::Value::Null) => {}
        Some(serde_json::Value::String(s)) => match Lang::parse(s) {
            Some(lang) => doc.lang = Some(lang),
            None => doc.errors.push(format!(
                "{at}: lang {s:?} is not supported (expected fr or en); detecting it instead"
            )),
        },
        Some(other) => doc.errors.push(format!(
            "{at}: \"lang\" must be a string, found {}; detecting it instead",
            json_kind(other)
        )),
    }
    let date_field = obj.get("date").or_else(|| obj.get("doc_date"));
    match date_field {
        None | Some(serde_json::Value::Null) => {}
        Some(serde_json::Value::String(s)) => match parse_date(s) {
            Some(d) => doc.date = Some(d),
            None => doc.errors.push(format!(
                "{at}: date {s:?} is not YYYY-MM-DD; reading the date from the text instead"
            )),
        },
        Some(other) => doc.errors.push(format!(
            "{at}: \"date\" must be a string, found {}",
            json_kind(other)
        )),
    }
    InputItem::Document(doc)
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &[u8]) -> Vec<InputItem> {
        InputReader::from_jsonl_reader("in.jsonl", std::io::Cursor::new(data.to_vec())).collect()
    }

    #[test]
    fn every_line_is_accounted_for() {
        let data = b"{\"text\": \"a\", \"lang\": \"fr\", \"date\": \"2021-10-15\"}\n\n{\"text\": 3}\n[1]\n{\"id\": \"x\"}\n{\"text\": \"b\", \"doc_date\": \"15/10\", \"lang\": \"de\"}\n{\"text\": \"tr\xffuncated\"}\n{\"text\": \"c";
        let items = read(data);
        assert_eq!(items.len(), 7);
        let InputItem::Document(first) = &items[0] else {
            panic!()
        };
        assert_eq!(first.id, "in.jsonl:1");
        assert_eq!(first.lang, Some(Lang::Fr));
        assert_eq!(first.date, parse_date("2021-10-15"));
        assert!(
            matches!(&items[1], InputItem::Failed { error, .. } if error.starts_with("in.jsonl:3: \"text\" must be a string"))
        );
        assert!(
            matches!(&items[2], InputItem::Failed { error, .. } if error.contains("expected a JSON object, found an array"))
        );
        assert!(
            matches!(&items[3], InputItem::Failed { id, error } if id == "x" && error.contains("missing \"text\""))
        );
        let InputItem::Document(b) = &items[4] else {
            panic!()
        };
        assert_eq!(b.errors.len(), 2, "{:?}", b.errors);
        let InputItem::Document(c) = &items[5] else {
            panic!()
        };
        assert!(c.errors[0].contains("invalid UTF-8"));
        assert!(matches!(&items[6], InputItem::Failed { id, .. } if id == "in.jsonl:8"));
    }

    #[test]
    fn decodes_boms_and_reports_bad_bytes() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFabc"), ("abc".to_string(), None));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_text(&utf16).0, "é");
        let (text, note) = decode_text(b"ok\nbad \xff here");
        assert_eq!(text, "ok\nbad \u{fffd} here");
        assert!(note.unwrap().contains("line 2"));
    }

    #[test]
    fn utf16_text_is_no_binary_file_and_a_jsonl_bom_is_skipped() {
        // Regression: the zero bytes of UTF-16 were reported as NULs.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Paris".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let InputItem::Document(d) = text_document("a.txt", &utf16) else {
            panic!()
        };
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        let InputItem::Document(d) = text_document("b.txt", b"a\0b") else {
            panic!()
        };
        assert!(d.errors[0].contains("NUL"));
        // Regression: a UTF-8 BOM made the first JSONL line invalid JSON.
        let items = read(b"\xEF\xBB\xBF{\"text\": \"Paris\"}\n\xEF\xBB\xBF{\"text\": \"x\"}\n");
        assert!(matches!(&items[0], InputItem::Document(d) if d.text == "Paris"));
        assert!(
            matches!(&items[1], InputItem::Failed { .. }),
            "only before the first line"
        );
    }
}
