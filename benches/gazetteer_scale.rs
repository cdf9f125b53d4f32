//! Gazetteer scale: build time, memory and search speed of the gazetteer
//! matcher with 10k, 100k and 1M user entries (plus the built-in lists).
//!
//! Run: `cargo bench --bench gazetteer_scale` (set `DEPECHE_SCALE_MAX` to
//! stop earlier, e.g. `100000`). Entries are generated names (syllable
//! combinations, two or three words, sharing first words as real name lists
//! do); the search text is the French bulk corpus of `../shared/bench` when
//! present, else generated text, plus sentences naming some of the generated
//! entries. Each row gives the build time, the memory the matcher holds (its
//! index, not the gazetteer it matches), the search speed, how much slower
//! than with the built-in lists alone, and the number of matches.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use depeche::gazetteer::Gazetteer;
use depeche::stages::GazetteerMatcher;

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

/// Counts the bytes currently allocated, so that the memory a matcher takes
/// is measured exactly (the process's RSS also moves with freed and reused
/// pages of the previous round).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

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

/// Sentences naming some generated entries (among the first 10,000, so
/// present at every size), appended to the search text so that user entries
/// are really found, not only looked up.
fn with_user_names(text: &str) -> String {
    let mut out = text.to_string();
    for i in (0..10_000).step_by(100) {
        let n = name(i * 2_654_435_761 % 1_000_000_007);
        out.push_str(&format!("\n\nLe ministre {n} est arrivé lundi."));
    }
    out
}

fn main() {
    let max: usize = std::env::var("DEPECHE_SCALE_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let text = with_user_names(&corpus());
    let mb = text.len() as f64 / 1e6;
    println!("search text: {mb:.1} MB; search: the best of 3 runs");
    println!(
        "{:>9} {:>9} {:>8} {:>9} {:>8} {:>11} {:>8}",
        "entries", "patterns", "build s", "index MB", "MB/s", "vs built-in", "matches"
    );
    let builtin = Gazetteer::builtin().clone();
    let mut sizes = vec![0usize, 10_000, 100_000, 1_000_000];
    sizes.retain(|&s| s <= max);
    let mut builtin_speed = None;
    let mut builtin_found = 0;
    for size in sizes {
        let mut tsv = String::with_capacity(size * 40);
        for i in 0..size {
            let n = name(i * 2_654_435_761 % 1_000_000_007);
            tsv.push_str(&format!("{n}\tPER\t{n}\n"));
        }
        let mut g = builtin.clone();
        g.extend(Gazetteer::parse_str("generated", &tsv).gazetteer);
        drop(tsv);
        let g = Arc::new(g);
        let before = LIVE.load(Ordering::Relaxed);
        let t = Instant::now();
        let matcher = GazetteerMatcher::new(Arc::clone(&g));
        let build = t.elapsed().as_secs_f64();
        let memory = LIVE.load(Ordering::Relaxed).saturating_sub(before) as f64 / 1e6;
        let mut secs = f64::INFINITY;
        let mut found = 0;
        for _ in 0..3 {
            let t = Instant::now();
            found = matcher.candidates(&text, None).len();
            secs = secs.min(t.elapsed().as_secs_f64());
        }
        assert!(found > 0, "no match at all: the matcher is broken");
        if size == 0 {
            builtin_found = found;
        } else {
            assert!(
                found > builtin_found,
                "the generated names in the text were not found"
            );
        }
        let speed = mb / secs;
        let builtin_speed = *builtin_speed.get_or_insert(speed);
        println!(
            "{:>9} {:>9} {:>8.2} {:>9.0} {:>8.1} {:>10.2}x {:>8}",
            size,
            format!("{matcher:?}")
                .split("patterns: ")
                .nth(1)
                .unwrap_or("?")
                .trim_end_matches(" }"),
            build,
            memory,
            speed,
            builtin_speed / speed,
            found
        );
    }
}
