//! Scoring against gold files (CONTRACT §4): the yardstick of every rule.
//!
//! Entities: strict (same span and label) and overlap (spans overlap, same
//! label), micro and per label. Timexes: strict and overlap span match, and
//! value accuracy on strictly matched spans. Events: unordered participant
//! pairs matched by normalized name or any linked mention of the entity,
//! whole events (same participant set), and date accuracy on matched events.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::doc::fold;
use crate::output::Record;
use crate::pipeline::{InputDocument, Pipeline};
use crate::Lang;

/// One gold document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    /// Id.
    #[serde(default)]
    pub id: String,
    /// Language.
    #[serde(default)]
    pub lang: Option<String>,
    /// Text.
    pub text: String,
    /// Document date.
    #[serde(default)]
    pub doc_date: Option<String>,
    /// Entity mentions, if the file annotates them.
    #[serde(default)]
    pub entities: Option<Vec<GoldSpan>>,
    /// Timexes, if the file annotates them.
    #[serde(default)]
    pub timexes: Option<Vec<GoldSpan>>,
    /// Events, if the file annotates them.
    #[serde(default)]
    pub events: Option<Vec<GoldEvent>>,
}

/// A gold entity or timex span (code points).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// Entity label.
    #[serde(default)]
    pub label: Option<String>,
    /// Text.
    #[serde(default)]
    pub text: String,
    /// Timex value.
    #[serde(default)]
    pub value: Option<String>,
}

/// A gold event.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    /// Event type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Participant names.
    #[serde(default)]
    pub participants: Vec<String>,
    /// Date value.
    #[serde(default)]
    pub date: Option<String>,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    /// From counts: true positives among predictions, predictions, matched
    /// gold items, gold items.
    pub fn new(tp_pred: usize, pred: usize, tp_gold: usize, gold: usize) -> Prf {
        let precision = if pred == 0 {
            0.0
        } else {
            tp_pred as f64 / pred as f64
        };
        let recall = if gold == 0 {
            0.0
        } else {
            tp_gold as f64 / gold as f64
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Entity scores.
#[derive(Debug, Clone, Serialize)]
pub struct EntityScores {
    /// Strict micro precision.
    pub precision: f64,
    /// Strict micro recall.
    pub recall: f64,
    /// Strict micro F1.
    pub f1: f64,
    /// Overlap match.
    pub overlap: Prf,
    /// Strict, per label.
    pub by_label: BTreeMap<String, Prf>,
    /// Gold and predicted counts.
    pub counts: Counts,
    /// Example misses and false alarms.
    pub examples: Examples,
}

/// Timex scores.
#[derive(Debug, Clone, Serialize)]
pub struct TimexScores {
    /// Strict precision.
    pub precision: f64,
    /// Strict recall.
    pub recall: f64,
    /// Strict F1.
    pub f1: f64,
    /// Overlap match.
    pub overlap: Prf,
    /// Share of strictly matched spans whose value is right.
    pub value_accuracy: f64,
    /// Gold and predicted counts.
    pub counts: Counts,
    /// Example misses, false alarms and wrong values.
    pub examples: Examples,
}

/// Event scores.
#[derive(Debug, Clone, Serialize)]
pub struct EventScores {
    /// Participant-pair precision.
    pub precision: f64,
    /// Participant-pair recall.
    pub recall: f64,
    /// Participant-pair F1.
    pub f1: f64,
    /// Whole events (same participant set).
    pub exact: Prf,
    /// Share of matched events whose date is right.
    pub date_accuracy: f64,
    /// Gold and predicted counts (pairs).
    pub counts: Counts,
    /// Example misses and false alarms.
    pub examples: Examples,
}

/// Gold and predicted item counts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Strictly matched.
    pub matched: usize,
}

/// A few examples of what went wrong, for a developer to look at.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Examples {
    /// Gold items not found.
    pub misses: Vec<String>,
    /// Predictions not in the gold.
    pub false_alarms: Vec<String>,
    /// Other disagreements (wrong values, dates).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub wrong: Vec<String>,
}

/// The whole report; a layer the gold file lacks is `None`.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Entity scores.
    pub entities: Option<EntityScores>,
    /// Timex scores.
    pub timexes: Option<TimexScores>,
    /// Event scores.
    pub events: Option<EventScores>,
    /// Documents scored.
    pub documents: usize,
}

/// Options of a run.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// Entity labels scored (empty: all).
    pub labels: Vec<String>,
    /// How many examples to keep per layer.
    pub examples: usize,
}

/// Runs `pipeline` on every gold text and scores it.
///
/// ```
/// use depeche::eval::{evaluate, EvalOptions, GoldDoc};
/// let gold: GoldDoc = serde_json::from_str(
///     r#"{"id": "d", "lang": "fr", "text": "Il vit à Paris.", "entities": [{"start": 9, "end": 14, "label": "LOC"}]}"#,
/// ).unwrap();
/// let pipeline = depeche::Pipeline::french()?;
/// let report = evaluate(&pipeline, &[gold], &EvalOptions::default());
/// assert!(report.entities.is_some() && report.timexes.is_none());
/// # Ok::<(), depeche::Error>(())
/// ```
pub fn evaluate(pipeline: &Pipeline, gold: &[GoldDoc], options: &EvalOptions) -> Report {
    let inputs: Vec<InputDocument> = gold
        .iter()
        .map(|g| InputDocument {
            id: g.id.clone(),
            text: g.text.clone(),
            lang: g.lang.as_deref().and_then(Lang::parse),
            date: g.doc_date.as_deref().and_then(crate::input::parse_date),
            errors: Vec::new(),
        })
        .collect();
    let records: Vec<Record> = pipeline
        .extract_all(inputs)
        .iter()
        .map(|x| x.record())
        .collect();
    let pairs: Vec<(&GoldDoc, &Record)> = gold.iter().zip(records.iter()).collect();
    Report {
        entities: gold
            .iter()
            .any(|g| g.entities.is_some())
            .then(|| score_entities(&pairs, options)),
        timexes: gold
            .iter()
            .any(|g| g.timexes.is_some())
            .then(|| score_timexes(&pairs, options)),
        events: gold
            .iter()
            .any(|g| g.events.is_some())
            .then(|| score_events(&pairs, options)),
        documents: gold.len(),
    }
}

fn push_example(list: &mut Vec<String>, max: usize, item: String) {
    if list.len() < max {
        list.push(item);
    }
}

/// Greedy one-to-one overlap matching; returns matched (gold, predicted)
/// index pairs.
fn overlap_matches(gold: &[(usize, usize, String)], pred: &[(usize, usize, String)]) -> usize {
    let mut used = vec![false; pred.len()];
    let mut matched = 0;
    for (gs, ge, gl) in gold {
        if let Some(j) = pred
            .iter()
            .enumerate()
            .position(|(j, (ps, pe, pl))| !used[j] && pl == gl && *ps < *ge && *gs < *pe)
        {
            used[j] = true;
            matched += 1;
        }
    }
    matched
}

fn score_entities(docs: &[(&GoldDoc, &Record)], options: &EvalOptions) -> EntityScores {
    let keep = |label: &str| {
        options.labels.is_empty() || options.labels.iter().any(|l| l.eq_ignore_ascii_case(label))
    };
    let mut counts = Counts::default();
    let mut overlap_tp = 0;
    let mut by_label: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut examples = Examples::default();
    for (g, r) in docs {
        let Some(gold_entities) = &g.entities else {
            continue;
        };
        let gold: Vec<(usize, usize, String)> = gold_entities
            .iter()
            .filter_map(|e| Some((e.start, e.end, e.label.clone()?)))
            .filter(|(_, _, l)| keep(l))
            .collect();
        let mut pred: Vec<(usize, usize, String)> = r
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(move |m| (m.start, m.end, e.label.clone()))
            })
            .filter(|(_, _, l)| keep(l))
            .collect();
        pred.sort();
        let gold_set: BTreeSet<&(usize, usize, String)> = gold.iter().collect();
        let pred_set: BTreeSet<&(usize, usize, String)> = pred.iter().collect();
        let chars: Vec<char> = g.text.chars().collect();
        let show = |s: usize, e: usize| {
            chars
                .get(s..e.min(chars.len()))
                .map(|c| c.iter().collect::<String>())
                .unwrap_or_default()
        };
        for item in &gold {
            let entry = by_label.entry(item.2.clone()).or_default();
            entry.1 += 1;
            if pred_set.contains(item) {
                entry.0 += 1;
                counts.matched += 1;
            } else {
                push_example(
                    &mut examples.misses,
                    options.examples,
                    format!(
                        "{}: {} {:?} [{}..{})",
                        g.id,
                        item.2,
                        show(item.0, item.1),
                        item.0,
                        item.1
                    ),
                );
            }
        }
        for item in &pred {
            by_label.entry(item.2.clone()).or_default().2 += 1;
            if !gold_set.contains(item) {
                push_example(
                    &mut examples.false_alarms,
                    options.examples,
                    format!(
                        "{}: {} {:?} [{}..{})",
                        g.id,
                        item.2,
                        show(item.0, item.1),
                        item.0,
                        item.1
                    ),
                );
            }
        }
        counts.gold += gold.len();
        counts.predicted += pred.len();
        overlap_tp += overlap_matches(&gold, &pred);
    }
    let strict = Prf::new(
        counts.matched,
        counts.predicted,
        counts.matched,
        counts.gold,
    );
    EntityScores {
        precision: strict.precision,
        recall: strict.recall,
        f1: strict.f1,
        overlap: Prf::new(overlap_tp, counts.predicted, overlap_tp, counts.gold),
        by_label: by_label
            .into_iter()
            .map(|(l, (tp, gold, pred))| (l, Prf::new(tp, pred, tp, gold)))
            .collect(),
        counts,
        examples,
    }
}

fn score_timexes(docs: &[(&GoldDoc, &Record)], options: &EvalOptions) -> TimexScores {
    let mut counts = Counts::default();
    let mut overlap_tp = 0;
    let mut right_values = 0;
    let mut valued = 0;
    let mut examples = Examples::default();
    for (g, r) in docs {
        let Some(gold_timexes) = &g.timexes else {
            continue;
        };
        let gold: Vec<(usize, usize, String)> = gold_timexes
            .iter()
            .map(|t| (t.start, t.end, String::new()))
            .collect();
        let pred: Vec<(usize, usize, String)> = r
            .timexes
            .iter()
            .map(|t| (t.start, t.end, String::new()))
            .collect();
        for t in gold_timexes {
            match r
                .timexes
                .iter()
                .find(|p| p.start == t.start && p.end == t.end)
            {
                Some(p) => {
                    counts.matched += 1;
                    if let Some(value) = &t.value {
                        valued += 1;
                        if &p.value == value {
                            right_values += 1;
                        } else {
                            push_example(
                                &mut examples.wrong,
                                options.examples,
                                format!("{}: {:?} gold {} got {}", g.id, t.text, value, p.value),
                            );
                        }
                    }
                }
                None => push_example(
                    &mut examples.misses,
                    options.examples,
                    format!(
                        "{}: {:?} [{}..{}) {}",
                        g.id,
                        t.text,
                        t.start,
                        t.end,
                        t.value.as_deref().unwrap_or("")
                    ),
                ),
            }
        }
        for p in &r.timexes {
            if !gold_timexes
                .iter()
                .any(|t| t.start == p.start && t.end == p.end)
            {
                push_example(
                    &mut examples.false_alarms,
                    options.examples,
                    format!(
                        "{}: {:?} [{}..{}) {}",
                        g.id, p.text, p.start, p.end, p.value
                    ),
                );
            }
        }
        counts.gold += gold.len();
        counts.predicted += pred.len();
        overlap_tp += overlap_matches(&gold, &pred);
    }
    let strict = Prf::new(
        counts.matched,
        counts.predicted,
        counts.matched,
        counts.gold,
    );
    TimexScores {
        precision: strict.precision,
        recall: strict.recall,
        f1: strict.f1,
        overlap: Prf::new(overlap_tp, counts.predicted, overlap_tp, counts.gold),
        value_accuracy: if valued == 0 {
            0.0
        } else {
            right_values as f64 / valued as f64
        },
        counts,
        examples,
    }
}

/// A name as compared by the event scorer: folded, honorifics and
/// punctuation dropped, spaces collapsed.
pub fn normalize_name(name: &str) -> String {
    const DROP: &[&str] = &[
        "m", "mme", "mlle", "mr", "mrs", "ms", "dr", "pr", "the", "le", "la", "les", "l",
    ];
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let start = words.iter().take_while(|w| DROP.contains(w)).count();
    words[start.min(words.len())..].join(" ")
}

/// The names a predicted participant answers to: its name, and every
/// mention and alias of its entity.
fn participant_names(r: &Record, p: &crate::output::ParticipantRecord) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    names.insert(normalize_name(&p.name));
    if let Some(entity) = p
        .entity
        .as_ref()
        .and_then(|id| r.entities.iter().find(|e| &e.id == id))
    {
        names.insert(normalize_name(&entity.name));
        for m in &entity.mentions {
            names.insert(normalize_name(&m.text));
        }
        for a in &entity.aliases {
            names.insert(normalize_name(a));
        }
    }
    names.remove("");
    names
}

fn score_events(docs: &[(&GoldDoc, &Record)], options: &EvalOptions) -> EventScores {
    let gold_types: BTreeSet<String> = docs
        .iter()
        .filter_map(|(g, _)| g.events.as_ref())
        .flatten()
        .map(|e| e.kind.clone())
        .collect();
    let mut pair_counts = Counts::default();
    let mut pred_pairs_total = 0;
    let mut pred_pairs_matched = 0;
    let (mut ev_gold, mut ev_pred, mut ev_matched) = (0, 0, 0);
    let (mut dated, mut dates_right) = (0, 0);
    let mut examples = Examples::default();
    for (g, r) in docs {
        let Some(gold_events) = &g.events else {
            continue;
        };
        let preds: Vec<&crate::output::EventRecord> = r
            .events
            .iter()
            .filter(|e| gold_types.contains(&e.kind))
            .collect();
        let pred_names: Vec<Vec<BTreeSet<String>>> = preds
            .iter()
            .map(|e| {
                e.participants
                    .iter()
                    .map(|p| participant_names(r, p))
                    .collect()
            })
            .collect();
        let matches =
            |gold_name: &str, names: &BTreeSet<String>| names.contains(&normalize_name(gold_name));
        // Participant pairs.
        let mut gold_pairs: BTreeSet<(String, String)> = BTreeSet::new();
        for e in gold_events {
            for (i, a) in e.participants.iter().enumerate() {
                for b in &e.participants[i + 1..] {
                    let (a, b) = (normalize_name(a), normalize_name(b));
                    if a != b {
                        gold_pairs.insert(if a < b { (a, b) } else { (b, a) });
                    }
                }
            }
        }
        let pair_found_in = |a: &str, b: &str, k: usize| {
            let names = &pred_names[k];
            names.iter().enumerate().any(|(i, x)| {
                matches(a, x)
                    && names
                        .iter()
                        .enumerate()
                        .any(|(j, y)| i != j && matches(b, y))
            })
        };
        for (a, b) in &gold_pairs {
            pair_counts.gold += 1;
            if (0..preds.len()).any(|k| pair_found_in(a, b, k)) {
                pair_counts.matched += 1;
            } else {
                push_example(
                    &mut examples.misses,
                    options.examples,
                    format!("{}: {} + {}", g.id, a, b),
                );
            }
        }
        let mut seen_pred_pairs: BTreeSet<(String, String)> = BTreeSet::new();
        for (k, e) in preds.iter().enumerate() {
            for i in 0..e.participants.len() {
                for j in i + 1..e.participants.len() {
                    let (x, y) = (&pred_names[k][i], &pred_names[k][j]);
                    let key = {
                        let (a, b) = (
                            normalize_name(&e.participants[i].name),
                            normalize_name(&e.participants[j].name),
                        );
                        if a < b {
                            (a, b)
                        } else {
                            (b, a)
                        }
                    };
                    if !seen_pred_pairs.insert(key.clone()) {
                        continue;
                    }
                    pred_pairs_total += 1;
                    let hit = gold_pairs.iter().any(|(a, b)| {
                        (x.contains(a) && y.contains(b)) || (x.contains(b) && y.contains(a))
                    });
                    if hit {
                        pred_pairs_matched += 1;
                    } else {
                        push_example(
                            &mut examples.false_alarms,
                            options.examples,
                            format!("{}: {} + {} ({:?})", g.id, key.0, key.1, e.trigger.text),
                        );
                    }
                }
            }
        }
        // Whole events and dates.
        ev_gold += gold_events
            .iter()
            .filter(|e| gold_types.contains(&e.kind))
            .count();
        ev_pred += preds.len();
        let mut used = vec![false; preds.len()];
        for e in gold_events {
            let set_match = |k: usize| {
                let names = &pred_names[k];
                names.len() == e.participants.len()
                    && e.participants
                        .iter()
                        .all(|a| names.iter().any(|x| matches(a, x)))
                    && names
                        .iter()
                        .all(|x| e.participants.iter().any(|a| matches(a, x)))
            };
            if let Some(k) =
                (0..preds.len()).find(|&k| !used[k] && preds[k].kind == e.kind && set_match(k))
            {
                used[k] = true;
                ev_matched += 1;
            }
            // Date accuracy over events that share at least one participant
            // (pair) with a prediction.
            let best = (0..preds.len())
                .filter(|&k| preds[k].kind == e.kind)
                .max_by_key(|&k| {
                    e.participants
                        .iter()
                        .filter(|a| pred_names[k].iter().any(|x| matches(a, x)))
                        .count()
                });
            if let Some(k) = best {
                let shared = e
                    .participants
                    .iter()
                    .filter(|a| pred_names[k].iter().any(|x| matches(a, x)))
                    .count();
                if shared >= 2.min(e.participants.len()) && shared > 0 {
                    dated += 1;
                    if preds[k].date == e.date {
                        dates_right += 1;
                    } else {
                        push_example(
                            &mut examples.wrong,
                            options.examples,
                            format!("{}: date gold {:?} got {:?}", g.id, e.date, preds[k].date),
                        );
                    }
                }
            }
        }
    }
    pair_counts.predicted = pred_pairs_total;
    let pairs = Prf::new(
        pred_pairs_matched,
        pred_pairs_total,
        pair_counts.matched,
        pair_counts.gold,
    );
    EventScores {
        precision: pairs.precision,
        recall: pairs.recall,
        f1: pairs.f1,
        exact: Prf::new(ev_matched, ev_pred, ev_matched, ev_gold),
        date_accuracy: if dated == 0 {
            0.0
        } else {
            dates_right as f64 / dated as f64
        },
        counts: pair_counts,
        examples,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_and_names() {
        let p = Prf::new(1, 2, 1, 4);
        assert_eq!((p.precision, p.recall), (0.5, 0.25));
        assert!((p.f1 - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(Prf::new(0, 0, 0, 0).f1, 0.0);
        assert_eq!(normalize_name("M. Gérard  Chesnel"), "gerard chesnel");
        assert_eq!(normalize_name("the  United Nations"), "united nations");
    }
}
