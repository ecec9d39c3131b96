//! The text report: grouped by control, worst first within the summary
//! order of controls (by id), failures with file:line, a summary line and
//! the verdict at the end. Colours are anstyle codes; the caller's stream
//! (anstream) strips them when the output is not a terminal.

use crate::results::coverage::{Coverage, Item, Status};
use crate::results::{ControlResult, Level, Outcome, ScanResult};
use crate::words::plural;
use anstyle::{AnsiColor, Style};
use std::fmt::Write;

const RED: Style = AnsiColor::Red.on_default().bold();
const GREEN: Style = AnsiColor::Green.on_default().bold();
const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
const MAGENTA: Style = AnsiColor::Magenta.on_default().bold();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

pub struct TextOptions {
    /// Only failing, erroring and warning controls, and the summary.
    pub quiet: bool,
}

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

pub fn render(result: &ScanResult, opts: &TextOptions) -> String {
    let mut out = String::new();
    let mut idle = Vec::new();
    for c in &result.controls {
        match c.outcome() {
            None => idle.push(c.control.id.as_str()),
            Some(Outcome::Pass | Outcome::Waived) if opts.quiet => {}
            Some(_) => control_block(&mut out, c),
        }
    }
    if !idle.is_empty() && !opts.quiet {
        let _ = writeln!(
            out,
            "{} {}",
            paint(
                DIM,
                &format!(
                    "{} control{} had nothing to examine:",
                    idle.len(),
                    plural(idle.len())
                )
            ),
            paint(DIM, &idle.join(", "))
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

fn control_block(out: &mut String, c: &ControlResult) {
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
    let _ = writeln!(
        out,
        "{label} {} {} {}{}",
        paint(BOLD, &control.id),
        paint(DIM, &format!("[{}]", control.severity)),
        control.title,
        if mapping.is_empty() {
            String::new()
        } else {
            paint(DIM, &format!("  ({})", mapping.join(" ")))
        }
    );
    for t in &c.targets {
        match t.outcome {
            Outcome::Fail | Outcome::Warn | Outcome::Waived | Outcome::Known => {
                for f in &t.findings {
                    let mark = match (f.level, &f.waiver) {
                        (_, Some(_)) => paint(DIM, "waived"),
                        (_, None) if f.known => paint(DIM, "known"),
                        (Level::Deny, None) => paint(RED, "✗"),
                        (Level::Warn, None) => paint(YELLOW, "!"),
                    };
                    let subject = f
                        .resource
                        .as_deref()
                        .map(|r| format!("{r}: "))
                        .unwrap_or_default();
                    let place = match &f.location {
                        Some(l) => format!("{}:{}", l.path, l.line),
                        None => t.path.clone(),
                    };
                    let _ = writeln!(
                        out,
                        "    {mark} {} {subject}{}",
                        paint(BOLD, &place),
                        f.message
                    );
                    if let Some(c) = f.called_from() {
                        let _ = writeln!(out, "      {}", paint(DIM, &c));
                    }
                    if let Some(w) = &f.waiver {
                        let mut why = format!("reason: {}", w.reason);
                        if let Some(o) = &w.owner {
                            why.push_str(&format!("; owner {o}"));
                        }
                        if let Some(e) = &w.expires {
                            why.push_str(&format!("; expires {e}"));
                        }
                        let _ = writeln!(out, "      {}", paint(DIM, &why));
                    }
                }
            }
            Outcome::Error => {
                let _ = writeln!(
                    out,
                    "    {} {} {}",
                    paint(MAGENTA, "error"),
                    paint(BOLD, &t.name),
                    t.error.as_deref().unwrap_or("")
                );
            }
            Outcome::Pass => {}
        }
    }
    if c.count(Outcome::Fail) > 0 && !control.remediation.is_empty() {
        let _ = writeln!(out, "    {} {}", paint(DIM, "fix:"), control.remediation);
    }
    let passed = c.count(Outcome::Pass);
    if passed > 0 {
        let _ = writeln!(out, "    {}", paint(DIM, &format!("{passed} passed")));
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
        Status::Waived | Status::NotExamined => YELLOW,
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
    let manual: Vec<&str> = cov.manual().map(|i| i.id.as_str()).collect();
    if !manual.is_empty() {
        let _ = writeln!(
            out,
            "{} {}",
            paint(
                YELLOW,
                &format!(
                    "Manual evidence needed ({}, no automated control):",
                    manual.len()
                )
            ),
            manual.join(", ")
        );
    }
}
