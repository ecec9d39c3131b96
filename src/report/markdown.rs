//! The Markdown readiness report (`--markdown FILE`): what a compliance lead
//! hands an auditor or pastes in a wiki. Scope, date and commit; per
//! criterion and objective its status, controls and failing findings with
//! file:line; waived findings with reason, owner and expiry; and the list of
//! criteria that need manual evidence. Never shows a criterion as satisfied
//! because its controls found nothing to examine.

use crate::results::coverage::{Coverage, Item, Status};
use crate::results::{ControlResult, Outcome, ScanResult};
use std::fmt::Write;
use std::path::PathBuf;

/// Facts about the run that are not in the result.
pub struct Meta {
    pub date: String,
    pub commit: Option<String>,
    pub paths: Vec<String>,
}

impl Meta {
    /// Today's date (UTC) and, when the first path is in a git checkout, its commit.
    pub fn now(paths: &[PathBuf]) -> Meta {
        let dir = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
        let dir = if dir.is_file() {
            dir.parent().map(PathBuf::from).unwrap_or_default()
        } else {
            dir
        };
        let commit = std::process::Command::new("git")
            .args(["rev-parse", "--short=12", "HEAD"])
            .current_dir(if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir
            })
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .filter(|s| !s.is_empty());
        Meta {
            date: crate::dates::today().to_string(),
            commit,
            paths: paths.iter().map(|p| crate::paths::slash_path(p)).collect(),
        }
    }
}

fn esc(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Plain words (no emoji: wikis, PDFs and terminals render them unevenly),
/// bold where a reader must act.
fn badge(s: Status) -> &'static str {
    match s {
        Status::Passing => "passing",
        Status::Failing => "**failing**",
        Status::Incomplete => "**incomplete** (evaluation errors)",
        Status::Waived => "waived only",
        Status::NotExamined => "not examined (its controls found nothing to check)",
        Status::Manual => "manual evidence needed",
    }
}

pub fn render(result: &ScanResult, meta: &Meta) -> String {
    let mut out = String::new();
    let cov = &result.coverage;
    let _ = writeln!(out, "# Compliance readiness report\n");
    let _ = writeln!(out, "| About this run | |\n|---|---|");
    let _ = writeln!(out, "| Date | {} |", meta.date);
    let _ = writeln!(
        out,
        "| Commit | {} |",
        meta.commit
            .as_deref()
            .map_or("not a git checkout".to_owned(), |c| format!("`{c}`"))
    );
    let _ = writeln!(
        out,
        "| Scanned | {} |",
        meta.paths
            .iter()
            .map(|p| format!("`{p}`"))
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
        "| Result | {} controls over {} documents: {} targets passed, {} failed, {} waived, {} errors; {} inputs could not be read |",
        s.controls, s.documents, s.passed, s.failed, s.waived, s.errors, s.input_errors
    );

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
        "\nA criterion passes only when at least one of its automated controls examined something and none failed. Automated controls are evidence for the configuration in this repository at this commit; they do not replace the evidence an auditor asks for over the audit period.\n"
    );

    for (name, items) in [
        ("SOC 2 criteria", &cov.soc2),
        ("SOC 1 objectives", &cov.soc1),
    ] {
        if items.is_empty() {
            continue;
        }
        let automated: Vec<&Item> = items
            .iter()
            .filter(|i| i.status != Status::Manual)
            .collect();
        let _ = writeln!(out, "## {name}\n");
        if automated.is_empty() {
            let _ = writeln!(
                out,
                "No automated control maps to any of them: see *Manual evidence needed*.\n"
            );
            continue;
        }
        let _ = writeln!(
            out,
            "{} of {} have automated controls; the others are listed under *Manual evidence needed*.\n",
            automated.len(),
            items.len()
        );
        let _ = writeln!(out, "| id | title | status | controls | pass | fail | waived |\n|---|---|---|---|---|---|---|");
        for i in automated {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                i.id,
                esc(&i.title),
                badge(i.status),
                if i.controls.is_empty() {
                    "—".to_owned()
                } else {
                    i.controls
                        .iter()
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(" ")
                },
                i.passed,
                i.failed,
                i.waived
            );
        }
        let _ = writeln!(out);
        for i in items.iter().filter(|i| {
            matches!(
                i.status,
                Status::Failing | Status::Incomplete | Status::Waived
            )
        }) {
            detail(&mut out, i, result);
        }
    }

    let manual: Vec<&Item> = cov.manual().collect();
    let _ = writeln!(out, "## Manual evidence needed\n");
    if manual.is_empty() {
        let _ = writeln!(
            out,
            "Every criterion and objective in scope has at least one automated control.\n"
        );
    } else {
        let _ = writeln!(
            out,
            "No automated control maps to these {} criteria and objectives: collect their evidence by hand (policies, procedures, reviews, tickets).\n",
            manual.len()
        );
        for i in manual {
            let _ = writeln!(out, "- **{}** {}", i.id, i.title);
        }
        let _ = writeln!(out);
    }
    if !result.input_errors.is_empty() {
        let _ = writeln!(out, "## Inputs that could not be checked\n");
        for e in &result.input_errors {
            let _ = writeln!(out, "- `{}`", esc(&e.display()));
        }
        let _ = writeln!(out);
    }
    let lines = result.not_examined.lines();
    if !lines.is_empty() {
        let _ = writeln!(out, "## Not examined\n");
        let _ = writeln!(
            out,
            "What this scan found and did not examine: evidence for these must come from elsewhere.\n"
        );
        for (path, line, text) in lines {
            let at = match (path, line) {
                (Some(p), Some(l)) => format!("`{}:{l}` ", esc(p)),
                (Some(p), None) => format!("`{}` ", esc(p)),
                (None, _) => String::new(),
            };
            let _ = writeln!(out, "- {at}{}", esc(&text));
        }
        let _ = writeln!(out);
    }
    let w = &result.waivers;
    if !w.expired.is_empty() || !w.unused.is_empty() {
        let _ = writeln!(out, "## Waivers needing attention\n");
        for (x, n) in &w.expired {
            let _ = writeln!(
                out,
                "- **expired** on {}: `{}` on `{}` ({} findings fail again), owner {}: {}",
                x.expires,
                x.control,
                x.path,
                n,
                x.owner,
                esc(&x.reason)
            );
        }
        for x in &w.unused {
            let _ = writeln!(
                out,
                "- **unused**: `{}` on `{}` matched no finding, owner {}: {}",
                x.control,
                x.path,
                x.owner,
                esc(&x.reason)
            );
        }
        let _ = writeln!(out);
    }
    out
}

/// Failing and waived findings of the controls behind one criterion.
fn detail(out: &mut String, item: &Item, result: &ScanResult) {
    let controls: Vec<&ControlResult> = result
        .controls
        .iter()
        .filter(|c| item.controls.contains(&c.control.id))
        .collect();
    let _ = writeln!(out, "### {} {}\n", item.id, esc(&item.title));
    // Why each control is evidence for this criterion or objective.
    for c in &controls {
        if let Some(why) = c.control.rationale.get(&item.id) {
            let _ = writeln!(out, "- *`{}`*: {}", c.control.id, esc(why));
        }
    }
    for c in controls {
        for t in &c.targets {
            match t.outcome {
                Outcome::Fail => {
                    for f in t
                        .findings
                        .iter()
                        .filter(|f| f.waiver.is_none() && f.level == crate::results::Level::Deny)
                    {
                        let _ = writeln!(
                            out,
                            "- **fail** `{}` {} — `{}`",
                            c.control.id,
                            esc(&f.message),
                            located(f, t)
                        );
                    }
                }
                Outcome::Waived => {
                    for f in &t.findings {
                        if let Some(w) = &f.waiver {
                            let _ = writeln!(
                                out,
                                "- waived `{}` {} — `{}`: {} (owner {}, expires {})",
                                c.control.id,
                                esc(&f.message),
                                located(f, t),
                                esc(&w.reason),
                                w.owner.as_deref().unwrap_or("?"),
                                w.expires.as_deref().unwrap_or("?")
                            );
                        }
                    }
                }
                Outcome::Error => {
                    let _ = writeln!(
                        out,
                        "- **error** `{}` could not evaluate `{}`: {}",
                        c.control.id,
                        t.name,
                        esc(t.error.as_deref().unwrap_or(""))
                    );
                }
                _ => {}
            }
        }
    }
    let _ = writeln!(out);
}

fn located(f: &crate::results::Finding, t: &crate::results::TargetResult) -> String {
    match &f.location {
        Some(l) => format!("{}:{}", l.path, l.line),
        None => t.path.clone(),
    }
}

/// `assure criteria --format markdown`: the coverage tables alone.
pub fn coverage_section(cov: &Coverage, scanned: bool) -> String {
    let mut out = String::from("# Criteria and objectives in scope\n\n");
    for (name, items) in [
        ("SOC 2 criteria", &cov.soc2),
        ("SOC 1 objectives", &cov.soc1),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {name}\n");
        if scanned {
            let _ = writeln!(out, "| id | title | status | controls |\n|---|---|---|---|");
        } else {
            let _ = writeln!(out, "| id | title | controls |\n|---|---|---|");
        }
        for i in items.iter() {
            let controls = if i.controls.is_empty() {
                "— (manual evidence needed)".to_owned()
            } else {
                i.controls
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            if scanned {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    i.id,
                    esc(&i.title),
                    badge(i.status),
                    controls
                );
            } else {
                let _ = writeln!(out, "| {} | {} | {} |", i.id, esc(&i.title), controls);
            }
        }
        let _ = writeln!(out);
    }
    out
}
