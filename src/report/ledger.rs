//! The evidence ledger's commands as text: what `verify` found, the runs
//! `list` shows, one run as `show` shows it.

use crate::evidence::list::{Run, RunSummary};
use crate::evidence::verify::LedgerCheck;
use std::fmt::Write;

/// `assure evidence verify`: the verdict first, then each problem with the
/// record it concerns, the chains and who signed.
pub fn verify_text(check: &LedgerCheck) -> String {
    let mut out = String::new();
    let verdict = if check.passed() { "VERIFIED" } else { "FAILED" };
    let _ = writeln!(
        out,
        "{verdict}: {} of {} record{} checked in {}, {} problem{}",
        check.checked,
        check.records,
        s(check.records),
        check.store,
        check.problems.len(),
        s(check.problems.len())
    );
    for p in &check.problems {
        let _ = writeln!(out, "  ✗ {}: {}: {}", p.record, p.kind.name(), p.message);
    }
    for n in &check.notes {
        let _ = writeln!(out, "  note: {n}");
    }
    if !check.chains.is_empty() {
        let _ = writeln!(out, "chains:");
    }
    for c in &check.chains {
        let _ = writeln!(
            out,
            "  {}@{}: {} record{}, {} to {}, newest {}",
            c.repository.as_deref().unwrap_or("(no repository)"),
            c.branch.as_deref().unwrap_or("(no branch)"),
            c.records,
            s(c.records),
            c.first.as_deref().unwrap_or("?"),
            c.last.as_deref().unwrap_or("?"),
            c.head.as_deref().map_or("?", |h| &h[..12.min(h.len())])
        );
    }
    if !check.signers.is_empty() {
        let _ = writeln!(out, "signed by:");
    }
    for signer in &check.signers {
        let who = if signer.signer == signer.keyid {
            signer.keyid.clone()
        } else {
            format!("{} ({})", signer.signer, signer.keyid)
        };
        let _ = writeln!(
            out,
            "  {who}: {} record{}",
            signer.records,
            s(signer.records)
        );
    }
    if !check.keys_checked {
        let _ = writeln!(
            out,
            "signatures were checked against the key each record carries only: give --key or --allowed-signers to check who signed"
        );
    }
    let _ = writeln!(
        out,
        "a chain cannot show that its newest records were removed: compare each chain's newest record with the one your CI printed, or see the period report's completeness check"
    );
    out
}

/// `assure evidence list`: one line per run, oldest first.
pub fn list_text(runs: &[RunSummary]) -> String {
    let mut out = String::new();
    for r in runs {
        let commit = r.commit.as_deref().map_or("-", |c| &c[..12.min(c.len())]);
        let dirty = if r.dirty == Some(true) { "+dirty" } else { "" };
        let signed = if r.signed_by.is_empty() {
            "  unsigned"
        } else {
            ""
        };
        let clock = if r.clock != "system" {
            "  clock overridden"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{}  {}  {}@{} #{}  {commit}{dirty}  {}  {} failed of {}{signed}{clock}",
            &r.id[..12.min(r.id.len())],
            r.time,
            r.repository.as_deref().unwrap_or("(no repository)"),
            r.branch.as_deref().unwrap_or("(no branch)"),
            r.sequence,
            if r.passed { "passed" } else { "FAILED" },
            r.failed,
            r.targets
        );
    }
    let _ = writeln!(out, "{} run{}", runs.len(), s(runs.len()));
    out
}

/// `assure evidence show`: one run, readable.
pub fn show_text(run: &Run) -> String {
    let p = &run.statement.predicate;
    let mut out = String::new();
    let _ = writeln!(out, "run {}", run.digest);
    let _ = writeln!(out, "  stored at   {}", run.location);
    let clock = if p.clock == "system" {
        String::new()
    } else {
        format!(" (clock {})", p.clock)
    };
    let _ = writeln!(out, "  time        {}{clock}", p.time);
    let _ = writeln!(
        out,
        "  chain       {}@{} #{}, after {}",
        p.chain.repository.as_deref().unwrap_or("(no repository)"),
        p.chain.branch.as_deref().unwrap_or("(no branch)"),
        p.chain.sequence,
        p.chain
            .previous
            .as_deref()
            .unwrap_or("nothing (first record)")
    );
    let _ = writeln!(
        out,
        "  source      {} {}{}",
        p.source.remote.as_deref().unwrap_or("(no remote)"),
        p.source.commit.as_deref().unwrap_or("(no commit)"),
        match p.source.dirty {
            Some(true) => " with uncommitted changes",
            _ => "",
        }
    );
    if let Some(ci) = &p.ci {
        let _ = writeln!(
            out,
            "  ci          {} run {} by {} {}",
            ci.provider,
            ci.run_id.as_deref().unwrap_or("?"),
            ci.actor.as_deref().unwrap_or("?"),
            ci.run_url.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(
        out,
        "  assure      {}, {} policy files (bundle {}), config {}",
        p.assure.version,
        p.policies.files.len(),
        &p.policies.bundle[..12.min(p.policies.bundle.len())],
        p.config.as_ref().map_or("none".to_owned(), |c| format!(
            "{} ({})",
            c.name,
            &c.sha256[..12.min(c.sha256.len())]
        ))
    );
    let _ = writeln!(out, "  files read  {}", run.statement.subject.len());
    let signers: Vec<&str> = run
        .envelope
        .signatures
        .iter()
        .map(|s| s.keyid.as_str())
        .collect();
    let _ = writeln!(
        out,
        "  signed by   {}",
        if signers.is_empty() {
            "nobody (unsigned)".to_owned()
        } else {
            signers.join(", ")
        }
    );
    let targets: usize = p.controls.iter().map(|c| c.targets.len()).sum();
    let _ = writeln!(
        out,
        "  verdict     {} (exit {}), {} controls, {} targets",
        if p.verdict.passed { "passed" } else { "FAILED" },
        p.verdict.exit_code,
        p.controls.len(),
        targets
    );
    for reason in &p.verdict.reasons {
        let _ = writeln!(out, "    {reason}");
    }
    let failing: Vec<String> = p
        .controls
        .iter()
        .flat_map(|c| {
            c.targets
                .iter()
                .filter(|t| t.outcome == "fail" || t.outcome == "error")
                .map(move |t| format!("    {} {} [{}] {}", t.outcome, c.id, c.severity, t.name))
        })
        .collect();
    if !failing.is_empty() {
        let _ = writeln!(out, "  failing targets:");
        for f in failing {
            let _ = writeln!(out, "{f}");
        }
    }
    if !p.waivers.is_empty() {
        let _ = writeln!(out, "  waivers:");
        for w in &p.waivers {
            let _ = writeln!(
                out,
                "    {} {} {} on {}: owner {}, approved by {}, ticket {}, expires {} ({}, {} finding{})",
                w.status,
                w.id,
                w.control,
                w.path,
                w.owner,
                w.approved_by.as_deref().unwrap_or("nobody"),
                w.ticket.as_deref().unwrap_or("none"),
                w.expires,
                w.declared,
                w.findings,
                s(w.findings)
            );
        }
    }
    if !p.input_errors.is_empty() {
        let _ = writeln!(out, "  input errors:");
        for e in &p.input_errors {
            let at = e.line.map_or(String::new(), |l| format!(":{l}"));
            let _ = writeln!(out, "    {}{at}: {}", e.path, e.message);
        }
    }
    if !p.not_examined.is_empty() {
        let _ = writeln!(out, "  not examined:");
        for line in &p.not_examined {
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}

fn s(n: usize) -> &'static str {
    crate::words::plural(n)
}
