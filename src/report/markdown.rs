//! The Markdown readiness report (`--markdown FILE`): what a compliance lead
//! hands an auditor or pastes in a wiki, so it has to stay readable when a
//! repository has thousands of findings and has to say what it is evidence
//! of.
//!
//! A control usually maps to several criteria and objectives; listing the
//! findings under each of them repeated every finding two to four times and
//! buried the report. So each finding is listed once, under the control that
//! found it, in the *Findings* appendix, and the criteria and the per-control
//! table link there with counts: the report grows with the findings, not
//! with findings times criteria. The run's identity (time, commit and
//! whether the work tree differed from it, repository, branch, digest of
//! the policy bundle) is given in [`Meta`] by the command layer, so
//! rendering stays a pure function of the result that tests can pin.
//! Everything that comes from the scanned repository (messages, paths,
//! resource names) is escaped: a hostile file name must not add table
//! columns nor put HTML in a wiki page. A criterion is never shown as
//! satisfied because its controls found nothing to examine.

use crate::evidence::statement::Source;
use crate::results::coverage::{Coverage, Item, Status};
use crate::results::{ControlResult, Finding, Level, Outcome, ScanResult, TargetResult};
use crate::words::plural;
use chrono::{DateTime, Utc};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Facts about the run that are not in the result, gathered by the command
/// layer (git, the clock, the policy files) so that [`render`] reads nothing.
pub struct Meta {
    /// When the report was made (`ASSURE_NOW` in tests).
    pub time: DateTime<Utc>,
    /// The clock was set by `ASSURE_NOW`: the time is no evidence.
    pub clock_overridden: bool,
    /// Repository, branch, commit and whether the work tree was dirty, as
    /// the evidence ledger records them.
    pub source: Source,
    /// The policy bundle's digest, as the evidence ledger records it.
    pub policy_bundle: String,
    /// The scanned paths as given.
    pub paths: Vec<String>,
}

/// Text from the scan (messages, titles, reasons) made inert for Markdown
/// and for the HTML wikis render it to: `<`, `>` and `&` as entities,
/// characters that open emphasis, code, links or strike-through, and the
/// table separator `|`, backslash-escaped; line breaks and other control
/// characters as spaces, so a row stays one row. Underscores inside a word
/// (`aws_s3_bucket`) cannot open emphasis and are left as they are, to keep
/// the file readable as plain text.
fn esc(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let word = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphanumeric())
    };
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '_' if word(i.checked_sub(1)) && word(Some(i + 1)) => out.push(c),
            '_' => out.push_str("\\_"),
            // Would start a heading, a list or a rule where the text begins a line.
            '#' | '+' | '-' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A code span for a path, resource name or id in a table cell: shown as
/// written. The fence is longer than any run of backticks inside; `|` is
/// escaped, which GitHub's tables undo inside code spans too.
fn code(s: &str) -> String {
    span(s, true)
}

/// [`code`] outside a table, where `\|` would show its backslash.
fn code_text(s: &str) -> String {
    span(s, false)
}

fn span(s: &str, in_table: bool) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.is_empty() {
        return String::new();
    }
    let s = if in_table { s.replace('|', "\\|") } else { s };
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A space on both sides is stripped again by Markdown; it keeps a
    // leading or trailing backtick or space apart from the fence.
    let pad = if s.starts_with(['`', ' ']) || s.ends_with(['`', ' ']) {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// Plain words (no emoji: wikis, PDFs and terminals render them unevenly),
/// bold where a reader must act.
fn badge(s: Status) -> &'static str {
    match s {
        Status::Passing => "passing",
        Status::Failing => "**failing**",
        Status::Incomplete => "**incomplete** (evaluation errors)",
        Status::Waived => "waived only",
        Status::Partial => "**partial** (some of its controls were not run)",
        Status::NotExamined => "not examined (its controls found nothing to check)",
        Status::Manual => "manual evidence needed",
    }
}

/// A control's targets by outcome.
#[derive(Default)]
struct Counts {
    passed: usize,
    failed: usize,
    warned: usize,
    waived: usize,
    known: usize,
    errors: usize,
}

impl Counts {
    fn of(c: &ControlResult) -> Counts {
        let t = c.targets.tally();
        Counts {
            passed: t.get(Outcome::Pass),
            failed: t.get(Outcome::Fail),
            warned: t.get(Outcome::Warn),
            waived: t.get(Outcome::Waived),
            known: t.get(Outcome::Known),
            errors: t.get(Outcome::Error),
        }
    }

    /// Anything the appendix lists: every outcome but a pass.
    fn listed(&self) -> bool {
        self.failed + self.warned + self.waived + self.known + self.errors > 0
    }

    /// `3 failed, 1 waived`: the outcomes other than passes that occurred.
    fn words(&self) -> String {
        [
            (self.failed, "**failed**"),
            (self.errors, "**errors**"),
            (self.known, "known (baseline)"),
            (self.warned, "warned"),
            (self.waived, "waived"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| format!("{n} {w}"))
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// The anchor of each control's section in the appendix: `control-` and
/// its id in lower case, anything but letters, digits and `-` as `-`, so a
/// link to a control is the same in every report. Ids are unique; custom
/// ids that come out the same get `-2`, `-3` in id order.
fn anchors<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, String> {
    let ids: BTreeSet<&str> = ids.collect();
    let mut taken = BTreeSet::new();
    let mut out = BTreeMap::new();
    for id in ids {
        let slug: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let base = format!("control-{slug}");
        let mut anchor = base.clone();
        let mut n = 1;
        while !taken.insert(anchor.clone()) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        out.insert(id, anchor);
    }
    out
}

/// Critical first, then by id: the order of the appendix and of the links
/// to it.
fn by_severity(a: &ControlResult, b: &ControlResult) -> std::cmp::Ordering {
    (Reverse(a.control.severity), &a.control.id).cmp(&(Reverse(b.control.severity), &b.control.id))
}

/// The report as one string (see [`write`]).
pub fn render(result: &ScanResult, meta: &Meta) -> String {
    super::sink::to_string(|w| write_to(result, meta, w))
}

/// The report, written to `w` as it is made: the findings appendix is read
/// control by control from the targets, so memory does not follow it.
pub fn write_to(
    result: &ScanResult,
    meta: &Meta,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut sink = super::sink::Sink::new(w);
    let out: &mut dyn Write = &mut sink;
    let anchors = anchors(result.controls.iter().map(|c| c.control.id.as_str()));
    let counts: BTreeMap<&str, Counts> = result
        .controls
        .iter()
        .map(|c| (c.control.id.as_str(), Counts::of(c)))
        .collect();
    let listed = |id: &str| counts.get(id).is_some_and(Counts::listed);
    let link = |id: &str| match anchors.get(id) {
        Some(a) if listed(id) => format!("[{}](#{a})", code(id)),
        _ => code(id),
    };

    about(out, result, meta);
    summary(out, result);

    let cov = &result.coverage;
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
            "{} of {} have automated controls{}. Pass, fail and waived count resources, over all the controls of each.\n",
            automated.len(),
            items.len(),
            if automated.len() < items.len() {
                "; the others are listed under *Manual evidence needed*"
            } else {
                ""
            }
        );
        let _ = writeln!(out, "| id | title | status | controls | pass | fail | waived |\n|---|---|---|---|---|---|---|");
        for i in automated {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                esc(&i.id),
                esc(&i.title),
                badge(i.status),
                if i.controls.is_empty() {
                    "—".to_owned()
                } else {
                    i.controls
                        .iter()
                        .map(|c| code(c))
                        .collect::<Vec<_>>()
                        .join(" ")
                },
                i.passed,
                i.failed,
                i.waived
            );
        }
        let _ = writeln!(out);
        // Per criterion, the controls with findings: links to the appendix,
        // with why each is evidence for it.
        for i in items.iter().filter(|i| {
            matches!(
                i.status,
                Status::Failing | Status::Incomplete | Status::Waived | Status::Partial
            )
        }) {
            let mut controls: Vec<&ControlResult> = result
                .controls
                .iter()
                .filter(|c| i.controls.contains(&c.control.id) && listed(&c.control.id))
                .collect();
            controls.sort_by(|a, b| by_severity(a, b));
            let _ = writeln!(out, "### {} {}\n", esc(&i.id), esc(&i.title));
            if !i.not_run.is_empty() {
                let _ = writeln!(
                    out,
                    "- not run in this scan (left out with `--control` or `--skip-control`): {}",
                    i.not_run
                        .iter()
                        .map(|c| code_text(c))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            for c in controls {
                let n = counts.get(c.control.id.as_str()).map(Counts::words);
                let _ = write!(
                    out,
                    "- {} ({}): {}",
                    link(&c.control.id),
                    c.control.severity,
                    n.unwrap_or_default()
                );
                match c.control.rationale.get(&i.id) {
                    Some(why) => {
                        let _ = writeln!(out, ". {}", esc(why));
                    }
                    None => {
                        let _ = writeln!(out);
                    }
                }
            }
            let _ = writeln!(out);
        }
    }

    controls_table(out, result, &counts, &link);

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
            let _ = writeln!(out, "- **{}** {}", esc(&i.id), esc(&i.title));
        }
        let _ = writeln!(out);
    }
    if !result.input_errors.is_empty() {
        let _ = writeln!(out, "## Inputs that could not be checked\n");
        for e in &result.input_errors {
            let _ = writeln!(out, "- {}", code_text(&e.display()));
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
                (Some(p), Some(l)) => format!("{} ", code_text(&format!("{p}:{l}"))),
                (Some(p), None) => format!("{} ", code_text(p)),
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
                "- **expired** on {}: {} on {} ({} findings fail again), owner {}: {}",
                esc(&x.expires),
                code_text(&x.control),
                code_text(&x.path),
                n,
                esc(&x.owner),
                esc(&x.reason)
            );
        }
        for x in &w.unused {
            let _ = writeln!(
                out,
                "- **unused**: {} on {} matched no finding, owner {}: {}",
                code_text(&x.control),
                code_text(&x.path),
                esc(&x.owner),
                esc(&x.reason)
            );
        }
        let _ = writeln!(out);
    }
    if !w.not_evaluated.is_empty() {
        let _ = writeln!(
            out,
            "Waivers not evaluated (their controls did not run in this scan): {}\n",
            w.not_evaluated
                .iter()
                .map(|x| format!("{} on {}", code_text(&x.control), code_text(&x.path)))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }

    findings(out, result, &counts, &anchors);
    sink.finish()
}

/// What the report is evidence of: when, which commit of which repository,
/// with which policies, over what.
fn about(out: &mut dyn Write, result: &ScanResult, meta: &Meta) {
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

fn summary(out: &mut dyn Write, result: &ScanResult) {
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

/// Every control that ran with its counts, those failing first (critical
/// first), then those with anything else to look at, then the clean ones;
/// the controls that examined nothing on one line.
fn controls_table(
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
fn findings(
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

fn row(out: &mut dyn Write, f: &Finding, t: &TargetResult) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_leaves_no_markup_and_keeps_words_readable() {
        assert_eq!(
            esc("a|b\n<i>&`c`*d* [e](f) ~g~ \\"),
            "a\\|b &lt;i&gt;&amp;\\`c\\`\\*d\\* \\[e\\](f) \\~g\\~ \\\\"
        );
        // Underscores inside a word cannot open emphasis: left alone.
        assert_eq!(esc("aws_s3_bucket _x_"), "aws_s3_bucket \\_x\\_");
        assert_eq!(esc("# not a heading"), "\\# not a heading");
    }

    #[test]
    fn code_spans_hold_anything() {
        assert_eq!(code("a/b.tf"), "`a/b.tf`");
        assert_eq!(code("a|b"), "`a\\|b`");
        assert_eq!(code_text("a|b"), "`a|b`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x`"), "`` `x` ``");
        assert_eq!(code("a\nb"), "`a b`");
        assert_eq!(code(""), "");
    }

    #[test]
    fn anchors_are_stable_and_distinct() {
        let a = anchors(["k8s-probes", "main-rules", "Main.Rules"].into_iter());
        assert_eq!(a["k8s-probes"], "control-k8s-probes");
        // Collapsing to the same text, the later id (in id order) gets `-2`.
        assert_eq!(a["Main.Rules"], "control-main-rules");
        assert_eq!(a["main-rules"], "control-main-rules-2");
    }
}
