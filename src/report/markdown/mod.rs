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

mod escape;
mod findings;
mod intro;

use escape::{badge, code, code_text, esc};
use findings::{controls_table, findings};
use intro::{about, summary};

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
