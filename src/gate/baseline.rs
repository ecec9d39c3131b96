//! The baseline: findings accepted as known. A finding recorded in it is
//! reported, not failing the run; findings not in it are new; entries no
//! longer found are listed as fixed. Failing the build on regressions only
//! is the point.

use crate::results::{BaselineEntry, BaselineReport, ControlResult, Level, Outcome};
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
        let mut findings: Vec<BaselineEntry> = controls
            .iter()
            .flat_map(|c| {
                c.targets.iter().flat_map(move |t| {
                    t.findings
                        .iter()
                        .filter(|f| f.waiver.is_none())
                        .map(move |f| BaselineEntry {
                            control: c.control.id.clone(),
                            path: f
                                .location
                                .as_ref()
                                .map_or_else(|| t.path.clone(), |l| l.path.clone()),
                            resource: f.resource.clone(),
                            message: f.message.clone(),
                            fingerprint: f.fingerprint.clone(),
                        })
                })
            })
            .collect();
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

/// Mark findings recorded in the baseline as known.
pub fn apply_baseline(
    controls: &mut [ControlResult],
    baseline: &Baseline,
    file: &str,
) -> BaselineReport {
    let recorded: BTreeSet<&str> = baseline
        .findings
        .iter()
        .map(|e| e.fingerprint.as_str())
        .collect();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut report = BaselineReport {
        file: file.to_owned(),
        ..BaselineReport::default()
    };
    for c in controls.iter_mut() {
        for t in &mut c.targets {
            for f in t.findings.iter_mut().filter(|f| f.waiver.is_none()) {
                if recorded.contains(f.fingerprint.as_str()) {
                    f.known = true;
                    report.known += 1;
                    seen.insert(f.fingerprint.clone());
                } else if f.level == Level::Deny {
                    report.new += 1;
                }
            }
            t.outcome = Outcome::of(&t.findings);
        }
    }
    let ran: BTreeSet<&str> = controls.iter().map(|c| c.control.id.as_str()).collect();
    report.fixed = baseline
        .findings
        .iter()
        .filter(|e| ran.contains(e.control.as_str()) && !seen.contains(&e.fingerprint))
        .cloned()
        .collect();
    report
}
