//! The pipeline: named stages over one [`Document`], run in a checked order.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::doc::{Date, DateSource, Document};
use crate::error::{Error, GazetteerProblem};
use crate::gazetteer::Gazetteer;
use crate::stages;
use crate::Lang;

/// The layers of a [`Document`] that stages read and write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// `lang`.
    Language,
    /// `sentences` and `dateline`.
    Sentences,
    /// `cues` (titles, honorifics, given names, triggers) and gazetteer
    /// mentions.
    Gazetteer,
    /// `timexes`, and the document date read from the text.
    Timexes,
    /// `mentions` found by name rules, and `titles`.
    Names,
    /// `entities`.
    Entities,
    /// `relations`.
    Relations,
    /// `events`.
    Events,
}

/// Why a stage could not finish a document. The message goes into the
/// document's `errors`; the document still yields a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StageError(pub String);

/// One step of the pipeline: reads some layers of a document, adds others.
///
/// Stages are built once and shared by every worker thread, so they run on
/// `&self`. A stage declares the layers it `requires` and `provides`;
/// [`PipelineBuilder::build`] checks the order once.
pub trait Stage: Send + Sync {
    /// A short name (`sentences`, `gazetteer`, `dates`...), used by
    /// `--skip-stage` and in error messages.
    fn name(&self) -> &'static str;
    /// Layers that must exist before this stage runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers this stage adds.
    fn provides(&self) -> &'static [Layer];
    /// Runs on one document.
    ///
    /// # Errors
    /// A [`StageError`] when the stage could not complete; what it added so
    /// far stays.
    fn run(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// One document to process: its text and what the caller knows about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InputDocument {
    /// An id for the output record.
    pub id: String,
    /// The text.
    pub text: String,
    /// The language, when known.
    pub lang: Option<Lang>,
    /// The publication date, when known.
    pub date: Option<Date>,
    /// Problems met while reading the input (a lossy decoding, a bad date
    /// field); they are copied into the record's `errors`.
    pub errors: Vec<String>,
}

impl InputDocument {
    /// An input with an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> InputDocument {
        InputDocument {
            id: id.into(),
            text: text.into(),
            ..InputDocument::default()
        }
    }
}

/// A processed document: every layer the pipeline added.
///
/// Derefs to the [`Document`] for reading; turn it into the output schema
/// with [`Record::from_document`](crate::output::Record::from_document).
#[derive(Clone, Debug)]
pub struct Extraction(Document);

impl Extraction {
    /// The processed document.
    pub fn document(&self) -> &Document {
        &self.0
    }

    /// Takes the document out.
    pub fn into_document(self) -> Document {
        self.0
    }

    /// The output record (code-point offsets, the contract's schema).
    pub fn record(&self) -> crate::output::Record {
        crate::output::Record::from_document(&self.0)
    }
}

impl std::ops::Deref for Extraction {
    type Target = Document;
    fn deref(&self) -> &Document {
        &self.0
    }
}

/// The configured chain of stages. Immutable, `Send + Sync`, shared by every
/// rayon worker.
///
/// # Example
/// ```
/// let pipeline = depeche::Pipeline::french()?;
/// let x = pipeline.extract("Le 3 mai 2021, Anne Dupont a rencontré Paul Martin à Lyon.");
/// assert_eq!(x.lang, Some(depeche::Lang::Fr));
/// assert_eq!(x.events[0].participants.len(), 2);
/// # Ok::<(), depeche::Error>(())
/// ```
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    default_lang: Option<Lang>,
    gazetteer_problems: Vec<GazetteerProblem>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("stages", &self.stage_names())
            .field("default_lang", &self.default_lang)
            .finish()
    }
}

impl Pipeline {
    /// A builder with the built-in gazetteers and every stage.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The full pipeline for French text: documents that do not give a `lang`
    /// are taken as French.
    ///
    /// # Errors
    /// Only if the built-in data fail to load, which the tests rule out.
    pub fn french() -> Result<Pipeline, Error> {
        Pipeline::builder().language(Lang::Fr).build()
    }

    /// The full pipeline for English text.
    ///
    /// # Errors
    /// As [`Pipeline::french`].
    pub fn english() -> Result<Pipeline, Error> {
        Pipeline::builder().language(Lang::En).build()
    }

    /// The names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Problems met while loading gazetteers (bad rows skipped).
    pub fn gazetteer_problems(&self) -> &[GazetteerProblem] {
        &self.gazetteer_problems
    }

    /// Extracts everything from one text.
    pub fn extract(&self, text: &str) -> Extraction {
        self.process(InputDocument::new("", text))
    }

    /// Processes one input document. Never panics on any input: a stage that
    /// fails (or panics) is recorded in the document's `errors`, and the
    /// stages that need its layers are skipped.
    pub fn process(&self, input: InputDocument) -> Extraction {
        let mut doc = Document::new(input.id, input.text);
        doc.errors = input.errors;
        if let Some(lang) = input.lang {
            doc.lang = Some(lang);
        }
        if let Some(date) = input.date {
            doc.date = Some(date);
            doc.date_source = Some(DateSource::Input);
        }
        if doc.lang.is_none() {
            doc.lang = self.default_lang;
        }
        let mut missing: Vec<Layer> = Vec::new();
        for stage in &self.stages {
            if stage.requires().iter().any(|l| missing.contains(l)) {
                missing.extend_from_slice(stage.provides());
                continue;
            }
            let outcome = catch_unwind(AssertUnwindSafe(|| stage.run(&mut doc)));
            let failure = match outcome {
                Ok(Ok(())) => continue,
                Ok(Err(err)) => err.0,
                Err(_) => "internal error (the stage panicked; please report this input)".into(),
            };
            doc.errors
                .push(format!("stage {} failed: {failure}", stage.name()));
            missing.extend_from_slice(stage.provides());
        }
        if doc.date_source.is_none() {
            doc.date_source = Some(DateSource::None);
        }
        Extraction(doc)
    }

    /// Processes many documents in parallel (rayon). The output keeps the
    /// input order, whatever the number of threads.
    pub fn extract_all(&self, inputs: Vec<InputDocument>) -> Vec<Extraction> {
        inputs.into_par_iter().map(|d| self.process(d)).collect()
    }
}

/// Configures a [`Pipeline`]; every check happens once, in
/// [`build`](PipelineBuilder::build).
///
/// ```
/// use depeche::{Lang, Pipeline};
/// let pipeline = Pipeline::builder()
///     .language(Lang::En)
///     .skip_stage("events")
///     .build()?;
/// assert!(!pipeline.stage_names().contains(&"events"));
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Debug, Default, Clone)]
pub struct PipelineBuilder {
    lang: Option<Lang>,
    gazetteer_files: Vec<PathBuf>,
    gazetteers: Vec<Gazetteer>,
    no_builtin: bool,
    strict: bool,
    skip: Vec<String>,
}

impl PipelineBuilder {
    /// The language of documents that do not give one (otherwise detected).
    pub fn language(mut self, lang: Lang) -> Self {
        self.lang = Some(lang);
        self
    }

    /// Adds a user gazetteer file (TSV, see `gazetteers/README.md`).
    pub fn gazetteer_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.gazetteer_files.push(path.into());
        self
    }

    /// Adds a gazetteer already loaded.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteers.push(gazetteer);
        self
    }

    /// Leaves out the built-in gazetteers (only user files are used).
    pub fn without_builtin_gazetteers(mut self) -> Self {
        self.no_builtin = true;
        self
    }

    /// Makes any bad gazetteer row a build error instead of a skipped row.
    pub fn strict_gazetteers(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Leaves out a stage by name; stages that need its layers are left out
    /// too.
    pub fn skip_stage(mut self, name: impl Into<String>) -> Self {
        self.skip.push(name.into());
        self
    }

    /// Loads the gazetteers, compiles the rules and checks the stage order.
    ///
    /// # Errors
    /// [`Error::Io`] when a gazetteer file cannot be read,
    /// [`Error::Gazetteer`] for bad rows in strict mode, [`Error::Pipeline`]
    /// for an unknown stage name.
    pub fn build(self) -> Result<Pipeline, Error> {
        let mut gazetteer = if self.no_builtin {
            Gazetteer::default()
        } else {
            Gazetteer::builtin().clone()
        };
        let mut problems = Vec::new();
        for path in &self.gazetteer_files {
            let loaded = Gazetteer::load(path)?;
            problems.extend(loaded.problems);
            gazetteer.extend(loaded.gazetteer);
        }
        for g in self.gazetteers {
            gazetteer.extend(g);
        }
        if self.strict && !problems.is_empty() {
            return Err(Error::Gazetteer(problems));
        }
        let gazetteer = Arc::new(gazetteer);
        let all = stages::standard(gazetteer);
        let known: Vec<&str> = all.iter().map(|s| s.name()).collect();
        for name in &self.skip {
            if !known.contains(&name.as_str()) {
                return Err(Error::Pipeline(format!(
                    "unknown stage {name:?} (expected one of {})",
                    known.join(", ")
                )));
            }
        }
        let stages: Vec<Box<dyn Stage>> = all
            .into_iter()
            .filter(|s| !self.skip.iter().any(|n| n == s.name()))
            .collect();
        let mut provided: Vec<Layer> = Vec::new();
        let mut kept: Vec<Box<dyn Stage>> = Vec::new();
        for stage in stages {
            // A stage whose inputs were skipped is dropped with them.
            if stage.requires().iter().all(|l| provided.contains(l)) {
                provided.extend_from_slice(stage.provides());
                kept.push(stage);
            }
        }
        Ok(Pipeline {
            stages: kept,
            default_lang: self.lang,
            gazetteer_problems: problems,
        })
    }
}
