//! Findings grouped by control (the default view): each control's failing
//! targets under its heading, its findings one short line each.

use super::*;

/// Controls one after another (`order` indexes the result's controls),
/// each with its findings grouped by file; with `headed`, a heading at each
/// change of severity.
pub(super) fn by_control(
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

pub(super) fn control_block(
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
