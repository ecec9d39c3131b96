//! The report's opening: what the run was (time, repository, commit, policy
//! bundle, scope) and the summary an auditor reads first.

use super::*;

/// What the report is evidence of: when, which commit of which repository,
/// with which policies, over what.
pub(super) fn about(out: &mut dyn Write, result: &ScanResult, meta: &Meta) {
    let cov = &result.coverage;
    let src = &meta.source;
    let _ = writeln!(out, "# Compliance readiness report\n");
    let _ = writeln!(out, "| About this run | |\n|---|---|");
    let _ = writeln!(
        out,
        "| Date | {}{} |",
        meta.time.format("%Y-%m-%d %H:%M:%S UTC"),
        if meta.clock_overridden {
            " (clock set by ASSURE_NOW: not evidence of when the scan ran)"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "| Repository | {} |",
        src.remote.as_deref().map_or("unknown".to_owned(), code)
    );
    let _ = writeln!(
        out,
        "| Branch | {} |",
        src.branch.as_deref().map_or("unknown".to_owned(), code)
    );
    let _ = writeln!(
        out,
        "| Commit | {} |",
        match (&src.commit, src.dirty) {
            (None, _) => "unknown: not a git checkout".to_owned(),
            (Some(c), Some(true)) => format!(
                "{}, **with uncommitted changes**: the files scanned differ from the commit",
                code(c)
            ),
            (Some(c), Some(false)) => format!("{}, work tree clean", code(c)),
            (Some(c), None) => code(c),
        }
    );
    let _ = writeln!(
        out,
        "| Policy bundle | sha256 {} (of the `sha256sum` listing of the policy files and data documents, as the evidence ledger records it) |",
        code(&meta.policy_bundle)
    );
    let _ = writeln!(
        out,
        "| Scanned | {} |",
        meta.paths
            .iter()
            .map(|p| code(p))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        out,
        "| SOC 2 categories | {} |",
        if cov.scope.soc2_in_scope() {
            cov.scope
                .categories
                .iter()
                .map(|c| c.title())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            "not in scope".to_owned()
        }
    );
    let _ = writeln!(
        out,
        "| SOC 1 objectives | {} |",
        if !cov.scope.soc1_in_scope() {
            "not in scope".to_owned()
        } else if cov.scope.custom_objectives {
            format!(
                "{} declared by the organization",
                cov.scope.objectives.len()
            )
        } else {
            format!(
                "{} default IT general control objectives",
                cov.scope.objectives.len()
            )
        }
    );
    let _ = writeln!(out, "| Tool | assure {} |", result.tool.version);
    let s = &result.summary;
    let _ = writeln!(
        out,
        "| Result | {} controls over {} documents: {} targets passed, {} failed, {} warned, {} waived, {} known, {} errors; {} inputs could not be read |",
        s.controls, s.documents, s.passed, s.failed, s.warned, s.waived, s.known, s.errors, s.input_errors
    );
    if let Some(b) = &result.baseline {
        let _ = writeln!(
            out,
            "| Baseline | {}: {} known (reported, not failing the run), {} new, {} fixed |",
            code(&b.file),
            b.known,
            b.new,
            b.fixed.len()
        );
    }
}

pub(super) fn summary(out: &mut dyn Write, result: &ScanResult) {
    let cov = &result.coverage;
    let _ = writeln!(out, "\n## Summary\n");
    for (name, items) in [
        ("SOC 2 criteria", &cov.soc2),
        ("SOC 1 objectives", &cov.soc1),
    ] {
        if items.is_empty() {
            continue;
        }
        let count = |st: Status| items.iter().filter(|i| i.status == st).count();
        let parts: Vec<String> = [
            (Status::Passing, "passing"),
            (Status::Failing, "failing"),
            (Status::Incomplete, "incomplete"),
            (Status::Waived, "waived only"),
            (Status::Partial, "partial (controls not run)"),
            (Status::NotExamined, "not examined"),
            (
                Status::Manual,
                "without automated control (manual evidence needed)",
            ),
        ]
        .iter()
        .filter(|(st, _)| count(*st) > 0)
        .map(|(st, label)| format!("{} {label}", count(*st)))
        .collect();
        let _ = writeln!(
            out,
            "- **{name}** ({} in scope): {}.",
            items.len(),
            parts.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "\nA criterion passes only when at least one of its automated controls examined something and none failed. Automated controls are evidence for the configuration in this repository at this commit; they do not replace the evidence an auditor asks for over the audit period. Each finding is listed once, under its control in *Findings* at the end; the sections before link there.\n"
    );
}
