//! The CSV tables of CONTRACT §2: UTF-8, RFC 4180 quoting, a header row each.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::Record;

/// One of the CSV tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// One row per event.
    Events,
    /// One row per event participant.
    Participants,
    /// One row per entity.
    Entities,
    /// One row per mention.
    Mentions,
    /// One row per timex.
    Timexes,
    /// One row per relation.
    Relations,
    /// One row per document error.
    Errors,
}

impl Table {
    /// Every table, in the order files are listed.
    pub const ALL: [Table; 7] = [
        Table::Events,
        Table::Participants,
        Table::Entities,
        Table::Mentions,
        Table::Timexes,
        Table::Relations,
        Table::Errors,
    ];

    /// The table's name (`events`...), also its file stem.
    pub fn name(self) -> &'static str {
        match self {
            Table::Events => "events",
            Table::Participants => "participants",
            Table::Entities => "entities",
            Table::Mentions => "mentions",
            Table::Timexes => "timexes",
            Table::Relations => "relations",
            Table::Errors => "errors",
        }
    }

    /// Parses a table name.
    pub fn parse(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The header row.
    pub fn header(self) -> &'static [&'static str] {
        match self {
            Table::Events => &[
                "doc_id",
                "event_id",
                "type",
                "date",
                "date_source",
                "location",
                "participants",
                "roles",
                "trigger",
                "sentence",
                "status",
            ],
            Table::Participants => &[
                "doc_id",
                "event_id",
                "entity_id",
                "name",
                "label",
                "role",
                "org",
            ],
            Table::Entities => &[
                "doc_id",
                "entity_id",
                "label",
                "name",
                "mentions",
                "gazetteer_id",
                "aliases",
            ],
            Table::Mentions => &["doc_id", "entity_id", "label", "start", "end", "text"],
            Table::Timexes => &["doc_id", "start", "end", "text", "type", "value"],
            Table::Relations => &[
                "doc_id",
                "type",
                "person_id",
                "person",
                "title",
                "org_id",
                "org",
            ],
            Table::Errors => &["doc_id", "error"],
        }
    }

    /// The rows this table gets from one record.
    pub fn rows(self, r: &Record) -> Vec<Vec<String>> {
        let entity = |id: &Option<String>| -> Option<&super::EntityRecord> {
            id.as_ref()
                .and_then(|id| r.entities.iter().find(|e| &e.id == id))
        };
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        match self {
            Table::Events => r
                .events
                .iter()
                .map(|e| {
                    let names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
                    let roles: Vec<String> = e
                        .participants
                        .iter()
                        .map(|p| match (&p.role, &p.org) {
                            (Some(role), Some(org)) => format!("{role}, {org}"),
                            (Some(role), None) => role.clone(),
                            (None, Some(org)) => org.clone(),
                            (None, None) => String::new(),
                        })
                        .collect();
                    vec![
                        r.id.clone(),
                        e.id.clone(),
                        e.kind.clone(),
                        opt(&e.date),
                        e.date_source.clone(),
                        opt(&e.location),
                        names.join("; "),
                        roles.join("; "),
                        e.trigger.text.clone(),
                        e.sentence.text.clone(),
                        e.status.clone(),
                    ]
                })
                .collect(),
            Table::Participants => r
                .events
                .iter()
                .flat_map(|e| {
                    e.participants.iter().map(move |p| {
                        vec![
                            r.id.clone(),
                            e.id.clone(),
                            opt(&p.entity),
                            p.name.clone(),
                            entity(&p.entity)
                                .map(|x| x.label.clone())
                                .unwrap_or_default(),
                            opt(&p.role),
                            opt(&p.org),
                        ]
                    })
                })
                .collect(),
            Table::Entities => r
                .entities
                .iter()
                .map(|e| {
                    vec![
                        r.id.clone(),
                        e.id.clone(),
                        e.label.clone(),
                        e.name.clone(),
                        e.mentions.len().to_string(),
                        opt(&e.gazetteer_id),
                        e.aliases.join("; "),
                    ]
                })
                .collect(),
            Table::Mentions => r
                .entities
                .iter()
                .flat_map(|e| {
                    e.mentions.iter().map(move |m| {
                        vec![
                            r.id.clone(),
                            e.id.clone(),
                            e.label.clone(),
                            m.start.to_string(),
                            m.end.to_string(),
                            m.text.clone(),
                        ]
                    })
                })
                .collect(),
            Table::Timexes => r
                .timexes
                .iter()
                .map(|t| {
                    vec![
                        r.id.clone(),
                        t.start.to_string(),
                        t.end.to_string(),
                        t.text.clone(),
                        t.kind.clone(),
                        t.value.clone(),
                    ]
                })
                .collect(),
            Table::Relations => r
                .relations
                .iter()
                .map(|rel| {
                    let org = Some(rel.org.clone()).flatten();
                    vec![
                        r.id.clone(),
                        rel.kind.clone(),
                        rel.person.clone(),
                        entity(&Some(rel.person.clone()))
                            .map(|e| e.name.clone())
                            .unwrap_or_default(),
                        rel.title.clone(),
                        opt(&org),
                        entity(&org).map(|e| e.name.clone()).unwrap_or_default(),
                    ]
                })
                .collect(),
            Table::Errors => r
                .errors
                .iter()
                .map(|e| vec![r.id.clone(), e.clone()])
                .collect(),
        }
    }
}

/// Writers for some or all CSV tables, each with its header written first.
///
/// ```
/// use depeche::output::{CsvTables, Table};
/// let x = depeche::Pipeline::french()?.extract("Le 3 mai 2021, à Paris.");
/// let mut tables = CsvTables::single(Table::Timexes, Vec::new())?;
/// tables.write(&x.record())?;
/// let out = String::from_utf8(tables.into_inner()?.remove(0)).unwrap();
/// assert!(out.starts_with("doc_id,start,end,text,type,value\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct CsvTables<W: Write> {
    writers: Vec<(Table, csv::Writer<W>)>,
}

impl CsvTables<BufWriter<File>> {
    /// Creates `DIR/<table>.csv` for every table (and `DIR` itself).
    ///
    /// # Errors
    /// When the folder or a file cannot be created.
    pub fn create_dir(dir: &Path) -> csv::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let mut writers = Vec::new();
        for table in Table::ALL {
            let file = File::create(dir.join(format!("{}.csv", table.name())))?;
            let mut w = csv::Writer::from_writer(BufWriter::new(file));
            w.write_record(table.header())?;
            writers.push((table, w));
        }
        Ok(CsvTables { writers })
    }
}

impl<W: Write> CsvTables<W> {
    /// One table written to `out`.
    ///
    /// # Errors
    /// When the header cannot be written.
    pub fn single(table: Table, out: W) -> csv::Result<Self> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(table.header())?;
        Ok(CsvTables {
            writers: vec![(table, w)],
        })
    }

    /// Writes a record's rows to every table.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write(&mut self, record: &Record) -> csv::Result<()> {
        for (table, w) in &mut self.writers {
            for row in table.rows(record) {
                w.write_record(&row)?;
            }
        }
        Ok(())
    }

    /// Flushes every table.
    ///
    /// # Errors
    /// When flushing fails.
    pub fn flush(&mut self) -> std::io::Result<()> {
        for (_, w) in &mut self.writers {
            w.flush()?;
        }
        Ok(())
    }

    /// Flushes and returns the underlying writers.
    ///
    /// # Errors
    /// When flushing fails.
    pub fn into_inner(self) -> std::io::Result<Vec<W>> {
        self.writers
            .into_iter()
            .map(|(_, w)| w.into_inner().map_err(|e| e.into_error()))
            .collect()
    }
}
