//! The readable outline: what snapshots store and what `--format outline`
//! prints, so a rule change shows up as a diff a reviewer can read.

use std::fmt::Write;

use super::Record;

/// Renders a record as a readable outline, one line per item.
///
/// ```
/// let x = depeche::Pipeline::french()?.extract("Le 3 mai 2021, à Paris.");
/// let text = depeche::output::outline(&x.record());
/// assert!(text.contains("LOC"));
/// # Ok::<(), depeche::Error>(())
/// ```
pub fn outline(r: &Record) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "DOC {} lang={} date={} ({}){}{}",
        r.id,
        r.lang.as_deref().unwrap_or("-"),
        r.doc_date.as_deref().unwrap_or("-"),
        r.doc_date_source,
        r.timestamp
            .as_ref()
            .map(|t| format!(" timestamp={t}"))
            .unwrap_or_default(),
        r.dateline
            .as_ref()
            .map(|d| format!(" dateline={:?}", d.text))
            .unwrap_or_default(),
    );
    for s in &r.sentences {
        let _ = writeln!(out, "  {:<9} [{}..{})", s.kind, s.start, s.end);
    }
    for e in &r.entities {
        let mentions: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{:?} [{}..{})", m.text, m.start, m.end))
            .collect();
        let aliases = if e.aliases.is_empty() {
            String::new()
        } else {
            format!(" aka {}", e.aliases.join(", "))
        };
        let refers = e
            .refers_to
            .as_ref()
            .map(|r| format!(" → {r}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<5} {} {}{}{} ← {}",
            e.label,
            e.id,
            e.name,
            aliases,
            refers,
            mentions.join(", ")
        );
    }
    for t in &r.timexes {
        let _ = writeln!(
            out,
            "TIMEX {} {} ← {:?} [{}..{})",
            t.kind, t.value, t.text, t.start, t.end
        );
    }
    for t in &r.titles {
        let _ = writeln!(
            out,
            "TITLE {:?} role={:?} of={} holder={} [{}..{})",
            t.text,
            t.role,
            t.of.as_deref().unwrap_or("-"),
            t.holder.as_deref().unwrap_or("-"),
            t.start,
            t.end
        );
    }
    for rel in &r.relations {
        let _ = writeln!(
            out,
            "REL   {} {} — {} — {}",
            rel.kind,
            rel.person,
            rel.title,
            rel.org.as_deref().unwrap_or("-")
        );
    }
    for e in &r.events {
        let who: Vec<String> = e
            .participants
            .iter()
            .map(|p| {
                let mut s = format!("{} {}", p.entity.as_deref().unwrap_or("-"), p.name);
                match (&p.role, &p.org) {
                    (Some(role), Some(org)) => s += &format!(" [{role}, {org}]"),
                    (Some(role), None) => s += &format!(" [{role}]"),
                    (None, Some(org)) => s += &format!(" [{org}]"),
                    _ => {}
                }
                s
            })
            .collect();
        let _ = writeln!(
            out,
            "EVENT {} {} {} · {} · date {} ({}) · at {} · trigger {:?} [{}..{})",
            e.id,
            e.kind,
            e.status,
            who.join(" + "),
            e.date.as_deref().unwrap_or("-"),
            e.date_source,
            e.location.as_deref().unwrap_or("-"),
            e.trigger.text,
            e.trigger.start,
            e.trigger.end
        );
    }
    for err in &r.errors {
        let _ = writeln!(out, "ERROR {err}");
    }
    out
}
