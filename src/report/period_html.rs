//! The period report as one self-contained HTML file: styles inline, charts
//! drawn as inline SVG, no script, font or image fetched from anywhere (a
//! Content-Security-Policy forbids it), readable when printed to PDF.

use super::period::{heading, integrity_line};
use crate::period::model::{Operation, PeriodReport, Window};
use chrono::{DateTime, Utc};
use std::fmt::Write;

const CELL: f64 = 4.0;
const ROW: f64 = 16.0;
const LABEL: f64 = 90.0;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn color(letter: char) -> &'static str {
    match letter {
        'P' => "#2e7d32",
        'F' => "#c62828",
        'E' => "#6a1b9a",
        'W' => "#f9a825",
        'w' => "#ef6c00",
        'n' => "#bdbdbd",
        _ => "#eeeeee",
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// The report as HTML.
pub fn render(r: &PeriodReport) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
<title>Period report {}</title><style>{}</style></head><body>",
        esc(&heading(r)),
        STYLE
    );
    let _ = write!(
        out,
        "<h1>Period report</h1><p class=\"sub\">{}</p>",
        esc(&heading(r))
    );
    if r.generated.clock != "system" {
        let _ = write!(out, "<p class=\"warn\">Made at {} with the clock set by ASSURE_NOW: a test or demonstration clock, not evidence of when.</p>", esc(&r.generated.time));
    } else {
        let _ = write!(
            out,
            "<p class=\"sub\">Made {} by assure {}.</p>",
            esc(&r.generated.time),
            esc(&r.generated.assure_version)
        );
    }
    if !r.findings.is_empty() {
        let _ = write!(out, "<div class=\"bad\"><strong>Exceptions:</strong><ul>");
        for f in &r.findings {
            let _ = write!(out, "<li>{}</li>", esc(f));
        }
        let _ = write!(out, "</ul></div>");
    }
    // 1. Integrity.
    let _ = write!(
        out,
        "<h2>1. Integrity of the ledger</h2><p class=\"{}\">{}</p>",
        if r.integrity.passed() { "ok" } else { "bad" },
        esc(&integrity_line(r))
    );
    let problems = &r.integrity.problems;
    if problems.len() > 20 {
        // Many problems: counted by kind, with the first records of each
        // (the JSON and Markdown reports list every one).
        let mut kinds: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
        for p in problems {
            kinds.entry(p.kind.name()).or_default().push(&p.record);
        }
        out.push_str("<table><tr><th>problem</th><th>records</th><th>first records</th></tr>");
        for (kind, records) in kinds {
            let first: Vec<String> = records
                .iter()
                .take(3)
                .map(|r| format!("<code>{}</code>", esc(r)))
                .collect();
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(kind),
                records.len(),
                first.join("<br>")
            );
        }
        out.push_str("</table>");
    } else if !problems.is_empty() {
        out.push_str("<table><tr><th>record</th><th>problem</th><th>detail</th></tr>");
        for p in problems {
            let _ = write!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                esc(&p.record),
                esc(p.kind.name()),
                esc(&p.message)
            );
        }
        out.push_str("</table>");
    }
    // 2. Runs.
    let runs = &r.runs;
    let _ = write!(
        out,
        "<h2>2. Runs</h2><p>{} runs of <code>{}</code> on {} of {} days; {} failed; {} unsigned; {} with the clock overridden.</p>",
        runs.total, esc(&r.branch), runs.days_with_runs, r.period.days, runs.failed, runs.unsigned, runs.clock_overridden
    );
    out.push_str(&runs_chart(&runs.per_day));
    if !runs.gaps.is_empty() {
        let _ = write!(
            out,
            "<table><tr><th>gap from</th><th>to</th><th>days without a run</th></tr>"
        );
        for g in &runs.gaps {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                g.from, g.to, g.days
            );
        }
        let _ = write!(out, "</table>");
    }
    // 3. Operation.
    let _ = write!(
        out,
        "<h2>3. Operation over time</h2><p>Each run's result holds until the next run.</p>{}",
        LEGEND
    );
    out.push_str(&timeline(&r.criteria));
    out.push_str(&operations_table(&r.criteria));
    // Controls that examined nothing in the period are counted, not drawn.
    let examined: Vec<Operation> = r.controls.iter().filter(|c| c.runs > 0).cloned().collect();
    let _ = write!(
        out,
        "<h3>Controls</h3><p>{} controls examined something in the period; {} examined nothing (no resource of theirs was scanned).</p>",
        examined.len(),
        r.controls.len() - examined.len()
    );
    out.push_str(&timeline(&examined));
    out.push_str(&operations_table(&examined));
    let windows: Vec<&Window> = r.controls.iter().flat_map(|c| &c.failing_windows).collect();
    if !windows.is_empty() {
        let _ = write!(out, "<h3>Failing windows</h3>");
        out.push_str(&windows_chart(r, &windows));
        out.push_str(&remediation_chart(&windows));
        let _ = write!(out, "<table><tr><th>control</th><th>target</th><th>fingerprint</th><th>first failing</th><th>fixed</th><th>hours</th></tr>");
        for w in &windows {
            let _ = write!(
                out,
                "<tr><td><code>{}</code></td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&w.control), esc(&w.target), esc(&w.fingerprint), esc(&w.first_seen),
                w.fixed.as_deref().map_or("<strong>open</strong>".to_owned(), esc),
                w.hours_to_remediate.map_or("-".to_owned(), |h| format!("{h:.1}"))
            );
        }
        let _ = write!(out, "</table>");
    }
    // 4. Exceptions.
    let _ = write!(out, "<h2>4. Exceptions</h2>");
    if r.exceptions.waivers.is_empty() {
        let _ = write!(out, "<p>No waiver was in force.</p>");
    } else {
        let _ = write!(out, "<table><tr><th>waiver</th><th>control</th><th>owner</th><th>approved by</th><th>ticket</th><th>expires</th><th>days applied</th><th>declared</th><th>notes</th></tr>");
        for w in &r.exceptions.waivers {
            let mut notes = Vec::new();
            if w.unapproved {
                notes.push(format!("<strong>unapproved</strong> ({})", esc(&w.origin)));
            }
            if w.expired_with_findings {
                notes.push("<strong>expired with findings remaining</strong>".to_owned());
            }
            let _ = write!(
                out,
                "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
                esc(&w.id), esc(&w.control), esc(&w.owner), esc(w.approved_by.as_deref().unwrap_or("-")),
                esc(w.ticket.as_deref().unwrap_or("-")), esc(&w.expires), w.days_applied, esc(&w.declared), notes.join(", ")
            );
        }
        let _ = write!(out, "</table>");
    }
    // 5. Population.
    let _ = write!(out, "<h2>5. Population of changes</h2>");
    match &r.population {
        None => {
            let _ = write!(out, "<p>No population: give <code>--git PATH</code> to check every change of the branch against the runs.</p>");
        }
        Some(p) => {
            let _ = write!(
                out,
                "<p class=\"{}\">{}: {} of {} covered; the population is <strong>{}</strong>.</p><p class=\"sub\">Rule: {}.</p>",
                if p.complete { "ok" } else { "bad" }, esc(&p.source), p.covered, p.items.len(),
                if p.complete { "complete" } else { "incomplete" }, esc(&p.rule)
            );
            let _ = write!(
                out,
                "<table><tr><th>commit</th><th>time</th><th>subject</th><th>covered by</th></tr>"
            );
            for i in &p.items {
                let by =
                    i.covered_by
                        .as_ref()
                        .map_or("<strong>no run</strong>".to_owned(), |run| {
                            format!(
                                "<code>{}</code> {} ({})",
                                esc(&run.record[..12.min(run.record.len())]),
                                esc(&run.time),
                                esc(&run.how)
                            )
                        });
                let _ = write!(
                    out,
                    "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&i.commit[..12.min(i.commit.len())]),
                    esc(&i.time),
                    esc(&i.subject),
                    by
                );
            }
            let _ = write!(out, "</table>");
        }
    }
    if let Some(sample) = &r.sample {
        let _ = write!(
            out,
            "<h2>6. Sample</h2><p>{} of {} {} drawn with seed {}: {}.</p><table><tr><th>item</th><th>time</th><th>record</th><th>where</th></tr>",
            sample.items.len(), sample.requested, esc(&sample.from), sample.seed, esc(&sample.algorithm)
        );
        for i in &sample.items {
            let (record, location) = i
                .run
                .as_ref()
                .map_or(("no run".to_owned(), String::new()), |r| {
                    (esc(&r.record), esc(&r.location))
                });
            let _ = write!(out, "<tr><td><code>{}</code></td><td>{}</td><td><code>{record}</code></td><td><code>{location}</code></td></tr>", esc(&i.item), esc(&i.time));
        }
        let _ = write!(out, "</table>");
    }
    if let Some(c) = &r.components {
        let _ = write!(out, "<h2>7. System components</h2><p>From the newest run of the period ({}).</p><table><tr><th>provider</th><th>type</th><th>count</th></tr>", esc(&c.time));
        for (provider, types) in &c.components.resources {
            for (t, n) in types {
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td><code>{}</code></td><td>{n}</td></tr>",
                    esc(provider),
                    esc(t)
                );
            }
        }
        let _ = write!(out, "</table>");
        for (title, list) in [
            ("Workloads", &c.components.workloads),
            ("Pipelines", &c.components.pipelines),
            ("Images", &c.components.images),
        ] {
            if !list.is_empty() {
                let _ = write!(
                    out,
                    "<p><strong>{title}:</strong> {}</p>",
                    list.iter()
                        .map(|x| format!("<code>{}</code>", esc(x)))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
        }
    }
    out.push_str("</body></html>\n");
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1100px;color:#212121;line-height:1.4}\
h1{margin-bottom:0}h2{border-bottom:1px solid #ccc;margin-top:2em}.sub{color:#555}\
.ok{color:#1b5e20}.bad{color:#b71c1c}.warn{background:#fff3e0;padding:.5em}\
table{border-collapse:collapse;margin:1em 0;font-size:.85em}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}\
code{font-size:.9em}svg{display:block;margin:.5em 0}svg text{font:10px sans-serif;fill:#333}\
.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}}";

const LEGEND: &str = "<p class=\"legend\"><span style=\"background:#2e7d32\"></span>passing<span style=\"background:#c62828\"></span>failing<span style=\"background:#6a1b9a\"></span>error<span style=\"background:#f9a825\"></span>waived only<span style=\"background:#ef6c00\"></span>warnings<span style=\"background:#bdbdbd\"></span>not examined<span style=\"background:#eeeeee\"></span>no run</p>";

/// Runs per day as bars, days without a run marked.
fn runs_chart(per_day: &[usize]) -> String {
    let max = per_day.iter().copied().max().unwrap_or(1).max(1) as f64;
    let h = 60.0;
    let w = LABEL + per_day.len() as f64 * CELL + 10.0;
    let mut svg = format!(
        "<svg width=\"{w}\" height=\"{}\" role=\"img\" aria-label=\"runs per day\">",
        h + 16.0
    );
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"12\">runs per day</text><text x=\"0\" y=\"{}\">max {}</text>",
        h, max as usize
    );
    for (i, n) in per_day.iter().enumerate() {
        let x = LABEL + i as f64 * CELL;
        if *n == 0 {
            let _ = write!(
                svg,
                "<rect x=\"{x}\" y=\"0\" width=\"{CELL}\" height=\"{h}\" fill=\"#ffcdd2\"/>"
            );
        } else {
            let bh = (*n as f64 / max) * h;
            let _ = write!(
                svg,
                "<rect x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{bh}\" fill=\"#546e7a\"/>",
                h - bh,
                CELL - 0.5
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// One row of day cells per operation.
fn timeline(ops: &[Operation]) -> String {
    let days = ops.first().map_or(0, |o| o.days.chars().count());
    // Room for the longest id (about 6 px a character), within bounds.
    let label = ops
        .iter()
        .map(|o| o.id.chars().count() as f64 * 6.0 + 8.0)
        .fold(LABEL, f64::max)
        .min(280.0);
    let w = label + days as f64 * CELL + 60.0;
    let h = ops.len() as f64 * ROW + 4.0;
    let mut svg =
        format!("<svg width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"status per day\">");
    for (row, op) in ops.iter().enumerate() {
        let y = row as f64 * ROW;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\">{}</text>",
            y + 11.0,
            esc(&truncate(&op.id, 45))
        );
        for (i, letter) in op.days.chars().enumerate() {
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{CELL}\" height=\"{}\" fill=\"{}\"/>",
                label + i as f64 * CELL,
                y + 2.0,
                ROW - 4.0,
                color(letter)
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            label + days as f64 * CELL + 4.0,
            y + 11.0,
            pct(op.share_passing)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn operations_table(ops: &[Operation]) -> String {
    let mut t = String::from("<table><tr><th>id</th><th>title</th><th>runs</th><th>passing</th><th>failing</th><th>waived</th><th>unknown</th><th>mean hours to remediate</th></tr>");
    for o in ops {
        let _ = write!(
            t,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&o.id), esc(&o.title), o.runs, pct(o.share_passing), pct(o.share_failing), pct(o.share_waived), pct(o.share_unknown),
            o.mean_hours_to_remediate.map_or("-".to_owned(), |h| format!("{h:.1}"))
        );
    }
    t.push_str("</table>");
    t
}

fn time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Each failing finding as a bar from its first failing run to its fix
/// (or the end of the period), the 60 longest.
fn windows_chart(r: &PeriodReport, windows: &[&Window]) -> String {
    let Some(start) = crate::dates::parse_time(&r.period.from, false) else {
        return String::new();
    };
    let Some(end) = crate::dates::parse_time(&r.period.to, true) else {
        return String::new();
    };
    let span = (end - start).num_seconds().max(1) as f64;
    let width = r.period.days as f64 * CELL;
    let mut shown: Vec<&&Window> = windows.iter().collect();
    shown.sort_by(|a, b| {
        let len = |w: &Window| {
            let f = time(&w.first_seen).unwrap_or(start);
            let e = w.fixed.as_deref().and_then(time).unwrap_or(end);
            (e - f).num_seconds()
        };
        len(b).cmp(&len(a))
    });
    shown.truncate(60);
    let h = shown.len() as f64 * ROW + 4.0;
    let mut svg = format!(
        "<svg width=\"{}\" height=\"{h}\" role=\"img\" aria-label=\"failing windows\">",
        LABEL + width + 10.0
    );
    for (row, w) in shown.iter().enumerate() {
        let y = row as f64 * ROW;
        let first = time(&w.first_seen).unwrap_or(start).max(start);
        let stop = w.fixed.as_deref().and_then(time).unwrap_or(end).min(end);
        let x = LABEL + ((first - start).num_seconds() as f64 / span) * width;
        let bw = (((stop - first).num_seconds() as f64 / span) * width).max(1.5);
        let fill = if w.fixed.is_some() {
            "#c62828"
        } else {
            "#7f0000"
        };
        let _ = write!(svg, "<text x=\"0\" y=\"{}\">{}</text><rect x=\"{x}\" y=\"{}\" width=\"{bw}\" height=\"{}\" fill=\"{fill}\"><title>{} {}</title></rect>", y + 11.0, esc(&truncate(&w.control, 16)), y + 3.0, ROW - 6.0, esc(&w.target), esc(&w.fingerprint));
    }
    svg.push_str("</svg>");
    svg
}

/// How long fixes took: windows fixed within a day, three days, a week,
/// a month, and longer.
fn remediation_chart(windows: &[&Window]) -> String {
    let buckets = [
        ("< 1 day", 24.0),
        ("1-3 days", 72.0),
        ("3-7 days", 168.0),
        ("7-30 days", 720.0),
        ("> 30 days", f64::INFINITY),
    ];
    let mut counts = [0usize; 5];
    for h in windows.iter().filter_map(|w| w.hours_to_remediate) {
        let i = buckets.iter().position(|(_, max)| h < *max).unwrap_or(4);
        counts[i] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let mut svg = String::from("<svg width=\"420\" height=\"96\" role=\"img\" aria-label=\"time to remediate\"><text x=\"0\" y=\"10\">time to remediate (fixed findings)</text>");
    for (i, ((label, _), n)) in buckets.iter().zip(counts).enumerate() {
        let y = 16.0 + i as f64 * ROW;
        let bw = (n as f64 / max) * 250.0;
        let _ = write!(svg, "<text x=\"0\" y=\"{}\">{label}</text><rect x=\"{LABEL}\" y=\"{}\" width=\"{bw}\" height=\"{}\" fill=\"#1565c0\"/><text x=\"{}\" y=\"{}\">{n}</text>", y + 11.0, y + 2.0, ROW - 4.0, LABEL + bw + 4.0, y + 11.0);
    }
    svg.push_str("</svg>");
    svg
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
