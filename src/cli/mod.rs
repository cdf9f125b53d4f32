//! The command line: turns arguments into library calls, opens inputs and
//! outputs, and reports. No extraction logic lives here.

pub mod args;
mod eval;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use depeche::input::{InputFormat, InputItem, InputReader, Source};
use depeche::output::{self, CsvTables, Record, Table};
use depeche::{InputDocument, Lang, Pipeline};

use args::{Cli, Command, ExtractArgs, FormatArg, GazetteerCommand, InputFormatArg, PipelineArgs};

/// How a run ended.
pub struct Outcome {
    problems: bool,
}

impl Outcome {
    /// 0 when all went well, 1 when some input had problems.
    pub fn exit_code(&self) -> ExitCode {
        if self.problems {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// True when the error is a closed output pipe (`depeche ... | head`): not a
/// failure of ours.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<csv::Error>()
                .is_some_and(|e| match e.kind() {
                    csv::ErrorKind::Io(io) => io.kind() == io::ErrorKind::BrokenPipe,
                    _ => false,
                })
    })
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Eval(args) => eval::run(args),
        Command::Gazetteer(GazetteerCommand::Check { paths }) => check_gazetteers(paths),
    }
}

/// Builds the pipeline the options describe, reporting skipped gazetteer rows.
pub fn build_pipeline(args: &PipelineArgs, quiet: bool) -> Result<(Pipeline, bool)> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot set up worker threads")?;
    }
    let mut builder = Pipeline::builder().strict_gazetteers(args.strict_gazetteers);
    if let Some(lang) = args.lang {
        builder = builder.language(match lang {
            args::LangArg::Fr => Lang::Fr,
            args::LangArg::En => Lang::En,
        });
    }
    for path in &args.gazetteers {
        builder = builder.gazetteer_file(path);
    }
    if args.no_builtin_gazetteers {
        builder = builder.without_builtin_gazetteers();
    }
    for stage in &args.skip_stages {
        builder = builder.skip_stage(stage);
    }
    let pipeline = builder.build()?;
    let problems = pipeline.gazetteer_problems();
    if !quiet {
        for p in problems {
            eprintln!("depeche: {p} (row skipped)");
        }
    }
    let had_problems = !problems.is_empty();
    Ok((pipeline, had_problems))
}

/// Where records go.
///
/// `Send`: records are written on a worker thread while the next batch is
/// extracted.
enum Sink {
    Jsonl(Box<dyn Write + Send>),
    Json {
        out: Box<dyn Write + Send>,
        first: bool,
    },
    Csv(CsvTables<Box<dyn Write + Send>>),
    CsvDir(CsvTables<BufWriter<std::fs::File>>),
    Outline(Box<dyn Write + Send>),
}

impl Sink {
    fn open(args: &ExtractArgs) -> Result<Sink> {
        let format = args
            .format
            .unwrap_or(if io::stdout().is_terminal() && args.out.is_none() {
                FormatArg::Outline
            } else {
                FormatArg::Jsonl
            });
        if args.table.is_some() && format != FormatArg::Csv {
            bail!("--table goes with --format csv");
        }
        let file = |name: &str| -> Result<Box<dyn Write + Send>> {
            match &args.out {
                Some(dir) => {
                    std::fs::create_dir_all(dir)
                        .with_context(|| format!("cannot create {}", dir.display()))?;
                    let path = dir.join(name);
                    let f = std::fs::File::create(&path)
                        .with_context(|| format!("cannot create {}", path.display()))?;
                    Ok(Box::new(BufWriter::new(f)))
                }
                None => Ok(Box::new(BufWriter::with_capacity(1 << 16, io::stdout()))),
            }
        };
        Ok(match format {
            FormatArg::Jsonl => Sink::Jsonl(file("records.jsonl")?),
            FormatArg::Json => {
                let mut out = file("records.json")?;
                out.write_all(b"[")?;
                Sink::Json { out, first: true }
            }
            FormatArg::Outline => Sink::Outline(file("outline.txt")?),
            FormatArg::Csv => match (&args.out, &args.table) {
                (Some(dir), None) => Sink::CsvDir(
                    CsvTables::create_dir(dir)
                        .with_context(|| format!("cannot write tables in {}", dir.display()))?,
                ),
                (_, table) => {
                    let name = table.as_deref().unwrap_or("events");
                    let table = Table::parse(name).with_context(|| {
                        format!(
                            "unknown table {name:?} (expected {})",
                            Table::ALL.map(|t| t.name()).join(", ")
                        )
                    })?;
                    let out = match &args.out {
                        Some(_) => file(&format!("{name}.csv"))?,
                        None => Box::new(BufWriter::new(io::stdout())),
                    };
                    Sink::Csv(CsvTables::single(table, out)?)
                }
            },
        })
    }

    /// How this sink's records are turned into bytes in the workers.
    fn render(&self) -> Render {
        match self {
            Sink::Jsonl(_) => Render::JsonLine,
            Sink::Json { .. } => Render::PrettyJson,
            Sink::Outline(_) => Render::Outline,
            Sink::Csv(_) | Sink::CsvDir(_) => Render::Tables,
        }
    }

    /// Writes a record: the bytes [`Render`] made of it for this sink, or,
    /// for CSV tables, the record itself.
    fn write(&mut self, output: &Output) -> Result<()> {
        match (self, output) {
            (Sink::Jsonl(out) | Sink::Outline(out), Output::Bytes(bytes)) => {
                out.write_all(bytes)?
            }
            (Sink::Json { out, first }, Output::Bytes(bytes)) => {
                out.write_all(if *first { b"\n" } else { b",\n" })?;
                *first = false;
                out.write_all(bytes)?;
            }
            (Sink::Csv(t), Output::Record(record)) => t.write(record)?,
            (Sink::CsvDir(t), Output::Record(record)) => t.write(record)?,
            _ => bail!("internal error: a record made ready for another output format"),
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        match self {
            Sink::Jsonl(out) | Sink::Outline(out) | Sink::Json { out, .. } => out.flush()?,
            Sink::Csv(t) => t.flush()?,
            Sink::CsvDir(t) => t.flush()?,
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if let Sink::Json { out, .. } = &mut self {
            out.write_all(b"\n]\n")?;
        }
        self.flush()
    }
}

/// How a record becomes output bytes in the worker that extracted it, for
/// the formats that need nothing but the record: serializing is about a
/// third of a JSON lines run's work, and made here it runs in parallel, off
/// the thread that writes, and into memory rather than through many small
/// writes. CSV tables keep state across records (headers, a file per table)
/// and are written from the record.
#[derive(Clone, Copy)]
enum Render {
    JsonLine,
    PrettyJson,
    Outline,
    Tables,
}

impl Render {
    /// The record made ready to write: its bytes in this format, the record
    /// itself dropped here in the worker (a batch keeps only its bytes), or
    /// for CSV tables the record.
    fn finish(self, mut record: Record) -> Result<Finished> {
        let bytes = match self {
            Render::Tables => {
                return Ok(Finished {
                    id: record.id.clone(),
                    errors: record.errors.clone(),
                    output: Output::Record(Box::new(record)),
                })
            }
            Render::JsonLine => {
                let mut bytes = Vec::new();
                output::push_jsonl(&mut bytes, &record)?;
                bytes
            }
            Render::PrettyJson => serde_json::to_vec_pretty(&record)?,
            Render::Outline => {
                let mut bytes = output::outline(&record).into_bytes();
                bytes.push(b'\n');
                bytes
            }
        };
        Ok(Finished {
            id: std::mem::take(&mut record.id),
            errors: std::mem::take(&mut record.errors),
            output: Output::Bytes(bytes),
        })
    }
}

/// A document's output, ready to write (see [`Render`]), with what the
/// summary reports of it.
struct Finished {
    id: String,
    errors: Vec<String>,
    output: Output,
}

/// What is written of a record.
enum Output {
    /// Its JSON, JSON line or outline.
    Bytes(Vec<u8>),
    /// The record, for the CSV tables.
    Record(Box<Record>),
}

/// Counts for the closing summary; they always balance: every document read
/// yields one record.
#[derive(Default)]
struct Tally {
    read: usize,
    written: usize,
    with_errors: usize,
}

fn extract(args: ExtractArgs) -> Result<Outcome> {
    let (pipeline, gazetteer_problems) = build_pipeline(&args.pipeline, args.quiet)?;
    let sources: Vec<Source> = if args.inputs.is_empty() {
        vec![Source::Stdin]
    } else {
        args.inputs.iter().map(|s| Source::parse(s)).collect()
    };
    let format = match args.input_format {
        InputFormatArg::Auto => InputFormat::Auto,
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
    };
    let mut reader = InputReader::new(sources, format);
    let mut sink = Sink::open(&args)?;
    let mut tally = Tally::default();
    let progress = Progress::new(args.quiet);
    let batch_size = args.batch_size.max(1);
    // Three batches at most are in memory: one being extracted, the one
    // before it being written and the one after it being read. Reading and
    // writing run beside the extraction (`rayon::join`), so the workers do
    // not wait for them; records still come out in input order.
    let mut batch = read_batch(&mut reader, batch_size, &mut tally.read);
    let render = sink.render();
    let mut done: Vec<Finished> = Vec::new();
    while !batch.is_empty() {
        let (records, (written, next)) = rayon::join(
            || process_batch(&pipeline, render, batch),
            || {
                let written = write_batch(&mut sink, &done, &mut tally, &progress, args.quiet);
                let next = read_batch(&mut reader, batch_size, &mut tally.read);
                (written, next)
            },
        );
        written?;
        done = records;
        batch = next;
    }
    write_batch(&mut sink, &done, &mut tally, &progress, args.quiet)?;
    sink.finish()?;
    progress.finish();
    if !args.quiet {
        eprintln!(
            "depeche: {} documents read, {} records written, {} with errors",
            tally.read, tally.written, tally.with_errors
        );
    }
    Ok(Outcome {
        problems: tally.with_errors > 0 || gazetteer_problems,
    })
}

/// The next batch of input: `batch_size` documents or, whichever comes
/// first, about 64 MB of text, so memory is bounded even for huge
/// documents. Empty at the end of the input.
fn read_batch(
    reader: &mut InputReader,
    batch_size: usize,
    read: &mut usize,
) -> Vec<Result<InputDocument, Record>> {
    const BATCH_BYTES: usize = 64 << 20;
    let mut batch = Vec::with_capacity(batch_size);
    let mut bytes = 0;
    for item in reader.by_ref() {
        *read += 1;
        match item {
            InputItem::Document(doc) => {
                bytes += doc.text.len();
                batch.push(Ok(doc));
            }
            InputItem::Failed { id, error } => batch.push(Err(Record::failed(id, error))),
        }
        if batch.len() >= batch_size || bytes >= BATCH_BYTES {
            break;
        }
    }
    batch
}

/// Writes a batch's records and reports their errors.
fn write_batch(
    sink: &mut Sink,
    records: &[Finished],
    tally: &mut Tally,
    progress: &Progress,
    quiet: bool,
) -> Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    for record in records {
        if !record.errors.is_empty() {
            tally.with_errors += 1;
            if !quiet {
                for e in &record.errors {
                    // Most errors already start with where they are.
                    if e.starts_with(&format!("{}:", record.id)) {
                        progress.println(&format!("depeche: {e}"));
                    } else {
                        progress.println(&format!("depeche: {}: {e}", record.id));
                    }
                }
            }
        }
        sink.write(&record.output)?;
        tally.written += 1;
    }
    // Flush after every batch: downstream readers (a pipe, Spark's `pipe()`)
    // see complete lines as the run goes.
    sink.flush()?;
    progress.update(tally.written);
    Ok(())
}

/// Runs a batch in parallel, each record rendered by its worker; records
/// come back in input order.
fn process_batch(
    pipeline: &Pipeline,
    render: Render,
    batch: Vec<Result<InputDocument, Record>>,
) -> Vec<Finished> {
    use rayon::prelude::*;
    batch
        .into_par_iter()
        .map(|item| {
            let (id, record) = match item {
                Ok(doc) => {
                    // The pipeline catches its stages' panics; this catches
                    // one in building the record, so that the document still
                    // gets its record and the summary still balances.
                    let id = doc.id.clone();
                    let record = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        pipeline.process(doc).record()
                    }));
                    (id, record.ok())
                }
                Err(failed) => (failed.id.clone(), Some(failed)),
            };
            let finished = record.and_then(|record| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| render.finish(record)))
                    .ok()
                    .and_then(Result::ok)
            });
            finished.unwrap_or_else(|| {
                let error = format!("{id}: internal error (please report this input)");
                // A record with no content is written whatever happened above.
                render
                    .finish(Record::failed(id.clone(), error.clone()))
                    .unwrap_or_else(|_| Finished {
                        id,
                        errors: vec![error],
                        output: Output::Bytes(Vec::new()),
                    })
            })
        })
        .collect()
}

/// A progress line on standard error, shown only on a terminal and only once
/// a run has lasted a moment.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let bar = (!quiet && io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::hidden();
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {pos} documents · {per_sec} · {elapsed}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    fn update(&self, done: usize) {
        if let Some(bar) = &self.bar {
            if bar.is_hidden() && self.started.elapsed() > Duration::from_secs(2) {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.set_position(done as u64);
        }
    }

    fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) if !bar.is_hidden() => bar.println(line),
            _ => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn check_gazetteers(paths: Vec<std::path::PathBuf>) -> Result<Outcome> {
    use depeche::gazetteer::{Gazetteer, BUILTIN_FILES};
    let mut bad = false;
    let mut report = |name: String, loaded: depeche::gazetteer::Loaded| {
        for p in &loaded.problems {
            println!("{p}");
        }
        bad |= !loaded.problems.is_empty();
        let counts: Vec<String> = loaded
            .gazetteer
            .counts()
            .into_iter()
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        println!(
            "{name}: {} entries ({}), {} bad rows",
            loaded.gazetteer.len(),
            counts.join(", "),
            loaded.problems.len()
        );
    };
    if paths.is_empty() {
        for (name, text) in BUILTIN_FILES {
            report(
                format!("builtin:{name}"),
                Gazetteer::parse_str(&format!("builtin:{name}"), text),
            );
        }
    }
    for path in paths {
        let loaded = Gazetteer::load(&path)?;
        report(path.display().to_string(), loaded);
    }
    Ok(Outcome { problems: bad })
}
