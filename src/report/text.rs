//! The text report, written to be read at a thousand findings: the counts
//! first (per severity and per control), then the findings grouped by
//! control (the default), by file or by severity, each line short (the
//! group's key is never repeated on its lines), then what was not examined,
//! waivers, baseline changes, coverage, and the verdict last, where a CI log
//! ends. Colours are anstyle codes; the caller's stream (anstream) strips
//! them when the output is not a terminal.

use crate::controls::Severity;
use crate::results::coverage::{Coverage, Item, Status};
use crate::results::{ControlResult, Finding, Level, Outcome, ScanResult, TargetResult};
use crate::words::plural;
use anstyle::{AnsiColor, Style};
use std::collections::BTreeMap;
use std::fmt::Write;

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
/// (live before waived or known, then by severity, in report order among
/// equals), wherever the grouping puts them; and how many were held back.
struct Budget {
    shown: Option<std::collections::HashSet<*const Finding>>,
    withheld: usize,
}

impl Budget {
    fn new(result: &ScanResult, opts: &TextOptions) -> Budget {
        let Some(max) = opts.max_findings else {
            return Budget {
                shown: None,
                withheld: 0,
            };
        };
        let mut all: Vec<(bool, Severity, *const Finding)> = result
            .controls
            .iter()
            .flat_map(|c| {
                c.targets
                    .held()
                    .iter()
                    .flat_map(|t| &t.findings)
                    .filter(|f| !opts.quiet || f.is_live())
                    .map(move |f| (f.is_live(), c.control.severity, f as *const Finding))
            })
            .collect();
        all.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        Budget {
            shown: Some(all.into_iter().take(max).map(|(_, _, f)| f).collect()),
            withheld: 0,
        }
    }

    /// Whether this finding is printed (counting it if not).
    fn take(&mut self, f: &Finding) -> bool {
        match &self.shown {
            Some(shown) if !shown.contains(&(f as *const Finding)) => {
                self.withheld += 1;
                false
            }
            _ => true,
        }
    }
}

/// A finding with what the grouped views need beside it.
struct Row<'a> {
    control: &'a ControlResult,
    path: &'a str,
    line: usize,
    finding: &'a Finding,
}

pub fn render(result: &ScanResult, opts: &TextOptions) -> String {
    // Findings are grouped and sorted across controls: hold the targets
    // that did not pass (never the passes) while rendering.
    let view = result.unpassed();
    let result = &view;
    let mut out = String::new();
    summary_first(&mut out, result);
    let mut budget = Budget::new(result, opts);
    match opts.group_by {
        GroupBy::Control => {
            let ordered: Vec<&ControlResult> = result.controls.iter().collect();
            by_control(&mut out, &ordered, opts, &mut budget, false);
        }
        GroupBy::Severity => {
            let mut ordered: Vec<&ControlResult> = result.controls.iter().collect();
            ordered.sort_by(|a, b| {
                b.control
                    .severity
                    .cmp(&a.control.severity)
                    .then_with(|| a.control.id.cmp(&b.control.id))
            });
            by_control(&mut out, &ordered, opts, &mut budget, true);
        }
        GroupBy::File => by_file(&mut out, result, opts, &mut budget),
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
    not_examined(&mut out, result, opts.quiet);
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
        coverage_summary(&mut out, &result.coverage);
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
    out
}

/// Live findings (neither waived nor known) of a control, by level.
fn live(c: &ControlResult, level: Level) -> usize {
    c.targets
        .held()
        .iter()
        .flat_map(|t| &t.findings)
        .filter(|f| f.level == level && f.is_live())
        .count()
}

/// The counts a reader needs before any detail: failing findings per
/// severity, then each control that failed, warned, erred or was waived,
/// worst first.
fn summary_first(out: &mut String, result: &ScanResult) {
    let mut per_severity: BTreeMap<Severity, usize> = BTreeMap::new();
    let mut rows: Vec<(&ControlResult, usize, usize)> = Vec::new();
    for c in &result.controls {
        let (failing, warning) = (live(c, Level::Deny), live(c, Level::Warn));
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

/// Controls one after another, each with its findings grouped by file;
/// with `headed`, a heading at each change of severity.
fn by_control(
    out: &mut String,
    controls: &[&ControlResult],
    opts: &TextOptions,
    budget: &mut Budget,
    headed: bool,
) {
    let mut idle = Vec::new();
    let mut heading: Option<Severity> = None;
    for c in controls {
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
        control_block(out, c, opts, budget);
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
}

/// Where a finding is reported: its location, else its target's file.
fn place<'a>(t: &'a TargetResult, f: &'a Finding) -> (&'a str, usize) {
    match &f.location {
        Some(l) => (l.path.as_str(), l.line),
        None => (t.path.as_str(), 0),
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
fn finding_notes(out: &mut String, f: &Finding, indent: &str) {
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

fn control_block(out: &mut String, c: &ControlResult, opts: &TextOptions, budget: &mut Budget) {
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
    let mut rows: Vec<(&str, usize, Option<&Finding>, &TargetResult)> = Vec::new();
    for t in c.targets.held() {
        match t.outcome {
            Outcome::Error => rows.push((t.path.as_str(), 0, None, t)),
            Outcome::Pass => {}
            _ => {
                for f in &t.findings {
                    if opts.quiet && !f.is_live() {
                        continue;
                    }
                    let (path, line) = place(t, f);
                    rows.push((path, line, Some(f), t));
                }
            }
        }
    }
    rows.sort_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
    let mut withheld = 0;
    for (path, line, finding, t) in rows {
        if finding.is_some_and(|f| !budget.take(f)) {
            withheld += 1;
            continue;
        }
        let at = if line > 0 {
            format!("{path}:{line}")
        } else {
            path.to_owned()
        };
        match finding {
            None => {
                let _ = writeln!(
                    out,
                    "    {} {} {}",
                    paint(MAGENTA, "error"),
                    paint(BOLD, &t.name),
                    t.error.as_deref().unwrap_or("")
                );
            }
            Some(f) => {
                let _ = writeln!(
                    out,
                    "    {} {}  {}",
                    mark(f),
                    paint(BOLD, &at),
                    subject_and_message(f)
                );
                finding_notes(out, f, "      ");
            }
        }
    }
    if withheld > 0 {
        let _ = writeln!(out, "    {}", paint(DIM, &format!("… and {withheld} more")));
    }
    if c.count(Outcome::Fail) > 0 && !control.remediation.is_empty() {
        let _ = writeln!(out, "  {} {}", paint(DIM, "fix:"), control.remediation);
    }
}

/// Files one after another, each resource once with the findings of every
/// control on it, worst first.
fn by_file(out: &mut String, result: &ScanResult, opts: &TextOptions, budget: &mut Budget) {
    let mut rows: Vec<Row> = Vec::new();
    let mut errors: Vec<(&str, &ControlResult, &TargetResult)> = Vec::new();
    let mut passed = Vec::new();
    let mut idle = 0;
    for c in &result.controls {
        match c.outcome() {
            None => idle += 1,
            Some(Outcome::Pass) => passed.push(c.control.id.as_str()),
            Some(_) => {}
        }
        for t in c.targets.held() {
            if t.outcome == Outcome::Error {
                errors.push((t.path.as_str(), c, t));
            }
            for f in &t.findings {
                if opts.quiet && !f.is_live() {
                    continue;
                }
                let (path, line) = place(t, f);
                rows.push(Row {
                    control: c,
                    path,
                    line,
                    finding: f,
                });
            }
        }
    }
    // Each resource once per file, at its first line; its findings under it,
    // by line, worst first.
    let mut first_line: BTreeMap<(&str, Option<&str>), usize> = BTreeMap::new();
    for r in &rows {
        let e = first_line
            .entry((r.path, r.finding.resource.as_deref()))
            .or_insert(r.line);
        *e = (*e).min(r.line);
    }
    let first = |r: &Row| first_line[&(r.path, r.finding.resource.as_deref())];
    rows.sort_by(|a, b| {
        a.path
            .cmp(b.path)
            .then(first(a).cmp(&first(b)))
            .then(a.finding.resource.cmp(&b.finding.resource))
            .then(a.line.cmp(&b.line))
            .then(b.control.control.severity.cmp(&a.control.control.severity))
            .then_with(|| a.control.control.id.cmp(&b.control.control.id))
    });
    errors.sort_by(|a, b| {
        a.0.cmp(b.0)
            .then_with(|| a.1.control.id.cmp(&b.1.control.id))
    });
    let id_w = rows
        .iter()
        .map(|r| r.control.control.id.len())
        .max()
        .unwrap_or(0);
    let mut file: Option<&str> = None;
    let mut resource: Option<&Option<String>> = None;
    let mut withheld: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        if !budget.take(r.finding) {
            *withheld.entry(r.path).or_default() += 1;
            continue;
        }
        if file != Some(r.path) {
            file = Some(r.path);
            resource = None;
            let _ = writeln!(out, "{}", paint(BOLD, r.path));
        }
        if resource != Some(&r.finding.resource) {
            resource = Some(&r.finding.resource);
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
        let c = &r.control.control;
        let _ = writeln!(
            out,
            "{} {} {:<8} {:<id_w$}  {}",
            paint(DIM, &at),
            mark(r.finding),
            c.severity.name(),
            c.id,
            r.finding.message
        );
        finding_notes(out, r.finding, "          ");
    }
    for (path, n) in withheld {
        let _ = writeln!(
            out,
            "{}",
            paint(DIM, &format!("{path}: {n} more finding{}", plural(n)))
        );
    }
    for (path, c, t) in errors {
        let _ = writeln!(
            out,
            "{} {path}: {} could not evaluate {}: {}",
            paint(MAGENTA, "error"),
            c.control.id,
            t.name,
            t.error.as_deref().unwrap_or("")
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
}

/// Lines of lists (ids of controls or criteria) end by this column.
const WIDTH: usize = 100;

/// `head` then the items, comma-separated, wrapped at [`WIDTH`] with the
/// continuation lines indented: a list of 200 ids stays readable.
fn wrapped(out: &mut String, style: Style, head: &str, items: &[&str]) {
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
fn not_examined(out: &mut String, result: &ScanResult, quiet: bool) {
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
fn coverage_summary(out: &mut String, cov: &Coverage) {
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
