//! Throughput of the whole pipeline and of each stage on a real corpus, and a
//! raw aho-corasick scan over the same text as a reference point.
//!
//! ```text
//! cargo bench --bench throughput                # 20 MB of text
//! DEPECHE_BENCH_MB=100 DEPECHE_BENCH_RUNS=5 cargo bench --bench throughput
//! ```
//!
//! The corpus is `../shared/bench/bulk-fr.jsonl` and `bulk-en-open.jsonl`
//! (beside the repository), repeated until it holds at least
//! `DEPECHE_BENCH_MB` megabytes; each figure is the best of
//! `DEPECHE_BENCH_RUNS` runs (default 3). Without the corpus the bench says
//! so and exits 0.
//! Every figure comes with a count of what was extracted, and the bench
//! fails if that count is zero, so a broken build cannot post a number.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, MatchKind};
use depeche::gazetteer::Gazetteer;
use depeche::output::{push_jsonl, Record};
use depeche::{Document, InputDocument, Lang, Pipeline};

/// mimalloc's `mi_option_purge_delay` (`mi_option_e` in its `mimalloc.h`, v3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// The allocator the CLI uses, so the bench measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CORPUS_FILES: [&str; 2] = ["bulk-fr.jsonl", "bulk-en-open.jsonl"];
const MB: f64 = 1_000_000.0;

fn main() {
    // As the CLI sets it (see `src/main.rs`): freed memory kept a second.
    // SAFETY: sets one integer option, before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1000) };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench");
    let Some(corpus) = load_corpus(&dir) else {
        println!(
            "throughput: no corpus in {} (expected {}); nothing measured",
            dir.display(),
            CORPUS_FILES.join(", ")
        );
        return;
    };
    let target_mb: f64 = std::env::var("DEPECHE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20.0);
    let docs = repeat_to(&corpus, target_mb * MB);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "corpus: {} distinct documents, repeated to {} documents, {:.1} MB; {cores} cores",
        corpus.len(),
        docs.len(),
        bytes as f64 / MB
    );

    let started = Instant::now();
    let pipeline = Pipeline::builder().build().expect("built-in pipeline");
    let cold = started.elapsed();
    let started = Instant::now();
    let _again = Pipeline::builder().build().expect("built-in pipeline");
    let warm = started.elapsed();
    println!(
        "build: {:.0} ms first (parses the embedded gazetteers), {:.0} ms again; stages: {}",
        ms(cold),
        ms(warm),
        pipeline.stage_names().join(" → ")
    );

    // The rules' regexes are compiled on first use: one pass over a slice
    // of the corpus pays for that before anything is timed.
    run_pipeline(&pipeline, &docs[..docs.len().min(200)]);

    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a 1-thread pool");
    let runs: usize = std::env::var("DEPECHE_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    println!("each figure: the best of {runs} runs");
    let single = best_of(runs, || one.install(|| run_pipeline(&pipeline, &docs)));
    report("pipeline, 1 thread", &single, bytes, docs.len());
    let all = best_of(runs, || run_pipeline(&pipeline, &docs));
    report(
        &format!("pipeline, {} threads", rayon::current_num_threads()),
        &all,
        bytes,
        docs.len(),
    );
    assert_eq!(single.entities, all.entities, "thread count changed output");
    println!(
        "{} threads / 1 thread: {:.2}x",
        rayon::current_num_threads(),
        single.time.as_secs_f64() / all.time.as_secs_f64()
    );
    // The same, each document's record made and dropped in turn, as the CLI
    // streams them: `extract_all` above holds every extraction (each
    // document with all its layers) until the end, and the fresh memory
    // that takes, page after page, weighs on two threads more than on one.
    let streamed_single = best_of(runs, || one.install(|| run_streamed(&pipeline, &docs)));
    report("streamed, 1 thread", &streamed_single, bytes, docs.len());
    let streamed_all = best_of(runs, || run_streamed(&pipeline, &docs));
    report(
        &format!("streamed, {} threads", rayon::current_num_threads()),
        &streamed_all,
        bytes,
        docs.len(),
    );
    assert_eq!(
        streamed_all.entities, all.entities,
        "streaming changed output"
    );
    println!(
        "streamed, {} threads / 1 thread: {:.2}x",
        rayon::current_num_threads(),
        streamed_single.time.as_secs_f64() / streamed_all.time.as_secs_f64()
    );

    // The French corpus alone: the issue's single-thread figure is on it.
    let french: Vec<InputDocument> = docs
        .iter()
        .filter(|d| d.id.starts_with(CORPUS_FILES[0]))
        .cloned()
        .collect();
    let french_bytes: usize = french.iter().map(|d| d.text.len()).sum();
    let french_single = best_of(runs, || one.install(|| run_pipeline(&pipeline, &french)));
    report(
        &format!("{}, 1 thread", CORPUS_FILES[0]),
        &french_single,
        french_bytes,
        french.len(),
    );
    let french_raw = best_of(runs, || raw_scan(&french));
    report(
        &format!("{}, raw scan", CORPUS_FILES[0]),
        &french_raw,
        french_bytes,
        french.len(),
    );
    println!(
        "{} 1 thread / raw scan: {:.3}",
        CORPUS_FILES[0],
        french_raw.time.as_secs_f64() / french_single.time.as_secs_f64()
    );

    // The same texts with no language given, as plain text files come:
    // each document's language is detected first.
    let unlabelled: Vec<InputDocument> = docs
        .iter()
        .map(|d| InputDocument {
            lang: None,
            ..d.clone()
        })
        .collect();
    let detected = best_of(runs, || {
        one.install(|| run_pipeline(&pipeline, &unlabelled))
    });
    report(
        "language not given, 1 thread",
        &detected,
        bytes,
        unlabelled.len(),
    );

    println!("per stage, 1 thread:");
    for (name, time) in time_stages(&docs) {
        println!(
            "  {name:<10} {:>10.1} MB/s  {:>8.0} ms",
            bytes as f64 / MB / time.as_secs_f64(),
            ms(time)
        );
    }

    let raw = best_of(runs, || raw_scan(&docs));
    report("aho-corasick scan, 1 thread", &raw, bytes, docs.len());
    println!(
        "depeche 1 thread / raw scan: {:.3} ({:.1}x slower)",
        raw.time.as_secs_f64() / single.time.as_secs_f64(),
        single.time.as_secs_f64() / raw.time.as_secs_f64()
    );
}

/// One measured run: how long, and how much it found.
struct Measured {
    time: Duration,
    /// Records (pipeline) or 0 (raw scan).
    records: usize,
    /// Entities (pipeline) or matches (raw scan).
    entities: usize,
}

/// The fastest of `runs` runs (the machine may be shared).
fn best_of(runs: usize, mut f: impl FnMut() -> Measured) -> Measured {
    (0..runs.max(1))
        .map(|_| f())
        .min_by_key(|m| m.time)
        .expect("at least one run")
}

fn report(what: &str, m: &Measured, bytes: usize, docs: usize) {
    let secs = m.time.as_secs_f64();
    println!(
        "{what:<30} {:>8.1} MB/s {:>10.0} docs/s  ({:.2} s; {} records, {} entities/matches)",
        bytes as f64 / MB / secs,
        docs as f64 / secs,
        secs,
        m.records,
        m.entities
    );
    assert!(
        m.entities > 0,
        "{what}: nothing extracted, figure not valid"
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Extraction plus conversion to output records, as the CLI does.
fn run_pipeline(pipeline: &Pipeline, docs: &[InputDocument]) -> Measured {
    let inputs = docs.to_vec();
    let started = Instant::now();
    let records: Vec<_> = {
        use rayon::prelude::*;
        pipeline
            .extract_all(inputs)
            .into_par_iter()
            .map(|x| x.record())
            .collect()
    };
    let time = started.elapsed();
    let entities = records.iter().map(|r| r.entities.len()).sum();
    assert_eq!(records.len(), docs.len(), "one record per document");
    Measured {
        time,
        records: records.len(),
        entities,
    }
}

/// The pipeline over `docs` on the current pool, each document's record
/// made as soon as it is extracted and only its entity count kept.
fn run_streamed(pipeline: &Pipeline, docs: &[InputDocument]) -> Measured {
    let inputs = docs.to_vec();
    let started = Instant::now();
    let entities: Vec<usize> = {
        use rayon::prelude::*;
        inputs
            .into_par_iter()
            .map(|d| pipeline.process(d).record().entities.len())
            .collect()
    };
    let time = started.elapsed();
    assert_eq!(entities.len(), docs.len(), "one record per document");
    Measured {
        time,
        records: entities.len(),
        entities: entities.iter().sum(),
    }
}

/// Runs each stage of the standard chain over every document in turn, on
/// this thread, and adds up the time spent in each; then the output: the
/// conversion to a record (byte offsets to code points, ids) and its JSON
/// line, as the CLI writes it.
fn time_stages(docs: &[InputDocument]) -> Vec<(&'static str, Duration)> {
    let stages = depeche::stages::standard(Arc::new(Gazetteer::builtin().clone()));
    let mut times: Vec<(&'static str, Duration)> =
        stages.iter().map(|s| (s.name(), Duration::ZERO)).collect();
    let (mut record_time, mut json_time) = (Duration::ZERO, Duration::ZERO);
    let mut line = Vec::new();
    let mut json_bytes = 0;
    for input in docs {
        let mut doc = Document::new(input.id.clone(), input.text.clone());
        doc.lang = input.lang;
        doc.date = input.date;
        for (stage, (_, total)) in stages.iter().zip(times.iter_mut()) {
            let started = Instant::now();
            // A failing stage is timed like the others; the pipeline tests
            // cover what happens next.
            let _ = stage.run(&mut doc);
            *total += started.elapsed();
        }
        let started = Instant::now();
        let record = Record::from_document(&doc);
        record_time += started.elapsed();
        line.clear();
        let started = Instant::now();
        push_jsonl(&mut line, &record).expect("a record serializes");
        json_time += started.elapsed();
        json_bytes += line.len();
    }
    assert!(json_bytes > docs.len(), "every record written");
    times.push(("record", record_time));
    times.push(("json", json_time));
    times
}

/// The floor: one leftmost-longest, ASCII-case-insensitive aho-corasick scan
/// over every built-in gazetteer surface, nothing else.
fn raw_scan(docs: &[InputDocument]) -> Measured {
    let mut surfaces: Vec<&str> = Gazetteer::builtin()
        .entries()
        .iter()
        .map(|e| e.surface.as_str())
        .collect();
    surfaces.sort_unstable();
    surfaces.dedup();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&surfaces)
        .expect("automaton");
    let started = Instant::now();
    let matches = docs
        .iter()
        .map(|d| automaton.find_iter(&d.text).count())
        .sum();
    Measured {
        time: started.elapsed(),
        records: 0,
        entities: matches,
    }
}

/// The corpus files' documents, or `None` when a file is missing.
fn load_corpus(dir: &Path) -> Option<Vec<InputDocument>> {
    let mut docs = Vec::new();
    for name in CORPUS_FILES {
        let path: PathBuf = dir.join(name);
        let text = std::fs::read_to_string(&path).ok()?;
        for (i, line) in text.lines().enumerate() {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(body) = value["text"].as_str() else {
                continue;
            };
            let mut doc = InputDocument::new(format!("{name}:{}", i + 1), body);
            doc.lang = value["lang"].as_str().and_then(Lang::parse);
            doc.date = value["date"]
                .as_str()
                .or(value["doc_date"].as_str())
                .and_then(depeche::input::parse_date);
            docs.push(doc);
        }
    }
    (!docs.is_empty()).then_some(docs)
}

/// The corpus repeated (with distinct ids) until it holds `bytes` bytes.
fn repeat_to(corpus: &[InputDocument], bytes: f64) -> Vec<InputDocument> {
    let mut out = Vec::new();
    let mut total = 0usize;
    for round in 0.. {
        for doc in corpus {
            if total as f64 >= bytes {
                return out;
            }
            let mut d = doc.clone();
            d.id = format!("{}#{round}", d.id);
            total += d.text.len();
            out.push(d);
        }
    }
    out
}
