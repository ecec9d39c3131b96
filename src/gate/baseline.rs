//! The baseline: findings accepted as known. A finding recorded in it is
//! reported, not failing the run; findings not in it are new; entries no
//! longer found are listed as fixed. Failing the build on regressions only
//! is the point.

use crate::controls::Control;
use crate::results::{BaselineEntry, BaselineReport, ControlResult, Level, Outcome, TargetResult};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// Version of the baseline file format.
pub const BASELINE_VERSION: u32 = 1;

/// The baseline file: the findings accepted as known, sorted so that a
/// change to it reads well in a git diff. No line numbers: they move.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema_version: u32,
    pub generated_by: String,
    pub findings: Vec<BaselineEntry>,
}

impl Baseline {
    /// The live (not waived) deny and warn findings of a scan.
    pub fn from_results(controls: &[ControlResult]) -> Baseline {
        let mut findings: Vec<BaselineEntry> = Vec::new();
        for c in controls {
            for t in c.targets.iter() {
                for f in t.findings.iter().filter(|f| f.waiver.is_none()) {
                    findings.push(BaselineEntry {
                        control: c.control.id.clone(),
                        path: f
                            .location
                            .as_ref()
                            .map_or_else(|| t.path.clone(), |l| l.path.clone()),
                        resource: f.resource.clone(),
                        message: f.message.clone(),
                        fingerprint: f.fingerprint.clone(),
                    });
                }
            }
        }
        findings.sort();
        findings.dedup_by(|a, b| a.fingerprint == b.fingerprint && a.control == b.control);
        Baseline {
            schema_version: BASELINE_VERSION,
            generated_by: format!("assure {}", env!("CARGO_PKG_VERSION")),
            findings,
        }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Read a baseline; a file that does not parse is an error, never an
    /// empty baseline.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let label = crate::paths::slash_path(path);
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{label}: cannot read baseline: {e}"))?;
        let b: Baseline = serde_json::from_str(&text)
            .map_err(|e| format!("{label}:{}: not a baseline file: {e}", e.line()))?;
        if b.schema_version != BASELINE_VERSION {
            return Err(format!(
                "{label}: baseline schema_version {} is not supported (expected {BASELINE_VERSION})",
                b.schema_version
            ));
        }
        Ok(b)
    }
}

/// A baseline ready to mark findings as known, one target at a time.
pub struct BaselineMatch<'b> {
    baseline: &'b Baseline,
    recorded: BTreeSet<&'b str>,
    seen: BTreeSet<String>,
    report: BaselineReport,
}

impl<'b> BaselineMatch<'b> {
    /// `file`: how reports name the baseline file.
    pub fn new(baseline: &'b Baseline, file: &str) -> BaselineMatch<'b> {
        BaselineMatch {
            baseline,
            recorded: baseline
                .findings
                .iter()
                .map(|e| e.fingerprint.as_str())
                .collect(),
            seen: BTreeSet::new(),
            report: BaselineReport {
                file: file.to_owned(),
                ..BaselineReport::default()
            },
        }
    }

    /// Mark the target's findings recorded in the baseline as known (after
    /// waivers: a waived finding stays waived) and recompute its outcome. A
    /// target that could not be evaluated keeps its error.
    pub fn apply(&mut self, t: &mut TargetResult) {
        for f in t.findings.iter_mut().filter(|f| f.waiver.is_none()) {
            if self.recorded.contains(f.fingerprint.as_str()) {
                f.known = true;
                self.report.known += 1;
                self.seen.insert(f.fingerprint.clone());
            } else if f.level == Level::Deny {
                self.report.new += 1;
            }
        }
        if t.outcome != Outcome::Error {
            t.outcome = Outcome::of(&t.findings);
        }
    }

    /// What the baseline did, once every target of `ran` (the controls
    /// that ran) went through [`BaselineMatch::apply`]: entries of those
    /// controls that matched nothing are fixed.
    pub fn report(self, ran: &[Control]) -> BaselineReport {
        let ran: BTreeSet<&str> = ran.iter().map(|c| c.id.as_str()).collect();
        let mut report = self.report;
        report.fixed = self
            .baseline
            .findings
            .iter()
            .filter(|e| ran.contains(e.control.as_str()) && !self.seen.contains(&e.fingerprint))
            .cloned()
            .collect();
        report
    }
}
