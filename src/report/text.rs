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

/// Controls one after another (`order` indexes the result's controls),
/// each with its findings grouped by file; with `headed`, a heading at each
/// change of severity.
fn by_control(
    out: &mut dyn Write,
    result: &ScanResult,
    order: &[usize],
    opts: &TextOptions,
    budget: &mut Budget,
    headed: bool,
) -> io::Result<()> {
    let mut idle = Vec::new();
    let mut heading: Option<Severity> = None;
    for &ci in order {
        let c = &result.controls[ci];
        let outcome = c.outcome();
        match outcome {
            None => {
                idle.push(c.control.id.as_str());
                continue;
            }
            Some(Outcome::Pass | Outcome::Waived | Outcome::Known) if opts.quiet => continue,
            Some(_) => {}
        }
        if headed && heading != Some(c.control.severity) {
            heading = Some(c.control.severity);
            let _ = writeln!(
                out,
                "{}",
                paint(BOLD, &format!("── {} ──", c.control.severity))
            );
        }
        let shown = budget.of(ci);
        control_block(out, c, opts, shown, &mut budget.withheld)?;
    }
    if !idle.is_empty() && !opts.quiet {
        wrapped(
            out,
            DIM,
            &format!(
                "{} control{} had nothing to examine:",
                idle.len(),
                plural(idle.len())
            ),
            &idle,
        );
    }
    Ok(())
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

fn control_block(
    out: &mut dyn Write,
    c: &ControlResult,
    opts: &TextOptions,
    mut shown: Shown,
    withheld_total: &mut usize,
) -> io::Result<()> {
    let control = &c.control;
    let label = match c.outcome() {
        Some(Outcome::Fail) => paint(RED, "FAIL "),
        Some(Outcome::Error) => paint(MAGENTA, "ERROR"),
        Some(Outcome::Warn) => paint(YELLOW, "WARN "),
        Some(Outcome::Waived) => paint(DIM, "WAIVE"),
        Some(Outcome::Known) => paint(DIM, "KNOWN"),
        _ => paint(GREEN, "PASS "),
    };
    let mapping: Vec<&str> = control
        .soc2
        .iter()
        .chain(&control.soc1)
        .map(String::as_str)
        .collect();
    let passed = c.count(Outcome::Pass);
    let _ = writeln!(
        out,
        "{label} {} {} {}{}{}",
        paint(BOLD, &control.id),
        paint(DIM, &format!("[{}]", control.severity)),
        control.title,
        if mapping.is_empty() {
            String::new()
        } else {
            paint(DIM, &format!("  ({})", mapping.join(" ")))
        },
        if passed > 0 {
            paint(DIM, &format!("  {passed} passed"))
        } else {
            String::new()
        }
    );
    // Findings by file, then line; errors under their file too.
    let mut rows: Sorter<ControlRow> = Sorter::new(
        |a, b| a.path.cmp(&b.path).then(a.line.cmp(&b.line)),
        spill_after(),
    );
    if has_unpassed(c) {
        for t in c.targets.iter() {
            match t.outcome {
                Outcome::Error => rows.push(ControlRow {
                    path: t.path.clone(),
                    line: 0,
                    shown: true,
                    what: What::Error {
                        target: t.name.clone(),
                        error: t.error.clone().unwrap_or_default(),
                    },
                })?,
                Outcome::Pass => {}
                _ => {
                    for f in &t.findings {
                        if opts.quiet && !f.is_live() {
                            continue;
                        }
                        let (path, line) = place(&t.path, f);
                        rows.push(ControlRow {
                            path: path.to_owned(),
                            line,
                            shown: shown.next(f),
                            what: What::Finding(Box::new(f.clone())),
                        })?;
                    }
                }
            }
        }
    }
    let mut withheld = 0;
    for row in rows.finish()? {
        let ControlRow {
            path,
            line,
            shown,
            what,
        } = row?;
        if !shown {
            withheld += 1;
            *withheld_total += 1;
            continue;
        }
        let at = if line > 0 {
            format!("{path}:{line}")
        } else {
            path
        };
        match what {
            What::Error { target, error } => {
                let _ = writeln!(
                    out,
                    "    {} {} {}",
                    paint(MAGENTA, "error"),
                    paint(BOLD, &target),
                    error
                );
            }
            What::Finding(f) => {
                let _ = writeln!(
                    out,
                    "    {} {}  {}",
                    mark(&f),
                    paint(BOLD, &at),
                    subject_and_message(&f)
                );
                finding_notes(out, &f, "      ");
            }
        }
    }
    if withheld > 0 {
        let _ = writeln!(out, "    {}", paint(DIM, &format!("… and {withheld} more")));
    }
    if c.count(Outcome::Fail) > 0 && !control.remediation.is_empty() {
        let _ = writeln!(out, "  {} {}", paint(DIM, "fix:"), control.remediation);
    }
    Ok(())
}

/// Files one after another, each resource once with the findings of every
/// control on it, worst first.
fn by_file(
    out: &mut dyn Write,
    result: &ScanResult,
    opts: &TextOptions,
    budget: &mut Budget,
) -> io::Result<()> {
    let limit = spill_after();
    let mut rows: Sorter<FileRow> = Sorter::new(|a, b| a.path.cmp(&b.path), limit);
    let mut errors: Sorter<ErrorRow> = Sorter::new(
        |a, b| a.path.cmp(&b.path).then_with(|| a.control.cmp(&b.control)),
        limit,
    );
    let mut passed = Vec::new();
    let mut idle = 0;
    let mut id_w = 0;
    for (ci, c) in result.controls.iter().enumerate() {
        match c.outcome() {
            None => idle += 1,
            Some(Outcome::Pass) => passed.push(c.control.id.as_str()),
            Some(_) => {}
        }
        let t = c.targets.tally();
        let listed =
            t.live(Level::Deny) + t.live(Level::Warn) + if opts.quiet { 0 } else { t.not_live() };
        if listed > 0 {
            id_w = id_w.max(c.control.id.len());
        }
        if !has_unpassed(c) {
            continue;
        }
        let mut shown = budget.of(ci);
        for t in c.targets.iter() {
            if t.outcome == Outcome::Error {
                errors.push(ErrorRow {
                    path: t.path.clone(),
                    control: c.control.id.clone(),
                    target: t.name.clone(),
                    error: t.error.clone().unwrap_or_default(),
                })?;
            }
            for f in &t.findings {
                if opts.quiet && !f.is_live() {
                    continue;
                }
                let (path, line) = place(&t.path, f);
                rows.push(FileRow {
                    path: path.to_owned(),
                    line,
                    control: ci,
                    shown: shown.next(f),
                    finding: f.clone(),
                })?;
            }
        }
    }
    // Rows come sorted by file; each file's rows are ordered, and written,
    // one file at a time.
    let mut withheld: Vec<(String, usize)> = Vec::new();
    let mut file: Vec<FileRow> = Vec::new();
    for row in rows.finish()? {
        let row = row?;
        if file.first().is_some_and(|f| f.path != row.path) {
            one_file(
                out,
                result,
                std::mem::take(&mut file),
                id_w,
                budget,
                &mut withheld,
            );
        }
        file.push(row);
    }
    if !file.is_empty() {
        one_file(out, result, file, id_w, budget, &mut withheld);
    }
    for (path, n) in withheld {
        let _ = writeln!(
            out,
            "{}",
            paint(DIM, &format!("{path}: {n} more finding{}", plural(n)))
        );
    }
    for e in errors.finish()? {
        let e = e?;
        let _ = writeln!(
            out,
            "{} {}: {} could not evaluate {}: {}",
            paint(MAGENTA, "error"),
            e.path,
            e.control,
            e.target,
            e.error
        );
    }
    if !opts.quiet && !passed.is_empty() {
        wrapped(
            out,
            DIM,
            &format!(
                "{} control{} passed everywhere they looked:",
                passed.len(),
                plural(passed.len())
            ),
            &passed,
        );
    }
    if !opts.quiet && idle > 0 {
        let _ = writeln!(
            out,
            "{}",
            paint(
                DIM,
                &format!(
                    "{idle} control{} had nothing to examine (`--group-by control` names them)",
                    plural(idle)
                )
            )
        );
    }
    Ok(())
}

/// One file's findings: each resource once, at its first line, its
/// findings under it by line, worst first. Findings held back by the
/// budget are counted in `withheld` for the file.
fn one_file(
    out: &mut dyn Write,
    result: &ScanResult,
    mut rows: Vec<FileRow>,
    id_w: usize,
    budget: &mut Budget,
    withheld: &mut Vec<(String, usize)>,
) {
    let mut first_line: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    for r in &rows {
        let e = first_line
            .entry(r.finding.resource.as_deref())
            .or_insert(r.line);
        *e = (*e).min(r.line);
    }
    let first: Vec<usize> = rows
        .iter()
        .map(|r| first_line[&r.finding.resource.as_deref()])
        .collect();
    drop(first_line);
    let control = |r: &FileRow| &result.controls[r.control].control;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        first[a]
            .cmp(&first[b])
            .then(ra.finding.resource.cmp(&rb.finding.resource))
            .then(ra.line.cmp(&rb.line))
            .then(control(rb).severity.cmp(&control(ra).severity))
            .then_with(|| control(ra).id.cmp(&control(rb).id))
    });
    let mut heading = false;
    let mut resource: Option<Option<String>> = None;
    let mut held_back = 0;
    for i in order {
        let r = &mut rows[i];
        if !r.shown {
            held_back += 1;
            budget.withheld += 1;
            continue;
        }
        if !heading {
            heading = true;
            let _ = writeln!(out, "{}", paint(BOLD, &r.path));
        }
        if resource.as_ref() != Some(&r.finding.resource) {
            resource = Some(r.finding.resource.clone());
            let _ = writeln!(
                out,
                "  {}",
                r.finding.resource.as_deref().unwrap_or("(the document)")
            );
        }
        let at = if r.line > 0 {
            format!("{:>6}", r.line)
        } else {
            " ".repeat(6)
        };
        let c = &result.controls[r.control].control;
        let _ = writeln!(
            out,
            "{} {} {:<8} {:<id_w$}  {}",
            paint(DIM, &at),
            mark(&r.finding),
            c.severity.name(),
            c.id,
            r.finding.message
        );
        finding_notes(out, &r.finding, "          ");
    }
    if held_back > 0 {
        if let Some(r) = rows.first_mut() {
            withheld.push((std::mem::take(&mut r.path), held_back));
        }
    }
}

/// Lines of lists (ids of controls or criteria) end by this column.
const WIDTH: usize = 100;

/// `head` then the items, comma-separated, wrapped at [`WIDTH`] with the
/// continuation lines indented: a list of 200 ids stays readable.
fn wrapped(out: &mut dyn Write, style: Style, head: &str, items: &[&str]) {
    let mut line = head.to_owned();
    let mut width = head.chars().count();
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item},")
        } else {
            (*item).to_owned()
        };
        let len = piece.chars().count() + 1;
        if width + len > WIDTH && width > 2 {
            let _ = writeln!(out, "{}", paint(style, &line));
            line = String::from("  ");
            width = 2;
        }
        line.push(' ');
        line.push_str(&piece);
        width += len;
    }
    let _ = writeln!(out, "{}", paint(style, &line));
}

/// Files listed one by one up to this many per reason; the rest counted.
const FILES_SHOWN: usize = 5;

/// What the scan did not examine: every module call, each provider's
/// unread resource types, and files (a few by name per reason, counted).
fn not_examined(out: &mut dyn Write, result: &ScanResult, quiet: bool) {
    let ne = &result.not_examined;
    if ne.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", paint(YELLOW, "Not examined:"));
    for u in &ne.module_calls {
        let at = u.line.map_or(u.path.clone(), |l| format!("{}:{l}", u.path));
        let _ = writeln!(out, "  {at} module {}: {}", u.what, u.reason);
    }
    for (provider, u) in &ne.resource_types {
        let _ = writeln!(
            out,
            "  {provider}: {} resource{} of types no loaded control reads: {}",
            u.resources,
            plural(u.resources),
            u.types.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    let mut by_reason: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for f in &ne.files {
        by_reason.entry(&f.reason).or_default().push(&f.path);
    }
    for (reason, paths) in by_reason {
        let shown = if quiet { 0 } else { FILES_SHOWN };
        let mut line = format!("  {} file{}: {reason}", paths.len(), plural(paths.len()));
        if shown > 0 {
            line.push_str(&format!(
                " ({}{})",
                paths
                    .iter()
                    .take(shown)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", "),
                if paths.len() > shown {
                    format!(", and {} more", paths.len() - shown)
                } else {
                    String::new()
                }
            ));
        }
        let _ = writeln!(out, "{line}");
    }
}

/// Coverage as a table: every criterion and objective in scope with its
/// controls, and, after a scan, its status and counts; then those that need
/// manual evidence.
pub fn coverage(cov: &Coverage, scanned: bool) -> String {
    let mut out = String::new();
    let status_style = |s: Status| match s {
        Status::Passing => GREEN,
        Status::Failing => RED,
        Status::Incomplete => MAGENTA,
        Status::Waived | Status::Partial | Status::NotExamined => YELLOW,
        Status::Manual => DIM,
    };
    for (title, items) in [
        ("SOC 2 criteria", &cov.soc2),
        ("SOC 1 objectives", &cov.soc1),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}", paint(BOLD, title));
        let id_w = items.iter().map(|i| i.id.len()).max().unwrap_or(0);
        for i in items {
            let controls = if i.controls.is_empty() {
                paint(DIM, "no automated control")
            } else {
                i.controls.join(", ")
            };
            if scanned {
                let _ = writeln!(
                    out,
                    "  {:<id_w$}  {}  {}  {}",
                    i.id,
                    paint(status_style(i.status), &format!("{:<22}", i.status.label())),
                    paint(
                        DIM,
                        &format!(
                            "{:>3} pass {:>3} fail {:>3} waived",
                            i.passed, i.failed, i.waived
                        )
                    ),
                    controls
                );
            } else {
                let _ = writeln!(
                    out,
                    "  {:<id_w$}  {:<48}  {}",
                    i.id,
                    truncate(&i.title, 48),
                    controls
                );
            }
        }
    }
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// The coverage part of `assure test`'s text report: the criteria with
/// automated controls and their results, then, plainly, what needs manual
/// evidence.
fn coverage_summary(out: &mut dyn Write, cov: &Coverage) {
    let automated: Vec<&Item> = cov
        .soc2
        .iter()
        .chain(&cov.soc1)
        .filter(|i| i.status != Status::Manual)
        .collect();
    if automated.is_empty() && cov.manual().next().is_none() {
        return;
    }
    let _ = writeln!(out, "\n{}", paint(BOLD, "Coverage by criterion:"));
    let id_w = automated
        .iter()
        .map(|i| i.id.len())
        .max()
        .unwrap_or(0)
        .max(9);
    let _ = writeln!(
        out,
        "  {}",
        paint(
            DIM,
            &format!(
                "{:<id_w$}  {:<13}  {:>8}  {:>4}  {:>4}  {:>6}",
                "criterion", "status", "controls", "pass", "fail", "waived"
            )
        )
    );
    for i in &automated {
        let style = match i.status {
            Status::Passing => GREEN,
            Status::Failing => RED,
            Status::Incomplete => MAGENTA,
            _ => YELLOW,
        };
        let _ = writeln!(
            out,
            "  {:<id_w$}  {}  {:>8}  {:>4}  {:>4}  {:>6}",
            i.id,
            paint(style, &format!("{:<13}", i.status.label())),
            i.controls.len(),
            i.passed,
            i.failed,
            i.waived
        );
    }
    let partial = automated.iter().filter(|i| !i.not_run.is_empty()).count();
    if partial > 0 {
        let _ = writeln!(
            out,
            "{}",
            paint(
                YELLOW,
                &format!(
                    "Coverage is partial: {partial} criteri{} have controls that --control or --skip-control left out",
                    if partial == 1 { "on" } else { "a" }
                )
            )
        );
    }
    let manual: Vec<&str> = cov.manual().map(|i| i.id.as_str()).collect();
    if !manual.is_empty() {
        wrapped(
            out,
            YELLOW,
            &format!(
                "Manual evidence needed ({}, no automated control):",
                manual.len()
            ),
            &manual,
        );
    }
}
