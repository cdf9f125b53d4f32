//! Gazetteer scale: build time, memory and search speed of the gazetteer
//! matcher with 10k, 100k and 1M user entries (plus the built-in lists).
//!
//! Run: `cargo bench --bench gazetteer_scale` (set `DEPECHE_SCALE_MAX` to
//! stop earlier, e.g. `100000`). Entries are generated names (syllable
//! combinations, two or three words), so the automaton's shape resembles real
//! name lists; the search text is the French bulk corpus of `../shared/bench`
//! when present, else generated text.

use std::sync::Arc;
use std::time::Instant;

use depeche::gazetteer::Gazetteer;
use depeche::stages::GazetteerMatcher;
use depeche::Document;

const SYLLABLES: &[&str] = &[
    "ba", "ko", "ri", "tan", "mel", "su", "dor", "vi", "na", "zel", "pa", "qui", "lo", "fen", "ga",
    "mir", "to", "sha", "bel", "ru", "ni", "kar", "de", "los", "ma", "ven", "ti", "gor", "al",
    "es",
];

fn name(mut n: usize) -> String {
    let mut words = Vec::new();
    let nwords = 2 + n % 2;
    for _ in 0..nwords {
        let mut w = String::new();
        for _ in 0..3 {
            w.push_str(SYLLABLES[n % SYLLABLES.len()]);
            n /= SYLLABLES.len();
            n = n.wrapping_mul(7).wrapping_add(3);
        }
        let mut c = w.chars();
        let cap: String = c
            .next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default();
        words.push(cap);
    }
    words.join(" ")
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse()
                    .unwrap_or(0)
            })
        })
        .unwrap_or(0)
}

fn corpus() -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/bulk-fr.jsonl");
    match std::fs::read_to_string(&path) {
        Ok(data) => data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect::<Vec<_>>()
            .join("\n\n"),
        Err(_) => (0..20_000)
            .map(|i| {
                format!(
                    "Le ministre {} a rencontré {} à Paris. ",
                    name(i),
                    name(i + 7)
                )
            })
            .collect(),
    }
}

fn main() {
    let max: usize = std::env::var("DEPECHE_SCALE_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let text = corpus();
    let mb = text.len() as f64 / 1e6;
    println!("search text: {mb:.1} MB");
    println!(
        "{:>9} {:>9} {:>10} {:>10} {:>8} {:>9}",
        "entries", "patterns", "build s", "RSS MB", "MB/s", "matches"
    );
    let builtin = Gazetteer::builtin().clone();
    let mut sizes = vec![0usize, 10_000, 100_000, 1_000_000];
    sizes.retain(|&s| s <= max);
    for size in sizes {
        let mut tsv = String::with_capacity(size * 40);
        for i in 0..size {
            let n = name(i * 2_654_435_761 % 1_000_000_007);
            tsv.push_str(&format!("{n}\tPER\t{n}\n"));
        }
        let mut g = builtin.clone();
        g.extend(Gazetteer::parse_str("generated", &tsv).gazetteer);
        drop(tsv);
        let before = rss_kb();
        let t = Instant::now();
        let matcher = GazetteerMatcher::new(Arc::new(g));
        let build = t.elapsed().as_secs_f64();
        let rss = rss_kb().saturating_sub(before) as f64 / 1024.0;
        let t = Instant::now();
        let found = matcher.candidates(&text, None).len();
        let secs = t.elapsed().as_secs_f64();
        assert!(found > 0, "no match at all: the matcher is broken");
        let doc = Document::new("x", "");
        drop(doc);
        println!(
            "{:>9} {:>9} {:>10.2} {:>10.0} {:>8.1} {:>9}",
            size,
            format!("{matcher:?}")
                .split("patterns: ")
                .nth(1)
                .unwrap_or("?")
                .trim_end_matches(" }"),
            build,
            rss,
            mb / secs,
            found
        );
    }
}
