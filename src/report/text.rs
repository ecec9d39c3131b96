//! The text report: grouped by control, worst first within the summary
//! order of controls (by id), failures with file:line, a summary line and
//! the verdict at the end. Colours are anstyle codes; the caller's stream
//! (anstream) strips them when the output is not a terminal.

use crate::results::{plural, ControlResult, Level, Outcome, ScanResult};
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
    let s = &result.summary;
    let _ = writeln!(
        out,
        "\n{} {} control{}, {} document{}, {} target{}: {}, {}, {}, {}, {}{} in {:.2}s",
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

fn control_block(out: &mut String, c: &ControlResult) {
    let control = &c.control;
    let label = match c.outcome() {
        Some(Outcome::Fail) => paint(RED, "FAIL "),
        Some(Outcome::Error) => paint(MAGENTA, "ERROR"),
        Some(Outcome::Warn) => paint(YELLOW, "WARN "),
        Some(Outcome::Waived) => paint(DIM, "WAIVE"),
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
            Outcome::Fail | Outcome::Warn | Outcome::Waived => {
                for f in &t.findings {
                    let mark = match (f.level, &f.waiver) {
                        (_, Some(_)) => paint(DIM, "waived"),
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
                    if let Some(w) = &f.waiver {
                        let _ = writeln!(
                            out,
                            "      {}",
                            paint(DIM, &format!("reason: {}", w.reason))
                        );
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
