//! `depeche eval GOLD.jsonl`: runs the library's scorer and prints it.

use std::io::BufRead;

use anyhow::{Context, Result};
use depeche::eval::{evaluate, EvalOptions, Examples, GoldDoc, Prf};

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
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(Outcome { problems: bad > 0 });
    }
    println!("{}: {} documents", args.gold.display(), report.documents);
    let line = |name: &str, p: f64, r: f64, f: f64| {
        println!("  {name:<22} P {:>6.3}  R {:>6.3}  F1 {:>6.3}", p, r, f);
    };
    let prf = |name: &str, x: &Prf| line(name, x.precision, x.recall, x.f1);
    let show = |ex: &Examples| {
        for m in &ex.misses {
            println!("    miss         {m}");
        }
        for m in &ex.false_alarms {
            println!("    false alarm  {m}");
        }
        for m in &ex.wrong {
            println!("    wrong        {m}");
        }
    };
    match &report.entities {
        Some(e) => {
            println!(
                "entities (gold {}, predicted {}, matched {})",
                e.counts.gold, e.counts.predicted, e.counts.matched
            );
            line("strict", e.precision, e.recall, e.f1);
            prf("overlap", &e.overlap);
            for (label, p) in &e.by_label {
                prf(&format!("strict {label}"), p);
            }
            show(&e.examples);
        }
        None => println!("entities: not annotated"),
    }
    match &report.timexes {
        Some(t) => {
            println!(
                "timexes (gold {}, predicted {}, matched {})",
                t.counts.gold, t.counts.predicted, t.counts.matched
            );
            line("strict", t.precision, t.recall, t.f1);
            prf("overlap", &t.overlap);
            println!("  {:<22} {:.3}", "value accuracy", t.value_accuracy);
            show(&t.examples);
        }
        None => println!("timexes: not annotated"),
    }
    match &report.events {
        Some(e) => {
            println!(
                "events (gold pairs {}, predicted pairs {}, matched {})",
                e.counts.gold, e.counts.predicted, e.counts.matched
            );
            line("participant pairs", e.precision, e.recall, e.f1);
            prf("whole events", &e.exact);
            println!("  {:<22} {:.3}", "date accuracy", e.date_accuracy);
            show(&e.examples);
        }
        None => println!("events: not annotated"),
    }
    Ok(Outcome { problems: bad > 0 })
}
