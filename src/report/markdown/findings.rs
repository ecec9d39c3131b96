//! The per-control table and the findings appendix: each finding listed
//! once, under the control that found it.

use super::*;

/// Every control that ran with its counts, those failing first (critical
/// first), then those with anything else to look at, then the clean ones;
/// the controls that examined nothing on one line.
pub(super) fn controls_table(
    out: &mut dyn Write,
    result: &ScanResult,
    counts: &BTreeMap<&str, Counts>,
    link: &dyn Fn(&str) -> String,
) {
    let (mut ran, idle): (Vec<&ControlResult>, Vec<&ControlResult>) =
        result.controls.iter().partition(|c| !c.targets.is_empty());
    let none = Counts::default();
    let of = |c: &ControlResult| counts.get(c.control.id.as_str()).unwrap_or(&none);
    let rank = |c: &ControlResult| {
        let n = of(c);
        if n.failed > 0 {
            0
        } else if n.listed() {
            1
        } else {
            2
        }
    };
    ran.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| by_severity(a, b)));
    let _ = writeln!(out, "## Controls\n");
    if ran.is_empty() {
        let _ = writeln!(out, "No control examined anything in this scan.\n");
    } else {
        let _ = writeln!(
            out,
            "{} control{} examined something, {} of them with failures. Counts are resources (targets); the findings are listed under *Findings*.\n",
            ran.len(),
            plural(ran.len()),
            ran.iter().filter(|c| of(c).failed > 0).count()
        );
        let _ = writeln!(
            out,
            "| control | severity | title | passed | failed | warned | waived | known | errors |\n|---|---|---|---|---|---|---|---|---|"
        );
        for c in ran {
            let n = of(c);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                link(&c.control.id),
                c.control.severity,
                esc(&c.control.title),
                n.passed,
                n.failed,
                n.warned,
                n.waived,
                n.known,
                n.errors
            );
        }
        let _ = writeln!(out);
    }
    if !idle.is_empty() {
        let mut ids: Vec<&str> = idle.iter().map(|c| c.control.id.as_str()).collect();
        ids.sort_unstable();
        let _ = writeln!(
            out,
            "Examined nothing in this scan ({} control{}, no evidence either way): {}.\n",
            ids.len(),
            plural(ids.len()),
            ids.iter()
                .map(|id| code_text(id))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}

/// The appendix: each finding once, under the control that found it, with
/// file:line, resource and message; waived ones with reason, owner and
/// expiry, known ones marked; evaluation errors too.
pub(super) fn findings(
    out: &mut dyn Write,
    result: &ScanResult,
    counts: &BTreeMap<&str, Counts>,
    anchors: &BTreeMap<&str, String>,
) {
    let mut controls: Vec<&ControlResult> = result
        .controls
        .iter()
        .filter(|c| {
            counts
                .get(c.control.id.as_str())
                .is_some_and(Counts::listed)
        })
        .collect();
    controls.sort_by(|a, b| by_severity(a, b));
    let _ = writeln!(out, "## Findings\n");
    if controls.is_empty() {
        let _ = writeln!(out, "No finding and no evaluation error.");
        return;
    }
    let _ = writeln!(
        out,
        "Each finding once, under the control that found it; controls by severity, critical first, then by id.\n"
    );
    for c in controls {
        let ctl = &c.control;
        let anchor = anchors.get(ctl.id.as_str()).cloned().unwrap_or_default();
        let _ = writeln!(
            out,
            "### <a id=\"{anchor}\"></a>{} {}\n",
            code_text(&ctl.id),
            esc(&ctl.title)
        );
        let maps: Vec<String> = ctl.soc2.iter().chain(&ctl.soc1).map(|m| esc(m)).collect();
        let _ = write!(
            out,
            "Severity {}; {}; {}.",
            ctl.severity,
            if maps.is_empty() {
                "maps to no criterion".to_owned()
            } else {
                format!("maps to {}", maps.join(", "))
            },
            counts
                .get(ctl.id.as_str())
                .map(Counts::words)
                .unwrap_or_default()
        );
        if !ctl.remediation.is_empty() {
            let _ = write!(out, " Remediation: {}", esc(&ctl.remediation));
        }
        let _ = writeln!(
            out,
            "\n\n| status | location | resource | message | waiver or baseline |\n|---|---|---|---|---|"
        );
        for t in c.targets.iter().filter(|t| t.outcome != Outcome::Pass) {
            if t.outcome == Outcome::Error {
                let _ = writeln!(
                    out,
                    "| **error** | {} | {} | could not evaluate: {} | |",
                    code(&t.path),
                    t.resource.as_deref().map(code).unwrap_or_default(),
                    esc(t.error.as_deref().unwrap_or(""))
                );
            }
            for f in &t.findings {
                row(out, f, &t);
            }
        }
        let _ = writeln!(out);
    }
}

pub(super) fn row(out: &mut dyn Write, f: &Finding, t: &TargetResult) {
    let status = if f.waiver.is_some() {
        "waived"
    } else if f.known {
        "known"
    } else {
        match f.level {
            Level::Deny => "**fail**",
            Level::Warn => "warn",
        }
    };
    let mut location = match &f.location {
        Some(l) => code(&format!("{}:{}", l.path, l.line)),
        None => code(&t.path),
    };
    if let Some(from) = f.called_from() {
        let _ = write!(location, " ({})", esc(&from));
    }
    let resource = f
        .resource
        .as_deref()
        .or(t.resource.as_deref())
        .map(code)
        .unwrap_or_default();
    let note = match (&f.waiver, &f.expired_waiver) {
        (Some(w), _) => format!(
            "{} (owner {}, expires {}, declared in {})",
            esc(&w.reason),
            esc(w.owner.as_deref().unwrap_or("?")),
            esc(w.expires.as_deref().unwrap_or("?")),
            code(&w.source)
        ),
        (None, Some(w)) => format!(
            "**waiver expired** {}: {}",
            esc(w.expires.as_deref().unwrap_or("?")),
            esc(&w.reason)
        ),
        (None, None) if f.known => "in the baseline: does not fail the run".to_owned(),
        (None, None) => String::new(),
    };
    let _ = writeln!(
        out,
        "| {status} | {location} | {resource} | {} | {note} |",
        esc(&f.message)
    );
}
