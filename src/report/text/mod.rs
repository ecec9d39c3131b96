//! The text report, written to be read at a thousand findings: the counts
//! first (per severity and per control), then the findings grouped by
//! control (the default), by file or by severity, each line short (the
//! group's key is never repeated on its lines), then what was not examined,
//! waivers, baseline changes, coverage, and the verdict last, where a CI log
//! ends. Colours are anstyle codes; the caller's stream (anstream) strips
//! them when the output is not a terminal.

use super::sink::Sink;
use super::sorter::Sorter;
use crate::controls::Severity;
use crate::results::coverage::{Coverage, Item, Status};
use crate::results::spill::spill_after;
use crate::results::{ControlResult, Finding, Level, Outcome, ScanResult};
use crate::words::plural;
use anstyle::{AnsiColor, Style};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::io;

mod by_control;
mod by_file;
mod sections;

use by_control::by_control;
use by_file::by_file;
pub use sections::coverage;
use sections::{coverage_summary, not_examined, wrapped};

const RED: Style = AnsiColor::Red.on_default().bold();
const GREEN: Style = AnsiColor::Green.on_default().bold();
const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
const MAGENTA: Style = AnsiColor::Magenta.on_default().bold();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

/// How the findings are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// Each file with its resources and their findings
    #[default]
    File,
    /// Each control with its findings (controls in id order)
    Control,
    /// Controls from critical to low, each with its findings
    Severity,
}

pub struct TextOptions {
    /// Only failing, erroring and warning controls, and the summary.
    pub quiet: bool,
    pub group_by: GroupBy,
    /// At most this many finding lines; the rest are counted ("and M more").
    pub max_findings: Option<usize>,
}

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// Which findings are printed under `--max-findings`: the most severe ones
/// (live before waived or known, then by severity; among equals, in
/// control order, then target order), wherever the grouping puts them; and
/// how many were held back.
///
/// Decided from the counts alone (see [`crate::results::targets::Tally`]),
/// so no finding is held to choose: each control gets a quota of its live
/// and of its other findings, and its first findings of each kind, in
/// target order, are shown.
struct Budget {
    /// Per control: how many of its live and of its other findings are
    /// shown; `None` without a limit.
    quota: Option<Vec<[usize; 2]>>,
    withheld: usize,
}

impl Budget {
    fn new(result: &ScanResult, opts: &TextOptions) -> Budget {
        let Some(max) = opts.max_findings else {
            return Budget {
                quota: None,
                withheld: 0,
            };
        };
        let counts: Vec<[usize; 2]> = result
            .controls
            .iter()
            .map(|c| {
                let t = c.targets.tally();
                let other = if opts.quiet { 0 } else { t.not_live() };
                [t.live(Level::Deny) + t.live(Level::Warn), other]
            })
            .collect();
        let severity = |ci: usize| result.controls[ci].control.severity;
        let mut order: Vec<(usize, usize)> = (0..2)
            .flat_map(|kind| (0..counts.len()).map(move |ci| (kind, ci)))
            .collect();
        order.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(severity(b.1).cmp(&severity(a.1)))
                .then(a.1.cmp(&b.1))
        });
        let mut left = max;
        let mut quota = vec![[0; 2]; counts.len()];
        for (kind, ci) in order {
            let q = counts[ci][kind].min(left);
            quota[ci][kind] = q;
            left -= q;
        }
        Budget {
            quota: Some(quota),
            withheld: 0,
        }
    }

    /// What decides, finding by finding in target order, which of a
    /// control's findings are shown.
    fn of(&self, control: usize) -> Shown {
        Shown {
            quota: match &self.quota {
                Some(q) => q.get(control).copied().unwrap_or([0; 2]),
                None => [usize::MAX; 2],
            },
            seen: [0; 2],
        }
    }
}

/// One control's quota as its findings are met.
struct Shown {
    quota: [usize; 2],
    seen: [usize; 2],
}

impl Shown {
    fn next(&mut self, f: &Finding) -> bool {
        let kind = usize::from(!f.is_live());
        let shown = self.seen[kind] < self.quota[kind];
        self.seen[kind] += 1;
        shown
    }
}

/// A finding or an evaluation error of one control, with where it is
/// reported, as the control view sorts it.
#[derive(Serialize, Deserialize)]
struct ControlRow {
    path: String,
    line: usize,
    shown: bool,
    what: What,
}

#[derive(Serialize, Deserialize)]
enum What {
    Finding(Box<Finding>),
    Error { target: String, error: String },
}

/// A finding with what the file view needs beside it.
#[derive(Serialize, Deserialize)]
struct FileRow {
    path: String,
    line: usize,
    /// Index of its control in the result.
    control: usize,
    shown: bool,
    finding: Finding,
}

/// A target a control could not evaluate, as the file view lists it.
#[derive(Serialize, Deserialize)]
struct ErrorRow {
    path: String,
    control: String,
    target: String,
    error: String,
}

/// The text report as one string (see [`write`]).
pub fn render(result: &ScanResult, opts: &TextOptions) -> String {
    super::sink::to_string(|w| write(result, opts, w))
}

/// The text report, written to `w` as it is made. The counts come from
/// the tallies; findings are read control by control and sorted across
/// controls through a bounded [`Sorter`], so memory holds one file's
/// findings (or one control's, grouped by control) and the sort buffer,
/// never every finding of the scan.
pub fn write(result: &ScanResult, opts: &TextOptions, w: &mut dyn io::Write) -> io::Result<()> {
    let mut sink = Sink::new(w);
    let out: &mut dyn Write = &mut sink;
    summary_first(out, result);
    let mut budget = Budget::new(result, opts);
    match opts.group_by {
        GroupBy::Control => {
            let ordered: Vec<usize> = (0..result.controls.len()).collect();
            by_control(out, result, &ordered, opts, &mut budget, false)?;
        }
        GroupBy::Severity => {
            let mut ordered: Vec<usize> = (0..result.controls.len()).collect();
            let c = |i: usize| &result.controls[i].control;
            ordered.sort_by(|&a, &b| {
                c(b).severity
                    .cmp(&c(a).severity)
                    .then_with(|| c(a).id.cmp(&c(b).id))
            });
            by_control(out, result, &ordered, opts, &mut budget, true)?;
        }
        GroupBy::File => by_file(out, result, opts, &mut budget)?,
    }
    if budget.withheld > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            paint(
                YELLOW,
                &format!(
                    "{} more finding{} not shown (--max-findings {}); the JSON, JUnit and SARIF reports hold every one",
                    budget.withheld,
                    plural(budget.withheld),
                    opts.max_findings.unwrap_or(0)
                )
            )
        );
    }
    if !result.input_errors.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            paint(MAGENTA, "Inputs that could not be read or parsed:")
        );
        for e in &result.input_errors {
            let _ = writeln!(out, "  {} {}", paint(MAGENTA, "error"), e.display());
        }
    }
    not_examined(out, result, opts.quiet);
    let w = &result.waivers;
    for (waiver, n) in &w.expired {
        let _ = writeln!(
            out,
            "\n{} waiver for {} on {} expired on {}: {n} finding{} fail again (owner {})",
            paint(RED, "expired"),
            waiver.control,
            waiver.path,
            waiver.expires,
            plural(*n),
            waiver.owner
        );
    }
    for waiver in &w.unused {
        let _ = writeln!(
            out,
            "{} waiver for {} on {}{} matched no finding (owner {}); remove it or fix its path",
            paint(YELLOW, "unused"),
            waiver.control,
            waiver.path,
            waiver
                .resource
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default(),
            waiver.owner
        );
    }
    for waiver in &w.not_evaluated {
        let _ = writeln!(
            out,
            "{} waiver for {} on {}: its control did not run in this scan",
            paint(DIM, "not evaluated"),
            waiver.control,
            waiver.path,
        );
    }
    if let Some(b) = &result.baseline {
        if !b.fixed.is_empty() {
            let _ = writeln!(
                out,
                "\n{}",
                paint(
                    GREEN,
                    &format!("Fixed since the baseline {} ({}):", b.file, b.fixed.len())
                )
            );
            for (i, f) in b.fixed.iter().enumerate() {
                if opts.max_findings.is_some_and(|max| i >= max) {
                    let _ = writeln!(out, "  … and {} more", b.fixed.len() - i);
                    break;
                }
                let _ = writeln!(
                    out,
                    "  {} {} {}{}: {}",
                    paint(GREEN, "✓"),
                    paint(BOLD, &f.control),
                    f.path,
                    f.resource
                        .as_deref()
                        .map(|r| format!(" {r}"))
                        .unwrap_or_default(),
                    f.message
                );
            }
        }
    }
    if !opts.quiet {
        coverage_summary(out, &result.coverage);
    }
    let s = &result.summary;
    let _ = writeln!(
        out,
        "\n{} {} control{}, {} document{}, {} target{}: {}, {}, {}, {}, {}, {}{} in {:.2}s",
        paint(BOLD, "Summary:"),
        s.controls,
        plural(s.controls),
        s.documents,
        plural(s.documents),
        s.targets,
        plural(s.targets),
        paint(GREEN, &format!("{} passed", s.passed)),
        paint(
            if s.failed > 0 { RED } else { DIM },
            &format!("{} failed", s.failed)
        ),
        paint(
            if s.warned > 0 { YELLOW } else { DIM },
            &format!("{} warned", s.warned)
        ),
        paint(DIM, &format!("{} waived", s.waived)),
        paint(DIM, &format!("{} known", s.known)),
        paint(
            if s.errors > 0 { MAGENTA } else { DIM },
            &format!("{} error{}", s.errors, plural(s.errors))
        ),
        if s.input_errors > 0 {
            format!(
                ", {}",
                paint(
                    MAGENTA,
                    &format!("{} input error{}", s.input_errors, plural(s.input_errors))
                )
            )
        } else {
            String::new()
        },
        result.elapsed.as_secs_f64()
    );
    let v = &result.verdict;
    let head = if v.passed {
        paint(GREEN, "PASSED")
    } else {
        paint(RED, "FAILED")
    };
    let _ = writeln!(out, "{} {}", head, v.reasons.join("; "));
    sink.finish()
}

/// Whether a control has targets that did not pass (so that reading its
/// targets can show something).
fn has_unpassed(c: &ControlResult) -> bool {
    c.count(Outcome::Pass) < c.targets.len()
}

/// The counts a reader needs before any detail: failing findings per
/// severity, then each control that failed, warned, erred or was waived,
/// worst first.
fn summary_first(out: &mut dyn Write, result: &ScanResult) {
    let mut per_severity: BTreeMap<Severity, usize> = BTreeMap::new();
    let mut rows: Vec<(&ControlResult, usize, usize)> = Vec::new();
    for c in &result.controls {
        let t = c.targets.tally();
        let (failing, warning) = (t.live(Level::Deny), t.live(Level::Warn));
        *per_severity.entry(c.control.severity).or_default() += failing;
        let other = c.count(Outcome::Error) + c.count(Outcome::Waived) + c.count(Outcome::Known);
        if failing + warning + other > 0 {
            rows.push((c, failing, warning));
        }
    }
    let failing: usize = per_severity.values().sum();
    let failing_controls = rows.iter().filter(|(_, f, _)| *f > 0).count();
    if failing == 0 {
        let _ = writeln!(out, "{}", paint(GREEN, "No failing findings."));
    } else {
        let parts: Vec<String> = per_severity
            .iter()
            .rev()
            .map(|(sev, n)| {
                let text = format!("{n} {sev}");
                if *n == 0 {
                    paint(DIM, &text)
                } else {
                    text
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "{} {failing} finding{} in {failing_controls} control{}: {}",
            paint(RED, "Failing:"),
            plural(failing),
            plural(failing_controls),
            parts.join(", ")
        );
    }
    if rows.is_empty() {
        let _ = writeln!(out);
        return;
    }
    rows.sort_by(|(a, af, aw), (b, bf, bw)| {
        b.control
            .severity
            .cmp(&a.control.severity)
            .then(bf.cmp(af))
            .then(bw.cmp(aw))
            .then_with(|| a.control.id.cmp(&b.control.id))
    });
    let id_w = rows
        .iter()
        .map(|(c, _, _)| c.control.id.len())
        .max()
        .unwrap_or(0);
    for (c, failing, warning) in rows {
        let mut counts = Vec::new();
        for (n, word, style) in [
            (failing, "failing", RED),
            (warning, "warning", YELLOW),
            (c.count(Outcome::Error), "errors", MAGENTA),
            (c.count(Outcome::Waived), "waived", DIM),
            (c.count(Outcome::Known), "known", DIM),
        ] {
            if n > 0 {
                counts.push(paint(style, &format!("{n} {word}")));
            }
        }
        let _ = writeln!(
            out,
            "  {:<8} {:<id_w$}  {}",
            c.control.severity.name(),
            c.control.id,
            counts.join(", ")
        );
    }
    let _ = writeln!(out);
}

/// Where a finding is reported: its location, else its target's file.
fn place<'a>(target_path: &'a str, f: &'a Finding) -> (&'a str, usize) {
    match &f.location {
        Some(l) => (l.path.as_str(), l.line),
        None => (target_path, 0),
    }
}

fn mark(f: &Finding) -> String {
    match (f.level, &f.waiver) {
        (_, Some(_)) => paint(DIM, "waived"),
        (_, None) if f.known => paint(DIM, "known"),
        (Level::Deny, None) => paint(RED, "✗"),
        (Level::Warn, None) => paint(YELLOW, "!"),
    }
}

/// The message, after the resource unless the message already names it
/// (whole, or by its last part: `container api of Deployment/web` names
/// `Deployment/web/container:api`), so a line says each thing once.
fn subject_and_message(f: &Finding) -> String {
    match f.resource.as_deref() {
        Some(r) if !names(&f.message, r) => format!("{r}: {}", f.message),
        _ => f.message.clone(),
    }
}

fn names(message: &str, resource: &str) -> bool {
    if message.contains(resource) {
        return true;
    }
    let last = resource.rsplit(['/', ':', '.']).next().unwrap_or(resource);
    last.chars().count() >= 3 && message.contains(last)
}

/// What follows a finding line: where a module was called from, and why a
/// waived finding is waived.
fn finding_notes(out: &mut dyn Write, f: &Finding, indent: &str) {
    if let Some(c) = f.called_from() {
        let _ = writeln!(out, "{indent}{}", paint(DIM, &c));
    }
    if let Some(w) = &f.waiver {
        let mut why = format!("reason: {}", w.reason);
        if let Some(o) = &w.owner {
            why.push_str(&format!("; owner {o}"));
        }
        if let Some(e) = &w.expires {
            why.push_str(&format!("; expires {e}"));
        }
        let _ = writeln!(out, "{indent}{}", paint(DIM, &why));
    }
}
