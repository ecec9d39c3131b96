//! The period report as text (a summary for the terminal) and Markdown
//! (the whole report, for auditors and wikis). The HTML form is in
//! `period_html`.

use crate::period::model::{Operation, PeriodReport};
use std::fmt::Write;

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn s(n: usize) -> &'static str {
    crate::words::plural(n)
}

fn short(id: &str) -> &str {
    &id[..12.min(id.len())]
}

/// The report's heading facts, shared by every form.
pub fn heading(r: &PeriodReport) -> String {
    format!(
        "{} to {} ({} day{}, {} runs expected), {}@{}",
        r.period.from,
        r.period.to,
        r.period.days,
        s(r.period.days),
        r.period.cadence,
        r.repository.as_deref().unwrap_or("(no repository)"),
        r.branch
    )
}

/// One line on the ledger's integrity.
pub fn integrity_line(r: &PeriodReport) -> String {
    let i = &r.integrity;
    if i.passed() {
        format!(
            "VERIFIED: {} record{} of the period checked, no problem{}",
            i.checked,
            s(i.checked),
            if i.keys_checked {
                ""
            } else {
                " (signatures checked against their own keys: no trusted key was given)"
            }
        )
    } else {
        format!(
            "FAILED: {} problem{} in {} record{} of the period",
            i.problems.len(),
            s(i.problems.len()),
            i.checked,
            s(i.checked)
        )
    }
}

/// A terminal summary.
pub fn text(r: &PeriodReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Period {}", heading(r));
    if r.generated.clock != "system" {
        let _ = writeln!(
            out,
            "  made at {} with the clock set by ASSURE_NOW: not evidence of when",
            r.generated.time
        );
    }
    let _ = writeln!(out, "Ledger: {}", integrity_line(r));
    // A few problems are listed; many are counted by kind (every one is in
    // the Markdown, HTML and JSON reports).
    let problems = &r.integrity.problems;
    if problems.len() <= 8 {
        for p in problems {
            let _ = writeln!(out, "  ✗ {}: {}: {}", p.record, p.kind.name(), p.message);
        }
    } else {
        let mut kinds: std::collections::BTreeMap<&str, (usize, &str)> = Default::default();
        for p in problems {
            kinds.entry(p.kind.name()).or_insert((0, &p.record)).0 += 1;
        }
        for (kind, (n, first)) in kinds {
            let _ = writeln!(out, "  ✗ {kind}: {n} record{} (first {first})", s(n));
        }
    }
    let runs = &r.runs;
    let _ = writeln!(
        out,
        "Runs: {} on {} of {} days, {} failed, {} unsigned, {} with the clock overridden",
        runs.total,
        runs.days_with_runs,
        r.period.days,
        runs.failed,
        runs.unsigned,
        runs.clock_overridden
    );
    for g in &runs.gaps {
        let _ = writeln!(
            out,
            "  gap: {} to {} ({} day{} without a run)",
            g.from,
            g.to,
            g.days,
            s(g.days)
        );
    }
    let _ = writeln!(
        out,
        "Criteria and objectives (share of the period passing, failing, waived, unknown):"
    );
    for c in &r.criteria {
        let _ = writeln!(out, "  {}", operation_line(c));
    }
    let failing: Vec<&Operation> = r
        .controls
        .iter()
        .filter(|c| !c.failing_windows.is_empty())
        .collect();
    if !failing.is_empty() {
        let _ = writeln!(out, "Controls that failed in the period:");
        for c in failing {
            let open = c
                .failing_windows
                .iter()
                .filter(|w| w.fixed.is_none())
                .count();
            let _ = writeln!(
                out,
                "  {}: {} failing finding{}, {} still open{}",
                c.id,
                c.failing_windows.len(),
                s(c.failing_windows.len()),
                open,
                c.mean_hours_to_remediate
                    .map_or(String::new(), |h| format!(", fixed in {h:.1} h on average"))
            );
        }
    }
    let ex = &r.exceptions;
    let unapproved = ex.waivers.iter().filter(|w| w.unapproved).count();
    let expired = ex
        .waivers
        .iter()
        .filter(|w| w.expired_with_findings)
        .count();
    let _ = writeln!(
        out,
        "Exceptions: {} waiver{} in force, {} unapproved, {} expired with findings remaining",
        ex.waivers.len(),
        s(ex.waivers.len()),
        unapproved,
        expired
    );
    if let Some(p) = &r.population {
        let _ = writeln!(
            out,
            "Population: {} of {} commit{} covered by a run: {}",
            p.covered,
            p.items.len(),
            s(p.items.len()),
            if p.complete { "complete" } else { "INCOMPLETE" }
        );
        for i in p.items.iter().filter(|i| i.covered_by.is_none()) {
            let _ = writeln!(
                out,
                "  no run: {} {} {}",
                short(&i.commit),
                i.time,
                i.subject
            );
        }
    }
    if let Some(sample) = &r.sample {
        let _ = writeln!(
            out,
            "Sample of {} (seed {}, {} asked):",
            sample.from, sample.seed, sample.requested
        );
        for i in &sample.items {
            let run = i.run.as_ref().map_or("no run".to_owned(), |r| {
                format!("record {} ({})", short(&r.record), r.location)
            });
            let _ = writeln!(out, "  {} {} {run}", short(&i.item), i.time);
        }
    }
    if let Some(c) = &r.components {
        let resources: usize = c
            .components
            .resources
            .values()
            .flat_map(|t| t.values())
            .sum();
        let _ = writeln!(
            out,
            "Components (newest run, {}): {} resource{} of {} provider{}, {} workload{}, {} pipeline{}, {} image{}",
            c.time,
            resources,
            s(resources),
            c.components.resources.len(),
            s(c.components.resources.len()),
            c.components.workloads.len(),
            s(c.components.workloads.len()),
            c.components.pipelines.len(),
            s(c.components.pipelines.len()),
            c.components.images.len(),
            s(c.components.images.len())
        );
    }
    for f in &r.findings {
        let _ = writeln!(out, "✗ {f}");
    }
    out
}

fn operation_line(c: &Operation) -> String {
    format!(
        "{:<10} {:>6} passing {:>6} failing {:>6} waived {:>6} unknown  {}",
        c.id,
        pct(c.share_passing),
        pct(c.share_failing),
        pct(c.share_waived),
        pct(c.share_unknown),
        c.title
    )
}

/// The whole report in Markdown.
pub fn markdown(r: &PeriodReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Period report: {}\n", heading(r));
    let _ = writeln!(
        out,
        "Made {} by assure {}{}. Built from the evidence ledger alone; every figure can be recomputed from the records named.\n",
        r.generated.time,
        r.generated.assure_version,
        if r.generated.clock != "system" {
            " with the clock set by ASSURE_NOW (a test or demonstration clock: **not evidence of when**)"
        } else {
            ""
        }
    );
    if !r.findings.is_empty() {
        let _ = writeln!(out, "**This report has exceptions:**\n");
        for f in &r.findings {
            let _ = writeln!(out, "- {f}");
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "## 1. Integrity of the ledger\n\n{}\n",
        integrity_line(r)
    );
    // Every problem is listed; past 20 they are counted by kind first and
    // the full list is folded, so the rest of the report stays in reach.
    let problems = &r.integrity.problems;
    let folded = problems.len() > 20;
    if folded {
        let mut kinds: std::collections::BTreeMap<&str, usize> = Default::default();
        for p in problems {
            *kinds.entry(p.kind.name()).or_default() += 1;
        }
        for (kind, n) in kinds {
            let _ = writeln!(out, "- {kind}: {n} record{}", s(n));
        }
        let _ = writeln!(
            out,
            "\n<details><summary>all {} problems</summary>\n",
            problems.len()
        );
    }
    for p in problems {
        let _ = writeln!(out, "- `{}` {}: {}", p.record, p.kind.name(), p.message);
    }
    if folded {
        let _ = writeln!(out, "\n</details>\n");
    }
    for c in &r.integrity.chains {
        let _ = writeln!(
            out,
            "- chain {}@{}: {} records, newest `{}`",
            c.repository.as_deref().unwrap_or("-"),
            c.branch.as_deref().unwrap_or("-"),
            c.records,
            c.head.as_deref().map_or("-", short)
        );
    }
    for sgn in &r.integrity.signers {
        let _ = writeln!(
            out,
            "- signed by {} (`{}`): {} records",
            sgn.signer, sgn.keyid, sgn.records
        );
    }
    let runs = &r.runs;
    let _ = writeln!(
        out,
        "\n## 2. Runs\n\n{} runs of `{}` on {} of {} days ({} failed, {} unsigned, {} with the clock overridden); first {}, last {}.\n",
        runs.total,
        r.branch,
        runs.days_with_runs,
        r.period.days,
        runs.failed,
        runs.unsigned,
        runs.clock_overridden,
        runs.first.as_deref().unwrap_or("-"),
        runs.last.as_deref().unwrap_or("-")
    );
    if runs.gaps.is_empty() {
        let _ = writeln!(
            out,
            "No gap: every {} period had a run.\n",
            r.period.cadence.trim_end_matches("ly")
        );
    } else {
        let _ = writeln!(out, "| gap from | to | days without a run |\n|---|---|---|");
        for g in &runs.gaps {
            let _ = writeln!(out, "| {} | {} | {} |", g.from, g.to, g.days);
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "## 3. Operation over time\n\nEach run's result holds until the next run. Day strips: `P` passing, `F` failing, `E` error, `W` waived only, `w` warnings, `n` not examined, `-` no run.\n"
    );
    operations_table(&mut out, "Criteria and objectives", &r.criteria);
    // Controls that examined nothing in the period are counted, not listed.
    let examined: Vec<Operation> = r.controls.iter().filter(|c| c.runs > 0).cloned().collect();
    let _ = writeln!(
        out,
        "{} controls examined something in the period; {} examined nothing (no resource of theirs was scanned).\n",
        examined.len(),
        r.controls.len() - examined.len()
    );
    operations_table(&mut out, "Controls", &examined);
    let windows: Vec<_> = r.controls.iter().flat_map(|c| &c.failing_windows).collect();
    if !windows.is_empty() {
        let _ = writeln!(
            out,
            "### Failing findings\n\n| control | target | fingerprint | first failing | last failing | fixed | hours to remediate |\n|---|---|---|---|---|---|---|"
        );
        for w in windows {
            let _ = writeln!(
                out,
                "| `{}` | `{}` | `{}` | {} | {} | {} | {} |",
                w.control,
                w.target,
                w.fingerprint,
                w.first_seen,
                w.last_seen,
                w.fixed.as_deref().unwrap_or("**open**"),
                w.hours_to_remediate
                    .map_or("-".to_owned(), |h| format!("{h:.1}"))
            );
        }
        let _ = writeln!(out);
    }
    let ex = &r.exceptions;
    let _ = writeln!(out, "## 4. Exceptions\n");
    if ex.waivers.is_empty() {
        let _ = writeln!(out, "No waiver was in force.\n");
    } else {
        let _ = writeln!(
            out,
            "| waiver | control | path | owner | approved by | ticket | expires | days applied | declared | notes |\n|---|---|---|---|---|---|---|---|---|---|"
        );
        for w in &ex.waivers {
            let mut notes = Vec::new();
            if w.unapproved {
                notes.push(format!("**unapproved** ({})", w.origin));
            }
            if w.expired_with_findings {
                notes.push("**expired with findings remaining**".to_owned());
            }
            let _ = writeln!(
                out,
                "| `{}` | `{}` | `{}` | {} | {} | {} | {} | {} | `{}` | {} |",
                w.id,
                w.control,
                w.path,
                w.owner,
                w.approved_by.as_deref().unwrap_or("-"),
                w.ticket.as_deref().unwrap_or("-"),
                w.expires,
                w.days_applied,
                w.declared,
                notes.join(", ")
            );
        }
        let _ = writeln!(out);
        if !ex.days_waived.is_empty() {
            let _ = writeln!(
                out,
                "Days with a waived finding, per criterion and objective: {}.\n",
                ex.days_waived
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    let _ = writeln!(out, "## 5. Population of changes\n");
    match &r.population {
        None => {
            let _ = writeln!(out, "No population: give `--git PATH` (a clone of the repository) to check every change of `{}` against the runs.\n", r.branch);
        }
        Some(p) => {
            let _ = writeln!(
                out,
                "{}: {} of {} covered, the population is **{}**.\n\nRule: {}.\n",
                p.source,
                p.covered,
                p.items.len(),
                if p.complete { "complete" } else { "incomplete" },
                p.rule
            );
            let _ = writeln!(out, "| commit | time | subject | covered by | record | how |\n|---|---|---|---|---|---|");
            for i in &p.items {
                match &i.covered_by {
                    Some(run) => {
                        let _ = writeln!(
                            out,
                            "| `{}` | {} | {} | run of {} | `{}` | {} |",
                            short(&i.commit),
                            i.time,
                            md_cell(&i.subject),
                            run.time,
                            short(&run.record),
                            run.how
                        );
                    }
                    None => {
                        let _ = writeln!(
                            out,
                            "| `{}` | {} | {} | **no run** | | |",
                            short(&i.commit),
                            i.time,
                            md_cell(&i.subject)
                        );
                    }
                }
            }
            let _ = writeln!(out);
        }
    }
    if let Some(sample) = &r.sample {
        let _ = writeln!(
            out,
            "## 6. Sample\n\n{} of {} {} drawn with seed {}: {}.\n\n| item | rank | time | record | where |\n|---|---|---|---|---|",
            sample.items.len(),
            sample.requested,
            sample.from,
            sample.seed,
            sample.algorithm
        );
        for i in &sample.items {
            let (record, location) = i
                .run
                .as_ref()
                .map_or(("no run".to_owned(), String::new()), |r| {
                    (format!("`{}`", r.record), format!("`{}`", r.location))
                });
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} | {} | {} |",
                i.item,
                short(&i.rank),
                i.time,
                record,
                location
            );
        }
        let _ = writeln!(out);
    }
    if let Some(c) = &r.components {
        let _ = writeln!(out, "## 7. System components\n\nFrom the newest run of the period (`{}`, {}, commit `{}`).\n", short(&c.record), c.time, c.commit.as_deref().map_or("-", short));
        let _ = writeln!(out, "| provider | type | count |\n|---|---|---|");
        for (provider, types) in &c.components.resources {
            for (t, n) in types {
                let _ = writeln!(out, "| {provider} | `{t}` | {n} |");
            }
        }
        for (title, list) in [
            ("Workloads", &c.components.workloads),
            ("Pipelines", &c.components.pipelines),
            ("Images", &c.components.images),
        ] {
            if !list.is_empty() {
                let _ = writeln!(
                    out,
                    "\n{title}: {}.",
                    list.iter()
                        .map(|x| format!("`{x}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
        }
        let _ = writeln!(out);
    }
    out
}

fn operations_table(out: &mut String, title: &str, ops: &[Operation]) {
    let _ = writeln!(
        out,
        "### {title}\n\n| id | title | runs | passing | failing | waived | unknown | mean hours to remediate | days |\n|---|---|---|---|---|---|---|---|---|"
    );
    for c in ops {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} | `{}` |",
            c.id,
            md_cell(&c.title),
            c.runs,
            pct(c.share_passing),
            pct(c.share_failing),
            pct(c.share_waived),
            pct(c.share_unknown),
            c.mean_hours_to_remediate
                .map_or("-".to_owned(), |h| format!("{h:.1}")),
            c.days
        );
    }
    let _ = writeln!(out);
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
