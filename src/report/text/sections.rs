//! The sections after the findings: what was not examined and coverage per
//! criterion (also `assure criteria`'s text), lists wrapped to a fixed width.

use super::*;

/// Lines of lists (ids of controls or criteria) end by this column.
pub(super) const WIDTH: usize = 100;

/// `head` then the items, comma-separated, wrapped at [`WIDTH`] with the
/// continuation lines indented: a list of 200 ids stays readable.
pub(super) fn wrapped(out: &mut dyn Write, style: Style, head: &str, items: &[&str]) {
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
pub(super) const FILES_SHOWN: usize = 5;

/// What the scan did not examine: every module call, each provider's
/// unread resource types, and files (a few by name per reason, counted).
pub(super) fn not_examined(out: &mut dyn Write, result: &ScanResult, quiet: bool) {
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

pub(super) fn truncate(s: &str, n: usize) -> String {
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
pub(super) fn coverage_summary(out: &mut dyn Write, cov: &Coverage) {
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
