//! `--format github`: GitHub Actions workflow commands, so failures show as
//! annotations on the pull request diff, and a Markdown job summary appended
//! to `$GITHUB_STEP_SUMMARY` when it is set.

use crate::controls::Severity;
use crate::results::{Level, Outcome, ScanResult};
use crate::words::plural;
use std::fmt::Write as _;
use std::io::Write as _;

/// Escape a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A Markdown table cell: no pipe, newline or backtick from a scanned
/// file may end the cell or the code span.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
        .replace(['\n', '\r'], " ")
        .replace('`', "'")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escape a workflow command property (file, title).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(
    out: &mut String,
    prefix: &str,
    kind: &str,
    file: Option<(&str, usize)>,
    title: &str,
    message: &str,
) {
    let mut props = Vec::new();
    if let Some((f, line)) = file {
        props.push(format!("file={}", property(&format!("{prefix}{f}"))));
        props.push(format!("line={line}"));
    }
    props.push(format!("title={}", property(title)));
    let _ = writeln!(out, "::{kind} {}::{}", props.join(","), data(message));
}

/// Annotations written when `--max-findings` is not given: GitHub shows
/// only a few per step and 50 per job, so more would only be dropped there
/// without a word.
pub const DEFAULT_ANNOTATIONS: usize = 50;

/// The annotation level of a finding: critical and high are errors, medium
/// a warning, low a notice, whatever the gate's threshold (the gate's
/// verdict is the last line and the job's exit code).
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "notice",
    }
}

/// Controls' indexes from the most severe to the least, in report order
/// among equals: the order annotations and summary rows are written in.
fn worst_first(result: &ScanResult) -> Vec<usize> {
    let mut order: Vec<usize> = (0..result.controls.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(result.controls[i].control.severity));
    order
}

/// Workflow commands for the live findings (the most severe first, at most
/// `max` of them, then one notice counting the rest), evaluation and input
/// errors, and expired or unused waivers; the verdict last.
///
/// Written control by control from the tallies and the targets as they are
/// read: nothing the size of the findings is held.
pub fn render(result: &ScanResult, max: Option<usize>) -> String {
    let mut out = String::new();
    for c in result
        .controls
        .iter()
        .filter(|c| c.count(Outcome::Error) > 0)
    {
        let title = format!("{}: {}", c.control.id, c.control.title);
        for t in c.targets.iter().filter(|t| t.outcome == Outcome::Error) {
            command(
                &mut out,
                &result.root_prefix,
                "error",
                Some((&t.path, 1)),
                &title,
                &format!("could not evaluate: {}", t.error.as_deref().unwrap_or("")),
            );
        }
    }
    let max = max.unwrap_or(DEFAULT_ANNOTATIONS);
    let mut written = 0;
    let mut rest: std::collections::BTreeMap<Severity, usize> = Default::default();
    for ci in worst_first(result) {
        let c = &result.controls[ci];
        let tally = c.targets.tally();
        let live = tally.live(Level::Deny) + tally.live(Level::Warn);
        if live == 0 {
            continue;
        }
        if written >= max {
            *rest.entry(c.control.severity).or_default() += live;
            continue;
        }
        let title = format!(
            "[{}] {}: {}",
            c.control.severity, c.control.id, c.control.title
        );
        for t in c.targets.iter() {
            for f in t.findings.iter().filter(|f| f.is_live()) {
                if written >= max {
                    *rest.entry(c.control.severity).or_default() += 1;
                    continue;
                }
                let mut msg = match &f.resource {
                    Some(r) => format!("{r}: {}", f.message),
                    None => f.message.clone(),
                };
                if !c.control.remediation.is_empty() {
                    msg.push_str(&format!("\nFix: {}", c.control.remediation));
                }
                let kind = match f.level {
                    Level::Deny => level(c.control.severity),
                    Level::Warn if c.control.severity >= Severity::Medium => "warning",
                    Level::Warn => "notice",
                };
                let file = f
                    .location
                    .as_ref()
                    .map_or((t.path.as_str(), 1), |l| (l.path.as_str(), l.line));
                command(
                    &mut out,
                    &result.root_prefix,
                    kind,
                    Some(file),
                    &title,
                    &msg,
                );
                written += 1;
            }
        }
    }
    let more: usize = rest.values().sum();
    if more > 0 {
        let parts: Vec<String> = rest.iter().rev().map(|(s, n)| format!("{n} {s}")).collect();
        command(
            &mut out,
            &result.root_prefix,
            "notice",
            None,
            "assure: more findings",
            &format!(
                "{} more finding{} not annotated ({}): the job summary counts them and the SARIF and JUnit reports list every one",
                more,
                plural(more),
                parts.join(", ")
            ),
        );
    }
    for e in &result.input_errors {
        command(
            &mut out,
            &result.root_prefix,
            "error",
            Some((&e.path, e.line.unwrap_or(1))),
            "assure: input could not be read or parsed",
            &e.message,
        );
    }
    for (w, n) in &result.waivers.expired {
        command(
            &mut out,
            &result.root_prefix,
            "error",
            None,
            "assure: waiver expired",
            &format!(
                "waiver for {} on {} ({}) expired on {}: {n} finding{} fail again",
                w.control,
                w.path,
                w.source,
                w.expires,
                plural(*n)
            ),
        );
    }
    for w in &result.waivers.unused {
        command(
            &mut out,
            &result.root_prefix,
            "warning",
            None,
            "assure: unused waiver",
            &format!(
                "waiver for {} on {} ({}) matched no finding",
                w.control, w.path, w.source
            ),
        );
    }
    let v = &result.verdict;
    let _ = writeln!(
        out,
        "assure: {} ({})",
        if v.passed { "PASSED" } else { "FAILED" },
        v.reasons.join("; ")
    );
    out
}

/// The job summary: verdict, counts and the failing findings.
pub fn summary(result: &ScanResult) -> String {
    let mut out = String::new();
    let v = &result.verdict;
    let s = &result.summary;
    let _ = writeln!(
        out,
        "## assure: {}\n",
        if v.passed { "passed" } else { "failed" }
    );
    for r in &v.reasons {
        let _ = writeln!(out, "- {r}");
    }
    let _ = writeln!(
        out,
        "\n{} controls, {} documents, {} targets: {} passed, {} failed, {} warned, {} waived, {} known, {} errors, {} input errors.\n",
        s.controls, s.documents, s.targets, s.passed, s.failed, s.warned, s.waived, s.known, s.errors, s.input_errors
    );
    // Failing findings per severity, then the rows worst first: counted in
    // one pass, the first rows written in a second, so only those are held.
    let failing = |c: &crate::results::ControlResult| {
        c.targets.tally().live(Level::Deny) > 0 && c.count(Outcome::Fail) > 0
    };
    let mut per: std::collections::BTreeMap<Severity, usize> = Default::default();
    for c in result.controls.iter().filter(|c| failing(c)) {
        let n: usize = c
            .targets
            .iter()
            .filter(|t| t.outcome == Outcome::Fail)
            .map(|t| {
                t.findings
                    .iter()
                    .filter(|f| f.level == Level::Deny && f.is_live())
                    .count()
            })
            .sum();
        if n > 0 {
            *per.entry(c.control.severity).or_default() += n;
        }
    }
    let total: usize = per.values().sum();
    if total > 0 {
        let _ = writeln!(
            out,
            "| severity | failing findings |\n|---|---|\n{}| **total** | **{}** |\n",
            per.iter()
                .rev()
                .map(|(s, n)| format!("| {s} | {n} |\n"))
                .collect::<String>(),
            total
        );
        let _ = writeln!(
            out,
            "| severity | control | where | finding |\n|---|---|---|---|"
        );
        const MAX: usize = 100;
        let mut written = 0;
        'rows: for ci in worst_first(result) {
            let c = &result.controls[ci];
            if !failing(c) {
                continue;
            }
            for t in c.targets.iter().filter(|t| t.outcome == Outcome::Fail) {
                for f in t
                    .findings
                    .iter()
                    .filter(|f| f.level == Level::Deny && f.is_live())
                {
                    if written == MAX {
                        break 'rows;
                    }
                    let place = f
                        .location
                        .as_ref()
                        .map_or(t.path.clone(), |l| format!("{}:{}", l.path, l.line));
                    let _ = writeln!(
                        out,
                        "| {} | `{}` | `{}` | {} |",
                        c.control.severity,
                        c.control.id,
                        place.replace('|', "\\|").replace(['`', '\n', '\r'], "'"),
                        cell(&f.message)
                    );
                    written += 1;
                }
            }
        }
        if total > MAX {
            let _ = writeln!(
                out,
                "\n…and {} more (the least severe); see the JUnit or SARIF report.",
                total - MAX
            );
        }
    }
    let cov = &result.coverage;
    let failing: Vec<&str> = cov
        .soc2
        .iter()
        .chain(&cov.soc1)
        .filter(|i| i.status == crate::results::coverage::Status::Failing)
        .map(|i| i.id.as_str())
        .collect();
    if !failing.is_empty() {
        let _ = writeln!(
            out,
            "\nCriteria with failing controls: {}",
            failing.join(", ")
        );
    }
    out
}

/// Append the summary to `$GITHUB_STEP_SUMMARY` when the variable is set.
pub fn write_step_summary(result: &ScanResult) -> std::io::Result<()> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") else {
        return Ok(());
    };
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    f.write_all(summary(result).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        let mut out = String::new();
        command(
            &mut out,
            "infra/",
            "error",
            Some(("a,b:c.tf", 3)),
            "id: t, x",
            "50% of\nlines",
        );
        assert_eq!(
            out,
            "::error file=infra/a%2Cb%3Ac.tf,line=3,title=id%3A t%2C x::50%25 of%0Alines\n"
        );
    }
}
