//! `depeche eval GOLD.jsonl`: runs the library's scorer and prints it.

use std::fmt::Write as _;
use std::io::{BufRead, Write as _};

use anyhow::{Context, Result};
use depeche::eval::{evaluate, Counts, EvalOptions, Examples, GoldDoc, Prf, Report};

use super::args::EvalArgs;
use super::{build_pipeline, Outcome};

pub fn run(args: EvalArgs) -> Result<Outcome> {
    let (pipeline, _) = build_pipeline(&args.pipeline, args.json)?;
    let file = std::fs::File::open(&args.gold)
        .with_context(|| format!("cannot read {}", args.gold.display()))?;
    let mut gold = Vec::new();
    let mut bad = 0;
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line =
            line.with_context(|| format!("{}:{}: cannot read", args.gold.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<GoldDoc>(&line) {
            Ok(doc) => gold.push(doc),
            Err(e) => {
                bad += 1;
                eprintln!(
                    "depeche: {}:{}: not a gold document ({e}); skipped",
                    args.gold.display(),
                    i + 1
                );
            }
        }
    }
    let options = EvalOptions {
        labels: args
            .labels
            .iter()
            .map(|l| l.trim().to_ascii_uppercase())
            .collect(),
        examples: args.examples,
    };
    let report = evaluate(&pipeline, &gold, &options);
    // The whole report is written at once, so that a closed pipe
    // (`depeche eval ... | head`) is an error the caller can tell apart
    // (a broken pipe ends the run quietly), not a panic in `println!`.
    let text = if args.json {
        serde_json::to_string_pretty(&report)? + "\n"
    } else {
        format_report(&args.gold.display().to_string(), &report)
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome { problems: bad > 0 })
}

/// The report as the text `depeche eval` prints.
fn format_report(gold: &str, report: &Report) -> String {
    let mut out = String::new();
    // Writing to a `String` cannot fail.
    macro_rules! say {
        ($($arg:tt)*) => {{ let _ = writeln!(out, $($arg)*); }};
    }
    fn line(out: &mut String, name: &str, p: f64, r: f64, f: f64) {
        let _ = writeln!(
            out,
            "  {name:<22} P {:>6.3}  R {:>6.3}  F1 {:>6.3}",
            p, r, f
        );
    }
    fn prf(out: &mut String, name: &str, x: &Prf) {
        line(out, name, x.precision, x.recall, x.f1);
    }
    /// A layer's heading: "events (gold pairs 71, predicted pairs 18,
    /// matched 17)".
    fn counted(out: &mut String, layer: &str, unit: &str, c: &Counts) {
        let _ = writeln!(
            out,
            "{layer} (gold{unit} {}, predicted{unit} {}, matched {})",
            c.gold, c.predicted, c.matched
        );
    }
    fn show(out: &mut String, ex: &Examples) {
        for m in &ex.misses {
            let _ = writeln!(out, "    miss         {m}");
        }
        for m in &ex.false_alarms {
            let _ = writeln!(out, "    false alarm  {m}");
        }
        for m in &ex.wrong {
            let _ = writeln!(out, "    wrong        {m}");
        }
    }
    say!("{gold}: {} documents", report.documents);
    match &report.entities {
        Some(e) => {
            counted(&mut out, "entities", "", &e.counts);
            line(&mut out, "strict", e.precision, e.recall, e.f1);
            prf(&mut out, "overlap", &e.overlap);
            for (label, p) in &e.by_label {
                prf(&mut out, &format!("strict {label}"), p);
            }
            show(&mut out, &e.examples);
        }
        None => say!("entities: not annotated"),
    }
    match &report.timexes {
        Some(t) => {
            counted(&mut out, "timexes", "", &t.counts);
            line(&mut out, "strict", t.precision, t.recall, t.f1);
            prf(&mut out, "overlap", &t.overlap);
            say!("  {:<22} {:.3}", "value accuracy", t.value_accuracy);
            show(&mut out, &t.examples);
        }
        None => say!("timexes: not annotated"),
    }
    match &report.events {
        Some(e) => {
            counted(&mut out, "events", " pairs", &e.counts);
            line(&mut out, "participant pairs", e.precision, e.recall, e.f1);
            prf(&mut out, "whole events", &e.exact);
            say!("  {:<22} {:.3}", "date accuracy", e.date_accuracy);
            show(&mut out, &e.examples);
        }
        None => say!("events: not annotated"),
    }
    out
}
