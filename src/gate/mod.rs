//! The gate, the one owner of the verdict: waivers and the baseline
//! applied to the findings, then the thresholds that decide the exit code.

pub mod baseline;
pub mod waivers;

use crate::results::{
    BaselineReport, ControlResult, Gate, NotExamined, Outcome, Summary, Verdict, WaiverReport,
};
use crate::words::plural;

/// Exit 1 when a failure at or above the threshold exists, or when an input
/// or an evaluation errored: the gate is closed whenever something was not
/// checked. Otherwise 0. `--no-fail` keeps the reasons and exits 0. The
/// reasons also say which findings fail again because their waiver expired
/// and what the baseline did.
pub fn verdict(
    controls: &[ControlResult],
    summary: &Summary,
    gate: Gate,
    waivers: &WaiverReport,
    baseline: Option<&BaselineReport>,
    not_examined: &NotExamined,
) -> Verdict {
    let fail_on = gate.fail_on;
    let mut reasons = Vec::new();
    let gating: Vec<&ControlResult> = controls
        .iter()
        .filter(|c| c.control.severity >= fail_on && c.count(Outcome::Fail) > 0)
        .collect();
    if !gating.is_empty() {
        let n: usize = gating.iter().map(|c| c.count(Outcome::Fail)).sum();
        reasons.push(format!(
            "{n} failing target{} in {} control{} at or above severity {fail_on}",
            plural(n),
            gating.len(),
            plural(gating.len())
        ));
    }
    if gate.fail_on_warn {
        let warned: usize = controls
            .iter()
            .filter(|c| c.control.severity >= fail_on)
            .map(|c| c.count(Outcome::Warn))
            .sum();
        if warned > 0 {
            reasons.push(format!(
                "{warned} warning target{} (--fail-on-warn)",
                plural(warned)
            ));
        }
    }
    if summary.input_errors > 0 {
        reasons.push(format!(
            "{} input{} could not be read or parsed",
            summary.input_errors,
            plural(summary.input_errors)
        ));
    }
    if summary.errors > 0 {
        reasons.push(format!(
            "{} evaluation error{}",
            summary.errors,
            plural(summary.errors)
        ));
    }
    // A scan that looked at nothing must not look like one that found
    // nothing wrong.
    if summary.targets == 0 && !gate.allow_empty {
        reasons.push(
            "nothing examined: no control found a target in the scanned files (--allow-empty to accept)"
                .to_owned(),
        );
    }
    let calls = not_examined.module_calls.len();
    if gate.fail_on_unexamined && calls > 0 {
        reasons.push(format!(
            "{calls} module call{} not examined (fail_on_unexamined)",
            plural(calls)
        ));
    }
    let passed = reasons.is_empty();
    if passed {
        let below = summary.failed;
        reasons.push(if below > 0 {
            format!(
                "{below} failing target{} below the threshold ({fail_on})",
                plural(below)
            )
        } else {
            "no failing target".to_owned()
        });
    }
    if !passed && gate.no_fail {
        reasons.push("exit 0 because of --no-fail".to_owned());
    }
    let expired: usize = waivers.expired.iter().map(|(_, n)| n).sum();
    if expired > 0 {
        reasons.push(format!(
            "{expired} finding{} failing again because {} waiver{} expired",
            plural(expired),
            waivers.expired.len(),
            plural(waivers.expired.len())
        ));
    }
    if let Some(b) = baseline {
        reasons.push(format!(
            "baseline {}: {} known, {} new, {} fixed",
            b.file,
            b.known,
            b.new,
            b.fixed.len()
        ));
    }
    Verdict {
        exit_code: if passed || gate.no_fail { 0 } else { 1 },
        passed,
        reasons,
    }
}
