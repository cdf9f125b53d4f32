//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// depeche turns French and English news text into structured records:
/// persons, organizations, places, titles, ISO dates, and events (who met
/// whom, when, where, in what capacity).
///
/// Exit codes: 0 all went well; 1 some documents or gazetteer rows had
/// problems (each is reported, and every document still has a record);
/// 2 nothing could be done (bad arguments, unreadable gazetteer in strict
/// mode, output not writable).
#[derive(Debug, Parser)]
#[command(name = "depeche", version, about, long_about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract records from files, folders, JSONL or standard input.
    ///
    /// Examples:
    ///   depeche extract article.txt
    ///   depeche extract corpus/ --format csv --out tables/
    ///   cat docs.jsonl | depeche extract > records.jsonl
    ///   depeche extract docs.jsonl --format csv --table participants > participants.csv
    #[command(verbatim_doc_comment)]
    Extract(ExtractArgs),
    /// Score the pipeline against a gold file (CONTRACT §4).
    ///
    /// Runs the pipeline on each gold text (with its lang and doc_date) and
    /// prints precision, recall and F1 for entities, timexes and events, with
    /// a few example misses and false alarms per layer.
    Eval(EvalArgs),
    /// Work with gazetteer files.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
}

/// `depeche gazetteer ...`
#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Validate gazetteer files: report every bad row as file:line and print
    /// entry counts by type. Exit code 1 if any row is bad.
    Check {
        /// Files to check; none checks the built-in lists.
        paths: Vec<PathBuf>,
    },
}

/// Options shared by commands that build a pipeline.
#[derive(Debug, Args, Clone)]
pub struct PipelineArgs {
    /// Language of documents that do not give one (default: detected per
    /// document).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// A gazetteer file of your own (TSV, see gazetteers/README.md);
    /// repeatable.
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,
    /// Stop on any bad gazetteer row instead of skipping it.
    #[arg(long)]
    pub strict_gazetteers: bool,
    /// Use only the gazetteers given with --gazetteer.
    #[arg(long)]
    pub no_builtin_gazetteers: bool,
    /// Leave out a stage (language, sentences, gazetteer, dates, names,
    /// linking, relations, events); stages that need it are left out too.
    #[arg(long = "skip-stage", value_name = "NAME")]
    pub skip_stages: Vec<String>,
    /// Worker threads (default: all cores). Output order never depends on it.
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,
}

/// `depeche extract`
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files (.txt, .md: one document each; .jsonl: one per line), folders
    /// (walked recursively), or - for standard input (JSONL). None: standard
    /// input.
    pub inputs: Vec<String>,
    /// Output format (default: jsonl when output is a pipe or file, outline
    /// on a terminal).
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write one file per table (CSV) or records.jsonl / records.json /
    /// outline.txt into this folder.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// With --format csv: write only this table to standard output (events,
    /// participants, entities, mentions, timexes, relations, errors).
    #[arg(long, value_name = "NAME")]
    pub table: Option<String>,
    /// How to read inputs: auto (by extension; standard input is JSONL),
    /// text, or jsonl.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormatArg,
    /// Documents processed per batch: memory stays bounded by three batches
    /// (one being read, one extracted, one written).
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch_size: usize,
    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub pipeline: PipelineArgs,
}

/// `depeche eval`
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold file (JSONL, CONTRACT §4).
    pub gold: PathBuf,
    /// Print the figures as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Entity labels to score, e.g. PER,ORG,LOC (default: all).
    #[arg(long, value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Example misses and false alarms to print per layer.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub examples: usize,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub pipeline: PipelineArgs,
}

/// `--lang`
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// French.
    Fr,
    /// English.
    En,
}

/// `--format`
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FormatArg {
    /// One JSON object per document, one per line.
    Jsonl,
    /// One JSON array of records.
    Json,
    /// CSV tables (with --out DIR: all of them; else --table NAME, default
    /// events, to standard output).
    Csv,
    /// A readable outline (what regression snapshots store).
    Outline,
}

/// `--input-format`
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputFormatArg {
    /// By extension; standard input is JSONL.
    Auto,
    /// Plain text, one document per file.
    Text,
    /// JSONL, one document per line.
    Jsonl,
}
